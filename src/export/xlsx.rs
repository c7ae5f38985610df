//! `kh export xlsx`: the round's workbook, with the figures of
//! `kh summary --format json`, every number a number.

use std::path::PathBuf;

use anyhow::Result;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

use crate::check::Options;
use crate::export;
use crate::lang::Lang;
use crate::summary::{Filter, ReviewCounts, Summary};
use crate::tr;
use crate::vocab::Scope;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Thư mục gốc của đợt
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Tệp .xlsx ghi ra (ngoài thư mục của đợt)
    #[arg(long)]
    pub out: PathBuf,
    /// Ghi đè tệp đã có
    #[arg(long)]
    pub force: bool,
}

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

fn sheet(book: &mut Workbook, name: &str, header: &[&str], rows: &[Vec<V>]) -> Result<()> {
    let bold = Format::new().set_bold();
    let ws: &mut Worksheet = book.add_worksheet();
    ws.set_name(name)?;
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match v {
                V::T(s) => ws.write_string(r, c, clean(s))?,
                V::N(x) => ws.write_number(r, c, *x)?,
            };
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(
        0,
        0,
        rows.len() as u32,
        header.len().saturating_sub(1) as u16,
    )?;
    ws.autofit();
    Ok(())
}

pub fn workbook(s: &Summary) -> Result<Vec<u8>> {
    let lang = Lang::Vi;
    let mut book = Workbook::new();
    let kinds = |k: &crate::summary::ByKind| [n(k.tap_the), n(k.ca_nhan), n(k.ho_gia_dinh)];

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
    let rows: Vec<Vec<V>> = s
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
    sheet(&mut book, SHEETS[0], &header, &rows)?;

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
    let rows: Vec<Vec<V>> = s
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
    sheet(&mut book, SHEETS[1], &header, &rows)?;

    let header = [
        "Tệp",
        "Mã đơn vị",
        "Đơn vị",
        "Tên",
        "Phong trào",
        "Loại",
        "Phạm vi",
        "Lỗi",
        "Cảnh báo",
        "Thẩm định",
        "Sửa sau thẩm định",
        "Hình thức đề nghị",
        "Sở Nội vụ đề xuất",
    ];
    let rows: Vec<Vec<V>> = s
        .nominations
        .iter()
        .map(|x| {
            vec![
                t(x.path),
                t(x.unit),
                t(x.unit_name),
                t(x.name),
                t(x.campaign),
                t(x.kind.label(lang)),
                t(x.scope.label(lang)),
                n(x.errors),
                n(x.warnings),
                t(x.review.status.label(lang)),
                t(if x.review.stale { "Có" } else { "Không" }),
                t(x.proposed_award.unwrap_or_default()),
                t(x.review.award.unwrap_or_default()),
            ]
        })
        .collect();
    sheet(&mut book, SHEETS[2], &header, &rows)?;

    let rows: Vec<Vec<V>> = s
        .nominations
        .iter()
        .filter(|x| x.scope == Scope::ToanTinh)
        .map(|x| {
            vec![
                t(x.path),
                t(x.unit_name),
                t(x.name),
                t(x.campaign),
                t(x.kind.label(lang)),
            ]
        })
        .collect();
    sheet(
        &mut book,
        SHEETS[3],
        &["Tệp", "Đơn vị", "Tên", "Phong trào", "Loại"],
        &rows,
    )?;

    let rows: Vec<Vec<V>> = s
        .missing_units
        .iter()
        .map(|m| vec![t(&m.slug), t(&m.name)])
        .collect();
    sheet(&mut book, SHEETS[4], &["Mã đơn vị", "Đơn vị"], &rows)?;

    let rows: Vec<Vec<V>> = s
        .unreadable
        .iter()
        .map(|p| vec![t(*p), t("không đọc được phong trào hoặc loại")])
        .chain(
            s.outside_unit
                .iter()
                .map(|p| vec![t(*p), t("nằm ngoài thư mục đơn vị")]),
        )
        .collect();
    sheet(&mut book, SHEETS[5], &["Tệp", "Lý do"], &rows)?;
    Ok(book.save_to_buffer()?)
}

pub fn run_xlsx(args: Args, opts: Options) -> Result<bool> {
    let lang = opts.lang;
    let (out, report) = export::round_for_file(&args.path, &args.out, args.force, lang)?;
    let summary = Summary::build(&report, &Filter::default(), Lang::Vi, true);
    let bytes = workbook(&summary)?;
    export::write_atomic(&out, &bytes, lang)?;
    crate::output::print(&tr!(
        lang,
        "Đã ghi bảng tính của đợt vào {}\n",
        "Wrote the round's workbook to {}\n",
        args.out.display()
    ))?;
    Ok(false)
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
