//! Intake (SPEC §15): the units' Word reports and Excel lists read into
//! nomination files, written by the same writer as `kh nominate new`.
//!
//! - [`package`] opens a source under limits and names what it refuses;
//! - [`wordml`] turns a report's body into paragraphs and tables;
//! - [`report`] reads the plan's form off those, by its labels;
//! - [`sheets`] reads a workbook's sheets as text, under the same limits;
//! - [`list`] reads a list's rows;
//! - [`units`] settles which unit of the round a source belongs to;
//! - `kh import` (`commands/import.rs`) is the command around them.

pub mod kept;
pub mod list;
pub mod package;
pub mod report;
pub mod sheets;
pub mod units;
pub mod wordml;

use crate::form::NomineeKey;
use std::path::Path;

use crate::campaign::Campaign;
use crate::template::{Draft, DraftAward};
use crate::vocab::{Kind, Scope, Vocab};
use package::{Package, Refusal, Sniff};
use report::Named;

/// What a source says of one nomination, as read: a report's page or a
/// list's row. The one shape the page reader, the list reader and the
/// batch hand on, until [`Fields::draft`] makes it the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    pub kind: Option<Kind>,
    pub campaign: Named,
    pub scope: Option<Scope>,
    pub proposed_award: String,
    pub nominee: Vec<(NomineeKey, String)>,
    pub achievements: Vec<String>,
    pub awards: Vec<DraftAward>,
    /// Fields whose label was found but whose value kh could not read
    /// (SPEC §15.1), as dotted keys.
    pub unread: Vec<String>,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            kind: None,
            campaign: Named::Nothing,
            scope: None,
            proposed_award: String::new(),
            nominee: Vec::new(),
            achievements: Vec::new(),
            awards: Vec::new(),
            unread: Vec::new(),
        }
    }
}

/// One nomination read from a source, before its unit is settled.
#[derive(Clone, Debug)]
pub struct Found {
    /// The sheet and 1-based row of a list's row.
    pub sheet: Option<String>,
    pub row: Option<usize>,
    /// The source's SHA-256, or the row's for a list.
    pub fingerprint: String,
    /// What the source says of its unit: header lines, a list's unit cell.
    pub unit_said: UnitSaid,
    pub fields: Fields,
    /// A form kh wrote: the nomination kept in it, the page's edits put in.
    pub kept: Option<crate::docx::Kept>,
    /// What the file's head says of the reading, beside its provenance.
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitSaid {
    /// The issuing body's lines at the top left of a report.
    pub header: Vec<String>,
    /// A list's "Đơn vị" cell.
    pub name: Option<String>,
    /// A list's "Mã đơn vị" cell (kh's own workbook).
    pub slug: Option<String>,
}

impl Fields {
    /// A `[nominee]` value as the source gives it.
    pub fn nominee(&self, key: NomineeKey) -> Option<&str> {
        self.nominee
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The draft to write once unit, kind and campaign are settled.
    pub fn draft(&self, kind: Kind, campaign: &Named) -> Draft {
        let (campaign, note, movement) = match campaign {
            Named::One(c) => (Some(c.info()), None, String::new()),
            Named::Two(a, b) => (
                None,
                Some(format!(
                    "báo cáo nêu hai phong trào: {} ({}) và {} ({}); chọn một",
                    a.slug(),
                    a.info().cited(crate::lang::Lang::Vi),
                    b.slug(),
                    b.info().cited(crate::lang::Lang::Vi)
                )),
                String::new(),
            ),
            Named::Other(m) => (Some(Campaign::LinhVucKhac.info()), None, m.clone()),
            Named::Nothing => (
                None,
                Some(
                    "chưa đọc được phong trào từ báo cáo; ghi mã phong trào (xem: kh campaigns)"
                        .to_string(),
                ),
                String::new(),
            ),
        };
        // A campaign the source names that does not take this kind: left
        // for a person to settle, and said (never silently dropped).
        let (campaign, note) = match campaign {
            Some(c) if !c.takes(kind) => (
                None,
                Some(format!(
                    "báo cáo nêu phong trào {} ({}), phong trào này không xét {}: chọn phong trào khác",
                    c.slug,
                    c.cited(crate::lang::Lang::Vi),
                    kind.label(crate::lang::Lang::Vi)
                )),
            ),
            c => (c, note),
        };
        let nominee = self
            .nominee
            .iter()
            .filter(|(k, _)| k.field().col(kind) != crate::form::Col::No)
            .cloned()
            .collect();
        Draft {
            provenance: Vec::new(),
            campaign,
            campaign_note: note,
            kind,
            role: None,
            scope: self.scope,
            proposed_award: self.proposed_award.clone(),
            movement,
            nominee,
            achievements: self.achievements.iter().cloned().map(Into::into).collect(),
            awards: self.awards.clone(),
            photo: None,
            photo_consent: None,
            facts: Vec::new(),
            model: Vec::new(),
            imported: true,
            unread: self
                .unread
                .iter()
                .filter(|k| {
                    k.strip_prefix("nominee.").is_none_or(|f| {
                        crate::form::nominee_field(f)
                            .is_some_and(|f| f.col(kind) != crate::form::Col::No)
                    })
                })
                .cloned()
                .collect(),
            replaces: None,
        }
    }

    /// The name a file is called after.
    pub fn name(&self) -> Option<&str> {
        self.nominee
            .iter()
            .find(|(k, _)| matches!(*k, NomineeKey::Name | NomineeKey::FullName))
            .map(|(_, v)| v.as_str())
    }
}

/// What a source is, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Docx,
    Xlsx,
    /// `.doc` or `.xls`: refused with the advice to save anew.
    Legacy {
        word: bool,
    },
    Other,
}

pub fn source_kind(path: &Path) -> SourceKind {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("docx" | "docm" | "dotx") => SourceKind::Docx,
        Some("xlsx" | "xlsm") => SourceKind::Xlsx,
        Some("doc") => SourceKind::Legacy { word: true },
        Some("xls") => SourceKind::Legacy { word: false },
        _ => SourceKind::Other,
    }
}

