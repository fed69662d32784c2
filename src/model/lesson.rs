//! Lessons: prepared sequences of patterns a lecturer steps through.

use serde::Deserialize;

use super::{Atlas, DataError, ErrorKind, Located, MuscleId, SideChoice, ViewId};

/// One step of a lesson as written in RON.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// The muscles shown: the first is selected, the others compared with it.
    pub muscles: Vec<String>,
    #[serde(default = "right")]
    pub side: SideChoice,
    /// Views to show; empty means the views the patterns touch.
    #[serde(default)]
    pub views: Vec<String>,
    /// Zoom factor (1 = whole figure).
    #[serde(default = "one")]
    pub zoom: f32,
    /// Zoom so the pattern fills the canvas (instead of `zoom`).
    #[serde(default)]
    pub zoom_to_pattern: bool,
    /// Only this trigger point's pattern of the first muscle, e.g. `Some("TrP1")`.
    #[serde(default)]
    pub trigger_point: Option<String>,
    /// The talking point shown with the step.
    pub text: String,
}

fn right() -> SideChoice {
    SideChoice::Right
}

fn one() -> f32 {
    1.0
}

/// A lesson file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLesson {
    pub title: Located<String>,
    pub steps: Vec<Located<RawStep>>,
}

/// A validated step.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub muscles: Vec<MuscleId>,
    pub side: SideChoice,
    pub views: Vec<ViewId>,
    pub zoom: f32,
    pub zoom_to_pattern: bool,
    pub trigger_point: Option<String>,
    pub text: String,
}

/// A validated lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    pub title: String,
    pub steps: Vec<Step>,
    /// Where it came from (embedded or a file), for the lesson list.
    pub origin: String,
}

/// Checks a lesson against the atlas: known muscles and views, a sensible zoom, text.
///
/// # Errors
/// Every problem, each at the position of its step.
pub fn validate_lesson(
    raw: RawLesson,
    file: &str,
    atlas: &Atlas,
) -> Result<Lesson, Vec<DataError>> {
    let mut errors = Vec::new();
    let mut invalid = |position, message: String| {
        errors.push(DataError::at(ErrorKind::Invalid, file, position, message));
    };
    if raw.title.value.trim().is_empty() {
        invalid(
            raw.title.position,
            "the lesson `title` is empty; give the lesson a name.".to_owned(),
        );
    }
    if raw.steps.is_empty() {
        invalid(
            raw.title.position,
            "the lesson has no `steps`; add at least one.".to_owned(),
        );
    }
    let mut steps = Vec::new();
    for (n, step) in raw.steps.into_iter().enumerate() {
        let at = step.position;
        let s = step.value;
        if s.muscles.is_empty() {
            invalid(
                at,
                format!(
                    "step {} shows no muscle; list at least one id in `muscles`.",
                    n + 1
                ),
            );
        }
        for id in &s.muscles {
            if atlas.muscle(&MuscleId(id.clone())).is_none() {
                invalid(
                    at,
                    format!(
                        "step {}: unknown muscle \"{id}\"; `trigger-atlas list` shows the ids.",
                        n + 1
                    ),
                );
            }
        }
        for v in &s.views {
            if atlas.view(&ViewId(v.clone())).is_none() {
                let known: Vec<&str> = atlas.views.iter().map(|v| v.id.0.as_str()).collect();
                invalid(
                    at,
                    format!(
                        "step {}: unknown view \"{v}\"; use one of: {}.",
                        n + 1,
                        known.join(", ")
                    ),
                );
            }
        }
        if !(0.5..=8.0).contains(&s.zoom) {
            invalid(
                at,
                format!(
                    "step {}: zoom {} is out of range; use 0.5 to 8 (1 = whole figure).",
                    n + 1,
                    s.zoom
                ),
            );
        }
        if let Some(label) = &s.trigger_point {
            let first = s
                .muscles
                .first()
                .and_then(|id| atlas.muscle(&MuscleId(id.clone())));
            if let Some(m) = first
                && !m.trigger_point_labels().contains(&label.as_str())
            {
                invalid(
                    at,
                    format!(
                        "step {}: {} has no trigger point \"{label}\"; use one of: {}.",
                        n + 1,
                        m.name,
                        m.trigger_point_labels().join(", ")
                    ),
                );
            }
        }
        if s.text.trim().is_empty() {
            invalid(
                at,
                format!("step {}: `text` is empty; write the talking point.", n + 1),
            );
        }
        steps.push(Step {
            muscles: s.muscles.into_iter().map(MuscleId).collect(),
            side: s.side,
            views: s.views.into_iter().map(ViewId).collect(),
            zoom: s.zoom,
            zoom_to_pattern: s.zoom_to_pattern,
            trigger_point: s.trigger_point,
            text: s.text,
        });
    }
    if errors.is_empty() {
        Ok(Lesson {
            title: raw.title.value,
            steps,
            origin: file.to_owned(),
        })
    } else {
        Err(errors)
    }
}
