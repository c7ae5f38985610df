//! `kh publish`: the exemplar pages for the press and the province's portal
//! (§IV.2, SPEC §13) — a static site of plain HTML and one stylesheet, from
//! the nominations Sở Nội vụ approved, with a person's data limited as
//! Decree 13/2023 asks: never the day of birth, the home town, the address.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use askama::Template;

use crate::campaign::CAMPAIGNS;
use crate::check::{Options, Record, Report};
use crate::export;
use crate::export::dossier::{Dossier, excerpt};
use crate::lang::Lang;
use crate::review::Status;
use crate::text::slugify;
use crate::tr;
use crate::vocab::Kind;

/// Left in the folder kh writes, so that a later run knows it may replace it.
pub const MARKER: &str = ".kh-publish";
const STYLE: &str = include_str!("../templates/publish/style.css");

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Thư mục gốc của đợt
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Thư mục ghi trang (ngoài thư mục của đợt; thư mục trống hoặc do kh publish tạo)
    #[arg(long)]
    pub out: PathBuf,
    /// Mọi đề nghị không có lỗi, mỗi trang ghi “BẢN XEM TRƯỚC” (mặc định: chỉ đề nghị được thẩm định “đạt”)
    #[arg(long = "all", id = "all_preview")]
    pub all: bool,
}

pub struct Card {
    pub href: String,
    pub name: String,
    pub kind: &'static str,
    pub unit: String,
    pub summary: String,
}

pub struct Group {
    pub anchor: &'static str,
    pub section: String,
    pub name: &'static str,
    pub lead_agency: &'static str,
    pub cards: Vec<Card>,
}

#[derive(Template)]
#[template(path = "publish/index.html")]
pub struct Index {
    pub css: &'static str,
    pub preview: bool,
    pub year: i32,
    pub total: usize,
    pub groups: Vec<Group>,
}

pub struct AwardLine {
    pub year: String,
    pub title: String,
}

#[derive(Template)]
#[template(path = "publish/exemplar.html")]
pub struct Page {
    pub css: &'static str,
    pub index: &'static str,
    pub preview: bool,
    pub year: i32,
    pub name: String,
    pub kind: &'static str,
    pub campaign: String,
    pub unit: String,
    pub birth_year: Option<String>,
    pub position: Option<String>,
    pub workplace: Option<String>,
    pub achievements: Vec<String>,
    pub awards: Vec<AwardLine>,
}

/// The nominations the pages show.
pub fn chosen(report: &Report, all: bool) -> Vec<&Record> {
    report
        .records
        .iter()
        .filter(|r| {
            r.nomination.is_some()
                && r.tally.errors == 0
                && (all || report.status(r) == Status::Dat)
        })
        .collect()
}

fn kind_label(k: Option<Kind>) -> &'static str {
    match k {
        Some(Kind::TapThe) => "Tập thể",
        Some(Kind::CaNhan) => "Cá nhân",
        Some(Kind::HoGiaDinh) => "Hộ gia đình",
        None => "",
    }
}

/// Only what may be published of a nominee (Decree 13/2023): a person's
/// name, birth year, position and workplace; a household's head's name.
pub fn page(d: &Dossier, unit: &str, preview: bool, year: i32) -> Page {
    let person = d.kind == Some(Kind::CaNhan);
    Page {
        css: "../style.css",
        index: "../index.html",
        preview,
        year,
        name: d.name().unwrap_or("").to_string(),
        kind: kind_label(d.kind),
        campaign: d.campaign_line(),
        unit: unit.to_string(),
        birth_year: person.then(|| d.birth_year().map(String::from)).flatten(),
        position: person
            .then(|| d.field("position").map(String::from))
            .flatten(),
        workplace: person
            .then(|| d.field("workplace").map(String::from))
            .flatten(),
        achievements: d.achievements.clone(),
        awards: d
            .awards
            .iter()
            .map(|a| AwardLine {
                year: a.year.clone(),
                title: a.title.clone(),
            })
            .collect(),
    }
}

