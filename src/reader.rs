//! Reading a TOML file by its spans: typed look-ups that record what they
//! find wrong, with where. It knows TOML, positions and the findings'
//! words, not the forms; `nomination`, `config` and `review` read their
//! files with it, and it reads none of them.

use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, LineIndex, Location};
use crate::messages::{BadChoice, DateProblem, Expected, Found, Label, What};
use crate::text::{closest, escape_controls, shown};
use crate::vocab::Vocab;

/// Whether a missing key is a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
}

/// Most diagnostics kept for one file. A file with more is garbage rather
/// than a nomination with slips, and listing every one would cost time and
/// memory for nothing; the last kept one says how many more there were.
const MAX_PER_FILE: usize = 500;

pub type Value<'i> = Spanned<DeValue<'i>>;

/// One file's text and the findings in it so far.
pub struct Cx<'a> {
    /// Shared by every finding of the file (and its record).
    pub path: std::sync::Arc<str>,
    text: &'a str,
    diags: Vec<Diagnostic>,
    /// Built on the first diagnostic: most files need none.
    index: std::cell::OnceCell<LineIndex>,
    /// Diagnostics past [`MAX_PER_FILE`], counted, not kept.
    suppressed: u32,
}

fn found(v: &DeValue<'_>) -> Found {
    match v {
        DeValue::String(_) => Found::Text,
        DeValue::Integer(_) => Found::Integer,
        DeValue::Float(_) => Found::Float,
        DeValue::Boolean(_) => Found::Boolean,
        DeValue::Datetime(_) => Found::DateTime,
        DeValue::Array(_) => Found::Array,
        DeValue::Table(_) => Found::Table,
    }
}

impl<'a> Cx<'a> {
    pub fn new(path: impl Into<std::sync::Arc<str>>, text: &'a str) -> Self {
        Cx {
            path: path.into(),
            text,
            diags: Vec::new(),
            index: std::cell::OnceCell::new(),
            suppressed: 0,
        }
    }

