//! The command line: argv, environment, files, terminals and exit codes. Nothing else in the
//! crate depends on this module. One file per subcommand; [`args`] holds the clap definition;
//! [`config`] the optional `jobmatch.toml`; [`term`] colour, width and progress; [`exit`] the
//! exit-code contract; [`input`] finding and reading input files; [`completions`] the
//! generated completion scripts and man page; [`schema`] the JSON Schemas of outputs and
//! profiles.

mod args;
pub mod completions;
mod config;
mod exit;
mod input;
mod match_cmd;
mod parse_cmd;
mod pipeline;
pub mod schema;
mod skills_cmd;
mod taxonomy_cmd;
mod term;

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

pub use args::Cli;
pub use exit::Outcome;

use crate::skill::Taxonomy;

/// Runs jobmatch with `args` (argv including the program name) and returns the exit code.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::ERROR
            } else {
                exit::OK
            };
            // Help or version to a closed pipe is not an error worth reporting.
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let stderr = io::stderr();
    let mut reporter = Reporter {
        err: stderr.lock(),
        problems: 0,
        quiet: cli.quiet,
        progress: term::Progress::new(cli.quiet),
    };
    let outcome = dispatch(&cli, &mut reporter);
    reporter.progress.clear(&mut reporter.err);
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(e) if is_broken_pipe(&e) => Outcome::Ok,
        Err(e) => {
            reporter.error(format!("{e:#}"));
            Outcome::Error
        }
    };
    let outcome = if reporter.problems > 0 && outcome == Outcome::Ok {
        Outcome::Error
    } else {
        outcome
    };
    ExitCode::from(outcome.code())
}

fn dispatch(cli: &Cli, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    input::set_file_limit(cli.max_file_size);
    let stdout = io::stdout();
    let is_terminal = stdout.is_terminal();
    let lock = stdout.lock();
    match &cli.command {
        args::Command::Completions(a) => return completions::completions(a, lock),
        args::Command::Man => return completions::man(lock),
        _ => {}
    }
    let config = config::load(cli.no_config)?;
    let taxonomy = load_taxonomy(cli, &config)?;
    let ui = term::Ui::resolve(cli, &config, is_terminal);
    match &cli.command {
        args::Command::Parse(a) => parse_cmd::run(a, &config, &taxonomy, lock, &ui, reporter),
        args::Command::Match(a) => match_cmd::run(a, &config, &taxonomy, lock, &ui, reporter),
        args::Command::Skills(a) => skills_cmd::run(a, &taxonomy, lock, &ui),
        args::Command::Taxonomy(a) => taxonomy_cmd::run(a, &taxonomy, lock, &ui),
        args::Command::Completions(_) | args::Command::Man => unreachable!("handled above"),
    }
}

/// The built-in taxonomy, then the configuration's overlays, then `--taxonomy` files.
fn load_taxonomy(cli: &Cli, config: &config::Config) -> anyhow::Result<Taxonomy> {
    let mut taxonomy = Taxonomy::embedded();
    for path in config.overlays.iter().chain(&cli.taxonomy) {
        let origin = path.display().to_string();
        let text = input::read_taxonomy_text(path)?;
        taxonomy = taxonomy.with_overlay(&text, &origin)?;
    }
    Ok(taxonomy)
}

/// Reports problems with single inputs on stderr and counts them; the run goes on. It also
/// owns the progress indicator, so messages never land in the middle of its line.
pub struct Reporter<'a> {
    err: io::StderrLock<'a>,
    problems: usize,
    quiet: bool,
    progress: term::Progress,
}

impl Reporter<'_> {
    pub fn error(&mut self, message: impl std::fmt::Display) {
        self.problems += 1;
        self.progress.clear(&mut self.err);
        let _ = writeln!(
            self.err,
            "jobmatch: {}",
            escape_controls(&message.to_string())
        );
    }

    /// A summary for people (silenced by `--quiet`).
    pub fn note(&mut self, message: impl std::fmt::Display) {
        if self.quiet {
            return;
        }
        self.progress.clear(&mut self.err);
        let _ = writeln!(
            self.err,
            "jobmatch: {}",
            escape_controls(&message.to_string())
        );
    }

    /// One more result for the progress indicator.
    pub fn tick(&mut self) {
        self.progress.tick(&mut self.err);
    }

    pub fn problems(&self) -> usize {
        self.problems
    }
}

/// Messages quote file names and values from files: control characters and bidirectional
/// overrides in them are shown escaped (`\u{1b}`), so a message stays one line and cannot
/// drive the terminal.
fn escape_controls(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for c in message.chars() {
        if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
