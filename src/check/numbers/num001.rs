//! NUM001 malformed-grouping: a figure whose thousands groups cannot be.

use super::loc;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Correction, Finding, Message, NewValue, Safety, Severity};
use crate::model::FigureProblem;

pub const RULE: Rule = Rule {
    code: "NUM001",
    name: "malformed-grouping",
    severity: Severity::Error,
    title: "A number's thousands grouping is malformed",
    judul: "Pengelompokan ribuan angka salah",
    doc: include_str!("num001.md").trim_ascii_end(),
    fixes: Fixes::WhenPinned,
    handling: Handling::READING,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for col in &ctx.model.numeric_columns {
        for f in &col.figures {
            let Some(FigureProblem::Malformed { readings }) = f.problem.as_deref() else {
                continue;
            };
            let listed: Vec<String> = readings.iter().map(|r| r.to_string()).collect();
            let pin = ctx.budget.pin_of(col, f);
            if pin.is_none() && crate::number::same_mark_both_roles(&f.written).is_some() {
                // One mark in both roles: NUM005 says what it means.
                continue;
            }
            if let Some(pin) = pin {
                let id = crate::words::group_thousands(pin.value, pin.value.normalize().scale());
                let en: String = id
                    .chars()
                    .map(|c| match c {
                        '.' => ',',
                        ',' => '.',
                        c => c,
                    })
                    .collect();
                let message = Message::new(
                    format!(
                        "angka {} di kolom {} salah pengelompokan ribuan; seharusnya {}, dipastikan oleh {}",
                        f.written, col.label, id, pin.because.id
                    ),
                    format!(
                        "the number {} in column {} has malformed thousands grouping; it must be {}, pinned by {}",
                        f.written, col.label, en, pin.because.en
                    ),
                );
                let fix = Correction {
                    cell: f.at,
                    value: NewValue::Number(pin.value),
                    safety: Safety::Pinned,
                };
                out.push(
                    rule.finding(loc(col, f.at), message, f.written.clone())
                        .expect(pin.value.normalize().to_string())
                        .fix(vec![fix]),
                );
                continue;
            }
            let message = Message::new(
                format!(
                    "angka {} di kolom {} salah pengelompokan ribuan; mungkin maksudnya {}",
                    f.written,
                    col.label,
                    listed.join(" atau ")
                ),
                format!(
                    "the number {} in column {} has malformed thousands grouping; it may mean {}",
                    f.written,
                    col.label,
                    listed.join(" or ")
                ),
            );
            out.push(rule.finding(loc(col, f.at), message, f.written.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, only, sheet};
    use rust_decimal_macros::dec;

    const HEADER: &[&str] = &[
        "PROGRAM/KEGIATAN",
        "PAGU ANGGARAN (Rp)",
        "REALISASI (Rp)",
        "%",
    ];

    #[test]
    fn a_pagu_pinned_by_its_realisation_and_percentage() {
        let f = &only(
            &RULE,
            &[sheet(
                "Tabel 3.4",
                &[HEADER, &["Kegiatan A", "65.00.000", "65000000", "100"]],
            )],
        );
        assert_finding(f, "NUM001", "Tabel 3.4!B2", "65.00.000", Some("65000000"));
        assert_eq!(f.fix.len(), 1);
        assert_eq!(f.fix[0].value, NewValue::Number(dec!(65000000)));
        assert_eq!(f.fix[0].safety, Safety::Pinned);
    }

    #[test]
    fn an_unpinned_figure_lists_its_readings() {
        let f = &only(
            &RULE,
            &[sheet("T", &[HEADER, &["Kegiatan A", "65.00.000", "", ""]])],
        );
        assert_finding(f, "NUM001", "T!B2", "65.00.000", None);
        assert!(f.fix.is_empty());
        assert!(
            f.message.en.ends_with("it may mean 6500000 or 65000000"),
            "{}",
            f.message.en
        );
    }
}
