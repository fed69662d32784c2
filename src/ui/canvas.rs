//! The body canvas: paints the panels and turns pointer input into hover and selection.

use egui::{Pos2, Sense, Ui};

use super::layout::{Panel, layout};
use super::paint::{Highlight, paint_panel, panel_transform};
use crate::finder::PainMark;
use crate::hit::{Hit, hit_test};
use crate::model::{Atlas, Muscle, Side};
use crate::theme::Theme;

/// Canvas state that lives across frames: where the last click landed, so a second
/// click on the same spot steps to the muscle beneath.
#[derive(Clone, Debug, Default)]
pub struct CanvasMemory {
    last_click: Option<(Panel, Pos2, usize)>,
    /// Where each panel was drawn in the last frame (for tests and exports to map
    /// body positions to the screen with the very same transform).
    pub placed: Vec<(Panel, egui::Rect)>,
}

impl CanvasMemory {
    /// The screen position of `pos_in_body` on the panel showing `view` (and, for side
    /// views, `side`), as drawn in the last frame.
    #[must_use]
    pub fn screen_pos(&self, atlas: &Atlas, panel: &Panel, pos_in_body: Pos2) -> Option<Pos2> {
        let (panel, rect) = self.placed.iter().find(|(p, _)| p == panel)?;
        let view = atlas.view(&panel.view)?;
        Some(panel_transform(view, panel, *rect).apply(pos_in_body))
    }
}

/// A click within this many body units of the previous one counts as "the same spot".
const SAME_SPOT_BODY_UNITS: f32 = 4.0;

/// The muscles under a screen position, topmost first, with the panel it is in.
#[must_use]
pub fn hits_at(
    atlas: &Atlas,
    panels: &[(Panel, egui::Rect)],
    pos_in_screen: Pos2,
) -> Option<(Panel, Pos2, Vec<Hit>)> {
    let (panel, rect) = panels.iter().find(|(_, r)| r.contains(pos_in_screen))?;
    let view = atlas.view(&panel.view)?;
    let pos_in_body = panel_transform(view, panel, *rect).inverse(pos_in_screen);
    let hits = hit_test(atlas, &panel.view, panel.side, pos_in_body);
    Some((panel.clone(), pos_in_body, hits))
}

/// What the canvas does with the pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CanvasMode {
    /// Clicking picks muscles.
    Pick,
    /// Clicking and dragging paints painful spots.
    Paint,
}

/// What the user did on the canvas this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum CanvasEvent {
    /// A click picked this muscle.
    Picked(Hit),
    /// The pointer painted at this body position on this panel (several per drag).
    Painted { panel: Panel, pos_in_body: Pos2 },
}

/// Everything the canvas draws, besides the body itself.
#[derive(Clone, Copy, Debug)]
pub struct CanvasContent<'a> {
    pub panels: &'a [Panel],
    pub selected: Option<(&'a Muscle, &'a [Side])>,
    pub marks: &'a [PainMark],
    pub mode: CanvasMode,
}

/// Shows the canvas filling `ui`; returns what the user did, if anything.
pub fn canvas_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    theme: &Theme,
    content: CanvasContent<'_>,
    memory: &mut CanvasMemory,
) -> Option<CanvasEvent> {
    let sense = match content.mode {
        CanvasMode::Pick => Sense::click(),
        CanvasMode::Paint => Sense::click_and_drag(),
    };
    let (response, painter) = ui.allocate_painter(ui.available_size(), sense);
    // Screen readers: name the canvas and what it shows.
    let description = match (content.mode, content.selected) {
        (CanvasMode::Paint, _) => {
            format!("Body map for marking pain: {} marks", content.marks.len())
        }
        (CanvasMode::Pick, Some((m, _))) => {
            format!("Body map showing the referral pattern of {}", m.name)
        }
        (CanvasMode::Pick, None) => {
            "Body map: click a muscle to see its referral pattern".to_owned()
        }
    };
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &description)
    });
    painter.rect_filled(response.rect, 0.0, theme.canvas);
    let placed = layout(atlas, content.panels, response.rect.shrink(8.0));
    memory.placed.clone_from(&placed);

    let under_pointer = response
        .hover_pos()
        .and_then(|p| hits_at(atlas, &placed, p));
    let hovered = match content.mode {
        CanvasMode::Pick => under_pointer
            .as_ref()
            .and_then(|(_, _, hits)| hits.first().cloned()),
        CanvasMode::Paint => None,
    };
    let highlight = Highlight {
        selected: content.selected,
        hovered: hovered.as_ref(),
        marks: content.marks,
        all_muscles: content.selected.is_none() && content.mode == CanvasMode::Pick,
    };
    for (panel, rect) in &placed {
        paint_panel(&painter, atlas, theme, panel, *rect, highlight);
    }

    match content.mode {
        CanvasMode::Pick => {
            pick(&response, atlas, under_pointer.as_ref(), memory).map(CanvasEvent::Picked)
        }
        CanvasMode::Paint => {
            let painting = response.clicked() || response.dragged() || response.drag_started();
            let pos = response.interact_pointer_pos().filter(|_| painting)?;
            let (panel, pos_in_body, _) = hits_at(atlas, &placed, pos)?;
            let view = atlas.view(&panel.view)?;
            view.contains_body_point(pos_in_body)
                .then_some(CanvasEvent::Painted { panel, pos_in_body })
        }
    }
}

/// Click handling in pick mode: topmost muscle, or the next one down on a repeat.
fn pick(
    response: &egui::Response,
    atlas: &Atlas,
    under_pointer: Option<&(Panel, Pos2, Vec<Hit>)>,
    memory: &mut CanvasMemory,
) -> Option<Hit> {
    let mut clicked = None;
    if response.clicked()
        && let Some((panel, pos_in_body, hits)) = under_pointer.cloned()
        && !hits.is_empty()
    {
        let index = match &memory.last_click {
            Some((last_panel, last_pos, i))
                if *last_panel == panel
                    && last_pos.distance(pos_in_body) <= SAME_SPOT_BODY_UNITS =>
            {
                (i + 1) % hits.len()
            }
            _ => 0,
        };
        memory.last_click = Some((panel, pos_in_body, index));
        clicked = Some(hits[index].clone());
    }

    if let Some((_, _, hits)) = under_pointer
        && let Some(top) = hits.first()
        && let Some(m) = atlas.muscle(&top.muscle)
    {
        let mut text = format!("{} ({} side)", m.name, top.side.word());
        if let Some(below) = hits.get(1).and_then(|h| atlas.muscle(&h.muscle)) {
            text.push_str("\nClick again for: ");
            text.push_str(&below.name);
        }
        response.clone().on_hover_text_at_pointer(text);
    }
    clicked
}
