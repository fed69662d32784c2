//! Command line entry: parses arguments and opens the window.

use std::path::PathBuf;

use clap::Parser;

/// An open atlas of myofascial trigger points and their referred pain.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// A folder of RON data (views.ron, muscles/*.ron) that adds to or overrides the
    /// built-in muscles.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
}

fn main() -> eframe::Result {
    let args = Args::parse();
    let icon = app_icon();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Trigger Point Atlas")
        .with_inner_size([1280.0, 860.0])
        .with_min_inner_size([640.0, 480.0]);
    if let Some(icon) = icon {
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
                trigger_atlas::AtlasApp::new(args.data.as_deref()).with_storage(cc),
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
