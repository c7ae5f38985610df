//! `kh publish`: the exemplar pages for the press and the province's portal
//! (§IV.2, SPEC §13) — a static site of plain HTML and one stylesheet, from
//! the nominations Sở Nội vụ approved, with a person's data limited as
//! Decree 13/2023 asks: never the day of birth, the home town, the address.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use askama::Template;
use chrono::NaiveDate;

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
    /// Ngày đăng trang, ví dụ 05/10/2023 (mặc định: ngày thẩm định “đạt” gần nhất)
    #[arg(long, value_parser = export::parse_date)]
    pub date: Option<NaiveDate>,
}

/// What the site says above every page: the plan it carries out and the
/// day it was published.
pub struct Masthead {
    pub plan: String,
    /// "Đăng ngày 05/10/2023"; none when no date is known (never the clock).
    pub published: Option<String>,
}

/// A photo on a page: where it is, and what it shows for a reader who
/// cannot see it.
pub struct Picture {
    pub src: String,
    pub alt: String,
}

pub struct Card {
    pub href: String,
    pub photo: Option<Picture>,
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
pub struct Index<'a> {
    pub css: &'static str,
    pub head: &'a Masthead,
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
pub struct Page<'a> {
    pub css: &'static str,
    pub index: &'static str,
    pub head: &'a Masthead,
    pub photo: Option<Picture>,
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
                && !report.rejected(r)
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
pub fn page<'a>(d: &Dossier, unit: &str, head: &'a Masthead, preview: bool, year: i32) -> Page<'a> {
    let person = d.kind == Some(Kind::CaNhan);
    let page = Page {
        css: "../style.css",
        index: "../index.html",
        head,
        photo: None,
        preview,
        year,
        name: d.title().unwrap_or_default(),
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
    };
    page.cleaned()
}

/// Text as a page may hold it: control characters (NUL, ESC, BEL, DEL, the
/// C1 range) and bidirectional overrides dropped, as the Word writer drops
/// what XML cannot hold; line breaks and tabs become spaces.
pub fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\t' | '\r' => Some(' '),
            c if c.is_control() => None,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
}

impl Page<'_> {
    fn cleaned(mut self) -> Self {
        let fix = |s: &mut String| *s = clean(s);
        fix(&mut self.name);
        fix(&mut self.campaign);
        fix(&mut self.unit);
        for s in [
            &mut self.birth_year,
            &mut self.position,
            &mut self.workplace,
        ]
        .into_iter()
        .flatten()
        {
            fix(s);
        }
        self.achievements.iter_mut().for_each(fix);
        for a in &mut self.awards {
            fix(&mut a.year);
            fix(&mut a.title);
        }
        self
    }
}

