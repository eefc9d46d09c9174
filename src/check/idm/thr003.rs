//! THR003: see `thr003.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "THR003",
    name: "status-unknown",
    severity: Severity::Error,
    title: "A village's status names no status of its index",
    judul: "Status desa tidak dikenal dalam status indeksnya",
    doc: include_str!("thr003.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for vt in &m.idm.villages {
        let p = profile_of(ctx, vt);
        for v in &vt.villages {
            let Some(st) = &v.status else { continue };
            // A total in its scale tells the status: THR001 reports the word there.
            if v.status_band.is_some() || v.band_label_by_value(&p).is_some() {
                continue;
            }
            let known = p
                .bands
                .bands
                .iter()
                .map(|b| b.label.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let message = Message::new(
                format!(
                    "status desa {} tertulis {}, yang bukan status {} ({known}); nilainya tidak dapat menentukan status",
                    village_label(v),
                    st.text,
                    p.name
                ),
                format!(
                    "village {} has status {}, which is no {} status ({known}), and its value cannot tell one",
                    village_label(v),
                    st.text,
                    p.name
                ),
            );
            out.push(rule.finding(m.loc(vt.table, st.at), message, st.text.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, only, sheet};

    const HEADER: &[&str] = &["KECAMATAN", "DESA", "NILAI ID", "STATUS ID"];

    #[test]
    fn a_status_word_no_band_names_without_a_value() {
        let f = only(
            &RULE,
            &[sheet(
                "Desa",
                &[
                    HEADER,
                    &["BANJIT", "BONGLAI", "", "MANDRI"],
                    &["BANJIT", "BALI SADAR", "65.10", "BERKEMBANG"],
                ],
            )],
        );
        assert_finding(&f, "THR003", "Desa!D2", "MANDRI", None);
    }

    #[test]
    fn with_a_value_the_status_rule_speaks() {
        let rows: &[&[&str]] = &[HEADER, &["BANJIT", "BONGLAI", "85.10", "MANDRI"]];
        assert!(findings(&RULE, &[sheet("Desa", rows)]).is_empty());
        let status = &super::super::thr001::RULE;
        let f = only(status, &[sheet("Desa", rows)]);
        assert_finding(&f, status.code, "Desa!D2", "MANDRI", Some("MANDIRI"));
    }
}
