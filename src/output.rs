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
/// split "315/KH-UBN / D" breaks copy and paste. Only text wraps, and
/// between words where the width allows ("Côn|g", "Nguy|ễn" never).
pub fn fit(table: &mut Table) {
    let n = table.column_count();
    let header: Vec<String> = table
        .header()
        .map(|h| h.cell_iter().map(|c| c.content()).collect())
        .unwrap_or_default();
    let mut fits = vec![ColumnFit::default(); n];
    let mut cells: Vec<Vec<String>> = vec![Vec::new(); n];
    for (i, (fit, cells)) in fits.iter_mut().zip(&mut cells).enumerate() {
        // The rows' cells: a header may wrap, what is under it may not.
        for c in table.column_cells_iter(i) {
            let c = c.map(|c| c.content()).unwrap_or_default();
            fit.see(&c);
            cells.push(c);
        }
        if let Some(h) = header.get(i) {
            fit.see_header(h);
            cells.push(h.clone());
        }
    }
    settle(table, &fits, &cells);
}

/// The longest Vietnamese syllable ("nghiêng", "thưởng"): a text column
/// is never made narrower than its longest word up to this, when the
/// width allows; longer tokens (a link) may still be split.
const SYLLABLE: usize = 7;

/// Each column's width as kh lays the table out ([`arrange`]), given to
/// comfy-table as fixed, so that it only draws: the widths are known
/// before anything is drawn, and a long table drawn in chunks has them all.
fn settle(table: &mut Table, fits: &[ColumnFit], cells: &[Vec<String>]) {
    // A table that does not wrap (markdown) is as wide as its content.
    let width = match table.content_arrangement() {
        ContentArrangement::Disabled => None,
        _ => table.width(),
    };
    let widths = arrange(fits, cells, width.unwrap_or(u16::MAX));
    for (i, (fit, w)) in fits.iter().zip(widths).enumerate() {
        if let Some(col) = table.column_mut(i) {
            if fit.filled && fit.numeric {
                col.set_cell_alignment(CellAlignment::Right);
            }
            col.set_constraint(ColumnConstraint::Absolute(comfy_table::Width::Fixed(w)));
        }
    }
}

/// Column widths, padding included, that fit `width` (borders counted),
/// from what was seen of the cells (`cells`: each column's cells of
/// distinct shapes, its header among them). A column's need is a code's or
/// number's whole width (never wrapped), or a text's longest word up to a
/// syllable.
///
/// 1. A table whose content fits is as wide as its content.
/// 2. Otherwise the width is shared out ([`share`]), a code's or number's
///    cells never wrapped.
/// 3. When every need fits, a column that came out narrower than its need
///    gets it, and the width is shared again, until none is; where they do
///    not, a text may be cut inside a word (a code or a number never is).
fn arrange(fits: &[ColumnFit], cells: &[Vec<String>], width: u16) -> Vec<u16> {
    let pad = |w: usize| w.saturating_add(2);
    let full: Vec<usize> = fits.iter().map(|f| pad(f.widest.max(f.header))).collect();
    let need: Vec<usize> = fits
        .iter()
        .map(|f| {
            pad(if f.fixed() {
                f.widest.max(f.word.min(SYLLABLE))
            } else {
                f.word.min(SYLLABLE)
            })
        })
        .collect();
    let avail = usize::from(width).saturating_sub(fits.len() + 1);
    let widths = if full.iter().sum::<usize>() <= avail {
        full
    } else {
        // A code's or number's cells are never wrapped (its header may be).
        let mut lower: Vec<Option<usize>> = fits
            .iter()
            .map(|f| f.fixed().then(|| pad(f.widest)))
            .collect();
        let mut widths = share(&full, &lower, cells, avail);
        if need.iter().sum::<usize>() <= avail {
            // Each round bounds at least one more column (a bounded one is
            // never shared less than its bound): at most a round a column,
            // most tables none or one; counted all the same.
            for _ in 0..fits.len() {
                let narrow: Vec<usize> = (0..fits.len()).filter(|&i| widths[i] < need[i]).collect();
                if narrow.is_empty() {
                    break;
                }
                for i in narrow {
                    lower[i] = Some(need[i]);
                }
                widths = share(&full, &lower, cells, avail);
            }
        }
        widths
    };
    widths
        .into_iter()
        .map(|w| u16::try_from(w).unwrap_or(u16::MAX))
        .collect()
}

