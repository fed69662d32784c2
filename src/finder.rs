//! "Where does it hurt?": rank the muscles whose referral zones cover the spots a
//! patient marks. One engine for the window and the `lookup` command.

use emath::Pos2;
use serde::{Deserialize, Serialize};

use crate::geometry::{Tessellation, distance_to_outline, point_in_polygon};
use crate::model::pain_guide::GuideArea;
use crate::model::{
    Atlas, ClinicianNote, Muscle, MuscleId, Side, ViewId, ViewKind, Zone, ZoneKind,
};

/// Weight of a mark in an essential zone; a spillover mark counts [`SPILLOVER_WEIGHT`].
pub const ESSENTIAL_WEIGHT: f32 = 1.0;
/// Spillover is felt by only some patients, so it counts for about a third.
pub const SPILLOVER_WEIGHT: f32 = 0.35;

/// A painful spot marked on a view, in that view's body coordinates (as authored,
/// i.e. unflipped for side views).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PainMark {
    pub view: ViewId,
    /// For side views: which side's view the mark was made on. Ignored on front and
    /// back views, where the position itself tells the side.
    pub panel_side: Side,
    pub pos: Pos2,
    /// Brush radius in body units; a zone within this distance counts as touched.
    pub radius: f32,
}

/// How one mark relates to a muscle's pattern on one side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    Essential,
    Spillover,
    Outside,
}

/// A muscle (on one side) that could cause the marked pain.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    pub muscle: MuscleId,
    pub side: Side,
    /// Weighted share of the marks its zones cover: 1.0 = every mark in an
    /// essential zone.
    pub score: f32,
    pub essential: usize,
    pub spillover: usize,
    pub marks: usize,
    /// The trigger points whose zones hold the marks (for a split pattern).
    pub trigger_points: Vec<String>,
    /// Where the pain guide puts this muscle for the marked areas (0: the most
    /// frequent cause); breaks ties between equal scores.
    pub frequency: Option<usize>,
}

impl Candidate {
    /// "3 of 4 marks in its essential zone, 1 in spillover".
    #[must_use]
    pub fn reason(&self) -> String {
        let mut parts = Vec::new();
        if self.essential > 0 {
            parts.push(format!(
                "{} of {} marks in its essential zone",
                self.essential, self.marks
            ));
        }
        if self.spillover > 0 {
            if parts.is_empty() {
                parts.push(format!(
                    "{} of {} marks in its spillover zone",
                    self.spillover, self.marks
                ));
            } else {
                parts.push(format!("{} in spillover", self.spillover));
            }
        }
        let mut text = parts.join(", ");
        if self.marks == 1 {
            text = text.replace("1 of 1 marks", "the mark");
        }
        if self.trigger_points.is_empty() {
            text
        } else {
            format!("{}: {text}", self.trigger_points.join(", "))
        }
    }

    /// The stronger kind of zone that covers the marks: essential if any mark is in
    /// an essential zone.
    #[must_use]
    pub fn kind(&self) -> ZoneKind {
        if self.essential > 0 {
            ZoneKind::Essential
        } else {
            ZoneKind::Spillover
        }
    }
}

fn touches(tess: &Tessellation, p: Pos2, radius: f32) -> bool {
    if !tess.bounds.expand(radius).contains(p) {
        return false;
    }
    point_in_polygon(&tess.outline, p)
        || (radius > 0.0 && distance_to_outline(&tess.outline, p) <= radius)
}

/// How `mark` falls in the pattern of `muscle` when its trigger point is on `side`.
#[must_use]
pub fn coverage(atlas: &Atlas, muscle: &Muscle, side: Side, mark: &PainMark) -> Coverage {
    let Some(view) = atlas.view(&mark.view) else {
        return Coverage::Outside;
    };
    let mut best = Coverage::Outside;
    for zone in muscle.zones.iter().filter(|z| z.view == mark.view) {
        if zone_hit(view, zone, side, mark) {
            match zone.kind {
                ZoneKind::Essential => return Coverage::Essential,
                ZoneKind::Spillover => best = Coverage::Spillover,
            }
        }
    }
    best
}

