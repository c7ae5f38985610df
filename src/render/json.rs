//! `--format json` for `kh validate`, exactly as SPEC §8 has it.

use serde::Serialize;

use crate::check::Report;
use crate::diagnostic::{Diagnostic, Severity};

#[derive(Serialize)]
struct Document<'a> {
    root: &'a str,
    settings: SettingsOut,
    counts: Counts,
    diagnostics: Vec<Item<'a>>,
}

/// What the round was judged by (SPEC §8, added).
#[derive(Serialize)]
struct SettingsOut {
    year: i32,
    as_of: String,
    from_kh_toml: bool,
}

#[derive(Serialize)]
struct Counts {
    units: usize,
    nominations: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

#[derive(Serialize)]
struct Item<'a> {
    rule: &'static str,
    severity: Severity,
    path: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
}

impl<'a> From<&'a Diagnostic> for Item<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        Item {
            rule: d.rule.code(),
            severity: d.severity,
            path: &d.path,
            line: d.line(),
            column: d.column(),
            message: &d.message,
        }
    }
}

pub fn render(report: &Report) -> String {
    let tally = report.tally();
    let doc = Document {
        root: &report.root,
        settings: SettingsOut {
            year: report.settings.year,
            as_of: report.settings.as_of.format("%Y-%m-%d").to_string(),
            from_kh_toml: report.settings.from_kh_toml,
        },
        counts: Counts {
            units: report.units.len(),
            nominations: report.records.len(),
            errors: tally.errors,
            warnings: tally.warnings,
            notes: tally.notes,
        },
        diagnostics: report.diagnostics.iter().map(Item::from).collect(),
    };
    // Serialising plain strings and numbers cannot fail.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
