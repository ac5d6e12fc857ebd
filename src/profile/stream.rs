//! JSON Lines input: one record per line, read with bounded memory. [`LineReader`] appends
//! each line to a caller's buffer (so a batch of lines lives in one reused allocation), caps a
//! record's size, and reports an over-long or non-UTF-8 line as a problem *of that line*, so
//! the caller can skip it and go on.

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
            while matches!(self.scratch.last(), Some(b'\n' | b'\r')) {
                self.scratch.pop();
            }
            if self.scratch.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Ok(Some(Line {
                number,
                text: match std::str::from_utf8(&self.scratch) {
                    Ok(s) => {
                        let start = buf.len();
                        buf.push_str(s);
                        Ok(start..buf.len())
                    }
                    Err(e) => Err(format!(
                        "not UTF-8 text (invalid byte at column {})",
                        e.valid_up_to() + 1
                    )),
                },
            }));
        }
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

    #[test]
    fn lines_blank_lines_and_caps() {
        let input: &[u8] = b"{\"a\":1}\r\n\n{\"b\":2}\n0123456789012345\n\xff\nlast";
        let mut r = LineReader::new(input, 10);
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
    }
}
