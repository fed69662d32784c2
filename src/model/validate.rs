//! Raw RON structs → validated atlas types. Every rule a data author can break is
//! checked here, once, and reported with the position of the offending value.

use emath::{Pos2, Vec2, pos2, vec2};

use super::raw::{RawMuscle, RawPath, RawPoint, RawView};
use super::{Anatomy, SelfCare};
use super::{
    BodyLine, Clinical, Muscle, MuscleId, MuscleShape, Sided, Source, TriggerPoint, View, ViewId,
    ViewKind, Zone, ZoneKind,
};
use super::{DataError, ErrorKind, Located, Position};
use crate::geometry::{
    Tessellation, mirror_points, mirror_x, polygon_area, segments_touch, smooth_closed,
    smooth_open, stipple_points,
};

/// Distance between stipple dots, in body units (a body is ~800 units tall).
pub const STIPPLE_SPACING: f32 = 5.0;
/// Smallest area a zone or shape may have, in square body units.
const MIN_AREA: f32 = 4.0;
/// Most control points one path may have. Real shapes use 6 to 60; the cap keeps the
/// self-crossing check (quadratic in the smoothed points) fast for any input.
pub const MAX_POINTS: usize = 300;

/// What a field says when the sources describe nothing for it.
pub const NOT_DESCRIBED: &str = "Not described in our sources.";

/// Collects problems for one file.
struct Report<'a> {
    file: &'a str,
    errors: Vec<DataError>,
}

impl Report<'_> {
    fn invalid(&mut self, position: Position, message: impl Into<String>) {
        self.errors.push(DataError::at(
            ErrorKind::Invalid,
            self.file,
            position,
            message,
        ));
    }
}

fn to_pos(p: RawPoint) -> Pos2 {
    pos2(p.0, p.1)
}

/// Checks the control points of a polygon or path: enough points, finite, inside the
/// artboard. Returns them as positions when usable.
fn check_points(
    report: &mut Report<'_>,
    at: Position,
    what: &str,
    points: &[RawPoint],
    min_points: usize,
    size: Vec2,
) -> Option<Vec<Pos2>> {
    if points.len() > MAX_POINTS {
        report.invalid(
            at,
            format!(
                "{what} has {} points; at most {MAX_POINTS} are allowed. Smooth curves need far fewer.",
                points.len()
            ),
        );
        return None;
    }
    if points.len() < min_points {
        report.invalid(
            at,
            format!(
                "{what} has {} point(s); it needs at least {min_points}. Add points or remove it.",
                points.len()
            ),
        );
        return None;
    }
    for (i, p) in points.iter().enumerate() {
        if !p.0.is_finite() || !p.1.is_finite() {
            report.invalid(
                at,
                format!("{what}: point {} is not a finite number; write plain numbers such as (120.0, 45.5).", i + 1),
            );
            return None;
        }
        if p.0 < 0.0 || p.1 < 0.0 || p.0 > size.x || p.1 > size.y {
            report.invalid(
                at,
                format!(
                    "{what}: point {} ({}, {}) lies outside the view, which spans (0, 0) to ({}, {}).",
                    i + 1,
                    p.0,
                    p.1,
                    size.x,
                    size.y
                ),
            );
            return None;
        }
    }
    Some(points.iter().copied().map(to_pos).collect())
}

/// Smooths a closed polygon and checks it is a usable shape: not zero-area, not
/// crossing itself.
fn closed_shape(
    report: &mut Report<'_>,
    at: Position,
    what: &str,
    control: &[Pos2],
) -> Option<Vec<Pos2>> {
    let outline = smooth_closed(control);
    let (mut min, mut max) = (outline[0], outline[0]);
    for p in &outline {
        min = min.min(*p);
        max = max.max(*p);
    }
    let flat = max.x - min.x < 1.0 || max.y - min.y < 1.0;
    if !flat && self_intersects(&outline) {
        report.invalid(
            at,
            format!("{what} crosses itself; list its points in order around the edge."),
        );
        return None;
    }
    if flat || polygon_area(&outline).abs() < MIN_AREA {
        report.invalid(
            at,
            format!("{what} encloses (almost) no area; spread its points apart."),
        );
        return None;
    }
    Some(outline)
}

