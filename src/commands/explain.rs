//! `kh explain`: a rule explained (the explanations are in
//! `crate::explain`), or the rules found by a few words.

use anyhow::Result;

use crate::lang::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Mã quy tắc, ví dụ unit-over-cap, hoặc vài chữ để tìm; bỏ trống: mọi quy tắc
    pub rule: Option<String>,
}

/// The English of `kh explain`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "Explain a rule: what it checks, its source, an example and the fix",
    options: &[(
        "rule",
        "A rule code, as in unit-over-cap, or a few words to search; none: every rule",
    )],
};

pub fn run(args: Args, lang: Lang) -> Result<bool> {
    match crate::explain::answer(args.rule.as_deref(), lang) {
        Ok(text) => {
            crate::output::print(&text)?;
            Ok(false)
        }
        Err(why) => anyhow::bail!(why),
    }
}
