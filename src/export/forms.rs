//! `kh export forms`: each nomination on the plan's form for its kind, one
//! `.docx` per file, written on all cores, one at a time each.

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;
use rayon::prelude::*;

use crate::check::{Options, Record, Report};
use crate::docx::{Align, Doc, Table, cell, para, run};
use crate::export::dossier::Dossier;
use crate::export::issuer::{Issuer, single_spaced};
use crate::export::{self, Common, td, text_width, th};
use crate::tr;
use crate::vocab::Kind;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// Xuất cả đề nghị còn lỗi, ghi “DỰ THẢO” ở đầu
    #[arg(long)]
    pub draft: bool,
    /// Một mẫu trống để đơn vị điền trong Word (cần --campaign, --kind, --unit; --out là tệp .docx)
    #[arg(long, requires_all = ["campaign", "kind", "unit"], conflicts_with = "draft")]
    pub blank: bool,
    /// Phong trào của mẫu trống (mã, tên hoặc mục)
    #[arg(long, requires = "blank")]
    pub campaign: Option<String>,
    /// Loại của mẫu trống: tap-the | ca-nhan | ho-gia-dinh
    #[arg(long, requires = "blank")]
    pub kind: Option<String>,
    /// Đơn vị của mẫu trống (mã hoặc tên)
    #[arg(long, requires = "blank")]
    pub unit: Option<String>,
}

/// Where a nomination's form goes: `DIR/<unit>/<file stem>.docx`.
pub fn target(out: &Path, rel: &str) -> PathBuf {
    let rel = rel.strip_suffix(".toml").unwrap_or(rel);
    out.join(format!("{rel}.docx"))
}

/// Exports the forms; `Ok(true)` when a nomination was left out (exit 1).
pub fn run_forms(args: Args, opts: Options) -> Result<bool> {
    let lang = opts.lang;
    if args.blank {
        return run_blank(&args, lang).map(|()| false);
    }
    let c = &args.common;
    let root = export::root_of(&c.path, lang)?;
    let out = export::refuse_inside(&root, &c.out, lang)?;
    let report = export::check_round(&c.path)?;
    let (chosen, left_out) = choose(&report, args.draft);
    let targets: Vec<PathBuf> = chosen.iter().map(|r| target(&out, &r.path)).collect();
    export::refuse_existing(&targets, c.force, lang)?;

    let failures: Vec<String> = chosen
        .par_iter()
        .zip(targets.par_iter())
        .filter_map(|(r, to)| {
            let draft = r.tally.errors > 0;
            let record = report.unit_of(r);
            let unit = record.name();
            let who = Issuer::of_unit(&record.info, unit);
            let result = crate::tree::read_text(&report.root, &report.entry(r))
                .map_err(|_| anyhow::anyhow!("{}", r.path))
                .and_then(|text| {
                    let mut doc = form(&Dossier::parse(&text), &who, draft, c.date);
                    let (unit_dir, file) = r.path.split_once('/').unwrap_or(("", &r.path));
                    doc.kept = Some(crate::docx::Kept {
                        unit: unit_dir.to_string(),
                        unit_name: unit.to_string(),
                        file: file.to_string(),
                        text,
                    });
                    export::write_atomic(to, &export::bytes(&doc), lang)
                });
            result.err().map(|e| format!("{}: {e:#}", r.path))
        })
        .collect();

    let mut err = std::io::stderr().lock();
    use std::io::Write;
    for path in &left_out {
        let _ = writeln!(
            err,
            "{}",
            tr!(
                lang,
                "bỏ qua (còn lỗi; dùng --draft để xuất bản dự thảo): {path}",
                "left out (it has errors; --draft exports a draft): {path}"
            )
        );
    }
    for f in &failures {
        let _ = writeln!(err, "kh: {f}");
    }
    let written = chosen.len() - failures.len();
    crate::output::print(&tr!(
        lang,
        "Đã xuất {written} mẫu báo cáo thành tích vào {}\n",
        "Exported {written} achievement reports to {}\n",
        c.out.display()
    ))?;
    if !failures.is_empty() {
        anyhow::bail!(tr!(
            lang,
            "{} tệp không ghi được",
            "{} files could not be written",
            failures.len()
        ));
    }
    Ok(!left_out.is_empty())
}

