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
        let words_allowed = col.number == NumberKind::Measure || col.mostly_text().is_some();
        for f in &col.figures {
            if f.problem.as_deref() != Some(&FigureProblem::NotANumber) {
                continue;
            }
            // An indicator's target may be a word; an error value is never a figure.
            if words_allowed && !is_error_value(&f.written) {
                continue;
            }
            // `n/a`: the office says there is no figure (no realisation yet, so no
            // capaian), as a blank or `-` would.
            if not_applicable(&f.written) {
                continue;
            }
            out.push(rule.finding(
                loc(col, f.at),
                message(&col.label, &f.written),
                f.written.clone(),
            ));
        }
    }
    // The figure columns of any table that no kind reads as numbers: their error
    // values (their words may be remarks, and a column of them is TBL004's).
    for t in &ctx.structure.tables {
        for col in t.columns.iter().filter(|c| !c.numeric) {
            for f in col.figures.iter().flatten() {
                if f.problem.as_deref() == Some(&FigureProblem::NotANumber)
                    && is_error_value(&f.written)
                {
                    out.push(rule.finding(
                        t.loc(f.at),
                        message(&col.field.label, &f.written),
                        f.written.clone(),
                    ));
                }
            }
        }
    }
}

fn message(label: &str, written: &str) -> Message {
    Message::new(
        format!("kolom {label} berisi \"{written}\", bukan angka"),
        format!("column {label} holds \"{written}\", not a number"),
    )
}

/// An office's "not applicable" in a figure cell: `n/a`, `N/A`, `n.a.`, `NA`.
fn not_applicable(written: &str) -> bool {
    let t = written.trim().trim_end_matches('.').to_ascii_lowercase();
    matches!(t.as_str(), "n/a" | "n.a" | "na" | "n / a")
}

/// A spreadsheet's error value as a cell shows it (`#DIV/0!`, `#REF!`, `#N/A`).
fn is_error_value(written: &str) -> bool {
    matches!(
        written.trim(),
        "#DIV/0!"
            | "#REF!"
            | "#VALUE!"
            | "#N/A"
            | "#NAME?"
            | "#NUM!"
            | "#NULL!"
            | "#SPILL!"
            | "#CALC!"
    )
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

    #[test]
    fn not_applicable_is_no_figure_but_an_error_value_is() {
        let rows: &[&[&str]] = &[
            &["Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"],
            &["Persentase penurunan temuan", "55", "n/a", "n/a"],
            &["Nilai SAKIP", "70", "71", "#N/A"],
        ];
        let f = &only(&RULE, &[sheet("Capaian", rows)]);
        assert_finding(f, "NUM002", "Capaian!D3", "#N/A", None);
    }

    #[test]
    fn an_error_value_in_a_plain_tables_figure_column() {
        let f = &only(
            &RULE,
            &[sheet(
                "Rekap",
                &[
                    &["KOMPONEN", "SEMESTER I", "SEMESTER II", "CATATAN"],
                    &["Belanja Pegawai", "1000000", "900000", "sesuai"],
                    &["Belanja Barang", "2000000", "#DIV/0!", "sesuai"],
                    &["Belanja Modal", "3000000", "2500000", "sesuai"],
                ],
            )],
        );
        assert_finding(f, "NUM002", "Rekap!C3", "#DIV/0!", None);
    }
}
