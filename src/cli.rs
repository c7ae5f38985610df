//! The command line: arguments, dispatch, exit codes (SPEC §8: 0 when
//! nothing is wrong, 1 when something is, 2 when the command could not run).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::check::Options;
use crate::commands::{campaigns, nominate, summary, validate};
use crate::lang::Lang;
use crate::render::human::Style;

/// kh — kiểm tra hồ sơ đề nghị điển hình tiên tiến theo kế hoạch của tỉnh.
#[derive(Debug, Parser)]
#[command(
    name = "kh",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Ngôn ngữ hiển thị: vi (tiếng Việt) | en (English)
    #[arg(long, global = true, env = "KH_LANG", value_parser = parse_lang, default_value = "vi", hide_env_values = true)]
    pub lang: Lang,

    /// Không hiện thanh tiến độ
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Màu sắc: auto | always | never (biến NO_COLOR tắt màu)
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    /// In trợ giúp
    #[arg(short = 'h', long, global = true, action = clap::ArgAction::Help)]
    help: Option<bool>,

    /// In phiên bản
    #[arg(short = 'V', long, action = clap::ArgAction::Version)]
    version: Option<bool>,

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
    /// Kiểm tra một đợt, một đơn vị hoặc một tệp đề nghị
    Validate(validate::Args),
    /// In các bảng tổng hợp cho Hội đồng Thi đua - Khen thưởng
    Summary(summary::Args),
    /// Lập hồ sơ đề nghị mới theo mẫu
    Nominate {
        #[command(subcommand)]
        action: NominateAction,
    },
    /// Thẩm định của Sở Nội vụ: ghi kết quả, xem danh sách
    Review {
        #[command(subcommand)]
        action: ReviewAction,
    },
    /// Xuất văn bản của đợt: mẫu báo cáo, danh sách trình Chủ tịch, công văn, bảng tính
    Export {
        #[command(subcommand)]
        action: ExportAction,
    },
    /// Viết trang giới thiệu điển hình cho báo chí và Cổng thông tin (mục IV.2)
    Publish(crate::commands::publish::Args),
    /// Nhập báo cáo thành tích (.docx) và danh sách (.xlsx) của các đơn vị vào đợt
    Import(crate::commands::import::Args),
    /// In JSON Schema của một loại tệp, cho trình soạn thảo (taplo, VS Code)
    Schema(crate::commands::schema::Args),
    /// Giải thích một quy tắc: kiểm tra gì, căn cứ, ví dụ và cách sửa
    Explain(crate::commands::explain::Args),
    /// In tập lệnh tự hoàn thành cho shell
    Completions(crate::commands::completions::Args),
    /// Viết trang man cho kh và từng lệnh con
    Man(crate::commands::man::Args),
    /// Danh sách phong trào thi đua, hoặc chi tiết một phong trào
    Campaigns(campaigns::Args),
}

#[derive(Debug, Subcommand)]
pub enum ExportAction {
    /// Mỗi đề nghị thành một tệp .docx theo mẫu báo cáo thành tích của kế hoạch
    Forms(crate::commands::export::forms::Args),
    /// Danh sách điển hình đề nghị khen thưởng, kèm tờ trình Chủ tịch UBND tỉnh (.docx)
    #[command(mut_arg("out", |a| a.help("Tệp .docx ghi ra (ngoài thư mục của đợt)")))]
    List(crate::commands::export::list::Args),
    /// Công văn gửi đơn vị cần bổ sung, và nhắc đơn vị chưa gửi (.docx)
    Letters(crate::commands::export::letters::Args),
    /// Bảng tính của đợt (.xlsx)
    #[command(mut_arg("out", |a| a.help("Tệp .xlsx ghi ra (ngoài thư mục của đợt)")))]
    Xlsx(crate::commands::export::xlsx::Args),
}

