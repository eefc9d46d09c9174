//! Stage 2, structure: the sheets' cells in, their tables out. Every table is
//! found by its structure (a header block of one to five rows over a body of
//! rows) and what its columns hold, wherever it sits; the header words are the
//! evidence for its kind, and a table of no known kind is still a table
//! ([`TableKind::Tabel`]). Nothing here judges a value.

pub mod codes;
mod edges;
mod header;
pub mod holds;
mod locate;
pub mod sipd;
pub mod stated;
pub mod title;
pub mod tree;

use crate::cell::{CellRange, CellRef};
use crate::config::Config;
use crate::read::{Cell, Input, InputStatus, Value};
use crate::table::{Col, TableKind};

/// A located column: what it means and where its header is.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub col: Col,
    /// The year of a per-year column (`2022` over `JUMLAH`).
    pub year: Option<i32>,
    /// The sheet column, zero-based.
    pub index: u32,
    /// The header as written (`2022 / JUMLAH` for a two-row header).
    pub label: String,
    pub header: CellRef,
}

/// A column of a table as its structure gives it, whatever the kind: every column
/// under the header, with what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The sheet column, zero-based.
    pub index: u32,
    /// The header as written (`Kelompok Belanja / Operasi / Anggaran`).
    pub label: String,
    pub header: CellRef,
    pub holds: holds::Holds,
    /// The column's number in the numbering row, when the table has one.
    pub number: Option<u32>,
}

/// A body row of a table: its filled cells inside the table's columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Zero-based sheet row.
    pub row: u32,
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell in sheet column `index`, if filled.
    pub fn at(&self, index: u32) -> Option<&Cell> {
        self.cells.iter().find(|c| c.at.col == index)
    }

    /// The amount in column `index`: a number, or one typed as Indonesian text
    /// (`10.701.893.800,00`).
    pub fn amount(&self, index: u32) -> Option<rust_decimal::Decimal> {
        match &self.at(index)?.value {
            Value::Number { value } => Some(*value),
            Value::Text(t) => crate::number::parse_text(t, crate::number::NumberKind::Money)
                .ok()
                .map(|n| n.value),
            _ => None,
        }
    }
}

/// A table found by its header words.
#[derive(Debug, Clone)]
pub struct Table {
    pub kind: TableKind,
    /// The file name as found under the input path.
    pub file: String,
    pub sheet: String,
    /// The header rows.
    pub header: CellRange,
    /// Header and body together.
    pub range: CellRange,
    pub columns: Vec<Column>,
    /// Every column under the header, known to the kind or not.
    pub fields: Vec<Field>,
    /// The body rows' hierarchy: parents, children, totals.
    pub tree: tree::Tree,
    /// The row of column numbers under the header (`1 2 3 …`, `13 = 9 + 10 + 11 + 12`),
    /// when the table has one.
    pub numbering: Vec<Cell>,
    pub rows: Vec<Row>,
    /// Text lines right under the table: a source note, a terbilang line.
    pub notes: Vec<Cell>,
    /// The text cells of the title lines right above the header (`TABEL 3.2`,
    /// `PENGUKURAN KINERJA TAHUN 2022`).
    pub title: Vec<Cell>,
    /// The year the table names for itself, in its title or its header labels;
    /// `None` for a table of several years or of none ([`title`]).
    pub year: Option<title::OwnYear>,
    /// Header cells whose year cannot be told (`IDM 20233`, a year twice, a year
    /// missing beside others); their columns are left out of the table.
    pub year_problems: Vec<YearProblem>,
    /// Another village index whose columns the header holds too (a table of IDM
    /// and Indeks Desa columns): the kind not taken and the columns each matched.
    pub rival: Option<Rival>,
}

/// The village index a header matched besides the one taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rival {
    pub kind: TableKind,
    /// How many columns each reading recognised: the rival's, then the taken one's.
    pub columns: usize,
    pub taken_columns: usize,
    /// The header cells of the rival's own measures (those the taken kind does not
    /// read), as written.
    pub labels: Vec<String>,
}

/// A per-year column whose year cannot be told: the reading leaves it out rather
/// than guess, and the check stage reports it at its header cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearProblem {
    pub header: CellRef,
    /// The header as written.
    pub label: String,
    pub kind: YearProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearProblemKind {
    /// The header ends in a number that is not a year (`IDM 20233`).
    NotAYear,
    /// The same measure and year again; `first` is the header read.
    Twice { year: i32, first: CellRef },
    /// No year, while the table's other measures carry these.
    Missing { years: Vec<i32> },
}

impl Table {
    /// The first column with this meaning.
    pub fn column(&self, col: Col) -> Option<&Column> {
        self.columns.iter().find(|c| c.col == col)
    }

    /// The field of sheet column `index`.
    pub fn field(&self, index: u32) -> Option<&Field> {
        self.fields.iter().find(|f| f.index == index)
    }

    /// The cell of `row` in the first column with this meaning.
    pub fn cell<'a>(&self, row: &'a Row, col: Col) -> Option<&'a Cell> {
        self.column(col).and_then(|c| row.at(c.index))
    }

    /// A row's name as its fields give it: the first text of its name columns.
    pub fn name_of<'a>(&self, row: &'a Row) -> Option<&'a str> {
        self.fields
            .iter()
            .filter(|f| {
                matches!(
                    f.holds,
                    holds::Holds::Name | holds::Holds::Label | holds::Holds::Mixed
                )
            })
            .find_map(|f| {
                row.at(f.index)
                    .and_then(|c| c.text())
                    .filter(|t| !t.is_empty())
            })
    }
}

/// Everything the reading stage found.
#[derive(Debug, Default)]
pub struct Reading {
    pub inputs: Vec<Input>,
    pub tables: Vec<Table>,
}

/// Locates the tables of every readable input, one input per core; an input
/// whose sheets hold no table is marked unusable.
pub fn build(mut inputs: Vec<Input>, cfg: &Config) -> Reading {
    let cells = |input: &Input| {
        input
            .sheets
            .iter()
            .map(|s| s.rows.iter().map(|(_, r)| r.len() as u64).sum::<u64>())
            .sum()
    };
    let found = crate::parallel::map(&inputs, cells, &mut |_| {}, |input| tables_of(input, cfg));
    let mut tables = Vec::new();
    for (input, found) in inputs.iter_mut().zip(found) {
        if input.status != InputStatus::Ok {
            continue;
        }
        if found.is_empty() {
            input.status = InputStatus::Unreadable(
                "tidak ada tabel yang dikenali di buku kerja ini; periksa judul kolomnya (lihat docs/tables.md)".into(),
            );
        }
        tables.extend(found);
    }
    Reading { inputs, tables }
}

/// The tables of an input's sheets, each with its title and own year.
pub fn tables_of(input: &Input, cfg: &Config) -> Vec<Table> {
    let mut out = Vec::new();
    for sheet in &input.sheets {
        let mut tables = locate::locate(sheet, &input.file, cfg);
        title::read(sheet, &mut tables);
        for table in &mut tables {
            sipd::recognise(table, cfg);
        }
        out.extend(tables);
    }
    out
}
