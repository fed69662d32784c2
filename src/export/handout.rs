//! The patient handout: one printable page with the pattern on the patient's side,
//! what it means in plain words, the warning signs that need urgent care, the source
//! and the date.

use egui::{Align2, FontId, Rect, RichText, Ui, UiBuilder, pos2, vec2};

use super::{FigureSpec, figure_ui};
use crate::draw::legend::{legend_height, legend_rows};
use crate::finder::PainMark;
use crate::model::{Atlas, ClinicianNote, MuscleId, SideChoice, ZoneKind};
use crate::theme::Theme;

/// The handout's resolution: pixels per inch (recorded in the PNG).
pub const HANDOUT_DPI: u32 = 150;

/// Body text of the handout is never smaller than this, in points at print size.
pub const MIN_BODY_PT: f32 = 10.0;

/// Notes, captions and the figure's legend are never smaller than this, in points.
pub const MIN_NOTE_PT: f32 = 8.0;

/// Points at print size as pixels of a page at [`HANDOUT_DPI`].
#[must_use]
pub fn pt_to_px(pt: f32) -> f32 {
    pt / 72.0 * HANDOUT_DPI as f32
}

/// The type size of a figure on a printed page: its smallest words (the footnote, at
/// 0.75 of it) come out at [`MIN_NOTE_PT`].
#[must_use]
pub fn printed_figure_unit() -> f32 {
    pt_to_px(MIN_NOTE_PT) / 0.75
}

/// The handout's body type size in pixels for a page `page_width` pixels wide: about
/// 10.3 pt on A4 and Letter, never below [`MIN_BODY_PT`] (notes are 0.8 of it, 8.2 pt).
#[must_use]
pub fn body_type_px(page_width: f32) -> f32 {
    let min = MIN_BODY_PT / 72.0 * HANDOUT_DPI as f32;
    (page_width / 58.0).max(min)
}

/// Paper sizes, rendered at 150 pixels per inch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Page size in pixels at 150 dpi.
    #[must_use]
    pub fn pixels(self) -> [u32; 2] {
        match self {
            Paper::A4 => [1240, 1754],     // 210 x 297 mm
            Paper::Letter => [1275, 1650], // 8.5 x 11 in
        }
    }

    /// Page size in PDF points (1/72 inch).
    #[must_use]
    pub fn points(self) -> egui::Vec2 {
        match self {
            Paper::A4 => egui::vec2(595.28, 841.89),
            Paper::Letter => egui::vec2(612.0, 792.0),
        }
    }

    /// "A4" or "Letter".
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "Letter",
        }
    }
}

/// What goes on a handout.
#[derive(Clone, Debug, PartialEq)]
pub struct HandoutSpec {
    pub muscle: MuscleId,
    /// The patient's side, or both sides.
    pub side: SideChoice,
    /// The date printed on the page, e.g. "2026-11-26".
    pub date: String,
    /// Only this trigger point's pattern (by label); `None`: all of them.
    pub trigger_point: Option<String>,
    /// The patient's own pain marks (a handout made from "Where does it hurt?").
    pub marks: Vec<PainMark>,
    /// The physician's initials and note, if typed.
    pub note: ClinicianNote,
}

