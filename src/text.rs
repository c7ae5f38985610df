//! Text helpers: Unicode normalization, comparison keys, slugs and
//! "did you mean" suggestions.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC form of `s`, borrowing when it already is (the common case).
pub fn nfc(s: &str) -> Cow<'_, str> {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfc().collect()),
    }
}

/// Comparison key for names: NFC, lower case, runs of white space folded to
/// one space, trimmed. "Nguyễn  Văn An" (NFD, two spaces) and "nguyễn văn an"
/// get the same key.
pub fn fold_key(s: &str) -> String {
    let lowered = nfc(s).to_lowercase();
    lowered.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key two folders' unit names are compared on (SPEC §6):
/// NFC, case-folded, "Ủy ban nhân dân" read as "UBND", a trailing "tỉnh Hà
/// Nam" left out; diacritics count.
pub fn unit_key(name: &str) -> String {
    let mut key = format!(" {} ", fold_key(name).replace(['.', ','], " "));
    for long in ["ủy ban nhân dân", "uỷ ban nhân dân"] {
        key = key.replace(&format!(" {long} "), " ubnd ");
    }
    let mut key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(short) = key.strip_suffix(" tỉnh hà nam") {
        key = short.to_string();
    }
    key
}

/// Removes Vietnamese diacritics: tones and vowel marks go, `đ` becomes `d`.
pub fn strip_diacritics(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{0300}'..='\u{036f}').contains(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            other => other,
        })
        .collect()
}

