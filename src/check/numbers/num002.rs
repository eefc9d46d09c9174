//! NUM002 text-in-numeric-column: text, a date or an error value where a number belongs.

use super::loc;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::model::FigureProblem;
use crate::number::NumberKind;

pub const RULE: Rule = Rule {
    code: "NUM002",
    name: "text-in-numeric-column",
    severity: Severity::Error,
    title: "Text, a date or an error value where a number belongs",
    judul: "Teks, tanggal, atau nilai galat di kolom angka",
    doc: include_str!("num002.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::READING,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for col in &ctx.model.numeric_columns {
        // A column mostly of text is told once, as a column (TBL004).
        if col.number == NumberKind::Measure || col.mostly_text().is_some() {
            continue;
        }
        for f in &col.figures {
            if f.problem.as_deref() != Some(&FigureProblem::NotANumber) {
                continue;
            }
            let message = Message::new(
                format!("kolom {} berisi \"{}\", bukan angka", col.label, f.written),
                format!("column {} holds \"{}\", not a number", col.label, f.written),
            );
            out.push(rule.finding(loc(col, f.at), message, f.written.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, only, sheet};

    #[test]
    fn words_in_a_money_column() {
        let f = &only(
            &RULE,
            &[sheet(
                "Tabel 3.4",
                &[
                    &[
                        "PROGRAM/KEGIATAN",
                        "PAGU ANGGARAN (Rp)",
                        "REALISASI (Rp)",
                        "%",
                    ],
                    &["Kegiatan A", "1000", "seratus ribu", "10"],
                    &["Kegiatan B", "-", "0", "0"],
                ],
            )],
        );
        assert_finding(f, "NUM002", "Tabel 3.4!C2", "seratus ribu", None);
        assert!(f.fix.is_empty());
    }
}
