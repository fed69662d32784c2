//! The application: a small composition of the loaded content, the preferences, the
//! working state, the open windows, the canvas memory, notices, background work and
//! start-up settings. Panels return actions that become [`Command`]s, applied once
//! after the UI pass by [`WorkingState::apply`].

mod background;
mod command;
mod content;
mod export;
mod keyboard;
mod prefs;
mod root;
mod startup;
mod state;
mod top_bar;
mod windows;

use std::path::{Path, PathBuf};

pub use background::{Background, DialogAnswer, OpenDialog, PendingDialog, SaveDialog};
pub use command::Command;
pub use content::Content;
pub use prefs::{ListTab, Preferences, PrefsKeeper};
pub use startup::{MAX_TEXTURE_SIDE, Startup};
pub use state::{LessonPlace, Mode, WorkingState};
pub use windows::Windows;

use crate::io::{KeptFile, Restored};
use crate::model::{Atlas, DataError};
use crate::theme::Theme;
use crate::ui::canvas::CanvasMemory;

/// The atlas window.
pub struct AtlasApp {
    /// The atlas and lessons (loaded, never persisted).
    pub content: Content,
    /// What survives a restart.
    pub prefs: Preferences,
    /// What the user is looking at and doing.
    pub work: WorkingState,
    /// Which floating windows are open.
    pub windows: Windows,
    /// The canvas's memory between frames: zoom, pan, where panels were drawn.
    pub canvas: CanvasMemory,
    /// Messages about the user's own saved files (a preferences file set aside, a
    /// save that failed), shown until dismissed.
    pub notices: Vec<String>,
    /// File dialogs, the offscreen renderer, the data folder's watcher.
    pub background: Background,
    /// Saves the preferences in the background; `None` keeps them in memory only
    /// (most tests).
    prefs_keeper: Option<PrefsKeeper>,
    /// Settings of the real window.
    pub startup: Startup,
}

impl AtlasApp {
    /// Loads the embedded data plus `data_dir`, printing every data problem.
    #[must_use]
    pub fn new(data_dir: Option<&Path>) -> Self {
        Self::load(data_dir, crate::io::all_cores())
    }

    /// [`AtlasApp::new`], loading on at most `threads` threads.
    #[must_use]
    pub fn load(data_dir: Option<&Path>, threads: usize) -> Self {
        let report = crate::io::load_atlas_on(data_dir, threads);
        for e in &report.errors {
            eprintln!("{e}");
        }
        Self::from_parts_with_lessons(report.atlas, report.errors, data_dir)
    }

    /// An app over an already loaded atlas, with the embedded lessons (tests build it
    /// this way).
    #[must_use]
    pub fn from_parts(atlas: Atlas, errors: Vec<DataError>) -> Self {
        Self::from_parts_with_lessons(atlas, errors, None)
    }

