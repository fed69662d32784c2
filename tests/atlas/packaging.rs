//! What the Debian package installs, checked where it is made: the man pages and
//! completions the generator writes cover every command the program parses, and the
//! desktop entry and the `AppStream` metainfo name the program and each other.

use clap::CommandFactory as _;
use trigger_atlas::cli::{Args, manual};

use crate::temp_dir;

const PACKAGING: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/packaging");

/// The visible commands of the program, read from its clap schema.
fn command_names() -> Vec<String> {
    let names: Vec<String> = Args::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_owned())
        .collect();
    assert!(names.len() >= 5, "the schema has its commands: {names:?}");
    names
}

/// The one `*.<ending>` file in packaging/, as (file name, text).
fn packaging_file(ending: &str) -> (String, String) {
    let mut found: Vec<_> = std::fs::read_dir(PACKAGING)
        .expect("packaging/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(ending))
        .collect();
    assert_eq!(found.len(), 1, "one {ending} file in packaging/: {found:?}");
    let path = found.remove(0);
    let text = std::fs::read_to_string(&path).expect("read");
    let name = path
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    (name, text)
}

/// The value of `key=` in the `[Desktop Entry]` group.
fn desktop_value<'a>(text: &'a str, key: &str) -> &'a str {
    text.lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
        .unwrap_or_else(|| panic!("{key}= in the desktop entry"))
        .trim()
}

/// The text of the first `<tag …>…</tag>` element in `xml`.
fn element<'a>(xml: &'a str, tag: &str) -> &'a str {
    let open = xml
        .find(&format!("<{tag}"))
        .unwrap_or_else(|| panic!("<{tag}> in the metainfo"));
    let start = open + xml[open..].find('>').expect("tag closes") + 1;
    let end = start
        + xml[start..]
            .find(&format!("</{tag}>"))
            .expect("element closes");
    xml[start..end].trim()
}

#[test]
fn the_man_pages_and_completions_cover_every_command() {
    let dir = temp_dir("manual");
    let written = manual::write(&dir).expect("write the man pages and completions");
    let names = command_names();

    let main_page = std::fs::read_to_string(dir.join("man/trigger-atlas.1")).expect("main page");
    assert!(
        main_page.contains(".TH trigger-atlas 1"),
        "a section 1 page"
    );
    for name in &names {
        // roff escapes the hyphen of `trigger-atlas-render`.
        assert!(
            main_page.contains(&format!("trigger\\-atlas\\-{name}(1)")),
            "the main page names `{name}` and its page"
        );
        let page = dir.join(format!("man/trigger-atlas-{name}.1"));
        assert!(written.contains(&page), "{} written", page.display());
        let text = std::fs::read_to_string(&page).expect("command page");
        assert!(
            text.contains(".SH NAME"),
            "{name}'s page has a NAME section"
        );
    }

    let bash = std::fs::read_to_string(dir.join("completions/trigger-atlas.bash")).expect("bash");
    assert!(
        bash.contains(
            "complete -F _trigger__atlas -o nosort -o bashdefault -o default trigger-atlas"
        ),
        "registers for the program"
    );
    let zsh = std::fs::read_to_string(dir.join("completions/_trigger-atlas")).expect("zsh");
    let fish = std::fs::read_to_string(dir.join("completions/trigger-atlas.fish")).expect("fish");
    for name in &names {
        assert!(
            bash.contains(&format!("trigger__atlas,{name})")),
            "bash: {name}"
        );
        assert!(zsh.contains(&format!("'{name}:")), "zsh: {name}");
        assert!(fish.contains(&format!("-a \"{name}\"")), "fish: {name}");
    }
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn the_desktop_entry_starts_the_program_with_its_icon() {
    let (file, text) = packaging_file(".desktop");
    let app_id = file.strip_suffix(".desktop").expect("ends in .desktop");
    assert_eq!(
        app_id,
        trigger_atlas::window::APP_ID,
        "the window's app id is the desktop entry's name, so a Wayland desktop finds its entry and icon"
    );
    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_trigger-atlas"))
        .file_name()
        .expect("binary name")
        .to_string_lossy()
        .into_owned();
    assert_eq!(binary, manual::BIN_NAME);
    assert_eq!(
        Args::command().get_name(),
        binary,
        "clap knows the binary's name"
    );
    assert!(text.starts_with("[Desktop Entry]"));
    assert_eq!(desktop_value(&text, "Exec"), binary);
    assert_eq!(desktop_value(&text, "Icon"), app_id);
    assert_eq!(
        desktop_value(&text, "StartupWMClass"),
        app_id,
        "egui gives the app id as the X11 window class"
    );
    assert_eq!(desktop_value(&text, "Type"), "Application");
    // The icon script writes and the package installs this name (scripts/package.sh).
    let script =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/package.sh"))
            .expect("scripts/package.sh");
    assert!(
        script.contains(&format!("app_id={app_id}")),
        "package.sh names the icon {app_id}"
    );
}

#[test]
fn the_metainfo_names_the_desktop_entry() {
    let (desktop_file, _) = packaging_file(".desktop");
    let app_id = desktop_file
        .strip_suffix(".desktop")
        .expect("ends in .desktop");
    let (metainfo_file, xml) = packaging_file(".metainfo.xml");
    assert_eq!(metainfo_file, format!("{app_id}.metainfo.xml"));
    assert_eq!(element(&xml, "id"), app_id);
    assert!(
        xml.contains(&format!(
            "<launchable type=\"desktop-id\">{desktop_file}</launchable>"
        )),
        "launches {desktop_file}"
    );
    assert_eq!(element(&xml, "binary"), manual::BIN_NAME);
}
