//! `kh export letters`: a letter to each unit with something to mend or to
//! hear.

use std::path::PathBuf;

use anyhow::Result;

use super::Common;

use crate::check::Options;
use crate::documents::letters::letters;
use crate::tr;
use crate::write_out;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
}

/// Writes a letter to each unit that has something to hear.
pub fn run_letters(args: Args, opts: Options) -> Result<bool> {
    let lang = opts.lang;
    let c = &args.common;
    let root = write_out::root_of(&c.path, lang)?;
    let out = write_out::refuse_inside(&root, &c.out, lang)?;
    let report = write_out::check_round(&c.path)?;
    let docs = letters(&report, c.date);
    let targets: Vec<PathBuf> = docs
        .iter()
        .map(|(slug, _)| out.join(format!("{slug}.docx")))
        .collect();
    write_out::refuse_existing(&targets, c.force, lang)?;
    for ((_, doc), to) in docs.iter().zip(&targets) {
        write_out::write_atomic(to, &crate::documents::bytes(doc), lang)?;
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
