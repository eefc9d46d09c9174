//! Config family: threshold scales that cannot classify every value.

use super::{Context, Fixes, Handling, Rule};
use crate::config::ScaleProblem;
use crate::finding::{Finding, Loc, Message, Place, Severity};

pub static RULES: &[Rule] = &[
    Rule {
        code: "CFG001",
        name: "band-gap",
        severity: Severity::Error,
        title: "A value falls in no band of a scale",
        judul: "Ada nilai yang tidak masuk kategori mana pun",
        doc: "Checks that the bands of `[idm]` and `[capaian]` cover every value: each band \
starts exactly where the one below ends, with the boundary in exactly one of them.\n\n\
## Example\nTabel 3.1 of the seed: `> 100` Baik Sekali, `75 s/d < 100` Baik. A capaian of \
exactly 100 % has no category. Write `max = 100` for Baik (or `min = 100` for Baik Sekali).\n\n\
## Fix\nNone: the office decides which band holds the boundary.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: gaps,
    },
    Rule {
        code: "CFG002",
        name: "band-overlap",
        severity: Severity::Error,
        title: "A value falls in two bands of a scale",
        judul: "Ada nilai yang masuk dua kategori",
        doc:
            "Checks that no value belongs to two bands.\n\n## Example\n`Baik: min = 75, max = 100` \
with `Baik Sekali: min = 100`: exactly 100 is both. Make one end exclusive (`above = 100`).\n\n\
## Fix\nNone.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: overlaps,
    },
    Rule {
        code: "CFG003",
        name: "band-never-produced",
        severity: Severity::Warning,
        title: "A band's label can never be produced",
        judul: "Label kategori yang tidak pernah dihasilkan",
        doc: "Checks that every band holds at least one value, so its label can appear.\n\n\
## Example\n`{ label = \"MAJU\", above = 0.815, max = 0.707 }`: nothing is above 0.815 and at \
most 0.707.\n\n## Fix\nNone.",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: empty_bands,
    },
];

fn config_loc(ctx: &Context, key: String) -> Loc {
    let file = ctx
        .cfg
        .source
        .as_ref()
        .map_or("config.toml".to_string(), |p| p.display().to_string());
    Loc {
        file: file.as_str().into(),
        sheet: "".into(),
        cell: Place::Key(key),
    }
}

fn each(ctx: &Context, mut f: impl FnMut(&ScaleProblem)) {
    for p in ctx.cfg.scale_problems() {
        f(&p);
    }
}

fn gaps(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
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

fn overlaps(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
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

fn empty_bands(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
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
