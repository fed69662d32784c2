//! The key to the drawing, in one row under the figures like a textbook legend.

use egui::{Align2, FontId, Painter, Pos2, Rect, Stroke, pos2, vec2};

use super::paint::trigger_point_shapes;
use crate::theme::Theme;

/// One entry of the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendEntry {
    TriggerPoint,
    Essential,
    Spillover,
    Selected,
    Deep,
    PainMark,
}

impl LegendEntry {
    /// The entries of the atlas mode, in order.
    pub const ATLAS: [LegendEntry; 5] = [
        LegendEntry::TriggerPoint,
        LegendEntry::Essential,
        LegendEntry::Spillover,
        LegendEntry::Selected,
        LegendEntry::Deep,
    ];
    /// The entries of the pain finder, in order.
    pub const FINDER: [LegendEntry; 4] = [
        LegendEntry::PainMark,
        LegendEntry::TriggerPoint,
        LegendEntry::Essential,
        LegendEntry::Spillover,
    ];

    /// The words shown beside the swatch.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            LegendEntry::TriggerPoint => "Trigger point",
            LegendEntry::Essential => "Essential zone (nearly everyone)",
            LegendEntry::Spillover => "Spillover zone (some people)",
            LegendEntry::Selected => "Selected muscle",
            LegendEntry::Deep => "Deep muscle",
            LegendEntry::PainMark => "Where it hurts",
        }
    }
}

/// Height of a legend strip of `rows` rows for a font size, in points.
#[must_use]
pub fn legend_height(font_size: f32, rows: usize) -> f32 {
    font_size * (0.8 + 1.6 * rows.max(1) as f32)
}

/// The type may shrink this much before the legend breaks into another row.
const MIN_FIT: f32 = 0.85;

/// How many rows the legend needs to fit `width` at `font_size` without shrinking the
/// type below [`MIN_FIT`]: one on a wide canvas, more on a narrow one, so that rows
/// never overlap and the words stay readable.
#[must_use]
pub fn legend_rows(
    painter: &Painter,
    theme: &Theme,
    entries: &[LegendEntry],
    width: f32,
    font_size: f32,
) -> usize {
    (1..=entries.len().max(1))
        .find(|rows| {
            let per_row = entries.len().div_ceil(*rows).max(1);
            entries
                .chunks(per_row)
                .all(|row| row_width(painter, theme, row, font_size) * MIN_FIT <= width)
        })
        .unwrap_or(entries.len().max(1))
}

fn row_width(painter: &Painter, theme: &Theme, entries: &[LegendEntry], font_size: f32) -> f32 {
    let font = FontId::proportional(font_size);
    let items: f32 = entries
        .iter()
        .map(|e| e.label())
        .map(|l| {
            painter
                .layout_no_wrap((*l).to_owned(), font.clone(), theme.label)
                .size()
                .x
                + font_size * 2.0
        })
        .sum();
    items + font_size * 1.6 * entries.len().saturating_sub(1) as f32 + 16.0
}

/// Paints the legend centred in `area` (a strip of [`legend_height`]), in as many rows
/// as [`legend_rows`] says.
pub fn paint_legend(
    painter: &Painter,
    theme: &Theme,
    entries: &[LegendEntry],
    area: Rect,
    font_size: f32,
) {
    let rows = legend_rows(painter, theme, entries, area.width(), font_size);
    let per_row = entries.len().div_ceil(rows).max(1);
    let row_h = area.height() / rows as f32;
    for (i, row) in entries.chunks(per_row).enumerate() {
        let rect = Rect::from_min_size(
            pos2(area.left(), area.top() + row_h * i as f32),
            vec2(area.width(), row_h),
        );
        paint_row(painter, theme, row, rect, font_size);
    }
}

