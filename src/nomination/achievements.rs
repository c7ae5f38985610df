//! The achievements (SPEC §3.3): what was done, and which criteria it backs.

use super::*;

/// Longest plausible achievement text (SPEC §3.2): a report of several
/// pages, not a document pasted whole.
const MAX_ACHIEVEMENT_CHARS: usize = 20_000;

impl NominationCheck<'_, '_> {
    pub(super) fn achievements(
        &mut self,
        root: &DeTable<'_>,
        target: Option<(&CampaignInfo, Kind)>,
        role: Option<Role>,
    ) {
        let Some(v) = self.cx.value(
            root,
            Top::Achievements.key(),
            Need::Required,
            None,
            L_ACHIEVEMENTS,
        ) else {
            return;
        };
        let Some(items) = self.cx.array_of_tables(Top::Achievements.key(), v) else {
            return;
        };
        if items.is_empty() {
            self.cx.report(Some(v.span()), What::NoAchievement);
            return;
        }
        let mut backed: Vec<&str> = Vec::new();
        let criteria: Vec<&'static Criterion> = target
            .map(|(c, k)| c.criteria_for(k, role).collect())
            .unwrap_or_default();
        for (t, span) in &items {
            self.cx
                .unknown_keys(t, form::ACHIEVEMENT_KEYS, C_ACHIEVEMENT);
            if let Some((text, at)) = self.cx.text(
                t,
                AchievementKey::Text.key(),
                Need::Required,
                Some(span.clone()),
                L_ACHIEVEMENT_TEXT,
            ) {
                // A text of no more bytes than the limit has no more
                // characters: only a long one is counted.
                let chars = if text.len() > MAX_ACHIEVEMENT_CHARS {
                    text.chars().count()
                } else {
                    0
                };
                if chars > MAX_ACHIEVEMENT_CHARS {
                    self.cx.report(
                        Some(at),
                        What::ImplausibleText {
                            label: L_ACHIEVEMENT_TEXT,
                            why: crate::messages::TextFault::TooLong {
                                chars,
                                max: MAX_ACHIEVEMENT_CHARS,
                            },
                        },
                    );
                }
            }
            let Some(list) = t.get(AchievementKey::Criteria.key()) else {
                continue;
            };
            let DeValue::Array(ids) = list.get_ref() else {
                self.cx
                    .wrong_type(AchievementKey::Criteria.key(), list, Expected::CriteriaList);
                continue;
            };
            for id in ids.iter() {
                let DeValue::String(s) = id.get_ref() else {
                    self.cx
                        .wrong_type(AchievementKey::Criteria.key(), id, Expected::CriterionId);
                    continue;
                };
                let Some((info, kind)) = target else { continue };
                if let Some(c) = criteria.iter().find(|c| c.id == s.as_ref()) {
                    backed.push(c.id);
                    continue;
                }
                let given = shown(s);
                let hint = closest(&given, criteria.iter().map(|c| c.id));
                self.cx.report(
                    Some(id.span()),
                    What::UnknownCriterion {
                        given,
                        campaign: info.id,
                        kind,
                        hint,
                    },
                );
            }
        }
        let first = items.first().map(|(_, s)| s.clone());
        // A criterion of a group of alternatives is backed when any of the
        // group is (SPEC §4.3).
        let is_backed = |c: &Criterion| {
            backed.contains(&c.id)
                || c.backed_by.iter().any(|id| backed.contains(id))
                || c.group_for(role).is_some_and(|g| {
                    criteria
                        .iter()
                        .any(|o| o.group_for(role) == Some(g) && backed.contains(&o.id))
                })
        };
        let mask = criteria
            .iter()
            .enumerate()
            .filter(|(i, c)| *i < 64 && !is_backed(c))
            .fold(0u64, |m, (i, _)| m | (1 << i));
        if let (Some((info, kind)), true) = (target, mask != 0) {
            let at = self.cx.locate(first);
            let u = UnevidencedCriteria {
                campaign: info.id,
                kind,
                role,
                mask,
            };
            self.cx
                .push(Diagnostic::unevidenced(self.cx.path.clone(), at, u));
        }
    }
}
