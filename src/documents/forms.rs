//! `kh export forms`: each nomination on the plan's form for its kind, one
//! `.docx` per file, written on all cores, one at a time each.

use crate::form::NomineeKey;
use chrono::NaiveDate;

use crate::documents::issuer::{Issuer, single_spaced};
use crate::documents::{self, td, text_width, th};
use crate::docx::{Align, Doc, Table, cell, para, run};
use crate::template::Draft;
use crate::vocab::Kind;

fn line(label: &str, value: Option<&str>, key: &'static str) -> crate::docx::Para {
    para(vec![
        run(format!("- {label}: ")),
        run(documents::or_dots(value)).tag(key),
    ])
    .align(Align::Both)
    .indent(10.0)
    .after(3.0)
}

fn section(title: &str) -> crate::docx::Para {
    para(vec![run(title).bold()])
        .keep_next()
        .after(4.0)
        .indent(10.0)
}

/// The plan's form for one nomination: its heading, the three sections of
/// the form, and the signatures.
pub fn form(d: &Draft, who: &Issuer, draft: bool, date: Option<NaiveDate>) -> Doc {
    let width = text_width(false);
    let mut doc = Doc {
        title: d.title().unwrap_or_default(),
        ..Doc::default()
    };
    doc.table(documents::heading_of(who, &[], date, width));
    doc.push(para(vec![]).after(6.0));
    title_lines(&mut doc, d, draft);
    about(&mut doc, d);
    achievements(&mut doc, d);
    awards(&mut doc, d, width);
    doc.push(para(vec![]).after(6.0));
    doc.sign_off(signatures(d, who, width));
    doc
}

/// The form's title, marked a draft where it is one, and its campaign.
fn title_lines(doc: &mut Doc, d: &Draft, draft: bool) {
    let collective = d.kind == Kind::TapThe;
    let title = if collective {
        "BÁO CÁO THÀNH TÍCH\nTẬP THỂ ĐIỂN HÌNH TIÊN TIẾN"
    } else {
        "BÁO CÁO THÀNH TÍCH\nHỘ GIA ĐÌNH, CÁ NHÂN ĐIỂN HÌNH TIÊN TIẾN"
    };
    if draft {
        doc.push(
            para(vec![run("DỰ THẢO").bold().italic()])
                .align(Align::Center)
                .after(0.0),
        );
    }
    doc.push(
        para(vec![run(title).bold()])
            .align(Align::Center)
            .after(4.0),
    );
    doc.push(
        para(vec![
            run(format!("Phong trào thi đua {}", d.campaign_line())).italic(),
        ])
        .align(Align::Center)
        .after(12.0),
    );
}

/// Section 1: the collective's situation, or the person's short biography.
fn about(doc: &mut Doc, d: &Draft) {
    if d.kind == Kind::TapThe {
        doc.push(section("1. Đặc điểm tình hình:"));
        let name = d.nominee(NomineeKey::Name).map(single_spaced);
        doc.push(line("Tên tập thể", name.as_deref(), "nominee.name"));
        doc.push(line(
            "Quá trình thành lập",
            d.nominee(NomineeKey::Founded),
            "nominee.founded",
        ));
        doc.push(line(
            "Cơ cấu bộ máy tổ chức",
            d.nominee(NomineeKey::Structure),
            "nominee.structure",
        ));
        doc.push(line(
            "Chức năng, nhiệm vụ",
            d.nominee(NomineeKey::Duties),
            "nominee.duties",
        ));
    } else {
        doc.push(section("1. Sơ lược lý lịch:"));
        let name_label = if d.kind == Kind::HoGiaDinh {
            "Họ và tên (chủ hộ)"
        } else {
            "Họ và tên"
        };
        let name = d.nominee(NomineeKey::FullName).map(single_spaced);
        doc.push(line(name_label, name.as_deref(), "nominee.full_name"));
        doc.push(line(
            "Ngày, tháng, năm sinh",
            d.nominee(NomineeKey::BirthDate),
            "nominee.birth_date",
        ));
        doc.push(line(
            "Quê quán",
            d.nominee(NomineeKey::Hometown),
            "nominee.hometown",
        ));
        let works =
            d.nominee(NomineeKey::Position).is_some() || d.nominee(NomineeKey::Workplace).is_some();
        doc.push(line(
            "Chức vụ, đơn vị công tác (hoặc hộ khẩu thường trú)",
            d.position_line().as_deref(),
            // A blank line is a person's workplace, a household's residence.
            if works || (d.nominee(NomineeKey::Residence).is_none() && d.kind != Kind::HoGiaDinh) {
                "nominee.workplace"
            } else {
                "nominee.residence"
            },
        ));
    }
}

