//! A corpus of reports and lists typed the ways units type them (SPEC §15),
//! made here rather than kept as binaries so that every case is readable:
//! `cargo run --example make-corpus -- DIR` writes the same files for a
//! person to open in Word or LibreOffice.
//!
//! A paragraph is written in a small notation: `**x**` a bold run, `|` a
//! split between runs (as editing leaves them), `\t` a tab, `\n` a line
//! break inside the paragraph.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The runs of one paragraph in the notation above.
fn runs(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split("**").enumerate() {
        let bold = i % 2 == 1;
        for piece in part.split('|') {
            if piece.is_empty() {
                continue;
            }
            out.push_str("<w:r>");
            if bold {
                out.push_str("<w:rPr><w:b/></w:rPr>");
            }
            let mut first = true;
            for line in piece.split('\n') {
                if !first {
                    out.push_str("<w:br/>");
                }
                first = false;
                let mut first_tab = true;
                for chunk in line.split('\t') {
                    if !first_tab {
                        out.push_str("<w:tab/>");
                    }
                    first_tab = false;
                    if !chunk.is_empty() {
                        out.push_str(&format!("<w:t xml:space=\"preserve\">{}</w:t>", esc(chunk)));
                    }
                }
            }
            out.push_str("</w:r>");
        }
    }
    out
}

#[derive(Default)]
pub struct Doc {
    body: String,
}

impl Doc {
    pub fn p(mut self, text: &str) -> Self {
        self.body.push_str(&format!("<w:p>{}</w:p>", runs(text)));
        self
    }
    /// A bulleted list item (Word numbering).
    pub fn li(mut self, text: &str) -> Self {
        self.body.push_str(&format!(
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>{}</w:p>",
            runs(text)
        ));
        self
    }
    pub fn table(mut self, rows: &[&[&str]]) -> Self {
        self.body
            .push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>");
        let cols = rows.iter().map(|r| r.len()).max().unwrap_or(1);
        for _ in 0..cols {
            self.body.push_str("<w:gridCol w:w=\"3000\"/>");
        }
        self.body.push_str("</w:tblGrid>");
        for r in rows {
            self.body.push_str("<w:tr>");
            for c in *r {
                self.body
                    .push_str("<w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr>");
                for para in c.split("¶") {
                    self.body.push_str(&format!("<w:p>{}</w:p>", runs(para)));
                }
                self.body.push_str("</w:tc>");
            }
            self.body.push_str("</w:tr>");
        }
        self.body.push_str("</w:tbl>");
        self
    }
    pub fn xml(&self) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{}<w:sectPr/></w:body></w:document>",
            self.body
        )
    }
    pub fn bytes(&self) -> Vec<u8> {
        package(&[("word/document.xml", self.xml().as_bytes())])
    }
    pub fn write(&self, path: &Path) {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("corpus folder");
        }
        std::fs::write(path, self.bytes()).expect("corpus file");
    }
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A Word package with the given parts beside the content types and rels.
pub fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut all: Vec<(&str, &[u8])> = vec![
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", RELS.as_bytes()),
        ];
        all.extend_from_slice(parts);
        for (name, body) in all {
            z.start_file(name, opts).expect("zip entry");
            z.write_all(body).expect("zip write");
        }
        z.finish().expect("zip finish");
    }
    buf.into_inner()
}

/// The header table units put at the top: the body on the left, the
/// national motto on the right.
const MOTTO: &str = "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**¶**Độc lập - Tự do - Hạnh phúc**¶Phủ Lý, ngày 20 tháng 9 năm 2023";

