//! A small writer of Word documents (.docx, Office Open XML): the few parts
//! an administrative document needs, laid out as ND 30/2020 asks — A4,
//! Times New Roman, margins 20/20/30/15 mm, page numbers from the second
//! page. Written directly rather than through a general library so that
//! every element is one we chose and test, and the same input gives the
//! same bytes.

use std::io::{Seek, Write};

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

/// `customXml/item1.xml`: the nomination, every byte of it as text.
pub fn kept_xml(k: &Kept) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<kh:nomination xmlns:kh=\"{KEPT_NS}\" unit=\"{}\" unit-name=\"{}\" file=\"{}\"><kh:toml>{}</kh:toml></kh:nomination>",
        escape(&k.unit),
        escape(&k.unit_name),
        escape(&k.file),
        escape_keeping_lines(&k.text)
    )
}

/// Character data that keeps tabs and line ends as they are.
fn escape_keeping_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            _ => out.push_str(&escape(c.encode_utf8(&mut [0u8; 4]))),
        }
    }
    out
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

/// Text as XML character data: the five specials escaped, and the
/// characters XML 1.0 cannot hold at all (most control characters) dropped,
/// so that no file content can make a document Word refuses to open.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || matches!(c as u32, 0xFFFE | 0xFFFF) => {}
            c => out.push(c),
        }
    }
    out
}

fn run_xml(r: &Run, out: &mut String) {
    if let Some(tag) = r.tag {
        out.push_str(&format!(
            "<w:sdt><w:sdtPr><w:alias w:val=\"{tag}\"/><w:tag w:val=\"{tag}\"/></w:sdtPr><w:sdtContent>"
        ));
    }
    out.push_str("<w:r><w:rPr>");
    if r.bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    if r.italic {
        out.push_str("<w:i/><w:iCs/>");
    }
    if let Some(pt) = r.size {
        let half = (pt * 2.0).round() as u32;
        out.push_str(&format!(
            "<w:sz w:val=\"{half}\"/><w:szCs w:val=\"{half}\"/>"
        ));
    }
    out.push_str("</w:rPr>");
    // A line break inside a run's text becomes a Word line break.
    for (i, line) in r.text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        out.push_str(&format!(
            "<w:t xml:space=\"preserve\">{}</w:t>",
            escape(line)
        ));
    }
    out.push_str("</w:r>");
    if r.tag.is_some() {
        out.push_str("</w:sdtContent></w:sdt>");
    }
}

fn para_xml(p: &Para, out: &mut String) {
    out.push_str("<w:p><w:pPr>");
    if p.keep_next {
        out.push_str("<w:keepNext/>");
    }
    let after = (p.after * 20.0).round() as u32;
    out.push_str(&format!(
        "<w:spacing w:before=\"0\" w:after=\"{after}\" w:line=\"264\" w:lineRule=\"auto\"/>"
    ));
    if p.indent > 0.0 {
        out.push_str(&format!("<w:ind w:firstLine=\"{}\"/>", mm(p.indent)));
    }
    out.push_str(&format!("<w:jc w:val=\"{}\"/></w:pPr>", p.align.xml()));
    for r in &p.runs {
        run_xml(r, out);
    }
    out.push_str("</w:p>");
}

