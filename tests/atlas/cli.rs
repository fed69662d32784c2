//! The command line, run as a user runs it: the real binary, its output and exit codes.

use std::process::{Command, Output};

use crate::{embedded, temp_dir};

pub(crate) fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trigger-atlas"))
        .args(args)
        .output()
        .expect("run the binary")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn list_json_has_every_muscle_with_its_fields() {
    let rows = json(&["list", "--json"]);
    let rows = rows.as_array().expect("array");
    let atlas = embedded().atlas;
    assert_eq!(rows.len(), atlas.muscles.len());
    for (row, m) in rows.iter().zip(&atlas.muscles) {
        assert_eq!(row["id"], m.id.0.as_str());
        assert_eq!(row["name"], m.name.as_str());
        assert_eq!(row["latin"], m.latin.as_str());
        assert_eq!(row["region"], m.region.as_str());
        assert!(!row["views"].as_array().expect("views").is_empty());
        assert!(row["conditions"].is_array());
        let groups: Vec<&str> = row["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .filter_map(|g| g.as_str())
            .collect();
        let expected: Vec<&str> = atlas
            .groups_of(&m.id)
            .iter()
            .map(|g| g.id.as_str())
            .collect();
        assert_eq!(groups, expected, "{}", m.id);
    }
}

#[test]
fn show_json_mirrors_to_the_chosen_side() {
    let right = json(&["show", "upper_trapezius", "--json"]);
    let left = json(&["show", "upper_trapezius", "--side", "left", "--json"]);
    assert_eq!(right["id"], "upper_trapezius");
    assert!(right["sources"].as_array().is_some_and(|s| !s.is_empty()));
    let back_xs = |v: &serde_json::Value| -> Vec<f64> {
        v["zones"]
            .as_array()
            .expect("zones")
            .iter()
            .filter(|z| z["view"] == "back")
            .flat_map(|z| z["polygons"].as_array().expect("polygons").clone())
            .flat_map(|poly| poly.as_array().expect("polygon").clone())
            .map(|p| p[0].as_f64().expect("x"))
            .collect()
    };
    // Back view: the patient's right is x > 200, the left x < 200.
    assert!(back_xs(&right).iter().all(|x| *x > 200.0));
    assert!(back_xs(&left).iter().all(|x| *x < 200.0));
    let zone = &right["zones"][0];
    assert!(zone["kind"] == "essential" || zone["kind"] == "spillover");
    assert!(zone["areas"].as_array().is_some_and(|a| !a.is_empty()));
    let tp = &left["trigger_points"][0];
    assert!(tp["view"].is_string() && tp["x"].is_number() && tp["y"].is_number());
}

#[test]
fn bad_arguments_exit_with_status_2_and_say_why() {
    for args in [
        &["lookup", "--view", "nowhere", "--at", "10,10"][..],
        &["lookup", "--view", "back", "--at", "ten,10"],
        &["lookup", "--view", "back", "--at", "5000,10"],
        &["show", "no_such_muscle"],
        &["no-such-command"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} explains the problem");
    }
}

#[test]
fn check_reports_a_broken_folder_with_positions_and_exit_status_1() {
    let dir = temp_dir("cli-check");
    std::fs::create_dir_all(dir.join("muscles")).expect("mkdir");
    std::fs::write(
        dir.join("muscles/broken.ron"),
        "(\n  id: \"broken\",\n  layer: Sideways,\n)",
    )
    .expect("write");
    let out = run(&["check", dir.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("broken.ron:3:"), "{stdout}");
    let ok = run(&["check"]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&ok.stdout).starts_with("ok:"));
}

#[test]
fn check_names_the_views_a_views_file_leaves_out_and_still_succeeds() {
    // The built-in front and back views, renamed, and no other view: every muscle
    // still fits them, so the only message is the note.
    let built_in_text = include_str!("../../data/views.ron");
    let cut = built_in_text
        .find("        (\n            id: \"head_side\"")
        .expect("head_side follows back");
    let text = format!("{}    ],\n)\n", &built_in_text[..cut])
        .replace("name: \"Front\"", "name: \"Front (mine)\"")
        .replace("name: \"Back\"", "name: \"Back (mine)\"");
    let dir = temp_dir("cli-check-views");
    std::fs::write(dir.join("views.ron"), text).expect("write");
    let out = run(&["check", dir.to_str().expect("utf-8 path")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("views.ron: note: leaves out 8 of the 10 built-in views (\"head_side\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("the atlas shows the built-in drawing of them"),
        "{stdout}"
    );
    assert!(
        stdout.contains("ok: 10 views") && stdout.contains("(1 note above)"),
        "{stdout}"
    );
    // What the note says is what the loader did: the two listed views are the
    // file's, the eight others the built-in ones.
    let report = trigger_atlas::io::load_atlas(Some(&dir));
    assert_eq!(report.errors.len(), 1, "{:#?}", report.errors);
    let built_in = embedded().atlas;
    assert_eq!(report.atlas.views.len(), built_in.views.len());
    for view in &report.atlas.views {
        let replaced = ["front", "back"].contains(&view.id.0.as_str());
        assert_eq!(view.name.ends_with(" (mine)"), replaced, "{}", view.name);
    }
}

#[test]
fn show_json_carries_the_warning_signs_of_the_regions_the_pattern_reaches() {
    let shown = json(&["show", "upper_trapezius", "--json"]);
    let regions = shown["warning_signs_by_region"].as_array().expect("array");
    let ids: Vec<&str> = regions
        .iter()
        .filter_map(|r| r["region"].as_str())
        .collect();
    assert_eq!(ids, ["head", "neck"]);
    let head = &regions[0];
    assert!(head["signs"].as_array().expect("signs").len() >= 4);
    assert!(
        head["clinician"]
            .as_str()
            .expect("text")
            .contains("SNNOOP10")
    );
    assert!(!head["sources"].as_array().expect("sources").is_empty());
}

#[test]
fn show_json_carries_anatomy_self_care_and_the_clinicians_notes() {
    let shown = json(&["show", "upper_trapezius", "--json"]);
    let anatomy = &shown["anatomy"];
    for field in ["origin", "insertion", "innervation", "actions"] {
        assert!(
            !anatomy[field].as_str().expect("text").is_empty(),
            "anatomy.{field} is empty"
        );
    }
    assert!(
        anatomy["innervation"]
            .as_str()
            .expect("text")
            .contains("accessory"),
        "upper trapezius is supplied by the accessory nerve"
    );
    assert!(
        !shown["self_care"]["advice"]
            .as_str()
            .expect("text")
            .is_empty()
    );
    assert!(shown["symptoms"].is_array());
    for field in ["perpetuating_text", "rule_out_text", "hazards_text"] {
        assert!(!shown[field].as_str().expect("text").is_empty(), "{field}");
    }
}

#[test]
fn list_group_lists_only_that_groups_members_and_an_unknown_group_is_refused() {
    let rows = json(&["list", "--json", "--group", "hamstrings"]);
    let ids: Vec<&str> = rows
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(ids, ["lateral_hamstring", "medial_hamstrings"]);
    let out = run(&["list", "--group", "no_such_group"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rotator_cuff"));
}

#[test]
fn show_and_render_can_be_limited_to_one_trigger_point() {
    let shown = json(&[
        "show",
        "upper_trapezius",
        "--trigger-point",
        "TrP2",
        "--json",
    ]);
    let zones = shown["zones"].as_array().expect("zones");
    assert!(!zones.is_empty());
    for z in zones {
        let tps: Vec<&str> = z["trigger_points"]
            .as_array()
            .expect("trigger_points")
            .iter()
            .filter_map(|t| t.as_str())
            .collect();
        assert!(tps.contains(&"TrP2"), "{z}");
    }
    let labels: Vec<&str> = shown["trigger_points"]
        .as_array()
        .expect("trigger points")
        .iter()
        .filter_map(|t| t["label"].as_str())
        .collect();
    assert_eq!(labels, ["TrP2"]);
    for args in [
        &["show", "upper_trapezius", "--trigger-point", "TrP7"][..],
        &[
            "render",
            "--muscle",
            "upper_trapezius",
            "--trigger-point",
            "TrP7",
            "--out",
            "/dev/null",
        ][..],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("TrP1, TrP2"));
    }
}

#[test]
fn a_handout_can_show_both_sides() {
    let dir = temp_dir("handout-both");
    let out = dir.join("both.png");
    let status = run(&[
        "handout",
        "--muscle",
        "gluteus_minimus",
        "--side",
        "both",
        "--out",
        out.to_str().expect("path"),
    ]);
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let page = image::open(&out).expect("handout written");
    assert_eq!((page.width(), page.height()), (1240, 1754));
    // The PNG says it is 150 dpi, so it prints at A4 size.
    let bytes = std::fs::read(&out).expect("read");
    let at = bytes
        .windows(4)
        .position(|w| w == b"pHYs")
        .expect("a resolution chunk");
    let ppm = u32::from_be_bytes([bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]]);
    assert_eq!(ppm, 5906, "150 pixels per inch");
}

#[test]
fn rough_command_line_input_gets_a_clear_answer() {
    // A picture is never written as PNG data under another format's name.
    let dir = temp_dir("cli-rough");
    let jpg = dir.join("x.jpg");
    let out = run(&[
        "render",
        "--muscle",
        "masseter",
        "--out",
        jpg.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".png"));
    assert!(!jpg.exists());
    // A negative coordinate is a coordinate, not an option.
    let out = run(&["lookup", "--view", "front", "--at", "-5,10"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("outside the front view"), "{err}");
    // `check` also checks the lessons of a data folder.
    std::fs::create_dir_all(dir.join("lessons")).expect("mkdir");
    std::fs::write(
        dir.join("lessons/bad.ron"),
        "(title: \"Bad\", steps: [(muscles: [\"no_such_muscle\"], text: \"x\")])",
    )
    .expect("write");
    std::fs::create_dir_all(dir.join("muscles")).expect("mkdir");
    let out = run(&["check", dir.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("bad.ron") && text.contains("no_such_muscle"),
        "{text}"
    );
}

#[test]
fn prefs_in_a_missing_folder_are_refused_with_a_hint() {
    let dir = temp_dir("prefs-missing");
    let prefs = dir.join("no/such/folder/prefs.ron");
    let out = run(&["--prefs", prefs.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("does not exist") && err.contains("create it first"),
        "{err}"
    );
    assert!(!dir.join("no").exists(), "no folder was created");
}