/// (1) A doctor of the Sở Y tế: header table, a three-line title, the
/// campaign by its whole name, roman headings, bold labels whose values
/// are separate runs, a Vietnamese long date, bullets, a line break inside
/// an achievement, the awards as a table with a header, a signature table.
pub fn doctor() -> Doc {
    Doc::default()
        .table(&[&["UBND TỈNH HÀ NAM¶**SỞ Y TẾ**", MOTTO]])
        .p("**BÁO CÁO THÀNH TÍCH**")
        .p("**ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH**")
        .p("**CÁ NHÂN ĐIỂN HÌNH TIÊN TIẾN**")
        .p("Trong phong trào thi đua “Đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài lòng của người bệnh”")
        .p("**I. SƠ LƯỢC LÝ LỊCH**")
        .p("- **Họ và tên:**| Đinh Văn |Thành")
        .p("- **Ngày, tháng, năm sinh:** ngày 12 tháng 4 năm 1968")
        .p("- **Giới tính:** Nam")
        .p("- **Quê quán:** xã Nhân Thịnh, huyện Lý Nhân, tỉnh Hà Nam")
        .p("- **Chức vụ:** Phó Giám đốc")
        .p("- **Đơn vị công tác:** Bệnh viện Đa khoa tỉnh Hà Nam")
        .p("**II. THÀNH TÍCH ĐẠT ĐƯỢC**")
        .p("Trong những năm qua, bản thân luôn hoàn thành xuất sắc nhiệm vụ, cụ thể:")
        .li("Thực hiện hơn 1.200 ca phẫu thuật, không để xảy ra sai sót chuyên môn.")
        .li("Chủ trì sáng kiến “Đặt lịch khám qua tổng đài”,\ngiảm thời gian chờ khám còn 25 phút.")
        .p("**III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC NHẬN**")
        .table(&[
            &["**STT**", "**Năm**", "**Hình thức khen thưởng**", "**Số, ngày, tháng, năm của quyết định**"],
            &["1", "2021", "Chiến sĩ thi đua cơ sở", "Quyết định số 1234/QĐ-UBND ngày 20/12/2021"],
            &["2", "2022", "Bằng khen của Bộ Y tế", "5678/QĐ-BYT, 15/11/2022"],
        ])
        .table(&[&["**XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ**", "**NGƯỜI BÁO CÁO**¶Đinh Văn Thành"]])
}

/// (2) A collective on the plan's own form: arabic headings, a label/value
/// table for section 1, the campaign by a short name, awards as lines.
pub fn collective() -> Doc {
    Doc::default()
        .table(&[&["HỘI NÔNG DÂN TỈNH HÀ¶NAM", MOTTO]])
        .p("**BÁO CÁO THÀNH TÍCH TẬP THỂ ĐIỂN HÌNH TIÊN TIẾN**")
        .p("Phong trào thi đua “Dân vận khéo” năm 2023")
        .p("**1. Đặc điểm tình hình:**")
        .table(&[
            &["Tên tập thể", "Chi hội Nông dân thôn Đồng Văn"],
            &["Quá trình thành lập", "Thành lập năm 1995"],
            &["Cơ cấu bộ máy tổ chức", "Ban chấp hành 5 người; 124 hội viên"],
            &["Chức năng, nhiệm vụ", "Tập hợp, vận động nông dân phát triển sản xuất"],
        ])
        .p("**2. Thành tích tiêu biểu xuất sắc đã đạt được:**")
        .p("Vận động hội viên hiến 2.400 m² đất làm đường giao thông nội đồng.")
        .p("Xây dựng mô hình “Tổ hợp tác rau an toàn” với 40 hộ tham gia.")
        .p("**3. Quá trình khen thưởng:**")
        .p("- Năm 2021: Giấy khen của Hội Nông dân tỉnh, Quyết định số 45/QĐ-HND ngày 10/12/2021")
        .p("- Năm 2022: Bằng khen của Chủ tịch UBND tỉnh, Quyết định số 2890/QĐ-UBND ngày 28/12/2022")
        .p("**NGƯỜI BÁO CÁO**")
}

