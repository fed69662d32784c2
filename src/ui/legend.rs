//! The key to the drawing, painted on the canvas like a textbook figure legend.

use egui::{Align2, FontId, Painter, Pos2, Rect, Stroke, pos2, vec2};

use super::paint::paint_trigger_point;
use crate::theme::Theme;

/// Paints the legend in the bottom-left corner of `area`; returns its rectangle.
pub fn paint_legend(painter: &Painter, theme: &Theme, area: Rect, font_size: f32) -> Rect {
    let row_h = font_size * 1.6;
    let swatch = font_size * 1.3;
    let rows = [
        "Trigger point",
        "Essential zone (nearly everyone)",
        "Spillover zone (some people)",
        "Selected muscle",
        "Deep muscle",
    ];
    let width = font_size * 17.0;
    let height = row_h * rows.len() as f32 + font_size * 0.8;
    let rect = Rect::from_min_size(pos2(area.left() + 8.0, area.bottom() - height - 8.0), vec2(width, height));
    painter.rect_filled(rect, 6.0, theme.canvas.gamma_multiply(0.92));
    painter.rect_stroke(rect, 6.0, Stroke::new(1.0, theme.faint), egui::StrokeKind::Inside);
    let font = FontId::proportional(font_size);
    for (i, label) in rows.iter().enumerate() {
        let y = rect.top() + font_size * 0.4 + row_h * (i as f32 + 0.5);
        let sw = Rect::from_center_size(pos2(rect.left() + 8.0 + swatch * 0.5, y), vec2(swatch, swatch * 0.8));
        match i {
            0 => paint_trigger_point(painter, theme, sw.center(), font_size / 9.0),
            1 => {
                painter.rect_filled(sw, 2.0, theme.essential);
            }
            2 => {
                painter.rect_filled(sw, 2.0, theme.spillover_wash);
                let step = swatch / 4.0;
                for row in 0..4 {
                    for col in 0..4 {
                        let shift = if row % 2 == 1 { step * 0.5 } else { 0.0 };
                        let p = Pos2::new(sw.left() + step * (col as f32 + 0.3) + shift, sw.top() + step * 0.8 * (row as f32 + 0.5));
                        if sw.contains(p) {
                            painter.circle_filled(p, (font_size / 12.0).max(0.9), theme.spillover_dot);
                        }
                    }
                }
            }
            3 => {
                painter.rect_filled(sw, 2.0, theme.selected_fill);
                painter.rect_stroke(sw, 2.0, Stroke::new(1.5, theme.selected_line), egui::StrokeKind::Inside);
            }
            _ => {
                let pts = vec![sw.left_top(), sw.right_top(), sw.right_bottom(), sw.left_bottom(), sw.left_top()];
                painter.extend(egui::Shape::dashed_line(&pts, Stroke::new(1.2, theme.muscle_line), 3.0, 2.0));
            }
        }
        painter.text(pos2(sw.right() + 8.0, y), Align2::LEFT_CENTER, *label, font.clone(), theme.label);
    }
    rect
}
