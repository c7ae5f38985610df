//! The whole check of a round: walk, read and check every file once (in
//! parallel), then the cross-file rules of SPEC §6. `kh validate` and
//! `kh summary` both stand on this one pass.

use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::num::NonZeroU64;
use std::path::Path;
use std::sync::Arc;

use anyhow::Result;
use rayon::prelude::*;

use crate::config::{self, Settings, UnitInfo};
use crate::diagnostic::{self, Diagnostic, Location, Rule, Severity, Tally};
use crate::lang::Lang;
use crate::messages::{DUPLICATES_NAMED, UnevidencedCriteria, What};
use crate::nomination::{self, Identity, Nomination};
use crate::review::{self, Book, Status};
use crate::tree::{self, Entry, Layout};

#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub lang: Lang,
    /// Show a progress bar on stderr for a large round (a person at a
    /// terminal is waiting; a pipe or a script is not).
    pub progress: bool,
    /// How the process hands memory back, which the binary decides
    /// (`main.rs`): the library holds no `unsafe` code of its own.
    pub memory: Memory,
}

/// The allocator policy a long run asks the binary for: by default, none.
#[derive(Clone, Copy, Debug)]
pub struct Memory {
    /// Before the first worker thread starts: one malloc arena per worker.
    pub arena_per_worker: fn(),
    /// Between batches of a long run: return freed memory to the system.
    pub give_back: fn(),
}

impl Default for Memory {
    fn default() -> Memory {
        Memory {
            arena_per_worker: || {},
            give_back: || {},
        }
    }
}

/// Below this many files a run is over before a bar would be read.
const PROGRESS_FROM: usize = 2000;

/// One nomination file and what came of it.
#[derive(Debug)]
pub struct Record {
    /// Shared with the file's findings.
    pub path: Arc<str>,
    /// Its unit's place in [`Report::units`] (see [`Report::unit_of`]).
    pub unit: u32,
    /// `None` when the file could not be read or parsed.
    pub nomination: Option<Nomination>,
    pub tally: Tally,
    /// Sở Nội vụ's decision on it, if any, and whether it still holds.
    pub review: review::State,
    /// Its criteria no achievement backs. Kept here, not among the round's
    /// findings: a real round has such a note on nearly every file, and a
    /// finding costs several times these bytes (see [`Report::notes`]).
    pub unevidenced: Option<Unevidenced>,
    /// A hash of who is nominated ([`Nomination::identity`]), made while
    /// the file is checked on all cores; `duplicate-nominee` sorts these.
    identity: Option<std::num::NonZeroU64>,
    /// A hash of the person's name without diacritics and birth date, for
    /// the "may be the same" duplicates.
    plain: Option<std::num::NonZeroU64>,
}

/// A nomination's `unevidenced-criterion` finding, in the bytes it needs.
#[derive(Clone, Copy, Debug)]
pub struct Unevidenced {
    pub criteria: UnevidencedCriteria,
    pub at: Option<Location>,
}

#[derive(Debug)]
pub struct UnitRecord {
    pub slug: String,
    pub info: UnitInfo,
    /// The roster's slug this folder stands for under another code.
    pub roster: Option<String>,
    pub nominations: usize,
    /// The whole unit's nominations, counted toward the cap: this folder's,
    /// and those of the other folders that are the same unit (SPEC §6).
    pub whole_unit: usize,
    /// Its own problems and its files'.
    pub tally: Tally,
}

/// Everything a run found.
#[derive(Debug)]
pub struct Report {
    /// The root as the user named it, for display (as `Layout`'s).
    pub root_display: String,
    /// The root on disk, to read a file back when a person is shown it.
    pub root: std::path::PathBuf,
    pub settings: Settings,
    pub units: Vec<UnitRecord>,
    pub records: Vec<Record>,
    /// Nomination files directly in the root (`outside-unit`).
    pub stray: Vec<String>,
    /// Files in unit folders that are no nomination, not read.
    pub skipped: Vec<String>,
    /// Files that look like nominations but are not named `*.toml`.
    pub misnamed: Vec<String>,
    /// `review.toml`'s decisions.
    pub book: Book,
    /// Sorted by path, then line.
    pub diagnostics: Vec<Diagnostic>,
    /// Where a file's shown path cannot spell it (a name that is not UTF-8):
    /// its path below the root. Empty in a round of well-named files.
    os_paths: HashMap<Arc<str>, std::path::PathBuf>,
}

