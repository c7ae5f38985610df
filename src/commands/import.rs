//! `kh import PATH... --into ROUND` (SPEC §15): what units sent, as
//! nomination files in the round. Sources are read on all cores; files are
//! written one by one, never over another.

use crate::form::NomineeKey;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use rayon::prelude::*;
use serde::Serialize;

use crate::check::Options;
use crate::intake::package::Refusal;
use crate::intake::report::Named;
use crate::intake::units::{self, Known};
use crate::intake::{self, Found, SourceKind};
use crate::lang::Lang;
use crate::template::Draft;
use crate::text::{escape_controls, slugify};
use crate::tr;
use crate::vocab::{Kind, Vocab};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Tệp .docx, .xlsx, hoặc thư mục chứa chúng (hộp thư của các đơn vị)
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Thư mục gốc của đợt nhận các tệp đề nghị
    #[arg(long)]
    pub into: PathBuf,
    /// Đơn vị gửi (mã hoặc tên), khi tệp không tự nói
    #[arg(long)]
    pub unit: Option<String>,
    /// Phong trào cho mọi tệp nhập (mã, tên hoặc mục, như kh summary --campaign)
    #[arg(long)]
    pub campaign: Option<String>,
    /// Loại điển hình cho mọi tệp nhập: tap-the | ca-nhan | ho-gia-dinh
    #[arg(long)]
    pub kind: Option<String>,
    /// Chỉ in những gì sẽ làm, không ghi tệp nào
    #[arg(long)]
    pub dry_run: bool,
    /// Định dạng: human (mặc định) | json
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// The English of `kh import`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "Import the units' Word reports (.docx) and Excel lists (.xlsx) into the round",
    options: &[
        (
            "paths",
            ".docx and .xlsx files, or folders holding them (the units' inbox)",
        ),
        ("into", "Root of the round the nomination files go into"),
        (
            "unit",
            "The sending unit (code or name), where a file does not say",
        ),
        (
            "campaign",
            "Campaign for every file imported (slug, name or section, as summary --campaign)",
        ),
        (
            "kind",
            "Kind for every file imported: tap-the | ca-nhan | ho-gia-dinh",
        ),
        ("dry_run", "Only print what would be done; write no file"),
        ("format", "Output format: human (default) | json"),
    ],
};

#[derive(Debug, Serialize)]
struct Imported {
    source: String,
    sheet: Option<String>,
    row: Option<usize>,
    path: String,
    unit: String,
    kind: &'static str,
    campaign: Option<&'static str>,
    missing: Vec<String>,
    replaces: Option<String>,
    /// Fields whose label kh found but whose value it could not read
    /// (SPEC §15.1).
    unread: Vec<String>,
    /// Said once for the source, not in JSON: a list that names no
    /// campaign ("dùng --campaign").
    #[serde(skip)]
    note: Option<String>,
}

#[derive(Debug, Serialize)]
struct Unchanged {
    source: String,
    sheet: Option<String>,
    row: Option<usize>,
    path: String,
}

#[derive(Debug, Serialize)]
struct Reason {
    source: String,
    /// The stable code of SPEC §15, for scripts.
    code: &'static str,
    reason: String,
}

#[derive(Debug, Default, Serialize)]
struct Outcome {
    imported: Vec<Imported>,
    unchanged: Vec<Unchanged>,
    skipped: Vec<Reason>,
    refused: Vec<Reason>,
}

/// Where an earlier import came from, read off the files' first lines.
#[derive(Default)]
struct Provenance {
    /// (fingerprint, sheet, row) → file
    by_print: HashMap<(String, String, usize), String>,
    /// (source, sheet, row) → file
    by_source: HashMap<(String, String, usize), String>,
    /// (unit, who is nominated) → (file, the source it came from): a
    /// report resent under another name is matched by these (SPEC §15.1).
    by_identity: HashMap<(String, String), (String, String)>,
}

/// Who a nomination names, as SPEC §6 compares: a collective by its name,
/// a person or household head by name and date of birth.
fn identity_key(kind: Option<Kind>, name: Option<&str>, birth: Option<&str>) -> Option<String> {
    let name = crate::text::fold_key(name?.trim());
    if name.is_empty() {
        return None;
    }
    match kind? {
        Kind::TapThe => Some(format!("c|{name}")),
        _ => {
            let birth = crate::reader::parse_dmy(birth?)?.ok()?;
            Some(format!("p|{name}|{birth}"))
        }
    }
}

/// [`identity_key`] of a file of the round, read as TOML.
fn identity_of_file(text: &str) -> Option<String> {
    let t: toml::Table = text.parse().ok()?;
    let kind = t.get("kind").and_then(|v| v.as_str()).and_then(Kind::parse);
    let n = t.get("nominee")?.as_table()?;
    let name = n
        .get(NomineeKey::Name.key())
        .or(n.get(NomineeKey::FullName.key()))
        .and_then(|v| v.as_str());
    let birth = match n.get(NomineeKey::BirthDate.key()) {
        Some(toml::Value::String(s)) => Some(s.clone()),
        Some(toml::Value::Datetime(d)) => {
            d.date.map(|d| format!("{}/{}/{}", d.day, d.month, d.year))
        }
        _ => None,
    };
    identity_key(kind, name, birth.as_deref())
}

/// The longest file or folder name kh makes from a name, in bytes: a
/// system allows 255, and a "-12.toml" may follow (#37.7).
const MAX_SLUG_BYTES: usize = 120;

