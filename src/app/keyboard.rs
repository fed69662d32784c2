//! The window's key handling, driven by the shortcut table in [`crate::keys`].

use egui::Modifiers;

use crate::keys::{KeyAction, Pan, Press, SHORTCUTS};
use crate::quiz::Question;
use crate::ui::quiz_panel::QuizAction;

use super::AtlasApp;
use super::command::Command;
use super::state::Mode;

/// Zooming in by one key press multiplies the scale by this much.
const ZOOM_STEP: f32 = 1.25;

impl AtlasApp {
    /// Runs the shortcuts pressed this frame. While a text field has the keyboard,
    /// only the keys that make sense there (Esc, F-keys, Ctrl+E) work.
    pub(super) fn keyboard_ui(&mut self, ctx: &egui::Context) {
        // Only a text field keeps the keys for itself; a focused button or the body map
        // leaves the shortcuts working.
        // egui drops the focus on Esc before this runs, so a text field focused at the
        // end of the last frame counts too: Esc there leaves the field, nothing more.
        let typing = ctx.text_edit_focused() || self.work.typing_last_frame;
        // egui matches a plain key when Shift is held too, so the presses with
        // modifiers are taken out first (Shift + arrows pans, arrows step).
        let keys = SHORTCUTS
            .iter()
            .flat_map(|s| s.presses.iter())
            .filter_map(|(press, action)| match press {
                Press::Key(key, modifiers) => Some((*key, *modifiers, *action)),
                Press::Text(_) => None,
            });
        let (with_modifiers, plain): (Vec<_>, Vec<_>) =
            keys.partition(|(_, modifiers, _)| *modifiers != Modifiers::NONE);
        for (key, modifiers, action) in with_modifiers.into_iter().chain(plain) {
            if (typing && !action.works_while_typing()) || !self.key_applies(action) {
                continue;
            }
            if ctx.input_mut(|i| i.consume_key(modifiers, key)) {
                self.run_key(action, ctx, typing);
            }
        }
        if typing {
            return;
        }
        // Take the typed characters out of the input, so that a text field focused by
        // a shortcut ("/") does not also receive it.
        let typed: Vec<String> = ctx.input_mut(|i| {
            let mut typed = Vec::new();
            i.events.retain(|e| match e {
                egui::Event::Text(t) => {
                    typed.push(t.clone());
                    false
                }
                _ => true,
            });
            typed
        });
        for typed in &typed {
            let action = SHORTCUTS
                .iter()
                .flat_map(|s| s.presses.iter())
                .filter(|(press, _)| matches!(press, Press::Text(t) if *t == typed.as_str()))
                .map(|(_, action)| *action)
                .filter(|action| self.key_applies(*action))
                .min_by_key(|action| action.precedence());
            if let Some(action) = action {
                self.run_key(action, ctx, false);
            }
        }
    }

    /// Whether `action` means something now.
    fn key_applies(&self, action: KeyAction) -> bool {
        let quiz = &self.work.quiz;
        match action {
            KeyAction::StartLesson(n) => self.windows.lessons && n < self.content.lessons.len(),
            KeyAction::Answer(i) => {
                self.work.mode == Mode::Quiz
                    && quiz.feedback.is_none()
                    && matches!(&quiz.question,
                        Some(Question::NameTheMuscle { choices, .. }) if i < choices.len())
            }
            KeyAction::NextQuestion => self.work.mode == Mode::Quiz && quiz.feedback.is_some(),
            _ => true,
        }
    }

