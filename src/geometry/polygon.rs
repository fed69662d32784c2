//! Polygon predicates used by hit-testing, validation and stippling.

use emath::Pos2;

/// Even-odd point-in-polygon test; works for concave polygons. Points exactly on
/// an edge may fall either way, which is fine for clicks.
#[must_use]
pub fn point_in_polygon(polygon: &[Pos2], p: Pos2) -> bool {
    let mut inside = false;
    let n = polygon.len();
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (a, b) = (polygon[i], polygon[j]);
        if (a.y > p.y) != (b.y > p.y) {
            let x_cross = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
            if p.x < x_cross {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// Distance from `p` to the nearest point of the closed outline `polygon`.
#[must_use]
pub fn distance_to_outline(polygon: &[Pos2], p: Pos2) -> f32 {
    let n = polygon.len();
    let mut best = f32::INFINITY;
    for i in 0..n {
        let (a, b) = (polygon[i], polygon[(i + 1) % n]);
        let ab = b - a;
        let t = ((p - a).dot(ab) / ab.length_sq().max(1e-12)).clamp(0.0, 1.0);
        best = best.min(p.distance(a + ab * t));
    }
    best
}

/// Signed area (shoelace); positive when the points run clockwise on screen (y down).
#[must_use]
pub fn polygon_area(polygon: &[Pos2]) -> f32 {
    let n = polygon.len();
    let mut twice = 0.0;
    for i in 0..n {
        let (a, b) = (polygon[i], polygon[(i + 1) % n]);
        twice += a.x * b.y - b.x * a.y;
    }
    twice * 0.5
}

/// Reflects a point across the vertical line `x = axis_x`.
#[must_use]
pub fn mirror_x(p: Pos2, axis_x: f32) -> Pos2 {
    Pos2::new(2.0 * axis_x - p.x, p.y)
}

/// Reflects every point across the vertical line `x = axis_x`, keeping their order.
#[must_use]
pub fn mirror_points(points: &[Pos2], axis_x: f32) -> Vec<Pos2> {
    points.iter().map(|p| mirror_x(*p, axis_x)).collect()
}

/// True when segments ab and cd cross at a point interior to both (touching ends do
/// not count). Used to reject self-intersecting outlines.
#[must_use]
pub fn segments_intersect_properly(a: Pos2, b: Pos2, c: Pos2, d: Pos2) -> bool {
    let orient = |p: Pos2, q: Pos2, r: Pos2| (q - p).x * (r - p).y - (q - p).y * (r - p).x;
    let d1 = orient(c, d, a);
    let d2 = orient(c, d, b);
    let d3 = orient(a, b, c);
    let d4 = orient(a, b, d);
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

/// True when segments ab and cd share any point: they cross, or one touches the
/// other. Used on non-adjacent edges of an outline, where any contact means the
/// outline crosses or pinches itself.
#[must_use]
pub fn segments_touch(a: Pos2, b: Pos2, c: Pos2, d: Pos2) -> bool {
    let orient = |p: Pos2, q: Pos2, r: Pos2| (q - p).x * (r - p).y - (q - p).y * (r - p).x;
    let on_segment = |p: Pos2, q: Pos2, r: Pos2| {
        r.x >= p.x.min(q.x) && r.x <= p.x.max(q.x) && r.y >= p.y.min(q.y) && r.y <= p.y.max(q.y)
    };
    let (d1, d2, d3, d4) = (
        orient(c, d, a),
        orient(c, d, b),
        orient(a, b, c),
        orient(a, b, d),
    );
    if ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
    {
        return true;
    }
    (d1 == 0.0 && on_segment(c, d, a))
        || (d2 == 0.0 && on_segment(c, d, b))
        || (d3 == 0.0 && on_segment(a, b, c))
        || (d4 == 0.0 && on_segment(a, b, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use emath::pos2;

    /// A "C" shape: concave, open to the right.
    fn c_shape() -> Vec<Pos2> {
        vec![
            pos2(0.0, 0.0),
            pos2(10.0, 0.0),
            pos2(10.0, 3.0),
            pos2(3.0, 3.0),
            pos2(3.0, 7.0),
            pos2(10.0, 7.0),
            pos2(10.0, 10.0),
            pos2(0.0, 10.0),
        ]
    }

    #[test]
    fn concave_pocket_is_outside() {
        let c = c_shape();
        assert!(point_in_polygon(&c, pos2(1.5, 5.0)), "spine of the C");
        assert!(point_in_polygon(&c, pos2(8.0, 1.5)), "upper arm of the C");
        assert!(!point_in_polygon(&c, pos2(6.0, 5.0)), "inside the pocket");
        assert!(!point_in_polygon(&c, pos2(-1.0, 5.0)), "left of the C");
    }

    #[test]
    fn area_is_signed_and_exact() {
        let c = c_shape();
        assert!((polygon_area(&c).abs() - 72.0).abs() < 1e-4);
        let reversed: Vec<_> = c.iter().rev().copied().collect();
        assert!((polygon_area(&c) + polygon_area(&reversed)).abs() < 1e-4);
    }

    #[test]
    fn mirroring_twice_is_identity_and_swaps_sides() {
        let p = pos2(120.0, 50.0);
        let m = mirror_x(p, 200.0);
        assert_eq!(m, pos2(280.0, 50.0));
        assert_eq!(mirror_x(m, 200.0), p);
    }

    #[test]
    fn crossing_segments_are_detected_but_touching_ones_are_not() {
        let (a, b) = (pos2(0.0, 0.0), pos2(10.0, 10.0));
        assert!(segments_intersect_properly(
            a,
            b,
            pos2(0.0, 10.0),
            pos2(10.0, 0.0)
        ));
        assert!(!segments_intersect_properly(a, b, b, pos2(20.0, 0.0)));
    }

    #[test]
    fn touching_at_a_vertex_counts_as_contact() {
        // Two edges of a symmetric bow tie meeting exactly at its centre.
        let centre = pos2(5.0, 5.0);
        assert!(segments_touch(
            pos2(0.0, 0.0),
            centre,
            pos2(10.0, 0.0),
            centre
        ));
        assert!(segments_touch(
            pos2(0.0, 0.0),
            pos2(10.0, 10.0),
            pos2(0.0, 10.0),
            centre
        ));
        assert!(!segments_touch(
            pos2(0.0, 0.0),
            pos2(1.0, 0.0),
            pos2(5.0, 5.0),
            pos2(6.0, 5.0)
        ));
    }
}