/// `avail` columns shared out among columns whose content takes `full`,
/// each step settling columns while it can, the average width left growing
/// as a narrow one is settled: a column whose lower bound is above the
/// average gets its bound; one whose content fits in the average, its
/// content's width; a text that, wrapped between its words at the average,
/// takes three columns less than it, what its lines take. The columns
/// left share what remains evenly, the first ones a column more where it
/// does not divide.
fn share(
    full: &[usize],
    lower: &[Option<usize>],
    cells: &[Vec<String>],
    avail: usize,
) -> Vec<usize> {
    let n = full.len();
    let mut widths: Vec<Option<usize>> = vec![None; n];
    // The width left, and the columns still to size.
    let (mut left, mut open) = (avail, n);
    let bound = |i: usize, average: usize| lower[i].filter(|&b| b > average);
    let fits_in = |i: usize, average: usize| (full[i] <= average).then_some(full[i]);
    let wrapped = |i: usize, average: usize| -> Option<usize> {
        let lines = cells
            .get(i)
            .into_iter()
            .flatten()
            .map(|c| longest_wrapped(c, average.saturating_sub(2)))
            .max()
            .unwrap_or(0);
        let w = (lines + 2).max(lower[i].unwrap_or(0));
        (average.saturating_sub(w) >= 3).then_some(w)
    };
    let steps: [&dyn Fn(usize, usize) -> Option<usize>; 3] = [&bound, &fits_in, &wrapped];
    for step in steps {
        let mut settled = true;
        while settled && open > 0 {
            settled = false;
            for (i, slot) in widths.iter_mut().enumerate() {
                if slot.is_some() || open == 0 {
                    continue;
                }
                if let Some(w) = step(i, left / open) {
                    *slot = Some(w);
                    left = left.saturating_sub(w);
                    open -= 1;
                    settled = true;
                }
            }
        }
    }
    // A column has a character at least, padded, however narrow the
    // terminal.
    let left = left.max(3 * open);
    let each = left / open.max(1);
    let mut extra = left.saturating_sub(each * open.max(1));
    widths
        .into_iter()
        .map(|w| {
            w.unwrap_or_else(|| {
                let one = usize::from(extra > 0);
                extra = extra.saturating_sub(1);
                each + one
            })
        })
        .collect()
}

/// The widest line of `cell` wrapped at `width` columns between its words
/// (a word wider than the width on a line of its own).
fn longest_wrapped(cell: &str, width: usize) -> usize {
    let mut longest = 0;
    for line in cell.lines() {
        let mut used = 0;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let w = display_width(word);
            if used > 0 && used + 1 + w > width {
                longest = longest.max(used);
                used = w;
            } else {
                used += w + usize::from(used > 0);
            }
        }
        longest = longest.max(used);
    }
    longest
}

/// What [`fit`] learns of a column from its cells, one at a time.
#[derive(Clone, Copy, Debug)]
struct ColumnFit {
    /// The widest line of a cell.
    widest: usize,
    /// The widest line of the header.
    header: usize,
    /// The widest word, header included.
    word: usize,
    filled: bool,
    numeric: bool,
    unbroken: bool,
}

impl Default for ColumnFit {
    fn default() -> Self {
        ColumnFit {
            widest: 0,
            header: 0,
            word: 0,
            filled: false,
            numeric: true,
            unbroken: true,
        }
    }
}

impl ColumnFit {
    fn see(&mut self, cell: &str) {
        let cell = cell.trim();
        // A cell kh broke into lines itself (a path: folder, then file) is
        // as wide as its widest line, and unbroken when each line is.
        let widest = cell.lines().map(display_width).max().unwrap_or(0);
        self.widest = self.widest.max(widest);
        if cell.is_empty() {
            return;
        }
        self.see_words(cell);
        self.filled = true;
        self.numeric &= cell.parse::<f64>().is_ok();
        self.unbroken &= !cell.lines().any(|l| l.contains(char::is_whitespace));
    }

