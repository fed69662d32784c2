//! `cargo bench --bench render`: a 3840x2160 PNG-ready render of a pattern, warm
//! (target: at most 400 ms), measuring the offscreen render (layout, tessellation,
//! GPU, read-back) and, separately, PNG encoding; then, in the same run, the vector
//! pages: an A4 handout and a pain-drawing report as PDF (target: at most 300 ms
//! warm) and the 4K figure as SVG.

use std::hint::black_box;
use std::time::Instant;

use trigger_atlas::export::{
    Export, FigureSpec, HandoutSpec, OffscreenRenderer, Paper, ReportSpec, figure_ui, render_pdf,
    render_svg,
};
use trigger_atlas::io::load_atlas;
use trigger_atlas::model::{ClinicianNote, MuscleId, Side, SideChoice};
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
    vector_pages(&atlas, &spec);
}

/// Milliseconds of each of `runs` calls of `f` after two warm-up calls, median.
fn time_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    for _ in 0..2 {
        black_box(f());
    }
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                black_box(f());
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    )
}

fn vector_pages(atlas: &trigger_atlas::model::Atlas, figure: &FigureSpec) {
    let note = ClinicianNote {
        initials: "AB".into(),
        date: "2026-12-02".into(),
        note: "Heat twice a day; see you in two weeks.".into(),
    };
    // Marks on the right temple, the back of the neck and the shoulder, as a patient
    // would point them out.
    let places = trigger_atlas::finder::places(atlas);
    let marks: Vec<_> = ["temple", "back of the neck", "top of the shoulder"]
        .iter()
        .filter_map(|area| places.iter().find(|p| p.area == *area))
        .filter_map(|p| p.mark(atlas, Side::Right, 7.0))
        .collect();
    let handout = Export::Handout {
        spec: HandoutSpec {
            muscle: MuscleId("upper_trapezius".into()),
            side: SideChoice::Right,
            date: "2026-12-02".into(),
            trigger_point: None,
            marks: marks.clone(),
            note: note.clone(),
        },
        paper: Paper::A4,
    };
    let report = Export::Report {
        spec: ReportSpec {
            marks,
            drawing_date: "2026-12-02".into(),
            label: Some("Visit 2".into()),
            chosen: None,
            note,
            printed: "2026-12-02".into(),
        },
        paper: Paper::A4,
    };
    let pdf = |export: &Export| render_pdf(atlas, export).expect("pdf");
    let handout_ms = time_ms(8, || pdf(&handout));
    let report_ms = time_ms(8, || pdf(&report));
    let figure_4k = Export::Figure {
        spec: figure.clone(),
        size_px: [3840, 2160],
        dark: false,
    };
    let svg_ms = time_ms(8, || render_svg(atlas, &figure_4k));
    println!(
        "A4 handout as PDF (upper trapezius, 3 marks): median {handout_ms:.0} ms, {} KB; pain-drawing report as PDF: median {report_ms:.0} ms, {} KB (target: <= 300 ms); 4K figure as SVG: median {svg_ms:.0} ms",
        pdf(&handout).len() / 1024,
        pdf(&report).len() / 1024,
    );
}
