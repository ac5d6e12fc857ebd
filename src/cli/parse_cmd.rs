//! `jobmatch parse`: postings in, requirement sets out.

use std::io::{BufWriter, Write};

use super::Reporter;
use super::args::{ParseArgs, ParseFormat};
use super::config::Config;
use super::exit::Outcome;
use super::input::{self, Input};
use super::term::Ui;
use crate::posting::PostingParser;
use crate::render::{PostingFormat, PostingView, write_postings};
use crate::skill::Taxonomy;

pub const POSTING_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "html", "htm", "json", "jsonld"];

pub fn run<W: Write>(
    args: &ParseArgs,
    config: &Config,
    taxonomy: &Taxonomy,
    stdout: W,
    ui: &Ui,
    reporter: &mut Reporter,
) -> anyhow::Result<Outcome> {
    let asked = args.format.or(config.parse_format);
    let format = match ui.format(asked, ParseFormat::Table, ParseFormat::Json) {
        ParseFormat::Json => PostingFormat::Json,
        ParseFormat::Jsonl => PostingFormat::Jsonl,
        ParseFormat::Jsonld => PostingFormat::JsonLd,
        ParseFormat::Toml => PostingFormat::Toml,
        ParseFormat::Table => PostingFormat::Table,
    };
    let (inputs, errors) = input::expand(&args.postings, POSTING_EXTENSIONS);
    for e in errors {
        reporter.error(e);
    }
    let parser = PostingParser::new(taxonomy);
    let mut out = BufWriter::new(stdout);
    let mut views = Vec::new();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Postings are parsed a chunk at a time on every core and handed on in input order, so
    // memory stays bounded by one chunk's requirement sets.
    for chunk in inputs.chunks(CHUNK_PER_THREAD * threads) {
        for result in parse_chunk(&parser, chunk, threads) {
            match result {
                Ok(view) => {
                    // JSON Lines streams: write each posting as soon as it is parsed.
                    if format == PostingFormat::Jsonl {
                        write_postings(&mut out, std::slice::from_ref(&view), format, ui.table)?;
                    } else {
                        views.push(view);
                    }
                }
                Err(e) => reporter.error(format!("{e:#}")),
            }
        }
    }
    if format != PostingFormat::Jsonl && !views.is_empty() {
        write_postings(&mut out, &views, format, ui.table)?;
    }
    out.flush()?;
    Ok(if reporter.problems() > 0 {
        Outcome::Error
    } else {
        Outcome::Ok
    })
}

/// Postings each thread parses between two hand-overs.
const CHUNK_PER_THREAD: usize = 64;

/// Reads and parses `inputs` on up to `threads` threads; results in input order.
fn parse_chunk(
    parser: &PostingParser,
    inputs: &[Input],
    threads: usize,
) -> Vec<anyhow::Result<PostingView>> {
    if threads <= 1 || inputs.len() <= 1 {
        return inputs.iter().map(|i| read_and_parse(parser, i)).collect();
    }
    let per = inputs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = inputs
            .chunks(per)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|i| read_and_parse(parser, i))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a posting parser thread panicked"))
            .collect()
    })
}

fn read_and_parse(parser: &PostingParser, input: &Input) -> anyhow::Result<PostingView> {
    let text = input.read()?;
    let set = parser.read(&text, &input.name());
    Ok(PostingView::new(&set, parser.taxonomy()))
}
