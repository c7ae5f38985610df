//! Sở Nội vụ's appraisal (thẩm định, SPEC §10): `review.toml` beside the
//! round, read into decisions that the check ties to the exact bytes each
//! one approved, and written back one decision at a time under a lock.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::ops::Range;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Rule};
use crate::lang::Lang;
use crate::messages::{Label, What};
use crate::reader::{Cx, Need};
use crate::text::{nfc, shown};
use crate::tr;
pub use crate::vocab::Status;

pub const REVIEW_FILE: &str = "review.toml";
/// Held, with an OS lock, while `review.toml` is rewritten. Its presence
/// means nothing: the lock dies with the process that took it.
pub const LOCK_FILE: &str = "review.toml.lock";
/// The most `review.toml` may hold (SPEC §7): a round of 100,000
/// nominations writes about 25 MB, and kh reads whatever it writes.
pub const MAX_REVIEW_BYTES: u64 = 256 * 1024 * 1024;
/// How `kh review set` names the temporary file it renames into place; a
/// write killed half-way leaves one, which the next run removes under the
/// lock (no other run can be writing it then).
const TEMP_PREFIX: &str = ".review.toml.tmp";

/// The lock file, opened without following a link and without waiting on
/// a FIFO: what stands there must be a plain file kh may create.
fn open_lock(path: &Path, lang: Lang) -> Result<fs::File> {
    let mut opts = fs::OpenOptions::new();
    opts.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let refused = |e: crate::tree::ReadError| anyhow::anyhow!(e.say(path, lang));
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(refused(crate::tree::ReadError::Link));
    }
    let file = opts.open(path).with_context(|| {
        tr!(
            lang,
            "không tạo được tệp khóa `{}`",
            "cannot create the lock file `{}`",
            path.display()
        )
    })?;
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(refused(crate::tree::ReadError::NotRegular));
    }
    Ok(file)
}

/// The round's lock, taken: held by `kh review set` while it rewrites the
/// register and by `kh import` while it writes files; a second run waits
/// for the first. It dies with the process that holds it.
pub fn lock_round(root: &Path, lang: Lang) -> Result<fs::File> {
    let lock_path = root.join(LOCK_FILE);
    let lock = open_lock(&lock_path, lang)?;
    lock.lock().with_context(|| {
        tr!(
            lang,
            "không khóa được `{}`",
            "cannot lock `{}`",
            lock_path.display()
        )
    })?;
    Ok(lock)
}

/// Temporary files of earlier writes that were killed before their rename.
fn remove_leftovers(root: &Path) {
    let Ok(rd) = fs::read_dir(root) else { return };
    for e in rd.flatten() {
        let name = e.file_name();
        let is_ours = name.to_str().is_some_and(|n| n.starts_with(TEMP_PREFIX));
        if is_ours && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// One decision as `review.toml` holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// Root-relative, `/`-separated.
    pub path: String,
    pub status: Status,
    pub note: Option<String>,
    pub reviewer: Option<String>,
    pub date: Option<NaiveDate>,
    pub award: Option<String>,
    /// The nomination's fingerprint when it was reviewed.
    pub sha256: Seal,
    /// Where the entry starts in `review.toml`, for `review-orphan`.
    pub span: Range<usize>,
}

/// The fingerprint a decision was sealed with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seal {
    /// None written (a register kept by hand): the decision holds as it is.
    Absent,
    /// 64 hex digits, lower case.
    Digest(String),
    /// Something else: it can match no file, so the decision is stale.
    Invalid,
}

impl Seal {
    /// Whether the file's bytes are still those the decision was taken on:
    /// the digest of its normalised text (SPEC §10), or of its raw bytes, as
    /// registers written before digested them.
    pub fn holds(&self, bytes: &[u8]) -> bool {
        match self {
            Seal::Absent => true,
            Seal::Invalid => false,
            Seal::Digest(want) => fingerprint(bytes) == *want || raw_fingerprint(bytes) == *want,
        }
    }
}

