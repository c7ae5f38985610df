//! `kh nominate new`: writes a nomination file from the plan's form, asking
//! for what is missing when run in a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::campaign::{CAMPAIGNS, Campaign, CampaignInfo, Match};
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
    /// Phong trào: mã, tên (có hoặc không dấu), vài chữ của tên, hoặc số mục như 3.9
    #[arg(long)]
    pub campaign: Option<String>,
    /// Loại: tap-the | ca-nhan | ho-gia-dinh
    #[arg(long)]
    pub kind: Option<String>,
    /// Nhóm đối tượng (với phong trào phân loại cá nhân: mục 3.6, 3.9)
    #[arg(long)]
    pub role: Option<String>,
    /// Tên tập thể, hoặc họ và tên cá nhân / chủ hộ
    #[arg(long)]
    pub name: Option<String>,
    /// Tên tệp, khi hai người trùng tên (mặc định: theo tên, không dấu)
    #[arg(long)]
    pub file: Option<String>,
    /// Thư mục gốc của đợt (phải có sẵn)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// In tệp ra màn hình, không ghi gì
    #[arg(long)]
    pub stdout: bool,
}

/// Asks a person for what the flags left out. Each answer is checked where
/// it is typed, and asked again when it will not do.
trait Ask {
    fn choose(&mut self, prompt: &str, options: Vec<String>) -> Result<usize>;
    /// A text that `check` accepts (`Err` says why not); `default` is offered.
    fn text(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        check: &dyn Fn(&str) -> std::result::Result<(), String>,
    ) -> Result<String>;
    fn confirm(&mut self, prompt: &str) -> Result<bool>;
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

    fn render(&self) -> inquire::ui::RenderConfig<'static> {
        inquire::ui::RenderConfig::default().with_canceled_prompt_indicator(
            inquire::ui::Styled::new(self.0.pick("<đã hủy>", "<cancelled>")),
        )
    }
}

/// Whether an option's words hold the filter's, without regard to case and
/// diacritics: "day tot", "dạy tốt", "day-tot-hoc-tot" and "3.9" all find
/// "mục 3.9 Dạy tốt - học tốt (day-tot-hoc-tot)".
pub fn filter_matches(filter: &str, option: &str) -> bool {
    let key = slugify(filter);
    key.is_empty() || format!("-{}-", slugify(option)).contains(&format!("-{key}"))
}

impl Ask for Terminal {
    fn choose(&mut self, prompt: &str, options: Vec<String>) -> Result<usize> {
        let help = self.0.pick(
            "↑↓ để chọn, Enter để nhận, gõ chữ (có dấu hay không) hoặc số mục để lọc",
            "↑↓ to move, Enter to select, type words or a section number to filter",
        );
        let last = options.len().saturating_sub(1);
        // The last option stays when nothing else matches, so the list is
        // never empty (for campaigns: "Các lĩnh vực khác").
        let scorer = move |input: &str, _: &String, text: &str, i: usize| -> Option<i64> {
            if filter_matches(input, text) {
                Some(if i == last { 0 } else { 1 })
            } else if i == last {
                Some(0)
            } else {
                None
            }
        };
        let picked = self.answer(
            inquire::Select::new(prompt, options.clone())
                .with_page_size(12)
                .with_help_message(help)
                .with_scorer(&scorer)
                .with_render_config(self.render())
                .prompt(),
        )?;
        Ok(options.iter().position(|o| *o == picked).unwrap_or(0))
    }

    fn text(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        check: &dyn Fn(&str) -> std::result::Result<(), String>,
    ) -> Result<String> {
        let validator = move |s: &str| -> std::result::Result<
            inquire::validator::Validation,
            inquire::CustomUserError,
        > {
            Ok(match check(s) {
                Ok(()) => inquire::validator::Validation::Valid,
                Err(why) => inquire::validator::Validation::Invalid(why.into()),
            })
        };
        let mut t = inquire::Text::new(prompt)
            .with_validator(validator)
            .with_render_config(self.render());
        if let Some(d) = default {
            t = t.with_default(d);
        }
        self.answer(t.prompt())
    }

    fn confirm(&mut self, prompt: &str) -> Result<bool> {
        self.answer(
            inquire::Confirm::new(prompt)
                .with_default(true)
                .with_render_config(self.render())
                .prompt(),
        )
    }
}

