//! The JSON Schemas of every JSON and JSON Lines output and of the native profile format,
//! generated from the Rust types that write or read them (schemars) and checked into
//! `docs/schema/`; `tests/schema.rs` fails when the checked-in files are stale.

use schemars::{JsonSchema, Schema, generate::SchemaSettings};

use crate::render::{MatchRow, PostingView};

/// (file name under `docs/schema/`, schema), in a fixed order.
pub fn all() -> Vec<(&'static str, Schema)> {
    vec![
        (
            "posting.schema.json",
            titled::<PostingView>(
                "jobmatch parse output: one parsed posting (json: one object, or an array of \
                 them for several postings; jsonl: one per line; toml: the same without nulls)",
            ),
        ),
        (
            "match-row.schema.json",
            titled::<MatchRow>(
                "jobmatch match output: one candidate x posting result (jsonl: one per line; \
                 json: an array of them; csv/tsv: the same fields flattened)",
            ),
        ),
        (
            "jobposting.schema.json",
            titled::<crate::render::jsonld::JobPosting>(
                "jobmatch parse --format jsonld: a schema.org JobPosting (an array of them for \
                 several postings)",
            ),
        ),
        ("profile.schema.json", {
            let mut s = crate::profile::native::schema();
            s.insert(
                "description".into(),
                "A native jobmatch candidate profile, in TOML or JSON (docs/profiles.md)".into(),
            );
            s
        }),
        (
            "skill-mention.schema.json",
            titled::<super::skills_cmd::Found>("jobmatch skills --format json: an array of these"),
        ),
        (
            "taxonomy-entry.schema.json",
            titled::<super::taxonomy_cmd::Entry>(
                "jobmatch taxonomy --format json: one of these per line",
            ),
        ),
    ]
}

fn titled<T: JsonSchema>(description: &str) -> Schema {
    let mut s = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>();
    s.insert("description".into(), description.into());
    s
}

/// A schema as written to disk: pretty JSON with a final newline.
pub fn to_text(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("schemas serialise");
    text.push('\n');
    text
}
