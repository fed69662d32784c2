//! Functional groups: a student studies the rotator cuff as a group, with each
//! member's pattern and links; the quiz can be limited to a group; bad group data is
//! reported at its place.

use egui_kittest::kittest::Queryable as _;
use trigger_atlas::AtlasApp;
use trigger_atlas::app::Command;
use trigger_atlas::io::load_atlas;
use trigger_atlas::model::MuscleId;
use trigger_atlas::quiz::QuizState;
use trigger_atlas::ui::quiz_panel::QuizAction;

use crate::{embedded, temp_dir};

const CUFF: [&str; 4] = [
    "supraspinatus",
    "infraspinatus",
    "teres_minor",
    "subscapularis",
];

#[test]
fn the_groups_courses_teach_are_there_with_real_members_and_sources() {
    let atlas = embedded().atlas;
    for id in [
        "rotator_cuff",
        "mastication",
        "posterior_neck",
        "paraspinals",
        "hip_abductors",
        "adductors",
        "quadriceps",
        "hamstrings",
        "triceps_surae",
        "forearm_extensors",
        "forearm_flexors",
        "thenar",
    ] {
        let g = atlas.group(id).unwrap_or_else(|| panic!("no group {id}"));
        assert!(!g.members.is_empty() && !g.sources.is_empty(), "{id}");
        assert!(g.members.iter().all(|m| atlas.muscle(m).is_some()), "{id}");
    }
    let cuff = atlas.group("rotator_cuff").expect("cuff");
    let ids: Vec<&str> = cuff.members.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(ids, CUFF);
    // Links point at real muscles, never at the muscle itself.
    for m in &atlas.muscles {
        for id in m.synergists.iter().chain(&m.associated) {
            assert!(atlas.muscle(id).is_some(), "{}: unknown link {id}", m.id);
            assert_ne!(id, &m.id, "{} links to itself", m.id);
        }
    }
}

#[test]
fn searching_for_a_group_lists_its_members_and_a_link_selects_a_synergist() {
    let report = embedded();
    let app = AtlasApp::from_parts(report.atlas, report.errors);
    let mut h = crate::harness_for(app, crate::WINDOW);
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("rotator cuff");
    h.run();
    for name in [
        "Supraspinatus (deep)",
        "Infraspinatus",
        "Teres minor",
        "Subscapularis (deep)",
    ] {
        assert!(h.query_by_label(name).is_some(), "{name} listed");
    }
    assert!(h.query_by_label("Masseter").is_none());
    h.get_by_label("Supraspinatus (deep)").click();
    h.run();
    assert!(
        h.query_by_label_contains("Rotator cuff").is_some(),
        "its groups"
    );
    assert!(
        h.query_by_label_contains("Nerve supply").is_some(),
        "its anatomy"
    );
    // "Works with": the deltoid link selects the deltoid.
    h.get_by_label("Works with: Deltoid").click();
    h.run();
    assert_eq!(h.state().work.selected, Some(MuscleId("deltoid".into())));
}

#[test]
fn the_list_groups_by_function_and_a_group_link_lists_the_group() {
    let report = embedded();
    let app = AtlasApp::from_parts(report.atlas, report.errors);
    let mut h = crate::harness_for(app, crate::WINDOW);
    h.get_by_label("Function").click();
    h.run();
    assert!(
        h.query_by_label_contains("Muscles of mastication")
            .is_some()
    );
    assert!(h.query_by_label_contains("Hamstrings").is_some());
    h.state_mut().apply(Command::ShowGroup("quadriceps".into()));
    h.run();
    assert_eq!(h.state().work.search, "Quadriceps");
    for name in ["Rectus femoris", "Vastus lateralis", "Vastus medialis"] {
        assert!(h.query_all_by_label(name).next().is_some(), "{name} listed");
    }
    assert!(h.query_by_label("Masseter").is_none());
}

#[test]
fn a_quiz_limited_to_a_group_asks_only_about_its_members() {
    let report = embedded();
    let mut app = AtlasApp::from_parts(report.atlas, report.errors);
    app.work.quiz = QuizState::with_seed(7);
    app.apply(Command::SetMode(trigger_atlas::app::Mode::Quiz));
    app.apply(Command::Quiz(QuizAction::SetGroup(Some(
        "rotator_cuff".into(),
    ))));
    for _ in 0..20 {
        let q = app.work.quiz.question.as_ref().expect("a question");
        assert!(CUFF.contains(&q.muscle().0.as_str()), "{:?}", q.muscle());
        app.apply(Command::Quiz(QuizAction::Next));
    }
}

#[test]
fn unknown_ids_in_groups_and_links_are_reported_at_their_place_and_the_rest_loads() {
    let dir = temp_dir("bad-groups");
    std::fs::create_dir_all(dir.join("muscles")).expect("mkdir");
    std::fs::write(
        dir.join("groups.ron"),
        "(groups: [\n    (id: \"my_cuff\", name: \"My cuff\", description: \"Mine.\",\n     members: [\"supraspinatus\", \"supraspinatis\"],\n     sources: [(citation: \"A book\")]),\n])",
    )
    .expect("write");
    let masseter = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/muscles/masseter.ron"),
    )
    .expect("read")
    .replace("id: \"masseter\"", "id: \"my_masseter\"")
    .replacen("synergists: [", "synergists: [\"temporalys\", ", 1);
    std::fs::write(dir.join("muscles/mine.ron"), &masseter).expect("write");
    let report = load_atlas(Some(&dir));
    let group_error = report
        .errors
        .iter()
        .find(|e| e.message.contains("supraspinatis"))
        .expect("unknown group member reported");
    assert!(group_error.file.ends_with("groups.ron"));
    assert_eq!(
        (group_error.position.line, group_error.position.column),
        (3, 33)
    );
    let link_error = report
        .errors
        .iter()
        .find(|e| e.message.contains("temporalys"))
        .expect("unknown link reported");
    let line = masseter
        .lines()
        .position(|l| l.contains("temporalys"))
        .expect("line")
        + 1;
    assert_eq!(link_error.position.line, line, "{link_error}");
    assert!(link_error.message.contains("synergists"));
    // The group keeps its known member; the muscle loads without the bad link.
    let mine = report.atlas.group("my_cuff").expect("group loads");
    assert_eq!(mine.members, [MuscleId("supraspinatus".into())]);
    let m = report
        .atlas
        .muscle(&MuscleId("my_masseter".into()))
        .expect("muscle loads");
    assert!(!m.synergists.is_empty());
    assert!(m.synergists.iter().all(|s| s.0 != "temporalys"));
}
