//! Arbitrary bytes through the single-file path: decode, parse, check, and
//! every finding worded in both languages.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let settings = kh::Settings::for_year(2023);
    let text = String::from_utf8_lossy(data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data));
    let path: Arc<str> = Arc::from("u/a.toml");
    let a = kh::check_file(path.clone(), &text, &settings);
    let b = kh::check_file(path, &text, &settings);
    assert_eq!(a.diagnostics, b.diagnostics);
    for d in &a.diagnostics {
        for lang in [kh::Lang::Vi, kh::Lang::En] {
            let _ = d.message(lang);
            let _ = d.help(lang);
        }
    }
});
