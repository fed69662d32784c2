//! Embeds every file in `data/muscles/` and `data/lessons/`, so that adding one is
//! adding a file. Writes `$OUT_DIR/embedded_<folder>.rs`: (name, text) pairs, sorted.

use std::fmt::Write as _;
use std::path::Path;

fn embed(folder: &str) {
    println!("cargo:rerun-if-changed=data/{folder}");
    let mut names: Vec<String> = std::fs::read_dir(Path::new("data").join(folder))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| {
                    Path::new(n)
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from("&[\n");
    for name in &names {
        let _ = writeln!(
            code,
            "    (\"data/{folder}/{name}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/{folder}/{name}\"))),"
        );
    }
    code.push_str("]\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join(format!("embedded_{folder}.rs"));
    std::fs::write(out, code).expect("write the embedded file list");
}

fn main() {
    embed("muscles");
    embed("lessons");
}
