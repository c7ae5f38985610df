//! Reading one nomination file against its form (SPEC §3) and handing the
//! campaign rules what they need. Every problem is collected; nothing stops
//! at the first.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::campaign::{Campaign, CampaignInfo};
use crate::config::Settings;
use crate::diagnostic::{Diagnostic, LineIndex, Location, Rule};
use crate::form::{self, Col, FieldType, NOMINEE_FIELDS};
use crate::lang::Lang;
use crate::text::{closest, escape_controls, fold_key, nfc, shown};
use crate::vocab::{
    Fact, FactType, FactValue, Gender, InitiativeLevel, Kind, Rating, Role, Scope, Vocab,
};
use crate::{docnum, rules, tr};

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
pub fn check(path: &str, text: &str, lang: Lang, settings: &Settings) -> Checked {
    let mut cx = Cx::new(path, text, lang);
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

/// Whether a missing key is a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Need {
    Required,
    Optional,
}

/// The facts of a nomination, by key, with where each was written.
#[derive(Debug, Default)]
pub struct Facts {
    values: Vec<Option<(FactValue, Range<usize>)>>,
    /// The `[facts]` header, for problems about a fact left out.
    pub header: Option<Range<usize>>,
}

impl Facts {
    pub fn get(&self, fact: Fact) -> Option<&(FactValue, Range<usize>)> {
        self.values.get(fact as usize).and_then(Option::as_ref)
    }

    pub fn is_true(&self, fact: Fact) -> bool {
        matches!(self.get(fact), Some((FactValue::Bool(true), _)))
    }

    pub fn number(&self, fact: Fact) -> Option<f64> {
        self.get(fact).and_then(|(v, _)| v.as_f64())
    }

    pub fn span(&self, fact: Fact) -> Option<Range<usize>> {
        self.get(fact)
            .map(|(_, s)| s.clone())
            .or_else(|| self.header.clone())
    }

    fn set(&mut self, fact: Fact, value: FactValue, span: Range<usize>) {
        if self.values.is_empty() {
            self.values = vec![None; Fact::ALL.len()];
        }
        self.values[fact as usize] = Some((value, span));
    }

    fn present(&self) -> impl Iterator<Item = (Fact, &Range<usize>)> {
        Fact::ALL
            .iter()
            .filter_map(|f| self.get(*f).map(|(_, s)| (*f, s)))
    }
}

/// The `[model]` of a "Dân vận khéo" nomination.
#[derive(Debug, Default)]
pub struct Model {
    pub header: Option<Range<usize>>,
    pub four_step_plan: Option<(bool, Range<usize>)>,
    pub records_archived: Option<(bool, Range<usize>)>,
    pub score: Option<(f64, Range<usize>)>,
}

/// Most diagnostics kept for one file. A file with more is garbage rather
/// than a nomination with slips, and listing every one would cost time and
/// memory for nothing; the last kept one says how many more there were.
const MAX_PER_FILE: usize = 500;

/// One file's text and the diagnostics found in it so far.
pub(crate) struct Cx<'a> {
    pub path: &'a str,
    text: &'a str,
    pub lang: Lang,
    diags: Vec<Diagnostic>,
    /// Built on the first diagnostic: most files need none.
    index: std::cell::OnceCell<LineIndex>,
    /// Diagnostics past [`MAX_PER_FILE`], counted, not kept.
    suppressed: usize,
    /// Where a diagnostic past the limit is written, to be forgotten.
    scratch: Diagnostic,
}

type Value<'i> = Spanned<DeValue<'i>>;

impl<'a> Cx<'a> {
    pub fn new(path: &'a str, text: &'a str, lang: Lang) -> Self {
        Cx {
            path,
            text,
            lang,
            diags: Vec::new(),
            index: std::cell::OnceCell::new(),
            suppressed: 0,
            scratch: Diagnostic::new(Rule::ParseError, "", ""),
        }
    }

    pub fn locate(&self, span: Option<Range<usize>>) -> Option<Location> {
        let index = self.index.get_or_init(|| LineIndex::new(self.text));
        span.map(|s| index.locate(self.text, s))
    }

    /// Records a problem; the returned diagnostic can take a help line.
    pub fn report(
        &mut self,
        rule: Rule,
        span: Option<Range<usize>>,
        message: String,
    ) -> &mut Diagnostic {
        if self.diags.len() >= MAX_PER_FILE {
            self.suppressed += 1;
            self.scratch = Diagnostic::new(rule, "", message);
            return &mut self.scratch;
        }
        let diag = Diagnostic::new(rule, self.path, message).at(self.locate(span));
        self.diags.push(diag);
        let last = self.diags.len() - 1;
        &mut self.diags[last]
    }

    /// Records a finding made whole elsewhere (the unbacked criteria).
    pub fn push(&mut self, d: Diagnostic) {
        if self.diags.len() >= MAX_PER_FILE {
            self.suppressed += 1;
        } else {
            self.diags.push(d);
        }
    }