    /// A header may wrap between its words, whatever is under it.
    fn see_header(&mut self, text: &str) {
        let widest = text.lines().map(display_width).max().unwrap_or(0);
        self.header = self.header.max(widest);
        self.see_words(text);
    }

    fn see_words(&mut self, text: &str) {
        for w in text.split_whitespace() {
            self.word = self.word.max(display_width(w));
        }
    }

    /// Codes and numbers: drawn whole, never wrapped.
    fn fixed(&self) -> bool {
        self.filled && (self.numeric || self.unbroken)
    }

    /// What two parts of a column make together.
    fn merge(&mut self, other: ColumnFit) {
        self.widest = self.widest.max(other.widest);
        self.header = self.header.max(other.header);
        self.word = self.word.max(other.word);
        self.filled |= other.filled;
        self.numeric &= other.numeric;
        self.unbroken &= other.unbroken;
    }
}

/// The columns a line takes on a terminal, as comfy-table counts them.
fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// What sizing a column sees of a cell: where its lines and spaces are and
/// how wide each grapheme is. Cells alike in this wrap alike ("Đơn vị số
/// 12" and "Trường THCS 45" differ; "Đơn vị số 12" and "Đơn vị số 34" do
/// not), so a long table keeps one cell of each shape. Written into `out`,
/// which a long table reuses from cell to cell.
fn shape(cell: &str, out: &mut String) {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    out.clear();
    // Printable ASCII is one column a character: most cells (numbers,
    // codes) need no segmenting.
    if cell.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        out.extend(cell.chars().map(|c| if c == ' ' { ' ' } else { '1' }));
        out.push('\n');
        return;
    }
    for line in cell.split('\n') {
        let mut sum = 0;
        for g in line.graphemes(true) {
            let w = g.width();
            sum += w;
            out.push(match g {
                " " => ' ',
                _ => char::from_digit(w.min(9) as u32, 10).unwrap_or('9'),
            });
        }
        if sum != line.width() {
            out.clear();
            out.push('\u{1}');
            out.push_str(cell);
            return;
        }
        out.push('\n');
    }
}

/// Rows drawn in one piece at most: comfy-table keeps every cell of a table
/// as several allocations, and a round's unit table has a row per unit.
const CHUNK: usize = 256;

/// Writes a table (no newline after its last line) as `table.to_string()`
/// would after [`fit`], `new_table` giving it its style and width, `row(i)`
/// its `len` rows (each worded twice for a long table). A long table's
/// widths are worked out from a first pass over its rows, on all cores,
/// keeping one cell of each shape; then it is drawn a chunk of rows at a
/// time at those widths, the first chunk with the header, the others
/// without, their borders joined.
pub fn write_table(
    out: &mut dyn Write,
    new_table: &(dyn Fn() -> Table + Sync),
    header: &[String],
    len: usize,
    row: &(dyn Fn(usize) -> Vec<String> + Sync),
) -> std::io::Result<()> {
    use rayon::prelude::*;
    if len <= CHUNK {
        let mut t = new_table();
        t.set_header(header.to_vec());
        t.add_rows((0..len).map(row));
        fit(&mut t);
        return write!(out, "{t}");
    }
    let columns = header.len();
    let (mut fits, shapes) = (0..len)
        .into_par_iter()
        .fold(
            || Seen::new(columns),
            |mut seen, i| {
                seen.add(row(i));
                seen
            },
        )
        .reduce(|| Seen::new(columns), Seen::merge)
        .into_parts();
    let mut cells: Vec<Vec<String>> = shapes
        .into_iter()
        .map(|s| s.into_values().collect())
        .collect();
    cells.resize_with(fits.len().max(cells.len()), Vec::new);
    for ((fit, cells), h) in fits.iter_mut().zip(&mut cells).zip(header) {
        fit.see_header(h);
        cells.push(h.clone());
    }
    let style = new_table().style();
    let drawn = |l: &comfy_table::LineStyle| l.left.is_some() || l.fill.is_some();
    let (has_top, has_bottom) = (drawn(&style.top_border), drawn(&style.bottom_border));

    // Chunks drawn on all cores, a few per core at a time (not the whole
    // table's lines at once), written in order, their borders joined.
    let chunk = |c: usize| -> Vec<String> {
        let mut t = new_table();
        if c == 0 {
            t.set_header(header.to_vec());
        }
        t.add_rows((c * CHUNK..((c + 1) * CHUNK).min(len)).map(row));
        settle(&mut t, &fits, &cells);
        t.lines().collect()
    };
    let chunks = len.div_ceil(CHUNK);
    let at_once = 2 * rayon::current_num_threads();
    for batch in (0..chunks).step_by(at_once) {
        let drawn: Vec<Vec<String>> = (batch..(batch + at_once).min(chunks))
            .into_par_iter()
            .map(chunk)
            .collect();
        for (c, lines) in (batch..).zip(&drawn) {
            let (first, last) = (c == 0, c + 1 == chunks);
            // Where two chunks meet: a later one's top border, an earlier
            // one's bottom.
            let start = usize::from(!first && has_top);
            let end = lines.len() - usize::from(!last && has_bottom);
            for (k, line) in lines[start.min(end)..end].iter().enumerate() {
                if !(first && k == 0) {
                    out.write_all(b"\n")?;
                }
                out.write_all(line.as_bytes())?;
            }
        }
    }
    Ok(())
}

