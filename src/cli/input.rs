//! Finding and reading inputs: paths, directories (walked in sorted order, README files and
//! symbolic links to directories skipped), and `-` for standard input. Reading checks UTF-8,
//! stops at a size limit, and names the file in errors.
//!
//! Size limits: a posting or profile is read whole, so one is bounded by [`MAX_FILE_SIZE`]
//! (16 MiB). Real postings are a few kilobytes, and a saved job-board page with its scripts and
//! styles is one or two megabytes: 16 MiB leaves room for an eight-fold worse page while
//! bounding memory (the parser holds a few copies of the text) and time (well under a second
//! in a release build). A taxonomy overlay is a file the user wrote or generated on purpose and
//! may hold a whole industry's skills, so it gets [`MAX_TAXONOMY_SIZE`] (64 MiB: a million
//! minimal entries). Both limits also stop an endless input such as `/dev/zero` from using up
//! memory. `--max-file-size` sets the first for one run (see [`set_file_limit`]).

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::error::InputError;

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// The file stem, used as a default id.
    pub fn stem(&self) -> String {
        match self {
            Input::Stdin => "stdin".to_string(),
            Input::File(p) => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    /// The whole input as text, at most [`file_limit`] bytes.
    pub fn read(&self) -> anyhow::Result<String> {
        let limit = file_limit();
        match self {
            Input::Stdin => {
                let bytes =
                    read_limited(std::io::stdin().lock(), limit).context("<stdin>: cannot read")?;
                let bytes =
                    bytes.map_err(|size| too_large("<stdin>", size, limit, FILE_LIMIT_HINT))?;
                Ok(decode(bytes, "<stdin>")?)
            }
            Input::File(p) => read_text(p),
        }
    }
}

/// The default for the most bytes of one posting or profile file read whole.
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

static FILE_LIMIT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(MAX_FILE_SIZE);

/// Sets the run's limit for one posting or profile file (`--max-file-size`), once, when the
/// settings are resolved.
pub fn set_file_limit(bytes: u64) {
    FILE_LIMIT.store(bytes, std::sync::atomic::Ordering::Relaxed);
}

/// The run's limit for one posting or profile file.
pub fn file_limit() -> u64 {
    FILE_LIMIT.load(std::sync::atomic::Ordering::Relaxed)
}

/// Parses a size flag: bytes, or a number with K, M or G (binary multiples), e.g. `64M`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{text:?} is not a size (e.g. 16M, 500K, 1048576)"))?;
    let unit = match unit
        .trim()
        .to_ascii_uppercase()
        .trim_end_matches("IB")
        .trim_end_matches('B')
    {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("{text:?}: unknown unit (use K, M or G)")),
    };
    n.checked_mul(unit)
        .filter(|&b| b > 0)
        .ok_or_else(|| format!("{text:?} is out of range"))
}
/// The most bytes of one taxonomy overlay.
pub const MAX_TAXONOMY_SIZE: u64 = 64 * 1024 * 1024;

/// What a size error adds for the posting and profile limit: how to change it.
const FILE_LIMIT_HINT: &str = " (--max-file-size)";

/// A posting, profile or configuration file as text, within the run's [`file_limit`].
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    read_within(path, file_limit(), FILE_LIMIT_HINT)
}

/// A taxonomy overlay as text, within [`MAX_TAXONOMY_SIZE`].
pub fn read_taxonomy_text(path: &Path) -> anyhow::Result<String> {
    read_within(path, MAX_TAXONOMY_SIZE, "")
}

/// A file as text, refusing one larger than `limit` bytes before reading it when its size is
/// known, and after `limit` bytes when it is not (a pipe, a device).
fn read_within(path: &Path, limit: u64, hint: &str) -> anyhow::Result<String> {
    let origin = path.display().to_string();
    let io_error = |e: std::io::Error| InputError::new(origin.clone(), None, io_reason(&e));
    let file = std::fs::File::open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    if meta.is_dir() {
        return Err(InputError::new(origin, None, "is a directory").into());
    }
    if meta.len() > limit {
        return Err(too_large(&origin, meta.len(), limit, hint).into());
    }
    let bytes = read_limited(file, limit)
        .map_err(io_error)?
        .map_err(|size| too_large(&origin, size, limit, hint))?;
    Ok(decode(bytes, &origin)?)
}

/// At most `limit` bytes of `reader`; `Err(n)` with the `n > limit` bytes seen when there is
/// more.
fn read_limited(reader: impl Read, limit: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(if bytes.len() as u64 > limit {
        Err(bytes.len() as u64)
    } else {
        Ok(bytes)
    })
}

fn too_large(origin: &str, size: u64, limit: u64, hint: &str) -> InputError {
    let mib = limit as f64 / (1024.0 * 1024.0);
    let message = if size > limit + 1 {
        format!("too large: {size} bytes, over the {mib} MiB limit for one input file{hint}")
    } else {
        format!("too large: over the {mib} MiB limit for one input file{hint}")
    };
    InputError::new(origin, None, message)
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => e.to_string().to_lowercase(),
    }
}

fn decode(bytes: Vec<u8>, origin: &str) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line =
            crate::error::line_of(std::str::from_utf8(&e.as_bytes()[..at]).unwrap_or(""), at);
        InputError::new(
            origin,
            Some(line),
            format!("not UTF-8 text (invalid byte at offset {at}); is this a binary file?"),
        )
    })
}

/// Expands paths into inputs: files as given, directories walked for files whose extension is
/// in `extensions`, `-` as standard input. Paths that do not exist are errors.
pub fn expand(paths: &[PathBuf], extensions: &[&str]) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, extensions, &mut inputs, &mut errors);
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            errors.push(InputError::new(
                path.display().to_string(),
                None,
                "no such file or directory",
            ));
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, extensions: &[&str], inputs: &mut Vec<Input>, errors: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(InputError::new(
                dir.display().to_string(),
                None,
                io_reason(&e),
            ));
            return;
        }
    };
    // An entry that cannot be read is reported, not dropped: no input is lost silently.
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => errors.push(InputError::new(
                dir.display().to_string(),
                None,
                io_reason(&e),
            )),
        }
    }
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.starts_with('.') || name.starts_with("readme") {
            continue;
        }
        if path.is_dir() {
            // A link to a directory may lead back up the tree: never followed in a walk.
            let link = path
                .symlink_metadata()
                .is_ok_and(|m| m.file_type().is_symlink());
            if !link {
                walk(&path, extensions, inputs, errors);
            }
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
        {
            inputs.push(Input::File(path));
        }
    }
}
