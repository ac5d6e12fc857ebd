//! The requirement model: what a parsed posting asks of a candidate. Produced by [`crate::posting`],
//! consumed by [`crate::matcher`] and [`crate::render`]. Skills are [`SkillId`]s of the taxonomy
//! the posting was parsed with.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::skill::SkillId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    Required,
    Preferred,
}

/// How well a skill must be known, weakest first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Proficiency {
    Basic,
    Working,
    Advanced,
    Expert,
}

impl Proficiency {
    pub fn parse(word: &str) -> Option<Proficiency> {
        // Read for every skill of every profile: compared in place, no lower-cased copy.
        const WORDS: &[(&str, Proficiency)] = &[
            ("basic", Proficiency::Basic),
            ("beginner", Proficiency::Basic),
            ("novice", Proficiency::Basic),
            ("familiar", Proficiency::Basic),
            ("elementary", Proficiency::Basic),
            ("working", Proficiency::Working),
            ("intermediate", Proficiency::Working),
            ("good", Proficiency::Working),
            ("competent", Proficiency::Working),
            ("advanced", Proficiency::Advanced),
            ("strong", Proficiency::Advanced),
            ("proficient", Proficiency::Advanced),
            ("fluent", Proficiency::Advanced),
            ("expert", Proficiency::Expert),
            ("master", Proficiency::Expert),
            ("native", Proficiency::Expert),
        ];
        let word = word.trim();
        WORDS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(word))
            .map(|&(_, p)| p)
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    HighSchool,
    Associate,
    Bachelor,
    Master,
    Phd,
}

impl EducationLevel {
    pub fn parse(word: &str) -> Option<EducationLevel> {
        let w = word
            .trim()
            .to_ascii_lowercase()
            .replace(['\'', '’', '.', '-', '_'], "");
        let w = w.as_str();
        Some(match w {
            _ if w.starts_with("high") || w == "ged" || w == "secondary" => {
                EducationLevel::HighSchool
            }
            _ if w.starts_with("associate") || w == "aa" || w == "as" || w == "aas" => {
                EducationLevel::Associate
            }
            _ if w.starts_with("bachelor")
                || matches!(w, "bs" | "ba" | "bsc" | "beng" | "undergraduate" | "bsn") =>
            {
                EducationLevel::Bachelor
            }
            _ if w.starts_with("master") || matches!(w, "ms" | "msc" | "ma" | "mba" | "meng") => {
                EducationLevel::Master
            }
            _ if w.starts_with("phd") || w.starts_with("doctor") || w == "dphil" => {
                EducationLevel::Phd
            }
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Education {
    pub level: EducationLevel,
    /// "or equivalent experience": enough experience stands in for the degree.
    pub or_experience: bool,
}

/// Kinds of posting section, from the heading table in `posting::section`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Intro,
    Responsibilities,
    Required,
    Preferred,
    Benefits,
    Legal,
    Apply,
    Other,
}

/// A section of the posting as detected: for debugging and for tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    pub heading: String,
    pub kind: SectionKind,
    pub line: u32,
}

/// One thing the posting asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    pub importance: Importance,
    /// Checkable skills the requirement names, in order of first mention, without repeats.
    pub skills: Vec<SkillId>,
    /// Soft skills it names; reported, never scored.
    pub soft: Vec<SkillId>,
    /// How many of `skills` must be met (all of them unless the text says otherwise).
    pub min_count: usize,
    pub years: Option<f32>,
    pub proficiency: Option<Proficiency>,
    pub education: Option<Education>,
    /// The source sentence or item, on one line.
    pub text: String,
    /// 1-based line of the source where the item starts.
    pub line: u32,
    pub section: SectionKind,
}

/// A parsed posting.
#[derive(Debug, Clone, PartialEq)]
pub struct RequirementSet {
    /// Where it came from: the path, or `<stdin>`.
    pub source: String,
    pub title: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    pub employment_type: Option<String>,
    /// Pay as the posting states it (structured postings only): "USD 90000–120000 per year".
    pub salary: Option<String>,
    /// Overall minimum years of experience asked.
    pub min_years: Option<f32>,
    /// Minimum education asked.
    pub education: Option<Education>,
    pub requirements: Vec<Requirement>,
    /// Skills the posting uses in its responsibilities or stack without asking for them.
    pub mentioned: Vec<SkillId>,
    pub sections: Vec<Section>,
}
