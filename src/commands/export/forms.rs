//! `kh export forms`: each nomination on the plan's form for its kind, one
//! `.docx` per file, written on all cores, one at a time each; or one blank
//! form for a unit to fill in.

use std::path::{Path, PathBuf};

use anyhow::Result;
use rayon::prelude::*;

use super::{Common, Signed};
use crate::check::{Options, Record, Report};
use crate::documents::forms::form;
use crate::documents::issuer::Issuer;
use crate::template::Draft;
use crate::tr;
use crate::vocab::Kind;
use crate::write_out;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub signed: Signed,
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

/// The English of `kh export forms`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "Each nomination as a .docx on the plan's achievement report form",
    options: &[
        (
            "path",
            "Root of the round, a unit folder, or one .toml file",
        ),
        (
            "out",
            "Folder to write the forms in (outside the round's folder)",
        ),
        ("force", "Replace files that exist"),
        (
            "date",
            "Signing date, 05/10/2023 or 2023-10-05 (default: dots to fill by hand)",
        ),
        (
            "draft",
            "Export nominations with errors too, marked DỰ THẢO (draft)",
        ),
        (
            "blank",
            "One blank form for a unit to fill in in Word (needs --campaign, --kind, --unit; --out is a .docx file)",
        ),
        (
            "campaign",
            "Campaign of the blank form (slug, name or section)",
        ),
        (
            "kind",
            "Kind of the blank form: tap-the | ca-nhan | ho-gia-dinh",
        ),
        ("unit", "Unit of the blank form (code or name)"),
    ],
};

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
    let root = write_out::root_of(&c.path, lang)?;
    let out = write_out::refuse_inside(&root, &c.out, lang)?;
    let report = write_out::check_round(&c.path)?;
    let (chosen, left_out) = choose(&report, args.draft);
    let targets: Vec<PathBuf> = chosen.iter().map(|r| target(&out, &r.path)).collect();
    write_out::refuse_existing(&targets, c.force, lang)?;

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
                    let mut doc = form(&Draft::shown(&text), &who, draft, args.signed.date);
                    let (unit_dir, file) = r.path.split_once('/').unwrap_or(("", &r.path));
                    doc.kept = Some(crate::docx::Kept {
                        unit: unit_dir.to_string(),
                        unit_name: unit.to_string(),
                        file: file.to_string(),
                        text,
                    });
                    write_out::write_atomic(to, &crate::documents::bytes(&doc)?, lang)
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
    let round = write_out::root_of(&c.path, lang).ok();
    let known = round
        .as_deref()
        .map(crate::intake::units::known)
        .unwrap_or_default();
    let round = round.filter(|r| r.join(crate::tree::ROUND_FILE).exists() || !known.is_empty());
    let (slug, name) = match crate::intake::units::by_name(&known, unit) {
        Some(k) => (k.slug.clone(), k.name.clone()),
        // A code the round does not know would head the form as "SO-Y-TE"
        // (#34.7): the round is asked for, or the unit's full name.
        None if crate::text::is_slug(unit.trim()) => anyhow::bail!(tr!(
            lang,
            "không tìm thấy đơn vị `{}` trong đợt (tìm từ `{}` lên trên): nêu đợt, `kh export forms ĐỢT --blank …`, hoặc ghi tên đầy đủ của đơn vị ở --unit",
            "no unit `{}` in the round (looked from `{}` upwards): name the round, `kh export forms ROUND --blank …`, or give the unit's full name in --unit",
            crate::text::escape_controls(unit.trim()),
            crate::text::escape_controls(&c.path.display().to_string())
        )),
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
        Some(root) => write_out::refuse_inside(root, &c.out, lang)?,
        None => write_out::resolve_out(&c.out),
    };
    write_out::refuse_existing(std::slice::from_ref(&out), c.force, lang)?;
    // The blank form's draft is printed as it is, and its file kept in the
    // document for `kh import` to take back (SPEC §15).
    let draft = Draft::blank(&crate::template::Request {
        campaign: info,
        kind,
        role: None,
        name: "",
    });
    let text = crate::template::write(&draft);
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
    let mut doc = form(&draft, &who, false, args.signed.date);
    doc.kept = Some(crate::docx::Kept {
        unit: slug,
        unit_name: name,
        file: String::new(),
        text,
    });
    write_out::write_atomic(&out, &crate::documents::bytes(&doc)?, lang)?;
    crate::output::print(&tr!(
        lang,
        "Đã ghi mẫu trống {} — {} «{}», {}\nGửi đơn vị điền trong Word rồi nhận về bằng: kh import <tệp> --into <đợt>\n",
        "Wrote the blank form {} — {} «{}», {}\nSend it to the unit to fill in in Word, then take it in with: kh import <file> --into <round>\n",
        write_out::shown_path(&out),
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
