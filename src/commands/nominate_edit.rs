//! `kh nominate edit PATH... [--set KEY=VALUE]...` (SPEC §9.2): finishes a
//! nomination by answering questions, never by typing TOML. The questions
//! are exactly those the file's findings call for (a role, a fact, an empty
//! field, criteria, what import could not read); each answer is written in
//! place with `toml_edit`, keys it does not touch keeping their bytes and
//! order, comments kept.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use toml_edit::{DocumentMut, Item, Table, Value};

use super::nominate::{Ask, Choice, Step, Terminal, no_match};
use crate::campaign::{Campaign, CampaignInfo, Criterion};
use crate::diagnostic::{Rule, Severity};
use crate::form::{self, Col, FieldType, FormKey, ModelKey, NomineeKey};
use crate::lang::Lang;
use crate::messages::What;
use crate::text::escape_controls;
use crate::tr;
use crate::vocab::{Domain, Fact, FactType, InitiativeLevel, Kind, Rating, Role, Vocab};

#[derive(Debug, Default, Clone, clap::Args)]
pub struct EditArgs {
    /// Tệp đề nghị, thư mục đơn vị, hoặc thư mục gốc của đợt
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Ghi một giá trị không cần hỏi: KHÓA=GIÁ_TRỊ (facts.rating=..., role=..., nominee.founded=...)
    #[arg(long = "set", value_name = "KHÓA=GIÁ_TRỊ")]
    pub set: Vec<String>,
}

/// The English of `kh nominate edit`.
pub const ENGLISH: crate::commands::English = crate::commands::English {
    about: "Finish nominations by answering the questions their findings call for",
    options: &[
        (
            "paths",
            "Nomination files, a unit folder, or the round's root",
        ),
        (
            "set",
            "Write a value without asking: KEY=VALUE (facts.rating=..., role=..., nominee.founded=...)",
        ),
    ],
};

/// What a file's findings ask for, one question each.
#[derive(Clone, Debug, PartialEq)]
enum Need {
    Role,
    Fact(Fact),
    /// A `[nominee]` field.
    Field(NomineeKey),
    /// A `[model]` key (§3.7).
    Model(ModelKey),
    /// No achievement at all.
    Achievement,
    /// A criterion no achievement backs (its id and the plan's words):
    /// which achievement does.
    Criterion {
        id: &'static str,
        vi: &'static str,
        en: &'static str,
    },
    /// A key of `[import] unread`, shown with the source it came from.
    Unread(String, Option<String>),
}

/// One file: its text, what it nominates, and what is asked.
struct Open {
    path: PathBuf,
    shown: String,
    doc: DocumentMut,
    campaign: Option<&'static CampaignInfo>,
    kind: Option<Kind>,
    role: Option<Role>,
    needs: Vec<(Need, String)>,
}

pub fn run(args: EditArgs, lang: Lang) -> Result<String> {
    let files = files_of(&args.paths, lang)?;
    let sets = args
        .set
        .iter()
        .map(|s| parse_set(s, lang))
        .collect::<Result<Vec<_>>>()?;
    let mut opened = Vec::new();
    for f in &files {
        opened.push(open(f, lang)?);
    }
    let mut done: Vec<PathBuf> = Vec::new();
    if !sets.is_empty() {
        // Every value checked against every file before one is written: a
        // wrong one is a usage error and nothing changes.
        let mut edits = Vec::new();
        for o in &opened {
            let mut doc = o.doc.clone();
            for (key, raw) in &sets {
                apply_set(&mut doc, o, key, raw, lang)?;
            }
            edits.push((o.path.clone(), doc));
        }
        for (path, doc) in edits {
            write_back(&path, &doc.to_string(), lang)?;
            done.push(path);
        }
    } else {
        if !std::io::stdin().is_terminal() {
            bail!(lang.pick(
                "kh nominate edit hỏi từng điều trong terminal; ngoài terminal, dùng --set KHÓA=GIÁ_TRỊ",
                "kh nominate edit asks its questions at a terminal; elsewhere, use --set KEY=VALUE"
            ));
        }
        let mut ask = Terminal(lang);
        for mut o in opened.into_iter().filter(|o| !o.needs.is_empty()) {
            eprintln!("\n{}", header(&o, lang));
            let start = o.doc.to_string();
            // An answer may call for another question (a role, then the
            // facts that role needs): asked in turn, each question once.
            let mut asked: Vec<Need> = Vec::new();
            for _ in 0..6 {
                o.needs.retain(|(n, _)| !asked.contains(n));
                // The form's own questions first; which achievement shows
                // which criterion only once none is left.
                if o.needs
                    .iter()
                    .any(|(n, _)| !matches!(n, Need::Criterion { .. }))
                {
                    o.needs
                        .retain(|(n, _)| !matches!(n, Need::Criterion { .. }));
                }
                if o.needs.is_empty() {
                    break;
                }
                asked.extend(o.needs.iter().map(|(n, _)| n.clone()));
                ask_file(&mut o, &mut ask, lang)?;
                settle(&mut o, lang);
            }
            if o.doc.to_string() != start {
                write_back(&o.path, &o.doc.to_string(), lang)?;
                done.push(o.path.clone());
            }
        }
    }
    Ok(after(&done, lang))
}

