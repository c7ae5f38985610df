//! The round's settings (`kh.toml`) and a unit's descriptor (`unit.toml`),
//! SPEC §2.

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Rule};
use crate::lang::Lang;
use crate::messages::{Label, What};
use crate::reader::{Cx, Need};
use crate::tr;
use crate::vocab::UnitLevel;

/// What the rules of a round are judged against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Year of the round.
    pub year: i32,
    /// The day ages and "in the future" are judged against.
    pub as_of: NaiveDate,
    /// Most nominations one unit may send (§IV.1: "không quá 03 điển hình").
    pub cap: usize,
    /// Whether a `kh.toml` was read, or the defaults stand.
    pub from_kh_toml: bool,
    /// The roster of units asked to send (`[expected]`, SPEC §11): slug and
    /// name, in the order written. Empty: no roster.
    pub expected: Vec<(String, String)>,
}

/// The year of the plan kh carries: a round without `kh.toml` is judged as
/// this year's, whatever the clock says, so that a clerk's check and Sở Nội
/// vụ's agree on any day (SPEC §2).
pub const PLAN_YEAR: i32 = 2023;

impl Default for Settings {
    fn default() -> Self {
        Settings::for_year(PLAN_YEAR)
    }
}

impl Settings {
    /// The defaults of SPEC §2 for a round of `year`.
    pub fn for_year(year: i32) -> Settings {
        Settings {
            year,
            as_of: end_of_year(year),
            cap: 3,
            from_kh_toml: false,
            expected: Vec::new(),
        }
    }

    /// What the round is judged by, and where that came from, for the human
    /// output of `validate` and `summary`.
    pub fn describe(&self, lang: Lang) -> String {
        let (year, as_of) = (self.year, crate::text::dmy(self.as_of));
        let source = if self.from_kh_toml {
            lang.pick("theo kh.toml", "from kh.toml")
        } else {
            lang.pick("mặc định, không có kh.toml", "defaults, no kh.toml")
        };
        tr!(
            lang,
            "Đợt năm {year}, xét đến {as_of} — {source}",
            "Round of {year}, judged as of {as_of} — {source}"
        )
    }
}

fn end_of_year(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Reads `kh.toml`; problems in it are reported and the defaults stand in.
pub fn read_round(path: &str, text: &str) -> (Settings, Vec<Diagnostic>) {
    let mut cx = Cx::new(path, text);
    let mut settings = Settings {
        from_kh_toml: true,
        ..Settings::default()
    };
    let Some(doc) = cx.parse(text) else {
        return (settings, cx.finish());
    };
    let t = doc.get_ref();
    let context = Label::new("kh.toml", "kh.toml");
    cx.unknown_keys(t, &["year", "cap_per_unit", "as_of", "expected"], context);
    if let Some((year, span)) =
        cx.integer(t, "year", Need::Optional, None, Label::new("năm", "year"))
    {
        if (1945..=9999).contains(&year) {
            settings.year = year as i32;
        } else {
            cx.report(Rule::InvalidValue, Some(span), What::YearRange);
        }
    }
    settings.as_of = end_of_year(settings.year);
    if let Some((cap, span)) = cx.integer(
        t,
        "cap_per_unit",
        Need::Optional,
        None,
        Label::new("cap_per_unit", "cap_per_unit"),
    ) {
        match usize::try_from(cap) {
            Ok(cap) if cap >= 1 => settings.cap = cap,
            _ => {
                cx.report(
                    Rule::InvalidValue,
                    Some(span),
                    What::AtLeast {
                        key: "cap_per_unit".to_string(),
                        min: 1,
                    },
                );
            }
        }
    }
    if let Some((as_of, _)) = cx.date(
        t,
        "as_of",
        Need::Optional,
        None,
        Label::new("ngày chốt của đợt", "reference day"),
    ) {
        settings.as_of = as_of;
    }
    if let Some((roster, _)) = cx.table(
        t,
        "expected",
        Need::Optional,
        Label::new("danh sách đơn vị được đề nghị gửi", "roster of units"),
    ) {
        for (k, _) in roster.iter() {
            let slug = k.get_ref().as_ref();
            if !crate::text::is_slug(slug) {
                cx.report(
                    Rule::InvalidValue,
                    Some(k.span()),
                    What::ExpectedCode {
                        code: crate::text::shown(slug),
                    },
                );
                continue;
            }
            if let Some((name, _)) = cx.text(
                roster,
                slug,
                Need::Required,
                None,
                Label::new("tên đơn vị", "name of the unit"),
            ) {
                let name = crate::text::nfc(name).trim().to_string();
                settings.expected.push((slug.to_string(), name));
            }
        }
    }
    (settings, cx.finish())
}

/// What `unit.toml` says of a unit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitInfo {
    pub name: Option<String>,
    pub level: Option<UnitLevel>,
    /// What documents print for the unit (SPEC §2): the body above it, the
    /// header's lines as the unit breaks them, the place, the head's title,
    /// the motto.
    pub parent: Option<String>,
    pub header: Vec<String>,
    pub place: Option<String>,
    pub signer_title: Option<String>,
    pub motto: Option<crate::vocab::Motto>,
}

