//! Scoring profiles against a requirement set. Pure: no I/O, no global state.
//!
//! [`Matcher::new`] compiles a [`RequirementSet`] once — the skills each requirement accepts,
//! every taxonomy skill that implies one of them, and a small extractor over those skills for
//! mining free text — and [`Matcher::score`] then scores any number of profiles with `&self`,
//! so one matcher serves many threads.
//!
//! The scoring model (also in DESIGN.md and `jobmatch match --help`):
//! - each wanted skill earns a credit in [0, 1] from the candidate's best matching skill: 1 for
//!   the skill or one that implies it (Docker meets "containers"), times a years factor
//!   (candidate years / years asked, when both are known) and a level factor (one quarter off
//!   per proficiency level below the one asked);
//! - a requirement's satisfaction is the mean of its best `min_count` credits; a degree it asks
//!   for and years asked with no skill are checked against the profile's education and total
//!   years; a requirement with nothing checkable is reported *unchecked* and not scored;
//! - the score is 100 × the weighted mean of the required and preferred satisfaction means
//!   (weights 3 and 1 by default); `qualified` means every checkable required requirement is
//!   fully met.

use crate::profile::Profile;
use crate::requirement::{EducationLevel, Importance, Proficiency, RequirementSet};
use crate::skill::{Extractor, SkillId, Taxonomy};

/// Relative weight of required and preferred requirements in the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub required: f32,
    pub preferred: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            required: 3.0,
            preferred: 1.0,
        }
    }
}

/// Years of experience that stand in for a missing degree when a posting says "or equivalent".
pub const YEARS_FOR_EQUIVALENT: f32 = 4.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Partial,
    Missed,
    Unchecked,
}

/// Why a wanted skill earned its credit.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub wanted: SkillId,
    /// The profile skill that met it (itself, or one that implies it); `None` when unmet.
    pub via: Option<SkillId>,
    /// Found in the profile's free text rather than its skill list.
    pub from_text: bool,
    /// Index into the profile's `skills` of the skill that met it (`None` from free text).
    pub profile_skill: Option<usize>,
    pub years: Option<f32>,
    pub credit: f32,
}

/// The outcome of one requirement for one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub status: Status,
    pub satisfaction: f32,
    pub evidence: Vec<Evidence>,
    /// A degree asked for: (asked, the candidate's highest, met).
    pub education: Option<(EducationLevel, Option<EducationLevel>, bool)>,
    /// Years asked with no skill: (asked, the candidate's total).
    pub total_years: Option<(f32, Option<f32>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// 0–100.
    pub score: f32,
    pub qualified: bool,
    pub required_met: usize,
    pub required_total: usize,
    pub preferred_met: usize,
    pub preferred_total: usize,
    pub unchecked: usize,
    /// One per requirement of the set, in order.
    pub outcomes: Vec<Outcome>,
    /// The profile holds nothing to check; the score means nothing.
    pub no_data: bool,
}

/// A requirement set compiled for scoring.
pub struct Matcher<'t> {
    taxonomy: &'t Taxonomy,
    set: &'t RequirementSet,
    weights: Weights,
    /// Mines free text for exactly the skills that can meet a requirement.
    extractor: Extractor,
}

/// What a candidate has of one skill.
#[derive(Debug, Clone, Copy)]
struct Held {
    skill: SkillId,
    level: Option<Proficiency>,
    years: Option<f32>,
    from_text: bool,
    index: Option<usize>,
}

impl<'t> Matcher<'t> {
    pub fn new(taxonomy: &'t Taxonomy, set: &'t RequirementSet, weights: Weights) -> Self {
        let mut wanted: Vec<SkillId> = set
            .requirements
            .iter()
            .flat_map(|r| r.skills.iter().copied())
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let relevant = taxonomy.skills().map(|(id, _)| id).filter(|&id| {
            wanted.binary_search(&id).is_ok()
                || taxonomy
                    .implied_by(id)
                    .iter()
                    .any(|i| wanted.binary_search(i).is_ok())
        });
        Matcher {
            taxonomy,
            set,
            weights,
            extractor: Extractor::for_skills(taxonomy, relevant),
        }
    }

