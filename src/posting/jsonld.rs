//! schema.org `JobPosting` in JSON-LD, as job boards embed it in their pages
//! (`<script type="application/ld+json">`) and as `jobmatch parse --format jsonld` writes it.
//!
//! This module only reads the structured fields into a [`JobPosting`]; the front door
//! ([`super::document`]) sends its HTML `description` and its text fields through the section
//! parser. Fields of an unexpected type are ignored, never errors: pages in the wild are
//! loose with the vocabulary.

use serde_json::Value;

use crate::requirement::EducationLevel;

/// The fields of a `JobPosting` jobmatch uses, as text.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct JobPosting {
    pub title: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    pub employment_type: Option<String>,
    pub salary: Option<String>,
    /// HTML (or plain text).
    pub description: Option<String>,
    /// `skills` entries: names or statements.
    pub skills: Vec<String>,
    /// `qualifications` entries.
    pub qualifications: Vec<String>,
    /// `experienceRequirements` given as text.
    pub experience_text: Vec<String>,
    /// `educationRequirements` given as text.
    pub education_text: Vec<String>,
    /// `experienceRequirements.monthsOfExperience`, in years.
    pub min_years: Option<f32>,
    /// `educationRequirements` as a credential (`credentialCategory`, `educationalLevel`).
    pub education: Option<EducationLevel>,
    /// `experienceInPlaceOfEducation`.
    pub or_experience: bool,
}

/// The first `JobPosting` in a JSON-LD document: the object itself, an element of an array,
/// or a node of an `@graph`.
pub fn find(doc: &Value) -> Option<&Value> {
    match doc {
        Value::Array(items) => items.iter().find_map(find),
        Value::Object(map) => {
            if is_job_posting(doc) {
                return Some(doc);
            }
            map.get("@graph").and_then(find)
        }
        _ => None,
    }
}

fn is_job_posting(v: &Value) -> bool {
    let is = |t: &Value| t.as_str().is_some_and(|s| s.ends_with("JobPosting"));
    match v.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// Reads the fields of a `JobPosting` node.
pub fn read(node: &Value) -> JobPosting {
    let mut p = JobPosting {
        title: node.get("title").and_then(text),
        company: node.get("hiringOrganization").and_then(text),
        location: location(node),
        employment_type: node.get("employmentType").and_then(joined),
        salary: node.get("baseSalary").and_then(salary),
        description: node.get("description").and_then(text),
        ..JobPosting::default()
    };
    p.skills = list(node.get("skills"));
    p.qualifications = list(node.get("qualifications"));
    for e in each(node.get("experienceRequirements")) {
        match e {
            Value::Object(_) => {
                if let Some(months) = e.get("monthsOfExperience").and_then(number) {
                    let years = months / 12.0;
                    p.min_years = Some(p.min_years.map_or(years, |y: f32| y.max(years)));
                }
                if let Some(d) = e.get("description").and_then(text) {
                    p.experience_text.push(d);
                }
            }
            other => p.experience_text.extend(text(other)),
        }
    }
    for e in each(node.get("educationRequirements")) {
        match e {
            Value::Object(_) => {
                let level = ["educationalLevel", "credentialCategory", "name"]
                    .iter()
                    .filter_map(|k| e.get(*k).and_then(text))
                    .find_map(|t| credential_level(&t));
                if let Some(level) = level {
                    p.education = Some(p.education.map_or(level, |l| l.min(level)));
                }
            }
            other => p.education_text.extend(text(other)),
        }
    }
    p.or_experience = node
        .get("experienceInPlaceOfEducation")
        .is_some_and(|v| v.as_bool() == Some(true) || v.as_str() == Some("true"));
    p
}

/// schema.org's `credentialCategory` words (and degree names) to a level.
pub fn credential_level(text: &str) -> Option<EducationLevel> {
    let t = text.trim().to_ascii_lowercase();
    if t.starts_with("postgraduate") || t.starts_with("graduate") {
        return Some(EducationLevel::Master);
    }
    if t.starts_with("doctoral") {
        return Some(EducationLevel::Phd);
    }
    EducationLevel::parse(t.split_whitespace().next().unwrap_or(""))
        .or_else(|| EducationLevel::parse(&t))
}

/// The `credentialCategory` jobmatch writes for a level (Google's documented values).
pub fn credential_category(level: EducationLevel) -> &'static str {
    match level {
        EducationLevel::HighSchool => "high school",
        EducationLevel::Associate => "associate degree",
        EducationLevel::Bachelor => "bachelor degree",
        EducationLevel::Master | EducationLevel::Phd => "postgraduate degree",
    }
}

fn each(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
    }
}

fn list(v: Option<&Value>) -> Vec<String> {
    each(v).into_iter().filter_map(text).collect()
}

