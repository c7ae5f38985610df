//! `kh export letters`: a letter from Sở Nội vụ to each unit that has
//! something to mend, in plain Vietnamese, and a reminder to each unit of
//! the roster that sent nothing.

use crate::check::Report;
use crate::documents::issuer::Issuer;
use crate::documents::wording::{self, Who};
use crate::documents::{self, text_width};
use crate::docx::{Align, Doc, Para, Table, cell, para, run};
use crate::form::NomineeKey;
use crate::review::Status;
use crate::template::Draft;

/// A letter for each unit: its slug and the document. A unit with
/// something to mend or hear gets what it is; a unit of the roster that
/// sent nothing, a reminder.
pub fn letters(report: &Report, date: Option<chrono::NaiveDate>) -> Vec<(String, Doc)> {
    // Another file's unit, by the unit's name: a letter never names a file.
    let unit_name = |path: &str| -> String {
        let slug = path.split('/').next().unwrap_or(path);
        report
            .units
            .iter()
            .find(|u| u.slug == slug)
            .map_or_else(|| slug.to_string(), |u| u.name().to_string())
    };
    let mut out: Vec<(String, Doc)> = report
        .units
        .iter()
        .enumerate()
        .filter_map(|(i, unit)| {
            unit_letter(report, i, date, &unit_name).map(|doc| (unit.slug.clone(), doc))
        })
        .collect();
    for (slug, name) in report.missing_units() {
        out.push((slug.to_string(), reminder(report, name, date)));
    }
    out
}

/// What a unit's nominations come to in its letter.
#[derive(Default)]
struct Sorted {
    /// Each nomination with something to mend: its heading, then its lines.
    items: Vec<Para>,
    /// The nominations rejected at appraisal, with the reason.
    rejected: Vec<Para>,
    /// The nominations in order, by their headings.
    in_order: Vec<String>,
}

/// The unit's nominations sorted for its letter: to mend (numbered),
/// rejected, or in order.
fn sort_nominations(
    report: &Report,
    records: &[&crate::check::Record],
    unit_name: &dyn Fn(&str) -> String,
) -> Sorted {
    let mut sorted = Sorted::default();
    let mut k = 0;
    for r in records {
        let d = Draft::of(report, r);
        let who = d.addressed();
        let heading = d
            .title()
            .unwrap_or_else(|| "Hồ sơ chưa đọc được tên".to_string());
        let decision = report.book.decision(r.review).filter(|_| !r.review.stale);
        if let Some(dec) = decision.filter(|d| d.status == Status::KhongDat) {
            sorted.rejected.push(decision_para(&heading, dec, "Lý do"));
            continue;
        }
        let problems: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|x| *x.path == *r.path)
            .filter(|x| !on_unread(&x.what, r.nomination.as_ref()))
            .filter_map(|x| wording::sentence(x, Who { name: &who }, unit_name))
            .fold(Vec::new(), |mut v, s| {
                // One wording said once: a missing field twice is one line.
                if !v.contains(&s) {
                    v.push(s);
                }
                v
            });
        let returned = decision.filter(|d| d.status == Status::BoSung);
        if problems.is_empty() && returned.is_none() {
            sorted.in_order.push(heading);
            continue;
        }
        k += 1;
        sorted.items.push(
            para(vec![run(format!("{k}. {heading}")).bold()])
                .keep_next()
                .after(2.0)
                .indent(10.0),
        );
        for p in problems {
            sorted.items.push(line(&p));
        }
        if let Some(dec) = returned {
            sorted
                .items
                .push(decision_para("", dec, "Ý kiến thẩm định của Sở Nội vụ"));
        }
    }
    sorted
}

