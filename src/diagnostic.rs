//! The one diagnostic model every check writes to and every renderer reads.

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::lang::Lang;
use crate::messages::{UnevidencedCriteria, What};

/// Every rule code of the contract and its severity, declared once with
/// its explanation and example in `explain.rs` (#35.3).
pub use crate::explain::{Rule, Severity};

/// Where in a file a diagnostic points, worked out while the file's text was
/// at hand, so the text itself need not be kept: the line shown under a
/// diagnostic is read back only when a person is shown it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters (Unicode scalar values).
    pub column: u32,
    /// Byte span in the file. Four-byte numbers, as lines and columns: a
    /// file is at most a mebibyte (`tree::MAX_FILE_BYTES`), and a round
    /// keeps a location per finding.
    start: u32,
    end: u32,
}

/// The part of a line worth showing under a diagnostic, and the span within
/// it: all of a short line, a window around the span in a long one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The text of the line the span starts on, without its line end.
    pub source_line: String,
    /// The span, as bytes within `source_line` (clipped to it).
    pub line_span: Range<usize>,
}

impl Location {
    /// The byte span in the file.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The same place in a file where the text it was found in starts
    /// `bytes` bytes and `lines` lines in (a line's start: columns stay).
    pub fn shifted(self, bytes: usize, lines: usize) -> Location {
        let bytes = narrow(bytes);
        Location {
            line: self.line.saturating_add(narrow(lines)),
            column: self.column,
            start: self.start.saturating_add(bytes),
            end: self.end.saturating_add(bytes),
        }
    }

    /// Locates `span` in `text`. Out-of-range or mid-character spans are
    /// clamped rather than trusted.
    pub fn in_text(text: &str, span: Range<usize>) -> Location {
        LineIndex::new(text).locate(text, span)
    }
}

/// A position as stored: files are far below four gigabytes, and a wild
/// one saturates rather than wraps.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Bytes of a long line kept on each side of what a diagnostic points at:
/// a 900 KB line is shown as the part around the fault, not whole.
const CONTEXT: usize = 60;
/// Most bytes of a span shown under a marker.
const MAX_MARKED: usize = 120;