/// The site's files, relative path → contents.
pub fn site(report: &Report, root: &Path, all: bool) -> Result<Vec<(String, String)>> {
    let preview = all;
    let year = report.settings.year;
    let mut files = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut total = 0;
    let records = chosen(report, all);
    for c in CAMPAIGNS {
        let mut cards = Vec::new();
        for r in records
            .iter()
            .filter(|r| r.nomination.as_ref().and_then(|n| n.campaign) == Some(c.id))
        {
            let d = Dossier::read(root, &r.path).unwrap_or_default();
            let unit = report.unit_of(r).name().to_string();
            // Pages are named by slugs, unique within the site.
            let stem = r
                .path
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".toml");
            let base = format!("{}/{}", slugify(&report.unit_of(r).slug), slugify(stem));
            let base = if base.ends_with('/') {
                format!("{base}trang")
            } else {
                base
            };
            let mut rel = format!("{base}.html");
            let mut k = 2;
            while !used.insert(rel.clone()) {
                rel = format!("{base}-{k}.html");
                k += 1;
            }
            let p = page(&d, &unit, preview, year);
            files.push((rel.clone(), p.render()?));
            cards.push(Card {
                href: rel,
                name: p.name,
                kind: p.kind,
                unit,
                summary: d
                    .achievements
                    .first()
                    .map(|a| excerpt(a, 200))
                    .unwrap_or_default(),
            });
        }
        if cards.is_empty() {
            continue;
        }
        total += cards.len();
        groups.push(Group {
            anchor: c.slug,
            section: if c.section == "*" {
                "Lĩnh vực khác".to_string()
            } else {
                format!("Mục {}", c.section)
            },
            name: c.name_vi,
            lead_agency: c.lead_agency,
            cards,
        });
    }
    let index = Index {
        css: "style.css",
        preview,
        year,
        total,
        groups,
    };
    files.push(("index.html".to_string(), index.render()?));
    files.push(("style.css".to_string(), STYLE.to_string()));
    files.push((MARKER.to_string(), "kh publish\n".to_string()));
    Ok(files)
}

pub fn run(args: Args, opts: Options) -> Result<bool> {
    let lang = opts.lang;
    let root = export::root_of(&args.path, lang)?;
    export::refuse_inside(&root, &args.out, lang)?;
    if args.out.exists() {
        let is_dir = args.out.is_dir();
        let empty = is_dir
            && std::fs::read_dir(&args.out)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false);
        if !is_dir || !(empty || args.out.join(MARKER).is_file()) {
            bail!(tr!(
                lang,
                "`{}` đã có và không phải thư mục trống hay thư mục do kh publish tạo: không ghi đè",
                "`{}` exists and is neither empty nor made by kh publish: not replaced",
                args.out.display()
            ));
        }
    }
    let report = export::check_round(&args.path)?;
    let files = site(&report, &root, args.all)?;
    let pages = files.iter().filter(|(p, _)| p.ends_with(".html")).count() - 1;
    write_site(&args.out, &files, lang)?;
    crate::output::print(&tr!(
        lang,
        "Đã viết {pages} trang điển hình và trang mục lục vào {}\n",
        "Wrote {pages} exemplar pages and the index to {}\n",
        args.out.display()
    ))?;
    Ok(false)
}

/// Builds the site beside `out` and puts it in place in one rename.
fn write_site(out: &Path, files: &[(String, String)], lang: Lang) -> Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    crate::tree::create_dir_all(&parent, lang)?;
    let tmp = tempfile::Builder::new()
        .prefix(".kh-publish-")
        .tempdir_in(&parent)
        .with_context(|| {
            tr!(
                lang,
                "không ghi được vào `{}`",
                "cannot write in `{}`",
                parent.display()
            )
        })?;
    for (rel, text) in files {
        let path = tmp.path().join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, text)?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755))?;
    }
    if out.exists() {
        std::fs::remove_dir_all(out).with_context(|| {
            tr!(
                lang,
                "không thay được `{}`",
                "cannot replace `{}`",
                out.display()
            )
        })?;
    }
    let kept = tmp.keep();
    std::fs::rename(&kept, out).with_context(|| {
        tr!(
            lang,
            "không đặt được trang vào `{}`",
            "cannot move the pages into `{}`",
            out.display()
        )
    })?;
    Ok(())
}
