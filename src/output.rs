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
    for (i, fit) in fits.iter_mut().enumerate() {
        // The rows' cells: a header may wrap, what is under it may not.
        for c in table.column_cells_iter(i) {
            fit.see(&c.map(|c| c.content()).unwrap_or_default());
        }
        if let Some(h) = header.get(i) {
            fit.see_words(h);
        }
    }
    settle(table, &fits);
}

/// The longest Vietnamese syllable ("nghiêng", "thưởng"): a text column
/// is never made narrower than its longest word up to this, when the
/// width allows; longer tokens (a link) may still be split.
const SYLLABLE: usize = 7;

/// Sizes `table`'s columns from what was seen of them: codes and numbers
/// their whole width, always; then, drawn once as comfy-table would, each
/// text column it made narrower than its longest word (up to
/// [`SYLLABLE`]) gets that word's width, when the table still fits.
fn settle(table: &mut Table, fits: &[ColumnFit]) {
    for (i, fit) in fits.iter().enumerate() {
        if let Some(col) = table.column_mut(i) {
            fit.apply(col);
        }
    }
    let Some(width) = table.width() else {
        return;
    };
    let Some(drawn) = drawn_widths(table) else {
        return;
    };
    // A column's need: a code's or number's whole width and its header's
    // words; a text's longest word, up to a syllable.
    let need = |f: &ColumnFit| -> u16 {
        let word = f.word.min(SYLLABLE);
        let fixed = f.filled && (f.numeric || f.unbroken);
        (if fixed { f.widest.max(word) } else { word }) as u16 + 2
    };
    let wanted: Vec<u16> = fits
        .iter()
        .zip(&drawn)
        .map(|(f, &d)| d.max(need(f)))
        .collect();
    if wanted == drawn {
        return;
    }
    // Whether every column can have its need within the width.
    let floor: usize = fits.iter().map(|f| usize::from(need(f))).sum();
    if floor + fits.len() + 1 > usize::from(width) {
        return;
    }
    // Only the columns drawn too narrow: a bound on the others would
    // change how comfy-table shares the width among them.
    for (i, (&w, &d)) in wanted.iter().zip(&drawn).enumerate() {
        if w != d
            && let Some(col) = table.column_mut(i)
        {
            col.set_constraint(ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(
                w,
            )));
        }
    }
}

/// The widths comfy-table gives the columns, padding included, read off
/// the table drawn; `None` for a style with no border to read.
fn drawn_widths(table: &Table) -> Option<Vec<u16>> {
    let style = table.style();
    let joined = |l: &comfy_table::LineStyle| l.junction.is_some() && l.junction != l.fill;
    let sep = style.header_separator;
    let top = style.top_border;
    let lines: Vec<String> = table.lines().collect();
    let (border, line) = if top.fill.is_some() && joined(&top) {
        (top, lines.first()?)
    } else if joined(&sep) {
        let at = lines.iter().position(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| [sep.left, sep.fill, sep.junction, sep.right].contains(&Some(c)))
        })?;
        (sep, &lines[at])
    } else {
        return None;
    };
    Some(column_widths(
        line,
        border.left,
        border.junction,
        border.right,
    ))
}

/// What [`fit`] learns of a column from its cells, one at a time.
#[derive(Clone, Copy, Debug)]
struct ColumnFit {
    widest: usize,
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
        let widest = cell.lines().map(char_columns).max().unwrap_or(0);
        self.widest = self.widest.max(widest);
        if cell.is_empty() {
            return;
        }
        self.see_words(cell);
        self.filled = true;
        self.numeric &= cell.parse::<f64>().is_ok();
        self.unbroken &= !cell.lines().any(|l| l.contains(char::is_whitespace));
    }

    fn see_words(&mut self, text: &str) {
        for w in text.split_whitespace() {
            self.word = self.word.max(char_columns(w));
        }
    }

    /// What two parts of a column make together.
    fn merge(&mut self, other: ColumnFit) {
        self.widest = self.widest.max(other.widest);
        self.word = self.word.max(other.word);
        self.filled |= other.filled;
        self.numeric &= other.numeric;
        self.unbroken &= other.unbroken;
    }

    fn apply(&self, col: &mut comfy_table::Column) {
        if !self.filled {
            return;
        }
        if self.numeric {
            col.set_cell_alignment(CellAlignment::Right);
        }
        if self.numeric || self.unbroken {
            col.set_constraint(ColumnConstraint::LowerBoundary(
                // The boundary counts the cell's padding, one space a side.
                comfy_table::Width::Fixed(self.widest as u16 + 2),
            ));
        }
    }
}

