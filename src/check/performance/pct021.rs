//! PCT021 no-capaian: rows whose capaian cannot be computed.

use super::loc;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Loc, Message, Severity};

pub const RULE: Rule = Rule {
    code: "PCT021",
    name: "no-capaian",
    severity: Severity::Info,
    title: "No capaian can be computed: the target is zero or not a number",
    judul: "Capaian tidak dapat dihitung: target nol atau bukan angka",
    doc: include_str!("pct021.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for a in &ctx.model.performance.achievements {
        let Some(t) = &a.target else { continue };
        let shown = a.realisasi.is_some() || a.capaian.is_some() || a.kategori.is_some();
        if !shown {
            continue;
        }
        let related: Vec<Loc> = a.capaian.iter().map(|c| loc(ctx, a.table, c.at)).collect();
        if t.is_qualitative() || t.value.is_some_and(|v| v.is_zero()) {
            let (why_id, why_en) = if t.is_qualitative() {
                (
                    format!("target \"{}\" bukan angka", t.written()),
                    format!("the target \"{}\" is not a number", t.written()),
                )
            } else {
                (
                    "targetnya nol".to_string(),
                    "the target is zero".to_string(),
                )
            };
            let message = Message::new(
                format!(
                    "capaian indikator \"{}\" tidak dapat dihitung: {why_id}",
                    a.indikator
                ),
                format!(
                    "no capaian can be computed for indicator \"{}\": {why_en}",
                    a.indikator
                ),
            );
            out.push(
                rule.finding(loc(ctx, a.table, t.at()), message, t.written())
                    .related(related),
            );
        } else if let Some(r) = a
            .realisasi
            .as_ref()
            .filter(|r| r.is_qualitative() && t.value.is_some())
        {
            let message = Message::new(
                format!(
                    "capaian indikator \"{}\" tidak dapat dihitung: realisasi \"{}\" bukan angka",
                    a.indikator,
                    r.written()
                ),
                format!(
                    "no capaian can be computed for indicator \"{}\": the realisation \"{}\" is not a number",
                    a.indikator,
                    r.written()
                ),
            );
            out.push(
                rule.finding(loc(ctx, a.table, r.at()), message, r.written())
                    .related(related),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::assert_finding;

    #[test]
    fn a_qualitative_target() {
        let f = &super::super::tables::only_in_achievements(
            &RULE,
            &[
                &[
                    "Nilai SAKIP Dinas PMK",
                    "66.16",
                    "67.02",
                    "101.3",
                    "Baik Sekali",
                ],
                &["Pengelolaan RTH", "HIJAU", "HIJAU", "100", "Baik"],
            ],
        );
        assert_finding(f, "PCT021", "Tabel 3.2!B3", "HIJAU", None);
        assert_eq!(f.related[0].cell.to_string(), "D3");
    }
}
