//! `kh export`: the documents a round ends in (SPEC §12) — each nomination
//! on the plan's form, the list for the Chairman, letters back to the units,
//! the round's workbook. Documents are Vietnamese documents whatever
//! `--lang` says; only kh's own messages follow it.

pub mod dossier;
pub mod forms;
pub mod issuer;
pub mod letters;
pub mod list;
pub mod wording;
pub mod xlsx;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{Datelike, NaiveDate};

use crate::check::{self, Options, Report};
use crate::docx::{self, Align, Cell, Para, Table, cell, para, run};
use crate::lang::Lang;
use crate::tr;

/// What every export takes.
#[derive(Debug, clap::Args)]
pub struct Common {
    /// Thư mục gốc của đợt
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Nơi ghi (ngoài thư mục của đợt)
    #[arg(long)]
    pub out: PathBuf,
    /// Ghi đè tệp đã có
    #[arg(long)]
    pub force: bool,
    /// Ngày ký, 05/10/2023 hoặc 2023-10-05 (mặc định: để dấu chấm điền tay)
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
}

/// The one parser of dates, for the command line too.
pub fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    crate::reader::parse_date_arg(s)
}

/// The round, checked with Vietnamese messages (they go into documents).
pub fn check_round(path: &Path) -> Result<Report> {
    check::run(
        path,
        Options {
            lang: Lang::Vi,
            progress: false,
        },
    )
}

/// The round behind one file to be written, checked, and where the file
/// goes ([`resolve_out`]); refused before any work when the file would land
/// inside the round, or replace one unasked.
pub fn round_for_file(
    path: &Path,
    out: &Path,
    force: bool,
    lang: Lang,
) -> Result<(PathBuf, Report)> {
    let root = root_of(path, lang)?;
    let out = refuse_inside(&root, out, lang)?;
    refuse_existing(std::slice::from_ref(&out), force, lang)?;
    Ok((out, check_round(path)?))
}

/// The round's root on disk, for what the user named: found by the one
/// rule, without walking the round (the check walks it once).
pub fn root_of(path: &Path, lang: Lang) -> Result<PathBuf> {
    crate::tree::round_root(path, lang)
}

/// `out` as it will be once created: the longest prefix that exists
/// canonicalised (links and `..` resolved by the system), the rest resolved
/// lexically, so that `/tmp/nonexist/../round/out` is seen as
/// `/tmp/round/out`. Every command writes to this path, never to what was
/// typed: nothing is created along a detour (`/tmp/nonexist`).
pub fn resolve_out(out: &Path) -> PathBuf {
    use std::path::Component;
    let abs = if out.is_absolute() {
        out.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(out))
            .unwrap_or_else(|_| out.to_path_buf())
    };
    let parts: Vec<Component> = abs.components().collect();
    for i in (1..=parts.len()).rev() {
        let prefix: PathBuf = parts[..i].iter().collect();
        let Ok(mut resolved) = std::fs::canonicalize(&prefix) else {
            continue;
        };
        for part in &parts[i..] {
            match part {
                Component::ParentDir => {
                    resolved.pop();
                }
                Component::Normal(name) => resolved.push(name),
                _ => {}
            }
        }
        return resolved;
    }
    abs
}

/// kh never writes in the tree it reads (exit 2). `out` is resolved
/// ([`resolve_out`]); the resolved path is returned for the writing.
pub fn refuse_inside(root: &Path, out: &Path, lang: Lang) -> Result<PathBuf> {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let resolved = resolve_out(out);
    if resolved.starts_with(&root) {
        bail!(tr!(
            lang,
            "--out `{}` nằm trong thư mục của đợt `{}`: kh không ghi vào cây hồ sơ nó đọc; hãy chọn thư mục khác",
            "--out `{}` is inside the round `{}`: kh never writes in the tree it reads; choose another folder",
            shown_path(out),
            shown_path(&root)
        ));
    }
    Ok(resolved)
}

/// A path for a message: control characters escaped.
pub fn shown_path(p: &Path) -> String {
    crate::text::escape_controls(&p.display().to_string()).into_owned()
}

