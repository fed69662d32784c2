//! `show`: one muscle's text, trigger points and zones on one side, as text or JSON.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::args::SideArg;
use crate::model::{Atlas, MuscleId, Side};

/// What `show` is asked for.
#[derive(Clone, Debug)]
pub struct ShowArgs<'a> {
    pub id: &'a str,
    pub side: Option<SideArg>,
    /// Only this trigger point and the zones it refers to.
    pub trigger_point: Option<&'a str>,
    pub json: bool,
}

/// Runs `show`.
#[must_use]
pub fn run(args: &ShowArgs<'_>, data: Option<&Path>) -> ExitCode {
    let atlas = super::args::load_quietly(data);
    let side = args.side.map_or(Side::Right, Side::from);
    let id = MuscleId(args.id.to_owned());
    if let Err(status) = super::args::check_trigger_point(&atlas, &id, args.trigger_point) {
        return status;
    }
    let Some(mut shown) = show_muscle(&atlas, &id, side) else {
        return super::args::unknown_muscle(args.id);
    };
    if let Some(label) = args.trigger_point {
        shown.trigger_points.retain(|t| t.label == label);
        shown
            .zones
            .retain(|z| z.trigger_points.iter().any(|t| t == label));
    }
    if args.json {
        super::args::print_json(&shown)
    } else {
        print!("{}", show_text(&shown));
        ExitCode::SUCCESS
    }
}

/// A trigger point in `show --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShowTriggerPoint {
    pub label: String,
    pub view: String,
    pub x: f32,
    pub y: f32,
}

/// A zone in `show --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShowZone {
    /// `"essential"` or `"spillover"`.
    pub kind: String,
    pub view: String,
    pub areas: Vec<String>,
    /// The drawn outline(s), `[x, y]` in the view's data coordinates, on the chosen side.
    pub polygons: Vec<Vec<[f32; 2]>>,
    /// The labels of the trigger points that refer pain here.
    pub trigger_points: Vec<String>,
}

/// A source in `show --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShowSource {
    pub citation: String,
    pub detail: String,
    pub url: Option<String>,
}

/// The anatomy in `show --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShowAnatomy {
    pub origin: String,
    pub insertion: String,
    /// The nerve and its spinal roots.
    pub innervation: String,
    pub actions: String,
}

/// Self-care in `show --json` (patient text).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShowSelfCare {
    pub advice: String,
    /// Empty when none applies.
    pub caution: String,
}

/// One region's warning signs in `show --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShowWarnings {
    /// The region id, e.g. `"head"`.
    pub region: String,
    pub name: String,
    /// Plain words for patients: get medical help right away if any of these.
    pub signs: Vec<String>,
    /// For clinicians: what to rule out, and the guideline.
    pub clinician: String,
    pub sources: Vec<ShowSource>,
}

fn show_source(s: &crate::model::Source) -> ShowSource {
    ShowSource {
        citation: s.citation.clone(),
        detail: s.detail.clone(),
        url: s.url.clone(),
    }
}

/// `show --json`: one muscle on one side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShowMuscle {
    pub id: String,
    pub name: String,
    pub latin: String,
    pub region: String,
    pub layer: String,
    pub side: String,
    pub bilateral_referral: bool,
    pub summary: String,
    pub trigger_points_text: String,
    pub essential_text: String,
    pub spillover_text: String,
    pub notes: String,
    /// Clinician text: what keeps the trigger points going.
    pub perpetuating_text: String,
    /// Clinician text: what to rule out.
    pub rule_out_text: String,
    /// Clinician text: hazards of needling or injecting near the muscle.
    pub hazards_text: String,
    pub conditions: Vec<String>,
    /// Symptoms besides pain.
    pub symptoms: Vec<String>,
    pub anatomy: ShowAnatomy,
    pub self_care: ShowSelfCare,
    pub sources: Vec<ShowSource>,
    pub trigger_points: Vec<ShowTriggerPoint>,
    pub zones: Vec<ShowZone>,
    /// The warning signs of every body region the pattern reaches, head to foot.
    pub warning_signs_by_region: Vec<ShowWarnings>,
}

