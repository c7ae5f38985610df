//! The campaign's facts and the model's figures (SPEC §3.5, §4.2).

use super::*;

impl NominationCheck<'_, '_> {
    pub(super) fn facts(
        &mut self,
        root: &DeTable<'_>,
        target: Option<(&CampaignInfo, Kind)>,
        role: RoleState,
    ) -> Facts {
        let mut facts = Facts::default();
        let Some((t, header)) = self
            .cx
            .table(root, Top::Facts.key(), Need::Optional, L_FACTS)
        else {
            return facts;
        };
        facts.header = Some(header);
        let judged = target.filter(|_| role.settled());
        let role = role.role();
        for (k, v) in t.iter() {
            let key = k.get_ref().as_ref();
            let Some(fact) = Fact::from_slug(key) else {
                self.cx.unknown_key(k, Fact::slugs(), C_FACTS);
                continue;
            };
            let label = Label::new(fact.label(Lang::Vi), fact.label(Lang::En));
            let value = match fact.ty() {
                FactType::Rating => self
                    .cx
                    .choice::<Rating>(t, key, Need::Optional, None, label)
                    .map(|(r, s)| (FactValue::Rating(r), s)),
                FactType::InitiativeLevel => self
                    .cx
                    .choice::<InitiativeLevel>(t, key, Need::Optional, None, label)
                    .map(|(l, s)| (FactValue::Level(l), s)),
                FactType::Bool => self
                    .cx
                    .boolean(t, key, Need::Optional, None, label)
                    .map(|(b, s)| (FactValue::Bool(b), s)),
                FactType::Count | FactType::Rank => {
                    let min = if fact.ty() == FactType::Count { 0 } else { 1 };
                    match self.cx.integer(t, key, Need::Optional, None, label) {
                        Some((n, s)) if n >= min => Some((FactValue::Int(n), s)),
                        Some((_, s)) => {
                            self.cx.report(
                                Some(s),
                                What::AtLeast {
                                    key: key.to_string(),
                                    min,
                                },
                            );
                            None
                        }
                        None => None,
                    }
                }
                FactType::Score | FactType::Area => {
                    let (max, range) = if fact.ty() == FactType::Score {
                        (100.0, MsgRange::ZeroToHundred)
                    } else {
                        (f64::INFINITY, MsgRange::ZeroOrMore)
                    };
                    match self.cx.number(t, key, Need::Optional, None, label) {
                        Some((n, s)) if (0.0..=max).contains(&n) => Some((FactValue::Num(n), s)),
                        Some((_, s)) => {
                            self.cx.report(
                                Some(s),
                                What::InRange {
                                    key: key.to_string(),
                                    range,
                                },
                            );
                            None
                        }
                        None => None,
                    }
                }
            };
            // A value left blank or wrongly typed still counts as written, so
            // that a stray fact is pointed out whatever its value.
            match value {
                Some((value, span)) => facts.set(fact, value, span),
                None => {
                    // Present but wrong: already said, never also "missing".
                    let blank = matches!(v.get_ref(), DeValue::String(s) if s.trim().is_empty());
                    if !blank {
                        facts.mark_wrong(fact);
                    }
                    if let Some((info, kind)) = judged
                        && !info.reads(kind, role, fact)
                    {
                        self.not_applicable(info, kind, fact, v.span());
                    }
                }
            }
        }
        if let Some((info, kind)) = judged {
            let stray: Vec<(Fact, Range<usize>)> = facts
                .present()
                .filter(|(f, _)| !info.reads(kind, role, *f))
                .map(|(f, s)| (f, s.clone()))
                .collect();
            for (fact, span) in stray {
                self.not_applicable(info, kind, fact, span);
            }
        }
        facts
    }

    fn not_applicable(&mut self, info: &CampaignInfo, kind: Kind, fact: Fact, span: Range<usize>) {
        self.cx.report(
            Some(span),
            What::FactNotApplicable {
                campaign: info.id,
                kind,
                fact,
            },
        );
    }

    pub(super) fn model(
        &mut self,
        root: &DeTable<'_>,
        campaign: Option<&CampaignInfo>,
        kind: Option<Kind>,
    ) -> Option<Model> {
        let wanted = match (campaign, kind) {
            (Some(c), Some(k)) => Some(c.has_model(k)),
            _ => None,
        };
        if wanted == Some(false) {
            if let Some((key, _)) = root.get_key_value(Top::Model.key()) {
                self.cx.report(Some(key.span()), What::ModelNotHere);
            }
            return None;
        }
        let need = if wanted == Some(true) {
            Need::Required
        } else {
            Need::Optional
        };
        let (t, header) = self.cx.table(root, Top::Model.key(), need, L_MODEL)?;
        let at = Some(header.clone());
        self.cx.unknown_keys(t, form::MODEL_KEYS, C_MODEL);
        self.cx.text(
            t,
            ModelKey::Name.key(),
            need,
            at.clone(),
            Label::new("tên mô hình", "name of the model"),
        );
        self.cx.text(
            t,
            ModelKey::Address.key(),
            need,
            at.clone(),
            Label::new("địa chỉ mô hình", "address of the model"),
        );
        self.cx.choice::<crate::vocab::Domain>(
            t,
            ModelKey::Domain.key(),
            need,
            at.clone(),
            Label::new("lĩnh vực", "field"),
        );
        Some(Model {
            four_step_plan: self.cx.boolean(
                t,
                ModelKey::FourStepPlan.key(),
                need,
                at.clone(),
                Label::new("kế hoạch theo 4 bước", "four-step plan"),
            ),
            // The plan asks for "tiêu chí đánh giá … với thang điểm 100", a
            // scale, not a score: optional, checked when given.
            score: self.cx.number(
                t,
                ModelKey::Score.key(),
                Need::Optional,
                at.clone(),
                Label::new("điểm đánh giá (thang 100)", "score (out of 100)"),
            ),
            records_archived: self.cx.boolean(
                t,
                ModelKey::RecordsArchived.key(),
                need,
                at,
                Label::new("hồ sơ lưu trữ đầy đủ", "records archived"),
            ),
        })
    }
}