fn self_intersects(outline: &[Pos2]) -> bool {
    let n = outline.len();
    let boxes: Vec<emath::Rect> = (0..n)
        .map(|i| emath::Rect::from_two_pos(outline[i], outline[(i + 1) % n]))
        .collect();
    // Sweep along x: only segments whose x-ranges overlap can touch, so each one is
    // compared with its few neighbours in x rather than with every other segment.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|a, b| boxes[*a].min.x.total_cmp(&boxes[*b].min.x));
    for (k, &i) in order.iter().enumerate() {
        for &j in &order[k + 1..] {
            if boxes[j].min.x > boxes[i].max.x {
                break;
            }
            let (lo, hi) = (i.min(j), i.max(j));
            let adjacent = hi - lo == 1 || (lo == 0 && hi == n - 1);
            if adjacent || !boxes[i].intersects(boxes[j]) {
                continue;
            }
            let (a, b) = (outline[i], outline[(i + 1) % n]);
            let (c, d) = (outline[j], outline[(j + 1) % n]);
            if segments_touch(a, b, c, d) {
                return true;
            }
        }
    }
    false
}

fn check_text(report: &mut Report<'_>, at: Position, field: &str, text: &str) {
    if text.trim().is_empty() {
        report.invalid(at, format!("`{field}` is empty; write it out for readers."));
    }
}

fn check_id(report: &mut Report<'_>, at: Position, what: &str, id: &str) {
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        report.invalid(
            at,
            format!("{what} id \"{id}\" must be lower-case letters, digits and underscores, e.g. \"upper_trapezius\"."),
        );
    }
}

/// Validates one view.
///
/// # Errors
/// Every problem found, each with its position.
pub fn view(raw: Located<RawView>, file: &str) -> Result<View, Vec<DataError>> {
    let mut report = Report {
        file,
        errors: Vec::new(),
    };
    let at = raw.position;
    let raw = raw.value;
    check_id(&mut report, at, "View", &raw.id);
    check_text(&mut report, at, "name", &raw.name);
    let size = vec2(raw.size.0, raw.size.1);
    if !(size.x.is_finite()
        && size.y.is_finite()
        && size.x >= 10.0
        && size.y >= 10.0
        && size.x <= 10_000.0
        && size.y <= 10_000.0)
    {
        report.invalid(
            at,
            "`size` must be two numbers between 10 and 10000, e.g. (400.0, 860.0).",
        );
        return Err(report.errors);
    }
    let midline = size.x * 0.5;

    let mut silhouette = Vec::new();
    if raw.silhouette.is_empty() {
        report.invalid(
            at,
            "`silhouette` is empty; a view needs at least one outline of the body.",
        );
    }
    for path in &raw.silhouette {
        let Some(mut control) = check_points(
            &mut report,
            path.position,
            "Silhouette",
            &path.value.points,
            3,
            size,
        ) else {
            continue;
        };
        if path.value.mirror_half {
            // Walk down one half, then back up the mirrored half, skipping the
            // midline points so they are not doubled.
            let mirrored: Vec<Pos2> = control
                .iter()
                .rev()
                .filter(|p| (p.x - midline).abs() > 0.01)
                .map(|p| mirror_x(*p, midline))
                .collect();
            control.extend(mirrored);
        }
        if let Some(outline) = closed_shape(&mut report, path.position, "Silhouette", &control) {
            silhouette.push(Tessellation::new(outline));
        }
    }
    let mut lines = Vec::new();
    for path in &raw.lines {
        let RawPath {
            points,
            closed,
            mirror,
            weight,
            ..
        } = &path.value;
        let min = if *closed { 3 } else { 2 };
        let Some(control) = check_points(&mut report, path.position, "Line", points, min, size)
        else {
            continue;
        };
        let smooth = if *closed {
            smooth_closed(&control)
        } else {
            smooth_open(&control)
        };
        if *mirror {
            lines.push(BodyLine::new(
                mirror_points(&smooth, midline),
                *closed,
                *weight,
            ));
        }
        lines.push(BodyLine::new(smooth, *closed, *weight));
    }
    if report.errors.is_empty() {
        // Show the body with a margin for labels, never more than the artboard.
        let mut content = emath::Rect::NOTHING;
        for part in &silhouette {
            for p in part.outline.iter() {
                content.extend_with(*p);
            }
        }
        let content = content
            .expand2(vec2(size.x * 0.06, size.y * 0.02))
            .intersect(emath::Rect::from_min_size(Pos2::ZERO, size));
        let silhouette_rows = silhouette
            .iter()
            .map(|part| edge_rows(&part.outline, size.y))
            .collect();
        Ok(View {
            silhouette_rows,
            id: ViewId(raw.id),
            name: raw.name,
            kind: raw.kind,
            size,
            content,
            detail: raw.detail,
            on_start: raw.on_start,
            silhouette,
            lines,
        })
    } else {
        Err(report.errors)
    }
}

