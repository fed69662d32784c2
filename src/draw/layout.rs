//! Where each view panel goes on the canvas: pure geometry, tested without UI.

use egui::{Rect, Vec2, pos2, vec2};

use crate::model::{Atlas, Side, ViewId, ViewKind};

/// One drawing on the canvas: a view, and for side views the side it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panel {
    pub view: ViewId,
    /// The side a lateral view shows (flipped when it differs from the authored side).
    /// Bilateral views show both sides and carry `Side::Right` here.
    pub side: Side,
}

/// The panels for some views: a view showing both sides once, a one-sided view once
/// per side in `sides`.
#[must_use]
pub fn panels_for(atlas: &Atlas, views: &[&ViewId], sides: &[Side]) -> Vec<Panel> {
    let mut panels = Vec::new();
    for id in views {
        let Some(view) = atlas.view(id) else { continue };
        match view.kind {
            ViewKind::Bilateral { .. } => panels.push(Panel {
                view: view.id.clone(),
                side: Side::Right,
            }),
            ViewKind::Lateral { .. } => {
                for &side in sides {
                    panels.push(Panel {
                        view: view.id.clone(),
                        side,
                    });
                }
            }
        }
    }
    panels
}

/// Space reserved above a panel for its title: grows with the panel so that titles
/// stay readable on a projector and in large exports.
#[must_use]
pub fn title_height(panel_rect: Rect) -> f32 {
    (panel_rect.height() * 0.03).clamp(22.0, 64.0)
}
/// The title row as a rough fraction of a panel's height, for aspect ratios.
const TITLE_FRACTION: f32 = 0.04;

/// Lays panels out left to right: each whole-figure view gets a column; close-up views
/// (the head, the face, the hands, the feet, the pelvic floor) are stacked two to a
/// column at half height, so a close-up is never drawn much larger than the same part
/// on a whole figure. Without whole figures, close-ups are arranged one, two or three
/// to a column, whichever draws them largest. Columns get widths in proportion to
/// their aspect ratio so every full-height figure is drawn at the same height.
#[must_use]
pub fn layout(atlas: &Atlas, panels: &[Panel], area: Rect) -> Vec<(Panel, Rect)> {
    // Width per unit of height of each panel's drawing, title row included.
    let aspect = |p: &Panel| {
        atlas.view(&p.view).map_or(0.5, |v| {
            v.content.width() / (v.content.height() * (1.0 + TITLE_FRACTION))
        })
    };
    let (detail, figures): (Vec<&Panel>, Vec<&Panel>) = panels
        .iter()
        .partition(|p| atlas.view(&p.view).is_some_and(|v| v.detail));
    let gap = 12.0;
    // The columns for `per_column` close-ups in each: (panels, width per unit of
    // height, panels the column's height is shared by).
    let columns_for = |per_column: usize| {
        let mut columns: Vec<(Vec<&Panel>, f32, usize)> =
            figures.iter().map(|p| (vec![*p], aspect(p), 1)).collect();
        for chunk in detail.chunks(per_column) {
            let widest = chunk.iter().map(|p| aspect(p)).fold(0.0_f32, f32::max);
            columns.push((chunk.to_vec(), widest / per_column as f32, per_column));
        }
        columns
    };
    let height_of = |columns: &[(Vec<&Panel>, f32, usize)]| {
        let total_aspect: f32 = columns.iter().map(|c| c.1).sum::<f32>().max(1e-3);
        let usable_w = (area.width() - gap * (columns.len().saturating_sub(1)) as f32).max(1.0);
        (area.height().min(usable_w / total_aspect), total_aspect)
    };
    let columns = if figures.is_empty() {
        (1..=3)
            .map(columns_for)
            .max_by(|a, b| {
                let each = |c: &[(Vec<&Panel>, f32, usize)]| {
                    height_of(c).0 / c.first().map_or(1, |c| c.2) as f32
                };
                each(a).total_cmp(&each(b))
            })
            .unwrap_or_default()
    } else {
        columns_for(2)
    };
    let (height, total_aspect) = height_of(&columns);
    let used_w = total_aspect * height + gap * (columns.len().saturating_sub(1)) as f32;
    let mut x = area.center().x - used_w * 0.5;
    let top = area.top() + (area.height() - height) * 0.5;
    let mut out = Vec::new();
    for (col_panels, col_aspect, count) in columns {
        let w = col_aspect * height;
        let each_h = height / count as f32;
        // Centre a column that is not full (a lone close-up) vertically.
        let first_y = top + (height - each_h * col_panels.len() as f32) * 0.5;
        for (i, p) in col_panels.into_iter().enumerate() {
            let rect = Rect::from_min_size(pos2(x, first_y + each_h * i as f32), vec2(w, each_h));
            out.push((p.clone(), rect));
        }
        x += w + gap;
    }
    out
}

