//! The one table of keyboard shortcuts. The window's key handling
//! (`app::keyboard`), the help overlay (`ui::help`) and the README's Keyboard
//! table all come from it; a test holds the README to it.

use egui::{Key, Modifiers};

use crate::model::SideChoice;

/// A direction to pan the zoomed figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pan {
    Left,
    Right,
    Up,
    Down,
}

/// What a key does. Whether it applies at the moment (a digit answers a quiz
/// question only while one is open) is the key handler's business.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// The next muscle of the region, or in a lesson the next step.
    Forward,
    /// The previous muscle of the region, or in a lesson the previous step.
    Back,
    FocusSearch,
    /// Leave the search box, close the help, end a lesson or clear the selection,
    /// the first that applies.
    Escape,
    Side(SideChoice),
    /// Show only the view at this index of the atlas's views.
    ShowView(usize),
    AutoViews,
    ZoomIn,
    ZoomOut,
    Fit,
    Pan(Pan),
    ToggleLessons,
    /// Start the lesson at this index (while the lessons list is open).
    StartLesson(usize),
    CycleMode,
    /// Answer a naming question with the choice at this index.
    Answer(usize),
    NextQuestion,
    TogglePresentation,
    /// Hide the panels so the figures fill the window (a slim caption stays).
    ToggleFiguresOnly,
    /// Zoom so the selected pattern fills the canvas.
    ZoomToPattern,
    /// Move the keyboard focus to the next (`true`) or previous part of the window:
    /// the list, the body map, the details.
    FocusRegion(bool),
    ToggleFullscreen,
    ToggleDark,
    ToggleExport,
    ToggleHelp,
}

impl KeyAction {
    /// Keys that still work while a text field has the keyboard.
    #[must_use]
    pub fn works_while_typing(self) -> bool {
        matches!(
            self,
            KeyAction::Escape
                | KeyAction::ToggleFullscreen
                | KeyAction::ToggleHelp
                | KeyAction::ToggleLessons
                | KeyAction::ToggleExport
                | KeyAction::FocusRegion(_)
        )
    }

    /// Where one key means several things, the lower number wins when it applies:
    /// a digit starts a lesson (list open), else answers the quiz, else picks a view.
    #[must_use]
    pub fn precedence(self) -> u8 {
        match self {
            KeyAction::StartLesson(_) => 0,
            KeyAction::Answer(_) | KeyAction::NextQuestion => 1,
            _ => 2,
        }
    }
}

/// A key press: a named key with modifiers, or a typed character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    Key(Key, Modifiers),
    Text(&'static str),
}

/// One row of the shortcut table.
#[derive(Clone, Copy, Debug)]
pub struct Shortcut {
    /// The keys as the help and the README show them.
    pub keys: &'static str,
    /// What they do, in the help's words.
    pub does: &'static str,
    /// Each press and what it does; empty for pointer gestures, which the canvas
    /// handles itself.
    pub presses: &'static [(Press, KeyAction)],
}

const fn key(key: Key, action: KeyAction) -> (Press, KeyAction) {
    (Press::Key(key, Modifiers::NONE), action)
}

const fn text(text: &'static str, action: KeyAction) -> (Press, KeyAction) {
    (Press::Text(text), action)
}

