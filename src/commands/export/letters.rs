//! `kh export letters`: a letter to each unit with something to mend or to
//! hear.

use std::path::PathBuf;

use anyhow::Result;

use super::{Common, Signed};

use crate::check::Options;
use crate::documents::letters::letters;
use crate::tr;
use crate::write_out;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub signed: Signed,
}

/// The English of `kh export letters`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "Letters to units with something to mend, and reminders to those that sent nothing (.docx)",
    options: &[
        (
            "path",
            "Root of the round, a unit folder, or one .toml file",
        ),
        (
            "out",
            "Folder to write the letters in (outside the round's folder)",
        ),
        ("force", "Replace files that exist"),
        (
            "date",
            "Signing date, 05/10/2023 or 2023-10-05 (default: dots to fill by hand)",
        ),
    ],
};

/// Writes a letter to each unit that has something to hear.
pub fn run_letters(args: Args, opts: Options) -> Result<bool> {
    let lang = opts.lang;
    let c = &args.common;
    let root = write_out::root_of(&c.path, lang)?;
    let out = write_out::refuse_inside(&root, &c.out, lang)?;
    let report = write_out::check_round(&c.path)?;
    let docs = letters(&report, args.signed.date);
    let targets: Vec<PathBuf> = docs
        .iter()
        .map(|(slug, _)| out.join(format!("{slug}.docx")))
        .collect();
    write_out::refuse_existing(&targets, c.force, lang)?;
    for ((_, doc), to) in docs.iter().zip(&targets) {
        write_out::write_atomic(to, &crate::documents::bytes(doc)?, lang)?;
    }
    crate::output::print(&tr!(
        lang,
        "Đã viết {} công văn vào {}\n",
        "Wrote {} letters to {}\n",
        docs.len(),
        c.out.display()
    ))?;
    Ok(false)
}
