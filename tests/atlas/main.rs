//! One integration-test binary (faster to build than many): data loading and
//! validation, hit-testing on the real atlas, and UI tests that click like a user.

// Test helpers panic on purpose and are not an API.
#![allow(clippy::must_use_candidate, clippy::missing_panics_doc)]

mod bad_data;
mod cli;
mod coverage;
mod data;
mod finder;
mod hit;
mod lessons;
mod quiz;
mod render;
mod saving;
mod startup;
mod ui;

use trigger_atlas::io::{LoadReport, load_atlas};

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
