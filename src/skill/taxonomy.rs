//! The taxonomy: every skill jobmatch knows, with its spellings and what it implies.
//!
//! The shipped data file (`data/skills.toml`, format in `data/README.md`) is embedded in the
//! binary; a user overlay in the same format may add skills, add spellings or override entries.
//! Loading validates everything once — unknown `implies` targets and implication cycles are
//! errors naming file and line — so the rest of the program works with dense [`SkillId`]s.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::token::{has_tokens, spelling_key};
use crate::error::{InputError, LineIndex, line_of};

/// Dense index of a skill in its [`Taxonomy`]; compared as an integer in hot loops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SkillId(pub u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Technology,
    Domain,
    Method,
    Certification,
    SpokenLanguage,
    Soft,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Technology => "technology",
            Kind::Domain => "domain",
            Kind::Method => "method",
            Kind::Certification => "certification",
            Kind::SpokenLanguage => "spoken_language",
            Kind::Soft => "soft",
        }
    }
}

/// A string that is `'static` in the built-in taxonomy and owned after an overlay.
pub type Str = Cow<'static, str>;
/// A slice that is `'static` in the built-in taxonomy and owned after an overlay.
pub type List<T> = Cow<'static, [T]>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skill {
    pub id: Str,
    pub name: Str,
    pub kind: Kind,
    pub category: Str,
    /// Spellings matched in any case.
    pub aliases: List<Str>,
    /// Spellings matched only in exactly this case ("Go", "IT").
    pub cased: List<Str>,
    /// Direct implications (broader skills), by id.
    pub implies: List<SkillId>,
    /// Also an ordinary word: extraction wants a technical context around it.
    pub ambiguous: bool,
}

impl Skill {
    /// Every spelling with whether it is case-sensitive; the name is cased only when listed in
    /// `cased`.
    pub fn spellings(&self) -> impl Iterator<Item = (&str, bool)> {
        let name_cased = self.cased.contains(&self.name);
        std::iter::once((&*self.name, name_cased))
            .filter(|(_, cased)| !cased)
            .chain(self.aliases.iter().map(|a| (&**a, false)))
            .chain(self.cased.iter().map(|c| (&**c, true)))
    }
}

/// A loaded, validated taxonomy. The built-in one is compiled into the binary as statics
/// (see `build.rs` and [`super::frozen`]), so using it costs no parsing and no allocation.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub(super) skills: List<Skill>,
    /// (id, skill), sorted by id.
    pub(super) by_id: List<(Str, SkillId)>,
    /// (spelling key, skill), sorted by key.
    pub(super) by_key: List<(Str, SkillId)>,
    /// (cased spelling exactly as written, skill), sorted.
    pub(super) by_cased: List<(Str, SkillId)>,
    /// Transitive implications of each skill, without the skill itself, sorted.
    pub(super) closure: List<List<SkillId>>,
    /// This is exactly the built-in taxonomy (no overlay), whose extractor is prebuilt too.
    pub(super) builtin: bool,
}

/// One `[[skill]]` table as written in a data file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkill {
    id: toml::Spanned<String>,
    name: Option<String>,
    kind: Option<Kind>,
    category: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    cased: Vec<String>,
    #[serde(default)]
    implies: Vec<String>,
    ambiguous: Option<bool>,
    /// In an overlay: replace the entry's spellings and implications instead of adding to them.
    #[serde(default)]
    replace: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    skill: Vec<RawSkill>,
}

impl Taxonomy {
    /// The taxonomy shipped in the binary, prebuilt at compile time from `data/skills.toml`.
    pub fn embedded() -> Taxonomy {
        super::frozen::taxonomy()
    }

