//! The details panel: what a patient and a clinician each need to read about a pattern.

use egui::{RichText, Ui};

use crate::model::{Atlas, Muscle, MuscleId, Side, WarningRegion, ZoneKind};

/// What the user asked for in the details panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DetailsAction {
    /// Show this muscle (a synergist or associated muscle was clicked).
    Select(MuscleId),
    /// List the members of this group (by id).
    ShowGroup(String),
    /// Show only this trigger point's pattern (`None`: all of them).
    ShowTriggerPoint(Option<String>),
}

/// How the selected muscle is shown, as the details describe it.
#[derive(Clone, Copy, Debug)]
pub struct DetailsShown<'a> {
    /// The sides the pattern is shown on.
    pub sides: &'a [Side],
    /// The warning signs of the regions the pattern reaches.
    pub warnings: &'a [&'a WarningRegion],
    /// The trigger point whose pattern alone is shown, if one is chosen.
    pub trigger_point: Option<&'a str>,
}

/// Shows the selected muscle's text, or a short guide when nothing is selected.
pub fn details_ui(
    ui: &mut Ui,
    atlas: &Atlas,
    muscle: Option<&Muscle>,
    shown: &DetailsShown<'_>,
) -> Option<DetailsAction> {
    let (sides, warnings) = (shown.sides, shown.warnings);
    let mut action = None;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let Some(m) = muscle else {
            ui.heading("Myofascial referred pain");
            ui.label(
                "Click a muscle on the body, or pick one from the list, to see where its \
                 trigger points typically send pain.",
            );
            ui.add_space(6.0);
            ui.label("X marks a trigger point. Solid red is the essential zone, felt by nearly everyone with that trigger point; red dots mark the spillover zone, felt by some.");
            ui.add_space(6.0);
            disclaimer_ui(ui);
            return;
        };
        let title = ui.heading(&m.name);
        // A focus stop at the top of the details (F6 moves here).
        let stop = ui.interact(title.rect, details_id(), egui::Sense::focusable_noninteractive());
        stop.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Heading, true, format!("Details: {}", m.name))
        });
        ui.label(RichText::new(&m.latin).italics());
        let side_text = match sides {
            [s] => format!("the {} side", s.word()),
            _ => "both sides".to_owned(),
        };
        ui.weak(format!("{} · {} muscle · shown on {side_text}", m.region, m.layer.word()));
        if !m.aliases.is_empty() {
            ui.weak(format!("Also called: {}", m.aliases.join(", ")));
        }
        ui.separator();
        if let Some(choice) = trigger_point_choice_ui(ui, m, shown.trigger_point) {
            action = Some(choice);
        }

        crate::ui::a11y::heading(ui, "In plain words");
        ui.label(&m.summary);
        if !m.symptoms.is_empty() {
            ui.label(format!("Besides pain: {}.", m.symptoms.join("; ")));
        }
        ui.add_space(8.0);

        crate::ui::a11y::heading(ui, "What you can do");
        ui.label(&m.self_care.advice);
        if !m.self_care.caution.is_empty() {
            ui.label(RichText::new(&m.self_care.caution).italics());
        }
        ui.add_space(8.0);

        warning_signs_ui(ui, warnings);

        if let Some(link) = links_ui(ui, atlas, m) {
            action = Some(link);
        }

        crate::ui::a11y::heading(ui, "Anatomy");
        for (what, text) in [
            ("Origin", &m.anatomy.origin),
            ("Insertion", &m.anatomy.insertion),
            ("Nerve supply", &m.anatomy.innervation),
            ("Actions", &m.anatomy.actions),
        ] {
            ui.label(format!("{what}: {text}"));
        }
        ui.add_space(8.0);

        crate::ui::a11y::heading(ui, "Clinical description");
        section_ui(ui, "Trigger points", &m.clinical.trigger_points);
        let essential = m.areas_from(ZoneKind::Essential, shown.trigger_point).join(", ");
        section_ui(ui, &format!("Essential zone: {essential}"), &m.clinical.essential);
        let spillover = m.areas_from(ZoneKind::Spillover, shown.trigger_point).join(", ");
        if !spillover.is_empty() || !m.clinical.spillover.is_empty() {
            section_ui(ui, &format!("Spillover zone: {spillover}"), &m.clinical.spillover);
        }
        if m.bilateral_referral {
            ui.label("Pain from this muscle can be felt on both sides.");
        }
        if !m.clinical.notes.is_empty() {
            section_ui(ui, "Notes", &m.clinical.notes);
        }
        section_ui(ui, "Perpetuating factors", &m.clinical.perpetuating);
        section_ui(ui, "Rule out", &m.clinical.rule_out);
        for region in warnings {
            ui.label(format!("{}: {}", region.name, region.clinician));
        }
        section_ui(ui, "Needling and injection hazards", &m.clinical.hazards);
        if !m.conditions.is_empty() {
            ui.add_space(4.0);
            crate::ui::a11y::heading(ui, "Associated with");
            for c in &m.conditions {
                ui.label(format!("• {c}"));
            }
        }
        ui.add_space(8.0);
        crate::ui::a11y::heading(ui, "Sources");
        let index = crate::model::pain_index::pain_index();
        for entry in m.covers.iter().filter_map(|id| index.entry(id)) {
            ui.label(format!(
                "• Trigger Point Manual, {}: {}",
                entry.reference(),
                entry.name
            ));
        }
        for s in &m.sources {
            ui.label(format!("• {}", s.citation));
            if !s.detail.is_empty() {
                ui.weak(&s.detail);
            }
            if let Some(url) = &s.url {
                // Named by what it opens, not by its raw address.
                let link = ui.hyperlink_to("Open the source", url).on_hover_text(url);
                crate::ui::a11y::rename(&link, &format!("Open the source: {}", s.citation));
            }
        }
        ui.add_space(8.0);
        disclaimer_ui(ui);
        if !m.origin.starts_with("embedded:") {
            ui.weak(format!("Loaded from {}", m.origin));
        }
    });
    action
}

