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
        for v in &vt.villages {
            let Some((expected, d)) = idm_by_components(v) else {
                continue;
            };
            let (Some(idm), Some(iks), Some(ike), Some(ikl)) = (&v.idm, &v.iks, &v.ike, &v.ikl)
            else {
                continue;
            };
            let (a, b, c) = (
                iks.value.unwrap_or_default(),
                ike.value.unwrap_or_default(),
                ikl.value.unwrap_or_default(),
            );
            let value = if [iks, ike, ikl].iter().any(|f| f.stored_as_text) {
                NewValue::Number(expected)
            } else {
                NewValue::Formula {
                    formula: format!("ROUND(({}+{}+{})/3,{d})", iks.at, ike.at, ikl.at),
                    value: expected,
                }
            };
            let message = Message::new(
                format!(
                    "IDM desa {} tertulis {}, padahal rata-rata IKS {}, IKE {}, dan IKL {} adalah {}",
                    village_label(v),
                    idm.written,
                    angka_of(iks),
                    angka_of(ike),
                    angka_of(ikl),
                    angka(expected, Some(d))
                ),
                format!(
                    "the IDM of village {} is {}, but the mean of IKS {}, IKE {} and IKL {} is {}",
                    village_label(v),
                    idm.written,
                    a.normalize(),
                    b.normalize(),
                    c.normalize(),
                    expected
                ),
            );
            out.push(
                rule.finding(m.loc(vt.table, idm.at), message, idm.written.clone())
                    .expect(expected.to_string())
                    .related(vec![
                        m.loc(vt.table, iks.at),
                        m.loc(vt.table, ike.at),
                        m.loc(vt.table, ikl.at),
                    ])
                    .fix(vec![Correction {
                        cell: idm.at,
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
        v.iks = figure(6, values[0]);
        v.ike = figure(7, values[1]);
        v.ikl = figure(8, values[2]);
        v.idm = figure(9, values[3]);
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
