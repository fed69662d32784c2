//! Work done once per shape: triangles for concave fills (when a shape is first
//! drawn) and the dot positions of stippled zones (when the data loads). Per frame
//! we only transform and paint.

use std::sync::{Arc, OnceLock};

use emath::{Pos2, Rect};

use super::polygon::{mirror_points, polygon_area};
use super::simplify::{drawable, level_indices};

/// A filled polygon ready to paint: its outline, simplified copies of it for small
/// figures, and their triangles.
///
/// Triangles and simplified copies are made the first time they are drawn, not when
/// the data loads: ear-clipping and simplifying were the dearest parts of loading,
/// and most shapes (other views, deep muscles, every pattern's zones) are not on
/// screen at start-up, or ever at every size.
#[derive(Clone, Debug)]
pub struct Tessellation {
    /// The smoothed outline in body coordinates; shared by copies (a lateral view's
    /// two sides, the simplified copies' source) instead of copied.
    pub outline: Arc<[Pos2]>,
    /// Triangle list indexing `outline`, made when first asked for; shared with
    /// this shape's mirror image and copies (the same indices fit them all).
    full_triangles: Arc<OnceLock<Vec<u32>>>,
    /// Bounding box of `outline`, for quick rejection in hit tests and ranking.
    pub bounds: Rect,
    /// The simplified copies, worked out when this shape or its mirror image is
    /// first drawn small, and shared by both, triangles included.
    levels: Arc<Levels>,
    /// This shape's points of each simplified copy, picked out when first drawn.
    coarse: OnceLock<Vec<Option<Vec<Pos2>>>>,
}

/// The simplified copies of a shape and its mirror image: one per
/// [`LEVEL_TOLERANCES`](super::LEVEL_TOLERANCES) entry (`None` where simplifying
/// saved little), as indices into the outline. Always worked out from the outline
/// the shape was made with, so both sides, the window and the exports keep the same
/// points whichever is drawn first.
#[derive(Debug)]
struct Levels {
    source: Arc<[Pos2]>,
    copies: OnceLock<Vec<Option<Level>>>,
}

impl Levels {
    fn copies(&self) -> &[Option<Level>] {
        self.copies.get_or_init(|| {
            level_indices(&self.source, true)
                .into_iter()
                .map(|kept| {
                    kept.map(|kept| Level {
                        kept,
                        triangles: OnceLock::new(),
                    })
                })
                .collect()
        })
    }
}

/// Which points of the outline a simplified copy keeps, and its triangles (made when
/// first asked for; `None` if they do not cover the simplified polygon, when
/// simplifying made a thin shape cross itself).
#[derive(Debug)]
struct Level {
    kept: Vec<u32>,
    triangles: OnceLock<Option<Vec<u32>>>,
}

impl Level {
    /// Triangles for `outline`, this copy's points on one side.
    fn triangles(&self, outline: &[Pos2]) -> Option<&[u32]> {
        self.triangles
            .get_or_init(|| {
                let triangles = triangulate(outline);
                let covered = triangles_area(outline, &triangles);
                let area = polygon_area(outline).abs();
                ((covered - area).abs() <= area * 0.02 + 1e-3).then_some(triangles)
            })
            .as_deref()
    }
}

impl Tessellation {
    /// A fill for a smoothed outline.
    #[must_use]
    pub fn new(outline: Vec<Pos2>) -> Self {
        let outline: Arc<[Pos2]> = outline.into();
        Self {
            bounds: Rect::from_points(&outline),
            levels: Arc::new(Levels {
                source: Arc::clone(&outline),
                copies: OnceLock::new(),
            }),
            outline,
            full_triangles: Arc::default(),
            coarse: OnceLock::new(),
        }
    }

    /// Triangle list indexing [`Tessellation::outline`].
    #[must_use]
    pub fn triangles(&self) -> &[u32] {
        self.full_triangles
            .get_or_init(|| triangulate(&self.outline))
    }

    /// The outline and triangles to draw at `scale` physical pixels per body unit:
    /// the coarsest copy within [`MAX_SCREEN_ERROR`](super::MAX_SCREEN_ERROR) of the
    /// curve whose triangles cover the shape, or the full outline.
    #[must_use]
    pub fn for_scale(&self, scale: f32) -> (&[Pos2], &[u32]) {
        let mut usable = drawable(scale).peekable();
        if usable.peek().is_none() {
            return (&self.outline, self.triangles());
        }
        let levels = self.levels.copies();
        let coarse = self.coarse.get_or_init(|| {
            levels
                .iter()
                .map(|level| {
                    level.as_ref().map(|level| {
                        level
                            .kept
                            .iter()
                            .map(|&i| self.outline[i as usize])
                            .collect()
                    })
                })
                .collect()
        });
        usable
            .find_map(|k| {
                let (level, outline) = (levels[k].as_ref()?, coarse[k].as_deref()?);
                Some((outline, level.triangles(outline)?))
            })
            .unwrap_or_else(|| (&self.outline, self.triangles()))
    }

