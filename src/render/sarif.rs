//! `--format sarif`: one SARIF 2.1.0 log for code-scanning tools (SPEC §8),
//! with every rule described from `kh explain` and a result per finding.

use std::io::Write;

use serde_json::{Value, json};

use crate::check::Report;
use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::explain;
use crate::lang::Lang;
use crate::render::Emitter;

pub struct Sarif<W> {
    pub out: W,
    pub lang: Lang,
    /// The root as an absolute `file://` URI, for `%SRCROOT%`.
    pub root_uri: Option<String>,
    first: bool,
}

impl<W> Sarif<W> {
    /// A result per diagnostic, notes too (level `note`), as SPEC §8 says:
    /// code scanning filters by level, not kh.
    pub fn new(out: W, lang: Lang, root_uri: Option<String>) -> Self {
        Sarif {
            out,
            lang,
            root_uri,
            first: true,
        }
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A rule as a SARIF `reportingDescriptor`.
fn descriptor(rule: Rule, lang: Lang) -> Value {
    let t = explain::of(rule).text(lang);
    json!({
        "id": rule.code(),
        "shortDescription": {"text": t.what},
        "fullDescription": {"text": format!("{} {} {}", t.what, lang.pick("Căn cứ:", "Source:"), t.source)},
        "help": {"text": t.fix},
        "defaultConfiguration": {"level": level(rule.severity())},
    })
}

/// A path as a relative URI reference: each part percent-encoded.
fn uri(rel: &str) -> String {
    let mut out = String::new();
    for b in rel.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The root as a `file://` URI ending in `/`.
pub fn root_uri(root: &std::path::Path) -> Option<String> {
    let abs = std::fs::canonicalize(root).ok()?;
    let s = abs.to_str()?.replace('\\', "/");
    let s = if s.starts_with('/') {
        s
    } else {
        format!("/{s}")
    };
    Some(format!("file://{}/", uri(s.trim_end_matches('/'))))
}

impl<W: Write> Emitter for Sarif<W> {
    fn begin(&mut self, _report: &Report) -> std::io::Result<()> {
        let rules: Vec<Value> = Rule::ALL
            .iter()
            .map(|r| descriptor(*r, self.lang))
            .collect();
        let driver = json!({
            "name": "kh",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        });
        let mut run = serde_json::Map::new();
        run.insert("tool".into(), json!({"driver": driver}));
        if let Some(uri) = &self.root_uri {
            run.insert(
                "originalUriBaseIds".into(),
                json!({"%SRCROOT%": {"uri": uri}}),
            );
        }
        let run = serde_json::to_string(&Value::Object(run)).unwrap_or_default();
        // The run is written open, its results streamed after it.
        let run = run.strip_suffix('}').unwrap_or(&run);
        write!(
            self.out,
            "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{run},\"results\":["
        )
    }

    fn diagnostic(&mut self, _report: &Report, d: &Diagnostic) -> std::io::Result<()> {
        for d in d.expand() {
            self.result(&d)?;
        }
        Ok(())
    }

    fn end(&mut self, _report: &Report) -> std::io::Result<()> {
        writeln!(self.out, "]}}]}}")
    }
}

impl<W: Write> Sarif<W> {
    fn result(&mut self, d: &Diagnostic) -> std::io::Result<()> {
        let mut text = d.message(self.lang);
        if let Some(help) = &d.help(self.lang) {
            text.push_str(&format!(" ({}: {help})", self.lang.pick("gợi ý", "help")));
        }
        let mut physical = json!({
            "artifactLocation": {"uri": uri(&d.path), "uriBaseId": "%SRCROOT%"},
        });
        if let Some(loc) = &d.location {
            physical["region"] = json!({"startLine": loc.line, "startColumn": loc.column});
        }
        let result = json!({
            "ruleId": d.rule().code(),
            "ruleIndex": d.rule() as usize,
            "level": level(d.severity()),
            "message": {"text": text},
            "locations": [{"physicalLocation": physical}],
        });
        let sep = if self.first { "" } else { "," };
        self.first = false;
        write!(self.out, "{sep}{result}")
    }
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_are_percent_encoded() {
        assert_eq!(uri("so-y-te/a b.toml"), "so-y-te/a%20b.toml");
        assert_eq!(uri("đ.toml"), "%C4%91.toml");
    }
}
