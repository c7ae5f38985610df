//! Appraisal (SPEC §10, §11): `kh review set` and `list`, the review rule
//! codes, the roster, and what the summary makes of them.

use std::path::Path;

use crate::common::*;
use predicates::prelude::*;
use serde_json::Value;

/// A round of three units, each with one clean nomination.
fn round() -> Tree {
    let t = Tree::new();
    t.unit("so-y-te").write("so-y-te/a.toml", PERSON);
    t.unit("xa-nhan-thinh")
        .write("xa-nhan-thinh/b.toml", COLLECTIVE);
    t.unit("ubnd-huyen").write("ubnd-huyen/c.toml", HOUSEHOLD);
    t
}

fn set(t: &Tree, files: &[&str], extra: &[&str]) -> assert_cmd::assert::Assert {
    let mut cmd = kh();
    cmd.args(["review", "set"]);
    for f in files {
        cmd.arg(t.path(f));
    }
    cmd.args(extra).assert()
}

fn summary(t: &Tree, extra: &[&str]) -> Value {
    let mut args = vec![t.root().as_os_str()];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    summary_json(args)
}

fn list(t: &Tree) -> Value {
    let out = kh()
        .args(["review", "list"])
        .arg(t.root())
        .args(["--format", "json"])
        .output()
        .expect("run");
    serde_json::from_slice(&out.stdout).expect("json")
}

fn status_of(doc: &Value, path: &str) -> (String, bool) {
    let n = doc["nominations"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|n| n["path"] == path)
        .cloned()
        .unwrap_or_default();
    (
        n["review"]["status"].as_str().unwrap_or("").to_string(),
        n["review"]["stale"].as_bool().unwrap_or(false),
    )
}

#[test]
fn an_approval_holds_until_the_file_changes() {
    let t = round();
    set(
        &t,
        &["so-y-te/a.toml"],
        &["--status", "dat", "--date", "05/10/2023"],
    )
    .code(0)
    .stdout(predicate::str::contains("Đã ghi kết quả “đạt” cho 1 tệp"));
    let book = std::fs::read_to_string(t.path("review.toml")).expect("review.toml");
    assert!(book.contains("path = \"so-y-te/a.toml\""), "{book}");
    assert!(book.contains("date = 2023-10-05"), "{book}");
    assert_eq!(
        status_of(&summary(&t, &[]), "so-y-te/a.toml"),
        ("dat".into(), false)
    );
    assert_quiet(&t, "review-stale");

    // One character changed after approval: stale, and counted as pending.
    t.write("so-y-te/a.toml", &PERSON.replace("320 ca", "321 ca"));
    assert_fires(&t, "review-stale");
    assert_eq!(
        status_of(&summary(&t, &[]), "so-y-te/a.toml"),
        ("cho-xet".into(), true)
    );
    // Reviewed again, it holds again.
    set(&t, &["so-y-te/a.toml"], &["--status", "dat"]).code(0);
    assert_quiet(&t, "review-stale");
}

#[test]
fn approval_is_refused_for_a_nomination_with_errors() {
    let t = round();
    t.write(
        "so-y-te/a.toml",
        &edit(PERSON, "kind = \"ca-nhan\"", "kind = \"nhom\""),
    );
    set(&t, &["so-y-te/a.toml"], &["--status", "dat"])
        .code(1)
        .stdout(predicate::str::contains("invalid-value"))
        .stdout(predicate::str::contains("Không ghi gì"));
    assert!(!t.path("review.toml").exists());
    // Returning it for more is what such a file needs, and is allowed.
    set(
        &t,
        &["so-y-te/a.toml"],
        &["--status", "bo-sung", "--note", "Sửa loại điển hình"],
    )
    .code(0);
}

