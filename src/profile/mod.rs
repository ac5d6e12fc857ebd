//! Candidate profiles: the [`Profile`] model and every format a profile arrives in, one file
//! per format: [`native`] (TOML or JSON, one schema, documented in `docs/profiles.md`),
//! [`json_resume`] (JSON Resume v1, told from native JSON by content in [`json`]), [`text`]
//! (free-text and markdown resumes), and [`stream`] (JSON Lines of either JSON kind). Dates
//! are in [`date`].
//!
//! Skill names are resolved to taxonomy ids here, at the edge, so the matcher compares
//! integers; a [`SkillCache`] per worker remembers each distinct spelling's id. Names the
//! taxonomy does not know are kept for reporting. Free text (`summary`) is kept as text: the
//! matcher mines it for the skills its posting asks about.
//!
//! The library reads text it is given; finding files and reading them is the CLI's business.

pub mod date;
mod fast_hash;
pub mod json;
pub mod json_resume;
pub mod native;
pub mod stream;
pub mod text;

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::error::InputError;
use crate::requirement::{EducationLevel, Proficiency};
use crate::skill::{Extractor, Mention, SkillId, Taxonomy};
use date::Month;
use fast_hash::FastMap;

/// A skill the candidate claims.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileSkill {
    pub skill: SkillId,
    /// The spelling the profile used.
    pub written: String,
    pub level: Option<Proficiency>,
    pub years: Option<f32>,
    /// Where it was found when not simply listed: "work: Backend Engineer, Acme 2019-03..2021-06
    /// (2.3 years)", "skills: Web Development", "text line 12". `None` also when the
    /// [`Loader`] was told not to note sources.
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Degree {
    pub level: Option<EducationLevel>,
    pub field: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    pub id: String,
    pub name: Option<String>,
    pub skills: Vec<ProfileSkill>,
    /// Listed skill names the taxonomy does not know.
    pub unknown_skills: Vec<String>,
    pub years_experience: Option<f32>,
    pub education: Vec<Degree>,
    pub certifications: Vec<String>,
    pub languages: Vec<String>,
    pub summary: Option<String>,
}

impl Profile {
    /// Highest education level stated.
    pub fn highest_education(&self) -> Option<EducationLevel> {
        self.education.iter().filter_map(|d| d.level).max()
    }

    /// Nothing a posting could be checked against.
    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
            && self.years_experience.is_none()
            && self.education.iter().all(|d| d.level.is_none())
            && self.certifications.is_empty()
            && self.summary.as_deref().is_none_or(|s| s.trim().is_empty())
    }
}

/// The serialisation a profile is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Native TOML.
    Toml,
    /// One JSON object: native or JSON Resume, told apart by content.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// A free-text or markdown resume.
    Text,
}

impl Format {
    /// By file extension; `None` for anything else.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "md" | "markdown" | "txt" => Some(Format::Text),
            _ => None,
        }
    }
}

/// Where a record came from: the name errors use, its line for a record of a stream, and the
/// stem of the id to give a profile that has none (see [`Origin::default_id`]).
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    pub name: &'a str,
    pub line: Option<u32>,
    pub stem: &'a str,
}

impl Origin<'_> {
    /// The id of a profile that has none: the stem, plus `:LINE` for a record of a stream.
    /// Built only when asked for, since most records carry an id.
    pub fn default_id(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{l}", self.stem),
            None => self.stem.to_string(),
        }
    }
}

/// Remembers what each distinct spelling read as, one per worker thread: skill names to
/// taxonomy ids, level words to proficiencies and degree names to education levels (native
/// profiles and JSON Resumes read levels and degrees by different rules, so each has its own
/// memo). Records repeat the same few spellings, so each is read once, not once per record.
#[derive(Debug, Default)]
pub struct SkillCache {
    skills: Memo<Option<SkillId>>,
    levels: Memo<Option<Proficiency>>,
    resume_levels: Memo<(Option<Proficiency>, Option<f32>)>,
    degrees: Memo<Option<EducationLevel>>,
    resume_degrees: Memo<Option<EducationLevel>>,
    /// Short names and titles to the mentions the loader's extractor finds in them.
    names: Memo<Vec<Mention>>,
}

/// Longest name or title whose mentions [`SkillCache::mentions`] remembers.
const NAME_LIMIT: usize = 64;

/// Spellings one memo remembers before it starts over (bounds memory on hostile input).
const CACHE_LIMIT: usize = 100_000;