/// What the check makes of a nomination's decision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// Index into [`Book::decisions`]; `None`: never reviewed (`cho-xet`).
    /// Four bytes: a round keeps one per nomination.
    pub decision: Option<u32>,
    /// The file changed after its review: it counts as `cho-xet`.
    pub stale: bool,
}

/// The decisions of a round.
#[derive(Clone, Debug, Default)]
pub struct Book {
    pub decisions: Vec<Decision>,
    /// Path → index, the first entry of each path.
    by_path: HashMap<String, usize>,
}

impl Book {
    pub fn get(&self, path: &str) -> Option<u32> {
        self.by_path.get(path).and_then(|&i| u32::try_from(i).ok())
    }

    /// The status a nomination counts as: stale decisions count as pending.
    pub fn status(&self, state: State) -> Status {
        match state.decision {
            Some(i) if !state.stale => self.decisions[i as usize].status,
            _ => Status::ChoXet,
        }
    }

    pub fn decision(&self, state: State) -> Option<&Decision> {
        state.decision.map(|i| &self.decisions[i as usize])
    }
}

/// A nomination's fingerprint (SPEC §10): the hex SHA-256 of its bytes
/// without a leading byte-order mark and with CRLF and lone CR turned into
/// LF, so that a change of line endings alone (e-mail, editors) is no change.
pub fn fingerprint(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !bytes.contains(&b'\r') {
        return raw_fingerprint(bytes);
    }
    let mut text = Vec::with_capacity(bytes.len());
    let mut it = bytes.iter().peekable();
    while let Some(&b) = it.next() {
        if b == b'\r' {
            text.push(b'\n');
            if it.peek() == Some(&&b'\n') {
                it.next();
            }
        } else {
            text.push(b);
        }
    }
    raw_fingerprint(&text)
}

/// Hex SHA-256 of bytes as they are.
pub fn raw_fingerprint(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Reads `review.toml`. A malformed entry is reported and left out; the
/// nominations are checked whatever state this file is in.
pub fn read(path: &str, text: &str) -> (Book, Vec<Diagnostic>) {
    let mut cx = Cx::new(path, text);
    let mut book = Book::default();
    let Some(doc) = cx.parse(text) else {
        return (book, cx.finish());
    };
    let root = doc.get_ref();
    cx.unknown_keys(root, &["review"], Label::new(REVIEW_FILE, REVIEW_FILE));
    let Some(v) = root.get("review") else {
        return (book, cx.finish());
    };
    let Some(items) = cx.array_of_tables("review", v) else {
        return (book, cx.finish());
    };
    let context = Label::new("mục [[review]]", "a [[review]] entry");
    let plain = |k: &'static str| Label::new(k, k);
    for (t, span) in items {
        let at = Some(span.clone());
        cx.unknown_keys(
            t,
            &[
                "path", "status", "note", "reviewer", "date", "award", "sha256",
            ],
            context,
        );
        let entry_path = cx.text(
            t,
            "path",
            Need::Required,
            at.clone(),
            Label::new("đường dẫn tệp đề nghị", "path of the nomination"),
        );
        let status = cx.choice::<Status>(
            t,
            "status",
            Need::Required,
            at.clone(),
            Label::new("kết quả thẩm định", "decision"),
        );
        let note = cx
            .text(t, "note", Need::Optional, None, plain("note"))
            .map(|(s, _)| s.trim().to_string());
        if let Some((status, status_span)) = &status
            && status.needs_note()
            && note.is_none()
        {
            cx.report(
                Rule::MissingField,
                Some(status_span.clone()),
                What::ReviewNoteNeeded { status: *status },
            );
        }
        let reviewer = cx
            .text(t, "reviewer", Need::Optional, None, plain("reviewer"))
            .map(|(s, _)| s.trim().to_string());
        let date = cx
            .date(
                t,
                "date",
                Need::Optional,
                None,
                Label::new("ngày thẩm định", "day of the decision"),
            )
            .map(|(d, _)| d);
        let award = cx
            .text(t, "award", Need::Optional, None, plain("award"))
            .map(|(s, _)| nfc(s).trim().to_string());
        // Present but not a text (a number, a blank) can match nothing.
        let sealed = t.get("sha256").is_some();
        let sha256 = cx
            .text(t, "sha256", Need::Optional, None, plain("sha256"))
            .map_or(
                if sealed { Seal::Invalid } else { Seal::Absent },
                |(s, span)| {
                    if s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
                        Seal::Digest(s.to_ascii_lowercase())
                    } else {
                        cx.report(Rule::InvalidValue, Some(span), What::ReviewSha);
                        Seal::Invalid
                    }
                },
            );
        let (Some((p, p_span)), Some((status, _))) = (entry_path, status) else {
            continue;
        };
        let p = normalise(p);
        if let Some(&first) = book.by_path.get(&p) {
            let line = first_line(text, book.decisions[first].span.start);
            cx.report(
                Rule::InvalidValue,
                Some(p_span),
                What::ReviewTwice {
                    path: shown(&p),
                    line,
                },
            );
            continue;
        }
        book.by_path.insert(p.clone(), book.decisions.len());
        book.decisions.push(Decision {
            path: p,
            status,
            note,
            reviewer,
            date,
            award,
            sha256,
            span,
        });
    }
    (book, cx.finish())
}

