//! `list`: the muscles by region, as text or JSON.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::model::Atlas;

/// Runs `list`.
#[must_use]
pub fn run(json: bool, data: Option<&Path>) -> ExitCode {
    let atlas = super::args::load_quietly(data);
    if json {
        super::args::print_json(&list_rows(&atlas))
    } else {
        print!("{}", list_text(&atlas));
        ExitCode::SUCCESS
    }
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
        })
        .collect()
}

/// Human-readable muscle list, grouped by region.
#[must_use]
pub fn list_text(atlas: &Atlas) -> String {
    let mut out = String::new();
    for region in atlas.regions() {
        let _ = writeln!(out, "{region}");
        for m in atlas.muscles.iter().filter(|m| m.region == region) {
            let _ = writeln!(out, "  {:<34} {}", m.id.0, m.name);
        }
    }
    out
}
