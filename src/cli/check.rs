//! `check`: validate a data folder (or the built-in data) without a window.

use std::path::Path;
use std::process::ExitCode;

/// Runs `check`: every problem (of the data and of its lessons) as
/// `file:line:column: message`, exit status 1 if any. Notices (data that loads, but
/// perhaps not as its author meant) are printed too and do not fail the check.
#[must_use]
pub fn run(dir: Option<&Path>) -> ExitCode {
    let mut report = crate::io::load_atlas(dir);
    let (lessons, lesson_errors) = crate::io::load_lessons(dir, &report.atlas);
    report.errors.extend(lesson_errors);
    for e in &report.errors {
        println!("{e}");
    }
    let problems = report.errors.iter().filter(|e| !e.is_notice()).count();
    if problems == 0 {
        let notes = report.errors.len();
        println!(
            "ok: {} views, {} muscles, {} lessons{}",
            report.atlas.views.len(),
            report.atlas.muscles.len(),
            lessons.len(),
            match notes {
                0 => String::new(),
                1 => " (1 note above)".to_owned(),
                n => format!(" ({n} notes above)"),
            }
        );
        ExitCode::SUCCESS
    } else {
        println!("{problems} problem(s)");
        ExitCode::from(1)
    }
}
