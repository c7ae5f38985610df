#!/usr/bin/env python3
"""Writes the held-out intake corpus (#32): reports and lists typed as
offices type them, in shapes the code was not developed on, and what a
person reading each one finds in it (expected.json).

Written last, in another style than tests/all/corpus (raw WordprocessingML
and SpreadsheetML strings, not a builder), by someone reading real
Vietnamese reports rather than kh's code. kh never sees expected.json: the
test `intake_trust::heldout_field_by_field` imports the folder with no flags
and reports, field by field, exact / changed / lost / invented.

    python3 scripts/make-heldout.py tests/heldout

The outputs are committed, so that CI needs no Python.
"""
import json
import os
import sys
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FIXED_TIME = (2023, 9, 20, 8, 0, 0)


def zwrite(path, parts):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def r(text, bold=False, italic=False):
    props = ""
    if bold or italic:
        props = "<w:rPr>" + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + "</w:rPr>"
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:r>%s<w:br/></w:r>" % props)
        if line:
            out.append('<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (props, escape(line)))
    return "".join(out)


def p(*runs, center=False):
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    return "<w:p>%s%s</w:p>" % (ppr, "".join(runs))


def tbl(rows, borders=True):
    b = ""
    if not borders:
        b = '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
    out = ["<w:tbl><w:tblPr>%s</w:tblPr>" % b]
    for row in rows:
        out.append("<w:tr>")
        for cell in row:
            paras = cell if isinstance(cell, list) else [cell]
            out.append("<w:tc>" + "".join(x if x.startswith("<w:p>") else p(r(x)) for x in paras) + "</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def docx(path, body):
    doc = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s<w:sectPr/></w:body></w:document>' % (W, "".join(body))
    ct = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    zwrite(path, [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)])


def col(i):
    s = ""
    i += 1
    while i:
        i, m = divmod(i - 1, 26)
        s = chr(65 + m) + s
    return s


def xlsx(path, sheets):
    """sheets: [(name, [[cell, ...], ...])]; cells are text (inline
    strings) or ("date", y, m, d) for a date cell."""
    parts = []
    wb_sheets, wb_rels, ct_over = [], [], []
    for n, (name, rows) in enumerate(sheets, 1):
        xml_rows = []
        for ri, row in enumerate(rows, 1):
            cells = []
            for ci, v in enumerate(row):
                ref = "%s%d" % (col(ci), ri)
                if v == "" or v is None:
                    continue
                if isinstance(v, tuple):
                    import datetime
                    serial = (datetime.date(v[1], v[2], v[3]) - datetime.date(1899, 12, 30)).days
                    cells.append('<c r="%s" s="1"><v>%d</v></c>' % (ref, serial))
                else:
                    cells.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, escape(v)))
            xml_rows.append('<row r="%d">%s</row>' % (ri, "".join(cells)))
        parts.append(("xl/worksheets/sheet%d.xml" % n,
                      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % "".join(xml_rows)))
        wb_sheets.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(name), n, n))
        wb_rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (n, n))
        ct_over.append('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % n)
    n = len(sheets) + 1
    wb_rels.append('<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' % n)
    parts.append(("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>%s</sheets></workbook>' % "".join(wb_sheets)))
    parts.append(("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % "".join(wb_rels)))
    parts.append(("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'))
    parts.append(("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
    parts.append(("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>%s</Types>' % "".join(ct_over)))
    zwrite(path, parts)


MOTTO = [p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True), center=True),
         p(r("Độc lập - Tự do - Hạnh phúc", bold=True), center=True)]


def head(left_lines):
    return tbl([[[p(r(l, bold=i == len(left_lines) - 1), center=True) for i, l in enumerate(left_lines)], MOTTO]], borders=False)


def main(out):
    expected = {}

    # 1. A school principal: "Họ tên:", "Sinh ngày", underscores as filler,
    # the combined line, awards numbered with a dash, signature "T/M … /
    # HIỆU TRƯỞNG" and a name.
    docx(os.path.join(out, "truong-thpt-a/BC thanh tich co Nga.docx"), [
        head(["SỞ GD&ĐT HÀ NAM", "TRƯỜNG THPT A PHỦ LÝ"]),
        p(r("BÁO CÁO THÀNH TÍCH", bold=True), center=True),
        p(r("Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh", italic=True), center=True),
        p(r("(Phong trào thi đua “Dạy tốt - học tốt”)"), center=True),
        p(r("I. SƠ LƯỢC LÝ LỊCH", bold=True)),
        p(r("1. Họ tên: Phạm Thị Nga")),
        p(r("2. Sinh ngày: 15/8/1976")),
        p(r("3. Quê quán: xã Liêm Chung, thành phố Phủ Lý")),
        p(r("4. Chức vụ, đơn vị công tác: Hiệu trưởng Trường THPT A Phủ Lý")),
        p(r("II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True)),
        p(r("Tỷ lệ học sinh tốt nghiệp THPT đạt 100% trong ba năm liền.")),
        p(r("Có 14 học sinh đạt giải học sinh giỏi cấp tỉnh năm học 2022 - 2023.")),
        p(r("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", bold=True)),
        p(r("- Năm 2020 - Chiến sĩ thi đua cơ sở, QĐ số 215/QĐ-SGDĐT ngày 10/8/2020")),
        p(r("- Năm 2022 - Bằng khen của Bộ Giáo dục và Đào tạo, QĐ số 3301/QĐ-BGDĐT ngày 25/10/2022")),
        tbl([["", [p(r("T/M BAN GIÁM HIỆU", bold=True), center=True), p(r("HIỆU TRƯỞNG", bold=True), center=True), p(r("")), p(r("Phạm Thị Nga", bold=True), center=True)]]], borders=False),
    ])
    expected["truong-thpt-a/BC thanh tich co Nga.docx"] = [{
        "kind": "ca-nhan", "campaign": "day-tot-hoc-tot",
        "nominee.full_name": "Phạm Thị Nga", "nominee.birth_date": "15/08/1976",
        "nominee.hometown": "xã Liêm Chung, thành phố Phủ Lý",
        "nominee.workplace": "Hiệu trưởng Trường THPT A Phủ Lý",
        "achievements": 2,
        "awards": [[2020, "Chiến sĩ thi đua cơ sở", "215/QĐ-SGDĐT", "10/08/2020"],
                   [2022, "Bằng khen của Bộ Giáo dục và Đào tạo", "3301/QĐ-BGDĐT", "25/10/2022"]],
    }]

    # 2. A village's collective with its labels in a two-column table, a
    # value over two paragraphs in a cell, awards as a table with "Cơ quan
    # ban hành", a "Nơi nhận" at the end.
    docx(os.path.join(out, "xa-thanh-ha/bao cao thon Do Xa.docx"), [
        head(["UBND HUYỆN THANH LIÊM", "UBND XÃ THANH HÀ"]),
        p(r("BÁO CÁO THÀNH TÍCH TẬP THỂ", bold=True), center=True),
        p(r("Thực hiện phong trào thi đua “Chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2023"), center=True),
        p(r("1. Đặc điểm, tình hình", bold=True)),
        tbl([
            ["Tên tập thể:", "Thôn Đỗ Xá, xã Thanh Hà"],
            ["Quá trình thành lập:", [p(r("Thôn được thành lập từ năm 1947.")), p(r("Năm 2019 sáp nhập thêm xóm Trại."))]],
            ["Cơ cấu tổ chức:", "Chi bộ 62 đảng viên, Ban công tác Mặt trận, 5 chi hội đoàn thể"],
            ["Chức năng, nhiệm vụ:", "Tự quản cộng đồng dân cư theo Luật Thực hiện dân chủ ở cơ sở"],
        ]),
        p(r("2. Thành tích đạt được", bold=True)),
        p(r("Nhân dân hiến 3.600 m² đất, đóng góp 2,1 tỷ đồng làm 4,2 km đường thôn.")),
        p(r("Thôn đạt chuẩn khu dân cư nông thôn mới kiểu mẫu năm 2023.")),
        p(r("3. Các hình thức khen thưởng", bold=True)),
        tbl([
            ["STT", "Năm", "Hình thức khen thưởng", "Số, ngày, tháng, năm quyết định", "Cơ quan ban hành"],
            ["1", "2021", "Giấy khen", "1120/QĐ-UBND ngày 28/12/2021", "UBND huyện Thanh Liêm"],
        ]),
        p(r("Nơi nhận:", bold=True, italic=True)),
        p(r("- Như trên;\n- Lưu VP.")),
    ])
    expected["xa-thanh-ha/bao cao thon Do Xa.docx"] = [{
        "kind": "tap-the", "campaign": "nong-thon-moi",
        "nominee.name": "Thôn Đỗ Xá, xã Thanh Hà",
        "nominee.founded": "Thôn được thành lập từ năm 1947. Năm 2019 sáp nhập thêm xóm Trại",
        "nominee.structure": "Chi bộ 62 đảng viên, Ban công tác Mặt trận, 5 chi hội đoàn thể",
        "nominee.duties": "Tự quản cộng đồng dân cư theo Luật Thực hiện dân chủ ở cơ sở",
        "achievements": 2,
        "awards": [[2021, "Giấy khen", "1120/QĐ-UBND", "28/12/2021"]],
    }]

    # 3. A household report in the plan's shared form, the head's label in
    # brackets, an address on two lines, awards "Không có", the commune's
    # confirmation and the head's signature in a two-cell table.
    docx(os.path.join(out, "xa-thanh-ha/ho ong Quy.docx"), [
        head(["UBND XÃ THANH HÀ"]),
        p(r("BÁO CÁO THÀNH TÍCH", bold=True), center=True),
        p(r("HỘ GIA ĐÌNH, CÁ NHÂN ĐIỂN HÌNH TIÊN TIẾN", bold=True), center=True),
        p(r("Phong trào “Chung sức xây dựng nông thôn mới”", italic=True), center=True),
        p(r("1. Sơ lược lý lịch")),
        p(r("- Họ và tên (chủ hộ): Nguyễn Văn Quý")),
        p(r("- Ngày, tháng, năm sinh: 1955")),
        p(r("- Quê quán: thôn Đỗ Xá, xã Thanh Hà")),
        p(r("- Chức vụ, đơn vị công tác (hoặc hộ khẩu thường trú): thôn Đỗ Xá,\nxã Thanh Hà, huyện Thanh Liêm")),
        p(r("2. Thành tích tiêu biểu xuất sắc đã đạt được")),
        p(r("Gia đình tự nguyện hiến 450 m² đất vườn để mở rộng đường trục thôn.")),
        p(r("3. Quá trình khen thưởng")),
        p(r("Không có.")),
        tbl([[[p(r("XÁC NHẬN CỦA UBND XÃ", bold=True)), p(r("CHỦ TỊCH", bold=True)), p(r("Đinh Văn Hòa"))],
              [p(r("CHỦ HỘ", bold=True)), p(r("(Ký, ghi rõ họ tên)", italic=True)), p(r("Nguyễn Văn Quý"))]]], borders=False),
    ])
    expected["xa-thanh-ha/ho ong Quy.docx"] = [{
        "kind": "ho-gia-dinh", "campaign": "nong-thon-moi",
        "nominee.full_name": "Nguyễn Văn Quý", "nominee.birth_date": "1955",
        "nominee.hometown": "thôn Đỗ Xá, xã Thanh Hà",
        "nominee.residence": "thôn Đỗ Xá, xã Thanh Hà, huyện Thanh Liêm",
        "achievements": 1, "awards": [],
    }]

    # 4. A soldier: labels in bold with their value after a tab, "Năm sinh",
    # the campaign as "Thi đua Quyết thắng", awards as lines "Năm 2021:",
    # signed by rank and name.
    docx(os.path.join(out, "bo-chqs-tinh/bc thuong uy Long.docx"), [
        head(["BỘ CHQS TỈNH HÀ NAM", "BAN CHQS HUYỆN DUY TIÊN"]),
        p(r("BÁO CÁO THÀNH TÍCH CÁ NHÂN", bold=True), center=True),
        p(r("Trong phong trào Thi đua Quyết thắng năm 2023", italic=True), center=True),
        p(r("I. SƠ LƯỢC LÝ LỊCH", bold=True)),
        p(r("Họ và tên:", bold=True), r("\tNgô Đức Long")),
        p(r("Năm sinh:", bold=True), r("\t04/12/1990")),
        p(r("Quê quán:", bold=True), r("\txã Hoàng Đông, thị xã Duy Tiên")),
        p(r("Chức vụ:", bold=True), r("\tTrợ lý Tác chiến")),
        p(r("Đơn vị công tác:", bold=True), r("\tBan CHQS thị xã Duy Tiên")),
        p(r("II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True)),
        p(r("Hoàn thành xuất sắc nhiệm vụ huấn luyện, 100% nội dung đạt khá, giỏi.")),
        p(r("III. KHEN THƯỞNG", bold=True)),
        p(r("Năm 2021: Chiến sĩ thi đua cơ sở, Quyết định số 88/QĐ-BCH ngày 05/01/2022")),
        p(r("Năm 2022: Giấy khen của Chỉ huy trưởng Bộ CHQS tỉnh, Quyết định số 412/QĐ-BCH ngày 20/12/2022")),
        p(r("CHỈ HUY TRƯỞNG", bold=True), center=True),
        p(r("Thượng tá Trần Quang Vinh", bold=True), center=True),
    ])
    expected["bo-chqs-tinh/bc thuong uy Long.docx"] = [{
        "kind": "ca-nhan", "campaign": "quyet-thang",
        "nominee.full_name": "Ngô Đức Long", "nominee.birth_date": "04/12/1990",
        "nominee.hometown": "xã Hoàng Đông, thị xã Duy Tiên",
        "nominee.position": "Trợ lý Tác chiến", "nominee.workplace": "Ban CHQS thị xã Duy Tiên",
        "achievements": 1,
        "awards": [[2021, "Chiến sĩ thi đua cơ sở", "88/QĐ-BCH", "05/01/2022"],
                   [2022, "Giấy khen của Chỉ huy trưởng Bộ CHQS tỉnh", "412/QĐ-BCH", "20/12/2022"]],
    }]

    # 5. A women's union cadre: labels after "+", no colon, in bold; a long
    # workplace over a line break.
    docx(os.path.join(out, "hoi-lhpn/BC chi Thuy.docx"), [
        head(["HỘI LHPN TỈNH HÀ NAM", "HỘI LHPN HUYỆN BÌNH LỤC"]),
        p(r("BÁO CÁO THÀNH TÍCH CÁ NHÂN", bold=True), center=True),
        p(r("Phong trào “Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc”"), center=True),
        p(r("I. Sơ lược lý lịch", bold=True)),
        p(r("+ "), r("Họ và tên", bold=True), r(" Lã Thị Thủy")),
        p(r("+ "), r("Ngày sinh", bold=True), r(" 30/04/1982")),
        p(r("+ "), r("Quê quán", bold=True), r(" xã Bồ Đề, huyện Bình Lục")),
        p(r("+ "), r("Chức vụ", bold=True), r(" Chủ tịch Hội LHPN xã Bồ Đề")),
        p(r("+ "), r("Đơn vị công tác", bold=True), r(" Hội Liên hiệp phụ nữ xã Bồ Đề,\nhuyện Bình Lục")),
        p(r("II. Thành tích đạt được", bold=True)),
        p(r("Vận động 35 hội viên vay vốn phát triển kinh tế, 12 hộ thoát nghèo.")),
        p(r("III. Hình thức khen thưởng đã nhận", bold=True)),
        p(r("Chưa có")),
        p(r("NGƯỜI VIẾT BÁO CÁO", bold=True), center=True),
        p(r("Lã Thị Thủy"), center=True),
    ])
    expected["hoi-lhpn/BC chi Thuy.docx"] = [{
        "kind": "ca-nhan", "campaign": "phu-nu-tich-cuc",
        "nominee.full_name": "Lã Thị Thủy", "nominee.birth_date": "30/04/1982",
        "nominee.hometown": "xã Bồ Đề, huyện Bình Lục",
        "nominee.position": "Chủ tịch Hội LHPN xã Bồ Đề",
        "nominee.workplace": "Hội Liên hiệp phụ nữ xã Bồ Đề, huyện Bình Lục",
        "achievements": 1, "awards": [],
    }]

    # 6. A list in a clerk's own layout: the unit's name in its title, the
    # kind in a column, birth dates as Excel date cells, two households
    # named "Hộ ông"/"Hộ bà".
    xlsx(os.path.join(out, "hoi-nong-dan-tinh/danh sach de nghi.xlsx"), [("Danh sach", [
        ["HỘI NÔNG DÂN TỈNH HÀ NAM"],
        ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG ĐIỂN HÌNH TIÊN TIẾN NĂM 2023"],
        [],
        ["TT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ, đơn vị công tác hoặc địa chỉ", "Đối tượng", "Phong trào", "Hình thức đề nghị khen thưởng"],
        ["1", "Hộ ông Đặng Văn Khang", ("date", 1962, 7, 2), "Nam", "thôn Thượng, xã Nhân Chính, huyện Lý Nhân", "Hộ gia đình", "Nông dân thi đua sản xuất kinh doanh giỏi", "Bằng khen của Chủ tịch UBND tỉnh"],
        ["2", "Hộ bà Trương Thị Yến", ("date", 1970, 11, 19), "Nữ", "thôn Hạ, xã Nhân Chính, huyện Lý Nhân", "Hộ gia đình", "Nông dân thi đua sản xuất kinh doanh giỏi", "Giấy khen"],
        ["3", "Mai Văn Cường", ("date", 1980, 3, 8), "Nam", "Phó Chủ tịch Hội Nông dân xã Nhân Chính", "Cá nhân", "Dân vận khéo", "Giấy khen"],
        [],
        ["", "Tổng số: 03 hồ sơ"],
    ])])
    expected["hoi-nong-dan-tinh/danh sach de nghi.xlsx"] = [
        {"row": 5, "kind": "ho-gia-dinh", "campaign": "nong-dan-san-xuat-gioi",
         "nominee.full_name": "Đặng Văn Khang", "nominee.birth_date": "02/07/1962", "nominee.gender": "Nam",
         "nominee.residence": "thôn Thượng, xã Nhân Chính, huyện Lý Nhân",
         "proposed_award": "Bằng khen của Chủ tịch UBND tỉnh"},
        {"row": 6, "kind": "ho-gia-dinh", "campaign": "nong-dan-san-xuat-gioi",
         "nominee.full_name": "Trương Thị Yến", "nominee.birth_date": "19/11/1970", "nominee.gender": "Nữ",
         "nominee.residence": "thôn Hạ, xã Nhân Chính, huyện Lý Nhân", "proposed_award": "Giấy khen"},
        {"row": 7, "kind": "ca-nhan", "campaign": "dan-van-kheo",
         "nominee.full_name": "Mai Văn Cường", "nominee.birth_date": "08/03/1980", "nominee.gender": "Nam",
         "nominee.workplace": "Phó Chủ tịch Hội Nông dân xã Nhân Chính", "proposed_award": "Giấy khen"},
    ]

    # 7. The peer product's individuals' template, its catalogue sheet first.
    xlsx(os.path.join(out, "so-tai-chinh/CANHAN.xlsx"), [
        ("DANHMUC", [
            ["Mã số", "Hình thức khen thưởng", "", "Mã số", "Danh hiệu thi đua"],
            ["5", "Bằng khen của Chủ tịch UBND tỉnh", "", "21", "Chiến sĩ thi đua cơ sở"],
            ["6", "Giấy khen của Giám đốc Sở", "", "22", "Lao động tiên tiến"],
        ]),
        ("DANHSACH", [
            ["DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023"],
            ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Tên phòng ban/khối, tổ công tác", "Tên đơn vị/tập thể công tác", "Địa chỉ / Nơi ở", "Mã phân loại cán bộ", "Mã hình thức khen thưởng", "Mã danh hiệu thi đua (nếu có)"],
            ["1", "Quách Thị Liên", "nu", "12/12/1984", "Trưởng phòng", "Phòng Quản lý ngân sách", "Sở Tài chính", "phường Hai Bà Trưng, thành phố Phủ Lý", "2", "5", ""],
            ["2", "Tạ Văn Hưng", "NAM", "23/06/1979", "Chuyên viên", "Văn phòng Sở", "Sở Tài chính", "xã Đinh Xá, thành phố Phủ Lý", "2", "", "21"],
        ]),
    ])
    expected["so-tai-chinh/CANHAN.xlsx"] = [
        {"row": 3, "kind": "ca-nhan", "nominee.full_name": "Quách Thị Liên", "nominee.gender": "Nữ",
         "nominee.birth_date": "12/12/1984", "nominee.position": "Trưởng phòng",
         "nominee.workplace": "Phòng Quản lý ngân sách, Sở Tài chính",
         "nominee.residence": "phường Hai Bà Trưng, thành phố Phủ Lý",
         "proposed_award": "Bằng khen của Chủ tịch UBND tỉnh"},
        {"row": 4, "kind": "ca-nhan", "nominee.full_name": "Tạ Văn Hưng", "nominee.gender": "Nam",
         "nominee.birth_date": "23/06/1979", "nominee.position": "Chuyên viên",
         "nominee.workplace": "Văn phòng Sở, Sở Tài chính",
         "nominee.residence": "xã Đinh Xá, thành phố Phủ Lý",
         "proposed_award": "Chiến sĩ thi đua cơ sở"},
    ]

    units = {
        "truong-thpt-a": "Trường THPT A Phủ Lý",
        "xa-thanh-ha": "UBND xã Thanh Hà",
        "bo-chqs-tinh": "Bộ Chỉ huy Quân sự tỉnh",
        "hoi-lhpn": "Hội Liên hiệp phụ nữ tỉnh",
        "hoi-nong-dan-tinh": "Hội Nông dân tỉnh",
        "so-tai-chinh": "Sở Tài chính",
    }
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump({"units": units, "sources": expected}, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("cách dùng: python3 scripts/make-heldout.py THƯ_MỤC")
    main(sys.argv[1])
