//! Loading the atlas: embedded defaults first, then the user's data folder, which can
//! add views and muscles or replace them by id. A bad file is reported and skipped;
//! everything valid still loads.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Deserialize;

use crate::model::lesson::{Lesson, RawLesson, validate_lesson};
use crate::model::raw::{RawGroupsFile, RawMuscle, RawViewsFile, RawWarnings};
use crate::model::{
    Atlas, DataError, ErrorKind, Muscle, MuscleId, PlacedGroup, Position, View, Warnings,
    check_group_members, validate, validate_groups, validate_warnings, with_source,
};

/// Largest data file we read. Real files are a few kilobytes; anything this big is
/// a mistake (or an attack) and is refused before reading.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The result of loading: the atlas built from every valid file, and every problem.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub atlas: Atlas,
    pub errors: Vec<DataError>,
    /// Muscles from the user's folder that replaced an embedded one.
    pub overridden: Vec<MuscleId>,
}

/// A data file's name and text.
#[derive(Clone, Debug)]
pub struct SourceText {
    pub name: String,
    pub text: String,
}

/// Every file of `data/muscles/`, found by `build.rs` at compile time.
const EMBEDDED_MUSCLES: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/embedded_muscles.rs"));

/// The defaults compiled into the binary, as (name, text).
#[must_use]
pub fn embedded_sources() -> (SourceText, Vec<SourceText>) {
    let views = SourceText {
        name: "embedded:data/views.ron".to_owned(),
        text: include_str!("../../data/views.ron").to_owned(),
    };
    let muscles = EMBEDDED_MUSCLES
        .iter()
        .map(|(path, text)| SourceText {
            name: format!("embedded:{path}"),
            text: (*text).to_owned(),
        })
        .collect();
    (views, muscles)
}

/// The embedded warning signs by region (`data/warnings.ron`).
const EMBEDDED_WARNINGS: (&str, &str) = (
    "embedded:data/warnings.ron",
    include_str!("../../data/warnings.ron"),
);

/// Parses and validates a warnings file; a user's file may add areas to the regions
/// of `known`.
///
/// # Errors
/// The syntax error, or every validation problem.
pub fn parse_warnings(
    text: &str,
    file: &str,
    known: &Warnings,
) -> Result<Warnings, Vec<DataError>> {
    parse_checked(text, file, |raw: RawWarnings| {
        validate_warnings(raw, file, known)
    })
}

/// The embedded warnings merged with the user's `warnings.ron`, if given and valid.
fn load_warnings(user: Option<&SourceText>, errors: &mut Vec<DataError>) -> Warnings {
    let (name, text) = EMBEDDED_WARNINGS;
    let mut warnings = parse_warnings(text, name, &Warnings::default()).unwrap_or_else(|e| {
        errors.extend(e);
        Warnings::default()
    });
    if let Some(src) = user {
        match parse_warnings(&src.text, &src.name, &warnings) {
            Ok(user) => warnings.merge(user),
            Err(e) => errors.extend(e),
        }
    }
    warnings
}

/// The embedded functional groups (`data/groups.ron`).
const EMBEDDED_GROUPS: (&str, &str) = (
    "embedded:data/groups.ron",
    include_str!("../../data/groups.ron"),
);

/// Parses and validates a groups file: fast, without positions, when it is valid;
/// otherwise again with positions, so that every error names its line and column.
/// (Member ids are checked against the muscles later; see [`place_unknown_members`].)
///
/// # Errors
/// The syntax error; validation problems come with the valid groups.
#[must_use]
pub fn parse_groups(text: &str, file: &str) -> (Vec<PlacedGroup>, Vec<DataError>) {
    if let Ok(raw) = parse_ron::<RawGroupsFile>(text, file, false) {
        let (groups, errors) = validate_groups(raw, file);
        if errors.is_empty() {
            return (groups, errors);
        }
    }
    parse_groups_placed(text, file)
}