/// A slug cut to [`MAX_SLUG_BYTES`] at a word's end where one is near;
/// slugs are ASCII, so any byte is a character's end.
fn short_slug(slug: String) -> String {
    if slug.len() <= MAX_SLUG_BYTES {
        return slug;
    }
    let cut = &slug[..MAX_SLUG_BYTES];
    let cut = match cut.rfind('-') {
        Some(at) if at > MAX_SLUG_BYTES / 2 => &cut[..at],
        _ => cut,
    };
    cut.trim_end_matches('-').to_string()
}

/// How import names the temporary file it renames into place; one left by
/// a killed run is removed by the next, under the round's lock.
const TEMP_PREFIX: &str = ".kh-import-";

/// A file in an inbox that is no report or list (SPEC §15's codes).
const NOT_A_SOURCE: &str = "not-a-source";
const UNIT_NOT_FOUND: &str = "unit-not-found";
use crate::form::provenance::{AT, FROM, REPLACES, SHA};

fn provenance_of(text: &str) -> Option<(String, String, String, usize)> {
    let mut source = None;
    let mut sha = None;
    let mut sheet = String::new();
    let mut row = 0;
    for line in text.lines().take(6) {
        let Some(c) = line.strip_prefix("# ") else {
            break;
        };
        if let Some(s) = c.strip_prefix(FROM) {
            source = Some(s.to_string());
        } else if let Some(s) = c.strip_prefix(SHA) {
            sha = Some(s.trim().to_string());
        } else if let Some(s) = c.strip_prefix(AT)
            && let Some((name, r)) = s.rsplit_once(", dòng ")
        {
            sheet = name.to_string();
            row = r.trim().parse().unwrap_or(0);
        }
    }
    Some((source?, sha?, sheet, row))
}

fn index(root: &Path) -> Provenance {
    let mut p = Provenance::default();
    let Ok(layout) = crate::tree::resolve(root, Lang::Vi) else {
        return p;
    };
    for u in &layout.units {
        for f in &u.files {
            let path = f.path(root);
            let Ok(Some(text)) = crate::tree::read_regular_text(&path, crate::tree::MAX_FILE_BYTES)
            else {
                continue;
            };
            if let Some((source, sha, sheet, row)) = provenance_of(&text) {
                let rel = f.rel.to_string();
                p.by_print.insert((sha, sheet.clone(), row), rel.clone());
                // Reports only: a list's row beside a report of the same
                // nominee is no report sent again.
                if sheet.is_empty()
                    && let Some(id) = identity_of_file(&text)
                {
                    p.by_identity
                        .insert((u.slug.clone(), id), (rel.clone(), source.clone()));
                }
                p.by_source.insert((source, sheet, row), rel);
            }
        }
    }
    p
}

/// Every source the paths name, as shown to the user, and its kind.
fn sources(paths: &[PathBuf], out: &mut Outcome, lang: Lang) -> Vec<(String, PathBuf, SourceKind)> {
    let mut found = Vec::new();
    for p in paths {
        if p.is_dir() {
            let walk = walkdir::WalkDir::new(p)
                .follow_links(false)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for e in walk.flatten() {
                let shown = e.path().display().to_string();
                if e.file_type().is_file() {
                    push_source(&mut found, out, shown, e.path().to_path_buf(), lang);
                } else if !e.file_type().is_dir() {
                    // A link, a FIFO, a socket: never followed nor opened,
                    // but said, so that the counts add up (#37.10).
                    out.skipped.push(Reason {
                        source: escape_controls(&shown).into_owned(),
                        code: "not-regular-file",
                        reason: if e.path_is_symlink() {
                            tr!(
                                lang,
                                "liên kết tượng trưng: kh không theo liên kết",
                                "a symbolic link: kh does not follow links"
                            )
                        } else {
                            tr!(
                                lang,
                                "không phải tệp thông thường (FIFO, socket hay thiết bị): không mở",
                                "not a regular file (a FIFO, socket or device): not opened"
                            )
                        },
                    });
                }
            }
        } else if p.exists() {
            push_source(&mut found, out, p.display().to_string(), p.clone(), lang);
        } else {
            out.refused.push(Reason {
                source: p.display().to_string(),
                code: "not-regular-file",
                reason: tr!(
                    lang,
                    "không có tệp hay thư mục này",
                    "no such file or folder"
                ),
            });
        }
    }
    found
}

fn push_source(
    found: &mut Vec<(String, PathBuf, SourceKind)>,
    out: &mut Outcome,
    shown: String,
    path: PathBuf,
    lang: Lang,
) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Word and Excel leave "~$name.docx" beside an open file.
    if name.starts_with("~$") {
        out.skipped.push(Reason {
            source: shown,
            code: NOT_A_SOURCE,
            reason: tr!(
                lang,
                "tệp khóa tạm của Word/Excel, không phải báo cáo",
                "a Word/Excel lock file, not a report"
            ),
        });
        return;
    }
    match intake::source_kind(&path) {
        SourceKind::Other => out.skipped.push(Reason {
            source: shown,
            code: NOT_A_SOURCE,
            reason: tr!(
                lang,
                "không phải tệp .docx hay .xlsx",
                "not a .docx or .xlsx file"
            ),
        }),
        SourceKind::Legacy { word } => out.refused.push(Reason {
            source: shown,
            code: Refusal::Legacy { word }.code(),
            reason: Refusal::Legacy { word }.say(lang),
        }),
        k => found.push((shown, path, k)),
    }
}