/// A source read whole is never larger than this.
const MAX_SOURCE: u64 = 256 * 1024 * 1024;

/// Reads one source: its fingerprint and what it holds.
pub fn read_source(path: &Path, kind: SourceKind) -> Result<(String, Vec<Found>), Refusal> {
    let bytes = crate::tree::read_regular(path, MAX_SOURCE).map_err(|e| Refusal::Read {
        code: match e {
            crate::tree::ReadError::TooLarge => "too-large",
            _ => "not-regular-file",
        },
        vi: e.say(path, crate::lang::Lang::Vi),
        en: e.say(path, crate::lang::Lang::En),
    })?;
    let sha = crate::review::raw_fingerprint(&bytes);
    let word = kind == SourceKind::Docx;
    match package::sniff(&bytes) {
        Sniff::Zip => {}
        Sniff::Ole => return Err(package::ole_refusal(&bytes, word)),
        Sniff::Other => return Err(Refusal::NotPackage),
    }
    let found = match kind {
        SourceKind::Docx => vec![read_docx(&bytes, &sha)?],
        SourceKind::Xlsx => read_xlsx(bytes)?,
        SourceKind::Legacy { word } => return Err(Refusal::Legacy { word }),
        SourceKind::Other => return Err(Refusal::NotPackage),
    };
    Ok((sha, found))
}

/// A Word package's body as blocks, read under the package's limits;
/// `None` for anything that is no readable report.
pub fn report_blocks(bytes: &[u8]) -> Option<Vec<wordml::Block>> {
    let mut pkg = Package::open(std::io::Cursor::new(bytes)).ok()?;
    let xml = pkg.xml("word/document.xml").ok()?;
    wordml::blocks(&xml).ok()
}