/// Refuses, naming them, files that exist when `--force` was not given.
pub fn refuse_existing(targets: &[PathBuf], force: bool, lang: Lang) -> Result<()> {
    if force {
        return Ok(());
    }
    let existing: Vec<String> = targets
        .iter()
        .filter(|p| p.exists())
        .map(|p| shown_path(p))
        .collect();
    if existing.is_empty() {
        return Ok(());
    }
    let shown: Vec<&str> = existing.iter().take(5).map(String::as_str).collect();
    let more = existing.len().saturating_sub(5);
    let more = if more > 0 {
        tr!(lang, " và {more} tệp khác", " and {more} more")
    } else {
        String::new()
    };
    bail!(tr!(
        lang,
        "đã có {}{more}: không ghi đè khi không có --force",
        "{}{more} already exist: not replaced without --force",
        shown.join(", ")
    ))
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// renamed into place: a reader never sees half a document.
pub fn write_atomic(path: &Path, bytes: &[u8], lang: Lang) -> Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    crate::tree::create_dir_all(dir, lang)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).with_context(|| {
        tr!(
            lang,
            "không ghi được vào `{}`",
            "cannot write in `{}`",
            dir.display()
        )
    })?;
    tmp.write_all(bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.persist(path).map_err(|e| e.error).with_context(|| {
        tr!(
            lang,
            "không ghi được `{}`",
            "cannot write `{}`",
            path.display()
        )
    })?;
    Ok(())
}

/// "Thanh Liêm, ngày 05 tháng 10 năm 2023", or dots to fill by hand.
pub fn place_date_at(place: &str, date: Option<NaiveDate>) -> String {
    match date {
        Some(d) => format!(
            "{place}, ngày {:02} tháng {:02} năm {}",
            d.day(),
            d.month(),
            d.year()
        ),
        None => format!("{place}, ngày …… tháng …… năm ……"),
    }
}

/// The heading of an administrative document (ND 30/2020): the issuer on
/// the left (its parent plain, its own name bold, a short rule under it),
/// the national name and motto of its system on the right (SPEC §12), and
/// its place and the date under the motto.
pub fn heading_of(
    who: &issuer::Issuer,
    left_below: &[&str],
    date: Option<NaiveDate>,
    width: f64,
) -> Table {
    use crate::vocab::Motto;
    let left = width * 0.36;
    let mut t = Table::new(vec![left, width - left], false);
    let mut lp: Vec<Para> = Vec::new();
    for line in &who.parent {
        lp.push(
            para(vec![run(line.as_str()).size(13.0)])
                .align(Align::Center)
                .after(0.0),
        );
    }
    for line in &who.body {
        lp.push(
            para(vec![run(line.as_str()).size(13.0).bold()])
                .align(Align::Center)
                .after(0.0),
        );
    }
    lp.push(
        para(vec![run("———————").size(10.0)])
            .align(Align::Center)
            .after(4.0),
    );
    for line in left_below {
        lp.push(
            para(vec![run(*line).size(13.0)])
                .align(Align::Center)
                .after(0.0),
        );
    }
    let mut rp = match who.motto {
        Motto::NhaNuoc => vec![
            para(vec![
                run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold().size(12.0),
            ])
            .align(Align::Center)
            .after(0.0),
            para(vec![run("Độc lập - Tự do - Hạnh phúc").bold().size(14.0)])
                .align(Align::Center)
                .after(0.0),
        ],
        Motto::Dang => vec![
            para(vec![run("ĐẢNG CỘNG SẢN VIỆT NAM").bold().size(14.0)])
                .align(Align::Center)
                .after(0.0),
        ],
        Motto::Doan => vec![
            para(vec![run("ĐOÀN TNCS HỒ CHÍ MINH").bold().size(14.0)])
                .align(Align::Center)
                .after(0.0),
        ],
    };
    rp.push(
        para(vec![run("———————————————").size(10.0)])
            .align(Align::Center)
            .after(4.0),
    );
    rp.push(
        para(vec![run(place_date_at(&who.place, date)).italic()])
            .align(Align::Center)
            .after(0.0),
    );
    t.row(vec![cell(lp), cell(rp)], false);
    t
}

/// Width of the text block, millimetres: A4 less the margins.
pub fn text_width(landscape: bool) -> f64 {
    if landscape {
        297.0 - 45.0
    } else {
        210.0 - 45.0
    }
}

/// A bordered table's header cell.
pub fn th(text: &str) -> Cell {
    cell(vec![
        para(vec![run(text).bold().size(12.0)])
            .align(Align::Center)
            .after(0.0),
    ])
}

/// A bordered table's body cell.
pub fn td(text: &str, align: Align) -> Cell {
    cell(vec![
        para(vec![run(text).size(12.0)]).align(align).after(0.0),
    ])
}

/// The documents' own dots for what the file leaves blank.
pub fn or_dots(s: Option<&str>) -> String {
    match s.map(str::trim) {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => "…………………………".to_string(),
    }
}

/// A document as bytes.
pub fn bytes(doc: &docx::Doc) -> Vec<u8> {
    docx::to_bytes(doc)
}
