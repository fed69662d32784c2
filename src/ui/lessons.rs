//! The lessons: the list to start one from, and the bar over the canvas while one is
//! given (where we are, the talking point, previous / next / end).

use egui::Ui;

use crate::model::lesson::Lesson;

/// What the user asked for in the lessons list or the lesson bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonAction {
    /// Start lesson `n` of the list.
    Start(usize),
    /// Choose a lesson file to open.
    OpenFile,
    /// Open the lesson file at the typed path.
    OpenPath,
    /// Move by this many steps.
    Step(isize),
    End,
}

/// The list of lessons with a Start button each, and opening a lesson file: with the
/// file dialog (unless one is already open), or by typing its path into `path`.
pub fn lesson_list_ui(
    ui: &mut Ui,
    lessons: &[Lesson],
    can_open: bool,
    path: &mut String,
    take_focus: bool,
) -> Option<LessonAction> {
    let mut action = None;
    for (i, lesson) in lessons.iter().enumerate() {
        ui.horizontal(|ui| {
            let start = ui.button("Start");
            if take_focus && i == 0 {
                start.request_focus();
            }
            crate::ui::a11y::rename(&start, &format!("Start: {}", lesson.title));
            if start.clicked() {
                action = Some(LessonAction::Start(i));
            }
            ui.label(format!(
                "{}. {} ({} steps)",
                i + 1,
                lesson.title,
                lesson.steps.len()
            ));
        });
    }
    ui.separator();
    if ui
        .add_enabled(can_open, egui::Button::new("Open lesson file…"))
        .clicked()
    {
        action = Some(LessonAction::OpenFile);
    }
    ui.horizontal(|ui| {
        let label = ui.label("Or its path:");
        let field = ui
            .add(egui::TextEdit::singleline(path).desired_width(220.0))
            .labelled_by(label.id);
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .add_enabled(!path.trim().is_empty(), egui::Button::new("Open this file"))
            .clicked()
            || (enter && !path.trim().is_empty())
        {
            action = Some(LessonAction::OpenPath);
        }
    });
    ui.weak("Lessons are RON files; see data/lessons/ for examples.");
    action
}

/// The bar over the canvas during a lesson: title, step, buttons and the talking
/// point of step `step` of `lesson`, in larger type.
pub fn lesson_bar_ui(ui: &mut Ui, lesson: &Lesson, step: usize) -> Option<LessonAction> {
    let current = lesson.steps.get(step)?;
    let mut action = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        // Wrapped, so that a narrow window puts the buttons on a second row instead
        // of cutting "End lesson" off.
        ui.horizontal_wrapped(|ui| {
            ui.strong(&lesson.title);
            ui.label(format!("Step {} of {}", step + 1, lesson.steps.len()));
            if ui
                .add_enabled(step > 0, egui::Button::new("Previous"))
                .clicked()
            {
                action = Some(LessonAction::Step(-1));
            }
            if ui
                .add_enabled(step + 1 < lesson.steps.len(), egui::Button::new("Next"))
                .clicked()
            {
                action = Some(LessonAction::Step(1));
            }
            if ui.button("End lesson").clicked() {
                action = Some(LessonAction::End);
            }
        });
        let size = ui
            .style()
            .text_styles
            .get(&egui::TextStyle::Body)
            .map_or(14.0, |f| f.size)
            * 1.25;
        ui.label(egui::RichText::new(&current.text).size(size));
    });
    action
}
