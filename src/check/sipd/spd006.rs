//! SPD006 code-problem: a code of no level, a code twice, a code under no parent.

use super::{loc, named};
use crate::check::budget::format::short;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::model::sipd::Level;
use crate::structure::tree::{RowRole, TreeProblem};

pub const RULE: Rule = Rule {
    code: "SPD006",
    name: "code-problem",
    severity: Severity::Warning,
    title: "A SIPD export's code gives its row no place",
    judul: "Kode pada ekspor SIPD tidak menempatkan barisnya",
    doc: include_str!("spd006.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

/// The level a row of `level` sits under; `None` where any will do.
fn parent_level(level: Level) -> Option<&'static [Level]> {
    Some(match level {
        Level::SubKegiatan => &[Level::Kegiatan],
        Level::Kegiatan => &[Level::Program],
        Level::Program => &[Level::Organisasi, Level::Bidang],
        Level::Bidang => &[Level::Urusan],
        _ => return None,
    })
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for e in &ctx.model.sipd.exports {
        let table = &ctx.reading.tables[e.table];
        let at = |i: usize| {
            let l = &e.lines[i];
            loc(ctx, e, l.code_cell.unwrap_or(l.name_cell))
        };
        let code = |i: usize| e.lines[i].code.clone().unwrap_or_default();
        for (i, l) in e.lines.iter().enumerate() {
            if l.role == RowRole::Total || l.code.is_none() {
                continue;
            }
            let c = code(i);
            let Some(level) = l.level else {
                out.push(rule.finding(
                    at(i),
                    Message::new(
                        format!("kode {c} («{}») bukan kode urusan, bidang, organisasi, program, kegiatan, sub kegiatan atau rekening: barisnya tidak ditempatkan pada tingkat mana pun", short(&l.name)),
                        format!("code {c} («{}») is no code of an urusan, bidang, organisation, program, kegiatan, sub kegiatan or account: its row is placed at no level", short(&l.name)),
                    ),
                    c,
                ));
                continue;
            };
            let Some(expected) = parent_level(level) else {
                continue;
            };
            let above = l.parent.and_then(|p| e.lines[p].level);
            let orphan = l.parent.is_none()
                && !table
                    .tree
                    .problems
                    .iter()
                    .any(|p| matches!(*p, TreeProblem::SameCode { again, .. } if again == i));
            if above.is_some_and(|a| !expected.contains(&a)) || orphan {
                let (who_id, who_en) = named(l);
                let (want_id, want_en) = (expected[0].name_id(), expected[0].name_en());
                out.push(rule.finding(
                    at(i),
                    Message::new(
                        format!("{who_id} tidak berada di bawah {want_id}nya: {want_id} dengan kode itu tidak ada di ekspor ini"),
                        format!("{who_en} stands under no {want_en} of its own: no {want_en} with its code is in this export"),
                    ),
                    c,
                ));
            }
        }
        // A row repeated with the rows under it is one slip, told at its first row.
        let twice: Vec<(usize, usize, Vec<usize>)> = table
            .tree
            .problems
            .iter()
            .filter_map(|p| match *p {
                TreeProblem::SameCode { first, again } if e.lines[again].parent.is_none() => {
                    Some((again, first, table.tree.descendants(again)))
                }
                _ => None,
            })
            .collect();
        for (again, first, block) in twice {
            let (who_id, who_en) = named(&e.lines[again]);
            let row = e.lines[first].row + 1;
            let n = block.len();
            let (with_id, with_en) = if n == 0 {
                (String::new(), String::new())
            } else {
                (
                    format!(" beserta {n} baris di bawahnya"),
                    format!(" with the {n} rows under it"),
                )
            };
            out.push(
                rule.finding(
                    at(again),
                    Message::new(
                        format!("{who_id} memakai kode yang sama dengan baris {row}: baris ini{with_id} dibiarkan terpisah, tidak dijumlahkan ke induknya"),
                        format!("{who_en} has the same code as row {row}: this row{with_en} is kept apart, not added to its parent"),
                    ),
                    code(again),
                )
                .related(std::iter::once(at(first)).chain(block.iter().map(|&b| at(b))).collect()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::check::sipd::testing::{one_pair, with};
    use crate::check::testing::{assert_finding, findings, one};

    #[test]
    fn a_code_of_no_level() {
        let f = one(findings(
            &RULE,
            &[with(one_pair(), "A14", "2.16.01.2.01.00002")],
        ));
        assert_finding(&f, "SPD006", "Rekap!A14", "2.16.01.2.01.00002", None);
    }

    #[test]
    fn two_rows_with_one_code() {
        let f = one(findings(
            &RULE,
            &[with(one_pair(), "A14", "2.16.01.2.01.0001")],
        ));
        assert_finding(&f, "SPD006", "Rekap!A14", "2.16.01.2.01.0001", None);
        let related: Vec<String> = f.related.iter().map(|l| l.cell.to_string()).collect();
        assert_eq!(related, ["A7", "A15", "A16", "A17"]);
    }

    #[test]
    fn a_code_under_no_parent() {
        let f = one(findings(
            &RULE,
            &[with(one_pair(), "A14", "2.16.05.2.01.0002")],
        ));
        assert_finding(&f, "SPD006", "Rekap!A14", "2.16.05.2.01.0002", None);
        assert!(
            f.message.id.contains("tidak berada di bawah kegiatannya"),
            "{}",
            f.message.id
        );
    }

    #[test]
    fn quiet_on_a_clean_export() {
        assert_eq!(findings(&RULE, &[one_pair()]), Vec::new());
    }
}
