//! Hot reload of the user's data folder: notices edits by file size and modification
//! time, cheaply, without a platform file-watching library. The looking happens on a
//! background thread, so an idle window is not woken up to do it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

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

/// Looks at a folder every `interval` on its own thread and says when it changed.
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
                while running.load(Ordering::Relaxed) {
                    std::thread::sleep(interval);
                    let now = FolderStamp::of(&dir);
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
