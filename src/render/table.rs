//! The ranking table for people at a terminal. It buffers every row to sort by score.

use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, Color};

use super::MatchSink;
use super::style::TableStyle;
use super::views::MatchRow;

pub struct TableSink<W: Write> {
    out: W,
    rows: Vec<MatchRow>,
    style: TableStyle,
}

impl<W: Write> TableSink<W> {
    pub fn new(out: W, width: Option<u16>) -> Self {
        Self::styled(
            out,
            TableStyle {
                width,
                color: false,
            },
        )
    }

    /// Scores green (80 and up), yellow (50 and up) or red, and "qualified" green or red, when
    /// `style.color`.
    pub fn styled(out: W, style: TableStyle) -> Self {
        TableSink {
            out,
            rows: Vec::new(),
            style,
        }
    }
}

/// Text from input made safe for a terminal: control characters (ESC, BEL, CR, backspace, the
/// C1 range) become spaces, so no escape sequence, bell or overwrite reaches the screen; the
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are dropped, so a
/// value cannot reorder what is shown after it.
pub fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| !is_bidi_control(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Highest score first; ties by candidate, then posting, so output is deterministic.
pub fn rank(rows: &mut [MatchRow]) {
    rows.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| b.qualified.cmp(&a.qualified))
            .then_with(|| a.candidate.cmp(&b.candidate))
            .then_with(|| a.posting_file.cmp(&b.posting_file))
    });
}

impl<W: Write> MatchSink for TableSink<W> {
    fn row(&mut self, row: MatchRow) -> io::Result<()> {
        self.rows.push(row);
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        rank(&mut self.rows);
        let several_postings = self
            .rows
            .iter()
            .any(|r| r.posting_file != self.rows[0].posting_file);
        let mut header = vec!["#", "Candidate"];
        if several_postings {
            header.push("Posting");
        }
        header.extend([
            "Score",
            "Qualified",
            "Required",
            "Preferred",
            "Missing (required)",
        ]);
        let style = self.style;
        let mut table = style.table(&header);
        for (i, r) in self.rows.iter().enumerate() {
            let who = match &r.name {
                Some(name) => format!("{} ({})", printable(name), printable(&r.candidate)),
                None => printable(&r.candidate),
            };
            let mut cells = vec![Cell::new(i + 1), Cell::new(who)];
            if several_postings {
                cells.push(Cell::new(printable(&r.posting)));
            }
            cells.extend([
                style.paint(
                    Cell::new(format!("{:.1}", r.score)).set_alignment(CellAlignment::Right),
                    if r.score >= 80.0 {
                        Color::Green
                    } else if r.score >= 50.0 {
                        Color::Yellow
                    } else {
                        Color::Red
                    },
                ),
                if r.no_data {
                    style.paint(Cell::new("no data"), Color::DarkGrey)
                } else if r.qualified {
                    style.paint(Cell::new("yes"), Color::Green)
                } else {
                    style.paint(Cell::new("no"), Color::Red)
                },
                Cell::new(format!("{}/{}", r.required_met, r.required_total)),
                Cell::new(format!("{}/{}", r.preferred_met, r.preferred_total)),
                Cell::new(printable(&r.missing.join(", "))),
            ]);
            table.add_row(cells);
        }
        if !several_postings && let Some(first) = self.rows.first() {
            writeln!(
                self.out,
                "{} — {}",
                printable(&first.posting),
                printable(&first.posting_file)
            )?;
        }
        writeln!(self.out, "{table}")?;
        for r in &self.rows {
            if let Some(explain) = &r.explain {
                writeln!(self.out, "\n{} — {:.1}", printable(&r.candidate), r.score)?;
                for e in explain {
                    writeln!(
                        self.out,
                        "  {:<9} {:<9} line {:>3}: {}",
                        format!("{:?}", e.status).to_lowercase(),
                        format!("{:?}", e.importance).to_lowercase(),
                        e.line,
                        printable(&e.text)
                    )?;
                    for ev in &e.evidence {
                        writeln!(self.out, "              {}", printable(ev))?;
                    }
                }
            }
        }
        self.out.flush()
    }
}
