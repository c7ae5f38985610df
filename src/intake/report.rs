//! A "báo cáo thành tích" as units type it, read by its labels the way a
//! person reads it (SPEC §15): the issuing body at the top left, the title
//! and the campaign it names, then the three sections of the plan's form.

use crate::form::NomineeKey;
use chrono::NaiveDate;

use super::wordml::Block;
use crate::campaign::{CAMPAIGNS, Campaign};
use crate::template::DraftAward;
use crate::text::{nfc, slugify};
use crate::vocab::{Kind, Scope};

/// A campaign as the text names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Named {
    One(Campaign),
    Two(Campaign, Campaign),
    /// A movement none of the plan's campaigns is: `linh-vuc-khac`.
    Other(String),
    Nothing,
}

/// What a report says, before the unit is settled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The issuing body's lines at the top left, top first.
    pub header: Vec<String>,
    /// The nomination's fields as the page gives them.
    pub fields: super::Fields,
    /// Any line of the form was recognised.
    pub recognised: bool,
    /// The text before section 1 (the title block), where the campaign is
    /// named: read by [`read`], left to the caller by [`read_page`].
    pub title_block: String,
}

/// Lower case, no diacritics, punctuation as spaces, spaces folded: how
/// labels and titles are compared.
pub fn fold(s: &str) -> String {
    // One pass (it runs on every line of every report): each letter's
    // base, lower-cased; marks dropped; anything else one space.
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    let mut put = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            gap = true;
        }
    };
    for c in s.chars() {
        match c {
            _ if c.is_ascii() => put(c, &mut out),
            'đ' | 'Đ' => put('d', &mut out),
            '\u{300}'..='\u{36f}' => {}
            _ => unicode_normalization::char::decompose_canonical(c, |d| {
                if !('\u{300}'..='\u{36f}').contains(&d) {
                    put(d, &mut out);
                }
            }),
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Before,
    One,
    Two,
    Three,
    After,
}

/// A field a label names; `Combined` is "Chức vụ, đơn vị công tác (hoặc hộ
/// khẩu thường trú)".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Key(NomineeKey),
    /// "Họ và tên chủ hộ": the name, and a household's form.
    Head,
    Combined,
    ProposedAward,
    Scope,
}

/// The form's labels and their usual variants, folded; the longest that a
/// label starts with wins.
const LABELS: &[(&str, Target)] = &[
    ("ten tap the", Target::Key(NomineeKey::Name)),
    ("ten don vi", Target::Key(NomineeKey::Name)),
    ("qua trinh thanh lap", Target::Key(NomineeKey::Founded)),
    ("qua trinh hinh thanh", Target::Key(NomineeKey::Founded)),
    ("co cau bo may to chuc", Target::Key(NomineeKey::Structure)),
    ("co cau bo may", Target::Key(NomineeKey::Structure)),
    ("co cau to chuc", Target::Key(NomineeKey::Structure)),
    ("chuc nang nhiem vu", Target::Key(NomineeKey::Duties)),
    ("chuc nang va nhiem vu", Target::Key(NomineeKey::Duties)),
    ("dia chi", Target::Key(NomineeKey::Address)),
    ("tru so", Target::Key(NomineeKey::Address)),
    ("ho va ten chu ho", Target::Head),
    ("ho ten chu ho", Target::Head),
    ("chu ho", Target::Head),
    ("ho va ten", Target::Key(NomineeKey::FullName)),
    ("ho ten", Target::Key(NomineeKey::FullName)),
    ("ngay thang nam sinh", Target::Key(NomineeKey::BirthDate)),
    ("ngay sinh", Target::Key(NomineeKey::BirthDate)),
    ("sinh ngay", Target::Key(NomineeKey::BirthDate)),
    ("nam sinh", Target::Key(NomineeKey::BirthDate)),
    ("gioi tinh", Target::Key(NomineeKey::Gender)),
    ("que quan", Target::Key(NomineeKey::Hometown)),
    ("nguyen quan", Target::Key(NomineeKey::Hometown)),
    ("chuc vu don vi cong tac", Target::Combined),
    ("chuc vu noi cong tac", Target::Combined),
    ("chuc vu", Target::Key(NomineeKey::Position)),
    ("don vi cong tac", Target::Key(NomineeKey::Workplace)),
    ("noi cong tac", Target::Key(NomineeKey::Workplace)),
    ("co quan cong tac", Target::Key(NomineeKey::Workplace)),
    ("ho khau thuong tru", Target::Key(NomineeKey::Residence)),
    ("noi thuong tru", Target::Key(NomineeKey::Residence)),
    ("noi o hien nay", Target::Key(NomineeKey::Residence)),
    ("cho o hien nay", Target::Key(NomineeKey::Residence)),
    ("so nhan khau", Target::Key(NomineeKey::Members)),
    ("so thanh vien", Target::Key(NomineeKey::Members)),
    ("hinh thuc khen thuong de nghi", Target::ProposedAward),
    ("hinh thuc de nghi khen thuong", Target::ProposedAward),
    ("de nghi khen thuong", Target::ProposedAward),
    ("pham vi anh huong", Target::Scope),
];

/// Bullets and numbering a line may start with: "-", "+", "•", "1.", "a)".
fn strip_marker(s: &str) -> &str {
    let t = s.trim_start();
    let t = t.trim_start_matches(['-', '+', '•', '*', '–', '·', '▪', '○']);
    let t = t.trim_start();
    // "1." "1)" "a)" "a." at most three characters before the mark
    if let Some(i) = t.find(['.', ')'])
        && i > 0
        && i <= 3
        && t[..i].chars().all(|c| c.is_ascii_alphanumeric())
        && t[..i]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        && (t[..i].chars().all(|c| c.is_ascii_digit()) || i == 1)
    {
        return t[i + 1..].trim_start();
    }
    t
}

/// The filler the plan's form leaves to be typed over ("....", "…", "___")
/// gone from both ends; a sentence's own full stop kept.
pub(crate) fn clean_text(s: &str) -> String {
    let mut t = s.trim();
    loop {
        let before = t.len();
        for filler in ["..", "…", "__"] {
            while let Some(rest) = t.strip_prefix(filler) {
                t = rest.trim_start_matches(['.', '_']).trim_start();
            }
            while let Some(rest) = t.strip_suffix(filler) {
                t = rest.trim_end_matches(['.', '_']).trim_end();
            }
        }
        if t.len() == before {
            break;
        }
    }
    nfc(t).into_owned()
}

/// A field's value: its text without the filler, nor a closing full stop
/// or separator.
pub(crate) fn clean_value(s: &str) -> String {
    let t = clean_text(s);
    t.trim_end_matches(['.', ';', ',']).trim().to_string()
}

/// The label a line starts with, and its value (cleaned).
fn labelled(line: &str, bold_head: usize) -> Option<(Target, String)> {
    labelled_raw(line, bold_head, false).map(|(t, v)| (t, clean_value(v)))
}

