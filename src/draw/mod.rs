//! The drawing layer: everything that turns the atlas into shapes and pixels, for the
//! window and every export alike. Panels are laid out ([`layout`]), painted with a
//! plain `egui::Painter` ([`paint`], [`legend`]), kept between frames as meshes
//! ([`mesh_cache`]) and, while the window opens, as pictures drawn on the CPU
//! ([`picture`], [`raster`]). Nothing here is a widget: `ui` and `export` both sit
//! above this layer and call it.

pub mod layout;
pub mod legend;
pub mod mesh_cache;
pub mod paint;
pub mod picture;
pub mod raster;
