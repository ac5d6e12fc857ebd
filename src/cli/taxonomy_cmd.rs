//! `jobmatch taxonomy`: list or search the skills jobmatch knows.

use std::io::{BufWriter, Write};

use serde::Serialize;

use super::args::{ListFormat, TaxonomyArgs};
use super::exit::Outcome;
use crate::render::printable;
use crate::skill::{Skill, Taxonomy, token::spelling_key};

/// One skill of the taxonomy (`jobmatch taxonomy --format json` prints one per line).
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "TaxonomyEntry")]
pub(super) struct Entry<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    category: &'a str,
    aliases: &'a [crate::skill::Str],
    cased: &'a [crate::skill::Str],
    implies: Vec<&'a str>,
    ambiguous: bool,
}

fn matches(skill: &Skill, needle: &str) -> bool {
    skill.id.contains(needle)
        || skill
            .spellings()
            .any(|(s, _)| spelling_key(s).contains(needle))
}

pub fn run<W: Write>(
    args: &TaxonomyArgs,
    taxonomy: &Taxonomy,
    stdout: W,
    ui: &super::term::Ui,
) -> anyhow::Result<Outcome> {
    let needle = args.query.as_deref().map(spelling_key);
    let selected: Vec<&Skill> = taxonomy
        .skills()
        .map(|(_, s)| s)
        .filter(|s| needle.as_deref().is_none_or(|n| matches(s, n)))
        .collect();
    let mut out = BufWriter::new(stdout);
    match ui.format(args.format, ListFormat::Table, ListFormat::Json) {
        ListFormat::Json => {
            for s in &selected {
                let entry = Entry {
                    id: &s.id,
                    name: &s.name,
                    kind: s.kind.as_str(),
                    category: &s.category,
                    aliases: &s.aliases,
                    cased: &s.cased,
                    implies: s.implies.iter().map(|&i| &*taxonomy.skill(i).id).collect(),
                    ambiguous: s.ambiguous,
                };
                serde_json::to_writer(&mut out, &entry)?;
                writeln!(out)?;
            }
        }
        ListFormat::Table => {
            let mut table =
                ui.table
                    .table(&["Id", "Name", "Kind", "Category", "Spellings", "Implies"]);
            for s in &selected {
                let spellings: Vec<&str> = s
                    .aliases
                    .iter()
                    .chain(s.cased.iter())
                    .map(|s| &**s)
                    .collect();
                let implies: Vec<&str> = s
                    .implies
                    .iter()
                    .map(|&i| &*taxonomy.skill(i).name)
                    .collect();
                table.add_row(vec![
                    printable(&s.id),
                    printable(&s.name),
                    s.kind.as_str().to_string(),
                    printable(&s.category),
                    printable(&spellings.join(", ")),
                    printable(&implies.join(", ")),
                ]);
            }
            writeln!(out, "{table}")?;
            writeln!(out, "{} of {} skills", selected.len(), taxonomy.len())?;
        }
    }
    out.flush()?;
    Ok(if selected.is_empty() && needle.is_some() {
        Outcome::NoMatch
    } else {
        Outcome::Ok
    })
}
