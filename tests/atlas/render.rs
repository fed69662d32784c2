//! Offscreen renders: the picture has the asked size and the pattern's pixels sit
//! where the data says, on the correct side.

use egui::{Pos2, Rect, pos2, vec2};
use trigger_atlas::draw::paint::panel_transform;
use trigger_atlas::export::{FigureSpec, OffscreenRenderer, figure_panels, figure_ui};
use trigger_atlas::geometry::polygon_area;
use trigger_atlas::model::{MuscleId, Side, ViewId, ZoneKind};
use trigger_atlas::theme::Theme;

use crate::{embedded, temp_dir};

/// The centroid of the largest triangle of a zone: safely inside it.
fn inside_point(outline: &[Pos2], triangles: &[u32]) -> Pos2 {
    triangles
        .chunks_exact(3)
        .map(|t| [t[0], t[1], t[2]].map(|i| outline[i as usize]))
        .max_by(|a, b| polygon_area(a).abs().total_cmp(&polygon_area(b).abs()))
        .map(|[a, b, c]| pos2((a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0))
        .expect("zone has triangles")
}

#[test]
fn render_has_the_asked_size_and_zone_pixels_where_the_data_says() {
    let atlas = embedded().atlas;
    let spec = FigureSpec {
        muscle: Some(MuscleId("upper_trapezius".into())),
        sides: vec![Side::Right],
        views: vec![ViewId("back".into())],
        trigger_point: None,
        ..FigureSpec::default()
    };
    let theme = Theme::light();
    let mut renderer = OffscreenRenderer::new().expect("offscreen renderer");
    let image = renderer
        .render([800, 600], 1.0, false, theme.canvas, |ui| {
            figure_ui(ui, &atlas, &theme, &spec);
        })
        .expect("render");
    assert_eq!(image.dimensions(), (800, 600));

    let muscle = atlas
        .muscle(&MuscleId("upper_trapezius".into()))
        .expect("muscle");
    let zone = muscle
        .zones
        .iter()
        .find(|z| z.view.0 == "back" && z.kind == ZoneKind::Essential)
        .expect("back essential zone");
    let placed = figure_panels(
        &atlas,
        &spec,
        Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
    );
    let (panel, rect) = &placed[0];
    let view = atlas.view(&panel.view).expect("view");
    let t = panel_transform(view, panel, *rect);
    let right = t.apply(inside_point(
        &zone.fill.right.outline,
        zone.fill.right.triangles(),
    ));
    let left = t.apply(inside_point(
        &zone.fill.left.outline,
        zone.fill.left.triangles(),
    ));
    let pixel = |p: Pos2| *image.get_pixel(p.x.round() as u32, p.y.round() as u32);
    let red = theme.essential;
    let is_red = |c: image::Rgba<u8>| {
        c[0].abs_diff(red.r()) <= 12 && c[1].abs_diff(red.g()) <= 12 && c[2].abs_diff(red.b()) <= 12
    };
    assert!(
        is_red(pixel(right)),
        "essential colour at {right:?}: {:?}",
        pixel(right)
    );
    assert!(
        !is_red(pixel(left)),
        "nothing on the other side at {left:?}"
    );
    // The back view puts the patient's right on the viewer's right.
    assert!(right.x > rect.center().x);
}

#[test]
fn render_command_writes_a_png_of_the_asked_size() {
    let dir = temp_dir("render-cli");
    let out = dir.join("masseter.png");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_trigger-atlas"))
        .args([
            "render", "--muscle", "masseter", "--side", "left", "--size", "640x400", "--out",
        ])
        .arg(&out)
        .status()
        .expect("run the binary");
    assert!(status.success());
    let image = image::open(&out).expect("a PNG");
    assert_eq!((image.width(), image.height()), (640, 400));
    assert!(
        !dir.join("masseter.png.part").exists(),
        "no temporary file left behind"
    );

    for bad in [
        &[
            "render", "--muscle", "masseter", "--size", "5000x10", "--out", "x.png",
        ][..],
        &["render", "--muscle", "nope", "--out", "x.png"],
        &["render", "--out", "x.png"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_trigger-atlas"))
            .args(bad)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn render_all_writes_one_picture_per_muscle_with_progress() {
    let dir = temp_dir("render-all");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_trigger-atlas"))
        .args(["render", "--all", "--size", "160x120", "--out-dir"])
        .arg(&dir)
        .output()
        .expect("run the binary");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let count = embedded().atlas.muscles.len();
    let pngs = std::fs::read_dir(&dir)
        .expect("folder")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "png"))
        .count();
    assert_eq!(pngs, count);
    let progress = String::from_utf8_lossy(&out.stderr);
    assert!(
        progress.contains(&format!("{count}/{count}")),
        "progress shown: {progress}"
    );
    assert!(progress.contains(&format!("wrote {count} pictures")));
}

/// Whether every tag of `svg` is closed in order (enough of XML for our output).
fn well_formed(svg: &str) -> Result<(), String> {
    let mut open: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').ok_or("a tag is not closed")? + start;
        let tag = &rest[start + 1..end];
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(o) if o == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap_or("").to_owned();
            open.push(name);
        }
        rest = &rest[end + 1..];
    }
    if open.is_empty() {
        Ok(())
    } else {
        Err(format!("never closed: {open:?}"))
    }
}

