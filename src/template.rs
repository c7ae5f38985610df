//! The nomination file `kh nominate new` writes: the plan's form for a kind,
//! with the campaign's facts and criteria, every line commented in
//! Vietnamese so that a clerk only fills in the blanks (SPEC §9.1).

use crate::campaign::{Campaign, CampaignInfo};
use crate::form::{
    self, AchievementKey, AwardKey, Col, FieldType, ModelKey, NOMINEE_FIELDS, NomineeKey, Top,
};
use crate::lang::Lang;
use crate::vocab::{Domain, Fact, FactType, Gender, InitiativeLevel, Kind, Rating, Role, Vocab};

/// What the template is for, and what the flags already said.
pub struct Request<'a> {
    pub campaign: &'static CampaignInfo,
    pub kind: Kind,
    pub role: Option<Role>,
    /// The collective's name, or the person's (chủ hộ's).
    pub name: &'a str,
}

/// A TOML string literal for `s`, escaped as TOML needs.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Writes `key = value` padded so that the comments line up.
fn line(out: &mut String, key: &str, value: &str, comment: &str) {
    let assignment = format!("{key} = {value}");
    out.push_str(&format!("{assignment:<34} # {comment}\n"));
}

pub fn render(req: &Request<'_>) -> String {
    write(&Draft::blank(req))
}

/// An award of the form's section 3.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftAward {
    /// The year's digits, or what was written instead, or empty.
    pub year: String,
    pub title: String,
    /// The decision's number as written, or empty.
    pub decision: String,
    /// The decision's date as dd/mm/yyyy, or what was written, or empty.
    pub date: String,
}

/// An achievement of the form's section 2, with the ids of the criteria
/// it shows (SPEC §3; a real clerk seldom names any).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftAchievement {
    pub text: String,
    pub criteria: Vec<String>,
}

impl DraftAward {
    /// The year as the file writes it, a number, when the text is one's
    /// digits (not "05", not "năm 2021": those stay text for validate).
    pub fn year_number(&self) -> Option<i64> {
        self.year
            .parse::<i64>()
            .ok()
            .filter(|y| y.to_string() == self.year)
    }

    /// The date as the file writes it, a TOML date, when the text is one
    /// written dd/mm/yyyy with a four-digit year.
    pub fn date_value(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::parse_from_str(&self.date, "%d/%m/%Y")
            .ok()
            .filter(|d| crate::text::dmy(*d) == self.date)
            .filter(|d| (1000..=9999).contains(&chrono::Datelike::year(d)))
    }
}

impl From<String> for DraftAchievement {
    fn from(text: String) -> DraftAchievement {
        DraftAchievement {
            text,
            criteria: Vec::new(),
        }
    }
}

/// One nomination as the form holds it: the one model of the form (SPEC
/// §3), every key of the file. `kh nominate new` fills it from its flags (a
/// blank form with a name), `kh import` from a unit's report; one writer,
/// [`write`], puts either on the page, so that a file kh writes always has
/// the template's order and words. The documents (forms, list, letters,
/// pages) print from it as [`Draft::shown`] reads a file of the round.
#[derive(Clone, Debug)]
pub struct Draft {
    /// Comment lines above the form: where an imported file came from.
    pub provenance: Vec<String>,
    pub campaign: Option<&'static CampaignInfo>,
    /// Said beside an empty `campaign`: why it could not be told.
    pub campaign_note: Option<String>,
    pub kind: Kind,
    pub role: Option<Role>,
    pub scope: Option<crate::vocab::Scope>,
    pub proposed_award: String,
    pub movement: String,
    /// `[nominee]`'s values as text, by key (dates as dd/mm/yyyy).
    pub nominee: Vec<(NomineeKey, String)>,
    pub achievements: Vec<DraftAchievement>,
    pub awards: Vec<DraftAward>,
    /// The exemplar's photo, a file beside the nomination, and whether its
    /// publication was agreed (`photo_consent`, ND 13/2023).
    pub photo: Option<String>,
    pub photo_consent: Option<bool>,
    /// `[facts]` as written: the strict reader judges their types.
    pub facts: Vec<(Fact, toml::Value)>,
    /// `[model]` ("Dân vận khéo", SPEC §3) as written.
    pub model: Vec<(ModelKey, toml::Value)>,
    /// Written by `kh import`: an empty value says it was not found.
    pub imported: bool,
    /// `[import] unread`: the fields kh found the label of in the source
    /// but could not read (SPEC §15.1).
    pub unread: Vec<String>,
    /// `[import] replaces`: the file a resent report may replace.
    pub replaces: Option<String>,
}

