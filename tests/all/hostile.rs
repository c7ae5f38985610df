//! Hostile input: nothing panics, hangs, loses a nomination or writes where
//! it should not. Each tree holds a good nomination beside the bad one, and
//! the good one must still be checked.

use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::Value;

/// Validates a tree with one bad file `u/bad…` beside `u/good.toml`;
/// returns the JSON.
fn survive(tree: &Tree) -> Value {
    tree.write("u/good.toml", PERSON);
    let before = fingerprint(tree.root());
    let start = Instant::now();
    let out = kh()
        .arg("validate")
        .arg(tree.root())
        .args(["--format", "json"])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run");
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "took {:?}",
        start.elapsed()
    );
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(before, fingerprint(tree.root()), "the run changed the tree");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // The good file was still checked: its notes are there.
    assert!(
        doc["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|d| d["path"] == "u/good.toml"),
        "good file not checked: {doc:#}"
    );
    doc
}

fn bad(text: &str) -> (Tree, Value) {
    let t = Tree::new();
    t.unit("u").write("u/bad.toml", text);
    let doc = survive(&t);
    (t, doc)
}

fn rules_for(doc: &Value, path: &str) -> Vec<String> {
    doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["path"] == path)
        .filter_map(|d| d["rule"].as_str().map(String::from))
        .collect()
}

fn assert_named(doc: &Value, path: &str, rule: &str) {
    let rules = rules_for(doc, path);
    assert!(
        rules.iter().any(|r| r == rule),
        "{path}: wanted {rule}, got {rules:?}"
    );
}

#[test]
fn empty_file() {
    let (_, doc) = bad("");
    assert_named(&doc, "u/bad.toml", "missing-field");
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    for (open, close) in [("[", "]"), ("{a=", "}")] {
        let depth = 200_000;
        let text = format!("x = {}1{}\n", open.repeat(depth), close.repeat(depth));
        let (_, doc) = bad(&text);
        assert_named(&doc, "u/bad.toml", "parse-error");
    }
}

#[test]
fn nul_bytes_and_long_lines() {
    let (_, doc) = bad("campaign = \"nong\0thon\"\n");
    assert_named(&doc, "u/bad.toml", "parse-error");
    let long = format!("campaign = \"{}\"\n", "a".repeat(900 * 1024));
    let (_, doc) = bad(&long);
    assert_named(&doc, "u/bad.toml", "unknown-campaign");
}

#[test]
fn duplicate_keys() {
    let (_, doc) = bad(&format!("{PERSON}rating = \"hoan-thanh\"\n"));
    assert_named(&doc, "u/bad.toml", "parse-error");
}

#[test]
fn impossible_dates() {
    let (_, doc) = bad(&edit(
        PERSON,
        "birth_date = 1978-12-01",
        "birth_date = 0000-00-00",
    ));
    assert_named(&doc, "u/bad.toml", "parse-error");
    let (_, doc) = bad(&edit(
        PERSON,
        "birth_date = 1978-12-01",
        "birth_date = \"00/00/0000\"",
    ));
    assert_named(&doc, "u/bad.toml", "invalid-date");
    let (_, doc) = bad(&edit(
        PERSON,
        "birth_date = 1978-12-01",
        "birth_date = 1980-02-31",
    ));
    // A TOML date literal that is no day is refused by the TOML reader.
    assert_named(&doc, "u/bad.toml", "parse-error");
}

#[test]
fn wrong_types_everywhere() {
    let text = r#"campaign = 3
kind = ["ca-nhan"]
scope = true
nominee = "Nguyễn Văn An"
achievements = { text = "x" }
awards = 2021
facts = []
model = 1.5
"#;
    let (_, doc) = bad(text);
    let rules = rules_for(&doc, "u/bad.toml");
    assert!(
        rules.iter().filter(|r| *r == "invalid-value").count() >= 6,
        "{rules:?}"
    );
}

#[test]
fn numbers_out_of_range() {
    let text = format!(
        "{}\n[facts]\nlate_dossiers = -1\npar_index = nan\npar_index_prev = inf\npar_rank = 0\npar_rank_prev = 99999999999999999999999\ninitiative_level = \"tinh\"\npar_scored = true\n",
        edit(COLLECTIVE, "\"nong-thon-moi\"", "\"cai-cach-hanh-chinh\"")
    );
    let (_, doc) = bad(&text);
    let rules = rules_for(&doc, "u/bad.toml");
    assert!(
        rules.iter().filter(|r| *r == "invalid-value").count() >= 5,
        "{rules:?}"
    );
    // An out-of-range value is never a passed rule: it is an error of its
    // own, and (SPEC §3.2) never also reported as missing.
    assert!(!rules.iter().any(|r| r == "missing-fact"), "{rules:?}");
}