pub fn run(mut args: Args, lang: Lang) -> Result<String> {
    if !args.root.is_dir() {
        bail!(tr!(
            lang,
            "thư mục gốc `{}` không có: kiểm tra --root (kh không lập đợt mới từ một lỗi gõ; tạo thư mục trước nếu đúng là đợt mới)",
            "root `{}` does not exist: check --root (kh does not start a round from a typo; create the folder first if it is a new round)",
            escape_controls(&args.root.display().to_string())
        ));
    }
    in_unit_folder(&mut args, lang)?;
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if interactive {
        fill_in(&mut args, lang, &mut Terminal(lang))?;
    } else {
        let needs_role = match (&args.campaign, &args.kind) {
            (Some(c), Some(k)) => {
                let c = Campaign::resolve(c);
                let k = Kind::parse(k);
                matches!(c, Match::Exact(c) | Match::Words(c)
                    if k.is_some_and(|k| !c.info().roles_for(k).is_empty()))
            }
            _ => false,
        };
        let missing: Vec<&str> = [
            ("--unit", args.unit.is_none()),
            ("--campaign", args.campaign.is_none()),
            ("--kind", args.kind.is_none()),
            ("--name", args.name.is_none()),
            ("--role", needs_role && args.role.is_none()),
        ]
        .into_iter()
        .filter_map(|(flag, gone)| gone.then_some(flag))
        .collect();
        if !missing.is_empty() {
            bail!(tr!(
                lang,
                "thiếu {} (không có màn hình để hỏi)",
                "missing {} (no terminal to ask at)",
                missing.join(", ")
            ));
        }
    }
    create(&args, lang)
}

/// Run inside a unit folder (or given one as `--root`), the round is the
/// one above it, found by the one rule of SPEC §2 as git finds `.git`, and
/// that unit is the `--unit`: never a `kh.toml` or a nested unit folder
/// inside a unit.
fn in_unit_folder(args: &mut Args, lang: Lang) -> Result<()> {
    let Ok(abs) = std::fs::canonicalize(&args.root) else {
        return Ok(());
    };
    let (root, scope, _) = crate::tree::find_round(&abs, true);
    let crate::tree::Scope::Unit(unit_dir) = scope else {
        return Ok(());
    };
    let Some(slug) = unit_dir.file_name().and_then(|n| n.to_str()) else {
        return Ok(());
    };
    match &args.unit {
        None => args.unit = Some(slug.to_string()),
        Some(u) if u != slug => bail!(tr!(
            lang,
            "đang ở trong thư mục của đơn vị `{slug}`, mà --unit là `{}`: chạy lệnh từ thư mục gốc của đợt, hoặc bỏ --unit",
            "inside unit `{slug}`'s folder, yet --unit is `{}`: run from the round's root, or drop --unit",
            escape_controls(u)
        )),
        Some(_) => {}
    }
    // The same root, spelt from where the user is: `..` for each level.
    let depth = abs
        .strip_prefix(&root)
        .map_or(1, |p| p.components().count());
    let mut up = args.root.clone();
    for _ in 0..depth {
        up.push("..");
    }
    args.root = up;
    Ok(())
}

/// The units already in the round: slug and name.
fn existing_units(root: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join(UNIT_FILE).is_file())
        .filter_map(|e| {
            let slug = e.file_name().to_str()?.to_string();
            let text = crate::tree::read_regular_text(
                &e.path().join(UNIT_FILE),
                crate::tree::MAX_FILE_BYTES,
            )
            .ok()
            .flatten()?;
            let name = text
                .parse::<toml::Table>()
                .ok()
                .and_then(|t| t.get("name").and_then(|v| v.as_str().map(String::from)))
                .unwrap_or_else(|| slug.clone());
            Some((slug, name))
        })
        .collect();
    out.sort_by_key(|(_, name)| crate::text::vi_sort_key(name));
    out
}

fn check_unit_code(lang: Lang) -> impl Fn(&str) -> std::result::Result<(), String> {
    move |s: &str| {
        if is_slug(s.trim()) {
            Ok(())
        } else {
            Err(tr!(
                lang,
                "mã đơn vị chỉ gồm chữ thường không dấu, số và dấu -, ví dụ phong-van-hoa-kim-bang",
                "a unit code is lower-case ASCII letters, digits and -, as in phong-van-hoa-kim-bang"
            ))
        }
    }
}

