//! The functional groups file (`data/groups.ron`, or the user's `groups.ron`): parsed
//! and validated, every member checked against the embedded muscles, and the groups
//! merged over the embedded ones by id, as loading does.

#![no_main]

mod common;

use libfuzzer_sys::{Corpus, fuzz_target};
use trigger_atlas::io::parse_groups;
use trigger_atlas::model::check_group_members;

fuzz_target!(|data: &[u8]| -> Corpus {
    let Some(text) = common::text(data) else {
        return Corpus::Reject;
    };
    let atlas = common::atlas();
    let (placed, mut errors) = parse_groups(text, "fuzz.ron");
    let user = check_group_members(placed, &atlas.muscles, &mut errors);
    let mut groups = atlas.groups.clone();
    for g in user {
        match groups.iter_mut().find(|o| o.id == g.id) {
            Some(slot) => *slot = g,
            None => groups.push(g),
        }
    }
    for muscle in &atlas.muscles {
        let _ = groups
            .iter()
            .filter(|g| g.members.contains(&muscle.id))
            .count();
    }
    Corpus::Keep
});
