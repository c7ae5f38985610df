//! Sở Nội vụ's appraisal (thẩm định, SPEC §10): `review.toml` beside the
//! round, read into decisions that the check ties to the exact bytes each
//! one approved, and written back one decision at a time under a lock.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Location};
use crate::lang::Lang;
use crate::messages::{Label, What};
use crate::reader::{Cx, Need};
use crate::text::{nfc, shown};
use crate::tr;
pub use crate::vocab::Status;
use toml::de::DeTable;

pub use crate::tree::REVIEW_FILE;
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
    /// Where the entry stands in `review.toml`, for `review-orphan`: kept
    /// as a location, so that the register's text need not be.
    pub at: Location,
}

/// The fingerprint a decision was sealed with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seal {
    /// None written (a register kept by hand): the decision holds as it is.
    Absent,
    /// The SHA-256, as bytes (half the room of its 64 hex digits).
    Digest([u8; 32]),
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
            Seal::Digest(want) => digest(bytes) == *want || raw_digest(bytes) == *want,
        }
    }

    /// 64 hex digits, read; anything else is no digest.
    fn of_hex(s: &str) -> Option<Seal> {
        if s.len() != 64 {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(Seal::Digest(out))
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
    /// A hash of each path → its first entry: the paths themselves are kept
    /// once, in `decisions` (a register of 100,000 entries).
    by_hash: HashMap<u64, u32>,
    /// Entries whose path's hash another path took first: looked through
    /// one by one (none, but for a one-in-2^64 chance).
    collided: Vec<u32>,
}

fn path_hash(path: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    // Fixed keys: the same path hashes alike in every run.
    let mut h = std::hash::DefaultHasher::new();
    path.hash(&mut h);
    h.finish()
}

impl Book {
    pub fn get(&self, path: &str) -> Option<u32> {
        match self.by_hash.get(&path_hash(path)) {
            Some(&i) if self.decisions[i as usize].path == path => Some(i),
            _ => self
                .collided
                .iter()
                .copied()
                .find(|&i| self.decisions[i as usize].path == path),
        }
    }

    /// Adds an entry, or says the line of the earlier entry of its path.
    fn add(&mut self, d: Decision) -> Result<(), u32> {
        if let Some(i) = self.get(&d.path) {
            return Err(self.decisions[i as usize].at.line);
        }
        let i = u32::try_from(self.decisions.len()).unwrap_or(u32::MAX);
        match self.by_hash.entry(path_hash(&d.path)) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(i);
            }
            std::collections::hash_map::Entry::Occupied(_) => self.collided.push(i),
        }
        self.decisions.push(d);
        Ok(())
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
    hex(&digest(bytes))
}

/// [`fingerprint`]'s SHA-256, as bytes.
fn digest(bytes: &[u8]) -> [u8; 32] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !bytes.contains(&b'\r') {
        return raw_digest(bytes);
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
    raw_digest(&text)
}

fn raw_digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

fn hex(digest: &[u8]) -> String {
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Hex SHA-256 of bytes as they are.
pub fn raw_fingerprint(bytes: &[u8]) -> String {
    hex(&raw_digest(bytes))
}

/// The register cut at its `[[review]]` headers: the text before the first
/// (comments only), then each entry from its header to the next, with its
/// byte offset. `None` where a cut could fall inside a value (a multi-line
/// string) or the text before the entries holds more than comments (an
/// inline `review = [...]`): such a register is read whole.
pub(crate) fn entries(text: &str) -> Option<(&str, Vec<(usize, &str)>)> {
    if text.contains("\"\"\"") || text.contains("'''") {
        return None;
    }
    let mut starts = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if is_entry_header(line) {
            starts.push(at);
        }
        at += line.len();
    }
    let first = starts.first().copied().unwrap_or(text.len());
    let head = &text[..first];
    let only_comments = head.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#')
    });
    if !only_comments {
        return None;
    }
    let mut out = Vec::with_capacity(starts.len());
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(text.len());
        out.push((s, &text[s..e]));
    }
    Some((head, out))
}

