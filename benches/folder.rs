//! `cargo bench --bench folder`: reading a large data folder, as the window does in
//! the background after it opens. The folder holds 5,000 muscle files (copies of the
//! shipped ones under new ids, see `tests/atlas/big_folder.rs`), is written to a
//! temporary folder once, and is read with every core (the window's main thread
//! only draws the progress meanwhile). Target: at most 1 s.
//! Also times one look of the folder watcher at it.

use std::hint::black_box;
use std::time::Instant;

use trigger_atlas::io::{FolderStamp, LoadProgress, all_cores, load_with_lessons};

#[path = "../tests/atlas/big_folder.rs"]
mod big_folder;

const FILES: usize = 5_000;

/// CPU time this process has used so far, in ms (user and system, all threads), so
/// that a run on a busy machine still says what the load costs.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, in 1/100 s.
    (ticks(11) + ticks(12)) * 10.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let dir =
        std::env::temp_dir().join(format!("trigger-atlas-bench-folder-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    big_folder::write_copies(&dir, FILES);
    // Once to warm the page cache, as a folder opened before is.
    let (report, _, _) = load_with_lessons(Some(&dir), all_cores(), &LoadProgress::default());
    assert!(report.errors.is_empty(), "{}", report.errors[0]);
    let muscles = report.atlas.muscles.len();
    drop(report);
    let (wall, cpu): (Vec<f64>, Vec<f64>) = (0..7)
        .map(|_| {
            let progress = LoadProgress::default();
            let (start, cpu_start) = (Instant::now(), cpu_ms());
            let loaded = black_box(load_with_lessons(Some(&dir), all_cores(), &progress));
            let times = (start.elapsed().as_secs_f64() * 1e3, cpu_ms() - cpu_start);
            assert_eq!(progress.files(), (FILES, FILES));
            drop(loaded);
            times
        })
        .unzip();
    let (load_ms, cpu_load_ms) = (median(wall), median(cpu));
    let look_ms = median(
        (0..30)
            .map(|_| {
                let start = Instant::now();
                black_box(FolderStamp::of(&dir));
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    );
    println!(
        "read a data folder of {FILES} muscle files ({muscles} muscles with the built-in ones) on {} cores: median {load_ms:.0} ms (target <= 1000 ms), CPU time {cpu_load_ms:.0} ms; one look of the folder watcher: median {look_ms:.1} ms",
        all_cores()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
