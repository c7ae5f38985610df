//! An Excel workbook's sheets as text, read with quick-xml from exactly the
//! parts the workbook names, each inflated under [`Package`]'s limits (SPEC
//! §15). Nothing a file declares sizes an allocation: not a sheet's
//! `<dimension>`, not `sharedStrings.xml`'s `count`; cells are kept sparse,
//! and a list whose cells would spread over more than [`MAX_GRID`] places
//! is refused before any grid is built.

use std::collections::BTreeMap;
use std::io::{Read, Seek};

use chrono::NaiveDate;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::package::{Package, Refusal};
use super::wordml::general_ref;

/// The most cells a workbook may hold, all sheets together: a province's
/// list holds a few thousand.
pub const MAX_CELLS: usize = 2_000_000;
/// The most places (rows with a cell × the sheet's columns) a sheet's rows
/// may spread over once laid out.
pub const MAX_GRID: usize = 20_000_000;

/// A sheet's rows that hold a cell, each laid out over the sheet's columns
/// (from its leftmost cell to its rightmost), as Excel shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    /// 0-based row of the sheet's first cell.
    pub top: u32,
    /// (0-based row, the row's cells as text).
    pub rows: Vec<(u32, Vec<String>)>,
}

/// One cell as read: where, and its text ("" for an error cell, which
/// still counts toward the sheet's extent, as Excel's does).
struct Cell {
    row: u32,
    col: u32,
    text: String,
}

/// The workbook's sheets in their order, worksheets only.
pub fn read<R: Read + Seek>(pkg: &mut Package<R>) -> Result<Vec<Sheet>, Refusal> {
    let names = pkg.names();
    let workbook = office_document(pkg, &names)?;
    let wb_xml = pkg.xml(&workbook)?;
    let (sheets, date1904) = workbook_sheets(&wb_xml, &workbook)?;
    let rels = rels_of(pkg, &names, &workbook)?;
    let strings = match rels.iter().find(|r| r.kind.ends_with("/sharedStrings")) {
        Some(r) => shared_strings(&pkg.xml(&r.target)?, &r.target)?,
        None => Vec::new(),
    };
    let dates = match rels.iter().find(|r| r.kind.ends_with("/styles")) {
        Some(r) => date_styles(&pkg.xml(&r.target)?, &r.target)?,
        None => Vec::new(),
    };
    let book = Book {
        strings,
        dates,
        date1904,
    };
    let mut cells_seen = 0;
    let mut out = Vec::new();
    for (name, id) in sheets {
        let Some(rel) = rels
            .iter()
            .find(|r| r.id == id && r.kind.ends_with("/worksheet"))
        else {
            continue;
        };
        let xml = pkg.xml(&rel.target)?;
        let cells = sheet_cells(&xml, &rel.target, &book, &mut cells_seen)?;
        out.push(lay_out(name, cells)?);
    }
    Ok(out)
}

/// What the cells of a sheet need from the rest of the workbook.
struct Book {
    strings: Vec<String>,
    /// For each cell style (`s`), whether its number format is a date.
    dates: Vec<bool>,
    date1904: bool,
}

struct Rel {
    id: String,
    kind: String,
    /// The part's name in the package.
    target: String,
}

/// The workbook part `_rels/.rels` names, else the usual one.
fn office_document<R: Read + Seek>(
    pkg: &mut Package<R>,
    names: &[String],
) -> Result<String, Refusal> {
    let usual = "xl/workbook.xml".to_string();
    if !names.iter().any(|n| n == "_rels/.rels") {
        return Ok(usual);
    }
    let xml = pkg.xml("_rels/.rels")?;
    let rels = parse_rels(&xml, "_rels/.rels", "")?;
    let found = rels
        .into_iter()
        .find(|r| r.kind.ends_with("/officeDocument"))
        .map(|r| r.target)
        .unwrap_or(usual);
    part_name(names, &found).ok_or(Refusal::MissingPart(found))
}

