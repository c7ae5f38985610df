//! `kh export xlsx`: the round's workbook, with the figures of
//! `kh summary --format json`, every number a number.

use anyhow::Result;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet};

use crate::lang::Lang;
use crate::summary::{ReviewCounts, Summary};
use crate::vocab::Scope;

/// The sheets, in order.
pub const SHEETS: [&str; 6] = [
    "Theo phong trào",
    "Theo đơn vị",
    "Danh sách",
    "Trình Chủ tịch",
    "Chưa gửi",
    "Không đọc được",
];

/// A cell: text, or a number Excel can sum.
enum V {
    T(String),
    N(f64),
}

fn t(s: impl Into<String>) -> V {
    V::T(s.into())
}

fn n(x: usize) -> V {
    V::N(x as f64)
}

fn review_cells(r: &ReviewCounts) -> [V; 4] {
    [n(r.cho_xet), n(r.dat), n(r.bo_sung), n(r.khong_dat)]
}

const REVIEW_HEADERS: [&str; 4] = ["Chờ xét", "Đạt", "Đề nghị bổ sung", "Không đạt"];

/// Text a cell can hold: control characters a file may carry are dropped.
/// The most characters an Excel cell holds (Excel's limit, counted in
/// UTF-16 units).
const CELL_MAX: usize = 32_767;
/// What ends a cell cut at [`CELL_MAX`], so that a reader sees it was cut.
const CUT_MARK: &str = " …[đã cắt bớt]";

/// Text as a cell may hold it: control characters dropped, and cut with a
/// visible mark past Excel's limit rather than failing the whole workbook.
fn clean(s: &str) -> String {
    let mut out: String = s
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    if out.encode_utf16().count() > CELL_MAX {
        let room = CELL_MAX - CUT_MARK.encode_utf16().count();
        let mut used = 0;
        let end = out
            .char_indices()
            .find(|(_, c)| {
                used += c.len_utf16();
                used > room
            })
            .map_or(out.len(), |(i, _)| i);
        out.truncate(end);
        out.push_str(CUT_MARK);
    }
    out
}

/// How a sheet prints: what it is about (under the round's title), and
/// which of its columns a totals row sums (none on a list of names).
struct Layout<'a> {
    title: &'a str,
    subject: &'a str,
    totals: &'a [usize],
    /// The columns a reader needs, first: only they are printed, at full
    /// size; the columns after them are for machines (#34.5).
    printed: Option<usize>,
}

/// What an A4 landscape page holds across at 100%, in Excel's character
/// widths (Calibri 11), with the sheet's margins: printed columns are fitted
/// within it, so that "fit to one page wide" never shrinks the type.
const PAGE_CHARS: usize = 140;

/// The rows above the table: the title, the sheet's subject, then the header.
const HEADER_ROW: u32 = 2;

/// A column's letter, for formulas (the workbook has fewer than 27 columns).
fn col_letter(c: usize) -> char {
    (b'A' + (c % 26) as u8) as char
}

