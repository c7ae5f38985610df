//! `kh schema`: the JSON Schema of a kind of file (made in `crate::schema`),
//! for editors.

use anyhow::Result;

use crate::lang::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// nomination (tệp đề nghị) | unit (unit.toml) | round (kh.toml) | review (review.toml)
    #[arg(value_enum, default_value_t = crate::schema::Which::Nomination)]
    pub which: crate::schema::Which,
}

/// The English of `kh schema`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "Print the JSON Schema of a kind of file, for editors (taplo, VS Code)",
    options: &[(
        "which",
        "nomination | unit (unit.toml) | round (kh.toml) | review (review.toml)",
    )],
};

pub fn run(args: Args, lang: Lang) -> Result<bool> {
    let schema = crate::schema::schema(args.which, lang);
    crate::output::print(&(serde_json::to_string_pretty(&schema)? + "\n"))?;
    Ok(false)
}
