//! Candidate profiles: the [`Profile`] model and the native format (TOML or JSON, one schema,
//! documented in `docs/profiles.md`). Skill names are resolved to taxonomy ids here, at the
//! edge, so the matcher compares integers; names the taxonomy does not know are kept for
//! reporting. Free text (`summary`) is kept as text: the matcher mines it for the skills its
//! posting asks about.

use serde::Deserialize;

use crate::error::{InputError, line_of};
use crate::requirement::{EducationLevel, Proficiency};
use crate::skill::{SkillId, Taxonomy};

/// A skill the candidate claims.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileSkill {
    pub skill: SkillId,
    /// The spelling the profile used.
    pub written: String,
    pub level: Option<Proficiency>,
    pub years: Option<f32>,
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

/// The native schema as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    id: Option<String>,
    name: Option<String>,
    #[serde(default)]
    skills: Vec<RawSkill>,
    years_experience: Option<f32>,
    #[serde(default)]
    education: Vec<RawDegree>,
    #[serde(default)]
    certifications: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    summary: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawSkill {
    Name(String),
    Full {
        name: String,
        level: Option<String>,
        years: Option<f32>,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDegree {
    level: Option<String>,
    field: Option<String>,
}

/// The serialisation a profile file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    Json,
}

impl Format {
    /// By file extension; `None` for anything else.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// Reads one native profile. `origin` names the input in errors; `default_id` is used when the
/// profile has no `id` (the CLI passes the file stem).
pub fn parse(
    text: &str,
    format: Format,
    origin: &str,
    default_id: &str,
    taxonomy: &Taxonomy,
) -> Result<Profile, InputError> {
    let raw: RawProfile = match format {
        Format::Toml => toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            InputError::new(origin, line, e.message().trim().to_string())
        })?,
        Format::Json => serde_json::from_str(text)
            .map_err(|e| InputError::new(origin, Some(e.line() as u32), json_message(&e)))?,
    };
    resolve(raw, origin, default_id, taxonomy)
}

/// serde_json's message without its own " at line N column M" suffix.
pub fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

fn resolve(
    raw: RawProfile,
    origin: &str,
    default_id: &str,
    taxonomy: &Taxonomy,
) -> Result<Profile, InputError> {
    let bad = |msg: String| InputError::new(origin, None, msg);
    let mut profile = Profile {
        id: raw
            .id
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| default_id.to_string()),
        name: raw.name,
        years_experience: check_years(raw.years_experience, "years_experience").map_err(bad)?,
        certifications: raw.certifications,
        languages: raw.languages,
        summary: raw.summary,
        ..Profile::default()
    };
    for skill in raw.skills {
        let (name, level, years) = match skill {
            RawSkill::Name(name) => (name, None, None),
            RawSkill::Full { name, level, years } => (name, level, years),
        };
        let level = match level.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => None,
            Some(word) => Some(Proficiency::parse(word).ok_or_else(|| {
                bad(format!(
                    "skill {name:?}: unknown level {word:?} (expected basic, working, advanced or expert)"
                ))
            })?),
        };
        let years = check_years(years, &format!("skill {name:?}: years")).map_err(bad)?;
        match taxonomy.lookup(&name) {
            Some(id) => profile.skills.push(ProfileSkill {
                skill: id,
                written: name,
                level,
                years,
            }),
            None if name.trim().is_empty() => {}
            None => profile.unknown_skills.push(name),
        }
    }
    for degree in raw.education {
        let level = match degree.level.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => None,
            Some(word) => Some(EducationLevel::parse(word).ok_or_else(|| {
                bad(format!(
                    "education: unknown level {word:?} (expected high_school, associate, bachelor, master or phd)"
                ))
            })?),
        };
        profile.education.push(Degree {
            level,
            field: degree.field,
        });
    }
    // Certifications and languages are skills too when the taxonomy knows them.
    let extra: Vec<String> = profile
        .certifications
        .iter()
        .chain(&profile.languages)
        .cloned()
        .collect();
    for name in extra {
        if let Some(id) = taxonomy.lookup(&name)
            && !profile.skills.iter().any(|s| s.skill == id)
        {
            profile.skills.push(ProfileSkill {
                skill: id,
                written: name,
                level: None,
                years: None,
            });
        }
    }
    Ok(profile)
}

fn check_years(years: Option<f32>, what: &str) -> Result<Option<f32>, String> {
    match years {
        Some(y) if !y.is_finite() || !(0.0..=80.0).contains(&y) => {
            Err(format!("{what} must be between 0 and 80, got {y}"))
        }
        other => Ok(other),
    }
}
