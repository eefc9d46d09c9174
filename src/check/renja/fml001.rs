//! FML001 formula-off-pattern: a formula names cells its row's place in the tree and the stated
//! arithmetic do not (Excel's "inconsistent formula" and "formula omits adjacent cells").

use super::{report, Said};
use crate::cell::CellRef;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};
use crate::model::renja::{Cause, Form, FormulaSlip, Slip};

pub const RULE: Rule = Rule {
    code: "FML001",
    name: "formula-off-pattern",
    severity: Severity::Error,
    title: "A formula adds rows or columns it should not, or leaves one out",
    judul: "Rumus menjumlahkan baris/kolom yang salah atau melewatkan baris anaknya",
    doc: include_str!("fml001.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn cells(cells: &[CellRef]) -> String {
    cells
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    report(rule, ctx, out, message);
    // Any table's parents whose sum formulas add other rows than their children.
    crate::check::structure::report(rule, ctx, out, structure_message);
}

/// What a formula adds that it should not and leaves out, both languages.
fn rows_off(foreign: &[CellRef], omitted: &[CellRef]) -> (Vec<String>, Vec<String>) {
    let mut id = Vec::new();
    let mut en = Vec::new();
    if !foreign.is_empty() {
        id.push(format!(
            "ikut menjumlahkan {} yang bukan baris anaknya",
            cells(foreign)
        ));
        en.push(format!(
            "also adds {}, which are not its children",
            cells(foreign)
        ));
    }
    if !omitted.is_empty() {
        id.push(format!("melewatkan {}", cells(omitted)));
        en.push(format!("leaves out {}", cells(omitted)));
    }
    (id, en)
}

fn structure_message(
    _t: &crate::check::structure::TableAnalysis,
    slip: &crate::check::structure::Slip,
) -> Option<(String, String)> {
    let crate::check::structure::Cause::Formula { foreign, omitted } = &slip.cause else {
        return None;
    };
    let (id, en) = rows_off(foreign, omitted);
    let should = slip
        .fix
        .iter()
        .find(|c| c.cell == slip.at)
        .and_then(|c| match &c.value {
            crate::finding::NewValue::Formula { formula, .. } => Some(formula.as_str()),
            _ => None,
        })
        .unwrap_or("");
    Some(sentence(&slip.column, &id, &en, should))
}

fn message(form: &Form, slip: &Slip, said: Said) -> Option<(String, String)> {
    let Cause::Formula(s) = &slip.cause else {
        return None;
    };
    let FormulaSlip {
        foreign_rows,
        omitted,
        other_columns,
        equation,
    } = s;
    let (mut id, mut en) = rows_off(foreign_rows, omitted);
    if !other_columns.is_empty() {
        let (wid, wen) = match equation {
            Some(e) => {
                let w = &form.equations[*e].written;
                (
                    format!(" yang tidak disebut \"{w}\""),
                    format!(" which \"{w}\" does not name"),
                )
            }
            None => (String::new(), String::new()),
        };
        id.push(format!("memakai {}{wid}", cells(other_columns)));
        en.push(format!("uses {}{wen}", cells(other_columns)));
    }
    let should = slip.formula.as_deref().unwrap_or("");
    Some(sentence(&said.column, &id, &en, should))
}

/// The finding's message: what the formula of `column` does wrong, and what it should be.
fn sentence(column: &str, id: &[String], en: &[String], should: &str) -> (String, String) {
    (
        format!(
            "rumus kolom {column} {}; seharusnya ={should}",
            id.join(" dan ")
        ),
        format!(
            "the formula of column {column} {}; it should be ={should}",
            en.join(" and ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use crate::check::renja::testing::{the_one_finding as one, Mutant};

    #[test]
    fn a_formula_adding_its_parents_rows_is_the_one_root() {
        let f = one(Mutant::GrandparentRows);
        assert_eq!(f.code, super::RULE.code);
        assert_eq!(f.loc.cell.to_string(), "O9");
        assert_eq!(f.expected.as_deref(), Some("=SUM(O10:O11) (20)"));
        assert!(f.message.id.contains("O12"), "{}", f.message.id);
    }

    #[test]
    fn a_formula_naming_the_wrong_column_is_the_one_root() {
        let f = one(Mutant::WrongColumn);
        assert_eq!(f.code, super::RULE.code);
        assert_eq!(f.loc.cell.to_string(), "W10");
        assert_eq!(f.expected.as_deref(), Some("=I10+U10 (139)"));
        assert!(f.message.id.contains("14 = 7 + 13"), "{}", f.message.id);
    }

    #[test]
    fn a_parent_sum_leaving_out_a_child_is_the_one_root() {
        let f = one(Mutant::MissingChild);
        assert_eq!(f.code, super::RULE.code);
        assert_eq!(f.loc.cell.to_string(), "M8");
        assert_eq!(f.expected.as_deref(), Some("=M9+M12 (40)"));
        assert!(f.message.id.contains("melewatkan M12"), "{}", f.message.id);
    }
}

#[cfg(test)]
mod plain_tables {
    use crate::check::testing::{assert_finding, findings, one, sheet};
    use crate::finding::NewValue;

    /// A table of no known kind, its tree by codes, a program's sum formula adding
    /// the next program's row.
    #[test]
    fn a_parents_formula_adding_a_row_that_is_not_its_child() {
        let sheets = [sheet(
            "Belanja",
            &[
                &["KODE", "URAIAN", "ALOKASI", "KETERANGAN"],
                &["'1.02", "Urusan Kesehatan", "=C3+C6 [1800000]", ""],
                &["'1.02.01", "Program Penunjang", "=C4+C5+C6 [1500000]", ""],
                &["'1.02.01.2.01", "Perencanaan", "500000", ""],
                &["'1.02.01.2.02", "Administrasi Keuangan", "700000", ""],
                &["'1.02.02", "Program Pemenuhan", "=C7 [300000]", ""],
                &["'1.02.02.2.01", "Penyediaan Fasilitas", "300000", ""],
            ],
        )];
        let f = one(findings(&super::RULE, &sheets));
        assert_finding(
            &f,
            "FML001",
            "Belanja!C3",
            "=C4+C5+C6 (1500000)",
            Some("1200000"),
        );
        assert!(f.message.en.contains("also adds C6"), "{}", f.message.en);
        assert!(
            f.message.en.contains("it should be =SUM(C4:C5)"),
            "{}",
            f.message.en
        );
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(related, ["C4", "C5", "C2"]);
        let fixed: Vec<(String, NewValue)> = f
            .fix
            .iter()
            .map(|c| (c.cell.to_string(), c.value.clone()))
            .collect();
        assert_eq!(
            fixed,
            [
                (
                    "C3".to_string(),
                    NewValue::Formula {
                        formula: "SUM(C4:C5)".into(),
                        value: 1_200_000.into()
                    }
                ),
                (
                    "C2".to_string(),
                    NewValue::Formula {
                        formula: "C3+C6".into(),
                        value: 1_500_000.into()
                    }
                ),
            ]
        );
        // The sums follow from it: no other finding.
        for rule in crate::check::structure::RULES {
            assert!(findings(rule, &sheets).is_empty(), "{}", rule.code);
        }
    }
}
