//! The two forms attached to the plan, as data: which keys a nomination file
//! may hold, for which kind, and what each stands for on the paper form
//! (SPEC §3, §3.1). The checker and the template writer both read this.

use crate::lang::Lang;
use crate::vocab::Kind;

/// What a field is for one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    /// Not on this kind's form.
    No,
    Optional,
    Required,
    /// Required under a condition the checker knows (`workplace` or
    /// `residence`; `role` where the campaign lists roles).
    Conditional,
}

/// The type of a field's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    Text,
    Date,
    Gender,
    /// A whole number ≥ 1.
    Count,
    Role,
}

#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub key: NomineeKey,
    pub ty: FieldType,
    /// Columns for tập thể, cá nhân, hộ gia đình.
    pub cols: [Col; 3],
    /// The line of the paper form it fills in.
    pub vi: &'static str,
    pub en: &'static str,
}

impl Field {
    pub fn col(&self, kind: Kind) -> Col {
        self.cols[kind as usize]
    }

    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }
}

use Col::{Conditional as C, No as N, Optional as O, Required as R};

/// `[nominee]`, in the order of the forms (SPEC §3.1).
pub const NOMINEE_FIELDS: &[Field] = &[
    Field {
        key: NomineeKey::Name,
        ty: FieldType::Text,
        cols: [R, N, N],
        vi: "Tên tập thể",
        en: "Name of the collective",
    },
    Field {
        key: NomineeKey::Founded,
        ty: FieldType::Text,
        cols: [R, N, N],
        vi: "Quá trình thành lập",
        en: "How it was founded",
    },
    Field {
        key: NomineeKey::Structure,
        ty: FieldType::Text,
        cols: [R, N, N],
        vi: "Cơ cấu bộ máy tổ chức",
        en: "Organisational structure",
    },
    Field {
        key: NomineeKey::Duties,
        ty: FieldType::Text,
        cols: [R, N, N],
        vi: "Chức năng, nhiệm vụ",
        en: "Functions and duties",
    },
    Field {
        key: NomineeKey::Address,
        ty: FieldType::Text,
        cols: [O, N, N],
        vi: "Địa chỉ",
        en: "Address",
    },
    Field {
        key: NomineeKey::FullName,
        ty: FieldType::Text,
        cols: [N, R, R],
        vi: "Họ và tên",
        en: "Full name",
    },
    Field {
        key: NomineeKey::BirthDate,
        ty: FieldType::Date,
        cols: [N, R, R],
        vi: "Ngày, tháng, năm sinh",
        en: "Date of birth",
    },
    Field {
        key: NomineeKey::Gender,
        ty: FieldType::Gender,
        cols: [N, O, O],
        vi: "Giới tính",
        en: "Gender",
    },
    Field {
        key: NomineeKey::Hometown,
        ty: FieldType::Text,
        cols: [N, R, R],
        vi: "Quê quán",
        en: "Home town",
    },
    Field {
        key: NomineeKey::Position,
        ty: FieldType::Text,
        // One form serves households and individuals: "Chức vụ, đơn vị công
        // tác (hoặc hộ khẩu thường trú)", so a household head may give them.
        cols: [N, O, O],
        vi: "Chức vụ",
        en: "Position",
    },
    Field {
        key: NomineeKey::Workplace,
        ty: FieldType::Text,
        cols: [N, C, C],
        vi: "Đơn vị công tác",
        en: "Workplace",
    },
    Field {
        key: NomineeKey::Residence,
        ty: FieldType::Text,
        // Either answers "Chức vụ, đơn vị công tác (hoặc hộ khẩu thường
        // trú)", for a household head as for an individual.
        cols: [N, C, C],
        vi: "Hộ khẩu thường trú",
        en: "Permanent residence",
    },
    Field {
        key: NomineeKey::Members,
        ty: FieldType::Count,
        cols: [N, N, O],
        vi: "Số nhân khẩu trong hộ",
        en: "People in the household",
    },
    Field {
        key: NomineeKey::Role,
        ty: FieldType::Role,
        // Collectives too where the campaign sets them apart (§3.12 a).
        cols: [C, C, N],
        // "Đối tượng" is the plan's word for the kinds (§III.1).
        vi: "Nhóm đối tượng",
        en: "Group",
    },
];

