//! Every area where patients report pain leads to at least one muscle: a mark on that
//! area, ranked by the pain finder, finds a muscle whose zones cover it.

use egui::pos2;
use trigger_atlas::finder::{PainMark, rank};
use trigger_atlas::model::{Side, ViewId};

use crate::embedded;

/// (pain area, view, x, y) — a spot in the middle of the area, on the patient's right.
const PAIN_AREAS: &[(&str, &str, f32, f32)] = &[
    ("head: temple (tension headache)", "head_side", 160.0, 80.0),
    ("head: back of the head", "head_side", 64.0, 130.0),
    ("face and jaw", "head_side", 165.0, 160.0),
    ("neck", "back", 214.0, 135.0),
    ("top of the shoulder", "back", 275.0, 180.0),
    ("shoulder blade", "back", 226.0, 222.0),
    ("front of the shoulder", "front", 112.0, 190.0),
    ("mid back", "back", 214.0, 270.0),
    ("low back", "back", 225.0, 365.0),
    ("chest", "front", 165.0, 210.0),
    ("abdomen", "front", 180.0, 320.0),
    ("upper arm", "front", 108.0, 270.0),
    ("outer elbow (tennis elbow)", "back", 306.0, 333.0),
    ("inner elbow (golfer's elbow)", "front", 111.0, 336.0),
    ("back of the forearm", "back", 302.0, 380.0),
    ("wrist and back of the hand", "back", 310.0, 445.0),
    ("palm", "front", 90.0, 455.0),
    ("thumb", "front", 74.0, 460.0),
    ("buttock", "back", 232.0, 425.0),
    ("back of the thigh", "back", 230.0, 500.0),
    ("hip", "side", 196.0, 432.0),
    ("groin", "front", 180.0, 425.0),
    ("front of the thigh", "front", 165.0, 500.0),
    ("outer thigh", "side", 205.0, 500.0),
    ("knee", "front", 169.0, 598.0),
    ("back of the knee", "back", 230.0, 603.0),
    ("shin", "front", 166.0, 690.0),
    ("calf", "back", 232.0, 660.0),
    ("outer ankle", "side", 198.0, 792.0),
    ("top of the foot", "front", 168.0, 815.0),
    ("heel", "sole", 125.0, 345.0),
    ("sole and ball of the foot", "sole", 120.0, 160.0),
];

#[test]
fn every_pain_area_patients_report_leads_to_a_muscle() {
    let atlas = embedded().atlas;
    let uncovered: Vec<&str> = PAIN_AREAS
        .iter()
        .filter(|(_, view, x, y)| {
            let mark = PainMark {
                view: ViewId((*view).to_owned()),
                panel_side: Side::Right,
                pos: pos2(*x, *y),
                radius: 6.0,
            };
            let view = atlas.view(&mark.view).expect("view exists");
            assert!(
                view.contains_body_point(mark.pos),
                "{} is off the body",
                mark.view
            );
            !rank(&atlas, &[mark]).iter().any(|c| c.side == Side::Right)
        })
        .map(|(area, ..)| *area)
        .collect();
    assert!(
        uncovered.is_empty(),
        "no muscle refers pain to: {}",
        uncovered.join("; ")
    );
}

#[test]
fn the_pain_pattern_index_lists_each_entry_once_with_its_volume() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/pain_index.ron"),
    )
    .expect("data/pain_index.ron");
    let index = trigger_atlas::model::pain_index::PainIndex::parse(&text).expect("valid index");
    assert!(
        index.entries.len() >= 100,
        "{} entries",
        index.entries.len()
    );
    assert!(
        !index.sources.is_empty(),
        "the index cites where its list comes from"
    );
    for (i, e) in index.entries.iter().enumerate() {
        assert!(matches!(e.volume, 1 | 2), "{}: volume {}", e.id, e.volume);
        assert!(
            index.entries[i + 1..].iter().all(|o| o.id != e.id),
            "{} listed twice",
            e.id
        );
    }
    // The program's own copy is this file.
    assert_eq!(
        trigger_atlas::model::pain_index::pain_index().entries,
        index.entries
    );
}

#[test]
fn every_muscle_file_says_which_index_entries_it_draws() {
    let atlas = crate::embedded().atlas;
    let index = trigger_atlas::model::pain_index::pain_index();
    for m in &atlas.muscles {
        assert!(!m.covers.is_empty(), "{} covers no index entry", m.id);
        for id in &m.covers {
            assert!(index.entry(id).is_some(), "{}: unknown entry {id}", m.id);
        }
    }
}

#[test]
fn every_entry_of_the_pain_pattern_indexes_has_a_muscle_file() {
    let atlas = crate::embedded().atlas;
    let index = trigger_atlas::model::pain_index::pain_index();
    let missing: Vec<&str> = index
        .entries
        .iter()
        .filter(|e| !atlas.muscles.iter().any(|m| m.covers.contains(&e.id)))
        .map(|e| e.name.as_str())
        .collect();
    assert!(missing.is_empty(), "no muscle file draws: {missing:?}");
}

#[test]
fn searching_a_condition_finds_the_muscles_that_mimic_it() {
    // What a clinician types, and muscles the sources say commonly cause it.
    let cases: &[(&str, &[&str])] = &[
        (
            "sciatica",
            &["quadratus_lumborum", "gluteus_minimus", "piriformis"],
        ),
        (
            "angina",
            &["sternalis", "pectoralis_major", "pectoralis_minor"],
        ),
        (
            "pelvic pain",
            &["levator_ani", "coccygeus", "obturator_internus"],
        ),
        ("tailbone", &["coccygeus", "levator_ani", "sphincter_ani"]),
        ("carpal", &["pronator_teres", "palmaris_longus", "scalenes"]),
        (
            "groin",
            &["iliopsoas", "adductor_longus_brevis", "pectineus"],
        ),
        ("toothache", &["masseter", "temporalis", "buccinator"]),
    ];
    let atlas = crate::embedded().atlas;
    for (query, expected) in cases {
        let found: Vec<&str> = atlas
            .muscles
            .iter()
            .filter(|m| trigger_atlas::ui::list::search_matches(&atlas, m, query))
            .map(|m| m.id.0.as_str())
            .collect();
        for id in *expected {
            assert!(
                found.contains(id),
                "\"{query}\" does not find {id}: {found:?}"
            );
        }
    }
}
