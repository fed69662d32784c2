//! The application: loaded atlas (never persisted), preferences (persisted) and
//! per-frame widget state. Actions from any panel become `Command`s, applied once
//! after the UI pass.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::export::{FigureSpec, HandoutSpec, OffscreenRenderer, figure_ui, handout_ui, today};
use crate::finder::{Candidate, PainMark, rank};
use crate::hit::Hit;
use crate::io::{
    BackgroundSaver, DataError, FolderStamp, FolderWatcher, KeptFile, Restored, load_atlas,
    load_lesson_file, load_lessons,
};
use crate::model::lesson::Lesson;
use crate::model::{Atlas, Muscle, MuscleId, Side, ViewId};
use crate::quiz::{
    Feedback, Question, QuizKind, QuizRecord, Rng, judge_choice, judge_click, next_question,
};
use crate::theme::Theme;
use crate::ui::canvas::{CanvasContent, CanvasEvent, CanvasMemory, CanvasMode, canvas_ui};
use crate::ui::conditions::conditions_ui;
use crate::ui::export_window::{ExportChoices, ExportJob, export_ui};
use crate::ui::finder_panel::{FinderAction, finder_panel_ui};
use crate::ui::layout::{Panel, panels_for};
use crate::ui::legend::{LegendEntry, legend_height, paint_compare_legend, paint_legend};
use crate::ui::list::compare_ui;
use crate::ui::quiz_panel::{QuizAction, QuizView, quiz_panel_ui};
use crate::ui::{details::details_ui, list::muscle_list_ui};

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

/// What the window is for right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mode {
    /// Pick a muscle, see its pattern.
    Atlas,
    /// Mark where it hurts, see which muscles can cause it.
    Finder,
    /// Test yourself.
    Quiz,
}

/// Which list the left panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ListTab {
    Muscles,
    Conditions,
}

/// The pain finder's marks and their ranking (recomputed whenever the marks change).
#[derive(Clone, Debug)]
pub struct FinderState {
    pub marks: Vec<PainMark>,
    /// Brush radius in body units.
    pub brush_radius: f32,
    pub candidates: Vec<Candidate>,
    /// The candidate whose pattern is overlaid, by index into `candidates`.
    pub chosen: Option<usize>,
}

impl Default for FinderState {
    fn default() -> Self {
        Self {
            marks: Vec::new(),
            brush_radius: 7.0,
            candidates: Vec::new(),
            chosen: None,
        }
    }
}

/// Which side(s) of the patient the pattern is shown on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SideChoice {
    Right,
    Left,
    Both,
}

impl From<Side> for SideChoice {
    fn from(side: Side) -> Self {
        match side {
            Side::Right => SideChoice::Right,
            Side::Left => SideChoice::Left,
        }
    }
}

impl SideChoice {
    /// The sides this choice shows.
    #[must_use]
    pub fn sides(self) -> &'static [Side] {
        match self {
            SideChoice::Right => &[Side::Right],
            SideChoice::Left => &[Side::Left],
            SideChoice::Both => &Side::BOTH,
        }
    }
}

/// What the user chose that should survive a restart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub side: SideChoice,
    /// Show the views the selected muscle touches (true), or the ones ticked below.
    pub auto_views: bool,
    pub chosen_views: Vec<ViewId>,
    pub dark_mode: bool,
    /// Quiz results over all sessions.
    pub quiz_record: QuizRecord,
    /// Presentation mode: projector theme, large type.
    pub presentation: bool,
    pub list_tab: ListTab,
    /// The window's inner size in points at the last save, restored at start.
    pub window_size: Option<[f32; 2]>,
}

impl Preferences {
    /// egui's zoom: large type for the back of a hall in presentation mode.
    #[must_use]
    pub fn zoom_factor(&self) -> f32 {
        if self.presentation { 1.6 } else { 1.0 }
    }
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            side: SideChoice::Right,
            auto_views: true,
            chosen_views: Vec::new(),
            dark_mode: false,
            quiz_record: QuizRecord::default(),
            presentation: false,
            list_tab: ListTab::Muscles,
            window_size: None,
        }
    }
}

/// Something a panel asked for, applied after the UI pass.
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
    /// Start lesson number `n` of `lessons` at its first step.
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
}

/// The quiz in progress.
#[derive(Clone, Debug)]
pub struct QuizState {
    pub kind: QuizKind,
    pub region: Option<String>,
    pub rng: Rng,
    pub question: Option<Question>,
    pub feedback: Option<Feedback>,
    /// Where the user clicked for a "find the pain" question.
    pub click: Option<PainMark>,
    /// This session: (correct, asked).
    pub session: (u32, u32),
}

impl QuizState {
    /// A quiz whose questions come from `seed` (tests use a fixed one).
    #[must_use]
    pub fn with_seed(seed: u64) -> Self {
        Self {
            kind: QuizKind::NameTheMuscle,
            region: None,
            rng: Rng::new(seed),
            question: None,
            feedback: None,
            click: None,
            session: (0, 0),
        }
    }
}

