//! Document numbers, in the shapes the plan itself cites (SPEC §5):
//! `1234/QĐ-UBND`, `91/2017/NĐ-CP`, `06/2022/QH15` for state documents and
//! `34-CT/TW`, `22-HD/BCĐ` for party and steering-committee documents.

use crate::text::nfc;

/// True when `s` is a document number of one of the accepted shapes. Spaces
/// around the whole number are not a fault (a form copied from Word often
/// has one); spaces inside it are.
pub fn is_valid(s: &str) -> bool {
    let s = nfc(s.trim());
    is_state(&s) || is_party(&s)
}

/// Document types whose abbreviation has a Vietnamese letter, as typed
/// without it: `QD` is almost surely `QĐ` (quyết định), `ND` `NĐ` (nghị
/// định). `TB` (thông báo), `HD` (hướng dẫn) have none and stay as they are.
const TYPES_WITH_D: &[(&str, &str)] = &[("QD", "QĐ"), ("ND", "NĐ"), ("QyD", "QyĐ")];

/// Letters that look like `Đ` but are not: Icelandic eth and African D.
const LOOKALIKES: &[char] = &['\u{00D0}', '\u{0189}'];

/// A decision number as clerks copy it from the decision's header (SPEC §5):
/// "Quyết định số 123/QĐ-UBND", "123/QĐ-UBND ngày 05/5/2020".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copied {
    /// The bare number, of an accepted shape.
    pub number: String,
    /// The date that followed it ("ngày d/m/yyyy"), if any.
    pub date: Option<chrono::NaiveDate>,
}

/// Leading words a clerk copies with the number, longest first.
const LEADS: &[&str] = &["quyết định số", "qđ số", "số"];

/// The bare number and trailing date of a number copied with its words, or
/// `None` when the text is no such copy (or the number itself is of no
/// accepted shape, which `is_valid` reports).
pub fn as_copied(s: &str) -> Option<Copied> {
    let s = nfc(s.trim()).into_owned();
    let mut rest = s.as_str();
    let mut changed = false;
    let lower = rest.to_lowercase();
    if let Some(lead) = LEADS.iter().find(|l| lower.starts_with(*l)) {
        // Lower-casing keeps these letters' byte lengths, so the cut holds.
        rest = rest.get(lead.len()..)?.trim_start_matches([':', ' ']);
        changed = true;
    }
    let mut date = None;
    let lower = rest.to_lowercase();
    if let Some(at) = lower.find(" ngày ") {
        let tail = rest
            .get(at + " ngày ".len()..)?
            .trim()
            .trim_end_matches(['.', ',', ';']);
        date = Some(crate::reader::parse_dmy(tail)?.ok()?);
        rest = rest.get(..at)?.trim_end_matches([',', ' ']);
        changed = true;
    }
    (changed && is_valid(rest)).then(|| Copied {
        number: rest.to_string(),
        date,
    })
}

/// For a number that is well formed but almost surely mistyped, the form
/// that was meant (SPEC §5, `suspicious-decision-number`).
pub fn intended(s: &str) -> Option<String> {
    let s = nfc(s.trim()).into_owned();
    if !is_valid(&s) {
        return None;
    }
    if s.chars().any(|c| LOOKALIKES.contains(&c)) {
        return Some(s.replace(LOOKALIKES, "Đ"));
    }
    // The document type: the first group after the number (and year) in a
    // state document, the part after the dash in a party document.
    let (before, ty, after) = if is_state(&s) {
        let (head, abbrs) = s.rsplit_once('/')?;
        let (ty, rest) = abbrs.split_once('-').unwrap_or((abbrs, ""));
        (
            format!("{head}/"),
            ty,
            if rest.is_empty() {
                String::new()
            } else {
                format!("-{rest}")
            },
        )
    } else {
        let (head, issuer) = s.split_once('/')?;
        let (number, ty) = head.split_once('-')?;
        (format!("{number}-"), ty, format!("/{issuer}"))
    };
    let (_, right) = TYPES_WITH_D.iter().find(|(typed, _)| *typed == ty)?;
    Some(format!("{before}{right}{after}"))
}

/// `<number>/<type>-<issuer>` or, for a legal instrument,
/// `<number>/<year>/<type>-<issuer>` (where `06/2022/QH15` shows that one
/// group can stand alone).
fn is_state(s: &str) -> bool {
    let parts: Vec<&str> = s.split('/').collect();
    match parts.as_slice() {
        [number, abbrs] => is_number(number) && abbr_groups(abbrs).is_some_and(|n| n >= 2),
        [number, year, abbrs] => {
            is_number(number) && is_year(year) && abbr_groups(abbrs).is_some_and(|n| n >= 1)
        }
        _ => false,
    }
}

