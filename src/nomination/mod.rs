//! Reading one nomination file against its form (SPEC §3) and handing the
//! campaign rules what they need. Every problem is collected; nothing stops
//! at the first.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use toml::de::{DeTable, DeValue};

use crate::campaign::{Campaign, CampaignInfo, Criterion};
use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::facts::{Facts, Model};
use crate::form::{self, AchievementKey, AwardKey, Col, FieldType, ModelKey, NOMINEE_FIELDS, Top};
use crate::lang::Lang;
use crate::messages::{
    CampaignHint, Expected, Label, Range as MsgRange, UnevidencedCriteria, What, YearProblem,
};
pub(crate) use crate::reader::{Cx, Need};
use crate::text::{closest, fold_key, nfc, shown};
use crate::vocab::{
    Fact, FactType, FactValue, Gender, InitiativeLevel, Kind, Rating, Role, Scope, Vocab,
};
use crate::{docnum, rules};

mod achievements;
mod awards;
mod facts;
mod import;
// One file per part of the form; each adds its methods to NominationCheck.
mod nominee;

/// What the cross-file rules and the summary keep of a nomination.
#[derive(Clone, Debug, Default)]
pub struct Nomination {
    pub campaign: Option<Campaign>,
    pub kind: Option<Kind>,
    pub role: Option<Role>,
    pub scope: Option<Scope>,
    /// Name of the collective, or of the person (chủ hộ), as written (NFC).
    pub name: Option<Box<str>>,
    /// A person's date of birth, which with the name tells who they are.
    pub birth: Option<NaiveDate>,
    /// Where the name is written (bytes), to point duplicates at. Only the
    /// span is kept: a round of 100,000 files should not keep a line of
    /// text for each, for the few that turn out to be duplicates.
    pub name_span: Option<Range<u32>>,
    /// The form of commendation the unit proposes, as written.
    pub proposed_award: Option<Box<str>>,
    /// For `linh-vuc-khac`: the movement or field it belongs to.
    pub movement: Option<Box<str>>,
    /// The exemplar's photo, a file beside the nomination (SPEC §3).
    pub photo: Option<Photo>,
    /// `[import] unread`: fields kh could not read from the source, which
    /// no letter asks the unit for (SPEC §15.1).
    pub unread: Vec<Box<str>>,
    /// `[import] replaces`: the file (relative to the unit) a resent report
    /// may replace; until a person removes one, the pair is one (SPEC §15.1).
    pub replaces: Option<Box<str>>,
}

/// A photo as the file names it, and whether its publication was agreed.
#[derive(Clone, Debug, Default)]
pub struct Photo {
    pub file: Box<str>,
    /// Where the name is written, to point a missing file at.
    pub span: Range<u32>,
    /// `photo_consent = true`: only then is it published (ND 13/2023).
    pub consent: bool,
}

/// The most bytes a photo may have (SPEC §3).
pub const PHOTO_MAX_BYTES: u64 = 5 * 1024 * 1024;

/// A photo's name is a plain JPEG or PNG file name beside the nomination.
pub fn photo_name_problem(name: &str) -> Option<crate::messages::PhotoProblem> {
    use crate::messages::PhotoProblem;
    let plain = !name.contains(['/', '\\']) && name != "." && name != "..";
    if !plain {
        return Some(PhotoProblem::NotBeside);
    }
    let low = name.to_lowercase();
    if ![".jpg", ".jpeg", ".png"].iter().any(|e| low.ends_with(e)) {
        return Some(PhotoProblem::NotJpegPng);
    }
    None
}

impl Nomination {
    /// Who is nominated, for `duplicate-nominee`.
    pub fn identity(&self) -> Option<Identity> {
        self.identities().0
    }

