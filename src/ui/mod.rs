//! Widgets and panels over borrowed data. One panel or canvas per file; functions
//! taking `&mut Ui` end in `_ui`; a panel returns what the user asked for (an action)
//! instead of changing state. The drawing they show comes from [`crate::draw`].

pub mod a11y;
pub mod about;
pub mod canvas;
pub mod conditions;
pub mod details;
pub mod export_window;
pub mod finder_panel;
pub mod help;
pub mod lessons;
pub mod list;
pub mod loading;
pub mod quiz_panel;
