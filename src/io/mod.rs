//! Reading data: one parser for embedded defaults and the user's data folder.

mod drawing;
mod kept;
mod load;
mod save;
mod watch;

pub use drawing::{
    DRAWING_FORMAT, PainDrawing, drawing_text, load_drawing_file, parse_drawing, save_drawing_file,
};
pub use kept::{
    BackgroundSaver, KeptFile, MAX_KEPT_BYTES, Restored, default_prefs_path, parse_kept,
};
pub use load::{
    LoadProgress, LoadReport, MAX_FILE_BYTES, SourceText, all_cores, build, embedded_sources,
    load_atlas, load_atlas_on, load_lesson_file, load_lessons, load_with_lessons, parse_groups,
    parse_lesson, parse_muscle, parse_user_views, parse_views, parse_warnings,
};
pub use save::{encode_png, save_png, write_atomically};
pub use watch::{FolderStamp, FolderWatcher};
