//! The pain-drawing report: one printable page for the record and for the patient:
//! the marks on each view, the muscles that can cause them ranked with their reasons
//! (the same ranking as the pain finder), the top candidates' patterns over the
//! marks, the warning signs for the marked areas and the date.

use egui::{Align2, FontId, Rect, RichText, Ui, UiBuilder, pos2, vec2};

use super::handout::{
    MIN_BODY_PT, MIN_NOTE_PT, REMINDER, body_type_px, printed_figure_unit, pt_to_px, text_height,
    warnings_ui,
};
use crate::draw::layout::{Panel, layout, panels_for};
use crate::draw::legend::{LegendEntry, legend_height, paint_legend};
use crate::draw::paint::{Highlight, paint_panel};
use crate::finder::{Candidate, PainMark, area_of, mark_side, rank};
use crate::model::{Atlas, ClinicianNote, MuscleId, Side, ViewId, ViewKind, WarningRegion};
use crate::theme::Theme;

/// The most muscles listed by name; the rest are counted.
pub const LISTED: usize = 8;
/// The most patterns drawn over the marks.
pub const PATTERNS: usize = 3;

/// What goes on a pain-drawing report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportSpec {
    pub marks: Vec<PainMark>,
    /// The day the drawing was made.
    pub drawing_date: String,
    /// The label the physician gave the drawing, if any.
    pub label: Option<String>,
    /// The candidate shown over the marks in the finder, drawn first among the patterns.
    pub chosen: Option<(MuscleId, Side)>,
    /// The physician's initials and note, if typed.
    pub note: ClinicianNote,
    /// The day it is printed.
    pub printed: String,
}

/// Everything the page says, worked out once from the marks.
struct Contents<'a> {
    candidates: Vec<Candidate>,
    /// The candidates whose patterns are drawn: the chosen one first, then the best.
    drawn: Vec<&'a crate::model::Muscle>,
    drawn_sides: Vec<Side>,
    regions: Vec<&'a WarningRegion>,
    /// "right temple, left shoulder" — the marked areas in words.
    areas: Vec<String>,
}

impl<'a> Contents<'a> {
    fn new(atlas: &'a Atlas, spec: &ReportSpec) -> Self {
        let candidates = rank(atlas, &spec.marks);
        let mut picks: Vec<(MuscleId, Side)> = spec.chosen.iter().cloned().collect();
        for c in &candidates {
            if picks.len() == PATTERNS {
                break;
            }
            if !picks
                .iter()
                .any(|(id, side)| *id == c.muscle && *side == c.side)
            {
                picks.push((c.muscle.clone(), c.side));
            }
        }
        let (drawn, drawn_sides) = picks
            .iter()
            .filter_map(|(id, side)| atlas.muscle(id).map(|m| (m, *side)))
            .unzip();
        let mut areas: Vec<String> = Vec::new();
        let mut area_names: Vec<&str> = Vec::new();
        for mark in &spec.marks {
            let Some(area) = area_of(atlas, mark) else {
                continue;
            };
            let words = format!("{} {area}", mark_side(atlas, mark).word());
            if !areas.contains(&words) {
                areas.push(words);
            }
            area_names.push(area);
        }
        let regions = atlas.warnings.for_areas(area_names);
        Self {
            candidates,
            drawn,
            drawn_sides,
            regions,
            areas,
        }
    }
}

/// The sides the marks' one-sided views show (right when there are none).
fn marked_sides(atlas: &Atlas, marks: &[PainMark]) -> Vec<Side> {
    let sides: Vec<Side> = Side::BOTH
        .into_iter()
        .filter(|s| {
            marks.iter().any(|m| {
                m.panel_side == *s
                    && atlas
                        .view(&m.view)
                        .is_some_and(|v| matches!(v.kind, ViewKind::Lateral { .. }))
            })
        })
        .collect();
    if sides.is_empty() {
        vec![Side::Right]
    } else {
        sides
    }
}

