//! Widgets and panels. One panel or canvas per file; functions taking `&mut Ui` end in `_ui`.

pub mod about;
pub mod canvas;
pub mod conditions;
pub mod details;
pub mod export_window;
pub mod finder_panel;
pub mod help;
pub mod layout;
pub mod legend;
pub mod list;
pub mod mesh_cache;
pub mod paint;
pub mod picture;
pub mod quiz_panel;