/// A path as the tree spells it: `/` between parts, no `./` in front.
fn normalise(p: &str) -> String {
    let p = p.trim().replace('\\', "/");
    p.trim_start_matches("./").to_string()
}

fn first_line(text: &str, at: usize) -> usize {
    text.get(..at).map_or(1, |t| t.matches('\n').count() + 1)
}

/// What `kh review set` records for each file.
#[derive(Clone, Debug)]
pub struct NewDecision {
    pub status: Status,
    pub note: Option<String>,
    pub reviewer: Option<String>,
    pub date: NaiveDate,
    pub award: Option<String>,
}

/// Records `decision` for each `(path, sha256)` in `<root>/review.toml`,
/// replacing each path's earlier entry and keeping every comment and entry
/// it does not touch. The whole file is written to a temporary file in the
/// root and renamed into place, under an exclusive lock on
/// [`LOCK_FILE`]: concurrent runs queue rather than lose entries.
pub fn record(
    root: &Path,
    files: &[(String, String)],
    decision: &NewDecision,
    lang: Lang,
) -> Result<()> {
    let lock = lock_round(root, lang)?;
    remove_leftovers(root);

    let path = root.join(REVIEW_FILE);
    // Read as the check reads it: never through a link, never from a FIFO,
    // up to the same ceiling, so that kh writes no register it then refuses.
    let old = crate::tree::read_regular_text(&path, MAX_REVIEW_BYTES)
        .map_err(|e| anyhow::anyhow!(e.say(&path, lang)))?;
    let text = update(old.as_deref(), files, decision, lang)?;
    if text.len() as u64 > MAX_REVIEW_BYTES {
        bail!(tr!(
            lang,
            "sổ thẩm định sẽ vượt {} MiB, giới hạn kh đọc được: không ghi; hãy chia đợt",
            "the register would pass {} MiB, the most kh reads: not written; split the round",
            MAX_REVIEW_BYTES / (1024 * 1024)
        ));
    }

    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(root)
        .with_context(|| {
            tr!(
                lang,
                "không ghi được vào `{}`",
                "cannot write in `{}`",
                root.display()
            )
        })?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    // Readable by colleagues on a shared folder, as an editor would leave it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).map_or(0o644, |m| m.permissions().mode() & 0o777);
        fs::set_permissions(tmp.path(), fs::Permissions::from_mode(mode))?;
    }
    tmp.persist(&path).map_err(|e| e.error).with_context(|| {
        tr!(
            lang,
            "không thay được `{}`",
            "cannot replace `{}`",
            path.display()
        )
    })?;
    drop(lock);
    Ok(())
}

