//! `jobmatch match`: postings × candidates, scored and written as they stream.
//!
//! Settings are resolved once from the flags; postings are parsed and compiled once; the
//! candidates then flow through [`super::pipeline`] (reader → workers → input order) into the
//! chosen sink. `--top N` keeps a bounded heap of N rows; the table buffers to sort; the
//! other formats write each row as it arrives, in input order.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use super::Reporter;
use super::args::{MatchArgs, MatchFormat};
use super::config::Config;
use super::exit::Outcome;
use super::input::{self, Input};
use super::parse_cmd::POSTING_EXTENSIONS;
use super::pipeline::{self, Item, Settings, Source};
use super::term::Ui;
use crate::matcher::{Matcher, Weights};
use crate::posting::PostingParser;
use crate::profile::date::Month;
use crate::profile::{Format, Loader};
use crate::render::{CsvSink, JsonSink, JsonlSink, MatchRow, MatchSink, TableSink};
use crate::requirement::RequirementSet;
use crate::skill::Taxonomy;

pub const PROFILE_EXTENSIONS: &[&str] =
    &["toml", "json", "jsonl", "ndjson", "md", "markdown", "txt"];

pub fn run<W: Write>(
    args: &MatchArgs,
    config: &Config,
    taxonomy: &Taxonomy,
    stdout: W,
    ui: &Ui,
    reporter: &mut Reporter,
) -> anyhow::Result<Outcome> {
    let format = ui.format(
        args.format.or(config.match_format),
        MatchFormat::Table,
        MatchFormat::Jsonl,
    );
    // The job seeker's view: with --candidate, every positional argument is a posting.
    let (posting_paths, candidate_paths): (Vec<PathBuf>, Vec<PathBuf>) =
        if args.candidate.is_empty() {
            (vec![args.posting.clone()], args.candidates.clone())
        } else {
            let mut postings = vec![args.posting.clone()];
            postings.extend(args.candidates.iter().cloned());
            (postings, args.candidate.clone())
        };
    if let Some(min) = args.min_score
        && !(0.0..=100.0).contains(&min)
    {
        anyhow::bail!("--min-score must be between 0 and 100, got {min}");
    }

    let parser = PostingParser::new(taxonomy);
    let mut sets: Vec<RequirementSet> = Vec::new();
    let (posting_inputs, errors) = input::expand(&posting_paths, POSTING_EXTENSIONS);
    for e in errors {
        reporter.error(e);
    }
    for posting in &posting_inputs {
        match posting.read() {
            Ok(text) => sets.push(parser.read(&text, &posting.name())),
            Err(e) => reporter.error(format!("{e:#}")),
        }
    }
    if sets.is_empty() {
        anyhow::bail!("no posting to score against");
    }
    // Flags (and JOBMATCH_WEIGHTS) > configuration > defaults, each weight on its own.
    let defaults = Weights::default();
    let given = args.weights.unwrap_or_default();
    let weights = Weights {
        required: given
            .required
            .or(config.weights.required)
            .unwrap_or(defaults.required),
        preferred: given
            .preferred
            .or(config.weights.preferred)
            .unwrap_or(defaults.preferred),
    };
    if weights.required + weights.preferred <= 0.0 {
        anyhow::bail!("--weights: at least one weight must be above 0");
    }
    let matchers: Vec<Matcher> = sets
        .iter()
        .map(|set| Matcher::new(taxonomy, set, weights))
        .collect();

    let candidate_paths = if candidate_paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        candidate_paths
    };
    let (inputs, errors) = input::expand(&candidate_paths, PROFILE_EXTENSIONS);
    for e in errors {
        reporter.error(e);
    }
    let mut sources = Vec::new();
    for input in inputs {
        match &input {
            Input::Stdin => sources.push(Source {
                name: input.name(),
                stem: input.stem(),
                path: None,
                format: Format::JsonLines,
            }),
            Input::File(p) => match Format::from_path(p) {
                Some(format) => sources.push(Source {
                    name: input.name(),
                    stem: input.stem(),
                    path: Some(p.clone()),
                    format,
                }),
                None => reporter.error(format!(
                    "{}: not a profile (expected .toml, .json, .jsonl, .ndjson, .md or .txt)",
                    p.display()
                )),
            },
        }
    }

    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let loader = Loader::new(taxonomy, Month::from_unix(now)).with_sources(args.explain);
    let settings = Settings {
        threads: args.threads.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        }),
        max_record: args.max_record_size.max(1),
        explain: args.explain,
        min_score: args.min_score,
        render_jsonl: format == MatchFormat::Jsonl && args.top.is_none(),
        top: args.top,
    };

    let out = BufWriter::with_capacity(64 * 1024, stdout);
    let mut sink: Box<dyn MatchSink> = match format {
        MatchFormat::Table => Box::new(TableSink::styled(out, ui.table)),
        MatchFormat::Json => Box::new(JsonSink::new(out)),
        MatchFormat::Jsonl => Box::new(JsonlSink::new(out)),
        MatchFormat::Csv => Box::new(CsvSink::new(out, b',')),
        MatchFormat::Tsv => Box::new(CsvSink::new(out, b'\t')),
    };
    let mut top = args.top.map(TopN::new);
    let mut passed = 0usize;
    let stats = pipeline::run(&sources, &loader, &matchers, &settings, |item| {
        reporter.tick();
        match item {
            Item::Skipped(message) => reporter.error(message),
            Item::Rendered { rows, bytes } => {
                passed += rows;
                sink.rendered(&bytes)?;
            }
            Item::Row(row) => {
                passed += 1;
                match &mut top {
                    Some(top) => top.push(row),
                    None => sink.row(row)?,
                }
            }
        }
        Ok(())
    })?;
    if let Some(top) = top {
        for row in top.into_sorted() {
            sink.row(row)?;
        }
    }
    sink.finish()?;
    if stats.skipped > 0 {
        reporter.note(format!(
            "{} of {} records skipped",
            stats.skipped, stats.records
        ));
    }
    Ok(if reporter.problems() > 0 {
        Outcome::Error
    } else if args.min_score.is_some() && passed == 0 {
        Outcome::NoMatch
    } else {
        Outcome::Ok
    })
}