    /// Loads a taxonomy from the text of a data file; `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<Taxonomy, InputError> {
        let mut builder = Builder::default();
        builder.merge(text, origin)?;
        builder.finish()
    }

    /// This taxonomy with a user overlay applied on top.
    pub fn with_overlay(&self, text: &str, origin: &str) -> Result<Taxonomy, InputError> {
        let mut builder = Builder::from_taxonomy(self);
        builder.merge(text, origin)?;
        builder.finish()
    }

    pub fn len(&self) -> usize {
        self.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    /// True for the taxonomy compiled into the binary, with no overlay applied.
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }

    pub fn skill(&self, id: SkillId) -> &Skill {
        &self.skills[id.0 as usize]
    }

    pub fn skills(&self) -> impl Iterator<Item = (SkillId, &Skill)> {
        self.skills
            .iter()
            .enumerate()
            .map(|(i, s)| (SkillId(i as u32), s))
    }

    pub fn by_id(&self, id: &str) -> Option<SkillId> {
        find_sorted(&self.by_id, id)
    }

    /// Looks a name up as a person writes it in a profile ("Postgres", "k8s", "golang"), in any
    /// case: a profile's skill list is already a technical context.
    pub fn lookup(&self, name: &str) -> Option<SkillId> {
        if let Some(id) = find_sorted(&self.by_cased, name.trim()) {
            return Some(id);
        }
        let key = spelling_key(name);
        if let Some(id) = find_sorted(&self.by_key, &key) {
            return Some(id);
        }
        // A plural or possessive written as a skill name ("APIs", "Containers").
        let singular = key.strip_suffix('s').filter(|s| !s.ends_with('s'))?;
        find_sorted(&self.by_key, singular)
    }

    /// The skill a case-insensitive spelling belongs to (where several skills claim it, the
    /// one the taxonomy's precedence chose).
    pub fn owner_of(&self, spelling: &str) -> Option<SkillId> {
        self.owner_of_key(&spelling_key(spelling))
    }

    /// [`Taxonomy::owner_of`] for a spelling already made a key ([`spelling_key`]).
    pub fn owner_of_key(&self, key: &str) -> Option<SkillId> {
        find_sorted(&self.by_key, key)
    }

    /// Everything `id` implies, transitively, not including `id`.
    pub fn implied_by(&self, id: SkillId) -> &[SkillId] {
        &self.closure[id.0 as usize]
    }

    /// True when knowing `have` means knowing `want` (the same skill, or implied by it).
    pub fn satisfies(&self, have: SkillId, want: SkillId) -> bool {
        have == want || self.implied_by(have).binary_search(&want).is_ok()
    }
}

fn find_sorted(list: &[(Str, SkillId)], key: &str) -> Option<SkillId> {
    list.binary_search_by(|(k, _)| (**k).cmp(key))
        .ok()
        .map(|i| list[i].1)
}

fn sorted(map: impl IntoIterator<Item = (String, SkillId)>) -> List<(Str, SkillId)> {
    let mut list: Vec<(Str, SkillId)> = map.into_iter().map(|(k, v)| (Cow::Owned(k), v)).collect();
    list.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Cow::Owned(list)
}

/// Accumulates data files in order of precedence, then validates once.
#[derive(Default)]
struct Builder {
    skills: Vec<Skill>,
    by_id: HashMap<String, SkillId>,
    /// implies by id string, resolved in `finish`, with the origin and line that named them.
    implies: Vec<Vec<(String, String, Option<u32>)>>,
    /// (spelling as written, skill, index of the file that gave it, cased), in file order.
    spellings: Vec<(String, SkillId, usize, bool)>,
    files: usize,
    /// An overlay renamed a skill or replaced its spellings: some of `spellings` are gone.
    stale: bool,
}

impl Builder {
    fn from_taxonomy(taxonomy: &Taxonomy) -> Builder {
        let implies = taxonomy
            .skills
            .iter()
            .map(|s| {
                s.implies
                    .iter()
                    .map(|&i| (taxonomy.skill(i).id.to_string(), String::new(), None))
                    .collect()
            })
            .collect();
        let spellings = taxonomy
            .skills()
            .flat_map(|(id, s)| s.spellings().map(move |(sp, c)| (sp.to_string(), id, 0, c)))
            .collect();
        Builder {
            skills: taxonomy.skills.to_vec(),
            by_id: taxonomy
                .by_id
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
            implies,
            spellings,
            files: 1,
            stale: false,
        }
    }

