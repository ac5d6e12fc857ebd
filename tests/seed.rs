//! The seed posting (IBM back-end developer intern) must be understood exactly: every
//! requirement, its importance, min_count, skills, text and line; its sections; and nothing
//! from the About sections asked of the candidate.

use jobmatch::posting::PostingParser;
use jobmatch::requirement::{Importance, RequirementSet, SectionKind};
use jobmatch::skill::Taxonomy;

const SEED: &str = include_str!("../postings/ibm-back-end-developer-intern.md");

fn parse() -> (Taxonomy, RequirementSet) {
    let taxonomy = Taxonomy::embedded();
    let set = PostingParser::new(&taxonomy).parse(SEED, "seed.md");
    (taxonomy, set)
}

fn ids(taxonomy: &Taxonomy, skills: &[jobmatch::skill::SkillId]) -> Vec<String> {
    skills
        .iter()
        .map(|&s| taxonomy.skill(s).id.to_string())
        .collect()
}

#[test]
fn seed_is_byte_for_byte_the_published_posting() {
    // Guards against an editor "fixing" the seed: it has no trailing newline and a stray `**`.
    assert!(!SEED.ends_with('\n'));
    assert!(SEED.contains("As a Back End Developer Intern you**:\n"));
    assert_eq!(SEED.lines().count(), 51);
    let published = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seed/ibm-back-end-developer-intern.md");
    if let Ok(original) = std::fs::read_to_string(published) {
        assert_eq!(SEED, original);
    }
}

#[test]
fn seed_requirement_set_is_exact() {
    use Importance::{Preferred as P, Required as R};
    let (taxonomy, set) = parse();
    #[rustfmt::skip]
    let expected: &[(u32, Importance, usize, &[&str], &str)] = &[
        (14, R, 1, &["apis"], "Have experience using and developing APIs."),
        (15, R, 1, &["requirements-analysis"], "Understand user and system requirements"),
        (16, R, 1, &["agile"], "Have an understanding of, or experience with, Agile development methodology."),
        (21, R, 0, &[], "You are highly motivated and have a passion for creating and supporting great products."),
        (22, R, 0, &[], "You thrive on collaboration, working side by side with people of all backgrounds and disciplines, and you have very strong verbal and written communication skills."),
        (23, R, 2, &["debugging", "troubleshooting"], "You are great at solving problems, debugging, troubleshooting, designing and implementing solutions to complex technical issues."),
        (24, R, 1, &["programming"], "You have a basic understanding of software development and programming languages."),
        (25, R, 0, &[], "You have the ability to learn new skills quickly and use the skills efficiently."),
        (27, R, 1, &["cpp", "c", "java", "ruby", "python", "perl", "sql"], "Must have basic knowledge in one or more of the following technology areas: C++, C, Java, Ruby, Python, Perl, SQL"),
        (28, R, 1, &["operating-systems", "containers", "internet-services", "managed-services"], "Basic knowledge of operating systems and how they work (i.e. Operating systems courses); Container technologies; Internet Services; and/or Managed Services"),
        (30, R, 1, &["requirements-analysis"], "Basic understanding of user and system requirements"),
        (31, R, 1, &["agile"], "Have an interest in, understanding of, or experience with Agile development methodology."),
        (33, P, 5, &["linux-kernel", "process-scheduling", "memory-management", "device-drivers", "computer-architecture"], "Skilled in working with Linux Kernel, scheduler, memory management system, device drivers, hardware architectures"),
        (34, P, 1, &["apis"], "Familiarity with APIs"),
        (35, P, 0, &[], "Registered in a formal co-op/internship program"),
    ];
    let got: Vec<(u32, Importance, usize, Vec<String>, &str)> = set
        .requirements
        .iter()
        .map(|r| {
            (
                r.line,
                r.importance,
                r.min_count,
                ids(&taxonomy, &r.skills),
                r.text.as_str(),
            )
        })
        .collect();
    let want: Vec<(u32, Importance, usize, Vec<String>, &str)> = expected
        .iter()
        .map(|&(line, imp, min, skills, text)| {
            (
                line,
                imp,
                min,
                skills.iter().map(|s| s.to_string()).collect(),
                text,
            )
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn seed_posting_fields_and_mentions() {
    let (taxonomy, set) = parse();
    assert_eq!(set.title.as_deref(), Some("Back End Developer Intern"));
    assert_eq!(set.company.as_deref(), Some("IBM"));
    assert_eq!(set.min_years, None);
    assert_eq!(set.education, None);
    assert_eq!(
        ids(&taxonomy, &set.mentioned),
        ["backend-development", "design-thinking", "ux-design"]
    );
    // "About IBM" names AI, quantum computing, blockchain and IBM Cloud: none is asked for.
    let everything: Vec<String> = set
        .requirements
        .iter()
        .flat_map(|r| ids(&taxonomy, &r.skills))
        .chain(ids(&taxonomy, &set.mentioned))
        .collect();
    for about in [
        "ai",
        "artificial-intelligence",
        "quantum-computing",
        "blockchain",
        "ibm-cloud",
    ] {
        assert!(
            !everything.iter().any(|s| s == about),
            "{about} leaked from About IBM"
        );
    }
}

#[test]
fn seed_sections_include_lazy_continuation_headings() {
    use SectionKind::*;
    let (_, set) = parse();
    let got: Vec<(&str, SectionKind, u32)> = set
        .sections
        .iter()
        .map(|s| (s.heading.as_str(), s.kind, s.line))
        .collect();
    assert_eq!(
        got,
        [
            ("Introduction", Intro, 1),
            ("Your Role and Responsibilities", Responsibilities, 13),
            ("What You'll Do", Responsibilities, 17),
            ("Who You Are", Required, 20),
            (
                "Required Technical and Professional Expertise",
                Required,
                26
            ),
            (
                "Preferred Technical and Professional Expertise",
                Preferred,
                32
            ),
            ("About Business Unit", Intro, 36),
            ("About IBM", Intro, 44),
            ("Location Statement", Other, 48),
        ]
    );
}
