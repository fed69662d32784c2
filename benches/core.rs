//! `cargo bench --bench core`: loading and validating the whole embedded atlas, and
//! one hit-test. Targets (issue #7): load ≤ 30 ms, hit-test ≤ 5 µs.

use std::hint::black_box;
use std::time::Instant;

use emath::pos2;
use trigger_atlas::hit::hit_test;
use trigger_atlas::io::load_atlas;
use trigger_atlas::model::{Side, ViewId};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    for _ in 0..3 {
        black_box(load_atlas(None));
    }
    let load_ms = median(
        (0..30)
            .map(|_| {
                let start = Instant::now();
                black_box(load_atlas(None));
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    );
    let atlas = load_atlas(None).atlas;
    let back = ViewId("back".into());
    // A busy spot: the buttock, where several muscles overlap.
    let spot = pos2(255.0, 400.0);
    let hit_us = median(
        (0..2000)
            .map(|_| {
                let start = Instant::now();
                black_box(hit_test(&atlas, &back, Side::Right, black_box(spot)));
                start.elapsed().as_secs_f64() * 1e6
            })
            .collect(),
    );
    println!(
        "load + validate {} muscles: median {load_ms:.1} ms (target <= 30 ms); hit-test: median {hit_us:.2} us (target <= 5 us)",
        atlas.muscles.len()
    );
}
