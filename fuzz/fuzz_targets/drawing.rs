//! A pain drawing file (saved from the pain finder, opened there again or given to
//! `lookup --drawing`): parsed and checked against the embedded atlas, its marks put
//! back into the finder and ranked, as opening it does, and saved again: a drawing
//! the program accepted must read back exactly.

#![no_main]

mod common;

use libfuzzer_sys::{Corpus, fuzz_target};
use trigger_atlas::finder::FinderState;
use trigger_atlas::io::{drawing_text, parse_drawing};

fuzz_target!(|data: &[u8]| -> Corpus {
    let Some(text) = common::text(data) else {
        return Corpus::Reject;
    };
    let atlas = common::atlas();
    let Ok(drawing) = parse_drawing(text, "fuzz.ron", atlas) else {
        return Corpus::Keep;
    };
    let saved = drawing_text(&drawing);
    match parse_drawing(&saved, "saved.ron", atlas) {
        Ok(again) => assert_eq!(again, drawing, "the saved drawing reads back\n{saved}"),
        Err(e) => panic!("the saved drawing does not read back: {}\n{saved}", e[0]),
    }
    let mut finder = FinderState::default();
    finder.restore(atlas, drawing.marks, drawing.brush_radius, drawing.chosen);
    Corpus::Keep
});
