//! `lookup`: rank the muscles that can refer pain to one spot, with the same
//! [`crate::finder::rank`] as the pain finder.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use emath::pos2;
use serde::Serialize;

use super::args::{SideArg, parse_point};
use crate::finder::{Candidate, PainMark, rank};
use crate::model::{Atlas, ScreenHalf, Side, ViewId, ViewKind};

/// The `lookup` command's options.
#[derive(clap::Args, Debug)]
pub struct LookupArgs {
    /// The view the spot is on (any view id: `front`, `back`, `head_side`, `face` …).
    #[arg(long, required_unless_present = "drawing")]
    view: Option<String>,
    /// The spot in the view's data coordinates, e.g. 252,168 (see README).
    #[arg(long, value_name = "X,Y", value_parser = parse_point, allow_hyphen_values = true, required_unless_present = "drawing")]
    at: Option<(f32, f32)>,
    /// Rank a saved pain drawing (all its marks) instead of one spot.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["view", "at"])]
    drawing: Option<std::path::PathBuf>,
    /// The side of the body. Front/back views: mirror the spot onto this side if
    /// needed. Side views: which side's view (default right).
    #[arg(long)]
    side: Option<SideArg>,
    /// Treat the spot as a disc of this radius (data units), like the app's brush.
    #[arg(long, default_value_t = 0.0)]
    radius: f32,
    /// Print a JSON array, best first.
    #[arg(long)]
    json: bool,
}

/// Runs `lookup`.
pub fn run(args: &LookupArgs, data: Option<&Path>) -> ExitCode {
    let atlas = super::args::load_quietly(data);
    if let Some(path) = &args.drawing {
        return match super::args::read_drawing(path, &atlas) {
            Ok(drawing) => {
                let rows: Vec<LookupRow> = rank(&atlas, &drawing.marks)
                    .iter()
                    .map(|c| row(&atlas, c))
                    .collect();
                if args.json {
                    super::args::print_json(&rows)
                } else {
                    print!("{}", drawing_lookup_text(&rows, &drawing));
                    ExitCode::SUCCESS
                }
            }
            Err(status) => status,
        };
    }
    let side = args.side.map(Side::from);
    let (Some(view), Some((x, y))) = (args.view.as_deref(), args.at) else {
        eprintln!("error: give --view and --at, or --drawing FILE");
        return ExitCode::from(2);
    };
    let mark = match spot_mark(&atlas, view, x, y, side, args.radius) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let rows = lookup_rows(&atlas, &mark);
    if args.json {
        super::args::print_json(&rows)
    } else {
        print!("{}", lookup_text(&rows, &mark));
        ExitCode::SUCCESS
    }
}

/// One row of `lookup --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LookupRow {
    pub id: String,
    pub name: String,
    pub side: String,
    /// `"essential"` or `"spillover"`: the kind of zone the spot falls in.
    pub kind: String,
    pub score: f32,
    /// The trigger points whose zones hold the spot, for a muscle with several.
    pub trigger_points: Vec<String>,
}

/// Builds the mark for a spot given on the command line. On front and back views the
/// side follows from x; `side`, if given, mirrors the spot onto that side. On side
/// views `side` picks which side's view (right by default).
///
/// # Errors
/// An unknown view, or a position outside the view, as a sentence for the user.
pub fn spot_mark(
    atlas: &Atlas,
    view_id: &str,
    x: f32,
    y: f32,
    side: Option<Side>,
    radius: f32,
) -> Result<PainMark, String> {
    let Some(view) = atlas.view(&ViewId(view_id.to_owned())) else {
        let known: Vec<&str> = atlas.views.iter().map(|v| v.id.0.as_str()).collect();
        return Err(format!(
            "unknown view \"{view_id}\"; use one of: {}",
            known.join(", ")
        ));
    };
    if !(x.is_finite() && y.is_finite()) || x < 0.0 || y < 0.0 || x > view.size.x || y > view.size.y
    {
        return Err(format!(
            "position ({x}, {y}) is outside the {} view, which spans (0, 0) to ({}, {})",
            view.id, view.size.x, view.size.y
        ));
    }
    let mut pos = pos2(x, y);
    let panel_side = match view.kind {
        ViewKind::Bilateral { patient_right } => {
            let on_viewer_left = x < view.midline_x();
            let natural = match (patient_right, on_viewer_left) {
                (ScreenHalf::ViewerLeft, true) | (ScreenHalf::ViewerRight, false) => Side::Right,
                _ => Side::Left,
            };
            if let Some(wanted) = side
                && wanted != natural
            {
                pos = crate::geometry::mirror_x(pos, view.midline_x());
            }
            Side::Right
        }
        ViewKind::Lateral { .. } => side.unwrap_or(Side::Right),
    };
    Ok(PainMark {
        view: view.id.clone(),
        panel_side,
        pos,
        radius: radius.max(0.0),
    })
}

/// The ranked rows for one spot.
#[must_use]
pub fn lookup_rows(atlas: &Atlas, mark: &PainMark) -> Vec<LookupRow> {
    rank(atlas, std::slice::from_ref(mark))
        .iter()
        .map(|c| row(atlas, c))
        .collect()
}

fn row(atlas: &Atlas, c: &Candidate) -> LookupRow {
    LookupRow {
        id: c.muscle.0.clone(),
        name: atlas
            .muscle(&c.muscle)
            .map_or_else(|| c.muscle.0.clone(), |m| m.name.clone()),
        side: c.side.word().to_owned(),
        kind: c.kind().word().to_owned(),
        score: c.score,
        trigger_points: c.trigger_points.clone(),
    }
}

/// The table for a whole pain drawing.
fn drawing_lookup_text(rows: &[LookupRow], drawing: &crate::io::PainDrawing) -> String {
    let mut out = String::new();
    let label = drawing
        .label
        .as_deref()
        .map(|l| format!(" ({l})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "Pain drawing of {}{label}: {} marks. Muscles that can cause it, best first:",
        drawing.date,
        drawing.marks.len()
    );
    if rows.is_empty() {
        let _ = writeln!(out, "  none in the atlas");
    }
    for (i, r) in rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>3}. {:<45} {:<5}  score {:.2}",
            i + 1,
            name_with_trigger_points(r),
            r.side,
            r.score
        );
    }
    out
}

/// The name with the trigger points where they matter ("Upper trapezius (`TrP1`)").
fn name_with_trigger_points(r: &LookupRow) -> String {
    if r.trigger_points.is_empty() {
        r.name.clone()
    } else {
        format!("{} ({})", r.name, r.trigger_points.join(", "))
    }
}

/// Human-readable table of lookup rows.
#[must_use]
pub fn lookup_text(rows: &[LookupRow], mark: &PainMark) -> String {
    let mut out = String::new();
    if rows.is_empty() {
        let _ = writeln!(
            out,
            "No muscle in the atlas refers pain to ({}, {}) on the {} view.",
            mark.pos.x, mark.pos.y, mark.view
        );
        return out;
    }
    let _ = writeln!(
        out,
        "Muscles that can refer pain to ({}, {}) on the {} view, best first:",
        mark.pos.x, mark.pos.y, mark.view
    );
    for (i, r) in rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>3}. {:<45} {:<5}  {:<9}  score {:.2}",
            i + 1,
            name_with_trigger_points(r),
            r.side,
            r.kind,
            r.score
        );
    }
    out
}
