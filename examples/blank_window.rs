//! A blank eframe window with the same renderer and window options as the atlas,
//! for `scripts/startup.sh` to compare start-up times against.

struct Blank {
    probe: Option<trigger_atlas::probe::FrameProbe>,
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
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Blank")
            .with_inner_size([1280.0, 860.0]),
        ..Default::default()
    };
    eframe::run_native(
        "blank-window",
        options,
        Box::new(|_cc| {
            Ok(Box::new(Blank {
                probe: trigger_atlas::probe::FrameProbe::from_env(),
            }))
        }),
    )
}
