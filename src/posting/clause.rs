//! Reading one requirement sentence: how many of its skills are needed, how many years, how
//! well, which degree, and whether it is phrased as a requirement at all. Pure functions over
//! the text and the skill mentions found in it.

use crate::requirement::{Education, EducationLevel, Proficiency};
use crate::skill::Mention;

// The phrase lists below are plain data, matched in ASCII without regard to case (except
// where a list says otherwise) by [`ends`]. In a phrase:
// - a space stands for any run of whitespace, `_` for exactly one whitespace character;
// - `?` makes the character before it optional, and `(...)?` the group;
// - `*` stands for any letters, digits or underscores ("proficien*": proficient, proficiency);
// - `#` stands for a run of digits.
// A phrase starts at the start of a word (unless its list says it may start anywhere) and
// must end at the end of one; ending it with `*` lets its last word go on ("preferred*" also
// finds "preferredly"). Compiling nothing at run time keeps `jobmatch parse` of one posting
// close to a bare process start; the lists were regular expressions before, and read the same.

const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
];

/// For each letter a word of [`NUMBER_WORDS`] starts with, the letters that may follow it:
/// bit `k` of entry `j` for the `k`th letter after the `j`th.
static NUMBER_WORD_PAIRS: [u32; 26] = {
    let mut pairs = [0u32; 26];
    let mut i = 0;
    while i < NUMBER_WORDS.len() {
        let word = NUMBER_WORDS[i].0.as_bytes();
        assert!(word.len() >= 2 && word[0].is_ascii_lowercase() && word[1].is_ascii_lowercase());
        pairs[(word[0] - b'a') as usize] |= 1 << (word[1] - b'a');
        i += 1;
    }
    pairs
};

fn number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    w.parse()
        .ok()
        .or_else(|| NUMBER_WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v))
}

/// A letter, digit or underscore: what a word is made of, for the word boundaries here.
const fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Space, tab, line feed, vertical tab, form feed or carriage return.
const fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// A sentence and where its words start, found once for all the phrase lists read from it.
pub struct Sentence<'a> {
    text: &'a str,
    /// Byte offsets of the word starts, in order.
    starts: Vec<usize>,
}

impl<'a> Sentence<'a> {
    pub fn new(text: &'a str) -> Sentence<'a> {
        // Room for a word every four bytes, so the vector is rarely grown.
        let mut starts = Vec::with_capacity(text.len() / 4 + 1);
        starts.extend(word_starts(text.as_bytes()));
        Sentence { text, starts }
    }

    /// Where the words of the text from byte `from` on start, reading it as a text of its own
    /// (a word may start at `from` whatever stands before it).
    fn starts_from(&self, from: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self
            .text
            .as_bytes()
            .get(from)
            .is_some_and(|&b| is_word(b))
            .then_some(from);
        let later = self.starts.partition_point(|&at| at <= from);
        first
            .into_iter()
            .chain(self.starts[later..].iter().copied())
    }
}

/// Whether a word starts or ends at byte `at`.
fn boundary(t: &[u8], at: usize) -> bool {
    let before = at > 0 && is_word(t[at - 1]);
    before != t.get(at).is_some_and(|&b| is_word(b))
}

/// Where the words of `t` start, in order.
fn word_starts(t: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < t.len() && !is_word(t[i]) {
            i += 1;
        }
        let start = i;
        while i < t.len() && is_word(t[i]) {
            i += 1;
        }
        (i > start).then_some(start)
    })
}

/// The end of the run of bytes from `at` that satisfy `f`.
fn run(t: &[u8], at: usize, f: impl Fn(u8) -> bool) -> usize {
    at + t[at..].iter().take_while(|&&b| f(b)).count()
}

/// The end of `word` (any case) written at `at`.
fn eat(t: &[u8], at: usize, word: &str) -> Option<usize> {
    let end = at + word.len();
    (end <= t.len() && t[at..end].eq_ignore_ascii_case(word.as_bytes())).then_some(end)
}

/// The end of a non-empty run of whitespace at `at`.
fn spaces(t: &[u8], at: usize) -> Option<usize> {
    Some(run(t, at, is_space)).filter(|&end| end > at)
}

/// Whether text byte `b` is pattern character `c` (in any case unless `cased`).
fn same_char(b: u8, c: u8, cased: bool) -> bool {
    b == c || (!cased && b.eq_ignore_ascii_case(&c))
}

