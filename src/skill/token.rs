//! Tokenisation shared by the taxonomy (spellings) and extraction (prose): one definition of
//! what a word is, so a spelling in the data file and the same spelling in a posting always
//! split the same way.
//!
//! A token is a run of letters and digits that may carry a leading `.` (`.NET`), internal dots
//! between letters (`Node.js`, `ASP.NET`) and trailing `+`/`#` (`C++`, `C#`). `/` and `&` are
//! tokens of their own (`CI/CD`, `R&D`). A possessive `'s` is dropped. Hyphens, underscores and
//! spaces separate tokens but keep them *joined*: a spelling may span them, while any other
//! punctuation (comma, full stop, bracket, line break) ends a spelling.

/// One token: a byte range of the text and whether it continues the previous token's phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    /// Only spaces, tabs, hyphens or underscores separate this token from the previous one.
    pub joined: bool,
}

impl Token {
    pub fn text<'t>(&self, source: &'t str) -> &'t str {
        &source[self.start as usize..self.end as usize]
    }
}

/// Which bytes are ASCII letters and digits, looked up rather than compared.
const ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits `text` into tokens, appending to `out` (cleared first) so callers can reuse the buffer.
/// Offsets are `u32`: only the first 4 GiB of a text are tokenised (the CLI reads at most
/// 64 MiB of any file).
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    out.extend(Tokens::new(text));
}

/// The tokens of a text one at a time, so a long text can be scanned through a bounded window
/// of them (see [`tokenize`] for the limit on offsets).
pub struct Tokens<'t> {
    text: &'t str,
    i: usize,
    /// Only joining separators since the previous token.
    joined: bool,
    /// The previous token's end, once there is one.
    prev_end: Option<usize>,
}

impl<'t> Tokens<'t> {
    pub fn new(text: &'t str) -> Tokens<'t> {
        Tokens {
            text: &text[..text.floor_char_boundary(u32::MAX as usize)],
            i: 0,
            joined: false,
            prev_end: None,
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        match self.text.as_bytes().get(i) {
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => self.text[i..].chars().next(),
            None => None,
        }
    }

    fn prev_char(&self, i: usize) -> Option<char> {
        match i.checked_sub(1).map(|p| self.text.as_bytes()[p]) {
            Some(b) if b < 0x80 => Some(b as char),
            Some(_) => self.text[..i].chars().next_back(),
            None => None,
        }
    }

    fn emit(&mut self, start: usize, end: usize, joined: bool) -> Token {
        let token = Token {
            start: start as u32,
            end: end as u32,
            joined: joined && self.prev_end.is_some(),
        };
        self.prev_end = Some(end);
        self.joined = true;
        token
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let bytes = self.text.as_bytes();
        while self.i < bytes.len() {
            let mut i = self.i;
            let c = self.char_at(i).unwrap_or(' ');
            let starts_word = is_word_char(c)
                || (c == '.'
                    && self.char_at(i + 1).is_some_and(|n| n.is_alphabetic())
                    && !self.prev_char(i).is_some_and(is_word_char));
            if starts_word {
                let start = i;
                i += c.len_utf8();
                loop {
                    // Most of a word is ASCII letters and digits: skip them without decoding.
                    i += bytes[i..]
                        .iter()
                        .position(|&b| !ASCII_WORD[b as usize])
                        .unwrap_or(bytes.len() - i);
                    match self.char_at(i) {
                        Some(n) if is_word_char(n) => i += n.len_utf8(),
                        Some('.')
                            if self.char_at(i + 1).is_some_and(|n| n.is_alphabetic())
                                && self.prev_char(i).is_some_and(|p| p.is_alphabetic()) =>
                        {
                            i += 1
                        }
                        _ => break,
                    }
                }
                // Trailing + and # belong to the word (C++, C#, F#) unless a letter follows at
                // once; a version number after them is a token of its own ("C++17" → C++, 17).
                let mut j = i;
                while j < bytes.len() && (bytes[j] == b'+' || bytes[j] == b'#') {
                    j += 1;
                }
                if j > i && !self.char_at(j).is_some_and(char::is_alphabetic) {
                    i = j;
                }
                let token = self.emit(start, i, self.joined);
                // Possessive 's: skip it, and let no spelling run across it.
                if let Some(q @ ('\'' | '\u{2019}')) = self.char_at(i) {
                    let after = i + q.len_utf8();
                    if self.char_at(after).is_some_and(|s| s == 's' || s == 'S')
                        && !self.char_at(after + 1).is_some_and(is_word_char)
                    {
                        i = after + 1;
                        self.joined = false;
                    }
                }
                self.i = i;
                return Some(token);
            }
            self.i = i + c.len_utf8();
            match c {
                '/' | '&' => {
                    // A `/` or `&` joins the phrase when at most spaces stand between it and
                    // the previous token.
                    let joined = self
                        .prev_end
                        .is_some_and(|end| bytes[end..i].iter().all(|&b| b == b' '));
                    return Some(self.emit(i, i + 1, joined));
                }
                ' ' | '\t' | '-' | '_' | '\u{a0}' | '\u{2010}' | '\u{2011}' => {}
                _ => self.joined = false,
            }
        }
        None
    }
}

/// Lower-cases one token's text into `buf`, the form under which spellings are stored.
pub fn fold_into(token: &str, buf: &mut String) {
    buf.clear();
    if token.is_ascii() {
        buf.push_str(token);
        buf.make_ascii_lowercase();
    } else {
        for c in token.chars() {
            buf.extend(c.to_lowercase());
        }
    }
}

/// Appends one token's folded form to `buf` (see [`fold_into`]).
pub fn fold_append(token: &str, buf: &mut String) {
    if token.is_ascii() {
        let start = buf.len();
        buf.push_str(token);
        buf[start..].make_ascii_lowercase();
    } else {
        for c in token.chars() {
            buf.extend(c.to_lowercase());
        }
    }
}

/// A spelling's canonical lookup key: folded tokens joined by single spaces.
pub fn spelling_key(spelling: &str) -> String {
    let mut key = String::with_capacity(spelling.len());
    for t in Tokens::new(spelling) {
        if !key.is_empty() {
            key.push(' ');
        }
        fold_append(t.text(spelling), &mut key);
    }
    key
}

/// Whether a spelling has any token at all (its key is not empty).
pub fn has_tokens(spelling: &str) -> bool {
    Tokens::new(spelling).next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        out.iter().map(|t| (t.text(text), t.joined)).collect()
    }

    #[test]
    fn keeps_symbols_that_name_languages() {
        assert_eq!(
            words("C++, C# and .NET"),
            vec![("C++", false), ("C#", false), ("and", true), (".NET", true)]
        );
        assert_eq!(words("Node.js."), vec![("Node.js", false)]);
        assert_eq!(words("C++17"), vec![("C++", false), ("17", true)]);
        assert_eq!(
            words("CI/CD"),
            vec![("CI", false), ("/", true), ("CD", true)]
        );
    }

    #[test]
    fn hyphens_join_and_punctuation_breaks() {
        assert_eq!(
            words("back-end, Python's tools"),
            vec![
                ("back", false),
                ("end", true),
                ("Python", false),
                ("tools", false)
            ]
        );
    }

    #[test]
    fn spelling_keys_fold_case_and_separators() {
        assert_eq!(
            spelling_key("Back-End  Development"),
            "back end development"
        );
        assert_eq!(spelling_key("C++"), "c++");
    }
}
