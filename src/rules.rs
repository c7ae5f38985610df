//! The campaign rules of SPEC §4.2, applied to a nomination's facts and
//! model. What each campaign asks lives in the campaign table; this module
//! only knows how to judge each kind of check.

use crate::campaign::{CampaignInfo, Check, Cond};
use crate::facts::{Facts, Model};
use crate::lang::Lang;
use crate::messages::What;
use crate::reader::Cx;
use crate::tr;
use crate::vocab::{Fact, FactValue, Kind, Rating, Role};

/// The general criteria's section of the plan (§III.2), cited where a
/// rating floor is theirs rather than the campaign's.
const GENERAL: &str = "III.2";

pub(crate) fn apply(
    cx: &mut Cx<'_>,
    info: &CampaignInfo,
    kind: Kind,
    role: Option<Role>,
    facts: &Facts,
    model: Option<&Model>,
) {
    let section = info.section;

    // §III.2: every exemplar "hoàn thành xuất sắc các nhiệm vụ được giao",
    // unless the campaign sets a lower floor.
    let own = info.own_rating_floor(kind, role);
    let floor = own.unwrap_or(Rating::XuatSac);
    // The section the floor comes from: the campaign's, or §III.2's.
    let floor_section = if own.is_some() { section } else { GENERAL };
    if let Some((FactValue::Rating(r), span)) = facts.get(Fact::Rating) {
        below_floor(cx, Fact::Rating, *r, floor, span.clone(), floor_section);
    }

    // A fact two rules need (`par_index` for the floor and for the rise) is
    // reported missing once.
    let mut missing: Vec<Fact> = Vec::new();
    let mut require = |cx: &mut Cx<'_>, fact: Fact| {
        if facts.get(fact).is_some() {
            return true;
        }
        if facts.is_wrong(fact) {
            return false;
        }
        if !missing.contains(&fact) {
            missing.push(fact);
            cx.report(facts.header.clone(), What::MissingFact { section, fact });
        }
        false
    };

    // A fact read as `true` because another was given is said once.
    let mut read_as_true: Vec<Fact> = Vec::new();
    for rule in info.rules_for(kind, role) {
        if !applies(cx, facts, rule, &mut read_as_true) {
            continue;
        }
        match rule.check {
            Check::Rating(_) => {
                require(cx, Fact::Rating);
            }
            Check::PartyRating => {
                if require(cx, Fact::PartyRating)
                    && let Some((FactValue::Rating(r), span)) = facts.get(Fact::PartyRating)
                {
                    below_floor(
                        cx,
                        Fact::PartyRating,
                        *r,
                        Rating::XuatSac,
                        span.clone(),
                        section,
                    );
                }
            }
            Check::Present(fact) => {
                require(cx, fact);
            }
            Check::PresentUnless(fact, unless) => {
                if facts.get(unless).is_none() {
                    require(cx, fact);
                }
            }
            Check::Zero(fact) => {
                if require(cx, fact)
                    && let Some(n) = facts.number(fact)
                    && n != 0.0
                {
                    cx.report(facts.span(fact), What::NotZero { section, fact, n });
                }
            }
            Check::AnyOf(conds) => {
                if !conds.iter().any(|c| holds(facts, *c)) {
                    cx.report(facts.header.clone(), What::AnyOf { section, conds });
                }
            }
            Check::InitiativeAt(level) => {
                if let Some((FactValue::Level(given), span)) = facts.get(Fact::InitiativeLevel)
                    && *given != level
                {
                    cx.report(
                        Some(span.clone()),
                        What::InitiativeLevel {
                            section,
                            want: level,
                            got: *given,
                        },
                    );
                }
            }
            Check::AtLeast(fact, min) => {
                if require(cx, fact)
                    && let Some(n) = facts.number(fact)
                    && n < min
                {
                    cx.report(
                        facts.span(fact),
                        What::TooLow {
                            section,
                            fact,
                            min,
                            n,
                        },
                    );
                }
            }
            Check::ParImproved => match par_rise(facts) {
                Rise::Shown => {}
                Rise::Ask(missing) => {
                    for fact in missing {
                        require(cx, fact);
                    }
                }
                Rise::NotShown => {
                    cx.report(facts.span(Fact::ParIndex), What::NoParRise { section });
                }
            },
            Check::DanVanModel => {
                if let Some(model) = model {
                    dan_van_model(cx, model, section);
                }
            }
            // Read (so not `fact-not-applicable`), asked of no one.
            Check::Optional(_) => {}
        }
    }
}

/// Whether a rule with a condition applies: its fact is true, or another
/// fact that answers it was given (said once, as `value-read-as`). An
/// explicit "no" wins over a given number: a commune its district scores
/// may still report its index (SPEC §4.2).
fn applies(
    cx: &mut Cx<'_>,
    facts: &Facts,
    rule: &crate::campaign::Requirement,
    read_as_true: &mut Vec<Fact>,
) -> bool {
    let Some(when) = rule.when else {
        return true;
    };
    let said_no = matches!(facts.get(when), Some((FactValue::Bool(false), _)));
    let given = rule.or_given.filter(|g| facts.get(*g).is_some());
    if said_no || (!facts.is_true(when) && given.is_none()) {
        return false;
    }
    if let Some(given) = given
        && facts.get(when).is_none()
        && !facts.is_wrong(when)
        && !read_as_true.contains(&when)
    {
        read_as_true.push(when);
        cx.report(
            facts.span(given),
            What::FactReadAsTrue { fact: when, given },
        );
    }
    true
}