    /// The file's diagnostics; past the limit, the last says how many more.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        let (n, lang) = (self.suppressed, self.lang);
        if n > 0
            && let Some(last) = self.diags.last_mut()
        {
            let more = tr!(
                lang,
                "còn {n} vấn đề khác trong tệp này không được liệt kê",
                "{n} more problems in this file are not listed"
            );
            last.help = Some(match last.help.take() {
                Some(h) => format!("{h}; {more}"),
                None => more,
            });
        }
        // A file's findings are kept until the round is done: no spare
        // capacity (a vector grows to four at its first push).
        self.diags.shrink_to_fit();
        self.diags
    }

    /// Parses the TOML, reporting its first syntax error. (The parser can
    /// recover and list them all, but a megabyte of garbage holds hundreds
    /// of thousands, and the first is the one to mend.)
    pub fn parse<'i>(&mut self, text: &'i str) -> Option<Spanned<DeTable<'i>>> {
        match DeTable::parse(text) {
            Ok(doc) => Some(doc),
            Err(e) => {
                let raw = escape_controls(e.message().trim()).into_owned();
                let span = e.span().unwrap_or(0..0);
                let x = crate::syntax::explain(text, span, &raw, self.lang);
                self.report(Rule::ParseError, Some(x.span), x.message).help = x.help;
                None
            }
        }
    }

    fn type_name(&self, v: &DeValue<'_>) -> &'static str {
        let l = self.lang;
        match v {
            DeValue::String(_) => l.pick("chuỗi văn bản", "a string"),
            DeValue::Integer(_) => l.pick("số nguyên", "an integer"),
            DeValue::Float(_) => l.pick("số thực", "a float"),
            DeValue::Boolean(_) => l.pick("true/false", "a boolean"),
            DeValue::Datetime(_) => l.pick("ngày giờ", "a date-time"),
            DeValue::Array(_) => l.pick("mảng", "an array"),
            DeValue::Table(_) => l.pick("bảng", "a table"),
        }
    }

    fn wrong_type(&mut self, key: &str, v: &Value<'_>, expected: &str) {
        let found = self.type_name(v.get_ref());
        self.report(
            Rule::InvalidValue,
            Some(v.span()),
            tr!(
                self.lang,
                "`{key}` phải là {expected}, không phải {found}",
                "`{key}` must be {expected}, not {found}"
            ),
        );
    }

    /// Looks a key up, reporting it missing when it is required. `at` is
    /// the table's header, `None` for the top level.
    pub fn value<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
        need: Need,
        at: Option<Range<usize>>,
        label: &str,
    ) -> Option<&'t Value<'i>> {
        let found = table.get(key);
        if found.is_none() && need == Need::Required {
            self.report(
                Rule::MissingField,
                at,
                tr!(
                    self.lang,
                    "Thiếu trường `{key}` ({label})",
                    "Missing field `{key}` ({label})"
                ),
            );
        }
        found
    }

    /// A string; blank counts as absent, and is `empty-field` when required.
    pub fn text<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
        need: Need,
        at: Option<Range<usize>>,
        label: &str,
    ) -> Option<(&'t str, Range<usize>)> {
        let v = self.value(table, key, need, at, label)?;
        let DeValue::String(s) = v.get_ref() else {
            let expected = self
                .lang
                .pick("chuỗi văn bản trong dấu ngoặc kép", "a quoted string");
            self.wrong_type(key, v, expected);
            return None;
        };
        if self.blank(v, key, need, label) {
            return None;
        }
        Some((s.as_ref(), v.span()))
    }

    /// One value of a closed list.
    pub fn choice<V: Vocab>(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        need: Need,
        at: Option<Range<usize>>,
        label: &str,
    ) -> Option<(V, Range<usize>)> {
        let (s, span) = self.text(table, key, need, at, label)?;
        if let Some(v) = V::parse(s) {
            return Some((v, span));
        }
        self.bad_choice::<V>(Rule::InvalidValue, key, s, span);
        None
    }

    fn bad_choice<V: Vocab>(&mut self, rule: Rule, key: &str, given: &str, span: Range<usize>) {
        let given = shown(given);
        let hint = closest(given.as_str(), V::all().iter().map(|v| v.slug()));
        let choices = V::choices();
        let help = match hint {
            Some(h) => tr!(
                self.lang,
                "có phải là `{h}`? Giá trị cho phép: {choices}",
                "did you mean `{h}`? Allowed: {choices}"
            ),
            None => tr!(
                self.lang,
                "giá trị cho phép: {choices}",
                "allowed values: {choices}"
            ),
        };
        self.report(
            rule,
            Some(span),
            tr!(
                self.lang,
                "`{key}` không nhận giá trị \"{given}\"",
                "`{key}` cannot be \"{given}\""
            ),
        )
        .help = Some(help);
    }

    /// A date: a TOML date (`1968-04-12`) or the string "12/04/1968".
    pub fn date(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        need: Need,
        at: Option<Range<usize>>,
        label: &str,
    ) -> Option<(NaiveDate, Range<usize>)> {
        let v = self.value(table, key, need, at, label)?;
        let span = v.span();
        let lang = self.lang;
        let parsed = match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .ok_or_else(|| lang.pick("ngày này không có trên lịch", "no such day on the calendar"))
                }
                _ => Err(lang.pick("chỉ ghi ngày, không ghi giờ", "write the day only, without a time")),
            },
            DeValue::String(s) if s.trim().is_empty() => {
                self.blank(v, key, need, label);
                return None;
            }
            DeValue::String(s) => parse_dmy(s).ok_or(lang.pick(
                "viết theo dạng ngày/tháng/năm, ví dụ \"12/04/1968\", hoặc không có ngoặc kép: 1968-04-12",
                "write day/month/year, as in \"12/04/1968\", or unquoted: 1968-04-12",
            )),
            _ => {
                let expected = lang.pick("một ngày", "a date");
                self.wrong_type(key, v, expected);
                return None;
            }
        };
        match parsed {
            Ok(d) => Some((d, span)),
            Err(why) => {
                let raw = shown(self.text.get(span.clone()).unwrap_or(""));
                self.report(
                    Rule::InvalidDate,
                    Some(span),
                    tr!(
                        lang,
                        "`{key}` = {raw} không phải một ngày hợp lệ",
                        "`{key}` = {raw} is not a valid date"
                    ),
                )
                .help = Some(why.to_string());
                None
            }
        }
    }

    /// A value left as `""` (as a template leaves it) counts as not given:
    /// `empty-field` when it is required. True when `v` is such a blank.
    fn blank(&mut self, v: &Value<'_>, key: &str, need: Need, label: &str) -> bool {
        let is_blank = matches!(v.get_ref(), DeValue::String(s) if s.trim().is_empty());
        if is_blank && need == Need::Required {
            self.report(
                Rule::EmptyField,
                Some(v.span()),
                tr!(
                    self.lang,
                    "Trường `{key}` ({label}) đang để trống",
                    "Field `{key}` ({label}) is blank"
                ),
            );
        }
        is_blank
    }

    /// A value that was given: present, and not left as `""`.
    fn given<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
        need: Need,
        at: Option<Range<usize>>,
        label: &str,
    ) -> Option<&'t Value<'i>> {
        let v = self.value(table, key, need, at, label)?;
        (!self.blank(v, key, need, label)).then_some(v)
    }

    /// A whole number that fits in 64 bits.
    pub fn integer(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        need: Need,
        at: Option<Range<usize>>,
        label: &str,
    ) -> Option<(i64, Range<usize>)> {
        let v = self.given(table, key, need, at, label)?;
        let DeValue::Integer(i) = v.get_ref() else {
            let expected = self.lang.pick("số nguyên", "a whole number");
            self.wrong_type(key, v, expected);
            return None;
        };
        match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Some((n, v.span())),
            Err(_) => {
                self.report(
                    Rule::InvalidValue,
                    Some(v.span()),
                    tr!(self.lang, "`{key}` quá lớn", "`{key}` is too large"),
                );
                None
            }
        }
    }

    /// A finite number, whole or not.
    pub fn number(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        need: Need,
        at: Option<Range<usize>>,
        label: &str,
    ) -> Option<(f64, Range<usize>)> {
        let v = self.given(table, key, need, at, label)?;
        let n = match v.get_ref() {
            DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            _ => {
                let expected = self.lang.pick("một số", "a number");
                self.wrong_type(key, v, expected);
                return None;
            }
        };
        match n {
            Some(n) if n.is_finite() => Some((n, v.span())),
            _ => {
                self.report(
                    Rule::InvalidValue,
                    Some(v.span()),
                    tr!(
                        self.lang,
                        "`{key}` phải là một số hữu hạn",
                        "`{key}` must be a finite number"
                    ),
                );
                None
            }
        }
    }

    pub fn boolean(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        need: Need,
        at: Option<Range<usize>>,
        label: &str,
    ) -> Option<(bool, Range<usize>)> {
        let v = self.given(table, key, need, at, label)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some((*b, v.span())),
            _ => {
                self.wrong_type(key, v, "true/false");
                None
            }
        }
    }

    /// A sub-table (`[nominee]`, `[facts]`…), with its header span.
    pub fn table<'t, 'i>(
        &mut self,
        parent: &'t DeTable<'i>,
        key: &str,
        need: Need,
        label: &str,
    ) -> Option<(&'t DeTable<'i>, Range<usize>)> {
        let v = self.value(parent, key, need, None, label)?;
        match v.get_ref() {
            DeValue::Table(t) => Some((t, v.span())),
            _ => {
                let expected = tr!(self.lang, "một bảng [{key}]", "a table [{key}]");
                self.wrong_type(key, v, &expected);
                None
            }
        }
    }

    /// `[[name]]` entries, each a table with its span.
    pub fn array_of_tables<'t, 'i>(
        &mut self,
        key: &str,
        v: &'t Value<'i>,
    ) -> Option<Vec<(&'t DeTable<'i>, Range<usize>)>> {
        let lang = self.lang;
        let expected = tr!(lang, "danh sách [[{key}]]", "a list of [[{key}]] entries");
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(key, v, &expected);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                _ => self.wrong_type(key, item, &expected),
            }
        }
        Some(out)
    }

    /// Reports keys that no list of known keys has, with the closest one.
    pub fn unknown_keys(&mut self, table: &DeTable<'_>, known: &[&str], context: &str) {
        for (k, _) in table.iter() {
            if !known.contains(&k.get_ref().as_ref()) {
                self.unknown_key(k, known.iter().copied(), context);
            }
        }
    }

    fn unknown_key<'k>(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        known: impl IntoIterator<Item = &'k str>,
        context: &str,
    ) {
        let lang = self.lang;
        let name = shown(key.get_ref());
        let hint = closest(&name, known);
        self.report(
            Rule::UnknownField,
            Some(key.span()),
            tr!(
                lang,
                "Trường `{name}` không có trong {context}",
                "No field `{name}` in {context}"
            ),
        )
        .help = hint.map(|h| tr!(lang, "có phải là `{h}`?", "did you mean `{h}`?"));
    }
}

