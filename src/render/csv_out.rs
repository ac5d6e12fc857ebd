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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_get_an_apostrophe() {
        for cell in [
            "=1+1",
            "=HYPERLINK(\"http://evil\",\"x\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A9)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(safe_cell(cell), format!("'{cell}"), "{cell:?}");
        }
    }

    #[test]
    fn ordinary_cells_are_unchanged() {
        for cell in [
            "",
            "Ada Lovelace",
            "C++",
            "1+1",
            "a=b",
            " =1",
            "'quoted",
            "Ünïcödé",
        ] {
            assert_eq!(safe_cell(cell), cell, "{cell:?}");
        }
    }

    #[test]
    fn rows_are_neutralised_in_every_text_column() {
        let row = MatchRow {
            candidate: "=cand".into(),
            name: Some("+name".into()),
            posting: "-posting".into(),
            posting_file: "@file".into(),
            score: 50.0,
            qualified: false,
            required_met: 0,
            required_total: 1,
            preferred_met: 0,
            preferred_total: 0,
            unchecked: 0,
            missing: vec!["=SKILL".into(), "Python".into()],
            no_data: false,
            explain: None,
        };
        let mut out = Vec::new();
        let mut sink = CsvSink::new(&mut out, b',');
        sink.row(row).unwrap();
        sink.finish().unwrap();
        drop(sink);
        let text = String::from_utf8(out).unwrap();
        let data = text.lines().nth(1).unwrap();
        assert_eq!(
            data,
            "'=cand,'+name,'-posting,'@file,50.0,false,0,1,0,0,0,'=SKILL; Python,false"
        );
    }
}
