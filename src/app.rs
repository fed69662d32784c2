//! The application: loaded atlas (never persisted), preferences (persisted) and
//! per-frame widget state. Actions from any panel become `Command`s, applied once
//! after the UI pass.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::hit::Hit;
use crate::io::{DataError, load_atlas};
use crate::model::{Atlas, Muscle, MuscleId, Side, ViewId, ViewKind};
use crate::theme::Theme;
use crate::ui::canvas::{CanvasMemory, canvas_ui};
use crate::ui::layout::Panel;
use crate::ui::legend::{legend_height, paint_legend};
use crate::ui::{details::details_ui, list::muscle_list_ui};

/// Which side(s) of the patient the pattern is shown on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SideChoice {
    Right,
    Left,
    Both,
}

impl SideChoice {
    /// The sides this choice shows.
    #[must_use]
    pub fn sides(self) -> &'static [Side] {
        match self {
            SideChoice::Right => &[Side::Right],
            SideChoice::Left => &[Side::Left],
            SideChoice::Both => &Side::BOTH,
        }
    }
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
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            side: SideChoice::Right,
            auto_views: true,
            chosen_views: Vec::new(),
            dark_mode: false,
        }
    }
}

/// Something a panel asked for, applied after the UI pass.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Select(MuscleId),
    /// A click on the body: select the muscle and show the side that was clicked.
    SelectOnBody(Hit),
    SetSide(SideChoice),
}

/// The atlas window.
pub struct AtlasApp {
    pub atlas: Atlas,
    pub errors: Vec<DataError>,
    pub prefs: Preferences,
    pub selected: Option<MuscleId>,
    pub search: String,
    pub show_errors: bool,
    pub canvas: CanvasMemory,
}

const PREFS_KEY: &str = "trigger_atlas_prefs";

impl AtlasApp {
    /// Loads the embedded data plus `data_dir`, printing every data problem.
    #[must_use]
    pub fn new(data_dir: Option<&Path>) -> Self {
        let report = load_atlas(data_dir);
        for e in &report.errors {
            eprintln!("{e}");
        }
        Self::from_parts(report.atlas, report.errors)
    }

    /// An app over an already loaded atlas (tests build it this way).
    #[must_use]
    pub fn from_parts(atlas: Atlas, errors: Vec<DataError>) -> Self {
        let show_errors = !errors.is_empty();
        Self {
            atlas,
            errors,
            prefs: Preferences::default(),
            selected: None,
            search: String::new(),
            show_errors,
            canvas: CanvasMemory::default(),
        }
    }

    /// The eframe entry: restores preferences from storage.
    #[must_use]
    pub fn with_storage(mut self, cc: &eframe::CreationContext<'_>) -> Self {
        if let Some(storage) = cc.storage
            && let Some(prefs) = eframe::get_value::<Preferences>(storage, PREFS_KEY)
        {
            self.prefs = prefs;
        }
        self
    }

    /// The selected muscle.
    #[must_use]
    pub fn selected_muscle(&self) -> Option<&Muscle> {
        self.selected.as_ref().and_then(|id| self.atlas.muscle(id))
    }

