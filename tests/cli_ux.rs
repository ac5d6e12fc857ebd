//! The command line as people and scripts meet it: generated man page and completions,
//! colour only where it belongs, global flags, configuration files and `--weights`.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{Run, run_in};

const POSTING: &str = "postings/ibm-back-end-developer-intern.md";

fn run(args: &[&str], env: &[(&str, &str)]) -> Run {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, env, None)
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("jobmatch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn man_page_is_generated_and_checked_in() {
    let r = run(&["man"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with(".ie"), "roff");
    assert!(r.stdout.contains(".SH \"JOBMATCH MATCH\""));
    assert!(r.stdout.contains("\\-\\-weights"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/jobmatch.1");
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &r.stdout).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == r.stdout,
        "docs/jobmatch.1 is stale: run `UPDATE_GENERATED=1 cargo test --test cli_ux` \
         (or `jobmatch man > docs/jobmatch.1`)"
    );
}

#[test]
fn completions_generate_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef jobmatch"),
        ("fish", "complete -c jobmatch"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let r = run(&["completions", shell], &[]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains(marker), "{shell}");
        for word in ["parse", "match", "weights", "color", "no-config"] {
            assert!(r.stdout.contains(word), "{shell} completes {word}");
        }
    }
    let r = run(&["completions", "tcsh"], &[]);
    assert_eq!(r.code, 2);
}

#[test]
fn bash_completion_script_is_valid_bash() {
    let r = run(&["completions", "bash"], &[]);
    let Ok(mut bash) = Command::new("bash").arg("-n").stdin(Stdio::piped()).spawn() else {
        return; // no bash here
    };
    bash.stdin
        .take()
        .unwrap()
        .write_all(r.stdout.as_bytes())
        .unwrap();
    assert!(bash.wait().unwrap().success());
}

#[test]
fn help_groups_flags_and_shows_examples() {
    let long = run(&["match", "--help"], &[]);
    for heading in [
        "Input:",
        "Output:",
        "Scoring:",
        "Global options:",
        "Examples:",
    ] {
        assert!(long.stdout.contains(heading), "{heading}\n{}", long.stdout);
    }
    let short = run(&["match", "-h"], &[]);
    assert!(!short.stdout.contains("Examples:"));
    assert!(short.stdout.len() < long.stdout.len());
    for sub in ["parse", "skills", "taxonomy", "completions", "man"] {
        let r = run(&[sub, "--help"], &[]);
        assert!(r.stdout.contains("Examples:"), "{sub} --help has examples");
    }
}

const ESC: char = '\x1b';

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let table = ["match", POSTING, "fixtures/candidates", "-f", "table"];
    // A pipe: no colour.
    let r = run(&table, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains(ESC));
    // Forced.
    let mut always = table.to_vec();
    always.extend(["--color", "always"]);
    let r = run(&always, &[]);
    assert!(r.stdout.contains(ESC));
    // NO_COLOR beats the configuration and auto; only the flag beats NO_COLOR.
    let mut auto = table.to_vec();
    auto.extend(["--color", "auto"]);
    assert!(!run(&auto, &[("NO_COLOR", "1")]).stdout.contains(ESC));
    assert!(!run(&table, &[("NO_COLOR", "1")]).stdout.contains(ESC));
    assert!(run(&always, &[("NO_COLOR", "1")]).stdout.contains(ESC));
    // Machine formats never.
    for f in ["json", "jsonl", "csv", "tsv"] {
        let r = run(
            &[
                "match",
                POSTING,
                "fixtures/candidates",
                "-f",
                f,
                "--color",
                "always",
            ],
            &[],
        );
        assert!(!r.stdout.contains(ESC), "{f}");
    }
    let r = run(&["parse", POSTING, "-f", "table", "--color", "always"], &[]);
    assert!(r.stdout.contains(ESC));
    let r = run(&["parse", POSTING, "-f", "json", "--color", "always"], &[]);
    assert!(!r.stdout.contains(ESC));
}