/// The label a line starts with, and its value as typed. With `loose` (in
/// section 1), a label followed by its value with no colon, tab or bold
/// between them is read too ("Tên tập thể Ủy ban nhân dân xã …"); a line
/// that starts with a marker or a bold label is read so anywhere (SPEC
/// §15.1). A label inside a sentence never is.
fn labelled_raw(line: &str, bold_head: usize, loose: bool) -> Option<(Target, &str)> {
    let body = strip_marker(line);
    let skipped = line.len() - body.len();
    let marked = line.trim_start().len() > body.len();
    // The bold head was counted on the paragraph as Word gave it; NFC may
    // have moved its boundary off a character's (decomposed text): then
    // there is no bold label to cut there.
    let bold = bold_head > skipped && bold_head < line.len() && line.is_char_boundary(bold_head);
    let split = if let Some(i) = body.find([':', '：']) {
        let colon = body[i..].chars().next().map_or(1, char::len_utf8);
        Some((&body[..i], &body[i + colon..]))
    } else if let Some(i) = body.find('\t') {
        Some((&body[..i], &body[i + 1..]))
    } else if bold {
        Some((&line[skipped..bold_head], &line[bold_head..]))
    } else {
        None
    };
    if let Some((label, value)) = split
        && let Some(t) = target_of(label)
    {
        // "Quá trình thành lập năm 1995: theo …": words with a number after
        // the label are the value's start, not the label's (nothing cut).
        if let Some((lt, at)) = leading_label(label)
            && lt == t
            && label[at..].chars().any(|c| c.is_ascii_digit())
        {
            let start = label.len() - label[at..].trim_start_matches([' ', '-', '–']).len();
            let whole = &body[start.min(body.len())..];
            return Some((t, whole));
        }
        return Some((t, value));
    }
    if split.is_none() || bold {
        if (loose || marked || bold)
            && let Some((t, at)) = leading_label(body)
        {
            return Some((t, body[at..].trim_start_matches([' ', '-', '–', ':', '\t'])));
        }
        if split.is_none() {
            return target_of(body).map(|t| (t, ""));
        }
    }
    None
}

/// A label of the form standing first in `body` with words after it: the
/// label and where its value starts.
fn leading_label(body: &str) -> Option<(Target, usize)> {
    let head: String = body.chars().take(60).collect();
    let f = fold(&head);
    let (key, t) = LABELS
        .iter()
        .filter(|(key, _)| words_start(&f, key) && f.len() > key.len())
        .max_by_key(|(key, _)| key.len())?;
    let at = after_words(body, key.split(' ').count())?;
    (!body[at..].trim().is_empty()).then_some((*t, at))
}

/// The byte offset just past the first `n` words of `s`, words as [`fold`]
/// counts them (runs of letters and digits, their marks with them).
fn after_words(s: &str, n: usize) -> Option<usize> {
    let (mut count, mut in_word) = (0, false);
    for (i, c) in s.char_indices() {
        let w = c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c);
        if w {
            in_word = true;
        } else if in_word {
            in_word = false;
            count += 1;
            if count == n {
                return Some(i);
            }
        }
    }
    (in_word && count + 1 == n).then_some(s.len())
}

fn target_of(label: &str) -> Option<Target> {
    // A label is a few words; a sentence with a colon in it is none (and
    // is not worth folding).
    if label.chars().count() > 90 {
        return None;
    }
    // "(hoặc hộ khẩu thường trú)", "(chủ hộ)": what stands in brackets says
    // which way to read the label, not what it is.
    let bare: String = {
        let mut depth = 0usize;
        label
            .chars()
            .filter(|c| match c {
                '(' => {
                    depth += 1;
                    false
                }
                ')' => {
                    depth = depth.saturating_sub(1);
                    false
                }
                _ => depth == 0,
            })
            .collect()
    };
    let f = fold(&bare);
    if f.is_empty() || f.split(' ').count() > 8 {
        return None;
    }
    // "Họ và tên (chủ hộ)": the brackets say whose name it is.
    if bare.len() != label.len()
        && fold(label).contains("chu ho")
        && f.starts_with("ho")
        && f.contains("ten")
    {
        return Some(Target::Head);
    }
    LABELS
        .iter()
        .filter(|(key, _)| words_start(&f, key))
        .filter(|(key, _)| {
            // The label is the key and at most a few words of its own
            // ("Họ và tên khai sinh"), never a sentence that starts alike.
            f.split(' ').count() <= key.split(' ').count() + 3
        })
        .max_by_key(|(key, _)| key.len())
        .map(|(_, t)| *t)
}

/// `f` is `key`, or starts with it and a space: whole words only.
pub fn words_start(f: &str, key: &str) -> bool {
    f.starts_with(key) && matches!(f.as_bytes().get(key.len()), None | Some(b' '))
}

/// A section heading: "1. Sơ lược lý lịch", "II. THÀNH TÍCH ĐẠT ĐƯỢC".
fn heading(text: &str) -> Option<Section> {
    let t = text.trim();
    let (num, rest) = t.split_once(['.', ')', '/'])?;
    // A section's number, arabic or roman: what it says is in its words
    // (units renumber, and add a fourth), so the number only marks a heading.
    if !matches!(
        num.trim().to_ascii_uppercase().as_str(),
        "1" | "2" | "3" | "4" | "I" | "II" | "III" | "IV"
    ) {
        return None;
    }
    let f = fold(rest);
    if f.is_empty() || f.split(' ').count() > 16 {
        return None;
    }
    let one = [
        "so luoc ly lich",
        "dac diem tinh hinh",
        "thong tin chung",
        "ly lich",
        "so luoc",
    ];
    let three = [
        "hinh thuc khen thuong",
        "qua trinh khen thuong",
        "danh hieu thi dua",
        "khen thuong da",
    ];
    if three.iter().any(|k| f.contains(k)) {
        return Some(Section::Three);
    }
    // "III. KHEN THƯỞNG", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG".
    if f.contains("khen thuong") && !f.contains("thanh tich") {
        return Some(Section::Three);
    }
    if f.contains("thanh tich") {
        return Some(Section::Two);
    }
    if one.iter().any(|k| f.contains(k)) {
        return Some(Section::One);
    }
    None
}

/// Where the signature block begins: section 3 and the document end there.
fn signature(text: &str) -> bool {
    // Its words stand at the start: the rest of a long paragraph need not
    // be folded.
    let head: String = text.chars().take(40).collect();
    let f = fold(&head);
    [
        "xac nhan",
        "nguoi bao cao",
        "thu truong",
        "noi nhan",
        "kt ",
        "t m ",
        "tm ",
        "ky ten",
        "ky ghi ro ho ten",
        "ky va ghi ro",
        "ky dong dau",
    ]
    .iter()
    .any(|k| f.starts_with(k) || f == k.trim())
}

/// Words an award's line holds (SPEC §15.1), folded.
const AWARD_WORDS: &[&str] = &[
    "giay khen",
    "bang khen",
    "chien si thi dua",
    "chien si tien tien",
    "lao dong tien tien",
    "tap the lao dong",
    "co thi dua",
    "huan chuong",
    "huy chuong",
    "danh hieu",
    "ky niem chuong",
];

/// A line that could be an award: it holds a year, a document number or
/// an award's word. Any other line of section 3 is not one (SPEC §15.1).
fn award_like(s: &str) -> bool {
    year_in(s).is_some() || decision_in(s).is_some() || award_word(s)
}

fn award_word(s: &str) -> bool {
    let f = format!(" {} ", fold(s));
    AWARD_WORDS.iter().any(|w| f.contains(&format!(" {w} ")))
}

