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

/// The English of `kh nominate`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const GROUP_ENGLISH: crate::commands::English = crate::commands::English {
    about: "Start a new nomination from the plan's form",
    options: &[],
};

/// The English of `kh nominate new`: what it does, and each option's
/// help, beside the Vietnamese of its arguments (`--lang en`).
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "Write a new nomination file, ready to fill in",
    options: &[
        ("unit", "Unit slug (folder name)"),
        (
            "unit_name",
            "Full name of the unit, for unit.toml when the unit is new",
        ),
        ("campaign", "One campaign: slug, alias or Vietnamese name"),
        ("kind", "tap-the | ca-nhan | ho-gia-dinh"),
        (
            "role",
            "Role, where the campaign sets individuals apart by role",
        ),
        (
            "name",
            "Name of the collective, or full name of the person (household head)",
        ),
        (
            "file",
            "File name, for two nominees of one name (default: from the name, without diacritics)",
        ),
        ("root", "Root of the round"),
        ("stdout", "Print the file instead of writing it"),
    ],
};

/// One option of a choice: what is shown, and the words a filter looks at
/// (for a campaign: its name, section, slug, lead agency, kinds and roles,
/// so that a teacher finds "Dạy tốt - học tốt" by "giáo viên").
pub(crate) struct Choice {
    pub(crate) shown: String,
    pub(crate) words: String,
}

/// An answer, or Esc: back to the question before.
#[derive(Debug, PartialEq)]
pub(crate) enum Step<T> {
    Go(T),
    Back,
}

/// Asks a person for what the flags left out. Each answer is checked where
/// it is typed, and asked again when it will not do.
pub(crate) trait Ask {
    /// One of `options`; a filter that matches none is told so by `none`
    /// and asked again, never answered with an option it did not match.
    fn choose(
        &mut self,
        prompt: &str,
        options: &[Choice],
        none: &dyn Fn(&str) -> String,
    ) -> Result<Step<usize>>;
    /// A text that `check` accepts (`Err` says why not); `default` is offered.
    fn text(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        check: &dyn Fn(&str) -> std::result::Result<(), String>,
    ) -> Result<Step<String>>;
    fn confirm(&mut self, prompt: &str) -> Result<Step<bool>>;
}

/// Prompts on the terminal (inquire), in the run's language.
pub(crate) struct Terminal(pub(crate) Lang);

