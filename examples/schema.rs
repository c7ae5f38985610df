//! Prints a JSON Schema of the nomination format, built from kh's own
//! tables, for the benchmark's `taplo lint` comparison: what a generic
//! schema checker can check (keys, types, enums), without the plan's rules.
//! `cargo run --example schema > nomination.schema.json`

use kh::campaign::CAMPAIGNS;
use kh::form::{FieldType, NOMINEE_FIELDS};
use kh::vocab::{
    Domain, Fact, FactType, Gender, InitiativeLevel, Kind, Rating, Role, Scope, Vocab,
};
use serde_json::{Map, Value, json};

fn slugs<V: Vocab>() -> Value {
    json!(V::all().iter().map(|v| v.slug()).collect::<Vec<_>>())
}

fn main() {
    let date = json!({"anyOf": [{"type": "string", "pattern": "^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$"}, {"type": "string", "format": "date"}]});
    let mut nominee = Map::new();
    for f in NOMINEE_FIELDS {
        let schema = match f.ty {
            FieldType::Text => json!({"type": "string", "minLength": 1}),
            FieldType::Date => date.clone(),
            FieldType::Gender => json!({"enum": slugs::<Gender>()}),
            FieldType::Count => json!({"type": "integer", "minimum": 1}),
            FieldType::Role => json!({"enum": slugs::<Role>()}),
        };
        nominee.insert(f.key.to_string(), schema);
    }
    let mut facts = Map::new();
    for f in Fact::ALL {
        let schema = match f.ty() {
            FactType::Rating => json!({"enum": slugs::<Rating>()}),
            FactType::InitiativeLevel => json!({"enum": slugs::<InitiativeLevel>()}),
            FactType::Bool => json!({"type": "boolean"}),
            FactType::Count => json!({"type": "integer", "minimum": 0}),
            FactType::Rank => json!({"type": "integer", "minimum": 1}),
            FactType::Score => json!({"type": "number", "minimum": 0, "maximum": 100}),
            FactType::Area => json!({"type": "number", "minimum": 0}),
        };
        facts.insert(f.slug().to_string(), schema);
    }
    let schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "kh nomination",
        "type": "object",
        "additionalProperties": false,
        "required": ["campaign", "kind", "nominee", "achievements"],
        "properties": {
            "campaign": {"enum": CAMPAIGNS.iter().map(|c| c.slug).collect::<Vec<_>>()},
            "kind": {"enum": slugs::<Kind>()},
            "scope": {"enum": slugs::<Scope>()},
            "nominee": {"type": "object", "additionalProperties": false, "properties": nominee},
            "achievements": {"type": "array", "minItems": 1, "items": {
                "type": "object", "additionalProperties": false, "required": ["text"],
                "properties": {"text": {"type": "string", "minLength": 1}, "criteria": {"type": "array", "items": {"type": "string"}}}}},
            "awards": {"type": "array", "items": {
                "type": "object", "additionalProperties": false, "required": ["year", "title"],
                "properties": {"year": {"type": "integer", "minimum": 1945}, "title": {"type": "string", "minLength": 1},
                               "decision": {"type": "string", "pattern": "^[0-9]+[-/]"}, "date": date}}},
            "facts": {"type": "object", "additionalProperties": false, "properties": facts},
            "model": {"type": "object", "additionalProperties": false, "properties": {
                "name": {"type": "string"}, "address": {"type": "string"}, "domain": {"enum": slugs::<Domain>()},
                "four_step_plan": {"type": "boolean"}, "score": {"type": "number"}, "records_archived": {"type": "boolean"}}}
        }
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&schema).unwrap_or_default()
    );
}