/// Where each line of a text starts, so that many diagnostics in one file
/// each find their line in logarithmic time.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    pub fn locate(&self, text: &str, span: Range<usize>) -> Location {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let line_no = self.starts.partition_point(|&s| s <= start).max(1);
        let line_start = self.starts[line_no - 1];
        let column = text[line_start..start].chars().count() + 1;
        Location {
            line: narrow(line_no),
            column: narrow(column),
            start: narrow(start),
            end: narrow(end),
        }
    }

    /// The line of `span` as it is shown under a diagnostic.
    pub fn excerpt(&self, text: &str, span: Range<usize>) -> Excerpt {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let line_no = self.starts.partition_point(|&s| s <= start).max(1);
        let line_start = self.starts[line_no - 1];
        let line_end = self
            .starts
            .get(line_no)
            .map_or(text.len(), |&next| next - 1);
        let raw_line = &text[line_start..line_end];
        let line_text = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        // The part of the line worth showing: all of it when short, a
        // window around the span when long.
        let rel_start = start - line_start;
        let rel_end =
            (end.min(line_end) - line_start).clamp(rel_start, line_text.len().max(rel_start));
        let rel_end = floor_char_boundary(
            line_text,
            rel_end.min(rel_start + MAX_MARKED).min(line_text.len()),
        );
        let from = floor_char_boundary(
            line_text,
            rel_start.min(line_text.len()).saturating_sub(CONTEXT),
        );
        let to = floor_char_boundary(line_text, (rel_end + CONTEXT).min(line_text.len()));
        let (from, to) = if line_text.len() <= 2 * CONTEXT + MAX_MARKED {
            (0, line_text.len())
        } else {
            (from, to.max(from))
        };
        let shown = &line_text[from..to];
        let rel_start = rel_start.clamp(from, to) - from;
        let rel_end = rel_end.clamp(from + rel_start, to) - from;
        Excerpt {
            source_line: shown.to_string(),
            line_span: rel_start..rel_end,
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem found: the rule it breaks, where, and what was found. It is
/// worded (in either language) only when it is printed or written.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Relative to the round's root, `/`-separated; a unit folder for a
    /// unit-level problem. Shared with the file's record and its other
    /// findings.
    pub path: Arc<str>,
    /// `None` when the diagnostic is about a whole file or unit.
    pub location: Option<Location>,
    pub what: What,
    /// Findings of the same file past the limit, told in this one's help.
    pub more: u32,
}

/// Two findings are the same when they say the same of the same place.
impl PartialEq for Diagnostic {
    fn eq(&self, other: &Self) -> bool {
        self.rule() == other.rule()
            && self.path == other.path
            && self.location == other.location
            && self.more == other.more
            && self.message(Lang::Vi) == other.message(Lang::Vi)
            && self.help(Lang::Vi) == other.help(Lang::Vi)
    }
}

impl Diagnostic {
    /// A finding about `path`; its rule, and so its code and severity,
    /// are the finding's own ([`What::rule`]), never stored apart from it.
    pub fn new(path: impl Into<Arc<str>>, what: What) -> Self {
        Diagnostic {
            path: path.into(),
            location: None,
            what,
            more: 0,
        }
    }

    /// The rule the finding breaks.
    pub fn rule(&self) -> Rule {
        self.what.rule()
    }

    pub fn severity(&self) -> Severity {
        self.rule().severity()
    }

    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    /// The unevidenced criteria of a nomination, as one finding.
    pub fn unevidenced(
        path: impl Into<Arc<str>>,
        location: Option<Location>,
        u: UnevidencedCriteria,
    ) -> Self {
        Diagnostic::new(path, What::UnevidencedCriteria(u)).at(location)
    }

    pub fn message(&self, lang: Lang) -> String {
        self.what.message(lang)
    }

    /// Whether `kh nominate edit` settles this finding by a question
    /// (SPEC §9.2): the one list both its questions and the findings'
    /// help come from.
    pub fn edit_settles(&self) -> bool {
        match (self.rule(), &self.what) {
            (
                Rule::MissingRole
                | Rule::MissingFact
                | Rule::RatingBelowRequired
                | Rule::ImportUnread
                | Rule::BirthYearOnly
                | Rule::UnevidencedCriterion,
                _,
            ) => true,
            (_, What::NoAchievement | What::WorkplaceOrResidence) => true,
            (
                Rule::MissingField | Rule::EmptyField,
                What::MissingField { key, .. } | What::EmptyField { key, .. },
            ) => {
                crate::form::nominee_field(key).is_some()
                    || crate::form::MODEL_KEYS.contains(&key.as_str())
            }
            (Rule::InvalidValue, What::BadChoice(c)) => {
                c.key == crate::form::NomineeKey::Role.key()
                    || <crate::vocab::Fact as crate::vocab::Vocab>::all()
                        .iter()
                        .any(|f| crate::vocab::Vocab::slug(*f) == c.key)
            }
            (Rule::CriterionNotMet, What::AnyOf { .. }) => true,
            _ => false,
        }
    }

    pub fn help(&self, lang: Lang) -> Option<String> {
        let mut help = self.what.help(lang);
        // How to settle it without typing TOML (SPEC §9.2); a file's own
        // findings only, where a file is named.
        if self.edit_settles() && self.path.ends_with(".toml") {
            let fix = crate::tr!(
                lang,
                "sửa: kh nominate edit {}",
                "fix: kh nominate edit {}",
                self.path
            );
            help = Some(match help {
                Some(h) => format!("{h}; {fix}"),
                None => fix,
            });
        }
        if self.more == 0 {
            return help;
        }
        let more = crate::messages::more(self.more, lang);
        Some(match help {
            Some(h) => format!("{h}; {more}"),
            None => more,
        })
    }

    /// How many diagnostics this stands for.
    pub fn count(&self) -> usize {
        self.what.count()
    }

    /// The diagnostics this stands for, in the contract's order.
    pub fn expand(&self) -> Vec<std::borrow::Cow<'_, Diagnostic>> {
        let What::UnevidencedCriteria(u) = &self.what else {
            return vec![std::borrow::Cow::Borrowed(self)];
        };
        let mut out: Vec<(String, Diagnostic)> = u
            .each()
            .map(|one| {
                // The order of their words, as `sort` orders ties: the words
                // differ first at the id, which is followed by a backquote.
                let key = one
                    .criteria()
                    .next()
                    .map_or(String::new(), |c| format!("{}`", c.id));
                let d = Diagnostic {
                    what: What::UnevidencedCriteria(one),
                    ..self.clone()
                };
                (key, d)
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out.into_iter()
            .map(|(_, d)| std::borrow::Cow::Owned(d))
            .collect()
    }

    pub fn line(&self) -> Option<usize> {
        self.location.as_ref().map(|l| l.line as usize)
    }

    pub fn column(&self) -> Option<usize> {
        self.location.as_ref().map(|l| l.column as usize)
    }

    /// Where the finding's span starts and ends, the last tie-breaker of
    /// [`order`].
    fn span_ends(&self) -> Option<(u32, u32)> {
        self.location.as_ref().map(|l| (l.start, l.end))
    }

    /// The contract's order: by path, then line (whole-file first), then
    /// column and code so that output never depends on thread scheduling.
    pub fn sort_key(&self) -> (&str, usize, usize, &'static str) {
        (
            &self.path,
            self.line().unwrap_or(0),
            self.column().unwrap_or(0),
            self.rule().code(),
        )
    }
}

/// Sorts diagnostics into the contract's order. Ties (one place, one rule)
/// are ordered by their Vietnamese words, worded only for them: the order
/// is the same whatever the language. Findings that still tie read the same
/// in every output, so an unstable sort (which, unlike a stable one, needs
/// no buffer of half the round's findings) prints the same bytes.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_unstable_by(order);
}

/// The contract's order of two findings (see [`sort`]).
pub fn order(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    a.sort_key()
        .cmp(&b.sort_key())
        .then_with(|| a.message(Lang::Vi).cmp(&b.message(Lang::Vi)))
        .then_with(|| a.help(Lang::Vi).cmp(&b.help(Lang::Vi)))
        .then_with(|| a.severity().cmp(&b.severity()))
        .then_with(|| a.span_ends().cmp(&b.span_ends()))
}

/// How many of each severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.notes += other.notes;
    }
}

