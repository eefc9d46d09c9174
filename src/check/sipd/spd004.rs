//! SPD004 realisation-without-anggaran: realisasi on a row without anggaran.

use super::spd003::amounts;
use super::{at_realisasi, kelompok, money, named};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::structure::tree::RowRole;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "SPD004",
    name: "realisation-without-anggaran",
    severity: Severity::Warning,
    title: "A SIPD export shows realisasi on a row without anggaran",
    judul: "Ekspor SIPD memuat realisasi pada baris tanpa anggaran",
    doc: include_str!("spd004.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for e in &ctx.model.sipd.exports {
        for p in 0..e.pairs.len() {
            for (i, l) in e.lines.iter().enumerate() {
                if l.role == RowRole::Total || !l.children.is_empty() {
                    continue;
                }
                let Some((a, r)) = amounts(e, i, p) else {
                    continue;
                };
                if !a.is_zero() || r <= Decimal::ZERO {
                    continue;
                }
                let (who_id, who_en) = named(l);
                let (r_id, r_en) = money(r);
                let k = kelompok(e, p);
                out.extend(at_realisasi(
                    rule,
                    ctx,
                    e,
                    (i, p),
                    Message::new(
                        format!("{who_id}{k} memuat realisasi {r_id} padahal anggarannya nol"),
                        format!(
                            "{who_en}{k} shows a realisation of {r_en} while its anggaran is zero"
                        ),
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
    fn realisation_on_an_account_without_anggaran() {
        let f = one(findings(&RULE, &[with(one_pair(), "C17", "0")]));
        assert_finding(&f, "SPD004", "Rekap!D17", "300000", None);
        assert!(
            f.message.id.contains("rekening 5.1.02.02.001.00071"),
            "{}",
            f.message.id
        );
        assert_eq!(f.related[0].cell.to_string(), "C17");
    }

    #[test]
    fn quiet_on_a_clean_export() {
        assert_eq!(findings(&RULE, &[one_pair()]), Vec::new());
    }
}