#[test]
fn returned_and_rejected_say_why() {
    let t = round();
    set(&t, &["so-y-te/a.toml"], &["--status", "bo-sung"])
        .code(2)
        .stderr(predicate::str::contains("--note"));
    set(
        &t,
        &["so-y-te/a.toml"],
        &["--status", "khong-dat", "--note", "  "],
    )
    .code(2);
    assert!(!t.path("review.toml").exists());

    set(
        &t,
        &["so-y-te/a.toml"],
        &["--status", "bo-sung", "--note", "Bổ sung minh chứng"],
    )
    .code(0);
    set(
        &t,
        &["xa-nhan-thinh/b.toml"],
        &["--status", "không đạt", "--note", "Chưa nổi trội"],
    )
    .code(0);
    let doc = t.json();
    let find = |rule: &str| first_of(&doc, rule);
    let returned = find("review-returned");
    assert_eq!(returned["severity"], "warning");
    assert_eq!(returned["path"], "so-y-te/a.toml");
    assert!(
        returned["message"]
            .as_str()
            .unwrap_or("")
            .contains("Bổ sung minh chứng")
    );
    let rejected = find("review-rejected");
    assert_eq!(rejected["severity"], "note");
    assert!(
        rejected["message"]
            .as_str()
            .unwrap_or("")
            .contains("Chưa nổi trội")
    );
    // Approved and pending nominations say nothing.
    set(
        &t,
        &["so-y-te/a.toml", "xa-nhan-thinh/b.toml"],
        &["--status", "dat"],
    )
    .code(0);
    assert_quiet(&t, "review-returned");
    assert_quiet(&t, "review-rejected");
}

#[test]
fn an_entry_for_a_file_that_is_gone_is_an_orphan() {
    let t = round();
    set(&t, &["ubnd-huyen/c.toml"], &["--status", "dat"]).code(0);
    assert_quiet(&t, "review-orphan");
    std::fs::rename(t.path("ubnd-huyen/c.toml"), t.path("ubnd-huyen/c2.toml")).expect("mv");
    let doc = t.json();
    let orphan = first_of(&doc, "review-orphan");
    assert_eq!(orphan["path"], "review.toml");
    assert_eq!(orphan["line"], 3, "{doc:#}");
    // A run over one unit does not call the other units' entries orphans.
    let unit = validate_json(&t.path("so-y-te"), &[]);
    assert!(!codes(&unit).contains(&"review-orphan".to_string()));
}

#[test]
fn a_broken_review_file_never_stops_the_check() {
    let t = round();
    t.write(
        "review.toml",
        "[[review]]\npath = \"so-y-te/a.toml\"\nstatus = \"dat\n",
    );
    let doc = t.json();
    let bad: Vec<_> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["path"] == "review.toml")
        .map(|d| d["rule"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(bad, ["parse-error"]);
    assert_eq!(doc["counts"]["nominations"], 3);
    // kh never overwrites a file it cannot read whole.
    set(&t, &["so-y-te/a.toml"], &["--status", "dat"])
        .code(2)
        .stderr(predicate::str::contains("review.toml"));

    t.write(
        "review.toml",
        "[[review]]\npath = \"so-y-te/a.toml\"\nstatus = \"xong\"\ndate = \"31/02/2023\"\nmood = 1\n\n[[review]]\npath = \"so-y-te/a.toml\"\nstatus = \"dat\"\n\n[[review]]\npath = \"xa-nhan-thinh/b.toml\"\nstatus = \"dat\"\n",
    );
    let mut bad: Vec<_> = t.json()["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["path"] == "review.toml")
        .map(|d| d["rule"].as_str().unwrap_or("").to_string())
        .collect();
    bad.sort();
    assert_eq!(bad, ["invalid-date", "invalid-value", "unknown-field"]);
    // The second entry of a path is refused; the first (broken) one is
    // dropped; the good entry still counts.
    let doc = summary(&t, &[]);
    assert_eq!(status_of(&doc, "xa-nhan-thinh/b.toml").0, "dat");
}

#[test]
fn twenty_writers_at_once_lose_no_entry() {
    let t = Tree::new();
    t.unit("u");
    for i in 0..20 {
        t.write(&format!("u/n{i:02}.toml"), PERSON);
    }
    // A lock file left behind by a killed run is only a file: it blocks no one.
    t.write("review.toml.lock", "");
    let bin = assert_cmd::cargo::cargo_bin("kh");
    let children: Vec<_> = (0..20)
        .map(|i| {
            std::process::Command::new(&bin)
                .args(["review", "set", "--status", "bo-sung", "--note"])
                .arg(format!("ghi chú {i}"))
                .arg(t.path(&format!("u/n{i:02}.toml")))
                .env_remove("KH_LANG")
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("wait").success());
    }
    let rows = list(&t);
    let rows = rows.as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 20);
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r["path"], format!("u/n{i:02}.toml"));
        assert_eq!(r["status"], "bo-sung");
        assert_eq!(r["note"], format!("ghi chú {i}"));
    }
}

