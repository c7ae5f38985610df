//! `kh export letters`: a letter from Sở Nội vụ to each unit that has
//! something to mend, in plain Vietnamese, and a reminder to each unit of
//! the roster that sent nothing.

use std::path::PathBuf;

use anyhow::Result;

use crate::check::{Options, Report};
use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::docx::{Align, Doc, Para, Table, cell, para, run};
use crate::export::dossier::Dossier;
use crate::export::{self, Common, text_width};
use crate::lang::Lang;
use crate::review::Status;
use crate::tr;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
}

/// A letter for each unit: its slug and the document.
pub fn letters(report: &Report, date: Option<chrono::NaiveDate>) -> Vec<(String, Doc)> {
    let mut out = Vec::new();
    let year = report.settings.year;
    for (i, unit) in report.units.iter().enumerate() {
        let name = unit.name().to_string();
        let records: Vec<_> = report
            .records
            .iter()
            .filter(|r| r.unit as usize == i)
            .collect();
        let prefix = format!("{}/", unit.slug);
        let mut items: Vec<Para> = Vec::new();
        let mut in_order: Vec<String> = Vec::new();
        let mut k = 0;
        for r in &records {
            let problems: Vec<&Diagnostic> = report
                .diagnostics
                .iter()
                .filter(|d| {
                    *d.path == *r.path && d.severity != Severity::Note && !is_review(d.rule)
                })
                .collect();
            let returned = report
                .book
                .decision(r.review)
                .filter(|d| !r.review.stale && d.status == Status::BoSung);
            if problems.is_empty() && returned.is_none() {
                let d = Dossier::of(report, r).unwrap_or_default();
                in_order.push(export::or_dots(d.name()));
                continue;
            }
            k += 1;
            let d = Dossier::of(report, r).unwrap_or_default();
            items.push(
                para(vec![
                    run(format!("{k}. {}", export::or_dots(d.name()))).bold(),
                    run(format!(" (tệp {})", r.path)).italic(),
                ])
                .keep_next()
                .after(2.0)
                .indent(10.0),
            );
            for p in problems {
                items.push(problem(p));
            }
            if let Some(dec) = returned {
                let when = dec.date.map(crate::nomination::dmy).unwrap_or_default();
                items.push(
                    para(vec![
                        run("- Ý kiến thẩm định của Sở Nội vụ"),
                        run(if when.is_empty() {
                            String::new()
                        } else {
                            format!(" ({when})")
                        }),
                        run(": "),
                        run(dec.note.clone().unwrap_or_default()).italic(),
                    ])
                    .align(Align::Both)
                    .indent(15.0)
                    .after(2.0),
                );
            }
        }
        // The unit's own problems: the cap, its descriptor, the roster.
        let own: Vec<&Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| *d.path == *unit.slug && d.severity != Severity::Note)
            .collect();
        let _ = &prefix;
        if items.is_empty() && own.is_empty() {
            continue;
        }
        let mut doc = letter_head(
            &name,
            date,
            "V/v hoàn thiện hồ sơ đề nghị điển hình tiên tiến",
        );
        doc.push(body(&format!(
            "Thực hiện Kế hoạch tuyên truyền các phong trào thi đua yêu nước, xây dựng và nhân rộng điển hình tiên tiến năm {year} của Ủy ban nhân dân tỉnh, Sở Nội vụ đã tiếp nhận và kiểm tra {} hồ sơ đề nghị của đơn vị. Đề nghị đơn vị hoàn thiện các nội dung dưới đây và gửi lại Sở Nội vụ:",
            records.len()
        )));
        if !own.is_empty() {
            doc.push(
                para(vec![run("Về hồ sơ chung của đơn vị:").bold()])
                    .indent(10.0)
                    .after(2.0),
            );
            for p in own {
                doc.push(problem(p));
            }
        }
        for p in items {
            doc.push(p);
        }
        if !in_order.is_empty() {
            doc.push(body(&format!(
                "Các hồ sơ đã đầy đủ, đúng quy định: {}.",
                in_order.join("; ")
            )));
        }
        doc.push(body(
            "Sở Nội vụ đề nghị đơn vị quan tâm, phối hợp thực hiện./.",
        ));
        sign(&mut doc);
        out.push((unit.slug.clone(), doc));
    }
    for (slug, name) in report.missing_units() {
        let mut doc = letter_head(name, date, "V/v gửi hồ sơ đề nghị điển hình tiên tiến");
        doc.push(body(&format!(
            "Thực hiện Kế hoạch tuyên truyền các phong trào thi đua yêu nước, xây dựng và nhân rộng điển hình tiên tiến năm {year} của Ủy ban nhân dân tỉnh, đến nay Sở Nội vụ chưa nhận được hồ sơ giới thiệu điển hình tiên tiến của đơn vị."
        )));
        doc.push(body("Đề nghị đơn vị lựa chọn các điển hình tiên tiến tiêu biểu nhất trên các lĩnh vực (không quá 03 điển hình, bao gồm cả tập thể, cá nhân), lập hồ sơ theo biểu mẫu đính kèm Kế hoạch và gửi về Sở Nội vụ để thẩm định, tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh."));
        doc.push(body(
            "Sở Nội vụ đề nghị đơn vị quan tâm, phối hợp thực hiện./.",
        ));
        sign(&mut doc);
        out.push((slug.to_string(), doc));
    }
    out
}

