//! Opening what a unit sent: an Office package (a zip) read part by part
//! under limits, or a file kh refuses with a reason a clerk can act on
//! (SPEC §15: a legacy .doc/.xls, a password, a zip bomb, a DTD).

use std::io::{Read, Seek};

use crate::lang::Lang;
use crate::tr;

/// A part kh reads may be no larger than this once inflated.
pub const MAX_PART: u64 = 64 * 1024 * 1024;
/// All the parts kh reads of one package together, inflated: parts each
/// under [`MAX_PART`] cannot add up past it.
pub const MAX_TOTAL: u64 = 160 * 1024 * 1024;
/// Past this many inflated bytes, a part must keep within [`MAX_RATIO`].
const RATIO_FROM: u64 = 1024 * 1024;
const MAX_RATIO: u64 = 100;

/// Why a source was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    NotPackage,
    Legacy {
        word: bool,
    },
    Password,
    TooLarge(String),
    /// The parts read add up past [`MAX_TOTAL`].
    TotalTooLarge,
    Bomb(String),
    Dtd(String),
    BadXml(String),
    /// A character reference to no character XML allows (`&#0;`).
    BadChar(String),
    /// A part that ends with elements still open (cut mid-body).
    CutShort(String),
    /// Elements nested deeper than any document is.
    TooDeep(String),
    /// A part that is not UTF-8.
    NotUtf8(String),
    MissingPart(String),
    NotReport,
    NoUnit(String),
    NoKind,
    /// The source could not be read (a link, a FIFO, the system's error):
    /// said in both languages when it happened, shown in the run's.
    Read {
        code: &'static str,
        vi: String,
        en: String,
    },
}

impl Refusal {
    /// The stable code a script reads (SPEC §15).
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotPackage => "not-office-file",
            Refusal::Legacy { .. } => "legacy-format",
            Refusal::Password => "encrypted",
            Refusal::TooLarge(_) | Refusal::TotalTooLarge => "too-large",
            Refusal::Bomb(_) => "zip-bomb",
            Refusal::Dtd(_) => "dtd",
            Refusal::BadXml(_)
            | Refusal::BadChar(_)
            | Refusal::CutShort(_)
            | Refusal::TooDeep(_)
            | Refusal::NotUtf8(_)
            | Refusal::MissingPart(_) => "malformed-xml",
            Refusal::NotReport => "no-form-found",
            Refusal::NoUnit(_) => "unit-not-found",
            Refusal::NoKind => "kind-not-found",
            Refusal::Read { code, .. } => code,
        }
    }

    pub fn say(&self, lang: Lang) -> String {
        match self {
            Refusal::NotPackage => tr!(
                lang,
                "không phải tệp .docx/.xlsx hợp lệ (không mở được như một tệp Office); mở trong Word/Excel và lưu lại",
                "not a valid .docx/.xlsx file (it does not open as an Office package); open it in Word/Excel and save it again"
            ),
            Refusal::Legacy { word: true } => tr!(
                lang,
                "tệp Word đời cũ (.doc): mở trong Word, chọn Lưu thành… và lưu lại dưới dạng .docx",
                "a legacy Word file (.doc): open it in Word and save it as .docx"
            ),
            Refusal::Legacy { word: false } => tr!(
                lang,
                "tệp Excel đời cũ (.xls): mở trong Excel, chọn Lưu thành… và lưu lại dưới dạng .xlsx",
                "a legacy Excel file (.xls): open it in Excel and save it as .xlsx"
            ),
            Refusal::Password => tr!(
                lang,
                "tệp có mật khẩu: đề nghị đơn vị gửi lại bản không đặt mật khẩu",
                "the file is password-protected: ask the unit for a copy without a password"
            ),
            Refusal::TooLarge(part) => tr!(
                lang,
                "phần `{part}` vượt giới hạn kh đọc (64 MiB giải nén; 2 MiB cho hồ sơ kh giữ trong mẫu; 2 triệu ô cho danh sách; 1 MiB cho một tệp đề nghị): không đọc",
                "part `{part}` is past what kh reads (64 MiB uncompressed; 2 MiB for the nomination kept in a form; 2 million cells for a list; 1 MiB for a nomination file): not read"
            ),
            Refusal::TotalTooLarge => tr!(
                lang,
                "các phần cần đọc giải nén ra tổng cộng hơn 160 MiB (tệp nén độc hại?): dừng đọc",
                "the parts to read inflate to more than 160 MiB in all (a zip bomb?): reading stopped"
            ),
            Refusal::BadChar(part) => tr!(
                lang,
                "phần `{part}` có một mã ký tự không phải ký tự (như &#0;): tệp bị hỏng; mở trong Word/Excel và lưu lại",
                "part `{part}` has a character reference to no character (such as &#0;): the file is damaged; open it in Word/Excel and save it again"
            ),
            Refusal::Bomb(part) => tr!(
                lang,
                "phần `{part}` giải nén ra lớn gấp hơn 100 lần (tệp nén độc hại?): dừng đọc",
                "part `{part}` inflates more than 100-fold (a zip bomb?): reading stopped"
            ),
            Refusal::Dtd(part) => tr!(
                lang,
                "phần `{part}` có khai báo DTD hoặc thực thể, điều mà Word và Excel không bao giờ ghi: không đọc",
                "part `{part}` declares a DTD or entities, which Word and Excel never write: not read"
            ),
            Refusal::BadXml(why) => tr!(
                lang,
                "nội dung tệp bị hỏng ({why}); mở trong Word/Excel và lưu lại",
                "the file's content is damaged ({why}); open it in Word/Excel and save it again"
            ),
            Refusal::MissingPart(part) => tr!(
                lang,
                "tệp thiếu phần `{part}`: không phải tài liệu Word/Excel",
                "the file has no `{part}` part: not a Word/Excel document"
            ),
            Refusal::NotReport => tr!(
                lang,
                "không nhận ra mẫu báo cáo thành tích (không có mục “Họ và tên”, “Tên tập thể” hay thành tích nào)",
                "no achievement report form recognised (no “Họ và tên”, “Tên tập thể” or achievements)"
            ),
            Refusal::NoUnit(read) => tr!(
                lang,
                "không xác định được đơn vị: {read}; dùng --unit",
                "could not tell the unit: {read}; use --unit"
            ),
            Refusal::NoKind => tr!(
                lang,
                "không xác định được loại điển hình (tập thể, cá nhân hay hộ gia đình); dùng --kind",
                "could not tell the kind (collective, individual or household); use --kind"
            ),
            Refusal::Read { vi, en, .. } => lang.pick(vi, en).to_string(),
            Refusal::CutShort(part) => tr!(
                lang,
                "phần `{part}` bị cắt cụt (tệp chép chưa hết?): mở trong Word/Excel và lưu lại",
                "part `{part}` is cut short (a copy not finished?): open it in Word/Excel and save it again"
            ),
            Refusal::TooDeep(part) => tr!(
                lang,
                "phần `{part}` lồng nhau quá sâu, điều Word và LibreOffice không bao giờ ghi: không đọc",
                "part `{part}` nests deeper than Word or LibreOffice ever write: not read"
            ),
            Refusal::NotUtf8(part) => tr!(
                lang,
                "phần `{part}` không phải văn bản UTF-8: tệp bị hỏng; mở trong Word/Excel và lưu lại",
                "part `{part}` is not UTF-8 text: the file is damaged; open it in Word/Excel and save it again"
            ),
        }
    }
}