/// [`parse_groups`] with the position of every member id.
fn parse_groups_placed(text: &str, file: &str) -> (Vec<PlacedGroup>, Vec<DataError>) {
    match parse_ron::<RawGroupsFile>(text, file, true) {
        Ok(raw) => validate_groups(raw, file),
        Err(e) => (Vec::new(), vec![e]),
    }
}

/// Gives the groups that name a muscle the atlas lacks the positions of their member
/// ids (their file parsed again, with positions), so the error can point at them.
fn place_unknown_members(groups: &mut [PlacedGroup], muscles: &[Muscle], texts: &[(&str, &str)]) {
    let ids: HashSet<&MuscleId> = muscles.iter().map(|m| &m.id).collect();
    let known = |id: &MuscleId| ids.contains(id);
    let mut files: Vec<String> = groups
        .iter()
        .filter(|g| !g.group.members.iter().all(known))
        .map(|g| g.file.clone())
        .collect();
    files.dedup();
    for file in files {
        let Some((_, text)) = texts.iter().find(|(name, _)| *name == file) else {
            continue;
        };
        for placed in parse_groups_placed(text, &file).0 {
            if let Some(slot) = groups
                .iter_mut()
                .find(|g| g.file == file && g.group.id == placed.group.id)
            {
                slot.member_positions = placed.member_positions;
            }
        }
    }
}

/// The embedded groups (if `embedded`) with the user's `groups.ron` (same id:
/// replaced; new: added).
fn load_groups(
    user: Option<&SourceText>,
    embedded: bool,
    errors: &mut Vec<DataError>,
) -> Vec<PlacedGroup> {
    let mut groups = Vec::new();
    if embedded {
        let (name, text) = EMBEDDED_GROUPS;
        let (parsed, errs) = parse_groups(text, name);
        groups = parsed;
        errors.extend(errs);
    }
    if let Some(src) = user {
        let (user, errs) = parse_groups(&src.text, &src.name);
        errors.extend(errs);
        for g in user {
            match groups.iter_mut().find(|o| o.group.id == g.group.id) {
                Some(slot) => *slot = g,
                None => groups.push(g),
            }
        }
    }
    groups
}

/// `m`'s file parsed again with positions, to say where a problem found after
/// loading (an unknown id, an unplaced area) stands in it.
fn placed_muscle(m: &Muscle, texts: &Texts<'_>) -> Option<RawMuscle> {
    let text = texts.get(m.origin.as_str())?;
    parse_ron::<RawMuscle>(text, &m.origin, true).ok()
}

/// Every muscle file's text by file name, to parse one again with positions when a
/// problem is found after loading.
type Texts<'a> = HashMap<&'a str, &'a str>;

/// Checks every muscle's synergists and associated muscles against the atlas: an
/// unknown id is an error at its place in the file and the link is dropped (the
/// muscle itself still loads).
fn check_links(muscles: &mut [Muscle], texts: &Texts<'_>, errors: &mut Vec<DataError>) {
    let ids: HashSet<MuscleId> = muscles.iter().map(|m| m.id.clone()).collect();
    for m in muscles.iter_mut() {
        let unknown = |list: &[MuscleId]| list.iter().any(|id| !ids.contains(id));
        if !unknown(&m.synergists) && !unknown(&m.associated) {
            continue;
        }
        let raw = placed_muscle(m, texts);
        let positions = |field: fn(&RawMuscle) -> &Vec<crate::model::Located<String>>| {
            raw.as_ref()
                .map(|r| {
                    field(r)
                        .iter()
                        .map(|l| (l.value.clone(), l.position))
                        .collect()
                })
                .unwrap_or_default()
        };
        let synergist_at: Vec<(String, Position)> = positions(|r| &r.synergists);
        let associated_at: Vec<(String, Position)> = positions(|r| &r.associated);
        for (list, field, at) in [
            (&mut m.synergists, "synergists", &synergist_at),
            (&mut m.associated, "associated", &associated_at),
        ] {
            list.retain(|id| {
                if ids.contains(id) {
                    return true;
                }
                let position = at
                    .iter()
                    .find(|(v, _)| *v == id.0)
                    .map(|(_, p)| *p)
                    .unwrap_or_default();
                errors.push(DataError::at(
                    ErrorKind::Invalid,
                    &m.origin,
                    position,
                    format!(
                        "`{field}` names muscle \"{id}\", which the atlas does not have; use an id from `trigger-atlas list`."
                    ),
                ));
                false
            });
        }
    }
}

