//! Warning signs by region: every pattern gets the lists of the regions it reaches,
//! the handout and `show --json` carry them, and bad warning data is reported.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use trigger_atlas::export::{HandoutSpec, handout_ui};
use trigger_atlas::io::load_atlas;
use trigger_atlas::model::{Atlas, ErrorKind, MuscleId};
use trigger_atlas::theme::Theme;

use crate::{embedded, temp_dir};

fn regions_of(atlas: &Atlas, id: &str) -> Vec<String> {
    let m = atlas.muscle(&MuscleId(id.into())).expect("muscle");
    atlas.warnings_for(m).iter().map(|r| r.id.clone()).collect()
}

#[test]
fn every_pattern_lies_in_regions_that_have_warning_signs() {
    let atlas = embedded().atlas;
    assert!(atlas.warnings.regions.len() >= 7);
    for region in &atlas.warnings.regions {
        assert!(region.signs.len() >= 4, "{}: too few signs", region.id);
        assert!(!region.sources.is_empty(), "{}: no source", region.id);
        assert!(
            !region.clinician.is_empty(),
            "{}: no clinician text",
            region.id
        );
    }
    for m in &atlas.muscles {
        assert!(
            atlas.warnings.unplaced_areas(m).is_empty(),
            "{}: areas in no region: {:?}",
            m.id,
            atlas.warnings.unplaced_areas(m)
        );
        assert!(
            !atlas.warnings_for(m).is_empty(),
            "{}: no warning signs",
            m.id
        );
    }
}

#[test]
fn a_headache_pattern_gets_the_headache_signs_and_a_chest_pattern_the_heart_signs() {
    let atlas = embedded().atlas;
    for headache in [
        "upper_trapezius",
        "temporalis",
        "sternocleidomastoid_sternal",
    ] {
        let regions = regions_of(&atlas, headache);
        assert!(
            regions.contains(&"head".to_owned()),
            "{headache}: {regions:?}"
        );
        assert!(
            !regions.contains(&"back".to_owned()),
            "{headache}: {regions:?}"
        );
    }
    assert!(regions_of(&atlas, "pectoralis_major").contains(&"chest".to_owned()));
    assert!(regions_of(&atlas, "gluteus_minimus").contains(&"leg".to_owned()));
    assert!(regions_of(&atlas, "quadratus_lumborum").contains(&"back".to_owned()));
}

/// The handout of `id` (right side) in a harness, so its text can be read.
fn handout(atlas: Atlas, id: &str) -> Harness<'static, ()> {
    let spec = HandoutSpec {
        muscle: MuscleId(id.into()),
        side: trigger_atlas::model::SideChoice::Right,
        date: "2026-12-02".into(),
        trigger_point: None,
        marks: Vec::new(),
        note: trigger_atlas::model::ClinicianNote::default(),
    };
    let theme = Theme::light();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1240.0, 1754.0))
        .build_ui(move |ui| handout_ui(ui, &atlas, &theme, &spec));
    h.run();
    h
}

#[test]
fn a_temple_headache_handout_warns_of_a_sudden_headache_not_of_low_back_signs() {
    let h = handout(embedded().atlas, "upper_trapezius");
    for sign in [
        "reaches its worst within a minute",
        "fever and a stiff neck",
        "jaw pain when chewing",
    ] {
        assert!(
            h.query_by_label_contains(sign).is_some(),
            "the upper trapezius handout lacks \"{sign}\""
        );
    }
    assert!(
        h.query_by_label_contains("around your bottom").is_none(),
        "a headache handout shows the low-back list"
    );
    let h = handout(embedded().atlas, "pectoralis_major");
    assert!(h.query_by_label_contains("more than 15 minutes").is_some());
}

#[test]
fn a_zone_area_in_no_region_is_an_error_at_its_zone_and_a_users_warnings_file_can_place_it() {
    let dir = temp_dir("warning-areas");
    std::fs::create_dir_all(dir.join("muscles")).expect("mkdir");
    let masseter = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/muscles/masseter.ron"),
    )
    .expect("read")
    .replace("id: \"masseter\"", "id: \"my_masseter\"")
    .replacen("areas: [\"", "areas: [\"behind the molars\", \"", 1);
    std::fs::write(dir.join("muscles/mine.ron"), &masseter).expect("write");
    let report = load_atlas(Some(&dir));
    let e = report
        .errors
        .iter()
        .find(|e| e.message.contains("behind the molars"))
        .expect("an error for the area");
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert!(e.file.ends_with("mine.ron"));
    let zone_line = masseter
        .lines()
        .position(|l| l.contains("behind the molars"))
        .expect("line")
        + 1;
    assert_eq!(e.position.line, zone_line, "{e}");
    assert!(e.message.contains("warnings.ron"), "says what to fix: {e}");
    assert!(
        report
            .atlas
            .muscle(&MuscleId("my_masseter".into()))
            .is_none()
    );

    // The user's own warnings.ron places the area; the muscle then loads.
    std::fs::write(
        dir.join("warnings.ron"),
        "(regions: [], areas: {\"behind the molars\": \"head\"})",
    )
    .expect("write");
    let report = load_atlas(Some(&dir));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(regions_of(&report.atlas, "my_masseter"), ["head"]);
}

