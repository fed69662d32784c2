//! Command line entry: opens the window, or runs a headless command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use trigger_atlas::cli::{
    list_rows, list_text, lookup_rows, lookup_text, show_muscle, show_text, spot_mark,
};
use trigger_atlas::model::{MuscleId, Side};

/// An open atlas of myofascial trigger points and their referred pain.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// A folder of RON data (views.ron, muscles/*.ron) that adds to or overrides the
    /// built-in muscles.
    #[arg(long, value_name = "DIR", global = true)]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate data files without opening the window: every problem is printed as
    /// `file:line:column: message`, and the exit status is 1 if there is any.
    Check {
        /// A data folder (views.ron, muscles/*.ron). Without it, the built-in data is checked.
        dir: Option<PathBuf>,
    },
    /// List the muscles.
    List {
        /// Print a JSON array of objects with id, name, latin, region, layer, views and conditions.
        #[arg(long)]
        json: bool,
    },
    /// Show one muscle: text, trigger points and zones.
    Show {
        /// The muscle id, as printed by `list`.
        id: String,
        /// The side of the body (default right); coordinates are mirrored to it.
        #[arg(long)]
        side: Option<SideArg>,
        /// Print a JSON object with id, name, sources, `trigger_points` and zones.
        #[arg(long)]
        json: bool,
    },
    /// Rank the muscles that can refer pain to one spot (the pain finder, headless).
    Lookup {
        /// The view the spot is on: `front`, `back` or `head_side`.
        #[arg(long)]
        view: String,
        /// The spot in the view's data coordinates, e.g. 252,168 (see README).
        #[arg(long, value_name = "X,Y", value_parser = parse_point)]
        at: (f32, f32),
        /// The side of the body. Front/back views: mirror the spot onto this side if
        /// needed. Side views: which side's view (default right).
        #[arg(long)]
        side: Option<SideArg>,
        /// Treat the spot as a disc of this radius (data units), like the app's brush.
        #[arg(long, default_value_t = 0.0)]
        radius: f32,
        /// Print a JSON array, best first.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SideArg {
    Right,
    Left,
}

impl SideArg {
    fn side(self) -> Side {
        match self {
            SideArg::Right => Side::Right,
            SideArg::Left => Side::Left,
        }
    }
}

/// Loads the atlas, reporting data problems on stderr (stdout stays clean for JSON).
fn load_quietly(data: Option<&std::path::Path>) -> trigger_atlas::model::Atlas {
    let report = trigger_atlas::io::load_atlas(data);
    for e in &report.errors {
        eprintln!("{e}");
    }
    report.atlas
}

fn print_json<T: serde::Serialize>(value: &T) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_point(text: &str) -> Result<(f32, f32), String> {
    let (x, y) = text
        .split_once(',')
        .ok_or("write the spot as X,Y, e.g. 252,168")?;
    let parse = |s: &str| {
        s.trim()
            .parse::<f32>()
            .map_err(|_| format!("\"{s}\" is not a number"))
    };
    Ok((parse(x)?, parse(y)?))
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        None => match run_window(args.data) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("cannot open the window: {e}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Check { dir }) => {
            let dir = dir.or(args.data);
            let report = trigger_atlas::io::load_atlas(dir.as_deref());
            for e in &report.errors {
                println!("{e}");
            }
            if report.errors.is_empty() {
                println!(
                    "ok: {} views, {} muscles",
                    report.atlas.views.len(),
                    report.atlas.muscles.len()
                );
                ExitCode::SUCCESS
            } else {
                println!("{} problem(s)", report.errors.len());
                ExitCode::from(1)
            }
        }
        Some(Command::List { json }) => {
            let atlas = load_quietly(args.data.as_deref());
            if json {
                print_json(&list_rows(&atlas))
            } else {
                print!("{}", list_text(&atlas));
                ExitCode::SUCCESS
            }
        }
        Some(Command::Show { id, side, json }) => {
            let atlas = load_quietly(args.data.as_deref());
            let side = side.map_or(Side::Right, SideArg::side);
            let Some(shown) = show_muscle(&atlas, &MuscleId(id.clone()), side) else {
                eprintln!(
                    "error: no muscle with id \"{id}\"; run `trigger-atlas list` to see the ids"
                );
                return ExitCode::from(2);
            };
            if json {
                print_json(&shown)
            } else {
                print!("{}", show_text(&shown));
                ExitCode::SUCCESS
            }
        }
        Some(Command::Lookup {
            view,
            at,
            side,
            radius,
            json,
        }) => {
            let report = trigger_atlas::io::load_atlas(args.data.as_deref());
            for e in &report.errors {
                eprintln!("{e}");
            }
            let side = side.map(|s| match s {
                SideArg::Right => Side::Right,
                SideArg::Left => Side::Left,
            });
            let mark = match spot_mark(&report.atlas, &view, at.0, at.1, side, radius) {
                Ok(m) => m,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
            };
            let rows = lookup_rows(&report.atlas, &mark);
            if json {
                match serde_json::to_string_pretty(&rows) {
                    Ok(text) => println!("{text}"),
                    Err(e) => {
                        eprintln!("error: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            } else {
                print!("{}", lookup_text(&rows, &mark));
            }
            ExitCode::SUCCESS
        }
    }
}

fn run_window(data: Option<PathBuf>) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Trigger Point Atlas")
        .with_inner_size([1280.0, 860.0])
        .with_min_inner_size([640.0, 480.0]);
    if let Some(icon) = app_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "trigger-atlas",
        options,
        Box::new(move |cc| {
            Ok(Box::new(
                trigger_atlas::AtlasApp::new(data.as_deref()).with_storage(cc),
            ))
        }),
    )
}

/// Decodes the embedded window icon; a broken icon is not worth failing over.
fn app_icon() -> Option<egui::IconData> {
    let image = image::load_from_memory(include_bytes!("../assets/icon.png"))
        .ok()?
        .into_rgba8();
    let (width, height) = image.dimensions();
    Some(egui::IconData {
        rgba: image.into_raw(),
        width,
        height,
    })
}