#[derive(Debug, Subcommand)]
pub enum ReviewAction {
    /// Ghi kết quả thẩm định cho một hoặc nhiều tệp đề nghị
    Set(crate::commands::review::SetArgs),
    /// Danh sách đề nghị với kết quả thẩm định
    List(crate::commands::review::ListArgs),
}

#[derive(Debug, Subcommand)]
pub enum NominateAction {
    /// Viết tệp đề nghị mới, sẵn sàng để điền
    New(nominate::Args),
    /// Hoàn thiện tệp đề nghị bằng cách trả lời câu hỏi (không gõ TOML)
    Edit(crate::commands::nominate_edit::EditArgs),
}

use crate::output::print;

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

/// kh's command line. `memory` is the binary's allocator policy
/// (`main.rs`), which long runs ask for.
pub fn main(memory: crate::check::Memory) -> ExitCode {
    let early = lang_from_args();
    let parsed = localize(Cli::command(), early, &[])
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let missing_command = matches!(
                e.kind(),
                ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            );
            if missing_command {
                let _ = writeln!(
                    std::io::stderr(),
                    "{}",
                    early.pick(
                        "kh: thiếu lệnh. Ví dụ: kh validate ., kh summary ., kh nominate new (xem: kh --help)",
                        "kh: a command is missing. For example: kh validate ., kh summary ., kh nominate new (see: kh --help)"
                    )
                );
                return ExitCode::from(2);
            }
            if e.use_stderr() && early == Lang::Vi {
                let _ = write!(
                    std::io::stderr(),
                    "kh: {}",
                    crate::usage_error::vietnamese(&e)
                );
            } else {
                let _ = e.print();
            }
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let lang = cli.lang;
    match run(cli, memory) {
        Ok(true) => ExitCode::from(1),
        Ok(false) => ExitCode::SUCCESS,
        Err(e) => {
            let prefix = lang.pick("kh: lỗi", "kh: error");
            // The chain of causes, with the system's own words (English
            // "No such file or directory") said in the chosen language.
            let said: Vec<String> = e
                .chain()
                .map(|cause| match cause.downcast_ref::<std::io::Error>() {
                    Some(io) => crate::lang::io_error(io, lang),
                    None => cause.to_string(),
                })
                .collect();
            let _ = writeln!(
                std::io::stderr(),
                "{prefix}: {}",
                crate::text::escape_controls(&said.join(": "))
            );
            ExitCode::from(2)
        }
    }
}

/// Runs a command; `Ok(true)` when what it checked has problems.
fn run(cli: Cli, memory: crate::check::Memory) -> Result<bool> {
    let lang = cli.lang;
    let color = use_color(cli.color);
    // A bar only for a person at a terminal reading human output.
    let human = match &cli.command {
        Command::Validate(args) => args.format == validate::Format::Human,
        Command::Summary(args) => args.format == summary::Format::Table,
        _ => false,
    };
    let opts = Options {
        lang,
        progress: human && !cli.quiet && std::io::stderr().is_terminal(),
        memory,
    };
    match cli.command {
        Command::Validate(args) => validate::run(
            &args.path,
            args.format,
            validate::Gate {
                strict: args.strict,
                allow_empty: args.allow_empty,
            },
            Style {
                lang,
                color,
                verbose: args.verbose,
            },
            opts,
        ),
        Command::Summary(args) => {
            summary::print(args, opts)?;
            // The summary reports problems; it does not fail on them.
            Ok(false)
        }
        Command::Review {
            action: ReviewAction::Set(args),
        } => crate::commands::review::set(args, opts),
        Command::Review {
            action: ReviewAction::List(args),
        } => crate::commands::review::run_list(args, opts),
        Command::Nominate {
            action: NominateAction::New(args),
        } => {
            print(&nominate::run(args, lang)?)?;
            Ok(false)
        }
        Command::Nominate {
            action: NominateAction::Edit(args),
        } => {
            print(&crate::commands::nominate_edit::run(args, lang)?)?;
            Ok(false)
        }
        Command::Export { action } => match action {
            ExportAction::Forms(args) => crate::commands::export::forms::run_forms(args, opts),
            ExportAction::List(args) => crate::commands::export::list::run_list(args, opts),
            ExportAction::Letters(args) => {
                crate::commands::export::letters::run_letters(args, opts)
            }
            ExportAction::Xlsx(args) => crate::commands::export::xlsx::run_xlsx(args, opts),
        },
        Command::Publish(args) => crate::commands::publish::run(args, opts),
        Command::Import(args) => crate::commands::import::run(args, opts),
        Command::Schema(args) => crate::commands::schema::run(args, lang),
        Command::Explain(args) => crate::commands::explain::run(args, lang),
        Command::Completions(args) => {
            crate::commands::completions::run(args, localize(Cli::command(), lang, &[]))
        }
        Command::Man(args) => {
            crate::commands::man::run(args, localize(Cli::command(), lang, &[]), lang)
        }
        Command::Campaigns(args) => crate::commands::campaigns::run(args, lang),
    }
}

