//! Coarser copies of smoothed outlines for small figures.
//!
//! Splines are sampled finely enough for a figure filling a 4K screen. Drawn small,
//! most of those points lie closer together than a pixel, yet every one of them costs
//! triangles, and on a software renderer (a computer without a graphics card, a
//! remote desktop) the time to draw a frame follows the triangle count. So each
//! outline also keeps a few simplified copies, made once when the data loads, and a
//! panel draws the coarsest copy that stays within [`MAX_SCREEN_ERROR`] of the real
//! curve at its scale.

use emath::Pos2;

/// How far (in body units) each coarser copy may stray from the smoothed curve,
/// finest first.
pub const LEVEL_TOLERANCES: [f32; 2] = [0.15, 0.4];

/// The largest distance (physical pixels) a drawn outline may stray from its curve.
/// A third of a pixel is below what anti-aliasing lets anyone see.
pub const MAX_SCREEN_ERROR: f32 = 0.33;

/// The coarsest level in [`LEVEL_TOLERANCES`] that may be drawn at `scale` physical
/// pixels per body unit, if any.
#[must_use]
pub fn level_for_scale(scale: f32) -> Option<usize> {
    LEVEL_TOLERANCES
        .iter()
        .rposition(|tolerance| tolerance * scale <= MAX_SCREEN_ERROR)
}

/// The simplified copies (by their [`LEVEL_TOLERANCES`] index) that may be drawn at
/// `scale` physical pixels per body unit, coarsest first.
pub fn drawable(scale: f32) -> impl Iterator<Item = usize> {
    let usable = level_for_scale(scale).map_or(0, |level| level + 1);
    (0..usable).rev()
}

/// Douglas–Peucker: the indices, in order, of the points of `points` to keep so
/// that the polyline through them is everywhere within `tolerance` of the original.
/// For a closed outline the segment from the last point back to the first counts
/// too. The first point is always kept, and for an open line the last one too.
#[must_use]
pub fn simplify_indices(points: &[Pos2], closed: bool, tolerance: f32) -> Vec<u32> {
    let n = points.len();
    if n < 3 {
        return (0..n).filter_map(|i| u32::try_from(i).ok()).collect();
    }
    // A closed outline is the open line that returns to its first point; its last
    // index is then `n`, standing for point 0 again.
    let last = if closed { n } else { n - 1 };
    let at = |i: usize| points[i % n];
    let mut keep = vec![false; last + 1];
    keep[0] = true;
    keep[last] = true;
    let tolerance_sq = tolerance * tolerance;
    let mut stack = vec![(0, last)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (pa, pb) = (at(a), at(b));
        let mut far = (a, -1.0_f32);
        for i in a + 1..b {
            let d = distance_sq_to_segment(at(i), pa, pb);
            if d > far.1 {
                far = (i, d);
            }
        }
        if far.1 > tolerance_sq {
            keep[far.0] = true;
            stack.push((a, far.0));
            stack.push((far.0, b));
        }
    }
    keep.truncate(n);
    keep.iter()
        .enumerate()
        .filter(|(_, k)| **k)
        .filter_map(|(i, _)| u32::try_from(i).ok())
        .collect()
}

/// Squared distance from `p` to the segment `a`–`b` (to `a` if the segment has no
/// length); squared, because this runs for every point of every outline at load.
fn distance_sq_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len_sq = ab.length_sq();
    if len_sq <= f32::EPSILON {
        return (p - a).length_sq();
    }
    let t = ((p - a).dot(ab) / len_sq).clamp(0.0, 1.0);
    (p - (a + ab * t)).length_sq()
}

/// The simplified copies of `points`, one per [`LEVEL_TOLERANCES`] entry, each made
/// from `points` itself; `None` where a level saves less than a fifth of the points
/// of the next finer copy (then that one is drawn).
#[must_use]
pub fn levels(points: &[Pos2], closed: bool) -> Vec<Option<Vec<Pos2>>> {
    level_indices(points, closed)
        .into_iter()
        .map(|kept| kept.map(|kept| kept.iter().map(|&i| points[i as usize]).collect()))
        .collect()
}

