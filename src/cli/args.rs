//! Pieces every command shares: side and paper options, value parsers, loading the
//! atlas quietly, printing JSON.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::export::{Format, Paper};
use crate::model::{Atlas, Side, SideChoice};

/// `--side right|left|both`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SideChoiceArg {
    Right,
    Left,
    Both,
}

impl From<SideChoiceArg> for SideChoice {
    fn from(arg: SideChoiceArg) -> Self {
        match arg {
            SideChoiceArg::Right => SideChoice::Right,
            SideChoiceArg::Left => SideChoice::Left,
            SideChoiceArg::Both => SideChoice::Both,
        }
    }
}

/// `--side right|left`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SideArg {
    Right,
    Left,
}

impl From<SideArg> for Side {
    fn from(arg: SideArg) -> Self {
        match arg {
            SideArg::Right => Side::Right,
            SideArg::Left => Side::Left,
        }
    }
}

/// `--paper a4|letter`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(arg: PaperArg) -> Self {
        match arg {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }
    }
}

/// Loads the atlas, reporting data problems on stderr (stdout stays clean for JSON).
#[must_use]
pub fn load_quietly(data: Option<&Path>) -> Atlas {
    let report = crate::io::load_atlas(data);
    for e in &report.errors {
        eprintln!("{e}");
    }
    report.atlas
}

/// Prints `value` as pretty JSON on stdout.
pub fn print_json<T: serde::Serialize>(value: &T) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The message and exit status (2) for a muscle id the atlas does not have.
#[must_use]
pub fn unknown_muscle(id: &str) -> ExitCode {
    eprintln!("error: no muscle with id \"{id}\"; run `trigger-atlas list` to see the ids");
    ExitCode::from(2)
}

/// Checks that `muscle` has a trigger point labelled `label` (if one is asked for);
/// otherwise prints what it does have and returns the exit status (2).
///
/// # Errors
/// The exit status for an unknown label.
pub fn check_trigger_point(
    atlas: &Atlas,
    muscle: &crate::model::MuscleId,
    label: Option<&str>,
) -> Result<(), ExitCode> {
    let (Some(label), Some(m)) = (label, atlas.muscle(muscle)) else {
        return Ok(());
    };
    let labels = m.trigger_point_labels();
    if labels.contains(&label) {
        return Ok(());
    }
    eprintln!(
        "error: {} has no trigger point \"{label}\"; use one of: {}",
        m.id,
        labels.join(", ")
    );
    Err(ExitCode::from(2))
}

/// `--format png|svg|pdf`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Png,
    Svg,
    Pdf,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Self {
        match arg {
            FormatArg::Png => Format::Png,
            FormatArg::Svg => Format::Svg,
            FormatArg::Pdf => Format::Pdf,
        }
    }
}

/// The format to write `path` in: the one its name says, which `--format` (if given)
/// must match, among the formats `what` is written in. A name of another kind is
/// refused, so that no file holds another format than its name says.
///
/// # Errors
/// The exit status (2) after saying what to do.
pub fn output_format(
    path: &Path,
    asked: Option<FormatArg>,
    allowed: &[Format],
    what: &str,
) -> Result<Format, ExitCode> {
    let asked = asked.map(Format::from);
    let format_names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
    let exts: Vec<String> = allowed
        .iter()
        .map(|f| format!(".{}", f.extension()))
        .collect();
    if let Some(asked) = asked.filter(|f| !allowed.contains(f)) {
        eprintln!(
            "error: {what} are not written as {}; use --format {}",
            asked.name(),
            allowed
                .iter()
                .map(|f| f.extension())
                .collect::<Vec<_>>()
                .join("|")
        );
        return Err(ExitCode::from(2));
    }
    match (Format::of(path).filter(|f| allowed.contains(f)), asked) {
        (Some(named), Some(asked)) if named != asked => {
            eprintln!(
                "error: {}: --format {} does not match the name; name the file .{}",
                path.display(),
                asked.extension(),
                asked.extension()
            );
            Err(ExitCode::from(2))
        }
        (Some(named), _) => Ok(named),
        (None, _) => {
            eprintln!(
                "error: {}: {what} are written as {}; give the file a {} name",
                path.display(),
                format_names.join(" or "),
                exts.join(" or ")
            );
            Err(ExitCode::from(2))
        }
    }
}

/// Writes `export` to `path` in `format` and reports a failure on stderr.
#[must_use]
pub fn write_export(
    atlas: &Atlas,
    export: &crate::export::Export,
    format: Format,
    path: &Path,
) -> ExitCode {
    match crate::export::save_as(&mut None, atlas, export, format, path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}

/// Reads a pain drawing file for a command, printing every problem with its place.
///
/// # Errors
/// The exit status (2) for a file that cannot be read or is not a valid drawing.
pub fn read_drawing(path: &Path, atlas: &Atlas) -> Result<crate::io::PainDrawing, ExitCode> {
    crate::io::load_drawing_file(path, atlas).map_err(|errors| {
        for e in errors {
            eprintln!("{e}");
        }
        ExitCode::from(2)
    })
}

/// Parses `WIDTHxHEIGHT` within 64x64 to 3840x2160.
///
/// # Errors
/// The text is not two whole numbers in range, as a sentence.
pub fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or("write the size as WIDTHxHEIGHT, e.g. 1920x1080")?;
    let parse = |s: &str| {
        s.trim()
            .parse::<u32>()
            .map_err(|_| format!("\"{s}\" is not a whole number"))
    };
    let (w, h) = (parse(w)?, parse(h)?);
    if !(64..=3840).contains(&w) || !(64..=2160).contains(&h) {
        return Err(format!(
            "{w}x{h} is out of range: width 64-3840, height 64-2160"
        ));
    }
    Ok((w, h))
}

/// Parses `X,Y`.
///
/// # Errors
/// The text is not two numbers, as a sentence.
pub fn parse_point(text: &str) -> Result<(f32, f32), String> {
    let (x, y) = text
        .split_once(',')
        .ok_or("write the spot as X,Y, e.g. 252,168")?;
    let parse = |s: &str| {
        s.trim()
            .parse::<f32>()
            .map_err(|_| format!("\"{s}\" is not a number"))
    };
    Ok((parse(x)?, parse(y)?))
}