impl Draft {
    /// The form `kh nominate new` writes: the name filled in, the rest blank.
    pub fn blank(req: &Request<'_>) -> Draft {
        let key = if req.kind == Kind::TapThe {
            NomineeKey::Name
        } else {
            NomineeKey::FullName
        };
        Draft {
            provenance: Vec::new(),
            campaign: Some(req.campaign),
            campaign_note: None,
            kind: req.kind,
            role: req.role,
            scope: None,
            proposed_award: String::new(),
            movement: String::new(),
            // No name is no value, as a file's reader takes it.
            nominee: (!req.name.is_empty())
                .then(|| (key, req.name.to_string()))
                .into_iter()
                .collect(),
            achievements: Vec::new(),
            awards: Vec::new(),
            photo: None,
            photo_consent: None,
            facts: Vec::new(),
            model: Vec::new(),
            imported: false,
            unread: Vec::new(),
            replaces: None,
        }
    }

    /// A file [`write`] wrote, read back into its model: what the form's
    /// keys hold, exactly as written (no trimming: the writer's inverse).
    /// What only its comments say (provenance, why the campaign is empty,
    /// that it was imported) is not read. `None` when the text is no TOML
    /// or names no kind. The writer's tests hold it to be [`write`]'s
    /// inverse; kh itself reads files as the documents print them.
    #[cfg(test)]
    pub fn read(text: &str) -> Option<Draft> {
        let doc: toml::Table = text.parse().ok()?;
        let kind = Kind::parse(doc.get(Top::Kind.key())?.as_str()?)?;
        Some(Draft::of_table(&doc, kind, Take::Exact))
    }

    /// A nomination as its documents print it, from any file of the round:
    /// every text in NFC and trimmed, an empty one absent, a draft's slips
    /// (a year or a date written as text) as written. A file that is no
    /// TOML prints as an empty form, one whose kind cannot be read on the
    /// form of households and individuals (the plan's second form), which
    /// is what the page shows for it either way.
    pub fn shown(text: &str) -> Draft {
        let doc: toml::Table = text.parse().unwrap_or_default();
        Draft::shown_table(&doc)
    }

    /// [`Draft::shown`] of a file already parsed.
    pub fn shown_table(doc: &toml::Table) -> Draft {
        let kind = Draft::kind_in(doc).unwrap_or(Kind::CaNhan);
        Draft::of_table(doc, kind, Take::Shown)
    }

    /// The kind a file names, if it can be read.
    pub fn kind_in(doc: &toml::Table) -> Option<Kind> {
        doc.get(Top::Kind.key())
            .and_then(|v| text_of(v, Take::Shown))
            .and_then(|k| Kind::parse(&k))
    }

