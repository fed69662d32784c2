//! Exports from the window: ask where (on a dialog thread), then render the current
//! view or a handout with the same [`crate::export::save`] as the command line.

use std::path::Path;

use crate::export::{Export, FigureSpec, HandoutSpec, ReportSpec, today};
use crate::model::{MuscleId, SideChoice, ViewId};
use crate::ui::export_window::ExportJob;

use super::AtlasApp;
use super::background::DialogAnswer;
use super::state::Mode;

impl AtlasApp {
    /// Asks where to save `job` (on a background thread, so the window keeps drawing).
    pub(super) fn start_export(&mut self, job: ExportJob) {
        let name = self.suggested_name(job);
        self.background.ask_where_to_save(job, name);
    }

    /// Saves `job` under its suggested name into the folder typed in the export window
    /// (which must exist: a mistyped folder is reported, not created).
    pub(super) fn export_into_folder(&mut self, job: ExportJob) {
        let folder = std::path::PathBuf::from(self.windows.export_choices.folder.trim());
        let typed = self.windows.export_choices.name.trim().to_owned();
        let status = if folder.is_dir() {
            let ext = job.format().extension();
            let name = if typed.is_empty() {
                self.suggested_name(job)
            } else if std::path::Path::new(&typed)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(ext))
            {
                typed
            } else {
                format!("{typed}.{ext}")
            };
            let path = folder.join(name);
            match self.export_to(job, &path) {
                Ok(()) => format!("Saved {}", path.display()),
                Err(e) => format!("Not saved: {e}"),
            }
        } else {
            format!(
                "Not saved: there is no folder {}; type the path of an existing folder.",
                folder.display()
            )
        };
        self.windows.export_choices.status = Some(status);
    }

    fn suggested_name(&self, job: ExportJob) -> String {
        job.suggested_name(
            self.work.selected.as_ref().map(|id| id.0.as_str()),
            self.prefs.side.word(),
        )
    }

    /// Once the user has picked a file, renders and saves it.
    pub(super) fn finish_export(&mut self, ctx: &egui::Context) {
        let Some((job, pending)) = &self.background.pending_export else {
            return;
        };
        let job = *job;
        let answer = match pending.poll(ctx) {
            DialogAnswer::Waiting => return,
            DialogAnswer::Answered(None) => {
                self.background.pending_export = None;
                self.windows.export_choices.status = Some(
                    "Nothing saved: the dialog closed without a file. If no dialog appeared, the folder and name below save without one (“Save here”)."
                        .to_owned(),
                );
                return;
            }
            DialogAnswer::Answered(answer) => answer,
            DialogAnswer::Gone => None,
        };
        self.background.pending_export = None;
        let Some(path) = answer else {
            self.windows.export_choices.status = Some(
                "No file dialog could open on this desktop. Nothing is lost: the folder and name below save without one (“Save here”)."
                    .to_owned(),
            );
            return;
        };
        self.windows.export_choices.status = Some(match self.export_to(job, &path) {
            Ok(()) => format!("Saved {}", path.display()),
            Err(e) => format!("Not saved: {e}"),
        });
    }

    /// The muscle and side a handout is about: the candidate shown over the marks in
    /// the pain finder, else the selected muscle on the patient's side.
    pub(super) fn handout_subject(&self) -> Option<(MuscleId, SideChoice)> {
        let chosen = (self.work.mode == Mode::Finder)
            .then(|| self.work.finder.chosen_candidate())
            .flatten();
        match chosen {
            Some(c) => Some((c.muscle.clone(), SideChoice::from(c.side))),
            None => self.work.selected.clone().map(|id| (id, self.prefs.side)),
        }
    }

    /// What `job` draws from the current state: the views on screen for a picture,
    /// the selected muscle on the patient's side for a handout (with the patient's
    /// marks in the pain finder), the pain drawing for a report.
    ///
    /// # Errors
    /// A handout with no muscle selected, a report with no marks.
    pub fn export_of(&self, job: ExportJob) -> Result<Export, String> {
        let finder = &self.work.finder;
        let in_finder = self.work.mode == Mode::Finder;
        let date = finder.note.date_or(&today()).to_owned();
        Ok(match job {
            ExportJob::Picture { width, height, .. } => {
                let mut views: Vec<ViewId> = Vec::new();
                for p in self.panels() {
                    if !views.contains(&p.view) {
                        views.push(p.view);
                    }
                }
                let (muscle, sides) =
                    match self.work.shown_pattern(&self.content.atlas, &self.prefs) {
                        Some((m, sides)) if in_finder => (Some(m.id.clone()), sides.to_vec()),
                        _ => (self.work.selected.clone(), self.prefs.side.sides().to_vec()),
                    };
                Export::Figure {
                    spec: FigureSpec {
                        muscle,
                        sides,
                        views,
                        trigger_point: self.work.trigger_point.clone(),
                        marks: if in_finder {
                            finder.marks.clone()
                        } else {
                            Vec::new()
                        },
                        unit: None,
                    },
                    size_px: [width, height],
                    dark: self.prefs.dark_mode,
                }
            }
            ExportJob::Handout { paper, .. } => {
                let (muscle, side) = self.handout_subject().ok_or("select a muscle first")?;
                Export::Handout {
                    spec: HandoutSpec {
                        muscle,
                        side,
                        date,
                        trigger_point: self.work.trigger_point.clone(),
                        marks: if in_finder {
                            finder.marks.clone()
                        } else {
                            Vec::new()
                        },
                        note: finder.note.clone(),
                    },
                    paper,
                }
            }
            ExportJob::Report { paper, .. } => {
                if finder.marks.is_empty() {
                    return Err("mark where it hurts first".to_owned());
                }
                Export::Report {
                    spec: ReportSpec {
                        marks: finder.marks.clone(),
                        drawing_date: date,
                        label: Some(finder.drawing_label.trim().to_owned())
                            .filter(|l| !l.is_empty()),
                        chosen: finder
                            .chosen_candidate()
                            .map(|c| (c.muscle.clone(), c.side)),
                        note: finder.note.clone(),
                        printed: today(),
                    },
                    paper,
                }
            }
        })
    }

    /// Renders `job` and writes it to `path` through a temporary file and a rename.
    ///
    /// # Errors
    /// Rendering or writing failed; the sentence says which.
    pub fn export_to(&mut self, job: ExportJob, path: &Path) -> Result<(), String> {
        let export = self.export_of(job)?;
        crate::export::save_as(
            &mut self.background.renderer,
            &self.content.atlas,
            &export,
            job.format(),
            path,
        )
    }
}
