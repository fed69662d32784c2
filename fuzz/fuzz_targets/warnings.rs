//! The warning signs file (`data/warnings.ron`, or the user's `warnings.ron`, which may
//! add areas to the embedded regions): parsed and validated against the embedded
//! warnings, merged into them, and every embedded muscle's zone areas looked up in the
//! result, as loading (which drops a muscle with an unplaced area) and the handouts do.

#![no_main]

mod common;

use libfuzzer_sys::{Corpus, fuzz_target};
use trigger_atlas::io::parse_warnings;

fuzz_target!(|data: &[u8]| -> Corpus {
    let Some(text) = common::text(data) else {
        return Corpus::Reject;
    };
    let atlas = common::atlas();
    let Ok(user) = parse_warnings(text, "fuzz.ron", &atlas.warnings) else {
        return Corpus::Keep;
    };
    let mut warnings = atlas.warnings.clone();
    warnings.merge(user);
    for muscle in &atlas.muscles {
        let _ = warnings.unplaced_areas(muscle);
        let _ = warnings.for_muscle(muscle);
    }
    Corpus::Keep
});
