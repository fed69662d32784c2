//! `cargo bench --bench frame`: one whole frame of the window's UI logic plus egui's
//! tessellation at 3840 x 2160, with ten muscles compared (overlaid) on both sides.
//! Target (issue #7): at most 2 ms. GPU drawing is not included (it runs on the
//! graphics card in the window; the `render` bench measures a software GPU).

use std::hint::black_box;
use std::time::Instant;

use egui::{Pos2, RawInput, Rect, vec2};
use trigger_atlas::AtlasApp;
use trigger_atlas::app::Command;
use trigger_atlas::io::load_atlas;
use trigger_atlas::model::MuscleId;
use trigger_atlas::model::SideChoice;

/// Ten muscles whose patterns spread over the front, back and side views.
const MUSCLES: [&str; 10] = [
    "upper_trapezius",
    "levator_scapulae",
    "infraspinatus",
    "scalenes",
    "pectoralis_major",
    "quadratus_lumborum",
    "gluteus_medius",
    "gluteus_minimus",
    "piriformis",
    "vastus_lateralis",
];

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let mut app = AtlasApp::from_parts(load_atlas(None).atlas, Vec::new());
    app.apply(Command::Select(MuscleId(MUSCLES[0].into())));
    for id in &MUSCLES[1..] {
        app.apply(Command::ToggleCompare(MuscleId((*id).into())));
    }
    app.apply(Command::SetSide(SideChoice::Both));
    assert_eq!(app.overlay().len(), 10, "ten muscles overlaid");

    let ctx = egui::Context::default();
    let mut time = 0.0;
    // `width` 3840 is the steady case (nothing changed since the last frame: the
    // panel meshes are reused); a width that differs every frame changes every panel's
    // transform, so each frame draws and tessellates the whole body again.
    let mut frame = |app: &mut AtlasApp, width: f32| {
        time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(width, 2160.0))),
            time: Some(time),
            ..RawInput::default()
        };
        let start = Instant::now();
        let output = ctx.run_ui(input, |ui| app.ui_root(ui));
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = start.elapsed().as_secs_f64() * 1e3;
        let vertices: usize = primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        black_box(primitives);
        (elapsed, vertices)
    };
    // Warm up: the first frames lay out fonts and fill caches.
    for i in 0..30 {
        frame(&mut app, 3840.0 - (i % 2) as f32);
    }
    let mut steady = Vec::new();
    let mut vertices = 0;
    for _ in 0..300 {
        let (ms, v) = frame(&mut app, 3840.0);
        steady.push(ms);
        vertices = v;
    }
    let mut changing: Vec<f64> = (0..100)
        .map(|i| frame(&mut app, 3840.0 - (i % 50) as f32).0)
        .collect();
    println!(
        "frame at 3840x2160, 10 muscles overlaid, both sides ({} panels, {vertices} vertices): median {:.2} ms, p95 {:.2} ms (target <= 2 ms)",
        app.panels().len(),
        percentile(&mut steady, 0.5),
        percentile(&mut steady, 0.95),
    );
    println!(
        "  when the drawing changes every frame (zoom, new selection): median {:.2} ms, p95 {:.2} ms",
        percentile(&mut changing, 0.5),
        percentile(&mut changing, 0.95),
    );
}