/// A part's name as the package spells it: exact, else alike but for case
/// (Excel's own names are case-insensitive).
fn part_name(names: &[String], wanted: &str) -> Option<String> {
    names
        .iter()
        .find(|n| *n == wanted)
        .or_else(|| names.iter().find(|n| n.eq_ignore_ascii_case(wanted)))
        .cloned()
}

/// The relationships of `part` (`xl/_rels/workbook.xml.rels` for
/// `xl/workbook.xml`), with their targets as part names.
fn rels_of<R: Read + Seek>(
    pkg: &mut Package<R>,
    names: &[String],
    part: &str,
) -> Result<Vec<Rel>, Refusal> {
    let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
    let path = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let Some(path) = part_name(names, &path) else {
        return Ok(Vec::new());
    };
    let xml = pkg.xml(&path)?;
    let mut rels = parse_rels(&xml, &path, dir)?;
    rels.retain_mut(|r| match part_name(names, &r.target) {
        Some(n) => {
            r.target = n;
            true
        }
        None => false,
    });
    Ok(rels)
}

fn parse_rels(xml: &str, part: &str, dir: &str) -> Result<Vec<Rel>, Refusal> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut depth = 0usize;
    loop {
        match r.read_event().map_err(|e| bad(part, e))? {
            Event::Eof => break,
            Event::DocType(_) => return Err(Refusal::Dtd(part.to_string())),
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let (id, kind, target) = (attr(&e, "Id"), attr(&e, "Type"), attr(&e, "Target"));
                let external = attr(&e, "TargetMode").is_some_and(|m| m == "External");
                if let (Some(id), Some(kind), Some(target), false) = (id, kind, target, external) {
                    out.push(Rel {
                        id,
                        kind,
                        target: resolve(dir, &target),
                    });
                }
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(out)
}

/// A relationship's target as a part name: absolute ("/xl/…") or relative to
/// the folder of the part that names it, "." and ".." resolved.
fn resolve(dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None if dir.is_empty() => target.to_string(),
        None => format!("{dir}/{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == name).then(|| a.value.to_string()))
}

fn bad(part: &str, e: impl std::fmt::Display) -> Refusal {
    Refusal::BadXml(format!("{part}: {e}"))
}

/// The sheets (name, relationship id) in the workbook's order, and whether
/// its dates count from 1904.
fn workbook_sheets(xml: &str, part: &str) -> Result<(Vec<(String, String)>, bool), Refusal> {
    let mut r = Reader::from_str(xml);
    let mut sheets = Vec::new();
    let mut date1904 = false;
    loop {
        match r.read_event().map_err(|e| bad(part, e))? {
            Event::Eof => break,
            Event::DocType(_) => return Err(Refusal::Dtd(part.to_string())),
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "sheet" => {
                    if let (Some(name), Some(id)) = (attr(&e, "name"), attr(&e, "id")) {
                        sheets.push((unescape(&name), id));
                    }
                }
                "workbookPr" => {
                    date1904 = attr(&e, "date1904").is_some_and(|v| v == "1" || v == "true");
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok((sheets, date1904))
}

/// An attribute's value with XML's escapes read (`&amp;` in a sheet's name).
fn unescape(s: &str) -> String {
    quick_xml::escape::unescape(s).map_or_else(|_| s.to_string(), |c| c.into_owned())
}

/// The text of a `<t>` run, a `<v>` value: what a reader collects between
/// a start and its end, entities resolved and nothing else admitted.
fn text_until_end(r: &mut Reader<&[u8]>, part: &str, end: &str) -> Result<String, Refusal> {
    let mut out = String::new();
    let mut depth = 0usize;
    loop {
        match r.read_event().map_err(|e| bad(part, e))? {
            Event::Text(t) => out.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Event::CData(t) => out.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Event::GeneralRef(g) => out.push_str(&general_ref(&g, part)?),
            Event::Start(_) => depth += 1,
            Event::End(e) if depth == 0 && e.local_name().as_ref() == end => return Ok(out),
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof => return Err(Refusal::CutShort(part.to_string())),
            _ => {}
        }
    }
}

/// `sharedStrings.xml`: each `<si>`'s text, its runs joined, phonetic
/// guides (`<rPh>`) left out. Grown as strings come, whatever `count` says.
fn shared_strings(xml: &str, part: &str) -> Result<Vec<String>, Refusal> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut phonetic = 0usize;
    loop {
        match r.read_event().map_err(|e| bad(part, e))? {
            Event::Eof => break,
            Event::DocType(_) => return Err(Refusal::Dtd(part.to_string())),
            Event::Start(e) => match e.local_name().as_ref() {
                "si" => current = Some(String::new()),
                "rPh" => phonetic += 1,
                "t" if phonetic == 0 => {
                    let t = text_until_end(&mut r, part, "t")?;
                    if let Some(c) = &mut current {
                        c.push_str(&t);
                    }
                }
                _ => {}
            },
            Event::Empty(e) if e.local_name().as_ref() == "si" => out.push(String::new()),
            Event::End(e) => match e.local_name().as_ref() {
                "si" => out.extend(current.take()),
                "rPh" => phonetic = phonetic.saturating_sub(1),
                _ => {}
            },
            _ => {}
        }
        if out.len() > MAX_CELLS {
            return Err(Refusal::TooLarge(part.to_string()));
        }
    }
    Ok(out)
}

/// `styles.xml`: for each cell format (`<cellXfs><xf>`), whether its number
/// format shows a date.
fn date_styles(xml: &str, part: &str) -> Result<Vec<bool>, Refusal> {
    let mut r = Reader::from_str(xml);
    let mut custom: BTreeMap<u32, bool> = BTreeMap::new();
    let mut xfs: Vec<u32> = Vec::new();
    let mut in_cell_xfs = false;
    loop {
        match r.read_event().map_err(|e| bad(part, e))? {
            Event::Eof => break,
            Event::DocType(_) => return Err(Refusal::Dtd(part.to_string())),
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    if let (Some(id), Some(code)) = (attr(&e, "numFmtId"), attr(&e, "formatCode"))
                        && let Ok(id) = id.parse()
                    {
                        custom.insert(id, is_date_format(&unescape(&code)));
                    }
                }
                "cellXfs" => in_cell_xfs = true,
                "xf" if in_cell_xfs => {
                    xfs.push(
                        attr(&e, "numFmtId")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0),
                    );
                    if xfs.len() > MAX_CELLS {
                        return Err(Refusal::TooLarge(part.to_string()));
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_cell_xfs = false,
            _ => {}
        }
    }
    Ok(xfs
        .into_iter()
        .map(|id| custom.get(&id).copied().unwrap_or(builtin_date(id)))
        .collect())
}

/// Excel's built-in number formats that show a date (or a date and time).
fn builtin_date(id: u32) -> bool {
    matches!(id, 14..=17 | 22 | 27..=36 | 45..=47 | 50..=58 | 71..=81)
}

/// A custom format shows a date when, outside quoted text, escapes and
/// brackets (colours, locales, elapsed time), it has a day, month or year.
fn is_date_format(code: &str) -> bool {
    let mut quoted = false;
    let mut bracket = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' | '_' | '*' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

/// A cell reference's 0-based (row, column): "B7" is (6, 1).
fn cell_ref(s: &str) -> Option<(u32, u32)> {
    let split = s.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = s.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut col: u32 = 0;
    for c in letters.chars() {
        if !c.is_ascii_alphabetic() {
            return None;
        }
        col = col * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
    }
    let row: u32 = digits.parse().ok()?;
    // Excel's largest sheet: 1,048,576 rows, 16,384 columns (XFD).
    ((1..=1_048_576).contains(&row) && col <= 16_384).then(|| (row - 1, col - 1))
}

/// A worksheet's cells with a value, as text, in the order written.
fn sheet_cells(xml: &str, part: &str, book: &Book, seen: &mut usize) -> Result<Vec<Cell>, Refusal> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut row, mut col) = (0u32, 0u32);
    let mut depth = 0usize;
    loop {
        match r.read_event().map_err(|e| bad(part, e))? {
            Event::Eof => break,
            Event::DocType(_) => return Err(Refusal::Dtd(part.to_string())),
            Event::Start(e) if e.local_name().as_ref() == "row" => {
                depth += 1;
                if let Some(n) = attr(&e, "r").and_then(|v| v.parse::<u32>().ok()) {
                    row = n.saturating_sub(1).min(1_048_575);
                }
                col = 0;
            }
            Event::End(e) if e.local_name().as_ref() == "row" => {
                depth = depth.saturating_sub(1);
                row = row.saturating_add(1).min(1_048_575);
                col = 0;
            }
            Event::Empty(e) if e.local_name().as_ref() == "row" => {
                row = attr(&e, "r")
                    .and_then(|v| v.parse::<u32>().ok())
                    .unwrap_or(row.saturating_add(1))
                    .min(1_048_576);
                col = 0;
            }
            Event::Empty(e) if e.local_name().as_ref() == "c" => {
                // A cell with a style and no value: nothing, as Excel shows it.
                if let Some((_, c)) = attr(&e, "r").as_deref().and_then(cell_ref) {
                    col = c;
                }
                col = col.saturating_add(1);
            }
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                let at = match attr(&e, "r") {
                    Some(s) => cell_ref(&s).ok_or_else(|| bad(part, format!("ô “{s}”")))?,
                    None => (row, col),
                };
                let ty = attr(&e, "t").unwrap_or_default();
                let style = attr(&e, "s").and_then(|v| v.parse::<usize>().ok());
                let value = cell_value(&mut r, part)?;
                col = at.1.saturating_add(1);
                if let Some(value) = value {
                    *seen += 1;
                    if *seen > MAX_CELLS {
                        return Err(Refusal::TooLarge(part.to_string()));
                    }
                    out.push(Cell {
                        row: at.0,
                        col: at.1,
                        text: cell_text(&ty, style, value, book),
                    });
                }
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(out)
}

/// What a cell holds, raw: its `<v>`, or its inline string's text; `None`
/// when it holds neither.
fn cell_value(r: &mut Reader<&[u8]>, part: &str) -> Result<Option<String>, Refusal> {
    let mut value = None;
    loop {
        match r.read_event().map_err(|e| bad(part, e))? {
            Event::Start(e) => match e.local_name().as_ref() {
                "v" => value = Some(text_until_end(r, part, "v")?),
                "t" => {
                    let t = text_until_end(r, part, "t")?;
                    value.get_or_insert_with(String::new).push_str(&t);
                }
                "rPh" => {
                    text_until_end(r, part, "rPh")?;
                }
                "f" => {
                    text_until_end(r, part, "f")?;
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "c" => return Ok(value),
            Event::Eof => return Err(Refusal::CutShort(part.to_string())),
            _ => {}
        }
    }
}

/// A cell's text as a person reads it: a shared or inline string, a date
/// for a number in a date's format ("12/04/1968"), a whole number without
/// ".0", TRUE/FALSE as true/false, an error as nothing.
fn cell_text(ty: &str, style: Option<usize>, raw: String, book: &Book) -> String {
    let text = match ty {
        "s" => raw
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|i| book.strings.get(i))
            .cloned()
            .unwrap_or_default(),
        "inlineStr" | "str" | "d" => raw,
        "b" => (raw.trim() == "1").to_string(),
        "e" => String::new(),
        _ => match raw.trim().parse::<f64>() {
            Ok(n) if style.and_then(|s| book.dates.get(s)).copied() == Some(true) => {
                match serial_date(n, book.date1904) {
                    Some(d) => crate::text::dmy(d),
                    None => number(n),
                }
            }
            Ok(n) => number(n),
            Err(_) => raw,
        },
    };
    crate::text::nfc(text.trim()).into_owned()
}

fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// An Excel date serial's day: counted from 1899-12-30 (Excel's 1900 system,
/// whose false 29 February 1900 shifts the days before 1 March), or from
/// 1904-01-01.
fn serial_date(n: f64, date1904: bool) -> Option<NaiveDate> {
    if !n.is_finite() || !(0.0..2_958_466.0).contains(&n) {
        return None;
    }
    let days = n.trunc() as i64;
    let (base, days) = if date1904 {
        (NaiveDate::from_ymd_opt(1904, 1, 1)?, days)
    } else if days < 60 {
        (NaiveDate::from_ymd_opt(1899, 12, 31)?, days)
    } else {
        (NaiveDate::from_ymd_opt(1899, 12, 30)?, days)
    };
    base.checked_add_signed(chrono::Duration::days(days))
}

/// The sheet's rows that hold a cell, each laid out from the sheet's
/// leftmost column to its rightmost; refused when that would pass
/// [`MAX_GRID`] places.
fn lay_out(name: String, cells: Vec<Cell>) -> Result<Sheet, Refusal> {
    if cells.is_empty() {
        return Ok(Sheet {
            name,
            ..Sheet::default()
        });
    }
    let left = cells.iter().map(|c| c.col).min().unwrap_or(0);
    let right = cells.iter().map(|c| c.col).max().unwrap_or(0);
    let top = cells.iter().map(|c| c.row).min().unwrap_or(0);
    let width = (right - left) as usize + 1;
    let mut by_row: BTreeMap<u32, Vec<Cell>> = BTreeMap::new();
    for c in cells {
        by_row.entry(c.row).or_default().push(c);
    }
    if by_row.len().saturating_mul(width) > MAX_GRID {
        return Err(Refusal::TooLarge(name));
    }
    let rows = by_row
        .into_iter()
        .map(|(r, cells)| {
            let mut row = vec![String::new(); width];
            for c in cells {
                row[(c.col - left) as usize] = c.text;
            }
            (r, row)
        })
        .collect();
    Ok(Sheet { name, top, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_dates_and_formats() {
        assert_eq!(cell_ref("A1"), Some((0, 0)));
        assert_eq!(cell_ref("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(cell_ref("XFE1"), None);
        assert_eq!(cell_ref("A0"), None);
        assert_eq!(cell_ref("1A"), None);
        assert_eq!(
            serial_date(24_940.0, false),
            NaiveDate::from_ymd_opt(1968, 4, 12)
        );
        assert_eq!(serial_date(1.0, false), NaiveDate::from_ymd_opt(1900, 1, 1));
        assert_eq!(serial_date(0.0, true), NaiveDate::from_ymd_opt(1904, 1, 1));
        assert_eq!(serial_date(f64::NAN, false), None);
        assert!(is_date_format("dd/mm/yyyy"));
        assert!(is_date_format("[$-42A]d mmmm yyyy"));
        assert!(!is_date_format("0.00"));
        assert!(!is_date_format("\"ngày\" 0"));
        assert!(!is_date_format("[Red]0"));
        assert!(builtin_date(14) && !builtin_date(0));
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl", "/xl/x.xml"), "xl/x.xml");
        assert_eq!(resolve("xl/a", "../b.xml"), "xl/b.xml");
    }

    #[test]
    fn a_far_cell_is_sparse_and_a_spread_list_refused() {
        let cell = |row, col| Cell {
            row,
            col,
            text: "x".into(),
        };
        let s = lay_out("S".into(), vec![cell(0, 0), cell(1_048_575, 0)]).expect("two rows");
        assert_eq!(s.rows.len(), 2);
        let wide: Vec<Cell> = (0..2000)
            .flat_map(|r| [cell(r, 0), cell(r, 16_383)])
            .collect();
        assert_eq!(
            lay_out("S".into(), wide),
            Err(Refusal::TooLarge("S".into()))
        );
    }

    #[test]
    fn shared_strings_ignore_their_declared_count() {
        let xml = "<sst count=\"18446744073709551615\" uniqueCount=\"18446744073709551615\"><si><t>a</t></si><si><r><t>b</t></r><r><t xml:space=\"preserve\"> c</t></r><rPh><t>x</t></rPh></si><si/></sst>";
        assert_eq!(shared_strings(xml, "s").expect("reads"), ["a", "b c", ""]);
    }
}
