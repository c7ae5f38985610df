//! The nominee table (SPEC §3.2): who is nominated, their birth date and age,
//! and the role a campaign asks of an individual.

use super::*;
use crate::form::NomineeKey;
use crate::messages::TextFault;

/// Longest plausible name of a person or a collective (SPEC §3.2).
const MAX_NAME_CHARS: usize = 300;

impl NominationCheck<'_, '_> {
    pub(super) fn nominee(
        &mut self,
        root: &DeTable<'_>,
        kind: Option<Kind>,
        campaign: Option<&CampaignInfo>,
    ) -> Nominee {
        let mut out = Nominee::default();
        let Some((t, header)) = self
            .cx
            .table(root, Top::Nominee.key(), Need::Required, L_NOMINEE)
        else {
            return out;
        };
        let at = Some(header);

        for (k, _) in t.iter() {
            match (form::nominee_field(k.get_ref()), kind) {
                (None, _) => {
                    self.cx
                        .unknown_key(k, form::NOMINEE_KEYS.iter().copied(), C_NOMINEE);
                }
                (Some(f), Some(kind)) if f.col(kind) == Col::No => {
                    self.cx
                        .report(Some(k.span()), What::FieldNotForKind { field: f, kind });
                }
                _ => {}
            }
        }

        for f in NOMINEE_FIELDS {
            let col = kind.map_or(Col::Optional, |k| f.col(k));
            let need = match col {
                Col::No => continue,
                Col::Required => Need::Required,
                Col::Optional | Col::Conditional => Need::Optional,
            };
            let label = Label::new(f.vi, f.en);
            let key = f.key.key();
            match f.ty {
                FieldType::Text => {
                    let value = self.cx.text(t, key, need, at.clone(), label);
                    if let Some((s, span)) = value
                        && matches!(f.key, NomineeKey::Name | NomineeKey::FullName)
                        && out.name.is_none()
                    {
                        self.plausible_name(s, span.clone(), label);
                        out.name = Some((nfc(s).trim().to_string(), span));
                    }
                }
                FieldType::Date => {
                    // A year alone ("1958", common for elderly farmers) is
                    // read as 1 July of that year, with a warning (SPEC §3.2).
                    if let Some((year, span)) = year_only(t, key) {
                        self.cx
                            .report(Some(span.clone()), What::BirthYearOnly { year });
                        if let Some(birth) = NaiveDate::from_ymd_opt(year, 7, 1) {
                            self.check_birth(birth, span);
                            out.birth = Some(birth);
                        }
                        continue;
                    }
                    if let Some((birth, span)) = self.cx.date(t, key, need, at.clone(), label) {
                        self.check_birth(birth, span);
                        out.birth = Some(birth);
                    }
                }
                FieldType::Gender => {
                    self.cx.choice::<Gender>(t, key, need, at.clone(), label);
                }
                FieldType::Count => {
                    if let Some((n, span)) = self.cx.integer(t, key, need, at.clone(), label)
                        && n < 1
                    {
                        self.cx.report(
                            Some(span),
                            What::AtLeast {
                                key: key.to_string(),
                                min: 1,
                            },
                        );
                    }
                }
                FieldType::Role => {
                    out.role = self.role(root, t, at.clone(), kind, campaign);
                }
            }
        }

        if matches!(kind, Some(Kind::CaNhan | Kind::HoGiaDinh))
            && !has_text(t, NomineeKey::Workplace.key())
            && !has_text(t, NomineeKey::Residence.key())
        {
            self.cx.report(at, What::WorkplaceOrResidence);
        }
        out
    }

    /// The role of an individual, or of a collective, where the campaign
    /// lists roles for its kind.
    fn role(
        &mut self,
        root: &DeTable<'_>,
        t: &DeTable<'_>,
        at: Option<Range<usize>>,
        kind: Option<Kind>,
        campaign: Option<&CampaignInfo>,
    ) -> RoleState {
        let given = self
            .cx
            .text(t, NomineeKey::Role.key(), Need::Optional, None, L_ROLE);
        let (Some(kind), Some(info)) = (kind, campaign) else {
            // Without a known campaign only the spelling can be checked.
            let role = given.and_then(|(s, span)| {
                let r = Role::parse(s);
                if r.is_none() && kind != Some(Kind::HoGiaDinh) {
                    self.cx.bad_choice::<Role>(NomineeKey::Role.key(), s, span);
                }
                r
            });
            return role.map_or(RoleState::NotNeeded, RoleState::Given);
        };
        let roles = info.roles_for(kind);
        match given {
            None if !info.role_required(kind) => RoleState::NotNeeded,
            None => {
                // §3.13: a resident who gave land or handed over early says
                // which role it is by what the file holds (SPEC §3.1).
                if let Some(implied) = info.implied_role(kind)
                    && implied.shown_by(root)
                {
                    self.cx.report(at, What::RoleReadAs { role: implied.role });
                    return RoleState::Given(implied.role);
                }
                self.cx.report(
                    at,
                    What::MissingRole {
                        campaign: info.id,
                        kind,
                    },
                );
                RoleState::Missing
            }
            Some((s, span)) => match Role::parse(s) {
                Some(r) if roles.contains(&r) => RoleState::Given(r),
                _ => {
                    self.cx.report(
                        Some(span),
                        What::RoleNotAllowed {
                            campaign: info.id,
                            kind,
                            given: shown(s),
                        },
                    );
                    if roles.is_empty() {
                        RoleState::NotNeeded
                    } else {
                        RoleState::Missing
                    }
                }
            },
        }
    }