/// Section 2: the achievements, a paragraph per line.
fn achievements(doc: &mut Doc, d: &Draft) {
    doc.push(section("2. Thành tích tiêu biểu xuất sắc đã đạt được:"));
    if d.achievements.is_empty() {
        doc.push(para(vec![run(documents::or_dots(None))]).indent(10.0));
    }
    // A line break in an achievement is a paragraph of its own: a justified
    // line ended by a break is stretched across the page.
    for a in &d.achievements {
        for text in a.text.split('\n').map(str::trim).filter(|t| !t.is_empty()) {
            doc.push(
                para(vec![run(text).tag("achievements")])
                    .align(Align::Both)
                    .indent(10.0),
            );
        }
    }
}

/// Section 3: the commendation history, as a table.
fn awards(doc: &mut Doc, d: &Draft, width: f64) {
    doc.push(section("3. Quá trình khen thưởng:"));
    if d.awards.is_empty() {
        doc.push(para(vec![run("Chưa có")]).indent(10.0));
    } else {
        let mut t = Table::new(vec![20.0, width - 20.0 - 55.0, 55.0], true);
        t.row(
            vec![
                th("Năm"),
                th("Hình thức khen thưởng"),
                th("Số, ngày quyết định"),
            ],
            true,
        );
        for a in &d.awards {
            let decision = match (a.decision.is_empty(), a.date.is_empty()) {
                (false, false) => format!("{}, ngày {}", a.decision, a.date),
                (false, true) => a.decision.clone(),
                (true, false) => format!("ngày {}", a.date),
                (true, true) => String::new(),
            };
            t.row(
                vec![
                    td(&a.year, Align::Center),
                    td(&a.title, Align::Left),
                    td(&decision, Align::Left),
                ],
                false,
            );
        }
        doc.table(t);
    }
}

/// Who signs the form: the head of a collective; a person and the head who
/// confirms; a household head and the commune's chairman.
fn signatures(d: &Draft, who: &Issuer, width: f64) -> Table {
    let collective = d.kind == Kind::TapThe;
    let household = d.kind == Kind::HoGiaDinh;
    let mut sig = Table::new(vec![width / 2.0, width / 2.0], false);
    // A block: who signs (heading lines), how, room to sign, the name.
    let block = |heads: &[&str], hint: &str, name: Option<&str>| {
        let mut ps: Vec<crate::docx::Para> = heads
            .iter()
            .map(|h| para(vec![run(*h).bold()]).align(Align::Center).after(0.0))
            .collect();
        ps.push(
            para(vec![run(hint).italic()])
                .align(Align::Center)
                .after(60.0),
        );
        ps.push(
            para(vec![run(name.unwrap_or("")).bold()])
                .align(Align::Center)
                .after(0.0),
        );
        cell(ps)
    };
    let head = who.signer_title.as_str();
    let person = d.nominee(NomineeKey::FullName).map(single_spaced);
    if collective {
        sig.row(
            vec![cell(vec![]), block(&[head], "(Ký, đóng dấu)", None)],
            false,
        );
    } else if household {
        sig.row(
            vec![
                block(
                    &["XÁC NHẬN CỦA UBND XÃ", "(PHƯỜNG, THỊ TRẤN)", "CHỦ TỊCH"],
                    "(Ký, đóng dấu)",
                    None,
                ),
                block(&["CHỦ HỘ"], "(Ký, ghi rõ họ và tên)", person.as_deref()),
            ],
            false,
        );
    } else {
        let heads: Vec<&str> = if head == "THỦ TRƯỞNG ĐƠN VỊ" {
            vec!["XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ"]
        } else {
            vec!["XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", head]
        };
        sig.row(
            vec![
                block(&heads, "(Ký, đóng dấu)", None),
                block(
                    &["NGƯỜI BÁO CÁO THÀNH TÍCH"],
                    "(Ký, ghi rõ họ và tên)",
                    person.as_deref(),
                ),
            ],
            false,
        );
    }
    sig
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{Request, write};

    /// `kh export forms --blank` prints the blank draft itself: the same
    /// form as the file it keeps would print once read back, for every
    /// campaign and kind it takes, named or not.
    #[test]
    fn a_blank_draft_prints_as_its_file_reads_back() {
        let who = Issuer::of_unit(&Default::default(), "Sở Y tế");
        for c in crate::campaign::CAMPAIGNS {
            for kind in [Kind::TapThe, Kind::CaNhan, Kind::HoGiaDinh] {
                if !c.takes(kind) {
                    continue;
                }
                for name in ["", "Nguyễn Thị Hoa"] {
                    let blank = Draft::blank(&Request {
                        campaign: c,
                        kind,
                        role: None,
                        name,
                    });
                    let read_back = Draft::shown(&write(&blank));
                    let print = |d: &Draft| crate::documents::bytes(&form(d, &who, false, None));
                    assert_eq!(
                        print(&blank).ok(),
                        print(&read_back).ok(),
                        "{} {kind:?} {name:?}",
                        c.slug
                    );
                }
            }
        }
    }
}
