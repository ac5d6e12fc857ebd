//! `jobmatch parse --format jsonld`: a parsed posting as a schema.org `JobPosting`, so it can
//! feed job boards and search engines, and be read back by `jobmatch parse`.
//!
//! The requirements go into an HTML `description` under a "Requirements" and a "Preferred
//! qualifications" heading, which the section parser reads back to the same requirements;
//! `skills` lists every skill asked for, then the ones only mentioned; the overall years and
//! degree are `experienceRequirements` (`monthsOfExperience`) and `educationRequirements`
//! (`credentialCategory`, with `educationalLevel` telling a doctorate from a master's).

use serde_json::{Map, Value, json};

use super::views::PostingView;
use crate::posting::jsonld::credential_category;
use crate::requirement::{EducationLevel, Importance};

/// The `JobPosting` for one parsed posting.
pub fn job_posting(v: &PostingView) -> Value {
    let mut m = Map::new();
    m.insert("@context".into(), json!("https://schema.org/"));
    m.insert("@type".into(), json!("JobPosting"));
    if let Some(t) = &v.title {
        m.insert("title".into(), json!(t));
    }
    if let Some(c) = &v.company {
        m.insert(
            "hiringOrganization".into(),
            json!({"@type": "Organization", "name": c}),
        );
    }
    if let Some(l) = &v.location {
        m.insert(
            "jobLocation".into(),
            json!({"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": l}}),
        );
        if l.to_ascii_lowercase().contains("remote") {
            m.insert("jobLocationType".into(), json!("TELECOMMUTE"));
        }
    }
    if let Some(t) = &v.employment_type {
        m.insert("employmentType".into(), json!(t));
    }
    if let Some(s) = &v.salary {
        m.insert(
            "baseSalary".into(),
            json!({"@type": "MonetaryAmount", "value": s}),
        );
    }
    let mut skills: Vec<&str> = Vec::new();
    for s in v
        .requirements
        .iter()
        .flat_map(|r| &r.skills)
        .chain(&v.mentioned)
    {
        if !skills.contains(&s.name.as_str()) {
            skills.push(&s.name);
        }
    }
    if !skills.is_empty() {
        m.insert("skills".into(), json!(skills));
    }
    let texts = |importance: Importance| -> Vec<&str> {
        v.requirements
            .iter()
            .filter(|r| r.importance == importance)
            .map(|r| r.text.as_str())
            .collect()
    };
    let (required, preferred) = (texts(Importance::Required), texts(Importance::Preferred));
    if !required.is_empty() {
        m.insert("qualifications".into(), json!(required));
    }
    if let Some(years) = v.min_years {
        m.insert(
            "experienceRequirements".into(),
            json!({"@type": "OccupationalExperienceRequirements",
                   "monthsOfExperience": (years * 12.0).round()}),
        );
    }
    if let Some(e) = v.education {
        let mut credential = json!({"@type": "EducationalOccupationalCredential",
                                    "credentialCategory": credential_category(e.level)});
        if e.level == EducationLevel::Phd {
            credential["educationalLevel"] = json!("doctoral degree");
        }
        m.insert("educationRequirements".into(), credential);
        if e.or_experience {
            m.insert("experienceInPlaceOfEducation".into(), json!(true));
        }
    }
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
    m.insert("description".into(), json!(html));
    Value::Object(m)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
