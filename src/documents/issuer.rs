//! Who issues a document, as its header says it (ND 30/2020): the body
//! above, the issuing body's name broken between words, the motto of its
//! system, the place before the date, the head's title in the signature.
//! From `unit.toml` (SPEC §2) where it says so, else by the rules below.

use crate::config::UnitInfo;
use crate::vocab::{Motto, UnitLevel};

/// The longest header line, in characters, that stays one line in the
/// header's column (13 pt capitals, 59 mm): "HỘI NÔNG DÂN TỈNH HÀ" fits,
/// "UBND HUYỆN THANH LIÊM" does not (seen in LibreOffice).
const LINE: usize = 20;

#[derive(Clone, Debug, PartialEq)]
pub struct Issuer {
    /// The body above, plain (may be empty).
    pub parent: Vec<String>,
    /// The issuing body, bold, in capitals, broken into lines.
    pub body: Vec<String>,
    /// "Thanh Liêm" in "Thanh Liêm, ngày … tháng … năm …".
    pub place: String,
    /// The head's title in the signature block.
    pub signer_title: String,
    pub motto: Motto,
}

/// The province's own place and Sở Nội vụ, who signs the list and letters.
pub const PLACE: &str = "Hà Nam";

impl Issuer {
    /// The office that signs the list and the letters (`[office]` of
    /// `kh.toml`; Sở Nội vụ under UBND tỉnh by default).
    pub fn office(office: &crate::config::Office) -> Issuer {
        Issuer {
            parent: break_lines(&office.parent.to_uppercase()),
            body: break_lines(&office.name.to_uppercase()),
            place: office.place.clone(),
            signer_title: office.signer_title.to_uppercase(),
            motto: Motto::NhaNuoc,
        }
    }

    /// A unit, from what its `unit.toml` says (`name` stands in when it
    /// has none).
    pub fn of_unit(info: &UnitInfo, name: &str) -> Issuer {
        let name = info.name.as_deref().unwrap_or(name);
        let name = single_spaced(name);
        let head = info.letterhead();
        let motto = head.motto.unwrap_or_else(|| motto_by_name(&name));
        let (default_parent, own) = split_parent(&name, info.level, motto);
        let parent = match &head.parent {
            Some(p) => vec![p.to_uppercase()],
            None => default_parent.into_iter().collect(),
        };
        let body = if !head.header.is_empty() {
            head.header.iter().map(|l| l.to_uppercase()).collect()
        } else if head.parent.is_some() {
            // A parent of the unit's own choosing: the name as it is.
            break_lines(&name.to_uppercase())
        } else {
            break_lines(&own.to_uppercase())
        };
        Issuer {
            parent,
            body,
            place: head.place.clone().unwrap_or_else(|| PLACE.into()),
            signer_title: head
                .signer_title
                .clone()
                .unwrap_or_else(|| "THỦ TRƯỞNG ĐƠN VỊ".into())
                .to_uppercase(),
            motto,
        }
    }
}

/// Words separated by one space.
pub fn single_spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// SPEC §2: "dang" for a Party body, "doan" for the Youth Union's, else
/// the State's.
fn motto_by_name(name: &str) -> Motto {
    let n = lower(name);
    if ["tỉnh ủy", "huyện ủy", "thành ủy", "đảng bộ", "đảng ủy"]
        .iter()
        .any(|w| n.contains(w))
    {
        Motto::Dang
    } else if n.starts_with("đoàn") || n.starts_with("tỉnh đoàn") || n.starts_with("huyện đoàn")
    {
        Motto::Doan
    } else {
        Motto::NhaNuoc
    }
}