/// The place and date over a signature: "Phủ Lý, ngày 20 tháng 9 năm
/// 2023", "Hà Nam, tháng 9 năm 2023".
fn place_and_date(s: &str) -> bool {
    let f = format!(" {} ", fold(s));
    // A date's year, or the dots a form leaves for it: a column's header
    // "Số, ngày, tháng, năm quyết định" is none.
    let dated = year_in(s).is_some() || s.contains("..") || s.contains('…');
    dated
        && s.contains(',')
        && f.contains(" thang ")
        && f.contains(" nam ")
        && s.chars().count() <= 60
        && decision_in(s).is_none()
        && !award_word(s)
}

/// Military and police ranks, folded: "Thiếu tá Hoàng Minh Đức" signs.
const RANKS: &[&str] = &[
    "thieu uy",
    "trung uy",
    "thuong uy",
    "dai uy",
    "thieu ta",
    "trung ta",
    "thuong ta",
    "dai ta",
    "thieu tuong",
    "trung tuong",
    "thuong tuong",
    "dai tuong",
];

/// A person's name as it is signed: two to six words, each starting with a
/// capital, no digit ("Trần Văn D", "NGUYỄN VĂN ĐÔNG").
fn person_name(s: &str) -> bool {
    let t = s.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && t.chars().count() <= 40
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        })
}

/// A title in capitals with no award in it ("GIÁM ĐỐC BỆNH VIỆN").
fn caps_title(s: &str) -> bool {
    let t = s.trim();
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4
        && letters.iter().all(|c| !c.is_lowercase())
        && !t.chars().any(|c| c.is_ascii_digit())
        && !award_like(t)
}

/// Where a signature block starts in section 3, besides [`signature`]'s
/// words (SPEC §15.1): "(Ký tên, đóng dấu)" anywhere; a title in capitals
/// followed by a person's name (on its next line, or the next paragraph
/// `next`); a rank followed by a name.
fn signs_off(text: &str, next: Option<&str>) -> bool {
    let f = fold(text);
    if [
        "ky ten",
        "ky ghi ro",
        "ky dong dau",
        "ky va ghi ro",
        "ky va dong dau",
    ]
    .iter()
    .any(|k| f.contains(k))
        && (text.contains('(') || !award_like(text))
    {
        return true;
    }
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    if place_and_date(first) {
        return true;
    }
    let after = lines.next().or(next);
    let fl = fold(first);
    if let Some(rank) = RANKS.iter().find(|r| words_start(&fl, r))
        && !award_like(first)
    {
        let rest = after_words(first, rank.split(' ').count()).map_or("", |i| &first[i..]);
        if person_name(rest) || (rest.trim().is_empty() && after.is_some_and(person_name)) {
            return true;
        }
    }
    caps_title(first) && after.is_some_and(|a| person_name(a) || signature(a))
}

/// The first line of the next paragraph with text after block `i`.
fn next_line(blocks: &[Block], i: usize) -> Option<String> {
    for b in blocks.get(i + 1..)? {
        match b {
            Block::Para(p) => {
                if let Some(l) = p.text.lines().map(str::trim).find(|l| !l.is_empty()) {
                    return Some(nfc(l).into_owned());
                }
            }
            Block::Table(_) => return None,
        }
    }
    None
}

/// A date as Vietnamese offices write it, or `None`.
pub fn date_in(s: &str) -> Option<NaiveDate> {
    let f = fold(s);
    // "ngày 12 tháng 4 năm 1968"
    let words: Vec<&str> = f.split(' ').collect();
    for w in words.windows(6) {
        if w[0] == "ngay" && w[2] == "thang" && w[4] == "nam" {
            let (d, m, y) = (w[1].parse().ok()?, w[3].parse().ok()?, w[5].parse().ok()?);
            return NaiveDate::from_ymd_opt(y, m, d);
        }
    }
    // d/m/yyyy with / - or . between
    for token in s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')')) {
        let token = token.trim_end_matches('.');
        for sep in ['/', '-', '.'] {
            let parts: Vec<&str> = token.split(sep).collect();
            if let [d, m, y] = parts.as_slice()
                && y.len() == 4
                && (1..=2).contains(&d.len())
                && (1..=2).contains(&m.len())
                && let (Ok(d), Ok(m), Ok(y)) = (d.parse(), m.parse(), y.parse())
            {
                return NaiveDate::from_ymd_opt(y, m, d);
            }
        }
    }
    None
}

/// A birth date written for the file: dd/mm/yyyy when a whole date is
/// there, else the text as typed (a year alone; validate says the rest).
fn birth_value(s: &str) -> String {
    match date_in(s) {
        Some(d) => crate::text::dmy(d),
        None => s.to_string(),
    }
}

/// A four-digit year from 1900 to 2099 standing alone in `s`.
fn year_in(s: &str) -> Option<i32> {
    s.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
        .and_then(|w| w.parse().ok())
}

/// A document number in `s` ("1234/QĐ-UBND"), as §5 writes it.
fn decision_in(s: &str) -> Option<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|t| t.trim_matches(|c: char| matches!(c, '.' | ':' | '“' | '”' | '"')))
        .find(|t| {
            t.contains('/')
                && t.chars().any(char::is_alphabetic)
                && t.chars().next().is_some_and(|c| c.is_ascii_digit())
                && date_in(t).is_none()
        })
        .map(|t| nfc(t).into_owned())
}

fn none_said(s: &str) -> bool {
    let f = fold(s);
    matches!(
        f.as_str(),
        "chua co" | "khong" | "khong co" | "chua" | "chua duoc khen thuong"
    )
}

/// An award typed as a line: "Năm 2021: Giấy khen …, Quyết định số
/// 1234/QĐ-UBND ngày 20/12/2021".
fn award_line(line: &str) -> Option<DraftAward> {
    let body = clean_value(strip_marker(line));
    if body.is_empty() || none_said(&body) || !award_like(&body) {
        return None;
    }
    let year = year_in(&body);
    let f_start = fold(&body);
    let mut title = body.as_str();
    // "Năm 2021:" or "2021:" before the title
    if (f_start.starts_with("nam ") || f_start.chars().next().is_some_and(|c| c.is_ascii_digit()))
        && let Some(i) = body.find([':', '-', '–'])
        && i < 14
    {
        title = body[i + 1..].trim();
    }
    // The decision's words end the title.
    let lower = title.to_lowercase();
    let cut = ["quyết định", "qđ số", "theo qđ", "(qđ", ", qđ", " qđ "]
        .iter()
        .filter_map(|k| lower.find(k))
        .min();
    let (title, rest) = match cut {
        Some(i) => (&title[..i], &title[i..]),
        None => (title, ""),
    };
    let title = title
        .trim()
        .trim_end_matches([',', ';', '(', '-', '–'])
        .trim()
        .trim_end_matches(" theo")
        .trim_end_matches(" tại")
        .trim();
    let decision = decision_in(rest).unwrap_or_default();
    let date = date_in(rest);
    let year = year.or(date.map(|d| chrono::Datelike::year(&d)));
    Some(DraftAward {
        year: year.map(|y| y.to_string()).unwrap_or_default(),
        title: title.to_string(),
        decision,
        date: date.map(crate::text::dmy).unwrap_or_default(),
    })
}

