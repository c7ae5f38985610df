//! Every rule code of the contract, once where it fires and once, on a near
//! miss, where it must not.

use crate::common::*;

fn fires(text: &str, code: &str) {
    assert_fires(&Tree::single(text), code);
}

/// The near miss must not fire `code`, and must not fail otherwise either:
/// a fixture that stopped at another error would prove nothing.
fn quiet(text: &str, code: &str) {
    let tree = Tree::single(text);
    assert_quiet(&tree, code);
    let doc = tree.json();
    let errors: Vec<_> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["rule"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "the near miss for {code} fails otherwise: {errors:?}"
    );
}

#[test]
fn the_base_fixtures_are_clean() {
    for base in [PERSON, COLLECTIVE, HOUSEHOLD] {
        let doc = Tree::single(base).json();
        assert_eq!(doc["counts"]["errors"], 0, "{doc:#}");
        assert_eq!(doc["counts"]["warnings"], 0, "{doc:#}");
    }
}

// §7: files that are not what they should be.

#[test]
fn parse_error() {
    fires(
        &edit(PERSON, "kind = \"ca-nhan\"", "kind = \"ca-nhan"),
        "parse-error",
    );
    fires(&format!("{PERSON}\n[nominee]\n"), "parse-error");
    // CRLF line ends and a byte-order mark are fine.
    quiet(
        &format!("\u{feff}{}", PERSON.replace('\n', "\r\n")),
        "parse-error",
    );
}

#[test]
fn not_utf8() {
    let t = Tree::new();
    t.unit("u").write_bytes(
        "u/a.toml",
        b"campaign = \"y-te-hai-long\"\n# L\xea V\xe3n\n",
    );
    assert_fires(&t, "not-utf8");
    let doc = t.json();
    assert_eq!(doc["diagnostics"][0]["line"], 2, "{doc:#}");
    quiet(&format!("\u{feff}{PERSON}"), "not-utf8");
}

#[test]
fn file_too_large() {
    let pad = |n: usize| format!("{PERSON}{}", "#".repeat(n - PERSON.len() - 1) + "\n");
    fires(&pad(1024 * 1024 + 1), "file-too-large");
    quiet(&pad(1024 * 1024), "file-too-large");
}

#[cfg(unix)]
#[test]
fn io_error() {
    // A folder nested past the system's path limit cannot be opened.
    let t = Tree::single(PERSON);
    let e = kh::explanation(kh::Rule::IoError);
    crate::common::write_example(e, t.root()).expect("example");
    assert_fires(&t, "io-error");
    // Links, FIFOs, scans and PDFs are no io-error.
    let quiet_tree = Tree::single(PERSON);
    quiet_tree.write("don-vi/scan.pdf", "%PDF");
    std::os::unix::fs::symlink("/nonexistent", quiet_tree.path("don-vi/anh.jpg")).expect("symlink");
    std::os::unix::fs::symlink(
        quiet_tree.path("don-vi/de-nghi.toml"),
        quiet_tree.path("don-vi/lien-ket.toml"),
    )
    .expect("symlink");
    assert_quiet(&quiet_tree, "io-error");
}

#[cfg(unix)]
#[test]
fn not_regular_file() {
    let fifo = Tree::single(PERSON);
    let made = std::process::Command::new("mkfifo")
        .arg(fifo.path("don-vi/ong.toml"))
        .status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // Never opened: a FIFO would block a reader forever.
    assert_fires(&fifo, "not-regular-file");
    // A folder named review.toml is the round's file gone wrong, never a unit.
    let dir = Tree::single(PERSON);
    std::fs::create_dir(dir.path("review.toml")).expect("mkdir");
    assert_fires(&dir, "not-regular-file");
    let doc = dir.json();
    assert_eq!(doc["counts"]["units"], 1, "{doc:#}");
    assert_quiet(&Tree::single(PERSON), "not-regular-file");
}

#[cfg(unix)]
#[test]
fn link_skipped() {
    let t = Tree::single(PERSON);
    std::os::unix::fs::symlink(
        t.path("don-vi/de-nghi.toml"),
        t.path("don-vi/lien-ket.toml"),
    )
    .expect("symlink");
    assert_fires(&t, "link-skipped");
    // A linked unit folder is named too, never dropped unseen.
    let u = Tree::single(PERSON);
    std::os::unix::fs::symlink(u.path("don-vi"), u.path("don-vi-khac")).expect("symlink");
    let doc = u.json();
    let linked: Vec<&serde_json::Value> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"] == "link-skipped")
        .collect();
    assert_eq!(linked.len(), 1, "{doc:#}");
    assert_eq!(linked[0]["path"], "don-vi-khac");
    assert_eq!(linked[0]["severity"], "warning");
    assert_quiet(&Tree::single(PERSON), "link-skipped");
}

