//! One pattern per trigger point: a zone names the trigger points that refer to it,
//! and choosing one shows only its pattern, on screen, in pictures and on the
//! command line.

use egui::{Pos2, Rect, pos2, vec2};
use egui_kittest::kittest::Queryable as _;
use trigger_atlas::AtlasApp;
use trigger_atlas::draw::paint::panel_transform;
use trigger_atlas::export::{FigureSpec, OffscreenRenderer, figure_panels, figure_ui};
use trigger_atlas::finder::{PainMark, rank};
use trigger_atlas::geometry::polygon_area;
use trigger_atlas::model::{Atlas, MuscleId, Side, ViewId, Zone};
use trigger_atlas::theme::Theme;

use crate::embedded;

fn upper_trapezius(atlas: &Atlas) -> &trigger_atlas::model::Muscle {
    atlas
        .muscle(&MuscleId("upper_trapezius".into()))
        .expect("muscle")
}

/// The back-view zone of the upper trapezius whose areas include `area`.
fn back_zone<'a>(atlas: &'a Atlas, area: &str) -> &'a Zone {
    upper_trapezius(atlas)
        .zones
        .iter()
        .find(|z| z.view.0 == "back" && z.areas.iter().any(|a| a == area))
        .expect("zone")
}

/// A point well inside a zone (the centroid of its largest triangle), right side.
fn inside(zone: &Zone) -> Pos2 {
    let outline = &zone.fill.right.outline;
    zone.fill
        .right
        .triangles()
        .chunks_exact(3)
        .map(|t| [t[0], t[1], t[2]].map(|i| outline[i as usize]))
        .max_by(|a, b| polygon_area(a).abs().total_cmp(&polygon_area(b).abs()))
        .map(|[a, b, c]| pos2((a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0))
        .expect("triangles")
}

/// Whether the back-view picture of the upper trapezius, limited to `trigger_point`,
/// shows essential red at each of `points` (body coordinates).
fn red_at(trigger_point: Option<&str>, points: &[Pos2]) -> Vec<bool> {
    let atlas = embedded().atlas;
    let spec = FigureSpec {
        muscle: Some(MuscleId("upper_trapezius".into())),
        sides: vec![Side::Right],
        views: vec![ViewId("back".into())],
        trigger_point: trigger_point.map(str::to_owned),
        ..FigureSpec::default()
    };
    let theme = Theme::light();
    let mut renderer = OffscreenRenderer::new().expect("offscreen renderer");
    let image = renderer
        .render([900, 700], 1.0, false, theme.canvas, |ui| {
            figure_ui(ui, &atlas, &theme, &spec);
        })
        .expect("render");
    let placed = figure_panels(
        &atlas,
        &spec,
        Rect::from_min_size(Pos2::ZERO, vec2(900.0, 700.0)),
    );
    let (panel, rect) = &placed[0];
    let t = panel_transform(atlas.view(&panel.view).expect("view"), panel, *rect);
    let red = theme.essential;
    points
        .iter()
        .map(|p| {
            let s = t.apply(*p);
            let c = image.get_pixel(s.x.round() as u32, s.y.round() as u32);
            c[0].abs_diff(red.r()) <= 12
                && c[1].abs_diff(red.g()) <= 12
                && c[2].abs_diff(red.b()) <= 12
        })
        .collect()
}

#[test]
fn choosing_a_trigger_point_draws_only_the_zones_it_refers_to() {
    let atlas = embedded().atlas;
    let head = inside(back_zone(&atlas, "back of the head"));
    let neck = inside(back_zone(&atlas, "back of the neck"));
    assert_eq!(red_at(None, &[head, neck]), [true, true], "all: both zones");
    assert_eq!(
        red_at(Some("TrP2"), &[head, neck]),
        [true, true],
        "TrP2: both"
    );
    assert_eq!(
        red_at(Some("TrP1"), &[head, neck]),
        [false, true],
        "TrP1: no occiput"
    );
}

#[test]
fn a_user_picks_trigger_point_2_and_sees_only_its_views_until_another_muscle() {
    let report = embedded();
    let app = AtlasApp::from_parts(report.atlas, report.errors);
    let mut h = crate::harness_for(app, crate::WINDOW);
    h.get_by_label("Upper trapezius").click();
    h.run();
    let views = |h: &egui_kittest::Harness<'_, AtlasApp>| -> Vec<String> {
        h.state()
            .canvas
            .placed
            .iter()
            .map(|(p, _)| p.view.0.clone())
            .collect()
    };
    assert_eq!(views(&h), ["front", "back", "head_side", "face"]);
    h.get_by_label("TrP2").click();
    h.run();
    assert_eq!(h.state().work.trigger_point.as_deref(), Some("TrP2"));
    // TrP2 refers only to the back of the neck and head.
    assert_eq!(views(&h), ["back"]);
    assert!(
        h.query_all_by_label_contains("Essential zone: back of the head")
            .next()
            .is_some()
    );
    h.get_by_label("All trigger points").click();
    h.run();
    assert_eq!(h.state().work.trigger_point, None);
    h.get_by_label("TrP1").click();
    h.run();
    h.get_by_label("Masseter").click();
    h.run();
    assert_eq!(
        h.state().work.trigger_point,
        None,
        "a new muscle shows all its pattern"
    );
}

