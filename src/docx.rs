//! A small writer of Word documents (.docx, Office Open XML): the few parts
//! an administrative document needs, laid out as ND 30/2020 asks — A4,
//! Times New Roman, margins 20/20/30/15 mm, page numbers from the second
//! page. Written directly (the markup through `quick_xml::Writer`, which
//! escapes) rather than through a general library, so that every element is
//! one we chose and test, and the same input gives the same bytes.

use std::borrow::Cow;
use std::io::{self, Seek, Write};

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use zip::write::SimpleFileOptions;

/// Twentieths of a point per millimetre.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

pub fn mm(v: f64) -> u32 {
    (v * TWIPS_PER_MM).round() as u32
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    Center,
    Both,
}

impl Align {
    fn xml(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Both => "both",
        }
    }
}

/// A run of text with one look.
#[derive(Clone, Debug, Default)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// Points; the body's 14 pt when `None`.
    pub size: Option<f32>,
    /// The key of the nomination file the run shows (`nominee.full_name`):
    /// the run is put in a Word content control tagged with it (SPEC §15).
    pub tag: Option<&'static str>,
}

pub fn run(text: impl Into<String>) -> Run {
    Run {
        text: text.into(),
        ..Run::default()
    }
}

impl Run {
    pub fn tag(mut self, key: &'static str) -> Self {
        self.tag = Some(key);
        self
    }
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    pub fn italic(mut self) -> Self {
        self.italic = true;
        self
    }
    pub fn size(mut self, pt: f32) -> Self {
        self.size = Some(pt);
        self
    }
}

/// A paragraph.
#[derive(Clone, Debug, Default)]
pub struct Para {
    pub runs: Vec<Run>,
    pub align: Align,
    /// First-line indent, millimetres.
    pub indent: f64,
    /// Space after, points.
    pub after: f32,
    pub keep_next: bool,
}

pub fn para(runs: Vec<Run>) -> Para {
    Para {
        runs,
        after: 6.0,
        ..Para::default()
    }
}

impl Para {
    pub fn align(mut self, a: Align) -> Self {
        self.align = a;
        self
    }
    pub fn indent(mut self, mm: f64) -> Self {
        self.indent = mm;
        self
    }
    pub fn after(mut self, pt: f32) -> Self {
        self.after = pt;
        self
    }
    pub fn keep_next(mut self) -> Self {
        self.keep_next = true;
        self
    }
}

#[derive(Clone, Debug)]
pub struct Cell {
    pub paras: Vec<Para>,
    /// Columns this cell spans.
    pub span: u32,
}

pub fn cell(paras: Vec<Para>) -> Cell {
    Cell { paras, span: 1 }
}

#[derive(Clone, Debug)]
pub struct Table {
    /// Column widths, millimetres.
    pub widths: Vec<f64>,
    pub rows: Vec<(Vec<Cell>, bool)>,
    pub borders: bool,
    /// Whether a tall row may break across pages (a list's rows); kept
    /// whole otherwise (a heading, a signature block).
    pub rows_split: bool,
}

impl Table {
    pub fn new(widths: Vec<f64>, borders: bool) -> Self {
        Table {
            widths,
            rows: Vec::new(),
            borders,
            rows_split: false,
        }
    }
    /// A row; `header` rows repeat at the top of each page.
    pub fn row(&mut self, cells: Vec<Cell>, header: bool) {
        self.rows.push((cells, header));
    }
}

#[derive(Clone, Debug)]
pub enum Block {
    Para(Para),
    Table(Table),
}

/// A document of one section.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
    pub landscape: bool,
    pub title: String,
    /// The nomination the document prints, kept whole in the package.
    pub kept: Option<Kept>,
}

/// A nomination file kept in a form's package as a custom XML part, so
/// that the form comes back whole from Word or LibreOffice (SPEC §15):
/// LibreOffice drops content controls' tags on saving, never such a part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    /// The unit's folder name, and its name as `unit.toml` gives it.
    pub unit: String,
    pub unit_name: String,
    /// The file's name in it (`dinh-van-thanh.toml`).
    pub file: String,
    /// The file's text.
    pub text: String,
}

