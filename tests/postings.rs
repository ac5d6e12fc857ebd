//! Section detection and posting fields on every shipped posting (see postings/README.md for
//! what each one exercises), and requirement groups, years and degrees where a posting is
//! built to test them.

use jobmatch::posting::PostingParser;
use jobmatch::requirement::{EducationLevel, Importance, RequirementSet, SectionKind};
use jobmatch::skill::Taxonomy;

use SectionKind::*;

fn parse(name: &str) -> (Taxonomy, RequirementSet) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("postings")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let taxonomy = Taxonomy::embedded();
    let set = PostingParser::new(&taxonomy).parse(&text, name);
    (taxonomy, set)
}

#[rustfmt::skip]
const SECTIONS: &[(&str, &[(&str, SectionKind)])] = &[
    ("brightfold-analytics-data-engineer.md", &[
        ("Brightfold Analytics – Data Engineer II", Other),
        ("Who We Are", Intro),
        ("What You'll Do", Responsibilities),
        ("What You'll Bring", Required),
        ("Bonus Points", Preferred),
        ("Perks & Benefits", Benefits),
        ("Compensation", Benefits),
        ("Equal Opportunity", Legal),
        ("How to Apply", Apply),
    ]),
    ("corvid-logistics-platform-engineer.md", &[
        ("Platform Engineer, Developer Infrastructure", Other),
        ("About Corvid", Intro),
        ("The Role", Responsibilities),
        ("What you'll do", Responsibilities),
        ("What we're looking for", Required),
        ("Nice to have", Preferred),
        ("What we offer", Benefits),
        ("Equal opportunity", Legal),
        ("How to apply", Apply),
    ]),
    ("halvorsen-foods-staff-accountant.md", &[
        ("Staff Accountant", Other),
        ("Company Overview", Intro),
        ("Position Summary", Responsibilities),
        ("Essential Duties and Responsibilities", Responsibilities),
        ("Qualifications", Required),
        ("Preferred Qualifications", Preferred),
        ("Benefits", Benefits),
        ("EEO Statement", Legal),
        ("Application Instructions", Apply),
    ]),
    ("harborlight-media-android-developer-contract.md", &[
        ("Android Developer (6-month contract)", Other),
        ("About Harborlight", Intro),
        ("The engagement", Other),
        ("Responsibilities", Responsibilities),
        ("Must have", Required),
        ("Nice to have", Preferred),
        ("Contract details", Other),
        ("Accessibility and equal opportunity", Legal),
        ("To apply", Apply),
    ]),
    ("lumen-payments-senior-backend-engineer.md", &[
        ("Senior Backend Engineer, Payouts", Other),
        ("About Lumen", Intro),
        ("What you'll do", Responsibilities),
        ("What you'll need", Required),
        ("Nice to have", Preferred),
        ("Compensation and benefits", Benefits),
        ("Equal opportunity", Legal),
        ("How to apply", Apply),
    ]),
    ("meridian-cloud-account-executive-mid-market.md", &[
        ("🚀 Account Executive, Mid-Market (East)", Other),
        ("👋 About Meridian", Intro),
        ("💼 What you'll do", Responsibilities),
        ("✅ What we're looking for", Required),
        ("⭐ Bonus points", Preferred),
        ("🎁 Perks", Benefits),
        ("🤝 Equal Opportunity", Legal),
        ("📩 How to apply", Apply),
    ]),
    ("orrery-labs-machine-learning-engineer-ranking.md", &[
        ("Machine Learning Engineer, Search Ranking", Other),
        ("About Orrery Labs", Intro),
        ("What you'll do", Responsibilities),
        ("Requirements", Required),
        ("Preferred", Preferred),
        ("Benefits", Benefits),
        ("Equal opportunity", Legal),
        ("How to apply", Apply),
    ]),
    ("pinecrest-mutual-qa-automation-engineer-ats-html.md", &[
        ("QA Automation Engineer – Policy Platform", Other),
        ("About Pinecrest Mutual", Intro),
        ("What you'll do", Responsibilities),
        ("What we're looking for", Required),
        ("Nice to have", Preferred),
        ("Benefits", Benefits),
        ("To apply", Apply),
    ]),
    ("quillmark-site-reliability-engineer.md", &[
        ("Who we are", Intro),
        ("The job", Responsibilities),
        ("You have", Required),
        ("Bonus", Preferred),
        ("Benefits", Benefits),
        ("Our commitment to inclusion", Legal),
        ("Applying", Apply),
    ]),
    ("tallgrass-health-senior-frontend-engineer.md", &[
        ("Senior Frontend Engineer, Patient Apps", Other),
        ("About Tallgrass Health", Intro),
        ("What you'll work on", Responsibilities),
        ("Requirements", Required),
        ("Nice to have", Preferred),
        ("What we offer", Benefits),
        ("Equal Employment Opportunity", Legal),
        ("How to apply", Apply),
    ]),
    ("st-brennan-medical-center-registered-nurse.txt", &[
        ("ST. BRENNAN MEDICAL CENTER", Other),
        ("ABOUT US", Intro),
        ("POSITION SUMMARY", Responsibilities),
        ("DUTIES", Responsibilities),
        ("REQUIREMENTS", Required),
        ("PREFERRED QUALIFICATIONS", Preferred),
        ("SCHEDULE AND PAY", Other),
        ("BENEFITS", Benefits),
        ("WORKING CONDITIONS / PHYSICAL DEMANDS", Other),
        ("EQUAL OPPORTUNITY EMPLOYER", Legal),
        ("HOW TO APPLY", Apply),
    ]),
];

