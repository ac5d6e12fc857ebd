//! The exit-code contract, in one place (also in README.md and `--help`):
//! 0 — success; 1 — ran fine but nothing matched (no result passed `--min-score`, no skill
//! matched a `taxonomy` query); 2 — an error, or
//! some inputs were reported on stderr and skipped.

pub const OK: u8 = 0;
pub const NO_MATCH: u8 = 1;
pub const ERROR: u8 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    NoMatch,
    Error,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Ok => OK,
            Outcome::NoMatch => NO_MATCH,
            Outcome::Error => ERROR,
        }
    }
}
