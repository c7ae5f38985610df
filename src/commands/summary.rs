//! `kh summary`: the summary's lists as terminal tables, Markdown, CSV or
//! JSON.

use std::path::Path;

use anyhow::{Result, bail};
use comfy_table::{ContentArrangement, Table};

use crate::campaign::Campaign;
use crate::check::{self, Options};
use crate::cli::TableStyle;
use crate::lang::Lang;
use crate::summary::{ByKind, Filter, Summary};
use crate::text::escape_controls;
use crate::tr;
use crate::vocab::{Kind, Vocab};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
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
}

pub struct Args<'a> {
    pub path: &'a Path,
    pub campaign: Option<&'a str>,
    pub unit: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub all: bool,
    pub format: Format,
    pub table: Which,
    pub excel: bool,
    pub style: TableStyle,
}

pub fn run(args: Args<'_>, opts: Options) -> Result<String> {
    let lang = opts.lang;
    let campaign = args
        .campaign
        .map(|c| resolve_campaign(c, lang))
        .transpose()?;
    let kind = args.kind.map(|k| resolve_kind(k, lang)).transpose()?;
    let report = check::run(args.path, opts)?;
    if let Some(u) = args.unit
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
                report.root
            )),
        }
    }
    let filter = Filter {
        campaign,
        unit: args.unit.map(String::from),
        kind,
        all: args.all,
    };
    let summary = Summary::build(&report, &filter, lang);
    Ok(match args.format {
        Format::Json => serde_json::to_string_pretty(&summary).unwrap_or_default() + "\n",
        Format::Table => format!(
            "{}\n\n{}",
            report.settings.describe(lang),
            render_tables(&summary, &filter, lang, Some(args.style))
        ),
        Format::Markdown => format!(
            "{}\n\n{}",
            report.settings.describe(lang),
            render_tables(&summary, &filter, lang, None)
        ),
        Format::Csv => render_csv(&sections(&summary, lang, true), args.table, args.excel)?,
    })
}

pub fn resolve_campaign(query: &str, lang: Lang) -> Result<Campaign> {
    let found = Campaign::candidates(query);
    if let [one] = found.as_slice() {
        return Ok(*one);
    }
    let q = escape_controls(query);
    if found.len() > 1 {
        let list: Vec<&str> = found.iter().map(|c| c.slug()).collect();
        bail!(tr!(
            lang,
            "`{q}` khớp với nhiều phong trào: {}; hãy ghi rõ hơn",
            "`{q}` matches several campaigns: {}; say which",
            list.join(", ")
        ));
    }
    match Campaign::suggest(query) {
        Some(s) => bail!(tr!(
            lang,
            "không có phong trào `{q}`; có phải là `{s}`?",
            "no campaign `{q}`; did you mean `{s}`?"
        )),
        None => bail!(tr!(
            lang,
            "không có phong trào `{q}`; xem danh sách: kh campaigns",
            "no campaign `{q}`; see the list: kh campaigns"
        )),
    }
}

pub fn resolve_kind(query: &str, lang: Lang) -> Result<Kind> {
    let key = crate::text::slugify(query);
    Kind::ALL
        .iter()
        .copied()
        .find(|k| k.slug() == key || crate::text::slugify(k.label(Lang::Vi)) == key)
        .ok_or_else(|| {
            anyhow::anyhow!(tr!(
                lang,
                "không có loại `{}`; chọn một trong: {}",
                "no kind `{}`; choose one of: {}",
                escape_controls(query),
                Kind::choices()
            ))
        })
}

