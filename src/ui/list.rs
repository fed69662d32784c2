//! The side list: a search box and the muscles grouped by body region.

use egui::{RichText, Ui};

use crate::model::{Atlas, Layer, Muscle, MuscleId};

/// The id of the search box, so `/` can focus it.
pub const SEARCH_ID: &str = "muscle_search";

/// Whether `m` is listed for the search `query_lower` (lower case): its name, Latin
/// name, aliases, conditions or symptoms match, or it belongs to a group whose name
/// does. An empty query lists everything.
#[must_use]
pub fn search_matches(atlas: &Atlas, m: &Muscle, query_lower: &str) -> bool {
    m.matches(query_lower)
        || atlas
            .groups
            .iter()
            .any(|g| g.name.to_lowercase().contains(query_lower) && g.members.contains(&m.id))
}

/// How the muscle list is grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ListGrouping {
    /// By body region, head to foot.
    #[default]
    Region,
    /// By functional group (rotator cuff, hamstrings …); a muscle may be in several.
    Function,
}

/// Shows the grouping switch, the search box and the list; returns the muscle the
/// user picked, if any. A search for a group's name ("rotator cuff") lists its
/// members.
pub fn muscle_list_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    search: &mut String,
    grouping: &mut ListGrouping,
    selected: Option<&MuscleId>,
    compared: &[MuscleId],
) -> Option<MuscleId> {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Group by:");
        ui.selectable_value(grouping, ListGrouping::Region, "Region");
        ui.selectable_value(grouping, ListGrouping::Function, "Function");
    });
    let label = ui.label("Search");
    let search_box = ui
        .add(
            egui::TextEdit::singleline(search)
                .id(egui::Id::unique(SEARCH_ID))
                .hint_text("Name, alias, condition or group")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    ui.add_space(4.0);
    let query = search.trim().to_lowercase();
    let shown = |m: &Muscle| search_matches(atlas, m, &query);
    // Enter (or Down) in the search box picks the first muscle found; then the
    // arrows step through what was found.
    let enter = search_box.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let down = search_box.has_focus() && ui.input(|i| i.key_pressed(egui::Key::ArrowDown));
    if (enter || down) && !query.is_empty() {
        picked = atlas
            .muscles
            .iter()
            .find(|m| shown(m))
            .map(|m| m.id.clone());
        search_box.surrender_focus();
    }
    let sections: Vec<(String, Vec<&Muscle>)> = match grouping {
        ListGrouping::Region => atlas
            .regions()
            .into_iter()
            .map(|region| {
                let members = atlas
                    .muscles
                    .iter()
                    .filter(|m| m.region == region && shown(m))
                    .collect();
                (region.to_owned(), members)
            })
            .collect(),
        ListGrouping::Function => {
            // A group whose name matches shows all its members; other groups only
            // the members that match themselves (so a muscle is not listed again
            // under every other group it belongs to).
            let mut sections: Vec<(String, Vec<&Muscle>)> = atlas
                .groups
                .iter()
                .map(|g| {
                    let group_matches = g.name.to_lowercase().contains(&query);
                    let members = g
                        .members
                        .iter()
                        .filter_map(|id| atlas.muscle(id))
                        .filter(|m| group_matches || m.matches(&query))
                        .collect();
                    (g.name.clone(), members)
                })
                .collect();
            let others = atlas
                .muscles
                .iter()
                .filter(|m| shown(m) && atlas.groups_of(&m.id).is_empty())
                .collect();
            sections.push(("Other muscles".to_owned(), others));
            sections
        }
    };
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let mut any = false;
        for (title, members) in sections {
            if members.is_empty() {
                continue;
            }
            any = true;
            let section = egui::CollapsingHeader::new(RichText::new(&title).strong())
                .id_salt(("list section", &title))
                .default_open(*grouping == ListGrouping::Region)
                .open((!query.is_empty()).then_some(true))
                .show(ui, |ui| {
                    for m in members {
                        let text = if m.layer == Layer::Deep {
                            format!("{} (deep)", m.name)
                        } else {
                            m.name.clone()
                        };
                        let is_selected = selected == Some(&m.id);
                        let item = ui.selectable_label(is_selected, text.clone());
                        // A list item, selected or not, and marked when compared.
                        item.ctx.accesskit_node_builder(item.id, |node| {
                            node.set_role(egui::accesskit::Role::ListItem);
                            node.set_selected(is_selected);
                        });
                        if compared.contains(&m.id) {
                            crate::ui::a11y::rename(&item, &format!("{text} (compared)"));
                        }
                        if item.clicked() {
                            picked = Some(m.id.clone());
                        }
                    }
                });
            crate::ui::a11y::set_expanded(
                ui.ctx(),
                section.header_response.id,
                section.body_returned.is_some(),
            );
        }
        if !any {
            ui.weak("No muscle matches. Try a Latin name, an alias such as \"SCM\", a condition such as \"headache\" or a group such as \"rotator cuff\".");
        }
    });
    picked
}

/// What the user asked for in the comparison box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareAction {
    /// Take this muscle out of the comparison.
    Remove(MuscleId),
    Clear,
}

/// The comparison box above the details: each compared muscle with its colour and a
/// button to take it out, and one to clear them all. Shows nothing when nothing is
/// compared.
pub fn compare_ui(
    ui: &mut Ui,
    overlay: &[(&crate::model::Muscle, egui::Color32)],
) -> Option<CompareAction> {
    if overlay.is_empty() {
        return None;
    }
    let mut action = None;
    ui.label(RichText::new("Comparing").strong());
    for (m, colour) in overlay {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, *colour);
            ui.label(&m.name);
            let remove = ui.small_button("Remove");
            crate::ui::a11y::rename(&remove, &format!("Remove {}", m.name));
            if remove.clicked() {
                action = Some(CompareAction::Remove(m.id.clone()));
            }
        });
    }
    if ui.button("Clear comparison").clicked() {
        action = Some(CompareAction::Clear);
    }
    ui.weak("Ctrl- or Shift-click a muscle to add or remove it.");
    ui.separator();
    action
}
