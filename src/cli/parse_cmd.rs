//! `jobmatch parse`: postings in, requirement sets out.

use std::io::{BufWriter, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

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
    // JSON Lines streams: each posting's line is written by the thread that parsed it and
    // handed on as bytes, so the calling thread only copies them out.
    let style = ui.table;
    let finish = |view: PostingView| -> anyhow::Result<Parsed> {
        if format != PostingFormat::Jsonl {
            return Ok(Parsed::View(Box::new(view)));
        }
        let mut line = Vec::with_capacity(4096);
        write_postings(&mut line, std::slice::from_ref(&view), format, style)?;
        Ok(Parsed::Line(line))
    };
    // Postings are parsed a chunk at a time on every core and handed on in input order, so
    // memory stays bounded by one chunk's requirement sets.
    for chunk in inputs.chunks(CHUNK_PER_THREAD * threads) {
        for result in parse_chunk(&parser, chunk, threads, &finish) {
            match result {
                Ok(Parsed::Line(line)) => out.write_all(&line)?,
                Ok(Parsed::View(view)) => views.push(*view),
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

/// One posting read: its view, or its output already written (JSON Lines).
enum Parsed {
    View(Box<PostingView>),
    Line(Vec<u8>),
}

/// Reads, parses and `finish`es `inputs` on up to `threads` threads, the calling one included;
/// results in input order. Each thread takes the next input not yet taken, so a long posting
/// holds up only its own thread.
fn parse_chunk(
    parser: &PostingParser,
    inputs: &[Input],
    threads: usize,
    finish: &(dyn Fn(PostingView) -> anyhow::Result<Parsed> + Sync),
) -> Vec<anyhow::Result<Parsed>> {
    let one = |input: &Input| read_and_parse(parser, input).and_then(finish);
    if threads <= 1 || inputs.len() <= 1 {
        return inputs.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(input) = inputs.get(i) else {
                return done;
            };
            done.push((i, one(input)));
        }
    };
    let mut results: Vec<(usize, anyhow::Result<Parsed>)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads.min(inputs.len()))
            .map(|_| scope.spawn(work))
            .collect();
        let mut all = work();
        for h in helpers {
            all.extend(h.join().expect("a posting parser thread panicked"));
        }
        all
    });
    results.sort_unstable_by_key(|&(i, _)| i);
    results.into_iter().map(|(_, r)| r).collect()
}

fn read_and_parse(parser: &PostingParser, input: &Input) -> anyhow::Result<PostingView> {
    let text = input.read()?;
    let set = parser.read(&text, &input.name());
    Ok(PostingView::new(&set, parser.taxonomy()))
}
