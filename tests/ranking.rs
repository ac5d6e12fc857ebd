//! The ranking a recruiter would agree with, end to end through the binary: for the seed
//! posting, a systems student above a Java back-end student above a Python-only web developer
//! above a front-end designer above a nurse above an empty profile.

mod common;
use common::jobmatch;

fn ranking(posting: &str) -> Vec<(String, f64, bool)> {
    let run = jobmatch(&["match", posting, "fixtures/candidates", "--format", "jsonl"]).expect(0);
    let mut rows: Vec<(String, f64, bool)> = run
        .stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["candidate"].as_str().unwrap().to_string(),
                v["score"].as_f64().unwrap(),
                v["no_data"].as_bool().unwrap(),
            )
        })
        .collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

fn position(rows: &[(String, f64, bool)], id: &str) -> usize {
    rows.iter()
        .position(|r| r.0 == id)
        .unwrap_or_else(|| panic!("{id} not ranked: {rows:?}"))
}

#[test]
fn seed_ranking_matches_a_recruiters_judgement() {
    let rows = ranking("postings/ibm-back-end-developer-intern.md");
    assert_eq!(rows.len(), 10, "{rows:?}");
    let order = [
        "maya-systems",
        "devon-java",
        "priya-python-web",
        "sol-frontend-designer",
        "grace-nurse",
        "tom-blank",
    ];
    let positions: Vec<usize> = order.iter().map(|id| position(&rows, id)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{rows:?}");
    // Strictly better, not tied: each of the first four earns more than the next.
    for w in order[..4].windows(2) {
        let score = |id: &str| rows[position(&rows, id)].1;
        assert!(score(w[0]) > score(w[1]), "{} vs {}: {rows:?}", w[0], w[1]);
    }
    // Python + SQL (the one-of list) puts the ML engineer above the designer; sales and
    // accounting profiles have nothing the posting asks for.
    assert!(position(&rows, "omar-ml-ranking") < position(&rows, "sol-frontend-designer"));
    for outsider in ["renata-account-exec", "henrik-accountant", "grace-nurse"] {
        assert_eq!(
            rows[position(&rows, outsider)].1,
            0.0,
            "{outsider}: {rows:?}"
        );
    }
    // Scores stay in range.
    assert!(rows.iter().all(|r| (0.0..=100.0).contains(&r.1)));
}

#[test]
fn each_specialist_tops_their_own_posting() {
    for (posting, best) in [
        (
            "postings/st-brennan-medical-center-registered-nurse.txt",
            "grace-nurse",
        ),
        (
            "postings/meridian-cloud-account-executive-mid-market.md",
            "renata-account-exec",
        ),
        (
            "postings/halvorsen-foods-staff-accountant.md",
            "henrik-accountant",
        ),
        (
            "postings/orrery-labs-machine-learning-engineer-ranking.md",
            "omar-ml-ranking",
        ),
        (
            "postings/quillmark-site-reliability-engineer.md",
            "aiko-sre",
        ),
    ] {
        let rows = ranking(posting);
        assert_eq!(rows[0].0, best, "{posting}: {rows:?}");
    }
}

#[test]
fn the_ranking_table_on_a_terminal_width() {
    let run = jobmatch(&[
        "match",
        "postings/ibm-back-end-developer-intern.md",
        "fixtures/candidates",
        "--format",
        "table",
        "--width",
        "120",
    ])
    .expect(0);
    let first_row = run
        .stdout
        .lines()
        .find(|l| l.contains("│ 1 "))
        .expect("a first row");
    assert!(first_row.contains("maya-systems"), "{}", run.stdout);
    assert!(run.stdout.lines().all(|l| l.chars().count() <= 120));
}