    /// The panels to draw: the selected muscle's views (or the chosen ones), with side
    /// views once per shown side.
    #[must_use]
    pub fn panels(&self) -> Vec<Panel> {
        let selected = self.selected_muscle();
        let view_ids: Vec<&ViewId> =
            if !self.prefs.auto_views && !self.prefs.chosen_views.is_empty() {
                self.atlas
                    .views
                    .iter()
                    .map(|v| &v.id)
                    .filter(|id| self.prefs.chosen_views.contains(id))
                    .collect()
            } else if let Some(m) = selected {
                m.views(&self.atlas)
            } else {
                self.atlas.views.iter().map(|v| &v.id).collect()
            };
        let mut panels = Vec::new();
        for id in view_ids {
            let Some(view) = self.atlas.view(id) else {
                continue;
            };
            match view.kind {
                ViewKind::Bilateral { .. } => panels.push(Panel {
                    view: id.clone(),
                    side: Side::Right,
                }),
                ViewKind::Lateral { .. } => {
                    for &side in self.prefs.side.sides() {
                        panels.push(Panel {
                            view: id.clone(),
                            side,
                        });
                    }
                }
            }
        }
        panels
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(id) => self.selected = Some(id),
            Command::SelectOnBody(hit) => {
                self.selected = Some(hit.muscle);
                if self.prefs.side != SideChoice::Both {
                    self.prefs.side = match hit.side {
                        Side::Right => SideChoice::Right,
                        Side::Left => SideChoice::Left,
                    };
                }
            }
            Command::SetSide(side) => self.prefs.side = side,
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Trigger Point Atlas");
            ui.separator();
            ui.label("Side:");
            for (choice, label) in [
                (SideChoice::Right, "Right"),
                (SideChoice::Left, "Left"),
                (SideChoice::Both, "Both"),
            ] {
                if ui
                    .selectable_label(self.prefs.side == choice, label)
                    .clicked()
                {
                    commands.push(Command::SetSide(choice));
                }
            }
            ui.separator();
            ui.label("Views:");
            ui.toggle_value(&mut self.prefs.auto_views, "Auto")
                .on_hover_text("Show the views the selected muscle's pattern touches");
            if !self.prefs.auto_views {
                for view in &self.atlas.views {
                    let mut on = self.prefs.chosen_views.contains(&view.id);
                    if ui.checkbox(&mut on, &view.name).changed() {
                        if on {
                            self.prefs.chosen_views.push(view.id.clone());
                        } else {
                            self.prefs.chosen_views.retain(|v| v != &view.id);
                        }
                    }
                }
            }
            ui.separator();
            let mut dark = self.prefs.dark_mode;
            if ui.toggle_value(&mut dark, "Dark").changed() {
                self.prefs.dark_mode = dark;
            }
            if !self.errors.is_empty() {
                ui.separator();
                let text = format!("Data problems: {}", self.errors.len());
                if ui.button(text).clicked() {
                    self.show_errors = true;
                }
            }
        });
    }

    fn errors_window_ui(&mut self, ui: &egui::Ui) {
        let mut open = self.show_errors;
        egui::Window::new("Data problems")
            .open(&mut open)
            .default_width(560.0)
            .show(ui.ctx(), |ui| {
                ui.label("These files were skipped or partly skipped; everything else loaded.");
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        for e in &self.errors {
                            ui.monospace(e.to_string());
                        }
                    });
            });
        self.show_errors = open;
    }

    /// Builds the whole window for one frame.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        ui.ctx().set_theme(if self.prefs.dark_mode {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        let theme = Theme::for_dark_mode(self.prefs.dark_mode);
        let mut commands = Vec::new();

        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui, &mut commands));
        egui::Panel::left("muscle_list")
            .default_size(230.0)
            .resizable(true)
            .show(ui, |ui| {
                if let Some(id) =
                    muscle_list_ui(ui, &self.atlas, &mut self.search, self.selected.as_ref())
                {
                    commands.push(Command::Select(id));
                }
            });
        let sides = self.prefs.side.sides();
        egui::Panel::right("details")
            .default_size(330.0)
            .resizable(true)
            .show(ui, |ui| details_ui(ui, self.selected_muscle(), sides));

        let panels = self.panels();
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(theme.canvas))
            .show(ui, |ui| {
                let selected = self
                    .selected
                    .as_ref()
                    .and_then(|id| self.atlas.muscle(id))
                    .map(|m| (m, sides));
                let rect = ui.max_rect();
                let font = (rect.height() / 60.0).clamp(12.0, 28.0);
                let canvas_size = egui::vec2(rect.width(), rect.height() - legend_height(font));
                let canvas = ui.allocate_ui(canvas_size, |ui| {
                    canvas_ui(ui, &self.atlas, &theme, &panels, selected, &mut self.canvas)
                });
                if let Some(hit) = canvas.inner {
                    commands.push(Command::SelectOnBody(hit));
                }
                let strip = egui::Rect::from_min_max(
                    egui::pos2(rect.left(), canvas.response.rect.bottom()),
                    rect.max,
                );
                paint_legend(ui.painter(), &theme, strip, font);
            });
        if self.show_errors {
            self.errors_window_ui(ui);
        }
        for c in commands {
            self.apply(c);
        }
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }
}
