//! What the app shows: the atlas and the lessons, loaded from the embedded data and
//! the user's data folder, with every problem found on the way. Never persisted;
//! replaced whole when the data folder changes.

use std::path::{Path, PathBuf};

use crate::io::{FolderStamp, load_atlas, load_lessons};
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
}

impl Content {
    /// `atlas` (already loaded with its `errors`) with the embedded lessons and those
    /// of `data_dir`; lesson problems are printed and kept with the others.
    #[must_use]
    pub fn new(atlas: Atlas, mut errors: Vec<DataError>, data_dir: Option<&Path>) -> Self {
        let (lessons, lesson_errors) = load_lessons(data_dir, &atlas);
        for e in &lesson_errors {
            eprintln!("{e}");
        }
        errors.extend(lesson_errors);
        Self {
            atlas,
            lessons,
            errors,
            folder_stamp: data_dir.map(FolderStamp::of).unwrap_or_default(),
            data_dir: data_dir.map(Path::to_path_buf),
        }
    }

    /// Loads the embedded data and the data folder again. A muscle whose file no
    /// longer loads keeps its last good version, and the error is kept.
    pub fn reload(&mut self) {
        let report = load_atlas(self.data_dir.as_deref());
        let mut muscles = report.atlas.muscles;
        for old in &self.atlas.muscles {
            let broken = report.errors.iter().any(|e| e.file == old.origin);
            if broken
                && muscles
                    .iter()
                    .find(|m| m.id == old.id)
                    .is_none_or(|m| m.origin.starts_with("embedded:"))
            {
                muscles.retain(|m| m.id != old.id);
                muscles.push(old.clone());
            }
        }
        let atlas = Atlas::new(
            report.atlas.views,
            muscles,
            report.atlas.warnings,
            report.atlas.groups,
        );
        let (lessons, lesson_errors) = load_lessons(self.data_dir.as_deref(), &atlas);
        self.errors = report.errors;
        self.errors.extend(lesson_errors);
        self.atlas = atlas;
        self.lessons = lessons;
    }
}
