//! Plain words, measured: every text a patient reads (summaries, self-care, warning
//! signs) reads at or below US grade 8 (Flesch–Kincaid).

use trigger_atlas::model::readability::grade_level;

use crate::embedded;

/// The highest grade patient text may need.
const MAX_GRADE: f32 = 8.0;

#[test]
fn every_patient_text_reads_at_grade_eight_or_below() {
    let atlas = embedded().atlas;
    let mut texts: Vec<(String, String)> = Vec::new();
    for m in &atlas.muscles {
        texts.push((format!("{} summary", m.id), m.summary.clone()));
        texts.push((format!("{} self-care", m.id), m.self_care.advice.clone()));
        if !m.self_care.caution.is_empty() {
            texts.push((format!("{} caution", m.id), m.self_care.caution.clone()));
        }
    }
    for r in &atlas.warnings.regions {
        texts.push((format!("{} warning signs", r.id), r.signs.join(" ")));
    }
    let mut too_hard: Vec<String> = texts
        .iter()
        .map(|(what, text)| (what, grade_level(text)))
        .filter(|(_, grade)| *grade > MAX_GRADE)
        .map(|(what, grade)| format!("{what}: grade {grade:.1}"))
        .collect();
    too_hard.sort();
    assert!(
        too_hard.is_empty(),
        "{} patient texts read above grade {MAX_GRADE}:\n{}",
        too_hard.len(),
        too_hard.join("\n")
    );
}