    fn run_key(&mut self, action: KeyAction, ctx: &egui::Context, typing: bool) {
        match action {
            KeyAction::Forward | KeyAction::Back => {
                let by = if action == KeyAction::Forward { 1 } else { -1 };
                // In a lesson the arrows (and a presenter's clicker) step through it.
                self.apply(if self.work.lesson.is_some() {
                    Command::LessonStep(by)
                } else {
                    Command::StepMuscle(by)
                });
            }
            KeyAction::FocusSearch => ctx.memory_mut(|m| {
                m.request_focus(egui::Id::unique(crate::ui::list::SEARCH_ID));
            }),
            KeyAction::Escape => {
                if typing {
                    ctx.memory_mut(egui::Memory::stop_text_input);
                } else if self.windows.help {
                    self.windows.help = false;
                } else if self.windows.export || self.windows.lessons || self.windows.about {
                    // The topmost window closes first, as in any desktop program.
                    self.windows.export = false;
                    self.windows.lessons = false;
                    self.windows.about = false;
                } else if self.work.figures_only {
                    self.work.figures_only = false;
                } else if self.work.lesson.is_some() {
                    self.apply(Command::EndLesson);
                } else {
                    self.work.selected = None;
                    self.work.compare.clear();
                    self.work.finder.chosen = None;
                }
            }
            KeyAction::Side(side) => self.apply(Command::SetSide(side)),
            KeyAction::ShowView(index) => {
                if let Some(view) = self.content.atlas.views.get(index) {
                    self.prefs.auto_views = false;
                    self.prefs.chosen_views = vec![view.id.clone()];
                }
            }
            KeyAction::AutoViews => self.prefs.auto_views = true,
            KeyAction::ZoomIn => self.zoom_by(ctx, ZOOM_STEP),
            KeyAction::ZoomOut => self.zoom_by(ctx, 1.0 / ZOOM_STEP),
            KeyAction::Fit => self.canvas.zoom.fit(),
            KeyAction::Pan(direction) => {
                let step = self.canvas.placed_area.map_or(60.0, |r| r.height() * 0.1);
                self.canvas.zoom.pan += match direction {
                    Pan::Left => egui::vec2(step, 0.0),
                    Pan::Right => egui::vec2(-step, 0.0),
                    Pan::Up => egui::vec2(0.0, step),
                    Pan::Down => egui::vec2(0.0, -step),
                };
            }
            KeyAction::ToggleLessons => self.windows.lessons = !self.windows.lessons,
            KeyAction::StartLesson(n) => self.apply(Command::StartLesson(n)),
            KeyAction::CycleMode => self.apply(Command::SetMode(self.work.mode.next())),
            KeyAction::Answer(i) => {
                if let Some(Question::NameTheMuscle { choices, .. }) = &self.work.quiz.question
                    && let Some(id) = choices.get(i).cloned()
                {
                    self.apply(Command::Quiz(QuizAction::Choose(id)));
                }
            }
            KeyAction::NextQuestion => self.apply(Command::Quiz(QuizAction::Next)),
            KeyAction::TogglePresentation => self.prefs.presentation = !self.prefs.presentation,
            KeyAction::ToggleFiguresOnly => self.work.figures_only = !self.work.figures_only,
            KeyAction::ZoomToPattern => self.canvas.fit_pattern = true,
            KeyAction::FocusRegion(forward) => {
                let regions = [
                    egui::Id::unique(crate::ui::list::SEARCH_ID),
                    crate::ui::canvas::map_id(),
                    crate::ui::details::details_id(),
                ];
                let now = ctx
                    .memory(egui::Memory::focused)
                    .and_then(|f| regions.iter().position(|r| *r == f));
                let next = match (now, forward) {
                    (Some(i), true) => (i + 1) % regions.len(),
                    (Some(i), false) => (i + regions.len() - 1) % regions.len(),
                    (None, true) => 0,
                    (None, false) => regions.len() - 1,
                };
                ctx.memory_mut(|m| m.request_focus(regions[next]));
            }
            KeyAction::ToggleFullscreen => {
                let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
            }
            KeyAction::ToggleDark => self.prefs.dark_mode = !self.prefs.dark_mode,
            KeyAction::ToggleExport => self.windows.export = !self.windows.export,
            KeyAction::ToggleHelp => self.windows.help = !self.windows.help,
        }
    }

    /// Zooms the canvas about its centre.
    /// Zooms about the pointer when it is over the figure (what lies under it stays
    /// there), else about the canvas centre.
    fn zoom_by(&mut self, ctx: &egui::Context, by: f32) {
        if let Some(area) = self.canvas.placed_area {
            let anchor = ctx
                .pointer_hover_pos()
                .filter(|p| area.contains(*p))
                .unwrap_or(area.center());
            self.canvas.zoom.zoom_about(area, anchor, by);
        }
    }
}
