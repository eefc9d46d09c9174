//! What a workbook's sheets span, measured before any parser lays a sheet out.
//! A parser holds a sheet as a rectangle (calamine's `.ods` reader builds every
//! row up to its last filled column, then the whole range with every repeat
//! written out), so an 824-byte `.ods` whose one row is repeated a million times
//! costs gigabytes. The span is counted as the file streams past: each sheet from
//! A1 to its last filled row and column, repeats included, empty repeats (the
//! formatting LibreOffice writes down to row 1,048,576) not.

use quick_xml::events::{BytesStart, Event};
use std::io::BufRead;

/// A sheet that spans more than a workbook may, with what it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TooWide {
    pub sheet: String,
    /// Up to the last filled row and column (counts, not indices).
    pub rows: u64,
    pub cols: u64,
    /// What the sheets before it spanned.
    pub before: u64,
    pub limit: u64,
}

impl TooWide {
    /// For the office user: the sheet, its span and what to do.
    pub fn message(&self) -> String {
        let group = |n: u64| crate::words::group_thousands(n.into(), 0);
        let cells = self.rows.saturating_mul(self.cols);
        let others = if self.before > 0 {
            format!(" (ditambah {} sel lembar sebelumnya)", group(self.before))
        } else {
            String::new()
        };
        format!(
            "lembar \"{}\" merentang {} baris × {} kolom = {} sel sampai sel terisi terakhirnya{others}, \
             melebihi batas {} sel per buku kerja ([limits] max_cells); hapus isi yang jauh di luar \
             tabel lalu simpan ulang",
            self.sheet,
            group(self.rows),
            group(self.cols),
            group(cells),
            group(self.limit),
        )
    }
}

/// The running span of one workbook's sheets against `limit`.
#[derive(Debug)]
pub(super) struct Spans {
    limit: u64,
    /// The sheets measured so far.
    total: u64,
}

/// One sheet's extent so far: one past its last filled row and column.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Extent {
    pub rows: u64,
    pub cols: u64,
}

impl Extent {
    /// Takes in a filled cell (zero-based), repeated over `rows` × `cols`.
    pub fn fill(&mut self, row: u64, col: u64, rows: u64, cols: u64) {
        self.rows = self.rows.max(row.saturating_add(rows));
        self.cols = self.cols.max(col.saturating_add(cols));
    }

    pub fn cells(&self) -> u64 {
        self.rows.saturating_mul(self.cols)
    }
}

impl Spans {
    pub fn new(limit: u64) -> Spans {
        Spans { limit, total: 0 }
    }

    /// Whether the sheets so far and `sheet` at `extent` stay within the limit.
    pub fn check(&self, sheet: &str, extent: Extent) -> Result<(), TooWide> {
        if self.total.saturating_add(extent.cells()) <= self.limit {
            return Ok(());
        }
        Err(TooWide {
            sheet: sheet.to_string(),
            rows: extent.rows,
            cols: extent.cols,
            before: self.total,
            limit: self.limit,
        })
    }

    /// Adds a sheet measured to its end.
    pub fn add(&mut self, sheet: &str, extent: Extent) -> Result<(), TooWide> {
        self.check(sheet, extent)?;
        self.total += extent.cells();
        Ok(())
    }
}

/// Measures the sheets of an `.ods` `content.xml` as it streams, as calamine's
/// reader will lay them out: a `table:table` with a name is a sheet, each
/// `table:table-row` covers `table:number-rows-repeated` rows, each cell
/// `table:number-columns-repeated` columns, and a cell is filled when it states a
/// value, a value type or a formula. Stops after the first sheet beyond the
/// limit (measured to its end, so the message tells its whole span); XML it
/// cannot read is left for the parser to report.
pub(super) fn ods(xml: impl BufRead, limit: u64) -> Result<(), TooWide> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.expand_empty_elements = true;
    let mut spans = Spans::new(limit);
    let mut buf = Vec::new();
    // The sheet being measured, its extent, the next row, and within a row the
    // next column and the row's own extent.
    let mut sheet: Option<(String, Extent)> = None;
    let mut row: u64 = 0;
    let mut row_repeats: u64 = 1;
    let mut col: u64 = 0;
    let mut filled_to: u64 = 0;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) => match e.name().as_ref() {
                "table:table" => {
                    sheet = attribute(&e, "table:name").map(|n| (n, Extent::default()));
                    row = 0;
                }
                "table:table-row" if sheet.is_some() => {
                    row_repeats = repeats(&e, "table:number-rows-repeated");
                    col = 0;
                    filled_to = 0;
                }
                "table:table-cell" | "table:covered-table-cell" if sheet.is_some() => {
                    let cols = repeats(&e, "table:number-columns-repeated");
                    if filled(&e) {
                        filled_to = col.saturating_add(cols);
                    }
                    col = col.saturating_add(cols);
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "table:table" => {
                    if let Some((name, extent)) = sheet.take() {
                        spans.add(&name, extent)?;
                    }
                }
                "table:table-row" => {
                    if let Some((_, extent)) = &mut sheet {
                        if filled_to > 0 {
                            extent.fill(row, 0, row_repeats, filled_to);
                        }
                        row = row.saturating_add(row_repeats);
                        row_repeats = 1;
                    }
                }
                _ => {}
            },
            _ => {}
        }
        buf.clear();
    }
    if let Some((name, extent)) = sheet {
        spans.add(&name, extent)?;
    }
    Ok(())
}

