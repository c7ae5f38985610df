//! `kh summary` over the shipped trees: every format and filter.

use crate::common::*;
use predicates::prelude::*;
use serde_json::Value;

fn sum(doc: &Value, list: &str, key: &str) -> u64 {
    doc[list]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r[key].as_u64())
        .sum()
}

#[test]
fn whole_round_in_json() {
    let doc = summary_json(["examples/submissions"]);
    assert_eq!(doc["root"], "examples/submissions");
    assert_eq!(doc["campaigns"].as_array().map(Vec::len), Some(15));
    assert_eq!(sum(&doc, "campaigns", "total"), 22);
    assert_eq!(sum(&doc, "units", "nominations"), 22);
    assert_eq!(doc["units"].as_array().map(Vec::len), Some(9));
    assert_eq!(doc["nominations"].as_array().map(Vec::len), Some(22));
    assert_eq!(sum(&doc, "campaigns", "with_errors"), 0);
    assert_eq!(
        doc["escalations"],
        serde_json::json!([
            "cong-an-tinh/tran-duc-manh.toml",
            "ubnd-huyen-ly-nhan/ho-ong-do-van-binh.toml"
        ])
    );
    assert_eq!(doc["unreadable"], serde_json::json!([]));
    let first = &doc["campaigns"][0];
    for key in [
        "slug",
        "section",
        "name",
        "lead_agency",
        "tap_the",
        "ca_nhan",
        "ho_gia_dinh",
        "total",
        "with_errors",
    ] {
        assert!(first.get(key).is_some(), "campaigns[0] lacks {key}");
    }
    let unit = &doc["units"][0];
    for key in [
        "slug",
        "name",
        "nominations",
        "cap",
        "tap_the",
        "ca_nhan",
        "ho_gia_dinh",
        "errors",
        "warnings",
    ] {
        assert!(unit.get(key).is_some(), "units[0] lacks {key}");
    }
    let nom = &doc["nominations"][0];
    for key in [
        "path", "unit", "campaign", "kind", "name", "scope", "errors", "warnings",
    ] {
        assert!(nom.get(key).is_some(), "nominations[0] lacks {key}");
    }
    let all = summary_json(["examples/submissions", "--all"]);
    assert_eq!(all["campaigns"].as_array().map(Vec::len), Some(19));
}