/// Drops the muscles with a zone area that lies in no warning region (its handout
/// could not show the right warning signs), with an error at that zone.
fn drop_unplaced(
    muscles: &mut Vec<Muscle>,
    texts: &Texts<'_>,
    warnings: &Warnings,
    errors: &mut Vec<DataError>,
) {
    muscles.retain(|m| {
        let unplaced = warnings.unplaced_areas(m);
        let Some(&(zone, area)) = unplaced.first() else {
            return true;
        };
        let position = placed_muscle(m, texts)
            .and_then(|raw| raw.zones.get(zone).map(|z| z.position))
            .unwrap_or_default();
        errors.push(DataError::at(
            ErrorKind::Invalid,
            &m.origin,
            position,
            format!(
                "zone area \"{area}\" lies in no warning region, so the handout could not show the right warning signs; add it to the `areas` of warnings.ron with one of: {}.",
                warnings.region_ids().join(", ")
            ),
        ));
        false
    });
}

/// Parses RON text into `T`, reporting errors at their line and column. With
/// `positions`, `Located` values inside get theirs too (twice as slow).
fn parse_ron<'a, T: Deserialize<'a>>(
    text: &'a str,
    file: &str,
    positions: bool,
) -> Result<T, DataError> {
    let (result, inner) = with_source(text, positions, || {
        ron::Options::default().from_str::<T>(text)
    });
    result.map_err(|err| {
        let position = inner.unwrap_or(Position {
            line: err.span.start.line,
            column: err.span.start.col,
        });
        DataError::at(ErrorKind::Syntax, file, position, explain(&err.code))
    })
}

/// Parses and validates one file: fast, without positions, when it is valid (as
/// every shipped file is); on any problem, again with positions, so that every
/// error names its line and column.
pub(super) fn parse_checked<'a, R: Deserialize<'a>, T>(
    text: &'a str,
    file: &str,
    validate: impl Fn(R) -> Result<T, Vec<DataError>>,
) -> Result<T, Vec<DataError>> {
    if let Ok(raw) = parse_ron::<R>(text, file, false)
        && let Ok(value) = validate(raw)
    {
        return Ok(value);
    }
    let raw = parse_ron::<R>(text, file, true).map_err(|e| vec![e])?;
    validate(raw)
}

/// Turns a RON error into a sentence with a hint for the data author.
fn explain(code: &ron::Error) -> String {
    let hint = match code {
        ron::Error::MissingStructField { .. } => " Add the field (see data/ for examples).",
        ron::Error::NoSuchStructField { .. } => " Check the spelling or remove the field.",
        ron::Error::ExpectedFloat | ron::Error::ExpectedInteger => " Write a number, e.g. 120.0.",
        ron::Error::ExpectedString | ron::Error::ExpectedStringEnd => {
            " Write text in double quotes, e.g. \"temple\"."
        }
        ron::Error::Eof => " The file ends too early: a bracket or parenthesis is not closed.",
        _ => "",
    };
    format!("{code}.{hint}").replace("..", ".")
}

/// Every file of `data/lessons/`, found by `build.rs` at compile time.
const EMBEDDED_LESSONS: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/embedded_lessons.rs"));

/// Parses and validates one lesson against the atlas.
///
/// # Errors
/// The syntax error, or every validation problem.
pub fn parse_lesson(text: &str, file: &str, atlas: &Atlas) -> Result<Lesson, Vec<DataError>> {
    parse_checked(text, file, |raw: RawLesson| {
        validate_lesson(raw, file, atlas)
    })
}

