//! The pain drawing as a document: the marks made with a patient, saved and opened
//! again at the next visit. RON, like every other file of the atlas, so that a broken
//! file gets the same `file:line:column` messages, and a person can read it. Written
//! through a temporary file and a rename, like the preferences.

use std::path::Path;

use emath::pos2;
use serde::{Deserialize, Serialize};

use super::load::{parse_checked, read_text};
use crate::finder::PainMark;
use crate::model::{
    Atlas, DataError, ErrorKind, Located, MAX_INITIALS, MAX_NOTE, MuscleId, Side, ViewId,
};

/// The version of the format this program writes and reads.
pub const DRAWING_FORMAT: u32 = 1;

/// A pain drawing: the marks on each view and side, the brush, the candidate shown
/// over them, the date, and an optional label, the physician's initials and a note.
#[derive(Clone, Debug, PartialEq)]
pub struct PainDrawing {
    /// The day it was made, as the user's calendar shows it (YYYY-MM-DD).
    pub date: String,
    /// A short label the physician typed (a visit, a patient's reference), if any.
    pub label: Option<String>,
    /// The physician's initials, printed on the handout and report, if typed.
    pub initials: Option<String>,
    /// A short note for the patient, printed on the handout and report, if typed.
    pub note: Option<String>,
    pub brush_radius: f32,
    pub marks: Vec<PainMark>,
    /// The candidate whose pattern was shown over the marks.
    pub chosen: Option<(MuscleId, Side)>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawDrawing {
    format: Located<u32>,
    date: String,
    #[serde(default)]
    label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    initials: Option<Located<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<Located<String>>,
    brush_radius: Located<f32>,
    marks: Vec<Located<RawMark>>,
    #[serde(default)]
    chosen: Option<Located<RawChosen>>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawMark {
    view: String,
    /// On a view of one side, which side's view; ignored on the front and back.
    side: Side,
    at: (f32, f32),
    radius: f32,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawChosen {
    muscle: String,
    side: Side,
}

/// Largest brush or mark radius accepted, in body units.
const MAX_RADIUS: f32 = 50.0;

/// Parses and checks a pain drawing against the atlas: the format, the views, the
/// positions and radii, the chosen muscle.
///
/// # Errors
/// Every problem, at its line and column.
pub fn parse_drawing(text: &str, file: &str, atlas: &Atlas) -> Result<PainDrawing, Vec<DataError>> {
    parse_checked(text, file, |raw: RawDrawing| validate(raw, file, atlas))
}

fn validate(raw: RawDrawing, file: &str, atlas: &Atlas) -> Result<PainDrawing, Vec<DataError>> {
    let mut errors = Vec::new();
    let mut invalid = |position, message: String| {
        errors.push(DataError::at(ErrorKind::Invalid, file, position, message));
    };
    if raw.format.value != DRAWING_FORMAT {
        invalid(
            raw.format.position,
            format!(
                "format {} is not one this program reads (it reads {DRAWING_FORMAT}); open it with the version that saved it.",
                raw.format.value
            ),
        );
    }
    let brush = raw.brush_radius.value;
    if !(brush.is_finite() && brush > 0.0 && brush <= MAX_RADIUS) {
        invalid(
            raw.brush_radius.position,
            format!("brush_radius {brush} is out of range; use a number from 1 to {MAX_RADIUS}."),
        );
    }
    let mut marks = Vec::new();
    for (n, mark) in raw.marks.into_iter().enumerate() {
        let at = mark.position;
        let m = mark.value;
        let Some(view) = atlas.view(&ViewId(m.view.clone())) else {
            let known: Vec<&str> = atlas.views.iter().map(|v| v.id.0.as_str()).collect();
            invalid(
                at,
                format!(
                    "mark {}: unknown view \"{}\"; use one of: {}.",
                    n + 1,
                    m.view,
                    known.join(", ")
                ),
            );
            continue;
        };
        let (x, y) = m.at;
        if !(x.is_finite() && y.is_finite())
            || x < 0.0
            || y < 0.0
            || x > view.size.x
            || y > view.size.y
        {
            invalid(
                at,
                format!(
                    "mark {}: ({x}, {y}) lies outside the {} view, which spans (0, 0) to ({}, {}).",
                    n + 1,
                    view.id,
                    view.size.x,
                    view.size.y
                ),
            );
            continue;
        }
        if !(m.radius.is_finite() && m.radius >= 0.0 && m.radius <= MAX_RADIUS) {
            invalid(
                at,
                format!(
                    "mark {}: radius {} is out of range; use 0 to {MAX_RADIUS}.",
                    n + 1,
                    m.radius
                ),
            );
            continue;
        }
        marks.push(PainMark {
            view: view.id.clone(),
            panel_side: m.side,
            pos: pos2(x, y),
            radius: m.radius,
        });
    }
    let mut words = |field: Option<Located<String>>, name: &str, max: usize| {
        let field = field?;
        if field.value.chars().count() > max {
            invalid(
                field.position,
                format!("{name} is longer than {max} characters; shorten it."),
            );
            return None;
        }
        Some(field.value).filter(|w| !w.trim().is_empty())
    };
    let initials = words(raw.initials, "initials", MAX_INITIALS);
    let note = words(raw.note, "note", MAX_NOTE);
    let chosen = raw.chosen.and_then(|c| {
        let id = MuscleId(c.value.muscle.clone());
        if atlas.muscle(&id).is_some() {
            Some((id, c.value.side))
        } else {
            invalid(
                c.position,
                format!(
                    "chosen names muscle \"{}\", which the atlas does not have; use an id from `trigger-atlas list`.",
                    c.value.muscle
                ),
            );
            None
        }
    });
    if errors.is_empty() {
        Ok(PainDrawing {
            date: raw.date,
            label: raw.label.filter(|l| !l.trim().is_empty()),
            initials,
            note,
            brush_radius: brush,
            marks,
            chosen,
        })
    } else {
        Err(errors)
    }
}

/// The drawing as the text of its file.
#[must_use]
pub fn drawing_text(drawing: &PainDrawing) -> String {
    let raw = RawDrawing {
        format: Located {
            value: DRAWING_FORMAT,
            position: crate::model::Position::default(),
        },
        date: drawing.date.clone(),
        label: drawing.label.clone(),
        initials: drawing.initials.clone().map(|value| Located {
            value,
            position: crate::model::Position::default(),
        }),
        note: drawing.note.clone().map(|value| Located {
            value,
            position: crate::model::Position::default(),
        }),
        brush_radius: Located {
            value: drawing.brush_radius,
            position: crate::model::Position::default(),
        },
        marks: drawing
            .marks
            .iter()
            .map(|m| Located {
                value: RawMark {
                    view: m.view.0.clone(),
                    side: m.panel_side,
                    at: (m.pos.x, m.pos.y),
                    radius: m.radius,
                },
                position: crate::model::Position::default(),
            })
            .collect(),
        chosen: drawing.chosen.as_ref().map(|(id, side)| Located {
            value: RawChosen {
                muscle: id.0.clone(),
                side: *side,
            },
            position: crate::model::Position::default(),
        }),
    };
    let body =
        ron::ser::to_string_pretty(&raw, ron::ser::PrettyConfig::default()).unwrap_or_default();
    format!(
        "// A pain drawing made with Trigger Point Atlas. Marks are in each view's data\n\
         // coordinates (see docs/AUTHORING.md); `side` is the side of a one-sided view.\n{body}\n"
    )
}

/// Reads and checks a pain drawing file.
///
/// # Errors
/// The file cannot be read, or is not a valid drawing: every problem, with its place.
pub fn load_drawing_file(path: &Path, atlas: &Atlas) -> Result<PainDrawing, Vec<DataError>> {
    let src = read_text(path).map_err(|e| vec![e])?;
    parse_drawing(&src.text, &src.name, atlas)
}

/// Writes a pain drawing through a temporary file and a rename.
///
/// # Errors
/// Writing failed; the sentence says why.
pub fn save_drawing_file(path: &Path, drawing: &PainDrawing) -> Result<(), String> {
    super::write_atomically(path, drawing_text(drawing).as_bytes())
}