/// [`levels`], as the indices of the points each copy keeps: the same for a shape
/// and its mirror image, so the two can share them and their triangles.
#[must_use]
pub fn level_indices(points: &[Pos2], closed: bool) -> Vec<Option<Vec<u32>>> {
    let mut finer = points.len();
    LEVEL_TOLERANCES
        .iter()
        .map(|&tolerance| {
            let kept = simplify_indices(points, closed, tolerance);
            (kept.len() >= 2 && kept.len() * 5 <= finer * 4).then(|| {
                finer = kept.len();
                kept
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use emath::pos2;

    fn simplify(points: &[Pos2], closed: bool, tolerance: f32) -> Vec<Pos2> {
        simplify_indices(points, closed, tolerance)
            .into_iter()
            .map(|i| points[i as usize])
            .collect()
    }

    fn circle(n: usize, r: f32) -> Vec<Pos2> {
        (0..n)
            .map(|i| {
                let a = i as f32 / n as f32 * std::f32::consts::TAU;
                pos2(r * a.cos(), r * a.sin())
            })
            .collect()
    }

    #[test]
    fn a_finely_sampled_circle_keeps_few_points_and_stays_within_tolerance() {
        let fine = circle(1000, 50.0);
        let coarse = simplify(&fine, true, 0.35);
        assert!(coarse.len() < 100, "kept {} of 1000", coarse.len());
        assert!(coarse.len() >= 8, "kept only {}", coarse.len());
        for p in &fine {
            let nearest = (0..coarse.len())
                .map(|i| {
                    distance_sq_to_segment(*p, coarse[i], coarse[(i + 1) % coarse.len()]).sqrt()
                })
                .fold(f32::INFINITY, f32::min);
            assert!(nearest <= 0.35 + 1e-3, "{p:?} is {nearest} away");
        }
    }

    #[test]
    fn corners_survive_and_straight_runs_collapse() {
        let mut square = Vec::new();
        for i in 0..10 {
            square.push(pos2(i as f32, 0.0));
        }
        for i in 0..10 {
            square.push(pos2(10.0, i as f32));
        }
        for i in 0..10 {
            square.push(pos2(10.0 - i as f32, 10.0));
        }
        for i in 0..10 {
            square.push(pos2(0.0, 10.0 - i as f32));
        }
        let coarse = simplify(&square, true, 0.1);
        assert_eq!(
            coarse,
            vec![
                pos2(0.0, 0.0),
                pos2(10.0, 0.0),
                pos2(10.0, 10.0),
                pos2(0.0, 10.0)
            ]
        );
    }

    #[test]
    fn an_open_line_keeps_both_ends() {
        let line: Vec<Pos2> = (0..50).map(|i| pos2(i as f32, 0.0)).collect();
        assert_eq!(simplify(&line, false, 0.5), vec![line[0], line[49]]);
    }

    #[test]
    fn smaller_figures_get_coarser_levels() {
        assert_eq!(level_for_scale(10.0), None);
        assert_eq!(level_for_scale(2.0), Some(0));
        assert_eq!(level_for_scale(0.75), Some(1));
        assert_eq!(level_for_scale(0.2), Some(1));
    }

    #[test]
    fn each_level_stays_within_its_tolerance_of_the_curve() {
        let fine = circle(2000, 80.0);
        let copies = levels(&fine, true);
        let mut previous = fine.len();
        for (copy, tolerance) in copies.iter().zip(LEVEL_TOLERANCES) {
            let copy = copy
                .as_ref()
                .expect("a fine circle simplifies at every level");
            assert!(copy.len() < previous, "each level is coarser");
            previous = copy.len();
            for p in &fine {
                let nearest = (0..copy.len())
                    .map(|i| distance_sq_to_segment(*p, copy[i], copy[(i + 1) % copy.len()]))
                    .fold(f32::INFINITY, f32::min)
                    .sqrt();
                assert!(nearest <= tolerance + 1e-3, "{p:?} is {nearest} away");
            }
        }
    }
}
