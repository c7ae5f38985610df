//! A nomination as its documents show it: every line of the form read back
//! from the file, leniently (a draft may still have slips in it).

use crate::campaign::Campaign;
use crate::form::{AchievementKey, AwardKey, Top};
use crate::text::nfc;
use crate::vocab::{Kind, Vocab};

#[derive(Clone, Debug, Default)]
pub struct Award {
    pub year: String,
    pub title: String,
    pub decision: String,
    pub date: String,
}

#[derive(Clone, Debug, Default)]
pub struct Dossier {
    pub campaign: Option<Campaign>,
    pub kind: Option<Kind>,
    pub movement: Option<String>,
    pub proposed_award: Option<String>,
    /// `[nominee]`'s values as text (dates as dd/mm/yyyy).
    nominee: Vec<(String, String)>,
    pub achievements: Vec<String>,
    pub awards: Vec<Award>,
}

/// A value as a person reads it.
fn shown(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => {
            let s = nfc(s).trim().to_string();
            (!s.is_empty()).then_some(s)
        }
        toml::Value::Integer(i) => Some(i.to_string()),
        toml::Value::Float(f) => Some(f.to_string()),
        toml::Value::Boolean(b) => Some(b.to_string()),
        toml::Value::Datetime(d) => match d.date {
            Some(date) => Some(format!("{:02}/{:02}/{}", date.day, date.month, date.year)),
            None => Some(d.to_string()),
        },
        _ => None,
    }
}

impl Dossier {
    /// Reads what it can of a nomination's text.
    pub fn parse(text: &str) -> Dossier {
        match text.parse::<toml::Table>() {
            Ok(doc) => Dossier::of_table(&doc),
            Err(_) => Dossier::default(),
        }
    }