/// The namespace that marks kh's part among a package's custom XML parts.
pub const KEPT_NS: &str = "urn:kh:nomination:1";

/// `customXml/item1.xml`: the nomination, every byte of it as text (tabs
/// and line ends as they are; a carriage return as `&#13;`, so that no
/// reader folds it).
pub fn kept_xml(k: &Kept) -> io::Result<Vec<u8>> {
    let mut w = xml_writer("yes")?;
    w.create_element("kh:nomination")
        .with_attributes([
            ("xmlns:kh", KEPT_NS),
            ("unit", &xml_chars(&k.unit, false)),
            ("unit-name", &xml_chars(&k.unit_name, false)),
            ("file", &xml_chars(&k.file, false)),
        ])
        .write_inner_content(|w| {
            w.create_element("kh:toml")
                .write_text_content(BytesText::new(&xml_chars(&k.text, true)))?;
            Ok(())
        })?;
    Ok(w.into_inner())
}

const KEPT_PROPS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<ds:datastoreItem ds:itemID=\"{6B6F6E2D-6B68-4E6F-6D69-6E6174696F6E}\" xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\"><ds:schemaRefs><ds:schemaRef ds:uri=\"urn:kh:nomination:1\"/></ds:schemaRefs></ds:datastoreItem>";
const KEPT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps\" Target=\"itemProps1.xml\"/></Relationships>";

impl Doc {
    pub fn push(&mut self, p: Para) {
        self.blocks.push(Block::Para(p));
    }
    pub fn table(&mut self, t: Table) {
        self.blocks.push(Block::Table(t));
    }

    /// The signature block, which never stands alone on a page (#34.1):
    /// what comes before it — an empty spacer, then the last paragraph
    /// with text, or the last row of a table — is kept with it, and so are
    /// the block's own rows, which never split.
    pub fn sign_off(&mut self, mut t: Table) {
        t.rows_split = false;
        let rows = t.rows.len();
        for (i, (cells, _)) in t.rows.iter_mut().enumerate() {
            if i + 1 < rows {
                for p in cells.iter_mut().flat_map(|c| c.paras.iter_mut()) {
                    p.keep_next = true;
                }
            }
        }
        for b in self.blocks.iter_mut().rev() {
            match b {
                Block::Para(p) => {
                    p.keep_next = true;
                    if !p.runs.iter().all(|r| r.text.trim().is_empty()) {
                        break;
                    }
                }
                Block::Table(prev) => {
                    // LibreOffice keeps a table with what follows when every
                    // paragraph in it says so (as Word reads it row by row):
                    // the table before a signature is short (awards).
                    prev.rows_split = false;
                    for p in prev
                        .rows
                        .iter_mut()
                        .flat_map(|(cells, _)| cells.iter_mut())
                        .flat_map(|c| c.paras.iter_mut())
                    {
                        p.keep_next = true;
                    }
                    break;
                }
            }
        }
        self.blocks.push(Block::Table(t));
    }
}

/// What XML 1.0 can hold of a text: the characters it cannot hold at all
/// (most control characters) dropped, so that no file content can make a
/// document Word refuses to open; tabs and line ends kept where
/// `keep_lines`, else made spaces. The writer escapes what is left.
pub fn xml_chars(s: &str, keep_lines: bool) -> Cow<'_, str> {
    let unfit = |c: char| {
        (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')
            || matches!(c as u32, 0xFFFE | 0xFFFF)
            || !keep_lines && matches!(c, '\t' | '\n' | '\r')
    };
    if !s.chars().any(unfit) {
        return Cow::Borrowed(s);
    }
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' if !keep_lines => Some(' '),
            c if unfit(c) => None,
            c => Some(c),
        })
        .collect()
}

type Xml = quick_xml::Writer<Vec<u8>>;

