//! The campaign table: the emulation campaigns of §III.3 of the plan, with
//! their lead agencies, the kinds of exemplar and roles they take, the rules
//! a file can be checked against (SPEC §4.2) and their qualitative criteria
//! (SPEC §4.3). This file is meant to be read beside the plan: every entry
//! says what its paragraph says, and nothing else in `kh` knows a campaign.

use crate::lang::Lang;
use crate::text::{closest, slugify};
use crate::vocab::Fact;
use crate::vocab::InitiativeLevel;
use crate::vocab::Kind::{self, CaNhan, HoGiaDinh, TapThe};
use crate::vocab::Rating::{self, Tot, XuatSac};
use crate::vocab::Role::{
    self, CanBo, CoQuanDiaPhuongDoanhNghiep, CoQuanNhaNuoc, DoanhNhan, GiaoVien, HocSinh,
    LucLuongCongAn, NguoiDan, ToChucDoanhNghiep,
};

/// The campaigns, in the order of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Campaign {
    HocTapLamTheoBac,
    NongThonMoi,
    ViNguoiNgheo,
    VanHoaCongSo,
    CaiCachHanhChinh,
    KetCauHaTang,
    DanVanKheo,
    LaoDongGioi,
    DayTotHocTot,
    YTeHaiLong,
    QuyetThang,
    ViAnNinhToQuoc,
    GiaiPhongMatBang,
    NongDanSanXuatGioi,
    CuuChienBinhKinhTeGioi,
    PhuNuTichCuc,
    ThanhNienXungKich,
    LapThanLapNghiep,
    LinhVucKhac,
}

/// One thing a rule asks of a nomination's `[facts]` (or `[model]`).
#[derive(Clone, Copy, Debug)]
pub enum Check {
    /// `rating` is mandatory and at least this good.
    Rating(Rating),
    /// `party_rating` is mandatory and "hoàn thành xuất sắc".
    PartyRating,
    /// The fact must be given.
    Present(Fact),
    /// The first fact must be given unless the second is.
    PresentUnless(Fact, Fact),
    /// The fact must be given and be 0.
    Zero(Fact),
    /// At least one condition must hold (facts left out count as not held).
    AnyOf(&'static [Cond]),
    /// `initiative_level`, when given, must be this level.
    InitiativeAt(InitiativeLevel),
    /// The number must be given and be at least this much.
    AtLeast(Fact, f64),
    /// The PAR index rose or the rank improved on last year: "tăng điểm hoặc
    /// tăng bậc", so either complete pair that shows a rise suffices.
    ParImproved,
    /// The `[model]` table of a "Dân vận khéo" model is complete and sound.
    DanVanModel,
    /// The fact is read but optional: the plan names it for this kind without
    /// making it a condition (§3.13b: "Hộ gia đình hoặc cá nhân: góp quyền sử
    /// dụng đất…", while other individuals qualify by their work).
    Optional(Fact),
}

/// A condition inside [`Check::AnyOf`].
#[derive(Clone, Copy, Debug)]
pub enum Cond {
    /// A yes/no fact is `true`.
    True(Fact),
    /// A number is above 0.
    Positive(Fact),
}

impl Cond {
    pub fn fact(self) -> Fact {
        match self {
            Cond::True(f) | Cond::Positive(f) => f,
        }
    }
}

/// A rule of a campaign: what it checks, and for whom.
#[derive(Clone, Copy, Debug)]
pub struct Requirement {
    pub kind: Kind,
    /// Only for these roles; empty means every role.
    pub roles: &'static [Role],
    /// Only when this yes/no fact is `true`…
    pub when: Option<Fact>,
    /// … or when this fact is given at all (a given PAR index means the
    /// province scores the unit, §3.5 a).
    pub or_given: Option<Fact>,
    pub check: Check,
}

const fn req(kind: Kind, check: Check) -> Requirement {
    Requirement {
        kind,
        roles: &[],
        when: None,
        or_given: None,
        check,
    }
}

impl Requirement {
    const fn roles(self, roles: &'static [Role]) -> Self {
        Requirement { roles, ..self }
    }
    const fn when(self, fact: Fact) -> Self {
        Requirement {
            when: Some(fact),
            ..self
        }
    }
    const fn or_given(self, fact: Fact) -> Self {
        Requirement {
            or_given: Some(fact),
            ..self
        }
    }

    /// The facts this rule looks at.
    pub fn facts(&self) -> Vec<Fact> {
        let mut out: Vec<Fact> = self.when.into_iter().chain(self.or_given).collect();
        match self.check {
            Check::Rating(_) => out.push(Fact::Rating),
            Check::PartyRating => out.push(Fact::PartyRating),
            Check::Present(f) | Check::Zero(f) | Check::AtLeast(f, _) | Check::Optional(f) => {
                out.push(f)
            }
            Check::PresentUnless(f, g) => out.extend([f, g]),
            Check::AnyOf(conds) => out.extend(conds.iter().map(|c| c.fact())),
            Check::InitiativeAt(_) => out.push(Fact::InitiativeLevel),
            Check::ParImproved => out.extend([
                Fact::ParIndex,
                Fact::ParIndexPrev,
                Fact::ParRank,
                Fact::ParRankPrev,
            ]),
            Check::DanVanModel => {}
        }
        out
    }

    /// Does the rule concern a nomination of this kind and role? (`when` is
    /// judged separately, on the facts.)
    pub fn concerns(&self, kind: Kind, role: Option<Role>) -> bool {
        self.kind == kind
            && (self.roles.is_empty() || role.is_some_and(|r| self.roles.contains(&r)))
    }
}

/// A qualitative criterion an achievement can back (SPEC §4.3).
#[derive(Clone, Copy, Debug)]
pub struct Criterion {
    pub id: &'static str,
    /// Kinds it applies to; empty means every kind the campaign takes.
    pub kinds: &'static [Kind],
    /// Roles it applies to; empty means every role.
    pub roles: &'static [Role],
    /// Alternatives the plan gives ("hoặc", two profiles): the criteria of
    /// one group are backed when any one of them is (SPEC §4.3).
    pub group: Option<&'static str>,
    /// A group that holds only when no role is given (§3.6's collectives:
    /// without a role, the state bodies' and the enterprises' paragraphs
    /// are alternatives).
    pub group_without_role: Option<&'static str>,
    /// Criteria (general ones too) that back this one as well, one way: the
    /// plan's "… hoặc có nhiều sáng kiến có giá trị" (§3.1) is met by an
    /// achievement citing `sang-tao`, not the other way round.
    pub backed_by: &'static [&'static str],
    pub vi: &'static str,
    pub en: &'static str,
}

const fn crit(
    kinds: &'static [Kind],
    id: &'static str,
    vi: &'static str,
    en: &'static str,
) -> Criterion {
    Criterion {
        id,
        kinds,
        roles: &[],
        group: None,
        group_without_role: None,
        backed_by: &[],
        vi,
        en,
    }
}

impl Criterion {
    const fn roles(self, roles: &'static [Role]) -> Self {
        Criterion { roles, ..self }
    }
    const fn alt(self, group: &'static str) -> Self {
        Criterion {
            group: Some(group),
            ..self
        }
    }
    const fn alt_without_role(self, group: &'static str) -> Self {
        Criterion {
            group_without_role: Some(group),
            ..self
        }
    }
    const fn or_backed_by(self, ids: &'static [&'static str]) -> Self {
        Criterion {
            backed_by: ids,
            ..self
        }
    }

    /// The group of alternatives it belongs to for a nomination with this
    /// role (SPEC §4.3).
    pub fn group_for(&self, role: Option<Role>) -> Option<&'static str> {
        self.group
            .or(self.group_without_role.filter(|_| role.is_none()))
    }

    pub fn text(&self, lang: Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }

    /// Applies to this kind and role; an unknown role sees every role's
    /// criteria.
    pub fn applies(&self, kind: Kind, role: Option<Role>) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&kind))
            && (self.roles.is_empty() || role.is_none_or(|r| self.roles.contains(&r)))
    }
}

/// The general criteria of §III.2, asked of every exemplar in every campaign.
pub const GENERAL_CRITERIA: &[Criterion] = &[
    crit(
        &[],
        "chap-hanh",
        "Gương mẫu chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
        "Sets an example in following the Party's lines and the State's policies and laws",
    ),
    crit(
        &[],
        "hoan-thanh-xuat-sac",
        "Hoàn thành xuất sắc các nhiệm vụ được giao",
        "Completes the assigned tasks excellently",
    ),
    crit(
        &[],
        "sang-tao",
        "Có mô hình mới, cách làm hay, nhiều sáng kiến, giải pháp sáng tạo mang lại hiệu quả thiết thực và là nhân tố nổi trội, tiêu biểu, dẫn đầu trong các phong trào thi đua do cơ quan, đơn vị, địa phương tổ chức",
        "Has new models, good practices, many initiatives and creative solutions with real effect, and stands out at the forefront of the emulation movements its agency, unit or locality runs",
    ),
    crit(
        &[],
        "tuong-than",
        "Có tinh thần tương thân tương ái, giúp đỡ mọi người cùng tiến bộ; tích cực tham gia các hoạt động xã hội, hoạt động nhân đạo, từ thiện, góp phần thực hiện tốt công tác an sinh xã hội của tỉnh",
        "Shows mutual affection and helps others progress together; takes an active part in social, humanitarian and charitable work, contributing to the province's social welfare",
    ),
];

/// A role a file shows by what it holds when it leaves `role` out (SPEC
/// §3.1).
#[derive(Clone, Copy, Debug)]
pub struct ImpliedRole {
    pub role: Role,
    /// Any of these holds in `[facts]`…
    pub when: &'static [Cond],
    /// … or an achievement cites one of these criteria.
    pub cited: &'static [&'static str],
}

