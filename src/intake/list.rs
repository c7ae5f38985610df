//! A unit's list in Excel: a header row somewhere in the first twenty rows
//! (titles and merged cells above it), one nominee per row, section rows
//! ("I. TẬP THỂ") and a total row between them (SPEC §15).

use super::package::Refusal;
use super::report::{date_in, fold};
use super::sheets::Sheet;
use crate::vocab::{Kind, Vocab};

/// A column's meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Name,
    /// A name column whose header says the kind ("Tên tập thể").
    CollectiveName,
    HeadName,
    Birth,
    Gender,
    Position,
    Workplace,
    Combined,
    Hometown,
    Residence,
    Campaign,
    Achievements,
    ProposedAward,
    Unit,
    UnitSlug,
    Kind,
    Scope,
}

/// Headers, folded; the first that a header equals, or starts with, wins.
const HEADERS: &[(&str, Col)] = &[
    // kh's own workbook writes the campaign's name beside its slug.
    ("ten phong trao", Col::Campaign),
    ("ho va ten chu ho", Col::HeadName),
    ("ho ten chu ho", Col::HeadName),
    ("ten tap the ca nhan", Col::Name),
    ("ten tap the", Col::CollectiveName),
    ("ten don vi tap the", Col::CollectiveName),
    ("ho va ten", Col::Name),
    ("ho ten", Col::Name),
    ("ten", Col::Name),
    ("ngay thang nam sinh", Col::Birth),
    ("ngay sinh", Col::Birth),
    ("nam sinh", Col::Birth),
    ("gioi tinh", Col::Gender),
    ("chuc vu don vi cong tac", Col::Combined),
    ("chuc vu noi cong tac", Col::Combined),
    ("chuc vu", Col::Position),
    ("don vi cong tac", Col::Workplace),
    ("noi cong tac", Col::Workplace),
    ("co quan cong tac", Col::Workplace),
    ("que quan", Col::Hometown),
    ("ho khau thuong tru", Col::Residence),
    ("noi o", Col::Residence),
    ("dia chi", Col::Residence),
    ("phong trao", Col::Campaign),
    ("thanh tich", Col::Achievements),
    ("tom tat thanh tich", Col::Achievements),
    ("hinh thuc khen thuong de nghi", Col::ProposedAward),
    ("hinh thuc de nghi", Col::ProposedAward),
    ("de nghi khen thuong", Col::ProposedAward),
    ("hinh thuc khen thuong", Col::ProposedAward),
    ("ma don vi", Col::UnitSlug),
    ("don vi de nghi", Col::Unit),
    ("don vi gui", Col::Unit),
    ("don vi", Col::Unit),
    ("loai dien hinh", Col::Kind),
    ("loai", Col::Kind),
    ("doi tuong", Col::Kind),
    ("pham vi", Col::Scope),
];

fn col_of(header: &str) -> Option<Col> {
    let f = fold(header);
    if f.is_empty() {
        return None;
    }
    HEADERS
        .iter()
        .find(|(k, _)| super::report::words_start(&f, k))
        .map(|(_, c)| *c)
}

/// One data row, its cells as text by meaning.
#[derive(Clone, Debug, Default)]
pub struct Row {
    pub sheet: String,
    /// 1-based, as Excel numbers rows.
    pub row: usize,
    pub fingerprint: String,
    pub cells: Vec<(Col, String)>,
    /// The kind a section row above said ("II. CÁ NHÂN").
    pub section_kind: Option<Kind>,
}

