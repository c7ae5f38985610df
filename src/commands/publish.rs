//! `kh publish`: writes the exemplar pages (made in
//! `crate::documents::pages`) into a folder of their own, replacing only
//! what an earlier run wrote there.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::check::Options;
use crate::documents::pages::{Photos, site};
use crate::lang::Lang;
use crate::tr;
use crate::write_out;

/// Left in the folder kh writes, so that a later run knows it may replace it.
pub const MARKER: &str = ".kh-publish";
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Thư mục gốc của đợt, thư mục đơn vị, hoặc một tệp .toml
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Thư mục ghi trang (ngoài thư mục của đợt; thư mục trống hoặc do kh publish tạo)
    #[arg(long)]
    pub out: PathBuf,
    /// Mọi đề nghị không có lỗi, mỗi trang ghi “BẢN XEM TRƯỚC” (mặc định: chỉ đề nghị được thẩm định “đạt”)
    #[arg(long = "all", id = "all_preview")]
    pub all: bool,
    /// Ngày đăng trang, ví dụ 05/10/2023 (mặc định: ngày thẩm định “đạt” gần nhất)
    #[arg(long, value_parser = crate::reader::parse_date_arg)]
    pub date: Option<NaiveDate>,
}

/// The English of `kh publish`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "Write the exemplar pages for the press and the portal (§IV.2)",
    options: &[
        (
            "path",
            "Root of the round, a unit folder, or one .toml file",
        ),
        (
            "out",
            "Folder for the pages (outside the round; empty, or one kh publish made)",
        ),
        (
            "all_preview",
            "Every nomination without an error, each page marked BẢN XEM TRƯỚC (default: those approved at appraisal)",
        ),
        (
            "date",
            "Date the pages are published, 05/10/2023 (default: the latest approval's date)",
        ),
    ],
};

pub fn run(args: Args, opts: Options) -> Result<bool> {
    let lang = opts.lang;
    let root = write_out::root_of(&args.path, lang)?;
    let out = write_out::refuse_inside(&root, &args.out, lang)?;
    if root.starts_with(&out) {
        bail!(tr!(
            lang,
            "--out `{}` chứa thư mục của đợt `{}`: kh không ghi lên cây hồ sơ nó đọc; hãy chọn thư mục khác",
            "--out `{}` contains the round `{}`: kh never writes over the tree it reads; choose another folder",
            write_out::shown_path(&args.out),
            write_out::shown_path(&root)
        ));
    }
    let previous = previous_run(&out, &args.out, lang)?;
    let report = write_out::check_round(&args.path)?;
    let mut photos = Photos::default();
    let (pages, kept) = write_site(&out, &previous, lang, &mut |put| {
        photos = site(&report, args.all, args.date, put)?;
        Ok(())
    })?;
    let mut said = tr!(
        lang,
        "Đã viết {pages} trang điển hình và trang mục lục vào {}\n",
        "Wrote {pages} exemplar pages and the index to {}\n",
        write_out::shown_path(&args.out)
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
            write_out::shown_path(typed)
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
        write_out::write_atomic(&out.join(rel), text, lang)?;
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
    write_out::write_atomic(&out.join(MARKER), marker.as_bytes(), lang)?;
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
