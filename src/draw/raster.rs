//! A CPU rasteriser for egui meshes, following the rules egui's renderers run on the
//! GPU (pixel centres, OpenGL's fill rule for pixels on an edge, vertices snapped to
//! 1/256 pixel, the scissor rectangle rounded to pixels, colours interpolated in gamma
//! space and blended as premultiplied alpha, every blend rounded to 8 bits). The panel
//! pictures ([`super::picture`]) are made with it.

use egui::{Color32, ColorImage, Mesh, Pos2, Rect, TextureId};

/// No picture is made larger than this many pixels (a panel of a 4K window): a
/// picture costs CPU time while the window opens and memory while it is shown.
const MAX_PIXELS: usize = 2_500_000;

/// A clip rectangle in whole physical pixels, as a GPU's scissor test sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Scissor {
    min: [i32; 2],
    max: [i32; 2],
}

impl Scissor {
    /// `clip` rounded to pixels as egui's renderers round it, within the screen;
    /// `None` when nothing of it is on screen.
    pub(crate) fn of(clip: Rect, ppp: f32, screen: Rect) -> Option<Self> {
        let clip = clip.intersect(screen);
        #[expect(
            clippy::cast_possible_truncation,
            reason = "screen coordinates in pixels fit an i32"
        )]
        let px = |v: f32| (v * ppp).round() as i32;
        let s = Self {
            min: [px(clip.min.x), px(clip.min.y)],
            max: [px(clip.max.x), px(clip.max.y)],
        };
        (s.max[0] > s.min[0] && s.max[1] > s.min[1]).then_some(s)
    }

    fn size(self) -> [usize; 2] {
        [
            usize::try_from(self.max[0] - self.min[0]).unwrap_or(0),
            usize::try_from(self.max[1] - self.min[1]).unwrap_or(0),
        ]
    }

    #[expect(
        clippy::cast_precision_loss,
        reason = "pixel coordinates are far below 2^24"
    )]
    pub(crate) fn rect(self, ppp: f32) -> Rect {
        Rect::from_min_max(
            Pos2::new(self.min[0] as f32, self.min[1] as f32) / ppp,
            Pos2::new(self.max[0] as f32, self.max[1] as f32) / ppp,
        )
    }
}

/// `mesh` (positions in points) rasterised into an image of `scissor`, or `None`
/// if the picture would be too large (or a side longer than `max_side`) or the mesh
/// samples a texture (only untextured
/// fills and lines are drawn here; stippled dots come from the font atlas).
pub(crate) fn rasterize(
    mesh: &Mesh,
    ppp: f32,
    scissor: Scissor,
    max_side: usize,
) -> Option<ColorImage> {
    let [width, height] = scissor.size();
    let untextured = mesh.texture_id == TextureId::default()
        && mesh.vertices.iter().all(|v| v.uv == egui::epaint::WHITE_UV);
    if !untextured || width * height > MAX_PIXELS || width.max(height) > max_side {
        return None;
    }
    let mut canvas = Canvas {
        width,
        height,
        pixels: vec![Color32::TRANSPARENT; width * height],
    };
    #[expect(
        clippy::cast_precision_loss,
        reason = "pixel coordinates are far below 2^24"
    )]
    let origin = egui::vec2(scissor.min[0] as f32, scissor.min[1] as f32);
    let corner = |i: u32| {
        let v = &mesh.vertices[i as usize];
        // GPUs snap vertices to a grid of 1/256 pixel before rasterising.
        let p = ((v.pos.to_vec2() * ppp - origin) * SUBPIXELS).round() / SUBPIXELS;
        (p, v.color)
    };
    for tri in mesh.indices.chunks_exact(3) {
        canvas.triangle([corner(tri[0]), corner(tri[1]), corner(tri[2])]);
    }
    Some(canvas.into_image())
}

/// The sub-pixel grid vertices are snapped to (8 bits, as in Mesa's and most GPUs'
/// rasterisers).
const SUBPIXELS: f32 = 256.0;
/// [`SUBPIXELS`] as an integer.
const SUBPIXELS_I: i64 = 256;

/// Corners farther than this (pixels) from the canvas are not drawn: in whole
/// sub-pixels their edge functions would no longer fit an `i64`.
const MAX_COORDINATE: f32 = 1e6;