    /// The file's leading comment lines, without their "# ".
    pub fn head_comments(&self) -> impl Iterator<Item = &'a str> {
        self.text
            .lines()
            .map_while(|l| l.strip_prefix('#'))
            .map(str::trim)
    }

    pub fn locate(&self, span: Option<Range<usize>>) -> Option<Location> {
        let index = self.index.get_or_init(|| LineIndex::new(self.text));
        span.map(|s| index.locate(self.text, s))
    }

    /// Records a finding.
    pub fn report(&mut self, span: Option<Range<usize>>, what: What) {
        if self.diags.len() >= MAX_PER_FILE {
            self.suppressed += 1;
            return;
        }
        let diag = Diagnostic::new(self.path.clone(), what).at(self.locate(span));
        self.diags.push(diag);
    }

    /// Records a finding made whole elsewhere (the unevidenced criteria).
    pub fn push(&mut self, d: Diagnostic) {
        if self.diags.len() >= MAX_PER_FILE {
            self.suppressed += 1;
        } else {
            self.diags.push(d);
        }
    }

    /// The file's diagnostics; past the limit, the last says how many more.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        if let Some(last) = self.diags.last_mut() {
            last.more = self.suppressed;
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
                let (span, syntax) = crate::syntax::classify(text, span, &raw);
                self.report(Some(span), What::Syntax(syntax));
                None
            }
        }
    }

    pub fn wrong_type(&mut self, key: &str, v: &Value<'_>, expected: Expected) {
        self.report(
            Some(v.span()),
            What::WrongType {
                key: key.to_string(),
                expected,
                found: found(v.get_ref()),
            },
        );
    }

    fn wrong_table(&mut self, key: &str, v: &Value<'_>, list: bool) {
        self.report(
            Some(v.span()),
            What::WrongTypeTable {
                key: key.to_string(),
                list,
                found: found(v.get_ref()),
            },
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
        label: Label,
    ) -> Option<&'t Value<'i>> {
        let found = table.get(key);
        if found.is_none() && need == Need::Required {
            self.report(
                at,
                What::MissingField {
                    key: key.to_string(),
                    label,
                },
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
        label: Label,
    ) -> Option<(&'t str, Range<usize>)> {
        let v = self.value(table, key, need, at, label)?;
        let DeValue::String(s) = v.get_ref() else {
            self.wrong_type(key, v, Expected::QuotedText);
            return None;
        };
        if self.blank(v, key, need, label) {
            return None;
        }
        Some((s.as_ref(), v.span()))
    }

    /// One value of a closed list, by its slug or its label.
    pub fn choice<V: Vocab>(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        need: Need,
        at: Option<Range<usize>>,
        label: Label,
    ) -> Option<(V, Range<usize>)> {
        let (s, span) = self.text(table, key, need, at, label)?;
        if let Some(v) = V::parse(s) {
            return Some((v, span));
        }
        // A level written with its "cấp" ("cấp huyện").
        let plain = crate::text::strip_diacritics(s.trim()).to_lowercase();
        if let Some(rest) = plain.strip_prefix("cap ")
            && let Some(v) = V::parse(rest)
        {
            self.read_as(key, span.clone(), format!("\"{}\"", v.slug()));
            return Some((v, span));
        }
        self.bad_choice::<V>(key, s, span);
        None
    }

    pub fn bad_choice<V: Vocab>(&mut self, key: &str, given: &str, span: Range<usize>) {
        let given = shown(given);
        let hint = closest(given.as_str(), V::all().iter().map(|v| v.slug()));
        self.report(
            Some(span),
            What::BadChoice(Box::new(BadChoice {
                key: key.to_string(),
                given,
                hint,
                choices: V::choices(),
            })),
        );
    }

    /// A date: a TOML date (`1968-04-12`) or the string "12/04/1968".
    pub fn date(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        need: Need,
        at: Option<Range<usize>>,
        label: Label,
    ) -> Option<(NaiveDate, Range<usize>)> {
        let v = self.value(table, key, need, at, label)?;
        let span = v.span();
        let parsed = match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .ok_or(DateProblem::NotOnCalendar)
                }
                _ => Err(DateProblem::HasTime),
            },
            DeValue::String(s) if s.trim().is_empty() => {
                self.blank(v, key, need, label);
                return None;
            }
            DeValue::String(s) => match parse_dmy(s) {
                Some(Ok(d)) => Ok(d),
                Some(Err(())) => Err(DateProblem::NotOnCalendar),
                None => match parse_other_date(s) {
                    // Another unambiguous way of writing a day: read, said.
                    Some(Ok(d)) => {
                        self.read_as(key, span.clone(), format!("\"{}\"", crate::text::dmy(d)));
                        Ok(d)
                    }
                    Some(Err(())) => Err(DateProblem::NotOnCalendar),
                    None => Err(DateProblem::NotDayMonthYear),
                },
            },
            _ => {
                self.wrong_type(key, v, Expected::Date);
                return None;
            }
        };
        match parsed {
            Ok(d) => Some((d, span)),
            Err(why) => {
                let raw = shown(self.text.get(span.clone()).unwrap_or(""));
                self.report(
                    Some(span),
                    What::InvalidDate {
                        key: key.to_string(),
                        raw,
                        why,
                    },
                );
                None
            }
        }
    }

    /// `value-read-as`: a value typed another unambiguous way, read, and
    /// how it should be written.
    fn read_as(&mut self, key: &str, span: Range<usize>, read: String) {
        let raw = shown(self.text.get(span.clone()).unwrap_or(""));
        self.report(
            Some(span),
            What::ValueReadAs {
                key: key.to_string(),
                raw,
                read,
            },
        );
    }

    /// A value left as `""` (as a template leaves it) counts as not given:
    /// `empty-field` when it is required. True when `v` is such a blank.
    fn blank(&mut self, v: &Value<'_>, key: &str, need: Need, label: Label) -> bool {
        let is_blank = matches!(v.get_ref(), DeValue::String(s) if s.trim().is_empty());
        if is_blank && need == Need::Required {
            self.report(
                Some(v.span()),
                What::EmptyField {
                    key: key.to_string(),
                    label,
                },
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
        label: Label,
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
        label: Label,
    ) -> Option<(i64, Range<usize>)> {
        let v = self.given(table, key, need, at, label)?;
        let DeValue::Integer(i) = v.get_ref() else {
            // A number in quotes ("5") is plainly the number.
            if let DeValue::String(s) = v.get_ref()
                && let Ok(n) = s.trim().parse::<i64>()
            {
                self.read_as(key, v.span(), n.to_string());
                return Some((n, v.span()));
            }
            self.wrong_type(key, v, Expected::WholeNumber);
            return None;
        };
        match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Some((n, v.span())),
            Err(_) => {
                self.report(
                    Some(v.span()),
                    What::TooLarge {
                        key: key.to_string(),
                    },
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
        label: Label,
    ) -> Option<(f64, Range<usize>)> {
        let v = self.given(table, key, need, at, label)?;
        let n = match v.get_ref() {
            DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
            // "92,5" (a decimal comma) or "92.5" in quotes.
            DeValue::String(s) if decimal(s).is_some() => {
                let n = decimal(s);
                if let Some(n) = n {
                    self.read_as(key, v.span(), n.to_string());
                }
                n
            }
            _ => {
                self.wrong_type(key, v, Expected::Number);
                return None;
            }
        };
        match n {
            Some(n) if n.is_finite() => Some((n, v.span())),
            _ => {
                self.report(
                    Some(v.span()),
                    What::NotFinite {
                        key: key.to_string(),
                    },
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
        label: Label,
    ) -> Option<(bool, Range<usize>)> {
        let v = self.given(table, key, need, at, label)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some((*b, v.span())),
            DeValue::String(s) if yes_no(s).is_some() => {
                let b = yes_no(s)?;
                self.read_as(key, v.span(), b.to_string());
                Some((b, v.span()))
            }
            _ => {
                self.wrong_type(key, v, Expected::TrueFalse);
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
        label: Label,
    ) -> Option<(&'t DeTable<'i>, Range<usize>)> {
        let v = self.value(parent, key, need, None, label)?;
        match v.get_ref() {
            DeValue::Table(t) => Some((t, v.span())),
            _ => {
                self.wrong_table(key, v, false);
                None
            }
        }
    }

    /// Lines of text: an array of strings, or one string with line breaks
    /// (`header`, `cc`), each trimmed and composed.
    pub fn lines(&mut self, t: &DeTable<'_>, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        let Some(v) = t.get(key) else {
            return out;
        };
        match v.get_ref() {
            DeValue::Array(items) => {
                for item in items {
                    match item.get_ref() {
                        DeValue::String(s) => out.push(crate::text::nfc(s).trim().to_string()),
                        _ => self.wrong_type(key, item, Expected::QuotedText),
                    }
                }
            }
            DeValue::String(s) => {
                out.extend(s.lines().map(|l| crate::text::nfc(l).trim().to_string()));
            }
            _ => self.wrong_type(key, v, Expected::QuotedText),
        }
        out
    }

    /// `[[name]]` entries, each a table with its span.
    pub fn array_of_tables<'t, 'i>(
        &mut self,
        key: &str,
        v: &'t Value<'i>,
    ) -> Option<Vec<(&'t DeTable<'i>, Range<usize>)>> {
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_table(key, v, true);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                _ => self.wrong_table(key, item, true),
            }
        }
        Some(out)
    }

    /// Reports keys that no list of known keys has, with the closest one.
    pub fn unknown_keys(&mut self, table: &DeTable<'_>, known: &[&'static str], context: Label) {
        for (k, _) in table.iter() {
            if !known.contains(&k.get_ref().as_ref()) {
                self.unknown_key(k, known.iter().copied(), context);
            }
        }
    }

    pub fn unknown_key(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        known: impl IntoIterator<Item = &'static str>,
        context: Label,
    ) {
        let name = shown(key.get_ref());
        let hint = closest(&name, known);
        self.report(
            Some(key.span()),
            What::UnknownField {
                name,
                context,
                hint,
            },
        );
    }
}

/// A date given on the command line (`--date`): "05/10/2023" or
/// "2023-10-05", read by the same rules as a file's; a two-digit year is
/// refused with the four-digit form shown.
pub fn parse_date_arg(s: &str) -> Result<NaiveDate, String> {
    let t = s.trim();
    let iso = t.split('-').collect::<Vec<_>>();
    if iso.len() == 3 && iso[0].len() == 4 {
        if let Some(Ok(d)) = parse_other_date(t) {
            return Ok(d);
        }
    } else if let Some(Ok(d)) = parse_dmy(t) {
        return Ok(d);
    }
    let parts: Vec<&str> = t.split('/').collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 2
        && y.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(format!(
            "`{s}`: năm phải đủ bốn chữ số / the year needs four digits: {d}/{m}/20{y}"
        ));
    }
    Err(format!("`{s}`: 05/10/2023 | 2023-10-05"))
}

/// "12/04/1968" (or "12/4/1968") as a date; `Some(Err)` for that shape
/// naming a day that does not exist (31/02/1978), `None` for another shape.
pub fn parse_dmy(s: &str) -> Option<Result<NaiveDate, ()>> {
    dmy_with(s, '/')
}

fn dmy_with(s: &str, sep: char) -> Option<Result<NaiveDate, ()>> {
    let mut parts = s.trim().split(sep);
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
    Some(NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok_or(()))
}

/// The other unambiguous ways clerks write a day (SPEC §3.2): "1985-03-07",
/// "15.08.1962", "12-01-2022" (day first, as Vietnamese offices write).
fn parse_other_date(s: &str) -> Option<Result<NaiveDate, ()>> {
    let t = s.trim();
    let iso = t.split('-').collect::<Vec<_>>();
    if iso.len() == 3 && iso[0].len() == 4 && iso[1].len() == 2 && iso[2].len() == 2 {
        let all_digits = iso.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !all_digits {
            return None;
        }
        return Some(
            NaiveDate::from_ymd_opt(
                iso[0].parse().ok()?,
                iso[1].parse().ok()?,
                iso[2].parse().ok()?,
            )
            .ok_or(()),
        );
    }
    dmy_with(t, '.').or_else(|| dmy_with(t, '-'))
}

/// A number written as text: "92,5" (a decimal comma), "92.5", "92".
pub(crate) fn decimal(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() || t.matches(',').count() + t.matches('.').count() > 1 {
        return None;
    }
    if !t
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    t.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

/// Yes or no as clerks write it: "có", "co", "x", "true"; "không",
/// "khong", "false".
pub(crate) fn yes_no(s: &str) -> Option<bool> {
    let t = crate::text::strip_diacritics(s.trim()).to_lowercase();
    match t.as_str() {
        "co" | "x" | "true" | "dung" => Some(true),
        "khong" | "false" | "sai" => Some(false),
        _ => None,
    }
}
