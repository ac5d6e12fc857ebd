//! Finding and reading inputs: paths, directories (walked in sorted order, README files
//! skipped), and `-` for standard input. Reading checks UTF-8 and names the file in errors.

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

    pub fn read(&self) -> anyhow::Result<String> {
        match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .lock()
                    .read_to_end(&mut bytes)
                    .context("<stdin>: cannot read")?;
                Ok(decode(bytes, "<stdin>")?)
            }
            Input::File(p) => read_text(p),
        }
    }
}

pub fn read_text(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path)
        .map_err(|e| InputError::new(path.display().to_string(), None, io_reason(&e)))?;
    Ok(decode(bytes, &path.display().to_string())?)
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
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
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
            walk(&path, extensions, inputs, errors);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
        {
            inputs.push(Input::File(path));
        }
    }
}
