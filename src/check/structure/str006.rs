//! STR006 text-in-figure-column: a column whose header promises figures holds mostly text, and is not checked.

use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};

pub const RULE: Rule = Rule {
    code: "STR006",
    name: "text-in-figure-column",
    severity: Severity::Info,
    title: "A column whose header promises figures holds mostly text",
    judul: "Kolom yang judulnya menjanjikan angka sebagian besar berisi teks",
    doc: include_str!("str006.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::SHEET_NOTE,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for t in &ctx.structure.tables {
        for c in &t.text_columns {
            let examples: Vec<String> = c.examples.iter().map(|e| format!("\"{e}\"")).collect();
            let examples = examples.join(", ");
            let range = t.range();
            let (file, sheet) = (&t.file, &t.sheet);
            let message = Message::new(
                format!(
                    "kolom «{}» tabel {range} di lembar \"{sheet}\" ({file}) semestinya berisi angka, tetapi {} dari {} selnya teks (mis. {examples}); kolom ini tidak diperiksa",
                    c.label, c.texts, c.filled
                ),
                format!(
                    "column «{}» of the table {range} on sheet \"{sheet}\" ({file}) should hold figures, but {} of its {} cells are text (e.g. {examples}); the column is not checked",
                    c.label, c.texts, c.filled
                ),
            );
            out.push(rule.finding(t.loc(c.header), message, c.label.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, one, sheet};

    #[test]
    fn a_money_column_of_words_is_told() {
        let f = one(findings(
            &RULE,
            &[sheet(
                "Kegiatan",
                &[
                    &["NO", "KEGIATAN", "ANGGARAN (Rp)", "KETERANGAN"],
                    &["1", "Rapat koordinasi", "dua juta rupiah", "selesai"],
                    &["2", "Monitoring", "belum ditetapkan", "berjalan"],
                    &["3", "Evaluasi", "menunggu DPA", "berjalan"],
                ],
            )],
        ));
        assert_finding(&f, "STR006", "Kegiatan!C1", "ANGGARAN (Rp)", None);
        assert!(
            f.message
                .en
                .contains("table A1:D4 on sheet \"Kegiatan\" (test.xlsx)"),
            "{}",
            f.message.en
        );
        assert_eq!(f.severity, Severity::Info);
    }

    #[test]
    fn a_source_of_funds_is_words_by_name() {
        assert!(findings(
            &RULE,
            &[sheet(
                "Kegiatan",
                &[
                    &["NO", "KEGIATAN", "SUMBER DANA", "ANGGARAN (Rp)"],
                    &["1", "Rapat koordinasi", "APBD", "2000000"],
                    &["2", "Monitoring", "APBN", "3000000"],
                    &["3", "Evaluasi", "DAK", "1000000"],
                ],
            )],
        )
        .is_empty());
    }
}
