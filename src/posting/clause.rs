//! Reading one requirement sentence: how many of its skills are needed, how many years, how
//! well, which degree, and whether it is phrased as a requirement at all. Pure functions over
//! the text and the skill mentions found in it.

use std::sync::LazyLock;

use regex_automata::meta::{BuildError, Regex};
use regex_automata::util::syntax;

/// The patterns here only need ASCII word rules; compiling them without Unicode tables keeps
/// start-up cheap (the Unicode versions dominated a small posting's parse time). Literal
/// extraction for a prefilter is off too: for these case-insensitive alternations it cost
/// most of the remaining compile time, and the haystacks are single sentences.
fn ascii_regex(pattern: &str) -> Result<Regex, Box<BuildError>> {
    Regex::builder()
        .configure(Regex::config().auto_prefilter(false))
        .syntax(syntax::Config::new().unicode(false))
        .build(pattern)
        .map_err(Box::new)
}

use crate::requirement::{Education, EducationLevel, Proficiency};
use crate::skill::Mention;

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

fn number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    w.parse()
        .ok()
        .or_else(|| NUMBER_WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v))
}

const NUM: &str = r"(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)";

static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(
        r"(?i)\b{NUM}\s*(?:\+|plus)?\s*(?:\(\d+\)\s*)?(?:(?:-|–|—|to|or)\s*{NUM}\s*\+?\s*)?(?:full[- ]time\s+)?(?:years?|yrs?)\b(?:\s+old)?"
    ))
    .expect("valid regex")
});

static AT_LEAST_N_OF: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(&format!(
        r"(?i)\b(?:at\s+least\s+{NUM}\s+(?:of|from)\b|{NUM}\s+or\s+more\s+of\b|{NUM}\+\s+of\b)"
    ))
    .expect("valid regex")
});

static ANY_OF: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)\b(?:one\s+or\s+more|one\s+of|any\s+of|at\s+least\s+one|either|and/or|such\s+as|e\.\s?g\.?|for\s+example|for\s+instance|like|including|or\s+similar|or\s+equivalent|or\s+other|or\s+another|similar\s+to|etc)\b",
    )
    .expect("valid regex")
});

/// Years asked, taking the lower bound of a range ("2-4 years" → 2). Ages ("18 years old")
/// are not experience.
pub fn years(text: &str) -> Option<f32> {
    YEARS.captures_iter(text).find_map(|c| {
        if text[c.get_match()?.range()]
            .to_ascii_lowercase()
            .ends_with("old")
        {
            return None;
        }
        let first = &text[c.get_group(1)?.range()];
        let low = number(first)? as f32;
        let low = first.parse::<f32>().ok().unwrap_or(low);
        (low > 0.0 && low <= 40.0).then_some(low)
    })
}

/// How many of `skills` (mentioned in `text` at `mentions`) the text asks for.
pub fn min_count(text: &str, mentions: &[Mention], skills: usize) -> usize {
    if skills <= 1 {
        return skills;
    }
    if let Some(c) = AT_LEAST_N_OF.captures_iter(text).next()
        && let Some(n) = c
            .iter()
            .skip(1)
            .flatten()
            .find_map(|m| number(&text[m.range()]))
    {
        return (n as usize).clamp(1, skills);
    }
    if ANY_OF.is_match(text) {
        return 1;
    }
    // "Python or Go", "Kotlin/Java": alternatives between consecutive skills. A category
    // followed by examples — "Agile (Scrum, XP)", "Containers – Docker, Kubernetes",
    // "Cloud: AWS, GCP" — asks for the category, which any one example shows.
    let alternatives = mentions.windows(2).any(|w| {
        let gap = text[w[0].end..w[1].start].to_ascii_lowercase();
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
pub fn proficiency(text: &str) -> Option<Proficiency> {
    let t = text.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&[
        "basic",
        "familiarity",
        "familiar with",
        "exposure to",
        "interest in",
        "awareness of",
        "introductory",
    ]) {
        Some(Proficiency::Basic)
    } else if has(&["expert", "mastery", "deep expertise", "authority on"]) {
        Some(Proficiency::Expert)
    } else if has(&[
        "strong",
        "solid",
        "advanced",
        "proficien",
        "skilled",
        "extensive",
        "in-depth",
        "in depth",
        "deep ",
        "excellent",
        "fluent",
        "thorough",
    ]) {
        Some(Proficiency::Advanced)
    } else if has(&[
        "experience",
        "working knowledge",
        "knowledge of",
        "hands-on",
        "understanding of",
        "comfortable",
        "ability to",
    ]) {
        Some(Proficiency::Working)
    } else {
        None
    }
}

static DEGREE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)\b(high[\s-]school|GED|secondary school|associate'?s?|bachelor'?s?|B\.?\s?S\.?c?|B\.?A\.?|BSc|BEng|BSN|undergraduate|master'?s?|M\.?S\.?c?|MSc|MBA|MEng|Ph\.?\s?D\.?|doctorate|doctoral)(?:\s+(?:degree|diploma|level))?\b",
    )
    .expect("valid regex")
});

