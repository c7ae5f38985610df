//! `kh nominate new`: writes a nomination file from the plan's form, asking
//! for what is missing when run in a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::campaign::{CAMPAIGNS, Campaign, CampaignInfo};
use crate::commands::summary::{resolve_campaign, resolve_kind};
use crate::lang::Lang;
use crate::template::{self, Request};
use crate::text::{escape_controls, is_slug, slugify};
use crate::tr;
use crate::tree::UNIT_FILE;
use crate::vocab::{Kind, Role, Vocab};

/// The flags of `kh nominate new`, each possibly missing.
#[derive(Debug, Default, Clone, clap::Args)]
pub struct Args {
    /// Mã đơn vị gửi (thư mục): chữ thường không dấu, số, dấu -
    #[arg(long)]
    pub unit: Option<String>,
    /// Tên đầy đủ của đơn vị, cho unit.toml khi đơn vị mới
    #[arg(long)]
    pub unit_name: Option<String>,
    /// Phong trào: mã, tên khác hoặc tên tiếng Việt
    #[arg(long)]
    pub campaign: Option<String>,
    /// Loại: tap-the | ca-nhan | ho-gia-dinh
    #[arg(long)]
    pub kind: Option<String>,
    /// Đối tượng (với phong trào có phân loại cá nhân)
    #[arg(long)]
    pub role: Option<String>,
    /// Tên tập thể, hoặc họ và tên cá nhân / chủ hộ
    #[arg(long)]
    pub name: Option<String>,
    /// Thư mục gốc của đợt
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// In tệp ra màn hình, không ghi gì
    #[arg(long)]
    pub stdout: bool,
}

/// Asks a person for what the flags left out.
trait Ask {
    fn choose(&mut self, prompt: &str, options: Vec<String>) -> Result<usize>;
    fn text(&mut self, prompt: &str) -> Result<String>;
}

/// Prompts on the terminal (inquire), in the run's language.
struct Terminal(Lang);

impl Terminal {
    /// A prompt left with Esc or Ctrl-C ends the command, writing nothing.
    fn answer<T>(&self, r: std::result::Result<T, inquire::InquireError>) -> Result<T> {
        use inquire::InquireError::{OperationCanceled, OperationInterrupted};
        match r {
            Ok(v) => Ok(v),
            Err(OperationCanceled | OperationInterrupted) => {
                bail!(
                    self.0
                        .pick("đã hủy, không ghi gì", "cancelled, nothing written")
                )
            }
            Err(e) => Err(e.into()),
        }
    }
}

impl Ask for Terminal {
    fn choose(&mut self, prompt: &str, options: Vec<String>) -> Result<usize> {
        let help = self.0.pick(
            "↑↓ để chọn, Enter để nhận, gõ chữ để lọc",
            "↑↓ to move, Enter to select, type to filter",
        );
        let picked = self.answer(
            inquire::Select::new(prompt, options.clone())
                .with_page_size(12)
                .with_help_message(help)
                .prompt(),
        )?;
        Ok(options.iter().position(|o| *o == picked).unwrap_or(0))
    }

    fn text(&mut self, prompt: &str) -> Result<String> {
        self.answer(inquire::Text::new(prompt).prompt())
    }
}

pub fn run(mut args: Args, lang: Lang) -> Result<String> {
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if interactive {
        fill_in(&mut args, lang, &mut Terminal(lang))?;
    } else {
        let missing: Vec<&str> = [
            ("--unit", args.unit.is_none()),
            ("--campaign", args.campaign.is_none()),
            ("--kind", args.kind.is_none()),
            ("--name", args.name.is_none()),
        ]
        .into_iter()
        .filter_map(|(flag, gone)| gone.then_some(flag))
        .collect();
        if !missing.is_empty() {
            bail!(tr!(lang, "thiếu {}", "missing {}", missing.join(", ")));
        }
    }
    create(&args, lang)
}

