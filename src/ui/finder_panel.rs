//! The pain finder's side panel: brush, undo/clear, and the ranked muscles with why.

use egui::{RichText, Ui};

use crate::finder::{Candidate, PainMark, Place, area_of};
use crate::model::{Atlas, Side};

/// What the user asked for in the finder panel.
#[derive(Clone, Debug, PartialEq)]
pub enum FinderAction {
    Undo,
    Clear,
    /// Overlay this candidate (index into the ranked list) on the drawing.
    Choose(usize),
    /// Open this candidate in the atlas with its details.
    Open(usize),
    /// Mark the named place (index into the places) on this side: marking without a
    /// pointer.
    MarkPlace(usize, crate::model::Side),
    /// Take mark `i` away.
    Remove(usize),
    /// Save the marks as a pain drawing file at the typed path.
    SaveDrawing,
    /// Open the pain drawing file at the typed path.
    OpenDrawing,
}

/// The pain drawing's file box: the path, an optional label, Save and Open, and what
/// the last one did.
pub struct DrawingBox<'a> {
    pub path: &'a mut String,
    pub label: &'a mut String,
    pub status: Option<&'a str>,
}

/// The finder as the panel needs to see it.
#[derive(Clone, Copy)]
pub struct FinderView<'a> {
    pub candidates: &'a [Candidate],
    /// The candidate overlaid on the drawing.
    pub chosen: Option<usize>,
    pub marks: &'a [PainMark],
    /// The named places a keyboard user can mark.
    pub places: &'a [Place],
}

/// Shows the finder controls and results.
pub fn finder_panel_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    finder: &FinderView<'_>,
    pick: &mut (usize, Side),
    brush_radius: &mut f32,
    drawing: &mut DrawingBox<'_>,
) -> Option<FinderAction> {
    let FinderView {
        candidates,
        chosen,
        marks: marks_made,
        places,
    } = *finder;
    let marks = marks_made.len();
    let mut action = None;
    ui.heading("Where does it hurt?");
    ui.label(
        "Mark the painful spots on the body (click, or drag to paint an area). The muscles whose \
         referral patterns cover them are listed below, best match first.",
    );
    ui.add_space(4.0);
    ui.add(egui::Slider::new(brush_radius, 3.0..=20.0).text("Brush size"));
    ui.horizontal(|ui| {
        if ui
            .add_enabled(marks > 0, egui::Button::new("Undo last"))
            .clicked()
        {
            action = Some(FinderAction::Undo);
        }
        if ui
            .add_enabled(marks > 0, egui::Button::new("Clear all"))
            .clicked()
        {
            action = Some(FinderAction::Clear);
        }
        ui.weak(format!("{marks} mark(s)"));
    });
    if let Some(a) = place_marking_ui(ui, places, pick) {
        action = Some(a);
    }
    if let Some(a) = marks_list_ui(ui, atlas, marks_made) {
        action = Some(a);
    }
    if let Some(a) = drawing_box_ui(ui, drawing, marks > 0) {
        action = Some(a);
    }
    ui.separator();
    if marks == 0 {
        ui.weak("No marks yet.");
        return action;
    }
    if candidates.is_empty() {
        ui.label("No muscle in the atlas refers pain to the marked spots.");
        return action;
    }
    ui.label(RichText::new("Muscles that can cause this pain").strong());
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, c) in candidates.iter().enumerate() {
                let Some(m) = atlas.muscle(&c.muscle) else {
                    continue;
                };
                let title = format!("{}. {} ({})", i + 1, m.name, c.side.word());
                // Wrapped, so a long name never widens the panel (the figure beside it
                // would jump sideways when the results appear).
                let (name, details) = text_then_button_ui(ui, "Details", |ui| {
                    ui.selectable_label(chosen == Some(i), RichText::new(title).strong())
                });
                if name.clicked() {
                    action = Some(FinderAction::Choose(i));
                }
                let details = details.on_hover_text("Open in the atlas");
                crate::ui::a11y::rename(
                    &details,
                    &format!("Details: {} ({})", m.name, c.side.word()),
                );
                if details.clicked() {
                    action = Some(FinderAction::Open(i));
                }
                ui.weak(format!("{} · match {:.0}%", c.reason(), c.score * 100.0));
                ui.add_space(2.0);
            }
        });
    ui.add_space(6.0);
    ui.label(
        RichText::new("A ranking by typical patterns, not a diagnosis. Pain can have other causes that need a clinician.")
            .italics(),
    );
    action
}

