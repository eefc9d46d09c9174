//! PCT001: see `pct001.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "PCT001",
    name: "distribution-share",
    severity: Severity::Error,
    title: "A status share of the IDM summary is not count / total × 100",
    judul: "Persentase status pada rekap IDM tidak sama dengan jumlah / total × 100",
    doc: include_str!("pct001.md"),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for s in &m.idm.summaries {
        for y in &s.years {
            if y.share.is_none() {
                continue;
            }
            let Some(counts) = year_counts(ctx, s, y.year) else {
                continue;
            };
            let total = counts.total;
            if total <= Decimal::ZERO {
                continue;
            }
            let sum_text = anchored_sum(&counts.cells);
            let hundred = Decimal::ONE_HUNDRED;
            for r in rows_above(s) {
                let Some((sh, computed)) = counts.wrong_share(r, y.year) else {
                    continue;
                };
                let (Some(f), Some(&n)) = (r.of_year(y.year), counts.by_row.get(&r.row)) else {
                    continue;
                };
                let Some(count) = &f.count else { continue };
                let expected = at_precision(computed, sh.decimals);
                let (formula, value, expected_text) = if f.share_ratio {
                    let e = at_precision(computed / hundred, sh.decimals + 2);
                    (
                        format!("{}/{sum_text}", count.at),
                        (n / total).round_dp(10),
                        e.to_string(),
                    )
                } else {
                    (
                        format!("{}/{sum_text}*100", count.at),
                        computed.round_dp(10),
                        expected.to_string(),
                    )
                };
                let message = Message::new(
                    format!(
                        "persentase desa {} tahun {} tertulis {}, padahal {} dari {} desa adalah {}%",
                        r.label.text,
                        y.year,
                        shown_percent(sh),
                        angka(n, None),
                        angka(total, None),
                        angka(expected, Some(sh.decimals))
                    ),
                    format!(
                        "the share of {} villages in {} is {}, but {} of {} villages is {}%",
                        r.label.text,
                        y.year,
                        shown_percent(sh),
                        n.normalize(),
                        total.normalize(),
                        expected
                    ),
                );
                out.push(
                    rule.finding(m.loc(s.table, sh.at), message, sh.written.clone())
                        .expect(expected_text)
                        .related(vec![m.loc(s.table, count.at)])
                        .fix(vec![Correction {
                            cell: sh.at,
                            value: NewValue::Formula { formula, value },
                            safety: Safety::Safe,
                        }]),
                );
            }
            // The JUMLAH row's share: 100, or the sum of the shares above it.
            let Some(total_row) = &s.total else { continue };
            let Some(f) = total_row.of_year(y.year) else {
                continue;
            };
            let Some(sh) = &f.share else { continue };
            let Some(stated) = sh.value else { continue };
            let above: Decimal = rows_above(s)
                .filter_map(|r| {
                    r.of_year(y.year)
                        .and_then(|f| f.share.as_ref())
                        .and_then(|x| x.value)
                })
                .sum();
            if agrees(stated, sh.decimals, hundred) || agrees(stated, sh.decimals, above) {
                continue;
            }
            let (value, expected_text) = if f.share_ratio {
                (Decimal::ONE, "1")
            } else {
                (hundred, "100")
            };
            let message = Message::new(
                format!(
                    "persentase baris {} tahun {} tertulis {}, seharusnya 100%",
                    total_row.label.text,
                    y.year,
                    shown_percent(sh)
                ),
                format!(
                    "the share of the {} row of {} is {}, it should be 100%",
                    total_row.label.text,
                    y.year,
                    shown_percent(sh)
                ),
            );
            out.push(
                rule.finding(m.loc(s.table, sh.at), message, sh.written.clone())
                    .expect(expected_text)
                    .fix(vec![Correction {
                        cell: sh.at,
                        value: NewValue::Number(value),
                        safety: Safety::Safe,
                    }]),
            );
        }
    }
}
