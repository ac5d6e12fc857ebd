//! The one error shape the library reports for bad input: where it came from (a file name or
//! `<stdin>`), the line when known, and what is wrong. The CLI prints it on one line.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// A path, `<stdin>`, or another name the user will recognise.
    pub origin: String,
    /// 1-based line in the origin, when the problem has one.
    pub line: Option<u32>,
    pub message: String,
}

impl InputError {
    pub fn new(origin: impl Into<String>, line: Option<u32>, message: impl Into<String>) -> Self {
        InputError {
            origin: origin.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.origin, line, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// 1-based line number of byte `offset` in `text`. Scans the text: for one error message. Use
/// [`LineIndex`] to look up many offsets.
pub fn line_of(text: &str, offset: usize) -> u32 {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

/// Byte offsets of the line starts of a text, for many offset → line look-ups in O(log n).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Offset just past each `\n`, in order.
    breaks: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        LineIndex {
            breaks: text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1)
                .collect(),
        }
    }

    /// 1-based line of byte `offset`; the same answer as [`line_of`].
    pub fn line(&self, offset: usize) -> u32 {
        (self.breaks.partition_point(|&b| b <= offset) + 1) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_agrees_with_line_of() {
        for text in ["", "a", "\n", "a\nb\n\nc", "\n\nx\n"] {
            let index = LineIndex::new(text);
            for offset in 0..=text.len() + 2 {
                assert_eq!(
                    index.line(offset),
                    line_of(text, offset),
                    "{text:?} @ {offset}"
                );
            }
        }
    }
}