/// A pure function of a spelling, remembered per distinct spelling.
#[derive(Debug)]
struct Memo<V> {
    map: FastMap<Box<str>, V>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            map: FastMap::default(),
        }
    }
}

impl<V> Memo<V> {
    /// The value `read` gives for `key`, read only the first time `key` is asked.
    fn get_ref(&mut self, key: &str, read: impl FnOnce(&str) -> V) -> &V {
        if !self.map.contains_key(key) {
            if self.map.len() >= CACHE_LIMIT {
                self.map.clear();
            }
            self.map.insert(key.into(), read(key));
        }
        &self.map[key]
    }

    fn get(&mut self, key: &str, read: impl FnOnce(&str) -> V) -> V
    where
        V: Copy,
    {
        *self.get_ref(key, read)
    }
}

impl SkillCache {
    pub fn lookup(&mut self, taxonomy: &Taxonomy, name: &str) -> Option<SkillId> {
        self.skills.get(name, |name| taxonomy.lookup(name))
    }

    /// The hash seed of this worker's maps, for per-record maps that would otherwise draw
    /// a seed of their own every record.
    pub(crate) fn hash_state(&self) -> fast_hash::FastState {
        *self.skills.map.hasher()
    }

    /// A native profile's level word ([`Proficiency::parse`]).
    pub fn level(&mut self, word: &str) -> Option<Proficiency> {
        self.levels.get(word, Proficiency::parse)
    }

    /// A JSON Resume skill level ([`json_resume::resume_level`]).
    pub fn resume_level(&mut self, text: &str) -> (Option<Proficiency>, Option<f32>) {
        self.resume_levels.get(text, json_resume::resume_level)
    }

    /// A native profile's education level ([`EducationLevel::parse`]).
    pub fn degree(&mut self, word: &str) -> Option<EducationLevel> {
        self.degrees.get(word, EducationLevel::parse)
    }

    /// The mentions `extractor` finds in a name or title (a work entry's position or
    /// organisation, a resume's label). Such short fields repeat across records, so each
    /// distinct one is mined once; anything longer than [`NAME_LIMIT`] bytes is mined every
    /// time. One cache serves one extractor.
    pub fn mentions(&mut self, extractor: &Extractor, text: &str) -> Cow<'_, [Mention]> {
        if text.len() > NAME_LIMIT {
            return Cow::Owned(extractor.find(text));
        }
        Cow::Borrowed(self.names.get_ref(text, |text| extractor.find(text)))
    }

    /// A JSON Resume degree ([`json_resume::education_level`]).
    pub fn resume_degree(&mut self, text: &str) -> Option<EducationLevel> {
        self.resume_degrees.get(text, json_resume::education_level)
    }
}

/// Everything reading profiles needs, built once and shared by all threads.
pub struct Loader<'t> {
    taxonomy: &'t Taxonomy,
    /// Over the whole taxonomy, for resumes' prose.
    extractor: Extractor,
    /// "Today", for open-ended work entries.
    as_of: Month,
    /// Whether to note where each skill was found ([`ProfileSkill::source`]).
    sources: bool,
}

/// "5 years of experience" in a free-text resume. Compiled on first use: a stream of JSON
/// records never needs it.
static YEARS_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\b[^.\n]{0,40}?\bexperience")
        .expect("valid regex")
});

/// Degree names in a free-text resume; compiled on first use.
static DEGREE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(ph\.?\s?d|doctorate|master'?s?|m\.?sc|mba|bachelor'?s?|b\.?sc|b\.?eng|associate'?s? degree|high school)\b",
    )
    .expect("valid regex")
});

impl<'t> Loader<'t> {
    /// `as_of` is the month open-ended dates ("Present") stand for.
    pub fn new(taxonomy: &'t Taxonomy, as_of: Month) -> Self {
        Loader {
            taxonomy,
            extractor: Extractor::new(taxonomy),
            as_of,
            sources: true,
        }
    }

    /// Whether profiles note where each skill was found ([`ProfileSkill::source`]; on by
    /// default). Only explanations show the notes, and building them costs more than
    /// reading the record, so a run that explains nothing turns them off.
    pub fn with_sources(mut self, sources: bool) -> Self {
        self.sources = sources;
        self
    }

