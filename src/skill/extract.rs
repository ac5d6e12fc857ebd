//! Finding skill mentions in prose: dictionary matching over tokens, leftmost-longest, with the
//! boundary rules that keep ordinary words from turning into skills.
//!
//! Every spelling of every skill is stored as a path of folded tokens in a token trie. Scanning
//! walks the trie from each token while the phrase stays *joined* (see [`super::token`]), keeps
//! the longest spelling that ends there, and moves past it. A plural or possessive on the last
//! token is accepted. Spellings marked cased ("Go", "IT") must match letter for letter, and
//! skills marked ambiguous (C, R, Go, Swift, Excel...) need a technical context: a neighbouring
//! skill in the same list, or a cue word such as "language" or "experience with" next to them,
//! and never the first half of a hyphenated word ("C-level", "go-to-market").
//!
//! The same extractor can be built over the whole taxonomy (posting parse, `jobmatch skills`) or
//! over a handful of skills (mining a profile's free text for what one posting asks).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::taxonomy::{List, SkillId, Str, Taxonomy};
use super::token::{Token, fold_into, tokenize};

/// A skill found in text: byte range `start..end` of the text passed to [`Extractor::find`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub skill: SkillId,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Terminal {
    pub(super) skill: SkillId,
    /// The exact tokens a cased spelling must show.
    pub(super) cased: Option<List<Str>>,
    pub(super) ambiguous: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Node {
    /// (folded token, child node), sorted by token.
    pub(super) children: List<(Str, u32)>,
    /// Cased spellings first: they are the more specific claim.
    pub(super) terminals: List<Terminal>,
}

/// A compiled dictionary of spellings; immutable and shareable across threads. The one for
/// the built-in taxonomy is compiled into the binary.
#[derive(Debug, Clone)]
pub struct Extractor {
    pub(super) nodes: List<Node>,
}

impl Node {
    fn child(&self, token: &str) -> Option<u32> {
        self.children
            .binary_search_by(|(t, _)| (**t).cmp(token))
            .ok()
            .map(|i| self.children[i].1)
    }
}

/// A trie under construction.
#[derive(Default)]
struct BuildNode {
    children: HashMap<String, u32>,
    terminals: Vec<Terminal>,
    /// The case-insensitive terminal of the skill that owns this spelling in the taxonomy
    /// (where two skills claim it, the later file's): tried before the other plain ones.
    owner: Option<Terminal>,
}

/// Words that may stand between two items of one list ("C, C++ and Java").
const LIST_WORDS: &[&str] = &[
    "and",
    "or",
    "also",
    "plus",
    "as",
    "well",
    "like",
    "such",
    "e.g",
    "eg",
    "i.e",
    "ie",
    "including",
    "etc",
    "either",
    "nor",
    "with",
];
/// Words right before an ambiguous spelling that make it technical ("written in C").
const CUES_BEFORE: &[&str] = &[
    "language",
    "languages",
    "programming",
    "proficient",
    "proficiency",
    "experience",
    "experienced",
    "knowledge",
    "expertise",
    "skills",
    "fluent",
    "fluency",
    "written",
    "writing",
    "write",
    "in",
    "with",
    "using",
    "bilingual",
    "native",
    "speaking",
    "spoken",
    "advanced",
    "microsoft",
];
/// Words right after an ambiguous spelling that make it technical ("C programming").
const CUES_AFTER: &[&str] = &[
    "language",
    "languages",
    "programming",
    "code",
    "coding",
    "developer",
    "developers",
    "development",
    "framework",
    "frameworks",
    "library",
    "libraries",
    "scripting",
    "experience",
    "skills",
    "programmer",
    "engineer",
    "engineers",
    "speaker",
    "speakers",
    "speaking",
    "fluency",
    "proficiency",
];

impl Extractor {
    /// An extractor for every skill in the taxonomy (the prebuilt one for the built-in
    /// taxonomy).
    pub fn new(taxonomy: &Taxonomy) -> Extractor {
        if taxonomy.is_builtin() {
            return super::frozen::extractor();
        }
        Extractor::for_skills(taxonomy, taxonomy.skills().map(|(id, _)| id))
    }

