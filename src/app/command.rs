//! Everything a panel or a key can ask for, as a value, and the one function that
//! carries it out. Panels return actions; the root turns them into [`Command`]s and
//! applies them after the UI pass, so no panel changes state while others draw.

use crate::draw::layout::Panel;
use crate::hit::Hit;
use crate::model::{MuscleId, SideChoice};
use crate::ui::canvas::Zoom;
use crate::ui::finder_panel::FinderAction;
use crate::ui::quiz_panel::QuizAction;

use super::content::Content;
use super::prefs::{ListTab, Preferences};
use super::state::{Mode, ViewSettings, WorkingState};
use crate::ui::list::ListGrouping;

/// Something a panel or key asked for, applied after the UI pass.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Select(MuscleId),
    /// A click on the body: select the muscle and show the side that was clicked.
    SelectOnBody(Hit),
    SetSide(SideChoice),
    SetMode(Mode),
    /// Add a muscle to the comparison, or take it out.
    ToggleCompare(MuscleId),
    ClearCompare,
    /// Start lesson number `n` of the lessons at its first step.
    StartLesson(usize),
    /// Move through the lesson by this many steps.
    LessonStep(isize),
    EndLesson,
    /// Paint a spot in the pain finder (skipped when it is right on top of the last one).
    Paint {
        panel: Panel,
        pos_in_body: egui::Pos2,
    },
    Finder(FinderAction),
    Quiz(QuizAction),
    /// A click on the body answering a "find the pain" question.
    QuizClick {
        panel: Panel,
        pos_in_body: egui::Pos2,
    },
    /// Select the next (+1) or previous (-1) muscle of the selected muscle's region.
    StepMuscle(isize),
    /// List the members of a functional group (by id): the list by function,
    /// searching for the group's name.
    ShowGroup(String),
    /// Show only this trigger point's pattern of the selected muscle (`None`: all).
    ChooseTriggerPoint(Option<String>),
}

impl WorkingState {
    /// Carries out `command` on the working state, the preferences and the canvas
    /// zoom. Needs no window: unit tests call it directly.
    pub fn apply(
        &mut self,
        command: Command,
        content: &Content,
        prefs: &mut Preferences,
        zoom: &mut Zoom,
    ) {
        let selected_before = self.selected.clone();
        self.run(command, content, prefs, zoom);
        // A trigger point belongs to the muscle it was chosen on.
        if self.selected != selected_before {
            self.trigger_point = None;
        }
    }

