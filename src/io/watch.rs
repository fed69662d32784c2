//! Hot reload of the user's data folder: notices edits by file size and modification
//! time, cheaply, without a platform file-watching library.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What the data folder looked like at the last look.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FolderStamp(Vec<(PathBuf, Option<SystemTime>, u64)>);

impl FolderStamp {
    /// Reads the size and modification time of every data file in `dir`
    /// (`views.ron`, `muscles/*.ron`, `lessons/*.ron`).
    #[must_use]
    pub fn of(dir: &Path) -> Self {
        let mut files = vec![dir.join("views.ron")];
        for sub in ["muscles", "lessons"] {
            if let Ok(entries) = std::fs::read_dir(dir.join(sub)) {
                files.extend(
                    entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "ron")),
                );
            }
        }
        files.sort();
        Self(
            files
                .into_iter()
                .filter_map(|p| {
                    let meta = std::fs::metadata(&p).ok()?;
                    Some((p, meta.modified().ok(), meta.len()))
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_changes_the_stamp() {
        let dir = std::env::temp_dir().join(format!("trigger-atlas-watch-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("muscles")).expect("mkdir");
        let file = dir.join("muscles/a.ron");
        std::fs::write(&file, "one").expect("write");
        let before = FolderStamp::of(&dir);
        assert_eq!(before, FolderStamp::of(&dir), "no change, same stamp");
        std::fs::write(&file, "a longer text").expect("write");
        assert_ne!(before, FolderStamp::of(&dir));
    }
}