/// Marking without a pointer: pick a named area and a side, then *Add mark*.
fn place_marking_ui(
    ui: &mut Ui,
    places: &[Place],
    pick: &mut (usize, Side),
) -> Option<FinderAction> {
    if places.is_empty() {
        return None;
    }
    pick.0 = pick.0.min(places.len() - 1);
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        let current = places[pick.0].area.as_str();
        let area_box = egui::ComboBox::from_label("Area")
            .selected_text(current)
            .height(300.0)
            .show_ui(ui, |ui| {
                for (i, p) in places.iter().enumerate() {
                    ui.selectable_value(&mut pick.0, i, &p.area);
                }
            });
        crate::ui::a11y::set_value(&area_box.response, current);
        ui.selectable_value(&mut pick.1, Side::Right, "Right");
        ui.selectable_value(&mut pick.1, Side::Left, "Left");
        let add = ui.button("Add mark");
        crate::ui::a11y::rename(
            &add,
            &format!(
                "Add a mark: {}, {} side",
                places[pick.0].area,
                pick.1.word()
            ),
        );
        if add.clicked() {
            action = Some(FinderAction::MarkPlace(pick.0, pick.1));
        }
    });
    action
}

/// The marks in words, each with a button to take it away.
fn marks_list_ui(ui: &mut Ui, atlas: &Atlas, marks: &[PainMark]) -> Option<FinderAction> {
    let mut action = None;
    for (i, mark) in marks.iter().enumerate() {
        let view = atlas.view(&mark.view);
        let side = crate::finder::mark_side(atlas, mark);
        let area = area_of(atlas, mark).unwrap_or("a spot with no named area");
        let title = view.map_or_else(String::new, |v| {
            crate::draw::paint::panel_title(
                v,
                &crate::draw::layout::Panel {
                    view: v.id.clone(),
                    side: mark.panel_side,
                },
            )
        });
        let text = format!("{}. {area}, {} side ({title})", i + 1, side.word());
        let ((), remove) = text_then_button_ui(ui, "Remove", |ui| {
            ui.label(&text);
        });
        crate::ui::a11y::rename(&remove, &format!("Remove mark {}: {area}", i + 1));
        if remove.clicked() {
            action = Some(FinderAction::Remove(i));
        }
    }
    action
}

/// One row: `text` wrapped in the width a small button labelled `button` leaves at
/// the row's end, then the button on its first line, at the row's end. A long text never pushes the
/// button onto a line of its own, and a screen reader meets the text first.
fn text_then_button_ui<R>(
    ui: &mut Ui,
    button: &str,
    text: impl FnOnce(&mut Ui) -> R,
) -> (R, egui::Response) {
    let button_width = egui::WidgetText::from(button)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Button,
        )
        .size()
        .x
        + 2.0 * ui.spacing().button_padding.x;
    ui.horizontal_top(|ui| {
        let room = (ui.available_width() - button_width - ui.spacing().item_spacing.x).max(0.0);
        let shown = ui.allocate_ui_with_layout(
            egui::vec2(room, 0.0),
            egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true),
            text,
        );
        // The buttons of all rows line up at the panel's edge.
        ui.add_space((room - shown.response.rect.width()).max(0.0));
        (shown.inner, ui.small_button(button))
    })
    .inner
}

/// Saving the pain drawing for the next visit, and opening it again.
fn drawing_box_ui(
    ui: &mut Ui,
    drawing: &mut DrawingBox<'_>,
    any_marks: bool,
) -> Option<FinderAction> {
    let mut action = None;
    ui.add_space(4.0);
    let label = ui.label("Pain drawing file:");
    ui.add(
        egui::TextEdit::singleline(&mut *drawing.path)
            .hint_text("e.g. /home/me/Documents/pain-drawing.ron")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    let label = ui.label("Label (optional, kept in the file):");
    ui.add(egui::TextEdit::singleline(&mut *drawing.label).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    ui.horizontal(|ui| {
        let has_path = !drawing.path.trim().is_empty();
        if ui
            .add_enabled(has_path && any_marks, egui::Button::new("Save drawing"))
            .clicked()
        {
            action = Some(FinderAction::SaveDrawing);
        }
        if ui
            .add_enabled(has_path, egui::Button::new("Open drawing"))
            .clicked()
        {
            action = Some(FinderAction::OpenDrawing);
        }
    });
    if let Some(status) = drawing.status {
        ui.label(status);
    }
    action
}