#[cfg(unix)]
#[test]
fn non_utf8_name() {
    use std::os::unix::ffi::OsStrExt;
    let t = Tree::single(PERSON);
    let name = std::ffi::OsStr::from_bytes(b"don-vi/b\xe9.toml");
    std::fs::write(
        t.root().join(name),
        PERSON.replace("Đinh Văn Thành", "Lê Văn Bé"),
    )
    .expect("write");
    let doc = t.json();
    let on: Vec<String> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["path"] == "don-vi/b\\xE9.toml")
        .filter_map(|d| d["rule"].as_str().map(String::from))
        .collect();
    // Named escaped, and still checked (its notes are there).
    assert!(on.iter().any(|r| r == "non-utf8-name"), "{doc:#}");
    assert!(on.iter().any(|r| r == "unevidenced-criterion"), "{on:?}");
    assert_quiet(&Tree::single(PERSON), "non-utf8-name");
}

// §3: the form.

#[test]
fn missing_field() {
    fires(
        &edit(PERSON, "hometown = \"xã An Lão, huyện Bình Lục\"\n", ""),
        "missing-field",
    );
    fires(
        &edit(
            PERSON,
            "workplace = \"Trung tâm Y tế huyện Bình Lục\"\n",
            "",
        ),
        "missing-field",
    );
    fires(
        &edit(
            COLLECTIVE,
            "duties = \"Quản lý nhà nước trên địa bàn xã\"\n",
            "",
        ),
        "missing-field",
    );
    // A residence is as good as a workplace.
    quiet(
        &edit(
            PERSON,
            "workplace = \"Trung tâm Y tế huyện Bình Lục\"",
            "residence = \"thôn 2, xã An Lão\"",
        ),
        "missing-field",
    );
}

#[test]
fn empty_field() {
    fires(
        &edit(
            PERSON,
            "hometown = \"xã An Lão, huyện Bình Lục\"",
            "hometown = \"   \"",
        ),
        "empty-field",
    );
    fires(
        &edit(
            COLLECTIVE,
            "text = \"Đạt 19/19 tiêu chí nông thôn mới nâng cao\"",
            "text = \"\"",
        ),
        "empty-field",
    );
    // An optional field left blank, as a template leaves it, is fine.
    quiet(
        &edit(PERSON, "gender = \"nam\"", "position = \"\""),
        "empty-field",
    );
}

#[test]
fn invalid_value() {
    fires(
        &edit(PERSON, "gender = \"nam\"", "gender = \"khac\""),
        "invalid-value",
    );
    fires(
        &edit(PERSON, "year = 2021", "year = \"năm 2021\""),
        "invalid-value",
    );
    fires(
        &edit(
            HOUSEHOLD,
            "land_contributed_m2 = 1150",
            "land_contributed_m2 = -5",
        ),
        "invalid-value",
    );
    fires(
        &edit(
            HOUSEHOLD,
            "land_contributed_m2 = 1150",
            "land_contributed_m2 = nan",
        ),
        "invalid-value",
    );
    fires(
        &edit(
            HOUSEHOLD,
            "land_contributed_m2 = 1150",
            "land_contributed_m2 = inf",
        ),
        "invalid-value",
    );
    fires(
        &edit(PERSON, "year = 2021", "year = 99999999999999999999"),
        "invalid-value",
    );
    quiet(
        &edit(PERSON, "gender = \"nam\"", "gender = \"nu\""),
        "invalid-value",
    );
}

#[test]
fn unknown_field() {
    fires(&edit(PERSON, "hometown =", "hometwon ="), "unknown-field");
    fires(&format!("note = \"x\"\n{PERSON}"), "unknown-field");
    quiet(
        &edit(
            PERSON,
            "gender = \"nam\"",
            "gender = \"nam\"\nposition = \"Trưởng khoa\"",
        ),
        "unknown-field",
    );
}

#[test]
fn field_not_for_kind() {
    fires(
        &edit(PERSON, "gender = \"nam\"", "members = 3"),
        "field-not-for-kind",
    );
    fires(
        &edit(COLLECTIVE, "founded", "full_name = \"X\"\nfounded"),
        "field-not-for-kind",
    );
    fires(
        &format!("{PERSON}\n[model]\nname = \"M\"\n"),
        "field-not-for-kind",
    );
    quiet(
        &edit(HOUSEHOLD, "residence", "members = 3\nresidence"),
        "field-not-for-kind",
    );
}

#[test]
fn invalid_date() {
    fires(
        &edit(
            PERSON,
            "birth_date = 1978-12-01",
            "birth_date = \"31/02/1980\"",
        ),
        "invalid-date",
    );
    fires(
        &edit(
            PERSON,
            "birth_date = 1978-12-01",
            "birth_date = \"1978-13-01\"",
        ),
        "invalid-date",
    );
    fires(
        &edit(
            PERSON,
            "birth_date = 1978-12-01",
            "birth_date = \"12/1978\"",
        ),
        "invalid-date",
    );
    fires(
        &edit(
            PERSON,
            "birth_date = 1978-12-01",
            "birth_date = 1978-12-01T08:00:00",
        ),
        "invalid-date",
    );
    quiet(
        &edit(
            PERSON,
            "birth_date = 1978-12-01",
            "birth_date = \"29/02/1980\"",
        ),
        "invalid-date",
    );
}

