//! The export window: a picture of the current view, or a patient handout, saved
//! through the system's save dialog, or straight into a folder the user types (for
//! desktops without a file dialog, such as a bare X server or a kiosk).

use egui::Ui;

use crate::export::{Format, Paper, today};
use crate::model::{ClinicianNote, MAX_INITIALS, MAX_NOTE};

/// Picture sizes offered for the current view.
pub const PICTURE_SIZES: [(u32, u32); 3] = [(1920, 1080), (2560, 1440), (3840, 2160)];

/// The choices in the export window (kept while the app runs).
#[derive(Clone, Debug, PartialEq)]
pub struct ExportChoices {
    pub size: (u32, u32),
    /// The picture's format: PNG, or SVG and PDF for slides and print.
    pub picture_format: Format,
    pub paper: Paper,
    /// The handout's and report's format: PDF, or PNG at 150 dpi.
    pub page_format: Format,
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
            picture_format: Format::Png,
            paper: Paper::A4,
            page_format: Format::Pdf,
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
    /// The views on screen.
    Picture {
        width: u32,
        height: u32,
        format: Format,
    },
    /// The patient handout of the selected muscle (with the patient's marks when made
    /// from the pain finder).
    Handout { paper: Paper, format: Format },
    /// The one-page report of the pain drawing.
    Report { paper: Paper, format: Format },
}

impl ExportJob {
    /// The format the job is written in.
    #[must_use]
    pub fn format(self) -> Format {
        match self {
            ExportJob::Picture { format, .. }
            | ExportJob::Handout { format, .. }
            | ExportJob::Report { format, .. } => format,
        }
    }

    /// A file name to suggest in the save dialog.
    #[must_use]
    pub fn suggested_name(self, muscle_id: Option<&str>, side: &str) -> String {
        let who = muscle_id.unwrap_or("body");
        let ext = self.format().extension();
        match self {
            ExportJob::Picture { width, height, .. } => {
                format!("{who}-{side}-{width}x{height}.{ext}")
            }
            ExportJob::Handout { paper, .. } => {
                format!("{who}-{side}-handout-{}.{ext}", paper.name().to_lowercase())
            }
            ExportJob::Report { paper, .. } => {
                format!("pain-drawing-report-{}.{ext}", paper.name().to_lowercase())
            }
        }
    }
}

/// What the export window needs to know of the app.
#[derive(Clone, Copy, Debug)]
pub struct ExportContext {
    pub muscle_selected: bool,
    /// Pain marks made in the finder (what the report is of).
    pub marks: usize,
    /// The marks the handout draws: those of the finder, when it is open.
    pub handout_marks: usize,
    /// An export is being saved.
    pub busy: bool,
    /// The window just opened from the keyboard: take the focus.
    pub take_focus: bool,
}

/// A row of "Save …" and "Save … here" buttons for `job`.
fn save_buttons(
    ui: &mut Ui,
    what: &str,
    enabled: bool,
    job: ExportJob,
    chosen: &mut Option<(ExportJob, Destination)>,
) {
    ui.horizontal(|ui| {
        if ui
            .add_enabled(enabled, egui::Button::new(format!("Save {what}…")))
            .clicked()
        {
            *chosen = Some((job, Destination::Dialog));
        }
        if ui
            .add_enabled(enabled, egui::Button::new(format!("Save {what} here")))
            .clicked()
        {
            *chosen = Some((job, Destination::Folder));
        }
    });
}

/// Shows the export choices and the physician's optional words for the page; returns
/// the job the user asked to save, and where.
pub fn export_ui(
    ui: &mut Ui,
    choices: &mut ExportChoices,
    note: &mut ClinicianNote,
    app: ExportContext,
) -> Option<(ExportJob, Destination)> {
    let mut job = None;
    let free = !app.busy;
    ui.label(egui::RichText::new("Picture of the current view").strong());
    ui.horizontal(|ui| {
        for (i, (w, h)) in PICTURE_SIZES.into_iter().enumerate() {
            let size = ui.selectable_value(&mut choices.size, (w, h), format!("{w} × {h}"));
            // Opened from the keyboard, the window takes the focus at its first control.
            if app.take_focus && i == 0 {
                size.request_focus();
            }
        }
    });
    ui.horizontal(|ui| {
        ui.selectable_value(&mut choices.picture_format, Format::Png, "PNG picture");
        ui.selectable_value(&mut choices.picture_format, Format::Svg, "SVG drawing")
            .on_hover_text("Vector drawing for slides: scales without blur");
        ui.selectable_value(&mut choices.picture_format, Format::Pdf, "PDF drawing")
            .on_hover_text("Vector page at the picture's size, with selectable text");
    });
    let picture = ExportJob::Picture {
        width: choices.size.0,
        height: choices.size.1,
        format: choices.picture_format,
    };
    save_buttons(ui, "picture", free, picture, &mut job);
    ui.separator();
    ui.label(egui::RichText::new("Patient handout").strong());
    ui.label("One page with the pattern, what it means in plain words, what you can do, the warning signs that need urgent care, the source and the date.");
    if app.handout_marks > 0 {
        ui.weak("The patient's pain marks are drawn on it.");
    }
    ui.horizontal(|ui| {
        for paper in [Paper::A4, Paper::Letter] {
            ui.selectable_value(&mut choices.paper, paper, paper.name());
        }
        ui.separator();
        ui.selectable_value(&mut choices.page_format, Format::Pdf, "PDF for printing");
        ui.selectable_value(&mut choices.page_format, Format::Png, "PNG at 150 dpi");
    });
    let (paper, format) = (choices.paper, choices.page_format);
    save_buttons(
        ui,
        "handout",
        app.muscle_selected && free,
        ExportJob::Handout { paper, format },
        &mut job,
    );
    if !app.muscle_selected {
        ui.weak("Select a muscle first (in the pain finder: show a candidate).");
    }
    ui.separator();
    ui.label(egui::RichText::new("Pain drawing report").strong());
    ui.label("One page with the marks on each view, the muscles that can cause them and why, the top patterns, the warning signs for the marked areas and the date.");
    save_buttons(
        ui,
        "report",
        app.marks > 0 && free,
        ExportJob::Report { paper, format },
        &mut job,
    );
    if app.marks == 0 {
        ui.weak("Mark where it hurts first (“Where does it hurt?”).");
    }
    ui.separator();
    ui.label(egui::RichText::new("Printed on the handout and report (optional)").strong());
    ui.horizontal(|ui| {
        let label = ui.label("Initials:");
        ui.add(
            egui::TextEdit::singleline(&mut note.initials)
                .char_limit(MAX_INITIALS)
                .desired_width(70.0),
        )
        .labelled_by(label.id);
        let label = ui.label("Date:");
        ui.add(
            egui::TextEdit::singleline(&mut note.date)
                .char_limit(20)
                .hint_text(today())
                .desired_width(100.0),
        )
        .labelled_by(label.id);
    });
    let label = ui.label("Note for the patient:");
    ui.add(
        egui::TextEdit::multiline(&mut note.note)
            .char_limit(MAX_NOTE)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.weak("Kept only while the atlas is open, and in the pain drawing file if you save one.");
    ui.separator();
    let label = ui.label("Folder for “Save here”:");
    ui.add(egui::TextEdit::singleline(&mut choices.folder).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    let label = ui.label("File name (empty: the name suggested for the muscle and side):");
    ui.add(
        egui::TextEdit::singleline(&mut choices.name)
            .hint_text("e.g. upper_trapezius_right")
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
