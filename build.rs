//! Compiles the built-in taxonomy: loads `data/skills.toml` with the program's own loader
//! (so it is validated exactly as an overlay would be), builds the extractor, and writes both
//! as Rust statics into `$OUT_DIR/builtin_taxonomy.rs`, which `src/skill/frozen.rs` includes.
#![allow(dead_code)]

// The skill modules refer to each other as `super::…` and to `crate::error`; declared at the
// root here they resolve exactly as they do inside `src/skill/`.
#[path = "src/skill/codegen.rs"]
mod codegen;
#[path = "src/error.rs"]
mod error;
#[path = "src/skill/extract.rs"]
mod extract;
#[path = "src/skill/taxonomy.rs"]
mod taxonomy;
#[path = "src/skill/token.rs"]
mod token;

/// The build script is what produces the built-in statics; it never asks for them.
mod frozen {
    pub fn taxonomy() -> super::taxonomy::Taxonomy {
        unreachable!("the build script has no built-in taxonomy")
    }
    pub fn extractor() -> super::extract::Extractor {
        unreachable!("the build script has no built-in extractor")
    }
}

use extract::Extractor;
use taxonomy::Taxonomy;

fn main() {
    for path in [
        "data/skills.toml",
        "src/error.rs",
        "src/skill/codegen.rs",
        "src/skill/extract.rs",
        "src/skill/taxonomy.rs",
        "src/skill/token.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    // The statics written below hold about 150,000 pointers (strings and slices). In a
    // position-independent executable every one of them is a relocation the dynamic loader
    // applies at each start, writing to ~5 MB of otherwise read-only pages (measured: 1,350 page
    // faults and 2.4 ms of CPU for `jobmatch parse` of one posting, against 180 faults and no
    // relocations linked as a fixed-address executable). So the binary is linked `-no-pie` on
    // Linux: its statics are then resolved at link time and paged in only where read. Its own
    // code and data lose address randomisation; libraries, heap and stack keep it.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    let text = std::fs::read_to_string("data/skills.toml").expect("data/skills.toml is readable");
    let taxonomy = match Taxonomy::from_toml(&text, "data/skills.toml") {
        Ok(t) => t,
        Err(e) => panic!("the built-in taxonomy does not load: {e}"),
    };
    let extractor = Extractor::for_skills(&taxonomy, taxonomy.skills().map(|(id, _)| id));
    let source = codegen::to_rust(&taxonomy, &extractor);
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("builtin_taxonomy.rs");
    std::fs::write(out, source).expect("OUT_DIR is writable");
}
