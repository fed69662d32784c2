//! The side list: a search box and the muscles grouped by body region.

use egui::{RichText, Ui};

use crate::model::{Atlas, Layer, MuscleId};

/// The id of the search box, so `/` can focus it.
pub const SEARCH_ID: &str = "muscle_search";

/// Shows the search box and list; returns the muscle the user picked, if any.
pub fn muscle_list_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    search: &mut String,
    selected: Option<&MuscleId>,
) -> Option<MuscleId> {
    let mut picked = None;
    let label = ui.label("Search");
    ui.add(
        egui::TextEdit::singleline(search)
            .id(egui::Id::unique(SEARCH_ID))
            .hint_text("Name, alias or condition")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.add_space(4.0);
    let query = search.trim().to_lowercase();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let mut any = false;
        for region in atlas.regions() {
            let members: Vec<_> = atlas
                .muscles
                .iter()
                .filter(|m| m.region == region && m.matches(&query))
                .collect();
            if members.is_empty() {
                continue;
            }
            any = true;
            egui::CollapsingHeader::new(RichText::new(region).strong())
                .default_open(true)
                .open((!query.is_empty()).then_some(true))
                .show(ui, |ui| {
                    for m in members {
                        let text = if m.layer == Layer::Deep {
                            format!("{} (deep)", m.name)
                        } else {
                            m.name.clone()
                        };
                        let is_selected = selected == Some(&m.id);
                        if ui.selectable_label(is_selected, text).clicked() {
                            picked = Some(m.id.clone());
                        }
                    }
                });
        }
        if !any {
            ui.weak("No muscle matches. Try a Latin name, an alias such as \"SCM\", or a condition such as \"headache\".");
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
            if ui.small_button("Remove").clicked() {
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
