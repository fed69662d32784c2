//! The patient handout: one printable page with the pattern on the patient's side,
//! what it means in plain words, the warning signs that need urgent care, the source
//! and the date.

use egui::{Align2, FontId, Rect, RichText, Ui, UiBuilder, pos2, vec2};

use super::{FigureSpec, figure_ui};
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
    let top = inner.top() + body_font * 1.8;
    let measure = |ui: &mut Ui, font: f32| {
        text_height(ui, inner.width(), |ui| {
            handout_text_ui(ui, m, &regions, theme, spec, font);
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
    let figure = FigureSpec {
        muscle: Some(m.id.clone()),
        sides: spec.side.sides().to_vec(),
        views: Vec::new(),
        trigger_point: spec.trigger_point.clone(),
        marks: spec.marks.clone(),
        unit: Some(printed_figure_unit()),
    };
    ui.scope_builder(UiBuilder::new().max_rect(figure_rect), |ui| {
        figure_ui(ui, atlas, theme, &figure);
    });
    let text_rect = Rect::from_min_max(pos2(inner.left(), figure_rect.bottom() + font), inner.max);
    ui.scope_builder(UiBuilder::new().max_rect(text_rect), |ui| {
        handout_text_ui(ui, m, &regions, theme, spec, font);
    });
}

/// The last words of every printed page: a typical pattern, not a diagnosis.
pub(super) const REMINDER: &str = "This picture shows a typical pattern from the medical literature, not a \
     diagnosis. Pain in these areas can have other causes; your clinician has examined you and \
     will tell you what applies to you.";

/// How tall `contents` is when laid out `width` wide (unseen).
pub(super) fn text_height(ui: &mut Ui, width: f32, contents: impl FnOnce(&mut Ui)) -> f32 {
    let probe = Rect::from_min_size(ui.max_rect().min, vec2(width, f32::INFINITY));
    ui.scope_builder(UiBuilder::new().max_rect(probe).invisible(), contents)
        .response
        .rect
        .height()
}

/// The warning signs of `regions`, side by side two to a row, so that a pattern
/// reaching three or four regions still fits the page.
pub(super) fn warnings_ui(
    ui: &mut Ui,
    regions: &[&crate::model::WarningRegion],
    theme: &Theme,
    body_font: f32,
) {
    for row in regions.chunks(2) {
        ui.columns(2, |columns| {
            for (column, region) in columns.iter_mut().zip(row) {
                // Left-aligned, not justified like the columns themselves.
                column.with_layout(egui::Layout::top_down(egui::Align::LEFT), |column| {
                    column.label(
                        RichText::new(&region.name)
                            .size(body_font)
                            .strong()
                            .color(theme.label),
                    );
                    for sign in &region.signs {
                        column.label(
                            RichText::new(format!("•  {sign}"))
                                .size(body_font * 0.88)
                                .color(theme.label),
                        );
                    }
                });
            }
        });
        ui.add_space(body_font * 0.4);
    }
}

/// The handout's text at type size `body_font`: the pattern in words, self-care, the
/// warning signs of `regions`, the reminder, the source and the date.
fn handout_text_ui(
    ui: &mut Ui,
    m: &crate::model::Muscle,
    regions: &[&crate::model::WarningRegion],
    theme: &Theme,
    spec: &HandoutSpec,
    body_font: f32,
) {
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
    let sides = match spec.side {
        SideChoice::Both => "both sides".to_owned(),
        one => format!("{} side", one.word()),
    };
    let title = match tp {
        Some(tp) => format!("{} {tp} ({sides})", m.name),
        None => format!("{} ({sides})", m.name),
    };
    heading(ui, &title);
    para(ui, &m.summary);
    if let Some(note) = spec.note.note_text() {
        heading(ui, "A note from your clinician");
        para(ui, note);
    }
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
    heading(ui, "What you can do");
    para(ui, &m.self_care.advice);
    if !m.self_care.caution.is_empty() {
        para(ui, &m.self_care.caution);
    }
    heading(ui, "Get medical help right away if");
    warnings_ui(ui, regions, theme, body_font);
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

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn dates_from_days_since_1970() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_783), (2026, 11, 26));
    }
}
