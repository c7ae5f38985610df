//! Hostile inboxes (issue #37): what a workbook or a report can declare or
//! hide must not abort kh, inflate past its limits or be read half; the
//! rest of the inbox is imported all the same.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::*;
use crate::corpus;
use serde_json::Value;

const SHEET_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const STRINGS_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";

/// A zip of these parts, each deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, body) in parts {
            z.start_file(*name, opts).expect("zip entry");
            z.write_all(body).expect("zip write");
        }
        z.finish().expect("zip finish");
    }
    buf.into_inner()
}

/// A workbook of one sheet "DS" at `target` (as the workbook's rels name
/// it), with shared strings, and `extra` parts.
fn workbook(sheet: &str, strings: &str, target: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let wb = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{SHEET_REL}" Target="{target}"/><Relationship Id="rId2" Type="{STRINGS_REL}" Target="sharedStrings.xml"/></Relationships>"#
    );
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("xl/workbook.xml", wb.as_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
        ("xl/sharedStrings.xml", strings.as_bytes()),
    ];
    let sheet_name = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{target}"),
    };
    parts.push((&sheet_name, sheet.as_bytes()));
    parts.extend_from_slice(extra);
    zip_of(&parts)
}

/// A list's header and two people, and `more` cells after them.
fn sheet(more: &str) -> String {
    format!(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><t>Trạm Y tế xã An Lão</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Lê Thị Hoa</t></is></c><c r="B3" t="inlineStr"><is><t>Trung tâm Y tế Bình Lục</t></is></c></row>{more}</sheetData></worksheet>"#
    )
}

const STRINGS: &str = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="18446744073709551615" uniqueCount="18446744073709551615"><si><t>Họ và tên</t></si><si><t>Đơn vị công tác</t></si><si><t>Nguyễn Văn An</t></si></sst>"#;

/// `kh import INBOX --into ROUND`, nothing else said.
fn import_cmd(inbox: &Path, round: &Path) -> assert_cmd::Command {
    let mut cmd = kh();
    cmd.arg("import").arg(inbox).arg("--into").arg(round);
    cmd
}

fn import(inbox: &Path, round: &Path, extra: &[&str]) -> (Value, i32, Duration) {
    let start = Instant::now();
    let out = import_cmd(inbox, round)
        .args(["--unit", "so-y-te", "--format", "json"])
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
    (doc, out.status.code().unwrap_or(-1), start.elapsed())
}

fn round() -> Tree {
    let t = Tree::new();
    t.write("kh.toml", "year = 2023\n");
    t.write("so-y-te/unit.toml", "name = \"Sở Y tế\"\n");
    t
}

fn refused<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["refused"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|x| x["source"].as_str().is_some_and(|s| s.ends_with(name)))
        .unwrap_or_else(|| panic!("{name} not refused: {doc:#}"))
}

fn imported_from(doc: &Value, name: &str) -> usize {
    doc["imported"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|x| x["source"].as_str().is_some_and(|s| s.ends_with(name)))
        .count()
}

