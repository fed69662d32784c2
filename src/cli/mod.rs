//! The command line: the argument schema and one module per command. Without a
//! command the window opens ([`crate::window::run`]). The headless commands share
//! the engine with the window: `lookup` ranks with the pain finder's code, `render`
//! `handout` and `report` export with the Export dialog's.

pub mod args;
pub mod check;
pub mod handout;
pub mod list;
pub mod lookup;
pub mod manual;
pub mod render;
pub mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// An open atlas of myofascial trigger points and their referred pain.
#[derive(Parser, Debug)]
#[command(name = "trigger-atlas", version, about)]
pub struct Args {
    /// A folder of RON data (views.ron, muscles/*.ron) that adds to or overrides the
    /// built-in muscles.
    #[arg(long, value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,
    /// Where the window keeps preferences and quiz totals (default: the user's config
    /// folder, e.g. ~/.config/trigger-atlas/preferences.ron). A shared lecture-hall
    /// machine can point each lecturer at their own file.
    #[arg(long, value_name = "FILE")]
    pub prefs: Option<PathBuf>,
    /// Open the window and start this lesson file (RON, see data/lessons/); a broken
    /// file is listed with its line and column instead.
    #[arg(long, value_name = "FILE")]
    pub lesson: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The headless commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Validate data files without opening the window: every problem is printed as
    /// `file:line:column: message`, and the exit status is 1 if there is any.
    Check {
        /// A data folder (views.ron, muscles/*.ron). Without it, the built-in data is checked.
        dir: Option<PathBuf>,
    },
    /// Render a muscle's pattern to PNG, SVG or PDF without a window (same drawing as
    /// the app). Use --all with --out-dir to render every muscle.
    Render(render::RenderArgs),
    /// Make a one-page patient handout (PDF, or PNG at 150 dpi) for one muscle and
    /// side; with --drawing, the patient's own pain marks are drawn on it.
    Handout(handout::HandoutArgs),
    /// Make the one-page report of a saved pain drawing (PDF or PNG): the marks, the
    /// muscles that can cause them and why, the top patterns, the warning signs.
    Report(handout::ReportArgs),
    /// List the muscles, or the members of one functional group.
    List {
        /// Print a JSON array of objects with id, name, latin, region, layer, views,
        /// conditions, groups and symptoms.
        #[arg(long)]
        json: bool,
        /// Only the members of this group, e.g. `rotator_cuff` (see `data/groups.ron`).
        #[arg(long, value_name = "ID")]
        group: Option<String>,
        /// List the Trigger Point Manual's pain-pattern index instead: each entry with
        /// the muscle files that draw it (an entry with none is marked).
        #[arg(long, conflicts_with = "group")]
        index: bool,
    },
    /// Show one muscle: text, trigger points and zones.
    Show {
        /// The muscle id, as printed by `list`.
        id: String,
        /// The side of the body (default right); coordinates are mirrored to it.
        #[arg(long)]
        side: Option<args::SideArg>,
        /// Only this trigger point and the zones it refers to, e.g. `TrP1`.
        #[arg(long, value_name = "LABEL")]
        trigger_point: Option<String>,
        /// Print a JSON object with id, name, sources, `trigger_points` and zones.
        #[arg(long)]
        json: bool,
    },
    /// Rank the muscles that can refer pain to one spot (the pain finder, headless).
    Lookup(lookup::LookupArgs),
}

/// Runs the program: the window without a command, else the command.
#[must_use]
pub fn run(args: Args) -> ExitCode {
    let data = args.data.as_deref();
    match args.command {
        None if args
            .prefs
            .as_deref()
            .and_then(std::path::Path::parent)
            .is_some_and(|d| !d.as_os_str().is_empty() && !d.is_dir()) =>
        {
            let dir = args.prefs.as_deref().and_then(std::path::Path::parent);
            eprintln!(
                "error: --prefs: the folder {} does not exist; create it first, or give a file in an existing folder",
                dir.map(|d| d.display().to_string()).unwrap_or_default()
            );
            ExitCode::from(2)
        }
        None => match crate::window::run(args.data.clone(), args.prefs, args.lesson) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("cannot open the window: {e}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Check { dir }) => check::run(dir.as_deref().or(data)),
        Some(Command::Render(render)) => render::run(render, data),
        Some(Command::Handout(handout)) => handout::run(handout, data),
        Some(Command::Report(report)) => handout::run_report(report, data),
        Some(Command::List {
            json, index: true, ..
        }) => list::run_index(json, data),
        Some(Command::List { json, group, .. }) => list::run(json, group.as_deref(), data),
        Some(Command::Show {
            id,
            side,
            trigger_point,
            json,
        }) => show::run(
            &show::ShowArgs {
                id: &id,
                side,
                trigger_point: trigger_point.as_deref(),
                json,
            },
            data,
        ),
        Some(Command::Lookup(lookup)) => lookup::run(&lookup, data),
    }
}