#[cfg(unix)]
#[test]
fn special_files_and_links() {
    let t = Tree::new();
    t.unit("u");
    std::fs::create_dir_all(t.path("u/thu-muc.toml")).expect("mkdir");
    t.write(
        "u/thu-muc.toml/ben-trong.toml",
        &PERSON.replace("Đinh Văn Thành", "Người Khác"),
    );
    std::os::unix::fs::symlink(t.path("u"), t.path("u/vong-lap")).expect("loop");
    std::os::unix::fs::symlink("/khong/co", t.path("u/treo.toml")).expect("dangling");
    let fifo = std::process::Command::new("mkfifo")
        .arg(t.path("u/ong.toml"))
        .status();
    let doc = survive(&t);
    assert_named(&doc, "u/treo.toml", "link-skipped");
    assert!(fifo.is_ok_and(|s| s.success()), "mkfifo");
    assert_named(&doc, "u/ong.toml", "not-regular-file");
    // A folder named *.toml is a folder: what is inside is checked — read,
    // judged against its campaign, and found clean but for its notes.
    let inside = rules_for(&doc, "u/thu-muc.toml/ben-trong.toml");
    assert!(!inside.is_empty(), "never checked");
    assert!(
        inside.iter().all(|r| r == "unevidenced-criterion"),
        "{inside:?}"
    );
    // A link to a folder is named and never followed.
    assert_eq!(rules_for(&doc, "u/vong-lap"), ["link-skipped"]);
}

#[test]
fn deep_folders() {
    let t = Tree::new();
    t.unit("u");
    let deep: String = (0..300).map(|i| format!("d{i}/")).collect();
    t.write(&format!("u/{deep}sau.toml"), "campaign = \"x\"\n");
    let doc = survive(&t);
    assert_named(&doc, &format!("u/{deep}sau.toml"), "unknown-campaign");
}

#[cfg(unix)]
#[test]
fn file_name_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let t = Tree::new();
    t.unit("u");
    let name = std::ffi::OsStr::from_bytes(b"u/t\xean.toml");
    std::fs::write(t.root().join(name), "campaign = \"x\"\n").expect("write");
    let doc = survive(&t);
    assert!(
        rules_for(&doc, "u/t\\xEAn.toml")
            .iter()
            .any(|r| r == "unknown-campaign"),
        "{doc:#}"
    );
}

#[test]
fn markup_in_names_is_only_text() {
    let t = Tree::new();
    t.unit("u").write(
        "u/<script>{{x}}.toml",
        &PERSON.replace("Đinh Văn Thành", "<b>{{7*7}}</b>\u{1b}[2J"),
    );
    let out = kh()
        .arg("validate")
        .arg(t.root())
        .arg("-v")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("u/<script>{{x}}.toml"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "control characters reached the terminal"
    );
    survive(&t);
}

#[test]
fn hostile_trees_are_left_as_they_were() {
    let t = Tree::new();
    t.unit("u")
        .write("u/a.toml", "x = [[[[")
        .write("u/b.toml", "");
    let before: Vec<_> = std::fs::read_dir(t.path("u"))
        .expect("ls")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    survive(&t);
    let mut after: Vec<_> = std::fs::read_dir(t.path("u"))
        .expect("ls")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    after.retain(|n| n != "good.toml");
    let mut before = before;
    before.sort();
    after.sort();
    assert_eq!(before, after);
}

mod properties {
    use kh::Settings;
    use kh::check_file as check;
    use proptest::prelude::*;

    fn run(text: &str) -> kh::Checked {
        check("u/a.toml", text, &Settings::for_year(2023))
    }