/// The dotted keys of the form left empty.
fn missing(d: &Draft) -> Vec<String> {
    let mut out = Vec::new();
    if d.campaign.is_none() {
        out.push("campaign".to_string());
    }
    for f in crate::form::NOMINEE_FIELDS {
        if f.col(d.kind) == crate::form::Col::Required
            && d.nominee(f.key).is_none_or(|v| v.trim().is_empty())
        {
            out.push(format!("nominee.{}", f.key));
        }
    }
    if d.kind != Kind::TapThe
        && d.nominee(NomineeKey::Workplace).is_none()
        && d.nominee(NomineeKey::Residence).is_none()
    {
        out.push(
            if d.kind == Kind::HoGiaDinh {
                "nominee.residence"
            } else {
                "nominee.workplace"
            }
            .to_string(),
        );
    }
    if d.achievements.is_empty() {
        out.push("achievements".to_string());
    }
    out
}

pub fn run(args: Args, opts: Options) -> Result<bool> {
    let lang = opts.lang;
    if !args.into.is_dir() {
        bail!(tr!(
            lang,
            "thư mục của đợt `{}` không có: kiểm tra --into (tạo thư mục trước nếu đúng là đợt mới)",
            "the round's folder `{}` does not exist: check --into (create it first if it is a new round)",
            escape_controls(&args.into.display().to_string())
        ));
    }
    let root = args.into.clone();
    let kind_flag = args
        .kind
        .as_deref()
        .map(|k| Kind::from_query(k, lang))
        .transpose()?;
    let campaign_flag = args
        .campaign
        .as_deref()
        .map(|c| crate::campaign::Campaign::from_query(c, lang).map(|(c, _)| c))
        .transpose()?;
    // One import at a time per round, and none beside `kh review set`: a
    // second run waits, then sees what the first wrote (#37.6). A dry run
    // writes nothing, not even the lock.
    let _lock = if args.dry_run {
        None
    } else {
        let lock = crate::review::lock_round(&root, lang)?;
        remove_leftovers(&root);
        Some(lock)
    };
    let known = units::known(&root);
    let unit_flag = match &args.unit {
        Some(u) => Some(match units::by_name(&known, u) {
            Some(k) => k.clone(),
            None => new_unit(u, lang)?,
        }),
        None => None,
    };

    // One malloc arena per worker and memory handed back between batches:
    // a long import's resident size stays flat (main.rs says how, and why).
    (opts.memory.arena_per_worker)();
    let give_back = opts.memory.give_back;
    let mut out = Outcome::default();
    let list = sources(&args.paths, &mut out, lang);
    let mut run = Run {
        sink: Sink::new(args.format, lang)?,
        prov: index(&root),
        settings: units::settings(&root),
        root,
        lang,
        dry_run: args.dry_run,
        unit_flag,
        kind_flag,
        campaign_flag,
        known,
        out,
        taken: HashSet::new(),
        prepared: HashSet::new(),
        existed: HashMap::new(),
        tally: Tally::default(),
        jobs: Vec::new(),
        new_units: Vec::new(),
    };
    // Sources are read a batch at a time on all cores, and a batch is
    // planned and written while the next one is read: memory stays flat in
    // the number of sources, and no core waits for the writing.
    let batches = batches_of(&list);
    let read_batch = |batch: &[Source]| -> Vec<Read> {
        batch
            .par_iter()
            .map(|(shown, path, kind)| {
                (
                    shown.clone(),
                    path.clone(),
                    intake::read_source(path, *kind),
                )
            })
            .collect()
    };
    let mut pending = batches.first().map(|b| read_batch(b));
    let mut next = 1;
    while let Some(read) = pending.take() {
        let ahead = batches.get(next).copied();
        next += 1;
        let (this, read_ahead) = rayon::join(|| run.batch(read), || ahead.map(read_batch));
        this?;
        if next % 4 == 0 {
            (give_back)();
        }
        pending = read_ahead;
    }
    let Run {
        sink,
        out,
        root,
        tally,
        dry_run,
        ..
    } = run;
    sink.finish(&out, &root, &tally, dry_run)?;
    Ok(!out.refused.is_empty())
}

/// A source as found: as the user named it, where it is, what it is.
type Source = (String, PathBuf, SourceKind);
/// A source read, or why it was refused.
type Read = (String, PathBuf, Result<(String, Vec<Found>), Refusal>);

/// What a run has settled so far: where each file goes, what was written,
/// what is said at the end.
struct Run {
    sink: Sink,
    prov: Provenance,
    settings: crate::config::Settings,
    root: PathBuf,
    lang: Lang,
    dry_run: bool,
    unit_flag: Option<Known>,
    kind_flag: Option<Kind>,
    campaign_flag: Option<crate::campaign::Campaign>,
    known: Vec<Known>,
    out: Outcome,
    taken: HashSet<PathBuf>,
    prepared: HashSet<String>,
    existed: HashMap<String, bool>,
    tally: Tally,
    jobs: Vec<(PathBuf, String)>,
    new_units: Vec<Known>,
}