/// Reads and validates one lesson file (size-capped, UTF-8 checked).
///
/// # Errors
/// Why the file could not be used, with its position when known.
pub fn load_lesson_file(path: &Path, atlas: &Atlas) -> Result<Lesson, Vec<DataError>> {
    let src = read_text(path).map_err(|e| vec![e])?;
    parse_lesson(&src.text, &src.name, atlas)
}

/// The embedded lessons plus those in `<dir>/lessons/*.ron`, and every problem.
#[must_use]
pub fn load_lessons(user_folder: Option<&Path>, atlas: &Atlas) -> (Vec<Lesson>, Vec<DataError>) {
    let mut errors = Vec::new();
    let files = user_folder
        .map(|dir| ron_files(&dir.join("lessons"), &mut errors))
        .unwrap_or_default();
    let (lessons, lesson_errors) = lessons_of(&files, atlas, &LoadProgress::default());
    errors.extend(lesson_errors);
    (lessons, errors)
}

/// The embedded lessons and those in `files`, each file counted in `progress`.
fn lessons_of(
    files: &[PathBuf],
    atlas: &Atlas,
    progress: &LoadProgress,
) -> (Vec<Lesson>, Vec<DataError>) {
    let mut lessons = Vec::new();
    let mut errors = Vec::new();
    for (path, text) in EMBEDDED_LESSONS {
        match parse_lesson(text, &format!("embedded:{path}"), atlas) {
            Ok(l) => lessons.push(l),
            Err(e) => errors.extend(e),
        }
    }
    for path in files {
        match load_lesson_file(path, atlas) {
            Ok(l) => lessons.push(l),
            Err(e) => errors.extend(e),
        }
        progress.one_done();
    }
    (lessons, errors)
}

/// Parses and validates the views file: the valid views, and every problem (a syntax
/// error loses the whole file; an invalid view loses only that view).
#[must_use]
pub fn parse_views(text: &str, file: &str) -> (Vec<View>, Vec<DataError>) {
    let (views, _, errors) = parse_views_listed(text, file);
    (views, errors)
}

/// A user's views file, as [`parse_views`], and a notice naming every view of
/// `built_in` that the file leaves out (those keep their built-in drawing: a views
/// file adds and replaces views, it cannot remove one). A file that could not be
/// parsed at all gets no notice; its syntax error says enough.
#[must_use]
pub fn parse_user_views(text: &str, file: &str, built_in: &[View]) -> (Vec<View>, Vec<DataError>) {
    let (views, listed, mut errors) = parse_views_listed(text, file);
    if let Some(listed) = listed {
        let missing: Vec<&str> = built_in
            .iter()
            .map(|v| v.id.0.as_str())
            .filter(|id| !listed.iter().any(|l| l == id))
            .collect();
        if !missing.is_empty() {
            errors.push(DataError::at(
                ErrorKind::Notice,
                file,
                Position::default(),
                missing_views_message(&missing, built_in.len()),
            ));
        }
    }
    (views, errors)
}

