//! Reading one nomination file against its form (SPEC §3) and handing the
//! campaign rules what they need. Every problem is collected; nothing stops
//! at the first.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use toml::de::{DeTable, DeValue};

use crate::campaign::{Campaign, CampaignInfo, Criterion};
use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Rule};
use crate::facts::{Facts, Model};
use crate::form::{self, Col, FieldType, NOMINEE_FIELDS};
use crate::lang::Lang;
use crate::messages::{
    CampaignHint, Expected, Label, Range as MsgRange, Unbacked, What, YearProblem,
};
pub(crate) use crate::reader::{Cx, Need};
use crate::text::{closest, fold_key, nfc, shown};
use crate::vocab::{
    Fact, FactType, FactValue, Gender, InitiativeLevel, Kind, Rating, Role, Scope, Vocab,
};
use crate::{docnum, rules};

/// What the cross-file rules and the summary keep of a nomination.
#[derive(Clone, Debug, Default)]
pub struct Nomination {
    pub campaign: Option<Campaign>,
    pub kind: Option<Kind>,
    pub role: Option<Role>,
    pub scope: Option<Scope>,
    /// Name of the collective, or of the person (chủ hộ), as written (NFC).
    pub name: Option<String>,
    /// A person's date of birth, which with the name tells who they are.
    pub birth: Option<NaiveDate>,
    /// Where the name is written (bytes), to point duplicates at. Only the
    /// span is kept: a round of 100,000 files should not keep a line of
    /// text for each, for the few that turn out to be duplicates.
    pub name_span: Option<Range<usize>>,
    /// The form of commendation the unit proposes, as written.
    pub proposed_award: Option<String>,
    /// For `linh-vuc-khac`: the movement or field it belongs to.
    pub movement: Option<String>,
}

impl Nomination {
    /// Who is nominated, for `duplicate-nominee`.
    pub fn identity(&self) -> Option<Identity> {
        let name = fold_key(self.name.as_deref()?);
        match (self.kind?, self.birth) {
            (Kind::TapThe, _) => Some(Identity::Collective { name }),
            (_, Some(birth)) => Some(Identity::Person { name, birth }),
            _ => None,
        }
    }
}

/// The identity two files are compared on: NFC, case-folded name, and for a
/// person the date of birth too.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Identity {
    Person { name: String, birth: NaiveDate },
    Collective { name: String },
}

/// The result of checking one file.
#[derive(Debug, Default)]
pub struct Checked {
    /// `None` when the file did not parse.
    pub nomination: Option<Nomination>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks the text of one nomination file (UTF-8, byte-order mark removed).
pub fn check(path: impl Into<std::sync::Arc<str>>, text: &str, settings: &Settings) -> Checked {
    let mut cx = Cx::new(path, text);
    let Some(doc) = cx.parse(text) else {
        return Checked {
            nomination: None,
            diagnostics: cx.finish(),
        };
    };
    let nomination = NominationCheck {
        cx: &mut cx,
        settings,
    }
    .run(doc.get_ref());
    Checked {
        nomination: Some(nomination),
        diagnostics: cx.finish(),
    }
}

/// The nominee's part of the result.
#[derive(Default)]
struct Nominee {
    name: Option<(String, Range<usize>)>,
    birth: Option<NaiveDate>,
    role: RoleState,
}

/// An individual's role, where campaigns set individuals apart by it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RoleState {
    /// The campaign (or kind) has no roles, or none could be asked.
    #[default]
    NotNeeded,
    Given(Role),
    /// Needed, and not read: rules for a role cannot be judged.
    Missing,
}

impl RoleState {
    pub fn role(self) -> Option<Role> {
        match self {
            RoleState::Given(r) => Some(r),
            _ => None,
        }
    }

    /// Whether the facts can be judged (the role, if needed, is known).
    pub fn settled(self) -> bool {
        self != RoleState::Missing
    }
}