/// The atlas window.
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent window toggles, each one flag"
)]
pub struct AtlasApp {
    pub atlas: Atlas,
    pub errors: Vec<DataError>,
    pub prefs: Preferences,
    pub selected: Option<MuscleId>,
    pub search: String,
    pub show_errors: bool,
    pub canvas: CanvasMemory,
    pub mode: Mode,
    pub finder: FinderState,
    /// The condition opened in the conditions list.
    pub open_condition: Option<String>,
    /// The "About trigger points" window is open.
    pub show_about: bool,
    /// The export window is open.
    pub show_export: bool,
    /// The keyboard-shortcut help is open.
    pub show_help: bool,
    /// Muscles compared with the selected one (Ctrl- or Shift-click to add or remove).
    pub compare: Vec<MuscleId>,
    /// The quiz in progress.
    pub quiz: QuizState,
    /// Lessons available: embedded, from the data folder, and opened files.
    pub lessons: Vec<Lesson>,
    /// The lesson being given: (index into `lessons`, step).
    pub lesson: Option<(usize, usize)>,
    /// The lessons window is open.
    pub show_lessons: bool,
    /// Asks which lesson file to open; the system dialog by default.
    pub open_dialog: OpenDialog,
    pending_open: Option<std::sync::mpsc::Receiver<Option<PathBuf>>>,
    /// The user's data folder, watched for edits (hot reload).
    pub data_dir: Option<PathBuf>,
    /// How the data folder looked when it was loaded (the watcher's starting point).
    folder_stamp: FolderStamp,
    /// Started with the first frame (it needs the context to wake the window).
    folder_watcher: Option<FolderWatcher>,
    pub export: ExportChoices,
    /// Asks where to save a file; the system dialog by default, replaceable in tests.
    pub save_dialog: SaveDialog,
    /// An export waiting for the user to pick a file in the dialog.
    pending_export: Option<(ExportJob, std::sync::mpsc::Receiver<Option<PathBuf>>)>,
    renderer: Option<OffscreenRenderer>,
    /// Saves the preferences in the background; `None` keeps them in memory only
    /// (most tests).
    prefs_saver: Option<BackgroundSaver<Preferences>>,
    /// The preferences as last read or handed to the saver.
    saved_prefs: Preferences,
    /// The window's context, once known, so the saving thread can wake the window to
    /// show a failed save.
    wake: std::sync::Arc<std::sync::OnceLock<egui::Context>>,
    last_prefs_save: Option<std::time::Instant>,
    /// Messages about the user's own saved files (a preferences file set aside, a
    /// save that failed), shown until dismissed.
    pub notices: Vec<String>,
    /// Start-up and idle measurements (see [`crate::probe`]); `None` normally.
    pub probe: Option<crate::probe::FrameProbe>,
    /// The window clears itself to the canvas colour (see `clear_color`), so the
    /// panels need not paint their backgrounds: on a machine without a GPU every
    /// painted pixel costs. Off in tests, whose renderer clears to transparent.
    pub window_clears_canvas: bool,
    /// The window's icon, to give the window with its first frame (on X11, where
    /// setting it before the window opens delays the first frame by 15 ms).
    pub window_icon: Option<std::sync::Arc<egui::IconData>>,
}

/// Opens a save dialog for a suggested file name and returns the chosen path. Runs on
/// a background thread so the window keeps drawing while the dialog is open.
pub type SaveDialog = std::sync::Arc<dyn Fn(&str) -> Option<PathBuf> + Send + Sync>;

/// Opens a file dialog for a lesson file and returns the chosen path.
pub type OpenDialog = std::sync::Arc<dyn Fn() -> Option<PathBuf> + Send + Sync>;

/// The system's open dialog for lesson files.
fn system_open_dialog() -> OpenDialog {
    std::sync::Arc::new(|| {
        rfd::FileDialog::new()
            .set_title("Open lesson")
            .add_filter("Lesson (RON)", &["ron"])
            .pick_file()
    })
}

/// The system's save dialog (through the desktop portal on Linux).
fn system_save_dialog() -> SaveDialog {
    std::sync::Arc::new(|name: &str| {
        rfd::FileDialog::new()
            .set_title("Save picture")
            .add_filter("PNG picture", &["png"])
            .set_file_name(name)
            .save_file()
    })
}

/// How often the data folder is looked at for edits (on a background thread).
const FOLDER_CHECK_INTERVAL: std::time::Duration = std::time::Duration::from_millis(250);

/// The largest font texture the window asks its renderer for. egui's wgpu setup
/// allows 8192 and OpenGL drivers 8192 to 32768; one size for all keeps the font
/// atlas made before the window opened valid (see [`AtlasApp::warm_up`]).
pub const MAX_TEXTURE_SIDE: usize = 8192;

