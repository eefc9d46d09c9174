//! A numeric cell read by what its column holds.

use super::TableInfo;
use crate::cell::{CellRange, CellRef};
use crate::number::{self, DecimalMark, NumberKind, TextProblem};
use crate::read::{Cell, Value};
use crate::structure::Table;
use crate::table::{Col, TableKind};
use rust_decimal::Decimal;
use std::sync::Arc;

/// Why a numeric cell has no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureProblem {
    /// Digits with separators in impossible places; the readings it may mean.
    Malformed { readings: Vec<Decimal> },
    /// Text that is no number (`abc`, a date, `#REF!`).
    NotANumber,
}

/// A numeric cell: its value in the column's unit (percentages always in whole
/// percent), and how it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub at: CellRef,
    pub value: Option<Decimal>,
    pub written: String,
    /// Digits after the decimal mark, in the column's unit (`0.4389` as a ratio
    /// in a percent column is 43.89 %: two).
    pub decimals: u32,
    pub stored_as_text: bool,
    pub mark: Option<DecimalMark>,
    pub dash: bool,
    /// Boxed: hardly any figure has one, and every figure would carry its size.
    pub problem: Option<Box<FigureProblem>>,
}

impl Figure {
    /// Reads a cell of a column of this kind.
    pub fn read(cell: &Cell, kind: NumberKind) -> Figure {
        let mut f = Figure {
            at: cell.at,
            value: None,
            written: cell.written(),
            decimals: 0,
            stored_as_text: false,
            mark: None,
            dash: false,
            problem: None,
        };
        match &cell.value {
            Value::Number { value } => {
                f.value = Some(*value);
                f.decimals = value.scale();
                if kind == NumberKind::Percent && cell.percent_format {
                    f.value = Some(*value * Decimal::ONE_HUNDRED);
                    f.decimals = f.decimals.saturating_sub(2);
                }
            }
            Value::Text(t) => match number::parse_text(t, kind) {
                Ok(n) => {
                    f.value = Some(n.value);
                    f.decimals = n.decimals;
                    f.mark = n.mark;
                    f.dash = n.dash;
                    f.stored_as_text = !n.dash;
                }
                Err(TextProblem::Malformed { readings }) => {
                    f.problem = Some(Box::new(FigureProblem::Malformed { readings }))
                }
                Err(TextProblem::NotANumber) => {
                    f.problem = Some(Box::new(FigureProblem::NotANumber))
                }
            },
            Value::Bool(_) | Value::Date(_) | Value::Error(_) => {
                f.problem = Some(Box::new(FigureProblem::NotANumber))
            }
        }
        f
    }
}

/// All figures of one numeric column of one table.
#[derive(Debug, Clone)]
pub struct NumericColumn {
    pub kind: TableKind,
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    /// The table's range, which tells tables of one sheet apart.
    pub range: CellRange,
    pub col: Col,
    pub year: Option<i32>,
    pub number: NumberKind,
    pub header: CellRef,
    pub label: String,
    /// The column's percentages are ratios (`0.99` for 99 %), told from the data.
    pub ratio: bool,
    pub figures: Vec<Figure>,
}

impl NumericColumn {
    /// The cells that are not numbers at all (words, dates; not error values such
    /// as `#REF!`), when they are most of the column's filled cells and at least
    /// two: a column of text under a figure's header (misplaced, or typed as
    /// words), whose figures cannot be read.
    pub fn mostly_text(&self) -> Option<Vec<&Figure>> {
        let texts: Vec<&Figure> = self
            .figures
            .iter()
            .filter(|f| f.problem.as_deref() == Some(&FigureProblem::NotANumber))
            .filter(|f| !f.written.trim_start().starts_with('#'))
            .collect();
        (texts.len() >= 2 && texts.len() * 2 > self.figures.len()).then_some(texts)
    }

    /// The figure of sheet row `row`, if the cell is filled.
    pub fn at_row(&self, row: u32) -> Option<&Figure> {
        self.figures
            .binary_search_by_key(&row, |f| f.at.row)
            .ok()
            .map(|i| &self.figures[i])
    }
}

/// The figures of one column of a table, when the column holds numbers.
pub(super) fn numeric_column(
    table: &Table,
    info: &TableInfo,
    column: &crate::structure::Column,
) -> Option<NumericColumn> {
    let spec = table.kind.columns().iter().find(|s| s.col == column.col)?;
    let kind = spec.number?;
    let cells: Vec<&Cell> = table
        .rows
        .iter()
        .filter_map(|r| r.at(column.index))
        .collect();
    let mut figures: Vec<Figure> = cells.iter().map(|c| Figure::read(c, kind)).collect();
    let ratio = kind == NumberKind::Percent && is_ratio_column(&cells);
    if ratio {
        for (f, c) in figures.iter_mut().zip(&cells) {
            if matches!(c.value, Value::Number { .. }) && !c.percent_format {
                f.value = f.value.map(|v| v * Decimal::ONE_HUNDRED);
                f.decimals = f.decimals.saturating_sub(2);
            }
        }
    }
    Some(NumericColumn {
        kind: table.kind,
        file: info.file.clone(),
        sheet: info.sheet.clone(),
        range: table.range,
        col: column.col,
        year: column.year,
        number: kind,
        header: column.header,
        label: column.label.clone(),
        ratio,
        figures,
    })
}

/// A percent column holds ratios when no plain number in it exceeds 1.5 and some
/// are fractions: `0.99` then means 99 %. Cells formatted as percentages are ratios
/// on their own account.
pub fn is_ratio_column(cells: &[&Cell]) -> bool {
    let plain: Vec<Decimal> = cells
        .iter()
        .filter(|c| !c.percent_format)
        .filter_map(|c| match &c.value {
            Value::Number { value, .. } => Some(*value),
            _ => None,
        })
        .collect();
    let limit = Decimal::new(15, 1);
    !plain.is_empty()
        && plain.iter().all(|v| v.abs() <= limit)
        && plain.iter().any(|v| !v.fract().is_zero())
}
