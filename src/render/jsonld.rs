//! `jobmatch parse --format jsonld`: a parsed posting as a schema.org `JobPosting`, so it can
//! feed job boards and search engines, and be read back by `jobmatch parse`.
//!
//! The requirements go into an HTML `description` under a "Requirements" and a "Preferred
//! qualifications" heading, which the section parser reads back to the same requirements;
//! `skills` lists every skill asked for, then the ones only mentioned; the overall years and
//! degree are `experienceRequirements` (`monthsOfExperience`) and `educationRequirements`
//! (`credentialCategory`, with `educationalLevel` telling a doctorate from a master's).

use schemars::JsonSchema;
use serde::Serialize;

use super::views::PostingView;
use crate::posting::jsonld::credential_category;
use crate::requirement::{EducationLevel, Importance};

/// A schema.org JobPosting as `jobmatch parse --format jsonld` writes it (one object, or an
/// array of them for several postings).
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct JobPosting {
    #[serde(rename = "@context")]
    #[schemars(extend("const" = "https://schema.org/"))]
    pub context: &'static str,
    #[serde(rename = "@type")]
    #[schemars(extend("const" = "JobPosting"))]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hiring_organization: Option<Typed<Named>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_location: Option<Typed<Place>>,
    /// `TELECOMMUTE` when the location says remote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_location_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employment_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_salary: Option<Typed<Amount>>,
    /// Every skill asked for, then those only mentioned (canonical names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    /// The required requirements' texts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifications: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience_requirements: Option<Typed<Months>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education_requirements: Option<Typed<Credential>>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub experience_in_place_of_education: bool,
    /// HTML: a "Requirements" and a "Preferred qualifications" list.
    pub description: String,
}

/// A node with its schema.org `@type`.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "{T}Node")]
pub struct Typed<T> {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(flatten)]
    pub value: T,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Named {
    pub name: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Place {
    pub address: Typed<Address>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// The location as the posting states it.
    pub address_locality: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Amount {
    /// The pay as the posting states it.
    pub value: String,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Months {
    /// 12 × the posting's `min_years`.
    pub months_of_experience: f32,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Credential {
    /// `high school`, `associate degree`, `bachelor degree` or `postgraduate degree`.
    pub credential_category: &'static str,
    /// `doctoral degree` for a doctorate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub educational_level: Option<&'static str>,
}

fn typed<T>(kind: &'static str, value: T) -> Typed<T> {
    Typed { kind, value }
}

/// The `JobPosting` for one parsed posting.
pub fn job_posting(v: &PostingView) -> JobPosting {
    let mut skills: Vec<String> = Vec::new();
    for s in v
        .requirements
        .iter()
        .flat_map(|r| &r.skills)
        .chain(&v.mentioned)
    {
        if !skills.contains(&s.name) {
            skills.push(s.name.clone());
        }
    }
    let texts = |importance: Importance| -> Vec<String> {
        v.requirements
            .iter()
            .filter(|r| r.importance == importance)
            .map(|r| r.text.clone())
            .collect()
    };
    let (required, preferred) = (texts(Importance::Required), texts(Importance::Preferred));
    let mut html = String::new();
    for (heading, items) in [
        ("Requirements", &required),
        ("Preferred qualifications", &preferred),
    ] {
        if items.is_empty() {
            continue;
        }
        html.push_str(&format!("<h2>{heading}</h2><ul>"));
        for item in items.iter() {
            html.push_str(&format!("<li>{}</li>", escape(item)));
        }
        html.push_str("</ul>");
    }
    JobPosting {
        context: "https://schema.org/",
        kind: "JobPosting",
        title: v.title.clone(),
        hiring_organization: v
            .company
            .clone()
            .map(|name| typed("Organization", Named { name })),
        job_location: v.location.clone().map(|l| {
            typed(
                "Place",
                Place {
                    address: typed(
                        "PostalAddress",
                        Address {
                            address_locality: l,
                        },
                    ),
                },
            )
        }),
        job_location_type: v
            .location
            .as_deref()
            .filter(|l| l.to_ascii_lowercase().contains("remote"))
            .map(|_| "TELECOMMUTE"),
        employment_type: v.employment_type.clone(),
        base_salary: v
            .salary
            .clone()
            .map(|value| typed("MonetaryAmount", Amount { value })),
        skills,
        qualifications: required,
        experience_requirements: v.min_years.map(|y| {
            typed(
                "OccupationalExperienceRequirements",
                Months {
                    months_of_experience: (y * 12.0).round(),
                },
            )
        }),
        education_requirements: v.education.map(|e| {
            typed(
                "EducationalOccupationalCredential",
                Credential {
                    credential_category: credential_category(e.level),
                    educational_level: (e.level == EducationLevel::Phd)
                        .then_some("doctoral degree"),
                },
            )
        }),
        experience_in_place_of_education: v.education.is_some_and(|e| e.or_experience),
        description: html,
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