/// A part's writer, its XML declaration written.
fn xml_writer(standalone: &str) -> io::Result<Xml> {
    let mut w = quick_xml::Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new(
        "1.0",
        Some("UTF-8"),
        Some(standalone),
    )))?;
    w.get_mut().push(b'\n');
    Ok(w)
}

/// An element with no content: `<w:b/>`, `<w:jc w:val="left"/>`.
fn empty(w: &mut Xml, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    w.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_empty()?;
    Ok(())
}

fn start(w: &mut Xml, name: &str) -> io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))
}

fn end(w: &mut Xml, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// A width in twentieths of a point (Word's `dxa`): `<w:tcW w:w="…" w:type="dxa"/>`.
fn twips(w: &mut Xml, name: &str, value: u32) -> io::Result<()> {
    empty(w, name, &[("w:w", &value.to_string()), ("w:type", "dxa")])
}

/// `<w:sz>` and `<w:szCs>` for a size in half-points.
fn size(w: &mut Xml, half: u32) -> io::Result<()> {
    let half = half.to_string();
    empty(w, "w:sz", &[("w:val", &half)])?;
    empty(w, "w:szCs", &[("w:val", &half)])
}

fn run_xml(r: &Run, w: &mut Xml) -> io::Result<()> {
    if let Some(tag) = r.tag {
        start(w, "w:sdt")?;
        start(w, "w:sdtPr")?;
        empty(w, "w:alias", &[("w:val", tag)])?;
        empty(w, "w:tag", &[("w:val", tag)])?;
        end(w, "w:sdtPr")?;
        start(w, "w:sdtContent")?;
    }
    start(w, "w:r")?;
    start(w, "w:rPr")?;
    if r.bold {
        empty(w, "w:b", &[])?;
        empty(w, "w:bCs", &[])?;
    }
    if r.italic {
        empty(w, "w:i", &[])?;
        empty(w, "w:iCs", &[])?;
    }
    if let Some(pt) = r.size {
        size(w, (pt * 2.0).round() as u32)?;
    }
    end(w, "w:rPr")?;
    // A line break inside a run's text becomes a Word line break.
    for (i, line) in r.text.split('\n').enumerate() {
        if i > 0 {
            empty(w, "w:br", &[])?;
        }
        w.create_element("w:t")
            .with_attribute(("xml:space", "preserve"))
            .write_text_content(BytesText::new(&xml_chars(line, false)))?;
    }
    end(w, "w:r")?;
    if r.tag.is_some() {
        end(w, "w:sdtContent")?;
        end(w, "w:sdt")?;
    }
    Ok(())
}

fn para_xml(p: &Para, w: &mut Xml) -> io::Result<()> {
    start(w, "w:p")?;
    start(w, "w:pPr")?;
    if p.keep_next {
        empty(w, "w:keepNext", &[])?;
    }
    let after = ((p.after * 20.0).round() as u32).to_string();
    empty(
        w,
        "w:spacing",
        &[
            ("w:before", "0"),
            ("w:after", &after),
            ("w:line", "264"),
            ("w:lineRule", "auto"),
        ],
    )?;
    if p.indent > 0.0 {
        empty(w, "w:ind", &[("w:firstLine", &mm(p.indent).to_string())])?;
    }
    empty(w, "w:jc", &[("w:val", p.align.xml())])?;
    end(w, "w:pPr")?;
    for r in &p.runs {
        run_xml(r, w)?;
    }
    end(w, "w:p")
}

fn table_xml(t: &Table, w: &mut Xml) -> io::Result<()> {
    let total: u32 = t.widths.iter().map(|w| mm(*w)).sum();
    start(w, "w:tbl")?;
    start(w, "w:tblPr")?;
    twips(w, "w:tblW", total)?;
    empty(w, "w:tblLayout", &[("w:type", "fixed")])?;
    if t.borders {
        start(w, "w:tblBorders")?;
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            empty(
                w,
                &format!("w:{side}"),
                &[
                    ("w:val", "single"),
                    ("w:sz", "4"),
                    ("w:space", "0"),
                    ("w:color", "000000"),
                ],
            )?;
        }
        end(w, "w:tblBorders")?;
    }
    start(w, "w:tblCellMar")?;
    twips(w, "w:left", 80)?;
    twips(w, "w:right", 80)?;
    end(w, "w:tblCellMar")?;
    end(w, "w:tblPr")?;
    start(w, "w:tblGrid")?;
    for width in &t.widths {
        empty(w, "w:gridCol", &[("w:w", &mm(*width).to_string())])?;
    }
    end(w, "w:tblGrid")?;
    for (cells, header) in &t.rows {
        start(w, "w:tr")?;
        start(w, "w:trPr")?;
        // A header row is never split; a body row only where allowed.
        if *header || !t.rows_split {
            empty(w, "w:cantSplit", &[])?;
        }
        if *header {
            empty(w, "w:tblHeader", &[])?;
        }
        end(w, "w:trPr")?;
        let mut col = 0usize;
        for c in cells {
            let span = c.span.max(1) as usize;
            let width: u32 = t.widths.iter().skip(col).take(span).map(|w| mm(*w)).sum();
            col += span;
            start(w, "w:tc")?;
            start(w, "w:tcPr")?;
            twips(w, "w:tcW", width)?;
            if span > 1 {
                empty(w, "w:gridSpan", &[("w:val", &span.to_string())])?;
            }
            end(w, "w:tcPr")?;
            if c.paras.is_empty() {
                empty(w, "w:p", &[])?;
            }
            for p in &c.paras {
                para_xml(p, w)?;
            }
            end(w, "w:tc")?;
        }
        end(w, "w:tr")?;
    }
    end(w, "w:tbl")
}