/// What the first bytes say a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniff {
    Zip,
    /// An OLE compound file: a legacy .doc/.xls, or an encrypted package.
    Ole,
    Other,
}

pub fn sniff(head: &[u8]) -> Sniff {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Sniff::Zip
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Sniff::Ole
    } else {
        Sniff::Other
    }
}

/// An OLE file holding an `EncryptedPackage` stream is a password-protected
/// .docx/.xlsx; any other is a legacy binary document.
pub fn ole_refusal(bytes: &[u8], word: bool) -> Refusal {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    if bytes.windows(name.len()).any(|w| w == name.as_slice()) {
        Refusal::Password
    } else {
        Refusal::Legacy { word }
    }
}

/// A zip opened for reading a few named parts.
pub struct Package<R: Read + Seek> {
    zip: zip::ZipArchive<R>,
    /// What may still be inflated of [`MAX_TOTAL`].
    budget: u64,
}

impl<R: Read + Seek> Package<R> {
    pub fn open(r: R) -> Result<Self, Refusal> {
        zip::ZipArchive::new(r)
            .map(|zip| Package {
                zip,
                budget: MAX_TOTAL,
            })
            .map_err(|_| Refusal::NotPackage)
    }

    pub fn names(&self) -> Vec<String> {
        self.zip
            .file_names()
            .flatten()
            .map(|n| n.into_owned())
            .collect()
    }

    /// A part's bytes, stopped while inflating when it grows past the
    /// limits, never after (the readers name a tighter ceiling each).
    #[cfg(test)]
    pub fn read(&mut self, name: &str) -> Result<Vec<u8>, Refusal> {
        self.read_within(name, MAX_PART)
    }

    /// [`Package::read`] with a tighter ceiling for this part.
    pub fn read_within(&mut self, name: &str, max: u64) -> Result<Vec<u8>, Refusal> {
        let mut f = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => {
                return Err(Refusal::MissingPart(name.to_string()));
            }
            Err(zip::result::ZipError::UnsupportedArchive(why))
                if why.to_lowercase().contains("password") || why.contains("encrypt") =>
            {
                return Err(Refusal::Password);
            }
            Err(e) => return Err(Refusal::BadXml(e.to_string())),
        };
        if f.encrypted() {
            return Err(Refusal::Password);
        }
        let compressed = f.compressed_size().max(1);
        let mut out = Vec::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = match f.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Refusal::BadXml(e.to_string())),
            };
            out.extend_from_slice(&buf[..n]);
            self.budget = self
                .budget
                .checked_sub(n as u64)
                .ok_or(Refusal::TotalTooLarge)?;
            let len = out.len() as u64;
            if len > max.min(MAX_PART) {
                return Err(Refusal::TooLarge(name.to_string()));
            }
            if len > RATIO_FROM && len > MAX_RATIO.saturating_mul(compressed) {
                return Err(Refusal::Bomb(name.to_string()));
            }
        }
        Ok(out)
    }

    /// A part as XML text: UTF-8, and no DTD (entities are never expanded,
    /// and Office never writes one).
    pub fn xml(&mut self, name: &str) -> Result<String, Refusal> {
        self.xml_within(name, MAX_PART)
    }

    /// [`Package::xml`] with a tighter ceiling for this part.
    pub fn xml_within(&mut self, name: &str, max: u64) -> Result<String, Refusal> {
        let bytes = self.read_within(name, max)?;
        let text = String::from_utf8(bytes).map_err(|_| Refusal::NotUtf8(name.to_string()))?;
        if has_dtd(&text) {
            return Err(Refusal::Dtd(name.to_string()));
        }
        Ok(text)
    }
}

