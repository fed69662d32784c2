//! Embeds every file in `data/muscles/` so that adding a muscle is adding a file.
//! Writes `$OUT_DIR/embedded_muscles.rs`: a list of (name, text) pairs, sorted by name.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data/muscles");
    let dir = Path::new("data/muscles");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| {
                    std::path::Path::new(n)
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
            "    (\"data/muscles/{name}\", include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/data/muscles/{name}\"))),"
        );
    }
    code.push_str("]\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("embedded_muscles.rs");
    std::fs::write(out, code).expect("write the embedded muscle list");
}
