//! What the user chose that survives a restart, and the keeper that saves it in the
//! background whenever it changes.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::io::{BackgroundSaver, KeptFile, Restored};
use crate::model::{SideChoice, ViewId};
use crate::quiz::QuizRecord;

/// Which list the left panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ListTab {
    Muscles,
    Conditions,
}

/// What the user chose that should survive a restart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub side: SideChoice,
    /// Show the views the selected muscle touches (true), or the ones ticked below.
    pub auto_views: bool,
    pub chosen_views: Vec<ViewId>,
    pub dark_mode: bool,
    /// Quiz results over all sessions.
    pub quiz_record: QuizRecord,
    /// Presentation mode: projector theme, large type.
    pub presentation: bool,
    pub list_tab: ListTab,
    /// The muscle list by body region or by functional group.
    pub list_grouping: crate::ui::list::ListGrouping,
    /// The window's inner size in pixels at zoom 1 at the last save, restored at start.
    pub window_size: Option<[f32; 2]>,
}

impl Preferences {
    /// egui's zoom: in presentation mode the type grows with the window's height
    /// (in pixels at zoom 1) so the back row can read it: 1.6 at 1080 lines, 3.2 on
    /// a 4K wall, and no more than 1.15 at 768 so a small projector keeps its room.
    #[must_use]
    pub fn zoom_factor(&self, window_height: f32) -> f32 {
        if self.presentation {
            // A window height that is not a number (a hand-edited file) counts as the
            // default window's, so the zoom always is one.
            let height = if window_height.is_finite() {
                window_height
            } else {
                860.0
            };
            (height / 675.0).clamp(1.15, 3.2)
        } else {
            1.0
        }
    }
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            side: SideChoice::Right,
            auto_views: true,
            chosen_views: Vec::new(),
            dark_mode: false,
            quiz_record: QuizRecord::default(),
            presentation: false,
            list_tab: ListTab::Muscles,
            list_grouping: crate::ui::list::ListGrouping::Region,
            window_size: None,
        }
    }
}

/// Preferences changed more often than this (a window being resized) are written
/// once the changes settle.
const SAVE_INTERVAL: Duration = Duration::from_secs(1);

/// Saves the preferences in the background, at most once a second.
pub struct PrefsKeeper {
    saver: BackgroundSaver<Preferences>,
    /// The preferences as last read or handed to the saver.
    saved: Preferences,
    last_save: Option<Instant>,
}

impl PrefsKeeper {
    /// Keeps saving to `file`, starting from what was `restored` from it; `wake` is
    /// called (from the saving thread) when a save fails, so the window can say so.
    #[must_use]
    pub fn new(
        file: KeptFile,
        restored: &Restored<Preferences>,
        wake: Arc<OnceLock<egui::Context>>,
    ) -> Self {
        Self {
            saver: BackgroundSaver::spawn(file, move || {
                if let Some(ctx) = wake.get() {
                    ctx.request_repaint();
                }
            }),
            saved: restored.value.clone(),
            last_save: None,
        }
    }

    /// Hands `prefs` to the saver if they changed, at most once per [`SAVE_INTERVAL`]
    /// (asking for a later frame to save what waits); returns the problems of
    /// earlier saves, each as a sentence for the user.
    pub fn keep(&mut self, prefs: &Preferences, ctx: &egui::Context) -> Vec<String> {
        let problems = self
            .saver
            .problems()
            .into_iter()
            .map(|problem| format!("Your preferences could not be saved: {problem}"))
            .collect();
        if *prefs == self.saved {
            return problems;
        }
        if let Some(last) = self.last_save
            && last.elapsed() < SAVE_INTERVAL
        {
            ctx.request_repaint_after(SAVE_INTERVAL.saturating_sub(last.elapsed()));
            return problems;
        }
        self.save(prefs);
        problems
    }

    /// Saves whatever changed now and waits for every save; returns the problems.
    pub fn finish(&mut self, prefs: &Preferences) -> Vec<String> {
        if *prefs != self.saved {
            self.save(prefs);
        }
        self.saver.finish()
    }

    fn save(&mut self, prefs: &Preferences) {
        self.saver.save(prefs.clone());
        self.saved = prefs.clone();
        self.last_save = Some(Instant::now());
    }
}

#[cfg(test)]
mod tests {
    use super::Preferences;

    #[test]
    fn the_presentation_zoom_is_a_number_whatever_the_saved_height() {
        let prefs = Preferences {
            presentation: true,
            ..Preferences::default()
        };
        for height in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, -5.0, 0.0, 1e30] {
            let zoom = prefs.zoom_factor(height);
            assert!((1.15..=3.2).contains(&zoom), "{height}: {zoom}");
        }
    }
}
