//! Keeps the tessellated body drawing of each panel between frames.
//!
//! A panel's drawing (skin, muscles, pattern, lines, trigger points) has thousands
//! of points and dots and changes only when the user changes something: the
//! selection, the hovered muscle, the zoom, the theme. Tessellating it every frame
//! cost several milliseconds at 4K; instead it is tessellated once per distinct
//! look, keyed by a hash of everything it depends on, and the stored mesh is reused
//! while nothing changes. Entries not used for a few passes are dropped.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::emath::TSTransform;
use egui::epaint::{ClippedShape, Primitive, TessellationOptions};
use egui::{Id, Mesh, Painter, Rect, Shape};

/// Entries unused for this many passes are dropped.
const KEEP_PASSES: u64 = 4;

#[derive(Clone, Default)]
struct MeshCache {
    /// The tessellation settings (feathering, rounding, tolerances) the meshes were
    /// made with; when they change, every mesh is dropped.
    options: Option<TessellationOptions>,
    entries: HashMap<u64, (Arc<Mesh>, u64)>,
    /// How many meshes were made since the context began (tests read it).
    made: u64,
}

fn cache_id() -> Id {
    Id::unique("trigger_atlas::mesh_cache")
}

fn vector_id() -> Id {
    Id::unique("trigger_atlas::vector_output")
}

/// Makes `ctx` paint the body as shapes instead of kept meshes: for SVG and PDF
/// output, which write circles and paths as such.
pub fn set_vector_output(ctx: &egui::Context, on: bool) {
    ctx.data_mut(|d| d.insert_temp(vector_id(), on));
}

fn vector_output(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(vector_id()).unwrap_or(false))
}

/// Adds to `painter` the mesh for `key`, calling `build` for the shapes (no text)
/// only when no mesh for `key` was made recently. `key` must change whenever what
/// `build` would draw changes; the pixel density and font atlas size are added to
/// it here, and a change of tessellation settings empties the cache.
pub fn paint_cached(painter: &Painter, key: u64, build: impl FnOnce(&mut Vec<Shape>)) {
    let ctx = painter.ctx();
    if vector_output(ctx) {
        // Vector output wants the shapes themselves (circles, paths), not a mesh.
        let mut shapes = Vec::new();
        build(&mut shapes);
        painter.extend(shapes);
        return;
    }
    let pass = ctx.cumulative_pass_nr();
    let ppp = ctx.pixels_per_point();
    let options = ctx.tessellation_options(|o| *o);
    #[expect(
        clippy::redundant_closure_for_method_calls,
        reason = "the method path does not satisfy the higher-ranked lifetime"
    )]
    let font_size = ctx.fonts(|f| f.font_image_size());
    let full_key = {
        let mut h = std::hash::DefaultHasher::new();
        key.hash(&mut h);
        ppp.to_bits().hash(&mut h);
        // White-pixel texture coordinates depend on the font atlas size.
        font_size.hash(&mut h);
        h.finish()
    };
    let options_changed = ctx.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<MeshCache>(cache_id());
        let changed = cache.options != Some(options);
        if changed {
            cache.entries.clear();
            cache.options = Some(options);
        }
        changed
    });
    if options_changed {
        super::picture::forget_all(ctx);
    }
    // The mesh is only looked up (or made) when the panel has no picture of it.
    super::picture::paint_mesh(painter, full_key, || {
        let hit = ctx.data_mut(|d| {
            let cache = d.get_temp_mut_or_default::<MeshCache>(cache_id());
            cache.entries.get_mut(&full_key).map(|(mesh, used)| {
                *used = pass;
                Arc::clone(mesh)
            })
        });
        hit.unwrap_or_else(|| tessellate(ctx, full_key, pass, ppp, build))
    });
}

/// Tessellates the shapes `build` gives and stores the mesh under `full_key`.
fn tessellate(
    ctx: &egui::Context,
    full_key: u64,
    pass: u64,
    ppp: f32,
    build: impl FnOnce(&mut Vec<Shape>),
) -> Arc<Mesh> {
    let mut shapes = Vec::new();
    build(&mut shapes);
    // egui's own tessellator, so small dots become its pre-rendered disc images
    // (4 vertices each instead of a feathered polygon).
    let clipped = shapes
        .into_iter()
        .map(|shape| ClippedShape {
            clip_rect: Rect::EVERYTHING,
            shape,
            transform_after_tessellation: TSTransform::IDENTITY,
        })
        .collect();
    let mut mesh = Mesh::default();
    for primitive in ctx.tessellate(clipped, ppp) {
        if let Primitive::Mesh(part) = primitive.primitive {
            mesh.append(part);
        }
    }
    let mesh = Arc::new(mesh);
    ctx.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<MeshCache>(cache_id());
        cache
            .entries
            .retain(|_, (_, used)| pass.saturating_sub(*used) < KEEP_PASSES);
        cache.entries.insert(full_key, (Arc::clone(&mesh), pass));
        cache.made += 1;
    });
    mesh
}

/// How many panel meshes are stored now (tests check that entries are dropped).
#[must_use]
pub fn cached_meshes(ctx: &egui::Context) -> usize {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<MeshCache>(cache_id())
            .entries
            .len()
    })
}

/// How many panel meshes were tessellated since `ctx` began (tests check that a
/// frame reused them).
#[must_use]
pub fn meshes_made(ctx: &egui::Context) -> u64 {
    ctx.data_mut(|d| d.get_temp_mut_or_default::<MeshCache>(cache_id()).made)
}
