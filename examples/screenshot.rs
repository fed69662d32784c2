//! Renders the app headlessly to a PNG, exactly as the window draws it (same code,
//! wgpu on Mesa's lavapipe). Used to make the README screenshot and to look at changes:
//!
//! `cargo run --example screenshot -- OUT.png [MUSCLE_ID|finder|quiz|-] [right|left|both] [WIDTHxHEIGHT] [PIXELS_PER_POINT]`
//!
//! The size is in points; the PNG has size × pixels-per-point pixels. Add `--data DIR`
//! to include a user data folder, `--views front,side` to choose the views, `--dark` for the dark theme, `--present` for presentation mode,
//! `--compare a,b` to compare muscles with the selected one, `--export` to open the Export window.

use trigger_atlas::AtlasApp;
use trigger_atlas::app::Command;
use trigger_atlas::draw::layout::Panel;
use trigger_atlas::model::SideChoice;
use trigger_atlas::model::{MuscleId, Side, ViewId};
use trigger_atlas::ui::finder_panel::FinderAction;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `--data DIR` anywhere: also load a user data folder (to look at new data files).
    let data_dir = args.iter().position(|a| a == "--data").map(|i| {
        let dir = args.get(i + 1).cloned().unwrap_or_default();
        args.drain(i..(i + 2).min(args.len()));
        std::path::PathBuf::from(dir)
    });
    // `--views front,side` anywhere: show these views instead of the automatic choice.
    let views = args.iter().position(|a| a == "--views").map(|i| {
        let list = args.get(i + 1).cloned().unwrap_or_default();
        args.drain(i..(i + 2).min(args.len()));
        list.split(',')
            .map(|v| ViewId(v.to_owned()))
            .collect::<Vec<_>>()
    });
    // `--dark` anywhere: the dark theme.
    let dark = args.iter().any(|a| a == "--dark");
    let present = args.iter().any(|a| a == "--present");
    let export = args.iter().any(|a| a == "--export");
    args.retain(|a| a != "--dark" && a != "--present" && a != "--export");
    // `--compare a,b` anywhere: compare these muscles with the selected one.
    let compare = args.iter().position(|a| a == "--compare").map(|i| {
        let list = args.get(i + 1).cloned().unwrap_or_default();
        args.drain(i..(i + 2).min(args.len()));
        list.split(',')
            .map(|v| MuscleId(v.to_owned()))
            .collect::<Vec<_>>()
    });
    // `--trigger-point LABEL` anywhere: only that trigger point's pattern.
    let trigger_point = args.iter().position(|a| a == "--trigger-point").map(|i| {
        let label = args.get(i + 1).cloned().unwrap_or_default();
        args.drain(i..(i + 2).min(args.len()));
        label
    });
    let Some(out) = args.first().cloned() else {
        eprintln!("usage: screenshot OUT.png [MUSCLE_ID] [right|left|both] [WIDTHxHEIGHT]");
        std::process::exit(2);
    };
    let report = trigger_atlas::io::load_atlas(data_dir.as_deref());
    for e in &report.errors {
        eprintln!("{e}");
    }
    let mut app = AtlasApp::from_parts(report.atlas, report.errors);
    app.windows.errors = false;
    app.prefs.dark_mode = dark;
    app.prefs.presentation = present;
    app.windows.export = export;
    app.work.compare = compare.unwrap_or_default();
    app.work.trigger_point = trigger_point;
    if let Some(views) = views {
        app.prefs.auto_views = false;
        app.prefs.chosen_views = views;
    }
    if args.get(1).map(String::as_str) == Some("quiz") {
        app.work.quiz = trigger_atlas::quiz::QuizState::with_seed(4);
        app.apply(Command::SetMode(trigger_atlas::app::Mode::Quiz));
    } else if args.get(1).map(String::as_str) == Some("finder") {
        // A sample pain drawing: right temple, right side of the neck, right buttock.
        app.work.mode = trigger_atlas::app::Mode::Finder;
        for (view, side, x, y) in [
            ("head_side", Side::Right, 160.0, 80.0),
            ("head_side", Side::Right, 92.0, 232.0),
            ("back", Side::Right, 226.0, 425.0),
        ] {
            app.apply(Command::Paint {
                panel: Panel {
                    view: ViewId(view.into()),
                    side,
                },
                pos_in_body: egui::pos2(x, y),
            });
        }
        app.apply(Command::Finder(FinderAction::Choose(0)));
    } else if let Some(id) = args.get(1).filter(|s| !s.is_empty() && *s != "-") {
        app.work.selected = Some(MuscleId(id.clone()));
    }
    app.prefs.side = match args.get(2).map(String::as_str) {
        Some("left") => SideChoice::Left,
        Some("both") => SideChoice::Both,
        _ => SideChoice::Right,
    };
    let (w, h) = args
        .get(3)
        .and_then(|s| s.split_once('x'))
        .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
        .unwrap_or((1400.0, 900.0));
    let pixels_per_point: f32 = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_pixels_per_point(pixels_per_point)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui_root(ui), app);
    harness.run_steps(3);
    match harness.render() {
        Ok(image) => {
            if let Err(e) = image.save(&out) {
                eprintln!("cannot write {out}: {e}");
                std::process::exit(1);
            }
        }
        Err(e) => {
            eprintln!("rendering failed: {e}");
            std::process::exit(1);
        }
    }
}
