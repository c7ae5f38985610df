//! The tables the Emulation Council reads (SPEC §9), computed from one
//! check of the round: by campaign, by unit, the nominations, the list sent
//! up to the Chairman, and the files that could not be read.

use serde::Serialize;

use crate::campaign::{CAMPAIGNS, Campaign};
use crate::check::{Record, Report};
use crate::lang::Lang;
use crate::review::Status;
use crate::vocab::{Kind, Role, Scope};

/// How many nominations stand at each step of the appraisal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReviewCounts {
    pub cho_xet: usize,
    pub dat: usize,
    pub bo_sung: usize,
    pub khong_dat: usize,
}

impl ReviewCounts {
    fn add(&mut self, status: Status) {
        match status {
            Status::ChoXet => self.cho_xet += 1,
            Status::Dat => self.dat += 1,
            Status::BoSung => self.bo_sung += 1,
            Status::KhongDat => self.khong_dat += 1,
        }
    }
}

impl std::ops::AddAssign for ReviewCounts {
    fn add_assign(&mut self, o: ReviewCounts) {
        self.cho_xet += o.cho_xet;
        self.dat += o.dat;
        self.bo_sung += o.bo_sung;
        self.khong_dat += o.khong_dat;
    }
}

/// A nomination's place in the appraisal (SPEC §9).
#[derive(Clone, Debug, Serialize)]
pub struct ReviewCell<'a> {
    /// What it counts as: a stale decision counts as `cho-xet`.
    pub status: Status,
    pub stale: bool,
    /// The commendation Sở Nội vụ proposes.
    pub award: Option<&'a str>,
}

/// A unit of the roster that sent nothing.
#[derive(Clone, Debug, Serialize)]
pub struct MissingUnit {
    pub slug: String,
    pub name: String,
}

/// What to narrow every list to.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub campaign: Option<Campaign>,
    pub unit: Option<String>,
    pub kind: Option<Kind>,
    /// List campaigns with no nomination too.
    pub all: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ByKind {
    pub tap_the: usize,
    pub ca_nhan: usize,
    pub ho_gia_dinh: usize,
}

impl std::ops::AddAssign for ByKind {
    fn add_assign(&mut self, other: ByKind) {
        self.tap_the += other.tap_the;
        self.ca_nhan += other.ca_nhan;
        self.ho_gia_dinh += other.ho_gia_dinh;
    }
}

impl ByKind {
    fn add(&mut self, kind: Kind) {
        match kind {
            Kind::TapThe => self.tap_the += 1,
            Kind::CaNhan => self.ca_nhan += 1,
            Kind::HoGiaDinh => self.ho_gia_dinh += 1,
        }
    }
}

/// A campaign's nominations under the filter, counted.
#[derive(Clone, Copy, Default)]
struct CampaignCounts {
    kinds: ByKind,
    total: usize,
    with_errors: usize,
    review: ReviewCounts,
}

#[derive(Clone, Debug, Serialize)]
pub struct CampaignRow {
    pub slug: &'static str,
    pub section: &'static str,
    pub name: &'static str,
    pub lead_agency: &'static str,
    #[serde(flatten)]
    pub kinds: ByKind,
    pub total: usize,
    pub with_errors: usize,
    pub review: ReviewCounts,
}

#[derive(Clone, Debug, Serialize)]
pub struct UnitRow<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub nominations: usize,
    pub cap: usize,
    #[serde(flatten)]
    pub kinds: ByKind,
    pub errors: usize,
    pub warnings: usize,
    pub review: ReviewCounts,
    /// Every nomination of the unit, whatever the filter and in every folder
    /// that is the same unit, for the cap.
    #[serde(skip)]
    pub sent: usize,
    /// This folder's nominations, whatever the filter.
    #[serde(skip)]
    pub folder: usize,
}