impl Row {
    pub fn get(&self, c: Col) -> Option<&str> {
        self.cells
            .iter()
            .find(|(k, v)| *k == c && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }
}

/// The kind a section row or a kind cell names.
pub fn kind_word(s: &str) -> Option<Kind> {
    let f = fold(s);
    let f = f
        .trim_start_matches(|c: char| matches!(c, 'i' | 'v' | 'x') || c.is_ascii_digit())
        .trim();
    Kind::parse(f).or_else(|| {
        if f.contains("tap the") {
            Some(Kind::TapThe)
        } else if f.contains("ho gia dinh") {
            Some(Kind::HoGiaDinh)
        } else if f.contains("ca nhan") {
            Some(Kind::CaNhan)
        } else {
            None
        }
    })
}

/// The rows of every sheet that has a header row.
pub fn rows(sheets: Vec<Sheet>) -> Result<Vec<Row>, Refusal> {
    let mut out = Vec::new();
    // kh's own workbook: its "Danh sách" holds every nomination once; the
    // other sheets are views of it.
    let own = crate::documents::xlsx::SHEETS
        .iter()
        .all(|s| sheets.iter().any(|n| n.name == *s));
    for sheet in sheets {
        if own && sheet.name != crate::documents::xlsx::SHEETS[2] {
            continue;
        }
        let top = sheet.top;
        // The header row: the one among the sheet's first twenty naming most
        // columns, a name column among them.
        let best = sheet
            .rows
            .iter()
            .take_while(|(r, _)| r - top < 20)
            .map(|(r, cells)| {
                let cols: Vec<Option<Col>> = cells.iter().map(|c| col_of(c)).collect();
                let named = cols
                    .iter()
                    .any(|c| matches!(c, Some(Col::Name | Col::CollectiveName | Col::HeadName)));
                (*r, cols.iter().flatten().count(), named, cols)
            })
            .filter(|(_, n, named, _)| *named && *n >= 2)
            .max_by_key(|(r, n, _, _)| (*n, u32::MAX - r));
        let Some((head_at, _, _, cols)) = best else {
            continue;
        };
        let mut section_kind = None;
        for (i, r) in sheet.rows.iter().filter(|(i, _)| *i > head_at) {
            let filled: Vec<&String> = r.iter().filter(|c| !c.trim().is_empty()).collect();
            if filled.is_empty() {
                continue;
            }
            let mut cells = Vec::new();
            for (c, v) in cols.iter().zip(r) {
                if let Some(c) = c {
                    cells.push((*c, v.clone()));
                }
            }
            let name = cells
                .iter()
                .find(|(c, v)| {
                    matches!(c, Col::Name | Col::CollectiveName | Col::HeadName)
                        && !v.trim().is_empty()
                })
                .map(|(_, v)| v.clone());
            // A section row: one or two cells ("II", "CÁ NHÂN") naming a kind.
            if filled.len() <= 2
                && let Some(k) = filled.iter().rev().find_map(|c| kind_word(c))
            {
                section_kind = Some(k);
                continue;
            }
            let Some(name) = name else { continue };
            if total_row(&name) {
                continue;
            }
            let joined = r.join("\u{1f}");
            out.push(Row {
                sheet: sheet.name.clone(),
                row: *i as usize + 1,
                fingerprint: crate::review::raw_fingerprint(joined.as_bytes()),
                cells,
                section_kind,
            });
        }
    }
    Ok(out)
}

/// "Tổng cộng: 4", "Cộng", "Tong so" — but "Công an xã …" is a name: the
/// diacritics tell "cộng" (sum) from "công".
fn total_row(name: &str) -> bool {
    let low = crate::text::nfc(name.trim()).to_lowercase();
    let f = fold(name);
    low.starts_with("tổng")
        || low == "cộng"
        || low.starts_with("cộng:")
        || low.starts_with("cộng ")
        || f.starts_with("tong cong")
        || f.starts_with("tong so")
}

/// A list row's birth date as the file should hold it.
pub fn birth(s: &str) -> String {
    match date_in(s) {
        Some(d) => crate::text::dmy(d),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_row_is_told_from_a_name() {
        assert!(total_row("Tổng cộng: 4 tập thể, cá nhân"));
        assert!(total_row("Cộng"));
        assert!(total_row("Tong cong"));
        assert!(!total_row("Công an xã Thanh Thủy"));
        assert!(!total_row("Tống Văn Hùng"));
    }

    #[test]
    fn headers_in_their_usual_words() {
        assert_eq!(col_of("Tên tập thể, cá nhân"), Some(Col::Name));
        assert_eq!(col_of("Họ và tên chủ hộ"), Some(Col::HeadName));
        assert_eq!(
            col_of("Chức vụ, đơn vị công tác hoặc địa chỉ"),
            Some(Col::Combined)
        );
        assert_eq!(col_of("Đơn vị đề nghị"), Some(Col::Unit));
        assert_eq!(
            col_of("Hình thức khen thưởng đề nghị"),
            Some(Col::ProposedAward)
        );
        assert_eq!(kind_word("II. CÁ NHÂN"), Some(Kind::CaNhan));
        assert_eq!(kind_word("I"), None);
    }
}
