//! Writes the manual pages and shell completions into a folder, for packaging:
//! `cargo run --example gen_manpages -- target/pkg` (see `scripts/package.sh`).

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: gen_manpages DIR");
        return ExitCode::from(2);
    };
    match trigger_atlas::cli::manual::write(std::path::Path::new(&dir)) {
        Ok(files) => {
            for file in files {
                println!("{}", file.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", std::path::Path::new(&dir).display());
            ExitCode::FAILURE
        }
    }
}
