//! Stated-arithmetic family: forms that state their own arithmetic (the Evaluasi Renja of
//! Permendagri 86/2017, any table whose numbering row writes `13 = 9 + 10 + 11 + 12`).
//! The model's analysis ([`crate::model::renja`]) finds every wrong cell once and
//! tells root causes from the cells that only follow from them; each rule here
//! reports the roots of one cause, the echoes in `related`. One rule per file.

mod ari001;
mod fml001;
mod sum030;
#[cfg(test)]
mod testing;
mod xdc030;

use super::Rule;
use crate::finding::{Correction, Finding, Loc, Message, Safety, Severity};
use crate::model::renja::{Form, Slip};
use crate::words::group_thousands;
use rust_decimal::Decimal;

pub static RULES: &[Rule] = &[ari001::RULE, sum030::RULE, fml001::RULE, xdc030::RULE];

/// A figure as messages show it: grouped thousands, its own decimals (at most 2).
fn shown(v: Decimal) -> String {
    group_thousands(v, v.normalize().scale().min(2))
}

/// The column a slip is in, as the office numbers it: `13 (Rp)`.
fn column(form: &Form, slip: &Slip) -> String {
    if form.kind == crate::table::TableKind::EvaluasiRenja {
        format!("{} ({})", slip.group, slip.lane.label())
    } else {
        slip.group.to_string()
    }
}

/// The sentence about the cells that follow from a root, both languages.
fn echoes(slip: &Slip) -> (String, String) {
    if slip.echoes.is_empty() {
        return (String::new(), String::new());
    }
    let cells: Vec<String> = slip.echoes.iter().map(|c| c.to_string()).collect();
    let n = cells.len();
    (
        format!(
            "; {n} sel lain salah hanya karena sel ini ({}) dan ikut benar bila sel ini dibetulkan",
            cells.join(", ")
        ),
        format!(
            "; {n} other cells are wrong only because of this one ({}) and come right when it is fixed",
            cells.join(", ")
        ),
    )
}

/// What a message says of a slip, ready to quote: its column as the office
/// numbers it, the cell as written, what it should be.
pub struct Said<'a> {
    pub column: String,
    pub found: &'a str,
    pub expected: String,
}

/// Reports every root slip `message` speaks for (it returns `None` for the slips
/// of other rules), its echoes in `related`.
fn report(
    rule: &Rule,
    ctx: &super::Context,
    out: &mut Vec<Finding>,
    message: fn(&Form, &Slip, Said) -> Option<(String, String)>,
) {
    let forms = &ctx.model.renja.forms;
    for form in forms {
        for slip in &form.slips {
            let said = Said {
                column: column(form, slip),
                found: &slip.found,
                expected: slip.expected.map(shown).unwrap_or_default(),
            };
            let Some((id, en)) = message(form, slip, said) else {
                continue;
            };
            let (echo_id, echo_en) = echoes(slip);
            let related = slip
                .echoes
                .iter()
                .map(|c| Loc::cell(&form.file, &form.sheet, *c))
                .collect();
            let expected = match (&slip.formula, slip.expected) {
                (Some(f), Some(v)) => format!("={f} ({})", v.normalize()),
                (Some(f), None) => format!("={f}"),
                (None, Some(v)) => v.normalize().to_string(),
                (None, None) => String::new(),
            };
            let fix = slip
                .fix
                .iter()
                .map(|(cell, value)| Correction {
                    cell: *cell,
                    value: value.clone(),
                    safety: Safety::Safe,
                })
                .collect();
            let mut finding = rule
                .finding(
                    Loc::cell(&form.file, &form.sheet, slip.at),
                    Message::new(id + &echo_id, en + &echo_en),
                    slip.found.clone(),
                )
                .related(related)
                .fix(fix);
            if !expected.is_empty() {
                finding = finding.expect(expected);
            }
            if slip.expected.is_none() {
                // Only the formula is off; its value still comes out right.
                finding = finding.severity(Severity::Warning);
            }
            out.push(finding);
        }
    }
}