fn check_name(lang: Lang) -> impl Fn(&str) -> std::result::Result<(), String> {
    move |s: &str| {
        if slugify(s).is_empty() {
            Err(lang
                .pick(
                    "cần một tên có chữ cái hoặc chữ số",
                    "a name with letters or digits is needed",
                )
                .to_string())
        } else {
            Ok(())
        }
    }
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
    // A campaign named by a few of its words is confirmed: "văn hóa" may be
    // a movement the plan does not list.
    if let Some(query) = &args.campaign
        && let Match::Words(c) = Campaign::resolve(query)
    {
        let info = c.info();
        let q = tr!(
            lang,
            "“{}” là {} «{}» ({} chủ trì)?",
            "By “{}” do you mean {} «{}» (led by {})?",
            query,
            info.cited(lang),
            info.name(lang),
            info.lead_agency_in(lang)
        );
        if ask.confirm(&q)? {
            args.campaign = Some(info.slug.to_string());
        } else {
            args.campaign = None;
        }
    }
    if args.campaign.is_none() {
        // Campaigns that take the kind, in plan order; "Các lĩnh vực khác"
        // last, which stays when a filter matches nothing else.
        let takes: Vec<&CampaignInfo> = CAMPAIGNS
            .iter()
            .filter(|c| kind.is_none_or(|k| c.takes(k)))
            .collect();
        let options = takes
            .iter()
            .map(|c| {
                if c.id == Campaign::LinhVucKhac {
                    tr!(
                        lang,
                        "{} — phong trào kế hoạch không nêu ({})",
                        "{} — a movement the plan does not list ({})",
                        c.name(lang),
                        c.slug
                    )
                } else {
                    format!("{} {} ({})", c.cited(lang), c.name(lang), c.slug)
                }
            })
            .collect();
        let i = ask.choose(lang.pick("Phong trào thi đua:", "Campaign:"), options)?;
        args.campaign = takes.get(i).map(|c| c.slug.to_string());
    }
    let campaign = args
        .campaign
        .as_deref()
        .and_then(|c| match Campaign::resolve(c) {
            Match::Exact(c) | Match::Words(c) => Some(c),
            _ => None,
        })
        .map(Campaign::info);
    if let (Some(c), Some(k), None) = (campaign, kind, &args.role)
        && !c.roles_for(k).is_empty()
    {
        let roles = c.roles_for(k);
        let options = roles
            .iter()
            .map(|r| format!("{} ({})", r.label(lang), r.slug()))
            .collect();
        let i = ask.choose(lang.pick("Nhóm đối tượng:", "Group:"), options)?;
        args.role = roles.get(i).map(|r| r.slug().to_string());
    }
    if args.name.is_none() {
        let prompt = match kind {
            Some(Kind::TapThe) => lang.pick("Tên tập thể:", "Name of the collective:"),
            Some(Kind::HoGiaDinh) => lang.pick("Họ và tên chủ hộ:", "Household head's full name:"),
            _ => lang.pick("Họ và tên:", "Full name:"),
        };
        args.name = Some(ask.text(prompt, None, &check_name(lang))?);
    }
    if args.unit.is_none() {
        let units = existing_units(&args.root);
        let mut chosen = None;
        if !units.is_empty() {
            let mut options: Vec<String> = units
                .iter()
                .map(|(slug, name)| format!("{name} ({slug})"))
                .collect();
            options.push(lang.pick("Đơn vị mới…", "A new unit…").to_string());
            let i = ask.choose(lang.pick("Đơn vị gửi:", "Sending unit:"), options)?;
            chosen = units.get(i).map(|(s, _)| s.clone());
        }
        if chosen.is_none() {
            if args.unit_name.is_none() && !args.stdout {
                args.unit_name = Some(ask.text(
                    lang.pick("Tên đầy đủ của đơn vị:", "Full name of the unit:"),
                    None,
                    &check_name(lang),
                )?);
            }
            let offered = args
                .unit_name
                .as_deref()
                .map(slugify)
                .filter(|s| !s.is_empty());
            chosen = Some(
                ask.text(
                    lang.pick(
                        "Mã đơn vị (tên thư mục, chữ không dấu):",
                        "Unit code (folder name, plain letters):",
                    ),
                    offered.as_deref(),
                    &check_unit_code(lang),
                )?
                .trim()
                .to_string(),
            );
        }
        args.unit = chosen;
    }
    let unit_is_new = args
        .unit
        .as_ref()
        .is_some_and(|u| !args.root.join(u).join(UNIT_FILE).exists());
    if unit_is_new && args.unit_name.is_none() && !args.stdout {
        args.unit_name = Some(ask.text(
            lang.pick("Tên đầy đủ của đơn vị:", "Full name of the unit:"),
            None,
            &check_name(lang),
        )?);
    }
    Ok(())
}