    /// The one reading of a file into the model: `take` says whether its
    /// texts are kept exactly or as a person reads them.
    fn of_table(doc: &toml::Table, kind: Kind, take: Take) -> Draft {
        let get = |t: &toml::Table, k: &str| -> String {
            t.get(k).and_then(|v| text_of(v, take)).unwrap_or_default()
        };
        let slug = |k: Top| doc.get(k.key()).and_then(|v| text_of(v, take));
        let campaign = slug(Top::Campaign)
            .and_then(|c| Campaign::from_slug(&c))
            .map(|c| c.info());
        let scope = slug(Top::Scope).and_then(|s| crate::vocab::Scope::parse(&s));
        let empty = toml::Table::new();
        let table = |k: Top| {
            doc.get(k.key())
                .and_then(|v| v.as_table())
                .unwrap_or(&empty)
        };
        let nominee_table = table(Top::Nominee);
        let role = nominee_table
            .get(NomineeKey::Role.key())
            .and_then(|v| text_of(v, take))
            .and_then(|r| Role::parse(&r));
        let nominee = NOMINEE_FIELDS
            .iter()
            .filter(|f| f.ty != FieldType::Role)
            .map(|f| (f.key, get(nominee_table, f.key.key())))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let tables = |k: Top| -> Vec<&toml::Table> {
            doc.get(k.key())
                .and_then(|v| v.as_array())
                .map(|a| a.iter().filter_map(|t| t.as_table()).collect())
                .unwrap_or_default()
        };
        // A blank text is the form's empty box, not an achievement.
        let achievements = tables(Top::Achievements)
            .into_iter()
            .map(|t| DraftAchievement {
                text: get(t, AchievementKey::Text.key()),
                criteria: t
                    .get(AchievementKey::Criteria.key())
                    .and_then(|v| v.as_array())
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c.as_str().map(String::from))
                    .collect(),
            })
            .filter(|a| !a.text.trim().is_empty())
            .collect();
        let awards = tables(Top::Awards)
            .into_iter()
            .map(|t| {
                let decision = get(t, AwardKey::Decision.key());
                let mut date = get(t, AwardKey::Date.key());
                // A person reads a number copied with its words as the bare
                // number, and its trailing date as the award's when it has
                // none (SPEC §5).
                let (decision, copied) = match (take, crate::docnum::as_copied(&decision)) {
                    (Take::Shown, Some(c)) => (c.number, c.date),
                    _ => (decision, None),
                };
                if date.is_empty()
                    && let Some(d) = copied
                {
                    date = d.format("%d/%m/%Y").to_string();
                }
                DraftAward {
                    year: get(t, AwardKey::Year.key()),
                    title: get(t, AwardKey::Title.key()),
                    decision,
                    date,
                }
            })
            .collect();
        // An empty box of `[facts]` or `[model]` holds nothing.
        let given = |v: &toml::Value| v.as_str() != Some("");
        let facts = table(Top::Facts)
            .iter()
            .filter(|(_, v)| given(v))
            .filter_map(|(k, v)| Some((Fact::from_slug(k)?, v.clone())))
            .collect();
        let model_table = table(Top::Model);
        let model = <ModelKey as form::FormKey>::ALL
            .iter()
            .filter_map(|k| Some((*k, model_table.get(k.key()).filter(|v| given(v))?.clone())))
            .collect();
        Draft {
            provenance: Vec::new(),
            campaign,
            campaign_note: None,
            kind,
            role,
            scope,
            proposed_award: slug(Top::ProposedAward).unwrap_or_default(),
            movement: slug(Top::Movement).unwrap_or_default(),
            nominee,
            achievements,
            awards,
            photo: slug(Top::Photo).filter(|p| !p.is_empty()),
            photo_consent: doc.get(Top::PhotoConsent.key()).and_then(|v| v.as_bool()),
            facts,
            model,
            imported: false,
            unread: Vec::new(),
            replaces: None,
        }
    }

    pub fn nominee(&self, key: NomineeKey) -> Option<&str> {
        self.nominee
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Whether the model keeps a file's texts exactly (to write them back) or
/// as a person reads them (to print them).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Take {
    #[cfg(test)]
    Exact,
    Shown,
}

/// A value as the model holds it: text, a number as its digits, a date as
/// dd/mm/yyyy. Shown, a text is NFC and trimmed, and an array or a table
/// (no value of the form) is nothing.
fn text_of(v: &toml::Value, take: Take) -> Option<String> {
    Some(match v {
        toml::Value::String(s) => match take {
            #[cfg(test)]
            Take::Exact => s.clone(),
            // What no page or document can hold (NUL, ESC, U+FFFE, U+FFFF)
            // is not shown: a person never typed it (#37.15).
            Take::Shown => crate::text::nfc(s)
                .trim()
                .chars()
                .filter(|c| crate::text::printable(*c))
                .collect(),
        },
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => match d.date {
            Some(date) => format!("{:02}/{:02}/{}", date.day, date.month, date.year),
            None => d.to_string(),
        },
        _ if take == Take::Shown => return None,
        v => v.to_string(),
    })
}

/// A TOML multi-line string holding `s` exactly: quotes and backslashes
/// escaped, line breaks kept as typed.
fn multiline(s: &str) -> String {
    let mut out = String::from("\"\"\"\n");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push('\n'),
            c if c.is_control() && c != '\t' => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

/// Writes a nomination file in the form's order (SPEC §3), every line
/// commented in Vietnamese.
pub fn write(d: &Draft) -> String {
    let mut out = String::new();
    write_head(&mut out, d);
    write_top(&mut out, d);
    write_nominee(&mut out, d);
    write_achievements(&mut out, d);
    write_awards(&mut out, d);
    write_model(&mut out, d);
    write_facts(&mut out, d);
    write_import(&mut out, d);
    out
}

/// What an empty value's comment adds in a file `kh import` wrote: the
/// label was not found in the report.
fn unread_note(d: &Draft, v: &str) -> &'static str {
    if d.imported && v.trim().is_empty() {
        "; chưa đọc được từ báo cáo"
    } else {
        ""
    }
}

/// A value as the file writes it, an empty box when there is none.
fn given(v: Option<&toml::Value>) -> String {
    v.map_or_else(|| quoted(""), |v| v.to_string())
}

