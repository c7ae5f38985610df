//! `kh review set` and `kh review list`: Sở Nội vụ's appraisal (SPEC §10).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::NaiveDate;
use comfy_table::{ContentArrangement, Table};
use serde::Serialize;

use crate::check::{self, Options, Report};
use crate::diagnostic::Severity;
use crate::lang::Lang;
use crate::output::TableStyle;
use crate::render::human::{self, Style};
use crate::review::{self, NewDecision, Status};
use crate::text::escape_controls;
use crate::tr;
use crate::tree;
use crate::vocab::Vocab;

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// Các tệp đề nghị được ghi kết quả
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Kết quả: cho-xet | dat | bo-sung | khong-dat (chờ xét, đạt, đề nghị bổ sung, không đạt)
    #[arg(long, value_parser = parse_status)]
    pub status: Status,
    /// Cần bổ sung gì, hoặc vì sao không đạt (bắt buộc với bo-sung, khong-dat)
    #[arg(long)]
    pub note: Option<String>,
    /// Người thẩm định
    #[arg(long)]
    pub reviewer: Option<String>,
    /// Ngày thẩm định, 05/10/2023 hoặc 2023-10-05 (mặc định: hôm nay)
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Hình thức khen thưởng Sở Nội vụ đề xuất
    #[arg(long)]
    pub award: Option<String>,
}

/// The English of `kh review set`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const SET_ENGLISH: crate::commands::English = crate::commands::English {
    about: "Record the appraisal of one or more nomination files",
    options: &[
        ("files", "Nomination files to record the decision for"),
        (
            "status",
            "cho-xet | dat | bo-sung | khong-dat (pending, approved, returned for more, rejected)",
        ),
        (
            "note",
            "What to add, or why not (required for bo-sung and khong-dat)",
        ),
        ("reviewer", "Who appraised it"),
        (
            "date",
            "Day of the decision, 2023-10-05 or 05/10/2023 (default: today)",
        ),
        ("award", "The commendation Sở Nội vụ proposes"),
    ],
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Thư mục gốc của đợt
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Chỉ các đề nghị có kết quả này: cho-xet | dat | bo-sung | khong-dat
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,
    /// Chỉ một đơn vị (mã thư mục)
    #[arg(long)]
    pub unit: Option<String>,
    /// Chỉ một phong trào: mã, tên khác hoặc tên tiếng Việt
    #[arg(long)]
    pub campaign: Option<String>,
    /// Định dạng: table | json | csv
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// Kẻ bảng bằng ký tự ASCII
    #[arg(long)]
    pub ascii: bool,
}

/// The English of `kh review list`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const LIST_ENGLISH: crate::commands::English = crate::commands::English {
    about: "Every nomination with its appraisal",
    options: &[
        ("root", "Root of the round"),
        (
            "status",
            "Only the nominations with this decision: cho-xet | dat | bo-sung | khong-dat",
        ),
        ("unit", "Only one unit (its folder's name)"),
        ("campaign", "One campaign: slug, alias or Vietnamese name"),
        ("format", "Output format: table | json | csv"),
        ("ascii", "Draw tables with ASCII characters"),
    ],
};

fn parse_status(s: &str) -> std::result::Result<Status, String> {
    Status::parse(s).ok_or_else(|| format!("`{s}`: {}", Status::choices()))
}

fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    crate::reader::parse_date_arg(s)
}

