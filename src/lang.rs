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

/// What the system said of a file, in the chosen language (the system's
/// own words are English: "No such file or directory (os error 2)").
pub fn io_error(e: &std::io::Error, lang: Lang) -> String {
    io_text(e.kind(), &e.to_string(), lang)
}

/// What the system said (`raw`, its own English), by its kind.
pub fn io_text(kind: std::io::ErrorKind, raw: &str, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let e = raw;
    let (vi, en) = match kind {
        K::NotFound => ("không có tệp hay thư mục này", "no such file or folder"),
        K::PermissionDenied => ("không có quyền truy cập", "permission denied"),
        K::AlreadyExists => ("đã có", "already exists"),
        K::IsADirectory => ("là một thư mục", "is a folder"),
        K::NotADirectory => ("không phải thư mục", "is not a folder"),
        K::ReadOnlyFilesystem => ("ổ đĩa chỉ cho đọc", "read-only file system"),
        K::StorageFull => ("đĩa đã đầy", "the disk is full"),
        K::DirectoryNotEmpty => ("thư mục không trống", "the folder is not empty"),
        K::InvalidData => ("dữ liệu không hợp lệ", "invalid data"),
        K::Interrupted => ("bị ngắt", "interrupted"),
        _ => {
            return match lang {
                Lang::Vi => format!("lỗi đọc ghi ({e})"),
                Lang::En => e.to_string(),
            };
        }
    };
    lang.pick(vi, en).to_string()
}
