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
    doc: include_str!("sum011.md"),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

/// A JUMLAH / TOTAL row whose sum is broken: its kind of whole.
fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    sums::report(rule, ctx, |kind| matches!(kind, NodeKind::Total), out);
}