/// A nomination as the tables show it, borrowing the report's words: a
/// round of 100,000 is not copied to be counted.
#[derive(Clone, Debug, Serialize)]
pub struct NominationRow<'a> {
    pub path: &'a str,
    pub unit: &'a str,
    pub campaign: &'static str,
    pub kind: Kind,
    pub name: &'a str,
    pub scope: Scope,
    pub errors: usize,
    pub warnings: usize,
    pub proposed_award: Option<&'a str>,
    pub movement: Option<&'a str>,
    pub review: ReviewCell<'a>,
    #[serde(skip)]
    pub role: Option<Role>,
    #[serde(skip)]
    pub unit_name: &'a str,
}

#[derive(Clone, Debug, Serialize)]
pub struct Summary<'a> {
    pub root: &'a str,
    pub campaigns: Vec<CampaignRow>,
    pub units: Vec<UnitRow<'a>>,
    /// Empty unless asked for (see [`Summary::build`]).
    pub nominations: Vec<NominationRow<'a>>,
    /// The nominations reported to the Chairman, kept whole for their
    /// table; JSON lists their paths.
    #[serde(rename = "escalations", serialize_with = "paths_of")]
    pub escalated: Vec<NominationRow<'a>>,
    pub unreadable: Vec<&'a str>,
    /// Nomination files directly in the root, which belong to no unit.
    pub outside_unit: Vec<&'a str>,
    /// Files that look like nominations but are not named `*.toml`.
    pub misnamed: Vec<&'a str>,
    pub missing_units: Vec<MissingUnit>,
    /// Every `*.toml` nomination file found (for the reconciliation line).
    #[serde(skip)]
    pub files_found: usize,
}

