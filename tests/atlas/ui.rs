//! UI tests: a user clicks the list, the body and the side buttons; we check the
//! selection and the pixels actually drawn.

use egui::{Pos2, Rect, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT as _;
use egui_kittest::kittest::Queryable as _;
use trigger_atlas::AtlasApp;
use trigger_atlas::draw::layout::Panel;
use trigger_atlas::model::SideChoice;
use trigger_atlas::model::{MuscleId, Side, ViewId};
use trigger_atlas::theme::Theme;

use crate::embedded;

/// The shared harness: fixed size, light theme, 1 pixel per point.
fn harness() -> Harness<'static, AtlasApp> {
    harness_sized(1400.0, 900.0)
}

/// A harness of a given size; snapshots use a small one to keep the images small.
pub(crate) fn harness_sized(width: f32, height: f32) -> Harness<'static, AtlasApp> {
    let report = embedded();
    let app = AtlasApp::from_parts(report.atlas, report.errors);
    crate::harness_for(app, vec2(width, height))
}

fn panel(view: &str) -> Panel {
    Panel {
        view: ViewId(view.to_owned()),
        side: Side::Right,
    }
}

pub(crate) fn panel_rect(h: &Harness<'_, AtlasApp>, view: &str) -> Rect {
    h.state()
        .canvas
        .placed
        .iter()
        .find(|(p, _)| p.view.0 == view)
        .map_or_else(|| panic!("no {view} panel on screen"), |(_, r)| *r)
}

/// Screen position of a body point on a panel, through the app's own transform.
pub(crate) fn on_screen(h: &Harness<'_, AtlasApp>, view: &str, pos_in_body: Pos2) -> Pos2 {
    let app = h.state();
    app.canvas
        .screen_pos(&app.content.atlas, &panel(view), pos_in_body)
        .expect("panel on screen")
}

