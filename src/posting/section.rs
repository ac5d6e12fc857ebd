//! Section kinds from heading text: one ordered table, first match wins. The table is the
//! documentation (`docs/postings.md` reproduces it); tests pin the examples.
//!
//! A pattern matches when it occurs in the folded heading at a word start ("preferred" in
//! "Preferred Technical and Professional Expertise"). Order matters: preferred is tried before
//! required so "Preferred qualifications" is preferred, and legal before about so "About our
//! equal opportunity policy" is legal.

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
const LEGAL_SENTENCE: &[&str] = &[
    "equal opportunity",
    "equal employment opportunity",
    "affirmative action",
    "without regard to",
    "regardless of race",
];

/// Is `sentence` an equal-opportunity statement, whatever section it stands in?
pub fn is_legal_boilerplate(sentence: &str) -> bool {
    let folded = sentence.to_lowercase();
    LEGAL_SENTENCE.iter().any(|p| folded.contains(p))
}

/// The kind a heading names, or `None` when the table does not know it.
pub fn classify(heading: &str) -> Option<SectionKind> {
    let folded = heading
        .to_lowercase()
        .replace(['\u{2019}', '`'], "'")
        .replace(['*', '_', '#'], " ");
    // Where words start: a pattern can only match at one of these, so most patterns are
    // ruled out with a prefix comparison instead of a substring search.
    let mut starts = Vec::with_capacity(16);
    let mut prev_alnum = false;
    for (i, c) in folded.char_indices() {
        if !prev_alnum {
            starts.push(i);
        }
        prev_alnum = c.is_alphanumeric();
    }
    let may_match = |p: &str| starts.iter().any(|&i| folded[i..].starts_with(p));
    TABLE
        .iter()
        .find(|(_, patterns)| {
            patterns
                .iter()
                .any(|p| may_match(p) && at_word_start(&folded, p))
        })
        .map(|(kind, _)| *kind)
}

fn at_word_start(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        !haystack[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use SectionKind::*;

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
