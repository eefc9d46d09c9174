//! RNG010: a kegiatan spent more than its pagu.

use super::format::{en_num, id_num, short, value};
use super::revenue::is_revenue;
use super::{realisasi_finding, spending_lines};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};

pub const RULE: Rule = Rule {
    code: "RNG010",
    name: "realisation-above-pagu",
    severity: Severity::Error,
    title: "A kegiatan spent more than its pagu",
    judul: "Realisasi kegiatan melebihi pagunya",
    doc: include_str!("rng010.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let analysis = &ctx.budget;
    for real in &ctx.model.budget.realisations {
        let table = ctx.reading.tables.get(real.table);
        for line in spending_lines(real) {
            // Revenue realised above its target is good news.
            if table.is_some_and(|t| is_revenue(t, line.row, &line.name)) {
                continue;
            }
            let (Some(pagu), Some(r)) =
                (analysis.val(real.table, &line.pagu), value(&line.realisasi))
            else {
                continue;
            };
            if r <= pagu {
                continue;
            }
            let f = line.realisasi.as_ref().expect("a realisasi");
            let message = Message::new(
                format!(
                    "realisasi «{}» {} melebihi pagunya {} (selisih {})",
                    short(&line.name),
                    id_num(r),
                    id_num(pagu),
                    id_num(r - pagu)
                ),
                format!(
                    "the realisasi of «{}», {}, exceeds its pagu {} (by {})",
                    short(&line.name),
                    en_num(r),
                    en_num(pagu),
                    en_num(r - pagu)
                ),
            );
            out.push(realisasi_finding(rule, ctx, real.table, line, f, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::RULE;
    use crate::check::testing::{assert_finding, one};

    #[test]
    fn a_realisasi_above_its_pagu() {
        let over = line(
            "Fasilitasi Kunjungan Tamu",
            fig("B17", 8_220_000),
            Some(fig("C17", 9_000_000)),
            None,
        );
        let within = line(
            "Rapat",
            fig("B18", 5_000_000),
            Some(fig("C18", 5_000_000)),
            None,
        );
        let found = Budgets::new()
            .realisation(vec![program("P", 15, vec![over, within])], vec![])
            .check(&RULE);
        let f = one(found);
        assert_finding(&f, "RNG010", "Tabel 3.4!C17", "9000000", None);
        assert_eq!(related(&f), vec!["B17"]);
    }

    #[test]
    fn revenue_realised_above_its_target_is_no_error() {
        use crate::check::testing::{findings, sheet};
        // Codes tell: `4…` revenue, `5…` belanja (an APBDes LRA).
        let coded = findings(
            &RULE,
            &[sheet(
                "LRA",
                &[
                    &["KODE", "URAIAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "%"],
                    &[
                        "4.1",
                        "Pendapatan Asli Desa",
                        "100000000",
                        "150000000",
                        "150",
                    ],
                    &["4.2", "Transfer", "800000000", "800000000", "100"],
                    &[
                        "5.1",
                        "Bidang Penyelenggaraan Pemerintahan Desa",
                        "500000000",
                        "550000000",
                        "110",
                    ],
                    &[
                        "5.2",
                        "Bidang Pembangunan Desa",
                        "500000000",
                        "350000000",
                        "70",
                    ],
                ],
            )],
        );
        assert_eq!(coded.len(), 1, "{coded:?}");
        assert_finding(&coded[0], "RNG010", "LRA!D4", "550000000", None);
        // Names tell: a revenue line, not a kegiatan that manages revenue.
        let named = findings(
            &RULE,
            &[sheet(
                "Tabel 3.4",
                &[
                    &["URAIAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "%"],
                    &["Pajak Daerah", "100000000", "120000000", "120"],
                    &["Retribusi Jasa Umum", "50000000", "55000000", "110"],
                    &["Pengelolaan Pajak Daerah", "10000000", "11000000", "110"],
                ],
            )],
        );
        assert_eq!(named.len(), 1, "{named:?}");
        assert_finding(&named[0], "RNG010", "Tabel 3.4!C4", "11000000", None);
        // A title about revenue alone tells.
        let titled = findings(
            &RULE,
            &[sheet(
                "PAD",
                &[
                    &["REALISASI PENDAPATAN ASLI DAERAH TAHUN 2023"],
                    &["URAIAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "%"],
                    &["Hotel", "100000000", "120000000", "120"],
                    &["Restoran", "50000000", "55000000", "110"],
                ],
            )],
        );
        assert_eq!(titled, vec![]);
    }
}
