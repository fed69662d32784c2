use std::fmt;

use emath::{Pos2, Vec2};
use serde::{Deserialize, Serialize};

use super::Atlas;
use crate::geometry::Tessellation;

/// Identifies a view of the body, e.g. `front`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ViewId(pub String);

/// Identifies a muscle (or a part with its own pattern), e.g. `upper_trapezius`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MuscleId(pub String);

impl fmt::Display for ViewId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for MuscleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The patient's side of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    Right,
    Left,
}

impl Side {
    /// Both sides, right first.
    pub const BOTH: [Side; 2] = [Side::Right, Side::Left];

    /// The short label drawn on views: "R" or "L".
    #[must_use]
    pub fn letter(self) -> &'static str {
        match self {
            Side::Right => "R",
            Side::Left => "L",
        }
    }

    /// "right" or "left".
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Side::Right => "right",
            Side::Left => "left",
        }
    }

    /// Just this side, as a slice (for APIs that take the sides to show).
    #[must_use]
    pub fn alone(self) -> &'static [Side] {
        match self {
            Side::Right => &[Side::Right],
            Side::Left => &[Side::Left],
        }
    }

    /// The other side.
    #[must_use]
    pub fn opposite(self) -> Side {
        match self {
            Side::Right => Side::Left,
            Side::Left => Side::Right,
        }
    }
}

/// Which of the viewer's halves of the picture something is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScreenHalf {
    ViewerLeft,
    ViewerRight,
}

/// How a view relates to the two sides of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ViewKind {
    /// Both sides are visible (front, back). Data is authored for the patient's right
    /// side and mirrored across the midline for the left.
    Bilateral {
        /// Where the patient's right side appears: viewer's left in a front view.
        patient_right: ScreenHalf,
    },
    /// One side is visible (a side view). Authored for `shows`; the other side's view
    /// is the whole drawing flipped left-right.
    Lateral { shows: Side },
}

/// Line weights of the body drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineWeight {
    /// The silhouette.
    Outline,
    /// Landmarks: clavicles, scapulae, spine, creases.
    Detail,
    /// Faint hints: muscle contours, navel, knee caps.
    Faint,
}

/// A smoothed line of the body drawing, in body coordinates.
#[derive(Clone, Debug)]
pub struct BodyLine {
    pub points: Vec<Pos2>,
    pub closed: bool,
    pub weight: LineWeight,
    /// Simplified copies of `points` for drawing small, one per
    /// [`LEVEL_TOLERANCES`](crate::geometry::LEVEL_TOLERANCES) entry (`None`: no saving).
    coarser: Vec<Option<Vec<Pos2>>>,
}

impl BodyLine {
    #[must_use]
    pub fn new(points: Vec<Pos2>, closed: bool, weight: LineWeight) -> Self {
        let coarser = crate::geometry::levels(&points, closed);
        Self {
            points,
            closed,
            weight,
            coarser,
        }
    }

    /// The points to draw at `scale` physical pixels per body unit.
    #[must_use]
    pub fn points_for_scale(&self, scale: f32) -> &[Pos2] {
        crate::geometry::drawable(scale)
            .find_map(|level| self.coarser[level].as_deref())
            .unwrap_or(&self.points)
    }
}

/// One drawing of the body (front, back, side of the head …).
#[derive(Clone, Debug)]
pub struct View {
    pub id: ViewId,
    /// Display name, e.g. "Front".
    pub name: String,
    pub kind: ViewKind,
    /// Artboard size in body units; all coordinates of this view lie inside it.
    pub size: Vec2,
    /// The part of the artboard worth showing: the silhouette with a margin.
    pub content: emath::Rect,
    /// A close-up (head, sole) rather than a whole figure; laid out at half height.
    pub detail: bool,
    /// Shown when no muscle is selected.
    pub on_start: bool,
    /// Filled silhouette parts (skin).
    pub silhouette: Vec<Tessellation>,
    /// For each silhouette part and each one-unit row of the artboard, the outline
    /// edges that reach into that row (for fast point-in-body tests).
    pub silhouette_rows: Vec<Vec<Vec<u32>>>,
    /// Outline and landmark lines.
    pub lines: Vec<BodyLine>,
}

impl View {
    /// The vertical line the view mirrors across (bilateral views).
    #[must_use]
    pub fn midline_x(&self) -> f32 {
        self.size.x * 0.5
    }

