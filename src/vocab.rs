//! The closed vocabularies of the nomination format (SPEC §3, §4.1): each is
//! an enum whose slug is what a file says and whose label is what a person
//! reads.

use crate::lang::Lang;

/// A closed list of values spelled by slugs in files.
pub trait Vocab: Copy + 'static {
    fn all() -> &'static [Self];
    fn slug(self) -> &'static str;
    fn label(self, lang: Lang) -> &'static str;

    /// A value written as its slug, or as its Vietnamese label in any case,
    /// with or without diacritics (SPEC §3.1): `"Nữ"`, `"nu"` and `"NỮ"` all
    /// read as `nu`; `"Hoàn thành xuất sắc nhiệm vụ"` and `"hoan thanh xuat
    /// sac"` as `hoan-thanh-xuat-sac`.
    fn parse(s: &str) -> Option<Self> {
        if let Some(v) = Self::all().iter().copied().find(|v| v.slug() == s) {
            return Some(v);
        }
        let key = crate::text::slugify(s);
        if key.is_empty() {
            return None;
        }
        Self::all().iter().copied().find(|v| {
            crate::text::slugify(v.slug()) == key || crate::text::slugify(v.label(Lang::Vi)) == key
        })
    }

    /// The value spelled exactly so in a file (no label, no other case).
    fn from_slug(s: &str) -> Option<Self> {
        Self::all().iter().copied().find(|v| v.slug() == s)
    }

    /// Every slug, in the list's order.
    fn slugs() -> impl Iterator<Item = &'static str> {
        Self::all().iter().map(|v| v.slug())
    }

    /// "a | b | c", for messages and templates.
    fn choices() -> String {
        Self::all()
            .iter()
            .map(|v| v.slug())
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

/// Declares an enum spelled in files by kebab-case slugs, with a Vietnamese
/// and an English label for each value.
macro_rules! slug_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $slug:literal, $vi:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order the plan gives them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The spelling used in files and on the command line.
            pub fn slug(self) -> &'static str {
                match self { $(Self::$variant => $slug),+ }
            }

            /// What a person reads.
            pub fn label(self, lang: Lang) -> &'static str {
                match self { $(Self::$variant => lang.pick($vi, $en)),+ }
            }

        }

        impl Vocab for $name {
            fn all() -> &'static [Self] { Self::ALL }
            fn slug(self) -> &'static str { $name::slug(self) }
            fn label(self, lang: Lang) -> &'static str { $name::label(self, lang) }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.slug())
            }
        }
    };
}

slug_enum! {
    /// Where a nomination stands in the appraisal.
    Status {
        ChoXet = "cho-xet", "chờ xét", "pending";
        Dat = "dat", "đạt", "approved";
        BoSung = "bo-sung", "đề nghị bổ sung", "returned for more";
        KhongDat = "khong-dat", "không đạt", "rejected";
    }
}

impl Status {
    /// `bo-sung` and `khong-dat` must say why.
    pub fn needs_note(self) -> bool {
        matches!(self, Status::BoSung | Status::KhongDat)
    }
}

slug_enum! {
    /// Kinds of exemplar (§III.1).
    Kind {
        TapThe = "tap-the", "tập thể", "collective";
        CaNhan = "ca-nhan", "cá nhân", "individual";
        HoGiaDinh = "ho-gia-dinh", "hộ gia đình", "household";
    }
}

slug_enum! {
    /// Roles some campaigns set apart: individuals (§3.6, §3.9, §3.13) and
    /// collectives (§3.6, §3.12).
    Role {
        CanBo = "can-bo", "cán bộ, công chức, viên chức", "official or public employee";
        NguoiDan = "nguoi-dan", "người dân", "citizen";
        DoanhNhan = "doanh-nhan", "doanh nhân, trí thức, nhà khoa học, kỹ sư, công nhân, cá nhân trong và ngoài nước, người Việt Nam định cư ở nước ngoài", "entrepreneur, intellectual, scientist, engineer, worker, individual at home or abroad, or overseas Vietnamese";
        GiaoVien = "giao-vien", "giáo viên", "teacher";
        HocSinh = "hoc-sinh", "học sinh", "pupil";
        LucLuongCongAn = "luc-luong-cong-an", "lực lượng công an", "police unit";
        CoQuanDiaPhuongDoanhNghiep = "co-quan-dia-phuong-doanh-nghiep", "cơ quan, đơn vị, địa phương, doanh nghiệp", "agency, unit, locality or enterprise";
        CoQuanNhaNuoc = "co-quan-nha-nuoc", "cơ quan nhà nước", "state body";
        ToChucDoanhNghiep = "to-chuc-doanh-nghiep", "tổ chức, doanh nghiệp", "organisation or enterprise";
    }
}