/// A language, in any case; an empty `KH_LANG` is the default.
fn parse_lang(s: &str) -> std::result::Result<Lang, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "" | "vi" | "vn" | "vie" => Ok(Lang::Vi),
        "en" | "eng" => Ok(Lang::En),
        _ => Err(format!("`{s}`: vi | en")),
    }
}

/// The language asked for, read before the arguments are parsed so that
/// `--help` and usage errors can speak it too.
fn lang_from_args() -> Lang {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let pick = |v: &str| parse_lang(v).unwrap_or(Lang::Vi);
    for (i, a) in args.iter().enumerate() {
        if a == "--lang" {
            return args.get(i + 1).map_or(Lang::Vi, |v| pick(v));
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return pick(v);
        }
    }
    std::env::var("KH_LANG").map_or(Lang::Vi, |v| pick(&v))
}

/// Help in the chosen language: headings, and under English the English
/// text of every command and option (the doc comments are Vietnamese).
pub fn localize(cmd: clap::Command, lang: Lang, path: &[&str]) -> clap::Command {
    let usage = lang.pick("Cách dùng", "Usage");
    let mut cmd = cmd
        .help_template(format!(
            "{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(lang.pick("Lệnh", "Commands"))
        .disable_help_flag(true)
        .mut_args(|arg| {
            // A command's own options first, then those every command takes.
            let heading = if arg.is_positional() {
                lang.pick("Đối số", "Arguments")
            } else if arg.is_global_set() || matches!(arg.get_id().as_str(), "help" | "version") {
                lang.pick("Tùy chọn chung", "Global options")
            } else {
                lang.pick("Tùy chọn", "Options")
            };
            // The help texts list the values in words; clap's English
            // "[possible values: …]" would repeat them.
            let arg = arg.help_heading(heading);
            let arg = if arg.get_action().takes_values() {
                arg.hide_possible_values(true)
            } else {
                arg
            };
            match (lang, english_help(path, arg.get_id().as_str())) {
                (Lang::En, Some(text)) => arg.help(text),
                (Lang::Vi, _) => vietnamese_brackets(arg),
                _ => arg,
            }
        });
    if lang == Lang::En
        && let Some(about) = english_about(path)
    {
        cmd = cmd.about(about);
    }
    if let Some(examples) = examples(path, lang) {
        cmd = cmd.after_help(examples);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let mut sub_path = path.to_vec();
        sub_path.push(&name);
        let sub = cmd.find_subcommand(&name).cloned();
        if let Some(sub) = sub {
            let localized = localize(sub, lang, &sub_path);
            cmd = cmd.mut_subcommand(&name, |_| localized);
        }
    }
    cmd
}

/// clap's "[env: KH_LANG] [default: vi]" after a help text, in Vietnamese.
fn vietnamese_brackets(arg: clap::Arg) -> clap::Arg {
    let mut tail = String::new();
    if let Some(env) = arg.get_env()
        && !arg.is_hide_env_set()
    {
        tail.push_str(&format!(" [biến môi trường: {}]", env.to_string_lossy()));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if arg.get_action().takes_values() && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        tail.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
    }
    if tail.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    arg.hide_env(true)
        .hide_default_value(true)
        .help(format!("{help}{tail}"))
}

/// Two or three examples under a command's help.
fn examples(path: &[&str], lang: Lang) -> Option<String> {
    let (heading, lines): (&str, &[&str]) = match path {
        ["validate"] => (
            lang.pick("Ví dụ", "Examples"),
            &[
                "kh validate dot-2023                 # cả đợt / the whole round",
                "kh validate dot-2023/so-y-te         # một đơn vị / one unit",
                "kh validate . --format github        # GitHub Actions",
            ],
        ),
        ["summary"] => (
            lang.pick("Ví dụ", "Examples"),
            &[
                "kh summary dot-2023",
                "kh summary dot-2023 --campaign \"dạy tốt\"",
                "kh summary dot-2023 --format csv --table units --excel --sep ';' > don-vi.csv",
            ],
        ),
        ["nominate", "new"] => (
            lang.pick("Ví dụ", "Examples"),
            &[
                "kh nominate new                      # hỏi từng bước / asks step by step",
                "kh nominate new --unit so-y-te --unit-name \"Sở Y tế\" --campaign 3.10 --kind ca-nhan --name \"Đinh Văn Thành\"",
            ],
        ),
        ["review", "set"] => (
            lang.pick("Ví dụ", "Examples"),
            &[
                "kh review set so-y-te/dinh-van-thanh.toml --status dat --award \"Bằng khen của Chủ tịch UBND tỉnh\"",
                "kh review set so-giao-duc/nguyen-thi-mai.toml --status bo-sung --note \"Bổ sung quyết định\"",
            ],
        ),
        ["export", "forms"] => (
            lang.pick("Ví dụ", "Examples"),
            &["kh export forms dot-2023 --out ~/van-ban/mau --date 05/10/2023"],
        ),
        ["import"] => (
            lang.pick("Ví dụ", "Examples"),
            &[
                "kh import hop-thu --into dot-2023 --dry-run   # xem trước / preview",
                "kh import hop-thu --into dot-2023",
                "kh import bao-cao.docx --into dot-2023 --unit so-y-te --campaign 3.10",
            ],
        ),
        ["publish"] => (
            lang.pick("Ví dụ", "Examples"),
            &["kh publish dot-2023 --out ~/web/dien-hinh-2023"],
        ),
        _ => return None,
    };
    Some(format!("{heading}:\n  {}", lines.join("\n  ")))
}

pub use crate::commands::English;

/// kh's own, and the options every command takes.
const ENGLISH: English = English {
    about: "kh — checks nominations of advanced exemplars against the province's plan.",
    options: &[
        ("lang", "Display language: vi (Vietnamese) | en (English)"),
        ("quiet", "No progress bar"),
        (
            "color",
            "Colour: auto | always | never (NO_COLOR turns it off)",
        ),
        ("help", "Print help"),
        ("version", "Print version"),
    ],
};

/// The English of the command at `path`.
fn english_of(path: &[&str]) -> Option<&'static English> {
    use crate::commands::*;
    Some(match path {
        [] => &ENGLISH,
        ["validate"] => &validate::ENGLISH,
        ["summary"] => &summary::ENGLISH,
        ["nominate"] => &nominate::GROUP_ENGLISH,
        ["nominate", "new"] => &nominate::ENGLISH,
        ["nominate", "edit"] => &crate::commands::nominate_edit::ENGLISH,
        ["review"] => &review::GROUP_ENGLISH,
        ["review", "set"] => &review::SET_ENGLISH,
        ["review", "list"] => &review::LIST_ENGLISH,
        ["export"] => &export::GROUP_ENGLISH,
        ["export", "forms"] => &export::forms::ENGLISH,
        ["export", "list"] => &export::list::ENGLISH,
        ["export", "letters"] => &export::letters::ENGLISH,
        ["export", "xlsx"] => &export::xlsx::ENGLISH,
        ["publish"] => &publish::ENGLISH,
        ["import"] => &import::ENGLISH,
        ["schema"] => &schema::ENGLISH,
        ["explain"] => &explain::ENGLISH,
        ["completions"] => &completions::ENGLISH,
        ["man"] => &man::ENGLISH,
        ["campaigns"] => &campaigns::ENGLISH,
        ["campaigns", "show"] => &campaigns::SHOW_ENGLISH,
        _ => return None,
    })
}

fn english_about(path: &[&str]) -> Option<&'static str> {
    english_of(path).map(|e| e.about)
}

