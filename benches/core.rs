//! `cargo bench --bench core`: loading and validating the whole embedded atlas, one
//! hit-test, and the rest of what the loader thread does while the window opens (the
//! warm-up passes and the panel pictures). Targets (issue #7): load ≤ 30 ms,
//! hit-test ≤ 5 µs; the warm-up has no target of its own, but the loader must be
//! done before the window is (about 100 ms after start here, see
//! docs/PERFORMANCE.md).

use std::hint::black_box;
use std::time::Instant;

use emath::pos2;
use trigger_atlas::AtlasApp;
use trigger_atlas::draw::picture::{making_pictures, pictures_made};
use trigger_atlas::hit::hit_test;
use trigger_atlas::io::load_atlas;
use trigger_atlas::model::{Side, ViewId};

const WINDOW: [f32; 2] = [1280.0, 860.0];

fn window_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(WINDOW[0], WINDOW[1]),
        )),
        ..Default::default()
    }
}

/// The start screen laid out twice on a new context, then one more pass timed, with
/// or without making the panels' pictures in it.
fn third_pass_ms(pictures: bool) -> f64 {
    let ctx = egui::Context::default();
    let mut app = AtlasApp::from_parts(load_atlas(None).atlas, Vec::new());
    for _ in 0..2 {
        ctx.run_ui(window_input(), |ui| app.ui_root(ui))
            .textures_delta
            .clear();
    }
    let start = Instant::now();
    let mut output = making_pictures(&ctx, pictures, || {
        ctx.run_ui(window_input(), |ui| app.ui_root(ui))
    });
    let ms = start.elapsed().as_secs_f64() * 1e3;
    output.textures_delta.clear();
    assert_eq!(pictures_made(&ctx), if pictures { 3 } else { 0 });
    ms
}

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

    let warm_ms = median(
        (0..15)
            .map(|_| {
                let ctx = egui::Context::default();
                let mut app = AtlasApp::from_parts(load_atlas(None).atlas, Vec::new());
                let start = Instant::now();
                app.warm_up(&ctx, WINDOW);
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    );
    let with = median((0..15).map(|_| third_pass_ms(true)).collect());
    let without = median((0..15).map(|_| third_pass_ms(false)).collect());
    println!(
        "warm-up at {}x{} (two UI passes, three panel pictures): median {warm_ms:.1} ms, of which the pictures {:.1} ms",
        WINDOW[0],
        WINDOW[1],
        with - without
    );
}
