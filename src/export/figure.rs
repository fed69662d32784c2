//! The exported figure: the selected pattern on its views, a title, the legend and a
//! footnote, painted with the same functions as the window's canvas.

use egui::{Align2, FontId, Rect, Ui, pos2, vec2};

use crate::draw::layout::{Panel, layout, panels_for};
use crate::draw::legend::{LegendEntry, legend_height, paint_legend};
use crate::draw::paint::{Highlight, paint_panel};
use crate::finder::PainMark;
use crate::model::{Atlas, MuscleId, Side, ViewId};
use crate::theme::Theme;

/// What to draw in an exported figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FigureSpec {
    /// The muscle whose pattern is shown; `None` draws the bare body.
    pub muscle: Option<MuscleId>,
    /// The sides the pattern is shown on.
    pub sides: Vec<Side>,
    /// The views to draw; empty means the views the muscle touches.
    pub views: Vec<ViewId>,
    /// Only this trigger point's pattern (by label); `None`: all of them.
    pub trigger_point: Option<String>,
    /// The patient's pain marks, drawn over the pattern (a figure made from the pain
    /// finder); with no muscle, the figure shows only the marks on the bare body.
    pub marks: Vec<PainMark>,
    /// The type size in pixels; `None`: it scales with the picture. A printed page
    /// sets it so that the smallest words stay at least 8 pt.
    pub unit: Option<f32>,
}

/// Type size of a figure of this size: scales with the picture so that a 4K export
/// reads like a small one.
fn unit_for(rect: Rect) -> f32 {
    (rect.height() / 60.0).clamp(10.0, 48.0)
}

/// The rows of a figure: title, body, legend, footnote.
struct Rows {
    title: Rect,
    body: Rect,
    legend: Rect,
    foot: Rect,
    unit: f32,
}

fn rows(rect: Rect, unit: Option<f32>) -> Rows {
    let unit = unit.unwrap_or_else(|| unit_for(rect));
    let (title, below_title) = rect.split_top_bottom_at_y(rect.top() + title_height(unit));
    let (middle, foot) = below_title.split_top_bottom_at_y(rect.bottom() - unit * 1.6);
    let (body, legend) = middle.split_top_bottom_at_y(middle.bottom() - legend_height(unit, 1));
    Rows {
        title,
        body: body.shrink2(vec2(unit, 0.0)),
        legend,
        foot,
        unit,
    }
}

/// Where each view panel of the figure goes inside `rect`: the placement
/// [`figure_ui`] paints, so tests and tools can find body points in the picture.
#[must_use]
pub fn figure_panels(atlas: &Atlas, spec: &FigureSpec, rect: Rect) -> Vec<(Panel, Rect)> {
    layout(
        atlas,
        &figure_views(atlas, spec),
        rows(rect, spec.unit).body,
    )
}

/// The panels a figure shows: the views asked for, else the muscle's, else the marked
/// ones, else the start screen's.
pub(super) fn figure_views(atlas: &Atlas, spec: &FigureSpec) -> Vec<Panel> {
    let muscle = spec.muscle.as_ref().and_then(|id| atlas.muscle(id));
    let view_ids: Vec<&ViewId> = if !spec.views.is_empty() {
        spec.views.iter().collect()
    } else if let Some(m) = muscle {
        m.views_from(atlas, spec.trigger_point.as_deref())
    } else if !spec.marks.is_empty() {
        marked_views(atlas, &spec.marks)
    } else {
        atlas.start_views()
    };
    panels_for(atlas, &view_ids, &spec.sides)
}

/// The views the marks lie on, in the atlas's order.
fn marked_views<'a>(atlas: &'a Atlas, marks: &[PainMark]) -> Vec<&'a ViewId> {
    atlas
        .views
        .iter()
        .map(|v| &v.id)
        .filter(|id| marks.iter().any(|m| &m.view == *id))
        .collect()
}

