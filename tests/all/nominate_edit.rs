//! `kh nominate edit` (SPEC §9.2, #36): imported files of every kind
//! finished by answering questions — through `--set` and through a
//! pseudo-terminal — until no finding the questions settle is left; a
//! comment and the keys it did not touch keep their bytes; an interrupted
//! edit leaves the file as it was; `review.toml` is never written.

use crate::common::{Tree, kh, validate_json};
use crate::corpus::Doc;
use serde_json::Value;

/// The findings `kh nominate edit` settles (SPEC §9.2).
const SETTLED: &[&str] = &[
    "missing-role",
    "missing-fact",
    "missing-field",
    "empty-field",
    "rating-below-required",
    "import-unread",
    "birth-year-only",
];

const MOTTO: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

/// A report as a unit types it, for one of the cases of #36.
fn report(title: &str, campaign: &str, one: &[&str], achievements: &[&str]) -> Doc {
    let mut d = Doc::default()
        .table(&[&["UBND HUYỆN LÝ NHÂN¶**UBND XÃ NHÂN THỊNH**", MOTTO]])
        .p(&format!("**{title}**"))
        .p(&format!("Phong trào thi đua “{campaign}”"))
        .p("I. SƠ LƯỢC LÝ LỊCH");
    for l in one {
        d = d.p(l);
    }
    d = d.p("II. THÀNH TÍCH ĐẠT ĐƯỢC");
    for a in achievements {
        d = d.p(a);
    }
    d.p("III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC NHẬN")
        .p("Chưa có")
}

/// The five cases of #36, imported into a round: (file, the `--set`s that
/// finish it).
/// The inbox is kept with the round: the files name their sources.
pub(crate) fn imported_round() -> (Tree, Vec<(String, Vec<&'static str>)>, tempfile::TempDir) {
    let inbox = tempfile::tempdir().expect("tmp");
    let cases: Vec<(&str, Doc, Vec<&'static str>)> = vec![
        (
            "cong-an",
            report(
                "BÁO CÁO THÀNH TÍCH TẬP THỂ",
                "Vì an ninh Tổ quốc",
                &[
                    "- Tên tập thể: Công an xã Nhân Thịnh",
                    "- Quá trình thành lập: Thành lập năm 1962",
                    "- Cơ cấu tổ chức: 12 cán bộ, chiến sĩ",
                    "- Chức năng, nhiệm vụ: Bảo đảm an ninh trật tự trên địa bàn xã",
                ],
                &["Không để xảy ra trọng án trong ba năm liền."],
            ),
            vec![
                "role=lực lượng công an",
                "rating=Hoàn thành xuất sắc nhiệm vụ",
            ],
        ),
        (
            "bac-ho",
            report(
                "BÁO CÁO THÀNH TÍCH CÁ NHÂN",
                "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                &[
                    "- Họ và tên: Trần Thị Hằng",
                    "- Ngày sinh: 02/02/1980",
                    "- Quê quán: xã Nhân Thịnh, huyện Lý Nhân",
                    "- Chức vụ, đơn vị công tác: Bí thư Chi bộ thôn 3",
                ],
                &["Xây dựng mô hình “Thôn 3 làm theo lời Bác”."],
            ),
            vec![
                "party_member=true",
                "rating=hoan-thanh-xuat-sac",
                "party_rating=hoan-thanh-xuat-sac",
            ],
        ),
        (
            "dan-van",
            report(
                "BÁO CÁO THÀNH TÍCH TẬP THỂ",
                "Dân vận khéo",
                &[
                    "- Tên tập thể: Chi hội Phụ nữ thôn 5",
                    "- Quá trình thành lập: Thành lập năm 1990",
                    "- Cơ cấu tổ chức: 85 hội viên",
                    "- Chức năng, nhiệm vụ: Vận động hội viên phát triển kinh tế",
                ],
                &["Mô hình “Phụ nữ thôn 5 giữ đường sạch”."],
            ),
            vec![
                "model.name=Phụ nữ thôn 5 giữ đường sạch",
                "model.address=thôn 5, xã Nhân Thịnh",
                "model.domain=văn hóa - xã hội",
                "model.four_step_plan=có",
                "model.records_archived=true",
            ],
        ),
        (
            "ho-ngheo",
            report(
                "BÁO CÁO THÀNH TÍCH HỘ GIA ĐÌNH",
                "Vì người nghèo - Không để ai bị bỏ lại phía sau",
                &[
                    "- Họ và tên chủ hộ: Vũ Văn Hải",
                    "- Ngày sinh: 1961",
                    "- Quê quán: thôn 2, xã Nhân Thịnh",
                    "- Hộ khẩu thường trú: thôn 2, xã Nhân Thịnh",
                ],
                &["Tự nguyện đăng ký thoát nghèo năm 2022."],
            ),
            vec!["birth_date=15/05/1961", "registered_exit_poverty=true"],
        ),
        (
            "chua-doc",
            report(
                "BÁO CÁO THÀNH TÍCH CÁ NHÂN",
                "Chung sức xây dựng nông thôn mới",
                &[
                    "- Họ và tên: Đào Văn Lực",
                    "- Ngày sinh: 03/03/1970",
                    "- Quê quán:",
                    "- Chức vụ, đơn vị công tác: trưởng thôn 2, xã Nhân Thịnh",
                ],
                &["Vận động 40 hộ hiến đất làm đường."],
            ),
            vec!["hometown=xã Nhân Thịnh, huyện Lý Nhân"],
        ),
    ];
    let r = Tree::new();
    r.write("kh.toml", "year = 2023\n");
    r.write("xa-nhan-thinh/unit.toml", "name = \"UBND xã Nhân Thịnh\"\n");
    let mut out = Vec::new();
    for (name, doc, sets) in cases {
        let src = inbox.path().join(format!("xa-nhan-thinh/{name}.docx"));
        doc.write(&src);
        let o = kh()
            .arg("import")
            .arg(&src)
            .arg("--into")
            .arg(r.root())
            .args(["--format", "json"])
            .output()
            .expect("import");
        let doc: Value = serde_json::from_slice(&o.stdout).expect("json");
        let path = doc["imported"][0]["path"]
            .as_str()
            .unwrap_or("")
            .to_string();
        assert!(!path.is_empty(), "{name}: {doc:#}");
        out.push((path, sets));
    }
    (r, out, inbox)
}