    fn campaigns() -> Vec<&'static str> {
        let mut out: Vec<&'static str> = kh::CAMPAIGNS.iter().map(|c| c.slug).collect();
        out.extend(["nong-thon-moy", "moi-thay-co-giao"]);
        out
    }

    fn field_keys() -> Vec<&'static str> {
        let mut out: Vec<&'static str> = kh::NOMINEE_FIELDS.iter().map(|f| f.key.key()).collect();
        out.push("ghi_chu");
        out
    }

    fn fact_keys() -> Vec<&'static str> {
        let mut out: Vec<&'static str> = <kh::Fact as kh::Vocab>::slugs().collect();
        out.push("diem");
        out
    }

    fn criterion_ids() -> Vec<&'static str> {
        let mut out: Vec<&'static str> = kh::GENERAL_CRITERIA.iter().map(|c| c.id).collect();
        for c in kh::CAMPAIGNS {
            out.extend(c.criteria.iter().map(|x| x.id));
        }
        out.push("khong-co");
        out
    }

    /// A TOML value of any of the types a form holds.
    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zà-ỹ ]{0,12}".prop_map(|s| format!("\"{s}\"")),
            Just("\"\"".to_string()),
            (-5i64..200).prop_map(|n| n.to_string()),
            (0.0f64..120.0).prop_map(|n| format!("{n:.1}")),
            any::<bool>().prop_map(|b| b.to_string()),
            (1900i32..2030, 1u32..13, 1u32..29)
                .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            Just("\"12/04/1968\"".to_string()),
            Just("\"1234/QĐ-UBND\"".to_string()),
            Just("\"hoan-thanh-xuat-sac\"".to_string()),
            Just("\"tinh\"".to_string()),
            Just("[1, 2]".to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Nominations built from the form's parts — any campaign slug or
        /// a stranger, any kind or none, any subset of fields with values
        /// right or wrong, criteria ids real or not, awards and facts — so
        /// that every check runs (random text stops at `parse-error`).
        /// Never a panic; the same file gives the same findings; a campaign
        /// or kind that is no slug is always named.
        #[test]
        fn structured_nominations(
            campaign in prop::sample::select(campaigns()),
            kind in prop::sample::select(vec!["tap-the", "ca-nhan", "ho-gia-dinh", "nhom", "Cá nhân"]),
            fields in prop::collection::vec((prop::sample::select(field_keys()), value()), 0..10),
            criteria in prop::collection::vec(prop::sample::select(criterion_ids()), 0..6),
            awards in prop::collection::vec((1900i64..2030, value()), 0..4),
            facts in prop::collection::vec((prop::sample::select(fact_keys()), value()), 0..6),
        ) {
            let mut text = format!("campaign = \"{campaign}\"\nkind = \"{kind}\"\n\n[nominee]\n");
            let mut seen = std::collections::HashSet::new();
            for (k, v) in &fields {
                if seen.insert(*k) {
                    text.push_str(&format!("{k} = {v}\n"));
                }
            }
            let ids: Vec<String> = criteria.iter().map(|c| format!("\"{c}\"")).collect();
            text.push_str(&format!("\n[[achievements]]\ntext = \"Thành tích\"\ncriteria = [{}]\n", ids.join(", ")));
            for (year, decision) in &awards {
                text.push_str(&format!("\n[[awards]]\nyear = {year}\ntitle = \"Giấy khen\"\ndecision = {decision}\n"));
            }
            let mut seen = std::collections::HashSet::new();
            let facts: Vec<_> = facts.iter().filter(|(k, _)| seen.insert(*k)).collect();
            if !facts.is_empty() {
                text.push_str("\n[facts]\n");
                for (k, v) in facts {
                    text.push_str(&format!("{k} = {v}\n"));
                }
            }
            let a = run(&text);
            let b = run(&text);
            prop_assert_eq!(&a.diagnostics, &b.diagnostics);
            let codes: Vec<&str> = a.diagnostics.iter().map(|d| d.rule().code()).collect();
            prop_assert!(!codes.contains(&"parse-error"), "built TOML must parse:\n{}", text);
            if kh::Campaign::from_slug(campaign).is_none() {
                prop_assert!(codes.contains(&"unknown-campaign"), "{:?}\n{}", codes, text);
            }
            if kind == "nhom" {
                prop_assert!(codes.contains(&"invalid-value"), "{:?}\n{}", codes, text);
            }
            // Every finding can be worded, in both languages.
            for d in &a.diagnostics {
                for lang in [kh::Lang::Vi, kh::Lang::En] {
                    prop_assert!(!d.message(lang).is_empty());
                }
            }
        }

        #[test]
        fn mutated_nominations_are_diagnosed(line in 0usize..40, how in 0u8..4, junk in "[a-z]{1,8}") {
            let lines: Vec<&str> = super::PERSON.lines().collect();
            // Only `key = value` lines, where the effect of a change is known.
            let keyed: Vec<usize> = (0..lines.len()).filter(|i| lines[*i].contains(" = ")).collect();
            let i = keyed[line % keyed.len()];
            let (key, value) = lines[i].split_once(" = ").unwrap_or_default();
            let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            // Whether the change must leave the file with an error.
            let must_fail = match how {
                // Dropped: an error where the key is required.
                0 => {
                    out.remove(i);
                    !matches!(key, "gender" | "decision" | "date" | "criteria")
                }
                // Renamed to a key no form knows.
                1 => {
                    out[i] = format!("zz_{junk} = {value}");
                    true
                }
                // Retyped: a number where the form wants text, a date or a
                // list; a year of 7.
                2 => {
                    out[i] = format!("{key} = 7");
                    true
                }
                // Replaced by a word: wrong wherever the value is a slug, a
                // date, a number, a list or a decision number.
                _ => {
                    out[i] = format!("{key} = \"zz{junk}\"");
                    !matches!(key, "full_name" | "hometown" | "workplace" | "text" | "title")
                }
            };
            let text = out.join("\n");
            let a = run(&text);
            let b = run(&text);
            prop_assert_eq!(&a.diagnostics, &b.diagnostics);
            if must_fail {
                prop_assert!(
                    a.diagnostics.iter().any(|d| d.severity() == kh::Severity::Error),
                    "no error for {:?} on line {:?}:\n{}", how, lines[i], text
                );
            }
        }
    }
}