    /// A name of digits only, with a doubled space, or past
    /// [`MAX_NAME_CHARS`] is a slip a person should see (`implausible-text`).
    fn plausible_name(&mut self, name: &str, span: Range<usize>, label: Label) {
        let name = name.trim();
        let chars = name.chars().count();
        let why = if chars > MAX_NAME_CHARS {
            TextFault::TooLong {
                chars,
                max: MAX_NAME_CHARS,
            }
        } else if !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_whitespace() || c.is_ascii_punctuation())
        {
            TextFault::DigitsOnly
        } else if name.contains("  ") {
            TextFault::DoubleSpace
        } else if !name.chars().all(crate::text::printable) || name.contains('\n') {
            // NUL, ESC, a line break or U+FFFE in a name: pasted from
            // somewhere, never typed (#37.15).
            TextFault::Control
        } else {
            return;
        };
        self.cx
            .report(Some(span), What::ImplausibleText { label, why });
    }

    fn check_birth(&mut self, birth: NaiveDate, span: Range<usize>) {
        let as_of = self.settings.as_of;
        if birth > as_of {
            self.cx
                .report(Some(span), What::BirthInFuture { birth, as_of });
            return;
        }
        let age = age_at(birth, as_of);
        if !(6..=110).contains(&age) {
            self.cx
                .report(Some(span), What::ImplausibleAge { age, as_of });
        }
    }
}

/// A year alone, as a number or in quotes: `1958` or `"1958"`.
fn year_only(t: &DeTable<'_>, key: &str) -> Option<(i32, Range<usize>)> {
    let v = t.get(key)?;
    let year = match v.get_ref() {
        DeValue::String(s) => {
            let s = s.trim();
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())??
        }
        DeValue::Integer(i) => i
            .as_str()
            .parse::<i32>()
            .ok()
            .filter(|y| (1000..=9999).contains(y))?,
        _ => return None,
    };
    Some((year, v.span()))
}

impl crate::campaign::ImpliedRole {
    /// Whether the file shows this role: a condition of `[facts]` holds, or
    /// an achievement cites one of the criteria. Read quietly: the facts and
    /// achievements are checked, and their slips reported, on their own.
    fn shown_by(&self, root: &DeTable<'_>) -> bool {
        fn table<'a, 'i>(v: Option<&'a toml::Spanned<DeValue<'i>>>) -> Option<&'a DeTable<'i>> {
            match v.map(|v| v.get_ref()) {
                Some(DeValue::Table(t)) => Some(t),
                _ => None,
            }
        }
        let facts = table(root.get("facts"));
        let holds = |c: &crate::campaign::Cond| {
            let Some(v) = facts.and_then(|f| f.get(c.fact().slug())) else {
                return false;
            };
            match (c, v.get_ref()) {
                (crate::campaign::Cond::True(_), DeValue::Boolean(b)) => *b,
                (crate::campaign::Cond::True(_), DeValue::String(s)) => {
                    crate::reader::yes_no(s) == Some(true)
                }
                (crate::campaign::Cond::Positive(_), DeValue::Integer(i)) => {
                    i128::from_str_radix(i.as_str(), i.radix()).is_ok_and(|n| n > 0)
                }
                (crate::campaign::Cond::Positive(_), DeValue::Float(f)) => {
                    f.as_str().parse::<f64>().is_ok_and(|n| n > 0.0)
                }
                (crate::campaign::Cond::Positive(_), DeValue::String(s)) => {
                    crate::reader::decimal(s).is_some_and(|n| n > 0.0)
                }
                _ => false,
            }
        };
        if self.when.iter().any(holds) {
            return true;
        }
        let Some(DeValue::Array(items)) = root.get("achievements").map(|v| v.get_ref()) else {
            return false;
        };
        items.iter().any(|item| {
            let Some(DeValue::Array(ids)) = table(Some(item))
                .and_then(|t| t.get("criteria"))
                .map(|v| v.get_ref())
            else {
                return false;
            };
            ids.iter().any(
                |id| matches!(id.get_ref(), DeValue::String(s) if self.cited.contains(&s.as_ref())),
            )
        })
    }
}
