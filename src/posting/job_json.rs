//! The JSON Resume project's job-description schema (`job.json`: `title`, `company`, `type`,
//! `location`, `remote`, `salary`, `experience`, `description`, `responsibilities[]`,
//! `qualifications[]`, `skills[{name, level, keywords}]`, `tools[]`), told apart by content.
//!
//! It is read into the same [`JobPosting`] as schema.org JSON-LD: the description and the
//! responsibilities become the text the section parser reads; each qualification and each
//! skill entry becomes a qualification line; tools are the stack.

use serde_json::Value;

use super::jsonld::JobPosting;

/// A JSON object with a job's keys, and none of a résumé's or of jobmatch's own output.
pub fn looks_like_job(v: &Value) -> bool {
    let Value::Object(map) = v else {
        return false;
    };
    let foreign = ["@type", "@context", "basics", "work", "schema_version"];
    if foreign.iter().any(|k| map.contains_key(*k)) {
        return false;
    }
    (map.contains_key("title") || map.contains_key("company"))
        && [
            "responsibilities",
            "qualifications",
            "skills",
            "description",
            "remote",
            "type",
        ]
        .iter()
        .any(|k| map.contains_key(*k))
}

pub fn read(v: &Value) -> JobPosting {
    let s = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let strings = |k: &str| -> Vec<String> {
        match v.get(k) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|i| i.as_str().map(str::trim))
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            Some(Value::String(s)) if !s.trim().is_empty() => vec![s.trim().to_string()],
            _ => Vec::new(),
        }
    };
    let mut location: Vec<String> = Vec::new();
    match v.get("location") {
        Some(Value::String(l)) if !l.trim().is_empty() => location.push(l.trim().to_string()),
        Some(loc @ Value::Object(_)) => {
            for k in ["city", "region", "countryCode"] {
                if let Some(p) = loc.get(k).and_then(Value::as_str).map(str::trim)
                    && !p.is_empty()
                {
                    location.push(p.to_string());
                }
            }
        }
        _ => {}
    }
    let mut location = location.join(", ");
    match s("remote")
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("full" | "yes" | "true" | "remote") => {
            if !location.is_empty() {
                location.push_str("; ");
            }
            location.push_str("Remote");
        }
        Some("hybrid") => {
            if !location.is_empty() {
                location.push_str("; ");
            }
            location.push_str("Hybrid");
        }
        _ => {}
    }

    let mut description = s("description").unwrap_or_default();
    let responsibilities = strings("responsibilities");
    if !responsibilities.is_empty() {
        description.push_str("\n\n## Responsibilities\n\n");
        for r in &responsibilities {
            description.push_str(&format!("- {}\n", one_line(r)));
        }
    }
    let tools = named_entries(v.get("tools"));
    if !tools.is_empty() {
        description.push_str("\n\n## Tools\n\n");
        for t in &tools {
            description.push_str(&format!("- {}\n", one_line(t)));
        }
    }
    let mut qualifications = strings("qualifications");
    qualifications.extend(named_entries(v.get("skills")));
    // "experience" is mostly a level ("Senior"); a number of years counts unless a
    // qualification already says how many.
    let experience_text = s("experience")
        .filter(|e| e.chars().any(|c| c.is_ascii_digit()))
        .filter(|_| !qualifications.iter().any(|q| q.contains("year")))
        .map(|e| vec![format!("{e} experience")])
        .unwrap_or_default();

    JobPosting {
        title: s("title"),
        company: s("company"),
        location: (!location.is_empty()).then_some(location),
        employment_type: s("type"),
        salary: s("salary"),
        description: (!description.trim().is_empty()).then_some(description),
        qualifications,
        experience_text,
        ..JobPosting::default()
    }
}

/// `[{name, level, keywords}]` entries as lines: "Python (advanced): Django, Flask".
fn named_entries(v: Option<&Value>) -> Vec<String> {
    let Some(Value::Array(items)) = v else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            if let Some(s) = item.as_str() {
                return Some(s.trim().to_string()).filter(|s| !s.is_empty());
            }
            let name = item.get("name").and_then(Value::as_str).map(str::trim)?;
            let mut line = name.to_string();
            if let Some(level) = item.get("level").and_then(Value::as_str).map(str::trim)
                && !level.is_empty()
            {
                line.push_str(&format!(" ({level})"));
            }
            if let Some(Value::Array(kw)) = item.get("keywords") {
                let kw: Vec<&str> = kw.iter().filter_map(Value::as_str).collect();
                if !kw.is_empty() {
                    line.push_str(": ");
                    line.push_str(&kw.join(", "));
                }
            }
            (!line.is_empty()).then_some(line)
        })
        .collect()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn jobs_are_told_from_resumes_and_output() {
        assert!(looks_like_job(
            &json!({"title": "Engineer", "skills": [{"name": "Rust"}]})
        ));
        assert!(!looks_like_job(&json!({"basics": {}, "skills": []})));
        assert!(!looks_like_job(
            &json!({"schema_version": 1, "title": "x", "requirements": []})
        ));
        assert!(!looks_like_job(&json!({"name": "Ada", "skills": ["Rust"]})));
    }

    #[test]
    fn fields_are_read() {
        let p = read(&json!({
            "title": "Web Developer", "company": "Razorback", "type": "Contract",
            "location": {"city": "Ely", "countryCode": "GB"}, "remote": "Full",
            "responsibilities": ["Build the shop"],
            "qualifications": ["3+ years of JavaScript"],
            "skills": [{"name": "Web Development", "level": "Master", "keywords": ["HTML", "CSS"]}]
        }));
        assert_eq!(p.location.as_deref(), Some("Ely, GB; Remote"));
        assert_eq!(p.employment_type.as_deref(), Some("Contract"));
        assert_eq!(
            p.qualifications,
            vec![
                "3+ years of JavaScript",
                "Web Development (Master): HTML, CSS"
            ]
        );
        assert!(p.description.unwrap().contains("- Build the shop"));
    }
}