/// Awards from a table of section 3, its columns found by their headers.
fn award_table(rows: &[Vec<String>]) -> Vec<DraftAward> {
    let Some(head) = rows.first() else {
        return Vec::new();
    };
    let col = |keys: &[&str]| {
        head.iter()
            .position(|h| keys.iter().any(|k| fold(h).contains(k)))
    };
    let year_col = col(&["nam"]).filter(|&i| !fold(&head[i]).contains("ngay"));
    let title_col = col(&["hinh thuc", "danh hieu", "noi dung", "khen thuong"]);
    // "Số quyết định" and "Ngày quyết định" / "Ngày, tháng, năm" may stand
    // in columns of their own (SPEC §15.1).
    let date_col = head.iter().position(|h| {
        let f = fold(h);
        words_start(&f, "ngay") && !f.contains("so ")
    });
    let decision_col = head.iter().enumerate().position(|(i, h)| {
        let f = format!("{} ", fold(h));
        Some(i) != date_col
            && ["so ", "quyet dinh", "so ky hieu", "so ngay"]
                .iter()
                .any(|k| f.contains(k))
    });
    let header = head.iter().all(|c| !c.chars().any(|c| c.is_ascii_digit())) && title_col.is_some();
    if !header {
        // No header: every row read as a line.
        return rows
            .iter()
            .filter_map(|r| award_line(&r.join(": ")))
            .collect();
    }
    let mut out = Vec::new();
    for r in &rows[1..] {
        let cell = |i: Option<usize>| i.and_then(|i| r.get(i)).map_or("", |s| s.trim());
        let title = clean_value(cell(title_col));
        if title.is_empty() || none_said(&title) {
            continue;
        }
        let dec = cell(decision_col);
        let date = date_in(cell(date_col)).or(date_in(dec));
        let year = year_in(cell(year_col))
            .or(date.map(|d| chrono::Datelike::year(&d)))
            .or(year_in(&title));
        out.push(DraftAward {
            year: year.map(|y| y.to_string()).unwrap_or_default(),
            title,
            decision: decision_in(dec).unwrap_or_default(),
            date: date.map(crate::text::dmy).unwrap_or_default(),
        });
    }
    out
}

/// Achievements from a table of section 2: one per data row.
fn achievement_rows(rows: &[Vec<String>]) -> Vec<String> {
    let mut rows = rows;
    if let Some(first) = rows.first()
        && first.iter().all(|c| !c.chars().any(|c| c.is_ascii_digit()))
        && first.iter().any(|c| !c.trim().is_empty())
        && first.iter().all(|c| c.chars().count() < 40)
    {
        rows = &rows[1..];
    }
    rows.iter()
        .map(|r| {
            r.iter()
                .map(|c| clean_text(c))
                .filter(|c| !c.is_empty() && !c.chars().all(|c| c.is_ascii_digit()))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// The kind a title names, if it names one alone.
fn kind_of_title(f: &str) -> Option<Kind> {
    let tap = f.contains("tap the");
    let ca = f.contains("ca nhan");
    let ho = f.contains("ho gia dinh");
    match (tap, ca, ho) {
        (true, false, false) => Some(Kind::TapThe),
        (false, true, false) => Some(Kind::CaNhan),
        (false, false, true) => Some(Kind::HoGiaDinh),
        _ => None,
    }
}

/// The campaign named in the words before section 1.
/// Each campaign's names as slugs between dashes, made once: its whole
/// name, and each of the two movements §3.9 and §3.12 name.
fn campaign_names() -> &'static [(Campaign, Vec<String>)] {
    static NAMES: std::sync::OnceLock<Vec<(Campaign, Vec<String>)>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        CAMPAIGNS
            .iter()
            .filter(|c| c.id != Campaign::LinhVucKhac)
            .map(|c| {
                let names = std::iter::once(c.name_vi)
                    .chain(c.name_vi.split(';'))
                    .map(slugify)
                    .filter(|n| n.len() >= 6)
                    .map(|n| format!("-{n}-"))
                    .collect();
                (c.id, names)
            })
            .collect()
    })
}

pub fn campaign_in(text: &str) -> Named {
    let key = format!("-{}-", slugify(text));
    let mut found: Vec<Campaign> = Vec::new();
    for (id, names) in campaign_names() {
        let c = id.info();
        let hit = names.iter().any(|n| key.contains(n.as_str()))
            || key.contains(&format!("-muc-{}-", c.section.replace('.', "-")))
                && CAMPAIGNS.iter().filter(|o| o.section == c.section).count() == 1;
        if hit && !found.contains(&c.id) {
            found.push(c.id);
        }
    }
    match found.as_slice() {
        [one] => return Named::One(*one),
        [a, b, ..] => return Named::Two(*a, *b),
        [] => {}
    }
    if let Some(c) = campaign_after_phong_trao(text) {
        return Named::One(c);
    }
    // A quoted name after "phong trào" that the plan does not list.
    let lower = text.to_lowercase();
    if let Some(i) = lower.find("phong trào") {
        let rest = &text[i..];
        if let Some(open) = rest.find(['“', '"', '«']) {
            let inner = &rest[open..];
            let mut chars = inner.char_indices();
            chars.next();
            if let Some((close, _)) = chars.find(|(_, c)| matches!(c, '”' | '"' | '»')) {
                let start = inner.chars().next().map_or(1, char::len_utf8);
                let name = inner[start..close].trim();
                if !name.is_empty() {
                    return Named::Other(nfc(name).into_owned());
                }
            }
        }
    }
    Named::Nothing
}

/// Words a campaign's name is matched without (SPEC §15.1).
const NAME_STOP: &[&str] = &["thi", "dua", "phong", "trao", "va", "cua", "cac", "trong"];

/// The campaign whose name, up to its first comma or semicolon and without
/// [`NAME_STOP`], follows "phong trào" in the text, quoted or not, when
/// exactly one does: "phong trào nông dân sản xuất kinh doanh giỏi" →
/// §3.14.
fn campaign_after_phong_trao(text: &str) -> Option<Campaign> {
    static KEYS: std::sync::OnceLock<Vec<(Campaign, Vec<String>)>> = std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        CAMPAIGNS
            .iter()
            .filter(|c| c.id != Campaign::LinhVucKhac)
            .map(|c| {
                let head = c.name_vi.split([',', ';']).next().unwrap_or("");
                let words = fold(head)
                    .split(' ')
                    .filter(|w| !w.is_empty() && !NAME_STOP.contains(w))
                    .map(str::to_string)
                    .collect();
                (c.id, words)
            })
            .filter(|(_, w): &(Campaign, Vec<String>)| w.len() >= 2)
            .collect()
    });
    let f = fold(text);
    let words: Vec<&str> = f.split(' ').collect();
    let mut hits: Vec<Campaign> = Vec::new();
    for (i, pair) in words.windows(2).enumerate() {
        if pair != ["phong", "trao"] {
            continue;
        }
        let after: Vec<&str> = words[i + 2..]
            .iter()
            .copied()
            .filter(|w| !NAME_STOP.contains(w))
            .take(16)
            .collect();
        for (c, key) in keys {
            if after.len() >= key.len()
                && after.iter().zip(key).all(|(a, k)| *a == k)
                && !hits.contains(c)
            {
                hits.push(*c);
            }
        }
    }
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The header block's lines: the left cell of a top table, or the lines
/// before the title, without the national motto.
fn header_lines(blocks: &[Block]) -> Vec<String> {
    let motto = |l: &str| {
        let f = fold(l);
        f.starts_with("cong hoa")
            || f.starts_with("doc lap")
            || f.starts_with("dang cong san")
            || f.contains("ngay") && f.contains("thang") && f.contains("nam")
            || l.trim()
                .chars()
                .all(|c| matches!(c, '-' | '_' | '—' | '–' | '*' | ' '))
            || (l.trim_start().starts_with("Số") && (l.contains(':') || l.contains('/')))
    };
    let mut out = Vec::new();
    for b in blocks.iter().take(8) {
        match b {
            Block::Table(rows) => {
                if let Some(cell) = rows.first().and_then(|r| r.first()) {
                    out.extend(cell.lines().map(str::to_string));
                    if let Some(row) = rows.get(1)
                        && let Some(c) = row.first()
                    {
                        out.extend(c.lines().map(str::to_string));
                    }
                }
                break;
            }
            Block::Para(p) => {
                if fold(&p.text).contains("bao cao") {
                    break;
                }
                for line in p.text.lines() {
                    let left = line
                        .split('\t')
                        .find(|s| !s.trim().is_empty())
                        .unwrap_or("");
                    out.push(left.to_string());
                }
            }
        }
    }
    out.into_iter()
        .map(|l| nfc(l.trim()).into_owned())
        .filter(|l| !l.is_empty() && !motto(l))
        .collect()
}