/// One row of the legend, centred in `area`, the type shrunk a little if needed.
fn paint_row(
    painter: &Painter,
    theme: &Theme,
    entries: &[LegendEntry],
    area: Rect,
    font_size: f32,
) {
    let fit = area.width() / row_width(painter, theme, entries, font_size);
    let font_size = if fit < 1.0 {
        font_size * fit
    } else {
        font_size
    };
    let font = FontId::proportional(font_size);
    let swatch = vec2(font_size * 1.5, font_size * 1.1);
    let gap = font_size * 1.6;
    let widths: Vec<f32> = entries
        .iter()
        .map(|e| {
            let galley = painter.layout_no_wrap(e.label().to_owned(), font.clone(), theme.label);
            swatch.x + font_size * 0.5 + galley.size().x
        })
        .collect();
    let total: f32 = widths.iter().sum::<f32>() + gap * (widths.len() - 1) as f32;
    let mut x = area.center().x - total * 0.5;
    let y = area.center().y;
    for (i, entry) in entries.iter().enumerate() {
        let sw = Rect::from_min_size(pos2(x, y - swatch.y * 0.5), swatch);
        match entry {
            LegendEntry::TriggerPoint => {
                painter.extend(trigger_point_shapes(theme, sw.center(), font_size / 10.0));
            }
            LegendEntry::Essential => {
                painter.rect_filled(sw, 2.0, theme.essential);
            }
            LegendEntry::Spillover => {
                painter.rect_filled(sw, 2.0, theme.spillover_wash);
                let step = swatch.x / 4.0;
                for row in 0..4 {
                    for col in 0..5 {
                        let shift = if row % 2 == 1 { step * 0.5 } else { 0.0 };
                        let p = Pos2::new(
                            sw.left() + step * (col as f32 + 0.25) + shift,
                            sw.top() + swatch.y * (row as f32 + 0.5) / 4.0,
                        );
                        if sw.shrink(0.5).contains(p) {
                            painter.circle_filled(
                                p,
                                (font_size / 13.0).max(0.9),
                                theme.spillover_dot,
                            );
                        }
                    }
                }
            }
            LegendEntry::Selected => {
                painter.rect_filled(sw, 2.0, theme.selected_fill);
                painter.rect_stroke(
                    sw,
                    2.0,
                    Stroke::new(1.5, theme.selected_line),
                    egui::StrokeKind::Inside,
                );
            }
            LegendEntry::PainMark => {
                painter.circle(
                    sw.center(),
                    swatch.y * 0.5,
                    theme.mark_fill,
                    Stroke::new(1.5, theme.mark_line),
                );
            }
            LegendEntry::Deep => {
                let pts = vec![
                    sw.left_top(),
                    sw.right_top(),
                    sw.right_bottom(),
                    sw.left_bottom(),
                    sw.left_top(),
                ];
                painter.extend(egui::Shape::dashed_line(
                    &pts,
                    Stroke::new(1.3, theme.selected_line),
                    3.0,
                    2.0,
                ));
            }
        }
        painter.text(
            pos2(sw.right() + font_size * 0.5, y),
            Align2::LEFT_CENTER,
            entry.label(),
            font.clone(),
            theme.label,
        );
        x += widths[i] + gap;
    }
}

/// The legend when several patterns are compared: one colour chip per muscle, and
/// how to read solid and dotted areas.
pub fn paint_compare_legend(
    painter: &Painter,
    theme: &Theme,
    items: &[(&str, egui::Color32)],
    area: Rect,
    font_size: f32,
) {
    let font = FontId::proportional(font_size);
    let chip = vec2(font_size * 1.3, font_size * 0.9);
    let note = "solid: essential · dots: spillover";
    let mut widths: Vec<f32> = items
        .iter()
        .map(|(name, _)| {
            chip.x
                + font_size * 0.4
                + painter
                    .layout_no_wrap((*name).to_owned(), font.clone(), theme.label)
                    .size()
                    .x
        })
        .collect();
    widths.push(
        painter
            .layout_no_wrap(note.to_owned(), font.clone(), theme.label)
            .size()
            .x,
    );
    let gap = font_size * 1.4;
    let total: f32 = widths.iter().sum::<f32>() + gap * (widths.len() - 1) as f32;
    let mut x = area.center().x - total.min(area.width()) * 0.5;
    let y = area.center().y;
    for (i, (name, colour)) in items.iter().enumerate() {
        let sw = Rect::from_min_size(pos2(x, y - chip.y * 0.5), chip);
        painter.rect_filled(sw, 2.0, *colour);
        painter.text(
            pos2(sw.right() + font_size * 0.4, y),
            Align2::LEFT_CENTER,
            *name,
            font.clone(),
            theme.label,
        );
        x += widths[i] + gap;
    }
    painter.text(pos2(x, y), Align2::LEFT_CENTER, note, font, theme.detail);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrow_canvas_gets_more_legend_rows_each_of_which_fits() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let painter = ui.ctx().layer_painter(egui::LayerId::background());
            let theme = Theme::light();
            let entries = &LegendEntry::ATLAS;
            let mut last_rows = usize::MAX;
            for width in [120.0, 200.0, 320.0, 500.0, 800.0, 1400.0] {
                let rows = legend_rows(&painter, &theme, entries, width, 14.0);
                assert!(rows <= last_rows, "wider, not more rows ({width})");
                last_rows = rows;
                for row in entries.chunks(entries.len().div_ceil(rows)) {
                    let w = row_width(&painter, &theme, row, 14.0) * MIN_FIT;
                    assert!(w <= width || row.len() == 1, "{width}: a row of {w}");
                }
                assert!(legend_height(14.0, rows) >= 14.0 * 2.4);
            }
            assert_eq!(last_rows, 1, "a wide canvas has one row");
            assert!(legend_rows(&painter, &theme, entries, 120.0, 14.0) >= 3);
        });
        output.textures_delta.clear();
    }
}