fn round1(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

/// One muscle on `side`: on front and back views the points are mirrored to that
/// side; side views keep their own coordinates (the left one is the same drawing
/// mirrored as a whole).
#[must_use]
pub fn show_muscle(atlas: &Atlas, id: &MuscleId, side: Side) -> Option<ShowMuscle> {
    let m = atlas.muscle(id)?;
    let zones = m
        .zones
        .iter()
        .map(|z| {
            let outline = &z.fill.get(side).outline;
            ShowZone {
                kind: z.kind.word().to_owned(),
                view: z.view.0.clone(),
                areas: z.areas.clone(),
                polygons: vec![outline.iter().map(|p| [round1(p.x), round1(p.y)]).collect()],
                trigger_points: z.trigger_points.clone(),
            }
        })
        .collect();
    Some(ShowMuscle {
        id: m.id.0.clone(),
        name: m.name.clone(),
        latin: m.latin.clone(),
        region: m.region.clone(),
        layer: m.layer.word().to_owned(),
        side: side.word().to_owned(),
        bilateral_referral: m.bilateral_referral,
        summary: m.summary.clone(),
        trigger_points_text: m.clinical.trigger_points.clone(),
        essential_text: m.clinical.essential.clone(),
        spillover_text: m.clinical.spillover.clone(),
        notes: m.clinical.notes.clone(),
        perpetuating_text: m.clinical.perpetuating.clone(),
        rule_out_text: m.clinical.rule_out.clone(),
        hazards_text: m.clinical.hazards.clone(),
        conditions: m.conditions.clone(),
        symptoms: m.symptoms.clone(),
        anatomy: ShowAnatomy {
            origin: m.anatomy.origin.clone(),
            insertion: m.anatomy.insertion.clone(),
            innervation: m.anatomy.innervation.clone(),
            actions: m.anatomy.actions.clone(),
        },
        self_care: ShowSelfCare {
            advice: m.self_care.advice.clone(),
            caution: m.self_care.caution.clone(),
        },
        sources: m.sources.iter().map(show_source).collect(),
        trigger_points: m
            .trigger_points
            .iter()
            .map(|t| {
                let p = t.pos.get(side);
                ShowTriggerPoint {
                    label: t.label.clone(),
                    view: t.view.0.clone(),
                    x: round1(p.x),
                    y: round1(p.y),
                }
            })
            .collect(),
        zones,
        warning_signs_by_region: atlas
            .warnings_for(m)
            .into_iter()
            .map(|r| ShowWarnings {
                region: r.id.clone(),
                name: r.name.clone(),
                signs: r.signs.clone(),
                clinician: r.clinician.clone(),
                sources: r.sources.iter().map(show_source).collect(),
            })
            .collect(),
    })
}

/// Human-readable description of one muscle.
#[must_use]
pub fn show_text(s: &ShowMuscle) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}), {} side", s.name, s.latin, s.side);
    let _ = writeln!(out, "{} · {} muscle", s.region, s.layer);
    let _ = writeln!(out, "\n{}\n", s.summary);
    let _ = writeln!(out, "Trigger points: {}", s.trigger_points_text);
    let _ = writeln!(out, "Essential zone: {}", s.essential_text);
    if !s.spillover_text.is_empty() {
        let _ = writeln!(out, "Spillover zone: {}", s.spillover_text);
    }
    if !s.notes.is_empty() {
        let _ = writeln!(out, "Notes: {}", s.notes);
    }
    if !s.conditions.is_empty() {
        let _ = writeln!(out, "Associated with: {}", s.conditions.join(", "));
    }
    if !s.symptoms.is_empty() {
        let _ = writeln!(out, "Besides pain: {}", s.symptoms.join("; "));
    }
    let a = &s.anatomy;
    let _ = writeln!(out, "\nAnatomy");
    let _ = writeln!(out, "  Origin: {}", a.origin);
    let _ = writeln!(out, "  Insertion: {}", a.insertion);
    let _ = writeln!(out, "  Nerve supply: {}", a.innervation);
    let _ = writeln!(out, "  Actions: {}", a.actions);
    let _ = writeln!(out, "\nWhat you can do: {}", s.self_care.advice);
    if !s.self_care.caution.is_empty() {
        let _ = writeln!(out, "Careful: {}", s.self_care.caution);
    }
    let _ = writeln!(out, "\nPerpetuating factors: {}", s.perpetuating_text);
    let _ = writeln!(out, "Rule out: {}", s.rule_out_text);
    let _ = writeln!(out, "Needling and injection hazards: {}\n", s.hazards_text);
    if !s.warning_signs_by_region.is_empty() {
        let _ = writeln!(out, "Get medical help right away if:");
        for region in &s.warning_signs_by_region {
            let _ = writeln!(out, "  {}", region.name);
            for sign in &region.signs {
                let _ = writeln!(out, "    - {sign}");
            }
        }
    }
    let _ = writeln!(out, "Sources:");
    for src in &s.sources {
        let _ = writeln!(out, "  - {}", src.citation);
    }
    out
}
