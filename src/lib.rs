//! Trigger Point Atlas: an open desktop atlas of myofascial referred pain.
//!
//! Layers, lowest first (each uses only those below it; see docs/ARCHITECTURE.md):
//! [`geometry`] (pure maths in body coordinates) and [`theme`] (every colour);
//! [`model`] (validated data types, their errors and positions);
//! [`hit`], [`finder`] and [`quiz`] (engines over the atlas); [`io`] (loading and
//! saving); [`keys`] (the shortcut table); [`draw`] (shapes and pixels for every
//! output); [`ui`] (widgets and panels) and [`export`] (offscreen pictures); [`app`]
//! (state, commands, the window's frame); [`window`] (opening the real window) and
//! [`cli`] (the command line).

pub mod app;
pub mod cli;
pub mod draw;
pub mod export;
pub mod finder;
pub mod geometry;
pub mod hit;
pub mod io;
pub mod keys;
pub mod model;
pub mod quiz;
pub mod theme;
pub mod ui;
pub mod window;

pub use app::AtlasApp;

/// mimalloc instead of the system allocator: a 4K frame hands the renderer several
/// megabytes of fresh vertex buffers, and glibc returned them to the kernel and took
/// them back every frame (page faults were a third of the frame time). Set here, in
/// the library, so the app, tests and benchmarks all run on the same allocator.
/// Built without transparent huge pages (`no_thp`): mimalloc asked the kernel for
/// 2 MiB pages, so every region it touched took 2 MiB, 22 MiB of the window's start.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