/// The settled findings of one file.
fn settled_findings(r: &Tree, path: &str) -> Vec<String> {
    let v = validate_json(&r.path(path), &[]);
    v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| SETTLED.contains(&d["rule"].as_str().unwrap_or("")))
        .map(|d| format!("{}: {}", d["rule"], d["message"]))
        .collect()
}

#[test]
fn set_finishes_every_kind_of_imported_file() {
    let (r, files, _inbox) = imported_round();
    for (path, sets) in &files {
        assert!(
            !settled_findings(&r, path).is_empty(),
            "{path}: the case must need an answer"
        );
        let mut cmd = kh();
        cmd.args(["nominate", "edit"]).arg(r.path(path));
        for s in sets {
            cmd.args(["--set", s]);
        }
        let out = cmd.output().expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{path}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains("Đã sửa 1 tệp"), "{said}");
        assert_eq!(settled_findings(&r, path), Vec::<String>::new(), "{path}");
    }
}

#[test]
fn a_wrong_key_or_value_is_a_usage_error_and_nothing_is_written() {
    let (r, files, _inbox) = imported_round();
    let path = r.path(&files[0].0);
    let before = std::fs::read(&path).expect("file");
    for set in [
        "ratng=hoan-thanh",
        "rating=giỏi",
        "role=học sinh",
        "novalue",
    ] {
        let out = kh()
            .args(["nominate", "edit"])
            .arg(&path)
            .args(["--set", "role=luc-luong-cong-an", "--set", set])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{set}");
        assert!(!out.stderr.is_empty(), "{set}: says why");
        assert_eq!(std::fs::read(&path).expect("file"), before, "{set}");
    }
    // Not at a terminal and no --set: says how, writes nothing.
    let out = kh()
        .args(["nominate", "edit"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--set"));
}

#[test]
fn comments_and_untouched_keys_keep_their_bytes_and_review_toml_is_not_written() {
    let (r, files, _inbox) = imported_round();
    let rel = &files[4].0;
    let path = r.path(rel);
    let text = std::fs::read_to_string(&path).expect("file");
    let mine = text.replacen(
        "[nominee]\n",
        "[nominee]\n# Chị Lan (văn thư) ghi: quê quán xem bản khai lý lịch\n",
        1,
    );
    std::fs::write(&path, &mine).expect("edit");
    r.write(
        "review.toml",
        "[[review]]\npath = \"xa-nhan-thinh/tran-thi-hang.toml\"\nstatus = \"cho-xet\"\n",
    );
    let review = std::fs::read(r.path("review.toml")).expect("review");
    let out = kh()
        .args(["nominate", "edit"])
        .arg(r.root())
        .args(["--set", "hometown=xã Nhân Thịnh, huyện Lý Nhân"])
        .output();
    // The round holds files whose forms have no hometown to set (a
    // collective): --set on the round is refused whole.
    assert_eq!(out.expect("runs").status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&path).expect("file"), mine);
    let out = kh()
        .args(["nominate", "edit"])
        .arg(&path)
        .args(["--set", "hometown=xã Nhân Thịnh, huyện Lý Nhân"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let after = std::fs::read_to_string(&path).expect("file");
    assert!(after.contains("# Chị Lan (văn thư) ghi: quê quán xem bản khai lý lịch\n"));
    // Every line but the one set and the [import] it settled is as it was.
    let changed: Vec<&str> = mine
        .lines()
        .filter(|l| !after.lines().any(|a| a == *l))
        .collect();
    assert!(
        changed.iter().all(|l| l.starts_with("hometown = ")
            || l.starts_with("unread = ")
            || l.starts_with("[import]")
            || l.starts_with("# Do kh import ghi")
            || l.is_empty()),
        "{changed:#?}\n{after}"
    );
    assert!(
        after.contains("hometown = \"xã Nhân Thịnh, huyện Lý Nhân\""),
        "{after}"
    );
    assert!(!after.contains("[import]"), "{after}");
    assert_eq!(
        std::fs::read(r.path("review.toml")).expect("review"),
        review
    );
}

#[cfg(unix)]
fn edit_in_terminal(
    file: &std::path::Path,
) -> Result<expectrl::session::OsSession, Box<dyn std::error::Error>> {
    crate::common::kh_in_terminal(&["nominate".as_ref(), "edit".as_ref(), file.as_os_str()])
}

/// Through a pseudo-terminal, as an officer answers: the role from the
/// campaign's groups by a few words, then the rating that role needs, by
/// its words; then what import could not read, its source named first.
#[cfg(unix)]
#[test]
fn questions_in_a_terminal_finish_a_file() -> Result<(), Box<dyn std::error::Error>> {
    let (r, files, _inbox) = imported_round();
    let cols = std::num::NonZeroU16::new(200).ok_or("width")?;
    let path = r.path(&files[0].0);
    let mut s = crate::common::Screen::new(edit_in_terminal(&path)?, cols)?;
    s.wait_for("Công an xã Nhân Thịnh")?;
    let screen = answer(
        &mut s,
        &[
            ("Nhóm đối tượng", "cong an\r"),
            ("Xếp loại chất lượng", "xuat sac\r"),
        ],
    )?;
    assert_eq!(
        settled_findings(&r, &files[0].0),
        Vec::<String>::new(),
        "{screen}"
    );
    let text = std::fs::read_to_string(&path)?;
    assert!(text.contains("role = \"luc-luong-cong-an\""), "{text}");
    assert!(text.contains("rating = \"hoan-thanh-xuat-sac\""), "{text}");

    let path = r.path(&files[4].0);
    let mut s = crate::common::Screen::new(edit_in_terminal(&path)?, cols)?;
    let screen = s.wait_for("Quê quán")?;
    assert!(
        screen.contains("chua-doc.docx"),
        "the source is named: {screen}"
    );
    // What the source holds there, shown before the question.
    let screen = s.wait_for("│ - Quê quán:")?;
    assert!(
        screen.contains("│ - Chức vụ, đơn vị công tác: trưởng thôn 2"),
        "{screen}"
    );
    answer(&mut s, &[("Quê quán", "xã Nhân Thịnh, huyện Lý Nhân\r")])?;
    assert_eq!(settled_findings(&r, &files[4].0), Vec::<String>::new());
    Ok(())
}

/// Ctrl-C at a question: the file stays as it was, byte for byte.
#[cfg(unix)]
#[test]
fn an_interrupted_edit_leaves_the_file_as_it_was() -> Result<(), Box<dyn std::error::Error>> {
    use expectrl::Expect;
    let (r, files, _inbox) = imported_round();
    let path = r.path(&files[1].0);
    let before = std::fs::read(&path)?;
    let mut p = edit_in_terminal(&path)?;
    p.expect("Xếp loại chất lượng")?;
    p.send("\r")?;
    p.expect("Là đảng viên")?;
    p.send("\x03")?;
    p.expect("đã hủy, không ghi gì")?;
    assert_eq!(std::fs::read(&path)?, before);
    Ok(())
}

/// The active question on a screen: the last line a prompt starts ("? …").
#[cfg(unix)]
fn active(screen: &str) -> Option<String> {
    screen
        .lines()
        .rev()
        .find(|l| l.starts_with("? "))
        .map(|l| l.trim_end().to_string())
}

/// Answers whatever is asked, as an officer with the source at hand would:
/// a text by its label, a choice or a yes/no with Enter (the first option,
/// "yes"), until the file is written.
#[cfg(unix)]
fn answer_everything(s: &mut crate::common::Screen) -> Result<String, Box<dyn std::error::Error>> {
    answer(
        s,
        &[
            ("Tên mô hình", "Phụ nữ thôn 5 giữ đường sạch\r"),
            ("Địa chỉ mô hình", "thôn 5, xã Nhân Thịnh\r"),
            ("Ngày, tháng, năm sinh", "15/05/1961\r"),
            ("Quê quán", "xã Nhân Thịnh, huyện Lý Nhân\r"),
        ],
    )
}

/// Answers each question as it comes: the keys given for its label, else
/// Enter (the first option, "yes"), until the file is written.
#[cfg(unix)]
fn answer(
    s: &mut crate::common::Screen,
    keys: &[(&str, &str)],
) -> Result<String, Box<dyn std::error::Error>> {
    let mut last = String::new();
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(60) {
        s.pump()?;
        let screen = s.text();
        if screen.contains("Đã sửa 1 tệp") {
            return Ok(screen);
        }
        let Some(q) = active(&screen) else {
            std::thread::sleep(std::time::Duration::from_millis(50));
            continue;
        };
        if q == last {
            std::thread::sleep(std::time::Duration::from_millis(50));
            continue;
        }
        std::thread::sleep(std::time::Duration::from_millis(150));
        let typed = keys
            .iter()
            .find(|(label, _)| q.starts_with(&format!("? {label}")))
            .map(|(_, v)| v.to_string())
            .unwrap_or_else(|| "\r".into());
        s.send(&typed)?;
        last = q;
    }
    Err(format!("never finished:\n{}", s.text()).into())
}

/// #36's done-when: every kind of imported file, finished through a
/// pseudo-terminal, ends with no finding the questions settle.
#[cfg(unix)]
#[test]
fn every_kind_of_imported_file_is_finished_in_a_terminal() -> Result<(), Box<dyn std::error::Error>>
{
    let (r, files, _inbox) = imported_round();
    for (rel, _) in &files {
        let cols = std::num::NonZeroU16::new(200).ok_or("width")?;
        let mut s = crate::common::Screen::new(edit_in_terminal(&r.path(rel))?, cols)?;
        let screen = answer_everything(&mut s).map_err(|e| format!("{rel}: {e}"))?;
        assert_eq!(
            settled_findings(&r, rel),
            Vec::<String>::new(),
            "{rel}:\n{screen}"
        );
    }
    Ok(())
}

/// #36.2–3: each finding the questions settle says how in its help, the
/// human report counts the files `kh nominate edit` can finish, and names a
/// field by the form's label first, in both languages; JSON keeps keys.
#[test]
fn findings_say_how_to_finish_them_in_the_forms_words() {
    let (r, files, _inbox) = imported_round();
    let out = kh().arg("validate").arg(r.root()).output().expect("runs");
    let vi = String::from_utf8_lossy(&out.stdout);
    assert!(
        vi.contains(&format!("sửa: kh nominate edit {}", files[4].0)),
        "{vi}"
    );
    assert!(vi.contains("Quê quán (`hometown`) đang để trống"), "{vi}");
    assert!(
        vi.contains("Thiếu xếp loại chất lượng (`rating`) trong [facts]"),
        "{vi}"
    );
    let count = vi
        .lines()
        .find(|l| l.starts_with("kh nominate edit hoàn thiện được"))
        .unwrap_or_default();
    assert!(count.contains("được 5 tệp"), "{vi}");
    // The line stands before the counts.
    let at = vi
        .find("kh nominate edit hoàn thiện được")
        .unwrap_or(usize::MAX);
    assert!(at < vi.find("Đã kiểm tra").unwrap_or(0), "{vi}");
    let out = kh()
        .args(["--lang", "en", "validate"])
        .arg(r.root())
        .output()
        .expect("runs");
    let en = String::from_utf8_lossy(&out.stdout);
    assert!(en.contains("fix: kh nominate edit"), "{en}");
    assert!(en.contains("Home town (`hometown`) is blank"), "{en}");
    assert!(en.contains("kh nominate edit can finish 5 files"), "{en}");
    // JSON keeps the rule and says nothing of the command in its counts.
    let v = validate_json(r.root(), &[]);
    assert!(
        v["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|d| d["rule"] == "empty-field")
    );
}

/// Import's "còn thiếu" names the form's fields, not dotted keys (#36.3).
#[test]
fn import_says_what_is_missing_by_the_forms_labels() {
    let inbox = tempfile::tempdir().expect("tmp");
    let src = inbox.path().join("xa-nhan-thinh/a.docx");
    report(
        "BÁO CÁO THÀNH TÍCH TẬP THỂ",
        "Chung sức xây dựng nông thôn mới",
        &["- Tên tập thể: Thôn 9, xã Nhân Thịnh"],
        &["Làm 2 km đường."],
    )
    .write(&src);
    let r = Tree::new();
    r.write("xa-nhan-thinh/unit.toml", "name = \"UBND xã Nhân Thịnh\"\n");
    let out = kh()
        .arg("import")
        .arg(&src)
        .arg("--into")
        .arg(r.root())
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("còn thiếu: Quá trình thành lập, Cơ cấu bộ máy tổ chức, Chức năng, nhiệm vụ"),
        "{said}"
    );
    assert!(!said.contains("nominee."), "{said}");
}
