//! SUM030 parent-sum: a parent row's Rp is not the sum of its children's.

use super::{report, Said};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Severity};
use crate::model::renja::{Cause, Form, Slip};

pub const RULE: Rule = Rule {
    code: "SUM030",
    name: "parent-sum",
    severity: Severity::Error,
    title: "A parent row's Rp is not the sum of its children's",
    judul: "Rp baris induk bukan jumlah Rp baris anaknya",
    doc: include_str!("sum030.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    report(rule, ctx, out, message);
}

fn message(_: &Form, slip: &Slip, said: Said) -> Option<(String, String)> {
    let Cause::ParentSum { children } = &slip.cause else {
        return None;
    };
    let n = children.len();
    let Said {
        column,
        found,
        expected,
    } = said;
    Some((
        format!(
            "kolom {column} baris induk bukan jumlah {n} baris anaknya: tertulis {found}, jumlahnya {expected}"
        ),
        format!(
            "column {column} of a parent row is not the sum of its {n} children: {found} is written, they add up to {expected}"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use crate::check::renja::testing::{the_one_finding, Mutant};

    #[test]
    fn a_quarter_typed_off_its_children_is_the_one_root() {
        let f = the_one_finding(Mutant::QuarterOff);
        assert_eq!(f.code, super::RULE.code);
        assert_eq!(f.loc.cell.to_string(), "O9");
        assert_eq!(f.found, "25");
        assert_eq!(f.expected.as_deref(), Some("=SUM(O10:O11) (20)"));
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(
            related,
            [
                "O7", "U7", "W7", "Y7", "O8", "U8", "W8", "Y8", "U9", "W9", "Y9", "O18", "U18",
                "W18", "Y18"
            ]
        );
    }
}