/// A file or unit slug: ASCII lower case letters and digits, `-` between
/// words. `Nguyễn Văn Ấn` → `nguyen-van-an`. Empty when nothing usable is left.
pub fn slugify(s: &str) -> String {
    let plain = strip_diacritics(s).to_lowercase();
    let mut out = String::with_capacity(plain.len());
    for c in plain.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The Vietnamese way of writing a date: 12/04/1968.
pub fn dmy(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A sort key that orders Vietnamese as its alphabet does: a ă â b c d đ e
/// ê … o ô ơ … u ư …, then the tones (none, huyền, sắc, hỏi, ngã, nặng),
/// without regard to case: "Ủy ban…" after "Trường…", "Đ" after "D".
pub fn vi_sort_key(s: &str) -> (Vec<u32>, Vec<u8>) {
    const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";
    // Letters first over the whole text, tones only to break a tie: "Nội"
    // before "Nông" (i < n), "ma" before "má".
    let mut letters = Vec::with_capacity(s.len());
    let mut tones = Vec::with_capacity(s.len());
    for c in nfc(s).to_lowercase().chars() {
        let mut base = String::new();
        let mut tone = 0u8;
        for d in c.to_string().nfd() {
            match d {
                '\u{300}' => tone = 1,
                '\u{301}' => tone = 2,
                '\u{309}' => tone = 3,
                '\u{303}' => tone = 4,
                '\u{323}' => tone = 5,
                other => base.push(other),
            }
        }
        let base: String = base.nfc().collect();
        let mut chars = base.chars();
        let letter = chars.next().unwrap_or(c);
        let order = ALPHABET
            .chars()
            .position(|a| a == letter)
            .map_or(1000 + letter as u32, |p| 100 + p as u32);
        letters.push(order);
        tones.push(tone);
    }
    (letters, tones)
}

/// A count as each language groups its thousands: 19.997 in Vietnamese,
/// 19,997 in English.
pub fn thousands(n: usize, lang: crate::lang::Lang) -> String {
    let digits = n.to_string();
    let sep = lang.pick(".", ",");
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A CSV cell that a spreadsheet would run as a formula (it begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) made inert with a
/// leading `'`, as OWASP advises against CSV injection; a plain number
/// (`-5`) is left as it is. kh's own cells never begin so.
pub fn csv_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.trim().parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// True for `[a-z0-9-]+`, the shape of every slug in a tree.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The candidate closest to `input`, when it is close enough to be a likely
/// typo (edit distance at most a third of the word, and at least 2).
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if input.len() > MAX_GUESS {
        return None;
    }
    let probe = slug_like(input);
    let limit = (probe.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&probe, &slug_like(c)), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Longest word worth guessing a typo for: past it, the comparison costs
/// more than any suggestion is worth.
const MAX_GUESS: usize = 64;

/// Case, diacritics and separators do not count when guessing a typo.
fn slug_like(s: &str) -> String {
    strip_diacritics(s).to_lowercase().replace('_', "-")
}

/// User text as a message quotes it: safe for a terminal, and cut short
/// (a value can be a megabyte long).
pub fn shown(s: &str) -> String {
    const MAX: usize = 80;
    let mut out: String = s.chars().take(MAX).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    escape_controls(&out).into_owned()
}

/// [`escape_controls`] of a string owned already: kept as it is when
/// nothing needs escaping, as almost everything.
pub fn escape_controls_owned(s: String) -> String {
    if s.chars().any(needs_escape) {
        escape_controls(&s).into_owned()
    } else {
        s
    }
}

/// A character a document or a page can hold: not a control but tab and
/// line break, not U+FFFE or U+FFFF (XML 1.0 allows neither).
pub fn printable(c: char) -> bool {
    !((c.is_control() && c != '\t' && c != '\n') || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// Makes user text safe to print on a terminal: control characters (which
/// could move the cursor or recolour the screen) are shown as escapes.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Control characters, and the bidirectional overrides and isolates
/// (U+202A–202E, U+2066–2069) that `char::is_control` does not cover but
/// that can make a line read differently from what it holds.
fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\t')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// `s` with its first letter a capital ("hộ ông …" → "Hộ ông …").
pub fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `s` with its first letter small, for a name inside a sentence.
pub fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_never_run() {
        assert_eq!(csv_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_safe("+1+2"), "'+1+2");
        assert_eq!(csv_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_safe("\tx"), "'\tx");
        assert_eq!(csv_safe("-cmd|' /C calc'!A0"), "'-cmd|' /C calc'!A0");
        assert_eq!(csv_safe("-5"), "-5");
        assert_eq!(csv_safe("Sở Y tế"), "Sở Y tế");
    }

    #[test]
    fn unit_names_are_one_unit_as_sở_nội_vụ_reads_them() {
        assert_eq!(unit_key("Sở Y tế"), unit_key("SỞ Y TẾ tỉnh Hà Nam"));
        assert_eq!(
            unit_key("Ủy ban nhân dân huyện Lý Nhân"),
            unit_key("UBND huyện  Lý Nhân")
        );
        // Diacritics count: "Sở Y tế" is not "So Y te".
        assert_ne!(unit_key("Sở Y tế"), unit_key("So Y te"));
        assert_ne!(unit_key("Sở Y tế"), unit_key("Sở Tài chính"));
    }

    #[test]
    fn thousands_are_grouped_by_language() {
        use crate::lang::Lang;
        assert_eq!(thousands(19_997, Lang::Vi), "19.997");
        assert_eq!(thousands(1_234_567, Lang::En), "1,234,567");
        assert_eq!(thousands(999, Lang::Vi), "999");
        assert_eq!(thousands(0, Lang::En), "0");
    }

    #[test]
    fn bidirectional_overrides_are_escaped() {
        let tricky = "tên\u{202E}lmth.exe\u{2066}x\u{2069}";
        let shown = escape_controls(tricky);
        assert!(
            !shown.contains('\u{202E}') && !shown.contains('\u{2066}'),
            "{shown}"
        );
        assert!(shown.contains("\\u{202e}"), "{shown}");
        assert_eq!(escape_controls("Nguyễn Văn An"), "Nguyễn Văn An");
    }

    #[test]
    fn vietnamese_alphabetical_order() {
        let mut names = vec![
            "Ủy ban MTTQ tỉnh",
            "Liên đoàn Lao động tỉnh",
            "Phòng Văn hóa huyện Kim Bảng",
            "Đoàn Thanh niên",
            "Doanh nghiệp A",
            "ăn uống",
            "an ninh",
            "Trường THPT",
            "Sở Nông nghiệp",
            "Sở Nội vụ",
        ];
        names.sort_by_key(|n| vi_sort_key(n));
        assert_eq!(
            names,
            [
                "an ninh",
                "ăn uống",
                "Doanh nghiệp A",
                "Đoàn Thanh niên",
                "Liên đoàn Lao động tỉnh",
                "Phòng Văn hóa huyện Kim Bảng",
                "Sở Nội vụ",
                "Sở Nông nghiệp",
                "Trường THPT",
                "Ủy ban MTTQ tỉnh"
            ]
        );
    }

    #[test]
    fn nfd_and_nfc_fold_to_one_key() {
        let nfd: String = "Nguyễn Văn Ấn".nfd().collect();
        assert_ne!(nfd, "Nguyễn Văn Ấn");
        assert_eq!(fold_key(&nfd), fold_key("nguyễn  văn ấn "));
    }

    #[test]
    fn slugs_drop_diacritics() {
        assert_eq!(slugify("Nguyễn Văn Ấn"), "nguyen-van-an");
        assert_eq!(slugify("Đỗ Thị Đào"), "do-thi-dao");
        assert_eq!(
            slugify("  HTX Nhân Thịnh (Lý Nhân) "),
            "htx-nhan-thinh-ly-nhan"
        );
        assert_eq!(slugify("!!! ???"), "");
    }

    #[test]
    fn slug_shape() {
        assert!(is_slug("so-y-te"));
        assert!(!is_slug("../x"));
        assert!(!is_slug("Sở"));
        assert!(!is_slug(""));
    }

    #[test]
    fn suggestions() {
        let keys = ["full_name", "birth_date", "hometown"];
        assert_eq!(closest("full_nmae", keys), Some("full_name"));
        assert_eq!(closest("zzz", keys), None);
        assert_eq!(
            closest("nong-thon-mới", ["nong-thon-moi", "linh-vuc-khac"]),
            Some("nong-thon-moi")
        );
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        let long = "ấ".repeat(1000);
        assert_eq!(shown(&long).chars().count(), 81);
        assert_eq!(shown("Sở Y tế"), "Sở Y tế");
        assert_eq!(closest(&"a".repeat(10_000), ["aaa"]), None);
    }

    #[test]
    fn controls_are_escaped() {
        assert_eq!(escape_controls("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_controls("bình thường"), "bình thường");
    }
}
