//! The `trigger-atlas` program: opens the window, or runs a headless command. All of
//! it lives in the library (`cli` parses and dispatches, `window` opens the window),
//! so tests and benchmarks build the same code.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    trigger_atlas::cli::run(trigger_atlas::cli::Args::parse())
}
