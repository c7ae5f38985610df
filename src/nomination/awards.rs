//! The commendation history (SPEC §3.4): awards, their years and decision numbers.

use super::*;

impl NominationCheck<'_, '_> {
    pub(super) fn awards(&mut self, root: &DeTable<'_>, birth: Option<NaiveDate>) {
        let Some(v) = root.get(Top::Awards.key()) else {
            return;
        };
        let Some(items) = self.cx.array_of_tables(Top::Awards.key(), v) else {
            return;
        };
        let year_max = self.settings.year;
        for (t, span) in items {
            let at = Some(span);
            self.cx.unknown_keys(t, form::AWARD_KEYS, C_AWARD);
            let year = self.cx.integer(
                t,
                AwardKey::Year.key(),
                Need::Required,
                at.clone(),
                L_AWARD_YEAR,
            );
            self.cx.text(
                t,
                AwardKey::Title.key(),
                Need::Required,
                at.clone(),
                L_AWARD_TITLE,
            );
            if let Some((year, span)) = &year {
                let floor = birth.map_or(1945, |b| b.year().max(1945)) as i64;
                if *year < floor || *year > year_max as i64 {
                    let why = match birth {
                        Some(b) if *year < b.year() as i64 => YearProblem::BeforeBirth(b.year()),
                        _ => YearProblem::OutOfRange(year_max),
                    };
                    self.cx
                        .report(Some(span.clone()), What::AwardYear { year: *year, why });
                }
            }
            // A date copied after the number stands for `date` when that is
            // left out (SPEC §5).
            let copied_date = match self.cx.text(
                t,
                AwardKey::Decision.key(),
                Need::Optional,
                None,
                L_DECISION,
            ) {
                Some((number, span)) => self.decision(number, span),
                None => None,
            };
            let written = self.cx.date(
                t,
                AwardKey::Date.key(),
                Need::Optional,
                None,
                L_DECISION_DATE,
            );
            if let (Some((date, span)), Some((copied, _))) = (&written, &copied_date)
                && date != copied
            {
                self.cx.report(
                    Some(span.clone()),
                    What::DecisionDateMismatch {
                        date: *date,
                        in_number: *copied,
                    },
                );
            }
            if let Some((date, span)) = written.or(copied_date) {
                if date > self.settings.as_of {
                    self.cx.report(
                        Some(span),
                        What::DateInFuture {
                            date,
                            as_of: self.settings.as_of,
                        },
                    );
                } else if let Some((year, _)) = year
                    && i64::from(date.year()) != year
                {
                    self.cx
                        .report(Some(span), What::AwardDateMismatch { date, year });
                }
            }
        }
    }

    /// A decision number: its shape (SPEC §5), and the slips that keep the
    /// shape but are almost surely wrong.
    /// A number copied with its words ("Quyết định số …", "… ngày d/m/yyyy")
    /// is read as the bare number, with a note; the date it carried is
    /// returned, with where it was written.
    fn decision(&mut self, number: &str, span: Range<usize>) -> Option<(NaiveDate, Range<usize>)> {
        if let Some(copied) = docnum::as_copied(number) {
            self.cx.report(
                Some(span.clone()),
                What::ValueReadAs {
                    key: AwardKey::Decision.key().to_string(),
                    raw: format!("\"{}\"", shown(number.trim())),
                    read: format!("\"{}\"", copied.number),
                },
            );
            self.check_number(&copied.number, span.clone());
            return copied.date.map(|d| (d, span));
        }
        self.check_number(number, span);
        None
    }

    fn check_number(&mut self, number: &str, span: Range<usize>) {
        let given = shown(number.trim());
        if !docnum::is_valid(number) {
            self.cx.report(Some(span), What::InvalidDecision { given });
        } else if let Some(meant) = docnum::intended(number) {
            self.cx
                .report(Some(span), What::SuspiciousDecision { given, meant });
        }
    }
}