/// (3) A household: a header typed as lines with tabs (no table), the plan's
/// shared title, the head's label, a year of birth alone, the combined line,
/// "Chưa có" for awards, text in NFD as some keyboards send it.
pub fn household() -> Doc {
    use unicode_normalization::UnicodeNormalization;
    let nfd = |s: &str| s.nfd().collect::<String>();
    Doc::default()
        .p("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .p("HUYỆN LÝ NHÂN\tĐộc lập - Tự do - Hạnh phúc")
        .p("**BÁO CÁO THÀNH TÍCH HỘ GIA ĐÌNH, CÁ NHÂN ĐIỂN HÌNH TIÊN TIẾN**")
        .p(&nfd("Phong trào “Chung sức xây dựng nông thôn mới”"))
        .p("1. Sơ lược lý lịch:")
        .p(&nfd("- Họ và tên chủ hộ: Trần Văn Bình"))
        .p("- Năm sinh: 1958")
        .p("- Quê quán: xã Nhân Thịnh, huyện Lý Nhân")
        .p("- Chức vụ, đơn vị công tác (hoặc hộ khẩu thường trú): thôn 3, xã Nhân Thịnh, huyện Lý Nhân")
        .p("2. Thành tích tiêu biểu xuất sắc đã đạt được:")
        .p(&nfd("Hiến 320 m² đất ở để mở rộng đường trục thôn."))
        .p("3. Quá trình khen thưởng:")
        .p("Chưa có")
}

/// (4) A teacher: tabs between labels and values, a movement the plan does
/// not list, dates with dots, awards as lines without a "Năm".
pub fn teacher() -> Doc {
    Doc::default()
        .table(&[&["UBND HUYỆN THANH LIÊM¶PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", MOTTO]])
        .p("**BÁO CÁO THÀNH TÍCH CÁ NHÂN**")
        .p("Phong trào “Ngày thứ bảy xanh”")
        .p("I. SƠ LƯỢC LÝ LỊCH")
        .p("Họ và tên\tNguyễn Thị Mai")
        .p("Ngày sinh\t03.05.1985")
        .p("Quê quán\txã Thanh Hà, huyện Thanh Liêm")
        .p("Chức vụ, đơn vị công tác\tGiáo viên Trường THCS Thanh Hà")
        .p("II. THÀNH TÍCH ĐẠT ĐƯỢC")
        .p("+ Tổ chức 12 buổi ra quân dọn vệ sinh đường làng.")
        .p("III. KHEN THƯỞNG ĐÃ ĐƯỢC NHẬN")
        .p("2022: Giấy khen của Chủ tịch UBND huyện (QĐ số 77/QĐ-UBND ngày 01.06.2022)")
}

/// A letter, not a report.
pub fn letter() -> Doc {
    Doc::default()
        .p("Kính gửi: Sở Nội vụ tỉnh Hà Nam")
        .p("Đơn vị xin gửi kèm theo đây hồ sơ đề nghị khen thưởng.")
}

/// A list as a unit's clerk makes it in Excel: a merged title over two
/// rows, the header row on row 4, columns in their own order and words,
/// section rows, a total row, an Excel date cell beside a typed date.
pub fn list() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let title = Format::new().set_bold();
    let ws = book.add_worksheet();
    ws.set_name("DS").expect("sheet name");
    ws.merge_range(
        0,
        0,
        0,
        7,
        "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG ĐIỂN HÌNH TIÊN TIẾN",
        &title,
    )
    .expect("merge");
    ws.merge_range(
        1,
        0,
        1,
        7,
        "(Kèm theo Tờ trình số 12/TTr-HND ngày 20/9/2023)",
        &Format::new(),
    )
    .expect("merge");
    let header = [
        "STT",
        "Tên tập thể, cá nhân",
        "Ngày sinh",
        "Chức vụ, đơn vị công tác hoặc địa chỉ",
        "Phong trào",
        "Thành tích tiêu biểu",
        "Hình thức khen thưởng đề nghị",
        "Đơn vị đề nghị",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, *h, &title)
            .expect("header");
    }
    let mut row = 4;
    let mut put = |ws: &mut rust_xlsxwriter::Worksheet, cells: &[&str]| {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(row, c as u16, *v).expect("cell");
            }
        }
        row += 1;
        row - 1
    };
    put(ws, &["I", "TẬP THỂ"]);
    put(
        ws,
        &[
            "1",
            "Chi hội Nông dân thôn Đồng Văn",
            "",
            "thôn Đồng Văn, xã Tiên Nội, huyện Duy Tiên",
            "Dân vận khéo",
            "Vận động hiến 2.400 m² đất làm đường",
            "Bằng khen của Chủ tịch UBND tỉnh",
            "Hội Nông dân tỉnh",
        ],
    );
    put(ws, &["II", "CÁ NHÂN"]);
    let r = put(
        ws,
        &[
            "1",
            "Phạm Văn Cường",
            "",
            "Chủ tịch Hội Nông dân xã Tiên Nội",
            "Nông dân thi đua sản xuất kinh doanh giỏi, đoàn kết giúp đỡ nhau làm giàu và giảm nghèo bền vững",
            "Doanh thu 1,2 tỷ đồng/năm",
            "Bằng khen của Chủ tịch UBND tỉnh",
            "Hội Nông dân tỉnh",
        ],
    );
    ws.write_datetime_with_format(
        r,
        2,
        ExcelDateTime::from_ymd(1975, 2, 14).expect("date"),
        &date,
    )
    .expect("date cell");
    put(
        ws,
        &[
            "2",
            "Lê Thị Hoa",
            "07/08/1980",
            "Hội viên Chi hội thôn Đồng Văn",
            "nong-dan-san-xuat-gioi",
            "Mô hình nuôi bò sinh sản",
            "Giấy khen",
            "Hội Nông dân tỉnh",
        ],
    );
    put(ws, &["III", "HỘ GIA ĐÌNH"]);
    put(
        ws,
        &[
            "1",
            "Vũ Văn Dũng",
            "1960",
            "thôn 2, xã Tiên Nội",
            "Chung sức xây dựng nông thôn mới",
            "Hiến 150 m² đất",
            "Bằng khen của Chủ tịch UBND tỉnh",
            "Hội Nông dân tỉnh",
        ],
    );
    put(ws, &["", "Tổng cộng: 4 tập thể, cá nhân, hộ gia đình"]);
    book.save_to_buffer().expect("workbook")
}