/// What the loader says of a views file that leaves out built-in views.
fn missing_views_message(missing: &[&str], built_in: usize) -> String {
    let names = missing
        .iter()
        .map(|id| format!("\"{id}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let (count, them) = if missing.len() == 1 {
        ("1 of the".to_owned(), "it")
    } else {
        (format!("{} of the", missing.len()), "them")
    };
    format!(
        "note: leaves out {count} {built_in} built-in views ({names}), so the atlas shows the built-in drawing of {them}; a views file adds views and replaces them by id, it cannot remove one. To change {them}, copy {them} from data/views.ron into this file; to keep the built-in drawing, nothing needs doing."
    )
}

/// The valid views, the ids the file lists (`None` when it could not be parsed) and
/// every problem.
fn parse_views_listed(text: &str, file: &str) -> (Vec<View>, Option<Vec<String>>, Vec<DataError>) {
    if let Ok(raw) = parse_ron::<RawViewsFile>(text, file, false) {
        let listed = listed_ids(&raw);
        let (views, errors) = views_of(raw, file);
        if errors.is_empty() {
            return (views, Some(listed), errors);
        }
    }
    match parse_ron::<RawViewsFile>(text, file, true) {
        Ok(raw) => {
            let listed = listed_ids(&raw);
            let (views, errors) = views_of(raw, file);
            (views, Some(listed), errors)
        }
        Err(e) => (Vec::new(), None, vec![e]),
    }
}

/// The view ids a views file writes, valid or not.
fn listed_ids(raw: &RawViewsFile) -> Vec<String> {
    raw.views.iter().map(|v| v.value.id.clone()).collect()
}

/// Validates each view of a parsed views file.
fn views_of(raw: RawViewsFile, file: &str) -> (Vec<View>, Vec<DataError>) {
    let mut views: Vec<View> = Vec::new();
    let mut errors = Vec::new();
    for raw_view in raw.views {
        let at = raw_view.position;
        match validate::view(raw_view, file) {
            Ok(v) if views.iter().any(|o| o.id == v.id) => errors.push(DataError::at(
                ErrorKind::Invalid,
                file,
                at,
                format!(
                    "view id \"{}\" is used twice; give each view its own id.",
                    v.id
                ),
            )),
            Ok(v) => views.push(v),
            Err(e) => errors.extend(e),
        }
    }
    (views, errors)
}

/// Parses and validates one muscle file.
///
/// # Errors
/// The syntax error, or every validation problem.
pub fn parse_muscle(text: &str, file: &str, views: &[View]) -> Result<Muscle, Vec<DataError>> {
    parse_checked(text, file, |raw: RawMuscle| {
        validate::muscle(raw, file, views)
    })
}

/// How far a load has got, for the window to show while it waits: the files of the
/// user's folder read and checked, of how many. The loading threads count; any
/// thread may look.
#[derive(Debug, Default)]
pub struct LoadProgress {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl LoadProgress {
    /// (files done, files in all); both 0 until the folder has been listed.
    #[must_use]
    pub fn files(&self) -> (usize, usize) {
        let total = self.total.load(Ordering::Relaxed);
        (self.done.load(Ordering::Relaxed).min(total), total)
    }

    fn expect(&self, files: usize) {
        self.total.fetch_add(files, Ordering::Relaxed);
    }

    fn one_done(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }
}

/// The data files of a user folder, listed but not read yet.
#[derive(Debug, Default)]
struct FolderFiles {
    views: Option<PathBuf>,
    warnings: Option<PathBuf>,
    groups: Option<PathBuf>,
    /// `muscles/*.ron`, sorted by name.
    muscles: Vec<PathBuf>,
    /// `lessons/*.ron`, sorted by name.
    lessons: Vec<PathBuf>,
}

impl FolderFiles {
    fn count(&self) -> usize {
        [&self.views, &self.warnings, &self.groups]
            .iter()
            .filter(|f| f.is_some())
            .count()
            + self.muscles.len()
            + self.lessons.len()
    }
}

/// The `.ron` files in `dir`, sorted by name (none if there is no such folder).
fn ron_files(dir: &Path, errors: &mut Vec<DataError>) -> Vec<PathBuf> {
    if !dir.is_dir() {
        return Vec::new();
    }
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect();
            paths.sort();
            paths
        }
        Err(e) => {
            errors.push(DataError::io(
                &dir.display().to_string(),
                format!("cannot list the folder: {e}."),
            ));
            Vec::new()
        }
    }
}

