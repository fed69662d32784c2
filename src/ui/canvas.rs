//! The body canvas: paints the panels and turns pointer input into hover and selection.

use egui::{Pos2, Sense, Ui};

use crate::draw::layout::{Panel, layout};
use crate::draw::paint::{Highlight, paint_panel, panel_transform};
use crate::finder::PainMark;
use crate::hit::{Hit, hit_test};
use crate::model::{Atlas, Muscle, Side};
use crate::theme::Theme;

/// Canvas state that lives across frames: where the last click landed, so a second
/// click on the same spot steps to the muscle beneath.
#[derive(Clone, Debug, Default)]
pub struct CanvasMemory {
    last_click: Option<(Panel, Pos2, usize)>,
    /// Zoom and pan of the drawing.
    pub zoom: Zoom,
    /// The canvas area of the last frame (keyboard zoom centres on it).
    pub placed_area: Option<egui::Rect>,
    /// Where each panel was drawn in the last frame (for tests and exports to map
    /// body positions to the screen with the very same transform).
    pub placed: Vec<(Panel, egui::Rect)>,
    /// Zoom to the selected pattern on the next frame (the Z key, a lesson step).
    pub fit_pattern: bool,
}

/// The body map's widget id, to move the keyboard focus to it (F6).
#[must_use]
pub fn map_id() -> egui::Id {
    egui::Id::unique("body_map")
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

/// Zoom and pan of the canvas: the panels are laid out in the canvas rectangle scaled
/// by `factor` about its centre and moved by `pan` (screen points). Everything is
/// vector-drawn, so lines and labels stay crisp at any factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Zoom {
    pub factor: f32,
    pub pan: egui::Vec2,
}

impl Default for Zoom {
    fn default() -> Self {
        Self {
            factor: 1.0,
            pan: egui::Vec2::ZERO,
        }
    }
}

impl Zoom {
    /// Allowed zoom range.
    pub const MIN: f32 = 0.5;
    pub const MAX: f32 = 8.0;

    /// The area the panels are laid out in.
    #[must_use]
    pub fn apply(&self, area: egui::Rect) -> egui::Rect {
        egui::Rect::from_center_size(area.center() + self.pan, area.size() * self.factor)
    }

    /// Zooms by `by` keeping the drawing under `anchor` (a screen point) still.
    pub fn zoom_about(&mut self, area: egui::Rect, anchor: Pos2, by: f32) {
        let new_factor = (self.factor * by).clamp(Self::MIN, Self::MAX);
        let c = area.center();
        // The unzoomed point now under the anchor, and where it must stay.
        let base = c + (anchor - c - self.pan) / self.factor;
        self.pan = anchor - c - (base - c) * new_factor;
        self.factor = new_factor;
    }

    /// Zooms so that `target` (a rectangle of the unzoomed drawing, in screen points)
    /// fills `area` with a margin, centred.
    pub fn fit_rect(&mut self, area: egui::Rect, target: egui::Rect) {
        let target = target.expand(target.size().max_elem().max(40.0) * 0.12);
        let factor = (area.width() / target.width())
            .min(area.height() / target.height())
            .clamp(1.0, Self::MAX);
        self.factor = factor;
        self.pan = (area.center() - target.center()) * factor;
    }

    /// Back to the whole figure.
    pub fn fit(&mut self) {
        *self = Self::default();
    }

    /// Whether the view is zoomed or panned at all.
    #[must_use]
    pub fn is_fit(&self) -> bool {
        *self == Self::default()
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
    /// Patterns compared side by side, each with its colour.
    pub overlay: &'a [(&'a Muscle, egui::Color32)],
    /// Draw the selected muscle's shape and zones (the quiz hides one of them).
    pub show_shape: bool,
    pub show_zones: bool,
    /// Only this trigger point's pattern (by label); `None`: all of them.
    pub trigger_point: Option<&'a str>,
}

/// Shows the canvas filling `ui`; returns what the user did, if anything.
pub fn canvas_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    theme: &Theme,
    content: CanvasContent<'_>,
    memory: &mut CanvasMemory,
) -> Option<CanvasEvent> {
    // Dragging pans (or paints, in the finder), so both modes sense drags.
    let sense = Sense::click_and_drag();
    let (rect, _) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
    let response = ui.interact(rect, map_id(), sense);
    let painter = ui.painter_at(rect);
    // With the map focused, the arrows step through the muscles instead of moving the
    // focus away.
    if response.has_focus() {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                response.id,
                egui::EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
    }
    // Screen readers: name the canvas and what it shows; a live region, so a new
    // selection is read out wherever the focus is.
    let description = describe(atlas, &content);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &description)
    });
    crate::ui::a11y::set_live(&response);
    let area = response.rect.shrink(8.0);
    memory.placed_area = Some(area);
    zoom_input(ui, &response, area, content.mode, &mut memory.zoom);
    if std::mem::take(&mut memory.fit_pattern) {
        let unzoomed = layout(atlas, content.panels, area);
        let target = content.selected.and_then(|(m, sides)| {
            crate::draw::layout::pattern_bounds(atlas, m, sides, content.trigger_point, &unzoomed)
        });
        let bounds_in = |zoom: &Zoom| {
            let placed = layout(atlas, content.panels, zoom.apply(area));
            content.selected.and_then(|(m, sides)| {
                crate::draw::layout::pattern_bounds(atlas, m, sides, content.trigger_point, &placed)
            })
        };
        match target {
            Some(target) => {
                memory.zoom.fit_rect(area, target);
                // Titles and gaps do not grow with the zoom, so the pattern lands a
                // little off centre; moving the layout is exact, so one step centres it.
                if let Some(landed) = bounds_in(&memory.zoom) {
                    memory.zoom.pan += area.center() - landed.center();
                }
            }
            None => memory.zoom.fit(),
        }
    }
    let placed = layout(atlas, content.panels, memory.zoom.apply(area));
    memory.placed.clone_from(&placed);
    let painter = painter.with_clip_rect(response.rect);

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
        overlay: content.overlay,
        show_shape: content.show_shape,
        show_zones: content.show_zones,
        trigger_point: content.trigger_point,
        min_text: 0.0,
    };
    for (panel, rect) in &placed {
        paint_panel(&painter, atlas, theme, panel, *rect, highlight);
    }

    match content.mode {
        CanvasMode::Pick => {
            pick(&response, atlas, under_pointer.as_ref(), memory).map(CanvasEvent::Picked)
        }
        CanvasMode::Paint => {
            let primary = response.dragged_by(egui::PointerButton::Primary)
                || (response.drag_started() && ui.input(|i| i.pointer.primary_down()));
            let painting = response.clicked() || primary;
            let pos = response.interact_pointer_pos().filter(|_| painting)?;
            let (panel, pos_in_body, _) = hits_at(atlas, &placed, pos)?;
            let view = atlas.view(&panel.view)?;
            view.contains_body_point(pos_in_body)
                .then_some(CanvasEvent::Painted { panel, pos_in_body })
        }
    }
}

