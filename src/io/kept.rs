//! Files the app keeps for the user between runs (preferences and quiz totals).
//!
//! Saving goes through [`write_atomically`]: a killed process or a power cut leaves the
//! old file or the new one, never a mix. Reading never throws a user's file away: one
//! that cannot be read is renamed beside itself, and the app says where it went.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::save::write_atomically;

/// Saved files larger than this are not read (preferences are a few hundred bytes).
pub const MAX_KEPT_BYTES: u64 = 4 * 1024 * 1024;

/// Where the app keeps its preferences when no `--prefs` file is given:
/// `$XDG_CONFIG_HOME/trigger-atlas/preferences.ron` (or `~/.config/…`) on Linux,
/// `~/Library/Application Support/trigger-atlas/…` on macOS, `%APPDATA%\trigger-atlas\…`
/// on Windows.
#[must_use]
pub fn default_prefs_path() -> Option<PathBuf> {
    let env_dir = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(target_os = "windows") {
        env_dir("APPDATA")
    } else if cfg!(target_os = "macos") {
        env_dir("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        env_dir("XDG_CONFIG_HOME").or_else(|| env_dir("HOME").map(|h| h.join(".config")))
    }?;
    Some(base.join("trigger-atlas").join("preferences.ron"))
}

/// What reading a kept file gave.
#[derive(Debug)]
pub struct Restored<T> {
    pub value: T,
    /// A sentence for the user when the file could not be used (it was set aside, or
    /// could not be read); `None` when it loaded or did not exist yet.
    pub notice: Option<String>,
}

/// One file the app keeps, and what was last written to it (so an unchanged value
/// is not written again).
#[derive(Debug)]
pub struct KeptFile {
    path: PathBuf,
    last_written: Option<String>,
    /// The file exists but could not be read or set aside: it is never written over
    /// this session (the user was told).
    hands_off: bool,
}

impl KeptFile {
    #[must_use]
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            last_written: None,
            hands_off: false,
        }
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the file. A missing file gives the default quietly. A file that cannot be
    /// parsed (or is far too large) is renamed to `<name>.unreadable-<unix seconds>`
    /// and the default is used, with a notice naming both files and the problem's
    /// line and column. Missing fields take their defaults, so files from older
    /// versions still load. A file that exists but cannot be read, or cannot be set
    /// aside, is left alone and never written over this session.
    pub fn load<T: DeserializeOwned + Default>(&mut self) -> Restored<T> {
        let shown = self.path.display();
        let problem = match std::fs::metadata(&self.path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Restored {
                    value: T::default(),
                    notice: None,
                };
            }
            Err(e) => return self.left_alone(&e),
            Ok(meta) if meta.len() > MAX_KEPT_BYTES => format!(
                "it is {} bytes, more than the {MAX_KEPT_BYTES} bytes a preferences file can be",
                meta.len()
            ),
            Ok(_) => match std::fs::read(&self.path) {
                Err(e) => return self.left_alone(&e),
                Ok(bytes) => match parse_kept::<T>(&bytes) {
                    Ok(value) => {
                        self.last_written = String::from_utf8(bytes).ok();
                        return Restored {
                            value,
                            notice: None,
                        };
                    }
                    Err(problem) => problem,
                },
            },
        };
        let aside = self.set_aside_path();
        let notice = match std::fs::rename(&self.path, &aside) {
            Ok(()) => format!(
                "Your saved preferences could not be read: {shown}: {problem}. The file was kept as {} and the defaults are used.",
                aside.display()
            ),
            Err(e) => {
                // Could not move it: never write over it.
                self.hands_off = true;
                format!(
                    "Your saved preferences could not be read: {shown}: {problem}. Setting the file aside failed ({e}), so it is left as it is and changes are not saved this session.",
                )
            }
        };
        Restored {
            value: T::default(),
            notice: Some(notice),
        }
    }

    /// A file that exists but cannot be read: the defaults, a notice, and the file is
    /// never written over this session.
    fn left_alone<T: Default>(&mut self, e: &std::io::Error) -> Restored<T> {
        self.hands_off = true;
        Restored {
            value: T::default(),
            notice: Some(format!(
                "Could not read your saved preferences ({}: {e}); the defaults are used and the file is left as it is (changes are not saved this session).",
                self.path.display()
            )),
        }
    }

    /// Writes `value` if it differs from what was last read or written. Returns
    /// whether the file was written.
    ///
    /// # Errors
    /// The folder cannot be created or written; the sentence names the file.
    pub fn save<T: Serialize>(&mut self, value: &T) -> Result<bool, String> {
        let text = self.text_of(value)?;
        self.save_text(text)
    }

    /// The text [`KeptFile::save`] would write for `value`.
    ///
    /// # Errors
    /// The value cannot be written as RON.
    pub fn text_of<T: Serialize>(&self, value: &T) -> Result<String, String> {
        ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
            .map_err(|e| format!("cannot write {}: {e}", self.path.display()))
    }

    /// Writes already serialized `text` (see [`KeptFile::text_of`]) if it differs from
    /// what was last read or written, and the file is not one [`KeptFile::load`]
    /// could not read (those are left alone). Returns whether the file was written.
    ///
    /// # Errors
    /// The folder cannot be created or written; the sentence names the file.
    pub fn save_text(&mut self, text: String) -> Result<bool, String> {
        if self.hands_off || self.last_written.as_deref() == Some(text.as_str()) {
            return Ok(false);
        }
        // A file its owner made read-only stays as it is: a rename would replace it
        // with a writable copy. Said once; nothing more is tried this session.
        if std::fs::metadata(&self.path).is_ok_and(|m| m.permissions().readonly()) {
            self.hands_off = true;
            return Err(format!(
                "{} is read-only, so it was left as it is; changes are kept until the window closes. Make the file writable to save them.",
                self.path.display()
            ));
        }
        let written = self
            .path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map_or(Ok(()), |dir| {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))
            });
        if let Err(e) = written.and_then(|()| write_atomically(&self.path, text.as_bytes())) {
            // One message: a folder that cannot be written now will not be written
            // on the next change either.
            self.hands_off = true;
            return Err(format!("{e}; changes are kept until the window closes."));
        }
        self.last_written = Some(text);
        Ok(true)
    }

    /// `preferences.ron` → `preferences.ron.unreadable-<seconds>`, with a counter if
    /// that name is taken.
    fn set_aside_path(&self) -> PathBuf {
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let mut n = 0;
        loop {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            let candidate = self
                .path
                .with_file_name(format!("{name}.unreadable-{secs}{suffix}"));
            if !candidate.exists() {
                return candidate;
            }
            n += 1;
        }
    }
}

