//! The keyboard-shortcut overlay: everything works without a mouse.

use egui::Ui;

/// Every shortcut, as (keys, what it does). The README lists the same.
pub const SHORTCUTS: [(&str, &str); 20] = [
    ("Down / Right arrow", "next muscle in the region"),
    ("Up / Left arrow", "previous muscle in the region"),
    ("/", "search"),
    (
        "Esc",
        "clear the selection, leave the search box, close this help",
    ),
    ("R / L / B", "show the right side, the left side or both"),
    (
        "1 to 5",
        "show only the front, back, side of the head, side or sole view",
    ),
    ("A", "views chosen automatically"),
    ("Shift + arrows", "pan the zoomed figure"),
    ("F2, then 1 to 9", "lessons: open the list, start a lesson"),
    ("+ / -", "zoom in / out"),
    ("0", "fit the figure"),
    (
        "M",
        "switch between the atlas, the pain finder and the quiz",
    ),
    ("1 to 4, N", "in the quiz: answer, next question"),
    ("P", "presentation mode (projector colours, large type)"),
    ("F11", "full screen"),
    ("D", "dark theme"),
    ("Ctrl+E", "export a picture or a patient handout"),
    ("F1 / ?", "this help"),
    ("Wheel, pinch", "zoom at the pointer"),
    ("Drag, double-click", "pan, fit"),
];

/// Shows the shortcut table.
pub fn help_ui(ui: &mut Ui) {
    egui::Grid::new("shortcuts")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for (keys, action) in SHORTCUTS {
                ui.strong(keys);
                ui.label(action);
                ui.end_row();
            }
        });
}
