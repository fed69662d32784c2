//! Start-up: what the window needs from the app before and with its first frame, and
//! the warm-up that prepares that frame on another thread while the window opens.

use std::sync::Arc;

use super::AtlasApp;

/// The largest texture the window asks its renderer for. Every renderer takes more
/// (egui's wgpu setup 8192, OpenGL drivers 8192 to 32768); one size for all keeps the
/// font atlas made before the window opened valid (see [`AtlasApp::warm_up`]). egui
/// makes its font atlas this wide: 2048 (egui's own default) holds the start screen's
/// glyphs in 2048 x 32 pixels, where 8192 x 32 took four times the memory, in each
/// of its three copies (egui's, the upload, the driver's), for nothing. The atlas grows
/// in height, to 2048 x 2048, when more text is shown.
pub const MAX_TEXTURE_SIDE: usize = 2048;

/// Settings of the real window (the tests' harness leaves them all off).
#[derive(Default)]
pub struct Startup {
    /// Start-up and idle measurements (see [`crate::window::probe`]); `None` normally.
    pub probe: Option<crate::window::probe::FrameProbe>,
    /// The window clears itself to the canvas colour (see `clear_color`), so the
    /// panels need not paint their backgrounds: on a machine without a GPU every
    /// painted pixel costs. Off in tests, whose renderer clears to transparent.
    pub window_clears_canvas: bool,
    /// The window's icon, to give the window with its first frame (on X11, where
    /// setting it before the window opens delays the first frame by 15 ms).
    pub window_icon: Option<Arc<egui::IconData>>,
    /// The window reads the data folder only once its first frame is on screen, so
    /// that frame is not slowed (tests read it at once).
    pub folder_after_first_frame: bool,
    /// A lesson file given at start, begun once the data folder has been read (it may
    /// name the folder's muscles).
    pub lesson_after_load: Option<std::path::PathBuf>,
}

impl AtlasApp {
    /// Runs the window's UI on `ctx` before the window is there, on a thread of its
    /// own while the main thread opens the window: text is laid out, every glyph it
    /// needs rasterised into the font atlas, and the body drawings tessellated into
    /// the mesh cache, so the first real frame finds them ready.
    ///
    /// `size` is the window's size in points. Text is laid out for a font texture of
    /// at most [`MAX_TEXTURE_SIDE`] (the window holds every renderer to it, see
    /// `raw_input_hook`) at one pixel per point; on a screen with more pixels per point
    /// the first frame lays out and tessellates again, as it would have anyway.
    /// Nothing these passes paint is shown; the textures they made are handed to the
    /// renderer with the first real frame.
    pub fn warm_up(&mut self, ctx: &egui::Context, size: [f32; 2]) {
        let input = || egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(size[0], size[1]),
            )),
            max_texture_side: Some(MAX_TEXTURE_SIDE),
            // eframe starts its clock from the context's time when the window opens.
            time: Some(0.0),
            ..Default::default()
        };
        // Two passes, as egui settles a new layout over two (panels and scroll areas
        // measure themselves first); measured in the window, after one warm-up pass
        // the first frame's UI still took 7-9 ms, after two under 1 ms.
        // The second pass has the first frame's layout: its body drawings are also
        // made into pictures (see `draw::picture`), so a software renderer draws one
        // textured rectangle per panel instead of thousands of triangles.
        let mut uploads = egui::TexturesDelta::default();
        for pass in 0..2 {
            let mut output = crate::draw::picture::making_pictures(ctx, pass == 1, || {
                ctx.run_ui(input(), |ui| self.ui_root(ui))
            });
            uploads.append(std::mem::take(&mut output.textures_delta));
        }
        // Those uploads went nowhere: queue them again for the first real frame. The
        // font atlas goes whole, as it is now; any other texture still alive gets its
        // updates again, in order.
        #[expect(
            clippy::redundant_closure_for_method_calls,
            reason = "the method path does not satisfy the higher-ranked lifetime"
        )]
        let atlas = ctx.fonts(|f| f.image());
        let font = egui::TextureId::default();
        let textures = ctx.tex_manager();
        let mut textures = textures.write();
        for (id, deltas) in std::mem::take(&mut uploads.set) {
            if id != font && textures.meta(id).is_some() {
                for delta in deltas {
                    textures.set(id, delta);
                }
            }
        }
        uploads.clear();
        if textures.meta(font).is_some() {
            textures.set(
                font,
                egui::epaint::ImageDelta::full(atlas, egui::TextureOptions::LINEAR),
            );
        }
    }
}