/// The muscles of the report in rank order, as "Upper trapezius (right)", with the
/// reason for each: what the page lists (and what the finder's panel lists).
#[must_use]
pub fn report_rows(atlas: &Atlas, marks: &[PainMark]) -> Vec<(String, String)> {
    rank(atlas, marks)
        .iter()
        .map(|c| (candidate_name(atlas, c), c.reason()))
        .collect()
}

fn candidate_name(atlas: &Atlas, c: &Candidate) -> String {
    let name = atlas
        .muscle(&c.muscle)
        .map_or(c.muscle.0.as_str(), |m| m.name.as_str());
    format!("{name} ({})", c.side.word())
}

/// Paints the report over the whole of `ui` (a page at 150 dpi, one point per pixel).
pub fn report_ui(ui: &mut Ui, atlas: &Atlas, theme: &Theme, spec: &ReportSpec) {
    let page = ui.max_rect();
    let margin = page.width() * 0.06;
    let inner = page.shrink(margin);
    let contents = Contents::new(atlas, spec);
    let mut font = body_type_px(page.width());
    let painter = ui.painter().clone();
    painter.text(
        inner.left_top(),
        Align2::LEFT_TOP,
        "Trigger Point Atlas · pain drawing report",
        FontId::proportional(font * 0.85),
        theme.detail,
    );
    let mut right = format!("Drawn {}", spec.drawing_date);
    if let Some(by) = spec.note.initials_line() {
        right = format!("{by} · {right}");
    }
    painter.text(
        inner.right_top(),
        Align2::RIGHT_TOP,
        right,
        FontId::proportional(font * 0.85),
        theme.detail,
    );
    let top = inner.top() + font * 1.8;
    // Three blocks of text around two figures: measured unseen first, so the figures
    // take what is left (the marks a little more than the patterns); if the text
    // would leave them too little, its type shrinks, never below 10 pt.
    let measure = |ui: &mut Ui, font: f32| {
        let w = inner.width();
        [
            text_height(ui, w, |ui| head_ui(ui, atlas, theme, spec, &contents, font)),
            text_height(ui, w, |ui| list_ui(ui, atlas, theme, &contents, font)),
            text_height(ui, w, |ui| tail_ui(ui, theme, spec, &contents, font)),
        ]
    };
    let min_figures = inner.height() * 0.36;
    let mut heights = measure(ui, font);
    let room = |heights: &[f32; 3], font: f32| {
        inner.bottom() - top - heights.iter().sum::<f32>() - font * 2.0
    };
    if room(&heights, font) < min_figures {
        let floor = pt_to_px(MIN_BODY_PT);
        let text: f32 = heights.iter().sum();
        let shrink = ((inner.bottom() - top - min_figures) / text).clamp(0.7, 1.0);
        font = (font * shrink).max(floor);
        heights = measure(ui, font);
    }
    let figures = room(&heights, font).max(inner.height() * 0.2);
    let marks_height = (figures * 0.5).min(inner.height() * 0.4);
    let patterns_height = (figures - marks_height).min(inner.height() * 0.36);

    let mut y = top;
    let mut block = |ui: &mut Ui, height: f32, add: &dyn Fn(&mut Ui)| {
        let rect = Rect::from_min_size(pos2(inner.left(), y), vec2(inner.width(), height));
        ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| add(ui));
        y += height;
    };
    block(ui, heights[0] + font * 0.5, &|ui| {
        head_ui(ui, atlas, theme, spec, &contents, font);
    });
    block(ui, marks_height, &|ui| marks_ui(ui, atlas, theme, spec));
    block(ui, heights[1] + font, &|ui| {
        list_ui(ui, atlas, theme, &contents, font);
    });
    block(ui, patterns_height, &|ui| {
        patterns_ui(ui, atlas, theme, spec, &contents, font);
    });
    block(ui, heights[2], &|ui| {
        tail_ui(ui, theme, spec, &contents, font);
    });
}

