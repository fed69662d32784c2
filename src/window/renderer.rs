//! Which of eframe's renderers draws the window, in the order they are tried.
//!
//! OpenGL (glow) first: on a computer without a graphics card (a virtual machine,
//! a hospital's remote desktop) Mesa draws on the CPU, and there its OpenGL driver
//! draws our frames about three times as fast as its Vulkan driver under wgpu, and
//! shows the first one sooner (measured in `docs/PERFORMANCE.md`). wgpu is the
//! fallback when OpenGL cannot start. Exports and tests render with wgpu offscreen;
//! both renderers draw the same egui meshes, so pictures match what is on screen.
//!
//! `TRIGGER_ATLAS_RENDERER=glow` or `=wgpu` picks one and skips the fallback.

/// The environment variable that picks a renderer.
pub const RENDERER_VAR: &str = "TRIGGER_ATLAS_RENDERER";

/// The renderers to try, in order.
#[must_use]
pub fn window_renderers() -> Vec<eframe::Renderer> {
    let chosen = std::env::var(RENDERER_VAR).ok();
    renderers_for(chosen.as_deref()).unwrap_or_else(|unknown| {
        eprintln!("{RENDERER_VAR}: unknown renderer {unknown:?} (glow or wgpu); trying both");
        DEFAULT.to_vec()
    })
}

const DEFAULT: [eframe::Renderer; 2] = [eframe::Renderer::Glow, eframe::Renderer::Wgpu];

/// The renderers for a value of [`RENDERER_VAR`] (`None`: not set), or the value back
/// if it names no renderer.
fn renderers_for(value: Option<&str>) -> Result<Vec<eframe::Renderer>, String> {
    match value.map(str::trim) {
        None | Some("") => Ok(DEFAULT.to_vec()),
        Some(v) if v.eq_ignore_ascii_case("glow") || v.eq_ignore_ascii_case("opengl") => {
            Ok(vec![eframe::Renderer::Glow])
        }
        Some(v) if v.eq_ignore_ascii_case("wgpu") => Ok(vec![eframe::Renderer::Wgpu]),
        Some(v) => Err(v.to_owned()),
    }
}

/// What an app creator returns (eframe's `AppCreator` without the box).
pub type AppResult<'app> =
    Result<Box<dyn eframe::App + 'app>, Box<dyn std::error::Error + Send + Sync>>;

/// Opens an eframe window with the first renderer in [`window_renderers`] that
/// starts, on `ctx` if given. `make_options` gives the window's options for a renderer; `make_app` is
/// called once, when a renderer has started. A renderer that fails before the app is
/// made is reported on stderr and the next one is tried.
///
/// # Errors
/// The last renderer's error, or the error of a window that started and then failed.
pub fn run_window<'app>(
    name: &str,
    ctx: Option<&egui::Context>,
    make_options: impl Fn(eframe::Renderer) -> eframe::NativeOptions,
    make_app: impl FnOnce(&eframe::CreationContext<'_>) -> AppResult<'app> + 'app,
) -> eframe::Result {
    let make_app = std::rc::Rc::new(std::cell::RefCell::new(Some(make_app)));
    let renderers = window_renderers();
    let mut result = Ok(());
    for (i, renderer) in renderers.iter().enumerate() {
        let slot = std::rc::Rc::clone(&make_app);
        result = eframe::run_native_ext(
            name,
            make_options(*renderer),
            ctx.cloned(),
            Box::new(move |cc| match slot.borrow_mut().take() {
                Some(make) => make(cc),
                None => Err("the window was already started".into()),
            }),
        );
        let started = make_app.borrow().is_none();
        match &result {
            Err(e) if !started && i + 1 < renderers.len() => {
                eprintln!(
                    "{} could not start ({e}); trying {}",
                    renderer,
                    renderers[i + 1]
                );
            }
            _ => break,
        }
    }
    result
}

/// Work for another thread that starts when the window is about to be built, and is
/// collected when the app is made (in [`run_window`]'s `make_app`).
///
/// Not earlier: while a process has one thread, glibc's stdio skips locking, and the
/// windowing system's start-up reads through stdio (on X11, Xlib reads the 500 KB
/// compose table one character at a time: about 10 ms more with a second thread
/// alive). Started from the window-builder hook, the work runs while the graphics
/// driver loads and the window is created, which take longer than it does.
pub struct WithWindow<T> {
    state: std::rc::Rc<std::cell::RefCell<Work<T>>>,
}

