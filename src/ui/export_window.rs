//! The export window: a picture of the current view, or a patient handout, saved
//! through the system's save dialog.

use egui::Ui;

use crate::export::Paper;

/// Picture sizes offered for the current view.
pub const PICTURE_SIZES: [(u32, u32); 3] = [(1920, 1080), (2560, 1440), (3840, 2160)];

/// The choices in the export window (kept while the app runs).
#[derive(Clone, Debug, PartialEq)]
pub struct ExportChoices {
    pub size: (u32, u32),
    pub paper: Paper,
    /// The result of the last export, shown to the user.
    pub status: Option<String>,
}

impl Default for ExportChoices {
    fn default() -> Self {
        Self {
            size: PICTURE_SIZES[0],
            paper: Paper::A4,
            status: None,
        }
    }
}

/// What to save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportJob {
    Picture { width: u32, height: u32 },
    Handout(Paper),
}

impl ExportJob {
    /// A file name to suggest in the save dialog.
    #[must_use]
    pub fn suggested_name(self, muscle_id: Option<&str>, side: &str) -> String {
        let who = muscle_id.unwrap_or("body");
        match self {
            ExportJob::Picture { width, height } => format!("{who}-{side}-{width}x{height}.png"),
            ExportJob::Handout(paper) => {
                format!("{who}-{side}-handout-{}.png", paper.name().to_lowercase())
            }
        }
    }
}

/// Shows the export choices; returns the job the user asked to save.
pub fn export_ui(
    ui: &mut Ui,
    choices: &mut ExportChoices,
    muscle_selected: bool,
    busy: bool,
) -> Option<ExportJob> {
    let mut job = None;
    ui.label(egui::RichText::new("Picture of the current view").strong());
    ui.horizontal(|ui| {
        for (w, h) in PICTURE_SIZES {
            ui.selectable_value(&mut choices.size, (w, h), format!("{w} × {h}"));
        }
    });
    if ui
        .add_enabled(!busy, egui::Button::new("Save picture…"))
        .clicked()
    {
        job = Some(ExportJob::Picture {
            width: choices.size.0,
            height: choices.size.1,
        });
    }
    ui.separator();
    ui.label(egui::RichText::new("Patient handout").strong());
    ui.label("One page with the pattern, what it means in plain words, the warning signs that need urgent care, the source and the date.");
    ui.horizontal(|ui| {
        for paper in [Paper::A4, Paper::Letter] {
            ui.selectable_value(&mut choices.paper, paper, paper.name());
        }
    });
    let handout = ui.add_enabled(muscle_selected && !busy, egui::Button::new("Save handout…"));
    if !muscle_selected {
        ui.weak("Select a muscle first.");
    }
    if handout.clicked() {
        job = Some(ExportJob::Handout(choices.paper));
    }
    if let Some(status) = &choices.status {
        ui.separator();
        ui.label(status);
    }
    job
}