/// A titled table: the one shape every format is made from.
struct Section {
    which: Which,
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
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

fn sections(s: &Summary, lang: Lang, machine: bool) -> Vec<Section> {
    let kind_headers =
        [Kind::TapThe, Kind::CaNhan, Kind::HoGiaDinh].map(|k| capitalise(k.label(lang)));
    let mut out = Vec::new();

    let mut header = vec![
        "§".to_string(),
        lang.pick("Phong trào", "Campaign").to_string(),
    ];
    if machine {
        header.insert(1, lang.pick("Mã", "Slug").to_string());
    }
    header.push(lang.pick("Cơ quan chủ trì", "Lead agency").to_string());
    header.extend(kind_headers.iter().cloned());
    header.push(lang.pick("Tổng", "Total").to_string());
    header.push(lang.pick("Có lỗi", "With errors").to_string());
    let mut sum = ByKind::default();
    let (mut total, mut with_errors) = (0, 0);
    let rows = s
        .campaigns
        .iter()
        .map(|c| {
            sum += c.kinds;
            total += c.total;
            with_errors += c.with_errors;
            let mut row = vec![c.section.to_string(), c.name.to_string()];
            if machine {
                row.insert(1, c.slug.to_string());
            }
            row.push(c.lead_agency.to_string());
            row.extend(kinds_cells(&c.kinds));
            row.push(c.total.to_string());
            row.push(c.with_errors.to_string());
            row
        })
        .collect();
    let mut total_row = vec![String::new(), lang.pick("Cộng", "Total").to_string()];
    if machine {
        total_row.insert(1, String::new());
    }
    total_row.push(String::new());
    total_row.extend(kinds_cells(&sum));
    total_row.push(total.to_string());
    total_row.push(with_errors.to_string());
    out.push(Section {
        which: Which::Campaigns,
        title: lang
            .pick("Theo phong trào thi đua", "By campaign")
            .to_string(),
        header,
        rows,
        total: Some(total_row),
    });

    let mut header = vec![lang.pick("Đơn vị", "Unit").to_string()];
    if machine {
        header.insert(0, lang.pick("Mã đơn vị", "Unit slug").to_string());
    }
    header.push(
        lang.pick("Đề nghị / tối đa", "Nominations / cap")
            .to_string(),
    );
    header.extend(kind_headers.iter().cloned());
    header.push(lang.pick("Lỗi", "Errors").to_string());
    header.push(lang.pick("Cảnh báo", "Warnings").to_string());
    let mut sum = ByKind::default();
    let (mut n, mut errors, mut warnings) = (0, 0, 0);
    let rows = s
        .units
        .iter()
        .map(|u| {
            sum += u.kinds;
            n += u.nominations;
            errors += u.errors;
            warnings += u.warnings;
            let over = if u.sent > u.cap {
                lang.pick(" ⚠ vượt mức", " ⚠ over cap")
            } else {
                ""
            };
            let mut row = vec![u.name.clone()];
            if machine {
                row.insert(0, u.slug.clone());
            }
            row.push(format!("{}/{}{over}", u.nominations, u.cap));
            row.extend(kinds_cells(&u.kinds));
            row.push(u.errors.to_string());
            row.push(u.warnings.to_string());
            row
        })
        .collect();
    let mut total_row = vec![lang.pick("Cộng", "Total").to_string()];
    if machine {
        total_row.insert(0, String::new());
    }
    total_row.push(n.to_string());
    total_row.extend(kinds_cells(&sum));
    total_row.push(errors.to_string());
    total_row.push(warnings.to_string());
    out.push(Section {
        which: Which::Units,
        title: lang.pick("Theo đơn vị", "By unit").to_string(),
        header,
        rows,
        total: Some(total_row),
    });

    let mut header: Vec<String> = [
        lang.pick("Đơn vị", "Unit"),
        lang.pick("Tên", "Name"),
        lang.pick("Loại", "Kind"),
        lang.pick("Nhóm đối tượng", "Role"),
        lang.pick("Tình trạng", "Status"),
    ]
    .map(String::from)
    .to_vec();
    if machine {
        header.splice(
            0..0,
            [
                lang.pick("Tệp", "File").to_string(),
                lang.pick("Phong trào", "Campaign").to_string(),
            ],
        );
    }
    let rows = s
        .nominations
        .iter()
        .map(|n| {
            let status = match (n.errors, n.warnings) {
                (0, 0) => "✓".to_string(),
                (e, w) => tr!(lang, "{e} lỗi, {w} cảnh báo", "{e} errors, {w} warnings"),
            };
            let mut row = vec![
                n.unit_name.clone(),
                n.name.clone(),
                n.kind.label(lang).to_string(),
                n.role
                    .map(|r| r.label(lang).to_string())
                    .unwrap_or_default(),
                status,
            ];
            if machine {
                row.splice(0..0, [n.path.clone(), n.campaign.to_string()]);
            }
            row
        })
        .collect();
    out.push(Section {
        which: Which::Nominations,
        title: lang.pick("Các đề nghị", "Nominations").to_string(),
        header,
        rows,
        total: None,
    });

    let rows = s
        .nominations
        .iter()
        .filter(|n| s.escalations.contains(&n.path))
        .map(|n| {
            vec![
                n.path.clone(),
                n.unit_name.clone(),
                n.name.clone(),
                n.campaign.to_string(),
            ]
        })
        .collect();
    out.push(Section {
        which: Which::Escalations,
        title: lang
            .pick(
                "Báo cáo Chủ tịch UBND tỉnh xem xét, quyết định khen thưởng (phạm vi toàn tỉnh, mục IV.1)",
                "Reported to the Chairman of the provincial People's Committee (province-wide, §IV.1)",
            )
            .to_string(),
        header: [lang.pick("Tệp", "File"), lang.pick("Đơn vị", "Unit"), lang.pick("Tên", "Name"), lang.pick("Phong trào", "Campaign")]
            .map(String::from)
            .to_vec(),
        rows,
        total: None,
    });

    out.push(Section {
        which: Which::Unreadable,
        title: lang
            .pick(
                "Tệp không đọc được phong trào hoặc loại",
                "Files whose campaign or kind could not be read",
            )
            .to_string(),
        header: vec![lang.pick("Tệp", "File").to_string()],
        rows: s.unreadable.iter().map(|p| vec![p.clone()]).collect(),
        total: None,
    });
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Terminal tables (`style` given) or Markdown (`None`). The nominations
/// list is shown for one campaign, as a lead agency wants it; the lists of
/// escalations and unreadable files only when they have something.
fn render_tables(s: &Summary, filter: &Filter, lang: Lang, style: Option<TableStyle>) -> String {
    let mut out = String::new();
    for sec in sections(s, lang, false) {
        let show = match sec.which {
            Which::Campaigns | Which::Units => true,
            Which::Nominations => filter.campaign.is_some(),
            Which::Escalations | Which::Unreadable => !sec.rows.is_empty(),
        };
        if !show {
            continue;
        }
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
        table.set_header(sec.header.iter().map(|h| escape_controls(h).into_owned()));
        for row in sec.rows.iter().chain(sec.total.iter()) {
            table.add_row(row.iter().map(|c| escape_controls(c).into_owned()));
        }
        let title = match (&style, sec.which, filter.campaign) {
            (_, Which::Nominations, Some(c)) => format!(
                "{} — {} (§{})",
                sec.title,
                c.info().name(lang),
                c.info().section
            ),
            _ => sec.title.clone(),
        };
        if style.is_some() {
            out.push_str(&format!("{title}\n{table}\n\n"));
        } else {
            out.push_str(&format!("## {title}\n\n{table}\n\n"));
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// One table as CSV, with a header row; a UTF-8 byte-order mark first for
/// Excel, which otherwise reads Vietnamese as mojibake.
fn render_csv(sections: &[Section], which: Which, excel: bool) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    if let Some(sec) = sections.iter().find(|s| s.which == which) {
        w.write_record(&sec.header)?;
        for row in sec.rows.iter().chain(sec.total.iter()) {
            w.write_record(row)?;
        }
    }
    let body = String::from_utf8(w.into_inner()?)?;
    Ok(if excel {
        format!("\u{feff}{body}")
    } else {
        body
    })
}