struct NominationCheck<'c, 'a> {
    cx: &'c mut Cx<'a>,
    settings: &'c Settings,
}

const L_KIND: Label = Label::new("loại điển hình", "kind of exemplar");
const L_CAMPAIGN: Label = Label::new("phong trào thi đua", "campaign");
const L_SCOPE: Label = Label::new("scope", "scope");
const L_AWARD_PROPOSED: Label =
    Label::new("hình thức khen thưởng đề nghị", "proposed commendation");
const L_MOVEMENT: Label = Label::new("tên phong trào, lĩnh vực", "name of the movement or field");
const L_NOMINEE: Label = Label::new("sơ lược lý lịch / đặc điểm tình hình", "the nominee");
const L_ROLE: Label = Label::new("nhóm đối tượng", "role");
const L_ACHIEVEMENTS: Label =
    Label::new("thành tích tiêu biểu xuất sắc", "outstanding achievements");
const L_ACHIEVEMENT_TEXT: Label = Label::new("nội dung thành tích", "what was achieved");
const L_AWARD_YEAR: Label = Label::new("năm khen thưởng", "year of the award");
const L_AWARD_TITLE: Label = Label::new("hình thức khen thưởng", "the award");
const L_DECISION: Label = Label::new("decision", "decision");
const L_DECISION_DATE: Label = Label::new("ngày quyết định", "date of the decision");
const L_FACTS: Label = Label::new("facts", "facts");
const L_MODEL: Label = Label::new("mô hình “Dân vận khéo”", "the “Dân vận khéo” model");
const C_TOP: Label = Label::new("đầu tệp đề nghị", "the top of a nomination");
const C_NOMINEE: Label = Label::new("bảng [nominee]", "[nominee]");
const C_ACHIEVEMENT: Label = Label::new("thành tích [[achievements]]", "an [[achievements]] entry");
const C_AWARD: Label = Label::new("khen thưởng [[awards]]", "an [[awards]] entry");
const C_FACTS: Label = Label::new("bảng [facts]", "[facts]");
const C_MODEL: Label = Label::new("bảng [model]", "[model]");

impl NominationCheck<'_, '_> {
    fn run(mut self, root: &DeTable<'_>) -> Nomination {
        self.top_level_keys(root);
        let campaign = self.campaign(root);
        let kind = self
            .cx
            .choice::<Kind>(root, "kind", Need::Required, None, L_KIND);
        if let (Some(info), Some((k, span))) = (campaign, &kind)
            && !info.takes(*k)
        {
            self.cx.report(
                Rule::KindNotAllowed,
                Some(span.clone()),
                What::KindNotAllowed {
                    campaign: info.id,
                    kind: *k,
                },
            );
        }
        let kind = kind.map(|(k, _)| k);
        // Rules of a campaign only apply to a kind it takes.
        let target = match (campaign, kind) {
            (Some(c), Some(k)) if c.takes(k) => Some((c, k)),
            _ => None,
        };
        let scope = self.scope(root);
        let proposed_award = self
            .cx
            .text(
                root,
                "proposed_award",
                Need::Optional,
                None,
                L_AWARD_PROPOSED,
            )
            .map(|(s, _)| nfc(s).trim().to_string());
        // "Các lĩnh vực khác" names no movement of its own: the file must.
        let movement_need = if campaign.is_some_and(|c| c.id == Campaign::LinhVucKhac) {
            Need::Required
        } else {
            Need::Optional
        };
        let movement = self
            .cx
            .text(root, "movement", movement_need, None, L_MOVEMENT)
            .map(|(s, _)| nfc(s).trim().to_string());
        let nominee = self.nominee(root, kind, campaign);
        let role = nominee.role.role();
        self.achievements(root, target, role);
        self.awards(root, nominee.birth);
        let facts = self.facts(root, target, nominee.role);
        let model = self.model(root, campaign, kind);
        if let Some((info, k)) = target {
            rules::apply(self.cx, info, k, role, &facts, model.as_ref());
        }

        Nomination {
            campaign: campaign.map(|c| c.id),
            kind,
            role,
            scope,
            name_span: nominee.name.as_ref().map(|(_, s)| s.clone()),
            name: nominee.name.map(|(n, _)| n),
            birth: nominee.birth,
            proposed_award,
            movement,
        }
    }