#[test]
fn date_in_future() {
    fires(
        &edit(PERSON, "year = 2021", "year = 2023")
            .replace("date = 2021-11-30", "date = 2024-01-01"),
        "date-in-future",
    );
    fires(
        &edit(PERSON, "birth_date = 1978-12-01", "birth_date = 2024-02-01"),
        "date-in-future",
    );
    // The reference day itself is not in the future.
    quiet(
        &edit(PERSON, "year = 2021", "year = 2023")
            .replace("date = 2021-11-30", "date = 2023-12-31"),
        "date-in-future",
    );
}

#[test]
fn implausible_age() {
    fires(
        &edit(PERSON, "birth_date = 1978-12-01", "birth_date = 2018-01-01"),
        "implausible-age",
    );
    fires(
        &edit(PERSON, "birth_date = 1978-12-01", "birth_date = 1900-01-01"),
        "implausible-age",
    );
    // Six on the reference day (31/12/2023).
    let six = edit(PERSON, "birth_date = 1978-12-01", "birth_date = 2017-12-31");
    quiet(
        &edit(&six, "year = 2021", "year = 2023").replace("date = 2021-11-30", "date = 2023-06-01"),
        "implausible-age",
    );
}

#[test]
fn award_year_out_of_range() {
    fires(
        &edit(PERSON, "year = 2021", "year = 2024"),
        "award-year-out-of-range",
    );
    fires(
        &edit(PERSON, "year = 2021\ntitle", "year = 1977\ntitle")
            .replace("date = 2021-11-30\n", ""),
        "award-year-out-of-range",
    );
    fires(
        &edit(
            COLLECTIVE,
            "[[achievements]]",
            "[[awards]]\nyear = 1944\ntitle = \"Huân chương\"\n\n[[achievements]]",
        ),
        "award-year-out-of-range",
    );
    quiet(
        &edit(PERSON, "year = 2021\ntitle", "year = 1978\ntitle")
            .replace("date = 2021-11-30\n", ""),
        "award-year-out-of-range",
    );
    quiet(
        &edit(
            COLLECTIVE,
            "[[achievements]]",
            "[[awards]]\nyear = 1945\ntitle = \"Huân chương\"\n\n[[achievements]]",
        ),
        "award-year-out-of-range",
    );
}

#[test]
fn invalid_decision_number() {
    fires(
        &edit(PERSON, "5512/QĐ-BYT", "5512/QĐ - BYT"),
        "invalid-decision-number",
    );
    fires(
        &edit(PERSON, "5512/QĐ-BYT", "QĐ 5512"),
        "invalid-decision-number",
    );
    quiet(
        &edit(PERSON, "5512/QĐ-BYT", "34-CT/TW"),
        "invalid-decision-number",
    );
    quiet(
        &edit(PERSON, "5512/QĐ-BYT", "91/2017/NĐ-CP"),
        "invalid-decision-number",
    );
}

#[test]
fn award_date_mismatch() {
    fires(
        &edit(PERSON, "date = 2021-11-30", "date = 2020-11-30"),
        "award-date-mismatch",
    );
    quiet(
        &edit(PERSON, "date = 2021-11-30", "date = \"30/11/2021\""),
        "award-date-mismatch",
    );
}

// §4: the campaign.

#[test]
fn unknown_campaign() {
    fires(
        &edit(PERSON, "\"y-te-hai-long\"", "\"y-te-hai-longg\""),
        "unknown-campaign",
    );
    // The command line takes aliases; a file takes slugs only.
    fires(
        &edit(
            PERSON,
            "\"y-te-hai-long\"",
            "\"toan-dan-bao-ve-an-ninh-to-quoc\"",
        ),
        "unknown-campaign",
    );
    quiet(
        &edit(PERSON, "\"y-te-hai-long\"", "\"vi-an-ninh-to-quoc\""),
        "unknown-campaign",
    );
}

#[test]
fn kind_not_allowed() {
    fires(
        &edit(COLLECTIVE, "\"nong-thon-moi\"", "\"lao-dong-gioi\""),
        "kind-not-allowed",
    );
    fires(
        &edit(HOUSEHOLD, "\"giai-phong-mat-bang\"", "\"y-te-hai-long\""),
        "kind-not-allowed",
    );
    quiet(
        &edit(
            COLLECTIVE,
            "campaign = \"nong-thon-moi\"",
            "campaign = \"linh-vuc-khac\"\nmovement = \"Toàn dân đoàn kết xây dựng đời sống văn hóa\"",
        ),
        "kind-not-allowed",
    );
}

