//! Header blocks: the rows above a table's body that name its columns, found by
//! their shape and not by their words. A block is a run of label rows (texts, or
//! the years of a group) of any depth, merged across and down, with a numbering
//! row anywhere in it or right under it, directly over a row of figures. Title
//! rows above it (one cell, or one cell merged across the whole width) are not
//! part of it.

use crate::cell::{CellRange, CellRef};
use crate::read::{Cell, Sheet, Value};
use crate::table::normalize_header;
use rust_decimal::prelude::ToPrimitive;
use std::collections::{BTreeMap, HashMap};

/// The most label rows a header has; taller runs keep their lowest rows.
pub(super) const MAX_DEPTH: usize = 5;

/// What a row of a sheet is, by its cells alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RowClass {
    /// Only texts (and years, as a group row of years): a header row, a title, a
    /// group row of a body, a note.
    Label,
    /// `1 2 3 …`, `(1) (2) …`, `13 = 9 + 10 + 11 + 12`: column numbers.
    Numbering,
    /// Anything holding a figure.
    Data,
}

/// The class of a row's cells.
pub(super) fn classify(cells: &[Cell]) -> RowClass {
    if is_numbering(cells) {
        return RowClass::Numbering;
    }
    let data = cells.iter().any(|c| match &c.value {
        Value::Number { value } => !is_year_number(*value),
        Value::Text(t) => is_figure_text(t),
        Value::Date(_) | Value::Error(_) | Value::Bool(_) => true,
    });
    if data {
        RowClass::Data
    } else {
        RowClass::Label
    }
}

/// A text that is a figure or a code rather than a label: digits with their
/// separators (`1.126.000`, `99,5`, `2.16.01`, `(2.500)`), a dash for zero, `1.`.
fn is_figure_text(text: &str) -> bool {
    let t = text.trim();
    let t = t
        .strip_prefix("Rp.")
        .or_else(|| t.strip_prefix("Rp"))
        .unwrap_or(t)
        .trim();
    let t = t.trim_end_matches(",-").trim_end_matches('%').trim();
    if t == "-" {
        return true;
    }
    // `Rp. (000)`, `(Rp)`: a unit in a header, not a figure.
    if t.len() < text.trim().len() && t.starts_with('(') {
        return false;
    }
    let digits = t.chars().filter(char::is_ascii_digit).count();
    digits > 0
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '(' | ')' | '-' | '+'))
        && !is_year_text(t)
}

