//! Pictures of the atlas without a window: the same drawing layer as the screen
//! ([`crate::draw`]), rendered offscreen with wgpu and saved as PNG. The window's
//! Export dialog and the command line both go through [`save`].

mod figure;
mod handout;
mod job;
mod offscreen;
pub mod pdf;
mod report;
pub mod svg;
pub mod vector;

pub use figure::{FigureSpec, figure_panels, figure_ui};
pub use handout::{
    HANDOUT_DPI, HandoutSpec, MIN_NOTE_PT, Paper, body_type_px, handout_ui, printed_figure_unit,
    today,
};
pub use job::{Export, Format, render, render_pdf, render_svg, save, save_as};
pub use offscreen::OffscreenRenderer;
pub use report::{LISTED, PATTERNS, ReportSpec, marks_layout, report_rows, report_ui};