/// The comments above the form: where it came from, its title, its campaign.
fn write_head(out: &mut String, d: &Draft) {
    let lang = Lang::Vi;
    // Comments hold the user's text at times (a source's name, a campaign
    // as a report wrote it): a control character must not end the comment.
    for p in &d.provenance {
        out.push_str(&format!("# {}\n", crate::text::escape_controls(p)));
    }
    out.push_str(&format!(
        "# {}\n",
        form::form_title(d.kind, lang).to_uppercase()
    ));
    match d.campaign {
        Some(c) => {
            out.push_str(&format!(
                "# Phong trào: {} ({} của kế hoạch)\n",
                c.name_vi,
                c.cited(lang)
            ));
            out.push_str(&format!("# Cơ quan chủ trì: {}\n", c.lead_agency));
        }
        None => out.push_str(
            "# Phong trào: chưa xác định (ghi mã phong trào vào campaign, xem: kh campaigns)\n",
        ),
    }
    out.push_str("# Điền vào các ô \"\" còn trống; kiểm tra bằng: kh validate <tệp này>\n\n");
}

/// The keys above `[nominee]`.
fn write_top(out: &mut String, d: &Draft) {
    let lang = Lang::Vi;
    line(
        out,
        Top::Campaign.key(),
        &quoted(d.campaign.map_or("", |c| c.slug)),
        &crate::text::escape_controls(
            d.campaign_note
                .as_deref()
                .unwrap_or("mã phong trào (xem: kh campaigns)"),
        ),
    );
    line(
        out,
        Top::Kind.key(),
        &quoted(d.kind.slug()),
        &format!("loại điển hình: {}", d.kind.label(lang)),
    );
    line(
        out,
        Top::Scope.key(),
        &quoted(d.scope.map_or("co-so", |s| s.slug())),
        "co-so | toan-tinh (thành tích có phạm vi ảnh hưởng toàn tỉnh, mục IV.1)",
    );
    line(
        out,
        Top::ProposedAward.key(),
        &quoted(&d.proposed_award),
        "hình thức khen thưởng đề nghị (không bắt buộc), ví dụ \"Bằng khen của Chủ tịch UBND tỉnh\"",
    );
    if d.campaign.is_some_and(|c| c.id == Campaign::LinhVucKhac) || !d.movement.is_empty() {
        line(
            out,
            Top::Movement.key(),
            &quoted(&d.movement),
            "tên phong trào thi đua hoặc lĩnh vực (bắt buộc với “Các lĩnh vực khác”)",
        );
    }
    if let Some(photo) = &d.photo {
        line(
            out,
            Top::Photo.key(),
            &quoted(photo),
            "ảnh của điển hình: tệp .jpg hoặc .png đặt cạnh tệp này",
        );
    }
    if let Some(consent) = d.photo_consent {
        line(
            out,
            Top::PhotoConsent.key(),
            &consent.to_string(),
            "người trong ảnh đồng ý công bố ảnh (Nghị định 13/2023): true | false",
        );
    }
}

/// Section 1: `[nominee]`, the kind's fields in the form's order.
fn write_nominee(out: &mut String, d: &Draft) {
    let section1 = if d.kind == Kind::TapThe {
        "1. Đặc điểm tình hình"
    } else {
        "1. Sơ lược lý lịch"
    };
    let roles: &[Role] = d.campaign.map_or(&[], |c| c.roles_for(d.kind));
    out.push_str(&format!("\n# {section1}\n[{}]\n", Top::Nominee.key()));
    for f in NOMINEE_FIELDS {
        let col = f.col(d.kind);
        if col == Col::No {
            continue;
        }
        if f.ty == FieldType::Role && roles.is_empty() {
            continue;
        }
        let need = match col {
            _ if !form::on_plan_form(f.key) && f.ty != FieldType::Role => {
                "không có trong mẫu của kế hoạch; không bắt buộc"
            }
            Col::Required => "bắt buộc",
            Col::Conditional
                if f.ty == FieldType::Role
                    && d.campaign.is_some_and(|c| !c.role_required(d.kind)) =>
            {
                "không bắt buộc"
            }
            Col::Conditional if f.ty == FieldType::Role => "bắt buộc với phong trào này",
            Col::Conditional => "ghi đơn vị công tác hoặc hộ khẩu thường trú (ít nhất một)",
            _ => "không bắt buộc",
        };
        let given = d.nominee(f.key).unwrap_or("");
        let hint = match f.ty {
            FieldType::Text => String::new(),
            FieldType::Date => "; ngày/tháng/năm, ví dụ \"12/04/1968\"".to_string(),
            FieldType::Gender => format!("; {}", Gender::choices()),
            FieldType::Count => "; số nguyên, ví dụ 4 (không có ngoặc kép)".to_string(),
            FieldType::Role => format!(
                "; {}",
                roles
                    .iter()
                    .map(|r| r.slug())
                    .collect::<Vec<_>>()
                    .join(" | ")
            ),
        };
        let value = match f.ty {
            FieldType::Role => quoted(d.role.map_or("", |r| r.slug())),
            // A whole number is written as one; anything else stays text
            // for validate to judge. "05" stays text: TOML has no leading
            // zeros, and the file would not parse.
            FieldType::Count if given.parse::<u32>().is_ok_and(|n| n.to_string() == given) => {
                given.to_string()
            }
            _ => quoted(given),
        };
        let unread = match col {
            _ if f.ty == FieldType::Role => "",
            Col::Required => unread_note(d, given),
            // Either of the two will do: said once both are empty.
            Col::Conditional
                if [NomineeKey::Workplace, NomineeKey::Residence]
                    .iter()
                    .all(|k| d.nominee(*k).is_none_or(|v| v.trim().is_empty())) =>
            {
                unread_note(d, given)
            }
            _ => "",
        };
        // The household form's "Họ và tên" is the household head's.
        let label = match (d.kind, f.key) {
            (Kind::HoGiaDinh, NomineeKey::FullName) => "Họ và tên chủ hộ",
            _ => f.vi,
        };
        let comment = format!("{label} ({need}{hint}{unread})");
        // An optional role left unanswered is offered, not written: an
        // empty value would be a slip of its own (SPEC §3.1, §3.6).
        if f.ty == FieldType::Role
            && d.role.is_none()
            && d.campaign.is_some_and(|c| !c.role_required(d.kind))
        {
            out.push_str("# ");
        }
        line(out, f.key.key(), &value, &comment);
    }
}

