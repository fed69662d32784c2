//! Browse by condition: pick "Tension headache" and see the muscles that list it.

use egui::{RichText, Ui};

use crate::model::{Atlas, MuscleId};

/// Every condition named in the data, de-duplicated ignoring case, sorted.
#[must_use]
pub fn all_conditions(atlas: &Atlas) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for m in &atlas.muscles {
        for c in &m.conditions {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(c)) {
                out.push(c);
            }
        }
    }
    out.sort_by_key(|c| c.to_lowercase());
    out
}

/// The muscles whose data lists `condition` (ignoring case).
#[must_use]
pub fn muscles_for<'a>(atlas: &'a Atlas, condition: &str) -> Vec<&'a MuscleId> {
    atlas
        .muscles
        .iter()
        .filter(|m| {
            m.conditions
                .iter()
                .any(|c| c.eq_ignore_ascii_case(condition))
        })
        .map(|m| &m.id)
        .collect()
}

/// Shows the condition list; the open condition expands to its muscles. Returns the
/// muscle the user picked.
pub fn conditions_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    open: &mut Option<String>,
    selected: Option<&MuscleId>,
) -> Option<MuscleId> {
    let mut picked = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for condition in all_conditions(atlas) {
                let is_open = open
                    .as_deref()
                    .is_some_and(|o| o.eq_ignore_ascii_case(condition));
                if ui
                    .selectable_label(is_open, RichText::new(condition).strong())
                    .clicked()
                {
                    *open = if is_open {
                        None
                    } else {
                        Some(condition.to_owned())
                    };
                }
                if is_open {
                    ui.indent(condition, |ui| {
                        for id in muscles_for(atlas, condition) {
                            let Some(m) = atlas.muscle(id) else { continue };
                            if ui.selectable_label(selected == Some(id), &m.name).clicked() {
                                picked = Some(id.clone());
                            }
                        }
                    });
                }
            }
        });
    picked
}
