//! Renders the app headlessly to a PNG, exactly as the window draws it (same code,
//! wgpu on Mesa's lavapipe). Used to make the README screenshot and to look at changes:
//!
//! `cargo run --example screenshot -- OUT.png [MUSCLE_ID|-] [right|left|both] [WIDTHxHEIGHT] [PIXELS_PER_POINT]`
//!
//! The size is in points; the PNG has size × pixels-per-point pixels.

use trigger_atlas::AtlasApp;
use trigger_atlas::app::SideChoice;
use trigger_atlas::model::MuscleId;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: screenshot OUT.png [MUSCLE_ID] [right|left|both] [WIDTHxHEIGHT]");
        std::process::exit(2);
    };
    let report = trigger_atlas::io::load_atlas(None);
    for e in &report.errors {
        eprintln!("{e}");
    }
    let mut app = AtlasApp::from_parts(report.atlas, report.errors);
    app.show_errors = false;
    if let Some(id) = args.get(1).filter(|s| !s.is_empty() && *s != "-") {
        app.selected = Some(MuscleId(id.clone()));
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
            if let Err(e) = image.save(out) {
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
