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
    write_atomically(path, &encode_png(image, None)?)
}

/// Encodes `image` as PNG; with `dpi`, records the resolution (a pHYs chunk), so that
/// print tools print it at its true size.
///
/// # Errors
/// Encoding failed.
pub fn encode_png(image: &image::RgbaImage, dpi: Option<u32>) -> Result<Vec<u8>, String> {
    let mut png = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| format!("cannot encode the picture: {e}"))?;
    if let Some(dpi) = dpi {
        // The signature (8 bytes) and IHDR (25) come first; pHYs goes right after.
        const AFTER_IHDR: usize = 8 + 25;
        let per_metre = (f64::from(dpi) / 0.0254).round() as u32;
        let mut chunk = Vec::with_capacity(21);
        chunk.extend_from_slice(&9u32.to_be_bytes());
        let mut body = b"pHYs".to_vec();
        body.extend_from_slice(&per_metre.to_be_bytes());
        body.extend_from_slice(&per_metre.to_be_bytes());
        body.push(1); // unit: the metre
        chunk.extend_from_slice(&body);
        chunk.extend_from_slice(&crc32(&body).to_be_bytes());
        if png.len() > AFTER_IHDR && &png[12..16] == b"IHDR" {
            png.splice(AFTER_IHDR..AFTER_IHDR, chunk);
        }
    }
    Ok(png)
}

/// The CRC-32 that PNG chunks carry (ISO-HDLC polynomial, bit by bit: the chunk
/// is a few bytes).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_with_a_resolution_says_so_and_still_decodes() {
        assert_eq!(crc32(b"IEND"), 0xAE42_6082, "the CRC of an IEND chunk");
        let image = image::RgbaImage::from_pixel(4, 3, image::Rgba([10, 20, 30, 255]));
        let png = encode_png(&image, Some(150)).expect("encode");
        let at = png
            .windows(4)
            .position(|w| w == b"pHYs")
            .expect("a pHYs chunk");
        let ppm = u32::from_be_bytes([png[at + 4], png[at + 5], png[at + 6], png[at + 7]]);
        assert_eq!(ppm, 5906, "150 dpi in pixels per metre");
        assert_eq!(png[at + 12], 1, "the unit is the metre");
        let back = image::load_from_memory(&png).expect("still a valid PNG");
        assert_eq!(back.to_rgba8(), image);
    }

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
