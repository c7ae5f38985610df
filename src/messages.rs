//! Every finding in words, in Vietnamese and in English: the one place kh's
//! diagnostics are worded. Checks record *what* they found ([`What`]: keys,
//! values, ids, counts) and never see the language; a finding is worded
//! only when it is printed or written, so a note that is only counted costs
//! no text.

use chrono::NaiveDate;

use crate::campaign::{Campaign, Cond, Criterion};
use crate::explain::Rule;
use crate::form::Field;
use crate::lang::Lang;
use crate::tr;
use crate::vocab::{Fact, InitiativeLevel, Kind, Rating, Role, Status};

/// A thing's name in both languages, chosen when it is said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub vi: &'static str,
    pub en: &'static str,
}

impl Label {
    pub const fn new(vi: &'static str, en: &'static str) -> Label {
        Label { vi, en }
    }

    pub fn say(self, lang: Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }
}

/// What a value should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    QuotedText,
    WholeNumber,
    Number,
    TrueFalse,
    Date,
    CriteriaList,
    CriterionId,
}

/// What a value was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    Text,
    Integer,
    Float,
    Boolean,
    DateTime,
    Array,
    Table,
}

/// Why a date is no date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    NotOnCalendar,
    HasTime,
    NotDayMonthYear,
}

/// The usual TOML slips (see `syntax`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Syntax {
    LineBreakInText,
    QuoteInText,
    KeyTwice(String),
    MissingEquals,
    MissingBracket,
    /// The parser's own words.
    Other(String),
}

/// Why an award's year will not do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearProblem {
    BeforeBirth(i32),
    OutOfRange(i32),
}

/// How `campaign` was near a known one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CampaignHint {
    /// It names a campaign by its name or alias: the slug is wanted.
    WriteSlug(Campaign),
    Closest(&'static str),
    None,
}

/// What a file or folder could not be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    Symlink,
    Special,
    NotRegular,
    /// Over the ceiling, in bytes.
    TooLarge(u64),
    NotUtf8,
    /// What the system said, worded in the run's language when shown.
    Io(std::io::ErrorKind, String),
}

/// What makes a text implausible (`implausible-text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFault {
    DigitsOnly,
    DoubleSpace,
    /// A control character (NUL, ESC, a line break) or U+FFFE/U+FFFF.
    Control,
    TooLong {
        chars: usize,
        max: usize,
    },
}

/// How many other files a `duplicate-nominee` finding names (SPEC §6).
pub const DUPLICATES_NAMED: usize = 5;

/// The range a number must fall in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    ZeroToHundred,
    ZeroOrMore,
}

/// The criteria of one nomination that no achievement backs.
#[derive(Clone, Copy, Debug)]
pub struct UnevidencedCriteria {
    pub campaign: Campaign,
    pub kind: Kind,
    pub role: Option<Role>,
    /// Bit `i`: the `i`-th of `criteria_for(kind, role)` is unevidenced.
    pub mask: u64,
}

impl UnevidencedCriteria {
    /// The criteria, in the campaign's order.
    pub fn criteria(self) -> impl Iterator<Item = &'static Criterion> {
        self.campaign
            .info()
            .criteria_for(self.kind, self.role)
            .enumerate()
            .filter(move |(i, _)| *i < 64 && self.mask & (1 << i) != 0)
            .map(|(_, c)| c)
    }

    /// Each criterion as a finding of its own.
    pub fn each(self) -> impl Iterator<Item = UnevidencedCriteria> {
        (0..64)
            .filter(move |i| self.mask & (1u64 << i) != 0)
            .map(move |i| UnevidencedCriteria {
                mask: 1u64 << i,
                ..self
            })
    }
}

/// A value outside a closed list, and the list.
#[derive(Clone, Debug)]
pub struct BadChoice {
    pub key: String,
    pub given: String,
    pub hint: Option<&'static str>,
    pub choices: String,
}

/// What is wrong with a nomination's `photo`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoProblem {
    /// A path, not a file name beside the nomination.
    NotBeside,
    NotJpegPng,
    Missing,
    TooBig,
}

