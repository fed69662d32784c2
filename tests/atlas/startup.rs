//! Start-up: the pass run before the window exists, and the simplified outlines that
//! keep a small figure cheap to draw.

use egui::{Pos2, RawInput, Rect, TextureId, vec2};
use trigger_atlas::AtlasApp;
use trigger_atlas::geometry::{LEVEL_TOLERANCES, Tessellation, polygon_area, triangles_area};
use trigger_atlas::model::Side;
use trigger_atlas::ui::mesh_cache::meshes_made;

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
    output.textures_delta.clear();
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
