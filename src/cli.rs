//! The command line: arguments, dispatch, exit codes (SPEC §8: 0 when
//! nothing is wrong, 1 when something is, 2 when the command could not run).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};
use comfy_table::Table;

use crate::check::Options;
use crate::commands::{campaigns, nominate, summary, validate};
use crate::lang::Lang;
use crate::render::human::Style;

/// kh — kiểm tra hồ sơ đề nghị điển hình tiên tiến theo kế hoạch của tỉnh.
#[derive(Debug, Parser)]
#[command(name = "kh", version)]
pub struct Cli {
    /// Ngôn ngữ hiển thị (display language): vi | en
    #[arg(long, global = true, env = "KH_LANG", value_enum, default_value_t = Lang::Vi, hide_env_values = true)]
    pub lang: Lang,

    /// Không hiện thanh tiến độ (no progress bar)
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Màu sắc (colour): auto | always | never; NO_COLOR được tôn trọng
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Kiểm tra một đợt, một đơn vị hoặc một tệp đề nghị (check a round, a unit or a file)
    Validate {
        /// Thư mục gốc của đợt, thư mục đơn vị, hoặc một tệp .toml
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Định dạng kết quả: human | json
        #[arg(long, value_enum, default_value_t = validate::Format::Human)]
        format: validate::Format,
        /// Coi cảnh báo như lỗi (exit 1 khi có cảnh báo)
        #[arg(long)]
        strict: bool,
        /// Hiện cả ghi chú
        #[arg(short, long)]
        verbose: bool,
    },
    /// Các bảng tổng hợp cho Hội đồng Thi đua - Khen thưởng (summary tables)
    Summary {
        /// Thư mục gốc của đợt, thư mục đơn vị, hoặc một tệp .toml
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Chỉ một phong trào: mã, tên khác hoặc tên tiếng Việt
        #[arg(long)]
        campaign: Option<String>,
        /// Chỉ một đơn vị (mã thư mục)
        #[arg(long)]
        unit: Option<String>,
        /// Chỉ một loại: tap-the | ca-nhan | ho-gia-dinh
        #[arg(long)]
        kind: Option<String>,
        /// Liệt kê cả phong trào chưa có đề nghị
        #[arg(long)]
        all: bool,
        /// Định dạng: table | json | csv | markdown
        #[arg(long, value_enum, default_value_t = summary::Format::Table)]
        format: summary::Format,
        /// Bảng xuất ra CSV: campaigns | units | nominations | escalations | unreadable
        #[arg(long, value_enum, default_value_t = summary::Which::Campaigns)]
        table: summary::Which,
        /// Thêm BOM UTF-8 để Excel đọc đúng tiếng Việt (CSV)
        #[arg(long)]
        excel: bool,
        /// Kẻ bảng bằng ký tự ASCII
        #[arg(long)]
        ascii: bool,
    },
    /// Lập hồ sơ đề nghị mới theo mẫu (new nomination from the form)
    Nominate {
        #[command(subcommand)]
        action: NominateAction,
    },
    /// Danh sách phong trào thi đua, hoặc chi tiết một phong trào (campaigns)
    Campaigns {
        #[command(subcommand)]
        action: Option<CampaignsAction>,
        /// Kẻ bảng bằng ký tự ASCII
        #[arg(long, global = true)]
        ascii: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CampaignsAction {
    /// Chi tiết một phong trào: cơ quan chủ trì, đối tượng, quy tắc, tiêu chí
    Show {
        /// Mã, tên khác hoặc tên tiếng Việt (có hoặc không dấu)
        campaign: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum NominateAction {
    /// Viết tệp đề nghị mới, sẵn sàng để điền
    New {
        /// Mã đơn vị gửi (thư mục): chữ thường không dấu, số, dấu -
        #[arg(long)]
        unit: Option<String>,
        /// Tên đầy đủ của đơn vị, cho unit.toml khi đơn vị mới
        #[arg(long)]
        unit_name: Option<String>,
        /// Phong trào: mã, tên khác hoặc tên tiếng Việt
        #[arg(long)]
        campaign: Option<String>,
        /// Loại: tap-the | ca-nhan | ho-gia-dinh
        #[arg(long)]
        kind: Option<String>,
        /// Đối tượng (với phong trào có phân loại cá nhân)
        #[arg(long)]
        role: Option<String>,
        /// Tên tập thể, hoặc họ và tên cá nhân / chủ hộ
        #[arg(long)]
        name: Option<String>,
        /// Thư mục gốc của đợt
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// In tệp ra màn hình, không ghi gì
        #[arg(long)]
        stdout: bool,
    },
}

/// How tables are drawn.
#[derive(Clone, Copy, Debug)]
pub struct TableStyle {
    pub unicode: bool,
}

impl TableStyle {
    pub fn apply(self, table: &mut Table) {
        table.load_style(if self.unicode {
            comfy_table::presets::UTF8_FULL_CONDENSED
        } else {
            comfy_table::presets::ASCII_FULL_CONDENSED
        });
    }
}

/// Colour only on a terminal, and never under `NO_COLOR`.
fn use_color(when: ColorWhen) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Writes to stdout; a closed pipe (`kh … | head`) is not an error.
pub fn print(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let lang = cli.lang;
    match run(cli) {
        Ok(true) => ExitCode::from(1),
        Ok(false) => ExitCode::SUCCESS,
        Err(e) => {
            let prefix = lang.pick("kh: lỗi", "kh: error");
            let _ = writeln!(
                std::io::stderr(),
                "{prefix}: {}",
                crate::text::escape_controls(&format!("{e:#}"))
            );
            ExitCode::from(2)
        }
    }
}

/// Runs a command; `Ok(true)` when what it checked has problems.
fn run(cli: Cli) -> Result<bool> {
    let lang = cli.lang;
    let color = use_color(cli.color);
    // A bar only for a person at a terminal reading human output.
    let human = match &cli.command {
        Command::Validate { format, .. } => *format == validate::Format::Human,
        Command::Summary { format, .. } => *format == summary::Format::Table,
        _ => false,
    };
    let opts = Options {
        lang,
        current_year: crate::config::current_year(),
        progress: human && !cli.quiet && std::io::stderr().is_terminal(),
    };
    match cli.command {
        Command::Validate {
            path,
            format,
            strict,
            verbose,
        } => validate::run(
            &path,
            format,
            strict,
            Style {
                lang,
                color,
                verbose,
            },
            opts,
        ),
        Command::Summary {
            path,
            campaign,
            unit,
            kind,
            all,
            format,
            table,
            excel,
            ascii,
        } => {
            let args = summary::Args {
                path: &path,
                campaign: campaign.as_deref(),
                unit: unit.as_deref(),
                kind: kind.as_deref(),
                all,
                format,
                table,
                excel,
                style: TableStyle {
                    unicode: !ascii && std::io::stdout().is_terminal(),
                },
            };
            print(&summary::run(args, opts)?)?;
            // The summary reports problems; it does not fail on them.
            Ok(false)
        }
        Command::Nominate {
            action:
                NominateAction::New {
                    unit,
                    unit_name,
                    campaign,
                    kind,
                    role,
                    name,
                    root,
                    stdout,
                },
        } => {
            let args = nominate::Args {
                unit,
                unit_name,
                campaign,
                kind,
                role,
                name,
                root,
                stdout,
            };
            print(&nominate::run(args, lang)?)?;
            Ok(false)
        }
        Command::Campaigns { action, ascii } => {
            let table = TableStyle {
                unicode: !ascii && std::io::stdout().is_terminal(),
            };
            let out = match action {
                None => campaigns::list(lang, table),
                Some(CampaignsAction::Show { campaign }) => campaigns::show(&campaign, lang)?,
            };
            print(&out)?;
            Ok(false)
        }
    }
}
