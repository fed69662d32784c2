//! Printed and vector output: figures as PDF, the handout with the patient's marks and
//! the physician's words, and the one-page report of a pain drawing.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use trigger_atlas::AtlasApp;
use trigger_atlas::export::{Export, Format, render_svg};
use trigger_atlas::ui::export_window::ExportJob;

use crate::a11y::pick;
use crate::temp_dir;
use crate::ui::{click_label, harness_sized, type_key};

/// The text of a PDF, read back with poppler (installed by scripts/test.sh).
fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg("-raw")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn has(bytes: &[u8], needle: &str) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn type_into(h: &mut Harness<'_, AtlasApp>, field: &str, text: &str) {
    h.get_by_label(field).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(field).type_text(text);
    h.run();
}

/// The pain finder with marks on the right temple and the back of the head, made
/// with the keyboard as a user without a mouse would.
fn finder_with_marks() -> Harness<'static, AtlasApp> {
    let mut h = harness_sized(1400.0, 900.0);
    type_key(&mut h, "m");
    for area in ["temple", "back of the head"] {
        pick(&mut h, "Area", area);
        h.get_by_label(&format!("Add a mark: {area}, right side"))
            .click();
        h.run();
    }
    assert_eq!(h.state().work.finder.marks.len(), 2);
    h
}

/// Opens the Export window and points "Save here" at `dir`.
fn export_into(h: &mut Harness<'_, AtlasApp>, dir: &std::path::Path) {
    h.get_by_label("Export…").click();
    h.run();
    type_into(h, "Folder for “Save here”:", &dir.display().to_string());
}

/// Runs frames until the export reports.
fn status(h: &mut Harness<'_, AtlasApp>) -> String {
    for _ in 0..200 {
        h.run();
        if let Some(status) = h.state_mut().windows.export_choices.status.take() {
            return status;
        }
    }
    panic!("the export never finished");
}

