//! The exemplar pages (§IV.2, SPEC §13): a static site of plain HTML and one
//! stylesheet, from the nominations Sở Nội vụ approved, with a person's
//! data limited as Decree 13/2023 asks: never the day of birth, the home
//! town, the address.

use crate::form::NomineeKey;
use std::collections::HashSet;

use anyhow::{Result, bail};
use askama::Template;
use chrono::NaiveDate;

use crate::campaign::CAMPAIGNS;
use crate::check::{Record, Report};
use crate::documents::shown::excerpt;
use crate::review::Status;
use crate::template::Draft;
use crate::text::slugify;
use crate::vocab::Kind;

const STYLE: &str = include_str!("../../templates/publish/style.css");

/// What the site says above every page: the plan it carries out and the
/// day it was published.
pub struct Masthead {
    pub plan: String,
    /// "Đăng ngày 05/10/2023"; none when no date is known (never the clock).
    pub published: Option<String>,
}

/// A photo on a page: where it is, and what it shows for a reader who
/// cannot see it.
pub struct Picture {
    pub src: String,
    pub alt: String,
}

pub struct Card {
    pub href: String,
    pub photo: Option<Picture>,
    pub name: String,
    pub kind: &'static str,
    pub unit: String,
    pub summary: String,
}

pub struct Group {
    pub anchor: &'static str,
    pub section: String,
    pub name: &'static str,
    pub lead_agency: &'static str,
    pub cards: Vec<Card>,
}

#[derive(Template)]
#[template(path = "publish/index.html")]
pub struct Index<'a> {
    pub css: &'static str,
    pub head: &'a Masthead,
    pub preview: bool,
    pub year: i32,
    pub total: usize,
    pub groups: Vec<Group>,
}

pub struct AwardLine {
    pub year: String,
    pub title: String,
}

#[derive(Template)]
#[template(path = "publish/exemplar.html")]
pub struct Page<'a> {
    pub css: &'static str,
    pub index: &'static str,
    pub head: &'a Masthead,
    pub photo: Option<Picture>,
    pub preview: bool,
    pub year: i32,
    pub name: String,
    pub kind: &'static str,
    pub campaign: String,
    pub unit: String,
    pub birth_year: Option<String>,
    pub position: Option<String>,
    pub workplace: Option<String>,
    pub achievements: Vec<String>,
    pub awards: Vec<AwardLine>,
}

/// The nominations the pages show.
pub fn chosen(report: &Report, all: bool) -> Vec<&Record> {
    report
        .records
        .iter()
        .filter(|r| {
            r.nomination.is_some()
                && r.tally.errors == 0
                && (all || report.status(r) == Status::Dat)
                && !report.rejected(r)
        })
        .collect()
}

fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::TapThe => "Tập thể",
        Kind::CaNhan => "Cá nhân",
        Kind::HoGiaDinh => "Hộ gia đình",
    }
}

/// Only what may be published of a nominee (Decree 13/2023): a person's
/// name, birth year, position and workplace; a household's head's name.
pub fn page<'a>(d: &Draft, unit: &str, head: &'a Masthead, preview: bool, year: i32) -> Page<'a> {
    let person = d.kind == Kind::CaNhan;
    let page = Page {
        css: "../style.css",
        index: "../index.html",
        head,
        photo: None,
        preview,
        year,
        name: d.title().unwrap_or_default(),
        kind: kind_label(d.kind),
        campaign: d.campaign_line(),
        unit: unit.to_string(),
        birth_year: person.then(|| d.birth_year().map(String::from)).flatten(),
        position: person
            .then(|| d.nominee(NomineeKey::Position).map(String::from))
            .flatten(),
        workplace: person
            .then(|| d.nominee(NomineeKey::Workplace).map(String::from))
            .flatten(),
        achievements: d.achievements.iter().map(|a| a.text.clone()).collect(),
        awards: d
            .awards
            .iter()
            .map(|a| AwardLine {
                year: a.year.clone(),
                title: a.title.clone(),
            })
            .collect(),
    };
    page.cleaned()
}

