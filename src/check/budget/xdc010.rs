//! XDC010: a PK program budget differs from its kegiatan pagu in the realisation table.

use super::format::{agree, close, en_num, id_num, plain, short, value};
use crate::cell::CellRef;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "XDC010",
    name: "pk-program-vs-realisation",
    severity: Severity::Error,
    title: "A PK program budget differs from its kegiatan pagu in the realisation table",
    judul: "Anggaran program di PK berbeda dengan jumlah pagu kegiatannya di tabel realisasi",
    doc: include_str!("xdc010.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let analysis = &ctx.budget;
    let b = &ctx.model.budget;
    for (pk_ref, prog) in b.pk_programs() {
        let pk = &b.pk_budgets[pk_ref.pk];
        let Some(f) = prog.anggaran.as_ref() else {
            continue;
        };
        let Some(stated) = f.value else { continue };
        let Some(&r) = analysis.links.realisation_by_pk.get(&pk_ref) else {
            continue;
        };
        let real = &b.realisations[r.realisation];
        let rp = b.realisation_program(r);
        let sum_pagu = analysis.realisation_program_pagu(r);
        let subtotal = rp
            .subtotal
            .as_ref()
            .and_then(|s| analysis.val(real.table, &s.pagu));
        let options: Vec<Decimal> = [sum_pagu, subtotal].into_iter().flatten().collect();
        let Some(&other) = options.first() else {
            continue;
        };
        let awal = value(&prog.anggaran_awal);
        if options.iter().any(|&o| {
            close(o, stated, analysis.tol) || awal.is_some_and(|a| close(o, a, analysis.tol))
        }) {
            continue;
        }
        let rkt = analysis.rkt_funds(pk_ref).and_then(|(s, d)| agree(s, d));
        let rkt_sides_with_pk = rkt.is_some_and(|v| close(v, stated, analysis.tol));
        let mut related: Vec<CellRef> = rp
            .kegiatan
            .iter()
            .filter_map(|k| k.pagu.as_ref().map(|f| f.at))
            .collect();
        if related.is_empty() {
            related.extend(
                rp.subtotal
                    .as_ref()
                    .and_then(|s| s.pagu.as_ref())
                    .map(|f| f.at),
            );
        }
        let n = rp.kegiatan.len();
        let (id_note, en_note) = match rkt {
                Some(v) if rkt_sides_with_pk => (
                    format!("; RKT juga menyebut {}, jadi pagu kegiatan di tabel realisasi yang perlu diperiksa", id_num(v)),
                    format!("; the RKT also says {}, so the kegiatan pagu of the realisation table are the ones to check", en_num(v)),
                ),
                Some(v) => (format!("; RKT menyebut {}", id_num(v)), format!("; the RKT says {}", en_num(v))),
                None => (String::new(), String::new()),
            };
        let message = Message::new(
                format!(
                    "anggaran program «{}» di PK {} tidak sama dengan jumlah pagu {} kegiatannya di {} ({}); dipasangkan: «{}» ↔ «{}»{}",
                    short(&prog.name), id_num(stated), n, ctx.model.tables[real.table].sheet, id_num(other),
                    short(&prog.written), short(&rp.written), id_note
                ),
                format!(
                    "the PK budget of program «{}», {}, differs from the sum of its {} kegiatan pagu in {} ({}); paired: «{}» ↔ «{}»{}",
                    short(&prog.name), en_num(stated), n, ctx.model.tables[real.table].sheet, en_num(other),
                    short(&prog.written), short(&rp.written), en_note
                ),
            );
        let mut finding = rule
            .finding(analysis.loc(pk.table, f.at), message, f.written.clone())
            .related(
                related
                    .into_iter()
                    .map(|c| analysis.loc(real.table, c))
                    .collect(),
            );
        if !rkt_sides_with_pk {
            finding = finding.expect(plain(other));
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
    fn a_pk_program_that_is_not_its_kegiatan_pagu() {
        let real = program(
            "PROGRAM ADMINISTRASI PEMERINTAHAN DESA",
            28,
            vec![
                line("A", fig("B29", 1_000_000_000), None, None),
                line("B", fig("B30", 978_457_800), None, None),
            ],
        );
        let found = Budgets::new()
            .realisation(vec![real], vec![])
            .pk(
                vec![pk_program(
                    "ADMINISTRASI PEMERINTAHAN DESA",
                    fig("C21", 1_978_000_000),
                )],
                None,
                None,
            )
            .check(&RULE);
        let f = one(found);
        assert_finding(
            &f,
            "XDC010",
            "PK 2023!C21",
            "1978000000",
            Some("1978457800"),
        );
        assert_eq!(related(&f), vec!["B29", "B30"]);
    }
}