/// A point in whole sub-pixels.
#[derive(Clone, Copy, Debug)]
struct Fixed {
    x: i64,
    y: i64,
}

impl Fixed {
    /// `p` (pixels, within [`MAX_COORDINATE`]) on the sub-pixel grid.
    #[expect(
        clippy::cast_possible_truncation,
        reason = "within MAX_COORDINATE, checked by the caller"
    )]
    fn of(p: egui::Vec2) -> Self {
        Self {
            x: (p.x * SUBPIXELS).round() as i64,
            y: (p.y * SUBPIXELS).round() as i64,
        }
    }

    /// The centre of pixel (`x`, `y`).
    fn centre(x: i64, y: i64) -> Self {
        Self {
            x: x * SUBPIXELS_I + SUBPIXELS_I / 2,
            y: y * SUBPIXELS_I + SUBPIXELS_I / 2,
        }
    }

    /// Twice the signed area of `a`, `b`, `p`: positive when `p` is on the inner side
    /// of the edge `a`→`b` of a triangle wound like the rasteriser winds them.
    fn edge(a: Self, b: Self, p: Self) -> i64 {
        (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
    }
}

/// How far (pixels) a row's computed span is widened before each pixel in it is
/// tested exactly, for the rounding of the division that found it.
const SPAN_SLACK: f32 = 1e-2;

/// `src` (premultiplied, 0–255) over `dst`, rounded to the nearest level.
fn blend(dst: &mut Color32, src: [f32; 4]) {
    // Below half a level in every channel a blend moves no channel by half a level,
    // so it changes nothing: skip it (the outer halves of anti-aliased edges).
    if src.iter().all(|&c| c < 0.5) {
        return;
    }
    let keep = 1.0 - src[3] * (1.0 / 255.0);
    let old = dst.to_array();
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "saturating at 0 and 255 on purpose"
    )]
    let level = |i: usize| (src[i] + f32::from(old[i]) * keep + 0.5) as u8;
    *dst = Color32::from_rgba_premultiplied(level(0), level(1), level(2), level(3));
}

/// The first and last pixel whose centres lie in `from..=to` (pixel `i` has its
/// centre at `i + 0.5`; last < first when there is none), without calls into libm.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    reason = "screen coordinates, far inside both types' ranges"
)]
fn pixel_span(from: f32, to: f32) -> (i64, i64) {
    let limit = 2.0 * MAX_COORDINATE;
    let (a, b) = (
        (from - 0.5).clamp(-limit, limit),
        (to - 0.5).clamp(-limit, limit),
    );
    let (i, j) = (a as i64, b as i64);
    (
        if (i as f32) < a { i + 1 } else { i },
        if (j as f32) > b { j - 1 } else { j },
    )
}

/// Premultiplied RGBA, rounded to whole levels after every blend as an 8-bit
/// framebuffer would be.
struct Canvas {
    width: usize,
    height: usize,
    pixels: Vec<Color32>,
}

