//! Nothing lost, nothing written outside (issue #19): publish never writes
//! at `/` or over the round, never deletes a user's file; the review
//! register is read back whatever its size; an approval whose fingerprint
//! cannot be checked never holds; FIFOs never hang a command; links are
//! refused where kh would write through them; output grows linearly.

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use crate::common::*;
use serde_json::Value;

fn run(args: &[&std::ffi::OsStr]) -> Output {
    kh().args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run")
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "exit {:?}\n{}\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Every file below `dir`, relative, '/'-separated.
fn files_below(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default()
        })
        .collect();
    v.sort();
    v
}

fn round() -> Tree {
    let t = Tree::new();
    t.unit("so-y-te").write("so-y-te/bac-si.toml", PERSON);
    t.unit("ubnd-xa").write("ubnd-xa/ubnd.toml", COLLECTIVE);
    t
}

#[test]
fn publish_never_writes_outside_out_for_an_empty_slug() {
    let t = round();
    for unit in ["___", "中文", "---"] {
        std::fs::create_dir_all(t.path(unit)).expect("mkdir");
        std::fs::write(
            t.path(&format!("{unit}/zz.toml")),
            PERSON.replace("Đinh Văn Thành", unit),
        )
        .expect("write");
        std::fs::write(
            t.path(&format!("{unit}/中.toml")),
            COLLECTIVE.replace("Nhân Thịnh", unit),
        )
        .expect("write");
    }
    let out = tempfile::tempdir().expect("tmp");
    let site = out.path().join("site");
    let o = run(&[
        os("publish"),
        t.root().as_os_str(),
        os("--out"),
        site.as_os_str(),
        os("--all"),
    ]);
    ok(&o);
    assert!(
        !Path::new("/zz.html").exists(),
        "a page at the file system's root"
    );
    // Every page is inside the site, and the index links none from `/`.
    let written = files_below(out.path());
    assert!(
        written.iter().all(|p| p.starts_with("site/")),
        "{written:?}"
    );
    assert!(
        written.iter().any(|p| p.starts_with("site/don-vi")),
        "{written:?}"
    );
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    assert!(!index.contains("href=\"/"), "{index}");
    assert_eq!(
        written.iter().filter(|p| p.ends_with(".html")).count(),
        1 + 2 + 6
    );
}

#[test]
fn publish_never_deletes_the_round_it_reads() {
    let d = tempfile::tempdir().expect("tmp");
    let t = round();
    let r = d.path().join("round");
    copy_dir(t.root(), &r);
    std::fs::write(d.path().join("thesis.docx"), "luận văn").expect("write");
    std::fs::write(d.path().join(".kh-publish"), "kh publish\n").expect("marker");
    let o = run(&[
        os("publish"),
        r.as_os_str(),
        os("--out"),
        d.path().as_os_str(),
        os("--all"),
    ]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(r.join("so-y-te/bac-si.toml").is_file(), "the round is gone");
    assert!(d.path().join("thesis.docx").is_file());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("chứa thư mục của đợt"), "{err}");
}

#[test]
fn publish_into_the_current_folder_and_reruns_keep_a_users_files() {
    let t = round();
    let out = tempfile::tempdir().expect("tmp");
    // `--out .` in an empty folder.
    let o = kh()
        .current_dir(out.path())
        .arg("publish")
        .arg(t.root())
        .args(["--out", ".", "--all"])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run");
    ok(&o);
    assert!(out.path().join("index.html").is_file());
    // A user adds files; a rerun with `--out .` keeps and names them.
    std::fs::write(out.path().join("my-notes.txt"), "ghi chú").expect("write");
    std::fs::create_dir(out.path().join("photos")).expect("mkdir");
    std::fs::write(out.path().join("photos/a.jpg"), "jpg").expect("write");
    let o = kh()
        .current_dir(out.path())
        .arg("publish")
        .arg(t.root())
        .args(["--out", ".", "--all"])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run");
    ok(&o);
    assert!(out.path().join("my-notes.txt").is_file());
    assert!(out.path().join("photos/a.jpg").is_file());
    assert!(out.path().join("index.html").is_file());
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains("my-notes.txt") && said.contains("photos/a.jpg"),
        "{said}"
    );
    // The marker lists what kh wrote, and only that.
    let marker = std::fs::read_to_string(out.path().join(".kh-publish")).expect("marker");
    assert!(marker.starts_with("kh publish\n"));
    assert!(marker.lines().any(|l| l == "index.html"));
    assert!(!marker.contains("my-notes"));
}

