//! THR001: see `thr001.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "THR001",
    name: "idm-status",
    severity: Severity::Error,
    title: "A village's status does not match the band of its index value",
    judul: "Status desa tidak sesuai rentang nilai indeksnya",
    doc: include_str!("thr001.md"),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for vt in &m.idm.villages {
        let p = profile_of(ctx, vt);
        for (i, v) in vt.villages.iter().enumerate() {
            let (Some(idm), Some(st)) = (&v.total, &v.status) else {
                continue;
            };
            // Judged against the IDM SUM001 will write where the one written is not
            // the mean of its components: a right status beside a mistyped IDM stays.
            let corrected = ctx.villages.corrected(vt.table, i).map(|(x, _)| x);
            let Some(x) = corrected.or(idm.value) else {
                continue;
            };
            let Some(band) = p.band_of(x) else {
                continue;
            };
            if v.status_band.as_deref() == Some(band.label.as_str()) {
                continue;
            }
            let (range_id, range_en) = band_range(band);
            let message = Message::new(
                format!(
                    "status desa {} tertulis {}, padahal {} {} termasuk {} ({range_id})",
                    village_label(v),
                    st.text,
                    p.name,
                    corrected.map_or_else(|| angka_of(idm), |x| angka(x, None)),
                    band.label
                ),
                format!(
                    "village {} has status {}, but {} {} is in band {} ({range_en})",
                    village_label(v),
                    st.text,
                    p.name,
                    x.normalize(),
                    band.label
                ),
            );
            out.push(
                rule.finding(m.loc(vt.table, st.at), message, st.text.to_string())
                    .expect(band.label.clone())
                    .related(vec![m.loc(vt.table, idm.at)])
                    .fix(vec![Correction {
                        cell: st.at,
                        value: NewValue::Text(band.label.clone()),
                        safety: Safety::Safe,
                    }]),
            );
        }
    }
}
