//! The round's settings (`kh.toml`) and a unit's descriptor (`unit.toml`),
//! SPEC §2.

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
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
    /// The plan documents cite (`[plan]`, SPEC §2).
    pub plan: Plan,
    /// Who signs the list and the letters (`[office]`, SPEC §2).
    pub office: Office,
}

/// The plan a round carries out, as documents cite it: "Thực hiện Kế hoạch
/// số … ngày … của UBND tỉnh Hà Nam về …". The plan's own text leaves its
/// number and date blank, so they stay dots until a round fills them in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub title: String,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub issuer: String,
    /// The day units must send or complete their dossiers by.
    pub deadline: Option<NaiveDate>,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            title: "Kế hoạch tuyên truyền các phong trào thi đua yêu nước, xây dựng và nhân rộng điển hình tiên tiến năm 2023".to_string(),
            number: None,
            date: None,
            issuer: "UBND tỉnh Hà Nam".to_string(),
            deadline: None,
        }
    }
}

impl Plan {
    /// "Kế hoạch số 12/KH-UBND ngày 20/02/2023 của UBND tỉnh Hà Nam về …",
    /// with dots where the round has not said.
    /// The plan as a page cites it: by number and date when the round gives
    /// them, else by its issuer and subject (a page has no dots to fill in).
    pub fn cited_in_print(&self) -> String {
        if self.number.is_some() && self.date.is_some() {
            return self.cited();
        }
        format!("Kế hoạch của {} về {}", self.issuer, self.about())
    }

    fn about(&self) -> &str {
        // The title begins with "Kế hoạch"; the citation says it once.
        self.title
            .strip_prefix("Kế hoạch ")
            .unwrap_or(&self.title)
            .trim()
    }

    pub fn cited(&self) -> String {
        let number = self.number.as_deref().unwrap_or("……/KH-UBND");
        let date = self
            .date
            .map(crate::text::dmy)
            .unwrap_or_else(|| "……/……/……".to_string());
        format!(
            "Kế hoạch số {number} ngày {date} của {} về {}",
            self.issuer,
            self.about()
        )
    }
}

/// The office that collects the round and signs what goes out of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    pub parent: String,
    pub name: String,
    pub abbr: String,
    pub place: String,
    pub signer_title: String,
    pub signer: Option<String>,
    /// Lines of "Nơi nhận" after "Như trên;".
    pub cc: Vec<String>,
}

impl Default for Office {
    fn default() -> Self {
        Office {
            parent: "UBND TỈNH HÀ NAM".to_string(),
            name: "SỞ NỘI VỤ".to_string(),
            abbr: "SNV-TĐKT".to_string(),
            place: "Hà Nam".to_string(),
            signer_title: "GIÁM ĐỐC".to_string(),
            signer: None,
            cc: Vec::new(),
        }
    }
}

/// The year of the plan kh carries: a round without `kh.toml` is judged as
/// this year's, whatever the clock says, so that a clerk's check and Sở Nội
/// vụ's agree on any day (SPEC §2).
pub const PLAN_YEAR: i32 = 2023;

