//! The bar across the top: the modes, side and view choices, and the toggles for
//! the windows, presentation mode and the dark theme.

use crate::model::SideChoice;

use super::AtlasApp;
use super::command::Command;
use super::state::Mode;

impl AtlasApp {
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Trigger Point Atlas");
            ui.separator();
            for (mode, label) in [
                (Mode::Atlas, "Atlas"),
                (Mode::Finder, "Where does it hurt?"),
                (Mode::Quiz, "Quiz"),
            ] {
                if ui.selectable_label(self.work.mode == mode, label).clicked() {
                    commands.push(Command::SetMode(mode));
                }
            }
            ui.separator();
            self.pattern_controls_ui(ui, commands);
            ui.toggle_value(&mut self.windows.export, "Export…")
                .on_hover_text("Save a picture or a patient handout (Ctrl+E)");
            ui.toggle_value(&mut self.windows.lessons, "Lessons");
            ui.toggle_value(&mut self.windows.about, "About trigger points");
            ui.toggle_value(&mut self.prefs.presentation, "Present")
                .on_hover_text(
                    "Presentation mode: projector colours and large type (P; F11 for full screen)",
                );
            ui.toggle_value(&mut self.windows.help, "Keys")
                .on_hover_text("Keyboard shortcuts (F1 or ?)");
            let mut dark = self.prefs.dark_mode;
            if ui.toggle_value(&mut dark, "Dark").changed() {
                self.prefs.dark_mode = dark;
            }
            if !self.content.errors.is_empty() {
                ui.separator();
                let text = format!("Data problems: {}", self.content.errors.len());
                if ui.button(text).clicked() {
                    self.windows.errors = true;
                }
            }
        });
    }

    /// Side (atlas mode) and view choices.
    fn pattern_controls_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        match self.work.mode {
            Mode::Atlas => {
                ui.label("Side:");
                for (choice, label) in [
                    (SideChoice::Right, "Right"),
                    (SideChoice::Left, "Left"),
                    (SideChoice::Both, "Both"),
                ] {
                    if ui
                        .selectable_label(self.prefs.side == choice, label)
                        .clicked()
                    {
                        commands.push(Command::SetSide(choice));
                    }
                }
                ui.separator();
            }
            Mode::Finder | Mode::Quiz => {}
        }
        ui.label("Views:");
        ui.toggle_value(&mut self.prefs.auto_views, "Auto")
            .on_hover_text("Show the views the selected muscle's pattern touches (or, in the pain finder, front, back and head)");
        if !self.prefs.auto_views {
            for view in &self.content.atlas.views {
                let mut on = self.prefs.chosen_views.contains(&view.id);
                if ui.checkbox(&mut on, &view.name).changed() {
                    if on {
                        self.prefs.chosen_views.push(view.id.clone());
                    } else {
                        self.prefs.chosen_views.retain(|v| v != &view.id);
                    }
                }
            }
        }
        ui.separator();
    }
}
