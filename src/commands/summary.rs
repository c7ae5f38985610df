//! `kh summary`: the summary's lists as terminal tables, Markdown, CSV or
//! JSON.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use comfy_table::{ContentArrangement, Table};

use crate::campaign::Campaign;
use crate::check::{self, Options};
use crate::lang::Lang;
use crate::output::TableStyle;
use crate::review::Status;
use crate::summary::{ByKind, Filter, ReviewCounts, Summary};
use crate::text::escape_controls;
use crate::tr;
use crate::vocab::Kind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    #[value(alias = "md")]
    Markdown,
}

/// The one table a CSV file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Which {
    Campaigns,
    Units,
    Nominations,
    Escalations,
    Unreadable,
    OutsideUnit,
    MissingUnits,
}

/// The flags of `kh summary`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Thư mục gốc của đợt, thư mục đơn vị, hoặc một tệp .toml
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Chỉ một phong trào: mã, tên khác hoặc tên tiếng Việt
    #[arg(long)]
    pub campaign: Option<String>,
    /// Chỉ một đơn vị: mã thư mục, hoặc tên như trong unit.toml
    #[arg(long)]
    pub unit: Option<String>,
    /// Chỉ một loại: tap-the | ca-nhan | ho-gia-dinh
    #[arg(long)]
    pub kind: Option<String>,
    /// Liệt kê cả phong trào chưa có đề nghị
    #[arg(long)]
    pub all: bool,
    /// Định dạng: table | json | csv | markdown
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Bảng xuất ra CSV: campaigns | units | nominations | escalations | unreadable | outside-unit | missing-units
    #[arg(long, value_enum)]
    pub table: Option<Which>,
    /// Thêm BOM UTF-8 để Excel đọc đúng tiếng Việt, giữ "3.10" là chữ (CSV)
    #[arg(long)]
    pub excel: bool,
    /// Dấu phân cách CSV: , hoặc ; (Excel với thiết lập vùng Việt Nam) hoặc tab
    #[arg(long, default_value = ",", value_parser = parse_sep)]
    pub sep: u8,
    /// Kẻ bảng bằng ký tự ASCII
    #[arg(long)]
    pub ascii: bool,
}

/// The English of `kh summary`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "Print the tables the Emulation Council reads",
    options: &[
        (
            "path",
            "Root of the round, a unit folder, or one .toml file",
        ),
        ("campaign", "One campaign: slug, alias or Vietnamese name"),
        (
            "unit",
            "Only one unit: its folder's name, or its name as in unit.toml",
        ),
        ("kind", "tap-the | ca-nhan | ho-gia-dinh"),
        ("all", "List campaigns with no nomination too"),
        ("format", "Output format: table | json | csv | markdown"),
        (
            "table",
            "The table a CSV holds: campaigns | units | nominations | escalations | unreadable | outside-unit | missing-units",
        ),
        (
            "excel",
            "For Excel: a UTF-8 byte-order mark, and \"3.10\" kept as text (CSV)",
        ),
        (
            "sep",
            "CSV separator: , or ; (Excel under Vietnamese settings) or tab",
        ),
        ("ascii", "Draw tables with ASCII characters"),
    ],
};

/// A CSV separator: `,`, `;`, or a tab (`\t` or `tab`).
fn parse_sep(s: &str) -> std::result::Result<u8, String> {
    match s {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "\t" | "tab" | "\\t" => Ok(b'\t'),
        _ => Err(format!("`{s}`: , | ; | tab")),
    }
}

/// `kh summary` on standard output, written as it is drawn; a closed pipe
/// (`kh summary | head`) ends it quietly, whichever writer met it.
pub fn print(args: Args, opts: Options) -> Result<()> {
    let mut result = Ok(());
    let mut closed = false;
    crate::render::stdout_quietly(|out| {
        let mut out = crate::output::PipeWatch::new(out);
        result = run(args, opts, &mut out);
        closed = out.closed();
        Ok(())
    })?;
    match result {
        Err(_) if closed => Ok(()),
        other => other,
    }
}