#[test]
fn width_is_global_and_respected() {
    for args in [
        vec!["--width", "60", "parse", POSTING, "-f", "table"],
        vec!["taxonomy", "-f", "table", "--width", "60"],
        vec![
            "match",
            POSTING,
            "fixtures/candidates",
            "-f",
            "table",
            "--width",
            "60",
        ],
    ] {
        let r = run(&args, &[]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        for line in r.stdout.lines().filter(|l| l.starts_with(['┌', '│', '└'])) {
            assert!(line.chars().count() <= 60, "{args:?}: {line}");
        }
    }
}

#[test]
fn no_progress_in_a_pipe_or_when_quiet() {
    let r = run(
        &[
            "match",
            POSTING,
            "fixtures/profiles-small.jsonl",
            "-f",
            "csv",
        ],
        &[],
    );
    assert!(!r.stderr.contains("results,"), "{}", r.stderr);
    assert!(!r.stderr.contains(ESC));
}

fn score_of(stdout: &str, who: &str) -> f64 {
    stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["candidate"] == who)
        .and_then(|v| v["score"].as_f64())
        .expect("candidate scored")
}

#[test]
fn weights_come_from_flag_env_project_then_user_config() {
    let dir = temp_dir("config");
    let root = env!("CARGO_MANIFEST_DIR");
    let posting = format!("{root}/{POSTING}");
    let candidates = format!("{root}/fixtures/candidates");
    let args = ["match", &posting, &candidates, "-f", "jsonl"];
    let who = "devon-java";
    let base = score_of(&run_in(&dir, &args, &[], None).stdout, who);

    // Only preferred requirements count: a different score.
    let pref_only = {
        let mut a = args.to_vec();
        a.extend(["--weights", "required=0,preferred=1"]);
        score_of(&run_in(&dir, &a, &[], None).stdout, who)
    };
    assert_ne!(base, pref_only);

    // The user's configuration.
    let user = dir.join("xdg/jobmatch");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(
        user.join("jobmatch.toml"),
        "[weights]\nrequired = 0\npreferred = 1\n",
    )
    .unwrap();
    let xdg = dir.join("xdg");
    let xdg = xdg.to_str().unwrap();
    let r = run_in(&dir, &args, &[("XDG_CONFIG_HOME", xdg)], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(score_of(&r.stdout, who), pref_only);

    // The project's beats the user's.
    std::fs::write(dir.join("jobmatch.toml"), "[weights]\nrequired = 3\n").unwrap();
    let r = run_in(&dir, &args, &[("XDG_CONFIG_HOME", xdg)], None);
    // (required = 3 from the project, preferred = 1 from the user: the defaults again.)
    assert_eq!(score_of(&r.stdout, who), base);

    // The environment beats both, the flag beats the environment.
    std::fs::write(
        dir.join("jobmatch.toml"),
        "[weights]\nrequired = 0\npreferred = 1\n",
    )
    .unwrap();
    let env = [("JOBMATCH_WEIGHTS", "required=3,preferred=1")];
    assert_eq!(score_of(&run_in(&dir, &args, &env, None).stdout, who), base);
    let mut flagged = args.to_vec();
    flagged.extend(["--weights", "required=0"]);
    assert_eq!(
        score_of(&run_in(&dir, &flagged, &env, None).stdout, who),
        pref_only
    );

    // --no-config reads neither file.
    let mut no = args.to_vec();
    no.push("--no-config");
    assert_eq!(score_of(&run_in(&dir, &no, &[], None).stdout, who), base);

    // A mistake in a file is an error that names it.
    std::fs::write(
        dir.join("jobmatch.toml"),
        "[weights]\nrequired = \"lots\"\n",
    )
    .unwrap();
    let r = run_in(&dir, &args, &[], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("jobmatch: jobmatch.toml:2:"),
        "{}",
        r.stderr
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn configuration_sets_formats_and_overlays() {
    let dir = temp_dir("config-formats");
    std::fs::write(
        dir.join("extra.toml"),
        "[[skill]]\nid = \"cobol\"\nname = \"COBOL\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("jobmatch.toml"),
        "[taxonomy]\noverlays = [\"extra.toml\"]\n[parse]\nformat = \"jsonld\"\n",
    )
    .unwrap();
    let r = run_in(
        &dir,
        &["parse", "-"],
        &[],
        Some(b"## Requirements\n\n- 2+ years of COBOL\n"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["@type"], "JobPosting");
    assert_eq!(v["skills"][0], "COBOL");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_weights_are_usage_errors() {
    let r = run(
        &[
            "match",
            POSTING,
            "fixtures/candidates",
            "--weights",
            "bonus=2",
        ],
        &[],
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown weight"), "{}", r.stderr);
}
