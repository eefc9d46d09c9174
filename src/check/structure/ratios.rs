//! Percentage and ratio columns: which pair of the table's figure columns each is
//! the ratio of (`a / b × 100`, found as the pair that explains it on most rows),
//! every row judged by it at its printed precision; and percentages beyond sense.

use super::{found, Cause, FigureColumn, Slip, Stated, TableAnalysis};
use crate::cell::CellRef;
use crate::compare::{agrees, at_precision};
use crate::finding::{Correction, NewValue, Safety};
use crate::read::{Formula, Sheet};
use crate::structure::holds::Holds;
use crate::structure::tree::RowRole;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::HashMap;

/// How many rows the pair of a column is looked for on: enough to tell, few
/// enough that a national list of villages costs nothing.
const SAMPLE: usize = 200;

/// A percentage over this is beyond any sense.
const ABSURD: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

/// The pair of columns a percentage column is the ratio of.
#[derive(Debug, Clone, Copy)]
struct Pair {
    numerator: usize,
    denominator: usize,
}

pub(super) fn analyse(t: &mut TableAnalysis, sheet: Option<&Sheet>, stated: &Stated) {
    let mut slips = Vec::new();
    // Percentages that are right once a sum's root is: (that slip, the percentage).
    let mut echoes: Vec<(usize, CellRef)> = Vec::new();
    for (k, col) in t.columns.iter().enumerate() {
        if col.checked
            || !matches!(col.holds(), Holds::Percent | Holds::Ratio)
            || stated.targets.contains(&col.field.index)
        {
            continue;
        }
        let pair = pair_of(t, k, sheet);
        if let Some(pair) = pair {
            judge(t, k, pair, sheet, stated, &mut slips, &mut echoes);
        }
        if col.holds() == Holds::Percent {
            absurd(t, k, pair, sheet, stated, &mut slips);
        }
    }
    for (i, at) in echoes {
        let slip = &mut t.slips[i];
        if !slip.echoes.contains(&at) {
            slip.echoes.push(at);
            slip.echoes.sort();
        }
    }
    t.slips.extend(slips);
}

/// The scale of a column's values over their ratio: 100 for percentages.
fn scale(col: &FigureColumn) -> Decimal {
    if col.holds() == Holds::Percent {
        Decimal::ONE_HUNDRED
    } else {
        Decimal::ONE
    }
}

/// `a / b × scale`, when `b` is not zero.
fn ratio(a: Decimal, b: Decimal, scale: Decimal) -> Option<Decimal> {
    if b.is_zero() {
        return None;
    }
    a.checked_div(b)?.checked_mul(scale)
}

/// `exact` cut (not rounded) to `decimals`.
fn truncated(exact: Decimal, decimals: u32) -> Decimal {
    exact
        .round_dp_with_strategy(decimals.min(20), RoundingStrategy::ToZero)
        .normalize()
}

