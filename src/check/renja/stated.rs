//! REN001: a cell breaks the arithmetic its table's numbering row states.

use super::super::{Context, Fixes, Handling, Rule};
use super::{report, Said};
use crate::finding::{Finding, Severity};
use crate::model::renja::{Cause, Form, Slip};

pub const RULE: Rule = Rule {
    code: "REN001",
    name: "stated-arithmetic",
    severity: Severity::Error,
    title: "A cell breaks the arithmetic its numbering row states",
    judul: "Sel menyalahi rumus yang tertulis di baris penomoran kolom",
    doc: "Reads the equations an office writes in a table's numbering row (`13 = 9 + 10 + 11 + 12`, \
`14 = 7 + 13`, `15 = 14 / 6 x 100`, `(4) = (3) / (2) x 100%`) and checks every data row by them, \
the `K` and the `Rp` sub-columns each. A ratio is right at the precision it is written with; a sum \
exactly. When the cell is a root cause, the cells that are wrong only because of it (its parents, \
its row's later columns) are listed in `related` instead of being reported each.\n\n\
## Example\nEvaluasi Renja, kegiatan row 12: quarters 9–12 Rp are 10, 10, 10, 5 and column 13 Rp is \
typed `0`. One finding at the column-13 cell: `13 = 9 + 10 + 11 + 12` gives 35; its row's \
columns 14 and 15 (and a parent whose column 13 adds its children's) follow from it and are in \
`related`.\n\n\
## Fix\nSafe: the cell becomes the formula the stated arithmetic gives (`F12+I12+L12+O12`) with its \
value cached; the cells that follow from it get their recomputed values.",
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
    use crate::check::renja::tests::{the_one_finding, Mutant};

    #[test]
    fn a_typed_total_beside_its_quarters_is_the_one_root() {
        let f = the_one_finding(Mutant::TypedTotal);
        assert_eq!(f.code, "REN001");
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
    use crate::check::renja::tests::{run, table, TABEL_3_4};

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

    /// The stated `(4)=(3)/(2)x100` is the arithmetic the table's own rule (PCT010)
    /// already checks: the wrong cell is reported once, not by both rules.
    #[test]
    fn a_numbered_tabel_3_4_reports_its_wrong_percentage_once() {
        let findings = run(vec![("tabel.xlsx", numbered())]);
        let at: Vec<(&str, String)> = findings
            .iter()
            .filter(|f| f.severity != crate::finding::Severity::Info)
            .map(|f| (f.code, f.loc.cell.to_string()))
            .collect();
        assert_eq!(at, [("PCT010", "D5".to_string())], "{findings:#?}");
    }
}