    /// Whether `p` lies inside the body silhouette of this view. Exact (even-odd), and
    /// fast: only the outline edges of the point's one-unit row are tested.
    #[must_use]
    pub fn contains_body_point(&self, p: Pos2) -> bool {
        if !p.y.is_finite() || p.y < 0.0 {
            return false;
        }
        let row = p.y as usize;
        self.silhouette
            .iter()
            .zip(&self.silhouette_rows)
            .any(|(part, rows)| {
                let Some(edges) = rows.get(row) else {
                    return false;
                };
                let n = part.outline.len();
                let mut inside = false;
                for &e in edges {
                    let (a, b) = (part.outline[e as usize], part.outline[(e as usize + 1) % n]);
                    if (a.y > p.y) != (b.y > p.y)
                        && p.x < a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x)
                    {
                        inside = !inside;
                    }
                }
                inside
            })
    }

    /// Where the given side of the patient is drawn in this view: a point authored for
    /// the patient's right is mirrored for the left in bilateral views. Lateral views
    /// are flipped as a whole by their panel instead.
    #[must_use]
    pub fn place(&self, pos_authored_right: Pos2, side: Side) -> Pos2 {
        match (self.kind, side) {
            (ViewKind::Bilateral { .. }, Side::Left) => {
                crate::geometry::mirror_x(pos_authored_right, self.midline_x())
            }
            _ => pos_authored_right,
        }
    }
}

/// How deep a muscle lies; deep muscles are drawn dashed and picked after the ones above.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Layer {
    Superficial,
    Intermediate,
    Deep,
}

impl Layer {
    /// Plain name for the details panel.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Layer::Superficial => "superficial",
            Layer::Intermediate => "intermediate",
            Layer::Deep => "deep",
        }
    }
}

/// Essential (nearly every patient) or spillover (some patients).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ZoneKind {
    Essential,
    Spillover,
}

impl ZoneKind {
    /// Lower-case word used in text and JSON.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            ZoneKind::Essential => "essential",
            ZoneKind::Spillover => "spillover",
        }
    }
}

/// A polygon authored once for the patient's right side, with its left-side mirror
/// precomputed (identical for lateral views, which flip as a whole).
#[derive(Clone, Debug)]
pub struct Sided<T> {
    pub right: T,
    pub left: T,
}

impl<T> Sided<T> {
    /// The version for `side`.
    #[must_use]
    pub fn get(&self, side: Side) -> &T {
        match side {
            Side::Right => &self.right,
            Side::Left => &self.left,
        }
    }
}

/// Where a muscle lies in one view.
#[derive(Clone, Debug)]
pub struct MuscleShape {
    pub view: ViewId,
    pub fill: Sided<Tessellation>,
}

/// A trigger point: drawn as an X.
#[derive(Clone, Debug)]
pub struct TriggerPoint {
    /// As in the source, e.g. `TrP1`.
    pub label: String,
    pub view: ViewId,
    pub pos: Sided<Pos2>,
}

/// A referred pain zone in one view.
#[derive(Clone, Debug)]
pub struct Zone {
    pub kind: ZoneKind,
    pub view: ViewId,
    /// The body areas covered, in plain words ("temple", "behind the ear").
    pub areas: Vec<String>,
    /// Felt on both sides from a trigger point on one side.
    pub bilateral: bool,
    /// The control points as authored (patient's right side).
    pub authored: Vec<Pos2>,
    pub fill: Sided<Tessellation>,
    /// Stipple dot centres (used for spillover zones).
    pub dots: Sided<Vec<Pos2>>,
    /// The labels of the trigger points that refer pain here (every one of the
    /// muscle's labels when the file names none).
    pub trigger_points: Vec<String>,
}

impl Zone {
    /// Whether the trigger point labelled `label` (or, with `None`, any trigger point)
    /// refers pain to this zone.
    #[must_use]
    pub fn refers_from(&self, label: Option<&str>) -> bool {
        label.is_none_or(|l| self.trigger_points.iter().any(|t| t == l))
    }
}

/// Clinical description, each part in full sentences.
#[derive(Clone, Debug, Default)]
pub struct Clinical {
    pub trigger_points: String,
    pub essential: String,
    pub spillover: String,
    pub notes: String,
    /// What keeps the trigger points going.
    pub perpetuating: String,
    /// What to rule out before calling the pain myofascial.
    pub rule_out: String,
    /// Hazards of needling or injecting near the muscle.
    pub hazards: String,
}

/// Where a muscle starts and ends, what supplies it and what it does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Anatomy {
    pub origin: String,
    pub insertion: String,
    /// The nerve and its spinal roots.
    pub innervation: String,
    pub actions: String,
}

/// What a patient can do themselves, in plain words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SelfCare {
    pub advice: String,
    /// When to stop or be careful; empty when none applies.
    pub caution: String,
}

/// A reference for a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub citation: String,
    /// What the source supports, or where sources disagree.
    pub detail: String,
    pub url: Option<String>,
}

