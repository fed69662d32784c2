//! Loading the data files: embedded defaults, user folders and every kind of error.

use trigger_atlas::io::{embedded_sources, load_atlas, parse_muscle, parse_views};
use trigger_atlas::model::{ErrorKind, Position};
use trigger_atlas::model::{MuscleId, ZoneKind};

use crate::{embedded, temp_dir};

/// The muscles issue #2 promises, by id.
const REQUIRED: [&str; 12] = [
    "upper_trapezius",
    "middle_trapezius",
    "lower_trapezius",
    "levator_scapulae",
    "sternocleidomastoid_sternal",
    "sternocleidomastoid_clavicular",
    "masseter",
    "temporalis",
    "gluteus_medius",
    "gluteus_minimus",
    "piriformis",
    "quadratus_lumborum",
];

#[test]
fn embedded_data_loads_cleanly_with_every_required_muscle() {
    let report = embedded();
    assert!(
        report.errors.is_empty(),
        "embedded data has problems: {:#?}",
        report.errors
    );
    for id in REQUIRED {
        let m = report.atlas.muscle(&MuscleId(id.to_owned()));
        let m = m.unwrap_or_else(|| panic!("{id} missing"));
        assert!(!m.trigger_points.is_empty(), "{id} has no trigger point");
        assert!(
            m.zones.iter().any(|z| z.kind == ZoneKind::Essential),
            "{id} has no essential zone"
        );
        assert!(!m.sources.is_empty(), "{id} cites no source");
    }
    let views: Vec<&str> = report.atlas.views.iter().map(|v| v.id.0.as_str()).collect();
    assert_eq!(
        views,
        [
            "front",
            "back",
            "head_side",
            "side",
            "sole",
            "face",
            "hand_palm",
            "hand_back",
            "foot_top",
            "pelvic_floor"
        ]
    );
}

#[test]
fn every_embedded_muscle_file_validates_on_its_own() {
    let (views_src, muscles) = embedded_sources();
    let (views, errors) = parse_views(&views_src.text, &views_src.name);
    assert!(errors.is_empty(), "{errors:#?}");
    for src in &muscles {
        if let Err(e) = parse_muscle(&src.text, &src.name, &views) {
            panic!("{}: {e:#?}", src.name);
        }
    }
}

#[test]
fn every_data_file_on_disk_is_embedded() {
    // A file added to data/muscles but forgotten in the embed list would silently
    // never ship; this catches it.
    let (_, embedded) = embedded_sources();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/muscles");
    for entry in std::fs::read_dir(dir).expect("data/muscles exists") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let wanted = format!("embedded:data/muscles/{name}");
        assert!(
            embedded.iter().any(|s| s.name == wanted),
            "{name} is not embedded"
        );
    }
}

#[test]
fn zones_and_trigger_points_lie_inside_the_body_outline() {
    let atlas = embedded().atlas;
    let mut off_body = Vec::new();
    for m in &atlas.muscles {
        for zone in &m.zones {
            let view = atlas.view(&zone.view).expect("known view");
            for p in &zone.authored {
                if !view.contains_body_point(*p) {
                    off_body.push(format!("{}: zone point {p:?} on {}", m.id, view.id));
                }
            }
        }
        for tp in &m.trigger_points {
            let view = atlas.view(&tp.view).expect("known view");
            if !view.contains_body_point(tp.pos.right) {
                off_body.push(format!("{}: {} on {}", m.id, tp.label, view.id));
            }
        }
    }
    assert!(
        off_body.is_empty(),
        "off the body:\n{}",
        off_body.join("\n")
    );
}

/// A small valid muscle file for error tests; `zone_points` goes into its only zone.
fn muscle_text(id: &str, view: &str, zone_points: &str) -> String {
    format!(
        r#"(
    id: "{id}",
    name: "Test muscle",
    latin: "Musculus testus",
    region: "Head and neck",
    layer: Superficial,
    shapes: [
        (view: "back", points: [(210.0, 200.0), (230.0, 200.0), (230.0, 220.0), (210.0, 220.0)]),
    ],
    trigger_points: [(label: "TrP1", view: "back", at: (220.0, 210.0))],
    zones: [
        (kind: Essential, view: "{view}", areas: ["neck"], points: [{zone_points}]),
    ],
    summary: "Plain words.",
    clinical: (trigger_points: "Here.", essential: "There.", spillover: "",
        perpetuating: "Posture.", rule_out: "Other causes.", hazards: "Not described in our sources."),
    anatomy: (origin: "A bone.", insertion: "Another bone.", innervation: "A nerve (C5)", actions: "Moves it."),
    self_care: (advice: "Rest.", caution: ""),
    sources: [(citation: "A book")],
)"#
    )
}

