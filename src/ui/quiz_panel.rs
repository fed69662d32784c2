//! The quiz panel: the question, the choices, feedback and the score.

use egui::{RichText, Ui};

use crate::model::{Atlas, MuscleId};
use crate::quiz::{Feedback, Question, QuizKind, QuizRecord};

/// What the user asked for in the quiz panel.
#[derive(Clone, Debug, PartialEq)]
pub enum QuizAction {
    SetKind(QuizKind),
    SetRegion(Option<String>),
    /// Limit the questions to a functional group, by id.
    SetGroup(Option<String>),
    Choose(MuscleId),
    Next,
    /// Show a missed question's muscle in the atlas.
    Review(MuscleId),
    /// Answer "find the pain" with a named place (index into the places), without a
    /// pointer.
    AnswerPlace(usize),
}

/// The quiz as the panel needs to see it.
pub struct QuizView<'a> {
    pub kind: QuizKind,
    pub region: Option<&'a str>,
    /// The functional group the questions are limited to, by id.
    pub group: Option<&'a str>,
    pub question: Option<&'a Question>,
    pub feedback: Option<&'a Feedback>,
    /// This session's score: (correct, asked).
    pub session: (u32, u32),
    pub record: QuizRecord,
    /// The round is over: list these missed questions for review.
    pub review: Option<&'a [Question]>,
    /// The named places, for answering "find the pain" from the keyboard.
    pub places: &'a [crate::finder::Place],
}

/// Shows the quiz; returns what the user did.
pub fn quiz_panel_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    quiz: &QuizView<'_>,
    place_pick: &mut usize,
) -> Option<QuizAction> {
    let mut action = None;
    ui.heading("Quiz");
    ui.horizontal(|ui| {
        for (kind, label) in [
            (QuizKind::NameTheMuscle, "Name the muscle"),
            (QuizKind::FindThePain, "Find the pain"),
        ] {
            if ui.selectable_label(quiz.kind == kind, label).clicked() {
                action = Some(QuizAction::SetKind(kind));
            }
        }
    });
    let region_name = quiz.region.unwrap_or("All regions");
    let region_box = egui::ComboBox::from_label("Region")
        .selected_text(region_name)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(quiz.region.is_none(), "All regions")
                .clicked()
            {
                action = Some(QuizAction::SetRegion(None));
            }
            for region in atlas.regions() {
                if ui
                    .selectable_label(quiz.region == Some(region), region)
                    .clicked()
                {
                    action = Some(QuizAction::SetRegion(Some(region.to_owned())));
                }
            }
        });
    crate::ui::a11y::set_value(&region_box.response, region_name);
    let group_name = quiz
        .group
        .and_then(|id| atlas.group(id))
        .map_or("All groups", |g| g.name.as_str());
    let group_box = egui::ComboBox::from_label("Group")
        .selected_text(group_name)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(quiz.group.is_none(), "All groups")
                .clicked()
            {
                action = Some(QuizAction::SetGroup(None));
            }
            for group in &atlas.groups {
                if ui
                    .selectable_label(quiz.group == Some(group.id.as_str()), &group.name)
                    .clicked()
                {
                    action = Some(QuizAction::SetGroup(Some(group.id.clone())));
                }
            }
        });
    crate::ui::a11y::set_value(&group_box.response, group_name);
    ui.label(format!("Score: {} of {}", quiz.session.0, quiz.session.1));
    ui.weak(format!(
        "All sessions: {} of {}",
        quiz.record.correct, quiz.record.asked
    ));
    ui.separator();

    let Some(question) = quiz.question else {
        ui.label("No muscle in this region.");
        return action;
    };
    let name = |id: &MuscleId| {
        atlas
            .muscle(id)
            .map_or_else(|| id.0.clone(), |m| m.name.clone())
    };
    match question {
        Question::NameTheMuscle {
            choices,
            side,
            answer,
        } => {
            ui.label(
                RichText::new(format!(
                    "Which muscle refers pain like this ({} side)?",
                    side.word()
                ))
                .strong(),
            );
            // The pattern in words, for those who cannot see the figure (the muscle is
            // not named).
            if let Some(m) = atlas.muscle(answer) {
                let essential = m.areas(crate::model::ZoneKind::Essential).join(", ");
                let spillover = m.areas(crate::model::ZoneKind::Spillover).join(", ");
                // The areas are phrases ("behind the ear", "upper arm"), so they are
                // listed after a colon rather than fitted into a sentence.
                let mut text = format!("The pattern in words: {essential}");
                if !spillover.is_empty() {
                    text.push_str("; in some people also: ");
                    text.push_str(&spillover);
                }
                text.push('.');
                ui.label(text);
            }
            for (i, id) in choices.iter().enumerate() {
                // Once answered, the right choice is marked, whatever was picked.
                let is_answer = quiz.feedback.is_some() && id == answer;
                let label = if is_answer {
                    format!("{}. {} — the answer", i + 1, name(id))
                } else {
                    format!("{}. {}", i + 1, name(id))
                };
                if ui
                    .add_enabled(
                        quiz.feedback.is_none(),
                        egui::Button::new(label).selected(is_answer),
                    )
                    .clicked()
                {
                    action = Some(QuizAction::Choose(id.clone()));
                }
            }
        }
        Question::FindThePain { muscle, side } => {
            ui.label(
                RichText::new(format!(
                    "Where does the {} side {} refer pain? Click on the body.",
                    side.word(),
                    in_sentence(&name(muscle))
                ))
                .strong(),
            );
            if quiz.feedback.is_none() && !quiz.places.is_empty() {
                *place_pick = (*place_pick).min(quiz.places.len() - 1);
                ui.horizontal_wrapped(|ui| {
                    ui.label("Or choose the area:");
                    let current = quiz.places[*place_pick].area.as_str();
                    let area_box = egui::ComboBox::from_label("Answer area")
                        .selected_text(current)
                        .height(300.0)
                        .show_ui(ui, |ui| {
                            for (i, p) in quiz.places.iter().enumerate() {
                                ui.selectable_value(place_pick, i, &p.area);
                            }
                        });
                    crate::ui::a11y::set_value(&area_box.response, current);
                    let answer = ui.button("Answer");
                    crate::ui::a11y::rename(&answer, &format!("Answer: {current}"));
                    if answer.clicked() {
                        action = Some(QuizAction::AnswerPlace(*place_pick));
                    }
                });
            }
        }
    }
    if let Some(feedback) = quiz.feedback {
        ui.add_space(6.0);
        let text = feedback_words(atlas, Some(question), feedback);
        ui.label(RichText::new(text).strong());
        if let Some(missed) = quiz.review {
            ui.add_space(6.0);
            crate::ui::a11y::heading(ui, &format!("End of the round: {} missed", missed.len()));
            if missed.is_empty() {
                ui.label("None missed. Well done.");
            }
            for q in missed {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("{} ({} side)", name(q.muscle()), q.side().word()));
                    let show = ui.small_button("Show");
                    crate::ui::a11y::rename(
                        &show,
                        &format!("Show {} in the atlas", name(q.muscle())),
                    );
                    if show.clicked() {
                        action = Some(QuizAction::Review(q.muscle().clone()));
                    }
                });
            }
            ui.weak("Next question starts a new round.");
        }
        if ui.button("Next question").clicked() {
            action = Some(QuizAction::Next);
        }
        ui.weak("Enter or N: next question.");
    } else if matches!(question, Question::NameTheMuscle { .. }) {
        ui.weak("Keys 1 to 4 answer.");
    }
    action
}

