//! The pain finder's ranking, on small made-up atlases (exact rules) and on the real
//! one (the answers a physician expects).

use egui::pos2;
use trigger_atlas::finder::{PainMark, rank};
use trigger_atlas::io::{SourceText, build, embedded_sources};
use trigger_atlas::model::{Atlas, Side, ViewId};

use crate::embedded;

/// A square zone on the back view, on the patient's right (x > 200).
const RIGHT_SQUARE: &str = "(225.0, 300.0), (245.0, 300.0), (245.0, 320.0), (225.0, 320.0)";
const OTHER_SQUARE: &str = "(225.0, 330.0), (245.0, 330.0), (245.0, 350.0), (225.0, 350.0)";

fn muscle(id: &str, zones: &[(&str, &str)], bilateral: bool) -> SourceText {
    let zones: Vec<String> = zones
        .iter()
        .map(|(kind, pts)| {
            format!("(kind: {kind}, view: \"back\", areas: [\"back\"], points: [{pts}])")
        })
        .collect();
    let zones = zones.join(", ");
    let text = format!(
        r#"(id: "{id}", name: "{id}", latin: "L", region: "Low back and hip", layer: Superficial,
    shapes: [(view: "back", points: [(210.0, 250.0), (230.0, 250.0), (230.0, 270.0), (210.0, 270.0)])],
    trigger_points: [(label: "TrP", view: "back", at: (220.0, 260.0))],
    zones: [{zones}],
    bilateral_referral: {bilateral},
    summary: "s", clinical: (trigger_points: "t", essential: "e", spillover: "",
        perpetuating: "p", rule_out: "r", hazards: "h"),
    anatomy: (origin: "o", insertion: "i", innervation: "n", actions: "a"),
    self_care: (advice: "a", caution: ""),
    sources: [(citation: "c")])"#
    );
    SourceText {
        name: format!("{id}.ron"),
        text,
    }
}

fn atlas_of(muscles: &[SourceText]) -> Atlas {
    let (views, _) = embedded_sources();
    let report = build(&views, muscles, None, &[]);
    assert!(report.errors.is_empty(), "{:#?}", report.errors);
    report.atlas
}

fn mark(x: f32, y: f32) -> PainMark {
    PainMark {
        view: ViewId("back".into()),
        panel_side: Side::Right,
        pos: pos2(x, y),
        radius: 0.0,
    }
}

fn ids(atlas: &Atlas, marks: &[PainMark]) -> Vec<(String, Side)> {
    rank(atlas, marks)
        .into_iter()
        .map(|c| (c.muscle.0, c.side))
        .collect()
}

#[test]
fn essential_outranks_spillover() {
    let atlas = atlas_of(&[
        muscle(
            "spills",
            &[("Essential", OTHER_SQUARE), ("Spillover", RIGHT_SQUARE)],
            false,
        ),
        muscle("hurts", &[("Essential", RIGHT_SQUARE)], false),
    ]);
    let ranked = rank(&atlas, &[mark(235.0, 310.0)]);
    assert_eq!(ranked[0].muscle.0, "hurts");
    assert_eq!(ranked[1].muscle.0, "spills");
    assert!(
        ranked[0].score > ranked[1].score * 2.0,
        "essential weighs clearly more"
    );
    assert_eq!(ranked[1].reason(), "the mark in its spillover zone");
}

#[test]
fn the_other_side_is_excluded() {
    let atlas = atlas_of(&[muscle("one_sided", &[("Essential", RIGHT_SQUARE)], false)]);
    assert_eq!(
        ids(&atlas, &[mark(235.0, 310.0)]),
        [("one_sided".to_owned(), Side::Right)]
    );
    // The mirror image of the spot is on the patient's left.
    assert_eq!(
        ids(&atlas, &[mark(165.0, 310.0)]),
        [("one_sided".to_owned(), Side::Left)]
    );
}

#[test]
fn several_marks_add_up() {
    let atlas = atlas_of(&[
        muscle("covers_one", &[("Essential", RIGHT_SQUARE)], false),
        muscle(
            "covers_both",
            &[("Essential", RIGHT_SQUARE), ("Essential", OTHER_SQUARE)],
            false,
        ),
    ]);
    let marks = [mark(235.0, 310.0), mark(235.0, 340.0)];
    let ranked = rank(&atlas, &marks);
    assert_eq!(ranked[0].muscle.0, "covers_both");
    assert_eq!(ranked[0].essential, 2);
    assert_eq!(ranked[1].muscle.0, "covers_one");
    assert_eq!(ranked[1].reason(), "1 of 2 marks in its essential zone");
}

#[test]
fn a_bilateral_pattern_counts_on_both_sides() {
    let atlas = atlas_of(&[muscle("both_ways", &[("Essential", RIGHT_SQUARE)], true)]);
    let found = ids(&atlas, &[mark(165.0, 310.0)]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.contains(&("both_ways".to_owned(), Side::Right)));
    assert!(found.contains(&("both_ways".to_owned(), Side::Left)));
}

#[test]
fn a_brush_touching_the_edge_of_a_zone_counts() {
    let atlas = atlas_of(&[muscle("edge", &[("Essential", RIGHT_SQUARE)], false)]);
    let near = PainMark {
        radius: 6.0,
        ..mark(250.0, 310.0)
    };
    assert_eq!(rank(&atlas, &[mark(250.0, 310.0)]).len(), 0);
    assert_eq!(rank(&atlas, &[near]).len(), 1);
}