/// Writes the summary to `out` as it is drawn.
pub fn run(args: Args, opts: Options, out: &mut dyn Write) -> Result<()> {
    let lang = opts.lang;
    let style = TableStyle {
        unicode: !args.ascii && std::io::IsTerminal::is_terminal(&std::io::stdout()),
    };
    let campaign = args
        .campaign
        .as_deref()
        .map(|c| Campaign::from_query(c, lang).map(|(c, _)| c))
        .transpose()?;
    let kind = args
        .kind
        .as_deref()
        .map(|k| Kind::from_query(k, lang))
        .transpose()?;
    if args.table.is_some() && args.format != Format::Csv {
        bail!(tr!(
            lang,
            "--table chọn bảng cho --format csv; các định dạng khác in mọi bảng",
            "--table picks the table of --format csv; the other formats print every table"
        ));
    }
    let report = check::run(&args.path, opts)?;
    // A unit by its folder code, or by its name as written in unit.toml
    // ("Phòng Văn hóa huyện Kim Bảng"), with or without diacritics.
    // A name's first words do when one unit alone begins so ("Hội Nông
    // dân" for "Hội Nông dân tỉnh").
    let by_name = args.unit.as_deref().and_then(|u| {
        let key = crate::text::slugify(u);
        let name_key =
            |x: &crate::check::UnitRecord| x.info.name.as_deref().map(crate::text::slugify);
        let exact = report
            .units
            .iter()
            .find(|x| name_key(x).is_some_and(|n| n == key));
        let begins: Vec<&crate::check::UnitRecord> = report
            .units
            .iter()
            .filter(|x| {
                !key.is_empty() && name_key(x).is_some_and(|n| n.starts_with(&format!("{key}-")))
            })
            .collect();
        exact
            .or(match begins.as_slice() {
                [one] => Some(*one),
                _ => None,
            })
            .map(|x| x.slug.clone())
    });
    let unit = match (args.unit.as_deref(), &by_name) {
        (Some(u), _) if report.units.iter().any(|x| x.slug == u) => Some(u.to_string()),
        (Some(_), Some(slug)) => Some(slug.clone()),
        (other, _) => other.map(String::from),
    };
    if let Some(u) = unit.as_deref()
        && !report.units.iter().any(|x| x.slug == u)
    {
        let shown = escape_controls(u);
        let hint = crate::text::closest(u, report.units.iter().map(|x| x.slug.as_str()));
        match hint {
            Some(h) => bail!(tr!(
                lang,
                "không có đơn vị `{shown}`; có phải là `{h}`?",
                "no unit `{shown}`; did you mean `{h}`?"
            )),
            None => bail!(tr!(
                lang,
                "không có đơn vị `{shown}` trong {}",
                "no unit `{shown}` in {}",
                report.root_display
            )),
        }
    }
    let filter = Filter {
        campaign,
        unit,
        kind,
        all: args.all,
    };
    // A row per nomination only where one is shown.
    let rows = match args.format {
        Format::Json => true,
        Format::Csv => args.table == Some(Which::Nominations),
        Format::Table | Format::Markdown => nominations_shown(&filter),
    };
    let summary = Summary::build(&report, &filter, lang, rows);
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &summary)?;
            out.write_all(b"\n")?;
        }
        Format::Table | Format::Markdown => {
            let style = (args.format == Format::Table).then_some(style);
            let mut out = crate::output::TrimEnd::new(out);
            write!(out, "{}\n\n", report.settings.describe(lang))?;
            render_tables(&mut out, &summary, &filter, lang, style)?;
            out.finish()?;
        }
        Format::Csv => render_csv(
            out,
            &sections(&summary, lang, true),
            args.table.unwrap_or(Which::Campaigns),
            args.excel,
            args.sep,
        )?,
    }
    Ok(())
}

/// A table's rows, each worded when it is drawn, by its number: a round's
/// unit table has a row per unit, is gone over twice (once to size its
/// columns) and drawn on all cores.
struct Rows<'s> {
    len: usize,
    row: Box<dyn Fn(usize) -> Vec<String> + Sync + 's>,
}

