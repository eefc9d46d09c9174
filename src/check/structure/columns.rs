//! A table's figure columns read by what they hold, and the columns whose header
//! promises figures while their cells hold text.

use super::TextColumn;
use crate::model::{is_ratio_column, Figure};
use crate::read::{Cell, Value};
use crate::structure::holds::{self, Holds};
use crate::structure::{Field, Table};
use crate::table::{normalize_header, Col};
use rust_decimal::Decimal;

/// A figure column of a table, its cells read.
pub struct FigureColumn<'a> {
    pub field: &'a Field,
    /// Per body row (an index into the table's rows), its figure; percentages in
    /// whole percent, whether typed `95`, `95%` or stored as the ratio `0.95`.
    pub figures: Vec<Option<Figure>>,
    /// A numeric column of the model reads it too (the NUM rules judge it there).
    pub numeric: bool,
    /// Its kind's own rules judge its arithmetic.
    pub checked: bool,
    /// Percentages stored as plain ratios (`0.95` for 95 %).
    pub ratio: bool,
}

impl FigureColumn<'_> {
    /// The value of row `i`: `None` when blank or unreadable.
    pub fn value(&self, i: usize) -> Option<Decimal> {
        self.figures[i].as_ref().and_then(|f| f.value)
    }

    pub fn holds(&self) -> Holds {
        self.field.holds
    }
}

/// The figure columns of a table a rule of this family may read: those its kind
/// neither reads as numbers nor judges (`checked`, the kind's columns its own rules
/// judge here; years are labels of a kind, not figures).
pub fn read<'a>(table: &'a Table, checked: &[Col]) -> Vec<FigureColumn<'a>> {
    table
        .fields
        .iter()
        .filter(|f| f.holds.is_figure() && f.holds != Holds::Year)
        .filter_map(|field| {
            let mapped = table.columns.iter().find(|c| c.index == field.index);
            let numeric = mapped.is_some_and(|c| {
                table
                    .kind
                    .columns()
                    .iter()
                    .any(|s| s.col == c.col && s.number.is_some())
            });
            let checked = mapped.is_some_and(|c| checked.contains(&c.col));
            if numeric && checked {
                return None;
            }
            let kind = field.holds.number_kind()?;
            let cells: Vec<Option<&Cell>> = table.rows.iter().map(|r| r.at(field.index)).collect();
            let ratio = field.holds == Holds::Percent && {
                let filled: Vec<&Cell> = cells.iter().flatten().copied().collect();
                is_ratio_column(&filled)
            };
            let figures = cells
                .iter()
                .map(|c| {
                    c.map(|c| {
                        let mut f = Figure::read(c, kind);
                        // One mark in both roles (NUM005's): the amount it means.
                        let malformed = matches!(
                            f.problem.as_deref(),
                            Some(crate::model::FigureProblem::Malformed { .. })
                        );
                        if let Some((v, d)) = malformed
                            .then(|| crate::number::same_mark_both_roles(&f.written))
                            .flatten()
                        {
                            f.value = Some(v);
                            f.decimals = d;
                        }
                        if ratio && !c.percent_format && matches!(c.value, Value::Number { .. }) {
                            f.value = f.value.map(|v| v * Decimal::ONE_HUNDRED);
                            f.decimals = f.decimals.saturating_sub(2);
                        }
                        f
                    })
                })
                .collect();
            Some(FigureColumn {
                field,
                figures,
                numeric,
                checked,
                ratio,
            })
        })
        .collect()
}

/// Columns no kind reads as numbers whose header words promise figures (`ANGGARAN
/// (Rp)`, `%`, `JUMLAH`) while most of their cells are text: told, not guessed at.
pub fn text_columns(table: &Table) -> Vec<TextColumn> {
    table
        .fields
        .iter()
        .filter(|f| matches!(f.holds, Holds::Name | Holds::Label | Holds::Mixed))
        .filter(|f| !table.columns.iter().any(|c| c.index == f.index))
        .filter_map(|field| {
            let header = normalize_header(field.label.rsplit(" / ").next().unwrap_or(""));
            holds::said_figure(&header)?;
            // `SUMBER DANA`, `JENIS BELANJA`, `SATUAN`: words of money that name a text.
            let words: Vec<&str> = header.split(' ').collect();
            if words.iter().any(|w| {
                matches!(
                    *w,
                    "SUMBER" | "JENIS" | "SATUAN" | "NAMA" | "KETERANGAN" | "URAIAN" | "KODE"
                )
            }) {
                return None;
            }
            let mut texts = Vec::new();
            let mut filled = 0;
            for row in &table.rows {
                let Some(c) = row.at(field.index) else {
                    continue;
                };
                match &c.value {
                    Value::Text(t) if !t.trim().is_empty() => {
                        filled += 1;
                        if !t.chars().any(|c| c.is_ascii_digit()) || t.chars().count() > 25 {
                            texts.push(t.trim().to_string());
                        }
                    }
                    Value::Text(_) => {}
                    _ => filled += 1,
                }
            }
            (texts.len() >= 3 && texts.len() * 2 > filled).then(|| TextColumn {
                header: field.header,
                label: field.label.clone(),
                texts: texts.len(),
                filled,
                examples: texts.into_iter().take(2).collect(),
            })
        })
        .collect()
}
