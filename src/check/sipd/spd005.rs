//! SPD005 plan-on-accounts: an office's plan figures typed on account rows
//! instead of their sub kegiatan.

use super::{loc, money, named};
use crate::cell::CellRef;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::model::sipd::{Export, Level};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "SPD005",
    name: "plan-on-accounts",
    severity: Severity::Warning,
    title: "Plan figures typed on account rows instead of their sub kegiatan",
    judul: "Angka rencana diketik pada baris rekening, bukan pada sub kegiatannya",
    doc: include_str!("spd005.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

/// The plan figure of line `i` in plan column `k`, when it is not zero.
fn planned(e: &Export, i: usize, k: usize) -> Option<(CellRef, Decimal)> {
    let f = e.lines[i].plans[k].as_ref()?;
    f.value.filter(|v| !v.is_zero()).map(|v| (f.at, v))
}

/// The highest rows under `i` holding a plan figure in column `k`.
fn planned_below(e: &Export, i: usize, k: usize, out: &mut Vec<(CellRef, Decimal)>) {
    for &c in &e.lines[i].children {
        match planned(e, c, k) {
            Some(p) => out.push(p),
            None => planned_below(e, c, k, out),
        }
    }
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for e in &ctx.model.sipd.exports {
        for (k, plan) in e.plans.iter().enumerate() {
            for (i, l) in e.lines.iter().enumerate() {
                if l.level != Some(Level::SubKegiatan) || planned(e, i, k).is_some() {
                    continue;
                }
                let unreadable = l.plans[k].as_ref().is_some_and(|f| f.value.is_none());
                let mut below = Vec::new();
                planned_below(e, i, k, &mut below);
                if below.is_empty() || unreadable {
                    continue;
                }
                let sum: Decimal = below.iter().map(|(_, v)| v).sum();
                let (who_id, who_en) = named(l);
                let (s_id, s_en) = money(sum);
                let n = below.len();
                let at = CellRef::new(l.row, plan.col);
                let found = l.plans[k]
                    .as_ref()
                    .map(|f| f.written.clone())
                    .unwrap_or_default();
                out.push(
                    rule.finding(
                        loc(ctx, e, at),
                        Message::new(
                            format!(
                                "kolom {} {who_id} kosong, padahal {n} baris rekening di bawahnya berisi angka (jumlah {s_id}): rencana diisi pada baris sub kegiatan",
                                plan.label
                            ),
                            format!(
                                "column {} of {who_en} is blank while {n} account rows under it hold figures (adding up to {s_en}): the plan belongs on the sub kegiatan row",
                                plan.label
                            ),
                        ),
                        found,
                    )
                    .expect(sum.normalize().to_string())
                    .related(below.iter().map(|(c, _)| loc(ctx, e, *c)).collect()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::check::sipd::testing::{one_pair, with};
    use crate::check::testing::{assert_finding, findings, one, Sheet};

    /// The export with the office's `PAGU AKAS` in E, filled on its own levels.
    fn with_plan() -> Sheet {
        let plan = [
            "PAGU AKAS",
            "2400000",
            "2400000",
            "2400000",
            "2400000",
            "2400000",
            "1600000",
            "",
            "",
            "",
            "",
            "",
            "",
            "800000",
            "",
            "",
            "",
            "2400000",
        ];
        let mut sheet = one_pair();
        for (row, v) in sheet.rows.iter_mut().zip(plan) {
            row.push(v);
        }
        sheet
    }

    #[test]
    fn a_plan_typed_on_the_accounts() {
        let sheet = with(
            with(with(with_plan(), "E7", ""), "E10", "1000000"),
            "E11",
            "600000",
        );
        let f = one(findings(&RULE, &[sheet]));
        assert_finding(&f, "SPD005", "Rekap!E7", "", Some("1600000"));
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(related, ["E10", "E11"]);
    }

    #[test]
    fn quiet_on_a_plan_on_its_own_levels() {
        assert_eq!(findings(&RULE, &[with_plan()]), Vec::new());
    }
}
