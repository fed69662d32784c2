//! SVG documents from the drawing's shapes (see [`super::vector`]).

use std::fmt::Write as _;

use egui::epaint::ClippedShape;
use egui::{Color32, Pos2, Vec2};

use super::vector::{Sink, draw};

pub use super::vector::shapes_for;

/// An SVG document of `size` points with `background`, drawing `shapes`: meshes as
/// one path per colour (so no seams show between their triangles), lines, circles,
/// and text as text (selectable in a viewer, searchable).
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
    let mut sink = Svg(out);
    draw(shapes, &mut sink);
    let mut out = sink.0;
    out.push_str("</svg>\n");
    out
}

struct Svg(String);

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

fn num(v: f32) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn points_d(d: &mut String, points: &[Pos2], closed: bool) {
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
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl Sink for Svg {
    fn fill(&mut self, polygons: &[Vec<Pos2>], colour: Color32) {
        let mut d = String::new();
        for p in polygons {
            points_d(&mut d, p, true);
        }
        let _ = writeln!(self.0, r#"<path d="{d}" {}/>"#, paint("fill", colour));
    }

    fn stroke(&mut self, points: &[Pos2], closed: bool, width: f32, colour: Color32) {
        let mut d = String::new();
        points_d(&mut d, points, closed);
        let _ = writeln!(
            self.0,
            r#"<path d="{d}" fill="none" {} stroke-width="{}" stroke-linejoin="round" stroke-linecap="round"/>"#,
            paint("stroke", colour),
            num(width)
        );
    }

    fn circle(&mut self, centre: Pos2, radius: f32, fill: Color32, stroke: Option<(f32, Color32)>) {
        let fill = if fill.a() > 0 {
            paint("fill", fill)
        } else {
            r#"fill="none""#.to_owned()
        };
        let stroke = stroke.map_or(String::new(), |(w, c)| {
            format!(r#" {} stroke-width="{}""#, paint("stroke", c), num(w))
        });
        let _ = writeln!(
            self.0,
            r#"<circle cx="{}" cy="{}" r="{}" {fill}{stroke}/>"#,
            num(centre.x),
            num(centre.y),
            num(radius)
        );
    }

    fn text(&mut self, origin: Pos2, text: &str, size: f32, width: f32, colour: Color32) {
        // The width egui measured, so a viewer with another font still fits the text
        // where the layout put it.
        let _ = writeln!(
            self.0,
            r#"<text x="{}" y="{}" textLength="{}" lengthAdjust="spacingAndGlyphs" font-family="Ubuntu, 'Noto Sans', sans-serif" font-size="{}" {}>{}</text>"#,
            num(origin.x),
            num(origin.y),
            num(width),
            num(size),
            paint("fill", colour),
            escape(text)
        );
    }
}
