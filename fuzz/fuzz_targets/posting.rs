//! Any bytes, read as text the way a user's file would be, parse into a requirement set that
//! renders to JSON and reads back, without panicking.
#![no_main]

use std::sync::LazyLock;

use jobmatch::posting::PostingParser;
use jobmatch::render::PostingView;
use jobmatch::skill::Taxonomy;
use libfuzzer_sys::fuzz_target;

static TAXONOMY: LazyLock<Taxonomy> = LazyLock::new(Taxonomy::embedded);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parser = PostingParser::new(&TAXONOMY);
    let set = parser.parse(&text, "fuzz.md");
    let view = PostingView::new(&set, &TAXONOMY);
    let json = serde_json::to_string(&view).expect("a view always serialises");
    let back: PostingView = serde_json::from_str(&json).expect("JSON output reads back");
    assert_eq!(back, view);
});
