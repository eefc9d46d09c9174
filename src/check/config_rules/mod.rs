//! Config family: threshold scales that cannot classify every value. One rule per
//! file; where a config finding points and the scales' problems are here.

mod cfg001;
mod cfg002;
mod cfg003;

use super::{Context, Rule};
use crate::config::ScaleProblem;
use crate::finding::{Loc, Place};

pub static RULES: &[Rule] = &[cfg001::RULE, cfg002::RULE, cfg003::RULE];

/// The config file as its findings name it.
pub fn config_file(cfg: &crate::config::Config) -> String {
    cfg.source
        .as_ref()
        .map_or("config.toml".to_string(), |p| p.display().to_string())
}

/// The config key `key` of the config in use.
fn config_loc(ctx: &Context, key: String) -> Loc {
    let file = config_file(ctx.cfg);
    Loc {
        file: file.as_str().into(),
        sheet: "".into(),
        cell: Place::Key(key),
    }
}

/// Calls `f` on every problem of the configured scales.
fn each(ctx: &Context, mut f: impl FnMut(&ScaleProblem)) {
    for p in ctx.cfg.scale_problems() {
        f(&p);
    }
}

/// The one finding of `rule` with the shipped config whose text has `from`
/// replaced by `to`.
#[cfg(test)]
fn only_with_config(rule: &Rule, from: &str, to: &str) -> crate::finding::Finding {
    let shipped = include_str!("../../../config.toml");
    assert!(shipped.contains(from), "the shipped config changed: {from}");
    let text = shipped.replace(from, to);
    let cfg = crate::config::Config::parse(&text, std::path::Path::new("config.toml"))
        .expect("a valid config");
    crate::check::testing::one(crate::check::testing::findings_with(rule, &cfg, &[]))
}
