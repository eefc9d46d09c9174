//! CFG003 band-never-produced: a band no value falls in.

use super::{config_loc, each};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::config::ScaleProblem;
use crate::finding::{Finding, Message, Severity};

pub const RULE: Rule = Rule {
    code: "CFG003",
    name: "band-never-produced",
    severity: Severity::Warning,
    title: "A band's label can never be produced",
    judul: "Label kategori yang tidak pernah dihasilkan",
    doc: include_str!("cfg003.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    each(ctx, |p| {
        if let ScaleProblem::Empty { scale, band, label } = p {
            let message = Message::new(
                format!(
                    "skala {scale}: kategori {label} tidak pernah dihasilkan (rentangnya kosong)"
                ),
                format!("scale {scale}: band {label} is never produced (its range is empty)"),
            );
            out.push(rule.finding(
                config_loc(ctx, format!("{scale}.bands[{band}]")),
                message,
                label.clone(),
            ));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::assert_finding;

    #[test]
    fn a_band_with_an_empty_range() {
        let f = super::super::only_with_config(
            &RULE,
            r#"label = "Cukup", short = "C", min = 55, below = 75"#,
            r#"label = "Cukup", short = "C", above = 75, below = 55"#,
        );
        assert_finding(&f, "CFG003", "capaian.bands[2]", "Cukup", None);
        assert_eq!(&*f.loc.file, "config.toml");
    }
}
