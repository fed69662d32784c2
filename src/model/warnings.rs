//! Warning signs by body region: what a patient with pain in a region must not put
//! down to a muscle, and where each zone area lies. A muscle's handout, details and
//! `show --json` carry the lists of the regions its pattern refers to.

use std::collections::BTreeMap;

use super::raw::RawWarnings;
use super::{DataError, ErrorKind, Muscle, Source};

/// One region's warning signs, from `data/warnings.ron`.
#[derive(Clone, Debug, PartialEq)]
pub struct WarningRegion {
    /// `head`, `neck`, `chest`, `abdomen_pelvis`, `back`, `arm`, `leg` …
    pub id: String,
    /// "Head and face".
    pub name: String,
    /// Plain words for patients, one sign per sentence.
    pub signs: Vec<String>,
    /// For clinicians: the guideline or mnemonic and what it screens for.
    pub clinician: String,
    pub sources: Vec<Source>,
}

/// Every region's warning signs, in head-to-foot order, and the region of each zone
/// area.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Warnings {
    pub regions: Vec<WarningRegion>,
    /// Zone area → region id.
    areas: BTreeMap<String, String>,
}

impl Warnings {
    /// The regions `muscle`'s pattern refers pain to (any zone, essential or
    /// spillover), in head-to-foot order.
    #[must_use]
    pub fn for_muscle(&self, muscle: &Muscle) -> Vec<&WarningRegion> {
        self.for_areas(
            muscle
                .zones
                .iter()
                .flat_map(|z| &z.areas)
                .map(String::as_str),
        )
    }

    /// The regions the named body areas lie in (the areas a patient marked), in the
    /// file's order, each once.
    pub fn for_areas<'a>(&self, areas: impl IntoIterator<Item = &'a str>) -> Vec<&WarningRegion> {
        let ids: Vec<&String> = areas
            .into_iter()
            .filter_map(|area| self.areas.get(area))
            .collect();
        self.regions
            .iter()
            .filter(|r| ids.contains(&&r.id))
            .collect()
    }

    /// The zone areas of `muscle` that lie in no region, with the index of their
    /// zone (each needs an entry in `areas`).
    #[must_use]
    pub fn unplaced_areas<'m>(&self, muscle: &'m Muscle) -> Vec<(usize, &'m str)> {
        muscle
            .zones
            .iter()
            .enumerate()
            .flat_map(|(i, z)| z.areas.iter().map(move |a| (i, a.as_str())))
            .filter(|(_, a)| !self.areas.contains_key(*a))
            .collect()
    }

    /// The region ids, for messages.
    #[must_use]
    pub fn region_ids(&self) -> Vec<&str> {
        self.regions.iter().map(|r| r.id.as_str()).collect()
    }

    /// `user`'s regions replace those with the same id (or come after the others),
    /// and its areas are added, replacing any with the same name.
    pub fn merge(&mut self, user: Warnings) {
        for region in user.regions {
            match self.regions.iter_mut().find(|r| r.id == region.id) {
                Some(slot) => *slot = region,
                None => self.regions.push(region),
            }
        }
        self.areas.extend(user.areas);
    }
}

/// Validates a parsed warnings file: unique region ids, signs and sources present,
/// every area in a region of this file or of `known` (the embedded regions, which a
/// user's file may add areas to without repeating them).
///
/// # Errors
/// Every problem, each at its line and column.
pub fn validate_warnings(
    raw: RawWarnings,
    file: &str,
    known: &Warnings,
) -> Result<Warnings, Vec<DataError>> {
    let mut errors = Vec::new();
    let mut regions: Vec<WarningRegion> = Vec::new();
    for located in raw.regions {
        let at = located.position;
        let r = located.value;
        let mut problem = |message: String| {
            errors.push(DataError::at(ErrorKind::Invalid, file, at, message));
        };
        if r.id.trim().is_empty() || r.name.trim().is_empty() {
            problem("a warning region needs an `id` and a `name`.".to_owned());
        }
        if regions.iter().any(|o| o.id == r.id) {
            problem(format!(
                "warning region \"{}\" is listed twice; give each region its own id.",
                r.id
            ));
        }
        if r.signs.iter().all(|s| s.trim().is_empty()) {
            problem(format!(
                "warning region \"{}\" has no `signs`; list the signs that need urgent care.",
                r.id
            ));
        }
        if r.sources.is_empty() {
            problem(format!(
                "warning region \"{}\" has no `sources`; cite the guideline the signs come from.",
                r.id
            ));
        }
        regions.push(WarningRegion {
            id: r.id,
            name: r.name,
            signs: r.signs,
            clinician: r.clinician,
            sources: r
                .sources
                .into_iter()
                .map(|s| Source::from(s.value))
                .collect(),
        });
    }
    let mut areas = BTreeMap::new();
    let ids: Vec<&str> = regions
        .iter()
        .chain(&known.regions)
        .map(|r| r.id.as_str())
        .collect();
    for (area, region) in raw.areas {
        if ids.contains(&region.value.as_str()) {
            areas.insert(area, region.value);
        } else {
            errors.push(DataError::at(
                ErrorKind::Invalid,
                file,
                region.position,
                format!(
                    "area \"{area}\" is put in region \"{}\", which is not listed; use one of: {}.",
                    region.value,
                    ids.join(", ")
                ),
            ));
        }
    }
    if errors.is_empty() {
        Ok(Warnings { regions, areas })
    } else {
        Err(errors)
    }
}