/// The letter to the `i`th unit, if it has something to mend or hear.
fn unit_letter(
    report: &Report,
    i: usize,
    date: Option<chrono::NaiveDate>,
    unit_name: &dyn Fn(&str) -> String,
) -> Option<Doc> {
    let settings = &report.settings;
    let unit = report.units.get(i)?;
    let records: Vec<_> = report
        .records
        .iter()
        .filter(|r| r.unit as usize == i)
        .collect();
    let Sorted {
        items,
        rejected,
        in_order,
    } = sort_nominations(report, &records, unit_name);
    // The unit's own problems: the cap, its descriptor.
    let own: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| *d.path == *unit.slug)
        .filter_map(|d| wording::sentence(d, Who { name: "" }, unit_name))
        .collect();
    if items.is_empty() && own.is_empty() && rejected.is_empty() {
        return None;
    }
    let mut doc = letter_head(
        &settings.office,
        unit.name(),
        date,
        "V/v hoàn thiện hồ sơ đề nghị điển hình tiên tiến",
    );
    doc.push(body(&format!(
        "Thực hiện {}, Sở Nội vụ đã tiếp nhận và thẩm định {} hồ sơ đề nghị của đơn vị. Kết quả như sau:",
        settings.plan.cited(),
        records.len()
    )));
    let part = |doc: &mut Doc, title: &str, paras: Vec<Para>| {
        doc.push(para(vec![run(title).bold()]).indent(10.0).after(2.0));
        for p in paras {
            doc.push(p);
        }
    };
    if !own.is_empty() {
        part(
            &mut doc,
            "Về hồ sơ chung của đơn vị:",
            own.iter().map(|p| line(p)).collect(),
        );
    }
    if !items.is_empty() {
        part(&mut doc, "Các hồ sơ cần hoàn thiện:", items);
    }
    if !rejected.is_empty() {
        part(&mut doc, "Các hồ sơ không đạt qua thẩm định:", rejected);
    }
    if !in_order.is_empty() {
        doc.push(body(&format!(
            "Các hồ sơ đã đầy đủ, đúng quy định: {}.",
            in_order.join("; ")
        )));
    }
    doc.push(body(&match settings.plan.deadline {
        Some(d) => format!(
            "Đề nghị đơn vị hoàn thiện hồ sơ theo các nội dung trên, gửi lại Sở Nội vụ trước ngày {}.",
            crate::text::dmy(d)
        ),
        None => "Đề nghị đơn vị hoàn thiện hồ sơ theo các nội dung trên, gửi lại Sở Nội vụ."
            .to_string(),
    }));
    doc.push(body(
        "Sở Nội vụ đề nghị đơn vị quan tâm, phối hợp thực hiện./.",
    ));
    sign(&mut doc, &settings.office);
    Some(doc)
}

/// The reminder to a unit of the roster that sent nothing.
fn reminder(report: &Report, name: &str, date: Option<chrono::NaiveDate>) -> Doc {
    let settings = &report.settings;
    let mut doc = letter_head(
        &settings.office,
        name,
        date,
        "V/v gửi hồ sơ đề nghị điển hình tiên tiến",
    );
    doc.push(body(&format!(
        "Thực hiện {}, đến nay Sở Nội vụ chưa nhận được hồ sơ giới thiệu điển hình tiên tiến của đơn vị.",
        settings.plan.cited()
    )));
    let when = match settings.plan.deadline {
        Some(d) => format!(" trước ngày {}", crate::text::dmy(d)),
        None => String::new(),
    };
    doc.push(body(&format!("Đề nghị đơn vị lựa chọn các điển hình tiên tiến tiêu biểu nhất trên các lĩnh vực (không quá 03 điển hình, bao gồm cả tập thể, cá nhân), lập hồ sơ theo biểu mẫu kèm theo Kế hoạch và gửi về Sở Nội vụ{when} để thẩm định, tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh.")));
    doc.push(body(
        "Sở Nội vụ đề nghị đơn vị quan tâm, phối hợp thực hiện./.",
    ));
    sign(&mut doc, &settings.office);
    doc
}