/// Whether `mark` falls in (or within its radius of) `zone` as referred from `side`.
fn zone_hit(view: &crate::model::View, zone: &Zone, side: Side, mark: &PainMark) -> bool {
    // Which drawn sides of the zone the mark can fall on.
    let referred_sides: &[Side] = if zone.bilateral {
        &Side::BOTH
    } else {
        std::slice::from_ref(&side)
    };
    match view.kind {
        ViewKind::Bilateral { .. } => referred_sides
            .iter()
            .any(|s| touches(zone.fill.get(*s), mark.pos, mark.radius)),
        ViewKind::Lateral { .. } => {
            referred_sides.contains(&mark.panel_side)
                && touches(&zone.fill.right, mark.pos, mark.radius)
        }
    }
}

/// A set of a muscle's zones, by index.
#[derive(Clone, Default)]
struct ZoneSet(Vec<bool>);

impl ZoneSet {
    fn add(&mut self, other: &ZoneSet) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), false);
        }
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= *b;
        }
    }

    fn zones<'m>(&self, muscle: &'m Muscle) -> impl Iterator<Item = &'m Zone> {
        muscle
            .zones
            .iter()
            .zip(self.0.iter().chain(std::iter::repeat(&false)))
            .filter_map(|(z, hit)| hit.then_some(z))
    }

    fn coverage(&self, muscle: &Muscle) -> Coverage {
        let mut best = Coverage::Outside;
        for zone in self.zones(muscle) {
            match zone.kind {
                ZoneKind::Essential => return Coverage::Essential,
                ZoneKind::Spillover => best = Coverage::Spillover,
            }
        }
        best
    }

    /// The labels of the trigger points of the zones in the set, in data order.
    fn trigger_points(&self, muscle: &Muscle) -> Vec<String> {
        muscle
            .trigger_point_labels()
            .into_iter()
            .filter(|l| self.zones(muscle).any(|z| z.refers_from(Some(l))))
            .map(str::to_owned)
            .collect()
    }
}

/// The zones of `muscle` (referred from `side`) that `mark` falls in.
fn zones_hit(atlas: &Atlas, muscle: &Muscle, side: Side, mark: &PainMark) -> ZoneSet {
    let mut set = ZoneSet::default();
    let Some(view) = atlas.view(&mark.view) else {
        return set;
    };
    for (i, zone) in muscle.zones.iter().enumerate() {
        if zone.view == mark.view && zone_hit(view, zone, side, mark) {
            if set.0.len() <= i {
                set.0.resize(i + 1, false);
            }
            set.0[i] = true;
        }
    }
    set
}

