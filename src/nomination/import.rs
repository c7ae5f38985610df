//! `[import]` (SPEC §15.1): what `kh import` could not read, and the file
//! a resent report may replace.

use toml::de::{DeTable, DeValue};

use super::{Need, NominationCheck};
use crate::form::Top;
use crate::messages::{Expected, Label, What};

const L_IMPORT: Label = Label::new("bảng [import]", "[import]");
const IMPORT_KEYS: &[&str] = &["unread", "replaces"];

/// What `[import]` says.
#[derive(Default)]
pub(super) struct Import {
    pub unread: Vec<Box<str>>,
    pub replaces: Option<Box<str>>,
}

impl NominationCheck<'_, '_> {
    pub(super) fn import(&mut self, root: &DeTable<'_>) -> Import {
        let mut out = Import::default();
        let Some((t, _)) = self
            .cx
            .table(root, Top::Import.key(), Need::Optional, L_IMPORT)
        else {
            return out;
        };
        self.cx.unknown_keys(t, IMPORT_KEYS, L_IMPORT);
        // Where the file came from, for the finding to name.
        let source = self
            .cx
            .head_comments()
            .find_map(|c| c.strip_prefix(crate::form::provenance::FROM))
            .map(|s| s.trim().to_string());
        if let Some(v) = t.get("unread") {
            match v.get_ref() {
                DeValue::Array(items) => {
                    for item in items.iter() {
                        let DeValue::String(key) = item.get_ref() else {
                            self.cx.wrong_type("unread", item, Expected::QuotedText);
                            continue;
                        };
                        let key = key.trim();
                        if !crate::form::unread_key(key) {
                            self.cx.report(
                                Some(item.span()),
                                What::UnreadKey {
                                    given: crate::text::shown(key),
                                },
                            );
                            continue;
                        }
                        if out.unread.iter().any(|k| &**k == key) {
                            continue;
                        }
                        self.cx.report(
                            Some(item.span()),
                            What::ImportUnread {
                                key: key.to_string(),
                                source: source.clone(),
                            },
                        );
                        out.unread.push(key.into());
                    }
                }
                _ => self.cx.wrong_type("unread", v, Expected::QuotedText),
            }
        }
        out.replaces = self
            .cx
            .text(t, "replaces", Need::Optional, None, L_IMPORT)
            .map(|(s, _)| crate::text::nfc(s.trim()).into_owned())
            .filter(|s| !s.is_empty())
            .map(Into::into);
        out
    }
}
