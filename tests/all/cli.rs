//! The real binary over the shipped example trees and fixture trees: exit
//! codes, output formats, targets, languages, and that nothing is written.

use crate::common;

use std::path::Path;

use crate::common::*;
use predicates::prelude::*;

#[test]
fn shipped_round_is_clean() {
    let doc = validate_json(Path::new("examples/submissions"), &[]);
    assert_eq!(doc["root"], "examples/submissions");
    assert_eq!(doc["counts"]["errors"], 0, "{doc:#}");
    // The one warning is Sở Nội vụ's: a nomination returned for more
    // (review.toml, SPEC §10), which its unit must act on.
    let warnings: Vec<_> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["severity"] == "warning")
        .map(|d| (d["rule"].as_str(), d["path"].as_str()))
        .collect();
    assert_eq!(
        warnings,
        [(
            Some("review-returned"),
            Some("so-giao-duc/nguyen-thi-mai.toml")
        )],
        "{doc:#}"
    );
    assert!(doc["counts"]["units"].as_u64() >= Some(8));
    assert!(doc["counts"]["nominations"].as_u64() >= Some(18));
    kh().args(["validate", "examples/submissions"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "Đã kiểm tra 22 đề nghị của 9 đơn vị: 0 lỗi, 1 cảnh báo",
        ));
    kh().args(["validate", "examples/submissions", "--strict"])
        .assert()
        .code(1);
}

#[test]
fn shipped_round_covers_the_plan() {
    use std::collections::BTreeSet;
    let mut campaigns = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    for entry in walk(Path::new("examples/submissions")) {
        let text = std::fs::read_to_string(&entry).unwrap_or_default();
        let doc: toml::Table = text.parse().unwrap_or_default();
        if let Some(c) = doc.get("campaign").and_then(|v| v.as_str()) {
            campaigns.insert(c.to_string());
        }
        if let Some(k) = doc.get("kind").and_then(|v| v.as_str()) {
            kinds.insert(k.to_string());
        }
    }
    assert!(campaigns.len() >= 12, "{campaigns:?}");
    assert_eq!(kinds.len(), 3, "{kinds:?}");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
    out
}

#[test]
fn broken_round_fires_every_rule() {
    let doc = validate_json(Path::new("examples/broken"), &[]);
    let codes = codes(&doc);
    // What a clone cannot hold (see examples/broken/README.md); each fires
    // in tests/all/rule_codes.rs.
    // `cap-changed` needs a 2023 round with another cap than 3, which would
    // move this round's `unit-over-cap`.
    let unshippable = ["io-error", "non-utf8-name", "cap-changed"];
    for rule in kh::Rule::ALL {
        if unshippable.contains(&rule.code()) {
            continue;
        }
        // A round with files cannot be empty: its unit with none can.
        if rule.code() == "no-nominations" {
            let empty = validate_json(Path::new("examples/broken/to-dan-pho"), &[]);
            assert!(
                common::codes(&empty).iter().any(|c| c == "no-nominations"),
                "{empty:#}"
            );
            continue;
        }
        assert!(
            codes.iter().any(|c| c == rule.code()),
            "{} never fires in examples/broken",
            rule.code()
        );
    }
    insta::assert_snapshot!(
        "broken_json",
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    );
    kh().args(["validate", "examples/broken"]).assert().code(1);
}