/// Calls `found` with each end of `pattern` (see the notes above the lists) written in `t`
/// from `at`, optional parts taken before left out, until it returns true.
fn ends(
    mut pattern: &[u8],
    t: &[u8],
    mut at: usize,
    cased: bool,
    found: &mut dyn FnMut(usize) -> bool,
) -> bool {
    // Plain characters leave nothing to try again: compare them in a loop.
    while let [first, rest @ ..] = pattern
        && !matches!(first, b'(' | b' ' | b'_' | b'*' | b'#')
        && rest.first() != Some(&b'?')
    {
        if !t.get(at).is_some_and(|&b| same_char(b, *first, cased)) {
            return false;
        }
        (pattern, at) = (rest, at + 1);
    }
    let Some(&first) = pattern.first() else {
        return found(at);
    };
    if first == b'(' {
        let close = pattern
            .iter()
            .position(|&b| b == b')')
            .expect("a group is closed");
        let (group, rest) = (&pattern[1..close], &pattern[close + 2..]);
        if ends(group, t, at, cased, &mut |end| {
            ends(rest, t, end, cased, found)
        }) {
            return true;
        }
        return ends(rest, t, at, cased, found);
    }
    let optional = pattern.get(1) == Some(&b'?');
    let rest = &pattern[if optional { 2 } else { 1 }..];
    let end = match first {
        b' ' => spaces(t, at),
        b'_' => t.get(at).filter(|&&b| is_space(b)).map(|_| at + 1),
        b'*' => Some(run(t, at, is_word)),
        b'#' => Some(run(t, at, |b| b.is_ascii_digit())).filter(|&end| end > at),
        _ => t
            .get(at)
            .filter(|&&b| same_char(b, first, cased))
            .map(|_| at + 1),
    };
    end.is_some_and(|end| ends(rest, t, end, cased, found))
        || (optional && ends(rest, t, at, cased, found))
}

/// Whether a pattern that starts with `first` may match from byte `b`: a quick test before
/// [`ends`], which most phrases fail at their first byte.
const fn may_start(first: u8, b: u8) -> bool {
    match first {
        b'#' => b.is_ascii_digit(),
        b'*' => is_word(b),
        b' ' | b'_' => is_space(b),
        _ => first.eq_ignore_ascii_case(&b),
    }
}

/// Whether byte `k` of pattern `p` is a plain character (see the notes above the lists).
const fn plain_at(p: &[u8], k: usize) -> bool {
    k < p.len() && !matches!(p[k], b'(' | b')' | b' ' | b'_' | b'*' | b'#' | b'?')
}

/// Where the phrases of a list may start.
#[derive(Clone, Copy, PartialEq)]
enum Start {
    /// At the start of any word.
    Word,
    /// Anywhere, even inside a word.
    Anywhere,
}

/// How many byte classes [`CLASS`] tells apart.
const CLASSES: usize = 30;

/// The class of each byte for the tables of [`Phrases`] and [`Needles`]: a letter in either
/// case (0 to 25), a digit (26), '_' (27), white space (28), anything else (29). The tables
/// keep a mask per class, not per byte, so they stay a few hundred bytes each (a program
/// start pages in only what it reads).
static CLASS: [u8; 256] = {
    let mut class = [29u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        class[b] = if c.is_ascii_alphabetic() {
            c.to_ascii_lowercase() - b'a'
        } else if c.is_ascii_digit() {
            26
        } else if c == b'_' {
            27
        } else if is_space(c) {
            28
        } else {
            29
        };
        b += 1;
    }
    class
};

/// A list of phrases, with the phrases that may start at a byte of each class and those that
/// may have a byte of each class second (bit `i` for `list[i]`) worked out at compile time, so
/// a word is only tried against the phrases that start like it.
struct Phrases<'a> {
    list: &'a [&'a str],
    starts: [u128; CLASSES],
    seconds: [u128; CLASSES],
    /// The phrases whose second byte is not a plain character: any byte may follow their
    /// first, or none.
    any_second: u128,
}

impl<'a> Phrases<'a> {
    const fn new(list: &'a [&'a str]) -> Phrases<'a> {
        assert!(list.len() <= 128, "at most 128 phrases in a list");
        let mut starts = [0u128; CLASSES];
        let mut seconds = [0u128; CLASSES];
        let mut any_second = 0;
        let mut i = 0;
        while i < list.len() {
            let p = list[i].as_bytes();
            // Two plain characters, neither made optional by a '?' after it.
            let two_plain = plain_at(p, 0) && plain_at(p, 1) && !(p.len() > 2 && p[2] == b'?');
            if !two_plain {
                any_second |= 1 << i;
            }
            let mut b = 0;
            while b < 256 {
                let class = CLASS[b] as usize;
                if may_start(p[0], b as u8) {
                    starts[class] |= 1 << i;
                }
                if !two_plain || p[1].eq_ignore_ascii_case(&(b as u8)) {
                    seconds[class] |= 1 << i;
                }
                b += 1;
            }
            i += 1;
        }
        Phrases {
            list,
            starts,
            seconds,
            any_second,
        }
    }

    /// The phrases that may be written from byte `at` of `t`, in list order.
    fn starting(&self, t: &[u8], at: usize) -> impl Iterator<Item = &'a str> + '_ {
        let second = t.get(at + 1).map_or(self.any_second, |&b| {
            self.seconds[CLASS[b as usize] as usize]
        });
        let mut mask = self.starts[CLASS[t[at] as usize] as usize] & second;
        std::iter::from_fn(move || {
            let i = mask.trailing_zeros() as usize;
            mask &= mask.wrapping_sub(1);
            (i < 128).then(|| self.list[i])
        })
    }
}

