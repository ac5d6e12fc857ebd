//! Skills: the taxonomy (embedded data file plus user overlay), the tokenisation both postings
//! and profiles share, and extraction of skill mentions from prose.

mod extract;
mod taxonomy;
pub mod token;

pub use extract::{Extractor, Mention};
pub use taxonomy::{EMBEDDED, Kind, Skill, SkillId, Taxonomy};