/// "Đã sửa 3 tệp; còn 2 điều cần đơn vị bổ sung", after validating what
/// was written.
fn after(done: &[PathBuf], lang: Lang) -> String {
    let mut left = 0;
    let mut out = String::new();
    for path in done {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let checked = crate::nomination::check(
            path.display().to_string(),
            &text,
            &crate::config::Settings::default(),
        );
        let open: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| matches!(d.severity(), Severity::Error | Severity::Warning))
            .collect();
        left += open.len();
        for d in open {
            out.push_str(&format!(
                "  {}: {}\n",
                escape_controls(&path.display().to_string()),
                d.what.message(lang)
            ));
        }
    }
    format!(
        "{out}{}\n",
        tr!(
            lang,
            "Đã sửa {} tệp; còn {left} điều cần đơn vị bổ sung",
            "Edited {} files; {left} things left for the units",
            done.len()
        )
    )
}

/// The nomination files the paths name, in path order.
fn files_of(paths: &[PathBuf], lang: Lang) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_file() {
            out.push(p.clone());
            continue;
        }
        if !p.is_dir() {
            bail!(tr!(
                lang,
                "không có `{}`",
                "`{}` does not exist",
                escape_controls(&p.display().to_string())
            ));
        }
        let layout = crate::tree::resolve(p, lang)?;
        for u in &layout.units {
            for f in &u.files {
                out.push(f.path(&layout.root));
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn open(path: &Path, lang: Lang) -> Result<Open> {
    let text = std::fs::read_to_string(path).with_context(|| {
        tr!(
            lang,
            "không đọc được {}",
            "cannot read {}",
            escape_controls(&path.display().to_string())
        )
    })?;
    let shown = path.display().to_string();
    let doc: DocumentMut = text.parse().map_err(|e| {
        anyhow::anyhow!(tr!(
            lang,
            "{} không phải TOML hợp lệ ({e}): sửa bằng tay trước (xem: kh validate)",
            "{} is no valid TOML ({e}): mend it by hand first (see: kh validate)",
            escape_controls(&shown)
        ))
    })?;
    let mut o = Open {
        path: path.to_path_buf(),
        shown,
        doc,
        campaign: None,
        kind: None,
        role: None,
        needs: Vec::new(),
    };
    settle(&mut o, lang);
    Ok(o)
}

/// What the file's findings ask for now, and what it nominates.
fn settle(o: &mut Open, lang: Lang) {
    let text = o.doc.to_string();
    let doc = &o.doc;
    let checked =
        crate::nomination::check(o.shown.clone(), &text, &crate::config::Settings::default());
    let n = checked.nomination.unwrap_or_default();
    let campaign = n.campaign.map(Campaign::info);
    let mut needs: Vec<(Need, String)> = Vec::new();
    let mut push = |need: Need, why: String| {
        if !needs.iter().any(|(n, _)| *n == need) {
            needs.push((need, why));
        }
    };
    for d in checked.diagnostics.iter().filter(|d| d.edit_settles()) {
        let why = d.what.message(lang);
        match (&d.rule(), &d.what) {
            (Rule::MissingRole, _) => push(Need::Role, why),
            (_, What::MissingFact { fact, .. }) => push(Need::Fact(*fact), why),
            (Rule::RatingBelowRequired, What::RatingBelow { fact, .. }) => {
                push(Need::Fact(*fact), why)
            }
            (Rule::MissingField | Rule::EmptyField, What::MissingField { key, .. })
            | (Rule::MissingField | Rule::EmptyField, What::EmptyField { key, .. }) => {
                // `[model]` has a `name` and an `address` too: the table
                // that holds the key, or lacks it, says which.
                let model_key = <ModelKey as form::FormKey>::ALL
                    .iter()
                    .find(|k| k.key() == key)
                    .copied();
                let in_model = doc.get("model").and_then(|m| m.get(key.as_str())).is_some();
                let in_nominee = doc
                    .get("nominee")
                    .and_then(|m| m.get(key.as_str()))
                    .and_then(|v| v.as_str())
                    .is_some_and(|v| !v.trim().is_empty());
                match (form::nominee_field(key), model_key) {
                    (_, Some(k)) if in_model || in_nominee => push(Need::Model(k), why),
                    (Some(f), _) => push(Need::Field(f.key), why),
                    (None, Some(k)) => push(Need::Model(k), why),
                    (None, None) => {}
                }
            }
            (_, What::NoAchievement) => push(Need::Achievement, why),
            // "… hoặc …" with none of its facts given: each is asked.
            (Rule::CriterionNotMet, What::AnyOf { conds, .. }) => {
                let facts = doc.get("facts");
                if conds
                    .iter()
                    .all(|c| facts.and_then(|f| f.get(c.fact().slug())).is_none())
                {
                    for c in conds.iter() {
                        push(Need::Fact(c.fact()), why.clone());
                    }
                }
            }
            (_, What::WorkplaceOrResidence) => push(
                Need::Field(if n.kind == Some(Kind::HoGiaDinh) {
                    NomineeKey::Residence
                } else {
                    NomineeKey::Workplace
                }),
                why,
            ),
            (Rule::BirthYearOnly, _) => push(Need::Field(NomineeKey::BirthDate), why),
            (Rule::InvalidValue, What::BadChoice(c)) => {
                if let Some(f) = Fact::parse(&c.key) {
                    push(Need::Fact(f), why);
                } else if c.key == NomineeKey::Role.key() {
                    push(Need::Role, why);
                }
            }
            (_, What::ImportUnread { key, source }) => {
                push(Need::Unread(key.clone(), source.clone()), why)
            }
            (_, What::UnevidencedCriteria(u)) => {
                let criteria: Vec<&'static Criterion> =
                    u.campaign.info().criteria_for(u.kind, u.role).collect();
                for (i, c) in criteria.iter().enumerate() {
                    if i < 64 && u.mask & (1 << i) != 0 {
                        push(
                            Need::Criterion {
                                id: c.id,
                                vi: c.vi,
                                en: c.en,
                            },
                            tr!(
                                lang,
                                "Chưa có thành tích nào chứng minh tiêu chí `{}`",
                                "No achievement shows criterion `{}` yet",
                                c.id
                            ),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    // A field import could not read is asked once, with its source shown:
    // the empty field's own question gives way to it.
    let unread: Vec<(String, Option<String>)> = needs
        .iter()
        .filter_map(|(n, _)| match n {
            Need::Unread(k, src) => Some((k.clone(), src.clone())),
            _ => None,
        })
        .collect();
    let mut merged: Vec<(Need, String)> = Vec::new();
    for (need, why) in needs {
        let key = match &need {
            Need::Field(k) => Some(format!("nominee.{k}")),
            Need::Achievement => Some("achievements".to_string()),
            _ => None,
        };
        match key.and_then(|k| unread.iter().find(|(u, _)| *u == k)) {
            Some((k, src)) => {
                let n = Need::Unread(k.clone(), src.clone());
                if !merged.iter().any(|(m, _)| *m == n) {
                    merged.push((n, why));
                }
            }
            None => {
                if !merged.iter().any(|(m, _)| *m == need) {
                    merged.push((need, why));
                }
            }
        }
    }
    o.campaign = campaign;
    o.kind = n.kind;
    o.role = n.role;
    o.needs = merged;
}

/// The nominee and the file, shown before its questions.
fn header(o: &Open, lang: Lang) -> String {
    let name = o
        .doc
        .get("nominee")
        .and_then(|n| {
            n.get(NomineeKey::Name.key())
                .or(n.get(NomineeKey::FullName.key()))
        })
        .and_then(|v| v.as_str())
        .unwrap_or("");
    let kind = o.kind.map_or("", |k| k.label(lang));
    let campaign = o.campaign.map_or(String::new(), |c| {
        format!(" — {} ({})", c.name(lang), c.cited(lang))
    });
    format!(
        "== {}: {} ({kind}){campaign}",
        escape_controls(&o.shown),
        escape_controls(name)
    )
}

/// Asks a file's questions in order; Esc goes back one.
fn ask_file(o: &mut Open, ask: &mut dyn Ask, lang: Lang) -> Result<()> {
    let needs = o.needs.clone();
    let mut done: Vec<DocumentMut> = Vec::new();
    let mut i = 0;
    while i < needs.len() {
        let (need, why) = &needs[i];
        eprintln!("  {}", escape_controls(why));
        let before = o.doc.clone();
        match ask_one(o, need, ask, lang)? {
            Step::Go(()) => {
                done.push(before);
                i += 1;
            }
            Step::Back => {
                if let Some(prev) = done.pop() {
                    o.doc = prev;
                    i -= 1;
                }
            }
        }
    }
    Ok(())
}

fn ask_one(o: &mut Open, need: &Need, ask: &mut dyn Ask, lang: Lang) -> Result<Step<()>> {
    match need {
        Need::Role => {
            let roles: &[Role] = match (o.campaign, o.kind) {
                (Some(c), Some(k)) => c.roles_for(k),
                _ => Role::all(),
            };
            let options: Vec<Choice> = roles
                .iter()
                .map(|r| Choice {
                    shown: format!("{} ({})", r.label(lang), r.slug()),
                    words: format!("{} {}", r.label(Lang::Vi), r.slug()),
                })
                .collect();
            let none = |f: &str| no_match(f, lang);
            let prompt = lang.pick("Nhóm đối tượng", "Group");
            Ok(match ask.choose(prompt, &options, &none)? {
                Step::Go(i) => {
                    set_nominee(&mut o.doc, NomineeKey::Role, Value::from(roles[i].slug()));
                    o.role = Some(roles[i]);
                    Step::Go(())
                }
                Step::Back => Step::Back,
            })
        }
        Need::Fact(f) => {
            let v = match ask_typed(f.ty().into(), f.label(lang), ask, lang)? {
                Step::Go(v) => v,
                Step::Back => return Ok(Step::Back),
            };
            set_in(&mut o.doc, "facts", f.slug(), v);
            Ok(Step::Go(()))
        }
        Need::Field(key) => {
            let field = key.field();
            let label = lang.pick(field.vi, field.en);
            let ty = match field.ty {
                FieldType::Date => Typed::Date,
                FieldType::Count => Typed::Count,
                _ => Typed::Text,
            };
            let v = match ask_typed(ty, label, ask, lang)? {
                Step::Go(v) => v,
                Step::Back => return Ok(Step::Back),
            };
            set_nominee(&mut o.doc, *key, v);
            drop_unread(&mut o.doc, &format!("nominee.{key}"));
            Ok(Step::Go(()))
        }
        Need::Model(k) => {
            let ty = match k {
                ModelKey::Domain => Typed::Domain,
                ModelKey::FourStepPlan | ModelKey::RecordsArchived => Typed::Bool,
                ModelKey::Score => Typed::Score,
                _ => Typed::Text,
            };
            let v = match ask_typed(ty, form::model_label(*k, lang), ask, lang)? {
                Step::Go(v) => v,
                Step::Back => return Ok(Step::Back),
            };
            set_in(&mut o.doc, "model", k.key(), v);
            Ok(Step::Go(()))
        }
        Need::Achievement => {
            let label = lang.pick(
                "Thành tích tiêu biểu xuất sắc (một thành tích)",
                "An outstanding achievement",
            );
            let v = match ask_typed(Typed::Text, label, ask, lang)? {
                Step::Go(v) => v,
                Step::Back => return Ok(Step::Back),
            };
            add_achievement(&mut o.doc, v);
            drop_unread(&mut o.doc, "achievements");
            Ok(Step::Go(()))
        }
        Need::Criterion { id, vi, en } => {
            let texts = achievement_texts(&o.doc);
            // Leaving it is first: Enter alone never claims a criterion.
            let mut options = vec![Choice {
                shown: lang
                    .pick(
                        "(chưa có thành tích nào — để trống)",
                        "(no achievement yet — leave it)",
                    )
                    .to_string(),
                words: "de trong bo qua skip none".into(),
            }];
            options.extend(texts.iter().enumerate().map(|(i, t)| {
                let short: String = t.chars().take(90).collect();
                Choice {
                    shown: format!("{}. {short}", i + 1),
                    words: format!("{} {t}", i + 1),
                }
            }));
            let prompt = tr!(
                lang,
                "Thành tích nào chứng minh “{}” ({})?",
                "Which achievement shows “{}” ({})?",
                lang.pick(vi, en),
                id
            );
            let none = |f: &str| no_match(f, lang);
            Ok(match ask.choose(&prompt, &options, &none)? {
                Step::Go(i) if i > 0 => {
                    add_criterion(&mut o.doc, i - 1, id);
                    Step::Go(())
                }
                Step::Go(_) => Step::Go(()),
                Step::Back => Step::Back,
            })
        }
        Need::Unread(key, source) => {
            let label = form::unread_label(key, lang);
            if let Some(src) = source {
                eprintln!(
                    "  {}",
                    tr!(
                        lang,
                        "xem {label} trong báo cáo gốc: {}",
                        "look at {label} in the source: {}",
                        escape_controls(src)
                    )
                );
                // What the source holds there, where it can still be read.
                for line in source_near(src, form::unread_label(key, Lang::Vi)) {
                    eprintln!("    │ {}", escape_controls(&line));
                }
            }
            match key.as_str() {
                "achievements" => ask_one(o, &Need::Achievement, ask, lang),
                "awards" => {
                    let step = ask_award(&mut o.doc, ask, lang)?;
                    if step == Step::Go(()) {
                        drop_unread(&mut o.doc, "awards");
                    }
                    Ok(step)
                }
                "proposed_award" => {
                    let v = match ask_typed(Typed::Text, label, ask, lang)? {
                        Step::Go(v) => v,
                        Step::Back => return Ok(Step::Back),
                    };
                    set_top(&mut o.doc, "proposed_award", v);
                    drop_unread(&mut o.doc, "proposed_award");
                    Ok(Step::Go(()))
                }
                k => match k.strip_prefix("nominee.").and_then(form::nominee_field) {
                    Some(f) => ask_one(o, &Need::Field(f.key), ask, lang),
                    None => Ok(Step::Go(())),
                },
            }
        }
    }
}

/// The lines of a Word report that stand at a field's label and after it,
/// for the person answering to read (SPEC §9.2: "after showing what the
/// source holds"); nothing when the source is gone or is no report.
fn source_near(source: &str, label: &str) -> Vec<String> {
    let path = Path::new(source);
    if crate::intake::source_kind(path) != crate::intake::SourceKind::Docx {
        return Vec::new();
    }
    let Ok(bytes) = crate::tree::read_regular(path, 64 * 1024 * 1024) else {
        return Vec::new();
    };
    let Some(blocks) = crate::intake::report_blocks(&bytes) else {
        return Vec::new();
    };
    let key = crate::intake::report::fold(label);
    let lines: Vec<String> = blocks
        .iter()
        .flat_map(|b| match b {
            crate::intake::wordml::Block::Para(p) => vec![p.text.clone()],
            crate::intake::wordml::Block::Table(rows) => {
                rows.iter().map(|r| r.join(" | ")).collect()
            }
        })
        .flat_map(|t| t.lines().map(str::to_string).collect::<Vec<_>>())
        .filter(|l| !l.trim().is_empty())
        .collect();
    let Some(at) = lines
        .iter()
        .position(|l| crate::intake::report::fold(l).contains(&key))
    else {
        return Vec::new();
    };
    lines[at..]
        .iter()
        .take(3)
        .map(|l| l.chars().take(200).collect())
        .collect()
}

/// An award typed from the source: its year and title, its decision if
/// any; an empty title says there is none.
fn ask_award(doc: &mut DocumentMut, ask: &mut dyn Ask, lang: Lang) -> Result<Step<()>> {
    let title_label = lang.pick(
        "Hình thức khen thưởng (để trống nếu không có)",
        "The award (empty if none)",
    );
    let title = match ask.text(title_label, None, &|_| Ok(()))? {
        Step::Go(t) => t.trim().to_string(),
        Step::Back => return Ok(Step::Back),
    };
    if title.is_empty() {
        return Ok(Step::Go(()));
    }
    let year = match ask_typed(
        Typed::Count,
        lang.pick("Năm khen thưởng", "Year of the award"),
        ask,
        lang,
    )? {
        Step::Go(v) => v,
        Step::Back => return Ok(Step::Back),
    };
    let mut t = Table::new();
    t.insert("year", Item::Value(year));
    t.insert("title", toml_edit::value(title));
    match doc
        .get_mut("awards")
        .and_then(|a| a.as_array_of_tables_mut())
    {
        Some(a) => a.push(t),
        None => {
            let mut a = toml_edit::ArrayOfTables::new();
            a.push(t);
            insert_table_in_place(doc, "awards", Item::ArrayOfTables(a));
        }
    }
    Ok(Step::Go(()))
}

/// How an answer is asked and written.
#[derive(Clone, Copy)]
enum Typed {
    Text,
    Date,
    Count,
    Score,
    Bool,
    Rating,
    Initiative,
    Domain,
}

impl From<FactType> for Typed {
    fn from(t: FactType) -> Typed {
        match t {
            FactType::Rating => Typed::Rating,
            FactType::InitiativeLevel => Typed::Initiative,
            FactType::Bool => Typed::Bool,
            FactType::Count | FactType::Rank => Typed::Count,
            FactType::Score | FactType::Area => Typed::Score,
        }
    }
}

fn vocab_options<V: Vocab>(lang: Lang) -> Vec<Choice> {
    V::all()
        .iter()
        .map(|v| Choice {
            shown: crate::text::upper_first(v.label(lang)),
            words: format!("{} {}", v.label(Lang::Vi), v.slug()),
        })
        .collect()
}

fn ask_typed(ty: Typed, label: &str, ask: &mut dyn Ask, lang: Lang) -> Result<Step<Value>> {
    let label = crate::text::upper_first(label);
    let label = label.as_str();
    let none = |f: &str| no_match(f, lang);
    let pick = |ask: &mut dyn Ask, options: Vec<Choice>, slugs: Vec<&'static str>| {
        Ok::<_, anyhow::Error>(match ask.choose(label, &options, &none)? {
            Step::Go(i) => Step::Go(Value::from(slugs[i])),
            Step::Back => Step::Back,
        })
    };
    match ty {
        Typed::Rating => pick(
            ask,
            vocab_options::<Rating>(lang),
            Rating::all().iter().map(|v| v.slug()).collect(),
        ),
        Typed::Initiative => pick(
            ask,
            vocab_options::<InitiativeLevel>(lang),
            InitiativeLevel::all().iter().map(|v| v.slug()).collect(),
        ),
        Typed::Domain => pick(
            ask,
            vocab_options::<Domain>(lang),
            Domain::all().iter().map(|v| v.slug()).collect(),
        ),
        Typed::Bool => Ok(match ask.confirm(label)? {
            Step::Go(b) => Step::Go(Value::from(b)),
            Step::Back => Step::Back,
        }),
        _ => {
            let check = move |s: &str| typed_value(ty, s, lang).map(|_| ());
            Ok(match ask.text(label, None, &check)? {
                Step::Go(s) => Step::Go(typed_value(ty, &s, lang).map_err(anyhow::Error::msg)?),
                Step::Back => Step::Back,
            })
        }
    }
}

/// A value typed or given with `--set`, as the file writes it.
fn typed_value(ty: Typed, s: &str, lang: Lang) -> std::result::Result<Value, String> {
    let t = s.trim();
    let wrong = |what: &str| tr!(lang, "“{t}”: cần {what}", "“{t}”: needs {what}");
    match ty {
        Typed::Text if t.is_empty() => Err(lang.pick("cần ghi nội dung", "needs text").into()),
        Typed::Text => Ok(Value::from(crate::text::nfc(t).into_owned())),
        Typed::Date => crate::reader::parse_date_arg(t)
            .map(|d| Value::from(crate::text::dmy(d)))
            .map_err(|_| {
                wrong(lang.pick(
                    "ngày/tháng/năm, ví dụ 12/04/1968",
                    "day/month/year, as 12/04/1968",
                ))
            }),
        Typed::Count => t
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .map(Value::from)
            .ok_or_else(|| wrong(lang.pick("một số nguyên ≥ 0", "a whole number ≥ 0"))),
        Typed::Score => t
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n >= 0.0)
            .map(|n| {
                if n.fract() == 0.0 && n < 1e15 {
                    Value::from(n as i64)
                } else {
                    Value::from(n)
                }
            })
            .ok_or_else(|| wrong(lang.pick("một số ≥ 0", "a number ≥ 0"))),
        Typed::Bool => match crate::text::slugify(t).as_str() {
            "true" | "co" | "yes" | "dung" => Ok(Value::from(true)),
            "false" | "khong" | "no" | "sai" => Ok(Value::from(false)),
            _ => Err(wrong("true | false")),
        },
        Typed::Rating => Rating::parse(t)
            .map(|v| Value::from(v.slug()))
            .ok_or_else(|| wrong(&Rating::choices())),
        Typed::Initiative => InitiativeLevel::parse(t)
            .map(|v| Value::from(v.slug()))
            .ok_or_else(|| wrong(&InitiativeLevel::choices())),
        Typed::Domain => Domain::parse(t)
            .map(|v| Value::from(v.slug()))
            .ok_or_else(|| wrong(&Domain::choices())),
    }
}

/// `--set KEY=VALUE`, the key resolved: `facts.rating`, `nominee.role`, or
/// a bare fact or nominee field name.
fn parse_set(s: &str, lang: Lang) -> Result<(String, String)> {
    let Some((k, v)) = s.split_once('=') else {
        bail!(tr!(
            lang,
            "--set cần KHÓA=GIÁ_TRỊ, ví dụ --set rating=hoan-thanh-xuat-sac (nhận được “{}”)",
            "--set needs KEY=VALUE, as --set rating=hoan-thanh-xuat-sac (got “{}”)",
            escape_controls(s)
        ));
    };
    let k = k.trim();
    let key = match k.split_once('.') {
        Some(("facts", f)) if Fact::parse(f).is_some_and(|x| x.slug() == f) => k.to_string(),
        Some(("nominee", f)) if form::nominee_field(f).is_some() => k.to_string(),
        Some(("model", m))
            if <ModelKey as form::FormKey>::ALL
                .iter()
                .any(|x| x.key() == m) =>
        {
            k.to_string()
        }
        None if k == "proposed_award" => k.to_string(),
        None => {
            let fact = Fact::all().iter().find(|f| f.slug() == k);
            let field = form::nominee_field(k);
            match (fact, field) {
                (Some(f), None) => format!("facts.{}", f.slug()),
                (None, Some(f)) => format!("nominee.{}", f.key),
                _ => bail!(unknown_key(k, lang)),
            }
        }
        _ => bail!(unknown_key(k, lang)),
    };
    Ok((key, v.to_string()))
}

fn unknown_key(k: &str, lang: Lang) -> String {
    tr!(
        lang,
        "--set: không có khóa `{}` (ví dụ: rating, role, facts.par_index, nominee.founded)",
        "--set: no key `{}` (for example: rating, role, facts.par_index, nominee.founded)",
        escape_controls(k)
    )
}

fn apply_set(doc: &mut DocumentMut, o: &Open, key: &str, raw: &str, lang: Lang) -> Result<()> {
    let bad = |why: String| {
        anyhow::anyhow!(tr!(
            lang,
            "--set {key}: {why} ({}); không ghi gì",
            "--set {key}: {why} ({}); nothing written",
            escape_controls(&o.shown)
        ))
    };
    if key == "proposed_award" {
        let v = typed_value(Typed::Text, raw, lang).map_err(bad)?;
        set_top(doc, key, v);
        drop_unread(doc, key);
        return Ok(());
    }
    let (table, name) = key.split_once('.').unwrap_or(("", key));
    match table {
        "facts" => {
            let f = Fact::parse(name).ok_or_else(|| bad(unknown_key(name, lang)))?;
            let v = typed_value(f.ty().into(), raw, lang).map_err(bad)?;
            set_in(doc, "facts", f.slug(), v);
        }
        "model" => {
            let k = <ModelKey as form::FormKey>::ALL
                .iter()
                .find(|m| m.key() == name)
                .ok_or_else(|| bad(unknown_key(name, lang)))?;
            let ty = match k {
                ModelKey::Domain => Typed::Domain,
                ModelKey::FourStepPlan | ModelKey::RecordsArchived => Typed::Bool,
                ModelKey::Score => Typed::Score,
                _ => Typed::Text,
            };
            set_in(
                doc,
                "model",
                k.key(),
                typed_value(ty, raw, lang).map_err(bad)?,
            );
        }
        _ => {
            let field = form::nominee_field(name).ok_or_else(|| bad(unknown_key(name, lang)))?;
            if let Some(k) = o.kind
                && field.col(k) == Col::No
            {
                return Err(bad(tr!(
                    lang,
                    "{} không thuộc mẫu của {}",
                    "{} is not on the form of a {}",
                    field.vi,
                    k.label(lang)
                )));
            }
            let v = match field.ty {
                FieldType::Role => {
                    let roles: &[Role] = match (o.campaign, o.kind) {
                        (Some(c), Some(k)) => c.roles_for(k),
                        _ => Role::all(),
                    };
                    let r = Role::parse(raw)
                        .filter(|r| roles.contains(r))
                        .ok_or_else(|| {
                            bad(tr!(
                                lang,
                                "“{}” không phải nhóm đối tượng của phong trào này ({})",
                                "“{}” is no group of this campaign ({})",
                                escape_controls(raw),
                                roles
                                    .iter()
                                    .map(|r| r.slug())
                                    .collect::<Vec<_>>()
                                    .join(" | ")
                            ))
                        })?;
                    Value::from(r.slug())
                }
                FieldType::Date => typed_value(Typed::Date, raw, lang).map_err(bad)?,
                FieldType::Count => typed_value(Typed::Count, raw, lang).map_err(bad)?,
                FieldType::Gender => crate::vocab::Gender::parse(raw)
                    .map(|g| Value::from(g.slug()))
                    .ok_or_else(|| bad(crate::vocab::Gender::choices()))?,
                _ => typed_value(Typed::Text, raw, lang).map_err(bad)?,
            };
            set_nominee(doc, field.key, v);
            drop_unread(doc, &format!("nominee.{}", field.key));
        }
    }
    Ok(())
}

/// Replaces a value keeping its line's comment, or inserts it.
fn put(t: &mut dyn toml_edit::TableLike, key: &str, v: Value) {
    match t.get_mut(key).and_then(|i| i.as_value_mut()) {
        Some(old) => {
            let mut decor = old.decor().clone();
            // The comment stays in its column where the value leaves room.
            let width = |v: &Value| {
                let mut bare = v.clone();
                bare.decor_mut().clear();
                unicode_width::UnicodeWidthStr::width(bare.to_string().as_str())
            };
            let (was, now) = (width(old), width(&v));
            if let Some(suffix) = decor.suffix().and_then(|s| s.as_str()).map(str::to_string) {
                let pad = suffix.len() - suffix.trim_start_matches(' ').len();
                let rest = &suffix[pad..];
                if rest.starts_with('#') {
                    let pad = (pad + was).saturating_sub(now).max(1);
                    decor.set_suffix(format!("{}{rest}", " ".repeat(pad)));
                }
            }
            *old = v;
            *old.decor_mut() = decor;
        }
        None => {
            t.insert(key, Item::Value(v));
        }
    }
}

/// A `[nominee]` field, a new one at its §3 place: after the last field
/// before it in the form's order, the others keeping theirs.
fn set_nominee(doc: &mut DocumentMut, key: NomineeKey, v: Value) {
    let (at, key) = (key as usize, key.key());
    if !doc.contains_table("nominee") {
        insert_table_in_place(doc, "nominee", Item::Table(Table::new()));
    }
    let Some(t) = doc.get_mut("nominee").and_then(|n| n.as_table_mut()) else {
        return;
    };
    let new = !t.contains_key(key);
    put(t, key, v);
    if new {
        let order = |k: &str| NomineeKey::parse(k).map(|k| k as usize);
        // The present keys in their order, the new one just after the last
        // the form puts before it (first when none is).
        let mut keys: Vec<String> = t
            .iter()
            .map(|(k, _)| k.to_string())
            .filter(|k| k != key)
            .collect();
        let after = keys
            .iter()
            .rposition(|k| order(k).is_some_and(|o| o < at))
            .map_or(0, |i| i + 1);
        keys.insert(after, key.to_string());
        t.sort_values_by(|a, _, b, _| {
            let place = |k: &str| keys.iter().position(|x| x == k);
            place(a.get()).cmp(&place(b.get()))
        });
    }
}

/// A key of `[facts]` or `[model]`, the table made where §3 puts it.
fn set_in(doc: &mut DocumentMut, table: &str, key: &str, v: Value) {
    if !doc.contains_table(table) {
        insert_table_in_place(doc, table, Item::Table(Table::new()));
    }
    if let Some(t) = doc.get_mut(table).and_then(|n| n.as_table_mut()) {
        put(t, key, v);
    }
}

fn set_top(doc: &mut DocumentMut, key: &str, v: Value) {
    put(doc.as_table_mut(), key, v);
}

/// A new table (or array of tables) before `[import]`, which §15.1 keeps
/// last.
fn insert_table_in_place(doc: &mut DocumentMut, name: &str, mut item: Item) {
    let import_at = doc
        .get("import")
        .and_then(|i| i.as_table())
        .and_then(|t| t.position());
    if let Some(at) = import_at {
        match &mut item {
            Item::Table(t) => t.set_position(Some(at)),
            Item::ArrayOfTables(a) => {
                for t in a.iter_mut() {
                    t.set_position(Some(at));
                }
            }
            _ => {}
        }
        if let Some(i) = doc.get_mut("import").and_then(|i| i.as_table_mut()) {
            i.set_position(Some(at + 1));
        }
    }
    doc.insert(name, item);
}

fn achievement_texts(doc: &DocumentMut) -> Vec<String> {
    doc.get("achievements")
        .and_then(|a| a.as_array_of_tables())
        .map(|a| {
            a.iter()
                .map(|t| {
                    t.get("text")
                        .and_then(|x| x.as_str())
                        .unwrap_or("")
                        .trim()
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

fn add_achievement(doc: &mut DocumentMut, v: Value) {
    let mut t = Table::new();
    t.insert("text", Item::Value(v));
    match doc
        .get_mut("achievements")
        .and_then(|a| a.as_array_of_tables_mut())
    {
        Some(a) => {
            // The writer's empty box ("text = \"\"") is filled, not kept.
            if let Some(empty) = a.iter_mut().find(|x| {
                x.get("text")
                    .and_then(|v| v.as_str())
                    .is_some_and(|s| s.trim().is_empty())
            }) {
                if let Some(text) = t.remove("text") {
                    empty.insert("text", text);
                }
            } else {
                a.push(t);
            }
        }
        None => {
            let mut a = toml_edit::ArrayOfTables::new();
            a.push(t);
            insert_table_in_place(doc, "achievements", Item::ArrayOfTables(a));
        }
    }
}

fn add_criterion(doc: &mut DocumentMut, i: usize, id: &str) {
    let Some(t) = doc
        .get_mut("achievements")
        .and_then(|a| a.as_array_of_tables_mut())
        .and_then(|a| a.get_mut(i))
    else {
        return;
    };
    match t.get_mut("criteria").and_then(|c| c.as_array_mut()) {
        Some(list) => {
            if !list.iter().any(|v| v.as_str() == Some(id)) {
                list.push(id);
            }
        }
        None => {
            let mut list = toml_edit::Array::new();
            list.push(id);
            t.insert("criteria", toml_edit::value(list));
        }
    }
}

/// A key settled leaves `[import] unread`; an empty list, and an empty
/// `[import]`, go (SPEC §9.2).
fn drop_unread(doc: &mut DocumentMut, key: &str) {
    let Some(import) = doc.get_mut("import").and_then(|i| i.as_table_mut()) else {
        return;
    };
    let empty = match import.get_mut("unread").and_then(|u| u.as_array_mut()) {
        Some(list) => {
            list.retain(|v| v.as_str() != Some(key));
            list.is_empty()
        }
        None => false,
    };
    if empty {
        import.remove("unread");
    }
    if import.is_empty() {
        // What stood above `[import]` (a commented-out awards block) is the
        // file's, not the table's: kept at the file's end.
        let above: String = import
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .lines()
            .filter(|l| !l.starts_with("# Do kh import ghi"))
            .map(|l| format!("{l}\n"))
            .collect();
        doc.remove("import");
        let trailing = doc.trailing().as_str().unwrap_or("").to_string();
        let above = above.trim_end_matches('\n');
        if !above.trim().is_empty() {
            doc.set_trailing(format!("{trailing}{above}\n"));
        }
    }
}

/// Writes a file whole or not at all, as the documents are written.
fn write_back(path: &Path, text: &str, lang: Lang) -> Result<()> {
    crate::write_out::write_atomic(path, text.as_bytes(), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_field_goes_at_its_place_and_the_rest_keep_their_bytes() {
        let text = "# a comment kept\ncampaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Nguyễn Văn An\"   # tên\nworkplace = \"Bệnh viện tỉnh\"\n\n[[achievements]]\ntext = \"x\"\n";
        let mut doc: DocumentMut = text.parse().expect("toml");
        set_nominee(&mut doc, NomineeKey::Hometown, Value::from("xã An"));
        let out = doc.to_string();
        assert!(
            out.contains("full_name = \"Nguyễn Văn An\"   # tên\nhometown = \"xã An\"\nworkplace = \"Bệnh viện tỉnh\"\n"),
            "{out}"
        );
        assert!(out.starts_with("# a comment kept\ncampaign"), "{out}");
    }

    #[test]
    fn a_set_key_is_resolved_or_refused() {
        assert_eq!(
            parse_set("rating=hoan-thanh-xuat-sac", Lang::Vi)
                .expect("ok")
                .0,
            "facts.rating"
        );
        assert_eq!(
            parse_set("role=giao-vien", Lang::Vi).expect("ok").0,
            "nominee.role"
        );
        assert_eq!(
            parse_set("nominee.founded=1995", Lang::Vi).expect("ok").0,
            "nominee.founded"
        );
        assert!(parse_set("ratng=x", Lang::Vi).is_err());
        assert!(parse_set("rating", Lang::Vi).is_err());
        assert!(typed_value(Typed::Rating, "Hoàn thành xuất sắc nhiệm vụ", Lang::Vi).is_ok());
        assert!(typed_value(Typed::Rating, "giỏi", Lang::Vi).is_err());
    }

    #[test]
    fn a_settled_key_leaves_unread() {
        let mut doc: DocumentMut =
            "[nominee]\nhometown = \"\"\n\n[import]\nunread = [\"nominee.hometown\"]\n"
                .parse()
                .expect("toml");
        drop_unread(&mut doc, "nominee.hometown");
        assert!(!doc.to_string().contains("[import]"), "{doc}");
    }
}