impl Terminal {
    /// Esc steps back one question; Ctrl-C ends the command, writing
    /// nothing.
    fn answer<T>(&self, r: std::result::Result<T, inquire::InquireError>) -> Result<Step<T>> {
        use inquire::InquireError::{OperationCanceled, OperationInterrupted};
        match r {
            Ok(v) => Ok(Step::Go(v)),
            Err(OperationCanceled) => Ok(Step::Back),
            Err(OperationInterrupted) => {
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
            inquire::ui::Styled::new(self.0.pick("<quay lại>", "<back>")),
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

/// The options a filter leaves, in their order.
fn matching(filter: &str, options: &[Choice]) -> Vec<usize> {
    (0..options.len())
        .filter(|&i| filter_matches(filter, &options[i].words))
        .collect()
}

impl Ask for Terminal {
    fn choose(
        &mut self,
        prompt: &str,
        options: &[Choice],
        none: &dyn Fn(&str) -> String,
    ) -> Result<Step<usize>> {
        let help = self.0.pick(
            "↑↓ để chọn, Enter để nhận, gõ chữ (có dấu hay không) hoặc số mục để lọc, Esc để quay lại câu trước",
            "↑↓ to move, Enter to select, type words or a section number to filter, Esc to go back one question",
        );
        // One more line, shown only when the filter leaves nothing: choosing
        // it says why and asks again (a typo never picks an option).
        let nothing = self.0.pick(
            "(không có mục nào khớp — Enter để xem vì sao, xóa bớt chữ để xem lại danh sách)",
            "(nothing matches — Enter to see why, delete some letters to see the list again)",
        );
        let mut shown: Vec<String> = options.iter().map(|c| c.shown.clone()).collect();
        shown.push(nothing.to_string());
        let n = options.len();
        let typed = std::cell::RefCell::new(String::new());
        let found = std::cell::RefCell::new(Vec::new());
        // The scorer sees the options in order, the extra line last: what it
        // keeps is exactly `matching`'s answer for the typed filter, the
        // function the unit tests check.
        let scorer = |input: &str, _: &String, _: &str, i: usize| -> Option<i64> {
            if i == 0 {
                *found.borrow_mut() = matching(input, options);
                input.clone_into(&mut typed.borrow_mut());
            }
            if i < n {
                found.borrow().binary_search(&i).is_ok().then_some(1)
            } else {
                found.borrow().is_empty().then_some(0)
            }
        };
        loop {
            let picked = self.answer(
                inquire::Select::new(prompt, shown.clone())
                    .with_page_size(12)
                    .with_help_message(help)
                    .with_scorer(&scorer)
                    .with_render_config(self.render())
                    .raw_prompt(),
            )?;
            match picked {
                Step::Go(p) if p.index < n => return Ok(Step::Go(p.index)),
                Step::Go(_) => {
                    let mut err = std::io::stderr().lock();
                    let _ = writeln!(err, "{}", none(&typed.borrow()));
                }
                Step::Back => return Ok(Step::Back),
            }
        }
    }

    fn text(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        check: &dyn Fn(&str) -> std::result::Result<(), String>,
    ) -> Result<Step<String>> {
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
            .with_help_message(
                self.0
                    .pick("Esc để quay lại câu trước", "Esc to go back one question"),
            )
            .with_render_config(self.render());
        if let Some(d) = default {
            t = t.with_default(d);
        }
        self.answer(t.prompt())
    }

    fn confirm(&mut self, prompt: &str) -> Result<Step<bool>> {
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
                    if k.is_some_and(|k| c.info().role_required(k)))
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

/// The questions of `kh nominate new`, in the order of the form.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Question {
    Kind,
    /// "By “văn hóa” do you mean …?" for a campaign given by a few words.
    CampaignMeant,
    Campaign,
    Role,
    Name,
    Unit,
    UnitName,
    UnitCode,
}

/// Where the questions stand: the answers so far live in `Args`.
struct Asking {
    given: Args,
    /// "Đơn vị mới…" was chosen: its name and code come next.
    new_unit: bool,
    /// A campaign given by words, confirmed.
    meant: bool,
    /// An optional role (§3.6's collectives) answered "none".
    no_role: bool,
}

impl Asking {
    /// The next question the flags and the answers so far leave open.
    fn next(&self, args: &Args) -> Option<Question> {
        let kind = args.kind.as_deref().and_then(Kind::parse);
        if args.kind.is_none() {
            return Some(Question::Kind);
        }
        if !self.meant
            && let Some(q) = &args.campaign
            && matches!(Campaign::resolve(q), Match::Words(_))
        {
            return Some(Question::CampaignMeant);
        }
        let campaign = args
            .campaign
            .as_deref()
            .and_then(|c| match Campaign::resolve(c) {
                Match::Exact(c) | Match::Words(c) => Some(c.info()),
                _ => None,
            });
        if args.campaign.is_none() {
            return Some(Question::Campaign);
        }
        if let (Some(c), Some(k), None) = (campaign, kind, &args.role)
            && !c.roles_for(k).is_empty()
            && !self.no_role
        {
            return Some(Question::Role);
        }
        if args.name.is_none() {
            return Some(Question::Name);
        }
        if args.unit.is_none() {
            if !self.new_unit && !existing_units(&args.root).is_empty() {
                return Some(Question::Unit);
            }
            if args.unit_name.is_none() && !args.stdout {
                return Some(Question::UnitName);
            }
            return Some(Question::UnitCode);
        }
        let unit_is_new = args
            .unit
            .as_ref()
            .is_some_and(|u| !args.root.join(u).join(UNIT_FILE).exists());
        if unit_is_new && args.unit_name.is_none() && !args.stdout {
            return Some(Question::UnitName);
        }
        None
    }

    /// Forgets the answer to `q`, to ask it again.
    fn forget(&mut self, q: Question, args: &mut Args) {
        match q {
            Question::Kind => args.kind = self.given.kind.clone(),
            Question::CampaignMeant => {
                self.meant = false;
                args.campaign = self.given.campaign.clone();
            }
            Question::Campaign => args.campaign = None,
            Question::Role => {
                args.role = None;
                self.no_role = false;
            }
            Question::Name => args.name = None,
            Question::Unit => {
                args.unit = None;
                self.new_unit = false;
            }
            Question::UnitName => args.unit_name = self.given.unit_name.clone(),
            Question::UnitCode => args.unit = None,
        }
    }
}

/// A word of a vocabulary as offered ("cá nhân (ca-nhan)"), found by its
/// label in either language.
fn vocab_choice(label: &str, slug: &str, labels: [&str; 2]) -> Choice {
    let shown = format!("{label} ({slug})");
    let words = format!("{shown} {} {}", labels[0], labels[1]);
    Choice { shown, words }
}

/// A campaign as offered, and the words a filter finds it by.
fn campaign_choice(c: &CampaignInfo, lang: Lang) -> Choice {
    let shown = if c.id == Campaign::LinhVucKhac {
        tr!(
            lang,
            "{} — phong trào kế hoạch không nêu ({})",
            "{} — a movement the plan does not list ({})",
            c.name(lang),
            c.slug
        )
    } else {
        format!("{} {} ({})", c.cited(lang), c.name(lang), c.slug)
    };
    let mut words = format!("{shown} {} {} {}", c.name_vi, c.name_en, c.lead_agency);
    for k in c.kinds {
        words.push(' ');
        words.push_str(k.label(Lang::Vi));
        words.push(' ');
        words.push_str(k.label(Lang::En));
    }
    for r in c.roles.iter().chain(c.collective_roles) {
        words.push(' ');
        words.push_str(r.label(Lang::Vi));
        words.push(' ');
        words.push_str(r.label(Lang::En));
    }
    Choice { shown, words }
}

/// Why a filter found no campaign for this kind: the campaigns it names
/// that do not take the kind ("mục 3.9 … không nhận hộ gia đình"), else
/// that nothing matched.
fn no_campaign(filter: &str, kind: Option<Kind>, lang: Lang) -> String {
    let elsewhere: Vec<String> = CAMPAIGNS
        .iter()
        .filter(|c| kind.is_some_and(|k| !c.takes(k)))
        .filter(|c| filter_matches(filter, &campaign_choice(c, lang).words))
        .map(|c| format!("{} «{}»", c.cited(lang), c.name(lang)))
        .collect();
    match (kind, elsewhere.is_empty()) {
        (Some(k), false) => tr!(
            lang,
            "“{}”: {} không nhận {}; chọn phong trào khác, hoặc quay lại (Esc) để đổi loại",
            "“{}”: {} takes no {}; choose another campaign, or go back (Esc) to change the kind",
            filter,
            elsewhere.join(", "),
            k.label(lang)
        ),
        _ => no_match(filter, lang),
    }
}

pub(crate) fn no_match(filter: &str, lang: Lang) -> String {
    tr!(
        lang,
        "không có mục nào khớp “{}”: gõ ít chữ hơn, hoặc xóa để xem cả danh sách",
        "nothing matches “{}”: type fewer letters, or delete them to see the whole list",
        filter
    )
}

/// Asks, in the order of the form, for each thing the flags left out: the
/// kind first, so that only the campaigns that take it are offered. Esc
/// goes back one question (at the first, it ends the command).
fn fill_in(args: &mut Args, lang: Lang, ask: &mut dyn Ask) -> Result<()> {
    let mut state = Asking {
        given: args.clone(),
        new_unit: false,
        meant: false,
        no_role: false,
    };
    let mut asked: Vec<Question> = Vec::new();
    while let Some(q) = state.next(args) {
        if ask_one(q, args, &mut state, lang, ask)? {
            asked.push(q);
            continue;
        }
        let Some(before) = asked.pop() else {
            bail!(lang.pick("đã hủy, không ghi gì", "cancelled, nothing written"));
        };
        state.forget(before, args);
    }
    Ok(())
}

/// Asks `q`; `false` when the person stepped back.
fn ask_one(
    q: Question,
    args: &mut Args,
    state: &mut Asking,
    lang: Lang,
    ask: &mut dyn Ask,
) -> Result<bool> {
    let kind = args.kind.as_deref().and_then(Kind::parse);
    let step_back = |s: &Step<_>| matches!(s, Step::Back);
    match q {
        Question::Kind => {
            let options: Vec<Choice> = Kind::ALL
                .iter()
                .map(|k| {
                    vocab_choice(
                        k.label(lang),
                        k.slug(),
                        [k.label(Lang::Vi), k.label(Lang::En)],
                    )
                })
                .collect();
            let none = |f: &str| no_match(f, lang);
            match ask.choose(
                lang.pick("Loại điển hình:", "Kind of exemplar:"),
                &options,
                &none,
            )? {
                Step::Go(i) => args.kind = Kind::ALL.get(i).map(|k| k.slug().to_string()),
                Step::Back => return Ok(false),
            }
        }
        Question::CampaignMeant => {
            let query = args.campaign.clone().unwrap_or_default();
            let Match::Words(c) = Campaign::resolve(&query) else {
                state.meant = true;
                return Ok(true);
            };
            let info = c.info();
            let prompt = tr!(
                lang,
                "“{}” là {} «{}» ({} chủ trì)?",
                "By “{}” do you mean {} «{}» (led by {})?",
                query,
                info.cited(lang),
                info.name(lang),
                info.lead_agency_in(lang)
            );
            let answer = ask.confirm(&prompt)?;
            if step_back(&answer) {
                return Ok(false);
            }
            state.meant = true;
            args.campaign = (answer == Step::Go(true)).then(|| info.slug.to_string());
        }
        Question::Campaign => {
            // Campaigns that take the kind, in plan order; "Các lĩnh vực
            // khác" last, chosen only on purpose.
            let takes: Vec<&CampaignInfo> = CAMPAIGNS
                .iter()
                .filter(|c| kind.is_none_or(|k| c.takes(k)))
                .collect();
            let options: Vec<Choice> = takes.iter().map(|c| campaign_choice(c, lang)).collect();
            let none = |f: &str| no_campaign(f, kind, lang);
            match ask.choose(
                lang.pick("Phong trào thi đua:", "Campaign:"),
                &options,
                &none,
            )? {
                Step::Go(i) => args.campaign = takes.get(i).map(|c| c.slug.to_string()),
                Step::Back => return Ok(false),
            }
        }
        Question::Role => {
            let roles = args
                .campaign
                .as_deref()
                .and_then(|c| match Campaign::resolve(c) {
                    Match::Exact(c) | Match::Words(c) => Some(c.info()),
                    _ => None,
                })
                .zip(kind);
            let optional = roles.is_some_and(|(c, k)| !c.role_required(k));
            let roles = roles.map_or(&[][..], |(c, k)| c.roles_for(k));
            let mut options: Vec<Choice> = roles
                .iter()
                .map(|r| {
                    vocab_choice(
                        r.label(lang),
                        r.slug(),
                        [r.label(Lang::Vi), r.label(Lang::En)],
                    )
                })
                .collect();
            // A role the plan leaves optional may be left out (SPEC §3.1).
            if optional {
                let shown = lang.pick("không ghi nhóm", "no role").to_string();
                options.push(Choice {
                    words: format!("{shown} không ghi nhóm no role"),
                    shown,
                });
            }
            let none = |f: &str| no_match(f, lang);
            match ask.choose(lang.pick("Nhóm đối tượng:", "Group:"), &options, &none)? {
                Step::Go(i) => match roles.get(i) {
                    Some(r) => args.role = Some(r.slug().to_string()),
                    None => state.no_role = true,
                },
                Step::Back => return Ok(false),
            }
        }
        Question::Name => {
            let prompt = match kind {
                Some(Kind::TapThe) => lang.pick("Tên tập thể:", "Name of the collective:"),
                Some(Kind::HoGiaDinh) => {
                    lang.pick("Họ và tên chủ hộ:", "Household head's full name:")
                }
                _ => lang.pick("Họ và tên:", "Full name:"),
            };
            match ask.text(prompt, None, &check_name(lang))? {
                Step::Go(name) => args.name = Some(name),
                Step::Back => return Ok(false),
            }
        }
        Question::Unit => {
            let units = existing_units(&args.root);
            let mut options: Vec<Choice> = units
                .iter()
                .map(|(slug, name)| {
                    let shown = format!("{name} ({slug})");
                    Choice {
                        words: shown.clone(),
                        shown,
                    }
                })
                .collect();
            let new = lang.pick("Đơn vị mới…", "A new unit…");
            options.push(Choice {
                shown: new.to_string(),
                words: format!("{new} đơn vị mới new unit"),
            });
            let none = |f: &str| no_match(f, lang);
            match ask.choose(lang.pick("Đơn vị gửi:", "Sending unit:"), &options, &none)? {
                Step::Go(i) => match units.get(i) {
                    Some((slug, _)) => args.unit = Some(slug.clone()),
                    None => state.new_unit = true,
                },
                Step::Back => return Ok(false),
            }
        }
        Question::UnitName => {
            let prompt = lang.pick("Tên đầy đủ của đơn vị:", "Full name of the unit:");
            match ask.text(prompt, None, &check_name(lang))? {
                Step::Go(name) => args.unit_name = Some(name),
                Step::Back => return Ok(false),
            }
        }
        Question::UnitCode => {
            let offered = args
                .unit_name
                .as_deref()
                .map(slugify)
                .filter(|s| !s.is_empty());
            let prompt = lang.pick(
                "Mã đơn vị (tên thư mục, chữ không dấu):",
                "Unit code (folder name, plain letters):",
            );
            match ask.text(prompt, offered.as_deref(), &check_unit_code(lang))? {
                Step::Go(code) => args.unit = Some(code.trim().to_string()),
                Step::Back => return Ok(false),
            }
        }
    }
    Ok(true)
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
        Some(r) => Some(role_of(info, kind, r, lang)?),
        None => None,
    };
    let name = crate::text::nfc(name.trim()).into_owned();
    let stem = file_stem(args.file.as_deref(), &name, lang)?;
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

    let mut notes = at_cap(&args.root, &unit_dir, unit, lang);

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

/// The role `--role` names, if the campaign sets this kind apart by it.
fn role_of(info: &CampaignInfo, kind: Kind, given: &str, lang: Lang) -> Result<Role> {
    if let Some(role) = Role::parse(given).filter(|r| info.roles_for(kind).contains(r)) {
        return Ok(role);
    }
    let list: Vec<&str> = info.roles_for(kind).iter().map(|r| r.slug()).collect();
    bail!(tr!(
        lang,
        "phong trào `{}` không có nhóm đối tượng `{}` cho {}; có: {}",
        "campaign `{}` has no role `{}` for {} nominations; it has: {}",
        info.slug,
        escape_controls(given),
        kind.label(lang),
        if list.is_empty() {
            "—".to_string()
        } else {
            list.join(", ")
        }
    ))
}

/// The new file's name without `.toml`: `--file`'s, else the nominee's,
/// as a slug.
fn file_stem(file: Option<&str>, name: &str, lang: Lang) -> Result<String> {
    let stem = match file {
        Some(f) => slugify(f.trim().trim_end_matches(".toml")),
        None => slugify(name),
    };
    if stem.is_empty() {
        bail!(tr!(
            lang,
            "tên `{}` không có chữ cái hay chữ số nào để đặt tên tệp",
            "the name `{}` has no letter or digit to name a file after",
            escape_controls(file.unwrap_or(name))
        ));
    }
    Ok(stem)
}

/// A unit at its cap is told before one more is written: the warning, or
/// nothing.
fn at_cap(root: &std::path::Path, unit_dir: &std::path::Path, unit: &str, lang: Lang) -> String {
    let settings = round_settings(root);
    let Some(layout) = unit_dir
        .is_dir()
        .then(|| crate::tree::resolve(unit_dir, lang).ok())
        .flatten()
    else {
        return String::new();
    };
    let sent = layout.units.first().map_or(0, |u| u.files.len());
    if sent < settings.cap {
        return String::new();
    }
    tr!(
        lang,
        "Cảnh báo: đơn vị `{unit}` đã có {sent} đề nghị, mức tối đa là {} (mục IV.1: “không quá 03 điển hình”); tệp mới làm đơn vị vượt mức.\n",
        "Warning: unit `{unit}` already has {sent} nominations and the cap is {} (§IV.1); the new file puts it over.\n",
        settings.cap
    )
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

    /// Answers prompts from a script, as a person at a terminal would:
    /// "<" is Esc; at a choice, an answer is typed as a filter and Enter
    /// takes the first option it leaves, or, when it leaves none, the line
    /// that says why (kept in `said`) and the next answer is typed.
    struct Script {
        answers: Vec<&'static str>,
        said: Vec<String>,
        prompts: Vec<String>,
    }

    fn script(answers: Vec<&'static str>) -> Script {
        Script {
            answers,
            said: Vec::new(),
            prompts: Vec::new(),
        }
    }

    impl Script {
        fn next(&mut self) -> Result<&'static str> {
            if self.answers.is_empty() {
                bail!("the script ran out");
            }
            Ok(self.answers.remove(0))
        }
    }

    impl Ask for Script {
        fn choose(
            &mut self,
            prompt: &str,
            options: &[Choice],
            none: &dyn Fn(&str) -> String,
        ) -> Result<Step<usize>> {
            self.prompts.push(prompt.to_string());
            loop {
                let typed = self.next()?;
                if typed == "<" {
                    return Ok(Step::Back);
                }
                match matching(typed, options).first() {
                    Some(&i) => return Ok(Step::Go(i)),
                    None => self.said.push(none(typed)),
                }
            }
        }
        fn text(
            &mut self,
            prompt: &str,
            _default: Option<&str>,
            check: &dyn Fn(&str) -> std::result::Result<(), String>,
        ) -> Result<Step<String>> {
            self.prompts.push(prompt.to_string());
            let answer = self.next()?;
            if answer == "<" {
                return Ok(Step::Back);
            }
            check(answer).map_err(anyhow::Error::msg)?;
            Ok(Step::Go(answer.to_string()))
        }
        fn confirm(&mut self, prompt: &str) -> Result<Step<bool>> {
            self.prompts.push(prompt.to_string());
            Ok(match self.next()? {
                "<" => Step::Back,
                a => Step::Go(a == "y"),
            })
        }
    }

    /// The flags of a run with none given, in `dir`.
    fn none_given(dir: &tempfile::TempDir) -> Args {
        Args {
            root: dir.path().to_path_buf(),
            ..Args::default()
        }
    }

    fn campaigns_for(kind: Kind, filter: &str) -> Vec<&'static str> {
        let offered: Vec<&CampaignInfo> = CAMPAIGNS.iter().filter(|c| c.takes(kind)).collect();
        let choices: Vec<Choice> = offered
            .iter()
            .map(|c| campaign_choice(c, Lang::Vi))
            .collect();
        matching(filter, &choices)
            .into_iter()
            .map(|i| offered[i].slug)
            .collect()
    }

    #[test]
    fn a_typo_matches_nothing_and_never_the_fallback() {
        let kinds: Vec<Choice> = Kind::ALL
            .iter()
            .map(|k| Choice {
                shown: k.label(Lang::Vi).into(),
                words: format!("{} ({}) {}", k.label(Lang::Vi), k.slug(), k.label(Lang::En)),
            })
            .collect();
        for typo in ["ca nahn", "zzz", "2"] {
            assert!(matching(typo, &kinds).is_empty(), "{typo}");
        }
        assert_eq!(matching("ca nhan", &kinds), [1]);
        for typo in ["zzz", "van hao"] {
            assert!(campaigns_for(Kind::CaNhan, typo).is_empty(), "{typo}");
        }
        // The fallback only by its own words.
        assert_eq!(
            campaigns_for(Kind::CaNhan, "linh vuc khac"),
            ["linh-vuc-khac"]
        );
    }

    #[test]
    fn campaigns_are_found_by_lead_agency_kinds_and_roles() {
        // A teacher types what she is; 3.9 is found, the fallback is not.
        let teacher = campaigns_for(Kind::CaNhan, "giao vien");
        assert!(teacher.contains(&"day-tot-hoc-tot"), "{teacher:?}");
        assert!(!teacher.contains(&"linh-vuc-khac"), "{teacher:?}");
        let education = campaigns_for(Kind::TapThe, "giao duc");
        assert!(education.contains(&"day-tot-hoc-tot"), "{education:?}");
        let collectives = campaigns_for(Kind::TapThe, "tap the");
        assert!(collectives.contains(&"day-tot-hoc-tot"), "{collectives:?}");
        assert!(collectives.len() > 5, "{collectives:?}");
        // Households: 3.9 is not offered, and typing it says why.
        assert!(campaigns_for(Kind::HoGiaDinh, "3.9").is_empty());
        let why = no_campaign("3.9", Some(Kind::HoGiaDinh), Lang::Vi);
        assert!(why.contains("mục 3.9"), "{why}");
        assert!(why.contains("không nhận hộ gia đình"), "{why}");
        let why = no_campaign("zzz", Some(Kind::HoGiaDinh), Lang::Vi);
        assert!(why.contains("không có mục nào khớp “zzz”"), "{why}");
    }

    #[test]
    fn a_choice_that_matches_nothing_is_asked_again() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let mut args = none_given(&dir);
        let mut s = script(vec![
            "zzz",
            "ho gia dinh",
            "3.9",
            "nong thon",
            "Trần Văn B",
            "Xã Thanh Hà",
            "xa-thanh-ha",
        ]);
        fill_in(&mut args, Lang::Vi, &mut s)?;
        assert_eq!(args.kind.as_deref(), Some("ho-gia-dinh"));
        assert_eq!(args.campaign.as_deref(), Some("nong-thon-moi"));
        assert_eq!(s.said.len(), 2, "{:?}", s.said);
        assert!(s.said[1].contains("không nhận hộ gia đình"), "{:?}", s.said);
        Ok(())
    }

    #[test]
    fn esc_goes_back_one_question() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let mut args = none_given(&dir);
        // Individual, then back at the campaign to choose a household.
        let mut s = script(vec![
            "ca nhan",
            "<",
            "ho gia dinh",
            "nong thon",
            "<",
            "<",
            "tap the",
            "nong thon",
            "<",
            "nong thon",
            "HTX Thanh Hà",
            "Xã Thanh Hà",
            "xa-thanh-ha",
        ]);
        fill_in(&mut args, Lang::Vi, &mut s)?;
        assert_eq!(args.kind.as_deref(), Some("tap-the"));
        assert_eq!(args.campaign.as_deref(), Some("nong-thon-moi"));
        assert_eq!(args.name.as_deref(), Some("HTX Thanh Hà"));
        assert_eq!(args.unit.as_deref(), Some("xa-thanh-ha"));
        // Esc at the first question ends the command.
        let mut args = none_given(&dir);
        let err = fill_in(&mut args, Lang::Vi, &mut script(vec!["<"])).err();
        assert!(err.is_some_and(|e| e.to_string().contains("đã hủy")));
        // What a flag gave is never asked, even going back.
        let mut args = Args {
            root: dir.path().to_path_buf(),
            kind: Some("ca-nhan".into()),
            ..Args::default()
        };
        let err = fill_in(&mut args, Lang::Vi, &mut script(vec!["<"])).err();
        assert!(err.is_some_and(|e| e.to_string().contains("đã hủy")));
        Ok(())
    }

    #[test]
    fn prompts_fill_what_the_flags_left_out() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let mut args = none_given(&dir);
        let mut s = script(vec![
            "ca-nhan",
            "Dạy tốt",
            "giao-vien",
            "Nguyễn Văn Ấn",
            "Sở Giáo dục và Đào tạo",
            "so-giao-duc",
        ]);
        fill_in(&mut args, Lang::Vi, &mut s)?;
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
            fn choose(
                &mut self,
                _p: &str,
                options: &[Choice],
                _n: &dyn Fn(&str) -> String,
            ) -> Result<Step<usize>> {
                self.0 = options.len();
                bail!("stop")
            }
            fn text(
                &mut self,
                _p: &str,
                _d: Option<&str>,
                _c: &dyn Fn(&str) -> std::result::Result<(), String>,
            ) -> Result<Step<String>> {
                bail!("stop")
            }
            fn confirm(&mut self, _p: &str) -> Result<Step<bool>> {
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