/// The N best rows seen so far: a max-heap whose top is the worst kept row.
struct TopN {
    n: usize,
    seq: u64,
    heap: BinaryHeap<Ranked>,
}

struct Ranked {
    row: MatchRow,
    /// Input order, the last tie-break, so the result never depends on timing.
    seq: u64,
}

impl Ranked {
    /// `Less` means better: higher score, qualified, then candidate, posting, input order.
    fn rank(&self, other: &Self) -> Ordering {
        other
            .row
            .score
            .total_cmp(&self.row.score)
            .then_with(|| other.row.qualified.cmp(&self.row.qualified))
            .then_with(|| self.row.candidate.cmp(&other.row.candidate))
            .then_with(|| self.row.posting_file.cmp(&other.row.posting_file))
            .then_with(|| self.seq.cmp(&other.seq))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.rank(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank(other)
    }
}

impl TopN {
    fn new(n: usize) -> Self {
        TopN {
            n,
            seq: 0,
            heap: BinaryHeap::with_capacity(n.min(1 << 16) + 1),
        }
    }

    fn push(&mut self, row: MatchRow) {
        self.seq += 1;
        if self.n == 0 {
            return;
        }
        let ranked = Ranked { row, seq: self.seq };
        if self.heap.len() == self.n {
            match self.heap.peek() {
                Some(worst) if ranked < *worst => {
                    self.heap.pop();
                }
                _ => return,
            }
        }
        self.heap.push(ranked);
    }

    /// Best first.
    fn into_sorted(self) -> Vec<MatchRow> {
        self.heap
            .into_sorted_vec()
            .into_iter()
            .map(|r| r.row)
            .collect()
    }
}
