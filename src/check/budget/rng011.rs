//! RNG011: a negative amount of money.

use super::format::{en_num, id_num, short};
use super::lines;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::model::Figure;

pub const RULE: Rule = Rule {
    code: "RNG011",
    name: "negative-money",
    severity: Severity::Error,
    title: "A negative amount of money",
    judul: "Jumlah uang bernilai negatif",
    doc: include_str!("rng011.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let b = &ctx.model.budget;
    let mut figures: Vec<(usize, &Figure, String)> = Vec::new();
    for real in &b.realisations {
        for (line, _) in lines(real) {
            for f in line.pagu.iter().chain(line.realisasi.iter()) {
                figures.push((real.table, f, line.name.clone()));
            }
        }
    }
    for pk in &b.pk_budgets {
        for p in &pk.programs {
            for f in p.anggaran.iter().chain(p.anggaran_awal.iter()) {
                figures.push((pk.table, f, p.name.clone()));
            }
        }
        if let Some(j) = &pk.jumlah {
            for f in j.anggaran.iter().chain(j.anggaran_awal.iter()) {
                figures.push((pk.table, f, j.label.clone()));
            }
        }
    }
    for rkt in &b.rkt {
        for p in &rkt.programs {
            figures.extend(p.funds.iter().map(|f| (rkt.table, f, p.name.clone())));
            for k in &p.kegiatan {
                figures.extend(k.dana.iter().map(|f| (rkt.table, f, k.name.clone())));
            }
        }
        if let Some(t) = &rkt.total {
            figures.extend(t.amount.iter().map(|f| (rkt.table, f, t.label.clone())));
        }
    }
    for s in &b.spending {
        for i in &s.items {
            figures.extend(i.jumlah.iter().map(|f| (s.table, f, i.name.clone())));
        }
        for t in &s.totals {
            figures.extend(t.amount.iter().map(|f| (s.table, f, t.label.clone())));
        }
    }
    for (table, f, name) in figures {
        let Some(v) = f.value.filter(|v| v.is_sign_negative() && !v.is_zero()) else {
            continue;
        };
        let message = Message::new(
            format!(
                "jumlah uang «{}» bernilai negatif: {}",
                short(&name),
                id_num(v)
            ),
            format!(
                "the amount of «{}» is negative: {}",
                short(&name),
                en_num(v)
            ),
        );
        out.push(rule.finding(ctx.model.loc(table, f.at), message, f.written.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::RULE;
    use crate::check::testing::{assert_finding, one};

    #[test]
    fn a_negative_amount() {
        let negative = line(
            "Fasilitasi Kunjungan Tamu",
            fig("B17", 8_220_000),
            Some(fig("C17", -6_720_000)),
            None,
        );
        let found = Budgets::new()
            .realisation(vec![program("P", 15, vec![negative])], vec![])
            .pk(vec![pk_program("P", fig("C19", 8_220_000))], None, None)
            .check(&RULE);
        let f = one(found);
        assert_finding(&f, "RNG011", "Tabel 3.4!C17", "-6720000", None);
    }
}