/// §3.13b: "Hộ gia đình hoặc cá nhân: góp quyền sử dụng đất… hoặc… bàn
/// giao mặt bằng trước thời gian quy định", and residents who campaign
/// among their neighbours: a file that shows any of it is a resident's.
const RESIDENT_BY_LAND: ImpliedRole = ImpliedRole {
    role: NguoiDan,
    when: &[
        Cond::Positive(Fact::LandContributedM2),
        Cond::True(Fact::HandoverEarly),
    ],
    cited: &["hien-dat", "ban-giao-som", "van-dong-nguoi-dan"],
};

/// A clause of the plan kh shows but cannot check.
#[derive(Clone, Copy, Debug)]
pub struct Clause {
    pub vi: &'static str,
    pub en: &'static str,
}

impl Clause {
    pub fn text(&self, lang: Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }
}

/// Everything the plan says about one campaign.
#[derive(Debug)]
pub struct CampaignInfo {
    pub id: Campaign,
    /// The only spelling a nomination file may use.
    pub slug: &'static str,
    /// Other spellings the command line takes.
    pub aliases: &'static [&'static str],
    /// Section of the plan, "3.1" … "3.15"; "*" for the closing paragraph.
    pub section: &'static str,
    pub name_vi: &'static str,
    pub name_en: &'static str,
    /// Cơ quan chủ trì. Names of public bodies are proper names and are not
    /// translated.
    pub lead_agency: &'static str,
    pub kinds: &'static [Kind],
    /// Roles an individual must declare, where the campaign lists them.
    pub roles: &'static [Role],
    /// Roles a collective must declare, where the campaign sets collectives
    /// apart (§3.12: police units, and other bodies).
    pub collective_roles: &'static [Role],
    /// Kinds whose role is asked but never required (§3.6's collectives: a
    /// state body or an enterprise narrows the criteria; left out, both
    /// paragraphs are one set of alternatives).
    pub roles_optional: &'static [Kind],
    /// Clauses of the paragraph that no file can show, printed with the
    /// campaign and never checked (SPEC §4.3).
    pub unchecked: &'static [Clause],
    pub rules: &'static [Requirement],
    /// The campaign's own criteria; the general ones come on top.
    pub criteria: &'static [Criterion],
}

/// §3.15: the four mass-organisation campaigns share one paragraph of
/// criteria.
const MASS_ORG_CRITERIA: &[Criterion] = &[
    crit(
        &[],
        "tuyen-truyen-van-dong",
        "Có nhiều sáng tạo trong hoạt động tuyên truyền, giáo dục, vận động đoàn viên, hội viên và nhân dân thực hiện tốt đường lối của Đảng, chính sách, pháp luật của Nhà nước, quy định của địa phương",
        "Creative in informing, educating and mobilising members and the people to follow the Party's line, the State's laws and local regulations",
    ),
    crit(
        &[],
        "guong-tieu-bieu",
        "Hưởng ứng tích cực các phong trào thi đua, là tấm gương tiêu biểu trong thực hiện phong trào",
        "Responds actively to the campaigns and is a model in carrying them out",
    ),
];

/// Rating rule of §3.10: individuals must be rated "hoàn thành xuất sắc".
const INDIVIDUAL_EXCELLENT: &[Requirement] = &[req(CaNhan, Check::Rating(XuatSac))];

/// Rating rule of §3.11 and §3.12: collectives ("… hoàn thành xuất sắc nhiệm
/// vụ quốc phòng", "… hoàn thành xuất sắc nhiệm vụ được giao") and individuals
/// alike must be rated "hoàn thành xuất sắc".
const BOTH_EXCELLENT: &[Requirement] = &[
    req(TapThe, Check::Rating(XuatSac)),
    req(CaNhan, Check::Rating(XuatSac)),
];

