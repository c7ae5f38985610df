//! Where the commands that write files write them: outside the round they
//! read, never over a file unasked, through a temporary file renamed into
//! place; and the round they write from, checked once.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::check::{self, Options, Report};
use crate::lang::Lang;
use crate::tr;

/// The round, checked with Vietnamese messages (they go into documents).
pub fn check_round(path: &Path) -> Result<Report> {
    check::run(
        path,
        Options {
            lang: Lang::Vi,
            progress: false,
            memory: check::Memory::default(),
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