/// Section 2: the achievements, a blank one when there is none.
fn write_achievements(out: &mut String, d: &Draft) {
    let achievements = Top::Achievements.key();
    out.push_str(&format!("\n# 2. Thành tích tiêu biểu xuất sắc đã đạt được: chép khối [[{achievements}]] cho mỗi thành tích\n"));
    let blank = [DraftAchievement::default()];
    let entries: &[DraftAchievement] = if d.achievements.is_empty() {
        &blank
    } else {
        &d.achievements
    };
    for (i, a) in entries.iter().enumerate() {
        let text = a.text.as_str();
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("[[{achievements}]]\n"));
        if i == 0 {
            // A triple-quoted text takes quotes and line breaks as they are typed.
            out.push_str(&format!(
                "# nội dung thành tích (bắt buộc): viết giữa hai dấu \"\"\", xuống dòng tùy ý{}\n",
                unread_note(d, text)
            ));
        }
        if text.is_empty() {
            out.push_str("text = \"\"\"\n\"\"\"\n");
        } else {
            out.push_str(&format!("text = {}\n", multiline(text)));
        }
        let criteria = toml::Value::Array(
            a.criteria
                .iter()
                .map(|c| toml::Value::String(c.clone()))
                .collect(),
        );
        line(
            out,
            AchievementKey::Criteria.key(),
            &criteria.to_string(),
            "mã các tiêu chí thành tích này chứng minh, ví dụ [\"sang-tao\"]",
        );
        if i == 0
            && let Some(c) = d.campaign
        {
            out.push_str("# Các tiêu chí của phong trào:\n");
            for crit in c.criteria_for(d.kind, d.role) {
                out.push_str(&format!("#   {:<26} {}\n", crit.id, crit.vi));
            }
        }
    }
}

/// Section 3: the commendation history, or a commented block to copy.
fn write_awards(out: &mut String, d: &Draft) {
    if d.awards.is_empty() {
        out.push_str("\n# 3. Quá trình khen thưởng: bỏ dấu # và chép khối dưới đây cho mỗi hình thức khen thưởng\n");
        out.push_str("# [[awards]]\n# year = 2022                        # năm khen thưởng\n");
        out.push_str("# title = \"Bằng khen của Chủ tịch UBND tỉnh\"\n");
        out.push_str("# decision = \"1234/QĐ-UBND\"         # số quyết định (không bắt buộc)\n");
        out.push_str("# date = 2022-12-20                 # ngày quyết định (không bắt buộc)\n");
    } else {
        out.push_str(
            "\n# 3. Quá trình khen thưởng: một khối [[awards]] cho mỗi hình thức khen thưởng\n",
        );
        for (i, a) in d.awards.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&format!("[[{}]]\n", Top::Awards.key()));
            // A year of digits is written as a number, a date as a TOML
            // date; anything else as text, for validate to judge.
            let (year, comment) = match a.year_number() {
                Some(y) => (y.to_string(), "năm khen thưởng"),
                _ if a.year.is_empty() => {
                    (quoted(""), "năm khen thưởng (chưa đọc được từ báo cáo)")
                }
                _ => (quoted(&a.year), "năm khen thưởng"),
            };
            line(out, AwardKey::Year.key(), &year, comment);
            out.push_str(&format!(
                "{} = {}\n",
                AwardKey::Title.key(),
                quoted(&a.title)
            ));
            if !a.decision.is_empty() {
                line(
                    out,
                    AwardKey::Decision.key(),
                    &quoted(&a.decision),
                    "số quyết định",
                );
            }
            if !a.date.is_empty() {
                let date = a
                    .date_value()
                    .map_or_else(|| quoted(&a.date), |d| d.format("%Y-%m-%d").to_string());
                line(out, AwardKey::Date.key(), &date, "ngày quyết định");
            }
        }
    }
}

