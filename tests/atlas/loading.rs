//! The window opens on the built-in atlas and reads a large data folder behind it:
//! the progress is shown, the atlas answers clicks meanwhile, and the folder's
//! muscles take over when they have been read.

use egui_kittest::kittest::NodeT as _;
use egui_kittest::kittest::Queryable as _;
use trigger_atlas::AtlasApp;
use trigger_atlas::model::MuscleId;

use crate::ui::click_label;

/// The muscle file the test holds back until it has clicked (see below).
const HELD_BACK: &str = "muscles/zz_held_back.ron";

#[cfg(unix)]
#[test]
fn a_data_folder_loads_behind_the_built_in_atlas_which_answers_meanwhile() {
    let dir = crate::temp_dir("loading");
    crate::big_folder::write_copies(&dir, 300);
    // One file is a named pipe: reading it waits until the test writes into it, as
    // a file on a slow network drive would, so the folder is certainly still being
    // read while the test clicks.
    let held_back = dir.join(HELD_BACK);
    let made = std::process::Command::new("mkfifo")
        .arg(&held_back)
        .status()
        .expect("run mkfifo");
    assert!(made.success());

    let app = AtlasApp::load_embedded_then(Some(&dir), 2);
    let mut h = crate::harness_for(app, crate::WINDOW);
    let shown = h
        .get_by_label_contains("Loading your data folder: ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(shown.ends_with(" of 301 files"), "{shown}");
    assert!(
        h.query_by_label_contains("(copy 0)").is_none(),
        "the folder's muscles are not listed yet"
    );

    // The built-in atlas answers meanwhile.
    click_label(&mut h, "Masseter");
    assert_eq!(h.state().work.selected, Some(MuscleId("masseter".into())));
    assert!(
        h.query_by_label_contains("Loading your data folder")
            .is_some(),
        "still loading"
    );

    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/muscles/masseter.ron"),
    )
    .expect("read")
    .replace("id: \"masseter\"", "id: \"held_back_masseter\"")
    .replace("name: \"Masseter\"", "name: \"Held-back masseter\"");
    std::fs::write(&held_back, text).expect("write into the pipe");
    let deadline = std::time::Instant::now() + std::time::Duration::from_mins(1);
    while h.state().content.first_read_progress().is_some() {
        assert!(std::time::Instant::now() < deadline, "never finished");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run();
    }
    assert!(
        h.query_by_label_contains("Loading your data folder")
            .is_none()
    );
    let atlas = &h.state().content.atlas;
    assert_eq!(
        atlas.muscles.len(),
        crate::embedded().atlas.muscles.len() + 301
    );
    assert!(
        h.state().content.errors.is_empty(),
        "{:?}",
        h.state().content.errors
    );
    // The selection made while loading stays, and the folder's muscles are listed.
    assert_eq!(h.state().work.selected, Some(MuscleId("masseter".into())));
    click_label(&mut h, "Held-back masseter");
    assert_eq!(
        h.state().work.selected,
        Some(MuscleId("held_back_masseter".into()))
    );
}