/// Asks, in the order of the form, for each thing the flags left out: the
/// kind first, so that only the campaigns that take it are offered.
fn fill_in(args: &mut Args, lang: Lang, ask: &mut dyn Ask) -> Result<()> {
    if args.kind.is_none() {
        let options = Kind::ALL
            .iter()
            .map(|k| format!("{} ({})", k.label(lang), k.slug()))
            .collect();
        let i = ask.choose(lang.pick("Loại điển hình:", "Kind of exemplar:"), options)?;
        args.kind = Some(Kind::ALL[i].slug().to_string());
    }
    let kind = args.kind.as_deref().and_then(Kind::parse);
    if args.campaign.is_none() {
        let takes: Vec<&CampaignInfo> = CAMPAIGNS
            .iter()
            .filter(|c| kind.is_none_or(|k| c.takes(k)))
            .collect();
        let options = takes
            .iter()
            .map(|c| format!("§{} {}", c.section, c.name(lang)))
            .collect();
        let i = ask.choose(lang.pick("Phong trào thi đua:", "Campaign:"), options)?;
        args.campaign = takes.get(i).map(|c| c.slug.to_string());
    }
    let campaign = args
        .campaign
        .as_deref()
        .and_then(Campaign::lookup)
        .map(Campaign::info);
    if let (Some(c), Some(Kind::CaNhan), None) = (campaign, kind, &args.role)
        && !c.roles.is_empty()
    {
        let options = c
            .roles
            .iter()
            .map(|r| format!("{} ({})", r.label(lang), r.slug()))
            .collect();
        let i = ask.choose(lang.pick("Đối tượng:", "Role:"), options)?;
        args.role = c.roles.get(i).map(|r| r.slug().to_string());
    }
    if args.name.is_none() {
        let prompt = if kind == Some(Kind::TapThe) {
            lang.pick("Tên tập thể:", "Name of the collective:")
        } else {
            lang.pick("Họ và tên:", "Full name:")
        };
        args.name = Some(ask.text(prompt)?);
    }
    if args.unit.is_none() {
        args.unit = Some(ask.text(lang.pick(
            "Mã đơn vị gửi (thư mục, ví dụ so-y-te):",
            "Sending unit's slug (folder, e.g. so-y-te):",
        ))?);
    }
    let unit_is_new = args
        .unit
        .as_ref()
        .is_some_and(|u| !args.root.join(u).join(UNIT_FILE).exists());
    if unit_is_new && args.unit_name.is_none() && !args.stdout {
        args.unit_name =
            Some(ask.text(lang.pick("Tên đầy đủ của đơn vị:", "Full name of the unit:"))?);
    }
    Ok(())
}

/// Checks every flag, then writes: nothing is created unless all is well.
fn create(args: &Args, lang: Lang) -> Result<String> {
    let (Some(unit), Some(campaign), Some(kind), Some(name)) =
        (&args.unit, &args.campaign, &args.kind, &args.name)
    else {
        bail!(tr!(
            lang,
            "thiếu --unit, --campaign, --kind hoặc --name",
            "missing --unit, --campaign, --kind or --name"
        ));
    };
    if !is_slug(unit) {
        bail!(tr!(
            lang,
            "mã đơn vị `{}` không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu -, ví dụ so-y-te",
            "unit slug `{}` is not valid: lower-case ASCII letters, digits and -, as in so-y-te",
            escape_controls(unit)
        ));
    }
    let info = resolve_campaign(campaign, lang)?.info();
    let kind = resolve_kind(kind, lang)?;
    if !info.takes(kind) {
        let takes: Vec<&str> = info.kinds.iter().map(|k| k.slug()).collect();
        bail!(tr!(
            lang,
            "phong trào `{}` không nhận {}; chỉ nhận: {}",
            "campaign `{}` takes no {}; it takes: {}",
            info.slug,
            kind.label(lang),
            takes.join(", ")
        ));
    }
    let role = match &args.role {
        Some(r) => {
            let role = Role::parse(r).filter(|r| kind == Kind::CaNhan && info.roles.contains(r));
            if role.is_none() {
                let list: Vec<&str> = info.roles.iter().map(|r| r.slug()).collect();
                bail!(tr!(
                    lang,
                    "phong trào `{}` không có nhóm đối tượng `{}` cho {}; có: {}",
                    "campaign `{}` has no role `{}` for {} nominations; it has: {}",
                    info.slug,
                    escape_controls(r),
                    kind.label(lang),
                    if list.is_empty() {
                        "—".to_string()
                    } else {
                        list.join(", ")
                    }
                ));
            }
            role
        }
        None => None,
    };
    let name = crate::text::nfc(name.trim()).into_owned();
    let slug = slugify(&name);
    if slug.is_empty() {
        bail!(tr!(
            lang,
            "tên `{}` không có chữ cái hay chữ số nào để đặt tên tệp",
            "the name `{}` has no letter or digit to name a file after",
            escape_controls(&name)
        ));
    }
    let text = template::render(&Request {
        campaign: info,
        kind,
        role,
        name: &name,
    });
    if args.stdout {
        return Ok(text);
    }

    let unit_dir = args.root.join(unit);
    let target = unit_dir.join(format!("{slug}.toml"));
    if std::fs::symlink_metadata(&target).is_ok() {
        bail!(tr!(
            lang,
            "`{}` đã có: không ghi đè",
            "`{}` already exists: not overwritten",
            target.display()
        ));
    }
    let descriptor = unit_dir.join(UNIT_FILE);
    let new_unit = std::fs::symlink_metadata(&descriptor).is_err();
    let unit_name = match (&args.unit_name, new_unit) {
        (Some(n), _) => Some(n.trim().to_string()),
        (None, true) => bail!(tr!(
            lang,
            "đơn vị `{unit}` chưa có unit.toml: cần --unit-name \"Tên đầy đủ của đơn vị\"",
            "unit `{unit}` has no unit.toml yet: --unit-name \"Full name of the unit\" is needed"
        )),
        (None, false) => None,
    };
    std::fs::create_dir_all(&unit_dir).with_context(|| {
        tr!(
            lang,
            "không tạo được thư mục `{}`",
            "cannot create folder `{}`",
            unit_dir.display()
        )
    })?;
    if new_unit && let Some(n) = unit_name {
        let body = format!("name = {}\n", toml::Value::String(n));
        write_new(&descriptor, &body, lang)?;
    }
    write_new(&target, &text, lang)?;
    let shown = target.strip_prefix(".").unwrap_or(&target).display();
    Ok(tr!(
        lang,
        "Đã tạo {shown}\nĐiền các ô còn trống, rồi kiểm tra: kh validate {shown}\n",
        "Wrote {shown}\nFill in the blanks, then check it: kh validate {shown}\n"
    ))
}

