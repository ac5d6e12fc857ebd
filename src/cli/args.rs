//! The clap definition: flags mirror the command line and only validate; each subcommand turns
//! them into settings once.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Headings that group the flags in `--help`.
const GLOBAL: &str = "Global options";
const OUTPUT: &str = "Output";
const INPUT: &str = "Input";
const SCORING: &str = "Scoring";

const EXIT_CODES: &str = "\
Examples:
  jobmatch match postings/ibm-back-end-developer-intern.md fixtures/candidates
  jobmatch parse saved-job-page.html --format jsonld
  jobmatch match posting.md profiles.jsonl --format csv --top 100 > shortlist.csv
  jobmatch completions zsh > ~/.zfunc/_jobmatch

Exit status:
  0  success
  1  nothing matched: no result passed --min-score, or no skill matched a taxonomy query
  2  an error, or some inputs were reported on stderr and skipped

Configuration:
  Defaults for weights, taxonomy overlays, colour, width and formats may be set in
  ./jobmatch.toml, then in $XDG_CONFIG_HOME/jobmatch/jobmatch.toml (~/.config/jobmatch/...);
  flags win over environment variables, which win over the project file, then the user file,
  then built-in defaults. --no-config (or JOBMATCH_NO_CONFIG=1) reads neither file.";

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
    #[arg(long, global = true, value_name = "FILE", help_heading = GLOBAL)]
    pub taxonomy: Vec<PathBuf>,

    /// When to colour tables: auto (only on a terminal, and not when NO_COLOR is set), always
    /// or never. Machine formats (JSON, CSV, ...) are never coloured.
    #[arg(long, global = true, value_enum, value_name = "WHEN", help_heading = GLOBAL)]
    pub color: Option<ColorChoice>,

    /// Table width in columns [default: the terminal's; unlimited when not a terminal]
    #[arg(long, global = true, value_name = "COLUMNS", help_heading = GLOBAL)]
    pub width: Option<u16>,

    /// No progress indicator and no summary notes on stderr; errors are still reported.
    #[arg(short, long, global = true, help_heading = GLOBAL)]
    pub quiet: bool,

    /// Read no jobmatch.toml (neither the project's nor the user's).
    #[arg(
        long,
        global = true,
        env = "JOBMATCH_NO_CONFIG",
        value_parser = clap::builder::BoolishValueParser::new(),
        help_heading = GLOBAL
    )]
    pub no_config: bool,

    /// The largest posting or profile file read, in bytes or with K, M or G (a JSON Lines
    /// stream is read line by line and has --max-record-size instead).
    #[arg(
        long,
        global = true,
        value_name = "SIZE",
        default_value = "16M",
        value_parser = super::input::parse_size,
        help_heading = GLOBAL
    )]
    pub max_file_size: u64,

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
    /// Print a shell completion script, generated from this command line's definition.
    #[command(after_long_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), generated from this command line's definition.
    #[command(after_long_help = MAN_EXAMPLES)]
    Man,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  jobmatch completions bash > ~/.local/share/bash-completion/completions/jobmatch
  jobmatch completions zsh > ~/.zfunc/_jobmatch
  jobmatch completions fish > ~/.config/fish/completions/jobmatch.fish
  jobmatch completions powershell >> $PROFILE";

const MAN_EXAMPLES: &str = "\
Examples:
  jobmatch man | man -l -
  jobmatch man > ~/.local/share/man/man1/jobmatch.1";

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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
    #[arg(short, long, value_enum, help_heading = OUTPUT)]
    pub format: Option<ListFormat>,
}

#[derive(Debug, Args)]
pub struct TaxonomyArgs {
    /// Show only skills whose id, name or spellings contain this (case-insensitive).
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,

    /// Output format: json prints one object per line [default: table on a terminal, json
    /// otherwise]
    #[arg(short, long, value_enum, help_heading = OUTPUT)]
    pub format: Option<ListFormat>,
}

const PARSE_EXAMPLES: &str = "\
Examples:
  jobmatch parse postings/ibm-back-end-developer-intern.md
  jobmatch parse postings/ --format jsonl | jq -r '.title'
  jobmatch parse saved-job-page.html --format json   (JSON-LD JobPosting, else the main text)
  jobmatch parse posting.md --format jsonld > job.jsonld   (schema.org JobPosting for job boards)
  curl -s URL | jobmatch parse - --format json";