/// The body above a unit by default, and the unit's own name under it:
/// a Party committee's department under the committee ("Ban Dân vận Tỉnh
/// ủy Hà Nam" → "TỈNH ỦY HÀ NAM" / "Ban Dân vận"); a provincial Sở, Ban
/// or Văn phòng under "UBND TỈNH HÀ NAM", " tỉnh Hà Nam" dropped from its
/// name; else none.
fn split_parent(name: &str, level: Option<UnitLevel>, motto: Motto) -> (Option<String>, String) {
    let n = lower(name);
    if motto == Motto::Dang {
        for committee in ["tỉnh ủy", "huyện ủy", "thành ủy"] {
            if let Some(at) = n.find(committee)
                && at > 0
            {
                // Byte offsets agree: lower-casing keeps these letters' sizes.
                let own = name.get(..at).unwrap_or(name).trim();
                let above = name.get(at..).unwrap_or("").trim();
                if !own.is_empty() {
                    // The committee carries its place (#34.6): "Ban Dân vận
                    // Tỉnh ủy" is headed by "TỈNH ỦY HÀ NAM".
                    let above = if lower(above) == "tỉnh ủy" {
                        format!("{above} Hà Nam")
                    } else {
                        above.to_string()
                    };
                    return (Some(above.to_uppercase()), own.to_string());
                }
            }
        }
        return (None, name.to_string());
    }
    let state_department = ["sở ", "ban ", "văn phòng "]
        .iter()
        .any(|p| n.starts_with(p));
    if motto == Motto::NhaNuoc && level == Some(UnitLevel::Tinh) && state_department {
        let own = strip_suffix_ci(name, " tỉnh Hà Nam").unwrap_or(name);
        return (Some("UBND TỈNH HÀ NAM".into()), own.to_string());
    }
    (None, name.to_string())
}

fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    let (head, tail) = (s.get(..cut)?, s.get(cut..)?);
    (lower(tail) == lower(suffix)).then_some(head)
}

/// Words that begin a place's name: what follows is a proper name, kept
/// on one line with them ("HUYỆN THANH LIÊM", "TỈNH HÀ NAM").
const PLACE_WORDS: [&str; 6] = ["TỈNH", "HUYỆN", "XÃ", "PHƯỜNG", "THỊ", "THÀNH"];