    fn top_level_keys(&mut self, root: &DeTable<'_>) {
        for (k, _) in root.iter() {
            let key = k.get_ref().as_ref();
            if form::TOP_KEYS.contains(&key) {
                continue;
            }
            if form::nominee_field(key).is_some() {
                // The commonest slip: a nominee's field above the `[nominee]` header.
                self.cx.report(
                    Rule::UnknownField,
                    Some(k.span()),
                    What::NomineeFieldAtTop {
                        key: key.to_string(),
                    },
                );
            } else {
                self.cx
                    .unknown_key(k, form::TOP_KEYS.iter().copied(), C_TOP);
            }
        }
    }

    fn campaign(&mut self, root: &DeTable<'_>) -> Option<&'static CampaignInfo> {
        let (slug, span) = self
            .cx
            .text(root, "campaign", Need::Required, None, L_CAMPAIGN)?;
        if let Some(c) = Campaign::from_slug(slug) {
            return Some(c.info());
        }
        let hint = match (Campaign::lookup(slug), Campaign::suggest(slug)) {
            (Some(c), _) => CampaignHint::WriteSlug(c),
            (None, Some(s)) => CampaignHint::Closest(s),
            (None, None) => CampaignHint::None,
        };
        self.cx.report(
            Rule::UnknownCampaign,
            Some(span),
            What::UnknownCampaign {
                given: shown(slug),
                hint,
            },
        );
        None
    }

    fn scope(&mut self, root: &DeTable<'_>) -> Option<Scope> {
        let Some((scope, span)) =
            self.cx
                .choice::<Scope>(root, "scope", Need::Optional, None, L_SCOPE)
        else {
            // Absent or blank: the default. Anything else was reported.
            return match root.get("scope").map(|v| v.get_ref()) {
                None => Some(Scope::CoSo),
                Some(DeValue::String(s)) if s.trim().is_empty() => Some(Scope::CoSo),
                _ => None,
            };
        };
        if scope == Scope::ToanTinh {
            self.cx.report(
                Rule::EscalateToChairman,
                Some(span),
                What::EscalateToChairman,
            );
        }
        Some(scope)
    }

    fn nominee(
        &mut self,
        root: &DeTable<'_>,
        kind: Option<Kind>,
        campaign: Option<&CampaignInfo>,
    ) -> Nominee {
        let mut out = Nominee::default();
        let Some((t, header)) = self.cx.table(root, "nominee", Need::Required, L_NOMINEE) else {
            return out;
        };
        let at = Some(header);

        for (k, _) in t.iter() {
            match (form::nominee_field(k.get_ref()), kind) {
                (None, _) => {
                    self.cx
                        .unknown_key(k, NOMINEE_FIELDS.iter().map(|f| f.key), C_NOMINEE);
                }
                (Some(f), Some(kind)) if f.col(kind) == Col::No => {
                    self.cx.report(
                        Rule::FieldNotForKind,
                        Some(k.span()),
                        What::FieldNotForKind { field: f, kind },
                    );
                }
                _ => {}
            }
        }

        for f in NOMINEE_FIELDS {
            let col = kind.map_or(Col::Optional, |k| f.col(k));
            let need = match col {
                Col::No => continue,
                Col::Required => Need::Required,
                Col::Optional | Col::Conditional => Need::Optional,
            };
            let label = Label::new(f.vi, f.en);
            match f.ty {
                FieldType::Text => {
                    let value = self.cx.text(t, f.key, need, at.clone(), label);
                    if let Some((s, span)) = value
                        && matches!(f.key, "name" | "full_name")
                        && out.name.is_none()
                    {
                        out.name = Some((nfc(s).trim().to_string(), span));
                    }
                }
                FieldType::Date => {
                    if let Some((birth, span)) = self.cx.date(t, f.key, need, at.clone(), label) {
                        self.check_birth(birth, span);
                        out.birth = Some(birth);
                    }
                }
                FieldType::Gender => {
                    self.cx.choice::<Gender>(t, f.key, need, at.clone(), label);
                }
                FieldType::Count => {
                    if let Some((n, span)) = self.cx.integer(t, f.key, need, at.clone(), label)
                        && n < 1
                    {
                        self.cx.report(
                            Rule::InvalidValue,
                            Some(span),
                            What::AtLeast {
                                key: f.key.to_string(),
                                min: 1,
                            },
                        );
                    }
                }
                FieldType::Role => {
                    out.role = self.role(t, at.clone(), kind, campaign);
                }
            }
        }

        if kind == Some(Kind::CaNhan) && !has_text(t, "workplace") && !has_text(t, "residence") {
            self.cx
                .report(Rule::MissingField, at, What::WorkplaceOrResidence);
        }
        out
    }

    /// The role of an individual, where the campaign lists roles.
    fn role(
        &mut self,
        t: &DeTable<'_>,
        at: Option<Range<usize>>,
        kind: Option<Kind>,
        campaign: Option<&CampaignInfo>,
    ) -> RoleState {
        let given = self.cx.text(t, "role", Need::Optional, None, L_ROLE);
        let (Some(Kind::CaNhan), Some(info)) = (kind, campaign) else {
            // Without a known campaign only the spelling can be checked.
            let role = given.and_then(|(s, span)| {
                let r = Role::parse(s);
                if r.is_none() && kind != Some(Kind::TapThe) && kind != Some(Kind::HoGiaDinh) {
                    self.cx
                        .bad_choice::<Role>(Rule::RoleNotAllowed, "role", s, span);
                }
                r
            });
            return role.map_or(RoleState::NotNeeded, RoleState::Given);
        };
        let roles = info.roles;
        match given {
            None if roles.is_empty() => RoleState::NotNeeded,
            None => {
                self.cx.report(
                    Rule::MissingRole,
                    at,
                    What::MissingRole { campaign: info.id },
                );
                RoleState::Missing
            }
            Some((s, span)) => match Role::parse(s) {
                Some(r) if roles.contains(&r) => RoleState::Given(r),
                _ => {
                    self.cx.report(
                        Rule::RoleNotAllowed,
                        Some(span),
                        What::RoleNotAllowed {
                            campaign: info.id,
                            given: shown(s),
                        },
                    );
                    if roles.is_empty() {
                        RoleState::NotNeeded
                    } else {
                        RoleState::Missing
                    }
                }
            },
        }
    }

    fn check_birth(&mut self, birth: NaiveDate, span: Range<usize>) {
        let as_of = self.settings.as_of;
        if birth > as_of {
            self.cx.report(
                Rule::DateInFuture,
                Some(span),
                What::BirthInFuture { birth, as_of },
            );
            return;
        }
        let age = age_at(birth, as_of);
        if !(6..=110).contains(&age) {
            self.cx.report(
                Rule::ImplausibleAge,
                Some(span),
                What::ImplausibleAge { age, as_of },
            );
        }
    }

    fn achievements(
        &mut self,
        root: &DeTable<'_>,
        target: Option<(&CampaignInfo, Kind)>,
        role: Option<Role>,
    ) {
        let Some(v) = self
            .cx
            .value(root, "achievements", Need::Required, None, L_ACHIEVEMENTS)
        else {
            return;
        };
        let Some(items) = self.cx.array_of_tables("achievements", v) else {
            return;
        };
        if items.is_empty() {
            self.cx
                .report(Rule::EmptyField, Some(v.span()), What::NoAchievement);
            return;
        }
        let mut backed: Vec<&str> = Vec::new();
        let criteria: Vec<&'static Criterion> = target
            .map(|(c, k)| c.criteria_for(k, role).collect())
            .unwrap_or_default();
        for (t, span) in &items {
            self.cx
                .unknown_keys(t, form::ACHIEVEMENT_KEYS, C_ACHIEVEMENT);
            self.cx.text(
                t,
                "text",
                Need::Required,
                Some(span.clone()),
                L_ACHIEVEMENT_TEXT,
            );
            let Some(list) = t.get("criteria") else {
                continue;
            };
            let DeValue::Array(ids) = list.get_ref() else {
                self.cx.wrong_type("criteria", list, Expected::CriteriaList);
                continue;
            };
            for id in ids.iter() {
                let DeValue::String(s) = id.get_ref() else {
                    self.cx.wrong_type("criteria", id, Expected::CriterionId);
                    continue;
                };
                let Some((info, kind)) = target else { continue };
                if let Some(c) = criteria.iter().find(|c| c.id == s.as_ref()) {
                    backed.push(c.id);
                    continue;
                }
                let given = shown(s);
                let hint = closest(&given, criteria.iter().map(|c| c.id));
                self.cx.report(
                    Rule::UnknownCriterion,
                    Some(id.span()),
                    What::UnknownCriterion {
                        given,
                        campaign: info.id,
                        kind,
                        hint,
                    },
                );
            }
        }
        let first = items.first().map(|(_, s)| s.clone());
        let mask = criteria
            .iter()
            .enumerate()
            .filter(|(i, c)| *i < 64 && !backed.contains(&c.id))
            .fold(0u64, |m, (i, _)| m | (1 << i));
        if let (Some((info, kind)), true) = (target, mask != 0) {
            let at = self.cx.locate(first);
            let u = Unbacked {
                campaign: info.id,
                kind,
                role,
                mask,
            };
            self.cx
                .push(Diagnostic::unbacked(self.cx.path.clone(), at, u));
        }
    }

    fn awards(&mut self, root: &DeTable<'_>, birth: Option<NaiveDate>) {
        let Some(v) = root.get("awards") else { return };
        let Some(items) = self.cx.array_of_tables("awards", v) else {
            return;
        };
        let year_max = self.settings.year;
        for (t, span) in items {
            let at = Some(span);
            self.cx.unknown_keys(t, form::AWARD_KEYS, C_AWARD);
            let year = self
                .cx
                .integer(t, "year", Need::Required, at.clone(), L_AWARD_YEAR);
            self.cx
                .text(t, "title", Need::Required, at.clone(), L_AWARD_TITLE);
            if let Some((year, span)) = &year {
                let floor = birth.map_or(1945, |b| b.year().max(1945)) as i64;
                if *year < floor || *year > year_max as i64 {
                    let why = match birth {
                        Some(b) if *year < b.year() as i64 => YearProblem::BeforeBirth(b.year()),
                        _ => YearProblem::OutOfRange(year_max),
                    };
                    self.cx.report(
                        Rule::AwardYearOutOfRange,
                        Some(span.clone()),
                        What::AwardYear { year: *year, why },
                    );
                }
            }
            if let Some((number, span)) =
                self.cx
                    .text(t, "decision", Need::Optional, None, L_DECISION)
            {
                self.decision(number, span);
            }
            if let Some((date, span)) =
                self.cx
                    .date(t, "date", Need::Optional, None, L_DECISION_DATE)
            {
                if date > self.settings.as_of {
                    self.cx.report(
                        Rule::DateInFuture,
                        Some(span),
                        What::DateInFuture {
                            date,
                            as_of: self.settings.as_of,
                        },
                    );
                } else if let Some((year, _)) = year
                    && i64::from(date.year()) != year
                {
                    self.cx.report(
                        Rule::AwardDateMismatch,
                        Some(span),
                        What::AwardDateMismatch { date, year },
                    );
                }
            }
        }
    }

    /// A decision number: its shape (SPEC §5), and the slips that keep the
    /// shape but are almost surely wrong.
    fn decision(&mut self, number: &str, span: Range<usize>) {
        let given = shown(number.trim());
        if !docnum::is_valid(number) {
            self.cx.report(
                Rule::InvalidDecisionNumber,
                Some(span),
                What::InvalidDecision { given },
            );
        } else if let Some(meant) = docnum::intended(number) {
            self.cx.report(
                Rule::SuspiciousDecisionNumber,
                Some(span),
                What::SuspiciousDecision { given, meant },
            );
        }
    }

    fn facts(
        &mut self,
        root: &DeTable<'_>,
        target: Option<(&CampaignInfo, Kind)>,
        role: RoleState,
    ) -> Facts {
        let mut facts = Facts::default();
        let Some((t, header)) = self.cx.table(root, "facts", Need::Optional, L_FACTS) else {
            return facts;
        };
        facts.header = Some(header);
        let judged = target.filter(|_| role.settled());
        let role = role.role();
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            let Some(fact) = Fact::from_slug(key) else {
                self.cx.unknown_key(k, Fact::slugs(), C_FACTS);
                continue;
            };
            let label = Label::new(fact.label(Lang::Vi), fact.label(Lang::En));
            let value = match fact.ty() {
                FactType::Rating => self
                    .cx
                    .choice::<Rating>(t, key, Need::Optional, None, label)
                    .map(|(r, s)| (FactValue::Rating(r), s)),
                FactType::InitiativeLevel => self
                    .cx
                    .choice::<InitiativeLevel>(t, key, Need::Optional, None, label)
                    .map(|(l, s)| (FactValue::Level(l), s)),
                FactType::Bool => self
                    .cx
                    .boolean(t, key, Need::Optional, None, label)
                    .map(|(b, s)| (FactValue::Bool(b), s)),
                FactType::Count | FactType::Rank => {
                    let min = if fact.ty() == FactType::Count { 0 } else { 1 };
                    match self.cx.integer(t, key, Need::Optional, None, label) {
                        Some((n, s)) if n >= min => Some((FactValue::Int(n), s)),
                        Some((_, s)) => {
                            self.cx.report(
                                Rule::InvalidValue,
                                Some(s),
                                What::AtLeast {
                                    key: key.to_string(),
                                    min,
                                },
                            );
                            None
                        }
                        None => None,
                    }
                }
                FactType::Score | FactType::Area => {
                    let (max, range) = if fact.ty() == FactType::Score {
                        (100.0, MsgRange::ZeroToHundred)
                    } else {
                        (f64::INFINITY, MsgRange::ZeroOrMore)
                    };
                    match self.cx.number(t, key, Need::Optional, None, label) {
                        Some((n, s)) if (0.0..=max).contains(&n) => Some((FactValue::Num(n), s)),
                        Some((_, s)) => {
                            self.cx.report(
                                Rule::InvalidValue,
                                Some(s),
                                What::InRange {
                                    key: key.to_string(),
                                    range,
                                },
                            );
                            None
                        }
                        None => None,
                    }
                }
            };
            // A value left blank or wrongly typed still counts as written, so
            // that a stray fact is pointed out whatever its value.
            match value {
                Some((value, span)) => facts.set(fact, value, span),
                None => {
                    if let Some((info, kind)) = judged
                        && !info.reads(kind, role, fact)
                    {
                        self.not_applicable(info, kind, fact, v.span());
                    }
                }
            }
        }
        if let Some((info, kind)) = judged {
            let stray: Vec<(Fact, Range<usize>)> = facts
                .present()
                .filter(|(f, _)| !info.reads(kind, role, *f))
                .map(|(f, s)| (f, s.clone()))
                .collect();
            for (fact, span) in stray {
                self.not_applicable(info, kind, fact, span);
            }
        }
        facts
    }