/// Lists a user data folder: `views.ron`, `warnings.ron` and `groups.ron` (each
/// optional), `muscles/*.ron` and `lessons/*.ron`. Nothing is read yet.
fn list_folder(dir: &Path, errors: &mut Vec<DataError>) -> FolderFiles {
    let shown = dir.display().to_string();
    if !dir.is_dir() {
        let message = if dir.exists() {
            "this is a file, not a folder; give the path of the folder that holds views.ron and/or muscles/."
        } else {
            "data folder not found; give the path of a folder containing views.ron and/or muscles/."
        };
        errors.push(DataError::io(&shown, message));
        return FolderFiles::default();
    }
    let listing_errors = errors.len();
    let files = FolderFiles {
        views: Some(dir.join("views.ron")).filter(|p| p.exists()),
        warnings: Some(dir.join("warnings.ron")).filter(|p| p.is_file()),
        groups: Some(dir.join("groups.ron")).filter(|p| p.is_file()),
        muscles: ron_files(&dir.join("muscles"), errors),
        lessons: ron_files(&dir.join("lessons"), errors),
    };
    if files.views.is_none()
        && files.warnings.is_none()
        && files.groups.is_none()
        && files.muscles.is_empty()
        && errors.len() == listing_errors
    {
        errors.push(DataError::io(
            &shown,
            "no data found: expected views.ron or .ron files in a muscles/ subfolder.",
        ));
    }
    files
}