/// Clicks a widget by its label, scrolling it into view first as a user would.
pub(crate) fn click_label(h: &mut Harness<'_, AtlasApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

pub(crate) fn click_at(h: &mut Harness<'_, AtlasApp>, pos: Pos2) {
    h.hover_at(pos);
    h.run();
    h.drag_at(pos);
    h.drop_at(pos);
    h.run();
}

/// Whether pixel `p` is `colour` within `tolerance` per channel.
pub(crate) fn near(p: image::Rgba<u8>, colour: egui::Color32, tolerance: u8) -> bool {
    let [r, g, b, _] = p.0;
    r.abs_diff(colour.r()) <= tolerance
        && g.abs_diff(colour.g()) <= tolerance
        && b.abs_diff(colour.b()) <= tolerance
}

/// Counts pixels of the essential-zone colour in the left and right halves of the
/// panel showing `view`.
fn essential_pixels(h: &mut Harness<'_, AtlasApp>, view: &str) -> (usize, usize) {
    let rect = panel_rect(h, view);
    let image = h.render().expect("render");
    let target = Theme::light().essential;
    let (mut left, mut right) = (0, 0);
    for y in rect.top() as u32..rect.bottom() as u32 {
        for x in rect.left() as u32..rect.right() as u32 {
            let Some(p) = image.get_pixel_checked(x, y) else {
                continue;
            };
            if near(*p, target, 10) {
                if (x as f32) < rect.center().x {
                    left += 1;
                } else {
                    right += 1;
                }
            }
        }
    }
    (left, right)
}

#[test]
fn picking_a_muscle_in_the_list_selects_it_and_draws_its_zones() {
    let mut h = harness();
    assert_eq!(
        essential_pixels(&mut h, "back"),
        (0, 0),
        "nothing drawn before selecting"
    );
    click_label(&mut h, "Piriformis (deep)");
    assert_eq!(h.state().work.selected, Some(MuscleId("piriformis".into())));
    let (_, right) = essential_pixels(&mut h, "back");
    assert!(
        right > 200,
        "piriformis essential zone drawn on the right buttock ({right} px)"
    );
    // Only the views its pattern touches remain on screen.
    let views: Vec<String> = h
        .state()
        .canvas
        .placed
        .iter()
        .map(|(p, _)| p.view.0.clone())
        .collect();
    assert_eq!(views, ["back"]);
}

#[test]
fn clicking_the_body_selects_the_muscle_and_its_side() {
    let mut h = harness();
    let pos = on_screen(&h, "back", pos2(252.0, 168.0));
    click_at(&mut h, pos);
    assert_eq!(
        h.state().work.selected,
        Some(MuscleId("upper_trapezius".into()))
    );
    assert_eq!(h.state().prefs.side, SideChoice::Right);
    // The same muscle on the other shoulder: the side follows the click.
    let pos = on_screen(&h, "back", pos2(148.0, 168.0));
    click_at(&mut h, pos);
    assert_eq!(
        h.state().work.selected,
        Some(MuscleId("upper_trapezius".into()))
    );
    assert_eq!(h.state().prefs.side, SideChoice::Left);
}

#[test]
fn a_second_click_on_the_same_spot_steps_to_the_deeper_muscle() {
    let mut h = harness();
    let pos = on_screen(&h, "back", pos2(255.0, 400.0));
    click_at(&mut h, pos);
    assert_eq!(
        h.state().work.selected,
        Some(MuscleId("gluteus_medius".into()))
    );
    // Selecting gluteus medius changes which panels are shown; find the spot again.
    let pos = on_screen(&h, "back", pos2(255.0, 400.0));
    click_at(&mut h, pos);
    assert_eq!(
        h.state().work.selected,
        Some(MuscleId("gluteus_minimus".into()))
    );
}

#[test]
fn right_upper_trapezius_lights_the_correct_side_on_the_face_and_the_back() {
    let mut h = harness();
    click_label(&mut h, "Upper trapezius");
    h.get_by_label("Right").click();
    h.run();
    // Face (a front view): the patient's right is on the viewer's left.
    let (left, right) = essential_pixels(&mut h, "face");
    assert!(left > 20 && right == 0, "face: left {left}, right {right}");
    // Back: the patient's right is on the viewer's right.
    let (left, right) = essential_pixels(&mut h, "back");
    assert!(
        right > 20 && left == 0,
        "back view: left {left}, right {right}"
    );

    h.get_by_label("Left").click();
    h.run();
    let (left, right) = essential_pixels(&mut h, "face");
    assert!(
        right > 20 && left == 0,
        "face, left side: left {left}, right {right}"
    );
    let (left, right) = essential_pixels(&mut h, "back");
    assert!(
        left > 20 && right == 0,
        "back view, left side: left {left}, right {right}"
    );
}

#[test]
fn both_sides_show_two_side_views_of_the_head() {
    let mut h = harness();
    click_label(&mut h, "Temporalis");
    h.get_by_label("Both").click();
    h.run();
    let sides: Vec<Side> = h
        .state()
        .canvas
        .placed
        .iter()
        .filter(|(p, _)| p.view.0 == "head_side")
        .map(|(p, _)| p.side)
        .collect();
    assert_eq!(sides, [Side::Right, Side::Left]);
}

#[test]
fn search_filters_by_alias_and_condition() {
    let mut h = harness();
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("SCM");
    h.run();
    assert!(
        h.query_by_label("Sternocleidomastoid (sternal division)")
            .is_some()
    );
    assert!(
        h.query_by_label("Sternocleidomastoid (clavicular division)")
            .is_some()
    );
    assert!(h.query_by_label("Masseter").is_none());

    let mut h = harness();
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("sciatica");
    h.run();
    assert!(h.query_by_label("Piriformis (deep)").is_some());
    assert!(h.query_by_label("Gluteus minimus (deep)").is_some());
    assert!(h.query_by_label("Temporalis").is_none());

    // Symptoms beyond pain are searchable too.
    let mut h = harness();
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("dizziness");
    h.run();
    assert!(
        h.query_by_label("Sternocleidomastoid (clavicular division)")
            .is_some()
    );
    assert!(h.query_by_label("Piriformis (deep)").is_none());
}

#[test]
fn details_show_the_text_a_patient_and_a_clinician_need() {
    let mut h = harness();
    click_label(&mut h, "Masseter");
    assert!(
        h.query_by_label_contains("chewing muscle at the side of the jaw")
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains("Essential zone:").count() >= 2,
        "details and body map"
    );
    assert!(h.query_by_label_contains("not a diagnosis").is_some());
    assert!(h.query_all_by_label_contains("Travell").next().is_some());
}

#[test]
fn snapshot_upper_trapezius_right() {
    let mut h = harness_sized(1000.0, 640.0);
    click_label(&mut h, "Upper trapezius");
    h.snapshot("upper_trapezius_right");
}

#[test]
fn snapshot_start_screen() {
    let mut h = harness_sized(1000.0, 640.0);
    h.snapshot("start_screen");
}

#[test]
fn data_problems_are_listed_in_the_app_with_file_line_and_column() {
    let dir = crate::temp_dir("ui-errors");
    std::fs::create_dir_all(dir.join("muscles")).expect("mkdir");
    std::fs::write(
        dir.join("muscles/bad.ron"),
        "(\n  id: \"bad\",\n  name: 12,\n)",
    )
    .expect("write");
    let app = AtlasApp::new(Some(&dir));
    let h = crate::harness_for(app, crate::WINDOW);
    // The problems window opens by itself and names the place to fix.
    assert!(
        h.query_by_label_contains("bad.ron:3:8: Expected string")
            .is_some(),
        "error with its position listed"
    );
    assert!(
        h.query_by_label("Data problems: 1").is_some(),
        "top bar counts the problems"
    );
    // The valid built-in muscles are all still there.
    assert!(h.query_by_label("Upper trapezius").is_some());
}

#[test]
fn the_canvas_is_named_for_screen_readers() {
    let mut h = harness();
    assert!(h.query_by_label_contains("Body map").is_some());
    click_label(&mut h, "Piriformis (deep)");
    let map = h.get_by_label_contains("Body map: Piriformis, right side.");
    let text = map.accesskit_node().label().unwrap_or_default();
    for said in [
        "Views: Back",
        "Trigger points",
        "Essential zone: over the sacroiliac joint",
    ] {
        assert!(
            text.contains(said),
            "the map says {text:?}, without {said:?}"
        );
    }
}

fn side_panel(side: Side) -> Panel {
    Panel {
        view: ViewId("head_side".to_owned()),
        side,
    }
}

#[test]
fn marking_pain_in_the_finder_ranks_the_muscles_and_overlays_a_choice() {
    let mut h = harness();
    h.get_by_label("Where does it hurt?").click();
    h.run();
    // The right temple and the right side of the neck, on the right side view.
    for body in [pos2(160.0, 80.0), pos2(90.0, 230.0)] {
        let pos = {
            let app = h.state();
            app.canvas
                .screen_pos(&app.content.atlas, &side_panel(Side::Right), body)
                .expect("side view shown")
        };
        click_at(&mut h, pos);
    }
    assert_eq!(h.state().work.finder.marks.len(), 2);
    assert!(
        h.query_all_by_label_contains("Upper trapezius (right)")
            .next()
            .is_some(),
        "upper trapezius is listed"
    );
    assert!(
        h.query_all_by_label_contains("2 of 2 marks in its essential zone")
            .next()
            .is_some()
    );
    assert_eq!(
        essential_pixels(&mut h, "head_side").0 + essential_pixels(&mut h, "head_side").1,
        0,
        "no overlay yet"
    );

    let label = h
        .query_all_by_label_contains("Upper trapezius (right)")
        .next()
        .map(|n| n.rect().center())
        .expect("candidate row");
    click_at(&mut h, label);
    let chosen = h
        .state()
        .work
        .finder
        .chosen
        .map(|i| h.state().work.finder.candidates[i].muscle.0.clone());
    assert_eq!(chosen.as_deref(), Some("upper_trapezius"));
    let (left, right) = essential_pixels(&mut h, "head_side");
    assert!(
        left + right > 200,
        "choosing a candidate overlays its pattern"
    );

    // Undo removes the last mark and the ranking follows.
    h.get_by_label("Undo last").click();
    h.run();
    assert_eq!(h.state().work.finder.marks.len(), 1);
    assert!(
        h.query_all_by_label_contains("the mark in its essential zone")
            .next()
            .is_some()
    );
    h.get_by_label("Clear all").click();
    h.run();
    assert!(h.state().work.finder.marks.is_empty());
    assert!(h.state().work.finder.candidates.is_empty());
}

#[test]
fn the_command_line_lookup_agrees_with_the_finder() {
    let mut h = harness();
    h.get_by_label("Where does it hurt?").click();
    h.run();
    let pos = {
        let app = h.state();
        app.canvas
            .screen_pos(
                &app.content.atlas,
                &side_panel(Side::Left),
                pos2(150.0, 85.0),
            )
            .expect("left side view")
    };
    click_at(&mut h, pos);
    let mark = h.state().work.finder.marks[0].clone();
    let ui: Vec<(String, String, String)> = h
        .state()
        .work
        .finder
        .candidates
        .iter()
        .map(|c| {
            (
                c.muscle.0.clone(),
                c.side.word().to_owned(),
                format!("{:.4}", c.score),
            )
        })
        .collect();
    assert!(!ui.is_empty());

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_trigger-atlas"))
        .args(["lookup", "--view", "head_side", "--side", "left", "--json"])
        .args(["--at", &format!("{},{}", mark.pos.x, mark.pos.y)])
        .args(["--radius", &mark.radius.to_string()])
        .output()
        .expect("run the binary");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).expect("JSON array");
    let cli: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| {
            let score = r["score"].as_f64().expect("score");
            (
                r["id"].as_str().expect("id").to_owned(),
                r["side"].as_str().expect("side").to_owned(),
                format!("{score:.4}"),
            )
        })
        .collect();
    assert_eq!(cli, ui);
    assert!(
        rows.iter()
            .all(|r| r["kind"] == "essential" || r["kind"] == "spillover")
    );
    assert!(rows.iter().all(|r| r["name"].is_string()));
}