/// Pain, trigger points and muscles are on the body: every point must lie inside the
/// view's silhouette.
fn check_on_body(
    report: &mut Report<'_>,
    at: Position,
    what: &str,
    view: &View,
    points: &[Pos2],
) -> bool {
    let off = points.iter().position(|p| !view.contains_body_point(*p));
    if let Some(i) = off {
        let p = points[i];
        report.invalid(
            at,
            format!(
                "{what}: point {} ({}, {}) lies off the body outline of the {} view; move it inside the figure.",
                i + 1,
                p.x,
                p.y,
                view.id
            ),
        );
    }
    off.is_none()
}

/// For each one-unit row `[y, y + 1)` of an artboard `height` units tall, the
/// indices of the outline edges whose y-range reaches into it.
fn edge_rows(outline: &[Pos2], height: f32) -> Vec<Vec<u32>> {
    let rows = height.max(0.0).ceil() as usize + 1;
    let mut table: Vec<Vec<u32>> = vec![Vec::new(); rows];
    let n = outline.len();
    for i in 0..n {
        let (a, b) = (outline[i], outline[(i + 1) % n]);
        let (lo, hi) = (
            a.y.min(b.y).max(0.0) as usize,
            (a.y.max(b.y).max(0.0) as usize).min(rows - 1),
        );
        for row in table.iter_mut().take(hi + 1).skip(lo) {
            row.push(i as u32);
        }
    }
    table
}

/// Mirror a polygon for the left side where the view is bilateral.
fn sided_outline(view: &View, outline: Vec<Pos2>) -> Sided<Vec<Pos2>> {
    let left = match view.kind {
        ViewKind::Bilateral { .. } => mirror_points(&outline, view.midline_x()),
        ViewKind::Lateral { .. } => outline.clone(),
    };
    Sided {
        right: outline,
        left,
    }
}

/// A shape's fill on both sides: triangulated once; the left side of a bilateral
/// view is the mirror image with the same triangles.
fn sided_fill(view: &View, outline: Vec<Pos2>) -> Sided<Tessellation> {
    let right = Tessellation::new(outline);
    let left = match view.kind {
        ViewKind::Bilateral { .. } => right.mirrored(view.midline_x()),
        ViewKind::Lateral { .. } => right.clone(),
    };
    Sided { right, left }
}

fn find_view<'v>(
    report: &mut Report<'_>,
    at: Position,
    views: &'v [View],
    id: &str,
) -> Option<&'v View> {
    let found = views.iter().find(|v| v.id.0 == id);
    if found.is_none() {
        let known: Vec<&str> = views.iter().map(|v| v.id.0.as_str()).collect();
        report.invalid(
            at,
            format!("unknown view \"{id}\"; use one of: {}.", known.join(", ")),
        );
    }
    found
}

/// What a muscle file must say beside its pattern: anatomy, self-care and the
/// clinician's notes, each field filled, or "Not described in our sources." where
/// the sources say nothing. Errors point at the muscle's id, where the block goes.
fn check_knowledge(report: &mut Report<'_>, raw: &RawMuscle) {
    let at = raw.id.position;
    let fields = [
        ("anatomy.origin", &raw.anatomy.origin),
        ("anatomy.insertion", &raw.anatomy.insertion),
        ("anatomy.innervation", &raw.anatomy.innervation),
        ("anatomy.actions", &raw.anatomy.actions),
        ("self_care.advice", &raw.self_care.advice),
        ("clinical.perpetuating", &raw.clinical.perpetuating),
        ("clinical.rule_out", &raw.clinical.rule_out),
        ("clinical.hazards", &raw.clinical.hazards),
    ];
    let missing: Vec<&str> = fields
        .iter()
        .filter(|(_, text)| text.trim().is_empty())
        .map(|(field, _)| *field)
        .collect();
    if !missing.is_empty() {
        report.invalid(
            at,
            format!(
                "`{}` missing or empty; every muscle says this (write \"{NOT_DESCRIBED}\" where the sources say nothing).",
                missing.join("`, `")
            ),
        );
    }
    if raw.symptoms.iter().any(|s| s.trim().is_empty()) {
        report.invalid(
            at,
            "a `symptoms` entry is empty; name the symptom or remove it.",
        );
    }
}