#[test]
fn broken_round_counts_every_file() {
    let doc = summary_json(["examples/broken"]);
    let over = doc["units"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|u| u["slug"] == "khong-mo-ta")
        .cloned()
        .unwrap_or_default();
    assert_eq!(over["nominations"], 4);
    assert_eq!(over["cap"], 3);
    // Three unreadable files and the cap; the link is a warning (SPEC §2).
    assert!(over["errors"].as_u64() >= Some(4), "{over:#}");
    assert!(over["warnings"].as_u64() >= Some(2), "{over:#}");
    assert_eq!(
        doc["unreadable"],
        serde_json::json!([
            "khong-mo-ta/khong-utf8.toml",
            "khong-mo-ta/qua-lon.toml",
            "khong-mo-ta/sai-cu-phap.toml",
            "so-van-hoa/ho-so-truong.toml"
        ])
    );
    assert_eq!(sum(&doc, "units", "nominations"), 13);
    assert!(sum(&doc, "campaigns", "with_errors") >= 4);
    kh().args(["summary", "examples/broken"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("4/3 ⚠ vượt mức"));
}

#[test]
fn filters_narrow_every_list() {
    for query in [
        "nong-thon-moi",
        "Chung sức xây dựng nông thôn mới",
        "nong thon moi",
    ] {
        let doc = summary_json(["examples/submissions", "--campaign", query]);
        assert_eq!(doc["campaigns"].as_array().map(Vec::len), Some(1));
        assert_eq!(doc["campaigns"][0]["total"], 2);
        assert_eq!(doc["units"].as_array().map(Vec::len), Some(1));
        assert_eq!(doc["nominations"].as_array().map(Vec::len), Some(2));
        assert_eq!(doc["escalations"], serde_json::json!([]));
    }
    let doc = summary_json(["examples/submissions", "--unit", "so-giao-duc"]);
    assert_eq!(sum(&doc, "campaigns", "total"), 3);
    assert_eq!(doc["units"].as_array().map(Vec::len), Some(1));
    let doc = summary_json(["examples/submissions", "--kind", "ho-gia-dinh"]);
    assert_eq!(sum(&doc, "campaigns", "ho_gia_dinh"), 3);
    assert_eq!(
        sum(&doc, "campaigns", "tap_the") + sum(&doc, "campaigns", "ca_nhan"),
        0
    );
    assert!(
        doc["nominations"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|n| n["kind"] == "ho-gia-dinh")
    );
}

#[test]
fn a_lead_agency_sees_its_nominations() {
    kh().args([
        "summary",
        "examples/submissions",
        "--campaign",
        "day-tot-hoc-tot",
    ])
    .env("COLUMNS", "200")
    .assert()
    .code(0)
    .stdout(
        predicate::str::contains("Các đề nghị — Mỗi thầy, cô giáo")
            .and(predicate::str::contains("Nguyễn Thị Mai"))
            .and(predicate::str::contains("giáo viên"))
            .and(predicate::str::contains("✓")),
    );
}

#[test]
fn bad_filters_exit_2() {
    kh().args([
        "summary",
        "examples/submissions",
        "--campaign",
        "nong-thon-moy",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("nong-thon-moi"));
    kh().args(["summary", "examples/submissions", "--unit", "so-y-tee"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("so-y-te"));
    kh().args(["summary", "examples/submissions", "--kind", "nhom"])
        .assert()
        .code(2);
    kh().args(["summary", "khong-co"]).assert().code(2);
}

#[test]
fn csv_for_excel() {
    let out = kh()
        .args([
            "summary",
            "examples/submissions",
            "--format",
            "csv",
            "--table",
            "units",
            "--excel",
        ])
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.starts_with('\u{feff}'), "no BOM");
    let mut rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = rows.headers().expect("header").clone();
    assert_eq!(&header[0], "Mã đơn vị");
    assert_eq!(rows.records().count(), 10, "9 units and a totals row");
    let plain = kh()
        .args(["summary", "examples/submissions", "--format", "csv"])
        .output()
        .expect("run");
    let plain = String::from_utf8(plain.stdout).expect("utf-8");
    // Vietnamese documents cite "mục 3.9", not "§3.9" (#12).
    assert!(plain.starts_with("Mục,Mã,"), "{plain}");
    assert!(plain.contains("Sở Nông nghiệp và Phát triển nông thôn"));
    let noms = kh()
        .args([
            "summary",
            "examples/broken",
            "--format",
            "csv",
            "--table",
            "unreadable",
        ])
        .output()
        .expect("run");
    // The header and the four unreadable files (the link is skipped and
    // named, not counted: SPEC §2).
    assert_eq!(String::from_utf8_lossy(&noms.stdout).lines().count(), 5);
}

#[test]
fn markdown_tables() {
    kh().args(["summary", "examples/submissions", "--format", "markdown"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("## Theo phong trào thi đua")
                .and(predicate::str::contains("|---")),
        );
}

#[test]
fn same_tree_same_bytes() {
    let run = || {
        kh().args([
            "summary",
            "examples/broken",
            "--campaign",
            "cai-cach-hanh-chinh",
        ])
        .output()
        .expect("run")
        .stdout
    };
    assert_eq!(run(), run());
    let out = kh()
        .args(["summary", "examples/submissions"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    // Beside the snapshot: the figures of the JSON summary are the table's.
    let json: Value = summary_json(["examples/submissions"]);
    let found = json["nominations"].as_array().map_or(0, Vec::len);
    assert!(
        text.contains(&format!("Đối chiếu: {found} đề nghị trong bảng phong trào")),
        "{text}"
    );
    for c in json["campaigns"].as_array().into_iter().flatten() {
        let section = c["section"].as_str().unwrap_or("");
        let row = text
            .lines()
            .find(|l| {
                l.split('|')
                    .nth(1)
                    .is_some_and(|cell| cell.trim() == section)
            })
            .unwrap_or_else(|| panic!("no row for {section}: {text}"));
        let total = c["total"].to_string();
        assert!(
            row.split('|').any(|cell| cell.trim() == total),
            "{section}: {total} not in {row}"
        );
    }
    insta::assert_snapshot!("summary_tables", text);
    let en = kh()
        .args([
            "summary",
            "examples/submissions",
            "--lang",
            "en",
            "--campaign",
            "y-te-hai-long",
        ])
        .output()
        .expect("run");
    insta::assert_snapshot!("summary_tables_en", String::from_utf8_lossy(&en.stdout));
}

/// #12: tables fit 80 and 200 columns (COLUMNS, off a terminal), never split
/// a slug, a code or a number, and carry short kind headers with a legend.
#[test]
fn tables_fit_the_width() {
    for width in ["80", "200"] {
        let out = kh()
            .args([
                "summary",
                "examples/submissions",
                "--campaign",
                "3.9",
                "--ascii",
            ])
            .env("COLUMNS", width)
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let w: usize = width.parse().unwrap_or(80);
        for line in text
            .lines()
            .filter(|l| l.starts_with('+') || l.starts_with('|'))
        {
            assert!(line.chars().count() <= w, "{width}: {line}");
        }
        assert!(
            text.contains("TT: tập thể · CN: cá nhân · HGĐ: hộ gia đình"),
            "{text}"
        );
        assert!(text.contains("(mục 3.9)") && !text.contains("§"), "{text}");
        insta::assert_snapshot!(format!("summary_at_{width}"), text);
    }
    // Codes are never split: the decision number and the slugs stay whole.
    let out = kh()
        .args(["campaigns", "--ascii"])
        .env("COLUMNS", "80")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    for slug in [
        "hoc-tap-lam-theo-bac",
        "cuu-chien-binh-kinh-te-gioi",
        "nong-dan-san-xuat-gioi",
    ] {
        assert!(text.contains(slug), "{slug} split:\n{text}");
    }
}

#[test]
fn a_campaign_by_a_few_of_its_words() {
    let doc = summary_json(["examples/submissions", "--campaign", "dạy tốt"]);
    assert_eq!(doc["campaigns"][0]["slug"], "day-tot-hoc-tot");
    kh().args(["summary", "examples/submissions", "--campaign", "thi đua"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("quyet-thang")
                .and(predicate::str::contains("giai-phong-mat-bang")),
        );
}

/// The Chairman reads campaigns by their names; a CSV keeps slugs for
/// scripts beside name columns, and says "có"/"không" for yes and no
/// (#23.14).
#[test]
fn campaign_names_beside_slugs_and_yes_no_in_words() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/submissions");
    let run = |args: &[&str]| -> String {
        let out = kh()
            .arg("summary")
            .arg(&root)
            .args(args)
            .output()
            .expect("runs");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let csv = run(&["--format", "csv", "--table", "escalations"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("Tệp,Đơn vị,Tên,Phong trào,Tên phong trào")
    );
    assert!(
        csv.contains(",vi-an-ninh-to-quoc,Vì an ninh Tổ quốc; Toàn dân bảo vệ an ninh Tổ quốc"),
        "{csv}"
    );
    let whole = run(&[]);
    let table = whole
        .split("Báo cáo Chủ tịch UBND tỉnh")
        .nth(1)
        .and_then(|t| t.split("\n\n").next())
        .unwrap_or("");
    assert!(table.contains("Vì an"), "{whole}");
    assert!(!table.contains("vi-an-ninh-to-quoc"), "{table}");
    let nominations = run(&["--format", "csv", "--table", "nominations"]);
    let head: Vec<&str> = nominations
        .lines()
        .next()
        .unwrap_or("")
        .split(',')
        .collect();
    let stale = head
        .iter()
        .position(|h| *h == "Sửa sau thẩm định")
        .expect("column");
    for line in nominations.lines().skip(1) {
        let cells = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes())
            .records()
            .next()
            .and_then(Result::ok)
            .expect("a row");
        assert!(matches!(cells.get(stale), Some("có" | "không")), "{line}");
    }
    assert!(head.contains(&"Tên phong trào"));
    let english = kh()
        .args(["--lang", "en", "summary"])
        .arg(&root)
        .args(["--format", "csv", "--table", "nominations"])
        .output()
        .expect("runs");
    let english = String::from_utf8(english.stdout).expect("utf-8");
    assert!(
        english.contains(",no,") || english.contains(",yes,"),
        "{english}"
    );
}

/// #23.13: in an 80-column terminal or a pipe, tables wrap
/// between words, never inside a syllable ("Côn|g", "Nguy|ễn", "Ngườ|i"):
/// every word of the narrow table is a word of the same table drawn 400
/// columns wide.
#[test]
fn tables_wrap_between_words() {
    let words = |args: &[&str], width: &str| -> Vec<String> {
        let out = kh()
            .args(args)
            .arg("--ascii")
            .env("COLUMNS", width)
            .output()
            .expect("run");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.starts_with('|'))
            .flat_map(|l| l.split(['|', ' ']).map(str::to_string).collect::<Vec<_>>())
            .filter(|w| !w.is_empty())
            .collect()
    };
    for (args, widths) in [
        (&["review", "list", "examples/submissions"][..], &["80"][..]),
        (&["summary", "examples/submissions"], &["80"]),
        (
            &["summary", "examples/submissions", "--campaign", "3.9"],
            &["80"],
        ),
        (&["campaigns"], &["80"]),
    ] {
        let mut wide: std::collections::HashSet<String> = words(args, "400").into_iter().collect();
        assert!(wide.len() > 10, "{args:?}");
        // A path may break after a `/` or a `-` (#23.12), never inside a
        // slug's word: every run of its whole pieces is a word too.
        let runs: Vec<String> = wide
            .iter()
            .filter(|w| w.ends_with(".toml"))
            .flat_map(|w| {
                let pieces: Vec<&str> = w.split_inclusive(['/', '-']).collect();
                (0..pieces.len())
                    .flat_map(|i| (i + 1..=pieces.len()).map(move |j| (i, j)))
                    .map(|(i, j)| pieces[i..j].concat())
                    .collect::<Vec<_>>()
            })
            .collect();
        wide.extend(runs);
        for width in widths {
            for w in words(args, width) {
                assert!(
                    wide.contains(&w),
                    "{args:?} at {width}: “{w}” is a split word"
                );
            }
        }
    }
}

/// #23.13: the prose around the tables (titles, the legend, the
/// reconciliation line) wraps at the width too, between words.
#[test]
fn prose_lines_wrap_at_the_width() {
    let out = kh()
        .args(["summary", "examples/submissions", "--ascii"])
        .env("COLUMNS", "80")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
    assert!(text.contains("Đối chiếu: 22 đề nghị"), "{text}");
}