/// An option's English: the command's own, else one every command takes.
fn english_help(path: &[&str], id: &str) -> Option<&'static str> {
    let find = |e: &English| e.options.iter().find(|(k, _)| *k == id).map(|(_, h)| *h);
    english_of(path).and_then(find).or_else(|| find(&ENGLISH))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// The values a help text lists: in `x: a (…) | b | c (…)`, the word
    /// before each bar and after it, explanations in brackets left out.
    fn listed(help: &str) -> Vec<String> {
        let mut plain = String::new();
        let mut depth = 0;
        for c in help.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                c if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        let parts: Vec<&str> = plain.split('|').collect();
        if parts.len() < 2 {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            let word = if i == 0 {
                part.split_whitespace().last()
            } else {
                part.split_whitespace().next()
            };
            let word = word.unwrap_or("").trim_end_matches([',', ';', ':', '.']);
            if crate::text::is_slug(word) {
                out.push(word.to_string());
            }
        }
        out.sort();
        out
    }

    fn compare(
        vi: &clap::Command,
        en: &clap::Command,
        path: &mut Vec<String>,
        checked: &mut usize,
    ) {
        for a in vi.get_arguments() {
            let id = a.get_id().as_str();
            let Some(b) = en.get_arguments().find(|b| b.get_id().as_str() == id) else {
                panic!("{path:?} --{id}: no English option");
            };
            let (h_vi, h_en) = (
                a.get_help().map(|h| h.to_string()).unwrap_or_default(),
                b.get_help().map(|h| h.to_string()).unwrap_or_default(),
            );
            assert!(
                !h_vi.trim().is_empty(),
                "{path:?} --{id}: no Vietnamese help"
            );
            assert!(!h_en.trim().is_empty(), "{path:?} --{id}: no English help");
            // The same text in both is only right for a bare list of values.
            assert!(
                h_vi != h_en || h_en.is_ascii(),
                "{path:?} --{id}: English help left in Vietnamese: {h_en}"
            );
            assert_eq!(
                listed(&h_vi),
                listed(&h_en),
                "{path:?} --{id}: {h_vi} / {h_en}"
            );
            assert!(
                !h_en.contains(".1 files") || path == &["man"],
                "{path:?} --{id}: {h_en}"
            );
            *checked += 1;
        }
        for s in vi.get_subcommands() {
            let Some(t) = en.find_subcommand(s.get_name()) else {
                panic!("{path:?} {}: no English command", s.get_name());
            };
            path.push(s.get_name().to_string());
            compare(s, t, path, checked);
            path.pop();
        }
    }

    /// Every option of every command has help in both languages, listing the
    /// same values (issue #20: `--out` read "Folder for the .1 files" on the
    /// exports and publish, `--format` listed no values in English).
    #[test]
    fn every_options_help_is_there_in_both_languages() {
        let vi = localize(Cli::command(), Lang::Vi, &[]);
        let en = localize(Cli::command(), Lang::En, &[]);
        let mut checked = 0;
        compare(&vi, &en, &mut Vec::new(), &mut checked);
        assert!(checked > 60, "{checked}");
    }
}