    fn merge(&mut self, text: &str, origin: &str) -> Result<(), InputError> {
        let file: RawFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            InputError::new(origin, line, format!("invalid taxonomy: {}", e.message()))
        })?;
        let file_index = self.files;
        self.files += 1;
        let lines = LineIndex::new(text);
        for raw in file.skill {
            let line = Some(lines.line(raw.id.span().start));
            let id = raw.id.into_inner();
            let err = |msg: String| InputError::new(origin, line, msg);
            if id.trim().is_empty() {
                return Err(err("skill with an empty id".into()));
            }
            let implies: Vec<_> = raw
                .implies
                .into_iter()
                .map(|target| (target, origin.to_string(), line))
                .collect();
            let clean = |list: Vec<String>| -> Result<Vec<String>, InputError> {
                list.into_iter()
                    .map(|a| {
                        if !has_tokens(&a) {
                            Err(err(format!("skill {id:?} has an empty alias")))
                        } else {
                            Ok(a)
                        }
                    })
                    .collect()
            };
            let aliases = clean(raw.aliases)?;
            let cased = clean(raw.cased)?;
            let target = self
                .by_id
                .get(&id)
                .copied()
                .unwrap_or(SkillId(self.skills.len() as u32));
            // A name listed in `cased` is only claimed as cased.
            let name = raw.name.iter().filter(|n| !cased.contains(n));
            let written = name.chain(&aliases).map(|s| (s, false));
            for (spelling, is_cased) in written.chain(cased.iter().map(|s| (s, true))) {
                self.spellings
                    .push((spelling.clone(), target, file_index, is_cased));
            }
            match self.by_id.get(&id).copied() {
                Some(existing) => {
                    self.stale |= raw.name.is_some() || raw.replace;
                    let i = existing.0 as usize;
                    let skill = &mut self.skills[i];
                    if let Some(name) = raw.name {
                        skill.name = name.into();
                    }
                    if let Some(kind) = raw.kind {
                        skill.kind = kind;
                    }
                    if let Some(category) = raw.category {
                        skill.category = category.into();
                    }
                    if let Some(ambiguous) = raw.ambiguous {
                        skill.ambiguous = ambiguous;
                    }
                    let owned = |list: Vec<String>| list.into_iter().map(Cow::Owned);
                    if raw.replace {
                        skill.aliases = owned(aliases).collect();
                        skill.cased = owned(cased).collect();
                        self.implies[i] = implies;
                    } else {
                        skill.aliases.to_mut().extend(owned(aliases));
                        skill.cased.to_mut().extend(owned(cased));
                        self.implies[i].extend(implies);
                    }
                }
                None => {
                    let name = raw
                        .name
                        .ok_or_else(|| err(format!("new skill {id:?} needs a name")))?;
                    if !has_tokens(&name) {
                        return Err(err(format!("skill {id:?} has an empty name")));
                    }
                    let skill_id = SkillId(self.skills.len() as u32);
                    self.by_id.insert(id.clone(), skill_id);
                    self.skills.push(Skill {
                        id: id.into(),
                        name: name.into(),
                        kind: raw.kind.unwrap_or(Kind::Technology),
                        category: raw.category.unwrap_or_default().into(),
                        aliases: aliases.into_iter().map(Cow::Owned).collect(),
                        cased: cased.into_iter().map(Cow::Owned).collect(),
                        implies: Cow::Owned(Vec::new()),
                        ambiguous: raw.ambiguous.unwrap_or(false),
                    });
                    self.implies.push(implies);
                }
            }
        }
        Ok(())
    }

    fn finish(mut self) -> Result<Taxonomy, InputError> {
        for (i, targets) in self.implies.iter().enumerate() {
            let mut resolved = Vec::with_capacity(targets.len());
            for (target, origin, line) in targets {
                let id = self.by_id.get(target).copied().ok_or_else(|| {
                    InputError::new(
                        origin.clone(),
                        *line,
                        format!(
                            "skill {:?} implies unknown skill {target:?}",
                            self.skills[i].id
                        ),
                    )
                })?;
                if !resolved.contains(&id) {
                    resolved.push(id);
                }
            }
            self.skills[i].implies = Cow::Owned(resolved);
        }
        let closure = implication_closure(&self.skills, |i| {
            let (_, origin, line) = self.implies[i]
                .first()
                .cloned()
                .unwrap_or_else(|| (String::new(), String::new(), None));
            (origin, line)
        })?;
        // Spellings in the order the files gave them, so a later file (an overlay) wins a
        // spelling two skills claim; within one file the first claim wins. A case-insensitive
        // claim beats a cased one for the folded key ("dbt" the tool over "DBT" the therapy);
        // cased spellings are also kept as written, for exact-case lookups. Each skill's
        // current spellings are collected once, and only when an overlay renamed or replaced
        // something (a per-alias scan of a skill's spellings would be quadratic).
        let current: Option<HashSet<(&str, SkillId, bool)>> = self.stale.then(|| {
            self.skills
                .iter()
                .enumerate()
                .flat_map(|(i, s)| s.spellings().map(move |(sp, c)| (sp, SkillId(i as u32), c)))
                .collect()
        });
        // Each folded key's claim so far: (skill, file, cased).
        let mut claims: HashMap<String, (SkillId, usize, bool)> = HashMap::new();
        let mut by_cased: HashMap<String, SkillId> = HashMap::new();
        for (spelling, id, file, is_cased) in &self.spellings {
            if current
                .as_ref()
                .is_some_and(|c| !c.contains(&(spelling.as_str(), *id, *is_cased)))
            {
                continue; // replaced by an overlay
            }
            if *is_cased {
                by_cased.entry(spelling.clone()).or_insert(*id);
            }
            let claim = (*id, *file, *is_cased);
            match claims.entry(spelling_key(spelling)) {
                Entry::Vacant(v) => {
                    v.insert(claim);
                }
                Entry::Occupied(mut o) => {
                    let (_, earlier_file, earlier_cased) = *o.get();
                    if (earlier_cased && !is_cased)
                        || (earlier_file != *file && earlier_cased == *is_cased)
                    {
                        o.insert(claim);
                    }
                }
            }
        }
        let by_key = claims.into_iter().map(|(k, (id, _, _))| (k, id));
        Ok(Taxonomy {
            skills: Cow::Owned(self.skills),
            by_id: sorted(self.by_id),
            by_key: sorted(by_key),
            by_cased: sorted(by_cased),
            closure: Cow::Owned(closure.into_iter().map(Cow::Owned).collect()),
            builtin: false,
        })
    }
}

