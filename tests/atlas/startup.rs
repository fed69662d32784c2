//! Start-up: the pass run before the window exists, and the simplified outlines that
//! keep a small figure cheap to draw.

use egui::{Pos2, RawInput, Rect, TextureId, vec2};
use trigger_atlas::AtlasApp;
use trigger_atlas::draw::mesh_cache::meshes_made;
use trigger_atlas::draw::picture::{making_pictures, pictures_made};
use trigger_atlas::export::OffscreenRenderer;
use trigger_atlas::geometry::{LEVEL_TOLERANCES, Tessellation, polygon_area, triangles_area};
use trigger_atlas::model::Side;

use crate::embedded;

const WINDOW: [f32; 2] = [1280.0, 860.0];
const MAX_TEXTURE_SIDE: usize = 16384;

fn window_input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(WINDOW[0], WINDOW[1]))),
        max_texture_side: Some(MAX_TEXTURE_SIDE),
        ..RawInput::default()
    }
}

#[test]
fn after_the_warm_up_the_first_frame_has_nothing_left_to_draw_from_scratch() {
    let ctx = egui::Context::default();
    let mut app = AtlasApp::from_parts(embedded().atlas, Vec::new());
    app.warm_up(&ctx, WINDOW);
    let made = meshes_made(&ctx);
    assert!(
        made >= 3,
        "front, back and head panels were tessellated ({made})"
    );

    // As eframe does: the app's input hook runs first.
    let mut input = window_input();
    eframe::App::raw_input_hook(&mut app, &ctx, &mut input);
    let mut output = ctx.run_ui(input, |ui| app.ui_root(ui));
    assert_eq!(
        meshes_made(&ctx),
        made,
        "no body drawing was tessellated again"
    );
    // The warm-up's own uploads went nowhere, so the renderer must get the whole
    // font atlas with the first frame, and nothing more: no glyph was missing.
    let font: Vec<_> = output
        .textures_delta
        .set
        .iter()
        .filter(|(id, _)| **id == TextureId::default())
        .flat_map(|(_, deltas)| deltas.iter())
        .collect();
    assert_eq!(font.len(), 1, "one upload of the font atlas");
    assert!(font[0].pos.is_none(), "the whole atlas, not a patch");
    #[expect(
        clippy::redundant_closure_for_method_calls,
        reason = "the method path does not satisfy the higher-ranked lifetime"
    )]
    let atlas_size = ctx.fonts(|f| f.font_image_size());
    assert_eq!(font[0].image.size(), atlas_size, "at its current size");
    let labels = output
        .shapes
        .iter()
        .filter(|s| matches!(s.shape, egui::Shape::Text(_)))
        .count();
    assert!(
        labels > 50,
        "the first frame shows the start screen's text ({labels})"
    );
    // The body drawings come as the warm-up's pictures, uploaded whole with this
    // frame: one textured rectangle per panel.
    assert_eq!(pictures_made(&ctx), 3, "front, back and head pictures");
    let pictures: Vec<TextureId> = output
        .textures_delta
        .set
        .iter()
        .filter(|(id, deltas)| {
            **id != TextureId::default() && deltas.iter().all(|d| d.pos.is_none())
        })
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(pictures.len(), 3, "each picture uploaded whole");
    let shown = output
        .shapes
        .iter()
        .filter(|s| matches!(&s.shape, egui::Shape::Mesh(m) if pictures.contains(&m.texture_id)))
        .count();
    assert_eq!(shown, 3, "each panel shows its picture");
    output.textures_delta.clear();
}

/// The start screen after a warm-up.
fn warmed_up() -> (egui::Context, AtlasApp) {
    let ctx = egui::Context::default();
    let mut app = AtlasApp::from_parts(embedded().atlas, Vec::new());
    app.warm_up(&ctx, WINDOW);
    (ctx, app)
}

/// One frame as eframe runs it: how many panels show a picture, and the textures
/// the frame freed.
fn frame(ctx: &egui::Context, app: &mut AtlasApp, mut input: RawInput) -> (usize, Vec<TextureId>) {
    eframe::App::raw_input_hook(app, ctx, &mut input);
    let mut output = ctx.run_ui(input, |ui| app.ui_root(ui));
    let pictures = output
        .shapes
        .iter()
        .filter(
            |s| matches!(&s.shape, egui::Shape::Mesh(m) if m.texture_id != TextureId::default()),
        )
        .count();
    let freed = std::mem::take(&mut output.textures_delta.free)
        .into_iter()
        .collect();
    output.textures_delta.clear();
    (pictures, freed)
}

fn pointer_at(at: Pos2) -> RawInput {
    let mut input = window_input();
    input.events.push(egui::Event::PointerMoved(at));
    input
}

