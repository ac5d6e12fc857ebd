//! Criterion benches of the library paths: posting parse, skill extraction from prose with the
//! full taxonomy, reading a JSON Lines record, and scoring a profile against a compiled
//! requirement set. `cargo bench --bench library`; whole-command runs and ratios against
//! baselines are in `bench/run.sh`.
//!
//! Inputs come from `bench/out` (written by `bench/run.sh` or `bench/gen_inputs.py` and
//! `bench/gen_profiles.py`; override with `BENCH_DIR`). When they are missing the shipped
//! postings and fixtures stand in, with the built-in taxonomy.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jobmatch::matcher::{Matcher, Weights};
use jobmatch::posting::PostingParser;
use jobmatch::profile::date::Month;
use jobmatch::profile::{Format, Loader, Origin, SkillCache};
use jobmatch::skill::{Extractor, Taxonomy};

fn dir() -> PathBuf {
    std::env::var_os("BENCH_DIR").map_or_else(|| PathBuf::from("bench/out"), PathBuf::from)
}

/// The full-size taxonomy when generated, else the built-in one.
fn taxonomy() -> Taxonomy {
    let builtin = Taxonomy::embedded();
    match std::fs::read_to_string(dir().join("taxonomy.toml")) {
        Ok(text) => builtin
            .with_overlay(&text, "taxonomy.toml")
            .expect("the generated taxonomy loads"),
        Err(_) => builtin,
    }
}

fn shipped_postings() -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("postings")
        .expect("run from the repository root")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .filter(|p| !p.ends_with("README.md"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn prose() -> String {
    let text = std::fs::read_to_string(dir().join("prose.txt"))
        .unwrap_or_else(|_| shipped_postings().concat());
    // 2 MB is plenty for a stable figure.
    let mut end = text.len().min(2_000_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

/// The first 2,000 generated profiles (`bench/run.sh` writes `profiles-10000.jsonl`).
fn profiles_jsonl() -> Vec<String> {
    let path = dir().join("profiles-10000.jsonl");
    let path = if path.exists() {
        path
    } else {
        Path::new("fixtures/profiles-small.jsonl").to_path_buf()
    };
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .take(2000)
        .map(str::to_string)
        .collect()
}

fn posting_parse(c: &mut Criterion) {
    let taxonomy = taxonomy();
    let parser = PostingParser::new(&taxonomy);
    let postings = shipped_postings();
    let mut g = c.benchmark_group("posting");
    g.throughput(Throughput::Elements(postings.len() as u64));
    g.bench_function("parse_shipped_postings", |b| {
        b.iter(|| {
            for p in &postings {
                std::hint::black_box(parser.parse(p, "posting.md"));
            }
        })
    });
    g.finish();
}

fn extraction(c: &mut Criterion) {
    let taxonomy = taxonomy();
    let extractor = Extractor::new(&taxonomy);
    let text = prose();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("prose_full_taxonomy", |b| {
        b.iter(|| std::hint::black_box(extractor.find(&text)).len())
    });
    g.finish();
}

fn scoring(c: &mut Criterion) {
    let taxonomy = taxonomy();
    let parser = PostingParser::new(&taxonomy);
    let posting = std::fs::read_to_string("postings/ibm-back-end-developer-intern.md").unwrap();
    let set = parser.parse(&posting, "ibm.md");
    let matcher = Matcher::new(&taxonomy, &set, Weights::default());
    let loader = Loader::new(&taxonomy, Month::new(2026, 1));
    let lines = profiles_jsonl();
    let bytes: usize = lines.iter().map(String::len).sum();
    let origin = Origin {
        name: "bench.jsonl",
        line: Some(1),
        stem: "bench",
    };
    let mut cache = SkillCache::default();
    let profiles: Vec<_> = lines
        .iter()
        .filter_map(|l| loader.parse(l, Format::JsonLines, &origin, &mut cache).ok())
        .collect();
    let mut g = c.benchmark_group("profiles");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("read_jsonl_records", |b| {
        b.iter(|| {
            for l in &lines {
                let _ =
                    std::hint::black_box(loader.parse(l, Format::JsonLines, &origin, &mut cache));
            }
        })
    });
    g.throughput(Throughput::Elements(profiles.len() as u64));
    g.bench_function("score_profiles", |b| {
        b.iter(|| {
            for p in &profiles {
                std::hint::black_box(matcher.score(p));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, posting_parse, extraction, scoring);
criterion_main!(benches);