/// The new text of `review.toml`: `old` with one entry per path replaced or
/// added, entries sorted by path.
pub fn update(
    old: Option<&str>,
    files: &[(String, String)],
    d: &NewDecision,
    lang: Lang,
) -> Result<String> {
    let mut doc: toml_edit::DocumentMut = match old {
        Some(text) => text.parse().map_err(|e: toml_edit::TomlError| {
            anyhow::anyhow!(tr!(
                lang,
                "review.toml sai cú pháp, hãy sửa trước (kh validate chỉ chỗ sai): {}",
                "review.toml does not parse; mend it first (kh validate points at the fault): {}",
                e.message()
            ))
        })?,
        None => {
            let mut doc = toml_edit::DocumentMut::new();
            doc.decor_mut()
                .set_prefix("# Kết quả thẩm định của Sở Nội vụ (kh review set ghi tệp này).\n\n");
            doc
        }
    };
    match doc.get("review") {
        None => {
            doc.insert(
                "review",
                toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()),
            );
        }
        // `review = [{…}, …]`, as validate reads it too: one reader.
        Some(toml_edit::Item::Value(toml_edit::Value::Array(items)))
            if items.iter().all(toml_edit::Value::is_inline_table) =>
        {
            let mut tables = toml_edit::ArrayOfTables::new();
            for v in items.iter() {
                if let Some(t) = v.as_inline_table() {
                    tables.push(t.clone().into_table());
                }
            }
            doc.insert("review", toml_edit::Item::ArrayOfTables(tables));
        }
        Some(_) => {}
    }
    let Some(list) = doc
        .get_mut("review")
        .and_then(toml_edit::Item::as_array_of_tables_mut)
    else {
        bail!(tr!(
            lang,
            "trong review.toml, `review` phải là các mục [[review]]",
            "in review.toml, `review` must be [[review]] entries"
        ));
    };
    let mut tables: Vec<toml_edit::Table> = list.iter().cloned().collect();
    // The file's opening comment sits on its first entry: keep it first.
    let head = tables
        .first_mut()
        .map(|t| {
            let prefix = t
                .decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or("")
                .to_string();
            t.decor_mut().set_prefix("");
            prefix
        })
        .unwrap_or_default();
    let path_of = |t: &toml_edit::Table| {
        t.get("path")
            .and_then(|v| v.as_str())
            .map(normalise)
            .unwrap_or_default()
    };
    for (path, sha) in files {
        tables.retain(|t| path_of(t) != *path);
        let mut t = toml_edit::Table::new();
        t.insert("path", toml_edit::value(path.as_str()));
        t.insert("status", toml_edit::value(d.status.slug()));
        if let Some(note) = &d.note {
            t.insert("note", toml_edit::value(note.as_str()));
        }
        if let Some(r) = &d.reviewer {
            t.insert("reviewer", toml_edit::value(r.as_str()));
        }
        let date: toml_edit::Datetime = d
            .date
            .format("%Y-%m-%d")
            .to_string()
            .parse()
            .map_err(|_| anyhow::anyhow!("date"))?;
        t.insert("date", toml_edit::value(date));
        if let Some(a) = &d.award {
            t.insert("award", toml_edit::value(a.as_str()));
        }
        t.insert("sha256", toml_edit::value(sha.as_str()));
        tables.push(t);
    }
    tables.sort_by_key(|t| path_of(t));
    let mut fresh = toml_edit::ArrayOfTables::new();
    for (i, mut t) in tables.into_iter().enumerate() {
        if i == 0 && !head.is_empty() {
            t.decor_mut().set_prefix(head.clone());
        } else if i > 0
            && t.decor()
                .prefix()
                .and_then(|p| p.as_str())
                .is_none_or(str::is_empty)
        {
            t.decor_mut().set_prefix("\n");
        }
        fresh.push(t);
    }
    *list = fresh;
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Vocab;

    fn decision(status: Status) -> NewDecision {
        NewDecision {
            status,
            note: status.needs_note().then(|| "thiếu minh chứng".to_string()),
            reviewer: Some("Trần Thị B".to_string()),
            date: NaiveDate::from_ymd_opt(2023, 10, 5).unwrap_or_default(),
            award: None,
        }
    }

    #[test]
    fn entries_are_replaced_sorted_and_comments_kept() {
        let old = "# Sổ thẩm định đợt 2023\n\n[[review]]\npath = \"b/x.toml\"\nstatus = \"dat\" # đã họp\n\n# ghi chú cho c\n[[review]]\npath = \"c/y.toml\"\nstatus = \"cho-xet\"\n";
        let files = [("a/z.toml".to_string(), "0".repeat(64))];
        let new =
            update(Some(old), &files, &decision(Status::BoSung), Lang::Vi).unwrap_or_default();
        assert!(new.starts_with("# Sổ thẩm định đợt 2023"), "{new}");
        assert!(new.contains("# đã họp"), "{new}");
        assert!(new.contains("# ghi chú cho c"), "{new}");
        let (book, diags) = read("review.toml", &new);
        assert!(diags.is_empty(), "{diags:?}\n{new}");
        let paths: Vec<_> = book.decisions.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["a/z.toml", "b/x.toml", "c/y.toml"]);
        assert_eq!(book.decisions[0].note.as_deref(), Some("thiếu minh chứng"));
        // The same path again replaces, never duplicates.
        let again =
            update(Some(&new), &files, &decision(Status::Dat), Lang::Vi).unwrap_or_default();
        let (book, _) = read("review.toml", &again);
        assert_eq!(book.decisions.len(), 3);
        assert_eq!(book.decisions[0].status, Status::Dat);
    }

    #[test]
    fn malformed_books_are_reported() {
        let text = "[[review]]\npath = \"a.toml\"\nstatus = \"xong\"\n\n[[review]]\npath = \"b.toml\"\nstatus = \"khong-dat\"\n\n[[review]]\npath = \"b.toml\"\nstatus = \"dat\"\nfoo = 1\n";
        let (book, diags) = read("review.toml", text);
        let codes: Vec<_> = diags.iter().map(|d| d.rule.code()).collect();
        assert_eq!(
            codes,
            [
                "invalid-value",
                "missing-field",
                "unknown-field",
                "invalid-value"
            ],
            "{diags:#?}"
        );
        assert_eq!(book.decisions.len(), 1);
        assert!(update(Some("[[review]\n"), &[], &decision(Status::Dat), Lang::Vi).is_err());
    }

    #[test]
    fn labels_read_as_statuses() {
        assert_eq!(Status::parse("Đạt"), Some(Status::Dat));
        assert_eq!(Status::parse("không đạt"), Some(Status::KhongDat));
    }

    /// Known answers (FIPS 180-2's "abc", and the empty message), then
    /// what SPEC §10's normalisation does and does not change.
    #[test]
    fn fingerprints_are_sha256_of_the_normalised_text() {
        assert_eq!(
            raw_fingerprint(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            fingerprint(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let lf = fingerprint(b"a = 1\nb = 2\n");
        assert_eq!(fingerprint(b"a = 1\r\nb = 2\r\n"), lf);
        assert_eq!(fingerprint(b"\xEF\xBB\xBFa = 1\nb = 2\n"), lf);
        assert_eq!(fingerprint(b"a = 1\rb = 2\r"), lf);
        assert_ne!(fingerprint(b"a = 1\nb = 3\n"), lf);
        assert_eq!(lf, raw_fingerprint(b"a = 1\nb = 2\n"));
    }
}
