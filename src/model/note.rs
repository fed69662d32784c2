//! What a physician may type to be printed on a handout or a pain-drawing report.

/// Longest initials kept, in characters.
pub const MAX_INITIALS: usize = 12;
/// Longest note kept, in characters (a few lines on the page).
pub const MAX_NOTE: usize = 300;

/// Optional words printed on a handout or report: the physician's initials, the date
/// of the visit, a short note. Kept in memory while the app runs and in a pain drawing
/// file when the physician saves one; never in the preferences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClinicianNote {
    pub initials: String,
    /// The visit's date as typed (e.g. 2026-12-02); empty: today.
    pub date: String,
    pub note: String,
}

impl ClinicianNote {
    /// The date to print: the typed one, or `today`.
    #[must_use]
    pub fn date_or<'a>(&'a self, today: &'a str) -> &'a str {
        match self.date.trim() {
            "" => today,
            typed => typed,
        }
    }

    /// "Prepared by AB" or nothing.
    #[must_use]
    pub fn initials_line(&self) -> Option<String> {
        let initials = self.initials.trim();
        (!initials.is_empty()).then(|| format!("Prepared by {initials}"))
    }

    /// The note, trimmed, if there is one.
    #[must_use]
    pub fn note_text(&self) -> Option<&str> {
        Some(self.note.trim()).filter(|n| !n.is_empty())
    }
}