#[test]
fn the_conditions_list_leads_to_the_muscles_that_list_them() {
    let mut h = harness();
    h.get_by_label("Conditions").click();
    h.run();
    // The list is long: scroll to the condition first, as a user would.
    h.get_by_label("Sciatica-like pain").scroll_to_me();
    h.run();
    h.get_by_label("Sciatica-like pain").click();
    h.run();
    assert!(h.query_by_label("Piriformis").is_some());
    assert!(h.query_by_label("Gluteus minimus").is_some());
    assert!(h.query_by_label("Masseter").is_none());
    h.get_by_label("Piriformis").scroll_to_me();
    h.run();
    h.get_by_label("Piriformis").click();
    h.run();
    assert_eq!(h.state().work.selected, Some(MuscleId("piriformis".into())));
}

#[test]
fn the_about_page_explains_trigger_points_red_flags_and_injections() {
    let mut h = harness();
    h.get_by_label("About trigger points").click();
    h.run();
    for text in [
        "tight band of muscle",
        "active trigger point",
        "brief, visible twitch",
        "essential zone",
        "not a diagnosis",
        "bladder or bowels",
        "within one to three days",
        "about four a year",
        "at least a week",
        "not an epidural",
    ] {
        assert!(
            h.query_all_by_label_contains(text).next().is_some(),
            "about page lacks \"{text}\""
        );
    }
}

