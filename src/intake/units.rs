//! Which unit of the round a source belongs to (SPEC §15): the unit named
//! on the command line, the folder the source sits in, the issuing body at
//! the top of a report, or a list's unit column, matched against the
//! round's units and its roster.

use std::path::Path;

use super::report::fold;
use crate::text::slugify;

/// A unit the round knows: a folder with `unit.toml`, or a roster entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    pub slug: String,
    pub name: String,
    /// `unit.toml`'s `parent` and `header`, when given.
    pub parent: Option<String>,
    pub header: Vec<String>,
    /// Has a folder in the round (else only on the roster).
    pub present: bool,
}

/// The round's units and roster.
pub fn known(root: &Path) -> Vec<Known> {
    let mut out: Vec<Known> = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .collect();
    dirs.sort_by_key(|e| e.file_name());
    for e in dirs {
        let Some(slug) = e.file_name().to_str().map(str::to_string) else {
            continue;
        };
        let descriptor = e.path().join(crate::tree::UNIT_FILE);
        let Ok(Some(text)) =
            crate::tree::read_regular_text(&descriptor, crate::tree::MAX_FILE_BYTES)
        else {
            continue;
        };
        let t: toml::Table = text.parse().unwrap_or_default();
        let s = |k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let header = match t.get("header") {
            Some(toml::Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            Some(toml::Value::String(h)) => h.lines().map(str::to_string).collect(),
            _ => Vec::new(),
        };
        out.push(Known {
            name: s("name").unwrap_or_else(|| slug.clone()),
            slug,
            parent: s("parent"),
            header,
            present: true,
        });
    }
    for (slug, name) in settings(root).expected {
        if !out.iter().any(|k| k.slug == slug) {
            out.push(Known {
                slug,
                name,
                parent: None,
                header: Vec::new(),
                present: false,
            });
        }
    }
    out
}

/// The round's settings, as the check reads them (defaults without kh.toml).
pub fn settings(root: &Path) -> crate::config::Settings {
    match crate::tree::read_regular_text(
        &root.join(crate::tree::ROUND_FILE),
        crate::tree::MAX_FILE_BYTES,
    ) {
        Ok(Some(text)) => crate::config::read_round(crate::tree::ROUND_FILE, &text).0,
        _ => crate::config::Settings::default(),
    }
}

/// How names are compared: folded, "Ủy ban nhân dân" as "UBND".
fn key(s: &str) -> String {
    let f = fold(s);
    let f = format!(" {f} ")
        .replace(" uy ban nhan dan ", " ubnd ")
        .replace(" u ban nhan dan ", " ubnd ");
    f.trim().to_string()
}

/// A name with and without the province at its end.
fn variants(s: &str) -> Vec<String> {
    let k = key(s);
    let mut out = vec![k.clone()];
    for tail in [" tinh ha nam", " ha nam"] {
        if let Some(short) = k.strip_suffix(tail) {
            out.push(short.to_string());
        }
    }
    out
}

/// The unit whose slug or name `said` is (a folder's name, a cell, a flag).
pub fn by_name<'a>(units: &'a [Known], said: &str) -> Option<&'a Known> {
    let said = said.trim();
    if let Some(k) = units.iter().find(|k| k.slug == said) {
        return Some(k);
    }
    let wanted = variants(said);
    let slug = slugify(said);
    units.iter().find(|k| {
        variants(&k.name).iter().any(|n| wanted.contains(n)) || (!slug.is_empty() && k.slug == slug)
    })
}

/// The unit a report's header block names: the lowest line, the last two
/// lines joined (a name broken in two), all lines joined; against a unit's
/// name, its header lines, its parent and name.
pub fn by_header<'a>(units: &'a [Known], lines: &[String]) -> Option<&'a Known> {
    if lines.is_empty() {
        return None;
    }
    let n = lines.len();
    let mut candidates = vec![lines[n - 1].clone()];
    if n >= 2 {
        candidates.push(format!("{} {}", lines[n - 2], lines[n - 1]));
    }
    candidates.push(lines.join(" "));
    let wanted: Vec<String> = candidates.iter().flat_map(|c| variants(c)).collect();
    units.iter().find(|k| {
        let mut targets = variants(&k.name);
        if !k.header.is_empty() {
            targets.extend(variants(&k.header.join(" ")));
        }
        if let Some(p) = &k.parent {
            targets.extend(variants(&format!("{p} {}", k.name)));
        }
        targets.iter().any(|t| wanted.contains(t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(slug: &str, name: &str) -> Known {
        Known {
            slug: slug.into(),
            name: name.into(),
            parent: None,
            header: Vec::new(),
            present: true,
        }
    }

    #[test]
    fn a_header_names_its_unit_by_its_lowest_line_or_two_joined() {
        let units = vec![
            unit("so-y-te", "Sở Y tế"),
            unit("hoi-nong-dan", "Hội Nông dân tỉnh Hà Nam"),
            unit("ubnd-thanh-liem", "UBND huyện Thanh Liêm"),
        ];
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            by_header(&units, &lines(&["UBND TỈNH HÀ NAM", "SỞ Y TẾ"])).map(|k| k.slug.as_str()),
            Some("so-y-te")
        );
        assert_eq!(
            by_header(&units, &lines(&["HỘI NÔNG DÂN TỈNH HÀ", "NAM"])).map(|k| k.slug.as_str()),
            Some("hoi-nong-dan")
        );
        assert_eq!(
            by_header(&units, &lines(&["ỦY BAN NHÂN DÂN", "HUYỆN THANH LIÊM"]))
                .map(|k| k.slug.as_str()),
            Some("ubnd-thanh-liem")
        );
        assert_eq!(by_header(&units, &lines(&["SỞ TƯ PHÁP"])), None);
        assert_eq!(
            by_name(&units, "so-y-te").map(|k| k.name.as_str()),
            Some("Sở Y tế")
        );
        assert_eq!(
            by_name(&units, "sở y tế tỉnh Hà Nam").map(|k| k.slug.as_str()),
            Some("so-y-te")
        );
    }
}