/// Whether any of `phrases` is written in `s` (from where `from` allows, to a word end).
fn has_phrase(s: &Sentence, phrases: &Phrases, from: Start, cased: bool) -> bool {
    match from {
        Start::Word => phrase_at(s.text, phrases, cased, s.starts.iter().copied()),
        Start::Anywhere => phrase_at(s.text, phrases, cased, 0..s.text.len()),
    }
}

/// Whether any of `phrases` is written in `text` from one of the byte offsets `at` (in
/// order), to a word end.
fn phrase_at(
    text: &str,
    phrases: &Phrases,
    cased: bool,
    mut at: impl Iterator<Item = usize>,
) -> bool {
    let t = text.as_bytes();
    at.any(|at| {
        phrases
            .starting(t, at)
            .any(|p| ends(p.as_bytes(), t, at, cased, &mut |end| boundary(t, end)))
    })
}

/// The end of a number written at `at`: one or two digits with an optional decimal
/// ("2", "10", "1.5"), or a word of [`NUMBER_WORDS`].
fn number_end(t: &[u8], at: usize) -> Option<usize> {
    let digits = run(t, at, |b| b.is_ascii_digit()).min(at + 2);
    if digits > at {
        return Some(match t.get(digits..digits + 2) {
            Some([b'.', d]) if d.is_ascii_digit() => digits + 2,
            _ => digits,
        });
    }
    let &b = t.get(at)?;
    let (first, second) = (b.to_ascii_lowercase(), t.get(at + 1)?.to_ascii_lowercase());
    if !first.is_ascii_lowercase()
        || !second.is_ascii_lowercase()
        || NUMBER_WORD_PAIRS[(first - b'a') as usize] & (1 << (second - b'a')) == 0
    {
        return None;
    }
    NUMBER_WORDS
        .iter()
        .filter(|(w, _)| may_start(w.as_bytes()[0], b))
        .find_map(|(w, _)| eat(t, at, w))
}

/// A number of years written at `at` ("3+ years", "two (2) years", "2-4 years", "five
/// full-time years"): (the first number's range, the end), or None. The end takes in an
/// " old" after the unit, and the caller drops those: ages are not experience.
fn years_at(t: &[u8], at: usize) -> Option<((usize, usize), usize, bool)> {
    let number = (at, number_end(t, at)?);
    let mut i = run(t, number.1, is_space);
    i = eat(t, i, "+").or_else(|| eat(t, i, "plus")).unwrap_or(i);
    i = run(t, i, is_space);
    // "(2)" after a number written as a word.
    if let Some(end) = eat(t, i, "(")
        .and_then(|j| Some(run(t, j, |b| b.is_ascii_digit())).filter(|&end| end > j))
        .and_then(|j| eat(t, j, ")"))
    {
        i = run(t, end, is_space);
    }
    // A range: "2-4", "2 to 4", "two or three".
    if let Some(end) = ["-", "\u{2013}", "\u{2014}", "to", "or"]
        .iter()
        .find_map(|sep| eat(t, i, sep))
        .and_then(|j| number_end(t, run(t, j, is_space)))
    {
        let j = run(t, end, is_space);
        let j = eat(t, j, "+").unwrap_or(j);
        i = run(t, j, is_space);
    }
    if let Some(end) = eat(t, i, "full")
        .and_then(|j| eat(t, j, "-").or_else(|| eat(t, j, " ")))
        .and_then(|j| eat(t, j, "time"))
        .and_then(|j| spaces(t, j))
    {
        i = end;
    }
    let unit = eat(t, i, "year").or_else(|| eat(t, i, "yr"))?;
    let end = [eat(t, unit, "s"), Some(unit)]
        .into_iter()
        .flatten()
        .find(|&end| boundary(t, end))?;
    match spaces(t, end).and_then(|j| eat(t, j, "old")) {
        Some(old) => Some((number, old, true)),
        None => Some((number, end, false)),
    }
}

/// Years asked, taking the lower bound of a range ("2-4 years" → 2). Ages ("18 years old")
/// are not experience.
pub fn years(s: &Sentence) -> Option<f32> {
    let (text, t) = (s.text, s.text.as_bytes());
    // Where the text after the last number of years read resumes.
    let mut after = 0;
    for &at in &s.starts {
        if at < after {
            continue;
        }
        let Some(((start, end), next, old)) = years_at(t, at) else {
            continue;
        };
        after = next;
        if old {
            continue;
        }
        let first = &text[start..end];
        let Some(low) = number(first) else { continue };
        let low = first.parse::<f32>().ok().unwrap_or(low as f32);
        if low > 0.0 && low <= 40.0 {
            return Some(low);
        }
    }
    None
}