#[test]
fn a_megabyte_of_faults_is_quick_and_bounded() {
    // Hundreds of thousands of syntax errors: the first is reported.
    let (_, doc) = bad(&"=\n".repeat(400_000));
    assert_eq!(
        rules_for(&doc, "u/bad.toml"),
        vec!["parse-error".to_string()]
    );
    // A hundred thousand bad criteria on one line: a bounded list, each
    // shown by the part of the line around it, the last saying how many
    // more there were.
    let ids = vec!["\"x\""; 100_000].join(", ");
    let text = edit(
        PERSON,
        "criteria = [\"giai-phap-moi\"]",
        &format!("criteria = [{ids}]"),
    )
    .replace("Đinh Văn Thành", "Lê Văn Tám");
    let t = Tree::new();
    t.unit("u").write("u/bad.toml", &text);
    let doc = survive(&t);
    let rules = rules_for(&doc, "u/bad.toml");
    assert!(rules.len() <= 500, "{}", rules.len());
    let out = kh()
        .arg("validate")
        .arg(t.root())
        .arg("--lang")
        .arg("en")
        .output()
        .expect("run");
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.contains("more problems in this file are not listed"));
    assert!(
        human.lines().all(|l| l.len() < 1000),
        "a long line was printed whole"
    );
}

/// #37.15: a name holding NUL, ESC or U+FFFE is `implausible-text`, and
/// the exemplar pages never carry such characters.
#[test]
fn names_with_control_characters_are_told_and_never_published() {
    for bad in ["\\u0000", "\\u001b[31m", "\\uFFFE"] {
        let text = PERSON.replace("Đinh Văn Thành", &format!("Đinh Văn{bad} Thành"));
        let t = Tree::single(&text);
        let doc = t.json();
        let d = first_of(&doc, "implausible-text");
        assert_eq!(d["path"], "don-vi/de-nghi.toml", "{bad}: {doc:#}");
    }
    assert!(
        !Tree::single(PERSON)
            .codes()
            .contains(&"implausible-text".to_string())
    );
    // Published, the name is shown without them.
    let t = Tree::single(&PERSON.replace("Đinh Văn Thành", "Đinh Văn\\uFFFE Thành\\u0000"));
    t.write("kh.toml", "year = 2023\n");
    t.write(
        "review.toml",
        &format!(
            "[[review]]\npath = \"don-vi/de-nghi.toml\"\nstatus = \"dat\"\ndate = 2023-11-01\nsha256 = \"{}\"\n",
            kh::fingerprint(&std::fs::read(t.path("don-vi/de-nghi.toml")).expect("read"))
        ),
    );
    let site = tempfile::tempdir().expect("tmp");
    let out = kh()
        .arg("publish")
        .arg(t.root())
        .arg("--out")
        .arg(site.path().join("site"))
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut pages = 0;
    for e in walkdir::WalkDir::new(site.path()).into_iter().flatten() {
        if e.path().extension().is_some_and(|x| x == "html") {
            let html = std::fs::read_to_string(e.path()).expect("page");
            assert!(
                !html.contains('\u{FFFE}') && !html.contains('\u{0}'),
                "{}",
                e.path().display()
            );
            pages += 1;
        }
    }
    assert!(pages > 0);
}
