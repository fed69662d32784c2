//! One way to make an export, for the window's Export dialog and the command line
//! alike: describe it as an [`Export`], render it offscreen, save it.

use std::path::Path;

use image::RgbaImage;

use super::{
    FigureSpec, HandoutSpec, OffscreenRenderer, Paper, ReportSpec, figure_ui, handout_ui, report_ui,
};
use crate::model::Atlas;
use crate::theme::Theme;

/// Something to render: a figure of the atlas or a patient handout.
#[derive(Clone, Debug, PartialEq)]
pub enum Export {
    /// A picture of one or more views, in the window's light or dark theme.
    Figure {
        spec: FigureSpec,
        size_px: [u32; 2],
        dark: bool,
    },
    /// A printable page, always in the light theme.
    Handout { spec: HandoutSpec, paper: Paper },
    /// The one-page report of a pain drawing, light theme.
    Report { spec: ReportSpec, paper: Paper },
}

impl Export {
    /// The printed page's paper, if it is one.
    #[must_use]
    pub fn paper(&self) -> Option<Paper> {
        match self {
            Export::Figure { .. } => None,
            Export::Handout { paper, .. } | Export::Report { paper, .. } => Some(*paper),
        }
    }
}

/// Paints a printed page (handout or report) over the whole of `ui`.
fn page_ui(ui: &mut egui::Ui, atlas: &Atlas, export: &Export) {
    let theme = Theme::light();
    match export {
        Export::Handout { spec, .. } => handout_ui(ui, atlas, &theme, spec),
        Export::Report { spec, .. } => report_ui(ui, atlas, &theme, spec),
        Export::Figure { .. } => {}
    }
}

/// Renders `export` with `renderer`.
///
/// # Errors
/// The GPU failed or timed out; the sentence says so.
pub fn render(
    renderer: &mut OffscreenRenderer,
    atlas: &Atlas,
    export: &Export,
) -> Result<RgbaImage, String> {
    match export {
        Export::Figure {
            spec,
            size_px,
            dark,
        } => {
            let theme = Theme::for_dark_mode(*dark);
            renderer.render(*size_px, 1.0, *dark, theme.canvas, |ui| {
                figure_ui(ui, atlas, &theme, spec);
            })
        }
        Export::Handout { paper, .. } | Export::Report { paper, .. } => {
            renderer.render(paper.pixels(), 1.0, false, egui::Color32::WHITE, |ui| {
                page_ui(ui, atlas, export);
            })
        }
    }
}

/// Renders `export` and writes it to `path` as PNG, through a temporary file and a
/// rename.
///
/// # Errors
/// Rendering or writing failed; the sentence says which.
pub fn save(
    renderer: &mut OffscreenRenderer,
    atlas: &Atlas,
    export: &Export,
    path: &Path,
) -> Result<(), String> {
    let image = render(renderer, atlas, export)?;
    // A handout records its print resolution; a picture for the screen does not.
    let dpi = export.paper().map(|_| crate::export::HANDOUT_DPI);
    crate::io::write_atomically(path, &crate::io::encode_png(&image, dpi)?)
}

/// The file formats exports are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Pixels (handouts and reports record 150 dpi).
    Png,
    /// Vector paths and text, for slides.
    Svg,
    /// Vector paths and embedded, selectable text; printed pages at the paper's size.
    Pdf,
}

impl Format {
    /// The file name extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Pdf => "pdf",
        }
    }

    /// The format a file name asks for, if it names one.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        [Format::Png, Format::Svg, Format::Pdf]
            .into_iter()
            .find(|f| f.extension() == ext)
    }

    /// The name of the format in capitals ("PDF").
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Png => "PNG",
            Format::Svg => "SVG",
            Format::Pdf => "PDF",
        }
    }
}

/// Writes `export` to `path` in `format`, through a temporary file and a rename. PNG
/// needs the offscreen renderer, started in `renderer` on first use and kept there;
/// SVG and PDF are written from the drawing's shapes without one.
///
/// # Errors
/// Rendering or writing failed; the sentence says which.
pub fn save_as(
    renderer: &mut Option<OffscreenRenderer>,
    atlas: &Atlas,
    export: &Export,
    format: Format,
    path: &Path,
) -> Result<(), String> {
    match format {
        Format::Svg => crate::io::write_atomically(path, render_svg(atlas, export).as_bytes()),
        Format::Pdf => crate::io::write_atomically(path, &render_pdf(atlas, export)?),
        Format::Png => {
            if renderer.is_none() {
                *renderer = Some(OffscreenRenderer::new()?);
            }
            let renderer = renderer.as_mut().ok_or("no renderer")?;
            save(renderer, atlas, export, path)
        }
    }
}

/// The shapes `export` paints, its size in layout points, and its background.
fn vector_shapes(
    atlas: &Atlas,
    export: &Export,
) -> (Vec<egui::epaint::ClippedShape>, egui::Vec2, egui::Color32) {
    match export {
        Export::Figure {
            spec,
            size_px,
            dark,
        } => {
            let theme = Theme::for_dark_mode(*dark);
            let size = egui::vec2(size_px[0] as f32, size_px[1] as f32);
            let shapes =
                super::vector::shapes_for(size, *dark, |ui| figure_ui(ui, atlas, &theme, spec));
            (shapes, size, theme.canvas)
        }
        Export::Handout { paper, .. } | Export::Report { paper, .. } => {
            let [w, h] = paper.pixels();
            let size = egui::vec2(w as f32, h as f32);
            let shapes = super::vector::shapes_for(size, false, |ui| page_ui(ui, atlas, export));
            (shapes, size, egui::Color32::WHITE)
        }
    }
}

/// Draws `export` as an SVG document: the same layout and drawing as [`render`],
/// written as vector paths and text instead of pixels.
#[must_use]
pub fn render_svg(atlas: &Atlas, export: &Export) -> String {
    let (shapes, size, background) = vector_shapes(atlas, export);
    super::svg::to_svg(&shapes, size, background)
}

/// Draws `export` as a one-page PDF: vector paths and embedded, selectable text. A
/// handout's page is its paper's true size; a figure's is 0.75 pt per pixel (96 dpi).
///
/// # Errors
/// The PDF could not be made.
pub fn render_pdf(atlas: &Atlas, export: &Export) -> Result<Vec<u8>, String> {
    let (shapes, size, background) = vector_shapes(atlas, export);
    let page = export.paper().map_or(size * 0.75, Paper::points);
    super::pdf::to_pdf(&shapes, size, page, background)
}