#[test]
fn missing_role() {
    let teacher = edit(PERSON, "\"y-te-hai-long\"", "\"day-tot-hoc-tot\"")
        .replace("criteria = [\"giai-phap-moi\"]\n", "");
    fires(&teacher, "missing-role");
    quiet(
        &edit(&teacher, "gender = \"nam\"", "role = \"giao-vien\""),
        "missing-role",
    );
}

#[test]
fn role_not_allowed() {
    let teacher = edit(PERSON, "\"y-te-hai-long\"", "\"day-tot-hoc-tot\"")
        .replace("criteria = [\"giai-phap-moi\"]\n", "");
    fires(
        &edit(&teacher, "gender = \"nam\"", "role = \"can-bo\""),
        "role-not-allowed",
    );
    // A campaign that lists no roles takes none.
    fires(
        &edit(PERSON, "gender = \"nam\"", "role = \"giao-vien\""),
        "role-not-allowed",
    );
    quiet(
        &edit(&teacher, "gender = \"nam\"", "role = \"hoc-sinh\""),
        "role-not-allowed",
    );
}

#[test]
fn missing_fact() {
    fires(
        &edit(PERSON, "rating = \"hoan-thanh-xuat-sac\"\n", ""),
        "missing-fact",
    );
    // §3.5a "tăng điểm hoặc tăng bậc": an index that did not rise leaves
    // the rank to show it, so an incomplete rank pair is asked for.
    let par = "[facts]\nrating = \"hoan-thanh-xuat-sac\"\nlate_dossiers = 0\ninitiative_level = \"tinh\"\npar_scored = true\npar_index = 92\npar_index_prev = 92\npar_rank = 2\n";
    let cchc = edit(COLLECTIVE, "\"nong-thon-moi\"", "\"cai-cach-hanh-chinh\"");
    fires(&format!("{cchc}\n{par}"), "missing-fact");
    quiet(&format!("{cchc}\n{par}par_rank_prev = 4\n"), "missing-fact");
    // Units the province does not score need no index, once they say so
    // (par_scored is asked for when no index is given).
    quiet(
        &format!(
            "{cchc}\n[facts]\nlate_dossiers = 0\ninitiative_level = \"don-vi\"\npar_scored = false\n"
        ),
        "missing-fact",
    );
    fires(
        &format!("{cchc}\n[facts]\nlate_dossiers = 0\ninitiative_level = \"don-vi\"\n"),
        "missing-fact",
    );
}

#[test]
fn rating_below_required() {
    fires(
        &edit(PERSON, "\"hoan-thanh-xuat-sac\"", "\"hoan-thanh-tot\""),
        "rating-below-required",
    );
    let bac = edit(PERSON, "\"y-te-hai-long\"", "\"hoc-tap-lam-theo-bac\"")
        .replace("criteria = [\"giai-phap-moi\"]\n", "");
    fires(
        &format!("{bac}party_member = true\nparty_rating = \"hoan-thanh-tot\"\n"),
        "rating-below-required",
    );
    // §3.5 lets individuals through with "hoàn thành tốt".
    let cchc = edit(PERSON, "\"y-te-hai-long\"", "\"cai-cach-hanh-chinh\"")
        .replace("criteria = [\"giai-phap-moi\"]\n", "");
    let cchc = edit(
        &cchc,
        "\"hoan-thanh-xuat-sac\"",
        "\"hoan-thanh-tot\"\nlate_dossiers = 0\ninitiative_level = \"don-vi\"",
    );
    quiet(&cchc, "rating-below-required");
    fires(
        &edit(&cchc, "\"hoan-thanh-tot\"", "\"hoan-thanh\""),
        "rating-below-required",
    );
}

#[test]
fn criterion_not_met() {
    fires(
        &edit(
            HOUSEHOLD,
            "land_contributed_m2 = 1150",
            "land_contributed_m2 = 0",
        ),
        "criterion-not-met",
    );
    let poor = edit(HOUSEHOLD, "\"giai-phong-mat-bang\"", "\"vi-nguoi-ngheo\"");
    let poor = edit(
        &poor,
        "land_contributed_m2 = 1150\nhandover_early = false",
        "registered_exit_poverty = false",
    );
    fires(&poor, "criterion-not-met");
    quiet(
        &edit(&poor, "= false", "= false\nsupports_poor_households = true"),
        "criterion-not-met",
    );
    quiet(
        &edit(HOUSEHOLD, "handover_early = false", "handover_early = true").replace("1150", "0"),
        "criterion-not-met",
    );
    let cchc = edit(COLLECTIVE, "\"nong-thon-moi\"", "\"cai-cach-hanh-chinh\"");
    let facts = "[facts]\nlate_dossiers = 0\ninitiative_level = \"tinh\"\npar_scored = true\npar_index = 92\npar_index_prev = 93\npar_rank = 4\npar_rank_prev = 4\n";
    fires(&format!("{cchc}\n{facts}"), "criterion-not-met");
    quiet(
        &format!("{cchc}\n{}", facts.replace("par_rank = 4", "par_rank = 3")),
        "criterion-not-met",
    );
    fires(
        &format!(
            "{cchc}\n{}",
            facts
                .replace("late_dossiers = 0", "late_dossiers = 2")
                .replace("par_rank = 4", "par_rank = 3")
        ),
        "criterion-not-met",
    );
}

