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
}