/// The pair of figure columns that explains column `k` on most of its rows (at
/// least three, and two rows in three where both are known), unless the column
/// is the input the numerator is computed from (`P = Q * N`).
fn pair_of(t: &TableAnalysis, k: usize, sheet: Option<&Sheet>) -> Option<Pair> {
    let col = &t.columns[k];
    let nodes = &t.table.tree.nodes;
    let operands: Vec<usize> = (0..t.columns.len())
        .filter(|&j| {
            j != k
                && matches!(
                    t.columns[j].holds(),
                    Holds::Money | Holds::Count | Holds::Measure
                )
        })
        .collect();
    if operands.len() < 2 {
        return None;
    }
    // Rows of their own first (a parent's percentage may be its children's mean),
    // then parents and totals while the sample is short.
    let mut sample: Vec<usize> = (0..col.figures.len())
        .filter(|&i| nodes[i].role == RowRole::Item)
        .filter(|&i| col.value(i).is_some_and(|v| !v.is_zero()))
        .take(SAMPLE)
        .collect();
    if sample.len() < SAMPLE {
        let room = SAMPLE - sample.len();
        sample.extend(
            (0..col.figures.len())
                .filter(|&i| nodes[i].role != RowRole::Item)
                .filter(|&i| col.value(i).is_some_and(|v| !v.is_zero()))
                .take(room),
        );
    }
    let scale = scale(col);
    // Operands at the values the sums' roots should have: a wrong total does not
    // hide the pair its percentage follows.
    let corrected: HashMap<CellRef, Decimal> = t
        .slips
        .iter()
        .filter(|s| !s.warning)
        .filter_map(|s| Some((s.at, s.expected?)))
        .collect();
    let value = |j: usize, i: usize| -> Option<Decimal> {
        let at = CellRef::new(t.table.rows[i].row, t.columns[j].field.index);
        corrected
            .get(&at)
            .copied()
            .or_else(|| t.columns[j].value(i))
    };
    let mut best: Option<(usize, u32, Pair)> = None;
    for &a in &operands {
        for &b in &operands {
            if a == b {
                continue;
            }
            let (mut matched, mut considered) = (0usize, 0usize);
            for &i in &sample {
                let (Some(f), Some(x), Some(y)) =
                    (col.figures[i].as_ref(), value(a, i), value(b, i))
                else {
                    continue;
                };
                let (Some(v), Some(exact)) = (f.value, ratio(x, y, scale)) else {
                    continue;
                };
                considered += 1;
                if agrees(v, f.decimals, exact) || v == truncated(exact, f.decimals) {
                    matched += 1;
                }
            }
            if matched < 3 || matched * 3 < considered * 2 {
                continue;
            }
            let index = |j: usize| t.columns[j].field.index;
            let distance = index(a).abs_diff(col.field.index) + index(b).abs_diff(col.field.index);
            let better = best.is_none_or(|(m, d, _)| matched > m || (matched == m && distance < d));
            if better {
                best = Some((
                    matched,
                    distance,
                    Pair {
                        numerator: a,
                        denominator: b,
                    },
                ));
            }
        }
    }
    let (matched, _, pair) = best?;
    // The percentage typed and the numerator computed from it: the column is an input.
    if let Some(sheet) = sheet {
        let from_it = sample
            .iter()
            .filter(|&&i| {
                let row = t.table.rows[i].row;
                let num = CellRef::new(row, t.columns[pair.numerator].field.index);
                let here = CellRef::new(row, col.field.index);
                sheet
                    .formula(num)
                    .and_then(Formula::parse)
                    .and_then(|f| f.cells())
                    .is_some_and(|cells| cells.contains(&here))
            })
            .count();
        if from_it * 2 > matched {
            return None;
        }
    }
    Some(pair)
}

