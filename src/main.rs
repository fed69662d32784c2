//! Command line entry: opens the window, or runs a headless command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use trigger_atlas::cli::{
    list_rows, list_text, lookup_rows, lookup_text, show_muscle, show_text, spot_mark,
};
use trigger_atlas::export::{
    FigureSpec, HandoutSpec, OffscreenRenderer, Paper, figure_ui, handout_ui, today,
};
use trigger_atlas::model::{MuscleId, Side, ViewId};

/// An open atlas of myofascial trigger points and their referred pain.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// A folder of RON data (views.ron, muscles/*.ron) that adds to or overrides the
    /// built-in muscles.
    #[arg(long, value_name = "DIR", global = true)]
    data: Option<PathBuf>,
    /// Where the window keeps preferences and quiz totals (default: the user's config
    /// folder, e.g. ~/.config/trigger-atlas/preferences.ron). A shared lecture-hall
    /// machine can point each lecturer at their own file.
    #[arg(long, value_name = "FILE")]
    prefs: Option<PathBuf>,
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
    /// Render a muscle's pattern to PNG without a window (offscreen, same drawing as
    /// the app). Use --all with --out-dir to render every muscle.
    Render {
        /// The muscle id (see `list`).
        #[arg(long, required_unless_present = "all", conflicts_with = "all")]
        muscle: Option<String>,
        /// Render every muscle into --out-dir, one PNG each.
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
        /// The PNG to write (with --muscle).
        #[arg(long, required_unless_present = "all")]
        out: Option<PathBuf>,
        /// The folder to write into (with --all).
        #[arg(long)]
        out_dir: Option<PathBuf>,
    },
    /// Make a one-page patient handout (PNG at 150 dpi) for one muscle and side.
    Handout {
        /// The muscle id (see `list`).
        #[arg(long)]
        muscle: String,
        /// The patient's side.
        #[arg(long, value_enum, default_value = "right")]
        side: SideArg,
        /// Paper size.
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// The PNG to write.
        #[arg(long)]
        out: PathBuf,
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
    /// Test hook (hidden): saves two different, large preferences values to FILE in
    /// turn, forever, printing "saved" after each save. The test suite kills it in
    /// the middle of a save and checks the file is whole.
    #[command(hide = true)]
    KeepSavingPrefs { file: PathBuf },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SideChoiceArg {
    Right,
    Left,
    Both,
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

/// Renders each (muscle, file) job, with a progress line when there are several.
fn render_all(
    atlas: &trigger_atlas::model::Atlas,
    jobs: &[(MuscleId, PathBuf)],
    sides: &[Side],
    views: &[ViewId],
    size: (u32, u32),
    dark: bool,
) -> ExitCode {
    let mut renderer = match OffscreenRenderer::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let theme = trigger_atlas::theme::Theme::for_dark_mode(dark);
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
        let spec = FigureSpec {
            muscle: Some(id.clone()),
            sides: sides.to_vec(),
            views: views.to_vec(),
        };
        let image = renderer.render([size.0, size.1], 1.0, dark, theme.canvas, |ui| {
            figure_ui(ui, atlas, &theme, &spec);
        });
        let saved = image.and_then(|img| trigger_atlas::io::save_png(&img, path));
        if let Err(e) = saved {
            eprintln!("\nerror: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    if jobs.len() > 1 {
        eprintln!("\nwrote {} pictures", jobs.len());
    }
    ExitCode::SUCCESS
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

fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or("write the size as WIDTHxHEIGHT, e.g. 1920x1080")?;
    let parse = |s: &str| {
        s.trim()
            .parse::<u32>()
            .map_err(|_| format!("\"{s}\" is not a whole number"))
    };
    let (w, h) = (parse(w)?, parse(h)?);
    if !(64..=3840).contains(&w) || !(64..=2160).contains(&h) {
        return Err(format!(
            "{w}x{h} is out of range: width 64-3840, height 64-2160"
        ));
    }
    Ok((w, h))
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
        None => match run_window(args.data, args.prefs) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("cannot open the window: {e}");
                ExitCode::FAILURE
            }
        },
        Some(Command::KeepSavingPrefs { file }) => keep_saving_prefs(file),
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
        Some(Command::Render {
            muscle,
            all,
            side,
            views,
            size,
            dark,
            out,
            out_dir,
        }) => {
            let atlas = load_quietly(args.data.as_deref());
            let sides = match side {
                SideChoiceArg::Right => vec![Side::Right],
                SideChoiceArg::Left => vec![Side::Left],
                SideChoiceArg::Both => Side::BOTH.to_vec(),
            };
            let views: Vec<ViewId> = views.into_iter().map(ViewId).collect();
            if let Some(bad) = views.iter().find(|v| atlas.view(v).is_none()) {
                eprintln!(
                    "error: unknown view \"{bad}\"; use front, back, head_side, side or sole"
                );
                return ExitCode::from(2);
            }
            let jobs: Vec<(MuscleId, PathBuf)> = if all {
                let dir = out_dir.unwrap_or_default();
                if let Err(e) = std::fs::create_dir_all(&dir) {
                    eprintln!("error: cannot create {}: {e}", dir.display());
                    return ExitCode::FAILURE;
                }
                atlas
                    .muscles
                    .iter()
                    .map(|m| (m.id.clone(), dir.join(format!("{}.png", m.id))))
                    .collect()
            } else {
                let id = MuscleId(muscle.unwrap_or_default());
                if atlas.muscle(&id).is_none() {
                    eprintln!(
                        "error: no muscle with id \"{id}\"; run `trigger-atlas list` to see the ids"
                    );
                    return ExitCode::from(2);
                }
                vec![(id, out.unwrap_or_default())]
            };
            render_all(&atlas, &jobs, &sides, &views, size, dark)
        }
        Some(Command::Handout {
            muscle,
            side,
            paper,
            out,
        }) => {
            let atlas = load_quietly(args.data.as_deref());
            let id = MuscleId(muscle);
            if atlas.muscle(&id).is_none() {
                eprintln!(
                    "error: no muscle with id \"{id}\"; run `trigger-atlas list` to see the ids"
                );
                return ExitCode::from(2);
            }
            let paper = match paper {
                PaperArg::A4 => Paper::A4,
                PaperArg::Letter => Paper::Letter,
            };
            let spec = HandoutSpec {
                muscle: id,
                side: side.side(),
                date: today(),
            };
            let theme = trigger_atlas::theme::Theme::light();
            let result = OffscreenRenderer::new().and_then(|mut r| {
                r.render(paper.pixels(), 1.0, false, egui::Color32::WHITE, |ui| {
                    handout_ui(ui, &atlas, &theme, &spec);
                })
            });
            match result.and_then(|img| trigger_atlas::io::save_png(&img, &out)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
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

/// Saves two large, different preference values in turn until killed, printing
/// "saved" after each save. Both are serialized once, so nearly all the time goes
/// into the atomic write itself.
fn keep_saving_prefs(file: PathBuf) -> ExitCode {
    use trigger_atlas::app::Preferences;
    let value = |letter: char, count: usize| Preferences {
        chosen_views: (0..count)
            .map(|i| ViewId(format!("{letter}{i:06}")))
            .collect(),
        ..Preferences::default()
    };
    let mut kept = trigger_atlas::io::KeptFile::new(file);
    let texts = match (
        kept.text_of(&value('a', 20_000)),
        kept.text_of(&value('b', 30_000)),
    ) {
        (Ok(a), Ok(b)) => [a, b],
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for i in 0usize.. {
        if let Err(e) = kept.save_text(texts[i % 2].clone()) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        println!("saved");
    }
    ExitCode::SUCCESS
}

fn run_window(data: Option<PathBuf>, prefs: Option<PathBuf>) -> eframe::Result {
    let prefs = prefs.or_else(trigger_atlas::io::default_prefs_path);
    let mut kept = prefs.map(trigger_atlas::io::KeptFile::new);
    let restored = kept
        .as_mut()
        .map(trigger_atlas::io::KeptFile::load::<trigger_atlas::app::Preferences>);
    if let Some(notice) = restored.as_ref().and_then(|r| r.notice.as_ref()) {
        eprintln!("{notice}");
    }
    // eframe runs on this context. What eframe would set up on its own context is
    // set here, and so is the zoom of presentation mode: egui sizes the window in
    // zoomed points, and the UI run below must lay out at the same zoom.
    let zoom = restored.as_ref().map_or(1.0, |r| r.value.zoom_factor());
    let ctx = egui::Context::default();
    ctx.set_embed_viewports(false);
    ctx.options_mut(|o| o.zoom_factor = zoom);
    // The saved size is in those points; sizes are checked and defaulted in pixels.
    let size = restored
        .as_ref()
        .and_then(|r| r.value.window_size)
        .filter(|[w, h]| {
            (640.0..=16384.0).contains(&(w * zoom)) && (480.0..=16384.0).contains(&(h * zoom))
        })
        .unwrap_or([1280.0 / zoom, 860.0 / zoom]);
    let min_size = [640.0 / zoom, 480.0 / zoom];
    // X11 copies a window icon pixel by pixel: set before the window opened, it made
    // the first frame 15 ms later, so there the app gives it with the first frame.
    // Windows and macOS take the taskbar and dock icons only from the window options.
    let icon_with_first_frame = cfg!(target_os = "linux");
    let options_icon = if icon_with_first_frame {
        None
    } else {
        app_icon().map(std::sync::Arc::new)
    };
    // While the main thread opens the window and starts the renderer, another thread
    // loads and validates the atlas (leaving the main thread a core) and runs the UI,
    // so the first frame's text and drawings are ready when the window is. It starts
    // when the window is about to be built (see `WithWindow`).
    let warm_ctx = ctx.clone();
    let loading = trigger_atlas::renderer::WithWindow::new(move || {
        let threads = trigger_atlas::io::all_cores().saturating_sub(1).max(1);
        let mut app = trigger_atlas::AtlasApp::load(data.as_deref(), threads);
        app.window_clears_canvas = true;
        if icon_with_first_frame {
            app.window_icon = app_icon().map(std::sync::Arc::new);
        }
        if let (Some(kept), Some(restored)) = (kept, restored) {
            app = app.with_prefs(kept, restored);
        }
        app.warm_up(&warm_ctx, size);
        app
    });
    let starts = loading.clone();
    let options = move |renderer| {
        let mut viewport = egui::ViewportBuilder::default()
            .with_title("Trigger Point Atlas")
            .with_inner_size(size)
            .with_min_inner_size(min_size);
        if let Some(icon) = &options_icon {
            viewport = viewport.with_icon(std::sync::Arc::clone(icon));
        }
        eframe::NativeOptions {
            viewport,
            renderer,
            window_builder: Some(starts.start_hook()),
            // Without eframe's `system_fonts` feature this only adds a provider that
            // logs a missing glyph, and adding it would throw away the fonts the
            // warm-up pass prepared.
            system_font_fallback: false,
            ..Default::default()
        }
    };
    trigger_atlas::renderer::run_window("trigger-atlas", Some(&ctx), options, move |cc| {
        let mut app = loading.collect().map_err(|e| {
            format!("loading the atlas failed unexpectedly ({e}; a bug, please report it)")
        })?;
        app.probe = trigger_atlas::probe::FrameProbe::from_env();
        if app.probe.is_some() {
            eprintln!("renderer {}", trigger_atlas::renderer::started(cc));
        }
        Ok(Box::new(app))
    })
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