slug_enum! {
    /// The year's quality rating, best first: the order is what "at least"
    /// compares.
    Rating {
        XuatSac = "hoan-thanh-xuat-sac", "hoàn thành xuất sắc nhiệm vụ", "completed tasks excellently";
        Tot = "hoan-thanh-tot", "hoàn thành tốt nhiệm vụ", "completed tasks well";
        HoanThanh = "hoan-thanh", "hoàn thành nhiệm vụ", "completed tasks";
        KhongHoanThanh = "khong-hoan-thanh", "không hoàn thành nhiệm vụ", "did not complete tasks";
    }
}

impl Kind {
    /// A kind from the command line: its slug or label, any case, with or
    /// without diacritics or hyphens ("canhan"); the closest is suggested.
    pub fn from_query(query: &str, lang: Lang) -> anyhow::Result<Kind> {
        if let Some(k) = <Kind as Vocab>::parse(query) {
            return Ok(k);
        }
        let squeezed = crate::text::slugify(query).replace('-', "");
        if let Some(k) = Kind::ALL
            .iter()
            .find(|k| k.slug().replace('-', "") == squeezed)
        {
            return Ok(*k);
        }
        let hint = crate::text::closest(query, Kind::slugs())
            .map(|h| crate::tr!(lang, "có phải là `{h}`? ", "did you mean `{h}`? "))
            .unwrap_or_default();
        anyhow::bail!(crate::tr!(
            lang,
            "không có loại `{}`; {hint}Chọn một trong: {}",
            "no kind `{}`; {hint}Choose one of: {}",
            crate::text::escape_controls(query),
            Kind::choices()
        ))
    }
}

impl Rating {
    /// True when `self` is as good as `floor` or better.
    pub fn meets(self, floor: Rating) -> bool {
        self <= floor
    }
}

slug_enum! {
    /// Who recognised an initiative or solution.
    InitiativeLevel {
        DonVi = "don-vi", "được cơ quan, đơn vị, địa phương công nhận", "recognised by the agency, unit or locality";
        Huyen = "huyen", "được cấp huyện công nhận", "recognised by the district";
        // §3.5a: "được Ủy ban nhân dân tỉnh công nhận".
        Tinh = "tinh", "được UBND tỉnh công nhận", "recognised by the provincial People's Committee";
    }
}

slug_enum! {
    /// Reach of an achievement (§IV.1).
    Scope {
        CoSo = "co-so", "cơ sở", "local";
        ToanTinh = "toan-tinh", "toàn tỉnh", "province-wide";
    }
}

slug_enum! {
    Gender {
        Nam = "nam", "nam", "male";
        Nu = "nu", "nữ", "female";
    }
}

slug_enum! {
    /// Level of a submitting unit (`unit.toml`).
    UnitLevel {
        Tinh = "tinh", "cấp tỉnh", "provincial";
        Huyen = "huyen", "cấp huyện", "district";
        Xa = "xa", "cấp xã", "commune";
        DoanhNghiep = "doanh-nghiep", "doanh nghiệp", "enterprise";
        Khac = "khac", "khác", "other";
    }
}

slug_enum! {
    /// The motto at a document's top right (`unit.toml`, SPEC §2, §12).
    Motto {
        NhaNuoc = "nha-nuoc", "Cộng hòa xã hội chủ nghĩa Việt Nam", "Socialist Republic of Viet Nam";
        Dang = "dang", "Đảng Cộng sản Việt Nam", "Communist Party of Viet Nam";
        Doan = "doan", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Ho Chi Minh Communist Youth Union";
    }
}

slug_enum! {
    /// Fields a "Dân vận khéo" model may belong to (§3.7).
    Domain {
        KinhTe = "kinh-te", "kinh tế", "economy";
        VanHoaXaHoi = "van-hoa-xa-hoi", "văn hóa - xã hội", "culture and society";
        AnNinhQuocPhong = "an-ninh-quoc-phong", "an ninh - quốc phòng", "security and defence";
        XayDungHeThongChinhTri = "xay-dung-he-thong-chinh-tri", "xây dựng hệ thống chính trị", "building the political system";
    }
}