/// (5) A police officer's report (#32.1): the signature block typed as
/// paragraphs after section 3 — a title in capitals and a name, a rank and
/// a name — none of which is an award.
pub fn police() -> Doc {
    Doc::default()
        .table(&[&["CÔNG AN TỈNH HÀ NAM¶**CÔNG AN HUYỆN KIM BẢNG**", MOTTO]])
        .p("**BÁO CÁO THÀNH TÍCH CÁ NHÂN**")
        .p("Phong trào thi đua “Vì an ninh Tổ quốc”")
        .p("**I. SƠ LƯỢC LÝ LỊCH**")
        .p("- Họ và tên: Hoàng Minh Đức")
        .p("- Ngày sinh: 02/09/1986")
        .p("- Quê quán: xã Thụy Lôi, huyện Kim Bảng")
        .p("- Chức vụ: Phó Trưởng Công an xã")
        .p("- Đơn vị công tác: Công an xã Thụy Lôi")
        .p("**II. THÀNH TÍCH ĐẠT ĐƯỢC**")
        .p("Phối hợp điều tra, khám phá 12 vụ án, bắt giữ 18 đối tượng.")
        .p("**III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC NHẬN**")
        .p("- Năm 2022: Giấy khen của Giám đốc Công an tỉnh, Quyết định số 310/QĐ-CAT ngày 15/12/2022")
        .p("Kim Bảng, ngày 18 tháng 9 năm 2023")
        .p("**TRƯỞNG CÔNG AN HUYỆN**")
        .p("Thượng tá Nguyễn Văn Quang")
        .p("**NGƯỜI BÁO CÁO**")
        .p("Thiếu tá Hoàng Minh Đức")
}

/// (6) A pharmacist (#32.1, #32.3): a line break inside the position, the
/// hometown going on in the next paragraph, the awards table with its
/// decision's number and date in columns of their own, and a borderless
/// signature table whose cell reads ": GIÁM ĐỐC (Ký tên, đóng dấu) …".
pub fn pharmacist() -> Doc {
    Doc::default()
        .table(&[&["SỞ Y TẾ HÀ NAM¶**BỆNH VIỆN ĐA KHOA TỈNH**", MOTTO]])
        .p("**BÁO CÁO THÀNH TÍCH CÁ NHÂN ĐỀ NGHỊ TẶNG BẰNG KHEN**")
        .p("Phong trào “Đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài lòng của người bệnh”")
        .p("**1. Sơ lược lý lịch**")
        .p("- Họ và tên: Nguyễn Thị Thu Hà")
        .p("- Ngày, tháng, năm sinh: 21/11/1979")
        .p("- Quê quán: xã Liêm Tuyền,")
        .p("thành phố Phủ Lý, tỉnh Hà Nam")
        .p("- Chức vụ: Trưởng khoa Dược,\nBệnh viện Đa khoa tỉnh Hà Nam")
        .p("**2. Thành tích đạt được**")
        .p("Quản lý cấp phát thuốc cho 1.200 giường bệnh, không để thiếu thuốc.\nTriển khai kê đơn điện tử toàn bệnh viện.")
        .p("**3. Các hình thức khen thưởng đã được nhận**")
        .table(&[
            &["TT", "Năm", "Hình thức khen thưởng", "Số quyết định", "Ngày quyết định"],
            &["1", "2021", "Chiến sĩ thi đua cơ sở", "88/QĐ-BV", "28/12/2021"],
            &["2", "2022", "Bằng khen của Bộ Y tế", "5678/QĐ-BYT", "15/11/2022"],
        ])
        .table(&[&["", ": GIÁM ĐỐC¶(Ký tên, đóng dấu)¶¶Nguyễn Văn Đông"]])
}

