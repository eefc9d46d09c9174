//! THR021 kategori-unknown: a category word that names no band of the scale.

use super::{capaian_basis, loc};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::config::Band;
use crate::finding::{Finding, Message, Severity};

pub const RULE: Rule = Rule {
    code: "THR021",
    name: "kategori-unknown",
    severity: Severity::Warning,
    title: "A capaian category names no band of the scale",
    judul: "Kategori capaian tidak dikenal dalam skala",
    doc: include_str!("thr021.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let scale = &ctx.cfg.capaian;
    let labels: Vec<&str> = scale.bands.iter().map(|b| b.label.as_str()).collect();
    for a in &ctx.model.performance.achievements {
        let Some(k) = &a.kategori else { continue };
        if scale.band_named(&k.text).is_some() || matches!(k.text.trim(), "-" | "–") {
            continue;
        }
        let band: Option<&Band> = capaian_basis(a).and_then(|b| scale.classify(b));
        let message = Message::new(
            format!(
                "kategori \"{}\" indikator \"{}\" tidak ada dalam skala capaian ({}){}",
                k.text,
                a.indikator,
                labels.join(", "),
                band.map(|b| format!("; menurut capaiannya: \"{}\"", b.label))
                    .unwrap_or_default()
            ),
            format!(
                "the category \"{}\" of indicator \"{}\" is not in the capaian scale ({}){}",
                k.text,
                a.indikator,
                labels.join(", "),
                band.map(|b| format!("; by its capaian: \"{}\"", b.label))
                    .unwrap_or_default()
            ),
        );
        let mut f = rule.finding(loc(ctx, a.table, k.at), message, k.text.clone());
        if let Some(b) = band {
            f = f.expect(b.label.clone());
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::assert_finding;

    #[test]
    fn a_category_word_outside_the_scale() {
        let f = &super::super::tables::only_in_achievements(
            &RULE,
            &[
                &["Nilai IKS", "100", "101.57", "101.57", "Berhasil Sekali"],
                &["Nilai IKE", "100", "90", "90", "Berhasil"],
            ],
        );
        assert_finding(
            f,
            "THR021",
            "Tabel 3.2!E2",
            "Berhasil Sekali",
            Some("Baik Sekali"),
        );
        assert!(f.fix.is_empty());
    }
}