const MATCH_EXAMPLES: &str = "\
Scoring:
  Each requirement of the posting is met, partial, missed or unchecked. A wanted skill counts
  when the profile lists it or a skill that implies it (Docker meets \"container technologies\");
  years below the ask and a lower proficiency give partial credit. \"One or more of\" groups
  need only their best min_count skills. The score is 100 x the weighted mean satisfaction of
  required (weight 3) and preferred (weight 1) requirements (--weights, or [weights] in
  jobmatch.toml, changes them); unchecked ones (\"strong communication skills\") are listed,
  never scored. Qualified = every required one met.

Examples:
  jobmatch match postings/ibm-back-end-developer-intern.md fixtures/candidates
  jobmatch match posting.md alice.toml bob.json --format csv > ranking.csv
  jobmatch match posting.md fixtures/candidates --explain
  jobmatch match posting.md profiles.jsonl --top 10 --min-score 60
  gen-profiles | jobmatch match posting.md --format csv      (stdin: JSON Lines)
  jobmatch match postings/ --candidate me.toml               (rank postings for one profile)

Progress:
  On a terminal, a long run shows a count and rate on stderr; never in a pipe or with -q.

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
    #[arg(short, long, value_enum, help_heading = OUTPUT)]
    pub format: Option<ParseFormat>,
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
    #[arg(short, long = "candidate", value_name = "PROFILE", help_heading = INPUT)]
    pub candidate: Vec<PathBuf>,

    /// Largest accepted record of a JSON Lines stream, in bytes; longer lines are reported
    /// and skipped.
    #[arg(long, value_name = "BYTES", default_value_t = crate::profile::stream::DEFAULT_MAX_RECORD, help_heading = INPUT)]
    pub max_record_size: usize,

    /// Output format [default: table on a terminal, jsonl otherwise]
    #[arg(short, long, value_enum, help_heading = OUTPUT)]
    pub format: Option<MatchFormat>,

    /// Keep only the N best results, best first (buffers N results in a bounded heap).
    #[arg(long, value_name = "N", help_heading = OUTPUT)]
    pub top: Option<usize>,

    /// Keep only results scoring at least X (0-100); exit 1 when none does.
    #[arg(long, value_name = "X", help_heading = OUTPUT)]
    pub min_score: Option<f32>,

    /// Show each requirement's outcome and the evidence behind it.
    #[arg(long, help_heading = OUTPUT)]
    pub explain: bool,

    /// Weights of required and preferred requirements in the score, e.g.
    /// `required=3,preferred=1` (either may be left out) [default: 3 and 1, or jobmatch.toml's
    /// [weights]]
    #[arg(
        long,
        value_name = "required=W,preferred=W",
        env = "JOBMATCH_WEIGHTS",
        value_parser = parse_weights,
        help_heading = SCORING
    )]
    pub weights: Option<WeightsArg>,

    /// Worker threads [default: one per core]; output is the same for any number.
    #[arg(long, value_name = "N", hide = true, env = "JOBMATCH_THREADS")]
    pub threads: Option<usize>,
}

/// `--weights`: the parts given; the rest come from the configuration or the defaults.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WeightsArg {
    pub required: Option<f32>,
    pub preferred: Option<f32>,
}

fn parse_weights(text: &str) -> Result<WeightsArg, String> {
    let mut w = WeightsArg::default();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| format!("expected NAME=WEIGHT, got {part:?}"))?;
        let value: f32 = value
            .trim()
            .parse()
            .ok()
            .filter(|v: &f32| v.is_finite() && *v >= 0.0)
            .ok_or_else(|| format!("weight {:?} is not a number of 0 or more", value.trim()))?;
        match key.trim() {
            "required" => w.required = Some(value),
            "preferred" => w.preferred = Some(value),
            other => {
                return Err(format!(
                    "unknown weight {other:?} (expected required or preferred)"
                ));
            }
        }
    }
    if w == WeightsArg::default() {
        return Err("expected required=W and/or preferred=W".into());
    }
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn weights_parse() {
        assert_eq!(
            parse_weights("required=2.5, preferred=0"),
            Ok(WeightsArg {
                required: Some(2.5),
                preferred: Some(0.0)
            })
        );
        assert!(parse_weights("required=-1").is_err());
        assert!(parse_weights("bonus=1").is_err());
        assert!(parse_weights("").is_err());
    }
}
