//! Work the window waits for without stopping: file dialogs (each on a named thread
//! of its own, so the window keeps drawing while one is open), the offscreen
//! renderer for exports, and the watcher of the user's data folder.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use crate::export::OffscreenRenderer;
use crate::io::{FolderStamp, FolderWatcher, LoadProgress, LoadReport, load_with_lessons};
use crate::model::DataError;
use crate::model::lesson::Lesson;
use crate::ui::export_window::ExportJob;

/// Opens a save dialog for a suggested file name and returns the chosen path. Runs on
/// a background thread so the window keeps drawing while the dialog is open.
pub type SaveDialog = Arc<dyn Fn(&str) -> Option<PathBuf> + Send + Sync>;

/// Opens a file dialog for a lesson file and returns the chosen path.
pub type OpenDialog = Arc<dyn Fn() -> Option<PathBuf> + Send + Sync>;

/// How often the data folder is looked at for edits (on a background thread).
const FOLDER_CHECK_INTERVAL: Duration = Duration::from_millis(250);

/// How soon the window looks again for a dialog's answer.
const DIALOG_POLL: Duration = Duration::from_millis(100);

/// A question put to the user on a thread of its own, such as a file dialog.
pub struct PendingDialog<T> {
    answer: Receiver<T>,
}

/// What a [`PendingDialog`] has to say this frame.
#[derive(Debug, PartialEq, Eq)]
pub enum DialogAnswer<T> {
    /// Still open.
    Waiting,
    Answered(T),
    /// The dialog went away without an answer (its thread could not start, or ended).
    Gone,
}

impl<T: Send + 'static> PendingDialog<T> {
    /// Runs `ask` on a thread called `thread_name`.
    #[must_use]
    pub fn start(thread_name: &str, ask: impl FnOnce() -> T + Send + 'static) -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        // If the thread cannot start, the sender is dropped with the closure and the
        // answer is `Gone`.
        let _ = std::thread::Builder::new()
            .name(thread_name.to_owned())
            .spawn(move || {
                let _ = tx.send(ask());
            });
        Self { answer: rx }
    }

    /// The answer, if there is one yet; while waiting, asks `ctx` to look again soon.
    #[must_use]
    pub fn poll(&self, ctx: &egui::Context) -> DialogAnswer<T> {
        match self.answer.try_recv() {
            Ok(answer) => DialogAnswer::Answered(answer),
            Err(TryRecvError::Disconnected) => DialogAnswer::Gone,
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(DIALOG_POLL);
                DialogAnswer::Waiting
            }
        }
    }
}

/// The user's data folder, read and checked on a thread of its own (all cores), so
/// that the window opens at once and keeps answering: a folder of thousands of files
/// takes a second or more.
pub struct FolderLoad {
    progress: Arc<LoadProgress>,
    answer: PendingDialog<FolderLoaded>,
}

/// What a [`FolderLoad`] found.
pub struct FolderLoaded {
    /// The embedded atlas with the folder's files over it, and every problem.
    pub report: LoadReport,
    pub lessons: Vec<Lesson>,
    /// The problems of the lessons (those of the atlas are in `report`).
    pub lesson_errors: Vec<DataError>,
    /// How the folder looked just before it was read (edits made while it was being
    /// read count as changes).
    pub stamp: FolderStamp,
}

impl FolderLoad {
    /// Starts reading `dir`; `wake`'s context, once known, is asked for a frame when
    /// the load is done.
    #[must_use]
    pub fn start(dir: PathBuf, wake: Arc<OnceLock<egui::Context>>) -> Self {
        let progress = Arc::new(LoadProgress::default());
        let counting = Arc::clone(&progress);
        let answer = PendingDialog::start("data-folder-loader", move || {
            let stamp = FolderStamp::of(&dir);
            let (report, lessons, lesson_errors) =
                load_with_lessons(Some(&dir), crate::io::all_cores(), &counting);
            if let Some(ctx) = wake.get() {
                ctx.request_repaint();
            }
            FolderLoaded {
                report,
                lessons,
                lesson_errors,
                stamp,
            }
        });
        Self { progress, answer }
    }

