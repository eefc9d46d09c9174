//! SPD001 total-column: an office's total column is not the sum of the row's kelompok.

use super::{derived, loc, money, named};
use crate::cell::CellRef;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Correction, Finding, Message, Safety, Severity};
use crate::model::sipd::sum_of;

pub const RULE: Rule = Rule {
    code: "SPD001",
    name: "total-column",
    severity: Severity::Error,
    title: "A SIPD export's total column is not the sum of the row's kelompok belanja",
    judul: "Kolom total ekspor SIPD bukan jumlah kelompok belanja pada barisnya",
    doc: include_str!("spd001.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let tol = ctx.cfg.tolerances.money;
    for e in &ctx.model.sipd.exports {
        if e.total.is_none() {
            continue;
        }
        for l in &e.lines {
            let sides = [
                (
                    &l.total_anggaran,
                    &l.anggaran,
                    e.pairs.iter().map(|p| p.anggaran).collect::<Vec<_>>(),
                    "anggaran",
                    "anggaran",
                ),
                (
                    &l.total_realisasi,
                    &l.realisasi,
                    e.pairs.iter().map(|p| p.realisasi).collect(),
                    "realisasi",
                    "realisation",
                ),
            ];
            for (stated, figures, cols, id_what, en_what) in sides {
                let Some(stated) = stated.as_ref() else {
                    continue;
                };
                let (Some(found), Some(sum)) = (stated.value, sum_of(figures)) else {
                    continue;
                };
                if (found - sum).abs() <= tol {
                    continue;
                }
                let parts: Vec<CellRef> = cols
                    .into_iter()
                    .flatten()
                    .map(|c| CellRef::new(l.row, c))
                    .collect();
                let (who_id, who_en) = named(l);
                let (f_id, f_en) = money(found);
                let (s_id, s_en) = money(sum);
                let message = Message::new(
                    format!("kolom total {id_what} {who_id} tertulis {f_id}, padahal jumlah kelompok belanjanya {s_id}"),
                    format!("the total {en_what} column of {who_en} reads {f_en}, but its kelompok belanja add up to {s_en}"),
                );
                let formula = parts
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join("+");
                let value = derived(ctx, e, stated.at, sum, formula, &parts);
                out.push(
                    rule.finding(loc(ctx, e, stated.at), message, stated.written.clone())
                        .expect(sum.normalize().to_string())
                        .related(parts.iter().map(|&c| loc(ctx, e, c)).collect())
                        .fix(vec![Correction {
                            cell: stated.at,
                            value,
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
    use crate::finding::NewValue;
    use rust_decimal_macros::dec;

    #[test]
    fn a_total_column_typed_over() {
        let f = one(findings(&RULE, &[with(kelompok(true), "G8", "2500000")]));
        assert_finding(&f, "SPD001", "Rekap!G8", "2500000", Some("2000000"));
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(related, ["C8", "E8"]);
        assert_eq!(f.fix.len(), 1);
        assert_eq!(f.fix[0].value, NewValue::Number(dec!(2000000)));
    }

    #[test]
    fn quiet_on_a_clean_export() {
        assert_eq!(findings(&RULE, &[kelompok(true)]), Vec::new());
    }
}
