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
    doc: include_str!("sum010.md"),
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