#[test]
fn a_hovered_muscle_is_drawn_from_triangles_and_unused_pictures_are_freed() {
    let (ctx, mut app) = warmed_up();
    let freed = std::cell::RefCell::new(Vec::new());
    let run = |app: &mut AtlasApp, input| {
        let (pictures, f) = frame(&ctx, app, input);
        freed.borrow_mut().extend(f);
        pictures
    };
    assert_eq!(run(&mut app, window_input()), 3);
    let made = meshes_made(&ctx);

    // The pointer over a muscle of the front figure only (not on the back or the
    // head) highlights it: that panel's drawing changed, so it is tessellated and
    // drawn as triangles, while the other two keep their pictures.
    let on_muscle = (0..20u8)
        .flat_map(|i| {
            (0..12u8)
                .map(move |j| Pos2::new(300.0 + 15.0 * f32::from(i), 250.0 + 25.0 * f32::from(j)))
        })
        .find(|&at| {
            run(&mut app, pointer_at(at));
            run(&mut app, pointer_at(at)) == 2
        })
        .expect("a front-only muscle under the pointer somewhere on the front figure");
    assert!(
        meshes_made(&ctx) > made,
        "the hovered panel was tessellated"
    );
    for _ in 0..8 {
        assert_eq!(
            run(&mut app, pointer_at(on_muscle)),
            2,
            "two panels keep their pictures"
        );
    }
    assert_eq!(
        freed.borrow().len(),
        1,
        "only the unused front picture was freed: {freed:?}"
    );

    // A resize changes every panel: no picture fits any more, and a few passes
    // later the other two textures are freed as well.
    for _ in 0..8 {
        let mut input = window_input();
        input.screen_rect = Some(Rect::from_min_size(Pos2::ZERO, vec2(1200.0, 800.0)));
        assert_eq!(run(&mut app, input), 0);
    }
    let mut freed = freed.into_inner();
    freed.sort_by_key(|id| format!("{id:?}"));
    freed.dedup();
    assert_eq!(freed.len(), 3, "the three pictures were freed: {freed:?}");
}

#[test]
fn the_pictures_give_the_same_pixels_as_the_triangles() {
    let mut renderer = OffscreenRenderer::new().expect("offscreen renderer");
    let size = [1280, 860];
    for dark in [false, true] {
        let theme = trigger_atlas::theme::Theme::for_dark_mode(dark);
        let mut render = |prepare: bool| {
            let mut app = AtlasApp::from_parts(embedded().atlas, Vec::new());
            app.prefs.dark_mode = dark;
            let mut made = 0;
            let image = renderer
                .render(size, 1.0, dark, theme.canvas, |ui| {
                    let ctx = ui.ctx().clone();
                    let before = pictures_made(&ctx);
                    making_pictures(&ctx, prepare, || app.ui_root(ui));
                    made += pictures_made(&ctx) - before;
                })
                .expect("render");
            (image, made)
        };
        let (triangles, none) = render(false);
        let (pictures, made) = render(true);
        assert_eq!(none, 0);
        assert!(
            made >= 3,
            "the panels were drawn from pictures ({made} made)"
        );
        let mut worst = 0;
        let mut off = 0;
        let mut body = 0;
        let canvas = theme.canvas.to_array();
        for (a, b) in triangles.pixels().zip(pictures.pixels()) {
            let diff = (0..3).map(|i| a[i].abs_diff(b[i])).max().unwrap_or(0);
            worst = worst.max(diff);
            off += usize::from(diff > 3);
            body += usize::from((0..3).any(|i| a[i].abs_diff(canvas[i]) > 20));
        }
        // The bodies are drawn (most of the window is the plain canvas)...
        assert!(body > 100_000, "{body} body pixels");
        // ...and both ways give the same pixels, but for rounding and the few pixel
        // centres that lie exactly on a triangle's edge, where GPUs may differ.
        eprintln!(
            "dark {dark}: {off} of {body} pixels differ by more than 3 levels; the worst by {worst}"
        );
        assert!(
            off * 20_000 < body,
            "{off} of {body} pixels differ by more than 3 levels"
        );
    }
}

/// Every filled shape of the atlas on both sides.
fn every_fill(atlas: &trigger_atlas::model::Atlas) -> Vec<&Tessellation> {
    let mut fills: Vec<&Tessellation> = atlas.views.iter().flat_map(|v| &v.silhouette).collect();
    for muscle in &atlas.muscles {
        for side in Side::BOTH {
            fills.extend(muscle.shapes.iter().map(|s| s.fill.get(side)));
            fills.extend(muscle.zones.iter().map(|z| z.fill.get(side)));
        }
    }
    fills
}

fn distance_to_polygon(p: Pos2, polygon: &[Pos2]) -> f32 {
    (0..polygon.len())
        .map(|i| {
            let (a, b) = (polygon[i], polygon[(i + 1) % polygon.len()]);
            let ab = b - a;
            let t = ((p - a).dot(ab) / ab.length_sq().max(f32::EPSILON)).clamp(0.0, 1.0);
            p.distance(a + ab * t)
        })
        .fold(f32::INFINITY, f32::min)
}

#[test]
fn a_small_figure_draws_simplified_outlines_that_still_cover_every_shape() {
    let atlas = embedded().atlas;
    let fills = every_fill(&atlas);
    // The start screen's scale: about three quarters of a pixel per body unit.
    let small = 0.75;
    let (mut full_points, mut drawn_points) = (0, 0);
    for tess in &fills {
        let (outline, triangles) = tess.for_scale(small);
        full_points += tess.outline.len();
        drawn_points += outline.len();
        // The triangles cover what is drawn, once...
        let area = polygon_area(outline).abs();
        let covered = triangles_area(outline, triangles);
        assert!(
            (covered - area).abs() <= area * 0.02 + 0.01,
            "a fill of {area} covers {covered}"
        );
        // ...and every point of the real curve is close to what is drawn.
        let worst = tess
            .outline
            .iter()
            .map(|p| distance_to_polygon(*p, outline))
            .fold(0.0, f32::max);
        let tolerance = LEVEL_TOLERANCES[LEVEL_TOLERANCES.len() - 1];
        assert!(worst <= tolerance + 1e-3, "strays {worst} body units");
    }
    assert!(
        drawn_points * 3 < full_points,
        "small figures draw {drawn_points} of {full_points} outline points"
    );
    // Drawn large (a zoomed 4K screen), the full curves come back.
    for tess in &fills {
        assert_eq!(tess.for_scale(20.0).0.len(), tess.outline.len());
    }
}