fn is_review(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::ReviewReturned | Rule::ReviewRejected | Rule::ReviewStale | Rule::ReviewOrphan
    )
}

/// kh's message as a letter says it: no code marks, the line it is on.
fn problem(d: &Diagnostic) -> Para {
    let plain = |s: &str| {
        let mut out = String::new();
        let mut open = true;
        for c in s.chars() {
            if c == '`' {
                out.push(if open { '“' } else { '”' });
                open = !open;
            } else {
                out.push(c);
            }
        }
        out
    };
    let mut text = match d.line() {
        Some(l) => format!("- Dòng {l}: {}", plain(&d.message(Lang::Vi))),
        None => format!("- {}", plain(&d.message(Lang::Vi))),
    };
    if !text.ends_with('.') {
        text.push('.');
    }
    let mut runs = vec![run(text)];
    if let Some(h) = &d.help(Lang::Vi) {
        runs.push(run(format!(" Gợi ý: {}.", plain(h).trim_end_matches('.'))).italic());
    }
    para(runs).align(Align::Both).indent(15.0).after(2.0)
}

fn body(text: &str) -> Para {
    para(vec![run(text)]).align(Align::Both).indent(10.0)
}

fn letter_head(to: &str, date: Option<chrono::NaiveDate>, subject: &str) -> Doc {
    let width = text_width(false);
    let mut doc = Doc {
        title: format!("Công văn gửi {to}"),
        ..Doc::default()
    };
    doc.table(export::heading(
        &["UBND TỈNH HÀ NAM", "SỞ NỘI VỤ"],
        &["Số: ……/SNV-TĐKT", subject],
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

fn sign(doc: &mut Doc) {
    let width = text_width(false);
    let mut t = Table::new(vec![width / 2.0, width / 2.0], false);
    t.row(
        vec![
            cell(vec![
                para(vec![run("Nơi nhận:").bold().italic().size(12.0)]).after(0.0),
                para(vec![run("- Như trên;").size(11.0)]).after(0.0),
                para(vec![run("- Lưu: VT, TĐKT.").size(11.0)]).after(0.0),
            ]),
            cell(vec![
                para(vec![run("GIÁM ĐỐC").bold()])
                    .align(Align::Center)
                    .after(60.0),
            ]),
        ],
        false,
    );
    doc.push(para(vec![]).after(6.0));
    doc.table(t);
}

pub fn run_letters(args: Args, opts: Options) -> Result<bool> {
    let lang = opts.lang;
    let c = &args.common;
    let root = export::root_of(&c.path, lang)?;
    let out = export::refuse_inside(&root, &c.out, lang)?;
    let report = export::check_round(&c.path)?;
    let docs = letters(&report, c.date);
    let targets: Vec<PathBuf> = docs
        .iter()
        .map(|(slug, _)| out.join(format!("{slug}.docx")))
        .collect();
    export::refuse_existing(&targets, c.force, lang)?;
    for ((_, doc), to) in docs.iter().zip(&targets) {
        export::write_atomic(to, &export::bytes(doc), lang)?;
    }
    crate::output::print(&tr!(
        lang,
        "Đã viết {} công văn vào {}\n",
        "Wrote {} letters to {}\n",
        docs.len(),
        c.out.display()
    ))?;
    Ok(false)
}