    /// An extractor that only knows `skills`.
    pub fn for_skills(taxonomy: &Taxonomy, skills: impl IntoIterator<Item = SkillId>) -> Extractor {
        let mut nodes = vec![BuildNode::default()];
        let mut tokens = Vec::new();
        let mut folded = String::new();
        // (node, exact tokens) this skill already ends at: a repeated spelling adds nothing.
        let mut seen: HashSet<(usize, Option<List<Str>>)> = HashSet::new();
        for id in skills {
            let skill = taxonomy.skill(id);
            seen.clear();
            for (spelling, cased) in skill.spellings() {
                tokenize(spelling, &mut tokens);
                if tokens.is_empty() {
                    continue;
                }
                let mut node = 0usize;
                for t in &tokens {
                    fold_into(t.text(spelling), &mut folded);
                    node = match nodes[node].children.get(folded.as_str()) {
                        Some(&child) => child as usize,
                        None => {
                            let child = nodes.len();
                            nodes.push(BuildNode::default());
                            nodes[node].children.insert(folded.clone(), child as u32);
                            child
                        }
                    };
                }
                let terminal = Terminal {
                    skill: id,
                    cased: cased.then(|| {
                        tokens
                            .iter()
                            .map(|t| Cow::Owned(t.text(spelling).to_string()))
                            .collect()
                    }),
                    // Only the cased spellings of an ambiguous skill are ordinary words
                    // ("Excel", "Go"); its other spellings ("Microsoft Excel", "golang") are
                    // safe anywhere.
                    ambiguous: skill.ambiguous && cased,
                };
                if seen.insert((node, terminal.cased.clone())) {
                    let owns = !cased && taxonomy.owner_of(spelling) == Some(id);
                    if owns && nodes[node].owner.is_none() {
                        nodes[node].owner = Some(terminal);
                    } else {
                        nodes[node].terminals.push(terminal);
                    }
                }
            }
        }
        // Cased spellings are tried first, the latest first: they are the more specific claim.
        // Ordered once here, not by inserting at the front, which is quadratic when many skills
        // share a spelling.
        let nodes = nodes
            .into_iter()
            .map(|n| {
                let mut children: Vec<(Str, u32)> = n
                    .children
                    .into_iter()
                    .map(|(k, v)| (Cow::Owned(k), v))
                    .collect();
                children.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                let (mut terminals, plain): (Vec<_>, Vec<_>) =
                    n.terminals.into_iter().partition(|t| t.cased.is_some());
                terminals.reverse();
                terminals.extend(n.owner);
                terminals.extend(plain);
                Node {
                    children: Cow::Owned(children),
                    terminals: Cow::Owned(terminals),
                }
            })
            .collect();
        Extractor {
            nodes: Cow::Owned(nodes),
        }
    }

    /// All mentions in `text`, in order, without overlaps.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let folded: Vec<String> = tokens
            .iter()
            .map(|t| {
                let mut s = String::new();
                fold_into(t.text(text), &mut s);
                s
            })
            .collect();
        // (first token, last token, terminal)
        let mut raw: Vec<(usize, usize, &Terminal)> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            match self.longest_at(text, &tokens, &folded, i) {
                Some((last, terminal)) => {
                    raw.push((i, last, terminal));
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        let mut out = Vec::with_capacity(raw.len());
        for (k, &(first, last, terminal)) in raw.iter().enumerate() {
            let start = tokens[first].start as usize;
            let end = tokens[last].end as usize;
            if terminal.ambiguous
                && !in_technical_context(text, &tokens, &folded, &raw, k, first, last)
            {
                continue;
            }
            out.push(Mention {
                skill: terminal.skill,
                start,
                end,
            });
        }
        out
    }

    fn longest_at<'a>(
        &'a self,
        text: &str,
        tokens: &[Token],
        folded: &[String],
        first: usize,
    ) -> Option<(usize, &'a Terminal)> {
        let mut best = None;
        let mut node = 0usize;
        let mut j = first;
        while j < tokens.len() && (j == first || tokens[j].joined) {
            let here = &self.nodes[node];
            let exact = here.child(&folded[j]);
            if let Some(child) = exact
                && let Some(t) = self.accept(child as usize, text, &tokens[first..=j])
            {
                best = Some((j, t));
            } else if let Some(t) = plural_stems(&folded[j])
                .filter_map(|stem| here.child(stem))
                .find_map(|child| self.accept_folded(child as usize))
            {
                best = Some((j, t));
            }
            match exact {
                Some(child) => node = child as usize,
                None => break,
            }
            j += 1;
        }
        best
    }

    /// The first terminal at `node` whose case rule the original tokens satisfy.
    fn accept(&self, node: usize, text: &str, tokens: &[Token]) -> Option<&Terminal> {
        self.nodes[node].terminals.iter().find(|t| match &t.cased {
            None => true,
            Some(exact) => {
                exact.len() == tokens.len()
                    && exact
                        .iter()
                        .zip(tokens)
                        .all(|(e, tok)| **e == *tok.text(text))
            }
        })
    }

    /// A terminal reached through a plural stem: only case-insensitive spellings qualify.
    fn accept_folded(&self, node: usize) -> Option<&Terminal> {
        self.nodes[node]
            .terminals
            .iter()
            .find(|t| t.cased.is_none())
    }
}

/// Singular forms to try for a folded token: "apis" → "api", "processes" → "process".
fn plural_stems(token: &str) -> impl Iterator<Item = &str> {
    let s = (token.len() > 3 && token.ends_with('s') && !token.ends_with("ss"))
        .then(|| &token[..token.len() - 1]);
    let es = (token.len() > 4 && token.ends_with("es")).then(|| &token[..token.len() - 2]);
    s.into_iter().chain(es)
}

