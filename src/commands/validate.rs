//! `kh validate [PATH]`.

use std::path::Path;

use anyhow::Result;

use crate::check::{self, Options};
use crate::render::github::Github;
use crate::render::human::{Human, Style};
use crate::render::json::Json;
use crate::render::sarif::{self, Sarif};
use crate::render::{self, Emitter};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    /// GitHub Actions workflow commands (annotations on a pull request).
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
}

/// What makes a run fail besides its errors.
#[derive(Clone, Copy, Debug, Default)]
pub struct Gate {
    /// A warning fails the run too.
    pub strict: bool,
    /// A path with no nomination file is no error (`no-nominations` off).
    pub allow_empty: bool,
}

/// Runs the check and writes it as it goes; returns whether the run fails
/// (an error, or a warning under `strict`).
pub fn run(path: &Path, format: Format, gate: Gate, style: Style, opts: Options) -> Result<bool> {
    let mut report = check::run(path, opts)?;
    if gate.allow_empty {
        report
            .diagnostics
            .retain(|d| d.rule != crate::diagnostic::Rule::NoNominations);
    }
    let strict = gate.strict;
    render::stdout_quietly(|out| {
        let mut emitter: Box<dyn Emitter + '_> = match format {
            Format::Human => Box::new(Human::new(out, style, &report)),
            Format::Json => Box::new(Json::new(out, style.lang)),
            Format::Github => Box::new(Github { out, style }),
            Format::Sarif => Box::new(Sarif::new(
                out,
                style.lang,
                style.verbose,
                sarif::root_uri(&report.root),
            )),
        };
        render::emit(&report, emitter.as_mut())
    })?;
    let tally = report.tally();
    Ok(tally.errors > 0 || (strict && tally.warnings > 0))
}
