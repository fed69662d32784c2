//! A large data folder for the tests, `cargo bench --bench folder` and
//! `scripts/startup.sh` (through `examples/big_folder.rs`): copies of the shipped
//! muscle files under new ids and names, as a clinic or a course might add its own
//! variants. Each copy is a valid muscle file in `muscles/`.

use std::path::Path;

/// Writes `count` muscle files into `dir/muscles/`: copy `n` of shipped file
/// `data/muscles/<id>.ron` gets the id `<id>_copy_<n>` and the name `<Name> (copy n)`.
///
/// # Panics
/// The folder cannot be written.
pub fn write_copies(dir: &Path, count: usize) {
    let muscles = dir.join("muscles");
    std::fs::create_dir_all(&muscles).expect("create the muscles folder");
    let (_, shipped) = trigger_atlas::io::embedded_sources();
    for n in 0..count {
        let src = &shipped[n % shipped.len()];
        let id = src
            .name
            .rsplit('/')
            .next()
            .and_then(|f| f.strip_suffix(".ron"))
            .expect("a .ron file");
        let text = src.text.replacen(
            &format!("id: \"{id}\""),
            &format!("id: \"{id}_copy_{n}\""),
            1,
        );
        let text = match text.split_once("\n    name: \"") {
            Some((head, rest)) => {
                let (name, tail) = rest.split_once('"').expect("a closed name");
                format!("{head}\n    name: \"{name} (copy {n})\"{tail}")
            }
            None => text,
        };
        assert!(
            text.contains(&format!("id: \"{id}_copy_{n}\"")),
            "{id}: its id is written as `id: \"{id}\"`"
        );
        std::fs::write(muscles.join(format!("{id}_copy_{n:05}.ron")), text)
            .expect("write a muscle file");
    }
}
