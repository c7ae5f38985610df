//! `kh import` (SPEC §15) over a corpus of reports and lists typed the ways
//! units type them (`tests/all/corpus`): every field read, the unit, kind and
//! campaign found as a person would, bad input refused source by source.

use crate::common;
use crate::corpus;

use std::path::{Path, PathBuf};

use crate::common::{Tree, kh};
use serde_json::Value;

/// A round with the units the corpus comes from (none has sent anything).
pub(crate) fn round() -> Tree {
    let t = Tree::new();
    t.write("so-tu-phap/unit.toml", "name = \"Sở Tư pháp\"\n");
    t.write("so-y-te/unit.toml", "name = \"Sở Y tế\"\n");
    t.write(
        "hoi-nong-dan/unit.toml",
        "name = \"Hội Nông dân tỉnh Hà Nam\"\n",
    );
    t.write(
        "phong-gd-thanh-liem/unit.toml",
        "name = \"Phòng Giáo dục và Đào tạo\"\nparent = \"UBND huyện Thanh Liêm\"\n",
    );
    t.write("ubnd-ly-nhan/unit.toml", "name = \"UBND huyện Lý Nhân\"\n");
    for (slug, name) in corpus::UNITS {
        t.write(
            &format!("{slug}/unit.toml"),
            &format!("name = \"{name}\"\n"),
        );
    }
    t
}

pub(crate) fn import(args: &[&Path], into: &Path, extra: &[&str]) -> (Value, i32) {
    let out = kh()
        .arg("import")
        .args(args)
        .arg("--into")
        .arg(into)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("runs");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (doc, out.status.code().unwrap_or(-1))
}

pub(crate) fn table(path: &Path) -> toml::Table {
    let text = std::fs::read_to_string(path).expect("written");
    text.parse()
        .unwrap_or_else(|e| panic!("{}: {e}\n{text}", path.display()))
}

pub(crate) fn s<'a>(t: &'a toml::Table, key: &str) -> &'a str {
    let mut v: Option<&toml::Value> = None;
    for (i, part) in key.split('.').enumerate() {
        v = if i == 0 {
            t.get(part)
        } else {
            v.and_then(|v| v.get(part))
        };
    }
    v.and_then(|v| v.as_str()).unwrap_or("")
}

pub(crate) fn texts(t: &toml::Table) -> Vec<String> {
    t.get("achievements")
        .and_then(|a| a.as_array())
        .into_iter()
        .flatten()
        .filter_map(|a| a.get("text").and_then(|x| x.as_str()).map(String::from))
        .collect()
}

