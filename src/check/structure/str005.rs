//! STR005 percentage-beyond-sense: a percentage over 1,000 %.

use super::{report, short, Cause, Slip, TableAnalysis};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "STR005",
    name: "percentage-beyond-sense",
    severity: Severity::Warning,
    title: "A percentage over 1,000 %",
    judul: "Persentase di atas 1.000%",
    doc: include_str!("str005.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    report(rule, ctx, out, message);
}

fn message(_t: &TableAnalysis, slip: &Slip) -> Option<(String, String)> {
    let Cause::Absurd = slip.cause else {
        return None;
    };
    let Slip {
        column,
        name,
        found,
        ..
    } = slip;
    let name = short(name);
    let (from_id, from_en) = match slip.parts.as_slice() {
        [a, b] => (
            format!("; periksa {a} dan {b} yang menjadi dasar hitungnya (satuan atau tahunnya mungkin berbeda)"),
            format!("; check {a} and {b} it is computed from (their units or years may differ)"),
        ),
        _ => (String::new(), String::new()),
    };
    Some((
        format!("kolom {column}, baris «{name}»: {found} % melampaui 1.000 %, di luar nalar untuk sebuah persentase{from_id}"),
        format!("column {column}, row «{name}»: {found} % is over 1,000 %, beyond any sense for a percentage{from_en}"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, one, sheet};

    #[test]
    fn a_percentage_of_thousands() {
        let f = one(findings(
            &RULE,
            &[sheet(
                "Kinerja",
                &[
                    &["INDIKATOR", "SATUAN", "PERSENTASE"],
                    &["Dokumen perencanaan", "Dokumen", "100"],
                    &["Laporan keuangan", "Laporan", "3750"],
                    &["Rapat koordinasi", "Kali", "87.5"],
                ],
            )],
        ));
        assert_finding(&f, "STR005", "Kinerja!C3", "3750", None);
        assert!(f.fix.is_empty());
    }
}
