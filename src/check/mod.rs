//! Stage 3, check: rules read the model and produce findings. Each rule is one
//! file in the folder of its family (`numbers/num001.rs`): its declaration (code,
//! severity, titles, how its findings are handled, whether it fixes), its check
//! and its unit tests, with its documentation in a Markdown file beside it
//! (`numbers/num001.md`). A family's `mod.rs` lists its rules and holds what they
//! share; [`registry`] lists the families, and the rule catalogue in the docs is
//! generated from it. docs/adding-a-rule.md walks through adding one.

mod budget;
mod config_rules;
mod identity;
mod idm;
mod numbers;
mod performance;
mod renja;
mod sipd;
pub mod structure;
mod sum_tree;
mod tables;
#[cfg(test)]
mod testing;
pub mod villages;

use crate::config::Config;
pub use crate::finding::Handling;
use crate::finding::{Correction, Finding, Loc, Message, Severity};
use crate::model::Model;
use crate::structure::Reading;
pub use budget::BudgetAnalysis;
pub use config_rules::config_file;

/// Whether a rule's findings come with a correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixes {
    /// Never: a person must decide.
    No,
    /// Recomputed from other figures: applied as is.
    Safe,
    /// Applied only where another figure pins the value down, and marked so.
    WhenPinned,
}

/// What a rule reads.
pub struct Context<'a> {
    pub reading: &'a Reading,
    pub model: &'a Model,
    pub cfg: &'a Config,
    /// The budget's links, pins and sum trees, computed once for every rule.
    pub budget: BudgetAnalysis<'a>,
    /// The village lists with their villages' keys, totals and status counts.
    pub villages: villages::VillageAnalysis<'a>,
    /// Every table's structural slips: sums along its hierarchy, totals,
    /// percentage columns.
    pub structure: structure::StructureAnalysis<'a>,
}

impl<'a> Context<'a> {
    /// The context of a run, its shared analyses computed.
    pub fn new(reading: &'a Reading, model: &'a Model, cfg: &'a Config) -> Self {
        Context {
            reading,
            model,
            cfg,
            budget: BudgetAnalysis::new(reading, model, cfg),
            villages: villages::VillageAnalysis::new(model, cfg),
            structure: structure::StructureAnalysis::new(reading, model, cfg),
        }
    }
}

/// A rule: a stable code and its check.
pub struct Rule {
    /// Family prefix and number; never reused or renumbered.
    pub code: &'static str,
    /// A short kebab-case name.
    pub name: &'static str,
    pub severity: Severity,
    /// One line, English.
    pub title: &'static str,
    /// One line, Indonesian.
    pub judul: &'static str,
    /// What it checks, why, an example (the wrong cells and the right ones), fix
    /// safety and config: Markdown, English.
    pub doc: &'static str,
    pub fixes: Fixes,
    /// What the fix and write stages do with its findings.
    pub handling: Handling,
    pub check: fn(&Rule, &Context, &mut Vec<Finding>),
}

impl Rule {
    /// A finding of this rule.
    pub fn finding(&self, loc: Loc, message: Message, found: impl Into<String>) -> Finding {
        Finding {
            id: String::new(),
            code: self.code,
            handling: self.handling,
            severity: self.severity,
            loc,
            related: Vec::new(),
            message,
            found: found.into(),
            expected: None,
            fix: Vec::new(),
            accepted: None,
        }
    }
}

/// Builder helpers for findings.
impl Finding {
    pub fn expect(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    pub fn related(mut self, related: Vec<Loc>) -> Self {
        self.related = related;
        self
    }

    pub fn fix(mut self, fix: Vec<Correction>) -> Self {
        self.fix = fix;
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}

/// Every rule, in catalogue order.
pub fn registry() -> Vec<&'static Rule> {
    let families: [&'static [Rule]; 10] = [
        numbers::RULES,
        identity::RULES,
        idm::RULES,
        budget::RULES,
        performance::RULES,
        renja::RULES,
        sipd::RULES,
        structure::RULES,
        tables::RULES,
        config_rules::RULES,
    ];
    families.iter().flat_map(|f| f.iter()).collect()
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    registry()
        .into_iter()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Runs every rule; findings come back grouped by file and sheet, worst first.
pub fn check(reading: &Reading, model: &Model, cfg: &Config) -> Vec<Finding> {
    let ctx = Context::new(reading, model, cfg);
    crate::timing::mark("shared analyses");
    let timing = crate::timing::enabled();
    // Rules are independent: they share the cores, and their findings are joined in
    // registry order, so the result does not depend on which finished first.
    // The village keys and totals several rules share are worked out first, one on
    // each core; the rules follow on whichever core is free.
    let jobs: Vec<Job> = [
        Job::Prepare(villages::Part::Keys),
        Job::Prepare(villages::Part::Totals),
    ]
    .into_iter()
    .chain(registry().into_iter().map(Job::Rule))
    .collect();
    let per_rule = crate::parallel::map(
        &jobs,
        |job| u64::from(matches!(job, Job::Prepare(_))),
        &mut |_| {},
        |job| {
            let rule = match job {
                Job::Prepare(part) => {
                    ctx.villages.prepare(*part);
                    return Vec::new();
                }
                Job::Rule(rule) => rule,
            };
            let started = std::time::Instant::now();
            let mut found = Vec::new();
            (rule.check)(rule, &ctx, &mut found);
            if timing {
                eprintln!("{} {:?}", rule.code, started.elapsed());
            }
            found
        },
    );
    let mut findings: Vec<Finding> = per_rule.into_iter().flatten().collect();
    leave_cells_to_their_kind(&mut findings);
    sort(&mut findings);
    // A village table of several years is one table per year sharing its code and
    // name columns: a slip in a shared cell is found once per year, reported once.
    findings.dedup_by(|a, b| a.code == b.code && a.loc == b.loc && a.message == b.message);
    crate::finding::assign_ids(&mut findings);
    findings
}

/// One wrong cell, one finding: the structure family judges every table by its
/// shape alone, so where a rule of the table's kind tells the same cell (SPD001's
/// total column, SPD005's plan on an account row), that finding stands alone.
fn leave_cells_to_their_kind(findings: &mut Vec<Finding>) {
    let structural = |f: &Finding| structure::RULES.iter().any(|r| r.code == f.code);
    let told: std::collections::HashSet<Loc> = findings
        .iter()
        .filter(|f| !structural(f) && f.severity != Severity::Info)
        .map(|f| f.loc.clone())
        .collect();
    findings.retain(|f| !structural(f) || !told.contains(&f.loc));
}

/// What the rules' scheduler runs: a shared analysis worked out ahead, or a rule.
enum Job {
    Prepare(villages::Part),
    Rule(&'static Rule),
}

/// Sorts findings by file, sheet, severity, then reading order.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.loc.file, &a.loc.sheet, a.severity, &a.loc.cell, a.code).cmp(&(
            &b.loc.file,
            &b.loc.sheet,
            b.severity,
            &b.loc.cell,
            b.code,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let rules = registry();
        let mut codes: Vec<&str> = rules.iter().map(|r| r.code).collect();
        codes.sort();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "duplicate rule code");
        for r in rules {
            let (prefix, digits) = r.code.split_at(r.code.len() - 3);
            assert!(
                prefix.chars().all(|c| c.is_ascii_uppercase())
                    && digits.chars().all(|c| c.is_ascii_digit()),
                "{}",
                r.code
            );
            assert!(r.doc.contains("## Example"), "{} has no example", r.code);
        }
    }
}
