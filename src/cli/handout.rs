//! `handout`: a one-page patient handout for one muscle and side, and `report`: the
//! one-page report of a saved pain drawing, with the same export path as the
//! window's Export dialog.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::{FormatArg, PaperArg, SideChoiceArg};
use crate::export::{Export, Format, HandoutSpec, ReportSpec, today};
use crate::model::{ClinicianNote, MAX_INITIALS, MAX_NOTE, MuscleId, SideChoice};

/// The printed pages' formats.
const PAGE_FORMATS: [Format; 2] = [Format::Pdf, Format::Png];

/// What the physician may print on a page (each overrides the drawing file's).
#[derive(clap::Args, Debug)]
pub struct NoteArgs {
    /// The physician's initials, printed at the top.
    #[arg(long)]
    initials: Option<String>,
    /// The visit's date to print (default: the drawing's date, else today).
    #[arg(long)]
    date: Option<String>,
    /// A short note for the patient, printed under the title.
    #[arg(long)]
    note: Option<String>,
}

impl NoteArgs {
    /// The note to print: these options over the drawing's words.
    fn over(self, drawing: Option<&crate::io::PainDrawing>) -> Result<ClinicianNote, ExitCode> {
        let from_file = |f: fn(&crate::io::PainDrawing) -> &Option<String>| {
            drawing.and_then(|d| f(d).clone()).unwrap_or_default()
        };
        let note = ClinicianNote {
            initials: self.initials.unwrap_or_else(|| from_file(|d| &d.initials)),
            date: self
                .date
                .or_else(|| drawing.map(|d| d.date.clone()))
                .unwrap_or_default(),
            note: self.note.unwrap_or_else(|| from_file(|d| &d.note)),
        };
        for (what, text, max) in [
            ("--initials", &note.initials, MAX_INITIALS),
            ("--note", &note.note, MAX_NOTE),
        ] {
            if text.chars().count() > max {
                eprintln!("error: {what} is longer than {max} characters; shorten it");
                return Err(ExitCode::from(2));
            }
        }
        Ok(note)
    }
}

/// A printed page's paper, file and format (handout and report alike).
#[derive(clap::Args, Debug)]
pub struct PageArgs {
    /// Paper size.
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
    /// The file to write: .pdf (vector, the paper's true size) or .png (150 dpi).
    #[arg(long)]
    out: PathBuf,
    /// pdf or png; default: from the --out name (which must match).
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
}

impl PageArgs {
    /// The format to write, from the file name; `what` names the pages in messages.
    fn format(&self, what: &str) -> Result<Format, ExitCode> {
        super::args::output_format(&self.out, self.format, &PAGE_FORMATS, what)
    }
}

/// The `handout` command's options.
#[derive(clap::Args, Debug)]
pub struct HandoutArgs {
    /// The muscle id (see `list`); with --drawing, default: the candidate shown in it.
    #[arg(long, required_unless_present = "drawing")]
    muscle: Option<String>,
    /// The patient's side, or both (with --drawing, default: the shown candidate's).
    #[arg(long, value_enum)]
    side: Option<SideChoiceArg>,
    #[command(flatten)]
    page: PageArgs,
    /// Only this trigger point's pattern, e.g. `TrP1` (see `show`).
    #[arg(long, value_name = "LABEL")]
    trigger_point: Option<String>,
    /// A saved pain drawing: the patient's marks are drawn on the handout, with its
    /// initials, date and note.
    #[arg(long, value_name = "FILE")]
    drawing: Option<PathBuf>,
    #[command(flatten)]
    note: NoteArgs,
}

/// Runs `handout`.
#[must_use]
pub fn run(args: HandoutArgs, data: Option<&Path>) -> ExitCode {
    let format = match args.page.format("handouts") {
        Ok(f) => f,
        Err(status) => return status,
    };
    let atlas = super::args::load_quietly(data);
    let drawing = match args
        .drawing
        .as_deref()
        .map(|p| super::args::read_drawing(p, &atlas))
    {
        Some(Ok(d)) => Some(d),
        Some(Err(status)) => return status,
        None => None,
    };
    let shown = drawing.as_ref().and_then(|d| d.chosen.clone());
    let Some(id) = args
        .muscle
        .map(MuscleId)
        .or_else(|| shown.as_ref().map(|(id, _)| id.clone()))
    else {
        eprintln!(
            "error: the drawing shows no candidate; name the muscle with --muscle (see `lookup --drawing`)"
        );
        return ExitCode::from(2);
    };
    if atlas.muscle(&id).is_none() {
        return super::args::unknown_muscle(&id.0);
    }
    if let Err(status) =
        super::args::check_trigger_point(&atlas, &id, args.trigger_point.as_deref())
    {
        return status;
    }
    let side = match (args.side, &shown) {
        (Some(side), _) => side.into(),
        (None, Some((shown_id, side))) if *shown_id == id => SideChoice::from(*side),
        (None, _) => SideChoice::Right,
    };
    let note = match args.note.over(drawing.as_ref()) {
        Ok(n) => n,
        Err(status) => return status,
    };
    let export = Export::Handout {
        spec: HandoutSpec {
            muscle: id,
            side,
            date: note.date_or(&today()).to_owned(),
            trigger_point: args.trigger_point,
            marks: drawing.map(|d| d.marks).unwrap_or_default(),
            note,
        },
        paper: args.page.paper.into(),
    };
    super::args::write_export(&atlas, &export, format, &args.page.out)
}

/// The `report` command's options.
#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// The saved pain drawing (see "Save drawing" in the window's pain finder).
    #[arg(long, value_name = "FILE")]
    drawing: PathBuf,
    #[command(flatten)]
    page: PageArgs,
    #[command(flatten)]
    note: NoteArgs,
}

/// Runs `report`.
#[must_use]
pub fn run_report(args: ReportArgs, data: Option<&Path>) -> ExitCode {
    let format = match args.page.format("reports") {
        Ok(f) => f,
        Err(status) => return status,
    };
    let atlas = super::args::load_quietly(data);
    let drawing = match super::args::read_drawing(&args.drawing, &atlas) {
        Ok(d) => d,
        Err(status) => return status,
    };
    if drawing.marks.is_empty() {
        eprintln!(
            "error: {}: the drawing has no marks; there is nothing to report",
            args.drawing.display()
        );
        return ExitCode::from(2);
    }
    let note = match args.note.over(Some(&drawing)) {
        Ok(n) => n,
        Err(status) => return status,
    };
    let export = Export::Report {
        spec: ReportSpec {
            drawing_date: note.date_or(&drawing.date).to_owned(),
            marks: drawing.marks,
            label: drawing.label,
            chosen: drawing.chosen,
            note,
            printed: today(),
        },
        paper: args.page.paper.into(),
    };
    super::args::write_export(&atlas, &export, format, &args.page.out)
}