/// Records the decision; `Ok(true)` when it was refused for errors (exit 1).
pub fn set(args: SetArgs, opts: Options) -> Result<bool> {
    let lang = opts.lang;
    let note = args
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if args.status.needs_note() && note.is_none() {
        bail!(tr!(
            lang,
            "kết quả “{}” cần --note: đơn vị cần bổ sung gì, hoặc vì sao không đạt",
            "a “{}” decision needs --note: what the unit must add, or why not",
            args.status.label(lang)
        ));
    }

    let mut root: Option<PathBuf> = None;
    let mut files: Vec<(String, String)> = Vec::new();
    let mut refused: Vec<Report> = Vec::new();
    let mut passed_over: Vec<String> = Vec::new();
    for file in &args.files {
        // A glob (`so-y-te/*.toml`) takes the unit's descriptor and the
        // round's files too: passed over with a word, not a refusal.
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if [tree::UNIT_FILE, tree::ROUND_FILE, review::REVIEW_FILE].contains(&name) {
            passed_over.push(escape_controls(&file.display().to_string()).into_owned());
            continue;
        }
        let (file_root, rel) = locate(file, lang)?;
        match &root {
            Some(r) if *r != file_root => bail!(tr!(
                lang,
                "các tệp thuộc nhiều đợt khác nhau: `{}` và `{}`",
                "the files belong to different rounds: `{}` and `{}`",
                r.display(),
                file_root.display()
            )),
            _ => root = Some(file_root.clone()),
        }
        let entry = tree::Entry::new(&file_root, &file_root.join(&rel), tree::EntryKind::File);
        let bytes = tree::read_bytes(&file_root, &entry)
            .map_err(|d| anyhow::anyhow!("{}: {}", d.path, d.message(lang)))?;
        if args.status == Status::Dat {
            // Approval holds for a nomination without errors only.
            // The file's own errors are what refuse it: the register is
            // not read for them (it is rewritten below, streaming).
            let mut layout = tree::resolve(file, lang)?;
            layout.review = None;
            let report = check::check_layout(layout, opts);
            if report
                .diagnostics
                .iter()
                .any(|d| *d.path == *rel && d.severity() == Severity::Error)
            {
                refused.push(report);
                continue;
            }
        }
        files.push((rel, review::fingerprint(&bytes)));
    }
    if !refused.is_empty() {
        let style = Style {
            lang,
            color: false,
            verbose: false,
        };
        let mut out = String::new();
        for report in &refused {
            let mut sources = human::Sources::new(&report.root);
            for d in report
                .diagnostics
                .iter()
                .filter(|d| d.severity() == Severity::Error)
            {
                let excerpt = sources.excerpt(d);
                out.push_str(&human::render_one(d, excerpt.as_ref(), style));
                out.push_str("\n\n");
            }
        }
        out.push_str(&tr!(
            lang,
            "Không ghi gì: {} tệp còn lỗi, chưa thể “đạt”.\n",
            "Nothing written: {} files still have errors and cannot be approved.\n",
            refused.len()
        ));
        crate::output::print(&out)?;
        return Ok(true);
    }
    if !passed_over.is_empty() {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            tr!(
                lang,
                "Bỏ qua (không phải tệp đề nghị): {}\n",
                "Passed over (not nominations): {}\n",
                passed_over.join(", ")
            )
            .as_bytes(),
        );
    }
    let Some(root) = root else {
        bail!(lang.pick("chưa nêu tệp đề nghị nào", "no nomination file named"));
    };
    let decision = NewDecision {
        status: args.status,
        note: note.map(String::from),
        reviewer: args
            .reviewer
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty()),
        date: args
            .date
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        award: args
            .award
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty()),
    };
    review::record(&root, &files, &decision, lang)?;
    if args.status == Status::Dat {
        warn_over_cap(&root, &files, opts)?;
    }
    let book = root.join(review::REVIEW_FILE);
    crate::output::print(&tr!(
        lang,
        "Đã ghi kết quả “{}” cho {} tệp vào {}\n",
        "Recorded “{}” for {} files in {}\n",
        decision.status.label(lang),
        files.len(),
        escape_controls(&book.display().to_string())
    ))?;
    Ok(false)
}

/// An approval of a file whose unit sends more than the cap, in one folder
/// or several that are one unit (SPEC §6), is written, and said: Sở
/// Nội vụ approves at most the cap's number of them. Counted from the walk
/// and the units' `unit.toml` names, by the check's own grouping, without
/// checking the round (or reading its register) again.
fn warn_over_cap(root: &Path, files: &[(String, String)], opts: Options) -> Result<()> {
    let layout = tree::resolve(root, opts.lang)?;
    let settings = layout
        .config
        .as_ref()
        .and_then(|e| tree::read_text(&layout.root, e).ok())
        .map(|t| crate::config::read_round(crate::tree::ROUND_FILE, &t).0)
        .unwrap_or_default();
    let names: Vec<Option<String>> = layout
        .units
        .iter()
        .map(|u| {
            let e = u.descriptor.as_ref()?;
            let text = tree::read_text(&layout.root, e).ok()?;
            crate::config::read_unit(&e.rel, &text).0.name
        })
        .collect();
    let named: Vec<(&str, Option<&str>)> = layout
        .units
        .iter()
        .zip(&names)
        .map(|(u, n)| (u.slug.as_str(), n.as_deref()))
        .collect();
    let groups = check::unit_groups(&named, &settings);
    let mut group_of: Vec<Option<usize>> = vec![None; layout.units.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = Some(g);
        }
    }
    let mut err = std::io::stderr().lock();
    for (i, group) in group_of.iter().enumerate() {
        let members: Vec<usize> = match *group {
            Some(g) => groups[g].clone(),
            None => vec![i],
        };
        // Said once, for the group's first folder.
        if members.first() != Some(&i) {
            continue;
        }
        let n: usize = members.iter().map(|&m| layout.units[m].files.len()).sum();
        if n <= settings.cap {
            continue;
        }
        let approved: Vec<&str> = files
            .iter()
            .map(|(rel, _)| rel.as_str())
            .filter(|rel| {
                members
                    .iter()
                    .any(|&m| rel.starts_with(&format!("{}/", layout.units[m].slug)))
            })
            .collect();
        if approved.is_empty() {
            continue;
        }
        let _ = writeln!(
            err,
            "{}",
            tr!(
                opts.lang,
                "cảnh báo[unit-over-cap]: đã ghi “đạt” cho {}, nhưng đơn vị gửi {n} đề nghị, vượt mức tối đa {} (mục IV.1): chỉ trình không quá {} hồ sơ",
                "warning[unit-over-cap]: “approved” recorded for {}, but the unit sends {n} nominations, over the cap of {} (§IV.1): put forward no more than {}",
                escape_controls(&approved.join(", ")),
                settings.cap,
                settings.cap
            )
        );
    }
    Ok(())
}

