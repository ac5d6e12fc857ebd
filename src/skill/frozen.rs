//! The built-in taxonomy and its extractor as statics. `build.rs` loads `data/skills.toml` with
//! the same loader the program uses for overlays, builds the extractor, and writes both out
//! as Rust source with [`super::codegen`]; this module includes that source. Using the
//! built-in taxonomy therefore costs no parsing and no allocation at start-up.

use std::borrow::Cow;

use super::extract::{Extractor, Node, Slot, Terminal};
use super::taxonomy::{Kind, List, Skill, SkillId, Str, Taxonomy};

#[allow(clippy::all)]
mod generated {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/builtin_taxonomy.rs"));
}

pub fn taxonomy() -> Taxonomy {
    Taxonomy {
        skills: Cow::Borrowed(generated::SKILLS),
        by_id: Cow::Borrowed(generated::BY_ID),
        by_key: Cow::Borrowed(generated::BY_KEY),
        by_cased: Cow::Borrowed(generated::BY_CASED),
        closure: Cow::Borrowed(generated::CLOSURE),
        builtin: true,
    }
}

pub fn extractor() -> Extractor {
    Extractor {
        root: Cow::Borrowed(generated::ROOT),
        edges: Cow::Borrowed(generated::EDGES),
        nodes: Cow::Borrowed(generated::NODES),
        terminals: Cow::Borrowed(generated::TERMINALS),
        text: Cow::Borrowed(generated::TEXT),
        depth: generated::DEPTH,
    }
}

// Keep the imports used by the generated source visible to the compiler's unused check.
#[allow(dead_code)]
type Uses = (Kind, List<Str>, Skill, SkillId, Node, Slot, Terminal);
