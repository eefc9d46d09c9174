//! TBL004 figure-column-of-text: a column whose header says figures while most of
//! its cells are words.

use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Loc, Message, Severity};
use crate::number::NumberKind;

pub const RULE: Rule = Rule {
    code: "TBL004",
    name: "figure-column-of-text",
    severity: Severity::Warning,
    title: "A figure column holds mostly text",
    judul: "Kolom angka sebagian besar berisi teks",
    doc: include_str!("tbl004.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for col in &ctx.model.numeric_columns {
        // A target or realisation may be a word (`HIJAU`, `BB`).
        if col.number == NumberKind::Measure {
            continue;
        }
        let Some(texts) = col.mostly_text() else {
            continue;
        };
        let examples: Vec<String> = texts
            .iter()
            .take(3)
            .map(|f| format!("\"{}\"", f.written.trim()))
            .collect();
        let more = if texts.len() > 3 { ", …" } else { "" };
        let message = Message::new(
            format!(
                "kolom {} tabel {} di {} berisi teks di {} dari {} selnya ({}{more}): angkanya tidak dapat dibaca maupun diperiksa",
                col.label,
                col.kind.title(),
                col.range,
                texts.len(),
                col.figures.len(),
                examples.join(", ")
            ),
            format!(
                "column {} of the {} table at {} holds text in {} of its {} cells ({}{more}): its figures can be neither read nor checked",
                col.label,
                col.kind.name(),
                col.range,
                texts.len(),
                col.figures.len(),
                examples.join(", ")
            ),
        );
        let loc = Loc::cell(&col.file, &col.sheet, col.header);
        let related = texts
            .iter()
            .map(|f| Loc::cell(&col.file, &col.sheet, f.at))
            .collect();
        out.push(
            rule.finding(loc, message, texts[0].written.trim())
                .related(related),
        );
    }
    // The columns of any table that no kind reads as numbers, whose header words
    // promise figures (`ANGGARAN (Rp)` in a table of no known kind).
    for t in &ctx.structure.tables {
        for c in &t.text_columns {
            let examples: Vec<String> = c.examples.iter().map(|e| format!("\"{e}\"")).collect();
            let examples = examples.join(", ");
            let range = t.range();
            let message = Message::new(
                format!(
                    "kolom {} tabel di {range} berisi teks di {} dari {} selnya ({examples}, …): angkanya tidak dapat dibaca maupun diperiksa",
                    c.label, c.texts, c.filled
                ),
                format!(
                    "column {} of the table at {range} holds text in {} of its {} cells ({examples}, …): its figures can be neither read nor checked",
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
    use crate::check::testing::{assert_finding, findings, only, sheet};

    #[test]
    fn a_pagu_column_of_words() {
        let rows: &[&[&str]] = &[
            &[
                "PROGRAM/KEGIATAN",
                "PAGU ANGGARAN (Rp)",
                "REALISASI (Rp)",
                "%",
            ],
            &["Kegiatan A", "satu juta", "900", "90"],
            &["Kegiatan B", "dua juta", "800", "80"],
            &["Kegiatan C", "lihat lampiran", "800", "80"],
            &["Kegiatan D", "1000", "800", "80"],
        ];
        let f = &only(&RULE, &[sheet("Teks", rows)]);
        assert_finding(f, "TBL004", "Teks!B1", "satu juta", None);
        assert_eq!(
            f.message.en,
            "column PAGU ANGGARAN (Rp) of the anggaran table at A1:D5 holds text in 3 of its 4 cells (\"satu juta\", \"dua juta\", \"lihat lampiran\"): its figures can be neither read nor checked"
        );
        // Told once as a column, not once a cell (tests/integration/judged.rs
        // holds that the per-cell rule is silent).
        assert_eq!(f.related.len(), 3);
    }

    #[test]
    fn a_money_column_of_words_in_a_table_of_no_kind() {
        let f = &only(
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
        );
        assert_finding(f, "TBL004", "Kegiatan!C1", "ANGGARAN (Rp)", None);
        assert!(
            f.message.en.starts_with(
                "column ANGGARAN (Rp) of the table at A1:D4 holds text in 3 of its 3 cells (\"dua juta rupiah\""
            ),
            "{}",
            f.message.en
        );
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

    #[test]
    fn one_word_in_a_column_of_figures_is_a_cells_slip() {
        let rows: &[&[&str]] = &[
            &[
                "PROGRAM/KEGIATAN",
                "PAGU ANGGARAN (Rp)",
                "REALISASI (Rp)",
                "%",
            ],
            &["Kegiatan A", "satu juta", "900", "90"],
            &["Kegiatan B", "1000", "800", "80"],
            &["Kegiatan C", "1000", "800", "80"],
        ];
        assert_eq!(findings(&RULE, &[sheet("Teks", rows)]), vec![]);
    }
}