/// The round's root and the file's root-relative path, for a nomination
/// file of a round found by the one rule (SPEC §2). Refused: a file above
/// any unit or with no round's file above it, a link or a path through
/// one, a file under a dot-folder, anything but a nomination.
fn locate(file: &Path, lang: Lang) -> Result<(PathBuf, String)> {
    let shown = escape_controls(&file.display().to_string()).into_owned();
    let not_nomination = || {
        anyhow::anyhow!(tr!(
            lang,
            "`{shown}` không phải tệp đề nghị của một đợt",
            "`{shown}` is not a nomination file of a round"
        ))
    };
    let meta = std::fs::symlink_metadata(file)
        .map_err(|e| anyhow::anyhow!(tree::ReadError::Io(e).say(file, lang)))?;
    if meta.file_type().is_symlink() {
        bail!(tree::ReadError::Link.say(file, lang));
    }
    if meta.is_dir() {
        bail!(tr!(
            lang,
            "`{shown}` là thư mục: hãy nêu từng tệp đề nghị",
            "`{shown}` is a folder: name the nomination files"
        ));
    }
    if !meta.is_file() {
        bail!(tree::ReadError::NotRegular.say(file, lang));
    }
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if [tree::UNIT_FILE, tree::ROUND_FILE, review::REVIEW_FILE].contains(&name)
        || !name.to_ascii_lowercase().ends_with(".toml")
    {
        bail!(tr!(
            lang,
            "`{shown}` không phải tệp đề nghị",
            "`{shown}` is not a nomination file"
        ));
    }
    // The path as typed, made absolute without resolving links, so that a
    // link on the way is seen rather than followed.
    let lexical = lexical_absolute(file);
    let (root, scope, by) = tree::find_round(&lexical, false);
    if !matches!(by, tree::FoundBy::RoundFile | tree::FoundBy::UnitFile) {
        bail!(tr!(
            lang,
            "`{shown}` không nằm trong một đợt: không có kh.toml hay unit.toml ở thư mục trên nó",
            "`{shown}` is not in a round: no kh.toml or unit.toml in a folder above it"
        ));
    }
    if !matches!(scope, tree::Scope::File { unit: Some(_), .. }) {
        return Err(not_nomination());
    }
    let below = lexical.strip_prefix(&root).map_err(|_| not_nomination())?;
    let mut at = root.clone();
    for part in below.components() {
        let std::path::Component::Normal(part) = part else {
            return Err(not_nomination());
        };
        if part.to_string_lossy().starts_with('.') {
            bail!(tr!(
                lang,
                "`{shown}` nằm trong thư mục ẩn: không phải tệp đề nghị của đợt",
                "`{shown}` is under a hidden folder: not a nomination of the round"
            ));
        }
        at.push(part);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            bail!(tree::ReadError::Link.say(&at, lang));
        }
    }
    let book = root.join(review::REVIEW_FILE);
    match std::fs::symlink_metadata(&book) {
        Ok(m) if m.file_type().is_symlink() => bail!(tree::ReadError::Link.say(&book, lang)),
        Ok(m) if !m.is_file() => bail!(tree::ReadError::NotRegular.say(&book, lang)),
        _ => {}
    }
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    Ok((root, tree::rel_path(Path::new(""), below)))
}