/// (7) A commune's collective (#32.3, #32.4): "- **Tên tập thể** …", a dash
/// and a bold label with no colon; the structure going on in a second
/// paragraph; the campaign named without quotes; a signature "GIÁM ĐỐC /
/// Trần Văn D" after the awards, typed in one paragraph.
pub fn commune() -> Doc {
    Doc::default()
        .table(&[&["UBND HUYỆN LÝ NHÂN¶**UBND XÃ NHÂN THỊNH**", MOTTO]])
        .p("**BÁO CÁO THÀNH TÍCH TẬP THỂ**")
        .p("Thành tích trong phong trào chung sức xây dựng nông thôn mới năm 2023")
        .p("**I. ĐẶC ĐIỂM TÌNH HÌNH**")
        .p("- **Tên tập thể** Hợp tác xã nông nghiệp Nhân Thịnh")
        .p("- **Quá trình thành lập** Thành lập năm 1997 theo Luật Hợp tác xã.")
        .p("- **Cơ cấu tổ chức** Hội đồng quản trị 5 người, Ban kiểm soát 3 người;")
        .p("có 1.150 xã viên ở 6 thôn.")
        .p("- **Chức năng, nhiệm vụ** Cung ứng giống, vật tư và làm dịch vụ thủy lợi cho xã viên.")
        .p("**II. THÀNH TÍCH ĐẠT ĐƯỢC**")
        .p("Doanh thu năm 2023 đạt 4,2 tỷ đồng, lãi 610 triệu đồng.")
        .p("**III. QUÁ TRÌNH KHEN THƯỞNG**")
        .p("- Năm 2021: Giấy khen của Chủ tịch UBND huyện Lý Nhân, Quyết định số 901/QĐ-UBND ngày 30/12/2021")
        .p("GIÁM ĐỐC\nTrần Văn D")
}

/// (7b) A farmer (#32.4): the campaign named by its words after "phong
/// trào", without quotes; section 1's labels typed plain, no colon.
pub fn farmer() -> Doc {
    Doc::default()
        .table(&[&[
            "HỘI NÔNG DÂN HUYỆN LÝ NHÂN¶**HỘI NÔNG DÂN XÃ NHÂN THỊNH**",
            MOTTO,
        ]])
        .p("**BÁO CÁO THÀNH TÍCH CÁ NHÂN**")
        .p("Thành tích trong phong trào nông dân sản xuất kinh doanh giỏi năm 2023")
        .p("I. Sơ lược lý lịch")
        .p("Họ và tên Trịnh Văn Sáu")
        .p("Ngày sinh 09/09/1971")
        .p("Quê quán xã Nhân Thịnh, huyện Lý Nhân")
        .p("Chức vụ, đơn vị công tác hội viên Chi hội Nông dân thôn 5")
        .p("II. Thành tích đạt được")
        .p("Trang trại lợn và cá cho thu nhập 900 triệu đồng mỗi năm.")
        .p("III. Các hình thức khen thưởng đã được nhận")
        .p("Không")
}

