//! Writing parsed postings: JSON (one object, or an array for several), JSON Lines, schema.org
//! JSON-LD, TOML, and
//! a readable table.

use std::io::{self, Write};

use super::style::TableStyle;
use super::table::printable;
use super::views::PostingView;
use crate::matcher::education_name;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostingFormat {
    Json,
    Jsonl,
    /// schema.org `JobPosting` JSON-LD ([`super::jsonld`]).
    JsonLd,
    Toml,
    Table,
}

pub fn write_postings<W: Write>(
    out: &mut W,
    views: &[PostingView],
    format: PostingFormat,
    style: TableStyle,
) -> io::Result<()> {
    match format {
        PostingFormat::Json => {
            if views.len() == 1 {
                serde_json::to_writer_pretty(&mut *out, &views[0])?;
            } else {
                serde_json::to_writer_pretty(&mut *out, views)?;
            }
            out.write_all(b"\n")
        }
        PostingFormat::JsonLd => {
            let docs: Vec<super::jsonld::JobPosting> =
                views.iter().map(super::jsonld::job_posting).collect();
            if docs.len() == 1 {
                serde_json::to_writer_pretty(&mut *out, &docs[0])?;
            } else {
                serde_json::to_writer_pretty(&mut *out, &docs)?;
            }
            out.write_all(b"\n")
        }
        PostingFormat::Jsonl => {
            for v in views {
                serde_json::to_writer(&mut *out, v)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        PostingFormat::Toml => {
            for (i, v) in views.iter().enumerate() {
                if i > 0 {
                    out.write_all(b"\n# ---\n\n")?;
                }
                out.write_all(to_toml(v)?.as_bytes())?;
            }
            Ok(())
        }
        PostingFormat::Table => {
            for (i, v) in views.iter().enumerate() {
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                write_table(out, v, style)?;
            }
            Ok(())
        }
    }
}

/// TOML has no null: absent values are left out. The `toml` serializer takes time quadratic in
/// the length of an array of tables (100,000 requirements took 46 s), so each element of the
/// posting's long arrays is serialised on its own and the pieces appended, which is the same
/// document: a `[[requirements]]` header adds one element wherever it appears after the
/// top-level keys.
fn to_toml(view: &PostingView) -> io::Result<String> {
    use serde_json::{Map, Value};
    fn strip_nulls(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.retain(|_, v| !v.is_null());
                map.values_mut().for_each(strip_nulls);
            }
            Value::Array(items) => items.iter_mut().for_each(strip_nulls),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(view).map_err(io::Error::other)?;
    strip_nulls(&mut value);
    let Value::Object(mut top) = value else {
        return Err(io::Error::other("a posting serialises to an object"));
    };
    // Empty arrays stay top-level keys (`mentioned = []`), written before any table header.
    let mut arrays = Vec::new();
    for key in ["mentioned", "requirements", "sections"] {
        if top
            .get(key)
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty())
            && let Some(Value::Array(items)) = top.remove(key)
        {
            arrays.push((key, items));
        }
    }
    let mut out = toml::to_string(&top).map_err(io::Error::other)?;
    for (key, items) in arrays {
        for item in items {
            let one = Map::from_iter([(key.to_string(), Value::Array(vec![item]))]);
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(&toml::to_string(&one).map_err(io::Error::other)?);
        }
    }
    Ok(out)
}

fn write_table<W: Write>(out: &mut W, v: &PostingView, style: TableStyle) -> io::Result<()> {
    // Everything shown comes from a file (the posting, its name, a taxonomy overlay): it goes
    // through `printable` so no control character reaches the terminal.
    let or_dash = |s: &Option<String>| s.as_deref().map_or_else(|| "—".into(), printable);
    writeln!(out, "{}", printable(&v.source))?;
    writeln!(out, "  title:      {}", or_dash(&v.title))?;
    writeln!(out, "  company:    {}", or_dash(&v.company))?;
    writeln!(out, "  location:   {}", or_dash(&v.location))?;
    if let Some(t) = &v.employment_type {
        writeln!(out, "  type:       {}", printable(t))?;
    }
    if let Some(y) = v.min_years {
        writeln!(out, "  min years:  {y}")?;
    }
    if let Some(e) = v.education {
        writeln!(
            out,
            "  education:  {}{}",
            education_name(e.level),
            if e.or_experience {
                " or equivalent experience"
            } else {
                ""
            }
        )?;
    }
    let mut table = style.table(&["Line", "Importance", "Needs", "Skills", "Requirement"]);
    for r in &v.requirements {
        let names: Vec<&str> = r.skills.iter().map(|s| s.name.as_str()).collect();
        let needs = if names.is_empty() {
            "—".to_string()
        } else if r.min_count < names.len() {
            format!("{} of {}", r.min_count, names.len())
        } else {
            "all".to_string()
        };
        let mut extra = Vec::new();
        if let Some(y) = r.years {
            extra.push(format!("{y}+ years"));
        }
        if let Some(e) = r.education {
            extra.push(format!("{} degree", education_name(e.level)));
        }
        let mut skills = names.join(", ");
        if !extra.is_empty() {
            if !skills.is_empty() {
                skills.push_str("; ");
            }
            skills.push_str(&extra.join(", "));
        }
        table.add_row(vec![
            r.line.to_string(),
            format!("{:?}", r.importance).to_lowercase(),
            needs,
            printable(&skills),
            printable(&r.text),
        ]);
    }
    writeln!(out, "{table}")?;
    if !v.mentioned.is_empty() {
        let names: Vec<&str> = v.mentioned.iter().map(|s| s.name.as_str()).collect();
        writeln!(out, "  also mentioned: {}", printable(&names.join(", ")))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::posting::PostingParser;
    use crate::skill::Taxonomy;

    /// The TOML output reads back as the JSON output, less its nulls.
    fn same_as_json(markdown: &str) {
        let taxonomy = Taxonomy::embedded();
        let set = PostingParser::new(&taxonomy).parse(markdown, "t.md");
        let view = PostingView::new(&set, &taxonomy);
        let text = to_toml(&view).unwrap();
        let from_toml: serde_json::Value = toml::from_str(&text).unwrap();
        let mut json = serde_json::to_value(&view).unwrap();
        json.as_object_mut().unwrap().retain(|_, v| !v.is_null());
        for r in json["requirements"].as_array_mut().unwrap() {
            r.as_object_mut().unwrap().retain(|_, v| !v.is_null());
        }
        assert_eq!(from_toml, json, "{text}");
    }

    #[test]
    fn toml_pieces_make_one_document() {
        same_as_json("");
        same_as_json("# Dev\n\n## Requirements\n- Python\n");
        same_as_json(
            "---\ntitle: X\n---\n## Requirements\n- 3+ years of Python or Java\n\
             - Bachelor's degree or equivalent\n## Nice to have\n- Docker\n\
             ## About\nWe use SQL and C++.\n",
        );
    }
}