/// Text as a page may hold it: control characters (NUL, ESC, BEL, DEL, the
/// C1 range) and bidirectional overrides dropped, as the Word writer drops
/// what XML cannot hold; line breaks and tabs become spaces.
pub fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\t' | '\r' => Some(' '),
            c if c.is_control() => None,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
}

impl Page<'_> {
    fn cleaned(mut self) -> Self {
        let fix = |s: &mut String| *s = clean(s);
        fix(&mut self.name);
        fix(&mut self.campaign);
        fix(&mut self.unit);
        for s in [
            &mut self.birth_year,
            &mut self.position,
            &mut self.workplace,
        ]
        .into_iter()
        .flatten()
        {
            fix(s);
        }
        self.achievements.iter_mut().for_each(fix);
        for a in &mut self.awards {
            fix(&mut a.year);
            fix(&mut a.title);
        }
        self
    }
}

fn or_fallback(slug: String, fallback: &str) -> String {
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// What a run did with the photos, for its summary.
#[derive(Debug, Default)]
pub struct Photos {
    pub shown: usize,
    /// Files whose photo has no `photo_consent = true`: not published.
    pub no_consent: Vec<String>,
    /// Files whose photo could not be read as an image: not published.
    pub unreadable: Vec<String>,
}

/// The longest side a published photo keeps (SPEC §13).
const PHOTO_MAX_SIDE: u32 = 1600;

/// The most pixels a photo may claim: a 50-megapixel camera's, with room.
const PHOTO_MAX_PIXELS: u64 = 64_000_000;

/// Whether a picture's data runs to its end: a JPEG's segments, walked
/// from its start, reach its end marker (what a phone appends after it is
/// not looked at); a PNG has its IEND chunk.
fn whole(bytes: &[u8], format: image::ImageFormat) -> bool {
    match format {
        image::ImageFormat::Jpeg => jpeg_whole(bytes),
        image::ImageFormat::Png => bytes.windows(4).any(|w| w == b"IEND"),
        _ => false,
    }
}

fn jpeg_whole(b: &[u8]) -> bool {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return false;
    }
    let mut i = 2;
    loop {
        // A marker: 0xFF (fill bytes allowed), then its code.
        while b.get(i).is_some_and(|&x| x != 0xFF) {
            i += 1;
        }
        while b.get(i) == Some(&0xFF) {
            i += 1;
        }
        let Some(&code) = b.get(i) else {
            return false;
        };
        i += 1;
        match code {
            0xD9 => return true,
            0x01 | 0xD0..=0xD7 => continue,
            _ => {
                let (Some(&hi), Some(&lo)) = (b.get(i), b.get(i + 1)) else {
                    return false;
                };
                let len = usize::from(u16::from_be_bytes([hi, lo]));
                if len < 2 || i + len > b.len() {
                    return false;
                }
                i += len;
                if code == 0xDA {
                    // The scan's coded data runs to the next marker that is
                    // no stuffed byte (0xFF 0x00) nor a restart.
                    loop {
                        let (Some(&x), Some(&y)) = (b.get(i), b.get(i + 1)) else {
                            return false;
                        };
                        if x == 0xFF && y != 0 && !(0xD0..=0xD7).contains(&y) {
                            break;
                        }
                        i += 1;
                    }
                }
            }
        }
    }
}