/// Reads one file with a size cap and a UTF-8 check.
pub(super) fn read_text(path: &Path) -> Result<SourceText, DataError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path)
        .map_err(|e| DataError::io(&name, format!("cannot read the file: {e}.")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(DataError::io(
            &name,
            format!(
                "the file is {} KiB; data files may be at most {} KiB. Split it into several files.",
                meta.len() / 1024,
                MAX_FILE_BYTES / 1024
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| DataError::io(&name, format!("cannot read the file: {e}.")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        // Where the bad byte is, as line and column of the valid text before it.
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let before = String::from_utf8_lossy(valid);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        DataError::at(
            ErrorKind::Io,
            &name,
            Position { line, column },
            "the file is not valid UTF-8 text here (perhaps saved as Latin-1 or Windows-1252); save it as UTF-8.",
        )
    })?;
    Ok(SourceText { name, text })
}

/// Builds the atlas from the embedded defaults plus, optionally, a user folder,
/// on all of the machine's cores.
#[must_use]
pub fn load_atlas(user_folder: Option<&Path>) -> LoadReport {
    load_atlas_on(user_folder, all_cores())
}

/// The number of cores the machine offers (at least 1).
#[must_use]
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// [`load_atlas`] on at most `threads` threads. The window loads the embedded atlas
/// while eframe opens it on the main thread, so it leaves that thread a core.
#[must_use]
pub fn load_atlas_on(user_folder: Option<&Path>, threads: usize) -> LoadReport {
    let mut errors = Vec::new();
    let files = user_folder.map(|dir| list_folder(dir, &mut errors));
    atlas_from(files.as_ref(), errors, threads, &LoadProgress::default())
}

/// The atlas and the lessons of the embedded defaults and `user_folder`, with the
/// atlas's problems (in the report) and the lessons', on at most `threads` threads.
/// Each file of the folder counts in `progress` once it has been read and checked.
#[must_use]
pub fn load_with_lessons(
    user_folder: Option<&Path>,
    threads: usize,
    progress: &LoadProgress,
) -> (LoadReport, Vec<Lesson>, Vec<DataError>) {
    let mut errors = Vec::new();
    let files = user_folder.map(|dir| list_folder(dir, &mut errors));
    progress.expect(files.as_ref().map_or(0, FolderFiles::count));
    let report = atlas_from(files.as_ref(), errors, threads, progress);
    let lesson_files = files.map(|f| f.lessons).unwrap_or_default();
    let (lessons, lesson_errors) = lessons_of(&lesson_files, &report.atlas, progress);
    (report, lessons, lesson_errors)
}

/// The embedded atlas with the listed files of a user folder.
fn atlas_from(
    files: Option<&FolderFiles>,
    mut errors: Vec<DataError>,
    threads: usize,
    progress: &LoadProgress,
) -> LoadReport {
    let mut read = |path: Option<&PathBuf>| {
        let src = read_text(path?).map_err(|e| errors.push(e)).ok();
        progress.one_done();
        src
    };
    let user_views = read(files.and_then(|f| f.views.as_ref()));
    let user_warnings = read(files.and_then(|f| f.warnings.as_ref()));
    let user_groups = read(files.and_then(|f| f.groups.as_ref()));
    let mut muscles = embedded_muscles();
    if let Some(files) = files {
        muscles.extend(files.muscles.iter().map(|p| (MuscleInput::File(p), true)));
    }
    let mut report = build_on(
        &embedded_views(),
        &muscles,
        user_views.as_ref(),
        UserExtras {
            warnings: user_warnings.as_ref(),
            groups: user_groups.as_ref(),
            embedded_groups: true,
        },
        threads,
        progress,
    );
    errors.append(&mut report.errors);
    report.errors = errors;
    report
}

/// The embedded views file.
fn embedded_views() -> SourceText {
    SourceText {
        name: "embedded:data/views.ron".to_owned(),
        text: include_str!("../../data/views.ron").to_owned(),
    }
}

/// The embedded muscle files, not user files, their text borrowed from the binary.
fn embedded_muscles() -> Vec<(MuscleInput<'static>, bool)> {
    EMBEDDED_MUSCLES
        .iter()
        .map(|(path, text)| {
            let name = Cow::Owned(format!("embedded:{path}"));
            (MuscleInput::Text { name, text }, false)
        })
        .collect()
}

/// A muscle file to parse: its text at hand (embedded, or given by a test), or a file
/// of the user's folder, read by the thread that parses it.
enum MuscleInput<'a> {
    Text { name: Cow<'a, str>, text: &'a str },
    File(&'a Path),
}

impl<'a> MuscleInput<'a> {
    fn of(src: &'a SourceText) -> Self {
        Self::Text {
            name: Cow::Borrowed(&src.name),
            text: &src.text,
        }
    }
}

/// A muscle file, read and parsed.
struct ParsedFile<'a> {
    name: Cow<'a, str>,
    text: Cow<'a, str>,
    user: bool,
    muscle: Result<Muscle, Vec<DataError>>,
}

/// Fewer files than this per thread are not worth a thread of their own.
const MIN_FILES_PER_THREAD: usize = 8;

/// Reads (when it is a file), parses and validates every muscle file, on up to
/// `threads` threads taking the next file as they finish one (each file is
/// independent of the others); results come back in the order given. A user file
/// counts in `progress` when it is done.
fn parse_muscles_in_parallel<'a>(
    inputs: &'a [(MuscleInput<'a>, bool)],
    views: &[View],
    threads: usize,
    progress: &LoadProgress,
) -> Vec<Result<ParsedFile<'a>, DataError>> {
    let parse = |(input, user): &'a (MuscleInput<'a>, bool)| {
        let (name, text) = match input {
            MuscleInput::Text { name, text } => (name.clone(), Cow::Borrowed(*text)),
            MuscleInput::File(path) => {
                let src = read_text(path)?;
                (Cow::Owned(src.name), Cow::Owned(src.text))
            }
        };
        let muscle = parse_muscle(&text, &name, views);
        Ok(ParsedFile {
            name,
            text,
            user: *user,
            muscle,
        })
    };
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(input) = inputs.get(i) else {
                break done;
            };
            done.push((i, parse(input)));
            if input.1 {
                progress.one_done();
            }
        }
    };
    let helpers = threads
        .clamp(1, 8)
        .min(inputs.len().div_ceil(MIN_FILES_PER_THREAD))
        .saturating_sub(1);
    let mut results = std::thread::scope(|scope| {
        // A helper that cannot be started leaves its files to the others.
        let started: Vec<_> = (0..helpers)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .name("data-parser".to_owned())
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        let mut results = work();
        for helper in started {
            match helper.join() {
                Ok(part) => results.extend(part),
                // A panic in a parser is a bug; surface it where it happened.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        results
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, parsed)| parsed).collect()
}

/// Where a muscle file writes its id (found by parsing it again with positions;
/// needed only to report a clash of ids).
fn id_position(name: &str, text: &str) -> Position {
    parse_ron::<RawMuscle>(text, name, true)
        .map_or_else(|_| Position::default(), |raw| raw.id.position)
}

/// Builds an atlas from defaults and overrides given as text (used by tests too).
#[must_use]
pub fn build(
    views_src: &SourceText,
    muscle_srcs: &[SourceText],
    user_views: Option<&SourceText>,
    user_muscles: &[SourceText],
) -> LoadReport {
    let muscles: Vec<_> = muscle_srcs
        .iter()
        .map(|s| (MuscleInput::of(s), false))
        .chain(user_muscles.iter().map(|s| (MuscleInput::of(s), true)))
        .collect();
    build_on(
        views_src,
        &muscles,
        user_views,
        UserExtras::default(),
        all_cores(),
        &LoadProgress::default(),
    )
}

/// The user's own warnings and groups files, if any, and whether the embedded
/// groups apply (they name the embedded muscles, so not to an atlas built from other
/// muscle files, as tests build one).
#[derive(Clone, Copy, Default)]
struct UserExtras<'a> {
    warnings: Option<&'a SourceText>,
    groups: Option<&'a SourceText>,
    embedded_groups: bool,
}

