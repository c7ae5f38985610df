//! Helpers for the integration tests: fixture trees in temporary folders,
//! and runs of the real `kh` binary over them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// A valid individual's nomination (§3.10, rated "xuất sắc").
pub const PERSON: &str = r#"campaign = "y-te-hai-long"
kind = "ca-nhan"

[nominee]
full_name = "Đinh Văn Thành"
birth_date = 1978-12-01
gender = "nam"
hometown = "xã An Lão, huyện Bình Lục"
workplace = "Trung tâm Y tế huyện Bình Lục"

[[achievements]]
text = "Phẫu thuật nội soi 320 ca, giảm chuyển tuyến 35%"
criteria = ["giai-phap-moi"]

[[awards]]
year = 2021
title = "Bằng khen của Bộ trưởng Bộ Y tế"
decision = "5512/QĐ-BYT"
date = 2021-11-30

[facts]
rating = "hoan-thanh-xuat-sac"
"#;

/// A valid collective's nomination (§3.2, which has no rule on facts).
pub const COLLECTIVE: &str = r#"campaign = "nong-thon-moi"
kind = "tap-the"

[nominee]
name = "Ủy ban nhân dân xã Nhân Thịnh"
founded = "Thành lập năm 1946"
structure = "Chủ tịch, 02 Phó Chủ tịch, 11 công chức"
duties = "Quản lý nhà nước trên địa bàn xã"

[[achievements]]
text = "Đạt 19/19 tiêu chí nông thôn mới nâng cao"
"#;

/// A valid household's nomination (§3.13: land given).
pub const HOUSEHOLD: &str = r#"campaign = "giai-phong-mat-bang"
kind = "ho-gia-dinh"

[nominee]
full_name = "Đỗ Văn Bình"
birth_date = 1959-01-30
hometown = "xã Nhân Mỹ, huyện Lý Nhân"
residence = "thôn Văn Xá, xã Nhân Mỹ"

[[achievements]]
text = "Hiến 1.150 m² đất cho dự án đường nối hai cao tốc"

[facts]
land_contributed_m2 = 1150
handover_early = false
"#;

/// `base` with `from` replaced by `to`; fails the test when `from` is not
/// there, so that no fixture silently stays the same.
pub fn edit(base: &str, from: &str, to: &str) -> String {
    assert!(base.contains(from), "fixture has no {from:?}");
    base.replacen(from, to, 1)
}

/// A round in a temporary folder: `kh.toml` for 2023, units added on demand.
pub struct Tree {
    pub dir: tempfile::TempDir,
}