/// `--blank`: the form for one campaign and kind, with its content controls
/// and the template kept in it, for a unit to fill in and send back.
fn run_blank(args: &Args, lang: crate::lang::Lang) -> Result<()> {
    let c = &args.common;
    let (Some(campaign), Some(kind), Some(unit)) = (&args.campaign, &args.kind, &args.unit) else {
        anyhow::bail!(tr!(
            lang,
            "--blank cần --campaign, --kind và --unit",
            "--blank needs --campaign, --kind and --unit"
        ));
    };
    let info = crate::campaign::Campaign::from_query(campaign, lang)?
        .0
        .info();
    let kind = Kind::from_query(kind, lang)?;
    if !info.takes(kind) {
        anyhow::bail!(tr!(
            lang,
            "phong trào `{}` không nhận {}",
            "campaign `{}` takes no {}",
            info.slug,
            kind.label(lang)
        ));
    }
    // The unit as the round knows it, when there is a round here.
    // A folder with neither kh.toml nor units is no round to protect.
    let round = export::root_of(&c.path, lang).ok();
    let known = round
        .as_deref()
        .map(crate::intake::units::known)
        .unwrap_or_default();
    let round = round.filter(|r| r.join(crate::tree::ROUND_FILE).exists() || !known.is_empty());
    let (slug, name) = match crate::intake::units::by_name(&known, unit) {
        Some(k) => (k.slug.clone(), k.name.clone()),
        None => (crate::text::slugify(unit), unit.trim().to_string()),
    };
    if slug.is_empty() {
        anyhow::bail!(tr!(
            lang,
            "--unit `{}` không có chữ cái hay chữ số",
            "--unit `{}` has no letter or digit",
            crate::text::escape_controls(unit)
        ));
    }
    let out = match &round {
        Some(root) => export::refuse_inside(root, &c.out, lang)?,
        None => export::resolve_out(&c.out),
    };
    export::refuse_existing(std::slice::from_ref(&out), c.force, lang)?;
    let text = crate::template::render(&crate::template::Request {
        campaign: info,
        kind,
        role: None,
        name: "",
    });
    // What the unit's unit.toml says of its header, when the round has it.
    let unit_info = round
        .as_deref()
        .map(|r| r.join(&slug).join(crate::tree::UNIT_FILE))
        .and_then(|p| {
            crate::tree::read_regular_text(&p, crate::tree::MAX_FILE_BYTES)
                .ok()
                .flatten()
                .map(|text| crate::config::read_unit(&p.display().to_string(), &text).0)
        })
        .unwrap_or_default();
    let who = Issuer::of_unit(&unit_info, &name);
    let mut doc = form(&Dossier::parse(&text), &who, false, c.date);
    doc.kept = Some(crate::docx::Kept {
        unit: slug,
        unit_name: name,
        file: String::new(),
        text,
    });
    export::write_atomic(&out, &export::bytes(&doc), lang)?;
    crate::output::print(&tr!(
        lang,
        "Đã ghi mẫu trống {} — {} «{}», {}\nGửi đơn vị điền trong Word rồi nhận về bằng: kh import <tệp> --into <đợt>\n",
        "Wrote the blank form {} — {} «{}», {}\nSend it to the unit to fill in in Word, then take it in with: kh import <file> --into <round>\n",
        export::shown_path(&out),
        info.cited(lang),
        info.name(lang),
        kind.label(lang)
    ))?;
    Ok(())
}

/// The nominations to export, and those left out for their errors.
fn choose(report: &Report, draft: bool) -> (Vec<&Record>, Vec<String>) {
    let mut chosen = Vec::new();
    let mut left_out = Vec::new();
    for r in &report.records {
        let readable = r.nomination.is_some();
        if readable && (r.tally.errors == 0 || draft) {
            chosen.push(r);
        } else {
            left_out.push(r.path.to_string());
        }
    }
    (chosen, left_out)
}

fn line(label: &str, value: Option<&str>, key: &'static str) -> crate::docx::Para {
    para(vec![
        run(format!("- {label}: ")),
        run(export::or_dots(value)).tag(key),
    ])
    .align(Align::Both)
    .indent(10.0)
    .after(3.0)
}

fn section(title: &str) -> crate::docx::Para {
    para(vec![run(title).bold()])
        .keep_next()
        .after(4.0)
        .indent(10.0)
}

