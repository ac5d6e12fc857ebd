//! `jobmatch match`: one posting, many candidates, a ranking.

use std::io::{BufWriter, Write};

use anyhow::Context;

use super::Reporter;
use super::args::{MatchArgs, MatchFormat};
use super::exit::Outcome;
use super::input::{self, Input};
use crate::matcher::{Matcher, Weights};
use crate::posting::PostingParser;
use crate::profile::{self, Format, Profile};
use crate::render::{CsvSink, JsonSink, JsonlSink, MatchRow, MatchSink, TableSink};
use crate::skill::Taxonomy;

pub const PROFILE_EXTENSIONS: &[&str] = &["toml", "json"];

pub fn run<W: Write>(
    args: &MatchArgs,
    taxonomy: &Taxonomy,
    stdout: W,
    is_terminal: bool,
    reporter: &mut Reporter,
) -> anyhow::Result<Outcome> {
    let format = args.format.unwrap_or(if is_terminal {
        MatchFormat::Table
    } else {
        MatchFormat::Jsonl
    });
    let posting_input = if args.posting.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.posting.clone())
    };
    let text = posting_input.read()?;
    let parser = PostingParser::new(taxonomy);
    let set = parser.parse(&text, &posting_input.name());
    let matcher = Matcher::new(taxonomy, &set, Weights::default());

    let (inputs, errors) = input::expand(&args.candidates, PROFILE_EXTENSIONS);
    for e in errors {
        reporter.error(e);
    }
    let out = BufWriter::new(stdout);
    let mut sink: Box<dyn MatchSink> = match format {
        MatchFormat::Table => Box::new(TableSink::new(out, args.width)),
        MatchFormat::Json => Box::new(JsonSink::new(out)),
        MatchFormat::Jsonl => Box::new(JsonlSink::new(out)),
        MatchFormat::Csv => Box::new(CsvSink::new(out, b',')),
        MatchFormat::Tsv => Box::new(CsvSink::new(out, b'\t')),
    };
    let mut top: Vec<MatchRow> = Vec::new();
    for input in &inputs {
        let profile = match load_profile(input, taxonomy) {
            Ok(p) => p,
            Err(e) => {
                reporter.error(format!("{e:#}"));
                continue;
            }
        };
        let score = matcher.score(&profile);
        let row = MatchRow::new(&set, &profile, &score, taxonomy, args.explain);
        match args.top {
            Some(_) => top.push(row),
            None => sink.row(row)?,
        }
    }
    if let Some(n) = args.top {
        crate::render::rank(&mut top);
        top.truncate(n);
        for row in top {
            sink.row(row)?;
        }
    }
    sink.finish()?;
    Ok(if reporter.problems() > 0 {
        Outcome::Error
    } else {
        Outcome::Ok
    })
}

fn load_profile(input: &Input, taxonomy: &Taxonomy) -> anyhow::Result<Profile> {
    let text = input.read()?;
    let format = match input {
        Input::File(p) => Format::from_path(p)
            .with_context(|| format!("{}: not a .toml or .json profile", p.display()))?,
        Input::Stdin if text.trim_start().starts_with('{') => Format::Json,
        Input::Stdin => Format::Toml,
    };
    Ok(profile::parse(
        &text,
        format,
        &input.name(),
        &input.stem(),
        taxonomy,
    )?)
}