#[test]
fn an_old_marker_without_a_list_removes_only_kh_shaped_files() {
    let t = round();
    let out = tempfile::tempdir().expect("tmp");
    let site = out.path().join("site");
    std::fs::create_dir_all(site.join("cu")).expect("mkdir");
    std::fs::write(site.join(".kh-publish"), "kh publish\n").expect("marker");
    std::fs::write(site.join("cu/trang-cu.html"), "old page").expect("write");
    std::fs::write(site.join("cu/Ghi Chu.html"), "a user's").expect("write");
    std::fs::write(site.join("notes.txt"), "a user's").expect("write");
    let o = run(&[
        os("publish"),
        t.root().as_os_str(),
        os("--out"),
        site.as_os_str(),
        os("--all"),
    ]);
    ok(&o);
    assert!(!site.join("cu/trang-cu.html").exists());
    assert!(site.join("cu/Ghi Chu.html").exists());
    assert!(site.join("notes.txt").exists());
}

#[test]
fn the_review_register_is_read_back_whatever_kh_wrote() {
    let t = round();
    let o = run(&[
        os("review"),
        os("set"),
        t.path("so-y-te/bac-si.toml").as_os_str(),
        os("--status"),
        os("dat"),
        os("--date"),
        os("05/10/2023"),
    ]);
    ok(&o);
    // 25 MB of register, as a 100,002-nomination round writes.
    let mut text = std::fs::read_to_string(t.path("review.toml")).expect("register");
    let pad = format!("# {}\n", "ghi chú của Sở Nội vụ ".repeat(20));
    while text.len() < 25 * 1024 * 1024 {
        text.push_str(&pad);
    }
    std::fs::write(t.path("review.toml"), &text).expect("write");
    let doc = t.json();
    assert!(
        !codes(&doc).iter().any(|c| c == "file-too-large"),
        "{:?}",
        codes(&doc)
    );
    let list = run(&[
        os("review"),
        os("list"),
        t.root().as_os_str(),
        os("--format"),
        os("json"),
    ]);
    ok(&list);
    let rows: Value = serde_json::from_slice(&list.stdout).expect("json");
    let row = rows
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["path"] == "so-y-te/bac-si.toml")
        .cloned()
        .unwrap_or_default();
    assert_eq!(row["status"], "dat", "{rows:#}");
    // review set writes it again, and kh reads what it wrote.
    let o = run(&[
        os("review"),
        os("set"),
        t.path("ubnd-xa/ubnd.toml").as_os_str(),
        os("--status"),
        os("dat"),
    ]);
    ok(&o);
    assert!(
        std::fs::metadata(t.path("review.toml"))
            .expect("meta")
            .len()
            > 25 * 1024 * 1024
    );
    assert!(!t.codes().iter().any(|c| c == "file-too-large"));
}

#[test]
fn an_approval_whose_fingerprint_cannot_be_checked_is_stale() {
    for sha in ["\"zz\"", "12", "\"\""] {
        let t = round();
        t.write(
            "review.toml",
            &format!(
                "[[review]]\npath = \"so-y-te/bac-si.toml\"\nstatus = \"dat\"\ndate = 2023-10-05\nsha256 = {sha}\n"
            ),
        );
        let list = run(&[
            os("review"),
            os("list"),
            t.root().as_os_str(),
            os("--format"),
            os("json"),
        ]);
        ok(&list);
        let rows: Value = serde_json::from_slice(&list.stdout).expect("json");
        let row = &rows[0];
        assert_eq!(row["status"], "cho-xet", "{sha}: {rows:#}");
        assert_eq!(row["stale"], true, "{sha}");
        let out = tempfile::tempdir().expect("tmp");
        let site = out.path().join("site");
        ok(&run(&[
            os("publish"),
            t.root().as_os_str(),
            os("--out"),
            site.as_os_str(),
        ]));
        assert_eq!(
            files_below(&site)
                .iter()
                .filter(|p| p.ends_with(".html"))
                .count(),
            1,
            "{sha}: only the index"
        );
        let codes = t.codes();
        assert!(
            codes.iter().any(|c| c == "review-stale"),
            "{sha}: {codes:?}"
        );
    }
}

