//! Raw Aho-Corasick over prose: every spelling of every skill (one per line of PATTERNS),
//! ASCII case-insensitive, leftmost-longest, no word boundaries or context rules. The automaton
//! is built once, then the whole file is scanned REPEAT times; prints the build time and the
//! scan throughput.
//!
//! Usage: aho_prose PATTERNS PROSE [REPEAT]

use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};

fn main() {
    let mut args = std::env::args().skip(1);
    let patterns_path = args.next().expect("usage: aho_prose PATTERNS PROSE [REPEAT]");
    let prose_path = args.next().expect("usage: aho_prose PATTERNS PROSE [REPEAT]");
    let repeat: usize = args.next().map_or(1, |r| r.parse().expect("a count"));
    let patterns_text = std::fs::read_to_string(patterns_path).expect("readable patterns");
    let patterns: Vec<&str> = patterns_text.lines().filter(|l| !l.is_empty()).collect();
    let prose = std::fs::read_to_string(prose_path).expect("readable prose");
    let t = Instant::now();
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("automaton builds");
    let built = t.elapsed();
    let t = Instant::now();
    let mut found = 0usize;
    for _ in 0..repeat {
        found += ac.find_iter(&prose).count();
    }
    let secs = t.elapsed().as_secs_f64();
    let mb = (prose.len() * repeat) as f64 / 1e6;
    println!(
        "{} patterns, build {:.1} ms, {found} matches, {:.1} MB/s",
        patterns.len(),
        built.as_secs_f64() * 1e3,
        mb / secs
    );
}