    /// The mirror image across the vertical line `x = axis_x`. A reflection keeps
    /// every triangle a triangle and every simplification the same points, so both
    /// sides share them: whichever is drawn first makes them.
    #[must_use]
    pub fn mirrored(&self, axis_x: f32) -> Self {
        let outline: Arc<[Pos2]> = mirror_points(&self.outline, axis_x).into();
        Self {
            bounds: Rect::from_points(&outline),
            outline,
            full_triangles: Arc::clone(&self.full_triangles),
            levels: Arc::clone(&self.levels),
            coarse: OnceLock::new(),
        }
    }
}

/// The total area of `triangles` (indices into `points`): equal to the polygon's
/// area when they cover it exactly once.
#[must_use]
pub fn triangles_area(points: &[Pos2], triangles: &[u32]) -> f32 {
    triangles
        .chunks_exact(3)
        .map(|t| {
            polygon_area(&[
                points[t[0] as usize],
                points[t[1] as usize],
                points[t[2] as usize],
            ])
            .abs()
        })
        .sum()
}

/// Ear-clipping triangulation of a simple (possibly concave) polygon. Returns an
/// empty list for degenerate input instead of failing: validation reports those.
#[must_use]
pub fn triangulate(polygon: &[Pos2]) -> Vec<u32> {
    if polygon.len() < 3 {
        return Vec::new();
    }
    let flat: Vec<f64> = polygon
        .iter()
        .flat_map(|p| [f64::from(p.x), f64::from(p.y)])
        .collect();
    earcutr::earcut(&flat, &[], 2)
        .map(|ids| ids.into_iter().map(|i| i as u32).collect())
        .unwrap_or_default()
}

