//! The exported figure: the selected pattern on its views, a title, the legend and a
//! footnote, painted with the same functions as the window's canvas.

use egui::{Align2, FontId, Rect, Ui, pos2, vec2};

use crate::model::{Atlas, MuscleId, Side, ViewId};
use crate::theme::Theme;
use crate::ui::layout::{layout, panels_for};
use crate::ui::legend::{LegendEntry, legend_height, paint_legend};
use crate::ui::paint::{Highlight, paint_panel};

/// What to draw in an exported figure.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureSpec {
    /// The muscle whose pattern is shown; `None` draws the bare body.
    pub muscle: Option<MuscleId>,
    /// The sides the pattern is shown on.
    pub sides: Vec<Side>,
    /// The views to draw; empty means the views the muscle touches.
    pub views: Vec<ViewId>,
}

/// Paints the figure over the whole of `ui`.
pub fn figure_ui(ui: &mut Ui, atlas: &Atlas, theme: &Theme, spec: &FigureSpec) {
    let rect = ui.max_rect();
    let painter = ui.painter().clone();
    painter.rect_filled(rect, 0.0, theme.canvas);
    let muscle = spec.muscle.as_ref().and_then(|id| atlas.muscle(id));
    let view_ids: Vec<&ViewId> = if !spec.views.is_empty() {
        spec.views.iter().collect()
    } else if let Some(m) = muscle {
        m.views(atlas)
    } else {
        atlas
            .views
            .iter()
            .filter(|v| v.on_start)
            .map(|v| &v.id)
            .collect()
    };
    let panels = panels_for(atlas, &view_ids, &spec.sides);

    // Type scales with the picture so a 4K export reads like a small one.
    let unit = (rect.height() / 60.0).clamp(10.0, 48.0);
    let title_h = unit * 3.4;
    let legend_h = legend_height(unit);
    let foot_h = unit * 1.6;
    if let Some(m) = muscle {
        let side_text = match spec.sides.as_slice() {
            [s] => format!("{} side", s.word()),
            _ => "both sides".to_owned(),
        };
        painter.text(
            pos2(rect.center().x, rect.top() + title_h * 0.42),
            Align2::CENTER_CENTER,
            format!("{} — {side_text}", m.name),
            FontId::proportional(unit * 1.5),
            theme.label,
        );
        painter.text(
            pos2(rect.center().x, rect.top() + title_h * 0.82),
            Align2::CENTER_CENTER,
            format!("Typical referred pain pattern · {}", m.latin),
            FontId::proportional(unit * 0.85),
            theme.label,
        );
    }
    let body = Rect::from_min_max(
        pos2(rect.left() + unit, rect.top() + title_h),
        pos2(rect.right() - unit, rect.bottom() - legend_h - foot_h),
    );
    let highlight = Highlight {
        selected: muscle.map(|m| (m, spec.sides.as_slice())),
        hovered: None,
        marks: &[],
        all_muscles: muscle.is_none(),
    };
    for (panel, panel_rect) in layout(atlas, &panels, body) {
        paint_panel(&painter, atlas, theme, &panel, panel_rect, highlight);
    }
    let legend_rect = Rect::from_min_size(
        pos2(rect.left(), body.bottom()),
        vec2(rect.width(), legend_h),
    );
    paint_legend(&painter, theme, &LegendEntry::ATLAS, legend_rect, unit);
    painter.text(
        pos2(rect.center().x, rect.bottom() - foot_h * 0.5),
        Align2::CENTER_CENTER,
        "Trigger Point Atlas · a typical pattern from the literature, not a diagnosis",
        FontId::proportional(unit * 0.75),
        theme.detail,
    );
}