const SQUARE: &str = "(205.0, 200.0), (235.0, 200.0), (235.0, 240.0), (205.0, 240.0)";

fn views() -> Vec<trigger_atlas::model::View> {
    let (src, _) = embedded_sources();
    parse_views(&src.text, &src.name).0
}

#[test]
fn a_valid_test_muscle_parses() {
    let m = parse_muscle(
        &muscle_text("test_muscle", "back", SQUARE),
        "t.ron",
        &views(),
    )
    .expect("valid");
    assert_eq!(m.id.0, "test_muscle");
}

#[test]
fn syntax_error_names_line_and_column() {
    // Line 3 loses its closing quote.
    let text = muscle_text("broken", "back", SQUARE)
        .replace("name: \"Test muscle\",", "name: \"Test muscle,");
    let errors = parse_muscle(&text, "broken.ron", &views()).expect_err("must fail");
    assert_eq!(errors.len(), 1);
    let e = &errors[0];
    assert_eq!(e.kind, ErrorKind::Syntax);
    assert_eq!(e.file, "broken.ron");
    assert!(e.position.line >= 3, "{e}");
    assert!(
        e.to_string()
            .starts_with(&format!("broken.ron:{}:", e.position.line)),
        "{e}"
    );
}

#[test]
fn polygon_with_two_points_is_reported_at_its_zone() {
    let text = muscle_text("two_points", "back", "(205.0, 200.0), (235.0, 200.0)");
    let errors = parse_muscle(&text, "z.ron", &views()).expect_err("must fail");
    let e = errors
        .iter()
        .find(|e| e.message.contains("at least 3"))
        .expect("point-count error");
    assert_eq!(e.kind, ErrorKind::Invalid);
    // The zone starts on line 12, column 9 of the template.
    assert_eq!(
        e.position,
        Position {
            line: 12,
            column: 9
        },
        "{e}"
    );
}

#[test]
fn unknown_view_lists_the_known_ones() {
    let text = muscle_text("bad_view", "sideways", SQUARE);
    let errors = parse_muscle(&text, "v.ron", &views()).expect_err("must fail");
    let e = &errors[0];
    assert!(e.message.contains("unknown view \"sideways\""), "{e}");
    assert!(
        e.message
            .contains("front, back, head_side, side, sole, face, hand_palm"),
        "{e}"
    );
    assert_eq!(e.position.line, 12);
}

#[test]
fn out_of_range_and_non_finite_coordinates_are_refused() {
    for (points, expect) in [
        (
            "(205.0, 110.0), (935.0, 110.0), (235.0, 150.0)",
            "outside the view",
        ),
        (
            "(205.0, 110.0), (NaN, 110.0), (235.0, 150.0)",
            "not a finite number",
        ),
        (
            "(205.0, 110.0), (inf, 110.0), (235.0, 150.0)",
            "not a finite number",
        ),
        (
            "(205.0, 200.0), (395.0, 200.0), (235.0, 240.0)",
            "off the body outline",
        ),
    ] {
        let errors = parse_muscle(&muscle_text("coords", "back", points), "c.ron", &views())
            .expect_err(points);
        assert!(
            errors.iter().any(|e| e.message.contains(expect)),
            "{points}: {errors:#?}"
        );
    }
}

#[test]
fn self_crossing_and_flat_shapes_are_refused() {
    let bow_tie = "(205.0, 200.0), (235.0, 240.0), (235.0, 200.0), (205.0, 240.0)";
    let errors =
        parse_muscle(&muscle_text("bow", "back", bow_tie), "b.ron", &views()).expect_err("bow tie");
    assert!(
        errors.iter().any(|e| e.message.contains("crosses itself")),
        "{errors:#?}"
    );
    let flat = "(205.0, 210.0), (215.0, 210.0), (225.0, 210.0)";
    let errors =
        parse_muscle(&muscle_text("flat", "back", flat), "f.ron", &views()).expect_err("flat");
    assert!(
        errors.iter().any(|e| e.message.contains("no area")),
        "{errors:#?}"
    );
}

#[test]
fn unknown_field_is_a_syntax_error_with_its_position() {
    let text = muscle_text("extra", "back", SQUARE).replace(
        "    layer: Superficial,",
        "    layer: Superficial,\n    colour: \"red\",",
    );
    let errors = parse_muscle(&text, "x.ron", &views()).expect_err("unknown field");
    assert_eq!(errors[0].kind, ErrorKind::Syntax);
    assert!(errors[0].message.contains("colour"), "{}", errors[0]);
    assert_eq!(errors[0].position.line, 7, "{}", errors[0]);
}

