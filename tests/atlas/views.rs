//! The close-up views (face, hand, foot, pelvic floor): a click picks the muscle under
//! the pointer, the pattern is drawn on the correct side, and each view looks as
//! drawn (small snapshots).

use egui::{Pos2, Rect, pos2};
use egui_kittest::Harness;
use trigger_atlas::AtlasApp;
use trigger_atlas::hit::hit_test;
use trigger_atlas::model::{Atlas, Muscle, Side, ViewId, ViewKind, ZoneKind};
use trigger_atlas::theme::Theme;

use crate::embedded;
use crate::ui::{click_at, click_label, harness_sized, near, on_screen, panel_rect, type_key};

const NEW_VIEWS: [&str; 5] = ["face", "hand_palm", "hand_back", "foot_top", "pelvic_floor"];

/// A muscle's entry in the list ("Piriformis (deep)" for deep muscles).
fn list_label(m: &Muscle) -> String {
    if m.layer == trigger_atlas::model::Layer::Deep {
        format!("{} (deep)", m.name)
    } else {
        m.name.clone()
    }
}

fn view_id(id: &str) -> ViewId {
    ViewId(id.to_owned())
}

/// Centroids of the triangles of `muscle`'s shapes on `view` (authored, right side).
fn inside_points(muscle: &Muscle, view: &ViewId) -> Vec<Pos2> {
    muscle
        .shapes
        .iter()
        .filter(|s| &s.view == view)
        .flat_map(|shape| {
            let tess = &shape.fill.right;
            tess.triangles()
                .chunks_exact(3)
                .map(|t| {
                    let [a, b, c] = [t[0], t[1], t[2]].map(|i| tess.outline[i as usize]);
                    pos2((a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0)
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A muscle to open the view with, and a spot on the view where a click picks a
/// muscle first, preferring another muscle than the one opened.
fn opener_and_target<'a>(atlas: &'a Atlas, view: &ViewId) -> (&'a Muscle, Pos2, &'a Muscle) {
    let on_view: Vec<&Muscle> = atlas
        .muscles
        .iter()
        .filter(|m| m.shapes.iter().any(|s| &s.view == view))
        .collect();
    assert!(!on_view.is_empty(), "no muscle is drawn on {}", view.0);
    let opener = on_view[0];
    let mut fallback = None;
    for target in on_view.iter().rev() {
        for p in inside_points(target, view) {
            let hits = hit_test(atlas, view, Side::Right, p);
            if hits.first().is_some_and(|h| h.muscle == target.id) {
                if target.id != opener.id {
                    return (opener, p, target);
                }
                fallback.get_or_insert((opener, p, *target));
            }
        }
    }
    fallback.unwrap_or_else(|| panic!("no muscle on {} can be clicked", view.0))
}

#[test]
fn a_click_on_each_close_up_selects_the_muscle_under_the_pointer_and_its_side() {
    let atlas = embedded().atlas;
    for id in NEW_VIEWS {
        let view = view_id(id);
        let (opener, spot, target) = opener_and_target(&atlas, &view);
        let mut h = harness_sized(1400.0, 900.0);
        click_label(&mut h, &list_label(opener));
        let pos = on_screen(&h, id, spot);
        click_at(&mut h, pos);
        assert_eq!(
            h.state().work.selected.as_ref(),
            Some(&target.id),
            "a click on {} in the {id} view",
            target.id
        );
        assert_eq!(h.state().prefs.side.sides(), &[Side::Right], "{id}");
        // In a view of both sides, the same muscle on the other half is the left one.
        let shown = atlas.view(&view).expect("the view exists");
        if let ViewKind::Bilateral { .. } = shown.kind {
            let mirrored = pos2(shown.midline_x() * 2.0 - spot.x, spot.y);
            let pos = on_screen(&h, id, mirrored);
            click_at(&mut h, pos);
            assert_eq!(h.state().work.selected.as_ref(), Some(&target.id), "{id}");
            assert_eq!(
                h.state().prefs.side.sides(),
                &[Side::Left],
                "{id}, mirrored"
            );
        }
    }
}

/// The essential-zone pixels of the panel of `view` showing `side`, as the share of
/// the panel's width at which their centre lies, and their count.
fn essential_centre(h: &mut Harness<'_, AtlasApp>, view: &str, side: Side) -> (f32, usize) {
    let rect: Rect = h
        .state()
        .canvas
        .placed
        .iter()
        .find(|(p, _)| p.view.0 == view && p.side == side)
        .map_or_else(|| panic!("no {view} panel for {side:?}"), |(_, r)| *r);
    let image = h.render().expect("render");
    let target = Theme::light().essential;
    let (mut sum, mut n) = (0.0_f32, 0_usize);
    for y in rect.top() as u32..rect.bottom() as u32 {
        for x in rect.left() as u32..rect.right() as u32 {
            if image
                .get_pixel_checked(x, y)
                .is_some_and(|p| near(*p, target, 10))
            {
                sum += x as f32;
                n += 1;
            }
        }
    }
    (((sum / n.max(1) as f32) - rect.left()) / rect.width(), n)
}

/// A muscle whose essential zones on `view` lie mostly to one side of what the panel
/// shows (so that the side they are drawn on says something), with the side: -1
/// viewer's left, +1 viewer's right.
fn one_sided_pattern<'a>(atlas: &'a Atlas, view: &ViewId) -> (&'a Muscle, f32) {
    let content = atlas.view(view).map_or(Rect::NOTHING, |v| v.content);
    atlas
        .muscles
        .iter()
        .filter(|m| !m.bilateral_referral)
        .find_map(|m| {
            let xs: Vec<f32> = m
                .zones
                .iter()
                .filter(|z| &z.view == view && z.kind == ZoneKind::Essential && !z.bilateral)
                .flat_map(|z| z.authored.iter().map(|p| p.x))
                .collect();
            if xs.is_empty() {
                return None;
            }
            let mid = content.center().x;
            if let Some(ViewKind::Bilateral { .. }) = atlas.view(view).map(|v| v.kind) {
                // Authored on one half, mirrored for the other.
                if xs.iter().all(|x| *x < mid - 0.25) {
                    return Some((m, -1.0));
                }
                if xs.iter().all(|x| *x > mid + 0.25) {
                    return Some((m, 1.0));
                }
                return None;
            }
            let off = xs.iter().sum::<f32>() / xs.len() as f32 - mid;
            (off.abs() > content.width() * 0.12).then(|| (m, off.signum()))
        })
        .unwrap_or_else(|| panic!("no one-sided essential pattern on {}", view.0))
}

#[test]
fn each_close_up_draws_the_pattern_on_the_patients_correct_side() {
    let atlas = embedded().atlas;
    for id in NEW_VIEWS {
        let view = view_id(id);
        let (muscle, authored) = one_sided_pattern(&atlas, &view);
        let mut h = harness_sized(1400.0, 900.0);
        click_label(&mut h, &list_label(muscle));
        type_key(&mut h, "b");
        if let Some(ViewKind::Bilateral { .. }) = atlas.view(&view).map(|v| v.kind) {
            // One panel with both halves: the right side's pattern on the authored
            // half, the left side's on the other.
            type_key(&mut h, "r");
            let (right, n) = essential_centre(&mut h, id, Side::Right);
            assert!(n > 30, "{id}: {} draws {n} essential pixels", muscle.id);
            assert!((right - 0.5) * authored > 0.01, "{id} right: {right}");
            type_key(&mut h, "l");
            let (left, _) = essential_centre(&mut h, id, Side::Right);
            assert!((left - 0.5) * authored < -0.01, "{id} left: {left}");
            assert!(
                (left - (1.0 - right)).abs() < 0.02,
                "{id}: the left side mirrors the right ({left} vs {right})"
            );
        } else {
            // A panel per side: the left one is the right one flipped.
            let (right, n) = essential_centre(&mut h, id, Side::Right);
            let (left, m) = essential_centre(&mut h, id, Side::Left);
            assert!(n > 30 && m > 30, "{id}: {} draws {n} / {m}", muscle.id);
            assert!((right - 0.5) * authored > 0.05, "{id} right: {right}");
            assert!(
                (left - (1.0 - right)).abs() < 0.03,
                "{id}: {left} vs {right}"
            );
            let rect = panel_rect(&h, id);
            assert!(rect.width() > 50.0, "{id} panel {rect:?}");
        }
    }
}

#[test]
fn snapshots_of_the_close_up_views() {
    let atlas = embedded().atlas;
    // One set of results for all the harnesses, so every view is checked (and
    // updated) in one run.
    let mut results = egui_kittest::SnapshotResults::new();
    for id in NEW_VIEWS {
        let view = view_id(id);
        let (opener, _, _) = opener_and_target(&atlas, &view);
        let mut h = harness_sized(720.0, 520.0);
        click_label(&mut h, &list_label(opener));
        // Keys 6 to 9 show one close-up alone; the pelvic floor opens with its muscles.
        if let Some(key) = atlas
            .views
            .iter()
            .position(|v| v.id == view)
            .filter(|i| *i < 9)
        {
            type_key(&mut h, &(key + 1).to_string());
        }
        results.add(h.try_snapshot(format!("view_{id}")));
        results.extend_harness(&mut h);
    }
}
