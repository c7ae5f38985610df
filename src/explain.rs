//! What each rule checks, where it comes from, an example that fires it and
//! how to mend it, in both languages (`kh explain RULE`, SPEC §14). SARIF's
//! rule descriptions and the README's rule table draw on the same text.

use serde::Serialize;

use crate::lang::Lang;

/// How much a problem holds a nomination back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The nomination cannot go forward.
    Error,
    /// A reviewer must look.
    Warning,
    /// Information.
    Note,
}

/// One file of an example tree, below the round's root.
#[derive(Clone, Copy, Debug)]
pub enum File {
    /// UTF-8 text.
    Text(&'static str),
    /// The text saved as Latin-1 (Windows-1252), as an old editor would.
    Latin1(&'static str),
    /// The text followed by comment lines past 1 MiB.
    Padded(&'static str),
    /// A symbolic link to another path of the tree.
    Link(&'static str),
    /// A FIFO (a named pipe).
    Fifo,
    /// The text, at a path whose file name is written in Latin-1 (not UTF-8).
    Latin1Name(&'static str),
    /// A folder nested past the system's limit on a path's length, with a
    /// nomination at its bottom.
    PastPathLimit,
}

/// A rule in words.
#[derive(Clone, Copy, Debug)]
pub struct Text {
    /// One sentence: what the rule checks.
    pub what: &'static str,
    /// The plan's section, the contract or the law it comes from.
    pub source: &'static str,
    /// How to mend the file.
    pub fix: &'static str,
}

#[derive(Clone, Copy, Debug)]
pub struct Explanation {
    pub rule: Rule,
    pub vi: Text,
    pub en: Text,
    /// A round that fires the rule: each unit folder gets a `unit.toml` and
    /// the root a `kh.toml` for 2023 unless the example writes its own.
    pub example: &'static [(&'static str, File)],
}

impl Explanation {
    pub fn text(&self, lang: Lang) -> &Text {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// A clean individual's nomination (§3.10), the base of most examples.
macro_rules! person {
    ($($extra:literal)?) => {
        concat!(
            "campaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Đinh Văn Thành\"\nbirth_date = 1978-12-01\nhometown = \"xã An Lão, huyện Bình Lục\"\nworkplace = \"Trung tâm Y tế huyện Bình Lục\"\n\n[[achievements]]\ntext = \"Phẫu thuật nội soi 320 ca\"\n\n[facts]\nrating = \"hoan-thanh-xuat-sac\"\n"
            $(, $extra)?
        )
    };
}

const PERSON: File = File::Text(person!());
const COLLECTIVE: &str = "campaign = \"nong-thon-moi\"\nkind = \"tap-the\"\n\n[nominee]\nname = \"Ủy ban nhân dân xã Nhân Thịnh\"\nfounded = \"Thành lập năm 1946\"\nstructure = \"Chủ tịch, 02 Phó Chủ tịch, 11 công chức\"\nduties = \"Quản lý nhà nước trên địa bàn xã\"\n\n[[achievements]]\ntext = \"Đạt 19/19 tiêu chí nông thôn mới nâng cao\"\n";

macro_rules! declare_rules {
    ($($rule:ident = $code:literal, $sev:ident {
        vi: $vw:literal, $vs:literal, $vf:literal;
        en: $ew:literal, $es:literal, $ef:literal;
        example: [$($path:literal => $file:expr),* $(,)?];
    })+) => {
        /// Every rule code of the contract (SPEC §3–§7, §10, §15), with its
        /// severity.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule { $($rule),+ }

        impl Rule {
            pub const ALL: &'static [Rule] = &[$(Rule::$rule),+];

            /// The stable code scripts rely on; it never changes with the language.
            pub fn code(self) -> &'static str {
                match self { $(Rule::$rule => $code),+ }
            }

            pub fn severity(self) -> Severity {
                match self { $(Rule::$rule => Severity::$sev),+ }
            }
        }

        /// Every rule, in the order of [`Rule::ALL`].
        pub const EXPLANATIONS: &[Explanation] = &[$(Explanation {
            rule: Rule::$rule,
            vi: Text { what: $vw, source: $vs, fix: $vf },
            en: Text { what: $ew, source: $es, fix: $ef },
            example: &[$(($path, $file)),*],
        }),+];
    };
}

// The rules, each declared once: its code, its severity, what it checks
// and where that comes from, how to mend it, in both languages, and a round
// that fires it (`kh explain`, SARIF's descriptors, the README's table and
// the reference come from here or are tested against it). A new rule is one
// entry here, the finding that breaks it (a `What` in messages.rs, worded
// there and naming this rule in `What::rule`), and its check, which records
// the finding: the code and severity follow from it.
declare_rules! {
    ParseError = "parse-error", Error {
        vi: "Tệp TOML sai cú pháp: thiếu dấu ngoặc kép, dấu bằng, hoặc một văn bản xuống dòng trong dấu \"…\".",
            "SPEC §7; cú pháp TOML 1.0.",
            "Đóng ngoặc kép; văn bản có ngoặc kép bên trong dùng “ ” hoặc '''…'''; văn bản nhiều dòng viết trong \"\"\"…\"\"\".";
        en: "The TOML does not parse: a missing quote or equals sign, or a line break inside \"…\".",
            "SPEC §7; the TOML 1.0 syntax.",
            "Close the quote; a text with quotes inside uses “ ” or '''…'''; a text over several lines goes in \"\"\"…\"\"\".";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"y-te-hai-long\nkind = \"ca-nhan\"\n")];
    }
    NotUtf8 = "not-utf8", Error {
        vi: "Tệp không được mã hóa UTF-8 (thường do lưu bằng bảng mã cũ như Windows-1258).",
            "SPEC §7.",
            "Mở tệp và lưu lại với bảng mã UTF-8.";
        en: "The file is not UTF-8 (usually saved in an old code page such as Windows-1258).",
            "SPEC §7.",
            "Open the file and save it again as UTF-8.";
        example: ["don-vi/de-nghi.toml" => File::Latin1("campaign = \"y-te-hai-long\"\n# Lê Văn\n")];
    }
    FileTooLarge = "file-too-large", Error {
        vi: "Tệp lớn hơn 1 MiB nên không được đọc: một đề nghị chỉ là văn bản, ảnh và bản quét để riêng.",
            "SPEC §7.",
            "Bỏ phần dán thừa; đặt ảnh, bản quét thành tệp riêng trong thư mục đơn vị.";
        en: "Over 1 MiB, so not parsed: a nomination is text; scans and pictures are files of their own.",
            "SPEC §7.",
            "Remove what was pasted in; keep scans and pictures as separate files in the unit folder.";
        example: ["don-vi/de-nghi.toml" => File::Padded(person!())];
    }
    IoError = "io-error", Error {
        vi: "Hệ thống không cho đọc tệp hay thư mục (quyền đọc, đường dẫn quá dài, ổ đĩa lỗi).",
            "SPEC §7.",
            "Kiểm tra quyền đọc; rút ngắn tên thư mục; chép hồ sơ sang ổ đĩa khác.";
        en: "The system will not let a file or folder be read (permissions, a path too long, a failing disk).",
            "SPEC §7.",
            "Check read permissions; shorten folder names; copy the round to another disk.";
        example: ["don-vi/a.toml" => PERSON, "don-vi/sau" => File::PastPathLimit];
    }
    NotRegularFile = "not-regular-file", Error {
        vi: "Ở chỗ một tệp lại là FIFO, socket, thiết bị hay thư mục: kh không bao giờ mở để đọc, nên không bao giờ bị treo.",
            "SPEC §7.",
            "Thay bằng tệp thật.";
        en: "A FIFO, socket, device or folder stands where a file should: kh never opens it for reading, so it never hangs.",
            "SPEC §7.",
            "Put a real file there.";
        example: ["don-vi/a.toml" => PERSON, "don-vi/ong.toml" => File::Fifo];
    }
    NonUtf8Name = "non-utf8-name", Warning {
        vi: "Tên tệp hay thư mục không được mã hóa UTF-8 (thường do giải nén tệp .zip tạo trên máy cũ): kh vẫn kiểm tra tệp, tên được viết với byte lạ dạng \\xNN.",
            "SPEC §7.",
            "Đổi tên tệp hay thư mục, gõ lại tên tiếng Việt.";
        en: "A file or folder name that is not UTF-8 (usually from a .zip made on an old machine): kh still checks the file and names it with stray bytes as \\xNN.",
            "SPEC §7.",
            "Rename the file or folder, typing the Vietnamese name again.";
        example: ["don-vi/bé.toml" => File::Latin1Name(person!())];
    }
    LinkSkipped = "link-skipped", Warning {
        vi: "Liên kết tượng trưng (symlink) ở chỗ một đơn vị hay một tệp: kh không đi theo liên kết, nên nói ra rằng đã bỏ qua.",
            "SPEC §2.",
            "Chép thư mục hay tệp thật vào cây hồ sơ thay cho liên kết.";
        en: "A symbolic link where a unit or a file should be: kh does not follow links, and says it skipped it.",
            "SPEC §2.",
            "Copy the real folder or file into the round instead of the link.";
        example: ["don-vi/a.toml" => PERSON, "don-vi/lien-ket.toml" => File::Link("don-vi/a.toml")];
    }
    MissingField = "missing-field", Error {
        vi: "Thiếu một trường bắt buộc của mẫu báo cáo thành tích.",
            "Hai mẫu báo cáo kèm kế hoạch; SPEC §3.1.",
            "Thêm trường còn thiếu (kh nominate new viết sẵn mọi trường).";
        en: "A required field of the form is missing.",
            "The two forms attached to the plan; SPEC §3.1.",
            "Add the missing field (kh nominate new writes every field).";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Đinh Văn Thành\"\nbirth_date = 1978-12-01\nworkplace = \"Trung tâm Y tế huyện Bình Lục\"\n\n[[achievements]]\ntext = \"Phẫu thuật nội soi 320 ca\"\n")];
    }
    EmptyField = "empty-field", Error {
        vi: "Một trường bắt buộc còn để trống \"\".",
            "SPEC §3.2.",
            "Điền nội dung vào giữa hai dấu ngoặc kép.";
        en: "A required field is left blank \"\".",
            "SPEC §3.2.",
            "Write the value between the quotes.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Đinh Văn Thành\"\nbirth_date = 1978-12-01\nhometown = \"\"\nworkplace = \"Trung tâm Y tế huyện Bình Lục\"\n\n[[achievements]]\ntext = \"Phẫu thuật nội soi 320 ca\"\n")];
    }
    InvalidValue = "invalid-value", Error {
        vi: "Giá trị sai kiểu, ngoài danh sách cho phép hoặc ngoài khoảng (số âm, quá lớn, NaN).",
            "SPEC §3.2, §4.1.",
            "Dùng một giá trị trong danh sách gợi ý; số viết không có ngoặc kép.";
        en: "A value of the wrong type, not in its list, or out of range (negative, too large, NaN).",
            "SPEC §3.2, §4.1.",
            "Use one of the values the hint lists; write numbers without quotes.";
        example: ["don-vi/de-nghi.toml" => File::Text(person!("late_dossiers = -1\n"))];
    }
    UnknownField = "unknown-field", Error {
        vi: "Một trường mà mẫu không có (thường do gõ sai tên); kh gợi ý tên gần nhất.",
            "SPEC §3.1.",
            "Sửa tên trường theo gợi ý, hoặc bỏ dòng.";
        en: "A key no form has (usually a typo); kh suggests the closest.",
            "SPEC §3.1.",
            "Rename the key as suggested, or remove the line.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Đinh Văn Thành\"\nbirth_date = 1978-12-01\nhome_town = \"xã An Lão\"\nhometown = \"xã An Lão\"\nworkplace = \"Trung tâm Y tế huyện Bình Lục\"\n\n[[achievements]]\ntext = \"Phẫu thuật nội soi 320 ca\"\n")];
    }
    FieldNotForKind = "field-not-for-kind", Error {
        vi: "Trường của mẫu loại điển hình khác (ví dụ tên tập thể trong đề nghị cá nhân), hoặc bảng [model] ngoài phong trào “Dân vận khéo”.",
            "Hai mẫu báo cáo kèm kế hoạch; SPEC §3.1, §4.1.",
            "Bỏ trường đó, hoặc kiểm tra lại `kind`.";
        en: "A field of another kind's form (a collective's name on an individual), or [model] outside “Dân vận khéo”.",
            "The plan's two forms; SPEC §3.1, §4.1.",
            "Remove the field, or check `kind`.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\n\n[nominee]\nname = \"Trung tâm Y tế\"\nfull_name = \"Đinh Văn Thành\"\nbirth_date = 1978-12-01\nhometown = \"xã An Lão\"\nworkplace = \"Trung tâm Y tế huyện Bình Lục\"\n\n[[achievements]]\ntext = \"Phẫu thuật nội soi 320 ca\"\n")];
    }
    InvalidDate = "invalid-date", Error {
        vi: "Ngày không đọc được hoặc không có trên lịch (31/02).",
            "SPEC §3.2.",
            "Viết \"12/04/1968\" (ngày/tháng/năm) hoặc 1968-04-12 không có ngoặc kép.";
        en: "A date that cannot be read or is not on the calendar (31/02).",
            "SPEC §3.2.",
            "Write \"12/04/1968\" (day/month/year) or 1968-04-12 without quotes.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Đinh Văn Thành\"\nbirth_date = \"31/02/1978\"\nhometown = \"xã An Lão\"\nworkplace = \"Trung tâm Y tế huyện Bình Lục\"\n\n[[achievements]]\ntext = \"Phẫu thuật nội soi 320 ca\"\n")];
    }
    DateInFuture = "date-in-future", Error {
        vi: "Ngày sau ngày chốt của đợt (`as_of`, mặc định 31/12 của năm đợt).",
            "SPEC §2, §3.2.",
            "Kiểm tra lại năm; nếu đợt xét đến ngày khác, ghi `as_of` trong kh.toml.";
        en: "A date after the round's `as_of` day (31 December of its year by default).",
            "SPEC §2, §3.2.",
            "Check the year; if the round is judged on another day, set `as_of` in kh.toml.";
        example: ["don-vi/de-nghi.toml" => File::Text(person!("\n[[awards]]\nyear = 2023\ntitle = \"Giấy khen\"\ndate = 2030-01-01\n"))];
    }
    ImplausibleAge = "implausible-age", Error {
        vi: "Tuổi tính đến ngày chốt của đợt không nằm trong khoảng 6–110: năm sinh gần như chắc chắn gõ sai.",
            "SPEC §3.2.",
            "Sửa năm sinh.";
        en: "The age on the reference day is not between 6 and 110: the year of birth is almost surely mistyped.",
            "SPEC §3.2.",
            "Correct the year of birth.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Đinh Văn Thành\"\nbirth_date = 2020-12-01\nhometown = \"xã An Lão\"\nworkplace = \"Trung tâm Y tế huyện Bình Lục\"\n\n[[achievements]]\ntext = \"Phẫu thuật nội soi 320 ca\"\n")];
    }
    AwardYearOutOfRange = "award-year-out-of-range", Error {
        vi: "Năm khen thưởng trước 1945, sau năm của đợt, hoặc trước năm sinh.",
            "SPEC §3.2.",
            "Sửa năm khen thưởng theo quyết định.";
        en: "An award year before 1945, after the round's year, or before the year of birth.",
            "SPEC §3.2.",
            "Correct the award year from the decision.";
        example: ["don-vi/de-nghi.toml" => File::Text(person!("\n[[awards]]\nyear = 1930\ntitle = \"Giấy khen\"\n"))];
    }
    InvalidDecisionNumber = "invalid-decision-number", Error {
        vi: "Số quyết định không đúng dạng số văn bản: 1234/QĐ-UBND, 91/2017/NĐ-CP, 34-CT/TW.",
            "Nghị định 30/2020/NĐ-CP về công tác văn thư; SPEC §5.",
            "Chép đúng số ký hiệu trên quyết định, không có dấu cách bên trong.";
        en: "A decision number not shaped like a document number: 1234/QĐ-UBND, 91/2017/NĐ-CP, 34-CT/TW.",
            "Decree 30/2020/NĐ-CP on administrative documents; SPEC §5.",
            "Copy the number as printed on the decision, with no spaces inside.";
        example: ["don-vi/de-nghi.toml" => File::Text(person!("\n[[awards]]\nyear = 2021\ntitle = \"Giấy khen\"\ndecision = \"QĐ 123\"\n"))];
    }
    SuspiciousDecisionNumber = "suspicious-decision-number", Warning {
        vi: "Số quyết định đúng dạng nhưng gần như chắc chắn gõ nhầm: QD thay cho QĐ, ND thay cho NĐ, hoặc chữ Ð/Ɖ giống Đ.",
            "Nghị định 30/2020/NĐ-CP; SPEC §5.",
            "Dùng số gợi ý, với chữ Đ tiếng Việt.";
        en: "A decision number of the right shape but almost surely mistyped: QD for QĐ, ND for NĐ, or a look-alike Ð/Ɖ for Đ.",
            "Decree 30/2020/NĐ-CP; SPEC §5.",
            "Use the suggested number, with the Vietnamese letter Đ.";
        example: ["don-vi/de-nghi.toml" => File::Text(person!("\n[[awards]]\nyear = 2021\ntitle = \"Giấy khen\"\ndecision = \"123/QD-UBND\"\n"))];
    }
    AwardDateMismatch = "award-date-mismatch", Warning {
        vi: "Ngày quyết định không thuộc năm khen thưởng đã ghi.",
            "SPEC §3.2.",
            "Sửa năm hoặc ngày cho khớp quyết định.";
        en: "The decision's date is not in the award year given.",
            "SPEC §3.2.",
            "Make the year and the date agree with the decision.";
        example: ["don-vi/de-nghi.toml" => File::Text(person!("\n[[awards]]\nyear = 2021\ntitle = \"Giấy khen\"\ndate = 2020-05-01\n"))];
    }
    ImplausibleText = "implausible-text", Warning {
        vi: "Tên chỉ có chữ số, có hai dấu cách liền nhau hay dài quá 300 ký tự, hoặc thành tích dài quá 20.000 ký tự: thường là gõ nhầm ô hay dán nhầm.",
            "SPEC §3.2.",
            "Sửa lại tên hay nội dung cho đúng.";
        en: "A name of digits only, with two spaces in a row or over 300 characters, or an achievement over 20,000 characters: usually a slip or a mistaken paste.",
            "SPEC §3.2.",
            "Correct the name or the text.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Đinh  Văn Thành\"\nbirth_date = 1978-12-01\nhometown = \"xã An Lão, huyện Bình Lục\"\nworkplace = \"Trung tâm Y tế huyện Bình Lục\"\n\n[[achievements]]\ntext = \"Phẫu thuật nội soi 320 ca\"\n\n[facts]\nrating = \"hoan-thanh-xuat-sac\"\n")];
    }
    ValueReadAs = "value-read-as", Note {
        vi: "Một giá trị gõ theo cách khác nhưng rõ nghĩa (số trong ngoặc kép \"5\", dấu phẩy thập phân \"92,5\", \"có\"/\"không\", \"cấp huyện\", ngày \"15.08.1962\"): kh đọc theo nghĩa đó và ghi chú cách đã đọc.",
            "SPEC §3.2.",
            "Không bắt buộc sửa; ghi theo gợi ý để khỏi ghi chú này.";
        en: "A value typed another unambiguous way (a number in quotes \"5\", a decimal comma \"92,5\", \"có\"/\"không\", \"cấp huyện\", a day \"15.08.1962\"): kh reads it as meant and notes how.",
            "SPEC §3.2.",
            "Nothing to mend; write it as suggested to drop the note.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"nong-thon-moi\"\nkind = \"ho-gia-dinh\"\n\n[nominee]\nfull_name = \"Đỗ Văn Bình\"\nbirth_date = \"30.01.1959\"\nhometown = \"xã Nhân Mỹ, huyện Lý Nhân\"\nresidence = \"thôn Văn Xá, xã Nhân Mỹ\"\nmembers = \"5\"\n\n[[achievements]]\ntext = \"Hiến 1.150 m² đất làm đường thôn\"\n")];
    }
    BirthYearOnly = "birth-year-only", Warning {
        vi: "Ngày sinh chỉ có năm (thường gặp ở người cao tuổi): kh tính tuổi theo ngày 01/07 của năm đó và nhắc ghi đủ ngày, tháng nếu biết.",
            "SPEC §3.2; mẫu báo cáo: “Ngày, tháng, năm sinh”.",
            "Ghi đủ ngày, tháng, năm sinh nếu biết, ví dụ \"12/04/1958\".";
        en: "A date of birth given as a year alone (common for elderly people): kh judges the age as of 1 July that year and asks for the full date if known.",
            "SPEC §3.2; the form: “Ngày, tháng, năm sinh”.",
            "Give the full date of birth if known, as in \"12/04/1958\".";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"nong-thon-moi\"\nkind = \"ho-gia-dinh\"\n\n[nominee]\nfull_name = \"Đỗ Văn Bình\"\nbirth_date = \"1958\"\nhometown = \"xã Nhân Mỹ, huyện Lý Nhân\"\nresidence = \"thôn Văn Xá, xã Nhân Mỹ\"\n\n[[achievements]]\ntext = \"Hiến 1.150 m² đất làm đường thôn\"\n")];
    }
    ImportUnread = "import-unread", Warning {
        vi: "kh import tìm thấy tên mục trong báo cáo gốc nhưng chưa đọc được nội dung (ghi trong [import] unread): người xét xem báo cáo gốc; kh không đưa mục này vào văn bản gửi đơn vị.",
            "SPEC §15.1 (không đổ lỗi cho đơn vị vì điều kh chưa đọc được).",
            "Điền mục theo báo cáo gốc (hoặc `kh nominate edit <tệp>`), rồi bỏ nó khỏi [import] unread.";
        en: "kh import found the field's label in the source report but could not read its value (listed in [import] unread): a reviewer looks at the source; no letter asks the unit for it.",
            "SPEC §15.1 (never blame a unit for what kh could not read).",
            "Fill the field in from the source report (or `kh nominate edit <file>`), then remove it from [import] unread.";
        example: ["don-vi/de-nghi.toml" => File::Text("# Nhập từ: hop-thu/don-vi/bao-cao.docx\ncampaign = \"nong-thon-moi\"\nkind = \"ho-gia-dinh\"\n\n[nominee]\nfull_name = \"Đỗ Văn Bình\"\nbirth_date = \"12/04/1958\"\nresidence = \"thôn Văn Xá, xã Nhân Mỹ\"\n\n[[achievements]]\ntext = \"Hiến 1.150 m² đất làm đường thôn\"\n\n[import]\nunread = [\"nominee.hometown\"]\n")];
    }
    UnknownCampaign = "unknown-campaign", Error {
        vi: "`campaign` không phải mã của phong trào nào trong kế hoạch; kh gợi ý mã gần nhất.",
            "Kế hoạch, mục III.3; SPEC §4.",
            "Dùng mã trong `kh campaigns`; ngoài các phong trào đã nêu, dùng `linh-vuc-khac` với `movement`.";
        en: "`campaign` is no campaign slug of the plan; kh suggests the closest.",
            "The plan, §III.3; SPEC §4.",
            "Use a slug from `kh campaigns`; for anything else, `linh-vuc-khac` with `movement`.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"nong-thon-moy\"\nkind = \"ca-nhan\"\n")];
    }
    KindNotAllowed = "kind-not-allowed", Error {
        vi: "Phong trào không nhận loại điển hình này (ví dụ “Lao động giỏi” chỉ nhận cá nhân).",
            "Kế hoạch, mục III.3; SPEC §4.",
            "Đổi `kind`, hoặc chọn phong trào nhận loại này.";
        en: "The campaign takes no nominations of this kind (“Lao động giỏi” takes individuals only).",
            "The plan, §III.3; SPEC §4.",
            "Change `kind`, or choose a campaign that takes it.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"lao-dong-gioi\"\nkind = \"tap-the\"\n")];
    }
    MissingRole = "missing-role", Error {
        vi: "Phong trào phân loại cá nhân (mục 3.6, 3.9; mục 3.13: cán bộ làm công tác giải phóng mặt bằng hay người dân — hồ sơ có hiến đất, bàn giao sớm thì được đọc là người dân) hay tập thể (mục 3.12: lực lượng công an; cơ quan, đơn vị, địa phương, doanh nghiệp) theo nhóm đối tượng mà đề nghị không ghi `role`. Nhóm của tập thể mục 3.6 (cơ quan nhà nước; tổ chức, doanh nghiệp) không bắt buộc.",
            "Kế hoạch, mục 3.6, 3.9, 3.12, 3.13; SPEC §3.1.",
            "Thêm `role` vào [nominee], ví dụ `role = \"giao-vien\"`.";
        en: "The campaign sets individuals (§3.6, §3.9; §3.13: officials doing the site clearance or residents — a file showing land given or an early handover reads as a resident's) or collectives (§3.12: police units; agencies, localities, enterprises) apart by group and `role` is not given. §3.6 collectives' roles (state bodies; organisations, enterprises) are optional.",
            "The plan, §3.6, §3.9, §3.12, §3.13; SPEC §3.1.",
            "Add `role` to [nominee], as in `role = \"giao-vien\"`.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"day-tot-hoc-tot\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Nguyễn Thị Mai\"\nbirth_date = 1985-03-02\nhometown = \"Phủ Lý\"\nworkplace = \"Trường THCS Lam Hạ\"\n\n[[achievements]]\ntext = \"Bồi dưỡng học sinh giỏi\"\n")];
    }
    RoleNotAllowed = "role-not-allowed", Error {
        vi: "`role` không phải nhóm đối tượng của phong trào.",
            "Kế hoạch, mục 3.6, 3.9; SPEC §3.1.",
            "Chọn một nhóm trong gợi ý, hoặc bỏ dòng nếu phong trào không phân nhóm.";
        en: "`role` is no group of the campaign.",
            "The plan, §3.6, §3.9; SPEC §3.1.",
            "Choose a group the hint lists, or remove the line where the campaign has none.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"ket-cau-ha-tang\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Vũ Văn Tiến\"\nbirth_date = 1966-09-09\nhometown = \"Kim Bảng\"\nresidence = \"xã Thanh Sơn\"\nrole = \"giao-vien\"\n\n[[achievements]]\ntext = \"Hiến đất làm đường\"\n")];
    }
    MissingFact = "missing-fact", Error {
        vi: "Thiếu trong [facts] một thông tin mà tiêu chí của phong trào cần để kiểm tra (xếp loại, số hồ sơ trễ hẹn, chỉ số CCHC…).",
            "Kế hoạch, mục III.2 và các mục 3.1–3.13; SPEC §4.2.",
            "Thêm dòng còn thiếu vào bảng [facts].";
        en: "A fact the campaign's criteria need is missing from [facts] (rating, late dossiers, PAR index…).",
            "The plan, §III.2 and §3.1–§3.13; SPEC §4.2.",
            "Add the missing line to [facts].";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Đinh Văn Thành\"\nbirth_date = 1978-12-01\nhometown = \"xã An Lão\"\nworkplace = \"Trung tâm Y tế huyện Bình Lục\"\n\n[[achievements]]\ntext = \"Phẫu thuật nội soi 320 ca\"\n")];
    }
    RatingBelowRequired = "rating-below-required", Error {
        vi: "Xếp loại thấp hơn mức phong trào yêu cầu: tiêu chí chung là “hoàn thành xuất sắc nhiệm vụ”.",
            "Kế hoạch, mục III.2; mục 3.5 (cá nhân: hoàn thành tốt trở lên); SPEC §4.2.",
            "Kiểm tra lại xếp loại; điển hình phải đạt mức yêu cầu.";
        en: "A rating under the campaign's floor: the general criterion is “completed tasks excellently”.",
            "The plan, §III.2; §3.5 (individuals: “well” or better); SPEC §4.2.",
            "Check the rating; an exemplar must reach the floor.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Đinh Văn Thành\"\nbirth_date = 1978-12-01\nhometown = \"xã An Lão\"\nworkplace = \"Trung tâm Y tế huyện Bình Lục\"\n\n[[achievements]]\ntext = \"Phẫu thuật nội soi 320 ca\"\n\n[facts]\nrating = \"hoan-thanh-tot\"\n")];
    }
    CriterionNotMet = "criterion-not-met", Error {
        vi: "Một tiêu chí kiểm tra được của phong trào không đạt: còn hồ sơ trễ hẹn, chỉ số CCHC dưới 90 hoặc không tăng, hộ không hiến đất, bàn giao mặt bằng…",
            "Kế hoạch, mục 3.3, 3.5, 3.7, 3.13; SPEC §4.2.",
            "Kiểm tra lại số liệu; nếu đúng, đề nghị chưa đủ tiêu chí của phong trào này.";
        en: "A checkable criterion of the campaign is not met: late dossiers, a PAR index under 90 or not risen, no land given…",
            "The plan, §3.3, §3.5, §3.7, §3.13; SPEC §4.2.",
            "Check the figures; if right, the nomination does not meet this campaign's criteria.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"giai-phong-mat-bang\"\nkind = \"ho-gia-dinh\"\n\n[nominee]\nfull_name = \"Đỗ Văn Bình\"\nbirth_date = 1959-01-30\nhometown = \"xã Nhân Mỹ\"\nresidence = \"thôn Văn Xá\"\n\n[[achievements]]\ntext = \"Vận động hàng xóm\"\n\n[facts]\nland_contributed_m2 = 0\nhandover_early = false\n")];
    }
    FactNotApplicable = "fact-not-applicable", Warning {
        vi: "Một thông tin trong [facts] mà không quy tắc nào của phong trào và loại này dùng: thường là nhầm phong trào.",
            "SPEC §4.1.",
            "Bỏ dòng, hoặc kiểm tra lại `campaign` và `kind`.";
        en: "A fact in [facts] that no rule of this campaign and kind reads: often the wrong campaign.",
            "SPEC §4.1.",
            "Remove the line, or check `campaign` and `kind`.";
        example: ["don-vi/de-nghi.toml" => File::Text(person!("par_index = 95\n"))];
    }
    UnevidencedCriterion = "unevidenced-criterion", Note {
        vi: "Một tiêu chí của phong trào chưa có thành tích nào nêu mã của nó trong `criteria` (ghi chú, không phải lỗi).",
            "Kế hoạch, mục III.2 và tiêu chí từng phong trào; SPEC §4.3.",
            "Nêu mã tiêu chí trong `criteria` của thành tích chứng minh nó; xem mã bằng kh campaigns show.";
        en: "A criterion of the campaign that no achievement names in its `criteria` (a note, not an error).",
            "The plan, §III.2 and each campaign's criteria; SPEC §4.3.",
            "Name the criterion in the `criteria` of the achievement that backs it; see the ids with kh campaigns show.";
        example: ["don-vi/de-nghi.toml" => PERSON];
    }
    UnknownCriterion = "unknown-criterion", Warning {
        vi: "Một mã trong `criteria` không phải tiêu chí của phong trào và loại này; kh gợi ý mã gần nhất.",
            "SPEC §4.3.",
            "Sửa mã theo gợi ý (kh campaigns show <phong trào>).";
        en: "An id in `criteria` that is no criterion of this campaign and kind; kh suggests the closest.",
            "SPEC §4.3.",
            "Correct the id as suggested (kh campaigns show <campaign>).";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\n\n[nominee]\nfull_name = \"Đinh Văn Thành\"\nbirth_date = 1978-12-01\nhometown = \"xã An Lão\"\nworkplace = \"Trung tâm Y tế huyện Bình Lục\"\n\n[[achievements]]\ntext = \"Phẫu thuật nội soi 320 ca\"\ncriteria = [\"giai-phap-mo\"]\n\n[facts]\nrating = \"hoan-thanh-xuat-sac\"\n")];
    }
    UnitOverCap = "unit-over-cap", Error {
        vi: "Đơn vị gửi vượt mức tối đa số đề nghị (mặc định 3, gồm cả tập thể, cá nhân).",
            "Kế hoạch, mục IV.1: “không quá 03 điển hình (bao gồm cả tập thể, cá nhân)”; SPEC §6.",
            "Chọn những điển hình tiêu biểu nhất và rút bớt tệp.";
        en: "A unit sends more nominations than the cap (3 by default, collectives and individuals together).",
            "The plan, §IV.1: “no more than 03 exemplars (collectives and individuals included)”; SPEC §6.",
            "Keep the most outstanding and withdraw the rest.";
        example: [
            "don-vi/a.toml" => PERSON,
            "don-vi/b.toml" => File::Text(COLLECTIVE),
            "don-vi/c.toml" => File::Text("campaign = \"nong-thon-moi\"\nkind = \"tap-the\"\n\n[nominee]\nname = \"Hợp tác xã Nhân Thịnh\"\nfounded = \"1996\"\nstructure = \"Ban quản trị\"\nduties = \"Dịch vụ nông nghiệp\"\n\n[[achievements]]\ntext = \"Liên kết tiêu thụ lúa\"\n"),
            "don-vi/d.toml" => File::Text("campaign = \"nong-thon-moi\"\nkind = \"tap-the\"\n\n[nominee]\nname = \"Thôn 3 xã Nhân Thịnh\"\nfounded = \"1950\"\nstructure = \"Trưởng thôn\"\nduties = \"Tự quản\"\n\n[[achievements]]\ntext = \"Đường hoa\"\n"),
        ];
    }
    DuplicateNominee = "duplicate-nominee", Warning {
        vi: "Hai tệp đề nghị cùng một người (cùng họ tên và ngày sinh) hoặc cùng một tập thể, trong một hay hai đơn vị.",
            "SPEC §6.",
            "Giữ một đề nghị; nếu là hai người trùng tên, kiểm tra lại ngày sinh.";
        en: "Two files nominate the same person (name and date of birth) or the same collective, in one unit or two.",
            "SPEC §6.",
            "Keep one; for two namesakes, check the dates of birth.";
        example: ["don-vi/a.toml" => PERSON, "don-vi-khac/b.toml" => PERSON];
    }
    EscalateToChairman = "escalate-to-chairman", Note {
        vi: "Thành tích có phạm vi ảnh hưởng toàn tỉnh: Sở Nội vụ báo cáo Chủ tịch UBND tỉnh xem xét, quyết định khen thưởng (ghi chú).",
            "Kế hoạch, mục IV.1; SPEC §6.",
            "Không cần sửa; bỏ `scope = \"toan-tinh\"` nếu thành tích chỉ có phạm vi cơ sở.";
        en: "A province-wide achievement: Sở Nội vụ reports it to the Chairman of the provincial People's Committee (a note).",
            "The plan, §IV.1; SPEC §6.",
            "Nothing to mend; drop `scope = \"toan-tinh\"` if the achievement is local.";
        example: ["don-vi/de-nghi.toml" => File::Text("campaign = \"y-te-hai-long\"\nkind = \"ca-nhan\"\nscope = \"toan-tinh\"\n\n[nominee]\nfull_name = \"Đinh Văn Thành\"\nbirth_date = 1978-12-01\nhometown = \"xã An Lão\"\nworkplace = \"Trung tâm Y tế huyện Bình Lục\"\n\n[[achievements]]\ntext = \"Phẫu thuật nội soi 320 ca\"\n\n[facts]\nrating = \"hoan-thanh-xuat-sac\"\n")];
    }
    OutsideUnit = "outside-unit", Error {
        vi: "Tệp đề nghị nằm ngay trong thư mục gốc của đợt, không thuộc đơn vị nào.",
            "SPEC §2, §6.",
            "Chuyển tệp vào thư mục của đơn vị gửi.";
        en: "A nomination directly in the round's root, belonging to no unit.",
            "SPEC §2, §6.",
            "Move it into the folder of the unit that sends it.";
        example: ["de-nghi.toml" => PERSON];
    }
    UnitMissingDescriptor = "unit-missing-descriptor", Warning {
        vi: "Thư mục đơn vị không có unit.toml: tạm dùng tên thư mục làm tên đơn vị.",
            "SPEC §2, §6.",
            "Tạo unit.toml với dòng name = \"Tên đầy đủ của đơn vị\".";
        en: "A unit folder without unit.toml: its folder name stands in for the unit's name.",
            "SPEC §2, §6.",
            "Create unit.toml with a line name = \"Full name of the unit\".";
        example: ["khong-mo-ta/de-nghi.toml" => PERSON];
    }
    UnexpectedUnit = "unexpected-unit", Warning {
        vi: "kh.toml có danh sách đơn vị [expected] mà thư mục đơn vị này không có trong đó (thường do gõ sai mã).",
            "Kế hoạch, mục IV.3 (Sở Nội vụ theo dõi, đôn đốc các đơn vị); SPEC §11.",
            "Đổi tên thư mục theo mã gợi ý, hoặc thêm đơn vị vào [expected].";
        en: "kh.toml has a roster [expected] that does not name this unit folder (usually a misspelt code).",
            "The plan, §IV.3 (Sở Nội vụ follows up the units); SPEC §11.",
            "Rename the folder to the suggested code, or add the unit to [expected].";
        example: [
            "kh.toml" => File::Text("year = 2023\n\n[expected]\nso-y-te = \"Sở Y tế\"\n"),
            "so-y-tee/de-nghi.toml" => PERSON,
        ];
    }
    SplitUnit = "split-unit", Warning {
        vi: "Hai thư mục trở lên là cùng một đơn vị (unit.toml cùng tên, hoặc cùng ứng với một đơn vị trong [expected]): mức tối đa tính cho đơn vị, không cho thư mục.",
            "Kế hoạch, mục IV.1 (mỗi đơn vị giới thiệu không quá 03 điển hình); SPEC §6.",
            "Gộp các tệp vào một thư mục của đơn vị, rồi xóa thư mục thừa.";
        en: "Two or more folders are one unit (unit.toml names alike, or mapped to one roster entry): the cap counts the unit, not the folder.",
            "The plan, §IV.1 (each unit introduces at most 03 exemplars); SPEC §6.",
            "Move the files into one folder of the unit and remove the other.";
        example: [
            "so-y-te/unit.toml" => File::Text("name = \"Sở Y tế\"\n"),
            "so-y-te/de-nghi.toml" => PERSON,
            "so-y-te-dot-2/unit.toml" => File::Text("name = \"Sở Y tế\"\n"),
            "so-y-te-dot-2/de-nghi-2.toml" => PERSON,
        ];
    }
    CapChanged = "cap-changed", Warning {
        vi: "kh.toml của đợt năm 2023 đặt `cap_per_unit` khác 3, trong khi kế hoạch quy định mỗi đơn vị không quá 03 điển hình.",
            "Kế hoạch, mục IV.1; SPEC §6.",
            "Bỏ dòng `cap_per_unit`, hoặc ghi rõ văn bản cho phép đơn vị gửi nhiều hơn.";
        en: "The kh.toml of a 2023 round sets `cap_per_unit` other than 3, while the plan fixes at most 03 exemplars per unit.",
            "The plan, §IV.1; SPEC §6.",
            "Remove the `cap_per_unit` line, or keep it where a document allows more.";
        example: [
            "kh.toml" => File::Text("year = 2023\ncap_per_unit = 5\n"),
            "so-y-te/de-nghi.toml" => PERSON,
        ];
    }
    NoNominations = "no-nominations", Error {
        vi: "Đường dẫn được kiểm tra không có tệp đề nghị (*.toml) nào: một thư mục sai hay trống không bao giờ được báo là “0 lỗi, sẵn sàng”.",
            "SPEC §6.",
            "Kiểm tra lại đường dẫn; đổi tên các tệp đề nghị cho mang đuôi .toml; kịch bản tự động có thể dùng --allow-empty.";
        en: "The path checked holds no nomination file (*.toml) at all: a wrong or empty folder is never reported as “0 errors, ready”.",
            "SPEC §6.",
            "Check the path; give the nomination files the .toml ending; scripts may pass --allow-empty.";
        example: ["don-vi/ghi-chu.txt" => File::Text("Hồ sơ sẽ gửi sau.\n")];
    }
    MisnamedFile = "misnamed-file", Warning {
        vi: "Một tệp có thể là đề nghị nhưng không mang đuôi .toml (Notepad thêm .txt, chữ hoa .TOML, dấu cách thừa, .tml): không được đọc, không được tính vào mức tối đa.",
            "SPEC §6.",
            "Đổi tên tệp theo gợi ý, ví dụ x.toml.txt thành x.toml.";
        en: "A file that may be a nomination but is not named *.toml (Notepad's added .txt, an upper-case .TOML, a trailing space, .tml): neither read nor counted toward the cap.",
            "SPEC §6.",
            "Rename the file as suggested, e.g. x.toml.txt to x.toml.";
        example: ["don-vi/a.toml" => PERSON, "don-vi/de-nghi.toml.txt" => PERSON];
    }
    ReviewStale = "review-stale", Warning {
        vi: "Tệp đã bị sửa sau khi Sở Nội vụ thẩm định (dấu SHA-256 không còn khớp): coi như chờ xét.",
            "Kế hoạch, mục IV.3 (thẩm định); SPEC §10.",
            "Sở Nội vụ thẩm định lại: kh review set <tệp> --status ….";
        en: "The file changed after Sở Nội vụ's appraisal (its SHA-256 no longer matches): it counts as pending.",
            "The plan, §IV.3 (appraisal); SPEC §10.",
            "Sở Nội vụ reviews it again: kh review set <file> --status ….";
        example: [
            "don-vi/de-nghi.toml" => PERSON,
            "review.toml" => File::Text("[[review]]\npath = \"don-vi/de-nghi.toml\"\nstatus = \"dat\"\ndate = 2023-10-05\nsha256 = \"0000000000000000000000000000000000000000000000000000000000000000\"\n"),
        ];
    }
    ReviewOrphan = "review-orphan", Warning {
        vi: "review.toml có kết quả cho một tệp không còn trong đợt (đã xóa hoặc đổi tên).",
            "SPEC §10.",
            "Sửa đường dẫn trong review.toml, hoặc bỏ mục đó.";
        en: "review.toml has a decision on a file that is no longer in the round (removed or renamed).",
            "SPEC §10.",
            "Mend the path in review.toml, or remove the entry.";
        example: [
            "don-vi/de-nghi.toml" => PERSON,
            "review.toml" => File::Text("[[review]]\npath = \"don-vi/de-nghi-cu.toml\"\nstatus = \"dat\"\n"),
        ];
    }
    ReviewReturned = "review-returned", Warning {
        vi: "Sở Nội vụ đề nghị bổ sung: đơn vị cần làm theo ghi chú rồi gửi lại.",
            "Kế hoạch, mục IV.3; SPEC §10.",
            "Bổ sung theo ghi chú của Sở Nội vụ; sau khi sửa, tệp chờ thẩm định lại.";
        en: "Sở Nội vụ returned the nomination for more: the unit acts on the note and sends it again.",
            "The plan, §IV.3; SPEC §10.",
            "Add what the note asks; once changed, the file waits for a new review.";
        example: [
            "don-vi/de-nghi.toml" => PERSON,
            "review.toml" => File::Text("[[review]]\npath = \"don-vi/de-nghi.toml\"\nstatus = \"bo-sung\"\nnote = \"Bổ sung bản sao quyết định khen thưởng\"\n"),
        ];
    }
    ReviewRejected = "review-rejected", Note {
        vi: "Đề nghị không đạt qua thẩm định của Sở Nội vụ, kèm lý do (ghi chú).",
            "Kế hoạch, mục IV.3; SPEC §10.",
            "Không cần sửa tệp; đơn vị có thể đề nghị điển hình khác.";
        en: "The nomination was rejected at Sở Nội vụ's appraisal, with the reason (a note).",
            "The plan, §IV.3; SPEC §10.",
            "Nothing to mend in the file; the unit may nominate another exemplar.";
        example: [
            "don-vi/de-nghi.toml" => PERSON,
            "review.toml" => File::Text("[[review]]\npath = \"don-vi/de-nghi.toml\"\nstatus = \"khong-dat\"\nnote = \"Thành tích chưa nổi trội\"\n"),
        ];
    }
}

