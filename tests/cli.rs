//! End-to-end tests: the real binary, asserting stdout, stderr and exit code.

mod common;

use std::path::Path;

use common::Run;

const POSTING: &str = "postings/ibm-back-end-developer-intern.md";

fn jobmatch(args: &[&str], stdin: Option<&[u8]>) -> Run {
    common::run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, &[], stdin)
}

fn rows(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("jsonl row"))
        .collect()
}

#[test]
fn native_toml_and_json_profiles_rank() {
    let r = jobmatch(
        &["match", POSTING, "fixtures/candidates", "-f", "jsonl"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let rows = rows(&r.stdout);
    assert_eq!(rows.len(), 10);
    for key in [
        "candidate",
        "posting",
        "score",
        "qualified",
        "required_met",
        "required_total",
        "preferred_met",
        "preferred_total",
        "missing",
    ] {
        assert!(rows[0].get(key).is_some(), "field {key}");
    }
    // Input order (sorted directory walk).
    assert_eq!(rows[0]["candidate"], "aiko-sre");
    // The systems student ranks first for the seed.
    let best = rows
        .iter()
        .max_by(|a, b| {
            a["score"]
                .as_f64()
                .unwrap()
                .total_cmp(&b["score"].as_f64().unwrap())
        })
        .unwrap();
    assert_eq!(best["candidate"], "maya-systems");
}

#[test]
fn malformed_line_in_the_middle_is_reported_and_skipped() {
    let r = jobmatch(&["match", POSTING, "fixtures/profiles-small.jsonl"], None);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "jobmatch: fixtures/profiles-small.jsonl:7: EOF while parsing a string\n\
         jobmatch: 1 of 20 records skipped\n"
    );
    let rows = rows(&r.stdout);
    assert_eq!(rows.len(), 19);
    assert_eq!(rows[5]["candidate"], "jun-ios");
    assert_eq!(rows[6]["candidate"], "fatima-payroll");
}

#[test]
fn stdin_is_the_default_input() {
    let input = std::fs::read("fixtures/profiles-small.jsonl").unwrap();
    let r = jobmatch(&["match", POSTING], Some(&input));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("jobmatch: <stdin>:7: "),
        "{}",
        r.stderr
    );
    assert_eq!(rows(&r.stdout).len(), 19);
    let dash = jobmatch(&["match", POSTING, "-"], Some(&input));
    assert_eq!(dash.stdout, r.stdout);
}

#[test]
fn json_resume_and_markdown_resumes_load() {
    let r = jobmatch(
        &[
            "match",
            POSTING,
            "fixtures/resumes",
            "-f",
            "jsonl",
            "--explain",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "jobmatch: fixtures/resumes/broken.json:4: trailing comma\n\
         jobmatch: 1 of 3 records skipped\n"
    );
    let rows = rows(&r.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["candidate"], "ada-json-resume");
    assert_eq!(rows[0]["name"], "Ada Byron");
    assert_eq!(rows[1]["candidate"], "kim-resume");
    assert_eq!(rows[1]["name"], "Kim Lee");
    // Kim's markdown resume names C and Linux, Docker and APIs: most required items are met.
    assert!(
        rows[1]["required_met"].as_u64().unwrap() >= 4,
        "{}",
        rows[1]
    );
    // Evidence names the work entry and its years.
    let explain = rows[0]["explain"].to_string();
    assert!(
        explain.contains("work: Backend Engineer, Acme Payments 2019-03..2021-02 (2 years)"),
        "{explain}"
    );
    for status in ["met", "missed", "unchecked"] {
        assert!(
            explain.contains(&format!("\"status\":\"{status}\"")),
            "{status}"
        );
    }
}

#[test]
fn every_output_format() {
    let base = ["match", POSTING, "fixtures/candidates/maya-systems.toml"];
    let with = |f: &str| {
        let mut a = base.to_vec();
        a.extend(["-f", f]);
        jobmatch(&a, None)
    };
    let json = with("json");
    assert_eq!(json.code, 0);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v[0]["candidate"], "maya-systems");
    let csv = with("csv");
    assert!(
        csv.stdout
            .starts_with("candidate,name,posting,posting_file,score,qualified,")
    );
    assert_eq!(csv.stdout.lines().count(), 2);
    let tsv = with("tsv");
    assert!(tsv.stdout.starts_with("candidate\tname\tposting\t"));
    // The same score in every format.
    let score = v[0]["score"].as_f64().unwrap();
    let table = with("table");
    assert!(table.stdout.contains("Maya"), "{}", table.stdout);
    assert!(
        table.stdout.contains(&format!("{score:.1}")),
        "{}",
        table.stdout
    );
    let jsonl = with("jsonl");
    assert_eq!(rows(&jsonl.stdout)[0]["score"].as_f64(), Some(score));
    assert!(
        csv.stdout.contains(&format!(",{score:.1},")),
        "{}",
        csv.stdout
    );
}