/// A text value: a string (entities decoded), a number, or an object's `name`.
fn text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => decode_entities(s),
        Value::Number(n) => n.to_string(),
        Value::Object(map) => return map.get("name").and_then(text),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(text).collect();
            return (!parts.is_empty()).then(|| parts.join(", "));
        }
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn joined(v: &Value) -> Option<String> {
    let parts: Vec<String> = each(Some(v)).into_iter().filter_map(text).collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn number(v: &Value) -> Option<f32> {
    match v {
        Value::Number(n) => n.as_f64().map(|f| f as f32),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|n: &f32| n.is_finite() && *n >= 0.0)
}

fn location(node: &Value) -> Option<String> {
    let mut places: Vec<String> = Vec::new();
    for place in each(node.get("jobLocation")) {
        let address = place.get("address").unwrap_or(place);
        let s = match address {
            Value::Object(_) => {
                let parts: Vec<String> = ["addressLocality", "addressRegion", "addressCountry"]
                    .iter()
                    .filter_map(|k| address.get(*k).and_then(text))
                    .collect();
                if parts.is_empty() {
                    place.get("name").and_then(text)
                } else {
                    Some(parts.join(", "))
                }
            }
            other => text(other),
        };
        if let Some(s) = s
            && !places.contains(&s)
        {
            places.push(s);
        }
    }
    let remote = node
        .get("jobLocationType")
        .and_then(text)
        .is_some_and(|t| t.eq_ignore_ascii_case("telecommute"));
    if remote
        && !places
            .iter()
            .any(|p| p.to_ascii_lowercase().contains("remote"))
    {
        places.push("Remote".to_string());
    }
    (!places.is_empty()).then(|| places.join("; "))
}

fn salary(v: &Value) -> Option<String> {
    let Value::Object(_) = v else {
        return text(v);
    };
    let currency = v.get("currency").and_then(text);
    let value = v.get("value").unwrap_or(&Value::Null);
    let (amount, unit) = match value {
        Value::Object(_) => {
            let min = value.get("minValue").and_then(number);
            let max = value.get("maxValue").and_then(number);
            let one = value.get("value").and_then(number);
            let amount = match (min, max, one) {
                (Some(a), Some(b), _) if a != b => format!("{a}–{b}"),
                (Some(a), _, _) | (_, Some(a), _) | (_, _, Some(a)) => a.to_string(),
                _ => return None,
            };
            (amount, value.get("unitText").and_then(text))
        }
        other => (number(other)?.to_string(), None),
    };
    let mut out = match currency {
        Some(c) => format!("{c} {amount}"),
        None => amount,
    };
    if let Some(unit) = unit {
        out.push_str(" per ");
        out.push_str(&unit.to_ascii_lowercase());
    }
    Some(out)
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s.as_bytes()[i] == b'&'
            && let Some((decoded, len)) = super::source::decode_entity(&s[i..])
        {
            out.push_str(&decoded);
            i += len;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn job_posting_is_found_in_graphs_and_arrays() {
        let doc = json!({"@context": "https://schema.org", "@graph": [
            {"@type": "Organization", "name": "Acme"},
            {"@type": ["JobPosting"], "title": "Engineer"}
        ]});
        assert_eq!(find(&doc).unwrap()["title"], "Engineer");
        assert!(find(&json!([{"@type": "WebPage"}])).is_none());
    }

    #[test]
    fn structured_fields_are_read() {
        let doc = json!({
            "@type": "JobPosting",
            "title": "Data Engineer &amp; Analyst",
            "hiringOrganization": {"@type": "Organization", "name": "Brightfold"},
            "jobLocation": [{"@type": "Place", "address": {"@type": "PostalAddress",
                "addressLocality": "Leeds", "addressCountry": "GB"}}],
            "jobLocationType": "TELECOMMUTE",
            "employmentType": ["FULL_TIME", "CONTRACTOR"],
            "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP",
                "value": {"@type": "QuantitativeValue", "minValue": 50000, "maxValue": 60000,
                "unitText": "YEAR"}},
            "experienceRequirements": {"@type": "OccupationalExperienceRequirements",
                "monthsOfExperience": 36},
            "educationRequirements": [{"@type": "EducationalOccupationalCredential",
                "credentialCategory": "bachelor degree"}, "A degree in a numerate subject"],
            "skills": ["SQL", {"@type": "DefinedTerm", "name": "Airflow"}],
            "experienceInPlaceOfEducation": true
        });
        let p = read(&doc);
        assert_eq!(p.title.as_deref(), Some("Data Engineer & Analyst"));
        assert_eq!(p.company.as_deref(), Some("Brightfold"));
        assert_eq!(p.location.as_deref(), Some("Leeds, GB; Remote"));
        assert_eq!(p.employment_type.as_deref(), Some("FULL_TIME, CONTRACTOR"));
        assert_eq!(p.salary.as_deref(), Some("GBP 50000–60000 per year"));
        assert_eq!(p.min_years, Some(3.0));
        assert_eq!(p.education, Some(EducationLevel::Bachelor));
        assert_eq!(p.education_text, vec!["A degree in a numerate subject"]);
        assert_eq!(p.skills, vec!["SQL", "Airflow"]);
        assert!(p.or_experience);
    }

    #[test]
    fn credential_categories_round_trip() {
        for level in [
            EducationLevel::HighSchool,
            EducationLevel::Associate,
            EducationLevel::Bachelor,
            EducationLevel::Master,
        ] {
            assert_eq!(credential_level(credential_category(level)), Some(level));
        }
        assert_eq!(credential_level("PhD"), Some(EducationLevel::Phd));
    }
}
