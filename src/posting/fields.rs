//! The posting's own fields read from its text: the job title and the company, from a role
//! sentence ("As a Back End Developer Intern you ..."), a one-line header ("Acme | Berlin |
//! Senior Data Engineer | ..."), or a top heading that names a role.

/// Words that name a role: a heading or header segment with one of them is a job title.
const ROLE_WORDS: &[&str] = &[
    "accountant",
    "administrator",
    "advocate",
    "analyst",
    "architect",
    "assistant",
    "consultant",
    "coordinator",
    "designer",
    "developer",
    "director",
    "engineer",
    "executive",
    "head",
    "intern",
    "lead",
    "manager",
    "marketer",
    "nurse",
    "officer",
    "programmer",
    "recruiter",
    "representative",
    "researcher",
    "scientist",
    "specialist",
    "strategist",
    "technician",
    "tester",
    "writer",
];

/// Does `text` name a role ("Senior Interaction Designer", "Head of Support")?
pub fn names_a_role(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| ROLE_WORDS.iter().any(|r| w.eq_ignore_ascii_case(r)))
}

/// "As a Back End Developer Intern you ..." → "Back End Developer Intern".
pub fn title_from_role_sentence(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("As a ")
        .or_else(|| text.strip_prefix("As an "))?;
    let words: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .collect();
    (words.len() >= 2 && words.len() <= 8).then(|| {
        words
            .join(" ")
            .trim_end_matches([',', ':', '*'])
            .to_string()
    })
}

/// A one-line header of three or more segments joined by " | " or dashes, company first:
/// "Acme (Remote EU) — Senior Data Engineer — Python / Airflow" → ("Acme", "Senior Data
/// Engineer"). The title is the first later segment that names a role, without a location
/// written before it ("Berlin, DE (Hybrid) Staff Engineer" → "Staff Engineer").
pub fn header_line(text: &str) -> Option<(String, String)> {
    let line = text.lines().next()?;
    let segments: Vec<&str> = line
        .split(" | ")
        .flat_map(|s| s.split(" \u{2014} "))
        .flat_map(|s| s.split(" \u{2013} "))
        .map(str::trim)
        .collect();
    if segments.len() < 3 {
        return None;
    }
    let company = segments[0]
        .split_once('(')
        .map_or(segments[0], |(name, _)| name)
        .trim();
    if !(1..=4).contains(&company.split_whitespace().count()) {
        return None;
    }
    let title = segments[1..]
        .iter()
        .find(|s| s.split_whitespace().count() <= 10 && names_a_role(s))?;
    let tail = title.rsplit([')', ',']).next().unwrap_or(title).trim();
    let title = if names_a_role(tail) { tail } else { title };
    Some((company.to_string(), title.to_string()))
}
