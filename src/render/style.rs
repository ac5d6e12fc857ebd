//! How tables look: their width and whether they are coloured. The CLI decides both (terminal,
//! `--width`, `--color`, `NO_COLOR`); renderers only follow. Machine formats never use this.

use comfy_table::{
    Attribute, Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED,
};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TableStyle {
    /// Columns to fit in; `None` leaves rows unwrapped.
    pub width: Option<u16>,
    /// Emit ANSI colours and bold headers.
    pub color: bool,
}

impl TableStyle {
    /// A table with jobmatch's border style, fitted to the width, with `header`.
    pub fn table(&self, header: &[&str]) -> Table {
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        // Never let comfy-table look at the terminal: the width is ours to set, and colour is
        // on only when asked.
        table.force_no_tty();
        if self.color {
            table.enforce_styling();
        }
        if let Some(w) = self.width {
            table.set_width(w);
        }
        table.set_header(header.iter().map(|h| {
            let cell = Cell::new(h);
            if self.color {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        }));
        table
    }

    /// `cell` in `color` when colouring.
    pub fn paint(&self, cell: Cell, color: Color) -> Cell {
        if self.color { cell.fg(color) } else { cell }
    }
}