#[test]
fn nothing_half_written_where_the_root_cannot_be_written() {
    let t = round();
    // A folder where the lock file should be: the lock cannot be taken.
    std::fs::create_dir(t.path("review.toml.lock")).expect("mkdir");
    set(&t, &["so-y-te/a.toml"], &["--status", "dat"]).code(2);
    assert!(!t.path("review.toml").exists());
    // A file outside any unit is no nomination to review.
    t.write("le.toml", PERSON);
    std::fs::remove_dir(t.path("review.toml.lock")).expect("rmdir");
    set(&t, &["le.toml"], &["--status", "dat"]).code(2);
    set(&t, &["so-y-te/unit.toml"], &["--status", "dat"]).code(2);
    set(&t, &["so-y-te/khong-co.toml"], &["--status", "dat"]).code(2);
    assert!(!t.path("review.toml").exists());
}

#[test]
fn comments_and_other_entries_survive_a_rewrite() {
    let t = round();
    t.write(
        "review.toml",
        "# Sổ thẩm định đợt 2023 — phòng Thi đua\n\n[[review]]\npath = \"xa-nhan-thinh/b.toml\" # họp ngày 5/10\nstatus = \"cho-xet\"\n",
    );
    set(
        &t,
        &["so-y-te/a.toml"],
        &["--status", "dat", "--reviewer", "Trần Thị Bích"],
    )
    .code(0);
    let text = std::fs::read_to_string(t.path("review.toml")).expect("read");
    assert!(text.starts_with("# Sổ thẩm định đợt 2023"), "{text}");
    assert!(text.contains("# họp ngày 5/10"), "{text}");
    let a = text.find("so-y-te/a.toml").unwrap_or(usize::MAX);
    let b = text.find("xa-nhan-thinh/b.toml").unwrap_or(0);
    assert!(a < b, "sorted by path: {text}");
}

#[test]
fn the_roster_names_who_sent_nothing_and_who_was_not_asked() {
    let t = round();
    t.write(
        "kh.toml",
        "year = 2023\n[expected]\nso-y-te = \"Sở Y tế\"\nxa-nhan-thinh = \"UBND xã Nhân Thịnh\"\nubnd-huyen = \"UBND huyện\"\nso-tai-chinh = \"Sở Tài chính\"\n",
    );
    assert_quiet(&t, "unexpected-unit");
    let doc = summary(&t, &[]);
    assert_eq!(
        doc["missing_units"],
        serde_json::json!([{"slug": "so-tai-chinh", "name": "Sở Tài chính"}])
    );
    t.unit("so-y-tee").write("so-y-tee/d.toml", COLLECTIVE);
    let doc = t.json();
    let d = first_of(&doc, "unexpected-unit");
    assert_eq!(d["path"], "so-y-tee");
    assert_eq!(d["severity"], "warning");
    let human = kh().arg("validate").arg(t.root()).output().expect("run");
    assert!(String::from_utf8_lossy(&human.stdout).contains("có phải là `so-y-te`?"));
    let table = kh().arg("summary").arg(t.root()).output().expect("run");
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(
        table.contains("Đơn vị chưa gửi") && table.contains("Sở Tài chính"),
        "{table}"
    );
    // Without a roster, no unit is unexpected.
    let free = round();
    free.unit("bat-ky").write("bat-ky/e.toml", COLLECTIVE);
    assert_quiet(&free, "unexpected-unit");
}