/// What a long table's first pass learns of its columns: how `fit` sizes
/// each, and one cell of each shape.
struct Seen {
    fits: Vec<ColumnFit>,
    shapes: Vec<std::collections::HashMap<String, String>>,
    buf: String,
}

impl Seen {
    fn new(columns: usize) -> Self {
        Seen {
            fits: vec![ColumnFit::default(); columns],
            shapes: vec![Default::default(); columns],
            buf: String::new(),
        }
    }

    fn add(&mut self, row: Vec<String>) {
        for (i, cell) in row.into_iter().enumerate() {
            if i >= self.shapes.len() {
                self.shapes.resize_with(i + 1, Default::default);
                self.fits.resize_with(i + 1, Default::default);
            }
            self.fits[i].see(&cell);
            shape(&cell, &mut self.buf);
            if !self.shapes[i].contains_key(&self.buf) {
                self.shapes[i].insert(self.buf.clone(), cell);
            }
        }
    }

    fn merge(mut self, other: Seen) -> Seen {
        if other.fits.len() > self.fits.len() {
            self.fits.resize_with(other.fits.len(), Default::default);
            self.shapes
                .resize_with(other.shapes.len(), Default::default);
        }
        for (i, (fit, shapes)) in other.fits.into_iter().zip(other.shapes).enumerate() {
            self.fits[i].merge(fit);
            for (k, v) in shapes {
                self.shapes[i].entry(k).or_insert(v);
            }
        }
        self
    }

    fn into_parts(
        self,
    ) -> (
        Vec<ColumnFit>,
        Vec<std::collections::HashMap<String, String>>,
    ) {
        (self.fits, self.shapes)
    }
}

/// A writer that notes whether the reader went away (a closed pipe), so
/// that an error it caused, however wrapped, ends the run quietly.
pub struct PipeWatch<'w> {
    out: &'w mut dyn Write,
    closed: bool,
}

impl<'w> PipeWatch<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        PipeWatch { out, closed: false }
    }

    pub fn closed(&self) -> bool {
        self.closed
    }

    fn watch<T>(&mut self, r: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &r
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            self.closed = true;
        }
        r
    }
}

impl Write for PipeWatch<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let r = self.out.write(buf);
        self.watch(r)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let r = self.out.flush();
        self.watch(r)
    }
}

/// A writer that holds back trailing whitespace, and ends with one newline:
/// what `trim_end` and a newline make of the whole output, for output
/// written as it is made. (ASCII whitespace: what the tables end with.)
pub struct TrimEnd<'w> {
    out: &'w mut dyn Write,
    held: Vec<u8>,
}