    /// (files done, files in all) so far.
    #[must_use]
    pub fn files(&self) -> (usize, usize) {
        self.progress.files()
    }

    /// The result, if the load is done; while it is not, asks `ctx` to look again
    /// soon (so the window shows the progress, about ten times a second).
    #[must_use]
    pub fn poll(&self, ctx: &egui::Context) -> DialogAnswer<FolderLoaded> {
        self.answer.poll(ctx)
    }

    /// Waits for the result (`None`: the loading thread could not start or failed).
    #[must_use]
    pub fn wait(self) -> Option<FolderLoaded> {
        self.answer.answer.recv().ok()
    }
}

/// The system's open dialog for lesson files.
fn system_open_dialog() -> OpenDialog {
    Arc::new(|| {
        rfd::FileDialog::new()
            .set_title("Open lesson")
            .add_filter("Lesson (RON)", &["ron"])
            .pick_file()
    })
}

/// The system's save dialog (through the desktop portal on Linux).
fn system_save_dialog() -> SaveDialog {
    Arc::new(|name: &str| {
        let format = crate::export::Format::of(std::path::Path::new(name))
            .unwrap_or(crate::export::Format::Png);
        rfd::FileDialog::new()
            .set_title("Save")
            .add_filter(format!("{} file", format.name()), &[format.extension()])
            .set_file_name(name)
            .save_file()
    })
}

/// Background work of the window.
pub struct Background {
    /// Asks where to save a file; the system dialog by default, replaceable in tests.
    pub save_dialog: SaveDialog,
    /// Asks which lesson file to open; the system dialog by default.
    pub open_dialog: OpenDialog,
    /// An export waiting for the user to pick a file.
    pub pending_export: Option<(ExportJob, PendingDialog<Option<PathBuf>>)>,
    /// A lesson file being chosen.
    pub pending_open: Option<PendingDialog<Option<PathBuf>>>,
    /// Made on the first export and kept (starting a GPU device is slow).
    pub renderer: Option<OffscreenRenderer>,
    /// Started with the first frame (it needs the context to wake the window).
    folder_watcher: Option<FolderWatcher>,
    /// The window's context, once known, so other threads can wake the window.
    pub wake: Arc<OnceLock<egui::Context>>,
}

impl Default for Background {
    fn default() -> Self {
        Self {
            save_dialog: system_save_dialog(),
            open_dialog: system_open_dialog(),
            pending_export: None,
            pending_open: None,
            renderer: None,
            folder_watcher: None,
            wake: Arc::default(),
        }
    }
}

impl Background {
    /// Asks where to save `job`, suggesting `name`.
    pub fn ask_where_to_save(&mut self, job: ExportJob, name: String) {
        let dialog = Arc::clone(&self.save_dialog);
        let pending = PendingDialog::start("save-dialog", move || dialog(&name));
        self.pending_export = Some((job, pending));
    }

    /// Asks which lesson file to open.
    pub fn ask_for_lesson_file(&mut self) {
        let dialog = Arc::clone(&self.open_dialog);
        self.pending_open = Some(PendingDialog::start("open-dialog", move || dialog()));
    }

    /// Whether the data folder changed since the last look: starts its watcher (over
    /// `dir`, from `stamp`) on the first call.
    pub fn data_folder_changed(
        &mut self,
        ctx: &egui::Context,
        dir: &std::path::Path,
        stamp: &FolderStamp,
    ) -> bool {
        let watcher = self.folder_watcher.get_or_insert_with(|| {
            let ctx = ctx.clone();
            FolderWatcher::spawn(
                dir.to_path_buf(),
                *stamp,
                FOLDER_CHECK_INTERVAL,
                move || ctx.request_repaint(),
            )
        });
        watcher.take_change()
    }

    /// Whether the data folder's watcher has started.
    #[must_use]
    pub fn data_folder_watched(&self) -> bool {
        self.folder_watcher.is_some()
    }
}