impl Record {
    /// How many `unevidenced-criterion` notes it keeps.
    pub fn unevidenced_count(&self) -> usize {
        self.unevidenced
            .map_or(0, |u| u.criteria.mask.count_ones() as usize)
    }
}

impl UnitRecord {
    /// Its name from `unit.toml`, or its slug when it gives none.
    pub fn name(&self) -> &str {
        self.info.name.as_deref().unwrap_or(&self.slug)
    }
}

impl Report {
    /// The unit a record belongs to. Records are made with their unit's
    /// place in this report's list, which the report keeps whole.
    /// Whether Sở Nội vụ's decision on a nomination is "không đạt", even
    /// one the file has changed since: such a nomination is in no list and
    /// on no page, not even a preview's (SPEC §12, §13).
    pub fn rejected(&self, r: &Record) -> bool {
        self.book
            .decision(r.review)
            .is_some_and(|d| d.status == review::Status::KhongDat)
    }

    pub fn unit_of(&self, r: &Record) -> &UnitRecord {
        &self.units[r.unit as usize]
    }

    /// The counts of every finding, those kept with the records included.
    pub fn tally(&self) -> Tally {
        let mut t = Tally::of(&self.diagnostics);
        t.add_n(
            Severity::Note,
            self.records.iter().map(Record::unevidenced_count).sum(),
        );
        t
    }

    /// The findings kept with the records, as findings, in the contract's
    /// order (by path: a file has one at most). They are merged with
    /// [`Report::diagnostics`] when a report is printed.
    pub fn notes(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        let mut order: Vec<u32> = (0..self.records.len())
            .filter(|&i| self.records[i].unevidenced.is_some())
            .map(|i| i as u32)
            .collect();
        // The walk gives folders and files in name order, which is the
        // paths' order but where a name sorts before `/` ("a-b" and "a").
        let path = |i: &u32| &*self.records[*i as usize].path;
        if !order.is_sorted_by_key(path) {
            order.sort_unstable_by_key(path);
        }
        order.into_iter().filter_map(|i| {
            let r = &self.records[i as usize];
            let u = r.unevidenced?;
            Some(Diagnostic::unevidenced(r.path.clone(), u.at, u.criteria))
        })
    }

    /// The file of a record, to be read again under the walk's guards.
    pub fn entry(&self, r: &Record) -> Entry {
        Entry::found(
            r.path.clone(),
            self.os_paths.get(&r.path).map(|p| p.as_path()),
        )
    }

    /// The status a nomination counts as (stale decisions: `cho-xet`).
    pub fn status(&self, r: &Record) -> Status {
        self.book.status(r.review)
    }

    /// The roster's units that sent no nomination file (SPEC §11).
    pub fn missing_units(&self) -> Vec<(&str, &str)> {
        self.settings
            .expected
            .iter()
            .filter(|(slug, _)| {
                !self.units.iter().any(|u| {
                    (u.slug == *slug || u.roster.as_deref() == Some(slug.as_str()))
                        && u.nominations > 0
                })
            })
            .map(|(s, n)| (s.as_str(), n.as_str()))
            .collect()
    }
}

/// Checks whatever `target` names: a root, a unit or a file.
pub fn run(target: &Path, opts: Options) -> Result<Report> {
    let layout = tree::resolve(target, opts.lang)?;
    Ok(check_layout(layout, opts))
}