/// The “Dân vận khéo” model (§3.7).
fn write_model(out: &mut String, d: &Draft) {
    // What the model holds is written whatever the campaign; a blank
    // box for each key the campaign asks for.
    if d.campaign.is_some_and(|c| c.has_model(d.kind)) || !d.model.is_empty() {
        out.push_str(&format!(
            "\n# Mô hình “Dân vận khéo” (mục 3.7): bắt buộc, trừ điểm đánh giá\n[{}]\n",
            Top::Model.key()
        ));
        let domains = format!("lĩnh vực: {}", Domain::choices());
        for (key, comment) in [
            (ModelKey::Name, "tên mô hình"),
            (ModelKey::Address, "địa chỉ mô hình"),
            (ModelKey::Domain, domains.as_str()),
            (
                ModelKey::FourStepPlan,
                "kế hoạch theo trình tự 4 bước (Hướng dẫn 22-HD/BCĐ): true | false",
            ),
            (
                ModelKey::Score,
                "điểm đánh giá trên thang 100, ví dụ 92.5 (không bắt buộc)",
            ),
            (
                ModelKey::RecordsArchived,
                "hồ sơ lưu trữ đầy đủ: true | false",
            ),
        ] {
            let v = d.model.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
            line(out, key.key(), &given(v), comment);
        }
    }
}

/// `[facts]`: what the campaign's rules check.
fn write_facts(out: &mut String, d: &Draft) {
    // Where the kind is set apart by role and none was chosen yet, every
    // role's facts are offered: the clerk removes what does not apply.
    let mut facts = match (d.campaign, d.role) {
        (None, _) => Vec::new(),
        (Some(c), None) if !c.roles_for(d.kind).is_empty() => {
            let mut all: Vec<Fact> = Vec::new();
            for r in c.roles_for(d.kind) {
                for f in c.facts_for(d.kind, Some(*r)) {
                    if !all.contains(&f) {
                        all.push(f);
                    }
                }
            }
            all.sort();
            all
        }
        (Some(c), role) => c.facts_for(d.kind, role),
    };
    for (f, _) in &d.facts {
        if !facts.contains(f) {
            facts.push(*f);
        }
    }
    if !facts.is_empty() {
        out.push_str(&format!("\n# Thông tin để kiểm tra tiêu chí của phong trào (bỏ ngoặc kép khi ghi số hoặc true/false)\n[{}]\n", Top::Facts.key()));
        for fact in facts {
            let hint = match fact.ty() {
                FactType::Rating => Rating::choices(),
                FactType::InitiativeLevel => InitiativeLevel::choices(),
                FactType::Bool => "true | false".to_string(),
                FactType::Count => "số nguyên ≥ 0".to_string(),
                FactType::Rank => "số nguyên ≥ 1".to_string(),
                FactType::Score => "số từ 0 đến 100".to_string(),
                FactType::Area => "số ≥ 0".to_string(),
            };
            let label = fact_label(fact);
            let v = d.facts.iter().find(|(k, _)| *k == fact).map(|(_, v)| v);
            line(out, fact.slug(), &given(v), &format!("{label}: {hint}"));
        }
    }
}

/// `[import]`, last (SPEC §15.1): what kh could not read, and the file a resent report may replace.
fn write_import(out: &mut String, d: &Draft) {
    // Last, as SPEC §15.1 places it: what kh could not read, and the
    // file a resent report may replace.
    if !d.unread.is_empty() || d.replaces.is_some() {
        out.push_str(&format!(
            "\n# Do kh import ghi: xóa một mục khỏi unread khi đã điền theo báo cáo gốc\n[{}]\n",
            Top::Import.key()
        ));
        if !d.unread.is_empty() {
            let keys: Vec<String> = d.unread.iter().map(|k| quoted(k)).collect();
            line(
                out,
                "unread",
                &format!("[{}]", keys.join(", ")),
                "kh tìm thấy tên mục trong báo cáo gốc nhưng chưa đọc được nội dung",
            );
        }
        if let Some(r) = &d.replaces {
            line(
                out,
                "replaces",
                &quoted(r),
                "báo cáo gửi lại: có thể thay cho tệp này (người xét quyết định, rồi xóa một trong hai)",
            );
        }
    }
}

