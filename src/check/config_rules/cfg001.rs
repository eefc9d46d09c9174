//! CFG001 band-gap: a value that falls in no band of a scale.

use super::{config_loc, each};
use crate::check::{Context, Fixes, Handling, Rule};
use crate::config::ScaleProblem;
use crate::finding::{Finding, Message, Severity};

pub const RULE: Rule = Rule {
    code: "CFG001",
    name: "band-gap",
    severity: Severity::Error,
    title: "A value falls in no band of a scale",
    judul: "Ada nilai yang tidak masuk kategori mana pun",
    doc: include_str!("cfg001.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    each(ctx, |p| {
        if let ScaleProblem::Gap {
            scale,
            below,
            above,
            at,
        } = p
        {
            let below = below.as_deref().unwrap_or("(tidak ada)");
            let above = above.as_deref().unwrap_or("(tidak ada)");
            let message = Message::new(
                format!("skala {scale}: nilai {} tidak masuk kategori mana pun (antara {below} dan {above})", at.value),
                format!("scale {scale}: the value {} falls in no band (between {below} and {above})", at.value),
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
    fn exactly_100_in_no_band() {
        let f = super::super::only_with_config(
            &RULE,
            r#"label = "Baik", short = "B", min = 75, max = 100"#,
            r#"label = "Baik", short = "B", min = 75, below = 100"#,
        );
        assert_finding(&f, "CFG001", "capaian.bands", "100", None);
        assert_eq!(&*f.loc.file, "config.toml");
    }
}