    fn run(
        &mut self,
        command: Command,
        content: &Content,
        prefs: &mut Preferences,
        zoom: &mut Zoom,
    ) {
        let atlas = &content.atlas;
        match command {
            Command::Select(id) => self.selected = Some(id),
            Command::SelectOnBody(hit) => {
                self.selected = Some(hit.muscle);
                if prefs.side != SideChoice::Both {
                    prefs.side = hit.side.into();
                }
            }
            Command::SetSide(side) => prefs.side = side,
            Command::SetMode(mode) => {
                self.mode = mode;
                if mode == Mode::Quiz && self.quiz.question.is_none() {
                    self.ask(content, prefs);
                }
            }
            Command::Quiz(action) => match action {
                QuizAction::SetKind(kind) => {
                    self.quiz.kind = kind;
                    self.ask(content, prefs);
                }
                QuizAction::SetRegion(region) => {
                    self.quiz.region = region;
                    self.ask(content, prefs);
                }
                QuizAction::SetGroup(group) => {
                    self.quiz.group = group;
                    self.ask(content, prefs);
                }
                QuizAction::Choose(id) => self.quiz.choose(&id, &mut prefs.quiz_record),
                QuizAction::Next => {
                    if self.quiz.round_over() {
                        self.quiz.new_round();
                    }
                    self.ask(content, prefs);
                }
                QuizAction::AnswerPlace(i) => {
                    if let Some(place) = self.finder.places(atlas).get(i) {
                        self.quiz.answer_place(atlas, place, &mut prefs.quiz_record);
                    }
                }
                QuizAction::Review(id) => {
                    self.mode = Mode::Atlas;
                    self.selected = Some(id);
                    self.trigger_point = None;
                }
            },
            Command::QuizClick { panel, pos_in_body } => {
                self.quiz.click(
                    atlas,
                    &panel.view,
                    panel.side,
                    pos_in_body,
                    &mut prefs.quiz_record,
                );
            }
            Command::ToggleCompare(id) => self.toggle_compare(id),
            Command::ClearCompare => self.compare.clear(),
            Command::StartLesson(n) => {
                if n < content.lessons.len() {
                    if self.lesson.is_none() {
                        self.before_lesson = Some(ViewSettings::of(prefs, *zoom));
                    }
                    self.lesson = Some((n, 0));
                    self.show_lesson_step(content, prefs, zoom);
                }
            }
            Command::LessonStep(by) => {
                if let Some((n, step)) = self.lesson {
                    let last = content
                        .lessons
                        .get(n)
                        .map_or(0, |l| l.steps.len().saturating_sub(1));
                    let next = step.saturating_add_signed(by).min(last);
                    self.lesson = Some((n, next));
                    self.show_lesson_step(content, prefs, zoom);
                }
            }
            Command::EndLesson => self.end_lesson(prefs, zoom),
            Command::Paint { panel, pos_in_body } => {
                self.finder
                    .paint(atlas, &panel.view, panel.side, pos_in_body);
            }
            Command::Finder(action) => match action {
                FinderAction::Undo => self.finder.undo(atlas),
                FinderAction::Clear => self.finder.clear(atlas),
                FinderAction::Choose(i) => self.finder.toggle_chosen(i),
                FinderAction::Remove(i) => self.finder.remove(atlas, i),
                FinderAction::SaveDrawing => self.save_drawing(),
                FinderAction::OpenDrawing => self.open_drawing(atlas),
                FinderAction::MarkPlace(i, side) => {
                    if let Some(place) = self.finder.places(atlas).get(i).cloned() {
                        self.finder.mark_place(atlas, &place, side);
                    }
                }
                FinderAction::Open(i) => {
                    if let Some(c) = self.finder.candidates.get(i) {
                        self.selected = Some(c.muscle.clone());
                        prefs.side = c.side.into();
                        self.mode = Mode::Atlas;
                    }
                }
            },
            Command::StepMuscle(step) => self.step_muscle(content, step),
            Command::ChooseTriggerPoint(label) => {
                let known = self.selected_muscle(atlas).is_some_and(|m| {
                    label
                        .as_deref()
                        .is_none_or(|l| m.trigger_point_labels().contains(&l))
                });
                if known {
                    self.trigger_point = label;
                }
            }
            Command::ShowGroup(id) => {
                if let Some(group) = atlas.group(&id) {
                    prefs.list_tab = ListTab::Muscles;
                    prefs.list_grouping = ListGrouping::Function;
                    self.search.clone_from(&group.name);
                }
            }
        }
    }

    /// Saves the pain drawing at the path typed in the finder, and says where.
    fn save_drawing(&mut self) {
        let f = &mut self.finder;
        let path = std::path::PathBuf::from(f.drawing_path.trim());
        let words = |w: &str| Some(w.trim().to_owned()).filter(|w| !w.is_empty());
        let drawing = crate::io::PainDrawing {
            date: f.note.date_or(&crate::export::today()).to_owned(),
            label: words(&f.drawing_label),
            initials: words(&f.note.initials),
            note: words(&f.note.note),
            brush_radius: f.brush_radius,
            marks: f.marks.clone(),
            chosen: f.chosen_candidate().map(|c| (c.muscle.clone(), c.side)),
        };
        f.drawing_status = Some(match crate::io::save_drawing_file(&path, &drawing) {
            Ok(()) => format!(
                "Saved the drawing ({} marks) to {}",
                drawing.marks.len(),
                path.display()
            ),
            Err(e) => format!("Not saved: {e}"),
        });
    }

