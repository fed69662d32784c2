//! `cargo bench --bench render`: a 3840x2160 PNG-ready render of a pattern, warm.
//! Target (issue #6): at most 400 ms. Measures the offscreen render (layout,
//! tessellation, GPU, read-back) and, separately, PNG encoding.

use std::hint::black_box;
use std::time::Instant;

use trigger_atlas::export::{FigureSpec, OffscreenRenderer, figure_ui};
use trigger_atlas::io::load_atlas;
use trigger_atlas::model::{MuscleId, Side};
use trigger_atlas::theme::Theme;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let atlas = load_atlas(None).atlas;
    let theme = Theme::light();
    let spec = FigureSpec {
        muscle: Some(MuscleId("gluteus_minimus".into())),
        sides: Side::BOTH.to_vec(),
        views: Vec::new(),
        trigger_point: None,
        ..FigureSpec::default()
    };
    let mut renderer = match OffscreenRenderer::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot render: {e}");
            return;
        }
    };
    let render = |renderer: &mut OffscreenRenderer| {
        renderer
            .render([3840, 2160], 1.0, false, theme.canvas, |ui| {
                figure_ui(ui, &atlas, &theme, &spec);
            })
            .expect("render")
    };
    // Warm up: the first frames build the font atlas and GPU pipelines.
    for _ in 0..2 {
        black_box(render(&mut renderer));
    }
    let mut render_ms = Vec::new();
    let mut encode_ms = Vec::new();
    for _ in 0..8 {
        let start = Instant::now();
        let image = render(&mut renderer);
        render_ms.push(start.elapsed().as_secs_f64() * 1e3);
        let start = Instant::now();
        let mut png = Vec::new();
        image
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .expect("encode");
        encode_ms.push(start.elapsed().as_secs_f64() * 1e3);
        black_box(png);
    }
    println!(
        "4K render (3840x2160, gluteus minimus, both sides): median {:.0} ms; PNG encoding median {:.0} ms (target: render <= 400 ms)",
        median(render_ms),
        median(encode_ms)
    );
}