#[test]
fn render_writes_a_vector_pdf_figure_and_refuses_a_mismatched_name() {
    let dir = temp_dir("render-pdf");
    let pdf = dir.join("masseter.pdf");
    let out = crate::cli::run(&[
        "render",
        "--muscle",
        "masseter",
        "--size",
        "1920x1080",
        "--out",
        pdf.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pdf).expect("pdf written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(has(&bytes, "MediaBox[0 0 1440 810]"), "0.75 pt per pixel");
    assert!(has(&bytes, "/FontFile2"), "the font is embedded");
    assert!(!has(&bytes, "/Subtype/Image"), "no pixels in the figure");
    let text = pdf_text(&pdf);
    assert!(text.contains("Masseter"), "{text}");
    // --format pdf with a .png name would put PDF data under the wrong name.
    let png = dir.join("m.png");
    let out = crate::cli::run(&[
        "render",
        "--muscle",
        "masseter",
        "--format",
        "pdf",
        "--out",
        png.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!png.exists());
    // A handout is a printed page: PDF or PNG, never SVG.
    let svg = dir.join("h.svg");
    let out = crate::cli::run(&[
        "handout",
        "--muscle",
        "masseter",
        "--out",
        svg.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(".pdf or .png"), "{err}");
    assert!(!svg.exists());
}

#[test]
fn the_export_window_saves_pictures_as_svg_and_pdf() {
    let dir = temp_dir("export-formats");
    let mut h = harness_sized(1400.0, 900.0);
    click_label(&mut h, "Masseter");
    export_into(&mut h, &dir);
    for (format, ext) in [("SVG drawing", "svg"), ("PDF drawing", "pdf")] {
        h.get_by_label(format).click();
        h.run();
        h.get_by_label("Save picture here").click();
        let file = dir.join(format!("masseter-right-1920x1080.{ext}"));
        assert_eq!(status(&mut h), format!("Saved {}", file.display()));
        let bytes = std::fs::read(&file).expect("written");
        match ext {
            "svg" => assert!(bytes.starts_with(b"<svg")),
            _ => assert!(pdf_text(&file).contains("Masseter")),
        }
    }
}

#[test]
fn the_report_lists_what_the_finder_lists_with_the_physicians_words() {
    let dir = temp_dir("report-ui");
    let mut h = finder_with_marks();
    let listed: Vec<String> = {
        let app = h.state();
        app.work
            .finder
            .candidates
            .iter()
            .map(|c| {
                let m = app.content.atlas.muscle(&c.muscle).expect("muscle");
                format!("{} ({})", m.name, c.side.word())
            })
            .collect()
    };
    assert!(listed.len() >= 3, "{listed:?}");
    export_into(&mut h, &dir);
    type_into(&mut h, "Initials:", "KT");
    type_into(&mut h, "Date:", "2026-11-30");
    type_into(
        &mut h,
        "Note for the patient:",
        "Warm shower, then the stretch.",
    );
    h.get_by_label("Save report here").click();
    let file = dir.join("pain-drawing-report-a4.pdf");
    assert_eq!(status(&mut h), format!("Saved {}", file.display()));
    let bytes = std::fs::read(&file).expect("report written");
    assert!(has(&bytes, "MediaBox[0 0 595.28 841.89]"), "A4");
    let text = pdf_text(&file).replace('\n', " ");
    // The first muscles in the window's order, each once, in that order.
    let shown = listed.len().min(trigger_atlas::export::LISTED);
    let mut from = 0;
    for (i, name) in listed.iter().take(shown).enumerate() {
        let entry = format!("{}. {name}", i + 1);
        let at = text[from..]
            .find(&entry)
            .unwrap_or_else(|| panic!("the report lacks {entry:?} after byte {from}: {text}"));
        from += at + entry.len();
    }
    for words in [
        "Prepared by KT",
        "2026-11-30",
        "Warm shower, then the stretch.",
        "Get medical help right away if",
        "Head and face",
        "right temple",
        "not a diagnosis",
    ] {
        assert!(text.contains(words), "the report lacks {words:?}: {text}");
    }
    // The same report as PNG: the paper's pixels at 150 dpi.
    h.get_by_label("PNG at 150 dpi").click();
    h.run();
    h.get_by_label("Save report here").click();
    let png = dir.join("pain-drawing-report-a4.png");
    assert_eq!(status(&mut h), format!("Saved {}", png.display()));
    let image = image::open(&png).expect("png report");
    assert_eq!((image.width(), image.height()), (1240, 1754));
}

#[test]
fn a_handout_made_in_the_finder_draws_the_patients_marks() {
    let mut h = finder_with_marks();
    let first = h.state().work.finder.candidates[0].clone();
    let name = h
        .state()
        .content
        .atlas
        .muscle(&first.muscle)
        .expect("muscle")
        .name
        .clone();
    click_label(&mut h, &format!("1. {name} ({})", first.side.word()));
    let job = ExportJob::Handout {
        paper: trigger_atlas::export::Paper::A4,
        format: Format::Pdf,
    };
    let export = h.state().export_of(job).expect("a handout");
    let Export::Handout { spec, .. } = &export else {
        panic!("{export:?}");
    };
    assert_eq!(
        spec.muscle, first.muscle,
        "the candidate shown over the marks"
    );
    assert_eq!(spec.marks, h.state().work.finder.marks);
    // The marks' violet outline is on the page, and only because of the marks.
    let theme = trigger_atlas::theme::Theme::light();
    let [r, g, b, _] = theme.mark_line.to_srgba_unmultiplied();
    let violet = format!("#{r:02x}{g:02x}{b:02x}");
    let atlas = &h.state().content.atlas;
    assert!(render_svg(atlas, &export).contains(&violet));
    let mut bare = export.clone();
    if let Export::Handout { spec, .. } = &mut bare {
        spec.marks.clear();
    }
    assert!(!render_svg(atlas, &bare).contains(&violet));
    // In the atlas the handout has no marks.
    type_key(&mut h, "m");
    type_key(&mut h, "m");
    click_label(&mut h, "Masseter");
    let Ok(Export::Handout { spec, .. }) = h.state().export_of(job) else {
        panic!("a handout");
    };
    assert!(spec.marks.is_empty());
}

#[test]
fn the_physicians_words_are_kept_in_the_drawing_file_and_nowhere_else() {
    let dir = temp_dir("note-kept");
    let file = dir.join("visit.ron");
    let mut h = finder_with_marks();
    export_into(&mut h, &dir);
    type_into(&mut h, "Initials:", "KT");
    type_into(&mut h, "Note for the patient:", "Ice, not heat.");
    type_into(&mut h, "Pain drawing file:", &file.display().to_string());
    h.get_by_label("Save drawing").click();
    h.run();
    let saved = std::fs::read_to_string(&file).expect("drawing saved");
    assert!(
        saved.contains("\"KT\"") && saved.contains("Ice, not heat."),
        "{saved}"
    );
    // A new window knows nothing of them until the drawing is opened.
    let mut h = harness_sized(1400.0, 900.0);
    assert_eq!(
        h.state().work.finder.note,
        trigger_atlas::model::ClinicianNote::default()
    );
    type_key(&mut h, "m");
    type_into(&mut h, "Pain drawing file:", &file.display().to_string());
    h.get_by_label("Open drawing").click();
    h.run();
    let note = &h.state().work.finder.note;
    assert_eq!(
        (note.initials.as_str(), note.note.as_str()),
        ("KT", "Ice, not heat.")
    );
    // The command line prints them too, from the same file.
    let pdf = dir.join("h.pdf");
    let out = crate::cli::run(&[
        "handout",
        "--drawing",
        file.to_str().expect("path"),
        "--muscle",
        "temporalis",
        "--out",
        pdf.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Prepared by KT") && text.contains("Ice, not heat."),
        "{text}"
    );
}

#[test]
fn a_report_from_the_command_line_matches_lookup() {
    let dir = temp_dir("report-cli");
    let h = finder_with_marks();
    let f = &h.state().work.finder;
    let drawing = trigger_atlas::io::PainDrawing {
        date: "2026-12-01".into(),
        label: Some("Second visit".into()),
        initials: None,
        note: None,
        brush_radius: f.brush_radius,
        marks: f.marks.clone(),
        chosen: None,
    };
    let file = dir.join("d.ron");
    trigger_atlas::io::save_drawing_file(&file, &drawing).expect("saved");
    let pdf = dir.join("r.pdf");
    let out = crate::cli::run(&[
        "report",
        "--drawing",
        file.to_str().expect("path"),
        "--paper",
        "letter",
        "--out",
        pdf.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(has(
        &std::fs::read(&pdf).expect("pdf"),
        "MediaBox[0 0 612 792]"
    ));
    let text = pdf_text(&pdf).replace('\n', " ");
    let rows = trigger_atlas::export::report_rows(&h.state().content.atlas, &drawing.marks);
    for (name, reason) in rows.iter().take(3) {
        assert!(text.contains(name.as_str()), "{name}: {text}");
        assert!(text.contains(reason.as_str()), "{reason}: {text}");
    }
    assert!(text.contains("Pain drawing: Second visit") && text.contains("Drawn 2026-12-01"));
    // A drawing with no marks has nothing to report.
    let empty = dir.join("empty.ron");
    trigger_atlas::io::save_drawing_file(
        &empty,
        &trigger_atlas::io::PainDrawing {
            marks: Vec::new(),
            ..drawing
        },
    )
    .expect("saved");
    let out = crate::cli::run(&[
        "report",
        "--drawing",
        empty.to_str().expect("path"),
        "--out",
        dir.join("e.pdf").to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.join("e.pdf").exists());
}

/// The smallest type on a printed page, in points at print size: every `font-size` of
/// its SVG (pixels of a 150 dpi page).
fn smallest_pt(svg: &str) -> f32 {
    svg.split("font-size=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse::<f32>().ok())
        .fold(f32::INFINITY, f32::min)
        * 72.0
        / 150.0
}

#[test]
fn no_words_on_a_printed_page_are_smaller_than_8_pt() {
    use trigger_atlas::export::{HandoutSpec, Paper, ReportSpec};
    use trigger_atlas::model::{ClinicianNote, MuscleId, SideChoice};
    let h = finder_with_marks();
    let atlas = &h.state().content.atlas;
    let marks = h.state().work.finder.marks.clone();
    // Whole figures, the side view and every close-up: the face, the hands, the
    // feet and the pelvic floor.
    for id in [
        "upper_trapezius",
        "temporalis",
        "wrist_and_finger_flexors",
        "extensor_digitorum_brevis",
        "levator_ani",
        "gluteus_minimus",
    ] {
        for paper in [Paper::A4, Paper::Letter] {
            let handout = Export::Handout {
                spec: HandoutSpec {
                    muscle: MuscleId(id.into()),
                    side: SideChoice::Both,
                    date: "2026-12-02".into(),
                    trigger_point: None,
                    marks: marks.clone(),
                    note: ClinicianNote::default(),
                },
                paper,
            };
            let pt = smallest_pt(&render_svg(atlas, &handout));
            assert!(pt >= 7.95, "{id} handout on {paper:?}: {pt:.1} pt");
        }
    }
    let report = Export::Report {
        spec: ReportSpec {
            marks,
            drawing_date: "2026-12-02".into(),
            printed: "2026-12-02".into(),
            ..ReportSpec::default()
        },
        paper: Paper::A4,
    };
    let pt = smallest_pt(&render_svg(atlas, &report));
    assert!(pt >= 7.95, "report: {pt:.1} pt");
}

/// The height of the bodies on a page: from the highest to the lowest point painted
/// in the skin colour of the light theme.
fn skin_height(svg: &str) -> f32 {
    let skin = trigger_atlas::theme::Theme::light().skin;
    let fill = format!("fill=\"#{:02x}{:02x}{:02x}\"", skin.r(), skin.g(), skin.b());
    let (mut top, mut bottom) = (f32::INFINITY, f32::NEG_INFINITY);
    for line in svg.lines().filter(|l| l.contains(&fill)) {
        let Some(d) = line.split("d=\"").nth(1).and_then(|r| r.split('"').next()) else {
            continue;
        };
        let numbers: Vec<f32> = d
            .split([' ', 'M', 'L', 'Z'])
            .filter_map(|n| n.parse().ok())
            .collect();
        for y in numbers.chunks_exact(2).map(|p| p[1]) {
            top = top.min(y);
            bottom = bottom.max(y);
        }
    }
    bottom - top
}

#[test]
fn every_handout_draws_its_figure_large_however_long_its_text() {
    use trigger_atlas::export::{HandoutSpec, Paper};
    use trigger_atlas::model::{ClinicianNote, SideChoice};
    let atlas = crate::embedded().atlas;
    for paper in [Paper::A4, Paper::Letter] {
        let mut heights: Vec<(f32, String)> = atlas
            .muscles
            .iter()
            .map(|m| {
                let handout = Export::Handout {
                    spec: HandoutSpec {
                        muscle: m.id.clone(),
                        side: SideChoice::Right,
                        date: "2026-12-02".into(),
                        trigger_point: None,
                        marks: Vec::new(),
                        note: ClinicianNote::default(),
                    },
                    paper,
                };
                let page = paper.pixels()[1] as f32;
                (
                    skin_height(&render_svg(&atlas, &handout)) / page,
                    m.id.0.clone(),
                )
            })
            .collect();
        heights.sort_by(|a, b| a.0.total_cmp(&b.0));
        // However much the page has to say (four regions of warning signs, a long
        // self-care text), the bodies keep a sixth of the page's height or more, and
        // half of the handouts draw them over a third of it. (Before the figure could
        // stand beside the text, six handouts drew bodies under 8 % of an A4 page.)
        let small: Vec<_> = heights.iter().filter(|(h, _)| *h < 0.17).collect();
        assert!(
            small.is_empty(),
            "{paper:?}: bodies under a sixth of the page: {small:?}"
        );
        let median = heights[heights.len() / 2].0;
        assert!(
            median >= 0.35,
            "{paper:?}: median body height {median:.2} of the page"
        );
    }
}

#[test]
fn the_reports_close_ups_of_the_marks_are_as_tall_as_its_whole_figures() {
    use trigger_atlas::draw::layout::Panel;
    use trigger_atlas::export::marks_layout;
    use trigger_atlas::model::{Side, ViewId};
    let atlas = crate::embedded().atlas;
    let panels = [
        Panel {
            view: ViewId("back".into()),
            side: Side::Right,
        },
        Panel {
            view: ViewId("head_side".into()),
            side: Side::Right,
        },
    ];
    // The report's wide, short strip: the head is drawn at the strip's full height,
    // beside the back, not at half height as in the window.
    let strip = egui::Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(1100.0, 300.0));
    let placed = marks_layout(&atlas, &panels, strip);
    assert_eq!(placed.len(), 2);
    let (back, head) = (placed[0].1, placed[1].1);
    assert!(
        (head.height() - back.height()).abs() < 1.0,
        "{back:?} {head:?}"
    );
    assert!((back.height() - 300.0).abs() < 1.0, "{back:?}");
    assert!(back.right() <= head.left(), "{back:?} {head:?}");
    assert!(strip.contains_rect(back) && strip.contains_rect(head));
    // Where the strip is too narrow for that, the window's layout is kept.
    let narrow = egui::Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(260.0, 300.0));
    let placed = marks_layout(&atlas, &panels, narrow);
    assert_eq!(
        placed,
        trigger_atlas::draw::layout::layout(&atlas, &panels, narrow)
    );
}