/// A DTD can only stand before the root element.
pub fn has_dtd(xml: &str) -> bool {
    let head_end = xml
        .char_indices()
        .filter(|(_, c)| *c == '<')
        .map(|(i, _)| i)
        .find(|&i| {
            let rest = &xml[i + 1..];
            !(rest.starts_with('?') || rest.starts_with('!'))
        })
        .unwrap_or(xml.len());
    let head = &xml[..head_end];
    head.contains("<!DOCTYPE") || head.contains("<!ENTITY")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// #35.5: every refusal is worded in the run's language alone: the
    /// English names no Vietnamese word of its own (only what was read, in
    /// quotes), the Vietnamese is not the English, and each has its code.
    #[test]
    fn every_refusal_in_both_languages() {
        let part = || "word/document.xml".to_string();
        let all = [
            Refusal::NotPackage,
            Refusal::Legacy { word: true },
            Refusal::Legacy { word: false },
            Refusal::Password,
            Refusal::TooLarge(part()),
            Refusal::TotalTooLarge,
            Refusal::Bomb(part()),
            Refusal::Dtd(part()),
            Refusal::BadXml(part()),
            Refusal::BadChar(part()),
            Refusal::CutShort(part()),
            Refusal::TooDeep(part()),
            Refusal::NotUtf8(part()),
            Refusal::MissingPart(part()),
            Refusal::NotReport,
            Refusal::NoUnit("“SỞ Y TẾ”".into()),
            Refusal::NoKind,
            Refusal::Read {
                code: "not-regular-file",
                vi: "không phải tệp thông thường".into(),
                en: "not a regular file".into(),
            },
        ];
        let vietnamese = |s: &str| {
            // Outside quotes: a letter only Vietnamese writes.
            let bare: String = s
                .split('“')
                .map(|p| p.split('”').next_back().unwrap_or(""))
                .collect();
            bare.chars().any(|c| {
                "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
                    .contains(c.to_lowercase().next().unwrap_or(c))
            })
        };
        for r in &all {
            let (vi, en) = (r.say(Lang::Vi), r.say(Lang::En));
            assert!(!r.code().is_empty());
            assert_ne!(vi, en, "{r:?}");
            assert!(!vietnamese(&en), "{r:?}: {en}");
            assert!(vietnamese(&vi), "{r:?}: {vi}");
        }
    }
    use std::io::{Cursor, Write};

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut buf);
        for (name, body) in parts {
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            let _ = z.start_file(*name, opts);
            let _ = z.write_all(body);
        }
        let _ = z.finish();
        buf.into_inner()
    }

    #[test]
    fn a_bomb_is_stopped_while_inflating() {
        let big = vec![b'a'; 3 * 1024 * 1024];
        let bytes = zip_of(&[("word/document.xml", &big)]);
        let mut p = Package::open(Cursor::new(bytes)).expect("zip");
        assert_eq!(
            p.read("word/document.xml"),
            Err(Refusal::Bomb("word/document.xml".into()))
        );
    }

    #[test]
    fn an_ordinary_part_reads_and_a_missing_one_is_named() {
        let bytes = zip_of(&[("a.xml", b"<a>x</a>")]);
        let mut p = Package::open(Cursor::new(bytes)).expect("zip");
        assert_eq!(p.xml("a.xml").as_deref(), Ok("<a>x</a>"));
        assert_eq!(p.read("b.xml"), Err(Refusal::MissingPart("b.xml".into())));
    }

    #[test]
    fn a_dtd_is_found_before_the_root_only() {
        assert!(has_dtd(
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><a>&lol;</a>"
        ));
        assert!(!has_dtd("<?xml version=\"1.0\"?><a>&lt;!DOCTYPE</a>"));
    }

    #[test]
    fn ole_files_are_told_apart() {
        let mut enc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        assert_eq!(sniff(&enc), Sniff::Ole);
        assert_eq!(ole_refusal(&enc, true), Refusal::Legacy { word: true });
        enc.extend(
            "EncryptedPackage"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        assert_eq!(ole_refusal(&enc, false), Refusal::Password);
        assert_eq!(sniff(b"hello"), Sniff::Other);
    }
}