impl Run {
    /// One batch, read: each source planned in order, its files written
    /// and checked on all cores, and what it became said.
    fn batch(&mut self, read: Vec<Read>) -> Result<()> {
        let Run {
            sink,
            prov,
            settings,
            root,
            lang,
            dry_run,
            unit_flag,
            kind_flag,
            campaign_flag,
            known,
            out,
            taken,
            prepared,
            existed,
            tally,
            jobs,
            new_units,
        } = self;
        let (root, lang, dry_run) = (&*root, *lang, *dry_run);
        for (shown, path, result) in read {
            let (shown, path) = (&shown, &path);
            let founds = match result {
                Ok((_, f)) => f,
                Err(r) => {
                    out.refused.push(Reason {
                        source: shown.clone(),
                        code: r.code(),
                        reason: r.say(lang),
                    });
                    continue;
                }
            };
            if founds.is_empty() {
                out.refused.push(Reason::no_header(shown, lang));
                continue;
            }
            let flags = (&*unit_flag, *kind_flag, *campaign_flag);
            let planned = match plan_source(&founds, path, root, flags, known, lang) {
                Ok(p) => p,
                Err((code, reason)) => {
                    out.refused.push(Reason {
                        source: shown.clone(),
                        code,
                        reason,
                    });
                    continue;
                }
            };
            // A list that names no campaign is imported, and said once
            // (SPEC §15.1).
            let mut note = (campaign_flag.is_none()
                && founds
                    .iter()
                    .all(|f| f.sheet.is_some() && f.fields.campaign == Named::Nothing))
            .then(|| {
                tr!(
                    lang,
                    "danh sách không ghi phong trào: dùng --campaign",
                    "the list names no campaign: use --campaign"
                )
            });
            // A source is written whole or not at all: what this loop plans
            // is undone if one of its files would be too large (#37.3).
            let (jobs_mark, imported_mark) = (jobs.len(), out.imported.len());
            let mut too_large = false;
            for (f, unit, mut draft) in planned {
                let sheet = f.sheet.clone().unwrap_or_default();
                let row = f.row.unwrap_or(0);
                if let Some(path) = prov
                    .by_print
                    .get(&(f.fingerprint.clone(), sheet.clone(), row))
                {
                    out.unchanged.push(Unchanged {
                        source: shown.clone(),
                        sheet: f.sheet.clone(),
                        row: f.row,
                        path: path.clone(),
                    });
                    continue;
                }
                let source_key = escape_controls(shown).into_owned();
                let who = identity_key(
                    Some(draft.kind),
                    draft
                        .nominee(NomineeKey::Name)
                        .or(draft.nominee(NomineeKey::FullName)),
                    draft.nominee(NomineeKey::BirthDate),
                );
                let replaces = prov.replaced(f, &unit.slug, &source_key, who.as_deref());
                draft.replaces = replaces.as_deref().map(|r| {
                    r.strip_prefix(&format!("{}/", unit.slug))
                        .unwrap_or(r)
                        .to_string()
                });
                draft.provenance = provenance(shown, f, replaces.as_deref());
                let stem = file_stem(f, path);
                let dir = root.join(&unit.slug);
                // A folder this run makes holds only what this run plans:
                // its files need no look on disk (one less call per file).
                let on_disk = *existed
                    .entry(unit.slug.clone())
                    .or_insert_with(|| std::fs::symlink_metadata(&dir).is_ok());
                let target = free_target(&dir, &stem, taken, on_disk);
                taken.insert(target.clone());
                let text = file_text(f, &draft);
                // validate refuses a file past 1 MiB (file-too-large): kh
                // writes none it would refuse.
                if text.len() as u64 > crate::tree::MAX_FILE_BYTES {
                    taken.remove(&target);
                    too_large = true;
                    break;
                }
                let rel = format!(
                    "{}/{}",
                    unit.slug,
                    target
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                );
                // Each unit's folder made (or checked) once a run; the
                // files written with the rest of the batch.
                if !dry_run && prepared.insert(unit.slug.clone()) {
                    new_units.push(unit.clone());
                }
                if let Some(who) = who.filter(|_| f.sheet.is_none()) {
                    prov.by_identity
                        .entry((unit.slug.clone(), who))
                        .or_insert_with(|| (rel.clone(), source_key.clone()));
                }
                jobs.push((target.clone(), text));
                out.imported.push(Imported {
                    source: shown.clone(),
                    sheet: f.sheet.clone(),
                    row: f.row,
                    path: rel,
                    unit: unit.slug.clone(),
                    kind: draft.kind.slug(),
                    campaign: draft.campaign.map(|c| c.slug),
                    missing: missing(&draft)
                        .into_iter()
                        .filter(|k| !draft.unread.contains(k))
                        .collect(),
                    replaces,
                    unread: draft.unread.clone(),
                    note: note.take(),
                });
            }
            if too_large {
                for (target, _) in jobs.drain(jobs_mark..) {
                    taken.remove(&target);
                }
                out.imported.truncate(imported_mark);
                out.refused.push(Reason::too_large(shown, lang));
            }
        }
        tally.merge(write_batch(
            root,
            std::mem::take(new_units),
            std::mem::take(jobs),
            settings,
            dry_run,
            lang,
        )?);
        // What the batch became, said once it is written.
        sink.batch(out)?;
        Ok(())
    }
}

impl Reason {
    /// A workbook with no sheet kh reads as a list.
    fn no_header(shown: &str, lang: Lang) -> Reason {
        Reason {
            source: shown.to_string(),
            code: Refusal::NotReport.code(),
            reason: tr!(
                lang,
                "không tìm thấy dòng tiêu đề của danh sách (Họ và tên / Tên tập thể …) trong 20 dòng đầu",
                "no list header row (Họ và tên / Tên tập thể …) in the first 20 rows"
            ),
        }
    }

