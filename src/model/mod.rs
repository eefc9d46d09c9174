//! Stage 2, model: located tables become typed domain records. Every numeric cell
//! is read by what its column holds ([`Figure`]); the records of each domain live
//! in their own module ([`idm`], [`budget`], [`performance`]). Nothing here decides
//! whether a figure is right.

pub mod budget;
mod figure;
pub mod idm;
pub mod performance;
pub mod renja;
pub mod sipd;

pub use figure::{is_ratio_column, Figure, FigureProblem, NumericColumn};

use crate::cell::{CellRange, CellRef};
use crate::config::Config;
use crate::finding::Loc;
use crate::read::{Cell, Value};
use crate::structure::{Reading, Row, Table};
use crate::table::{Col, TableKind};
use std::sync::Arc;

/// Where a table is, for reports and findings.
#[derive(Debug, Clone)]
pub struct TableInfo {
    pub kind: TableKind,
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    pub range: CellRange,
    pub rows: usize,
    /// The year the table names for itself (its title, its header), if one.
    pub year: Option<i32>,
}

/// Everything the model stage made of the reading.
#[derive(Debug, Default)]
pub struct Model {
    pub tables: Vec<TableInfo>,
    /// Every numeric column of every table, read by its kind.
    pub numeric_columns: Vec<NumericColumn>,
    pub idm: idm::Idm,
    pub budget: budget::Budget,
    pub performance: performance::Performance,
    pub renja: renja::Renja,
    pub sipd: sipd::Sipd,
}

impl Model {
    /// The location of a cell of table `table` (an index into [`Model::tables`]).
    pub fn loc(&self, table: usize, cell: CellRef) -> Loc {
        let t = &self.tables[table];
        Loc::cell(&t.file, &t.sheet, cell)
    }
}

/// A located table with its numeric columns, for the domain builders.
pub struct TableView<'a> {
    /// Index into [`Model::tables`].
    pub index: usize,
    pub table: &'a Table,
    numeric: Vec<&'a NumericColumn>,
}

impl<'a> TableView<'a> {
    pub fn kind(&self) -> TableKind {
        self.table.kind
    }

    /// The figure of `row` in the first column with this meaning.
    pub fn figure(&self, row: &Row, col: Col) -> Option<&'a Figure> {
        self.numeric
            .iter()
            .find(|c| c.col == col)
            .and_then(|c| c.at_row(row.row))
    }

    /// The figure of `row` in the column with this meaning for `year`.
    pub fn figure_of_year(&self, row: &Row, col: Col, year: i32) -> Option<&'a Figure> {
        self.numeric
            .iter()
            .find(|c| c.col == col && c.year == Some(year))
            .and_then(|c| c.at_row(row.row))
    }

    /// The numeric columns with this meaning (one per year for per-year columns).
    pub fn columns(&self, col: Col) -> impl Iterator<Item = &'a NumericColumn> + '_ {
        self.numeric.iter().copied().filter(move |c| c.col == col)
    }

    /// The trimmed text of `row` in the column with this meaning; numbers as written.
    pub fn text(&self, row: &Row, col: Col) -> Option<String> {
        let cell = self.table.cell(row, col)?;
        let t = cell.written();
        let t = t.trim();
        (!t.is_empty()).then(|| t.to_string())
    }

    /// [`TableView::text`], the cell's own text when it needs no trimming.
    pub fn shared_text(&self, row: &Row, col: Col) -> Option<Arc<str>> {
        shared_text(self.table.cell(row, col)?)
    }

    /// The cell address of `row` in the column with this meaning.
    pub fn cell_ref(&self, row: &Row, col: Col) -> Option<CellRef> {
        self.table
            .column(col)
            .map(|c| CellRef::new(row.row, c.index))
    }
}

/// A cell's trimmed text (a number as written), `None` when blank: the cell's own
/// text, shared, when it needs no trimming.
pub(crate) fn shared_text(cell: &Cell) -> Option<Arc<str>> {
    match &cell.value {
        Value::Text(t) if !t.is_empty() && t.trim().len() == t.len() => Some(t.clone()),
        _ => {
            let t = cell.written();
            let t = t.trim();
            (!t.is_empty()).then(|| Arc::from(t))
        }
    }
}

/// Builds the model of everything read.
pub fn build(reading: &Reading, cfg: &Config) -> Model {
    let mut model = Model::default();
    for table in &reading.tables {
        model.tables.push(TableInfo {
            kind: table.kind,
            file: Arc::from(table.file.as_str()),
            sheet: Arc::from(table.sheet.as_str()),
            range: table.range,
            rows: table.rows.len(),
            year: table.year.as_ref().map(|y| y.year),
        });
    }
    // Every column of every table read on the cores, the longest first; in table
    // and column order.
    let columns: Vec<(usize, &crate::structure::Column)> = reading
        .tables
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.columns.iter().map(move |c| (i, c)))
        .collect();
    model.numeric_columns = crate::parallel::map(
        &columns,
        |&(i, _)| reading.tables[i].rows.len() as u64,
        &mut |_| {},
        |&(i, column)| figure::numeric_column(&reading.tables[i], &model.tables[i], column),
    )
    .into_iter()
    .flatten()
    .collect();
    let views: Vec<TableView> = reading
        .tables
        .iter()
        .enumerate()
        .map(|(index, table)| TableView {
            index,
            table,
            numeric: model
                .numeric_columns
                .iter()
                .filter(|c| {
                    let t = &model.tables[index];
                    c.range == t.range && c.file == t.file && c.sheet == t.sheet
                })
                .collect(),
        })
        .collect();
    // The villages on one core, the other domains on the other.
    let (idm, (budget, performance, renja, sipd)) = std::thread::scope(|scope| {
        let others = scope.spawn(|| {
            (
                budget::build(&views, cfg),
                performance::build(&views, cfg),
                renja::build(&views, reading),
                sipd::build(&views, reading, cfg.office.year),
            )
        });
        let idm = idm::build(&views, cfg);
        (idm, others.join().expect("the other domains are built"))
    });
    drop(views);
    // A summary takes its index's kind from the villages it counts (see idm::build).
    for s in &idm.summaries {
        model.tables[s.table].kind = s.kind;
    }
    model.renja = renja;
    model.sipd = sipd;
    model.idm = idm;
    model.budget = budget;
    model.performance = performance;
    model
}
