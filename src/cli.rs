//! Headless commands. They share the engine with the window: `lookup` calls the same
//! [`crate::finder::rank`] as the pain finder.

use std::fmt::Write as _;

use emath::pos2;
use serde::Serialize;

use crate::finder::{Candidate, PainMark, rank};
use crate::model::{Atlas, ScreenHalf, Side, ViewId, ViewKind};

/// One row of `lookup --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LookupRow {
    pub id: String,
    pub name: String,
    pub side: String,
    /// `"essential"` or `"spillover"`: the kind of zone the spot falls in.
    pub kind: String,
    pub score: f32,
}

/// Builds the mark for a spot given on the command line. On front and back views the
/// side follows from x; `side`, if given, mirrors the spot onto that side. On side
/// views `side` picks which side's view (right by default).
///
/// # Errors
/// An unknown view, or a position outside the view, as a sentence for the user.
pub fn spot_mark(
    atlas: &Atlas,
    view_id: &str,
    x: f32,
    y: f32,
    side: Option<Side>,
    radius: f32,
) -> Result<PainMark, String> {
    let Some(view) = atlas.view(&ViewId(view_id.to_owned())) else {
        let known: Vec<&str> = atlas.views.iter().map(|v| v.id.0.as_str()).collect();
        return Err(format!(
            "unknown view \"{view_id}\"; use one of: {}",
            known.join(", ")
        ));
    };
    if !(x.is_finite() && y.is_finite()) || x < 0.0 || y < 0.0 || x > view.size.x || y > view.size.y
    {
        return Err(format!(
            "position ({x}, {y}) is outside the {} view, which spans (0, 0) to ({}, {})",
            view.id, view.size.x, view.size.y
        ));
    }
    let mut pos = pos2(x, y);
    let panel_side = match view.kind {
        ViewKind::Bilateral { patient_right } => {
            let on_viewer_left = x < view.midline_x();
            let natural = match (patient_right, on_viewer_left) {
                (ScreenHalf::ViewerLeft, true) | (ScreenHalf::ViewerRight, false) => Side::Right,
                _ => Side::Left,
            };
            if let Some(wanted) = side
                && wanted != natural
            {
                pos = crate::geometry::mirror_x(pos, view.midline_x());
            }
            Side::Right
        }
        ViewKind::Lateral { .. } => side.unwrap_or(Side::Right),
    };
    Ok(PainMark {
        view: view.id.clone(),
        panel_side,
        pos,
        radius: radius.max(0.0),
    })
}

/// The ranked rows for one spot.
#[must_use]
pub fn lookup_rows(atlas: &Atlas, mark: &PainMark) -> Vec<LookupRow> {
    rank(atlas, std::slice::from_ref(mark))
        .iter()
        .map(|c| row(atlas, c))
        .collect()
}

fn row(atlas: &Atlas, c: &Candidate) -> LookupRow {
    LookupRow {
        id: c.muscle.0.clone(),
        name: atlas
            .muscle(&c.muscle)
            .map_or_else(|| c.muscle.0.clone(), |m| m.name.clone()),
        side: c.side.word().to_owned(),
        kind: c.kind().word().to_owned(),
        score: c.score,
    }
}

/// Human-readable table of lookup rows.
#[must_use]
pub fn lookup_text(rows: &[LookupRow], mark: &PainMark) -> String {
    let mut out = String::new();
    if rows.is_empty() {
        let _ = writeln!(
            out,
            "No muscle in the atlas refers pain to ({}, {}) on the {} view.",
            mark.pos.x, mark.pos.y, mark.view
        );
        return out;
    }
    let _ = writeln!(
        out,
        "Muscles that can refer pain to ({}, {}) on the {} view, best first:",
        mark.pos.x, mark.pos.y, mark.view
    );
    for (i, r) in rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>3}. {:<45} {:<5}  {:<9}  score {:.2}",
            i + 1,
            r.name,
            r.side,
            r.kind,
            r.score
        );
    }
    out
}

/// One row of `list --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListRow {
    pub id: String,
    pub name: String,
    pub latin: String,
    pub region: String,
    pub layer: String,
    /// The views the muscle's shape or pattern appears on.
    pub views: Vec<String>,
    pub conditions: Vec<String>,
}

/// Every muscle, in list order.
#[must_use]
pub fn list_rows(atlas: &Atlas) -> Vec<ListRow> {
    atlas
        .muscles
        .iter()
        .map(|m| ListRow {
            id: m.id.0.clone(),
            name: m.name.clone(),
            latin: m.latin.clone(),
            region: m.region.clone(),
            layer: m.layer.word().to_owned(),
            views: m.views(atlas).iter().map(|v| v.0.clone()).collect(),
            conditions: m.conditions.clone(),
        })
        .collect()
}

/// Human-readable muscle list, grouped by region.
#[must_use]
pub fn list_text(atlas: &Atlas) -> String {
    let mut out = String::new();
    for region in atlas.regions() {
        let _ = writeln!(out, "{region}");
        for m in atlas.muscles.iter().filter(|m| m.region == region) {
            let _ = writeln!(out, "  {:<34} {}", m.id.0, m.name);
        }
    }
    out
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
}

/// A source in `show --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShowSource {
    pub citation: String,
    pub detail: String,
    pub url: Option<String>,
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
    pub conditions: Vec<String>,
    pub sources: Vec<ShowSource>,
    pub trigger_points: Vec<ShowTriggerPoint>,
    pub zones: Vec<ShowZone>,
}

fn round1(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

/// One muscle on `side`: on front and back views the points are mirrored to that
/// side; side views keep their own coordinates (the left one is the same drawing
/// mirrored as a whole).
#[must_use]
pub fn show_muscle(atlas: &Atlas, id: &crate::model::MuscleId, side: Side) -> Option<ShowMuscle> {
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
        conditions: m.conditions.clone(),
        sources: m
            .sources
            .iter()
            .map(|s| ShowSource {
                citation: s.citation.clone(),
                detail: s.detail.clone(),
                url: s.url.clone(),
            })
            .collect(),
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
    let _ = writeln!(out, "Sources:");
    for src in &s.sources {
        let _ = writeln!(out, "  - {}", src.citation);
    }
    out
}