static DEGREE_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)\b(degree|diploma|graduate|graduated|bachelor|master|ph\.?\s?d|doctorate|high school|GED|university|college|BSN|MSc|BSc|MBA|equivalent)\b|\b(?-i:BS|MS|BA|MA|B\.S|M\.S)\b")
        .expect("valid regex")
});

static PLAIN_DEGREE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)\b(?:(?:university|college|academic|undergraduate|four[- ]year)\s+degree|degree\s+in\b|\w+\s+degree\b)")
        .expect("valid regex")
});

static OR_EXPERIENCE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)(or\s+(?:an?\s+)?(?:equivalent|comparable|related|relevant|similar)|equivalent\s+(?:practical\s+|work\s+|professional\s+)?experience|in\s+lieu|or\s+\d+\+?\s+years|combination\s+of\s+education\s+and\s+experience)")
        .expect("valid regex")
});

/// The lowest degree the text names as acceptable, and whether experience may replace it.
pub fn education(text: &str) -> Option<Education> {
    if !DEGREE_CONTEXT.is_match(text) {
        return None;
    }
    let named = DEGREE
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get_group(1)?;
            let word = &text[m.range()];
            // Part of a product or part number ("BlueNRG-MS"), not a degree.
            let glued = text[..m.start].ends_with('-') || text[m.end..].starts_with('-');
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
        PLAIN_DEGREE
            .is_match(text)
            .then_some(EducationLevel::Bachelor)
    })?;
    Some(Education {
        level,
        or_experience: OR_EXPERIENCE.is_match(text),
    })
}

static REQUIREMENT_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?ix)
        ^(?:you\s+(?:will\s+)?(?:have|bring|are|possess|know|should\s+have|must\s+have)\b
          |(?:have|has|having|possess)\b
          |(?:experience|experienced|knowledge|understanding|understand|familiarity|familiar|exposure|proficien\w*|expertise|expert|background|fluen\w*|mastery|working\s+knowledge)\b
          |(?:strong|solid|excellent|good|deep|proven|demonstrated|extensive|hands[\s-]on|practical|advanced|basic|prior|previous|professional|some)\b
          |(?:must|required|requires|minimum|at\s+least|ability|able|skilled|comfortable|certified|certification|licen[cs]ed?|degree|bachelor|master|ph\.?d)\b
          |\d+\+?\s*(?:years?|yrs))
        |\b(?:\d+\+?\s*years?\s+(?:of\s+)?(?:\w+\s+){0,3}experience|years?\s+of\s+(?:\w+\s+){0,3}experience|experience\s+(?:with|in|using|of|building|developing|working)|knowledge\s+of|proficien\w+\s+(?:in|with)|is\s+required|are\s+required|must\s+have|(?:candidates?|applicants?)\s+(?:should|must|will\s+need)|(?:successful|ideal|qualified)\s+(?:candidates?|applicants?)\s+(?:has|have|is|are|will))\b",
    )
    .expect("valid regex")
});

static PREFERRED_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)\b(?:a\s+plus|is\s+a\s+bonus|bonus\s+points?|nice\s+to\s+have|nice-to-have|preferred|preferably|desirable|desired|ideally|advantageous|an\s+advantage|would\s+be\s+great|is\s+welcome|a\s+big\s+plus|plus\b)")
        .expect("valid regex")
});

/// Phrased as something the candidate must have or be?
pub fn requirement_like(text: &str) -> bool {
    REQUIREMENT_LIKE.is_match(text.trim_start_matches(|c: char| !c.is_alphanumeric()))
}

/// Phrased as a nice-to-have ("... is a plus")?
pub fn preferred_like(text: &str) -> bool {
    PREFERRED_LIKE.is_match(text)
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
