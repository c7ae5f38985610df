//! `--format json` for `kh validate`, exactly as SPEC §8 has it, written as
//! it goes: the header and counts first, then one diagnostic at a time.

use std::io::Write;

use serde::Serialize;

use crate::check::Report;
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::Emitter;

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
    message: String,
}

pub struct Json<W> {
    pub out: W,
    lang: crate::lang::Lang,
    first: bool,
}

impl<W> Json<W> {
    pub fn new(out: W, lang: crate::lang::Lang) -> Self {
        Json {
            out,
            lang,
            first: true,
        }
    }
}

/// `value` pretty-printed as serde_json would inside a document, each line
/// after the first indented by `indent`.
fn pretty(value: &impl Serialize, indent: &str) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.replace('\n', &format!("\n{indent}"))
}

impl<W: Write> Emitter for Json<W> {
    fn begin(&mut self, report: &Report) -> std::io::Result<()> {
        let tally = report.tally();
        let settings = SettingsOut {
            year: report.settings.year,
            as_of: report.settings.as_of.format("%Y-%m-%d").to_string(),
            from_kh_toml: report.settings.from_kh_toml,
        };
        let counts = Counts {
            units: report.units.len(),
            nominations: report.records.len(),
            errors: tally.errors,
            warnings: tally.warnings,
            notes: tally.notes,
        };
        write!(
            self.out,
            "{{\n  \"root\": {},\n  \"settings\": {},\n  \"counts\": {},\n  \"diagnostics\": [",
            pretty(&report.root_display, "  "),
            pretty(&settings, "  "),
            pretty(&counts, "  "),
        )
    }

    fn diagnostic(&mut self, _report: &Report, d: &Diagnostic) -> std::io::Result<()> {
        for d in d.expand() {
            let item = Item {
                rule: d.rule().code(),
                severity: d.severity(),
                path: &d.path,
                line: d.line(),
                column: d.column(),
                message: d.message(self.lang),
            };
            let sep = if self.first { "" } else { "," };
            self.first = false;
            write!(self.out, "{sep}\n    {}", pretty(&item, "    "))?;
        }
        Ok(())
    }

    fn end(&mut self, _report: &Report) -> std::io::Result<()> {
        if self.first {
            writeln!(self.out, "]\n}}")
        } else {
            writeln!(self.out, "\n  ]\n}}")
        }
    }
}
