//! `jobmatch skills`: what the extractor finds in a text, with byte spans.

use std::io::{BufWriter, Write};
use std::path::Path;

use serde::Serialize;

use super::args::{ListFormat, SkillsArgs};
use super::exit::Outcome;
use super::input::{Input, read_text};
use crate::render::printable;
use crate::skill::{Extractor, Taxonomy};

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

/// Serialises the items a function iterates as a sequence, as a `Vec` of them would be,
/// without collecting them.
struct Each<F>(F);

impl<F: Fn() -> I, I: IntoIterator<Item = T>, T: Serialize> Serialize for Each<F> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
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
    // Each mention as printed, made when it is written rather than collected first.
    let found = || {
        mentions.iter().map(|m| {
            let skill = taxonomy.skill(m.skill);
            Found {
                id: &skill.id,
                name: &skill.name,
                start: m.start,
                end: m.end,
                text: &text[m.start..m.end],
            }
        })
    };
    let mut out = BufWriter::new(stdout);
    match ui.format(args.format, ListFormat::Table, ListFormat::Json) {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &Each(found))?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            let mut table = ui.table.table(&["Start", "End", "Text", "Skill", "Id"]);
            for f in found() {
                table.add_row(vec![
                    f.start.to_string(),
                    f.end.to_string(),
                    printable(f.text),
                    printable(f.name),
                    printable(f.id),
                ]);
            }
            writeln!(out, "{table}")?;
        }
    }
    out.flush()?;
    Ok(Outcome::Ok)
}
