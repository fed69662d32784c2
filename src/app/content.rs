//! What the app shows: the atlas and the lessons, loaded from the embedded data and
//! the user's data folder, with every problem found on the way. Never persisted;
//! replaced whole when the data folder has been read (again).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::background::{FolderLoad, FolderLoaded};
use crate::io::{FolderStamp, LoadProgress, load_lessons, load_with_lessons};
use crate::model::lesson::Lesson;
use crate::model::{Atlas, DataError};

/// The loaded atlas and lessons.
pub struct Content {
    pub atlas: Atlas,
    /// Lessons available: embedded, from the data folder, and opened files.
    pub lessons: Vec<Lesson>,
    /// Problems in the data files (each file skipped or partly skipped).
    pub errors: Vec<DataError>,
    /// The user's data folder, watched for edits (hot reload).
    pub data_dir: Option<PathBuf>,
    /// How the data folder looked when it was loaded (the watcher's starting point).
    pub folder_stamp: FolderStamp,
    /// Where reading the data folder stands.
    pub folder: FolderState,
}

/// Where reading the data folder stands.
pub enum FolderState {
    /// Read (or there is none to read).
    Read,
    /// To be read on another thread; the window starts it once its first frame is
    /// on screen, while the embedded atlas is shown.
    Waiting,
    /// Being read on another thread, for the first time or again after an edit
    /// (`again`: it changed once more meanwhile).
    Reading {
        load: FolderLoad,
        first: bool,
        again: bool,
    },
}

impl Content {
    /// `atlas` (already loaded with its `errors`) with the embedded lessons.
    #[must_use]
    pub fn new(atlas: Atlas, errors: Vec<DataError>) -> Self {
        let (lessons, lesson_errors) = load_lessons(None, &atlas);
        let mut errors = errors;
        errors.extend(lesson_errors);
        Self {
            atlas,
            lessons,
            errors,
            data_dir: None,
            folder_stamp: FolderStamp::default(),
            folder: FolderState::Read,
        }
    }

    /// The embedded data and `data_dir`, read now on up to `threads` threads.
    #[must_use]
    pub fn load(data_dir: Option<&Path>, threads: usize) -> Self {
        let folder_stamp = data_dir.map(FolderStamp::of).unwrap_or_default();
        let (mut report, lessons, lesson_errors) =
            load_with_lessons(data_dir, threads, &LoadProgress::default());
        report.errors.extend(lesson_errors);
        Self {
            atlas: report.atlas,
            lessons,
            errors: report.errors,
            data_dir: data_dir.map(Path::to_path_buf),
            folder_stamp,
            folder: FolderState::Read,
        }
    }

    /// The embedded data now, and `data_dir` to be read over it on another thread
    /// (see [`FolderState::Waiting`]).
    #[must_use]
    pub fn load_embedded_then(data_dir: Option<&Path>, threads: usize) -> Self {
        let mut content = Self::load(None, threads);
        if let Some(dir) = data_dir {
            content.data_dir = Some(dir.to_path_buf());
            content.folder = FolderState::Waiting;
        }
        content
    }

    /// (files done, files in all) while the data folder is being read for the
    /// first time; `None` once it has been (a reload shows the old data meanwhile,
    /// without a word).
    #[must_use]
    pub fn first_read_progress(&self) -> Option<(usize, usize)> {
        match &self.folder {
            FolderState::Waiting => Some((0, 0)),
            FolderState::Reading {
                load, first: true, ..
            } => Some(load.files()),
            FolderState::Reading { .. } | FolderState::Read => None,
        }
    }

    /// Starts reading the data folder again on another thread (or, if it is being
    /// read, once more when that is done). `wake` is asked for a frame when done.
    pub fn start_reading(&mut self, wake: &Arc<OnceLock<egui::Context>>) {
        let Some(dir) = &self.data_dir else {
            return;
        };
        self.folder = match std::mem::replace(&mut self.folder, FolderState::Read) {
            FolderState::Reading { load, first, .. } => FolderState::Reading {
                load,
                first,
                again: true,
            },
            FolderState::Waiting => FolderState::Reading {
                load: FolderLoad::start(dir.clone(), Arc::clone(wake)),
                first: true,
                again: false,
            },
            FolderState::Read => FolderState::Reading {
                load: FolderLoad::start(dir.clone(), Arc::clone(wake)),
                first: false,
                again: false,
            },
        };
    }

    /// Puts what a read of the data folder found in place. A muscle whose file no
    /// longer loads keeps its last good version, and the error is kept.
    pub fn apply(&mut self, loaded: FolderLoaded) {
        let FolderLoaded {
            report,
            mut lessons,
            mut lesson_errors,
            stamp,
        } = loaded;
        let broken: HashSet<&str> = report.errors.iter().map(|e| e.file.as_str()).collect();
        let kept: Vec<_> = self
            .atlas
            .muscles
            .iter()
            .filter(|old| {
                !old.origin.starts_with("embedded:")
                    && broken.contains(old.origin.as_str())
                    && report
                        .atlas
                        .muscle(&old.id)
                        .is_none_or(|m| m.origin.starts_with("embedded:"))
            })
            .cloned()
            .collect();
        let mut errors = report.errors;
        let atlas = if kept.is_empty() {
            report.atlas
        } else {
            let mut muscles = report.atlas.muscles;
            for old in kept {
                muscles.retain(|m| m.id != old.id);
                muscles.push(old);
            }
            let atlas = Atlas::new(
                report.atlas.views,
                muscles,
                report.atlas.warnings,
                report.atlas.groups,
            );
            // The lessons were checked against the atlas without the kept muscles.
            (lessons, lesson_errors) = load_lessons(self.data_dir.as_deref(), &atlas);
            atlas
        };
        errors.append(&mut lesson_errors);
        let old = std::mem::replace(&mut self.atlas, atlas);
        // Freeing thousands of muscles takes a moment the window need not wait for.
        if old.muscles.len() > 500 {
            let _ = std::thread::Builder::new()
                .name("old-atlas".to_owned())
                .spawn(move || drop(old));
        }
        self.lessons = lessons;
        self.errors = errors;
        self.folder_stamp = stamp;
    }
}
