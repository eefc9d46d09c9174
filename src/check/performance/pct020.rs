//! PCT020 capaian: the stated capaian follows from the target and the realisation.

use super::{loc, plain};
use crate::cell::CellRef;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::compare::at_precision;
use crate::finding::{Correction, Finding, Message, NewValue, Safety, Severity};
use crate::model::performance::{Achievement, Measure, Polarity, PolarityFrom};
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
        let Some(judged) = a.judged_capaian() else {
            continue;
        };
        if judged.accepts(s, stated.decimals) {
            continue;
        }
        let (Some(t), Some(r)) = (&a.target, &a.realisasi) else {
            continue;
        };
        let computed = judged.value;
        let expected = at_precision(computed, stated.decimals);
        let (formula_id, formula_en) = polarity_words(judged.polarity);
        let shown =
            |v: Decimal| crate::words::format_decimal(at_precision(v, stated.decimals.max(2)));
        let shown_en = |v: Decimal| plain(at_precision(v, stated.decimals.max(2)));
        // The target as the formula used it: a range's nearer end named.
        let (target_id, target_en) = match t.range {
            Some(_) => (
                format!(
                    "target {} (dipakai {})",
                    t.written(),
                    crate::words::format_decimal(judged.target)
                ),
                format!("target {} ({} used)", t.written(), plain(judged.target)),
            ),
            None => (
                format!("target {}", crate::words::format_decimal(judged.target)),
                format!("target {}", plain(judged.target)),
            ),
        };
        let realisasi = r.value.unwrap_or_default();
        let message = if judged.computed_the_wrong_way(s, stated.decimals) {
            let (wrong_id, _) = polarity_words(judged.polarity.other());
            let (why_id, why_en) = polarity_reason(a);
            Message::new(
                format!(
                    "capaian indikator \"{}\" tertulis {} %, dihitung dengan rumus {wrong_id}; padahal {why_id}, sehingga capaian = {formula_id} = {} ({target_id}, realisasi {})",
                    a.indikator,
                    crate::words::format_decimal(s),
                    shown(computed),
                    crate::words::format_decimal(realisasi),
                ),
                format!(
                    "the capaian of indicator \"{}\" is stated as {} %, computed the other way round; {why_en}, so the capaian is {formula_en} = {} ({target_en}, realisasi {})",
                    a.indikator,
                    plain(s),
                    shown_en(computed),
                    plain(realisasi),
                ),
            )
        } else {
            Message::new(
                format!(
                    "capaian indikator \"{}\" tertulis {} %, padahal {} = {} ({target_id}, realisasi {})",
                    a.indikator,
                    crate::words::format_decimal(s),
                    formula_id,
                    shown(computed),
                    crate::words::format_decimal(realisasi),
                ),
                format!(
                    "the capaian of indicator \"{}\" is stated as {} %, but {} = {} ({target_en}, realisasi {})",
                    a.indikator,
                    plain(s),
                    formula_en,
                    shown_en(computed),
                    plain(realisasi),
                ),
            )
        };
        let fix = capaian_fix(a, t, r, computed, judged.polarity, stated);
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