/// `[[review]]`, `[[ review ]]` or `[["review"]]` at a line's start.
fn is_entry_header(line: &str) -> bool {
    let l = line.trim();
    let Some((name, rest)) = l.strip_prefix("[[").and_then(|r| r.split_once("]]")) else {
        return false;
    };
    let rest = rest.trim();
    (rest.is_empty() || rest.starts_with('#'))
        && matches!(name.trim(), "review" | "\"review\"" | "'review'")
}

/// Reads `review.toml`. A malformed entry is reported and left out; the
/// nominations are checked whatever state this file is in. A register is
/// read entry by entry where it can be cut at its headers, so that no tree
/// of the whole file is built (a register of 100,000 entries).
pub fn read(path: &str, text: &str) -> (Book, Vec<Diagnostic>) {
    let path: std::sync::Arc<str> = path.into();
    let mut book = Book::default();
    let Some((_, parts)) = entries(text) else {
        let mut cx = Cx::new(path, text);
        if let Some(doc) = cx.parse(text) {
            read_table(&mut cx, doc.get_ref(), &mut book, 0, 0);
        }
        return (book, cx.finish());
    };
    let mut diags = Vec::new();
    let mut line = 1 + text[..parts.first().map_or(0, |p| p.0)]
        .matches('\n')
        .count();
    for (offset, part) in parts {
        let mut cx = Cx::new(path.clone(), part);
        if let Some(doc) = cx.parse(part) {
            read_table(&mut cx, doc.get_ref(), &mut book, offset, line - 1);
        }
        diags.extend(cx.finish().into_iter().map(|mut d| {
            d.location = d.location.map(|l| l.shifted(offset, line - 1));
            d
        }));
        line += part.matches('\n').count();
    }
    if diags.len() > MAX_FINDINGS {
        let more = diags.len() - MAX_FINDINGS;
        diags.truncate(MAX_FINDINGS);
        if let Some(last) = diags.last_mut() {
            last.more = last
                .more
                .saturating_add(u32::try_from(more).unwrap_or(u32::MAX));
        }
    }
    (book, diags)
}

/// The most findings of the register kept, as for any file.
const MAX_FINDINGS: usize = 500;

/// The entries of a parsed register (or of one entry's part of it, which
/// starts `offset` bytes and `lines` lines into the file).
fn read_table(cx: &mut Cx<'_>, root: &DeTable<'_>, book: &mut Book, offset: usize, lines: usize) {
    cx.unknown_keys(root, &["review"], Label::new(REVIEW_FILE, REVIEW_FILE));
    let Some(v) = root.get("review") else {
        return;
    };
    let Some(items) = cx.array_of_tables("review", v) else {
        return;
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
        let sha256 = match cx.text(t, "sha256", Need::Optional, None, plain("sha256")) {
            None if sealed => Seal::Invalid,
            None => Seal::Absent,
            Some((s, span)) => match Seal::of_hex(&s.to_ascii_lowercase()) {
                Some(seal) => seal,
                None => {
                    cx.report(Some(span), What::ReviewSha);
                    Seal::Invalid
                }
            },
        };
        let (Some((p, p_span)), Some((status, _))) = (entry_path, status) else {
            continue;
        };
        let Some(here) = cx.locate(Some(span.clone())) else {
            continue;
        };
        let path = normalise(p);
        let shown_path = shown(&path);
        let decision = Decision {
            path,
            status,
            note,
            reviewer,
            date,
            award,
            sha256,
            at: here.shifted(offset, lines),
        };
        if let Err(line) = book.add(decision) {
            cx.report(
                Some(p_span),
                What::ReviewTwice {
                    path: shown_path,
                    line: line as usize,
                },
            );
        }
    }
}

