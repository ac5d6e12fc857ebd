//! Job postings → requirement sets.
//!
//! [`source`] turns whatever was pasted (markdown, plain text, HTML, front matter) into
//! markdown with a line map; [`blocks`] reads it with `pulldown-cmark` into headings, items and
//! paragraphs, resolving pseudo-headings; [`section`] names each section's kind; [`clause`]
//! reads each requirement sentence; [`fields`] finds the title and company in the text. This
//! module walks the blocks and assembles the
//! [`RequirementSet`]. Parsing never fails: any text yields a (possibly empty) set.
//!
//! [`PostingParser::read`] is the front door for every kind of posting file: it tells
//! schema.org JSON-LD ([`jsonld`]), JSON Resume `job.json` ([`job_json`]) and saved HTML pages
//! ([`page`]) from text by content, in [`document`].

mod blocks;
mod clause;
mod document;
mod fields;
pub mod job_json;
pub mod jsonld;
mod page;
mod section;
mod source;

pub use section::{TABLE as SECTION_TABLE, classify as classify_heading};

use std::borrow::Cow;

use blocks::Block;

use crate::requirement::{Importance, Requirement, RequirementSet, Section, SectionKind};
use crate::skill::{Extractor, Kind, Mention, SkillId, Taxonomy};

/// Skills too broad to be asked for or mentioned: "software development" is the craft of every
/// software job, named in passing ("a basic understanding of software development"), and a
/// profile rarely lists it, so as a requirement it would be reported missing from candidates
/// who plainly have it. Across the postings we measured no careful reader counted it.
const TOO_BROAD: &[&str] = &["software-engineering"];

/// Category words: skills that say what kind the other skills of the same sentence are
/// ("programming experience in one of: Java, C#", "C programming", "Programming language:
/// Kotlin/Java"). With another skill beside them they ask for nothing of their own and are
/// dropped; alone ("an understanding of programming languages") they are the requirement.
const CATEGORY_WORDS: &[&str] = &["programming"];

/// Parses postings with one taxonomy; build once, parse many.
pub struct PostingParser<'t> {
    taxonomy: &'t Taxonomy,
    extractor: Extractor,
    /// [`TOO_BROAD`] and [`CATEGORY_WORDS`], as far as the taxonomy has them.
    too_broad: Vec<SkillId>,
    category_words: Vec<SkillId>,
}

impl<'t> PostingParser<'t> {
    pub fn new(taxonomy: &'t Taxonomy) -> Self {
        PostingParser {
            taxonomy,
            extractor: Extractor::new(taxonomy),
            too_broad: resolve(taxonomy, TOO_BROAD),
            category_words: resolve(taxonomy, CATEGORY_WORDS),
        }
    }