    /// Opens the pain drawing at the typed path: its marks, brush and shown candidate
    /// come back as they were saved.
    fn open_drawing(&mut self, atlas: &crate::model::Atlas) {
        let f = &mut self.finder;
        let path = std::path::PathBuf::from(f.drawing_path.trim());
        f.drawing_status = Some(match crate::io::load_drawing_file(&path, atlas) {
            Ok(d) => {
                let text = format!(
                    "Opened the drawing of {}{} ({} marks)",
                    d.date,
                    d.label
                        .as_deref()
                        .map(|l| format!(", {l}"))
                        .unwrap_or_default(),
                    d.marks.len()
                );
                f.drawing_label = d.label.clone().unwrap_or_default();
                f.note = crate::model::ClinicianNote {
                    initials: d.initials.clone().unwrap_or_default(),
                    date: d.date.clone(),
                    note: d.note.clone().unwrap_or_default(),
                };
                f.restore(atlas, d.marks, d.brush_radius, d.chosen);
                text
            }
            Err(errors) => {
                let first = errors.first().map(ToString::to_string).unwrap_or_default();
                format!("Not opened: {first}")
            }
        });
    }

    /// Ends the lesson and puts back the side, views and zoom it had changed.
    pub fn end_lesson(&mut self, prefs: &mut Preferences, zoom: &mut Zoom) {
        self.lesson = None;
        if let Some(before) = self.before_lesson.take() {
            before.restore(prefs, zoom);
        }
    }

    fn toggle_compare(&mut self, id: MuscleId) {
        if let Some(i) = self.compare.iter().position(|c| *c == id) {
            self.compare.remove(i);
        } else if self.selected.as_ref() == Some(&id) {
            // Taking the selected muscle out of a comparison: promote the next one.
            self.selected = (!self.compare.is_empty()).then(|| self.compare.remove(0));
        } else if self.selected.is_none() {
            self.selected = Some(id);
        } else {
            self.compare.push(id);
        }
    }

    /// Asks the next quiz question. The canvas shows the side it is about; the
    /// user's own side preference is left alone (it is saved, the quiz is not).
    fn ask(&mut self, content: &Content, _prefs: &mut Preferences) {
        self.quiz.ask(&content.atlas);
    }

    /// Selects the next (`+1`) or previous (`-1`) muscle of the selected muscle's
    /// region (or, with a search, of what it found), wrapping around; with nothing
    /// selected, the first muscle.
    fn step_muscle(&mut self, content: &Content, step: isize) {
        let atlas = &content.atlas;
        let query = self.search.trim().to_lowercase();
        let region = self.selected_muscle(atlas).map(|m| m.region.clone());
        // With a search, the arrows step through what it found; else through the
        // selected muscle's region.
        let list: Vec<&MuscleId> = atlas
            .muscles
            .iter()
            .filter(|m| {
                if query.is_empty() {
                    region.as_ref().is_none_or(|r| &m.region == r)
                } else {
                    crate::ui::list::search_matches(atlas, m, &query)
                }
            })
            .map(|m| &m.id)
            .collect();
        if list.is_empty() {
            return;
        }
        let next = match self
            .selected
            .as_ref()
            .and_then(|id| list.iter().position(|m| *m == id))
        {
            Some(i) => (i.cast_signed() + step)
                .rem_euclid(list.len().cast_signed())
                .cast_unsigned(),
            None => 0,
        };
        self.selected = Some(list[next].clone());
        self.mode = Mode::Atlas;
    }

