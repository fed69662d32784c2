//! Lessons: the embedded ones load, broken files say where, and a lecturer can step
//! through one with the keyboard.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use trigger_atlas::AtlasApp;
use trigger_atlas::io::{load_lessons, parse_lesson};
use trigger_atlas::model::ErrorKind;
use trigger_atlas::model::MuscleId;

use crate::{embedded, temp_dir};

#[test]
fn the_embedded_lessons_load_cleanly() {
    let atlas = embedded().atlas;
    let (lessons, errors) = load_lessons(None, &atlas);
    assert!(errors.is_empty(), "{errors:#?}");
    let titles: Vec<&str> = lessons.iter().map(|l| l.title.as_str()).collect();
    assert!(
        titles.contains(&"Headache from the neck and jaw"),
        "{titles:?}"
    );
    assert!(titles.contains(&"Sciatica mimics"), "{titles:?}");
    assert!(lessons.iter().all(|l| l.steps.len() >= 3));
}

#[test]
fn every_step_of_the_shipped_lessons_shows_the_patterns_it_talks_about() {
    // A step that names its views must show each of its muscles' patterns on one of
    // them, or the lecturer talks about a pattern the wall does not show.
    let atlas = embedded().atlas;
    let (lessons, _) = load_lessons(None, &atlas);
    assert!(lessons.len() >= 6, "{} lessons", lessons.len());
    let mut hidden = Vec::new();
    for lesson in &lessons {
        for (n, step) in lesson.steps.iter().enumerate().map(|(i, s)| (i + 1, s)) {
            for id in &step.muscles {
                let m = atlas.muscle(id).expect("validated");
                let shown =
                    step.views.is_empty() || m.zones.iter().any(|z| step.views.contains(&z.view));
                if !shown {
                    hidden.push(format!("{}, step {n}: {}", lesson.title, id.0));
                }
            }
        }
    }
    assert!(hidden.is_empty(), "{hidden:#?}");
}

#[test]
fn a_broken_lesson_says_which_step_and_what_to_fix() {
    let atlas = embedded().atlas;
    let text = "(\n    title: \"Test\",\n    steps: [\n        (muscles: [\"no_such_muscle\"], text: \"Hi\"),\n        (muscles: [\"masseter\"], zoom: 50.0, text: \"\"),\n    ],\n)";
    let errors = parse_lesson(text, "lesson.ron", &atlas).expect_err("invalid");
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(errors.iter().all(|e| e.kind == ErrorKind::Invalid));
    assert_eq!(errors[0].position.line, 4);
    assert!(
        errors[0]
            .message
            .contains("unknown muscle \"no_such_muscle\"")
    );
    assert_eq!(errors[1].position.line, 5);
    assert!(errors[1].message.contains("zoom 50"));
    assert!(errors[2].message.contains("`text` is empty"));

    let errors = parse_lesson(
        "(title: \"x\", steps: [ (muscles: [\"masseter\"] text: \"y\") ])",
        "bad.ron",
        &atlas,
    )
    .expect_err("syntax");
    assert_eq!(errors[0].kind, ErrorKind::Syntax);
    assert_eq!(errors[0].position.line, 1);
}

fn harness() -> Harness<'static, AtlasApp> {
    let report = embedded();
    let app = AtlasApp::from_parts(report.atlas, report.errors);
    crate::harness_for(app, crate::WINDOW)
}

fn start(h: &mut Harness<'_, AtlasApp>, title: &str) {
    h.get_by_label("Lessons").click();
    h.run();
    assert!(
        h.state().content.lessons.iter().any(|l| l.title == title),
        "lesson {title}"
    );
    // Each Start button is named for its lesson.
    h.get_by_label(&format!("Start: {title}")).click();
    h.run();
}

#[test]
fn a_lecturer_steps_through_a_lesson_with_the_keyboard() {
    let mut h = harness();
    start(&mut h, "Sciatica mimics");
    assert_eq!(
        h.state().work.selected,
        Some(MuscleId("gluteus_minimus".into()))
    );
    assert!(h.query_by_label("Step 1 of 5").is_some());
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(h.state().work.selected, Some(MuscleId("piriformis".into())));
    h.key_press(egui::Key::PageDown);
    h.run();
    h.key_press(egui::Key::PageDown);
    h.run();
    h.key_press(egui::Key::PageDown);
    h.run();
    // The last step compares three patterns, zoomed in.
    assert!(h.query_by_label("Step 5 of 5").is_some());
    assert_eq!(h.state().work.compare.len(), 2);
    assert!((h.state().canvas.zoom.factor - 1.4).abs() < 1e-6);
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert!(
        h.query_by_label("Step 5 of 5").is_some(),
        "stays on the last step"
    );
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(
        h.state().work.selected,
        Some(MuscleId("gluteus_medius".into()))
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().work.lesson.is_none(), "Esc ends the lesson");
}