/// A path as the tree spells it: `/` between parts, no `./` in front.
fn normalise(p: &str) -> String {
    let p = p.trim().replace('\\', "/");
    p.trim_start_matches("./").to_string()
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
    // Written as it is made, counted: a register past what kh reads is
    // never put in place (the temporary file goes with `tmp`).
    let mut counted = Counted {
        inner: tmp.as_file_mut(),
        n: 0,
    };
    update_into(old.as_deref(), files, decision, lang, &mut counted)?;
    if counted.n > MAX_REVIEW_BYTES {
        bail!(tr!(
            lang,
            "sổ thẩm định sẽ vượt {} MiB, giới hạn kh đọc được: không ghi; hãy chia đợt",
            "the register would pass {} MiB, the most kh reads: not written; split the round",
            MAX_REVIEW_BYTES / (1024 * 1024)
        ));
    }
    drop(old);
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

/// A writer that counts what passes through it.
struct Counted<W> {
    inner: W,
    n: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.n += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes the new `review.toml` to `out`: `old` with one entry per path
/// replaced or added, entries sorted by path, comments kept with the entry
/// they stand above. A register that can be cut at its headers is rewritten
/// entry by entry from its text, never held as a document tree (820 MB for
/// a register of 100,000 entries); another is edited as a whole document.
pub fn update_into(
    old: Option<&str>,
    files: &[(String, String)],
    d: &NewDecision,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    if let Some(text) = old
        && let Some((head, parts)) = entries(text)
        && let Some(kept) = entry_paths(&parts)
    {
        return rewrite(head, kept, files, d, out);
    }
    out.write_all(update(old, files, d, lang)?.as_bytes())?;
    Ok(())
}

/// An entry of the register as its text: the comments and blank lines
/// above its header, then the entry itself.
struct Part<'a> {
    path: String,
    above: &'a str,
    body: &'a str,
}

/// Each entry's path, its text split from the comments below it (which
/// belong to the next entry); `None` when an entry does not read as one
/// entry with a path (the whole-document editor then says what is wrong).
fn entry_paths<'a>(parts: &[(usize, &'a str)]) -> Option<Vec<Part<'a>>> {
    let mut out: Vec<Part<'a>> = Vec::with_capacity(parts.len());
    let mut above = "";
    for (_, part) in parts {
        let doc = DeTable::parse(part).ok()?;
        let items = match doc.get_ref().get("review").map(|v| v.get_ref()) {
            Some(toml::de::DeValue::Array(a)) if a.len() == 1 => a,
            _ => return None,
        };
        let path = match items[0].get_ref() {
            toml::de::DeValue::Table(t) => match t.get("path").map(|v| v.get_ref()) {
                Some(toml::de::DeValue::String(s)) => normalise(s),
                _ => return None,
            },
            _ => return None,
        };
        // The trailing comments and blank lines go with the next entry.
        let mut cut = part.len();
        for line in part
            .split_inclusive('\n')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            let l = line.trim();
            if l.is_empty() || l.starts_with('#') {
                cut -= line.len();
            } else {
                break;
            }
        }
        let (body, below) = part.split_at(cut);
        out.push(Part { path, above, body });
        above = below;
    }
    // What follows the last entry stays last.
    if !above.is_empty() {
        out.push(Part {
            path: String::from("\u{10FFFF}"),
            above,
            body: "",
        });
    }
    Some(out)
}