    /// A source with a nomination past a file's limit: none of it written.
    fn too_large(shown: &str, lang: Lang) -> Reason {
        Reason {
            source: shown.to_string(),
            code: "too-large",
            reason: tr!(
                lang,
                "hồ sơ đọc được dài hơn 1 MiB, quá giới hạn một tệp đề nghị (file-too-large): không ghi; đề nghị đơn vị rút gọn báo cáo",
                "the nomination read is over 1 MiB, past a nomination file's limit (file-too-large): not written; ask the unit for a shorter report"
            ),
        }
    }
}

impl Provenance {
    /// The file of the round a source's nomination replaces: the one this
    /// source (sheet and row) made before, or, for a report resent under
    /// another name, the one made for the same nominee of the same unit
    /// from another source (SPEC §15.1).
    fn replaced(&self, f: &Found, unit: &str, source: &str, who: Option<&str>) -> Option<String> {
        let sheet = f.sheet.clone().unwrap_or_default();
        let row = f.row.unwrap_or(0);
        if let Some(file) = self.by_source.get(&(source.to_string(), sheet, row)) {
            return Some(file.clone());
        }
        if f.sheet.is_some() {
            return None;
        }
        let (file, from) = self
            .by_identity
            .get(&(unit.to_string(), who?.to_string()))?;
        (from != source).then(|| file.clone())
    }
}

/// The first name free for `stem` in `dir` (`stem.toml`, `stem-2.toml`, …):
/// neither planned by this run nor, in a folder that was there before it,
/// on disk.
fn free_target(dir: &Path, stem: &str, taken: &HashSet<PathBuf>, on_disk: bool) -> PathBuf {
    let mut target = dir.join(format!("{stem}.toml"));
    let mut n = 2;
    while taken.contains(&target) || (on_disk && occupied(&target)) {
        target = dir.join(format!("{stem}-{n}.toml"));
        n += 1;
    }
    target
}

/// The comment lines at the top of an imported file: where it came from
/// (a source's name is the user's text: a line break in it must not end
/// the comment and start a table, #37.8), what the reading noted, and the
/// file it may replace.
fn provenance(shown: &str, f: &Found, replaces: Option<&str>) -> Vec<String> {
    let mut out = vec![
        format!("{FROM}{}", escape_controls(shown)),
        format!("{SHA}{}", f.fingerprint),
    ];
    if let (Some(s), Some(r)) = (&f.sheet, f.row) {
        out.push(format!("{AT}{}, dòng {r}", escape_controls(s)));
    }
    for n in &f.notes {
        out.push(escape_controls(n).into_owned());
    }
    if let Some(old) = replaces {
        out.push(format!(
            "Nguồn đã sửa: có thể thay cho {} (người xét quyết định)",
            escape_controls(old)
        ));
    }
    out
}

/// The file's name before `.toml`: a kh form's own, else the nominee's
/// name, else the source's, as slugs, cut to a length a system takes.
fn file_stem(f: &Found, path: &Path) -> String {
    let from_form = f
        .kept
        .as_ref()
        .and_then(|k| k.file.strip_suffix(".toml"))
        .map(slugify)
        .filter(|s| !s.is_empty());
    let stem = from_form.unwrap_or_else(|| {
        let s = slugify(f.fields.name().unwrap_or(""));
        if s.is_empty() {
            slugify(
                &path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            )
        } else {
            s
        }
    });
    if stem.is_empty() {
        "de-nghi".to_string()
    } else {
        short_slug(stem)
    }
}

/// What the file holds: a kh form's kept nomination under this import's
/// provenance (an earlier import's gives way), else the form written anew.
fn file_text(f: &Found, draft: &Draft) -> String {
    match &f.kept {
        Some(k) => {
            let mut t: String = draft
                .provenance
                .iter()
                .map(|p| format!("# {p}\n"))
                .collect();
            let body: Vec<&str> = k
                .text
                .split_inclusive('\n')
                .skip_while(|l| {
                    [FROM, SHA, AT, REPLACES]
                        .iter()
                        .any(|p| l.starts_with(&format!("# {p}")))
                })
                .collect();
            t.push_str(&body.concat());
            t
        }
        None => crate::template::write(draft),
    }
}

/// A batch's files, written and checked on all cores: each path was
/// settled before, the units' folders are made before their files.
fn write_batch(
    root: &Path,
    new_units: Vec<Known>,
    jobs: Vec<(PathBuf, String)>,
    settings: &crate::config::Settings,
    dry_run: bool,
    lang: Lang,
) -> Result<Tally> {
    new_units
        .par_iter()
        .map(|u| write_unit(root, u, lang))
        .collect::<Result<Vec<()>>>()?;
    let done: Vec<Result<Tally>> = jobs
        .par_iter()
        .map(|(target, text)| {
            if !dry_run {
                write_new(target, text, lang)?;
            }
            let mut t = Tally::default();
            t.add(root, target, text, settings);
            Ok(t)
        })
        .collect();
    let mut tally = Tally::default();
    for t in done {
        tally.merge(t?);
    }
    Ok(tally)
}

/// The report, written as the run goes: what each source became is said
/// batch by batch, never held for the whole run (SPEC §15's JSON is one
/// object; its "imported" list is streamed, the other lists, short, follow).
struct Sink {
    format: Format,
    lang: Lang,
    w: std::io::BufWriter<std::io::Stdout>,
    imported: usize,
    unchanged: usize,
}

