//! The native profile schema (documented in `docs/profiles.md`), read from TOML here and from
//! JSON by [`super::json`]; both end in [`resolve`], which validates levels and years and
//! resolves skill names to taxonomy ids.

use std::borrow::Cow;

use serde::Deserialize;

use super::{Origin, Profile, ProfileSkill, SkillCache};
use crate::error::{InputError, line_of};
use crate::profile::Degree;
use crate::skill::Taxonomy;

/// A native profile with its strings borrowed from wherever it was read (owned only where
/// the JSON text had escapes).
#[derive(Debug, Default)]
pub struct Native<'a> {
    pub id: Option<Cow<'a, str>>,
    pub name: Option<Cow<'a, str>>,
    pub skills: Vec<NativeSkill<'a>>,
    pub years_experience: Option<f32>,
    pub education: Vec<NativeDegree<'a>>,
    pub certifications: Vec<Cow<'a, str>>,
    pub languages: Vec<Cow<'a, str>>,
    pub summary: Option<Cow<'a, str>>,
}

/// A degree's level and field, as written.
pub type NativeDegree<'a> = (Option<Cow<'a, str>>, Option<Cow<'a, str>>);

#[derive(Debug, Default)]
pub struct NativeSkill<'a> {
    pub name: Cow<'a, str>,
    pub level: Option<Cow<'a, str>>,
    pub years: Option<f32>,
}

/// A native candidate profile (TOML or JSON); `docs/profiles.md`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Profile")]
struct TomlProfile {
    /// The candidate's id in output; default: the file stem (`stem:LINE` in a stream).
    id: Option<String>,
    /// Display name.
    name: Option<String>,
    /// Skills: names, or tables with a level and years.
    #[serde(default)]
    skills: Vec<TomlSkill>,
    /// Total professional experience, 0 to 80 years.
    #[schemars(range(min = 0, max = 80))]
    years_experience: Option<f32>,
    #[serde(default)]
    education: Vec<TomlDegree>,
    /// Also skills when the taxonomy knows them.
    #[serde(default)]
    certifications: Vec<String>,
    /// Also skills when the taxonomy knows them.
    #[serde(default)]
    languages: Vec<String>,
    /// Free text, mined for the skills a posting asks about.
    summary: Option<String>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "Skill")]
enum TomlSkill {
    /// A skill name (taxonomy names and aliases are recognised).
    Name(String),
    Full {
        name: String,
        /// basic, working, advanced or expert (beginner, intermediate, proficient, ... are
        /// read too).
        level: Option<String>,
        #[schemars(range(min = 0, max = 80))]
        years: Option<f32>,
    },
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Degree")]
struct TomlDegree {
    /// high_school, associate, bachelor, master or phd (degree names such as BSc are read too).
    level: Option<String>,
    /// The field of study.
    field: Option<String>,
}

/// The JSON Schema of the native profile format, generated from the type that reads it.
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(TomlProfile)
}

/// Reads a native profile written in TOML.
pub fn parse_toml(
    text: &str,
    origin: &Origin,
    taxonomy: &Taxonomy,
    cache: &mut SkillCache,
) -> Result<Profile, InputError> {
    let raw: TomlProfile = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        InputError::new(origin.name, line, e.message().trim().to_string())
    })?;
    let native = Native {
        id: raw.id.map(Cow::Owned),
        name: raw.name.map(Cow::Owned),
        skills: raw
            .skills
            .into_iter()
            .map(|s| match s {
                TomlSkill::Name(name) => NativeSkill {
                    name: Cow::Owned(name),
                    ..NativeSkill::default()
                },
                TomlSkill::Full { name, level, years } => NativeSkill {
                    name: Cow::Owned(name),
                    level: level.map(Cow::Owned),
                    years,
                },
            })
            .collect(),
        years_experience: raw.years_experience,
        education: raw
            .education
            .into_iter()
            .map(|d| (d.level.map(Cow::Owned), d.field.map(Cow::Owned)))
            .collect(),
        certifications: raw.certifications.into_iter().map(Cow::Owned).collect(),
        languages: raw.languages.into_iter().map(Cow::Owned).collect(),
        summary: raw.summary.map(Cow::Owned),
    };
    resolve(native, origin, taxonomy, cache)
}

/// Validates a native profile and resolves its skills.
pub fn resolve(
    raw: Native,
    origin: &Origin,
    taxonomy: &Taxonomy,
    cache: &mut SkillCache,
) -> Result<Profile, InputError> {
    let bad = |msg: String| InputError::new(origin.name, origin.line, msg);
    let mut profile = Profile {
        id: raw
            .id
            .filter(|s| !s.trim().is_empty())
            .map_or_else(|| origin.default_id(), Cow::into_owned),
        name: raw.name.map(Cow::into_owned),
        years_experience: check_years(raw.years_experience, || "years_experience".into())
            .map_err(bad)?,
        certifications: raw.certifications.iter().map(|s| s.to_string()).collect(),
        languages: raw.languages.iter().map(|s| s.to_string()).collect(),
        summary: raw.summary.map(Cow::into_owned),
        // Room for every skill listed and every certification or language that may be one,
        // so the vector is not regrown record after record.
        skills: Vec::with_capacity(
            raw.skills.len() + raw.certifications.len() + raw.languages.len(),
        ),
        education: Vec::with_capacity(raw.education.len()),
        ..Profile::default()
    };
    for skill in raw.skills {
        let name = skill.name;
        let level = match skill.level.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => None,
            Some(word) => Some(cache.level(word).ok_or_else(|| {
                bad(format!(
                    "skill {name:?}: unknown level {word:?} (expected basic, working, advanced or expert)"
                ))
            })?),
        };
        let years = check_years(skill.years, || format!("skill {name:?}: years")).map_err(bad)?;
        match cache.lookup(taxonomy, &name) {
            Some(id) => profile.skills.push(ProfileSkill {
                skill: id,
                written: name.into_owned(),
                level,
                years,
                source: None,
            }),
            None if name.trim().is_empty() => {}
            None => profile.unknown_skills.push(name.into_owned()),
        }
    }
    for (level, field) in raw.education {
        let level = match level.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => None,
            Some(word) => Some(cache.degree(word).ok_or_else(|| {
                bad(format!(
                    "education: unknown level {word:?} (expected high_school, associate, bachelor, master or phd)"
                ))
            })?),
        };
        profile.education.push(Degree {
            level,
            field: field.map(Cow::into_owned),
        });
    }
    // Certifications and languages are skills too when the taxonomy knows them.
    for name in raw.certifications.iter().chain(&raw.languages) {
        if let Some(id) = cache.lookup(taxonomy, name)
            && !profile.skills.iter().any(|s| s.skill == id)
        {
            profile.skills.push(ProfileSkill {
                skill: id,
                written: name.to_string(),
                level: None,
                years: None,
                source: None,
            });
        }
    }
    Ok(profile)
}

/// `what` names the field in the message, built only for a bad value.
fn check_years(years: Option<f32>, what: impl FnOnce() -> String) -> Result<Option<f32>, String> {
    match years {
        Some(y) if !y.is_finite() || !(0.0..=80.0).contains(&y) => {
            Err(format!("{} must be between 0 and 80, got {y}", what()))
        }
        other => Ok(other),
    }
}