/// The muscle's outlines, each checked to lie on its view's body.
fn muscle_shapes(report: &mut Report<'_>, raw: &RawMuscle, views: &[View]) -> Vec<MuscleShape> {
    let at = raw.id.position;
    let mut shapes = Vec::new();
    for shape in &raw.shapes {
        let Some(view) = find_view(report, shape.position, views, &shape.value.view) else {
            continue;
        };
        let Some(control) = check_points(
            report,
            shape.position,
            "Muscle shape",
            &shape.value.points,
            3,
            view.size,
        ) else {
            continue;
        };
        if !check_on_body(report, shape.position, "Muscle shape", view, &control) {
            continue;
        }
        if let Some(outline) = closed_shape(report, shape.position, "Muscle shape", &control) {
            shapes.push(MuscleShape {
                view: view.id.clone(),
                fill: sided_fill(view, outline),
            });
        }
    }
    if raw.shapes.is_empty() {
        report.invalid(
            at,
            "`shapes` is empty; draw the muscle on at least one view so it can be clicked.",
        );
    }
    shapes
}

/// The trigger points, each checked to lie on its view's body.
fn muscle_trigger_points(
    report: &mut Report<'_>,
    raw: &RawMuscle,
    views: &[View],
) -> Vec<TriggerPoint> {
    let at = raw.id.position;
    let mut trigger_points = Vec::new();
    for tp in &raw.trigger_points {
        let Some(view) = find_view(report, tp.position, views, &tp.value.view) else {
            continue;
        };
        check_text(report, tp.position, "label", &tp.value.label);
        let Some(p) = check_points(
            report,
            tp.position,
            "Trigger point",
            &[tp.value.at],
            1,
            view.size,
        ) else {
            continue;
        };
        let p = p[0];
        if !check_on_body(report, tp.position, "Trigger point", view, &[p]) {
            continue;
        }
        trigger_points.push(TriggerPoint {
            label: tp.value.label.clone(),
            view: view.id.clone(),
            pos: Sided {
                right: p,
                left: view.place(p, super::Side::Left),
            },
        });
    }
    if raw.trigger_points.is_empty() {
        report.invalid(
            at,
            "`trigger_points` is empty; mark at least one trigger point (an X).",
        );
    }
    trigger_points
}

/// The pain zones, each checked to lie on its view's body; spillover zones get
/// their stipple dots here, once.
fn muscle_zones(report: &mut Report<'_>, raw: &RawMuscle, views: &[View]) -> Vec<Zone> {
    let at = raw.id.position;
    let mut zones = Vec::new();
    for zone in &raw.zones {
        let Some(view) = find_view(report, zone.position, views, &zone.value.view) else {
            continue;
        };
        if zone.value.areas.iter().all(|a| a.trim().is_empty()) {
            report.invalid(
                zone.position,
                "zone `areas` is empty; name the body areas it covers, e.g. [\"temple\"].",
            );
        }
        let Some(control) = check_points(
            report,
            zone.position,
            "Zone",
            &zone.value.points,
            3,
            view.size,
        ) else {
            continue;
        };
        if !check_on_body(report, zone.position, "Zone", view, &control) {
            continue;
        }
        let Some(outline) = closed_shape(report, zone.position, "Zone", &control) else {
            continue;
        };
        // Only spillover zones are stippled.
        let dots = match zone.value.kind {
            ZoneKind::Spillover => sided_outline(view, stipple_points(&outline, STIPPLE_SPACING)),
            ZoneKind::Essential => Sided {
                right: Vec::new(),
                left: Vec::new(),
            },
        };
        let labels: Vec<&str> = raw
            .trigger_points
            .iter()
            .map(|t| t.value.label.as_str())
            .collect();
        if let Some(unknown) = zone
            .value
            .trigger_points
            .iter()
            .find(|l| !labels.contains(&l.as_str()))
        {
            report.invalid(
                zone.position,
                format!(
                    "zone names trigger point \"{unknown}\", which this muscle does not have; use one of its labels: {}.",
                    labels.join(", ")
                ),
            );
            continue;
        }
        let trigger_points = if zone.value.trigger_points.is_empty() {
            let mut all: Vec<String> = Vec::new();
            for l in labels {
                if !all.iter().any(|a| a == l) {
                    all.push(l.to_owned());
                }
            }
            all
        } else {
            zone.value.trigger_points.clone()
        };
        zones.push(Zone {
            kind: zone.value.kind,
            view: view.id.clone(),
            areas: zone.value.areas.clone(),
            bilateral: zone.value.bilateral.unwrap_or(raw.bilateral_referral),
            authored: control,
            fill: sided_fill(view, outline),
            dots,
            trigger_points,
        });
    }
    if !raw
        .zones
        .iter()
        .any(|z| z.value.kind == ZoneKind::Essential)
    {
        report.invalid(
            at,
            "no Essential zone; every pattern needs the area nearly every patient feels.",
        );
    }
    zones
}