#[test]
fn a_lesson_file_can_be_opened_and_a_broken_one_is_reported() {
    let dir = temp_dir("lesson-open");
    let good = dir.join("good.ron");
    std::fs::write(
        &good,
        "(title: \"Jaw\", steps: [(muscles: [\"masseter\"], text: \"Clenching.\")])",
    )
    .expect("write");
    let mut h = harness();
    let path = good.clone();
    h.state_mut().background.open_dialog = std::sync::Arc::new(move || Some(path.clone()));
    h.get_by_label("Lessons").click();
    h.run();
    h.get_by_label("Open lesson file…").click();
    for _ in 0..100 {
        h.run();
        if h.state().work.lesson.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run(); // the lesson bar appears on the frame after the lesson starts
    assert_eq!(h.state().work.selected, Some(MuscleId("masseter".into())));
    assert!(h.query_by_label("Clenching.").is_some());

    let bad = dir.join("bad.ron");
    std::fs::write(
        &bad,
        "(title: \"Jaw\", steps: [(muscles: [\"nope\"], text: \"x\")])",
    )
    .expect("write");
    let mut h = harness();
    h.state_mut().background.open_dialog = std::sync::Arc::new(move || Some(bad.clone()));
    h.get_by_label("Lessons").click();
    h.run();
    h.get_by_label("Open lesson file…").click();
    for _ in 0..100 {
        h.run();
        if !h.state().content.errors.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(h.state().work.lesson.is_none());
    assert!(
        h.state()
            .content
            .errors
            .iter()
            .any(|e| e.file.ends_with("bad.ron") && e.message.contains("unknown muscle"))
    );
}

#[test]
fn a_whole_lecture_runs_from_the_keyboard() {
    let mut h = harness();
    let text = |h: &mut Harness<'_, AtlasApp>, t: &str| {
        h.event(egui::Event::Text(t.to_owned()));
        h.run();
    };
    text(&mut h, "p"); // presentation mode
    h.key_press(egui::Key::F2); // the lessons list
    h.run();
    let n = h
        .state()
        .content
        .lessons
        .iter()
        .position(|l| l.title == "Sciatica mimics")
        .expect("lesson")
        + 1;
    text(&mut h, &n.to_string());
    assert_eq!(h.state().work.lesson, Some((n - 1, 0)));
    h.key_press(egui::Key::PageDown);
    h.run();
    assert_eq!(h.state().work.lesson, Some((n - 1, 1)));
    text(&mut h, "+");
    let zoomed = h.state().canvas.zoom;
    assert!(zoomed.factor > 1.0);
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowDown);
    h.run();
    assert!(
        h.state().canvas.zoom.pan.y < zoomed.pan.y,
        "Shift+Down pans"
    );
    assert_eq!(
        h.state().work.lesson,
        Some((n - 1, 1)),
        "panning does not step the lesson"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().work.lesson.is_none());
    assert!(h.state().prefs.presentation);
}

#[test]
fn ending_a_lesson_puts_back_the_side_views_and_zoom_it_changed() {
    use trigger_atlas::app::Command;
    use trigger_atlas::model::SideChoice;
    let report = embedded();
    let mut app = AtlasApp::from_parts(report.atlas, report.errors);
    app.prefs.side = SideChoice::Left;
    let before = (
        app.prefs.side,
        app.prefs.auto_views,
        app.prefs.chosen_views.clone(),
    );
    let n = app
        .content
        .lessons
        .iter()
        .position(|l| l.title == "Sciatica mimics")
        .expect("lesson");
    app.apply(Command::StartLesson(n));
    for _ in 0..5 {
        app.apply(Command::LessonStep(1));
    }
    assert!(
        (app.prefs.side, app.prefs.auto_views) != (before.0, before.1)
            || (app.canvas.zoom.factor - 1.0).abs() > f32::EPSILON,
        "the lesson changed something"
    );
    app.apply(Command::EndLesson);
    assert_eq!(
        (
            app.prefs.side,
            app.prefs.auto_views,
            app.prefs.chosen_views.clone()
        ),
        before
    );
    assert!((app.canvas.zoom.factor - 1.0).abs() < f32::EPSILON);
}

#[test]
fn a_lesson_file_opens_by_its_typed_path_without_a_file_dialog() {
    let dir = crate::temp_dir("lesson-path");
    let path = dir.join("mine.ron");
    std::fs::write(
        &path,
        "(title: \"My lesson\", steps: [(muscles: [\"masseter\"], text: \"The jaw.\")])",
    )
    .expect("write");
    let mut h = harness();
    h.get_by_label("Lessons").click();
    h.run();
    h.get_by_label("Or its path:").click();
    h.run();
    h.get_by_label("Or its path:")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Open this file").click();
    h.run();
    h.run();
    assert_eq!(h.state().work.selected, Some(MuscleId("masseter".into())));
    assert!(h.state().work.lesson.is_some(), "the lesson runs");
}