/// A sheet that prints as an office files it: A4 landscape, one page wide,
/// the header repeated on every page, a title above the table, long text
/// wrapped in columns of a readable width, and a totals row whose formulas
/// Excel and LibreOffice compute (so that an edited cell moves the total).
fn sheet(
    book: &mut Workbook,
    name: &str,
    layout: &Layout,
    header: &[&str],
    rows: &[Vec<V>],
) -> Result<()> {
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin);
    let text = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let number = Format::new()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let ws: &mut Worksheet = book.add_worksheet();
    ws.set_name(name)?;
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, *h, &bold)?;
    }
    let first = HEADER_ROW + 1;
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (first + r as u32, c as u16);
            match v {
                V::T(s) => ws.write_string_with_format(r, c, clean(s), &text)?,
                V::N(x) => ws.write_number_with_format(r, c, *x, &number)?,
            };
        }
    }
    let last_col = header.len().saturating_sub(1) as u16;
    ws.set_freeze_panes(first, 0)?;
    ws.autofilter(HEADER_ROW, 0, HEADER_ROW + rows.len() as u32, last_col)?;
    // Widths from the table alone (the title spans the columns), capped so
    // that a long path or name wraps instead of pushing the page wide; and
    // each row as tall as its wrapped lines, which neither Excel nor
    // LibreOffice works out when opening a file.
    let mut widths = widths(header, rows);
    if let Some(n) = layout.printed {
        fit_printed(&mut widths[..n.min(header.len())]);
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w as f64)?;
    }
    ws.set_row_height(
        HEADER_ROW,
        15.0 * lines(header.iter().copied(), &widths) as f64,
    )?;
    for (r, row) in rows.iter().enumerate() {
        let texts = row.iter().map(|v| match v {
            V::T(s) => s.as_str(),
            V::N(_) => "",
        });
        let n = lines(texts, &widths);
        if n > 1 {
            ws.set_row_height(first + r as u32, 15.0 * n as f64)?;
        }
    }
    if let Some(&from) = layout.totals.iter().min() {
        let at = first + rows.len() as u32;
        let total = bold.clone().set_align(FormatAlign::Left);
        let sum_format = Format::new().set_bold().set_border(FormatBorder::Thin);
        // The label spans the columns before the first sum.
        if from > 1 {
            ws.merge_range(at, 0, at, (from - 1) as u16, "Tổng cộng", &total)?;
        } else {
            ws.write_string_with_format(at, 0, "Tổng cộng", &total)?;
        }
        for c in from..header.len() {
            if layout.totals.contains(&c) && !rows.is_empty() {
                let l = col_letter(c);
                // The sum is written beside its formula: Excel computes on
                // opening, LibreOffice by default shows what the file holds.
                let sum: f64 = rows
                    .iter()
                    .filter_map(|r| match r.get(c) {
                        Some(V::N(x)) => Some(*x),
                        _ => None,
                    })
                    .sum();
                let f = Formula::new(format!("=SUM({l}{}:{l}{})", first + 1, at))
                    .set_result(sum.to_string());
                ws.write_formula_with_format(at, c as u16, f, &sum_format)?;
            } else {
                ws.write_blank(at, c as u16, &total)?;
            }
        }
    }
    let title = Format::new()
        .set_bold()
        .set_font_size(13)
        .set_align(FormatAlign::Center);
    let subject = Format::new().set_italic().set_align(FormatAlign::Center);
    // The title over what is printed.
    let last_col = layout
        .printed
        .map_or(last_col, |n| (n.saturating_sub(1) as u16).min(last_col));
    if last_col > 0 {
        ws.merge_range(0, 0, 0, last_col, layout.title, &title)?;
        ws.merge_range(1, 0, 1, last_col, layout.subject, &subject)?;
    } else {
        ws.write_string_with_format(0, 0, layout.title, &title)?;
        ws.write_string_with_format(1, 0, layout.subject, &subject)?;
    }
    ws.set_paper_size(9); // A4
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer("&CTrang &P/&N");
    if layout.printed.is_some() {
        let last_row = HEADER_ROW + rows.len() as u32;
        ws.set_print_area(0, 0, last_row, last_col)?;
    }
    Ok(())
}

/// Printed columns narrowed, widest first, until they fit [`PAGE_CHARS`]:
/// their text wraps rather than the page shrinking.
fn fit_printed(widths: &mut [usize]) {
    while widths.iter().sum::<usize>() > PAGE_CHARS {
        let Some(widest) = widths.iter_mut().max() else {
            return;
        };
        if *widest <= 8 {
            return;
        }
        *widest -= 1;
    }
}

/// The widest a column grows, in characters; longer text wraps.
const MAX_WIDTH: usize = 42;

/// Each column's width in characters: its longest cell's, within bounds.
fn widths(header: &[&str], rows: &[Vec<V>]) -> Vec<usize> {
    (0..header.len())
        .map(|c| {
            let longest = rows
                .iter()
                .map(|r| match r.get(c) {
                    Some(V::T(s)) => s.chars().count(),
                    Some(V::N(x)) => x.to_string().len(),
                    None => 0,
                })
                .chain(header.get(c).map(|h| h.chars().count().min(16)))
                .max()
                .unwrap_or(0);
            (longest + 2).clamp(6, MAX_WIDTH)
        })
        .collect()
}