fn or_fallback(slug: String, fallback: &str) -> String {
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// What a run did with the photos, for its summary.
#[derive(Debug, Default)]
pub struct Photos {
    pub shown: usize,
    /// Files whose photo has no `photo_consent = true`: not published.
    pub no_consent: Vec<String>,
    /// Files whose photo could not be read as an image: not published.
    pub unreadable: Vec<String>,
}

/// The longest side a published photo keeps (SPEC §13).
const PHOTO_MAX_SIDE: u32 = 1600;

/// A photo as the site carries it: decoded, scaled down past 1600 px, and
/// saved anew, so that what the camera wrote in it (the place it was taken,
/// ND 13/2023) is not published with it. JPEG stays JPEG, PNG stays PNG.
pub fn photo_for_site(bytes: &[u8]) -> Result<(Vec<u8>, &'static str)> {
    use image::{ImageFormat, ImageReader, Limits};
    let format = image::guess_format(bytes)?;
    let ext = match format {
        ImageFormat::Jpeg => "jpg",
        ImageFormat::Png => "png",
        _ => bail!("not a JPEG or PNG"),
    };
    let mut reader = ImageReader::with_format(std::io::Cursor::new(bytes), format);
    // A 5 MiB file can claim a picture of gigabytes: bounded before decoding.
    let mut limits = Limits::default();
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let mut img = reader.decode()?;
    if img.width().max(img.height()) > PHOTO_MAX_SIDE {
        img = img.resize(
            PHOTO_MAX_SIDE,
            PHOTO_MAX_SIDE,
            image::imageops::FilterType::Triangle,
        );
    }
    let mut out = Vec::new();
    match format {
        ImageFormat::Jpeg => {
            let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
            img.to_rgb8().write_with_encoder(enc)?;
        }
        _ => img.write_to(&mut std::io::Cursor::new(&mut out), ImageFormat::Png)?,
    }
    Ok((out, ext))
}

/// The record's photo for its page, when it may be published.
fn photo_of(
    report: &Report,
    r: &Record,
    base: &str,
    alt: String,
    photos: &mut Photos,
    put: &mut dyn FnMut(&str, &[u8]) -> Result<()>,
) -> Result<Option<(String, String)>> {
    let Some(photo) = r.nomination.as_ref().and_then(|n| n.photo.as_ref()) else {
        return Ok(None);
    };
    if !photo.consent {
        photos.no_consent.push(r.path.to_string());
        return Ok(None);
    }
    let file = report
        .entry(r)
        .path(&report.root)
        .with_file_name(&*photo.file);
    let read = crate::tree::read_regular(&file, crate::nomination::PHOTO_MAX_BYTES).ok();
    let Some((bytes, ext)) = read.and_then(|b| photo_for_site(&b).ok()) else {
        photos.unreadable.push(r.path.to_string());
        return Ok(None);
    };
    let rel = format!("{base}.{ext}");
    put(&rel, &bytes)?;
    photos.shown += 1;
    Ok(Some((rel, alt)))
}

/// The day the site is published: the one given, else the latest day a
/// nomination it shows was approved; never the clock, so that a rerun
/// writes the same site.
pub fn published_on(report: &Report, all: bool, given: Option<NaiveDate>) -> Option<NaiveDate> {
    given.or_else(|| {
        chosen(report, all)
            .iter()
            .filter_map(|r| report.book.decision(r.review))
            .filter(|d| d.status == Status::Dat)
            .filter_map(|d| d.date)
            .max()
    })
}

/// The site's files, each handed to `put` (relative path, contents) as it
/// is made: a round of 100,000 pages never holds them all at once.
pub fn site(
    report: &Report,
    all: bool,
    date: Option<NaiveDate>,
    put: &mut dyn FnMut(&str, &[u8]) -> Result<()>,
) -> Result<Photos> {
    let preview = all;
    let year = report.settings.year;
    let head = Masthead {
        plan: report.settings.plan.cited_in_print(),
        published: published_on(report, all, date)
            .map(|d| format!("Đăng ngày {}", crate::text::dmy(d))),
    };
    let mut photos = Photos::default();
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
            let d = Dossier::of(report, r).unwrap_or_default();
            let unit = report.unit_of(r).name().to_string();
            // Pages are named by slugs, unique within the site.
            let stem = r
                .path
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".toml");
            // A name with no letter or digit kh can spell (`___`, `中文`)
            // slugs to nothing: a fallback name keeps the page inside the
            // site, never at `/` (SPEC §13).
            let mut base = format!(
                "{}/{}",
                or_fallback(slugify(&report.unit_of(r).slug), "don-vi"),
                or_fallback(slugify(stem), "trang")
            );
            let mut k = 2;
            let first = base.clone();
            while !used.insert(format!("{base}.html")) {
                base = format!("{first}-{k}");
                k += 1;
            }
            let rel = format!("{base}.html");
            let mut p = page(&d, &unit, &head, preview, year);
            let photo = photo_of(
                report,
                r,
                &base,
                format!("Ảnh {}", d.addressed()),
                &mut photos,
                put,
            )?;
            p.photo = photo.as_ref().map(|(src, alt)| Picture {
                src: src.rsplit('/').next().unwrap_or(src).to_string(),
                alt: alt.clone(),
            });
            put(&rel, p.render()?.as_bytes())?;
            cards.push(Card {
                href: rel,
                photo: photo.map(|(src, alt)| Picture { src, alt }),
                name: p.name,
                kind: p.kind,
                unit: p.unit.clone(),
                summary: clean(
                    &d.achievements
                        .first()
                        .map(|a| excerpt(a, 200))
                        .unwrap_or_default(),
                ),
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
        head: &head,
        preview,
        year,
        total,
        groups,
    };
    put("index.html", index.render()?.as_bytes())?;
    put("style.css", STYLE.as_bytes())?;
    Ok(photos)
}

pub fn run(args: Args, opts: Options) -> Result<bool> {
    let lang = opts.lang;
    let root = export::root_of(&args.path, lang)?;
    let out = export::refuse_inside(&root, &args.out, lang)?;
    if root.starts_with(&out) {
        bail!(tr!(
            lang,
            "--out `{}` chứa thư mục của đợt `{}`: kh không ghi lên cây hồ sơ nó đọc; hãy chọn thư mục khác",
            "--out `{}` contains the round `{}`: kh never writes over the tree it reads; choose another folder",
            export::shown_path(&args.out),
            export::shown_path(&root)
        ));
    }
    let previous = previous_run(&out, &args.out, lang)?;
    let report = export::check_round(&args.path)?;
    let mut photos = Photos::default();
    let (pages, kept) = write_site(&out, &previous, lang, &mut |put| {
        photos = site(&report, args.all, args.date, put)?;
        Ok(())
    })?;
    let mut said = tr!(
        lang,
        "Đã viết {pages} trang điển hình và trang mục lục vào {}\n",
        "Wrote {pages} exemplar pages and the index to {}\n",
        export::shown_path(&args.out)
    );
    said.push_str(&photos_said(&photos, lang));
    if !kept.is_empty() {
        let shown: Vec<String> = kept
            .iter()
            .take(10)
            .map(|k| crate::text::escape_controls(k).into_owned())
            .collect();
        let more = kept.len().saturating_sub(10);
        let more = if more > 0 {
            tr!(lang, " và {more} tệp khác", " and {more} more")
        } else {
            String::new()
        };
        said.push_str(&tr!(
            lang,
            "Giữ nguyên các tệp không do kh viết: {}{more}\n",
            "Left as they were, not written by kh: {}{more}\n",
            shown.join(", ")
        ));
    }
    crate::output::print(&said)?;
    Ok(false)
}

/// The summary's words on photos: how many were published, and which were
/// not, and why, so that none is left out without a word.
fn photos_said(p: &Photos, lang: Lang) -> String {
    let mut said = String::new();
    if p.shown > 0 {
        said.push_str(&tr!(
            lang,
            "Đã đăng {} ảnh (thu nhỏ nếu quá 1600 điểm ảnh)\n",
            "Published {} photos (scaled down past 1600 pixels)\n",
            p.shown
        ));
    }
    if !p.no_consent.is_empty() {
        said.push_str(&tr!(
            lang,
            "Không đăng ảnh vì chưa có sự đồng ý (photo_consent = true, Nghị định 13/2023): {}\n",
            "Photos not published, no consent given (photo_consent = true, Decree 13/2023): {}\n",
            p.no_consent.join(", ")
        ));
    }
    if !p.unreadable.is_empty() {
        said.push_str(&tr!(
            lang,
            "Không đăng ảnh vì không đọc được tệp ảnh JPEG/PNG: {}\n",
            "Photos not published, not readable as JPEG/PNG: {}\n",
            p.unreadable.join(", ")
        ));
    }
    said
}

/// What an earlier run left in `out`: nothing (a new or empty folder), or
/// the files its marker names. Anything else is refused (exit 2).
fn previous_run(out: &Path, typed: &Path, lang: Lang) -> Result<Vec<String>> {
    let refuse = || {
        anyhow::anyhow!(tr!(
            lang,
            "`{}` đã có và không phải thư mục trống hay thư mục do kh publish tạo: không ghi đè",
            "`{}` exists and is neither empty nor made by kh publish: not replaced",
            export::shown_path(typed)
        ))
    };
    let meta = match std::fs::symlink_metadata(out) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(_) => return Err(refuse()),
    };
    if !meta.is_dir() {
        return Err(refuse());
    }
    let empty = std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_none());
    if empty {
        return Ok(Vec::new());
    }
    let text = crate::tree::read_regular_text(&out.join(MARKER), 64 * 1024 * 1024)
        .ok()
        .flatten()
        .ok_or_else(refuse)?;
    let mut lines = text.lines();
    if lines.next().map(str::trim) != Some(MARKER_HEAD) {
        return Err(refuse());
    }
    let listed: Vec<String> = lines
        .map(str::trim)
        .filter(|l| !l.is_empty() && safe_rel(l))
        .map(String::from)
        .collect();
    if !listed.is_empty() {
        return Ok(listed);
    }
    // A marker of an earlier kh that listed nothing: kh's own files are
    // those named as kh names them; anything else stays.
    Ok(kh_shaped(out))
}