/// Rows as the list of their paths.
fn paths_of<S: serde::Serializer>(rows: &[NominationRow<'_>], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(rows.iter().map(|n| n.path))
}

/// A unit's nominations under the filter, counted.
#[derive(Default)]
struct UnitCounts {
    n: usize,
    kinds: ByKind,
    review: ReviewCounts,
    errors: usize,
    warnings: usize,
}

impl<'a> Summary<'a> {
    /// The tables of `report` under `filter`. `rows`: keep a row for each
    /// nomination (the per-nomination table, JSON and the workbook want
    /// them; the counts do not).
    pub fn build(report: &'a Report, filter: &Filter, lang: Lang, rows: bool) -> Summary<'a> {
        let readable = |r: &Record| -> Option<(Campaign, Kind)> {
            let n = r.nomination.as_ref()?;
            Some((n.campaign?, n.kind?))
        };
        let unit_ok = |r: &Record| {
            filter
                .unit
                .as_ref()
                .is_none_or(|u| report.unit_of(r).slug == **u)
        };
        let matches = |r: &Record| {
            unit_ok(r)
                && readable(r).is_some_and(|(c, k)| {
                    filter.campaign.is_none_or(|f| f == c) && filter.kind.is_none_or(|f| f == k)
                })
        };

        let mut nominations: Vec<NominationRow<'a>> = Vec::new();
        let mut escalated: Vec<NominationRow<'a>> = Vec::new();
        let mut by_campaign = vec![CampaignCounts::default(); CAMPAIGNS.len()];
        // Counted in one pass: a scan per unit would be quadratic on a
        // large round. A unit's counts are kept at its place in the list.
        let mut by_unit: Vec<UnitCounts> = Vec::new();
        by_unit.resize_with(report.units.len(), UnitCounts::default);
        for r in report.records.iter().filter(|r| matches(r)) {
            let (Some(n), Some((campaign, kind))) = (r.nomination.as_ref(), readable(r)) else {
                continue;
            };
            let decision = report.book.decision(r.review);
            let row = NominationRow {
                path: &r.path,
                unit: &report.unit_of(r).slug,
                campaign: campaign.slug(),
                kind,
                name: n.name.as_deref().unwrap_or_default(),
                scope: n.scope.unwrap_or(Scope::CoSo),
                errors: r.tally.errors,
                warnings: r.tally.warnings,
                proposed_award: n.proposed_award.as_deref(),
                movement: n.movement.as_deref(),
                review: ReviewCell {
                    status: report.status(r),
                    stale: r.review.stale,
                    award: decision.and_then(|d| d.award.as_deref()),
                },
                role: n.role,
                unit_name: report.unit_of(r).name(),
            };
            if let Some(c) = CAMPAIGNS.iter().position(|c| c.id == campaign) {
                let c = &mut by_campaign[c];
                c.kinds.add(kind);
                c.total += 1;
                c.with_errors += usize::from(row.errors > 0);
                c.review.add(row.review.status);
            }
            if let Some(u) = by_unit.get_mut(r.unit as usize) {
                u.n += 1;
                u.kinds.add(kind);
                u.review.add(row.review.status);
                u.errors += row.errors;
                u.warnings += row.warnings;
            }
            if row.scope == Scope::ToanTinh {
                escalated.push(row.clone());
            }
            if rows {
                nominations.push(row);
            }
        }

        let campaigns = CAMPAIGNS
            .iter()
            .zip(by_campaign)
            .filter(|(c, _)| filter.campaign.is_none_or(|f| f == c.id))
            .map(|(c, n)| CampaignRow {
                slug: c.slug,
                section: c.section,
                name: c.name(lang),
                lead_agency: c.lead_agency,
                kinds: n.kinds,
                total: n.total,
                with_errors: n.with_errors,
                review: n.review,
            })
            .filter(|row| filter.all || row.total > 0)
            .collect();

        let narrowed = filter.campaign.is_some() || filter.kind.is_some();
        let mut units: Vec<UnitRow<'a>> = Vec::with_capacity(report.units.len());
        units.extend(
            report
                .units
                .iter()
                .zip(by_unit)
                .filter(|(u, _)| filter.unit.as_ref().is_none_or(|f| &u.slug == f))
                .filter_map(|(u, mine)| {
                    if narrowed && mine.n == 0 {
                        return None;
                    }
                    // Narrowed, a unit answers for the nominations shown; whole,
                    // for its own problems (the cap, unit.toml) and all its files.
                    let (errors, warnings) = if narrowed {
                        (mine.errors, mine.warnings)
                    } else {
                        (u.tally.errors, u.tally.warnings)
                    };
                    Some(UnitRow {
                        slug: &u.slug,
                        name: u.name(),
                        nominations: if narrowed { mine.n } else { u.nominations },
                        cap: report.settings.cap,
                        kinds: mine.kinds,
                        errors,
                        warnings,
                        review: mine.review,
                        sent: u.whole_unit,
                        folder: u.nominations,
                    })
                }),
        );
        // By name, as the Vietnamese alphabet orders it ("Ủy ban…" after
        // "Trường…"), not by folder code.
        // Each key made once (on all cores), not at each of a large round's
        // comparisons; slugs are unique, so no two keys tie.
        {
            use rayon::slice::ParallelSliceMut;
            units.par_sort_by_cached_key(|u| (crate::text::vi_sort_key(u.name), u.slug));
        }

        // A file whose campaign or kind cannot be read matches no campaign
        // or kind filter, so only the unit filter applies: it must not
        // vanish from the tables.
        let unreadable = report
            .records
            .iter()
            .filter(|r| unit_ok(r) && readable(r).is_none())
            .map(|r| &*r.path)
            .collect();

        // Files in the root belong to no unit: a unit filter leaves them out;
        // their campaign was never read, so no other filter can.
        let outside_unit = if filter.unit.is_some() {
            Vec::new()
        } else {
            report.stray.iter().map(String::as_str).collect()
        };
        let missing_units = report
            .missing_units()
            .into_iter()
            .filter(|(slug, _)| filter.unit.as_ref().is_none_or(|u| u == slug))
            .map(|(slug, name)| MissingUnit {
                slug: slug.to_string(),
                name: name.to_string(),
            })
            .collect();

        Summary {
            root: &report.root_display,
            campaigns,
            units,
            nominations,
            unreadable,
            outside_unit,
            misnamed: report
                .misnamed
                .iter()
                .filter(|p| {
                    filter
                        .unit
                        .as_ref()
                        .is_none_or(|u| p.split('/').next() == Some(u.as_str()))
                })
                .map(String::as_str)
                .collect(),
            missing_units,
            escalated,
            files_found: report.records.len() + report.stray.len(),
        }
    }
}
