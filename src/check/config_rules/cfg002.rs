//! CFG002 band-overlap: a value that falls in two bands of a scale.

use super::{config_loc, each};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::config::ScaleProblem;
use crate::finding::{Finding, Message, Severity};

pub const RULE: Rule = Rule {
    code: "CFG002",
    name: "band-overlap",
    severity: Severity::Error,
    title: "A value falls in two bands of a scale",
    judul: "Ada nilai yang masuk dua kategori",
    doc: include_str!("cfg002.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    each(ctx, |p| {
        if let ScaleProblem::Overlap {
            scale,
            first,
            second,
            at,
        } = p
        {
            let message = Message::new(
                format!(
                    "skala {scale}: nilai {} masuk dua kategori, {first} dan {second}",
                    at.value
                ),
                format!(
                    "scale {scale}: the value {} falls in two bands, {first} and {second}",
                    at.value
                ),
            );
            out.push(rule.finding(
                config_loc(ctx, format!("{scale}.bands")),
                message,
                at.value.to_string(),
            ));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::assert_finding;

    #[test]
    fn exactly_100_in_two_bands() {
        let f = super::super::only_with_config(
            &RULE,
            r#"label = "Baik Sekali", short = "BS", above = 100"#,
            r#"label = "Baik Sekali", short = "BS", min = 100"#,
        );
        assert_finding(&f, "CFG002", "capaian.bands", "100", None);
        assert_eq!(&*f.loc.file, "config.toml");
    }
}
