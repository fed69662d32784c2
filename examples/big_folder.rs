//! Writes a large data folder for `scripts/startup.sh`: `cargo run --release --example
//! big_folder -- DIR [COUNT]` puts COUNT (default 5,000) muscle files, copies of the
//! shipped ones under new ids, into `DIR/muscles/`.

#[path = "../tests/atlas/big_folder.rs"]
mod big_folder;

fn main() {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: big_folder DIR [COUNT]");
        std::process::exit(2);
    };
    let count = args
        .next()
        .and_then(|n| n.to_str()?.parse().ok())
        .unwrap_or(5_000);
    big_folder::write_copies(std::path::Path::new(&dir), count);
}
