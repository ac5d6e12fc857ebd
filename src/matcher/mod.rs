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

impl Default for Outcome {
    fn default() -> Self {
        Outcome {
            status: Status::Unchecked,
            satisfaction: 0.0,
            evidence: Vec::new(),
            education: None,
            total_years: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
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
    /// Every wanted skill of every requirement, in order: requirement `i` owns
    /// `slots[first_slot[i]..first_slot[i + 1]]`.
    slots: Vec<Slot>,
    first_slot: Vec<usize>,
    /// The slots each skill can meet (itself or by implication): the `k`th skill, in id
    /// order, of those that meet any owns `meets_slots[meets_end[k - 1]..meets_end[k]]`
    /// (from 0 for the first). A profile's skill is looked up once instead of being compared
    /// with every wanted skill.
    meets_end: Vec<u32>,
    meets_slots: Vec<u32>,
    /// Which skills meet any slot, and their rank `k` above: most skills a profile lists meet
    /// nothing the posting asks, and one bit answers them.
    meets_any: Vec<RankedBits>,
    /// What a row's `missing` list can say, each distinct text once; see [`Missing`].
    missing_texts: Vec<String>,
    missing: Vec<Missing>,
}

/// The texts a requirement's `missing` entries can take, as indexes into
/// `Matcher::missing_texts`: written once when the matcher is built instead of for every row
/// (equal texts share one index, so a row's list drops repeats by comparing indexes).
#[derive(Debug, Clone, Default)]
struct Missing {
    /// "one of A/B/C" or "2 of A/B/C", for a requirement met by `min_count` of its skills.
    group: Option<u32>,
    /// Per wanted skill: its name, and its name with the years asked ("Go (3 years)").
    skills: Vec<(u32, Option<u32>)>,
    /// "bachelor degree".
    degree: Option<u32>,
    /// "5 years experience".
    years: Option<u32>,
}

/// 64 skills' bits of [`Matcher::meets_any`] (skill `64 * w + b` is bit `b` of word `w`),
/// and how many bits are set in the words before.
#[derive(Debug, Clone, Copy, Default)]
struct RankedBits {
    bits: u64,
    before: u32,
}

/// One wanted skill of one requirement.
#[derive(Debug, Clone, Copy)]
struct Slot {
    want: SkillId,
    /// The requirement's index, and the skill's position in it.
    requirement: u32,
    position: u32,
    years_asked: Option<f32>,
    level_asked: Option<Proficiency>,
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
        let mut slots = Vec::new();
        let mut first_slot = Vec::with_capacity(set.requirements.len() + 1);
        for (i, r) in set.requirements.iter().enumerate() {
            first_slot.push(slots.len());
            for (position, &want) in r.skills.iter().enumerate() {
                slots.push(Slot {
                    want,
                    requirement: i as u32,
                    position: position as u32,
                    years_asked: r.years,
                    level_asked: r.proficiency,
                });
            }
        }
        first_slot.push(slots.len());
        let mut wanted: Vec<SkillId> = slots.iter().map(|s| s.want).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let relevant: Vec<SkillId> = taxonomy
            .skills()
            .map(|(id, _)| id)
            .filter(|&id| {
                wanted.binary_search(&id).is_ok()
                    || taxonomy
                        .implied_by(id)
                        .iter()
                        .any(|i| wanted.binary_search(i).is_ok())
            })
            .collect();
        let (mut meets_end, mut meets_slots) = (Vec::new(), Vec::new());
        let mut meets_any = vec![RankedBits::default(); taxonomy.len().div_ceil(64)];
        for &id in &relevant {
            let SkillId(n) = id;
            meets_any[n as usize / 64].bits |= 1 << (n % 64);
            meets_slots.extend(
                (0..slots.len() as u32).filter(|&s| taxonomy.satisfies(id, slots[s as usize].want)),
            );
            meets_end.push(meets_slots.len() as u32);
        }
        let mut before = 0;
        for word in &mut meets_any {
            word.before = before;
            before += word.bits.count_ones();
        }
        let (missing_texts, missing) = missing_texts(taxonomy, set);
        Matcher {
            taxonomy,
            set,
            weights,
            extractor: Extractor::for_skills(taxonomy, relevant),
            slots,
            first_slot,
            meets_end,
            meets_slots,
            meets_any,
            missing_texts,
            missing,
        }
    }

    pub fn requirement_set(&self) -> &RequirementSet {
        self.set
    }

    pub fn score(&self, profile: &Profile) -> Score {
        let mut score = Score::default();
        self.score_into(profile, &mut score);
        score
    }

    /// [`Matcher::score`] into `out`, reusing its buffers (a worker scores many profiles).
    pub fn score_into(&self, profile: &Profile, out: &mut Score) {
        let requirements = &self.set.requirements;
        out.outcomes.truncate(requirements.len());
        out.outcomes
            .resize_with(requirements.len(), Outcome::default);
        // Every slot starts unmet; each skill the candidate has then improves the slots it
        // can meet, in the order the skills are held (listed first, then the summary's), so
        // a tie keeps the first.
        for (i, o) in out.outcomes.iter_mut().enumerate() {
            o.evidence.clear();
            o.evidence.extend(
                self.slots[self.first_slot[i]..self.first_slot[i + 1]]
                    .iter()
                    .map(|s| Evidence {
                        wanted: s.want,
                        via: None,
                        from_text: false,
                        profile_skill: None,
                        years: None,
                        credit: 0.0,
                    }),
            );
        }
        for (i, s) in profile.skills.iter().enumerate() {
            let held = Held {
                skill: s.skill,
                level: s.level,
                years: s.years,
                from_text: false,
                index: Some(i),
            };
            self.offer(&held, profile, &mut out.outcomes);
        }
        if let Some(summary) = &profile.summary {
            // A skill named in the summary counts even when it is also listed: the best
            // evidence wins, so listing a skill (at a low level) never lowers a score.
            // A skill named twice offers the same credit twice, which never beats itself, so
            // repeats need no filtering.
            for m in self.extractor.find(summary) {
                let held = Held {
                    skill: m.skill,
                    level: None,
                    years: None,
                    from_text: true,
                    index: None,
                };
                self.offer(&held, profile, &mut out.outcomes);
            }
        }
        let highest_education = profile.highest_education();
        let (mut req_sum, mut req_n, mut pref_sum, mut pref_n) = (0.0f32, 0usize, 0.0f32, 0usize);
        let (mut required_met, mut preferred_met, mut unchecked) = (0, 0, 0);
        for (r, outcome) in requirements.iter().zip(out.outcomes.iter_mut()) {
            // The satisfaction of each part the requirement has (skills, total years, degree);
            // the requirement is as satisfied as its weakest part.
            let mut weakest: Option<f32> = None;
            let mut part = |s: f32| weakest = Some(weakest.map_or(s, |w| w.min(s)));
            if !r.skills.is_empty() {
                part(best_mean(&outcome.evidence, r.min_count));
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
            outcome.status = status;
            outcome.satisfaction = satisfaction;
            outcome.education = education;
            outcome.total_years = total_years;
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
        out.score = if no_data {
            0.0
        } else {
            score.clamp(0.0, 100.0)
        };
        out.qualified = !no_data && required_met == req_n;
        out.required_met = required_met;
        out.required_total = req_n;
        out.preferred_met = preferred_met;
        out.preferred_total = pref_n;
        out.unchecked = unchecked;
        out.no_data = no_data;
    }

    /// The slots a skill can meet.
    fn slots_met_by(&self, skill: SkillId) -> &[u32] {
        let SkillId(id) = skill;
        let Some(word) = self.meets_any.get(id as usize / 64) else {
            return &[];
        };
        let bit = 1u64 << (id % 64);
        if word.bits & bit == 0 {
            return &[];
        }
        let k = (word.before + (word.bits & (bit - 1)).count_ones()) as usize;
        let start = k.checked_sub(1).map_or(0, |j| self.meets_end[j]);
        &self.meets_slots[start as usize..self.meets_end[k] as usize]
    }

    /// Credits `h` to every slot it can meet where it beats the evidence so far (or is the
    /// first).
    fn offer(&self, h: &Held, profile: &Profile, outcomes: &mut [Outcome]) {
        for &s in self.slots_met_by(h.skill) {
            let slot = &self.slots[s as usize];
            let years_factor = match (slot.years_asked, h.years.or(profile.years_experience)) {
                (Some(asked), Some(have)) if asked > 0.0 => (have / asked).min(1.0),
                _ => 1.0,
            };
            let level_factor = match (slot.level_asked, h.level) {
                (Some(asked), Some(have)) if have < asked => {
                    (1.0 - 0.25 * (asked as u8 - have as u8) as f32).max(0.25)
                }
                _ => 1.0,
            };
            let credit = years_factor * level_factor;
            let best = &mut outcomes[slot.requirement as usize].evidence[slot.position as usize];
            if credit > best.credit || best.via.is_none() {
                *best = Evidence {
                    wanted: slot.want,
                    via: Some(h.skill),
                    from_text: h.from_text,
                    profile_skill: h.index,
                    years: h.years,
                    credit,
                };
            }
        }
    }

    pub fn taxonomy(&self) -> &'t Taxonomy {
        self.taxonomy
    }

    /// What the candidate lacks for the required requirements `score` did not find fully met,
    /// without repeats. Derived from the outcomes on demand, so only rows that are shown pay
    /// for the strings.
    pub fn missing(&self, score: &Score) -> Vec<String> {
        let mut ids: Vec<u32> = Vec::new();
        let mut add = |id: u32| {
            if !ids.contains(&id) {
                ids.push(id);
            }
        };
        for ((r, o), texts) in self
            .set
            .requirements
            .iter()
            .zip(&score.outcomes)
            .zip(&self.missing)
        {
            if r.importance != Importance::Required
                || matches!(o.status, Status::Met | Status::Unchecked)
            {
                continue;
            }
            let evidence = &o.evidence;
            if !evidence.is_empty() {
                if let Some(group) = texts.group {
                    if evidence.iter().filter(|e| e.credit >= 1.0).count() < r.min_count {
                        add(group);
                    }
                } else {
                    for (e, &(name, with_years)) in evidence.iter().zip(&texts.skills) {
                        if e.credit < 1.0 {
                            add(match (e.via, with_years) {
                                (Some(_), Some(text)) => text,
                                _ => name,
                            });
                        }
                    }
                }
            }
            if let Some((_, _, false)) = o.education
                && let Some(degree) = texts.degree
            {
                add(degree);
            }
            if let Some((asked, Some(have))) = o.total_years
                && have < asked
                && let Some(years) = texts.years
            {
                add(years);
            }
        }
        ids.iter()
            .map(|&id| self.missing_texts[id as usize].clone())
            .collect()
    }
}

/// Every text [`Matcher::missing`] can give for `set`, each distinct one once, and which of
/// them each requirement uses.
fn missing_texts(taxonomy: &Taxonomy, set: &RequirementSet) -> (Vec<String>, Vec<Missing>) {
    let mut texts: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    let mut intern = |text: String| -> u32 {
        *index.entry(text).or_insert_with_key(|text| {
            texts.push(text.clone());
            texts.len() as u32 - 1
        })
    };
    let name = |id: SkillId| taxonomy.skill(id).name.to_string();
    let missing = set
        .requirements
        .iter()
        .map(|r| {
            let names: Vec<String> = r.skills.iter().map(|&s| name(s)).collect();
            Missing {
                group: (r.min_count < r.skills.len()).then(|| {
                    intern(if r.min_count == 1 {
                        format!("one of {}", names.join("/"))
                    } else {
                        format!("{} of {}", r.min_count, names.join("/"))
                    })
                }),
                skills: names
                    .iter()
                    .map(|n| {
                        let with_years = r.years.map(|y| intern(format!("{n} ({y} years)")));
                        (intern(n.clone()), with_years)
                    })
                    .collect(),
                degree: r
                    .education
                    .map(|e| intern(format!("{} degree", education_name(e.level)))),
                years: r.years.map(|y| intern(format!("{y} years experience"))),
            }
        })
        .collect();
    (texts, missing)
}

/// The mean of the best `min_count` credits (at least one, at most all of them).
fn best_mean(evidence: &[Evidence], min_count: usize) -> f32 {
    let k = min_count.clamp(1, evidence.len());
    if k == 1 {
        // The best credit, summed and divided as below so the result is the same float.
        let best = evidence.iter().map(|e| e.credit).max_by(f32::total_cmp);
        return best.into_iter().sum::<f32>() / k as f32;
    }
    // On the stack for the usual handful of skills.
    let mut small = [0f32; 16];
    let mut large = Vec::new();
    let credits: &mut [f32] = if evidence.len() <= small.len() {
        &mut small[..evidence.len()]
    } else {
        large.resize(evidence.len(), 0.0);
        &mut large
    };
    for (c, e) in credits.iter_mut().zip(evidence) {
        *c = e.credit;
    }
    credits.sort_by(|a, b| b.total_cmp(a));
    credits[..k].iter().sum::<f32>() / k as f32
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