impl Canvas {
    /// Blends one triangle (corners in pixels from the canvas's top left, snapped to
    /// [`SUBPIXELS`], with premultiplied colours) over the canvas.
    fn triangle(&mut self, mut corners: [(egui::Vec2, Color32); 3]) {
        if corners
            .iter()
            .any(|(p, _)| !(p.x.abs() < MAX_COORDINATE && p.y.abs() < MAX_COORDINATE))
        {
            return;
        }
        // Which pixels are inside is decided exactly, in whole sub-pixels, so a pixel
        // centre on an edge two triangles share is drawn by exactly one of them.
        let mut fixed = corners.map(|(p, _)| Fixed::of(p));
        let mut area = Fixed::edge(fixed[0], fixed[1], fixed[2]);
        if area < 0 {
            corners.swap(1, 2);
            fixed.swap(1, 2);
            area = -area;
        }
        if area == 0 {
            return;
        }
        let [(p0, c0), (p1, c1), (p2, c2)] = corners;
        let edges = [(p1, p2), (p2, p0), (p0, p1)];
        let fixed_edges = [
            (fixed[1], fixed[2]),
            (fixed[2], fixed[0]),
            (fixed[0], fixed[1]),
        ];
        // Pixel centres exactly on an edge belong to one side only. With this
        // winding, an edge running down the screen (or exactly leftwards) owns them:
        // OpenGL's rule in its upward window coordinates, and the pixels Mesa's
        // OpenGL driver draws (compared in the window under Xvfb).
        let owns = fixed_edges.map(|(a, b)| b.y > a.y || (b.y == a.y && b.x < a.x));
        let inside = |x: i64, y: i64| {
            let centre = Fixed::centre(x, y);
            fixed_edges.iter().zip(owns).all(|(&(a, b), own)| {
                let w = Fixed::edge(a, b, centre);
                w > 0 || (w == 0 && own)
            })
        };

        // Colours are linear over the triangle: the first corner's colour plus a
        // step per pixel across and down (from the edge functions' gradients).
        #[expect(
            clippy::cast_precision_loss,
            reason = "an area in sub-pixels², far below 2^53"
        )]
        let per_area = f64::from(SUBPIXELS * SUBPIXELS) / area as f64;
        let k = [c0, c1, c2].map(|c| c.to_array().map(f64::from));
        let gradient = |step: [f32; 3]| -> [f32; 4] {
            #[expect(clippy::cast_possible_truncation, reason = "colour steps fit an f32")]
            std::array::from_fn(|i| {
                ((0..3).map(|e| f64::from(step[e]) * k[e][i]).sum::<f64>() * per_area) as f32
            })
        };
        let c_across = gradient(edges.map(|(a, b)| a.y - b.y));
        let c_down = gradient(edges.map(|(a, b)| b.x - a.x));
        let c_origin = c0.to_array().map(f32::from);

        let lo = p0.min(p1).min(p2);
        let hi = p0.max(p1).max(p2);
        let last_column = i64::try_from(self.width).unwrap_or(i64::MAX) - 1;
        let last_row = i64::try_from(self.height).unwrap_or(i64::MAX) - 1;
        let (x0, x1) = pixel_span(lo.x, hi.x);
        let (x0, x1) = (x0.max(0), x1.min(last_column));
        let (y0, y1) = pixel_span(lo.y, hi.y);
        let (y0, y1) = (y0.max(0), y1.min(last_row));
        // Where each edge crosses a row: x moves by `run` per row down. An edge
        // along the row bounds no column; its row either is inside or is not.
        let runs = edges.map(|(a, b)| {
            let rise = b.y - a.y;
            if rise == 0.0 { 0.0 } else { (b.x - a.x) / rise }
        });
        for y in y0..=y1 {
            #[expect(clippy::cast_precision_loss, reason = "small pixel indices")]
            let cy = y as f32 + 0.5;
            // Narrow the row to where all three edge functions are non-negative,
            // with a hair to spare for rounding; the exact test decides the ends.
            let (mut from, mut to) = (lo.x, hi.x);
            for ((a, b), run) in edges.iter().zip(runs) {
                let x = a.x + run * (cy - a.y);
                if b.y < a.y {
                    from = from.max(x);
                } else if b.y > a.y {
                    to = to.min(x);
                }
            }
            let (start, end) = pixel_span(from - SPAN_SLACK, to + SPAN_SLACK);
            let (mut start, mut end) = (start.max(x0), end.min(x1));

            if start > end {
                continue;
            }
            // Inside the span only its end pixels can be outside an edge that
            // crosses the row. An edge along the row, which bounds no column, puts
            // the whole row inside or outside: testing one pixel settles it.
            if !inside(start, y) {
                start += 1;
            }
            if start <= end && !inside(end, y) {
                end -= 1;
            }
            if start > end || !inside(start, y) {
                continue;
            }
            let (Ok(first), Ok(last), Ok(row)) = (
                usize::try_from(start),
                usize::try_from(end),
                usize::try_from(y),
            ) else {
                continue;
            };
            if last < first {
                continue;
            }
            #[expect(clippy::cast_precision_loss, reason = "small pixel indices")]
            let (dx, dy) = (first as f32 + 0.5 - p0.x, cy - p0.y);
            let mut src: [f32; 4] =
                std::array::from_fn(|i| c_origin[i] + c_across[i] * dx + c_down[i] * dy);
            let pixels = &mut self.pixels[row * self.width..(row + 1) * self.width];
            for dst in &mut pixels[first..=last] {
                blend(dst, src);
                for i in 0..4 {
                    src[i] += c_across[i];
                }
            }
        }
    }

    fn into_image(self) -> ColorImage {
        ColorImage::new([self.width, self.height], self.pixels)
    }
}