/// "at least two of", "3 or more of", "2+ of": the number written there, from the first such
/// phrase in `text`.
fn at_least_n_of<'a>(s: &Sentence<'a>) -> Option<&'a str> {
    let (text, t) = (s.text, s.text.as_bytes());
    let of = |i: usize, words: &[&str]| {
        let i = spaces(t, i)?;
        words
            .iter()
            .find_map(|w| eat(t, i, w).filter(|&end| boundary(t, end)))
    };
    s.starts.iter().find_map(|&at| {
        let lead = eat(t, at, "at")
            .and_then(|i| spaces(t, i))
            .and_then(|i| eat(t, i, "least"))
            .and_then(|i| spaces(t, i));
        let (start, end) = match lead {
            Some(i) => {
                let end = number_end(t, i)?;
                of(end, &["of", "from"])?;
                (i, end)
            }
            None => {
                let end = number_end(t, at)?;
                let more = spaces(t, end)
                    .and_then(|i| eat(t, i, "or"))
                    .and_then(|i| spaces(t, i))
                    .and_then(|i| eat(t, i, "more"))
                    .and_then(|i| of(i, &["of"]));
                let plus = eat(t, end, "+").and_then(|i| of(i, &["of"]));
                more.or(plus)?;
                (at, end)
            }
        };
        Some(&text[start..end])
    })
}

/// Words that leave the choice among the skills listed to the candidate.
static ANY_OF: Phrases = Phrases::new(&[
    "one or more",
    "one of",
    "any of",
    "at least one",
    "either",
    "and/or",
    "such as",
    "e._?g",
    "for example",
    "for instance",
    "like",
    "including",
    "or similar",
    "or equivalent",
    "or other",
    "or another",
    "similar to",
    "etc",
]);

/// How many of `skills` (mentioned in `text` at `mentions`) the text asks for.
pub fn min_count(s: &Sentence, mentions: &[Mention], skills: usize) -> usize {
    if skills <= 1 {
        return skills;
    }
    if let Some(n) = at_least_n_of(s).and_then(number) {
        return (n as usize).clamp(1, skills);
    }
    if has_phrase(s, &ANY_OF, Start::Word, false) {
        return 1;
    }
    // "Python or Go", "Kotlin/Java": alternatives between consecutive skills. A category
    // followed by examples — "Agile (Scrum, XP)", "Containers – Docker, Kubernetes",
    // "Cloud: AWS, GCP" — asks for the category, which any one example shows.
    let alternatives = mentions.windows(2).any(|w| {
        let gap = s.text[w[0].end..w[1].start].to_ascii_lowercase();
        let gap = gap.trim();
        gap == "/"
            || gap.contains(['(', '\u{2013}', '\u{2014}', ':'])
            || gap
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == "or")
    });
    if alternatives { 1 } else { skills }
}

/// The proficiency words used, weakest reading first so "basic knowledge" stays basic.
static PROFICIENCY: Needles<Proficiency> = Needles::new(&[
    ("basic", Proficiency::Basic),
    ("familiarity", Proficiency::Basic),
    ("familiar with", Proficiency::Basic),
    ("exposure to", Proficiency::Basic),
    ("interest in", Proficiency::Basic),
    ("awareness of", Proficiency::Basic),
    ("introductory", Proficiency::Basic),
    ("expert", Proficiency::Expert),
    ("mastery", Proficiency::Expert),
    ("deep expertise", Proficiency::Expert),
    ("authority on", Proficiency::Expert),
    ("strong", Proficiency::Advanced),
    ("solid", Proficiency::Advanced),
    ("advanced", Proficiency::Advanced),
    ("proficien", Proficiency::Advanced),
    ("skilled", Proficiency::Advanced),
    ("extensive", Proficiency::Advanced),
    ("in-depth", Proficiency::Advanced),
    ("in depth", Proficiency::Advanced),
    ("deep ", Proficiency::Advanced),
    ("excellent", Proficiency::Advanced),
    ("fluent", Proficiency::Advanced),
    ("thorough", Proficiency::Advanced),
    ("experience", Proficiency::Working),
    ("working knowledge", Proficiency::Working),
    ("knowledge of", Proficiency::Working),
    ("hands-on", Proficiency::Working),
    ("understanding of", Proficiency::Working),
    ("comfortable", Proficiency::Working),
    ("ability to", Proficiency::Working),
]);

/// The proficiency the text's words ask for (see [`PROFICIENCY`]).
pub fn proficiency(text: &str) -> Option<Proficiency> {
    PROFICIENCY.first_in(text)
}

/// Lower-case ASCII needles looked for anywhere in a text, ignoring case, each with a value:
/// what `text.to_lowercase().contains(needle)` tells, for a list of needles at once. The
/// needles that may start at each byte value are worked out at compile time, so the text is
/// read once whatever the number of needles.
pub struct Needles<T: 'static> {
    list: &'static [(&'static str, T)],
    /// The needles whose first (second) byte is byte `b`, in either case: bit `i` for
    /// `list[i]`.
    firsts: [u64; CLASSES],
    seconds: [u64; CLASSES],
}

