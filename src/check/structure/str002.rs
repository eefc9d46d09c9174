//! STR002 total-row: a total row (typed, SUM or SUBTOTAL) is not the sum of the rows it should add, or adds several levels of the hierarchy together.

use super::str001::sum_message;
use super::{en_num, id_num, report, short, Cause, Slip, TableAnalysis};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "STR002",
    name: "total-row",
    severity: Severity::Error,
    title: "A total row is not the sum of the rows it should add",
    judul: "Baris jumlah/total tidak sama dengan jumlah baris yang seharusnya dijumlahkannya",
    doc: include_str!("str002.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    report(rule, ctx, out, message);
}

fn message(_t: &TableAnalysis, slip: &Slip) -> Option<(String, String)> {
    match &slip.cause {
        Cause::Sum {
            total: true,
            broken,
        } => Some(sum_message(
            slip,
            broken,
            ("baris yang dijumlahkannya", "rows"),
        )),
        Cause::MixedTotal { levels } => {
            let Slip {
                column,
                name,
                found,
                ..
            } = slip;
            let name = short(name);
            let v = slip.expected.unwrap_or_default();
            let n = levels.len();
            let (id_levels, en_levels): (Vec<String>, Vec<String>) =
                levels.iter().map(|l| (l.id(), l.en())).unzip();
            Some((
                format!(
                    "kolom {column}, baris «{name}»: rumusnya menjumlahkan {n} tingkat hierarki sekaligus ({}), sehingga tiap angka terhitung lebih dari sekali: tertulis {found}, padahal baris teratasnya berjumlah {}",
                    id_levels.join(", "),
                    id_num(v)
                ),
                format!(
                    "column {column}, row «{name}»: its formula adds {n} levels of the hierarchy together ({}), counting each amount more than once: {found} is written but its top rows add up to {}",
                    en_levels.join(", "),
                    en_num(v)
                ),
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, one, sheet};

    #[test]
    fn a_typed_jumlah_that_is_not_its_rows() {
        let f = one(findings(
            &RULE,
            &[sheet(
                "Sarana",
                &[
                    &["NO", "JENIS BARANG", "JUMLAH", "KETERANGAN"],
                    &["1", "Randis Roda 4", "3", "Baik"],
                    &["2", "Randis Roda 2", "12", "Baik"],
                    &["3", "Komputer", "20", "Baik"],
                    &["", "JUMLAH", "36", ""],
                ],
            )],
        ));
        assert_finding(&f, "STR002", "Sarana!C5", "36", Some("35"));
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(related, ["C2", "C3", "C4"]);
    }

    /// An SIPD-like export: every level carries its amount, and the total's
    /// SUBTOTAL adds them all.
    #[test]
    fn a_subtotal_adding_every_level() {
        let f = one(findings(
            &RULE,
            &[sheet(
                "Sheet1",
                &[
                    &["KODE", "URAIAN", "ALOKASI"],
                    &["'2", "URUSAN WAJIB NON PELAYANAN DASAR", "600"],
                    &["'2.16", "BIDANG KOMUNIKASI DAN INFORMATIKA", "600"],
                    &["'2.16.01", "PROGRAM PENUNJANG URUSAN", "600"],
                    &["'2.16.01.2.01", "Kegiatan Perencanaan", "400"],
                    &["'2.16.01.2.02", "Kegiatan Administrasi Keuangan", "200"],
                    &["", "JUMLAH", "=SUBTOTAL(9,C2:C6) [2400]"],
                ],
            )],
        ));
        assert_finding(
            &f,
            "STR002",
            "Sheet1!C7",
            "=SUBTOTAL(9,C2:C6) (2400)",
            Some("600"),
        );
        assert!(
            f.message.en.contains(
                "adds 4 levels of the hierarchy together (Urusan, Bidang, Program, Kegiatan)"
            ),
            "{}",
            f.message.en
        );
        assert_eq!(
            f.fix[0].value,
            crate::finding::NewValue::Formula {
                formula: "C2".into(),
                value: 600.into()
            }
        );
    }

    #[test]
    fn a_jumlah_that_adds_up_is_quiet() {
        assert!(findings(
            &RULE,
            &[sheet(
                "Sarana",
                &[
                    &["NO", "JENIS BARANG", "JUMLAH", "KETERANGAN"],
                    &["1", "Randis Roda 4", "3", "Baik"],
                    &["2", "Komputer", "20", "Baik"],
                    &["", "JUMLAH", "23", ""],
                ],
            )],
        )
        .is_empty());
    }
}
