//! Trigger Point Atlas: an open desktop atlas of myofascial referred pain.
//!
//! Layers: [`model`] (validated data types), [`geometry`] (pure maths in body
//! coordinates), [`io`] (loading and errors), [`hit`] (picking), [`ui`] (egui
//! panels and painting), [`app`] (state and commands).

pub mod app;
pub mod cli;
pub mod export;
pub mod finder;
pub mod geometry;
pub mod hit;
pub mod io;
pub mod model;
pub mod probe;
pub mod quiz;
pub mod renderer;
pub mod theme;
pub mod ui;

pub use app::AtlasApp;

/// mimalloc instead of the system allocator: a 4K frame hands the renderer several
/// megabytes of fresh vertex buffers, and glibc returned them to the kernel and took
/// them back every frame (page faults were a third of the frame time). Set here, in
/// the library, so the app, tests and benchmarks all run on the same allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