slug_enum! {
    /// The keys of `[facts]` (SPEC §4.1).
    Fact {
        Rating = "rating", "xếp loại chất lượng", "quality rating";
        PartyMember = "party_member", "là đảng viên", "party member";
        PartyOrg = "party_org", "là tổ chức đảng", "party organisation";
        PartyRating = "party_rating", "xếp loại đảng viên / tổ chức đảng", "party rating";
        InitiativeLevel = "initiative_level", "cấp công nhận sáng kiến, giải pháp", "level that recognised the initiative";
        LateDossiers = "late_dossiers", "số hồ sơ trễ hẹn, tồn đọng", "late or pending dossiers";
        ParScored = "par_scored", "thuộc đối tượng tỉnh chấm chỉ số CCHC", "scored on the PAR index";
        ParIndex = "par_index", "điểm chỉ số CCHC năm nay", "this year's PAR index";
        ParIndexPrev = "par_index_prev", "điểm chỉ số CCHC năm trước", "last year's PAR index";
        ParRank = "par_rank", "thứ hạng CCHC năm nay", "this year's PAR rank";
        ParRankPrev = "par_rank_prev", "thứ hạng CCHC năm trước", "last year's PAR rank";
        LandContributedM2 = "land_contributed_m2", "diện tích đất hiến (m²)", "land contributed (m²)";
        HandoverEarly = "handover_early", "bàn giao mặt bằng trước thời hạn", "site handed over early";
        RegisteredExitPoverty = "registered_exit_poverty", "tự nguyện đăng ký thoát nghèo", "registered to leave poverty";
        SupportsPoorHouseholds = "supports_poor_households", "hỗ trợ hộ nghèo, cận nghèo", "helps poor households";
    }
}

/// The type of value a fact holds, with its allowed range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactType {
    Rating,
    Bool,
    InitiativeLevel,
    /// An integer ≥ 0.
    Count,
    /// An integer ≥ 1.
    Rank,
    /// A number from 0 to 100.
    Score,
    /// A number ≥ 0.
    Area,
}

impl Fact {
    pub fn ty(self) -> FactType {
        match self {
            Fact::Rating | Fact::PartyRating => FactType::Rating,
            Fact::PartyMember
            | Fact::PartyOrg
            | Fact::ParScored
            | Fact::HandoverEarly
            | Fact::RegisteredExitPoverty
            | Fact::SupportsPoorHouseholds => FactType::Bool,
            Fact::InitiativeLevel => FactType::InitiativeLevel,
            Fact::LateDossiers => FactType::Count,
            Fact::ParRank | Fact::ParRankPrev => FactType::Rank,
            Fact::ParIndex | Fact::ParIndexPrev => FactType::Score,
            Fact::LandContributedM2 => FactType::Area,
        }
    }
}

/// A fact's value once its type has been checked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FactValue {
    Rating(Rating),
    Bool(bool),
    Level(InitiativeLevel),
    Int(i64),
    Num(f64),
}

impl FactValue {
    pub fn as_f64(self) -> Option<f64> {
        match self {
            FactValue::Int(i) => Some(i as f64),
            FactValue::Num(n) => Some(n),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_order_best_first() {
        assert!(Rating::XuatSac.meets(Rating::Tot));
        assert!(Rating::Tot.meets(Rating::Tot));
        assert!(!Rating::HoanThanh.meets(Rating::Tot));
    }

    #[test]
    fn slugs_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_slug(k.slug()), Some(*k));
        }
        for f in Fact::ALL {
            assert_eq!(Fact::from_slug(f.slug()), Some(*f));
        }
        assert_eq!(Kind::from_slug("tap_the"), None);
    }

    #[test]
    fn labels_read_as_slugs() {
        assert_eq!(Gender::parse("Nữ"), Some(Gender::Nu));
        assert_eq!(Gender::parse("NAM"), Some(Gender::Nam));
        assert_eq!(
            Rating::parse("Hoàn thành xuất sắc nhiệm vụ"),
            Some(Rating::XuatSac)
        );
        assert_eq!(Rating::parse("hoan thanh xuat sac"), Some(Rating::XuatSac));
        assert_eq!(Kind::parse("Cá nhân"), Some(Kind::CaNhan));
        assert_eq!(Scope::parse("toàn tỉnh"), Some(Scope::ToanTinh));
        assert_eq!(
            InitiativeLevel::parse("được UBND tỉnh công nhận"),
            Some(InitiativeLevel::Tinh)
        );
        assert_eq!(Gender::parse("khác"), None);
        assert_eq!(Rating::parse(""), None);
        assert_eq!(Rating::parse("xuất sắc"), None);
    }
}