impl Rows<'_> {
    fn iter(&self) -> impl Iterator<Item = Vec<String>> + '_ {
        (0..self.len).map(|i| (self.row)(i))
    }
}

/// The rows of `items`, one each.
fn rows<'s, T: Sync>(items: &'s [T], row: impl Fn(&'s T) -> Vec<String> + Sync + 's) -> Rows<'s> {
    Rows {
        len: items.len(),
        row: Box::new(move |i| row(&items[i])),
    }
}

/// A titled table: the one shape every format is made from.
struct Section<'s> {
    which: Which,
    title: String,
    header: Vec<String>,
    rows: Rows<'s>,
    /// A totals row, shown apart in terminal tables.
    total: Option<Vec<String>>,
}

fn kinds_cells(k: &ByKind) -> [String; 3] {
    [
        k.tap_the.to_string(),
        k.ca_nhan.to_string(),
        k.ho_gia_dinh.to_string(),
    ]
}

fn sections<'s>(s: &'s Summary<'_>, lang: Lang, machine: bool) -> Vec<Section<'s>> {
    // A person's tables say TT / CN / HGĐ under a legend, so that a count
    // takes a few characters at 80 columns; a machine's carry the words.
    let kind_headers = if machine {
        [Kind::TapThe, Kind::CaNhan, Kind::HoGiaDinh].map(|k| capitalise(k.label(lang)))
    } else {
        KIND_SHORT.map(|(vi, en, _, _)| lang.pick(vi, en).to_string())
    };
    let mut out = vec![
        campaign_section(s, lang, machine, &kind_headers),
        unit_section(s, lang, machine, &kind_headers),
        nomination_section(s, lang, machine),
        escalation_section(s, lang, machine),
    ];

    out.push(files_section(
        Which::Unreadable,
        lang.pick(
            "Tệp không đọc được phong trào hoặc loại",
            "Files whose campaign or kind could not be read",
        ),
        &s.unreadable,
        lang,
    ));
    out.push(files_section(
        Which::OutsideUnit,
        lang.pick(
            "Tệp đề nghị nằm ngoài thư mục đơn vị",
            "Nomination files outside any unit folder",
        ),
        &s.outside_unit,
        lang,
    ));

    out.push(Section {
        which: Which::MissingUnits,
        title: lang
            .pick("Đơn vị chưa gửi", "Units that sent nothing")
            .to_string(),
        header: vec![
            lang.pick("Mã đơn vị", "Unit slug").to_string(),
            lang.pick("Đơn vị", "Unit").to_string(),
        ],
        rows: rows(&s.missing_units, |m| vec![m.slug.clone(), m.name.clone()]),
        total: None,
    });
    out
}

/// The table by campaign, with its totals.
fn campaign_section<'s>(
    s: &'s Summary<'_>,
    lang: Lang,
    machine: bool,
    kind_headers: &[String; 3],
) -> Section<'s> {
    let mut header = vec![
        lang.pick("Mục", "§").to_string(),
        lang.pick("Phong trào", "Campaign").to_string(),
    ];
    if machine {
        header.insert(1, lang.pick("Mã", "Slug").to_string());
    }
    header.push(lang.pick("Cơ quan chủ trì", "Lead agency").to_string());
    header.extend(kind_headers.iter().cloned());
    header.push(lang.pick("Tổng", "Total").to_string());
    header.push(if machine {
        lang.pick("Đề nghị có lỗi", "Nominations with errors")
            .to_string()
    } else {
        // "Lỗi" in the unit table counts errors; this counts nominations.
        lang.pick("Hồ sơ lỗi", "Noms w/ errors").to_string()
    });
    header.extend(review_headers(lang, machine));
    let mut sum = ByKind::default();
    let mut review_sum = ReviewCounts::default();
    let (mut total, mut with_errors) = (0, 0);
    for c in &s.campaigns {
        sum += c.kinds;
        review_sum += c.review;
        total += c.total;
        with_errors += c.with_errors;
    }
    let rows_of = rows(&s.campaigns, move |c| {
        let mut row = vec![c.section.to_string(), c.name.to_string()];
        if machine {
            row.insert(1, c.slug.to_string());
        }
        row.push(c.lead_agency.to_string());
        row.extend(kinds_cells(&c.kinds));
        row.push(c.total.to_string());
        row.push(c.with_errors.to_string());
        row.extend(review_cells(&c.review, machine));
        row
    });
    let mut total_row = vec![String::new(), lang.pick("Cộng", "Total").to_string()];
    if machine {
        total_row.insert(1, String::new());
    }
    total_row.push(String::new());
    total_row.extend(kinds_cells(&sum));
    total_row.push(total.to_string());
    total_row.push(with_errors.to_string());
    total_row.extend(review_cells(&review_sum, machine));
    Section {
        which: Which::Campaigns,
        title: lang
            .pick("Theo phong trào thi đua", "By campaign")
            .to_string(),
        header,
        rows: rows_of,
        total: Some(total_row),
    }
}

