//! `kh completions`: a completion script for a shell (clap_complete).

use anyhow::Result;

use crate::vocab::Vocab;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// bash | zsh | fish | powershell | elvish
    pub shell: clap_complete::Shell,
}

/// The English of `kh completions`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "Print a shell completion script",
    options: &[("shell", "bash | zsh | fish | powershell | elvish")],
};

/// `cmd` is kh's command line as the dispatcher localized it.
pub fn run(args: Args, cmd: clap::Command) -> Result<bool> {
    let mut cmd = with_candidates(cmd);
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "kh", &mut out);
    crate::output::print(&String::from_utf8_lossy(&out))?;
    Ok(false)
}

/// The command as completion scripts see it: options that take free text
/// (a kind may be typed "cá nhân") offer their slugs to complete. Only the
/// scripts use this; parsing keeps taking every spelling.
fn with_candidates(cmd: clap::Command) -> clap::Command {
    use clap::builder::PossibleValuesParser;
    let kinds: Vec<&'static str> = crate::vocab::Kind::slugs().collect();
    let statuses: Vec<&'static str> = crate::review::Status::slugs().collect();
    let roles: Vec<&'static str> = crate::vocab::Role::slugs().collect();
    let campaigns: Vec<&'static str> = crate::campaign::CAMPAIGNS.iter().map(|c| c.slug).collect();
    let mut cmd = cmd.mut_args(|arg| {
        let values = match arg.get_id().as_str() {
            "kind" => Some(kinds.clone()),
            "status" => Some(statuses.clone()),
            "role" => Some(roles.clone()),
            "campaign" => Some(campaigns.clone()),
            _ => None,
        };
        match values {
            Some(v) if arg.get_action().takes_values() => {
                arg.value_parser(PossibleValuesParser::new(v))
            }
            _ => arg,
        }
    });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, with_candidates);
    }
    cmd
}