/// A report read but for its campaign, which a form kh wrote keeps in its
/// own part (searching the title block for it is a twentieth of the work).
pub fn read_page(blocks: &[Block]) -> Reading {
    let mut page = Page::new(blocks);
    for (bi, b) in blocks.iter().enumerate() {
        match b {
            Block::Para(p) => page.para(p, bi),
            Block::Table(rows) => page.table(rows),
        }
    }
    page.finish()
}

/// A report being read, block by block, as a person reads it: where in the
/// form it is, and the field whose value is still running on.
struct Page<'b> {
    blocks: &'b [Block],
    r: Reading,
    section: Section,
    /// The text before section 1, where the title and campaign stand.
    before: String,
    title_kind: Option<String>,
    label_kind: Option<Kind>,
    /// The combined line "Chức vụ, đơn vị công tác (hoặc hộ khẩu …)".
    combined: Option<String>,
    /// The field being read: its value runs on over line breaks and
    /// paragraphs without a label, to the next label, heading or table
    /// (SPEC §15.1, nothing cut).
    pending: Option<(Target, String)>,
    /// Section 3 held a line kh could not read as an award.
    three_unread: bool,
    saw_two: bool,
}

impl<'b> Page<'b> {
    fn new(blocks: &'b [Block]) -> Page<'b> {
        Page {
            blocks,
            r: Reading {
                header: header_lines(blocks),
                fields: super::Fields::default(),
                recognised: false,
                title_block: String::new(),
            },
            section: Section::Before,
            before: String::new(),
            title_kind: None,
            label_kind: None,
            combined: None,
            pending: None,
            three_unread: false,
            saw_two: false,
        }
    }

    fn flush(&mut self) {
        flush(
            &mut self.r,
            &mut self.pending,
            &mut self.combined,
            &mut self.label_kind,
        );
    }

    fn field(&mut self, t: Target, v: String) {
        field(&mut self.r, t, v, &mut self.combined, &mut self.label_kind);
    }

    /// A proposed award or a scope, labelled anywhere after section 1.
    fn side_field(&mut self, line: &str) -> bool {
        match labelled(line, 0) {
            Some((t @ (Target::ProposedAward | Target::Scope), v)) => {
                self.field(t, v);
                true
            }
            _ => false,
        }
    }

    /// The paragraph at `bi`.
    fn para(&mut self, p: &super::wordml::Para, bi: usize) {
        let text = nfc(&p.text).into_owned();
        if text.trim().is_empty() {
            return;
        }
        if let Some(s) = heading(strip_marker_keep_number(&text)) {
            // A heading is only a step forward: "3. Công tác thi đua"
            // inside the achievements does not move back.
            if rank(s) > rank(self.section) {
                self.flush();
                self.section = s;
                self.saw_two |= s == Section::Two;
                self.r.recognised = true;
                // The heading's own line may carry its first item:
                // "1. Sơ lược lý lịch: - Họ và tên: …" is rare; skip.
                return;
            }
        }
        let ends = match self.section {
            Section::Two => signature(&text),
            Section::Three => {
                signature(&text) || signs_off(&text, next_line(self.blocks, bi).as_deref())
            }
            _ => false,
        };
        if ends {
            self.section = Section::After;
            return;
        }
        match self.section {
            Section::Before | Section::One => self.labels(p, &text),
            Section::Two => {
                if self.side_field(&text) {
                    return;
                }
                let t = clean_text(strip_bullet(&text));
                if !t.is_empty() {
                    self.r.fields.achievements.push(t);
                }
            }
            Section::Three => self.award_lines(&text, bi),
            Section::After => {
                for line in text.lines() {
                    self.side_field(line);
                }
            }
        }
    }

    /// A paragraph before section 1 or in it: labels and their values, or
    /// the title block.
    fn labels(&mut self, p: &super::wordml::Para, text: &str) {
        if self.section == Section::Before {
            // Before section 1 a value runs over line breaks only: the
            // title and the campaign follow.
            self.flush();
        }
        let loose = self.section == Section::One;
        let mut any = false;
        for (li, line) in text.lines().enumerate() {
            let bold = if li == 0 && p.bold_head <= line.len() {
                p.bold_head
            } else {
                0
            };
            if let Some((t, v)) = labelled_raw(line, bold, loose) {
                self.flush();
                any = true;
                self.r.recognised = true;
                self.pending = Some((t, v.to_string()));
            } else if let Some((_, raw)) = self.pending.as_mut() {
                raw.push('\n');
                raw.push_str(line);
            } else if self.section == Section::Before {
                self.before.push_str(line);
                self.before.push('\n');
                if self.title_kind.is_none() && fold(line).contains("bao cao thanh tich") {
                    self.title_kind = Some(fold(text));
                }
            }
        }
        if !any && self.section == Section::Before {
            // The title may run over several paragraphs, all in capitals
            // ("CÁ NHÂN ĐIỂN HÌNH TIÊN TIẾN").
            if let Some(t) = &mut self.title_kind
                && !t.contains(&fold(text))
                && p.text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| !c.is_lowercase())
            {
                t.push(' ');
                t.push_str(&fold(text));
            }
        }
    }

    /// A paragraph of section 3: awards line by line, to the signature.
    fn award_lines(&mut self, text: &str, bi: usize) {
        let lines: Vec<&str> = text.lines().collect();
        for (li, line) in lines.iter().enumerate() {
            if self.side_field(line) {
                continue;
            }
            let next = lines
                .get(li + 1)
                .copied()
                .map(str::to_string)
                .or_else(|| next_line(self.blocks, bi));
            if signature(line) || signs_off(line, next.as_deref()) {
                self.section = Section::After;
                break;
            }
            if let Some(a) = award_line(line) {
                self.r.fields.awards.push(a);
            } else if !line.trim().is_empty() && !none_said(&clean_value(strip_marker(line))) {
                self.three_unread = true;
            }
        }
    }

    fn table(&mut self, rows: &[Vec<String>]) {
        self.flush();
        match self.section {
            Section::Before | Section::One => self.label_rows(rows),
            Section::Two => self.r.fields.achievements.extend(achievement_rows(rows)),
            Section::Three => self.award_rows(rows),
            Section::After => {}
        }
    }