impl Tree {
    pub fn new() -> Tree {
        let t = Tree {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        t.write("kh.toml", "year = 2023\n");
        t
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        self.write_bytes(rel, text.as_bytes())
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Self {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(p, bytes).expect("write");
        self
    }

    /// A unit folder with its `unit.toml`.
    pub fn unit(&self, slug: &str) -> &Self {
        self.write(
            &format!("{slug}/unit.toml"),
            &format!("name = \"Đơn vị {slug}\"\n"),
        )
    }

    /// One nomination in a unit of its own.
    pub fn single(text: &str) -> Tree {
        let t = Tree::new();
        t.unit("don-vi").write("don-vi/de-nghi.toml", text);
        t
    }

    /// `kh validate <root> --format json`.
    pub fn json(&self) -> Value {
        validate_json(self.root(), &[])
    }

    /// The rule codes a validation of the tree reports.
    pub fn codes(&self) -> Vec<String> {
        codes(&self.json())
    }
}

pub fn kh() -> Command {
    let mut cmd = Command::cargo_bin("kh").expect("kh binary");
    // Tables fit COLUMNS off a terminal: every test names its width.
    cmd.env_remove("KH_LANG")
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    cmd
}

/// `kh summary ARGS --format json`, which must succeed.
pub fn summary_json<S: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = S>) -> Value {
    let out = kh()
        .arg("summary")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("run kh");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

pub fn validate_json(path: &Path, extra: &[&str]) -> Value {
    let out = kh()
        .arg("validate")
        .arg(path)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("run kh");
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "exit {code:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

pub fn codes(doc: &Value) -> Vec<String> {
    doc["diagnostics"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|d| d["rule"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// The first diagnostic of a rule in a JSON report (`null` when none).
pub fn first_of(doc: &Value, code: &str) -> Value {
    doc["diagnostics"]
        .as_array()
        .and_then(|a| a.iter().find(|d| d["rule"] == code))
        .cloned()
        .unwrap_or_default()
}

/// Asserts that `code` is among what the tree reports.
pub fn assert_fires(tree: &Tree, code: &str) {
    let doc = tree.json();
    let codes = codes(&doc);
    assert!(
        codes.iter().any(|c| c == code),
        "{code} should fire; got {codes:?}"
    );
    assert_letters_plain(tree, &doc, code);
}

/// Codes a letter to the unit leaves out (SPEC §12): Sở Nội vụ's
/// own filing, its roster and register, notes, and the decisions, which a
/// letter tells with the reviewer's words rather than as findings.
pub const NOT_IN_LETTERS: &[&str] = &[
    "outside-unit",
    "misnamed-file",
    "review-orphan",
    "link-skipped",
    "non-utf8-name",
    "unexpected-unit",
    "split-unit",
    "cap-changed",
    "import-unread",
    "review-stale",
    "review-returned",
    "review-rejected",
];

/// The letters `kh export letters` writes for the tree say every finding
/// of `code` in administrative words: a letter for its unit, and in no
/// letter a field key, a path, a line number, a backtick or an ISO date.
pub fn assert_letters_plain(tree: &Tree, doc: &Value, code: &str) {
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().join("cv");
    kh().args(["export", "letters"])
        .arg(tree.root())
        .arg("--out")
        .arg(&dir)
        .assert()
        .success();
    let letters: Vec<(String, String)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, docx_text(&e.path()))
        })
        .collect();
    let keys = [
        "campaign",
        "proposed_award",
        "full_name",
        "birth_date",
        "hometown",
        "workplace",
        "residence",
        "members",
        "rating",
        "party_member",
        "late_dossiers",
        "par_index",
        "initiative_level",
        "land_contributed_m2",
        "achievements",
        "awards",
        "nominee",
        "facts",
        "criteria",
        "decision",
        "as_of",
    ];
    for (name, text) in &letters {
        for bad in ["`", ".toml", "Dòng ", "dòng ", "TOML", "\"\"\""] {
            assert!(
                !text.contains(bad),
                "{code}: letter {name} says {bad:?}:\n{text}"
            );
        }
        for k in keys {
            let hit = text.match_indices(k).any(|(i, _)| {
                let before = text[..i].chars().next_back();
                let after = text[i + k.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            });
            assert!(!hit, "{code}: letter {name} names the key {k}:\n{text}");
        }
        let b = text.as_bytes();
        let iso = b.windows(10).any(|w| {
            w[..4].iter().all(u8::is_ascii_digit)
                && w[4] == b'-'
                && w[5..7].iter().all(u8::is_ascii_digit)
                && w[7] == b'-'
                && w[8..].iter().all(u8::is_ascii_digit)
        });
        assert!(!iso, "{code}: letter {name} has an ISO date:\n{text}");
    }
    if NOT_IN_LETTERS.contains(&code) {
        return;
    }
    for d in doc["diagnostics"].as_array().into_iter().flatten() {
        let path = d["path"].as_str().unwrap_or("");
        if d["rule"] != code
            || d["severity"] == "note"
            || !path.contains('/') && path.ends_with(".toml")
        {
            continue;
        }
        // kh.toml and review.toml are Sở Nội vụ's own.
        if path == "kh.toml" || path == "review.toml" || path == "." || path.is_empty() {
            continue;
        }
        let unit = path.split('/').next().unwrap_or(path);
        let letter = letters.iter().find(|(n, _)| *n == format!("{unit}.docx"));
        assert!(
            letter.is_some_and(|(_, t)| t.lines().any(|l| l.starts_with("- "))),
            "{code} at {path}: no letter tells {unit}: {:?}",
            letters.iter().map(|(n, _)| n).collect::<Vec<_>>()
        );
    }
}

/// A part of an OOXML package.
pub fn part(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).expect("a zip package");
    let mut part = zip.by_name(name).expect("the part");
    let mut s = String::new();
    std::io::Read::read_to_string(&mut part, &mut s).expect("UTF-8");
    s
}

/// A .docx's text, a line per paragraph (the runs' text only); every part
/// of the package must parse as XML.
pub fn docx_text(path: &Path) -> String {
    let file = std::fs::File::open(path).expect("open");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let mut s = String::new();
        std::io::Read::read_to_string(&mut f, &mut s).expect("utf-8 part");
        let mut r = quick_xml::Reader::from_str(&s);
        loop {
            match r.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{} part {i}: {e}", path.display()),
            }
        }
    }
    // The text of the runs, a line per paragraph.
    let xml = part(path, "word/document.xml");
    let mut out = String::new();
    let mut rest = xml.as_str();
    while let Some(i) = rest.find('<') {
        let tag_end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        let tag = &rest[i..tag_end];
        if tag.starts_with("<w:t>") || tag.starts_with("<w:t ") {
            let close = rest[tag_end..]
                .find("</w:t>")
                .map_or(rest.len(), |e| tag_end + e);
            let text = &rest[tag_end..close];
            out.push_str(
                &text
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&"),
            );
            rest = &rest[close..];
            continue;
        }
        if tag == "</w:p>" {
            out.push('\n');
        }
        rest = &rest[tag_end..];
    }
    out
}

/// Asserts that `code` is not among what the tree reports.
pub fn assert_quiet(tree: &Tree, code: &str) {
    let codes = tree.codes();
    assert!(
        !codes.iter().any(|c| c == code),
        "{code} should not fire; got {codes:?}"
    );
}

/// Every entry under `dir`, links and special files included, never
/// followed: name, size and modification time.
pub fn fingerprint(
    dir: &std::path::Path,
) -> Vec<(std::path::PathBuf, u64, Option<std::time::SystemTime>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        let Ok(m) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        out.push((p.clone(), m.len(), m.modified().ok()));
        if m.is_dir() {
            out.extend(fingerprint(&p));
        }
    }
    out.sort();
    out
}

