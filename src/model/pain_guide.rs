//! The pain guide: for each body area, the muscles that refer pain there, the most
//! frequent first (after the Trigger Point Manual's pain guides, where the sources
//! give the order). The pain finder breaks ties with it.

use std::sync::OnceLock;

use serde::Deserialize;

use super::Source;
use super::raw::RawSource;

/// One area of the guide.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideArea {
    pub name: String,
    /// The zone area names (as the muscle files write them) this area covers.
    pub matches: Vec<String>,
    /// Muscle ids, the most frequent cause first.
    pub muscles: Vec<String>,
    /// Where the order comes from, or that it is not confirmed.
    pub source: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPainGuide {
    #[serde(default)]
    sources: Vec<RawSource>,
    areas: Vec<GuideArea>,
}

/// The whole guide.
#[derive(Debug, Default)]
pub struct PainGuide {
    pub sources: Vec<Source>,
    pub areas: Vec<GuideArea>,
}

impl PainGuide {
    /// Parses a guide file.
    ///
    /// # Errors
    /// When the text is not a valid guide file.
    pub fn parse(text: &str) -> Result<Self, ron::error::SpannedError> {
        let raw: RawPainGuide = ron::Options::default().from_str(text)?;
        Ok(Self {
            sources: raw.sources.into_iter().map(Source::from).collect(),
            areas: raw.areas,
        })
    }
}

/// The guide shipped with the program (a test holds it valid; were it not, ties
/// would fall back to alphabetical order, never a crash).
#[must_use]
pub fn pain_guide() -> &'static PainGuide {
    static GUIDE: OnceLock<PainGuide> = OnceLock::new();
    GUIDE.get_or_init(|| {
        PainGuide::parse(include_str!("../../data/pain_guide.ron")).unwrap_or_default()
    })
}