#[test]
fn the_summary_reconciles_every_file() {
    let t = round();
    t.write("le.toml", PERSON);
    t.write("so-y-te/hong.toml", "campaign = 1\n");
    set(
        &t,
        &["so-y-te/a.toml"],
        &["--status", "dat", "--award", "Bằng khen"],
    )
    .code(0);
    set(
        &t,
        &["ubnd-huyen/c.toml"],
        &["--status", "khong-dat", "--note", "x"],
    )
    .code(0);
    let doc = summary(&t, &[]);
    assert_eq!(doc["outside_unit"], serde_json::json!(["le.toml"]));
    assert_eq!(doc["unreadable"], serde_json::json!(["so-y-te/hong.toml"]));
    let a = doc["nominations"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|n| n["path"] == "so-y-te/a.toml")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        a["review"],
        serde_json::json!({"status": "dat", "stale": false, "award": "Bằng khen"})
    );
    assert!(a.get("proposed_award").is_some() && a.get("movement").is_some());
    let totals = |list: &str| {
        let mut sum = [0u64; 4];
        for row in doc[list].as_array().into_iter().flatten() {
            for (i, k) in ["cho_xet", "dat", "bo_sung", "khong_dat"]
                .iter()
                .enumerate()
            {
                sum[i] += row["review"][k].as_u64().unwrap_or(0);
            }
        }
        sum
    };
    assert_eq!(totals("campaigns"), [1, 1, 0, 1]);
    assert_eq!(totals("units"), [1, 1, 0, 1]);
    // Wide enough for the reconciliation line on one line (it wraps at 80).
    let table = kh()
        .arg("summary")
        .arg(t.root())
        .env("COLUMNS", "200")
        .output()
        .expect("run");
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(
        table.contains("Đối chiếu: 3 đề nghị trong bảng phong trào + 1 không đọc được + 1 ngoài thư mục đơn vị = 5 tệp đã tìm thấy"),
        "{table}"
    );
    assert!(table.contains("le.toml"), "{table}");
}