impl<T: Copy> Needles<T> {
    pub const fn new(list: &'static [(&'static str, T)]) -> Needles<T> {
        assert!(list.len() <= 64, "at most 64 needles in a list");
        let mut firsts = [0u64; CLASSES];
        let mut seconds = [0u64; CLASSES];
        let mut i = 0;
        while i < list.len() {
            let needle = list[i].0.as_bytes();
            assert!(needle.len() >= 2, "needles are two bytes or more");
            let mut k = 0;
            while k < needle.len() {
                assert!(
                    needle[k].is_ascii() && !needle[k].is_ascii_uppercase(),
                    "needles are lower-case ASCII"
                );
                k += 1;
            }
            firsts[CLASS[needle[0] as usize] as usize] |= 1 << i;
            seconds[CLASS[needle[1] as usize] as usize] |= 1 << i;
            i += 1;
        }
        Needles {
            list,
            firsts,
            seconds,
        }
    }

    /// The value of the first needle in list order that `text` contains, in any case.
    pub fn first_in(&self, text: &str) -> Option<T> {
        if !lowercase_is_ascii_fold(text) {
            let folded = text.to_lowercase();
            return self
                .list
                .iter()
                .find(|(needle, _)| folded.contains(needle))
                .map(|&(_, value)| value);
        }
        let t = text.as_bytes();
        // Needles before the best one found so far are the only ones still worth trying.
        let mut wanted = u64::MAX;
        let mut best = None;
        for at in 0..t.len().saturating_sub(1) {
            let mut mask = self.firsts[CLASS[t[at] as usize] as usize]
                & self.seconds[CLASS[t[at + 1] as usize] as usize]
                & wanted;
            while mask != 0 {
                let i = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                let needle = self.list[i].0.as_bytes();
                if t[at..].len() >= needle.len()
                    && t[at..at + needle.len()].eq_ignore_ascii_case(needle)
                {
                    best = Some(i);
                    wanted = (1 << i) - 1;
                    break;
                }
            }
            if wanted == 0 {
                break;
            }
        }
        best.map(|i| self.list[i].1)
    }
}

/// Whether lower-casing `text` changes only its ASCII letters' case where ASCII is concerned:
/// true unless it holds one of the two characters whose lower case is or starts with an ASCII
/// letter (KELVIN SIGN, LATIN CAPITAL LETTER I WITH DOT ABOVE).
fn lowercase_is_ascii_fold(text: &str) -> bool {
    text.is_ascii() || !(text.contains('\u{212A}') || text.contains('\u{130}'))
}

/// Degree names. A name may be followed by "degree", "diploma" or "level".
static DEGREES: Phrases = Phrases::new(&[
    "high_school",
    "high-school",
    "GED",
    "secondary_school",
    "associate'?s?",
    "bachelor'?s?",
    "B.?_?S.?c?",
    "B.?A.?",
    "BSc",
    "BEng",
    "BSN",
    "undergraduate",
    "master'?s?",
    "M.?_?S.?c?",
    "MSc",
    "MBA",
    "MEng",
    "Ph.?_?D.?",
    "doctorate",
    "doctoral",
]);

/// Words that show a text is about education at all.
static DEGREE_CONTEXT: Phrases = Phrases::new(&[
    "degree",
    "diploma",
    "graduate",
    "graduated",
    "bachelor",
    "master",
    "ph.?_?d",
    "doctorate",
    "high_school",
    "GED",
    "university",
    "college",
    "BSN",
    "MSc",
    "BSc",
    "MBA",
    "equivalent",
]);

/// The same, matched letter for letter: "ms" or "as" in prose is not a degree.
static DEGREE_CONTEXT_CASED: Phrases = Phrases::new(&["BS", "MS", "BA", "MA", "B.S", "M.S"]);

/// A degree with no level named ("a university degree", "a degree in physics"); `* degree`
/// is any word followed by "degree".
static PLAIN_DEGREE: Phrases = Phrases::new(&[
    "university degree*",
    "college degree*",
    "academic degree*",
    "undergraduate degree*",
    "four-year degree*",
    "four_year degree*",
    "degree in",
    "* degree",
]);

/// Experience accepted instead of the degree (matched anywhere, even inside a word).
static OR_EXPERIENCE: Phrases = Phrases::new(&[
    "or (an? )?equivalent*",
    "or (an? )?comparable*",
    "or (an? )?related*",
    "or (an? )?relevant*",
    "or (an? )?similar*",
    "equivalent experience*",
    "equivalent practical experience*",
    "equivalent work experience*",
    "equivalent professional experience*",
    "in lieu*",
    "or #+? years*",
    "combination of education and experience*",
]);