/// The round's settings, as the check would read them.
fn round_settings(root: &Path) -> crate::config::Settings {
    // Under the walk's guards: a FIFO named kh.toml must not hang kh.
    match crate::tree::read_regular_text(
        &root.join(crate::tree::ROUND_FILE),
        crate::tree::MAX_FILE_BYTES,
    ) {
        Ok(Some(text)) => crate::config::read_round(crate::tree::ROUND_FILE, &text).0,
        _ => crate::config::Settings::default(),
    }
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
    let info = Campaign::from_query(campaign, lang)?.0.info();
    let kind = Kind::from_query(kind, lang)?;
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
            let role = Role::parse(r).filter(|r| info.roles_for(kind).contains(r));
            if role.is_none() {
                let list: Vec<&str> = info.roles_for(kind).iter().map(|r| r.slug()).collect();
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
    let stem = match &args.file {
        Some(f) => slugify(f.trim().trim_end_matches(".toml")),
        None => slugify(&name),
    };
    if stem.is_empty() {
        bail!(tr!(
            lang,
            "tên `{}` không có chữ cái hay chữ số nào để đặt tên tệp",
            "the name `{}` has no letter or digit to name a file after",
            escape_controls(args.file.as_deref().unwrap_or(&name))
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
    // A linked unit folder would put the file outside the round.
    if std::fs::symlink_metadata(&unit_dir).is_ok_and(|m| m.file_type().is_symlink()) {
        bail!(crate::tree::ReadError::Link.say(&unit_dir, lang));
    }
    let target = unit_dir.join(format!("{stem}.toml"));
    if std::fs::symlink_metadata(&target).is_ok() {
        bail!(tr!(
            lang,
            "`{}` đã có: không ghi đè. Nếu là người trùng tên, đặt tên tệp khác: --file {stem}-2",
            "`{}` already exists: not overwritten. For a namesake, name the file: --file {stem}-2",
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

    // A unit at its cap is told before one more is written.
    let settings = round_settings(&args.root);
    let mut notes = String::new();
    if unit_dir.is_dir()
        && let Ok(layout) = crate::tree::resolve(&unit_dir, lang)
    {
        let sent = layout.units.first().map_or(0, |u| u.files.len());
        if sent >= settings.cap {
            notes.push_str(&tr!(
                lang,
                "Cảnh báo: đơn vị `{unit}` đã có {sent} đề nghị, mức tối đa là {} (mục IV.1: “không quá 03 điển hình”); tệp mới làm đơn vị vượt mức.\n",
                "Warning: unit `{unit}` already has {sent} nominations and the cap is {} (§IV.1); the new file puts it over.\n",
                settings.cap
            ));
        }
    }

    crate::tree::create_dir_all(&unit_dir, lang)?;
    let round_file = args.root.join(crate::tree::ROUND_FILE);
    if std::fs::symlink_metadata(&round_file).is_err() {
        write_new(&round_file, &default_round(), lang)?;
        notes.push_str(&tr!(
            lang,
            "Đã tạo {} với thiết lập mặc định của đợt (năm {}, tối đa {} đề nghị mỗi đơn vị).\n",
            "Wrote {} with the round's default settings (year {}, at most {} per unit).\n",
            round_file.display(),
            crate::config::PLAN_YEAR,
            3
        ));
    }
    if new_unit && let Some(n) = unit_name {
        let body = format!("name = {}\n", toml::Value::String(n));
        write_new(&descriptor, &body, lang)?;
    }
    write_new(&target, &text, lang)?;
    let shown = target.strip_prefix(".").unwrap_or(&target).display();
    if !notes.is_empty() {
        let _ = std::io::stderr().write_all(notes.as_bytes());
    }
    Ok(tr!(
        lang,
        "Đã tạo {shown} — {} «{}», {} chủ trì\nĐiền các ô còn trống, rồi kiểm tra: kh validate {shown}\n",
        "Wrote {shown} — {} «{}», led by {}\nFill in the blanks, then check it: kh validate {shown}\n",
        info.cited(lang),
        info.name(lang),
        info.lead_agency_in(lang)
    ))
}

/// `kh.toml` as a new round gets it: the defaults of SPEC §2, written out.
fn default_round() -> String {
    let y = crate::config::PLAN_YEAR;
    format!(
        "# Thiết lập của đợt (SPEC §2). kh validate và kh summary xét theo các giá trị này.\nyear = {y}                 # năm của đợt\ncap_per_unit = 3            # số đề nghị tối đa mỗi đơn vị (mục IV.1)\nas_of = {y}-12-31         # ngày chốt để tính tuổi và thời hạn\n"
    )
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
    // Mode 0666 before the umask, as an editor creates files: 0644 under
    // umask 022, so colleagues on a shared folder can read them.
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).with_context(cant)?;
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
        fn text(
            &mut self,
            _prompt: &str,
            _default: Option<&str>,
            check: &dyn Fn(&str) -> std::result::Result<(), String>,
        ) -> Result<String> {
            let answer = self.0.remove(0).to_string();
            check(&answer).map_err(anyhow::Error::msg)?;
            Ok(answer)
        }
        fn confirm(&mut self, _prompt: &str) -> Result<bool> {
            Ok(self.0.remove(0) == "y")
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
            "Sở Giáo dục và Đào tạo",
            "so-giao-duc",
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
            fn text(
                &mut self,
                _p: &str,
                _d: Option<&str>,
                _c: &dyn Fn(&str) -> std::result::Result<(), String>,
            ) -> Result<String> {
                bail!("stop")
            }
            fn confirm(&mut self, _p: &str) -> Result<bool> {
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