pub const CAMPAIGNS: &[CampaignInfo] = &[
    CampaignInfo {
        id: Campaign::HocTapLamTheoBac,
        slug: "hoc-tap-lam-theo-bac",
        aliases: &[],
        section: "3.1",
        name_vi: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        name_en: "Studying and following Ho Chi Minh's thought, ethics and style",
        lead_agency: "Ban Tuyên giáo Tỉnh ủy",
        kinds: &[TapThe, CaNhan],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[],
        rules: &[
            // "Tập thể được đánh giá hoàn thành xuất sắc nhiệm vụ; nếu là tổ chức
            // Đảng, phải được công nhận Chi bộ, Đảng bộ hoàn thành xuất sắc nhiệm vụ."
            req(TapThe, Check::Rating(XuatSac)),
            // Whether it is a party organisation must be said, so that the
            // party rating cannot be skipped by leaving the fact out.
            req(TapThe, Check::Present(Fact::PartyOrg)),
            req(TapThe, Check::PartyRating).when(Fact::PartyOrg),
            // "Được đánh giá hoàn thành xuất sắc nhiệm vụ; nếu là đảng viên phải
            // được công nhận là đảng viên hoàn thành xuất sắc nhiệm vụ."
            req(CaNhan, Check::Rating(XuatSac)),
            req(CaNhan, Check::Present(Fact::PartyMember)),
            req(CaNhan, Check::PartyRating).when(Fact::PartyMember),
        ],
        criteria: &[
            crit(
                &[TapThe],
                "trien-khai-sang-tao",
                "Tổ chức triển khai tốt việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh với nhiều nét mới, cách làm sáng tạo, thu hút đông đảo cán bộ, đảng viên và nhân dân",
                "Carries out the study and following of Ho Chi Minh's thought, ethics and style with new, creative ways that draw wide participation",
            ),
            crit(
                &[TapThe],
                "chuyen-bien-ro-net",
                "Tạo được sự chuyển biến rõ nét, hiệu quả nổi trội trong thực hiện nhiệm vụ chuyên môn, nhiệm vụ chính trị; có nhiều gương điển hình tiêu biểu được học tập và nhân rộng",
                "Brings clear change and outstanding results in its professional and political tasks, with many outstanding examples others learn from and follow",
            ),
            crit(
                &[TapThe],
                "chuan-muc-dao-duc",
                "Xây dựng được chuẩn mực đạo đức theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và triển khai thực hiện có hiệu quả",
                "Has set standards of conduct after Ho Chi Minh's example and applies them effectively",
            ),
            crit(
                &[CaNhan],
                "guong-mau-di-dau",
                "Có phẩm chất đạo đức cách mạng trong sáng, gương mẫu đi đầu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                "Of upright revolutionary ethics, leads by example in following Ho Chi Minh",
            ),
            crit(
                &[CaNhan],
                "viec-lam-thiet-thuc",
                "Có hành động, việc làm cụ thể, thiết thực trong rèn luyện đạo đức, thực hành tiết kiệm, phòng chống tham nhũng, lãng phí, tiêu cực hoặc có nhiều sáng kiến có giá trị đem lại hiệu quả thiết thực",
                "Takes concrete action in self-discipline, thrift and the fight against corruption and waste, or has many valuable initiatives of real effect",
            )
            // "… hoặc có nhiều sáng kiến có giá trị": the general criterion
            // of initiatives backs it too.
            .or_backed_by(&["sang-tao"]),
            crit(
                &[CaNhan],
                "y-chi-phan-dau",
                "Là tấm gương tiêu biểu về ý chí rèn luyện, phấn đấu",
                "An example of the will to train and strive",
            ),
            crit(
                &[CaNhan],
                "dong-gop-dia-phuong",
                "Đóng góp vào sự nghiệp phát triển kinh tế - xã hội, phòng chống thiên tai, dịch bệnh, giữ vững an ninh, quốc phòng của địa phương, đơn vị",
                "Contributes to socio-economic development, to disaster and epidemic prevention, and to the security and defence of the locality or unit",
            ),
        ],
    },
    CampaignInfo {
        id: Campaign::NongThonMoi,
        slug: "nong-thon-moi",
        aliases: &[],
        section: "3.2",
        name_vi: "Chung sức xây dựng nông thôn mới",
        name_en: "Joining hands to build new countryside",
        lead_agency: "Sở Nông nghiệp và Phát triển nông thôn",
        kinds: &[TapThe, CaNhan, HoGiaDinh],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[],
        rules: &[],
        criteria: &[
            crit(
                &[TapThe],
                "cach-lam-dot-pha",
                "Có phương pháp, cách làm hay, tổ chức phong trào thi đua có tính đột phá",
                "Has good methods and runs the campaign with breakthrough results",
            ),
            crit(
                &[TapThe],
                "ntm-nang-cao-kieu-mau",
                "Đạt các tiêu chí nông thôn mới nâng cao, nông thôn mới kiểu mẫu, vượt các chỉ tiêu đề ra",
                "Meets the advanced or model new-countryside criteria, beyond the set targets",
            ),
            crit(
                &[CaNhan, HoGiaDinh],
                "tuyen-truyen-van-dong",
                "Tích cực trong công tác tuyên truyền, vận động xây dựng nông thôn mới",
                "Active in informing and mobilising people to build new countryside",
            )
            // "tích cực… tuyên truyền, vận động, đóng góp…, xây dựng cơ sở hạ
            // tầng nông thôn hoặc mô hình hay, cách làm mới": any one of the
            // three.
            .alt("ntm-ca-nhan-ho"),
            crit(
                &[CaNhan, HoGiaDinh],
                "dong-gop-ha-tang",
                "Đóng góp tiền của, vật chất, ngày công lao động xây dựng cơ sở hạ tầng nông thôn",
                "Contributes money, materials or work days to rural infrastructure",
            )
            .alt("ntm-ca-nhan-ho"),
            crit(
                &[CaNhan, HoGiaDinh],
                "mo-hinh-san-xuat",
                "Có mô hình hay, cách làm mới, sáng tạo, hiệu quả trong lao động, sản xuất",
                "Has a good, new, creative and effective way of working and producing",
            )
            .alt("ntm-ca-nhan-ho"),
        ],
    },
    CampaignInfo {
        id: Campaign::ViNguoiNgheo,
        slug: "vi-nguoi-ngheo",
        aliases: &[],
        section: "3.3",
        name_vi: "Vì người nghèo - Không để ai bị bỏ lại phía sau",
        name_en: "For the poor – leaving no one behind",
        lead_agency: "Sở Lao động - Thương binh và Xã hội",
        kinds: &[TapThe, CaNhan, HoGiaDinh],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[],
        rules: &[
            // "Hộ gia đình: Có ý thức, trách nhiệm tự nguyện đăng ký thoát nghèo, …;
            // có nhiều đóng góp, hỗ trợ … cho các hộ nghèo, hộ cận nghèo …"
            // The two clauses joined by ";" describe two kinds of exemplary
            // household (one that leaves poverty, one that helps others out of
            // it): either one qualifies, not only both.
            req(
                HoGiaDinh,
                Check::AnyOf(&[
                    Cond::True(Fact::RegisteredExitPoverty),
                    Cond::True(Fact::SupportsPoorHouseholds),
                ]),
            ),
        ],
        criteria: &[
            crit(
                &[TapThe],
                "chi-dao-trien-khai",
                "Có thành tích xuất sắc trong việc chỉ đạo, triển khai thực hiện phong trào thi đua",
                "Led and carried out the campaign with outstanding results",
            ),
            crit(
                &[CaNhan],
                "tham-muu-sang-tao",
                "Có nhiều sáng tạo, đổi mới trong lãnh đạo, chỉ đạo, tham mưu thực hiện hiệu quả phong trào thi đua",
                "Creative and innovative in leading, directing or advising on the campaign",
            ),
            crit(
                &[TapThe, CaNhan],
                "giam-ngheo",
                "Có những việc làm thiết thực, hiệu quả, đóng góp cụ thể trong công tác giảm nghèo và hỗ trợ người nghèo",
                "Does practical, effective work for poverty reduction and for the poor",
            ),
            crit(
                &[HoGiaDinh],
                "tu-nguyen-thoat-ngheo",
                "Có ý thức, trách nhiệm tự nguyện đăng ký thoát nghèo, thoát nghèo bền vững",
                "Responsible enough to register of its own will to leave poverty, and to leave it sustainably",
            )
            .alt("thoat-ngheo"),
            crit(
                &[HoGiaDinh],
                "lam-kinh-te",
                "Có nhiều sáng kiến, cách làm hay, hiệu quả trong lao động, phát triển sản xuất, làm kinh tế",
                "Has initiatives and good ways of working, producing and earning",
            ),
            crit(
                &[HoGiaDinh],
                "ho-tro-ho-ngheo",
                "Có nhiều đóng góp, hỗ trợ hiệu quả cho các hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo phát triển sản xuất",
                "Gives effective help to poor, near-poor and newly non-poor households",
            )
            .alt("thoat-ngheo"),
        ],
    },
    CampaignInfo {
        id: Campaign::VanHoaCongSo,
        slug: "van-hoa-cong-so",
        aliases: &[],
        section: "3.4",
        name_vi: "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        name_en: "Public servants emulating in office culture",
        lead_agency: "Sở Nội vụ",
        kinds: &[TapThe, CaNhan],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[],
        rules: &[],
        criteria: &[
            crit(
                &[TapThe],
                "van-minh-hien-dai",
                "Đoàn kết, văn minh, hiện đại, xanh, sạch, đẹp",
                "United, civilised, modern, green, clean and tidy",
            ),
            crit(
                &[TapThe],
                "don-gian-thu-tuc",
                "Công khai, minh bạch, đơn giản hóa thủ tục hành chính, rút ngắn thời gian giải quyết công việc",
                "Open and transparent; simplifies procedures and shortens handling times",
            ),
            crit(
                &[TapThe],
                "phong-trao-thiet-thuc",
                "Tổ chức các phong trào thi đua thiết thực, hiệu quả, nội dung, hình thức phong phú, đa dạng",
                "Runs practical, effective and varied emulation movements",
            ),
            crit(
                &[CaNhan],
                "dao-duc-loi-song",
                "Thường xuyên tu dưỡng, rèn luyện chuẩn mực về đạo đức, lối sống",
                "Keeps cultivating standards of ethics and lifestyle",
            ),
            crit(
                &[CaNhan],
                "ky-cuong-hanh-chinh",
                "Chấp hành nghiêm túc kỷ cương, kỷ luật hành chính; làm việc tận tụy, trách nhiệm",
                "Keeps administrative discipline; works with devotion and responsibility",
            ),
            crit(
                &[CaNhan],
                "giao-tiep-ung-xu",
                "Thực hiện chuẩn mực trong giao tiếp, ứng xử",
                "Meets the standards of communication and conduct",
            ),
            crit(
                &[CaNhan],
                "chuyen-nghiep",
                "Chuyên nghiệp về chuyên môn, nghiệp vụ",
                "Professional in expertise and skills",
            ),
            crit(
                &[CaNhan],
                "tich-cuc-phong-trao",
                "Tích cực tham gia các phong trào thi đua yêu nước do cơ quan, đơn vị, địa phương phát động, góp phần hoàn thành xuất sắc các nhiệm vụ của cơ quan, đơn vị",
                "Takes an active part in the patriotic emulation movements of the agency, unit or locality, helping it complete its tasks excellently",
            ),
        ],
    },
    CampaignInfo {
        id: Campaign::CaiCachHanhChinh,
        slug: "cai-cach-hanh-chinh",
        aliases: &[],
        section: "3.5",
        name_vi: "Đẩy mạnh cải cách hành chính trên địa bàn tỉnh Hà Nam giai đoạn 2023 - 2025",
        name_en: "Stepping up administrative reform in Ha Nam province, 2023–2025",
        lead_agency: "Sở Nội vụ",
        kinds: &[TapThe, CaNhan],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[],
        rules: &[
            // "… không có hồ sơ trễ hẹn, tồn đọng."
            req(TapThe, Check::Zero(Fact::LateDossiers)),
            // "… có sáng kiến hoặc giải pháp trong lĩnh vực cải cách hành chính
            // được cơ quan, đơn vị, địa phương hoặc tỉnh công nhận …"
            req(TapThe, Check::Present(Fact::InitiativeLevel)),
            // For units the province scores: an initiative recognised by the
            // province, an index of 90 or more, and a rise in points or rank.
            // "(đối với các đơn vị tỉnh chấm chỉ số cải cách hành chính)":
            // whether the province scores the unit must be said, unless its
            // index is given, which says so.
            req(TapThe, Check::PresentUnless(Fact::ParScored, Fact::ParIndex)),
            req(TapThe, Check::InitiativeAt(InitiativeLevel::Tinh))
                .when(Fact::ParScored)
                .or_given(Fact::ParIndex),
            req(TapThe, Check::AtLeast(Fact::ParIndex, 90.0))
                .when(Fact::ParScored)
                .or_given(Fact::ParIndex),
            req(TapThe, Check::ParImproved)
                .when(Fact::ParScored)
                .or_given(Fact::ParIndex),
            req(CaNhan, Check::Zero(Fact::LateDossiers)),
            req(CaNhan, Check::Present(Fact::InitiativeLevel)),
            // "Được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên."
            req(CaNhan, Check::Rating(Tot)),
        ],
        criteria: &[
            crit(
                &[],
                "ky-luat-hanh-chinh",
                "Thực hiện nghiêm kỷ luật, kỷ cương hành chính",
                "Keeps strict administrative discipline",
            ),
            crit(
                &[],
                "ke-hoach-cchc",
                "Thực hiện tốt các nhiệm vụ được giao trong Kế hoạch cải cách hành chính hằng năm, giai đoạn",
                "Carries out well the tasks assigned in the yearly and multi-year administrative reform plans",
            ),
            crit(
                &[],
                "sang-kien-cchc",
                "Có sáng kiến hoặc giải pháp trong lĩnh vực cải cách hành chính được công nhận phạm vi ảnh hưởng và hiệu quả áp dụng",
                "Has an administrative reform initiative or solution recognised for its reach and effect",
            ),
            crit(
                &[],
                "cong-khai-thu-tuc",
                "Công bố, công khai kịp thời thủ tục hành chính; cắt giảm, đơn giản hóa thủ tục; không có hồ sơ trễ hẹn, tồn đọng",
                "Publishes procedures on time, cuts and simplifies them; no late or pending dossiers",
            ),
            crit(
                &[CaNhan],
                "van-ban-chi-dao",
                "Chỉ đạo, tham mưu, triển khai thực hiện đảm bảo chất lượng và đúng thời gian quy định các văn bản chỉ đạo của Trung ương, của Ủy ban nhân dân tỉnh; của cơ quan, đơn vị, địa phương",
                "Directs, advises on and carries out, well and on time, the directives of the central government, the provincial People's Committee and its own agency, unit or locality",
            ),
        ],
    },
    CampaignInfo {
        id: Campaign::KetCauHaTang,
        slug: "ket-cau-ha-tang",
        aliases: &[],
        section: "3.6",
        name_vi: "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí",
        name_en: "Developing integrated, modern infrastructure; practising thrift and fighting waste",
        lead_agency: "Các đơn vị theo Kế hoạch số 315/KH-UBND",
        kinds: &[TapThe, CaNhan],
        roles: &[CanBo, NguoiDan, DoanhNhan],
        // "Các tổ chức, doanh nghiệp…" has a paragraph of its own; the four
        // before it speak of state bodies (SPEC §4).
        collective_roles: &[CoQuanNhaNuoc, ToChucDoanhNghiep],
        roles_optional: &[TapThe],
        unchecked: &[],
        rules: &[
            // Officials and entrepreneurs: "có sáng kiến, giải pháp hữu ích được
            // cấp có thẩm quyền công nhận".
            req(CaNhan, Check::Present(Fact::InitiativeLevel)).roles(&[CanBo, DoanhNhan]),
        ],
        criteria: &[
            crit(
                &[TapThe],
                "co-che-chinh-sach",
                "Tham mưu ban hành cơ chế, chính sách, văn bản quy phạm pháp luật để phát triển kết cấu hạ tầng đồng bộ, hiện đại",
                "Drafts policies and regulations that advance integrated, modern infrastructure",
            )
            .roles(&[CoQuanNhaNuoc])
            .alt_without_role("ket-cau-tap-the"),
            crit(
                &[TapThe],
                "cong-trinh-trong-diem",
                "Chỉ đạo quyết liệt, hoàn thành sớm các công trình, dự án quan trọng, có sức lan tỏa",
                "Drives key projects to early completion",
            )
            .roles(&[CoQuanNhaNuoc])
            .alt_without_role("ket-cau-tap-the"),
            crit(
                &[TapThe],
                "cong-khai-ngan-sach",
                "Công khai, minh bạch việc quản lý, sử dụng ngân sách, vốn, tài sản nhà nước; thực hành tiết kiệm, chống lãng phí",
                "Manages public budget and assets openly; practises thrift and fights waste",
            )
            .roles(&[CoQuanNhaNuoc])
            .alt_without_role("ket-cau-tap-the"),
            crit(
                &[TapThe],
                "thanh-tra-xu-ly",
                "Đẩy mạnh công tác thanh tra, kiểm tra, xử lý vi phạm và công khai việc xử lý vi phạm về thực hành tiết kiệm, chống lãng phí",
                "Steps up inspection, handles breaches of thrift and anti-waste rules and makes their handling public",
            )
            .roles(&[CoQuanNhaNuoc])
            .alt_without_role("ket-cau-tap-the"),
            crit(
                &[TapThe],
                "tinh-gon-bo-may",
                "Kiện toàn, sắp xếp tổ chức bộ máy hành chính nhà nước theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả, tinh giản biên chế",
                "Streamlines the state administrative apparatus and its staff for effective operation",
            )
            .roles(&[CoQuanNhaNuoc])
            .alt_without_role("ket-cau-tap-the"),
            crit(
                &[TapThe],
                "cong-nghe-cao",
                "Đẩy mạnh ứng dụng công nghệ cao",
                "Steps up the use of high technology",
            )
            .roles(&[CoQuanNhaNuoc])
            .alt_without_role("ket-cau-tap-the"),
            crit(
                &[TapThe],
                "moi-truong-quoc-phong",
                "Đảm bảo phát triển kết cấu hạ tầng gắn với nhiệm vụ bảo vệ môi trường, ứng phó với biến đổi khí hậu và đảm bảo quốc phòng, an ninh",
                "Ties infrastructure development to protecting the environment, responding to climate change and ensuring defence and security",
            )
            .roles(&[CoQuanNhaNuoc])
            .alt_without_role("ket-cau-tap-the"),
            crit(
                &[TapThe],
                "chinh-sach-tiet-kiem",
                "Tiếp tục hoàn thiện, tham mưu ban hành các cơ chế, chính sách trong thực hành tiết kiệm, chống lãng phí trong phạm vi lĩnh vực quản lý theo thẩm quyền gắn với xác định mục tiêu, chỉ tiêu tiết kiệm và tổ chức thực hiện bảo đảm tiến độ, chất lượng công việc",
                "Keeps refining and proposing thrift and anti-waste mechanisms and policies in its field, tied to savings targets, and carries them out on time and well",
            )
            .roles(&[CoQuanNhaNuoc])
            .alt_without_role("ket-cau-tap-the"),
            crit(
                &[TapThe],
                "phoi-hop-chuyen-giao",
                "Tập trung phối hợp chặt chẽ với các cấp chính quyền, các cơ quan Nhà nước trong thực hiện đầu tư xây dựng kết cấu hạ tầng kinh tế, xã hội; chuyển giao, ứng dụng công nghệ tiên tiến trong đầu tư, quản lý, khai thác các công trình hạ tầng, đảm bảo lợi ích hài hòa giữa Nhà nước, người dân và doanh nghiệp",
                "Works closely with every level of government and State bodies on economic and social infrastructure; transfers and applies advanced technology in building, managing and running it, balancing the interests of the State, the people and enterprises",
            )
            .roles(&[ToChucDoanhNghiep])
            .alt_without_role("ket-cau-tap-the"),
            crit(
                &[TapThe],
                "khoa-hoc-cong-nghe",
                "Các tổ chức, doanh nghiệp sử dụng tiến bộ khoa học, công nghệ trong khai thác, chế biến tài nguyên; sử dụng hợp lý, hiệu quả, tiết kiệm tài nguyên, nguồn lực",
                "Organisations and enterprises apply science and technology to exploit and process resources, and use resources soundly, effectively and thriftily",
            )
            .roles(&[ToChucDoanhNghiep])
            .alt_without_role("ket-cau-tap-the"),
            crit(
                &[CaNhan],
                "quan-ly-von-tai-san",
                "Gương mẫu quản lý, sử dụng vốn và tài sản nhà nước được giao đúng mục đích, định mức, tiêu chuẩn, chế độ",
                "Uses the public funds and assets entrusted to them as rules require",
            )
            .roles(&[CanBo]),
            crit(
                &[CaNhan],
                "co-che-ha-tang",
                "Xây dựng, ban hành hoặc trình cấp có thẩm quyền ban hành, hướng dẫn, tổ chức thực hiện, kiểm tra, giám sát việc thực hiện cơ chế, chính sách để tạo điều kiện thuận lợi cho xây dựng kết cấu hạ tầng",
                "Builds, issues or submits for issue, guides, carries out, inspects and oversees mechanisms and policies that ease infrastructure building",
            )
            .roles(&[CanBo]),
            crit(
                &[CaNhan],
                "sang-kien-tiet-kiem",
                "Có sáng kiến, giải pháp hữu ích được cấp có thẩm quyền công nhận trong thực hành tiết kiệm, chống lãng phí",
                "Has a recognised initiative or solution for thrift and against waste",
            )
            .roles(&[CanBo, DoanhNhan]),
            crit(
                &[CaNhan],
                "su-dung-tai-nguyen",
                "Sử dụng tài nguyên thiên nhiên đảm bảo đúng mục đích, tiết kiệm, hiệu quả, bảo vệ môi trường và phát triển bền vững; tham gia giám sát việc thực hành tiết kiệm, chống lãng phí, phát hiện và kịp thời phản ánh các hành vi gây lãng phí",
                "Uses natural resources for their purpose, thriftily and effectively, protecting the environment and for sustainable development; watches over thrift and reports waste promptly",
            )
            .roles(&[NguoiDan]),
            crit(
                &[CaNhan],
                "tham-gia-du-an",
                "Trực tiếp tham gia đóng góp, giúp đỡ, tuyên truyền vận động thực hiện các dự án trọng điểm về kết cấu hạ tầng",
                "Contributes to and campaigns for key infrastructure projects",
            )
            .roles(&[NguoiDan]),
            crit(
                &[CaNhan],
                "ung-dung-cong-nghe",
                "Nghiên cứu, chuyển giao, ứng dụng công nghệ hiện đại, sử dụng hợp lý các nguồn lực phục vụ xây dựng công trình hạ tầng",
                "Brings modern technology and sound use of resources to infrastructure works",
            )
            .roles(&[DoanhNhan]),
        ],
    },
    CampaignInfo {
        id: Campaign::DanVanKheo,
        slug: "dan-van-kheo",
        aliases: &[],
        section: "3.7",
        name_vi: "Dân vận khéo",
        name_en: "Skilful mass mobilisation",
        lead_agency: "Ban Dân vận Tỉnh ủy",
        kinds: &[TapThe],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[],
        rules: &[
            // A model with a name, an address, a field, a four-step plan, a
            // 100-point scale and a complete archive.
            req(TapThe, Check::DanVanModel),
        ],
        criteria: &[
            crit(
                &[],
                "mo-hinh-ro-rang",
                "Mô hình có tên gọi, địa chỉ rõ ràng, thuộc một trong các lĩnh vực: kinh tế, văn hóa - xã hội, an ninh - quốc phòng, xây dựng hệ thống chính trị",
                "A model with a clear name and address in one of the four fields",
            ),
            crit(
                &[],
                "ke-hoach-4-buoc",
                "Xây dựng kế hoạch thực hiện theo trình tự 4 bước (Hướng dẫn số 22-HD/BCĐ); có tiêu chí đánh giá với thang điểm 100",
                "Planned in the four steps of Guidance 22-HD/BCĐ and scored on a 100-point scale",
            ),
            crit(
                &[],
                "viec-moi-viec-kho",
                "Giải quyết được những việc mới, việc khó, nhiệm vụ chính trị mà cấp ủy, chính quyền đang tập trung lãnh đạo",
                "Solves new and hard problems the local Party and government are focused on",
            ),
            crit(
                &[],
                "huy-dong-nguon-luc",
                "Có sự phối hợp của nhiều thành phần, lực lượng; huy động được nguồn lực xã hội hóa; phát huy quyền làm chủ của Nhân dân",
                "Brings many forces together, mobilises social resources, and fosters the people's right to mastery",
            ),
            crit(
                &[],
                "dang-ky-chu-tri",
                "Mô hình được cơ quan, tổ chức, đơn vị trong hệ thống chính trị đăng ký và chủ trì hoặc phối hợp thực hiện",
                "Registered, and led or co-run, by an agency, organisation or unit of the political system",
            ),
            crit(
                &[],
                "linh-hoat-tiet-kiem",
                "Thực hiện mô hình linh hoạt, sáng tạo để tiết kiệm thời gian, công sức, chi phí nhưng vẫn đem lại hiệu quả thiết thực",
                "Run flexibly and creatively, saving time, effort and cost while still bringing real results",
            ),
            crit(
                &[],
                "nguyen-vong-chinh-dang",
                "Là giải pháp hữu hiệu giải quyết được nhu cầu, nguyện vọng hợp pháp chính đáng của đoàn viên, hội viên và Nhân dân; thu hút đông đảo đoàn viên, hội viên, nhân dân tham gia",
                "An effective answer to the legitimate needs and wishes of members and the people, drawing many of them in",
            ),
            crit(
                &[],
                "hai-hoa-ba-loi-ich",
                "Đảm bảo kết hợp hài hòa 3 lợi ích gồm: của cá nhân, của tập thể và cộng đồng",
                "Balances the three interests: the individual's, the collective's and the community's",
            ),
            crit(
                &[],
                "dong-gop-cac-linh-vuc",
                "Có đóng góp tích cực vào việc phát triển kinh tế, văn hóa - xã hội, quốc phòng - an ninh, xây dựng hệ thống chính trị vững mạnh",
                "Contributes actively to the economy, culture and society, defence and security, and a strong political system",
            ),
            crit(
                &[],
                "tieu-chi-nghiem-tuc",
                "Các tiêu chí của mô hình đề ra được thực hiện nghiêm túc, hiệu quả",
                "The model's own criteria are carried out strictly and effectively",
            ),
            crit(
                &[],
                "ben-vung-nhan-rong",
                "Mô hình có tính bền vững, sức lan tỏa, được tổng kết và có khả năng nhân rộng",
                "Lasting, spreading, reviewed and fit to be replicated",
            ),
            crit(
                &[],
                "ho-so-day-du",
                "Mô hình có hồ sơ lưu trữ đầy đủ theo quy định",
                "Its records are fully archived as required",
            ),
        ],
    },
    CampaignInfo {
        id: Campaign::LaoDongGioi,
        slug: "lao-dong-gioi",
        aliases: &[],
        section: "3.8",
        name_vi: "Lao động giỏi, lao động sáng tạo",
        name_en: "Good workers, creative workers",
        lead_agency: "Liên đoàn Lao động tỉnh",
        kinds: &[CaNhan],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[],
        rules: &[],
        criteria: &[
            crit(
                &[],
                "vuot-muc-ke-hoach",
                "Hoàn thành vượt mức lao động, kế hoạch sản xuất kinh doanh được giao",
                "Exceeds the assigned work and production targets",
            ),
            crit(
                &[],
                "an-toan-lao-dong",
                "Chấp hành tốt nội quy lao động và các quy định về an toàn, vệ sinh lao động",
                "Keeps the work rules and occupational safety rules",
            ),
            crit(
                &[],
                "cai-tien-ky-thuat",
                "Có nhiều sáng kiến, cải tiến kỹ thuật, ứng dụng tiến bộ khoa học nâng cao năng suất, chất lượng",
                "Has initiatives and technical improvements that raise productivity and quality",
            ),
            crit(
                &[],
                "huong-ung-phong-trao",
                "Tích cực hưởng ứng các phong trào thi đua",
                "Responds actively to the emulation movements",
            ),
        ],
    },
    CampaignInfo {
        id: Campaign::DayTotHocTot,
        slug: "day-tot-hoc-tot",
        aliases: &["moi-thay-co-giao"],
        section: "3.9",
        name_vi: "Mỗi thầy, cô giáo là một tấm gương đạo đức, tự học và sáng tạo; Dạy tốt - học tốt",
        name_en: "Every teacher a model of ethics, self-study and creativity; Teach well – learn well",
        lead_agency: "Sở Giáo dục và Đào tạo",
        kinds: &[TapThe, CaNhan],
        roles: &[GiaoVien, HocSinh],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[],
        rules: &[
            // "Giáo viên: hoàn thành xuất sắc nhiệm vụ được giao …"
            req(CaNhan, Check::Rating(XuatSac)).roles(&[GiaoVien]),
        ],
        criteria: &[
            crit(
                &[TapThe],
                "dan-dau-phong-trao",
                "Đoàn kết, tiêu biểu xuất sắc, dẫn đầu phong trào thi đua “Dạy tốt - học tốt”",
                "United and outstanding, leading the “Teach well – learn well” campaign",
            ),
            crit(
                &[TapThe],
                "doi-moi-phuong-phap",
                "Có nhiều đổi mới về phương pháp giảng dạy, áp dụng khoa học kỹ thuật mang lại hiệu quả thiết thực",
                "Renews teaching methods and applies technology to real effect",
            ),
            crit(
                &[CaNhan],
                "giang-day-sang-kien",
                "Nỗ lực trong công tác giảng dạy, có nhiều giải pháp, sáng kiến được áp dụng mang lại hiệu quả thiết thực",
                "Works hard at teaching; has solutions and initiatives in use",
            )
            .roles(&[GiaoVien]),
            crit(
                &[CaNhan],
                "boi-duong-hoc-sinh-gioi",
                "Có nhiều thành tích trong bồi dưỡng học sinh giỏi các cấp, đạt nhiều giải thưởng trong các cuộc thi",
                "Has many results in coaching gifted pupils at every level, and wins many prizes in competitions",
            )
            .roles(&[GiaoVien]),
            crit(
                &[CaNhan],
                "guong-mau-di-dau",
                "Gương mẫu đi đầu trong phong trào thi đua",
                "Leads by example in the emulation movement",
            )
            .roles(&[GiaoVien]),
            // "là những tấm gương tiêu biểu ham học hỏi; những học sinh có hoàn
            // cảnh khó khăn nhưng nỗ lực phấn đấu vươn lên trong học tập…":
            // two profiles, either of which qualifies.
            crit(
                &[CaNhan],
                "ham-hoc-hoi",
                "Là tấm gương tiêu biểu ham học hỏi",
                "An outstanding example of eagerness to learn",
            )
            .roles(&[HocSinh])
            .alt("hoc-sinh"),
            crit(
                &[CaNhan],
                "vuot-kho-vuon-len",
                "Có hoàn cảnh khó khăn nhưng nỗ lực phấn đấu vươn lên trong học tập, đạt nhiều thành tích xuất sắc trong các cuộc thi học sinh giỏi các cấp",
                "In hard circumstances, yet strives to rise in studies and wins many top results in gifted-pupil competitions at every level",
            )
            .roles(&[HocSinh])
            .alt("hoc-sinh"),
        ],
    },
    CampaignInfo {
        id: Campaign::YTeHaiLong,
        slug: "y-te-hai-long",
        aliases: &[],
        section: "3.10",
        name_vi: "Đổi mới phong cách, thái độ phục vụ của cán bộ y tế hướng tới sự hài lòng của người bệnh",
        name_en: "Health workers renewing their manner of service toward patient satisfaction",
        lead_agency: "Sở Y tế",
        kinds: &[TapThe, CaNhan],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[Clause {
            vi: "Là công chức, viên chức, người lao động trong ngành y tế",
            en: "A civil servant, public employee or worker of the health sector",
        }],
        rules: INDIVIDUAL_EXCELLENT,
        criteria: &[
            crit(
                &[TapThe],
                "12-dieu-y-duc",
                "Có thành tích tiêu biểu trong thực hiện 12 điều y đức, các Chương trình, mục tiêu quốc gia về y tế",
                "Stands out in the 12 rules of medical ethics and the national health programmes",
            ),
            crit(
                &[TapThe],
                "chat-luong-kham-chua-benh",
                "Có nhiều giải pháp nâng cao chất lượng khám, chữa bệnh; đề tài, sáng kiến ứng dụng khoa học kỹ thuật vào điều trị",
                "Improves care quality; applies research and initiatives to treatment",
            ),
            crit(
                &[CaNhan],
                "giai-phap-moi",
                "Có nhiều giải pháp mới sáng tạo nâng cao hiệu quả công tác",
                "Has new, creative solutions that make the work more effective",
            ),
            crit(
                &[CaNhan],
                "y-duc",
                "Thực hiện có hiệu quả các phong trào thi đua của ngành, đặc biệt là y đức của người thầy thuốc",
                "Lives up to the sector's campaigns, above all medical ethics",
            ),
        ],
    },
    CampaignInfo {
        id: Campaign::QuyetThang,
        slug: "quyet-thang",
        aliases: &[],
        section: "3.11",
        name_vi: "Thi đua Quyết thắng",
        name_en: "Determined to win",
        lead_agency: "Bộ Chỉ huy quân sự tỉnh",
        kinds: &[TapThe, CaNhan],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[],
        rules: BOTH_EXCELLENT,
        criteria: &[
            crit(
                &[TapThe],
                "vung-manh-toan-dien",
                "Đoàn kết, vững mạnh toàn diện mẫu mực, tiêu biểu; duy trì nghiêm nguyên tắc, quy chế, chế độ quy định",
                "United, strong in every respect; keeps principles and regulations strictly",
            ),
            crit(
                &[TapThe],
                "nhiem-vu-quoc-phong",
                "Hoàn thành xuất sắc nhiệm vụ quốc phòng, quân sự địa phương",
                "Completes local defence and military tasks excellently",
            ),
            crit(
                &[CaNhan],
                "muu-tri-dung-cam",
                "Gương mẫu, mưu trí, dũng cảm trong công tác, chiến đấu, phục vụ chiến đấu, giúp đỡ Nhân dân",
                "Exemplary, resourceful and brave in duty and combat; helps the people",
            ),
        ],
    },
    CampaignInfo {
        id: Campaign::ViAnNinhToQuoc,
        slug: "vi-an-ninh-to-quoc",
        aliases: &["toan-dan-bao-ve-an-ninh-to-quoc"],
        section: "3.12",
        name_vi: "Vì an ninh Tổ quốc; Toàn dân bảo vệ an ninh Tổ quốc",
        name_en: "For national security; all people protecting national security",
        lead_agency: "Công an tỉnh",
        kinds: &[TapThe, CaNhan],
        roles: &[],
        // §3.12 a has two paragraphs of collectives: police units, and the
        // agencies, localities and enterprises that help fight crime.
        collective_roles: &[LucLuongCongAn, CoQuanDiaPhuongDoanhNghiep],
        roles_optional: &[],
        unchecked: &[],
        rules: &[
            // "… an ninh chính trị, trật tự an toàn xã hội được bảo đảm và hoàn
            // thành xuất sắc nhiệm vụ được giao": the police units only; the
            // second paragraph carries no rating (the general "if given" floor).
            req(TapThe, Check::Rating(XuatSac)).roles(&[LucLuongCongAn]),
            // "Gương mẫu, mưu trí, dũng cảm vì Nhân dân phục vụ và hoàn thành
            // xuất sắc các nhiệm vụ được giao."
            req(CaNhan, Check::Rating(XuatSac)),
        ],
        criteria: &[
            crit(
                &[TapThe],
                "doan-ket-ky-cuong",
                "Đoàn kết, chủ động, gương mẫu, kỷ cương, trách nhiệm, sáng tạo, hiệu quả",
                "United, proactive, exemplary, disciplined, responsible, creative and effective",
            )
            .roles(&[LucLuongCongAn]),
            crit(
                &[TapThe],
                "du-bao-tinh-hinh",
                "Làm tốt công tác dự báo tình hình, không để bị động, bất ngờ; an ninh chính trị, trật tự an toàn xã hội được bảo đảm",
                "Foresees the situation; keeps political security and public order",
            )
            .roles(&[LucLuongCongAn]),
            crit(
                &[TapThe],
                "phong-chong-toi-pham",
                "Thành tích tiêu biểu xuất sắc trong công tác tham gia phòng ngừa, phát hiện tố giác, đấu tranh chống các loại tội phạm, tệ nạn xã hội, bảo vệ tài sản của Nhà nước, tính mạng của Nhân dân, đảm bảo trật tự an toàn xã hội trên địa bàn",
                "Outstanding in helping to prevent, detect, report and fight crime and social evils, protect State property and people's lives, and keep public order locally",
            )
            .roles(&[CoQuanDiaPhuongDoanhNghiep]),
            crit(
                &[TapThe],
                "van-dong-quan-chung",
                "Làm tốt công tác vận động quần chúng nhân dân tham gia bảo vệ an ninh Tổ quốc tại địa bàn công tác hoặc cư trú",
                "Mobilises the people to protect national security where they work or live",
            )
            .roles(&[CoQuanDiaPhuongDoanhNghiep]),
            crit(
                &[CaNhan],
                "muu-tri-dung-cam",
                "Gương mẫu, mưu trí, dũng cảm vì Nhân dân phục vụ",
                "Exemplary, resourceful and brave in serving the people",
            ),
        ],
    },
    CampaignInfo {
        id: Campaign::GiaiPhongMatBang,
        slug: "giai-phong-mat-bang",
        aliases: &[],
        section: "3.13",
        name_vi: "Thi đua trong lĩnh vực giải phóng mặt bằng",
        name_en: "Site clearance",
        lead_agency: "Sở Tài nguyên và Môi trường",
        kinds: &[TapThe, CaNhan, HoGiaDinh],
        // "Cá nhân hoàn thành xuất sắc nhiệm vụ được giao…" (the officials
        // doing the clearance) "hoặc cá nhân tích cực tuyên truyền vận động
        // người dân nơi cư trú…", and individuals who give land or hand over
        // early (SPEC §4).
        roles: &[CanBo, NguoiDan],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[Clause {
            vi: "Đất và tài sản trên đất hiến tặng “có giá trị lớn” (kế hoạch không nêu ngưỡng)",
            en: "Land and assets given “of great value” (the plan sets no threshold)",
        }],
        rules: &[
            // "Góp quyền sử dụng đất (hiến đất) … hoặc … bàn giao mặt bằng trước
            // thời gian quy định."
            req(
                HoGiaDinh,
                Check::AnyOf(&[
                    Cond::Positive(Fact::LandContributedM2),
                    Cond::True(Fact::HandoverEarly),
                ]),
            ),
            // "Hộ gia đình hoặc cá nhân: góp quyền sử dụng đất …": an individual
            // may state the same facts, but other individuals qualify by their
            // work (the first dash of §3.13b), so neither is a condition.
            req(CaNhan, Check::Optional(Fact::LandContributedM2)),
            req(CaNhan, Check::Optional(Fact::HandoverEarly)),
            // The officials: "Cá nhân hoàn thành xuất sắc nhiệm vụ được giao".
            req(CaNhan, Check::Rating(XuatSac)).roles(&[CanBo]),
        ],
        criteria: &[
            crit(
                &[TapThe],
                "dung-quy-trinh",
                "Chỉ đạo, tổ chức thực hiện giải phóng mặt bằng không trái pháp luật, đúng quy trình",
                "Runs site clearance lawfully and by the procedure",
            ),
            crit(
                &[TapThe],
                "vuot-tien-do",
                "Hoàn thành đúng hoặc vượt tiến độ đề ra",
                "Finishes on or ahead of schedule",
            ),
            crit(
                &[CaNhan],
                "day-nhanh-gpmb",
                "Có nhiều biện pháp, giải pháp sáng tạo, linh hoạt để đẩy nhanh công tác giải phóng mặt bằng",
                "Finds creative, flexible ways to speed up site clearance",
            )
            .roles(&[CanBo]),
            crit(
                &[CaNhan],
                "van-dong-nguoi-dan",
                "Tích cực tuyên truyền, vận động người dân nơi cư trú thực hiện tốt các quy định về giải phóng mặt bằng",
                "Persuades neighbours to follow the site clearance rules",
            )
            .roles(&[NguoiDan])
            .alt("dat-hoac-mat-bang"),
            crit(
                &[CaNhan, HoGiaDinh],
                "hien-dat",
                "Góp quyền sử dụng đất (hiến đất) và tài sản trên đất có giá trị lớn",
                "Contributed land use rights and assets of great value",
            )
            .roles(&[NguoiDan])
            .alt("dat-hoac-mat-bang"),
            crit(
                &[CaNhan, HoGiaDinh],
                "ban-giao-som",
                "Tiêu biểu trong di dời, bàn giao mặt bằng trước thời gian quy định",
                "Moved out and handed over the site ahead of the deadline",
            )
            .roles(&[NguoiDan])
            .alt("dat-hoac-mat-bang"),
        ],
    },
    CampaignInfo {
        id: Campaign::NongDanSanXuatGioi,
        slug: "nong-dan-san-xuat-gioi",
        aliases: &[],
        section: "3.14",
        name_vi: "Nông dân thi đua sản xuất kinh doanh giỏi, đoàn kết giúp đỡ nhau làm giàu và giảm nghèo bền vững",
        name_en: "Farmers excelling in production and business, united in helping each other prosper and reduce poverty sustainably",
        lead_agency: "Hội Nông dân tỉnh",
        kinds: &[CaNhan, HoGiaDinh],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[],
        rules: &[],
        criteria: &[
            crit(
                &[],
                "san-xuat-gioi",
                "Tiêu biểu xuất sắc trong sản xuất, kinh doanh, quy mô lớn, mang lại hiệu quả kinh tế cao",
                "Outstanding in production and business at scale, with high returns",
            ),
            crit(
                &[],
                "chuyen-dich-co-cau",
                "Năng động, dám nghĩ, dám làm, đi đầu trong chuyển dịch cơ cấu kinh tế, đầu tư mở rộng sản xuất",
                "Bold and first in shifting the economic structure and expanding production",
            ),
            crit(
                &[],
                "ung-dung-khoa-hoc",
                "Mạnh dạn áp dụng tiến bộ khoa học kỹ thuật vào trồng trọt, chăn nuôi",
                "Applies scientific and technical advances to crops and livestock",
            ),
            crit(
                &[],
                "tham-gia-phong-trao",
                "Tích cực tham gia các phong trào thi đua, các cuộc vận động tại địa phương",
                "Takes an active part in local emulation movements and campaigns",
            ),
        ],
    },
    CampaignInfo {
        id: Campaign::CuuChienBinhKinhTeGioi,
        slug: "cuu-chien-binh-kinh-te-gioi",
        aliases: &[],
        section: "3.15",
        name_vi: "Cựu chiến binh gương mẫu làm kinh tế giỏi",
        name_en: "Veterans setting an example in being good at economic work",
        lead_agency: "Hội Cựu chiến binh tỉnh",
        kinds: &[TapThe, CaNhan],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[Clause {
            vi: "Là đoàn viên, hội viên của tổ chức phát động phong trào",
            en: "A member of the organisation that runs the campaign",
        }],
        rules: &[],
        criteria: MASS_ORG_CRITERIA,
    },
    CampaignInfo {
        id: Campaign::PhuNuTichCuc,
        slug: "phu-nu-tich-cuc",
        aliases: &[],
        section: "3.15",
        name_vi: "Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc",
        name_en: "Women active in learning, creative work and building happy families",
        lead_agency: "Hội Liên hiệp Phụ nữ tỉnh",
        kinds: &[TapThe, CaNhan],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[Clause {
            vi: "Là đoàn viên, hội viên của tổ chức phát động phong trào",
            en: "A member of the organisation that runs the campaign",
        }],
        rules: &[],
        criteria: MASS_ORG_CRITERIA,
    },
    CampaignInfo {
        id: Campaign::ThanhNienXungKich,
        slug: "thanh-nien-xung-kich",
        aliases: &[],
        section: "3.15",
        name_vi: "Thanh niên xung kích, tình nguyện phát triển kinh tế - xã hội",
        name_en: "Youth in the vanguard, volunteering for socio-economic development",
        // "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh phối hợp … xây dựng điển
        // hình trong phong trào …", in the plan's words.
        lead_agency: "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh",
        kinds: &[TapThe, CaNhan],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[Clause {
            vi: "Là đoàn viên, hội viên của tổ chức phát động phong trào",
            en: "A member of the organisation that runs the campaign",
        }],
        rules: &[],
        criteria: MASS_ORG_CRITERIA,
    },
    CampaignInfo {
        id: Campaign::LapThanLapNghiep,
        slug: "lap-than-lap-nghiep",
        aliases: &[],
        section: "3.15",
        name_vi: "Lập thân, lập nghiệp",
        name_en: "Making one's way and building a career",
        // "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh phối hợp … xây dựng điển
        // hình trong phong trào …", in the plan's words.
        lead_agency: "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh",
        kinds: &[TapThe, CaNhan],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[Clause {
            vi: "Là đoàn viên, hội viên của tổ chức phát động phong trào",
            en: "A member of the organisation that runs the campaign",
        }],
        rules: &[],
        criteria: MASS_ORG_CRITERIA,
    },
    CampaignInfo {
        id: Campaign::LinhVucKhac,
        slug: "linh-vuc-khac",
        aliases: &[],
        section: "*",
        name_vi: "Các lĩnh vực khác",
        name_en: "Other fields",
        // "các cơ quan, đơn vị thuộc các lĩnh vực còn lại … giới thiệu về Sở
        // Nội vụ": each builds its own exemplars and sends them through Sở Nội vụ.
        lead_agency: "Các cơ quan, đơn vị (giới thiệu về Sở Nội vụ)",
        kinds: &[TapThe, CaNhan, HoGiaDinh],
        roles: &[],
        collective_roles: &[],
        roles_optional: &[],
        unchecked: &[],
        rules: &[],
        criteria: &[],
    },
];

