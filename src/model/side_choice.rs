//! Which side(s) of the patient a pattern is shown on: a preference, a lesson step's
//! setting and a command-line option alike.

use serde::{Deserialize, Serialize};

use super::Side;

/// Which side(s) of the patient the pattern is shown on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SideChoice {
    Right,
    Left,
    Both,
}

impl From<Side> for SideChoice {
    fn from(side: Side) -> Self {
        match side {
            Side::Right => SideChoice::Right,
            Side::Left => SideChoice::Left,
        }
    }
}

impl SideChoice {
    /// The sides this choice shows.
    #[must_use]
    pub fn sides(self) -> &'static [Side] {
        match self {
            SideChoice::Right => &[Side::Right],
            SideChoice::Left => &[Side::Left],
            SideChoice::Both => &Side::BOTH,
        }
    }

    /// The word used in file names and on the command line.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            SideChoice::Right => "right",
            SideChoice::Left => "left",
            SideChoice::Both => "both",
        }
    }
}
