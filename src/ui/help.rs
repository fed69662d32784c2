//! The keyboard-shortcut overlay: everything works without a mouse. The rows come
//! from the one shortcut table, [`crate::keys::SHORTCUTS`].

use egui::Ui;

use crate::keys::SHORTCUTS;

/// Shows the shortcut table.
pub fn help_ui(ui: &mut Ui) {
    egui::Grid::new("shortcuts")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for shortcut in SHORTCUTS {
                ui.strong(shortcut.keys);
                ui.label(shortcut.does);
                ui.end_row();
            }
        });
}