/// §IV.1: "các đơn vị lựa chọn… để giới thiệu… không quá 03 điển hình".
pub const PLAN_CAP: usize = 3;

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
            cap: PLAN_CAP,
            from_kh_toml: false,
            expected: Vec::new(),
            plan: Plan::default(),
            office: Office::default(),
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
    cx.unknown_keys(
        t,
        &[
            "year",
            "cap_per_unit",
            "as_of",
            "expected",
            "plan",
            "office",
        ],
        context,
    );
    if let Some((year, span)) =
        cx.integer(t, "year", Need::Optional, None, Label::new("năm", "year"))
    {
        if (1945..=9999).contains(&year) {
            settings.year = year as i32;
        } else {
            cx.report(Some(span), What::YearRange);
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
            Ok(cap) if cap >= 1 => {
                settings.cap = cap;
                // §IV.1 fixes "không quá 03 điển hình" for the plan's year.
                if settings.year == PLAN_YEAR && cap != PLAN_CAP {
                    cx.report(
                        Some(span),
                        What::CapChanged {
                            cap,
                            year: settings.year,
                        },
                    );
                }
            }
            _ => {
                cx.report(
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
    read_plan(&mut cx, t, &mut settings.plan);
    read_office(&mut cx, t, &mut settings.office);
    (settings, cx.finish())
}

type Table<'i> = toml::de::DeTable<'i>;

/// One optional text of a table, trimmed and composed.
fn opt_text(cx: &mut Cx, t: &Table<'_>, key: &str, label: Label) -> Option<String> {
    cx.text(t, key, Need::Optional, None, label)
        .map(|(s, _)| crate::text::nfc(s).trim().to_string())
}

fn read_plan(cx: &mut Cx, top: &Table<'_>, plan: &mut Plan) {
    let Some((t, _)) = cx.table(top, "plan", Need::Optional, Label::new("kế hoạch", "plan"))
    else {
        return;
    };
    cx.unknown_keys(
        t,
        &["title", "number", "date", "issuer", "deadline"],
        Label::new("[plan] của kh.toml", "kh.toml's [plan]"),
    );
    if let Some(s) = opt_text(cx, t, "title", Label::new("tên kế hoạch", "plan's title")) {
        plan.title = s;
    }
    if let Some(s) = opt_text(cx, t, "number", Label::new("số kế hoạch", "plan's number")) {
        plan.number = Some(s);
    }
    if let Some(s) = opt_text(cx, t, "issuer", Label::new("cơ quan ban hành", "issued by")) {
        plan.issuer = s;
    }
    plan.date = cx
        .date(
            t,
            "date",
            Need::Optional,
            None,
            Label::new("ngày kế hoạch", "plan's date"),
        )
        .map(|(d, _)| d);
    plan.deadline = cx
        .date(
            t,
            "deadline",
            Need::Optional,
            None,
            Label::new("hạn gửi hồ sơ", "deadline"),
        )
        .map(|(d, _)| d);
}

fn read_office(cx: &mut Cx, top: &Table<'_>, office: &mut Office) {
    let Some((t, _)) = cx.table(
        top,
        "office",
        Need::Optional,
        Label::new("cơ quan tổng hợp", "office"),
    ) else {
        return;
    };
    cx.unknown_keys(
        t,
        &[
            "parent",
            "name",
            "abbr",
            "place",
            "signer_title",
            "signer",
            "cc",
        ],
        Label::new("[office] của kh.toml", "kh.toml's [office]"),
    );
    let fields: [(&str, &mut String, Label); 5] = [
        (
            "parent",
            &mut office.parent,
            Label::new("cơ quan cấp trên", "parent body"),
        ),
        ("name", &mut office.name, Label::new("tên cơ quan", "name")),
        (
            "abbr",
            &mut office.abbr,
            Label::new("chữ viết tắt", "abbreviation"),
        ),
        ("place", &mut office.place, Label::new("địa danh", "place")),
        (
            "signer_title",
            &mut office.signer_title,
            Label::new("chức danh người ký", "signer's title"),
        ),
    ];
    for (key, slot, label) in fields {
        if let Some(s) = opt_text(cx, t, key, label) {
            *slot = s;
        }
    }
    office.signer = opt_text(cx, t, "signer", Label::new("người ký", "signer"));
    office.cc = cx.lines(t, "cc");
}

/// What `unit.toml` says of a unit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitInfo {
    pub name: Option<String>,
    pub level: Option<UnitLevel>,
    /// Boxed: most units give none of it, and a round keeps every unit's
    /// record (96 bytes a unit, unboxed).
    pub letterhead: Option<Box<Letterhead>>,
}

/// What documents print for a unit (SPEC §2): the body above it, the
/// header's lines as the unit breaks them, the place, the head's title,
/// the motto.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Letterhead {
    pub parent: Option<String>,
    pub header: Vec<String>,
    pub place: Option<String>,
    pub signer_title: Option<String>,
    pub motto: Option<crate::vocab::Motto>,
}

impl UnitInfo {
    /// The unit's letterhead, empty where `unit.toml` gives none.
    pub fn letterhead(&self) -> &Letterhead {
        static NONE: Letterhead = Letterhead {
            parent: None,
            header: Vec::new(),
            place: None,
            signer_title: None,
            motto: None,
        };
        self.letterhead.as_deref().unwrap_or(&NONE)
    }
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
    let header = cx.lines(t, "header");
    let letterhead = Letterhead {
        parent,
        header,
        place,
        signer_title,
        motto,
    };
    (
        UnitInfo {
            name,
            level,
            letterhead: (letterhead != Letterhead::default()).then(|| Box::new(letterhead)),
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
        let codes: Vec<_> = d.iter().map(|d| d.rule().code()).collect();
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
        let l = u.letterhead();
        assert_eq!(l.parent.as_deref(), Some("UBND TỈNH HÀ NAM"));
        assert_eq!(l.header, ["UBND HUYỆN", "THANH LIÊM"]);
        assert_eq!(l.place.as_deref(), Some("Thanh Liêm"));
        assert_eq!(l.signer_title.as_deref(), Some("GIÁM ĐỐC"));
        assert_eq!(l.motto, Some(crate::vocab::Motto::Dang));
        // A unit that gives none of it keeps no letterhead.
        let (u, _) = read_unit("x/unit.toml", "name = \"X\"\n");
        assert!(u.letterhead.is_none());
        assert_eq!(u.letterhead(), &Letterhead::default());
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
