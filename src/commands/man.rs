//! `kh man`: a man page for kh and each of its commands (clap_mangen), in
//! the chosen language.

use std::path::PathBuf;

use crate::lang::Lang;
use crate::tr;
use anyhow::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Thư mục ghi các tệp .1
    #[arg(long)]
    pub out: PathBuf,
}

/// The English of `kh man`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "Write man pages for kh and each subcommand",
    options: &[("out", "Folder for the .1 files")],
};

/// `cmd` is kh's command line as the dispatcher localized it.
pub fn run(args: Args, cmd: clap::Command, lang: Lang) -> Result<bool> {
    let written = write_man_pages(&args.out, cmd, lang)?;
    crate::output::print(&tr!(
        lang,
        "Đã viết {written} trang man vào {}\n",
        "Wrote {written} man pages in {}\n",
        crate::text::escape_controls(&args.out.display().to_string())
    ))?;
    Ok(false)
}

/// `kh.1`, `kh-validate.1`, `kh-review-set.1`…: one page per command.
fn write_man_pages(dir: &std::path::Path, mut cmd: clap::Command, lang: Lang) -> Result<usize> {
    crate::tree::create_dir_all(dir, lang)?;
    fn walk(
        cmd: &clap::Command,
        name: String,
        dir: &std::path::Path,
        written: &mut usize,
    ) -> Result<()> {
        let mut page = cmd.clone().name(name.clone());
        // The NAME line is "kh - what it does": the about's own "kh — "
        // would say the name twice.
        if let Some(about) = page.get_about().map(|a| a.to_string())
            && let Some(rest) = about.strip_prefix("kh — ")
        {
            page = page.about(rest.to_string());
        }
        let mut buf = Vec::new();
        clap_mangen::Man::new(page).render(&mut buf)?;
        let path = dir.join(format!("{name}.1"));
        std::fs::write(&path, buf)
            .map_err(anyhow::Error::from)
            .map_err(|e| e.context(path.display().to_string()))?;
        *written += 1;
        for sub in cmd.get_subcommands() {
            walk(sub, format!("{name}-{}", sub.get_name()), dir, written)?;
        }
        Ok(())
    }
    cmd.build();
    let mut written = 0;
    walk(&cmd, "kh".to_string(), dir, &mut written)?;
    Ok(written)
}
