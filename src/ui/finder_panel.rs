//! The pain finder's side panel: brush, undo/clear, and the ranked muscles with why.

use egui::{RichText, Ui};

use crate::finder::Candidate;
use crate::model::Atlas;

/// What the user asked for in the finder panel.
#[derive(Clone, Debug, PartialEq)]
pub enum FinderAction {
    Undo,
    Clear,
    /// Overlay this candidate (index into the ranked list) on the drawing.
    Choose(usize),
    /// Open this candidate in the atlas with its details.
    Open(usize),
}

/// Shows the finder controls and results.
pub fn finder_panel_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    candidates: &[Candidate],
    chosen: Option<usize>,
    marks: usize,
    brush_radius: &mut f32,
) -> Option<FinderAction> {
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
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .selectable_label(chosen == Some(i), RichText::new(title).strong())
                        .clicked()
                    {
                        action = Some(FinderAction::Choose(i));
                    }
                    let details = ui
                        .small_button("Details")
                        .on_hover_text("Open in the atlas");
                    crate::ui::a11y::rename(
                        &details,
                        &format!("Details: {} ({})", m.name, c.side.word()),
                    );
                    if details.clicked() {
                        action = Some(FinderAction::Open(i));
                    }
                });
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
