//! The clerk's side (#12): what a unit clerk and a Sở Nội vụ officer meet
//! with the README in hand, each point as it was found.

use crate::common::*;
use predicates::prelude::*;

fn human(t: &Tree, extra: &[&str]) -> String {
    let out = kh()
        .arg("validate")
        .arg(t.root())
        .args(["--color", "never"])
        .args(extra)
        .output()
        .expect("run");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// (7) The usual syntax slips, in Vietnamese, pointing where the text began.
#[test]
fn syntax_errors_say_what_to_do() {
    let quotes = edit(
        PERSON,
        "text = \"Phẫu thuật nội soi 320 ca, giảm chuyển tuyến 35%\"",
        "text = \"Đạt danh hiệu \"Giáo viên dạy giỏi\" cấp tỉnh\"",
    );
    let out = human(&Tree::single(&quotes), &[]);
    assert!(
        out.contains("lỗi[parse-error]: Văn bản có dấu ngoặc kép \" ở bên trong"),
        "{out}"
    );
    assert!(out.contains("dùng ngoặc kép “ ”"), "{out}");
    assert!(!out.contains("unexpected key"), "no raw English: {out}");

    let enter = edit(
        PERSON,
        "text = \"Phẫu thuật nội soi 320 ca, giảm chuyển tuyến 35%\"",
        "text = \"Phẫu thuật nội soi 320 ca,\ngiảm chuyển tuyến 35%\"",
    );
    let doc = Tree::single(&enter).json();
    let d = &doc["diagnostics"][0];
    assert_eq!(d["rule"], "parse-error");
    let line = PERSON
        .lines()
        .position(|l| l.starts_with("text = "))
        .unwrap_or(0)
        + 1;
    assert_eq!(d["line"], line as u64, "where the text began: {doc:#}");
    assert_eq!(d["column"], 8);
    assert!(d["message"].as_str().unwrap_or("").contains("xuống dòng"));

    let en = kh()
        .arg("validate")
        .arg(Tree::single(&quotes).root())
        .args(["--lang", "en", "--color", "never"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&en.stdout).contains("A text has a double quote"));
}

/// (10) No English in Vietnamese mode; KH_LANG in any case or empty; a
/// missing command said as such; help with its own options first.
#[test]
fn vietnamese_mode_speaks_vietnamese() {
    kh().args(["validate", "/khong/co/thu/muc/nay"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("không có tệp hay thư mục này")
                .and(predicate::str::contains("os error").not()),
        );
    for v in ["EN", "En", "en"] {
        kh().env("KH_LANG", v)
            .args(["validate", "/khong/co"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("no such file or folder"));
    }
    kh().env("KH_LANG", "")
        .args(["campaigns"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Phong trào"));
    kh().assert().code(2).stderr(
        predicate::str::contains("thiếu lệnh")
            .and(predicate::str::contains("lệnh viết chưa đúng").not()),
    );
    let help = kh().args(["validate", "--help"]).output().expect("run");
    let help = String::from_utf8_lossy(&help.stdout);
    let own = help.find("--strict").unwrap_or(usize::MAX);
    let global = help.find("Tùy chọn chung").unwrap_or(0);
    assert!(own < global, "own options first: {help}");
    assert!(
        help.contains("Ví dụ:") && !help.contains("possible values"),
        "{help}"
    );
}

/// (12) A unit by its name, a kind without its hyphen, a section number, a
/// --table that would be ignored, units in Vietnamese order, and files
/// that are not read named under --verbose.
#[test]
fn the_smaller_things() {
    let doc = summary_json(["examples/submissions", "--unit", "Sở Giáo dục và Đào tạo"]);
    assert_eq!(doc["units"][0]["slug"], "so-giao-duc");
    kh().args(["summary", "examples/submissions", "--kind", "canhan"])
        .assert()
        .code(0);
    kh().args(["summary", "examples/submissions", "--kind", "canhann"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("có phải là `ca-nhan`?"));
    let doc = summary_json(["examples/submissions", "--campaign", "3.9"]);
    assert_eq!(doc["campaigns"][0]["slug"], "day-tot-hoc-tot");
    kh().args(["summary", "examples/submissions", "--table", "units"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format csv"));
    let all = summary_json(["examples/submissions"]);
    let names: Vec<String> = all["units"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|u| u["name"].as_str().unwrap_or("").to_string())
        .collect();
    let noi_vu = names
        .iter()
        .position(|n| n.starts_with("Sở Nội vụ"))
        .unwrap_or(99);
    let nong = names
        .iter()
        .position(|n| n.starts_with("Sở Nông nghiệp"))
        .unwrap_or(0);
    let uy_ban = names
        .iter()
        .position(|n| n.starts_with("Ủy ban"))
        .unwrap_or(0);
    assert!(
        noi_vu < nong && nong < uy_ban && uy_ban == names.len() - 1,
        "{names:?}"
    );

    let t = Tree::single(PERSON);
    t.write("don-vi/ban-scan.docx", "PK");
    assert!(human(&t, &["--verbose"]).contains("don-vi/ban-scan.docx"));
    assert!(!human(&t, &[]).contains("ban-scan.docx"));
}

/// (8) A terminal that reports 0×0 columns no longer collapses the tables
/// to a letter per column: kh falls back to COLUMNS, then 80.
#[cfg(unix)]
#[test]
fn a_zero_by_zero_terminal_gets_readable_tables() -> Result<(), Box<dyn std::error::Error>> {
    use expectrl::Expect;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kh"));
    cmd.args(["summary", "examples/submissions", "--ascii"])
        .env_remove("KH_LANG")
        .env_remove("COLUMNS")
        .env("TERM", "xterm");
    let mut p = expectrl::Session::spawn(cmd)?;
    p.get_process_mut().set_window_size(0, 0)?;
    p.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    let out = p.expect(expectrl::Eof)?;
    let text = String::from_utf8_lossy(out.as_bytes()).into_owned();
    assert!(text.contains("Sở Y tế"), "{text}");
    assert!(text.contains("so-tai-chinh"), "{text}");
    for line in text.lines().filter(|l| l.starts_with('|')) {
        assert!(line.trim_end().chars().count() <= 80, "{line}");
        assert!(line.trim_end().chars().count() > 40, "collapsed: {line}");
    }
    Ok(())
}

/// #23.14: `md` for markdown, a unit by the first words of its name, English
/// counts in the singular where there is one, `kh explain` with no argument
/// or with words.
#[test]
fn small_words_a_clerk_types() {
    let md = kh()
        .args(["summary", "examples/submissions", "--format", "md"])
        .output()
        .expect("run");
    assert_eq!(md.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&md.stdout).contains("## Theo phong trào thi đua"));
    let unit = summary_json(["examples/submissions", "--unit", "Công an"]);
    let units = unit["units"].as_array().cloned().unwrap_or_default();
    assert_eq!(units.len(), 1, "{unit:#}");
    assert_eq!(units[0]["slug"], "cong-an-tinh");
    // Several units begin so: no silent choice.
    kh().args(["summary", "examples/submissions", "--unit", "Sở"])
        .assert()
        .code(2);
    let one = kh()
        .args(["validate", "examples/submissions/so-y-te", "--lang", "en"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&one.stdout);
    assert!(text.contains("from 1 unit:"), "{text}");
    let all = kh().args(["explain"]).output().expect("run");
    let all = String::from_utf8_lossy(&all.stdout);
    assert_eq!(all.lines().count(), kh::Rule::ALL.len());
    let found = kh().args(["explain", "vượt mức"]).output().expect("run");
    assert_eq!(found.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&found.stdout).starts_with("unit-over-cap"));
}