/// Checks a round found on disk. Findings are recorded, not worded: the
/// language is chosen when they are printed.
pub fn check_layout(mut layout: Layout, opts: Options) -> Report {
    let mut diags = std::mem::take(&mut layout.problems);
    let settings = read_settings(&layout, &mut diags);
    // The round's cap is Sở Nội vụ's setting: said on a run over the whole
    // round, not to a clerk checking one unit.
    if !layout.whole {
        diags.retain(|d| d.rule() != Rule::CapChanged);
    }
    for entry in &layout.stray {
        diags.push(Diagnostic::new(entry.rel.clone(), What::OutsideUnit));
    }
    let book = read_book(&layout, &mut diags);
    let sent: Vec<usize> = layout.units.iter().map(|u| u.files.len()).collect();
    let hasher = std::collections::hash_map::RandomState::new();
    let os_paths: HashMap<Arc<str>, std::path::PathBuf> = layout
        .units
        .iter()
        .flat_map(|u| &u.files)
        .filter_map(|e| Some((e.rel.clone(), e.os_rel()?.to_path_buf())))
        .collect();
    let (mut records, findings) = check_files(&mut layout, &settings, &book, &hasher, opts);
    reviews(&records, &book, &mut diags);
    if layout.whole {
        orphans(&records, &book, &mut diags);
    }

    // Records come in the walk's order, unit by unit. Units are read on all
    // cores too: a round has a `unit.toml` for every three nominations.
    let mut spans = Vec::with_capacity(sent.len());
    let mut offset = 0;
    for n in sent {
        spans.push(offset..offset + n);
        offset += n;
    }
    let (units, unit_diags): (Vec<UnitRecord>, Vec<Vec<Diagnostic>>) = layout
        .units
        .par_iter()
        .zip(spans)
        .map(|(unit, span)| {
            let mut found = Vec::new();
            let u = unit_record(unit, &records[span], &layout.root, &settings, &mut found);
            (u, found)
        })
        .unzip();
    diags.extend(unit_diags.into_iter().flatten());
    let mut units = units;
    split_units(&mut units, &records, &settings, &mut diags);

    duplicates(&records, &layout.root, &mut diags);
    // A wrong or empty folder is never "0 errors, ready" (SPEC §6).
    if records.is_empty() && layout.stray.is_empty() {
        let at = match layout.units.as_slice() {
            [one] if !layout.whole => one.slug.clone(),
            _ => ".".to_string(),
        };
        diags.push(Diagnostic::new(
            at,
            What::NoNominations {
                root: layout.root_display.clone(),
            },
        ));
    }
    // Each record has counted its own file's findings; what is in `diags`
    // now is the round's (few) other findings.
    tally_round(&mut records, &diags);
    // The round's few are added to the files' many, not the other way round.
    let mut diags = {
        let mut all = findings;
        all.extend(diags);
        all
    };
    diagnostic::sort(&mut diags);
    tally_units(&mut units, &records, &diags);
    Report {
        root: layout.root.clone(),
        root_display: layout.root_display,
        settings,
        units,
        records,
        stray: layout
            .stray
            .into_iter()
            .map(|e| e.rel.to_string())
            .collect(),
        skipped: layout.skipped,
        misnamed: layout.misnamed,
        book,
        diagnostics: diags,
        os_paths,
    }
}

/// `review.toml`, when the root has one. Its own problems are reported only
/// for a run over the whole round: a clerk checking one unit is not asked to
/// mend Sở Nội vụ's file. Each decision keeps where it stands, to point an
/// orphan at its line: the text itself is not kept.
fn read_book(layout: &Layout, diags: &mut Vec<Diagnostic>) -> Book {
    let Some(entry) = &layout.review else {
        return Book::default();
    };
    let text = tree::read_bytes_within(&layout.root, entry, review::MAX_REVIEW_BYTES)
        .and_then(|b| tree::decode_entry(entry, b));
    match text {
        Ok(text) => {
            let (book, d) = review::read(&entry.rel, &text);
            if layout.whole {
                diags.extend(d);
            }
            book
        }
        Err(d) => {
            if layout.whole {
                diags.push(*d);
            }
            Book::default()
        }
    }
}

/// What each nomination's decision means now: stale when its bytes changed
/// since; returned or rejected, with the reviewer's note, when it holds.
fn reviews(records: &[Record], book: &Book, diags: &mut Vec<Diagnostic>) {
    for r in records {
        let Some(d) = book.decision(r.review) else {
            continue;
        };
        // Sở Nội vụ's note whole, never cut: it says what the unit must do.
        let note = crate::text::escape_controls(d.note.as_deref().unwrap_or("")).into_owned();
        let reviewer = d
            .reviewer
            .as_deref()
            .map(|r| crate::text::escape_controls(r).into_owned());
        if r.review.stale {
            diags.push(Diagnostic::new(
                r.path.clone(),
                What::ReviewStale {
                    status: d.status,
                    date: d.date,
                    path: r.path.to_string(),
                },
            ));
            continue;
        }
        match d.status {
            Status::BoSung => diags.push(Diagnostic::new(
                r.path.clone(),
                What::ReviewReturned {
                    date: d.date,
                    reviewer,
                    note,
                },
            )),
            Status::KhongDat => diags.push(Diagnostic::new(
                r.path.clone(),
                What::ReviewRejected {
                    date: d.date,
                    reviewer,
                    note,
                },
            )),
            Status::Dat | Status::ChoXet => {}
        }
    }
}

