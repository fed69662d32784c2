//! The floating windows: data problems, notices about saved files, export, lessons,
//! keyboard help and "About trigger points". Which are open is a small set of flags;
//! each window's contents are a panel of `ui/`.

use crate::ui::export_window::{Destination, ExportChoices, export_ui};
use crate::ui::lessons::{LessonAction, lesson_list_ui};

use super::AtlasApp;
use super::background::DialogAnswer;
use super::command::Command;

/// Which windows are open, and the export window's choices.
#[derive(Clone, Debug, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent window toggles, each one flag"
)]
pub struct Windows {
    pub about: bool,
    pub export: bool,
    pub help: bool,
    pub lessons: bool,
    /// The data problems window.
    pub errors: bool,
    pub export_choices: ExportChoices,
    /// A lesson file's path, typed in the lessons window.
    pub lesson_path: String,
    /// Which of the Export and Lessons windows were open last frame, and where the
    /// keyboard focus was before one opened (it goes back there when it closes).
    pub(super) was_open: (bool, bool),
    pub(super) focus_before: Option<egui::Id>,
}

impl Windows {
    /// Called once a frame: whether the Export and the Lessons window have just
    /// opened (so they take the focus); gives the focus back when one closes.
    fn focus_changes(&mut self, ctx: &egui::Context) -> (bool, bool) {
        let now = (self.export, self.lessons);
        let opened = (now.0 && !self.was_open.0, now.1 && !self.was_open.1);
        let closed = (!now.0 && self.was_open.0) || (!now.1 && self.was_open.1);
        if opened.0 || opened.1 {
            self.focus_before = ctx.memory(egui::Memory::focused);
        }
        if closed
            && !(now.0 || now.1)
            && let Some(id) = self.focus_before.take()
        {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        self.was_open = now;
        opened
    }
}

impl AtlasApp {
    /// Shows every open window; lesson and export requests become commands or
    /// background work.
    pub(super) fn windows_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let (export_opened, lessons_opened) = self.windows.focus_changes(ctx);
        if self.windows.errors {
            self.errors_window_ui(ctx);
        }
        if self.windows.export {
            let mut open = true;
            let app = crate::ui::export_window::ExportContext {
                muscle_selected: self.handout_subject().is_some(),
                marks: self.work.finder.marks.len(),
                handout_marks: if self.work.mode == super::state::Mode::Finder {
                    self.work.finder.marks.len()
                } else {
                    0
                },
                busy: self.background.pending_export.is_some(),
                take_focus: export_opened,
            };
            let mut job = None;
            // As tall as its contents (about 650 points), scrolling on a screen shorter
            // than them.
            let room = ctx.content_rect().height() - 80.0;
            egui::Window::new("Export")
                .open(&mut open)
                .default_width(420.0)
                .vscroll(true)
                .default_height(room.min(650.0))
                .max_height(room)
                .show(ctx, |ui| {
                    job = export_ui(
                        ui,
                        &mut self.windows.export_choices,
                        &mut self.work.finder.note,
                        app,
                    );
                });
            self.windows.export = open;
            match job {
                Some((job, Destination::Dialog)) => self.start_export(job),
                Some((job, Destination::Folder)) => self.export_into_folder(job),
                None => {}
            }
        }
        self.finish_export(ctx);
        if self.windows.lessons || self.background.pending_open.is_some() {
            self.lessons_window_ui(ctx, commands, lessons_opened);
        }
        if self.windows.help {
            let mut open = true;
            egui::Window::new("Keyboard shortcuts")
                .open(&mut open)
                .default_width(420.0)
                .show(ctx, crate::ui::help::help_ui);
            self.windows.help = open;
        }
        if self.windows.about {
            let mut open = true;
            let warnings = &self.content.atlas.warnings;
            egui::Window::new("About trigger points")
                .open(&mut open)
                .default_size([560.0, 620.0])
                .show(ctx, |ui| crate::ui::about::about_ui(ui, warnings));
            self.windows.about = open;
        }
        if !self.notices.is_empty() {
            self.notices_window_ui(ctx);
        }
        if let Some((done, total)) = self.content.first_read_progress() {
            crate::ui::loading::folder_progress_ui(ctx, done, total);
        }
    }

    fn errors_window_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.windows.errors;
        egui::Window::new("Data problems")
            .open(&mut open)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label("These files were skipped or partly skipped; everything else loaded. A note says what the atlas did with data that loaded.");
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        for e in &self.content.errors {
                            ui.monospace(e.to_string());
                        }
                    });
            });
        self.windows.errors = open;
    }

    fn notices_window_ui(&mut self, ctx: &egui::Context) {
        let mut dismissed = false;
        egui::Window::new("Your saved files")
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                for n in &self.notices {
                    ui.label(n);
                }
                dismissed = ui.button("OK").clicked();
            });
        if dismissed {
            self.notices.clear();
        }
    }

    /// The lessons window: the list, and opening a lesson file.
    fn lessons_window_ui(
        &mut self,
        ctx: &egui::Context,
        commands: &mut Vec<Command>,
        take_focus: bool,
    ) {
        let mut open = self.windows.lessons;
        let mut action = None;
        let can_open = self.background.pending_open.is_none();
        egui::Window::new("Lessons")
            .open(&mut open)
            .default_width(380.0)
            .show(ctx, |ui| {
                action = lesson_list_ui(
                    ui,
                    &self.content.lessons,
                    can_open,
                    &mut self.windows.lesson_path,
                    take_focus,
                );
            });
        self.windows.lessons = open;
        match action {
            Some(LessonAction::Start(i)) => commands.push(Command::StartLesson(i)),
            Some(LessonAction::OpenFile) => self.background.ask_for_lesson_file(),
            Some(LessonAction::OpenPath) => {
                let path = std::path::PathBuf::from(self.windows.lesson_path.trim());
                self.open_lesson_file(&path, commands);
            }
            Some(LessonAction::Step(_) | LessonAction::End) | None => {}
        }
        let Some(pending) = &self.background.pending_open else {
            return;
        };
        match pending.poll(ctx) {
            DialogAnswer::Waiting => {}
            DialogAnswer::Answered(None) | DialogAnswer::Gone => {
                self.background.pending_open = None;
            }
            DialogAnswer::Answered(Some(path)) => {
                self.background.pending_open = None;
                self.open_lesson_file(&path, commands);
            }
        }
    }

    /// Loads the lesson file at `path` and starts it, or shows why it cannot.
    /// Opens a lesson file and starts it (`--lesson FILE`); a broken file is listed
    /// in the data problems window instead.
    pub fn start_lesson_file(&mut self, path: &std::path::Path) {
        if self.content.first_read_progress().is_some() {
            self.startup.lesson_after_load = Some(path.to_path_buf());
            return;
        }
        let mut commands = Vec::new();
        self.open_lesson_file(path, &mut commands);
        for c in commands {
            self.apply(c);
        }
    }

    fn open_lesson_file(&mut self, path: &std::path::Path, commands: &mut Vec<Command>) {
        match crate::io::load_lesson_file(path, &self.content.atlas) {
            Ok(lesson) => {
                self.content.lessons.push(lesson);
                commands.push(Command::StartLesson(self.content.lessons.len() - 1));
            }
            Err(errors) => {
                self.content.errors.extend(errors);
                self.windows.errors = true;
            }
        }
    }
}