/// #37.1: a cell at the sheet's last place and a shared-strings count of
/// 2^64 − 1 once aborted kh (a 549 GB grid, a capacity overflow): the list
/// is read for what it holds.
#[test]
fn a_far_cell_and_a_declared_count_size_nothing() {
    let inbox = tempfile::tempdir().expect("tmp");
    let far =
        sheet(r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#);
    std::fs::write(
        inbox.path().join("xa.xlsx"),
        workbook(&far, STRINGS, "worksheets/sheet1.xml", &[]),
    )
    .expect("w");
    let r = round();
    let (doc, code, took) = import(inbox.path(), r.root(), &["--kind", "ca-nhan"]);
    assert_eq!(code, 0, "{doc:#}");
    assert_eq!(imported_from(&doc, "xa.xlsx"), 2, "{doc:#}");
    assert!(took < Duration::from_secs(30), "{took:?}");
    let names: Vec<String> = walkdir::WalkDir::new(r.path("so-y-te"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .collect();
    assert!(
        names.contains(&"nguyen-van-an.toml".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"le-thi-hoa.toml".to_string()), "{names:?}");
}

/// #37.2: the limits hold for the parts kh opens, wherever the workbook
/// puts them and however their names are cased, and for all of a
/// package's parts together; the good list beside is imported.
#[test]
fn limits_hold_for_the_parts_opened_wherever_they_are() {
    let inbox = tempfile::tempdir().expect("tmp");
    let dir = inbox.path();
    // A sheet of 40 MiB of spaces at an absolute target outside xl/.
    let mut bomb = sheet("").into_bytes();
    let at = bomb.len() - "</sheetData></worksheet>".len();
    bomb.splice(at..at, std::iter::repeat_n(b' ', 40 * 1024 * 1024));
    let bomb = String::from_utf8(bomb).expect("utf8");
    std::fs::write(
        dir.join("bom-ngoai.xlsx"),
        workbook(&bomb, STRINGS, "/bomb.xml", &[]),
    )
    .expect("w");
    // The same sheet under a name in other case.
    let wb = workbook(&bomb, STRINGS, "worksheets/sheet1.xml", &[]);
    let renamed = {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(wb)).expect("zip");
        let mut parts = Vec::new();
        for i in 0..z.len() {
            let mut f = z.by_index(i).expect("entry");
            let mut body = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut body).expect("read");
            let name = f
                .name()
                .expect("name")
                .replace("xl/worksheets/sheet1.xml", "XL/worksheets/sheet1.xml");
            parts.push((name, body));
        }
        let parts: Vec<(&str, &[u8])> = parts
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        zip_of(&parts)
    };
    std::fs::write(dir.join("bom-chu-hoa.xlsx"), renamed).expect("w");
    std::fs::write(dir.join("tot.xlsx"), corpus::list()).expect("w");
    let r = round();
    let (doc, code, took) = import(dir, r.root(), &[]);
    assert_eq!(code, 1, "{doc:#}");
    assert!(took < Duration::from_secs(60), "{took:?}");
    for name in ["bom-ngoai.xlsx", "bom-chu-hoa.xlsx"] {
        let x = refused(&doc, name);
        assert_eq!(x["code"], "zip-bomb", "{x:#}");
    }
    assert!(imported_from(&doc, "tot.xlsx") > 0, "{doc:#}");
}

/// #37.10: a report cut mid-body (the zip whole) is refused, not imported
/// from what it holds; `&#0;` is named for what it is, not as a DTD.
#[test]
fn a_cut_body_and_a_null_character_are_refused_as_what_they_are() {
    let inbox = tempfile::tempdir().expect("tmp");
    let dir = inbox.path();
    let xml = corpus::doctor().xml();
    let at = (0..=xml.len() * 2 / 3)
        .rev()
        .find(|i| xml.is_char_boundary(*i))
        .unwrap_or(0);
    let cut = &xml[..at];
    std::fs::write(
        dir.join("cat.docx"),
        corpus::package(&[("word/document.xml", cut.as_bytes())]),
    )
    .expect("w");
    let nul = xml.replacen("<w:t", "<w:t>&#0;</w:t><w:t", 1);
    std::fs::write(
        dir.join("nul.docx"),
        corpus::package(&[("word/document.xml", nul.as_bytes())]),
    )
    .expect("w");
    corpus::doctor().write(&dir.join("tot.docx"));
    let r = round();
    let (doc, code, _) = import(dir, r.root(), &[]);
    assert_eq!(code, 1, "{doc:#}");
    assert_eq!(refused(&doc, "cat.docx")["code"], "malformed-xml");
    let x = refused(&doc, "nul.docx");
    assert_eq!(x["code"], "malformed-xml", "{x:#}");
    assert!(!x["reason"].as_str().unwrap_or("").contains("DTD"), "{x:#}");
    assert_eq!(imported_from(&doc, "tot.docx"), 1, "{doc:#}");
}

/// The sheet reader on damaged workbooks: every seed of the fuzz target cut
/// short and with bytes changed here and there, read without a panic (the
/// fuzz target, `fuzz/fuzz_targets/import_xlsx.rs`, goes further).
#[test]
fn damaged_workbooks_are_refused_or_read_never_a_panic() {
    let seeds = std::fs::read_dir("fuzz/seeds-xlsx").expect("seeds");
    for seed in seeds.flatten() {
        let bytes = std::fs::read(seed.path()).expect("seed");
        for cut in (0..bytes.len()).step_by(97) {
            let _ = kh::read_xlsx(bytes[..cut].to_vec());
        }
        for at in (0..bytes.len()).step_by(13) {
            let mut b = bytes.clone();
            b[at] ^= 0x5a;
            let _ = kh::read_xlsx(b);
        }
    }
    // And each sheet XML of a good list, changed inside a stored package.
    let sheet = sheet("");
    for at in (0..sheet.len()).step_by(7) {
        let mut s = sheet.clone().into_bytes();
        s[at] = b'<';
        let text = String::from_utf8_lossy(&s).into_owned();
        let _ = kh::read_xlsx(workbook(&text, STRINGS, "worksheets/sheet1.xml", &[]));
    }
}

/// `n` reports, each of another person (so each is a source of its own).
fn reports(dir: &Path, n: usize) {
    let xml = corpus::doctor().xml();
    for i in 0..n {
        let named = xml.replace("Thành", &format!("Thành Số {i}"));
        std::fs::write(
            dir.join(format!("bc-{i:03}.docx")),
            corpus::package(&[("word/document.xml", named.as_bytes())]),
        )
        .expect("w");
    }
}

/// The nomination files of a unit folder, and any empty or temporary file
/// anywhere in the round.
fn tomls(root: &Path) -> (Vec<String>, Vec<String>) {
    let mut noms = Vec::new();
    let mut bad = Vec::new();
    for e in walkdir::WalkDir::new(root).into_iter().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !e.file_type().is_file() {
            continue;
        }
        let len = e.metadata().map(|m| m.len()).unwrap_or(0);
        // The round's lock is empty by design.
        if (len == 0 && name != "review.toml.lock") || name.starts_with(".kh-import-") {
            bad.push(e.path().display().to_string());
        }
        if name.ends_with(".toml") && name != "unit.toml" && name != "kh.toml" && e.depth() == 2 {
            noms.push(name);
        }
    }
    noms.sort();
    (noms, bad)
}

