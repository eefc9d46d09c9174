//! STR001 parent-sum: a parent row is not the sum of its children, in any money or count column of any table.

use super::{en_num, id_num, report, short, Broken, Cause, Slip, TableAnalysis};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "STR001",
    name: "parent-sum",
    severity: Severity::Error,
    title: "A parent row is not the sum of its children",
    judul: "Baris induk tidak sama dengan jumlah baris anaknya",
    doc: include_str!("str001.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    report(rule, ctx, out, message);
}

fn message(_t: &TableAnalysis, slip: &Slip) -> Option<(String, String)> {
    let Cause::Sum {
        total: false,
        broken,
    } = &slip.cause
    else {
        return None;
    };
    Some(sum_message(slip, broken, ("baris anaknya", "children")))
}

/// The message of a broken sum; `parts` names the rows under the whole, both languages.
pub(super) fn sum_message(
    slip: &Slip,
    broken: &Broken,
    (parts_id, parts_en): (&str, &str),
) -> (String, String) {
    let Slip {
        column,
        name,
        found,
        ..
    } = slip;
    let name = short(name);
    let k = slip.parts.len();
    match broken {
        Broken::Whole => {
            let v = slip.expected.unwrap_or_default();
            (
                format!(
                    "kolom {column}, baris «{name}»: tertulis {found}, padahal {k} {parts_id} berjumlah {}",
                    id_num(v)
                ),
                format!(
                    "column {column}, row «{name}»: {found} is written but its {k} {parts_en} add up to {}",
                    en_num(v)
                ),
            )
        }
        Broken::Part { whole } => {
            let v = slip.expected.unwrap_or_default();
            (
                format!(
                    "kolom {column}, baris «{name}»: tertulis {found}; induknya {whole} cocok dengan tingkat di atasnya dan, dikurangi baris lainnya, menyisakan {} untuk baris ini",
                    id_num(v)
                ),
                format!(
                    "column {column}, row «{name}»: {found} is written; its whole {whole} agrees with the level above and, less the other rows, leaves {} for this one",
                    en_num(v)
                ),
            )
        }
        Broken::OneOfItsParts { parts } => (
            format!(
                "kolom {column}, baris «{name}»: tertulis {found}, tetapi {k} {parts_id} berjumlah {}; baris ini cocok dengan tingkat di atasnya, jadi salah satu {parts_id} yang perlu diperiksa",
                id_num(*parts)
            ),
            format!(
                "column {column}, row «{name}»: {found} is written but its {k} {parts_en} add up to {}; this row agrees with the level above, so one of its {parts_en} is the one to check",
                en_num(*parts)
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, one, sheet};

    const HEADER: &[&str] = &["KODE", "URAIAN", "ALOKASI", "KETERANGAN"];

    fn table(program: &'static str, kegiatan: &'static str) -> Vec<crate::check::testing::Sheet> {
        vec![sheet(
            "Belanja",
            &[
                HEADER,
                &["'1.02", "Urusan Kesehatan", "1500000", ""],
                &["'1.02.01", "Program Penunjang", program, ""],
                &["'1.02.01.2.01", "Perencanaan", kegiatan, ""],
                &["'1.02.01.2.02", "Administrasi Keuangan", "700000", ""],
                &[
                    "'1.02.02",
                    "Program Pemenuhan Upaya Kesehatan",
                    "300000",
                    "",
                ],
                &["'1.02.02.2.01", "Penyediaan Fasilitas", "300000", ""],
            ],
        )]
    }

    #[test]
    fn a_program_typed_wrong_is_found_at_its_cell() {
        let f = one(findings(&RULE, &table("1250000", "500000")));
        assert_finding(&f, "STR001", "Belanja!C3", "1250000", Some("1200000"));
        assert_eq!(f.fix.len(), 1);
        assert_eq!(
            f.fix[0].value,
            crate::finding::NewValue::Number(rust_decimal::Decimal::from(1_200_000))
        );
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(related, ["C4", "C5"]);
    }

    #[test]
    fn a_tree_that_adds_up_is_quiet() {
        assert!(findings(&RULE, &table("1200000", "500000")).is_empty());
    }

    #[test]
    fn a_kegiatan_typed_wrong_under_a_right_program_leaves_the_choice_open() {
        let f = one(findings(&RULE, &table("1200000", "550000")));
        assert_finding(&f, "STR001", "Belanja!C3", "1200000", None);
        assert!(
            f.message.en.contains("add up to 1,250,000"),
            "{}",
            f.message.en
        );
        assert!(f.fix.is_empty());
    }
}