impl<T> Clone for WithWindow<T> {
    fn clone(&self) -> Self {
        Self {
            state: std::rc::Rc::clone(&self.state),
        }
    }
}

enum Work<T> {
    Waiting(&'static str, Box<dyn FnOnce() -> T + Send>),
    Running(std::thread::JoinHandle<T>),
    /// The system would not start another thread.
    NoThread,
    Collected,
}

impl<T: Send + 'static> WithWindow<T> {
    /// `work` waits for [`Self::start_hook`]'s hook, or [`Self::collect`], then runs
    /// on a thread called `thread_name`.
    pub fn new(thread_name: &'static str, work: impl FnOnce() -> T + Send + 'static) -> Self {
        Self {
            state: std::rc::Rc::new(std::cell::RefCell::new(Work::Waiting(
                thread_name,
                Box::new(work),
            ))),
        }
    }

    /// A window-builder hook (`NativeOptions::window_builder`) that starts the work,
    /// unless a window tried before already did, and leaves the window as it is.
    #[must_use]
    pub fn start_hook(&self) -> eframe::WindowBuilderHook {
        let state = std::rc::Rc::clone(&self.state);
        Box::new(move |builder| {
            start(&state);
            builder
        })
    }

    /// Waits for the work's result, starting it first if no window got as far as
    /// the hook.
    ///
    /// # Errors
    /// The work panicked, or was collected before.
    pub fn collect(&self) -> Result<T, &'static str> {
        start(&self.state);
        match std::mem::replace(&mut *self.state.borrow_mut(), Work::Collected) {
            Work::Running(handle) => handle.join().map_err(|_| "the work panicked"),
            Work::NoThread => Err("no thread could be started for it"),
            Work::Waiting(..) | Work::Collected => Err("the work was collected before"),
        }
    }
}

fn start<T: Send + 'static>(state: &std::cell::RefCell<Work<T>>) {
    let mut state = state.borrow_mut();
    if matches!(*state, Work::Waiting(..)) {
        let Work::Waiting(name, work) = std::mem::replace(&mut *state, Work::Collected) else {
            unreachable!("checked just above")
        };
        *state = match std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(work)
        {
            Ok(handle) => Work::Running(handle),
            Err(_) => Work::NoThread,
        };
    }
}

/// The renderer a started window uses ("glow" or "wgpu"), for the start-up script.
#[must_use]
pub fn started(cc: &eframe::CreationContext<'_>) -> &'static str {
    if cc.gl.is_some() { "glow" } else { "wgpu" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opengl_is_tried_first_and_the_variable_picks_one() {
        assert_eq!(
            renderers_for(None),
            Ok(vec![eframe::Renderer::Glow, eframe::Renderer::Wgpu])
        );
        assert_eq!(
            renderers_for(Some("WGPU")),
            Ok(vec![eframe::Renderer::Wgpu])
        );
        assert_eq!(
            renderers_for(Some(" glow ")),
            Ok(vec![eframe::Renderer::Glow])
        );
        assert_eq!(renderers_for(Some("vulkan")), Err("vulkan".to_owned()));
    }

    #[test]
    fn work_beside_the_window_starts_once_at_the_first_window_and_is_collected() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let runs = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&runs);
        let work = WithWindow::new("test-work", move || {
            counted.fetch_add(1, Ordering::SeqCst) + 41
        });
        // No window yet: nothing runs.
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(runs.load(Ordering::SeqCst), 0);
        // The first renderer's window starts it; the hook leaves the window alone.
        let builder = work.start_hook()(egui::ViewportBuilder::default().with_title("Atlas"));
        assert_eq!(builder.title.as_deref(), Some("Atlas"));
        // A fallback renderer's window must not start it again.
        let _ = work.start_hook()(egui::ViewportBuilder::default());
        assert_eq!(work.collect(), Ok(41));
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        assert!(work.collect().is_err(), "collected once");
    }

    #[test]
    fn work_no_window_started_runs_when_collected() {
        let work = WithWindow::new("test-work", || "loaded");
        assert_eq!(work.clone().collect(), Ok("loaded"));
    }
}
