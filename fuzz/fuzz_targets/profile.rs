//! Any bytes as a native profile, in TOML and in JSON: an error or a profile, never a panic;
//! a profile that loads scores within [0, 100] against a fixed posting.
#![no_main]

use std::sync::LazyLock;

use jobmatch::matcher::{Matcher, Weights};
use jobmatch::posting::PostingParser;
use jobmatch::profile::{self, Format};
use jobmatch::requirement::RequirementSet;
use jobmatch::skill::Taxonomy;
use libfuzzer_sys::fuzz_target;

static TAXONOMY: LazyLock<Taxonomy> = LazyLock::new(Taxonomy::embedded);
static POSTING: LazyLock<RequirementSet> = LazyLock::new(|| {
    PostingParser::new(&TAXONOMY).parse(
        "## Requirements\n- 3+ years of Python or Go\n- Bachelor's degree or equivalent\n\
         - Experience with SQL and Docker\n## Nice to have\n- Kubernetes\n",
        "posting.md",
    )
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let matcher = Matcher::new(&TAXONOMY, &POSTING, Weights::default());
    for format in [Format::Toml, Format::Json] {
        if let Ok(p) = profile::parse(&text, format, "fuzz", "fuzz", &TAXONOMY) {
            let score = matcher.score(&p);
            assert!((0.0..=100.0).contains(&score.score), "{}", score.score);
        }
    }
});