#[test]
fn fact_not_applicable() {
    fires(
        &format!("{PERSON}late_dossiers = 0\n"),
        "fact-not-applicable",
    );
    fires(
        &format!("{HOUSEHOLD}party_member = true\n"),
        "fact-not-applicable",
    );
    let cchc = edit(PERSON, "\"y-te-hai-long\"", "\"cai-cach-hanh-chinh\"")
        .replace("criteria = [\"giai-phap-moi\"]\n", "");
    quiet(
        &format!("{cchc}late_dossiers = 0\ninitiative_level = \"don-vi\"\n"),
        "fact-not-applicable",
    );
}

#[test]
fn unevidenced_criterion() {
    fires(PERSON, "unevidenced-criterion");
    let all = edit(
        PERSON,
        "[\"giai-phap-moi\"]",
        "[\"giai-phap-moi\", \"y-duc\", \"chap-hanh\", \"hoan-thanh-xuat-sac\", \"sang-tao\", \"tuong-than\"]",
    );
    quiet(&all, "unevidenced-criterion");
}

#[test]
fn unknown_criterion() {
    fires(
        &edit(PERSON, "\"giai-phap-moi\"", "\"giai-phap-moy\""),
        "unknown-criterion",
    );
    // A criterion of the campaign's other kind is not this kind's.
    fires(
        &edit(PERSON, "\"giai-phap-moi\"", "\"12-dieu-y-duc\""),
        "unknown-criterion",
    );
    quiet(PERSON, "unknown-criterion");
}

// §6: across files.

#[test]
fn unit_over_cap() {
    let t = Tree::new();
    t.unit("u");
    for i in 0..3 {
        t.write(
            &format!("u/p{i}.toml"),
            &PERSON.replace("Đinh Văn Thành", &format!("Người {i}")),
        );
    }
    assert_quiet(&t, "unit-over-cap");
    t.write(
        "u/them/p3.toml",
        &PERSON.replace("Đinh Văn Thành", "Người 3"),
    );
    assert_fires(&t, "unit-over-cap");
    let doc = t.json();
    let d = first_of(&doc, "unit-over-cap");
    assert_eq!(d["path"], "u");
    assert_eq!(d["line"], serde_json::Value::Null);
    t.write("kh.toml", "year = 2023\ncap_per_unit = 4\n");
    assert_quiet(&t, "unit-over-cap");
}