/// Paints the figure over the whole of `ui`, whose background must already be
/// `theme.canvas` (the renderer clears to it).
pub fn figure_ui(ui: &mut Ui, atlas: &Atlas, theme: &Theme, spec: &FigureSpec) {
    let rect = ui.max_rect();
    let painter = ui.painter().clone();
    let r = rows(rect, spec.unit);
    paint_title(&painter, atlas, theme, spec, r.title, r.unit);
    paint_views(&painter, atlas, theme, spec, r.body);
    paint_legend(
        &painter,
        theme,
        legend_entries(atlas, spec),
        r.legend,
        r.unit,
    );
    painter.text(
        r.foot.center(),
        Align2::CENTER_CENTER,
        "Trigger Point Atlas · a typical pattern from the literature, not a diagnosis",
        FontId::proportional(r.unit * 0.75),
        theme.detail,
    );
}

/// The figure's title row (`unit * 3.4` tall at type size `unit`): the muscle, the
/// trigger point and the side, and the Latin name under them.
pub(super) fn paint_title(
    painter: &egui::Painter,
    atlas: &Atlas,
    theme: &Theme,
    spec: &FigureSpec,
    title: Rect,
    unit: f32,
) {
    let muscle = spec.muscle.as_ref().and_then(|id| atlas.muscle(id));
    if let Some(m) = muscle {
        let side_text = match spec.sides.as_slice() {
            [s] => format!("{} side", s.word()),
            _ => "both sides".to_owned(),
        };
        painter.text(
            pos2(title.center().x, title.top() + title.height() * 0.42),
            Align2::CENTER_CENTER,
            match &spec.trigger_point {
                Some(tp) => format!("{} {tp} — {side_text}", m.name),
                None => format!("{} — {side_text}", m.name),
            },
            FontId::proportional(unit * 1.5),
            theme.label,
        );
        painter.text(
            pos2(title.center().x, title.top() + title.height() * 0.82),
            Align2::CENTER_CENTER,
            format!("Typical referred pain pattern · {}", m.latin),
            FontId::proportional(unit * 0.85),
            theme.label,
        );
    } else if !spec.marks.is_empty() {
        painter.text(
            pos2(title.center().x, title.top() + title.height() * 0.5),
            Align2::CENTER_CENTER,
            "Where it hurts",
            FontId::proportional(unit * 1.5),
            theme.label,
        );
    }
}

/// The height of a figure's title row at type size `unit`.
pub(super) fn title_height(unit: f32) -> f32 {
    unit * 3.4
}

/// The figure's views laid out in `body` and painted: the pattern, the marks.
pub(super) fn paint_views(
    painter: &egui::Painter,
    atlas: &Atlas,
    theme: &Theme,
    spec: &FigureSpec,
    body: Rect,
) {
    let muscle = spec.muscle.as_ref().and_then(|id| atlas.muscle(id));
    let highlight = Highlight {
        selected: muscle.map(|m| (m, spec.sides.as_slice())),
        hovered: None,
        marks: &spec.marks,
        all_muscles: muscle.is_none() && spec.marks.is_empty(),
        overlay: &[],
        show_shape: true,
        show_zones: true,
        trigger_point: spec.trigger_point.as_deref(),
        // A set type size (a printed page) keeps the panels' words as large as the
        // figure's smallest, its footnote.
        min_text: spec.unit.map_or(0.0, |unit| unit * 0.75),
    };
    for (panel, panel_rect) in layout(atlas, &figure_views(atlas, spec), body) {
        paint_panel(painter, atlas, theme, &panel, panel_rect, highlight);
    }
}

/// What the figure's legend explains.
pub(super) fn legend_entries(atlas: &Atlas, spec: &FigureSpec) -> &'static [LegendEntry] {
    let muscle = spec.muscle.as_ref().and_then(|id| atlas.muscle(id));
    match (muscle, spec.marks.is_empty()) {
        (_, true) => &LegendEntry::ATLAS,
        (Some(_), false) => &LegendEntry::FINDER,
        (None, false) => &[LegendEntry::PainMark],
    }
}
