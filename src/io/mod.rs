//! Reading data: one parser for embedded defaults and the user's data folder.

mod error;
mod kept;
mod load;
mod located;
mod save;
mod watch;

pub use error::{DataError, ErrorKind};
pub use kept::{BackgroundSaver, KeptFile, MAX_KEPT_BYTES, Restored, default_prefs_path};
pub use load::{
    LoadReport, MAX_FILE_BYTES, REGION_ORDER, SourceText, all_cores, build, embedded_sources,
    load_atlas, load_atlas_on, load_lesson_file, load_lessons, parse_lesson, parse_muscle,
    parse_views, read_folder, sort_muscles,
};
pub use located::{Located, Position};
pub use save::{save_png, write_atomically};
pub use watch::{FolderStamp, FolderWatcher};
