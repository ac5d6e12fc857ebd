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

fn title_and_company(text: &str) -> (Option<String>, Option<String>) {
    let (_, set) = parse(text);
    (set.title, set.company)
}

#[test]
fn a_one_line_header_names_company_and_title() {
    let posting = "Acme Analytics (Remote EU) | Berlin, DE (Hybrid) Staff Data Engineer | \
        We build forecasting tools for farms.\n\nWe use Python and Postgres.\n\n\
        Details:\n\n- Salary: 90k\n";
    assert_eq!(
        title_and_company(posting),
        (
            Some("Staff Data Engineer".to_string()),
            Some("Acme Analytics".to_string())
        )
    );
    let dashes = "Orbit Labs \u{2014} Senior Mobile Developer \u{2014} Kotlin / Swift\n\nMore.\n";
    assert_eq!(
        title_and_company(dashes),
        (
            Some("Senior Mobile Developer".to_string()),
            Some("Orbit Labs".to_string())
        )
    );
    // Prose with dashes is no header.
    let prose = "We ship fast \u{2014} really fast \u{2014} and test everything.\n";
    assert_eq!(title_and_company(prose), (None, None));
}

#[test]
fn a_top_heading_naming_a_role_is_the_title_not_a_section() {
    let site_title = "---\ntitle: cloud storage work\n---\n\n\
        Senior Designer - User Experience\n=================================\n\n\
        - Westford, MA\n\n## Required skills\n\n- Figma\n";
    let (taxonomy, set) = parse(site_title);
    assert_eq!(
        set.title.as_deref(),
        Some("Senior Designer - User Experience")
    );
    let ids: Vec<&str> = set
        .requirements
        .iter()
        .flat_map(|r| r.skills.iter().map(|&s| &*taxonomy.skill(s).id))
        .collect();
    assert_eq!(ids, ["figma"]);
    // A front-matter title that names a role stays.
    let named = "---\ntitle: Senior DevOps Engineer\n---\n\n# Senior DevOps Consultant\n\nText.\n";
    assert_eq!(
        title_and_company(named).0.as_deref(),
        Some("Senior DevOps Engineer")
    );
}

#[test]
fn a_lead_in_over_lists_of_their_own_keeps_each_list_apart() {
    let posting = "# DevOps Engineer\n\n## Requirements\n\n\
        Experience in any of these is desirable:\n\n\
        - Containers \u{2013} Docker, Kubernetes\n\
        - Cloud \u{2013} AWS, Azure\n\n\
        You will need one or more of the following:\n\n\
        - Python\n\
        - Go\n";
    assert_eq!(
        requirements(posting),
        want(&[
            (P, 1, &["containers", "docker", "kubernetes"]),
            (P, 1, &["cloud-computing", "aws", "azure"]),
            (R, 1, &["python", "go"]),
        ])
    );
}

#[test]
fn prose_that_says_what_candidates_need_is_a_requirement() {
    let posting = "# Web Developer\n\n## The role\n\n\
        You will build our booking site. We use Python. \
        The successful candidate will know PostgreSQL and Redis.\n";
    assert_eq!(
        requirements(posting),
        want(&[(R, 2, &["postgresql", "redis"])])
    );
    assert_eq!(mentioned(posting), ["python"]);
}

#[test]
fn an_equal_opportunity_statement_asks_nothing_wherever_it_stands() {
    let posting = "# Platform Engineer\n\n## Requirements\n\n\
        - Experience with Kubernetes\n\n\
        Acme is an equal opportunity employer and uses Salesforce to hire fairly.\n";
    assert_eq!(requirements(posting), want(&[(R, 1, &["kubernetes"])]));
    assert_eq!(mentioned(posting), Vec::<String>::new());
}