/// The explanation of a rule.
pub fn of(rule: Rule) -> &'static Explanation {
    // The table is in the order of Rule::ALL (a test holds it there).
    &EXPLANATIONS[rule as usize]
}

/// `kh explain CODE`: the rule, or the closest code (exit 2).
/// `kh explain [RULE | WORDS]`: one rule whole; with no argument every rule
/// on a line; with words that name no rule, the rules they find.
pub fn answer(query: Option<&str>, lang: Lang) -> Result<String, String> {
    let Some(q) = query.map(str::trim).filter(|q| !q.is_empty()) else {
        return Ok(list_in(lang, ""));
    };
    match render(q, lang) {
        Ok(text) => Ok(text),
        Err(why) => {
            let found = list_in(lang, q);
            if found.is_empty() {
                Err(why)
            } else {
                Ok(found)
            }
        }
    }
}

/// Every rule on one line each: its code and what it checks. With `words`,
/// only the rules whose code or text (in either language, diacritics and
/// case aside) holds every word: `kh explain "vượt mức"`.
fn list_in(lang: Lang, words: &str) -> String {
    let fold = |s: &str| crate::text::strip_diacritics(s).to_lowercase();
    let wanted: Vec<String> = words.split_whitespace().map(fold).collect();
    let mut out = String::new();
    for e in EXPLANATIONS {
        let hay = fold(&format!(
            "{} {} {} {} {}",
            e.rule.code(),
            e.vi.what,
            e.en.what,
            e.vi.fix,
            e.en.fix
        ));
        if wanted.iter().all(|w| hay.contains(w.as_str())) {
            out.push_str(&format!("{:<28}{}\n", e.rule.code(), e.text(lang).what));
        }
    }
    out
}

