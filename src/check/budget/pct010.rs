//! PCT010: a budget realisation percentage is not realisasi / pagu × 100.

use super::format::{en_dec, en_num, id_dec, id_num, plain, short};
use super::{lines, LineRole};
use crate::cell::CellRef;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::compare::{agrees, at_precision};
use crate::finding::{Correction, Finding, Message, NewValue, Safety, Severity};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "PCT010",
    name: "budget-percent",
    severity: Severity::Error,
    title: "A budget realisation percentage is not realisasi / pagu × 100",
    judul: "Persentase realisasi anggaran tidak sama dengan realisasi / pagu × 100",
    doc: include_str!("pct010.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let b = &ctx.model.budget;
    for real in &b.realisations {
        for (line, program) in lines(real) {
            let (Some(pagu), Some(pct)) = (line.pagu.as_ref(), line.persen.as_ref()) else {
                continue;
            };
            // A nested table's sums are the structure family's, and so are its
            // percentages when it reads them (STR004).
            if !real.sums_judged_here()
                && (ctx.structure.judges_ratios(real.table, pct.at.col)
                    || ctx.structure.covers(real.table, pct.at))
            {
                continue;
            }
            let (Some(p), Some(stated)) = (pagu.value, pct.value) else {
                continue;
            };
            if ctx.budget.roots.covers(real.table, pct.at) {
                // It follows from a wrong figure reported at its root.
                continue;
            }
            let r = match &line.realisasi {
                Some(f) => match f.value {
                    Some(r) => r,
                    None => continue,
                },
                None => Decimal::ZERO,
            };
            if p.is_zero() {
                continue;
            }
            let computed = r / p * Decimal::ONE_HUNDRED;
            if agrees(stated, pct.decimals, computed) {
                continue;
            }
            let realisasi_cell = line
                .realisasi
                .as_ref()
                .map(|f| f.at)
                .unwrap_or(CellRef::new(line.row, pagu.at.col + 1));
            let (formula, fix_value, expected) = if line.persen_ratio {
                let ratio = (computed / Decimal::ONE_HUNDRED).round_dp(12).normalize();
                (
                    format!("{realisasi_cell}/{}", pagu.at),
                    ratio,
                    plain(at_precision(
                        computed / Decimal::ONE_HUNDRED,
                        pct.decimals + 2,
                    )),
                )
            } else {
                (
                    format!("{realisasi_cell}/{}*100", pagu.at),
                    computed.round_dp(12).normalize(),
                    plain(at_precision(computed, pct.decimals)),
                )
            };
            let (whose, whose_en) = match program {
                LineRole::Kegiatan => (
                    format!("kegiatan «{}»", short(&line.name)),
                    format!("kegiatan «{}»", short(&line.name)),
                ),
                LineRole::Program(p) => (
                    format!("program «{}»", short(&p.name)),
                    format!("program «{}»", short(&p.name)),
                ),
                LineRole::Total => (
                    format!("baris «{}»", short(&line.name)),
                    format!("row «{}»", short(&line.name)),
                ),
            };
            let shown = at_precision(computed, pct.decimals.max(2));
            let message =
                Message::new(
                    format!(
                        "persentase {whose} tertulis {}, padahal realisasi {} / pagu {} × 100 = {}",
                        pct.written.trim(),
                        id_num(r),
                        id_num(p),
                        id_dec(shown, pct.decimals.max(2))
                    ),
                    format!(
                    "the percentage of {whose_en} reads {}, but realisasi {} / pagu {} × 100 = {}",
                    pct.written.trim(), en_num(r), en_num(p), en_dec(shown, pct.decimals.max(2))
                ),
                );
            let mut related = vec![ctx.model.loc(real.table, pagu.at)];
            if let Some(f) = &line.realisasi {
                related.push(ctx.model.loc(real.table, f.at));
            }
            out.push(
                rule.finding(
                    ctx.model.loc(real.table, pct.at),
                    message,
                    pct.written.clone(),
                )
                .expect(expected)
                .related(related)
                .fix(vec![Correction {
                    cell: pct.at,
                    value: NewValue::Formula {
                        formula,
                        value: fix_value,
                    },
                    safety: Safety::Safe,
                }]),
            );
        }
    }
    for root in &ctx.budget.roots.roots {
        if root.whole.is_none() {
            out.push(super::roots::finding(rule, ctx, root));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::RULE;
    use crate::check::testing::{assert_finding, one};

    #[test]
    fn a_percentage_that_is_not_realisasi_over_pagu() {
        let kegiatan = line(
            "Fasilitasi Kunjungan Tamu",
            fig("B17", 8_220_000),
            Some(fig("C17", 6_720_000)),
            Some(fig("D17", 85)),
        );
        let right = line(
            "Penyediaan Bahan Logistik",
            fig("B18", 1_000_000),
            Some(fig("C18", 990_000)),
            Some(fig("D18", 99)),
        );
        let budgets =
            Budgets::new().realisation(vec![program("P", 15, vec![kegiatan, right])], vec![]);
        let found = budgets.check(&RULE);
        let f = one(found);
        assert_finding(&f, "PCT010", "Tabel 3.4!D17", "85", Some("82"));
    }
}
