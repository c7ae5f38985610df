//! JSON Schemas (draft-07, which taplo and the Even Better TOML editor
//! extension read) of the files of a round, made from kh's own tables so the
//! two cannot drift (SPEC §14). A schema checks keys, types and closed
//! lists as a clerk types; the plan's rules stay `kh validate`'s.

use serde_json::{Map, Value, json};

use crate::campaign::CAMPAIGNS;
use crate::form::{
    self, AchievementKey, AwardKey, Col, FieldType, FormKey, ModelKey, NOMINEE_FIELDS, Top,
};
use crate::lang::Lang;
use crate::review::Status;
use crate::vocab::{
    Domain, Fact, FactType, Gender, InitiativeLevel, Kind, Rating, Role, Scope, UnitLevel, Vocab,
};

/// The files a schema can describe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Which {
    Nomination,
    Unit,
    Round,
    Review,
}

pub fn schema(which: Which, lang: Lang) -> Value {
    match which {
        Which::Nomination => nomination(lang),
        Which::Unit => unit(lang),
        Which::Round => round(lang),
        Which::Review => review(lang),
    }
}

/// A closed list: its slugs, and its Vietnamese labels as kh also reads
/// them (SPEC §3.1), lower case and capitalised.
fn closed<V: Vocab>(lang: Lang, description: &str) -> Value {
    let mut values: Vec<String> = Vec::new();
    for v in V::all() {
        let label = v.label(Lang::Vi);
        for s in [v.slug().to_string(), label.to_string(), capitalise(label)] {
            if !values.contains(&s) {
                values.push(s);
            }
        }
    }
    let choices: Vec<String> = V::all()
        .iter()
        .map(|v| format!("{} ({})", v.slug(), v.label(lang)))
        .collect();
    json!({"enum": values, "description": format!("{description}: {}", choices.join(", "))})
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn text(description: &str) -> Value {
    json!({"type": "string", "minLength": 1, "description": description})
}

/// A TOML date, or "dd/mm/yyyy" as a string (taplo shows TOML dates to a
/// schema as strings in the date format).
fn date(description: &str) -> Value {
    json!({"description": description, "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "pattern": "^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$"}
    ]})
}

fn nominee_field(f: &form::Field, lang: Lang) -> Value {
    let label = f.label(lang);
    let description = if form::on_plan_form(f.key) {
        label.to_string()
    } else {
        format!(
            "{label} ({})",
            lang.pick("không có trong mẫu của kế hoạch", "not on the plan's form")
        )
    };
    match f.ty {
        FieldType::Text => text(&description),
        FieldType::Date => date(&description),
        FieldType::Gender => closed::<Gender>(lang, &description),
        FieldType::Count => json!({"type": "integer", "minimum": 1, "description": description}),
        FieldType::Role => closed::<Role>(lang, &description),
    }
}