/// SPEC §6: the cap counts a unit, not a folder. Two folders whose
/// `unit.toml` names are one unit, or that the roster maps to one entry,
/// are counted together; a slug prefix alone never merges.
#[test]
fn split_unit_and_the_cap_across_folders() {
    let person = |i: usize| PERSON.replace("Đinh Văn Thành", &format!("Người {i}"));
    let t = Tree::new();
    t.write("so-y-te/unit.toml", "name = \"Sở Y tế\"\n");
    t.write("so-y-te-dot-2/unit.toml", "name = \"Sở Tài chính\"\n");
    for i in 0..3 {
        t.write(&format!("so-y-te/p{i}.toml"), &person(i));
    }
    assert_quiet(&t, "split-unit");
    t.write(
        "so-y-te-dot-2/unit.toml",
        "name = \"SỞ Y TẾ tỉnh Hà Nam\"\n",
    );
    t.write("so-y-te-dot-2/p3.toml", &person(3));
    t.write("so-y-te-dot-2/p4.toml", &person(4));
    let doc = t.json();
    let split = first_of(&doc, "split-unit");
    assert_eq!(split["path"], "so-y-te", "{doc:#}");
    assert!(
        split["message"]
            .as_str()
            .unwrap_or("")
            .contains("so-y-te-dot-2")
    );
    let caps: Vec<_> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"] == "unit-over-cap")
        .collect();
    assert_eq!(caps.len(), 1, "{doc:#}");
    assert_eq!(caps[0]["path"], "so-y-te");
    assert!(
        caps[0]["message"].as_str().unwrap_or("").contains('5'),
        "{:#}",
        caps[0]
    );
    // The summary marks the whole unit's count beside each folder.
    let s = summary_json([t.root().as_os_str()]);
    let text = s.to_string();
    assert!(text.contains("so-y-te-dot-2"), "{text}");
    let out = kh().arg("summary").arg(t.root()).output().expect("run");
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("5/3"), "{table}");
    // An approval of one of its files is written, and warned of; the
    // Chairman's list marks the unit.
    kh().arg("review")
        .arg("set")
        .arg(t.path("so-y-te-dot-2/p3.toml"))
        .args(["--status", "dat", "--date", "01/11/2023"])
        .assert()
        .success()
        .stderr(predicates::str::contains("unit-over-cap"))
        .stderr(predicates::str::contains("so-y-te-dot-2/p3.toml"));
    assert!(t.path("review.toml").exists());
    let list = tempfile::tempdir().expect("temp");
    kh().args(["export", "list"])
        .arg(t.root())
        .arg("--out")
        .arg(list.path().join("ds.docx"))
        .assert()
        .success();
    let text = docx_text(&list.path().join("ds.docx"));
    assert!(text.contains("Người 3"), "{text}");
    assert!(text.contains("gửi 5 hồ sơ, vượt mức tối đa 03"), "{text}");
    // Neither finding goes in a letter: the unit is for Sở Nội vụ to merge.
    // (A slip in one file, so that the unit has a letter.)
    t.write(
        "so-y-te/p0.toml",
        &person(0).replace("5512/QĐ-BYT", "5512 QĐ BYT"),
    );
    let dir = tempfile::tempdir().expect("temp");
    kh().args(["export", "letters"])
        .arg(t.root())
        .arg("--out")
        .arg(dir.path().join("cv"))
        .assert()
        .success();
    let letter = docx_text(&dir.path().join("cv/so-y-te.docx"));
    assert!(letter.contains("Người 0"), "{letter}");
    assert!(!letter.contains("vượt số lượng"), "{letter}");
    assert!(!letter.contains("nhiều thư mục"), "{letter}");
    // The roster says which folder is which: separate codes never merge.
    t.write(
        "kh.toml",
        "year = 2023\n\n[expected]\nso-y-te = \"Sở Y tế\"\nso-y-te-dot-2 = \"Sở Y tế\"\n",
    );
    assert_quiet(&t, "split-unit");
    assert_quiet(&t, "unit-over-cap");
    // A folder mapped by name to the roster's entry is that unit.
    t.write(
        "kh.toml",
        "year = 2023\n\n[expected]\nso-y-te = \"Sở Y tế tỉnh Hà Nam\"\n",
    );
    t.write(
        "so-y-te-dot-2/unit.toml",
        "name = \"Sở Y tế tỉnh Hà Nam\"\n",
    );
    t.write("so-y-te/unit.toml", "name = \"Sở Y tế (cũ)\"\n");
    assert_fires(&t, "split-unit");
    let codes = t.codes();
    assert!(codes.contains(&"unit-over-cap".to_string()), "{codes:?}");
    assert!(!codes.contains(&"unexpected-unit".to_string()), "{codes:?}");
    // A slug prefix alone never merges.
    let u = Tree::new();
    u.write("so-van-hoa/unit.toml", "name = \"Sở Văn hóa\"\n");
    u.write("so-van-hoa-tt/unit.toml", "name = \"Trung tâm Văn hóa\"\n");
    for i in 0..3 {
        u.write(&format!("so-van-hoa/p{i}.toml"), &person(i));
        u.write(&format!("so-van-hoa-tt/q{i}.toml"), &person(i + 10));
    }
    assert_quiet(&u, "split-unit");
    assert_quiet(&u, "unit-over-cap");
}

/// SPEC §6: a 2023 round that changes the plan's cap of 03 says so.
#[test]
fn cap_changed() {
    let t = Tree::single(PERSON);
    t.write("kh.toml", "year = 2023\ncap_per_unit = 3\n");
    assert_quiet(&t, "cap-changed");
    t.write("kh.toml", "year = 2024\ncap_per_unit = 5\n");
    assert_quiet(&t, "cap-changed");
    t.write("kh.toml", "year = 2023\ncap_per_unit = 5\n");
    assert_fires(&t, "cap-changed");
    let d = first_of(&t.json(), "cap-changed");
    assert_eq!(d["path"], "kh.toml");
    assert_eq!(d["severity"], "warning");
}

