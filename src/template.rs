//! The nomination file `kh nominate new` writes: the plan's form for a kind,
//! with the campaign's facts and criteria, every line commented in
//! Vietnamese so that a clerk only fills in the blanks (SPEC §9.1).

use crate::campaign::{Campaign, CampaignInfo};
use crate::form::{self, AchievementKey, Col, FieldType, ModelKey, NOMINEE_FIELDS, Top};
use crate::lang::Lang;
use crate::vocab::{Domain, Fact, FactType, Gender, InitiativeLevel, Kind, Rating, Role, Vocab};

/// What the template is for, and what the flags already said.
pub struct Request<'a> {
    pub campaign: &'static CampaignInfo,
    pub kind: Kind,
    pub role: Option<Role>,
    /// The collective's name, or the person's (chủ hộ's).
    pub name: &'a str,
}

/// A TOML string literal for `s`, escaped as TOML needs.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Writes `key = value` padded so that the comments line up.
fn line(out: &mut String, key: &str, value: &str, comment: &str) {
    let assignment = format!("{key} = {value}");
    out.push_str(&format!("{assignment:<34} # {comment}\n"));
}

pub fn render(req: &Request<'_>) -> String {
    let lang = Lang::Vi;
    let c = req.campaign;
    let mut out = String::new();
    out.push_str(&format!(
        "# {}\n",
        form::form_title(req.kind, lang).to_uppercase()
    ));
    out.push_str(&format!(
        "# Phong trào: {} ({} của kế hoạch)\n",
        c.name_vi,
        c.cited(lang)
    ));
    out.push_str(&format!("# Cơ quan chủ trì: {}\n", c.lead_agency));
    out.push_str("# Điền vào các ô \"\" còn trống; kiểm tra bằng: kh validate <tệp này>\n\n");

    line(
        &mut out,
        Top::Campaign.key(),
        &quoted(c.slug),
        "mã phong trào (xem: kh campaigns)",
    );
    line(
        &mut out,
        Top::Kind.key(),
        &quoted(req.kind.slug()),
        &format!("loại điển hình: {}", req.kind.label(lang)),
    );
    line(
        &mut out,
        Top::Scope.key(),
        &quoted("co-so"),
        "co-so | toan-tinh (thành tích có phạm vi ảnh hưởng toàn tỉnh, mục IV.1)",
    );
    line(
        &mut out,
        Top::ProposedAward.key(),
        &quoted(""),
        "hình thức khen thưởng đề nghị (không bắt buộc), ví dụ \"Bằng khen của Chủ tịch UBND tỉnh\"",
    );
    if c.id == Campaign::LinhVucKhac {
        line(
            &mut out,
            Top::Movement.key(),
            &quoted(""),
            "tên phong trào thi đua hoặc lĩnh vực (bắt buộc với “Các lĩnh vực khác”)",
        );
    }

    let section1 = if req.kind == Kind::TapThe {
        "1. Đặc điểm tình hình"
    } else {
        "1. Sơ lược lý lịch"
    };
    out.push_str(&format!("\n# {section1}\n[{}]\n", Top::Nominee.key()));
    for f in NOMINEE_FIELDS {
        let col = f.col(req.kind);
        if col == Col::No {
            continue;
        }
        if f.ty == FieldType::Role && c.roles_for(req.kind).is_empty() {
            continue;
        }
        let need = match col {
            _ if !form::on_plan_form(f.key) && f.ty != FieldType::Role => {
                "không có trong mẫu của kế hoạch; không bắt buộc"
            }
            Col::Required => "bắt buộc",
            Col::Conditional if f.ty == FieldType::Role => "bắt buộc với phong trào này",
            Col::Conditional => "ghi đơn vị công tác hoặc hộ khẩu thường trú (ít nhất một)",
            _ => "không bắt buộc",
        };
        let (value, kind_hint) = match f.ty {
            FieldType::Text if matches!(f.key, "name" | "full_name") => {
                (quoted(req.name), String::new())
            }
            FieldType::Text => (quoted(""), String::new()),
            FieldType::Date => (
                quoted(""),
                "; ngày/tháng/năm, ví dụ \"12/04/1968\"".to_string(),
            ),
            FieldType::Gender => (quoted(""), format!("; {}", Gender::choices())),
            FieldType::Count => (
                quoted(""),
                "; số nguyên, ví dụ 4 (không có ngoặc kép)".to_string(),
            ),
            FieldType::Role => (
                quoted(req.role.map_or("", |r| r.slug())),
                format!(
                    "; {}",
                    c.roles_for(req.kind)
                        .iter()
                        .map(|r| r.slug())
                        .collect::<Vec<_>>()
                        .join(" | ")
                ),
            ),
        };
        // The household form's "Họ và tên" is the household head's.
        let label = match (req.kind, f.key) {
            (Kind::HoGiaDinh, "full_name") => "Họ và tên chủ hộ",
            _ => f.vi,
        };
        line(
            &mut out,
            f.key,
            &value,
            &format!("{label} ({need}{kind_hint})"),
        );
    }

    let achievements = Top::Achievements.key();
    out.push_str(&format!("\n# 2. Thành tích tiêu biểu xuất sắc đã đạt được: chép khối [[{achievements}]] cho mỗi thành tích\n[[{achievements}]]\n"));
    // A triple-quoted text takes quotes and line breaks as they are typed.
    out.push_str("# nội dung thành tích (bắt buộc): viết giữa hai dấu \"\"\", xuống dòng tùy ý\n");
    out.push_str("text = \"\"\"\n\"\"\"\n");
    line(
        &mut out,
        AchievementKey::Criteria.key(),
        "[]",
        "mã các tiêu chí thành tích này chứng minh, ví dụ [\"sang-tao\"]",
    );
    out.push_str("# Các tiêu chí của phong trào:\n");
    for crit in c.criteria_for(req.kind, req.role) {
        out.push_str(&format!("#   {:<26} {}\n", crit.id, crit.vi));
    }

    out.push_str("\n# 3. Quá trình khen thưởng: bỏ dấu # và chép khối dưới đây cho mỗi hình thức khen thưởng\n");
    out.push_str("# [[awards]]\n# year = 2022                        # năm khen thưởng\n");
    out.push_str("# title = \"Bằng khen của Chủ tịch UBND tỉnh\"\n");
    out.push_str("# decision = \"1234/QĐ-UBND\"         # số quyết định (không bắt buộc)\n");
    out.push_str("# date = 2022-12-20                 # ngày quyết định (không bắt buộc)\n");

    if c.has_model(req.kind) {
        out.push_str(&format!(
            "\n# Mô hình “Dân vận khéo” (mục 3.7): bắt buộc, trừ điểm đánh giá\n[{}]\n",
            Top::Model.key()
        ));
        line(&mut out, ModelKey::Name.key(), &quoted(""), "tên mô hình");
        line(
            &mut out,
            ModelKey::Address.key(),
            &quoted(""),
            "địa chỉ mô hình",
        );
        line(
            &mut out,
            ModelKey::Domain.key(),
            &quoted(""),
            &format!("lĩnh vực: {}", Domain::choices()),
        );
        line(
            &mut out,
            ModelKey::FourStepPlan.key(),
            &quoted(""),
            "kế hoạch theo trình tự 4 bước (Hướng dẫn 22-HD/BCĐ): true | false",
        );
        line(
            &mut out,
            ModelKey::Score.key(),
            &quoted(""),
            "điểm đánh giá trên thang 100, ví dụ 92.5 (không bắt buộc)",
        );
        line(
            &mut out,
            ModelKey::RecordsArchived.key(),
            &quoted(""),
            "hồ sơ lưu trữ đầy đủ: true | false",
        );
    }

    // Where the kind is set apart by role and none was chosen yet, every
    // role's facts are offered: the clerk removes what does not apply.
    let facts = match req.role {
        None if !c.roles_for(req.kind).is_empty() => {
            let mut all: Vec<Fact> = Vec::new();
            for r in c.roles_for(req.kind) {
                for f in c.facts_for(req.kind, Some(*r)) {
                    if !all.contains(&f) {
                        all.push(f);
                    }
                }
            }
            all.sort();
            all
        }
        _ => c.facts_for(req.kind, req.role),
    };
    if !facts.is_empty() {
        out.push_str(&format!("\n# Thông tin để kiểm tra tiêu chí của phong trào (bỏ ngoặc kép khi ghi số hoặc true/false)\n[{}]\n", Top::Facts.key()));
        for fact in facts {
            let hint = match fact.ty() {
                FactType::Rating => Rating::choices(),
                FactType::InitiativeLevel => InitiativeLevel::choices(),
                FactType::Bool => "true | false".to_string(),
                FactType::Count => "số nguyên ≥ 0".to_string(),
                FactType::Rank => "số nguyên ≥ 1".to_string(),
                FactType::Score => "số từ 0 đến 100".to_string(),
                FactType::Area => "số ≥ 0".to_string(),
            };
            let label = fact_label(fact);
            line(
                &mut out,
                fact.slug(),
                &quoted(""),
                &format!("{label}: {hint}"),
            );
        }
    }
    out
}

