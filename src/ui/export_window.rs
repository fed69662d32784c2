//! The export window: a picture of the current view, or a patient handout, saved
//! through the system's save dialog, or straight into a folder the user types (for
//! desktops without a file dialog, such as a bare X server or a kiosk).

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
    /// The folder "Save here" writes into.
    pub folder: String,
    /// The file name "Save here" uses; empty: the suggested name.
    pub name: String,
}

impl Default for ExportChoices {
    fn default() -> Self {
        Self {
            size: PICTURE_SIZES[0],
            paper: Paper::A4,
            status: None,
            folder: default_folder(),
            name: String::new(),
        }
    }
}

/// Where "Save here" writes by default: the user's Pictures folder (`XDG_PICTURES_DIR`
/// or ~/Pictures), else Documents, else the home folder, else the current one.
fn default_folder() -> String {
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(std::path::PathBuf::from);
    let xdg = std::env::var_os("XDG_PICTURES_DIR").map(std::path::PathBuf::from);
    let candidates = xdg.into_iter().chain(
        home.iter()
            .flat_map(|h| [h.join("Pictures"), h.join("Documents")]),
    );
    candidates
        .into_iter()
        .find(|p| p.is_dir())
        .or(home)
        .map_or_else(|| ".".to_owned(), |p| p.to_string_lossy().into_owned())
}

/// Where to save it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    /// Ask with the system's save dialog.
    Dialog,
    /// Straight into [`ExportChoices::folder`], under the suggested name.
    Folder,
}

/// What to save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportJob {
    Picture {
        width: u32,
        height: u32,
    },
    /// The picture as SVG: vector paths and text, for slides.
    Vector {
        width: u32,
        height: u32,
    },
    Handout(Paper),
}

impl ExportJob {
    /// A file name to suggest in the save dialog.
    #[must_use]
    pub fn suggested_name(self, muscle_id: Option<&str>, side: &str) -> String {
        let who = muscle_id.unwrap_or("body");
        match self {
            ExportJob::Picture { width, height } => format!("{who}-{side}-{width}x{height}.png"),
            ExportJob::Vector { width, height } => format!("{who}-{side}-{width}x{height}.svg"),
            ExportJob::Handout(paper) => {
                format!("{who}-{side}-handout-{}.png", paper.name().to_lowercase())
            }
        }
    }
}

/// Shows the export choices; returns the job the user asked to save, and where.
pub fn export_ui(
    ui: &mut Ui,
    choices: &mut ExportChoices,
    muscle_selected: bool,
    busy: bool,
    take_focus: bool,
) -> Option<(ExportJob, Destination)> {
    let mut job = None;
    ui.label(egui::RichText::new("Picture of the current view").strong());
    ui.horizontal(|ui| {
        for (i, (w, h)) in PICTURE_SIZES.into_iter().enumerate() {
            let size = ui.selectable_value(&mut choices.size, (w, h), format!("{w} × {h}"));
            // Opened from the keyboard, the window takes the focus at its first control.
            if take_focus && i == 0 {
                size.request_focus();
            }
        }
    });
    let picture = ExportJob::Picture {
        width: choices.size.0,
        height: choices.size.1,
    };
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!busy, egui::Button::new("Save picture…"))
            .clicked()
        {
            job = Some((picture, Destination::Dialog));
        }
        if ui
            .add_enabled(!busy, egui::Button::new("Save picture here"))
            .clicked()
        {
            job = Some((picture, Destination::Folder));
        }
    });
    ui.horizontal(|ui| {
        let vector = ExportJob::Vector {
            width: choices.size.0,
            height: choices.size.1,
        };
        if ui
            .add_enabled(!busy, egui::Button::new("Save as SVG…"))
            .on_hover_text("Vector drawing for slides: scales without blur")
            .clicked()
        {
            job = Some((vector, Destination::Dialog));
        }
        if ui
            .add_enabled(!busy, egui::Button::new("Save as SVG here"))
            .clicked()
        {
            job = Some((vector, Destination::Folder));
        }
    });
    ui.separator();
    ui.label(egui::RichText::new("Patient handout").strong());
    ui.label("One page with the pattern, what it means in plain words, what you can do, the warning signs that need urgent care, the source and the date.");
    ui.horizontal(|ui| {
        for paper in [Paper::A4, Paper::Letter] {
            ui.selectable_value(&mut choices.paper, paper, paper.name());
        }
    });
    let handout = ExportJob::Handout(choices.paper);
    ui.horizontal(|ui| {
        let can = muscle_selected && !busy;
        if ui
            .add_enabled(can, egui::Button::new("Save handout…"))
            .clicked()
        {
            job = Some((handout, Destination::Dialog));
        }
        if ui
            .add_enabled(can, egui::Button::new("Save handout here"))
            .clicked()
        {
            job = Some((handout, Destination::Folder));
        }
    });
    if !muscle_selected {
        ui.weak("Select a muscle first.");
    }
    ui.separator();
    let label = ui.label("Folder for “Save here”:");
    ui.add(egui::TextEdit::singleline(&mut choices.folder).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    let label = ui.label("File name (empty: the name suggested for the muscle and side):");
    ui.add(
        egui::TextEdit::singleline(&mut choices.name)
            .hint_text("e.g. upper_trapezius_right.png")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.weak(
        "“Save here” writes into this folder without asking, for computers without a file dialog.",
    );
    if let Some(status) = &choices.status {
        ui.separator();
        ui.label(status);
    }
    job
}
