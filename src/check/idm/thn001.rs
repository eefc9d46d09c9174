//! THN001: see `thn001.md` beside this file.

use super::*;
use crate::structure::YearProblemKind;

pub(super) const RULE: Rule = Rule {
    code: "THN001",
    name: "header-year",
    severity: Severity::Error,
    title: "The year of a village table's column cannot be told",
    judul: "Tahun kolom pada tabel desa tidak dapat ditentukan",
    doc: include_str!("thn001.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for (i, t) in ctx.reading.tables.iter().enumerate() {
        for p in &t.year_problems {
            let (id, en) = match &p.kind {
                YearProblemKind::NotAYear => (
                    format!("judul kolom \"{}\" diakhiri angka yang bukan tahun; kolom ini tidak dibaca", p.label),
                    format!("the header \"{}\" ends in a number that is not a year; the column is not read", p.label),
                ),
                YearProblemKind::Twice { year, first } => (
                    format!("judul kolom \"{}\" mengulang tahun {year} yang sudah ada di {first}; kolom ini tidak dibaca", p.label),
                    format!("the header \"{}\" repeats the year {year} already at {first}; the column is not read", p.label),
                ),
                YearProblemKind::Missing { years } => {
                    let ys = years.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
                    (
                        format!("judul kolom \"{}\" tidak menyebut tahun, padahal kolom lain tabel ini bertahun ({ys}); kolom ini tidak dibaca", p.label),
                        format!("the header \"{}\" names no year while the table's other columns do ({ys}); the column is not read", p.label),
                    )
                }
            };
            let related = match &p.kind {
                YearProblemKind::Twice { first, .. } => vec![m.loc(i, *first)],
                _ => Vec::new(),
            };
            out.push(
                rule.finding(m.loc(i, p.header), Message::new(id, en), p.label.clone())
                    .related(related),
            );
        }
    }
}