pub fn nomination(lang: Lang) -> Value {
    let mut all_fields = Map::new();
    for f in NOMINEE_FIELDS {
        all_fields.insert(f.key.to_string(), nominee_field(f, lang));
    }
    // Per kind: only that form's fields, and its required ones.
    let per_kind: Vec<Value> = Kind::ALL
        .iter()
        .map(|k| {
            let mut props = Map::new();
            let mut required = Vec::new();
            for f in NOMINEE_FIELDS {
                match f.col(*k) {
                    Col::No => continue,
                    Col::Required => required.push(f.key.key()),
                    Col::Optional | Col::Conditional => {}
                }
                props.insert(f.key.to_string(), nominee_field(f, lang));
            }
            json!({
                "if": {"properties": {Top::Kind.key(): {"enum": [k.slug(), k.label(Lang::Vi), capitalise(k.label(Lang::Vi))]}}, "required": [Top::Kind.key()]},
                "then": {"properties": {Top::Nominee.key(): {
                    "type": "object", "additionalProperties": false,
                    "required": required, "properties": props,
                    "description": form::form_title(*k, lang),
                }}}
            })
        })
        .collect();
    let mut facts = Map::new();
    for f in Fact::ALL {
        let label = f.label(lang);
        let schema = match f.ty() {
            FactType::Rating => closed::<Rating>(lang, label),
            FactType::InitiativeLevel => closed::<InitiativeLevel>(lang, label),
            FactType::Bool => json!({"type": "boolean", "description": label}),
            FactType::Count => json!({"type": "integer", "minimum": 0, "description": label}),
            FactType::Rank => json!({"type": "integer", "minimum": 1, "description": label}),
            FactType::Score => {
                json!({"type": "number", "minimum": 0, "maximum": 100, "description": label})
            }
            FactType::Area => json!({"type": "number", "minimum": 0, "description": label}),
        };
        facts.insert(f.slug().to_string(), schema);
    }
    let campaigns: Vec<&str> = CAMPAIGNS.iter().map(|c| c.slug).collect();
    let campaign_doc: Vec<String> = CAMPAIGNS
        .iter()
        .map(|c| format!("{} (mục {}: {})", c.slug, c.section, c.name(lang)))
        .collect();
    // Every key of the form has its schema here: each match lists all of
    // a table's keys, so a key added to `form` and not here does not build.
    let achievement = |k: AchievementKey| match k {
        AchievementKey::Text => text(lang.pick("Nội dung thành tích", "What was achieved")),
        AchievementKey::Criteria => {
            json!({"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9-]+$"},
            "description": lang.pick("Mã các tiêu chí thành tích này chứng minh (kh campaigns show)", "Ids of the criteria this backs (kh campaigns show)")})
        }
    };
    let award = |k: AwardKey| match k {
        AwardKey::Year => {
            json!({"type": "integer", "minimum": 1945, "description": lang.pick("Năm khen thưởng", "Year of the award")})
        }
        AwardKey::Title => text(lang.pick("Hình thức khen thưởng", "The award")),
        AwardKey::Decision => {
            json!({"type": "string", "pattern": "^\\s*[0-9]+[-/]\\S+\\s*$", "description": lang.pick("Số quyết định, ví dụ 1234/QĐ-UBND", "Decision number, as in 1234/QĐ-UBND")})
        }
        AwardKey::Date => date(lang.pick("Ngày quyết định", "Date of the decision")),
    };
    let model = |k: ModelKey| match k {
        ModelKey::Name => text(lang.pick("Tên mô hình", "Name of the model")),
        ModelKey::Address => text(lang.pick("Địa chỉ mô hình", "Address of the model")),
        ModelKey::Domain => closed::<Domain>(lang, lang.pick("Lĩnh vực", "Field")),
        ModelKey::FourStepPlan => {
            json!({"type": "boolean", "description": lang.pick("Kế hoạch theo trình tự 4 bước", "Four-step plan")})
        }
        ModelKey::Score => {
            json!({"type": "number", "minimum": 0, "maximum": 100, "description": lang.pick("Điểm trên thang 100", "Score out of 100")})
        }
        ModelKey::RecordsArchived => {
            json!({"type": "boolean", "description": lang.pick("Hồ sơ lưu trữ đầy đủ", "Records archived")})
        }
    };
    let top = |k: Top| match k {
        Top::Campaign => {
            json!({"enum": campaigns, "description": format!("{}: {}", lang.pick("Mã phong trào thi đua", "Campaign slug"), campaign_doc.join("; "))})
        }
        Top::Kind => closed::<Kind>(lang, lang.pick("Loại điển hình", "Kind of exemplar")),
        Top::Scope => closed::<Scope>(
            lang,
            lang.pick("Phạm vi ảnh hưởng (mục IV.1)", "Reach (§IV.1)"),
        ),
        Top::ProposedAward => text(lang.pick(
            "Hình thức khen thưởng đơn vị đề nghị",
            "Commendation the unit proposes",
        )),
        Top::Movement => text(lang.pick(
            "Tên phong trào, lĩnh vực (bắt buộc với linh-vuc-khac)",
            "Movement or field (required for linh-vuc-khac)",
        )),
        Top::Photo => text(lang.pick(
            "Ảnh JPEG hoặc PNG đặt cạnh tệp, tối đa 5 MiB, cho trang điển hình",
            "A JPEG or PNG beside the file, at most 5 MiB, for the exemplar page",
        )),
        Top::PhotoConsent => json!({"type": "boolean", "description": lang.pick(
            "Người được đề nghị đồng ý công bố ảnh (Nghị định 13/2023); bắt buộc khi có ảnh",
            "The nominee agreed to the photo's publication (Decree 13/2023); required with a photo",
        )}),
        Top::Nominee => json!({"type": "object", "properties": all_fields,
            "description": lang.pick("1. Sơ lược lý lịch / Đặc điểm tình hình", "1. The nominee")}),
        Top::Achievements => json!({"type": "array", "minItems": 1,
            "description": lang.pick("2. Thành tích tiêu biểu xuất sắc đã đạt được", "2. Outstanding achievements"),
            "items": {"type": "object", "additionalProperties": false,
                "required": [AchievementKey::Text.key()], "properties": properties(achievement)}}),
        Top::Awards => json!({"type": "array",
            "description": lang.pick("3. Quá trình khen thưởng", "3. Commendation history"),
            "items": {"type": "object", "additionalProperties": false,
                "required": [AwardKey::Year.key(), AwardKey::Title.key()], "properties": properties(award)}}),
        Top::Facts => json!({"type": "object", "additionalProperties": false, "properties": facts,
            "description": lang.pick("Thông tin để kiểm tra tiêu chí của phong trào", "Facts the campaign's rules check")}),
        Top::Model => json!({"type": "object", "additionalProperties": false,
            "description": lang.pick("Mô hình “Dân vận khéo” (mục 3.7)", "The “Dân vận khéo” model (§3.7)"),
            "properties": properties(model)}),
        Top::Import => json!({"type": "object", "additionalProperties": false,
        "description": lang.pick(
            "Do kh import ghi: những mục kh chưa đọc được từ báo cáo gốc, và tệp mà báo cáo gửi lại có thể thay",
            "Written by kh import: the fields kh could not read from the source report, and the file a resent report may replace"),
        "properties": {
            "unread": {"type": "array", "items": {"type": "string"}, "description": lang.pick(
                "Khóa của các mục kh tìm thấy tên nhưng chưa đọc được (nominee.<trường>, achievements, awards, proposed_award, campaign, kind)",
                "Keys of the fields whose label kh found but could not read (nominee.<field>, achievements, awards, proposed_award, campaign, kind)")},
            "replaces": text(lang.pick("Tệp (trong thư mục đơn vị) mà tệp này có thể thay", "The file (in the unit's folder) this one may replace"))
        }}),
    };
    let required = [Top::Campaign, Top::Kind, Top::Nominee, Top::Achievements].map(Top::key);
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": lang.pick("Tệp đề nghị điển hình tiên tiến (kh)", "Nomination of an advanced exemplar (kh)"),
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties(top),
        "allOf": per_kind,
    })
}

