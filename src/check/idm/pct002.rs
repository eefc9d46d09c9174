//! PCT002: see `pct002.md` beside this file.

use super::*;

pub(super) const RULE: Rule = Rule {
    code: "PCT002",
    name: "shares-sum",
    severity: Severity::Warning,
    title: "The status shares of a year do not add up to 100",
    judul: "Jumlah persentase status suatu tahun tidak 100",
    doc: include_str!("pct002.md"),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for s in &m.idm.summaries {
        for y in &s.years {
            let Some(col) = y.share else { continue };
            let shares: Vec<Option<&Figure>> = rows_above(s)
                .map(|r| r.of_year(y.year).and_then(|f| f.share.as_ref()))
                .collect();
            if shares.is_empty() || shares.iter().any(|f| f.is_none_or(|f| f.value.is_none())) {
                continue;
            }
            if year_counts(ctx, s, y.year).is_some_and(|c| c.total <= Decimal::ZERO) {
                continue;
            }
            let shares: Vec<&Figure> = shares.into_iter().flatten().collect();
            // A share that is not its count over the total is PCT001's, at its
            // cell; the sum it throws off is no second finding.
            if let Some(counts) = year_counts(ctx, s, y.year) {
                if rows_above(s).any(|r| counts.wrong_share(r, y.year).is_some()) {
                    continue;
                }
            }
            let sum: Decimal = shares.iter().filter_map(|f| f.value).sum();
            let allowance: Decimal = shares.iter().map(|f| half_unit(f.decimals)).sum();
            if (sum - Decimal::ONE_HUNDRED).abs() <= allowance {
                continue;
            }
            let d = shares.iter().map(|f| f.decimals).max().unwrap_or(0);
            let message = Message::new(
                format!(
                    "persentase status tahun {} berjumlah {}%, bukan 100% (selisih pembulatan yang wajar paling banyak {})",
                    y.year,
                    angka(sum, Some(d)),
                    angka(allowance, None)
                ),
                format!(
                    "the status shares of {} add up to {}%, not 100% (rounding allows at most {})",
                    y.year,
                    sum.round_dp(d),
                    allowance.normalize()
                ),
            );
            out.push(
                rule.finding(
                    m.loc(s.table, col.header),
                    message,
                    sum.round_dp(d).normalize().to_string(),
                )
                .expect("100")
                .related(shares.iter().map(|f| m.loc(s.table, f.at)).collect()),
            );
        }
    }
}
