//! The preferences file (`preferences.ron` in the user's config folder, or `--prefs`):
//! read as the window reads it at start, its values used as the window uses them (the
//! presentation zoom for the saved window size, the panels of the chosen views, a quiz
//! answer added to the kept totals), and written back: what the program writes it must
//! read again, or the next start sets the user's file aside.

#![no_main]

mod common;

use std::cell::RefCell;

use emath::{Rect, vec2};
use libfuzzer_sys::{Corpus, fuzz_target};
use trigger_atlas::app::{Content, Preferences, WorkingState};
use trigger_atlas::draw::layout::layout;
use trigger_atlas::io::{KeptFile, load_atlas, parse_kept};

thread_local! {
    static CONTENT: RefCell<Content> = RefCell::new({
        let report = load_atlas(None);
        Content::new(report.atlas, report.errors)
    });
}

fuzz_target!(|data: &[u8]| -> Corpus {
    let Ok(mut prefs) = parse_kept::<Preferences>(data) else {
        return Corpus::Keep;
    };
    let height = prefs.window_size.map_or(860.0, |[_, h]| h);
    let zoom = prefs.zoom_factor(height);
    assert!(
        zoom.is_finite() && zoom >= 1.0,
        "zoom {zoom} for a window {height} pixels high"
    );
    CONTENT.with_borrow(|content| {
        let mut state = WorkingState::new(1);
        let panels = state.panels(content, &prefs);
        let area = Rect::from_min_size(emath::Pos2::ZERO, vec2(1280.0, 800.0) / zoom);
        let _ = layout(&content.atlas, &panels, area);
        if let Some(question) = state.quiz.ask(&content.atlas) {
            let answer = question.muscle().clone();
            state.quiz.choose(&answer, &mut prefs.quiz_record);
        }
    });
    let file = KeptFile::new("preferences.ron".into());
    let text = file.text_of(&prefs).expect("preferences can be written");
    let again: Preferences = parse_kept(text.as_bytes())
        .unwrap_or_else(|e| panic!("the written preferences read back: {e}\n{text}"));
    assert_eq!(
        file.text_of(&again).expect("written again"),
        text,
        "the preferences read back as written"
    );
    Corpus::Keep
});
