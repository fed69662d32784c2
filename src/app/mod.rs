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

pub use background::{
    Background, DialogAnswer, FolderLoad, FolderLoaded, OpenDialog, PendingDialog, SaveDialog,
};
pub use command::Command;
pub use content::{Content, FolderState};
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
        let content = Content::load(data_dir, threads);
        for e in &content.errors {
            eprintln!("{e}");
        }
        Self::with_content(content)
    }

    /// The embedded data, loaded now on at most `threads` threads, with `data_dir`
    /// read over it on another thread once the window shows its first frame (see
    /// [`FolderState::Waiting`]); meanwhile the embedded atlas is shown with the
    /// reading's progress. The window opens this way.
    #[must_use]
    pub fn load_embedded_then(data_dir: Option<&Path>, threads: usize) -> Self {
        let content = Content::load_embedded_then(data_dir, threads);
        for e in &content.errors {
            eprintln!("{e}");
        }
        Self::with_content(content)
    }

    /// An app over an already loaded atlas, with the embedded lessons (tests build it
    /// this way).
    #[must_use]
    pub fn from_parts(atlas: Atlas, errors: Vec<DataError>) -> Self {
        Self::with_content(Content::new(atlas, errors))
    }

    fn with_content(content: Content) -> Self {
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

    /// Reads the data folder again and waits for it (the window reads it in the
    /// background instead, see [`AtlasApp::watch_data_folder`]); a lesson in progress
    /// ends.
    pub fn reload_data(&mut self) {
        self.content.folder = FolderState::Read;
        self.content.start_reading(&self.background.wake);
        if let FolderState::Reading { load, .. } =
            std::mem::replace(&mut self.content.folder, FolderState::Read)
        {
            match load.wait() {
                Some(loaded) => self.folder_read(loaded, false),
                None => self.folder_read_failed(),
            }
        }
    }

    /// Reads the data folder on another thread: first once the window is up, then
    /// whenever its watcher (a background thread looking a few times a second, which
    /// wakes the window only on a change) saw a file change. Meanwhile the window
    /// shows what it has. When the folder has been read, its data takes over; a
    /// muscle whose file is now broken keeps its last good version on screen, and
    /// the error is shown.
    fn watch_data_folder(&mut self, ctx: &egui::Context) {
        let Some(dir) = self.content.data_dir.clone() else {
            return;
        };
        match &self.content.folder {
            FolderState::Waiting if self.startup.folder_after_first_frame => {
                ctx.request_repaint();
            }
            FolderState::Waiting => self.content.start_reading(&self.background.wake),
            FolderState::Reading { load, .. } => match load.poll(ctx) {
                DialogAnswer::Waiting => {}
                DialogAnswer::Answered(loaded) => {
                    let FolderState::Reading { first, again, .. } =
                        std::mem::replace(&mut self.content.folder, FolderState::Read)
                    else {
                        unreachable!("matched just above")
                    };
                    self.folder_read(loaded, first);
                    if let Some(probe) = &self.startup.probe {
                        probe.folder_read(ctx);
                    }
                    if again {
                        self.content.start_reading(&self.background.wake);
                    }
                }
                DialogAnswer::Gone => {
                    self.content.folder = FolderState::Read;
                    self.folder_read_failed();
                }
            },
            FolderState::Read => {
                if self
                    .background
                    .data_folder_changed(ctx, &dir, &self.content.folder_stamp)
                {
                    self.content.start_reading(&self.background.wake);
                }
            }
        }
        // An edit while the folder is being read: read it once more afterwards.
        if matches!(self.content.folder, FolderState::Reading { .. })
            && self.background.data_folder_watched()
            && self
                .background
                .data_folder_changed(ctx, &dir, &self.content.folder_stamp)
        {
            self.content.start_reading(&self.background.wake);
        }
    }

    /// What the data folder holds takes over (`first`: the first read, whose
    /// problems are also printed, and after which a lesson given at start begins).
    fn folder_read(&mut self, loaded: FolderLoaded, first: bool) {
        if first {
            for e in loaded.report.errors.iter().chain(&loaded.lesson_errors) {
                eprintln!("{e}");
            }
        }
        self.content.apply(loaded);
        self.windows.errors = !self.content.errors.is_empty();
        if first {
            if let Some(lesson) = self.startup.lesson_after_load.take() {
                self.start_lesson_file(&lesson);
            }
        } else {
            self.work.end_lesson(&mut self.prefs, &mut self.canvas.zoom);
        }
    }

    fn folder_read_failed(&mut self) {
        let notice = "Your data folder could not be read (the thread reading it stopped unexpectedly; a bug, please report it). The built-in atlas is shown.".to_owned();
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
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
        self.startup.folder_after_first_frame = false;
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
