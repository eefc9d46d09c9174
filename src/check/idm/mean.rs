//! SUM001: see `mean.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "SUM001",
    name: "idm-mean",
    severity: Severity::Error,
    title: "An IDM value is not the mean of IKS, IKE and IKL",
    judul: "Nilai IDM tidak sama dengan rata-rata IKS, IKE, dan IKL",
    doc: include_str!("mean.md"),
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