impl Campaign {
    pub fn info(self) -> &'static CampaignInfo {
        &CAMPAIGNS[self as usize]
    }

    pub fn slug(self) -> &'static str {
        self.info().slug
    }

    /// The spelling a nomination file must use: the slug, exactly.
    pub fn from_slug(s: &str) -> Option<Campaign> {
        CAMPAIGNS.iter().find(|c| c.slug == s).map(|c| c.id)
    }

    /// What the command line takes: a slug, an alias, or the Vietnamese name
    /// with or without diacritics ("nông thôn mới", "Dan van kheo"), or any
    /// run of its words that names one campaign only ("dạy tốt", "cải cách").
    pub fn lookup(input: &str) -> Option<Campaign> {
        match Campaign::candidates(input).as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The campaigns `input` could mean: the one it names exactly, or else
    /// every campaign whose slug, alias or name holds its words in a row.
    pub fn candidates(input: &str) -> Vec<Campaign> {
        match Campaign::resolve(input) {
            Match::Exact(c) | Match::Words(c) => vec![c],
            Match::Several(cs) => cs,
            Match::Nothing => Vec::new(),
        }
    }

    /// What a query names: one campaign exactly (its slug, an alias, its
    /// name with or without diacritics, its section "3.9"), one by a few of
    /// its words (which a person should confirm: "văn hóa" may mean a
    /// movement the plan does not list), several, or none.
    pub fn resolve(input: &str) -> Match {
        let key = slugify(input);
        if key.is_empty() {
            return Match::Nothing;
        }
        let exact = CAMPAIGNS.iter().find(|c| {
            c.slug == key || c.aliases.contains(&key.as_str()) || slugify(c.name_vi) == key
        });
        if let Some(c) = exact {
            return Match::Exact(c.id);
        }
        // "3.9", "mục 3.9", "§3.9"
        let section = key.trim_start_matches("muc-").replace('-', ".");
        let by_section: Vec<Campaign> = CAMPAIGNS
            .iter()
            .filter(|c| c.section == section)
            .map(|c| c.id)
            .collect();
        match by_section.as_slice() {
            [one] => return Match::Exact(*one),
            [_, _, ..] => return Match::Several(by_section),
            [] => {}
        }
        let found = Campaign::word_matches(&key);
        match found.as_slice() {
            [one] => Match::Words(*one),
            [] => Match::Nothing,
            _ => Match::Several(found),
        }
    }

    fn word_matches(key: &str) -> Vec<Campaign> {
        let words = |hay: &str| format!("-{hay}-").contains(&format!("-{key}-"));
        CAMPAIGNS
            .iter()
            .filter(|c| {
                words(c.slug) || c.aliases.iter().any(|a| words(a)) || words(&slugify(c.name_vi))
            })
            .map(|c| c.id)
            .collect()
    }

    /// The slug closest to a misspelt campaign, for "did you mean".
    pub fn suggest(input: &str) -> Option<&'static str> {
        closest(
            &slugify(input),
            CAMPAIGNS
                .iter()
                .flat_map(|c| std::iter::once(c.slug).chain(c.aliases.iter().copied())),
        )
        .map(|s| Campaign::lookup(s).map_or(s, |c| c.slug()))
    }
}

