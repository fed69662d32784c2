//! PDF documents from the drawing's shapes (see [`super::vector`]): vector paths for
//! the body, zones and stipple, and real text in the font egui draws with, embedded
//! (a subset), so it can be selected and searched.

use egui::epaint::ClippedShape;
use egui::{Color32, Pos2, Vec2};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Transform};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::vector::{Sink, draw};

/// The proportional font egui lays text out with, for the PDF's text.
fn ui_font() -> Option<Font> {
    let defs = egui::FontDefinitions::default();
    let name = defs
        .families
        .get(&egui::FontFamily::Proportional)?
        .first()?
        .clone();
    let data = defs.font_data.get(&name)?;
    Font::new((*data.font).as_ref().to_vec().into(), data.index)
}

/// A one-page PDF of `size` points (the layout's units) on a page of `page_pt`
/// points (A4 is 595.3 × 841.9), with `background`.
///
/// # Errors
/// The PDF could not be made; the sentence says why.
pub fn to_pdf(
    shapes: &[ClippedShape],
    size: Vec2,
    page_pt: Vec2,
    background: Color32,
) -> Result<Vec<u8>, String> {
    let font = ui_font().ok_or("the interface font could not be embedded")?;
    let mut document = Document::new();
    let settings = PageSettings::from_wh(page_pt.x, page_pt.y).ok_or("the page has no size")?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    surface.push_transform(&Transform::from_scale(
        page_pt.x / size.x,
        page_pt.y / size.y,
    ));
    {
        let mut sink = Pdf {
            surface: &mut surface,
            font,
        };
        let page_rect = vec![
            Pos2::ZERO,
            Pos2::new(size.x, 0.0),
            Pos2::new(size.x, size.y),
            Pos2::new(0.0, size.y),
        ];
        sink.fill(&[page_rect], background);
        draw(shapes, &mut sink);
    }
    surface.pop();
    surface.finish();
    page.finish();
    document
        .finish()
        .map_err(|e| format!("cannot make the PDF: {e:?}"))
}

struct Pdf<'a, 'b> {
    surface: &'a mut Surface<'b>,
    font: Font,
}

fn colour_of(c: Color32) -> (rgb::Color, NormalizedF32) {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    (
        rgb::Color::new(r, g, b),
        NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
    )
}

/// A solid fill in `colour`.
fn fill_of(colour: Color32) -> Fill {
    let (paint, opacity) = colour_of(colour);
    Fill {
        paint: paint.into(),
        opacity,
        rule: FillRule::NonZero,
    }
}

fn polyline(pb: &mut PathBuilder, points: &[Pos2], closed: bool) {
    for (i, p) in points.iter().enumerate() {
        if i == 0 {
            pb.move_to(p.x, p.y);
        } else {
            pb.line_to(p.x, p.y);
        }
    }
    if closed {
        pb.close();
    }
}

impl Sink for Pdf<'_, '_> {
    fn fill(&mut self, polygons: &[Vec<Pos2>], colour: Color32) {
        let mut pb = PathBuilder::new();
        for p in polygons {
            polyline(&mut pb, p, true);
        }
        let Some(path) = pb.finish() else { return };
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(fill_of(colour)));
        self.surface.draw_path(&path);
    }

    fn stroke(&mut self, points: &[Pos2], closed: bool, width: f32, colour: Color32) {
        let mut pb = PathBuilder::new();
        polyline(&mut pb, points, closed);
        let Some(path) = pb.finish() else { return };
        let (paint, opacity) = colour_of(colour);
        self.surface.set_fill(None);
        self.surface.set_stroke(Some(Stroke {
            paint: paint.into(),
            width,
            opacity,
            line_cap: LineCap::Round,
            line_join: LineJoin::Round,
            ..Default::default()
        }));
        self.surface.draw_path(&path);
        self.surface.set_stroke(None);
    }

    fn circle(&mut self, centre: Pos2, radius: f32, fill: Color32, stroke: Option<(f32, Color32)>) {
        // Four cubic arcs (the usual 0.5523 handle length).
        let k = 0.552_284_8 * radius;
        let (x, y, r) = (centre.x, centre.y, radius);
        let mut pb = PathBuilder::new();
        pb.move_to(x + r, y);
        pb.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
        pb.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
        pb.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
        pb.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
        pb.close();
        let Some(path) = pb.finish() else { return };
        self.surface.set_fill((fill.a() > 0).then(|| fill_of(fill)));
        self.surface.set_stroke(stroke.map(|(width, c)| {
            let (paint, opacity) = colour_of(c);
            Stroke {
                paint: paint.into(),
                width,
                opacity,
                ..Default::default()
            }
        }));
        self.surface.draw_path(&path);
        self.surface.set_stroke(None);
    }

    fn text(&mut self, origin: Pos2, text: &str, size: f32, _width: f32, colour: Color32) {
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(fill_of(colour)));
        self.surface.draw_text(
            Point::from_xy(origin.x, origin.y),
            self.font.clone(),
            size,
            text,
            false,
            TextDirection::Auto,
        );
    }
}
