//! XDC013: an RKT kegiatan's Dana differs from its pagu in the realisation table.

use super::format::{close, en_num, id_num, plain, short, value};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::model::budget::{sum, RealisationKegiatanRef, RktKegiatanRef};

pub const RULE: Rule = Rule {
    code: "XDC013",
    name: "rkt-kegiatan-vs-pagu",
    severity: Severity::Error,
    title: "An RKT kegiatan's Dana differs from its pagu in the realisation table",
    judul: "Dana kegiatan di RKT berbeda dengan pagunya di tabel realisasi",
    doc: include_str!("xdc013.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let analysis = &ctx.budget;
    let b = &ctx.model.budget;
    let mut pairs: Vec<(&RktKegiatanRef, &(RealisationKegiatanRef, f64))> =
        analysis.links.kegiatan_by_rkt.iter().collect();
    pairs.sort_by_key(|(k, _)| **k);
    for (&rk, &(real_ref, similarity)) in pairs {
        let rkt = &b.rkt[rk.block.rkt];
        let p = rk.block.block;
        let block = b.rkt_block(rk.block);
        let keg = b.rkt_kegiatan(rk);
        let real = &b.realisations[real_ref.program.realisation];
        let rprog = b.realisation_program(real_ref.program);
        let line = b.realisation_kegiatan(real_ref);
        let (Some(dana_f), Some(pagu_f)) = (keg.dana.as_ref(), line.pagu.as_ref()) else {
            continue;
        };
        let (Some(dana), Some(pagu)) = (dana_f.value, pagu_f.value) else {
            continue;
        };
        if close(dana, pagu, analysis.tol) {
            continue;
        }
        // Which side disagrees with its own document?
        let block_ok = match (
            analysis.val(rkt.table, &block.funds),
            analysis.dana_sum(rkt, p),
        ) {
            (Some(f), Some(s)) => close(f, s, analysis.tol),
            _ => false,
        };
        let total_ok = match (
            rkt.total.as_ref().and_then(|t| value(&t.amount)),
            sum(rkt.programs.iter().map(|p| value(&p.funds))),
        ) {
            (Some(t), Some(s)) => close(t, s, analysis.tol),
            _ => true,
        };
        let rkt_ok = block_ok && total_ok;
        let real_ok = analysis.links.pk_by_realisation.get(&real_ref.program).is_some_and(|&pk| {
            let table = b.pk_budgets[pk.pk].table;
            match (analysis.val(table, &b.pk_program(pk).anggaran), analysis.realisation_program_pagu(real_ref.program)) {
                (Some(a), Some(s)) => close(a, s, analysis.tol),
                _ => false,
            }
        }) || rprog.subtotal.as_ref().is_some_and(|s| {
            matches!((analysis.val(real.table, &s.pagu), analysis.realisation_program_pagu(real_ref.program)), (Some(a), Some(b)) if close(a, b, analysis.tol))
        });
        let pct = format!("{:.0}", similarity * 100.0);
        let pairing_id = format!(
            "dipasangkan: «{}» (RKT) ↔ «{}» (realisasi), kemiripan {pct}%",
            short(&keg.written),
            short(&line.written)
        );
        let pairing_en = format!(
            "paired: «{}» (RKT) ↔ «{}» (realisation), similarity {pct}%",
            short(&keg.written),
            short(&line.written)
        );
        let (at_rkt, expected, note_id, note_en) = if rkt_ok && !real_ok {
            (
                false,
                Some(dana),
                "RKT-nya berjumlah cocok, jadi pagu yang perlu diperiksa",
                "the RKT adds up, so the pagu is the one to check",
            )
        } else if real_ok && !rkt_ok {
            (
                true,
                Some(pagu),
                "blok RKT-nya tidak berjumlah cocok, jadi Dana di RKT yang perlu diperiksa",
                "the RKT block does not add up, so the RKT Dana is the one to check",
            )
        } else if rkt_ok {
            (
                true,
                None,
                "kedua dokumen masing-masing berjumlah cocok; periksa mana yang benar",
                "each document adds up on its own; check which is right",
            )
        } else {
            (
                true,
                None,
                "keduanya tidak berjumlah cocok di dokumennya; periksa mana yang benar",
                "neither adds up within its own document; check which is right",
            )
        };
        let message = Message::new(
            format!(
                "Dana kegiatan di RKT {} tidak sama dengan pagunya di tabel realisasi {}; {}; {}",
                id_num(dana), id_num(pagu), note_id, pairing_id
            ),
            format!(
                "the kegiatan's Dana in the RKT, {}, differs from its pagu in the realisation table, {}; {}; {}",
                en_num(dana), en_num(pagu), note_en, pairing_en
            ),
        );
        let (table, f, other_table, other) = if at_rkt {
            (rkt.table, dana_f, real.table, pagu_f)
        } else {
            (real.table, pagu_f, rkt.table, dana_f)
        };
        let mut finding = rule
            .finding(analysis.loc(table, f.at), message, f.written.clone())
            .related(vec![analysis.loc(other_table, other.at)]);
        if let Some(e) = expected {
            finding = finding.expect(plain(e));
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::RULE;
    use crate::check::testing::{assert_finding, one};

    #[test]
    fn an_rkt_dana_that_is_not_the_pagu() {
        let real = program(
            "Program Penunjang",
            5,
            vec![
                line(
                    "Fasilitasi Kunjungan Tamu",
                    fig("B17", 8_200_000),
                    None,
                    None,
                ),
                line("Rapat Koordinasi", fig("B18", 186_700_000), None, None),
            ],
        );
        // The RKT block adds up with 8.220.000: the pagu is the one to check.
        let block = rkt_block(
            "Program Penunjang",
            fig("I90", 194_920_000),
            vec![
                rkt_kegiatan("12. Fasilitasi Kunjungan Tamu", fig("I93", 8_220_000)),
                rkt_kegiatan("13. Rapat Koordinasi", fig("I96", 186_700_000)),
            ],
        );
        let found = Budgets::new()
            .realisation(vec![real], vec![])
            .rkt(vec![block])
            .check(&RULE);
        let f = one(found);
        assert_finding(&f, "XDC013", "Tabel 3.4!B17", "8200000", Some("8220000"));
        assert_eq!(related(&f), vec!["I93"]);
    }
}