/// Saves values to a [`KeptFile`] on a background thread, so the window never waits
/// for the disk (a synced write can take a tenth of a second). Values sent faster
/// than they can be written are coalesced: only the newest is written. Dropping
/// the saver (or [`BackgroundSaver::finish`]) waits for the last write.
pub struct BackgroundSaver<T> {
    sender: Option<std::sync::mpsc::Sender<T>>,
    problems: std::sync::mpsc::Receiver<String>,
    worker: Option<std::thread::JoinHandle<()>>,
    start_problem: Option<String>,
}

impl<T: Serialize + Send + 'static> BackgroundSaver<T> {
    /// Starts the saving thread. `on_problem` runs on that thread after a failed
    /// write (the app asks for a repaint there, to show the message).
    pub fn spawn(mut file: KeptFile, on_problem: impl Fn() + Send + 'static) -> Self {
        let (sender, values) = std::sync::mpsc::channel::<T>();
        let (report, problems) = std::sync::mpsc::channel();
        let path = file.path().display().to_string();
        let worker = std::thread::Builder::new()
            .name("preferences-saver".into())
            .spawn(move || {
                // A value whose write failed is tried once more at the end, unless a
                // newer one replaced it.
                let mut failed = None;
                while let Ok(mut value) = values.recv() {
                    while let Ok(newer) = values.try_recv() {
                        value = newer;
                    }
                    failed = None;
                    if let Err(e) = file.save(&value) {
                        let _ = report.send(e);
                        on_problem();
                        failed = Some(value);
                    }
                }
                if let Some(value) = failed
                    && let Err(e) = file.save(&value)
                {
                    let _ = report.send(e);
                }
            });
        match worker {
            Ok(worker) => Self {
                sender: Some(sender),
                problems,
                worker: Some(worker),
                start_problem: None,
            },
            Err(e) => Self {
                sender: None,
                problems,
                worker: None,
                start_problem: Some(format!(
                    "cannot save to {path}: no thread to save with ({e})"
                )),
            },
        }
    }

    /// Queues `value` to be written.
    pub fn save(&self, value: T) {
        if let Some(sender) = &self.sender {
            let _ = sender.send(value);
        }
    }

    /// Problems reported since the last call.
    pub fn problems(&mut self) -> Vec<String> {
        self.start_problem
            .take()
            .into_iter()
            .chain(self.problems.try_iter())
            .collect()
    }

    /// Waits until everything queued is written; returns the problems not yet
    /// collected.
    pub fn finish(&mut self) -> Vec<String> {
        self.stop();
        self.problems()
    }
}