/// With several trigger points: "Pattern of: All, `TrP1`, `TrP2`" to show one pattern
/// alone. Returns the new choice when the user makes one.
fn trigger_point_choice_ui(ui: &mut Ui, m: &Muscle, chosen: Option<&str>) -> Option<DetailsAction> {
    let labels = m.trigger_point_labels();
    if labels.len() < 2 {
        return None;
    }
    let mut choice = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Pattern of:").strong());
        if ui
            .selectable_label(chosen.is_none(), "All trigger points")
            .clicked()
        {
            choice = Some(DetailsAction::ShowTriggerPoint(None));
        }
        for label in labels {
            if ui.selectable_label(chosen == Some(label), label).clicked() {
                choice = Some(DetailsAction::ShowTriggerPoint(Some(label.to_owned())));
            }
        }
    });
    ui.add_space(4.0);
    choice
}

/// The muscle's groups, synergists and associated muscles, each a link.
fn links_ui(ui: &mut Ui, atlas: &Atlas, m: &Muscle) -> Option<DetailsAction> {
    let mut action = None;
    let groups = atlas.groups_of(&m.id);
    if !groups.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Groups:").strong());
            for g in groups {
                let link = ui.link(&g.name).on_hover_text(&g.description);
                name_link(&link, &format!("Group: {}", g.name));
                if link.clicked() {
                    action = Some(DetailsAction::ShowGroup(g.id.clone()));
                }
            }
        });
    }
    for (title, ids) in [
        ("Works with:", &m.synergists),
        ("Trigger points often also in:", &m.associated),
    ] {
        if ids.is_empty() {
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(title).strong());
            for id in ids {
                let Some(other) = atlas.muscle(id) else {
                    continue;
                };
                let link = ui.link(&other.name);
                name_link(&link, &format!("{title} {}", other.name));
                if link.clicked() {
                    action = Some(DetailsAction::Select(id.clone()));
                }
            }
        });
    }
    ui.add_space(8.0);
    action
}

/// The patient's warning signs, region by region.
fn warning_signs_ui(ui: &mut Ui, warnings: &[&WarningRegion]) {
    if warnings.is_empty() {
        return;
    }
    crate::ui::a11y::heading(ui, "Get medical help right away if");
    for region in warnings {
        ui.label(RichText::new(&region.name).underline());
        for sign in &region.signs {
            ui.label(format!("• {sign}"));
        }
    }
    ui.add_space(8.0);
}

/// Gives a link a name that says what it is for ("Works with: Deltoid"), so that a
/// screen reader (and a test) can tell it from the muscle's entry in the list.
fn name_link(link: &egui::Response, name: &str) {
    link.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, name));
}

fn section_ui(ui: &mut Ui, title: &str, text: &str) {
    ui.add_space(4.0);
    let heading = ui.label(RichText::new(title).underline());
    ui.ctx().accesskit_node_builder(heading.id, |node| {
        node.set_role(egui::accesskit::Role::Heading);
        node.set_label(title);
    });
    if !text.is_empty() {
        ui.label(text);
    }
}

fn disclaimer_ui(ui: &mut Ui) {
    ui.label(
        RichText::new(
            "These are typical patterns drawn from the literature, not a diagnosis. \
             Trigger points are still debated, examiners agree only moderately on them, and no \
             exact place of referred pain should be expected (see About trigger points); pain \
             can have other causes that need a clinician.",
        )
        .italics(),
    );
}

/// The focus stop at the top of the details, to move the keyboard focus there (F6).
#[must_use]
pub fn details_id() -> egui::Id {
    egui::Id::unique("details_top")
}
