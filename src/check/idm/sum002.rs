//! SUM002: see `sum002.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "SUM002",
    name: "summary-count",
    severity: Severity::Error,
    title: "A status count of the IDM summary differs from the village table",
    judul: "Jumlah desa per status pada rekap IDM berbeda dengan tabel desa",
    doc: include_str!("sum002.md"),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for s in &m.idm.summaries {
        for y in &s.years {
            if y.count.is_none() {
                continue;
            }
            let Some(i) = ctx.villages.list_of_year(s.kind, y.year) else {
                continue;
            };
            let list = &ctx.villages.lists[i];
            let first_table = list.tables[0];
            let p = Profile::of(ctx.cfg, s.kind);
            let (counts, _) = ctx.villages.value_counts(i);
            let ranges = countif_ranges(ctx, s, list, &p, counts);
            for r in &s.rows {
                let Some(band) = &r.band else { continue };
                let Some(fig) = r.of_year(y.year).and_then(|f| f.count.as_ref()) else {
                    continue;
                };
                let Some(stated) = fig.value else { continue };
                let c = counts.iter().find(|c| &c.label == band);
                let n = c.map_or(0, |c| c.count);
                if stated == Decimal::from(n) {
                    continue;
                }
                let first = m.loc(
                    first_table.table,
                    c.and_then(|c| c.first).unwrap_or(first_table.header),
                );
                let sheet = &m.tables[first_table.table].sheet;
                let message = Message::new(
                    format!(
                        "jumlah desa {band} tahun {} tertulis {}, sedangkan tabel desa (lembar {sheet}) memuat {n} desa {band} menurut nilai {}-nya",
                        y.year, fig.written, p.name
                    ),
                    format!(
                        "the count of {band} villages in {} is {}, but the village table (sheet {sheet}) lists {n} villages whose {} is in band {band}",
                        y.year, fig.written, p.name
                    ),
                );
                out.push(
                    rule.finding(m.loc(s.table, fig.at), message, fig.written.clone())
                        .expect(n.to_string())
                        .related(vec![first])
                        .fix(vec![Correction {
                            cell: fig.at,
                            value: match &ranges {
                                Some(r) => NewValue::Formula {
                                    formula: countif_formula(r, band),
                                    value: Decimal::from(n),
                                },
                                None => NewValue::Number(Decimal::from(n)),
                            },
                            safety: Safety::Safe,
                        }]),
                );
            }
        }
    }
}