/// A decision of the appraisal with the reviewer's words: "- Ông A: không
/// đạt (06/10/2023). Lý do: …", or the note of a return under its heading.
/// A finding on a field `kh import` could not read (`[import] unread`):
/// kh's to look at in the source, never the unit's to send again (SPEC
/// §15.1).
fn on_unread(what: &crate::messages::What, n: Option<&crate::nomination::Nomination>) -> bool {
    use crate::messages::What;
    let Some(n) = n.filter(|n| !n.unread.is_empty()) else {
        return false;
    };
    let listed = |key: &str| {
        n.unread
            .iter()
            .any(|u| &**u == key || u.strip_prefix("nominee.") == Some(key))
    };
    match what {
        What::MissingField { key, .. }
        | What::EmptyField { key, .. }
        | What::InvalidDate { key, .. }
        | What::WrongType { key, .. } => listed(key),
        What::NoAchievement => listed("achievements"),
        What::WorkplaceOrResidence => {
            listed(NomineeKey::Workplace.key()) || listed(NomineeKey::Residence.key())
        }
        What::BirthYearOnly { .. } | What::BirthInFuture { .. } | What::ImplausibleAge { .. } => {
            listed(NomineeKey::BirthDate.key())
        }
        _ => false,
    }
}

fn decision_para(heading: &str, dec: &crate::review::Decision, what: &str) -> Para {
    let when = dec
        .date
        .map(|d| format!(" ({})", crate::text::dmy(d)))
        .unwrap_or_default();
    let note = dec.note.clone().unwrap_or_default();
    let mut runs = Vec::new();
    if heading.is_empty() {
        runs.push(run(format!("- {what}{when}: ")));
    } else {
        runs.push(run(format!("- {heading}")).bold());
        runs.push(run(format!(": không đạt{when}. {what}: ")));
    }
    let mut note = note.trim().to_string();
    if !note.ends_with('.') {
        note.push('.');
    }
    runs.push(run(note).italic());
    para(runs).align(Align::Both).indent(15.0).after(2.0)
}

/// One thing to mend, as a line of the letter.
fn line(text: &str) -> Para {
    para(vec![run(format!("- {text}"))])
        .align(Align::Both)
        .indent(15.0)
        .after(2.0)
}

fn body(text: &str) -> Para {
    para(vec![run(text)]).align(Align::Both).indent(10.0)
}

fn letter_head(
    office: &crate::config::Office,
    to: &str,
    date: Option<chrono::NaiveDate>,
    subject: &str,
) -> Doc {
    let width = text_width(false);
    let mut doc = Doc {
        title: format!("Công văn gửi {to}"),
        ..Doc::default()
    };
    let number = format!("Số: ……/{}", office.abbr);
    doc.table(documents::heading_of(
        &Issuer::office(office),
        &[&number, subject],
        date,
        width,
    ));
    doc.push(
        para(vec![run("Kính gửi: ").italic(), run(to).bold()])
            .align(Align::Center)
            .after(12.0),
    );
    doc
}

fn sign(doc: &mut Doc, office: &crate::config::Office) {
    let width = text_width(false);
    let mut t = Table::new(vec![width / 2.0, width / 2.0], false);
    let mut to = vec![
        para(vec![run("Nơi nhận:").bold().italic().size(12.0)]).after(0.0),
        para(vec![run("- Như trên;").size(11.0)]).after(0.0),
    ];
    // An office's own "Lưu: …" line is its filing mark: it replaces kh's,
    // and comes last, as ND 30/2020 places it.
    let mut filed = None;
    for c in &office.cc {
        let c = c
            .trim_start_matches('-')
            .trim()
            .trim_end_matches([';', '.']);
        if crate::text::fold_key(c).starts_with("lưu") {
            filed.get_or_insert(c);
            continue;
        }
        to.push(para(vec![run(format!("- {c};")).size(11.0)]).after(0.0));
    }
    let filed = filed.map_or_else(|| "- Lưu: VT, TĐKT.".to_string(), |c| format!("- {c}."));
    to.push(para(vec![run(filed).size(11.0)]).after(0.0));
    let mut right = vec![
        para(vec![run(office.signer_title.to_uppercase()).bold()])
            .align(Align::Center)
            .after(60.0),
    ];
    if let Some(s) = &office.signer {
        right.push(para(vec![run(s.as_str()).bold()]).align(Align::Center));
    }
    t.row(vec![cell(to), cell(right)], false);
    doc.push(para(vec![]).after(6.0));
    doc.sign_off(t);
}