/// The first line of the marker; the files kh wrote follow, one a line.
const MARKER_HEAD: &str = "kh publish";

/// The files an unlisted marker's run would have written: the index, the
/// stylesheet, and `<unit>/<slug>.html`.
fn kh_shaped(out: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for top in ["index.html", "style.css"] {
        if out.join(top).is_file() {
            found.push(top.to_string());
        }
    }
    let Ok(rd) = std::fs::read_dir(out) else {
        return found;
    };
    for unit in rd.flatten() {
        let Some(u) = unit.file_name().to_str().map(String::from) else {
            continue;
        };
        if !crate::text::is_slug(&u) || !unit.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let Ok(inner) = std::fs::read_dir(unit.path()) else {
            continue;
        };
        for page in inner.flatten() {
            let Some(name) = page.file_name().to_str().map(String::from) else {
                continue;
            };
            // Pages, and the photos kh copied beside them.
            let is_page = [".html", ".jpg", ".png"]
                .iter()
                .any(|ext| name.strip_suffix(ext).is_some_and(crate::text::is_slug));
            if is_page && page.file_type().is_ok_and(|t| t.is_file()) {
                found.push(format!("{u}/{name}"));
            }
        }
    }
    found
}

/// A path kh may write below `--out`: relative, each part a plain name,
/// never empty, `.` or `..`, never from `/`.
pub fn safe_rel(rel: &str) -> bool {
    !rel.is_empty()
        && rel.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && !part.contains('\\')
                && !part.chars().any(char::is_control)
        })
}

