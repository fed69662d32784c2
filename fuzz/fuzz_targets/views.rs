//! The views file (`data/views.ron`, or the user's `views.ron`): parsed and validated,
//! every silhouette part triangulated at three sizes, every line simplified for them,
//! and the point-in-body test asked about a few points, as drawing and the finder
//! would.

#![no_main]

mod common;

use emath::pos2;
use libfuzzer_sys::{Corpus, fuzz_target};
use trigger_atlas::io::parse_views;

fuzz_target!(|data: &[u8]| -> Corpus {
    let Some(text) = common::text(data) else {
        return Corpus::Reject;
    };
    let (views, _errors) = parse_views(text, "fuzz.ron");
    for view in &views {
        view.silhouette
            .iter()
            .for_each(common::triangulate_every_size);
        for line in &view.lines {
            for scale in common::SCALES {
                let _ = line.points_for_scale(scale);
            }
        }
        let (w, h) = (view.size.x, view.size.y);
        for p in [
            pos2(w * 0.5, h * 0.5),
            pos2(w * 0.25, h * 0.1),
            pos2(0.0, h),
            pos2(w, h - 0.5),
        ] {
            let _ = view.contains_body_point(p);
        }
    }
    Corpus::Keep
});
