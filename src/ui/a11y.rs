//! What a screen reader hears beyond egui's defaults: the window's name, headings,
//! selected and expanded states, values, names that stand alone, and one polite
//! announcement line for changes that happen away from the focus (quiz feedback,
//! search results, lesson steps).

use egui::accesskit::{Live, Role};
use egui::{Context, Id, Response, RichText, Ui};

/// Names the window's root node (AT-SPI reads it as the frame's name).
pub fn name_window(ctx: &Context, title: &str) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(title));
}

/// A section heading: bold text that assistive technology reads as a heading.
pub fn heading(ui: &mut Ui, text: &str) -> Response {
    let response = ui.label(RichText::new(text).strong());
    // A label's text is its value; a heading's is its label.
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(Role::Heading);
        node.set_label(text);
    });
    response
}

/// Gives a widget a name that stands alone ("Remove Temporalis" rather than
/// "Remove"), keeping its visible text.
pub fn rename(response: &Response, name: &str) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// Marks a list item as selected (or not) for assistive technology.
pub fn set_selected(response: &Response, selected: bool) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_selected(selected));
}

/// Reports whether a collapsible section is open.
pub fn set_expanded(ctx: &Context, id: Id, expanded: bool) {
    ctx.accesskit_node_builder(id, |node| node.set_expanded(expanded));
}

/// Gives a widget its current value (a closed combo box's choice).
pub fn set_value(response: &Response, value: &str) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_value(value));
}

/// Makes a widget a polite live region: a screen reader reads its new name when it
/// changes, wherever the focus is.
pub fn set_live(response: &Response) {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_live(Live::Polite));
}

/// The id of the announcement line, for tests.
pub const ANNOUNCER: &str = "announcements";

/// The announcement line: a small live label. It shows the last announcement so
/// sighted users see what was said too.
pub fn announcer_ui(ui: &mut Ui, text: &str) {
    let response = ui.push_id(ANNOUNCER, |ui| ui.weak(text)).inner;
    set_live(&response);
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(Role::Status);
        node.set_label(text);
    });
}
