//! ARI001 stated-arithmetic: a cell breaks the arithmetic its table's numbering row states.

use super::{report, Said};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};
use crate::model::renja::{Cause, Form, Slip};

pub const RULE: Rule = Rule {
    code: "ARI001",
    name: "stated-arithmetic",
    severity: Severity::Error,
    title: "A cell breaks the arithmetic its numbering row states",
    judul: "Sel menyalahi rumus yang tertulis di baris penomoran kolom",
    doc: include_str!("ari001.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    report(rule, ctx, out, message);
}

fn message(form: &Form, slip: &Slip, said: Said) -> Option<(String, String)> {
    let Cause::Stated { equation } = slip.cause else {
        return None;
    };
    let eq = &form.equations[equation].written;
    let Said {
        column,
        found,
        expected,
    } = said;
    Some((
        format!(
            "kolom {column} tidak sesuai rumus \"{eq}\" yang tertulis di baris penomoran: tertulis {found}, seharusnya {expected}"
        ),
        format!(
            "column {column} breaks \"{eq}\" as the numbering row states it: {found} is written, it must be {expected}"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use crate::check::renja::testing::{the_one_finding, Mutant};

    #[test]
    fn a_typed_total_beside_its_quarters_is_the_one_root() {
        let f = the_one_finding(Mutant::TypedTotal);
        assert_eq!(f.code, super::RULE.code);
        assert_eq!(f.loc.cell.to_string(), "U10");
        assert_eq!(f.found, "0");
        assert_eq!(f.expected.as_deref(), Some("=M10+O10+Q10+S10 (35)"));
        assert!(
            f.message.id.contains("13 = 9 + 10 + 11 + 12"),
            "{}",
            f.message.id
        );
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        // The kegiatan above adds its own quarters, so only this row's 14 and 15 follow.
        assert_eq!(related, ["W10", "Y10"]);
    }
}

#[cfg(test)]
mod numbered_tables {
    use crate::check::renja::testing::{run, table, TABEL_3_4};

    /// A Tabel 3.4 numbered `(1) (2) (3) (4)=(3)/(2)x100` with one % typed wrong.
    fn numbered() -> Vec<u8> {
        table(
            "Tabel 3.4",
            TABEL_3_4,
            &["(1)", "(2)", "(3)", "(4)=(3)/(2)x100"],
            &[
                ("Program Penunjang Urusan", None),
                ("Perencanaan dan Evaluasi", Some(&[100.0, 70.0, 70.0])),
                ("Administrasi Keuangan", Some(&[200.0, 50.0, 30.0])),
            ],
        )
    }

    /// The stated `(4)=(3)/(2)x100` is the arithmetic the table's own percentage rule
    /// already checks: the wrong cell is reported once, not by both rules.
    #[test]
    fn a_numbered_tabel_3_4_reports_its_wrong_percentage_once() {
        let findings = run(vec![("tabel.xlsx", numbered())]);
        let at: Vec<(&str, String)> = findings
            .iter()
            .filter(|f| f.severity != crate::finding::Severity::Info)
            .map(|f| (f.code, f.loc.cell.to_string()))
            .collect();
        // The table's own percentage rule reports it; this rule does not again.
        assert_eq!(at.len(), 1, "{findings:#?}");
        assert_eq!(at[0].1, "D5");
        assert_ne!(at[0].0, super::RULE.code);
    }
}

#[cfg(test)]
mod plain_tables {
    use crate::check::testing::{assert_finding, findings, one, sheet};

    /// A table of no known kind whose numbering row states `(4) = (2) + (3)`.
    #[test]
    fn a_plain_tables_stated_sum() {
        let f = one(findings(
            &super::RULE,
            &[sheet(
                "Rekap",
                &[
                    &["KOMPONEN", "SEMESTER I", "SEMESTER II", "SETAHUN"],
                    &["(1)", "(2)", "(3)", "(4) = (2) + (3)"],
                    &["Belanja Pegawai", "100", "200", "300"],
                    &["Belanja Barang", "50", "70", "100"],
                    &["Belanja Modal", "10", "20", "30"],
                ],
            )],
        ));
        assert_finding(&f, "ARI001", "Rekap!D4", "100", Some("=B4+C4 (120)"));
        assert!(f.message.id.contains("(4) = (2) + (3)"), "{}", f.message.id);
    }
}