/// The body map in words: the muscle, the sides, the views drawn, where its trigger
/// points are, the essential and spillover areas, and every compared muscle.
fn describe(atlas: &Atlas, content: &CanvasContent<'_>) -> String {
    use std::fmt::Write as _;

    use crate::model::ZoneKind;
    let views: Vec<String> = content
        .panels
        .iter()
        .filter_map(|p| {
            let view = atlas.view(&p.view)?;
            Some(crate::draw::paint::panel_title(view, p))
        })
        .collect();
    let views = if views.is_empty() {
        String::new()
    } else {
        format!(" Views: {}.", views.join(", "))
    };
    match (content.mode, content.selected) {
        (CanvasMode::Paint, _) => format!(
            "Body map for marking pain: {} marks.{views}",
            content.marks.len()
        ),
        (CanvasMode::Pick, Some((m, sides))) => {
            let side = match sides {
                [s] => format!("{} side", s.word()),
                _ => "both sides".to_owned(),
            };
            let tp = content.trigger_point;
            let mut text = format!("Body map: {}, {side}", m.name);
            if let Some(label) = tp {
                let _ = write!(text, ", trigger point {label} only");
            }
            text.push('.');
            text.push_str(&views);
            let labels = m.trigger_point_labels();
            let _ = write!(
                text,
                " Trigger points ({}): {}",
                labels.join(", "),
                m.clinical.trigger_points
            );
            let essential = m.areas_from(ZoneKind::Essential, tp).join(", ");
            let spillover = m.areas_from(ZoneKind::Spillover, tp).join(", ");
            let _ = write!(text, " Essential zone: {essential}.");
            if !spillover.is_empty() {
                let _ = write!(text, " Spillover zone: {spillover}.");
            }
            let colours: Vec<String> = content
                .overlay
                .iter()
                .map(|(m, c)| format!("{} in {}", m.name, crate::theme::overlay_name(*c)))
                .collect();
            if !colours.is_empty() {
                let _ = write!(
                    text,
                    " Compared with: {}. Colours: {}.",
                    content
                        .overlay
                        .iter()
                        .skip(1)
                        .map(|(m, _)| m.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    colours.join(", ")
                );
            }
            text.push_str(
                " Legend: an X marks a trigger point; solid red, the essential zone; red dots, the spillover zone.",
            );
            text
        }
        (CanvasMode::Pick, None) => {
            format!("Body map: click a muscle to see its referral pattern.{views}")
        }
    }
}

/// Mouse wheel and pinch zoom about the pointer; dragging pans (right or middle
/// button always, left button too when picking); double-click fits the figure.
fn zoom_input(
    ui: &Ui,
    response: &egui::Response,
    area: egui::Rect,
    mode: CanvasMode,
    zoom: &mut Zoom,
) {
    if let Some(pointer) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let by = pinch * (scroll / 400.0).exp();
        if (by - 1.0).abs() > 1e-4 {
            zoom.zoom_about(area, pointer, by);
        }
    }
    let pans = response.dragged_by(egui::PointerButton::Secondary)
        || response.dragged_by(egui::PointerButton::Middle)
        || (mode == CanvasMode::Pick && response.dragged_by(egui::PointerButton::Primary));
    if pans {
        zoom.pan += response.drag_delta();
    }
    if response.double_clicked() {
        zoom.fit();
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

#[cfg(test)]
mod tests {
    use super::Zoom;
    use egui::{Rect, pos2, vec2};

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_still() {
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let mut zoom = Zoom::default();
        let anchor = pos2(600.0, 150.0);
        // Where a body point under the anchor sits, before and after zooming.
        let to_screen = |z: &Zoom, base: egui::Pos2| {
            let zoomed = z.apply(area);
            zoomed.min + (base - area.min) * z.factor
        };
        zoom.zoom_about(area, anchor, 2.0);
        assert!((zoom.factor - 2.0).abs() < 1e-6);
        let base = area.min + (anchor - zoom.apply(area).min) / zoom.factor;
        assert!(to_screen(&zoom, base).distance(anchor) < 1e-3);
        zoom.zoom_about(area, anchor, 100.0);
        assert!((zoom.factor - Zoom::MAX).abs() < 1e-6, "clamped");
        zoom.fit();
        assert!(zoom.is_fit());
    }
}
