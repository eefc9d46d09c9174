//! Stage 2, model: located tables become typed domain records. Every numeric cell
//! is read by what its column holds ([`Figure`]); the records per table kind live in
//! their own modules. Nothing here decides whether a figure is right.

mod figure;

pub use figure::{Figure, FigureProblem, NumericColumn};

use crate::cell::CellRange;
use crate::config::Config;
use crate::read::Reading;
use crate::table::TableKind;
use std::sync::Arc;

/// Where a table is, for reports and findings.
#[derive(Debug, Clone)]
pub struct TableInfo {
    pub kind: TableKind,
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    pub range: CellRange,
    pub rows: usize,
}

/// Everything the model stage made of the reading.
#[derive(Debug, Default)]
pub struct Model {
    pub tables: Vec<TableInfo>,
    /// Every numeric column of every table, read by its kind.
    pub numeric_columns: Vec<NumericColumn>,
}

/// Builds the model of everything read.
pub fn build(reading: &Reading, cfg: &Config) -> Model {
    let mut model = Model::default();
    for table in &reading.tables {
        let info = TableInfo {
            kind: table.kind,
            file: Arc::from(table.file.as_str()),
            sheet: Arc::from(table.sheet.as_str()),
            range: table.range,
            rows: table.rows.len(),
        };
        model.numeric_columns.extend(figure::numeric_columns(table, &info, cfg));
        model.tables.push(info);
    }
    model
}