#[test]
fn a_change_of_line_endings_alone_keeps_an_approval() {
    let t = round();
    ok(&run(&[
        os("review"),
        os("set"),
        t.path("so-y-te/bac-si.toml").as_os_str(),
        os("--status"),
        os("dat"),
    ]));
    let crlf = format!("\u{feff}{}", PERSON.replace('\n', "\r\n"));
    t.write("so-y-te/bac-si.toml", &crlf);
    assert!(!t.codes().iter().any(|c| c == "review-stale"));
    t.write("so-y-te/bac-si.toml", &PERSON.replace("320 ca", "321 ca"));
    assert!(t.codes().iter().any(|c| c == "review-stale"));
    // A register of raw-bytes digests (written before) still matches.
    let t2 = round();
    let raw = sha256_hex(&crlf);
    t2.write("so-y-te/bac-si.toml", &crlf);
    t2.write(
        "review.toml",
        &format!(
            "[[review]]\npath = \"so-y-te/bac-si.toml\"\nstatus = \"dat\"\nsha256 = \"{raw}\"\n"
        ),
    );
    assert!(!t2.codes().iter().any(|c| c == "review-stale"));
}

/// SHA-256 by the system's own tool, an independent known answer.
fn sha256_hex(text: &str) -> String {
    let f = tempfile::NamedTempFile::new().expect("tmp");
    std::fs::write(f.path(), text).expect("write");
    let o = std::process::Command::new("sha256sum")
        .arg(f.path())
        .output()
        .expect("sha256sum");
    String::from_utf8_lossy(&o.stdout)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string()
}