impl<'w> TrimEnd<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        TrimEnd {
            out,
            held: Vec::new(),
        }
    }

    pub fn finish(self) -> std::io::Result<()> {
        self.out.write_all(b"\n")
    }
}

impl Write for TrimEnd<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let body = buf
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .map_or(0, |i| i + 1);
        if body > 0 {
            self.out.write_all(&self.held)?;
            self.held.clear();
            self.out.write_all(&buf[..body])?;
        }
        self.held.extend_from_slice(&buf[body..]);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Columns a text takes, counted as characters: Vietnamese is one column
/// each (named apart from the unicode-width crate, which counts otherwise).
fn char_columns(s: &str) -> usize {
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

/// The width prose lines wrap at: the same as tables'.
pub fn prose_width() -> u16 {
    let columns = std::env::var("COLUMNS").ok();
    table_width(Table::new().width(), columns.as_deref())
}

/// `text` wrapped at `width` columns between words (a word longer than
/// the width stays whole on its own line); lines already broken stay so.
pub fn wrap(text: &str, width: u16) -> String {
    let width = usize::from(width);
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let mut used = 0;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let w = char_columns(word);
            if used > 0 && used + 1 + w > width {
                out.push('\n');
                used = 0;
            } else if used > 0 {
                out.push(' ');
                used += 1;
            }
            out.push_str(word);
            used += w;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn prose_wraps_between_words() {
        let line = "Đối chiếu: 22 đề nghị trong bảng phong trào + 0 không đọc được + 0 ngoài thư mục đơn vị = 22 tệp đã tìm thấy";
        let wrapped = super::wrap(line, 40);
        assert!(
            wrapped.lines().all(|l| super::char_columns(l) <= 40),
            "{wrapped}"
        );
        assert_eq!(wrapped.replace('\n', " "), line);
        assert_eq!(super::wrap("một\nhai ba", 80), "một\nhai ba");
        assert_eq!(
            super::wrap("https://a.very/long/link x", 5),
            "https://a.very/long/link\nx"
        );
    }

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

    /// A long table (2,100 rows: more chunks than are drawn at once) drawn
    /// a chunk at a time is the table drawn whole, in
    /// every style and at every width, wrapped names, wide characters,
    /// empty and numeric columns included.
    #[test]
    fn long_tables_are_drawn_as_whole_ones() {
        let words = [
            "Phòng",
            "Văn hóa",
            "và",
            "Thông tin",
            "huyện",
            "Kim Bảng",
            "Trường",
            "THCS",
            "Lý Thường Kiệt",
            "中文",
            "Ủy ban nhân dân xã",
            "Đinh",
        ];
        let rows: Vec<Vec<String>> = (0..2100usize)
            .map(|i| {
                let name: Vec<&str> = (0..1 + i % 7)
                    .map(|k| words[(i * 7 + k * 3) % words.len()])
                    .collect();
                vec![
                    name.join(" "),
                    format!(
                        "{}/3{}",
                        i % 5,
                        if i % 11 == 0 {
                            " ⚠ vượt mức"
                        } else {
                            ""
                        }
                    ),
                    (i % 13).to_string(),
                    String::new(),
                    format!("ma-{}", i * 37 % 1000),
                ]
            })
            .collect();
        let header: Vec<String> = ["Đơn vị", "Đề nghị / tối đa", "TT", "Nhóm đối tượng", "Mã"]
            .map(String::from)
            .to_vec();
        for width in [30u16, 50, 80, 200] {
            for style in [Some(false), Some(true), None] {
                let new_table = || {
                    let mut t = Table::new();
                    match style {
                        Some(unicode) => {
                            TableStyle { unicode }.apply(&mut t);
                            t.set_width(width);
                        }
                        None => {
                            t.load_style(comfy_table::presets::ASCII_MARKDOWN);
                        }
                    }
                    t
                };
                let mut whole = new_table();
                whole.set_header(header.clone());
                whole.add_rows(rows.clone());
                fit(&mut whole);
                let mut out = Vec::new();
                let row = |i: usize| rows[i].clone();
                let written = write_table(&mut out, &new_table, &header, rows.len(), &row);
                assert!(written.is_ok());
                assert_eq!(
                    String::from_utf8_lossy(&out),
                    whole.to_string(),
                    "width {width}, style {style:?}"
                );
            }
        }
    }

    /// What kh's layout promises, over many tables of kh's kinds of cell
    /// at many widths: a table that fits is as wide as its content; one
    /// that does not fits the width whenever every column's need does, no
    /// code or number is narrower than its widest cell, no text narrower
    /// than its longest word up to a syllable; and the widths are known
    /// before anything is drawn, so the drawn table has them.
    #[test]
    fn the_layout_fits_and_keeps_words_and_codes_whole() {
        let words = [
            "Sở",
            "Nông",
            "nghiệp",
            "và",
            "Phát",
            "triển",
            "Ủy",
            "ban",
            "nhân",
            "dân",
            "xã",
            "Thanh",
            "Sơn",
            "huyện",
            "Kim",
            "Bảng",
            "Learning",
            "(mục",
            "IV.1)",
            "中文",
            "administrative",
        ];
        let mut seed = 7u64;
        let mut rnd = |m: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % m
        };
        for _ in 0..2000 {
            let cols = 2 + rnd(6);
            let width = 30 + rnd(150) as u16;
            let cell = |rnd: &mut dyn FnMut(usize) -> usize, col: usize| match col % 3 {
                0 => rnd(1000).to_string(),
                1 => format!("ma-{}/KH-UBND", rnd(1000)),
                _ => (0..1 + rnd(9))
                    .map(|_| words[rnd(words.len())])
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            let header: Vec<String> = (0..cols).map(|c| format!("Cột {c}")).collect();
            let body: Vec<Vec<String>> = (0..1 + rnd(5))
                .map(|_| (0..cols).map(|c| cell(&mut rnd, c)).collect())
                .collect();
            let mut fits = vec![ColumnFit::default(); cols];
            let mut cells = vec![Vec::new(); cols];
            for row in &body {
                for (c, v) in row.iter().enumerate() {
                    fits[c].see(v);
                    cells[c].push(v.clone());
                }
            }
            for (c, h) in header.iter().enumerate() {
                fits[c].see_header(h);
                cells[c].push(h.clone());
            }
            let widths = arrange(&fits, &cells, width);
            let total: usize = widths.iter().map(|&w| usize::from(w)).sum::<usize>() + cols + 1;
            let content: usize = fits
                .iter()
                .map(|f| f.widest.max(f.header) + 2)
                .sum::<usize>()
                + cols
                + 1;
            let need = |f: &ColumnFit| {
                let word = f.word.min(SYLLABLE);
                (if f.fixed() { f.widest.max(word) } else { word }) + 2
            };
            let needs: usize = fits.iter().map(need).sum::<usize>() + cols + 1;
            if content <= usize::from(width) {
                assert_eq!(total, content, "a table that fits is its content's width");
                continue;
            }
            for (f, &w) in fits.iter().zip(&widths) {
                if f.fixed() {
                    assert!(usize::from(w) >= f.widest + 2, "{f:?} {w}");
                }
                if needs <= usize::from(width) {
                    assert!(usize::from(w) >= need(f), "{f:?} {w}");
                }
            }
            if needs <= usize::from(width) {
                assert!(total <= usize::from(width), "{total} > {width}: {widths:?}");
            }
            if needs > usize::from(width) {
                continue;
            }
            // Drawn at those widths: every line as wide as the table.
            let mut t = Table::new();
            TableStyle { unicode: true }.apply(&mut t);
            t.set_width(width);
            t.set_header(header.clone());
            t.add_rows(body.clone());
            fit(&mut t);
            for line in t.lines() {
                assert_eq!(display_width(&line), total, "{line}");
            }
        }
    }

    #[test]
    fn trailing_whitespace_is_held_back() {
        let mut buf = Vec::new();
        {
            let mut w = TrimEnd::new(&mut buf);
            let _ = write!(w, "a \n\n");
            let _ = write!(w, "b\n\n  ");
            let _ = w.finish();
        }
        assert_eq!(String::from_utf8_lossy(&buf), "a \n\nb\n");
    }
}
