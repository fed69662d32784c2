//! The documentation says what the program does: the README's keyboard table is the
//! app's own shortcut table, row for row.

use trigger_atlas::keys::SHORTCUTS;

/// The rows of the Markdown table under `heading` in `text`, each as its cells with
/// backticks and spaces trimmed off.
fn table_rows(text: &str, heading: &str) -> Vec<Vec<String>> {
    let start = text.find(heading).expect("the heading is in the README");
    text[start..]
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2) // the header and the --- row
        .map(|line| {
            line.trim_matches('|')
                .split(" | ")
                .map(|cell| cell.replace('`', "").trim().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn the_readme_keyboard_table_is_the_apps_shortcut_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let documented = table_rows(&readme, "### Keyboard");
    let table: Vec<Vec<String>> = SHORTCUTS
        .iter()
        .map(|s| vec![s.keys.to_owned(), s.does.to_owned()])
        .collect();
    assert_eq!(
        documented, table,
        "README's keyboard table must list src/keys.rs's SHORTCUTS, in order"
    );
}

#[test]
fn the_readmes_pain_drawing_example_is_a_valid_drawing() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let from = readme
        .find("**Saving the drawing for the next visit**")
        .expect("the section");
    let block = readme[from..]
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("an example");
    let atlas = crate::embedded().atlas;
    let drawing = trigger_atlas::io::parse_drawing(block, "README.md", &atlas)
        .unwrap_or_else(|e| panic!("{}", e[0]));
    assert_eq!(drawing.initials.as_deref(), Some("AB"));
    assert_eq!(drawing.marks.len(), 2);
}
