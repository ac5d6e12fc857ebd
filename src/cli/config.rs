//! `jobmatch.toml`: optional defaults for weights, taxonomy overlays, colour, width and output
//! formats.
//!
//! Two files are read, the user's (`$XDG_CONFIG_HOME/jobmatch/jobmatch.toml`, else
//! `~/.config/jobmatch/jobmatch.toml`) and then the project's (`./jobmatch.toml`); a key in the
//! project file wins, and overlays of both apply (user's first). `--no-config` or
//! `JOBMATCH_NO_CONFIG=1` reads neither. Flags and environment variables win over both: this
//! module only supplies the defaults the settings step falls back on. Relative overlay paths
//! are relative to the file that names them.
//!
//! ```toml
//! [weights]
//! required = 3
//! preferred = 1
//!
//! [taxonomy]
//! overlays = ["skills-extra.toml"]
//!
//! [output]
//! color = "auto"      # auto | always | never
//! width = 120
//!
//! [parse]
//! format = "json"     # json | jsonl | jsonld | toml | table
//!
//! [match]
//! format = "csv"      # table | json | jsonl | csv | tsv
//! ```

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::ValueEnum;
use serde::Deserialize;

use super::args::{ColorChoice, MatchFormat, ParseFormat, WeightsArg};

pub const FILE_NAME: &str = "jobmatch.toml";

/// Defaults from the configuration files, merged.
#[derive(Debug, Default, Clone)]
pub struct Config {
    pub weights: WeightsArg,
    pub overlays: Vec<PathBuf>,
    pub color: Option<ColorChoice>,
    pub width: Option<u16>,
    pub parse_format: Option<ParseFormat>,
    pub match_format: Option<MatchFormat>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileData {
    #[serde(default)]
    weights: WeightsData,
    #[serde(default)]
    taxonomy: TaxonomyData,
    #[serde(default)]
    output: OutputData,
    #[serde(default)]
    parse: FormatData,
    #[serde(default, rename = "match")]
    match_: FormatData,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeightsData {
    required: Option<f32>,
    preferred: Option<f32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxonomyData {
    #[serde(default)]
    overlays: Vec<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OutputData {
    color: Option<String>,
    width: Option<u16>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FormatData {
    format: Option<String>,
}

/// The files to read, lowest precedence first; those that do not exist are skipped.
pub fn search_path() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        });
    if let Some(dir) = xdg {
        paths.push(dir.join("jobmatch").join(FILE_NAME));
    }
    paths.push(PathBuf::from(FILE_NAME));
    paths
}

/// Reads and merges the configuration files (none with `no_config`).
pub fn load(no_config: bool) -> anyhow::Result<Config> {
    let mut config = Config::default();
    if no_config {
        return Ok(config);
    }
    for path in search_path() {
        if !path.is_file() {
            continue;
        }
        let text = super::input::read_text(&path)?;
        merge(&mut config, &text, &path)?;
    }
    Ok(config)
}

/// Lays the file at `path` (text `text`) over `config`.
pub fn merge(config: &mut Config, text: &str, path: &Path) -> anyhow::Result<()> {
    let name = path.display();
    let data: FileData = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| format!(":{}", crate::error::line_of(text, s.start)))
            .unwrap_or_default();
        anyhow::anyhow!("{name}{line}: {}", e.message().trim())
    })?;
    for (slot, value, key) in [
        (
            &mut config.weights.required,
            data.weights.required,
            "required",
        ),
        (
            &mut config.weights.preferred,
            data.weights.preferred,
            "preferred",
        ),
    ] {
        if let Some(v) = value {
            if !(v.is_finite() && v >= 0.0) {
                anyhow::bail!("{name}: weights.{key} must be a number of 0 or more, got {v}");
            }
            *slot = Some(v);
        }
    }
    let base = path.parent().unwrap_or(Path::new(""));
    config
        .overlays
        .extend(data.taxonomy.overlays.iter().map(|p| base.join(p)));
    if let Some(c) = data.output.color {
        config.color = Some(choice(&c, "output.color", &name)?);
    }
    if data.output.width.is_some() {
        config.width = data.output.width;
    }
    if let Some(f) = data.parse.format {
        config.parse_format = Some(choice(&f, "parse.format", &name)?);
    }
    if let Some(f) = data.match_.format {
        config.match_format = Some(choice(&f, "match.format", &name)?);
    }
    Ok(())
}

fn choice<T: ValueEnum>(
    value: &str,
    key: &str,
    name: &impl std::fmt::Display,
) -> anyhow::Result<T> {
    T::from_str(value, true)
        .map_err(|_| {
            let names: Vec<String> = T::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
                .collect();
            anyhow::anyhow!("expected one of {}", names.join(", "))
        })
        .with_context(|| format!("{name}: {key} = {value:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_keys_win_and_overlays_add_up() {
        let mut c = Config::default();
        let user = "[weights]\nrequired = 5\npreferred = 2\n[taxonomy]\noverlays = [\"a.toml\"]\n\
                    [output]\ncolor = \"never\"\n";
        merge(
            &mut c,
            user,
            Path::new("/home/u/.config/jobmatch/jobmatch.toml"),
        )
        .unwrap();
        let project = "[weights]\nrequired = 4\n[taxonomy]\noverlays = [\"b.toml\"]\n\
                       [match]\nformat = \"csv\"\n";
        merge(&mut c, project, Path::new("jobmatch.toml")).unwrap();
        assert_eq!(c.weights.required, Some(4.0));
        assert_eq!(c.weights.preferred, Some(2.0));
        assert_eq!(
            c.overlays,
            vec![
                PathBuf::from("/home/u/.config/jobmatch/a.toml"),
                PathBuf::from("b.toml")
            ]
        );
        assert_eq!(c.color, Some(ColorChoice::Never));
        assert_eq!(c.match_format, Some(MatchFormat::Csv));
    }

    #[test]
    fn mistakes_name_the_file_and_key() {
        let mut c = Config::default();
        let e = merge(
            &mut c,
            "[match]\nformat = \"xml\"\n",
            Path::new("jobmatch.toml"),
        )
        .unwrap_err();
        assert!(format!("{e:#}").starts_with("jobmatch.toml: match.format = \"xml\""));
        let e = merge(&mut c, "[weights]\nbonus = 1\n", Path::new("j.toml")).unwrap_err();
        assert!(
            format!("{e:#}").starts_with("j.toml:2: unknown field `bonus`"),
            "{e:#}"
        );
    }
}
