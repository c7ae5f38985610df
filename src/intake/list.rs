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
    /// "Họ và tên": a person's name, an individual where nothing else
    /// says the kind (the peer's CANHAN template, SPEC §15.1).
    PersonName,
    /// A name column whose header says the kind ("Tên tập thể").
    CollectiveName,
    HeadName,
    Birth,
    /// "Năm sinh" over two columns "Nam" | "Nữ": the year stands under
    /// the nominee's gender.
    BirthMale,
    BirthFemale,
    Gender,
    Position,
    Workplace,
    Combined,
    Hometown,
    Residence,
    Campaign,
    /// kh's own "Tên phong trào": read where no "Phong trào" is.
    CampaignName,
    Achievements,
    ProposedAward,
    Unit,
    UnitSlug,
    Kind,
    Scope,
    /// The peer's "Tên phòng ban/khối, tổ công tác": joined before the
    /// workplace (SPEC §15.1).
    Department,
    /// The peer's "Mã hình thức khen thưởng" / "Mã danh hiệu thi đua",
    /// resolved through the workbook's catalogue.
    AwardCode,
    TitleCode,
}

/// Headers, folded; the first that a header equals, or starts with, wins.
const HEADERS: &[(&str, Col)] = &[
    // kh's own workbook writes the campaign's name and, for machines, its
    // slug: the slug is read first.
    ("ten phong trao", Col::CampaignName),
    // The peer product's templates (SPEC §15.1).
    ("ten don vi tap the cong tac", Col::Workplace),
    ("ten phong ban", Col::Department),
    ("phan loai khen thuong", Col::Kind),
    ("ma hinh thuc khen thuong", Col::AwardCode),
    ("ma danh hieu thi dua", Col::TitleCode),
    (
        "danh hieu thi dua hinh thuc khen thuong",
        Col::ProposedAward,
    ),
    ("ho va ten chu ho", Col::HeadName),
    ("ho ten chu ho", Col::HeadName),
    ("ten tap the ca nhan", Col::Name),
    ("ten tap the", Col::CollectiveName),
    ("ten don vi tap the", Col::CollectiveName),
    ("ho va ten", Col::PersonName),
    ("ho ten", Col::PersonName),
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
        // kh's own "Tên" is a name column only as the whole header: "Tên
        // hình thức" is none (SPEC §15.1).
        .find(|(k, _)| super::report::words_start(&f, k) && (*k != "ten" || f == "ten"))
        .map(|(_, c)| *c)
}

/// A catalogue sheet (SPEC §15.1): named "DANHMUC", or headed "Mã số"
/// beside "Hình thức khen thưởng" / "Danh hiệu thi đua" with no name column.
fn catalogue(sheet: &Sheet) -> bool {
    if fold(&sheet.name).replace(' ', "") == "danhmuc" {
        return true;
    }
    sheet
        .rows
        .iter()
        .take_while(|(r, _)| r - sheet.top < 20)
        .any(|(_, cells)| {
            let f: Vec<String> = cells.iter().map(|c| fold(c)).collect();
            f.iter().any(|h| h.starts_with("ma so"))
                && f.iter()
                    .any(|h| h.contains("hinh thuc khen thuong") || h.contains("danh hieu thi dua"))
                && !cells.iter().any(|c| {
                    matches!(
                        col_of(c),
                        Some(Col::Name | Col::PersonName | Col::CollectiveName | Col::HeadName)
                    )
                })
        })
}

/// A workbook's catalogue of codes: award forms and titles by code.
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    pub awards: Vec<(String, String)>,
    pub titles: Vec<(String, String)>,
}

