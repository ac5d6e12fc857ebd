//! Section kinds from heading text: one ordered table, first match wins. The table is the
//! documentation (`docs/postings.md` reproduces it); tests pin the examples.
//!
//! A pattern matches when it occurs in the folded heading at a word start ("preferred" in
//! "Preferred Technical and Professional Expertise"). Order matters: preferred is tried before
//! required so "Preferred qualifications" is preferred, and legal before about so "About our
//! equal opportunity policy" is legal.

use super::clause::Needles;
use crate::requirement::SectionKind;

/// (kind, patterns) in the order they are tried.
pub const TABLE: &[(SectionKind, &[&str])] = &[
    (
        SectionKind::Legal,
        &[
            "equal opportunity",
            "equal employment",
            "eeo",
            "diversity",
            "inclusion",
            "accommodation",
            "legal",
            "disclaimer",
            "privacy",
            "e-verify",
            "background check",
        ],
    ),
    (
        SectionKind::Benefits,
        &[
            "benefit",
            "perks",
            "what we offer",
            "we offer",
            "compensation",
            "salary",
            "pay range",
            "why join",
            "why work",
            "what's in it for you",
            "what you get",
            "what you'll get",
            "rewards",
        ],
    ),
    (
        SectionKind::Apply,
        &[
            "how to apply",
            "to apply",
            "apply",
            "application",
            "next steps",
            "interview process",
            "hiring process",
            "selection process",
            "examination",
            "contact",
        ],
    ),
    (
        SectionKind::Preferred,
        &[
            "preferred",
            "nice to have",
            "nice-to-have",
            "nice to haves",
            "bonus",
            "desirable",
            "desired",
            "a plus",
            "pluses",
            "plus",
            "extra credit",
            "good to have",
            "ideally",
            "optional",
            "would be great",
            "even better",
            "highly regarded",
            "not essential",
            "not required",
            "advantage",
            "advantageous",
            "beneficial",
            "we'd love",
            "we would love",
            "would love",
            "love it if",
            "desire to learn",
            "willingness to learn",
            "willing to learn",
        ],
    ),
    // Before "description" names the job's: "Company description" is about the employer.
    (SectionKind::Intro, &["company description"]),
    // Duties first: "Essential Duties and Responsibilities" lists work, not qualifications.
    (SectionKind::Responsibilities, &["duties", "responsibilit"]),
    (
        SectionKind::Required,
        &[
            "required",
            "requirement",
            "qualification",
            "minimum",
            "must have",
            "must-have",
            "what you bring",
            "what you'll bring",
            "what you will bring",
            "you have",
            "you bring",
            "who you are",
            "you are",
            "about you",
            "essential",
            "skills",
            "experience",
            "expertise",
            "what we're looking for",
            "what we are looking for",
            "what we look for",
            "looking for",
            "you'll need",
            "you will need",
            "we need",
            "need to have",
            "competenc",
            "ideal candidate",
            "you should have",
            "you should",
            "you must",
            "look for",
            "have the following",
            "knowledge",
            "profile",
            "criteria",
            "eligibility",
            "prerequisite",
        ],
    ),
    (
        SectionKind::Responsibilities,
        &[
            "responsibilit",
            "what you'll do",
            "what you will do",
            "what you'll be doing",
            "what you will be doing",
            "you will",
            "you'll",
            "duties",
            "the role",
            "your role",
            "role",
            "the job",
            "job description",
            "description",
            "day to day",
            "day-to-day",
            "mission",
            "tasks",
            "the work",
            "the position",
            "position summary",
            "what you'll work on",
            "impact",
            "projects",
            "challenges",
            "accountabilit",
        ],
    ),
    (
        SectionKind::Intro,
        &[
            "about",
            "introduction",
            "who we are",
            "company",
            "overview",
            "our team",
            "the team",
            "culture",
            "our story",
            "our values",
            "values",
            "welcome",
            "summary",
        ],
    ),
];

/// Phrases only an equal-opportunity statement uses: a sentence with one is legal boilerplate
/// wherever it stands (often last, under the final requirements list, with no heading).
static LEGAL_SENTENCE: Needles<()> = Needles::new(&[
    ("equal opportunity", ()),
    ("equal employment opportunity", ()),
    ("affirmative action", ()),
    ("without regard to", ()),
    ("regardless of race", ()),
]);

/// Is `sentence` an equal-opportunity statement, whatever section it stands in?
pub fn is_legal_boilerplate(sentence: &str) -> bool {
    LEGAL_SENTENCE.first_in(sentence).is_some()
}

/// The kind a heading names, or `None` when the table does not know it.
pub fn classify(heading: &str) -> Option<SectionKind> {
    let folded = fold(heading);
    let bytes = folded.as_bytes();
    // The first row with a pattern written at a word start. Each word start is compared only
    // with the patterns that begin with its byte.
    let mut best = TABLE.len();
    let mut prev_alnum = false;
    for (i, c) in folded.char_indices() {
        if !prev_alnum {
            for &(row, k) in BY_FIRST_BYTE.starting(bytes[i]) {
                let (row, pattern) = (row as usize, TABLE[row as usize].1[k as usize]);
                if row < best && bytes[i..].starts_with(pattern.as_bytes()) {
                    best = row;
                }
            }
        }
        prev_alnum = c.is_alphanumeric();
    }
    TABLE.get(best).map(|(kind, _)| *kind)
}

