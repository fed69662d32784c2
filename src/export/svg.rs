//! Vector output: the shapes the drawing layer gives egui, written as an SVG document
//! instead of being tessellated for the screen. One drawing, no second copy of the
//! body: the figure is laid out by the same code as the window and the PNG export.

use std::fmt::Write as _;

use egui::epaint::{ClippedShape, ColorMode, Shape};
use egui::{Color32, Pos2, Vec2};

/// Runs `ui` in a fresh context at `size_points` (twice, as the PNG export does: the
/// first pass measures text) and returns the shapes it painted.
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

/// An SVG document of `size` points with `background`, drawing `shapes`: filled
/// meshes as one path each (so no seams show between their triangles), lines,
/// circles, rectangles, and text as text (selectable in a viewer, searchable).
#[must_use]
pub fn to_svg(shapes: &[ClippedShape], size: Vec2, background: Color32) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">"#,
        w = size.x,
        h = size.y
    );
    let _ = writeln!(
        out,
        r#"<rect width="100%" height="100%" {}/>"#,
        paint("fill", background)
    );
    for clipped in shapes {
        shape_svg(&mut out, &clipped.shape);
    }
    out.push_str("</svg>\n");
    out
}

/// `fill="#rrggbb" fill-opacity="a"` for a colour (egui's colours are premultiplied).
fn paint(attr: &str, colour: Color32) -> String {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    if a == 255 {
        format!(r##"{attr}="#{r:02x}{g:02x}{b:02x}""##)
    } else {
        format!(
            r##"{attr}="#{r:02x}{g:02x}{b:02x}" {attr}-opacity="{:.3}""##,
            f32::from(a) / 255.0
        )
    }
}

fn visible(c: Color32) -> bool {
    c.a() > 0
}

fn num(v: f32) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn points_d(points: &[Pos2], closed: bool) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{} {} ",
            if i == 0 { 'M' } else { 'L' },
            num(p.x),
            num(p.y)
        );
    }
    if closed {
        d.push('Z');
    }
    d
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn shape_svg(out: &mut String, shape: &Shape) {
    match shape {
        Shape::Vec(shapes) => {
            for s in shapes {
                shape_svg(out, s);
            }
        }
        Shape::Mesh(mesh) => {
            // Triangles grouped by colour, each group one path. The fringe egui adds
            // for anti-aliasing (triangles fading to transparent) is left out: an SVG
            // viewer smooths the edges itself.
            let mut groups: Vec<(Color32, String)> = Vec::new();
            for t in mesh.indices.chunks_exact(3) {
                let v = [t[0], t[1], t[2]].map(|i| mesh.vertices[i as usize]);
                let colour = v[0].color;
                if !visible(colour) || v[1].color != colour || v[2].color != colour {
                    continue;
                }
                let d = points_d(&[v[0].pos, v[1].pos, v[2].pos], true);
                match groups.iter_mut().find(|(c, _)| *c == colour) {
                    Some((_, path)) => path.push_str(&d),
                    None => groups.push((colour, d)),
                }
            }
            for (colour, d) in groups {
                let _ = writeln!(out, r#"<path d="{d}" {}/>"#, paint("fill", colour));
            }
        }
        Shape::Path(path) => {
            let d = points_d(&path.points, path.closed);
            let fill = if path.closed && visible(path.fill) {
                paint("fill", path.fill)
            } else {
                r#"fill="none""#.to_owned()
            };
            let stroke = match path.stroke.color {
                ColorMode::Solid(c) if visible(c) && path.stroke.width > 0.0 => format!(
                    r#" {} stroke-width="{}" stroke-linejoin="round" stroke-linecap="round""#,
                    paint("stroke", c),
                    num(path.stroke.width)
                ),
                _ => String::new(),
            };
            let _ = writeln!(out, r#"<path d="{d}" {fill}{stroke}/>"#);
        }
        Shape::LineSegment { points, stroke } if visible(stroke.color) => {
            let _ = writeln!(
                out,
                r#"<path d="{}" fill="none" {} stroke-width="{}" stroke-linecap="round"/>"#,
                points_d(points, false),
                paint("stroke", stroke.color),
                num(stroke.width)
            );
        }
        Shape::Circle(c) => {
            let fill = if visible(c.fill) {
                paint("fill", c.fill)
            } else {
                r#"fill="none""#.to_owned()
            };
            let stroke = if visible(c.stroke.color) && c.stroke.width > 0.0 {
                format!(
                    r#" {} stroke-width="{}""#,
                    paint("stroke", c.stroke.color),
                    num(c.stroke.width)
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}" {fill}{stroke}/>"#,
                num(c.center.x),
                num(c.center.y),
                num(c.radius)
            );
        }
        Shape::Rect(r) => {
            let fill = if visible(r.fill) {
                paint("fill", r.fill)
            } else {
                r#"fill="none""#.to_owned()
            };
            let stroke = if visible(r.stroke.color) && r.stroke.width > 0.0 {
                format!(
                    r#" {} stroke-width="{}""#,
                    paint("stroke", r.stroke.color),
                    num(r.stroke.width)
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" {fill}{stroke}/>"#,
                num(r.rect.min.x),
                num(r.rect.min.y),
                num(r.rect.width()),
                num(r.rect.height()),
                num(f32::from(r.corner_radius.nw)),
            );
        }
        Shape::Text(text) => {
            for row in &text.galley.rows {
                let s: String = row.glyphs.iter().map(|g| g.chr).collect();
                if s.trim().is_empty() {
                    continue;
                }
                let Some(first) = row.glyphs.first() else {
                    continue;
                };
                let colour = row
                    .visuals
                    .mesh
                    .vertices
                    .get(first.first_vertex as usize)
                    .map(|v| v.color)
                    .filter(|c| *c != Color32::PLACEHOLDER)
                    .or(text.override_text_color)
                    .unwrap_or(text.fallback_color);
                let origin = text.pos + row.pos.to_vec2();
                // The width egui measured, so a viewer with another font still fits
                // the text where the layout put it.
                let width = row
                    .glyphs
                    .last()
                    .map_or(0.0, |g| g.pos.x + g.advance_width - first.pos.x);
                let _ = writeln!(
                    out,
                    r#"<text x="{}" y="{}" textLength="{}" lengthAdjust="spacingAndGlyphs" font-family="Ubuntu, 'Noto Sans', sans-serif" font-size="{}" {}>{}</text>"#,
                    num(origin.x + first.pos.x),
                    num(origin.y + first.pos.y),
                    num(width),
                    num(text
                        .galley
                        .job
                        .sections
                        .first()
                        .map_or(first.font_height, |s| s.format.font_id.size)),
                    paint("fill", colour),
                    escape(&s)
                );
            }
        }
        _ => {}
    }
}