/// Today's date as YYYY-MM-DD (UTC), from the system clock.
#[must_use]
pub fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    let (y, m, d) = civil_from_days(i64::try_from(days).unwrap_or(0));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian calendar.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Paints the handout over the whole of `ui` (a page at 150 dpi, one point per pixel).
pub fn handout_ui(ui: &mut Ui, atlas: &Atlas, theme: &Theme, spec: &HandoutSpec) {
    let page = ui.max_rect();
    let Some(m) = atlas.muscle(&spec.muscle) else {
        return;
    };
    let margin = page.width() * 0.06;
    let body_font = body_type_px(page.width());
    let inner = page.shrink(margin);
    let painter = ui.painter().clone();
    painter.text(
        inner.left_top(),
        Align2::LEFT_TOP,
        "Trigger Point Atlas · information for patients",
        FontId::proportional(body_font * 0.85),
        theme.detail,
    );
    if let Some(by) = spec.note.initials_line() {
        painter.text(
            inner.right_top(),
            Align2::RIGHT_TOP,
            format!("{by} · {}", spec.date),
            FontId::proportional(body_font * 0.85),
            theme.detail,
        );
    }
    // The text is measured first (laid out unseen); the figure, the same drawing as
    // the app's on the patient's side, takes the room left over, between a third and
    // half of the page. If the text would not fit even then, its type shrinks.
    let regions = atlas.warnings_for(m);
    let figure = FigureSpec {
        muscle: Some(m.id.clone()),
        sides: spec.side.sides().to_vec(),
        views: Vec::new(),
        trigger_point: spec.trigger_point.clone(),
        marks: spec.marks.clone(),
        unit: Some(printed_figure_unit()),
    };
    let page = Page {
        atlas,
        theme,
        spec,
        muscle: m,
        figure: &figure,
        regions: &regions,
        font: body_font,
    };
    let top = inner.top() + body_font * 1.8;
    let measure = |ui: &mut Ui, font: f32| {
        text_height(ui, inner.width(), |ui| {
            Page { font, ..page }.text_ui(ui, 0..SECTIONS);
        })
    };
    let (min_figure, max_figure) = (inner.height() * 0.3, inner.height() * 0.5);
    let mut font = body_font;
    let mut text_height = measure(ui, font);
    let room = inner.bottom() - top - font;
    // Long texts shrink the figure first, then the type, never below 10 pt.
    let min_figure = if text_height > room - min_figure {
        (room - text_height).max(inner.height() * 0.2)
    } else {
        min_figure
    };
    if text_height > room - min_figure {
        let floor = MIN_BODY_PT / 72.0 * HANDOUT_DPI as f32;
        font = (font * ((room - min_figure) / text_height).clamp(0.7, 1.0)).max(floor);
        text_height = measure(ui, font);
    }
    let figure_height = (room - text_height).clamp(min_figure, max_figure);
    let figure_rect =
        Rect::from_min_size(pos2(inner.left(), top), vec2(inner.width(), figure_height));
    // A long text leaves a short, wide strip for the figure, where the bodies come out
    // small: then the figure goes beside the first part of the text instead, if that
    // draws it clearly larger.
    let stacked_scale = first_scale(atlas, &super::figure_panels(atlas, &figure, figure_rect));
    // The figure's share of the width, and how much of the text stands beside it
    // (the pattern in words, where it is felt, self-care): whatever draws the figure
    // largest with the text still on the page.
    let side_by_side = [1, 2, 3]
        .into_iter()
        .flat_map(|lead| [0.45, 0.5, 0.55, 0.6, 0.65].map(|share| (lead, share)))
        .filter_map(|(lead, share)| {
            Beside::arrange(ui, &page, inner, share, lead).map(|b| (b, share))
        })
        // Scales within 2 % are equal; then more text beside, then a narrower figure.
        .max_by(|(a, a_share), (b, b_share)| {
            let same = (a.scale - b.scale).abs() <= 0.02 * a.scale.max(b.scale);
            if same {
                a.lead_sections
                    .cmp(&b.lead_sections)
                    .then(b_share.total_cmp(a_share))
            } else {
                a.scale.total_cmp(&b.scale)
            }
        })
        .map(|(b, _)| b);
    if let Some(beside) = side_by_side.filter(|b| b.scale > stacked_scale * 1.15) {
        beside.paint(ui, &page);
        return;
    }
    ui.scope_builder(UiBuilder::new().max_rect(figure_rect), |ui| {
        figure_ui(ui, atlas, theme, &figure);
    });
    let text_rect = Rect::from_min_max(pos2(inner.left(), figure_rect.bottom() + font), inner.max);
    ui.scope_builder(UiBuilder::new().max_rect(text_rect), |ui| {
        Page { font, ..page }.text_ui(ui, 0..SECTIONS);
    });
}

/// Body units to page pixels on the first of the placed panels (all whole figures of
/// one layout share it).
fn first_scale(atlas: &Atlas, placed: &[(crate::draw::layout::Panel, Rect)]) -> f32 {
    placed
        .first()
        .and_then(|(panel, rect)| {
            atlas
                .view(&panel.view)
                .map(|v| crate::draw::paint::panel_transform(v, panel, *rect).scale())
        })
        .unwrap_or(0.0)
}

/// The handout with its figure beside the text's first part: the title across the
/// page, then the views and their legend on the left half with the pattern in words
/// and self-care on the right, then the warning signs and the rest across the page.
struct Beside {
    title: Rect,
    views: Rect,
    legend: Rect,
    lead: Rect,
    tail: Rect,
    /// Body units to pixels of the views, to compare with the figure on top.
    scale: f32,
    /// How many sections of the text stand beside the figure.
    lead_sections: usize,
}

