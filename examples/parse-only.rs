//! Walk, read and parse every `.toml` file as TOML on all cores, checking no
//! rule. `cargo run --release --example parse-only -- DIR`

use rayon::prelude::*;

#[path = "support/toml_files.rs"]
mod support;

fn main() {
    let root = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let files = support::toml_files(&root);
    let parsed: usize = files
        .par_iter()
        .filter(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            toml::de::DeTable::parse(&text).is_ok()
        })
        .count();
    println!("{} files, {parsed} parsed", files.len());
}
