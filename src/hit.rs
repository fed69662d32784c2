//! Which muscle is under a point: a pure function over the atlas, tested without UI.
//! Hit order is [`Atlas::draw_order`] reversed: what is painted last is hit first.

use emath::Pos2;

use crate::geometry::point_in_polygon;
use crate::model::{Atlas, MuscleId, Side, ViewId, ViewKind};

/// A muscle under the pointer, on one side of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub muscle: MuscleId,
    pub side: Side,
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
    for &i in atlas.draw_order(view_id).iter().rev() {
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
