//! NUM003 number-stored-as-text: numbers Excel neither sums nor sorts, once per table.

use super::{as_number_fix, loc, minority_mark_cells};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::model::{Figure, NumericColumn};

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

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for table in &ctx.model.tables {
        let cols: Vec<&NumericColumn> = ctx
            .model
            .numeric_columns
            .iter()
            .filter(|c| c.file == table.file && c.sheet == table.sheet && c.range == table.range)
            .collect();
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
