//! Vector output: the shapes the drawing layer gives egui, written as SVG or PDF
//! instead of being tessellated for the screen. One drawing, no second copy of the
//! body: the figure or handout is laid out by the same code as the window and the PNG
//! export, then each shape is handed to a [`Sink`] (SVG text, PDF page).

use egui::epaint::{ClippedShape, ColorMode, Shape};
use egui::{Color32, Pos2, Vec2};

/// Runs `ui` in a fresh context at `size_points` (twice, as the PNG export does: the
/// first pass measures text) and returns the shapes it painted, with the body drawn
/// as shapes rather than kept meshes (so dots stay circles).
pub fn shapes_for(
    size_points: Vec2,
    dark: bool,
    mut ui: impl FnMut(&mut egui::Ui),
) -> Vec<ClippedShape> {
    let ctx = egui::Context::default();
    crate::draw::mesh_cache::set_vector_output(&ctx, true);
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(Pos2::ZERO, size_points)),
        ..Default::default()
    };
    let mut first = ctx.run_ui(input(), |root| ui(root));
    first.textures_delta.clear();
    let mut second = ctx.run_ui(input(), |root| ui(root));
    second.textures_delta.clear();
    second.shapes
}

/// Where the shapes go: an SVG document or a PDF page.
pub trait Sink {
    /// Fills these polygons (triangles of a mesh, or one closed outline) in `colour`.
    fn fill(&mut self, polygons: &[Vec<Pos2>], colour: Color32);
    /// Strokes a line through `points` (closed: back to the first).
    fn stroke(&mut self, points: &[Pos2], closed: bool, width: f32, colour: Color32);
    /// A circle, filled and/or outlined.
    fn circle(&mut self, centre: Pos2, radius: f32, fill: Color32, stroke: Option<(f32, Color32)>);
    /// One line of text, its baseline starting at `origin`, `width` wide as laid out.
    fn text(&mut self, origin: Pos2, text: &str, size: f32, width: f32, colour: Color32);
}

fn visible(c: Color32) -> bool {
    c.a() > 0
}

/// Hands every shape to `sink`.
pub fn draw(shapes: &[ClippedShape], sink: &mut impl Sink) {
    for clipped in shapes {
        draw_shape(&clipped.shape, sink);
    }
}

fn draw_shape(drawn: &Shape, sink: &mut impl Sink) {
    match drawn {
        Shape::Vec(shapes) => {
            for s in shapes {
                draw_shape(s, sink);
            }
        }
        Shape::Mesh(mesh) => {
            // Triangles grouped by colour. The fringe egui adds for anti-aliasing
            // (triangles fading to transparent) is left out: viewers smooth edges.
            let mut groups: Vec<(Color32, Vec<Vec<Pos2>>)> = Vec::new();
            for t in mesh.indices.chunks_exact(3) {
                let v = [t[0], t[1], t[2]].map(|i| mesh.vertices[i as usize]);
                let colour = v[0].color;
                if !visible(colour) || v[1].color != colour || v[2].color != colour {
                    continue;
                }
                let tri = vec![v[0].pos, v[1].pos, v[2].pos];
                match groups.iter_mut().find(|(c, _)| *c == colour) {
                    Some((_, list)) => list.push(tri),
                    None => groups.push((colour, vec![tri])),
                }
            }
            for (colour, polygons) in groups {
                sink.fill(&polygons, colour);
            }
        }
        Shape::Path(path) => {
            if path.closed && visible(path.fill) {
                sink.fill(std::slice::from_ref(&path.points), path.fill);
            }
            if let ColorMode::Solid(c) = path.stroke.color
                && visible(c)
                && path.stroke.width > 0.0
            {
                sink.stroke(&path.points, path.closed, path.stroke.width, c);
            }
        }
        Shape::LineSegment { points, stroke } if visible(stroke.color) => {
            sink.stroke(points, false, stroke.width, stroke.color);
        }
        Shape::Circle(c) => {
            let stroke = (visible(c.stroke.color) && c.stroke.width > 0.0)
                .then_some((c.stroke.width, c.stroke.color));
            sink.circle(c.center, c.radius, c.fill, stroke);
        }
        Shape::Rect(r) => {
            let corners = vec![
                r.rect.left_top(),
                r.rect.right_top(),
                r.rect.right_bottom(),
                r.rect.left_bottom(),
            ];
            if visible(r.fill) {
                sink.fill(std::slice::from_ref(&corners), r.fill);
            }
            if visible(r.stroke.color) && r.stroke.width > 0.0 {
                sink.stroke(&corners, true, r.stroke.width, r.stroke.color);
            }
        }
        Shape::Text(text) => {
            let size = text
                .galley
                .job
                .sections
                .first()
                .map(|s| s.format.font_id.size);
            for row in &text.galley.rows {
                let s: String = row.glyphs.iter().map(|g| g.chr).collect();
                let (Some(first), Some(last)) = (row.glyphs.first(), row.glyphs.last()) else {
                    continue;
                };
                if s.trim().is_empty() {
                    continue;
                }
                let colour = row
                    .visuals
                    .mesh
                    .vertices
                    .get(first.first_vertex as usize)
                    .map(|v| v.color)
                    .filter(|c| *c != Color32::PLACEHOLDER)
                    .or(text.override_text_color)
                    .unwrap_or(text.fallback_color);
                let origin = text.pos + row.pos.to_vec2() + first.pos.to_vec2();
                let width = last.pos.x + last.advance_width - first.pos.x;
                sink.text(origin, &s, size.unwrap_or(first.font_height), width, colour);
            }
        }
        _ => {}
    }
}
