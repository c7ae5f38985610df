//! Diagnostics for people: `path:line:column`, the rule code, the message,
//! and the source line with a marker under what is wrong, rendered by
//! annotate-snippets (the renderer rustc and cargo use).

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::check::Report;
use crate::diagnostic::{Diagnostic, Excerpt, LineIndex, Severity, Tally};
use crate::lang::Lang;
use crate::render::Emitter;
use crate::text::escape_controls;
use crate::tr;
use crate::tree::{self, Entry, EntryKind};

#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub lang: Lang,
    /// ANSI colours and Unicode box drawing (a terminal that wants them).
    pub color: bool,
    /// Show notes too.
    pub verbose: bool,
}

/// The lines diagnostics point at, read back from their files when a person
/// is shown them (diagnostics keep only positions). Diagnostics come sorted
/// by path, so one file is held at a time.
pub struct Sources {
    root: std::path::PathBuf,
    current: Option<(String, String, LineIndex)>,
}

impl Sources {
    pub fn new(root: &std::path::Path) -> Self {
        Sources {
            root: root.to_path_buf(),
            current: None,
        }
    }

    /// The excerpt under `d`, when its file can still be read as it was
    /// checked (the same guards: no link, no special file, at most 1 MiB).
    pub fn excerpt(&mut self, d: &Diagnostic) -> Option<Excerpt> {
        let loc = d.location.as_ref()?;
        if self.current.as_ref().is_none_or(|(p, _, _)| **p != *d.path) {
            let entry = Entry::new(&self.root, &self.root.join(&*d.path), EntryKind::File);
            let text = match tree::read_bytes(&self.root, &entry) {
                Ok(mut bytes) => {
                    if bytes.starts_with(b"\xEF\xBB\xBF") {
                        bytes.drain(..3);
                    }
                    // A file that is not UTF-8 is shown as its checker saw it.
                    String::from_utf8_lossy(&bytes).into_owned()
                }
                Err(_) => String::new(),
            };
            let index = LineIndex::new(&text);
            self.current = Some((d.path.to_string(), text, index));
        }
        let (_, text, index) = self.current.as_ref()?;
        if text.is_empty() {
            return None;
        }
        Some(index.excerpt(text, loc.span()))
    }
}

/// The diagnostics a person sees, then what the round was judged by and
/// the closing line.
pub struct Human<W> {
    pub out: W,
    pub style: Style,
    pub sources: Sources,
}

impl<W> Human<W> {
    pub fn new(out: W, style: Style, report: &Report) -> Self {
        Human {
            out,
            style,
            sources: Sources::new(&report.root),
        }
    }
}

impl<W: std::io::Write> Emitter for Human<W> {
    fn diagnostic(&mut self, _report: &Report, d: &Diagnostic) -> std::io::Result<()> {
        // A hidden note is counted, never worded.
        if d.severity() == Severity::Note && !self.style.verbose {
            return Ok(());
        }
        for one in d.expand() {
            let excerpt = self.sources.excerpt(&one);
            write!(
                self.out,
                "{}\n\n",
                render_one(&one, excerpt.as_ref(), self.style)
            )?;
        }
        Ok(())
    }

    fn end(&mut self, report: &Report) -> std::io::Result<()> {
        let lang = self.style.lang;
        if self.style.verbose && !report.skipped.is_empty() {
            // Other files beside the nominations are fine (scans, PDFs);
            // a reviewer who asks sees which were left unread.
            const SHOWN: usize = 20;
            let n = report.skipped.len();
            let list: Vec<String> = report
                .skipped
                .iter()
                .take(SHOWN)
                .map(|p| escape_controls(p).into_owned())
                .collect();
            let more = if n > SHOWN {
                tr!(lang, " và {} tệp khác", " and {} more", n - SHOWN)
            } else {
                String::new()
            };
            writeln!(
                self.out,
                "{}",
                tr!(
                    lang,
                    "Không đọc {n} tệp không phải .toml (bản quét, PDF, Word…): {}{more}",
                    "Left unread {n} files that are not .toml (scans, PDFs, Word…): {}{more}",
                    list.join(", ")
                )
            )?;
        }
        writeln!(self.out, "{}", report.settings.describe(lang))?;
        // The files `kh nominate edit` can finish by its questions (SPEC
        // §9.2): those with an error or warning it settles.
        let mut files: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity() != crate::diagnostic::Severity::Note && d.edit_settles())
            .map(|d| &*d.path)
            .filter(|p| p.ends_with(".toml"))
            .collect();
        files.sort_unstable();
        files.dedup();
        if !files.is_empty() {
            writeln!(
                self.out,
                "{}",
                tr!(
                    lang,
                    "kh nominate edit hoàn thiện được {} tệp bằng cách trả lời câu hỏi, không cần gõ TOML: kh nominate edit {}",
                    "kh nominate edit can finish {} files by answering questions, no TOML typed: kh nominate edit {}",
                    files.len(),
                    escape_controls(&report.root_display)
                )
            )?;
        }
        writeln!(self.out, "{}", closing_line(report, self.style))
    }
}

