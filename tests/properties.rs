//! Properties of parsing and scoring that must hold for every posting and profile, checked on
//! generated ones (proptest): scores stay in [0, 100]; adding a skill never lowers a score; the
//! order of profiles, of a profile's skills and of a posting's bullets never changes a score;
//! parsing is deterministic; a parsed posting survives JSON and back unchanged.

use std::sync::LazyLock;

use jobmatch::matcher::{Matcher, Weights};
use jobmatch::posting::PostingParser;
use jobmatch::profile::{self, Format, Profile};
use jobmatch::render::PostingView;
use jobmatch::requirement::RequirementSet;
use jobmatch::skill::Taxonomy;
use proptest::prelude::*;
use proptest::sample::select;

static TAXONOMY: LazyLock<Taxonomy> = LazyLock::new(Taxonomy::embedded);

/// Skill names as people write them: every name the taxonomy knows, and a few it does not.
fn names() -> Vec<String> {
    let mut names: Vec<String> = TAXONOMY.skills().map(|(_, s)| s.name.to_string()).collect();
    names.extend(["Cobol", "Haskell", "Figma"].map(String::from));
    names
}

fn skill_name() -> impl Strategy<Value = String> {
    select(names())
}

/// One bullet of a requirements section, in the phrasings postings use.
fn bullet() -> impl Strategy<Value = String> {
    let name = skill_name;
    prop_oneof![
        name().prop_map(|a| format!("Experience with {a}")),
        (1u8..9, name()).prop_map(|(n, a)| format!("{n}+ years of {a}")),
        (name(), name()).prop_map(|(a, b)| format!("{a} or {b}")),
        (name(), name(), name()).prop_map(|(a, b, c)| format!("Knowledge of {a}, {b} and {c}")),
        (name(), name()).prop_map(|(a, b)| format!("One or more of {a}, {b}")),
        name().prop_map(|a| format!("Strong {a} skills")),
        name().prop_map(|a| format!("Basic familiarity with {a}")),
        Just("Bachelor's degree in Computer Science or equivalent experience".to_string()),
        (1u8..9).prop_map(|n| format!("{n} years of professional experience")),
        Just("Strong communication skills".to_string()),
    ]
}

#[derive(Debug, Clone)]
struct PostingSpec {
    required: Vec<String>,
    preferred: Vec<String>,
}

impl PostingSpec {
    fn markdown(&self) -> String {
        let mut md = String::from("# Engineer\n\n## Requirements\n");
        for b in &self.required {
            md.push_str(&format!("- {b}\n"));
        }
        if !self.preferred.is_empty() {
            md.push_str("\n## Nice to have\n");
            for b in &self.preferred {
                md.push_str(&format!("- {b}\n"));
            }
        }
        md
    }
}

fn posting() -> impl Strategy<Value = PostingSpec> {
    (
        prop::collection::vec(bullet(), 1..8),
        prop::collection::vec(bullet(), 0..4),
    )
        .prop_map(|(required, preferred)| PostingSpec {
            required,
            preferred,
        })
}

#[derive(Debug, Clone)]
struct SkillSpec {
    name: String,
    level: Option<&'static str>,
    years: Option<u8>,
}

#[derive(Debug, Clone)]
struct ProfileSpec {
    skills: Vec<SkillSpec>,
    years_experience: Option<u8>,
    degree: Option<&'static str>,
    summary: Option<String>,
}

impl ProfileSpec {
    fn toml(&self) -> String {
        let mut t = String::new();
        if let Some(y) = self.years_experience {
            t.push_str(&format!("years_experience = {y}\n"));
        }
        if let Some(s) = &self.summary {
            t.push_str(&format!("summary = {s:?}\n"));
        }
        if let Some(d) = self.degree {
            t.push_str(&format!("[[education]]\nlevel = {d:?}\n"));
        }
        for s in &self.skills {
            t.push_str(&format!("[[skills]]\nname = {:?}\n", s.name));
            if let Some(l) = s.level {
                t.push_str(&format!("level = {l:?}\n"));
            }
            if let Some(y) = s.years {
                t.push_str(&format!("years = {y}\n"));
            }
        }
        t
    }

    fn load(&self) -> Profile {
        let loader = profile::Loader::new(&TAXONOMY, profile::date::Month::new(2026, 11));
        let origin = profile::Origin {
            name: "gen.toml",
            line: None,
            stem: "gen",
        };
        loader
            .parse(
                &self.toml(),
                Format::Toml,
                &origin,
                &mut profile::SkillCache::default(),
            )
            .unwrap_or_else(|e| panic!("{e}\n{}", self.toml()))
    }
}

fn skill() -> impl Strategy<Value = SkillSpec> {
    (
        skill_name(),
        prop::option::of(select(vec!["basic", "working", "advanced", "expert"])),
        prop::option::of(0u8..15),
    )
        .prop_map(|(name, level, years)| SkillSpec { name, level, years })
}

fn profile_spec() -> impl Strategy<Value = ProfileSpec> {
    (
        prop::collection::vec(skill(), 0..8),
        prop::option::of(0u8..30),
        prop::option::of(select(vec!["high_school", "bachelor", "master", "phd"])),
        prop::option::of(
            prop::collection::vec(skill_name(), 0..4)
                .prop_map(|names| format!("I have worked with {}.", names.join(" and "))),
        ),
    )
        .prop_map(|(skills, years_experience, degree, summary)| ProfileSpec {
            skills,
            years_experience,
            degree,
            summary,
        })
}

