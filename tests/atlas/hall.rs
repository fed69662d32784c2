//! The lecture hall: figures only, zoom to the pattern and about the pointer, and
//! layouts that hold at projector and 4K sizes with a lesson running.

use egui::{Rect, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use trigger_atlas::AtlasApp;
use trigger_atlas::draw::layout::{Panel, pattern_bounds};
use trigger_atlas::geometry::point_in_polygon;
use trigger_atlas::model::{MuscleId, Side, ViewId};

use crate::ui::{harness_sized, type_key};

const SIZES: [(f32, f32); 4] = [
    (1024.0, 768.0),
    (1280.0, 800.0),
    (1920.0, 1080.0),
    (3840.0, 2160.0),
];

/// Starts the first lesson with the keys a lecturer uses: F2, then 1.
fn start_lesson(h: &mut Harness<'_, AtlasApp>) {
    h.key_press(egui::Key::F2);
    h.run();
    type_key(h, "1");
    assert_eq!(h.state().work.lesson, Some((0, 0)), "lesson started");
}

/// The union of the panels drawn on the canvas.
fn figure_rect(h: &Harness<'_, AtlasApp>) -> Rect {
    h.state()
        .canvas
        .placed
        .iter()
        .map(|(_, r)| *r)
        .reduce(Rect::union)
        .expect("panels on screen")
}

/// Asserts that the widget labelled `label` lies wholly inside the window.
fn wholly_inside(h: &Harness<'_, AtlasApp>, label: &str, what: &str) {
    let screen = h.ctx.content_rect();
    let rect = h.get_by_label(label).rect();
    assert!(
        screen.expand(0.5).contains_rect(rect),
        "{what}: \"{label}\" at {rect:?} outside the window {screen:?}"
    );
}

#[test]
fn a_lesson_fits_every_window_size_normal_and_in_presentation() {
    for (w, hgt) in SIZES {
        for presentation in [false, true] {
            let what = format!("{w}x{hgt}, presentation {presentation}");
            let mut h = harness_sized(w, hgt);
            if presentation {
                type_key(&mut h, "p");
            }
            // Every step of every shipped lesson, the longest text included.
            let lessons = h.state().content.lessons.clone();
            for (n, lesson) in lessons.iter().enumerate().take(9) {
                h.key_press(egui::Key::F2);
                h.run();
                type_key(&mut h, &(n + 1).to_string());
                assert_eq!(h.state().work.lesson, Some((n, 0)), "{what}: lesson {n}");
                for (i, step) in lesson.steps.iter().enumerate() {
                    if i > 0 {
                        h.key_press(egui::Key::PageDown);
                    }
                    h.run();
                    let what = format!("{what}, {}, step {}", lesson.title, i + 1);
                    for label in ["End lesson", "Next", "Previous"] {
                        wholly_inside(&h, label, &what);
                    }
                    wholly_inside(&h, &step.text, &what);
                    // The lesson bar leaves the drawing a good part of the height
                    // (at 1024 x 768 in presentation type, 43-48 % with three or four
                    // lines of text; figures only, below, gives it 70 % or more).
                    let canvas = h.state().canvas.placed_area.expect("a canvas");
                    assert!(
                        canvas.height() > h.ctx.content_rect().height() * 0.4,
                        "{what}: canvas {canvas:?}"
                    );
                }
                h.key_press(egui::Key::Escape);
                h.run();
            }
        }
    }
}

#[test]
fn figures_only_fills_the_wall_with_a_slim_caption_and_esc_brings_the_panels_back() {
    for (w, hgt) in SIZES {
        let what = format!("{w}x{hgt}");
        let mut h = harness_sized(w, hgt);
        type_key(&mut h, "p");
        start_lesson(&mut h);
        type_key(&mut h, "h");
        h.run();
        assert!(h.state().work.figures_only, "{what}");
        // No list, no details, no top bar.
        assert!(
            h.query_by_label("Muscles").is_none(),
            "{what}: the list is hidden"
        );
        assert!(
            h.query_by_label("Present").is_none(),
            "{what}: the top bar is hidden"
        );
        let figure = figure_rect(&h);
        let screen = h.ctx.content_rect();
        assert!(
            figure.height() >= screen.height() * 0.7,
            "{what}: the figure is {} of {} high",
            figure.height(),
            screen.height()
        );
        // The caption names the muscle and the side; the lesson bar stays whole.
        let muscle = h
            .state()
            .selected_muscle()
            .expect("lesson selects")
            .name
            .clone();
        let wanted = format!("{muscle} \u{2014} right side");
        let caption = h.get_by_label_contains(&wanted).rect();
        assert!(screen.contains_rect(caption), "{what}: caption {caption:?}");
        wholly_inside(&h, "End lesson", &what);
        // Esc leaves figures only first; the lesson goes on.
        h.key_press(egui::Key::Escape);
        h.run();
        assert!(!h.state().work.figures_only, "{what}");
        assert!(
            h.state().work.lesson.is_some(),
            "{what}: lesson still running"
        );
        assert!(
            h.query_by_label("Muscles").is_some(),
            "{what}: the list is back"
        );
    }
}

/// The screen rectangle of the selected pattern as drawn now.
fn pattern_on_screen(h: &Harness<'_, AtlasApp>) -> Rect {
    let app = h.state();
    let atlas = &app.content.atlas;
    let muscle = app.selected_muscle().expect("a muscle");
    pattern_bounds(atlas, muscle, &[Side::Right], None, &app.canvas.placed).expect("on screen")
}

#[test]
fn z_zooms_to_the_selected_pattern() {
    let mut h = harness_sized(1400.0, 900.0);
    crate::ui::click_label(&mut h, "Rhomboids");
    let area = h.state().canvas.placed_area.expect("canvas");
    let before = pattern_on_screen(&h);
    type_key(&mut h, "z");
    h.run();
    let after = pattern_on_screen(&h);
    assert!(
        h.state().canvas.zoom.factor > 1.2,
        "zoomed in: {:?}, pattern {before:?} -> {after:?}",
        h.state().canvas.zoom
    );
    assert!(
        area.expand(1.0).contains_rect(after),
        "{after:?} in {area:?}, before {before:?}, {:?}",
        h.state().canvas.zoom
    );
    let fill = (after.width() / area.width()).max(after.height() / area.height());
    assert!(
        fill > 0.7,
        "the pattern fills {fill} of the canvas (before {before:?})"
    );
    // 0 fits the whole figure again.
    type_key(&mut h, "0");
    assert!(h.state().canvas.zoom.is_fit());
}

#[test]
fn plus_zooms_about_the_pointer() {
    let mut h = harness_sized(1400.0, 900.0);
    crate::ui::click_label(&mut h, "Infraspinatus");
    let back = Panel {
        view: ViewId("back".into()),
        side: Side::Right,
    };
    let spot = pos2(250.0, 230.0);
    let screen = |h: &Harness<'_, AtlasApp>| {
        let app = h.state();
        app.canvas
            .screen_pos(&app.content.atlas, &back, spot)
            .expect("back panel")
    };
    let under_pointer = screen(&h);
    let centre = h.state().canvas.placed_area.expect("canvas").center();
    assert!(
        under_pointer.distance(centre) > 100.0,
        "the spot is off centre"
    );
    h.hover_at(under_pointer);
    h.run();
    type_key(&mut h, "+");
    type_key(&mut h, "+");
    assert!(h.state().canvas.zoom.factor > 1.5);
    let moved = screen(&h).distance(under_pointer);
    assert!(
        moved < 6.0,
        "the spot under the pointer moved {moved} points"
    );
    assert_eq!(
        h.state().work.selected,
        Some(MuscleId("infraspinatus".into()))
    );
}