/// The most implications, summed over all skills' transitive closures, a taxonomy may have.
/// The built-in one has a few hundred, and a 20,000-skill taxonomy five levels deep about
/// 100,000; a chain of a million skills each implying the next would need half a million
/// million (quadratic memory), so the closure is bounded rather than computed: 4 million ids
/// are 16 MB and well under a second to build.
pub const MAX_IMPLICATIONS: usize = 4_000_000;

/// Transitive implications of every skill; a cycle is an error naming one skill on it, and so
/// is a closure larger than [`MAX_IMPLICATIONS`].
fn implication_closure(
    skills: &[Skill],
    locate: impl Fn(usize) -> (String, Option<u32>),
) -> Result<Vec<Vec<SkillId>>, InputError> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let n = skills.len();
    let mut mark = vec![Mark::New; n];
    let mut closure: Vec<Vec<SkillId>> = vec![Vec::new(); n];
    let mut total = 0usize;
    for root in 0..n {
        if mark[root] != Mark::New {
            continue;
        }
        // Iterative depth-first search: (node, next child index).
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::Active;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&child) = skills[node].implies.get(*next) {
                *next += 1;
                let c = child.0 as usize;
                match mark[c] {
                    Mark::New => {
                        mark[c] = Mark::Active;
                        stack.push((c, 0));
                    }
                    Mark::Active => {
                        let (origin, line) = locate(node);
                        let path: Vec<&str> = stack
                            .iter()
                            .skip_while(|(s, _)| *s != c)
                            .map(|(s, _)| &*skills[*s].id)
                            .chain(std::iter::once(&*skills[c].id))
                            .collect();
                        return Err(InputError::new(
                            origin,
                            line,
                            format!("implication cycle: {}", path.join(" -> ")),
                        ));
                    }
                    Mark::Done => {}
                }
            } else {
                let mut all: Vec<SkillId> = Vec::new();
                for &child in skills[node].implies.iter() {
                    all.push(child);
                    all.extend_from_slice(&closure[child.0 as usize]);
                }
                all.sort_unstable();
                all.dedup();
                total += all.len();
                if total > MAX_IMPLICATIONS {
                    let (origin, line) = locate(node);
                    return Err(InputError::new(
                        origin,
                        line,
                        format!(
                            "implications too deep: more than {MAX_IMPLICATIONS} in all \
                             (skill {:?} alone implies {} skills)",
                            skills[node].id,
                            all.len()
                        ),
                    ));
                }
                closure[node] = all;
                mark[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    Ok(closure)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
[[skill]]
id = "sql"
name = "SQL"

[[skill]]
id = "postgresql"
name = "PostgreSQL"
aliases = ["postgres"]
implies = ["sql"]

[[skill]]
id = "go"
name = "Go"
cased = ["Go"]
aliases = ["golang"]
ambiguous = true
"#;

    #[test]
    fn resolves_spellings_and_implications() {
        let t = Taxonomy::from_toml(SMALL, "small.toml").unwrap();
        let pg = t.lookup("Postgres").unwrap();
        let sql = t.by_id("sql").unwrap();
        assert!(t.satisfies(pg, sql));
        assert!(!t.satisfies(sql, pg));
        assert_eq!(t.lookup("golang"), t.by_id("go"));
        assert_eq!(t.lookup("go"), t.by_id("go"));
    }

    #[test]
    fn case_decides_between_twins() {
        let t = Taxonomy::from_toml(
            "[[skill]]\nid = \"therapy\"\nname = \"Dialectical behavior therapy\"\ncased = [\"DBT\"]\n\n[[skill]]\nid = \"dbt\"\nname = \"dbt\"\n",
            "twins.toml",
        )
        .unwrap();
        assert_eq!(t.lookup("dbt"), t.by_id("dbt"));
        assert_eq!(t.lookup("DBT"), t.by_id("therapy"));
    }

    #[test]
    fn rejects_cycles_with_file_and_line() {
        let text = "[[skill]]\nid = \"a\"\nname = \"A\"\nimplies = [\"b\"]\n\n[[skill]]\nid = \"b\"\nname = \"B\"\nimplies = [\"a\"]\n";
        let err = Taxonomy::from_toml(text, "cycle.toml").unwrap_err();
        assert_eq!(err.origin, "cycle.toml");
        assert!(err.line.is_some());
        assert!(err.message.contains("cycle"), "{}", err.message);
    }

    #[test]
    fn rejects_unknown_targets_and_empty_aliases() {
        let err = Taxonomy::from_toml(
            "[[skill]]\nid = \"a\"\nname = \"A\"\nimplies = [\"zz\"]\n",
            "x.toml",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.toml:2: skill \"a\" implies unknown skill \"zz\""
        );
        let err = Taxonomy::from_toml(
            "[[skill]]\nid = \"a\"\nname = \"A\"\naliases = [\" \"]\n",
            "x.toml",
        )
        .unwrap_err();
        assert!(err.message.contains("empty alias"));
    }

    #[test]
    fn overlay_adds_and_overrides() {
        let base = Taxonomy::from_toml(SMALL, "small.toml").unwrap();
        let t = base
            .with_overlay(
                "[[skill]]\nid = \"postgresql\"\naliases = [\"pg\"]\n\n[[skill]]\nid = \"cockroachdb\"\nname = \"CockroachDB\"\nimplies = [\"sql\"]\n",
                "mine.toml",
            )
            .unwrap();
        assert_eq!(t.lookup("pg"), t.by_id("postgresql"));
        assert_eq!(t.lookup("postgres"), t.by_id("postgresql"));
        assert!(t.satisfies(t.by_id("cockroachdb").unwrap(), t.by_id("sql").unwrap()));
    }
}