impl Tally {
    pub fn of<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> Tally {
        let mut t = Tally::default();
        for d in diags {
            t.add_n(d.severity(), d.count());
        }
        t
    }

    pub fn add_n(&mut self, severity: Severity, n: usize) {
        match severity {
            Severity::Error => self.errors += n,
            Severity::Warning => self.warnings += n,
            Severity::Note => self.notes += n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for r in Rule::ALL {
            assert!(seen.insert(r.code()));
            assert!(crate::text::is_slug(r.code()));
        }
    }

    #[test]
    fn locations_count_characters_and_lines() {
        let text = "a = 1\r\nhọ = \"Nguyễn\"\n";
        let start = text.find("\"Ng").unwrap_or(0);
        let loc = Location::in_text(text, start..start + 10);
        assert_eq!(loc.line, 2);
        assert_eq!(loc.column, 6);
        let ex = LineIndex::new(text).excerpt(text, start..start + 10);
        assert_eq!(ex.source_line, "họ = \"Nguyễn\"");
        assert_eq!(&ex.source_line[ex.line_span.clone()], "\"Nguyễn\"");
    }

    #[test]
    fn long_lines_are_shown_around_the_fault() {
        let text = format!("x = \"{}ấn{}\"\n", "a".repeat(5000), "b".repeat(5000));
        let at = text.find('ấ').unwrap_or(0);
        let loc = Location::in_text(&text, at..at + 3);
        assert_eq!(loc.line, 1);
        assert_eq!(loc.column, 5006);
        let ex = LineIndex::new(&text).excerpt(&text, at..at + 3);
        assert!(ex.source_line.len() < 300, "{}", ex.source_line.len());
        assert_eq!(&ex.source_line[ex.line_span.clone()], "ấ");
    }

    #[test]
    fn lines_found_by_the_index() {
        let text = "a\nb\n\nđ = 1\n";
        let idx = LineIndex::new(text);
        let at = text.find('đ').unwrap_or(0);
        let loc = idx.locate(text, at..at + 2);
        assert_eq!((loc.line, loc.column), (4, 1));
        assert_eq!(idx.locate(text, 0..1).line, 1);
        assert_eq!(idx.locate(text, text.len()..text.len()).line, 5);
    }

    #[test]
    #[allow(clippy::reversed_empty_ranges)]
    fn wild_spans_are_clamped() {
        let loc = Location::in_text("ấn", 1..99);
        assert_eq!(loc.line, 1);
        assert_eq!(loc.column, 1);
        let loc = Location::in_text("", 5..2);
        assert_eq!((loc.line, loc.column), (1, 1));
    }
}
