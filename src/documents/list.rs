//! `kh export list`: the list that goes with Sở Nội vụ's report to the
//! Chairman (§IV.1, §IV.3), A4 landscape, grouped by kind.

use crate::check::{Record, Report};
use crate::documents::shown::excerpt;
use crate::documents::{self, td, text_width, th};
use crate::docx::{Align, Cell, Doc, Table, cell, para, run};
use crate::form::NomineeKey;
use crate::review::Status;
use crate::template::Draft;
use crate::vocab::{Kind, Scope};

/// The tờ trình a list goes with (SPEC §12): its number and date, dots
/// where not given.
#[derive(Clone, Debug, Default)]
pub struct ToTrinh {
    pub number: Option<String>,
    pub date: Option<chrono::NaiveDate>,
}

/// The nominations the list takes: approved and not stale by default;
/// with `all`, every nomination without an error.
pub fn chosen(report: &Report, all: bool, scope: Option<Scope>) -> Vec<&Record> {
    report
        .records
        .iter()
        .filter(|r| {
            let Some(n) = &r.nomination else { return false };
            let ok = if all {
                r.tally.errors == 0 && !report.rejected(r)
            } else {
                report.status(r) == Status::Dat && r.tally.errors == 0
            };
            ok && scope.is_none_or(|s| n.scope.unwrap_or(Scope::CoSo) == s)
        })
        .collect()
}

const ROMAN: [&str; 3] = ["I", "II", "III"];

/// The office as a sentence names it: "Sở Nội vụ" for the default's
/// capitals, else as `[office].name` is written.
pub fn office_in_prose(office: &crate::config::Office) -> String {
    if office.name.to_uppercase() == "SỞ NỘI VỤ" {
        "Sở Nội vụ".to_string()
    } else {
        office.name.clone()
    }
}

/// "SNV" of "SNV-TĐKT": the office's own mark in a tờ trình's number.
fn abbr_head(abbr: &str) -> &str {
    abbr.split('-').next().unwrap_or(abbr)
}

/// The list Sở Nội vụ sends with its tờ trình (SPEC §12): its heading, a
/// row per nomination grouped by kind, and the signature.
pub fn list(
    report: &Report,
    rows: &[&Record],
    date: Option<chrono::NaiveDate>,
    scope: Option<Scope>,
    to_trinh: &ToTrinh,
) -> Doc {
    let office = &report.settings.office;
    let width = text_width(true);
    let mut doc = Doc {
        landscape: true,
        title: "Danh sách điển hình tiên tiến đề nghị khen thưởng".to_string(),
        ..Doc::default()
    };
    doc.table(documents::heading_of(
        &crate::documents::issuer::Issuer::office(office),
        &[],
        date,
        width,
    ));
    title_lines(&mut doc, report, scope, to_trinh);
    let (t, n) = table(report, rows, width);
    doc.table(t);
    doc.push(para(vec![run(format!("Danh sách có {n} điển hình."))]).after(12.0));
    doc.sign_off(signature(office, width));
    doc
}

/// The list's title, what it goes with, and the plan it carries out.
fn title_lines(doc: &mut Doc, report: &Report, scope: Option<Scope>, to_trinh: &ToTrinh) {
    let office = &report.settings.office;
    doc.push(
        para(vec![
            run("DANH SÁCH\nTẬP THỂ, CÁ NHÂN, HỘ GIA ĐÌNH ĐIỂN HÌNH TIÊN TIẾN ĐỀ NGHỊ KHEN THƯỞNG")
                .bold(),
        ])
        .align(Align::Center)
        .after(0.0),
    );
    let by = office_in_prose(office);
    let given = to_trinh
        .number
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let attached = format!(
        "(Kèm theo Tờ trình số {} ngày {} của {by})",
        given.map_or_else(
            || format!("……/TTr-{}", abbr_head(&office.abbr)),
            String::from
        ),
        to_trinh
            .date
            .map(crate::text::dmy)
            .unwrap_or_else(|| "……/……/……".to_string()),
    );
    let mut subs = Vec::new();
    if scope == Some(Scope::ToanTinh) {
        subs.push(
            "(Thành tích có phạm vi ảnh hưởng trên địa bàn tỉnh, trình Chủ tịch UBND tỉnh xem xét, quyết định — mục IV.1 Kế hoạch)"
                .to_string(),
        );
        // The tờ trình it goes with, when one was named, is kept (#34.3).
        if given.is_some() {
            subs.push(attached);
        }
    } else {
        subs.push(attached);
    }
    for sub in subs {
        doc.push(
            para(vec![run(sub).italic()])
                .align(Align::Center)
                .after(0.0),
        );
    }
    // The round's year is said once: a plan whose title ends with it
    // needs no "đợt năm" after it.
    let plan = report.settings.plan.cited();
    let year = report.settings.year;
    let sub = if plan.ends_with(&format!("năm {year}")) {
        format!("Thực hiện {plan}")
    } else {
        format!("Thực hiện {plan}; đợt năm {year}")
    };
    doc.push(
        para(vec![run(sub).italic()])
            .align(Align::Center)
            .after(10.0),
    );
}

