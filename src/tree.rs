//! Finding the round in the file system (SPEC §2): the root, its units and
//! their nomination files. Nothing here reads a file's contents; links are
//! never followed.

use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Location};
use crate::lang::Lang;
use crate::messages::{Unreadable, What};
use crate::tr;

/// Files over this size are not parsed (SPEC §7).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

pub const ROUND_FILE: &str = "kh.toml";
pub const UNIT_FILE: &str = "unit.toml";
/// Sở Nội vụ's appraisal of the round, beside `kh.toml` (SPEC §10).
pub const REVIEW_FILE: &str = "review.toml";

/// What the walk found where a file was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    File,
    /// A symbolic link: reported, never followed.
    Symlink,
    /// A FIFO, socket or device: reported, never opened.
    Special,
}

#[derive(Clone, Debug)]
pub struct Entry {
    /// Relative to the root, `/`-separated, as shown to the user. Shared:
    /// a nomination's record and findings keep this very string.
    pub rel: Arc<str>,
    /// The path below the root, kept only where `rel` cannot spell it (a
    /// name that is not UTF-8): a large round keeps one string per file.
    os_rel: Option<Box<Path>>,
    pub kind: EntryKind,
}

impl Entry {
    pub fn new(root: &Path, path: &Path, kind: EntryKind) -> Entry {
        let below = path.strip_prefix(root).unwrap_or(path);
        let rel = rel_path(root, path);
        let os_rel =
            (below.to_str().is_none() || std::path::MAIN_SEPARATOR != '/').then(|| below.into());
        Entry {
            rel: rel.into(),
            os_rel,
            kind,
        }
    }

    /// The path below the root where `rel` cannot spell it.
    pub fn os_rel(&self) -> Option<&Path> {
        self.os_rel.as_deref()
    }

    /// An entry for a path the walk found, spelt below the root as `os_rel`
    /// where `rel` cannot spell it.
    pub fn found(rel: Arc<str>, os_rel: Option<&Path>) -> Entry {
        Entry {
            rel,
            os_rel: os_rel.map(Into::into),
            kind: EntryKind::File,
        }
    }

    /// Where the file is.
    pub fn path(&self, root: &Path) -> PathBuf {
        match &self.os_rel {
            Some(p) => root.join(p),
            None => root.join(&*self.rel),
        }
    }
}

#[derive(Clone, Debug)]
pub struct UnitDir {
    pub slug: String,
    pub descriptor: Option<Entry>,
    pub files: Vec<Entry>,
}

/// A round as found on disk.
#[derive(Debug, Default)]
pub struct Layout {
    /// The root, as an absolute path.
    pub root: PathBuf,
    /// How to show the root to the user.
    pub root_display: String,
    pub config: Option<Entry>,
    /// `review.toml`, Sở Nội vụ's decisions (SPEC §10).
    pub review: Option<Entry>,
    /// The whole round was walked (not one unit or one file), so an entry of
    /// `review.toml` that matches no file is really an orphan.
    pub whole: bool,
    pub units: Vec<UnitDir>,
    /// `*.toml` files directly in the root.
    pub stray: Vec<Entry>,
    /// Folders that could not be read.
    pub problems: Vec<Diagnostic>,
    /// Files in unit folders that are no nomination (scans, PDFs, .docx):
    /// not read, named under `--verbose` so none is ignored unseen.
    pub skipped: Vec<String>,
    /// Files that look like nominations but are not named `*.toml`.
    pub misnamed: Vec<String>,
}

/// What a command was given, within its round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole round.
    Whole,
    /// One unit's folder (the given folder, or the unit it lies in).
    Unit(PathBuf),
    /// One file; `unit` is `None` for a file directly in the root.
    File {
        unit: Option<PathBuf>,
        file: PathBuf,
    },
}

/// How the round was found, for a command that must know (`review set`
/// takes a file only where a round's file says it is one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoundBy {
    /// A `kh.toml` at or above the path.
    RoundFile,
    /// A `unit.toml` at or above the path: the root is its folder's parent.
    UnitFile,
    /// A folder of nomination files with no descriptor: a unit missing it.
    Nominations,
    /// Nothing above: the given folder is the root.
    Given,
}

