//! Nothing the user saved is lost: the preferences file survives a writer killed in
//! the middle of a save, and an unreadable one is set aside, not overwritten.

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use egui_kittest::kittest::Queryable as _;
use trigger_atlas::AtlasApp;
use trigger_atlas::app::Preferences;
use trigger_atlas::io::{KeptFile, Restored};

use crate::{embedded, temp_dir};

/// A folder on the build disk (not a RAM disk), so saves take as long as they do for
/// a user and a kill can land in the middle of one.
fn disk_dir(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("saving-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    dir
}

/// Temporary files a save left behind (a kill in the middle of one leaves its file).
fn temporary_files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".part"))
        .collect()
}

/// The environment variable that turns this test's process into the writer.
const WRITER_FILE: &str = "TRIGGER_ATLAS_TEST_WRITER_FILE";

/// The writer: saves two large, different preference values to `file` in turn until
/// killed, printing "saved" after each save. Both are serialized once, so nearly
/// all the time goes into the atomic write itself.
fn keep_saving_prefs(file: std::path::PathBuf) -> ! {
    let value = |letter: char, count: usize| Preferences {
        chosen_views: (0..count)
            .map(|i| trigger_atlas::model::ViewId(format!("{letter}{i:06}")))
            .collect(),
        ..Preferences::default()
    };
    let mut kept = KeptFile::new(file);
    let texts = [
        kept.text_of(&value('a', 20_000)).expect("serialize"),
        kept.text_of(&value('b', 30_000)).expect("serialize"),
    ];
    for i in 0usize.. {
        kept.save_text(texts[i % 2].clone()).expect("save");
        println!("saved");
    }
    unreachable!("saves until killed")
}

/// Starts the writer: this test binary again, running only this test, which sees
/// [`WRITER_FILE`] and becomes the writer.
fn start_writer(file: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "saving::killing_the_writer_mid_save_leaves_the_old_or_the_new_file_whole",
            "--nocapture",
            "--quiet",
            "--test-threads=1",
        ])
        .env(WRITER_FILE, file)
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the writer")
}

#[test]
fn killing_the_writer_mid_save_leaves_the_old_or_the_new_file_whole() {
    if let Some(file) = std::env::var_os(WRITER_FILE) {
        keep_saving_prefs(file.into());
    }
    let dir = disk_dir("kill");
    let file = dir.join("preferences.ron");
    let mut mid_save_kills = 0;
    let mut seen = [false, false];
    let mut rounds = 0;
    // Keep killing until several kills have landed while a save was being written
    // (a temporary file present), and at least 12 rounds were run.
    while rounds < 12 || (mid_save_kills < 3 && rounds < 60) {
        for part in temporary_files(&dir) {
            let _ = std::fs::remove_file(part);
        }
        let mut child = start_writer(&file);
        // The writer prints a line after each finished save: wait for one to three
        // of them (so both values end up on disk in some rounds), then kill it a
        // little later, at a different moment each round.
        // (The test harness's own "running 1 test" line comes first.)
        let mut lines = BufReader::new(child.stdout.take().expect("stdout"))
            .lines()
            .map(|line| line.expect("read"))
            .filter(|line| !line.trim().is_empty() && !line.starts_with("running "));
        for _ in 0..=(rounds % 3) {
            let line = lines.next().expect("a line");
            assert_eq!(line.trim(), "saved");
        }
        std::thread::sleep(Duration::from_micros((rounds as u64 * 1_700) % 9_000));
        child.kill().expect("kill");
        child.wait().expect("wait");
        if !temporary_files(&dir).is_empty() {
            mid_save_kills += 1;
        }
        let restored: Restored<Preferences> = KeptFile::new(file.clone()).load();
        assert!(
            restored.notice.is_none(),
            "round {rounds}: the file was torn: {:?}",
            restored.notice
        );
        let views = &restored.value.chosen_views;
        let whole_a = views.len() == 20_000 && views.iter().all(|v| v.0.starts_with('a'));
        let whole_b = views.len() == 30_000 && views.iter().all(|v| v.0.starts_with('b'));
        assert!(
            whole_a || whole_b,
            "round {rounds}: {} views, neither saved value",
            views.len()
        );
        seen[usize::from(whole_b)] = true;
        rounds += 1;
    }
    eprintln!("{mid_save_kills} of {rounds} kills landed while a save was being written");
    assert!(
        mid_save_kills >= 1,
        "no kill landed during a save in {rounds} rounds; the test proved nothing"
    );
    assert!(
        seen[0] && seen[1],
        "both values should be found whole at some kill"
    );
}

#[test]
fn an_unreadable_preferences_file_is_set_aside_and_the_window_says_so() {
    let dir = temp_dir("corrupt-prefs");
    let file = dir.join("preferences.ron");
    let garbage = "(side: Left, dark_mode: maybe)";
    std::fs::write(&file, garbage).expect("write");
    let app = AtlasApp::from_parts(embedded().atlas, Vec::new()).with_prefs_file(file.clone());
    assert_eq!(app.prefs, Preferences::default(), "defaults are used");
    let mut h = crate::harness_for(app, egui::Vec2::from([1280.0, 860.0]));
    let aside: Vec<_> = std::fs::read_dir(&dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".unreadable-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read_to_string(&aside[0]).expect("read"),
        garbage,
        "the user's file is kept byte for byte"
    );
    let notice = &h.state().notices[0];
    assert!(notice.contains("line 1, column"), "{notice}");
    assert!(notice.contains(&aside[0].display().to_string()), "{notice}");
    h.get_by_label_contains("could not be read");
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().notices.is_empty(), "OK dismisses the message");
    assert!(h.query_by_label_contains("could not be read").is_none());
}

#[test]
fn a_changed_preference_is_saved_and_read_back_by_the_next_start() {
    let dir = temp_dir("prefs-saved");
    let file = dir.join("nested/preferences.ron");
    let app = AtlasApp::from_parts(embedded().atlas, Vec::new()).with_prefs_file(file.clone());
    let mut h = crate::harness_for(app, egui::Vec2::from([1280.0, 860.0]));
    h.get_by_label("Dark").click();
    h.get_by_label("Left").click();
    h.run();
    // Closing the window writes anything not yet saved (changes within a second of
    // the last save wait, so a window being resized is not written every frame).
    eframe::App::on_exit(h.state_mut(), None);
    let next = AtlasApp::from_parts(embedded().atlas, Vec::new()).with_prefs_file(file);
    assert!(next.prefs.dark_mode, "dark mode was saved");
    assert_eq!(next.prefs.side, trigger_atlas::model::SideChoice::Left);
    assert!(next.notices.is_empty(), "{:?}", next.notices);
}
