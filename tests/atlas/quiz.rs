//! The quiz, seeded so the questions are known: answers are scored, feedback shows
//! the right pattern, and the totals are kept in the preferences.

use egui::{Pos2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use trigger_atlas::AtlasApp;
use trigger_atlas::draw::layout::Panel;
use trigger_atlas::model::{Side, ZoneKind};
use trigger_atlas::quiz::QuizState;
use trigger_atlas::quiz::{Feedback, Question};
use trigger_atlas::ui::quiz_panel::QuizAction;

use crate::embedded;

fn harness(seed: u64) -> Harness<'static, AtlasApp> {
    let report = embedded();
    let mut app = AtlasApp::from_parts(report.atlas, report.errors);
    app.work.quiz = QuizState::with_seed(seed);
    let mut h = crate::harness_for(app, crate::WINDOW);
    h.get_by_label("Quiz").click();
    h.run();
    h
}

fn choice_label(h: &Harness<'_, AtlasApp>, correct: bool) -> String {
    let app = h.state();
    let Some(Question::NameTheMuscle {
        answer, choices, ..
    }) = &app.work.quiz.question
    else {
        panic!("a naming question");
    };
    let (i, id) = choices
        .iter()
        .enumerate()
        .find(|(_, c)| (*c == answer) == correct)
        .expect("choice");
    format!(
        "{}. {}",
        i + 1,
        app.content.atlas.muscle(id).expect("muscle").name
    )
}

#[test]
fn naming_answers_are_scored_and_kept() {
    let mut h = harness(11);
    assert!(
        h.query_by_label_contains("Which muscle refers pain like this")
            .is_some()
    );
    let right = choice_label(&h, true);
    h.get_by_label(&right).click();
    h.run();
    assert_eq!(h.state().work.quiz.feedback, Some(Feedback::Correct));
    assert!(h.query_all_by_label("Correct.").next().is_some());
    assert_eq!(h.state().work.quiz.session, (1, 1));

    h.get_by_label("Next question").click();
    h.run();
    let wrong = choice_label(&h, false);
    h.get_by_label(&wrong).click();
    h.run();
    assert!(matches!(
        h.state().work.quiz.feedback,
        Some(Feedback::Wrong { right: Some(_) })
    ));
    assert!(
        h.query_all_by_label_contains("Not quite: this is the pattern of the")
            .next()
            .is_some()
    );
    assert_eq!(h.state().work.quiz.session, (1, 2));
    assert_eq!(
        (
            h.state().prefs.quiz_record.correct,
            h.state().prefs.quiz_record.asked
        ),
        (1, 2)
    );

    // Keys: N for the next question, digits to answer.
    h.event(egui::Event::Text("n".into()));
    h.run();
    assert!(h.state().work.quiz.feedback.is_none());
    h.event(egui::Event::Text("1".into()));
    h.run();
    assert!(h.state().work.quiz.feedback.is_some());
    assert_eq!(h.state().work.quiz.session.1, 3);
}