#[cfg(test)]
#[expect(
    clippy::disallowed_methods,
    reason = "the rasteriser is tested with plain colours, not the theme's"
)]
mod tests {
    use super::*;

    /// The largest texture side the pictures ask for (see `picture::MAX_SIDE`).
    const MAX_SIDE: usize = 4096;

    fn canvas(width: usize, height: usize) -> Canvas {
        Canvas {
            width,
            height,
            pixels: vec![Color32::TRANSPARENT; width * height],
        }
    }

    fn covered(c: &Canvas) -> Vec<(usize, usize)> {
        (0..c.height)
            .flat_map(|y| (0..c.width).map(move |x| (x, y)))
            .filter(|&(x, y)| c.pixels[y * c.width + x].a() > 0)
            .collect()
    }

    #[test]
    fn a_triangle_covers_the_pixels_whose_centres_it_contains_either_way_round() {
        let red = Color32::from_rgb(200, 0, 0);
        for flip in [false, true] {
            let mut c = canvas(4, 4);
            let mut corners = [
                (egui::vec2(0.0, 0.0), red),
                (egui::vec2(4.0, 0.0), red),
                (egui::vec2(0.0, 4.0), red),
            ];
            if flip {
                corners.swap(1, 2);
            }
            c.triangle(corners);
            // Centres (x + 0.5, y + 0.5) with x + y + 1 < 4 are inside; those with
            // x + y + 1 == 4 lie on the long edge, which runs down: owned.
            let mut expected = Vec::new();
            for y in 0..4 {
                for x in 0..4 {
                    if x + y < 4 {
                        expected.push((x, y));
                    }
                }
            }
            assert_eq!(covered(&c), expected);
            assert_eq!(c.pixels[0], Color32::from_rgb(200, 0, 0));
        }
    }

    #[test]
    fn two_triangles_sharing_an_edge_draw_each_pixel_on_it_once() {
        // A square split along its diagonal, which passes through pixel centres.
        let half = Color32::from_rgba_premultiplied(0, 0, 100, 100);
        let mut c = canvas(4, 4);
        let (a, b, cc, d) = (
            egui::vec2(0.0, 0.0),
            egui::vec2(4.0, 0.0),
            egui::vec2(4.0, 4.0),
            egui::vec2(0.0, 4.0),
        );
        c.triangle([(a, half), (b, half), (cc, half)]);
        c.triangle([(a, half), (cc, half), (d, half)]);
        for p in &c.pixels {
            assert_eq!(*p, half, "blended exactly once");
        }
    }

    #[test]
    fn an_edge_along_a_row_of_pixel_centres_draws_that_row_once() {
        // Two translucent triangles meeting along y = 1.5, the centres of row 1: a
        // feathered horizontal stroke puts edges there.
        let half = Color32::from_rgba_premultiplied(0, 0, 100, 100);
        for (upper, lower) in [
            // The shared edge as the upper triangle's bottom and the lower one's top...
            (
                [(0.0, 0.0), (6.0, 0.0), (6.0, 1.5)],
                [(0.0, 1.5), (6.0, 1.5), (0.0, 3.0)],
            ),
            // ...and with both triangles spanning the whole row.
            (
                [(0.0, 0.0), (6.0, 1.5), (0.0, 1.5)],
                [(0.0, 1.5), (6.0, 1.5), (6.0, 3.0)],
            ),
        ] {
            let mut c = canvas(6, 3);
            for tri in [upper, lower] {
                c.triangle(tri.map(|(x, y)| (egui::vec2(x, y), half)));
            }
            for x in 1..5 {
                assert!(
                    [half, Color32::TRANSPARENT].contains(&c.pixels[6 + x]),
                    "pixel ({x}, 1) blended more than once: {:?}",
                    c.pixels[6 + x]
                );
            }
        }
    }

    #[test]
    fn corners_far_off_or_not_numbers_draw_nothing_and_do_not_panic() {
        let red = Color32::RED;
        let mut c = canvas(4, 4);
        for far in [1e7, -1e30, f32::INFINITY, f32::NAN] {
            c.triangle([
                (egui::vec2(0.0, 0.0), red),
                (egui::vec2(far, 0.0), red),
                (egui::vec2(0.0, far), red),
            ]);
        }
        assert!(covered(&c).is_empty());
        // Large but allowed: clipped to the canvas.
        c.triangle([
            (egui::vec2(-9e5, -9e5), red),
            (egui::vec2(9e5, -9e5), red),
            (egui::vec2(0.0, 9e5), red),
        ]);
        assert_eq!(covered(&c).len(), 16);
    }