/// The one rule that finds the round for every command (SPEC §2): the
/// nearest folder at or above `abs` holding `kh.toml`; else the parent of
/// the nearest folder holding `unit.toml`; else, for a folder that directly
/// holds nomination files (and no `unit.toml`, and no sub-folder of its
/// own holding any: that is a root's shape), its parent, the folder being a
/// unit missing its descriptor; else the given folder. `abs` is absolute.
pub fn find_round(abs: &Path, is_dir: bool) -> (PathBuf, Scope, FoundBy) {
    let start = if is_dir {
        abs.to_path_buf()
    } else {
        parent_or_self(abs)
    };
    if let Some(root) = start.ancestors().find(|a| a.join(ROUND_FILE).is_file()) {
        return (
            root.to_path_buf(),
            scope_below(root, abs, is_dir),
            FoundBy::RoundFile,
        );
    }
    if let Some(unit) = start.ancestors().find(|a| a.join(UNIT_FILE).is_file()) {
        let root = parent_or_self(unit);
        let scope = scope_below(&root, abs, is_dir);
        return (root, scope, FoundBy::UnitFile);
    }
    if !is_dir {
        // A lone file: its folder stands for its unit.
        let root = parent_or_self(&start);
        let scope = scope_below(&root, abs, false);
        return (root, scope, FoundBy::Nominations);
    }
    if holds_nominations(abs) && !has_unit_like_children(abs) {
        let root = parent_or_self(abs);
        return (root, Scope::Unit(abs.to_path_buf()), FoundBy::Nominations);
    }
    (abs.to_path_buf(), Scope::Whole, FoundBy::Given)
}

/// Where `abs` lies below `root`: the root itself, a unit, or a file.
fn scope_below(root: &Path, abs: &Path, is_dir: bool) -> Scope {
    let Some(first) = abs
        .strip_prefix(root)
        .ok()
        .and_then(|p| p.components().next())
    else {
        return Scope::Whole;
    };
    let unit = root.join(first);
    if is_dir {
        Scope::Unit(unit)
    } else if unit == abs {
        Scope::File {
            unit: None,
            file: abs.to_path_buf(),
        }
    } else {
        Scope::File {
            unit: Some(unit),
            file: abs.to_path_buf(),
        }
    }
}

/// A nomination file's name, seen in a folder listing.
fn is_nomination_name(name: &str) -> bool {
    !name.starts_with('.') && is_toml(name) && ![ROUND_FILE, UNIT_FILE, REVIEW_FILE].contains(&name)
}

fn holds_nominations(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|rd| {
        rd.flatten().any(|e| {
            e.file_type().is_ok_and(|t| t.is_file())
                && e.file_name().to_str().is_some_and(is_nomination_name)
        })
    })
}

/// A sub-folder holding `unit.toml` or nomination files of its own.
fn has_unit_like_children(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|rd| {
        rd.flatten().any(|e| {
            e.file_type().is_ok_and(|t| t.is_dir())
                && !e.file_name().to_string_lossy().starts_with('.')
                && (e.path().join(UNIT_FILE).is_file() || holds_nominations(&e.path()))
        })
    })
}

/// The root of the round `target` lies in ([`find_round`]), absolute,
/// without walking the round.
pub fn round_root(target: &Path, lang: Lang) -> Result<PathBuf> {
    let meta = fs::metadata(target).with_context(|| {
        tr!(
            lang,
            "không mở được `{}`",
            "cannot open `{}`",
            crate::text::escape_controls(&target.display().to_string())
        )
    })?;
    let abs = fs::canonicalize(target)?;
    Ok(find_round(&abs, meta.is_dir()).0)
}

