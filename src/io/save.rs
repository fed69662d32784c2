//! Writing files the user keeps: always through a temporary file, flushed, then
//! renamed over the target, so an interrupted write never leaves a torn file.

use std::io::Write as _;
use std::path::Path;

/// Numbers this process's saves, for unique temporary file names.
static SAVES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Writes `bytes` to `path` atomically (temporary file in the same folder, flush,
/// sync, rename, sync the folder).
///
/// # Errors
/// The folder is not writable or the disk is full; the sentence names the file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A name no other writer uses (another copy of the app, another thread), so two
    // saves never write into the same temporary file.
    let n = SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = path.with_file_name(format!(".{name}.{}-{n}.part", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.flush()?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // Make the rename itself durable (a power cut right after could otherwise
        // bring back the old directory entry). Not every platform can open a folder.
        #[cfg(unix)]
        {
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            if let Ok(dir) = std::fs::File::open(dir) {
                let _ = dir.sync_all();
            }
        }
        Ok(())
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot write {}: {e}", path.display())
    })
}

/// Encodes `image` as PNG and writes it atomically.
///
/// # Errors
/// Encoding or writing failed.
pub fn save_png(image: &image::RgbaImage, path: &Path) -> Result<(), String> {
    let mut png = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| format!("cannot encode the picture: {e}"))?;
    write_atomically(path, &png)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("trigger-atlas-save-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("mkdir");
        let path = dir.join("out.txt");
        write_atomically(&path, b"first").expect("write");
        write_atomically(&path, b"second").expect("overwrite");
        assert_eq!(std::fs::read(&path).expect("read"), b"second");
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .expect("list")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        let missing = dir.join("no/such/folder/out.txt");
        let err = write_atomically(&missing, b"x").expect_err("no folder");
        assert!(err.contains("out.txt"), "{err}");
    }

    #[test]
    fn two_writers_saving_the_same_file_at_once_leave_one_whole_version() {
        let dir = std::env::temp_dir().join(format!("trigger-atlas-race-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("mkdir");
        let path = dir.join("shared.txt");
        let (a, b) = (vec![b'a'; 200_000], vec![b'b'; 300_000]);
        std::thread::scope(|scope| {
            for bytes in [&a, &b] {
                let path = &path;
                scope.spawn(move || {
                    for _ in 0..20 {
                        write_atomically(path, bytes).expect("every save succeeds");
                    }
                });
            }
        });
        let kept = std::fs::read(&path).expect("read");
        assert!(kept == a || kept == b, "a mix of {} bytes", kept.len());
        let leftovers = std::fs::read_dir(&dir)
            .expect("list")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
            .count();
        assert_eq!(leftovers, 0);
    }
}
