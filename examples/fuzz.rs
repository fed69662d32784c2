//! A mutation fuzzer for the loader and validator: takes the embedded data files,
//! mutates them at random (characters, RON tokens, numbers, cut and copied ranges)
//! and feeds every result to the same parsers the app uses, then triangulates every
//! shape at three sizes as drawing does (triangles are made on first draw), catching
//! any panic.
//!
//! `cargo run --release --example fuzz -- [INPUTS] [SEED]` (default 1,000,000 inputs).
//! On a panic the input is written to `fuzz-crash-<n>.ron` and the run fails.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, Ordering};

use trigger_atlas::geometry::Tessellation;
use trigger_atlas::io::{embedded_sources, load_atlas, parse_lesson, parse_muscle, parse_views};
use trigger_atlas::model::Side;

/// Triangles are made when a shape is first drawn, at the size it is drawn; make
/// them for a small figure, a screen-sized one and a zoomed one.
fn triangulate_every_size(tess: &Tessellation) {
    for scale in [0.3, 1.5, 50.0] {
        let _ = tess.for_scale(scale);
    }
}

/// Pieces of RON and of our format that make mutations reach deep into the parser.
const TOKENS: [&str; 24] = [
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "NaN",
    "inf",
    "-inf",
    "1e39",
    "-0.0",
    "Some(",
    "None",
    "Essential",
    "Spillover",
    "Deep",
    "view: \"back\"",
    "points: []",
    "(0.0, 0.0)",
    "//",
    "/*",
    "\\u{0}",
    "99999999999999999999",
];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

fn char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(seed: &str, rng: &mut Rng) -> String {
    let mut text = seed.to_owned();
    for _ in 0..=rng.below(4) {
        let len = text.len();
        let at = char_boundary(&text, rng.below(len + 1));
        match rng.below(6) {
            0 => text.insert_str(at, TOKENS[rng.below(TOKENS.len())]),
            1 => {
                let end = char_boundary(&text, at + rng.below(40));
                text.replace_range(at..end.max(at), "");
            }
            2 => {
                let end = char_boundary(&text, at + rng.below(200));
                let copy = text[at..end.max(at)].to_owned();
                let to = char_boundary(&text, rng.below(len + 1));
                text.insert_str(to, &copy);
            }
            3 => {
                let c = char::from_u32(rng.below(0x2FF) as u32).unwrap_or('?');
                text.insert(at, c);
            }
            4 => text.truncate(at),
            _ => {
                // Replace a digit run with an extreme number.
                if let Some(pos) = text[at..].find(|c: char| c.is_ascii_digit()) {
                    let start = at + pos;
                    let end = text[start..]
                        .find(|c: char| !c.is_ascii_digit() && c != '.')
                        .map_or(text.len(), |e| start + e);
                    text.replace_range(
                        start..end,
                        ["1e30", "-5", "0", "NaN", "4000000000"][rng.below(5)],
                    );
                }
            }
        }
    }
    text
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let total: u64 = args
        .first()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(0x5EED);
    let atlas = load_atlas(None).atlas;
    let (views_src, muscles) = embedded_sources();
    let lessons = [
        include_str!("../data/lessons/sciatica_mimics.ron"),
        include_str!("../data/lessons/headache_neck_jaw.ron"),
    ];
    let views = atlas.views.clone();
    // Panics are caught and reported; keep the default hook from printing each one.
    std::panic::set_hook(Box::new(|_| {}));
    let done = AtomicU64::new(0);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get) as u64;
    let start = std::time::Instant::now();
    std::thread::scope(|scope| {
        for t in 0..threads {
            let (atlas, views, views_src, muscles, lessons, done) =
                (&atlas, &views, &views_src, &muscles, &lessons, &done);
            scope.spawn(move || {
                let mut rng = Rng(seed.wrapping_add(t * 0x9E37_79B9) | 1);
                for i in (t..total).step_by(threads as usize) {
                    let which = rng.below(3 + muscles.len());
                    let input = match which {
                        0 => mutate(&views_src.text, &mut rng),
                        1 | 2 => mutate(lessons[which - 1], &mut rng),
                        n => mutate(&muscles[n - 3].text, &mut rng),
                    };
                    let outcome = catch_unwind(AssertUnwindSafe(|| match which {
                        0 => {
                            let (views, _) = parse_views(&input, "fuzz.ron");
                            for view in &views {
                                view.silhouette.iter().for_each(triangulate_every_size);
                            }
                        }
                        1 | 2 => {
                            let _ = parse_lesson(&input, "fuzz.ron", atlas);
                        }
                        _ => {
                            if let Ok(muscle) = parse_muscle(&input, "fuzz.ron", views) {
                                for side in Side::BOTH {
                                    for shape in &muscle.shapes {
                                        triangulate_every_size(shape.fill.get(side));
                                    }
                                    for zone in &muscle.zones {
                                        triangulate_every_size(zone.fill.get(side));
                                    }
                                }
                            }
                        }
                    }));
                    if outcome.is_err() {
                        let path = format!("fuzz-crash-{i}.ron");
                        let _ = std::fs::write(&path, &input);
                        eprintln!("panic on input {i}; written to {path}");
                        std::process::exit(1);
                    }
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if n % 100_000 == 0 {
                        eprintln!(
                            "{n} inputs, no panic ({:.0} s)",
                            start.elapsed().as_secs_f64()
                        );
                    }
                }
            });
        }
    });
    println!(
        "{} inputs, no panic, {:.0} s on {threads} threads (seed {seed})",
        done.load(Ordering::Relaxed),
        start.elapsed().as_secs_f64()
    );
}
