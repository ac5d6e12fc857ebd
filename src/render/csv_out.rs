//! CSV and TSV rows. Cells that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, tab or carriage return) get a leading apostrophe.

use std::io::{self, Write};

use super::MatchSink;
use super::views::MatchRow;

pub struct CsvSink<W: Write> {
    writer: csv::Writer<W>,
    header_written: bool,
}

impl<W: Write> CsvSink<W> {
    pub fn new(out: W, delimiter: u8) -> Self {
        CsvSink {
            writer: csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(out),
            header_written: false,
        }
    }
}

/// Neutralises spreadsheet formula injection.
pub fn safe_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

impl<W: Write> MatchSink for CsvSink<W> {
    fn row(&mut self, row: MatchRow) -> io::Result<()> {
        if !self.header_written {
            self.writer
                .write_record([
                    "candidate",
                    "name",
                    "posting",
                    "posting_file",
                    "score",
                    "qualified",
                    "required_met",
                    "required_total",
                    "preferred_met",
                    "preferred_total",
                    "unchecked",
                    "missing",
                    "no_data",
                ])
                .map_err(to_io)?;
            self.header_written = true;
        }
        self.writer
            .write_record([
                safe_cell(&row.candidate),
                safe_cell(row.name.as_deref().unwrap_or("")),
                safe_cell(&row.posting),
                safe_cell(&row.posting_file),
                format!("{:.1}", row.score),
                row.qualified.to_string(),
                row.required_met.to_string(),
                row.required_total.to_string(),
                row.preferred_met.to_string(),
                row.preferred_total.to_string(),
                row.unchecked.to_string(),
                safe_cell(&row.missing.join("; ")),
                row.no_data.to_string(),
            ])
            .map_err(to_io)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}