    pub fn requirement_set(&self) -> &RequirementSet {
        self.set
    }

    pub fn score(&self, profile: &Profile) -> Score {
        let mut held: Vec<Held> = profile
            .skills
            .iter()
            .enumerate()
            .map(|(i, s)| Held {
                skill: s.skill,
                level: s.level,
                years: s.years,
                from_text: false,
                index: Some(i),
            })
            .collect();
        if let Some(summary) = &profile.summary {
            // A skill named in the summary counts even when it is also listed: the best
            // evidence wins, so listing a skill (at a low level) never lowers a score.
            let listed = held.len();
            for m in self.extractor.find(summary) {
                if !held[listed..].iter().any(|h| h.skill == m.skill) {
                    held.push(Held {
                        skill: m.skill,
                        level: None,
                        years: None,
                        from_text: true,
                        index: None,
                    });
                }
            }
        }
        let highest_education = profile.highest_education();
        let mut outcomes = Vec::with_capacity(self.set.requirements.len());
        let (mut req_sum, mut req_n, mut pref_sum, mut pref_n) = (0.0f32, 0usize, 0.0f32, 0usize);
        let (mut required_met, mut preferred_met, mut unchecked) = (0, 0, 0);
        for r in &self.set.requirements {
            // The satisfaction of each part the requirement has (skills, total years, degree);
            // the requirement is as satisfied as its weakest part.
            let mut weakest: Option<f32> = None;
            let mut part = |s: f32| weakest = Some(weakest.map_or(s, |w| w.min(s)));
            let mut evidence = Vec::new();
            if !r.skills.is_empty() {
                for &want in &r.skills {
                    evidence.push(self.best_evidence(want, r.years, r.proficiency, &held, profile));
                }
                let mut credits: Vec<f32> = evidence.iter().map(|e| e.credit).collect();
                credits.sort_by(|a, b| b.total_cmp(a));
                let k = r.min_count.clamp(1, credits.len());
                part(credits[..k].iter().sum::<f32>() / k as f32);
            }
            let mut total_years = None;
            if r.skills.is_empty()
                && let Some(asked) = r.years
                && let Some(have) = profile.years_experience
            {
                total_years = Some((asked, Some(have)));
                part((have / asked).min(1.0));
            }
            let mut education = None;
            if let Some(edu) = r.education {
                let highest = highest_education;
                let met = highest.is_some_and(|h| h >= edu.level)
                    || (edu.or_experience
                        && profile
                            .years_experience
                            .is_some_and(|y| y >= YEARS_FOR_EQUIVALENT));
                education = Some((edu.level, highest, met));
                part(if met { 1.0 } else { 0.0 });
            }
            let (status, satisfaction) = match weakest {
                None => (Status::Unchecked, 0.0),
                Some(s) => {
                    let status = if s >= 1.0 - 1e-6 {
                        Status::Met
                    } else if s > 0.0 {
                        Status::Partial
                    } else {
                        Status::Missed
                    };
                    (status, s.min(1.0))
                }
            };
            match (status, r.importance) {
                (Status::Unchecked, _) => unchecked += 1,
                (_, Importance::Required) => {
                    req_sum += satisfaction;
                    req_n += 1;
                    if status == Status::Met {
                        required_met += 1;
                    }
                }
                (_, Importance::Preferred) => {
                    pref_sum += satisfaction;
                    pref_n += 1;
                    if status == Status::Met {
                        preferred_met += 1;
                    }
                }
            }
            outcomes.push(Outcome {
                status,
                satisfaction,
                evidence,
                education,
                total_years,
            });
        }
        let (wr, wp) = (
            if req_n > 0 {
                self.weights.required
            } else {
                0.0
            },
            if pref_n > 0 {
                self.weights.preferred
            } else {
                0.0
            },
        );
        let mean = |sum: f32, n: usize| if n == 0 { 0.0 } else { sum / n as f32 };
        let score = if wr + wp > 0.0 {
            100.0 * (wr * mean(req_sum, req_n) + wp * mean(pref_sum, pref_n)) / (wr + wp)
        } else {
            0.0
        };
        let no_data = profile.is_empty();
        Score {
            score: if no_data {
                0.0
            } else {
                score.clamp(0.0, 100.0)
            },
            qualified: !no_data && required_met == req_n,
            required_met,
            required_total: req_n,
            preferred_met,
            preferred_total: pref_n,
            unchecked,
            outcomes,
            no_data,
        }
    }