/// The table by unit, with its totals.
fn unit_section<'s>(
    s: &'s Summary<'_>,
    lang: Lang,
    machine: bool,
    kind_headers: &[String; 3],
) -> Section<'s> {
    let mut header = vec![lang.pick("Đơn vị", "Unit").to_string()];
    if machine {
        header.insert(0, lang.pick("Mã đơn vị", "Unit slug").to_string());
    }
    if machine {
        // One value a cell: "2/3" would be a date to Excel.
        header.push(lang.pick("Đề nghị", "Nominations").to_string());
        header.push(lang.pick("Tối đa", "Cap").to_string());
    } else {
        header.push(
            lang.pick("Đề nghị / tối đa", "Nominations / cap")
                .to_string(),
        );
    }
    header.extend(kind_headers.iter().cloned());
    header.push(lang.pick("Lỗi", "Errors").to_string());
    header.push(lang.pick("Cảnh báo", "Warnings").to_string());
    header.extend(review_headers(lang, machine));
    let narrowed = s.units.iter().any(|u| u.nominations != u.folder);
    let mut sum = ByKind::default();
    let mut review_sum = ReviewCounts::default();
    let (mut n, mut errors, mut warnings) = (0, 0, 0);
    for u in &s.units {
        sum += u.kinds;
        review_sum += u.review;
        n += u.nominations;
        errors += u.errors;
        warnings += u.warnings;
    }
    let rows_of = rows(&s.units, move |u| {
        let mut row = vec![u.name.to_string()];
        if machine {
            row.insert(0, u.slug.to_string());
            row.push(u.nominations.to_string());
            row.push(u.cap.to_string());
        } else {
            row.push(cap_cell(u, narrowed, lang));
        }
        row.extend(kinds_cells(&u.kinds));
        row.push(u.errors.to_string());
        row.push(u.warnings.to_string());
        row.extend(review_cells(&u.review, machine));
        row
    });
    let mut total_row = vec![lang.pick("Cộng", "Total").to_string()];
    if machine {
        total_row.insert(0, String::new());
    }
    total_row.push(n.to_string());
    if machine {
        total_row.push(String::new());
    }
    total_row.extend(kinds_cells(&sum));
    total_row.push(errors.to_string());
    total_row.push(warnings.to_string());
    total_row.extend(review_cells(&review_sum, machine));
    Section {
        which: Which::Units,
        title: lang.pick("Theo đơn vị", "By unit").to_string(),
        header,
        rows: rows_of,
        total: Some(total_row),
    }
}