fn fact_label(f: Fact) -> &'static str {
    f.label(Lang::Vi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::Campaign;

    #[test]
    fn template_parses_and_keeps_the_form_order() {
        let req = Request {
            campaign: Campaign::CaiCachHanhChinh.info(),
            kind: Kind::TapThe,
            role: None,
            name: "Sở \"Tư pháp\"",
        };
        let text = render(&req);
        let doc: toml::Table = text.parse().unwrap_or_default();
        assert_eq!(
            doc.get("campaign").and_then(|v| v.as_str()),
            Some("cai-cach-hanh-chinh")
        );
        assert_eq!(doc["nominee"]["name"].as_str(), Some("Sở \"Tư pháp\""));
        assert!(doc["facts"].get("par_index").is_some());
        assert!(doc.get("model").is_none());
        let pos = |k: &str| text.find(k).unwrap_or(usize::MAX);
        assert!(pos("campaign =") < pos("[nominee]"));
        assert!(pos("[nominee]") < pos("[[achievements]]"));
        assert!(pos("[[achievements]]") < pos("[facts]"));
        assert!(text.contains("#   sang-kien-cchc"));
    }

    #[test]
    fn a_role_not_yet_chosen_offers_every_roles_facts() {
        let req = Request {
            campaign: Campaign::KetCauHaTang.info(),
            kind: Kind::CaNhan,
            role: None,
            name: "A",
        };
        let doc: toml::Table = render(&req).parse().unwrap_or_default();
        assert!(doc["facts"].get("initiative_level").is_some());
    }

    #[test]
    fn households_name_their_head_and_fields_off_the_form_say_so() {
        let req = Request {
            campaign: Campaign::NongThonMoi.info(),
            kind: Kind::HoGiaDinh,
            role: None,
            name: "A",
        };
        let text = render(&req);
        assert!(text.contains("Họ và tên chủ hộ"), "{text}");
        let members = text
            .lines()
            .find(|l| l.starts_with("members"))
            .unwrap_or("");
        assert!(
            members.contains("không có trong mẫu của kế hoạch"),
            "{members}"
        );
        let position = text
            .lines()
            .find(|l| l.starts_with("position"))
            .unwrap_or("");
        assert!(!position.contains("không có trong mẫu"), "{position}");
        let linh_vuc = render(&Request {
            campaign: Campaign::LinhVucKhac.info(),
            ..req
        });
        assert!(linh_vuc.contains("\nmovement = \"\""), "{linh_vuc}");
    }
}

/// Writing a model and reading it back gives the same model: the writer
/// loses nothing of what the form's keys hold, whatever the text (quotes,
/// backslashes, line breaks, Vietnamese in NFC or NFD, control characters).
#[cfg(test)]
mod round_trip {
    use proptest::prelude::*;

    use super::*;
    use crate::campaign::CAMPAIGNS;
    use crate::vocab::Scope;

    /// What a clerk might type in a box.
    fn typed() -> impl Strategy<Value = String> {
        prop_oneof![
            "[ -~]{0,40}",
            "[a-zA-ZàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ \\\"'\n\t]{1,60}",
            any::<String>(),
        ]
    }

    /// Strings as the model holds them: what `read` gives back unchanged.
    fn text() -> impl Strategy<Value = String> {
        typed()
    }

