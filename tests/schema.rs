//! The JSON Schemas in docs/schema/ are generated from the Rust types (regenerate with
//! `UPDATE_GENERATED=1 cargo test --test schema`), and real output validates against them.

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

fn schema_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema")
}

#[test]
fn checked_in_schemas_are_current() {
    let update = std::env::var_os("UPDATE_GENERATED").is_some();
    let mut stale = Vec::new();
    for (name, schema) in jobmatch::cli::schema::all() {
        let text = jobmatch::cli::schema::to_text(&schema);
        let path = schema_dir().join(name);
        if update {
            std::fs::create_dir_all(schema_dir()).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        if std::fs::read_to_string(&path).ok().as_deref() != Some(&text) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "stale schemas {stale:?}: run `UPDATE_GENERATED=1 cargo test --test schema`"
    );
}

fn schema(name: &str) -> Value {
    let text = std::fs::read_to_string(schema_dir().join(name)).expect("schema exists");
    serde_json::from_str(&text).unwrap()
}

/// A small validator for the subset of JSON Schema that schemars writes: `$ref` into
/// `$defs`, `type` (one or several), `properties`, `required`, `additionalProperties: false`,
/// `items`, `anyOf`/`oneOf`, `enum`, `const`, `minimum`/`maximum`.
fn validate(root: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return validate(root, &root["$defs"][name], v, at, errors);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let passing = options
                .iter()
                .filter(|o| {
                    let mut e = Vec::new();
                    validate(root, o, v, at, &mut e);
                    e.is_empty()
                })
                .count();
            if passing == 0 || (key == "oneOf" && passing > 1) {
                errors.push(format!("{at}: {passing} of the {key} options match {v}"));
            }
        }
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "null" => v.is_null(),
            "boolean" => v.is_boolean(),
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "array" => v.is_array(),
            "object" => v.is_object(),
            _ => false,
        });
        if !ok {
            errors.push(format!("{at}: {v} is not {types:?}"));
            return;
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array)
        && !values.contains(v)
    {
        errors.push(format!("{at}: {v} not in {values:?}"));
    }
    if let Some(c) = schema.get("const")
        && c != v
    {
        errors.push(format!("{at}: {v} is not {c}"));
    }
    if let Some(n) = v.as_f64() {
        if let Some(min) = schema.get("minimum").and_then(Value::as_f64)
            && n < min
        {
            errors.push(format!("{at}: {n} < {min}"));
        }
        if let Some(max) = schema.get("maximum").and_then(Value::as_f64)
            && n > max
        {
            errors.push(format!("{at}: {n} > {max}"));
        }
    }
    if let Value::Object(map) = v {
        let props = schema.get("properties").and_then(Value::as_object);
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let req = req.as_str().unwrap();
            if !map.contains_key(req) {
                errors.push(format!("{at}: missing required {req:?}"));
            }
        }
        for (k, item) in map {
            match props.and_then(|p| p.get(k)) {
                Some(s) => validate(root, s, item, &format!("{at}.{k}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{at}: unexpected field {k:?}"))
                }
                None => {}
            }
        }
    }
    if let (Value::Array(items), Some(s)) = (v, schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            validate(root, s, item, &format!("{at}[{i}]"), errors);
        }
    }
}

fn assert_valid(schema_name: &str, v: &Value) {
    let root = schema(schema_name);
    let mut errors = Vec::new();
    validate(&root, &root, v, "$", &mut errors);
    assert!(errors.is_empty(), "{schema_name}: {errors:#?}");
}

fn stdout_of(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_jobmatch"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("JOBMATCH_NO_CONFIG", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_validator_rejects_what_it_should() {
    let root = schema("match-row.schema.json");
    let mut errors = Vec::new();
    let bad = serde_json::json!({"candidate": 1, "surprise": true});
    validate(&root, &root, &bad, "$", &mut errors);
    let all = errors.join("\n");
    assert!(all.contains("missing required \"score\""), "{all}");
    assert!(all.contains("unexpected field \"surprise\""), "{all}");
    assert!(all.contains("$.candidate: 1 is not"), "{all}");
}

#[test]
fn parse_output_validates() {
    for line in stdout_of(&["parse", "postings", "fixtures/pages", "-f", "jsonl"]).lines() {
        assert_valid("posting.schema.json", &serde_json::from_str(line).unwrap());
    }
}

#[test]
fn jsonld_output_validates() {
    for input in [
        "postings/ibm-back-end-developer-intern.md",
        "fixtures/pages/northwind-rust-engineer-jsonld.html",
        "fixtures/pages/razorback-web-developer.job.json",
    ] {
        let v: Value = serde_json::from_str(&stdout_of(&["parse", input, "-f", "jsonld"])).unwrap();
        assert_valid("jobposting.schema.json", &v);
    }
}

#[test]
fn match_output_validates() {
    let out = stdout_of(&[
        "match",
        "postings/ibm-back-end-developer-intern.md",
        "fixtures/candidates",
        "fixtures/resumes/ada-json-resume.json",
        "-f",
        "jsonl",
        "--explain",
    ]);
    assert!(out.lines().count() >= 10);
    for line in out.lines() {
        assert_valid(
            "match-row.schema.json",
            &serde_json::from_str(line).unwrap(),
        );
    }
}

#[test]
fn fixture_profiles_validate() {
    for entry in std::fs::read_dir("fixtures/candidates").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let v: Value = match path.extension().and_then(|e| e.to_str()) {
            Some("toml") => toml::from_str(&text).unwrap(),
            Some("json") => serde_json::from_str(&text).unwrap(),
            _ => continue,
        };
        assert_valid("profile.schema.json", &v);
    }
}

#[test]
fn skills_and_taxonomy_output_validates() {
    let found: Value = serde_json::from_str(&stdout_of(&[
        "skills",
        "Python, SQL and Docker",
        "-f",
        "json",
    ]))
    .unwrap();
    assert!(!found.as_array().unwrap().is_empty());
    for item in found.as_array().unwrap() {
        assert_valid("skill-mention.schema.json", item);
    }
    for line in stdout_of(&["taxonomy", "-f", "json"]).lines() {
        assert_valid(
            "taxonomy-entry.schema.json",
            &serde_json::from_str(line).unwrap(),
        );
    }
}

#[test]
fn status_schema_matches_the_matcher() {
    let root = schema("match-row.schema.json");
    let listed = root["$defs"]["Status"]["enum"].clone();
    let from_matcher: Vec<Value> = [
        jobmatch::matcher::Status::Met,
        jobmatch::matcher::Status::Partial,
        jobmatch::matcher::Status::Missed,
        jobmatch::matcher::Status::Unchecked,
    ]
    .iter()
    .map(|s| serde_json::to_value(s).unwrap())
    .collect();
    assert_eq!(listed, Value::Array(from_matcher));
}
