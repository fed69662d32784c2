//! What a screen reader finds in the AccessKit tree: names that stand alone, roles,
//! states, values and the announcements of changes.

use egui::accesskit::{Live, Role};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use trigger_atlas::ui::a11y::ANNOUNCER;

use crate::ui::{click_label, harness_sized, type_key};

fn harness() -> egui_kittest::Harness<'static, trigger_atlas::AtlasApp> {
    harness_sized(1400.0, 900.0)
}

/// The status line's text (the last announcement).
fn announced(h: &egui_kittest::Harness<'_, trigger_atlas::AtlasApp>) -> String {
    let status = h
        .query_all_by_role(Role::Status)
        .next()
        .unwrap_or_else(|| panic!("no {ANNOUNCER} status node"));
    assert_eq!(status.accesskit_node().live(), Live::Polite);
    status.accesskit_node().label().unwrap_or_default()
}

#[test]
fn the_window_is_named_and_the_details_have_headings_and_named_links() {
    let mut h = harness();
    let root = h.root();
    assert_eq!(root.accesskit_node().role(), Role::Window);
    assert_eq!(
        root.accesskit_node().label().as_deref(),
        Some("Trigger Point Atlas"),
        "the window is named by its title"
    );
    click_label(&mut h, "Upper trapezius");
    for heading in ["In plain words", "Clinical description", "Sources"] {
        assert_eq!(
            h.get_by_label(heading).accesskit_node().role(),
            Role::Heading,
            "{heading}"
        );
    }
    let link = h
        .query_all_by_label_contains("Open the source:")
        .next()
        .expect("a source link named by what it opens");
    assert_eq!(link.accesskit_node().role(), Role::Link);
    // No link is named by a raw address.
    assert!(
        h.query_all_by_label_contains("http")
            .all(|n| n.accesskit_node().role() != Role::Link)
    );
}

#[test]
fn the_list_reports_the_selected_and_compared_muscles_and_open_sections() {
    let mut h = harness();
    click_label(&mut h, "Gluteus minimus (deep)");
    let item = h.get_by_label("Gluteus minimus (deep)");
    assert_eq!(item.accesskit_node().role(), Role::ListItem);
    assert_eq!(item.accesskit_node().is_selected(), Some(true));
    let other = h.get_by_label("Gluteus medius");
    assert_eq!(other.accesskit_node().is_selected(), Some(false));
    h.get_by_label("Piriformis (deep)").scroll_to_me();
    h.run();
    h.get_by_label("Piriformis (deep)")
        .click_modifiers(egui::Modifiers::SHIFT);
    h.run();
    assert!(h.query_by_label("Piriformis (deep) (compared)").is_some());
    assert!(
        h.query_by_label("Remove Piriformis").is_some(),
        "Remove names its muscle"
    );
    let section = h.get_by_label("Low back and hip");
    assert_eq!(section.accesskit_node().data().is_expanded(), Some(true));
}

#[test]
fn buttons_that_repeat_are_named_for_what_they_act_on() {
    let mut h = harness();
    h.get_by_label("Lessons").click();
    h.run();
    assert!(h.query_by_label("Start: Sciatica mimics").is_some());
    assert!(h.query_by_label("Start").is_none(), "no bare Start button");
}

#[test]
fn the_body_map_says_what_it_shows_and_changes_are_announced() {
    let mut h = harness();
    click_label(&mut h, "Temporalis");
    let map = h.get_by_label_contains("Body map: Temporalis, right side.");
    assert_eq!(map.accesskit_node().live(), Live::Polite);
    let text = map.accesskit_node().label().unwrap_or_default();
    for said in ["Views:", "Trigger points", "Essential zone:"] {
        assert!(text.contains(said), "{text}");
    }
    assert!(announced(&h).starts_with("Temporalis, right side. Essential zone:"));
    type_key(&mut h, "l");
    assert!(
        announced(&h).starts_with("Temporalis, left side"),
        "{}",
        announced(&h)
    );
    // A search says how many it found.
    type_key(&mut h, "/");
    type_key(&mut h, "headache");
    let said = announced(&h);
    assert!(said.ends_with("muscles found for \"headache\"."), "{said}");
}

#[test]
fn lesson_steps_and_quiz_answers_are_announced() {
    let mut h = harness();
    h.key_press(egui::Key::F2);
    h.run();
    type_key(&mut h, "1");
    let title = h.state().content.lessons[0].title.clone();
    assert!(
        announced(&h).starts_with(&format!("{title}, step 1 of")),
        "{}",
        announced(&h)
    );
    h.key_press(egui::Key::PageDown);
    h.run();
    assert!(announced(&h).contains("step 2 of"), "{}", announced(&h));
    h.key_press(egui::Key::Escape);
    h.run();
    // The quiz: answer with a key and hear the verdict.
    type_key(&mut h, "m");
    type_key(&mut h, "m");
    assert_eq!(h.state().work.mode, trigger_atlas::app::Mode::Quiz);
    let region = h
        .query_all_by_label("Region")
        .find(|n| n.accesskit_node().role() == Role::ComboBox)
        .expect("the Region combo box");
    assert_eq!(
        region.accesskit_node().value().as_deref(),
        Some("All regions")
    );
    type_key(&mut h, "1");
    let said = announced(&h);
    assert!(
        said.starts_with("Correct") || said.starts_with("Not quite"),
        "{said}"
    );
}