fn fact_label(f: Fact) -> &'static str {
    f.label(Lang::Vi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::Campaign;

    #[test]
    fn template_parses_and_keeps_the_form_order() {
        let req = Request {
            campaign: Campaign::CaiCachHanhChinh.info(),
            kind: Kind::TapThe,
            role: None,
            name: "Sở \"Tư pháp\"",
        };
        let text = render(&req);
        let doc: toml::Table = text.parse().unwrap_or_default();
        assert_eq!(
            doc.get("campaign").and_then(|v| v.as_str()),
            Some("cai-cach-hanh-chinh")
        );
        assert_eq!(doc["nominee"]["name"].as_str(), Some("Sở \"Tư pháp\""));
        assert!(doc["facts"].get("par_index").is_some());
        assert!(doc.get("model").is_none());
        let pos = |k: &str| text.find(k).unwrap_or(usize::MAX);
        assert!(pos("campaign =") < pos("[nominee]"));
        assert!(pos("[nominee]") < pos("[[achievements]]"));
        assert!(pos("[[achievements]]") < pos("[facts]"));
        assert!(text.contains("#   sang-kien-cchc"));
    }

    #[test]
    fn a_role_not_yet_chosen_offers_every_roles_facts() {
        let req = Request {
            campaign: Campaign::KetCauHaTang.info(),
            kind: Kind::CaNhan,
            role: None,
            name: "A",
        };
        let doc: toml::Table = render(&req).parse().unwrap_or_default();
        assert!(doc["facts"].get("initiative_level").is_some());
    }

    #[test]
    fn households_name_their_head_and_fields_off_the_form_say_so() {
        let req = Request {
            campaign: Campaign::NongThonMoi.info(),
            kind: Kind::HoGiaDinh,
            role: None,
            name: "A",
        };
        let text = render(&req);
        assert!(text.contains("Họ và tên chủ hộ"), "{text}");
        let members = text
            .lines()
            .find(|l| l.starts_with("members"))
            .unwrap_or("");
        assert!(
            members.contains("không có trong mẫu của kế hoạch"),
            "{members}"
        );
        let position = text
            .lines()
            .find(|l| l.starts_with("position"))
            .unwrap_or("");
        assert!(!position.contains("không có trong mẫu"), "{position}");
        let linh_vuc = render(&Request {
            campaign: Campaign::LinhVucKhac.info(),
            ..req
        });
        assert!(linh_vuc.contains("\nmovement = \"\""), "{linh_vuc}");
    }
}