impl Sink {
    fn new(format: Format, lang: Lang) -> Result<Sink> {
        let mut sink = Sink {
            format,
            lang,
            w: std::io::BufWriter::new(std::io::stdout()),
            imported: 0,
            unchanged: 0,
        };
        if format == Format::Json {
            sink.put("{\n  \"imported\": [")?;
        }
        Ok(sink)
    }

    fn put(&mut self, s: &str) -> Result<()> {
        use std::io::Write;
        match self.w.write_all(s.as_bytes()) {
            // A closed pipe (`kh import … | head`) ends quietly.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            r => Ok(r?),
        }
    }

    fn batch(&mut self, out: &mut Outcome) -> Result<()> {
        let lang = self.lang;
        for i in std::mem::take(&mut out.imported) {
            let text = match self.format {
                Format::Json => {
                    let sep = if self.imported == 0 { "" } else { "," };
                    format!("{sep}\n    {}", serde_json::to_string(&i)?)
                }
                Format::Human => imported_line(&i, lang),
            };
            self.put(&text)?;
            self.imported += 1;
        }
        if self.format == Format::Human {
            for u in std::mem::take(&mut out.unchanged) {
                self.put(&tr!(
                    lang,
                    "{}{}: không đổi, đã nhập thành {}\n",
                    "{}{}: unchanged, already imported as {}\n",
                    escape_controls(&u.source),
                    at(&u.sheet, u.row, lang),
                    u.path
                ))?;
                self.unchanged += 1;
            }
        }
        Ok(())
    }

    fn finish(mut self, out: &Outcome, root: &Path, tally: &Tally, dry: bool) -> Result<()> {
        use std::io::Write;
        let lang = self.lang;
        match self.format {
            Format::Json => {
                let rest = serde_json::json!({
                    "unchanged": out.unchanged,
                    "skipped": out.skipped,
                    "refused": out.refused,
                });
                let open = if self.imported == 0 { "]" } else { "\n  ]" };
                let mut tail = String::new();
                if let Some(map) = rest.as_object() {
                    for key in ["unchanged", "skipped", "refused"] {
                        let v = map.get(key).cloned().unwrap_or_default();
                        tail.push_str(&format!(",\n  \"{key}\": {}", serde_json::to_string(&v)?));
                    }
                }
                self.put(&format!("{open}{tail}\n}}\n"))?;
            }
            Format::Human => {
                let counts = Counts {
                    imported: self.imported,
                    unchanged: self.unchanged + out.unchanged.len(),
                };
                let text = human(out, root, tally, counts, dry, lang);
                self.put(&text)?;
            }
        }
        match self.w.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            r => Ok(r?),
        }
    }
}

struct Counts {
    imported: usize,
    unchanged: usize,
}

fn at(sheet: &Option<String>, row: Option<usize>, lang: Lang) -> String {
    match (sheet, row) {
        (Some(sh), Some(r)) => tr!(lang, " [{sh}, dòng {r}]", " [{sh}, row {r}]"),
        _ => String::new(),
    }
}

/// "inbox/a.docx → so-y-te/nguyen-van-an.toml (cá nhân, y-te-hai-long)".
fn imported_line(i: &Imported, lang: Lang) -> String {
    // Labels as the form prints them, not keys (SPEC §9.2); JSON keeps keys.
    let labels = |keys: &[String]| {
        keys.iter()
            .map(|k| crate::form::unread_label(k, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let missing = if i.missing.is_empty() {
        String::new()
    } else {
        tr!(lang, "; còn thiếu: {}", "; missing: {}", labels(&i.missing))
    };
    let unread = if i.unread.is_empty() {
        String::new()
    } else {
        tr!(
            lang,
            "; kh chưa đọc được: {} (xem báo cáo gốc)",
            "; kh could not read: {} (see the source)",
            labels(&i.unread)
        )
    };
    let note = i
        .note
        .as_ref()
        .map(|n| format!("{}: {n}\n", escape_controls(&i.source)))
        .unwrap_or_default();
    let replaces = i
        .replaces
        .as_ref()
        .map(|r| {
            tr!(
                lang,
                "; nguồn đã sửa, có thể thay cho {r}",
                "; changed source, may replace {r}"
            )
        })
        .unwrap_or_default();
    format!(
        "{note}{}{} → {} ({}, {}){missing}{unread}{replaces}\n",
        escape_controls(&i.source),
        at(&i.sheet, i.row, lang),
        i.path,
        Kind::parse(i.kind).map_or(i.kind, |k| k.label(lang)),
        i.campaign
            .unwrap_or(lang.pick("chưa rõ phong trào", "campaign not read")),
    )
}

/// What the check of the files written found.
#[derive(Default)]
struct Tally {
    files: usize,
    errors: usize,
    warnings: usize,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
    }

    fn add(&mut self, root: &Path, path: &Path, text: &str, settings: &crate::config::Settings) {
        let rel = path
            .strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string();
        let checked = crate::nomination::check(rel, text, settings);
        self.files += 1;
        for d in &checked.diagnostics {
            match d.severity() {
                crate::diagnostic::Severity::Error => self.errors += 1,
                crate::diagnostic::Severity::Warning => self.warnings += 1,
                _ => {}
            }
        }
    }
}

type Planned<'f> = (&'f Found, Known, Draft);

/// What `--unit`, `--kind` and `--campaign` said.
type Flags<'a> = (
    &'a Option<Known>,
    Option<Kind>,
    Option<crate::campaign::Campaign>,
);

