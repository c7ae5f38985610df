//! The documents a round ends in (SPEC §12), beneath the commands that
//! write them: each nomination on the plan's form, the list for the
//! Chairman, letters back to the units, the round's workbook, the exemplar
//! pages, and the model of a nomination they print from. Documents are
//! Vietnamese documents whatever `--lang` says.

pub mod forms;
pub mod issuer;
pub mod letters;
pub mod list;
pub mod pages;
pub mod shown;
pub mod wording;
pub mod xlsx;

use chrono::{Datelike, NaiveDate};

use crate::docx::{self, Align, Cell, Para, Table, cell, para, run};

/// "Thanh Liêm, ngày 05 tháng 10 năm 2023", or dots to fill by hand.
pub fn place_date_at(place: &str, date: Option<NaiveDate>) -> String {
    match date {
        Some(d) => format!(
            "{place}, ngày {:02} tháng {:02} năm {}",
            d.day(),
            d.month(),
            d.year()
        ),
        None => format!("{place}, ngày …… tháng …… năm ……"),
    }
}

/// The heading of an administrative document (ND 30/2020): the issuer on
/// the left (its parent plain, its own name bold, a short rule under it),
/// the national name and motto of its system on the right (SPEC §12), and
/// its place and the date under the motto.
pub fn heading_of(
    who: &issuer::Issuer,
    left_below: &[&str],
    date: Option<NaiveDate>,
    width: f64,
) -> Table {
    use crate::vocab::Motto;
    let left = width * 0.36;
    let mut t = Table::new(vec![left, width - left], false);
    let mut lp: Vec<Para> = Vec::new();
    for line in &who.parent {
        lp.push(
            para(vec![run(line.as_str()).size(13.0)])
                .align(Align::Center)
                .after(0.0),
        );
    }
    for line in &who.body {
        lp.push(
            para(vec![run(line.as_str()).size(13.0).bold()])
                .align(Align::Center)
                .after(0.0),
        );
    }
    // A Party body's issuer is closed by an asterisk, a State body's by a
    // rule (#34.6).
    let close = if who.motto == Motto::Dang {
        "*"
    } else {
        "———————"
    };
    lp.push(
        para(vec![run(close).size(10.0)])
            .align(Align::Center)
            .after(4.0),
    );
    for line in left_below {
        lp.push(
            para(vec![run(*line).size(13.0)])
                .align(Align::Center)
                .after(0.0),
        );
    }
    let mut rp = match who.motto {
        Motto::NhaNuoc => vec![
            para(vec![
                run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold().size(12.0),
            ])
            .align(Align::Center)
            .after(0.0),
            para(vec![run("Độc lập - Tự do - Hạnh phúc").bold().size(14.0)])
                .align(Align::Center)
                .after(0.0),
        ],
        Motto::Dang => vec![
            para(vec![run("ĐẢNG CỘNG SẢN VIỆT NAM").bold().size(14.0)])
                .align(Align::Center)
                .after(0.0),
        ],
        Motto::Doan => vec![
            para(vec![run("ĐOÀN TNCS HỒ CHÍ MINH").bold().size(14.0)])
                .align(Align::Center)
                .after(0.0),
        ],
    };
    rp.push(
        para(vec![run("———————————————").size(10.0)])
            .align(Align::Center)
            .after(4.0),
    );
    rp.push(
        para(vec![run(place_date_at(&who.place, date)).italic()])
            .align(Align::Center)
            .after(0.0),
    );
    t.row(vec![cell(lp), cell(rp)], false);
    t
}

/// Width of the text block, millimetres: A4 less the margins.
pub fn text_width(landscape: bool) -> f64 {
    if landscape {
        297.0 - 45.0
    } else {
        210.0 - 45.0
    }
}

/// A bordered table's header cell.
pub fn th(text: &str) -> Cell {
    cell(vec![
        para(vec![run(text).bold().size(12.0)])
            .align(Align::Center)
            .after(0.0),
    ])
}

/// A bordered table's body cell.
pub fn td(text: &str, align: Align) -> Cell {
    cell(vec![
        para(vec![run(text).size(12.0)]).align(align).after(0.0),
    ])
}

/// The documents' own dots for what the file leaves blank.
pub fn or_dots(s: Option<&str>) -> String {
    match s.map(str::trim) {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => "…………………………".to_string(),
    }
}

/// A document as bytes.
pub fn bytes(doc: &docx::Doc) -> anyhow::Result<Vec<u8>> {
    Ok(docx::to_bytes(doc)?)
}
