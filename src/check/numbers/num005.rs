//! NUM005 one-mark-both-roles: an amount written with the same mark as thousands separator and decimal mark.

use super::loc;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Correction, Finding, Loc, Message, NewValue, Safety, Severity};
use crate::model::{Figure, FigureProblem};
use crate::number::same_mark_both_roles;
use crate::words::group_thousands;

pub const RULE: Rule = Rule {
    code: "NUM005",
    name: "one-mark-both-roles",
    severity: Severity::Error,
    title: "An amount uses one mark as both thousands separator and decimal mark",
    judul: "Angka memakai satu tanda sebagai pemisah ribuan sekaligus tanda desimal",
    doc: include_str!("num005.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::READING,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for col in &ctx.model.numeric_columns {
        for f in &col.figures {
            // A figure the budget's sums pin down is NUM001's, with the value they give.
            if ctx.budget.pin_of(col, f).is_none() {
                push(rule, loc(col, f.at), &col.label, f, out);
            }
        }
    }
    for t in &ctx.structure.tables {
        for col in t.columns.iter().filter(|c| !c.numeric) {
            for f in col.figures.iter().flatten() {
                push(rule, t.loc(f.at), &col.field.label, f, out);
            }
        }
    }
}

fn push(rule: &Rule, loc: Loc, label: &str, f: &Figure, out: &mut Vec<Finding>) {
    if !matches!(f.problem.as_deref(), Some(FigureProblem::Malformed { .. })) {
        return;
    }
    let Some((value, decimals)) = same_mark_both_roles(&f.written) else {
        return;
    };
    let id = group_thousands(value, decimals);
    let en: String = id
        .chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect();
    let mark = if f.written.contains(',') {
        "koma"
    } else {
        "titik"
    };
    let mark_en = if f.written.contains(',') {
        "comma"
    } else {
        "point"
    };
    let message = Message::new(
        format!(
            "angka {} di kolom {label} memakai {mark} sebagai pemisah ribuan sekaligus tanda desimal; seharusnya {id}",
            f.written
        ),
        format!(
            "the amount {} in column {label} uses the {mark_en} as both thousands separator and decimal mark; it must be {en}",
            f.written
        ),
    );
    let value = value.normalize();
    out.push(
        rule.finding(loc, message, f.written.clone())
            .expect(value.to_string())
            .fix(vec![Correction {
                cell: f.at,
                value: NewValue::Number(value),
                safety: Safety::Safe,
            }]),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, sheet};
    use rust_decimal::Decimal;

    #[test]
    fn commas_in_both_roles_in_a_plain_table_and_a_known_kind() {
        let found = findings(
            &RULE,
            &[
                sheet(
                    "Rekap",
                    &[
                        &["KOMPONEN", "SEMESTER I", "SEMESTER II", "CATATAN"],
                        &["Belanja Pegawai", "21,276,070,424,00", "900000", "sesuai"],
                        &["Belanja Barang", "2000000", "1.234.567.00", "sesuai"],
                        &["Belanja Modal", "3000000", "2500000", "sesuai"],
                    ],
                ),
                sheet(
                    "Tabel 3.4",
                    &[
                        &[
                            "PROGRAM/KEGIATAN",
                            "PAGU ANGGARAN (Rp)",
                            "REALISASI (Rp)",
                            "%",
                        ],
                        &["Kegiatan A", "1.500.000.00", "1000000", "66.67"],
                    ],
                ),
            ],
        );
        assert_eq!(found.len(), 3, "{found:?}");
        assert_finding(
            &found[0],
            "NUM005",
            "Rekap!B2",
            "21,276,070,424,00",
            Some("21276070424"),
        );
        assert!(
            found[0]
                .message
                .en
                .ends_with("it must be 21,276,070,424.00"),
            "{}",
            found[0].message.en
        );
        assert_eq!(
            found[0].fix[0].value,
            NewValue::Number(Decimal::from(21_276_070_424u64))
        );
        assert_finding(
            &found[1],
            "NUM005",
            "Rekap!C3",
            "1.234.567.00",
            Some("1234567"),
        );
        assert_finding(
            &found[2],
            "NUM005",
            "Tabel 3.4!B2",
            "1.500.000.00",
            Some("1500000"),
        );
        // NUM001 leaves them to this rule.
        assert!(findings(
            &super::super::num001::RULE,
            &[sheet(
                "Tabel 3.4",
                &[
                    &[
                        "PROGRAM/KEGIATAN",
                        "PAGU ANGGARAN (Rp)",
                        "REALISASI (Rp)",
                        "%"
                    ],
                    &["Kegiatan A", "1.500.000.00", "1000000", "66.67"],
                ],
            )]
        )
        .is_empty());
    }
}