/// `<number>-<type>/<issuer>`.
fn is_party(s: &str) -> bool {
    let Some((head, issuer)) = s.split_once('/') else {
        return false;
    };
    let Some((number, kind)) = head.split_once('-') else {
        return false;
    };
    is_number(number) && is_abbr(kind) && abbr_groups(issuer).is_some()
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && is_number(s)
}

/// Number of `-`-joined abbreviations, or `None` when one of them is not.
fn abbr_groups(s: &str) -> Option<usize> {
    let mut n = 0;
    for group in s.split('-') {
        if !is_abbr(group) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// An abbreviation in capitals: it starts with a capital letter, holds
/// letters and digits only, and has fewer small letters than capitals, so
/// `TTg` and `QyĐ` pass but `Ubnd` does not.
fn is_abbr(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() || !s.chars().all(char::is_alphanumeric) {
        return false;
    }
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    let lower = s.chars().filter(|c| c.is_lowercase()).count();
    lower < upper
}

#[cfg(test)]
mod tests {
    use super::{Copied, as_copied, intended, is_valid};

    #[test]
    fn shapes_the_plan_cites() {
        for ok in [
            "1234/QĐ-UBND",
            "1526/QĐ-TTg",
            "315/KH-UBND",
            "91/2017/NĐ-CP",
            "06/2022/QH15",
            "34-CT/TW",
            "22-HD/BCĐ",
            "12/QyĐ-UBND",
            "45/QĐ-UBND-TĐKT",
            " 123/QĐ-UBND ",
        ] {
            assert!(is_valid(ok), "{ok}");
        }
    }

    #[test]
    fn mistyped_letters_are_suspected() {
        assert_eq!(intended("123/QD-UBND").as_deref(), Some("123/QĐ-UBND"));
        assert_eq!(intended("91/2017/ND-CP").as_deref(), Some("91/2017/NĐ-CP"));
        assert_eq!(intended("12/QyD-UBND").as_deref(), Some("12/QyĐ-UBND"));
        assert_eq!(intended("5-QD/TW").as_deref(), Some("5-QĐ/TW"));
        assert_eq!(intended("1/Q\u{00D0}-UBND").as_deref(), Some("1/QĐ-UBND"));
        assert_eq!(intended("22-HD/BC\u{0189}").as_deref(), Some("22-HD/BCĐ"));
        for fine in [
            "123/QĐ-UBND",
            "7/TB-UBND",
            "22-HD/BCĐ",
            "06/2022/QH15",
            "bad",
        ] {
            assert_eq!(intended(fine), None, "{fine}");
        }
    }

    #[test]
    fn malformed_numbers() {
        for bad in [
            "",
            "1234",
            "QĐ-UBND",
            "1234/QĐ",
            "1234 /QĐ-UBND",
            "1234/QĐ - UBND",
            "1234/qđ-ubnd",
            "1234/Qd-Ubnd",
            "abc/QĐ-UBND",
            "91/17/NĐ-CP",
            "34-CT/",
            "34-/TW",
            "1234/QĐ--UBND",
            "số 1234/QĐ-UBND",
            "1234/QĐ-UBND/",
        ] {
            assert!(!is_valid(bad), "{bad}");
        }
    }

    #[test]
    fn numbers_copied_with_their_words_are_read() {
        let d = chrono::NaiveDate::from_ymd_opt;
        assert_eq!(
            as_copied("Quyết định số 123/QĐ-UBND"),
            Some(Copied {
                number: "123/QĐ-UBND".into(),
                date: None
            })
        );
        assert_eq!(
            as_copied("123/QĐ-UBND ngày 05/5/2020"),
            Some(Copied {
                number: "123/QĐ-UBND".into(),
                date: d(2020, 5, 5)
            })
        );
        assert_eq!(
            as_copied("QĐ số: 45/QĐ-SYT, ngày 1/2/2021").map(|c| c.number),
            Some("45/QĐ-SYT".into())
        );
        // A bare number is no copy; a bad number stays bad; a bad date too.
        assert_eq!(as_copied("123/QĐ-UBND"), None);
        assert_eq!(as_copied("Quyết định số 123 QĐ UBND"), None);
        assert_eq!(as_copied("123/QĐ-UBND ngày 31/02/2020"), None);
        assert_eq!(
            as_copied(" Số 7/QĐ-UBND ").map(|c| c.number),
            Some("7/QĐ-UBND".to_string())
        );
    }
}