/// `kh nominate new` with the flags every test gives, into `root`.
pub fn nominate(root: &Path, unit: &str, campaign: &str, kind: &str, name: &str) -> Command {
    let mut cmd = kh();
    cmd.args([
        "nominate",
        "new",
        "--unit",
        unit,
        "--unit-name",
        "Đơn vị",
        "--campaign",
        campaign,
        "--kind",
        kind,
        "--name",
        name,
        "--root",
    ])
    .arg(root);
    cmd
}

/// `kh nominate new` for a doctor of §3.10 named `name`, without a terminal;
/// the caller adds the unit, the root or the folder it runs in.
pub fn nominate_doctor(name: &str) -> Command {
    let mut cmd = kh();
    cmd.args([
        "nominate",
        "new",
        "--campaign",
        "y-te-hai-long",
        "--kind",
        "ca-nhan",
        "--name",
        name,
    ]);
    cmd
}

/// LibreOffice, where it is installed (CI installs it and sets
/// KH_REQUIRE_REAL, where a missing one fails the test instead).
pub fn soffice() -> Option<PathBuf> {
    let found = ["soffice", "libreoffice"].iter().find_map(|name| {
        std::process::Command::new(name)
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|_| PathBuf::from(name))
    });
    // CI installs it and sets KH_REQUIRE_REAL: there, a skip is a failure.
    assert!(
        found.is_some() || std::env::var_os("KH_REQUIRE_REAL").is_none(),
        "LibreOffice (soffice) is required here"
    );
    if found.is_none() {
        eprintln!("LibreOffice is not installed here: skipped (CI installs it)");
    }
    found
}

/// `file` converted by LibreOffice headless into `outdir` as `to` ("pdf",
/// "docx", "doc", "xls"…), with a profile of its own so that tests may run
/// side by side.
pub fn convert(soffice: &Path, file: &Path, outdir: &Path, to: &str) -> PathBuf {
    convert_all(soffice, &[file.to_path_buf()], outdir, to);
    let ext = to.split(':').next().unwrap_or(to);
    let out = outdir
        .join(file.file_stem().unwrap_or_default())
        .with_extension(ext);
    assert!(out.exists(), "{}", out.display());
    out
}

