//! `--format github`: GitHub Actions workflow commands, one per finding, so
//! that a round kept in git shows its problems on the lines of a pull
//! request (SPEC §8).

use std::io::Write;

use crate::check::Report;
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::Emitter;
use crate::render::human::{Style, closing_line};

pub struct Github<W> {
    pub out: W,
    pub style: Style,
}

/// A workflow command's message: `%`, CR and LF escaped.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: `:` and `,` escaped too.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The path as the user can open it from where they ran kh: the root they
/// named joined with the root-relative path.
pub fn user_path(root: &str, rel: &str) -> String {
    match root {
        "." | "" => rel.to_string(),
        _ => format!("{}/{rel}", root.trim_end_matches('/')),
    }
}

impl<W: Write> Emitter for Github<W> {
    fn diagnostic(&mut self, report: &Report, d: &Diagnostic) -> std::io::Result<()> {
        let command = match d.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note if self.style.verbose => "notice",
            Severity::Note => return Ok(()),
        };
        for d in d.expand() {
            self.one(report, &d, command)?;
        }
        Ok(())
    }

    fn end(&mut self, report: &Report) -> std::io::Result<()> {
        writeln!(self.out, "{}", closing_line(report, self.style))
    }
}

impl<W: Write> Github<W> {
    fn one(&mut self, report: &Report, d: &Diagnostic, command: &str) -> std::io::Result<()> {
        // Escape sequences and bidirectional overrides in a file name are
        // shown as escapes, never passed to the log raw.
        let file = user_path(&report.root_display, &d.path);
        let mut props = format!("file={}", property(&crate::text::escape_controls(&file)));
        if let Some(loc) = &d.location {
            props.push_str(&format!(",line={},col={}", loc.line, loc.column));
        }
        props.push_str(&format!(
            ",title={}",
            property(&format!("kh {}", d.rule().code()))
        ));
        let lang = self.style.lang;
        let mut message = crate::text::escape_controls(&d.message(lang)).into_owned();
        if let Some(help) = &d.help(lang) {
            let label = self.style.lang.pick("gợi ý", "help");
            message.push_str(&format!(
                "\n{label}: {}",
                crate::text::escape_controls(help)
            ));
        }
        writeln!(self.out, "::{command} {props}::{}", data(&message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_asks() {
        assert_eq!(data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(user_path(".", "u/a.toml"), "u/a.toml");
        assert_eq!(
            user_path("rounds/2023/", "u/a.toml"),
            "rounds/2023/u/a.toml"
        );
    }
}
