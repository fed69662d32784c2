//! The working state: what the user is looking at right now (selection, comparison,
//! mode, the pain finder, the quiz, the lesson). Not persisted; changed only by
//! commands ([`super::command`]) and read by the panels.

use crate::draw::layout::{Panel, panels_for};
use crate::finder::FinderState;
use crate::model::{Atlas, Muscle, MuscleId, Side, ViewId};
use crate::quiz::{Question, QuizState};

use super::content::Content;
use super::prefs::Preferences;

/// What the window is for right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Mode {
    /// Pick a muscle, see its pattern.
    Atlas,
    /// Mark where it hurts, see which muscles can cause it.
    Finder,
    /// Test yourself.
    Quiz,
}

impl Mode {
    /// The mode `M` switches to.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Mode::Atlas => Mode::Finder,
            Mode::Finder => Mode::Quiz,
            Mode::Quiz => Mode::Atlas,
        }
    }
}

/// Where a lesson is: which lesson of the list, which step.
pub type LessonPlace = (usize, usize);

/// What the user is looking at and doing.
#[derive(Clone, Debug)]
pub struct WorkingState {
    pub mode: Mode,
    pub selected: Option<MuscleId>,
    /// Muscles compared with the selected one (Ctrl- or Shift-click to add or remove).
    pub compare: Vec<MuscleId>,
    /// The text in the search box.
    pub search: String,
    /// The condition opened in the conditions list.
    pub open_condition: Option<String>,
    pub finder: FinderState,
    pub quiz: QuizState,
    /// The lesson being given, if any.
    pub lesson: Option<LessonPlace>,
    /// Only this trigger point's pattern of the selected muscle (by label); `None`:
    /// all of them. Cleared when the selection changes.
    pub trigger_point: Option<String>,
    /// The side, views and zoom before the lesson began, put back when it ends.
    pub before_lesson: Option<ViewSettings>,
    /// Figures only: the side panels and the top bar hidden, a slim caption instead.
    pub figures_only: bool,
    /// Zoom to the selected pattern when the canvas is next drawn (a lesson step
    /// asks for it; the canvas knows the layout).
    pub fit_pattern: bool,
    /// The last change said to a screen reader (and shown in the status line).
    pub announcement: String,
    /// The search the announced result count was for.
    pub announced_search: String,
    /// The named place chosen to answer "find the pain" from the keyboard.
    pub quiz_place: usize,
    /// Whether a text field had the keyboard at the end of the last frame.
    pub typing_last_frame: bool,
}

/// What a lesson step changes: the side, the views and the zoom.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewSettings {
    side: crate::model::SideChoice,
    auto_views: bool,
    chosen_views: Vec<ViewId>,
    zoom: crate::ui::canvas::Zoom,
}

impl ViewSettings {
    /// The settings as they are now.
    #[must_use]
    pub fn of(prefs: &Preferences, zoom: crate::ui::canvas::Zoom) -> Self {
        Self {
            side: prefs.side,
            auto_views: prefs.auto_views,
            chosen_views: prefs.chosen_views.clone(),
            zoom,
        }
    }

    /// Puts these settings back.
    pub fn restore(self, prefs: &mut Preferences, zoom: &mut crate::ui::canvas::Zoom) {
        prefs.side = self.side;
        prefs.auto_views = self.auto_views;
        prefs.chosen_views = self.chosen_views;
        *zoom = self.zoom;
    }
}

impl WorkingState {
    /// Nothing selected, the atlas mode, a quiz seeded by `quiz_seed`.
    #[must_use]
    pub fn new(quiz_seed: u64) -> Self {
        Self {
            mode: Mode::Atlas,
            selected: None,
            compare: Vec::new(),
            search: String::new(),
            open_condition: None,
            finder: FinderState::default(),
            quiz: QuizState::with_seed(quiz_seed),
            lesson: None,
            trigger_point: None,
            before_lesson: None,
            figures_only: false,
            fit_pattern: false,
            announcement: String::new(),
            announced_search: String::new(),
            quiz_place: 0,
            typing_last_frame: false,
        }
    }

