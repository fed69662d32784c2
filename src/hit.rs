//! Which muscle is under a point: a pure function over the atlas, tested without UI.
//! Draw order and hit order are the same list, reversed.

use emath::Pos2;

use crate::geometry::{point_in_polygon, polygon_area};
use crate::model::{Atlas, MuscleId, Side, ViewId, ViewKind};

/// A muscle under the pointer, on one side of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub muscle: MuscleId,
    pub side: Side,
}

/// Indices into `atlas.muscles` of the muscles that have a shape on `view`, in the
/// order they are painted: deep layers first, then larger shapes before smaller
/// ones, so that small superficial muscles stay on top and clickable. Uses the order
/// cached when the atlas was built, if there is one.
#[must_use]
pub fn draw_order<'a>(atlas: &'a Atlas, view: &ViewId) -> std::borrow::Cow<'a, [usize]> {
    match atlas.draw_orders.iter().find(|(v, _)| v == view) {
        Some((_, order)) => std::borrow::Cow::Borrowed(order),
        None => std::borrow::Cow::Owned(compute_draw_order(atlas, view)),
    }
}

/// Computes and stores the draw order of every view, and marks the atlas as changed
/// (call after the muscles change).
pub fn cache_draw_orders(atlas: &mut Atlas) {
    atlas.mark_changed();
    atlas.draw_orders = atlas
        .views
        .iter()
        .map(|v| (v.id.clone(), compute_draw_order(atlas, &v.id)))
        .collect();
}

fn compute_draw_order(atlas: &Atlas, view: &ViewId) -> Vec<usize> {
    let mut order: Vec<(usize, f32)> = atlas
        .muscles
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let area: f32 = m
                .shapes
                .iter()
                .filter(|s| &s.view == view)
                .map(|s| polygon_area(&s.fill.right.outline).abs())
                .sum();
            (area > 0.0).then_some((i, area))
        })
        .collect();
    order.sort_by(|(a, area_a), (b, area_b)| {
        let (la, lb) = (atlas.muscles[*a].layer, atlas.muscles[*b].layer);
        lb.cmp(&la).then(area_b.total_cmp(area_a)).then(a.cmp(b))
    });
    order.into_iter().map(|(i, _)| i).collect()
}

/// Every muscle whose shape contains `pos_in_body` on `view`, topmost first.
///
/// `panel_side` is the side a lateral view panel shows (its drawing is authored for
/// one side and flipped for the other, so the body position is already unflipped);
/// bilateral views test both the authored and the mirrored shape.
#[must_use]
pub fn hit_test(atlas: &Atlas, view_id: &ViewId, panel_side: Side, pos_in_body: Pos2) -> Vec<Hit> {
    let Some(view) = atlas.view(view_id) else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for &i in draw_order(atlas, view_id).iter().rev() {
        let muscle = &atlas.muscles[i];
        for shape in muscle.shapes.iter().filter(|s| &s.view == view_id) {
            match view.kind {
                ViewKind::Bilateral { .. } => {
                    for side in Side::BOTH {
                        let tess = shape.fill.get(side);
                        if tess.bounds.contains(pos_in_body)
                            && point_in_polygon(&tess.outline, pos_in_body)
                        {
                            hits.push(Hit {
                                muscle: muscle.id.clone(),
                                side,
                            });
                        }
                    }
                }
                ViewKind::Lateral { .. } => {
                    let tess = &shape.fill.right;
                    if tess.bounds.contains(pos_in_body)
                        && point_in_polygon(&tess.outline, pos_in_body)
                    {
                        hits.push(Hit {
                            muscle: muscle.id.clone(),
                            side: panel_side,
                        });
                    }
                }
            }
        }
    }
    hits.dedup();
    hits
}
