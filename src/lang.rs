//! The language every human-facing message is written in.

use std::fmt;

/// Vietnamese is the default: the people who read `kh` output work in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        })
    }
}

impl Lang {
    /// Picks one of two ready-made texts.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// `tr!(lang, "tiếng Việt {x}", "English {x}", x = …)`: formats the text of
/// the chosen language. Both texts sit side by side so they are kept in step.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $vi:literal, $en:literal $(, $($arg:tt)*)?) => {
        match $lang {
            $crate::lang::Lang::Vi => format!($vi $(, $($arg)*)?),
            $crate::lang::Lang::En => format!($en $(, $($arg)*)?),
        }
    };
}