    /// A table of section 1: a label and its value a row, or labelled lines
    /// in its cells.
    fn label_rows(&mut self, rows: &[Vec<String>]) {
        for row in rows {
            let cells: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
            if let [label, rest @ ..] = cells.as_slice()
                && let Some((t, inline)) = labelled_raw(label, 0, true)
            {
                self.r.recognised = true;
                let v = if rest.is_empty() {
                    inline.to_string()
                } else {
                    rest.iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                self.pending = Some((t, v));
                self.flush();
            } else {
                for c in row {
                    for line in c.lines() {
                        if let Some((t, v)) = labelled_raw(line, 0, false) {
                            self.r.recognised = true;
                            self.pending = Some((t, v.to_string()));
                            self.flush();
                        }
                    }
                }
            }
        }
    }

    /// A table of section 3. A signature table typed right under the awards
    /// is one table once LibreOffice has saved it: the awards end at its
    /// first signature row. A small table of one or two cells a row holding
    /// no award is the signatures (SPEC §15.1).
    fn award_rows(&mut self, rows: &[Vec<String>]) {
        let signs = |row: &Vec<String>| {
            row.iter().any(|c| {
                let first = c.lines().next().unwrap_or("");
                signature(c) || signs_off(c, c.lines().nth(1)) || signs_off(first, None)
            })
        };
        let small = rows.len() <= 2
            && rows.iter().all(|row| row.len() <= 2)
            && rows.iter().flatten().all(|c| !award_like(c));
        let end = if small {
            0
        } else {
            rows.iter().position(signs).unwrap_or(rows.len())
        };
        let read = award_table(&rows[..end]);
        if read.is_empty()
            && rows[..end].iter().skip(1).any(|row| {
                let line = row.join(" ");
                !line.trim().is_empty() && !none_said(&clean_value(&line))
            })
        {
            self.three_unread = true;
        }
        self.r.fields.awards.extend(read);
        if end < rows.len() {
            self.section = Section::After;
        }
    }

    /// The reading, once every block is read: the kind, the combined line
    /// put where it belongs, the fields the kind's form lacks dropped, and
    /// what could not be read settled.
    fn finish(mut self) -> Reading {
        self.flush();
        let mut r = self.r;
        // The combined line: for a household its residence; for a person the
        // workplace, unless separate lines gave position and workplace.
        let kind = self
            .title_kind
            .as_deref()
            .and_then(kind_of_title)
            .or(self.label_kind);
        r.fields.kind = kind;
        if let Some(v) = self.combined {
            match kind {
                Some(Kind::HoGiaDinh) => set(&mut r, NomineeKey::Residence, v),
                _ => {
                    if r.fields
                        .nominee
                        .iter()
                        .all(|(k, _)| *k != NomineeKey::Workplace)
                    {
                        set(&mut r, NomineeKey::Workplace, v)
                    }
                }
            }
        }
        // A collective's "Địa chỉ" is its address; a person's, the residence.
        if kind != Some(Kind::TapThe)
            && let Some(i) = r
                .fields
                .nominee
                .iter()
                .position(|(k, _)| *k == NomineeKey::Address)
        {
            let (_, v) = r.fields.nominee.remove(i);
            set(&mut r, NomineeKey::Residence, v);
        }
        if kind == Some(Kind::TapThe) {
            r.fields
                .nominee
                .retain(|(k, _)| k.field().col(Kind::TapThe) != crate::form::Col::No);
        } else if let Some(k) = kind {
            r.fields
                .nominee
                .retain(|(key, _)| key.field().col(k) != crate::form::Col::No);
        }
        if r.fields.scope.is_none() && fold(&self.before).contains("pham vi toan tinh") {
            r.fields.scope = Some(Scope::ToanTinh);
        }
        r.title_block = self.before;
        // What stood under a heading kh found but could not read (SPEC §15.1).
        if self.saw_two && r.fields.achievements.is_empty() {
            r.fields.unread.push("achievements".into());
        }
        if self.three_unread && r.fields.awards.is_empty() {
            r.fields.unread.push("awards".into());
        }
        settle_unread(&mut r, kind);
        r
    }
}

/// The unread keys as the kind's form names them, without those a value
/// was read for after all (a label given twice) or that the form lacks.
fn settle_unread(r: &mut Reading, kind: Option<Kind>) {
    let unread = std::mem::take(&mut r.fields.unread);
    for key in unread {
        let key = match key.as_str() {
            COMBINED if kind == Some(Kind::HoGiaDinh) => "nominee.residence".to_string(),
            COMBINED => "nominee.workplace".to_string(),
            "nominee.address" if kind != Some(Kind::TapThe) => "nominee.residence".to_string(),
            _ => key,
        };
        if let Some(field) = key.strip_prefix("nominee.") {
            let has = r.fields.nominee.iter().any(|(k, _)| k.key() == field);
            let on_form = crate::form::nominee_field(field)
                .is_some_and(|f| kind.is_none_or(|k| f.col(k) != crate::form::Col::No));
            if has || !on_form {
                continue;
            }
        }
        if key == "proposed_award" && !r.fields.proposed_award.is_empty() {
            continue;
        }
        if !r.fields.unread.contains(&key) {
            r.fields.unread.push(key);
        }
    }
}

/// A report read whole, its campaign found in its title block.
pub fn read(blocks: &[Block]) -> Reading {
    let mut r = read_page(blocks);
    r.fields.campaign = campaign_in(&r.title_block);
    r
}

fn rank(s: Section) -> u8 {
    match s {
        Section::Before => 0,
        Section::One => 1,
        Section::Two => 2,
        Section::Three => 3,
        Section::After => 4,
    }
}

/// A bullet typed at the start of an achievement ("- ", "+ ", "• ").
pub(crate) fn strip_bullet(s: &str) -> &str {
    let t = s.trim_start();
    for b in ["- ", "+ ", "• ", "– ", "* ", "· ", "\t"] {
        if let Some(rest) = t.strip_prefix(b) {
            return rest.trim_start();
        }
    }
    t
}

/// Leading bullets go, a heading's number stays.
fn strip_marker_keep_number(s: &str) -> &str {
    s.trim_start()
        .trim_start_matches(['-', '+', '•', '*'])
        .trim_start()
}

/// A nominee's field, the first value given for it.
fn set(r: &mut Reading, key: NomineeKey, v: String) {
    if !v.is_empty() && !r.fields.nominee.iter().any(|(k, _)| *k == key) {
        r.fields.nominee.push((key, v));
    }
}

/// A one-line field's value: its line breaks as spaces (SPEC §15.1).
pub(crate) fn one_line(v: &str) -> String {
    v.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text that is only the form's filler: what a blank form left blank.
fn filler_only(raw: &str) -> bool {
    let t = raw.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '.' | '…' | '_' | '-' | ' ' | '\t' | '\n'))
}

/// The field being read is done: its value cleaned and put in, or, when
/// its label stood with nothing after it, noted as unread (SPEC §15.1).
fn flush(
    r: &mut Reading,
    pending: &mut Option<(Target, String)>,
    combined: &mut Option<String>,
    label_kind: &mut Option<Kind>,
) {
    let Some((t, raw)) = pending.take() else {
        return;
    };
    let v = one_line(&clean_value(&raw));
    if v.is_empty() && !filler_only(&raw) {
        let key = match t {
            Target::Key(k) => Some(format!("nominee.{k}")),
            Target::Head => Some("nominee.full_name".into()),
            Target::Combined => Some(COMBINED.into()),
            Target::ProposedAward => Some("proposed_award".into()),
            Target::Scope => None,
        };
        if let Some(k) = key
            && !r.fields.unread.contains(&k)
        {
            r.fields.unread.push(k);
        }
    }
    field(r, t, v, combined, label_kind);
}

