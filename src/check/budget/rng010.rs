//! RNG010: a kegiatan spent more than its pagu.

use super::format::{en_num, id_num, short, value};
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
        for line in spending_lines(real) {
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
}
