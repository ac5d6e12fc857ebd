//! How a posting's sentences become requirements: which extracted skills a requirement asks
//! for, with what importance and `min_count`, and which are only mentioned. Each case is a
//! small posting written for the behaviour it pins, checked exactly.

use jobmatch::posting::PostingParser;
use jobmatch::requirement::{Importance, RequirementSet};
use jobmatch::skill::Taxonomy;

use Importance::{Preferred as P, Required as R};

fn parse(text: &str) -> (Taxonomy, RequirementSet) {
    let taxonomy = Taxonomy::embedded();
    let set = PostingParser::new(&taxonomy).parse(text, "test.md");
    (taxonomy, set)
}

/// Every requirement as (importance, min_count, skill ids), in order.
fn requirements(text: &str) -> Vec<(Importance, usize, Vec<String>)> {
    let (taxonomy, set) = parse(text);
    set.requirements
        .iter()
        .map(|r| {
            let ids = r.skills.iter().map(|&s| taxonomy.skill(s).id.to_string());
            (r.importance, r.min_count, ids.collect())
        })
        .collect()
}

fn mentioned(text: &str) -> Vec<String> {
    let (taxonomy, set) = parse(text);
    let ids = set
        .mentioned
        .iter()
        .map(|&s| taxonomy.skill(s).id.to_string());
    ids.collect()
}

fn want(rows: &[(Importance, usize, &[&str])]) -> Vec<(Importance, usize, Vec<String>)> {
    rows.iter()
        .map(|&(i, n, ids)| (i, n, ids.iter().map(|s| s.to_string()).collect()))
        .collect()
}

#[test]
fn category_words_give_way_to_the_skills_they_introduce() {
    let posting = "# Backend Engineer\n\n## Requirements\n\n\
        - Programming experience in one or more of the following languages: Java, Kotlin\n\
        - Hands-on C programming\n\
        - A basic understanding of programming languages\n";
    assert_eq!(
        requirements(posting),
        want(&[
            (R, 1, &["java", "kotlin"]),
            (R, 1, &["c"]),
            (R, 1, &["programming"]),
        ])
    );
}

#[test]
fn software_development_in_passing_is_no_skill() {
    let posting = "# Backend Engineer\n\n\
        You will join an experienced software development team.\n\n\
        ## Requirements\n\n\
        - Experience in software development\n\
        - Software engineering experience with Python\n";
    assert_eq!(
        requirements(posting),
        want(&[(R, 0, &[]), (R, 1, &["python"])])
    );
    assert_eq!(mentioned(posting), Vec::<String>::new());
}

#[test]
fn a_preference_in_parentheses_qualifies_only_its_own_words() {
    let posting = "# Platform Engineer\n\n## Requirements\n\n\
        - Experience with GCP (Cloud Run preferred)\n\
        - Spring Framework (Spring Boot strongly preferred)\n\
        - Terraform experience is a plus\n";
    assert_eq!(
        requirements(posting),
        want(&[
            (R, 1, &["gcp", "gcp-cloud-run"]),
            (R, 1, &["spring", "spring-boot"]),
            (P, 1, &["terraform"]),
        ])
    );
}

#[test]
fn a_preferred_lead_in_covers_the_list_under_it_and_no_more() {
    let posting = "# Data Engineer\n\n## Requirements\n\n\
        - Strong Python\n\n\
        Experience with some of these tools would be highly beneficial:\n\n\
        - Apache Airflow\n\
        - dbt\n\n\
        Good written English is essential.\n\n\
        ## Strong candidates will have experience with, or a desire to learn, some of the following:\n\n\
        - Kubernetes\n\n\
        ### Additionally, we'd love it if you have this:\n\n\
        - Rust\n";
    assert_eq!(
        requirements(posting),
        want(&[
            (R, 1, &["python"]),
            (P, 1, &["airflow"]),
            (P, 1, &["dbt"]),
            (R, 1, &["english"]),
            (P, 1, &["kubernetes"]),
            (P, 1, &["rust"]),
        ])
    );
}