    /// An app over an already loaded atlas, with the embedded lessons and those of a
    /// data folder.
    #[must_use]
    pub fn from_parts_with_lessons(
        atlas: Atlas,
        errors: Vec<DataError>,
        data_dir: Option<&Path>,
    ) -> Self {
        let content = Content::new(atlas, errors, data_dir);
        let windows = Windows {
            errors: !content.errors.is_empty(),
            ..Windows::default()
        };
        let quiz_seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64);
        Self {
            content,
            prefs: Preferences::default(),
            work: WorkingState::new(quiz_seed),
            windows,
            canvas: CanvasMemory::default(),
            notices: Vec::new(),
            background: Background::default(),
            prefs_keeper: None,
            startup: Startup::default(),
        }
    }

    /// Uses the preferences read from `file` (see [`KeptFile::load`]) and keeps
    /// saving them there, in the background, whenever they change.
    #[must_use]
    pub fn with_prefs(mut self, file: KeptFile, restored: Restored<Preferences>) -> Self {
        let wake = std::sync::Arc::clone(&self.background.wake);
        self.prefs_keeper = Some(PrefsKeeper::new(file, &restored, wake));
        self.prefs = restored.value;
        self.notices.extend(restored.notice);
        self
    }

    /// Reads the preferences kept at `path` (setting an unreadable file aside) and
    /// keeps saving them there.
    #[must_use]
    pub fn with_prefs_file(self, path: PathBuf) -> Self {
        let mut file = KeptFile::new(path);
        let restored = file.load();
        self.with_prefs(file, restored)
    }

    /// Applies one command (see [`WorkingState::apply`]). Starting a lesson also
    /// closes the lessons window.
    pub fn apply(&mut self, command: Command) {
        if matches!(command, Command::StartLesson(n) if n < self.content.lessons.len()) {
            self.windows.lessons = false;
        }
        let before = (
            self.work.selected.clone(),
            self.prefs.side,
            self.work.trigger_point.clone(),
            self.work.lesson,
            self.work.quiz.feedback.clone(),
        );
        self.work.apply(
            command,
            &self.content,
            &mut self.prefs,
            &mut self.canvas.zoom,
        );
        if std::mem::take(&mut self.work.fit_pattern) {
            self.canvas.fit_pattern = true;
        }
        self.announce_changes(&before);
    }

    /// Says what a command changed, for a screen reader: a lesson step, quiz
    /// feedback, or the selection with its side and pattern.
    fn announce_changes(
        &mut self,
        before: &(
            Option<crate::model::MuscleId>,
            crate::model::SideChoice,
            Option<String>,
            Option<state::LessonPlace>,
            Option<crate::quiz::Feedback>,
        ),
    ) {
        let atlas = &self.content.atlas;
        let work = &self.work;
        let text = if work.lesson != before.3
            && let Some((n, s)) = work.lesson
            && let Some(lesson) = self.content.lessons.get(n)
            && let Some(step) = lesson.steps.get(s)
        {
            Some(format!(
                "{}, step {} of {}: {}",
                lesson.title,
                s + 1,
                lesson.steps.len(),
                step.text
            ))
        } else if work.quiz.feedback != before.4
            && let Some(feedback) = &work.quiz.feedback
        {
            Some(crate::ui::quiz_panel::feedback_words(
                atlas,
                work.quiz.question.as_ref(),
                feedback,
            ))
        } else if (
            work.selected.clone(),
            self.prefs.side,
            work.trigger_point.clone(),
        ) != (before.0.clone(), before.1, before.2.clone())
        {
            work.selected_muscle(atlas).map(|m| {
                let tp = work.trigger_point.as_deref();
                let mut text = format!("{}, {} side", m.name, self.prefs.side.word());
                if let Some(label) = tp {
                    text.push_str(", ");
                    text.push_str(label);
                }
                text.push_str(". Essential zone: ");
                text.push_str(
                    &m.areas_from(crate::model::ZoneKind::Essential, tp)
                        .join(", "),
                );
                text.push('.');
                text
            })
        } else {
            None
        };
        if let Some(text) = text {
            self.work.announcement = text;
        }
    }

    /// The selected muscle.
    #[must_use]
    pub fn selected_muscle(&self) -> Option<&crate::model::Muscle> {
        self.work.selected_muscle(&self.content.atlas)
    }

    /// The panels on screen (see [`WorkingState::panels`]).
    #[must_use]
    pub fn panels(&self) -> Vec<crate::draw::layout::Panel> {
        self.work.panels(&self.content, &self.prefs)
    }

    /// The compared patterns and their colours (see [`WorkingState::overlay`]).
    #[must_use]
    pub fn overlay(&self) -> Vec<(&crate::model::Muscle, egui::Color32)> {
        self.work.overlay(&self.content.atlas)
    }

    /// Reloads the data folder (see [`Content::reload`]); a lesson in progress ends.
    pub fn reload_data(&mut self) {
        self.content.reload();
        self.windows.errors = !self.content.errors.is_empty();
        self.work.end_lesson(&mut self.prefs, &mut self.canvas.zoom);
    }

    /// Reloads the data folder when its watcher (a background thread looking four
    /// times a second, which wakes the window only on a change) saw a file change. A
    /// muscle whose file is now broken keeps its last good version on screen, and
    /// the error is shown.
    fn watch_data_folder(&mut self, ctx: &egui::Context) {
        let Some(dir) = &self.content.data_dir else {
            return;
        };
        if self
            .background
            .data_folder_changed(ctx, dir, &self.content.folder_stamp)
        {
            self.reload_data();
        }
    }

    /// Hands changed preferences to the keeper and shows the problems it had.
    fn keep_prefs(&mut self, ctx: &egui::Context) {
        let Some(keeper) = &mut self.prefs_keeper else {
            return;
        };
        for notice in keeper.keep(&self.prefs, ctx) {
            if !self.notices.contains(&notice) {
                self.notices.push(notice);
            }
        }
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(probe) = &mut self.startup.probe {
            probe.frame(ui.ctx());
        }
        if let Some(icon) = self.startup.window_icon.take() {
            // Applied after this frame is on screen.
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Icon(Some(icon)));
        }
        let start = std::time::Instant::now();
        self.ui_root(ui);
        if let Some(probe) = &self.startup.probe {
            probe.ui_done(start.elapsed());
        }
    }

    /// Holds every renderer to one font texture size, the one [`AtlasApp::warm_up`]
    /// laid text out for: a different size would make egui start a new font atlas.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        raw_input.max_texture_side = Some(
            raw_input
                .max_texture_side
                .map_or(MAX_TEXTURE_SIDE, |side| side.min(MAX_TEXTURE_SIDE)),
        );
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        Theme::for_preferences(self.prefs.dark_mode, self.prefs.presentation)
            .canvas
            .to_normalized_gamma_f32()
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Some(keeper) = &mut self.prefs_keeper {
            for problem in keeper.finish(&self.prefs) {
                eprintln!("Your preferences could not be saved: {problem}");
            }
        }
    }
}
