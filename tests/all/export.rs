//! `kh export` (SPEC §12): the documents read back part by part, the
//! workbook against the summary, hostile input, and LibreOffice opening
//! and printing them for real.

use crate::common;

use std::path::{Path, PathBuf};

use crate::common::*;
use serde_json::Value;

fn export(args: &[&str]) -> std::process::Output {
    kh().arg("export").args(args).output().expect("run")
}

/// An export that must succeed; stderr is shown when it does not.
fn export_ok(args: &[&str]) -> std::process::Output {
    let o = export(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "kh export {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn out_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("tmp")
}

#[test]
fn forms_follow_the_plans_form_and_nd30_layout() {
    let out = out_dir();
    let dir = out.path().join("forms");
    export_ok(&[
        "forms",
        "examples/submissions",
        "--out",
        dir.to_str().unwrap_or(""),
        "--date",
        "05/10/2023",
    ]);
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "docx"))
        .map(|e| e.path().to_path_buf())
        .collect();
    assert_eq!(files.len(), 22);

    let person = dir.join("so-y-te/dinh-van-thanh.docx");
    let text = docx_text(&person);
    for want in [
        "SỞ Y TẾ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nam, ngày 05 tháng 10 năm 2023",
        "BÁO CÁO THÀNH TÍCH",
        "HỘ GIA ĐÌNH, CÁ NHÂN ĐIỂN HÌNH TIÊN TIẾN",
        "(mục 3.10)",
        "1. Sơ lược lý lịch:",
        "- Họ và tên: Đinh Văn Thành",
        "- Ngày, tháng, năm sinh: 01/12/1978",
        "- Quê quán: xã An Lão, huyện Bình Lục, tỉnh Hà Nam",
        "- Chức vụ, đơn vị công tác (hoặc hộ khẩu thường trú): ",
        "2. Thành tích tiêu biểu xuất sắc đã đạt được:",
        "3. Quá trình khen thưởng:",
        "Số, ngày quyết định",
        "5512/QĐ-BYT, ngày 30/11/2021",
        "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ",
        "NGƯỜI BÁO CÁO THÀNH TÍCH",
        "(Ký, ghi rõ họ và tên)",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    // #24 (5): the body above the Sở, plain, above its name.
    let at = |t: &str, w: &str| t.find(w).unwrap_or(usize::MAX);
    assert!(
        at(&text, "UBND TỈNH HÀ NAM") < at(&text, "SỞ Y TẾ"),
        "{text}"
    );
    // #24 (5–7): a district's unit says what its unit.toml says: its header,
    // its place, its head's title; a household signs under the commune's
    // confirmation, the head of household beside.
    let household = docx_text(&dir.join("ubnd-huyen-ly-nhan/ho-ong-do-van-binh.docx"));
    for want in [
        "UBND HUYỆN LÝ NHÂN",
        "Lý Nhân, ngày 05 tháng 10 năm 2023",
        "XÁC NHẬN CỦA UBND XÃ",
        "(PHƯỜNG, THỊ TRẤN)",
        "CHỦ HỘ",
    ] {
        assert!(household.contains(want), "{want:?} not in:\n{household}");
    }
    assert!(!household.contains("Hà Nam, ngày"), "{household}");
    assert!(
        !household.contains("NGƯỜI BÁO CÁO THÀNH TÍCH"),
        "{household}"
    );
    let person_ly_nhan = docx_text(&dir.join("ubnd-huyen-ly-nhan/vu-quang-huy.docx"));
    assert!(person_ly_nhan.contains("CHỦ TỊCH"), "{person_ly_nhan}");
    // A Party body: its committee above, the Party's motto, no State's.
    let party = docx_text(&dir.join("ban-dan-van-tinh-uy/bui-thi-ngoc-anh.docx"));
    assert!(
        at(&party, "TỈNH ỦY HÀ NAM") < at(&party, "BAN DÂN VẬN"),
        "{party}"
    );
    assert!(party.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), "{party}");
    assert!(
        !party.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "{party}"
    );
    assert!(!party.contains("UBND TỈNH HÀ NAM"), "{party}");
    // Every achievement of the file, one paragraph each.
    let source =
        std::fs::read_to_string("examples/submissions/so-y-te/dinh-van-thanh.toml").expect("read");
    let doc: toml::Table = source.parse().expect("toml");
    for a in doc["achievements"].as_array().into_iter().flatten() {
        let t = a["text"].as_str().unwrap_or("").trim();
        assert!(text.contains(t), "{t}");
    }
    // The layout of ND 30/2020.
    let xml = part(&person, "word/document.xml");
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(xml.contains("w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""));
    assert!(
        xml.contains("<w:titlePg/>"),
        "page numbers from the second page"
    );
    let styles = part(&person, "word/styles.xml");
    assert!(
        styles.contains("w:ascii=\"Times New Roman\"") && styles.contains("<w:sz w:val=\"28\"/>")
    );
    assert!(part(&person, "word/header1.xml").contains(" PAGE "));

    let collective = docx_text(&dir.join("so-y-te/benh-vien-da-khoa-tinh.docx"));
    assert!(collective.contains("TẬP THỂ ĐIỂN HÌNH TIÊN TIẾN"));
    assert!(collective.contains("1. Đặc điểm tình hình:"));
    assert!(collective.contains("- Tên tập thể: "));
    assert!(collective.contains("THỦ TRƯỞNG ĐƠN VỊ") && collective.contains("(Ký, đóng dấu)"));
    assert!(!collective.contains("NGƯỜI BÁO CÁO THÀNH TÍCH"));
    // Without awards, the form says so.
    let none = walkdir::WalkDir::new("examples/submissions")
        .into_iter()
        .flatten()
        .find(|e| {
            e.path().extension().is_some_and(|x| x == "toml")
                && std::fs::read_to_string(e.path())
                    .is_ok_and(|t| t.contains("[nominee]") && !t.contains("[[awards]]"))
        })
        .map(|e| {
            e.path()
                .strip_prefix("examples/submissions")
                .expect("prefix")
                .with_extension("docx")
        });
    if let Some(rel) = none {
        assert!(docx_text(&dir.join(rel)).contains("Chưa có"));
    }
    // The same round, the same bytes.
    let again = out.path().join("again");
    export(&[
        "forms",
        "examples/submissions",
        "--out",
        again.to_str().unwrap_or(""),
        "--date",
        "05/10/2023",
    ]);
    assert_eq!(
        std::fs::read(&person).ok(),
        std::fs::read(again.join("so-y-te/dinh-van-thanh.docx")).ok()
    );
}

#[test]
fn forms_leave_out_what_has_errors_unless_draft() {
    let t = Tree::new();
    t.unit("u").write("u/ok.toml", PERSON);
    t.write(
        "u/bad.toml",
        &edit(PERSON, "birth_date = 1978-12-01", "birth_date = 2030-01-01"),
    );
    let out = out_dir();
    let dir = out.path().join("f");
    let o = export(&[
        "forms",
        t.root().to_str().unwrap_or(""),
        "--out",
        dir.to_str().unwrap_or(""),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("u/bad.toml"));
    assert!(dir.join("u/ok.docx").exists() && !dir.join("u/bad.docx").exists());
    let draft = out.path().join("d");
    let o = export(&[
        "forms",
        t.root().to_str().unwrap_or(""),
        "--out",
        draft.to_str().unwrap_or(""),
        "--draft",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(docx_text(&draft.join("u/bad.docx")).contains("DỰ THẢO"));
    assert!(!docx_text(&draft.join("u/ok.docx")).contains("DỰ THẢO"));
}

#[test]
fn never_inside_the_round_never_over_a_file_without_force() {
    let t = Tree::single(PERSON);
    let inside = t.path("ra");
    let o = export(&[
        "forms",
        t.root().to_str().unwrap_or(""),
        "--out",
        inside.to_str().unwrap_or(""),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!inside.exists());
    let o = export(&[
        "xlsx",
        t.root().to_str().unwrap_or(""),
        "--out",
        t.path("so.xlsx").to_str().unwrap_or(""),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let out = out_dir();
    let book = out.path().join("so.xlsx");
    std::fs::write(&book, "cũ").expect("write");
    let o = export(&[
        "xlsx",
        t.root().to_str().unwrap_or(""),
        "--out",
        book.to_str().unwrap_or(""),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("so.xlsx"));
    assert_eq!(std::fs::read_to_string(&book).ok().as_deref(), Some("cũ"));
    let o = export(&[
        "xlsx",
        t.root().to_str().unwrap_or(""),
        "--out",
        book.to_str().unwrap_or(""),
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(std::fs::read(&book).is_ok_and(|b| b.starts_with(b"PK")));
    // No temporary file is left beside it.
    let left: Vec<_> = std::fs::read_dir(out.path())
        .expect("ls")
        .flatten()
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

#[test]
fn the_list_takes_the_approved_grouped_by_kind() {
    let out = out_dir();
    let list = out.path().join("ds.docx");
    export_ok(&[
        "list",
        "examples/submissions",
        "--out",
        list.to_str().unwrap_or(""),
    ]);
    let text = docx_text(&list);
    assert!(
        text.contains("DANH SÁCH")
            && text
                .contains("TẬP THỂ, CÁ NHÂN, HỘ GIA ĐÌNH ĐIỂN HÌNH TIÊN TIẾN ĐỀ NGHỊ KHEN THƯỞNG")
    );
    assert!(text.contains("UBND TỈNH HÀ NAM") && text.contains("SỞ NỘI VỤ"));
    for h in [
        "STT",
        "Tên tập thể / Họ và tên (năm sinh)",
        "Chức vụ, đơn vị công tác hoặc địa chỉ",
        "Phong trào (mục)",
        "Thành tích tiêu biểu",
        "Hình thức khen thưởng đề nghị",
        "Đơn vị đề nghị",
    ] {
        assert!(text.contains(h), "{h}");
    }
    // The four approved of examples/submissions/review.toml, and no other.
    assert!(text.contains("Đinh Văn Thành (1978)"), "{text}");
    assert!(text.contains("Trần Đức Mạnh"));
    assert!(!text.contains("Nguyễn Thị Mai"), "returned for more");
    assert!(!text.contains("Lương Thị Huyền"), "rejected");
    assert!(text.contains("Danh sách có 4 điển hình."), "{text}");
    let i = text.find("I. TẬP THỂ").unwrap_or(usize::MAX);
    let ii = text.find("II. CÁ NHÂN").unwrap_or(0);
    let iii = text.find("III. HỘ GIA ĐÌNH").unwrap_or(0);
    assert!(i < ii && ii < iii, "{text}");
    // The review's award where there is one.
    assert!(text.contains("Bằng khen của Chủ tịch UBND tỉnh (phạm vi toàn tỉnh)"));
    let xml = part(&list, "word/document.xml");
    assert!(xml.contains("w:orient=\"landscape\""), "A4 landscape");
    assert!(
        xml.contains("<w:tblHeader/>"),
        "the header row repeats on each page"
    );

    let all = out.path().join("all.docx");
    export(&[
        "list",
        "examples/submissions",
        "--out",
        all.to_str().unwrap_or(""),
        "--all",
    ]);
    // Every nomination without an error but the one rejected (SPEC §12,
    // `--all` never takes a "không đạt").
    let all_text = docx_text(&all);
    assert!(
        all_text.contains("Danh sách có 21 điển hình."),
        "{all_text}"
    );
    assert!(!all_text.contains("Lương Thị Huyền"), "rejected");
    let chair = out.path().join("chair.docx");
    export(&[
        "list",
        "examples/submissions",
        "--out",
        chair.to_str().unwrap_or(""),
        "--all",
        "--scope",
        "toan-tinh",
    ]);
    let text = docx_text(&chair);
    assert!(text.contains("Danh sách có 2 điển hình."), "{text}");
    assert!(text.contains("Chủ tịch UBND tỉnh xem xét, quyết định"));
}

#[test]
fn letters_say_what_to_mend_and_remind_who_sent_nothing() {
    let out = out_dir();
    let dir = out.path().join("cv");
    export_ok(&[
        "letters",
        "examples/broken",
        "--out",
        dir.to_str().unwrap_or(""),
    ]);
    let thanh_son = docx_text(&dir.join("ubnd-xa-thanh-son.docx"));
    assert!(
        thanh_son.contains("Kính gửi: Ủy ban nhân dân xã Thanh Sơn"),
        "{thanh_son}"
    );
    // Administrative words from the form's labels (SPEC §12): no
    // line numbers, keys, paths or code marks.
    for bad in ["Dòng", "`", ".toml", "late_dossiers", "par_index"] {
        assert!(!thanh_son.contains(bad), "{bad}: {thanh_son}");
    }
    assert!(
        thanh_son.contains("chưa nêu số hồ sơ trễ hẹn, tồn đọng (tiêu chí tại mục 3.5 của Kế hoạch): đề nghị bổ sung."),
        "{thanh_son}"
    );
    assert!(thanh_son.contains("Bổ sung số hồ sơ trễ hẹn năm 2023 và kết quả chỉ số CCHC"));
    // Another unit by its name; a rejection with its reason.
    assert!(
        thanh_son.contains("cũng được Hội Nông dân tỉnh đề nghị"),
        "{thanh_son}"
    );
    assert!(
        thanh_son.contains(
            "Vũ Văn Tiến: không đạt (06/10/2023). Lý do: Không thuộc nhóm đối tượng của phong trào."
        ),
        "{thanh_son}"
    );
    // The plan, the deadline and the signer from kh.toml's [plan], [office].
    assert!(
        thanh_son.contains(
            "Thực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2023 của UBND tỉnh Hà Nam về tuyên truyền"
        ),
        "{thanh_son}"
    );
    assert!(
        thanh_son.contains("gửi lại Sở Nội vụ trước ngày 20/10/2023."),
        "{thanh_son}"
    );
    assert!(thanh_son.contains("- Hội đồng Thi đua - Khen thưởng tỉnh;"));
    assert!(thanh_son.contains("Nguyễn Văn Minh"), "{thanh_son}");
    let reminder = docx_text(&dir.join("so-van-hoa-tt.docx"));
    assert!(reminder.contains("chưa nhận được hồ sơ"), "{reminder}");
    assert!(reminder.contains("không quá 03 điển hình"));
    assert!(
        reminder.contains("gửi về Sở Nội vụ trước ngày 20/10/2023"),
        "{reminder}"
    );
    // A unit with nothing to mend gets no letter.
    let out2 = out_dir();
    let clean = out2.path().join("cv");
    export(&[
        "letters",
        "examples/submissions",
        "--out",
        clean.to_str().unwrap_or(""),
    ]);
    assert!(clean.join("so-giao-duc.docx").exists(), "returned for more");
    assert!(clean.join("so-tai-chinh.docx").exists(), "sent nothing");
    assert!(!clean.join("so-y-te.docx").exists(), "all in order");
    let giao_duc = docx_text(&clean.join("so-giao-duc.docx"));
    assert!(
        giao_duc.contains("Các hồ sơ đã đầy đủ, đúng quy định"),
        "{giao_duc}"
    );
    // No [plan] in the round: the plan's number and date are dots to fill.
    assert!(
        giao_duc.contains("Thực hiện Kế hoạch số ……/KH-UBND ngày ……/……/…… của UBND tỉnh Hà Nam"),
        "{giao_duc}"
    );
}

/// A sheet's table: its header row and the rows under it, without the
/// title above and the totals row below.
fn table_rows(range: &calamine::Range<calamine::Data>) -> Vec<Vec<calamine::Data>> {
    use calamine::Data;
    let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    let head = rows
        .iter()
        .position(|r| r.iter().filter(|c| **c != Data::Empty).count() >= 2)
        .expect("a header row");
    rows[head..]
        .iter()
        .filter(|r| r.first() != Some(&Data::String("Tổng cộng".into())))
        .cloned()
        .collect()
}

#[test]
fn the_workbook_holds_the_summarys_figures_as_numbers() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let out = out_dir();
    let book = out.path().join("dot.xlsx");
    let o = export(&[
        "xlsx",
        "examples/submissions",
        "--out",
        book.to_str().unwrap_or(""),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let summary: Value = summary_json(["examples/submissions"]);
    let mut wb: Xlsx<_> = open_workbook(&book).expect("opens");
    assert_eq!(
        wb.sheet_names(),
        [
            "Theo phong trào",
            "Theo đơn vị",
            "Danh sách",
            "Trình Chủ tịch",
            "Chưa gửi",
            "Không đọc được"
        ]
    );
    let campaigns = wb.worksheet_range("Theo phong trào").expect("sheet");
    let rows = table_rows(&campaigns);
    assert_eq!(rows[0][0], Data::String("Mục".into()));
    let expected = summary["campaigns"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len() - 1, expected.len());
    for (row, c) in rows.iter().skip(1).zip(&expected) {
        assert_eq!(
            row[0],
            Data::String(c["section"].as_str().unwrap_or("").into()),
            "§ as text"
        );
        assert_eq!(
            row[1],
            Data::String(c["slug"].as_str().unwrap_or("").into())
        );
        assert_eq!(
            row[7],
            Data::Float(c["total"].as_f64().unwrap_or(-1.0)),
            "a number"
        );
        assert_eq!(
            row[10],
            Data::Float(c["review"]["dat"].as_f64().unwrap_or(-1.0))
        );
    }
    let units = wb.worksheet_range("Theo đơn vị").expect("sheet");
    for (row, u) in table_rows(&units)
        .into_iter()
        .skip(1)
        .zip(summary["units"].as_array().into_iter().flatten())
    {
        assert_eq!(
            row[0],
            Data::String(u["slug"].as_str().unwrap_or("").into())
        );
        assert_eq!(
            row[2],
            Data::Float(u["nominations"].as_f64().unwrap_or(-1.0))
        );
        assert_eq!(row[3], Data::Float(u["cap"].as_f64().unwrap_or(-1.0)));
    }
    let list = wb.worksheet_range("Danh sách").expect("sheet");
    assert_eq!(
        table_rows(&list).len() - 1,
        summary["nominations"].as_array().map_or(0, Vec::len)
    );
    assert!(
        list.rows().any(|r| r
            .iter()
            .any(|c| *c == Data::String("đề nghị bổ sung".into()))),
        "statuses as words"
    );
    let missing = wb.worksheet_range("Chưa gửi").expect("sheet");
    assert_eq!(
        table_rows(&missing).get(1).map(|r| r[0].clone()),
        Some(Data::String("so-tai-chinh".into()))
    );
    let chair = wb.worksheet_range("Trình Chủ tịch").expect("sheet");
    assert_eq!(
        table_rows(&chair).len() - 1,
        summary["escalations"].as_array().map_or(0, Vec::len)
    );
    // A title above the table; the campaign's name among the columns a
    // reader needs (printed, first), its slug with the paths after them
    // (#34.5 moved it from beside the slug: the slug is not printed).
    let list_rows = table_rows(&list);
    let head = &list_rows[0];
    let at = |h: &str| head.iter().position(|c| *c == Data::String(h.into()));
    assert!(at("Tên phong trào") < Some(7), "{head:?}");
    assert!(
        at("Phong trào") > Some(7) && at("Tệp") > Some(7),
        "{head:?}"
    );
    assert!(
        list_rows[1..]
            .iter()
            .all(|r| r[at("Tên phong trào").unwrap_or(0)] != Data::Empty)
    );
    assert_eq!(
        campaigns.rows().next().map(|r| r[0].clone()),
        Some(Data::String(
            "TỔNG HỢP ĐỀ NGHỊ KHEN THƯỞNG ĐIỂN HÌNH TIÊN TIẾN, đợt năm 2023".into()
        ))
    );
    // The same round, the same bytes: dated by the round, never the clock
    // (a second apart, the clock would show in docProps/core.xml).
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let again = out.path().join("again.xlsx");
    export(&[
        "xlsx",
        "examples/submissions",
        "--out",
        again.to_str().unwrap_or(""),
    ]);
    assert_eq!(std::fs::read(&book).ok(), std::fs::read(&again).ok());
    // Frozen bold header rows with a filter.
    let sheet = part(&book, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<autoFilter") && sheet.contains("state=\"frozen\""),
        "{sheet}"
    );
}

/// #24 (11): every sheet prints on A4 landscape, one page wide, its header
/// row repeated; the totals rows hold formulas that LibreOffice computes
/// (the values the file carries are spoiled first, so only a computation
/// can give the sums back).
#[test]
fn the_workbook_prints_and_its_totals_compute() {
    use calamine::{Data, Reader, Xlsx};
    use std::io::{Read, Write};
    let Some(soffice) = common::soffice() else {
        return;
    };
    let out = out_dir();
    let book = out.path().join("dot.xlsx");
    export(&[
        "xlsx",
        "examples/submissions",
        "--out",
        book.to_str().unwrap_or(""),
    ]);
    let workbook = part(&book, "xl/workbook.xml");
    for i in 1..=6 {
        let sheet = part(&book, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(
            sheet.contains("paperSize=\"9\"") && sheet.contains("orientation=\"landscape\""),
            "A4 landscape: {sheet}"
        );
        assert!(
            sheet.contains("fitToPage=\"1\"") && sheet.contains("fitToHeight=\"0\""),
            "one page wide: {sheet}"
        );
    }
    assert_eq!(
        workbook.matches("_xlnm.Print_Titles").count(),
        6,
        "the header repeats on every sheet: {workbook}"
    );
    // The cached sums spoiled, as a file edited by hand would leave them.
    let spoiled = out.path().join("spoiled.xlsx");
    {
        let mut zin = zip::ZipArchive::new(std::fs::File::open(&book).expect("open")).expect("zip");
        let mut zout = zip::ZipWriter::new(std::fs::File::create(&spoiled).expect("create"));
        for i in 0..zin.len() {
            let mut f = zin.by_index(i).expect("part");
            let name = f.name().map(|n| n.to_string()).expect("name");
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).expect("read");
            if name.starts_with("xl/worksheets/") {
                bytes = spoil_cached_values(&String::from_utf8_lossy(&bytes)).into_bytes();
            }
            zout.start_file(name, zip::write::SimpleFileOptions::default())
                .expect("start");
            zout.write_all(&bytes).expect("write");
        }
        zout.finish().expect("finish");
    }
    // LibreOffice told to recalculate on load, as a clerk's Calc does on
    // "Recalculate Hard".
    let lo = out.path().join("lo");
    std::fs::create_dir_all(lo.join("profile/user")).expect("mkdir");
    std::fs::write(
        lo.join("profile/user/registrymodifications.xcu"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\"><prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n</oor:items>\n",
    )
    .expect("profile");
    let recalculated = common::convert(&soffice, &spoiled, &lo, "xlsx");
    let summary: Value = summary_json(["examples/submissions"]);
    let mut wb: Xlsx<_> = calamine::open_workbook(&recalculated).expect("opens");
    let mut totals = |sheet: &str| -> Vec<Data> {
        let range = wb.worksheet_range(sheet).expect("sheet");
        range
            .rows()
            .find(|r| r.first() == Some(&Data::String("Tổng cộng".into())))
            .map(<[Data]>::to_vec)
            .expect("a totals row")
    };
    let sum = |list: &str, f: &dyn Fn(&Value) -> f64| -> f64 {
        summary[list].as_array().into_iter().flatten().map(f).sum()
    };
    let by_campaign = totals("Theo phong trào");
    assert_eq!(
        by_campaign[7],
        Data::Float(sum("campaigns", &|c| c["total"].as_f64().unwrap_or(0.0))),
        "{by_campaign:?}"
    );
    assert_eq!(
        by_campaign[10],
        Data::Float(sum("campaigns", &|c| c["review"]["dat"]
            .as_f64()
            .unwrap_or(0.0)))
    );
    let by_unit = totals("Theo đơn vị");
    assert_eq!(
        by_unit[2],
        Data::Float(sum("units", &|u| u["nominations"].as_f64().unwrap_or(0.0))),
        "{by_unit:?}"
    );
    // Printed: a few landscape pages, not 19 portrait ones of a column each.
    let (text, pages) = pdf_text(&to_pdf(&soffice, &book, out.path()));
    assert!(pages <= 8, "{pages} pages");
    let flat = squeeze(&text);
    assert!(
        flat.contains("TỔNGHỢPĐỀNGHỊKHENTHƯỞNGĐIỂNHÌNHTIÊNTIẾN,đợtnăm2023")
            && flat.contains("Tổngcộng"),
        "{text}"
    );
}

/// Every cached formula value in a sheet's XML set to 999.
fn spoil_cached_values(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find("</f><v>") {
        let (head, tail) = rest.split_at(at + "</f><v>".len());
        out.push_str(head);
        out.push_str("999");
        rest = &tail[tail.find("</v>").unwrap_or(0)..];
    }
    out.push_str(rest);
    out
}

#[test]
fn hostile_input_still_yields_documents_that_open() {
    let t = Tree::new();
    let nasty = edit(
        PERSON,
        "Đinh Văn Thành",
        "Trần & <Lê> \\\"Ngô\\\" \\u0001\\u001b[2J",
    );
    let huge = format!(
        "campaign = \"nong-thon-moi\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Phạm Văn Dài\"\nbirth_date = 1970-01-01\nhometown = \"Lý Nhân\"\nresidence = \"Nhân Thịnh\"\n\n[[achievements]]\ntext = \"{}\"\n",
        "Hiến đất làm đường. ".repeat(5000)
    );
    let mut many = String::from(
        "campaign = \"nong-thon-moi\"\nkind = \"tap-the\"\n\n[nominee]\nname = \"Thôn Nhiều Khen\"\nfounded = \"1950\"\nstructure = \"Trưởng thôn\"\nduties = \"Tự quản\"\n\n[[achievements]]\ntext = \"Đường hoa\"\n",
    );
    for y in 1980..2020 {
        many.push_str(&format!(
            "\n[[awards]]\nyear = {y}\ntitle = \"Giấy khen năm {y}\"\ndecision = \"{y}/QĐ-UBND\"\n"
        ));
    }
    t.unit("a")
        .write("a/nasty.toml", &nasty)
        .write("a/huge.toml", &huge);
    t.write("khong-mo-ta/many.toml", &many);
    let out = out_dir();
    let dir = out.path().join("forms");
    export_ok(&[
        "forms",
        t.root().to_str().unwrap_or(""),
        "--out",
        dir.to_str().unwrap_or(""),
    ]);
    let text = docx_text(&dir.join("a/nasty.docx"));
    assert!(text.contains("Trần & <Lê> \"Ngô\" [2J"), "{text}");
    assert!(docx_text(&dir.join("a/huge.docx")).len() > 100_000);
    let many_text = docx_text(&dir.join("khong-mo-ta/many.docx"));
    assert_eq!(many_text.matches("/QĐ-UBND").count(), 40);
    assert!(
        many_text.contains("KHONG-MO-TA"),
        "a unit without unit.toml is named by its folder"
    );
    for kind in ["list", "letters", "xlsx"] {
        let target = match kind {
            "list" => out.path().join("l.docx"),
            "letters" => out.path().join("cv"),
            _ => out.path().join("b.xlsx"),
        };
        let mut args = vec![kind, t.root().to_str().unwrap_or(""), "--out"];
        let target_s = target.to_str().unwrap_or("").to_string();
        args.push(&target_s);
        if kind == "list" {
            args.push("--all");
        }
        export_ok(&args);
    }
    assert!(docx_text(&out.path().join("l.docx")).contains("Trần & <Lê>"));
    // An empty round: an empty list and workbook, no forms, no letters.
    let empty = tempfile::tempdir().expect("tmp");
    let e = out.path().join("empty.docx");
    let o = export(&[
        "list",
        empty.path().to_str().unwrap_or(""),
        "--out",
        e.to_str().unwrap_or(""),
        "--all",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(docx_text(&e).contains("Danh sách có 0 điển hình."));
    let o = export(&[
        "xlsx",
        empty.path().to_str().unwrap_or(""),
        "--out",
        out.path().join("e.xlsx").to_str().unwrap_or(""),
    ]);
    assert_eq!(o.status.code(), Some(0));
}

fn to_pdf(soffice: &Path, file: &Path, outdir: &Path) -> PathBuf {
    common::convert(soffice, file, outdir, "pdf")
}

fn pdf_text(pdf: &Path) -> (String, usize) {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let pages = text.matches('\u{c}').count();
    (text, pages)
}

/// Words, without the spaces a justified line spreads out.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn libreoffice_opens_and_prints_them() {
    let Some(soffice) = common::soffice() else {
        return;
    };
    let t = Tree::new();
    let three = edit(
        PERSON,
        "[facts]",
        "[[awards]]\nyear = 2022\ntitle = \"Chiến sĩ thi đua cơ sở\"\ndecision = \"88/QĐ-UBND\"\ndate = 2022-12-01\n\n[[awards]]\nyear = 2023\ntitle = \"Bằng khen của Chủ tịch UBND tỉnh\"\ndecision = \"1203/QĐ-UBND\"\ndate = 2023-06-15\n\n[facts]",
    );
    t.unit("so-y-te").write("so-y-te/ba-khen.toml", &three);
    let out = out_dir();
    let forms = out.path().join("forms");
    export(&[
        "forms",
        t.root().to_str().unwrap_or(""),
        "--out",
        forms.to_str().unwrap_or(""),
        "--date",
        "05/10/2023",
    ]);
    let pdf = to_pdf(&soffice, &forms.join("so-y-te/ba-khen.docx"), out.path());
    let (text, pages) = pdf_text(&pdf);
    let flat = squeeze(&text);
    for want in [
        "CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM",
        "BÁOCÁOTHÀNHTÍCH",
        "HỘGIAĐÌNH,CÁNHÂNĐIỂNHÌNHTIÊNTIẾN",
        "Họvàtên:ĐinhVănThành",
        "Quêquán:xãAnLão,huyệnBìnhLục",
        "Phẫuthuậtnộisoi320ca",
        "Chiếnsĩthiđuacơsở",
        "BằngkhencủaChủtịchUBNDtỉnh",
        "1203/QĐ-UBND,ngày15/06/2023",
        "NGƯỜIBÁOCÁOTHÀNHTÍCH",
    ] {
        assert!(flat.contains(want), "{want} not in the PDF:\n{text}");
    }
    // A form with three awards and one achievement fits one A4 page.
    assert_eq!(pages, 1, "{text}");

    let list = out.path().join("ds.docx");
    export(&[
        "list",
        "examples/submissions",
        "--out",
        list.to_str().unwrap_or(""),
        "--all",
    ]);
    let (text, pages) = pdf_text(&to_pdf(&soffice, &list, out.path()));
    let flat = squeeze(&text);
    // Table cells interleave in the text of a PDF: words, not whole cells.
    assert!(
        flat.contains("ĐỀNGHỊKHENTHƯỞNG")
            && flat.contains("BiênHòa")
            && flat.contains("ĐinhVănThành"),
        "{text}"
    );
    assert!(pages >= 2, "22 exemplars take more than a page: {pages}");

    let book = out.path().join("dot.xlsx");
    export(&[
        "xlsx",
        "examples/submissions",
        "--out",
        book.to_str().unwrap_or(""),
    ]);
    let (text, _) = pdf_text(&to_pdf(&soffice, &book, out.path()));
    assert!(
        squeeze(&text).contains("Chungsứcxâydựngnôngthônmới"),
        "{text}"
    );
}

/// #24 (8): a line break inside an achievement is a paragraph of its own
/// (never a justified line stretched to the margin by a break), a double
/// space in a name prints as one; and the form, imported back unchanged,
/// gives the nomination as it was, lines and all.
#[test]
fn achievement_lines_are_paragraphs_and_names_single_spaced() {
    let text = edit(
        &edit(
            PERSON,
            "text = \"Phẫu thuật nội soi 320 ca, giảm chuyển tuyến 35%\"",
            "text = \"\"\"\nPhẫu thuật nội soi 320 ca.\nGiảm chuyển tuyến 35%.\"\"\"",
        ),
        "full_name = \"Đinh Văn Thành\"",
        "full_name = \"Đinh  Văn Thành\"",
    );
    let t = Tree::single(&text);
    let out = tempfile::tempdir().expect("tmp");
    let dir = out.path().join("forms");
    kh().args(["export", "forms"])
        .arg(t.root())
        .arg("--out")
        .arg(&dir)
        .arg("--draft")
        .assert()
        .success();
    let form = dir.join("don-vi/de-nghi.docx");
    let xml = part(&form, "word/document.xml");
    let paragraph_of = |s: &str| {
        let at = xml.find(s).unwrap_or_else(|| panic!("{s} not in the form"));
        xml[..at]
            .rfind("<w:p>")
            .or(xml[..at].rfind("<w:p "))
            .unwrap_or(0)
    };
    assert_ne!(
        paragraph_of("Phẫu thuật nội soi 320 ca."),
        paragraph_of("Giảm chuyển tuyến 35%."),
        "two lines, two paragraphs"
    );
    let first = paragraph_of("Phẫu thuật nội soi 320 ca.");
    let end = first + xml[first..].find("</w:p>").unwrap_or(0);
    assert!(
        !xml[first..end].contains("<w:br/>"),
        "no line break inside an achievement"
    );
    let shown = docx_text(&form);
    assert!(
        shown.contains("Đinh Văn Thành") && !shown.contains("Đinh  Văn"),
        "{shown}"
    );
    // Back through import, unchanged: the achievement keeps its two lines.
    let back = Tree::new();
    kh().arg("import")
        .arg(&form)
        .args(["--into"])
        .arg(back.root())
        .assert()
        .success();
    let read = std::fs::read_to_string(back.path("don-vi/de-nghi.toml")).expect("imported");
    assert_eq!(read.matches("[[achievements]]").count(), 1, "{read}");
    assert!(
        read.contains("Phẫu thuật nội soi 320 ca.\nGiảm chuyển tuyến 35%."),
        "{read}"
    );
}

#[test]
fn the_list_numbers_what_it_shows_and_cites_the_plan_and_to_trinh() {
    // Individuals and a household, no collective: the groups are I and II.
    let t = Tree::new();
    t.unit("a").write("a/x.toml", PERSON);
    t.write(
        "a/y.toml",
        &HOUSEHOLD.replace("[nominee]\n", "[nominee]\ngender = \"nam\"\n"),
    );
    t.write(
        "kh.toml",
        "year = 2023\n[plan]\nnumber = \"45/KH-UBND\"\ndate = 2023-02-20\n",
    );
    let out = out_dir();
    let file = out.path().join("ds.docx");
    export_ok(&[
        "list",
        t.root().to_str().unwrap_or(""),
        "--out",
        file.to_str().unwrap_or(""),
        "--all",
        "--to-trinh",
        "123/TTr-SNV",
        "--to-trinh-date",
        "05/10/2023",
    ]);
    let text = docx_text(&file);
    assert!(text.contains("I. CÁ NHÂN"), "{text}");
    assert!(text.contains("II. HỘ GIA ĐÌNH"), "{text}");
    assert!(!text.contains("III."), "{text}");
    assert!(
        text.contains("(Kèm theo Tờ trình số 123/TTr-SNV ngày 05/10/2023 của Sở Nội vụ)"),
        "{text}"
    );
    assert!(
        text.contains("Thực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2023 của UBND tỉnh Hà Nam"),
        "{text}"
    );
    // A household by its head, "Hộ ông …" (SPEC §12, #24.9).
    assert!(text.contains("Hộ ông Đỗ Văn Bình (1959)"), "{text}");
    // The header row repeats on every page; a tall row may break.
    let xml = part(&file, "word/document.xml");
    assert_eq!(xml.matches("<w:tblHeader/>").count(), 1, "one header row");
    let rows = xml.matches("<w:tr>").count();
    let kept = xml.matches("<w:cantSplit/>").count();
    assert!(
        kept < rows,
        "body rows of the list may break: {kept} of {rows}"
    );
    // Without --to-trinh: dots to fill by hand.
    let file2 = out.path().join("ds2.docx");
    export_ok(&[
        "list",
        t.root().to_str().unwrap_or(""),
        "--out",
        file2.to_str().unwrap_or(""),
        "--all",
    ]);
    let text = docx_text(&file2);
    assert!(
        text.contains("(Kèm theo Tờ trình số ……/TTr-SNV ngày ……/……/…… của Sở Nội vụ)"),
        "{text}"
    );
}

#[test]
fn a_nomination_rejected_is_in_no_list_and_on_no_page_even_with_all() {
    let t = Tree::new();
    t.unit("a").write("a/x.toml", PERSON);
    t.write("a/y.toml", COLLECTIVE);
    kh().args(["review", "set"])
        .arg(t.path("a/x.toml"))
        .args([
            "--status",
            "khong-dat",
            "--note",
            "Thành tích chưa tiêu biểu",
            "--date",
            "06/10/2023",
        ])
        .assert()
        .success();
    let out = out_dir();
    let file = out.path().join("ds.docx");
    export_ok(&[
        "list",
        t.root().to_str().unwrap_or(""),
        "--out",
        file.to_str().unwrap_or(""),
        "--all",
    ]);
    let text = docx_text(&file);
    assert!(!text.contains("Đinh Văn Thành"), "{text}");
    assert!(text.contains("Ủy ban nhân dân xã Nhân Thịnh"), "{text}");
    let site = out.path().join("site");
    kh().arg("publish")
        .arg(t.root())
        .arg("--out")
        .arg(&site)
        .arg("--all")
        .assert()
        .success();
    let index = std::fs::read_to_string(site.join("index.html")).expect("index");
    assert!(!index.contains("Đinh Văn Thành"), "{index}");
    assert!(index.contains("Nhân Thịnh"), "{index}");
    // The letter tells the unit, with the reason.
    let cv = out.path().join("cv");
    export_ok(&[
        "letters",
        t.root().to_str().unwrap_or(""),
        "--out",
        cv.to_str().unwrap_or(""),
    ]);
    let letter = docx_text(&cv.join("a.docx"));
    assert!(
        letter
            .contains("Đinh Văn Thành: không đạt (06/10/2023). Lý do: Thành tích chưa tiêu biểu."),
        "{letter}"
    );
}

/// #24: a letter and the list as an office prints them (LibreOffice, then
/// pdftotext): the plan cited by number and date, the deadline, the signer,
/// findings in words and no trace of the file format; the list with its
/// tờ trình and its groups numbered from I.
#[test]
fn a_printed_letter_and_list_read_as_an_office_signs_them() {
    let Some(soffice) = common::soffice() else {
        return;
    };
    let out = out_dir();
    let letters = out.path().join("letters");
    export_ok(&[
        "letters",
        "examples/broken",
        "--out",
        letters.to_str().unwrap_or(""),
    ]);
    let letter = letters.join("hoi-nong-dan.docx");
    let (text, pages) = pdf_text(&to_pdf(&soffice, &letter, out.path()));
    let flat = squeeze(&text);
    for words in [
        "ThựchiệnKếhoạchsố45/KH-UBNDngày20/02/2023củaUBNDtỉnhHàNam",
        "Kínhgửi:HộiNôngdântỉnh",
        "Ngày,tháng,nămsinhcủahộgiađìnhĐỗVănTưghi“1958”,chưađủngày,tháng",
        "gửilạiSởNộivụtrướcngày20/10/2023",
        "NguyễnVănMinh",
    ] {
        assert!(flat.contains(words), "{words} not in: {text}");
    }
    for trace in [".toml", "`", "birth_date", "Dòng", "2023-"] {
        assert!(!text.contains(trace), "{trace} in: {text}");
    }
    assert_eq!(pages, 1, "{text}");

    let list = out.path().join("list.docx");
    export_ok(&[
        "list",
        "examples/submissions",
        "--out",
        list.to_str().unwrap_or(""),
        "--to-trinh",
        "123/TTr-SNV",
        "--to-trinh-date",
        "25/10/2023",
    ]);
    let (text, _) = pdf_text(&to_pdf(&soffice, &list, out.path()));
    let flat = squeeze(&text);
    for words in [
        "KèmtheoTờtrìnhsố123/TTr-SNVngày25/10/2023củaSởNộivụ",
        "I.TẬPTHỂ",
        "II.CÁNHÂN",
        "ThựchiệnKếhoạchsố",
    ] {
        assert!(flat.contains(words), "{words} not in: {text}");
    }
}

/// #34.3, #34.4, read from the printed page (LibreOffice → PDF → text): a
/// province-wide list keeps the tờ trình it was given and says the round's
/// year once; an office's own "Lưu: …" replaces kh's in every letter.
#[test]
fn the_list_keeps_its_to_trinh_and_a_letter_its_office_s_filing_mark() {
    let Some(soffice) = common::soffice() else {
        return;
    };
    let t = Tree::new();
    t.unit("a").write(
        "a/x.toml",
        &PERSON.replace("campaign = ", "scope = \"toan-tinh\"\ncampaign = "),
    );
    t.write(
        "a/y.toml",
        &PERSON
            .replace("Đinh Văn Thành", "Lê Văn Sai")
            .replace("5512/QĐ-BYT", "5512 QĐ BYT"),
    );
    t.write(
        "kh.toml",
        "year = 2023\n[plan]\nnumber = \"45/KH-UBND\"\ndate = 2023-02-20\n\n[office]\ncc = [\"Hội đồng Thi đua - Khen thưởng tỉnh\", \"Lưu: VT, TĐKT\"]\n",
    );
    let out = out_dir();
    let file = out.path().join("ds.docx");
    export_ok(&[
        "list",
        t.root().to_str().unwrap_or(""),
        "--out",
        file.to_str().unwrap_or(""),
        "--all",
        "--scope",
        "toan-tinh",
        "--to-trinh",
        "216/TTr-SNV",
        "--to-trinh-date",
        "05/10/2023",
    ]);
    let (text, _) = pdf_text(&to_pdf(&soffice, &file, out.path()));
    let flat = squeeze(&text);
    assert!(
        flat.contains(&squeeze(
            "(Kèm theo Tờ trình số 216/TTr-SNV ngày 05/10/2023 của Sở Nội vụ)"
        )),
        "{text}"
    );
    assert!(
        flat.contains(&squeeze("trình Chủ tịch UBND tỉnh xem xét, quyết định")),
        "{text}"
    );
    assert_eq!(
        flat.matches(&squeeze("năm 2023")).count(),
        1,
        "the round's year once: {text}"
    );
    let letters = out.path().join("cv");
    export_ok(&[
        "letters",
        t.root().to_str().unwrap_or(""),
        "--out",
        letters.to_str().unwrap_or(""),
    ]);
    let (text, _) = pdf_text(&to_pdf(&soffice, &letters.join("a.docx"), out.path()));
    assert_eq!(text.matches("Lưu: VT, TĐKT").count(), 1, "{text}");
    assert!(
        text.contains("Hội đồng Thi đua - Khen thưởng tỉnh"),
        "{text}"
    );
}

/// #34.2: the gender kh does not know is never written "ông/bà" nor
/// guessed: the list and a letter name the household and the person alone.
#[test]
fn a_gender_not_given_is_never_ong_ba() {
    let t = Tree::new();
    t.unit("a")
        .write("a/ho.toml", &HOUSEHOLD.replace("Đỗ Văn Bình", "Lê Thị Mai"));
    t.write(
        "a/nguoi.toml",
        &PERSON
            .replace("gender = \"nam\"\n", "")
            .replace("Đinh Văn Thành", "Vũ Thị Ngọc")
            .replace("5512/QĐ-BYT", "5512 QĐ BYT"),
    );
    let out = out_dir();
    let list = out.path().join("ds.docx");
    export_ok(&[
        "list",
        t.root().to_str().unwrap_or(""),
        "--out",
        list.to_str().unwrap_or(""),
        "--all",
    ]);
    let text = docx_text(&list);
    assert!(!text.contains("ông/bà"), "{text}");
    assert!(text.contains("Hộ gia đình Lê Thị Mai"), "{text}");
    let letters = out.path().join("cv");
    export_ok(&[
        "letters",
        t.root().to_str().unwrap_or(""),
        "--out",
        letters.to_str().unwrap_or(""),
    ]);
    let text = docx_text(&letters.join("a.docx"));
    assert!(!text.contains("ông/bà"), "{text}");
    assert!(text.contains("Vũ Thị Ngọc"), "{text}");
}

/// #34.7: a blank form for a unit's code finds the round from the working
/// folder up; with no round that knows the code, it exits 2 asking for the
/// round, rather than head the form with "SO-Y-TE".
#[test]
fn a_blank_form_finds_its_round_or_asks_for_it() {
    let nowhere = tempfile::tempdir().expect("tmp");
    let args = [
        "export",
        "forms",
        "--blank",
        "--campaign",
        "3.10",
        "--kind",
        "ca-nhan",
        "--unit",
        "so-y-te",
        "--out",
        "mau.docx",
    ];
    kh().current_dir(nowhere.path())
        .args(args)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("kh export forms ĐỢT --blank"));
    assert!(!nowhere.path().join("mau.docx").exists());
    let out = out_dir();
    let round = std::fs::canonicalize("examples/submissions").expect("round");
    kh().current_dir(round.join("so-y-te"))
        .args([
            "export",
            "forms",
            "--blank",
            "--campaign",
            "3.10",
            "--kind",
            "ca-nhan",
            "--unit",
            "so-y-te",
            "--out",
        ])
        .arg(out.path().join("mau.docx"))
        .assert()
        .success();
    let text = docx_text(&out.path().join("mau.docx"));
    assert!(!text.contains("SO-Y-TE"), "{text}");
    assert!(text.contains("SỞ Y TẾ"), "{text}");
}

/// #34.6: a Party body's form is headed by its committee with the place,
/// the body, an asterisk; "ĐẢNG CỘNG SẢN VIỆT NAM" on the right; no number.
#[test]
fn a_party_body_s_form_is_headed_as_the_party_heads_it() {
    let t = Tree::new();
    t.write("kh.toml", "year = 2023\n");
    t.write(
        "ban-dan-van/unit.toml",
        "name = \"Ban Dân vận Tỉnh ủy\"\nlevel = \"tinh\"\n",
    );
    t.write("ban-dan-van/a.toml", PERSON);
    let out = out_dir();
    export_ok(&[
        "forms",
        t.root().to_str().unwrap_or(""),
        "--out",
        out.path().join("f").to_str().unwrap_or(""),
    ]);
    let text = docx_text(&out.path().join("f/ban-dan-van/a.docx"));
    let head: Vec<&str> = text.lines().take(8).collect();
    let at = |s: &str| head.iter().position(|l| l.trim() == s);
    let (committee, body, star) = (at("TỈNH ỦY HÀ NAM"), at("BAN DÂN VẬN"), at("*"));
    assert!(
        committee.is_some() && body.is_some() && star.is_some(),
        "{head:?}"
    );
    assert!(committee < body && body < star, "{head:?}");
    assert!(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM"), "{text}");
    assert!(
        !head.iter().any(|l| l.trim_start().starts_with("Số:")),
        "{head:?}"
    );
}

/// #34.1: the signature never stands alone on a page. Forms whose length
/// sweeps past a page break, each printed by LibreOffice: the page that
/// holds the signature block holds body text too.
#[test]
fn the_signature_block_never_stands_alone_on_a_page() {
    let Some(soffice) = common::soffice() else {
        return;
    };
    let t = Tree::new();
    t.unit("so-y-te");
    let line = "Thực hiện hơn 1.200 ca phẫu thuật, không để xảy ra sai sót chuyên môn, được người bệnh và đồng nghiệp tin tưởng.";
    for n in 1..=24 {
        let mut text = crate::common::PERSON.to_string();
        for k in 1..=n {
            text.push_str(&format!(
                "\n[[achievements]]\ntext = \"Thành tích số {k}. {line}\"\n"
            ));
        }
        t.write(&format!("so-y-te/bs-{n:02}.toml"), &text);
    }
    let out = out_dir();
    let forms = out.path().join("forms");
    let o = export(&[
        "forms",
        t.root().to_str().unwrap_or(""),
        "--out",
        forms.to_str().unwrap_or(""),
        "--draft",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let docs: Vec<std::path::PathBuf> = std::fs::read_dir(forms.join("so-y-te"))
        .expect("forms")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    assert_eq!(docs.len(), 24);
    // One LibreOffice for all of them.
    let pdfs = out.path().join("pdf");
    common::convert_all(&soffice, &docs, &pdfs, "pdf");
    let mut checked_breaks = 0;
    for d in &docs {
        let pdf = pdfs
            .join(d.file_stem().unwrap_or_default())
            .with_extension("pdf");
        let (text, pages) = pdf_text(&pdf);
        let page = text
            .split('\u{c}')
            .find(|p| p.contains("(Ký, ghi rõ họ tên)") || p.contains("(Ký, đóng dấu)"))
            .unwrap_or_default();
        assert!(
            page.contains("Thành tích số")
                || page.contains("Chưa có")
                || page.contains("Quá trình khen thưởng"),
            "{}: the signature stands alone on its page:\n{page}",
            d.display()
        );
        if pages > 1 {
            checked_breaks += 1;
        }
    }
    assert!(checked_breaks > 5, "the sweep must cross page breaks");
}

/// #34.5: "Danh sách" prints what a reader needs at 10 pt or more, one page
/// wide and as many tall as it takes, and no path or slug: read back from
/// LibreOffice's PDF of it (each word's box height is its type size).
#[test]
fn the_workbooks_list_prints_readable_columns_at_ten_points() {
    let Some(soffice) = common::soffice() else {
        return;
    };
    let out = out_dir();
    let book = out.path().join("tong-hop.xlsx");
    export_ok(&[
        "xlsx",
        "examples/submissions",
        "--out",
        book.to_str().unwrap_or(""),
    ]);
    // The list sheet alone, as a clerk prints it: a copy with that sheet
    // first (LibreOffice prints every sheet; the list's pages are found by
    // their title).
    let pdf = to_pdf(&soffice, &book, out.path());
    let (text, _) = pdf_text(&pdf);
    // The list's pages: from its title to the next sheet's, the header
    // row ("STT") repeated on each.
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let first = pages
        .iter()
        .position(|p| p.contains("Danh sách các đề nghị"))
        .unwrap_or(pages.len());
    let list_at: Vec<usize> = (first..pages.len())
        .take_while(|&i| i == first || (pages[i].contains("STT") && !pages[i].contains("TỔNG HỢP")))
        .collect();
    let list_pages: Vec<&str> = list_at.iter().map(|&i| pages[i]).collect();
    assert!(!list_pages.is_empty(), "{text}");
    for p in &list_pages {
        assert!(!p.contains(".toml"), "a path printed:\n{p}");
        assert!(!p.contains("y-te-hai-long"), "a slug printed:\n{p}");
        assert!(
            p.contains("Hình thức đề nghị") || p.contains("Thẩm định"),
            "{p}"
        );
    }
    assert!(
        list_pages.iter().any(|p| p.contains("Đinh Văn Thành")),
        "{text}"
    );
    // Type size: the height of the words on the list's pages.
    let bbox = std::process::Command::new("pdftotext")
        .args(["-bbox"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let html = String::from_utf8_lossy(&bbox.stdout);
    let mut heights = Vec::new();
    let mut title = Vec::new();
    let mut page = 0usize;
    for line in html.lines() {
        if line.contains("<page") {
            page += 1;
        }
        if list_at.contains(&(page.saturating_sub(1))) && line.contains("<word") {
            let h = {
                let num = |k: &str| {
                    line.split(&format!("{k}=\""))
                        .nth(1)
                        .and_then(|r| r.split('"').next())
                        .and_then(|v| v.parse::<f64>().ok())
                        .unwrap_or(0.0)
                };
                num("yMax") - num("yMin")
            };
            // The round's title is 13 pt: the yardstick for the rest.
            if line.contains(">TỔNG<") {
                title.push(h);
            }
            let num = |k: &str| {
                line.split(&format!("{k}=\""))
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .and_then(|v| v.parse::<f64>().ok())
                    .unwrap_or(0.0)
            };
            heights.push(num("yMax") - num("yMin"));
        }
    }
    assert!(heights.len() > 50, "{} words", heights.len());
    heights.sort_by(f64::total_cmp);
    let median = heights[heights.len() / 2];
    let title = title.first().copied().unwrap_or(0.0);
    assert!(title > 0.0, "the title's words");
    // Printed type = 13 pt × median / title: at least 10 pt.
    let size = 13.0 * median / title;
    assert!(
        size >= 10.0,
        "body type {size:.1} pt (median {median:.1}, title {title:.1})"
    );
}

/// #34.1: a short Chairman's list is one page — its signature with the
/// table's last line, and no blank page after a full one.
#[test]
fn a_short_list_signs_on_its_one_page() {
    let Some(soffice) = common::soffice() else {
        return;
    };
    let out = out_dir();
    let list = out.path().join("toan-tinh.docx");
    export_ok(&[
        "list",
        "examples/submissions",
        "--scope",
        "toan-tinh",
        "--out",
        list.to_str().unwrap_or(""),
    ]);
    let (text, pages) = pdf_text(&to_pdf(&soffice, &list, out.path()));
    assert_eq!(pages, 1, "{text}");
    assert!(text.contains("Danh sách có 2 điển hình."), "{text}");
}