#[test]
fn the_finder_names_the_trigger_point_whose_zone_holds_the_mark() {
    let atlas = embedded().atlas;
    let mark = PainMark {
        view: ViewId("back".into()),
        panel_side: Side::Right,
        pos: inside(back_zone(&atlas, "back of the head")),
        radius: 0.0,
    };
    let ranked = rank(&atlas, std::slice::from_ref(&mark));
    let ut = ranked
        .iter()
        .find(|c| c.muscle.0 == "upper_trapezius" && c.side == Side::Right)
        .expect("upper trapezius ranks");
    assert_eq!(ut.trigger_points, ["TrP2"]);
    assert!(ut.reason().starts_with("TrP2: "), "{}", ut.reason());
}

#[test]
fn every_split_pattern_gives_each_trigger_point_a_zone() {
    let atlas = embedded().atlas;
    for id in [
        "upper_trapezius",
        "pectoralis_major",
        "triceps_brachii",
        "quadratus_lumborum",
        "gluteus_minimus",
    ] {
        let m = atlas.muscle(&MuscleId(id.into())).expect("muscle");
        let labels = m.trigger_point_labels();
        assert!(labels.len() >= 2, "{id}");
        for label in labels {
            assert!(
                m.zones.iter().any(|z| z.refers_from(Some(label))),
                "{id}: {label} refers nowhere"
            );
        }
        // The pattern is split: no zone belongs to every trigger point.
        assert!(
            m.zones
                .iter()
                .any(|z| z.trigger_points.len() < m.trigger_point_labels().len()),
            "{id} is not split"
        );
    }
}

/// The narrowest a zone may be drawn at the default window size, in pixels. The
/// drawings issue asks for about 6; five zones on the fingers and the jaw joint are
/// 5.2-5.9 px until the hand and face views arrive, so today's floor is held here.
const MIN_ZONE_PX: f32 = 6.0;

#[test]
fn every_zone_is_drawn_at_least_six_pixels_across_at_the_default_window_size() {
    use trigger_atlas::app::Command;
    let report = embedded();
    let ids: Vec<MuscleId> = report.atlas.muscles.iter().map(|m| m.id.clone()).collect();
    let mut app = AtlasApp::from_parts(report.atlas, Vec::new());
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 860.0))),
        ..Default::default()
    };
    let mut narrow = Vec::new();
    for id in ids {
        app.apply(Command::Select(id.clone()));
        for _ in 0..2 {
            ctx.run_ui(input(), |ui| app.ui_root(ui))
                .textures_delta
                .clear();
        }
        let m = app.content.atlas.muscle(&id).expect("muscle");
        for (panel, rect) in &app.canvas.placed {
            let view = app.content.atlas.view(&panel.view).expect("view");
            let scale = panel_transform(view, panel, *rect).pixels_per_unit();
            for z in m.zones.iter().filter(|z| z.view == panel.view) {
                let b = z.fill.right.bounds;
                let px = b.width().min(b.height()) * scale;
                if px < MIN_ZONE_PX {
                    narrow.push(format!("{id} {} {:?}: {px:.1} px", panel.view, z.areas));
                }
            }
        }
    }
    assert!(
        narrow.is_empty(),
        "zones too narrow:\n{}",
        narrow.join("\n")
    );
}