pub fn render(code: &str, lang: Lang) -> Result<String, String> {
    let Some(rule) = Rule::ALL.iter().find(|r| r.code() == code.trim()) else {
        let hint = crate::text::closest(code, Rule::ALL.iter().map(|r| r.code()));
        let shown = crate::text::escape_controls(code);
        return Err(match hint {
            Some(h) => crate::tr!(
                lang,
                "không có quy tắc `{shown}`; có phải là `{h}`?",
                "no rule `{shown}`; did you mean `{h}`?"
            ),
            None => crate::tr!(
                lang,
                "không có quy tắc `{shown}`; xem bảng quy tắc trong README",
                "no rule `{shown}`; see the rule table in the README"
            ),
        });
    };
    let e = of(*rule);
    let t = e.text(lang);
    let severity = match rule.severity() {
        Severity::Error => lang.pick("lỗi", "error"),
        Severity::Warning => lang.pick("cảnh báo", "warning"),
        Severity::Note => lang.pick("ghi chú", "note"),
    };
    let mut out = format!("{} ({severity})\n\n{}\n\n", rule.code(), t.what);
    out.push_str(&format!(
        "{} {}\n\n",
        lang.pick("Căn cứ:", "Source:"),
        t.source
    ));
    out.push_str(lang.pick(
        "Ví dụ (một đợt nhỏ; mỗi thư mục đơn vị có unit.toml, gốc có kh.toml năm 2023):\n",
        "Example (a small round; each unit folder has its unit.toml, the root a kh.toml for 2023):\n",
    ));
    for (path, file) in e.example {
        let (body, remark) = match file {
            File::Text(t) => (*t, None),
            File::Latin1(t) => (
                *t,
                Some(lang.pick("lưu bằng bảng mã Latin-1", "saved as Latin-1")),
            ),
            File::Padded(t) => (
                *t,
                Some(lang.pick(
                    "rồi hơn 1 MiB văn bản dán thêm",
                    "then over 1 MiB of pasted text",
                )),
            ),
            File::Link(target) => (
                *target,
                Some(lang.pick("liên kết tượng trưng tới", "a symbolic link to")),
            ),
            File::Fifo => ("", Some(lang.pick("một FIFO (mkfifo)", "a FIFO (mkfifo)"))),
            File::Latin1Name(t) => (
                *t,
                Some(lang.pick(
                    "tên tệp lưu bằng bảng mã Latin-1",
                    "its name saved as Latin-1",
                )),
            ),
            File::PastPathLimit => (
                "",
                Some(lang.pick(
                    "thư mục lồng nhau, đường dẫn dài hơn hệ thống cho phép",
                    "folders nested past the system's path length",
                )),
            ),
        };
        match (file, remark) {
            (File::Link(_), Some(r)) => out.push_str(&format!("\n  {path}  ({r} {body})\n")),
            (_, Some(r)) => out.push_str(&format!("\n  {path}  ({r})\n")),
            _ => out.push_str(&format!("\n  {path}\n")),
        }
        if !matches!(file, File::Link(_)) {
            for line in body.lines() {
                if line.is_empty() {
                    out.push('\n');
                } else {
                    out.push_str(&format!("    {line}\n"));
                }
            }
        }
    }
    out.push_str(&format!(
        "\n{} {}\n",
        lang.pick("Cách sửa:", "How to fix:"),
        t.fix
    ));
    if *rule == Rule::CriterionNotMet {
        out.push_str(&unchecked_clauses(lang));
    }
    Ok(out)
}