fn is_year_text(t: &str) -> bool {
    t.len() == 4 && t.parse::<i32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// A number cell that can be a year in a header (`2022` over a group of columns).
pub(super) fn is_year_number(value: rust_decimal::Decimal) -> bool {
    value.scale() == 0 && value >= 1900.into() && value <= 2100.into()
}

/// A cell's text as a header reads it: a text trimmed, a number as written.
pub(super) fn text_of(cell: &Cell) -> Option<String> {
    match &cell.value {
        Value::Text(t) => Some(t.trim().to_string()),
        Value::Number { value } => Some(value.to_string()),
        _ => None,
    }
}

/// A row of column numbers under or inside a header: `1 2 3 …` or `(1) (2) …`,
/// a number possibly followed by the arithmetic it stands for
/// (`13 = 9 + 10 + 11 + 12`, `(4)=(3)/(2)x100`); numbers rise, and may skip
/// (`1 2 3 5 6`).
pub(super) fn is_numbering(cells: &[Cell]) -> bool {
    // Read cell by cell, stopping at the first that breaks the run: this is asked
    // of every row of every sheet.
    let mut prev: Option<u32> = None;
    let mut count = 0usize;
    for c in cells {
        let n = match &c.value {
            Value::Number { value } if value.fract().is_zero() => value.to_u32(),
            Value::Text(t) => {
                let t: &str = t.trim();
                let number = t.split_once('=').map_or(t, |(n, _)| n).trim();
                let bare = number.trim_start_matches('(').trim_end_matches(')').trim();
                bare.parse::<u32>().ok()
            }
            _ => None,
        };
        let Some(n) = n.filter(|n| *n < 100) else {
            return false;
        };
        match prev {
            None if n > 2 => return false,
            Some(p) if p >= n => return false,
            _ => {}
        }
        prev = Some(n);
        count += 1;
    }
    count >= 3
}

/// The merged ranges of a sheet, by every cell they cover.
pub(super) struct Merges {
    covering: HashMap<(u32, u32), CellRange>,
    by_row: HashMap<u32, Vec<CellRange>>,
}

impl Merges {
    pub(super) fn of(sheet: &Sheet) -> Merges {
        let mut covering = HashMap::new();
        let mut by_row: HashMap<u32, Vec<CellRange>> = HashMap::new();
        for m in &sheet.merges {
            // A merge over a whole column or row (a formatting habit) says nothing
            // about a header and would cost a map entry per cell.
            let cells =
                u64::from(m.last.row - m.first.row + 1) * u64::from(m.last.col - m.first.col + 1);
            if cells > 4096 {
                continue;
            }
            for r in m.first.row..=m.last.row {
                by_row.entry(r).or_default().push(*m);
                for c in m.first.col..=m.last.col {
                    covering.insert((r, c), *m);
                }
            }
        }
        Merges { covering, by_row }
    }

    /// The merged ranges covering any cell of sheet row `row`.
    pub(super) fn covering_row(&self, row: u32) -> impl Iterator<Item = &CellRange> {
        self.by_row.get(&row).into_iter().flatten()
    }

    /// The merged range covering `(row, col)`, if any.
    pub(super) fn at(&self, row: u32, col: u32) -> Option<&CellRange> {
        self.covering.get(&(row, col))
    }
}

/// One piece of a column's header: a header cell over the column.
#[derive(Debug, Clone, PartialEq)]
struct Part {
    normalized: String,
    written: String,
    cell: CellRef,
}

/// The header text of one column, as the header rows give it.
#[derive(Debug, Clone, Default)]
pub(super) struct Label {
    /// The rows above the lowest one, joined (a group carried across its columns).
    pub top: Option<String>,
    /// The lowest row's own text; `None` when the column's header ends higher up
    /// (a cell merged down, or nothing under a taller neighbour's group).
    pub bottom: Option<String>,
    /// What the header cells say, as written, joined with ` / `, for messages.
    pub written: String,
    pub cell: Option<CellRef>,
}

impl Label {
    /// The texts a header word may equal: the lower label, the group and lower
    /// label together, and the upper label where nothing stands below it.
    pub(super) fn candidates(&self) -> Vec<String> {
        match (&self.top, &self.bottom) {
            (Some(t), Some(b)) => vec![b.clone(), format!("{t} {b}")],
            (Some(t), None) => vec![t.clone()],
            (None, Some(b)) => vec![b.clone()],
            (None, None) => vec![],
        }
    }

    /// The column's own text: the lowest one it has.
    pub(super) fn own(&self) -> &str {
        self.bottom.as_deref().or(self.top.as_deref()).unwrap_or("")
    }
}

/// The labels of the columns under the header rows `rows` (indices into
/// `sheet.rows`, top to bottom, consecutive sheet rows).
pub(super) fn labels(sheet: &Sheet, rows: &[usize], merges: &Merges) -> BTreeMap<u32, Label> {
    // Each column's pieces, top to bottom; a piece is the cell over the column in
    // that row: its own, a merged cell covering it, or a group carried right.
    let mut pieces: BTreeMap<u32, Vec<(usize, Part)>> = BTreeMap::new();
    let last = rows.len().saturating_sub(1);
    for (depth, &i) in rows.iter().enumerate() {
        let (r, cells) = &sheet.rows[i];
        let below: Option<&Vec<Cell>> = rows.get(depth + 1).map(|&j| &sheet.rows[j].1);
        for (k, c) in cells.iter().enumerate() {
            let Some(written) = text_of(c) else { continue };
            let normalized = normalize_header(&written);
            if normalized.is_empty() {
                continue;
            }
            let part = Part {
                normalized,
                written,
                cell: c.at,
            };
            let (first, end) = match merges.at(*r, c.at.col) {
                Some(m) if m.first == c.at => (m.first.col, m.last.col),
                _ => {
                    // Without merge information (an .ods), a group cell is carried
                    // right over the empty cells of its row while the row below
                    // has cells there.
                    let mut end = c.at.col;
                    if depth < last {
                        let next = cells.get(k + 1).map_or(u32::MAX, |n| n.at.col);
                        let below = below.map(Vec::as_slice).unwrap_or(&[]);
                        while end + 1 < next && below.iter().any(|b| b.at.col == end + 1) {
                            end += 1;
                        }
                    }
                    (c.at.col, end)
                }
            };
            // A cell merged down is one piece, in the row where it starts: the rows
            // it covers hold no cell of their own there.
            for col in first..=end {
                pieces.entry(col).or_default().push((depth, part.clone()));
            }
        }
    }
    let mut out = BTreeMap::new();
    for (col, list) in pieces {
        let bottom_piece = list.iter().rfind(|(d, _)| *d == last).map(|(_, p)| p);
        let uppers: Vec<&Part> = list
            .iter()
            .filter(|(d, _)| *d < last)
            .map(|(_, p)| p)
            .collect();
        let mut label = Label::default();
        if !uppers.is_empty() {
            label.top = Some(
                uppers
                    .iter()
                    .map(|p| p.normalized.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        label.bottom = bottom_piece.map(|p| p.normalized.clone());
        if last == 0 {
            // A header of one row has no group: its text is the column's upper label.
            label.top = label.bottom.take();
        }
        label.written = uppers
            .iter()
            .copied()
            .chain(bottom_piece)
            .map(|p| p.written.as_str())
            .collect::<Vec<_>>()
            .join(" / ");
        // The header cell of the column: the highest one standing in it, else the
        // lowest piece over it.
        label.cell = uppers
            .iter()
            .copied()
            .chain(bottom_piece)
            .find(|p| p.cell.col == col)
            .or(bottom_piece)
            .or(uppers.first().copied())
            .map(|p| p.cell);
        out.insert(col, label);
    }
    out
}

/// A header block found by its shape: its label rows (indices into
/// `sheet.rows`, top to bottom) and its numbering row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Block {
    pub label_rows: Vec<usize>,
    pub numbering: Option<usize>,
    /// The index of the first row after the block.
    pub end: usize,
}

/// How many header cells a row has, counting a cell merged across as one; and
/// whether its only cell is a title: alone and not a group over part of the row
/// below.
fn anchors(sheet: &Sheet, i: usize, merges: &Merges) -> (usize, bool) {
    let (r, cells) = &sheet.rows[i];
    let texts: Vec<&Cell> = cells
        .iter()
        .filter(|c| text_of(c).is_some_and(|t| !normalize_header(&t).is_empty()))
        .collect();
    if texts.len() != 1 {
        return (texts.len(), false);
    }
    let c = texts[0];
    // The lower row of a header whose other columns are merged down from above
    // (`TARGET` over `2019`, the rest of the header merged over both rows), or a
    // lone year under a header cell: part of the header.
    let merged_down = cells.iter().all(|x| x.at == c.at)
        && merges
            .covering_row(*r)
            .any(|m| m.first.row < *r && m.last.row >= *r);
    let year = text_of(c).is_some_and(|t| is_year_text(t.trim()));
    if merged_down || (year && i > 0 && sheet.rows[i - 1].0 + 1 == *r) {
        return (1, false);
    }
    let group = match merges.at(*r, c.at.col) {
        Some(m) if m.last.col > m.first.col => {
            // A group leaves some of the row below outside it; a title spans it all.
            sheet.rows.get(i + 1).is_some_and(|(r2, below)| {
                *r2 == r + 1
                    && below
                        .iter()
                        .any(|b| b.at.col < m.first.col || b.at.col > m.last.col)
            })
        }
        _ => false,
    };
    (1, !group)
}

/// The header block whose lowest row (or the numbering row under it) ends just
/// before `sheet.rows[body]`, when `body` starts a body: a data row, or a lone
/// text (a group row such as `Perangkat Daerah : …`) over a data row.
pub(super) fn block_above(
    sheet: &Sheet,
    classes: &[RowClass],
    body: usize,
    merges: &Merges,
) -> Option<Block> {
    if body == 0 {
        return None;
    }
    let rows = &sheet.rows;
    let adjacent = |i: usize| rows[i].0 + 1 == rows[i + 1].0;
    let mut i = body - 1;
    let mut numbering = None;
    if classes[i] == RowClass::Numbering {
        if i == 0 || !adjacent(i - 1) {
            return None;
        }
        numbering = Some(i);
        i -= 1;
    }
    let mut label_rows = Vec::new();
    loop {
        match classes[i] {
            RowClass::Label => {
                let (n, title) = anchors(sheet, i, merges);
                if n == 0 || (n == 1 && title) {
                    break;
                }
                label_rows.push(i);
            }
            RowClass::Numbering if numbering.is_none() && !label_rows.is_empty() => {
                numbering = Some(i);
            }
            // A second row of rising numbers in a header names columns (the
            // quarters `1 2 3 4` over `K | Rp`).
            RowClass::Numbering => label_rows.push(i),
            _ => break,
        }
        if i == 0 || !adjacent(i - 1) || label_rows.len() == MAX_DEPTH {
            break;
        }
        i -= 1;
    }
    label_rows.reverse();
    // A header names at least two columns, in its lowest row or above it.
    let lowest = *label_rows.last()?;
    if rows[lowest].1.len() < 2 && label_rows.len() == 1 {
        return None;
    }
    Some(Block {
        label_rows,
        numbering,
        end: body,
    })
}
