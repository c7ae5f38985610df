//! Writes the intake corpus (`tests/all/corpus`) to a folder, to open in Word
//! or LibreOffice: `cargo run --example make-corpus -- /tmp/inbox`.

#[path = "../tests/all/corpus/mod.rs"]
mod corpus;

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("cách dùng: cargo run --example make-corpus -- THƯ_MỤC");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    corpus::write_all(&dir);
    println!("{}", dir.display());
}