/// Decisions whose file is not in the round: a file renamed or removed.
/// The file meant is looked for among the same unit's files, else among the
/// files of the same name in other folders (a unit renamed): never among
/// the whole round, which made a register copied from last year cost
/// entries × files comparisons (#37.11).
fn orphans(records: &[Record], book: &Book, diags: &mut Vec<Diagnostic>) {
    let known: std::collections::HashSet<&str> = records.iter().map(|r| &*r.path).collect();
    let mut by_unit: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut by_name: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in records {
        let (unit, name) = r.path.rsplit_once('/').unwrap_or(("", &r.path));
        by_unit.entry(unit).or_default().push(&r.path);
        by_name.entry(name).or_default().push(&r.path);
    }
    // Past this many candidates a suggestion is no help, and not looked for.
    const MAX_CANDIDATES: usize = 64;
    for d in &book.decisions {
        if known.contains(d.path.as_str()) {
            continue;
        }
        let (unit, name) = d.path.rsplit_once('/').unwrap_or(("", &d.path));
        let candidates = by_unit
            .get(unit)
            .filter(|c| !c.is_empty())
            .or_else(|| by_name.get(name))
            .filter(|c| c.len() <= MAX_CANDIDATES);
        let hint = candidates
            .and_then(|c| crate::text::closest(&d.path, c.iter().copied()))
            .map(String::from);
        diags.push(
            Diagnostic::new(
                review::REVIEW_FILE,
                What::ReviewOrphan {
                    path: crate::text::shown(&d.path),
                    hint,
                },
            )
            .at(Some(d.at)),
        );
    }
}

/// The round's settings from `kh.toml`, or the defaults.
fn read_settings(layout: &Layout, diags: &mut Vec<Diagnostic>) -> Settings {
    let Some(entry) = &layout.config else {
        return Settings::default();
    };
    match tree::read_text(&layout.root, entry) {
        Ok(text) => {
            let (s, d) = config::read_round(&entry.rel, &text);
            diags.extend(d);
            s
        }
        Err(d) => {
            diags.push(*d);
            Settings::default()
        }
    }
}