impl Beside {
    /// Where everything goes at the body type size with the figure `share` of the
    /// width, or `None` if the text does not fit.
    fn arrange(
        ui: &mut Ui,
        page: &Page<'_>,
        inner: Rect,
        share: f32,
        lead_sections: usize,
    ) -> Option<Self> {
        let Page {
            atlas,
            theme,
            figure,
            font,
            ..
        } = *page;
        let unit = printed_figure_unit();
        let gap = font * 1.5;
        let figure_width = (inner.width() - gap) * share;
        let text_width = inner.width() - gap - figure_width;
        let lead_height = text_height(ui, text_width, |ui| page.text_ui(ui, 0..lead_sections));
        let tail_height = text_height(ui, inner.width(), |ui| {
            page.text_ui(ui, lead_sections..SECTIONS);
        });
        let top = inner.top() + font * 1.8;
        let title = Rect::from_min_size(
            pos2(inner.left(), top),
            vec2(inner.width(), super::figure::title_height(unit)),
        );
        let block_top = title.bottom();
        let block_room = inner.bottom() - block_top - tail_height - font;
        let entries = super::figure::legend_entries(atlas, figure);
        // The legend goes under the views, in the column, or across the page under
        // both (in fewer rows): whichever leaves the views larger.
        let column_legend = legend_height(
            unit,
            legend_rows(ui.painter(), theme, entries, figure_width, unit),
        );
        let wide_legend = legend_height(
            unit,
            legend_rows(ui.painter(), theme, entries, inner.width(), unit),
        );
        let panels = super::figure::figure_views(atlas, figure);
        let arrange = |in_column: bool| {
            let (views_room, lead_room) = if in_column {
                (block_room - column_legend, block_room)
            } else {
                (block_room - wide_legend, block_room - wide_legend)
            };
            if lead_height > lead_room || views_room < inner.height() * 0.2 {
                return None;
            }
            // The views as large as the column allows, then only as tall as they are.
            let room = Rect::from_min_size(
                pos2(inner.left(), block_top),
                vec2(figure_width, views_room),
            );
            let used = crate::draw::layout::layout(atlas, &panels, room)
                .iter()
                .map(|(_, r)| *r)
                .reduce(Rect::union)?
                .height();
            let (block_height, legend) = if in_column {
                let height = lead_height.max(used + column_legend);
                let views_top = block_top + (height - used - column_legend) * 0.5;
                (
                    height,
                    Rect::from_min_size(
                        pos2(inner.left(), views_top + used),
                        vec2(figure_width, column_legend),
                    ),
                )
            } else {
                let height = lead_height.max(used);
                (
                    height + wide_legend,
                    Rect::from_min_size(
                        pos2(inner.left(), block_top + height),
                        vec2(inner.width(), wide_legend),
                    ),
                )
            };
            let views = Rect::from_min_size(
                pos2(inner.left(), legend.top() - used),
                vec2(figure_width, used),
            );
            Some(Self {
                title,
                views,
                legend,
                lead: Rect::from_min_size(
                    pos2(inner.right() - text_width, block_top),
                    vec2(text_width, lead_height),
                ),
                tail: Rect::from_min_max(
                    pos2(inner.left(), block_top + block_height + font * 0.5),
                    inner.max,
                ),
                scale: first_scale(atlas, &crate::draw::layout::layout(atlas, &panels, views)),
                lead_sections,
            })
        };
        match (arrange(true), arrange(false)) {
            (Some(column), Some(wide)) if wide.scale > column.scale * 1.02 => Some(wide),
            (Some(column), _) => Some(column),
            (None, wide) => wide,
        }
    }

    fn paint(&self, ui: &mut Ui, page: &Page<'_>) {
        let Page {
            atlas,
            theme,
            figure,
            ..
        } = *page;
        let unit = printed_figure_unit();
        let painter = ui.painter().clone();
        super::figure::paint_title(&painter, atlas, theme, figure, self.title, unit);
        super::figure::paint_views(&painter, atlas, theme, figure, self.views);
        crate::draw::legend::paint_legend(
            &painter,
            theme,
            super::figure::legend_entries(atlas, figure),
            self.legend,
            unit,
        );
        ui.scope_builder(UiBuilder::new().max_rect(self.lead), |ui| {
            page.text_ui(ui, 0..self.lead_sections);
        });
        ui.scope_builder(UiBuilder::new().max_rect(self.tail), |ui| {
            page.text_ui(ui, self.lead_sections..SECTIONS);
        });
    }
}