/// The table of nominations, grouped by kind and numbered through, and how
/// many it lists.
fn table(report: &Report, rows: &[&Record], width: f64) -> (Table, usize) {
    let widths = vec![
        12.0,
        48.0,
        42.0,
        34.0,
        width - 12.0 - 48.0 - 42.0 - 34.0 - 36.0 - 30.0,
        36.0,
        30.0,
    ];
    let mut t = Table::new(widths, true);
    t.rows_split = true;
    t.row(
        vec![
            th("STT"),
            th("Tên tập thể / Họ và tên (năm sinh)"),
            th("Chức vụ, đơn vị công tác hoặc địa chỉ"),
            th("Phong trào (mục)"),
            th("Thành tích tiêu biểu"),
            th("Hình thức khen thưởng đề nghị"),
            th("Đơn vị đề nghị"),
        ],
        true,
    );
    let groups = [
        (Kind::TapThe, "TẬP THỂ"),
        (Kind::CaNhan, "CÁ NHÂN"),
        (Kind::HoGiaDinh, "HỘ GIA ĐÌNH"),
    ];
    let mut n = 0;
    // Numbered in what is shown: a list with no collectives starts at I.
    let mut shown = 0;
    for (kind, title) in groups {
        let mine: Vec<&&Record> = rows
            .iter()
            .filter(|r| r.nomination.as_ref().and_then(|x| x.kind) == Some(kind))
            .collect();
        if mine.is_empty() {
            continue;
        }
        shown += 1;
        let title = format!("{}. {title}", ROMAN[shown - 1]);
        t.row(
            vec![Cell {
                paras: vec![para(vec![run(title).bold().size(12.0)]).after(0.0)],
                span: 7,
            }],
            false,
        );
        for r in mine {
            n += 1;
            t.row(nomination_row(report, r, kind, n), false);
        }
    }
    if n == 0 {
        t.row(
            vec![Cell {
                paras: vec![
                    para(vec![
                        run("(Chưa có điển hình nào được thẩm định “đạt”.)")
                            .italic()
                            .size(12.0),
                    ])
                    .align(Align::Center)
                    .after(0.0),
                ],
                span: 7,
            }],
            false,
        );
    }
    (t, n)
}

/// One nomination's row, the `n`th of the list.
fn nomination_row(report: &Report, r: &Record, kind: Kind, n: usize) -> Vec<Cell> {
    let d = Draft::of(report, r);
    let name = documents::or_dots(d.title().as_deref());
    let who = match (kind, d.birth_year()) {
        (Kind::TapThe, _) | (_, None) => name,
        (_, Some(y)) => format!("{name} ({y})"),
    };
    let where_ = match kind {
        Kind::TapThe => d.nominee(NomineeKey::Address).map(String::from),
        _ => d.position_line(),
    };
    let decision = report.book.decision(r.review).filter(|_| !r.review.stale);
    let award = decision
        .and_then(|x| x.award.clone())
        .or_else(|| (!d.proposed_award.is_empty()).then(|| d.proposed_award.clone()));
    let u = report.unit_of(r);
    // A unit over the cap, in one folder or several, is marked for the
    // Chairman's reader (SPEC §6).
    let unit = if u.whole_unit > report.settings.cap {
        format!(
            "{} (gửi {} hồ sơ, vượt mức tối đa {:02})",
            u.name(),
            u.whole_unit,
            report.settings.cap
        )
    } else {
        u.name().to_string()
    };
    let campaign = match d.campaign {
        Some(c) if c.section != "*" => format!("{} ({})", c.name_vi, c.section),
        _ if d.movement.is_empty() => "Lĩnh vực khác".to_string(),
        _ => d.movement.clone(),
    };
    let first = d.achievements.first().map(|a| excerpt(&a.text, 300));
    vec![
        td(&n.to_string(), Align::Center),
        td(&who, Align::Left),
        td(&documents::or_dots(where_.as_deref()), Align::Left),
        td(&campaign, Align::Left),
        td(&documents::or_dots(first.as_deref()), Align::Left),
        td(&documents::or_dots(award.as_deref()), Align::Left),
        td(&unit, Align::Left),
    ]
}

/// The office's signature, on the right.
fn signature(office: &crate::config::Office, width: f64) -> Table {
    let mut sig = Table::new(vec![width / 2.0, width / 2.0], false);
    sig.row(
        vec![
            cell(vec![]),
            cell(vec![
                para(vec![run(office.signer_title.to_uppercase()).bold()])
                    .align(Align::Center)
                    .after(0.0),
                para(vec![run("(Ký, ghi rõ họ tên, đóng dấu)").italic()])
                    .align(Align::Center)
                    .after(if office.signer.is_some() { 60.0 } else { 0.0 }),
                para(vec![run(office.signer.clone().unwrap_or_default()).bold()])
                    .align(Align::Center)
                    .after(0.0),
            ]),
        ],
        false,
    );
    sig
}