    fn best_evidence(
        &self,
        want: SkillId,
        years_asked: Option<f32>,
        level_asked: Option<Proficiency>,
        held: &[Held],
        profile: &Profile,
    ) -> Evidence {
        let mut best = Evidence {
            wanted: want,
            via: None,
            from_text: false,
            profile_skill: None,
            years: None,
            credit: 0.0,
        };
        for h in held {
            if !self.taxonomy.satisfies(h.skill, want) {
                continue;
            }
            let years = h.years;
            let years_factor = match (years_asked, h.years.or(profile.years_experience)) {
                (Some(asked), Some(have)) if asked > 0.0 => (have / asked).min(1.0),
                _ => 1.0,
            };
            let level_factor = match (level_asked, h.level) {
                (Some(asked), Some(have)) if have < asked => {
                    (1.0 - 0.25 * (asked as u8 - have as u8) as f32).max(0.25)
                }
                _ => 1.0,
            };
            let credit = years_factor * level_factor;
            if credit > best.credit || best.via.is_none() {
                best = Evidence {
                    wanted: want,
                    via: Some(h.skill),
                    from_text: h.from_text,
                    profile_skill: h.index,
                    years,
                    credit,
                };
            }
        }
        best
    }

    pub fn taxonomy(&self) -> &'t Taxonomy {
        self.taxonomy
    }

    /// What the candidate lacks for the required requirements `score` did not find fully met,
    /// without repeats. Derived from the outcomes on demand, so only rows that are shown pay
    /// for the strings.
    pub fn missing(&self, score: &Score) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (r, o) in self.set.requirements.iter().zip(&score.outcomes) {
            if r.importance != Importance::Required
                || matches!(o.status, Status::Met | Status::Unchecked)
            {
                continue;
            }
            for m in self.describe_missing(r, o) {
                if !out.contains(&m) {
                    out.push(m);
                }
            }
        }
        out
    }

    fn describe_missing(&self, r: &crate::requirement::Requirement, o: &Outcome) -> Vec<String> {
        let name = |id: SkillId| self.taxonomy.skill(id).name.to_string();
        let evidence = &o.evidence;
        let mut out = Vec::new();
        if !evidence.is_empty() {
            if r.min_count < r.skills.len() {
                if evidence.iter().filter(|e| e.credit >= 1.0).count() < r.min_count {
                    let names: Vec<String> = r.skills.iter().map(|&s| name(s)).collect();
                    out.push(if r.min_count == 1 {
                        format!("one of {}", names.join("/"))
                    } else {
                        format!("{} of {}", r.min_count, names.join("/"))
                    });
                }
            } else {
                out.extend(evidence.iter().filter(|e| e.credit < 1.0).map(|e| {
                    match (e.via, r.years) {
                        (Some(_), Some(y)) => format!("{} ({y} years)", name(e.wanted)),
                        _ => name(e.wanted),
                    }
                }));
            }
        }
        if let Some((asked, _, false)) = o.education {
            out.push(format!("{} degree", education_name(asked)));
        }
        if let Some((asked, Some(have))) = o.total_years
            && have < asked
        {
            out.push(format!("{asked} years experience"));
        }
        out
    }
}

pub fn education_name(level: EducationLevel) -> &'static str {
    match level {
        EducationLevel::HighSchool => "high school",
        EducationLevel::Associate => "associate",
        EducationLevel::Bachelor => "bachelor",
        EducationLevel::Master => "master",
        EducationLevel::Phd => "phd",
    }
}
