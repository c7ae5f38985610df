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
pub struct ReviewCell {
    /// What it counts as: a stale decision counts as `cho-xet`.
    pub status: Status,
    pub stale: bool,
    /// The commendation Sở Nội vụ proposes.
    pub award: Option<String>,
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
pub struct UnitRow {
    pub slug: String,
    pub name: String,
    pub nominations: usize,
    pub cap: usize,
    #[serde(flatten)]
    pub kinds: ByKind,
    pub errors: usize,
    pub warnings: usize,
    pub review: ReviewCounts,
    /// Every nomination of the unit, whatever the filter, for the cap.
    #[serde(skip)]
    pub sent: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct NominationRow {
    pub path: String,
    pub unit: String,
    pub campaign: &'static str,
    pub kind: Kind,
    pub name: String,
    pub scope: Scope,
    pub errors: usize,
    pub warnings: usize,
    pub proposed_award: Option<String>,
    pub movement: Option<String>,
    pub review: ReviewCell,
    #[serde(skip)]
    pub role: Option<Role>,
    #[serde(skip)]
    pub unit_name: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub root: String,
    pub campaigns: Vec<CampaignRow>,
    pub units: Vec<UnitRow>,
    pub nominations: Vec<NominationRow>,
    pub escalations: Vec<String>,
    pub unreadable: Vec<String>,
    /// Nomination files directly in the root, which belong to no unit.
    pub outside_unit: Vec<String>,
    pub missing_units: Vec<MissingUnit>,
    /// Every `*.toml` nomination file found (for the reconciliation line).
    #[serde(skip)]
    pub files_found: usize,
}

impl Summary {
    pub fn build(report: &Report, filter: &Filter, lang: Lang) -> Summary {
        let readable = |r: &Record| -> Option<(Campaign, Kind)> {
            let n = r.nomination.as_ref()?;
            Some((n.campaign?, n.kind?))
        };
        let unit_ok = |r: &Record| filter.unit.as_ref().is_none_or(|u| *r.unit == **u);
        let matches = |r: &Record| {
            unit_ok(r)
                && readable(r).is_some_and(|(c, k)| {
                    filter.campaign.is_none_or(|f| f == c) && filter.kind.is_none_or(|f| f == k)
                })
        };
        let unit_names = report.unit_names();

        let mut nominations: Vec<NominationRow> = Vec::new();
        for r in report.records.iter().filter(|r| matches(r)) {
            let (Some(n), Some((campaign, kind))) = (r.nomination.as_ref(), readable(r)) else {
                continue;
            };
            let decision = report.book.decision(r.review);
            nominations.push(NominationRow {
                path: r.path.to_string(),
                unit: r.unit.to_string(),
                campaign: campaign.slug(),
                kind,
                name: n.name.clone().unwrap_or_default(),
                scope: n.scope.unwrap_or(Scope::CoSo),
                errors: r.tally.errors,
                warnings: r.tally.warnings,
                proposed_award: n.proposed_award.clone(),
                movement: n.movement.clone(),
                review: ReviewCell {
                    status: report.status(r),
                    stale: r.review.stale,
                    award: decision.and_then(|d| d.award.clone()),
                },
                role: n.role,
                unit_name: unit_names
                    .get(&*r.unit)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            });
        }

        let campaigns = CAMPAIGNS
            .iter()
            .filter(|c| filter.campaign.is_none_or(|f| f == c.id))
            .map(|c| {
                let mut row = CampaignRow {
                    slug: c.slug,
                    section: c.section,
                    name: c.name(lang),
                    lead_agency: c.lead_agency,
                    kinds: ByKind::default(),
                    total: 0,
                    with_errors: 0,
                    review: ReviewCounts::default(),
                };
                for n in nominations.iter().filter(|n| n.campaign == c.slug) {
                    row.kinds.add(n.kind);
                    row.total += 1;
                    row.with_errors += usize::from(n.errors > 0);
                    row.review.add(n.review.status);
                }
                row
            })
            .filter(|row| filter.all || row.total > 0)
            .collect();

        let narrowed = filter.campaign.is_some() || filter.kind.is_some();
        // Grouped once: a scan per unit would be quadratic on a large round.
        let mut by_unit: std::collections::HashMap<&str, Vec<&NominationRow>> =
            std::collections::HashMap::new();
        for n in &nominations {
            by_unit.entry(n.unit.as_str()).or_default().push(n);
        }
        let mut units: Vec<UnitRow> = report
            .units
            .iter()
            .filter(|u| filter.unit.as_ref().is_none_or(|f| &u.slug == f))
            .filter_map(|u| {
                let mine: &[&NominationRow] =
                    by_unit.get(u.slug.as_str()).map_or(&[], Vec::as_slice);
                if narrowed && mine.is_empty() {
                    return None;
                }
                let mut kinds = ByKind::default();
                let mut review = ReviewCounts::default();
                for n in mine {
                    kinds.add(n.kind);
                    review.add(n.review.status);
                }
                // Narrowed, a unit answers for the nominations shown; whole,
                // for its own problems (the cap, unit.toml) and all its files.
                let (errors, warnings) = if narrowed {
                    (
                        mine.iter().map(|n| n.errors).sum(),
                        mine.iter().map(|n| n.warnings).sum(),
                    )
                } else {
                    (u.tally.errors, u.tally.warnings)
                };
                Some(UnitRow {
                    slug: u.slug.clone(),
                    name: u.name().to_string(),
                    nominations: if narrowed { mine.len() } else { u.nominations },
                    cap: report.settings.cap,
                    kinds,
                    errors,
                    warnings,
                    review,
                    sent: u.nominations,
                })
            })
            .collect();
        // By name, as the Vietnamese alphabet orders it ("Ủy ban…" after
        // "Trường…"), not by folder code.
        units.sort_by(|a, b| {
            crate::text::vi_sort_key(&a.name)
                .cmp(&crate::text::vi_sort_key(&b.name))
                .then_with(|| a.slug.cmp(&b.slug))
        });

        let escalations = nominations
            .iter()
            .filter(|n| n.scope == Scope::ToanTinh)
            .map(|n| n.path.clone())
            .collect();
        // A file whose campaign or kind cannot be read matches no campaign
        // or kind filter, so only the unit filter applies: it must not
        // vanish from the tables.
        let unreadable = report
            .records
            .iter()
            .filter(|r| unit_ok(r) && readable(r).is_none())
            .map(|r| r.path.to_string())
            .collect();

        // Files in the root belong to no unit: a unit filter leaves them out;
        // their campaign was never read, so no other filter can.
        let outside_unit = if filter.unit.is_some() {
            Vec::new()
        } else {
            report.stray.clone()
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
            root: report.root.clone(),
            campaigns,
            units,
            nominations,
            escalations,
            unreadable,
            outside_unit,
            missing_units,
            files_found: report.records.len() + report.stray.len(),
        }
    }
}