/// A report's one nomination.
pub fn read_docx(bytes: &[u8], sha: &str) -> Result<Found, Refusal> {
    let mut pkg = Package::open(std::io::Cursor::new(bytes))?;
    let xml = pkg.xml("word/document.xml")?;
    let blocks = wordml::blocks(&xml)?;
    let r = report::read_page(&blocks);
    let kept = kept::find(&mut pkg)?.and_then(|mut k| {
        let (text, before, kind) = kept::merge(&k, &r)?;
        k.text = text;
        Some((k, before, kind))
    });
    let mut found = Found {
        sheet: None,
        row: None,
        fingerprint: sha.to_string(),
        unit_said: UnitSaid {
            header: r.header.clone(),
            ..UnitSaid::default()
        },
        // The campaign is read from the title block below.
        fields: Fields {
            campaign: Named::Nothing,
            ..r.fields.clone()
        },
        kept: None,
        notes: Vec::new(),
    };
    if let Some((k, d, kind)) = kept {
        // Kind and campaign as the file says them, not as the page reads.
        found.fields.kind = kind.or(found.fields.kind);
        found.fields.campaign = match (d.campaign.map(|c| c.id), d.movement.as_str()) {
            (Some(Campaign::LinhVucKhac), m) if !m.is_empty() => Named::Other(m.to_string()),
            (Some(c), _) => Named::One(c),
            (None, _) => report::campaign_in(&r.title_block),
        };
        found.kept = Some(k);
        return Ok(found);
    }
    found.fields.campaign = report::campaign_in(&r.title_block);
    if !r.recognised && r.fields.achievements.is_empty() {
        return Err(Refusal::NotReport);
    }
    // A household's head written "Hộ ông X" (#32.6).
    if found.fields.kind != Some(Kind::TapThe)
        && let Some(at) = found
            .fields
            .nominee
            .iter()
            .position(|(k, _)| *k == NomineeKey::FullName)
        && let Some((head, gender)) = household_head(&found.fields.nominee[at].1)
    {
        found.fields.nominee[at].1 = head;
        found.fields.kind = Some(Kind::HoGiaDinh);
        if !found
            .fields
            .nominee
            .iter()
            .any(|(k, _)| *k == NomineeKey::Gender)
        {
            found
                .fields
                .nominee
                .push((NomineeKey::Gender, gender.slug().to_string()));
        }
    }
    Ok(found)
}

/// A list's rows, each one nomination. The sheets are read by kh itself,
/// from exactly the parts the workbook names, under the package's limits.
pub fn read_xlsx(bytes: Vec<u8>) -> Result<Vec<Found>, Refusal> {
    let mut pkg = Package::open(std::io::Cursor::new(bytes.as_slice()))?;
    let sheets = sheets::read(&mut pkg)?;
    let (rows, codes) = list::rows(sheets)?;
    Ok(rows.into_iter().map(|r| found_of_row(r, &codes)).collect())
}

