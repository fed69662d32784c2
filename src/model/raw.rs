//! Serde mirrors of the RON files, exactly as authors write them. Converted into the
//! validated types by [`super::validate`]. Unknown fields are errors so that typos
//! are reported rather than silently ignored.

use serde::Deserialize;

use super::Located;
use super::{Layer, LineWeight, ViewKind, ZoneKind};

/// A point as written in data: `(x, y)` in the view's artboard units.
pub type RawPoint = (f32, f32);

/// `data/views.ron`: the drawings of the body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawViewsFile {
    pub views: Vec<Located<RawView>>,
}

/// One view of the body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawView {
    pub id: String,
    pub name: String,
    pub kind: ViewKind,
    /// Artboard `(width, height)`.
    pub size: (f32, f32),
    /// A close-up of part of the body (the head, the sole): drawn at half height in a
    /// shared column rather than as a full-height figure.
    #[serde(default)]
    pub detail: bool,
    /// Shown when no muscle is selected (default true). Views that few patterns use
    /// stay out of the way until a pattern needs them.
    #[serde(default = "yes")]
    pub on_start: bool,
    /// Closed outlines filled as skin.
    pub silhouette: Vec<Located<RawPath>>,
    /// Landmark lines drawn over the skin.
    #[serde(default)]
    pub lines: Vec<Located<RawPath>>,
}

/// A smooth path through control points.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPath {
    pub points: Vec<RawPoint>,
    #[serde(default)]
    pub closed: bool,
    /// Silhouettes only: the points trace one half, from the top of the midline to the
    /// bottom of the midline; the other half is the mirror image.
    #[serde(default)]
    pub mirror_half: bool,
    /// Lines only: also draw the mirror image across the midline.
    #[serde(default)]
    pub mirror: bool,
    #[serde(default = "default_weight")]
    pub weight: LineWeight,
}

fn yes() -> bool {
    true
}

fn default_weight() -> LineWeight {
    LineWeight::Detail
}

/// One file in `data/muscles/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMuscle {
    pub id: Located<String>,
    pub name: String,
    pub latin: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub region: String,
    pub layer: Layer,
    pub shapes: Vec<Located<RawShape>>,
    pub trigger_points: Vec<Located<RawTriggerPoint>>,
    pub zones: Vec<Located<RawZone>>,
    #[serde(default)]
    pub bilateral_referral: bool,
    pub summary: String,
    pub clinical: RawClinical,
    #[serde(default)]
    pub conditions: Vec<String>,
    /// Origin, insertion, innervation and actions. Required (validation says so with
    /// a position); a default here so that a missing block is one clear message.
    #[serde(default)]
    pub anatomy: RawAnatomy,
    /// Symptoms besides pain that the sources describe (dizziness, stiffness …).
    #[serde(default)]
    pub symptoms: Vec<String>,
    /// What a patient can do; required like `anatomy`.
    #[serde(default)]
    pub self_care: RawSelfCare,
    /// Muscles that work with this one (its functional unit), by id.
    #[serde(default)]
    pub synergists: Vec<Located<String>>,
    /// Muscles that commonly carry associated or satellite trigger points with it.
    #[serde(default)]
    pub associated: Vec<Located<String>>,
    /// The entries of the Trigger Point Manual's pain-pattern index this file draws
    /// (ids from `data/pain_index.ron`).
    #[serde(default)]
    pub covers: Vec<Located<String>>,
    pub sources: Vec<Located<RawSource>>,
}

/// The muscle's anatomy, for students.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnatomy {
    #[serde(default)]
    pub origin: String,
    #[serde(default)]
    pub insertion: String,
    /// The nerve and its spinal roots.
    #[serde(default)]
    pub innervation: String,
    #[serde(default)]
    pub actions: String,
}

/// Plain self-care for patients.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSelfCare {
    /// Position, gentle stretch, self-pressure, what to avoid.
    #[serde(default)]
    pub advice: String,
    /// When to stop or be careful; empty when none applies.
    #[serde(default)]
    pub caution: String,
}

/// The muscle's outline on one view (patient's right side).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShape {
    pub view: String,
    pub points: Vec<RawPoint>,
}

/// A trigger point location (patient's right side).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTriggerPoint {
    pub label: String,
    pub view: String,
    pub at: RawPoint,
}

/// A referred pain zone (patient's right side).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawZone {
    pub kind: ZoneKind,
    pub view: String,
    pub areas: Vec<String>,
    pub points: Vec<RawPoint>,
    /// Overrides the muscle's `bilateral_referral` for this zone, e.g. `Some(false)` for
    /// a zone felt only on the trigger point's side within a pattern felt on both.
    #[serde(default)]
    pub bilateral: Option<bool>,
    /// The trigger points (by label) that refer pain to this zone; empty means all of
    /// the muscle's trigger points.
    #[serde(default)]
    pub trigger_points: Vec<String>,
}

/// Clinical text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClinical {
    pub trigger_points: String,
    pub essential: String,
    pub spillover: String,
    #[serde(default)]
    pub notes: String,
    /// What keeps the trigger points going (posture, overuse …).
    #[serde(default)]
    pub perpetuating: String,
    /// What to rule out before calling the pain myofascial.
    #[serde(default)]
    pub rule_out: String,
    /// Hazards of needling or injecting near the muscle.
    #[serde(default)]
    pub hazards: String,
}

/// A reference.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub citation: String,
    #[serde(default)]
    pub detail: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// `data/warnings.ron`: the warning signs of each body region, and which region each
/// zone area (the words a pattern's zones use) belongs to.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWarnings {
    pub regions: Vec<Located<RawWarningRegion>>,
    #[serde(default)]
    pub areas: std::collections::BTreeMap<String, Located<String>>,
}

/// One region's warning signs.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWarningRegion {
    pub id: String,
    pub name: String,
    /// Plain words for patients, one sign per sentence.
    pub signs: Vec<String>,
    /// For clinicians: the guideline or mnemonic and what it screens for.
    pub clinician: String,
    pub sources: Vec<Located<RawSource>>,
}

/// `data/groups.ron`: named functional groups of muscles, as courses teach them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroupsFile {
    pub groups: Vec<Located<RawGroup>>,
}

/// One functional group.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: String,
    pub name: String,
    /// One or two plain sentences: what the group is and does.
    pub description: String,
    /// Muscle ids.
    pub members: Vec<Located<String>>,
    pub sources: Vec<Located<RawSource>>,
}