/// Where each nomination of one source goes. A list is one source: a row
/// that cannot be placed refuses the whole of it, so that nothing is half
/// imported.
fn plan_source<'f>(
    founds: &'f [Found],
    path: &Path,
    root: &Path,
    flags: Flags<'_>,
    known: &mut Vec<Known>,
    lang: Lang,
) -> std::result::Result<Vec<Planned<'f>>, (&'static str, String)> {
    let (unit_flag, kind_flag, campaign_flag) = flags;
    let mut planned = Vec::new();
    for f in founds {
        match plan(f, path, unit_flag, kind_flag, campaign_flag, known, lang) {
            // A unit's folder that is a link or a file: that source is
            // refused, the others go on (#37.10).
            Ok(p) if std::fs::symlink_metadata(root.join(&p.1.slug)).is_ok_and(|m| !m.is_dir()) => {
                return Err((
                    "not-regular-file",
                    tr!(
                        lang,
                        "thư mục của đơn vị `{}` trong đợt là một liên kết hay một tệp: kh không ghi vào đó",
                        "the unit's folder `{}` in the round is a link or a file: kh does not write there",
                        p.1.slug
                    ),
                ));
            }
            Ok(p) => planned.push(p),
            Err((code, why)) => {
                let at = match (&f.sheet, f.row) {
                    (Some(s), Some(r)) => {
                        tr!(lang, " (trang {s}, dòng {r})", " (sheet {s}, row {r})")
                    }
                    _ => String::new(),
                };
                return Err((code, format!("{why}{at}")));
            }
        }
    }
    Ok(planned)
}

/// The unit, kind and campaign of one nomination read, or why not.
fn plan<'f>(
    f: &'f Found,
    source: &Path,
    unit_flag: &Option<Known>,
    kind_flag: Option<Kind>,
    campaign_flag: Option<crate::campaign::Campaign>,
    known: &mut Vec<Known>,
    lang: Lang,
) -> std::result::Result<Planned<'f>, (&'static str, String)> {
    let folder = source
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .and_then(|n| units::by_name(known, n));
    let from_form = f.kept.as_ref().map(|k| {
        known
            .iter()
            .find(|u| u.slug == k.unit)
            .cloned()
            .unwrap_or_else(|| Known {
                slug: k.unit.clone(),
                name: k.unit_name.clone(),
                parent: None,
                header: Vec::new(),
                present: false,
            })
    });
    // SPEC §15's order holds: the flag, then the folder. A form kh wrote
    // names its unit too; where it names another, the source is refused
    // rather than let one unit's file fill another's cap (#37.9).
    let by_order = unit_flag.clone().or(folder.cloned());
    if let (Some(u), Some(k)) = (&by_order, &from_form)
        && u.slug != k.slug
    {
        return Err((
            UNIT_NOT_FOUND,
            tr!(
                lang,
                "mẫu kh ghi đơn vị `{}` nhưng tệp được nhập cho `{}` (--unit hoặc thư mục chứa tệp): kiểm tra lại rồi nhập với --unit đúng",
                "the kh form names the unit `{}` but the file is imported for `{}` (--unit or the folder it is in): check, then import with the right --unit",
                escape_controls(&k.slug),
                u.slug
            ),
        ));
    }
    let unit = match by_order.or(from_form.filter(|k| crate::text::is_slug(&k.slug))) {
        Some(u) => u,
        None => match f
            .unit_said
            .slug
            .as_deref()
            .and_then(|s| known.iter().find(|k| k.slug == s))
            .or_else(|| units::by_header(known, &f.unit_said.header))
            .or_else(|| {
                f.unit_said
                    .name
                    .as_deref()
                    .and_then(|n| units::by_name(known, n))
            }) {
            Some(k) => k.clone(),
            None => match (&f.unit_said.name, &f.unit_said.slug) {
                // kh's own workbook: the unit's code and name side by side.
                (Some(name), Some(slug)) if crate::text::is_slug(slug) => {
                    let k = Known {
                        slug: slug.clone(),
                        name: name.clone(),
                        parent: None,
                        header: Vec::new(),
                        present: false,
                    };
                    known.push(k.clone());
                    k
                }
                (Some(name), _) => {
                    let k = new_unit(name, lang).map_err(|e| (UNIT_NOT_FOUND, e.to_string()))?;
                    known.push(k.clone());
                    k
                }
                (None, Some(slug)) if crate::text::is_slug(slug) => {
                    let k = new_unit(slug, lang).map_err(|e| (UNIT_NOT_FOUND, e.to_string()))?;
                    known.push(k.clone());
                    k
                }
                _ => {
                    let read = if f.unit_said.header.is_empty() {
                        tr!(
                            lang,
                            "báo cáo không có tên cơ quan ở đầu",
                            "the report names no body at its top"
                        )
                    } else {
                        tr!(
                            lang,
                            "đầu báo cáo ghi “{}”",
                            "the report's header reads “{}”",
                            f.unit_said.header.join(" / ")
                        )
                    };
                    let r = Refusal::NoUnit(read);
                    return Err((r.code(), r.say(lang)));
                }
            },
        },
    };
    let kind = match kind_flag.or(f.fields.kind) {
        Some(k) => k,
        None => return Err((Refusal::NoKind.code(), Refusal::NoKind.say(lang))),
    };
    let campaign = match campaign_flag {
        Some(c) => Named::One(c),
        None => f.fields.campaign.clone(),
    };
    let draft = f.fields.draft(kind, &campaign);
    Ok((f, unit, draft))
}

