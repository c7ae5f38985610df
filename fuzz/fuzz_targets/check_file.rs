//! Arbitrary bytes through the single-file path: decode, parse, check.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let settings = kh::config::Settings::for_year(2023);
    let text = String::from_utf8_lossy(data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data));
    let a = kh::nomination::check("u/a.toml", &text, kh::lang::Lang::Vi, &settings);
    let b = kh::nomination::check("u/a.toml", &text, kh::lang::Lang::Vi, &settings);
    assert_eq!(a.diagnostics, b.diagnostics);
    for d in &a.diagnostics {
        let _ = kh::render::human::render_one(d, kh::render::human::Style { lang: kh::lang::Lang::En, color: false, verbose: true });
    }
});
