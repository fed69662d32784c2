//! The one error type for data files: where the problem is and what to do about it.

use std::fmt;

use super::Position;

/// What went wrong, for tests and for grouping messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file could not be read (missing, unreadable, too large, not UTF-8).
    Io,
    /// The text is not valid RON or does not have the expected fields and types.
    Syntax,
    /// Well-formed, but breaks a rule: duplicate id, unknown view, bad polygon …
    Invalid,
    /// Valid, but perhaps not what the author meant, and the loader's choice is said
    /// (a views file that leaves out built-in views). `check` still succeeds.
    Notice,
}

/// A problem in a data file, with its position when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub kind: ErrorKind,
    /// File name as the user knows it (a path, or `embedded:data/…`).
    pub file: String,
    /// 1-based position; line 0 when the file could not be read at all.
    pub position: Position,
    /// A sentence telling the data author what is wrong and how to fix it.
    pub message: String,
}

impl DataError {
    /// Whether this is only a [`ErrorKind::Notice`], not a problem that skipped data.
    #[must_use]
    pub fn is_notice(&self) -> bool {
        self.kind == ErrorKind::Notice
    }

    /// A problem at a known position.
    #[must_use]
    pub fn at(kind: ErrorKind, file: &str, position: Position, message: impl Into<String>) -> Self {
        Self {
            kind,
            file: file.to_owned(),
            position,
            message: message.into(),
        }
    }

    /// A problem with the file as a whole.
    #[must_use]
    pub fn io(file: &str, message: impl Into<String>) -> Self {
        Self::at(ErrorKind::Io, file, Position::default(), message)
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.position.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.position.line, self.position.column, self.message
            )
        }
    }
}

impl std::error::Error for DataError {}