    pub fn taxonomy(&self) -> &'t Taxonomy {
        self.taxonomy
    }

    /// Parses one posting; `source` names it (a path or `<stdin>`).
    pub fn parse(&self, text: &str, source: &str) -> RequirementSet {
        self.parse_body(text, source, true)
    }

    /// [`Self::parse`], with the rule that a posting listing only duties asks for their skills
    /// switched by `duties_are_requirements` (off for a description whose requirements come
    /// from structured fields beside it).
    fn parse_body(
        &self,
        text: &str,
        source: &str,
        duties_are_requirements: bool,
    ) -> RequirementSet {
        let prepared = source::prepare(text);
        let several_skills = |text: &str| self.named_skills(text).len() > 1;
        let blocks = group_lead_ins(blocks::blocks(&prepared.text), &several_skills);
        let mut set = RequirementSet {
            source: source.to_string(),
            title: None,
            company: None,
            location: None,
            employment_type: None,
            salary: None,
            min_years: None,
            education: None,
            requirements: Vec::new(),
            mentioned: Vec::new(),
            sections: Vec::new(),
        };
        self.read_front_matter(&prepared.front_matter, &mut set);
        let mut walk = Walk::default();
        // Duties that name skills, kept in case the posting states no requirement at all.
        let mut duties: Vec<Requirement> = Vec::new();
        // The section a preferred lead-in interrupted, resumed after the list under it.
        let mut interrupted: Option<(Option<SectionKind>, u8)> = None;
        for (index, block) in blocks.iter().enumerate() {
            if !matches!(block, Block::Item { depth: 1.., .. })
                && let Some((kind, level)) = interrupted.take()
            {
                (walk.kind, walk.level) = (kind, level);
            }
            match block {
                Block::Heading {
                    text,
                    level,
                    offset,
                } => {
                    let line = prepared.line_at(*offset);
                    walk.heading(text, *level, line, &mut set);
                }
                Block::Field {
                    label,
                    value,
                    offset: _,
                } => {
                    let slot = match label.as_str() {
                        "title" => &mut set.title,
                        "company" => &mut set.company,
                        "location" => &mut set.location,
                        _ => &mut set.employment_type,
                    };
                    if slot.is_none() && !value.is_empty() {
                        *slot = Some(value.clone());
                    }
                }
                Block::Item { text, offset, .. } => {
                    let line = prepared.line_at(*offset);
                    self.unit(text, line, true, walk.kind, &mut set, &mut duties);
                }
                Block::Paragraph { text, offset } => {
                    if index == 0
                        && set.title.is_none()
                        && let Some((company, title)) = fields::header_line(text)
                    {
                        set.title = Some(title);
                        set.company.get_or_insert(company);
                    }
                    // "Experience with some of these would be highly beneficial:" makes the
                    // list under it a preferred sub-section, whatever section it stands in.
                    if text.ends_with(':')
                        && text.split_whitespace().count() <= 20
                        && clause::sentences(text).len() == 1
                        && walk.kind != Some(SectionKind::Preferred)
                        && section::classify(text) == Some(SectionKind::Preferred)
                    {
                        let line = prepared.line_at(*offset);
                        interrupted = Some((walk.kind, walk.level));
                        walk.heading(text, walk.level.saturating_add(1), line, &mut set);
                        continue;
                    }
                    // Each sentence is looked for after the one before, within a window, so a
                    // huge paragraph costs linear time.
                    let (mut cursor, mut previous) = (*offset, 0);
                    for (k, (_, sentence)) in clause::sentences(text).into_iter().enumerate() {
                        let offset = if k == 0 {
                            *offset
                        } else {
                            locate(&prepared.text, cursor, previous, sentence)
                        };
                        (cursor, previous) = (offset, sentence.len());
                        let line = prepared.line_at(offset);
                        self.unit(sentence, line, false, walk.kind, &mut set, &mut duties);
                    }
                }
            }
        }
        if !duties_are_requirements {
            duties.clear();
        }
        self.finish(&mut set, duties);
        set
    }

    fn read_front_matter(
        &self,
        front: &std::collections::BTreeMap<String, String>,
        set: &mut RequirementSet,
    ) {
        let pick = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| front.get(*k))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        set.title = pick(&["title", "job_title", "jobtitle", "position"]);
        set.company = pick(&[
            "company",
            "companyname",
            "company_name",
            "organization",
            "organisation",
            "employer",
            "hiringorganization",
        ]);
        set.location = pick(&["location", "job_location", "joblocation", "locations"]);
        set.employment_type = pick(&[
            "employment_type",
            "employmenttype",
            "type",
            "job_type",
            "jobtype",
            "contract",
        ]);
        // The posting's stack, as tagged by its author.
        for key in ["tags", "skills", "technologies", "stack", "keywords"] {
            if let Some(list) = front.get(key) {
                for tag in list.split(',') {
                    if let Some(id) = self.taxonomy.lookup(tag.trim())
                        && self.taxonomy.skill(id).kind != Kind::Soft
                        && !set.mentioned.contains(&id)
                    {
                        set.mentioned.push(id);
                    }
                }
            }
        }
    }

    /// One item or sentence, in a section of `kind` (`None` before any heading).
    fn unit(
        &self,
        text: &str,
        line: u32,
        is_item: bool,
        kind: Option<SectionKind>,
        set: &mut RequirementSet,
        duties: &mut Vec<Requirement>,
    ) {
        if set.title.is_none()
            && let Some(title) = fields::title_from_role_sentence(text)
        {
            set.title = Some(title);
        }
        let section = kind.unwrap_or(SectionKind::Other);
        if matches!(
            section,
            SectionKind::Intro | SectionKind::Benefits | SectionKind::Legal | SectionKind::Apply
        ) || section::is_legal_boilerplate(text)
        {
            return;
        }
        let mentions = self.named_skills(text);
        let mut skills: Vec<SkillId> = Vec::new();
        let mut soft: Vec<SkillId> = Vec::new();
        let mut skill_mentions = Vec::new();
        for m in &mentions {
            let list = if self.taxonomy.skill(m.skill).kind == Kind::Soft {
                &mut soft
            } else {
                skill_mentions.push(*m);
                &mut skills
            };
            if !list.contains(&m.skill) {
                list.push(m.skill);
            }
        }
        let sentence = clause::Sentence::new(text);
        let requirement_like = clause::requirement_like(&sentence);
        // "Spring Boot (strongly preferred)": an aside qualifies its own words only.
        let preferred_like = || match outside_parentheses(text) {
            Cow::Borrowed(_) => clause::preferred_like(&sentence),
            Cow::Owned(rest) => clause::preferred_like(&clause::Sentence::new(&rest)),
        };
        let importance = match section {
            SectionKind::Preferred => Importance::Preferred,
            _ if preferred_like() => Importance::Preferred,
            _ => Importance::Required,
        };
        let years = clause::years(&sentence);
        let education = clause::education(&sentence);
        if education.is_some() {
            // "Bachelor's degree in Computer Science": the field belongs to the degree, it is
            // not a skill to check on its own.
            let field = |id: &SkillId| self.taxonomy.skill(*id).kind == Kind::Domain;
            skill_mentions.retain(|m| !field(&m.skill));
            skills.retain(|s| !field(s));
        }
        let is_requirement = match section {
            SectionKind::Required | SectionKind::Preferred => {
                is_item
                    || requirement_like
                    || !skills.is_empty()
                    || years.is_some()
                    || education.is_some()
            }
            _ => requirement_like && (!skills.is_empty() || years.is_some() || education.is_some()),
        };
        let requirement = Requirement {
            importance,
            min_count: clause::min_count(&sentence, &skill_mentions, skills.len()),
            years,
            proficiency: clause::proficiency(text),
            education,
            text: text.to_string(),
            line,
            section,
            skills,
            soft,
        };
        if is_requirement {
            set.requirements.push(requirement);
            return;
        }
        for &s in &requirement.skills {
            if !set.mentioned.contains(&s) {
                set.mentioned.push(s);
            }
        }
        if section == SectionKind::Responsibilities && is_item && !requirement.skills.is_empty() {
            duties.push(Requirement {
                importance: Importance::Required,
                ..requirement
            });
        }
    }

    /// The skills `text` names, less the [`TOO_BROAD`] ones and the [`CATEGORY_WORDS`] that
    /// only qualify another skill named beside them.
    fn named_skills(&self, text: &str) -> Vec<Mention> {
        let mut mentions = self.extractor.find(text);
        mentions.retain(|m| !self.too_broad.contains(&m.skill));
        let category = |m: &Mention| self.category_words.contains(&m.skill);
        let qualifies_another = mentions
            .iter()
            .any(|m| !category(m) && self.taxonomy.skill(m.skill).kind != Kind::Soft);
        if qualifies_another {
            mentions.retain(|m| !category(m));
        }
        mentions
    }

    fn finish(&self, set: &mut RequirementSet, duties: Vec<Requirement>) {
        // A posting that lists only what the job does asks for the skills the duties name.
        if !set.requirements.iter().any(|r| !r.skills.is_empty()) && !duties.is_empty() {
            set.requirements.extend(duties);
            set.requirements.sort_by_key(|r| r.line);
        }
        let required = || {
            set.requirements
                .iter()
                .filter(|r| r.importance == Importance::Required)
        };
        set.min_years = required().filter_map(|r| r.years).reduce(f32::max);
        set.education = required()
            .filter_map(|r| r.education)
            .min_by_key(|e| e.level);
        let asked: Vec<SkillId> = set
            .requirements
            .iter()
            .flat_map(|r| r.skills.iter().copied())
            .collect();
        set.mentioned.retain(|s| !asked.contains(s));
    }
}

