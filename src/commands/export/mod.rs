//! `kh export`: the documents a round ends in (SPEC §12), one command each;
//! the documents themselves are made in `crate::documents`.

pub mod forms;
pub mod letters;
pub mod list;
pub mod xlsx;

use std::path::PathBuf;

use chrono::NaiveDate;

/// What every export takes: the round, where to write, and whether to
/// replace. An export writing one file says so in its `--out` help
/// (`mut_arg` in `cli::ExportAction`).
#[derive(Debug, clap::Args)]
pub struct Common {
    /// Thư mục gốc của đợt, thư mục đơn vị, hoặc một tệp .toml
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Nơi ghi (ngoài thư mục của đợt)
    #[arg(long)]
    pub out: PathBuf,
    /// Ghi đè tệp đã có
    #[arg(long)]
    pub force: bool,
}

/// The signing date of an export that prints one (forms, letters, list).
#[derive(Debug, clap::Args)]
pub struct Signed {
    /// Ngày ký, 05/10/2023 hoặc 2023-10-05 (mặc định: để dấu chấm điền tay)
    #[arg(long, value_parser = crate::reader::parse_date_arg)]
    pub date: Option<NaiveDate>,
}

/// The English of `kh export`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const GROUP_ENGLISH: crate::commands::English = crate::commands::English {
    about: "Export the round's documents: forms, the Chairman's list, letters, the workbook",
    options: &[],
};
