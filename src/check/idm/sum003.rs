//! SUM003: see `sum003.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "SUM003",
    name: "summary-total",
    severity: Severity::Error,
    title: "The JUMLAH row of the IDM summary is not the sum of the rows above",
    judul: "Baris JUMLAH rekap IDM tidak sama dengan jumlah baris di atasnya",
    doc: include_str!("sum003.md"),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for s in &m.idm.summaries {
        let Some(total) = &s.total else { continue };
        for y in &s.years {
            let Some(fig) = total.of_year(y.year).and_then(|f| f.count.as_ref()) else {
                continue;
            };
            let Some(stated) = fig.value else { continue };
            let Some(counts) = year_counts(ctx, s, y.year) else {
                continue;
            };
            let sum = counts.total;
            if stated == sum {
                continue;
            }
            let cells = counts.cells;
            let message = Message::new(
                format!(
                    "baris {} tahun {} tertulis {}, padahal jumlah {} baris di atasnya {}",
                    total.label.text,
                    y.year,
                    fig.written,
                    cells.len(),
                    angka(sum, None)
                ),
                format!(
                    "the {} row of {} says {}, but the {} rows above it sum to {}",
                    total.label.text,
                    y.year,
                    fig.written,
                    cells.len(),
                    sum.normalize()
                ),
            );
            out.push(
                rule.finding(m.loc(s.table, fig.at), message, fig.written.clone())
                    .expect(sum.normalize().to_string())
                    .related(cells.iter().map(|c| m.loc(s.table, *c)).collect())
                    .fix(vec![Correction {
                        cell: fig.at,
                        value: NewValue::Formula {
                            formula: sum_formula(&cells),
                            value: sum,
                        },
                        safety: Safety::Safe,
                    }]),
            );
        }
    }
}