/// Why the row's polarity is what it is, for a capaian computed the other way.
fn polarity_reason(a: &Achievement) -> (String, String) {
    let direction = |p: Polarity| match p {
        Polarity::Positive => ("semakin tinggi semakin baik", "higher is better"),
        Polarity::Negative => ("semakin rendah semakin baik", "lower is better"),
    };
    let (dir_id, dir_en) = direction(a.polarity);
    match a.polarity_from {
        PolarityFrom::Stated => {
            let said = a.polaritas.as_ref().map_or("", |p| p.text.as_str());
            (
                format!("POLARITAS-nya \"{said}\" ({dir_id})"),
                format!("its POLARITAS says \"{said}\" ({dir_en})"),
            )
        }
        PolarityFrom::Name(word) => (
            format!("nama indikatornya memuat \"{word}\" ({dir_id})"),
            format!("its name speaks of \"{word}\" ({dir_en})"),
        ),
        PolarityFrom::Target => (
            format!("targetnya batas atas ({dir_id})"),
            format!("its target is an upper bound ({dir_en})"),
        ),
        PolarityFrom::Nothing => (dir_id.to_string(), dir_en.to_string()),
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
    polarity: Polarity,
    stated: &Figure,
) -> Correction {
    let scale = if a.capaian_ratio {
        Decimal::ONE_HUNDRED
    } else {
        Decimal::ONE
    };
    // A formula only over a target that is a plain number cell (a range's nearer
    // end is no cell).
    let value = if t.is_number_cell && r.is_number_cell && t.range.is_none() {
        NewValue::Formula {
            formula: capaian_formula(t.at(), r.at(), polarity, a.capaian_ratio),
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
    use crate::finding::Finding;

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

    /// The findings of PCT020 on an achievement table with these rows under
    /// INDIKATOR KINERJA | TARGET | REALISASI | CAPAIAN (%).
    fn on(rows: &[&'static [&'static str]]) -> Vec<Finding> {
        use crate::check::testing::{findings, sheet};
        let mut all: Vec<&[&str]> =
            vec![&["INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN (%)"]];
        all.extend(rows.iter().copied());
        findings(&RULE, &[sheet("Capaian", &all)])
    }

    #[test]
    fn a_lower_is_better_capaian_computed_as_higher_is_better_is_found() {
        let found = on(&[
            // Right: (16 − (12 − 16)) / 16 = 125.
            &["Prevalensi stunting", "16", "12", "125"],
            // Wrong: computed 12 / 16 = 75, the formula of higher is better.
            &["Angka kematian bayi", "16", "12", "75"],
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        let f = &found[0];
        assert_finding(f, "PCT020", "Capaian!D3", "75", Some("125"));
        assert_eq!(
            f.message.en,
            "the capaian of indicator \"Angka kematian bayi\" is stated as 75 %, computed the other way round; its name speaks of \"angka kematian\" (lower is better), so the capaian is (target − (realisasi − target)) / target × 100 = 125 (target 16, realisasi 12)"
        );
        match &f.fix[0].value {
            NewValue::Formula { formula, .. } => assert_eq!(formula, "(2*B3-C3)/B3*100"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_stated_polarity_decides() {
        use crate::check::testing::{findings, sheet};
        let rows: &[&[&str]] = &[
            &[
                "INDIKATOR KINERJA",
                "POLARITAS",
                "TARGET",
                "REALISASI",
                "CAPAIAN (%)",
            ],
            &["Indeks kepuasan", "Negatif", "80", "60", "125"],
            &["Indeks layanan", "Positif", "80", "60", "125"],
        ];
        let found = findings(&RULE, &[sheet("Capaian", rows)]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_finding(&found[0], "PCT020", "Capaian!E3", "125", Some("75"));
        assert!(found[0]
            .message
            .en
            .contains("its POLARITAS says \"Positif\" (higher is better)"));
    }

    #[test]
    fn targets_with_units_grades_ranges_and_bounds() {
        let quiet = on(&[
            &["Nilai SAKIP", "70 (BB)", "72", "102.86"],
            &["Dokumen perencanaan", "24 Dokumen", "24", "100"],
            &["Panjang jalan", "2,57 km", "2.57", "100"],
            &["Persentase layanan", "55 %", "55", "100"],
            &["Pengaduan selesai", "80 - 90", "92", "102.22"],
            &["Pengaduan dijawab", "80 - 90", "85", "100"],
            &["Cakupan layanan", "≥ 80", "85", "106.25"],
            // An upper bound: lower is better, (2 × 5 − 4) / 5.
            &["Hari proses izin", "maks 5", "4", "120"],
        ]);
        assert_eq!(quiet, vec![]);
        let found = on(&[&["Pengaduan selesai", "80 - 90", "70", "77.78"]]);
        assert_eq!(found.len(), 1, "{found:?}");
        // Below the range: its lower end, 70 / 80.
        assert_finding(&found[0], "PCT020", "Capaian!D2", "77.78", Some("87.5"));
        assert!(found[0]
            .message
            .en
            .contains("(target 80 - 90 (80 used), realisasi 70)"));
        assert_eq!(
            found[0].fix[0].value,
            NewValue::Number(rust_decimal::Decimal::new(875, 1))
        );
    }
}
