//! One integration-test binary (faster to build than many): data loading and
//! validation, hit-testing on the real atlas, and UI tests that click like a user.

// Test helpers panic on purpose and are not an API.
#![allow(clippy::must_use_candidate, clippy::missing_panics_doc)]

mod a11y;
mod bad_data;
mod big_folder;
mod cli;
mod coverage;
mod data;
mod docs;
mod drawing;
mod finder;
mod groups;
mod hall;
mod hit;
mod lessons;
mod loading;
mod packaging;
mod patterns;
mod print;
mod quiz;
mod readability;
mod render;
mod saving;
mod startup;
mod ui;
mod views;
mod warnings;

use egui_kittest::Harness;
use trigger_atlas::AtlasApp;
use trigger_atlas::io::{LoadReport, load_atlas};

/// The window size most UI tests use, in points.
pub const WINDOW: egui::Vec2 = egui::vec2(1400.0, 900.0);

/// The one harness set-up: `app` in a window of `size` points at one pixel per
/// point, light theme, run once so the first frame is on screen.
pub fn harness_for(app: AtlasApp, size: egui::Vec2) -> Harness<'static, AtlasApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(1.0)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui_root(ui), app);
    h.run();
    h
}

/// The embedded atlas, loaded as the app loads it.
pub fn embedded() -> LoadReport {
    load_atlas(None)
}

/// A fresh, empty temporary folder for one test.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("trigger-atlas-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}