fn table_xml(t: &Table, out: &mut String) {
    let total: u32 = t.widths.iter().map(|w| mm(*w)).sum();
    out.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
    ));
    if t.borders {
        out.push_str("<w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            out.push_str(&format!(
                "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            ));
        }
        out.push_str("</w:tblBorders>");
    }
    out.push_str("<w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for w in &t.widths {
        out.push_str(&format!("<w:gridCol w:w=\"{}\"/>", mm(*w)));
    }
    out.push_str("</w:tblGrid>");
    for (cells, header) in &t.rows {
        out.push_str("<w:tr><w:trPr>");
        // A header row is never split; a body row only where allowed.
        if *header || !t.rows_split {
            out.push_str("<w:cantSplit/>");
        }
        if *header {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        let mut col = 0usize;
        for c in cells {
            let span = c.span.max(1) as usize;
            let width: u32 = t.widths.iter().skip(col).take(span).map(|w| mm(*w)).sum();
            col += span;
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
            ));
            if span > 1 {
                out.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
            }
            out.push_str("</w:tcPr>");
            if c.paras.is_empty() {
                out.push_str("<w:p/>");
            }
            for p in &c.paras {
                para_xml(p, out);
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// `word/document.xml`.
pub fn document_xml(doc: &Doc) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>"
    );
    let last = doc.blocks.len().saturating_sub(1);
    for (i, b) in doc.blocks.iter().enumerate() {
        match b {
            Block::Para(p) => para_xml(p, &mut out),
            Block::Table(t) if i == last => {
                table_xml(t, &mut out);
                // The document's last paragraph, after a closing table (the
                // signatures): one exact point tall, so that a full page is
                // never followed by a blank one (#34.1).
                out.push_str("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>");
            }
            Block::Table(t) => {
                table_xml(t, &mut out);
                // Word needs a paragraph between a table and what follows; a
                // tiny one, so that it never spills onto a page of its own,
                // and kept with what follows when the table is (a table
                // before a signature, #34.1).
                let keep = t
                    .rows
                    .iter()
                    .flat_map(|(cells, _)| cells.iter())
                    .flat_map(|c| c.paras.iter())
                    .all(|p| p.keep_next)
                    && !t.rows.is_empty();
                out.push_str(if keep {
                    "<w:p><w:pPr><w:keepNext/>"
                } else {
                    "<w:p><w:pPr>"
                });
                out.push_str("<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>");
            }
        }
    }
    // A4: 210 × 297 mm; margins top 20, bottom 20, left 30, right 15 (ND 30/2020).
    let (w, h, orient) = if doc.landscape {
        (mm(297.0), mm(210.0), " w:orient=\"landscape\"")
    } else {
        (mm(210.0), mm(297.0), "")
    };
    out.push_str(&format!(
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:headerReference w:type=\"first\" r:id=\"rIdFirst\"/>\
<w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>\
<w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>\
<w:titlePg/></w:sectPr></w:body></w:document>",
        mm(20.0),
        mm(15.0),
        mm(20.0),
        mm(30.0),
        mm(10.0),
        mm(10.0)
    ));
    out
}

/// The page number, centred at the top (ND 30/2020), on every page but the
/// first (`titlePg` with an empty first-page header).
fn header_xml(with_number: bool) -> String {
    let field = if with_number {
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    } else {
        ""
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr {NS}><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>{field}</w:p></w:hdr>"
    )
}

const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style></w:styles>";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/><Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/><Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";

const DOC_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/><Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/><Relationship Id=\"rIdFirst\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\"/></Relationships>";

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:defaultTabStop w:val=\"720\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";

fn core_xml(title: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>kh</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>",
        escape(title)
    )
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
    let mut parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", types),
        ("_rels/.rels", RELS.to_string()),
        ("docProps/core.xml", core_xml(&doc.title)),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/document.xml", document_xml(doc)),
        ("word/styles.xml", STYLES.to_string()),
        ("word/settings.xml", SETTINGS.to_string()),
        ("word/header1.xml", header_xml(true)),
        ("word/header2.xml", header_xml(false)),
    ];
    if let Some(k) = &doc.kept {
        parts.push(("customXml/item1.xml", kept_xml(k)));
        parts.push(("customXml/itemProps1.xml", KEPT_PROPS.to_string()));
        parts.push(("customXml/_rels/item1.xml.rels", KEPT_RELS.to_string()));
    }
    for (name, body) in parts {
        zip.start_file(name, opts)?;
        zip.write_all(body.as_bytes())?;
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
        assert_eq!(
            escape("A & <b> \"c\" 'd'"),
            "A &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;"
        );
        assert_eq!(escape("x\u{1}\u{1b}[2Jy\u{7}"), "x[2Jy");
        assert_eq!(escape("Nguyễn"), "Nguyễn");
    }

    #[test]
    fn a4_margins_and_numbers_from_page_two() {
        let mut doc = Doc::default();
        doc.push(para(vec![run("Xin chào").bold()]));
        let xml = document_xml(&doc);
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