/// The tiny paragraph after a table (Word needs one between a table and
/// what follows): one exact point after the document's closing table, so
/// that a full page is never followed by a blank one (#34.1); else a small
/// one, kept with what follows when the table is.
fn after_table(w: &mut Xml, last: bool, keep: bool) -> io::Result<()> {
    start(w, "w:p")?;
    start(w, "w:pPr")?;
    if last {
        empty(
            w,
            "w:spacing",
            &[
                ("w:before", "0"),
                ("w:after", "0"),
                ("w:line", "20"),
                ("w:lineRule", "exact"),
            ],
        )?;
    } else {
        if keep {
            empty(w, "w:keepNext", &[])?;
        }
        empty(
            w,
            "w:spacing",
            &[("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")],
        )?;
    }
    start(w, "w:rPr")?;
    size(w, 2)?;
    end(w, "w:rPr")?;
    end(w, "w:pPr")?;
    end(w, "w:p")
}

/// The namespaces of a document's and a header's part.
const W_NS: (&str, &str) = (
    "xmlns:w",
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
);
const R_NS: (&str, &str) = (
    "xmlns:r",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
);

/// `word/document.xml`.
pub fn document_xml(doc: &Doc) -> io::Result<Vec<u8>> {
    let mut w = xml_writer("yes")?;
    w.write_event(Event::Start(
        BytesStart::new("w:document").with_attributes([(W_NS.0, W_NS.1), (R_NS.0, R_NS.1)]),
    ))?;
    start(&mut w, "w:body")?;
    let last = doc.blocks.len().saturating_sub(1);
    for (i, b) in doc.blocks.iter().enumerate() {
        match b {
            Block::Para(p) => para_xml(p, &mut w)?,
            Block::Table(t) => {
                table_xml(t, &mut w)?;
                // Kept with what follows when the table is (a table before
                // a signature, #34.1).
                let keep = !t.rows.is_empty()
                    && t.rows
                        .iter()
                        .flat_map(|(cells, _)| cells.iter())
                        .flat_map(|c| c.paras.iter())
                        .all(|p| p.keep_next);
                after_table(&mut w, i == last, keep)?;
            }
        }
    }
    // A4: 210 × 297 mm; margins top 20, bottom 20, left 30, right 15 (ND 30/2020).
    let (width, height) = if doc.landscape {
        (mm(297.0), mm(210.0))
    } else {
        (mm(210.0), mm(297.0))
    };
    start(&mut w, "w:sectPr")?;
    empty(
        &mut w,
        "w:headerReference",
        &[("w:type", "default"), ("r:id", "rIdHeader")],
    )?;
    empty(
        &mut w,
        "w:headerReference",
        &[("w:type", "first"), ("r:id", "rIdFirst")],
    )?;
    let (width, height) = (width.to_string(), height.to_string());
    let mut page = vec![("w:w", width.as_str()), ("w:h", height.as_str())];
    if doc.landscape {
        page.push(("w:orient", "landscape"));
    }
    empty(&mut w, "w:pgSz", &page)?;
    let margin = |v: f64| mm(v).to_string();
    let (m20, m15, m30, m10) = (margin(20.0), margin(15.0), margin(30.0), margin(10.0));
    empty(
        &mut w,
        "w:pgMar",
        &[
            ("w:top", &m20),
            ("w:right", &m15),
            ("w:bottom", &m20),
            ("w:left", &m30),
            ("w:header", &m10),
            ("w:footer", &m10),
            ("w:gutter", "0"),
        ],
    )?;
    empty(&mut w, "w:titlePg", &[])?;
    end(&mut w, "w:sectPr")?;
    end(&mut w, "w:body")?;
    end(&mut w, "w:document")?;
    Ok(w.into_inner())
}