#[test]
fn the_about_page_says_how_certain_the_maps_are_and_lists_every_regions_warning_signs() {
    let mut h = harness();
    h.get_by_label("About trigger points").click();
    h.run();
    for text in [
        "agree only moderately",
        "kappa of about 0.45",
        "no exact place of referred pain",
        "Rathbone",
        "worst within a minute",
        "more than 15 minutes",
        "swollen, warm, red or painful",
    ] {
        assert!(
            h.query_all_by_label_contains(text).next().is_some(),
            "about page lacks \"{text}\""
        );
    }
}

/// Runs frames until the export reports, as the window would while the user waits.
fn wait_for_export(h: &mut Harness<'_, AtlasApp>) -> String {
    for _ in 0..200 {
        h.run();
        if let Some(status) = h.state_mut().windows.export_choices.status.take() {
            return status;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the export never finished");
}

#[test]
fn export_saves_a_picture_and_a_handout_where_the_user_chooses() {
    let dir = crate::temp_dir("export-ui");
    let mut h = harness();
    // Stand in for the system dialog: the user picks the suggested name in `dir`.
    let target = dir.clone();
    h.state_mut().background.save_dialog =
        std::sync::Arc::new(move |name: &str| Some(target.join(name)));
    click_label(&mut h, "Gluteus minimus (deep)");
    h.get_by_label("Left").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_label("Save picture…").click();
    let status = wait_for_export(&mut h);
    let picture = dir.join("gluteus_minimus-left-1920x1080.png");
    assert!(status.starts_with("Saved"), "{status}");
    let image = image::open(&picture).expect("picture written");
    assert_eq!((image.width(), image.height()), (1920, 1080));

    h.get_by_label("Letter").click();
    h.run();
    h.get_by_label("PNG at 150 dpi").click();
    h.run();
    h.get_by_label("Save handout…").click();
    let status = wait_for_export(&mut h);
    assert!(status.starts_with("Saved"), "{status}");
    let handout =
        image::open(dir.join("gluteus_minimus-left-handout-letter.png")).expect("handout written");
    assert_eq!((handout.width(), handout.height()), (1275, 1650));
}

#[test]
fn cancelling_the_save_dialog_writes_nothing_and_says_so() {
    let mut h = harness();
    h.state_mut().background.save_dialog = std::sync::Arc::new(|_: &str| None);
    h.get_by_label("Export…").click();
    h.run();
    h.get_by_label("Save picture…").click();
    let status = wait_for_export(&mut h);
    assert!(
        status.contains("the dialog closed without a file"),
        "{status}"
    );
}

pub(crate) fn type_key(h: &mut Harness<'_, AtlasApp>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

/// Pixels of exactly (within 6 per channel) `colour` in the panel showing `view`.
fn pixels_of(h: &mut Harness<'_, AtlasApp>, view: &str, colour: egui::Color32) -> usize {
    let rect = panel_rect(h, view);
    let image = h.render().expect("render");
    (rect.top() as u32..rect.bottom() as u32)
        .flat_map(|y| (rect.left() as u32..rect.right() as u32).map(move |x| (x, y)))
        .filter_map(|(x, y)| image.get_pixel_checked(x, y))
        .filter(|p| near(**p, colour, 6))
        .count()
}

/// Pixels of `colour` anywhere in the window.
fn pixels_in_window(h: &mut Harness<'_, AtlasApp>, colour: egui::Color32) -> usize {
    h.render()
        .expect("render")
        .pixels()
        .filter(|p| near(**p, colour, 6))
        .count()
}

#[test]
fn the_kept_body_drawing_follows_the_theme_and_zoom_and_stays_small() {
    // The body is tessellated once and reused while nothing changes; any change a
    // user makes must still show at once.
    let mut h = harness();
    click_label(&mut h, "Upper trapezius");
    let (light, dark) = (Theme::light().skin, Theme::dark().skin);
    assert!(pixels_of(&mut h, "front", light) > 5000, "light skin drawn");
    h.get_by_label("Dark").click();
    h.run();
    assert_eq!(pixels_of(&mut h, "front", light), 0, "no stale light body");
    assert!(pixels_of(&mut h, "front", dark) > 5000, "dark skin drawn");
    // One whole figure (the back), so that zooming in grows it on screen.
    type_key(&mut h, "2");
    let before = pixels_in_window(&mut h, dark);
    for _ in 0..3 {
        type_key(&mut h, "+");
    }
    let zoomed = pixels_in_window(&mut h, dark);
    assert!(
        zoomed * 2 > before * 3,
        "zooming in redraws the body larger ({before} -> {zoomed} px of skin)"
    );
    for _ in 0..12 {
        type_key(&mut h, "+");
    }
    let kept = trigger_atlas::draw::mesh_cache::cached_meshes(&h.ctx);
    assert!(
        kept <= 2 * h.state().canvas.placed.len() + 8,
        "old drawings are dropped ({kept} kept)"
    );
}

/// A data folder (in a fresh temporary folder named after `name`) holding a copy of
/// the masseter as "My masseter", and the app opened on it: (its file, its text,
/// the harness).
fn user_masseter(name: &str) -> (std::path::PathBuf, String, Harness<'static, AtlasApp>) {
    let dir = crate::temp_dir(name);
    std::fs::create_dir_all(dir.join("muscles")).expect("mkdir");
    let file = dir.join("muscles/mine.ron");
    let original = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/muscles/masseter.ron"),
    )
    .expect("read")
    .replace("id: \"masseter\"", "id: \"my_masseter\"")
    .replace("name: \"Masseter\"", "name: \"My masseter\"");
    std::fs::write(&file, &original).expect("write");
    let app = AtlasApp::new(Some(&dir));
    let h = crate::harness_for(app, crate::WINDOW);
    (file, original, h)
}

#[test]
fn an_edited_pattern_is_drawn_anew_after_a_reload() {
    // The body drawing is kept between frames; new data must never show the old one.
    let (file, original, mut h) = user_masseter("reload-redraw");
    click_label(&mut h, "My masseter");
    let essential = Theme::light().essential;
    let before = pixels_of(&mut h, "head_side", essential);
    assert!(before > 300, "essential zones drawn ({before} px)");
    // The upper-teeth zone becomes spillover: same views, same layout, new drawing.
    let edited = original.replacen(
        "(kind: Essential, view: \"head_side\", areas: [\"upper back teeth\"",
        "(kind: Spillover, view: \"head_side\", areas: [\"upper back teeth\"",
        1,
    );
    assert_ne!(edited, original, "the edit applies");
    std::fs::write(&file, edited).expect("write");
    h.state_mut().reload_data();
    h.run();
    let after = pixels_of(&mut h, "head_side", essential);
    assert!(
        after + 100 < before,
        "the zone that is now spillover is no longer solid ({before} -> {after} px)"
    );
}

#[test]
fn the_keyboard_steps_through_a_region_and_switches_side_views_and_zoom() {
    let mut h = harness();
    click_label(&mut h, "Masseter");
    let region = h.state().selected_muscle().map(|m| m.region.clone());
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let next = h.state().work.selected.clone().expect("a muscle");
    assert_ne!(next, MuscleId("masseter".into()));
    assert_eq!(
        h.state().selected_muscle().map(|m| m.region.clone()),
        region,
        "same region"
    );
    h.key_press(egui::Key::ArrowUp);
    h.run();
    assert_eq!(h.state().work.selected, Some(MuscleId("masseter".into())));

    type_key(&mut h, "l");
    assert_eq!(h.state().prefs.side, SideChoice::Left);
    type_key(&mut h, "b");
    assert_eq!(h.state().prefs.side, SideChoice::Both);
    type_key(&mut h, "2");
    assert!(!h.state().prefs.auto_views);
    let views: Vec<String> = h
        .state()
        .canvas
        .placed
        .iter()
        .map(|(p, _)| p.view.0.clone())
        .collect();
    assert_eq!(views, ["back"]);
    type_key(&mut h, "a");
    assert!(h.state().prefs.auto_views);

    type_key(&mut h, "+");
    assert!(h.state().canvas.zoom.factor > 1.0);
    type_key(&mut h, "0");
    assert!(h.state().canvas.zoom.is_fit());

    // "/" puts the cursor in the search box; typing there does not trigger shortcuts.
    type_key(&mut h, "/");
    type_key(&mut h, "l");
    assert_eq!(h.state().work.search, "l");
    assert_eq!(h.state().prefs.side, SideChoice::Both);
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().work.selected, None, "Esc clears the selection");
}

#[test]
fn presentation_mode_and_help_are_one_key_away() {
    let mut h = harness();
    type_key(&mut h, "p");
    assert!(h.state().prefs.presentation);
    type_key(&mut h, "?");
    assert!(
        h.query_by_label("next muscle in the region").is_some(),
        "help lists shortcuts"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().windows.help);
}

#[test]
fn preferences_survive_a_restart() {
    use trigger_atlas::app::{ListTab, Preferences};
    use trigger_atlas::quiz::QuizRecord;
    let prefs = Preferences {
        side: SideChoice::Left,
        auto_views: false,
        chosen_views: vec![ViewId("back".into())],
        dark_mode: true,
        presentation: true,
        list_tab: ListTab::Conditions,
        list_grouping: trigger_atlas::ui::list::ListGrouping::Function,
        quiz_record: QuizRecord {
            asked: 10,
            correct: 7,
        },
        window_size: Some([1400.0, 900.0]),
    };
    let dir = crate::temp_dir("prefs-restart");
    let path = dir.join("preferences.ron");
    let mut file = trigger_atlas::io::KeptFile::new(path.clone());
    file.save(&prefs).expect("save");
    let back: trigger_atlas::io::Restored<Preferences> =
        trigger_atlas::io::KeptFile::new(path.clone()).load();
    assert_eq!(back.value, prefs);
    // Files from older versions fall back to defaults field by field, quietly.
    std::fs::write(&path, "(side: Both)").expect("write");
    let partial: trigger_atlas::io::Restored<Preferences> =
        trigger_atlas::io::KeptFile::new(path).load();
    assert!(partial.notice.is_none());
    assert_eq!(partial.value.side, SideChoice::Both);
    assert!(partial.value.auto_views);
}

#[test]
fn snapshot_projector_theme() {
    let mut h = harness_sized(1000.0, 640.0);
    click_label(&mut h, "Upper trapezius");
    type_key(&mut h, "p");
    h.snapshot("projector_upper_trapezius");
}

#[test]
fn presentation_mode_in_a_small_window_leaves_the_figures_room() {
    // A projector at 1000 x 640 pixels: with the type 1.6 times larger, the lists
    // once took the whole width and the figures were not drawn at all.
    let mut h = harness_sized(1000.0, 640.0);
    type_key(&mut h, "p");
    h.run();
    assert!(h.state().prefs.presentation);
    let screen = h.ctx.content_rect();
    for view in ["front", "back"] {
        let figure = panel_rect(&h, view);
        assert!(
            figure.height() > screen.height() * 0.6,
            "the {view} figure is {figure:?} on a screen of {screen:?}"
        );
    }
}

/// Counts pixels in the panel showing `view` that match `pred`.
fn count_pixels(
    h: &mut Harness<'_, AtlasApp>,
    view: &str,
    pred: impl Fn([u8; 4]) -> bool,
) -> usize {
    let rect = panel_rect(h, view);
    let image = h.render().expect("render");
    let mut n = 0;
    for y in rect.top() as u32..rect.bottom() as u32 {
        for x in rect.left() as u32..rect.right() as u32 {
            if let Some(p) = image.get_pixel_checked(x, y)
                && pred(p.0)
            {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn shift_click_compares_muscles_each_in_its_own_colour() {
    let mut h = harness();
    click_label(&mut h, "Gluteus minimus (deep)");
    // Vermillion at 90% over skin is about (215, 108, 23).
    let vermillion = |p: [u8; 4]| p[0] > 195 && (95..125).contains(&p[1]) && p[2] < 45;
    let theme_red =
        |p: [u8; 4]| p[0].abs_diff(196) < 10 && p[1].abs_diff(30) < 10 && p[2].abs_diff(36) < 10;
    assert_eq!(
        count_pixels(&mut h, "back", vermillion),
        0,
        "one pattern: the usual red"
    );
    assert!(count_pixels(&mut h, "back", theme_red) > 200);

    h.get_by_label("Piriformis (deep)").scroll_to_me();
    h.run();
    h.get_by_label("Piriformis (deep)")
        .click_modifiers(egui::Modifiers::SHIFT);
    h.run();
    assert_eq!(h.state().work.compare, vec![MuscleId("piriformis".into())]);
    assert_eq!(
        h.state().work.selected,
        Some(MuscleId("gluteus_minimus".into())),
        "the selection stays"
    );
    // The comparison box lists both, each with its colour chip.
    assert!(h.query_by_label("Comparing").is_some());
    assert!(h.query_by_label("Piriformis").is_some());
    // Gluteus minimus now draws in the first overlay colour, not the usual red.
    assert!(count_pixels(&mut h, "back", vermillion) > 200);
    assert_eq!(count_pixels(&mut h, "back", theme_red), 0);

    h.get_by_label("Clear comparison").click();
    h.run();
    assert!(h.state().work.compare.is_empty());
}

#[test]
fn editing_a_data_file_reloads_it_and_a_broken_edit_keeps_the_last_good_version() {
    let (file, original, mut h) = user_masseter("hot-reload");
    let name = |h: &Harness<'_, AtlasApp>| {
        h.state()
            .content
            .atlas
            .muscle(&MuscleId("my_masseter".into()))
            .map(|m| m.name.clone())
    };
    assert_eq!(name(&h).as_deref(), Some("My masseter"));

    let wait_until = |h: &mut Harness<'_, AtlasApp>, done: &dyn Fn(&AtlasApp) -> bool| {
        for _ in 0..40 {
            std::thread::sleep(std::time::Duration::from_millis(100));
            h.run();
            if done(h.state()) {
                return;
            }
        }
        panic!("the data folder was not reloaded");
    };
    std::fs::write(&file, original.replace("My masseter", "My edited masseter")).expect("write");
    wait_until(&mut h, &|app| {
        app.content
            .atlas
            .muscle(&MuscleId("my_masseter".into()))
            .is_some_and(|m| m.name == "My edited masseter")
    });

    std::fs::write(&file, "(\n  id: \"my_masseter\",\n  name: ").expect("write");
    wait_until(&mut h, &|app| {
        app.content
            .errors
            .iter()
            .any(|e| e.file.ends_with("mine.ron"))
    });
    assert_eq!(
        name(&h).as_deref(),
        Some("My edited masseter"),
        "the last good version stays"
    );
    assert!(h.state().windows.errors, "the error is shown");
}

#[test]
fn esc_closes_the_export_window_before_it_clears_the_selection() {
    let mut h = harness();
    click_label(&mut h, "Masseter");
    h.get_by_label("Export…").click();
    h.run();
    assert!(h.state().windows.export);
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().windows.export, "Esc closes the window");
    assert_eq!(h.state().work.selected, Some(MuscleId("masseter".into())));
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().work.selected, None, "then clears the selection");
}

#[test]
fn enter_in_the_search_box_picks_the_first_match_and_the_arrows_stay_in_the_matches() {
    let mut h = harness();
    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("rotator cuff");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let first = h
        .state()
        .work
        .selected
        .clone()
        .expect("Enter picks a muscle");
    let cuff = [
        "infraspinatus",
        "subscapularis",
        "supraspinatus",
        "teres_minor",
    ];
    assert_eq!(first.0, cuff[0], "the first match in list order");
    for expected in &cuff[1..] {
        h.key_press(egui::Key::ArrowDown);
        h.run();
        assert_eq!(
            h.state().work.selected.as_ref().map(|m| m.0.as_str()),
            Some(*expected)
        );
    }
    // Past the last match it wraps to the first, not into the rest of the region.
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(h.state().work.selected, Some(first));
}

#[test]
fn without_a_file_dialog_a_typed_folder_still_saves_the_picture() {
    let dir = crate::temp_dir("export-here");
    let mut h = harness();
    // No desktop portal: the dialog gives no answer at once.
    h.state_mut().background.save_dialog = std::sync::Arc::new(|_: &str| None);
    click_label(&mut h, "Masseter");
    h.get_by_label("Export…").click();
    h.run();
    let type_folder = |h: &mut Harness<'_, AtlasApp>, folder: &str| {
        h.get_by_label("Folder for “Save here”:").click();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        h.get_by_label("Folder for “Save here”:").type_text(folder);
        h.run();
    };
    type_folder(&mut h, &dir.join("no-such-folder").display().to_string());
    h.get_by_label("Save picture here").click();
    let status = wait_for_export(&mut h);
    assert!(status.contains("there is no folder"), "{status}");
    assert!(
        !dir.join("no-such-folder").exists(),
        "a mistyped folder is not created"
    );

    type_folder(&mut h, &dir.display().to_string());
    h.get_by_label("Save picture here").click();
    let status = wait_for_export(&mut h);
    assert!(status.starts_with("Saved"), "{status}");
    let image = image::open(dir.join("masseter-right-1920x1080.png")).expect("picture written");
    assert_eq!((image.width(), image.height()), (1920, 1080));

    // A name of the user's own; ".png" is added, and the message says where it went.
    let name_field = "File name (empty: the name suggested for the muscle and side):";
    h.get_by_label(name_field).click();
    h.run();
    h.get_by_label(name_field).type_text("jaw for Mrs K");
    h.run();
    h.get_by_label("Save picture here").click();
    let status = wait_for_export(&mut h);
    let saved = dir.join("jaw for Mrs K.png");
    assert_eq!(status, format!("Saved {}", saved.display()));
    assert!(saved.is_file());
}