    fn draft() -> impl Strategy<Value = Draft> {
        let kinds = prop_oneof![
            Just(Kind::TapThe),
            Just(Kind::CaNhan),
            Just(Kind::HoGiaDinh)
        ];
        (kinds, 0..CAMPAIGNS.len(), any::<bool>(), any::<bool>()).prop_flat_map(
            |(kind, c, has_campaign, wide)| {
                let info = &CAMPAIGNS[c];
                let campaign = (has_campaign && info.takes(kind)).then_some(info);
                let roles: Vec<Role> = campaign.map_or(Vec::new(), |c| c.roles_for(kind).to_vec());
                let role = if roles.is_empty() {
                    Just(None).boxed()
                } else {
                    proptest::option::of(proptest::sample::select(roles)).boxed()
                };
                let fields: Vec<&'static form::Field> = NOMINEE_FIELDS
                    .iter()
                    .filter(|f| f.col(kind) != Col::No && f.ty != FieldType::Role)
                    .collect();
                let values = proptest::collection::vec(
                    prop_oneof![
                        3 => text().prop_map(Some),
                        1 => Just(None),
                        1 => (0u32..5000).prop_map(|n| Some(n.to_string())),
                        1 => "0[0-9]{1,3}".prop_map(Some),
                    ],
                    fields.len(),
                );
                // A year or a date as digits, as a slip, or not given.
                let year = prop_oneof![
                    (1945i32..2024).prop_map(|y| y.to_string()),
                    Just(String::new()),
                    text(),
                ];
                let date = prop_oneof![
                    (1945i32..2024, 1u32..13, 1u32..29).prop_map(|(y, m, d)| {
                        chrono::NaiveDate::from_ymd_opt(y, m, d)
                            .map(crate::text::dmy)
                            .unwrap_or_default()
                    }),
                    Just(String::new()),
                    text(),
                ];
                let award =
                    (year, text(), text(), date).prop_map(|(year, title, decision, date)| {
                        DraftAward {
                            year,
                            title,
                            decision,
                            date,
                        }
                    });
                let achievement = (text(), proptest::collection::vec(text(), 0..3))
                    .prop_map(|(text, criteria)| DraftAchievement { text, criteria });
                // What `[facts]` and `[model]` may hold; an empty text is
                // the blank box, which holds nothing.
                let value = prop_oneof![
                    any::<bool>().prop_map(toml::Value::Boolean),
                    any::<i64>().prop_map(toml::Value::Integer),
                    (-1e9f64..1e9).prop_map(toml::Value::Float),
                    text()
                        .prop_filter("not blank", |t| !t.is_empty())
                        .prop_map(toml::Value::String),
                ];
                let facts = proptest::collection::vec(
                    (proptest::sample::select(Fact::ALL.to_vec()), value.clone()),
                    0..4,
                );
                let model = proptest::collection::vec(proptest::option::of(value), 6);
                let extra = (
                    proptest::option::of(text().prop_filter("named", |t| !t.is_empty())),
                    proptest::option::of(any::<bool>()),
                    facts,
                    model,
                );
                (
                    role,
                    values,
                    text(),
                    text(),
                    proptest::collection::vec(achievement, 0..4),
                    proptest::collection::vec(award, 0..4),
                    extra,
                )
                    .prop_map(
                        move |(
                            role,
                            values,
                            proposed_award,
                            movement,
                            achievements,
                            awards,
                            extra,
                        )| {
                            let (photo, photo_consent, facts, model) = extra;
                            let nominee = fields
                                .iter()
                                .zip(values)
                                .filter_map(|(f, v)| Some((f.key, v?)))
                                .filter(|(_, v)| !v.is_empty())
                                .collect();
                            let mut seen = Vec::new();
                            let facts = facts
                                .into_iter()
                                .filter(|(f, _)| {
                                    let new = !seen.contains(f);
                                    seen.push(*f);
                                    new
                                })
                                .collect();
                            let model = <ModelKey as form::FormKey>::ALL
                                .iter()
                                .zip(model)
                                .filter_map(|(k, v)| Some((*k, v?)))
                                .collect();
                            Draft {
                                provenance: Vec::new(),
                                campaign,
                                campaign_note: None,
                                kind,
                                role,
                                scope: Some(if wide { Scope::ToanTinh } else { Scope::CoSo }),
                                proposed_award,
                                movement,
                                nominee,
                                // The writer's empty box is no achievement.
                                achievements: achievements
                                    .into_iter()
                                    .filter(|a| !a.text.trim().is_empty())
                                    .collect(),
                                awards,
                                photo,
                                photo_consent,
                                facts,
                                model,
                                imported: false,
                                unread: Vec::new(),
                                replaces: None,
                            }
                        },
                    )
            },
        )
    }

    /// The model's content, for comparing two models.
    fn shape(d: &Draft) -> String {
        // `[facts]` is a table: its order is the writer's.
        let mut facts = d.facts.clone();
        facts.sort_by_key(|(f, _)| f.slug());
        format!(
            "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
            d.photo,
            d.photo_consent,
            facts,
            d.model,
            d.campaign.map(|c| c.slug),
            d.kind,
            d.role,
            d.scope,
            d.proposed_award,
            d.movement,
            d.nominee,
            d.achievements,
            d.awards
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn writing_a_model_and_reading_it_back_gives_the_same_model(d in draft()) {
            let text = write(&d);
            let back = Draft::read(&text);
            let parsed = text.parse::<toml::Table>().err().map(|e| e.to_string());
            prop_assert!(back.is_some(), "not read back ({parsed:?}):\n{text}");
            let back = back.unwrap_or_else(|| d.clone());
            prop_assert_eq!(shape(&back), shape(&d), "{}", text);
        }
    }
}