pub fn render_one(d: &Diagnostic, excerpt: Option<&Excerpt>, style: Style) -> String {
    let lang = style.lang;
    let level = match d.severity() {
        Severity::Error => named(Level::ERROR, lang, "lỗi"),
        Severity::Warning => named(Level::WARNING, lang, "cảnh báo"),
        Severity::Note => named(Level::NOTE, lang, "ghi chú"),
    };
    let path = escape_controls(&d.path).into_owned();
    let message = escape_controls(&d.message(lang)).into_owned();
    let title = level.primary_title(message).id(d.rule().code());
    let mut group = match (&d.location, excerpt) {
        (Some(loc), Some(ex)) if !ex.source_line.trim().is_empty() => {
            let line = printable(&ex.source_line);
            let span = widen(&line, ex.line_span.clone());
            title.element(
                Snippet::source(line)
                    .line_start(loc.line as usize)
                    .path(path)
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        (Some(loc), _) => title.element(
            Origin::path(path)
                .line(loc.line as usize)
                .char_column(loc.column as usize),
        ),
        (None, _) => title.element(Origin::path(path)),
    };
    if let Some(help) = &d.help(lang) {
        let help = escape_controls(help).into_owned();
        group = group.element(named(Level::HELP, lang, "gợi ý").message(help));
    }
    let renderer = if style.color {
        Renderer::styled().decor_style(DecorStyle::Unicode)
    } else {
        Renderer::plain()
    };
    renderer.render(&[group as Group<'_>])
}

/// The level under its Vietnamese name; English keeps the renderer's own.
fn named(level: Level<'static>, lang: Lang, vi: &'static str) -> Level<'static> {
    match lang {
        Lang::Vi => level.with_name(vi),
        Lang::En => level,
    }
}

/// The source line with control characters shown as `?`, byte for byte,
/// so the marker's span still fits and a crafted file cannot drive the
/// reviewer's terminal.
fn printable(line: &str) -> String {
    line.chars()
        .map(|c| {
            let bidi =
                ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
            if (c.is_control() && c != '\t') || bidi {
                "?".repeat(c.len_utf8())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A marker needs at least one character under it.
fn widen(line: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    if span.start < span.end || span.start >= line.len() {
        return span;
    }
    let next = line[span.start..].chars().next().map_or(0, char::len_utf8);
    span.start..span.start + next
}

pub fn closing_line(report: &Report, style: Style) -> String {
    let lang = style.lang;
    let Tally {
        errors,
        warnings,
        notes,
    } = report.tally();
    let (n, u) = (report.records.len(), report.units.len());
    let hidden = if notes > 0 && !style.verbose {
        lang.pick(" (xem ghi chú: --verbose)", " (see them with --verbose)")
    } else {
        ""
    };
    match lang {
        Lang::Vi => format!(
            "Đã kiểm tra {n} đề nghị của {u} đơn vị: {errors} lỗi, {warnings} cảnh báo, {notes} ghi chú{hidden}."
        ),
        // English counts take their plural only where there is more than one.
        Lang::En => format!(
            "Checked {} from {}: {}, {}, {}{hidden}.",
            plural(n, "nomination"),
            plural(u, "unit"),
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(notes, "note")
        ),
    }
}

/// "1 unit", "2 units".
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Location;
    use crate::messages::{CampaignHint, What};

    #[test]
    fn points_at_the_value() {
        let text = "campaign = \"nong-thon-moy\"\n";
        let d = Diagnostic::new(
            "a/b.toml",
            What::UnknownCampaign {
                given: "nong-thon-moy".into(),
                hint: CampaignHint::Closest("nong-thon-moi"),
            },
        )
        .at(Some(Location::in_text(text, 11..26)));
        let ex = LineIndex::new(text).excerpt(text, 11..26);
        let out = render_one(
            &d,
            Some(&ex),
            Style {
                lang: Lang::Vi,
                color: false,
                verbose: false,
            },
        );
        assert!(
            out.contains("lỗi[unknown-campaign]: Không có phong trào `nong-thon-moy`"),
            "{out}"
        );
        assert!(out.contains("a/b.toml:1:12"), "{out}");
        assert!(out.contains("^^^^^^^^^^^^^^^"), "{out}");
        assert!(out.contains("gợi ý: có phải là `nong-thon-moi`?"), "{out}");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let text = "name = \"\u{1b}[2J\"\n";
        let d = Diagnostic::new(
            "x\u{1b}.toml",
            What::TooLarge {
                key: "m\u{7}".into(),
            },
        )
        .at(Some(Location::in_text(text, 7..13)));
        let ex = LineIndex::new(text).excerpt(text, 7..13);
        let out = render_one(
            &d,
            Some(&ex),
            Style {
                lang: Lang::En,
                color: false,
                verbose: false,
            },
        );
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    }
}