thread_local! {
    /// Rounds walked on this thread (see [`walks`]).
    static WALKS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many rounds this thread has walked, so that tests can hold every
/// command to one walk of its round (a second walk opened every unit folder
/// twice).
pub fn walks() -> usize {
    WALKS.with(std::cell::Cell::get)
}

/// Works out the round from what the user named: a root, a unit folder, a
/// folder inside one, or one nomination file (see [`find_round`]).
pub fn resolve(target: &Path, lang: Lang) -> Result<Layout> {
    WALKS.with(|w| w.set(w.get() + 1));
    let cannot_open = || {
        tr!(
            lang,
            "không mở được `{}`",
            "cannot open `{}`",
            crate::text::escape_controls(&target.display().to_string())
        )
    };
    let meta = fs::metadata(target).with_context(cannot_open)?;
    let abs = fs::canonicalize(target).with_context(cannot_open)?;
    if !meta.is_dir() && !meta.is_file() {
        bail!(tr!(
            lang,
            "`{}` không phải tệp hay thư mục",
            "`{}` is neither a file nor a folder",
            crate::text::escape_controls(&target.display().to_string())
        ));
    }
    let (root, scope, _) = find_round(&abs, meta.is_dir());
    let depth = abs
        .strip_prefix(&root)
        .map_or(0, |p| p.components().count());
    match scope {
        Scope::Whole => {
            let mut layout = Layout::new(&root, display_of(target));
            layout.whole = true;
            layout.walk_root(&root);
            // Kept to the end of the run: not the room its doubling left.
            layout.units.shrink_to_fit();
            Ok(layout)
        }
        Scope::Unit(dir) => {
            let mut layout = Layout::new(&root, display_parent(target, depth, &root));
            layout.read_config(&root);
            layout.add_unit(&root, &dir);
            Ok(layout)
        }
        Scope::File { unit, file } => {
            let mut layout = Layout::new(&root, display_parent(target, depth, &root));
            layout.read_config(&root);
            let entry = Entry::new(&root, &file, EntryKind::File);
            match unit {
                None => layout.stray.push(entry),
                Some(unit_dir) => {
                    layout.units.push(UnitDir {
                        slug: name_of(&unit_dir),
                        descriptor: descriptor(&root, &unit_dir),
                        files: vec![entry],
                    });
                }
            }
            Ok(layout)
        }
    }
}

impl Layout {
    fn new(root: &Path, root_display: String) -> Self {
        Layout {
            root: root.to_path_buf(),
            root_display,
            ..Layout::default()
        }
    }

    fn read_config(&mut self, root: &Path) {
        let found = |name: &str| {
            let path = root.join(name);
            let meta = fs::symlink_metadata(&path).ok()?;
            Some(Entry::new(root, &path, kind_of(&meta.file_type())))
        };
        self.config = found(ROUND_FILE);
        self.review = found(REVIEW_FILE);
    }

    fn walk_root(&mut self, root: &Path) {
        let mut children: Vec<_> = match fs::read_dir(root) {
            Ok(rd) => rd.filter_map(|e| e.ok()).collect(),
            Err(e) => {
                self.problems.push(io_problem(".", &e));
                return;
            }
        };
        children.sort_by_key(|e| e.file_name());
        let mut unit_dirs = Vec::new();
        for child in children {
            let name = child.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let Ok(ft) = child.file_type() else { continue };
            let path = child.path();
            self.name_check(root, &path);
            if name == ROUND_FILE || name == REVIEW_FILE {
                // Whatever it is (a folder too): read as the round's file,
                // where a folder is refused, never walked as a unit.
                self.read_config(root);
            } else if ft.is_symlink() {
                self.problems.push(link_skipped(root, &path));
            } else if ft.is_dir() {
                unit_dirs.push(path);
            } else if is_toml(&name) {
                self.stray
                    .push(Entry::new(root, &child.path(), kind_of(&ft)));
            }
        }
        // Each unit's folder on all cores, kept in name order: a round has
        // thousands, and a folder costs a few system calls each.
        use rayon::prelude::*;
        let walked: Vec<Walked> = unit_dirs
            .par_iter()
            .map(|dir| walk_unit(root, dir))
            .collect();
        self.units.reserve_exact(walked.len());
        for w in walked {
            self.units.push(w.unit);
            self.problems.extend(w.problems);
            self.skipped.extend(w.skipped);
            self.misnamed.extend(w.misnamed);
        }
    }

    /// A name that is not UTF-8 is said once, where it stands (SPEC §7).
    fn name_check(&mut self, root: &Path, path: &Path) {
        if let Some(d) = name_problem(root, path) {
            self.problems.push(d);
        }
    }

    fn add_unit(&mut self, root: &Path, dir: &Path) {
        let w = walk_unit(root, dir);
        self.units.push(w.unit);
        self.problems.extend(w.problems);
        self.skipped.extend(w.skipped);
        self.misnamed.extend(w.misnamed);
    }
}

/// A unit's folder as walked, and what the walk met on the way.
struct Walked {
    unit: UnitDir,
    problems: Vec<Diagnostic>,
    skipped: Vec<String>,
    misnamed: Vec<String>,
}

fn walk_unit(root: &Path, dir: &Path) -> Walked {
    let mut unit = UnitDir {
        slug: name_of(dir),
        descriptor: None,
        files: Vec::new(),
    };
    let (mut problems, mut skipped, mut mis) = (Vec::new(), Vec::new(), Vec::new());
    let walk = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for item in walk {
        let entry = match item {
            Ok(e) => e,
            Err(e) => {
                let rel = e
                    .path()
                    .map_or_else(|| unit.slug.clone(), |p| rel_path(root, p));
                let io = e.io_error().map_or_else(
                    || std::io::Error::other(e.to_string()),
                    |io| std::io::Error::new(io.kind(), io.to_string()),
                );
                problems.push(io_problem(&rel, &io));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        let ft = entry.file_type();
        if entry.depth() > 0 {
            problems.extend(name_problem(root, entry.path()));
            if ft.is_symlink() {
                // Never followed, never dropped unseen (SPEC §2).
                problems.push(link_skipped(root, entry.path()));
                continue;
            }
        }
        // The unit's own descriptor, met by the walk rather than
        // looked up once more.
        if entry.depth() == 1 && name == UNIT_FILE {
            unit.descriptor = Some(Entry::new(root, entry.path(), kind_of(&ft)));
        }
        // A `unit.toml`, the unit's own or one further down, is no
        // nomination.
        if ft.is_dir() || name == UNIT_FILE {
            continue;
        }
        if !is_toml(&name) {
            let rel = rel_path(root, entry.path());
            if let Some(to) = misnamed(&name) {
                problems.push(Diagnostic::new(rel.as_str(), What::MisnamedFile { to }));
                mis.push(rel);
            } else {
                skipped.push(rel);
            }
            continue;
        }
        unit.files
            .push(Entry::new(root, entry.path(), kind_of(&ft)));
    }
    Walked {
        unit,
        problems,
        skipped,
        misnamed: mis,
    }
}

/// `non-utf8-name` for a name that is not UTF-8, named escaped.
fn name_problem(root: &Path, path: &Path) -> Option<Diagnostic> {
    let name = path.file_name()?;
    if name.to_str().is_some() {
        return None;
    }
    Some(Diagnostic::new(rel_path(root, path), What::NonUtf8Name))
}

/// `link-skipped` for a link met where a unit, a folder or a file was.
fn link_skipped(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::new(rel_path(root, path), What::LinkSkipped)
}

fn descriptor(root: &Path, dir: &Path) -> Option<Entry> {
    let path = dir.join(UNIT_FILE);
    let meta = fs::symlink_metadata(&path).ok()?;
    Some(Entry::new(root, &path, kind_of(&meta.file_type())))
}

fn kind_of(ft: &fs::FileType) -> EntryKind {
    if ft.is_symlink() {
        EntryKind::Symlink
    } else if ft.is_file() {
        EntryKind::File
    } else {
        EntryKind::Special
    }
}

fn is_toml(name: &str) -> bool {
    name.len() > 5 && name.ends_with(".toml")
}

/// The name a file that looks like a nomination should have, when it is not
/// named `*.toml` (SPEC §6, `misnamed-file`): Notepad's `x.toml.txt`, an
/// upper-case `x.TOML`, a trailing space `x.toml `, a short `x.tml`.
pub fn misnamed(name: &str) -> Option<String> {
    if is_toml(name) {
        return None;
    }
    let trimmed = name.trim();
    let lower = trimmed.to_lowercase();
    let stem_len = [".toml.txt", ".toml", ".tml"]
        .iter()
        .find(|ext| lower.ends_with(*ext) && lower.len() > ext.len())
        .map(|ext| trimmed.len() - ext.len())?;
    let stem = trimmed.get(..stem_len)?.trim();
    (!stem.is_empty() && !stem.starts_with('.')).then(|| format!("{stem}.toml"))
}

fn name_of(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn parent_or_self(p: &Path) -> PathBuf {
    p.parent()
        .map_or_else(|| p.to_path_buf(), Path::to_path_buf)
}

/// `path` relative to `root`, with `/` between parts.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(escaped_name(s)),
            _ => None,
        })
        .collect();
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// A name as text: a name that is not UTF-8 has its stray bytes written
/// `\xNN`, so that two such names never read alike.
pub fn escaped_name(name: &std::ffi::OsStr) -> String {
    if let Some(s) = name.to_str() {
        return s.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

fn display_of(p: &Path) -> String {
    let s = p.to_string_lossy();
    let trimmed = s.trim_end_matches('/');
    if trimmed.is_empty() {
        s.into_owned()
    } else {
        trimmed.to_string()
    }
}

/// The root as the user would write it: `depth` levels above what they
/// named, taken off their own spelling when it has that many; the full
/// path otherwise.
fn display_parent(target: &Path, depth: usize, root_abs: &Path) -> String {
    let normal: Vec<_> = target.components().collect();
    let all_normal = normal.iter().all(|c| {
        matches!(
            c,
            Component::Normal(_) | Component::RootDir | Component::CurDir
        )
    });
    if all_normal
        && normal
            .iter()
            .filter(|c| matches!(c, Component::Normal(_)))
            .count()
            >= depth
    {
        let kept: PathBuf = normal[..normal.len() - depth].iter().collect();
        let s = kept.to_string_lossy().into_owned();
        return if s.is_empty() { ".".to_string() } else { s };
    }
    root_abs.display().to_string()
}

fn io_problem(rel: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        rel,
        What::Unreadable(Unreadable::Io(e.kind(), e.to_string())),
    )
}

/// Creates a folder and its parents, naming the folder when it cannot.
pub fn create_dir_all(dir: &Path, lang: Lang) -> Result<()> {
    fs::create_dir_all(dir).with_context(|| {
        tr!(
            lang,
            "không tạo được thư mục `{}`",
            "cannot create the folder `{}`",
            dir.display()
        )
    })
}

/// Reads a file found by the walk: never a link or a special file, never
/// more than [`MAX_FILE_BYTES`]. Returns its text without a byte-order mark,
/// or the diagnostic that says why there is none.
pub fn read_text(root: &Path, entry: &Entry) -> std::result::Result<String, Box<Diagnostic>> {
    decode_entry(entry, read_bytes(root, entry)?)
}

/// The bytes of a file found by the walk, under the same guards as
/// [`read_text`], for what must see them as they are on disk (the review's
/// fingerprint).
pub fn read_bytes(root: &Path, entry: &Entry) -> std::result::Result<Vec<u8>, Box<Diagnostic>> {
    read_bytes_within(root, entry, MAX_FILE_BYTES)
}

/// [`read_bytes`] with another ceiling (the review register's).
pub fn read_bytes_within(
    root: &Path,
    entry: &Entry,
    limit: u64,
) -> std::result::Result<Vec<u8>, Box<Diagnostic>> {
    let fail = |u: Unreadable| Box::new(Diagnostic::new(&*entry.rel, What::Unreadable(u)));
    match entry.kind {
        EntryKind::Symlink => return Err(fail(Unreadable::Symlink)),
        EntryKind::Special => return Err(fail(Unreadable::Special)),
        EntryKind::File => {}
    }
    read_regular(&entry.path(root), limit).map_err(|e| match e {
        ReadError::Link => fail(Unreadable::Symlink),
        ReadError::NotRegular => fail(Unreadable::NotRegular),
        ReadError::TooLarge => fail(Unreadable::TooLarge(limit)),
        // The system's reason, said in the run's language when it is shown.
        ReadError::Io(e) => fail(Unreadable::Io(e.kind(), e.to_string())),
    })
}

/// Why [`read_regular`] read nothing.
#[derive(Debug)]
pub enum ReadError {
    /// A symbolic link: never followed.
    Link,
    /// A FIFO, socket, device or folder: never read.
    NotRegular,
    /// Over the ceiling asked for.
    TooLarge,
    Io(std::io::Error),
}

impl ReadError {
    /// Said in the run's language, for a command's own error.
    pub fn say(&self, path: &Path, lang: Lang) -> String {
        let shown = crate::text::escape_controls(&path.display().to_string()).into_owned();
        match self {
            ReadError::Link => tr!(
                lang,
                "`{shown}` là liên kết tượng trưng (symlink): kh không đi theo liên kết",
                "`{shown}` is a symbolic link: kh does not follow links"
            ),
            ReadError::NotRegular => tr!(
                lang,
                "`{shown}` không phải tệp thông thường (thư mục, FIFO, socket hay thiết bị): kh không mở",
                "`{shown}` is not a regular file (a folder, FIFO, socket or device): kh does not open it"
            ),
            ReadError::TooLarge => tr!(
                lang,
                "`{shown}` quá lớn: kh không đọc",
                "`{shown}` is too large: kh does not read it"
            ),
            ReadError::Io(e) => {
                let why = crate::lang::io_text(e.kind(), &e.to_string(), lang);
                tr!(
                    lang,
                    "không đọc được `{shown}`: {why}",
                    "cannot read `{shown}`: {why}"
                )
            }
        }
    }
}

/// Opens `path` for reading only when it is a regular file, without
/// following a link and without waiting on a FIFO: the open is non-blocking,
/// and what was opened is checked, so a file swapped for a FIFO after the
/// walk is refused rather than waited on.
pub fn open_regular(path: &Path) -> std::result::Result<(fs::File, fs::Metadata), ReadError> {
    let mut opts = fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = match opts.open(path) {
        Ok(f) => f,
        Err(e) => {
            // O_NOFOLLOW says ELOOP for a link; say what it is.
            if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
                return Err(ReadError::Link);
            }
            return Err(ReadError::Io(e));
        }
    };
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    Ok((file, meta))
}

/// The bytes of a regular file of at most `limit` bytes ([`open_regular`]).
pub fn read_regular(path: &Path, limit: u64) -> std::result::Result<Vec<u8>, ReadError> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// The text of a regular file of at most `limit` bytes, without its
/// byte-order mark; `Ok(None)` when there is no such file.
pub fn read_regular_text(
    path: &Path,
    limit: u64,
) -> std::result::Result<Option<String>, ReadError> {
    match read_regular(path, limit) {
        Ok(bytes) => decode(bytes).map(Some).map_err(|_| {
            ReadError::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "not UTF-8",
            ))
        }),
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The text of bytes [`read_bytes`] returned, or `not-utf8` pointing at the
/// first bad byte.
pub fn decode_entry(entry: &Entry, bytes: Vec<u8>) -> std::result::Result<String, Box<Diagnostic>> {
    decode(bytes).map_err(|(at, lossy)| {
        Box::new(
            Diagnostic::new(&*entry.rel, What::Unreadable(Unreadable::NotUtf8))
                .at(Some(Location::in_text(&lossy, at..at + 1))),
        )
    })
}

/// UTF-8 text without its byte-order mark; or where the first bad byte is,
/// with a readable copy to point at it.
fn decode(mut bytes: Vec<u8>) -> std::result::Result<String, (usize, String)> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        (at, String::from_utf8_lossy(e.as_bytes()).into_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_mark_is_dropped() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa = 1".to_vec()),
            Ok("a = 1".to_string())
        );
        let err = decode(b"a = \"\xff\"".to_vec());
        assert_eq!(err.map_err(|(at, _)| at), Err(5));
    }

    #[test]
    fn misnamed_files_are_told_their_name() {
        assert_eq!(misnamed("x.toml.txt").as_deref(), Some("x.toml"));
        assert_eq!(misnamed("x.TOML").as_deref(), Some("x.toml"));
        assert_eq!(misnamed("x.toml ").as_deref(), Some("x.toml"));
        assert_eq!(
            misnamed("Nguyen Van A.tml").as_deref(),
            Some("Nguyen Van A.toml")
        );
        assert_eq!(misnamed("x.toml"), None);
        assert_eq!(misnamed("scan.pdf"), None);
        assert_eq!(misnamed(".toml.txt"), None);
    }

    #[test]
    fn toml_names() {
        assert!(is_toml("a.toml"));
        assert!(!is_toml("A.TOML"));
        assert!(!is_toml(".toml"));
        assert!(!is_toml("a.toml.pdf"));
    }

    #[test]
    fn root_shown_as_the_user_wrote_it() {
        let abs = Path::new("/abs/r");
        assert_eq!(
            display_parent(Path::new("examples/r/unit"), 1, abs),
            "examples/r"
        );
        assert_eq!(display_parent(Path::new("unit"), 1, abs), ".");
        assert_eq!(display_parent(Path::new("."), 1, abs), "/abs/r");
        assert_eq!(display_parent(Path::new("../r/unit"), 1, abs), "/abs/r");
    }
}