/// The page number, centred at the top (ND 30/2020), on every page but the
/// first (`titlePg` with an empty first-page header).
fn header_xml(with_number: bool) -> io::Result<Vec<u8>> {
    let mut w = xml_writer("yes")?;
    w.write_event(Event::Start(
        BytesStart::new("w:hdr").with_attributes([(W_NS.0, W_NS.1), (R_NS.0, R_NS.1)]),
    ))?;
    start(&mut w, "w:p")?;
    start(&mut w, "w:pPr")?;
    empty(&mut w, "w:jc", &[("w:val", "center")])?;
    end(&mut w, "w:pPr")?;
    if with_number {
        let field = |w: &mut Xml, kind: &str| -> io::Result<()> {
            start(w, "w:r")?;
            empty(w, "w:fldChar", &[("w:fldCharType", kind)])?;
            end(w, "w:r")
        };
        field(&mut w, "begin")?;
        start(&mut w, "w:r")?;
        w.create_element("w:instrText")
            .with_attribute(("xml:space", "preserve"))
            .write_text_content(BytesText::new(" PAGE "))?;
        end(&mut w, "w:r")?;
        field(&mut w, "separate")?;
        start(&mut w, "w:r")?;
        w.create_element("w:t")
            .write_text_content(BytesText::new("2"))?;
        end(&mut w, "w:r")?;
        field(&mut w, "end")?;
    }
    end(&mut w, "w:p")?;
    end(&mut w, "w:hdr")?;
    Ok(w.into_inner())
}

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style></w:styles>";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/><Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";

const DOC_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/><Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/><Relationship Id=\"rIdFirst\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\"/></Relationships>";

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:defaultTabStop w:val=\"720\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";

fn core_xml(title: &str) -> io::Result<Vec<u8>> {
    let mut w = xml_writer("yes")?;
    w.create_element("cp:coreProperties")
        .with_attributes([
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ])
        .write_inner_content(|w| {
            w.create_element("dc:title")
                .write_text_content(BytesText::new(&xml_chars(title, false)))?;
            w.create_element("dc:creator")
                .write_text_content(BytesText::new("kh"))?;
            w.create_element("dc:language")
                .write_text_content(BytesText::new("vi-VN"))?;
            Ok(())
        })?;
    Ok(w.into_inner())
}

