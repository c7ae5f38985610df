//! A finding as a letter from Sở Nội vụ says it (SPEC §12): worded
//! from the form's labels, for what the unit must do, never from the file
//! format — no field keys, paths, line numbers, backticks, TOML advice or
//! ISO dates. kh's own messages (`messages.rs`) speak to whoever edits the
//! file; these speak to a unit that typed a report in Word.

use crate::campaign::{Campaign, Cond};
use crate::diagnostic::Diagnostic;
use crate::form::nominee_field;
use crate::messages::{DateProblem, Expected, Range, TextFault, What};
use crate::text::dmy;
use crate::vocab::Vocab as _;
use crate::vocab::{Fact, Kind, Rating};

/// Who a nomination is about, as the letter names them.
#[derive(Clone, Copy, Debug)]
pub struct Who<'a> {
    /// "ông Trần Văn A", "hộ bà Lê Thị B", "Hợp tác xã Nhân Thịnh"; empty
    /// when the file could not be read.
    pub name: &'a str,
}

impl Who<'_> {
    /// "của ông Trần Văn A", or "của hồ sơ" when no name could be read.
    fn of(&self) -> String {
        if self.name.is_empty() {
            "của hồ sơ".to_string()
        } else {
            format!("của {}", self.name)
        }
    }

    fn subject(&self) -> String {
        if self.name.is_empty() {
            "Hồ sơ".to_string()
        } else {
            format!("Hồ sơ của {}", self.name)
        }
    }
}

/// A key of the form as its printed label says it.
pub fn form_label(key: &str) -> String {
    if let Some(f) = nominee_field(key) {
        return f.vi.to_string();
    }
    if let Some(f) = Fact::from_slug(key) {
        return crate::text::upper_first(f.label(crate::lang::Lang::Vi));
    }
    crate::form::key_label(key, crate::lang::Lang::Vi)
        .unwrap_or("Một mục của báo cáo")
        .to_string()
}

fn campaign(c: Campaign) -> String {
    let info = c.info();
    if info.section == "*" {
        "“Các lĩnh vực khác”".to_string()
    } else {
        format!("“{}” (mục {} của Kế hoạch)", info.name_vi, info.section)
    }
}

/// A date as the unit wrote it, in a letter's words: "“31/02/1980”", and
/// one the file holds year first as "ngày 01 tháng 13 năm 1978" (a letter
/// has no ISO dates), its time of day left out.
fn date_as_written(raw: &str) -> String {
    let raw = raw.trim().trim_matches('"');
    let mut parts = raw.splitn(3, '-');
    let (y, m, d) = (parts.next(), parts.next(), parts.next());
    if let (Some(y), Some(m), Some(d)) = (y, m, d) {
        let d: String = d.chars().take_while(char::is_ascii_digit).collect();
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if y.len() == 4 && digits(y) && digits(m) && digits(&d) {
            return format!("ngày {d} tháng {m} năm {y}");
        }
    }
    format!("“{raw}”")
}

fn kind_word(k: Kind) -> &'static str {
    match k {
        Kind::TapThe => "tập thể",
        Kind::CaNhan => "cá nhân",
        Kind::HoGiaDinh => "hộ gia đình",
    }
}

fn number(n: f64) -> String {
    let s = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    };
    // Vietnamese writes a decimal comma.
    s.replace('.', ",")
}

fn cond(c: &Cond) -> String {
    match c {
        Cond::True(f) => f.label(crate::lang::Lang::Vi).to_string(),
        Cond::Positive(f) => format!("có {}", f.label(crate::lang::Lang::Vi)),
    }
}

