//! JSON Resume v1 (<https://jsonresume.org/schema>) mapped onto a [`Profile`].
//!
//! - `skills[].name` and every `keywords` entry are skills, at the entry's `level` ("Expert",
//!   "Intermediate", "90", "7 years" all read);
//! - `work[]` entries give years: each entry's position, summary, description, highlights and
//!   keywords are mined for skills with the full-taxonomy extractor, and every skill found
//!   gets the months of that entry (overlapping entries merged); the total is the merged union
//!   of all entries. Dates as published ("2019-03", "2019", "Present", missing end: today);
//! - `volunteer[]`, `projects[]` and `basics.summary`/`label` are mined for skills, no years;
//! - `education[].studyType` → a level (Bachelor, BSc, Laurea Magistrale, 学士...), `area` the
//!   field; `certificates[].name` and `languages[].language` as in native profiles.

use std::borrow::Cow;

use super::date::{self, Month};
use super::fast_hash::FastMap;
use super::json::{JsonRecord, Obj, Text, WorkEntry};
use super::{Degree, Loader, Origin, Profile, ProfileSkill, SkillCache};
use crate::requirement::{EducationLevel, Proficiency};
use crate::skill::SkillId;

/// Where in the resume a skill was found; spelled out as [`ProfileSkill::source`] only when
/// the loader notes sources.
#[derive(Clone, Copy)]
enum Place<'e, 'a> {
    Skills,
    /// A `keywords` entry of the skill group with this name.
    Group(Option<&'e str>),
    Entry(&'e WorkEntry<'a>),
    Summary,
    Certificates,
    Languages,
}

impl Place<'_, '_> {
    fn describe(self) -> String {
        match self {
            Place::Skills => "skills".into(),
            Place::Group(name) => format!("skills: {}", name.unwrap_or("keywords")),
            Place::Entry(e) => format!("work: {}", entry_label(e)),
            Place::Summary => "summary".into(),
            Place::Certificates => "certificates".into(),
            Place::Languages => "languages".into(),
        }
    }
}

struct Builder<'l> {
    loader: &'l Loader<'l>,
    profile: Profile,
    /// Index into `profile.skills` by skill.
    index: FastMap<SkillId, usize>,
}

impl Builder<'_> {
    fn add(
        &mut self,
        id: SkillId,
        written: &str,
        level: Option<Proficiency>,
        years: Option<f32>,
        place: Place,
    ) {
        match self.index.get(&id) {
            Some(&i) => {
                let s = &mut self.profile.skills[i];
                s.level = s.level.max(level);
                if years > s.years {
                    s.years = years;
                }
            }
            None => {
                self.index.insert(id, self.profile.skills.len());
                self.profile.skills.push(ProfileSkill {
                    skill: id,
                    written: written.to_string(),
                    level,
                    years,
                    source: self.loader.sources.then(|| place.describe()),
                });
            }
        }
    }

    /// Skills named in `text`, added and returned. A name or title (`name`) is looked up in
    /// the worker's cache ([`SkillCache::mentions`]); prose is mined every time.
    fn mine(
        &mut self,
        (text, name): (&str, bool),
        place: Place,
        cache: &mut SkillCache,
        found: &mut Vec<SkillId>,
    ) {
        let mentions = if name {
            cache.mentions(&self.loader.extractor, text)
        } else {
            Cow::Owned(self.loader.extractor.find(text))
        };
        for &m in mentions.iter() {
            self.add(m.skill, &text[m.start..m.end], None, None, place);
            found.push(m.skill);
        }
    }

    fn entry(&mut self, e: &WorkEntry, cache: &mut SkillCache, found: &mut Vec<SkillId>) {
        let place = Place::Entry(e);
        // (field, whether it is a name or title rather than prose)
        let fields = [
            (&e.position, true),
            (&e.summary, false),
            (&e.description, false),
            (&e.name, true),
        ];
        for (t, name) in fields
            .into_iter()
            .chain(e.highlights.0.iter().map(|h| (h, false)))
        {
            if let Some(text) = t.get() {
                self.mine((text, name), place, cache, found);
            }
        }
        for k in e
            .keywords
            .0
            .iter()
            .filter_map(Text::get)
            .chain(Obj::iter(&e.skills).filter_map(|s| s.name.get()))
        {
            if let Some(id) = cache.lookup(self.loader.taxonomy, k) {
                self.add(id, k, None, None, place);
                found.push(id);
            }
        }
    }
}

