//! XDC011: a PK program budget differs from the RKT's funds for that program.

use super::format::{close, en_num, id_num, plain, short, value};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "XDC011",
    name: "pk-program-vs-rkt",
    severity: Severity::Error,
    title: "A PK program budget differs from the RKT's funds for that program",
    judul: "Anggaran program di PK berbeda dengan dana program itu di RKT",
    doc: include_str!("xdc011.md").trim_ascii_end(),
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
        let Some((by_funds, by_dana)) = analysis.rkt_funds(pk_ref) else {
            continue;
        };
        let options: Vec<Decimal> = [by_funds, by_dana].into_iter().flatten().collect();
        let Some(&other) = options.first() else {
            continue;
        };
        let awal = value(&prog.anggaran_awal);
        if options.iter().any(|&o| {
            close(o, stated, analysis.tol) || awal.is_some_and(|a| close(o, a, analysis.tol))
        }) {
            continue;
        }
        let blocks = &analysis.links.rkt_by_pk[&pk_ref];
        let real = analysis
            .links
            .realisation_by_pk
            .get(&pk_ref)
            .and_then(|&r| analysis.realisation_program_pagu(r));
        let real_sides_with_pk = real.is_some_and(|v| close(v, stated, analysis.tol));
        let names: Vec<String> = blocks
            .iter()
            .map(|&r| b.rkt_block(r).written.clone())
            .collect();
        let numbers: Vec<String> = blocks
            .iter()
            .map(|&r| b.rkt_block(r).no.clone().unwrap_or_else(|| "-".into()))
            .collect();
        let related = blocks
            .iter()
            .filter_map(|&r| {
                b.rkt_block(r)
                    .funds
                    .as_ref()
                    .map(|f| analysis.loc(b.rkt[r.rkt].table, f.at))
            })
            .collect();
        let (id_note, en_note) = match real {
            Some(v) if real_sides_with_pk => (
                format!(
                    "; tabel realisasi juga menyebut {}, jadi dana di RKT yang perlu diperiksa",
                    id_num(v)
                ),
                format!(
                    "; the realisation table also says {}, so the RKT funds are the ones to check",
                    en_num(v)
                ),
            ),
            Some(v) => (
                format!("; tabel realisasi menyebut {}", id_num(v)),
                format!("; the realisation table says {}", en_num(v)),
            ),
            None => (String::new(), String::new()),
        };
        let message = Message::new(
                format!(
                    "anggaran program «{}» di PK {} tidak sama dengan dana program itu di RKT {} ({} blok: {}); dipasangkan: «{}» ↔ «{}»{}",
                    short(&prog.name), id_num(stated), id_num(other), blocks.len(), numbers.join(", "),
                    short(&prog.written), short(&names[0]), id_note
                ),
                format!(
                    "the PK budget of program «{}», {}, differs from the RKT's funds for it, {} ({} blocks: {}); paired: «{}» ↔ «{}»{}",
                    short(&prog.name), en_num(stated), en_num(other), blocks.len(), numbers.join(", "),
                    short(&prog.written), short(&names[0]), en_note
                ),
            );
        let mut finding = rule
            .finding(analysis.loc(pk.table, f.at), message, f.written.clone())
            .related(related);
        if !real_sides_with_pk {
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
    fn a_pk_program_that_is_not_its_rkt_blocks() {
        let blocks = vec![
            rkt_block(
                "Program Administrasi Pemerintahan Desa",
                fig("I18", 1_000_000_000),
                vec![],
            ),
            rkt_block("Program Kerjasama Desa", fig("I22", 5_000), vec![]),
            rkt_block(
                "Program Administrasi Pemerintahan Desa",
                fig("I26", 978_457_800),
                vec![],
            ),
        ];
        let found = Budgets::new()
            .rkt(blocks)
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
            "XDC011",
            "PK 2023!C21",
            "1978000000",
            Some("1978457800"),
        );
        assert_eq!(related(&f), vec!["I18", "I26"]);
    }
}