/// `files` converted by one LibreOffice into `outdir` as `to`, with a
/// profile of its own (one process for many files: far quicker).
pub fn convert_all(soffice: &Path, files: &[PathBuf], outdir: &Path, to: &str) {
    let profile = outdir.join("profile");
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(outdir)
        .args(files)
        .output()
        .expect("soffice");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// A pseudo-terminal read as a person sees it: the bytes `kh` writes go
/// through a terminal emulator, and tests read its screen.
#[cfg(unix)]
pub struct Screen {
    session: expectrl::session::OsSession,
    parser: vt100::Parser,
}

#[cfg(unix)]
impl Screen {
    const ROWS: std::num::NonZeroU16 = std::num::NonZeroU16::new(40).unwrap();

    /// A session shown on a terminal `cols` wide.
    pub fn new(
        mut session: expectrl::session::OsSession,
        cols: std::num::NonZeroU16,
    ) -> Result<Screen, Box<dyn std::error::Error>> {
        session
            .get_process_mut()
            .set_window_size(cols.get(), Self::ROWS.get())?;
        Ok(Screen {
            session,
            parser: vt100::Parser::new(Self::ROWS, cols, 0),
        })
    }

    /// Feeds what the program wrote so far to the emulator.
    pub fn pump(&mut self) -> std::io::Result<()> {
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => return Ok(()),
                Ok(n) => self.parser.process(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return Ok(()),
                Err(e) => return Err(e),
            }
        }
    }

    pub fn text(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `needle`, and a little more for the
    /// frame to be drawn whole.
    pub fn wait_for(&mut self, needle: &str) -> Result<String, Box<dyn std::error::Error>> {
        let start = std::time::Instant::now();
        while start.elapsed() < std::time::Duration::from_secs(20) {
            self.pump()?;
            if self.text().contains(needle) {
                std::thread::sleep(std::time::Duration::from_millis(300));
                self.pump()?;
                return Ok(self.text());
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Err(format!("the screen never showed {needle:?}:\n{}", self.text()).into())
    }

    pub fn send(&mut self, keys: &str) -> std::io::Result<()> {
        use std::io::Write;
        self.session.write_all(keys.as_bytes())?;
        self.session.flush()
    }
}

/// `kh ARGS…` in a pseudo-terminal, in Vietnamese, as a person runs it.
#[cfg(unix)]
pub fn kh_in_terminal(
    args: &[&std::ffi::OsStr],
) -> Result<expectrl::session::OsSession, Box<dyn std::error::Error>> {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kh"));
    cmd.args(args).env_remove("KH_LANG").env("TERM", "xterm");
    let mut p = expectrl::Session::spawn(cmd)?;
    p.set_expect_timeout(Some(std::time::Duration::from_secs(20)));
    Ok(p)
}

/// Writes an example round under `root` (for tests and for trying a rule).
pub fn write_example(e: &kh::Explanation, root: &std::path::Path) -> std::io::Result<()> {
    use std::fs;
    if !e.example.iter().any(|(p, _)| *p == "kh.toml") {
        fs::write(root.join("kh.toml"), "year = 2023\n")?;
    }
    for (path, file) in e.example {
        let target = root.join(path);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir)?;
            let unit = path.split('/').next().unwrap_or("");
            if path.contains('/') && unit != "khong-mo-ta" && !dir.join("unit.toml").exists() {
                fs::write(dir.join("unit.toml"), format!("name = \"Đơn vị {unit}\"\n"))?;
            }
        }
        match file {
            kh::ExampleFile::Text(t) => fs::write(&target, t)?,
            kh::ExampleFile::Latin1(t) => {
                let bytes: Vec<u8> = t
                    .chars()
                    .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
                    .collect();
                fs::write(&target, bytes)?;
            }
            kh::ExampleFile::Padded(t) => {
                let mut s = t.to_string();
                while s.len() <= 1024 * 1024 {
                    s.push_str("# ………………………………………………………………………………………………………………\n");
                }
                fs::write(&target, s)?;
            }
            kh::ExampleFile::Fifo => make_fifo(&target)?,
            kh::ExampleFile::Latin1Name(t) => {
                let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let bytes: Vec<u8> = name
                    .chars()
                    .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'_'))
                    .collect();
                #[cfg(unix)]
                let target = {
                    use std::os::unix::ffi::OsStrExt;
                    target.with_file_name(std::ffi::OsStr::from_bytes(&bytes))
                };
                fs::write(&target, t)?;
            }
            kh::ExampleFile::PastPathLimit => past_path_limit(&target)?,
            kh::ExampleFile::Link(to) => {
                #[cfg(unix)]
                std::os::unix::fs::symlink(root.join(to), &target)?;
                #[cfg(not(unix))]
                fs::write(&target, to)?;
            }
        }
    }
    Ok(())
}

#[cfg(unix)]
fn make_fifo(path: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes())?;
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
    if unsafe { libc::mkfifo(c.as_ptr(), 0o644) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(unix))]
fn make_fifo(path: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(path)
}

/// Folders nested one inside the other, each made relative to the last
/// (`mkdirat`), until the whole path is longer than the system opens.
#[cfg(unix)]
fn past_path_limit(top: &std::path::Path) -> std::io::Result<()> {
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    std::fs::create_dir_all(top)?;
    let mut dir = std::fs::File::open(top).map(OwnedFd::from)?;
    let name = std::ffi::CString::new("d".repeat(200))?;
    for _ in 0..24 {
        // SAFETY: `dir` is an open folder and `name` a valid C string.
        unsafe {
            if libc::mkdirat(dir.as_raw_fd(), name.as_ptr(), 0o755) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            let fd = libc::openat(
                dir.as_raw_fd(),
                name.as_ptr(),
                libc::O_RDONLY | libc::O_DIRECTORY,
            );
            if fd < 0 {
                return Err(std::io::Error::last_os_error());
            }
            dir = OwnedFd::from_raw_fd(fd);
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn past_path_limit(top: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(top)
}