/// A screen point inside the question muscle's essential zone, on its side.
fn essential_spot(h: &Harness<'_, AtlasApp>) -> Pos2 {
    let app = h.state();
    let q = app.work.quiz.question.as_ref().expect("question");
    let m = app.content.atlas.muscle(q.muscle()).expect("muscle");
    for zone in m.zones.iter().filter(|z| z.kind == ZoneKind::Essential) {
        let view = app.content.atlas.view(&zone.view).expect("view");
        let lateral = matches!(view.kind, trigger_atlas::model::ViewKind::Lateral { .. });
        let panel = Panel {
            view: zone.view.clone(),
            side: if lateral { q.side() } else { Side::Right },
        };
        let tess = zone.fill.get(if lateral { Side::Right } else { q.side() });
        let t = tess.triangles();
        let [a, b, c] = [t[0], t[1], t[2]].map(|i| tess.outline[i as usize]);
        let inside = pos2((a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0);
        if let Some(p) = app.canvas.screen_pos(&app.content.atlas, &panel, inside) {
            return p;
        }
    }
    panic!("no essential zone on screen");
}

#[test]
fn finding_the_pain_scores_a_click_in_the_pattern() {
    let mut h = harness(5);
    h.get_by_label("Find the pain").click();
    h.run();
    assert!(h.query_by_label_contains("Click on the body").is_some());
    let spot = essential_spot(&h);
    h.hover_at(spot);
    h.run();
    h.drag_at(spot);
    h.drop_at(spot);
    h.run();
    assert_eq!(h.state().work.quiz.feedback, Some(Feedback::Correct));
    assert!(
        h.state().work.quiz.click.is_some(),
        "the click is shown with the revealed pattern"
    );
    assert_eq!(h.state().work.quiz.session, (1, 1));
}

#[test]
fn the_region_filter_limits_the_questions() {
    use trigger_atlas::app::Command;
    let mut h = harness(3);
    // What the Region box sends when "Leg and foot" is picked.
    h.state_mut()
        .apply(Command::Quiz(QuizAction::SetRegion(Some(
            "Leg and foot".into(),
        ))));
    for _ in 0..10 {
        let app = h.state();
        let region = app
            .work
            .quiz
            .question
            .as_ref()
            .and_then(|q| app.content.atlas.muscle(q.muscle()))
            .map(|m| m.region.clone());
        assert_eq!(region.as_deref(), Some("Leg and foot"));
        h.state_mut().apply(Command::Quiz(QuizAction::Next));
    }
}

#[test]
fn with_every_region_the_wrong_choices_are_neighbours_and_the_saved_side_stays() {
    use trigger_atlas::app::Command;
    use trigger_atlas::model::SideChoice;
    let report = embedded();
    let mut app = AtlasApp::from_parts(report.atlas, report.errors);
    app.work.quiz = QuizState::with_seed(11);
    app.prefs.side = SideChoice::Both;
    app.apply(Command::SetMode(trigger_atlas::app::Mode::Quiz));
    let mut left_questions = 0;
    for _ in 0..30 {
        let Some(Question::NameTheMuscle {
            answer,
            choices,
            side,
        }) = app.work.quiz.question.clone()
        else {
            panic!("a naming question");
        };
        let region = &app.content.atlas.muscle(&answer).expect("answer").region;
        for c in &choices {
            assert_eq!(
                &app.content.atlas.muscle(c).expect("choice").region,
                region,
                "{c} is not a neighbour of {answer}"
            );
        }
        left_questions += usize::from(side == trigger_atlas::model::Side::Left);
        app.apply(Command::Quiz(QuizAction::Choose(answer)));
        app.apply(Command::Quiz(QuizAction::Next));
    }
    assert!(
        left_questions > 0,
        "some questions were about the left side"
    );
    assert_eq!(
        app.prefs.side,
        SideChoice::Both,
        "the quiz left the saved side alone"
    );
}

#[test]
fn after_a_wrong_answer_the_right_choice_is_marked() {
    let mut h = harness(3);
    let right = choice_label(&h, true);
    let wrong = choice_label(&h, false);
    h.get_by_label(&wrong).click();
    h.run();
    assert!(
        h.query_by_label(&format!("{right} — the answer")).is_some(),
        "the right choice, {right}, is marked"
    );
    assert!(
        h.query_by_label_contains(&format!("{wrong} — the answer"))
            .is_none()
    );
}

#[test]
fn a_round_ends_with_a_review_of_the_missed_questions() {
    let mut h = harness(11);
    assert_eq!(h.state().work.mode, trigger_atlas::app::Mode::Quiz);
    let mut wrong = Vec::new();
    for i in 0..trigger_atlas::quiz::ROUND {
        let muscle = h
            .state()
            .work
            .quiz
            .question
            .as_ref()
            .expect("asked")
            .muscle()
            .clone();
        h.event(egui::Event::Text("1".into()));
        h.run();
        if !h
            .state()
            .work
            .quiz
            .feedback
            .as_ref()
            .expect("answered")
            .scores()
        {
            wrong.push(muscle);
        }
        if i + 1 < trigger_atlas::quiz::ROUND {
            assert!(h.query_by_label_contains("End of the round").is_none());
            h.event(egui::Event::Text("n".into()));
            h.run();
        }
    }
    let heading = format!("End of the round: {} missed", wrong.len());
    assert!(h.query_by_label(&heading).is_some(), "{heading}");
    if let Some(first) = wrong.first() {
        let name = h
            .state()
            .content
            .atlas
            .muscle(first)
            .expect("muscle")
            .name
            .clone();
        h.get_by_label(&format!("Show {name} in the atlas")).click();
        h.run();
        assert_eq!(h.state().work.mode, trigger_atlas::app::Mode::Atlas);
        assert_eq!(h.state().work.selected.as_ref(), Some(first));
        h.event(egui::Event::Text("m".into()));
        h.run();
        h.event(egui::Event::Text("m".into()));
        h.run();
    }
    // The next question starts a new round.
    h.event(egui::Event::Text("n".into()));
    h.run();
    assert_eq!(h.state().work.quiz.answered_in_round, 0);
    assert!(h.state().work.quiz.missed.is_empty());
    assert!(h.query_by_label_contains("End of the round").is_none());
}

#[test]
fn every_area_a_pattern_names_is_a_right_answer_by_name() {
    // Answering "find the pain" without a pointer picks an area by name. The atlas
    // places each name once, sometimes in another muscle's zone elsewhere on the
    // body ("little finger" on the palm when this pattern has it on the back of the
    // hand); the answer is still right, and the mark goes into this pattern's zone.
    let atlas = embedded().atlas;
    let places = trigger_atlas::finder::places(&atlas);
    let mut wrong = Vec::new();
    for m in &atlas.muscles {
        for (kind, expected) in [
            (ZoneKind::Essential, Feedback::Correct),
            (ZoneKind::Spillover, Feedback::CorrectSpillover),
        ] {
            for area in m.areas(kind) {
                if kind == ZoneKind::Spillover && m.areas(ZoneKind::Essential).contains(&area) {
                    continue;
                }
                let place = places.iter().find(|p| p.area == area).expect("placed");
                for side in [Side::Right, Side::Left] {
                    let mut quiz = QuizState::with_seed(1);
                    quiz.question = Some(Question::FindThePain {
                        muscle: m.id.clone(),
                        side,
                    });
                    let mut record = trigger_atlas::quiz::QuizRecord::default();
                    quiz.answer_place(&atlas, place, &mut record);
                    let mark = quiz.click.clone().expect("a mark");
                    let covered = trigger_atlas::finder::coverage(&atlas, m, side, &mark);
                    if quiz.feedback.as_ref() != Some(&expected)
                        || covered == trigger_atlas::finder::Coverage::Outside
                    {
                        wrong.push(format!(
                            "{} {area} ({side:?}): {:?}, mark {covered:?}",
                            m.id.0, quiz.feedback
                        ));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} wrong: {wrong:#?}", wrong.len());
}