/// The ids of `ids` the taxonomy has (an overlay may lack some).
fn resolve(taxonomy: &Taxonomy, ids: &[&str]) -> Vec<SkillId> {
    ids.iter().filter_map(|id| taxonomy.by_id(id)).collect()
}

/// Where `sentence` begins in the prepared text, looking after the previous sentence (which
/// starts at `from` and is `previous` bytes long) within a window proportional to it; `from`
/// when it cannot be found (markup may have changed its first word).
fn locate(text: &str, from: usize, previous: usize, sentence: &str) -> usize {
    let probe: String = sentence.chars().take(24).collect();
    let probe = probe.split_whitespace().next().unwrap_or("");
    let end = text.floor_char_boundary(from.saturating_add(previous.saturating_mul(4) + 1024));
    text.get(from..end)
        .and_then(|window| window.find(probe))
        .map(|i| from + i)
        .unwrap_or(from)
}

/// `text` without its parenthesised asides.
fn outside_parentheses(text: &str) -> Cow<'_, str> {
    if !text.contains('(') {
        return text.into();
    }
    let mut depth = 0usize;
    text.chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' if depth > 0 => {
                    depth -= 1;
                    return false;
                }
                _ => {}
            }
            depth == 0
        })
        .collect()
}

/// Section state while walking blocks.
#[derive(Default)]
struct Walk {
    kind: Option<SectionKind>,
    /// Level of the heading that set `kind`.
    level: u8,
    headings: usize,
}

