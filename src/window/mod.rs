//! Opening the real window: preferences and window size, the renderer choice
//! ([`renderer`]), loading the atlas and warming up the first frame on another
//! thread while the window opens, and the start-up probe ([`probe`]).

pub mod probe;
pub mod renderer;

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::{AtlasApp, Preferences};
use crate::io::KeptFile;

/// The window's application id, the name of the desktop entry and of the icon the
/// package installs (packaging/). Desktops find the window's menu entry and icon by
/// it: it is the Wayland app id, and egui also makes it the X11 window class, which
/// the entry's `StartupWMClass` names.
pub const APP_ID: &str = "org.triggerpointatlas.TriggerAtlas";

/// Opens the window over the embedded data plus `data`, keeping preferences in
/// `prefs` (default: the user's config folder), and runs it until it is closed.
///
/// # Errors
/// No renderer could open a window.
pub fn run(
    data: Option<PathBuf>,
    prefs: Option<PathBuf>,
    lesson: Option<PathBuf>,
) -> eframe::Result {
    let prefs = prefs.or_else(crate::io::default_prefs_path);
    let mut kept = prefs.map(KeptFile::new);
    let restored = kept.as_mut().map(KeptFile::load::<Preferences>);
    if let Some(notice) = restored.as_ref().and_then(|r| r.notice.as_ref()) {
        eprintln!("{notice}");
    }
    // eframe runs on this context. What eframe would set up on its own context is
    // set here, and so is the zoom of presentation mode: egui sizes the window in
    // zoomed points, and the UI run below must lay out at the same zoom.
    // The saved size is in pixels at zoom 1 (see `ui_root`).
    let saved_size = restored.as_ref().and_then(|r| r.value.window_size);
    let zoom = restored.as_ref().map_or(1.0, |r| {
        r.value.zoom_factor(saved_size.map_or(860.0, |[_, h]| h))
    });
    let ctx = egui::Context::default();
    ctx.set_embed_viewports(false);
    ctx.options_mut(|o| o.zoom_factor = zoom);
    // Sizes are checked and defaulted in pixels, then given in zoomed points.
    let size = saved_size
        .filter(|[w, h]| (640.0..=16384.0).contains(w) && (480.0..=16384.0).contains(h))
        .map_or([1280.0 / zoom, 860.0 / zoom], |[w, h]| [w / zoom, h / zoom]);
    let min_size = [640.0 / zoom, 480.0 / zoom];
    // X11 copies a window icon pixel by pixel: set before the window opened, it made
    // the first frame 15 ms later, so there the app gives it with the first frame.
    // Windows and macOS take the taskbar and dock icons only from the window options.
    let icon_with_first_frame = cfg!(target_os = "linux");
    // Until then the window has none: an empty icon also keeps eframe from decoding
    // its own 512 x 512 default icon, which it would not use on Linux (1.3 MiB of the
    // window's peak memory, measured).
    let options_icon = if icon_with_first_frame {
        Some(Arc::new(egui::IconData::default()))
    } else {
        app_icon().map(Arc::new)
    };
    // While the main thread opens the window and starts the renderer, another thread
    // loads and validates the embedded atlas (leaving the main thread a core) and runs
    // the UI, so the first frame's text and drawings are ready when the window is. It
    // starts when the window is about to be built (see `WithWindow`). The user's data
    // folder, which may hold thousands of files, is read on yet another thread once the
    // first frame is on screen, with its progress shown over the embedded atlas.
    let warm_ctx = ctx.clone();
    let loading = renderer::WithWindow::new("atlas-loader", move || {
        let threads = crate::io::all_cores().saturating_sub(1).max(1);
        let mut app = AtlasApp::load_embedded_then(data.as_deref(), threads);
        app.startup.window_clears_canvas = true;
        app.startup.folder_after_first_frame = true;
        if icon_with_first_frame {
            app.startup.window_icon = app_icon().map(Arc::new);
        }
        if let (Some(kept), Some(restored)) = (kept, restored) {
            app = app.with_prefs(kept, restored);
        }
        if let Some(lesson) = &lesson {
            app.start_lesson_file(lesson);
        }
        app.warm_up(&warm_ctx, size);
        app
    });
    let starts = loading.clone();
    let options = move |renderer| {
        let mut viewport = egui::ViewportBuilder::default()
            .with_title("Trigger Point Atlas")
            .with_app_id(APP_ID)
            .with_inner_size(size)
            .with_min_inner_size(min_size);
        if let Some(icon) = &options_icon {
            viewport = viewport.with_icon(Arc::clone(icon));
        }
        eframe::NativeOptions {
            viewport,
            renderer,
            window_builder: Some(starts.start_hook()),
            // Without eframe's `system_fonts` feature this only adds a provider that
            // logs a missing glyph, and adding it would throw away the fonts the
            // warm-up pass prepared.
            system_font_fallback: false,
            ..Default::default()
        }
    };
    renderer::run_window("trigger-atlas", Some(&ctx), options, move |cc| {
        let mut app = loading.collect().map_err(|e| {
            format!("loading the atlas failed unexpectedly ({e}; a bug, please report it)")
        })?;
        app.startup.probe = probe::FrameProbe::from_env();
        if app.startup.probe.is_some() {
            eprintln!("renderer {}", renderer::started(cc));
        }
        Ok(Box::new(app))
    })
}

/// Decodes the embedded window icon; a broken icon is not worth failing over.
fn app_icon() -> Option<egui::IconData> {
    let image = image::load_from_memory(include_bytes!("../../assets/icon.png"))
        .ok()?
        .into_rgba8();
    let (width, height) = image.dimensions();
    Some(egui::IconData {
        rgba: image.into_raw(),
        width,
        height,
    })
}
