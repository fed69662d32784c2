//! One frame of the window: the top bar, the list on the left, the details on the
//! right, the lesson bar, the canvas with its legend in the middle and the floating
//! windows; then the commands the panels asked for are applied.

use crate::draw::legend::{
    LegendEntry, legend_height, legend_rows, paint_compare_legend, paint_legend,
};
use crate::finder::PainMark;
use crate::theme::Theme;
use crate::ui::canvas::{CanvasContent, CanvasEvent, CanvasMode, canvas_ui};
use crate::ui::conditions::conditions_ui;
use crate::ui::details::{DetailsAction, DetailsShown, details_ui};
use crate::ui::finder_panel::finder_panel_ui;
use crate::ui::lessons::{LessonAction, lesson_bar_ui};
use crate::ui::list::{CompareAction, compare_ui, muscle_list_ui};
use crate::ui::quiz_panel::{QuizView, quiz_panel_ui};

use super::AtlasApp;
use super::command::Command;
use super::prefs::ListTab;
use super::state::Mode;

impl AtlasApp {
    /// Builds the whole window for one frame.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.background.wake.get_or_init(|| ctx.clone());
        crate::draw::picture::forget_unused(&ctx);
        self.watch_data_folder(&ctx);
        self.keyboard_ui(&ctx);
        let window_height = ctx.content_rect().height() * ctx.zoom_factor();
        let zoom = self.prefs.zoom_factor(window_height);
        if (ctx.zoom_factor() - zoom).abs() > f32::EPSILON {
            ctx.set_zoom_factor(zoom);
        }
        ctx.set_theme(if self.prefs.dark_mode && !self.prefs.presentation {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        let theme = Theme::for_preferences(self.prefs.dark_mode, self.prefs.presentation);
        crate::ui::a11y::name_window(&ctx, "Trigger Point Atlas");
        let mut commands = Vec::new();
        // Every panel shares the canvas colour. The window clears to it, so there the
        // panels paint no background at all: without a GPU each painted pixel costs,
        // and the backgrounds covered the whole window every frame.
        let background = if self.startup.window_clears_canvas {
            egui::Color32::TRANSPARENT
        } else {
            theme.canvas
        };
        let side_frame = egui::Frame::side_top_panel(ui.style()).fill(background);

        let figures_only = self.work.figures_only;
        // Where the details go: the panel is laid out now, its contents after the
        // canvas, so that Tab visits the top bar, the list, the map, then the details,
        // in the order they stand on the screen.
        let mut details_area = None;
        if !figures_only {
            egui::Panel::top("top_bar")
                .frame(side_frame)
                .show(ui, |ui| self.top_bar_ui(ui, &mut commands));
        }
        // In presentation mode the type is large; in a small window (a projector at
        // 1280 x 800) the lists would leave the figures a sliver, so there the side
        // panels give way first.
        let width = ui.available_width();
        let (list_max, details_max) = if self.prefs.presentation {
            (width * 0.22, width * 0.28)
        } else {
            (f32::INFINITY, f32::INFINITY)
        };
        if !figures_only {
            egui::Panel::left("muscle_list")
                .frame(side_frame)
                .default_size(230.0)
                .max_size(list_max)
                .resizable(true)
                .show(ui, |ui| self.list_panel_ui(ui, &mut commands));
            egui::Panel::right("details")
                .frame(side_frame)
                .default_size(330.0)
                .max_size(details_max)
                .resizable(true)
                .show(ui, |ui| {
                    details_area = Some(ui.max_rect());
                    ui.allocate_space(ui.available_size());
                });
        }
        // The status line: the last change, said to a screen reader as it happens.
        egui::Panel::bottom("status_line")
            .frame(side_frame)
            .show(ui, |ui| {
                crate::ui::a11y::announcer_ui(ui, &self.work.announcement);
            });
        if let Some((n, step)) = self.work.lesson
            && let Some(lesson) = self.content.lessons.get(n)
        {
            egui::Panel::top("lesson_bar")
                .frame(side_frame)
                .show(ui, |ui| match lesson_bar_ui(ui, lesson, step) {
                    Some(LessonAction::Step(by)) => commands.push(Command::LessonStep(by)),
                    Some(LessonAction::End) => commands.push(Command::EndLesson),
                    Some(
                        LessonAction::Start(_) | LessonAction::OpenFile | LessonAction::OpenPath,
                    )
                    | None => {}
                });
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(background))
            .show(ui, |ui| self.central_ui(ui, &theme, &mut commands));
        if let Some(area) = details_area {
            ui.scope_builder(
                egui::UiBuilder::new()
                    .id_salt("details")
                    .max_rect(area)
                    .layout(egui::Layout::top_down(egui::Align::Min)),
                |ui| {
                    ui.set_clip_rect(area);
                    self.details_panel_ui(ui, &mut commands);
                },
            );
        }
        self.windows_ui(&ctx, &mut commands);
        for c in commands {
            self.apply(c);
        }
        let (fullscreen, inner_rect) =
            ctx.input(|i| (i.viewport().fullscreen, i.viewport().inner_rect));
        if fullscreen != Some(true)
            && let Some(rect) = inner_rect
        {
            let z = ctx.zoom_factor();
            self.prefs.window_size =
                Some([(rect.width() * z).round(), (rect.height() * z).round()]);
        }
        self.work.typing_last_frame = ctx.text_edit_focused();
        self.keep_prefs(&ctx);
    }

    /// The left panel: the muscle list (with search) or the conditions.
    fn list_panel_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.prefs.list_tab, ListTab::Muscles, "Muscles");
            ui.selectable_value(&mut self.prefs.list_tab, ListTab::Conditions, "Conditions");
        });
        ui.separator();
        let atlas = &self.content.atlas;
        let picked = match self.prefs.list_tab {
            ListTab::Muscles => muscle_list_ui(
                ui,
                atlas,
                &mut self.work.search,
                &mut self.prefs.list_grouping,
                self.work.selected.as_ref(),
                &self.work.compare,
            ),
            ListTab::Conditions => conditions_ui(
                ui,
                atlas,
                &mut self.work.open_condition,
                self.work.selected.as_ref(),
            ),
        };
        // Say how many muscles a search found, once per search text.
        let query = self.work.search.trim().to_lowercase();
        if query != self.work.announced_search {
            if !query.is_empty() {
                let found = atlas
                    .muscles
                    .iter()
                    .filter(|m| crate::ui::list::search_matches(atlas, m, &query))
                    .count();
                self.work.announcement = match found {
                    0 => format!("No muscle found for \"{query}\"."),
                    1 => format!("1 muscle found for \"{query}\"."),
                    n => format!("{n} muscles found for \"{query}\"."),
                };
            }
            self.work.announced_search = query;
        }
        if let Some(id) = picked {
            commands.push(Command::SetMode(Mode::Atlas));
            if ui.input(|i| i.modifiers.command || i.modifiers.shift) {
                commands.push(Command::ToggleCompare(id));
            } else {
                commands.push(Command::Select(id));
            }
        }
    }

    /// The right panel: the details (atlas), the question (quiz) or the candidates
    /// (finder).
    fn details_panel_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let atlas = &self.content.atlas;
        match self.work.mode {
            Mode::Atlas => {
                match compare_ui(ui, &self.work.overlay(atlas)) {
                    Some(CompareAction::Remove(id)) => commands.push(Command::ToggleCompare(id)),
                    Some(CompareAction::Clear) => commands.push(Command::ClearCompare),
                    None => {}
                }
                let muscle = self.work.selected_muscle(atlas);
                let warnings = muscle.map(|m| atlas.warnings_for(m)).unwrap_or_default();
                let shown = DetailsShown {
                    sides: self.prefs.side.sides(),
                    warnings: &warnings,
                    trigger_point: self.work.trigger_point.as_deref(),
                };
                match details_ui(ui, atlas, muscle, &shown) {
                    Some(DetailsAction::Select(id)) => commands.push(Command::Select(id)),
                    Some(DetailsAction::ShowGroup(id)) => commands.push(Command::ShowGroup(id)),
                    Some(DetailsAction::ShowTriggerPoint(label)) => {
                        commands.push(Command::ChooseTriggerPoint(label));
                    }
                    None => {}
                }
            }
            Mode::Quiz => {
                let places = self.work.finder.places(atlas);
                let quiz = &self.work.quiz;
                let view = QuizView {
                    kind: quiz.kind,
                    region: quiz.region.as_deref(),
                    group: quiz.group.as_deref(),
                    question: quiz.question.as_ref(),
                    feedback: quiz.feedback.as_ref(),
                    session: quiz.session,
                    record: self.prefs.quiz_record,
                    review: quiz.round_over().then_some(quiz.missed.as_slice()),
                    places: &places,
                };
                if let Some(action) = quiz_panel_ui(ui, atlas, &view, &mut self.work.quiz_place) {
                    commands.push(Command::Quiz(action));
                }
            }
            Mode::Finder => {
                let f = &mut self.work.finder;
                let places = f.places(atlas);
                let view = crate::ui::finder_panel::FinderView {
                    candidates: &f.candidates,
                    chosen: f.chosen,
                    marks: &f.marks,
                    places: &places,
                };
                let mut drawing = crate::ui::finder_panel::DrawingBox {
                    path: &mut f.drawing_path,
                    label: &mut f.drawing_label,
                    status: f.drawing_status.as_deref(),
                };
                if let Some(a) = finder_panel_ui(
                    ui,
                    atlas,
                    &view,
                    &mut f.pick,
                    &mut f.brush_radius,
                    &mut drawing,
                ) {
                    commands.push(Command::Finder(a));
                }
            }
        }
    }

    /// Figures only: one slim line naming what is shown (muscle, side, trigger point),
    /// and how to bring the panels back.
    fn caption_ui(&self, ui: &mut egui::Ui, theme: &Theme, font: f32) {
        let atlas = &self.content.atlas;
        let mut caption = match self.work.selected_muscle(atlas) {
            Some(m) => {
                let mut text = format!("{} \u{2014} {} side", m.name, self.prefs.side.word());
                if let Some(tp) = &self.work.trigger_point {
                    text.push_str(" \u{b7} ");
                    text.push_str(tp);
                }
                let others: Vec<&str> = self
                    .work
                    .compare
                    .iter()
                    .filter_map(|id| atlas.muscle(id))
                    .map(|m| m.name.as_str())
                    .collect();
                if !others.is_empty() {
                    text.push_str(", compared with ");
                    text.push_str(&others.join(", "));
                }
                text
            }
            None => "Trigger Point Atlas".to_owned(),
        };
        caption.push_str("   (H: show the panels)");
        ui.add(
            egui::Label::new(
                egui::RichText::new(caption)
                    .size(font * 1.1)
                    .color(theme.label),
            )
            .truncate(),
        );
    }

    /// The canvas and the legend strip under it.
    fn central_ui(&mut self, ui: &mut egui::Ui, theme: &Theme, commands: &mut Vec<Command>) {
        let atlas = &self.content.atlas;
        let panels = self.work.panels(&self.content, &self.prefs);
        let (show_shape, show_zones) = self.work.quiz_reveals();
        let quiz_marks: Vec<PainMark> = self.work.quiz.click.iter().cloned().collect();
        let overlay = self.work.overlay(atlas);
        let content = CanvasContent {
            overlay: &overlay,
            panels: &panels,
            selected: self.work.shown_pattern(atlas, &self.prefs),
            marks: match self.work.mode {
                Mode::Finder => &self.work.finder.marks,
                Mode::Quiz => &quiz_marks,
                Mode::Atlas => &[],
            },
            mode: match self.work.mode {
                Mode::Atlas => CanvasMode::Pick,
                Mode::Finder | Mode::Quiz => CanvasMode::Paint,
            },
            show_shape,
            show_zones,
            trigger_point: match self.work.mode {
                Mode::Atlas => self.work.trigger_point.as_deref(),
                Mode::Finder | Mode::Quiz => None,
            },
        };
        let rect = ui.max_rect();
        // The legend grows with the canvas, and more in presentation mode.
        let font = if self.prefs.presentation {
            (rect.height() / 40.0).clamp(14.0, 34.0)
        } else {
            (rect.height() / 60.0).clamp(12.0, 28.0)
        };
        if self.work.figures_only {
            self.caption_ui(ui, theme, font);
        }
        let rect = ui.available_rect_before_wrap();
        let entries: &[LegendEntry] = match self.work.mode {
            Mode::Atlas | Mode::Quiz => &LegendEntry::ATLAS,
            Mode::Finder => &LegendEntry::FINDER,
        };
        let rows = if overlay.is_empty() {
            legend_rows(ui.painter(), theme, entries, rect.width(), font)
        } else {
            1
        };
        let canvas_size = egui::vec2(rect.width(), rect.height() - legend_height(font, rows));
        let canvas = ui.allocate_ui(canvas_size, |ui| {
            canvas_ui(ui, atlas, theme, content, &mut self.canvas)
        });
        let adding = ui.input(|i| i.modifiers.command || i.modifiers.shift);
        match (canvas.inner, self.work.mode) {
            (Some(CanvasEvent::Picked(hit)), _) if adding => {
                commands.push(Command::ToggleCompare(hit.muscle));
            }
            (Some(CanvasEvent::Picked(hit)), _) => commands.push(Command::SelectOnBody(hit)),
            (Some(CanvasEvent::Painted { panel, pos_in_body }), Mode::Quiz) => {
                commands.push(Command::QuizClick { panel, pos_in_body });
            }
            (Some(CanvasEvent::Painted { panel, pos_in_body }), Mode::Atlas | Mode::Finder) => {
                commands.push(Command::Paint { panel, pos_in_body });
            }
            (None, _) => {}
        }
        let strip = egui::Rect::from_min_max(
            egui::pos2(rect.left(), canvas.response.rect.bottom()),
            rect.max,
        );
        if overlay.is_empty() {
            paint_legend(ui.painter(), theme, entries, strip, font);
        } else {
            let items: Vec<(&str, egui::Color32)> =
                overlay.iter().map(|(m, c)| (m.name.as_str(), *c)).collect();
            paint_compare_legend(ui.painter(), theme, &items, strip, font);
        }
    }
}