#[test]
fn user_folder_overrides_adds_and_reports_without_losing_the_rest() {
    let dir = temp_dir("override");
    let muscles = dir.join("muscles");
    std::fs::create_dir_all(&muscles).expect("mkdir");
    // Override an embedded muscle, add a new one, and break a third file.
    let mut over = muscle_text("masseter", "back", SQUARE);
    over = over.replace("Test muscle", "My masseter");
    std::fs::write(muscles.join("a_masseter.ron"), over).expect("write");
    std::fs::write(
        muscles.join("b_new.ron"),
        muscle_text("new_muscle", "back", SQUARE),
    )
    .expect("write");
    std::fs::write(muscles.join("c_broken.ron"), "( id: \"oops\", name: ").expect("write");
    std::fs::write(
        muscles.join("d_dup.ron"),
        muscle_text("new_muscle", "back", SQUARE),
    )
    .expect("write");

    let report = load_atlas(Some(&dir));
    let atlas = &report.atlas;
    assert_eq!(
        atlas
            .muscle(&MuscleId("masseter".into()))
            .expect("kept")
            .name,
        "My masseter"
    );
    assert!(atlas.muscle(&MuscleId("new_muscle".into())).is_some());
    assert!(
        atlas.muscle(&MuscleId("upper_trapezius".into())).is_some(),
        "embedded rest still loads"
    );
    assert_eq!(report.overridden, vec![MuscleId("masseter".into())]);
    assert_eq!(report.errors.len(), 2, "{:#?}", report.errors);
    assert!(
        report.errors[0].file.ends_with("c_broken.ron")
            && report.errors[0].kind == ErrorKind::Syntax
    );
    assert!(report.errors[1].file.ends_with("d_dup.ron"));
    assert!(
        report.errors[1].message.contains("already defined"),
        "{}",
        report.errors[1]
    );
    assert_eq!(
        report.errors[1].position.line, 2,
        "duplicate id points at the id line"
    );
}

#[test]
fn missing_folder_is_reported_and_the_defaults_still_load() {
    let missing = std::env::temp_dir().join("trigger-atlas-no-such-folder-xyz");
    let report = load_atlas(Some(&missing));
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].kind, ErrorKind::Io);
    assert!(
        report.errors[0]
            .to_string()
            .contains("trigger-atlas-no-such-folder-xyz")
    );
    assert_eq!(report.atlas.muscles.len(), embedded().atlas.muscles.len());
}

#[test]
fn huge_and_non_utf8_files_are_refused_before_parsing() {
    let dir = temp_dir("limits");
    let muscles = dir.join("muscles");
    std::fs::create_dir_all(&muscles).expect("mkdir");
    let big = vec![b' '; 2 * 1024 * 1024];
    std::fs::write(muscles.join("big.ron"), big).expect("write");
    std::fs::write(muscles.join("latin1.ron"), [b'(', 0xE9, 0xFF, b')']).expect("write");
    let report = load_atlas(Some(&dir));
    assert_eq!(report.errors.len(), 2, "{:#?}", report.errors);
    assert!(report.errors.iter().all(|e| e.kind == ErrorKind::Io));
    assert!(report.errors.iter().any(|e| e.message.contains("at most")));
    assert!(report.errors.iter().any(|e| e.message.contains("UTF-8")));
    assert_eq!(report.atlas.muscles.len(), embedded().atlas.muscles.len());
}

#[test]
fn broken_user_views_file_keeps_the_embedded_views() {
    let dir = temp_dir("views");
    std::fs::write(
        dir.join("views.ron"),
        "(views: [ (id: \"front\", name: 3) ])",
    )
    .expect("write");
    let report = load_atlas(Some(&dir));
    assert_eq!(report.errors.len(), 1, "{:#?}", report.errors);
    assert!(report.errors[0].file.ends_with("views.ron"));
    assert_eq!(report.atlas.views.len(), embedded().atlas.views.len());
    assert_eq!(report.atlas.muscles.len(), embedded().atlas.muscles.len());
}

#[test]
fn wrong_value_deep_inside_a_zone_is_reported_where_it_is_written() {
    // `Essentiall` is on line 12 of the template, inside the first zone.
    let text = muscle_text("typo", "back", SQUARE).replace("kind: Essential", "kind: Essentiall");
    let errors = parse_muscle(&text, "typo.ron", &views()).expect_err("unknown variant");
    let e = &errors[0];
    assert_eq!(e.kind, ErrorKind::Syntax);
    assert_eq!(e.position.line, 12, "{e}");
    assert!(
        e.position.column > 9,
        "points into the zone, not at its start: {e}"
    );
    assert!(e.message.contains("Essentiall"), "{e}");
}