/// A photo as the site carries it: decoded, scaled down past 1600 px, and
/// saved anew, so that what the camera wrote in it (the place it was taken,
/// ND 13/2023) is not published with it. JPEG stays JPEG, PNG stays PNG.
pub fn photo_for_site(bytes: &[u8]) -> Result<(Vec<u8>, &'static str)> {
    use image::{ImageFormat, ImageReader, Limits};
    let format = image::guess_format(bytes)?;
    let ext = match format {
        ImageFormat::Jpeg => "jpg",
        ImageFormat::Png => "png",
        _ => bail!("not a JPEG or PNG"),
    };
    // A decoder fills what a cut file lacks with grey: a picture is
    // published only when its data runs to its end (#37.14).
    if !whole(bytes, format) {
        bail!("the picture's data is cut short");
    }
    // A 5 MiB file can claim a picture of gigabytes: its size is read from
    // its header and bounded before anything is decoded.
    let (w, h) = ImageReader::with_format(std::io::Cursor::new(bytes), format).into_dimensions()?;
    if u64::from(w) * u64::from(h) > PHOTO_MAX_PIXELS {
        bail!("the picture claims {w}×{h} pixels, over {PHOTO_MAX_PIXELS}");
    }
    let mut reader = ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let mut img = reader.decode()?;
    if img.width().max(img.height()) > PHOTO_MAX_SIDE {
        img = img.resize(
            PHOTO_MAX_SIDE,
            PHOTO_MAX_SIDE,
            image::imageops::FilterType::Triangle,
        );
    }
    let mut out = Vec::new();
    match format {
        ImageFormat::Jpeg => {
            let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
            img.to_rgb8().write_with_encoder(enc)?;
        }
        _ => img.write_to(&mut std::io::Cursor::new(&mut out), ImageFormat::Png)?,
    }
    Ok((out, ext))
}

/// The record's photo for its page, when it may be published.
fn photo_of(
    report: &Report,
    r: &Record,
    base: &str,
    alt: String,
    photos: &mut Photos,
    put: &mut dyn FnMut(&str, &[u8]) -> Result<()>,
) -> Result<Option<(String, String)>> {
    let Some(photo) = r.nomination.as_ref().and_then(|n| n.photo.as_ref()) else {
        return Ok(None);
    };
    if !photo.consent {
        photos.no_consent.push(r.path.to_string());
        return Ok(None);
    }
    let file = report
        .entry(r)
        .path(&report.root)
        .with_file_name(&*photo.file);
    let read = crate::tree::read_regular(&file, crate::nomination::PHOTO_MAX_BYTES).ok();
    let Some((bytes, ext)) = read.and_then(|b| photo_for_site(&b).ok()) else {
        photos.unreadable.push(r.path.to_string());
        return Ok(None);
    };
    let rel = format!("{base}.{ext}");
    put(&rel, &bytes)?;
    photos.shown += 1;
    Ok(Some((rel, alt)))
}

/// The day the site is published: the one given, else the latest day a
/// nomination it shows was approved; never the clock, so that a rerun
/// writes the same site.
pub fn published_on(report: &Report, all: bool, given: Option<NaiveDate>) -> Option<NaiveDate> {
    given.or_else(|| {
        chosen(report, all)
            .iter()
            .filter_map(|r| report.book.decision(r.review))
            .filter(|d| d.status == Status::Dat)
            .filter_map(|d| d.date)
            .max()
    })
}