/// Picks `option` in the combo box labelled `combo`, as a keyboard or mouse user does.
pub(crate) fn pick(
    h: &mut egui_kittest::Harness<'_, trigger_atlas::AtlasApp>,
    combo: &str,
    option: &str,
) {
    h.query_all_by_label(combo)
        .find(|n| n.accesskit_node().role() == Role::ComboBox)
        .expect("the combo box")
        .click();
    h.run();
    h.get_by_label(option).scroll_to_me();
    h.run();
    h.get_by_label(option).click();
    h.run();
}

#[test]
fn pain_is_marked_and_listed_without_a_pointer() {
    let mut h = harness();
    type_key(&mut h, "m");
    assert_eq!(h.state().work.mode, trigger_atlas::app::Mode::Finder);
    pick(&mut h, "Area", "temple");
    h.get_by_label("Add a mark: temple, right side").click();
    h.run();
    assert_eq!(h.state().work.finder.marks.len(), 1);
    // The mark in words, and the muscles that refer there.
    assert!(h.query_by_label_contains("1. temple, right side").is_some());
    let found: Vec<String> = h
        .state()
        .work
        .finder
        .candidates
        .iter()
        .map(|c| c.muscle.0.clone())
        .collect();
    assert!(found.iter().any(|m| m == "temporalis"), "{found:?}");
    h.get_by_label("Remove mark 1: temple").click();
    h.run();
    assert!(h.state().work.finder.marks.is_empty());
}

#[test]
fn the_quiz_can_be_taken_without_a_pointer() {
    let mut h = harness();
    type_key(&mut h, "m");
    type_key(&mut h, "m");
    // Name the muscle: the pattern is also given in words.
    assert!(
        h.query_by_label_contains("The pattern in words: ")
            .is_some()
    );
    h.get_by_label("Find the pain").click();
    h.run();
    let app = h.state();
    let question = app.work.quiz.question.clone().expect("a question");
    let muscle = app.content.atlas.muscle(question.muscle()).expect("muscle");
    // An area the pattern names scores, wherever the atlas's usual place for that
    // name lies (every muscle and area is checked in quiz.rs).
    let right_place = muscle.areas(trigger_atlas::model::ZoneKind::Essential)[0].to_owned();
    pick(&mut h, "Answer area", &right_place);
    h.get_by_label(&format!("Answer: {right_place}")).click();
    h.run();
    let feedback = h.state().work.quiz.feedback.clone().expect("answered");
    assert!(feedback.scores(), "{right_place}: {feedback:?}");
    assert!(announced(&h).starts_with("Correct"), "{}", announced(&h));
}

#[test]
fn f6_moves_between_the_list_the_map_and_the_details_and_the_arrows_step_on_the_map() {
    let mut h = harness();
    click_label(&mut h, "Temporalis");
    let focused = |h: &egui_kittest::Harness<'_, trigger_atlas::AtlasApp>| {
        h.ctx.memory(egui::Memory::focused)
    };
    let list = egui::Id::unique(trigger_atlas::ui::list::SEARCH_ID);
    let map = trigger_atlas::ui::canvas::map_id();
    let details = trigger_atlas::ui::details::details_id();
    let mut seen = Vec::new();
    for _ in 0..3 {
        h.key_press(egui::Key::F6);
        h.run();
        seen.push(focused(&h));
    }
    assert_eq!(seen, [Some(list), Some(map), Some(details)]);
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F6);
    h.run();
    assert_eq!(focused(&h), Some(map), "Shift+F6 goes back");
    // On the map, Down selects the next muscle of the region and the focus stays.
    let before = h.state().work.selected.clone();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.run();
    assert_ne!(
        h.state().work.selected,
        before,
        "Down stepped to another muscle"
    );
    assert_eq!(focused(&h), Some(map), "the focus stays on the map");
}

#[test]
fn a_dialog_takes_the_focus_when_it_opens_and_gives_it_back_when_it_closes() {
    let mut h = harness();
    click_label(&mut h, "Temporalis");
    h.key_press(egui::Key::F6);
    h.run();
    h.key_press(egui::Key::F6);
    h.run();
    let map = trigger_atlas::ui::canvas::map_id();
    assert_eq!(h.ctx.memory(egui::Memory::focused), Some(map));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.run();
    let first = h.get_by_label("1920 × 1080");
    assert!(
        first.accesskit_node().is_focused(),
        "the Export window's first control has the focus"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    h.run();
    assert!(!h.state().windows.export);
    assert_eq!(
        h.ctx.memory(egui::Memory::focused),
        Some(map),
        "focus back on the map"
    );
}

#[test]
fn tab_follows_the_screen_from_the_list_to_the_map_to_the_details() {
    let mut h = harness();
    click_label(&mut h, "Temporalis");
    h.key_press(egui::Key::F6); // into the list's search box
    h.run();
    assert!(
        h.ctx.text_edit_focused(),
        "F6 puts the focus in the search box"
    );
    h.key_press(egui::Key::Escape); // leave the text field; the selection stays
    h.run();
    assert!(
        h.state().work.selected.is_some(),
        "Esc in the search box keeps the selection"
    );
    let map = trigger_atlas::ui::canvas::map_id();
    let (mut at_map, mut at_details) = (None, None);
    for i in 0..400 {
        h.key_press(egui::Key::Tab);
        h.run();
        if h.ctx.memory(egui::Memory::focused) == Some(map) && at_map.is_none() {
            at_map = Some(i);
        }
        // The first control of the details: the choice of trigger point.
        if h.query_by_label("All trigger points")
            .is_some_and(|n| n.accesskit_node().is_focused())
        {
            at_details = Some(i);
            break;
        }
    }
    let map_at = at_map.expect("Tab reaches the map");
    let details_at = at_details.expect("Tab reaches the details");
    assert!(
        map_at < details_at,
        "the map ({map_at}) comes before the details ({details_at})"
    );
}