    /// Shows the current lesson step: its muscles, side, views and zoom.
    fn show_lesson_step(&mut self, content: &Content, prefs: &mut Preferences, zoom: &mut Zoom) {
        let Some(step) = self
            .lesson
            .and_then(|(n, s)| content.lessons.get(n)?.steps.get(s))
            .cloned()
        else {
            return;
        };
        self.mode = Mode::Atlas;
        self.selected = step.muscles.first().cloned();
        self.compare = step.muscles.iter().skip(1).cloned().collect();
        prefs.side = step.side;
        prefs.auto_views = step.views.is_empty();
        if !step.views.is_empty() {
            prefs.chosen_views = step.views;
        }
        *zoom = Zoom {
            factor: step.zoom,
            pan: egui::Vec2::ZERO,
        };
        self.trigger_point.clone_from(&step.trigger_point);
        self.fit_pattern = step.zoom_to_pattern;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Side;

    fn content() -> Content {
        let report = crate::io::load_atlas(None);
        Content::new(report.atlas, report.errors)
    }

    /// A fresh working state, default preferences and zoom.
    fn fresh() -> (WorkingState, Preferences, Zoom) {
        (
            WorkingState::new(1),
            Preferences::default(),
            Zoom::default(),
        )
    }

    fn id(s: &str) -> MuscleId {
        MuscleId(s.to_owned())
    }

    #[test]
    fn a_click_on_the_left_body_selects_the_muscle_and_shows_the_left_side() {
        let content = content();
        let (mut state, mut prefs, mut zoom) = fresh();
        let hit = Hit {
            muscle: id("masseter"),
            side: Side::Left,
        };
        state.apply(Command::SelectOnBody(hit), &content, &mut prefs, &mut zoom);
        assert_eq!(state.selected, Some(id("masseter")));
        assert_eq!(prefs.side, SideChoice::Left);
        // With both sides shown, a click keeps both.
        prefs.side = SideChoice::Both;
        let hit = Hit {
            muscle: id("temporalis"),
            side: Side::Right,
        };
        state.apply(Command::SelectOnBody(hit), &content, &mut prefs, &mut zoom);
        assert_eq!(prefs.side, SideChoice::Both);
    }

    #[test]
    fn taking_the_selected_muscle_out_of_a_comparison_promotes_the_next() {
        let content = content();
        let (mut state, mut prefs, mut zoom) = fresh();
        for m in ["piriformis", "gluteus_minimus", "quadratus_lumborum"] {
            state.apply(
                Command::ToggleCompare(id(m)),
                &content,
                &mut prefs,
                &mut zoom,
            );
        }
        assert_eq!(state.selected, Some(id("piriformis")));
        assert_eq!(
            state.compare,
            [id("gluteus_minimus"), id("quadratus_lumborum")]
        );
        state.apply(
            Command::ToggleCompare(id("piriformis")),
            &content,
            &mut prefs,
            &mut zoom,
        );
        assert_eq!(state.selected, Some(id("gluteus_minimus")));
        assert_eq!(state.compare, [id("quadratus_lumborum")]);
    }

    #[test]
    fn lesson_steps_stop_at_the_last_and_set_side_views_and_zoom() {
        let content = content();
        let (mut state, mut prefs, mut zoom) = fresh();
        state.apply(Command::StartLesson(0), &content, &mut prefs, &mut zoom);
        let steps = content.lessons[0].steps.len();
        for _ in 0..steps + 3 {
            state.apply(Command::LessonStep(1), &content, &mut prefs, &mut zoom);
        }
        assert_eq!(state.lesson, Some((0, steps - 1)));
        let last = &content.lessons[0].steps[steps - 1];
        assert_eq!(state.selected.as_ref(), last.muscles.first());
        assert_eq!(prefs.side, last.side);
        assert!((zoom.factor - last.zoom).abs() < f32::EPSILON);
        // Unknown lessons are ignored.
        state.apply(Command::StartLesson(99), &content, &mut prefs, &mut zoom);
        assert_eq!(state.lesson, Some((0, steps - 1)));
    }

    #[test]
    fn stepping_wraps_within_the_region_and_returns_to_the_atlas() {
        let content = content();
        let (mut state, mut prefs, mut zoom) = fresh();
        state.mode = Mode::Finder;
        state.apply(Command::StepMuscle(1), &content, &mut prefs, &mut zoom);
        let first = content.atlas.muscles[0].id.clone();
        assert_eq!(state.selected, Some(first.clone()));
        assert_eq!(state.mode, Mode::Atlas);
        state.apply(Command::StepMuscle(-1), &content, &mut prefs, &mut zoom);
        let region = &content.atlas.muscles[0].region;
        let last_of_region = content
            .atlas
            .muscles
            .iter()
            .rfind(|m| &m.region == region)
            .map(|m| m.id.clone());
        assert_eq!(state.selected, last_of_region);
    }
}