#[test]
fn duplicate_nominee() {
    use unicode_normalization::UnicodeNormalization;
    let t = Tree::new();
    t.unit("a").unit("b");
    t.write("a/x.toml", PERSON);
    let nfd: String = "ĐINH VĂN  THÀNH".nfd().collect();
    t.write("b/y.toml", &PERSON.replace("Đinh Văn Thành", &nfd));
    let doc = t.json();
    let dups: Vec<_> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"] == "duplicate-nominee")
        .collect();
    assert_eq!(dups.len(), 2, "{doc:#}");
    assert!(
        dups[0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("b/y.toml")
    );
    // A letter names the other unit by its name, never its file.
    assert_letters_plain(&t, &doc, "duplicate-nominee");
    let out = tempfile::tempdir().expect("temp dir");
    kh().args(["export", "letters"])
        .arg(t.root())
        .arg("--out")
        .arg(out.path().join("cv"))
        .assert()
        .success();
    let letter = docx_text(&out.path().join("cv/a.docx"));
    assert!(
        letter.contains("ông Đinh Văn Thành cũng được Đơn vị b đề nghị")
            || letter.contains("Ông Đinh Văn Thành cũng được Đơn vị b đề nghị"),
        "{letter}"
    );
    // Same name, another person.
    t.write("b/y.toml", &PERSON.replace("1978-12-01", "1979-12-01"));
    assert_quiet(&t, "duplicate-nominee");
}

#[test]
fn escalate_to_chairman() {
    let t = Tree::single(&format!("scope = \"toan-tinh\"\n{PERSON}"));
    assert_fires(&t, "escalate-to-chairman");
    let doc = t.json();
    assert_eq!(doc["counts"]["notes"].as_u64().map(|n| n > 0), Some(true));
    quiet(
        &format!("scope = \"co-so\"\n{PERSON}"),
        "escalate-to-chairman",
    );
}

#[test]
fn outside_unit() {
    let t = Tree::single(PERSON);
    assert_quiet(&t, "outside-unit");
    t.write("lac.toml", PERSON);
    assert_fires(&t, "outside-unit");
}

#[test]
fn unit_missing_descriptor() {
    let t = Tree::single(PERSON);
    assert_quiet(&t, "unit-missing-descriptor");
    std::fs::remove_file(t.path("don-vi/unit.toml")).expect("rm");
    assert_fires(&t, "unit-missing-descriptor");
}

#[test]
fn every_problem_of_a_file_in_one_run() {
    let text = edit(PERSON, "gender = \"nam\"", "gender = \"x\"");
    let text = edit(&text, "hometown =", "hometwon =");
    let text = edit(&text, "5512/QĐ-BYT", "5512");
    let codes = Tree::single(&text).codes();
    for c in [
        "invalid-value",
        "unknown-field",
        "missing-field",
        "invalid-decision-number",
    ] {
        assert!(codes.iter().any(|x| x == c), "{c} missing from {codes:?}");
    }
}

#[test]
fn implausible_text() {
    for name in ["Đinh  Văn Thành", "0912345678", &"Nguyễn ".repeat(60)] {
        let t = Tree::single(&edit(PERSON, "Đinh Văn Thành", name));
        assert_fires(&t, "implausible-text");
    }
    let long = "Phẫu thuật. ".repeat(2000);
    let t = Tree::single(&edit(
        PERSON,
        "Phẫu thuật nội soi 320 ca, giảm chuyển tuyến 35%",
        &long,
    ));
    assert_fires(&t, "implausible-text");
    // Near misses: a name with a digit in it, one space, a long but real text.
    for name in ["Đinh Văn Thành 2", "Tổ 3", "Lê Thị Hồng Nhung"] {
        let t = Tree::single(&edit(PERSON, "Đinh Văn Thành", name));
        assert_quiet(&t, "implausible-text");
    }
}

#[test]
fn value_read_as() {
    // SPEC §3.2: unambiguous values are read, with a note.
    for (from, to) in [
        ("birth_date = 1978-12-01", "birth_date = \"1978-12-01\""),
        ("birth_date = 1978-12-01", "birth_date = \"01.12.1978\""),
        ("birth_date = 1978-12-01", "birth_date = \"01-12-1978\""),
        ("year = 2021", "year = \"2021\""),
    ] {
        let text = edit(PERSON, from, to);
        fires(&text, "value-read-as");
        quiet(&text, "invalid-date");
        quiet(&text, "invalid-value");
    }
    let cchc = edit(COLLECTIVE, "\"nong-thon-moi\"", "\"cai-cach-hanh-chinh\"");
    let facts = format!(
        "{cchc}\n[facts]\nlate_dossiers = \"0\"\npar_scored = \"có\"\npar_index = \"92,5\"\npar_index_prev = 90\ninitiative_level = \"cấp tỉnh\"\n"
    );
    let t = Tree::single(&facts);
    let doc = validate_json(t.root(), &["--verbose"]);
    let read = codes(&doc).iter().filter(|c| *c == "value-read-as").count();
    assert_eq!(read, 4, "{doc:#}");
    assert!(
        !codes(&doc)
            .iter()
            .any(|c| c == "invalid-value" || c == "missing-fact"),
        "{doc:#}"
    );
    // Ambiguous stays an error, and a wrong value is never also "missing".
    let wrong = facts.replace("\"cấp tỉnh\"", "\"cấp bộ\"");
    fires(&wrong, "invalid-value");
    assert_quiet(&Tree::single(&wrong), "missing-fact");
    quiet(PERSON, "value-read-as");
}

#[test]
fn birth_year_only() {
    let t = edit(
        HOUSEHOLD,
        "birth_date = 1959-01-30",
        "birth_date = \"1958\"",
    );
    fires(&t, "birth-year-only");
    quiet(&t, "invalid-date");
    // Age rules use it: born 2020 is too young at the round's end.
    fires(
        &edit(
            HOUSEHOLD,
            "birth_date = 1959-01-30",
            "birth_date = \"2020\"",
        ),
        "implausible-age",
    );
    quiet(HOUSEHOLD, "birth-year-only");
    // A day that does not exist says so.
    let t = Tree::single(&edit(
        PERSON,
        "birth_date = 1978-12-01",
        "birth_date = \"31/02/1978\"",
    ));
    let doc = t.json();
    let d = first_of(&doc, "invalid-date");
    assert!(d["message"].as_str().is_some(), "{doc:#}");
    let out = kh().arg("validate").arg(t.root()).output().expect("run");
    assert!(String::from_utf8_lossy(&out.stdout).contains("không có trên lịch"));
}

#[test]
fn no_nominations() {
    let t = Tree::new();
    t.unit("u").write("u/ghi-chu.txt", "sau");
    assert_fires(&t, "no-nominations");
    kh().arg("validate").arg(t.root()).assert().code(1);
    kh().arg("validate")
        .arg(t.root())
        .arg("--allow-empty")
        .assert()
        .code(0);
    quiet(PERSON, "no-nominations");
}

#[test]
fn misnamed_file() {
    for name in ["x.toml.txt", "x.TOML", "x.toml ", "x.tml"] {
        let t = Tree::single(PERSON);
        t.write(&format!("don-vi/{name}"), COLLECTIVE);
        assert_fires(&t, "misnamed-file");
        // Not read, not counted.
        assert_eq!(t.json()["counts"]["nominations"], 1, "{name}");
        let s = summary_json([t.root().to_str().unwrap_or("")]);
        assert_eq!(s["misnamed"].as_array().map(Vec::len), Some(1), "{name}");
    }
    let t = Tree::single(PERSON);
    t.write("don-vi/scan.pdf", "%PDF");
    assert_quiet(&t, "misnamed-file");
}

#[test]
fn duplicate_nominee_without_diacritics() {
    // "Nguyen Van Hung" and "Nguyễn Văn Hùng", same birth date, in two units:
    // may be one person (SPEC §6).
    let named = |name: &str| edit(PERSON, "Đinh Văn Thành", name);
    let t = Tree::new();
    t.unit("a").write("a/x.toml", &named("Nguyen Van Hung"));
    t.unit("b").write("b/y.toml", &named("Nguyễn Văn Hùng"));
    let doc = t.json();
    let d = first_of(&doc, "duplicate-nominee");
    assert!(
        d["message"].as_str().unwrap_or("").contains("có thể trùng"),
        "{doc:#}"
    );
    assert_letters_plain(&t, &doc, "duplicate-nominee");
    // Two names with diacritics that differ are two people.
    let t = Tree::new();
    t.unit("a").write("a/x.toml", &named("Nguyễn Văn Hưng"));
    t.unit("b").write("b/y.toml", &named("Nguyễn Văn Hùng"));
    assert_quiet(&t, "duplicate-nominee");
    // A different birth date: two people.
    let t = Tree::new();
    t.unit("a").write("a/x.toml", &named("Nguyen Van Hung"));
    t.unit("b").write(
        "b/y.toml",
        &edit(&named("Nguyễn Văn Hùng"), "1978-12-01", "1979-12-01"),
    );
    assert_quiet(&t, "duplicate-nominee");
}

#[test]
fn suspicious_decision_number() {
    fires(
        &edit(PERSON, "\"5512/QĐ-BYT\"", "\"5512/QD-BYT\""),
        "suspicious-decision-number",
    );
    quiet(PERSON, "suspicious-decision-number");
}

#[test]
fn import_unread() {
    // A field kh import found the label of but could not read (SPEC §15.1).
    let unread = format!(
        "# Nhập từ: hop-thu/so-y-te/bc.docx\n{PERSON}\n[import]\nunread = [\"nominee.hometown\"]\n"
    );
    fires(&unread, "import-unread");
    // An entry that names no field is a wrong value, not a finding of kh's.
    let wrong = format!("{PERSON}\n[import]\nunread = [\"nominee.hometwn\"]\n");
    // kh's own table: said to Sở Nội vụ, never in a letter to the unit.
    assert!(
        Tree::single(&wrong)
            .codes()
            .contains(&"invalid-value".to_string())
    );
    assert_quiet(&Tree::single(&wrong), "import-unread");
    // A resent report's `replaces` alone, or no [import]: quiet.
    quiet(
        &format!("{PERSON}\n[import]\nreplaces = \"nguyen-van-an.toml\"\n"),
        "import-unread",
    );
    quiet(PERSON, "import-unread");
}
