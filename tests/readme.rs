//! README examples are run. Fenced blocks whose info string has the word `test` are run with
//! the built binary first on PATH, from a scratch directory that links the repository's
//! `postings/`, `fixtures/` and `docs/`:
//!
//! - ```` ```sh test ````: the block is one `sh -e` script; it must exit 0.
//! - ```` ```console test ````: each `$ command` line is run with `sh -c`; it must exit 0 and
//!   print exactly the lines shown under it.
//!
//! Blocks without `test` (the set-up commands, which build and test this very crate) are not
//! run.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Block {
    info: String,
    line: usize,
    body: String,
}

fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    for (i, line) in markdown.lines().enumerate() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(info)) => {
                current = Some(Block {
                    info: info.trim().to_string(),
                    line: i + 1,
                    body: String::new(),
                })
            }
            (Some(_), Some("")) => out.extend(current.take()),
            (Some(b), _) => {
                b.body.push_str(line);
                b.body.push('\n');
            }
            (None, None) => {}
        }
    }
    out
}

fn scratch() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("jobmatch-readme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["postings", "fixtures", "docs"] {
        std::os::unix::fs::symlink(root.join(name), dir.join(name)).unwrap();
    }
    dir
}

fn sh(dir: &Path, args: &[&str], script: &str) -> (String, String, bool) {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_jobmatch")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .args(args)
        .arg(script)
        .current_dir(dir)
        .env("PATH", path)
        .env("JOBMATCH_NO_CONFIG", "1")
        .env_remove("NO_COLOR")
        .env_remove("JOBMATCH_WEIGHTS")
        .output()
        .expect("sh runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

#[test]
fn readme_examples_run() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let dir = scratch();
    let mut ran = 0;
    for block in blocks(&readme) {
        let words: Vec<&str> = block.info.split_whitespace().collect();
        if !words.contains(&"test") {
            continue;
        }
        match words.first() {
            Some(&"sh") => {
                let (out, err, ok) = sh(&dir, &["-ec"], &block.body);
                assert!(
                    ok,
                    "README.md:{}: block failed\n{}\nstdout:\n{out}\nstderr:\n{err}",
                    block.line, block.body
                );
                ran += 1;
            }
            Some(&"console") => {
                let mut commands: Vec<(String, String)> = Vec::new();
                for line in block.body.lines() {
                    match line.strip_prefix("$ ") {
                        Some(cmd) => commands.push((cmd.to_string(), String::new())),
                        None => {
                            let (_, expected) = commands.last_mut().expect("output follows a $");
                            expected.push_str(line);
                            expected.push('\n');
                        }
                    }
                }
                for (cmd, expected) in commands {
                    let (out, err, ok) = sh(&dir, &["-c"], &cmd);
                    assert!(ok, "README.md:{}: `{cmd}` failed\n{err}", block.line);
                    let trim =
                        |s: &str| s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
                    assert_eq!(
                        trim(&out),
                        trim(&expected),
                        "README.md:{}: output of `{cmd}`",
                        block.line
                    );
                    ran += 1;
                }
            }
            other => panic!("README.md:{}: cannot test a {other:?} block", block.line),
        }
    }
    assert!(ran >= 8, "only {ran} README examples ran");
    let _ = std::fs::remove_dir_all(&dir);
}
