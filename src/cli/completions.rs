//! `jobmatch completions SHELL` and `jobmatch man`: both generated from the one clap
//! definition in [`super::args`], never written by hand.

use std::io::Write;

use clap::CommandFactory;

use super::args::{Cli, CompletionsArgs};
use super::exit::Outcome;

pub fn completions<W: Write>(args: &CompletionsArgs, mut out: W) -> anyhow::Result<Outcome> {
    // Into a buffer first: clap_complete panics on a write error such as a closed pipe.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "jobmatch", &mut script);
    out.write_all(&script)?;
    out.flush()?;
    Ok(Outcome::Ok)
}

pub fn man<W: Write>(mut out: W) -> anyhow::Result<Outcome> {
    write_man(&mut out)?;
    out.flush()?;
    Ok(Outcome::Ok)
}

/// The manual page: the command, then a section per subcommand with its synopsis, options
/// and examples. The free-form help texts are set as preformatted (`.nf`) blocks.
pub fn write_man(out: &mut impl Write) -> std::io::Result<()> {
    let cmd = Cli::command();
    let mut page = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render(&mut page)?;
    let mut page = preformat_extra(&String::from_utf8_lossy(&page), ".SH", "NOTES");
    for sub in cmd.get_subcommands() {
        let name = sub.get_name();
        page.push_str(&format!(".SH \"JOBMATCH {}\"\n", name.to_uppercase()));
        let sub_man = clap_mangen::Man::new(sub.clone().bin_name(format!("jobmatch {name}")));
        let mut part = Vec::new();
        sub_man.render_synopsis_section(&mut part)?;
        sub_man.render_description_section(&mut part)?;
        sub_man.render_options_section(&mut part)?;
        if sub.get_after_long_help().is_some() || sub.get_after_help().is_some() {
            sub_man.render_extra_section(&mut part)?;
        }
        // Subcommands are subsections of the one page.
        let part = String::from_utf8_lossy(&part).replace(".SH ", ".SS ");
        page.push_str(&preformat_extra(&part, ".SS", "EXAMPLES"));
    }
    out.write_all(page.as_bytes())
}

/// Renames clap_mangen's `EXTRA` heading and keeps the help text's own line breaks.
fn preformat_extra(roff: &str, macro_: &str, title: &str) -> String {
    let mut out = String::with_capacity(roff.len() + 64);
    let mut in_extra = false;
    for line in roff.lines() {
        if line == format!("{macro_} EXTRA") {
            out.push_str(&format!("{macro_} {title}\n.nf\n"));
            in_extra = true;
            continue;
        }
        if in_extra && line.starts_with('.') && !line.starts_with(".nf") {
            out.push_str(".fi\n");
            in_extra = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    if in_extra {
        out.push_str(".fi\n");
    }
    out
}
