//! What every target shares: the embedded atlas, loaded once, and the drawing work
//! the window does with a shape the first time it shows it.

#![allow(dead_code, reason = "each target uses a part")]

use std::sync::OnceLock;

use trigger_atlas::geometry::Tessellation;
use trigger_atlas::io::load_atlas;
use trigger_atlas::model::Atlas;

/// The embedded atlas, as the window loads it (once per process).
pub fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| load_atlas(None).atlas)
}

/// The input as the loader sees it: files that are not UTF-8 are refused before any
/// parser runs (`read_text`), so they are not worth keeping in the corpus.
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Screen points per body unit: a small figure, a screen-sized one and a zoomed one.
/// Triangles (and the simplified outlines) are made when a shape is first drawn, at
/// the size it is drawn.
pub const SCALES: [f32; 3] = [0.3, 1.5, 50.0];

/// Triangulates `tess` at every scale, as drawing does, and checks that each triangle
/// list indexes the outline it came with (egui's mesh would panic otherwise).
pub fn triangulate_every_size(tess: &Tessellation) {
    for scale in SCALES {
        let (outline, triangles) = tess.for_scale(scale);
        assert_eq!(triangles.len() % 3, 0, "a triangle list of whole triangles");
        assert!(
            triangles.iter().all(|&i| (i as usize) < outline.len()),
            "triangle indices within the outline"
        );
    }
}