#[test]
fn top_keeps_the_best_first() {
    let r = jobmatch(
        &[
            "match",
            POSTING,
            "fixtures/candidates",
            "fixtures/profiles-small.jsonl",
            "--top",
            "3",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    let rows = rows(&r.stdout);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["candidate"], "maya-systems");
    let scores: Vec<f64> = rows.iter().map(|r| r["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn min_score_filters_and_exits_1_when_nothing_passes() {
    let r = jobmatch(
        &["match", POSTING, "fixtures/candidates", "--min-score", "60"],
        None,
    );
    assert_eq!(r.code, 0);
    assert!(
        rows(&r.stdout)
            .iter()
            .all(|r| r["score"].as_f64().unwrap() >= 60.0)
    );
    let none = jobmatch(
        &[
            "match",
            POSTING,
            "fixtures/candidates/tom-blank.toml",
            "--min-score",
            "99",
        ],
        None,
    );
    assert_eq!(
        (none.code, none.stdout.as_str(), none.stderr.as_str()),
        (1, "", "")
    );
}

#[test]
fn several_postings_for_one_candidate() {
    let r = jobmatch(
        &[
            "match",
            "postings",
            "--candidate",
            "fixtures/candidates/aiko-sre.toml",
            "-f",
            "jsonl",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = rows(&r.stdout);
    assert_eq!(rows.len(), 12);
    assert!(rows.iter().all(|r| r["candidate"] == "aiko-sre"));
}

#[test]
fn two_threads_write_what_one_thread_writes() {
    let mut big = String::new();
    let small = std::fs::read_to_string("fixtures/profiles-small.jsonl").unwrap();
    for _ in 0..100 {
        big.push_str(&small);
    }
    let run = |threads: &str| {
        jobmatch(
            &["match", POSTING, "--threads", threads, "-f", "csv"],
            Some(big.as_bytes()),
        )
    };
    let one = run("1");
    let two = run("2");
    assert_eq!(one.code, 2);
    assert_eq!(one.stdout.lines().count(), 1 + 1900);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stderr, two.stderr);
    assert!(
        one.stderr
            .ends_with("jobmatch: 100 of 2000 records skipped\n")
    );
    assert!(one.stderr.contains("<stdin>:1407: "), "{}", one.stderr);
}

#[test]
fn oversized_record_is_skipped_with_its_line() {
    let input = format!(
        "{{\"id\":\"a\"}}\n{{\"id\":\"{}\"}}\n{{\"id\":\"c\"}}\n",
        "x".repeat(200)
    );
    let r = jobmatch(
        &["match", POSTING, "--max-record-size", "100"],
        Some(input.as_bytes()),
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("jobmatch: <stdin>:2: record longer than 100 bytes")
    );
    let rows = rows(&r.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["candidate"], "c");
}

#[test]
fn closed_pipe_is_a_quiet_end() {
    let mut big = String::new();
    let small = std::fs::read_to_string("fixtures/profiles-small.jsonl").unwrap();
    for _ in 0..500 {
        big.push_str(&small);
    }
    let path = std::env::temp_dir().join(format!("jobmatch-pipe-{}.jsonl", std::process::id()));
    std::fs::write(&path, big).unwrap();
    let mut child = common::bin()
        .args(["match", POSTING, path.to_str().unwrap(), "-f", "jsonl"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    std::fs::remove_file(&path).ok();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panick"), "{stderr}");
}

/// The shared evaluation resumes (outside the repository; skipped when absent): every
/// well-formed one loads, each malformed one is one line naming the file and the JSON line.
#[test]
fn published_resumes_import() {
    let dir = "/work/shared/eval/resumes";
    if !std::path::Path::new(dir).is_dir() {
        return;
    }
    let r = jobmatch(&["match", POSTING, dir, "-f", "jsonl"], None);
    let loaded = rows(&r.stdout).len();
    let errors: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| !l.ends_with("records skipped"))
        .collect();
    for e in &errors {
        assert!(
            e.starts_with("jobmatch: /work/shared/eval/resumes/json/"),
            "{e}"
        );
        assert!(e.contains("-invalid.json:"), "{e}");
    }
    assert_eq!(errors.len(), 2, "{}", r.stderr);
    assert!(loaded >= 30, "{loaded}");
}

/// Workers pre-filter `--top` rows and pre-render JSON Lines; neither may change the output.
#[test]
fn top_and_jsonl_equal_a_full_ranking() {
    let mut big = String::new();
    let small = std::fs::read_to_string("fixtures/profiles-small.jsonl").unwrap();
    for _ in 0..60 {
        big.push_str(&small);
    }
    let run = |args: &[&str]| {
        let mut all = vec!["match", POSTING, "-f", "jsonl"];
        all.extend_from_slice(args);
        jobmatch(&all, Some(big.as_bytes()))
    };
    let every = run(&["--threads", "1"]);
    assert_eq!(every.stdout, run(&["--threads", "2"]).stdout);
    // The ranking --top documents: score, qualified, candidate, then input order.
    let mut ranked: Vec<(usize, serde_json::Value)> =
        rows(&every.stdout).into_iter().enumerate().collect();
    ranked.sort_by(|(i, a), (j, b)| {
        b["score"]
            .as_f64()
            .unwrap()
            .total_cmp(&a["score"].as_f64().unwrap())
            .then(b["qualified"].as_bool().cmp(&a["qualified"].as_bool()))
            .then(a["candidate"].as_str().cmp(&b["candidate"].as_str()))
            .then(i.cmp(j))
    });
    for n in ["1", "7", "40"] {
        for threads in ["1", "2"] {
            let top = rows(&run(&["--top", n, "--threads", threads]).stdout);
            let want: Vec<_> = ranked[..n.parse().unwrap()]
                .iter()
                .map(|(_, r)| r.clone())
                .collect();
            assert_eq!(top, want, "--top {n} --threads {threads}");
        }
    }
}

#[test]
fn one_percent_corrupted_stream_scores_every_good_line() {
    let mut input = String::new();
    let mut bad = Vec::new();
    for i in 1..=2000u32 {
        if i % 100 == 37 {
            // Truncated records, wrong types and plain garbage, as scrapers produce them.
            input.push_str(match i % 3 {
                0 => "{\"id\": \"cut\", \"skills\": [\"Pyth",
                1 => "{\"id\": 7, \"skills\": \"not a list\", \"years_experience\": \"many\"}",
                _ => "\u{1}\u{2} garbage line",
            });
            bad.push(i);
        } else {
            input.push_str(&format!(
                "{{\"id\": \"p{i}\", \"skills\": [\"Python\", \"SQL\"], \"years_experience\": {}}}",
                i % 7
            ));
        }
        input.push('\n');
    }
    let r = jobmatch(
        &["match", POSTING, "-", "-f", "jsonl"],
        Some(input.as_bytes()),
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    let rows = rows(&r.stdout);
    let lines = r.stderr.lines().collect::<Vec<_>>();
    let reported = lines
        .iter()
        .filter(|l| l.starts_with("jobmatch: <stdin>:"))
        .count();
    // Every good line is scored; every skipped one is reported; the count says so.
    assert_eq!(rows.len() + reported, 2000, "{}", r.stderr);
    assert!(rows.len() >= 2000 - bad.len(), "{} rows", rows.len());
    assert!(
        lines
            .last()
            .is_some_and(|l| l.ends_with(&format!("{reported} of 2000 records skipped"))),
        "{}",
        r.stderr
    );
    for line in bad.iter().filter(|&&i| i % 3 != 1) {
        assert!(
            r.stderr.contains(&format!("<stdin>:{line}:")),
            "line {line} reported: {}",
            r.stderr
        );
    }
    assert!(!r.stderr.contains("panicked"));
}
