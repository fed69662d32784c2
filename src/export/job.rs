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

/// Draws `export` as an SVG document: the same layout and drawing as [`render`],
/// written as vector paths and text instead of pixels.
#[must_use]
pub fn render_svg(atlas: &Atlas, export: &Export) -> String {
    match export {
        Export::Figure {
            spec,
            size_px,
            dark,
        } => {
            let theme = Theme::for_dark_mode(*dark);
            let size = egui::vec2(size_px[0] as f32, size_px[1] as f32);
            let shapes =
                super::svg::shapes_for(size, *dark, |ui| figure_ui(ui, atlas, &theme, spec));
            super::svg::to_svg(&shapes, size, theme.canvas)
        }
        Export::Handout { spec, paper } => {
            let theme = Theme::light();
            let [w, h] = paper.pixels();
            let size = egui::vec2(w as f32, h as f32);
            let shapes =
                super::svg::shapes_for(size, false, |ui| handout_ui(ui, atlas, &theme, spec));
            super::svg::to_svg(&shapes, size, egui::Color32::WHITE)
        }
    }
}
