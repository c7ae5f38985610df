//! Document numbers, in the shapes the plan itself cites (SPEC §5):
//! `1234/QĐ-UBND`, `91/2017/NĐ-CP`, `06/2022/QH15` for state documents and
//! `34-CT/TW`, `22-HD/BCĐ` for party and steering-committee documents.

use crate::text::nfc;

/// True when `s` is a document number of one of the accepted shapes.
pub fn is_valid(s: &str) -> bool {
    let s = nfc(s);
    is_state(&s) || is_party(&s)
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
    use super::is_valid;

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
        ] {
            assert!(is_valid(ok), "{ok}");
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
}