fn top(n: usize, marks: &[PainMark]) -> Vec<(String, Side)> {
    let atlas = embedded().atlas;
    rank(&atlas, marks)
        .into_iter()
        .take(n)
        .map(|c| (c.muscle.0, c.side))
        .collect()
}

fn side_mark(x: f32, y: f32, side: Side) -> PainMark {
    PainMark {
        view: ViewId("head_side".into()),
        panel_side: side,
        pos: pos2(x, y),
        radius: 6.0,
    }
}

#[test]
fn temple_and_side_of_neck_point_to_the_neck_and_jaw_muscles() {
    // Right temple and right side of the neck, on the side view of the head.
    let marks = [
        side_mark(160.0, 80.0, Side::Right),
        side_mark(90.0, 230.0, Side::Right),
    ];
    let found = top(5, &marks);
    // Upper trapezius covers both marks, so it is among the best (tied) matches.
    assert!(
        found[..2].contains(&("upper_trapezius".to_owned(), Side::Right)),
        "{found:?}"
    );
    for expected in ["temporalis", "suboccipitals"] {
        assert!(
            found.contains(&(expected.to_owned(), Side::Right)),
            "{expected}: {found:?}"
        );
    }
    // The same marks on the left side give the left-side muscles.
    let marks = [
        side_mark(160.0, 80.0, Side::Left),
        side_mark(90.0, 230.0, Side::Left),
    ];
    let found = top(5, &marks);
    assert!(
        found.iter().all(|(_, side)| *side == Side::Left),
        "{found:?}"
    );
    assert!(
        found[..2].contains(&("upper_trapezius".to_owned(), Side::Left)),
        "{found:?}"
    );
}

#[test]
fn buttock_and_back_of_thigh_point_to_gluteus_minimus_and_piriformis() {
    // Patient's right buttock and back of the thigh (back view, x > 200).
    let marks = [mark(225.0, 425.0), mark(228.0, 480.0), mark(226.0, 520.0)];
    let found = top(3, &marks);
    assert!(
        found.contains(&("gluteus_minimus".to_owned(), Side::Right)),
        "{found:?}"
    );
    assert!(
        found.contains(&("piriformis".to_owned(), Side::Right)),
        "{found:?}"
    );
    // Mirrored to the left buttock and thigh, the answer moves to the left side.
    let marks: Vec<PainMark> = marks
        .iter()
        .map(|m| mark(400.0 - m.pos.x, m.pos.y))
        .collect();
    let found = top(3, &marks);
    assert!(
        found.iter().all(|(_, side)| *side == Side::Left),
        "{found:?}"
    );
    assert!(
        found.contains(&("gluteus_minimus".to_owned(), Side::Left)),
        "{found:?}"
    );
}

#[test]
fn no_marks_no_candidates() {
    assert!(rank(&embedded().atlas, &[]).is_empty());
}

#[test]
fn the_pain_guide_names_atlas_muscles_and_zone_areas() {
    use trigger_atlas::model::pain_guide::PainGuide;
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/pain_guide.ron"),
    )
    .expect("data/pain_guide.ron");
    let guide = PainGuide::parse(&text).expect("a valid guide");
    assert!(guide.areas.len() >= 25, "{} areas", guide.areas.len());
    assert!(!guide.sources.is_empty());
    let atlas = embedded().atlas;
    let used: Vec<&str> = atlas
        .muscles
        .iter()
        .flat_map(|m| {
            m.zones
                .iter()
                .flat_map(|z| z.areas.iter().map(String::as_str))
        })
        .collect();
    for area in &guide.areas {
        assert!(
            !area.source.is_empty(),
            "{}: say where the order comes from",
            area.name
        );
        for id in &area.muscles {
            assert!(
                atlas.muscles.iter().any(|m| &m.id.0 == id),
                "{}: unknown muscle {id}",
                area.name
            );
        }
        for m in &area.matches {
            assert!(
                used.contains(&m.as_str()),
                "{}: no zone uses \"{m}\"",
                area.name
            );
        }
    }
}

#[test]
fn equal_matches_for_a_temple_headache_are_ordered_by_how_often_each_muscle_causes_it() {
    let atlas = embedded().atlas;
    let mark = PainMark {
        view: ViewId("head_side".into()),
        panel_side: Side::Right,
        pos: pos2(160.0, 80.0),
        radius: 6.0,
    };
    let ranked = rank(&atlas, &[mark]);
    let top = ranked[0].score;
    let tied: Vec<&str> = ranked
        .iter()
        .filter(|c| (c.score - top).abs() < 1e-6 && c.essential == ranked[0].essential)
        .map(|c| c.muscle.0.as_str())
        .collect();
    assert!(tied.len() >= 2, "a tie to break: {tied:?}");
    let guide = trigger_atlas::model::pain_guide::pain_guide();
    let temple = guide
        .areas
        .iter()
        .find(|a| a.matches.iter().any(|m| m == "temple"))
        .expect("the guide lists the temple");
    // The tied muscles come in the guide's order (those it lists), the rest after.
    let listed: Vec<&str> = temple
        .muscles
        .iter()
        .map(String::as_str)
        .filter(|m| tied.contains(m))
        .collect();
    assert_eq!(
        &tied[..listed.len()],
        &listed[..],
        "ties follow the guide: {tied:?}"
    );
    assert_eq!(
        tied[0], "upper_trapezius",
        "the commonest cause of temple pain first"
    );
}
