//! Pictures of the atlas without a window: the same painting code as the screen,
//! rendered offscreen with wgpu and saved as PNG.

mod figure;
mod handout;
mod renderer;

pub use figure::{FigureSpec, figure_panels, figure_ui};
pub use handout::{HandoutSpec, Paper, handout_ui, today};
pub use renderer::OffscreenRenderer;
