//! `handout`: a one-page patient handout for one muscle and side, with the same
//! export path as the window's Export dialog.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::{PaperArg, SideChoiceArg};
use crate::export::{Export, HandoutSpec, OffscreenRenderer, today};
use crate::model::MuscleId;

/// The `handout` command's options.
#[derive(clap::Args, Debug)]
pub struct HandoutArgs {
    /// The muscle id (see `list`).
    #[arg(long)]
    muscle: String,
    /// The patient's side, or both.
    #[arg(long, value_enum, default_value = "right")]
    side: SideChoiceArg,
    /// Paper size.
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
    /// The file to write: .pdf (vector, the paper's true size) or .png (150 dpi).
    #[arg(long)]
    out: PathBuf,
    /// Only this trigger point's pattern, e.g. `TrP1` (see `show`).
    #[arg(long, value_name = "LABEL")]
    trigger_point: Option<String>,
}

/// Runs `handout`.
#[must_use]
pub fn run(args: HandoutArgs, data: Option<&Path>) -> ExitCode {
    let pdf = args
        .out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if !pdf && let Err(status) = super::args::check_png_name(&args.out) {
        return status;
    }
    let atlas = super::args::load_quietly(data);
    let id = MuscleId(args.muscle);
    if atlas.muscle(&id).is_none() {
        return super::args::unknown_muscle(&id.0);
    }
    if let Err(status) =
        super::args::check_trigger_point(&atlas, &id, args.trigger_point.as_deref())
    {
        return status;
    }
    let export = Export::Handout {
        spec: HandoutSpec {
            muscle: id,
            side: args.side.into(),
            date: today(),
            trigger_point: args.trigger_point,
        },
        paper: args.paper.into(),
    };
    let saved = if pdf {
        crate::export::render_pdf(&atlas, &export)
            .and_then(|bytes| crate::io::write_atomically(&args.out, &bytes))
    } else {
        OffscreenRenderer::new()
            .and_then(|mut r| crate::export::save(&mut r, &atlas, &export, &args.out))
    };
    match saved {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