#[test]
fn sections_of_every_shipped_posting() {
    let shipped: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/postings"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md" && n != "ibm-back-end-developer-intern.md")
        .collect();
    assert_eq!(
        shipped.len(),
        SECTIONS.len(),
        "every posting has a row: {shipped:?}"
    );
    for (name, expected) in SECTIONS {
        let (_, set) = parse(name);
        let got: Vec<(&str, SectionKind)> = set
            .sections
            .iter()
            .map(|s| (s.heading.as_str(), s.kind))
            .collect();
        assert_eq!(&got, expected, "{name}");
    }
}

#[test]
fn front_matter_in_every_dialect() {
    let cases = [
        (
            "tallgrass-health-senior-frontend-engineer.md",
            "Senior Frontend Engineer: Patient Apps",
            "Tallgrass Health",
            "Denver, CO (Hybrid)",
            "Full-time",
        ),
        (
            "quillmark-site-reliability-engineer.md",
            "Site Reliability Engineer",
            "Quillmark",
            "Remote (UTC-1 to UTC+3)",
            "Full-time",
        ),
        (
            "harborlight-media-android-developer-contract.md",
            "Android Developer (6-month contract)",
            "Harborlight Media",
            "Toronto, ON, Canada",
            "Contract",
        ),
    ];
    for (name, title, company, location, kind) in cases {
        let (_, set) = parse(name);
        assert_eq!(set.title.as_deref(), Some(title), "{name}");
        assert_eq!(set.company.as_deref(), Some(company), "{name}");
        assert_eq!(set.location.as_deref(), Some(location), "{name}");
        assert_eq!(set.employment_type.as_deref(), Some(kind), "{name}");
        // Front matter never becomes body text.
        assert!(
            set.requirements.iter().all(|r| !r.text.contains("title")),
            "{name}"
        );
    }
}

#[test]
fn bold_label_fields_in_the_body() {
    let (_, set) = parse("brightfold-analytics-data-engineer.md");
    assert_eq!(
        set.location.as_deref(),
        Some("Austin, TX or Remote (US only)")
    );
    assert_eq!(set.employment_type.as_deref(), Some("Full-time, exempt"));
}

#[test]
fn groups_years_and_degrees() {
    let (taxonomy, set) = parse("lumen-payments-senior-backend-engineer.md");
    let find = |start: &str| {
        set.requirements
            .iter()
            .find(|r| r.text.starts_with(start))
            .unwrap_or_else(|| panic!("no requirement starting {start:?}"))
    };
    let ids = |r: &jobmatch::requirement::Requirement| -> Vec<String> {
        r.skills
            .iter()
            .map(|&s| taxonomy.skill(s).id.to_string())
            .collect()
    };
    let langs = find("3+ years of professional experience in one or more of");
    assert_eq!(ids(langs), ["go", "java", "kotlin", "rust"]);
    assert_eq!((langs.min_count, langs.years), (1, Some(3.0)));
    let db = find("Experience with PostgreSQL or MySQL");
    assert_eq!(db.min_count, 1);
    let clouds = find("Hands-on experience with any of");
    assert_eq!(
        (ids(clouds), clouds.min_count),
        (vec!["aws".to_string(), "gcp".into(), "azure".into()], 1)
    );
    let two = find("At least two of the following:");
    assert_eq!(two.min_count, 2);
    assert!(
        two.skills.len() >= 3,
        "the sub-list is part of the group: {:?}",
        ids(two)
    );
    assert_eq!(find("At least five years").years, Some(5.0));
    assert_eq!(find("2-4 years").years, Some(2.0));
    assert_eq!(find("2-4 years").importance, Importance::Preferred);
    let degree = find("Bachelor's degree in Computer Science or equivalent experience");
    let edu = degree.education.unwrap();
    assert_eq!(
        (edu.level, edu.or_experience),
        (EducationLevel::Bachelor, true)
    );
    assert!(
        degree.skills.is_empty(),
        "the degree's field is not a skill"
    );
    assert_eq!(
        find("Master's or PhD preferred").importance,
        Importance::Preferred
    );
    assert_eq!(set.min_years, Some(5.0));
    assert_eq!(
        set.education.map(|e| e.level),
        Some(EducationLevel::Bachelor)
    );
}

#[test]
fn plain_text_crlf_nurse_posting() {
    let (taxonomy, set) = parse("st-brennan-medical-center-registered-nurse.txt");
    let required: Vec<String> = set
        .requirements
        .iter()
        .filter(|r| r.importance == Importance::Required)
        .flat_map(|r| r.skills.iter().map(|&s| taxonomy.skill(s).id.to_string()))
        .collect();
    for want in ["bls", "cpr"] {
        assert!(
            required.iter().any(|s| s.contains(want)),
            "{want} in {required:?}"
        );
    }
    assert_eq!(
        set.education.map(|e| e.level),
        Some(EducationLevel::Associate)
    );
    assert_eq!(set.min_years, Some(2.0));
    // Line numbers point at the original CRLF file.
    let first = &set.requirements[0];
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/postings/st-brennan-medical-center-registered-nurse.txt"
    ))
    .unwrap();
    let line = text.lines().nth(first.line as usize - 1).unwrap();
    let words: Vec<&str> = first.text.split_whitespace().take(3).collect();
    assert!(
        line.contains(&words.join(" ")),
        "line {}: {line:?} vs {:?}",
        first.line,
        first.text
    );
}

#[test]
fn about_sections_ask_nothing() {
    // Technologies a company says it uses in "About us" are not requirements.
    let (taxonomy, set) = parse("corvid-logistics-platform-engineer.md");
    let asked: Vec<String> = set
        .requirements
        .iter()
        .flat_map(|r| r.skills.iter().map(|&s| taxonomy.skill(s).id.to_string()))
        .collect();
    for about in ["elixir", "nextjs"] {
        assert!(!asked.iter().any(|s| s == about), "{about} in {asked:?}");
    }
}
