//! Skills: the taxonomy (embedded data file plus user overlay), the tokenisation both postings
//! and profiles share, and extraction of skill mentions from prose.

mod extract;
mod frozen;
mod taxonomy;
pub mod token;

pub use extract::{Extractor, Mention};
pub use taxonomy::{Kind, List, Skill, SkillId, Str, Taxonomy};

/// The built-in taxonomy's source (`data/skills.toml`), as compiled into the binary.
pub const BUILTIN_SOURCE: &str = include_str!("../../data/skills.toml");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_statics_equal_the_data_file() {
        let frozen = Taxonomy::embedded();
        let loaded = Taxonomy::from_toml(BUILTIN_SOURCE, "data/skills.toml").unwrap();
        assert!(frozen.is_builtin() && !loaded.is_builtin());
        assert_eq!(frozen.len(), loaded.len());
        for ((id, a), (_, b)) in frozen.skills().zip(loaded.skills()) {
            assert_eq!(a, b);
            assert_eq!(frozen.implied_by(id), loaded.implied_by(id));
            assert_eq!(frozen.lookup(&a.name), loaded.lookup(&a.name));
        }
        let text = "C, C++ and Java; Postgres, k8s and Docker; APIs; not C-level or go-to-market.";
        let all = loaded.skills().map(|(id, _)| id);
        let (built, fresh) = (Extractor::new(&frozen), Extractor::for_skills(&loaded, all));
        assert_eq!(built, fresh);
        assert_eq!(built.find(text), fresh.find(text));
    }
}