/// The atlas of `views_src` (with `user_views` over it) and the muscle files
/// (`true`: a user's file, which may replace an embedded muscle of the same id).
fn build_on(
    views_src: &SourceText,
    muscle_files: &[(MuscleInput<'_>, bool)],
    user_views: Option<&SourceText>,
    extras: UserExtras<'_>,
    threads: usize,
    progress: &LoadProgress,
) -> LoadReport {
    let mut report = LoadReport::default();
    let warnings = load_warnings(extras.warnings, &mut report.errors);
    let groups = load_groups(extras.groups, extras.embedded_groups, &mut report.errors);
    let (mut views, errs) = parse_views(&views_src.text, &views_src.name);
    report.errors.extend(errs);
    if let Some(src) = user_views {
        let (user, errs) = parse_user_views(&src.text, &src.name, &views);
        report.errors.extend(errs);
        for v in user {
            match views.iter_mut().find(|o| o.id == v.id) {
                Some(slot) => *slot = v,
                None => views.push(v),
            }
        }
    }
    let parsed = parse_muscles_in_parallel(muscle_files, &views, threads, progress);
    let mut muscles: Vec<Muscle> = Vec::new();
    let mut by_id: HashMap<MuscleId, usize> = HashMap::new();
    let mut sources: Vec<(Cow<'_, str>, Cow<'_, str>)> = Vec::with_capacity(parsed.len());
    for file in parsed {
        let ParsedFile {
            name,
            text,
            user,
            muscle,
        } = match file {
            Ok(file) => file,
            Err(e) => {
                report.errors.push(e);
                continue;
            }
        };
        match muscle {
            Ok(m) => match by_id.get(&m.id).copied() {
                None => {
                    by_id.insert(m.id.clone(), muscles.len());
                    muscles.push(m);
                }
                Some(i) if user && muscles[i].origin.starts_with("embedded:") => {
                    report.overridden.push(m.id.clone());
                    muscles[i] = m;
                }
                Some(i) => report.errors.push(DataError::at(
                    ErrorKind::Invalid,
                    &name,
                    id_position(&name, &text),
                    format!(
                        "muscle id \"{}\" is already defined in {}; each muscle needs its own id.",
                        m.id, muscles[i].origin
                    ),
                )),
            },
            Err(e) => report.errors.extend(e),
        }
        sources.push((name, text));
    }
    let texts: Texts<'_> = sources
        .iter()
        .map(|(name, text)| (name.as_ref(), text.as_ref()))
        .collect();
    drop_unplaced(&mut muscles, &texts, &warnings, &mut report.errors);
    check_links(&mut muscles, &texts, &mut report.errors);
    let mut groups = groups;
    let mut group_texts = vec![EMBEDDED_GROUPS];
    if let Some(src) = extras.groups {
        group_texts.push((src.name.as_str(), src.text.as_str()));
    }
    place_unknown_members(&mut groups, &muscles, &group_texts);
    let groups = check_group_members(groups, &muscles, &mut report.errors);
    report.atlas = Atlas::new(views, muscles, warnings, groups);
    report
}
