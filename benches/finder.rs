//! `cargo bench --bench finder`: time to rank 20 pain marks against the whole atlas.
//! Target (issue #4): at most 1 ms per ranking.
//!
//! A plain timing loop (no benchmark framework): it warms up, then reports the median
//! and the 95th percentile over many runs, which is what the target is about.

use std::hint::black_box;
use std::time::Instant;

use emath::pos2;
use trigger_atlas::finder::{PainMark, rank};
use trigger_atlas::io::load_atlas;
use trigger_atlas::model::{Side, ViewId};

fn marks() -> Vec<PainMark> {
    let mut marks = Vec::new();
    // Ten on the back (buttock, thigh, neck, low back), five on the front, five on the
    // side views: a realistic, busy pain drawing.
    let back = [
        (225.0, 425.0),
        (228.0, 480.0),
        (226.0, 520.0),
        (250.0, 372.0),
        (214.0, 392.0),
        (222.0, 140.0),
        (230.0, 160.0),
        (175.0, 425.0),
        (240.0, 600.0),
        (160.0, 380.0),
    ];
    for (x, y) in back {
        marks.push(PainMark {
            view: ViewId("back".into()),
            panel_side: Side::Right,
            pos: pos2(x, y),
            radius: 7.0,
        });
    }
    for (x, y) in [
        (170.0, 70.0),
        (190.0, 170.0),
        (150.0, 400.0),
        (140.0, 500.0),
        (250.0, 420.0),
    ] {
        marks.push(PainMark {
            view: ViewId("front".into()),
            panel_side: Side::Right,
            pos: pos2(x, y),
            radius: 7.0,
        });
    }
    for (x, y, side) in [
        (160.0, 80.0, Side::Right),
        (90.0, 230.0, Side::Right),
        (180.0, 140.0, Side::Right),
        (120.0, 120.0, Side::Left),
        (200.0, 90.0, Side::Left),
    ] {
        marks.push(PainMark {
            view: ViewId("head_side".into()),
            panel_side: side,
            pos: pos2(x, y),
            radius: 7.0,
        });
    }
    marks
}

fn main() {
    let atlas = load_atlas(None).atlas;
    let marks = marks();
    assert_eq!(marks.len(), 20);
    for _ in 0..200 {
        black_box(rank(&atlas, black_box(&marks)));
    }
    let mut samples_us: Vec<f64> = (0..3000)
        .map(|_| {
            let start = Instant::now();
            black_box(rank(&atlas, black_box(&marks)));
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    samples_us.sort_by(f64::total_cmp);
    let median = samples_us[samples_us.len() / 2];
    let p95 = samples_us[samples_us.len() * 95 / 100];
    println!(
        "rank 20 marks x {} muscles: median {median:.1} us, p95 {p95:.1} us (target <= 1000 us)",
        atlas.muscles.len()
    );
}