/// What a handout page is made of.
#[derive(Clone, Copy)]
struct Page<'a> {
    atlas: &'a Atlas,
    theme: &'a Theme,
    spec: &'a HandoutSpec,
    muscle: &'a crate::model::Muscle,
    figure: &'a FigureSpec,
    regions: &'a [&'a crate::model::WarningRegion],
    /// The body type size.
    font: f32,
}

/// The last words of every printed page: a typical pattern, not a diagnosis.
pub(super) const REMINDER: &str = "This picture shows a typical pattern from the medical literature, not a \
     diagnosis. Pain in these areas can have other causes; your clinician has examined you and \
     will tell you what applies to you.";

/// How tall `contents` is when laid out `width` wide (unseen).
/// The probe is a child that takes no room in `ui`, so measuring moves nothing.
pub(super) fn text_height(ui: &mut Ui, width: f32, contents: impl FnOnce(&mut Ui)) -> f32 {
    let probe = Rect::from_min_size(ui.max_rect().min, vec2(width, f32::INFINITY));
    let mut child = ui.new_child(UiBuilder::new().max_rect(probe).invisible());
    contents(&mut child);
    child.min_rect().height()
}

/// The warning signs of `regions` in columns, read down each column and on to the
/// next as in a newspaper: two columns for one or two regions, three for more, so
/// that a pattern reaching four regions still leaves the figure room. Each region's
/// name stays with its first sign; the columns come out as even as the signs allow.
pub(super) fn warnings_ui(
    ui: &mut Ui,
    regions: &[&crate::model::WarningRegion],
    theme: &Theme,
    body_font: f32,
) {
    let count = if regions.len() > 2 { 3 } else { 2 };
    let spacing = ui.spacing().item_spacing;
    let width = (ui.available_width() - spacing.x * (count - 1) as f32) / count as f32;
    let name = |region: &crate::model::WarningRegion| {
        RichText::new(&region.name)
            .size(body_font)
            .strong()
            .color(theme.label)
    };
    let sign = |text: &str| {
        RichText::new(format!("•  {text}"))
            .size(body_font * 0.88)
            .color(theme.label)
    };
    // The pieces in reading order, each as tall as it is at the column's width: a
    // region's name with its first sign, then each further sign.
    let mut pieces: Vec<(Vec<RichText>, f32)> = Vec::new();
    for region in regions {
        for (i, text) in region.signs.iter().enumerate() {
            let labels = if i == 0 {
                vec![name(region), sign(text)]
            } else {
                vec![sign(text)]
            };
            // A region's name has a little space above it, unless it tops a column.
            let gap = if i == 0 { body_font * 0.4 } else { 0.0 };
            let height = text_height(ui, width, |ui| {
                for label in &labels {
                    ui.label(label.clone());
                }
            }) + spacing.y
                + gap;
            pieces.push((labels, height));
        }
    }
    let columns = balanced_columns(&pieces.iter().map(|p| p.1).collect::<Vec<_>>(), count);
    ui.columns(count, |uis| {
        for (column, range) in uis.iter_mut().zip(columns) {
            // Left-aligned, not justified like the columns themselves.
            column.with_layout(egui::Layout::top_down(egui::Align::LEFT), |column| {
                for (n, (labels, _)) in pieces[range].iter().enumerate() {
                    if n > 0 && labels.len() > 1 {
                        column.add_space(body_font * 0.4);
                    }
                    for label in labels {
                        column.label(label.clone());
                    }
                }
            });
        }
    });
    ui.add_space(body_font * 0.4);
}

/// Cuts `heights` (in order) into at most `count` runs whose tallest is as short as
/// possible: the pieces of each column.
fn balanced_columns(heights: &[f32], count: usize) -> Vec<std::ops::Range<usize>> {
    // The runs a column of height `cap` gives, filled greedily.
    let runs = |cap: f32| {
        let mut runs = Vec::new();
        let (mut start, mut filled) = (0, 0.0);
        for (i, h) in heights.iter().enumerate() {
            if filled + h > cap && i > start {
                runs.push(start..i);
                (start, filled) = (i, 0.0);
            }
            filled += h;
        }
        runs.push(start..heights.len());
        runs
    };
    let (mut low, mut high) = (
        heights.iter().copied().fold(0.0, f32::max),
        heights.iter().sum::<f32>(),
    );
    // Halve the gap between a height that is too short and one that fits.
    for _ in 0..30 {
        let mid = (low + high) * 0.5;
        if runs(mid).len() <= count {
            high = mid;
        } else {
            low = mid;
        }
    }
    runs(high)
}