/// The screen rectangle around `muscle`'s pattern on the placed panels: its zones and
/// X marks (only those of `trigger_point`, if given) on the sides in `sides`. `None`
/// when nothing of it is on screen.
#[must_use]
pub fn pattern_bounds(
    atlas: &Atlas,
    muscle: &crate::model::Muscle,
    sides: &[Side],
    trigger_point: Option<&str>,
    placed: &[(Panel, Rect)],
) -> Option<Rect> {
    let mut bounds: Option<Rect> = None;
    let mut add = |p: egui::Pos2| {
        bounds = Some(bounds.map_or(Rect::from_min_max(p, p), |b| {
            b.union(Rect::from_min_max(p, p))
        }));
    };
    for (panel, rect) in placed {
        let Some(view) = atlas.view(&panel.view) else {
            continue;
        };
        let t = crate::draw::paint::panel_transform(view, panel, *rect);
        // The sides whose pattern this panel draws, as authored geometry.
        let drawn: Vec<Side> = match view.kind {
            ViewKind::Bilateral { .. } => sides.to_vec(),
            ViewKind::Lateral { .. } => {
                if sides.contains(&panel.side) {
                    vec![Side::Right]
                } else {
                    Vec::new()
                }
            }
        };
        for &g in &drawn {
            for zone in muscle
                .zones
                .iter()
                .filter(|z| z.view == view.id && z.refers_from(trigger_point))
            {
                for p in zone.fill.get(g).outline.iter() {
                    add(t.apply(*p));
                }
            }
            for tp in muscle
                .trigger_points
                .iter()
                .filter(|tp| tp.view == view.id && trigger_point.is_none_or(|l| tp.label == l))
            {
                add(t.apply(*tp.pos.get(g)));
            }
        }
    }
    bounds
}

/// The drawing area of a panel once its title row is taken off.
#[must_use]
pub fn drawing_rect(panel_rect: Rect) -> Rect {
    Rect::from_min_max(
        panel_rect.min + Vec2::new(0.0, title_height(panel_rect)),
        panel_rect.max,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::load_atlas;
    use crate::model::ViewId;

    fn panel(view: &str, side: Side) -> Panel {
        Panel {
            view: ViewId(view.to_owned()),
            side,
        }
    }

    #[test]
    fn panels_fit_inside_the_area_without_overlapping() {
        let atlas = load_atlas(None).atlas;
        let area = Rect::from_min_size(pos2(10.0, 20.0), vec2(1000.0, 700.0));
        let panels = [
            panel("front", Side::Right),
            panel("back", Side::Right),
            panel("head_side", Side::Right),
            panel("head_side", Side::Left),
        ];
        let placed = layout(&atlas, &panels, area);
        assert_eq!(placed.len(), 4);
        for (i, (_, a)) in placed.iter().enumerate() {
            assert!(area.expand(0.5).contains_rect(*a), "{a:?} outside {area:?}");
            for (_, b) in &placed[i + 1..] {
                assert!(
                    !a.shrink(0.5).intersects(b.shrink(0.5)),
                    "{a:?} overlaps {b:?}"
                );
            }
        }
        // Whole-body views share one height; each side view gets half of it.
        let (front, side) = (placed[0].1, placed[2].1);
        assert!((side.height() * 2.0 - front.height()).abs() < 0.5);
    }

    #[test]
    fn a_lone_side_view_is_centred_vertically() {
        let atlas = load_atlas(None).atlas;
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let placed = layout(&atlas, &[panel("head_side", Side::Left)], area);
        assert!((placed[0].1.center().y - area.center().y).abs() < 0.5);
    }
}
