//! One way to make an export, for the window's Export dialog and the command line
//! alike: describe it as an [`Export`], render it offscreen, save it.

use std::path::Path;

use image::RgbaImage;

use super::{FigureSpec, HandoutSpec, OffscreenRenderer, Paper, figure_ui, handout_ui};
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
        Export::Handout { spec, paper } => {
            let theme = Theme::light();
            renderer.render(paper.pixels(), 1.0, false, egui::Color32::WHITE, |ui| {
                handout_ui(ui, atlas, &theme, spec);
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
    let dpi = matches!(export, Export::Handout { .. }).then_some(crate::export::HANDOUT_DPI);
    crate::io::write_atomically(path, &crate::io::encode_png(&image, dpi)?)
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
        Export::Handout { spec, paper } => {
            let theme = Theme::light();
            let [w, h] = paper.pixels();
            let size = egui::vec2(w as f32, h as f32);
            let shapes =
                super::vector::shapes_for(size, false, |ui| handout_ui(ui, atlas, &theme, spec));
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
    let page = match export {
        Export::Handout { paper, .. } => paper.points(),
        Export::Figure { .. } => size * 0.75,
    };
    super::pdf::to_pdf(&shapes, size, page, background)
}