/// `path` from the current folder, `.` and `..` resolved by name.
fn lexical_absolute(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut out = PathBuf::new();
    for part in abs.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// One line of `kh review list`.
#[derive(Serialize)]
struct Row {
    path: String,
    unit: String,
    unit_name: String,
    name: Option<String>,
    campaign: Option<&'static str>,
    status: Status,
    stale: bool,
    note: Option<String>,
    reviewer: Option<String>,
    date: Option<String>,
    award: Option<String>,
}

/// Writes the list to `out`. JSON and CSV are written a row at a time, so
/// a round of 100,000 nominations never holds them all as text.
/// `kh review list`, written to standard output; a closed pipe (`kh
/// review list | head`) ends quietly.
pub fn run_list(args: ListArgs, opts: Options) -> Result<bool> {
    use std::io::IsTerminal;
    let style = TableStyle {
        unicode: !args.ascii && std::io::stdout().is_terminal(),
    };
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::new(stdout);
    let written =
        list(args, style, opts, &mut out).and_then(|()| Ok(std::io::Write::flush(&mut out)?));
    match written {
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                || e.downcast_ref::<csv::Error>().is_some_and(|c| {
                    matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe)
                }) =>
        {
            Ok(false)
        }
        Err(e) => Err(e),
        Ok(()) => Ok(false),
    }
}

pub fn list(
    args: ListArgs,
    style: TableStyle,
    opts: Options,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let lang = opts.lang;
    let campaign = args
        .campaign
        .as_deref()
        .map(|c| crate::campaign::Campaign::from_query(c, lang).map(|(c, _)| c))
        .transpose()?;
    let report = check::run(&args.root, opts)?;
    let rows = report
        .records
        .iter()
        .filter(|r| {
            args.unit
                .as_ref()
                .is_none_or(|u| report.unit_of(r).slug == **u)
        })
        .filter(|r| {
            campaign.is_none_or(|c| r.nomination.as_ref().and_then(|n| n.campaign) == Some(c))
        })
        .filter(|r| args.status.is_none_or(|s| report.status(r) == s))
        .map(|r| {
            let d = report.book.decision(r.review);
            let n = r.nomination.as_ref();
            Row {
                path: r.path.to_string(),
                unit: report.unit_of(r).slug.clone(),
                unit_name: report.unit_of(r).name().to_string(),
                name: n.and_then(|n| n.name.as_deref().map(String::from)),
                campaign: n.and_then(|n| n.campaign).map(|c| c.slug()),
                status: report.status(r),
                stale: r.review.stale,
                note: d.and_then(|d| d.note.clone()),
                reviewer: d.and_then(|d| d.reviewer.clone()),
                date: d
                    .and_then(|d| d.date)
                    .map(|d| d.format("%Y-%m-%d").to_string()),
                award: d.and_then(|d| d.award.clone()),
            }
        });
    match args.format {
        ListFormat::Json => {
            // As serde_json's pretty printing of the whole list writes it.
            let mut first = true;
            for row in rows {
                let item = serde_json::to_string_pretty(&row)?;
                out.write_all(if first { b"[\n" } else { b",\n" })?;
                first = false;
                for (i, line) in item.lines().enumerate() {
                    if i > 0 {
                        out.write_all(b"\n")?;
                    }
                    out.write_all(b"  ")?;
                    out.write_all(line.as_bytes())?;
                }
            }
            out.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
        }
        ListFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "path",
                "unit",
                "unit_name",
                "name",
                "campaign",
                "status",
                "stale",
                "note",
                "reviewer",
                "date",
                "award",
            ])?;
            for r in rows {
                let cells = [
                    r.path.as_str(),
                    &r.unit,
                    &r.unit_name,
                    r.name.as_deref().unwrap_or(""),
                    r.campaign.unwrap_or(""),
                    r.status.slug(),
                    if r.stale { "true" } else { "false" },
                    r.note.as_deref().unwrap_or(""),
                    r.reviewer.as_deref().unwrap_or(""),
                    r.date.as_deref().unwrap_or(""),
                    r.award.as_deref().unwrap_or(""),
                ];
                // Text from a file never runs in a spreadsheet.
                w.write_record(
                    cells
                        .map(crate::text::csv_safe)
                        .iter()
                        .map(|c| c.as_bytes()),
                )?;
            }
            w.flush()?;
        }
        ListFormat::Table => {
            // A long list is drawn a block of rows at a time, each with its
            // header, so that no table of 100,000 rows is laid out at once
            // (#37.12); a list that fits one block reads as one table.
            let mut counts = [0usize; 4];
            let mut block: Vec<Row> = Vec::with_capacity(TABLE_BLOCK);
            let mut rows = rows.peekable();
            while rows.peek().is_some() {
                block.clear();
                block.extend(rows.by_ref().take(TABLE_BLOCK));
                for r in &block {
                    counts[r.status as usize] += 1;
                }
                out.write_all(table(&block, style, lang).as_bytes())?;
                out.write_all(b"\n")?;
            }
            if counts.iter().sum::<usize>() == 0 {
                out.write_all(table(&[], style, lang).as_bytes())?;
                out.write_all(b"\n")?;
            }
            let summary = Status::ALL
                .iter()
                .zip(counts)
                .map(|(s, n)| format!("{n} {}", s.label(lang)))
                .collect::<Vec<_>>()
                .join(", ");
            out.write_all(format!("{}: {summary}\n", lang.pick("Cộng", "Total")).as_bytes())?;
        }
    }
    Ok(())
}

