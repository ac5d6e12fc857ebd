//! The straightforward way to read a JSON Lines file of profiles: `serde_json::from_str` of
//! each line into a typed struct (owned strings, both record shapes `gen_profiles.py` writes),
//! on one thread, and nothing else. Prints the record count so the work cannot be optimised
//! away.
//!
//! Usage: parse_only FILE.jsonl

use std::io::{BufRead, BufReader};

use serde::Deserialize;

#[allow(dead_code)]
#[derive(Deserialize)]
struct Record {
    id: Option<String>,
    name: Option<String>,
    years_experience: Option<f32>,
    summary: Option<String>,
    #[serde(default)]
    skills: Vec<Skill>,
    #[serde(default)]
    education: Vec<Education>,
    #[serde(default)]
    certifications: Vec<String>,
    #[serde(default)]
    languages: Vec<Language>,
    basics: Option<Basics>,
    #[serde(default)]
    work: Vec<Work>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Skill {
    name: String,
    level: Option<String>,
    years: Option<f32>,
    #[serde(default)]
    keywords: Vec<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Education {
    level: Option<String>,
    field: Option<String>,
    institution: Option<String>,
    #[serde(rename = "studyType")]
    study_type: Option<String>,
    area: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Language {
    language: Option<String>,
    fluency: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Basics {
    name: Option<String>,
    label: Option<String>,
    email: Option<String>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Work {
    name: Option<String>,
    position: Option<String>,
    #[serde(rename = "startDate")]
    start_date: Option<String>,
    #[serde(rename = "endDate")]
    end_date: Option<String>,
    #[serde(default)]
    highlights: Vec<String>,
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: parse_only FILE.jsonl");
    let file = std::fs::File::open(&path).expect("readable input");
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    let mut line = String::new();
    let (mut records, mut skills) = (0usize, 0usize);
    loop {
        line.clear();
        if reader.read_line(&mut line).expect("readable input") == 0 {
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        let rec: Record = serde_json::from_str(&line).expect("valid record");
        records += 1;
        skills += rec.skills.len();
    }
    println!("{records} records, {skills} skills");
}
