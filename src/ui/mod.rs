//! Widgets and panels. One panel or canvas per file; functions taking `&mut Ui` end in `_ui`.

pub mod canvas;
pub mod details;
pub mod layout;
pub mod legend;
pub mod list;
pub mod paint;
