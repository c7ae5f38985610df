//! The floor for benchmarks: walk a round and read every `.toml` file on all
//! cores, parsing nothing. `cargo run --release --example walk-read -- DIR`

use rayon::prelude::*;

#[path = "support/toml_files.rs"]
mod support;

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let files = support::toml_files(&root);
    let bytes: usize = files
        .par_iter()
        .map(|p| std::fs::read(p).map_or(0, |b| b.len()))
        .sum();
    println!("{} files, {bytes} bytes", files.len());
}
