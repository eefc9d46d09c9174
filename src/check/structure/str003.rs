//! STR003 empty-parent: a parent row left empty while its children hold figures, where the table's parents carry their sums.

use super::{en_num, id_num, report, short, Cause, Slip, TableAnalysis};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "STR003",
    name: "empty-parent",
    severity: Severity::Error,
    title: "A parent row is empty while its children hold figures",
    judul: "Baris induk kosong padahal baris anaknya berisi angka",
    doc: include_str!("str003.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    report(rule, ctx, out, message);
}

fn message(_t: &TableAnalysis, slip: &Slip) -> Option<(String, String)> {
    let Cause::EmptyParent = slip.cause else {
        return None;
    };
    let column = &slip.column;
    let name = short(&slip.name);
    let k = slip.parts.len();
    let v = slip.expected.unwrap_or_default();
    Some((
        format!(
            "kolom {column}, baris «{name}» kosong, padahal {k} baris anaknya berisi angka yang berjumlah {} dan baris induk lain di kolom ini diisi jumlahnya",
            id_num(v)
        ),
        format!(
            "column {column}, row «{name}» is empty while its {k} children hold figures adding up to {}, and the column's other parents carry their sums",
            en_num(v)
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, one, sheet};

    fn table(second: &'static str) -> Vec<crate::check::testing::Sheet> {
        vec![sheet(
            "Renstra",
            &[
                &["KODE", "PROGRAM DAN KEGIATAN", "PAGU 2022", "PAGU 2023"],
                &["'5.03.01", "Program Penunjang", "700", second],
                &["'5.03.01.2.01", "Perencanaan", "300", "400"],
                &["'5.03.01.2.02", "Administrasi Keuangan", "400", "500"],
                &["'5.03.02", "Program Kepegawaian", "100", "200"],
                &["'5.03.02.2.03", "Pengembangan Kompetensi", "100", "200"],
            ],
        )]
    }

    #[test]
    fn a_program_without_its_amount() {
        let f = one(findings(&RULE, &table("")));
        assert_finding(&f, "STR003", "Renstra!D2", "", Some("900"));
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(related, ["D3", "D4"]);
    }

    #[test]
    fn a_heading_layout_is_quiet() {
        // No parent carries a sum: headings over figures are the layout.
        assert!(findings(
            &RULE,
            &[sheet(
                "Renstra",
                &[
                    &["KODE", "PROGRAM DAN KEGIATAN", "PAGU 2022", "PAGU 2023"],
                    &["'5.03.01", "Program Penunjang", "", ""],
                    &["'5.03.01.2.01", "Perencanaan", "300", "400"],
                    &["'5.03.02", "Program Kepegawaian", "", ""],
                    &["'5.03.02.2.03", "Pengembangan Kompetensi", "100", "200"],
                ],
            )],
        )
        .is_empty());
        assert!(findings(&RULE, &table("900")).is_empty());
    }
}
