//! Free-text and markdown resumes (`.md`, `.txt`): skills are every taxonomy skill the text
//! mentions (the full-taxonomy extractor), total years the largest "N years of experience"
//! phrase, education the highest degree named, the name the first heading. The whole text is
//! kept as the summary.

use std::collections::HashSet;

use super::{Degree, Loader, Origin, Profile, ProfileSkill};

pub fn parse(text: &str, origin: &Origin, loader: &Loader) -> Profile {
    let mut profile = Profile {
        id: origin.default_id(),
        name: text
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with("# "))
            .map(|l| plain(l.trim_start_matches('#')))
            .filter(|n| !n.is_empty()),
        ..Profile::default()
    };
    let mut seen = HashSet::new();
    for m in loader.extractor.find(text) {
        if seen.insert(m.skill) {
            profile.skills.push(ProfileSkill {
                skill: m.skill,
                written: text[m.start..m.end].to_string(),
                level: None,
                years: None,
                source: loader
                    .sources
                    .then(|| format!("text line {}", crate::error::line_of(text, m.start))),
            });
        }
    }
    profile.years_experience = super::YEARS_RE
        .captures_iter(text)
        .filter_map(|c| c[1].parse::<f32>().ok())
        .filter(|y| (0.0..=60.0).contains(y))
        .reduce(f32::max);
    let level = super::DEGREE_RE
        .find_iter(text)
        .filter_map(|m| super::json_resume::education_level(m.as_str()))
        .max();
    if level.is_some() {
        profile.education.push(Degree { level, field: None });
    }
    let summary = text.trim();
    if !summary.is_empty() {
        profile.summary = Some(summary.to_string());
    }
    profile
}

/// A markdown heading as plain text: emphasis marks dropped, `[text](url)` links as their text.
fn plain(heading: &str) -> String {
    let mut out = String::new();
    let mut rest = heading;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find("](").zip(after.find(')')) {
            Some((mid, close)) if mid < close => {
                out.push_str(&after[..mid]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace(['*', '_', '`'], "").trim().to_string()
}
