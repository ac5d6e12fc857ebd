//! The serialisable shapes of jobmatch's output (schema version [`SCHEMA_VERSION`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::matcher::{Matcher, Outcome, Score, Status, education_name};
use crate::profile::Profile;
use crate::requirement::{
    Education, Importance, Proficiency, Requirement, RequirementSet, Section, SectionKind,
};
use crate::skill::{SkillId, Taxonomy};

/// Bumped when a field changes meaning or disappears; new fields do not bump it.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillRef {
    pub id: String,
    pub name: String,
}

impl SkillRef {
    pub fn new(taxonomy: &Taxonomy, id: SkillId) -> SkillRef {
        let s = taxonomy.skill(id);
        SkillRef {
            id: s.id.to_string(),
            name: s.name.to_string(),
        }
    }

    fn list(taxonomy: &Taxonomy, ids: &[SkillId]) -> Vec<SkillRef> {
        ids.iter().map(|&id| SkillRef::new(taxonomy, id)).collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequirementView {
    pub importance: Importance,
    pub skills: Vec<SkillRef>,
    pub min_count: usize,
    pub years: Option<f32>,
    pub proficiency: Option<Proficiency>,
    pub education: Option<Education>,
    pub soft: Vec<SkillRef>,
    pub section: SectionKind,
    pub text: String,
    pub line: u32,
}

/// A parsed posting as `jobmatch parse` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostingView {
    pub schema_version: u32,
    pub source: String,
    pub title: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    pub employment_type: Option<String>,
    /// Pay as stated by a structured posting (JSON-LD `baseSalary`, job.json `salary`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub salary: Option<String>,
    pub min_years: Option<f32>,
    pub education: Option<Education>,
    pub requirements: Vec<RequirementView>,
    pub mentioned: Vec<SkillRef>,
    pub sections: Vec<Section>,
}

impl PostingView {
    pub fn new(set: &RequirementSet, taxonomy: &Taxonomy) -> PostingView {
        PostingView {
            schema_version: SCHEMA_VERSION,
            source: set.source.clone(),
            title: set.title.clone(),
            company: set.company.clone(),
            location: set.location.clone(),
            employment_type: set.employment_type.clone(),
            salary: set.salary.clone(),
            min_years: set.min_years,
            education: set.education,
            requirements: set
                .requirements
                .iter()
                .map(|r: &Requirement| RequirementView {
                    importance: r.importance,
                    skills: SkillRef::list(taxonomy, &r.skills),
                    min_count: r.min_count,
                    years: r.years,
                    proficiency: r.proficiency,
                    education: r.education,
                    soft: SkillRef::list(taxonomy, &r.soft),
                    section: r.section,
                    text: r.text.clone(),
                    line: r.line,
                })
                .collect(),
            mentioned: SkillRef::list(taxonomy, &set.mentioned),
            sections: set.sections.clone(),
        }
    }
}

/// One requirement's outcome for one candidate (`--explain`).
///
/// `satisfaction` is between 0 and 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExplainRow {
    pub importance: Importance,
    #[schemars(with = "StatusSchema")]
    pub status: Status,
    pub satisfaction: f32,
    pub text: String,
    pub line: u32,
    /// One line per piece of evidence: "Docker → Containers (listed, 2 years)".
    pub evidence: Vec<String>,
}

// The schema of `matcher::Status`, kept here so the matcher needs no schema dependency;
// tests/schema.rs checks that both serialise the same.
/// How a requirement fared: met, partial (some credit), missed, or unchecked (nothing in it
/// can be checked against a profile; never scored).
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(rename = "Status")]
#[allow(dead_code)]
enum StatusSchema {
    Met,
    Partial,
    Missed,
    Unchecked,
}

/// One candidate × posting result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MatchRow {
    pub candidate: String,
    pub name: Option<String>,
    pub posting: String,
    pub posting_file: String,
    pub score: f32,
    pub qualified: bool,
    pub required_met: usize,
    pub required_total: usize,
    pub preferred_met: usize,
    pub preferred_total: usize,
    pub unchecked: usize,
    pub missing: Vec<String>,
    pub no_data: bool,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub explain: Option<Vec<ExplainRow>>,
}

/// A score as rows show it: one decimal.
pub fn display_score(score: f32) -> f32 {
    (score * 10.0).round() / 10.0
}

impl MatchRow {
    pub fn new(matcher: &Matcher, profile: &Profile, score: &Score, explain: bool) -> MatchRow {
        let set = matcher.requirement_set();
        let taxonomy = matcher.taxonomy();
        MatchRow {
            candidate: profile.id.clone(),
            name: profile.name.clone(),
            posting: set.title.clone().unwrap_or_else(|| set.source.clone()),
            posting_file: set.source.clone(),
            score: display_score(score.score),
            qualified: score.qualified,
            required_met: score.required_met,
            required_total: score.required_total,
            preferred_met: score.preferred_met,
            preferred_total: score.preferred_total,
            unchecked: score.unchecked,
            missing: matcher.missing(score),
            no_data: score.no_data,
            explain: explain.then(|| {
                set.requirements
                    .iter()
                    .zip(&score.outcomes)
                    .map(|(r, o)| ExplainRow {
                        importance: r.importance,
                        status: o.status,
                        satisfaction: (o.satisfaction * 100.0).round() / 100.0,
                        text: r.text.clone(),
                        line: r.line,
                        evidence: evidence_lines(o, profile, taxonomy),
                    })
                    .collect()
            }),
        }
    }
}

fn evidence_lines(o: &Outcome, profile: &Profile, taxonomy: &Taxonomy) -> Vec<String> {
    let name = |id: SkillId| &*taxonomy.skill(id).name;
    let mut out = Vec::new();
    for e in &o.evidence {
        out.push(match e.via {
            None => format!("{}: not in profile", name(e.wanted)),
            Some(via) => {
                let how = if via == e.wanted {
                    name(via).to_string()
                } else {
                    format!("{} (implies {})", name(via), name(e.wanted))
                };
                let listed = e.profile_skill.and_then(|i| profile.skills.get(i));
                let source = match listed {
                    _ if e.from_text => "from summary".to_string(),
                    Some(s) => match &s.source {
                        Some(src) => format!("{:?} from {src}", s.written),
                        None => format!("listed as {:?}", s.written),
                    },
                    None => "listed".to_string(),
                };
                let years = e.years.map(|y| format!(", {y} years")).unwrap_or_default();
                format!(
                    "{}: {how}, {source}{years}, credit {:.2}",
                    name(e.wanted),
                    e.credit
                )
            }
        });
    }
    if let Some((asked, have, met)) = o.education {
        out.push(format!(
            "degree: {} asked, {} held{}",
            education_name(asked),
            have.map(education_name).unwrap_or("none"),
            if met { "" } else { " — not met" }
        ));
    }
    if let Some((asked, have)) = o.total_years {
        out.push(format!(
            "experience: {asked} years asked, {} held",
            have.map(|h| h.to_string())
                .unwrap_or_else(|| "unknown".into())
        ));
    }
    if o.status == Status::Unchecked {
        out.push("nothing the profile can be checked against".into());
    }
    out
}