/// Writes the package to `w`.
pub fn write<W: Write + Seek>(doc: &Doc, w: W) -> zip::result::ZipResult<()> {
    let mut zip = zip::ZipWriter::new(w);
    // A fixed time: the same document gives the same bytes.
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default());
    let (types, doc_rels) = match &doc.kept {
        None => (CONTENT_TYPES.to_string(), DOC_RELS.to_string()),
        Some(_) => (
            CONTENT_TYPES.replace(
                "</Types>",
                "<Override PartName=\"/customXml/itemProps1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.customXmlProperties+xml\"/></Types>",
            ),
            DOC_RELS.replace(
                "</Relationships>",
                "<Relationship Id=\"rIdKh\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml\" Target=\"../customXml/item1.xml\"/></Relationships>",
            ),
        ),
    };
    let mut parts: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", types.into_bytes()),
        ("_rels/.rels", RELS.into()),
        ("docProps/core.xml", core_xml(&doc.title)?),
        ("word/_rels/document.xml.rels", doc_rels.into_bytes()),
        ("word/document.xml", document_xml(doc)?),
        ("word/styles.xml", STYLES.into()),
        ("word/settings.xml", SETTINGS.into()),
        ("word/header1.xml", header_xml(true)?),
        ("word/header2.xml", header_xml(false)?),
    ];
    if let Some(k) = &doc.kept {
        parts.push(("customXml/item1.xml", kept_xml(k)?));
        parts.push(("customXml/itemProps1.xml", KEPT_PROPS.into()));
        parts.push(("customXml/_rels/item1.xml.rels", KEPT_RELS.into()));
    }
    for (name, body) in parts {
        zip.start_file(name, opts)?;
        zip.write_all(&body)?;
    }
    zip.finish()?;
    Ok(())
}

/// The package as bytes.
/// The package's bytes. Writing to memory fails only where the zip writer
/// does (an entry past its limits): said, never a truncated file.
pub fn to_bytes(doc: &Doc) -> zip::result::ZipResult<Vec<u8>> {
    let mut buf = std::io::Cursor::new(Vec::new());
    write(doc, &mut buf)?;
    Ok(buf.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_from_a_file_breaks_the_xml() {
        let xml = |text: &str| {
            let mut doc = Doc::default();
            doc.push(para(vec![run(text)]));
            String::from_utf8(document_xml(&doc).expect("xml")).expect("utf-8")
        };
        assert!(
            xml("A & <b> \"c\" 'd'").contains(">A &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;<")
        );
        assert!(xml("x\u{1}\u{1b}[2Jy\u{7}\u{fffe}").contains(">x[2Jy<"));
        assert!(xml("a\tb\rc").contains(">a b c<"));
        assert!(xml("Nguyễn").contains(">Nguyễn<"));
        assert_eq!(xml_chars("Nguyễn", false), Cow::Borrowed("Nguyễn"));
        // The kept file keeps its lines; a carriage return survives a reader.
        let kept = Kept {
            unit: "so-y-te".into(),
            unit_name: "Sở \"Y\" tế\n".into(),
            file: "a.toml".into(),
            text: "a = 1\r\n\tb = \"<x>\"\u{1}\n".into(),
        };
        let part = String::from_utf8(kept_xml(&kept).expect("xml")).expect("utf-8");
        assert!(
            part.contains("unit-name=\"Sở &quot;Y&quot; tế \""),
            "{part}"
        );
        assert!(
            part.contains("<kh:toml>a = 1&#13;\n\tb = &quot;&lt;x&gt;&quot;\n</kh:toml>"),
            "{part}"
        );
    }

    #[test]
    fn a4_margins_and_numbers_from_page_two() {
        let mut doc = Doc::default();
        doc.push(para(vec![run("Xin chào").bold()]));
        let xml = String::from_utf8(document_xml(&doc).expect("xml")).expect("utf-8");
        assert!(
            xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"),
            "{xml}"
        );
        assert!(
            xml.contains("w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""),
            "{xml}"
        );
        assert!(xml.contains("<w:titlePg/>"));
        let bytes = to_bytes(&doc).expect("zip");
        assert_eq!(
            bytes,
            to_bytes(&doc).expect("zip"),
            "same input, same bytes"
        );
    }
}