/// Ranks every muscle and side against the marks, best first. Muscles whose zones
/// touch none of the marks are left out.
#[must_use]
pub fn rank(atlas: &Atlas, marks: &[PainMark]) -> Vec<Candidate> {
    let mut out = Vec::new();
    if marks.is_empty() {
        return out;
    }
    // The zone areas under the marks, per candidate.
    let mut hit_areas: Vec<Vec<&str>> = Vec::new();
    for muscle in &atlas.muscles {
        // A split pattern names the trigger points whose zones hold the marks.
        let split = muscle.pattern_is_split();
        for side in Side::BOTH {
            let (mut essential, mut spillover) = (0, 0);
            let mut all_hit = ZoneSet::default();
            // Every zone each mark falls in: the best one scores, and all of them
            // name the trigger points and the areas for the pain guide.
            for mark in marks {
                let hit = zones_hit(atlas, muscle, side, mark);
                all_hit.add(&hit);
                let coverage = hit.coverage(muscle);
                match coverage {
                    Coverage::Essential => essential += 1,
                    Coverage::Spillover => spillover += 1,
                    Coverage::Outside => {}
                }
            }
            if essential + spillover == 0 {
                continue;
            }
            let score = (essential as f32 * ESSENTIAL_WEIGHT + spillover as f32 * SPILLOVER_WEIGHT)
                / marks.len() as f32;
            // The areas of the zones under the marks, for the pain guide's order.
            let areas: Vec<&str> = muscle
                .zones
                .iter()
                .zip(&all_hit.0)
                .filter(|(_, hit)| **hit)
                .flat_map(|(z, _)| z.areas.iter().map(String::as_str))
                .collect();
            hit_areas.push(areas);
            out.push(Candidate {
                muscle: muscle.id.clone(),
                side,
                score,
                essential,
                spillover,
                marks: marks.len(),
                trigger_points: if split {
                    all_hit.trigger_points(muscle)
                } else {
                    Vec::new()
                },
                frequency: None,
            });
        }
    }
    // The pain guide's area for the marked spot: the one the most candidates' zones
    // name there. Its list says which cause is the more frequent.
    let guide = crate::model::pain_guide::pain_guide();
    let spot = guide
        .areas
        .iter()
        .map(|g| {
            let named = hit_areas
                .iter()
                .filter(|areas| g.matches.iter().any(|m| areas.contains(&m.as_str())))
                .count();
            (g, named)
        })
        .filter(|(_, named)| *named > 0)
        .fold(
            None,
            |best: Option<(&GuideArea, usize)>, (g, n)| match best {
                Some((_, m)) if m >= n => best,
                _ => Some((g, n)),
            },
        )
        .map(|(g, _)| g);
    if let Some(area) = spot {
        for c in &mut out {
            c.frequency = area.muscles.iter().position(|m| *m == c.muscle.0);
        }
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.essential.cmp(&a.essential))
            // Equal matches: the more frequent cause of pain there first.
            .then(
                a.frequency
                    .unwrap_or(usize::MAX)
                    .cmp(&b.frequency.unwrap_or(usize::MAX)),
            )
            .then_with(|| a.muscle.cmp(&b.muscle))
            .then((a.side == Side::Left).cmp(&(b.side == Side::Left)))
    });
    out
}

/// A new mark closer than this share of the brush radius to the last one is the
/// same spot (a drag paints many frames over one place).
const SAME_SPOT: f32 = 0.7;

/// The pain finder in progress: the marks and their ranking, kept in step.
#[derive(Clone, Debug)]
pub struct FinderState {
    pub marks: Vec<PainMark>,
    /// Brush radius in body units.
    pub brush_radius: f32,
    pub candidates: Vec<Candidate>,
    /// The candidate whose pattern is overlaid, by index into `candidates`.
    pub chosen: Option<usize>,
    /// The named place and side picked for marking with the keyboard.
    pub pick: (usize, Side),
    /// The named places, for the atlas generation they were made from.
    places: Option<(u64, std::sync::Arc<Vec<Place>>)>,
    /// The pain drawing's file (typed in the panel), its label, and what the last
    /// save or open did.
    pub drawing_path: String,
    pub drawing_label: String,
    pub drawing_status: Option<String>,
    /// The physician's initials, visit date and note for the printed pages: saved
    /// with the drawing, nowhere else.
    pub note: ClinicianNote,
}

impl Default for FinderState {
    fn default() -> Self {
        Self {
            marks: Vec::new(),
            brush_radius: 7.0,
            candidates: Vec::new(),
            chosen: None,
            pick: (0, Side::Right),
            places: None,
            drawing_path: String::new(),
            drawing_label: String::new(),
            drawing_status: None,
            note: ClinicianNote::default(),
        }
    }
}

impl FinderState {
    /// Marks a painful spot with the current brush, unless it is right on top of the
    /// last mark, and ranks again.
    pub fn paint(&mut self, atlas: &Atlas, view: &ViewId, panel_side: Side, pos_in_body: Pos2) {
        let radius = self.brush_radius;
        let close_to_last = self.marks.last().is_some_and(|m| {
            &m.view == view
                && m.panel_side == panel_side
                && m.pos.distance(pos_in_body) < radius * SAME_SPOT
        });
        if !close_to_last {
            self.marks.push(PainMark {
                view: view.clone(),
                panel_side,
                pos: pos_in_body,
                radius,
            });
            self.rerank(atlas);
        }
    }