/// A unit the round does not have yet, named by a flag or a list's cell.
fn new_unit(said: &str, lang: Lang) -> Result<Known> {
    let said = said.trim();
    let slug = short_slug(slugify(said));
    if slug.is_empty() {
        bail!(tr!(
            lang,
            "`{}` không có chữ cái hay chữ số để làm mã đơn vị",
            "`{}` has no letter or digit to make a unit code of",
            escape_controls(said)
        ));
    }
    Ok(Known {
        name: if said == slug {
            slug.clone()
        } else {
            said.to_string()
        },
        slug,
        parent: None,
        header: Vec::new(),
        present: false,
    })
}

fn write_unit(root: &Path, unit: &Known, lang: Lang) -> Result<()> {
    let dir = root.join(&unit.slug);
    if std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
        bail!(crate::tree::ReadError::Link.say(&dir, lang));
    }
    crate::tree::create_dir_all(&dir, lang)?;
    let descriptor = dir.join(crate::tree::UNIT_FILE);
    if !occupied(&descriptor) {
        let body = format!("name = {}\n", toml::Value::String(unit.name.clone()));
        write_new(&descriptor, &body, lang)?;
    }
    Ok(())
}

/// Sources in batches of at most 64, and of at most [`BATCH_BYTES`] of
/// files together (one source alone may pass it): a batch is read whole on
/// all cores while the one before is written, so sources in flight are
/// bounded by their size, not only by their count (#37.3).
fn batches_of(list: &[Source]) -> Vec<&[Source]> {
    const BATCH_BYTES: u64 = 48 * 1024 * 1024;
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, (_, path, _)) in list.iter().enumerate() {
        let len = std::fs::symlink_metadata(path).map_or(0, |m| m.len());
        if i > start && (i - start == 64 || bytes + len > BATCH_BYTES) {
            out.push(&list[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += len;
    }
    if start < list.len() {
        out.push(&list[start..]);
    }
    out
}

/// The temporary files of imports killed before their rename, in the
/// round's unit folders: removed under the lock, when no run can be
/// writing them.
fn remove_leftovers(root: &Path) {
    let Ok(units) = std::fs::read_dir(root) else {
        return;
    };
    for u in units.flatten() {
        if !u.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let Ok(files) = std::fs::read_dir(u.path()) else {
            continue;
        };
        for f in files.flatten() {
            let ours = f
                .file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(TEMP_PREFIX));
            if ours && f.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::fs::remove_file(f.path());
            }
        }
    }
}

/// Whether a name is taken: by anything but an empty file, which is what a
/// run killed by an older kh left and a rerun writes over (#37.5).
fn occupied(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| !(m.is_file() && m.len() == 0))
}

/// Creates a file that must not exist yet, whole or not at all: written to
/// a temporary file beside it, then linked into place without replacing
/// anything (a kill leaves at most the temporary file, #37.5).
fn write_new(path: &Path, text: &str, lang: Lang) -> Result<()> {
    use std::io::Write;
    let failed = |e: &dyn std::fmt::Display| {
        anyhow::anyhow!(tr!(
            lang,
            "không ghi được {}: {e}",
            "could not write {}: {e}",
            escape_controls(&path.display().to_string())
        ))
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    // An empty file at the name is an earlier run's leftover: it goes.
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0) {
        std::fs::remove_file(path).map_err(|e| failed(&e))?;
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
        .map_err(|e| failed(&e))?;
    tmp.write_all(text.as_bytes()).map_err(|e| failed(&e))?;
    tmp.persist_noclobber(path).map_err(|e| failed(&e.error))?;
    Ok(())
}

fn human(
    out: &Outcome,
    root: &Path,
    tally: &Tally,
    counts: Counts,
    dry: bool,
    lang: Lang,
) -> String {
    let mut s = String::new();
    for r in &out.skipped {
        s.push_str(&tr!(
            lang,
            "{}: bỏ qua — {}\n",
            "{}: skipped — {}\n",
            escape_controls(&r.source),
            r.reason
        ));
    }
    for r in &out.refused {
        s.push_str(&tr!(
            lang,
            "{}: không nhập — {}\n",
            "{}: not imported — {}\n",
            escape_controls(&r.source),
            r.reason
        ));
    }
    let verb = if dry {
        lang.pick("Sẽ nhập", "Would import")
    } else {
        lang.pick("Đã nhập", "Imported")
    };
    s.push_str(&tr!(
        lang,
        "{verb} {}; không đổi {}; bỏ qua {}; không nhập {}.\n",
        "{verb} {}; unchanged {}; skipped {}; refused {}.\n",
        counts.imported,
        counts.unchanged,
        out.skipped.len(),
        out.refused.len()
    ));
    if tally.files > 0 {
        let (errors, warnings) = (tally.errors, tally.warnings);
        s.push_str(&tr!(
            lang,
            "Kiểm tra các tệp {}: {errors} lỗi, {warnings} cảnh báo — xem chi tiết: kh validate {}\n",
            "Check of the files {}: {errors} errors, {warnings} warnings — details: kh validate {}\n",
            if dry { lang.pick("sẽ ghi", "to be written") } else { lang.pick("vừa ghi", "written") },
            escape_controls(&root.display().to_string())
        ));
    }
    s
}