/// Every shortcut, in the order the help lists them.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: "Down / Right arrow",
        does: "next muscle in the region",
        presses: &[
            key(Key::ArrowDown, KeyAction::Forward),
            key(Key::ArrowRight, KeyAction::Forward),
        ],
    },
    Shortcut {
        keys: "Up / Left arrow",
        does: "previous muscle in the region",
        presses: &[
            key(Key::ArrowUp, KeyAction::Back),
            key(Key::ArrowLeft, KeyAction::Back),
        ],
    },
    Shortcut {
        keys: "Page Down / Page Up",
        does: "in a lesson: next / previous step (the arrows too; a presenter's clicker works)",
        presses: &[
            key(Key::PageDown, KeyAction::Forward),
            key(Key::PageUp, KeyAction::Back),
        ],
    },
    Shortcut {
        keys: "/",
        does: "search (Enter picks the first muscle found; the arrows then step through what it found)",
        presses: &[text("/", KeyAction::FocusSearch)],
    },
    Shortcut {
        keys: "Esc",
        does: "leave the search box, close this help or a window, leave figures only, end a lesson, clear the selection",
        presses: &[key(Key::Escape, KeyAction::Escape)],
    },
    Shortcut {
        keys: "R / L / B",
        does: "show the right side, the left side or both",
        presses: &[
            text("r", KeyAction::Side(SideChoice::Right)),
            text("R", KeyAction::Side(SideChoice::Right)),
            text("l", KeyAction::Side(SideChoice::Left)),
            text("L", KeyAction::Side(SideChoice::Left)),
            text("b", KeyAction::Side(SideChoice::Both)),
            text("B", KeyAction::Side(SideChoice::Both)),
        ],
    },
    Shortcut {
        keys: "1 to 9",
        does: "show only one view: front, back, side of the head, side, sole, face, palm, back of the hand or top of the foot",
        presses: &[
            text("1", KeyAction::ShowView(0)),
            text("2", KeyAction::ShowView(1)),
            text("3", KeyAction::ShowView(2)),
            text("4", KeyAction::ShowView(3)),
            text("5", KeyAction::ShowView(4)),
            text("6", KeyAction::ShowView(5)),
            text("7", KeyAction::ShowView(6)),
            text("8", KeyAction::ShowView(7)),
            text("9", KeyAction::ShowView(8)),
        ],
    },
    Shortcut {
        keys: "A",
        does: "views chosen automatically",
        presses: &[
            text("a", KeyAction::AutoViews),
            text("A", KeyAction::AutoViews),
        ],
    },
    Shortcut {
        keys: "+ / -",
        does: "zoom in / out",
        presses: &[
            text("+", KeyAction::ZoomIn),
            text("=", KeyAction::ZoomIn),
            text("-", KeyAction::ZoomOut),
        ],
    },
    Shortcut {
        keys: "0",
        does: "fit the figure",
        presses: &[text("0", KeyAction::Fit)],
    },
    Shortcut {
        keys: "Z",
        does: "zoom to the selected pattern",
        presses: &[
            text("z", KeyAction::ZoomToPattern),
            text("Z", KeyAction::ZoomToPattern),
        ],
    },
    Shortcut {
        keys: "Shift + arrows",
        does: "pan the zoomed figure",
        presses: &[
            (
                Press::Key(Key::ArrowLeft, Modifiers::SHIFT),
                KeyAction::Pan(Pan::Left),
            ),
            (
                Press::Key(Key::ArrowRight, Modifiers::SHIFT),
                KeyAction::Pan(Pan::Right),
            ),
            (
                Press::Key(Key::ArrowUp, Modifiers::SHIFT),
                KeyAction::Pan(Pan::Up),
            ),
            (
                Press::Key(Key::ArrowDown, Modifiers::SHIFT),
                KeyAction::Pan(Pan::Down),
            ),
        ],
    },
    Shortcut {
        keys: "F2, then 1 to 9",
        does: "lessons: open the list, start a lesson",
        presses: &[
            key(Key::F2, KeyAction::ToggleLessons),
            text("1", KeyAction::StartLesson(0)),
            text("2", KeyAction::StartLesson(1)),
            text("3", KeyAction::StartLesson(2)),
            text("4", KeyAction::StartLesson(3)),
            text("5", KeyAction::StartLesson(4)),
            text("6", KeyAction::StartLesson(5)),
            text("7", KeyAction::StartLesson(6)),
            text("8", KeyAction::StartLesson(7)),
            text("9", KeyAction::StartLesson(8)),
        ],
    },
    Shortcut {
        keys: "M",
        does: "switch between the atlas, the pain finder and the quiz",
        presses: &[
            text("m", KeyAction::CycleMode),
            text("M", KeyAction::CycleMode),
        ],
    },
    Shortcut {
        keys: "1 to 4, N or Enter",
        does: "in the quiz: answer, next question",
        presses: &[
            text("1", KeyAction::Answer(0)),
            text("2", KeyAction::Answer(1)),
            text("3", KeyAction::Answer(2)),
            text("4", KeyAction::Answer(3)),
            text("n", KeyAction::NextQuestion),
            text("N", KeyAction::NextQuestion),
            key(Key::Enter, KeyAction::NextQuestion),
        ],
    },
    Shortcut {
        keys: "P",
        does: "presentation mode (projector colours, large type)",
        presses: &[
            text("p", KeyAction::TogglePresentation),
            text("P", KeyAction::TogglePresentation),
        ],
    },
    Shortcut {
        keys: "H",
        does: "figures only: hide the panels so the figures fill the screen (H or Esc brings them back)",
        presses: &[
            text("h", KeyAction::ToggleFiguresOnly),
            text("H", KeyAction::ToggleFiguresOnly),
        ],
    },
    Shortcut {
        keys: "F11",
        does: "full screen",
        presses: &[key(Key::F11, KeyAction::ToggleFullscreen)],
    },
    Shortcut {
        keys: "D",
        does: "dark theme",
        presses: &[
            text("d", KeyAction::ToggleDark),
            text("D", KeyAction::ToggleDark),
        ],
    },
    Shortcut {
        keys: "Ctrl+E",
        does: "export a picture or a patient handout",
        presses: &[(
            Press::Key(Key::E, Modifiers::COMMAND),
            KeyAction::ToggleExport,
        )],
    },
    Shortcut {
        keys: "F6 / Shift+F6",
        does: "move the keyboard focus to the next / previous part: the list, the body map, the details",
        presses: &[
            (
                Press::Key(Key::F6, Modifiers::SHIFT),
                KeyAction::FocusRegion(false),
            ),
            key(Key::F6, KeyAction::FocusRegion(true)),
        ],
    },
    Shortcut {
        keys: "F1 / ?",
        does: "this help",
        presses: &[
            key(Key::F1, KeyAction::ToggleHelp),
            text("?", KeyAction::ToggleHelp),
        ],
    },
    Shortcut {
        keys: "Wheel, pinch",
        does: "zoom at the pointer",
        presses: &[],
    },
    Shortcut {
        keys: "Drag, double-click",
        does: "pan, fit",
        presses: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_press_means_two_things_with_the_same_precedence() {
        let all: Vec<&(Press, KeyAction)> =
            SHORTCUTS.iter().flat_map(|s| s.presses.iter()).collect();
        for (i, (press, action)) in all.iter().enumerate() {
            for (other_press, other) in &all[i + 1..] {
                if press == other_press {
                    assert_ne!(
                        action.precedence(),
                        other.precedence(),
                        "{press:?} means both {action:?} and {other:?}"
                    );
                }
            }
        }
    }
}
