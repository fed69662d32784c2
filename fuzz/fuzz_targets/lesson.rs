//! A lesson file (`data/lessons/*.ron`, the user's `lessons/` folder, or a file opened
//! from the Lessons window): parsed and validated against the embedded atlas, then
//! given from its first step to its last and back, and ended, as the window does.

#![no_main]

mod common;

use std::cell::RefCell;

use libfuzzer_sys::{Corpus, fuzz_target};
use trigger_atlas::app::{Command, Content, Preferences, WorkingState};
use trigger_atlas::io::{load_atlas, parse_lesson};
use trigger_atlas::ui::canvas::Zoom;

thread_local! {
    /// The embedded atlas and lessons; each input's lesson replaces the lessons.
    static CONTENT: RefCell<Content> = RefCell::new({
        let report = load_atlas(None);
        Content::new(report.atlas, report.errors)
    });
}

fuzz_target!(|data: &[u8]| -> Corpus {
    let Some(text) = common::text(data) else {
        return Corpus::Reject;
    };
    CONTENT.with_borrow_mut(|content| {
        let Ok(lesson) = parse_lesson(text, "fuzz.ron", &content.atlas) else {
            return;
        };
        let steps = lesson.steps.len() as isize;
        content.lessons = vec![lesson];
        let mut state = WorkingState::new(1);
        let mut prefs = Preferences::default();
        let mut zoom = Zoom::default();
        let mut apply = |command| state.apply(command, content, &mut prefs, &mut zoom);
        apply(Command::StartLesson(0));
        for _ in 0..steps {
            apply(Command::LessonStep(1));
        }
        apply(Command::LessonStep(-steps));
        apply(Command::EndLesson);
    });
    Corpus::Keep
});
