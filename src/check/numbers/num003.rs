//! NUM003 number-stored-as-text: numbers Excel neither sums nor sorts, once per table.

use super::{as_number_fix, loc, minority_mark_cells};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::model::{Figure, NumericColumn, TableInfo};
use crate::number::NumberKind;
use crate::table::TableKind;

pub const RULE: Rule = Rule {
    code: "NUM003",
    name: "number-stored-as-text",
    severity: Severity::Warning,
    title: "Numbers stored as text",
    judul: "Angka tersimpan sebagai teks",
    doc: include_str!("num003.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::READING,
    check,
};

/// The numeric columns of `table`.
fn cols_of<'a>(ctx: &'a Context, table: &'a TableInfo) -> impl Iterator<Item = &'a NumericColumn> {
    ctx.model
        .numeric_columns
        .iter()
        .filter(|c| c.file == table.file && c.sheet == table.sheet && c.range == table.range)
}

/// A SIPD export's amounts written as SIPD writes them: told, left as they are.
fn sipd_format(rule: &Rule, col: &NumericColumn, first: &Figure, n: usize) -> Finding {
    rule.finding(
        loc(col, first.at),
        Message::new(
            format!(
                "{n} angka di ekspor SIPD tersimpan sebagai teks, sebagaimana SIPD menulisnya (mis. \"{}\" di kolom {}); angkanya terbaca dan diperiksa, tetapi Excel tidak menjumlahkannya",
                first.written, col.label
            ),
            format!(
                "{n} amounts of the SIPD export are stored as text, as SIPD writes them (e.g. \"{}\" in column {}); they are read and checked, but Excel does not sum them",
                first.written, col.label
            ),
        ),
        first.written.clone(),
    )
    .severity(Severity::Info)
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for table in &ctx.model.tables {
        let cols: Vec<&NumericColumn> = cols_of(ctx, table).collect();
        let mut cells: Vec<(&NumericColumn, &Figure)> = Vec::new();
        for col in cols {
            let skip = minority_mark_cells(col);
            cells.extend(
                col.figures
                    .iter()
                    .filter(|f| f.stored_as_text && !skip.contains(&f.at))
                    .map(|f| (col, f)),
            );
        }
        cells.sort_by_key(|(_, f)| f.at);
        if table.kind == TableKind::SipdRealisasi {
            // SIPD writes its amounts as text (`'10.701.893.800,00'`), or its zeros
            // only (`'0,00'`): its own format, read as numbers, and a text zero
            // changes no sum. Only an export typed over in part, figures beside
            // text, is at risk in Excel.
            cells.retain(|(_, f)| f.value.is_none_or(|v| !v.is_zero()));
            let typed = cols_of(ctx, table)
                .filter(|c| c.number == NumberKind::Money)
                .any(|c| {
                    c.figures
                        .iter()
                        .any(|f| !f.stored_as_text && f.value.is_some_and(|v| !v.is_zero()))
                });
            if !typed {
                if let Some((col, first)) = cells.first() {
                    out.push(sipd_format(rule, col, first, cells.len()));
                }
                continue;
            }
        }
        let Some((first_col, first)) = cells.first() else {
            continue;
        };
        let n = cells.len();
        let message = Message::new(
            format!(
                "{n} angka di tabel {} tersimpan sebagai teks (mis. \"{}\" di kolom {}); Excel tidak menjumlahkannya",
                table.kind.title(),
                first.written,
                first_col.label
            ),
            format!(
                "{n} numbers in table {} are stored as text (e.g. \"{}\" in column {}); Excel does not sum them",
                table.kind.name(),
                first.written,
                first_col.label
            ),
        );
        let related = cells[1..].iter().map(|(c, f)| loc(c, f.at)).collect();
        let fix = cells
            .iter()
            .filter_map(|(c, f)| as_number_fix(c, f))
            .collect();
        out.push(
            rule.finding(loc(first_col, first.at), message, first.written.clone())
                .related(related)
                .fix(fix),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, only, sheet};
    use crate::finding::{NewValue, Place};
    use rust_decimal_macros::dec;

    #[test]
    fn one_finding_per_table_at_its_first_text_number() {
        let f = &only(
            &RULE,
            &[sheet(
                "Pembiayaan",
                &[
                    &["NO", "URAIAN", "JUMLAH (Rp)"],
                    &["1", "Belanja Pegawai", "Rp. 6.796.834.585,-"],
                    &["2", "Belanja Barang", "1.000.000"],
                    &["3", "Belanja Modal", "250000"],
                ],
            )],
        );
        assert_finding(f, "NUM003", "Pembiayaan!C2", "Rp. 6.796.834.585,-", None);
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(related, vec!["C3"]);
        let fixes: Vec<(String, NewValue)> = f
            .fix
            .iter()
            .map(|c| (Place::Cell(c.cell).to_string(), c.value.clone()))
            .collect();
        assert_eq!(
            fixes,
            vec![
                ("C2".into(), NewValue::Number(dec!(6796834585))),
                ("C3".into(), NewValue::Number(dec!(1000000))),
            ]
        );
    }
}
