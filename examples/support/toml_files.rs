//! The `.toml` files under a folder, for the benchmark's baseline programs.
//! (Not kh's own walk: a baseline must not share the code it measures.)

use std::path::PathBuf;

pub fn toml_files(root: &str) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| e.into_path())
        .collect()
}
