//! SUM011: a JUMLAH / TOTAL row is not the sum of what it totals.

use super::sums;
use super::trees::NodeKind;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "SUM011",
    name: "total-row",
    severity: Severity::Error,
    title: "A JUMLAH / TOTAL row is not the sum of what it totals",
    judul: "Baris JUMLAH / TOTAL tidak sama dengan jumlah rinciannya",
    doc: include_str!("sum011.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

/// A JUMLAH / TOTAL row whose sum is broken: its kind of whole.
fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    sums::report(rule, ctx, |kind| matches!(kind, NodeKind::Total), out);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::RULE;
    use crate::check::testing::{assert_finding, one};

    #[test]
    fn a_pk_jumlah_that_is_not_its_programs() {
        let programs = vec![
            pk_program("Penunjang", fig("C19", 2_682_564_785)),
            pk_program("Kerjasama", fig("C20", 44_342_000)),
        ];
        let found = Budgets::new()
            .pk(programs, Some(pk_jumlah(fig("C23", 2_726_000_000))), None)
            .check(&RULE);
        let f = one(found);
        assert_finding(
            &f,
            "SUM011",
            "PK 2023!C23",
            "2726000000",
            Some("2726906785"),
        );
        assert_eq!(f.related.len(), 2);
    }
}