fn entry_label(e: &WorkEntry) -> String {
    let place = e.name.get().or(e.company.get()).or(e.organization.get());
    match (e.position.get(), place) {
        (Some(p), Some(c)) => format!("{p}, {c}"),
        (Some(x), None) | (None, Some(x)) => x.to_string(),
        (None, None) => "untitled entry".to_string(),
    }
}

/// Maps a JSON Resume record; never fails: fields it cannot read are left out.
pub fn resolve(
    rec: &JsonRecord,
    origin: &Origin,
    loader: &Loader,
    cache: &mut SkillCache,
) -> Profile {
    let basics = rec.basics.as_ref().and_then(|b| b.0.as_ref());
    let mut b = Builder {
        loader,
        profile: Profile {
            id: rec
                .id
                .get()
                .map_or_else(|| origin.default_id(), str::to_string),
            name: basics
                .and_then(|b| b.name.get())
                .or(rec.name.get())
                .map(str::to_string),
            summary: basics
                .and_then(|b| b.summary.get())
                .or(rec.summary.get())
                .map(str::to_string),
            years_experience: rec.years_experience,
            ..Profile::default()
        },
        // Seeded from the worker's cache rather than afresh per record, and sized for a
        // resume's usual skill count so it rarely grows.
        index: FastMap::with_capacity_and_hasher(16, cache.hash_state()),
    };
    for s in Obj::iter(&rec.skills) {
        let (level, years) = s
            .level
            .get()
            .map(|l| cache.resume_level(l))
            .unwrap_or_default();
        let years = s.years.0.or(years);
        let name = s.name.get();
        let mut any = false;
        if let Some(name) = name
            && let Some(id) = cache.lookup(loader.taxonomy, name)
        {
            b.add(id, name, level, years, Place::Skills);
            any = true;
        }
        for k in s
            .keywords
            .iter()
            .flat_map(|k| k.0.iter())
            .filter_map(Text::get)
        {
            if let Some(id) = cache.lookup(loader.taxonomy, k) {
                b.add(id, k, level, years, Place::Group(name));
                any = true;
            }
        }
        if !any && let Some(name) = name {
            b.profile.unknown_skills.push(name.to_string());
        }
    }
    let mut all: Vec<(Month, Month)> = Vec::new();
    // (skill, start, end, entry) for every skill a dated work entry names.
    let mut worked: Vec<(SkillId, Month, Month, &WorkEntry)> = Vec::new();
    let mut found = Vec::new();
    for e in rec.work.iter().flat_map(Obj::iter) {
        found.clear();
        b.entry(e, cache, &mut found);
        if let Some((start, end)) =
            date::interval(e.start_date.get(), e.end_date.get(), loader.as_of)
        {
            all.push((start, end));
            found.sort_unstable();
            found.dedup();
            worked.extend(found.iter().map(|&id| (id, start, end, e)));
        }
    }
    for e in Obj::iter(&rec.volunteer).chain(Obj::iter(&rec.projects)) {
        found.clear();
        b.entry(e, cache, &mut found);
    }
    if let Some(basics) = basics {
        for (t, name) in [(&basics.label, true), (&basics.summary, false)] {
            if let Some(text) = t.get() {
                b.mine((text, name), Place::Summary, cache, &mut found);
            }
        }
    }
    // Years per skill from the work entries that name it (stable: each skill's entries stay
    // in resume order).
    worked.sort_by_key(|w| w.0);
    let mut spans: Vec<(Month, Month)> = Vec::new();
    for entries in worked.chunk_by(|a, b| a.0 == b.0) {
        let id = entries[0].0;
        spans.clear();
        spans.extend(entries.iter().map(|&(_, s, e, _)| (s, e)));
        let years = date::years(date::merged_months(&mut spans));
        let i = b.index[&id];
        let skill = &mut b.profile.skills[i];
        if skill.years.is_none_or(|y| y < years) {
            skill.years = Some(years);
        }
        if loader.sources {
            let mut detail: Vec<String> = entries
                .iter()
                .take(3)
                .map(|(_, s, e, entry)| {
                    let label = entry_label(entry);
                    format!("{label} {s}..{e} ({} years)", date::years(e.0 - s.0 + 1))
                })
                .collect();
            if entries.len() > 3 {
                detail.push(format!("{} more", entries.len() - 3));
            }
            skill.source = Some(format!("work: {}", detail.join("; ")));
        }
    }
    if !all.is_empty() && rec.years_experience.is_none() {
        b.profile.years_experience = Some(date::years(date::merged_months(&mut all)));
    }
    for e in Obj::iter(&rec.education) {
        let level = e
            .study_type
            .as_ref()
            .and_then(Text::get)
            .or(e.level.get())
            .and_then(|d| cache.resume_degree(d));
        let field = e
            .area
            .as_ref()
            .and_then(Text::get)
            .or(e.field.get())
            .map(str::to_string);
        b.profile.education.push(Degree { level, field });
    }
    for c in Obj::iter(&rec.certifications).chain(rec.certificates.iter().flat_map(Obj::iter)) {
        if let Some(name) = c.name.get() {
            b.profile.certifications.push(name.to_string());
            if let Some(id) = cache.lookup(loader.taxonomy, name) {
                b.add(id, name, None, None, Place::Certificates);
            }
        }
    }
    for l in Obj::iter(&rec.languages) {
        if let Some(name) = l.get() {
            b.profile.languages.push(name.to_string());
            if let Some(id) = cache.lookup(loader.taxonomy, name) {
                b.add(id, name, None, None, Place::Languages);
            }
        }
    }
    b.profile
}

