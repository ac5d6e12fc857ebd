//! Bad input ends in a one-line error naming the file, and the exit-code contract holds.

mod common;
use common::{jobmatch, jobmatch_stdin, scratch};

#[test]
fn missing_posting_file_is_named() {
    let run = jobmatch(&["parse", "no-such-posting.md"]).expect(2);
    assert_eq!(
        run.stderr.trim(),
        "jobmatch: no-such-posting.md: no such file or directory"
    );
}

#[test]
fn binary_posting_is_rejected_with_its_name() {
    let dir = scratch("binary_posting");
    let path = dir.join("photo.md");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe").unwrap();
    let run = jobmatch(&["parse", path.to_str().unwrap(), "--format", "json"]).expect(2);
    assert!(run.stderr.starts_with("jobmatch: "), "{}", run.stderr);
    assert!(
        run.stderr.contains("photo.md:1: not UTF-8 text"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1);
}

#[test]
fn one_bad_posting_does_not_stop_the_others() {
    let dir = scratch("one_bad_posting");
    std::fs::write(dir.join("a.md"), "## Requirements\n- Python\n").unwrap();
    std::fs::write(dir.join("b.md"), b"\xff\xfe\x00bad").unwrap();
    let run = jobmatch(&["parse", dir.to_str().unwrap(), "--format", "jsonl"]).expect(2);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stderr.contains("b.md"), "{}", run.stderr);
}

#[test]
fn bad_profile_is_reported_and_the_rest_are_scored() {
    let dir = scratch("bad_profile");
    std::fs::write(
        dir.join("good.toml"),
        "name = \"Good\"\nskills = [\"Python\"]\n",
    )
    .unwrap();
    std::fs::write(dir.join("bad.toml"), "name = \"Bad\"\nskills = [\n").unwrap();
    std::fs::write(
        dir.join("level.toml"),
        "[[skills]]\nname = \"Java\"\nlevel = \"guru\"\n",
    )
    .unwrap();
    let run = jobmatch(&[
        "match",
        "postings/ibm-back-end-developer-intern.md",
        dir.to_str().unwrap(),
        "--format",
        "jsonl",
    ])
    .expect(2);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(run.stdout.contains("\"candidate\":\"good\""));
    let errors: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(errors.len(), 3, "{}", run.stderr);
    assert!(errors[0].starts_with("jobmatch: ") && errors[0].contains("bad.toml:2: "));
    assert!(errors[1].contains("level.toml") && errors[1].contains("unknown level \"guru\""));
    assert_eq!(errors[2], "jobmatch: 2 of 3 records skipped");
}

#[test]
fn bad_flags_exit_2_and_help_exits_0() {
    let run = jobmatch(&["parse", "--format", "yaml", "x.md"]).expect(2);
    assert!(run.stderr.contains("yaml"));
    let run = jobmatch(&["match", "--help"]).expect(0);
    assert!(run.stdout.contains("Examples:"));
    assert!(run.stdout.contains("Scoring:"));
    let run = jobmatch(&["--help"]).expect(0);
    assert!(run.stdout.contains("Exit status:"));
}

#[test]
fn taxonomy_overlay_errors_name_file_and_line() {
    let dir = scratch("overlay_errors");
    let path = dir.join("mine.toml");
    std::fs::write(
        &path,
        "[[skill]]\nid = \"a\"\nname = \"A\"\nimplies = [\"b\"]\n\n[[skill]]\nid = \"b\"\nname = \"B\"\nimplies = [\"a\"]\n",
    )
    .unwrap();
    let run = jobmatch_stdin(
        &[
            "--taxonomy",
            path.to_str().unwrap(),
            "parse",
            "-",
            "--format",
            "json",
        ],
        "## Requirements\n- A\n",
    )
    .expect(2);
    assert!(run.stderr.contains("mine.toml:"), "{}", run.stderr);
    assert!(run.stderr.contains("implication cycle"), "{}", run.stderr);
}

#[test]
fn closed_stdout_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    // Enough output (the postings 200 times over) to overflow any pipe buffer.
    let mut args = vec!["parse", "--format", "jsonl"];
    args.extend(std::iter::repeat_n("postings", 200));
    let mut child = common::bin()
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // stdout is dropped here: the rest of the output hits a closed pipe.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!first.is_empty());
    assert!(stderr.is_empty(), "stderr: {stderr}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn max_file_size_flag_sets_the_limit() {
    let dir = scratch("max_file_size");
    let path = dir.join("long.md");
    std::fs::write(
        &path,
        format!("## Requirements\n- Python\n{}", "x ".repeat(2048)),
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let run = jobmatch(&["parse", p, "--format", "json", "--max-file-size", "1K"]).expect(2);
    assert!(run.stderr.contains("long.md: too large"), "{}", run.stderr);
    assert!(run.stderr.contains("--max-file-size"), "{}", run.stderr);
    jobmatch(&["parse", p, "--format", "json", "--max-file-size", "8K"]).expect(0);
    let run = jobmatch(&["parse", p, "--max-file-size", "lots"]).expect(2);
    assert!(run.stderr.contains("not a size"), "{}", run.stderr);
}