/// A table's keys and the schema of each, in the form's order.
fn properties<K: FormKey>(schema: impl Fn(K) -> Value) -> Value {
    Value::Object(
        K::ALL
            .iter()
            .map(|&k| (k.key().to_string(), schema(k)))
            .collect(),
    )
}

pub fn unit(lang: Lang) -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": lang.pick("Mô tả đơn vị (unit.toml)", "Unit descriptor (unit.toml)"),
        "type": "object",
        "additionalProperties": false,
        "required": ["name"],
        "properties": {
            "name": text(lang.pick("Tên đầy đủ của đơn vị", "Full name of the unit")),
            "level": closed::<UnitLevel>(lang, lang.pick("Cấp của đơn vị", "Level of the unit")),
            "parent": text(lang.pick("Cơ quan cấp trên, in trên tên đơn vị ở đầu văn bản (“UBND TỈNH HÀ NAM”)", "The body above the unit, printed above its name in a document's header")),
            "header": {
                "description": lang.pick("Các dòng tên cơ quan ở đầu văn bản, ngắt như đơn vị muốn", "The header's lines, broken as the unit wants them"),
                "oneOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]
            },
            "place": text(lang.pick("Địa danh trong “…, ngày … tháng … năm …”", "The place in \"…, ngày … tháng … năm …\"")),
            "signer_title": text(lang.pick("Chức danh thủ trưởng ký (“GIÁM ĐỐC”)", "The head's title in the signature block")),
            "motto": closed::<crate::vocab::Motto>(lang, lang.pick("Quốc hiệu, tiêu ngữ ở góc phải", "The motto at the top right")),
        }
    })
}

pub fn round(lang: Lang) -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": lang.pick("Thiết lập của đợt (kh.toml)", "Settings of the round (kh.toml)"),
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "year": {"type": "integer", "minimum": 1945, "maximum": 9999, "description": lang.pick("Năm của đợt (mặc định 2023)", "Year of the round (2023 by default)")},
            "cap_per_unit": {"type": "integer", "minimum": 1, "description": lang.pick("Số đề nghị tối đa mỗi đơn vị (mục IV.1: 3)", "Most nominations per unit (§IV.1: 3)")},
            "as_of": date(lang.pick("Ngày xét tuổi và thời hạn (mặc định 31/12)", "Reference day (31 December by default)")),
            "expected": {"type": "object", "description": lang.pick("Các đơn vị được đề nghị gửi: mã → tên", "Units asked to send: code → name"),
                         "propertyNames": {"pattern": "^[a-z0-9-]+$"},
                         "additionalProperties": {"type": "string", "minLength": 1}},
        }
    })
}

pub fn review(lang: Lang) -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": lang.pick("Kết quả thẩm định (review.toml)", "Appraisal decisions (review.toml)"),
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "review": {"type": "array", "items": {
                "type": "object", "additionalProperties": false, "required": ["path", "status"],
                "properties": {
                    "path": text(lang.pick("Đường dẫn tệp đề nghị, tính từ thư mục gốc", "Root-relative path of the nomination")),
                    "status": closed::<Status>(lang, lang.pick("Kết quả thẩm định", "Decision")),
                    "note": text(lang.pick("Cần bổ sung gì, hoặc vì sao không đạt", "What to add, or why not")),
                    "reviewer": text(lang.pick("Người thẩm định", "Reviewer")),
                    "date": date(lang.pick("Ngày thẩm định", "Day of the decision")),
                    "award": text(lang.pick("Hình thức khen thưởng Sở Nội vụ đề xuất", "Commendation Sở Nội vụ proposes")),
                    "sha256": {"type": "string", "pattern": "^[0-9a-fA-F]{64}$", "description": lang.pick("Dấu SHA-256 của tệp khi thẩm định", "SHA-256 of the file when reviewed")},
                }}}
        }
    })
}
