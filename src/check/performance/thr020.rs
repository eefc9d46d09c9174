//! THR020 kategori: the category is the capaian scale's band of the capaian.

use super::{capaian_basis, loc, plain};
use crate::check::compare::at_precision;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Correction, Finding, Message, NewValue, Safety, Severity};

pub const RULE: Rule = Rule {
    code: "THR020",
    name: "kategori",
    severity: Severity::Error,
    title: "A capaian category does not match the capaian scale",
    judul: "Kategori capaian tidak sesuai skala pengukuran",
    doc: include_str!("thr020.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let scale = &ctx.cfg.capaian;
    for a in &ctx.model.performance.achievements {
        let Some(k) = &a.kategori else { continue };
        let Some(named) = scale.band_named(&k.text) else {
            continue;
        };
        let Some(basis) = capaian_basis(a) else {
            continue;
        };
        let Some(band) = scale.classify(basis) else {
            continue;
        };
        if std::ptr::eq(named, band) {
            continue;
        }
        let message = Message::new(
            format!(
                "kategori indikator \"{}\" tertulis \"{}\", padahal capaian {} % termasuk \"{}\" ({})",
                a.indikator,
                k.text,
                crate::words::format_decimal(at_precision(basis, 2)),
                band.label,
                band.describe()
            ),
            format!(
                "the category of indicator \"{}\" is \"{}\", but a capaian of {} % is \"{}\" ({})",
                a.indikator,
                k.text,
                plain(at_precision(basis, 2)),
                band.label,
                band.describe()
            ),
        );
        let related = a.capaian.iter().map(|c| loc(ctx, a.table, c.at)).collect();
        out.push(
            rule.finding(loc(ctx, a.table, k.at), message, k.text.clone())
                .expect(band.label.clone())
                .related(related)
                .fix(vec![Correction {
                    cell: k.at,
                    value: NewValue::Text(band.label.clone()),
                    safety: Safety::Safe,
                }]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::assert_finding;

    #[test]
    fn exactly_100_is_baik_in_the_shipped_scale() {
        let f = &super::super::tables::only_in_achievements(
            &RULE,
            &[
                &[
                    "Nilai SAKIP Dinas PMK",
                    "66.16",
                    "66.16",
                    "100",
                    "Baik Sekali",
                ],
                &["Nilai IKE", "0.6333", "0.6512", "102.83", "BS"],
            ],
        );
        assert_finding(f, "THR020", "Tabel 3.2!E2", "Baik Sekali", Some("Baik"));
        assert_eq!(f.fix[0].value, NewValue::Text("Baik".into()));
    }
}
