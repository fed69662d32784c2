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