impl Walk {
    fn heading(&mut self, text: &str, level: u8, line: u32, set: &mut RequirementSet) {
        self.headings += 1;
        // A first top-level heading that names a role is the posting's title, not a section
        // ("Senior Designer - User Experience"), and wins over front matter whose title names
        // no role.
        let title_heading = self.headings == 1
            && level == 1
            && set.requirements.is_empty()
            && fields::names_a_role(text)
            && !set.title.as_deref().is_some_and(fields::names_a_role);
        let known = if title_heading {
            None
        } else {
            section::classify(text)
        };
        let kind = match known {
            Some(k) => k,
            // An unknown sub-heading stays in its parent's section.
            None if self.kind.is_some() && level > self.level => {
                self.kind.unwrap_or(SectionKind::Other)
            }
            None => SectionKind::Other,
        };
        if known.is_none() && self.headings <= 2 && set.requirements.is_empty() {
            if self.headings == 1 && (set.title.is_none() || title_heading) {
                set.title = Some(text.to_string());
            } else if self.headings == 2 && set.title.is_some() && level <= 6 {
                let slot = if looks_like_location(text) {
                    &mut set.location
                } else {
                    &mut set.company
                };
                if slot.is_none() {
                    *slot = Some(text.to_string());
                }
            }
        }
        if known == Some(SectionKind::Intro)
            && set.company.is_none()
            && let Some(name) = text
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .strip_prefix("About ")
        {
            let name = name.trim();
            let words = name.split_whitespace().count();
            let generic = ["us", "you", "the", "our", "this", "business"];
            if (1..=3).contains(&words)
                && !generic
                    .iter()
                    .any(|g| name.to_ascii_lowercase().starts_with(g))
            {
                set.company = Some(name.to_string());
            }
        }
        if known.is_some() || level <= self.level || self.kind.is_none() {
            self.level = level;
        }
        self.kind = Some(kind);
        set.sections.push(Section {
            heading: text.to_string(),
            kind,
            line,
        });
    }
}

fn looks_like_location(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    let legal_form = |s: &str| {
        matches!(
            s.trim().trim_end_matches('.'),
            "inc" | "llc" | "ltd" | "gmbh" | "corp" | "co" | "plc" | "ag" | "sa" | "bv" | "pty ltd"
        )
    };
    t.contains("remote")
        || t.split(',').nth(1).is_some_and(|state| {
            let s = state.trim();
            !legal_form(s) && (s.len() == 2 || s.split_whitespace().count() <= 2)
        })
}

/// Joins a lead-in that announces a group ("one or more of the following:") with the list
/// that follows it, so the group is one requirement with its `min_count`; and an item ending
/// in ':' with its sub-items. A list whose items mostly name several skills each
/// ("Containers – Docker, Kubernetes") is a list of requirements, not of alternatives: its
/// items stay apart (`several_skills` tells such an item) unless the lead-in counts them.
fn group_lead_ins(blocks: Vec<Block>, several_skills: &dyn Fn(&str) -> bool) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut iter = blocks.into_iter().peekable();
    while let Some(block) = iter.next() {
        let (lead, lead_depth) = match &block {
            Block::Item { text, depth, .. } if text.ends_with(':') => (text.clone(), *depth),
            Block::Paragraph { text, .. }
                if text.ends_with(':')
                    && clause::min_count(&clause::Sentence::new(text), &[], 2) < 2 =>
            {
                (text.clone(), 0)
            }
            _ => {
                out.push(block);
                continue;
            }
        };
        let mut children = Vec::new();
        while let Some(Block::Item { depth, .. }) = iter.peek() {
            if *depth <= lead_depth {
                break;
            }
            if lead_depth == 0 && *depth > 1 && children.is_empty() {
                break;
            }
            children.extend(iter.next());
        }
        let text_of = |b: &Block| match b {
            Block::Item { text, .. } => text.clone(),
            _ => String::new(),
        };
        let lists = children
            .iter()
            .filter(|c| several_skills(&text_of(c)))
            .count();
        // "At least two of the following:" counts its items, whatever each holds.
        let counted = (2..usize::MAX).contains(&clause::min_count(
            &clause::Sentence::new(&lead),
            &[],
            usize::MAX,
        ));
        if children.is_empty() || (!counted && 2 * lists > children.len()) {
            out.push(block);
            out.extend(children);
            continue;
        }
        let children: Vec<String> = children.iter().map(text_of).collect();
        let text = format!("{lead} {}", children.join("; "));
        out.push(match block {
            Block::Item { depth, offset, .. } => Block::Item {
                text,
                depth,
                offset,
            },
            Block::Paragraph { offset, .. } => Block::Item {
                text,
                depth: 0,
                offset,
            },
            other => other,
        });
    }
    out
}
