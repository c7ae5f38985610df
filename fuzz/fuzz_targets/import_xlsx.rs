//! Arbitrary bytes as a unit's Excel list: the package opened under its
//! limits, the workbook's sheets read by kh's own reader, the list's rows
//! found; and the bytes as the one sheet of a well-formed workbook, so that
//! the sheet reader sees inputs a zip would rarely carry. kh import refuses
//! what it cannot read and never panics, aborts or sizes an allocation by
//! what a file declares.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;

const WORKBOOK: &str = r#"<workbook xmlns:r="r"><sheets><sheet name="DS" r:id="rId1"/></sheets></workbook>"#;
const RELS: &str = r#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

fuzz_target!(|data: &[u8]| {
    let _ = kh::read_xlsx(data.to_vec());
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, body) in [
            ("xl/workbook.xml", WORKBOOK.as_bytes()),
            ("xl/_rels/workbook.xml.rels", RELS.as_bytes()),
            ("xl/worksheets/sheet1.xml", data),
        ] {
            if z.start_file(name, opts).is_ok() {
                let _ = z.write_all(body);
            }
        }
        let _ = z.finish();
    }
    let _ = kh::read_xlsx(buf.into_inner());
});
