//! The pain drawing as a document: saved from the finder, opened again exactly,
//! reported at its line and column when broken, ranked by `lookup --drawing`.

use egui_kittest::kittest::Queryable as _;
use trigger_atlas::io::{PainDrawing, drawing_text, parse_drawing};
use trigger_atlas::model::{ErrorKind, MuscleId, Side};

use crate::a11y::pick;
use crate::ui::{click_label, harness_sized, type_key};
use crate::{embedded, temp_dir};

fn type_into(h: &mut egui_kittest::Harness<'_, trigger_atlas::AtlasApp>, field: &str, text: &str) {
    h.get_by_label(field).click();
    h.run();
    h.get_by_label(field).type_text(text);
    h.run();
}

#[test]
fn a_pain_drawing_is_saved_and_opened_again_exactly() {
    let dir = temp_dir("drawing");
    let file = dir.join("visit.ron");
    let mut h = harness_sized(1400.0, 900.0);
    type_key(&mut h, "m");
    for area in ["temple", "back of the head"] {
        pick(&mut h, "Area", area);
        h.get_by_label(&format!("Add a mark: {area}, right side"))
            .click();
        h.run();
    }
    let first = h.state().work.finder.candidates[0].clone();
    let name = h
        .state()
        .content
        .atlas
        .muscle(&first.muscle)
        .expect("muscle")
        .name
        .clone();
    click_label(&mut h, &format!("1. {name} ({})", first.side.word()));
    assert_eq!(h.state().work.finder.chosen, Some(0));
    let before = h.state().work.finder.clone();
    type_into(&mut h, "Pain drawing file:", &file.display().to_string());
    type_into(
        &mut h,
        "Label (optional, kept in the file):",
        "AB, first visit",
    );
    h.get_by_label("Save drawing").click();
    h.run();
    let status = h
        .state()
        .work
        .finder
        .drawing_status
        .clone()
        .unwrap_or_default();
    assert_eq!(
        status,
        format!("Saved the drawing (2 marks) to {}", file.display())
    );
    // The next visit: a fresh window, the same file.
    let mut h = harness_sized(1400.0, 900.0);
    type_key(&mut h, "m");
    type_into(&mut h, "Pain drawing file:", &file.display().to_string());
    h.get_by_label("Open drawing").click();
    h.run();
    let after = &h.state().work.finder;
    assert_eq!(after.marks, before.marks);
    assert!((after.brush_radius - before.brush_radius).abs() < f32::EPSILON);
    assert_eq!(after.candidates, before.candidates);
    assert_eq!(after.chosen, Some(0), "the candidate shown is shown again");
    assert_eq!(after.drawing_label, "AB, first visit");
    assert!(
        after
            .drawing_status
            .as_deref()
            .unwrap_or("")
            .starts_with("Opened the drawing of")
    );
}

#[test]
fn the_file_reads_back_what_was_written() {
    let atlas = embedded().atlas;
    let drawing = PainDrawing {
        date: "2026-12-02".into(),
        label: Some("CD".into()),
        initials: Some("AB".into()),
        note: Some("Heat twice a day; see you in two weeks.".into()),
        brush_radius: 9.0,
        marks: vec![trigger_atlas::finder::PainMark {
            view: trigger_atlas::model::ViewId("hand_palm".into()),
            panel_side: Side::Left,
            pos: egui::pos2(110.0, 100.0),
            radius: 9.0,
        }],
        chosen: Some((MuscleId("scalenes".into()), Side::Left)),
    };
    let text = drawing_text(&drawing);
    assert!(text.contains("format: 1"), "{text}");
    assert_eq!(
        parse_drawing(&text, "d.ron", &atlas).expect("valid"),
        drawing
    );
}

#[test]
fn a_broken_drawing_is_reported_at_its_line_and_column() {
    let atlas = embedded().atlas;
    let text = "(\n    format: 1,\n    date: \"2026-12-02\",\n    brush_radius: 7.0,\n    marks: [\n        (view: \"back\", side: Right, at: (250.0, 230.0), radius: 7.0),\n        (view: \"elbow\", side: Right, at: (10.0, 10.0), radius: 7.0),\n    ],\n)\n";
    let errors = parse_drawing(text, "d.ron", &atlas).expect_err("unknown view");
    assert_eq!(errors[0].kind, ErrorKind::Invalid);
    assert_eq!((errors[0].position.line, errors[0].position.column), (7, 9));
    assert!(
        errors[0].message.contains("unknown view \"elbow\""),
        "{}",
        errors[0]
    );
    let newer = text.replace("format: 1", "format: 2");
    let errors = parse_drawing(&newer, "d.ron", &atlas).expect_err("newer format");
    assert_eq!(errors[0].position.line, 2);
    let typo = text.replace(
        "radius: 7.0),\n        (view: \"elbow\"",
        "radiuss: 7.0),\n        (view: \"elbow\"",
    );
    let errors = parse_drawing(&typo, "d.ron", &atlas).expect_err("unknown field");
    assert_eq!(errors[0].kind, ErrorKind::Syntax);
    assert_eq!(errors[0].position.line, 6);
}

#[test]
fn lookup_ranks_a_saved_drawing_as_the_window_does() {
    let atlas = embedded().atlas;
    let dir = temp_dir("drawing-lookup");
    let file = dir.join("d.ron");
    let marks = vec![
        trigger_atlas::finder::PainMark {
            view: trigger_atlas::model::ViewId("head_side".into()),
            panel_side: Side::Right,
            pos: egui::pos2(160.0, 80.0),
            radius: 7.0,
        },
        trigger_atlas::finder::PainMark {
            view: trigger_atlas::model::ViewId("back".into()),
            panel_side: Side::Right,
            pos: egui::pos2(225.0, 140.0),
            radius: 7.0,
        },
    ];
    let drawing = PainDrawing {
        date: "2026-12-02".into(),
        label: None,
        initials: None,
        note: None,
        brush_radius: 7.0,
        marks: marks.clone(),
        chosen: None,
    };
    trigger_atlas::io::save_drawing_file(&file, &drawing).expect("saved");
    let out = crate::cli::run(&[
        "lookup",
        "--drawing",
        file.to_str().expect("path"),
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    let ids: Vec<&str> = rows.iter().filter_map(|r| r["id"].as_str()).collect();
    let expected: Vec<String> = trigger_atlas::finder::rank(&atlas, &marks)
        .into_iter()
        .map(|c| c.muscle.0)
        .collect();
    assert_eq!(ids, expected.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!ids.is_empty());
}