/// Validates one muscle against the known views.
///
/// # Errors
/// Every problem found, each with its position.
pub fn muscle(raw: RawMuscle, file: &str, views: &[View]) -> Result<Muscle, Vec<DataError>> {
    let mut report = Report {
        file,
        errors: Vec::new(),
    };
    let at = raw.id.position;
    check_id(&mut report, at, "Muscle", &raw.id.value);
    for (field, text) in [
        ("name", &raw.name),
        ("latin", &raw.latin),
        ("region", &raw.region),
        ("summary", &raw.summary),
        ("clinical.trigger_points", &raw.clinical.trigger_points),
        ("clinical.essential", &raw.clinical.essential),
    ] {
        check_text(&mut report, at, field, text);
    }

    let shapes = muscle_shapes(&mut report, &raw, views);
    let trigger_points = muscle_trigger_points(&mut report, &raw, views);
    let zones = muscle_zones(&mut report, &raw, views);

    if raw.sources.is_empty() {
        report.invalid(at, "`sources` is empty; cite where the pattern comes from.");
    }
    let sources = raw
        .sources
        .iter()
        .map(|s| {
            check_text(&mut report, s.position, "citation", &s.value.citation);
            Source {
                citation: s.value.citation.clone(),
                detail: s.value.detail.clone(),
                url: s.value.url.clone(),
            }
        })
        .collect();

    // Last, so that a file's first error is still the one in its pattern.
    check_knowledge(&mut report, &raw);
    let index = super::pain_index::pain_index();
    for entry in raw
        .covers
        .iter()
        .filter(|e| index.entry(&e.value).is_none())
    {
        report.invalid(
            entry.position,
            format!(
                "`covers` names \"{}\", which is not an entry of the pain-pattern index; use an id from data/pain_index.ron (or `trigger-atlas list --index`).",
                entry.value
            ),
        );
    }
    if !report.errors.is_empty() {
        return Err(report.errors);
    }
    Ok(Muscle {
        id: MuscleId(raw.id.value),
        name: raw.name,
        latin: raw.latin,
        aliases: raw.aliases,
        region: raw.region,
        layer: raw.layer,
        shapes,
        trigger_points,
        zones,
        bilateral_referral: raw.bilateral_referral,
        summary: raw.summary,
        clinical: Clinical {
            trigger_points: raw.clinical.trigger_points,
            essential: raw.clinical.essential,
            spillover: raw.clinical.spillover,
            notes: raw.clinical.notes,
            perpetuating: raw.clinical.perpetuating,
            rule_out: raw.clinical.rule_out,
            hazards: raw.clinical.hazards,
        },
        conditions: raw.conditions,
        anatomy: Anatomy {
            origin: raw.anatomy.origin,
            insertion: raw.anatomy.insertion,
            innervation: raw.anatomy.innervation,
            actions: raw.anatomy.actions,
        },
        symptoms: raw.symptoms,
        self_care: SelfCare {
            advice: raw.self_care.advice,
            caution: raw.self_care.caution,
        },
        synergists: raw
            .synergists
            .into_iter()
            .map(|id| MuscleId(id.value))
            .collect(),
        associated: raw
            .associated
            .into_iter()
            .map(|id| MuscleId(id.value))
            .collect(),
        covers: raw.covers.into_iter().map(|e| e.value).collect(),
        sources,
        origin: file.to_owned(),
    })
}