/// Whether an ambiguous mention (raw[k], tokens first..=last) stands in a technical context.
fn in_technical_context(
    text: &str,
    tokens: &[Token],
    folded: &[String],
    raw: &[(usize, usize, &Terminal)],
    k: usize,
    first: usize,
    last: usize,
) -> bool {
    let start = tokens[first].start as usize;
    let end = tokens[last].end as usize;
    if hyphenated(text, start, end) {
        return false;
    }
    // The whole text is the spelling: a list item "Go", a skill name in a profile.
    let bare = |s: &str| s.chars().all(|c| !c.is_alphanumeric());
    if bare(&text[..start]) && bare(&text[end..]) {
        return true;
    }
    let prev = k
        .checked_sub(1)
        .map(|p| raw[p])
        .filter(|&(_, l, _)| list_gap(&text[tokens[l].end as usize..start]));
    let next = raw
        .get(k + 1)
        .filter(|&&(f, _, _)| list_gap(&text[end..tokens[f].start as usize]));
    if prev.is_some() || next.is_some() {
        return true;
    }
    let before = first.saturating_sub(2)..first;
    let cue_before = before.clone().any(|i| {
        let w = folded[i].as_str();
        CUES_BEFORE.contains(&w) && (i + 1 == first || !matches!(w, "in" | "with" | "using"))
    });
    let after = (last + 1)..(last + 3).min(tokens.len());
    let cue_after = after
        .clone()
        .any(|i| CUES_AFTER.contains(&folded[i].as_str()));
    // A cue only counts inside the same phrase: no sentence end between it and the mention.
    let clean_before = before
        .start
        .checked_sub(0)
        .map(|b| b >= first || !sentence_break(&text[tokens[b.min(first)].end as usize..start]))
        .unwrap_or(true);
    (cue_before && clean_before) || cue_after
}

/// "C-level", "go-to-market": the spelling is glued to a neighbouring word by a hyphen.
fn hyphenated(text: &str, start: usize, end: usize) -> bool {
    let glued = |s: &str| {
        let mut chars = s.chars();
        matches!(chars.next(), Some('-' | '\u{2010}' | '\u{2011}'))
            && chars.next().is_some_and(char::is_alphanumeric)
    };
    let after = &text[end..];
    let before: String = text[..start].chars().rev().take(2).collect();
    glued(after) || glued(&before)
}

fn sentence_break(gap: &str) -> bool {
    gap.contains(['.', '!', '?', ':', ';'])
}

/// The text between two list items: separators and list words only, and short.
fn list_gap(gap: &str) -> bool {
    if gap.len() > 40 {
        return false;
    }
    gap.split(|c: char| c.is_whitespace() || ",;/()&+:".contains(c))
        .filter(|w| !w.is_empty())
        .all(|w| LIST_WORDS.contains(&w.trim_end_matches('.').to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"
[[skill]]
id = "c"
name = "C"
cased = ["C"]
ambiguous = true

[[skill]]
id = "cpp"
name = "C++"
aliases = ["cpp"]

[[skill]]
id = "java"
name = "Java"

[[skill]]
id = "javascript"
name = "JavaScript"
aliases = ["js"]

[[skill]]
id = "go"
name = "Go"
cased = ["Go"]
aliases = ["golang"]
ambiguous = true

[[skill]]
id = "apis"
name = "APIs"
aliases = ["API", "application programming interface"]

[[skill]]
id = "backend"
name = "Back-end development"
aliases = ["backend", "back end"]

[[skill]]
id = "ci-cd"
name = "CI/CD"
"#;

    fn names(text: &str) -> Vec<String> {
        let t = Taxonomy::from_toml(SMALL, "small").unwrap();
        let ex = Extractor::new(&t);
        ex.find(text)
            .iter()
            .map(|m| format!("{}={}", t.skill(m.skill).id, &text[m.start..m.end]))
            .collect()
    }

    #[test]
    fn lists_and_boundaries() {
        assert_eq!(names("C++, C, Java"), ["cpp=C++", "c=C", "java=Java"]);
        assert_eq!(names("C-level executives"), Vec::<String>::new());
        assert_eq!(names("Section C of the form"), Vec::<String>::new());
        assert_eq!(
            names("JavaScript and Java"),
            ["javascript=JavaScript", "java=Java"]
        );
        assert_eq!(names("go-to-market, Go!"), Vec::<String>::new());
        assert_eq!(names("experience with Go"), ["go=Go"]);
        assert_eq!(names("Go, Java"), ["go=Go", "java=Java"]);
    }

    #[test]
    fn plurals_phrases_and_slashes() {
        assert_eq!(names("Create APIs"), ["apis=APIs"]);
        assert_eq!(
            names("Application Programming Interfaces (APIs)"),
            ["apis=Application Programming Interfaces", "apis=APIs"]
        );
        assert_eq!(
            names("back-end and CI/CD"),
            ["backend=back-end", "ci-cd=CI/CD"]
        );
        assert_eq!(names("back, end"), Vec::<String>::new());
    }
}