/// Preferences changed more often than this (a window being resized) are written
/// once the changes settle.
const PREFS_SAVE_INTERVAL: std::time::Duration = std::time::Duration::from_secs(1);

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
        mut errors: Vec<DataError>,
        data_dir: Option<&Path>,
    ) -> Self {
        let (lessons, lesson_errors) = load_lessons(data_dir, &atlas);
        for e in &lesson_errors {
            eprintln!("{e}");
        }
        errors.extend(lesson_errors);
        let show_errors = !errors.is_empty();
        Self {
            atlas,
            errors,
            prefs: Preferences::default(),
            selected: None,
            search: String::new(),
            show_errors,
            canvas: CanvasMemory::default(),
            mode: Mode::Atlas,
            finder: FinderState::default(),
            open_condition: None,
            show_about: false,
            show_export: false,
            show_help: false,
            compare: Vec::new(),
            quiz: QuizState::with_seed(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64),
            ),
            lessons,
            lesson: None,
            show_lessons: false,
            open_dialog: system_open_dialog(),
            pending_open: None,
            folder_stamp: data_dir.map(FolderStamp::of).unwrap_or_default(),
            data_dir: data_dir.map(Path::to_path_buf),
            folder_watcher: None,
            export: ExportChoices::default(),
            save_dialog: system_save_dialog(),
            pending_export: None,
            renderer: None,
            prefs_saver: None,
            saved_prefs: Preferences::default(),
            wake: std::sync::Arc::default(),
            last_prefs_save: None,
            notices: Vec::new(),
            probe: None,
            window_clears_canvas: false,
            window_icon: None,
        }
    }

    /// Uses the preferences read from `file` (see [`KeptFile::load`]) and keeps
    /// saving them there, in the background, whenever they change.
    #[must_use]
    pub fn with_prefs(mut self, file: KeptFile, restored: Restored<Preferences>) -> Self {
        self.prefs = restored.value;
        self.saved_prefs = self.prefs.clone();
        self.notices.extend(restored.notice);
        let wake = std::sync::Arc::clone(&self.wake);
        self.prefs_saver = Some(BackgroundSaver::spawn(file, move || {
            if let Some(ctx) = wake.get() {
                ctx.request_repaint();
            }
        }));
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

    /// Hands changed preferences to the saver, at most once per second (a window
    /// being resized changes them every frame) unless `now`; collects its problems.
    fn keep_prefs(&mut self, ctx: &egui::Context, now: bool) {
        let Some(saver) = &mut self.prefs_saver else {
            return;
        };
        for problem in saver.problems() {
            let notice = format!("Your preferences could not be saved: {problem}");
            if !self.notices.contains(&notice) {
                self.notices.push(notice);
            }
        }
        if self.prefs == self.saved_prefs {
            return;
        }
        if let Some(last) = self.last_prefs_save
            && !now
            && last.elapsed() < PREFS_SAVE_INTERVAL
        {
            ctx.request_repaint_after(PREFS_SAVE_INTERVAL.saturating_sub(last.elapsed()));
            return;
        }
        saver.save(self.prefs.clone());
        self.saved_prefs = self.prefs.clone();
        self.last_prefs_save = Some(std::time::Instant::now());
    }

    fn notices_window_ui(&mut self, ctx: &egui::Context) {
        let mut dismissed = false;
        egui::Window::new("Your saved files")
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                for n in &self.notices {
                    ui.label(n);
                }
                dismissed = ui.button("OK").clicked();
            });
        if dismissed {
            self.notices.clear();
        }
    }

    /// The selected muscle.
    #[must_use]
    pub fn selected_muscle(&self) -> Option<&Muscle> {
        self.selected.as_ref().and_then(|id| self.atlas.muscle(id))
    }

    /// The panels to draw: the selected muscle's views (or the chosen ones), with side
    /// views once per shown side.
    #[must_use]
    pub fn panels(&self) -> Vec<Panel> {
        let start_views = || self.atlas.start_views();
        let view_ids: Vec<&ViewId> =
            if !self.prefs.auto_views && !self.prefs.chosen_views.is_empty() {
                self.atlas
                    .views
                    .iter()
                    .map(|v| &v.id)
                    .filter(|id| self.prefs.chosen_views.contains(id))
                    .collect()
            } else if self.mode == Mode::Finder {
                start_views()
            } else if self.mode == Mode::Quiz {
                self.quiz
                    .question
                    .as_ref()
                    .and_then(|q| self.atlas.muscle(q.muscle()))
                    .map_or_else(start_views, |m| m.views(&self.atlas))
            } else if !self.compare.is_empty() {
                let overlay = self.overlay();
                self.atlas
                    .views
                    .iter()
                    .map(|v| &v.id)
                    .filter(|id| {
                        overlay
                            .iter()
                            .any(|(m, _)| m.views(&self.atlas).contains(id))
                    })
                    .collect()
            } else if let Some(m) = self.selected_muscle() {
                m.views(&self.atlas)
            } else {
                start_views()
            };
        // Pain can be marked on either side, so the finder shows side views for both.
        let question_side = self.quiz.question.as_ref().map(Question::side);
        let sides = match (self.mode, question_side) {
            (Mode::Finder, _) => &Side::BOTH[..],
            (Mode::Quiz, Some(side)) => side.alone(),
            _ => self.prefs.side.sides(),
        };
        panels_for(&self.atlas, &view_ids, sides)
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(id) => self.selected = Some(id),
            Command::SelectOnBody(hit) => {
                self.selected = Some(hit.muscle);
                if self.prefs.side != SideChoice::Both {
                    self.prefs.side = hit.side.into();
                }
            }
            Command::SetSide(side) => self.prefs.side = side,
            Command::SetMode(mode) => {
                self.mode = mode;
                if mode == Mode::Quiz && self.quiz.question.is_none() {
                    self.new_question();
                }
            }
            Command::Quiz(action) => match action {
                QuizAction::SetKind(kind) => {
                    self.quiz.kind = kind;
                    self.new_question();
                }
                QuizAction::SetRegion(region) => {
                    self.quiz.region = region;
                    self.new_question();
                }
                QuizAction::Choose(id) => {
                    if self.quiz.feedback.is_none()
                        && let Some(q) = &self.quiz.question
                    {
                        let feedback = judge_choice(q, &id);
                        self.record_answer(feedback);
                    }
                }
                QuizAction::Next => self.new_question(),
            },
            Command::QuizClick { panel, pos_in_body } => {
                if self.quiz.feedback.is_none()
                    && let Some(q) = &self.quiz.question
                    && matches!(q, Question::FindThePain { .. })
                {
                    let mark = PainMark {
                        view: panel.view,
                        panel_side: panel.side,
                        pos: pos_in_body,
                        radius: 6.0,
                    };
                    let feedback = judge_click(&self.atlas, q, &mark);
                    self.quiz.click = Some(mark);
                    self.record_answer(feedback);
                }
            }
            Command::ToggleCompare(id) => {
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
            Command::ClearCompare => self.compare.clear(),
            Command::StartLesson(n) => {
                if n < self.lessons.len() {
                    self.lesson = Some((n, 0));
                    self.show_lessons = false;
                    self.apply_lesson_step();
                }
            }
            Command::LessonStep(by) => {
                if let Some((n, step)) = self.lesson {
                    let last = self
                        .lessons
                        .get(n)
                        .map_or(0, |l| l.steps.len().saturating_sub(1));
                    let next = step.saturating_add_signed(by).min(last);
                    self.lesson = Some((n, next));
                    self.apply_lesson_step();
                }
            }
            Command::EndLesson => self.lesson = None,
            Command::Paint { panel, pos_in_body } => {
                let radius = self.finder.brush_radius;
                let close_to_last = self.finder.marks.last().is_some_and(|m| {
                    m.view == panel.view
                        && m.panel_side == panel.side
                        && m.pos.distance(pos_in_body) < radius * 0.7
                });
                if !close_to_last {
                    self.finder.marks.push(PainMark {
                        view: panel.view,
                        panel_side: panel.side,
                        pos: pos_in_body,
                        radius,
                    });
                    self.rerank();
                }
            }
            Command::Finder(action) => match action {
                FinderAction::Undo => {
                    self.finder.marks.pop();
                    self.rerank();
                }
                FinderAction::Clear => {
                    self.finder.marks.clear();
                    self.rerank();
                }
                FinderAction::Choose(i) => {
                    self.finder.chosen = if self.finder.chosen == Some(i) {
                        None
                    } else {
                        Some(i)
                    };
                }
                FinderAction::Open(i) => {
                    if let Some(c) = self.finder.candidates.get(i) {
                        self.selected = Some(c.muscle.clone());
                        self.prefs.side = c.side.into();
                        self.mode = Mode::Atlas;
                    }
                }
            },
        }
    }

    /// Reloads the data folder when its watcher (a background thread looking four
    /// times a second, which wakes the window only on a change) saw a file change. A muscle whose file is now broken keeps its last good version on
    /// screen, and the error is shown.
    pub fn watch_data_folder(&mut self, ctx: &egui::Context) {
        let Some(dir) = &self.data_dir else {
            return;
        };
        let watcher = self.folder_watcher.get_or_insert_with(|| {
            let ctx = ctx.clone();
            FolderWatcher::spawn(
                dir.clone(),
                self.folder_stamp.clone(),
                FOLDER_CHECK_INTERVAL,
                move || ctx.request_repaint(),
            )
        });
        if watcher.take_change() {
            self.reload_data();
        }
    }

    /// Reloads embedded data plus the data folder, keeping the last good version of
    /// any muscle whose file no longer loads.
    pub fn reload_data(&mut self) {
        let report = load_atlas(self.data_dir.as_deref());
        let mut atlas = report.atlas;
        for old in &self.atlas.muscles {
            let broken = report.errors.iter().any(|e| e.file == old.origin);
            if broken
                && atlas
                    .muscle(&old.id)
                    .is_none_or(|m| m.origin.starts_with("embedded:"))
            {
                atlas.muscles.retain(|m| m.id != old.id);
                atlas.muscles.push(old.clone());
            }
        }
        crate::io::sort_muscles(&mut atlas.muscles);
        crate::hit::cache_draw_orders(&mut atlas);
        let (lessons, lesson_errors) = load_lessons(self.data_dir.as_deref(), &atlas);
        self.errors = report.errors;
        self.errors.extend(lesson_errors);
        self.show_errors = !self.errors.is_empty();
        self.atlas = atlas;
        self.lessons = lessons;
        self.lesson = None;
    }

    /// Asks the next quiz question.
    fn new_question(&mut self) {
        let q = &mut self.quiz;
        q.question = next_question(&self.atlas, q.kind, q.region.as_deref(), &mut q.rng);
        q.feedback = None;
        q.click = None;
        if let Some(question) = &q.question {
            self.prefs.side = question.side().into();
        }
    }

    /// Scores an answer, in this session and in the kept record.
    fn record_answer(&mut self, feedback: Feedback) {
        let scored = u32::from(feedback.scores());
        self.quiz.session.0 += scored;
        self.quiz.session.1 += 1;
        self.prefs.quiz_record.correct += scored;
        self.prefs.quiz_record.asked += 1;
        self.quiz.feedback = Some(feedback);
    }

    /// Shows the current lesson step: its muscles, side, views and zoom.
    fn apply_lesson_step(&mut self) {
        let Some(step) = self
            .lesson
            .and_then(|(n, s)| self.lessons.get(n)?.steps.get(s))
            .cloned()
        else {
            return;
        };
        self.mode = Mode::Atlas;
        self.selected = step.muscles.first().cloned();
        self.compare = step.muscles.iter().skip(1).cloned().collect();
        self.prefs.side = step.side;
        self.prefs.auto_views = step.views.is_empty();
        if !step.views.is_empty() {
            self.prefs.chosen_views = step.views;
        }
        self.canvas.zoom = crate::ui::canvas::Zoom {
            factor: step.zoom,
            pan: egui::Vec2::ZERO,
        };
    }

    /// The lesson bar over the canvas: where we are and the talking point.
    fn lesson_bar_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Some((n, s)) = self.lesson else { return };
        let Some(lesson) = self.lessons.get(n) else {
            return;
        };
        let Some(step) = lesson.steps.get(s) else {
            return;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(&lesson.title);
                ui.label(format!("Step {} of {}", s + 1, lesson.steps.len()));
                if ui
                    .add_enabled(s > 0, egui::Button::new("Previous"))
                    .clicked()
                {
                    commands.push(Command::LessonStep(-1));
                }
                if ui
                    .add_enabled(s + 1 < lesson.steps.len(), egui::Button::new("Next"))
                    .clicked()
                {
                    commands.push(Command::LessonStep(1));
                }
                if ui.button("End lesson").clicked() {
                    commands.push(Command::EndLesson);
                }
            });
            let size = ui
                .style()
                .text_styles
                .get(&egui::TextStyle::Body)
                .map_or(14.0, |f| f.size)
                * 1.25;
            ui.label(egui::RichText::new(&step.text).size(size));
        });
    }

    /// The lessons window: the list, and opening a lesson file.
    fn lessons_window_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let mut open = self.show_lessons;
        let mut start_open = false;
        egui::Window::new("Lessons")
            .open(&mut open)
            .default_width(380.0)
            .show(ctx, |ui| {
                for (i, lesson) in self.lessons.iter().enumerate() {
                    ui.horizontal(|ui| {
                        if ui.button("Start").clicked() {
                            commands.push(Command::StartLesson(i));
                        }
                        ui.label(format!(
                            "{}. {} ({} steps)",
                            i + 1,
                            lesson.title,
                            lesson.steps.len()
                        ));
                    });
                }
                ui.separator();
                start_open = ui
                    .add_enabled(
                        self.pending_open.is_none(),
                        egui::Button::new("Open lesson file…"),
                    )
                    .clicked();
                ui.weak("Lessons are RON files; see data/lessons/ for examples.");
            });
        self.show_lessons = open;
        if start_open {
            let dialog = self.open_dialog.clone();
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let _ = tx.send(dialog());
            });
            self.pending_open = Some(rx);
        }
        if let Some(rx) = &self.pending_open {
            match rx.try_recv() {
                Ok(Some(path)) => {
                    self.pending_open = None;
                    match load_lesson_file(&path, &self.atlas) {
                        Ok(lesson) => {
                            self.lessons.push(lesson);
                            commands.push(Command::StartLesson(self.lessons.len() - 1));
                        }
                        Err(errors) => {
                            self.errors.extend(errors);
                            self.show_errors = true;
                        }
                    }
                }
                Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.pending_open = None;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(100));
                }
            }
        }
    }

    /// Keyboard shortcuts. Ignored while typing in a text field, except Esc.
    fn keyboard_ui(&mut self, ctx: &egui::Context) {
        use egui::Key;
        let typing = ctx.egui_wants_keyboard_input();
        let pressed = |key: Key| ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key));
        if pressed(Key::F11) {
            let fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
        }
        if pressed(Key::F1) {
            self.show_help = !self.show_help;
        }
        if pressed(Key::F2) {
            self.show_lessons = !self.show_lessons;
        }
        if pressed(Key::Escape) {
            if typing {
                ctx.memory_mut(egui::Memory::stop_text_input);
            } else if self.show_help {
                self.show_help = false;
            } else if self.lesson.is_some() {
                self.lesson = None;
            } else {
                self.selected = None;
                self.compare.clear();
                self.finder.chosen = None;
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
        for text in typed {
            // With the lessons window open, a digit starts that lesson.
            if self.show_lessons
                && let Ok(n) = text.parse::<usize>()
                && (1..=self.lessons.len()).contains(&n)
            {
                self.apply(Command::StartLesson(n - 1));
                continue;
            }
            // In the quiz, digits answer and N asks the next question.
            if self.mode == Mode::Quiz {
                let choice = match &self.quiz.question {
                    Some(Question::NameTheMuscle { choices, .. })
                        if self.quiz.feedback.is_none() =>
                    {
                        text.parse::<usize>()
                            .ok()
                            .and_then(|n| choices.get(n.wrapping_sub(1)))
                            .cloned()
                    }
                    _ => None,
                };
                if let Some(id) = choice {
                    self.apply(Command::Quiz(QuizAction::Choose(id)));
                    continue;
                }
                if matches!(text.as_str(), "n" | "N") && self.quiz.feedback.is_some() {
                    self.apply(Command::Quiz(QuizAction::Next));
                    continue;
                }
            }
            match text.as_str() {
                "/" => ctx
                    .memory_mut(|m| m.request_focus(egui::Id::unique(crate::ui::list::SEARCH_ID))),
                "?" => self.show_help = !self.show_help,
                "+" | "=" => self.zoom_by(1.25),
                "-" => self.zoom_by(0.8),
                "0" => self.canvas.zoom.fit(),
                "r" | "R" => self.apply(Command::SetSide(SideChoice::Right)),
                "l" | "L" => self.apply(Command::SetSide(SideChoice::Left)),
                "b" | "B" => self.apply(Command::SetSide(SideChoice::Both)),
                "a" | "A" => self.prefs.auto_views = true,
                "p" | "P" => self.prefs.presentation = !self.prefs.presentation,
                "d" | "D" => self.prefs.dark_mode = !self.prefs.dark_mode,
                "m" | "M" => {
                    let next = match self.mode {
                        Mode::Atlas => Mode::Finder,
                        Mode::Finder => Mode::Quiz,
                        Mode::Quiz => Mode::Atlas,
                    };
                    self.apply(Command::SetMode(next));
                }
                digit @ ("1" | "2" | "3" | "4" | "5") => {
                    let index = digit.parse::<usize>().unwrap_or(1) - 1;
                    if let Some(view) = self.atlas.views.get(index) {
                        self.prefs.auto_views = false;
                        self.prefs.chosen_views = vec![view.id.clone()];
                    }
                }
                _ => {}
            }
        }
        if self.mode == Mode::Quiz && self.quiz.feedback.is_some() && pressed(Key::Enter) {
            self.apply(Command::Quiz(QuizAction::Next));
        }
        // Shift + arrows pans the zoomed figure.
        let shift = egui::Modifiers::SHIFT;
        let step = self.canvas.placed_area.map_or(60.0, |r| r.height() * 0.1);
        for (key, delta) in [
            (Key::ArrowLeft, egui::vec2(step, 0.0)),
            (Key::ArrowRight, egui::vec2(-step, 0.0)),
            (Key::ArrowUp, egui::vec2(0.0, step)),
            (Key::ArrowDown, egui::vec2(0.0, -step)),
        ] {
            if ctx.input_mut(|i| i.consume_key(shift, key)) {
                self.canvas.zoom.pan += delta;
            }
        }
        let forward = pressed(Key::ArrowDown) || pressed(Key::ArrowRight) || pressed(Key::PageDown);
        let back = pressed(Key::ArrowUp) || pressed(Key::ArrowLeft) || pressed(Key::PageUp);
        if self.lesson.is_some() {
            // In a lesson the arrows (and a presenter's clicker) step through it.
            if forward {
                self.apply(Command::LessonStep(1));
            }
            if back {
                self.apply(Command::LessonStep(-1));
            }
        } else {
            if forward {
                self.step_muscle(1);
            }
            if back {
                self.step_muscle(-1);
            }
        }
    }

    /// Zooms the canvas about its centre.
    fn zoom_by(&mut self, by: f32) {
        if let Some(area) = self.canvas.placed_area {
            self.canvas.zoom.zoom_about(area, area.center(), by);
        }
    }

    /// Selects the next (`+1`) or previous (`-1`) muscle of the selected muscle's region,
    /// wrapping around; with nothing selected, the first muscle.
    pub fn step_muscle(&mut self, step: isize) {
        let region = self.selected_muscle().map(|m| m.region.clone());
        let list: Vec<&MuscleId> = self
            .atlas
            .muscles
            .iter()
            .filter(|m| region.as_ref().is_none_or(|r| &m.region == r))
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

    /// The patterns being compared, each with its colour: the selected muscle first,
    /// then the others added to the comparison. Empty when nothing is compared.
    #[must_use]
    pub fn overlay(&self) -> Vec<(&Muscle, egui::Color32)> {
        if self.mode == Mode::Atlas {
            overlay_of(&self.atlas, self.selected.as_ref(), &self.compare)
        } else {
            Vec::new()
        }
    }

    /// Asks where to save `job` (on a background thread, so the window keeps drawing).
    fn start_export(&mut self, job: ExportJob) {
        let side = match self.prefs.side {
            SideChoice::Right => "right",
            SideChoice::Left => "left",
            SideChoice::Both => "both",
        };
        let name = job.suggested_name(self.selected.as_ref().map(|id| id.0.as_str()), side);
        let dialog = self.save_dialog.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(dialog(&name));
        });
        self.pending_export = Some((job, rx));
    }

    /// Once the user has picked a file, renders and saves it.
    fn finish_export(&mut self, ctx: &egui::Context) {
        let Some((job, rx)) = &self.pending_export else {
            return;
        };
        let job = *job;
        let answer = match rx.try_recv() {
            Ok(answer) => answer,
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
        };
        self.pending_export = None;
        let Some(path) = answer else {
            self.export.status = Some("Not saved: no file was chosen.".to_owned());
            return;
        };
        self.export.status = Some(match self.export_to(job, &path) {
            Ok(()) => format!("Saved {}", path.display()),
            Err(e) => format!("Not saved: {e}"),
        });
    }

    /// Renders `job` and writes it to `path` through a temporary file and a rename.
    ///
    /// # Errors
    /// Rendering or writing failed; the sentence says which.
    pub fn export_to(&mut self, job: ExportJob, path: &Path) -> Result<(), String> {
        if self.renderer.is_none() {
            self.renderer = Some(OffscreenRenderer::new()?);
        }
        let dark = self.prefs.dark_mode;
        let theme = Theme::for_dark_mode(dark);
        let mut views: Vec<ViewId> = Vec::new();
        for p in self.panels() {
            if !views.contains(&p.view) {
                views.push(p.view);
            }
        }
        let atlas = &self.atlas;
        let renderer = self.renderer.as_mut().ok_or("no renderer")?;
        let image = match job {
            ExportJob::Picture { width, height } => {
                let spec = FigureSpec {
                    muscle: self.selected.clone(),
                    sides: self.prefs.side.sides().to_vec(),
                    views,
                };
                renderer.render([width, height], 1.0, dark, theme.canvas, |ui| {
                    figure_ui(ui, atlas, &theme, &spec);
                })?
            }
            ExportJob::Handout(paper) => {
                let muscle = self.selected.clone().ok_or("select a muscle first")?;
                let side = match self.prefs.side {
                    SideChoice::Left => Side::Left,
                    SideChoice::Right | SideChoice::Both => Side::Right,
                };
                // Handouts are for printing: always the light theme.
                let light = Theme::light();
                let spec = HandoutSpec {
                    muscle,
                    side,
                    date: today(),
                };
                renderer.render(paper.pixels(), 1.0, false, egui::Color32::WHITE, |ui| {
                    handout_ui(ui, atlas, &light, &spec);
                })?
            }
        };
        crate::io::save_png(&image, path)
    }

    /// Recomputes the finder ranking, keeping the overlaid candidate if it remains.
    fn rerank(&mut self) {
        let chosen = self
            .finder
            .chosen
            .and_then(|i| self.finder.candidates.get(i))
            .map(|c| (c.muscle.clone(), c.side));
        self.finder.candidates = rank(&self.atlas, &self.finder.marks);
        self.finder.chosen = chosen.and_then(|(id, side)| {
            self.finder
                .candidates
                .iter()
                .position(|c| c.muscle == id && c.side == side)
        });
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Trigger Point Atlas");
            ui.separator();
            for (mode, label) in [
                (Mode::Atlas, "Atlas"),
                (Mode::Finder, "Where does it hurt?"),
                (Mode::Quiz, "Quiz"),
            ] {
                if ui.selectable_label(self.mode == mode, label).clicked() {
                    commands.push(Command::SetMode(mode));
                }
            }
            ui.separator();
            self.pattern_controls_ui(ui, commands);
            ui.toggle_value(&mut self.show_export, "Export…")
                .on_hover_text("Save a picture or a patient handout (Ctrl+E)");
            ui.toggle_value(&mut self.show_lessons, "Lessons");
            ui.toggle_value(&mut self.show_about, "About trigger points");
            ui.toggle_value(&mut self.prefs.presentation, "Present")
                .on_hover_text(
                    "Presentation mode: projector colours and large type (P; F11 for full screen)",
                );
            ui.toggle_value(&mut self.show_help, "Keys")
                .on_hover_text("Keyboard shortcuts (F1 or ?)");
            let mut dark = self.prefs.dark_mode;
            if ui.toggle_value(&mut dark, "Dark").changed() {
                self.prefs.dark_mode = dark;
            }
            if !self.errors.is_empty() {
                ui.separator();
                let text = format!("Data problems: {}", self.errors.len());
                if ui.button(text).clicked() {
                    self.show_errors = true;
                }
            }
        });
    }

    /// Side (atlas mode) and view choices.
    fn pattern_controls_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if self.mode == Mode::Atlas {
            ui.label("Side:");
            for (choice, label) in [
                (SideChoice::Right, "Right"),
                (SideChoice::Left, "Left"),
                (SideChoice::Both, "Both"),
            ] {
                if ui
                    .selectable_label(self.prefs.side == choice, label)
                    .clicked()
                {
                    commands.push(Command::SetSide(choice));
                }
            }
            ui.separator();
        }
        {
            ui.label("Views:");
            ui.toggle_value(&mut self.prefs.auto_views, "Auto")
                .on_hover_text("Show the views the selected muscle's pattern touches (or, in the pain finder, front, back and head)");
            if !self.prefs.auto_views {
                for view in &self.atlas.views {
                    let mut on = self.prefs.chosen_views.contains(&view.id);
                    if ui.checkbox(&mut on, &view.name).changed() {
                        if on {
                            self.prefs.chosen_views.push(view.id.clone());
                        } else {
                            self.prefs.chosen_views.retain(|v| v != &view.id);
                        }
                    }
                }
            }
            ui.separator();
        }
    }

    fn errors_window_ui(&mut self, ui: &egui::Ui) {
        let mut open = self.show_errors;
        egui::Window::new("Data problems")
            .open(&mut open)
            .default_width(560.0)
            .show(ui.ctx(), |ui| {
                ui.label("These files were skipped or partly skipped; everything else loaded.");
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        for e in &self.errors {
                            ui.monospace(e.to_string());
                        }
                    });
            });
        self.show_errors = open;
    }

    /// Runs the window's UI on `ctx` before the window is there, on a thread of its
    /// own while the main thread opens the window: text is laid out, every glyph it
    /// needs rasterised into the font atlas, and the body drawings tessellated into
    /// the mesh cache, so the first real frame finds them ready.
    ///
    /// `size` is the window's size in points. Text is laid out for a font texture of
    /// at most [`MAX_TEXTURE_SIDE`] (the window holds every renderer to it, see
    /// `raw_input_hook`) at one pixel per point; on a screen with more pixels per point
    /// the first frame lays out and tessellates again, as it would have anyway.
    /// Nothing these passes paint is shown; the textures they made are handed to the
    /// renderer with the first real frame.
    pub fn warm_up(&mut self, ctx: &egui::Context, size: [f32; 2]) {
        let input = || egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(size[0], size[1]),
            )),
            max_texture_side: Some(MAX_TEXTURE_SIDE),
            // eframe starts its clock from the context's time when the window opens.
            time: Some(0.0),
            ..Default::default()
        };
        // Two passes, as egui settles a new layout over two (panels and scroll areas
        // measure themselves first); measured in the window, after one warm-up pass
        // the first frame's UI still took 7-9 ms, after two under 1 ms.
        // The second pass has the first frame's layout: its body drawings are also
        // made into pictures (see `ui::picture`), so a software renderer draws one
        // textured rectangle per panel instead of thousands of triangles.
        let mut uploads = egui::TexturesDelta::default();
        for pass in 0..2 {
            crate::ui::picture::set_preparing(ctx, pass == 1);
            let mut output = ctx.run_ui(input(), |ui| self.ui_root(ui));
            uploads.append(std::mem::take(&mut output.textures_delta));
        }
        crate::ui::picture::set_preparing(ctx, false);
        // Those uploads went nowhere: queue them again for the first real frame. The
        // font atlas goes whole, as it is now; any other texture still alive gets its
        // updates again, in order.
        #[expect(
            clippy::redundant_closure_for_method_calls,
            reason = "the method path does not satisfy the higher-ranked lifetime"
        )]
        let atlas = ctx.fonts(|f| f.image());
        let font = egui::TextureId::default();
        let textures = ctx.tex_manager();
        let mut textures = textures.write();
        for (id, deltas) in std::mem::take(&mut uploads.set) {
            if id != font && textures.meta(id).is_some() {
                for delta in deltas {
                    textures.set(id, delta);
                }
            }
        }
        uploads.clear();
        if textures.meta(font).is_some() {
            textures.set(
                font,
                egui::epaint::ImageDelta::full(atlas, egui::TextureOptions::LINEAR),
            );
        }
    }

    /// Builds the whole window for one frame.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        self.wake.get_or_init(|| ui.ctx().clone());
        crate::ui::picture::forget_unused(ui.ctx());
        self.watch_data_folder(ui.ctx());
        self.keyboard_ui(ui.ctx());
        let zoom = self.prefs.zoom_factor();
        if (ui.ctx().zoom_factor() - zoom).abs() > f32::EPSILON {
            ui.ctx().set_zoom_factor(zoom);
        }
        ui.ctx()
            .set_theme(if self.prefs.dark_mode && !self.prefs.presentation {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
        let theme = Theme::for_preferences(self.prefs.dark_mode, self.prefs.presentation);
        let mut commands = Vec::new();
        // Every panel shares the canvas colour. The window clears to it, so there the
        // panels paint no background at all: without a GPU each painted pixel costs,
        // and the backgrounds covered the whole window every frame.
        let background = if self.window_clears_canvas {
            egui::Color32::TRANSPARENT
        } else {
            theme.canvas
        };
        let side_frame = egui::Frame::side_top_panel(ui.style()).fill(background);

        egui::Panel::top("top_bar")
            .frame(side_frame)
            .show(ui, |ui| self.top_bar_ui(ui, &mut commands));
        // In presentation mode the type is large; in a small window (a projector at
        // 1280 x 800) the lists would leave the figures a sliver, so there the side
        // panels give way first.
        let width = ui.available_width();
        let (list_max, details_max) = if self.prefs.presentation {
            (width * 0.22, width * 0.28)
        } else {
            (f32::INFINITY, f32::INFINITY)
        };
        egui::Panel::left("muscle_list")
            .frame(side_frame)
            .default_size(230.0)
            .max_size(list_max)
            .resizable(true)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.selectable_value(&mut self.prefs.list_tab, ListTab::Muscles, "Muscles");
                    ui.selectable_value(
                        &mut self.prefs.list_tab,
                        ListTab::Conditions,
                        "Conditions",
                    );
                });
                ui.separator();
                let picked = match self.prefs.list_tab {
                    ListTab::Muscles => {
                        muscle_list_ui(ui, &self.atlas, &mut self.search, self.selected.as_ref())
                    }
                    ListTab::Conditions => conditions_ui(
                        ui,
                        &self.atlas,
                        &mut self.open_condition,
                        self.selected.as_ref(),
                    ),
                };
                if let Some(id) = picked {
                    commands.push(Command::SetMode(Mode::Atlas));
                    if ui.input(|i| i.modifiers.command || i.modifiers.shift) {
                        commands.push(Command::ToggleCompare(id));
                    } else {
                        commands.push(Command::Select(id));
                    }
                }
            });
        let sides = self.prefs.side.sides();
        egui::Panel::right("details")
            .frame(side_frame)
            .default_size(330.0)
            .max_size(details_max)
            .resizable(true)
            .show(ui, |ui| match self.mode {
                Mode::Atlas => {
                    let overlay = overlay_of(&self.atlas, self.selected.as_ref(), &self.compare);
                    if let Some(action) = compare_ui(ui, &overlay) {
                        commands.push(action);
                    }
                    details_ui(ui, self.selected_muscle(), sides);
                }
                Mode::Quiz => {
                    let view = QuizView {
                        kind: self.quiz.kind,
                        region: self.quiz.region.as_deref(),
                        question: self.quiz.question.as_ref(),
                        feedback: self.quiz.feedback.as_ref(),
                        session: self.quiz.session,
                        record: self.prefs.quiz_record,
                    };
                    if let Some(action) = quiz_panel_ui(ui, &self.atlas, &view) {
                        commands.push(Command::Quiz(action));
                    }
                }
                Mode::Finder => {
                    let f = &mut self.finder;
                    if let Some(a) = finder_panel_ui(
                        ui,
                        &self.atlas,
                        &f.candidates,
                        f.chosen,
                        f.marks.len(),
                        &mut f.brush_radius,
                    ) {
                        commands.push(Command::Finder(a));
                    }
                }
            });

        if self.lesson.is_some() {
            egui::Panel::top("lesson_bar")
                .frame(side_frame)
                .show(ui, |ui| self.lesson_bar_ui(ui, &mut commands));
        }
        let panels = self.panels();
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(background))
            .show(ui, |ui| {
                let chosen = self
                    .finder
                    .chosen
                    .and_then(|i| self.finder.candidates.get(i));
                let selected = match self.mode {
                    Mode::Atlas => self
                        .selected
                        .as_ref()
                        .and_then(|id| self.atlas.muscle(id))
                        .map(|m| (m, sides)),
                    Mode::Finder => chosen
                        .and_then(|c| self.atlas.muscle(&c.muscle).map(|m| (m, c.side.alone()))),
                    Mode::Quiz => {
                        self.quiz.question.as_ref().and_then(|q| {
                            self.atlas.muscle(q.muscle()).map(|m| (m, q.side().alone()))
                        })
                    }
                };
                // Until answered, a naming question hides the muscle and a finding
                // question hides the pattern.
                let answered = self.quiz.feedback.is_some();
                let (show_shape, show_zones) = match (&self.mode, &self.quiz.question) {
                    (Mode::Quiz, Some(Question::NameTheMuscle { .. })) => (answered, true),
                    (Mode::Quiz, Some(Question::FindThePain { .. })) => (true, answered),
                    _ => (true, true),
                };
                let quiz_marks: Vec<PainMark> = self.quiz.click.iter().cloned().collect();
                let overlay = if self.mode == Mode::Atlas {
                    overlay_of(&self.atlas, self.selected.as_ref(), &self.compare)
                } else {
                    Vec::new()
                };
                let content = CanvasContent {
                    overlay: &overlay,
                    panels: &panels,
                    selected,
                    marks: match self.mode {
                        Mode::Finder => &self.finder.marks,
                        Mode::Quiz => &quiz_marks,
                        Mode::Atlas => &[],
                    },
                    mode: if self.mode == Mode::Atlas {
                        CanvasMode::Pick
                    } else {
                        CanvasMode::Paint
                    },
                    show_shape,
                    show_zones,
                };
                let rect = ui.max_rect();
                // The legend grows with the canvas, and more in presentation mode.
                let font = if self.prefs.presentation {
                    (rect.height() / 40.0).clamp(14.0, 34.0)
                } else {
                    (rect.height() / 60.0).clamp(12.0, 28.0)
                };
                let canvas_size = egui::vec2(rect.width(), rect.height() - legend_height(font));
                let canvas = ui.allocate_ui(canvas_size, |ui| {
                    canvas_ui(ui, &self.atlas, &theme, content, &mut self.canvas)
                });
                match canvas.inner {
                    Some(CanvasEvent::Picked(hit)) => {
                        if ui.input(|i| i.modifiers.command || i.modifiers.shift) {
                            commands.push(Command::ToggleCompare(hit.muscle));
                        } else {
                            commands.push(Command::SelectOnBody(hit));
                        }
                    }
                    Some(CanvasEvent::Painted { panel, pos_in_body })
                        if self.mode == Mode::Quiz =>
                    {
                        commands.push(Command::QuizClick { panel, pos_in_body });
                    }
                    Some(CanvasEvent::Painted { panel, pos_in_body }) => {
                        commands.push(Command::Paint { panel, pos_in_body });
                    }
                    None => {}
                }
                let strip = egui::Rect::from_min_max(
                    egui::pos2(rect.left(), canvas.response.rect.bottom()),
                    rect.max,
                );
                if overlay.is_empty() {
                    let entries: &[LegendEntry] = match self.mode {
                        Mode::Atlas | Mode::Quiz => &LegendEntry::ATLAS,
                        Mode::Finder => &LegendEntry::FINDER,
                    };
                    paint_legend(ui.painter(), &theme, entries, strip, font);
                } else {
                    let items: Vec<(&str, egui::Color32)> =
                        overlay.iter().map(|(m, c)| (m.name.as_str(), *c)).collect();
                    paint_compare_legend(ui.painter(), &theme, &items, strip, font);
                }
            });
        if self.show_errors {
            self.errors_window_ui(ui);
        }
        if ui
            .ctx()
            .input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::E))
        {
            self.show_export = !self.show_export;
        }
        if self.show_export {
            let mut open = true;
            let selected = self.selected.is_some();
            let busy = self.pending_export.is_some();
            let mut job = None;
            egui::Window::new("Export")
                .open(&mut open)
                .default_width(420.0)
                .show(ui.ctx(), |ui| {
                    job = export_ui(ui, &mut self.export, selected, busy);
                });
            self.show_export = open;
            if let Some(job) = job {
                self.start_export(job);
            }
        }
        self.finish_export(ui.ctx());
        if self.show_lessons || self.pending_open.is_some() {
            self.lessons_window_ui(ui.ctx(), &mut commands);
        }
        if self.show_help {
            let mut open = true;
            egui::Window::new("Keyboard shortcuts")
                .open(&mut open)
                .default_width(420.0)
                .show(ui.ctx(), crate::ui::help::help_ui);
            self.show_help = open;
        }
        if self.show_about {
            let mut open = true;
            egui::Window::new("About trigger points")
                .open(&mut open)
                .default_size([560.0, 620.0])
                .show(ui.ctx(), crate::ui::about::about_ui);
            self.show_about = open;
        }
        if !self.notices.is_empty() {
            self.notices_window_ui(ui.ctx());
        }
        for c in commands {
            self.apply(c);
        }
        let (fullscreen, inner_rect) = ui
            .ctx()
            .input(|i| (i.viewport().fullscreen, i.viewport().inner_rect));
        if fullscreen != Some(true)
            && let Some(rect) = inner_rect
        {
            self.prefs.window_size = Some([rect.width().round(), rect.height().round()]);
        }
        self.keep_prefs(ui.ctx(), false);
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(probe) = &mut self.probe {
            probe.frame(ui.ctx());
        }
        if let Some(icon) = self.window_icon.take() {
            // Applied after this frame is on screen.
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Icon(Some(icon)));
        }
        let start = std::time::Instant::now();
        self.ui_root(ui);
        if let Some(probe) = &self.probe {
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
        if let Some(saver) = &mut self.prefs_saver {
            if self.prefs != self.saved_prefs {
                saver.save(self.prefs.clone());
                self.saved_prefs = self.prefs.clone();
            }
            for problem in saver.finish() {
                eprintln!("Your preferences could not be saved: {problem}");
            }
        }
    }
}
