//! A form kh wrote, coming back (SPEC §15): the whole nomination is kept
//! in the package as a custom XML part, and what a person changed on the
//! page is put into it. The page wins where the two differ; what the page
//! does not show (facts, criteria, the `[model]`, the proposed award, the
//! file's name) comes from the part, untouched, comments and all.

use crate::form::{AchievementKey, AwardKey, FormKey, NomineeKey, Top};
use quick_xml::Reader;
use quick_xml::events::Event;
use toml_edit::{DocumentMut, Item, Table, value};

use super::package::{Package, Refusal};
use super::report::{Reading, clean_text, clean_value, date_in, fold, one_line, strip_bullet};
use crate::docx::{KEPT_NS, Kept};
use crate::template::Draft;
use crate::vocab::Kind;

/// kh's part among the package's custom XML parts, if there is one.
pub fn find<R: std::io::Read + std::io::Seek>(
    pkg: &mut Package<R>,
) -> Result<Option<Kept>, Refusal> {
    let names: Vec<String> = pkg
        .names()
        .into_iter()
        .filter(|n| {
            n.starts_with("customXml/item")
                && !n.starts_with("customXml/itemProps")
                && n.ends_with(".xml")
        })
        .collect();
    for name in names {
        // The nomination kh keeps is at most a file validate reads (1 MiB),
        // with room for XML's escapes: a part past that is no form of kh's,
        // and would be parsed into millions of entries (#37.3).
        let xml = pkg.xml_within(&name, MAX_KEPT)?;
        if xml.contains(KEPT_NS) {
            return parse(&xml)
                .map(Some)
                .map_err(|e| Refusal::BadXml(format!("{name}: {e}")));
        }
    }
    Ok(None)
}

/// The most a kept part may inflate to.
const MAX_KEPT: u64 = 2 * crate::tree::MAX_FILE_BYTES;

fn parse(xml: &str) -> Result<Kept, String> {
    let mut r = Reader::from_str(xml);
    let mut kept = Kept {
        unit: String::new(),
        unit_name: String::new(),
        file: String::new(),
        text: String::new(),
    };
    let mut in_toml = false;
    loop {
        match r.read_event().map_err(|e| e.to_string())? {
            Event::Eof => break,
            Event::DocType(_) => return Err("DTD".into()),
            Event::Start(e) if e.local_name().as_ref() == "nomination" => {
                for a in e.attributes().flatten() {
                    let v = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|e| e.to_string())?
                        .into_owned();
                    match a.key.local_name().as_ref() {
                        "unit" => kept.unit = v,
                        "unit-name" => kept.unit_name = v,
                        "file" => kept.file = v,
                        _ => {}
                    }
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "toml" => in_toml = true,
            Event::End(e) if e.local_name().as_ref() == "toml" => in_toml = false,
            Event::Text(t) if in_toml => kept
                .text
                .push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            Event::GeneralRef(g) if in_toml => {
                let c = match g.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&g)
                        .ok_or("entity")?
                        .to_string(),
                };
                kept.text.push_str(&c);
            }
            _ => {}
        }
    }
    Ok(kept)
}

/// Two values alike as a person reads them: a date in any of its forms,
/// text folded.
fn same(a: &str, b: &str) -> bool {
    if a.trim() == b.trim() {
        return true;
    }
    match (date_in(a), date_in(b)) {
        (Some(x), Some(y)) => x == y,
        _ => crate::text::fold_key(a) == crate::text::fold_key(b),
    }
}