/// Reads `unit.toml`.
pub fn read_unit(path: &str, text: &str) -> (UnitInfo, Vec<Diagnostic>) {
    let mut cx = Cx::new(path, text);
    let Some(doc) = cx.parse(text) else {
        return (UnitInfo::default(), cx.finish());
    };
    let t = doc.get_ref();
    cx.unknown_keys(
        t,
        &[
            "name",
            "level",
            "parent",
            "header",
            "place",
            "signer_title",
            "motto",
        ],
        Label::new("unit.toml", "unit.toml"),
    );
    let name = cx
        .text(
            t,
            "name",
            Need::Required,
            None,
            Label::new("tên đơn vị", "name of the unit"),
        )
        .map(|(s, _)| crate::text::nfc(s).trim().to_string());
    let level = cx
        .choice::<UnitLevel>(t, "level", Need::Optional, None, Label::new("cấp", "level"))
        .map(|(l, _)| l);
    let mut text = |key: &str, vi: &'static str, en: &'static str| {
        cx.text(t, key, Need::Optional, None, Label::new(vi, en))
            .map(|(s, _)| crate::text::nfc(s).trim().to_string())
    };
    let parent = text("parent", "cơ quan cấp trên", "parent body");
    let place = text("place", "địa danh", "place");
    let signer_title = text("signer_title", "chức danh người ký", "signer's title");
    let motto = cx
        .choice::<crate::vocab::Motto>(
            t,
            "motto",
            Need::Optional,
            None,
            Label::new("quốc hiệu", "motto"),
        )
        .map(|(m, _)| m);
    let mut header = Vec::new();
    if let Some(v) = t.get("header") {
        match v.get_ref() {
            toml::de::DeValue::Array(items) => {
                for item in items {
                    match item.get_ref() {
                        toml::de::DeValue::String(s) => {
                            header.push(crate::text::nfc(s).trim().to_string())
                        }
                        _ => cx.wrong_type("header", item, crate::messages::Expected::QuotedText),
                    }
                }
            }
            toml::de::DeValue::String(s) => {
                header.extend(s.lines().map(|l| crate::text::nfc(l).trim().to_string()));
            }
            _ => cx.wrong_type("header", v, crate::messages::Expected::QuotedText),
        }
    }
    (
        UnitInfo {
            name,
            level,
            parent,
            header,
            place,
            signer_title,
            motto,
        },
        cx.finish(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_year() {
        let (s, d) = read_round("kh.toml", "year = 2023\n");
        assert!(d.is_empty());
        assert_eq!(
            s,
            Settings {
                from_kh_toml: true,
                ..Settings::for_year(2023)
            }
        );
        assert_eq!(
            s.as_of,
            NaiveDate::from_ymd_opt(2023, 12, 31).unwrap_or_default()
        );
        assert_eq!(s.cap, 3);
    }

    #[test]
    fn bad_settings_are_reported_and_defaults_kept() {
        let (s, d) = read_round(
            "kh.toml",
            "year = 20\ncap_per_unit = 0\nas_of = \"31/02/2023\"\nfoo = 1\n",
        );
        assert_eq!(s.year, PLAN_YEAR);
        assert_eq!(s.cap, 3);
        let codes: Vec<_> = d.iter().map(|d| d.rule.code()).collect();
        assert_eq!(codes.iter().filter(|c| **c == "invalid-value").count(), 2);
        assert!(codes.contains(&"invalid-date"));
        assert!(codes.contains(&"unknown-field"));
    }

    #[test]
    fn unit_descriptor() {
        let (u, d) = read_unit("x/unit.toml", "name = \"Sở Y tế\"\nlevel = \"tinh\"\n");
        assert!(d.is_empty());
        assert_eq!(u.name.as_deref(), Some("Sở Y tế"));
        // A level's label reads as its slug (SPEC §3.1)…
        let (u, d) = read_unit("x/unit.toml", "name = \"X\"\nlevel = \"Cấp tỉnh\"\n");
        assert!(d.is_empty());
        assert_eq!(u.level, Some(UnitLevel::Tinh));
        // What documents print for it (SPEC §2).
        let (u, d) = read_unit(
            "x/unit.toml",
            "name = \"Sở Y tế\"\nparent = \"UBND TỈNH HÀ NAM\"\nheader = [\"UBND HUYỆN\", \"THANH LIÊM\"]\nplace = \"Thanh Liêm\"\nsigner_title = \"GIÁM ĐỐC\"\nmotto = \"dang\"\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(u.parent.as_deref(), Some("UBND TỈNH HÀ NAM"));
        assert_eq!(u.header, ["UBND HUYỆN", "THANH LIÊM"]);
        assert_eq!(u.place.as_deref(), Some("Thanh Liêm"));
        assert_eq!(u.signer_title.as_deref(), Some("GIÁM ĐỐC"));
        assert_eq!(u.motto, Some(crate::vocab::Motto::Dang));
        let (_, d) = read_unit(
            "x/unit.toml",
            "name = \"X\"\nheader = [1]\nmotto = \"vua\"\n",
        );
        assert_eq!(d.len(), 2, "{d:?}");
        // … but no name and no such level are two problems.
        let (_, d) = read_unit("x/unit.toml", "level = \"tỉnh thành\"\n");
        assert_eq!(d.len(), 2);
    }
}