/// (8) A household named "Hộ bà …" in its title line (#32.6), the same
/// corrected and sent again under another name (#32.9).
pub fn household_named() -> Doc {
    Doc::default()
        .table(&[&["UBND HUYỆN BÌNH LỤC¶**UBND XÃ AN NỘI**", MOTTO]])
        .p("**BÁO CÁO THÀNH TÍCH HỘ GIA ĐÌNH**")
        .p("Phong trào “Chung sức xây dựng nông thôn mới”")
        .p("1. Sơ lược lý lịch")
        .p("- Họ và tên chủ hộ: Hộ bà Lê Thị Mai")
        .p("- Ngày sinh: 14/03/1965")
        .p("- Hộ khẩu thường trú: thôn An Thái, xã An Nội")
        .p("2. Thành tích đạt được")
        .p("Hiến 210 m² đất mở đường liên thôn.")
        .p("3. Quá trình khen thưởng")
        .p("Chưa có")
}

pub fn household_named_resent() -> Doc {
    Doc::default()
        .table(&[&["UBND HUYỆN BÌNH LỤC¶**UBND XÃ AN NỘI**", MOTTO]])
        .p("**BÁO CÁO THÀNH TÍCH HỘ GIA ĐÌNH**")
        .p("Phong trào “Chung sức xây dựng nông thôn mới”")
        .p("1. Sơ lược lý lịch")
        .p("- Họ và tên chủ hộ: Lê Thị Mai")
        .p("- Ngày sinh: 14/03/1965")
        .p("- Hộ khẩu thường trú: thôn An Thái, xã An Nội, huyện Bình Lục")
        .p("2. Thành tích đạt được")
        .p("Hiến 210 m² đất mở đường liên thôn; góp 15 ngày công.")
        .p("3. Quá trình khen thưởng")
        .p("Chưa có")
}

/// The peer product's catalogue sheet "DANHMUC" (#32.2, #32.5): codes in
/// column pairs.
fn danhmuc(book: &mut rust_xlsxwriter::Workbook) {
    let ws = book.add_worksheet();
    ws.set_name("DANHMUC").expect("sheet name");
    let rows: [[&str; 6]; 4] = [
        [
            "Mã số",
            "Hình thức khen thưởng",
            "Mã số",
            "Danh hiệu thi đua",
            "Mã phân loại cán bộ",
            "Phân loại cán bộ",
        ],
        [
            "1",
            "Huân chương Sao vàng",
            "11",
            "Chiến sĩ thi đua toàn quốc",
            "1",
            "Lãnh đạo",
        ],
        [
            "7",
            "Bằng khen của Chủ tịch UBND tỉnh",
            "14",
            "Chiến sĩ thi đua cơ sở",
            "2",
            "Công chức",
        ],
        [
            "8",
            "Giấy khen",
            "15",
            "Lao động tiên tiến",
            "3",
            "Người lao động",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).expect("cell");
        }
    }
}

fn sheet_rows(ws: &mut rust_xlsxwriter::Worksheet, first: u32, rows: &[&[&str]]) {
    for (i, r) in rows.iter().enumerate() {
        for (c, v) in r.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(first + i as u32, c as u16, *v)
                    .expect("cell");
            }
        }
    }
}

/// The peer's mixed list NHANDULIEU: sheet "DANHSACH" under a title row,
/// the kind by code per row, a household "Gia đình ông …", then DANHMUC.
pub fn peer_mixed() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("DANHSACH").expect("sheet name");
    sheet_rows(
        ws,
        0,
        &[
            &["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"],
            &[
                "STT",
                "Phân loại khen thưởng",
                "Tên tập thể/cá nhân/hộ gia đình",
                "Chức vụ",
                "Đơn vị công tác",
                "Danh hiệu thi đua/Hình thức khen thưởng",
                "Phân loại đối tượng",
                "Lĩnh vực hoạt động",
            ],
            &[
                "1",
                "TAPTHE",
                "Hợp tác xã dịch vụ nông nghiệp Đồng Du",
                "",
                "",
                "Bằng khen của Chủ tịch UBND tỉnh",
                "",
                "Nông nghiệp",
            ],
            &[
                "2",
                "CANHAN",
                "Trần Thị Lan",
                "Kế toán",
                "Hợp tác xã dịch vụ nông nghiệp Đồng Du",
                "Giấy khen",
                "",
                "Nông nghiệp",
            ],
            &[
                "3",
                "hogiadinh",
                "Gia đình ông Phạm Văn Tư",
                "",
                "",
                "Giấy khen",
                "",
                "",
            ],
        ],
    );
    danhmuc(&mut book);
    book.save_to_buffer().expect("workbook")
}

