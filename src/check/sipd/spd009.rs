//! SPD009 anggaran-shifted: a sub kegiatan's anggaran changed between two exports
//! of a year.

use super::{loc, money, named};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};

pub const RULE: Rule = Rule {
    code: "SPD009",
    name: "anggaran-shifted",
    severity: Severity::Info,
    title: "A sub kegiatan's anggaran changed between two SIPD exports of the year",
    judul: "Anggaran sub kegiatan berubah antara dua ekspor SIPD tahun yang sama (pergeseran)",
    doc: include_str!("spd009.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let sipd = &ctx.model.sipd;
    for s in &sipd.series {
        for shift in &s.shifts {
            let (eb, ib) = shift.before;
            let (ea, ia) = shift.after;
            let (before, after) = (&sipd.exports[eb], &sipd.exports[ea]);
            let (Some(at), Some(was_at)) = (after.anggaran_cell(ia), before.anggaran_cell(ib))
            else {
                continue;
            };
            let (who_id, who_en) = named(&after.lines[ia]);
            let (f_id, f_en) = money(shift.from);
            let (t_id, t_en) = money(shift.to);
            let was = format!("{} {}!{}", before.file, before.sheet, was_at);
            out.push(
                rule.finding(
                    loc(ctx, after, at),
                    Message::new(
                        format!("anggaran {who_id} berubah dari {f_id} ({was}) menjadi {t_id} (pergeseran anggaran)"),
                        format!("the anggaran of {who_en} changed from {f_en} ({was}) to {t_en} (a budget shift)"),
                    ),
                    shift.to.normalize().to_string(),
                )
                .related(vec![loc(ctx, before, was_at)]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::check::sipd::testing::{one_pair, titled, with};
    use crate::check::testing::{assert_finding, findings_with, one};
    use crate::config::Config;

    #[test]
    fn a_sub_kegiatan_whose_anggaran_moved() {
        let january = titled(one_pair(), "REALISASI BULAN JANUARI 2026");
        // July: 200.000 moved from one account of sub kegiatan …0001 to …0002.
        let mut july = titled(one_pair(), "REALISASI BULAN JULI 2026");
        for (a1, v) in [
            ("C9", "1800000"),
            ("C10", "1800000"),
            ("C11", "1300000"),
            ("C12", "800000"),
            ("C16", "1200000"),
            ("C17", "1200000"),
            ("C18", "1200000"),
            ("C19", "1200000"),
        ] {
            july = with(july, a1, v);
        }
        let found = findings_with(
            &RULE,
            &Config::default_config(),
            &[("januari.xlsx", &[january]), ("juli.xlsx", &[july])],
        );
        let cells: Vec<String> = found
            .iter()
            .map(|f| format!("{}!{}", f.loc.file, f.loc.cell))
            .collect();
        assert_eq!(cells, ["juli.xlsx!C9", "juli.xlsx!C16"]);
        let f = one(found.into_iter().take(1).collect());
        assert_finding(&f, "SPD009", "Rekap!C9", "1800000", None);
        assert!(
            f.message
                .id
                .contains("dari 2.000.000 (januari.xlsx Rekap!C9) menjadi 1.800.000"),
            "{}",
            f.message.id
        );
    }
}