/// The plan's clauses no file can show, campaign by campaign: printed
/// beside the criteria kh checks so that an appraiser sees them, never
/// checked (SPEC §4.3).
fn unchecked_clauses(lang: Lang) -> String {
    let mut out = format!(
        "\n{}\n",
        lang.pick(
            "Không kiểm tra được (không tệp nào thể hiện được; người thẩm định xem):",
            "Not checked (no file can show them; for the appraiser):"
        )
    );
    for c in crate::campaign::CAMPAIGNS {
        for clause in c.unchecked {
            out.push_str(&format!(
                "  - {} ({}): {}\n",
                c.name(lang),
                c.cited(lang),
                clause.text(lang)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_explained_in_order() {
        assert_eq!(EXPLANATIONS.len(), Rule::ALL.len());
        for (e, r) in EXPLANATIONS.iter().zip(Rule::ALL) {
            assert_eq!(e.rule, *r);
            for t in [e.vi, e.en] {
                assert!(!t.what.is_empty() && !t.source.is_empty() && !t.fix.is_empty());
            }
            assert!(!e.example.is_empty(), "{}", r.code());
        }
    }

    #[test]
    fn unknown_codes_get_the_closest() {
        let err = render("unit-over-cup", Lang::En).err().unwrap_or_default();
        assert!(err.contains("unit-over-cap"), "{err}");
        assert!(render("parse-error", Lang::Vi).is_ok_and(|t| t.contains("Cách sửa:")));
    }
}