/// The title, the marked areas in words and the physician's note.
fn head_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    theme: &Theme,
    spec: &ReportSpec,
    contents: &Contents<'_>,
    font: f32,
) {
    ui.style_mut().override_text_style = None;
    let title = match &spec.label {
        Some(label) => format!("Pain drawing: {label}"),
        None => "Pain drawing".to_owned(),
    };
    ui.label(
        RichText::new(title)
            .size(font * 1.4)
            .strong()
            .color(theme.label),
    );
    let views: Vec<&str> = atlas
        .views
        .iter()
        .filter(|v| spec.marks.iter().any(|m| m.view == v.id))
        .map(|v| v.name.as_str())
        .collect();
    let mut said = format!(
        "{} {} on the {} view{}",
        spec.marks.len(),
        if spec.marks.len() == 1 {
            "mark"
        } else {
            "marks"
        },
        views.join(", "),
        if views.len() == 1 { "" } else { "s" }
    );
    if !contents.areas.is_empty() {
        said.push_str(": ");
        said.push_str(&contents.areas.join(", "));
    }
    said.push('.');
    ui.label(RichText::new(said).size(font).color(theme.label));
    if let Some(note) = spec.note.note_text() {
        ui.label(
            RichText::new(format!("Note: {note}"))
                .size(font)
                .color(theme.label),
        );
    }
}

/// The marks on the views that hold them, as large as the row allows.
fn marks_ui(ui: &mut Ui, atlas: &Atlas, theme: &Theme, spec: &ReportSpec) {
    let views: Vec<&ViewId> = atlas
        .views
        .iter()
        .map(|v| &v.id)
        .filter(|id| spec.marks.iter().any(|m| &m.view == *id))
        .collect();
    let sides = marked_sides(atlas, &spec.marks);
    let highlight = Highlight {
        marks: &spec.marks,
        min_text: pt_to_px(MIN_NOTE_PT),
        ..Highlight::default()
    };
    let painter = ui.painter().clone();
    for (panel, rect) in marks_layout(atlas, &panels_for(atlas, &views, &sides), ui.max_rect()) {
        paint_panel(&painter, atlas, theme, &panel, rect, highlight);
    }
}

/// Where the marked views go in the report's strip. The window stacks close-ups (the
/// head, a hand) two to a column at half height beside whole figures; the strip is
/// wide and short, so when the row allows, the close-ups take its full height here,
/// beside the whole figures: marks on the face or a hand stay as legible as those on
/// the body.
#[must_use]
pub fn marks_layout(atlas: &Atlas, panels: &[Panel], area: Rect) -> Vec<(Panel, Rect)> {
    let (details, figures): (Vec<Panel>, Vec<Panel>) = panels
        .iter()
        .cloned()
        .partition(|p| atlas.view(&p.view).is_some_and(|v| v.detail));
    if details.is_empty() || figures.is_empty() {
        return layout(atlas, panels, area);
    }
    // Each group's width at the strip's full height.
    let natural = |group: &[Panel]| {
        let wide = Rect::from_min_size(area.min, vec2(area.width() * 8.0, area.height()));
        layout(atlas, group, wide)
            .iter()
            .map(|(_, r)| *r)
            .reduce(Rect::union)
            .map_or(0.0, |r| r.width())
    };
    let gap = 12.0;
    let (figures_w, details_w) = (natural(&figures), natural(&details));
    let total = figures_w + gap + details_w;
    if total > area.width() {
        return layout(atlas, panels, area);
    }
    let left = area.center().x - total * 0.5;
    let place = |group: &[Panel], x: f32, w: f32| {
        layout(
            atlas,
            group,
            Rect::from_min_size(pos2(x, area.top()), vec2(w, area.height())),
        )
    };
    let mut out = place(&figures, left, figures_w);
    out.extend(place(&details, left + figures_w + gap, details_w));
    out
}

/// A section's heading, a little space above it.
fn section_heading(ui: &mut Ui, theme: &Theme, text: &str, font: f32) {
    ui.style_mut().override_text_style = None;
    ui.add_space(font * 0.5);
    ui.label(
        RichText::new(text)
            .size(font * 1.2)
            .strong()
            .color(theme.label),
    );
}

