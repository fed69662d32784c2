//! `render`: a muscle's pattern (or every muscle's) to PNG, SVG or PDF without a window, with the
//! same export path as the window's Export dialog.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::{FormatArg, SideChoiceArg, parse_size};
use crate::export::{Export, FigureSpec, Format};
use crate::model::{Atlas, MuscleId, SideChoice, ViewId};

/// The `render` command's options.
#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// The muscle id (see `list`).
    #[arg(long, required_unless_present = "all", conflicts_with = "all")]
    muscle: Option<String>,
    /// Render every muscle into --out-dir, one file each (PNG unless --format says).
    #[arg(long, requires = "out_dir")]
    all: bool,
    /// Which side(s) to show.
    #[arg(long, value_enum, default_value = "right")]
    side: SideChoiceArg,
    /// Views to draw (repeatable); default: the views the pattern touches.
    #[arg(long = "view")]
    views: Vec<String>,
    /// Picture size in pixels, at most 3840x2160.
    #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
    size: (u32, u32),
    /// Dark theme.
    #[arg(long)]
    dark: bool,
    /// The file to write (with --muscle): .png, .svg or .pdf.
    #[arg(long, required_unless_present = "all")]
    out: Option<PathBuf>,
    /// The folder to write into (with --all).
    #[arg(long)]
    out_dir: Option<PathBuf>,
    /// Only this trigger point's pattern, e.g. `TrP1` (with --muscle; see `show`).
    #[arg(long, value_name = "LABEL", conflicts_with = "all")]
    trigger_point: Option<String>,
    /// png, svg (vector, for slides) or pdf (vector, selectable text); default: from
    /// the --out name (which must match), png with --all.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
}

/// The formats `render` writes.
const FORMATS: [Format; 3] = [Format::Png, Format::Svg, Format::Pdf];

/// Runs `render`.
pub fn run(args: RenderArgs, data: Option<&Path>) -> ExitCode {
    let atlas = super::args::load_quietly(data);
    let views: Vec<ViewId> = args.views.into_iter().map(ViewId).collect();
    if let Some(bad) = views.iter().find(|v| atlas.view(v).is_none()) {
        let known: Vec<&str> = atlas.views.iter().map(|v| v.id.0.as_str()).collect();
        eprintln!(
            "error: unknown view \"{bad}\"; use one of: {}",
            known.join(", ")
        );
        return ExitCode::from(2);
    }
    let mut format = args.format.map_or(Format::Png, Format::from);
    let jobs: Vec<(MuscleId, PathBuf)> = if args.all {
        let dir = args.out_dir.unwrap_or_default();
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("error: cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
        atlas
            .muscles
            .iter()
            .map(|m| {
                (
                    m.id.clone(),
                    dir.join(format!("{}.{}", m.id, format.extension())),
                )
            })
            .collect()
    } else {
        let id = MuscleId(args.muscle.unwrap_or_default());
        if atlas.muscle(&id).is_none() {
            return super::args::unknown_muscle(&id.0);
        }
        if let Err(status) =
            super::args::check_trigger_point(&atlas, &id, args.trigger_point.as_deref())
        {
            return status;
        }
        let out = args.out.unwrap_or_default();
        format = match super::args::output_format(&out, args.format, &FORMATS, "pictures") {
            Ok(f) => f,
            Err(status) => return status,
        };
        vec![(id, out)]
    };
    let side = SideChoice::from(args.side);
    let size_px = [args.size.0, args.size.1];
    render_all(&atlas, &jobs, format, |muscle| Export::Figure {
        spec: FigureSpec {
            muscle: Some(muscle.clone()),
            sides: side.sides().to_vec(),
            views: views.clone(),
            trigger_point: args.trigger_point.clone(),
            ..FigureSpec::default()
        },
        size_px,
        dark: args.dark,
    })
}

/// Renders each (muscle, file) job, with a progress line when there are several.
fn render_all(
    atlas: &Atlas,
    jobs: &[(MuscleId, PathBuf)],
    format: Format,
    export_of: impl Fn(&MuscleId) -> Export,
) -> ExitCode {
    // One renderer for every PNG (started on the first); vector formats need none.
    let mut renderer = None;
    for (i, (id, path)) in jobs.iter().enumerate() {
        if jobs.len() > 1 {
            let done = (i + 1) * 30 / jobs.len();
            eprint!(
                "\r[{}{}] {:>3}/{} {:<40}",
                "#".repeat(done),
                " ".repeat(30 - done),
                i + 1,
                jobs.len(),
                id.0
            );
        }
        if let Err(e) = crate::export::save_as(&mut renderer, atlas, &export_of(id), format, path) {
            eprintln!("\nerror: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    if jobs.len() > 1 {
        eprintln!("\nwrote {} pictures", jobs.len());
    }
    ExitCode::SUCCESS
}
