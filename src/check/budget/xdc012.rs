//! XDC012: the PK programs do not add up to Belanja Daerah in Tabel 1.

use super::format::{close, en_num, id_num, plain, value};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::model::budget::sum;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "XDC012",
    name: "belanja-daerah",
    severity: Severity::Error,
    title: "The PK programs do not add up to Belanja Daerah in Tabel 1",
    judul: "Jumlah anggaran program PK tidak sama dengan Belanja Daerah di Tabel 1",
    doc: include_str!("xdc012.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let analysis = &ctx.budget;
    let b = &ctx.model.budget;
    let (Some(pk), Some((st, bd))) = (b.pk_budgets.first(), analysis.belanja_daerah()) else {
        return;
    };
    let spending = b
        .spending
        .iter()
        .find(|s| s.table == st)
        .expect("its table");
    let jumlah = analysis.pk_jumlah(pk);
    let programs = pk.anggaran_sum();
    let pk_values: Vec<Decimal> = [jumlah, programs].into_iter().flatten().collect();
    let Some(bd_fig) = bd.jumlah.as_ref() else {
        return;
    };
    let Some(bd_value) = analysis.val(st, &bd.jumlah) else {
        return;
    };
    let children = sum(bd
        .children
        .iter()
        .map(|&c| analysis.val(st, &spending.items[c].jumlah)));
    let t1_values: Vec<Decimal> = [Some(bd_value), children].into_iter().flatten().collect();
    if pk_values.is_empty()
        || pk_values
            .iter()
            .any(|p| t1_values.iter().any(|t| close(*p, *t, analysis.tol)))
    {
        return;
    }
    let pk_total = analysis.pk_total(0).expect("a PK figure");
    let rkt_total = b
        .rkt
        .first()
        .and_then(|r| r.total.as_ref())
        .and_then(|t| value(&t.amount));
    let pk_cell = pk
        .jumlah
        .as_ref()
        .and_then(|j| j.anggaran.as_ref())
        .map(|f| (f.at, f.written.clone()))
        .or_else(|| {
            pk.programs
                .iter()
                .find_map(|p| p.anggaran.as_ref().map(|f| (f.at, f.written.clone())))
        });
    let Some((pk_at, pk_written)) = pk_cell else {
        return;
    };
    let bd_corroborated = rkt_total.is_some_and(|r| close(r, bd_value, analysis.tol));
    let pk_corroborated = rkt_total.is_some_and(|r| close(r, pk_total, analysis.tol));
    let (id_note, en_note) = match rkt_total {
        Some(r) => (
            format!("; Jumlah Total RKT {}", id_num(r)),
            format!("; the RKT's Jumlah Total is {}", en_num(r)),
        ),
        None => (String::new(), String::new()),
    };
    let message = Message::new(
        format!(
            "Belanja Daerah di {} ({}) tidak sama dengan jumlah anggaran program di PK ({}){}",
            ctx.model.tables[st].sheet,
            id_num(bd_value),
            id_num(pk_total),
            id_note
        ),
        format!(
            "Belanja Daerah in {} ({}) differs from the PK program budgets ({}){}",
            ctx.model.tables[st].sheet,
            en_num(bd_value),
            en_num(pk_total),
            en_note
        ),
    );
    let finding = if bd_corroborated && !pk_corroborated {
        rule.finding(analysis.loc(pk.table, pk_at), message, pk_written)
            .expect(plain(bd_value))
            .related(vec![analysis.loc(st, bd_fig.at)])
    } else {
        rule.finding(analysis.loc(st, bd_fig.at), message, bd_fig.written.clone())
            .expect(plain(pk_total))
            .related(vec![analysis.loc(pk.table, pk_at)])
    };
    out.push(finding);
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::RULE;
    use crate::check::testing::{assert_finding, one};

    #[test]
    fn belanja_daerah_that_is_not_the_pk_programs() {
        let items = vec![
            spending_item("I", "Belanja Daerah", fig("C5", 6_786_834_585), None),
            spending_item("1.", "Belanja Langsung", fig("C6", 6_786_834_585), Some(0)),
        ];
        let found = Budgets::new()
            .pk(
                vec![
                    pk_program("A", fig("C19", 6_000_000_000)),
                    pk_program("B", fig("C20", 796_834_585)),
                ],
                Some(pk_jumlah(fig("C23", 6_796_834_585))),
                None,
            )
            .spending(items)
            .check(&RULE);
        let f = one(found);
        assert_finding(
            &f,
            "XDC012",
            "Pembiayaan!C5",
            "6786834585",
            Some("6796834585"),
        );
    }
}
