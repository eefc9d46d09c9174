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
    doc: include_str!("sum012.md"),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

/// A Tabel 1 outline line whose sum is broken: its kind of whole.
fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    sums::report(rule, ctx, |kind| matches!(kind, NodeKind::Outline), out);
}
