//! The Trigger Point Manual's pain-pattern index: the muscles (or parts) the two
//! volumes draw a referred-pain pattern for. Each muscle file says which entries it
//! covers (`covers: [...]`), so a missing muscle is a failing test, and the details
//! panel can point a clinician to the chapter.

use std::sync::OnceLock;

use serde::Deserialize;

use super::Source;
use super::raw::RawSource;

/// One entry of the index.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexEntry {
    pub id: String,
    pub name: String,
    /// 1: upper half of the body (2nd ed., 1999); 2: the lower half (1992).
    pub volume: u8,
    #[serde(default)]
    pub chapter: Option<u16>,
}

impl IndexEntry {
    /// "vol. 1, ch. 6" or "vol. 2".
    #[must_use]
    pub fn reference(&self) -> String {
        match self.chapter {
            Some(c) => format!("vol. {}, ch. {c}", self.volume),
            None => format!("vol. {}", self.volume),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPainIndex {
    #[serde(default)]
    sources: Vec<RawSource>,
    entries: Vec<IndexEntry>,
}

/// The whole index, and where its list comes from.
#[derive(Debug, Default)]
pub struct PainIndex {
    pub sources: Vec<Source>,
    pub entries: Vec<IndexEntry>,
}

impl PainIndex {
    /// Parses an index file; the error is RON's, with its position.
    ///
    /// # Errors
    /// When the text is not a valid index file.
    pub fn parse(text: &str) -> Result<Self, ron::error::SpannedError> {
        let raw: RawPainIndex = ron::Options::default().from_str(text)?;
        Ok(Self {
            sources: raw.sources.into_iter().map(Source::from).collect(),
            entries: raw.entries,
        })
    }

    /// The entry with this id.
    #[must_use]
    pub fn entry(&self, id: &str) -> Option<&IndexEntry> {
        self.entries.iter().find(|e| e.id == id)
    }
}

/// The index shipped with the program (a test holds it valid; were it not, the index
/// would be empty and every `covers` entry reported, never a crash).
#[must_use]
pub fn pain_index() -> &'static PainIndex {
    static INDEX: OnceLock<PainIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        PainIndex::parse(include_str!("../../data/pain_index.ron")).unwrap_or_default()
    })
}
