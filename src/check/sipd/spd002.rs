//! SPD002 kelompok-percent: an office's `%` is not the kelompok's realisasi over
//! their anggaran.

use super::{derived, loc, named};
use crate::cell::CellRef;
use crate::check::budget::format::{en_dec, id_dec, plain};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::compare::{agrees, at_precision};
use crate::finding::{Correction, Finding, Message, Safety, Severity};
use crate::model::sipd::{sum_of, Export};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "SPD002",
    name: "kelompok-percent",
    severity: Severity::Error,
    title: "A SIPD export's % is not the row's realisasi over its anggaran, over the kelompok",
    judul: "Persentase ekspor SIPD bukan realisasi dibagi anggaran seluruh kelompok belanja pada barisnya",
    doc: include_str!("spd002.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

/// The realisation % of row `i` over the kelompok's sums.
fn computed(e: &Export, i: usize) -> Option<Decimal> {
    let l = &e.lines[i];
    let (a, r) = (sum_of(&l.anggaran)?, sum_of(&l.realisasi)?);
    (!a.is_zero()).then(|| r / a * Decimal::ONE_HUNDRED)
}

/// Whether most rows show column `k` of the percentages to be one pair's ratio
/// rather than the kelompok's: then it is a percentage of two columns.
fn one_pairs(e: &Export, k: usize) -> bool {
    let (mut pair, mut sums) = (0, 0);
    for (i, l) in e.lines.iter().enumerate() {
        let Some(stated) = l.percents[k].as_ref() else {
            continue;
        };
        let Some(v) = stated.value else { continue };
        if computed(e, i).is_some_and(|c| agrees(v, stated.decimals, c)) {
            sums += 1;
        }
        let of_a_pair = l.anggaran.iter().zip(&l.realisasi).any(|(a, r)| {
            let a = a.as_ref().and_then(|f| f.value).unwrap_or_default();
            let r = r.as_ref().and_then(|f| f.value).unwrap_or_default();
            !a.is_zero() && agrees(v, stated.decimals, r / a * Decimal::ONE_HUNDRED)
        });
        if of_a_pair {
            pair += 1;
        }
    }
    pair > sums
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for e in &ctx.model.sipd.exports {
        if e.total.is_some() || e.pairs.len() < 2 {
            continue;
        }
        for (k, _) in e.percents.iter().enumerate() {
            if one_pairs(e, k) {
                continue;
            }
            for (i, l) in e.lines.iter().enumerate() {
                let Some(stated) = l.percents[k].as_ref() else {
                    continue;
                };
                let (Some(found), Some(c)) = (stated.value, computed(e, i)) else {
                    continue;
                };
                if agrees(found, stated.decimals, c) {
                    continue;
                }
                let anggaran: Vec<CellRef> = e
                    .pairs
                    .iter()
                    .filter_map(|p| p.anggaran)
                    .map(|c| CellRef::new(l.row, c))
                    .collect();
                let realisasi: Vec<CellRef> = e
                    .pairs
                    .iter()
                    .filter_map(|p| p.realisasi)
                    .map(|c| CellRef::new(l.row, c))
                    .collect();
                let join = |cells: &[CellRef]| {
                    cells
                        .iter()
                        .map(|c| c.to_string())
                        .collect::<Vec<_>>()
                        .join("+")
                };
                // A cell holding a ratio shown as a percentage keeps holding one.
                let ratio = super::sheet(ctx, e)
                    .and_then(|s| s.cell(stated.at))
                    .is_some_and(|x| x.percent_format);
                let (formula, value) = if ratio {
                    (
                        format!("({})/({})", join(&realisasi), join(&anggaran)),
                        (c / Decimal::ONE_HUNDRED).round_dp(12).normalize(),
                    )
                } else {
                    (
                        format!("({})/({})*100", join(&realisasi), join(&anggaran)),
                        c.round_dp(12).normalize(),
                    )
                };
                let parts: Vec<CellRef> = realisasi.iter().chain(&anggaran).copied().collect();
                let shown = at_precision(c, stated.decimals.max(2));
                let (who_id, who_en) = named(l);
                let message = Message::new(
                    format!("persentase {who_id} tertulis {}, padahal realisasi seluruh kelompok belanja dibagi anggarannya × 100 = {}", stated.written.trim(), id_dec(shown, stated.decimals.max(2))),
                    format!("the percentage of {who_en} reads {}, but the realisation of every kelompok belanja over their anggaran × 100 = {}", stated.written.trim(), en_dec(shown, stated.decimals.max(2))),
                );
                out.push(
                    rule.finding(loc(ctx, e, stated.at), message, stated.written.clone())
                        .expect(plain(at_precision(c, stated.decimals)))
                        .related(parts.iter().map(|&c| loc(ctx, e, c)).collect())
                        .fix(vec![Correction {
                            cell: stated.at,
                            value: derived(ctx, e, stated.at, value, formula, &parts),
                            safety: Safety::Safe,
                        }]),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::check::sipd::testing::{kelompok, with};
    use crate::check::testing::{assert_finding, findings, one};

    #[test]
    fn a_percentage_of_the_kelompok_typed_wrong() {
        let f = one(findings(&RULE, &[with(kelompok(false), "G6", "80")]));
        assert_finding(&f, "SPD002", "Rekap!G6", "80", Some("40"));
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(related, ["D6", "F6", "C6", "E6"]);
    }

    #[test]
    fn quiet_on_a_clean_export_and_beside_total_columns() {
        assert_eq!(findings(&RULE, &[kelompok(false)]), Vec::new());
        assert_eq!(
            findings(&RULE, &[with(kelompok(true), "I6", "80")]),
            Vec::new()
        );
    }
}