/// The letter's sentence for a finding, or `None` for what is Sở Nội vụ's
/// own filing and not the unit's to mend (`outside-unit`, `misnamed-file`,
/// `review-orphan`, a link, a name's bytes, the roster, `kh.toml` and the
/// review register). `unit_name` turns another file's path into the name of
/// the unit that sent it.
pub fn sentence(
    d: &Diagnostic,
    who: Who<'_>,
    unit_name: &dyn Fn(&str) -> String,
) -> Option<String> {
    let of = who.of();
    let subject = who.subject();
    let unreadable = format!("{subject} không đọc được, đề nghị gửi lại.");
    let s = match &d.what {
        What::Syntax(_) | What::Unreadable(_) => unreadable,
        What::WrongType { key, expected, .. } => {
            let want = match expected {
                Expected::WholeNumber | Expected::Number => "ghi bằng số",
                Expected::Date => "ghi đủ ngày, tháng, năm",
                Expected::TrueFalse => "ghi rõ có hoặc không",
                _ => "ghi theo mẫu báo cáo",
            };
            format!("{} {of} ghi chưa đúng: đề nghị {want}.", form_label(key))
        }
        What::WrongTypeTable { key, .. } => format!(
            "Mục “{}” {of} chưa trình bày theo mẫu báo cáo: đề nghị trình bày lại theo mẫu.",
            form_label(key)
        ),
        What::MissingField { key, .. } | What::EmptyField { key, .. } => format!(
            "{subject} còn thiếu mục “{}”: đề nghị bổ sung.",
            form_label(key)
        ),
        What::BadChoice(c) => format!(
            "{} {of} ghi “{}”, không thuộc các nội dung của mẫu báo cáo: đề nghị ghi lại.",
            form_label(&c.key),
            c.given
        ),
        What::InvalidDate { key, raw, why } => {
            let why = match why {
                DateProblem::NotOnCalendar => "không có ngày này",
                DateProblem::HasTime | DateProblem::NotDayMonthYear => "chưa đúng ngày, tháng, năm",
            };
            format!(
                "{} {of} ghi {}, {why}: đề nghị kiểm tra, ghi lại đủ ngày, tháng, năm.",
                form_label(key),
                date_as_written(raw)
            )
        }
        What::TooLarge { key } | What::NotFinite { key } => format!(
            "{} {of} ghi không hợp lý: đề nghị kiểm tra lại.",
            form_label(key)
        ),
        What::AtLeast { key, min } => format!(
            "{} {of} phải từ {min} trở lên: đề nghị kiểm tra lại.",
            form_label(key)
        ),
        What::InRange { key, range } => {
            let range = match range {
                Range::ZeroToHundred => "từ 0 đến 100",
                Range::ZeroOrMore => "từ 0 trở lên",
            };
            format!(
                "{} {of} phải {range}: đề nghị kiểm tra lại.",
                form_label(key)
            )
        }
        What::UnknownField { .. } | What::NomineeFieldAtTop { .. } | What::ModelNotHere => {
            format!(
                "{subject} có mục không thuộc mẫu báo cáo: đề nghị trình bày lại theo mẫu kèm theo Kế hoạch."
            )
        }
        What::FieldNotForKind { field, kind } => format!(
            "{subject} có mục “{}”, không thuộc mẫu báo cáo của {}: đề nghị trình bày lại theo mẫu kèm theo Kế hoạch.",
            field.vi,
            kind_word(*kind)
        ),
        What::UnknownCampaign { .. } => format!(
            "{subject} chưa ghi đúng tên phong trào thi đua trong Kế hoạch: đề nghị ghi rõ phong trào đề nghị."
        ),
        What::KindNotAllowed { campaign: c, kind } => format!(
            "Phong trào {} không xét điển hình {}: đề nghị xem xét lại phong trào đề nghị {of}.",
            campaign(*c),
            kind_word(*kind)
        ),
        What::EscalateToChairman => return None,
        What::WorkplaceOrResidence => format!(
            "{subject} còn thiếu đơn vị công tác (hoặc hộ khẩu thường trú): đề nghị bổ sung."
        ),
        What::MissingRole { campaign: c, kind } => {
            let roles: Vec<&str> = c
                .info()
                .roles_for(*kind)
                .iter()
                .map(|r| r.label(crate::lang::Lang::Vi))
                .collect();
            format!(
                "{subject} chưa ghi rõ thuộc nhóm đối tượng nào của phong trào {} ({}): đề nghị bổ sung.",
                campaign(*c),
                roles.join("; ")
            )
        }
        What::RoleNotAllowed {
            campaign: c, given, ..
        } => format!(
            "Nhóm đối tượng {of} ghi “{given}”, không thuộc phong trào {}: đề nghị ghi lại.",
            campaign(*c)
        ),
        What::BirthInFuture { birth, as_of } => format!(
            "Ngày, tháng, năm sinh {of} ghi {}, sau ngày {}: đề nghị kiểm tra lại.",
            dmy(*birth),
            dmy(*as_of)
        ),
        What::ImplausibleAge { age, as_of } => format!(
            "Theo ngày, tháng, năm sinh đã ghi, đến ngày {} {} {age} tuổi: đề nghị kiểm tra lại.",
            dmy(*as_of),
            if who.name.is_empty() {
                "người được đề nghị"
            } else {
                who.name
            }
        ),
        What::NoAchievement => format!(
            "{subject} chưa có nội dung “Thành tích tiêu biểu xuất sắc đã đạt được”: đề nghị bổ sung."
        ),
        What::UnknownCriterion { campaign: c, .. } => format!(
            "Thành tích {of} được đối chiếu với một tiêu chí không thuộc phong trào {}: đề nghị đối chiếu lại với tiêu chí của Kế hoạch.",
            campaign(*c)
        ),
        What::UnevidencedCriteria(_)
        | What::ValueReadAs { .. }
        | What::RoleReadAs { .. }
        | What::FactReadAsTrue { .. } => {
            return None;
        }
        What::AwardYear { year, why } => {
            let why = match why {
                crate::messages::YearProblem::BeforeBirth(b) => {
                    format!("trước năm sinh ({b})")
                }
                crate::messages::YearProblem::OutOfRange(max) => {
                    format!("phải từ năm 1945 đến năm {max}")
                }
            };
            format!(
                "Quá trình khen thưởng {of} có năm {year} không hợp lý ({why}): đề nghị kiểm tra lại."
            )
        }
        What::PhotoFile { problem, .. } => {
            let why = match problem {
                crate::messages::PhotoProblem::NotBeside
                | crate::messages::PhotoProblem::Missing => "chưa kèm theo hồ sơ",
                crate::messages::PhotoProblem::NotJpegPng => "không phải ảnh JPEG hay PNG",
                crate::messages::PhotoProblem::TooBig => "có dung lượng quá 5 MiB",
            };
            format!("Ảnh {of} {why}: đề nghị gửi lại ảnh JPEG hoặc PNG, tối đa 5 MiB.")
        }
        What::InvalidDecision { given } => format!(
            "Số quyết định khen thưởng “{given}” {of} ghi chưa đúng (ví dụ: 1234/QĐ-UBND): đề nghị ghi lại."
        ),
        What::SuspiciousDecision { given, meant } => format!(
            "Số quyết định khen thưởng “{given}” {of} có thể gõ nhầm (“{meant}”): đề nghị kiểm tra lại."
        ),
        What::DateInFuture { date, as_of } => format!(
            "{subject} ghi ngày {}, sau ngày {}: đề nghị kiểm tra lại.",
            dmy(*date),
            dmy(*as_of)
        ),
        What::AwardDateMismatch { date, year } => format!(
            "Quá trình khen thưởng {of}: ngày quyết định {} không thuộc năm khen thưởng {year}: đề nghị kiểm tra lại.",
            dmy(*date)
        ),
        What::DecisionDateMismatch { date, in_number } => format!(
            "Quá trình khen thưởng {of}: ngày quyết định {} khác ngày ghi cùng số quyết định ({}): đề nghị kiểm tra lại.",
            dmy(*date),
            dmy(*in_number)
        ),
        What::FactNotApplicable {
            campaign: c, fact, ..
        } => format!(
            "Thông tin “{}” {of} không thuộc tiêu chí của phong trào {}: có thể bỏ nội dung này.",
            fact.label(crate::lang::Lang::Vi),
            campaign(*c)
        ),
        What::MissingFact { section, fact } => format!(
            "{subject} chưa nêu {} (tiêu chí tại mục {section} của Kế hoạch): đề nghị bổ sung.",
            fact.label(crate::lang::Lang::Vi)
        ),
        What::NotZero { section, n, .. } => format!(
            "{subject} nêu {} hồ sơ trễ hẹn, tồn đọng, trong khi mục {section} của Kế hoạch yêu cầu không có hồ sơ trễ hẹn, tồn đọng.",
            number(*n)
        ),
        What::AnyOf { section, conds } => format!(
            "{subject} chưa thể hiện tiêu chí tại mục {section} của Kế hoạch ({}): đề nghị bổ sung.",
            conds.iter().map(cond).collect::<Vec<_>>().join(" hoặc ")
        ),
        What::InitiativeLevel { section, want, got } => format!(
            "Theo mục {section} của Kế hoạch, đơn vị được tỉnh chấm chỉ số cải cách hành chính phải có sáng kiến, giải pháp {}; sáng kiến, giải pháp {of} mới {}.",
            want.label(crate::lang::Lang::Vi),
            got.label(crate::lang::Lang::Vi)
        ),
        What::TooLow {
            section,
            fact,
            min,
            n,
        } => format!(
            "{} {of} là {}, trong khi mục {section} của Kế hoạch yêu cầu từ {} trở lên.",
            crate::text::upper_first(fact.label(crate::lang::Lang::Vi)),
            number(*n),
            number(*min)
        ),
        What::NoParRise { section } => format!(
            "{subject} chưa thể hiện chỉ số cải cách hành chính tăng điểm hoặc tăng bậc so với năm trước liền kề (mục {section} của Kế hoạch)."
        ),
        What::RatingBelow {
            section,
            fact,
            got,
            floor,
        } => {
            let at_least = if *floor == Rating::XuatSac {
                ""
            } else {
                " trở lên"
            };
            format!(
                "{} {of}: {}, trong khi mục {section} của Kế hoạch yêu cầu {}{at_least}.",
                crate::text::upper_first(fact.label(crate::lang::Lang::Vi)),
                got.label(crate::lang::Lang::Vi),
                floor.label(crate::lang::Lang::Vi)
            )
        }
        What::ModelNoPlan { section } => format!(
            "Mô hình {of} chưa có kế hoạch thực hiện theo trình tự 4 bước (mục {section} của Kế hoạch): đề nghị bổ sung."
        ),
        What::ModelNotArchived { section } => format!(
            "Mô hình {of} chưa có hồ sơ lưu trữ đầy đủ (mục {section} của Kế hoạch): đề nghị bổ sung."
        ),
        What::ModelScoreOff { score, .. } => format!(
            "Điểm chấm mô hình {of} ghi {}, ngoài thang điểm 100: đề nghị kiểm tra lại.",
            number(*score)
        ),
        What::UnitMissingDescriptor { .. } => {
            "Hồ sơ của đơn vị chưa ghi tên đầy đủ của đơn vị đề nghị: đề nghị bổ sung.".to_string()
        }
        // A unit split across folders is for Sở Nội vụ to merge first
        // (SPEC §6): neither finding goes in a letter.
        What::UnitOverCap { folders, .. } if !folders.is_empty() => return None,
        What::SplitUnit { .. } | What::CapChanged { .. } => return None,
        // What kh could not read is kh's to look at, never the unit's to
        // send again (SPEC §15.1).
        What::ImportUnread { .. } | What::UnreadKey { .. } => return None,
        What::UnitOverCap { n, cap, .. } => format!(
            "Đơn vị gửi {n} hồ sơ, vượt số lượng tối đa {cap:02} điển hình (mục IV.1 của Kế hoạch: “không quá 03 điển hình, bao gồm cả tập thể, cá nhân”): đề nghị lựa chọn lại, gửi không quá {cap:02} hồ sơ."
        ),
        What::DuplicateNominee {
            others,
            more,
            possible,
            ..
        } => {
            let own = unit_name(d.path.as_ref());
            let mut names: Vec<String> = Vec::new();
            let mut same_unit = false;
            for o in others {
                let n = unit_name(o);
                if n == own {
                    same_unit = true;
                } else if !names.contains(&n) {
                    names.push(n);
                }
            }
            let mut by = names.join(", ");
            if *more > 0 {
                by.push_str(" và các đơn vị khác");
            }
            let who_name = if who.name.is_empty() {
                "Người được đề nghị"
            } else {
                who.name
            };
            match (same_unit, by.is_empty(), possible) {
                (true, true, _) => format!(
                    "{} được đơn vị đề nghị trong hai hồ sơ: đề nghị giữ một hồ sơ.",
                    crate::text::upper_first(who_name)
                ),
                (_, _, true) => format!(
                    "{} có thể trùng với người cùng ngày sinh cũng được {by} đề nghị (một tên viết không dấu): đề nghị kiểm tra, thống nhất.",
                    crate::text::upper_first(who_name)
                ),
                _ => format!(
                    "{} cũng được {by} đề nghị: đề nghị phối hợp, thống nhất đơn vị đề nghị.",
                    crate::text::upper_first(who_name)
                ),
            }
        }
        What::BirthYearOnly { year } => format!(
            "Ngày, tháng, năm sinh {of} ghi “{year}”, chưa đủ ngày, tháng: đề nghị bổ sung."
        ),
        What::NoNominations { .. } => {
            "Sở Nội vụ chưa nhận được hồ sơ đề nghị nào của đơn vị.".to_string()
        }
        What::ImplausibleText { label, why } => {
            let label = crate::text::upper_first(label.vi);
            match why {
                TextFault::DigitsOnly => {
                    format!("{label} {of} chỉ có chữ số: đề nghị kiểm tra lại.")
                }
                TextFault::DoubleSpace => {
                    format!("{label} {of} có hai dấu cách liền nhau: đề nghị kiểm tra lại.")
                }
                TextFault::Control => {
                    format!("{label} {of} có ký tự lạ không in được: đề nghị gõ lại.")
                }
                TextFault::TooLong { chars, .. } => format!(
                    "{label} {of} dài {chars} ký tự, có thể dán nhầm nội dung: đề nghị kiểm tra lại."
                ),
            }
        }
        // Sở Nội vụ's own filing, the roster, its settings and its
        // register: nothing for the unit to mend.
        What::OutsideUnit
        | What::MisnamedFile { .. }
        | What::NonUtf8Name
        | What::LinkSkipped
        | What::UnexpectedUnit { .. }
        | What::YearRange
        | What::ExpectedCode { .. }
        | What::ReviewOrphan { .. }
        | What::ReviewNoteNeeded { .. }
        | What::ReviewSha
        | What::ReviewTwice { .. } => return None,
        // The decisions are told apart, with the reviewer's words.
        What::ReviewStale { .. } | What::ReviewReturned { .. } | What::ReviewRejected { .. } => {
            return None;
        }
    };
    Some(s)
}