/// The widest line of a path in an 80-column table.
const PATH_LINE: usize = 22;

/// A path in lines of at most `width` characters, broken only after a `/`
/// or a `-` (never inside a word of a slug): whole, a path would take half
/// an 80-column table, and cut anywhere it could not be read back.
fn path_lines(path: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for piece in path.split_inclusive(['/', '-']) {
        let n = piece.chars().count();
        if line > 0 && line + n > width {
            out.push('\n');
            line = 0;
        }
        out.push_str(piece);
        line += n;
    }
    out
}

fn table(rows: &[Row], style: TableStyle, lang: Lang) -> String {
    let mut t = Table::new();
    style.apply(&mut t);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    // A wider terminal keeps more of a path on a line.
    let path_line = usize::from(t.width().unwrap_or(80) / 4).max(PATH_LINE);
    t.set_header([
        // What `kh review set` takes (#23.12).
        lang.pick("Tệp", "File"),
        lang.pick("Tên", "Name"),
        // The plan's section ("3.9"): a slug would take a fifth of an
        // 80-column table and split every other word (#23.13).
        lang.pick("Mục", "Section"),
        // Who decided and when under the decision, the award proposed under
        // the note: five columns fit an 80-column terminal without
        // splitting a syllable, with the path that `review set` takes.
        lang.pick("Kết quả thẩm định", "Decision"),
        lang.pick("Ghi chú", "Note"),
    ]);
    for r in rows {
        let mut status = r.status.label(lang).to_string();
        if r.stale {
            status.push_str(lang.pick(" (tệp đã sửa sau thẩm định)", " (file changed since)"));
        }
        let date = r.date.as_deref().map(|d| {
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_or_else(|_| d.to_string(), crate::text::dmy)
        });
        let decision: Vec<String> = [Some(status), r.reviewer.clone(), date]
            .into_iter()
            .flatten()
            .map(|c| escape_controls(&c).into_owned())
            .collect();
        let award = r.award.as_deref().map(|a| {
            format!(
                "{}: {}",
                lang.pick("Đề xuất", "Proposed"),
                escape_controls(a)
            )
        });
        let note: Vec<String> = [
            r.note.as_deref().map(|n| escape_controls(n).into_owned()),
            award,
        ]
        .into_iter()
        .flatten()
        .collect();
        let file = path_lines(&escape_controls(&r.path), path_line);
        let cells = [
            r.name.as_deref().unwrap_or(""),
            r.campaign
                .and_then(crate::campaign::Campaign::from_slug)
                .map_or("", |c| c.info().section),
        ];
        let mut row = vec![file];
        row.extend(cells.map(|c| escape_controls(c).into_owned()));
        row.push(decision.join("\n"));
        row.push(note.join("\n"));
        t.add_row(row);
    }
    crate::output::fit(&mut t);
    t.to_string()
}

/// Rows a table of `review list` is drawn with at most.
const TABLE_BLOCK: usize = 2000;

/// The English of `kh review`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const GROUP_ENGLISH: crate::commands::English = crate::commands::English {
    about: "Sở Nội vụ's appraisal: record decisions, list them",
    options: &[],
};

#[cfg(test)]
mod tests {
    use super::path_lines;

    #[test]
    fn a_path_breaks_after_a_slash_or_a_hyphen_only() {
        assert_eq!(
            path_lines("ban-dan-van-tinh-uy/bui-thi-ngoc-anh.toml", 22),
            "ban-dan-van-tinh-uy/\nbui-thi-ngoc-anh.toml"
        );
        assert_eq!(
            path_lines("so-y-te/mo-hinh-duong-hoa-thon-tien-phong.toml", 22),
            "so-y-te/mo-hinh-duong-\nhoa-thon-tien-\nphong.toml"
        );
        assert_eq!(path_lines("a/b.toml", 22), "a/b.toml");
        // A piece longer than the line stays whole.
        let long = "x".repeat(30);
        assert_eq!(path_lines(&long, 22), long);
    }
}