#[test]
fn the_figure_stays_put_when_the_finder_lists_its_results() {
    let mut h = harness();
    h.get_by_label("Where does it hurt?").click();
    h.run();
    h.run();
    let placed = |h: &Harness<'_, AtlasApp>| h.state().canvas.placed.clone();
    let before = placed(&h);
    // Marks on the back: the thigh and the buttock bring long names into the list.
    for body in [pos2(245.0, 520.0), pos2(250.0, 420.0), pos2(160.0, 80.0)] {
        let pos = {
            let app = h.state();
            app.canvas
                .screen_pos(&app.content.atlas, &panel("back"), body)
                .expect("back view shown")
        };
        click_at(&mut h, pos);
    }
    assert!(!h.state().work.finder.candidates.is_empty());
    assert_eq!(
        placed(&h),
        before,
        "the panels did not move when the results appeared"
    );
}

#[test]
fn the_export_window_saves_a_vector_picture_for_slides() {
    let dir = crate::temp_dir("export-svg");
    let mut h = harness();
    click_label(&mut h, "Masseter");
    h.get_by_label("Export…").click();
    h.run();
    let field = "Folder for “Save here”:";
    h.get_by_label(field).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(field).type_text(&dir.display().to_string());
    h.run();
    h.get_by_label("SVG drawing").click();
    h.run();
    h.get_by_label("Save picture here").click();
    let status = wait_for_export(&mut h);
    let file = dir.join("masseter-right-1920x1080.svg");
    assert_eq!(status, format!("Saved {}", file.display()));
    let svg = std::fs::read_to_string(&file).expect("svg written");
    assert!(svg.starts_with("<svg"), "{}", &svg[..80.min(svg.len())]);
    assert!(svg.contains(">Masseter"), "text stays text");
}