#[test]
fn the_fingerprint_is_sha256_of_the_normalised_text() {
    // Known answers: SHA-256 of "" and of "abc" (FIPS 180-2).
    assert_eq!(
        kh::fingerprint(b""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        kh::fingerprint(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        kh::fingerprint(b"\xEF\xBB\xBFa\r\nb\rc\n"),
        kh::fingerprint(b"a\nb\nc\n")
    );
}

#[test]
fn out_through_a_missing_folder_is_resolved_before_the_check() {
    let base = tempfile::tempdir().expect("tmp");
    let r = base.path().join("round");
    copy_dir(round().root(), &r);
    let detour = base.path().join("nonexist/../round/out");
    for cmd in [
        &["export", "forms"][..],
        &["export", "letters"],
        &["export", "list"],
        &["export", "xlsx"],
        &["publish"],
    ] {
        let mut args: Vec<&std::ffi::OsStr> = cmd.iter().map(|s| os(s)).collect();
        args.extend([r.as_os_str(), os("--out"), detour.as_os_str(), os("--all")]);
        if cmd[1..]
            .first()
            .is_some_and(|c| *c == "forms" || *c == "letters" || *c == "xlsx")
        {
            args.pop();
        }
        let o = run(&args);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{cmd:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            !base.path().join("nonexist").exists(),
            "{cmd:?} created the detour"
        );
        assert!(!r.join("out").exists(), "{cmd:?} wrote into the round");
    }
    // A unit folder stands for its round: --out the round's root is inside.
    for with_descriptor in [true, false] {
        let q = base.path().join(format!("q{with_descriptor}"));
        copy_dir(round().root(), &q);
        if !with_descriptor {
            std::fs::remove_file(q.join("so-y-te/unit.toml")).expect("rm");
            std::fs::remove_file(q.join("kh.toml")).expect("rm");
        }
        let o = run(&[
            os("export"),
            os("forms"),
            q.join("so-y-te").as_os_str(),
            os("--out"),
            q.as_os_str(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[cfg(unix)]
#[test]
fn review_set_refuses_what_is_not_a_nomination_of_a_round() {
    use std::os::unix::fs::symlink;
    let set = |f: &Path| {
        run(&[
            os("review"),
            os("set"),
            f.as_os_str(),
            os("--status"),
            os("cho-xet"),
        ])
    };
    // No kh.toml or unit.toml above.
    let loose = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(loose.path().join("a/b")).expect("mkdir");
    std::fs::write(loose.path().join("a/b/x.toml"), PERSON).expect("write");
    assert_eq!(set(&loose.path().join("a/b/x.toml")).status.code(), Some(2));
    assert!(
        files_below(loose.path()) == ["a/b/x.toml"],
        "{:?}",
        files_below(loose.path())
    );
    // Through a linked unit folder, a linked file, under .git/.
    let t = round();
    let elsewhere = tempfile::tempdir().expect("tmp");
    std::fs::write(elsewhere.path().join("x.toml"), PERSON).expect("write");
    symlink(elsewhere.path(), t.path("lien-ket")).expect("symlink");
    symlink(
        elsewhere.path().join("x.toml"),
        t.path("so-y-te/lien-ket.toml"),
    )
    .expect("symlink");
    std::fs::create_dir_all(t.path("so-y-te/.git")).expect("mkdir");
    t.write("so-y-te/.git/x.toml", PERSON);
    for f in [
        "lien-ket/x.toml",
        "so-y-te/lien-ket.toml",
        "so-y-te/.git/x.toml",
    ] {
        let o = set(&t.path(f));
        assert_eq!(
            o.status.code(),
            Some(2),
            "{f}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    assert!(!elsewhere.path().join("review.toml").exists());
    assert!(!t.path("review.toml").exists());
    // A linked review.toml.lock is not followed; a linked review.toml is refused.
    let victim = elsewhere.path().join("victim");
    symlink(&victim, t.path("review.toml.lock")).expect("symlink");
    assert_eq!(set(&t.path("so-y-te/bac-si.toml")).status.code(), Some(2));
    assert!(!victim.exists(), "the link's target was created");
    std::fs::remove_file(t.path("review.toml.lock")).expect("rm");
    std::fs::write(elsewhere.path().join("r.toml"), "").expect("write");
    symlink(elsewhere.path().join("r.toml"), t.path("review.toml")).expect("symlink");
    assert_eq!(set(&t.path("so-y-te/bac-si.toml")).status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(elsewhere.path().join("r.toml")).unwrap_or_default(),
        ""
    );
    // nominate new into a linked unit folder.
    let n = round();
    symlink(elsewhere.path(), n.path("don-vi-lien-ket")).expect("symlink");
    let o = nominate_doctor("Lê Văn A")
        .args(["--unit", "don-vi-lien-ket", "--root"])
        .arg(n.root())
        .timeout(Duration::from_secs(30))
        .output()
        .expect("run");
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!elsewhere.path().join("le-van-a.toml").exists());
}

#[cfg(unix)]
fn mkfifo(p: &Path) {
    let s = std::process::Command::new("mkfifo")
        .arg(p)
        .status()
        .expect("mkfifo");
    assert!(s.success());
}

#[cfg(unix)]
#[test]
fn fifos_never_hang_a_command() {
    // review.toml and its lock as FIFOs.
    for name in ["review.toml", "review.toml.lock"] {
        let t = round();
        mkfifo(&t.path(name));
        let o = run(&[
            os("review"),
            os("set"),
            t.path("so-y-te/bac-si.toml").as_os_str(),
            os("--status"),
            os("cho-xet"),
        ]);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // A FIFO named like a nomination, under every command that reads.
    let t = round();
    mkfifo(&t.path("so-y-te/ong.toml"));
    let out = tempfile::tempdir().expect("tmp");
    for args in [
        vec![os("validate"), t.root().as_os_str()],
        vec![os("summary"), t.root().as_os_str()],
        vec![os("review"), os("list"), t.root().as_os_str()],
        vec![
            os("export"),
            os("letters"),
            t.root().as_os_str(),
            os("--out"),
            out.path().as_os_str(),
        ],
        vec![
            os("export"),
            os("forms"),
            t.root().as_os_str(),
            os("--out"),
            out.path().as_os_str(),
            os("--force"),
        ],
        vec![
            os("publish"),
            t.root().as_os_str(),
            os("--out"),
            out.path().join("site").as_os_str(),
            os("--all"),
        ],
    ] {
        let o = run(&args);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // nominate new --root D where D/kh.toml is a FIFO.
    let d = tempfile::tempdir().expect("tmp");
    mkfifo(&d.path().join("kh.toml"));
    let o = nominate_doctor("Lê Văn A")
        .args(["--unit", "so-y-te", "--unit-name", "Sở Y tế", "--root"])
        .arg(d.path())
        .timeout(Duration::from_secs(30))
        .output()
        .expect("run");
    assert!(o.status.code().is_some(), "killed by the timeout");
}

/// `kh validate --format json` of one unit holding `n` copies of a person.
fn copies(n: usize) -> (Value, usize) {
    let t = Tree::new();
    t.unit("u");
    for i in 0..n {
        t.write(&format!("u/f{i:04}.toml"), PERSON);
    }
    let o = run(&[
        os("validate"),
        t.root().as_os_str(),
        os("--format"),
        os("json"),
    ]);
    let doc: Value = serde_json::from_slice(&o.stdout).expect("json");
    (doc, o.stdout.len())
}

#[test]
fn duplicate_output_grows_linearly() {
    let (doc, big) = copies(1000);
    let dups: Vec<&Value> = doc["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"] == "duplicate-nominee")
        .collect();
    assert_eq!(dups.len(), 1000);
    let first = dups[0]["message"].as_str().unwrap_or("");
    assert!(first.contains("và 994 tệp khác"), "{first}");
    assert_eq!(first.matches(".toml").count(), 5, "{first}");
    // Twice the copies, about twice the output (naming every other file
    // made it four times: 21 MB at 1,000 copies).
    let (_, small) = copies(500);
    assert!(
        (big as f64) / (small as f64) < 2.3,
        "{small} -> {big} bytes"
    );
}

#[test]
fn a_huge_name_is_flagged_and_the_workbook_still_written() {
    let t = round();
    let huge = "Nguyễn".repeat(7500);
    t.write("so-y-te/dai.toml", &PERSON.replace("Đinh Văn Thành", &huge));
    assert!(t.codes().iter().any(|c| c == "implausible-text"));
    let out = tempfile::tempdir().expect("tmp");
    let x = out.path().join("x.xlsx");
    ok(&run(&[
        os("export"),
        os("xlsx"),
        t.root().as_os_str(),
        os("--out"),
        x.as_os_str(),
    ]));
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(&x).expect("open");
    let sheet = book.worksheet_range("Danh sách").expect("sheet");
    let cut = sheet
        .rows()
        .flat_map(|r| r.iter())
        .map(|c| c.to_string())
        .find(|s| s.starts_with("NguyễnNguyễn"))
        .unwrap_or_default();
    assert!(cut.ends_with("[đã cắt bớt]"), "{}", cut.len());
    assert!(cut.encode_utf16().count() <= 32_767);
}

#[test]
fn control_characters_never_reach_a_page_or_an_annotation() {
    let t = Tree::new();
    let name = "Lê\u{0}Văn\u{1b}[2J\u{7}An\u{7f}\u{85}\u{202e}";
    t.unit("u").write(
        "u/a\u{1b}\u{202e}b.toml",
        &PERSON.replace("Đinh Văn Thành", name),
    );
    let out = tempfile::tempdir().expect("tmp");
    let site = out.path().join("site");
    ok(&run(&[
        os("publish"),
        t.root().as_os_str(),
        os("--out"),
        site.as_os_str(),
        os("--all"),
    ]));
    for f in files_below(&site) {
        let text = std::fs::read_to_string(site.join(&f)).unwrap_or_default();
        assert!(
            !text
                .chars()
                .any(|c| (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
                    || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{f}"
        );
    }
    let o = run(&[
        os("validate"),
        t.root().as_os_str(),
        os("--format"),
        os("github"),
    ]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn a_name_that_is_not_utf8_is_named_and_still_exported() {
    use std::os::unix::ffi::OsStrExt;
    let t = round();
    let name = std::ffi::OsStr::from_bytes(b"so-y-te/b\xe9\nx.toml");
    std::fs::write(
        t.root().join(name),
        PERSON.replace("Đinh Văn Thành", "Lê Văn Bé"),
    )
    .expect("write");
    assert!(t.codes().iter().any(|c| c == "non-utf8-name"));
    let out = tempfile::tempdir().expect("tmp");
    let site = out.path().join("site");
    ok(&run(&[
        os("publish"),
        t.root().as_os_str(),
        os("--out"),
        site.as_os_str(),
        os("--all"),
    ]));
    let pages: Vec<String> = files_below(&site);
    let page = pages
        .iter()
        .map(|p| std::fs::read_to_string(site.join(p)).unwrap_or_default())
        .find(|text| {
            text.contains("Lê Văn Bé") && !text.contains("mục lục")
                || text.contains("<h1>Lê Văn Bé")
        });
    assert!(page.is_some(), "no page holds the nominee: {pages:?}");
    let forms = out.path().join("forms");
    let o = run(&[
        os("export"),
        os("forms"),
        t.root().as_os_str(),
        os("--out"),
        forms.as_os_str(),
    ]);
    ok(&o);
    assert!(!String::from_utf8_lossy(&o.stderr).contains('\n') || o.stderr.is_empty());
    assert_eq!(files_below(&forms).len(), 3, "{:?}", files_below(&forms));
}

#[test]
fn review_set_reads_an_inline_register_and_sweeps_its_own_leftovers() {
    let t = round();
    t.write(
        "review.toml",
        "review = [{path = \"ubnd-xa/ubnd.toml\", status = \"cho-xet\"}]\n",
    );
    t.write(".review.toml.tmpABC123", "half a regis");
    t.write(".tmpXYZ", "someone else's");
    ok(&run(&[
        os("review"),
        os("set"),
        t.path("so-y-te/bac-si.toml").as_os_str(),
        os("--status"),
        os("dat"),
    ]));
    let text = std::fs::read_to_string(t.path("review.toml")).expect("register");
    assert!(
        text.contains("ubnd-xa/ubnd.toml") && text.contains("so-y-te/bac-si.toml"),
        "{text}"
    );
    assert!(!t.path(".review.toml.tmpABC123").exists());
    assert!(t.path(".tmpXYZ").exists(), "not kh's to remove");
    // Temporary files are never counted.
    assert_eq!(t.json()["counts"]["nominations"], 2);
}

#[test]
fn gen_round_says_how_to_use_it() {
    let o = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "gen-round", "--", "--help"])
        .output()
        .expect("cargo");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("--units"));
}

fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = e.path().strip_prefix(from).expect("below");
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
}

#[test]
fn csv_cells_from_files_never_run_as_formulas() {
    let t = Tree::new();
    t.write(
        "u/unit.toml",
        "name = \"=HYPERLINK(\\\"http://x\\\",\\\"bấm\\\")\"\n",
    );
    t.write("u/a.toml", &PERSON.replace("Đinh Văn Thành", "@SUM(1+1)"));
    let out = run(&[
        os("summary"),
        t.root().as_os_str(),
        os("--format"),
        os("csv"),
        os("--table"),
        os("units"),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(!text.contains(",=") && !text.contains("\n="), "{text}");
    let out = run(&[
        os("summary"),
        t.root().as_os_str(),
        os("--format"),
        os("csv"),
        os("--table"),
        os("nominations"),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("'@SUM(1+1)"), "{text}");
    let out = run(&[
        os("review"),
        os("list"),
        t.root().as_os_str(),
        os("--format"),
        os("csv"),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("'@SUM(1+1)") && text.contains("'=HYPERLINK"),
        "{text}"
    );
    // Excel's own section formula stays a formula kh made.
    let out = run(&[
        os("summary"),
        t.root().as_os_str(),
        os("--format"),
        os("csv"),
        os("--excel"),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\"=\"\"3.10\"\"\""), "{text}");
}
