//! `kh export xlsx`: the round's workbook.

use super::Common;
use anyhow::Result;

use crate::check::Options;
use crate::documents::xlsx::workbook;
use crate::lang::Lang;
use crate::summary::{Filter, Summary};
use crate::tr;
use crate::write_out;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
}

/// The English of `kh export xlsx`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "The round's workbook (.xlsx)",
    options: &[
        (
            "path",
            "Root of the round, a unit folder, or one .toml file",
        ),
        (
            "out",
            "The .xlsx file to write (outside the round's folder)",
        ),
        ("force", "Replace files that exist"),
    ],
};

/// Writes the round's workbook.
pub fn run_xlsx(args: Args, opts: Options) -> Result<bool> {
    let lang = opts.lang;
    let (out, report) =
        write_out::round_for_file(&args.common.path, &args.common.out, args.common.force, lang)?;
    let summary = Summary::build(&report, &Filter::default(), Lang::Vi, true);
    let bytes = workbook(&summary, report.settings.year, report.settings.as_of)?;
    write_out::write_atomic(&out, &bytes, lang)?;
    crate::output::print(&tr!(
        lang,
        "Đã ghi bảng tính của đợt vào {}\n",
        "Wrote the round's workbook to {}\n",
        args.common.out.display()
    ))?;
    Ok(false)
}