/// Stands in `unread` for the combined line until the kind says which
/// field it is.
const COMBINED: &str = "nominee.(combined)";

fn field(
    r: &mut Reading,
    t: Target,
    v: String,
    combined: &mut Option<String>,
    label_kind: &mut Option<Kind>,
) {
    match t {
        Target::Key(key) => {
            let kind_by_label = match key {
                NomineeKey::Name
                | NomineeKey::Founded
                | NomineeKey::Structure
                | NomineeKey::Duties => Some(Kind::TapThe),
                NomineeKey::FullName => Some(Kind::CaNhan),
                _ => None,
            };
            if label_kind.is_none() {
                *label_kind = kind_by_label;
            }
            let v = match key {
                NomineeKey::BirthDate => birth_value(&v),
                NomineeKey::Members => v
                    .split(|c: char| !c.is_ascii_digit())
                    .find(|w| !w.is_empty())
                    .map_or(v.clone(), str::to_string),
                _ => v,
            };
            set(r, key, v);
        }
        Target::Head => {
            *label_kind = Some(Kind::HoGiaDinh);
            set(r, NomineeKey::FullName, v);
        }
        Target::Combined => {
            if !v.is_empty() {
                *combined = Some(v);
            }
        }
        Target::ProposedAward => {
            if r.fields.proposed_award.is_empty() {
                r.fields.proposed_award = v;
            }
        }
        Target::Scope => {
            if fold(&v).contains("toan tinh") {
                r.fields.scope = Some(Scope::ToanTinh);
            } else if !v.is_empty() {
                r.fields.scope = Some(Scope::CoSo);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::wordml::Para;

    fn para(text: &str) -> Block {
        Block::Para(Para {
            text: text.to_string(),
            ..Para::default()
        })
    }

    fn value(r: &Reading, key: NomineeKey) -> Option<&str> {
        r.fields.nominee(key)
    }

    #[test]
    fn a_signature_block_is_no_award() {
        // #32.1: a title in capitals and a name; a rank and a name; "(Ký
        // tên, đóng dấu)" in a cell; a borderless two-cell table.
        let head = |extra: Vec<Block>| {
            let mut b = vec![
                para("BÁO CÁO THÀNH TÍCH CÁ NHÂN"),
                para("I. SƠ LƯỢC LÝ LỊCH"),
                para("- Họ và tên: Trần Văn B"),
                para("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
                para("Hoàn thành xuất sắc nhiệm vụ."),
                para("III. CÁC HÌNH THỨC KHEN THƯỞNG"),
                para(
                    "- Năm 2021: Giấy khen của Giám đốc Sở, Quyết định số 12/QĐ-SYT ngày 01/12/2021",
                ),
            ];
            b.extend(extra);
            read(&b)
        };
        for tail in [
            vec![para("GIÁM ĐỐC BỆNH VIỆN"), para("Trần Văn D")],
            vec![para("GIÁM ĐỐC BỆNH VIỆN\nTrần Văn D")],
            vec![para("Thiếu tá Hoàng Minh Đức")],
            vec![
                para("TRƯỞNG CÔNG AN XÃ"),
                para("Đại úy"),
                para("Lê Văn Nam"),
            ],
            vec![Block::Table(vec![vec![
                String::new(),
                ": GIÁM ĐỐC\n(Ký tên, đóng dấu)\nNguyễn Văn Đông".into(),
            ]])],
            vec![Block::Table(vec![vec![
                "THỦ TRƯỞNG ĐƠN VỊ".into(),
                "NGƯỜI VIẾT\nPhạm Thị Lan".into(),
            ]])],
            vec![
                para("Phủ Lý, tháng 9 năm 2023"),
                para("Ban Giám hiệu nhà trường"),
            ],
        ] {
            let r = head(tail.clone());
            assert_eq!(r.fields.awards.len(), 1, "{tail:?}: {:?}", r.fields.awards);
            assert_eq!(r.fields.awards[0].year, "2021");
        }
    }

    #[test]
    fn an_awards_table_with_its_dates_in_a_column_of_their_own() {
        let rows = |h: &[&str], r: &[&str]| {
            vec![
                h.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                r.iter().map(|s| s.to_string()).collect(),
            ]
        };
        for date_head in ["Ngày quyết định", "Ngày, tháng, năm"] {
            let a = award_table(&rows(
                &[
                    "TT",
                    "Năm",
                    "Hình thức khen thưởng",
                    "Số quyết định",
                    date_head,
                ],
                &[
                    "1",
                    "2022",
                    "Bằng khen của Bộ Y tế",
                    "5678/QĐ-BYT",
                    "15/11/2022",
                ],
            ));
            assert_eq!(a.len(), 1, "{date_head}");
            assert_eq!(a[0].decision, "5678/QĐ-BYT");
            assert_eq!(a[0].date, "15/11/2022", "{date_head}");
            assert_eq!(a[0].year, "2022");
        }
    }

    #[test]
    fn a_bold_head_counted_before_nfc_never_cuts_a_character() {
        use unicode_normalization::UnicodeNormalization;
        // Decomposed text shrinks under NFC: the bold head, counted on the
        // original, may fall inside a character of the composed line.
        let raw: String = "Họ và tên Nguyễn Văn Ân".nfd().collect();
        for head in 0..=raw.len() {
            let b = vec![
                para("BÁO CÁO THÀNH TÍCH CÁ NHÂN"),
                para("I. SƠ LƯỢC LÝ LỊCH"),
                Block::Para(Para {
                    text: raw.clone(),
                    bold_head: head,
                    ..Para::default()
                }),
            ];
            let _ = read(&b);
        }
    }

    #[test]
    fn words_with_a_number_before_the_colon_are_the_values() {
        assert_eq!(
            labelled(
                "- Quá trình thành lập năm 1995: theo Quyết định số 12/QĐ-UBND",
                0
            ),
            Some((
                Target::Key(NomineeKey::Founded),
                "năm 1995: theo Quyết định số 12/QĐ-UBND".into()
            ))
        );
        // A label's own words stay the label's.
        assert_eq!(
            labelled("Họ và tên khai sinh: Nguyễn Văn An", 0),
            Some((Target::Key(NomineeKey::FullName), "Nguyễn Văn An".into()))
        );
    }

    #[test]
    fn a_value_runs_on_to_the_next_label() {
        // #32.3: a line break, and a paragraph with no label, belong to the
        // field before them.
        let r = read(&[
            para("BÁO CÁO THÀNH TÍCH CÁ NHÂN"),
            para("I. SƠ LƯỢC LÝ LỊCH"),
            para("- Họ và tên: Nguyễn Thị Hà"),
            para("- Chức vụ: Trưởng khoa Dược,\nBệnh viện Đa khoa tỉnh Hà Nam"),
            para("- Quê quán: xã Nhân Thịnh,"),
            para("huyện Lý Nhân, tỉnh Hà Nam"),
            para("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
            para("Dòng một\ndòng hai"),
        ]);
        assert_eq!(
            value(&r, NomineeKey::Position),
            Some("Trưởng khoa Dược, Bệnh viện Đa khoa tỉnh Hà Nam")
        );
        assert_eq!(
            value(&r, NomineeKey::Hometown),
            Some("xã Nhân Thịnh, huyện Lý Nhân, tỉnh Hà Nam")
        );
        assert_eq!(r.fields.achievements, ["Dòng một\ndòng hai"]);
        assert!(r.fields.unread.is_empty(), "{:?}", r.fields.unread);
    }

    #[test]
    fn labels_without_a_colon_after_a_dash_or_in_bold() {
        // #32.4: "- **Tên tập thể** Ủy ban …"; plain in section 1.
        let bold = |text: &str, label: &str| {
            Block::Para(Para {
                text: text.to_string(),
                bold_head: label.len(),
                ..Para::default()
            })
        };
        let r = read(&[
            para("BÁO CÁO THÀNH TÍCH TẬP THỂ"),
            para("1. Đặc điểm tình hình"),
            bold("- Tên tập thể Ủy ban nhân dân xã Đồng Lý", "- Tên tập thể"),
            bold(
                "- Quá trình thành lập Thành lập năm 1946",
                "- Quá trình thành lập",
            ),
            para("Cơ cấu tổ chức gồm 22 cán bộ, công chức"),
            para("- Chức năng, nhiệm vụ quản lý nhà nước trên địa bàn xã"),
            para("2. Thành tích đạt được"),
            para("Chức năng mới được giao năm 2022."),
        ]);
        assert_eq!(
            value(&r, NomineeKey::Name),
            Some("Ủy ban nhân dân xã Đồng Lý")
        );
        assert_eq!(value(&r, NomineeKey::Founded), Some("Thành lập năm 1946"));
        assert_eq!(
            value(&r, NomineeKey::Structure),
            Some("gồm 22 cán bộ, công chức")
        );
        assert_eq!(
            value(&r, NomineeKey::Duties),
            Some("quản lý nhà nước trên địa bàn xã")
        );
        assert_eq!(r.fields.achievements.len(), 1);
    }

    #[test]
    fn a_label_with_nothing_kh_could_read_is_unread_and_a_blank_one_is_not() {
        let r = read(&[
            para("BÁO CÁO THÀNH TÍCH CÁ NHÂN"),
            para("I. SƠ LƯỢC LÝ LỊCH"),
            para("- Họ và tên: Nguyễn Văn A"),
            para("- Quê quán:"),
            para("- Ngày sinh: ..............."),
            para("- Chức vụ, đơn vị công tác (hoặc hộ khẩu thường trú):"),
            para("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
            para("III. CÁC HÌNH THỨC KHEN THƯỞNG"),
            para("Đã được tặng nhiều lần, xem hồ sơ kèm theo"),
        ]);
        assert_eq!(
            r.fields.unread,
            [
                "nominee.hometown",
                "nominee.workplace",
                "achievements",
                "awards"
            ]
        );
    }

    #[test]
    fn folding_drops_marks_case_and_punctuation() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Ngày, tháng, NĂM sinh (Đ)".nfd().collect();
        assert_eq!(fold("Ngày, tháng, NĂM sinh (Đ)"), "ngay thang nam sinh d");
        assert_eq!(fold(&nfd), "ngay thang nam sinh d");
        assert_eq!(fold("  – Ủy ban  nhân dân: "), "uy ban nhan dan");
        assert_eq!(fold("…"), "");
    }

    #[test]
    fn labels_read_with_their_usual_variants() {
        assert_eq!(
            labelled("- Họ và tên: Nguyễn Văn An", 0),
            Some((Target::Key(NomineeKey::FullName), "Nguyễn Văn An".into()))
        );
        assert_eq!(
            labelled("Ngày, tháng, năm sinh:.....12/4/1968....", 0),
            Some((Target::Key(NomineeKey::BirthDate), "12/4/1968".into()))
        );
        assert_eq!(
            labelled(
                "- Chức vụ, đơn vị công tác (hoặc hộ khẩu thường trú): Thôn 3",
                0
            ),
            Some((Target::Combined, "Thôn 3".into()))
        );
        assert_eq!(
            labelled("Quê quán\txã Nhân Thịnh", 0),
            Some((Target::Key(NomineeKey::Hometown), "xã Nhân Thịnh".into()))
        );
        assert_eq!(
            labelled("Họ và tên có người nói rằng ai cũng giỏi mà", 0),
            None
        );
        assert_eq!(
            labelled("Họ và tên chủ hộ Trần B", "Họ và tên chủ hộ".len()),
            Some((Target::Head, "Trần B".into()))
        );
    }

    #[test]
    fn dates_are_read_every_way_offices_write_them() {
        let d = NaiveDate::from_ymd_opt(1968, 4, 12);
        for s in [
            "12/04/1968",
            "12/4/1968",
            "12-04-1968",
            "12.04.1968",
            "ngày 12 tháng 4 năm 1968",
        ] {
            assert_eq!(date_in(s), d, "{s}");
        }
        assert_eq!(date_in("1958"), None);
        assert_eq!(birth_value("1958"), "1958");
    }

    #[test]
    fn awards_as_lines() {
        let a = award_line("- Năm 2021: Giấy khen của Chủ tịch UBND huyện Lý Nhân, Quyết định số 1234/QĐ-UBND ngày 20/12/2021")
            .expect("an award");
        assert_eq!(a.year, "2021");
        assert_eq!(a.title, "Giấy khen của Chủ tịch UBND huyện Lý Nhân");
        assert_eq!(a.decision, "1234/QĐ-UBND");
        assert_eq!(a.date, "20/12/2021");
        assert_eq!(award_line("Chưa có"), None);
    }

    #[test]
    fn headings_arabic_or_roman() {
        assert_eq!(heading("I. SƠ LƯỢC LÝ LỊCH"), Some(Section::One));
        assert_eq!(
            heading("2. Thành tích tiêu biểu xuất sắc đã đạt được:"),
            Some(Section::Two)
        );
        assert_eq!(
            heading("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC NHẬN"),
            Some(Section::Three)
        );
        assert_eq!(heading("3. Quá trình khen thưởng:"), Some(Section::Three));
        assert_eq!(heading("III. KHEN THƯỞNG"), Some(Section::Three));
        assert_eq!(
            heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"),
            Some(Section::Three)
        );
        assert_eq!(heading("1. Năm 2021 đơn vị đạt 100% kế hoạch"), None);
    }

    #[test]
    fn campaigns_by_their_names() {
        assert_eq!(
            campaign_in("Phong trào thi đua “Dân vận khéo” năm 2023"),
            Named::One(Campaign::DanVanKheo)
        );
        assert_eq!(
            campaign_in("trong phong trào Dạy tốt – học tốt"),
            Named::One(Campaign::DayTotHocTot)
        );
        assert_eq!(
            campaign_in("Phong trào “Ngày thứ bảy xanh”"),
            Named::Other("Ngày thứ bảy xanh".into())
        );
        assert_eq!(campaign_in("BÁO CÁO THÀNH TÍCH"), Named::Nothing);
        // #32.4: the words of a name up to its comma, without quotes.
        assert_eq!(
            campaign_in("thành tích trong phong trào nông dân sản xuất kinh doanh giỏi năm 2023"),
            Named::One(Campaign::NongDanSanXuatGioi)
        );
    }
}