/// What a query names (see [`Campaign::resolve`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Match {
    Exact(Campaign),
    Words(Campaign),
    Several(Vec<Campaign>),
    Nothing,
}

impl Campaign {
    /// The campaign a command line names, or the error a person can act on:
    /// the list when several match; when none does, the closest names and
    /// "Các lĩnh vực khác" for a movement the plan does not list.
    pub fn from_query(query: &str, lang: Lang) -> anyhow::Result<(Campaign, Match)> {
        let m = Campaign::resolve(query);
        let q = crate::text::escape_controls(query);
        match &m {
            Match::Exact(c) | Match::Words(c) => Ok((*c, m.clone())),
            Match::Several(cs) => {
                let list: Vec<String> = cs
                    .iter()
                    .map(|c| format!("{} ({})", c.slug(), c.info().cited(lang)))
                    .collect();
                anyhow::bail!(crate::tr!(
                    lang,
                    "`{q}` khớp với nhiều phong trào: {}; hãy ghi rõ hơn",
                    "`{q}` matches several campaigns: {}; say which",
                    list.join(", ")
                ))
            }
            Match::Nothing => {
                let near = match Campaign::suggest(query) {
                    Some(s) => crate::tr!(lang, "có phải là `{s}`? ", "did you mean `{s}`? "),
                    None => String::new(),
                };
                anyhow::bail!(crate::tr!(
                    lang,
                    "không có phong trào `{q}`; {near}Nếu là phong trào kế hoạch không nêu, dùng `linh-vuc-khac` (Các lĩnh vực khác) và ghi tên phong trào vào `movement`. Xem danh sách: kh campaigns",
                    "no campaign `{q}`; {near}For a movement the plan does not list, use `linh-vuc-khac` (Other fields) and name it in `movement`. See the list: kh campaigns"
                ))
            }
        }
    }
}

