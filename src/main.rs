//! The `jobmatch` binary: everything lives in the library; this only hands over argv and
//! turns the outcome into the process exit code.

fn main() -> std::process::ExitCode {
    jobmatch::cli::run(std::env::args_os())
}
