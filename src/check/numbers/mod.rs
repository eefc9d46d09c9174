//! Numbers family: how figures are written. One rule per file; the helpers two
//! rules share (where a figure is, the number a text cell reads as, which cells
//! use the minority decimal mark) are here.

mod num001;
mod num002;
mod num003;
mod num004;
mod num005;

use super::Rule;
use crate::cell::CellRef;
use crate::finding::{Correction, Loc, NewValue, Safety};
use crate::model::{Figure, NumericColumn};
use crate::number::{DecimalMark, NumberKind};

pub static RULES: &[Rule] = &[
    num001::RULE,
    num002::RULE,
    num003::RULE,
    num004::RULE,
    num005::RULE,
];

fn loc(col: &NumericColumn, cell: CellRef) -> Loc {
    Loc::cell(&col.file, &col.sheet, cell)
}

/// The correction writing a text cell as the number it reads as (a percentage
/// column that stores ratios gets the ratio).
fn as_number_fix(col: &NumericColumn, f: &Figure) -> Option<Correction> {
    let mut value = f.value?;
    if col.number == NumberKind::Percent && col.ratio {
        value /= rust_decimal::Decimal::ONE_HUNDRED;
    }
    Some(Correction {
        cell: f.at,
        value: NewValue::Number(value),
        safety: Safety::Safe,
    })
}

/// The cells of a column written with the minority decimal mark (NUM004's
/// cells, which NUM003 leaves alone).
fn minority_mark_cells(col: &NumericColumn) -> Vec<CellRef> {
    let with_decimals = col
        .figures
        .iter()
        .filter(|f| f.value.is_some() && f.decimals > 0);
    let (mut comma, mut point) = (Vec::new(), Vec::new());
    for f in with_decimals {
        match (f.stored_as_text, f.mark) {
            (true, Some(DecimalMark::Comma)) => comma.push(f.at),
            _ => point.push(f.at),
        }
    }
    match (comma.len(), point.len()) {
        (0, _) | (_, 0) => Vec::new(),
        (c, p) if c < p => comma,
        _ => Vec::new(),
    }
}
