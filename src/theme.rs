//! Every colour and stroke proportion of the body drawing, in one place, shared by the
//! screen and the exports. UI code asks the theme; it never invents colours (the
//! crate's clippy.toml bans colour constructors everywhere else).
#![expect(
    clippy::disallowed_methods,
    reason = "the theme is the one place colours are made"
)]

use egui::Color32;

/// Colours for comparing several patterns: the Okabe-Ito palette, chosen to stay
/// distinguishable with the common colour-vision deficiencies.
pub const OVERLAY_PALETTE: [Color32; 6] = [
    Color32::from_rgb(213, 94, 0),    // vermillion
    Color32::from_rgb(0, 114, 178),   // blue
    Color32::from_rgb(0, 158, 115),   // bluish green
    Color32::from_rgb(204, 121, 167), // reddish purple
    Color32::from_rgb(230, 159, 0),   // orange
    Color32::from_rgb(86, 180, 233),  // sky blue
];

/// The names of [`OVERLAY_PALETTE`]'s colours, for screen readers and captions.
pub const OVERLAY_NAMES: [&str; 6] = [
    "vermillion",
    "blue",
    "bluish green",
    "reddish purple",
    "orange",
    "sky blue",
];

/// The name of an overlay colour ("blue"), or "" for another colour.
#[must_use]
pub fn overlay_name(colour: Color32) -> &'static str {
    OVERLAY_PALETTE
        .iter()
        .position(|c| *c == colour)
        .map_or("", |i| OVERLAY_NAMES[i])
}

/// Colours and line proportions for the body canvas. Hashed whole (every field), so
/// a drawing cached for one theme is never shown in another.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Theme {
    pub canvas: Color32,
    pub skin: Color32,
    pub outline: Color32,
    pub detail: Color32,
    pub faint: Color32,
    /// All muscles, unselected: a cool tint so they never read as pain (which is red).
    pub muscle_fill: Color32,
    pub muscle_line: Color32,
    pub muscle_hover_fill: Color32,
    pub selected_fill: Color32,
    pub selected_line: Color32,
    /// Essential zone: solid, saturated and dark enough to read as "dark" in greyscale.
    pub essential: Color32,
    /// Spillover zone: a pale wash plus dots, light in greyscale and textured.
    pub spillover_wash: Color32,
    pub spillover_dot: Color32,
    pub trigger_point: Color32,
    pub trigger_halo: Color32,
    pub label: Color32,
    pub side_label: Color32,
    /// Pain-finder marks: violet, a hue no zone uses.
    pub mark_fill: Color32,
    pub mark_line: Color32,
    /// Line widths in body units (scaled with the drawing), with a floor in points.
    pub outline_width: Width,
    pub detail_width: Width,
    pub min_line_px: Width,
}

/// A length that is hashed by its bits, so a [`Theme`] can be a cache key.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Width(pub f32);

impl std::hash::Hash for Width {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

impl Theme {
    /// The default light theme: a neutral figure on an off-white page, like a textbook.
    #[must_use]
    pub fn light() -> Self {
        Self {
            canvas: Color32::from_rgb(250, 249, 246),
            skin: Color32::from_rgb(238, 232, 226),
            outline: Color32::from_rgb(52, 50, 48),
            detail: Color32::from_rgb(120, 112, 106),
            faint: Color32::from_rgb(178, 168, 160),
            muscle_fill: Color32::from_rgba_unmultiplied(60, 110, 160, 16),
            muscle_line: Color32::from_rgba_unmultiplied(60, 110, 160, 95),
            muscle_hover_fill: Color32::from_rgba_unmultiplied(40, 110, 180, 70),
            selected_fill: Color32::from_rgba_unmultiplied(30, 100, 170, 95),
            selected_line: Color32::from_rgb(22, 82, 150),
            essential: Color32::from_rgb(196, 30, 36),
            spillover_wash: Color32::from_rgba_unmultiplied(214, 60, 60, 40),
            spillover_dot: Color32::from_rgb(196, 30, 36),
            trigger_point: Color32::from_rgb(15, 15, 15),
            trigger_halo: Color32::from_rgb(255, 255, 255),
            label: Color32::from_rgb(60, 60, 60),
            side_label: Color32::from_rgb(22, 82, 150),
            mark_fill: Color32::from_rgba_unmultiplied(110, 60, 170, 90),
            mark_line: Color32::from_rgb(92, 40, 150),
            outline_width: Width(1.7),
            detail_width: Width(0.9),
            min_line_px: Width(1.0),
        }
    }

    /// A dark variant for dim rooms.
    #[must_use]
    pub fn dark() -> Self {
        Self {
            canvas: Color32::from_rgb(30, 31, 34),
            skin: Color32::from_rgb(72, 70, 68),
            outline: Color32::from_rgb(225, 222, 218),
            detail: Color32::from_rgb(170, 164, 158),
            faint: Color32::from_rgb(120, 116, 112),
            muscle_fill: Color32::from_rgba_unmultiplied(120, 170, 230, 30),
            muscle_line: Color32::from_rgba_unmultiplied(120, 170, 230, 120),
            muscle_hover_fill: Color32::from_rgba_unmultiplied(120, 170, 230, 80),
            selected_fill: Color32::from_rgba_unmultiplied(110, 170, 240, 100),
            selected_line: Color32::from_rgb(140, 190, 250),
            essential: Color32::from_rgb(235, 64, 52),
            spillover_wash: Color32::from_rgba_unmultiplied(235, 80, 70, 45),
            spillover_dot: Color32::from_rgb(245, 110, 96),
            trigger_point: Color32::from_rgb(255, 255, 255),
            trigger_halo: Color32::from_rgb(20, 20, 20),
            label: Color32::from_rgb(215, 215, 215),
            side_label: Color32::from_rgb(140, 190, 250),
            mark_fill: Color32::from_rgba_unmultiplied(190, 140, 255, 90),
            mark_line: Color32::from_rgb(200, 160, 255),
            ..Self::light()
        }
    }

    /// For projectors: pure white page, black outlines, thick strokes and a deeper
    /// red, so the drawing survives a washed-out image at the back of a hall.
    #[must_use]
    pub fn projector() -> Self {
        Self {
            canvas: Color32::WHITE,
            skin: Color32::from_rgb(236, 229, 222),
            outline: Color32::BLACK,
            detail: Color32::from_rgb(70, 66, 62),
            faint: Color32::from_rgb(120, 114, 108),
            essential: Color32::from_rgb(180, 0, 20),
            spillover_wash: Color32::from_rgba_unmultiplied(200, 30, 40, 60),
            spillover_dot: Color32::from_rgb(170, 0, 18),
            selected_line: Color32::from_rgb(0, 70, 160),
            side_label: Color32::from_rgb(0, 70, 160),
            label: Color32::BLACK,
            outline_width: Width(2.8),
            detail_width: Width(1.5),
            min_line_px: Width(2.0),
            ..Self::light()
        }
    }

    /// The theme matching egui's dark or light mode.
    #[must_use]
    pub fn for_dark_mode(dark: bool) -> Self {
        if dark { Self::dark() } else { Self::light() }
    }

    /// The theme for the current preferences: projector wins over dark and light.
    #[must_use]
    pub fn for_preferences(dark: bool, projector: bool) -> Self {
        if projector {
            Self::projector()
        } else {
            Self::for_dark_mode(dark)
        }
    }
}
