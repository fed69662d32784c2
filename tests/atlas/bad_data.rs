//! The bad-data corpus in `tests/bad_data/`: every file is broken in one way and
//! starts with `// expect: KIND LINE:COLUMN TEXT` — the error kind, where it must be
//! reported, and words the message must contain. Files named `muscle_*`, `views_*`
//! and `lesson_*` go through the muscle, views and lesson parsers.

use std::path::Path;

use trigger_atlas::io::{load_atlas, parse_lesson, parse_muscle, parse_user_views};
use trigger_atlas::model::{DataError, ErrorKind};

use crate::{embedded, temp_dir};

fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_data");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .filter_map(Result::ok)
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (
                name,
                std::fs::read_to_string(e.path()).expect("utf-8 corpus file"),
            )
        })
        .collect();
    files.sort();
    files
}

fn errors_for(atlas: &trigger_atlas::model::Atlas, name: &str, text: &str) -> Vec<DataError> {
    if name.starts_with("views_") {
        parse_user_views(text, name, &atlas.views).1
    } else if name.starts_with("lesson_") {
        parse_lesson(text, name, atlas).err().unwrap_or_default()
    } else {
        parse_muscle(text, name, &atlas.views)
            .err()
            .unwrap_or_default()
    }
}

#[test]
fn every_corpus_file_reports_its_kind_and_position() {
    let files = corpus();
    let atlas = embedded().atlas;
    assert!(files.len() >= 40, "only {} corpus files", files.len());
    let mut wrong = Vec::new();
    for (name, text) in &files {
        let header = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("// expect: "))
            .expect("expect header");
        let mut parts = header.splitn(3, ' ');
        let (kind, position, needle) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
        );
        let errors = errors_for(&atlas, name, text);
        let Some(first) = errors.first() else {
            wrong.push(format!("{name}: no error at all"));
            continue;
        };
        let got_kind = match first.kind {
            ErrorKind::Io => "Io",
            ErrorKind::Syntax => "Syntax",
            ErrorKind::Invalid => "Invalid",
            ErrorKind::Notice => "Notice",
        };
        let got_position = format!("{}:{}", first.position.line, first.position.column);
        if got_kind != kind || got_position != position || !first.message.contains(needle) {
            wrong.push(format!("{name}: expected {kind} {position} \"{needle}\", got {got_kind} {got_position} \"{}\"", first.message));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_folder_full_of_bad_files_still_loads_the_good_one_beside_them() {
    let dir = temp_dir("bad-corpus");
    let muscles = dir.join("muscles");
    std::fs::create_dir_all(&muscles).expect("mkdir");
    let bad: Vec<(String, String)> = corpus()
        .into_iter()
        .filter(|(n, _)| n.starts_with("muscle_"))
        .collect();
    for (name, text) in &bad {
        std::fs::write(muscles.join(name), text).expect("write");
    }
    // Generated cases: a file over the size cap and one that is not UTF-8.
    std::fs::write(muscles.join("muscle_huge.ron"), vec![b' '; 3 * 1024 * 1024]).expect("write");
    std::fs::write(muscles.join("muscle_latin1.ron"), b"(id: \"caf\xe9\")").expect("write");
    // And one good muscle.
    let good = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/muscles/masseter.ron"),
    )
    .expect("read")
    .replace("id: \"masseter\"", "id: \"my_masseter\"");
    std::fs::write(muscles.join("zz_good.ron"), good).expect("write");

    let report = load_atlas(Some(&dir));
    assert!(
        report
            .atlas
            .muscle(&trigger_atlas::model::MuscleId("my_masseter".into()))
            .is_some()
    );
    assert_eq!(
        report.atlas.muscles.len(),
        embedded().atlas.muscles.len() + 1
    );
    for (name, _) in &bad {
        assert!(
            report
                .errors
                .iter()
                .any(|e| e.file.ends_with(name.as_str())),
            "{name} reported"
        );
    }
    assert!(
        report
            .errors
            .iter()
            .any(|e| e.file.ends_with("muscle_huge.ron") && e.kind == ErrorKind::Io)
    );
    assert!(
        report
            .errors
            .iter()
            .any(|e| e.file.ends_with("muscle_latin1.ron") && e.kind == ErrorKind::Io)
    );

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_trigger-atlas"))
        .arg("check")
        .arg(&dir)
        .output()
        .expect("run check");
    assert_eq!(out.status.code(), Some(1));
    let listed = String::from_utf8_lossy(&out.stdout);
    for (name, _) in &bad {
        assert!(listed.contains(name.as_str()), "check lists {name}");
    }
}

#[test]
fn bad_text_encoding_is_placed_by_line_and_column_and_a_file_is_not_a_folder() {
    let dir = temp_dir("encoding");
    std::fs::create_dir_all(dir.join("muscles")).expect("mkdir");
    std::fs::write(dir.join("muscles/latin1.ron"), b"(\n  id: \"caf\xe9\",\n)").expect("write");
    let report = load_atlas(Some(&dir));
    let e = report
        .errors
        .iter()
        .find(|e| e.file.ends_with("latin1.ron"))
        .expect("reported");
    assert_eq!((e.position.line, e.position.column), (2, 11), "{e}");
    assert!(e.message.contains("UTF-8"));

    let file = dir.join("not-a-folder.ron");
    std::fs::write(&file, "()").expect("write");
    let report = load_atlas(Some(&file));
    assert!(
        report
            .errors
            .iter()
            .any(|e| e.message.contains("is a file, not a folder")),
        "{:?}",
        report.errors
    );
}