/// Dot centres for a stippled fill: a hexagonal grid with `spacing` between
/// neighbours, kept where the dot lies inside the polygon. Deterministic, so
/// screen, export and snapshots agree. Each grid row is filled between the places
/// where it crosses the outline (even-odd), so the cost is rows × edges.
#[must_use]
pub fn stipple_points(polygon: &[Pos2], spacing: f32) -> Vec<Pos2> {
    if polygon.len() < 3 || spacing.is_nan() || spacing <= 0.0 {
        return Vec::new();
    }
    let bounds = Rect::from_points(polygon);
    let row_height = spacing * 0.866;
    let mut dots = Vec::new();
    let mut crossings: Vec<f32> = Vec::new();
    // Anchor the grid to multiples of the spacing so neighbouring zones line up.
    let first_row = (bounds.min.y / row_height).floor() as i64;
    let last_row = (bounds.max.y / row_height).ceil() as i64;
    for row in first_row..=last_row {
        let y = row as f32 * row_height;
        crossings.clear();
        let n = polygon.len();
        for k in 0..n {
            let (a, b) = (polygon[k], polygon[(k + 1) % n]);
            if (a.y > y) != (b.y > y) {
                crossings.push(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x));
            }
        }
        crossings.sort_by(f32::total_cmp);
        let shift = if row.rem_euclid(2) == 1 {
            spacing * 0.5
        } else {
            0.0
        };
        for pair in crossings.chunks_exact(2) {
            let mut x = ((pair[0] - shift) / spacing).ceil() * spacing + shift;
            while x < pair[1] {
                dots.push(Pos2::new(x, y));
                x += spacing;
            }
        }
    }
    dots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::{point_in_polygon, polygon_area};
    use emath::pos2;

    fn triangle_area_sum(t: &Tessellation) -> f32 {
        triangles_area(&t.outline, t.triangles())
    }

    #[test]
    fn a_mirrored_concave_shape_is_still_exactly_covered_by_its_triangles() {
        // An L shape: concave, so a wrong triangle would spill outside.
        let l = vec![
            pos2(10.0, 10.0),
            pos2(40.0, 10.0),
            pos2(40.0, 20.0),
            pos2(20.0, 20.0),
            pos2(20.0, 50.0),
            pos2(10.0, 50.0),
        ];
        let right = Tessellation::new(l.clone());
        let left = right.mirrored(100.0);
        let area = polygon_area(&l).abs();
        assert!((triangle_area_sum(&left) - area).abs() < 1e-3);
        assert_eq!(left.outline[1], pos2(160.0, 10.0));
        assert_eq!(left.bounds.min, pos2(160.0, 10.0));
        assert_eq!(left.bounds.max, pos2(190.0, 50.0));
        // Every triangle's centre lies inside the mirrored outline.
        for c in left.triangles().chunks_exact(3) {
            let [a, b, d] = [c[0], c[1], c[2]].map(|i| left.outline[i as usize]);
            let centre = pos2((a.x + b.x + d.x) / 3.0, (a.y + b.y + d.y) / 3.0);
            assert!(point_in_polygon(&left.outline, centre));
        }
        // The two sides share one set of triangles, made here from the left side's
        // outline; they cover the right side exactly too.
        assert!(std::ptr::eq(right.triangles(), left.triangles()));
        assert!((triangle_area_sum(&right) - area).abs() < 1e-3);
        // The same for a simplified copy, at a small figure's scale.
        let ring: Vec<_> = (0..400)
            .map(|i| {
                let a = i as f32 / 400.0 * std::f32::consts::TAU;
                pos2(50.0 + 30.0 * a.cos(), 50.0 + 20.0 * a.sin())
            })
            .collect();
        let right = Tessellation::new(ring.clone());
        let left = right.mirrored(100.0);
        let (left_outline, left_triangles) = left.for_scale(0.5);
        let (right_outline, right_triangles) = right.for_scale(0.5);
        assert!(
            left_outline.len() < ring.len() / 4,
            "a coarse copy is drawn"
        );
        assert!(std::ptr::eq(left_triangles, right_triangles));
        let ring_area = polygon_area(&ring).abs();
        for (outline, triangles) in [
            (left_outline, left_triangles),
            (right_outline, right_triangles),
        ] {
            assert!((triangles_area(outline, triangles) - ring_area).abs() < ring_area * 0.02);
        }
    }

    #[test]
    fn concave_polygon_triangles_cover_its_area_exactly() {
        let l_shape = [
            pos2(0.0, 0.0),
            pos2(4.0, 0.0),
            pos2(4.0, 1.0),
            pos2(1.0, 1.0),
            pos2(1.0, 4.0),
            pos2(0.0, 4.0),
        ];
        let tris = triangulate(&l_shape);
        assert_eq!(tris.len(), 4 * 3, "six vertices make four triangles");
        let area = triangles_area(&l_shape, &tris);
        assert!((area - 7.0).abs() < 1e-4, "area {area}");
    }

    #[test]
    fn stipple_dots_stay_inside_and_fill_evenly() {
        let square = [
            pos2(0.0, 0.0),
            pos2(100.0, 0.0),
            pos2(100.0, 100.0),
            pos2(0.0, 100.0),
        ];
        let dots = stipple_points(&square, 10.0);
        assert!(dots.iter().all(|d| point_in_polygon(&square, *d)));
        // One dot per 10 x 8.66 cell: about 115 in a 100 x 100 square.
        assert!((100..130).contains(&dots.len()), "{} dots", dots.len());
    }

    #[test]
    fn stipple_follows_a_concave_outline() {
        // A "C" open to the right: no dots may fall in its pocket.
        let c = [
            pos2(0.0, 0.0),
            pos2(60.0, 0.0),
            pos2(60.0, 20.0),
            pos2(20.0, 20.0),
            pos2(20.0, 40.0),
            pos2(60.0, 40.0),
            pos2(60.0, 60.0),
            pos2(0.0, 60.0),
        ];
        let dots = stipple_points(&c, 5.0);
        assert!(dots.len() > 60);
        assert!(
            dots.iter().all(|d| point_in_polygon(&c, *d)),
            "every dot inside"
        );
        assert!(
            dots.iter().any(|d| d.x > 40.0 && d.y < 20.0),
            "the upper arm is filled"
        );
    }

    #[test]
    fn degenerate_input_gives_nothing_rather_than_panicking() {
        assert!(triangulate(&[pos2(0.0, 0.0), pos2(1.0, 1.0)]).is_empty());
        assert!(stipple_points(&[pos2(0.0, 0.0)], 5.0).is_empty());
        assert!(
            stipple_points(&[pos2(0.0, 0.0), pos2(1.0, 0.0), pos2(0.0, 1.0)], f32::NAN).is_empty()
        );
    }
}