/// Writes a new file whole or not at all: a temporary file in the same
/// folder, moved into place only if nothing is there yet.
fn write_new(path: &Path, text: &str, lang: Lang) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let cant = || {
        tr!(
            lang,
            "không ghi được `{}`",
            "cannot write `{}`",
            path.display()
        )
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).with_context(cant)?;
    tmp.write_all(text.as_bytes()).with_context(cant)?;
    tmp.as_file().sync_all().with_context(cant)?;
    tmp.persist_noclobber(path)
        .map_err(|e| e.error)
        .with_context(|| {
            tr!(
                lang,
                "`{}` đã có: không ghi đè",
                "`{}` already exists: not overwritten",
                path.display()
            )
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers prompts from a script, as a person at a terminal would.
    struct Script(Vec<&'static str>);

    impl Ask for Script {
        fn choose(&mut self, _prompt: &str, options: Vec<String>) -> Result<usize> {
            let want = self.0.remove(0);
            options
                .iter()
                .position(|o| o.contains(want))
                .context("no such option")
        }
        fn text(&mut self, _prompt: &str) -> Result<String> {
            Ok(self.0.remove(0).to_string())
        }
    }

    #[test]
    fn prompts_fill_what_the_flags_left_out() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let mut args = Args {
            root: dir.path().to_path_buf(),
            ..Args::default()
        };
        let mut script = Script(vec![
            "(ca-nhan)",
            "Dạy tốt",
            "(giao-vien)",
            "Nguyễn Văn Ấn",
            "so-giao-duc",
            "Sở Giáo dục và Đào tạo",
        ]);
        fill_in(&mut args, Lang::Vi, &mut script)?;
        assert_eq!(args.campaign.as_deref(), Some("day-tot-hoc-tot"));
        assert_eq!(args.role.as_deref(), Some("giao-vien"));
        create(&args, Lang::Vi)?;
        let text = std::fs::read_to_string(dir.path().join("so-giao-duc/nguyen-van-an.toml"))?;
        assert!(text.contains("role = \"giao-vien\""));
        Ok(())
    }

    #[test]
    fn only_campaigns_that_take_the_kind_are_offered() -> Result<()> {
        struct Count(usize);
        impl Ask for Count {
            fn choose(&mut self, _p: &str, options: Vec<String>) -> Result<usize> {
                self.0 = options.len();
                bail!("stop")
            }
            fn text(&mut self, _p: &str) -> Result<String> {
                bail!("stop")
            }
        }
        let mut args = Args {
            kind: Some("ho-gia-dinh".into()),
            ..Args::default()
        };
        let mut count = Count(0);
        let _ = fill_in(&mut args, Lang::Vi, &mut count);
        assert_eq!(count.0, 5);
        Ok(())
    }
}