impl From<super::raw::RawSource> for Source {
    fn from(raw: super::raw::RawSource) -> Self {
        Self {
            citation: raw.citation,
            detail: raw.detail,
            url: raw.url,
        }
    }
}

/// A muscle (or a part of one with its own pattern) and its referral pattern.
#[derive(Clone, Debug)]
pub struct Muscle {
    pub id: MuscleId,
    pub name: String,
    pub latin: String,
    pub aliases: Vec<String>,
    pub region: String,
    pub layer: Layer,
    pub shapes: Vec<MuscleShape>,
    pub trigger_points: Vec<TriggerPoint>,
    pub zones: Vec<Zone>,
    /// True when the pattern appears on both sides from a trigger point on one side.
    pub bilateral_referral: bool,
    /// Plain-language paragraph for patients.
    pub summary: String,
    pub clinical: Clinical,
    pub conditions: Vec<String>,
    pub anatomy: Anatomy,
    /// Symptoms besides pain that the sources describe.
    pub symptoms: Vec<String>,
    pub self_care: SelfCare,
    /// Muscles that work with this one, by id (each checked to exist).
    pub synergists: Vec<MuscleId>,
    /// Muscles that commonly carry associated or satellite trigger points with it.
    pub associated: Vec<MuscleId>,
    /// The pain-pattern index entries this muscle's file draws (each checked to exist).
    pub covers: Vec<String>,
    pub sources: Vec<Source>,
    /// Where this muscle came from (embedded file or user file), for the details panel.
    pub origin: String,
}

impl Muscle {
    /// Every view this muscle's shape or pattern touches, in atlas view order.
    #[must_use]
    pub fn views<'a>(&'a self, atlas: &'a Atlas) -> Vec<&'a ViewId> {
        self.views_from(atlas, None)
    }

    /// The views the pattern of the trigger point labelled `trigger_point` touches
    /// (its zones and its X), or with `None` every view of the muscle.
    #[must_use]
    pub fn views_from<'a>(
        &'a self,
        atlas: &'a Atlas,
        trigger_point: Option<&str>,
    ) -> Vec<&'a ViewId> {
        atlas
            .views
            .iter()
            .map(|v| &v.id)
            .filter(|id| {
                (trigger_point.is_none() && self.shapes.iter().any(|s| &s.view == *id))
                    || self
                        .zones
                        .iter()
                        .any(|z| &z.view == *id && z.refers_from(trigger_point))
                    || self
                        .trigger_points
                        .iter()
                        .any(|t| &t.view == *id && trigger_point.is_none_or(|l| t.label == l))
            })
            .collect()
    }

    /// The distinct trigger point labels, in data order (`TrP1`, `TrP2` …; one label
    /// may be drawn on several views).
    #[must_use]
    pub fn trigger_point_labels(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for tp in &self.trigger_points {
            if !out.contains(&tp.label.as_str()) {
                out.push(&tp.label);
            }
        }
        out
    }

    /// Whether the trigger points refer to different zones (some zone belongs to
    /// only some of them), so that naming a trigger point says something.
    #[must_use]
    pub fn pattern_is_split(&self) -> bool {
        let labels = self.trigger_point_labels().len();
        labels > 1 && self.zones.iter().any(|z| z.trigger_points.len() < labels)
    }

    /// The areas of all zones of `kind`, without repeats, in data order.
    #[must_use]
    pub fn areas(&self, kind: ZoneKind) -> Vec<&str> {
        self.areas_from(kind, None)
    }

    /// The areas of the zones of `kind` that the trigger point labelled
    /// `trigger_point` refers to (all zones with `None`), without repeats.
    #[must_use]
    pub fn areas_from(&self, kind: ZoneKind, trigger_point: Option<&str>) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for zone in self
            .zones
            .iter()
            .filter(|z| z.kind == kind && z.refers_from(trigger_point))
        {
            for area in &zone.areas {
                if !out.contains(&area.as_str()) {
                    out.push(area);
                }
            }
        }
        out
    }

    /// Whether `query` (lower-case) matches the name, Latin name, an alias, a condition
    /// or a symptom.
    #[must_use]
    pub fn matches(&self, query_lower: &str) -> bool {
        let hit = |s: &str| s.to_lowercase().contains(query_lower);
        query_lower.is_empty()
            || hit(&self.name)
            || hit(&self.latin)
            || self.aliases.iter().any(|a| hit(a))
            || self.conditions.iter().any(|c| hit(c))
            || self.symptoms.iter().any(|c| hit(c))
    }
}

/// A named functional group of muscles (rotator cuff, hamstrings …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    pub name: String,
    /// Plain words: what the group is and does.
    pub description: String,
    /// In the order the file lists them; each an atlas muscle.
    pub members: Vec<MuscleId>,
    pub sources: Vec<Source>,
}