/// What the PAR index and rank say of a rise ("tăng điểm hoặc tăng bậc").
enum Rise {
    /// A complete pair shows one: settled.
    Shown,
    /// Facts of an incomplete pair, which might have shown one: asked for.
    Ask(Vec<Fact>),
    /// Two complete pairs, and no rise: the criterion fails.
    NotShown,
}

fn par_rise(facts: &Facts) -> Rise {
    let pairs = [
        (Fact::ParIndex, Fact::ParIndexPrev, true),
        (Fact::ParRank, Fact::ParRankPrev, false),
    ];
    let pair = |(now, prev, higher_is_better): (Fact, Fact, bool)| match (
        facts.number(now),
        facts.number(prev),
    ) {
        (Some(a), Some(b)) => Some(if higher_is_better { a > b } else { a < b }),
        _ => None,
    };
    if pairs.iter().any(|p| pair(*p) == Some(true)) {
        return Rise::Shown;
    }
    let ask: Vec<Fact> = pairs
        .iter()
        .filter(|p| pair(**p).is_none())
        .flat_map(|(now, prev, _)| [*now, *prev])
        .collect();
    if ask.is_empty() {
        Rise::NotShown
    } else {
        Rise::Ask(ask)
    }
}

fn below_floor(
    cx: &mut Cx<'_>,
    fact: Fact,
    given: Rating,
    floor: Rating,
    span: std::ops::Range<usize>,
    section: &'static str,
) {
    if given.meets(floor) {
        return;
    }
    cx.report(
        Some(span),
        What::RatingBelow {
            section,
            fact,
            got: given,
            floor,
        },
    );
}

fn holds(facts: &Facts, cond: Cond) -> bool {
    match cond {
        Cond::True(f) => facts.is_true(f),
        Cond::Positive(f) => facts.number(f).is_some_and(|n| n > 0.0),
    }
}

fn dan_van_model(cx: &mut Cx<'_>, model: &Model, section: &'static str) {
    if let Some((false, span)) = &model.four_step_plan {
        cx.report(Some(span.clone()), What::ModelNoPlan { section });
    }
    if let Some((false, span)) = &model.records_archived {
        cx.report(Some(span.clone()), What::ModelNotArchived { section });
    }
    if let Some((score, span)) = &model.score
        && !(0.0..=100.0).contains(score)
    {
        cx.report(
            Some(span.clone()),
            What::ModelScoreOff {
                section,
                score: *score,
            },
        );
    }
}

/// A rule in words, for `kh campaigns show` and templates.
pub fn describe(rule: &crate::campaign::Requirement, lang: Lang) -> String {
    let mut who = rule.kind.label(lang).to_string();
    if !rule.roles.is_empty() {
        let roles: Vec<&str> = rule.roles.iter().map(|r| r.slug()).collect();
        who = format!("{who} ({})", roles.join(", "));
    }
    match (rule.when, rule.or_given) {
        (Some(when), Some(given)) => {
            who = tr!(
                lang,
                "{who}, khi `{} = true`, hoặc có ghi `{}` mà không ghi `{} = false`",
                "{who}, when `{} = true`, or `{}` is given and `{} = false` is not",
                when.slug(),
                given.slug(),
                when.slug()
            );
        }
        (Some(when), None) => {
            who = tr!(
                lang,
                "{who}, khi `{} = true`",
                "{who}, when `{} = true`",
                when.slug()
            );
        }
        _ => {}
    }
    let what = match rule.check {
        Check::Rating(floor) if floor == Rating::XuatSac => tr!(
            lang,
            "`rating` bắt buộc: “{}”",
            "`rating` required: “{}”",
            floor.label(lang)
        ),
        Check::Rating(floor) => tr!(
            lang,
            "`rating` bắt buộc: từ “{}” trở lên",
            "`rating` required: “{}” or better",
            floor.label(lang)
        ),
        Check::PartyRating => tr!(
            lang,
            "`party_rating` bắt buộc: “{}”",
            "`party_rating` required: “{}”",
            Rating::XuatSac.label(lang)
        ),
        Check::Present(f) => tr!(lang, "`{}` bắt buộc", "`{}` required", f.slug()),
        Check::PresentUnless(f, g) => tr!(
            lang,
            "`{}` bắt buộc, trừ khi có ghi `{}`",
            "`{}` required unless `{}` is given",
            f.slug(),
            g.slug()
        ),
        Check::Zero(f) => tr!(
            lang,
            "`{}` bắt buộc và bằng 0",
            "`{}` required and 0",
            f.slug()
        ),
        Check::AnyOf(conds) => crate::messages::any_of(conds, lang),
        Check::InitiativeAt(level) => format!("`initiative_level = \"{}\"`", level.slug()),
        Check::AtLeast(f, min) => format!("`{}` ≥ {min}", f.slug()),
        Check::ParImproved => tr!(
            lang,
            "tăng điểm hoặc tăng bậc: `par_index > par_index_prev` hoặc `par_rank < par_rank_prev` (một cặp số là đủ)",
            "a higher score or a better rank: `par_index > par_index_prev` or `par_rank < par_rank_prev` (one pair suffices)"
        ),
        Check::Optional(f) => tr!(
            lang,
            "`{}` được đọc, không bắt buộc",
            "`{}` is read, not required",
            f.slug()
        ),
        Check::DanVanModel => tr!(
            lang,
            "[model] đầy đủ; `four_step_plan = true`; `records_archived = true`; 0 ≤ `score` ≤ 100 khi có ghi",
            "[model] complete; `four_step_plan = true`; `records_archived = true`; 0 ≤ `score` ≤ 100 when given"
        ),
    };
    format!("{who}: {what}")
}