/// The degree names in `text`: the byte range of each, in order.
fn degree_names(s: &Sentence) -> Vec<(usize, usize)> {
    let t = s.text.as_bytes();
    // After the name: " degree", " diploma" or " level", then the end of a word.
    let suffix = |at: usize| {
        let i = spaces(t, at)?;
        ["degree", "diploma", "level"]
            .iter()
            .find_map(|w| eat(t, i, w).filter(|&end| boundary(t, end)))
    };
    let mut out = Vec::new();
    // Where the text after the last degree name found resumes.
    let mut after = 0;
    for &at in &s.starts {
        if at < after {
            continue;
        }
        let mut found = None;
        let matched = DEGREES.starting(t, at).any(|d| {
            ends(d.as_bytes(), t, at, false, &mut |end| {
                found = suffix(end)
                    .or(boundary(t, end).then_some(end))
                    .map(|next| (end, next));
                found.is_some()
            })
        });
        if let (true, Some((end, next))) = (matched, found) {
            out.push((at, end));
            after = next;
        }
    }
    out
}

/// The lowest degree the text names as acceptable, and whether experience may replace it.
pub fn education(s: &Sentence) -> Option<Education> {
    if !has_phrase(s, &DEGREE_CONTEXT, Start::Word, false)
        && !has_phrase(s, &DEGREE_CONTEXT_CASED, Start::Word, true)
    {
        return None;
    }
    let text = s.text;
    let named = degree_names(s)
        .into_iter()
        .filter_map(|(start, end)| {
            let word = &text[start..end];
            // Part of a product or part number ("BlueNRG-MS"), not a degree.
            let glued = text[..start].ends_with('-') || text[end..].starts_with('-');
            // Short forms ("BS", "MS", "BA") only in capitals, so "ms" or "as" in prose is not one.
            let short = word.replace(['.', ' '], "").len() <= 3;
            if glued
                || (short
                    && word.chars().any(|ch| ch.is_lowercase())
                    && !word.eq_ignore_ascii_case("phd"))
            {
                return None;
            }
            EducationLevel::parse(&word.replace(['.', ' '], ""))
        })
        .min();
    // "A degree in computer science", "university degree": a degree with no level named is a
    // bachelor's, the usual reading.
    let level = named.or_else(|| {
        has_phrase(s, &PLAIN_DEGREE, Start::Word, false).then_some(EducationLevel::Bachelor)
    })?;
    Some(Education {
        level,
        or_experience: has_phrase(s, &OR_EXPERIENCE, Start::Anywhere, false),
    })
}

/// How a requirement opens ("You have", "Strong", "3+ years").
static REQUIREMENT_OPENINGS: Phrases = Phrases::new(&[
    "you (will )?have",
    "you (will )?bring",
    "you (will )?are",
    "you (will )?possess",
    "you (will )?know",
    "you (will )?should have",
    "you (will )?must have",
    "have",
    "has",
    "having",
    "possess",
    "experience",
    "experienced",
    "knowledge",
    "understanding",
    "understand",
    "familiarity",
    "familiar",
    "exposure",
    "proficien*",
    "expertise",
    "expert",
    "background",
    "fluen*",
    "mastery",
    "working knowledge",
    "strong",
    "solid",
    "excellent",
    "good",
    "deep",
    "proven",
    "demonstrated",
    "extensive",
    "hands_on",
    "hands-on",
    "practical",
    "advanced",
    "basic",
    "prior",
    "previous",
    "professional",
    "some",
    "must",
    "required",
    "requires",
    "minimum",
    "at least",
    "ability",
    "able",
    "skilled",
    "comfortable",
    "certified",
    "certification",
    "licenced?",
    "licensed?",
    "degree",
    "bachelor",
    "master",
    "ph.?d",
    "#+? ?year*",
    "#+? ?yrs*",
]);

/// Phrases that make a sentence a requirement wherever they stand.
static REQUIREMENT_PHRASES: Phrases = Phrases::new(&[
    "#+? ?years? (of )?(* )?(* )?(* )?experience",
    "years? of (* )?(* )?(* )?experience",
    "experience with",
    "experience in",
    "experience using",
    "experience of",
    "experience building",
    "experience developing",
    "experience working",
    "knowledge of",
    "proficien* in",
    "proficien* with",
    "is required",
    "are required",
    "must have",
    "candidates? should",
    "candidates? must",
    "candidates? will need",
    "applicants? should",
    "applicants? must",
    "applicants? will need",
    "successful candidates? has",
    "successful candidates? have",
    "successful candidates? is",
    "successful candidates? are",
    "successful candidates? will",
    "successful applicants? has",
    "successful applicants? have",
    "successful applicants? is",
    "successful applicants? are",
    "successful applicants? will",
    "ideal candidates? has",
    "ideal candidates? have",
    "ideal candidates? is",
    "ideal candidates? are",
    "ideal candidates? will",
    "ideal applicants? has",
    "ideal applicants? have",
    "ideal applicants? is",
    "ideal applicants? are",
    "ideal applicants? will",
    "qualified candidates? has",
    "qualified candidates? have",
    "qualified candidates? is",
    "qualified candidates? are",
    "qualified candidates? will",
    "qualified applicants? has",
    "qualified applicants? have",
    "qualified applicants? is",
    "qualified applicants? are",
    "qualified applicants? will",
]);