/// How many sections the handout's text has: the pattern in words (with the
/// clinician's note), where it is felt, self-care, the warning signs, and the reminder
/// with the source and the date.
const SECTIONS: usize = 5;

impl Page<'_> {
    /// The sections `range` of the handout's text at the page's type size (see
    /// [`SECTIONS`]; `0..SECTIONS` is all of it).
    fn text_ui(&self, ui: &mut Ui, range: std::ops::Range<usize>) {
        let Page {
            theme,
            spec,
            muscle: m,
            regions,
            font: body_font,
            ..
        } = *self;
        ui.style_mut().override_text_style = None;
        let heading = |ui: &mut Ui, text: &str| {
            ui.add_space(body_font * 0.6);
            ui.label(
                RichText::new(text)
                    .size(body_font * 1.25)
                    .strong()
                    .color(theme.label),
            );
        };
        let para = |ui: &mut Ui, text: &str| {
            ui.label(RichText::new(text).size(body_font).color(theme.label));
        };
        let tp = spec.trigger_point.as_deref();
        for section in range {
            match section {
                0 => {
                    let sides = match spec.side {
                        SideChoice::Both => "both sides".to_owned(),
                        one => format!("{} side", one.word()),
                    };
                    heading(
                        ui,
                        &match tp {
                            Some(tp) => format!("{} {tp} ({sides})", m.name),
                            None => format!("{} ({sides})", m.name),
                        },
                    );
                    para(ui, &m.summary);
                    if let Some(note) = spec.note.note_text() {
                        heading(ui, "A note from your clinician");
                        para(ui, note);
                    }
                }
                1 => {
                    let essential = m.areas_from(ZoneKind::Essential, tp).join(", ");
                    let spillover = m.areas_from(ZoneKind::Spillover, tp).join(", ");
                    heading(ui, "Where the pain is usually felt");
                    para(ui, &format!("Solid red: {essential}."));
                    if !spillover.is_empty() {
                        para(ui, &format!("Red dots, felt by some people: {spillover}."));
                    }
                    para(
                        ui,
                        "The X marks show where the knots (trigger points) usually are.",
                    );
                    if !spec.marks.is_empty() {
                        para(
                            ui,
                            "The violet circles show where you said it hurts, as marked with you in the clinic.",
                        );
                    }
                }
                2 => {
                    heading(ui, "What you can do");
                    para(ui, &m.self_care.advice);
                    if !m.self_care.caution.is_empty() {
                        para(ui, &m.self_care.caution);
                    }
                }
                3 => {
                    heading(ui, "Get medical help right away if");
                    warnings_ui(ui, regions, theme, body_font);
                }
                _ => {
                    heading(ui, "Please remember");
                    para(ui, REMINDER);
                    ui.add_space(body_font * 0.6);
                    let source = m.sources.first().map_or("", |s| s.citation.as_str());
                    ui.label(
                        RichText::new(format!("Source: {source}"))
                            .size(body_font * 0.8)
                            .color(theme.detail),
                    );
                    ui.label(
                        RichText::new(format!("Printed {}", spec.date))
                            .size(body_font * 0.8)
                            .color(theme.detail),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{balanced_columns, civil_from_days};

    #[test]
    fn warning_signs_are_cut_into_even_columns_in_reading_order() {
        assert_eq!(balanced_columns(&[1.0; 6], 3), [0..2, 2..4, 4..6]);
        // A tall piece gets a column to itself; the rest share.
        assert_eq!(balanced_columns(&[5.0, 1.0, 1.0, 1.0], 2), [0..1, 1..4]);
        assert_eq!(balanced_columns(&[1.0, 1.0, 1.0, 5.0], 2), [0..3, 3..4]);
        // Fewer pieces than columns: one column each, none empty.
        assert_eq!(balanced_columns(&[2.0, 3.0], 3), [0..1, 1..2]);
        // Seven signs in three columns: no column holds more than three.
        let runs = balanced_columns(&[1.0; 7], 3);
        assert_eq!(runs.len(), 3);
        assert!(runs.iter().all(|r| r.len() <= 3), "{runs:?}");
        assert_eq!(runs.last().map(|r| r.end), Some(7));
    }

    #[test]
    fn dates_from_days_since_1970() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_783), (2026, 11, 26));
    }
}