#[test]
fn the_cap_mark_speaks_of_the_whole_unit_under_a_filter() {
    let t = Tree::new();
    t.unit("u");
    t.write("u/a.toml", PERSON);
    for (i, name) in ["An", "Bình", "Cường"].iter().enumerate() {
        t.write(
            &format!("u/c{i}.toml"),
            &COLLECTIVE.replace("xã Nhân Thịnh", &format!("xã {name}")),
        );
    }
    let out = kh()
        .arg("summary")
        .arg(t.root())
        .args(["--campaign", "y-te-hai-long", "--ascii"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1 (đơn vị: 4/3 ⚠)"), "{text}");
    assert!(!text.contains("1/3"), "{text}");
}

#[test]
fn csv_cells_hold_one_value_each() {
    let t = round();
    let csv = |extra: &[&str]| {
        let out = kh()
            .arg("summary")
            .arg(t.root())
            .args(["--format", "csv"])
            .args(extra)
            .output()
            .expect("run");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let units = csv(&["--table", "units"]);
    let header = units.lines().next().unwrap_or("");
    assert!(header.contains(",Đề nghị,Tối đa,"), "{header}");
    assert!(
        units.lines().nth(1).unwrap_or("").contains(",1,3,"),
        "{units}"
    );
    assert!(!units.contains("/3"), "{units}");
    let noms = csv(&["--table", "nominations"]);
    assert!(!noms.contains("lỗi,"), "{noms}");
    let semi = csv(&["--table", "units", "--sep", ";"]);
    assert!(
        semi.lines()
            .next()
            .unwrap_or("")
            .contains(";Đề nghị;Tối đa;"),
        "{semi}"
    );
    let excel = csv(&["--table", "campaigns", "--excel"]);
    assert!(excel.contains("\"=\"\"3.10\"\"\""), "{excel}");
    kh().arg("summary")
        .arg(t.root())
        .args(["--format", "csv", "--sep", "|"])
        .assert()
        .code(2);
}

#[test]
fn the_list_filters_and_speaks_both_languages() {
    let t = round();
    set(
        &t,
        &["so-y-te/a.toml"],
        &["--status", "dat", "--reviewer", "Trần Thị Bích"],
    )
    .code(0);
    let out = kh()
        .args(["review", "list"])
        .arg(t.root())
        .args(["--status", "dat", "--format", "csv"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("so-y-te/a.toml") && text.contains("Trần Thị Bích"));
    let out = kh()
        .args(["review", "list", "--ascii", "--lang", "en"])
        .arg(t.root())
        .env("COLUMNS", "200")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("approved") && text.contains("pending"),
        "{text}"
    );
    let out = kh()
        .args(["review", "list", "--ascii", "--unit", "ubnd-huyen"])
        .arg(t.root())
        .env("COLUMNS", "200")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Đỗ Văn Bình") && !text.contains("Đinh Văn Thành"),
        "{text}"
    );
}

#[test]
fn the_shipped_round_shows_every_status() {
    let out = kh()
        .args(["review", "list", "examples/submissions", "--format", "json"])
        .output()
        .expect("run");
    let rows: Value = serde_json::from_slice(&out.stdout).expect("json");
    for status in ["cho-xet", "dat", "bo-sung", "khong-dat"] {
        assert!(
            rows.as_array()
                .into_iter()
                .flatten()
                .any(|r| r["status"] == status),
            "{status}"
        );
    }
    assert!(
        rows.as_array()
            .into_iter()
            .flatten()
            .all(|r| r["stale"] == false)
    );
    let doc: Value = summary_json(["examples/submissions"]);
    assert_eq!(doc["missing_units"][0]["slug"], "so-tai-chinh");
    assert!(Path::new("examples/submissions/review.toml").is_file());
}

/// Sở Nội vụ's note is never cut, and says who decided and when (#23.10).
#[test]
fn the_reviewers_note_is_shown_whole() {
    let t = round();
    let note = "Bổ sung bản sao quyết định công nhận sáng kiến cấp tỉnh năm 2023, bản xác nhận của Hội đồng khoa học ngành về hiệu quả áp dụng, và ảnh chụp bằng khen năm 2021 còn thiếu trong hồ sơ gửi lần trước";
    let file = t.root().join("so-y-te/a.toml");
    let file = file.to_string_lossy().to_string();
    set(
        &t,
        &[file.as_str()],
        &[
            "--status",
            "bo-sung",
            "--note",
            note,
            "--reviewer",
            "Trần Thị B",
            "--date",
            "06/10/2023",
        ],
    )
    .code(0);
    for extra in [&[][..], &["--format", "json"][..]] {
        let out = kh()
            .arg("validate")
            .arg(t.root())
            .args(extra)
            .env("COLUMNS", "60")
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout).replace("\\n", " ");
        assert!(text.contains(note), "{text}");
        assert!(text.contains("06/10/2023, Trần Thị B"), "{text}");
    }
}

/// A roster entry and a folder of one unit under two codes are one unit
/// (SPEC §6): by the unit.toml name, or a slug the folder's extends.
#[test]
fn a_roster_entry_and_its_folder_under_another_code_are_one_unit() {
    let t = Tree::new();
    t.write(
        "kh.toml",
        "year = 2023\n[expected]\ncong-an-tinh = \"Công an tỉnh Hà Nam\"\nso-tai-chinh = \"Sở Tài chính\"\nso-y-te = \"Sở Y tế\"\n",
    );
    t.write("cong-an-tinh-ha-nam/unit.toml", "name = \"Công an tỉnh\"\n");
    t.write("cong-an-tinh-ha-nam/a.toml", PERSON);
    t.write("syt/unit.toml", "name = \"Sở Y tế\"\n");
    t.write("syt/b.toml", COLLECTIVE);
    let doc = summary(&t, &[]);
    assert_eq!(
        doc["missing_units"],
        serde_json::json!([{"slug": "so-tai-chinh", "name": "Sở Tài chính"}]),
        "{doc:#}"
    );
    let out = kh().arg("validate").arg(t.root()).output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("đổi tên thư mục thành `cong-an-tinh`"),
        "{text}"
    );
    assert!(text.contains("đổi tên thư mục thành `so-y-te`"), "{text}");
    // A folder that is not on the roster at all is still unexpected.
    t.write("khac/unit.toml", "name = \"Đơn vị khác\"\n");
    t.write("khac/c.toml", HOUSEHOLD);
    let doc = summary(&t, &[]);
    assert_eq!(doc["missing_units"].as_array().map(Vec::len), Some(1));
}