/// A name in capitals broken into header lines of at most [`LINE`]
/// characters, between words, never inside a place's name where it fits
/// ("HỘI NÔNG DÂN" / "TỈNH HÀ NAM", "UBND" / "HUYỆN THANH LIÊM").
pub fn break_lines(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    // Chunks: a place word with the words after it (to the next place
    // word) is one; any other word is its own.
    let mut chunks: Vec<Vec<&str>> = Vec::new();
    let mut in_place = false;
    for w in words {
        if PLACE_WORDS.contains(&w) {
            // "THỊ XÃ", "THÀNH PHỐ": the second word stays in the chunk.
            if in_place
                && chunks
                    .last()
                    .is_some_and(|c| c.len() == 1 && ["THỊ", "THÀNH"].contains(&c[0]))
            {
                if let Some(c) = chunks.last_mut() {
                    c.push(w);
                }
                continue;
            }
            chunks.push(vec![w]);
            in_place = true;
        } else if in_place {
            if let Some(c) = chunks.last_mut() {
                c.push(w);
            }
        } else {
            chunks.push(vec![w]);
        }
    }
    let width = |s: &str| s.chars().count();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let put = |piece: &str, line: &mut String, lines: &mut Vec<String>| {
        if !line.is_empty() && width(line) + 1 + width(piece) > LINE {
            lines.push(std::mem::take(line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(piece);
    };
    for chunk in chunks {
        let joined = chunk.join(" ");
        if width(&joined) <= LINE {
            put(&joined, &mut line, &mut lines);
        } else {
            for w in chunk {
                put(w, &mut line, &mut lines);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(name: &str, level: Option<UnitLevel>) -> Issuer {
        Issuer::of_unit(
            &UnitInfo {
                name: Some(name.into()),
                level,
                ..UnitInfo::default()
            },
            "x",
        )
    }

    #[test]
    fn names_break_between_words_never_inside_a_place() {
        assert_eq!(
            break_lines("UBND HUYỆN THANH LIÊM"),
            ["UBND", "HUYỆN THANH LIÊM"]
        );
        assert_eq!(
            break_lines("HỘI NÔNG DÂN TỈNH HÀ NAM"),
            ["HỘI NÔNG DÂN", "TỈNH HÀ NAM"]
        );
        assert_eq!(break_lines("SỞ Y TẾ"), ["SỞ Y TẾ"]);
        assert_eq!(
            break_lines("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"),
            ["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN NÔNG THÔN"]
        );
        assert_eq!(
            break_lines("ỦY BAN NHÂN DÂN HUYỆN LÝ NHÂN"),
            ["ỦY BAN NHÂN DÂN", "HUYỆN LÝ NHÂN"]
        );
        assert_eq!(
            break_lines("UBND THỊ XÃ DUY TIÊN"),
            ["UBND THỊ XÃ DUY TIÊN"]
        );
        for l in break_lines("TRƯỜNG TRUNG HỌC PHỔ THÔNG CHUYÊN BIÊN HÒA TỈNH HÀ NAM")
        {
            assert!(l.chars().count() <= LINE, "{l}");
        }
    }

    #[test]
    fn the_body_above_by_default() {
        let i = unit("Sở Y tế", Some(UnitLevel::Tinh));
        assert_eq!(
            (i.parent.as_slice(), i.body.as_slice()),
            (
                &["UBND TỈNH HÀ NAM".to_string()][..],
                &["SỞ Y TẾ".to_string()][..]
            )
        );
        let i = unit("Sở Nội vụ tỉnh Hà Nam", Some(UnitLevel::Tinh));
        assert_eq!(i.body, ["SỞ NỘI VỤ"]);
        let i = unit("Ban Dân vận Tỉnh ủy Hà Nam", Some(UnitLevel::Tinh));
        assert_eq!(i.parent, ["TỈNH ỦY HÀ NAM"]);
        assert_eq!(i.body, ["BAN DÂN VẬN"]);
        assert_eq!(i.motto, Motto::Dang);
        let i = unit("Ban Dân vận Tỉnh ủy", Some(UnitLevel::Tinh));
        assert_eq!(
            i.parent,
            ["TỈNH ỦY HÀ NAM"],
            "the committee carries its place"
        );
        assert_eq!(i.body, ["BAN DÂN VẬN"]);
        let i = unit("Tỉnh đoàn Hà Nam", Some(UnitLevel::Tinh));
        assert!(i.parent.is_empty());
        assert_eq!(i.motto, Motto::Doan);
        let i = unit("Hội Nông dân tỉnh Hà Nam", Some(UnitLevel::Tinh));
        assert!(i.parent.is_empty());
        assert_eq!(i.body, ["HỘI NÔNG DÂN", "TỈNH HÀ NAM"]);
        let i = unit("Công an  tỉnh Hà Nam", None);
        assert_eq!(i.body, ["CÔNG AN TỈNH HÀ NAM"]);
        assert_eq!(i.place, "Hà Nam");
        assert_eq!(i.signer_title, "THỦ TRƯỞNG ĐƠN VỊ");
    }

    #[test]
    fn unit_toml_says_it_exactly() {
        let i = Issuer::of_unit(
            &UnitInfo {
                name: Some("UBND huyện Thanh Liêm".into()),
                letterhead: Some(Box::new(crate::config::Letterhead {
                    parent: Some("UBND tỉnh Hà Nam".into()),
                    header: vec!["UBND HUYỆN".into(), "THANH LIÊM".into()],
                    place: Some("Thanh Liêm".into()),
                    signer_title: Some("Chủ tịch".into()),
                    motto: Some(Motto::NhaNuoc),
                })),
                ..UnitInfo::default()
            },
            "x",
        );
        assert_eq!(i.parent, ["UBND TỈNH HÀ NAM"]);
        assert_eq!(i.body, ["UBND HUYỆN", "THANH LIÊM"]);
        assert_eq!(i.place, "Thanh Liêm");
        assert_eq!(i.signer_title, "CHỦ TỊCH");
    }
}
