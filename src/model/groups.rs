//! Functional groups of muscles, as courses teach them (rotator cuff, muscles of
//! mastication, hamstrings …), and the check that every muscle a group or a link
//! names is in the atlas.

use super::raw::RawGroupsFile;
use super::{DataError, ErrorKind, Group, Muscle, MuscleId, Position, Source};

/// A group as written, with where each member id stands in its file.
#[derive(Clone, Debug)]
pub struct PlacedGroup {
    pub group: Group,
    pub member_positions: Vec<Position>,
    pub file: String,
}

/// Validates a parsed groups file: ids unique and non-empty, a name, a description,
/// at least two members, and sources.
///
/// # Errors
/// Every problem, each at its line and column; the valid groups are returned with them.
#[must_use]
pub fn validate_groups(raw: RawGroupsFile, file: &str) -> (Vec<PlacedGroup>, Vec<DataError>) {
    let mut errors = Vec::new();
    let mut groups: Vec<PlacedGroup> = Vec::new();
    for located in raw.groups {
        let at = located.position;
        let g = located.value;
        let mut problems = Vec::new();
        if g.id.trim().is_empty() || !g.id.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            problems.push(format!(
                "group id \"{}\" must be lower-case letters and underscores, e.g. \"rotator_cuff\".",
                g.id
            ));
        }
        if groups.iter().any(|o| o.group.id == g.id) {
            problems.push(format!(
                "group id \"{}\" is used twice; give each group its own id.",
                g.id
            ));
        }
        if g.name.trim().is_empty() || g.description.trim().is_empty() {
            problems.push(format!(
                "group \"{}\" needs a `name` and a `description`.",
                g.id
            ));
        }
        if g.members.is_empty() {
            problems.push(format!("group \"{}\" has no `members`.", g.id));
        }
        if g.sources.is_empty() {
            problems.push(format!(
                "group \"{}\" has no `sources`; cite where the grouping comes from.",
                g.id
            ));
        }
        if !problems.is_empty() {
            errors.extend(
                problems
                    .into_iter()
                    .map(|m| DataError::at(ErrorKind::Invalid, file, at, m)),
            );
            continue;
        }
        groups.push(PlacedGroup {
            member_positions: g.members.iter().map(|m| m.position).collect(),
            group: Group {
                id: g.id,
                name: g.name,
                description: g.description,
                members: g.members.into_iter().map(|m| MuscleId(m.value)).collect(),
                sources: g
                    .sources
                    .into_iter()
                    .map(|s| Source::from(s.value))
                    .collect(),
            },
            file: file.to_owned(),
        });
    }
    (groups, errors)
}

/// The groups with every member checked against `muscles`: an unknown id is an error
/// at its place in the file and is left out of the group.
#[must_use]
pub fn check_group_members(
    placed: Vec<PlacedGroup>,
    muscles: &[Muscle],
    errors: &mut Vec<DataError>,
) -> Vec<Group> {
    let ids: std::collections::HashSet<&MuscleId> = muscles.iter().map(|m| &m.id).collect();
    placed
        .into_iter()
        .map(|p| {
            let mut group = p.group;
            let positions = p.member_positions;
            let mut kept = Vec::with_capacity(group.members.len());
            for (id, at) in group.members.into_iter().zip(positions) {
                if ids.contains(&id) {
                    kept.push(id);
                } else {
                    errors.push(DataError::at(
                        ErrorKind::Invalid,
                        &p.file,
                        at,
                        format!(
                            "group \"{}\" names muscle \"{id}\", which the atlas does not have; use an id from `trigger-atlas list`.",
                            group.id
                        ),
                    ));
                }
            }
            group.members = kept;
            group
        })
        .collect()
}
