//! The front door: [`PostingParser::read`] tells what kind of document a posting is by its
//! content and reads it accordingly.
//!
//! | content | read as |
//! | --- | --- |
//! | JSON with a schema.org `JobPosting` (bare, in an array or an `@graph`) | [`super::jsonld`] |
//! | JSON with a job's keys (`title`/`company` plus `responsibilities`, `skills`, ...) | [`super::job_json`] |
//! | an HTML page with a `JobPosting` JSON-LD block | [`super::jsonld`]; the page's main text when it has no `description` |
//! | any other HTML page | its main text ([`super::page`]) |
//! | anything else | markdown, plain text or an HTML fragment ([`PostingParser::parse`]) |
//!
//! Structured postings are read by sending their description through the section parser and
//! then adding what the structured fields say: title, company, location, employment type and
//! salary win over what the text says; qualification, experience and education texts add the
//! requirements the description lacks (by text); `monthsOfExperience` and a credential become
//! requirements when no required one asks for years or a degree; `skills` the description
//! does not ask for become one required "Skills:" requirement when the description has no
//! requirement at all, and `mentioned` otherwise (as `--format jsonld` writes them). Such
//! added requirements have line 0.

use std::collections::HashSet;

use serde_json::Value;

use super::PostingParser;
use super::jsonld::{self, JobPosting};
use super::{job_json, page};
use crate::requirement::{Education, Importance, Requirement, RequirementSet, SectionKind};
use crate::skill::{Kind, SkillId};

enum Document {
    Structured(Box<JobPosting>, Option<String>),
    Page,
    Text,
}

fn detect(text: &str) -> Document {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with(['{', '[']) {
        if let Ok(doc) = serde_json::from_str::<Value>(trimmed) {
            if let Some(node) = jsonld::find(&doc) {
                return Document::Structured(Box::new(jsonld::read(node)), None);
            }
            if job_json::looks_like_job(&doc) {
                return Document::Structured(Box::new(job_json::read(&doc)), None);
            }
        }
        return Document::Text;
    }
    let is_page = page::is_page(text);
    for block in page::json_ld_blocks(text) {
        if let Ok(doc) = serde_json::from_str::<Value>(block)
            && let Some(node) = jsonld::find(&doc)
        {
            let main = is_page.then(|| page::main_text(text));
            return Document::Structured(Box::new(jsonld::read(node)), main);
        }
    }
    if is_page {
        Document::Page
    } else {
        Document::Text
    }
}

impl PostingParser<'_> {
    /// Reads one posting of any supported kind (see the module docs); `source` names it.
    /// Like [`PostingParser::parse`], this never fails.
    pub fn read(&self, text: &str, source: &str) -> RequirementSet {
        match detect(text) {
            Document::Structured(posting, main) => self.structured(&posting, main, source),
            Document::Page => self.parse(&page::main_text(text), source),
            Document::Text => self.parse(text, source),
        }
    }

    fn structured(
        &self,
        p: &JobPosting,
        page_text: Option<String>,
        source: &str,
    ) -> RequirementSet {
        let body = p.description.clone().or(page_text).unwrap_or_default();
        let mut set = self.parse_body(&body, source, false);
        for (slot, value) in [
            (&mut set.title, &p.title),
            (&mut set.company, &p.company),
            (&mut set.location, &p.location),
            (&mut set.employment_type, &p.employment_type),
            (&mut set.salary, &p.salary),
        ] {
            if value.is_some() {
                slot.clone_from(value);
            }
        }
        let extra = p
            .qualifications
            .iter()
            .chain(&p.experience_text)
            .chain(&p.education_text);
        let mut seen: HashSet<String> = set.requirements.iter().map(|r| folded(&r.text)).collect();
        for text in extra {
            if seen.contains(&folded(text)) {
                continue;
            }
            let mini = self.parse(&format!("## Requirements\n\n{text}\n"), source);
            for mut r in mini.requirements {
                if seen.insert(folded(&r.text)) {
                    r.line = 0;
                    set.requirements.push(r);
                }
            }
            for s in mini.mentioned {
                if !set.mentioned.contains(&s) {
                    set.mentioned.push(s);
                }
            }
        }
        self.structured_skills(p, &mut set);
        let required = |set: &RequirementSet| {
            set.requirements
                .iter()
                .filter(|r| r.importance == Importance::Required)
                .cloned()
                .collect::<Vec<_>>()
        };
        if let Some(years) = p.min_years
            && years > 0.0
            && !required(&set).iter().any(|r| r.years.is_some())
        {
            set.requirements
                .push(added(format!("{years}+ years of experience"), |r| {
                    r.years = Some(years)
                }));
        }
        if let Some(level) = p.education
            && !required(&set).iter().any(|r| r.education.is_some())
        {
            let mut text = jsonld::credential_category(level).to_string();
            if p.or_experience {
                text.push_str(" or equivalent experience");
            }
            set.requirements.push(added(text, |r| {
                r.education = Some(Education {
                    level,
                    or_experience: p.or_experience,
                })
            }));
        }
        self.finish(&mut set, Vec::new());
        set
    }

    /// `skills` the description does not ask for: one requirement, or `mentioned`.
    fn structured_skills(&self, p: &JobPosting, set: &mut RequirementSet) {
        let asked: Vec<SkillId> = set
            .requirements
            .iter()
            .flat_map(|r| r.skills.iter().copied())
            .collect();
        let mut new: Vec<SkillId> = Vec::new();
        for entry in &p.skills {
            let ids: Vec<SkillId> = match self.taxonomy.lookup(entry) {
                Some(id) => vec![id],
                None => self.extractor.find(entry).iter().map(|m| m.skill).collect(),
            };
            for id in ids {
                if self.taxonomy.skill(id).kind != Kind::Soft
                    && !asked.contains(&id)
                    && !new.contains(&id)
                {
                    new.push(id);
                }
            }
        }
        if new.is_empty() {
            return;
        }
        if set.requirements.is_empty() {
            let text = format!("Skills: {}", p.skills.join(", "));
            let count = new.len();
            set.requirements.push(added(text, |r| {
                r.skills = new;
                r.min_count = count;
            }));
        } else {
            for id in new {
                if !set.mentioned.contains(&id) {
                    set.mentioned.push(id);
                }
            }
        }
    }
}

fn added(text: String, fill: impl FnOnce(&mut Requirement)) -> Requirement {
    let mut r = Requirement {
        importance: Importance::Required,
        skills: Vec::new(),
        soft: Vec::new(),
        min_count: 0,
        years: None,
        proficiency: None,
        education: None,
        text,
        line: 0,
        section: SectionKind::Required,
    };
    fill(&mut r);
    r
}

/// Text compared without case and white-space differences.
fn folded(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
