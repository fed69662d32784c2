//! Pictures of panel drawings, drawn on the CPU while the window opens.
//!
//! On a computer without a graphics card the CPU also rasterises every frame, and a
//! panel's body drawing (some 16,000 thin, anti-aliased triangles on the start
//! screen) was the dearest part of the first frame: about 11 ms of it, and more than
//! half of every later frame of the start screen. The warm-up pass that runs while
//! the window opens (`app::AtlasApp::warm_up`) therefore asks for pictures: each
//! panel's cached mesh is rasterised here, the way the GPU would rasterise it, into
//! an image covering the panel's clip rectangle in physical pixels. Until the
//! drawing changes (a hover, a selection, a resize, a new theme) the panel shows that
//! image, one textured rectangle, instead of the mesh. Then the mesh takes over, and
//! the picture is dropped a few passes later.
//!
//! The rasteriser ([`super::raster`]) follows the rules egui's renderers run on the GPU (pixel centres,
//! OpenGL's fill rule for pixels on an edge, vertices snapped to 1/256 pixel, the
//! scissor rectangle rounded to pixels, colours interpolated in gamma space and
//! blended as premultiplied alpha, every blend rounded to 8 bits), so the picture
//! and the mesh give the same pixels to within a level or two of rounding; a test
//! renders both and compares them.

use std::collections::HashMap;
use std::hash::{Hash as _, Hasher as _};

use egui::{Color32, Mesh, Painter, Pos2, Rect, TextureHandle, TextureId};

use super::raster::{Scissor, rasterize};

/// Pictures unused for this many passes are dropped.
const KEEP_PASSES: u64 = 4;

/// Nor wider or taller than this: the warm-up runs before the renderer has said how
/// large a texture it takes, and every graphics card of the last fifteen years
/// takes 4096.
const MAX_SIDE: usize = 4096;

#[derive(Clone, Default)]
struct Pictures {
    /// Make pictures of the drawings painted while this is set.
    preparing: bool,
    entries: HashMap<u64, Picture>,
    /// How many pictures were made since the context began (tests read it).
    made: u64,
}

#[derive(Clone)]
struct Picture {
    texture: TextureHandle,
    /// Where it goes, in points: the clip rectangle rounded to whole pixels.
    rect: Rect,
    used: u64,
}

fn pictures_id() -> egui::Id {
    egui::Id::unique("trigger_atlas::pictures")
}

/// Runs `pass` with picture making `on`: while it runs, drawings painted through
/// [`paint_mesh`] are also made into pictures and shown as such. The warm-up pass
/// turns this on for the layout the first frame will have. The setting is put back
/// when `pass` returns (or panics), so no later frame makes pictures by mistake.
pub fn making_pictures<R>(ctx: &egui::Context, on: bool, pass: impl FnOnce() -> R) -> R {
    struct Restore<'a> {
        ctx: &'a egui::Context,
        was: bool,
    }
    impl Drop for Restore<'_> {
        fn drop(&mut self) {
            set_preparing(self.ctx, self.was);
        }
    }
    let was = ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Pictures>(pictures_id())
            .preparing
    });
    set_preparing(ctx, on);
    let _restore = Restore { ctx, was };
    pass()
}

fn set_preparing(ctx: &egui::Context, on: bool) {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Pictures>(pictures_id())
            .preparing = on;
    });
}

/// Drops the pictures no panel used for [`KEEP_PASSES`] passes; called once a pass,
/// so they go even when no panel is painted any more.
pub fn forget_unused(ctx: &egui::Context) {
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Pictures>(pictures_id())
            .entries
            .retain(|_, p| pass.saturating_sub(p.used) < KEEP_PASSES);
    });
}

/// Drops every picture (the tessellation settings changed, so no picture matches
/// what the meshes would now draw).
pub fn forget_all(ctx: &egui::Context) {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Pictures>(pictures_id())
            .entries
            .clear();
    });
}

/// How many pictures were made since `ctx` began.
#[must_use]
pub fn pictures_made(ctx: &egui::Context) -> u64 {
    ctx.data_mut(|d| d.get_temp_mut_or_default::<Pictures>(pictures_id()).made)
}

/// Paints the drawing whose mesh is `key` (see `mesh_cache`) into `painter`: as its
/// picture when there is one for this clip rectangle, else as the mesh `mesh` gives,
/// making a picture of it first inside [`making_pictures`].
pub fn paint_mesh(painter: &Painter, key: u64, mesh: impl FnOnce() -> std::sync::Arc<Mesh>) {
    let ctx = painter.ctx();
    let ppp = ctx.pixels_per_point();
    let Some(scissor) = Scissor::of(painter.clip_rect(), ppp, ctx.viewport_rect()) else {
        return;
    };
    let key = {
        let mut h = std::hash::DefaultHasher::new();
        key.hash(&mut h);
        scissor.hash(&mut h);
        h.finish()
    };
    let pass = ctx.cumulative_pass_nr();
    let (found, preparing) = ctx.data_mut(|d| {
        let pictures = d.get_temp_mut_or_default::<Pictures>(pictures_id());
        let found = pictures.entries.get_mut(&key).map(|p| {
            p.used = pass;
            (p.texture.id(), p.rect)
        });
        (found, pictures.preparing)
    });
    if let Some((texture, rect)) = found {
        show(painter, texture, rect);
        return;
    }
    let mesh = mesh();
    let max_side = ctx.input(|i| i.max_texture_side).min(MAX_SIDE);
    if preparing && let Some(image) = rasterize(&mesh, ppp, scissor, max_side) {
        let texture = ctx.load_texture("panel picture", image, egui::TextureOptions::LINEAR);
        let rect = scissor.rect(ppp);
        show(painter, texture.id(), rect);
        ctx.data_mut(|d| {
            let pictures = d.get_temp_mut_or_default::<Pictures>(pictures_id());
            pictures.entries.insert(
                key,
                Picture {
                    texture,
                    rect,
                    used: pass,
                },
            );
            pictures.made += 1;
        });
        return;
    }
    painter.add(egui::Shape::Mesh(mesh));
}

/// One texel per pixel. Sampled at pixel centres, linear filtering returns each
/// texel as it is, and it is the filter the font atlas uses, so a software renderer
/// needs no second shader variant for it.
fn show(painter: &Painter, texture: TextureId, rect: Rect) {
    let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
    painter.image(texture, rect, uv, Color32::WHITE);
}