    /// Takes the last mark away.
    pub fn undo(&mut self, atlas: &Atlas) {
        self.marks.pop();
        self.rerank(atlas);
    }

    /// Puts back the marks, brush and shown candidate of a saved drawing, as they were.
    pub fn restore(
        &mut self,
        atlas: &Atlas,
        marks: Vec<PainMark>,
        brush: f32,
        chosen: Option<(MuscleId, Side)>,
    ) {
        self.marks = marks;
        self.brush_radius = brush;
        self.chosen = None;
        self.rerank(atlas);
        self.chosen = chosen.and_then(|(id, side)| {
            self.candidates
                .iter()
                .position(|c| c.muscle == id && c.side == side)
        });
    }

    /// The atlas's named places (made once per atlas; shared, so a panel can hold
    /// them while the finder changes).
    pub fn places(&mut self, atlas: &Atlas) -> std::sync::Arc<Vec<Place>> {
        match &self.places {
            Some((generation, places)) if *generation == atlas.generation() => places.clone(),
            _ => {
                let made = std::sync::Arc::new(places(atlas));
                self.places = Some((atlas.generation(), made.clone()));
                made
            }
        }
    }

    /// Takes mark `i` away (a mark removed from the list of marks).
    pub fn remove(&mut self, atlas: &Atlas, i: usize) {
        if i < self.marks.len() {
            self.marks.remove(i);
            self.rerank(atlas);
        }
    }

    /// Marks a named place on `side` without a pointer (the keyboard way to mark).
    pub fn mark_place(&mut self, atlas: &Atlas, place: &Place, side: Side) {
        if let Some(mark) = place.mark(atlas, side, self.brush_radius) {
            self.marks.push(mark);
            self.rerank(atlas);
        }
    }

    /// Takes every mark away.
    pub fn clear(&mut self, atlas: &Atlas) {
        self.marks.clear();
        self.rerank(atlas);
    }

    /// Overlays candidate `i`, or stops overlaying it if it already is.
    pub fn toggle_chosen(&mut self, i: usize) {
        self.chosen = if self.chosen == Some(i) {
            None
        } else {
            Some(i)
        };
    }

    /// The candidate whose pattern is overlaid.
    #[must_use]
    pub fn chosen_candidate(&self) -> Option<&Candidate> {
        self.chosen.and_then(|i| self.candidates.get(i))
    }

    /// Ranks the marks again, keeping the overlaid candidate if it remains.
    fn rerank(&mut self, atlas: &Atlas) {
        let chosen = self.chosen_candidate().map(|c| (c.muscle.clone(), c.side));
        self.candidates = rank(atlas, &self.marks);
        self.chosen = chosen.and_then(|(id, side)| {
            self.candidates
                .iter()
                .position(|c| c.muscle == id && c.side == side)
        });
    }
}

/// A body area a pattern names ("temple", "heel"), with a spot inside it on one view
/// (authored for the patient's right): what keyboard users mark instead of clicking.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub area: String,
    pub view: ViewId,
    pub pos: Pos2,
}

/// Every area the atlas's zones name, alphabetically, each placed in the most specific
/// zone that names it (the one naming the fewest areas), at the centre of that zone's
/// largest triangle, which always lies inside it.
#[must_use]
pub fn places(atlas: &Atlas) -> Vec<Place> {
    let mut best: Vec<(String, &Zone, usize)> = Vec::new();
    for zone in atlas.muscles.iter().flat_map(|m| &m.zones) {
        for area in &zone.areas {
            match best.iter_mut().find(|(a, _, _)| a == area) {
                Some(slot) if slot.2 <= zone.areas.len() => {}
                Some(slot) => *slot = (area.clone(), zone, zone.areas.len()),
                None => best.push((area.clone(), zone, zone.areas.len())),
            }
        }
    }
    let mut out: Vec<Place> = best
        .into_iter()
        .filter_map(|(area, zone, _)| zone_place(area, zone))
        .collect();
    out.sort_by(|a, b| a.area.cmp(&b.area));
    out
}