/// Writes the site into `out` file by file as `make` hands them over, each
/// through a temporary file renamed into place; removes what the previous
/// run wrote and this one does not; writes the marker listing this run's
/// files last. Returns the number of exemplar pages, and the files found in
/// `out` that kh did not write, which stay.
type Maker<'a> = dyn FnMut(&mut dyn FnMut(&str, &[u8]) -> Result<()>) -> Result<()> + 'a;

fn write_site(
    out: &Path,
    previous: &[String],
    lang: Lang,
    make: &mut Maker<'_>,
) -> Result<(usize, Vec<String>)> {
    crate::tree::create_dir_all(out, lang)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if std::fs::read_dir(out).is_ok_and(|mut d| d.next().is_none()) {
            let _ = std::fs::set_permissions(out, std::fs::Permissions::from_mode(0o755));
        }
    }
    let mut written: Vec<String> = Vec::new();
    make(&mut |rel, text| {
        if !safe_rel(rel) {
            bail!(tr!(
                lang,
                "tên trang không hợp lệ: `{}`",
                "not a valid page name: `{}`",
                crate::text::escape_controls(rel)
            ));
        }
        export::write_atomic(&out.join(rel), text, lang)?;
        written.push(rel.to_string());
        Ok(())
    })?;
    let pages = written.iter().filter(|p| p.contains('/')).count();
    let now: HashSet<&str> = written.iter().map(String::as_str).collect();
    for old in previous {
        if now.contains(old.as_str()) || !safe_rel(old) {
            continue;
        }
        let path = out.join(old);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            let _ = std::fs::remove_file(&path);
            // A unit's folder kh made, now empty, goes too.
            if let Some(dir) = path.parent()
                && dir != out
            {
                let _ = std::fs::remove_dir(dir);
            }
        }
    }
    let mut marker = String::from(MARKER_HEAD);
    marker.push('\n');
    for rel in &written {
        marker.push_str(rel);
        marker.push('\n');
    }
    export::write_atomic(&out.join(MARKER), marker.as_bytes(), lang)?;
    Ok((pages, others(out, &now)))
}

/// The files below `out` that kh did not write.
fn others(out: &Path, ours: &HashSet<&str>) -> Vec<String> {
    let mut found: Vec<String> = walkdir::WalkDir::new(out)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| crate::tree::rel_path(out, e.path()))
        .filter(|rel| rel != MARKER && !ours.contains(rel.as_str()))
        .collect();
    found.sort();
    found
}
