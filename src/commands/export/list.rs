//! `kh export list`: the list that goes with Sở Nội vụ's report to the
//! Chairman.

use super::{Common, Signed};
use anyhow::Result;

use crate::check::Options;
use crate::documents::list::{ToTrinh, chosen, list};
use crate::tr;
use crate::vocab::Scope;
use crate::write_out;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub signed: Signed,
    /// Mọi đề nghị không có lỗi (mặc định: chỉ các đề nghị được thẩm định “đạt”)
    #[arg(long = "all", id = "all_ok")]
    pub all: bool,
    /// Chỉ một phạm vi: toan-tinh (các trường hợp Chủ tịch UBND tỉnh quyết định, mục IV.1)
    #[arg(long, value_parser = parse_scope)]
    pub scope: Option<Scope>,
    /// Số tờ trình mà danh sách kèm theo, ví dụ 123/TTr-SNV (mặc định: để dấu chấm điền tay)
    #[arg(long = "to-trinh")]
    pub to_trinh: Option<String>,
    /// Ngày của tờ trình, 05/10/2023 (mặc định: để dấu chấm điền tay)
    #[arg(long = "to-trinh-date", value_parser = crate::reader::parse_date_arg)]
    pub to_trinh_date: Option<chrono::NaiveDate>,
}

/// The English of `kh export list`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "The list of exemplars proposed for commendation, for the Chairman (.docx)",
    options: &[
        (
            "path",
            "Root of the round, a unit folder, or one .toml file",
        ),
        (
            "out",
            "The .docx file to write (outside the round's folder)",
        ),
        ("force", "Replace files that exist"),
        (
            "date",
            "Signing date, 05/10/2023 or 2023-10-05 (default: dots to fill by hand)",
        ),
        (
            "all_ok",
            "Every nomination without an error (default: those approved at appraisal)",
        ),
        (
            "scope",
            "Only one reach: toan-tinh (the cases the Chairman decides, §IV.1)",
        ),
        (
            "to_trinh",
            "Number of the tờ trình the list goes with, e.g. 123/TTr-SNV (default: dots to fill by hand)",
        ),
        (
            "to_trinh_date",
            "Date of the tờ trình, 05/10/2023 (default: dots to fill by hand)",
        ),
    ],
};

fn parse_scope(s: &str) -> std::result::Result<Scope, String> {
    use crate::vocab::Vocab;
    Scope::parse(s).ok_or_else(|| format!("`{s}`: {}", Scope::choices()))
}

/// Writes the list; never leaves a nomination out for an error (exit 0).
pub fn run_list(args: Args, opts: Options) -> Result<bool> {
    let lang = opts.lang;
    let (out, report) =
        write_out::round_for_file(&args.common.path, &args.common.out, args.common.force, lang)?;
    let rows = chosen(&report, args.all, args.scope);
    let to_trinh = ToTrinh {
        number: args.to_trinh.clone(),
        date: args.to_trinh_date,
    };
    let doc = list(&report, &rows, args.signed.date, args.scope, &to_trinh);
    write_out::write_atomic(&out, &crate::documents::bytes(&doc)?, lang)?;
    crate::output::print(&tr!(
        lang,
        "Đã ghi danh sách {} điển hình vào {}\n",
        "Wrote the list of {} exemplars to {}\n",
        rows.len(),
        args.common.out.display()
    ))?;
    Ok(false)
}