/// The ranked muscles with their reasons.
fn list_ui(ui: &mut Ui, atlas: &Atlas, theme: &Theme, contents: &Contents<'_>, font: f32) {
    section_heading(
        ui,
        theme,
        "Muscles whose typical patterns cover the marks, most likely first",
        font,
    );
    if contents.candidates.is_empty() {
        ui.label(
            RichText::new("No muscle of the atlas refers pain to the marked spots.")
                .size(font)
                .color(theme.label),
        );
    }
    for (i, c) in contents.candidates.iter().take(LISTED).enumerate() {
        ui.label(
            RichText::new(format!(
                "{}. {} — {}",
                i + 1,
                candidate_name(atlas, c),
                c.reason()
            ))
            .size(font)
            .color(theme.label),
        );
    }
    let more = contents.candidates.len().saturating_sub(LISTED);
    if more > 0 {
        ui.label(
            RichText::new(format!(
                "… and {more} more, listed in the atlas's pain finder."
            ))
            .size(font * 0.85)
            .color(theme.detail),
        );
    }
}

/// The top candidates' patterns over the marks, side by side, one legend below.
fn patterns_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    theme: &Theme,
    spec: &ReportSpec,
    contents: &Contents<'_>,
    font: f32,
) {
    let rect = ui.max_rect();
    let painter = ui.painter().clone();
    let unit = printed_figure_unit();
    let n = contents.drawn.len();
    if n == 0 {
        return;
    }
    let (cells, legend) = rect.split_top_bottom_at_y(rect.bottom() - legend_height(unit, 1));
    let width = cells.width() / n as f32;
    for (i, (m, side)) in contents.drawn.iter().zip(&contents.drawn_sides).enumerate() {
        let cell = Rect::from_min_size(
            pos2(cells.left() + width * i as f32, cells.top()),
            vec2(width, cells.height()),
        )
        .shrink2(vec2(font * 0.4, 0.0));
        let (caption, body) = cell.split_top_bottom_at_y(cell.top() + font * 1.6);
        painter.text(
            caption.center(),
            Align2::CENTER_CENTER,
            format!("{}, {}", m.name, side.word()),
            FontId::proportional(font),
            theme.label,
        );
        // One view per pattern, drawn as large as the cell allows: the one of its
        // views that holds the most marks (its first view if none does).
        let all = m.views_from(atlas, None);
        let marks_on = |v: &ViewId| spec.marks.iter().filter(|mark| &mark.view == v).count();
        let best = all
            .iter()
            .copied()
            .rev()
            .max_by_key(|v| marks_on(v))
            .or_else(|| all.first().copied());
        let views: Vec<&ViewId> = best.into_iter().collect();
        let sides = [*side];
        let panels = panels_for(atlas, &views, &sides);
        let highlight = Highlight {
            selected: Some((m, &sides)),
            marks: &spec.marks,
            show_shape: true,
            show_zones: true,
            min_text: pt_to_px(MIN_NOTE_PT),
            ..Highlight::default()
        };
        for (panel, panel_rect) in layout(atlas, &panels, body) {
            paint_panel(&painter, atlas, theme, &panel, panel_rect, highlight);
        }
    }
    paint_legend(&painter, theme, &LegendEntry::FINDER, legend, unit);
}

/// The warning signs, the reminder, the sources of the drawn patterns and the dates.
fn tail_ui(ui: &mut Ui, theme: &Theme, spec: &ReportSpec, contents: &Contents<'_>, font: f32) {
    section_heading(ui, theme, "Get medical help right away if", font);
    if contents.regions.is_empty() {
        ui.label(
            RichText::new(
                "The atlas has no warning signs of its own for the marked areas; ask your \
                 clinician what to watch for.",
            )
            .size(font)
            .color(theme.label),
        );
    } else {
        warnings_ui(ui, &contents.regions, theme, font);
    }
    ui.add_space(font * 0.4);
    ui.label(RichText::new(REMINDER).size(font).color(theme.label));
    ui.add_space(font * 0.4);
    for m in &contents.drawn {
        if let Some(source) = m.sources.first() {
            ui.label(
                RichText::new(format!("{}: {}", m.name, source.citation))
                    .size(font * 0.8)
                    .color(theme.detail),
            );
        }
    }
    ui.label(
        RichText::new(format!("Printed {}", spec.printed))
            .size(font * 0.8)
            .color(theme.detail),
    );
}
