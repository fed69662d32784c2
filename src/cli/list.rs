//! `list`: the muscles by region, as text or JSON.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::model::Atlas;

/// Runs `list`: every muscle, or with `group` only that group's members.
#[must_use]
pub fn run(json: bool, group: Option<&str>, data: Option<&Path>) -> ExitCode {
    let atlas = super::args::load_quietly(data);
    let members = match group {
        None => None,
        Some(id) => {
            let Some(g) = atlas.group(id) else {
                let known: Vec<&str> = atlas.groups.iter().map(|g| g.id.as_str()).collect();
                eprintln!("error: no group \"{id}\"; use one of: {}", known.join(", "));
                return ExitCode::from(2);
            };
            Some(g.members.clone())
        }
    };
    let wanted = |id: &str| members.as_ref().is_none_or(|m| m.iter().any(|x| x.0 == id));
    if json {
        let mut rows = list_rows(&atlas);
        rows.retain(|r| wanted(&r.id));
        super::args::print_json(&rows)
    } else {
        print!("{}", list_text_where(&atlas, |m| wanted(&m.id.0)));
        ExitCode::SUCCESS
    }
}

/// One row of `list --index --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndexRow {
    pub id: String,
    pub name: String,
    pub volume: u8,
    pub chapter: Option<u16>,
    /// The muscles (ids) whose files draw this entry's pattern.
    pub muscles: Vec<String>,
}

/// Every entry of the pain-pattern index with the muscles that cover it.
#[must_use]
pub fn index_rows(atlas: &Atlas) -> Vec<IndexRow> {
    crate::model::pain_index::pain_index()
        .entries
        .iter()
        .map(|e| IndexRow {
            id: e.id.clone(),
            name: e.name.clone(),
            volume: e.volume,
            chapter: e.chapter,
            muscles: atlas
                .muscles
                .iter()
                .filter(|m| m.covers.contains(&e.id))
                .map(|m| m.id.0.clone())
                .collect(),
        })
        .collect()
}

/// Runs `list --index`.
#[must_use]
pub fn run_index(json: bool, data: Option<&Path>) -> ExitCode {
    let atlas = super::args::load_quietly(data);
    let rows = index_rows(&atlas);
    if json {
        return super::args::print_json(&rows);
    }
    let mut out = String::new();
    for r in &rows {
        let chapter = r.chapter.map_or(String::new(), |c| format!(", ch. {c}"));
        let muscles = if r.muscles.is_empty() {
            "(no muscle file yet)".to_owned()
        } else {
            r.muscles.join(", ")
        };
        let _ = writeln!(
            out,
            "{:<34} vol. {}{chapter:<8} {muscles}",
            r.name, r.volume
        );
    }
    let missing = rows.iter().filter(|r| r.muscles.is_empty()).count();
    let _ = writeln!(
        out,
        "{} entries, {} without a muscle file",
        rows.len(),
        missing
    );
    print!("{out}");
    ExitCode::SUCCESS
}

/// One row of `list --json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListRow {
    pub id: String,
    pub name: String,
    pub latin: String,
    pub region: String,
    pub layer: String,
    /// The views the muscle's shape or pattern appears on.
    pub views: Vec<String>,
    pub conditions: Vec<String>,
    /// The functional groups it belongs to, by id.
    pub groups: Vec<String>,
    /// Symptoms besides pain.
    pub symptoms: Vec<String>,
}

/// Every muscle, in list order.
#[must_use]
pub fn list_rows(atlas: &Atlas) -> Vec<ListRow> {
    atlas
        .muscles
        .iter()
        .map(|m| ListRow {
            id: m.id.0.clone(),
            name: m.name.clone(),
            latin: m.latin.clone(),
            region: m.region.clone(),
            layer: m.layer.word().to_owned(),
            views: m.views(atlas).iter().map(|v| v.0.clone()).collect(),
            conditions: m.conditions.clone(),
            groups: atlas
                .groups_of(&m.id)
                .iter()
                .map(|g| g.id.clone())
                .collect(),
            symptoms: m.symptoms.clone(),
        })
        .collect()
}

/// Human-readable muscle list, grouped by region.
#[must_use]
pub fn list_text(atlas: &Atlas) -> String {
    list_text_where(atlas, |_| true)
}

/// [`list_text`] of the muscles `keep` accepts; regions left empty are left out.
fn list_text_where(atlas: &Atlas, keep: impl Fn(&crate::model::Muscle) -> bool) -> String {
    let mut out = String::new();
    for region in atlas.regions() {
        let members: Vec<_> = atlas
            .muscles
            .iter()
            .filter(|m| m.region == region && keep(m))
            .collect();
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{region}");
        for m in members {
            let _ = writeln!(out, "  {:<34} {}", m.id.0, m.name);
        }
    }
    out
}