/// #37.5: runs killed mid-way leave no empty or half-written file, and the
/// run after them imports each source once (no "-2" beside a leftover).
#[cfg(unix)]
#[test]
fn killed_runs_leave_nothing_half_written() {
    let inbox = tempfile::tempdir().expect("tmp");
    reports(inbox.path(), 120);
    let r = round();
    // An older kh's leftovers: an empty nomination and an empty unit.toml.
    r.write("so-y-te/dinh-van-thanh-so-0.toml", "");
    r.write("so-moi/unit.toml", "");
    for i in 0..8u64 {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kh"))
            .arg("import")
            .arg(inbox.path())
            .arg("--into")
            .arg(r.root())
            .args(["--unit", "so-y-te"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(20 + 35 * i));
        let _ = child.kill();
        let _ = child.wait();
        let (_, bad) = tomls(r.root());
        let bad: Vec<_> = bad
            .iter()
            .filter(|b| !b.ends_with("so-moi/unit.toml"))
            .collect();
        assert!(
            bad.iter()
                .all(|b| b.contains(".kh-import-") || b.ends_with("dinh-van-thanh-so-0.toml")),
            "half-written after a kill: {bad:?}"
        );
    }
    let (doc, code, _) = import(inbox.path(), r.root(), &[]);
    assert_eq!(code, 0, "{doc:#}");
    let (noms, bad) = tomls(r.root());
    assert!(
        bad.iter().all(|b| b.ends_with("so-moi/unit.toml")),
        "{bad:?}"
    );
    assert_eq!(noms.len(), 120, "each source once: {noms:?}");
    assert!(
        noms.contains(&"dinh-van-thanh-so-0.toml".to_string()),
        "{noms:?}"
    );
    // A unit.toml left empty is written whole when the run writes that unit.
    let (_, code, _) = import(inbox.path(), r.root(), &[]);
    assert_eq!(code, 0);
    let t = Tree::new();
    let other = tempfile::tempdir().expect("tmp");
    reports(other.path(), 1);
    t.write("kh.toml", "year = 2023\n");
    t.write("so-moi/unit.toml", "");
    let out = import_cmd(other.path(), t.root())
        .args(["--unit", "so-moi"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let unit = std::fs::read_to_string(t.path("so-moi/unit.toml")).expect("unit");
    assert!(unit.contains("name = "), "{unit:?}");
}

/// #37.6: two imports of one inbox at once: both end well, each source is
/// written once.
#[cfg(unix)]
#[test]
fn two_imports_at_once_write_each_source_once() {
    let inbox = tempfile::tempdir().expect("tmp");
    reports(inbox.path(), 60);
    for _ in 0..3 {
        let r = round();
        let spawn = || {
            std::process::Command::new(env!("CARGO_BIN_EXE_kh"))
                .arg("import")
                .arg(inbox.path())
                .arg("--into")
                .arg(r.root())
                .args(["--unit", "so-y-te"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let (a, b) = (spawn(), spawn());
        for c in [a, b] {
            let out = c.wait_with_output().expect("wait");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let (noms, bad) = tomls(r.root());
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(noms.len(), 60, "{noms:?}");
    }
}

/// #37.7, #37.8: a name of ninety words makes a file name within the
/// system's limit; a source's name that holds line breaks stays inside its
/// comment.
#[test]
fn long_names_and_names_with_line_breaks_are_kept_in_their_place() {
    let inbox = tempfile::tempdir().expect("tmp");
    let dir = inbox.path();
    let long = vec!["Nguyễn"; 90].join(" ");
    let xml = corpus::doctor()
        .xml()
        .replace("Đinh Văn ", &format!("{long} "));
    std::fs::write(
        dir.join("dai.docx"),
        corpus::package(&[("word/document.xml", xml.as_bytes())]),
    )
    .expect("w");
    let evil = "bc\n[facts]\nrating = \"hoan-thanh-xuat-sac\"\n#.docx";
    corpus::doctor().write(&dir.join(evil));
    let r = round();
    let (doc, code, _) = import(dir, r.root(), &[]);
    assert_eq!(code, 0, "{doc:#}");
    let (noms, _) = tomls(r.root());
    assert_eq!(noms.len(), 2, "{noms:?}");
    for n in &noms {
        assert!(n.len() <= 130, "{n}");
        let text = std::fs::read_to_string(r.path(&format!("so-y-te/{n}"))).expect("read");
        let table: toml::Table = text.parse().expect("parses");
        let rating = table
            .get("facts")
            .and_then(|f| f.get("rating"))
            .and_then(|r| r.as_str());
        assert_ne!(
            rating,
            Some("hoan-thanh-xuat-sac"),
            "a value came in through a comment:\n{text}"
        );
        assert!(text.starts_with("# Nhập từ: "), "{text}");
    }
}

/// #37.9: a form kh wrote for one unit, sent in another's folder, is
/// refused with both named; the folder's unit gets nothing of it.
#[test]
fn a_form_of_another_unit_is_refused() {
    let src = Tree::new();
    src.write("kh.toml", "year = 2023\n");
    src.write("so-tai-chinh/unit.toml", "name = \"Sở Tài chính\"\n");
    src.write("so-tai-chinh/dinh-van-thanh.toml", PERSON);
    let forms = tempfile::tempdir().expect("tmp");
    kh().args(["export", "forms"])
        .arg(src.root())
        .arg("--out")
        .arg(forms.path().join("out"))
        .assert()
        .success();
    let inbox = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(inbox.path().join("so-y-te")).expect("dir");
    std::fs::copy(
        forms.path().join("out/so-tai-chinh/dinh-van-thanh.docx"),
        inbox.path().join("so-y-te/dinh-van-thanh.docx"),
    )
    .expect("copy");
    let r = round();
    r.write("so-tai-chinh/unit.toml", "name = \"Sở Tài chính\"\n");
    let out = import_cmd(inbox.path(), r.root())
        .args(["--format", "json"])
        .output()
        .expect("run");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(out.status.code(), Some(1), "{doc:#}");
    let x = refused(&doc, "dinh-van-thanh.docx");
    let reason = x["reason"].as_str().unwrap_or("");
    assert!(
        reason.contains("so-tai-chinh") && reason.contains("so-y-te"),
        "{x:#}"
    );
    let (noms, _) = tomls(r.root());
    assert!(noms.is_empty(), "{noms:?}");
}

/// #37.10: links and FIFOs in an inbox are listed as skipped, with a code;
/// a unit folder of the round that is a link refuses only its sources.
#[cfg(unix)]
#[test]
fn links_and_fifos_are_said_and_a_linked_unit_refuses_only_its_sources() {
    let inbox = tempfile::tempdir().expect("tmp");
    let dir = inbox.path();
    corpus::doctor().write(&dir.join("tot.docx"));
    std::os::unix::fs::symlink(dir.join("tot.docx"), dir.join("lien-ket.docx")).expect("link");
    let fifo =
        std::ffi::CString::new(dir.join("ong.docx").to_string_lossy().as_bytes()).expect("path");
    // SAFETY: mkfifo reads a NUL-terminated path and creates a FIFO there.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let r = round();
    let (doc, code, took) = import(dir, r.root(), &[]);
    assert!(took < Duration::from_secs(30));
    assert_eq!(code, 0, "{doc:#}");
    let skipped: Vec<&Value> = doc["skipped"].as_array().into_iter().flatten().collect();
    for name in ["lien-ket.docx", "ong.docx"] {
        let s = skipped
            .iter()
            .find(|x| x["source"].as_str().is_some_and(|s| s.ends_with(name)))
            .unwrap_or_else(|| panic!("{name} not listed: {doc:#}"));
        assert_eq!(s["code"], "not-regular-file");
    }
    assert_eq!(imported_from(&doc, "tot.docx"), 1);
    // A unit folder that is a link: its sources refused, the rest imported.
    let elsewhere = tempfile::tempdir().expect("tmp");
    let t = round();
    std::os::unix::fs::symlink(elsewhere.path(), t.path("so-noi-vu")).expect("link");
    let two = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(two.path().join("so-noi-vu")).expect("dir");
    std::fs::create_dir_all(two.path().join("so-y-te")).expect("dir");
    corpus::doctor().write(&two.path().join("so-noi-vu/a.docx"));
    corpus::collective().write(&two.path().join("so-y-te/b.docx"));
    let out = import_cmd(two.path(), t.root())
        .args(["--format", "json", "--unit", "so-noi-vu"])
        .output()
        .expect("run");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        refused(&doc, "a.docx")["code"],
        "not-regular-file",
        "{doc:#}"
    );
    assert_eq!(std::fs::read_dir(elsewhere.path()).expect("ls").count(), 0);
}

/// #37.3: a report whose nomination would pass validate's 1 MiB, and a
/// form whose kept part is past 2 MiB, are refused before anything is
/// written or parsed whole; the rest of the inbox is imported.
#[test]
fn amplified_sources_are_refused_before_they_are_written() {
    let inbox = tempfile::tempdir().expect("tmp");
    let dir = inbox.path();
    // Text that does not deflate a hundredfold: a real report's numbers.
    let long: String = (0..40_000u64)
        .map(|i| {
            format!(
                "Ca số {i}: mã {} ngày {}. ",
                i * 7919 % 100_003,
                i * 104_729 % 9_973
            )
        })
        .collect();
    let xml = corpus::doctor().xml().replace(
        "Thực hiện hơn 1.200 ca phẫu thuật, không để xảy ra sai sót chuyên môn.",
        &long,
    );
    assert!(xml.len() > 1_200_000);
    std::fs::write(
        dir.join("dai.docx"),
        corpus::package(&[("word/document.xml", xml.as_bytes())]),
    )
    .expect("w");
    let kept = format!(
        "<kh:nomination xmlns:kh=\"urn:kh:nomination:1\"><kh:toml>{}</kh:toml></kh:nomination>",
        "[[achievements]]\ntext = \"a\"\n".repeat(150_000)
    );
    std::fs::write(
        dir.join("mau-kh.docx"),
        corpus::package(&[
            ("word/document.xml", corpus::doctor().xml().as_bytes()),
            ("customXml/item1.xml", kept.as_bytes()),
        ]),
    )
    .expect("w");
    corpus::doctor().write(&dir.join("tot.docx"));
    let r = round();
    let (doc, code, _) = import(dir, r.root(), &[]);
    assert_eq!(code, 1, "{doc:#}");
    assert_eq!(refused(&doc, "dai.docx")["code"], "too-large", "{doc:#}");
    assert_eq!(refused(&doc, "mau-kh.docx")["code"], "too-large", "{doc:#}");
    assert_eq!(imported_from(&doc, "tot.docx"), 1);
    let (noms, _) = tomls(r.root());
    assert_eq!(noms.len(), 1, "{noms:?}");
}

/// #32.6: "Hộ ông Bùi Văn Chiến" in a list is a household headed by him,
/// never a person of that name; the list then prints "Hộ ông …" once.
#[test]
fn a_household_row_is_named_by_its_head() {
    let inbox = tempfile::tempdir().expect("tmp");
    let only = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Hộ ông Bùi Văn Chiến</t></is></c><c r="B2" t="inlineStr"><is><t>thôn Đồng Văn</t></is></c></row></sheetData></worksheet>"#;
    std::fs::write(
        inbox.path().join("ds.xlsx"),
        workbook(only, STRINGS, "worksheets/sheet1.xml", &[]),
    )
    .expect("w");
    let r = round();
    let (doc, code, _) = import(inbox.path(), r.root(), &["--campaign", "nong-thon-moi"]);
    assert!(code == 0 || code == 1, "{doc:#}");
    let text = std::fs::read_to_string(r.path("so-y-te/bui-van-chien.toml"))
        .unwrap_or_else(|e| panic!("{e}: {doc:#}"));
    let t: toml::Table = text.parse().expect("parses");
    assert_eq!(t["kind"].as_str(), Some("ho-gia-dinh"), "{text}");
    assert_eq!(
        t["nominee"]["full_name"].as_str(),
        Some("Bùi Văn Chiến"),
        "{text}"
    );
    assert_eq!(t["nominee"]["gender"].as_str(), Some("nam"), "{text}");
}