impl Catalogue {
    fn read(sheet: &Sheet, into: &mut Catalogue) {
        // Column pairs: a code column ("Mã số", "Mã …") and the name beside
        // it, what the name's header says deciding which list it is.
        let Some((head_at, pairs)) = sheet
            .rows
            .iter()
            .take_while(|(r, _)| r - sheet.top < 20)
            .find_map(|(r, cells)| {
                let pairs: Vec<(usize, bool)> = cells
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| fold(h).starts_with("ma"))
                    .filter_map(|(i, _)| {
                        let name = fold(cells.get(i + 1)?);
                        if name.contains("hinh thuc khen thuong") {
                            Some((i, true))
                        } else if name.contains("danh hieu") {
                            Some((i, false))
                        } else {
                            None
                        }
                    })
                    .collect();
                (!pairs.is_empty()).then_some((*r, pairs))
            })
        else {
            return;
        };
        for (_, cells) in sheet.rows.iter().filter(|(r, _)| *r > head_at) {
            for (i, award) in &pairs {
                let code = cells.get(*i).map_or("", |c| c.trim());
                let name = cells.get(i + 1).map_or("", |c| c.trim());
                if code.is_empty() || name.is_empty() {
                    continue;
                }
                let list = if *award {
                    &mut into.awards
                } else {
                    &mut into.titles
                };
                list.push((code.to_string(), name.to_string()));
            }
        }
    }

    /// The name a code stands for.
    pub fn name(list: &[(String, String)], code: &str) -> Option<String> {
        let code = code.trim();
        list.iter()
            .find(|(c, _)| c == code || c.trim_start_matches('0') == code.trim_start_matches('0'))
            .map(|(_, n)| n.clone())
    }
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
    // The peer product's codes (SPEC §15.1).
    match f.as_str() {
        "tapthe" => return Some(Kind::TapThe),
        "canhan" => return Some(Kind::CaNhan),
        "hogiadinh" => return Some(Kind::HoGiaDinh),
        _ => {}
    }
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

/// The rows of every sheet that has a header row, and the workbook's
/// catalogue of codes.
pub fn rows(sheets: Vec<Sheet>) -> Result<(Vec<Row>, Catalogue), Refusal> {
    let mut out = Vec::new();
    let mut codes = Catalogue::default();
    let (catalogues, sheets): (Vec<Sheet>, Vec<Sheet>) = sheets.into_iter().partition(catalogue);
    for c in &catalogues {
        Catalogue::read(c, &mut codes);
    }
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
                let named = cols.iter().any(|c| {
                    matches!(
                        c,
                        Some(Col::Name | Col::PersonName | Col::CollectiveName | Col::HeadName)
                    )
                });
                (*r, cols.iter().flatten().count(), named, cols)
            })
            .filter(|(_, n, named, _)| *named && *n >= 2)
            .max_by_key(|(r, n, _, _)| (*n, u32::MAX - r));
        let Some((head_at, _, _, mut cols)) = best else {
            continue;
        };
        let sub_header = gender_columns(&sheet, head_at, &mut cols);
        let mut section_kind = None;
        for (i, r) in sheet
            .rows
            .iter()
            .filter(|(i, _)| *i > head_at && Some(*i) != sub_header)
        {
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
                    matches!(
                        c,
                        Col::Name | Col::PersonName | Col::CollectiveName | Col::HeadName
                    ) && !v.trim().is_empty()
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
    Ok((out, codes))
}

/// "Năm sinh" heading two columns, "Nam" | "Nữ", on the row under the
/// header (a common layout): those columns become the year under each
/// gender, and that row is no data (its row number is returned).
fn gender_columns(sheet: &Sheet, head_at: u32, cols: &mut Vec<Option<Col>>) -> Option<u32> {
    let at = cols.iter().position(|c| *c == Some(Col::Birth))?;
    let (sub_at, sub) = sheet.rows.iter().find(|(i, _)| *i == head_at + 1)?;
    let said = |i: usize| sub.get(i).map(|c| fold(c)).unwrap_or_default();
    if said(at) != "nam" || said(at + 1) != "nu" || cols.get(at + 1).is_some_and(Option::is_some) {
        return None;
    }
    if cols.len() < at + 2 {
        cols.resize(at + 2, None);
    }
    cols[at] = Some(Col::BirthMale);
    cols[at + 1] = Some(Col::BirthFemale);
    Some(*sub_at)
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
        assert_eq!(col_of("Họ và tên"), Some(Col::PersonName));
        assert_eq!(
            col_of("Tên đơn vị/tập thể công tác"),
            Some(Col::Workplace),
            "the peer's CANHAN: where a person works"
        );
        assert_eq!(col_of("Tên đơn vị / tập thể"), Some(Col::CollectiveName));
        assert_eq!(col_of("Tên hình thức khen thưởng"), None);
        assert_eq!(kind_word("TAPTHE"), Some(Kind::TapThe));
        assert_eq!(kind_word("hogiadinh"), Some(Kind::HoGiaDinh));
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
