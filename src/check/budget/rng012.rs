//! RNG012: a kegiatan with a pagu spent nothing.

use super::format::{en_num, id_num, short};
use super::{realisasi_finding, spending_lines};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "RNG012",
    name: "no-realisation",
    severity: Severity::Info,
    title: "A kegiatan with a pagu spent nothing",
    judul: "Kegiatan berpagu tanpa realisasi",
    doc: include_str!("rng012.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let analysis = &ctx.budget;
    for real in &ctx.model.budget.realisations {
        for line in spending_lines(real) {
            let Some(pagu) = analysis.val(real.table, &line.pagu) else {
                continue;
            };
            let Some(f) = line.realisasi.as_ref() else {
                continue;
            };
            if pagu <= Decimal::ZERO || f.value != Some(Decimal::ZERO) {
                continue;
            }
            let message = Message::new(
                format!(
                    "kegiatan «{}» berpagu {} tanpa realisasi",
                    short(&line.name),
                    id_num(pagu)
                ),
                format!(
                    "kegiatan «{}» has a pagu of {} and no realisasi",
                    short(&line.name),
                    en_num(pagu)
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
    fn a_pagu_with_nothing_spent() {
        let idle = line(
            "Pengadaan Pakaian Dinas",
            fig("B19", 18_600_000),
            Some(dash("C19")),
            None,
        );
        let spent = line(
            "Rapat",
            fig("B20", 5_000_000),
            Some(fig("C20", 4_000_000)),
            None,
        );
        let found = Budgets::new()
            .realisation(vec![program("P", 15, vec![idle, spent])], vec![])
            .check(&RULE);
        let f = one(found);
        assert_finding(&f, "RNG012", "Tabel 3.4!C19", "-", None);
        assert_eq!(f.severity, crate::finding::Severity::Info);
    }
}
