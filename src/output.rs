//! Writing to the terminal: tables that fit it, and standard output that
//! a closed pipe ends quietly.

use std::io::Write;

use anyhow::Result;
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table};

/// How tables are drawn.
#[derive(Clone, Copy, Debug)]
pub struct TableStyle {
    pub unicode: bool,
}

/// The width to fit tables in: the terminal's when it reports one (a
/// terminal that says 0×0 does not count), else `COLUMNS`, else 80.
pub fn table_width(detected: Option<u16>, columns: Option<&str>) -> u16 {
    detected
        .filter(|w| *w >= 20)
        .or_else(|| {
            columns
                .and_then(|c| c.trim().parse::<u16>().ok())
                .filter(|w| *w >= 20)
        })
        .unwrap_or(80)
}

impl TableStyle {
    /// The borders, and a width to fit.
    pub fn apply(self, table: &mut Table) {
        table.load_style(if self.unicode {
            comfy_table::presets::UTF8_FULL_CONDENSED
        } else {
            comfy_table::presets::ASCII_FULL_CONDENSED
        });
        table.set_content_arrangement(ContentArrangement::Dynamic);
        let columns = std::env::var("COLUMNS").ok();
        let width = table_width(table.width(), columns.as_deref());
        table.set_width(width);
    }
}

/// Once the rows are in: a column of numbers is right-aligned, and a column
/// of codes, slugs, paths and numbers (no spaces) is never wrapped — a
/// split "315/KH-UBN / D" breaks copy and paste. Only text wraps.
pub fn fit(table: &mut Table) {
    let n = table.column_count();
    for i in 0..n {
        // The rows' cells: a header may wrap, what is under it may not.
        let cells: Vec<String> = table
            .column_cells_iter(i)
            .map(|c| c.map(|c| c.content()).unwrap_or_default())
            .collect();
        let widest = cells
            .iter()
            .map(|c| unicode_width(c.trim()))
            .max()
            .unwrap_or(0);
        let filled: Vec<&String> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        let numeric = filled.iter().all(|c| c.trim().parse::<f64>().is_ok());
        let unbroken = filled
            .iter()
            .all(|c| !c.trim().contains(char::is_whitespace));
        if let Some(col) = table.column_mut(i) {
            if numeric {
                col.set_cell_alignment(CellAlignment::Right);
            }
            if numeric || unbroken {
                col.set_constraint(ColumnConstraint::LowerBoundary(
                    // The boundary counts the cell's padding, one space a side.
                    comfy_table::Width::Fixed(widest as u16 + 2),
                ));
            }
        }
    }
}

/// Columns a text takes: characters, Vietnamese being one column each.
fn unicode_width(s: &str) -> usize {
    s.chars().count()
}

/// Writes to stdout; a closed pipe (`kh … | head`) is not an error.
pub fn print(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_terminal_falls_back() {
        assert_eq!(table_width(Some(0), None), 80);
        assert_eq!(table_width(Some(0), Some("132")), 132);
        assert_eq!(table_width(None, Some("abc")), 80);
        assert_eq!(table_width(Some(200), Some("80")), 200);
        assert_eq!(table_width(None, None), 80);
    }

    #[test]
    fn codes_and_numbers_never_wrap() {
        let mut t = Table::new();
        TableStyle { unicode: false }.apply(&mut t);
        t.set_width(40);
        t.set_header(vec!["Mã", "Phong trào thi đua", "Số"]);
        t.add_row(vec![
            "hoc-tap-lam-theo-bac",
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "12",
        ]);
        fit(&mut t);
        let out = t.to_string();
        assert!(out.contains("hoc-tap-lam-theo-bac"), "{out}");
        assert!(out.contains(" 12 |"), "right-aligned: {out}");
    }
}