/// What comfy-table's sizing of a column sees of a cell: where its lines
/// and spaces are and how wide each grapheme is. Cells alike in this are
/// sized alike ("Đơn vị số 12" and "Trường THCS 45" differ; "Đơn vị số 12"
/// and "Đơn vị số 34" do not). A cell whose width is not the sum of its
/// graphemes' is its own shape. Written into `out`, which a long table
/// reuses from cell to cell.
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
/// would, `new_table` giving it its style and width, `row(i)` its `len`
/// rows (each worded twice for a long table). A long table is sized first
/// on a stand-in holding each column's cells of distinct shapes once — the
/// widths comfy-table picks depend on a column's values, not on which row
/// holds them — and then drawn a chunk of rows at a time at those widths,
/// each chunk's borders trimmed where they meet.
pub fn write_table(
    out: &mut dyn Write,
    new_table: &(dyn Fn() -> Table + Sync),
    header: &[String],
    len: usize,
    row: &(dyn Fn(usize) -> Vec<String> + Sync),
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let whole = || {
        let mut t = new_table();
        t.set_header(header.to_vec());
        t
    };
    // Short, or with no border to measure: drawn whole.
    let drawn_whole = |out: &mut dyn Write| {
        let mut t = whole();
        t.add_rows((0..len).map(row));
        fit(&mut t);
        write!(out, "{t}")
    };
    if len <= CHUNK {
        return drawn_whole(out);
    }
    // Each column's cells of distinct shapes, as ragged rows of a stand-in
    // table that comfy-table sizes as it would the whole; what `fit` makes
    // of a column is learnt from every cell. Gone over on all cores.
    let columns = header.len();
    let (fits, shapes) = (0..len)
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
    let mut columns: Vec<Vec<String>> = shapes
        .into_iter()
        .map(|s| s.into_values().collect())
        .collect();
    let deepest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut stand_in = whole();
    for k in 0..deepest {
        let last = columns.iter().rposition(|c| c.len() > k).unwrap_or(0);
        let row: Vec<String> = columns[..=last]
            .iter_mut()
            .map(|c| c.get_mut(k).map(std::mem::take).unwrap_or_default())
            .collect();
        stand_in.add_row(row);
    }
    drop(columns);
    let mut fits = fits;
    for (fit, h) in fits.iter_mut().zip(header) {
        fit.see_words(h);
    }
    settle(&mut stand_in, &fits);
    let style = stand_in.style();
    let sep = style.header_separator;
    let is_sep = |line: &str| {
        !line.is_empty()
            && line
                .chars()
                .all(|c| [sep.left, sep.fill, sep.junction, sep.right].contains(&Some(c)))
    };
    let lines: Vec<String> = stand_in.lines().collect();
    let Some(sep_at) = lines.iter().position(|l| is_sep(l)) else {
        // No separator to find the rows by (a style without one).
        drop(stand_in);
        return drawn_whole(out);
    };
    // Measured on a border whose joints are drawn: the top one, or the
    // header's separator (ASCII's top is `+--+--+`, its separator `+=====+`).
    let joined = |l: &comfy_table::LineStyle| l.junction.is_some() && l.junction != l.fill;
    let top = style.top_border;
    let (border, line) = if top.fill.is_some() && joined(&top) {
        (top, &lines[0])
    } else if joined(&sep) {
        (sep, &lines[sep_at])
    } else {
        drop(stand_in);
        return drawn_whole(out);
    };
    let widths = column_widths(line, border.left, border.junction, border.right);
    let alignments: Vec<bool> = fits.iter().map(|f| f.filled && f.numeric).collect();
    let has_bottom = style.bottom_border.left.is_some() || style.bottom_border.fill.is_some();
    drop(stand_in);

    // Chunks drawn on all cores, a few per core at a time (not the whole
    // table's lines at once), written in order, their borders joined.
    let chunk = |c: usize| -> Vec<String> {
        let mut t = whole();
        t.add_rows((c * CHUNK..((c + 1) * CHUNK).min(len)).map(row));
        for (i, &w) in widths.iter().enumerate() {
            if let Some(col) = t.column_mut(i) {
                col.set_constraint(ColumnConstraint::Absolute(comfy_table::Width::Fixed(w)));
                if alignments.get(i) == Some(&true) {
                    col.set_cell_alignment(CellAlignment::Right);
                }
            }
        }
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
            let start = if first { 0 } else { sep_at + 1 };
            let end = if last || !has_bottom {
                lines.len()
            } else {
                lines.len() - 1
            };
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

/// The widths of a table's columns, padding included, read off its header
/// separator (`╞═══╪══╡`, `|---|--|`).
fn column_widths(
    line: &str,
    left: Option<char>,
    junction: Option<char>,
    right: Option<char>,
) -> Vec<u16> {
    let mut inner = line;
    if let Some(l) = left {
        inner = inner.strip_prefix(l).unwrap_or(inner);
    }
    if let Some(r) = right {
        inner = inner.strip_suffix(r).unwrap_or(inner);
    }
    match junction {
        Some(j) => inner
            .split(j)
            .map(|part| u16::try_from(part.chars().count()).unwrap_or(u16::MAX))
            .collect(),
        None => vec![u16::try_from(inner.chars().count()).unwrap_or(u16::MAX)],
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
