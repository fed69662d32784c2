//! A blank eframe window with the same renderers (tried in the same order) and
//! window options as the atlas, for `scripts/startup.sh` to compare start-up times
//! and memory against. It keeps eframe's defaults otherwise (the atlas gives an empty
//! icon until its first frame, which saves eframe decoding its own).

struct Blank {
    probe: Option<trigger_atlas::window::probe::FrameProbe>,
}

impl eframe::App for Blank {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(probe) = &mut self.probe {
            probe.frame(ui.ctx());
            probe.ui_done(std::time::Duration::ZERO);
        }
    }
}

fn main() -> eframe::Result {
    let options = |renderer| eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Blank")
            .with_inner_size([1280.0, 860.0]),
        renderer,
        system_font_fallback: false,
        ..Default::default()
    };
    trigger_atlas::window::renderer::run_window("blank-window", None, options, |cc| {
        let probe = trigger_atlas::window::probe::FrameProbe::from_env();
        if probe.is_some() {
            eprintln!("renderer {}", trigger_atlas::window::renderer::started(cc));
        }
        Ok(Box::new(Blank { probe }))
    })
}
