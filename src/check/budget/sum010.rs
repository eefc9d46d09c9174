//! SUM010: a program's stated total is not the sum of its kegiatan.

use super::sums;
use super::trees::NodeKind;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "SUM010",
    name: "subtotal",
    severity: Severity::Error,
    title: "A program's stated total is not the sum of its kegiatan",
    judul: "Jumlah program tidak sama dengan jumlah kegiatannya",
    doc: include_str!("sum010.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

/// A program subtotal (realisation table) or an RKT block's funds whose sum is broken: its kind of whole.
fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    sums::report(
        rule,
        ctx,
        |kind| matches!(kind, NodeKind::Subtotal | NodeKind::Leaf),
        out,
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::RULE;
    use crate::check::testing::{assert_finding, one};

    /// A program subtotal that disagrees with its kegiatan and with the JUMLAH.
    fn budgets(subtotal: i64) -> Budgets {
        let mut p = program(
            "Program Penunjang",
            4,
            vec![
                line("A", fig("B6", 1_000), None, None),
                line("B", fig("B7", 2_500), None, None),
            ],
        );
        p.subtotal = Some(line("Sub Total", fig("B8", subtotal), None, None));
        Budgets::new().realisation(vec![p], vec![line("JUMLAH", fig("B9", 3_500), None, None)])
    }

    #[test]
    fn a_program_subtotal_that_is_not_its_kegiatan() {
        let found = budgets(3_000).check(&RULE);
        let f = one(found);
        assert_finding(&f, "SUM010", "Tabel 3.4!B8", "3000", Some("3500"));
        // The JUMLAH, which agrees, is not SUM011's to report.
        assert!(budgets(3_000).check(&super::super::sum011::RULE).is_empty());
        assert!(budgets(3_500).check(&RULE).is_empty());
    }

    #[test]
    fn a_kegiatan_moved_into_another_programs_rows_adds_up_to_its_own_program() {
        use crate::check::testing::{findings, sheet};
        let found = findings(
            &RULE,
            &[sheet(
                "Kode",
                &[
                    &["KODE", "URAIAN", "ANGGARAN (Rp)", "REALISASI (Rp)"],
                    &["2.16.01", "PROGRAM PENUNJANG", "300", "250"],
                    &["2.16.01.2.01", "Perencanaan", "100", "90"],
                    // Program 2.16.02's kegiatan, standing in 2.16.01's rows.
                    &["2.16.02.2.01", "Pengelolaan informasi", "200", "150"],
                    &["2.16.01.2.02", "Keuangan", "200", "160"],
                    &["2.16.02", "PROGRAM INFORMASI", "200", "150"],
                ],
            )],
        );
        assert_eq!(found, vec![]);
    }
}