/// Every nomination, a row each.
fn nomination_section<'s>(s: &'s Summary<'_>, lang: Lang, machine: bool) -> Section<'s> {
    let mut header: Vec<String> = [
        lang.pick("Đơn vị", "Unit"),
        lang.pick("Tên", "Name"),
        lang.pick("Loại", "Kind"),
        lang.pick("Nhóm đối tượng", "Role"),
    ]
    .map(String::from)
    .to_vec();
    if machine {
        header.splice(
            0..0,
            [
                lang.pick("Tệp", "File").to_string(),
                lang.pick("Phong trào", "Campaign").to_string(),
                lang.pick("Tên phong trào", "Campaign name").to_string(),
            ],
        );
        header.extend(
            [
                lang.pick("Lỗi", "Errors"),
                lang.pick("Cảnh báo", "Warnings"),
                lang.pick("Thẩm định", "Review"),
                lang.pick("Sửa sau thẩm định", "Changed since review"),
                lang.pick("Hình thức đề nghị", "Proposed award"),
                lang.pick("Sở Nội vụ đề xuất", "Award proposed by Sở Nội vụ"),
            ]
            .map(String::from),
        );
    } else {
        header.push(lang.pick("Tình trạng", "Status").to_string());
        header.push(lang.pick("Thẩm định", "Review").to_string());
    }
    let rows_of = rows(&s.nominations, move |n| {
        let mut row = vec![
            n.unit_name.to_string(),
            n.name.to_string(),
            n.kind.label(lang).to_string(),
            n.role
                .map(|r| r.label(lang).to_string())
                .unwrap_or_default(),
        ];
        if machine {
            row.splice(
                0..0,
                [
                    n.path.to_string(),
                    n.campaign.to_string(),
                    campaign_name(n.campaign, lang),
                ],
            );
            row.extend([
                n.errors.to_string(),
                n.warnings.to_string(),
                n.review.status.slug().to_string(),
                yes_no(n.review.stale, lang).to_string(),
                n.proposed_award.unwrap_or_default().to_string(),
                n.review.award.unwrap_or_default().to_string(),
            ]);
        } else {
            row.push(match (n.errors, n.warnings) {
                (0, 0) => "✓".to_string(),
                (e, w) => tr!(lang, "{e} lỗi, {w} cảnh báo", "{e} errors, {w} warnings"),
            });
            let mut review = n.review.status.label(lang).to_string();
            if n.review.stale {
                review.push_str(lang.pick(" (tệp đã sửa)", " (file changed)"));
            }
            row.push(review);
        }
        row
    });
    Section {
        which: Which::Nominations,
        title: lang.pick("Các đề nghị", "Nominations").to_string(),
        header,
        rows: rows_of,
        total: None,
    }
}

/// What goes to the Chairman (province-wide, §IV.1).
/// A list of files under a title: one column, no total.
fn files_section<'s>(which: Which, title: &str, files: &'s [&str], lang: Lang) -> Section<'s> {
    Section {
        which,
        title: title.to_string(),
        header: vec![lang.pick("Tệp", "File").to_string()],
        rows: rows(files, |p| vec![p.to_string()]),
        total: None,
    }
}

fn escalation_section<'s>(s: &'s Summary<'_>, lang: Lang, machine: bool) -> Section<'s> {
    // The Chairman reads campaigns by name; a CSV keeps the slug for
    // scripts beside it.
    let rows_of = rows(&s.escalated, move |n| {
        let mut row = vec![
            n.path.to_string(),
            n.unit_name.to_string(),
            n.name.to_string(),
        ];
        if machine {
            row.push(n.campaign.to_string());
        }
        row.push(campaign_name(n.campaign, lang));
        row
    });
    let mut escalation_header: Vec<String> = [
        lang.pick("Tệp", "File"),
        lang.pick("Đơn vị", "Unit"),
        lang.pick("Tên", "Name"),
    ]
    .map(String::from)
    .to_vec();
    if machine {
        escalation_header.push(lang.pick("Phong trào", "Campaign").to_string());
        escalation_header.push(lang.pick("Tên phong trào", "Campaign name").to_string());
    } else {
        escalation_header.push(lang.pick("Phong trào", "Campaign").to_string());
    }
    Section {
        which: Which::Escalations,
        title: lang
            .pick(
                "Báo cáo Chủ tịch UBND tỉnh xem xét, quyết định khen thưởng (phạm vi toàn tỉnh, mục IV.1)",
                "Reported to the Chairman of the provincial People's Committee (province-wide, §IV.1)",
            )
            .to_string(),
        header: escalation_header,
        rows: rows_of,
        total: None,
    }
}