fn parse(markdown: &str) -> RequirementSet {
    PostingParser::new(&TAXONOMY).parse(markdown, "gen.md")
}

fn score(set: &RequirementSet, p: &Profile) -> f32 {
    Matcher::new(&TAXONOMY, set, Weights::default())
        .score(p)
        .score
}

/// Scores are sums of f32 in a fixed order; a reordering may move the last bits.
fn close(a: f32, b: f32) -> bool {
    (a - b).abs() <= 1e-3
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn score_is_within_0_and_100(posting in posting(), p in profile_spec()) {
        let s = score(&parse(&posting.markdown()), &p.load());
        prop_assert!((0.0..=100.0).contains(&s), "{s}");
    }

    #[test]
    fn adding_a_skill_never_lowers_the_score(
        posting in posting(),
        mut p in profile_spec(),
        extra in skill(),
        at in any::<prop::sample::Index>(),
    ) {
        let set = parse(&posting.markdown());
        let before = score(&set, &p.load());
        let i = at.index(p.skills.len() + 1);
        p.skills.insert(i, extra);
        let after = score(&set, &p.load());
        prop_assert!(after >= before - 1e-3, "{before} -> {after}\n{}", p.toml());
    }

    #[test]
    fn the_order_of_a_profiles_skills_does_not_matter(
        posting in posting(),
        p in profile_spec(),
        seed in any::<u64>(),
    ) {
        let set = parse(&posting.markdown());
        let mut shuffled = p.clone();
        shuffle(&mut shuffled.skills, seed);
        let (a, b) = (score(&set, &p.load()), score(&set, &shuffled.load()));
        prop_assert!(close(a, b), "{a} vs {b}");
    }

    #[test]
    fn the_order_of_profiles_does_not_matter(
        posting in posting(),
        profiles in prop::collection::vec(profile_spec(), 1..6),
        seed in any::<u64>(),
    ) {
        let set = parse(&posting.markdown());
        let matcher = Matcher::new(&TAXONOMY, &set, Weights::default());
        let loaded: Vec<Profile> = profiles.iter().map(ProfileSpec::load).collect();
        let mut order: Vec<usize> = (0..loaded.len()).collect();
        shuffle(&mut order, seed);
        let forward: Vec<f32> = loaded.iter().map(|p| matcher.score(p).score).collect();
        let mut reordered = vec![0.0; loaded.len()];
        for &i in &order {
            reordered[i] = matcher.score(&loaded[i]).score;
        }
        prop_assert_eq!(forward, reordered);
    }

    #[test]
    fn the_order_of_a_postings_bullets_does_not_matter(
        posting in posting(),
        p in profile_spec(),
        seed in any::<u64>(),
    ) {
        let mut shuffled = posting.clone();
        shuffle(&mut shuffled.required, seed);
        shuffle(&mut shuffled.preferred, seed.rotate_left(17));
        let profile = p.load();
        let (a, b) = (
            score(&parse(&posting.markdown()), &profile),
            score(&parse(&shuffled.markdown()), &profile),
        );
        prop_assert!(close(a, b), "{a} vs {b}\n{}\n{}", posting.markdown(), shuffled.markdown());
    }

    #[test]
    fn parsing_generated_postings_is_deterministic_and_survives_json(posting in posting()) {
        check_parse(&posting.markdown())?;
    }

    #[test]
    fn parsing_any_text_is_deterministic_and_survives_json(text in any_text()) {
        check_parse(&text)?;
    }
}

/// Arbitrary text with the characters postings are made of over-represented.
fn any_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<String>(),
        select(vec![
            "\n",
            "\r\n",
            "\r",
            "- ",
            "* ",
            "1. ",
            "## ",
            "**",
            "> ",
            "<li>",
            "</li>",
            "<p>",
            "<script>",
            "&amp;",
            "&#x1b;",
            "---\n",
            "Requirements:\n",
            "Python",
            "C++",
            "SQL",
            "3+ years",
            " or ",
            ", ",
            "\u{feff}",
            "\u{200b}",
            "\u{202e}",
            "\0",
        ])
        .prop_map(String::from),
        skill_name(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn check_parse(text: &str) -> Result<(), TestCaseError> {
    let first = parse(text);
    let again = PostingParser::new(&TAXONOMY).parse(text, "gen.md");
    prop_assert_eq!(&first, &again);
    let view = PostingView::new(&first, &TAXONOMY);
    let json = serde_json::to_string(&view).unwrap();
    let back: PostingView = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(back, view);
    Ok(())
}

/// A Fisher–Yates shuffle driven by `seed` (proptest shrinks the seed, not the permutation).
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = (seed >> 33) as usize % (i + 1);
        items.swap(i, j);
    }
}

// Found by `adding_a_skill_never_lowers_the_score`: a skill listed at a low level hid the same
// skill named in the summary, so listing it dropped the score from 100 to 50.
#[test]
fn listing_a_skill_at_a_low_level_does_not_hide_the_summary() {
    let set = parse("## Requirements\n- Strong Python skills\n");
    let summary_only = ProfileSpec {
        skills: vec![],
        years_experience: None,
        degree: None,
        summary: Some("I have worked with Python.".into()),
    };
    let mut listed = summary_only.clone();
    listed.skills.push(SkillSpec {
        name: "Python".into(),
        level: Some("basic"),
        years: None,
    });
    assert_eq!(score(&set, &summary_only.load()), 100.0);
    assert_eq!(score(&set, &listed.load()), 100.0);
}