#[test]
fn a_lesson_step_can_show_one_trigger_point_zoomed_to_its_pattern() {
    let mut h = harness_sized(1400.0, 900.0);
    let n = h
        .state()
        .content
        .lessons
        .iter()
        .position(|l| l.steps.iter().any(|s| s.zoom_to_pattern))
        .expect("a lesson that zooms to a pattern");
    let step = h.state().content.lessons[n]
        .steps
        .iter()
        .position(|s| s.zoom_to_pattern)
        .expect("step");
    let label = h.state().content.lessons[n].steps[step]
        .trigger_point
        .clone();
    h.key_press(egui::Key::F2);
    h.run();
    type_key(&mut h, &(n + 1).to_string());
    for _ in 0..step {
        h.key_press(egui::Key::PageDown);
        h.run();
    }
    h.run();
    assert_eq!(h.state().work.lesson, Some((n, step)));
    assert_eq!(h.state().work.trigger_point, label);
    assert!(h.state().canvas.zoom.factor > 1.2, "zoomed to the pattern");
    // Ending the lesson puts the whole figure back.
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().work.lesson.is_none());
    assert!(h.state().canvas.zoom.is_fit());
}

#[test]
fn compared_patterns_stay_readable_where_they_overlap() {
    let mut h = harness_sized(1400.0, 900.0);
    crate::ui::click_label(&mut h, "Gluteus minimus (deep)");
    h.get_by_label("Piriformis (deep)").scroll_to_me();
    h.run();
    h.get_by_label("Piriformis (deep)")
        .click_modifiers(egui::Modifiers::SHIFT);
    h.run();
    type_key(&mut h, "2"); // the back view alone, large
    let image = h.render().expect("render");
    let app = h.state();
    let atlas = &app.content.atlas;
    let overlay = app.work.overlay(atlas);
    assert_eq!(overlay.len(), 2);
    let back = ViewId("back".into());
    let essential = |m: &trigger_atlas::model::Muscle| -> Vec<Vec<egui::Pos2>> {
        m.zones
            .iter()
            .filter(|z| z.view == back && z.kind == trigger_atlas::model::ZoneKind::Essential)
            .map(|z| z.fill.right.outline.to_vec())
            .collect()
    };
    let zones = [essential(overlay[0].0), essential(overlay[1].0)];
    let panel = Panel {
        view: back.clone(),
        side: Side::Right,
    };
    let to_screen = |p| app.canvas.screen_pos(atlas, &panel, p).expect("back panel");
    let colours: Vec<egui::Color32> = overlay.iter().map(|(_, c)| *c).collect();
    // Each pattern's edge, where it runs inside the other pattern's essential zone,
    // must still show in its own colour (drawn over the other's fill).
    for (mine, other) in [(0, 1), (1, 0)] {
        let mut checked = 0;
        let mut seen = 0;
        for zone in &zones[mine] {
            for p in zone.iter().step_by(3) {
                let deep_inside = zones[other].iter().any(|z| {
                    [(-3.0, 0.0), (3.0, 0.0), (0.0, -3.0), (0.0, 3.0)]
                        .iter()
                        .all(|(dx, dy)| point_in_polygon(z, pos2(p.x + dx, p.y + dy)))
                });
                if !deep_inside {
                    continue;
                }
                checked += 1;
                let s = to_screen(*p);
                let found = (-2..=2).any(|dy: i32| {
                    (-2..=2).any(|dx: i32| {
                        image
                            .get_pixel_checked((s.x as i32 + dx) as u32, (s.y as i32 + dy) as u32)
                            .is_some_and(|px| crate::ui::near(*px, colours[mine], 12))
                    })
                });
                seen += usize::from(found);
            }
        }
        assert!(
            checked >= 3,
            "pattern {mine}: only {checked} edge points inside the other"
        );
        assert!(
            seen * 2 >= checked,
            "pattern {mine}: its edge shows at {seen} of {checked} points inside the other"
        );
    }
}