/// Every file of every unit, read and checked on all cores. The results
/// come in the order of the walk, whatever the scheduling; each entry is
/// consumed as it is checked, so only what its record keeps stays in memory.
fn check_files(
    layout: &mut Layout,
    settings: &Settings,
    book: &Book,
    hasher: &RandomState,
    opts: Options,
) -> (Vec<Record>, Vec<Diagnostic>) {
    // Sized once: grown by doubling, a large round's list of files would be
    // copied as it grows and hold up to twice its room.
    let mut jobs: Vec<(usize, Entry)> =
        Vec::with_capacity(layout.units.iter().map(|u| u.files.len()).sum());
    for (i, u) in layout.units.iter_mut().enumerate() {
        jobs.extend(std::mem::take(&mut u.files).into_iter().map(|f| (i, f)));
    }
    let bar = if opts.progress && jobs.len() >= PROGRESS_FROM {
        indicatif::ProgressBar::new(jobs.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let root = &layout.root;
    // Findings go straight into one vector as each file is done (their
    // order is the sort's, later), so a round never holds a vector per file
    // and a flattened copy at once. UnevidencedCriteria criteria stay with the record.
    let sink = std::sync::Mutex::new(Vec::new());
    let records: Vec<Record> = jobs
        .into_par_iter()
        .map(|(unit, entry)| {
            // Only a reviewed file is fingerprinted: most of a round is not.
            let decision = book.get(&entry.rel);
            // One path for the record and every finding of the file.
            let path = entry.rel.clone();
            let seal = decision.map(|i| &book.decisions[i as usize].sha256);
            let (result, holds) = check_file(root, &entry, path.clone(), settings, seal);
            // Counted here rather than through indicatif's rayon adaptor,
            // which turns the indexed collect into a costlier one.
            bar.inc(1);
            let stale = decision.is_some() && !holds;
            let mut result = result;
            let tally = Tally::of(&result.diagnostics);
            let unevidenced = take_unevidenced(&mut result.diagnostics);
            let nom = result.nomination.as_ref();
            let hash = |h: u64| NonZeroU64::new(h).unwrap_or(NonZeroU64::MIN);
            let (identity, plain) = nom.map(Nomination::identities).unwrap_or_default();
            let identity = identity.map(|id| hash(hasher.hash_one(&id)));
            let plain = plain.map(|id| hash(hasher.hash_one(&id)));
            let record = Record {
                plain,
                path,
                unit: u32::try_from(unit).unwrap_or(u32::MAX),
                nomination: result.nomination,
                tally,
                review: review::State { decision, stale },
                unevidenced,
                identity,
            };
            if !result.diagnostics.is_empty()
                && let Ok(mut v) = sink.lock()
            {
                v.extend(result.diagnostics);
            }
            record
        })
        .collect();
    bar.finish_and_clear();
    let findings = sink.into_inner().unwrap_or_else(|e| e.into_inner());
    (records, findings)
}

/// Takes a file's unevidenced-criteria finding out of its findings, to be
/// kept with its record. One that tells of findings past the file's limit
/// (`more`) stays where it is, being more than the note.
fn take_unevidenced(diags: &mut Vec<Diagnostic>) -> Option<Unevidenced> {
    let i = diags
        .iter()
        .position(|d| d.more == 0 && matches!(d.what, What::UnevidencedCriteria(_)))?;
    let d = diags.swap_remove(i);
    let What::UnevidencedCriteria(criteria) = d.what else {
        return None;
    };
    Some(Unevidenced {
        criteria,
        at: d.location,
    })
}

/// A unit: its descriptor (or the warning that it has none) and the cap.
fn unit_record(
    unit: &tree::UnitDir,
    files: &[Record],
    root: &Path,
    settings: &Settings,
    diags: &mut Vec<Diagnostic>,
) -> UnitRecord {
    let info = match &unit.descriptor {
        Some(entry) => match tree::read_text(root, entry) {
            Ok(text) => {
                let (info, d) = config::read_unit(&entry.rel, &text);
                diags.extend(d);
                info
            }
            Err(d) => {
                diags.push(*d);
                UnitInfo::default()
            }
        },
        None => {
            diags.push(Diagnostic::new(
                unit.slug.as_str(),
                What::UnitMissingDescriptor {
                    slug: unit.slug.clone(),
                },
            ));
            UnitInfo::default()
        }
    };
    let mut roster = None;
    if !settings.expected.is_empty() && !settings.expected.iter().any(|(s, _)| *s == unit.slug) {
        // The same unit under another code (SPEC §6): the roster's
        // name is the folder's unit.toml name, or the folder's slug extends
        // the roster's (`cong-an-tinh` and `cong-an-tinh-ha-nam`).
        let name = info.name.as_deref().map(crate::text::fold_key);
        roster = settings
            .expected
            .iter()
            .find(|(s, n)| {
                name.as_deref() == Some(crate::text::fold_key(n).as_str())
                    || unit.slug.starts_with(&format!("{s}-"))
            })
            .map(|(s, _)| s.clone());
        let hint = roster.clone().or_else(|| {
            crate::text::closest(
                &unit.slug,
                settings.expected.iter().map(|(s, _)| s.as_str()),
            )
            .map(String::from)
        });
        diags.push(Diagnostic::new(
            unit.slug.as_str(),
            What::UnexpectedUnit {
                slug: crate::text::shown(&unit.slug),
                hint,
                same: roster.is_some(),
            },
        ));
    }
    // A resent report and the file it may replace are one nomination until
    // a person removes one (SPEC §15.1).
    let counted = files.len() - replaced(files).len();
    if counted > settings.cap {
        diags.push(Diagnostic::new(
            unit.slug.as_str(),
            What::UnitOverCap {
                n: counted,
                cap: settings.cap,
                paths: files.iter().map(|r| r.path.to_string()).collect(),
                folders: Vec::new(),
            },
        ));
    }
    UnitRecord {
        slug: unit.slug.clone(),
        info,
        nominations: counted,
        whole_unit: counted,
        tally: Tally::default(),
        roster,
    }
}

/// The groups of folders that are one unit (SPEC §6), given each
/// folder's slug and `unit.toml` name: alike names, or a name mapped to one
/// roster entry; separate roster codes never merge. Each group of two or
/// more, its folders by path, the groups in order.
pub fn unit_groups(units: &[(&str, Option<&str>)], settings: &Settings) -> Vec<Vec<usize>> {
    #[derive(PartialEq, Eq, Hash)]
    enum Key {
        Roster(usize),
        Name(String),
    }
    let roster: Vec<String> = settings
        .expected
        .iter()
        .map(|(_, n)| crate::text::unit_key(n))
        .collect();
    let mut groups: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, (slug, name)) in units.iter().enumerate() {
        let name = name.map(crate::text::unit_key);
        let key = if let Some(r) = settings.expected.iter().position(|(s, _)| s == slug) {
            Key::Roster(r)
        } else if let Some(name) = name.filter(|n| !n.is_empty()) {
            match roster.iter().position(|r| *r == name) {
                Some(r) => Key::Roster(r),
                None => Key::Name(name),
            }
        } else {
            continue;
        };
        groups.entry(key).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    for g in &mut groups {
        g.sort_by(|a, b| units[*a].0.cmp(units[*b].0));
    }
    groups.sort();
    groups
}

/// Folders that are one unit (SPEC §6): their `unit.toml` names are
/// alike, or they map by name to one roster entry. The cap counts the unit,
/// so their files are counted together; the first folder by path carries
/// `split-unit` and, over the cap, the one `unit-over-cap`, in place of each
/// folder's own. Separate roster codes never merge, nor does a slug prefix.
fn split_units(
    units: &mut [UnitRecord],
    records: &[Record],
    settings: &Settings,
    diags: &mut Vec<Diagnostic>,
) {
    let named: Vec<(&str, Option<&str>)> = units
        .iter()
        .map(|u| (u.slug.as_str(), u.info.name.as_deref()))
        .collect();
    let groups = unit_groups(&named, settings);
    if groups.is_empty() {
        return;
    }
    let split: std::collections::HashSet<&str> = groups
        .iter()
        .flatten()
        .map(|&i| units[i].slug.as_str())
        .collect();
    // Each folder's own cap and "same unit as the roster's" findings give way
    // to the unit's.
    diags.retain(|d| {
        let own = match &d.what {
            What::UnitOverCap { .. } => true,
            What::UnexpectedUnit { same, .. } => *same,
            _ => false,
        };
        !(own && split.contains(d.path.as_ref()))
    });
    let mut paths_of: HashMap<&str, Vec<String>> = HashMap::new();
    for r in records {
        paths_of
            .entry(units[r.unit as usize].slug.as_str())
            .or_default()
            .push(r.path.to_string());
    }
    let mut found = Vec::new();
    for g in &groups {
        let first = &units[g[0]];
        let others: Vec<String> = g[1..].iter().map(|&i| units[i].slug.clone()).collect();
        found.push(Diagnostic::new(
            first.slug.as_str(),
            What::SplitUnit {
                name: crate::text::escape_controls(first.name()).into_owned(),
                others: others.clone(),
            },
        ));
        let n: usize = g.iter().map(|&i| units[i].nominations).sum();
        if n > settings.cap {
            let paths = g
                .iter()
                .flat_map(|&i| paths_of.get(units[i].slug.as_str()).into_iter().flatten())
                .cloned()
                .collect();
            found.push(Diagnostic::new(
                first.slug.as_str(),
                What::UnitOverCap {
                    n,
                    cap: settings.cap,
                    paths,
                    folders: others,
                },
            ));
        }
    }
    for g in groups {
        let n: usize = g.iter().map(|&i| units[i].nominations).sum();
        for i in g {
            units[i].whole_unit = n;
        }
    }
    diags.extend(found);
}

/// One file checked, and whether the decision sealed with `seal` (a
/// reviewed file's) still holds for its bytes; an unread file holds none.
fn check_file(
    root: &Path,
    entry: &Entry,
    path: Arc<str>,
    settings: &Settings,
    seal: Option<&review::Seal>,
) -> (nomination::Checked, bool) {
    let failed = |d: Box<Diagnostic>| nomination::Checked {
        nomination: None,
        diagnostics: vec![*d],
    };
    let bytes = match tree::read_bytes(root, entry) {
        Ok(b) => b,
        Err(d) => return (failed(d), seal.is_none_or(|s| *s == review::Seal::Absent)),
    };
    let holds = seal.is_none_or(|s| s.holds(&bytes));
    let checked = match tree::decode_entry(entry, bytes) {
        Ok(text) => {
            let mut checked = nomination::check(path.clone(), &text, settings);
            photo_on_disk(root, entry, &text, path, &mut checked);
            checked
        }
        Err(d) => failed(d),
    };
    (checked, holds)
}

/// A nomination's photo is a file beside it, within the size SPEC §3 sets.
fn photo_on_disk(
    root: &Path,
    entry: &Entry,
    text: &str,
    path: Arc<str>,
    checked: &mut nomination::Checked,
) {
    let Some(photo) = checked.nomination.as_ref().and_then(|n| n.photo.as_ref()) else {
        return;
    };
    let file = entry.path(root).with_file_name(&*photo.file);
    let problem = match std::fs::symlink_metadata(&file) {
        Ok(m) if m.is_file() && m.len() <= nomination::PHOTO_MAX_BYTES => return,
        Ok(m) if m.is_file() => crate::messages::PhotoProblem::TooBig,
        _ => crate::messages::PhotoProblem::Missing,
    };
    let span = photo.span.start as usize..photo.span.end as usize;
    let at = crate::diagnostic::LineIndex::new(text).locate(text, span);
    checked.diagnostics.push(
        Diagnostic::new(
            path,
            What::PhotoFile {
                file: photo.file.to_string(),
                problem,
            },
        )
        .at(Some(at)),
    );
}

/// The files of one folder that another file of it names in `[import]
/// replaces` (a resent report, SPEC §15.1), by their place in `files`.
pub fn replaced(files: &[Record]) -> std::collections::BTreeSet<usize> {
    let mut out = std::collections::BTreeSet::new();
    for (i, r) in files.iter().enumerate() {
        let Some(target) = r.nomination.as_ref().and_then(|n| n.replaces.as_deref()) else {
            continue;
        };
        let unit = r.path.rsplit_once('/').map_or("", |(u, _)| u);
        let full = if unit.is_empty() {
            target.to_string()
        } else {
            format!("{unit}/{target}")
        };
        if let Some(j) = files.iter().position(|o| *o.path == *full)
            && j != i
            && !out.contains(&i)
        {
            out.insert(j);
        }
    }
    out
}

/// `duplicate-nominee`: one warning on each file, naming the others; the
/// same for names that may be one, one typed without diacritics. A file a
/// resent report replaces is no duplicate of it (SPEC §15.1).
fn duplicates(records: &[Record], root: &Path, diags: &mut Vec<Diagnostic>) {
    let gone = replaced(records);
    let mut groups: Vec<(Vec<usize>, bool)> = same_identity(records)
        .into_iter()
        .map(|g| (g, false))
        .chain(maybe_same(records).into_iter().map(|g| (g, true)))
        .map(|(g, p)| (g.into_iter().filter(|i| !gone.contains(i)).collect(), p))
        .filter(|(g, _): &(Vec<usize>, bool)| g.len() > 1)
        .collect();
    groups.sort();
    for (group, possible) in groups {
        for &i in &group {
            // At most a few named: a finding per file, each naming every
            // other, grew with the square of the copies (SPEC §6).
            let others: Vec<String> = group
                .iter()
                .filter(|&&j| j != i)
                .take(DUPLICATES_NAMED)
                .map(|&j| records[j].path.to_string())
                .collect();
            let more = group.len() - 1 - others.len();
            let nom = records[i].nomination.as_ref();
            let name = nom.and_then(|n| n.name.as_deref()).unwrap_or("");
            let name = crate::text::shown(name);
            let location = nom
                .and_then(|n| n.name_span.clone())
                .map(|s| s.start as usize..s.end as usize)
                .and_then(|span| name_location(root, &records[i].path, span));
            diags.push(
                Diagnostic::new(
                    records[i].path.clone(),
                    What::DuplicateNominee {
                        name,
                        others,
                        more,
                        possible,
                    },
                )
                .at(location),
            );
        }
    }
}

/// The groups of records that name the same nominee. Each record carries
/// a hash of its identity; identities are built again only where two hashes
/// meet, since a map from every identity to its files would be the largest
/// thing a round holds.
fn same_identity(records: &[Record]) -> Vec<Vec<usize>> {
    let identity = |i: usize| {
        records[i]
            .nomination
            .as_ref()
            .and_then(Nomination::identity)
    };
    let mut groups = Vec::new();
    for run in equal_hashes(records, |r| r.identity) {
        // Equal hashes, most likely one identity; the identities decide.
        let mut ids: Vec<(Identity, usize)> = run
            .into_iter()
            .filter_map(|i| identity(i).map(|id| (id, i)))
            .collect();
        ids.sort();
        for same in ids.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
            groups.push(same.iter().map(|&(_, i)| i).collect());
        }
    }
    groups
}

/// The records that share a hash with another, run by run: sorting the
/// hashes finds them without a map of every key.
fn equal_hashes(
    records: &[Record],
    hash: impl Fn(&Record) -> Option<NonZeroU64>,
) -> Vec<Vec<usize>> {
    let mut hashes: Vec<(NonZeroU64, usize)> = records
        .iter()
        .enumerate()
        .filter_map(|(i, r)| hash(r).map(|h| (h, i)))
        .collect();
    hashes.sort_unstable();
    hashes
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
        .map(|run| run.iter().map(|&(_, i)| i).collect())
        .collect()
}

/// Groups of persons whose names are equal once diacritics are removed,
/// same birth date, where one name has no diacritic at all and the two are
/// not already the same identity ("Nguyen Van Hung" and "Nguyễn Văn Hùng";
/// never "Nguyễn Văn Hùng" and "Nguyễn Văn Hưng").
fn maybe_same(records: &[Record]) -> Vec<Vec<usize>> {
    let name = |i: usize| {
        records[i]
            .nomination
            .as_ref()
            .and_then(|n| n.name.as_deref())
            .map(crate::text::fold_key)
            .unwrap_or_default()
    };
    let bare = |s: &str| crate::text::strip_diacritics(s) == s;
    let mut groups = Vec::new();
    for run in equal_hashes(records, |r| r.plain) {
        let members: Vec<(usize, String)> = run.into_iter().map(|i| (i, name(i))).collect();
        // Only where a bare name meets one written otherwise: the bare ones
        // and those they may stand for.
        let keep: Vec<usize> = members
            .iter()
            .filter(|(_, n)| members.iter().any(|(_, o)| o != n && (bare(n) || bare(o))))
            .map(|(i, _)| *i)
            .collect();
        if keep.len() > 1 {
            groups.push(keep);
        }
    }
    groups
}

/// Where a name is written. Only its span is kept (see
/// [`Nomination::name_span`]), so the file is read again: duplicates are
/// few, and a large round need not keep a line per file.
fn name_location(root: &Path, rel: &str, span: std::ops::Range<usize>) -> Option<Location> {
    let entry = Entry::new(root, &root.join(rel), tree::EntryKind::File);
    let text = tree::read_text(root, &entry).ok()?;
    text.get(span.clone())?;
    Some(Location::in_text(&text, span))
}

/// Adds the round's findings about files (cap, duplicates, reviews) to the
/// files' own counts.
fn tally_round(records: &mut [Record], diags: &[Diagnostic]) {
    let mut per_path: HashMap<&str, Tally> = HashMap::new();
    for d in diags {
        per_path
            .entry(&*d.path)
            .or_default()
            .add_n(d.severity(), d.count());
    }
    if per_path.is_empty() {
        return;
    }
    for r in records.iter_mut() {
        if let Some(t) = per_path.get(&*r.path) {
            r.tally += *t;
        }
    }
}

/// Counts each unit's problems, its files' included.
fn tally_units(units: &mut [UnitRecord], records: &[Record], diags: &[Diagnostic]) {
    let unit_index: HashMap<&str, usize> = units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.slug.as_str(), i))
        .collect();
    let mut counts = vec![Tally::default(); units.len()];
    for d in diags {
        let unit = d.path.split('/').next().unwrap_or("");
        if let Some(&i) = unit_index.get(unit) {
            counts[i].add_n(d.severity(), d.count());
        }
    }
    for r in records {
        if let Some(c) = counts.get_mut(r.unit as usize) {
            c.add_n(Severity::Note, r.unevidenced_count());
        }
    }
    for (u, t) in units.iter_mut().zip(counts) {
        u.tally = t;
    }
}
