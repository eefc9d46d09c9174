//! SUM012: a Tabel 1 outline parent is not the sum of its children.

use super::sums;
use super::trees::NodeKind;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "SUM012",
    name: "outline-parent",
    severity: Severity::Error,
    title: "A Tabel 1 outline parent is not the sum of its children",
    judul: "Induk rincian Tabel 1 tidak sama dengan jumlah anaknya",
    doc: include_str!("sum012.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

/// A Tabel 1 outline line whose sum is broken: its kind of whole.
fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    sums::report(rule, ctx, |kind| matches!(kind, NodeKind::Outline), out);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::RULE;
    use crate::check::testing::{assert_finding, one};

    #[test]
    fn an_outline_parent_that_is_not_its_children() {
        // I = 1. + 2.; 1. = a.; 2. = a. + b. with 2. mistyped.
        let items = vec![
            spending_item("I", "Belanja Daerah", fig("C5", 6_796_834_585), None),
            spending_item(
                "1.",
                "Belanja Tidak Langsung",
                fig("C6", 2_015_561_700),
                Some(0),
            ),
            spending_item("a.", "Belanja Pegawai", fig("C7", 2_015_561_700), Some(1)),
            spending_item("2.", "Belanja Langsung", fig("C8", 4_781_000_000), Some(0)),
            spending_item("a.", "Belanja Barang", fig("C9", 4_754_111_885), Some(3)),
            spending_item("b.", "Belanja Modal", fig("C10", 27_161_000), Some(3)),
        ];
        let found = Budgets::new().spending(items).check(&RULE);
        let f = one(found);
        assert_finding(
            &f,
            "SUM012",
            "Pembiayaan!C8",
            "4781000000",
            Some("4781272885"),
        );
    }
}
