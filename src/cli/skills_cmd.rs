//! `jobmatch skills`: what the extractor finds in a text, with byte spans.

use std::io::{BufWriter, Write};
use std::path::Path;

use serde::Serialize;

use super::args::{ListFormat, SkillsArgs};
use super::exit::Outcome;
use super::input::{Input, read_text};
use crate::render::printable;
use crate::skill::{Extractor, Mention, Taxonomy};

/// One skill mention found in the text (`jobmatch skills --format json` prints an array).
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "SkillMention")]
pub(super) struct Found<'a> {
    /// Taxonomy id.
    id: &'a str,
    /// Canonical name.
    name: &'a str,
    /// Byte offset where the mention starts.
    start: usize,
    /// Byte offset just past the mention.
    end: usize,
    /// The text as written.
    text: &'a str,
}

/// Writes `mentions` of `text` as `serde_json::to_writer_pretty` writes the `Vec` of their
/// [`Found`] records, byte for byte, but escapes each skill's id and name once rather than at
/// every mention: a long text has hundreds of thousands of mentions of a few thousand skills,
/// and re-serialising the same strings was a fifth of the command's time.
fn write_json(
    out: &mut impl Write,
    taxonomy: &Taxonomy,
    text: &str,
    mentions: &[Mention],
) -> std::io::Result<()> {
    // Per skill: what a record holds from its opening brace to the start offset.
    let mut heads: Vec<Option<String>> = vec![None; taxonomy.len()];
    out.write_all(b"[")?;
    for (i, m) in mentions.iter().enumerate() {
        let head = heads[m.skill.0 as usize].get_or_insert_with(|| {
            let skill = taxonomy.skill(m.skill);
            let (id, name) = (json_string(&skill.id), json_string(&skill.name));
            format!("\n    \"id\": {id},\n    \"name\": {name},\n    \"start\": ")
        });
        out.write_all(if i == 0 { b"\n  {" } else { b",\n  {" })?;
        out.write_all(head.as_bytes())?;
        write!(out, "{},\n    \"end\": {},\n    \"text\": ", m.start, m.end)?;
        serde_json::to_writer(&mut *out, &text[m.start..m.end])?;
        out.write_all(b"\n  }")?;
    }
    out.write_all(if mentions.is_empty() { b"]" } else { b"\n]" })
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serialises")
}

pub fn run<W: Write>(
    args: &SkillsArgs,
    taxonomy: &Taxonomy,
    stdout: W,
    ui: &super::term::Ui,
) -> anyhow::Result<Outcome> {
    let text = match args.input.as_deref() {
        None | Some("-") => Input::Stdin.read()?,
        Some(arg) if Path::new(arg).is_file() => read_text(Path::new(arg))?,
        Some(text) => text.to_string(),
    };
    let extractor = Extractor::new(taxonomy);
    let mentions = extractor.find(&text);
    let mut out = BufWriter::new(stdout);
    match ui.format(args.format, ListFormat::Table, ListFormat::Json) {
        ListFormat::Json => {
            write_json(&mut out, taxonomy, &text, &mentions)?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            let mut table = ui.table.table(&["Start", "End", "Text", "Skill", "Id"]);
            for m in &mentions {
                let skill = taxonomy.skill(m.skill);
                table.add_row(vec![
                    m.start.to_string(),
                    m.end.to_string(),
                    printable(&text[m.start..m.end]),
                    printable(&skill.name),
                    printable(&skill.id),
                ]);
            }
            writeln!(out, "{table}")?;
        }
    }
    out.flush()?;
    Ok(Outcome::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON as serde writes the records, for comparison.
    fn by_serde(taxonomy: &Taxonomy, text: &str, mentions: &[Mention]) -> String {
        let found: Vec<Found> = mentions
            .iter()
            .map(|m| {
                let skill = taxonomy.skill(m.skill);
                Found {
                    id: &skill.id,
                    name: &skill.name,
                    start: m.start,
                    end: m.end,
                    text: &text[m.start..m.end],
                }
            })
            .collect();
        serde_json::to_string_pretty(&found).unwrap()
    }

    #[test]
    fn json_is_what_serde_writes() {
        let taxonomy = Taxonomy::embedded()
            .with_overlay(
                "[[skill]]\nid = \"q\\\"x\"\nname = \"Quote \\\" back\\\\slash \\t tab \\u0001 é\"\naliases = [\"zork\\\"s\", \"zörk\"]\n",
                "test.toml",
            )
            .unwrap();
        let extractor = Extractor::new(&taxonomy);
        let (mut written, mut escaped) = (0, false);
        for text in [
            "",
            "nothing here",
            "Rust and Python; ZÖRK, zork\"s and Rust again",
            "C++, C, Java\n\tzörk \u{1} machine\tlearning",
        ] {
            let mentions = extractor.find(text);
            written += mentions.len();
            let mut ours = Vec::new();
            write_json(&mut ours, &taxonomy, text, &mentions).unwrap();
            let ours = String::from_utf8(ours).unwrap();
            assert_eq!(ours, by_serde(&taxonomy, text, &mentions));
            escaped |= ours.contains(r#""text": "machine\tlearning""#);
        }
        assert!(written > 5 && escaped);
    }
}
