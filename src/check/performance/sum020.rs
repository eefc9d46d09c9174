//! SUM020 staff-breakdown: a position's breakdowns by rank and by education add up
//! to its count.

use super::{loc, plain};
use crate::cell::CellRef;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Loc, Message, Severity};
use crate::model::performance::{Breakdown, BreakdownEntry, Position, StaffTable};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "SUM020",
    name: "staff-breakdown",
    severity: Severity::Error,
    title: "A position's breakdown by rank or education does not add up to its count",
    judul: "Rincian pangkat atau pendidikan suatu jabatan tidak sama dengan jumlahnya",
    doc: include_str!("sum020.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

/// The sum of a breakdown's counts, `None` when a count cannot be read.
fn breakdown_sum(entries: &[BreakdownEntry]) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    for e in entries {
        if let Some(c) = &e.count {
            sum += c.value?;
        }
    }
    Some(sum)
}

fn breakdown_names(which: Breakdown) -> (&'static str, &'static str) {
    match which {
        Breakdown::Rank => ("pangkat/golongan", "rank"),
        Breakdown::Education => ("pendidikan", "education"),
    }
}

fn count_cells(entries: &[BreakdownEntry]) -> Vec<CellRef> {
    entries
        .iter()
        .filter(|e| e.count.is_some())
        .map(|e| e.count_cell)
        .collect()
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for t in &ctx.model.performance.staff {
        for p in &t.positions {
            check_position(rule, ctx, t, p, out);
        }
    }
}

fn check_position(
    rule: &Rule,
    ctx: &Context,
    t: &StaffTable,
    p: &Position,
    out: &mut Vec<Finding>,
) {
    let (Some(count), Some(count_cell)) = (&p.count, p.count_cell) else {
        return;
    };
    let Some(n) = count.value else { return };
    let sums: Vec<(Breakdown, Decimal)> = [Breakdown::Rank, Breakdown::Education]
        .into_iter()
        .filter(|&w| p.has_breakdown(w))
        .filter_map(|w| breakdown_sum(p.breakdown(w)).map(|s| (w, s)))
        .collect();
    let failing: Vec<(Breakdown, Decimal)> =
        sums.iter().copied().filter(|(_, s)| *s != n).collect();
    if failing.is_empty() {
        return;
    }
    let describe = |(w, s): (Breakdown, Decimal)| {
        let (id, en) = breakdown_names(w);
        let cells: Vec<String> = count_cells(p.breakdown(w))
            .iter()
            .map(|c| c.to_string())
            .collect();
        (
            format!(
                "rincian {id} ({}) berjumlah {}",
                cells.join(", "),
                crate::words::format_decimal(s)
            ),
            format!(
                "the {en} breakdown ({}) sums to {}",
                cells.join(", "),
                plain(s)
            ),
        )
    };
    let agreeing = sums.len() > failing.len();
    if agreeing {
        // The other breakdown confirms the count: the failing breakdown is suspect.
        let (w, s) = failing[0];
        let entries = p.breakdown(w);
        let cells = count_cells(entries);
        let Some(first) = entries.iter().find(|e| e.count.is_some()) else {
            return;
        };
        let (d_id, d_en) = describe((w, s));
        let (o_id, o_en) = breakdown_names(if w == Breakdown::Rank {
            Breakdown::Education
        } else {
            Breakdown::Rank
        });
        let message = Message::new(
            format!(
                "jabatan \"{}\": {d_id}, padahal JML {} dan rincian {o_id} sama-sama {}",
                p.jabatan,
                count_cell,
                crate::words::format_decimal(n)
            ),
            format!(
                "position \"{}\": {d_en}, while JML {} and the {o_en} breakdown both say {}",
                p.jabatan,
                count_cell,
                plain(n)
            ),
        );
        let mut related: Vec<Loc> = cells
            .iter()
            .skip(1)
            .map(|c| loc(ctx, t.table, *c))
            .collect();
        related.push(loc(ctx, t.table, count_cell));
        out.push(
            rule.finding(
                loc(ctx, t.table, first.count_cell),
                message,
                first
                    .count
                    .as_ref()
                    .map(|c| c.written.clone())
                    .unwrap_or_default(),
            )
            .related(related),
        );
        return;
    }
    let (parts_id, parts_en): (Vec<String>, Vec<String>) =
        failing.iter().map(|&f| describe(f)).unzip();
    let message = Message::new(
        format!(
            "jabatan \"{}\": JML tertulis {}, tetapi {}",
            p.jabatan,
            crate::words::format_decimal(n),
            parts_id.join(" dan ")
        ),
        format!(
            "position \"{}\": JML is {}, but {}",
            p.jabatan,
            plain(n),
            parts_en.join(" and ")
        ),
    );
    let related = failing
        .iter()
        .flat_map(|(w, _)| count_cells(p.breakdown(*w)))
        .map(|c| loc(ctx, t.table, c))
        .collect();
    let mut f = rule
        .finding(
            loc(ctx, t.table, count_cell),
            message,
            count.written.clone(),
        )
        .related(related);
    if failing.windows(2).all(|w| w[0].1 == w[1].1) {
        f = f.expect(plain(failing[0].1));
    }
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::assert_finding;

    #[test]
    fn a_rank_count_unlike_the_count_and_the_education() {
        let f = &super::super::tables::only_in_staff(
            &RULE,
            &[
                &["1", "Kepala Dinas", "1", "IV/c", "1", "S2", "1"],
                &["2", "Kabid", "3", "III/d", "1", "S1", "2"],
                &["", "", "", "III/c", "3", "S2", "1"],
            ],
        );
        assert_finding(f, "SUM020", "Personil!E3", "1", None);
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(related, vec!["E4", "C3"]);
    }
}