#[test]
fn broken_round_reads_well() {
    let out = kh()
        .args(["validate", "examples/broken", "--color", "never"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    // Beside the snapshot, what it must hold whatever its layout: every
    // error and warning of the JSON report, by code and place, and its counts.
    let doc = validate_json(Path::new("examples/broken"), &[]);
    for d in doc["diagnostics"].as_array().into_iter().flatten() {
        let severity = d["severity"].as_str().unwrap_or("");
        if severity == "note" {
            continue;
        }
        let word = if severity == "error" {
            "lỗi"
        } else {
            "cảnh báo"
        };
        let rule = d["rule"].as_str().unwrap_or("");
        assert!(
            text.contains(&format!("{word}[{rule}]")),
            "{rule} not shown"
        );
        let path = d["path"].as_str().unwrap_or("");
        let place = match (d["line"].as_u64(), d["column"].as_u64()) {
            (Some(l), Some(c)) => format!("--> {path}:{l}:{c}"),
            _ => format!("--> {path}"),
        };
        assert!(text.contains(&place), "{place} not shown");
    }
    let counts = &doc["counts"];
    assert!(
        text.contains(&format!(
            "Đã kiểm tra {} đề nghị của {} đơn vị: {} lỗi, {} cảnh báo, {} ghi chú",
            counts["nominations"],
            counts["units"],
            counts["errors"],
            counts["warnings"],
            counts["notes"]
        )),
        "{text}"
    );
    insta::assert_snapshot!("broken_human", text);
}

#[test]
fn json_is_sorted_by_path_then_line() {
    let doc = validate_json(Path::new("examples/broken"), &[]);
    let keys: Vec<(String, u64)> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

/// UnevidencedCriteria criteria are kept apart from the other findings and merged
/// back when printed: in path order where the walk's order differs ("a b"
/// and "a-b" sort before "a/"), and counted in the totals.
#[test]
fn unevidenced_notes_merge_in_path_order() {
    let tree = Tree::new();
    let untagged = edit(PERSON, "criteria = [\"giai-phap-moi\"]\n", "");
    let warned = format!("{untagged}late_dossiers = 0\n");
    for unit in ["a", "a b", "a-b", "ab"] {
        tree.unit(unit)
            .write(&format!("{unit}/x.toml"), &untagged)
            .write(&format!("{unit}/y.toml"), &warned);
    }
    let doc = validate_json(tree.root(), &["--verbose"]);
    let diags = doc["diagnostics"].as_array().cloned().unwrap_or_default();
    let keys: Vec<(String, u64, u64, String)> = diags
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["rule"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let notes = codes(&doc)
        .iter()
        .filter(|c| *c == "unevidenced-criterion")
        .count();
    // One criterion of §3.10's individual, unevidenced, in each of eight files.
    assert!(notes >= 8, "{notes}");
    assert_eq!(doc["counts"]["notes"].as_u64(), Some(notes as u64));
    let paths: Vec<&str> = keys.iter().map(|k| k.0.as_str()).collect();
    let first_a = paths.iter().position(|p| p.starts_with("a/"));
    let first_ab = paths.iter().position(|p| p.starts_with("a-b/"));
    assert!(first_ab < first_a, "{paths:?}");
}

#[test]
fn exit_codes() {
    let clean = Tree::single(PERSON);
    kh().arg("validate").arg(clean.root()).assert().code(0);
    let warned = Tree::single(&format!("{PERSON}late_dossiers = 0\n"));
    kh().arg("validate").arg(warned.root()).assert().code(0);
    kh().arg("validate")
        .arg(warned.root())
        .arg("--strict")
        .assert()
        .code(1);
    let broken = Tree::single(&edit(PERSON, "hometown", "hometwon"));
    kh().arg("validate").arg(broken.root()).assert().code(1);
    kh().args(["validate", "khong/co/thu/muc/nay"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("kh: lỗi"));
    kh().args(["validate", "--format", "xml", "."])
        .assert()
        .code(2);
    kh().args(["khong-co-lenh"]).assert().code(2);
}

#[test]
fn a_unit_or_a_file_reads_like_the_whole_round() {
    let t = Tree::new();
    // Not the plan's year: a 2023 round with another cap says so on
    // kh.toml (`cap-changed`), and only to a run over the whole round.
    t.write("kh.toml", "year = 2024\ncap_per_unit = 1\n");
    t.unit("u")
        .write("u/sub/a.toml", PERSON)
        .write("u/b.toml", &PERSON.replace("Đinh", "Lê"));
    let whole = t.json();
    let unit = validate_json(&t.path("u"), &[]);
    let file = validate_json(&t.path("u/sub/a.toml"), &[]);
    // kh.toml of the round applies (cap 1), and paths are root-relative.
    assert!(
        codes(&unit).contains(&"unit-over-cap".to_string()),
        "{unit:#}"
    );
    assert!(
        !codes(&file).contains(&"unit-over-cap".to_string()),
        "{file:#}"
    );
    let paths = |doc: &serde_json::Value| -> Vec<String> {
        doc["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| d["path"].as_str().map(String::from))
            .collect()
    };
    assert!(paths(&file).iter().all(|p| p == "u/sub/a.toml"), "{file:#}");
    assert_eq!(paths(&whole), paths(&unit));
    assert_eq!(file["counts"]["nominations"], 1);
}

#[test]
fn english_on_request() {
    let t = Tree::single(&edit(PERSON, "hometown", "hometwon"));
    kh().arg("validate")
        .arg(t.root())
        .args(["--lang", "en"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[unknown-field]: No field `hometwon`",
        ));
    kh().arg("validate")
        .arg(t.root())
        .env("KH_LANG", "en")
        .assert()
        .stdout(predicate::str::contains("did you mean `hometown`?"));
    kh().arg("validate")
        .arg(t.root())
        .assert()
        .stdout(predicate::str::contains(
            "lỗi[unknown-field]: Trường `hometwon`",
        ));
    // Codes do not change with the language.
    let vi = codes(&validate_json(t.root(), &[]));
    let en = codes(&validate_json(t.root(), &["--lang", "en"]));
    assert_eq!(vi, en);
}

#[test]
fn no_colour_off_a_terminal_or_under_no_color() {
    let t = Tree::single(&edit(PERSON, "hometown", "hometwon"));
    kh().arg("validate")
        .arg(t.root())
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
    kh().arg("validate")
        .arg(t.root())
        .args(["--color", "always"])
        .assert()
        .stdout(predicate::str::contains("\u{1b}["));
    kh().arg("validate")
        .arg(t.root())
        .env("NO_COLOR", "1")
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn notes_only_with_verbose() {
    let t = Tree::single(&format!("scope = \"toan-tinh\"\n{PERSON}"));
    kh().arg("validate")
        .arg(t.root())
        .assert()
        .stdout(predicate::str::contains("escalate-to-chairman").not());
    kh().arg("validate")
        .arg(t.root())
        .arg("-v")
        .assert()
        .stdout(predicate::str::contains("ghi chú[escalate-to-chairman]"));
}

#[test]
fn a_run_writes_nothing_in_the_tree() {
    let t = Tree::new();
    for e in walk(Path::new("examples/submissions")) {
        let rel = e.strip_prefix("examples/submissions").expect("prefix");
        t.write(
            &rel.display().to_string(),
            &std::fs::read_to_string(&e).expect("read"),
        );
    }
    t.write("lac.toml", "x = ");
    let before = fingerprint(t.root());
    kh().arg("validate").arg(t.root()).assert().code(1);
    kh().arg("validate")
        .arg(t.root())
        .args(["--format", "json"])
        .assert()
        .code(1);
    assert_eq!(before, fingerprint(t.root()));
}

#[test]
fn campaigns_list_and_show() {
    // Wide enough that no name wraps (off a terminal tables fit COLUMNS, or 80).
    kh().args(["campaigns"])
        .env("COLUMNS", "200")
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("nong-thon-moi")
                .and(predicate::str::contains(
                    "Sở Nông nghiệp và Phát triển nông thôn",
                ))
                .and(predicate::str::contains("linh-vuc-khac")),
        );
    for query in [
        "day-tot-hoc-tot",
        "moi-thay-co-giao",
        "Dạy tốt - học tốt",
        "Moi thay, co giao la mot tam guong dao duc, tu hoc va sang tao; Day tot - hoc tot",
    ] {
        kh().args(["campaigns", "show", query])
            .assert()
            .code(0)
            .stdout(
                predicate::str::contains("Sở Giáo dục và Đào tạo")
                    .and(predicate::str::contains("giao-vien"))
                    .and(predicate::str::contains("boi-duong-hoc-sinh-gioi")),
            );
    }
    kh().args(["campaigns", "show", "nong-thon-moy"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nong-thon-moi"));
    kh().args(["campaigns", "show", "cai-cach-hanh-chinh", "--lang", "en"])
        .assert()
        .stdout(predicate::str::contains("Lead agency:"));
}

#[test]
fn no_progress_bar_off_a_terminal() {
    let t = Tree::new();
    for u in 0..700 {
        t.unit(&format!("u{u}"));
        for n in 0..3 {
            t.write(&format!("u{u}/n{n}.toml"), "campaign = \"nong-thon-moi\"\n");
        }
    }
    let out = kh().arg("validate").arg(t.root()).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = kh().arg("summary").arg(t.root()).output().expect("run");
    assert!(out.stderr.is_empty());
}

#[test]
fn help_speaks_the_chosen_language() {
    kh().arg("--help").assert().code(0).stdout(
        predicate::str::contains("Cách dùng: kh").and(predicate::str::contains("Kiểm tra một đợt")),
    );
    kh().args(["validate", "--help", "--lang", "en"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("Usage: kh validate")
                .and(predicate::str::contains("Treat warnings as errors")),
        );
    kh().args(["nominate", "new", "-h"])
        .env("KH_LANG", "en")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "Print the file instead of writing it",
        ));
    kh().arg("-V")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("kh "));
    kh().arg("valdate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("kh: lệnh viết chưa đúng"));
}

/// Every command's path, from the command line's own definition.
fn command_paths() -> Vec<Vec<String>> {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(&kh::Cli::command(), &mut Vec::new(), &mut out);
    out
}

/// #23.15: under `--lang vi`, clap's own words are Vietnamese, in every
/// command's help and in the mistakes a command line can hold.
#[test]
fn clap_s_own_words_are_vietnamese() {
    let english = [
        "Usage:",
        "[default:",
        "[env:",
        "possible values",
        "error:",
        "tip:",
        "For more information",
    ];
    for path in command_paths() {
        let out = kh().args(&path).arg("--help").output().expect("run");
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains("Cách dùng:"), "{path:?}: {help}");
        for word in english {
            assert!(!help.contains(word), "{path:?} --help says {word}: {help}");
        }
        // The same help in English keeps clap's English words.
        let out = kh()
            .args(&path)
            .args(["--help", "--lang", "en"])
            .output()
            .expect("run");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage:"),
            "{path:?}"
        );
    }
    for args in [
        &["valdate"][..],
        &["validate", "--frmat", "json"],
        &["validate", "--format", "xx"],
        &["validate", "--format"],
        &["review", "set"],
        &["export", "forms", "--date", "05/10/23", "--out", "x"],
        &["validate", "--strict", "--strict"],
        &["summary", "--", "--x", "y"],
    ] {
        let out = kh().args(args).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("kh: lệnh viết chưa đúng: "),
            "{args:?}: {err}"
        );
        assert!(err.contains("--help"), "{args:?}: {err}");
        for word in english {
            assert!(!err.contains(word), "{args:?} says {word}: {err}");
        }
        let out = kh()
            .args(args)
            .args(["--lang", "en"])
            .output()
            .expect("run");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("error:"),
            "{args:?}"
        );
    }
}