/// Phrases that make a sentence a nice-to-have.
static PREFERRED_PHRASES: Phrases = Phrases::new(&[
    "a plus*",
    "is a bonus*",
    "bonus point*",
    "nice to have*",
    "nice-to-have*",
    "preferred*",
    "preferably*",
    "desirable*",
    "desired*",
    "ideally*",
    "advantageous*",
    "an advantage*",
    "would be great*",
    "is welcome*",
    "a big plus*",
    "plus",
]);

/// Phrased as something the candidate must have or be?
pub fn requirement_like(s: &Sentence) -> bool {
    // Read from the first letter or digit on, as if the text started there.
    let from = s.text.len()
        - s.text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let opening = (from < s.text.len()).then_some(from);
    phrase_at(s.text, &REQUIREMENT_OPENINGS, false, opening.into_iter())
        || phrase_at(s.text, &REQUIREMENT_PHRASES, false, s.starts_from(from))
}

/// Phrased as a nice-to-have ("... is a plus")?
pub fn preferred_like(s: &Sentence) -> bool {
    has_phrase(s, &PREFERRED_PHRASES, Start::Word, false)
}

/// Splits a paragraph into sentences; keeps abbreviations ("i.e.", "e.g.", "Sr.") intact.
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') && bytes.get(i + 1) == Some(&b' ') {
            let next = text[i + 2..].chars().next();
            let word_before = text[start..i]
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let abbreviation = matches!(
                word_before.as_str(),
                "i.e"
                    | "e.g"
                    | "etc"
                    | "vs"
                    | "sr"
                    | "jr"
                    | "inc"
                    | "ltd"
                    | "dr"
                    | "mr"
                    | "ms"
                    | "mrs"
                    | "no"
                    | "approx"
                    | "incl"
                    | "st"
                    | "co"
            ) || (word_before.len() == 1 && b == b'.');
            if next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(' || c == '"')
                && !abbreviation
            {
                let s = text[start..=i].trim();
                if !s.is_empty() {
                    out.push((
                        start + (text[start..].len() - text[start..].trim_start().len()),
                        s,
                    ));
                }
                start = i + 2;
            }
        }
        i += 1;
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push((
            start + (text[start..].len() - text[start..].trim_start().len()),
            s,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // The readers over plain text, the words of each text found for the call.
    fn years(text: &str) -> Option<f32> {
        super::years(&Sentence::new(text))
    }
    fn education(text: &str) -> Option<Education> {
        super::education(&Sentence::new(text))
    }
    fn min_count(text: &str, mentions: &[Mention], skills: usize) -> usize {
        super::min_count(&Sentence::new(text), mentions, skills)
    }
    fn requirement_like(text: &str) -> bool {
        super::requirement_like(&Sentence::new(text))
    }
    fn preferred_like(text: &str) -> bool {
        super::preferred_like(&Sentence::new(text))
    }
    fn has_phrase(text: &str, phrases: &Phrases, from: Start, cased: bool) -> bool {
        super::has_phrase(&Sentence::new(text), phrases, from, cased)
    }
    fn degree_names(text: &str) -> Vec<(usize, usize)> {
        super::degree_names(&Sentence::new(text))
    }

    #[test]
    fn needles_find_what_a_lower_cased_search_finds() {
        let reference = |text: &str| {
            let t = text.to_lowercase();
            PROFICIENCY
                .list
                .iter()
                .find(|(needle, _)| t.contains(needle))
                .map(|&(_, level)| level)
        };
        for text in [
            "Strong Python; basic SQL",
            "EXPERT in Go, deep expertise in Rust",
            "deep\tlearning, Deep  nets",
            "in-depth and IN DEPTH",
            "hands-on experience",
            "\u{212A}nowledge of Rust",
            "Pro\u{130}ficient, familiar with",
            "naïve expertise — über strong",
            "x",
            "",
            "experienc",
        ] {
            assert_eq!(proficiency(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn years_phrasings() {
        assert_eq!(years("3+ years of experience"), Some(3.0));
        assert_eq!(years("at least five years of Java"), Some(5.0));
        assert_eq!(years("2-4 years in a similar role"), Some(2.0));
        assert_eq!(years("two (2) years of full-time experience"), Some(2.0));
        assert_eq!(years("must be 18 years old"), None);
        assert_eq!(years("no numbers here"), None);
    }

    #[test]
    fn education_levels() {
        let e =
            education("Bachelor's degree in Computer Science or equivalent experience").unwrap();
        assert_eq!(e.level, EducationLevel::Bachelor);
        assert!(e.or_experience);
        let e = education("Master's or PhD in statistics").unwrap();
        assert_eq!(e.level, EducationLevel::Master);
        assert!(!e.or_experience);
        assert_eq!(
            education("BS/MS in CS").unwrap().level,
            EducationLevel::Bachelor
        );
        assert_eq!(education("Experience with ms office"), None);
        assert_eq!(education("a BlueNRG-MS chip"), None);
        assert_eq!(
            education("A degree in computer science, or comparable experience"),
            Some(Education {
                level: EducationLevel::Bachelor,
                or_experience: true
            })
        );
        assert_eq!(
            education("Computer Science degree").map(|e| e.level),
            Some(EducationLevel::Bachelor)
        );
    }

    #[test]
    fn sentence_split_keeps_abbreviations() {
        let s: Vec<&str> = sentences("We use Rust, e.g. Tokio. You will ship. Fast!")
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(s, ["We use Rust, e.g. Tokio.", "You will ship.", "Fast!"]);
    }

    #[test]
    fn category_with_examples_is_a_group() {
        let m = |start, end| Mention {
            skill: crate::skill::SkillId(0),
            start,
            end,
        };
        // "Agile (Scrum, XP)": Agile 0..5, Scrum 7..12
        assert_eq!(min_count("Agile (Scrum, XP)", &[m(0, 5), m(7, 12)], 2), 1);
        // "Containers – Docker, Kubernetes"
        let t = "Containers \u{2013} Docker, Kubernetes";
        let d = t.find("Docker").unwrap();
        let k = t.find("Kubernetes").unwrap();
        assert_eq!(min_count(t, &[m(0, 10), m(d, d + 6), m(k, k + 10)], 3), 1);
        assert_eq!(
            min_count("Jenkins, TeamCity etc.", &[m(0, 7), m(9, 17)], 2),
            1
        );
        assert_eq!(
            min_count("Docker and Kubernetes", &[m(0, 6), m(11, 21)], 2),
            2
        );
    }

    /// A phrase with its optional parts written and `*`, `#` and `_` filled in.
    fn written(phrase: &str) -> String {
        let phrase = phrase.replace(['(', ')', '?'], "");
        phrase.replace('*', "x").replace('#', "3").replace('_', " ")
    }

    #[test]
    fn every_phrase_finds_itself_written_out() {
        for (list, from) in [
            (&ANY_OF, Start::Word),
            (&DEGREE_CONTEXT, Start::Word),
            (&PLAIN_DEGREE, Start::Word),
            (&OR_EXPERIENCE, Start::Anywhere),
            (&REQUIREMENT_OPENINGS, Start::Word),
            (&REQUIREMENT_PHRASES, Start::Word),
            (&PREFERRED_PHRASES, Start::Word),
        ] {
            for phrase in list.list {
                let text = format!("{}, then more", written(phrase));
                assert!(has_phrase(&text, list, from, false), "{phrase:?}");
            }
        }
        for phrase in DEGREE_CONTEXT_CASED.list {
            assert!(has_phrase(phrase, &DEGREE_CONTEXT_CASED, Start::Word, true));
            assert!(!has_phrase(
                &phrase.to_lowercase(),
                &DEGREE_CONTEXT_CASED,
                Start::Word,
                true
            ));
        }
        for degree in DEGREES.list {
            let text = format!("a {} in art", written(degree));
            assert_eq!(degree_names(&text).len(), 1, "{degree:?}");
        }
    }

    #[test]
    fn phrase_notation() {
        let has = |text, phrase| has_phrase(text, &Phrases::new(&[phrase]), Start::Word, false);
        assert!(has("At  least\tone", "at least one"));
        assert!(!has("at leastone", "at least one"));
        assert!(!has("treat least one", "at least one"));
        assert!(has("is preferredly", "preferred*") && !has("is preferredly", "preferred"));
        assert!(has("e.g. Go", "e._?g") && has("e. g. Go", "e._?g") && !has("e.  g", "e._?g"));
        assert!(has("you will have", "you (will )?have") && has("you have", "you (will )?have"));
        assert!(has("12+ yrs", "#+? ?yrs") && !has("x12 yrs", "#+? ?yrs"));
        let or_related = Phrases::new(&["or related*"]);
        assert!(has_phrase(
            "major related",
            &or_related,
            Start::Anywhere,
            false
        ));
        // Openings are read at the start of the text only.
        assert!(!phrase_at(
            "so: have",
            &Phrases::new(&["have"]),
            false,
            std::iter::once(0)
        ));
        assert!(!requirement_like("so: have"));
        assert!(requirement_like("- have Rust"));
    }

    #[test]
    fn requirement_phrasing() {
        assert!(requirement_like(
            "Have experience using and developing APIs."
        ));
        assert!(requirement_like("Understand user and system requirements"));
        assert!(requirement_like("3+ years of Go"));
        assert!(!requirement_like(
            "Create Application Programming Interfaces (APIs) that are clean"
        ));
        assert!(preferred_like("Clickhouse experience is a plus"));
    }
}
