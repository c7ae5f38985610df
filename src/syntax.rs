//! TOML syntax errors as a clerk can act on them: the usual causes (quotes
//! inside a text, a line break inside a text, a key written twice, a
//! missing `=` or `]`) named in plain words, pointing where the text began
//! rather than where the parser noticed.

use std::ops::Range;

use crate::lang::Lang;
use crate::text::shown;
use crate::tr;

/// What to tell about a parse error.
pub struct Explained {
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

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

pub fn explain(text: &str, span: Range<usize>, raw: &str, lang: Lang) -> Explained {
    let at = span.start.min(text.len());
    let line_no = text[..at].matches('\n').count();
    let raw_shown = shown(raw);
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
            return Explained {
                span: open..open + 1,
                message: lang
                    .pick(
                        "Văn bản xuống dòng khi chưa đóng dấu ngoặc kép",
                        "A text runs onto the next line before its closing quote",
                    )
                    .to_string(),
                help: Some(
                    lang.pick(
                        "văn bản nhiều dòng viết trong ba dấu ngoặc kép: text = \"\"\"…\"\"\"; hoặc đóng dấu \" ở cuối dòng",
                        "a text over several lines goes in triple quotes: text = \"\"\"…\"\"\"; or close the \" at the end of the line",
                    )
                    .to_string(),
                ),
            };
        }
    }
    let line = line_range(text, line_no).map_or("", |r| &text[r]);
    let q = quotes(line);
    if q.len() > 2 && line.contains('=') {
        return Explained {
            span,
            message: lang
                .pick(
                    "Văn bản có dấu ngoặc kép \" ở bên trong",
                    "A text has a double quote \" inside it",
                )
                .to_string(),
            help: Some(
                lang.pick(
                    "trong văn bản, dùng ngoặc kép “ ” thay cho \", hoặc viết cả văn bản trong '''…''' (ba dấu nháy đơn)",
                    "inside the text use “ ” instead of \", or write the whole text in '''…''' (three single quotes)",
                )
                .to_string(),
            ),
        };
    }
    let key = text
        .get(span.clone())
        .map(|k| shown(k.trim()))
        .unwrap_or_default();
    let (message, help) = if raw.contains("duplicate key") {
        (
            tr!(
                lang,
                "Trường `{key}` được ghi hai lần",
                "Field `{key}` is written twice"
            ),
            lang.pick(
                "giữ một dòng, xóa dòng kia",
                "keep one line, remove the other",
            )
            .to_string(),
        )
    } else if raw.contains("expected `=`") {
        (
            lang.pick(
                "Thiếu dấu = giữa tên trường và giá trị",
                "An = is missing between the key and its value",
            )
            .to_string(),
            lang.pick("viết: ten_truong = \"giá trị\"", "write: key = \"value\"")
                .to_string(),
        )
    } else if raw.contains("expected `]`") {
        (
            lang.pick(
                "Thiếu dấu ] đóng tên bảng",
                "A ] is missing at the end of a table header",
            )
            .to_string(),
            lang.pick(
                "viết tên bảng trong ngoặc vuông, ví dụ [nominee] hoặc [[achievements]]",
                "write the table header in brackets, as in [nominee] or [[achievements]]",
            )
            .to_string(),
        )
    } else {
        (
            lang.pick("Tệp TOML sai cú pháp ở đây", "The TOML does not parse here")
                .to_string(),
            tr!(
                lang,
                "kiểm tra dấu ngoặc kép, dấu = và ngoặc vuông ở dòng này (trình đọc TOML báo: {raw_shown})",
                "check the quotes, = signs and brackets on this line (the TOML reader says: {raw_shown})"
            ),
        )
    };
    Explained {
        span,
        message,
        help: Some(help),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_causes() {
        let text = "text = \"Dòng một\ndòng hai\"\n";
        let e = explain(text, 20..21, "key with no value, expected `=`", Lang::Vi);
        assert!(e.message.contains("xuống dòng"), "{}", e.message);
        assert_eq!(e.span.start, 7, "where the text began");
        let text = "text = \"Đạt \"Giáo viên giỏi\" cấp tỉnh\"\n";
        let e = explain(
            text,
            14..15,
            "unexpected key or value, expected newline, `#`",
            Lang::Vi,
        );
        assert!(e.message.contains("ngoặc kép"), "{}", e.message);
        let e = explain("a = 1\na = 2\n", 6..7, "duplicate key", Lang::Vi);
        assert_eq!(e.message, "Trường `a` được ghi hai lần");
        let e = explain("[nominee\n", 8..9, "unclosed table, expected `]`", Lang::En);
        assert!(e.message.contains("]"));
        // A text in triple quotes or single quotes is not miscounted.
        assert!(quotes("text = \"\"\"a \"b\" c\"\"\"").is_empty());
        assert_eq!(quotes("a = \"x\\\"y\" # \"").len(), 2);
    }
}
