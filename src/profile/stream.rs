//! JSON Lines input: one record per line, read with bounded memory. [`LineReader`] appends
//! each line to a caller's buffer (so a batch of lines lives in one reused allocation), caps a
//! record's size, and reports an over-long or non-UTF-8 line as a problem *of that line*, so
//! the caller can skip it and go on. A line that is whole in the reader's buffer, as nearly
//! every one is, is found with a vectorised byte search and copied once.

use std::io::{self, BufRead, Read};

/// Default cap on one record's size.
pub const DEFAULT_MAX_RECORD: usize = 1 << 20;

pub struct LineReader<R> {
    inner: R,
    line: u32,
    max: usize,
    scratch: Vec<u8>,
}

/// One line read: its 1-based number and either the byte range it occupies in the caller's
/// buffer or what is wrong with it.
pub struct Line {
    pub number: u32,
    pub text: Result<std::ops::Range<usize>, String>,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(inner: R, max: usize) -> Self {
        LineReader {
            inner,
            line: 0,
            max,
            scratch: Vec::new(),
        }
    }

    /// The next line, appended to `buf` without its line ending; `None` at the end. Blank
    /// lines are skipped.
    pub fn next_into(&mut self, buf: &mut String) -> io::Result<Option<Line>> {
        loop {
            // Usually the whole line is in the reader's buffer: it is checked and copied from
            // there, once. Otherwise (a line across buffer refills, the last line without a
            // newline, an over-long one) it is gathered in `scratch` first.
            let chunk = self.inner.fill_buf()?;
            if let Some(end) = memchr::memchr(b'\n', chunk)
                && end <= self.max
            {
                self.line += 1;
                let number = self.line;
                let text = Self::take_line(&chunk[..end], buf);
                self.inner.consume(end + 1);
                match text {
                    None => continue,
                    Some(text) => return Ok(Some(Line { number, text })),
                }
            }
            self.scratch.clear();
            let n = Read::take(&mut self.inner, self.max as u64 + 1)
                .read_until(b'\n', &mut self.scratch)?;
            if n == 0 {
                return Ok(None);
            }
            self.line += 1;
            let number = self.line;
            if self.scratch.last() != Some(&b'\n') && self.scratch.len() > self.max {
                self.skip_rest()?;
                return Ok(Some(Line {
                    number,
                    text: Err(format!(
                        "record longer than {} bytes; skipped (raise --max-record-size)",
                        self.max
                    )),
                }));
            }
            if let Some(text) = Self::take_line(&self.scratch, buf) {
                return Ok(Some(Line { number, text }));
            }
        }
    }

    /// A line read whole (with or without its line ending) appended to `buf` without the
    /// ending; `None` for a blank line.
    fn take_line(
        mut line: &[u8],
        buf: &mut String,
    ) -> Option<Result<std::ops::Range<usize>, String>> {
        while let [rest @ .., b'\n' | b'\r'] = line {
            line = rest;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        Some(match std::str::from_utf8(line) {
            Ok(s) => {
                let start = buf.len();
                buf.push_str(s);
                Ok(start..buf.len())
            }
            Err(e) => Err(format!(
                "not UTF-8 text (invalid byte at column {})",
                e.valid_up_to() + 1
            )),
        })
    }

    /// Discards input up to and including the next newline.
    fn skip_rest(&mut self) -> io::Result<()> {
        loop {
            let chunk = self.inner.fill_buf()?;
            if chunk.is_empty() {
                return Ok(());
            }
            match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    self.inner.consume(i + 1);
                    return Ok(());
                }
                None => {
                    let n = chunk.len();
                    self.inner.consume(n);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line as read: its number and its text or the first ten bytes of the problem.
    fn read_all<R: BufRead>(r: R, max: usize) -> Vec<(u32, Result<String, String>)> {
        let mut r = LineReader::new(r, max);
        let mut buf = String::new();
        let mut got = Vec::new();
        while let Some(line) = r.next_into(&mut buf).unwrap() {
            got.push((
                line.number,
                line.text
                    .map(|range| buf[range].to_string())
                    .map_err(|e| e[..10].to_string()),
            ));
        }
        got
    }

    #[test]
    fn lines_blank_lines_and_caps() {
        let input: &[u8] = b"{\"a\":1}\r\n\n{\"b\":2}\n0123456789012345\n\xff\nlast";
        let got = read_all(input, 10);
        assert_eq!(
            got,
            vec![
                (1, Ok("{\"a\":1}".to_string())),
                (3, Ok("{\"b\":2}".to_string())),
                (4, Err("record lon".to_string())),
                (5, Err("not UTF-8 ".to_string())),
                (6, Ok("last".to_string())),
            ]
        );
        // Lines cut across buffer refills read the same as lines read whole.
        for capacity in 1..12 {
            let small = std::io::BufReader::with_capacity(capacity, input);
            assert_eq!(read_all(small, 10), got, "buffer of {capacity} bytes");
        }
    }
}