/// Fields of `[nominee]` that the plan's two forms do not have; kh takes them
/// for convenience and says so wherever it lists them.
pub fn on_plan_form(key: NomineeKey) -> bool {
    !matches!(
        key,
        NomineeKey::Address | NomineeKey::Gender | NomineeKey::Members | NomineeKey::Role
    )
}

/// The field a file's `[nominee]` key names, if any.
pub fn nominee_field(key: &str) -> Option<&'static Field> {
    NomineeKey::parse(key).map(NomineeKey::field)
}

impl NomineeKey {
    /// The field of the form this key fills in.
    pub fn field(self) -> &'static Field {
        // NOMINEE_FIELDS holds one field per key, in the keys' order (a
        // unit test holds them to it).
        &NOMINEE_FIELDS[self as usize]
    }
}

/// The comment lines at the head of a file `kh import` wrote, each
/// starting with one of these (SPEC §15.1): written by the import, read by
/// it again (a source already taken in) and by the checker (the source an
/// `import-unread` finding names).
pub mod provenance {
    pub const FROM: &str = "Nhập từ: ";
    pub const SHA: &str = "SHA-256: ";
    pub const AT: &str = "Trang tính: ";
    pub const REPLACES: &str = "Nguồn đã sửa: ";
}

/// The keys `[import] unread` may list (SPEC §15.1), besides
/// `nominee.<field>`.
pub const UNREAD_KEYS: &[&str] = &[
    "achievements",
    "awards",
    "proposed_award",
    "campaign",
    "kind",
];

/// Whether `key` is one `[import] unread` may list.
pub fn unread_key(key: &str) -> bool {
    UNREAD_KEYS.contains(&key)
        || key
            .strip_prefix("nominee.")
            .is_some_and(|f| nominee_field(f).is_some())
}

/// A `[model]` key as the form names it (§3.7).
pub fn model_label(k: ModelKey, lang: Lang) -> &'static str {
    match k {
        ModelKey::Name => lang.pick("Tên mô hình", "Name of the model"),
        ModelKey::Address => lang.pick("Địa chỉ mô hình", "Address of the model"),
        ModelKey::Domain => lang.pick("Lĩnh vực của mô hình", "Field of the model"),
        ModelKey::FourStepPlan => lang.pick(
            "Kế hoạch thực hiện mô hình theo 4 bước",
            "The model's four-step plan",
        ),
        ModelKey::Score => lang.pick("Điểm chấm mô hình", "The model's score"),
        ModelKey::RecordsArchived => {
            lang.pick("Hồ sơ lưu trữ của mô hình", "The model's archived records")
        }
    }
}

/// The form's label of a key that is no nominee field nor fact: the top
/// keys, an award's and an achievement's keys, the model's. The one table
/// the letters, the import's output and `kh nominate edit` name keys by.
pub fn key_label(key: &str, lang: Lang) -> Option<&'static str> {
    if let Some(k) = <ModelKey as FormKey>::ALL.iter().find(|k| k.key() == key) {
        return Some(model_label(*k, lang));
    }
    Some(match key {
        k if k == Top::Campaign.key() => lang.pick("Phong trào thi đua", "Campaign"),
        k if k == Top::Kind.key() => lang.pick("Loại điển hình", "Kind of exemplar"),
        k if k == Top::Scope.key() => lang.pick(
            "Phạm vi ảnh hưởng của thành tích",
            "Reach of the achievements",
        ),
        k if k == Top::ProposedAward.key() => {
            lang.pick("Hình thức khen thưởng đề nghị", "Proposed commendation")
        }
        k if k == Top::Movement.key() => lang.pick("Phong trào, lĩnh vực", "Movement or field"),
        k if k == Top::Nominee.key() => lang.pick("Sơ lược lý lịch", "The nominee"),
        k if k == Top::Achievements.key() => lang.pick(
            "Thành tích tiêu biểu xuất sắc đã đạt được",
            "Outstanding achievements",
        ),
        k if k == Top::Awards.key() => lang.pick("Quá trình khen thưởng", "Commendation history"),
        k if k == Top::Facts.key() => lang.pick("Thông tin về tiêu chí", "Facts for the criteria"),
        k if k == Top::Model.key() => {
            lang.pick("Mô hình “Dân vận khéo”", "The “Dân vận khéo” model")
        }
        k if k == AwardKey::Year.key() => lang.pick("Năm khen thưởng", "Year of the award"),
        k if k == AwardKey::Title.key() => lang.pick("Hình thức khen thưởng", "The award"),
        k if k == AwardKey::Decision.key() => {
            lang.pick("Số quyết định khen thưởng", "Number of the decision")
        }
        k if k == AwardKey::Date.key() => {
            lang.pick("Ngày quyết định khen thưởng", "Date of the decision")
        }
        "text" => lang.pick("Nội dung thành tích", "What was achieved"),
        "criteria" => lang.pick("Tiêu chí của thành tích", "Criteria of the achievement"),
        "photo" | "photo_consent" => lang.pick("Ảnh của điển hình", "The exemplar's photo"),
        _ => return None,
    })
}