/// The review columns: every status for a machine, the approved for a person.
fn review_headers(lang: Lang, machine: bool) -> Vec<String> {
    if machine {
        Status::ALL
            .iter()
            .map(|s| capitalise(s.label(lang)))
            .collect()
    } else {
        vec![capitalise(Status::Dat.label(lang))]
    }
}

fn review_cells(r: &ReviewCounts, machine: bool) -> Vec<String> {
    if machine {
        [r.cho_xet, r.dat, r.bo_sung, r.khong_dat]
            .iter()
            .map(ToString::to_string)
            .collect()
    } else {
        vec![r.dat.to_string()]
    }
}

/// "2/3", "4/3 ⚠ vượt mức"; under a filter, the count shown and the whole
/// unit's standing against the cap: "1 (đơn vị: 4/3 ⚠)".
fn cap_cell(u: &crate::summary::UnitRow, narrowed: bool, lang: Lang) -> String {
    let over = u.sent > u.cap;
    // A unit split across folders shows the whole unit beside each folder.
    if narrowed || u.sent != u.folder {
        let mark = if over { " ⚠" } else { "" };
        tr!(
            lang,
            "{} (đơn vị: {}/{}{mark})",
            "{} (unit: {}/{}{mark})",
            u.nominations,
            u.sent,
            u.cap
        )
    } else {
        let mark = if over {
            lang.pick(" ⚠ vượt mức", " ⚠ over cap")
        } else {
            ""
        };
        format!("{}/{}{mark}", u.nominations, u.cap)
    }
}

/// Short headers for the kinds, and what they stand for.
const KIND_SHORT: [(&str, &str, &str, &str); 3] = [
    ("TT", "Col", "tập thể", "collective"),
    ("CN", "Ind", "cá nhân", "individual"),
    ("HGĐ", "Hh", "hộ gia đình", "household"),
];