/// #23.12: the table shows each file's path, what `kh review set` takes,
/// whole on a wide terminal and broken only after a `/` or `-` on a narrow.
#[test]
fn the_review_table_shows_the_paths_review_set_takes() {
    let json = kh()
        .args(["review", "list", "examples/submissions", "--format", "json"])
        .output()
        .expect("run");
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let paths: Vec<String> = rows
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["path"].as_str().map(String::from))
        .collect();
    assert!(paths.len() > 10);
    for width in ["200", "80"] {
        let out = kh()
            .args(["review", "list", "examples/submissions", "--ascii"])
            .env("COLUMNS", width)
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        // The first column's lines, joined back where a path was broken.
        let mut joined = String::new();
        let body = text.lines().skip_while(|l| !l.starts_with("+="));
        for line in body.filter(|l| l.starts_with('|')) {
            let cell = line.split('|').nth(1).unwrap_or("").trim();
            joined.push_str(cell);
            if cell.ends_with(".toml") {
                joined.push('\n');
            }
        }
        for p in &paths {
            assert!(
                joined.lines().any(|l| l == p),
                "{p} not in the table at {width}:\n{text}"
            );
        }
    }
}

/// #37.11: the file an orphan meant is suggested from its own unit, or from
/// files of its name elsewhere (a unit renamed); a register copied from last
/// year, with thousands of entries for files that are gone, is no longer
/// compared with every file of the round.
#[test]
fn orphans_are_matched_by_unit_and_name_never_against_the_whole_round() {
    let t = round();
    set(&t, &["ubnd-huyen/c.toml"], &["--status", "dat"]).code(0);
    std::fs::rename(t.path("ubnd-huyen/c.toml"), t.path("ubnd-huyen/c2.toml")).expect("mv");
    // The hint is in the human report (JSON keeps the finding).
    let human = |t: &Tree| {
        let out = kh().arg("validate").arg(t.root()).output().expect("run");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = human(&t);
    assert!(shown.contains("`ubnd-huyen/c2.toml`"), "{shown}");
    // A renamed unit folder: the same file name elsewhere is suggested.
    let u = round();
    set(&u, &["ubnd-huyen/c.toml"], &["--status", "dat"]).code(0);
    std::fs::rename(u.path("ubnd-huyen"), u.path("ubnd-huyen-moi")).expect("mv");
    let shown = human(&u);
    assert!(shown.contains("`ubnd-huyen-moi/c.toml`"), "{shown}");

    // 2,000 units of three files, and last year's register of 6,000 entries.
    let big = Tree::new();
    big.write("kh.toml", "year = 2023\n");
    let mut register = String::new();
    for u in 0..2000 {
        for i in 0..3 {
            big.write(
                &format!("don-vi-{u:04}/p{i}.toml"),
                &PERSON.replace("Đinh Văn Thành", &format!("Người {u} {i}")),
            );
            register.push_str(&format!(
                "[[review]]\npath = \"nam-truoc-{u:04}/q{i}.toml\"\nstatus = \"dat\"\ndate = 2022-11-01\nsha256 = \"{}\"\n\n",
                "0".repeat(64)
            ));
        }
    }
    big.write("review.toml", &register);
    let start = std::time::Instant::now();
    let doc = big.json();
    assert!(
        start.elapsed() < std::time::Duration::from_secs(120),
        "{:?}",
        start.elapsed()
    );
    let orphans = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"] == "review-orphan")
        .count();
    assert_eq!(orphans, 6000);
}