impl CampaignInfo {
    /// The lead agency as the language says it: names of bodies are proper
    /// names, kept; the two descriptive phrases of the plan are translated.
    pub fn lead_agency_in(&self, lang: Lang) -> &'static str {
        match (lang, self.id) {
            (Lang::En, Campaign::KetCauHaTang) => "The units named in Plan 315/KH-UBND",
            (Lang::En, Campaign::LinhVucKhac) => "Agencies and units (introduced to Sở Nội vụ)",
            _ => self.lead_agency,
        }
    }

    /// How a document cites it: "mục 3.9", or "Các lĩnh vực khác".
    pub fn cited(&self, lang: Lang) -> String {
        if self.section == "*" {
            self.name(lang).to_string()
        } else {
            crate::tr!(lang, "mục {}", "§{}", self.section)
        }
    }

    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.name_vi, self.name_en)
    }

    /// The roles a nomination of this kind must declare (none: no role).
    pub fn roles_for(&self, kind: Kind) -> &'static [Role] {
        match kind {
            CaNhan => self.roles,
            TapThe => self.collective_roles,
            HoGiaDinh => &[],
        }
    }

    /// The role a file of this kind shows by its facts or criteria when it
    /// leaves `role` out, where the plan makes that plain.
    pub fn implied_role(&self, kind: Kind) -> Option<&'static ImpliedRole> {
        match (self.id, kind) {
            (Campaign::GiaiPhongMatBang, CaNhan) => Some(&RESIDENT_BY_LAND),
            _ => None,
        }
    }

    /// Whether a nomination of this kind must declare its role: the
    /// campaign lists roles for the kind, and does not leave them optional.
    pub fn role_required(&self, kind: Kind) -> bool {
        !self.roles_for(kind).is_empty() && !self.roles_optional.contains(&kind)
    }

    pub fn takes(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }

    /// Every criterion a nomination of this kind and role answers to: the
    /// general four, then the campaign's own.
    pub fn criteria_for(
        &self,
        kind: Kind,
        role: Option<Role>,
    ) -> impl Iterator<Item = &'static Criterion> {
        GENERAL_CRITERIA
            .iter()
            .chain(self.criteria.iter())
            .filter(move |c| c.applies(kind, role))
    }

    /// The rules that concern a nomination of this kind and role.
    pub fn rules_for(
        &self,
        kind: Kind,
        role: Option<Role>,
    ) -> impl Iterator<Item = &'static Requirement> {
        self.rules.iter().filter(move |r| r.concerns(kind, role))
    }

    /// Whether any rule for this kind and role reads `fact`. `rating` is read
    /// everywhere by the general criterion of §III.2; `party_rating` wherever
    /// the party facts are.
    pub fn reads(&self, kind: Kind, role: Option<Role>, fact: Fact) -> bool {
        fact == Fact::Rating
            || self
                .rules_for(kind, role)
                .any(|r| r.facts().contains(&fact))
    }

    /// The facts a template for this kind and role asks for, in the order
    /// of SPEC §4.1: only those a rule of the campaign makes mandatory (SPEC
    /// §9.1), so a student or a farming household is never asked for
    /// a civil servant's rating; facts a rule only reads are left out.
    pub fn facts_for(&self, kind: Kind, role: Option<Role>) -> Vec<Fact> {
        Fact::ALL
            .iter()
            .copied()
            .filter(|f| {
                self.rules_for(kind, role)
                    .any(|r| !matches!(r.check, Check::Optional(_)) && r.facts().contains(f))
            })
            .collect()
    }

    /// The floor for `rating`: "hoàn thành xuất sắc" unless a rule of the
    /// campaign sets a lower one for this kind and role.
    #[cfg(test)]
    fn rating_floor(&self, kind: Kind, role: Option<Role>) -> Rating {
        self.own_rating_floor(kind, role).unwrap_or(XuatSac)
    }

    /// The floor this campaign's own rules set, if any; without one, the
    /// general criteria's (§III.2) holds.
    pub fn own_rating_floor(&self, kind: Kind, role: Option<Role>) -> Option<Rating> {
        self.rules_for(kind, role)
            .filter_map(|r| match r.check {
                Check::Rating(floor) => Some(floor),
                _ => None,
            })
            .max()
    }

    /// Takes a `[model]` table (Dân vận khéo).
    pub fn has_model(&self, kind: Kind) -> bool {
        self.rules_for(kind, None)
            .any(|r| matches!(r.check, Check::DanVanModel))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// SPEC §4: slug, section, kinds and roles of every campaign.
    #[test]
    fn table_matches_the_spec() {
        let expected: &[(&str, &str, &[Kind], &[Role])] = &[
            ("hoc-tap-lam-theo-bac", "3.1", &[TapThe, CaNhan], &[]),
            ("nong-thon-moi", "3.2", &[TapThe, CaNhan, HoGiaDinh], &[]),
            ("vi-nguoi-ngheo", "3.3", &[TapThe, CaNhan, HoGiaDinh], &[]),
            ("van-hoa-cong-so", "3.4", &[TapThe, CaNhan], &[]),
            ("cai-cach-hanh-chinh", "3.5", &[TapThe, CaNhan], &[]),
            (
                "ket-cau-ha-tang",
                "3.6",
                &[TapThe, CaNhan],
                &[CanBo, NguoiDan, DoanhNhan],
            ),
            ("dan-van-kheo", "3.7", &[TapThe], &[]),
            ("lao-dong-gioi", "3.8", &[CaNhan], &[]),
            (
                "day-tot-hoc-tot",
                "3.9",
                &[TapThe, CaNhan],
                &[GiaoVien, HocSinh],
            ),
            ("y-te-hai-long", "3.10", &[TapThe, CaNhan], &[]),
            ("quyet-thang", "3.11", &[TapThe, CaNhan], &[]),
            ("vi-an-ninh-to-quoc", "3.12", &[TapThe, CaNhan], &[]),
            // Turn 4: the officials and the residents of §3.13b.
            (
                "giai-phong-mat-bang",
                "3.13",
                &[TapThe, CaNhan, HoGiaDinh],
                &[CanBo, NguoiDan],
            ),
            ("nong-dan-san-xuat-gioi", "3.14", &[CaNhan, HoGiaDinh], &[]),
            (
                "cuu-chien-binh-kinh-te-gioi",
                "3.15",
                &[TapThe, CaNhan],
                &[],
            ),
            ("phu-nu-tich-cuc", "3.15", &[TapThe, CaNhan], &[]),
            ("thanh-nien-xung-kich", "3.15", &[TapThe, CaNhan], &[]),
            ("lap-than-lap-nghiep", "3.15", &[TapThe, CaNhan], &[]),
            ("linh-vuc-khac", "*", &[TapThe, CaNhan, HoGiaDinh], &[]),
        ];
        assert_eq!(CAMPAIGNS.len(), expected.len());
        for (info, (slug, section, kinds, roles)) in CAMPAIGNS.iter().zip(expected) {
            assert_eq!(info.slug, *slug);
            assert_eq!(info.section, *section, "{slug}");
            assert_eq!(info.kinds, *kinds, "{slug}");
            assert_eq!(info.roles, *roles, "{slug}");
        }
        // Collectives' roles: §3.12's required, §3.6's optional
        //; no other campaign sets collectives apart.
        for info in CAMPAIGNS {
            let (roles, optional): (&[Role], &[Kind]) = match info.id {
                Campaign::ViAnNinhToQuoc => (&[LucLuongCongAn, CoQuanDiaPhuongDoanhNghiep], &[]),
                Campaign::KetCauHaTang => (&[CoQuanNhaNuoc, ToChucDoanhNghiep], &[TapThe]),
                _ => (&[], &[]),
            };
            assert_eq!(info.collective_roles, roles, "{}", info.slug);
            assert_eq!(info.roles_optional, optional, "{}", info.slug);
        }
        assert!(Campaign::KetCauHaTang.info().roles_for(TapThe).len() == 2);
        assert!(!Campaign::KetCauHaTang.info().role_required(TapThe));
        assert!(Campaign::ViAnNinhToQuoc.info().role_required(TapThe));
        assert!(Campaign::GiaiPhongMatBang.info().role_required(CaNhan));
    }

    #[test]
    fn ids_index_the_table() {
        for (i, info) in CAMPAIGNS.iter().enumerate() {
            assert_eq!(info.id as usize, i, "{}", info.slug);
            assert_eq!(info.id.info().slug, info.slug);
        }
    }

    #[test]
    fn lead_agencies_match_the_spec() {
        let agency = |s: &str| Campaign::from_slug(s).map(|c| c.info().lead_agency);
        assert_eq!(
            agency("nong-thon-moi"),
            Some("Sở Nông nghiệp và Phát triển nông thôn")
        );
        assert_eq!(agency("cai-cach-hanh-chinh"), Some("Sở Nội vụ"));
        // The plan's words, not the shorthand of SPEC §4's table (#10).
        assert_eq!(
            agency("lap-than-lap-nghiep"),
            Some("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh")
        );
        assert_eq!(
            agency("linh-vuc-khac"),
            Some("Các cơ quan, đơn vị (giới thiệu về Sở Nội vụ)")
        );
        assert_eq!(agency("vi-an-ninh-to-quoc"), Some("Công an tỉnh"));
    }

    #[test]
    fn aliases_and_names_resolve() {
        assert_eq!(
            Campaign::lookup("toan-dan-bao-ve-an-ninh-to-quoc"),
            Some(Campaign::ViAnNinhToQuoc)
        );
        assert_eq!(
            Campaign::lookup("moi-thay-co-giao"),
            Some(Campaign::DayTotHocTot)
        );
        assert_eq!(
            Campaign::lookup("Chung sức xây dựng nông thôn mới"),
            Some(Campaign::NongThonMoi)
        );
        assert_eq!(
            Campaign::lookup("chung suc xay dung nong thon moi"),
            Some(Campaign::NongThonMoi)
        );
        assert_eq!(Campaign::lookup("Dân vận khéo"), Some(Campaign::DanVanKheo));
        assert_eq!(
            Campaign::lookup("nông thôn mới"),
            Some(Campaign::NongThonMoi)
        );
        assert_eq!(Campaign::lookup("khong-co"), None);
        // A run of words that names one campaign only.
        assert_eq!(Campaign::lookup("dạy tốt"), Some(Campaign::DayTotHocTot));
        assert_eq!(
            Campaign::lookup("cải cách"),
            Some(Campaign::CaiCachHanhChinh)
        );
        assert_eq!(Campaign::lookup("an ninh"), Some(Campaign::ViAnNinhToQuoc));
        // Words shared by several name none of them.
        assert_eq!(Campaign::lookup("thi đua"), None);
        assert!(Campaign::candidates("thi đua").len() > 1);
        assert_eq!(Campaign::lookup(""), None);
        // A file may only use the slug.
        assert_eq!(Campaign::from_slug("moi-thay-co-giao"), None);
        assert_eq!(Campaign::suggest("nong-thon-moy"), Some("nong-thon-moi"));
        assert_eq!(
            Campaign::suggest("moi-thay-co-gião"),
            Some("day-tot-hoc-tot")
        );
    }

    #[test]
    fn criteria_ids_are_unique_per_kind_and_role() {
        for info in CAMPAIGNS {
            for kind in info.kinds {
                let roles: Vec<Option<Role>> = if !info.roles_for(*kind).is_empty() {
                    info.roles_for(*kind).iter().map(|r| Some(*r)).collect()
                } else {
                    vec![None]
                };
                for role in roles {
                    let ids: Vec<_> = info.criteria_for(*kind, role).map(|c| c.id).collect();
                    let set: HashSet<_> = ids.iter().collect();
                    assert_eq!(set.len(), ids.len(), "{} {:?}", info.slug, kind);
                    assert!(ids.len() >= 4);
                    // A nomination's unevidenced criteria are one bit each.
                    assert!(ids.len() <= 64, "{}", info.slug);
                    for c in info.criteria_for(*kind, role) {
                        assert!(crate::text::is_slug(c.id), "{}", c.id);
                        assert!(c.kinds.iter().all(|k| info.kinds.contains(k)), "{}", c.id);
                    }
                }
            }
        }
    }

    #[test]
    fn rules_follow_the_spec() {
        let info = Campaign::CaiCachHanhChinh.info();
        assert_eq!(info.rating_floor(CaNhan, None), Tot);
        assert_eq!(info.rating_floor(TapThe, None), XuatSac);
        assert!(info.reads(TapThe, None, Fact::ParIndex));
        assert!(!info.reads(CaNhan, None, Fact::ParIndex));
        let kch = Campaign::KetCauHaTang.info();
        assert!(kch.reads(CaNhan, Some(CanBo), Fact::InitiativeLevel));
        assert!(!kch.reads(CaNhan, Some(NguoiDan), Fact::InitiativeLevel));
        let bac = Campaign::HocTapLamTheoBac.info();
        assert!(bac.reads(TapThe, None, Fact::PartyOrg));
        assert!(bac.reads(TapThe, None, Fact::PartyRating));
        assert!(!bac.reads(TapThe, None, Fact::PartyMember));
        assert!(Campaign::DanVanKheo.info().has_model(TapThe));
        assert!(!Campaign::NongThonMoi.info().has_model(TapThe));
        // Every campaign with rules names kinds it takes.
        for info in CAMPAIGNS {
            for r in info.rules {
                assert!(info.takes(r.kind), "{}", info.slug);
                assert!(
                    r.roles.iter().all(|x| info.roles_for(r.kind).contains(x)),
                    "{}",
                    info.slug
                );
            }
        }
    }
}
