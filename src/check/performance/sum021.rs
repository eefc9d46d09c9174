//! SUM021 staff-total: the staff table's Jumlah Total row sums its columns.

use super::{loc, plain};
use crate::cell::{sum_formula, CellRef};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Correction, Finding, Message, NewValue, Safety, Severity};
use crate::model::Figure;
use crate::table::Col;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "SUM021",
    name: "staff-total",
    severity: Severity::Error,
    title: "The staff table's Jumlah Total is not the sum of its column",
    judul: "Jumlah Total tabel personil tidak sama dengan jumlah kolomnya",
    doc: include_str!("sum021.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for t in &ctx.model.performance.staff {
        let Some(total) = &t.total else { continue };
        let (Some(&first), Some(&last)) = (t.body_rows.first(), t.body_rows.last()) else {
            continue;
        };
        for (col, figure, cell) in &total.figures {
            let Some(stated) = figure.as_ref() else {
                continue;
            };
            let Some(s) = stated.value else { continue };
            let figures: Vec<&Figure> = match col {
                Col::JmlJabatan => t
                    .positions
                    .iter()
                    .filter_map(|p| p.count.as_ref())
                    .collect(),
                Col::JmlPangkat => t
                    .positions
                    .iter()
                    .flat_map(|p| &p.ranks)
                    .filter_map(|e| e.count.as_ref())
                    .collect(),
                Col::JmlPendidikan => t
                    .positions
                    .iter()
                    .flat_map(|p| &p.education)
                    .filter_map(|e| e.count.as_ref())
                    .collect(),
                _ => continue,
            };
            let Some(sum) = figures.iter().map(|f| f.value).sum::<Option<Decimal>>() else {
                continue;
            };
            if sum == s {
                continue;
            }
            let (column_id, column_en) = match col {
                Col::JmlJabatan => ("JML jabatan", "position JML"),
                Col::JmlPangkat => ("JML pangkat/golongan", "rank JML"),
                _ => ("JML pendidikan", "education JML"),
            };
            let range: Vec<CellRef> = (first..=last).map(|r| CellRef::new(r, cell.col)).collect();
            let value = if figures.iter().any(|f| f.stored_as_text) {
                NewValue::Number(sum)
            } else {
                NewValue::Formula {
                    formula: sum_formula(&range),
                    value: sum,
                }
            };
            let message = Message::new(
                format!(
                    "{} kolom {column_id} ({}) tertulis {}, padahal angka kolom itu berjumlah {}",
                    total.label,
                    crate::cell::column_name(cell.col),
                    crate::words::format_decimal(s),
                    crate::words::format_decimal(sum)
                ),
                format!(
                    "{} of the {column_en} column ({}) is {}, but the column sums to {}",
                    total.label,
                    crate::cell::column_name(cell.col),
                    plain(s),
                    plain(sum)
                ),
            );
            out.push(
                rule.finding(loc(ctx, t.table, *cell), message, stated.written.clone())
                    .expect(plain(sum))
                    .fix(vec![Correction {
                        cell: *cell,
                        value,
                        safety: Safety::Safe,
                    }]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::assert_finding;

    #[test]
    fn a_total_unlike_its_column() {
        let f = &super::super::tables::only_in_staff(
            &RULE,
            &[
                &["1", "Kepala Dinas", "1", "IV/c", "1", "S2", "1"],
                &["2", "Kabid", "3", "III/d", "1", "S1", "2"],
                &["", "", "", "III/c", "2", "S2", "1"],
                &["", "Jumlah Total", "5", "", "4", "", "4"],
            ],
        );
        assert_finding(f, "SUM021", "Personil!C5", "5", Some("4"));
        match &f.fix[0].value {
            NewValue::Formula { formula, value } => {
                assert_eq!((formula.as_str(), *value), ("SUM(C2:C4)", Decimal::from(4)))
            }
            other => panic!("{other:?}"),
        }
    }
}