    /// The selected muscle.
    #[must_use]
    pub fn selected_muscle<'a>(&self, atlas: &'a Atlas) -> Option<&'a Muscle> {
        self.selected.as_ref().and_then(|id| atlas.muscle(id))
    }

    /// The patterns being compared, each with its colour: the selected muscle first,
    /// then the others added to the comparison. Empty when nothing is compared, and
    /// outside the atlas mode.
    #[must_use]
    pub fn overlay<'a>(&self, atlas: &'a Atlas) -> Vec<(&'a Muscle, egui::Color32)> {
        match self.mode {
            Mode::Atlas => overlay_of(atlas, self.selected.as_ref(), &self.compare),
            Mode::Finder | Mode::Quiz => Vec::new(),
        }
    }

    /// The muscle whose pattern the canvas shows, and on which sides: the selection
    /// in the atlas, the chosen candidate in the finder, the question in the quiz.
    #[must_use]
    pub fn shown_pattern<'a>(
        &self,
        atlas: &'a Atlas,
        prefs: &Preferences,
    ) -> Option<(&'a Muscle, &'static [Side])> {
        match self.mode {
            Mode::Atlas => self.selected_muscle(atlas).map(|m| (m, prefs.side.sides())),
            Mode::Finder => self
                .finder
                .chosen_candidate()
                .and_then(|c| atlas.muscle(&c.muscle).map(|m| (m, c.side.alone()))),
            Mode::Quiz => self
                .quiz
                .question
                .as_ref()
                .and_then(|q| atlas.muscle(q.muscle()).map(|m| (m, q.side().alone()))),
        }
    }

    /// The panels to draw: the selected muscle's views (or the chosen ones), with side
    /// views once per shown side.
    #[must_use]
    pub fn panels(&self, content: &Content, prefs: &Preferences) -> Vec<Panel> {
        let atlas = &content.atlas;
        let start_views = || atlas.start_views();
        let view_ids: Vec<&ViewId> = if !prefs.auto_views && !prefs.chosen_views.is_empty() {
            atlas
                .views
                .iter()
                .map(|v| &v.id)
                .filter(|id| prefs.chosen_views.contains(id))
                .collect()
        } else {
            match self.mode {
                Mode::Finder => start_views(),
                Mode::Quiz => self
                    .quiz
                    .question
                    .as_ref()
                    .and_then(|q| atlas.muscle(q.muscle()))
                    .map_or_else(start_views, |m| m.views(atlas)),
                Mode::Atlas if !self.compare.is_empty() => {
                    let overlay = self.overlay(atlas);
                    atlas
                        .views
                        .iter()
                        .map(|v| &v.id)
                        .filter(|id| overlay.iter().any(|(m, _)| m.views(atlas).contains(id)))
                        .collect()
                }
                Mode::Atlas => self.selected_muscle(atlas).map_or_else(start_views, |m| {
                    m.views_from(atlas, self.trigger_point.as_deref())
                }),
            }
        };
        // Pain can be marked on either side, so the finder shows side views for both.
        let sides = match self.mode {
            Mode::Finder => &Side::BOTH[..],
            Mode::Quiz => self
                .quiz
                .question
                .as_ref()
                .map_or_else(|| prefs.side.sides(), |q| q.side().alone()),
            Mode::Atlas => prefs.side.sides(),
        };
        panels_for(atlas, &view_ids, sides)
    }

    /// Until answered, a naming question hides the muscle and a finding question
    /// hides the pattern: (show the muscle's shape, show its zones).
    #[must_use]
    pub fn quiz_reveals(&self) -> (bool, bool) {
        let answered = self.quiz.feedback.is_some();
        match (self.mode, &self.quiz.question) {
            (Mode::Quiz, Some(Question::NameTheMuscle { .. })) => (answered, true),
            (Mode::Quiz, Some(Question::FindThePain { .. })) => (true, answered),
            _ => (true, true),
        }
    }
}

/// The compared patterns and their colours: `selected` first, then `compare`.
fn overlay_of<'a>(
    atlas: &'a Atlas,
    selected: Option<&MuscleId>,
    compare: &[MuscleId],
) -> Vec<(&'a Muscle, egui::Color32)> {
    if compare.is_empty() {
        return Vec::new();
    }
    let mut ids: Vec<&MuscleId> = selected.into_iter().collect();
    for id in compare {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.iter()
        .filter_map(|id| atlas.muscle(id))
        .zip(crate::theme::OVERLAY_PALETTE.iter().cycle())
        .map(|(m, c)| (m, *c))
        .collect()
}