    pub fn taxonomy(&self) -> &'t Taxonomy {
        self.taxonomy
    }

    /// Reads one profile (one line of a JSON Lines stream counts as [`Format::Json`]).
    pub fn parse(
        &self,
        text: &str,
        format: Format,
        origin: &Origin,
        cache: &mut SkillCache,
    ) -> Result<Profile, InputError> {
        match format {
            Format::Toml => native::parse_toml(text, origin, self.taxonomy, cache),
            Format::Json | Format::JsonLines => self.parse_json(text, origin, cache),
            Format::Text => Ok(text::parse(text, origin, self)),
        }
    }

    fn parse_json(
        &self,
        text: &str,
        origin: &Origin,
        cache: &mut SkillCache,
    ) -> Result<Profile, InputError> {
        // Most records are native ones written as the schema says; anything else (a JSON
        // Resume, loose types, a broken record) is read again leniently.
        if let Ok(native) = json::read_native(text) {
            return native::resolve(native, origin, self.taxonomy, cache);
        }
        self.parse_json_leniently(text, origin, cache)
    }

    fn parse_json_leniently(
        &self,
        text: &str,
        origin: &Origin,
        cache: &mut SkillCache,
    ) -> Result<Profile, InputError> {
        let rec = json::read(text).map_err(|e| {
            let line = match origin.line {
                Some(l) => l + e.line().saturating_sub(1) as u32,
                None => e.line() as u32,
            };
            InputError::new(origin.name, Some(line), json_message(&e))
        })?;
        if rec.is_json_resume() {
            return Ok(json_resume::resolve(&rec, origin, self, cache));
        }
        if let Some(key) = &rec.unknown {
            return Err(InputError::new(
                origin.name,
                origin.line,
                format!(
                    "unknown field `{key}`, expected one of {} (or a JSON Resume)",
                    json::NATIVE_FIELDS
                ),
            ));
        }
        use json::Obj;
        use std::borrow::Cow::Borrowed;
        let native = native::Native {
            id: rec.id.get().map(Borrowed),
            name: rec.name.get().map(Borrowed),
            skills: Obj::iter(&rec.skills)
                .filter_map(|s| {
                    Some(native::NativeSkill {
                        name: Borrowed(s.name.get()?),
                        level: s.level.get().map(Borrowed),
                        years: s.years.0,
                    })
                })
                .collect(),
            years_experience: rec.years_experience,
            education: Obj::iter(&rec.education)
                .map(|d| (d.level.get().map(Borrowed), d.field.get().map(Borrowed)))
                .collect(),
            certifications: Obj::iter(&rec.certifications)
                .filter_map(|c| c.name.get().map(Borrowed))
                .collect(),
            languages: Obj::iter(&rec.languages)
                .filter_map(|l| l.get().map(Borrowed))
                .collect(),
            summary: rec.summary.get().map(Borrowed),
        };
        native::resolve(native, origin, self.taxonomy, cache)
    }
}

/// serde_json's message without its own " at line N column M" suffix.
pub fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_and_lenient_json_readings_agree() {
        let taxonomy = Taxonomy::embedded();
        let loader = Loader::new(&taxonomy, Month::new(2026, 11));
        let edge = [
            r#"{"id":"e1","name":"Z\u00f6e","years_experience":4.7,"summary":" Go and \u0050ython ","skills":[{"name":"Python","level":"expert","years":2.7},{"name":"java","years":3.3333333},{"name":"  ","level":"basic"},{"name":"C++","level":null,"years":null}],"education":[{"level":"bachelor","field":"CS"},{}],"certifications":["AWS",null," "],"languages":["English"]}"#,
            r#"{"skills":[{"name":"Go","years":16777217}],"years_experience":0.30000000000000004}"#,
            r#"{"id":" ","skills":null,"education":null,"name":null,"languages":null}"#,
            r#"{"id":"x","skills":[{"name":"SQL","years":1e1},{"name":"Rust","years":-0.0}]}"#,
            r#"{}"#,
        ];
        let fixtures = include_str!("../../fixtures/profiles-small.jsonl");
        for (i, line) in edge.iter().copied().chain(fixtures.lines()).enumerate() {
            // The edge cases are all plain native records; the fixtures mix in other shapes.
            assert!(
                i >= edge.len() || json::read_native(line).is_ok(),
                "record {i}"
            );
            let origin = Origin {
                name: "t.jsonl",
                line: Some(i as u32 + 1),
                stem: "t",
            };
            let typed = loader.parse_json(line, &origin, &mut SkillCache::default());
            let lenient = loader.parse_json_leniently(line, &origin, &mut SkillCache::default());
            assert_eq!(format!("{typed:?}"), format!("{lenient:?}"), "record {i}");
        }
    }
}