/// How many lines the tallest of a row's texts wraps to in its column.
fn lines<'a>(texts: impl Iterator<Item = &'a str>, widths: &[usize]) -> usize {
    texts
        .zip(widths)
        .map(|(t, w)| {
            // A little slack: words wrap whole, and letters are not all equal.
            let room = w.saturating_sub(2).max(1);
            t.lines()
                .map(|l| (l.chars().count() * 11 / 10).div_ceil(room).max(1))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1)
        .max(1)
}

/// The round's title over every sheet.
pub fn title(year: i32) -> String {
    format!("TỔNG HỢP ĐỀ NGHỊ KHEN THƯỞNG ĐIỂN HÌNH TIÊN TIẾN, đợt năm {year}")
}

/// A campaign's name beside its slug, for a reader who does not know slugs.
fn campaign_name(slug: &str) -> String {
    crate::campaign::Campaign::from_slug(slug)
        .map(|c| c.info().name(Lang::Vi).to_string())
        .unwrap_or_default()
}

/// The round's workbook: a sheet per table of the summary (SPEC §12), each
/// made by a function of its own below.
pub fn workbook(s: &Summary, year: i32, as_of: chrono::NaiveDate) -> Result<Vec<u8>> {
    let title = title(year);
    let mut book = new_book(&title, as_of)?;
    let layout = |subject, totals| Layout {
        title: &title,
        subject,
        totals,
        printed: None,
    };
    let (header, rows) = by_campaign(s);
    sheet(
        &mut book,
        SHEETS[0],
        &layout(
            "Số đề nghị theo phong trào thi đua",
            &[4, 5, 6, 7, 8, 9, 10, 11, 12],
        ),
        &header,
        &rows,
    )?;
    let (header, rows) = by_unit(s);
    sheet(
        &mut book,
        SHEETS[1],
        &layout("Số đề nghị theo đơn vị", &[2, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
        &header,
        &rows,
    )?;
    // What a reader needs first is printed (#34.5): the first seven columns.
    sheet(
        &mut book,
        SHEETS[2],
        &Layout {
            printed: Some(7),
            ..layout("Danh sách các đề nghị", &[])
        },
        &NOMINATION_HEADER,
        &nominations(s),
    )?;
    sheet(
        &mut book,
        SHEETS[3],
        &layout(
            "Các đề nghị phạm vi toàn tỉnh, trình Chủ tịch UBND tỉnh",
            &[],
        ),
        &[
            "Tệp",
            "Đơn vị",
            "Tên",
            "Phong trào",
            "Tên phong trào",
            "Loại",
        ],
        &to_chairman(s),
    )?;
    let rows: Vec<Vec<V>> = s
        .missing_units
        .iter()
        .map(|m| vec![t(&m.slug), t(&m.name)])
        .collect();
    sheet(
        &mut book,
        SHEETS[4],
        &layout("Các đơn vị trong danh sách chưa gửi đề nghị", &[]),
        &["Mã đơn vị", "Đơn vị"],
        &rows,
    )?;
    sheet(
        &mut book,
        SHEETS[5],
        &layout("Các tệp không đọc được", &[]),
        &["Tệp", "Lý do"],
        &unread(s),
    )?;
    Ok(book.save_to_buffer()?)
}

/// A workbook titled for the round, dated by the round rather than the
/// clock: the same round gives the same bytes.
fn new_book(title: &str, as_of: chrono::NaiveDate) -> Result<Workbook> {
    use chrono::Datelike;
    let mut book = Workbook::new();
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(
        u16::try_from(as_of.year()).unwrap_or(2023),
        as_of.month() as u8,
        as_of.day() as u8,
    )?;
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title(title)
            .set_creation_datetime(&created),
    );
    Ok(book)
}

fn kinds(k: &crate::summary::ByKind) -> [V; 3] {
    [n(k.tap_the), n(k.ca_nhan), n(k.ho_gia_dinh)]
}

/// The first sheet: nominations by campaign.
fn by_campaign(s: &Summary) -> (Vec<&'static str>, Vec<Vec<V>>) {
    let mut header = vec![
        "Mục",
        "Mã",
        "Phong trào",
        "Cơ quan chủ trì",
        "Tập thể",
        "Cá nhân",
        "Hộ gia đình",
        "Tổng",
        "Có lỗi",
    ];
    header.extend(REVIEW_HEADERS);
    let rows = s
        .campaigns
        .iter()
        .map(|c| {
            let mut row = vec![t(c.section), t(c.slug), t(c.name), t(c.lead_agency)];
            row.extend(kinds(&c.kinds));
            row.extend([n(c.total), n(c.with_errors)]);
            row.extend(review_cells(&c.review));
            row
        })
        .collect();
    (header, rows)
}

/// The second sheet: nominations by unit, against the cap.
fn by_unit(s: &Summary) -> (Vec<&'static str>, Vec<Vec<V>>) {
    let mut header = vec![
        "Mã đơn vị",
        "Đơn vị",
        "Đề nghị",
        "Tối đa",
        "Tập thể",
        "Cá nhân",
        "Hộ gia đình",
        "Lỗi",
        "Cảnh báo",
    ];
    header.extend(REVIEW_HEADERS);
    let rows = s
        .units
        .iter()
        .map(|u| {
            let mut row = vec![t(u.slug), t(u.name), n(u.nominations), n(u.cap)];
            row.extend(kinds(&u.kinds));
            row.extend([n(u.errors), n(u.warnings)]);
            row.extend(review_cells(&u.review));
            row
        })
        .collect();
    (header, rows)
}

/// The nominations' sheet: what a reader needs first, then the rest, and
/// last, outside the print area, the paths and slugs machines read back
/// (`kh import`).
const NOMINATION_HEADER: [&str; 15] = [
    "STT",
    "Tên",
    "Đơn vị",
    "Tên phong trào",
    "Loại",
    "Hình thức đề nghị",
    "Thẩm định",
    "Phạm vi",
    "Sở Nội vụ đề xuất",
    "Lỗi",
    "Cảnh báo",
    "Sửa sau thẩm định",
    "Tệp",
    "Mã đơn vị",
    "Phong trào",
];

fn nominations(s: &Summary) -> Vec<Vec<V>> {
    let lang = Lang::Vi;
    s.nominations
        .iter()
        .enumerate()
        .map(|(i, x)| {
            vec![
                n(i + 1),
                t(x.name),
                t(x.unit_name),
                t(campaign_name(x.campaign)),
                t(x.kind.label(lang)),
                t(x.proposed_award.unwrap_or_default()),
                t(x.review.status.label(lang)),
                t(x.scope.label(lang)),
                t(x.review.award.unwrap_or_default()),
                n(x.errors),
                n(x.warnings),
                t(if x.review.stale { "Có" } else { "Không" }),
                t(x.path),
                t(x.unit),
                t(x.campaign),
            ]
        })
        .collect()
}

/// What goes to the Chairman: the nominations of province-wide reach.
fn to_chairman(s: &Summary) -> Vec<Vec<V>> {
    s.nominations
        .iter()
        .filter(|x| x.scope == Scope::ToanTinh)
        .map(|x| {
            vec![
                t(x.path),
                t(x.unit_name),
                t(x.name),
                t(x.campaign),
                t(campaign_name(x.campaign)),
                t(x.kind.label(Lang::Vi)),
            ]
        })
        .collect()
}

/// Files the summary could not count, and why.
fn unread(s: &Summary) -> Vec<Vec<V>> {
    s.unreadable
        .iter()
        .map(|p| vec![t(*p), t("không đọc được phong trào hoặc loại")])
        .chain(
            s.outside_unit
                .iter()
                .map(|p| vec![t(*p), t("nằm ngoài thư mục đơn vị")]),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_past_excels_limit_are_cut_with_a_mark() {
        let long = "Nguyễn ".repeat(6_500);
        let cell = clean(&long);
        assert_eq!(cell.encode_utf16().count(), CELL_MAX);
        assert!(cell.ends_with(CUT_MARK));
        assert_eq!(clean("Lê\u{1b}Văn"), "LêVăn");
        assert_eq!(clean("ngắn"), "ngắn");
    }
}