/// The register written anew from its entries' texts and the new ones.
fn rewrite<'a>(
    head: &str,
    mut parts: Vec<Part<'a>>,
    files: &[(String, String)],
    d: &NewDecision,
    out: &mut dyn Write,
) -> Result<()> {
    let replaced: std::collections::HashSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    parts.retain(|p| !replaced.contains(p.path.as_str()));
    let fresh: Vec<(String, String)> = files
        .iter()
        .map(|(path, sha)| Ok((path.clone(), entry_text(path, sha, d)?)))
        .collect::<Result<_>>()?;
    let mut parts: Vec<Part<'_>> = parts
        .into_iter()
        .map(|p| Part {
            path: p.path,
            above: p.above,
            body: p.body,
        })
        .collect();
    parts.extend(fresh.iter().map(|(path, body)| Part {
        path: path.clone(),
        above: "",
        body: body.as_str(),
    }));
    parts.sort_by(|a, b| a.path.cmp(&b.path));
    let mut out = std::io::BufWriter::new(out);
    out.write_all(head.as_bytes())?;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 && p.above.is_empty() && !p.body.is_empty() {
            out.write_all(b"\n")?;
        }
        out.write_all(p.above.as_bytes())?;
        out.write_all(p.body.as_bytes())?;
        if !p.body.is_empty() && !p.body.ends_with('\n') {
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// One new entry, as `toml_edit` writes it.
fn entry_text(path: &str, sha: &str, d: &NewDecision) -> Result<String> {
    let mut tables = toml_edit::ArrayOfTables::new();
    tables.push(entry_table(path, sha, d)?);
    let mut doc = toml_edit::DocumentMut::new();
    doc.insert("review", toml_edit::Item::ArrayOfTables(tables));
    Ok(doc.to_string())
}

/// One decision as a `[[review]]` table: the one shape both writers use.
fn entry_table(path: &str, sha: &str, d: &NewDecision) -> Result<toml_edit::Table> {
    let mut t = toml_edit::Table::new();
    t.insert("path", toml_edit::value(path));
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
    t.insert("sha256", toml_edit::value(sha));
    Ok(t)
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
        tables.push(entry_table(path, sha, d)?);
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

    /// The register rewritten entry by entry says what the whole-document
    /// editor says, byte for byte, on registers kh wrote and on one kept by
    /// hand with comments; a register it cannot cut is edited whole.
    #[test]
    fn a_register_rewritten_entry_by_entry_is_the_one_edited_whole() {
        let streamed = |old: Option<&str>, files: &[(String, String)], d: &NewDecision| {
            let mut out = Vec::new();
            update_into(old, files, d, Lang::Vi, &mut out).expect("writes");
            String::from_utf8(out).expect("utf8")
        };
        let files = |p: &str| vec![(p.to_string(), "0".repeat(64))];
        let mut old =
            update(None, &files("m/a.toml"), &decision(Status::Dat), Lang::Vi).expect("new");
        for p in ["z/b.toml", "c/c.toml", "m/a.toml", "a/d.toml"] {
            let whole =
                update(Some(&old), &files(p), &decision(Status::BoSung), Lang::Vi).expect("whole");
            let parts = streamed(Some(&old), &files(p), &decision(Status::BoSung));
            assert_eq!(parts, whole, "after {p}");
            old = parts;
        }
        let by_hand = "# Sổ thẩm định đợt 2023\n\n[[review]]\npath = \"b/x.toml\"\nstatus = \"dat\" # đã họp\n\n# ghi chú cho c\n[[review]]\npath = \"c/y.toml\"\nstatus = \"cho-xet\"\n";
        for p in ["a/z.toml", "c/y.toml", "d/w.toml"] {
            let whole =
                update(Some(by_hand), &files(p), &decision(Status::Dat), Lang::Vi).expect("whole");
            assert_eq!(
                streamed(Some(by_hand), &files(p), &decision(Status::Dat)),
                whole,
                "{p}"
            );
        }
        // A multi-line note: read whole, as before.
        let multi = "[[review]]\npath = \"b/x.toml\"\nstatus = \"bo-sung\"\nnote = \"\"\"dòng 1\n[[review]]\"\"\"\n";
        assert!(entries(multi).is_none());
        let whole = update(
            Some(multi),
            &files("a/z.toml"),
            &decision(Status::Dat),
            Lang::Vi,
        )
        .expect("whole");
        assert_eq!(
            streamed(Some(multi), &files("a/z.toml"), &decision(Status::Dat)),
            whole
        );
        let (book, diags) = read("review.toml", &whole);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(book.decisions.len(), 2);
    }

    #[test]
    fn malformed_books_are_reported() {
        let text = "[[review]]\npath = \"a.toml\"\nstatus = \"xong\"\n\n[[review]]\npath = \"b.toml\"\nstatus = \"khong-dat\"\n\n[[review]]\npath = \"b.toml\"\nstatus = \"dat\"\nfoo = 1\n";
        let (book, diags) = read("review.toml", text);
        let codes: Vec<_> = diags.iter().map(|d| d.rule().code()).collect();
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