    fn not_applicable(&mut self, info: &CampaignInfo, kind: Kind, fact: Fact, span: Range<usize>) {
        self.cx.report(
            Rule::FactNotApplicable,
            Some(span),
            What::FactNotApplicable {
                campaign: info.id,
                kind,
                fact,
            },
        );
    }

    fn model(
        &mut self,
        root: &DeTable<'_>,
        campaign: Option<&CampaignInfo>,
        kind: Option<Kind>,
    ) -> Option<Model> {
        let wanted = match (campaign, kind) {
            (Some(c), Some(k)) => Some(c.has_model(k)),
            _ => None,
        };
        if wanted == Some(false) {
            if let Some((key, _)) = root.get_key_value("model") {
                self.cx
                    .report(Rule::FieldNotForKind, Some(key.span()), What::ModelNotHere);
            }
            return None;
        }
        let need = if wanted == Some(true) {
            Need::Required
        } else {
            Need::Optional
        };
        let (t, header) = self.cx.table(root, "model", need, L_MODEL)?;
        let at = Some(header.clone());
        self.cx.unknown_keys(t, form::MODEL_KEYS, C_MODEL);
        self.cx.text(
            t,
            "name",
            need,
            at.clone(),
            Label::new("tên mô hình", "name of the model"),
        );
        self.cx.text(
            t,
            "address",
            need,
            at.clone(),
            Label::new("địa chỉ mô hình", "address of the model"),
        );
        self.cx.choice::<crate::vocab::Domain>(
            t,
            "domain",
            need,
            at.clone(),
            Label::new("lĩnh vực", "field"),
        );
        Some(Model {
            header: Some(header),
            four_step_plan: self.cx.boolean(
                t,
                "four_step_plan",
                need,
                at.clone(),
                Label::new("kế hoạch theo 4 bước", "four-step plan"),
            ),
            // The plan asks for "tiêu chí đánh giá … với thang điểm 100", a
            // scale, not a score: optional, checked when given.
            score: self.cx.number(
                t,
                "score",
                Need::Optional,
                at.clone(),
                Label::new("điểm đánh giá (thang 100)", "score (out of 100)"),
            ),
            records_archived: self.cx.boolean(
                t,
                "records_archived",
                need,
                at,
                Label::new("hồ sơ lưu trữ đầy đủ", "records archived"),
            ),
        })
    }
}