#[test]
fn each_rows_button_stays_on_its_first_line_at_the_panels_edge() {
    // A narrow window, so long names and marks wrap.
    let mut h = harness_sized(1100.0, 800.0);
    type_key(&mut h, "m");
    for area in ["temple", "over the sacroiliac joint"] {
        crate::a11y::pick(&mut h, "Area", area);
        h.get_by_label_contains("Add a mark: ").click();
        h.run();
    }
    let rows: Vec<(String, String)> = {
        let state = h.state();
        state
            .work
            .finder
            .candidates
            .iter()
            .take(6)
            .enumerate()
            .map(|(i, c)| {
                let name = &state.content.atlas.muscle(&c.muscle).expect("listed").name;
                let side = c.side.word();
                (
                    format!("{}. {name} ({side})", i + 1),
                    format!("Details: {name} ({side})"),
                )
            })
            .collect()
    };
    assert_eq!(rows.len(), 6, "{rows:?}");
    let mut edges = Vec::new();
    for (title, button) in &rows {
        let text = h.get_by_label(title).rect();
        let details = h.get_by_label(button).rect();
        assert!(
            (details.top() - text.top()).abs() < 6.0,
            "{title}: the button at {details:?}, the name at {text:?}"
        );
        assert!(
            text.right() <= details.left(),
            "{title}: name and button overlap"
        );
        edges.push(details.right());
    }
    for mark in [
        "Remove mark 1: temple",
        "Remove mark 2: over the sacroiliac joint",
    ] {
        edges.push(h.get_by_label(mark).rect().right());
    }
    let first = edges[0];
    assert!(
        edges.iter().all(|e| (e - first).abs() < 1.0),
        "the buttons line up at one edge: {edges:?}"
    );
}