/// "Hộ ông Bùi Văn Chiến", "Gia đình bà X", "Hộ gia đình ông X": a
/// household whose head is the name after the title, and the head's gender
/// from "ông"/"bà" (SPEC §15.1). The name is kept as written, only the
/// words before it dropped.
pub fn household_head(name: &str) -> Option<(String, crate::vocab::Gender)> {
    use crate::vocab::Gender;
    const TITLES: &[(&str, Gender)] = &[
        ("ho gia dinh ong", Gender::Nam),
        ("ho gia dinh ba", Gender::Nu),
        ("gia dinh ong", Gender::Nam),
        ("gia dinh ba", Gender::Nu),
        ("ho ong", Gender::Nam),
        ("ho ba", Gender::Nu),
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    for (title, gender) in TITLES {
        let n = title.split(' ').count();
        if words.len() > n && report::fold(&words[..n].join(" ")) == *title {
            // "Hộ ba" folds as "ho ba": the diacritics tell "bà" (Mrs) from
            // other words; only ông/bà themselves count.
            let said = crate::text::nfc(words[n - 1]).to_lowercase();
            if !matches!(said.as_str(), "ông" | "bà") {
                continue;
            }
            return Some((words[n..].join(" "), *gender));
        }
    }
    None
}

/// A list's row as a nomination read: its kind, the nominee's fields, the
/// campaign and the award, each from its column.
fn found_of_row(r: list::Row, codes: &list::Catalogue) -> Found {
    use list::Col;
    let (kind, nominee) = row_nominee(&r);
    let (proposed_award, notes, unread) = row_award(&r, codes);
    Found {
        sheet: Some(r.sheet.clone()),
        row: Some(r.row),
        fingerprint: r.fingerprint.clone(),
        unit_said: UnitSaid {
            header: Vec::new(),
            name: r.get(Col::Unit).map(str::to_string),
            slug: r.get(Col::UnitSlug).map(str::to_string),
        },
        fields: Fields {
            kind,
            campaign: row_campaign(&r),
            scope: r.get(Col::Scope).and_then(Scope::parse),
            proposed_award,
            nominee,
            achievements: r
                .get(Col::Achievements)
                .map(|a| vec![a.to_string()])
                .unwrap_or_default(),
            awards: Vec::new(),
            unread,
        },
        kept: None,
        notes,
    }
}

/// The kind a row is of, and its nominee's fields (SPEC §15.1's columns).
fn row_nominee(r: &list::Row) -> (Option<Kind>, Vec<(NomineeKey, String)>) {
    use list::Col;
    let mut nominee: Vec<(NomineeKey, String)> = Vec::new();
    let name_col = r
        .cells
        .iter()
        .find(|(c, v)| {
            matches!(
                c,
                Col::Name | Col::PersonName | Col::CollectiveName | Col::HeadName
            ) && !v.is_empty()
        })
        .map(|(c, _)| *c);
    let kind = r
        .get(Col::Kind)
        .and_then(list::kind_word)
        .or(r.section_kind)
        .or(match name_col {
            Some(Col::CollectiveName) => Some(Kind::TapThe),
            Some(Col::HeadName) => Some(Kind::HoGiaDinh),
            Some(Col::PersonName) => Some(Kind::CaNhan),
            _ => None,
        });
    let mut kind = kind;
    if let Some(n) = r
        .get(Col::Name)
        .or(r.get(Col::PersonName))
        .or(r.get(Col::CollectiveName))
        .or(r.get(Col::HeadName))
    {
        // "Hộ ông X" is a household headed by X, never a person named
        // "Hộ ông X" (#32.6).
        let head = (kind != Some(Kind::TapThe))
            .then(|| household_head(n))
            .flatten();
        match head {
            Some((head, gender)) => {
                kind = Some(Kind::HoGiaDinh);
                nominee.push((NomineeKey::FullName, head));
                if r.get(Col::Gender).is_none() {
                    nominee.push((NomineeKey::Gender, gender.slug().to_string()));
                }
            }
            None => {
                let key = if kind == Some(Kind::TapThe) {
                    NomineeKey::Name
                } else {
                    NomineeKey::FullName
                };
                nominee.push((key, n.to_string()));
            }
        }
    }
    let pairs = [
        (Col::Birth, NomineeKey::BirthDate),
        (Col::Gender, NomineeKey::Gender),
        (Col::Hometown, NomineeKey::Hometown),
        (Col::Position, NomineeKey::Position),
        (Col::Workplace, NomineeKey::Workplace),
        (Col::Residence, NomineeKey::Residence),
    ];
    for (c, key) in pairs {
        if let Some(v) = r.get(c) {
            let v = match key {
                NomineeKey::BirthDate => list::birth(v),
                // "NU", "nu", "Nữ": the §3 label (SPEC §15.1).
                NomineeKey::Gender => crate::vocab::Gender::parse(v).map_or_else(
                    || v.to_string(),
                    |g| crate::text::upper_first(g.label(crate::lang::Lang::Vi)),
                ),
                // The peer's department and unit, joined (SPEC §15.1).
                NomineeKey::Workplace => match r.get(Col::Department) {
                    Some(d) => format!("{}, {}", d.trim(), v.trim()),
                    None => v.to_string(),
                },
                _ => v.to_string(),
            };
            if !nominee.iter().any(|(k, _)| *k == key) {
                nominee.push((key, v));
            }
        }
    }
    if r.get(Col::Workplace).is_none()
        && let Some(d) = r.get(Col::Department)
    {
        nominee.push((NomineeKey::Workplace, d.to_string()));
    }
    // The year under "Nam" or "Nữ": the birth, and the gender it stands
    // under (a named mapping, SPEC §15.1).
    for (col, gender) in [(Col::BirthMale, "Nam"), (Col::BirthFemale, "Nữ")] {
        if let Some(v) = r.get(col) {
            if !nominee.iter().any(|(k, _)| *k == NomineeKey::BirthDate) {
                nominee.push((NomineeKey::BirthDate, list::birth(v)));
            }
            if !nominee.iter().any(|(k, _)| *k == NomineeKey::Gender) {
                nominee.push((NomineeKey::Gender, gender.to_string()));
            }
        }
    }
    if let Some(v) = r.get(Col::Combined) {
        let key = if kind == Some(Kind::HoGiaDinh) {
            NomineeKey::Residence
        } else {
            NomineeKey::Workplace
        };
        if nominee.iter().all(|(k, _)| *k != key) {
            nominee.push((key, v.to_string()));
        }
    }
    (kind, nominee)
}

/// The campaign a row names, by code or by name.
fn row_campaign(r: &list::Row) -> Named {
    use list::Col;
    match r.get(Col::Campaign).or(r.get(Col::CampaignName)) {
        Some(v) => match Campaign::from_slug(v.trim()) {
            Some(c) => Named::One(c),
            None => match report::campaign_in(v) {
                // A cell holds a campaign's name and nothing else: a few
                // of its words that name one campaign only will do.
                Named::Nothing => match Campaign::resolve(v) {
                    crate::campaign::Match::Exact(c) | crate::campaign::Match::Words(c) => {
                        Named::One(c)
                    }
                    _ => Named::Other(v.to_string()),
                },
                n => n,
            },
        },
        None => Named::Nothing,
    }
}

/// The award a row proposes, with what its reading noted and left unread:
/// a code resolved through the workbook's own catalogue; one it lacks
/// stays as a comment, the award unread (SPEC §15.1).
fn row_award(r: &list::Row, codes: &list::Catalogue) -> (String, Vec<String>, Vec<String>) {
    use list::Col;
    let mut notes = Vec::new();
    let mut unread = Vec::new();
    let mut proposed_award = r.get(Col::ProposedAward).unwrap_or("").to_string();
    if proposed_award.is_empty() {
        let by_code = [
            (Col::AwardCode, &codes.awards, "Mã hình thức khen thưởng"),
            (Col::TitleCode, &codes.titles, "Mã danh hiệu thi đua"),
        ];
        for (col, list, label) in by_code {
            let Some(code) = r.get(col) else { continue };
            match list::Catalogue::name(list, code) {
                Some(name) => {
                    proposed_award = name;
                    notes.clear();
                    unread.clear();
                    break;
                }
                None => {
                    notes.push(format!(
                        "{label} “{}” không có trong danh mục của tệp",
                        code.trim()
                    ));
                    if unread.is_empty() {
                        unread.push("proposed_award".to_string());
                    }
                }
            }
        }
    }
    (proposed_award, notes, unread)
}

#[cfg(test)]
mod tests {
    use super::household_head;
    use crate::vocab::Gender;

    #[test]
    fn a_household_is_named_by_its_head() {
        assert_eq!(
            household_head("Hộ ông Bùi Văn Chiến"),
            Some(("Bùi Văn Chiến".to_string(), Gender::Nam))
        );
        assert_eq!(
            household_head("Gia đình bà  Lê Thị Mai"),
            Some(("Lê Thị Mai".to_string(), Gender::Nu))
        );
        assert_eq!(
            household_head("HỘ GIA ĐÌNH ÔNG Trần Văn Bình"),
            Some(("Trần Văn Bình".to_string(), Gender::Nam))
        );
        // A name, not a title: "Hồ Ba", "Hộ" alone, a collective.
        assert_eq!(household_head("Hồ Ba Lan"), None);
        assert_eq!(household_head("Hộ ông"), None);
        assert_eq!(household_head("Hợp tác xã Đồng Văn"), None);
    }
}
