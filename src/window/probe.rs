//! Start-up and idle measurements for `scripts/startup.sh`, switched on by the
//! environment variable `TRIGGER_ATLAS_PROBE` (and off, costing nothing, otherwise):
//!
//! - `first-frame`: print `first-ui <unix time in ns>` when the first frame's UI code
//!   starts and `first-ui-took <µs>` when it is done; when the second frame begins
//!   (so the first one has been shown), print `first-frame <unix time in ns>` to
//!   stderr and close the window;
//! - `frames`: print `frame <n> <unix time in ns>` to stderr at the start of every
//!   frame, so a script can see whether an idle window keeps repainting, and
//!   `ui <n> <µs>` after the app's UI code for that frame ran;
//! - `busy`: like `frames`, but asks for the next frame at once every time, so the
//!   gaps between `frame` lines are what one frame of this screen costs to draw;
//! - `folder`: like `frames`, and once the data folder (`--data`) has been read and
//!   its data shown, print `folder-read <unix time in ns>` and close the window (the
//!   gaps between frames meanwhile say whether the window kept answering).
//!
//! The blank comparison window (`examples/blank_window.rs`) uses the same probe.

/// What the probe was asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Probe {
    FirstFrame,
    Frames,
    Busy,
    Folder,
}

impl Probe {
    /// The probe named by `TRIGGER_ATLAS_PROBE`, if any.
    #[must_use]
    pub fn from_env() -> Option<Self> {
        match std::env::var("TRIGGER_ATLAS_PROBE").ok()?.as_str() {
            "first-frame" => Some(Self::FirstFrame),
            "frames" => Some(Self::Frames),
            "busy" => Some(Self::Busy),
            "folder" => Some(Self::Folder),
            other => {
                eprintln!(
                    "TRIGGER_ATLAS_PROBE: unknown value {other:?} (first-frame, frames, busy or folder)"
                );
                None
            }
        }
    }
}

/// Counts frames and reports them as the probe asks. Call [`FrameProbe::frame`] at
/// the start of every frame.
#[derive(Debug)]
pub struct FrameProbe {
    probe: Probe,
    frames: u64,
}

impl FrameProbe {
    #[must_use]
    pub fn from_env() -> Option<Self> {
        Probe::from_env().map(|probe| Self { probe, frames: 0 })
    }

    pub fn frame(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        let now = unix_ns();
        match self.probe {
            Probe::Frames | Probe::Folder => eprintln!("frame {} {now}", self.frames),
            Probe::Busy => {
                eprintln!("frame {} {now}", self.frames);
                ctx.request_repaint();
            }
            Probe::FirstFrame if self.frames == 1 => {
                eprintln!("first-ui {now}");
                ctx.request_repaint();
            }
            Probe::FirstFrame => {
                if self.frames == 2 {
                    eprintln!("first-frame {now}");
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Reports how long the app's UI code took this frame.
    pub fn ui_done(&self, took: std::time::Duration) {
        match self.probe {
            Probe::Frames | Probe::Busy | Probe::Folder => {
                eprintln!("ui {} {}", self.frames, took.as_micros());
            }
            Probe::FirstFrame if self.frames == 1 => {
                eprintln!("first-ui-took {}", took.as_micros());
            }
            Probe::FirstFrame => {}
        }
    }

    /// Reports that the data folder has been read and its data put in place.
    pub fn folder_read(&self, ctx: &egui::Context) {
        if self.probe == Probe::Folder {
            eprintln!("folder-read {}", unix_ns());
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

fn unix_ns() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}
