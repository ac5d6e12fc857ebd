//! The clap definition: flags mirror the command line and only validate; each subcommand turns
//! them into settings once.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit status:
  0  success
  1  nothing matched: no result passed --min-score, or no skill matched a taxonomy query
  2  an error, or some inputs were reported on stderr and skipped";

#[derive(Debug, Parser)]
#[command(
    name = "jobmatch",
    version,
    about = "Parse job postings into requirement sets and rank candidates against them",
    long_about = "Parse job postings (markdown, plain text, HTML fragments) into structured \
requirement sets, and score candidate profiles against their required and preferred skills.",
    after_help = EXIT_CODES,
)]
pub struct Cli {
    /// A taxonomy overlay (same format as data/skills.toml) that adds skills, adds aliases or
    /// overrides entries; may be given more than once, later files win.
    #[arg(long, global = true, value_name = "FILE")]
    pub taxonomy: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse postings and print their requirement sets.
    #[command(after_long_help = PARSE_EXAMPLES)]
    Parse(ParseArgs),
    /// Score candidate profiles against a posting and rank them.
    #[command(after_long_help = MATCH_EXAMPLES)]
    Match(MatchArgs),
    /// Show the skills found in a text, with their byte spans (a debugging aid).
    #[command(after_long_help = SKILLS_EXAMPLES)]
    Skills(SkillsArgs),
    /// List or search the skill taxonomy.
    #[command(after_long_help = TAXONOMY_EXAMPLES)]
    Taxonomy(TaxonomyArgs),
}

const SKILLS_EXAMPLES: &str = "\
Examples:
  jobmatch skills 'C, C++ and Java; not C-level or go-to-market'
  jobmatch skills resume.md --format json | jq -r '.[].name' | sort -u
  pbpaste | jobmatch skills -";

const TAXONOMY_EXAMPLES: &str = "\
Examples:
  jobmatch taxonomy kubernetes
  jobmatch taxonomy --format json | jq -r 'select(.kind == \"soft\") | .name'
  jobmatch --taxonomy mine.toml taxonomy cockroach";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Json,
    Table,
}

#[derive(Debug, Args)]
pub struct SkillsArgs {
    /// Text to scan, a file to read, or `-` for standard input [default: -]
    #[arg(value_name = "TEXT|FILE|-")]
    pub input: Option<String>,

    /// Output format [default: table on a terminal, json otherwise]
    #[arg(short, long, value_enum)]
    pub format: Option<ListFormat>,
}

#[derive(Debug, Args)]
pub struct TaxonomyArgs {
    /// Show only skills whose id, name or spellings contain this (case-insensitive).
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,

    /// Output format: json prints one object per line [default: table on a terminal, json
    /// otherwise]
    #[arg(short, long, value_enum)]
    pub format: Option<ListFormat>,
}

const PARSE_EXAMPLES: &str = "\
Examples:
  jobmatch parse postings/ibm-back-end-developer-intern.md
  jobmatch parse postings/ --format jsonl | jq -r '.title'
  curl -s URL | jobmatch parse - --format json";

const MATCH_EXAMPLES: &str = "\
Scoring:
  Each requirement of the posting is met, partial, missed or unchecked. A wanted skill counts
  when the profile lists it or a skill that implies it (Docker meets \"container technologies\");
  years below the ask and a lower proficiency give partial credit. \"One or more of\" groups
  need only their best min_count skills. The score is 100 x the weighted mean satisfaction of
  required (weight 3) and preferred (weight 1) requirements; unchecked ones (\"strong
  communication skills\") are listed, never scored. Qualified = every required one met.

Examples:
  jobmatch match postings/ibm-back-end-developer-intern.md fixtures/candidates
  jobmatch match posting.md alice.toml bob.json --format csv > ranking.csv
  jobmatch match posting.md fixtures/candidates --explain
  jobmatch match posting.md profiles.jsonl --top 10 --min-score 60
  gen-profiles | jobmatch match posting.md --format csv      (stdin: JSON Lines)
  jobmatch match postings/ --candidate me.toml               (rank postings for one profile)

Input:
  Native profiles are TOML or JSON (docs/profiles.md); a .json file with JSON Resume keys
  (basics, work, ...) is read as a JSON Resume; .md and .txt resumes are mined for skills.
  A bad record of a stream is reported as FILE:LINE and skipped; the rest are scored.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// One JSON object (an array for several postings)
    Json,
    /// One JSON object per line, as each posting is parsed
    Jsonl,
    /// A schema.org JobPosting (JSON-LD) for job boards; `parse` reads it back
    Jsonld,
    /// One TOML document per posting
    Toml,
    /// A readable summary
    Table,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Posting files or directories (.md, .markdown, .txt, .html, .htm, .json, .jsonld); `-`
    /// reads standard input. HTML pages are read through their schema.org JobPosting JSON-LD
    /// when they have one, else through their main text; .json files may be JSON-LD or JSON
    /// Resume job descriptions (job.json).
    #[arg(required = true, value_name = "POSTING")]
    pub postings: Vec<PathBuf>,

    /// Output format [default: table on a terminal, json otherwise]
    #[arg(short, long, value_enum)]
    pub format: Option<ParseFormat>,

    /// Table width in columns [default: the terminal's]
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MatchFormat {
    /// A ranked table (buffers all results to sort them)
    Table,
    /// One JSON array
    Json,
    /// One JSON object per line, in input order
    Jsonl,
    /// Comma-separated values with a header row, in input order
    Csv,
    /// Tab-separated values with a header row, in input order
    Tsv,
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The posting to score against: a file or a directory of postings. With --candidate,
    /// every positional argument is a posting.
    #[arg(value_name = "POSTING")]
    pub posting: PathBuf,

    /// Candidate profiles: files or directories of native .toml/.json profiles, JSON Resume
    /// .json files, JSON Lines streams (.jsonl, .ndjson) and free-text resumes (.md, .txt);
    /// `-` reads JSON Lines from standard input, which is also the default.
    #[arg(value_name = "CANDIDATE")]
    pub candidates: Vec<PathBuf>,

    /// Score these profiles against every posting given as positional arguments: the job
    /// seeker's view, ranking postings for one profile.
    #[arg(short, long = "candidate", value_name = "PROFILE")]
    pub candidate: Vec<PathBuf>,

    /// Output format [default: table on a terminal, jsonl otherwise]
    #[arg(short, long, value_enum)]
    pub format: Option<MatchFormat>,

    /// Keep only the N best results, best first (buffers N results in a bounded heap).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    /// Keep only results scoring at least X (0-100); exit 1 when none does.
    #[arg(long, value_name = "X")]
    pub min_score: Option<f32>,

    /// Show each requirement's outcome and the evidence behind it.
    #[arg(long)]
    pub explain: bool,

    /// Table width in columns [default: the terminal's]
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,

    /// Largest accepted record of a JSON Lines stream, in bytes; longer lines are reported
    /// and skipped.
    #[arg(long, value_name = "BYTES", default_value_t = crate::profile::stream::DEFAULT_MAX_RECORD)]
    pub max_record_size: usize,

    /// Worker threads [default: one per core]; output is the same for any number.
    #[arg(long, value_name = "N", hide = true, env = "JOBMATCH_THREADS")]
    pub threads: Option<usize>,
}