/// The nomination with the page's edits put in, the nomination as the
/// part had it (its campaign, which the page does not edit) and the kind it
/// names, if it names one:
/// `None` when the part's text is no TOML (a draft exported with slips;
/// the page alone is read).
pub fn merge(kept: &Kept, page: &Reading) -> Option<(String, Draft, Option<Kind>)> {
    // Read once as a table; the editable document is parsed only when the
    // page differs (most forms come back as they went out).
    let table: toml::Table = kept.text.parse().ok()?;
    let before = Draft::shown_table(&table);
    let kind = Draft::kind_in(&table);
    let (sets, removes) = nominee_edits(&before, page, kind);
    let achievements_same = achievements_unchanged(&before, page);
    let awards_same = awards_unchanged(&before, page);
    let read_now = read_now(&table, page);
    if sets.is_empty()
        && removes.is_empty()
        && achievements_same
        && awards_same
        && read_now.is_empty()
    {
        return Some((kept.text.clone(), before, kind));
    }
    let mut doc: DocumentMut = kept.text.parse().ok()?;
    if let Some(list) = doc
        .get_mut(Top::Import.key())
        .and_then(|i| i.get_mut("unread"))
        .and_then(|u| u.as_array_mut())
    {
        list.retain(|k| k.as_str().is_none_or(|k| !read_now.iter().any(|r| r == k)));
    }
    put_nominee(&mut doc, sets, removes);
    if !achievements_same {
        put_achievements(&mut doc, &page.fields.achievements);
    }
    if !awards_same {
        put_awards(&mut doc, &page.fields.awards);
    }
    Some((doc.to_string(), before, kind))
}

/// The `[nominee]` values the page changed (to set), and those its change
/// replaces (to remove).
fn nominee_edits(
    before: &Draft,
    page: &Reading,
    kind: Option<Kind>,
) -> (Vec<(NomineeKey, String)>, Vec<NomineeKey>) {
    let collective = kind == Some(Kind::TapThe);
    let household = kind == Some(Kind::HoGiaDinh);
    let shown: &[NomineeKey] = if collective {
        &[
            NomineeKey::Name,
            NomineeKey::Founded,
            NomineeKey::Structure,
            NomineeKey::Duties,
        ]
    } else {
        &[
            NomineeKey::FullName,
            NomineeKey::BirthDate,
            NomineeKey::Hometown,
        ]
    };
    let mut sets: Vec<(NomineeKey, String)> = Vec::new();
    let mut removes: Vec<NomineeKey> = Vec::new();
    // A value unchanged on the page reads back as the page reader cleans
    // it: without filler, a closing full stop or separator, line breaks
    // (#32.7). Such a value is the kept one, byte for byte.
    let as_read = |v: &str| one_line(&clean_value(v));
    let unchanged_field = |now: &str, was: &str| same(now, was) || same(now, &as_read(was));
    for &key in shown {
        let now = page.fields.nominee(key).unwrap_or("");
        let was = before.nominee(key).unwrap_or("");
        if !unchanged_field(now, was) {
            sets.push((key, now.to_string()));
        }
    }
    if !collective {
        // The combined line: unchanged, the fields it was made from stay.
        let now = page
            .fields
            .nominee(NomineeKey::Workplace)
            .or(page.fields.nominee(NomineeKey::Residence))
            .unwrap_or("");
        let was = before.position_line().unwrap_or_default();
        if !unchanged_field(now, &was) {
            let works = before.nominee(NomineeKey::Position).is_some()
                || before.nominee(NomineeKey::Workplace).is_some();
            if household && !works {
                sets.push((NomineeKey::Residence, now.to_string()));
            } else {
                sets.push((NomineeKey::Workplace, now.to_string()));
                if before.nominee(NomineeKey::Position).is_some() {
                    removes.push(NomineeKey::Position);
                }
            }
        }
    }
    (sets, removes)
}

/// Whether the page's achievements are the kept ones: the form prints each
/// line of an achievement as a paragraph, so unchanged paragraphs are the
/// achievements as they were, lines and all.
fn achievements_unchanged(before: &Draft, page: &Reading) -> bool {
    let printed: Vec<&str> = before
        .achievements
        .iter()
        .flat_map(|a| a.text.split('\n').map(str::trim).filter(|t| !t.is_empty()))
        .collect();
    page.fields.achievements.len() == printed.len()
        && page
            .fields
            .achievements
            .iter()
            .zip(&printed)
            .all(|(p, b)| same(p, b) || same(p, &clean_text(strip_bullet(b))))
}

/// Whether the page's awards table is the kept one, as the form shows it.
fn awards_unchanged(before: &Draft, page: &Reading) -> bool {
    let shown = |a: &crate::template::DraftAward| {
        (
            a.year.clone(),
            fold(&a.title),
            a.decision.clone(),
            a.date.clone(),
        )
    };
    before
        .awards
        .iter()
        .map(shown)
        .eq(page.fields.awards.iter().map(shown))
}

