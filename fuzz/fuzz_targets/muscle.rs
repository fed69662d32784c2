//! A muscle file (`data/muscles/*.ron`, or the user's `muscles/` folder): parsed and
//! validated against the embedded views, then every shape and zone triangulated on
//! both sides at three sizes and the finder asked how a mark at each trigger point
//! falls in the pattern, as the window would.

#![no_main]

mod common;

use libfuzzer_sys::{Corpus, fuzz_target};
use trigger_atlas::finder::{PainMark, coverage};
use trigger_atlas::io::parse_muscle;
use trigger_atlas::model::Side;

fuzz_target!(|data: &[u8]| -> Corpus {
    let Some(text) = common::text(data) else {
        return Corpus::Reject;
    };
    let atlas = common::atlas();
    let Ok(muscle) = parse_muscle(text, "fuzz.ron", &atlas.views) else {
        return Corpus::Keep;
    };
    for side in Side::BOTH {
        for shape in &muscle.shapes {
            common::triangulate_every_size(shape.fill.get(side));
        }
        for zone in &muscle.zones {
            common::triangulate_every_size(zone.fill.get(side));
        }
    }
    let _ = atlas.warnings.unplaced_areas(&muscle);
    for point in &muscle.trigger_points {
        for side in Side::BOTH {
            let mark = PainMark {
                view: point.view.clone(),
                panel_side: side,
                pos: *point.pos.get(side),
                radius: 10.0,
            };
            let _ = coverage(atlas, &muscle, side, &mark);
        }
    }
    Corpus::Keep
});
