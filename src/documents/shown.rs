//! How the documents show a nomination: the one model of the form
//! ([`Draft`], read leniently by [`Draft::shown`], since a draft may still
//! have slips in it) with the phrases the documents build from it.

use crate::campaign::Campaign;
use crate::form::NomineeKey;
use crate::template::Draft;
use crate::vocab::{Kind, Vocab};

impl Draft {
    /// A nomination file of the round as its documents show it, read under
    /// the walk's guards (an empty form if it cannot be read now), of the
    /// kind the strict reader found in it when it found one.
    pub fn of(report: &crate::check::Report, r: &crate::check::Record) -> Draft {
        let text = crate::tree::read_text(&report.root, &report.entry(r)).unwrap_or_default();
        let mut d = Draft::shown(&text);
        if let Some(kind) = r.nomination.as_ref().and_then(|n| n.kind) {
            d.kind = kind;
        }
        d
    }

    /// The collective's name, or the person's (the household head's).
    pub fn name(&self) -> Option<&str> {
        self.nominee(NomineeKey::Name)
            .or_else(|| self.nominee(NomineeKey::FullName))
    }

    fn gender(&self) -> Option<crate::vocab::Gender> {
        self.nominee(NomineeKey::Gender)
            .and_then(<crate::vocab::Gender as Vocab>::parse)
    }

    /// The name as documents head it: a household as "Hộ ông Nguyễn Văn
    /// An" ("Hộ gia đình Nguyễn Văn An" when the gender is not known: never
    /// "ông/bà", never guessed from a middle name, #34.2), anyone else by
    /// their name, single-spaced.
    pub fn title(&self) -> Option<String> {
        use crate::vocab::Gender;
        let name = crate::documents::issuer::single_spaced(self.name()?);
        Some(match self.kind {
            Kind::HoGiaDinh => match self.gender() {
                Some(Gender::Nam) => format!("Hộ ông {name}"),
                Some(Gender::Nu) => format!("Hộ bà {name}"),
                None => format!("Hộ gia đình {name}"),
            },
            _ => name,
        })
    }

    /// The name as a sentence says it: "ông Trần Văn A", "bà …", the name
    /// alone for a person whose gender is not given, "hộ ông …", a
    /// collective by its name. Empty when no name could be read.
    pub fn addressed(&self) -> String {
        use crate::vocab::Gender;
        let Some(title) = self.title() else {
            return String::new();
        };
        match self.kind {
            Kind::HoGiaDinh => crate::text::lower_first(&title),
            Kind::CaNhan => match self.gender() {
                Some(Gender::Nam) => format!("ông {title}"),
                Some(Gender::Nu) => format!("bà {title}"),
                None => title,
            },
            _ => title,
        }
    }

    pub fn birth_year(&self) -> Option<&str> {
        self.nominee(NomineeKey::BirthDate)
            .and_then(|d| d.rsplit('/').next())
    }

    /// The form's line "Chức vụ, đơn vị công tác (hoặc hộ khẩu thường trú)".
    pub fn position_line(&self) -> Option<String> {
        let work: Vec<&str> = [
            self.nominee(NomineeKey::Position),
            self.nominee(NomineeKey::Workplace),
        ]
        .into_iter()
        .flatten()
        .collect();
        if work.is_empty() {
            self.nominee(NomineeKey::Residence).map(String::from)
        } else {
            Some(work.join(", "))
        }
    }

    /// The campaign's name as documents cite it: "«…» (mục 3.2)"; for
    /// "Các lĩnh vực khác" the movement the file names.
    pub fn campaign_line(&self) -> String {
        match (self.campaign, self.movement.as_str()) {
            (Some(c), m) if c.id == Campaign::LinhVucKhac && !m.is_empty() => {
                format!("“{m}” (các lĩnh vực khác)")
            }
            (Some(info), _) => {
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
        let d = Draft::shown(
            "campaign = \"y-te-hai-long\"\nkind = \"Cá nhân\"\n[nominee]\nfull_name = \"Đinh Văn Thành\"\nbirth_date = 1978-12-01\nposition = \"Bác sĩ\"\nworkplace = \"Trung tâm Y tế\"\n[[achievements]]\ntext = \"A\"\n[[awards]]\nyear = 2021\ntitle = \"Giấy khen\"\ndecision = \"1/QĐ-UBND\"\ndate = 2021-12-20\n",
        );
        assert_eq!(d.kind, Kind::CaNhan);
        assert_eq!(d.name(), Some("Đinh Văn Thành"));
        assert_eq!(d.nominee(NomineeKey::BirthDate), Some("01/12/1978"));
        assert_eq!(d.birth_year(), Some("1978"));
        assert_eq!(d.position_line().as_deref(), Some("Bác sĩ, Trung tâm Y tế"));
        assert_eq!(d.awards[0].date, "20/12/2021");
        assert_eq!(d.awards[0].year, "2021");
        // A draft's slips are printed as written, trimmed and in NFC.
        let slips = Draft::shown(
            "kind = 42\n[nominee]\nfull_name = \"  Nguye\u{0302}\u{0303}n  \"\nworkplace = [\"x\"]\n[[achievements]]\ntext = \"  \"\n[[awards]]\nyear = \"năm 2020\"\ntitle = \"T\"\ndate = \"cuối năm\"\n",
        );
        assert_eq!(
            slips.kind,
            Kind::CaNhan,
            "an unreadable kind prints on form 2"
        );
        assert_eq!(slips.name(), Some("Nguyễn"));
        assert_eq!(slips.nominee(NomineeKey::Workplace), None);
        assert!(slips.achievements.is_empty());
        assert_eq!(slips.awards[0].year, "năm 2020");
        assert_eq!(slips.awards[0].date, "cuối năm");
        assert_eq!(Draft::shown("[[[").name(), None);
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