/// A repeat count as the parser reads it (absent or unreadable: once; the parser
/// reports what it cannot read).
fn repeats(e: &BytesStart, key: &str) -> u64 {
    attribute(e, key)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

fn attribute(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Whether an `.ods` cell holds something the parser keeps.
fn filled(e: &BytesStart) -> bool {
    e.attributes().flatten().any(|a| {
        matches!(
            a.key.as_ref(),
            "office:value"
                | "office:value-type"
                | "office:string-value"
                | "office:date-value"
                | "office:time-value"
                | "office:boolean-value"
                | "table:formula"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(tables: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><office:document-content><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn measured(tables: &str, limit: u64) -> Result<(), TooWide> {
        ods(content(tables).as_bytes(), limit)
    }

    const CELL: &str = r#"<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>"#;

    #[test]
    fn repeats_count_and_empty_repeats_do_not() {
        // Two filled columns, a third filled cell repeated 3 times, then empty
        // formatting to the last column; rows: one, then one repeated 4 times,
        // then empty rows to the end of the sheet.
        let sheet = format!(
            r#"<table:table table:name="Data">
            <table:table-row>{CELL}{CELL}<table:table-cell table:number-columns-repeated="16382"/></table:table-row>
            <table:table-row table:number-rows-repeated="4">{CELL}<table:table-cell/>{}<table:table-cell table:style-name="ce1" table:number-columns-repeated="1000"/></table:table-row>
            <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            </table:table>"#,
            CELL.replace(
                "<table:table-cell ",
                r#"<table:table-cell table:number-columns-repeated="3" "#
            )
        );
        // 5 rows × 5 columns.
        assert_eq!(measured(&sheet, 25), Ok(()));
        let refused = measured(&sheet, 24).unwrap_err();
        assert_eq!(
            (refused.sheet.as_str(), refused.rows, refused.cols),
            ("Data", 5, 5)
        );
    }

    #[test]
    fn the_three_bombs_are_refused_at_their_sheet() {
        let rows = format!(
            r#"<table:table table:name="Baris"><table:table-row table:number-rows-repeated="1000000">{CELL}</table:table-row></table:table>"#
        );
        let cols = format!(
            r#"<table:table table:name="Kolom"><table:table-row>{}</table:table-row></table:table>"#,
            CELL.replace(
                "<table:table-cell ",
                r#"<table:table-cell table:number-columns-repeated="16384" "#
            )
        );
        let both = format!(
            r#"<table:table table:name="Keduanya"><table:table-row table:number-rows-repeated="1000000">{}</table:table-row></table:table>"#,
            CELL.replace(
                "<table:table-cell ",
                r#"<table:table-cell table:number-columns-repeated="95" "#
            )
        );
        for (tables, sheet, span) in [
            (rows, "Baris", (1_000_000, 1)),
            (cols, "Kolom", (1, 16_384)),
            (both, "Keduanya", (1_000_000, 95)),
        ] {
            let refused = measured(&tables, 10_000).unwrap_err();
            assert_eq!(refused.sheet, sheet);
            assert_eq!((refused.rows, refused.cols), span);
        }
    }

    #[test]
    fn sheets_add_up() {
        let sheet = |name: &str| {
            format!(
                r#"<table:table table:name="{name}"><table:table-row table:number-rows-repeated="10">{CELL}{CELL}</table:table-row></table:table>"#
            )
        };
        let two = format!("{}{}", sheet("A"), sheet("B"));
        assert_eq!(measured(&two, 40), Ok(()));
        let refused = measured(&two, 39).unwrap_err();
        assert_eq!((refused.sheet.as_str(), refused.before), ("B", 20));
        assert_eq!(
            refused.message(),
            "lembar \"B\" merentang 10 baris × 2 kolom = 20 sel sampai sel terisi terakhirnya \
             (ditambah 20 sel lembar sebelumnya), melebihi batas 39 sel per buku kerja \
             ([limits] max_cells); hapus isi yang jauh di luar tabel lalu simpan ulang"
        );
    }
}
