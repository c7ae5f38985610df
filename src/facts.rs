//! What the campaign rules judge: a nomination's `[facts]` and the
//! `[model]` of a "Dân vận khéo" nomination, as read, with where each value
//! was written. The reader fills them; `rules` reads them.

use std::ops::Range;

use crate::vocab::{Fact, FactValue};

/// The facts of a nomination, by key, with where each was written.
#[derive(Debug, Default)]
pub struct Facts {
    values: Vec<Option<(FactValue, Range<usize>)>>,
    /// The `[facts]` header, for problems about a fact left out.
    pub header: Option<Range<usize>>,
    /// Facts written with a value that was refused (one bit each): reported
    /// as wrong, so never reported as missing too.
    wrong: u64,
}

impl Facts {
    pub fn get(&self, fact: Fact) -> Option<&(FactValue, Range<usize>)> {
        self.values.get(fact as usize).and_then(Option::as_ref)
    }

    pub fn is_true(&self, fact: Fact) -> bool {
        matches!(self.get(fact), Some((FactValue::Bool(true), _)))
    }

    pub fn number(&self, fact: Fact) -> Option<f64> {
        self.get(fact).and_then(|(v, _)| v.as_f64())
    }

    pub fn span(&self, fact: Fact) -> Option<Range<usize>> {
        self.get(fact)
            .map(|(_, s)| s.clone())
            .or_else(|| self.header.clone())
    }

    pub(crate) fn set(&mut self, fact: Fact, value: FactValue, span: Range<usize>) {
        if self.values.is_empty() {
            self.values = vec![None; Fact::ALL.len()];
        }
        self.values[fact as usize] = Some((value, span));
    }

    pub(crate) fn mark_wrong(&mut self, fact: Fact) {
        self.wrong |= 1 << (fact as u32);
    }

    /// Written, but with a value that was refused.
    pub fn is_wrong(&self, fact: Fact) -> bool {
        self.wrong & (1 << (fact as u32)) != 0
    }

    pub(crate) fn present(&self) -> impl Iterator<Item = (Fact, &Range<usize>)> {
        Fact::ALL
            .iter()
            .filter_map(|f| self.get(*f).map(|(_, s)| (*f, s)))
    }
}

/// The `[model]` of a "Dân vận khéo" nomination.
#[derive(Debug, Default)]
pub struct Model {
    pub four_step_plan: Option<(bool, Range<usize>)>,
    pub records_archived: Option<(bool, Range<usize>)>,
    pub score: Option<(f64, Range<usize>)>,
}