/// The peer's individuals' template CANHAN: department and unit in two
/// columns, award by code, gender "NU".
pub fn peer_individuals() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("DANHSACH").expect("sheet name");
    sheet_rows(
        ws,
        0,
        &[
            &["DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG"],
            &[
                "STT",
                "Họ và tên",
                "Giới tính",
                "Ngày sinh",
                "Chức vụ",
                "Tên phòng ban/khối, tổ công tác",
                "Tên đơn vị/tập thể công tác",
                "Địa chỉ / Nơi ở",
                "Mã phân loại cán bộ",
                "Mã hình thức khen thưởng",
                "Mã danh hiệu thi đua (nếu có)",
            ],
            &[
                "1",
                "Đỗ Thị Hạnh",
                "NU",
                "05/06/1983",
                "Phó trưởng phòng",
                "Phòng Kế hoạch - Tài chính",
                "Sở Nông nghiệp và Phát triển nông thôn",
                "phường Lê Hồng Phong, thành phố Phủ Lý",
                "2",
                "7",
                "",
            ],
            &[
                "2",
                "Vũ Văn Khải",
                "Nam",
                "17/10/1975",
                "Chuyên viên",
                "",
                "Chi cục Thủy lợi",
                "xã Tiên Hiệp, thành phố Phủ Lý",
                "2",
                "",
                "14",
            ],
            &[
                "3",
                "Lương Văn Tâm",
                "nam",
                "01/01/1990",
                "Nhân viên",
                "Tổ kỹ thuật",
                "",
                "",
                "3",
                "99",
                "",
            ],
        ],
    );
    danhmuc(&mut book);
    book.save_to_buffer().expect("workbook")
}

/// The peer's collectives' template TAPTHE.
pub fn peer_collectives() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("DANHSACH").expect("sheet name");
    sheet_rows(
        ws,
        0,
        &[
            &["DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG"],
            &[
                "STT",
                "Tên đơn vị / tập thể",
                "Mã phân loại tập thể",
                "Mã hình thức khen thưởng",
                "Mã danh hiệu thi đua (nếu có)",
            ],
            &["1", "Phòng Trồng trọt", "1", "7", ""],
            &["2", "Trạm Khuyến nông huyện Duy Tiên", "1", "8", ""],
        ],
    );
    danhmuc(&mut book);
    book.save_to_buffer().expect("workbook")
}

/// A list in the layout many offices use: "Năm sinh" heading two columns,
/// "Nam" | "Nữ", the year under the nominee's gender.
pub fn list_gender_columns() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Trang1").expect("sheet name");
    sheet_rows(
        ws,
        0,
        &[
            &["DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG"],
            &[
                "TT",
                "Họ và tên",
                "Năm sinh",
                "",
                "Chức vụ, đơn vị công tác",
                "Phong trào",
                "Hình thức khen thưởng đề nghị",
            ],
            &["", "", "Nam", "Nữ", "", "", ""],
            &[
                "1",
                "Lê Văn Toàn",
                "1972",
                "",
                "Trưởng thôn Đông, xã Mộc Bắc",
                "Chung sức xây dựng nông thôn mới",
                "Giấy khen",
            ],
            &[
                "2",
                "Đào Thị Nhung",
                "",
                "1985",
                "Chi hội trưởng phụ nữ thôn Đông",
                "Chung sức xây dựng nông thôn mới",
                "Giấy khen",
            ],
        ],
    );
    book.save_to_buffer().expect("workbook")
}

/// The units the files of #32's corpus come from, as a round names them.
pub const UNITS: &[(&str, &str)] = &[
    ("cong-an-kim-bang", "Công an huyện Kim Bảng"),
    ("bv-da-khoa", "Bệnh viện Đa khoa tỉnh"),
    ("xa-nhan-thinh", "UBND xã Nhân Thịnh"),
    ("xa-an-noi", "UBND xã An Nội"),
    ("so-nong-nghiep", "Sở Nông nghiệp và Phát triển nông thôn"),
];