    #[test]
    fn colours_are_interpolated_and_blended_as_premultiplied_alpha() {
        let mut c = canvas(8, 1);
        let opaque = Color32::from_rgb(0, 0, 0);
        c.triangle([
            (egui::vec2(0.0, -1.0), opaque),
            (egui::vec2(8.0, -1.0), opaque),
            (egui::vec2(0.0, 3.0), opaque),
        ]);
        // A fade from opaque white on the left to transparent on the right.
        let white = Color32::WHITE;
        let clear = Color32::TRANSPARENT;
        c.triangle([
            (egui::vec2(0.0, -10.0), white),
            (egui::vec2(8.0, -10.0), clear),
            (egui::vec2(0.0, 10.0), white),
        ]);
        let first = c.pixels[0];
        assert!(first.r() > 200 && first.a() == 255, "{first:?}");
        // Over the opaque black half, white at coverage w gives w·255 grey, opaque.
        let grey: Vec<u8> = c.pixels[..3].iter().map(Color32::r).collect();
        assert!(grey.windows(2).all(|w| w[0] > w[1]), "fades: {grey:?}");
        assert!(c.pixels[..3].iter().all(|p| p.a() == 255));
    }

    #[test]
    fn a_scissor_is_rounded_like_the_renderers_and_clipped_to_the_screen() {
        let screen = Rect::from_min_size(Pos2::ZERO, egui::vec2(100.0, 50.0));
        let clip = Rect::from_min_max(Pos2::new(10.2, 5.6), Pos2::new(120.0, 20.4));
        let s = Scissor::of(clip, 2.0, screen).expect("on screen");
        assert_eq!(s.min, [20, 11]);
        assert_eq!(
            s.max,
            [200, 41],
            "clipped to the 100-point screen at 2 px/pt"
        );
        assert_eq!(s.size(), [180, 30]);
        assert_eq!(
            s.rect(2.0),
            Rect::from_min_max(Pos2::new(10.0, 5.5), Pos2::new(100.0, 20.5))
        );
        let off = Rect::from_min_size(Pos2::new(200.0, 0.0), egui::vec2(10.0, 10.0));
        assert!(Scissor::of(off, 1.0, screen).is_none());
    }

    #[test]
    fn a_span_holds_the_pixels_whose_centres_it_covers() {
        assert_eq!(pixel_span(0.0, 3.0), (0, 2), "centres 0.5, 1.5, 2.5");
        assert_eq!(pixel_span(0.5, 2.5), (0, 2), "ends on centres count");
        assert_eq!(pixel_span(0.6, 1.4), (1, 0), "no centre inside");
        assert_eq!(pixel_span(-3.2, -0.7), (-3, -2));
    }

    #[test]
    fn textured_or_huge_meshes_are_left_to_the_renderer() {
        let mut mesh = Mesh::default();
        mesh.colored_vertex(Pos2::ZERO, Color32::RED);
        mesh.colored_vertex(Pos2::new(10.0, 0.0), Color32::RED);
        mesh.colored_vertex(Pos2::new(0.0, 10.0), Color32::RED);
        mesh.add_triangle(0, 1, 2);
        let small = Scissor {
            min: [0, 0],
            max: [10, 10],
        };
        assert!(rasterize(&mesh, 1.0, small, MAX_SIDE).is_some());
        let huge = Scissor {
            min: [0, 0],
            max: [4000, 4000],
        };
        assert!(rasterize(&mesh, 1.0, huge, MAX_SIDE).is_none());
        let long = Scissor {
            min: [0, 0],
            max: [3000, 20],
        };
        assert!(rasterize(&mesh, 1.0, long, MAX_SIDE).is_some());
        assert!(
            rasterize(&mesh, 1.0, long, 2048).is_none(),
            "wider than the renderer takes"
        );
        mesh.vertices[1].uv = Pos2::new(0.5, 0.5);
        assert!(
            rasterize(&mesh, 1.0, small, MAX_SIDE).is_none(),
            "samples a texture"
        );
    }
}