/// The bounding box of the SVG paths filled with `hex` ("#c41e24").
fn svg_bounds(svg: &str, hex: &str, within: Rect) -> Option<Rect> {
    let mut bounds: Option<Rect> = None;
    for line in svg
        .lines()
        .filter(|l| l.starts_with("<path") && l.contains(&format!("fill=\"{hex}\"")))
    {
        let d = line.split("d=\"").nth(1)?.split('"').next()?;
        let nums: Vec<f32> = d
            .split(['M', 'L', 'Z', ' '])
            .filter_map(|n| n.parse().ok())
            .collect();
        for p in nums
            .chunks_exact(2)
            .filter(|p| within.contains(pos2(p[0], p[1])))
        {
            let r = Rect::from_min_max(pos2(p[0], p[1]), pos2(p[0], p[1]));
            bounds = Some(bounds.map_or(r, |b| b.union(r)));
        }
    }
    bounds
}

#[test]
fn the_svg_figure_is_well_formed_and_its_zones_lie_where_the_png_draws_them() {
    use trigger_atlas::export::{Export, render, render_svg};
    let atlas = embedded().atlas;
    let export = Export::Figure {
        spec: FigureSpec {
            muscle: Some(MuscleId("masseter".into())),
            sides: vec![Side::Right],
            views: Vec::new(),
            trigger_point: None,
            ..FigureSpec::default()
        },
        size_px: [1000, 700],
        dark: false,
    };
    let svg = render_svg(&atlas, &export);
    well_formed(&svg).expect("well-formed SVG");
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"700\"")
    );
    assert!(svg.contains(">Masseter"), "the title is text, not pixels");
    assert!(
        !svg.contains("<image"),
        "no raster image in the vector figure"
    );
    let essential = Theme::light().essential;
    let hex = format!(
        "#{:02x}{:02x}{:02x}",
        essential.r(),
        essential.g(),
        essential.b()
    );
    // The same figure as pixels.
    let mut renderer = OffscreenRenderer::new().expect("offscreen renderer");
    let image = render(&mut renderer, &atlas, &export).expect("render");
    let Export::Figure { spec, .. } = &export else {
        unreachable!()
    };
    let panels = figure_panels(
        &atlas,
        spec,
        Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 700.0)),
    )
    .into_iter()
    .map(|(_, r)| r)
    .reduce(Rect::union)
    .expect("panels");
    let vector = svg_bounds(&svg, &hex, panels).expect("essential zones as filled paths");
    let mut pixels: Option<Rect> = None;
    for (x, y, p) in image.enumerate_pixels() {
        if !panels.contains(pos2(x as f32, y as f32)) {
            continue;
        }
        let [r, g, b, _] = p.0;
        if r.abs_diff(essential.r()) < 8
            && g.abs_diff(essential.g()) < 8
            && b.abs_diff(essential.b()) < 8
        {
            let q = Rect::from_min_max(
                pos2(x as f32, y as f32),
                pos2(x as f32 + 1.0, y as f32 + 1.0),
            );
            pixels = Some(pixels.map_or(q, |b| b.union(q)));
        }
    }
    let pixels = pixels.expect("essential pixels in the PNG");
    for (a, b) in [
        (vector.min.x, pixels.min.x),
        (vector.min.y, pixels.min.y),
        (vector.max.x, pixels.max.x),
        (vector.max.y, pixels.max.y),
    ] {
        assert!(
            (a - b).abs() < 4.0,
            "SVG zones {vector:?} vs PNG zone pixels {pixels:?}"
        );
    }
}

#[test]
fn render_writes_svg_when_the_name_says_so_and_refuses_a_mismatch() {
    let dir = temp_dir("render-svg");
    let svg = dir.join("m.svg");
    let out = crate::cli::run(&[
        "render",
        "--muscle",
        "masseter",
        "--out",
        svg.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&svg).expect("svg written");
    well_formed(&text).expect("well-formed");
    let png = dir.join("m.png");
    let out = crate::cli::run(&[
        "render",
        "--muscle",
        "masseter",
        "--format",
        "svg",
        "--out",
        png.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!png.exists(), "no SVG under a .png name");
}

#[test]
fn a_pdf_handout_has_the_true_page_size_embedded_text_and_no_pixels() {
    let dir = temp_dir("handout-pdf");
    for (paper, media) in [
        ("a4", "MediaBox[0 0 595.28 841.89]"),
        ("letter", "MediaBox[0 0 612 792]"),
    ] {
        let pdf = dir.join(format!("h-{paper}.pdf"));
        let out = crate::cli::run(&[
            "handout",
            "--muscle",
            "pectoralis_major",
            "--paper",
            paper,
            "--out",
            pdf.to_str().expect("path"),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&pdf).expect("pdf written");
        assert!(bytes.starts_with(b"%PDF-"));
        let has = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
        assert!(has(media), "{paper}: page size {media}");
        assert!(has("/FontFile2"), "the font is embedded");
        assert!(has("/ToUnicode"), "the text can be copied");
        assert!(
            !has("/Subtype/Image") && !has("/Subtype /Image"),
            "the body is vector paths, not a picture"
        );
        // Read back with poppler (installed by scripts/test.sh).
        let text = std::process::Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils) runs");
        let text = String::from_utf8_lossy(&text.stdout);
        for words in [
            "Pectoralis major (right side)",
            "Get medical help right away if",
            "not a diagnosis",
        ] {
            assert!(
                text.contains(words),
                "{paper}: the PDF's text lacks {words:?}"
            );
        }
    }
}