#[test]
fn a_warnings_file_naming_an_unknown_region_is_reported_with_its_position() {
    let dir = temp_dir("warning-regions");
    std::fs::write(
        dir.join("warnings.ron"),
        "(\n    regions: [],\n    areas: {\n        \"elbow\": \"elbows\",\n    },\n)",
    )
    .expect("write");
    let report = load_atlas(Some(&dir));
    let e = report
        .errors
        .iter()
        .find(|e| e.file.ends_with("warnings.ron"))
        .expect("an error in warnings.ron");
    assert_eq!((e.position.line, e.position.column), (4, 18), "{e}");
    assert!(
        e.message.contains("\"elbows\"") && e.message.contains("head"),
        "{e}"
    );
    // The rest still loads, with the embedded warnings.
    assert_eq!(report.atlas.muscles.len(), embedded().atlas.muscles.len());
    assert!(!report.atlas.warnings.regions.is_empty());
}

#[test]
fn every_handout_fits_its_page_at_ten_points_or_more() {
    use egui_kittest::kittest::NodeT as _;
    // 10 pt at 150 dpi is 20.8 pixels.
    for width in [1240.0, 1275.0] {
        assert!(trigger_atlas::export::body_type_px(width) >= 10.0 / 72.0 * 150.0);
    }
    let atlas = embedded().atlas;
    let ids: Vec<String> = atlas.muscles.iter().map(|m| m.id.0.clone()).collect();
    let mut overflowing = Vec::new();
    for id in ids {
        let h = handout(atlas.clone(), &id);
        // The lowest text on the page: the disclaimer and date close the handout.
        let bottom = h
            .root()
            .children_recursive()
            .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::Label)
            .map(|n| n.rect().bottom())
            .fold(0.0_f32, f32::max);
        assert!(
            bottom > 900.0,
            "{id}: the handout's text was measured ({bottom})"
        );
        if bottom > 1754.0 {
            overflowing.push(format!("{id}: text ends at {bottom:.0} px"));
        }
    }
    assert!(overflowing.is_empty(), "{overflowing:#?}");
}

#[test]
fn a_self_care_caution_that_names_an_urgent_sign_says_to_get_help_right_away() {
    // Signs that the regions' warning lists send to medical help right away. A
    // muscle's caution that names one must say so in a sentence that is urgent, not
    // only "see a doctor" or "soon" ("Do the same" carries on the sentence before).
    const URGENT_SIGNS: [&str; 15] = [
        "chest pain",
        "shortness of breath",
        "swollen, warm",
        "pale, blue",
        "turns blue",
        "drags",
        "cannot lift",
        "goes weak",
        "suddenly goes numb",
        "blood in",
        "see blood",
        "bleed from the back passage",
        "lose bladder",
        "lose bowel",
        "stiff neck",
    ];
    const RIGHT_AWAY: [&str; 5] = ["right away", "urgent", "emergency", "at once", "now"];
    let atlas = crate::embedded().atlas;
    let mut weak = Vec::new();
    for m in &atlas.muscles {
        let caution = m.self_care.caution.to_lowercase();
        let mut urgent_sentences: Vec<&str> = Vec::new();
        let mut before_urgent = false;
        for sentence in caution.split(". ") {
            let urgent = RIGHT_AWAY.iter().any(|s| sentence.contains(s))
                || (before_urgent && sentence.starts_with("do the same"));
            if urgent {
                urgent_sentences.push(sentence);
            }
            before_urgent = urgent;
        }
        for sign in URGENT_SIGNS.iter().filter(|s| caution.contains(*s)) {
            if !urgent_sentences.iter().any(|s| s.contains(sign)) {
                weak.push(format!("{}: \"{sign}\" in \"{caution}\"", m.id.0));
            }
        }
    }
    assert!(weak.is_empty(), "{} cautions: {weak:#?}", weak.len());
}