/// "12/04/1968" (or "12/4/1968") as a date.
fn parse_dmy(s: &str) -> Option<NaiveDate> {
    let mut parts = s.trim().split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || !(1..=2).contains(&d.len())
        || !(1..=2).contains(&m.len())
        || y.len() != 4
        || ![d, m, y]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The nominee's part of the result.
#[derive(Default)]
struct Nominee {
    name: Option<(String, Range<usize>)>,
    birth: Option<NaiveDate>,
    role: Option<Role>,
    /// `false` where a role is required but was not read.
    role_settled: bool,
}

struct NominationCheck<'c, 'a> {
    cx: &'c mut Cx<'a>,
    settings: &'c Settings,
}

impl NominationCheck<'_, '_> {
    fn run(mut self, root: &DeTable<'_>) -> Nomination {
        let lang = self.cx.lang;
        self.top_level_keys(root);
        let campaign = self.campaign(root);
        let kind = self.cx.choice::<Kind>(
            root,
            "kind",
            Need::Required,
            None,
            lang.pick("loại điển hình", "kind of exemplar"),
        );
        if let (Some(info), Some((k, span))) = (campaign, &kind)
            && !info.takes(*k)
        {
            let takes = kinds_list(info.kinds, lang);
            let name = k.label(lang);
            self.cx
                .report(
                    Rule::KindNotAllowed,
                    Some(span.clone()),
                    tr!(
                        lang,
                        "Phong trào `{}` không nhận điển hình {name}",
                        "Campaign `{}` takes no {name} nominations",
                        info.slug
                    ),
                )
                .help = Some(tr!(
                lang,
                "phong trào này nhận: {takes}",
                "this campaign takes: {takes}"
            ));
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
                lang.pick("hình thức khen thưởng đề nghị", "proposed commendation"),
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
            .text(
                root,
                "movement",
                movement_need,
                None,
                lang.pick("tên phong trào, lĩnh vực", "name of the movement or field"),
            )
            .map(|(s, _)| nfc(s).trim().to_string());
        let nominee = self.nominee(root, kind, campaign);
        self.achievements(root, target, nominee.role);
        self.awards(root, nominee.birth);
        let facts = self.facts(root, target, nominee.role, nominee.role_settled);
        let model = self.model(root, campaign, kind);
        if let Some((info, k)) = target {
            rules::apply(self.cx, info, k, nominee.role, &facts, model.as_ref());
        }

        Nomination {
            campaign: campaign.map(|c| c.id),
            kind,
            role: nominee.role,
            scope,
            name_span: nominee.name.as_ref().map(|(_, s)| s.clone()),
            name: nominee.name.map(|(n, _)| n),
            birth: nominee.birth,
            proposed_award,
            movement,
        }
    }

    fn top_level_keys(&mut self, root: &DeTable<'_>) {
        let lang = self.cx.lang;
        for (k, _) in root.iter() {
            let key = k.get_ref().as_ref();
            if form::TOP_KEYS.contains(&key) {
                continue;
            }
            if form::nominee_field(key).is_some() {
                // The commonest slip: a nominee's field above the `[nominee]` header.
                self.cx
                    .report(
                        Rule::UnknownField,
                        Some(k.span()),
                        tr!(
                            lang,
                            "Trường `{key}` không có ở đầu tệp",
                            "No field `{key}` at the top of the file"
                        ),
                    )
                    .help = Some(tr!(
                    lang,
                    "`{key}` thuộc bảng [nominee]: viết nó dưới dòng [nominee]",
                    "`{key}` belongs to [nominee]: write it under the [nominee] line"
                ));
            } else {
                let context = lang.pick("đầu tệp đề nghị", "the top of a nomination");
                self.cx
                    .unknown_key(k, form::TOP_KEYS.iter().copied(), context);
            }
        }
    }

    fn campaign(&mut self, root: &DeTable<'_>) -> Option<&'static CampaignInfo> {
        let lang = self.cx.lang;
        let (slug, span) = self.cx.text(
            root,
            "campaign",
            Need::Required,
            None,
            lang.pick("phong trào thi đua", "campaign"),
        )?;
        if let Some(c) = Campaign::from_slug(slug) {
            return Some(c.info());
        }
        let shown = shown(slug);
        let help = match (Campaign::lookup(slug), Campaign::suggest(slug)) {
            (Some(c), _) => tr!(
                lang,
                "trong tệp, viết mã phong trào: `{}`",
                "in a file, write the campaign's slug: `{}`",
                c.slug()
            ),
            (None, Some(s)) => tr!(
                lang,
                "có phải là `{s}`? Xem danh sách: kh campaigns",
                "did you mean `{s}`? See the list: kh campaigns"
            ),
            (None, None) => tr!(
                lang,
                "xem danh sách mã phong trào: kh campaigns",
                "see the campaign slugs: kh campaigns"
            ),
        };
        self.cx
            .report(
                Rule::UnknownCampaign,
                Some(span),
                tr!(
                    lang,
                    "Không có phong trào `{shown}`",
                    "No campaign `{shown}`"
                ),
            )
            .help = Some(help);
        None
    }

    fn scope(&mut self, root: &DeTable<'_>) -> Option<Scope> {
        let lang = self.cx.lang;
        let Some((scope, span)) =
            self.cx
                .choice::<Scope>(root, "scope", Need::Optional, None, "scope")
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
                tr!(
                    lang,
                    "Thành tích có phạm vi ảnh hưởng toàn tỉnh: Sở Nội vụ báo cáo Chủ tịch UBND tỉnh xem xét, quyết định khen thưởng (mục IV.1)",
                    "Province-wide achievement: Sở Nội vụ reports it to the Chairman of the provincial People's Committee (§IV.1)"
                ),
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
        let lang = self.cx.lang;
        let mut out = Nominee {
            role_settled: true,
            ..Nominee::default()
        };
        let label = lang.pick("sơ lược lý lịch / đặc điểm tình hình", "the nominee");
        let Some((t, header)) = self.cx.table(root, "nominee", Need::Required, label) else {
            return out;
        };
        let at = Some(header);

        for (k, _) in t.iter() {
            match (form::nominee_field(k.get_ref()), kind) {
                (None, _) => {
                    let context = lang.pick("bảng [nominee]", "[nominee]");
                    self.cx
                        .unknown_key(k, NOMINEE_FIELDS.iter().map(|f| f.key), context);
                }
                (Some(f), Some(kind)) if f.col(kind) == Col::No => {
                    let kinds: Vec<Kind> = Kind::ALL
                        .iter()
                        .copied()
                        .filter(|k| f.col(*k) != Col::No)
                        .collect();
                    let for_kinds = kinds_list(&kinds, lang);
                    let this = kind.label(lang);
                    self.cx
                        .report(
                            Rule::FieldNotForKind,
                            Some(k.span()),
                            tr!(
                                lang,
                                "Trường `{}` ({}) không có trong mẫu của {this}",
                                "Field `{}` ({}) is not on the {this} form",
                                f.key,
                                f.label(lang)
                            ),
                        )
                        .help = Some(tr!(
                        lang,
                        "trường này chỉ dành cho: {for_kinds}",
                        "this field is only for: {for_kinds}"
                    ));
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
            let label = f.label(lang);
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
                            tr!(
                                lang,
                                "`{}` phải từ 1 trở lên",
                                "`{}` must be at least 1",
                                f.key
                            ),
                        );
                    }
                }
                FieldType::Role => {
                    let (role, settled) = self.role(t, at.clone(), kind, campaign);
                    out.role = role;
                    out.role_settled = settled;
                }
            }
        }

        if kind == Some(Kind::CaNhan) && !has_text(t, "workplace") && !has_text(t, "residence") {
            self.cx
                .report(
                    Rule::MissingField,
                    at,
                    tr!(
                        lang,
                        "Thiếu đơn vị công tác (`workplace`) hoặc hộ khẩu thường trú (`residence`)",
                        "Missing the workplace (`workplace`) or permanent residence (`residence`)"
                    ),
                )
                .help = Some(
                lang.pick(
                    "mẫu ghi: “Chức vụ, đơn vị công tác (hoặc hộ khẩu thường trú)”",
                    "the form asks for a workplace, or else a residence",
                )
                .to_string(),
            );
        }
        out
    }

    /// The role of an individual, where the campaign lists roles. Returns the
    /// role and whether the question is settled (no role was needed, or one
    /// was read).
    fn role(
        &mut self,
        t: &DeTable<'_>,
        at: Option<Range<usize>>,
        kind: Option<Kind>,
        campaign: Option<&CampaignInfo>,
    ) -> (Option<Role>, bool) {
        let lang = self.cx.lang;
        let label = lang.pick("nhóm đối tượng", "role");
        let given = self.cx.text(t, "role", Need::Optional, None, label);
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
            return (role, true);
        };
        let roles = info.roles;
        match given {
            None if roles.is_empty() => (None, true),
            None => {
                let list = roles_list(roles);
                self.cx
                    .report(
                        Rule::MissingRole,
                        at,
                        tr!(
                            lang,
                            "Phong trào `{}` phân loại cá nhân theo nhóm đối tượng: thiếu `role`",
                            "Campaign `{}` sets individuals apart by role: `role` is missing",
                            info.slug
                        ),
                    )
                    .help = Some(tr!(
                    lang,
                    "thêm `role` = một trong: {list}",
                    "add `role` = one of: {list}"
                ));
                (None, false)
            }
            Some((s, span)) => match Role::parse(s) {
                Some(r) if roles.contains(&r) => (Some(r), true),
                _ => {
                    let shown = shown(s);
                    let help = if roles.is_empty() {
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
                    };
                    self.cx
                        .report(
                            Rule::RoleNotAllowed,
                            Some(span),
                            tr!(
                                lang,
                                "Phong trào `{}` không có nhóm đối tượng \"{shown}\"",
                                "Campaign `{}` has no role \"{shown}\"",
                                info.slug
                            ),
                        )
                        .help = Some(help);
                    (None, roles.is_empty())
                }
            },
        }
    }

    fn check_birth(&mut self, birth: NaiveDate, span: Range<usize>) {
        let lang = self.cx.lang;
        let as_of = self.settings.as_of;
        if birth > as_of {
            self.cx.report(
                Rule::DateInFuture,
                Some(span),
                tr!(
                    lang,
                    "Ngày sinh {} sau ngày chốt của đợt {} (as_of)",
                    "Date of birth {} is after the reference day {}",
                    dmy(birth),
                    dmy(as_of)
                ),
            );
            return;
        }
        let age = age_at(birth, as_of);
        if !(6..=110).contains(&age) {
            self.cx
                .report(
                    Rule::ImplausibleAge,
                    Some(span),
                    tr!(
                        lang,
                        "Tuổi tính đến {} là {age}: khó có thể đúng",
                        "Age on {} would be {age}: hardly possible",
                        dmy(as_of)
                    ),
                )
                .help = Some(
                lang.pick(
                    "tuổi phải từ 6 đến 110; kiểm tra lại năm sinh",
                    "age must be 6 to 110; check the year of birth",
                )
                .to_string(),
            );
        }
    }

    fn achievements(
        &mut self,
        root: &DeTable<'_>,
        target: Option<(&CampaignInfo, Kind)>,
        role: Option<Role>,
    ) {
        let lang = self.cx.lang;
        let label = lang.pick("thành tích tiêu biểu xuất sắc", "outstanding achievements");
        let Some(v) = self
            .cx
            .value(root, "achievements", Need::Required, None, label)
        else {
            return;
        };
        let Some(items) = self.cx.array_of_tables("achievements", v) else {
            return;
        };
        if items.is_empty() {
            self.cx.report(
                Rule::EmptyField,
                Some(v.span()),
                tr!(
                    lang,
                    "Cần ít nhất một thành tích",
                    "At least one achievement is needed"
                ),
            );
            return;
        }
        let mut backed: Vec<&str> = Vec::new();
        let criteria: Vec<_> = target
            .map(|(c, k)| c.criteria_for(k, role).collect())
            .unwrap_or_default();
        let context = lang.pick("thành tích [[achievements]]", "an [[achievements]] entry");
        for (t, span) in &items {
            self.cx.unknown_keys(t, form::ACHIEVEMENT_KEYS, context);
            self.cx.text(
                t,
                "text",
                Need::Required,
                Some(span.clone()),
                lang.pick("nội dung thành tích", "what was achieved"),
            );
            let Some(list) = t.get("criteria") else {
                continue;
            };
            let DeValue::Array(ids) = list.get_ref() else {
                let expected = lang.pick(
                    "danh sách mã tiêu chí, ví dụ [\"sang-tao\"]",
                    "a list of criterion ids, as in [\"sang-tao\"]",
                );
                self.cx.wrong_type("criteria", list, expected);
                continue;
            };
            for id in ids.iter() {
                let DeValue::String(s) = id.get_ref() else {
                    let expected =
                        lang.pick("mã tiêu chí trong ngoặc kép", "a quoted criterion id");
                    self.cx.wrong_type("criteria", id, expected);
                    continue;
                };
                let Some((info, kind)) = target else { continue };
                if let Some(c) = criteria.iter().find(|c| c.id == s.as_ref()) {
                    backed.push(c.id);
                    continue;
                }
                let shown = shown(s);
                let hint = closest(&shown, criteria.iter().map(|c| c.id));
                let kind_label = kind.label(lang);
                let help = match hint {
                    Some(h) => tr!(
                        lang,
                        "có phải là `{h}`? Xem: kh campaigns show {}",
                        "did you mean `{h}`? See: kh campaigns show {}",
                        info.slug
                    ),
                    None => tr!(
                        lang,
                        "xem các tiêu chí: kh campaigns show {}",
                        "see the criteria: kh campaigns show {}",
                        info.slug
                    ),
                };
                self.cx
                    .report(
                        Rule::UnknownCriterion,
                        Some(id.span()),
                        tr!(
                            lang,
                            "`{shown}` không phải tiêu chí của phong trào `{}` cho {kind_label}",
                            "`{shown}` is no criterion of campaign `{}` for {kind_label} nominations",
                            info.slug
                        ),
                    )
                    .help = Some(help);
            }
        }
        let first = items.first().map(|(_, s)| s.clone());
        let unbacked: Vec<&'static crate::campaign::Criterion> = criteria
            .iter()
            .filter(|c| !backed.contains(&c.id))
            .copied()
            .collect();
        if !unbacked.is_empty() {
            let at = self.cx.locate(first);
            self.cx
                .push(Diagnostic::unbacked(self.cx.path, at, unbacked, lang));
        }
    }

    fn awards(&mut self, root: &DeTable<'_>, birth: Option<NaiveDate>) {
        let lang = self.cx.lang;
        let Some(v) = root.get("awards") else { return };
        let Some(items) = self.cx.array_of_tables("awards", v) else {
            return;
        };
        let context = lang.pick("khen thưởng [[awards]]", "an [[awards]] entry");
        let year_max = self.settings.year;
        for (t, span) in items {
            let at = Some(span);
            self.cx.unknown_keys(t, form::AWARD_KEYS, context);
            let year = self.cx.integer(
                t,
                "year",
                Need::Required,
                at.clone(),
                lang.pick("năm khen thưởng", "year of the award"),
            );
            self.cx.text(
                t,
                "title",
                Need::Required,
                at.clone(),
                lang.pick("hình thức khen thưởng", "the award"),
            );
            if let Some((year, span)) = &year {
                let floor = birth.map_or(1945, |b| b.year().max(1945)) as i64;
                if *year < floor || *year > year_max as i64 {
                    let why = match birth {
                        Some(b) if *year < b.year() as i64 => tr!(
                            lang,
                            "trước năm sinh {}",
                            "before the year of birth, {}",
                            b.year()
                        ),
                        _ => tr!(
                            lang,
                            "phải từ 1945 đến {year_max}",
                            "must be 1945 to {year_max}"
                        ),
                    };
                    self.cx.report(
                        Rule::AwardYearOutOfRange,
                        Some(span.clone()),
                        tr!(
                            lang,
                            "Năm khen thưởng {year} không hợp lý: {why}",
                            "Award year {year} is out of range: {why}"
                        ),
                    );
                }
            }
            if let Some((number, span)) =
                self.cx
                    .text(t, "decision", Need::Optional, None, "decision")
            {
                self.decision(number, span);
            }
            if let Some((date, span)) = self.cx.date(
                t,
                "date",
                Need::Optional,
                None,
                lang.pick("ngày quyết định", "date of the decision"),
            ) {
                if date > self.settings.as_of {
                    self.cx.report(
                        Rule::DateInFuture,
                        Some(span),
                        tr!(
                            lang,
                            "Ngày {} sau ngày chốt của đợt {} (as_of)",
                            "Date {} is after the reference day {}",
                            dmy(date),
                            dmy(self.settings.as_of)
                        ),
                    );
                } else if let Some((year, _)) = year
                    && i64::from(date.year()) != year
                {
                    self.cx.report(
                        Rule::AwardDateMismatch,
                        Some(span),
                        tr!(
                            lang,
                            "Ngày {} không thuộc năm khen thưởng {year}",
                            "Date {} is not in the award year {year}",
                            dmy(date)
                        ),
                    );
                }
            }
        }
    }

    /// A decision number: its shape (SPEC §5), and the slips that keep the
    /// shape but are almost surely wrong.
    fn decision(&mut self, number: &str, span: Range<usize>) {
        let lang = self.cx.lang;
        let shown = shown(number.trim());
        if !docnum::is_valid(number) {
            self.cx
                .report(
                    Rule::InvalidDecisionNumber,
                    Some(span),
                    tr!(
                        lang,
                        "Số quyết định \"{shown}\" sai định dạng",
                        "Decision number \"{shown}\" is malformed"
                    ),
                )
                .help = Some(
                lang.pick(
                    "viết như 1234/QĐ-UBND, 91/2017/NĐ-CP hoặc 34-CT/TW, không có dấu cách",
                    "write it as 1234/QĐ-UBND, 91/2017/NĐ-CP or 34-CT/TW, with no spaces",
                )
                .to_string(),
            );
        } else if let Some(meant) = docnum::intended(number) {
            self.cx
                .report(
                    Rule::SuspiciousDecisionNumber,
                    Some(span),
                    tr!(
                        lang,
                        "Số quyết định \"{shown}\" có vẻ gõ thiếu hoặc nhầm chữ Đ",
                        "Decision number \"{shown}\" looks mistyped: its Đ is missing or a look-alike"
                    ),
                )
                .help = Some(tr!(lang, "có phải là `{meant}`?", "did you mean `{meant}`?"));
        }
    }

    fn facts(
        &mut self,
        root: &DeTable<'_>,
        target: Option<(&CampaignInfo, Kind)>,
        role: Option<Role>,
        role_settled: bool,
    ) -> Facts {
        let lang = self.cx.lang;
        let mut facts = Facts::default();
        let Some((t, header)) = self.cx.table(root, "facts", Need::Optional, "facts") else {
            return facts;
        };
        facts.header = Some(header);
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            let Some(fact) = Fact::from_slug(key) else {
                let context = lang.pick("bảng [facts]", "[facts]");
                self.cx.unknown_key(k, Fact::slugs(), context);
                continue;
            };
            let label = fact.label(lang);
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
                                tr!(
                                    lang,
                                    "`{key}` phải từ {min} trở lên",
                                    "`{key}` must be at least {min}"
                                ),
                            );
                            None
                        }
                        None => None,
                    }
                }
                FactType::Score | FactType::Area => {
                    let max = if fact.ty() == FactType::Score {
                        100.0
                    } else {
                        f64::INFINITY
                    };
                    match self.cx.number(t, key, Need::Optional, None, label) {
                        Some((n, s)) if (0.0..=max).contains(&n) => Some((FactValue::Num(n), s)),
                        Some((_, s)) => {
                            let range = if max.is_finite() {
                                lang.pick("từ 0 đến 100", "from 0 to 100")
                            } else {
                                lang.pick("từ 0 trở lên", "0 or more")
                            };
                            self.cx.report(
                                Rule::InvalidValue,
                                Some(s),
                                tr!(lang, "`{key}` phải {range}", "`{key}` must be {range}"),
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
                    if let Some((info, kind)) = target
                        && role_settled
                        && !info.reads(kind, role, fact)
                    {
                        self.not_applicable(info, kind, fact, v.span());
                    }
                }
            }
        }
        if let Some((info, kind)) = target
            && role_settled
        {
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
        let lang = self.cx.lang;
        let kind_label = kind.label(lang);
        self.cx
            .report(
                Rule::FactNotApplicable,
                Some(span),
                tr!(
                    lang,
                    "Không quy tắc nào của phong trào `{}` cho {kind_label} dùng `{}`",
                    "No rule of campaign `{}` for {kind_label} nominations reads `{}`",
                    info.slug,
                    fact.slug()
                ),
            )
            .help = Some(
            lang.pick(
                "bỏ dòng này, hoặc kiểm tra lại phong trào và loại điển hình",
                "remove the line, or check the campaign and kind",
            )
            .to_string(),
        );
    }

    fn model(
        &mut self,
        root: &DeTable<'_>,
        campaign: Option<&CampaignInfo>,
        kind: Option<Kind>,
    ) -> Option<Model> {
        let lang = self.cx.lang;
        let wanted = match (campaign, kind) {
            (Some(c), Some(k)) => Some(c.has_model(k)),
            _ => None,
        };
        if wanted == Some(false) {
            if let Some((key, _)) = root.get_key_value("model") {
                self.cx
                    .report(
                        Rule::FieldNotForKind,
                        Some(key.span()),
                        tr!(
                            lang,
                            "Bảng [model] chỉ dành cho mô hình “Dân vận khéo”",
                            "A [model] table is only for a “Dân vận khéo” model"
                        ),
                    )
                    .help = Some(
                    lang.pick("bỏ bảng [model]", "remove the [model] table")
                        .to_string(),
                );
            }
            return None;
        }
        let need = if wanted == Some(true) {
            Need::Required
        } else {
            Need::Optional
        };
        let (t, header) = self.cx.table(
            root,
            "model",
            need,
            lang.pick("mô hình “Dân vận khéo”", "the “Dân vận khéo” model"),
        )?;
        let at = Some(header.clone());
        let context = lang.pick("bảng [model]", "[model]");
        self.cx.unknown_keys(t, form::MODEL_KEYS, context);
        self.cx.text(
            t,
            "name",
            need,
            at.clone(),
            lang.pick("tên mô hình", "name of the model"),
        );
        self.cx.text(
            t,
            "address",
            need,
            at.clone(),
            lang.pick("địa chỉ mô hình", "address of the model"),
        );
        self.cx.choice::<crate::vocab::Domain>(
            t,
            "domain",
            need,
            at.clone(),
            lang.pick("lĩnh vực", "field"),
        );
        Some(Model {
            header: Some(header),
            four_step_plan: self.cx.boolean(
                t,
                "four_step_plan",
                need,
                at.clone(),
                lang.pick("kế hoạch theo 4 bước", "four-step plan"),
            ),
            // The plan asks for "tiêu chí đánh giá … với thang điểm 100", a
            // scale, not a score: optional, checked when given.
            score: self.cx.number(
                t,
                "score",
                Need::Optional,
                at.clone(),
                lang.pick("điểm đánh giá (thang 100)", "score (out of 100)"),
            ),
            records_archived: self.cx.boolean(
                t,
                "records_archived",
                need,
                at,
                lang.pick("hồ sơ lưu trữ đầy đủ", "records archived"),
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
    d.format("%d/%m/%Y").to_string()
}

pub(crate) fn kinds_list(kinds: &[Kind], lang: Lang) -> String {
    kinds
        .iter()
        .map(|k| format!("{} ({})", k.slug(), k.label(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn roles_list(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.slug())
        .collect::<Vec<_>>()
        .join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;

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
