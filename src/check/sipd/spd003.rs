//! SPD003 realisation-above-anggaran: a row realises more than its anggaran.

use super::{at_realisasi, kelompok, money, named};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::model::sipd::Export;
use crate::structure::tree::RowRole;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "SPD003",
    name: "realisation-above-anggaran",
    severity: Severity::Warning,
    title: "A SIPD export's realisasi is above its anggaran",
    judul: "Realisasi pada ekspor SIPD melebihi anggarannya",
    doc: include_str!("spd003.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

/// Anggaran and realisasi of line `i` in pair `p` (a blank is zero); `None` when
/// a cell cannot be read.
pub(super) fn amounts(e: &Export, i: usize, p: usize) -> Option<(Decimal, Decimal)> {
    let l = &e.lines[i];
    let value = |f: &Option<crate::model::Figure>| match f {
        None => Some(Decimal::ZERO),
        Some(f) => f.value,
    };
    Some((value(&l.anggaran[p])?, value(&l.realisasi[p])?))
}

/// Whether a row under `i` realises more than its anggaran in pair `p`.
pub(super) fn over_below(e: &Export, i: usize, p: usize) -> bool {
    e.lines[i]
        .children
        .iter()
        .any(|&c| amounts(e, c, p).is_some_and(|(a, r)| r > a) || over_below(e, c, p))
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for e in &ctx.model.sipd.exports {
        for p in 0..e.pairs.len() {
            for (i, l) in e.lines.iter().enumerate() {
                if l.role == RowRole::Total {
                    continue;
                }
                let Some((a, r)) = amounts(e, i, p) else {
                    continue;
                };
                if a <= Decimal::ZERO || r <= a || over_below(e, i, p) {
                    continue;
                }
                let (who_id, who_en) = named(l);
                let (r_id, r_en) = money(r);
                let (a_id, a_en) = money(a);
                let (d_id, d_en) = money(r - a);
                let k = kelompok(e, p);
                out.extend(at_realisasi(
                    rule,
                    ctx,
                    e,
                    (i, p),
                    Message::new(
                            format!("realisasi {who_id}{k} {r_id} melebihi anggarannya {a_id} (lebih {d_id})"),
                            format!("the realisation of {who_en}{k}, {r_en}, is above its anggaran {a_en} (by {d_en})"),
                        ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::check::sipd::testing::{one_pair, with};
    use crate::check::testing::{assert_finding, findings, one};

    #[test]
    fn an_account_realising_more_than_its_anggaran() {
        let f = one(findings(&RULE, &[with(one_pair(), "D10", "1200000")]));
        assert_finding(&f, "SPD003", "Rekap!D10", "1200000", None);
        assert!(
            f.message.id.contains("rekening 5.1.02.01.001.00024"),
            "{}",
            f.message.id
        );
        assert!(
            f.message
                .id
                .contains("1.200.000 melebihi anggarannya 1.000.000"),
            "{}",
            f.message.id
        );
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(related, ["C10"]);
    }

    #[test]
    fn a_sub_kegiatan_without_accounts_over_its_anggaran() {
        // The sub kegiatan's accounts removed: it is the deepest row.
        let mut sheet = one_pair();
        sheet.rows.truncate(7);
        sheet.rows.push(vec!["", "Jumlah", "3000000", "1200000"]);
        let sheet = with(sheet, "D7", "2100000");
        let found = findings(&RULE, &[sheet]);
        let cells: Vec<String> = found.iter().map(|f| f.loc.cell.to_string()).collect();
        assert_eq!(cells, ["D7"]);
    }

    #[test]
    fn quiet_on_a_clean_export() {
        assert_eq!(findings(&RULE, &[one_pair()]), Vec::new());
    }
}
