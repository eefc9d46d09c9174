//! SUM001: see `sum001.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "SUM001",
    name: "idm-mean",
    severity: Severity::Error,
    title: "An IDM value is not the mean of IKS, IKE and IKL",
    judul: "Nilai IDM tidak sama dengan rata-rata IKS, IKE, dan IKL",
    doc: include_str!("sum001.md"),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for vt in &m.idm.villages {
        let p = profile_of(ctx, vt);
        for (i, v) in vt.villages.iter().enumerate() {
            let Some((expected, d)) = ctx.villages.corrected(vt.table, i) else {
                continue;
            };
            let (Some(total), Some(parts)) = (&v.total, components_in_range(v, &p)) else {
                continue;
            };
            let value = if parts.iter().any(|(f, _)| f.stored_as_text) {
                NewValue::Number(expected)
            } else {
                let cells: Vec<CellRef> = parts.iter().map(|(f, _)| f.at).collect();
                NewValue::Formula {
                    formula: total_formula(&p, &cells, d),
                    value: expected,
                }
            };
            // `IKS 0,7 , IKE 0,6, dan IKL 0,8`: the components as listed.
            let listed = |en: bool| {
                let items: Vec<String> = p
                    .components
                    .iter()
                    .zip(&parts)
                    .map(|(c, (f, x))| {
                        let shown = if en {
                            x.normalize().to_string()
                        } else {
                            angka_of(f)
                        };
                        format!("{} {shown}", c.code)
                    })
                    .collect();
                match items.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        let and = if en { " and " } else { ", dan " };
                        format!("{}{and}{last}", rest.join(", "))
                    }
                    _ => items.join(", "),
                }
            };
            let (how_id, how_en) = match p.derivation {
                Derivation::Points => (
                    format!(
                        "jumlah skor {} dibagi {} dikali 100",
                        listed(false),
                        angka(p.components.iter().map(|c| c.max).sum(), None)
                    ),
                    format!(
                        "the sum of {} over {} times 100",
                        listed(true),
                        p.components
                            .iter()
                            .map(|c| c.max)
                            .sum::<Decimal>()
                            .normalize()
                    ),
                ),
                _ => (
                    format!("rata-rata {}", listed(false)),
                    format!("the mean of {}", listed(true)),
                ),
            };
            let message = Message::new(
                format!(
                    "{} desa {} tertulis {}, padahal {how_id} adalah {}",
                    p.name,
                    village_label(v),
                    total.written,
                    angka(expected, Some(d))
                ),
                format!(
                    "the {} of village {} is {}, but {how_en} is {}",
                    p.name,
                    village_label(v),
                    total.written,
                    expected
                ),
            );
            out.push(
                rule.finding(m.loc(vt.table, total.at), message, total.written.clone())
                    .expect(expected.to_string())
                    .related(parts.iter().map(|(f, _)| m.loc(vt.table, f.at)).collect())
                    .fix(vec![Correction {
                        cell: total.at,
                        value,
                        safety: Safety::Safe,
                    }]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{run, village_with_codes};
    use super::*;

    fn figure(col: u32, written: &str) -> Option<Figure> {
        let value: Decimal = written.parse().unwrap();
        Some(Figure {
            at: CellRef::new(1, col),
            value: Some(value),
            written: written.into(),
            decimals: value.scale(),
            stored_as_text: false,
            mark: None,
            dash: false,
            problem: None,
        })
    }

    fn village(values: [&str; 4]) -> Village {
        let mut v = village_with_codes(["1808032001", "1808032", "1808", "18"]);
        v.components = vec![
            figure(6, values[0]),
            figure(7, values[1]),
            figure(8, values[2]),
        ];
        v.total = figure(9, values[3]);
        v
    }

    /// The ministry's figures of BONGLAI 2023, as published and rounded to 4
    /// decimals separately: the mean holds at the IDM's written precision.
    #[test]
    fn the_ministrys_precision_holds_as_published_and_rounded() {
        let full = [
            "0.77714285714286",
            "0.58333333333333",
            "0.86666666666667",
            "0.74238095238095",
        ];
        assert!(run(&RULE, vec![village(full)]).is_empty());
        let four = ["0.7771", "0.5833", "0.8667", "0.7424"];
        assert!(run(&RULE, vec![village(four)]).is_empty());
        // Full-precision IDM beside 4-decimal components, and the reverse.
        let mixed = ["0.7771", "0.5833", "0.8667", "0.74238095238095"];
        assert!(run(&RULE, vec![village(mixed)]).is_empty());
        let wrong = ["0.7771", "0.5833", "0.8667", "0.7426"];
        let found = run(&RULE, vec![village(wrong)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].expected.as_deref(), Some("0.7424"));
        assert_eq!(found[0].loc.cell.to_string(), "J2");
    }
}
