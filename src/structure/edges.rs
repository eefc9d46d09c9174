//! Tables at the edges of what the locating pass reads: two tables side by side
//! with no empty column between them (read first as one table of the kind that
//! matched best, the other's columns hanging at its side), and a header of a
//! known kind with no data rows under it (a template, a table left empty). Both
//! become tables of their own, so they are listed and told, never skipped.

use super::header::{self, RowClass};
use super::locate::{best_of, build, read_header, Shape};
use super::{Row, Table};
use crate::cell::{CellRange, CellRef};
use crate::config::Config;
use crate::table::TableKind;

/// The sheet-row indices (into `sheet.rows`) of a table's header rows.
fn header_rows(shape: &Shape, t: &Table) -> Vec<usize> {
    let rows = &shape.sheet.rows;
    let start = rows.partition_point(|(r, _)| *r < t.header.first.row);
    let end = rows.partition_point(|(r, _)| *r <= t.header.last.row);
    (start..end)
        .filter(|&i| shape.classes[i] == RowClass::Label)
        .collect()
}

/// Every table, with a table found standing beside another one's columns cut out
/// of it.
pub(super) fn side_by_side(shape: &Shape, cfg: &Config, tables: Vec<Table>) -> Vec<Table> {
    let mut out = Vec::with_capacity(tables.len());
    for t in tables {
        match split(shape, cfg, &t) {
            Some((a, b)) => {
                out.push(a);
                out.push(b);
            }
            None => out.push(t),
        }
    }
    out
}

/// The two tables `t` is made of, when the header columns beyond its own kind's
/// (on its right or its left) read as a table of a known kind by themselves.
fn split(shape: &Shape, cfg: &Config, t: &Table) -> Option<(Table, Table)> {
    if t.kind == TableKind::Tabel || t.columns.is_empty() {
        return None;
    }
    let own_first = t.columns.iter().map(|c| c.index).min()?;
    let own_last = t.columns.iter().map(|c| c.index).max()?;
    let rows = header_rows(shape, t);
    if rows.is_empty() {
        return None;
    }
    let labels = header::labels(shape.sheet, &rows, &shape.merges);
    // The header columns on its right, then those on its left.
    let mut sides = Vec::new();
    if own_last < t.range.last.col {
        sides.push((own_last + 1, t.range.last.col));
    }
    if own_first > t.range.first.col {
        sides.push((t.range.first.col, own_first - 1));
    }
    for (from, to) in sides {
        let side: std::collections::BTreeMap<u32, header::Label> = labels
            .range(from..=to)
            .map(|(k, v)| (*k, v.clone()))
            .collect();
        let holds: std::collections::BTreeMap<u32, super::holds::Holds> = t
            .fields
            .iter()
            .filter(|f| (from..=to).contains(&f.index))
            .map(|f| (f.index, f.holds))
            .collect();
        let Some(other) = best_of(&side, &holds, cfg) else {
            continue;
        };
        if other.kind == TableKind::Tabel {
            continue;
        }
        // The cut: at the other table's first column on the right, after its last
        // on the left; the columns between stay with `t`.
        let (first_other, last_other) = (
            other.columns.iter().map(|c| c.index).min()?,
            other.columns.iter().map(|c| c.index).max()?,
        );
        let (keep, cut) = if from > own_last {
            (
                (t.range.first.col, first_other - 1),
                (first_other, t.range.last.col),
            )
        } else {
            (
                (last_other + 1, t.range.last.col),
                (t.range.first.col, last_other),
            )
        };
        let own = narrowed(shape, t, keep, t.kind, t.columns.clone());
        let beside = narrowed(shape, t, cut, other.kind, other.columns);
        return Some((own, beside));
    }
    None
}

/// `t` cut to the sheet columns `first..=last`, as a table of `kind` with these
/// columns; its hierarchy read again from the rows it keeps.
fn narrowed(
    shape: &Shape,
    t: &Table,
    (first, last): (u32, u32),
    kind: TableKind,
    columns: Vec<super::Column>,
) -> Table {
    let within = |col: u32| (first..=last).contains(&col);
    let rows: Vec<Row> = t
        .rows
        .iter()
        .map(|r| Row {
            row: r.row,
            cells: r
                .cells
                .iter()
                .filter(|c| within(c.at.col))
                .cloned()
                .collect(),
        })
        .filter(|r| !r.cells.is_empty())
        .collect();
    let fields: Vec<super::Field> = t
        .fields
        .iter()
        .filter(|f| within(f.index))
        .cloned()
        .collect();
    let tree = super::tree::build(&rows, &fields, shape.sheet);
    let last_row = rows.last().map_or(t.header.last.row, |r| r.row);
    Table {
        kind,
        file: t.file.clone(),
        sheet: t.sheet.clone(),
        header: CellRange {
            first: CellRef::new(t.header.first.row, first),
            last: CellRef::new(t.header.last.row, last),
        },
        range: CellRange {
            first: CellRef::new(t.range.first.row, first),
            last: CellRef::new(last_row, last),
        },
        columns,
        fields,
        tree,
        numbering: t
            .numbering
            .iter()
            .filter(|c| within(c.at.col))
            .cloned()
            .collect(),
        rows,
        notes: t
            .notes
            .iter()
            .filter(|c| within(c.at.col))
            .cloned()
            .collect(),
        title: Vec::new(),
        year: None,
        year_problems: t
            .year_problems
            .iter()
            .filter(|p| within(p.header.col))
            .cloned()
            .collect(),
        rival: if kind == t.kind {
            t.rival.clone()
        } else {
            None
        },
    }
}

/// Headers of a known kind with no data row under them, outside every table
/// found: tables of no rows.
pub(super) fn bare_headers(shape: &Shape, file: &str, cfg: &Config, found: &[Table]) -> Vec<Table> {
    let rows = &shape.sheet.rows;
    let inside = |r: u32, tables: &[Table]| {
        tables
            .iter()
            .any(|t| (t.range.first.row..=t.range.last.row).contains(&r))
    };
    let mut out: Vec<Table> = Vec::new();
    let mut j = 0;
    while j < rows.len() {
        // A run of adjacent label and numbering rows.
        if shape.classes[j] == RowClass::Data || inside(rows[j].0, found) {
            j += 1;
            continue;
        }
        let mut end = j + 1;
        while end < rows.len()
            && rows[end].0 == rows[end - 1].0 + 1
            && shape.classes[end] != RowClass::Data
            && !inside(rows[end].0, found)
        {
            end += 1;
        }
        // Data at most one blank row under it: the locating pass's to read.
        let data_under = end < rows.len()
            && shape.classes[end] == RowClass::Data
            && rows[end].0 <= rows[end - 1].0 + 2;
        if !data_under {
            // The header ends at the run's end, or a note or two above it.
            for stop in (j + 1..=end).rev().take(3) {
                let Some(block) =
                    header::block_above(shape.sheet, &shape.classes, stop, &shape.merges)
                else {
                    continue;
                };
                let Some(h) = read_header(shape, &block, cfg) else {
                    continue;
                };
                if h.found.kind == TableKind::Tabel {
                    continue;
                }
                let (table, _) = build(shape, file, &block, h, cfg);
                if table.rows.is_empty() && !inside(table.range.first.row, &out) {
                    out.push(table);
                }
                break;
            }
        }
        j = end;
    }
    out
}
