//! `check`: validate a data folder (or the built-in data) without a window.

use std::path::Path;
use std::process::ExitCode;

/// Runs `check`: every problem as `file:line:column: message`, exit status 1 if any.
#[must_use]
pub fn run(dir: Option<&Path>) -> ExitCode {
    let report = crate::io::load_atlas(dir);
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