/// Judges every row of column `k` by its pair.
fn judge(
    t: &TableAnalysis,
    k: usize,
    pair: Pair,
    sheet: Option<&Sheet>,
    stated: &Stated,
    out: &mut Vec<Slip>,
    echoes: &mut Vec<(usize, CellRef)>,
) {
    let col = &t.columns[k];
    let (num, den) = (&t.columns[pair.numerator], &t.columns[pair.denominator]);
    let nodes = &t.table.tree.nodes;
    let scale = scale(col);
    let formulas = {
        let filled = col.figures.iter().flatten().count();
        let with = col
            .figures
            .iter()
            .flatten()
            .filter(|f| sheet.and_then(|s| s.formula(f.at)).is_some())
            .count();
        with * 2 > filled
    };
    // The sums' roots by cell, with the values they should have.
    let roots: HashMap<CellRef, (usize, Decimal)> = t
        .slips
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.warning)
        .filter_map(|(j, s)| Some((s.at, (j, s.expected?))))
        .collect();
    for (i, f) in col.figures.iter().enumerate() {
        let Some(f) = f else { continue };
        let (Some(v), Some(a), Some(b)) = (f.value, num.value(i), den.value(i)) else {
            continue;
        };
        let Some(exact) = ratio(a, b, scale) else {
            continue;
        };
        if agrees(v, f.decimals, exact) {
            continue;
        }
        let row = t.table.rows[i].row;
        let (a_at, b_at) = (
            CellRef::new(row, num.field.index),
            CellRef::new(row, den.field.index),
        );
        if [f.at, a_at, b_at].iter().any(|&c| stated.covers(c)) {
            continue;
        }
        // Wrong only because its numerator or denominator is: that slip's echo.
        let root = [(a_at, true), (b_at, false)].iter().find_map(|&(at, top)| {
            let &(j, corrected) = roots.get(&at)?;
            let (x, y) = if top { (corrected, b) } else { (a, corrected) };
            ratio(x, y, scale)
                .filter(|&e| agrees(v, f.decimals, e))
                .map(|_| j)
        });
        if let Some(j) = root {
            echoes.push((j, f.at));
            continue;
        }
        // A parent's percentage may be the plain mean of its children's.
        if nodes[i].role != RowRole::Item {
            let children: Vec<Decimal> = nodes[i]
                .children
                .iter()
                .filter_map(|&c| col.value(c))
                .collect();
            if !children.is_empty() {
                let mean = children.iter().sum::<Decimal>() / Decimal::from(children.len());
                if agrees(v, f.decimals, mean) {
                    continue;
                }
            }
        }
        let expected = at_precision(exact, f.decimals);
        let cut = v == truncated(exact, f.decimals) && v != expected;
        let cell = t.table.rows[i].at(col.field.index);
        let stored_ratio = col.ratio || cell.is_some_and(|c| c.percent_format);
        let (value, formula) = if stored_ratio {
            (exact / scale, format!("{a_at}/{b_at}"))
        } else if scale == Decimal::ONE {
            (exact, format!("{a_at}/{b_at}"))
        } else {
            (exact, format!("{a_at}/{b_at}*100"))
        };
        let value = value.round_dp(10).normalize();
        let fix = Correction {
            cell: f.at,
            value: if formulas {
                NewValue::Formula { formula, value }
            } else {
                NewValue::Number(if stored_ratio {
                    expected / scale
                } else {
                    expected
                })
            },
            safety: Safety::Safe,
        };
        out.push(Slip {
            at: f.at,
            cause: Cause::Percent {
                numerator: a_at,
                denominator: b_at,
                truncated: cut,
                percent: scale == Decimal::ONE_HUNDRED,
            },
            found: found(sheet, f.at, &f.written),
            expected: Some(expected),
            column: col.field.label.clone(),
            name: row_name(t, i),
            parts: vec![a_at, b_at],
            echoes: Vec::new(),
            fix: vec![fix],
            warning: cut,
        });
    }
}

/// Percentages over 1,000 % that no other slip explains.
fn absurd(
    t: &TableAnalysis,
    k: usize,
    pair: Option<Pair>,
    sheet: Option<&Sheet>,
    stated: &Stated,
    out: &mut Vec<Slip>,
) {
    let col = &t.columns[k];
    for (i, f) in col.figures.iter().enumerate() {
        let Some(f) = f else { continue };
        let Some(v) = f.value else { continue };
        if v.abs() <= ABSURD || stated.covers(f.at) || out.iter().any(|s| s.at == f.at) {
            continue;
        }
        let row = t.table.rows[i].row;
        let parts = pair
            .map(|p| {
                vec![
                    CellRef::new(row, t.columns[p.numerator].field.index),
                    CellRef::new(row, t.columns[p.denominator].field.index),
                ]
            })
            .unwrap_or_default();
        out.push(Slip {
            at: f.at,
            cause: Cause::Absurd,
            found: found(sheet, f.at, &f.written),
            expected: None,
            column: col.field.label.clone(),
            name: row_name(t, i),
            parts,
            echoes: Vec::new(),
            fix: Vec::new(),
            warning: false,
        });
    }
}

fn row_name(t: &TableAnalysis, i: usize) -> String {
    t.table
        .name_of(&t.table.rows[i])
        .unwrap_or_default()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn cut_is_not_rounded() {
        assert_eq!(truncated(dec!(98.99), 0), dec!(98));
        assert_eq!(truncated(dec!(77.0799), 2), dec!(77.07));
        assert_eq!(
            ratio(dec!(307055630), dec!(398379650), dec!(100)).map(|r| at_precision(r, 1)),
            Some(dec!(77.1))
        );
        assert_eq!(ratio(dec!(1), Decimal::ZERO, dec!(100)), None);
    }
}