/// The feedback line after an answer, in words (shown, and said to a screen reader).
#[must_use]
pub fn feedback_words(atlas: &Atlas, question: Option<&Question>, feedback: &Feedback) -> String {
    let name = |id: &MuscleId| {
        atlas
            .muscle(id)
            .map_or_else(|| id.0.clone(), |m| m.name.clone())
    };
    match feedback {
        Feedback::Correct => "Correct.".to_owned(),
        Feedback::CorrectSpillover => {
            "Correct: that is its spillover zone; the solid area is felt more often.".to_owned()
        }
        Feedback::Wrong { right: Some(id) } => {
            format!(
                "Not quite: this is the pattern of the {}.",
                in_sentence(&name(id))
            )
        }
        Feedback::Wrong { right: None } => match question {
            Some(q) => format!(
                "Not quite: the pattern of the {} is shown now.",
                in_sentence(&name(q.muscle()))
            ),
            None => "Not quite: the pattern is shown now.".to_owned(),
        },
    }
}

/// A muscle's name inside a sentence, after "the": "upper trapezius", but "SCM" and
/// other names that begin with an abbreviation keep their capitals.
fn in_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::in_sentence;

    #[test]
    fn a_name_in_a_sentence_starts_in_lower_case_unless_it_is_an_abbreviation() {
        assert_eq!(in_sentence("Upper trapezius"), "upper trapezius");
        assert_eq!(
            in_sentence("SCM (sternal division)"),
            "SCM (sternal division)"
        );
        assert_eq!(in_sentence("X"), "X");
        assert_eq!(in_sentence(""), "");
    }
}