/// (year, title, decision, date) of each award.
pub(crate) fn awards(t: &toml::Table) -> Vec<(i64, String, String, String)> {
    t.get("awards")
        .and_then(|a| a.as_array())
        .into_iter()
        .flatten()
        .map(|a| {
            (
                a.get("year").and_then(|y| y.as_integer()).unwrap_or(0),
                a.get("title")
                    .and_then(|x| x.as_str())
                    .unwrap_or("")
                    .to_string(),
                a.get("decision")
                    .and_then(|x| x.as_str())
                    .unwrap_or("")
                    .to_string(),
                a.get("date").map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect()
}

pub(crate) fn imported<'a>(doc: &'a Value, source_ends: &str) -> &'a Value {
    doc["imported"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| {
            i["source"]
                .as_str()
                .is_some_and(|s| s.ends_with(source_ends))
        })
        .unwrap_or_else(|| panic!("{source_ends} not imported: {doc:#}"))
}

fn check_doctor(root: &Path, item: &Value) {
    assert_eq!(item["unit"], "so-y-te", "the header's lowest line: SỞ Y TẾ");
    assert_eq!(item["kind"], "ca-nhan");
    assert_eq!(item["campaign"], "y-te-hai-long");
    let t = table(&root.join(item["path"].as_str().unwrap_or("")));
    assert_eq!(
        s(&t, "nominee.full_name"),
        "Đinh Văn Thành",
        "runs split by editing"
    );
    assert_eq!(
        s(&t, "nominee.birth_date"),
        "12/04/1968",
        "ngày 12 tháng 4 năm 1968"
    );
    assert_eq!(s(&t, "nominee.gender"), "Nam");
    assert_eq!(
        s(&t, "nominee.hometown"),
        "xã Nhân Thịnh, huyện Lý Nhân, tỉnh Hà Nam"
    );
    assert_eq!(s(&t, "nominee.position"), "Phó Giám đốc");
    assert_eq!(s(&t, "nominee.workplace"), "Bệnh viện Đa khoa tỉnh Hà Nam");
    assert_eq!(
        texts(&t),
        [
            "Trong những năm qua, bản thân luôn hoàn thành xuất sắc nhiệm vụ, cụ thể:",
            "Thực hiện hơn 1.200 ca phẫu thuật, không để xảy ra sai sót chuyên môn.",
            "Chủ trì sáng kiến “Đặt lịch khám qua tổng đài”,\ngiảm thời gian chờ khám còn 25 phút.",
        ]
    );
    assert_eq!(
        awards(&t),
        [
            (
                2021,
                "Chiến sĩ thi đua cơ sở".into(),
                "1234/QĐ-UBND".into(),
                "2021-12-20".into()
            ),
            (
                2022,
                "Bằng khen của Bộ Y tế".into(),
                "5678/QĐ-BYT".into(),
                "2022-11-15".into()
            ),
        ],
        "the awards table, the signature table after it left out"
    );
}

#[test]
fn a_round_of_typed_reports_and_a_list_reads_every_field() {
    let inbox = tempfile::tempdir().expect("tmp");
    corpus::write_all(inbox.path());
    let r = round();
    let (doc, code) = import(&[inbox.path()], r.root(), &[]);
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(doc["refused"], serde_json::json!([]), "{doc:#}");

    check_doctor(r.root(), imported(&doc, "bc-bs-thanh.docx"));

    let c = imported(&doc, "bao-cao-chi-hoi-dong-van.docx");
    assert_eq!(c["unit"], "hoi-nong-dan", "by the folder it came in");
    assert_eq!(c["kind"], "tap-the");
    assert_eq!(c["campaign"], "dan-van-kheo");
    assert_eq!(c["missing"], serde_json::json!([]));
    let t = table(&r.path(c["path"].as_str().unwrap_or("")));
    assert_eq!(s(&t, "nominee.name"), "Chi hội Nông dân thôn Đồng Văn");
    assert_eq!(s(&t, "nominee.founded"), "Thành lập năm 1995");
    assert_eq!(
        s(&t, "nominee.structure"),
        "Ban chấp hành 5 người; 124 hội viên"
    );
    assert_eq!(
        s(&t, "nominee.duties"),
        "Tập hợp, vận động nông dân phát triển sản xuất"
    );
    assert_eq!(texts(&t).len(), 2);
    assert_eq!(
        awards(&t),
        [
            (
                2021,
                "Giấy khen của Hội Nông dân tỉnh".into(),
                "45/QĐ-HND".into(),
                "2021-12-10".into()
            ),
            (
                2022,
                "Bằng khen của Chủ tịch UBND tỉnh".into(),
                "2890/QĐ-UBND".into(),
                "2022-12-28".into()
            ),
        ]
    );

    let h = imported(&doc, "bc ho ong Binh.docx");
    assert_eq!(h["unit"], "ubnd-ly-nhan", "ỦY BAN NHÂN DÂN / HUYỆN LÝ NHÂN");
    assert_eq!(
        h["kind"], "ho-gia-dinh",
        "the shared title, decided by 'chủ hộ'"
    );
    assert_eq!(h["campaign"], "nong-thon-moi", "a campaign typed in NFD");
    let t = table(&r.path(h["path"].as_str().unwrap_or("")));
    assert_eq!(
        s(&t, "nominee.full_name"),
        "Trần Văn Bình",
        "NFC in the file"
    );
    assert_eq!(
        s(&t, "nominee.birth_date"),
        "1958",
        "a year alone stays text"
    );
    assert_eq!(
        s(&t, "nominee.residence"),
        "thôn 3, xã Nhân Thịnh, huyện Lý Nhân",
        "the combined line is a household's residence"
    );
    assert_eq!(s(&t, "nominee.workplace"), "");
    assert!(awards(&t).is_empty(), "“Chưa có”");

    let m = imported(&doc, "bc-co-mai.docx");
    assert_eq!(m["unit"], "phong-gd-thanh-liem", "parent and name");
    assert_eq!(m["campaign"], "linh-vuc-khac");
    let t = table(&r.path(m["path"].as_str().unwrap_or("")));
    assert_eq!(s(&t, "movement"), "Ngày thứ bảy xanh");
    assert_eq!(s(&t, "nominee.birth_date"), "03/05/1985");
    assert_eq!(s(&t, "nominee.workplace"), "Giáo viên Trường THCS Thanh Hà");
    assert_eq!(
        awards(&t),
        [(
            2022,
            "Giấy khen của Chủ tịch UBND huyện".into(),
            "77/QĐ-UBND".into(),
            "2022-06-01".into()
        )]
    );

    // The list: four rows under their section rows, the total row skipped.
    let rows: Vec<&Value> = doc["imported"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|i| i["sheet"] == "DS")
        .collect();
    let seen: Vec<(i64, &str, &str)> = rows
        .iter()
        .map(|i| {
            (
                i["row"].as_i64().unwrap_or(0),
                i["kind"].as_str().unwrap_or(""),
                i["campaign"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (6, "tap-the", "dan-van-kheo"),
            (8, "ca-nhan", "nong-dan-san-xuat-gioi"),
            (9, "ca-nhan", "nong-dan-san-xuat-gioi"),
            (11, "ho-gia-dinh", "nong-thon-moi"),
        ]
    );
    let cuong = table(&r.path(rows[1]["path"].as_str().unwrap_or("")));
    assert_eq!(s(&cuong, "nominee.full_name"), "Phạm Văn Cường");
    assert_eq!(
        s(&cuong, "nominee.birth_date"),
        "14/02/1975",
        "an Excel date cell"
    );
    assert_eq!(
        s(&cuong, "nominee.workplace"),
        "Chủ tịch Hội Nông dân xã Tiên Nội"
    );
    assert_eq!(
        s(&cuong, "proposed_award"),
        "Bằng khen của Chủ tịch UBND tỉnh"
    );
    assert_eq!(texts(&cuong), ["Doanh thu 1,2 tỷ đồng/năm"]);
    let hoa = table(&r.path(rows[2]["path"].as_str().unwrap_or("")));
    assert_eq!(s(&hoa, "nominee.birth_date"), "07/08/1980", "a typed date");
    let dung = table(&r.path(rows[3]["path"].as_str().unwrap_or("")));
    assert_eq!(s(&dung, "nominee.residence"), "thôn 2, xã Tiên Nội");
    assert!(rows.iter().all(|i| i["unit"] == "hoi-nong-dan"));

    // The second list: its own words and order, the kind in a column.
    let own: Vec<&Value> = doc["imported"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|i| i["sheet"] == "Sheet1")
        .collect();
    assert_eq!(own.len(), 2, "the note under the table is no row: {doc:#}");
    assert_eq!(own[0]["row"], 7);
    assert_eq!(own[0]["unit"], "so-tu-phap");
    assert_eq!(own[0]["kind"], "ca-nhan");
    assert_eq!(own[0]["campaign"], "cai-cach-hanh-chinh", "mục 3.5");
    let hung = table(&r.path(own[0]["path"].as_str().unwrap_or("")));
    assert_eq!(s(&hung, "nominee.full_name"), "Nguyễn Văn Hùng");
    assert_eq!(s(&hung, "nominee.birth_date"), "1980");
    assert_eq!(s(&hung, "nominee.gender"), "Nam");
    assert_eq!(s(&hung, "nominee.position"), "Trưởng phòng");
    assert_eq!(s(&hung, "nominee.workplace"), "Sở Tư pháp");
    assert_eq!(s(&hung, "nominee.hometown"), "xã Kim Bình, huyện Kim Bảng");
    assert_eq!(
        s(&hung, "proposed_award"),
        "Bằng khen của Chủ tịch UBND tỉnh"
    );
    assert_eq!(
        texts(&hung),
        ["Rút ngắn 30% thời gian giải quyết hồ sơ lý lịch tư pháp"]
    );
    assert_eq!(own[1]["kind"], "tap-the", "“tap the” without diacritics");
    assert_eq!(
        own[1]["campaign"], "cai-cach-hanh-chinh",
        "a few of its words"
    );
    let phong = table(&r.path(own[1]["path"].as_str().unwrap_or("")));
    assert_eq!(s(&phong, "nominee.name"), "Phòng Hành chính tư pháp");
    assert_eq!(s(&phong, "proposed_award"), "Giấy khen");

    // Provenance at the top of each file.
    let text =
        std::fs::read_to_string(r.path(rows[0]["path"].as_str().unwrap_or(""))).expect("written");
    assert!(text.starts_with("# Nhập từ: "), "{text}");
    assert!(text.contains("\n# Trang tính: DS, dòng 6\n"), "{text}");
}

#[test]
fn a_reimport_of_unchanged_sources_writes_nothing_and_a_changed_one_names_what_it_may_replace() {
    let inbox = tempfile::tempdir().expect("tmp");
    corpus::write_all(inbox.path());
    let r = round();
    let (first, _) = import(&[inbox.path()], r.root(), &[]);
    let written = first["imported"].as_array().map_or(0, Vec::len);
    assert_eq!(written, 26);
    let before = files(r.root());
    let (again, code) = import(&[inbox.path()], r.root(), &[]);
    assert_eq!(code, 0);
    assert_eq!(again["imported"], serde_json::json!([]), "{again:#}");
    assert_eq!(again["unchanged"].as_array().map_or(0, Vec::len), 26);
    assert_eq!(files(r.root()), before, "nothing written");

    // The doctor's report mended: a new file, naming the old one.
    let doc = corpus::doctor()
        .p("**IV. KIẾN NGHỊ**")
        .p("Đề nghị tặng Bằng khen.");
    doc.write(&inbox.path().join("bc-bs-thanh.docx"));
    let (third, _) = import(&[inbox.path()], r.root(), &[]);
    let item = imported(&third, "bc-bs-thanh.docx");
    assert_eq!(
        item["path"], "so-y-te/dinh-van-thanh-2.toml",
        "never overwritten"
    );
    assert_eq!(item["replaces"], "so-y-te/dinh-van-thanh.toml");
    assert_eq!(third["unchanged"].as_array().map_or(0, Vec::len), 25);
}

/// Every file below `root` with its bytes.
fn files(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().to_path_buf(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn dry_run_says_the_same_and_writes_nothing() {
    let inbox = tempfile::tempdir().expect("tmp");
    corpus::write_all(inbox.path());
    let r = round();
    let before = files(r.root());
    let (doc, code) = import(&[inbox.path()], r.root(), &["--dry-run"]);
    assert_eq!(code, 0);
    assert_eq!(doc["imported"].as_array().map_or(0, Vec::len), 26);
    assert_eq!(files(r.root()), before);
}

#[test]
fn bad_input_is_refused_source_by_source_and_never_changed() {
    let inbox = tempfile::tempdir().expect("tmp");
    let dir = inbox.path();
    corpus::doctor().write(&dir.join("tot.docx"));
    std::fs::write(dir.join("khong-phai-zip.docx"), "Đây là văn bản thường").expect("w");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(vec![0u8; 504]);
    std::fs::write(dir.join("cu.docx"), &ole).expect("w");
    let mut enc = ole.clone();
    enc.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    std::fs::write(dir.join("mat-khau.docx"), &enc).expect("w");
    std::fs::write(dir.join("cu.doc"), &ole).expect("w");
    // A bomb: a part of 8 MiB of one byte, which deflates 1000-fold.
    let big = vec![b' '; 8 * 1024 * 1024];
    std::fs::write(
        dir.join("bom.docx"),
        corpus::package(&[("word/document.xml", &big)]),
    )
    .expect("w");
    let laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>";
    std::fs::write(
        dir.join("dtd.docx"),
        corpus::package(&[("word/document.xml", laughs.as_bytes())]),
    )
    .expect("w");
    let broken = corpus::doctor().xml().replace("</w:body>", "");
    std::fs::write(
        dir.join("hong.docx"),
        corpus::package(&[("word/document.xml", broken.as_bytes())]),
    )
    .expect("w");
    let whole = corpus::doctor().bytes();
    std::fs::write(dir.join("cut.docx"), &whole[..whole.len() / 2]).expect("w");
    corpus::letter().write(&dir.join("cong-van.docx"));
    std::fs::write(dir.join("scan.pdf"), "%PDF-1.4").expect("w");
    std::fs::write(dir.join("~$tot.docx"), "lock").expect("w");

    let before = files(dir);
    let r = round();
    let (doc, code) = import(&[dir], r.root(), &[]);
    assert_eq!(code, 1, "a refused source fails the run: {doc:#}");
    assert_eq!(files(dir), before, "sources are never changed");
    assert_eq!(doc["imported"].as_array().map_or(0, Vec::len), 1);
    imported(&doc, "tot.docx");
    let reason = |name: &str| -> String {
        doc["refused"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|x| x["source"].as_str().is_some_and(|s| s.ends_with(name)))
            .and_then(|x| x["reason"].as_str())
            .unwrap_or_else(|| panic!("{name} not refused: {doc:#}"))
            .to_string()
    };
    assert!(reason("khong-phai-zip.docx").contains("không phải tệp .docx/.xlsx hợp lệ"));
    assert!(reason("/cu.docx").contains("lưu lại dưới dạng .docx"));
    assert!(reason("cu.doc").contains("lưu lại dưới dạng .docx"));
    assert!(reason("mat-khau.docx").contains("mật khẩu"));
    assert!(
        reason("bom.docx").contains("100 lần"),
        "{}",
        reason("bom.docx")
    );
    assert!(reason("dtd.docx").contains("DTD"));
    assert!(reason("hong.docx").contains("hỏng"));
    assert!(
        reason("cut.docx").contains("không phải tệp .docx/.xlsx hợp lệ")
            || reason("cut.docx").contains("hỏng")
    );
    assert!(reason("cong-van.docx").contains("không nhận ra mẫu báo cáo"));
    let skipped: Vec<&str> = doc["skipped"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x["source"].as_str())
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    // Only the good report was written.
    assert!(r.path("so-y-te/dinh-van-thanh.toml").is_file());
}

#[test]
fn a_report_whose_unit_cannot_be_told_is_refused_with_what_was_read() {
    let inbox = tempfile::tempdir().expect("tmp");
    corpus::doctor().write(&inbox.path().join("bc.docx"));
    let t = Tree::new();
    t.write("so-tu-phap/unit.toml", "name = \"Sở Tư pháp\"\n");
    let (doc, code) = import(&[inbox.path()], t.root(), &[]);
    assert_eq!(code, 1);
    let reason = doc["refused"][0]["reason"].as_str().unwrap_or("");
    assert!(reason.contains("không xác định được đơn vị"), "{reason}");
    assert!(reason.contains("SỞ Y TẾ"), "{reason}");
    assert!(reason.contains("--unit"), "{reason}");
    // --unit settles it, a new unit's folder made with the name given.
    let (doc, code) = import(&[inbox.path()], t.root(), &["--unit", "Sở Y tế"]);
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(doc["imported"][0]["path"], "so-y-te/dinh-van-thanh.toml");
    let unit = std::fs::read_to_string(t.path("so-y-te/unit.toml")).expect("unit.toml");
    assert_eq!(unit, "name = \"Sở Y tế\"\n");
}

/// The doctor's report as a careful clerk would type it in TOML.
const CLERKS_DOCTOR: &str = r#"campaign = "y-te-hai-long"
kind = "ca-nhan"

[nominee]
full_name = "Đinh Văn Thành"
birth_date = 1968-04-12
gender = "nam"
hometown = "xã Nhân Thịnh, huyện Lý Nhân, tỉnh Hà Nam"
position = "Phó Giám đốc"
workplace = "Bệnh viện Đa khoa tỉnh Hà Nam"

[[achievements]]
text = "Trong những năm qua, bản thân luôn hoàn thành xuất sắc nhiệm vụ, cụ thể:"

[[achievements]]
text = "Thực hiện hơn 1.200 ca phẫu thuật, không để xảy ra sai sót chuyên môn."

[[achievements]]
text = """
Chủ trì sáng kiến “Đặt lịch khám qua tổng đài”,
giảm thời gian chờ khám còn 25 phút."""

[[awards]]
year = 2021
title = "Chiến sĩ thi đua cơ sở"
decision = "1234/QĐ-UBND"
date = 2021-12-20

[[awards]]
year = 2022
title = "Bằng khen của Bộ Y tế"
decision = "5678/QĐ-BYT"
date = 2022-11-15
"#;

#[test]
fn imported_files_validate_as_a_careful_clerks_would() {
    let inbox = tempfile::tempdir().expect("tmp");
    corpus::doctor().write(&inbox.path().join("so-y-te/bc.docx"));
    let r = round();
    let (_, code) = import(&[inbox.path()], r.root(), &[]);
    assert_eq!(code, 0);
    let clerk = round();
    clerk.write("so-y-te/dinh-van-thanh.toml", CLERKS_DOCTOR);
    let seen = |t: &Tree| -> Vec<(String, String)> {
        let doc = common::validate_json(&t.path("so-y-te"), &[]);
        let mut v: Vec<(String, String)> = doc["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap_or("").to_string(),
                    d["message"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let clerks = seen(&clerk);
    assert!(
        clerks.iter().any(|(r, _)| r == "missing-fact"),
        "what the report cannot hold is asked for: {clerks:?}"
    );
    assert_eq!(seen(&r), clerks);
}

#[test]
fn libreoffice_resaved_reports_read_the_same() {
    let Some(soffice) = common::soffice() else {
        return;
    };
    let work = tempfile::tempdir().expect("tmp");
    let src = work.path().join("src");
    std::fs::create_dir_all(&src).expect("mkdir");
    corpus::doctor().write(&src.join("bao-cao.docx"));
    let out = work.path().join("so-y-te");
    std::fs::create_dir_all(&out).expect("mkdir");
    let resaved = common::convert(&soffice, &src.join("bao-cao.docx"), &out, "docx");
    let r = round();
    let (doc, code) = import(&[resaved.as_path()], r.root(), &[]);
    assert_eq!(code, 0, "{doc:#}");
    check_doctor(r.root(), imported(&doc, "bao-cao.docx"));

    // Saved as a legacy .doc by LibreOffice: refused with the advice.
    let legacy = common::convert(&soffice, &src.join("bao-cao.docx"), work.path(), "doc");
    let (doc, code) = import(&[legacy.as_path()], r.root(), &[]);
    assert_eq!(code, 1);
    assert!(
        doc["refused"][0]["reason"]
            .as_str()
            .is_some_and(|s| s.contains(".docx")),
        "{doc:#}"
    );
}

#[test]
fn a_usage_error_exits_2() {
    let r = round();
    kh().args(["import", "x.docx", "--into"])
        .arg(r.path("khong-co"))
        .assert()
        .code(2);
    kh().args(["import", "x.docx", "--kind", "zzz", "--into"])
        .arg(r.root())
        .assert()
        .code(2);
}

/// The text of a nomination file below the provenance lines import adds.
fn body(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("written");
    text.split_inclusive('\n')
        .skip_while(|l| l.starts_with("# Nhập từ: ") || l.starts_with("# SHA-256: "))
        .collect()
}

/// A package with one part replaced, as an editor saving it would leave it.
fn with_part(docx: &Path, name: &str, edit: impl Fn(String) -> String) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(docx).expect("docx");
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zout = zip::ZipWriter::new(&mut out);
        for i in 0..zin.len() {
            let mut f = zin.by_index(i).expect("entry");
            let mut body = Vec::new();
            f.read_to_end(&mut body).expect("read");
            let entry = f.name().expect("entry name").into_owned();
            if entry == name {
                body = edit(String::from_utf8(body).expect("utf-8")).into_bytes();
            }
            zout.start_file(entry, zip::write::SimpleFileOptions::default())
                .expect("start");
            zout.write_all(&body).expect("write");
        }
        zout.finish().expect("finish");
    }
    std::fs::write(docx, out.into_inner()).expect("write back");
}

/// Every example nomination, exported as a form, opened and saved by
/// LibreOffice (which drops the content controls' tags), imported into an
/// empty round: every file comes back byte for byte.
#[test]
fn kh_forms_come_back_whole_through_libreoffice() {
    let Some(soffice) = common::soffice() else {
        return;
    };
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/submissions");
    let work = tempfile::tempdir().expect("tmp");
    let forms = work.path().join("forms");
    kh().args(["export", "forms"])
        .arg(&examples)
        .arg("--out")
        .arg(&forms)
        .assert()
        .success();
    let resaved = work.path().join("resaved");
    let mut count = 0;
    for e in walkdir::WalkDir::new(&forms).sort_by_file_name() {
        let e = e.expect("walk");
        if e.path().extension().is_some_and(|x| x == "docx") {
            let rel = e.path().strip_prefix(&forms).expect("below");
            let dir = resaved.join(rel.parent().expect("unit folder"));
            std::fs::create_dir_all(&dir).expect("mkdir");
            common::convert(&soffice, e.path(), &dir, "docx");
            count += 1;
        }
    }
    assert!(count >= 20, "{count}");
    let r = Tree::new();
    let (doc, code) = import(&[resaved.as_path()], r.root(), &[]);
    assert_eq!(code, 0, "{doc:#}");
    let items = doc["imported"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), count);
    for i in &items {
        let rel = i["path"].as_str().unwrap_or("");
        let original = std::fs::read_to_string(examples.join(rel)).expect("original");
        assert_eq!(body(&r.path(rel)), original, "{rel}");
    }
    // The unit's folder made with its name.
    let unit = std::fs::read_to_string(r.path("so-y-te/unit.toml")).expect("unit.toml");
    assert_eq!(unit, "name = \"Sở Y tế\"\n");

    // An edit made in Word: the name retyped in a run split from the rest,
    // an achievement reworded. The page wins; the rest is kept.
    let docx = resaved.join("so-y-te/dinh-van-thanh.docx");
    with_part(&docx, "word/document.xml", |xml| {
        let xml = xml.replacen(
            "<w:t>Đinh Văn Thành</w:t>",
            "<w:t>Đinh Văn </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Thạnh</w:t>",
            1,
        );
        xml.replacen("320 ca phẫu thuật", "325 ca phẫu thuật", 1)
    });
    let r2 = Tree::new();
    let (doc, code) = import(&[docx.as_path()], r2.root(), &["--unit", "so-y-te"]);
    assert_eq!(code, 0, "{doc:#}");
    let rel = doc["imported"][0]["path"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert_eq!(rel, "so-y-te/dinh-van-thanh.toml");
    let back: toml::Table = body(&r2.path(&rel)).parse().expect("TOML");
    let original: toml::Table = std::fs::read_to_string(examples.join(&rel))
        .expect("original")
        .parse()
        .expect("TOML");
    assert_eq!(s(&back, "nominee.full_name"), "Đinh Văn Thạnh");
    let first = |t: &toml::Table| t["achievements"][0].clone();
    assert!(
        first(&back)["text"]
            .as_str()
            .is_some_and(|x| x.contains("325 ca phẫu thuật")),
        "{back:#?}"
    );
    assert_eq!(
        first(&back).get("criteria"),
        first(&original).get("criteria"),
        "the criteria stay with the edited achievement"
    );
    let mut expected = original.clone();
    expected["nominee"]["full_name"] = back["nominee"]["full_name"].clone();
    expected["achievements"][0]["text"] = back["achievements"][0]["text"].clone();
    assert_eq!(back, expected, "nothing else changed");
}

/// A list made from `kh export xlsx` reads back what its "Danh sách" sheet
/// holds: name, unit, kind, campaign, scope, proposed award.
#[test]
fn kh_workbook_list_reads_back_what_it_holds() {
    use calamine::{Reader, Xlsx};
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/submissions");
    let work = tempfile::tempdir().expect("tmp");
    let book = work.path().join("tong-hop.xlsx");
    kh().args(["export", "xlsx"])
        .arg(&examples)
        .arg("--out")
        .arg(&book)
        .assert()
        .success();
    let mut x: Xlsx<_> = calamine::open_workbook(&book).expect("workbook");
    let range = x.worksheet_range("Danh sách").expect("sheet");
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    // The sheet's title rows above, its header row, then one row a nomination.
    let at = rows
        .iter()
        .position(|r| r.iter().any(|c| c == "Tên"))
        .expect("header row");
    let rows = &rows[at..];
    let head = &rows[0];
    let col = |name: &str| head.iter().position(|h| h == name).expect(name);
    let r = Tree::new();
    let (doc, code) = import(&[book.as_path()], r.root(), &[]);
    assert_eq!(code, 0, "{doc:#}");
    let items = doc["imported"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), rows.len() - 1, "one file per row");
    for (item, row) in items.iter().zip(&rows[1..]) {
        let t = table(&r.path(item["path"].as_str().unwrap_or("")));
        let name = if s(&t, "kind") == "tap-the" {
            s(&t, "nominee.name")
        } else {
            s(&t, "nominee.full_name")
        };
        assert_eq!(name, row[col("Tên")]);
        assert_eq!(item["unit"], row[col("Mã đơn vị")]);
        let unit = std::fs::read_to_string(r.path(&format!("{}/unit.toml", row[col("Mã đơn vị")])))
            .expect("unit.toml");
        assert!(unit.contains(&row[col("Đơn vị")]), "{unit}");
        assert_eq!(s(&t, "campaign"), row[col("Phong trào")]);
        let kind_label = match s(&t, "kind") {
            "tap-the" => "Tập thể",
            "ca-nhan" => "Cá nhân",
            _ => "Hộ gia đình",
        };
        assert_eq!(kind_label.to_lowercase(), row[col("Loại")].to_lowercase());
        let scope_label = if s(&t, "scope") == "toan-tinh" {
            "Toàn tỉnh"
        } else {
            "Cơ sở"
        };
        assert_eq!(
            scope_label.to_lowercase(),
            row[col("Phạm vi")].to_lowercase()
        );
        assert_eq!(s(&t, "proposed_award"), row[col("Hình thức đề nghị")]);
    }
}

/// The value of the content control tagged `tag`, typed over its dots.
fn fill(xml: &str, tag: &str, value: &str) -> String {
    let at = xml
        .find(&format!("w:tag w:val=\"{tag}\""))
        .unwrap_or_else(|| panic!("no control {tag}"));
    let dots = "…………………………";
    let rel = xml[at..].find(dots).expect("the control's dots");
    let mut out = xml.to_string();
    out.replace_range(at + rel..at + rel + dots.len(), value);
    out
}

/// `kh export forms --blank`: a unit fills it in Word (here: the controls'
/// text typed over, then saved by LibreOffice) and it comes back as a
/// nomination of the form's campaign and kind, for the form's unit.
#[test]
fn a_blank_form_filled_in_comes_back_as_a_nomination() {
    let work = tempfile::tempdir().expect("tmp");
    let blank = work.path().join("mau-trong.docx");
    kh().current_dir(work.path())
        .args([
            "export",
            "forms",
            "--blank",
            "--campaign",
            "3.10",
            "--kind",
            "ca-nhan",
        ])
        .args(["--unit", "Sở Y tế", "--out"])
        .arg(&blank)
        .assert()
        .success();
    with_part(&blank, "word/document.xml", |xml| {
        let xml = fill(&xml, "nominee.full_name", "Lê Văn Hải");
        let xml = fill(&xml, "nominee.birth_date", "02/09/1979");
        let xml = fill(&xml, "nominee.hometown", "xã Liêm Cần, huyện Thanh Liêm");
        let xml = fill(&xml, "nominee.workplace", "Bệnh viện Đa khoa tỉnh Hà Nam");
        // The achievements' dots, typed over.
        let sec = xml.find("2. Thành tích").expect("section 2");
        let dots = "…………………………";
        let at = sec + xml[sec..].find(dots).expect("dots");
        let mut xml = xml;
        xml.replace_range(at..at + dots.len(), "Khám cho 12.000 lượt người bệnh.");
        xml
    });
    let sent = match common::soffice() {
        Some(soffice) => {
            let dir = work.path().join("resaved");
            std::fs::create_dir_all(&dir).expect("mkdir");
            common::convert(&soffice, &blank, &dir, "docx")
        }
        None => blank.clone(),
    };
    let r = Tree::new();
    let (doc, code) = import(&[sent.as_path()], r.root(), &[]);
    assert_eq!(code, 0, "{doc:#}");
    let item = &doc["imported"][0];
    assert_eq!(item["path"], "so-y-te/le-van-hai.toml");
    assert_eq!(item["campaign"], "y-te-hai-long");
    assert_eq!(item["kind"], "ca-nhan");
    let t = table(&r.path("so-y-te/le-van-hai.toml"));
    assert_eq!(s(&t, "nominee.full_name"), "Lê Văn Hải");
    assert_eq!(s(&t, "nominee.birth_date"), "02/09/1979");
    assert_eq!(s(&t, "nominee.hometown"), "xã Liêm Cần, huyện Thanh Liêm");
    assert_eq!(s(&t, "nominee.workplace"), "Bệnh viện Đa khoa tỉnh Hà Nam");
    assert_eq!(texts(&t), ["Khám cho 12.000 lượt người bệnh."]);
    assert!(
        t["facts"].get("rating").is_some(),
        "the campaign's facts, to fill in"
    );
    let text = std::fs::read_to_string(r.path("so-y-te/le-van-hai.toml")).expect("file");
    assert!(
        text.contains("# Họ và tên (bắt buộc)"),
        "the template's comments kept: {text}"
    );
    assert_eq!(
        std::fs::read_to_string(r.path("so-y-te/unit.toml")).expect("unit"),
        "name = \"Sở Y tế\"\n"
    );
}
