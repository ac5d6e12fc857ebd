//! Any bytes as a taxonomy overlay on the built-in taxonomy: an error naming the file, or a
//! taxonomy whose every skill can be looked up and extracted, never a panic or a hang.
#![no_main]

use std::sync::LazyLock;

use jobmatch::skill::{Extractor, Taxonomy};
use libfuzzer_sys::fuzz_target;

static TAXONOMY: LazyLock<Taxonomy> = LazyLock::new(Taxonomy::embedded);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match TAXONOMY.with_overlay(&text, "overlay.toml") {
        Err(e) => assert_eq!(e.origin, "overlay.toml"),
        Ok(t) => {
            let extractor = Extractor::new(&t);
            for (id, skill) in t.skills() {
                let _ = t.implied_by(id);
                let _ = t.lookup(&skill.name);
                let _ = extractor.find(&skill.name);
            }
        }
    }
});
