//! The manual pages and shell completions, written from the clap schema ([`Args`]) so
//! they list exactly the options the program parses. `scripts/package.sh` writes them
//! with `cargo run --example gen_manpages -- DIR` and packs them into the Debian
//! package; nothing here runs when the program itself runs.

use std::path::{Path, PathBuf};

use clap::CommandFactory as _;
use clap_complete::Shell;

use super::Args;

/// The program's name on the command line, in file names and in completions.
pub const BIN_NAME: &str = "trigger-atlas";

/// The main page's DESCRIPTION: what `--help` leaves to the README.
const DESCRIPTION: &str = "Without a command, trigger-atlas opens the atlas window: click a muscle \
on the drawn body to see where its trigger points typically refer pain (an X at each trigger \
point, the essential zone solid red, the spillover zone red dots), or mark where it hurts to \
rank the muscles that can cause it. The window needs X11 or Wayland and draws with OpenGL, or \
with Vulkan if OpenGL cannot start; TRIGGER_ATLAS_RENDERER=glow or wgpu picks one.\n\n\
The commands below work without a window: they validate data folders, render figures and \
patient handouts, and print muscles and pain lookups as text or JSON. The muscle data is built \
in; --data adds or overrides muscles from a folder of RON files.\n\n\
The patterns are typical composites from the literature, not a diagnosis.";

/// The shells completions are written for.
pub const SHELLS: [Shell; 3] = [Shell::Bash, Shell::Zsh, Shell::Fish];

/// Writes `dir/man/trigger-atlas.1` with one page per command beside it
/// (`trigger-atlas-render.1` …), and `dir/completions/` with one script per shell in
/// [`SHELLS`] (`trigger-atlas.bash`, `_trigger-atlas`, `trigger-atlas.fish`).
/// Returns the files written: the main page, the commands' pages, the completions.
///
/// # Errors
/// A folder or file that cannot be written.
pub fn write(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let man_dir = dir.join("man");
    let completions_dir = dir.join("completions");
    std::fs::create_dir_all(&man_dir)?;
    std::fs::create_dir_all(&completions_dir)?;
    let mut written = Vec::new();
    // Built once so that every command's page knows its full name
    // (`trigger-atlas render`) and the global options.
    let mut command = Args::command()
        .long_about(DESCRIPTION)
        .disable_help_subcommand(true);
    command.build();
    write_pages(&command, &man_dir, &mut written)?;
    for shell in SHELLS {
        let mut command = Args::command();
        written.push(clap_complete::generate_to(
            shell,
            &mut command,
            BIN_NAME,
            &completions_dir,
        )?);
    }
    Ok(written)
}

/// Writes the page of `command` and of each of its visible commands.
fn write_pages(
    command: &clap::Command,
    man_dir: &Path,
    written: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    let page = clap_mangen::Man::new(command.clone()).manual("Trigger Point Atlas");
    written.push(page.generate_to(man_dir)?);
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, man_dir, written)?;
    }
    Ok(())
}
