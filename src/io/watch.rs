//! Hot reload of the user's data folder: notices edits by file size and modification
//! time, cheaply, without a platform file-watching library. The looking happens on a
//! background thread, so an idle window is not woken up to do it.

use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// What the data folder looked like at the last look: how many data files it had
/// and a digest of their names, sizes and modification times. Looking is cheap
/// enough to do a few times a second on a folder of thousands of files (one
/// `fstatat` per file, nothing kept per file).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FolderStamp {
    files: usize,
    digest: u64,
}

impl FolderStamp {
    /// Reads the size and modification time of every data file in `dir`
    /// (`views.ron`, `warnings.ron`, `groups.ron`, `muscles/*.ron`, `lessons/*.ron`).
    #[must_use]
    pub fn of(dir: &Path) -> Self {
        let mut stamp = Self::default();
        for name in ["views.ron", "warnings.ron", "groups.ron"] {
            if let Ok(meta) = std::fs::metadata(dir.join(name)) {
                stamp.add(name.as_ref(), &meta);
            }
        }
        for sub in ["muscles", "lessons"] {
            let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
                continue;
            };
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name();
                if Path::new(&name).extension().is_none_or(|e| e != "ron") {
                    continue;
                }
                // The entry's own metadata needs no path lookup; a link is followed.
                let meta = match entry.metadata() {
                    Ok(meta) if meta.is_symlink() => std::fs::metadata(entry.path()),
                    other => other,
                };
                if let Ok(meta) = meta {
                    stamp.add(Path::new(sub).join(&name).as_os_str(), &meta);
                }
            }
        }
        stamp
    }

    /// Counts one file; the digest is a sum, so the order files are listed in does
    /// not matter.
    fn add(&mut self, name: &std::ffi::OsStr, meta: &std::fs::Metadata) {
        let mut hasher = DefaultHasher::new();
        (name, meta.modified().ok(), meta.len()).hash(&mut hasher);
        self.files += 1;
        self.digest = self.digest.wrapping_add(hasher.finish());
    }
}

/// A look at the folder may take at most this share of the time between looks: a
/// folder of thousands of files is looked at less often than four times a second.
const MAX_LOOK_SHARE: u32 = 50;

/// Looks at a folder every `interval` (or, for a large folder, less often, so that
/// looking takes at most 2 % of a core) on its own thread and says when it changed.
/// The thread ends soon after the watcher is dropped.
#[derive(Debug)]
pub struct FolderWatcher {
    changed: Arc<AtomicBool>,
    alive: Arc<AtomicBool>,
}

impl FolderWatcher {
    /// Starts watching `dir`, comparing with `seen` (how it looked when it was
    /// loaded). `on_change` runs on the watcher's thread after each change (the app
    /// asks for a repaint there).
    #[must_use]
    pub fn spawn(
        dir: PathBuf,
        seen: FolderStamp,
        interval: Duration,
        on_change: impl Fn() + Send + 'static,
    ) -> Self {
        let changed = Arc::new(AtomicBool::new(false));
        let alive = Arc::new(AtomicBool::new(true));
        let (flag, running) = (Arc::clone(&changed), Arc::clone(&alive));
        let spawned = std::thread::Builder::new()
            .name("data-folder-watcher".into())
            .spawn(move || {
                let mut last = seen;
                let mut pause = interval;
                while running.load(Ordering::Relaxed) {
                    std::thread::sleep(pause);
                    let looking = Instant::now();
                    let now = FolderStamp::of(&dir);
                    pause = interval.max(looking.elapsed() * MAX_LOOK_SHARE);
                    if now != last {
                        last = now;
                        flag.store(true, Ordering::Release);
                        on_change();
                    }
                }
            });
        if let Err(e) = spawned {
            eprintln!("cannot watch the data folder for edits: {e}");
        }
        Self { changed, alive }
    }

    /// Whether the folder changed since the last call.
    #[must_use]
    pub fn take_change(&self) -> bool {
        self.changed.swap(false, Ordering::Acquire)
    }
}

impl Drop for FolderWatcher {
    fn drop(&mut self) {
        self.alive.store(false, Ordering::Relaxed);
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

    #[test]
    fn the_watcher_reports_an_edit_once_and_calls_back() {
        let dir =
            std::env::temp_dir().join(format!("trigger-atlas-watcher-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("muscles")).expect("mkdir");
        let file = dir.join("muscles/a.ron");
        std::fs::write(&file, "one").expect("write");
        let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        let watcher = FolderWatcher::spawn(
            dir.clone(),
            FolderStamp::of(&dir),
            Duration::from_millis(20),
            move || {
                counter.fetch_add(1, Ordering::Relaxed);
            },
        );
        std::thread::sleep(Duration::from_millis(100));
        assert!(!watcher.take_change(), "nothing edited yet");
        // Written whole and renamed into place, as editors do, so the watcher cannot
        // catch it half-written (which would rightly count as two changes).
        let tmp = dir.join("a.ron.tmp");
        std::fs::write(&tmp, "a longer text").expect("write");
        std::fs::rename(&tmp, &file).expect("rename");
        let deadline = std::time::Instant::now() + Duration::from_secs(2);
        while !watcher.take_change() {
            assert!(std::time::Instant::now() < deadline, "edit not noticed");
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(!watcher.take_change(), "reported once");
        assert_eq!(calls.load(Ordering::Relaxed), 1);
    }
}