#[test]
fn a_lesson_file_given_on_the_command_line_starts_at_once() {
    use clap::Parser as _;
    let dir = crate::temp_dir("lesson-arg");
    let file = dir.join("talk.ron");
    std::fs::write(
        &file,
        r#"(title: "Jaw pain", steps: [(muscles: ["masseter"], text: "The masseter.")])"#,
    )
    .expect("write");
    let args = trigger_atlas::cli::Args::try_parse_from([
        "trigger-atlas".as_ref(),
        "--lesson".as_ref(),
        file.as_os_str(),
    ])
    .expect("--lesson is an option of the window");
    assert_eq!(args.lesson.as_deref(), Some(file.as_path()));
    // What the window does with it at start.
    let report = crate::embedded();
    let mut app = AtlasApp::from_parts(report.atlas, report.errors);
    app.start_lesson_file(&file);
    let h = crate::harness_for(app, crate::WINDOW);
    assert_eq!(h.state().work.selected, Some(MuscleId("masseter".into())));
    assert!(h.query_by_label("The masseter.").is_some());
    // A missing file is reported, not a crash.
    let report = crate::embedded();
    let mut app = AtlasApp::from_parts(report.atlas, report.errors);
    app.start_lesson_file(&dir.join("missing.ron"));
    assert!(app.work.lesson.is_none());
    assert!(
        app.content
            .errors
            .iter()
            .any(|e| e.file.contains("missing.ron"))
    );
}