/// The site's files, each handed to `put` (relative path, contents) as it
/// is made: a round of 100,000 pages never holds them all at once.
pub fn site(
    report: &Report,
    all: bool,
    date: Option<NaiveDate>,
    put: &mut dyn FnMut(&str, &[u8]) -> Result<()>,
) -> Result<Photos> {
    let preview = all;
    let year = report.settings.year;
    let head = Masthead {
        plan: report.settings.plan.cited_in_print(),
        published: published_on(report, all, date)
            .map(|d| format!("Đăng ngày {}", crate::text::dmy(d))),
    };
    let mut photos = Photos::default();
    let mut used: HashSet<String> = HashSet::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut total = 0;
    let records = chosen(report, all);
    for c in CAMPAIGNS {
        let mut cards = Vec::new();
        for r in records
            .iter()
            .filter(|r| r.nomination.as_ref().and_then(|n| n.campaign) == Some(c.id))
        {
            let d = Draft::of(report, r);
            let unit = report.unit_of(r).name().to_string();
            // Pages are named by slugs, unique within the site.
            let stem = r
                .path
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".toml");
            // A name with no letter or digit kh can spell (`___`, `中文`)
            // slugs to nothing: a fallback name keeps the page inside the
            // site, never at `/` (SPEC §13).
            let mut base = format!(
                "{}/{}",
                or_fallback(slugify(&report.unit_of(r).slug), "don-vi"),
                or_fallback(slugify(stem), "trang")
            );
            let mut k = 2;
            let first = base.clone();
            while !used.insert(format!("{base}.html")) {
                base = format!("{first}-{k}");
                k += 1;
            }
            let rel = format!("{base}.html");
            let mut p = page(&d, &unit, &head, preview, year);
            let photo = photo_of(
                report,
                r,
                &base,
                format!("Ảnh {}", d.addressed()),
                &mut photos,
                put,
            )?;
            p.photo = photo.as_ref().map(|(src, alt)| Picture {
                src: src.rsplit('/').next().unwrap_or(src).to_string(),
                alt: alt.clone(),
            });
            put(&rel, p.render()?.as_bytes())?;
            cards.push(Card {
                href: rel,
                photo: photo.map(|(src, alt)| Picture { src, alt }),
                name: p.name,
                kind: p.kind,
                unit: p.unit.clone(),
                summary: clean(
                    &d.achievements
                        .first()
                        .map(|a| excerpt(&a.text, 200))
                        .unwrap_or_default(),
                ),
            });
        }
        if cards.is_empty() {
            continue;
        }
        total += cards.len();
        groups.push(Group {
            anchor: c.slug,
            section: if c.section == "*" {
                "Lĩnh vực khác".to_string()
            } else {
                format!("Mục {}", c.section)
            },
            name: c.name_vi,
            lead_agency: c.lead_agency,
            cards,
        });
    }
    let index = Index {
        css: "style.css",
        head: &head,
        preview,
        year,
        total,
        groups,
    };
    put("index.html", index.render()?.as_bytes())?;
    put("style.css", STYLE.as_bytes())?;
    Ok(photos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img =
            image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x * 7) as u8, (y * 5) as u8, 90]));
        let mut out = Vec::new();
        let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
        img.write_with_encoder(enc).expect("encodes");
        out
    }

    /// #37.14: a picture published is one that decodes whole, of a size a
    /// camera takes.
    #[test]
    fn only_whole_pictures_of_a_camera_s_size_are_published() {
        let good = jpeg(64, 48);
        assert!(photo_for_site(&good).is_ok());
        // A phone's trailer after the end marker does not matter.
        let mut trailer = good.clone();
        trailer.extend_from_slice(b"MotionPhoto_Data\xFF\xDA\x00\x08junk");
        assert!(photo_for_site(&trailer).is_ok());
        // Cut mid-scan, or a header alone: refused, not published grey.
        assert!(photo_for_site(&good[..good.len() * 2 / 3]).is_err());
        let header_only = &good[..good
            .windows(2)
            .position(|w| w == [0xFF, 0xDA])
            .unwrap_or(20)];
        assert!(photo_for_site(header_only).is_err());
        // A header claiming 13000×13000 pixels: refused before decoding.
        let mut huge = good.clone();
        let sof = huge
            .windows(2)
            .position(|w| w == [0xFF, 0xC0])
            .expect("a baseline frame");
        huge[sof + 5..sof + 7].copy_from_slice(&13_000u16.to_be_bytes());
        huge[sof + 7..sof + 9].copy_from_slice(&13_000u16.to_be_bytes());
        let err = photo_for_site(&huge).expect_err("refused");
        assert!(err.to_string().contains("13000"), "{err}");
    }
}
