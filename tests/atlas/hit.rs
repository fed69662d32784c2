//! Picking on the real atlas: sides, layers and mirroring.

use egui::pos2;
use trigger_atlas::hit::{Hit, hit_test};
use trigger_atlas::model::{MuscleId, Side, ViewId};

use crate::embedded;

fn id(s: &str) -> MuscleId {
    MuscleId(s.to_owned())
}

fn view(s: &str) -> ViewId {
    ViewId(s.to_owned())
}

#[test]
fn upper_trapezius_is_picked_on_the_correct_side_in_front_and_back() {
    let atlas = embedded().atlas;
    // Back view: the patient's right is on the viewer's right (x > 200).
    let hits = hit_test(&atlas, &view("back"), Side::Right, pos2(252.0, 168.0));
    assert_eq!(
        hits,
        vec![Hit {
            muscle: id("upper_trapezius"),
            side: Side::Right
        }]
    );
    let hits = hit_test(&atlas, &view("back"), Side::Right, pos2(148.0, 168.0));
    assert_eq!(
        hits,
        vec![Hit {
            muscle: id("upper_trapezius"),
            side: Side::Left
        }]
    );
    // Front view: the patient's right is on the viewer's left (x < 200).
    let hits = hit_test(&atlas, &view("front"), Side::Right, pos2(150.0, 164.0));
    assert_eq!(
        hits.first(),
        Some(&Hit {
            muscle: id("upper_trapezius"),
            side: Side::Right
        })
    );
    let hits = hit_test(&atlas, &view("front"), Side::Right, pos2(250.0, 164.0));
    assert_eq!(
        hits.first(),
        Some(&Hit {
            muscle: id("upper_trapezius"),
            side: Side::Left
        })
    );
}

#[test]
fn superficial_muscle_comes_before_the_deep_one_beneath_it() {
    let atlas = embedded().atlas;
    let hits = hit_test(&atlas, &view("back"), Side::Right, pos2(255.0, 400.0));
    let ids: Vec<&str> = hits.iter().map(|h| h.muscle.0.as_str()).collect();
    assert_eq!(ids, ["gluteus_medius", "gluteus_minimus"]);
    assert!(hits.iter().all(|h| h.side == Side::Right));
}

#[test]
fn draw_order_is_hit_order_reversed() {
    let atlas = embedded().atlas;
    let order = atlas.draw_order(&view("back"));
    let layers: Vec<_> = order.iter().map(|i| atlas.muscles[*i].layer).collect();
    let mut sorted = layers.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(
        layers, sorted,
        "deep muscles are painted first, superficial last"
    );
}

#[test]
fn side_view_reports_the_side_of_its_panel() {
    let atlas = embedded().atlas;
    let at = pos2(105.0, 220.0);
    let right = hit_test(&atlas, &view("head_side"), Side::Right, at);
    let left = hit_test(&atlas, &view("head_side"), Side::Left, at);
    // Levator scapulae on top (deeper muscles beneath it follow), each hit on the
    // side of the panel clicked.
    assert_eq!(right[0].muscle, id("levator_scapulae"));
    assert_eq!(left[0].muscle, id("levator_scapulae"));
    assert!(right.iter().all(|h| h.side == Side::Right), "{right:?}");
    assert!(left.iter().all(|h| h.side == Side::Left), "{left:?}");
    let muscles = |hits: &[Hit]| hits.iter().map(|h| h.muscle.clone()).collect::<Vec<_>>();
    assert_eq!(muscles(&right), muscles(&left));
}

#[test]
fn empty_skin_and_unknown_views_hit_nothing() {
    let atlas = embedded().atlas;
    assert!(hit_test(&atlas, &view("front"), Side::Right, pos2(200.0, 700.0)).is_empty());
    assert!(hit_test(&atlas, &view("nowhere"), Side::Right, pos2(200.0, 200.0)).is_empty());
}

#[test]
fn every_muscle_can_be_reached_by_clicking_its_shape() {
    // Somewhere inside one of its shapes, the muscle is among the hits (first, or
    // reached by clicking again on the same spot).
    let atlas = embedded().atlas;
    for m in &atlas.muscles {
        let reachable = m.shapes.iter().any(|shape| {
            let tess = &shape.fill.right;
            tess.triangles().chunks_exact(3).any(|t| {
                let [a, b, c] = [t[0], t[1], t[2]].map(|i| tess.outline[i as usize]);
                let centroid = pos2((a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0);
                hit_test(&atlas, &shape.view, Side::Right, centroid)
                    .iter()
                    .any(|h| h.muscle == m.id && h.side == Side::Right)
            })
        });
        assert!(reachable, "{} cannot be clicked anywhere", m.id);
    }
}