/// Something found, with what its words need.
#[derive(Clone, Debug)]
pub enum What {
    PhotoFile {
        file: String,
        problem: PhotoProblem,
    },
    Syntax(Syntax),
    WrongType {
        key: String,
        expected: Expected,
        found: Found,
    },
    /// A table wanted where something else stands: `[nominee]`, `[[awards]]`.
    WrongTypeTable {
        key: String,
        list: bool,
        found: Found,
    },
    MissingField {
        key: String,
        label: Label,
    },
    EmptyField {
        key: String,
        label: Label,
    },
    /// Boxed: the largest finding, and a rare one, should not size them all.
    BadChoice(Box<BadChoice>),
    InvalidDate {
        key: String,
        raw: String,
        why: DateProblem,
    },
    TooLarge {
        key: String,
    },
    NotFinite {
        key: String,
    },
    AtLeast {
        key: String,
        min: i64,
    },
    InRange {
        key: String,
        range: Range,
    },
    UnknownField {
        name: String,
        context: Label,
        hint: Option<&'static str>,
    },
    NomineeFieldAtTop {
        key: String,
    },
    /// A field `kh import` found the label of but could not read (SPEC
    /// §15.1): its dotted key, and the source it was imported from.
    ImportUnread {
        key: String,
        source: Option<String>,
    },
    /// An entry of `[import] unread` that names no field.
    UnreadKey {
        given: String,
    },
    UnknownCampaign {
        given: String,
        hint: CampaignHint,
    },
    KindNotAllowed {
        campaign: Campaign,
        kind: Kind,
    },
    EscalateToChairman,
    FieldNotForKind {
        field: &'static Field,
        kind: Kind,
    },
    WorkplaceOrResidence,
    MissingRole {
        campaign: Campaign,
        kind: Kind,
    },
    RoleNotAllowed {
        campaign: Campaign,
        kind: Kind,
        given: String,
    },
    BirthInFuture {
        birth: NaiveDate,
        as_of: NaiveDate,
    },
    ImplausibleAge {
        age: i32,
        as_of: NaiveDate,
    },
    NoAchievement,
    UnknownCriterion {
        given: String,
        campaign: Campaign,
        kind: Kind,
        hint: Option<&'static str>,
    },
    /// One note per criterion no achievement backs, worded when shown: a
    /// bit for each of the criteria the campaign asks of this kind and role,
    /// in their order (no list is kept for a note most runs only count).
    UnevidencedCriteria(UnevidencedCriteria),
    AwardYear {
        year: i64,
        why: YearProblem,
    },
    InvalidDecision {
        given: String,
    },
    SuspiciousDecision {
        given: String,
        meant: String,
    },
    DateInFuture {
        date: NaiveDate,
        as_of: NaiveDate,
    },
    AwardDateMismatch {
        date: NaiveDate,
        year: i64,
    },
    FactNotApplicable {
        campaign: Campaign,
        kind: Kind,
        fact: Fact,
    },
    ModelNotHere,
    MissingFact {
        section: &'static str,
        fact: Fact,
    },
    NotZero {
        section: &'static str,
        fact: Fact,
        n: f64,
    },
    AnyOf {
        section: &'static str,
        conds: &'static [Cond],
    },
    InitiativeLevel {
        section: &'static str,
        want: InitiativeLevel,
        got: InitiativeLevel,
    },
    TooLow {
        section: &'static str,
        fact: Fact,
        min: f64,
        n: f64,
    },
    NoParRise {
        section: &'static str,
    },
    RatingBelow {
        section: &'static str,
        fact: Fact,
        got: Rating,
        floor: Rating,
    },
    ModelNoPlan {
        section: &'static str,
    },
    ModelNotArchived {
        section: &'static str,
    },
    ModelScoreOff {
        section: &'static str,
        score: f64,
    },
    OutsideUnit,
    UnitMissingDescriptor {
        slug: String,
    },
    UnitOverCap {
        n: usize,
        cap: usize,
        paths: Vec<String>,
        /// The unit's other folders, where it is split (SPEC §6).
        folders: Vec<String>,
    },
    /// Folders that are one unit; `others` are the folders after the first.
    SplitUnit {
        name: String,
        others: Vec<String>,
    },
    CapChanged {
        cap: usize,
        year: i32,
    },
    DuplicateNominee {
        name: String,
        /// At most [`DUPLICATES_NAMED`] of the other files.
        others: Vec<String>,
        /// How many more there are past those.
        more: usize,
        /// One name typed without diacritics: may be the same person.
        possible: bool,
    },
    NonUtf8Name,
    LinkSkipped,
    /// A value typed as clerks type it, read as it plainly means.
    ValueReadAs {
        key: String,
        raw: String,
        /// As it should be written, TOML's way.
        read: String,
    },
    /// The date copied after a decision's number is not the award's `date`.
    DecisionDateMismatch {
        date: NaiveDate,
        in_number: NaiveDate,
    },
    /// A yes/no fact left out that another given fact answers (§3.5: a
    /// given `par_index` means the province scores the unit).
    FactReadAsTrue {
        fact: Fact,
        given: Fact,
    },
    /// A role left out that the file shows by its facts or criteria (§3.13).
    RoleReadAs {
        role: Role,
    },
    BirthYearOnly {
        year: i32,
    },
    MisnamedFile {
        to: String,
    },
    NoNominations {
        root: String,
    },
    ImplausibleText {
        label: Label,
        why: TextFault,
    },
    UnexpectedUnit {
        slug: String,
        hint: Option<String>,
        /// The roster names this very unit under `hint` (same name, or a
        /// slug the folder's extends): one unit, counted as having sent.
        same: bool,
    },
    ReviewStale {
        status: Status,
        date: Option<NaiveDate>,
        path: String,
    },
    ReviewReturned {
        date: Option<NaiveDate>,
        reviewer: Option<String>,
        note: String,
    },
    ReviewRejected {
        date: Option<NaiveDate>,
        reviewer: Option<String>,
        note: String,
    },
    ReviewOrphan {
        path: String,
        hint: Option<String>,
    },
    ReviewNoteNeeded {
        status: Status,
    },
    ReviewSha,
    ReviewTwice {
        path: String,
        line: usize,
    },
    YearRange,
    ExpectedCode {
        code: String,
    },
    Unreadable(Unreadable),
}

/// "06/10/2023, Trần Thị B": the day of a decision and who took it.
fn when_by(date: &Option<NaiveDate>, reviewer: Option<&str>) -> String {
    let day = when(date);
    match reviewer {
        Some(r) if !day.is_empty() => format!("{day}, {r}"),
        Some(r) => r.to_string(),
        None => day,
    }
}

fn dmy(d: NaiveDate) -> String {
    crate::text::dmy(d)
}

fn expected(e: Expected, lang: Lang) -> &'static str {
    match e {
        Expected::QuotedText => lang.pick("chuỗi văn bản trong dấu ngoặc kép", "a quoted string"),
        Expected::WholeNumber => lang.pick("số nguyên", "a whole number"),
        Expected::Number => lang.pick("một số", "a number"),
        Expected::TrueFalse => "true/false",
        Expected::Date => lang.pick("một ngày", "a date"),
        Expected::CriteriaList => lang.pick(
            "danh sách mã tiêu chí, ví dụ [\"sang-tao\"]",
            "a list of criterion ids, as in [\"sang-tao\"]",
        ),
        Expected::CriterionId => lang.pick("mã tiêu chí trong ngoặc kép", "a quoted criterion id"),
    }
}

fn found(f: Found, lang: Lang) -> &'static str {
    match f {
        Found::Text => lang.pick("chuỗi văn bản", "a string"),
        Found::Integer => lang.pick("số nguyên", "an integer"),
        Found::Float => lang.pick("số thực", "a float"),
        Found::Boolean => lang.pick("true/false", "a boolean"),
        Found::DateTime => lang.pick("ngày giờ", "a date-time"),
        Found::Array => lang.pick("mảng", "an array"),
        Found::Table => lang.pick("bảng", "a table"),
    }
}