/// The plan's form for one nomination.
pub fn form(d: &Dossier, who: &Issuer, draft: bool, date: Option<NaiveDate>) -> Doc {
    let collective = d.kind == Some(Kind::TapThe);
    let household = d.kind == Some(Kind::HoGiaDinh);
    let width = text_width(false);
    let mut doc = Doc {
        title: d.title().unwrap_or_default(),
        ..Doc::default()
    };
    doc.table(export::heading_of(who, &[], date, width));
    doc.push(para(vec![]).after(6.0));
    let title = if collective {
        "BÁO CÁO THÀNH TÍCH\nTẬP THỂ ĐIỂN HÌNH TIÊN TIẾN"
    } else {
        "BÁO CÁO THÀNH TÍCH\nHỘ GIA ĐÌNH, CÁ NHÂN ĐIỂN HÌNH TIÊN TIẾN"
    };
    if draft {
        doc.push(
            para(vec![run("DỰ THẢO").bold().italic()])
                .align(Align::Center)
                .after(0.0),
        );
    }
    doc.push(
        para(vec![run(title).bold()])
            .align(Align::Center)
            .after(4.0),
    );
    doc.push(
        para(vec![
            run(format!("Phong trào thi đua {}", d.campaign_line())).italic(),
        ])
        .align(Align::Center)
        .after(12.0),
    );

    if collective {
        doc.push(section("1. Đặc điểm tình hình:"));
        let name = d.field("name").map(single_spaced);
        doc.push(line("Tên tập thể", name.as_deref(), "nominee.name"));
        doc.push(line(
            "Quá trình thành lập",
            d.field("founded"),
            "nominee.founded",
        ));
        doc.push(line(
            "Cơ cấu bộ máy tổ chức",
            d.field("structure"),
            "nominee.structure",
        ));
        doc.push(line(
            "Chức năng, nhiệm vụ",
            d.field("duties"),
            "nominee.duties",
        ));
    } else {
        doc.push(section("1. Sơ lược lý lịch:"));
        let name_label = if d.kind == Some(Kind::HoGiaDinh) {
            "Họ và tên (chủ hộ)"
        } else {
            "Họ và tên"
        };
        let name = d.field("full_name").map(single_spaced);
        doc.push(line(name_label, name.as_deref(), "nominee.full_name"));
        doc.push(line(
            "Ngày, tháng, năm sinh",
            d.field("birth_date"),
            "nominee.birth_date",
        ));
        doc.push(line("Quê quán", d.field("hometown"), "nominee.hometown"));
        let works = d.field("position").is_some() || d.field("workplace").is_some();
        doc.push(line(
            "Chức vụ, đơn vị công tác (hoặc hộ khẩu thường trú)",
            d.position_line().as_deref(),
            // A blank line is a person's workplace, a household's residence.
            if works || (d.field("residence").is_none() && d.kind != Some(Kind::HoGiaDinh)) {
                "nominee.workplace"
            } else {
                "nominee.residence"
            },
        ));
    }

    doc.push(section("2. Thành tích tiêu biểu xuất sắc đã đạt được:"));
    if d.achievements.is_empty() {
        doc.push(para(vec![run(export::or_dots(None))]).indent(10.0));
    }
    // A line break in an achievement is a paragraph of its own: a justified
    // line ended by a break is stretched across the page.
    for a in &d.achievements {
        for text in a.split('\n').map(str::trim).filter(|t| !t.is_empty()) {
            doc.push(
                para(vec![run(text).tag("achievements")])
                    .align(Align::Both)
                    .indent(10.0),
            );
        }
    }

    doc.push(section("3. Quá trình khen thưởng:"));
    if d.awards.is_empty() {
        doc.push(para(vec![run("Chưa có")]).indent(10.0));
    } else {
        let mut t = Table::new(vec![20.0, width - 20.0 - 55.0, 55.0], true);
        t.row(
            vec![
                th("Năm"),
                th("Hình thức khen thưởng"),
                th("Số, ngày quyết định"),
            ],
            true,
        );
        for a in &d.awards {
            let decision = match (a.decision.is_empty(), a.date.is_empty()) {
                (false, false) => format!("{}, ngày {}", a.decision, a.date),
                (false, true) => a.decision.clone(),
                (true, false) => format!("ngày {}", a.date),
                (true, true) => String::new(),
            };
            t.row(
                vec![
                    td(&a.year, Align::Center),
                    td(&a.title, Align::Left),
                    td(&decision, Align::Left),
                ],
                false,
            );
        }
        doc.table(t);
    }

    // The signatures.
    let mut sig = Table::new(vec![width / 2.0, width / 2.0], false);
    // A block: who signs (heading lines), how, room to sign, the name.
    let block = |heads: &[&str], hint: &str, name: Option<&str>| {
        let mut ps: Vec<crate::docx::Para> = heads
            .iter()
            .map(|h| para(vec![run(*h).bold()]).align(Align::Center).after(0.0))
            .collect();
        ps.push(
            para(vec![run(hint).italic()])
                .align(Align::Center)
                .after(60.0),
        );
        ps.push(
            para(vec![run(name.unwrap_or("")).bold()])
                .align(Align::Center)
                .after(0.0),
        );
        cell(ps)
    };
    let head = who.signer_title.as_str();
    let person = d.field("full_name").map(single_spaced);
    if collective {
        sig.row(
            vec![cell(vec![]), block(&[head], "(Ký, đóng dấu)", None)],
            false,
        );
    } else if household {
        sig.row(
            vec![
                block(
                    &["XÁC NHẬN CỦA UBND XÃ", "(PHƯỜNG, THỊ TRẤN)", "CHỦ TỊCH"],
                    "(Ký, đóng dấu)",
                    None,
                ),
                block(&["CHỦ HỘ"], "(Ký, ghi rõ họ và tên)", person.as_deref()),
            ],
            false,
        );
    } else {
        let heads: Vec<&str> = if head == "THỦ TRƯỞNG ĐƠN VỊ" {
            vec!["XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ"]
        } else {
            vec!["XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", head]
        };
        sig.row(
            vec![
                block(&heads, "(Ký, đóng dấu)", None),
                block(
                    &["NGƯỜI BÁO CÁO THÀNH TÍCH"],
                    "(Ký, ghi rõ họ và tên)",
                    person.as_deref(),
                ),
            ],
            false,
        );
    }
    doc.push(para(vec![]).after(6.0));
    doc.table(sig);
    doc
}
