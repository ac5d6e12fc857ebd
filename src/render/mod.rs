//! Output: serialisable views of parse and match results, and one writer per format.
//!
//! The views ([`PostingView`], [`MatchRow`]) are the documented, versioned JSON schema
//! (`docs/output.md`); every machine format is a serialisation of them, so field names are
//! the same everywhere. Match results go through the [`MatchSink`] trait: streaming formats
//! write each row as it comes; the table buffers and sorts, and says so in `--help`.

mod csv_out;
pub mod jsonld;
mod posting_out;
mod style;
mod table;
mod views;

pub use csv_out::CsvSink;
pub use posting_out::{PostingFormat, write_postings};
pub use style::TableStyle;
pub use table::{TableSink, printable, rank};
pub use views::{ExplainRow, MatchRow, PostingView, SCHEMA_VERSION, SkillRef, display_score};

use std::io::{self, Write};

/// Where match rows go.
pub trait MatchSink {
    fn row(&mut self, row: MatchRow) -> io::Result<()>;
    /// Rows already serialised in this sink's format (JSON Lines only).
    fn rendered(&mut self, _bytes: &[u8]) -> io::Result<()> {
        Err(io::Error::other("this format takes no pre-rendered rows"))
    }
    /// Writes anything buffered; called once after the last row.
    fn finish(&mut self) -> io::Result<()>;
}

/// One JSON object per line, as rows arrive.
pub struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    pub fn new(out: W) -> Self {
        JsonlSink { out }
    }
}

impl<W: Write> MatchSink for JsonlSink<W> {
    fn row(&mut self, row: MatchRow) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, &row)?;
        self.out.write_all(b"\n")
    }

    fn rendered(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// One JSON array, written incrementally.
pub struct JsonSink<W: Write> {
    out: W,
    rows: usize,
}

impl<W: Write> JsonSink<W> {
    pub fn new(out: W) -> Self {
        JsonSink { out, rows: 0 }
    }
}

impl<W: Write> MatchSink for JsonSink<W> {
    fn row(&mut self, row: MatchRow) -> io::Result<()> {
        self.out
            .write_all(if self.rows == 0 { b"[\n  " } else { b",\n  " })?;
        serde_json::to_writer(&mut self.out, &row)?;
        self.rows += 1;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out
            .write_all(if self.rows == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}
