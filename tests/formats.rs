//! Standard formats in and out: saved HTML job pages (with and without schema.org JSON-LD),
//! JSON Resume job descriptions, and `parse --format jsonld` read back by `parse`.

mod common;

use serde_json::Value;

fn jobmatch(args: &[&str], stdin: Option<&[u8]>) -> (String, String, i32) {
    let r = common::run_in(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")),
        args,
        &[("JOBMATCH_NO_CONFIG", "1")],
        stdin,
    );
    (r.stdout, r.stderr, r.code)
}

fn parse_json(args: &[&str], stdin: Option<&[u8]>) -> Value {
    let (out, err, code) = jobmatch(args, stdin);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("json")
}

fn skill_ids(v: &Value, key: &str) -> Vec<String> {
    let mut ids: Vec<String> = match key {
        "asked" => v["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["skills"].as_array().unwrap().iter())
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect(),
        _ => v["mentioned"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect(),
    };
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn html_page_with_json_ld_reads_the_job_posting() {
    let v = parse_json(
        &[
            "parse",
            "fixtures/pages/northwind-rust-engineer-jsonld.html",
            "-f",
            "json",
        ],
        None,
    );
    assert_eq!(v["title"], "Senior Rust Engineer");
    assert_eq!(v["company"], "Northwind Robotics");
    assert_eq!(v["location"], "Gothenburg, Västra Götaland, SE");
    assert_eq!(v["employment_type"], "FULL_TIME");
    assert_eq!(v["salary"], "SEK 65000–80000 per month");
    assert_eq!(v["min_years"], 5.0);
    assert_eq!(v["education"]["level"], "bachelor");
    assert_eq!(v["education"]["or_experience"], true);
    assert_eq!(
        skill_ids(&v, "asked"),
        [
            "cpp",
            "docker",
            "linux",
            "operating-systems",
            "postgresql",
            "rust"
        ]
    );
    // In `skills` but never asked for in the description; the footer's Java is chrome.
    let mentioned = skill_ids(&v, "mentioned");
    assert!(mentioned.contains(&"python".to_string()), "{mentioned:?}");
    assert!(!mentioned.contains(&"java".to_string()), "{mentioned:?}");
}

#[test]
fn html_page_without_json_ld_reads_the_main_text() {
    let v = parse_json(
        &[
            "parse",
            "fixtures/pages/larkspur-data-analyst.html",
            "-f",
            "json",
        ],
        None,
    );
    assert_eq!(v["title"], "Data Analyst");
    assert_eq!(v["company"], "Larkspur Health");
    assert_eq!(v["min_years"], 2.0);
    assert_eq!(skill_ids(&v, "asked"), ["dbt", "python", "r", "sql"]);
    // Navigation, the filter sidebar (Java, Kotlin, Swift, Ruby jobs), the footer and the
    // benefits are not asked for.
    let mentioned = skill_ids(&v, "mentioned");
    for chrome in ["java", "kotlin", "swift", "ruby", "scala", "html"] {
        assert!(
            !mentioned.contains(&chrome.to_string()),
            "{chrome}: {mentioned:?}"
        );
    }
    let first = &v["requirements"][0];
    assert_eq!(first["text"], "2+ years of experience with SQL");
    assert_eq!(first["line"], 33, "lines point into the saved page");
}

#[test]
fn json_resume_job_description_is_read() {
    let v = parse_json(
        &[
            "parse",
            "fixtures/pages/razorback-web-developer.job.json",
            "-f",
            "json",
        ],
        None,
    );
    assert_eq!(v["title"], "Web Developer");
    assert_eq!(v["company"], "Razorback");
    assert_eq!(v["employment_type"], "Contract");
    assert_eq!(v["location"], "Ely, Cambridgeshire, GB; Remote");
    assert_eq!(v["min_years"], 3.0);
    assert_eq!(
        skill_ids(&v, "asked"),
        [
            "apis",
            "django",
            "python",
            "sql",
            "typescript",
            "web-development"
        ]
    );
    assert_eq!(skill_ids(&v, "mentioned"), ["docker", "git", "react"]);
}

#[test]
fn posting_directories_include_pages_and_json() {
    let (out, err, code) = jobmatch(&["parse", "fixtures/pages", "-f", "jsonl"], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 3);
}

fn summary(v: &Value) -> Value {
    serde_json::json!({
        "title": v["title"],
        "company": v["company"],
        "location": v["location"],
        "employment_type": v["employment_type"],
        "min_years": v["min_years"],
        "education": v["education"],
        "asked": skill_ids(v, "asked"),
        "mentioned": skill_ids(v, "mentioned"),
        "requirements": v["requirements"].as_array().unwrap().len(),
    })
}

#[test]
fn jsonld_output_round_trips_bare_and_in_a_page() {
    let dir = std::env::temp_dir().join(format!("jobmatch-jsonld-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut inputs: Vec<String> = std::fs::read_dir("postings")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".md") && !p.ends_with("README.md"))
        .collect();
    inputs.sort();
    inputs.extend(
        [
            "fixtures/pages/northwind-rust-engineer-jsonld.html",
            "fixtures/pages/larkspur-data-analyst.html",
            "fixtures/pages/razorback-web-developer.job.json",
        ]
        .map(String::from),
    );
    for (i, input) in inputs.iter().enumerate() {
        let original = parse_json(&["parse", input, "-f", "json"], None);
        let (ld, err, code) = jobmatch(&["parse", input, "-f", "jsonld"], None);
        assert_eq!(code, 0, "{err}");
        let doc: Value = serde_json::from_str(&ld).unwrap();
        assert_eq!(doc["@context"], "https://schema.org/");
        assert_eq!(doc["@type"], "JobPosting");
        if original["company"].is_string() {
            assert_eq!(doc["hiringOrganization"]["@type"], "Organization");
        }
        if original["min_years"].is_number() {
            assert_eq!(
                doc["experienceRequirements"]["@type"],
                "OccupationalExperienceRequirements"
            );
        }
        let bare = dir.join(format!("{i}.json"));
        std::fs::write(&bare, &ld).unwrap();
        let page = dir.join(format!("{i}.html"));
        std::fs::write(
            &page,
            format!(
                "<!DOCTYPE html>\n<html><head><title>Job</title>\n\
                 <script type=\"application/ld+json\">\n{ld}</script>\n</head>\n\
                 <body><nav>Java jobs</nav><main><h1>Job</h1></main></body></html>\n"
            ),
        )
        .unwrap();
        for back in [&bare, &page] {
            let again = parse_json(&["parse", back.to_str().unwrap(), "-f", "json"], None);
            assert_eq!(summary(&again), summary(&original), "{input} via {back:?}");
        }
        // And from standard input, detected by content.
        let again = parse_json(&["parse", "-", "-f", "json"], Some(ld.as_bytes()));
        assert_eq!(summary(&again), summary(&original), "{input} via stdin");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn match_scores_against_a_saved_page() {
    let (out, err, code) = jobmatch(
        &[
            "match",
            "fixtures/pages/northwind-rust-engineer-jsonld.html",
            "fixtures/candidates",
            "-f",
            "jsonl",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["posting"], "Senior Rust Engineer");
}
