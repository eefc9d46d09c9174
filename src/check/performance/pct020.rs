//! PCT020 capaian: the stated capaian follows from the target and the realisation.

use super::{loc, plain};
use crate::cell::CellRef;
use crate::check::compare::{agrees, at_precision};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Correction, Finding, Message, NewValue, Safety, Severity};
use crate::model::performance::{Achievement, Measure, Polarity};
use crate::model::Figure;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "PCT020",
    name: "capaian",
    severity: Severity::Error,
    title: "An indicator's capaian does not follow from its target and realisation",
    judul: "Capaian indikator tidak sesuai target dan realisasinya",
    doc: include_str!("pct020.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for a in &ctx.model.performance.achievements {
        let Some(stated) = &a.capaian else { continue };
        let Some(s) = stated.value else { continue };
        let Some(computed) = a.computed_capaian() else {
            continue;
        };
        if agrees(s, stated.decimals, computed) {
            continue;
        }
        let (Some(t), Some(r)) = (&a.target, &a.realisasi) else {
            continue;
        };
        let expected = at_precision(computed, stated.decimals);
        let (formula_id, formula_en) = polarity_words(a.polarity);
        let message = Message::new(
            format!(
                "capaian indikator \"{}\" tertulis {} %, padahal {} = {} (target {}, realisasi {})",
                a.indikator,
                crate::words::format_decimal(s),
                formula_id,
                crate::words::format_decimal(at_precision(computed, stated.decimals.max(2))),
                crate::words::format_decimal(t.value.unwrap_or_default()),
                crate::words::format_decimal(r.value.unwrap_or_default()),
            ),
            format!(
                "the capaian of indicator \"{}\" is stated as {} %, but {} = {} (target {}, realisasi {})",
                a.indikator,
                plain(s),
                formula_en,
                plain(at_precision(computed, stated.decimals.max(2))),
                plain(t.value.unwrap_or_default()),
                plain(r.value.unwrap_or_default()),
            ),
        );
        let fix = capaian_fix(a, t, r, computed, stated);
        out.push(
            rule.finding(
                loc(ctx, a.table, stated.at),
                message,
                stated.written.clone(),
            )
            .expect(plain(expected))
            .related(vec![loc(ctx, a.table, t.at()), loc(ctx, a.table, r.at())])
            .fix(vec![fix]),
        );
    }
}

fn polarity_words(p: Polarity) -> (&'static str, &'static str) {
    match p {
        Polarity::Positive => ("realisasi / target × 100", "realisasi / target × 100"),
        Polarity::Negative => (
            "(target − (realisasi − target)) / target × 100",
            "(target − (realisasi − target)) / target × 100",
        ),
    }
}

/// The capaian formula of a row: `F5/E5*100`, `(2*E5-F5)/E5*100`, without `*100`
/// for a cell that stores ratios.
fn capaian_formula(target: CellRef, realisasi: CellRef, polarity: Polarity, ratio: bool) -> String {
    let base = match polarity {
        Polarity::Positive => format!("{realisasi}/{target}"),
        Polarity::Negative => format!("(2*{target}-{realisasi})/{target}"),
    };
    if ratio {
        base
    } else {
        format!("{base}*100")
    }
}

fn capaian_fix(
    a: &Achievement,
    t: &Measure,
    r: &Measure,
    computed: Decimal,
    stated: &Figure,
) -> Correction {
    let scale = if a.capaian_ratio {
        Decimal::ONE_HUNDRED
    } else {
        Decimal::ONE
    };
    let value = if t.is_number_cell && r.is_number_cell {
        NewValue::Formula {
            formula: capaian_formula(t.at(), r.at(), a.polarity, a.capaian_ratio),
            value: (computed / scale).normalize(),
        }
    } else {
        NewValue::Number((at_precision(computed, stated.decimals) / scale).normalize())
    };
    Correction {
        cell: stated.at,
        value,
        safety: Safety::Safe,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::assert_finding;

    #[test]
    fn capaian_formulas() {
        let (e5, f5) = (CellRef::new(4, 4), CellRef::new(4, 5));
        assert_eq!(
            capaian_formula(e5, f5, Polarity::Positive, false),
            "F5/E5*100"
        );
        assert_eq!(
            capaian_formula(e5, f5, Polarity::Negative, false),
            "(2*E5-F5)/E5*100"
        );
        assert_eq!(capaian_formula(e5, f5, Polarity::Positive, true), "F5/E5");
        assert_eq!(
            capaian_formula(e5, f5, Polarity::Negative, true),
            "(2*E5-F5)/E5"
        );
    }

    #[test]
    fn a_capaian_unlike_realisasi_over_target() {
        let f = &super::super::tables::only_in_achievements(
            &RULE,
            &[
                &[
                    "Nilai SAKIP Dinas PMK",
                    "66.16",
                    "67.02",
                    "98.5",
                    "Baik Sekali",
                ],
                &["Nilai IKE", "0.6333", "0.6512", "102.83", "Baik Sekali"],
            ],
        );
        assert_finding(f, "PCT020", "Tabel 3.2!D2", "98.5", Some("101.3"));
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(related, vec!["B2", "C2"]);
        match &f.fix[0].value {
            NewValue::Formula { formula, .. } => assert_eq!(formula, "C2/B2*100"),
            other => panic!("{other:?}"),
        }
    }
}
