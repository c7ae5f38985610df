//! TOML syntax errors as a clerk can act on them: the usual causes (quotes
//! inside a text, a line break inside a text, a key written twice, a
//! missing `=` or `]`) named in plain words, pointing where the text began
//! rather than where the parser noticed.

use std::ops::Range;

use crate::messages::Syntax;
use crate::text::shown;

/// The byte range of line `n` (0-based) of `text`, without its line end.
fn line_range(text: &str, n: usize) -> Option<Range<usize>> {
    let mut start = 0;
    for (i, line) in text.split('\n').enumerate() {
        let end = start + line.len();
        if i == n {
            return Some(start..end.min(text.len()));
        }
        start = end + 1;
    }
    None
}

/// Positions of the `"` that open or close a basic string on a line (not
/// escaped, not part of `"""`), up to a comment.
fn quotes(line: &str) -> Vec<usize> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut in_string = false;
    while i < b.len() {
        match b[i] {
            b'\\' if in_string => i += 1,
            b'#' if !in_string => break,
            b'"' if b[i..].starts_with(b"\"\"\"") => return Vec::new(),
            b'\'' if !in_string => return Vec::new(),
            b'"' => {
                out.push(i);
                in_string = !in_string;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Where to point and what to call a parse error.
pub fn classify(text: &str, span: Range<usize>, raw: &str) -> (Range<usize>, Syntax) {
    let at = span.start.min(text.len());
    let line_no = text[..at].matches('\n').count();
    // A line break inside a text: the line it began on has a quote that
    // never closes.
    for n in [line_no.saturating_sub(1), line_no] {
        let Some(r) = line_range(text, n) else {
            continue;
        };
        let line = &text[r.clone()];
        let q = quotes(line);
        if q.len() % 2 == 1 && line.contains('=') && (n < line_no || raw.contains("string")) {
            let open = r.start + q[q.len() - 1];
            return (open..open + 1, Syntax::LineBreakInText);
        }
    }
    let line = line_range(text, line_no).map_or("", |r| &text[r]);
    if quotes(line).len() > 2 && line.contains('=') {
        return (span, Syntax::QuoteInText);
    }
    let key = text
        .get(span.clone())
        .map(|k| shown(k.trim()))
        .unwrap_or_default();
    let syntax = if raw.contains("duplicate key") {
        Syntax::KeyTwice(key)
    } else if raw.contains("expected `=`") {
        Syntax::MissingEquals
    } else if raw.contains("expected `]`") {
        Syntax::MissingBracket
    } else {
        Syntax::Other(shown(raw))
    };
    (span, syntax)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_causes() {
        let text = "text = \"Dòng một\ndòng hai\"\n";
        let (span, s) = classify(text, 20..21, "key with no value, expected `=`");
        assert_eq!(s, Syntax::LineBreakInText);
        assert_eq!(span.start, 7, "where the text began");
        let text = "text = \"Đạt \"Giáo viên giỏi\" cấp tỉnh\"\n";
        let (_, s) = classify(
            text,
            14..15,
            "unexpected key or value, expected newline, `#`",
        );
        assert_eq!(s, Syntax::QuoteInText);
        let (_, s) = classify("a = 1\na = 2\n", 6..7, "duplicate key");
        assert_eq!(s, Syntax::KeyTwice("a".to_string()));
        let (_, s) = classify("[nominee\n", 8..9, "unclosed table, expected `]`");
        assert_eq!(s, Syntax::MissingBracket);
        // A text in triple quotes or single quotes is not miscounted.
        assert!(quotes("text = \"\"\"a \"b\" c\"\"\"").is_empty());
        assert_eq!(quotes("a = \"x\\\"y\" # \"").len(), 2);
    }
}