/// The keys of `[import] unread` the page now holds a value for: they leave
/// the list (SPEC §15.1).
fn read_now(table: &toml::Table, page: &Reading) -> Vec<String> {
    table
        .get(Top::Import.key())
        .and_then(|i| i.get("unread"))
        .and_then(|u| u.as_array())
        .into_iter()
        .flatten()
        .filter_map(|k| k.as_str())
        .filter(|k| match *k {
            k if k == Top::Achievements.key() => !page.fields.achievements.is_empty(),
            k if k == Top::Awards.key() => !page.fields.awards.is_empty(),
            k => k
                .strip_prefix("nominee.")
                .and_then(NomineeKey::parse)
                .and_then(|key| page.fields.nominee(key))
                .is_some_and(|v| !v.trim().is_empty()),
        })
        .map(str::to_string)
        .collect()
}

/// The page's `[nominee]` edits, each line's comment kept (a blank form's
/// hints).
fn put_nominee(doc: &mut DocumentMut, sets: Vec<(NomineeKey, String)>, removes: Vec<NomineeKey>) {
    if sets.is_empty() && removes.is_empty() {
        return;
    }
    let nominee = Top::Nominee.key();
    if !doc.contains_table(nominee) {
        doc[nominee] = Item::Table(Table::new());
    }
    let Some(t) = doc[nominee].as_table_like_mut() else {
        return;
    };
    for (k, v) in sets {
        match t.get_mut(k.key()).and_then(|i| i.as_value_mut()) {
            Some(old) => {
                let decor = old.decor().clone();
                *old = toml_edit::Value::from(v);
                *old.decor_mut() = decor;
            }
            None => {
                t.insert(k.key(), value(v));
            }
        }
    }
    for k in removes {
        t.remove(k.key());
    }
}

/// The page's achievements: criteria stay with the text they were given
/// for; an edited text keeps those of its place.
fn put_achievements(doc: &mut DocumentMut, texts: &[String]) {
    let key = Top::Achievements.key();
    let text_key = AchievementKey::Text.key();
    let old: Vec<toml_edit::Table> = doc
        .get(key)
        .and_then(|a| a.as_array_of_tables())
        .map(|a| a.iter().cloned().collect())
        .unwrap_or_default();
    let mut used = vec![false; old.len()];
    let mut new = toml_edit::ArrayOfTables::new();
    for (i, text) in texts.iter().enumerate() {
        let equal = old.iter().enumerate().position(|(j, t)| {
            !used[j]
                && t.get(text_key)
                    .and_then(|x| x.as_str())
                    .is_some_and(|x| same(x, text))
        });
        let mut t = match equal.or((i < old.len() && !used[i]).then_some(i)) {
            Some(j) => {
                used[j] = true;
                old[j].clone()
            }
            None => toml_edit::Table::new(),
        };
        t.insert(text_key, value(text.as_str()));
        new.push(t);
    }
    doc.remove(key);
    doc.insert(key, Item::ArrayOfTables(new));
}

/// The page's awards table, rebuilt: a year and a date written TOML's way
/// where they are one.
fn put_awards(doc: &mut DocumentMut, awards: &[crate::template::DraftAward]) {
    let mut new = toml_edit::ArrayOfTables::new();
    for a in awards {
        let mut t = toml_edit::Table::new();
        if let Some(y) = a.year_number() {
            t.insert(AwardKey::Year.key(), value(y));
        }
        t.insert(AwardKey::Title.key(), value(a.title.as_str()));
        if !a.decision.is_empty() {
            t.insert(AwardKey::Decision.key(), value(a.decision.as_str()));
        }
        if let Some(d) = a.date_value()
            && let Ok(date) = d
                .format("%Y-%m-%d")
                .to_string()
                .parse::<toml_edit::Datetime>()
        {
            t.insert(AwardKey::Date.key(), value(date));
        }
        new.push(t);
    }
    let key = Top::Awards.key();
    doc.remove(key);
    if !new.is_empty() {
        doc.insert(key, Item::ArrayOfTables(new));
    }
}