/// `area` placed in `zone`: at the centre of the zone's largest triangle, which always
/// lies inside it.
fn zone_place(area: String, zone: &Zone) -> Option<Place> {
    let tess = &zone.fill.right;
    let centre = tess
        .triangles()
        .chunks_exact(3)
        .map(|t| [t[0], t[1], t[2]].map(|i| tess.outline[i as usize]))
        .max_by(|a, b| triangle_area(a).total_cmp(&triangle_area(b)))
        .map(|[a, b, c]| Pos2::new((a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0))?;
    Some(Place {
        area,
        view: zone.view.clone(),
        pos: centre,
    })
}

/// `area` placed in `muscle`'s own zone that names it (an essential zone before a
/// spillover one), with the kind of that zone; `None` if no zone of the muscle names
/// it. The place [`places`] gives an area may lie in another muscle's zone of that
/// name, elsewhere on the body.
#[must_use]
pub fn place_in(muscle: &Muscle, area: &str) -> Option<(Place, ZoneKind)> {
    [ZoneKind::Essential, ZoneKind::Spillover]
        .into_iter()
        .find_map(|kind| {
            muscle
                .zones
                .iter()
                .filter(|z| z.kind == kind && z.areas.iter().any(|a| a == area))
                .find_map(|z| zone_place(area.to_owned(), z))
                .map(|place| (place, kind))
        })
}

impl Place {
    /// A mark of `radius` on this place, on the patient's `side`.
    #[must_use]
    pub fn mark(&self, atlas: &Atlas, side: Side, radius: f32) -> Option<PainMark> {
        let view = atlas.view(&self.view)?;
        let (pos, panel_side) = match view.kind {
            ViewKind::Bilateral { .. } => (view.place(self.pos, side), Side::Right),
            ViewKind::Lateral { .. } => (self.pos, side),
        };
        Some(PainMark {
            view: self.view.clone(),
            panel_side,
            pos,
            radius,
        })
    }
}

fn triangle_area([a, b, c]: &[Pos2; 3]) -> f32 {
    ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)).abs() * 0.5
}

/// The area a mark lies in, in words ("temple"): of the areas that the zones under it
/// name (any muscle, either side), the one most of them name.
#[must_use]
pub fn area_of<'a>(atlas: &'a Atlas, mark: &PainMark) -> Option<&'a str> {
    let view = atlas.view(&mark.view)?;
    let point = PainMark {
        radius: 0.0,
        ..mark.clone()
    };
    let mut votes: Vec<(&str, usize)> = Vec::new();
    for zone in atlas
        .muscles
        .iter()
        .flat_map(|m| &m.zones)
        .filter(|z| z.view == mark.view)
        .filter(|z| Side::BOTH.iter().any(|&s| zone_hit(view, z, s, &point)))
    {
        for area in &zone.areas {
            match votes.iter_mut().find(|(a, _)| *a == area.as_str()) {
                Some(v) => v.1 += 1,
                None => votes.push((area, 1)),
            }
        }
    }
    votes
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(a, _)| a)
}

/// The side of the body a mark is on: from its position on a view of both sides, from
/// its panel on a view of one side.
#[must_use]
pub fn mark_side(atlas: &Atlas, mark: &PainMark) -> Side {
    match atlas.view(&mark.view).map(|v| (v.kind, v.midline_x())) {
        Some((ViewKind::Bilateral { patient_right }, mid)) => {
            let on_viewer_left = mark.pos.x < mid;
            if on_viewer_left == (patient_right == crate::model::ScreenHalf::ViewerLeft) {
                Side::Right
            } else {
                Side::Left
            }
        }
        _ => mark.panel_side,
    }
}
