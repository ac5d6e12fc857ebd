//! Terminals: whether stdout is one, whether tables are coloured, how wide they are, and the
//! progress indicator on stderr. Resolved once from flags, environment and configuration.
//!
//! Colour: `--color` wins; then `NO_COLOR` (set and not empty) means never; then the
//! configuration's `output.color`; `auto` colours only when stdout is a terminal. Width:
//! `--width`, then `output.width`, then the terminal's width when stdout is one, else none.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use super::args::{Cli, ColorChoice};
use super::config::Config;
use crate::render::TableStyle;

/// How output is shown.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    /// Stdout is a terminal: human formats by default.
    pub is_terminal: bool,
    pub table: TableStyle,
}

impl Ui {
    /// The format asked for; else the human one on a terminal and the machine one in a pipe.
    pub fn format<T>(&self, asked: Option<T>, human: T, machine: T) -> T {
        asked.unwrap_or(if self.is_terminal { human } else { machine })
    }

    pub fn resolve(cli: &Cli, config: &Config, is_terminal: bool) -> Ui {
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let choice = cli
            .color
            .or(no_color_env.then_some(ColorChoice::Never))
            .or(config.color)
            .unwrap_or(ColorChoice::Auto);
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal,
        };
        let width = cli.width.or(config.width).or_else(|| {
            if is_terminal {
                // A pseudo-terminal may report 0 columns: that is no width at all.
                terminal_size::terminal_size()
                    .map(|(w, _)| w.0)
                    .filter(|&w| w > 0)
            } else {
                None
            }
        });
        Ui {
            is_terminal,
            table: TableStyle { width, color },
        }
    }
}

/// A count and a rate on stderr, redrawn at most four times a second, after the first half
/// second; only when stderr is a terminal and not `--quiet`.
#[derive(Debug)]
pub struct Progress {
    enabled: bool,
    start: Instant,
    last: Option<Instant>,
    count: u64,
    /// A line is on screen and must be cleared before anything else is written.
    shown: bool,
}

const FIRST_DRAW: Duration = Duration::from_millis(500);
const REDRAW: Duration = Duration::from_millis(250);

impl Progress {
    pub fn new(quiet: bool) -> Progress {
        Progress {
            enabled: !quiet && std::io::stderr().is_terminal(),
            start: Instant::now(),
            last: None,
            count: 0,
            shown: false,
        }
    }

    /// One more result; redraws when it is time.
    pub fn tick(&mut self, err: &mut impl Write) {
        self.count += 1;
        if !self.enabled || !self.count.is_multiple_of(16) {
            return;
        }
        let now = Instant::now();
        let due = match self.last {
            None => now.duration_since(self.start) >= FIRST_DRAW,
            Some(last) => now.duration_since(last) >= REDRAW,
        };
        if due {
            self.last = Some(now);
            let secs = now.duration_since(self.start).as_secs_f64().max(1e-3);
            let _ = write!(
                err,
                "\r\x1b[2Kjobmatch: {} results, {:.0}/s",
                self.count,
                self.count as f64 / secs
            );
            let _ = err.flush();
            self.shown = true;
        }
    }

    /// Clears the line, if one is shown.
    pub fn clear(&mut self, err: &mut impl Write) {
        if self.shown {
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.shown = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enabled(started: Duration) -> Progress {
        Progress {
            enabled: true,
            start: Instant::now() - started,
            last: None,
            count: 0,
            shown: false,
        }
    }

    #[test]
    fn progress_waits_then_draws_count_and_rate_then_clears() {
        let mut err = Vec::new();
        let mut p = enabled(Duration::ZERO);
        for _ in 0..64 {
            p.tick(&mut err);
        }
        assert!(err.is_empty(), "nothing in the first half second");
        let mut p = enabled(Duration::from_secs(2));
        for _ in 0..64 {
            p.tick(&mut err);
        }
        let text = String::from_utf8(err.clone()).unwrap();
        assert!(text.contains("jobmatch: 16 results, "), "{text}");
        assert_eq!(
            text.matches("results").count(),
            1,
            "at most 4 redraws a second"
        );
        p.clear(&mut err);
        assert!(String::from_utf8(err).unwrap().ends_with("\r\x1b[2K"));
    }

    #[test]
    fn quiet_or_disabled_progress_writes_nothing() {
        let mut err = Vec::new();
        let mut p = Progress::new(true);
        for _ in 0..1000 {
            p.tick(&mut err);
        }
        p.clear(&mut err);
        assert!(err.is_empty());
    }
}
