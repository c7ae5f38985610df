//! `kh validate [PATH]`.

use std::path::Path;

use anyhow::Result;

use crate::check::{self, Options};
use crate::render::{self, human::Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// Runs the check and prints it; returns whether the run fails (an error,
/// or a warning under `strict`).
pub fn run(path: &Path, format: Format, strict: bool, style: Style, opts: Options) -> Result<bool> {
    let report = check::run(path, opts)?;
    let out = match format {
        Format::Human => render::human::render(&report, style),
        Format::Json => render::json::render(&report) + "\n",
    };
    crate::cli::print(&out)?;
    let tally = report.tally();
    Ok(tally.errors > 0 || (strict && tally.warnings > 0))
}