fn legend(lang: Lang) -> String {
    KIND_SHORT
        .iter()
        .map(|(vi, en, lv, le)| format!("{}: {}", lang.pick(vi, en), lang.pick(lv, le)))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Whether a person's tables list the nominations: for one campaign, as a
/// lead agency wants them.
fn nominations_shown(filter: &Filter) -> bool {
    filter.campaign.is_some()
}

/// Terminal tables (`style` given) or Markdown (`None`). The nominations
/// list is shown for one campaign, as a lead agency wants it; the lists of
/// escalations and unreadable files only when they have something.
fn render_tables(
    out: &mut dyn Write,
    s: &Summary,
    filter: &Filter,
    lang: Lang,
    style: Option<TableStyle>,
) -> std::io::Result<()> {
    // Prose wraps at the tables' width (markdown is left to its viewer).
    let width = crate::output::prose_width();
    for sec in sections(s, lang, false) {
        let show = match sec.which {
            Which::Campaigns | Which::Units => true,
            Which::Nominations => nominations_shown(filter),
            Which::Escalations | Which::Unreadable | Which::OutsideUnit | Which::MissingUnits => {
                sec.rows.len > 0
            }
        };
        if !show {
            continue;
        }
        let title = match (&style, sec.which, filter.campaign) {
            (_, Which::Nominations, Some(c)) => format!(
                "{} — {} ({})",
                sec.title,
                c.info().name(lang),
                c.info().cited(lang)
            ),
            _ => sec.title.clone(),
        };
        let note = match sec.which {
            Which::Campaigns | Which::Units if style.is_some() => {
                format!("\n{}", crate::output::wrap(&legend(lang), width))
            }
            Which::Campaigns | Which::Units => format!("\n{}", legend(lang)),
            _ => String::new(),
        };
        let new_table = || {
            let mut table = Table::new();
            match style {
                Some(st) => {
                    st.apply(&mut table);
                    table.set_content_arrangement(ContentArrangement::Dynamic);
                }
                None => {
                    table.load_style(comfy_table::presets::ASCII_MARKDOWN);
                }
            }
            table
        };
        let header: Vec<String> = sec
            .header
            .iter()
            .map(|h| escape_controls(h).into_owned())
            .collect();
        let shown = sec.rows.len;
        let row = |i: usize| -> Vec<String> {
            let cells = match (i < shown, &sec.total) {
                (true, _) => (sec.rows.row)(i),
                (false, total) => total.clone().unwrap_or_default(),
            };
            cells
                .into_iter()
                .map(crate::text::escape_controls_owned)
                .collect()
        };
        let len = shown + usize::from(sec.total.is_some());
        if style.is_some() {
            writeln!(out, "{}", crate::output::wrap(&title, width))?;
        } else {
            write!(out, "## {title}\n\n")?;
        }
        crate::output::write_table(out, &new_table, &header, len, &row)?;
        if style.is_some() {
            write!(out, "{note}\n\n")?;
        } else {
            write!(out, "\n{note}\n\n")?;
        }
    }
    if filter.campaign.is_none() && filter.unit.is_none() && filter.kind.is_none() {
        let line = reconciliation(s, lang);
        let line = if style.is_some() {
            crate::output::wrap(&line, width)
        } else {
            line
        };
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Every file found is in exactly one place: the campaign table, the
/// unreadable list, or the files outside the units.
fn reconciliation(s: &Summary, lang: Lang) -> String {
    let listed: usize = s.campaigns.iter().map(|c| c.total).sum();
    let (unreadable, outside) = (s.unreadable.len(), s.outside_unit.len());
    let found = s.files_found;
    let mut line = tr!(
        lang,
        "Đối chiếu: {listed} đề nghị trong bảng phong trào + {unreadable} không đọc được + {outside} ngoài thư mục đơn vị = {found} tệp đã tìm thấy",
        "Reconciliation: {listed} nominations in the campaign table + {unreadable} unreadable + {outside} outside the unit folders = {found} files found"
    );
    // Nothing disappears without a word: files that look like nominations
    // but are not named *.toml are counted beside (misnamed-file).
    let misnamed = s.misnamed.len();
    if misnamed > 0 {
        line.push_str(&tr!(
            lang,
            "; và {misnamed} tệp có thể là đề nghị nhưng đặt tên sai, chưa đọc",
            "; and {misnamed} files that may be nominations but are misnamed, not read"
        ));
    }
    line.push('\n');
    line
}

/// One table as CSV, with a header row; a UTF-8 byte-order mark first for
/// Excel, which otherwise reads Vietnamese as mojibake.
fn render_csv(
    out: &mut dyn Write,
    sections: &[Section],
    which: Which,
    excel: bool,
    sep: u8,
) -> Result<()> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = csv::WriterBuilder::new().delimiter(sep).from_writer(out);
    if let Some(sec) = sections.iter().find(|s| s.which == which) {
        w.write_record(&sec.header)?;
        for row in sec.rows.iter().chain(sec.total.clone()) {
            // Text from a file never runs in a spreadsheet (CSV injection).
            let mut row: Vec<String> = row
                .iter()
                .map(|c| crate::text::csv_safe(c).into_owned())
                .collect();
            if excel && which == Which::Campaigns {
                // "3.10" would be the number 3.1 to Excel: a text formula
                // keeps the section as written.
                if let Some(first) = row.first_mut()
                    && !first.is_empty()
                {
                    *first = format!("=\"{first}\"");
                }
            }
            w.write_record(&row)?;
        }
    }
    w.flush()?;
    Ok(())
}

/// A campaign's name as the plan gives it, from its slug.
fn campaign_name(slug: &str, lang: Lang) -> String {
    crate::campaign::Campaign::from_slug(slug)
        .map(|c| c.info().name(lang).to_string())
        .unwrap_or_else(|| slug.to_string())
}

/// A yes/no cell as a person reads it: "có" / "không".
fn yes_no(b: bool, lang: Lang) -> &'static str {
    match b {
        true => lang.pick("có", "yes"),
        false => lang.pick("không", "no"),
    }
}