/// A JSON Resume skill level: a word, a percentage, or a span of years.
pub fn resume_level(text: &str) -> (Option<Proficiency>, Option<f32>) {
    if let Some(p) = Proficiency::parse(text) {
        return (Some(p), None);
    }
    let lower = text.trim().to_lowercase();
    let number: Option<f32> = lower
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .find(|s| !s.is_empty())
        .and_then(|s| s.parse().ok());
    if lower.contains("year") || lower.contains("yr") {
        return (None, number.filter(|y| (0.0..=80.0).contains(y)));
    }
    if let Some(n) = number
        && lower.trim_end_matches('%').trim().parse::<f32>().is_ok()
        && (0.0..=100.0).contains(&n)
    {
        let p = match n {
            n if n < 40.0 => Proficiency::Basic,
            n if n < 65.0 => Proficiency::Working,
            n if n < 85.0 => Proficiency::Advanced,
            _ => Proficiency::Expert,
        };
        return (Some(p), None);
    }
    let p = match lower.as_str() {
        "medium" | "intermediate" | "moderate" => Some(Proficiency::Working),
        "experienced" | "senior" | "very good" | "high" => Some(Proficiency::Advanced),
        "master" | "guru" | "excellent" => Some(Proficiency::Expert),
        "junior" | "low" | "learning" => Some(Proficiency::Basic),
        _ => None,
    };
    (p, None)
}