/// The form's label of a key `[import] unread` lists.
pub fn unread_label(key: &str, lang: Lang) -> &'static str {
    if let Some(f) = key.strip_prefix("nominee.").and_then(nominee_field) {
        return lang.pick(f.vi, f.en);
    }
    key_label(key, lang).unwrap_or_else(|| lang.pick("một mục", "a field"))
}

/// The keys of a nomination file, one name each: the reader, the template
/// and the dossier all spell a key through these, so that a key renamed in
/// one place cannot be left behind in another.
macro_rules! keys {
    ($(#[$doc:meta])* $name:ident, $list:ident { $($variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const fn key(self) -> &'static str {
                match self {
                    $(Self::$variant => $key),+
                }
            }
        }

        /// The key as a file spells it.
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }

        impl FormKey for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn key(self) -> &'static str {
                $name::key(self)
            }
        }

        pub const $list: &[&str] = &[$($key),+];
    };
}

/// A table's keys, each with its name: what the schema is made from.
pub trait FormKey: Copy + 'static {
    /// Every key, in the form's order.
    const ALL: &'static [Self];
    fn key(self) -> &'static str;

    /// The key spelt `key` in a file.
    fn parse(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.key() == key)
    }
}

keys!(
    /// The keys of `[nominee]`, in the forms' order (SPEC §3.1): one for
    /// each of [`NOMINEE_FIELDS`].
    NomineeKey, NOMINEE_KEYS {
        Name = "name",
        Founded = "founded",
        Structure = "structure",
        Duties = "duties",
        Address = "address",
        FullName = "full_name",
        BirthDate = "birth_date",
        Gender = "gender",
        Hometown = "hometown",
        Position = "position",
        Workplace = "workplace",
        Residence = "residence",
        Members = "members",
        Role = "role",
    }
);

keys!(
    /// Top-level keys of a nomination file, in the form's order.
    Top, TOP_KEYS {
        Campaign = "campaign",
        Kind = "kind",
        Scope = "scope",
        ProposedAward = "proposed_award",
        Movement = "movement",
        Photo = "photo",
        PhotoConsent = "photo_consent",
        Nominee = "nominee",
        Achievements = "achievements",
        Awards = "awards",
        Facts = "facts",
        Model = "model",
        Import = "import",
    }
);

keys!(
    /// The keys of one `[[achievements]]` entry.
    AchievementKey, ACHIEVEMENT_KEYS {
        Text = "text",
        Criteria = "criteria",
    }
);

keys!(
    /// The keys of one `[[awards]]` entry.
    AwardKey, AWARD_KEYS {
        Year = "year",
        Title = "title",
        Decision = "decision",
        Date = "date",
    }
);

keys!(
    /// `[model]` of a "Dân vận khéo" nomination (SPEC §4.1).
    ModelKey, MODEL_KEYS {
        Name = "name",
        Address = "address",
        Domain = "domain",
        FourStepPlan = "four_step_plan",
        Score = "score",
        RecordsArchived = "records_archived",
    }
);

/// The first form's title, or the second's, for a kind.
pub fn form_title(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::TapThe => lang.pick(
            "Mẫu báo cáo thành tích tập thể điển hình tiên tiến",
            "Achievement report form for an exemplary collective",
        ),
        _ => lang.pick(
            "Mẫu báo cáo thành tích hộ gia đình, cá nhân điển hình tiên tiến",
            "Achievement report form for an exemplary household or individual",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_nominee_key_finds_its_field() {
        assert_eq!(NOMINEE_FIELDS.len(), NOMINEE_KEYS.len());
        for (i, f) in NOMINEE_FIELDS.iter().enumerate() {
            assert_eq!(f.key as usize, i, "{:?} out of order", f.key);
            assert_eq!(f.key.field().key, f.key);
            assert_eq!(nominee_field(f.key.key()).map(|g| g.key), Some(f.key));
        }
        assert!(nominee_field("rating").is_none());
    }
}