    /// What a nomination's table holds, as its documents show it.
    pub fn of_table(doc: &toml::Table) -> Dossier {
        let top = |k: &str| doc.get(k).and_then(shown);
        let mut d = Dossier {
            campaign: top(Top::Campaign.key()).and_then(|c| Campaign::from_slug(&c)),
            kind: top(Top::Kind.key()).and_then(|k| Kind::parse(&k)),
            movement: top(Top::Movement.key()),
            proposed_award: top(Top::ProposedAward.key()),
            ..Dossier::default()
        };
        if let Some(t) = doc.get(Top::Nominee.key()).and_then(|v| v.as_table()) {
            for (k, v) in t {
                if let Some(s) = shown(v) {
                    d.nominee.push((k.clone(), s));
                }
            }
        }
        for item in doc
            .get(Top::Achievements.key())
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(t) = item.get(AchievementKey::Text.key()).and_then(shown) {
                d.achievements.push(t);
            }
        }
        for item in doc
            .get(Top::Awards.key())
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            let f = |k: &str| item.get(k).and_then(shown).unwrap_or_default();
            d.awards.push(Award {
                year: f(AwardKey::Year.key()),
                title: f(AwardKey::Title.key()),
                decision: f(AwardKey::Decision.key()),
                date: f(AwardKey::Date.key()),
            });
        }
        d
    }

    /// Reads a nomination file of the round, under the walk's guards.
    pub fn of(report: &crate::check::Report, r: &crate::check::Record) -> Option<Dossier> {
        let text = crate::tree::read_text(&report.root, &report.entry(r)).ok()?;
        Some(Dossier::parse(&text))
    }

    pub fn field(&self, key: &str) -> Option<&str> {
        self.nominee
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The collective's name, or the person's (the household head's).
    pub fn name(&self) -> Option<&str> {
        self.field("name").or_else(|| self.field("full_name"))
    }

    fn gender(&self) -> Option<crate::vocab::Gender> {
        self.field("gender")
            .and_then(<crate::vocab::Gender as Vocab>::parse)
    }

    /// The name as documents head it: a household as "Hộ ông Nguyễn Văn
    /// An" ("Hộ gia đình ông/bà …" when the gender is not given), anyone
    /// else by their name, single-spaced.
    pub fn title(&self) -> Option<String> {
        use crate::vocab::Gender;
        let name = crate::documents::issuer::single_spaced(self.name()?);
        Some(match self.kind {
            Some(Kind::HoGiaDinh) => match self.gender() {
                Some(Gender::Nam) => format!("Hộ ông {name}"),
                Some(Gender::Nu) => format!("Hộ bà {name}"),
                None => format!("Hộ gia đình ông/bà {name}"),
            },
            _ => name,
        })
    }

    /// The name as a sentence says it: "ông Trần Văn A", "bà …", "ông/bà
    /// …" for a person whose gender is not given, "hộ ông …", a collective
    /// by its name. Empty when no name could be read.
    pub fn addressed(&self) -> String {
        use crate::vocab::Gender;
        let Some(title) = self.title() else {
            return String::new();
        };
        match self.kind {
            Some(Kind::HoGiaDinh) => crate::text::lower_first(&title),
            Some(Kind::CaNhan) => match self.gender() {
                Some(Gender::Nam) => format!("ông {title}"),
                Some(Gender::Nu) => format!("bà {title}"),
                None => format!("ông/bà {title}"),
            },
            _ => title,
        }
    }

    pub fn birth_year(&self) -> Option<&str> {
        self.field("birth_date").and_then(|d| d.rsplit('/').next())
    }

    /// The form's line "Chức vụ, đơn vị công tác (hoặc hộ khẩu thường trú)".
    pub fn position_line(&self) -> Option<String> {
        let work: Vec<&str> = [self.field("position"), self.field("workplace")]
            .into_iter()
            .flatten()
            .collect();
        if work.is_empty() {
            self.field("residence").map(String::from)
        } else {
            Some(work.join(", "))
        }
    }

    /// The campaign's name as documents cite it: "«…» (mục 3.2)"; for
    /// "Các lĩnh vực khác" the movement the file names.
    pub fn campaign_line(&self) -> String {
        match (self.campaign, &self.movement) {
            (Some(Campaign::LinhVucKhac), Some(m)) => format!("“{m}” (các lĩnh vực khác)"),
            (Some(c), _) => {
                let info = c.info();
                if info.section == "*" {
                    "Các lĩnh vực khác".to_string()
                } else {
                    format!("“{}” (mục {})", info.name_vi, info.section)
                }
            }
            (None, _) => "…………………………".to_string(),
        }
    }
}

/// The first achievement, cut at a word near `max` characters.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max).collect();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_form_back() {
        let d = Dossier::parse(
            "campaign = \"y-te-hai-long\"\nkind = \"Cá nhân\"\n[nominee]\nfull_name = \"Đinh Văn Thành\"\nbirth_date = 1978-12-01\nposition = \"Bác sĩ\"\nworkplace = \"Trung tâm Y tế\"\n[[achievements]]\ntext = \"A\"\n[[awards]]\nyear = 2021\ntitle = \"Giấy khen\"\ndecision = \"1/QĐ-UBND\"\ndate = 2021-12-20\n",
        );
        assert_eq!(d.kind, Some(Kind::CaNhan));
        assert_eq!(d.name(), Some("Đinh Văn Thành"));
        assert_eq!(d.field("birth_date"), Some("01/12/1978"));
        assert_eq!(d.birth_year(), Some("1978"));
        assert_eq!(d.position_line().as_deref(), Some("Bác sĩ, Trung tâm Y tế"));
        assert_eq!(d.awards[0].date, "20/12/2021");
        assert!(d.campaign_line().contains("mục 3.10"));
    }

    #[test]
    fn excerpts_cut_at_a_word() {
        let long = "một hai ba ".repeat(100);
        let e = excerpt(&long, 300);
        assert!(e.chars().count() <= 301 && e.ends_with('…'), "{e}");
        assert!(!e.contains("  "));
        assert_eq!(excerpt("ngắn", 300), "ngắn");
        assert_eq!(excerpt(&"x".repeat(500), 10).chars().count(), 11);
    }
}
