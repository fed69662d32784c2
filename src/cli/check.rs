//! `check`: validate a data folder (or the built-in data) without a window.

use std::path::Path;
use std::process::ExitCode;

/// Runs `check`: every problem (of the data and of its lessons) as
/// `file:line:column: message`, exit status 1 if any.
#[must_use]
pub fn run(dir: Option<&Path>) -> ExitCode {
    let mut report = crate::io::load_atlas(dir);
    let (lessons, lesson_errors) = crate::io::load_lessons(dir, &report.atlas);
    report.errors.extend(lesson_errors);
    for e in &report.errors {
        println!("{e}");
    }
    if report.errors.is_empty() {
        println!(
            "ok: {} views, {} muscles, {} lessons",
            report.atlas.views.len(),
            report.atlas.muscles.len(),
            lessons.len()
        );
        ExitCode::SUCCESS
    } else {
        println!("{} problem(s)", report.errors.len());
        ExitCode::from(1)
    }
}
