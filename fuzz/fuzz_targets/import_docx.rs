//! Arbitrary bytes as a unit's Word report: the package opened under its
//! limits, the body read, the form read off it; and the bytes as
//! `word/document.xml` of a well-formed package, so that the XML reader
//! and the form reader see inputs a zip would rarely carry. kh import
//! refuses what it cannot read and never panics.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = kh::read_docx(data, "0");
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        if z.start_file("word/document.xml", opts).is_ok() {
            let _ = z.write_all(data);
        }
        let _ = z.finish();
    }
    let _ = kh::read_docx(&buf.into_inner(), "0");
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(blocks) = kh::word_blocks(text) {
            let r = kh::read_report(&blocks);
            let _ = kh::campaign_in(&r.header.join(" "));
        }
    }
});