fn kinds_list(kinds: &[Kind], lang: Lang) -> String {
    kinds
        .iter()
        .map(|k| format!("{} ({})", k.slug(), k.label(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which role fits whom, where the plan's words are not plain from the slug
/// (§3.12's collectives).
fn who_fits(roles: &[Role], lang: Lang) -> String {
    if !roles.contains(&Role::LucLuongCongAn) {
        return String::new();
    }
    lang.pick(
        " (luc-luong-cong-an: đơn vị thuộc lực lượng công an, phải hoàn thành xuất sắc nhiệm vụ; co-quan-dia-phuong-doanh-nghiep: cơ quan, đơn vị, địa phương, doanh nghiệp có thành tích phòng, chống tội phạm)",
        " (luc-luong-cong-an: a police unit, which must be rated excellent; co-quan-dia-phuong-doanh-nghiep: an agency, locality or enterprise that helped fight crime)",
    )
    .to_string()
}

fn roles_list(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.slug())
        .collect::<Vec<_>>()
        .join(" | ")
}

fn cond_text(cond: Cond) -> String {
    match cond {
        Cond::True(f) => format!("`{} = true`", f.slug()),
        Cond::Positive(f) => format!("`{} > 0`", f.slug()),
    }
}

/// The conditions of an "any of" rule, joined as the language joins them.
pub fn any_of(conds: &[Cond], lang: Lang) -> String {
    conds
        .iter()
        .map(|c| cond_text(*c))
        .collect::<Vec<_>>()
        .join(lang.pick(" hoặc ", " or "))
}

fn when(date: &Option<NaiveDate>) -> String {
    date.map(dmy).unwrap_or_default()
}

impl What {
    /// The rule this finding breaks: a finding names its rule, so a check
    /// cannot pair a finding with another rule's code (#35.3).
    pub fn rule(&self) -> Rule {
        match self {
            What::Syntax(_) => Rule::ParseError,
            What::Unreadable(u) => match u {
                Unreadable::Symlink => Rule::LinkSkipped,
                Unreadable::Special | Unreadable::NotRegular => Rule::NotRegularFile,
                Unreadable::TooLarge(_) => Rule::FileTooLarge,
                Unreadable::NotUtf8 => Rule::NotUtf8,
                Unreadable::Io(..) => Rule::IoError,
            },
            What::LinkSkipped => Rule::LinkSkipped,
            What::NonUtf8Name => Rule::NonUtf8Name,
            What::MissingField { .. }
            | What::WorkplaceOrResidence
            | What::ReviewNoteNeeded { .. } => Rule::MissingField,
            What::EmptyField { .. } | What::NoAchievement => Rule::EmptyField,
            // A role no campaign knows is the role rule's, whatever the
            // campaign (SPEC §4); every other unknown word is a bad value.
            What::BadChoice(c) if c.key == crate::form::NomineeKey::Role.key() => {
                Rule::RoleNotAllowed
            }
            What::BadChoice(_)
            | What::PhotoFile { .. }
            | What::WrongType { .. }
            | What::WrongTypeTable { .. }
            | What::TooLarge { .. }
            | What::NotFinite { .. }
            | What::AtLeast { .. }
            | What::InRange { .. }
            | What::UnreadKey { .. }
            | What::ReviewSha
            | What::ReviewTwice { .. }
            | What::YearRange
            | What::ExpectedCode { .. } => Rule::InvalidValue,
            What::InvalidDate { .. } => Rule::InvalidDate,
            What::UnknownField { .. } | What::NomineeFieldAtTop { .. } => Rule::UnknownField,
            What::ImportUnread { .. } => Rule::ImportUnread,
            What::UnknownCampaign { .. } => Rule::UnknownCampaign,
            What::KindNotAllowed { .. } => Rule::KindNotAllowed,
            What::EscalateToChairman => Rule::EscalateToChairman,
            What::FieldNotForKind { .. } | What::ModelNotHere => Rule::FieldNotForKind,
            What::MissingRole { .. } => Rule::MissingRole,
            What::RoleNotAllowed { .. } => Rule::RoleNotAllowed,
            What::BirthInFuture { .. } | What::DateInFuture { .. } => Rule::DateInFuture,
            What::ImplausibleAge { .. } => Rule::ImplausibleAge,
            What::UnknownCriterion { .. } => Rule::UnknownCriterion,
            What::UnevidencedCriteria(_) => Rule::UnevidencedCriterion,
            What::AwardYear { .. } => Rule::AwardYearOutOfRange,
            What::InvalidDecision { .. } => Rule::InvalidDecisionNumber,
            What::SuspiciousDecision { .. } => Rule::SuspiciousDecisionNumber,
            What::AwardDateMismatch { .. } | What::DecisionDateMismatch { .. } => {
                Rule::AwardDateMismatch
            }
            What::FactNotApplicable { .. } => Rule::FactNotApplicable,
            What::MissingFact { .. } => Rule::MissingFact,
            What::RatingBelow { .. } => Rule::RatingBelowRequired,
            What::NotZero { .. }
            | What::AnyOf { .. }
            | What::InitiativeLevel { .. }
            | What::TooLow { .. }
            | What::NoParRise { .. }
            | What::ModelNoPlan { .. }
            | What::ModelNotArchived { .. }
            | What::ModelScoreOff { .. } => Rule::CriterionNotMet,
            What::ValueReadAs { .. } | What::FactReadAsTrue { .. } | What::RoleReadAs { .. } => {
                Rule::ValueReadAs
            }
            What::BirthYearOnly { .. } => Rule::BirthYearOnly,
            What::ImplausibleText { .. } => Rule::ImplausibleText,
            What::OutsideUnit => Rule::OutsideUnit,
            What::UnitMissingDescriptor { .. } => Rule::UnitMissingDescriptor,
            What::UnitOverCap { .. } => Rule::UnitOverCap,
            What::SplitUnit { .. } => Rule::SplitUnit,
            What::CapChanged { .. } => Rule::CapChanged,
            What::DuplicateNominee { .. } => Rule::DuplicateNominee,
            What::MisnamedFile { .. } => Rule::MisnamedFile,
            What::NoNominations { .. } => Rule::NoNominations,
            What::UnexpectedUnit { .. } => Rule::UnexpectedUnit,
            What::ReviewStale { .. } => Rule::ReviewStale,
            What::ReviewReturned { .. } => Rule::ReviewReturned,
            What::ReviewRejected { .. } => Rule::ReviewRejected,
            What::ReviewOrphan { .. } => Rule::ReviewOrphan,
        }
    }

    /// The message.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            What::Syntax(s) => match s {
                Syntax::LineBreakInText => lang
                    .pick(
                        "Văn bản xuống dòng khi chưa đóng dấu ngoặc kép",
                        "A text runs onto the next line before its closing quote",
                    )
                    .to_string(),
                Syntax::QuoteInText => lang
                    .pick(
                        "Văn bản có dấu ngoặc kép \" ở bên trong",
                        "A text has a double quote \" inside it",
                    )
                    .to_string(),
                Syntax::KeyTwice(key) => tr!(
                    lang,
                    "Trường `{key}` được ghi hai lần",
                    "Field `{key}` is written twice"
                ),
                Syntax::MissingEquals => lang
                    .pick(
                        "Thiếu dấu = giữa tên trường và giá trị",
                        "An = is missing between the key and its value",
                    )
                    .to_string(),
                Syntax::MissingBracket => lang
                    .pick(
                        "Thiếu dấu ] đóng tên bảng",
                        "A ] is missing at the end of a table header",
                    )
                    .to_string(),
                Syntax::Other(_) => lang
                    .pick("Tệp TOML sai cú pháp ở đây", "The TOML does not parse here")
                    .to_string(),
            },
            What::WrongType {
                key,
                expected: e,
                found: f,
            } => {
                let (e, f) = (expected(*e, lang), found(*f, lang));
                tr!(
                    lang,
                    "`{key}` phải là {e}, không phải {f}",
                    "`{key}` must be {e}, not {f}"
                )
            }
            What::WrongTypeTable { key, list, found: f } => {
                let e = match list {
                    true => tr!(lang, "danh sách [[{key}]]", "a list of [[{key}]] entries"),
                    false => tr!(lang, "một bảng [{key}]", "a table [{key}]"),
                };
                let f = found(*f, lang);
                tr!(
                    lang,
                    "`{key}` phải là {e}, không phải {f}",
                    "`{key}` must be {e}, not {f}"
                )
            }
            What::MissingField { key, label } => {
                let label = label.say(lang);
                // The form's label first, the key for whoever edits the
                // file second (SPEC §9.2).
                let label = crate::text::upper_first(label);
                tr!(lang, "Thiếu {label} (`{key}`)", "Missing {label} (`{key}`)")
            }
            What::EmptyField { key, label } => {
                let label = label.say(lang);
                let label = crate::text::upper_first(label);
                tr!(
                    lang,
                    "{label} (`{key}`) đang để trống",
                    "{label} (`{key}`) is blank"
                )
            }
            What::BadChoice(c) => {
                let BadChoice { key, given, .. } = &**c;
                tr!(
                    lang,
                    "`{key}` không nhận giá trị \"{given}\"",
                    "`{key}` cannot be \"{given}\""
                )
            }
            What::InvalidDate { key, raw, .. } => tr!(
                lang,
                "`{key}` = {raw} không phải một ngày hợp lệ",
                "`{key}` = {raw} is not a valid date"
            ),
            What::TooLarge { key } => tr!(lang, "`{key}` quá lớn", "`{key}` is too large"),
            What::NotFinite { key } => tr!(
                lang,
                "`{key}` phải là một số hữu hạn",
                "`{key}` must be a finite number"
            ),
            What::AtLeast { key, min } => tr!(
                lang,
                "`{key}` phải từ {min} trở lên",
                "`{key}` must be at least {min}"
            ),
            What::InRange { key, range } => {
                let range = match range {
                    Range::ZeroToHundred => lang.pick("từ 0 đến 100", "from 0 to 100"),
                    Range::ZeroOrMore => lang.pick("từ 0 trở lên", "0 or more"),
                };
                tr!(lang, "`{key}` phải {range}", "`{key}` must be {range}")
            }
            What::UnknownField { name, context, .. } => {
                let context = context.say(lang);
                tr!(
                    lang,
                    "Trường `{name}` không có trong {context}",
                    "No field `{name}` in {context}"
                )
            }
            What::NomineeFieldAtTop { key } => tr!(
                lang,
                "Trường `{key}` không có ở đầu tệp",
                "No field `{key}` at the top of the file"
            ),
            What::UnknownCampaign { given, .. } => tr!(
                lang,
                "Không có phong trào `{given}`",
                "No campaign `{given}`"
            ),
            What::KindNotAllowed { campaign, kind } => {
                let name = kind.label(lang);
                tr!(
                    lang,
                    "Phong trào `{}` không nhận điển hình {name}",
                    "Campaign `{}` takes no {name} nominations",
                    campaign.slug()
                )
            }
            What::EscalateToChairman => lang
                .pick(
                    "Thành tích có phạm vi ảnh hưởng toàn tỉnh: Sở Nội vụ báo cáo Chủ tịch UBND tỉnh xem xét, quyết định khen thưởng (mục IV.1)",
                    "Province-wide achievement: Sở Nội vụ reports it to the Chairman of the provincial People's Committee (§IV.1)",
                )
                .to_string(),
            What::FieldNotForKind { field, kind } => {
                let this = kind.label(lang);
                tr!(
                    lang,
                    "Trường `{}` ({}) không có trong mẫu của {this}",
                    "Field `{}` ({}) is not on the {this} form",
                    field.key,
                    field.label(lang)
                )
            }
            What::WorkplaceOrResidence => lang
                .pick(
                    "Thiếu đơn vị công tác (`workplace`) hoặc hộ khẩu thường trú (`residence`)",
                    "Missing the workplace (`workplace`) or permanent residence (`residence`)",
                )
                .to_string(),
            What::MissingRole { campaign, kind } => tr!(
                lang,
                "Phong trào `{}` phân loại {} theo nhóm đối tượng: thiếu nhóm đối tượng (`role`)",
                "Campaign `{}` sets {} apart by role: the group (`role`) is missing",
                campaign.slug(),
                match kind {
                    Kind::TapThe => lang.pick("tập thể", "collectives"),
                    _ => lang.pick("cá nhân", "individuals"),
                }
            ),
            What::RoleNotAllowed {
                campaign, given, ..
            } => tr!(
                lang,
                "Phong trào `{}` không có nhóm đối tượng \"{given}\"",
                "Campaign `{}` has no role \"{given}\"",
                campaign.slug()
            ),
            What::BirthInFuture { birth, as_of } => tr!(
                lang,
                "Ngày sinh {} sau ngày chốt của đợt {} (as_of)",
                "Date of birth {} is after the reference day {}",
                dmy(*birth),
                dmy(*as_of)
            ),
            What::ImplausibleAge { age, as_of } => tr!(
                lang,
                "Tuổi tính đến {} là {age}: khó có thể đúng",
                "Age on {} would be {age}: hardly possible",
                dmy(*as_of)
            ),
            What::NoAchievement => lang
                .pick(
                    "Cần ít nhất một thành tích",
                    "At least one achievement is needed",
                )
                .to_string(),
            What::UnknownCriterion {
                given,
                campaign,
                kind,
                ..
            } => {
                let kind_label = kind.label(lang);
                tr!(
                    lang,
                    "`{given}` không phải tiêu chí của phong trào `{}` cho {kind_label}",
                    "`{given}` is no criterion of campaign `{}` for {kind_label} nominations",
                    campaign.slug()
                )
            }
            What::UnevidencedCriteria(u) => u.criteria().next().map(|c| unevidenced(c, lang)).unwrap_or_default(),
            What::AwardYear { year, why } => {
                let why = match why {
                    YearProblem::BeforeBirth(b) => tr!(
                        lang,
                        "trước năm sinh {b}",
                        "before the year of birth, {b}"
                    ),
                    YearProblem::OutOfRange(max) => tr!(
                        lang,
                        "phải từ 1945 đến {max}",
                        "must be 1945 to {max}"
                    ),
                };
                tr!(
                    lang,
                    "Năm khen thưởng {year} không hợp lý: {why}",
                    "Award year {year} is out of range: {why}"
                )
            }
            What::PhotoFile { file, problem } => match problem {
                PhotoProblem::NotBeside => tr!(
                    lang,
                    "Ảnh \"{file}\" phải là tên một tệp đặt cạnh tệp đề nghị, không phải đường dẫn",
                    "Photo \"{file}\" must name a file beside the nomination, not a path"
                ),
                PhotoProblem::NotJpegPng => tr!(
                    lang,
                    "Ảnh \"{file}\" không phải tệp JPEG hay PNG",
                    "Photo \"{file}\" is not a JPEG or PNG file"
                ),
                PhotoProblem::Missing => tr!(
                    lang,
                    "Không thấy tệp ảnh \"{file}\" cạnh tệp đề nghị",
                    "No photo file \"{file}\" beside the nomination"
                ),
                PhotoProblem::TooBig => tr!(
                    lang,
                    "Tệp ảnh \"{file}\" lớn quá 5 MiB",
                    "Photo file \"{file}\" is over 5 MiB"
                ),
            },
            What::InvalidDecision { given } => tr!(
                lang,
                "Số quyết định \"{given}\" sai định dạng",
                "Decision number \"{given}\" is malformed"
            ),
            What::SuspiciousDecision { given, .. } => tr!(
                lang,
                "Số quyết định \"{given}\" có vẻ gõ thiếu hoặc nhầm chữ Đ",
                "Decision number \"{given}\" looks mistyped: its Đ is missing or a look-alike"
            ),
            What::DateInFuture { date, as_of } => tr!(
                lang,
                "Ngày {} sau ngày chốt của đợt {} (as_of)",
                "Date {} is after the reference day {}",
                dmy(*date),
                dmy(*as_of)
            ),
            What::AwardDateMismatch { date, year } => tr!(
                lang,
                "Ngày {} không thuộc năm khen thưởng {year}",
                "Date {} is not in the award year {year}",
                dmy(*date)
            ),
            What::FactNotApplicable {
                campaign,
                kind,
                fact,
            } => {
                let kind_label = kind.label(lang);
                tr!(
                    lang,
                    "Không quy tắc nào của phong trào `{}` cho {kind_label} dùng `{}`",
                    "No rule of campaign `{}` for {kind_label} nominations reads `{}`",
                    campaign.slug(),
                    fact.slug()
                )
            }
            What::ModelNotHere => lang
                .pick(
                    "Bảng [model] chỉ dành cho mô hình “Dân vận khéo”",
                    "A [model] table is only for a “Dân vận khéo” model",
                )
                .to_string(),
            What::MissingFact { section, fact } => {
                let (key, label) = (fact.slug(), fact.label(lang));
                tr!(
                    lang,
                    "Thiếu {label} (`{key}`) trong [facts]: mục {section} của kế hoạch cần thông tin này",
                    "Missing {label} (`{key}`) in [facts]: §{section} of the plan needs it"
                )
            }
            What::NotZero { section, fact, n } => tr!(
                lang,
                "Mục {section} yêu cầu không có hồ sơ trễ hẹn, tồn đọng; `{}` = {n}",
                "§{section} asks for no late or pending dossiers; `{}` = {n}",
                fact.slug()
            ),
            What::AnyOf { section, conds } => {
                let wanted = any_of(conds, lang);
                tr!(
                    lang,
                    "Mục {section} yêu cầu {wanted}",
                    "§{section} asks for {wanted}"
                )
            }
            What::InitiativeLevel { section, want, got } => {
                let (want, got) = (want.label(lang), got.label(lang));
                tr!(
                    lang,
                    "Đơn vị được tỉnh chấm chỉ số CCHC phải có sáng kiến, giải pháp {want} (mục {section}); ở đây: {got}",
                    "A unit the province scores on the PAR index needs an initiative {want} (§{section}); here: {got}"
                )
            }
            What::TooLow {
                section,
                fact,
                min,
                n,
            } => tr!(
                lang,
                "Mục {section} yêu cầu `{}` từ {min} trở lên; ở đây: {n}",
                "§{section} asks for `{}` of {min} or more; here: {n}",
                fact.slug()
            ),
            What::NoParRise { section } => tr!(
                lang,
                "Mục {section} yêu cầu chỉ số CCHC tăng điểm hoặc tăng bậc so với năm trước liền kề",
                "§{section} asks for a higher PAR index or a better rank than last year"
            ),
            What::RatingBelow {
                section,
                fact,
                got,
                floor,
            } => {
                let (g, w) = (got.label(lang), floor.label(lang));
                let at_least = if *floor == Rating::XuatSac {
                    ""
                } else {
                    lang.pick(" trở lên", " or better")
                };
                tr!(
                    lang,
                    "`{}`: {g}, trong khi mục {section} yêu cầu {w}{at_least}",
                    "`{}`: {g}, while §{section} asks for {w}{at_least}",
                    fact.slug()
                )
            }
            What::ModelNoPlan { section } => tr!(
                lang,
                "Mục {section}: mô hình phải có kế hoạch thực hiện theo trình tự 4 bước (Hướng dẫn số 22-HD/BCĐ)",
                "§{section}: the model needs a plan in the four steps of Guidance 22-HD/BCĐ"
            ),
            What::ModelNotArchived { section } => tr!(
                lang,
                "Mục {section}: mô hình phải có hồ sơ lưu trữ đầy đủ theo quy định",
                "§{section}: the model's records must be fully archived"
            ),
            What::ModelScoreOff { section, score } => tr!(
                lang,
                "Mục {section}: mô hình được chấm trên thang điểm 100; {score} nằm ngoài thang",
                "§{section}: models are scored out of 100; {score} is off the scale"
            ),
            What::OutsideUnit => lang
                .pick(
                    "Tệp đề nghị nằm ngay trong thư mục gốc: hãy đặt vào thư mục của đơn vị gửi",
                    "A nomination directly in the root: put it in the folder of the unit that sends it",
                )
                .to_string(),
            What::UnitMissingDescriptor { slug } => tr!(
                lang,
                "Thư mục đơn vị không có unit.toml: tạm dùng tên thư mục `{slug}`",
                "The unit folder has no unit.toml: its folder name `{slug}` stands in"
            ),
            What::UnitOverCap { n, cap, folders, .. } if !folders.is_empty() => tr!(
                lang,
                "Đơn vị gửi {n} đề nghị trong {} thư mục (cùng đơn vị với {}), vượt mức tối đa {cap} (mục IV.1: “không quá 03 điển hình, bao gồm cả tập thể, cá nhân”)",
                "The unit sends {n} nominations in {} folders (the same unit as {}), over the cap of {cap} (§IV.1)",
                folders.len() + 1,
                folders.join(", ")
            ),
            What::UnitOverCap { n, cap, .. } => tr!(
                lang,
                "Đơn vị gửi {n} đề nghị, vượt mức tối đa {cap} (mục IV.1: “không quá 03 điển hình, bao gồm cả tập thể, cá nhân”)",
                "The unit sends {n} nominations, over the cap of {cap} (§IV.1)"
            ),
            What::SplitUnit { name, others } => tr!(
                lang,
                "“{name}” được gửi trong nhiều thư mục: thư mục này và {} là cùng một đơn vị",
                "“{name}” is sent in several folders: this one and {} are one unit",
                others.join(", ")
            ),
            What::ImportUnread { key, source } => {
                let label = crate::form::unread_label(key, lang);
                match source {
                    Some(src) => tr!(
                        lang,
                        "kh chưa đọc được {label} (`{key}`) trong {src}: xem báo cáo gốc",
                        "kh could not read {label} (`{key}`) in {src}: look at the source report"
                    ),
                    None => tr!(
                        lang,
                        "kh chưa đọc được {label} (`{key}`) trong báo cáo gốc: xem báo cáo gốc",
                        "kh could not read {label} (`{key}`) in the source report: look at it"
                    ),
                }
            }
            What::UnreadKey { given } => tr!(
                lang,
                "`{given}` trong [import] unread không phải một mục của mẫu (nominee.<trường>, achievements, awards, proposed_award, campaign, kind)",
                "`{given}` in [import] unread is no field of the form (nominee.<field>, achievements, awards, proposed_award, campaign, kind)"
            ),
            What::CapChanged { cap, year } => tr!(
                lang,
                "Đợt năm {year} đặt mức tối đa {cap} đề nghị mỗi đơn vị, khác mục IV.1 của kế hoạch (“không quá 03 điển hình”)",
                "The {year} round sets a cap of {cap} nominations per unit, not the plan's §IV.1 (“không quá 03 điển hình”)"
            ),
            What::DuplicateNominee {
                name,
                others,
                more,
                possible,
            } => {
                let mut listed = others.join(", ");
                if *more > 0 {
                    listed.push_str(&tr!(
                        lang,
                        " và {} tệp khác",
                        " and {} more files",
                        crate::text::thousands(*more, lang)
                    ));
                }
                if *possible {
                    tr!(
                        lang,
                        "“{name}” có thể trùng (một tên viết không dấu, cùng ngày sinh) với: {listed}",
                        "“{name}” may be the same person (one name typed without diacritics, same birth date) as in: {listed}"
                    )
                } else {
                    tr!(
                        lang,
                        "“{name}” cũng được đề nghị trong: {listed}",
                        "“{name}” is also nominated in: {listed}"
                    )
                }
            }
            What::ValueReadAs { key, raw, read } => tr!(
                lang,
                "`{key}` = {raw} được đọc là {read}",
                "`{key}` = {raw} is read as {read}"
            ),
            What::DecisionDateMismatch { date, in_number } => tr!(
                lang,
                "Ngày quyết định {} khác ngày ghi sau số quyết định ({})",
                "The decision's date {} differs from the date written after its number ({})",
                dmy(*date),
                dmy(*in_number)
            ),
            What::FactReadAsTrue { fact, given } => tr!(
                lang,
                "Không ghi `{}`: có `{}` nên được đọc là `{} = true`",
                "No `{}`: `{}` is given, so it is read as `{} = true`",
                fact.slug(),
                given.slug(),
                fact.slug()
            ),
            What::RoleReadAs { role } => tr!(
                lang,
                "Không ghi `role`: hồ sơ có hiến đất, bàn giao mặt bằng sớm hoặc vận động người dân nên được đọc là `{}` ({})",
                "No `role`: the file shows land given, an early handover or campaigning among residents, so it is read as `{}` ({})",
                role.slug(),
                role.label(lang)
            ),
            What::BirthYearOnly { year } => tr!(
                lang,
                "Chỉ có năm sinh {year}: kh tính tuổi theo ngày 01/07/{year}",
                "Only the year of birth, {year}: kh judges the age as of 1 July {year}"
            ),
            What::NonUtf8Name => lang
                .pick(
                    "Tên tệp hay thư mục không được mã hóa UTF-8 (byte lạ viết dạng \\xNN): tệp vẫn được kiểm tra; hãy đổi tên",
                    "A file or folder name that is not UTF-8 (stray bytes shown as \\xNN): the file is still checked; rename it",
                )
                .to_string(),
            What::MisnamedFile { to } => tr!(
                lang,
                "Tệp có thể là đề nghị nhưng không mang đuôi .toml nên không được đọc, không được tính: đổi tên thành “{}”",
                "A file that may be a nomination but is not named *.toml, so it is neither read nor counted: rename it “{}”",
                crate::text::escape_controls(to)
            ),
            What::NoNominations { root } => tr!(
                lang,
                "Không có tệp đề nghị (*.toml) nào trong `{}`: kiểm tra lại đường dẫn, hoặc các tệp có bị đặt tên sai",
                "No nomination file (*.toml) in `{}`: check the path, or whether the files are misnamed",
                crate::text::escape_controls(root)
            ),
            What::LinkSkipped => lang
                .pick(
                    "Liên kết tượng trưng (symlink): kh không đi theo liên kết, nên bỏ qua mục này",
                    "A symbolic link: kh does not follow links, so this was skipped",
                )
                .to_string(),
            What::ImplausibleText { label, why } => {
                let label = label.say(lang);
                match why {
                    TextFault::DigitsOnly => tr!(
                        lang,
                        "{label} chỉ có chữ số: có nhầm ô không?",
                        "{label} is digits only: was it typed in the wrong place?"
                    ),
                    TextFault::DoubleSpace => tr!(
                        lang,
                        "{label} có hai dấu cách liền nhau",
                        "{label} has two spaces in a row"
                    ),
                    TextFault::Control => tr!(
                        lang,
                        "{label} có ký tự điều khiển hay ký tự không in được (dán từ nơi khác?)",
                        "{label} holds a control or unprintable character (pasted from elsewhere?)"
                    ),
                    TextFault::TooLong { chars, max } => tr!(
                        lang,
                        "{label} dài {chars} ký tự, quá {max}: có dán nhầm không?",
                        "{label} is {chars} characters long, over {max}: was something pasted by mistake?"
                    ),
                }
            }
            What::UnexpectedUnit {
                slug,
                hint: Some(h),
                same: true,
            } => tr!(
                lang,
                "Thư mục `{slug}` là đơn vị `{h}` trong danh sách [expected] của kh.toml, với mã khác: tính là `{h}` đã gửi",
                "Folder `{slug}` is the roster's unit `{h}` under another code: `{h}` counts as having sent"
            ),
            What::UnexpectedUnit { slug, .. } => tr!(
                lang,
                "Đơn vị `{slug}` không có trong danh sách [expected] của kh.toml",
                "Unit `{slug}` is not in kh.toml's [expected] roster"
            ),
            What::ReviewStale { status, date, .. } => tr!(
                lang,
                "Tệp đã được sửa sau khi thẩm định (“{}” {}): coi như chờ xét cho đến khi thẩm định lại",
                "The file changed after its review (“{}” {}): it counts as pending until reviewed again",
                status.label(lang),
                when(date)
            ),
            What::ReviewReturned {
                date,
                reviewer,
                note,
            } => tr!(
                lang,
                "Sở Nội vụ đề nghị bổ sung ({}): {note}",
                "Sở Nội vụ returned it for more ({}): {note}",
                when_by(date, reviewer.as_deref())
            ),
            What::ReviewRejected {
                date,
                reviewer,
                note,
            } => tr!(
                lang,
                "Không đạt qua thẩm định ({}): {note}",
                "Rejected at appraisal ({}): {note}",
                when_by(date, reviewer.as_deref())
            ),
            What::ReviewOrphan { path, .. } => tr!(
                lang,
                "Kết quả thẩm định cho `{path}`, nhưng đợt không có tệp này",
                "A decision on `{path}`, but the round has no such file"
            ),
            What::ReviewNoteNeeded { status } => tr!(
                lang,
                "Kết quả “{}” cần `note`: bổ sung gì, hoặc vì sao không đạt",
                "A “{}” decision needs a `note`: what to add, or why not",
                status.label(lang)
            ),
            What::ReviewSha => lang
                .pick(
                    "`sha256` phải là 64 chữ số hệ mười sáu",
                    "`sha256` must be 64 hexadecimal digits",
                )
                .to_string(),
            What::ReviewTwice { path, line } => tr!(
                lang,
                "Tệp `{path}` đã có kết quả thẩm định ở dòng {line}: mỗi tệp một mục",
                "`{path}` already has a decision at line {line}: one entry per file"
            ),
            What::YearRange => lang
                .pick("`year` phải từ 1945 đến 9999", "`year` must be 1945 to 9999")
                .to_string(),
            What::ExpectedCode { code } => tr!(
                lang,
                "Mã đơn vị `{code}` phải gồm chữ thường không dấu, số và dấu gạch ngang",
                "Unit code `{code}` must be lower-case letters, digits and hyphens"
            ),
            What::Unreadable(u) => match u {
                Unreadable::Symlink => lang
                    .pick(
                        "Là liên kết tượng trưng (symlink): kh không đi theo liên kết",
                        "Is a symbolic link: kh does not follow links",
                    )
                    .to_string(),
                Unreadable::Special => lang
                    .pick(
                        "Không phải tệp thông thường (thư mục, FIFO, socket hay thiết bị): kh không mở để đọc",
                        "Not a regular file (a folder, FIFO, socket or device): kh does not open it for reading",
                    )
                    .to_string(),
                Unreadable::NotRegular => lang
                    .pick("Không phải tệp thông thường", "Not a regular file")
                    .to_string(),
                Unreadable::TooLarge(limit) => {
                    let mib = limit / (1024 * 1024);
                    tr!(
                        lang,
                        "Tệp lớn hơn {mib} MiB: không đọc",
                        "Larger than {mib} MiB: not parsed"
                    )
                }
                Unreadable::NotUtf8 => lang
                    .pick(
                        "Tệp không được mã hóa UTF-8: hãy lưu lại với bảng mã UTF-8",
                        "The file is not UTF-8: save it again as UTF-8",
                    )
                    .to_string(),
                Unreadable::Io(kind, raw) => {
                    let why = crate::lang::io_text(*kind, raw, lang);
                    tr!(lang, "Không đọc được: {why}", "Cannot be read: {why}")
                }
            },
        }
    }

    /// What to do about it, where there is something to say.
    pub fn help(&self, lang: Lang) -> Option<String> {
        let did_you_mean = |h: &str| tr!(lang, "có phải là `{h}`?", "did you mean `{h}`?");
        Some(match self {
            What::Syntax(s) => match s {
                Syntax::LineBreakInText => lang
                    .pick(
                        "văn bản nhiều dòng viết trong ba dấu ngoặc kép: text = \"\"\"…\"\"\"; hoặc đóng dấu \" ở cuối dòng",
                        "a text over several lines goes in triple quotes: text = \"\"\"…\"\"\"; or close the \" at the end of the line",
                    )
                    .to_string(),
                Syntax::QuoteInText => lang
                    .pick(
                        "trong văn bản, dùng ngoặc kép “ ” thay cho \", hoặc viết cả văn bản trong '''…''' (ba dấu nháy đơn)",
                        "inside the text use “ ” instead of \", or write the whole text in '''…''' (three single quotes)",
                    )
                    .to_string(),
                Syntax::KeyTwice(_) => lang
                    .pick("giữ một dòng, xóa dòng kia", "keep one line, remove the other")
                    .to_string(),
                Syntax::MissingEquals => lang
                    .pick("viết: ten_truong = \"giá trị\"", "write: key = \"value\"")
                    .to_string(),
                Syntax::MissingBracket => lang
                    .pick(
                        "viết tên bảng trong ngoặc vuông, ví dụ [nominee] hoặc [[achievements]]",
                        "write the table header in brackets, as in [nominee] or [[achievements]]",
                    )
                    .to_string(),
                Syntax::Other(raw) => tr!(
                    lang,
                    "kiểm tra dấu ngoặc kép, dấu = và ngoặc vuông ở dòng này (trình đọc TOML báo: {raw})",
                    "check the quotes, = signs and brackets on this line (the TOML reader says: {raw})"
                ),
            },
            What::BadChoice(c) => {
                let choices = &c.choices;
                match c.hint {
                Some(h) => tr!(
                    lang,
                    "có phải là `{h}`? Giá trị cho phép: {choices}",
                    "did you mean `{h}`? Allowed: {choices}"
                ),
                None => tr!(
                    lang,
                    "giá trị cho phép: {choices}",
                    "allowed values: {choices}"
                ),
                }
            }
            What::InvalidDate { why, .. } => match why {
                DateProblem::NotOnCalendar => {
                    lang.pick("ngày này không có trên lịch", "no such day on the calendar")
                }
                DateProblem::HasTime => lang.pick(
                    "chỉ ghi ngày, không ghi giờ",
                    "write the day only, without a time",
                ),
                DateProblem::NotDayMonthYear => lang.pick(
                    "viết theo dạng ngày/tháng/năm, ví dụ \"12/04/1968\", hoặc không có ngoặc kép: 1968-04-12",
                    "write day/month/year, as in \"12/04/1968\", or unquoted: 1968-04-12",
                ),
            }
            .to_string(),
            What::UnknownField { hint, .. } => did_you_mean((*hint)?),
            What::NomineeFieldAtTop { key } => tr!(
                lang,
                "`{key}` thuộc bảng [nominee]: viết nó dưới dòng [nominee]",
                "`{key}` belongs to [nominee]: write it under the [nominee] line"
            ),
            What::UnknownCampaign { hint, .. } => match hint {
                CampaignHint::WriteSlug(c) => tr!(
                    lang,
                    "trong tệp, viết mã phong trào: `{}`",
                    "in a file, write the campaign's slug: `{}`",
                    c.slug()
                ),
                CampaignHint::Closest(s) => tr!(
                    lang,
                    "có phải là `{s}`? Xem danh sách: kh campaigns",
                    "did you mean `{s}`? See the list: kh campaigns"
                ),
                CampaignHint::None => tr!(
                    lang,
                    "xem danh sách mã phong trào: kh campaigns",
                    "see the campaign slugs: kh campaigns"
                ),
            },
            What::KindNotAllowed { campaign, .. } => {
                let takes = kinds_list(campaign.info().kinds, lang);
                tr!(
                    lang,
                    "phong trào này nhận: {takes}",
                    "this campaign takes: {takes}"
                )
            }
            What::FieldNotForKind { field, .. } => {
                let kinds: Vec<Kind> = Kind::ALL
                    .iter()
                    .copied()
                    .filter(|k| field.col(*k) != crate::form::Col::No)
                    .collect();
                let for_kinds = kinds_list(&kinds, lang);
                tr!(
                    lang,
                    "trường này chỉ dành cho: {for_kinds}",
                    "this field is only for: {for_kinds}"
                )
            }
            What::WorkplaceOrResidence => lang
                .pick(
                    "mẫu ghi: “Chức vụ, đơn vị công tác (hoặc hộ khẩu thường trú)”",
                    "the form asks for a workplace, or else a residence",
                )
                .to_string(),
            What::MissingRole { campaign, kind } => {
                let list = roles_list(campaign.info().roles_for(*kind));
                tr!(
                    lang,
                    "thêm `role` = một trong: {list}{}",
                    "add `role` = one of: {list}{}",
                    who_fits(campaign.info().roles_for(*kind), lang)
                )
            }
            What::RoleNotAllowed { campaign, kind, .. } => {
                let roles = campaign.info().roles_for(*kind);
                if roles.is_empty() {
                    tr!(
                        lang,
                        "phong trào này không phân loại theo nhóm đối tượng: bỏ dòng `role`",
                        "this campaign has no roles: remove the `role` line"
                    )
                } else {
                    let list = roles_list(roles);
                    tr!(
                        lang,
                        "nhóm đối tượng của phong trào này: {list}",
                        "this campaign's roles: {list}"
                    )
                }
            }
            What::ImplausibleAge { .. } => lang
                .pick(
                    "tuổi phải từ 6 đến 110; kiểm tra lại năm sinh",
                    "age must be 6 to 110; check the year of birth",
                )
                .to_string(),
            What::UnknownCriterion { campaign, hint, .. } => match hint {
                Some(h) => tr!(
                    lang,
                    "có phải là `{h}`? Xem: kh campaigns show {}",
                    "did you mean `{h}`? See: kh campaigns show {}",
                    campaign.slug()
                ),
                None => tr!(
                    lang,
                    "xem các tiêu chí: kh campaigns show {}",
                    "see the criteria: kh campaigns show {}",
                    campaign.slug()
                ),
            },
            What::PhotoFile { .. } => lang
                .pick(
                    "đặt ảnh JPEG hoặc PNG, tối đa 5 MiB, cùng thư mục với tệp đề nghị và ghi tên tệp, ví dụ photo = \"anh.jpg\"",
                    "put a JPEG or PNG of at most 5 MiB in the nomination's folder and give its name, as in photo = \"anh.jpg\"",
                )
                .to_string(),
            What::InvalidDecision { .. } => lang
                .pick(
                    "viết như 1234/QĐ-UBND, 91/2017/NĐ-CP hoặc 34-CT/TW, không có dấu cách",
                    "write it as 1234/QĐ-UBND, 91/2017/NĐ-CP or 34-CT/TW, with no spaces",
                )
                .to_string(),
            What::SuspiciousDecision { meant, .. } => did_you_mean(meant),
            What::FactNotApplicable { .. } => lang
                .pick(
                    "bỏ dòng này, hoặc kiểm tra lại phong trào và loại điển hình",
                    "remove the line, or check the campaign and kind",
                )
                .to_string(),
            What::ModelNotHere => lang.pick("bỏ bảng [model]", "remove the [model] table").to_string(),
            What::MissingFact { fact, .. } => {
                let key = fact.slug();
                tr!(
                    lang,
                    "thêm dòng `{key} = …` vào bảng [facts]",
                    "add a `{key} = …` line to [facts]"
                )
            }
            What::AnyOf { conds, .. } => {
                let wanted = any_of(conds, lang);
                tr!(
                    lang,
                    "ghi trong bảng [facts]: {wanted}",
                    "state it in [facts]: {wanted}"
                )
            }
            What::ValueReadAs { key, read, .. } => tr!(
                lang,
                "ghi `{key} = {read}` cho đúng mẫu",
                "write `{key} = {read}` as the form has it"
            ),
            What::BirthYearOnly { .. } => lang
                .pick(
                    "nếu biết, ghi đủ ngày, tháng, năm sinh, ví dụ \"12/04/1958\"",
                    "if known, give the full date of birth, as in \"12/04/1958\"",
                )
                .to_string(),
            What::LinkSkipped => lang
                .pick(
                    "chép tệp hay thư mục thật vào đây thay cho liên kết",
                    "copy the real file or folder here instead of the link",
                )
                .to_string(),
            What::ImplausibleText {
                why: TextFault::DoubleSpace,
                ..
            } => lang
                .pick("bỏ bớt một dấu cách", "remove the extra space")
                .to_string(),
            What::UnitMissingDescriptor { .. } => lang
                .pick(
                    "tạo unit.toml với dòng name = \"Tên đầy đủ của đơn vị\"",
                    "create unit.toml with a line name = \"Full name of the unit\"",
                )
                .to_string(),
            What::UnitOverCap { paths, .. } => {
                tr!(lang, "các tệp: {}", "the files: {}", paths.join(", "))
            }
            What::SplitUnit { .. } => lang
                .pick(
                    "gộp các tệp vào một thư mục của đơn vị rồi xóa thư mục thừa",
                    "move the files into one folder of the unit and remove the other",
                )
                .to_string(),
            What::ImportUnread { .. } => lang
                .pick(
                    "điền mục này theo báo cáo gốc, rồi bỏ nó khỏi [import] unread",
                    "fill this in from the source report, then remove it from [import] unread",
                )
                .to_string(),
            What::CapChanged { .. } => lang
                .pick(
                    "bỏ dòng `cap_per_unit` trong kh.toml, trừ khi có văn bản cho phép",
                    "remove `cap_per_unit` from kh.toml unless a document allows it",
                )
                .to_string(),
            What::UnexpectedUnit {
                hint: Some(h),
                same: true,
                ..
            } => tr!(
                lang,
                "đổi tên thư mục thành `{h}` cho khớp danh sách",
                "rename the folder `{h}` to match the roster"
            ),
            What::UnexpectedUnit { hint, .. } => match hint {
                Some(h) => tr!(
                    lang,
                    "có phải là `{h}`? Đổi tên thư mục cho khớp danh sách",
                    "did you mean `{h}`? Rename the folder to match the roster"
                ),
                None => lang
                    .pick(
                        "thêm đơn vị này vào [expected] trong kh.toml nếu đơn vị được đề nghị gửi",
                        "add the unit to [expected] in kh.toml if it was asked to send",
                    )
                    .to_string(),
            },
            What::ReviewStale { path, .. } => tr!(
                lang,
                "thẩm định lại: kh review set {path} --status …",
                "review it again: kh review set {path} --status …"
            ),
            What::ReviewOrphan { hint, .. } => match hint {
                Some(c) => tr!(
                    lang,
                    "tệp đã đổi tên? có phải là `{c}`?",
                    "was the file renamed? did you mean `{c}`?"
                ),
                None => lang
                    .pick(
                        "tệp đã bị xóa hoặc đổi tên: sửa hoặc bỏ mục này",
                        "the file was removed or renamed: mend or remove the entry",
                    )
                    .to_string(),
            },
            _ => return None,
        })
    }

    /// How many diagnostics this stands for.
    pub fn count(&self) -> usize {
        match self {
            What::UnevidencedCriteria(u) => u.mask.count_ones() as usize,
            _ => 1,
        }
    }
}

/// The note for one criterion no achievement backs.
pub fn unevidenced(c: &Criterion, lang: Lang) -> String {
    let text = c.text(lang);
    tr!(
        lang,
        "Chưa có thành tích nào chứng minh tiêu chí `{}`: {text}",
        "No achievement backs criterion `{}`: {text}",
        c.id
    )
}

/// The help line that says how many findings of a file were not listed.
pub fn more(n: u32, lang: Lang) -> String {
    tr!(
        lang,
        "còn {n} vấn đề khác trong tệp này không được liệt kê",
        "{n} more problems in this file are not listed"
    )
}
