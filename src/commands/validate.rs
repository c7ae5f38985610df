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
            .retain(|d| d.rule() != crate::diagnostic::Rule::NoNominations);
    }
    let strict = gate.strict;
    render::stdout_quietly(|out| {
        let mut emitter: Box<dyn Emitter + '_> = match format {
            Format::Human => Box::new(Human::new(out, style, &report)),
            Format::Json => Box::new(Json::new(out, style.lang)),
            Format::Github => Box::new(Github { out, style }),
            Format::Sarif => Box::new(Sarif::new(out, style.lang, sarif::root_uri(&report.root))),
        };
        render::emit(&report, emitter.as_mut())
    })?;
    let tally = report.tally();
    Ok(tally.errors > 0 || (strict && tally.warnings > 0))
}

/// What `kh validate` takes.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Thư mục gốc của đợt, thư mục đơn vị, hoặc một tệp .toml
    #[arg(default_value = ".")]
    pub path: std::path::PathBuf,
    /// Định dạng kết quả: human | json | github (chú thích GitHub Actions) | sarif (SARIF 2.1.0)
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Coi cảnh báo như lỗi (exit 1 khi có cảnh báo)
    #[arg(long)]
    pub strict: bool,
    /// Không báo lỗi khi không có tệp đề nghị nào (cho kịch bản tự động)
    #[arg(long)]
    pub allow_empty: bool,
    /// Hiện cả ghi chú
    #[arg(short, long)]
    pub verbose: bool,
}

/// The English of `kh validate`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "Check a round, a unit or one nomination file",
    options: &[
        (
            "path",
            "Root of the round, a unit folder, or one .toml file",
        ),
        (
            "format",
            "Output format: human | json | github (GitHub Actions annotations) | sarif (SARIF 2.1.0)",
        ),
        ("strict", "Treat warnings as errors (exit 1 on a warning)"),
        (
            "allow_empty",
            "No error when there is no nomination file at all (for scripts)",
        ),
        ("verbose", "Show notes too"),
    ],
};