    /// [`Nomination::identity`], and for a person the name without
    /// diacritics with the birth date: where one of two names is typed with
    /// no diacritic at all, the two may be one person (SPEC §6, "có thể
    /// trùng"). Both at once, the name folded once: the check makes them
    /// for every file.
    pub fn identities(&self) -> (Option<Identity>, Option<(String, NaiveDate)>) {
        let (Some(kind), Some(name)) = (self.kind, self.name.as_deref()) else {
            return (None, None);
        };
        let name = fold_key(name);
        match (kind, self.birth) {
            (Kind::TapThe, _) => (Some(Identity::Collective { name }), None),
            (_, Some(birth)) => {
                let plain = crate::text::strip_diacritics(&name);
                (Some(Identity::Person { name, birth }), Some((plain, birth)))
            }
            _ => (None, None),
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
const L_PHOTO: Label = Label::new("ảnh của điển hình", "the exemplar's photo");
const L_PHOTO_CONSENT: Label = Label::new(
    "sự đồng ý công bố ảnh (photo_consent)",
    "consent to publish the photo (photo_consent)",
);
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
            .choice::<Kind>(root, Top::Kind.key(), Need::Required, None, L_KIND);
        if let (Some(info), Some((k, span))) = (campaign, &kind)
            && !info.takes(*k)
        {
            self.cx.report(
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
                Top::ProposedAward.key(),
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
            .text(root, Top::Movement.key(), movement_need, None, L_MOVEMENT)
            .map(|(s, _)| nfc(s).trim().to_string());
        let photo = self.photo(root);
        let nominee = self.nominee(root, kind, campaign);
        let role = nominee.role.role();
        self.achievements(root, target, role);
        self.awards(root, nominee.birth);
        let facts = self.facts(root, target, nominee.role);
        let model = self.model(root, campaign, kind);
        let import = self.import(root);
        if let Some((info, k)) = target {
            rules::apply(self.cx, info, k, role, &facts, model.as_ref());
        }

        Nomination {
            campaign: campaign.map(|c| c.id),
            kind,
            role,
            scope,
            // Four-byte offsets: a file is at most a mebibyte.
            name_span: nominee
                .name
                .as_ref()
                .and_then(|(_, s)| Some(u32::try_from(s.start).ok()?..u32::try_from(s.end).ok()?)),
            name: nominee.name.map(|(n, _)| n.into()),
            birth: nominee.birth,
            proposed_award: proposed_award.map(Into::into),
            movement: movement.map(Into::into),
            photo,
            unread: import.unread,
            replaces: import.replaces,
        }
    }

    /// `photo` and `photo_consent`: consent is required with a photo.
    fn photo(&mut self, root: &DeTable<'_>) -> Option<Photo> {
        let photo = self
            .cx
            .text(root, Top::Photo.key(), Need::Optional, None, L_PHOTO)
            .map(|(s, span)| (nfc(s.trim()).into_owned(), span));
        let need = if photo.is_some() {
            Need::Required
        } else {
            Need::Optional
        };
        let consent = self
            .cx
            .boolean(root, Top::PhotoConsent.key(), need, None, L_PHOTO_CONSENT)
            .map(|(b, _)| b);
        let (file, span) = photo?;
        if let Some(problem) = photo_name_problem(&file) {
            self.cx
                .report(Some(span), What::PhotoFile { file, problem });
            return None;
        }
        Some(Photo {
            span: u32::try_from(span.start).unwrap_or(0)..u32::try_from(span.end).unwrap_or(0),
            file: file.into(),
            consent: consent.unwrap_or(false),
        })
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
        let (slug, span) =
            self.cx
                .text(root, Top::Campaign.key(), Need::Required, None, L_CAMPAIGN)?;
        if let Some(c) = Campaign::from_slug(slug) {
            return Some(c.info());
        }
        let hint = match (Campaign::lookup(slug), Campaign::suggest(slug)) {
            (Some(c), _) => CampaignHint::WriteSlug(c),
            (None, Some(s)) => CampaignHint::Closest(s),
            (None, None) => CampaignHint::None,
        };
        self.cx.report(
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
                .choice::<Scope>(root, Top::Scope.key(), Need::Optional, None, L_SCOPE)
        else {
            // Absent or blank: the default. Anything else was reported.
            return match root.get(Top::Scope.key()).map(|v| v.get_ref()) {
                None => Some(Scope::CoSo),
                Some(DeValue::String(s)) if s.trim().is_empty() => Some(Scope::CoSo),
                _ => None,
            };
        };
        if scope == Scope::ToanTinh {
            self.cx.report(Some(span), What::EscalateToChairman);
        }
        Some(scope)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::parse_dmy;

    #[test]
    fn identities_fold_the_name_and_drop_its_diacritics() {
        let birth = NaiveDate::from_ymd_opt(1980, 1, 2);
        let of = |kind, name: &str, birth| Nomination {
            kind: Some(kind),
            name: Some(name.into()),
            birth,
            ..Nomination::default()
        };
        let person = of(Kind::CaNhan, "Nguye\u{0302}\u{0303}n  Văn An", birth);
        let birth = birth.unwrap_or_default();
        let (id, plain) = person.identities();
        assert_eq!(
            id,
            Some(Identity::Person {
                name: "nguyễn văn an".to_string(),
                birth
            })
        );
        assert_eq!(plain, Some(("nguyen van an".to_string(), birth)));
        let collective = of(Kind::TapThe, "Sở  Y tế", None);
        assert_eq!(
            collective.identities(),
            (
                Some(Identity::Collective {
                    name: "sở y tế".to_string()
                }),
                None
            )
        );
        // A person with no birth date is nobody the duplicates can name.
        assert_eq!(
            of(Kind::HoGiaDinh, "Lê Thị C", None).identities(),
            (None, None)
        );
        assert_eq!(Nomination::default().identities(), (None, None));
    }

    #[test]
    fn day_month_year_strings() {
        assert_eq!(
            parse_dmy("12/04/1968").and_then(Result::ok),
            NaiveDate::from_ymd_opt(1968, 4, 12)
        );
        assert_eq!(
            parse_dmy("1/4/1968").and_then(Result::ok),
            NaiveDate::from_ymd_opt(1968, 4, 1)
        );
        // A day that does not exist is told apart from another shape.
        assert_eq!(parse_dmy("31/02/1980"), Some(Err(())));
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