fn has_text(t: &DeTable<'_>, key: &str) -> bool {
    matches!(t.get(key).map(|v| v.get_ref()), Some(DeValue::String(s)) if !s.trim().is_empty())
}

/// Age in whole years on `day`.
pub fn age_at(birth: NaiveDate, day: NaiveDate) -> i32 {
    let mut age = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// The Vietnamese way of writing a date: 12/04/1968.
pub fn dmy(d: NaiveDate) -> String {
    crate::text::dmy(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::parse_dmy;

    #[test]
    fn day_month_year_strings() {
        assert_eq!(
            parse_dmy("12/04/1968"),
            NaiveDate::from_ymd_opt(1968, 4, 12)
        );
        assert_eq!(parse_dmy("1/4/1968"), NaiveDate::from_ymd_opt(1968, 4, 1));
        assert_eq!(parse_dmy("31/02/1980"), None);
        assert_eq!(parse_dmy("1968-04-12"), None);
        assert_eq!(parse_dmy("12/04/68"), None);
        assert_eq!(parse_dmy("+1/04/1968"), None);
    }

    #[test]
    fn ages() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(age_at(d(1968, 4, 12), d(2023, 12, 31)), 55);
        assert_eq!(age_at(d(1968, 12, 31), d(2023, 12, 30)), 54);
    }
}
