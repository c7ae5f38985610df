//! A Word document's body as a reader needs it: paragraphs (their text,
//! with line breaks and tabs, and how much of their start is bold) and
//! tables (rows of cells of text), in the order they stand. Read as a stream
//! of XML events: no tree of the whole document is built.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::package::Refusal;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    /// Bytes of `text` at its start that were bold (a label typed in bold,
    /// its value in the runs after it).
    pub bold_head: usize,
    /// A list item (Word numbering or bullets).
    pub listed: bool,
    /// The tag of the content control around the paragraph, when kh wrote one.
    pub tag: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Para(Para),
    /// Rows of cells; a cell's paragraphs joined by line breaks.
    Table(Vec<Vec<String>>),
}

#[derive(Default)]
struct Cell {
    paras: Vec<String>,
}

#[derive(Default)]
struct TableState {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: Option<Cell>,
}

#[derive(Default)]
struct State {
    blocks: Vec<Block>,
    paras: Vec<Para>,
    tables: Vec<TableState>,
    in_run_props: bool,
    in_para_props: bool,
    run_bold: bool,
    /// Any non-bold text seen yet in the current paragraph.
    plain_seen: bool,
    in_text: bool,
    /// Inside mc:Fallback: a copy of what mc:Choice already gave.
    fallback: usize,
    /// For each open content control, the tag in force inside it: its own,
    /// else the nearest enclosing one's. A paragraph takes the last in
    /// constant time, however deep the controls nest.
    sdt_tags: Vec<Option<std::rc::Rc<str>>>,
    in_sdt_pr: bool,
}

fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == "val").then(|| a.value.to_string()))
}

