//! The `jobmatch` binary: everything lives in the library; this only hands over argv and
//! turns the outcome into the process exit code.

/// Scoring a stream allocates and frees small strings per record on every worker thread;
/// mimalloc's thread-local free lists make that markedly cheaper than glibc's malloc
/// (see BENCHMARKS.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    jobmatch::cli::run(std::env::args_os())
}
