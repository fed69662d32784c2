//! Exports from the window: ask where (on a dialog thread), then render the current
//! view or a handout with the same [`crate::export::save`] as the command line.

use std::path::Path;

use crate::export::{Export, FigureSpec, HandoutSpec, OffscreenRenderer, today};
use crate::model::ViewId;
use crate::ui::export_window::ExportJob;

use super::AtlasApp;
use super::background::DialogAnswer;

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
            let name = if typed.is_empty() {
                self.suggested_name(job)
            } else if std::path::Path::new(&typed)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("png"))
            {
                typed
            } else {
                format!("{typed}.png")
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

    /// What `job` draws from the current state: the views on screen for a picture,
    /// the selected muscle on the patient's side for a handout.
    ///
    /// # Errors
    /// A handout with no muscle selected.
    pub fn export_of(&self, job: ExportJob) -> Result<Export, String> {
        Ok(match job {
            ExportJob::Picture { width, height } | ExportJob::Vector { width, height } => {
                let mut views: Vec<ViewId> = Vec::new();
                for p in self.panels() {
                    if !views.contains(&p.view) {
                        views.push(p.view);
                    }
                }
                Export::Figure {
                    spec: FigureSpec {
                        muscle: self.work.selected.clone(),
                        sides: self.prefs.side.sides().to_vec(),
                        views,
                        trigger_point: self.work.trigger_point.clone(),
                    },
                    size_px: [width, height],
                    dark: self.prefs.dark_mode,
                }
            }
            ExportJob::Handout(paper) => {
                let muscle = self.work.selected.clone().ok_or("select a muscle first")?;
                let side = self.prefs.side;
                Export::Handout {
                    spec: HandoutSpec {
                        muscle,
                        side,
                        date: today(),
                        trigger_point: self.work.trigger_point.clone(),
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
        if matches!(job, ExportJob::Vector { .. }) {
            let svg = crate::export::render_svg(&self.content.atlas, &export);
            return crate::io::write_atomically(path, svg.as_bytes());
        }
        if self.background.renderer.is_none() {
            self.background.renderer = Some(OffscreenRenderer::new()?);
        }
        let renderer = self.background.renderer.as_mut().ok_or("no renderer")?;
        crate::export::save(renderer, &self.content.atlas, &export, path)
    }
}