/// A degree as resumes name it, in several languages; `None` for courses and trainings.
pub fn education_level(text: &str) -> Option<EducationLevel> {
    if let Some(level) = EducationLevel::parse(text) {
        return Some(level);
    }
    let w = text.to_lowercase().replace(['.', '\''], "");
    let has = |keys: &[&str]| keys.iter().any(|k| w.contains(k));
    if has(&["phd", "doctor", "doktor", "dottorato", "博士", "박사"]) {
        Some(EducationLevel::Phd)
    } else if has(&[
        "master",
        "magist",
        "msc",
        "mphil",
        "meng",
        "mba",
        "硕士",
        "修士",
        "석사",
        "diplôme dingénieur",
        "laurea specialistica",
    ]) {
        Some(EducationLevel::Master)
    } else if has(&[
        "bachelor",
        "bsc",
        "beng",
        "laurea",
        "licence",
        "licenciatura",
        "学士",
        "本科",
        "학사",
    ]) || matches!(w.trim(), "sb" | "ab" | "bs" | "ba")
    {
        Some(EducationLevel::Bachelor)
    } else if has(&["associate", "diploma of college", "dec"]) && !has(&["course", "training"]) {
        Some(EducationLevel::Associate)
    } else if has(&[
        "high school",
        "liceo",
        "secondary",
        "sekundarschule",
        "gymnasium",
        "baccalauréat",
    ]) {
        Some(EducationLevel::HighSchool)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Format;
    use crate::skill::Taxonomy;

    #[test]
    fn sources_off_changes_nothing_but_the_sources() {
        let taxonomy = Taxonomy::embedded();
        let text = include_str!("../../fixtures/resumes/ada-json-resume.json");
        let origin = Origin {
            name: "ada.json",
            line: None,
            stem: "ada",
        };
        let read = |sources: bool| {
            Loader::new(&taxonomy, Month::new(2026, 11))
                .with_sources(sources)
                .parse(text, Format::Json, &origin, &mut SkillCache::default())
                .expect("the fixture reads")
        };
        let (with, without) = (read(true), read(false));
        assert!(
            with.skills
                .iter()
                .any(|s| s.source.as_deref().is_some_and(|s| s.starts_with("work: ")))
        );
        assert!(without.skills.iter().all(|s| s.source.is_none()));
        let mut stripped = with.clone();
        for s in &mut stripped.skills {
            s.source = None;
        }
        assert_eq!(stripped, without);
    }

    #[test]
    fn a_warm_cache_reads_the_same_profile() {
        // The worker's cache remembers skill names, levels, degrees and the mentions in
        // titles; what earlier records left in it must not change a later record.
        let taxonomy = Taxonomy::embedded();
        let loader = Loader::new(&taxonomy, Month::new(2026, 11));
        let text = include_str!("../../fixtures/resumes/ada-json-resume.json");
        let origin = Origin {
            name: "ada.json",
            line: None,
            stem: "ada",
        };
        let mut warm = SkillCache::default();
        let read = |cache: &mut SkillCache| {
            loader
                .parse(text, Format::Json, &origin, cache)
                .expect("the fixture reads")
        };
        let first = read(&mut warm);
        assert_eq!(read(&mut warm), first);
        assert_eq!(read(&mut SkillCache::default()), first);
    }

    #[test]
    fn levels_as_published() {
        let cases = [
            ("Expert", Some(Proficiency::Expert), None),
            ("Intermediate", Some(Proficiency::Working), None),
            ("Experienced", Some(Proficiency::Advanced), None),
            ("90", Some(Proficiency::Expert), None),
            ("45", Some(Proficiency::Working), None),
            ("7 years", None, Some(7.0)),
            ("15+ years", None, Some(15.0)),
            ("", None, None),
        ];
        for (text, level, years) in cases {
            assert_eq!(resume_level(text), (level, years), "{text}");
        }
    }

    #[test]
    fn degrees_as_published() {
        use EducationLevel::*;
        let cases = [
            ("Bachelor's Degree", Some(Bachelor)),
            ("B.Eng.", Some(Bachelor)),
            ("Laurea Magistrale (3+2)", Some(Master)),
            ("Laurea Triennale", Some(Bachelor)),
            ("Master of Science", Some(Master)),
            ("PhD Computational Mathematics", Some(Phd)),
            ("学士", Some(Bachelor)),
            ("학사", Some(Bachelor)),
            ("SB", Some(Bachelor)),
            ("Liceo Scientifico", Some(HighSchool)),
            ("Training Course", None),
            ("Computer Science", None),
        ];
        for (text, want) in cases {
            assert_eq!(education_level(text), want, "{text}");
        }
    }
}
