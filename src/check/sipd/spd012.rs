//! SPD012 pk-vs-export: a PK program budget differs from the SIPD export's anggaran.

use super::{differs_from_export, pair_lines};
use crate::check::budget::format::short;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};
use crate::model::sipd::Level;

pub const RULE: Rule = Rule {
    code: "SPD012",
    name: "pk-vs-export",
    severity: Severity::Warning,
    title: "A PK program budget differs from the SIPD export's anggaran for that program",
    judul: "Anggaran program di PK berbeda dengan anggaran program itu di ekspor SIPD",
    doc: include_str!("spd012.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let sipd = &ctx.model.sipd;
    let Some(series) = sipd.reported.map(|s| &sipd.series[s]) else {
        return;
    };
    let tol = ctx.cfg.tolerances.money;
    for pk in &ctx.model.budget.pk_budgets {
        let names: Vec<(&str, &str)> = pk
            .programs
            .iter()
            .map(|p| (p.name.as_str(), p.written.as_str()))
            .collect();
        let paired = pair_lines(ctx, &names, &series.year_lines, &[Level::Program]);
        for (p, pairing) in pk.programs.iter().zip(paired) {
            let Some((y, by_name)) = pairing else {
                continue;
            };
            let y = &series.year_lines[y];
            let (Some(f), Some(exported)) = (p.anggaran.as_ref(), y.anggaran) else {
                continue;
            };
            let Some(value) = f.value else { continue };
            // The program's anggaran in any export of the year.
            let earlier = series.exports.iter().any(|&e| {
                let x = &sipd.exports[e];
                x.lines.iter().any(|l| {
                    l.key == y.key && l.anggaran().is_some_and(|a| (a - value).abs() <= tol)
                })
            });
            if earlier {
                continue;
            }
            let name = short(&p.name);
            out.extend(differs_from_export(
                rule,
                ctx,
                ctx.model.loc(pk.table, f.at),
                f,
                exported,
                (y, by_name, true),
                (
                    format!("anggaran program «{name}» di PK"),
                    format!("the PK budget of program «{name}»"),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::check::sipd::testing::one_pair;
    use crate::check::testing::{assert_finding, findings, one, sheet};

    fn pk(amount: &'static str) -> crate::check::testing::Sheet {
        sheet(
            "PK",
            &[
                &["NO", "PROGRAM", "ANGGARAN (Rp)", "KET"],
                &[
                    "1.",
                    "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
                    amount,
                    "APBD",
                ],
            ],
        )
    }

    #[test]
    fn a_pk_budget_that_is_not_the_exports() {
        let f = one(findings(&RULE, &[one_pair(), pk("3250000")]));
        assert_finding(&f, "SPD012", "PK!C2", "3250000", Some("3000000"));
        assert_eq!(f.related[0].cell.to_string(), "C5");
    }

    #[test]
    fn quiet_when_the_pk_is_the_exports() {
        assert_eq!(findings(&RULE, &[one_pair(), pk("3000000")]), Vec::new());
    }
}
