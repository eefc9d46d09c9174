//! NUM004 mixed-decimal-marks: decimal commas among decimal points in one column.

use super::{as_number_fix, loc, minority_mark_cells};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};

pub const RULE: Rule = Rule {
    code: "NUM004",
    name: "mixed-decimal-marks",
    severity: Severity::Warning,
    title: "Decimal commas mixed with decimal points in one column",
    judul: "Koma desimal bercampur titik desimal dalam satu kolom",
    doc: include_str!("num004.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::READING,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for col in &ctx.model.numeric_columns {
        let cells = minority_mark_cells(col);
        let Some(first) = cells.first() else { continue };
        let figure = |at| {
            col.figures
                .iter()
                .find(|f| f.at == at)
                .expect("cell of this column")
        };
        let first_fig = figure(*first);
        let message = Message::new(
            format!(
                "{} nilai di kolom {} ditulis dengan koma desimal (mis. \"{}\") di antara nilai bertitik desimal",
                cells.len(),
                col.label,
                first_fig.written
            ),
            format!(
                "{} values in column {} use a decimal comma (e.g. \"{}\") among values with a decimal point",
                cells.len(),
                col.label,
                first_fig.written
            ),
        );
        let related = cells[1..].iter().map(|c| loc(col, *c)).collect();
        let fix = cells
            .iter()
            .filter_map(|c| as_number_fix(col, figure(*c)))
            .collect();
        let expected = first_fig
            .value
            .map(|v| v.normalize().to_string())
            .unwrap_or_default();
        out.push(
            rule.finding(loc(col, *first), message, first_fig.written.clone())
                .expect(expected)
                .related(related)
                .fix(fix),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, only, sheet};
    use crate::finding::NewValue;
    use rust_decimal_macros::dec;

    #[test]
    fn a_decimal_comma_among_decimal_points() {
        let f = &only(
            &RULE,
            &[sheet(
                "IDM 2023",
                &[
                    &["Status IDM", "Nama Kampung", "Skor IDM", "Kecamatan", "No."],
                    &["MANDIRI", "GUNUNG LABUHAN", "0.9233", "GUNUNG LABUHAN", "1"],
                    &["MANDIRI", "UMPU BHAKTI", "0,8360", "BLAMBANGAN UMPU", "2"],
                    &["MAJU", "SIDOARJO", "0.7649", "UMPU SEMENGIK", "3"],
                    &["MAJU", "SEGARA MIDER", "0.7297", "BLAMBANGAN UMPU", "4"],
                ],
            )],
        );
        assert_finding(f, "NUM004", "IDM 2023!C3", "0,8360", Some("0.836"));
        assert_eq!(f.fix[0].value, NewValue::Number(dec!(0.8360)));
    }
}
