//! Runs the real binary and captures what a user would see.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts the exit code and that nothing panicked; returns self for more checks.
    pub fn expect(self, code: i32) -> Run {
        assert!(
            !self.stderr.contains("panicked"),
            "panic on stderr:\n{}",
            self.stderr
        );
        assert_eq!(
            self.code, code,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// The binary, run from the repository root, with no configuration or environment from the
/// machine running the tests.
pub fn bin() -> Command {
    hermetic(Path::new(env!("CARGO_MANIFEST_DIR")))
}

fn hermetic(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jobmatch"));
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("JOBMATCH_WEIGHTS")
        .env_remove("JOBMATCH_NO_CONFIG")
        .env("XDG_CONFIG_HOME", dir.join("no-such-config-dir"));
    cmd
}

/// Runs the binary in `dir` with extra environment and optional standard input.
pub fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Run {
    let mut cmd = hermetic(dir);
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("the binary runs");
    if let Some(input) = stdin {
        // The binary may stop reading early (an error, a size limit): a closed pipe is fine.
        let _ = child.stdin.take().expect("stdin").write_all(input);
    }
    let out = child.wait_with_output().expect("the binary finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

pub fn jobmatch(args: &[&str]) -> Run {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, &[], None)
}

pub fn jobmatch_stdin(args: &[&str], stdin: &str) -> Run {
    run_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        args,
        &[],
        Some(stdin.as_bytes()),
    )
}

/// A scratch directory under the target dir, emptied first.
pub fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}
