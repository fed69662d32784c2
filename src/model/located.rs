//! `Located<T>`: a value that remembers where in its file it was written, so that
//! validation errors (found after parsing) can still name a line and column.
//!
//! Positions cost a second parse, so they are only found when asked for: the loader
//! parses a file fast first (positions unknown) and only when the file has a problem
//! parses it again with positions on, to say where the problem is.
//!
//! With positions on, it deserializes the value's raw RON text first (borrowed from
//! the source, which gives its offset), then parses that text as `T`. A parse error
//! inside is reported at its absolute position through a thread-local, because serde
//! errors carry no positions of their own.

use std::cell::{Cell, RefCell};
use std::fmt;

use ron::value::RawValue;
use serde::{Deserialize, Deserializer, de::Error as _};

/// A 1-based line and column. `line == 0` means "no position".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text`.
    #[must_use]
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let before = text.get(..offset.min(text.len())).unwrap_or(text);
        let line = 1 + before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = 1 + before[line_start..].chars().count();
        Self { line, column }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A value with the position where it starts in its file.
#[derive(Clone, Debug)]
pub struct Located<T> {
    pub value: T,
    pub position: Position,
}

thread_local! {
    /// The source being parsed: its address, and a copy of its text for positions.
    /// Set by [`with_source`]; files are size-capped, so the copy is cheap.
    static SOURCE: RefCell<(usize, String)> = const { RefCell::new((0, String::new())) };
    /// Absolute position of the innermost parse error, if a `Located` saw one.
    static INNER_ERROR: Cell<Option<Position>> = const { Cell::new(None) };
    /// Whether `Located` values look up their positions (the slow, second parse).
    static FIND_POSITIONS: Cell<bool> = const { Cell::new(false) };
}

/// Forgets the registered source when a positioned parse ends, even by a panic, so
/// the next parse on this thread starts clean.
struct Reset;

impl Drop for Reset {
    fn drop(&mut self) {
        FIND_POSITIONS.with(|f| f.set(false));
        SOURCE.with(|s| *s.borrow_mut() = (0, String::new()));
    }
}

/// Runs `parse`. Without `positions`, `Located` values parse directly and carry no
/// position. With `positions`, `text` is registered as the source of any `Located`
/// values, and the absolute position of a nested parse error is returned, if one
/// happened.
pub(crate) fn with_source<R>(
    text: &str,
    positions: bool,
    parse: impl FnOnce() -> R,
) -> (R, Option<Position>) {
    if !positions {
        FIND_POSITIONS.with(|f| f.set(false));
        return (parse(), None);
    }
    SOURCE.with(|s| *s.borrow_mut() = (text.as_ptr() as usize, text.to_owned()));
    INNER_ERROR.with(|e| e.set(None));
    FIND_POSITIONS.with(|f| f.set(true));
    let reset = Reset;
    let result = parse();
    drop(reset);
    (result, INNER_ERROR.with(Cell::take))
}

/// The position of `part` in the registered source, when `part` borrows from it.
fn position_in_source(part: &str) -> Position {
    SOURCE.with(|s| {
        let (base, text) = &*s.borrow();
        let addr = part.as_ptr() as usize;
        if *base == 0 || addr < *base || addr > *base + text.len() {
            return Position::default();
        }
        Position::of_offset(text, addr - *base)
    })
}

/// Written as the value alone (the position belongs to the file it was read from).
impl<T: serde::Serialize> serde::Serialize for Located<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !FIND_POSITIONS.with(Cell::get) {
            return T::deserialize(deserializer).map(|value| Located {
                value,
                position: Position::default(),
            });
        }
        let raw: &'de RawValue = Deserialize::deserialize(deserializer)?;
        let raw = raw.trim();
        let text: &'de str = raw.get_ron();
        let position = position_in_source(text);
        match raw.into_rust::<T>() {
            Ok(value) => Ok(Located { value, position }),
            Err(err) => {
                let inner = err.span.start;
                if position.line > 0 && INNER_ERROR.with(Cell::get).is_none() {
                    let absolute = if inner.line <= 1 {
                        Position {
                            line: position.line,
                            column: position.column + inner.col.saturating_sub(1),
                        }
                    } else {
                        Position {
                            line: position.line + inner.line - 1,
                            column: inner.col,
                        }
                    };
                    INNER_ERROR.with(|e| e.set(Some(absolute)));
                }
                Err(D::Error::custom(err.code))
            }
        }
    }
}