/// The heading lower-cased, with typographic apostrophes and backticks made `'` and markup
/// characters spaces.
fn fold(heading: &str) -> String {
    if heading.is_ascii() {
        // Byte for byte what the general case below gives for ASCII text.
        let folded = heading
            .bytes()
            .map(|b| match b.to_ascii_lowercase() {
                b'`' => b'\'',
                b'*' | b'_' | b'#' => b' ',
                b => b,
            })
            .collect();
        return String::from_utf8(folded).unwrap_or_default();
    }
    heading
        .to_lowercase()
        .replace(['\u{2019}', '`'], "'")
        .replace(['*', '_', '#'], " ")
}

/// How many patterns [`TABLE`] holds.
const PATTERNS: usize = {
    let mut n = 0;
    let mut row = 0;
    while row < TABLE.len() {
        n += TABLE[row].1.len();
        row += 1;
    }
    n
};

/// [`TABLE`]'s patterns as (row, index in the row), grouped by first byte (table order kept
/// within a group), built at compile time.
struct ByFirstByte {
    /// The patterns starting with byte `b` are `patterns[start[b]..start[b + 1]]`.
    start: [u16; 257],
    patterns: [(u8, u8); PATTERNS],
}

static BY_FIRST_BYTE: ByFirstByte = ByFirstByte::new();

impl ByFirstByte {
    const fn new() -> ByFirstByte {
        let mut start = [0u16; 257];
        let mut row = 0;
        while row < TABLE.len() {
            let mut k = 0;
            while k < TABLE[row].1.len() {
                start[TABLE[row].1[k].as_bytes()[0] as usize + 1] += 1;
                k += 1;
            }
            row += 1;
        }
        let mut b = 0;
        while b < 256 {
            start[b + 1] += start[b];
            b += 1;
        }
        let mut next = start;
        let mut patterns = [(0u8, 0u8); PATTERNS];
        let mut row = 0;
        while row < TABLE.len() {
            let mut k = 0;
            while k < TABLE[row].1.len() {
                let pattern = TABLE[row].1[k];
                let first = pattern.as_bytes()[0] as usize;
                patterns[next[first] as usize] = (row as u8, k as u8);
                next[first] += 1;
                k += 1;
            }
            row += 1;
        }
        ByFirstByte { start, patterns }
    }

    fn starting(&self, b: u8) -> &[(u8, u8)] {
        &self.patterns[self.start[b as usize] as usize..self.start[b as usize + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SectionKind::*;

    /// `classify` as first written: a substring search per pattern and row.
    fn classify_reference(heading: &str) -> Option<SectionKind> {
        let folded = heading
            .to_lowercase()
            .replace(['\u{2019}', '`'], "'")
            .replace(['*', '_', '#'], " ");
        TABLE
            .iter()
            .find(|(_, patterns)| {
                patterns.iter().any(|p| {
                    folded.match_indices(p).any(|(i, _)| {
                        !folded[..i]
                            .chars()
                            .next_back()
                            .is_some_and(|c| c.is_alphanumeric())
                    })
                })
            })
            .map(|(kind, _)| *kind)
    }

    #[test]
    fn classify_matches_the_substring_version() {
        let mut headings = vec![
            "What You\u{2019}ll Do".to_string(),
            "What You`ll Bring".to_string(),
            "**Bonus**_points_".to_string(),
            "#Skills".to_string(),
            "Über uns: about".to_string(),
            "éabout".to_string(),
            "\u{212A}nowledge".to_string(),
            "\u{130}deally".to_string(),
            "ΣKILLS Σ requirements".to_string(),
            String::new(),
        ];
        for (_, patterns) in TABLE {
            for p in *patterns {
                headings.push(p.to_uppercase());
                headings.push(format!("x{p}"));
                headings.push(format!("Our {p}, and more"));
                headings.push(format!("é{p}"));
            }
        }
        for h in &headings {
            assert_eq!(classify(h), classify_reference(h), "{h:?}");
        }
    }

    #[test]
    fn heading_table() {
        let cases = [
            ("Required Technical and Professional Expertise", Required),
            ("Preferred Technical and Professional Expertise", Preferred),
            ("Minimum qualifications", Required),
            ("What you bring", Required),
            ("You have", Required),
            ("Must have", Required),
            ("Essential", Required),
            ("Nice to have", Preferred),
            ("Bonus points", Preferred),
            ("Desirable", Preferred),
            ("Experience with Rust is a plus", Preferred),
            ("Your Role and Responsibilities", Responsibilities),
            ("What You'll Do", Responsibilities),
            ("Who You Are", Required),
            ("About Business Unit", Intro),
            ("About IBM", Intro),
            ("Introduction", Intro),
            ("Benefits", Benefits),
            ("Equal Opportunity Employer", Legal),
            ("How to apply", Apply),
            ("DUTIES", Responsibilities),
            ("REQUIREMENTS", Required),
            ("Essential Duties and Responsibilities", Responsibilities),
            ("Preferred Qualifications", Preferred),
            ("👋 About Meridian", Intro),
            ("Some key things we look for are", Required),
            ("You should", Required),
            ("Very highly regarded (though not essential)", Preferred),
        ];
        for (heading, kind) in cases {
            assert_eq!(classify(heading), Some(kind), "{heading}");
        }
        assert_eq!(classify("Location Statement"), None);
        assert_eq!(classify("San Mateo, CA"), None);
    }
}