impl<T> BackgroundSaver<T> {
    /// Closes the queue and waits for the thread to write what is left.
    fn stop(&mut self) {
        self.sender = None;
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

impl<T> Drop for BackgroundSaver<T> {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Parses the bytes of a kept file as [`KeptFile::load`] does, without the file (the
/// fuzz targets call it).
///
/// # Errors
/// Not UTF-8, or not valid RON for `T`: "line L, column C: what".
pub fn parse_kept<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "it is not UTF-8 text (bad byte at offset {})",
            e.valid_up_to()
        )
    })?;
    ron::from_str(text).map_err(|e| {
        format!(
            "line {}, column {}: {}",
            e.span.start.line, e.span.start.col, e.code
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq, Serialize, serde::Deserialize)]
    #[serde(default)]
    struct Small {
        count: u32,
        name: String,
    }

    fn temp_dir(tag: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("trigger-atlas-kept-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("mkdir");
        dir
    }

    #[test]
    fn round_trip_and_no_rewrite_when_unchanged() {
        let dir = temp_dir("trip");
        let path = dir.join("sub/prefs.ron");
        let mut file = KeptFile::new(path.clone());
        let first: Restored<Small> = file.load();
        assert_eq!(first.value, Small::default());
        assert!(first.notice.is_none(), "a missing file is not a problem");
        let v = Small {
            count: 3,
            name: "x".into(),
        };
        assert!(file.save(&v).expect("save"), "first save writes");
        assert!(!file.save(&v).expect("save"), "same value: no write");
        let mut again = KeptFile::new(path);
        let back: Restored<Small> = again.load();
        assert_eq!(back.value, v);
        assert!(!again.save(&v).expect("save"), "just read: no write");
    }

    #[test]
    fn a_corrupt_file_is_set_aside_with_its_position_and_kept_byte_for_byte() {
        let dir = temp_dir("corrupt");
        let path = dir.join("prefs.ron");
        let garbage = b"(count: 3,\n name: \"unclosed\n";
        std::fs::write(&path, garbage).expect("write");
        let mut file = KeptFile::new(path.clone());
        let r: Restored<Small> = file.load();
        assert_eq!(r.value, Small::default());
        let notice = r.notice.expect("a notice");
        assert!(notice.contains("prefs.ron"), "{notice}");
        assert!(notice.contains("line 2"), "{notice}");
        assert!(!path.exists(), "moved out of the way");
        let aside: Vec<_> = std::fs::read_dir(&dir)
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().contains("prefs.ron.unreadable-"))
            .collect();
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert!(notice.contains(&aside[0].display().to_string()), "{notice}");
        assert_eq!(std::fs::read(&aside[0]).expect("read"), garbage);
        // Saving now writes a fresh file and leaves the set-aside one alone.
        file.save(&Small::default()).expect("save");
        assert!(path.exists());
        assert_eq!(std::fs::read(&aside[0]).expect("read"), garbage);
    }

    #[test]
    fn the_background_saver_writes_the_newest_value_and_reports_failures() {
        let dir = temp_dir("background");
        let path = dir.join("prefs.ron");
        let mut saver = BackgroundSaver::spawn(KeptFile::new(path.clone()), || {});
        for count in 1..=50 {
            saver.save(Small {
                count,
                name: "n".into(),
            });
        }
        assert!(saver.finish().is_empty());
        let back: Restored<Small> = KeptFile::new(path).load();
        assert_eq!(back.value.count, 50, "the newest value is the one kept");

        // A file inside a regular file cannot be written: the problem comes back.
        let blocked = dir.join("prefs.ron/inside.ron");
        let mut saver = BackgroundSaver::spawn(KeptFile::new(blocked), || {});
        saver.save(Small::default());
        let problems = saver.finish();
        assert!(!problems.is_empty(), "the failure is reported");
        assert!(
            problems.iter().all(|p| p.contains("prefs.ron")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_file_that_exists_but_cannot_be_read_is_never_written_over() {
        let dir = temp_dir("unreadable");
        // A folder where the file should be: it exists, but reading it fails.
        let path = dir.join("prefs.ron");
        std::fs::create_dir_all(path.join("keep-me")).expect("mkdir");
        let mut file = KeptFile::new(path.clone());
        let r: Restored<Small> = file.load();
        assert!(r.notice.expect("a notice").contains("not saved"));
        assert!(
            !file.save(&Small::default()).expect("no error"),
            "not written"
        );
        assert!(path.join("keep-me").is_dir(), "left as it was");
    }

    #[test]
    fn invalid_utf8_and_wrong_types_are_set_aside_too() {
        let dir = temp_dir("types");
        for (i, bytes) in [&b"(count: \xff)"[..], b"(count: \"three\")", b""]
            .into_iter()
            .enumerate()
        {
            let path = dir.join(format!("p{i}.ron"));
            std::fs::write(&path, bytes).expect("write");
            let r: Restored<Small> = KeptFile::new(path.clone()).load();
            assert!(r.notice.is_some(), "case {i}");
            assert!(!path.exists(), "case {i}");
        }
    }

    #[test]
    fn a_read_only_file_is_left_alone_and_said_once() {
        let dir =
            std::env::temp_dir().join(format!("trigger-atlas-kept-ro-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("mkdir");
        let path = dir.join("prefs.ron");
        std::fs::write(&path, "(answer: 1)").expect("write");
        let mut perms = std::fs::metadata(&path).expect("meta").permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&path, perms).expect("chmod");
        let mut file = KeptFile::new(path.clone());
        let err = file.save_text("(answer: 2)".into()).expect_err("read-only");
        assert!(err.contains("read-only"), "{err}");
        assert_eq!(file.save_text("(answer: 3)".into()), Ok(false), "said once");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "(answer: 1)");
        assert!(
            std::fs::metadata(&path)
                .expect("meta")
                .permissions()
                .readonly()
        );
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_said_once() {
        let dir =
            std::env::temp_dir().join(format!("trigger-atlas-kept-nf-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("mkdir");
        let not_a_folder = dir.join("a-file");
        std::fs::write(&not_a_folder, "x").expect("write");
        let mut file = KeptFile::new(not_a_folder.join("prefs.ron"));
        assert!(file.save_text("(a: 1)".into()).is_err());
        assert_eq!(
            file.save_text("(a: 2)".into()),
            Ok(false),
            "one message, not one per change"
        );
    }
}
