//! Centripetal Catmull-Rom splines: data authors place a few control points and get a
//! smooth curve through every one of them, with no overshoot loops at sharp turns.

use emath::Pos2;

/// Samples per span between two control points. Enough that no straight segment is
/// visible at 4K when a figure fills the screen (spans are ~20 body units long).
const SAMPLES_PER_SPAN: usize = 10;

/// A smooth closed curve through `points`, returned as a polyline without the
/// repeated first point. Fewer than three points are returned unchanged.
#[must_use]
pub fn smooth_closed(points: &[Pos2]) -> Vec<Pos2> {
    let n = points.len();
    if n < 3 {
        return points.to_vec();
    }
    let mut out = Vec::with_capacity(n * SAMPLES_PER_SPAN);
    for i in 0..n {
        let p0 = points[(i + n - 1) % n];
        let p1 = points[i];
        let p2 = points[(i + 1) % n];
        let p3 = points[(i + 2) % n];
        push_span(&mut out, p0, p1, p2, p3);
    }
    out
}

/// A smooth open curve through `points` (end points included).
#[must_use]
pub fn smooth_open(points: &[Pos2]) -> Vec<Pos2> {
    let n = points.len();
    if n < 3 {
        return points.to_vec();
    }
    let mut out = Vec::with_capacity(n * SAMPLES_PER_SPAN + 1);
    for i in 0..n - 1 {
        // Phantom end points continue the first and last span straight on.
        let p0 = if i == 0 {
            points[0] + (points[0] - points[1])
        } else {
            points[i - 1]
        };
        let p3 = if i + 2 < n {
            points[i + 2]
        } else {
            points[n - 1] + (points[n - 1] - points[n - 2])
        };
        push_span(&mut out, p0, points[i], points[i + 1], p3);
    }
    out.push(points[n - 1]);
    out
}

/// Appends the samples of the span p1→p2 (p1 included, p2 excluded).
fn push_span(out: &mut Vec<Pos2>, p0: Pos2, p1: Pos2, p2: Pos2, p3: Pos2) {
    // Centripetal parameterisation (alpha = 0.5): knot spacing is sqrt of distance.
    let knot = |a: Pos2, b: Pos2| a.distance(b).sqrt().max(1e-4);
    let t0 = 0.0_f32;
    let t1 = t0 + knot(p0, p1);
    let t2 = t1 + knot(p1, p2);
    let t3 = t2 + knot(p2, p3);
    for s in 0..SAMPLES_PER_SPAN {
        let t = t1 + (t2 - t1) * (s as f32 / SAMPLES_PER_SPAN as f32);
        let a1 = lerp(p0, p1, (t - t0) / (t1 - t0));
        let a2 = lerp(p1, p2, (t - t1) / (t2 - t1));
        let a3 = lerp(p2, p3, (t - t2) / (t3 - t2));
        let b1 = lerp(a1, a2, (t - t0) / (t2 - t0));
        let b2 = lerp(a2, a3, (t - t1) / (t3 - t1));
        out.push(lerp(b1, b2, (t - t1) / (t2 - t1)));
    }
}

fn lerp(a: Pos2, b: Pos2, t: f32) -> Pos2 {
    a + (b - a) * t
}

#[cfg(test)]
mod tests {
    use super::*;
    use emath::pos2;

    #[test]
    fn closed_curve_passes_through_every_control_point() {
        let pts = [
            pos2(0.0, 0.0),
            pos2(10.0, 0.0),
            pos2(10.0, 10.0),
            pos2(0.0, 10.0),
        ];
        let curve = smooth_closed(&pts);
        for p in pts {
            assert!(curve.iter().any(|c| c.distance(p) < 1e-3), "{p:?} missing");
        }
        assert_eq!(curve.len(), pts.len() * SAMPLES_PER_SPAN);
    }

    #[test]
    fn open_curve_keeps_its_end_points() {
        let pts = [pos2(0.0, 0.0), pos2(5.0, 3.0), pos2(10.0, 0.0)];
        let curve = smooth_open(&pts);
        assert_eq!(curve.first(), Some(&pts[0]));
        assert_eq!(curve.last(), Some(&pts[2]));
    }

    #[test]
    fn curve_stays_near_a_sharp_turn_without_looping() {
        // A hairpin: centripetal splines must not swing far beyond the control hull.
        let pts = [
            pos2(0.0, 0.0),
            pos2(100.0, 0.0),
            pos2(100.0, 2.0),
            pos2(0.0, 2.0),
        ];
        for p in smooth_closed(&pts) {
            assert!(
                p.x > -15.0 && p.x < 115.0 && p.y > -15.0 && p.y < 17.0,
                "{p:?}"
            );
        }
    }
}
