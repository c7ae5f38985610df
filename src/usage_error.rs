//! clap's own words in Vietnamese: a mistyped command line is told in the
//! run's language, the way clap tells it in English (what was wrong, the
//! values or the near name, the usage, where to read more).

use std::fmt::Write as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The message for a command-line mistake, in Vietnamese, plain text:
/// "lệnh viết chưa đúng: …" and what clap would add.
pub fn vietnamese(e: &clap::Error) -> String {
    let text = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let list = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut s = String::from("lệnh viết chưa đúng: ");
    match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            let _ = write!(s, "'{arg}' cần một giá trị mà chưa có");
        }
        ErrorKind::InvalidValue => {
            let _ = write!(s, "giá trị '{value}' không hợp lệ cho '{arg}'");
        }
        ErrorKind::ValueValidation => {
            let _ = write!(s, "giá trị '{value}' không hợp lệ cho '{arg}'");
            if let Some(source) = std::error::Error::source(e) {
                let _ = write!(s, ": {source}");
            }
        }
        ErrorKind::UnknownArgument => {
            let _ = write!(s, "không có đối số '{arg}'");
        }
        ErrorKind::InvalidSubcommand => {
            let sub = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            let _ = write!(s, "không có lệnh '{sub}'");
        }
        ErrorKind::MissingRequiredArgument => {
            s.push_str("thiếu đối số bắt buộc:");
            for a in list(ContextKind::InvalidArg) {
                let _ = write!(s, "\n  {a}");
            }
        }
        ErrorKind::MissingSubcommand => {
            let sub = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            let _ = write!(s, "'{sub}' cần một lệnh con");
            let subs = list(ContextKind::ValidSubcommand);
            if !subs.is_empty() {
                let _ = write!(s, "\n  [lệnh con: {}]", subs.join(", "));
            }
        }
        ErrorKind::ArgumentConflict => {
            let prior = list(ContextKind::PriorArg);
            if prior.len() == 1 && prior[0] == arg {
                let _ = write!(s, "'{arg}' chỉ được dùng một lần");
            } else if prior.is_empty() {
                let _ = write!(s, "'{arg}' không dùng được cùng các đối số khác đã cho");
            } else {
                let _ = write!(s, "'{arg}' không dùng được cùng '{}'", prior.join("', '"));
            }
        }
        ErrorKind::NoEquals => {
            let _ = write!(s, "'{arg}' cần dấu = trước giá trị");
        }
        ErrorKind::TooManyValues => {
            let _ = write!(s, "giá trị '{value}' của '{arg}' là thừa");
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let want = text(ContextKind::MinValues)
                .or_else(|| text(ContextKind::ExpectedNumValues))
                .unwrap_or_default();
            let got = text(ContextKind::ActualNumValues).unwrap_or_default();
            let _ = write!(s, "'{arg}' cần {want} giá trị, mới có {got}");
        }
        ErrorKind::InvalidUtf8 => {
            s.push_str("một đối số có byte không phải UTF-8");
        }
        _ => {
            // Anything else: clap's own sentence, without its English head.
            let own = e.render().to_string();
            let own = own.lines().next().unwrap_or("");
            s.push_str(own.strip_prefix("error: ").unwrap_or(own));
        }
    }
    let values = list(ContextKind::ValidValue);
    if !values.is_empty() {
        let _ = write!(s, "\n  [giá trị có thể: {}]", values.join(", "));
    }
    let mut tips = Vec::new();
    for (k, what) in [
        (ContextKind::SuggestedSubcommand, "lệnh"),
        (ContextKind::SuggestedArg, "đối số"),
        (ContextKind::SuggestedValue, "giá trị"),
    ] {
        let near = list(k);
        if !near.is_empty() {
            tips.push(format!("có {what} gần giống: '{}'", near.join("', '")));
        }
    }
    if let Some(ContextValue::StyledStrs(more)) = e.get(ContextKind::Suggested) {
        tips.extend(more.iter().map(|t| tip(&t.to_string())));
    }
    if !tips.is_empty() {
        s.push('\n');
        for t in tips {
            let _ = write!(s, "\n  gợi ý: {t}");
        }
    }
    let mut command = "kh".to_string();
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim_end();
        let usage = usage
            .strip_prefix("Usage:")
            .map_or_else(|| usage.to_string(), |rest| format!("Cách dùng:{rest}"));
        // "kh review set" from "Cách dùng: kh review set --status …".
        command = usage
            .split_whitespace()
            .skip(2)
            .take_while(|w| {
                w.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !w.starts_with('-')
            })
            .collect::<Vec<_>>()
            .join(" ");
        let _ = write!(s, "\n\n{usage}");
    }
    let _ = write!(s, "\n\nXem thêm: {command} --help\n");
    s
}

/// clap's tips, in Vietnamese where they are known.
fn tip(t: &str) -> String {
    // "to pass '-x' as a value, use '-- -x'"
    if let Some(rest) = t.strip_prefix("to pass '")
        && let Some((what, rest)) = rest.split_once("' as a value, use '")
    {
        let how = rest.trim_end_matches('\'');
        return format!("để truyền '{what}' như một giá trị, viết '{how}'");
    }
    // "subcommand 'x' exists; to use it, remove the '--' before it"
    if let Some(rest) = t.strip_prefix("subcommand '")
        && let Some((what, _)) = rest.split_once("' exists")
    {
        return format!("có lệnh '{what}'; muốn dùng thì bỏ '--' trước nó");
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, Command};

    fn cmd() -> Command {
        Command::new("kh")
            .subcommand(
                Command::new("validate")
                    .arg(
                        Arg::new("format")
                            .long("format")
                            .value_parser(["human", "json"]),
                    )
                    .arg(Arg::new("strict").long("strict").num_args(0)),
            )
            .subcommand(Command::new("summary"))
    }

    fn said(args: &[&str]) -> String {
        match cmd().try_get_matches_from(args) {
            Ok(_) => String::new(),
            Err(e) => vietnamese(&e),
        }
    }

    #[test]
    fn clap_s_words_are_vietnamese() {
        let s = said(&["kh", "validate", "--format", "xx"]);
        assert!(
            s.starts_with("lệnh viết chưa đúng: giá trị 'xx' không hợp lệ cho '--format"),
            "{s}"
        );
        assert!(s.contains("[giá trị có thể: human, json]"), "{s}");
        let s = said(&["kh", "validate", "--frmat", "json"]);
        assert!(s.contains("không có đối số '--frmat'"), "{s}");
        assert!(s.contains("gợi ý: có đối số gần giống: '--format'"), "{s}");
        assert!(s.contains("Cách dùng: kh validate"), "{s}");
        assert!(s.ends_with("Xem thêm: kh validate --help\n"), "{s}");
        let s = said(&["kh", "valdate"]);
        assert!(s.contains("không có lệnh 'valdate'"), "{s}");
        assert!(s.contains("có lệnh gần giống: 'validate'"), "{s}");
        let s = said(&["kh", "validate", "--strict", "--strict"]);
        assert!(s.contains("chỉ được dùng một lần"), "{s}");
        for s in [s, said(&["kh", "validate", "--format"])] {
            for english in [
                "error:",
                "tip:",
                "Usage:",
                "For more information",
                "possible values",
            ] {
                assert!(!s.contains(english), "{english}: {s}");
            }
        }
    }
}