/// Every corpus file under `dir`, as an inbox: one folder per unit where
/// the unit sent it so, loose files where not.
pub fn write_all(dir: &Path) {
    police().write(&dir.join("cong-an-kim-bang/bao cao thieu ta Duc.docx"));
    pharmacist().write(&dir.join("bv-da-khoa/BC thanh tich DS Ha.docx"));
    commune().write(&dir.join("xa-nhan-thinh/bao-cao-htx.docx"));
    farmer().write(&dir.join("xa-nhan-thinh/bc ong Sau.docx"));
    household_named().write(&dir.join("xa-an-noi/ho ba Mai.docx"));
    household_named_resent().write(&dir.join("xa-an-noi/ho ba Mai - bổ sung.docx"));
    for (unit, name, bytes) in [
        ("so-nong-nghiep", "NHANDULIEU.xlsx", peer_mixed()),
        ("so-nong-nghiep", "CANHAN.xlsx", peer_individuals()),
        ("so-nong-nghiep", "TAPTHE.xlsx", peer_collectives()),
        ("xa-an-noi", "DS nam nu.xlsx", list_gender_columns()),
    ] {
        std::fs::create_dir_all(dir.join(unit)).expect("folder");
        std::fs::write(dir.join(unit).join(name), bytes).expect("list");
    }
    doctor().write(&dir.join("bc-bs-thanh.docx"));
    collective().write(&dir.join("hoi-nong-dan/bao-cao-chi-hoi-dong-van.docx"));
    household().write(&dir.join("ly-nhan/bc ho ong Binh.docx"));
    teacher().write(&dir.join("bc-co-mai.docx"));
    std::fs::create_dir_all(dir.join("hoi-nong-dan")).expect("folder");
    std::fs::write(dir.join("hoi-nong-dan/danh-sach.xlsx"), list()).expect("list");
    std::fs::create_dir_all(dir.join("so-tu-phap")).expect("folder");
    std::fs::write(dir.join("so-tu-phap/DS de nghi.xlsx"), list_own_words()).expect("list");
}

/// A second list, in another clerk's words and order: five title rows, the
/// header on row 6 ("TT", "Họ tên", "Năm sinh", "Loại", "Phong trào thi
/// đua"…), no section rows, the kind in a column (with and without
/// diacritics), the campaign by its section or a few of its words, a note
/// under the table.
pub fn list_own_words() -> Vec<u8> {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Sheet1").expect("sheet name");
    let top = [
        "SỞ TƯ PHÁP TỈNH HÀ NAM",
        "",
        "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG",
        "Điển hình tiên tiến năm 2023",
        "",
    ];
    for (r, t) in top.iter().enumerate() {
        if !t.is_empty() {
            ws.write_string(r as u32, 1, *t).expect("title");
        }
    }
    let rows: [&[&str]; 5] = [
        &[
            "TT",
            "Họ tên",
            "Năm sinh",
            "Giới tính",
            "Chức vụ",
            "Đơn vị công tác",
            "Quê quán",
            "Loại",
            "Phong trào thi đua",
            "Tóm tắt thành tích",
            "Hình thức đề nghị",
        ],
        &[
            "1",
            "Nguyễn Văn Hùng",
            "1980",
            "Nam",
            "Trưởng phòng",
            "Sở Tư pháp",
            "xã Kim Bình, huyện Kim Bảng",
            "Cá nhân",
            "mục 3.5",
            "Rút ngắn 30% thời gian giải quyết hồ sơ lý lịch tư pháp",
            "Bằng khen của Chủ tịch UBND tỉnh",
        ],
        &[
            "2",
            "Phòng Hành chính tư pháp",
            "",
            "",
            "",
            "",
            "",
            "tap the",
            "cải cách hành chính",
            "100% hồ sơ trực tuyến toàn trình",
            "Giấy khen",
        ],
        &[],
        &["Ghi chú: danh sách gồm 02 đề nghị"],
    ];
    for (i, r) in rows.iter().enumerate() {
        for (c, v) in r.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(5 + i as u32, c as u16, *v).expect("cell");
            }
        }
    }
    book.save_to_buffer().expect("workbook")
}
