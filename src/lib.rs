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
pub mod quiz;
pub mod theme;
pub mod ui;

pub use app::AtlasApp;