/// Text that is only a list's marker so far: "-", "+", "•", "1.", "a)".
fn only_marker(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= 4
        && t.chars().all(|c| {
            matches!(
                c,
                '-' | '+' | '•' | '*' | '–' | '·' | '.' | ')' | ' ' | '\t'
            ) || c.is_ascii_alphanumeric()
        })
        && !t.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The longest content-control tag kept (kh's own are dotted keys).
const MAX_TAG: usize = 128;

/// Elements nested deeper than this are no document Word or LibreOffice
/// writes: refused, so that no stack grows with what a file declares.
pub const MAX_DEPTH: usize = 256;

fn on(e: &BytesStart<'_>) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off"))
}

impl State {
    fn push_text(&mut self, s: &str) {
        if self.fallback > 0 {
            return;
        }
        let bold = self.run_bold;
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(s);
            if bold && !self.plain_seen {
                p.bold_head = p.text.len();
            } else if !s.trim().is_empty() && !only_marker(&p.text) {
                // A dash, bullet or number typed plain before a bold label
                // ("- **Tên tập thể** …") is no value yet (#32.4).
                self.plain_seen = true;
            }
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = e.local_name();
        match name.as_ref() {
            "p" if !empty => {
                self.paras.push(Para {
                    tag: self
                        .sdt_tags
                        .last()
                        .cloned()
                        .flatten()
                        .map(|t| t.to_string()),
                    ..Para::default()
                });
                self.plain_seen = false;
            }
            "pPr" if !empty => self.in_para_props = true,
            "numPr" if self.in_para_props => {
                if let Some(p) = self.paras.last_mut() {
                    p.listed = true;
                }
            }
            "r" if !empty => self.run_bold = false,
            "rPr" if !empty && !self.in_para_props => self.in_run_props = true,
            "b" if self.in_run_props => self.run_bold = on(e),
            "t" if !empty => self.in_text = true,
            "tab" if !self.in_para_props => self.push_text("\t"),
            "br" | "cr" => self.push_text("\n"),
            "tbl" if !empty => self.tables.push(TableState::default()),
            "tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(Cell::default());
                }
            }
            "Fallback" if !empty => self.fallback += 1,
            "sdt" if !empty => self.sdt_tags.push(self.sdt_tags.last().cloned().flatten()),
            "sdtPr" if !empty => self.in_sdt_pr = true,
            "tag" if self.in_sdt_pr => {
                // kh's tags are the form's keys; a longer one is no tag of
                // kh's, and would be copied into every paragraph inside.
                if let Some(last) = self.sdt_tags.last_mut()
                    && let Some(tag) = val(e).filter(|t| t.len() <= MAX_TAG)
                {
                    *last = Some(tag.into());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, local: &str) {
        match local {
            "p" => {
                let Some(p) = self.paras.pop() else { return };
                if let Some(outer) = self.paras.last_mut()
                    && self.tables.is_empty()
                {
                    // A text box inside a paragraph: its text joins the line.
                    if !p.text.is_empty() {
                        if !outer.text.is_empty() {
                            outer.text.push('\n');
                        }
                        outer.text.push_str(&p.text);
                    }
                    return;
                }
                match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    Some(cell) => cell.paras.push(p.text),
                    None => self.blocks.push(Block::Para(p)),
                }
            }
            "pPr" => self.in_para_props = false,
            "rPr" => self.in_run_props = false,
            "t" => self.in_text = false,
            "tc" => {
                if let Some(t) = self.tables.last_mut()
                    && let Some(cell) = t.cell.take()
                {
                    t.row.push(cell.paras.join("\n"));
                }
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            "tbl" => {
                let Some(t) = self.tables.pop() else { return };
                match self.tables.last_mut().and_then(|o| o.cell.as_mut()) {
                    // A table inside a cell: its text joins the cell's.
                    Some(cell) => {
                        for row in t.rows {
                            cell.paras.push(row.join("\t"));
                        }
                    }
                    None => self.blocks.push(Block::Table(t.rows)),
                }
            }
            "Fallback" => self.fallback = self.fallback.saturating_sub(1),
            "sdt" => {
                self.sdt_tags.pop();
            }
            "sdtPr" => self.in_sdt_pr = false,
            _ => {}
        }
    }
}

/// What an entity or character reference in a part's text stands for: one
/// of XML's five, or a character XML allows. Another entity can only come
/// from a DTD (refused as one); `&#0;` or `&#xFFFE;` is no character at
/// all, said as such.
pub(super) fn general_ref(
    g: &quick_xml::events::BytesRef<'_>,
    part: &str,
) -> Result<String, Refusal> {
    if g.is_char_ref() {
        return match g.resolve_char_ref() {
            Ok(Some(c)) if xml_char(c) => Ok(c.to_string()),
            _ => Err(Refusal::BadChar(part.to_string())),
        };
    }
    match quick_xml::escape::resolve_predefined_entity(g) {
        Some(s) => Ok(s.to_string()),
        None => Err(Refusal::Dtd(part.to_string())),
    }
}

/// XML 1.0's characters: no NUL or other C0 control but tab and line ends,
/// no surrogate, no U+FFFE or U+FFFF.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The blocks of `word/document.xml`.
pub fn blocks(xml: &str) -> Result<Vec<Block>, Refusal> {
    let mut r = Reader::from_str(xml);
    let mut st = State::default();
    // Elements open: a part cut mid-body ends with some still open.
    let mut open = 0usize;
    loop {
        let ev = r
            .read_event()
            .map_err(|e| Refusal::BadXml(format!("word/document.xml: {e}")))?;
        match ev {
            Event::Eof if open > 0 => {
                return Err(Refusal::CutShort("word/document.xml".into()));
            }
            Event::Eof => break,
            Event::DocType(_) => return Err(Refusal::Dtd("word/document.xml".into())),
            Event::Start(e) => {
                open += 1;
                if open > MAX_DEPTH {
                    return Err(Refusal::TooDeep("word/document.xml".into()));
                }
                st.start(&e, false)
            }
            Event::Empty(e) => st.start(&e, true),
            Event::End(e) => {
                open = open.saturating_sub(1);
                st.end(e.local_name().as_ref())
            }
            Event::Text(t) if st.in_text => {
                let s = t.xml_content(quick_xml::XmlVersion::Implicit1_0);
                st.push_text(&s);
            }
            Event::CData(t) if st.in_text => {
                let s = t.xml_content(quick_xml::XmlVersion::Implicit1_0);
                st.push_text(&s);
            }
            Event::GeneralRef(g) if st.in_text => {
                st.push_text(&general_ref(&g, "word/document.xml")?);
            }
            _ => {}
        }
    }
    if !st.tables.is_empty() {
        return Err(Refusal::CutShort("word/document.xml".into()));
    }
    Ok(st.blocks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{inner}</w:body></w:document>"
        )
    }

    #[test]
    fn runs_split_by_editing_are_one_text_and_the_bold_label_is_marked() {
        let xml = body(
            "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Họ và </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>tên</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">Nguyễn &amp; An</w:t></w:r><w:r><w:br/><w:t>dòng 2</w:t></w:r></w:p>",
        );
        let b = blocks(&xml).expect("reads");
        let Block::Para(p) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(p.text, "Họ và tên\tNguyễn & An\ndòng 2");
        assert_eq!(&p.text[..p.bold_head], "Họ và tên");
    }

    #[test]
    fn a_plain_dash_before_a_bold_label_keeps_the_label_bold() {
        let xml = body(
            "<w:p><w:r><w:t xml:space=\"preserve\">- </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Tên tập thể</w:t></w:r><w:r><w:t xml:space=\"preserve\"> Ủy ban nhân dân xã An</w:t></w:r></w:p>",
        );
        let b = blocks(&xml).expect("reads");
        let Block::Para(p) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(&p.text[..p.bold_head], "- Tên tập thể");
    }

    #[test]
    fn tables_are_rows_of_cells() {
        let xml = body(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Năm</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>x</w:t></w:r></w:p>",
        );
        let b = blocks(&xml).expect("reads");
        assert_eq!(
            b[0],
            Block::Table(vec![vec!["Năm".to_string(), "a\nb".to_string()]])
        );
        assert!(matches!(&b[1], Block::Para(p) if p.text == "x"));
    }

    #[test]
    fn content_controls_nest_without_a_search_and_not_past_the_cap() {
        // The tag in force is the innermost one given; a control without a
        // tag keeps its parent's.
        let xml = body(
            "<w:sdt><w:sdtPr><w:tag w:val=\"a\"/></w:sdtPr><w:sdtContent><w:sdt><w:sdtContent><w:p><w:r><w:t>x</w:t></w:r></w:p></w:sdtContent></w:sdt><w:sdt><w:sdtPr><w:tag w:val=\"b\"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>y</w:t></w:r></w:p></w:sdtContent></w:sdt></w:sdtContent></w:sdt><w:p><w:r><w:t>z</w:t></w:r></w:p>",
        );
        let tags: Vec<Option<String>> = blocks(&xml)
            .expect("reads")
            .into_iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p.tag),
                Block::Table(_) => None,
            })
            .collect();
        assert_eq!(tags, [Some("a".into()), Some("b".into()), None]);
        // Nested past the cap: refused, never a stack as deep as the file.
        let deep = "<w:sdt><w:sdtContent>".repeat(MAX_DEPTH);
        assert!(matches!(blocks(&body(&deep)), Err(Refusal::TooDeep(_))));
        // A tag longer than any of kh's is no tag.
        let long = body(&format!(
            "<w:sdt><w:sdtPr><w:tag w:val=\"{}\"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>x</w:t></w:r></w:p></w:sdtContent></w:sdt>",
            "t".repeat(MAX_TAG + 1)
        ));
        assert!(matches!(&blocks(&long).expect("reads")[0], Block::Para(p) if p.tag.is_none()));
    }

    #[test]
    fn malformed_and_entity_laden_xml_is_refused() {
        assert!(blocks(&body("<w:p><w:r><w:t>a</w:r></w:p>")).is_err());
        assert!(blocks("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>").is_err());
        assert!(blocks(&body("<w:p><w:r><w:t>&lol;</w:t></w:r></w:p>")).is_err());
    }
}
