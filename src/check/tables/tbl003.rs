//! TBL003 row-outside-its-code-block: a row whose code places it under a row other
//! than the block it stands in (a kegiatan moved into another program's rows).

use crate::cell::CellRef;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Loc, Message, Severity};
use crate::structure::tree::{Placed, TreeProblem};
use crate::structure::Table;

pub const RULE: Rule = Rule {
    code: "TBL003",
    name: "row-outside-its-code-block",
    severity: Severity::Warning,
    title: "Rows stand in another block than the one their codes place them in",
    judul: "Baris berada di blok lain dari blok menurut kodenya",
    doc: include_str!("tbl003.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

/// The rows of `t` that stand outside the block of the row their code places
/// them under (indices into its rows), in order. A coded table read in sheet order
/// lists every row right after its parent or the parent's other descendants; a
/// row whose parent comes after it, or that follows a row outside its parent's
/// block, was moved.
pub(super) fn moved_rows(t: &Table) -> Vec<usize> {
    let nodes = &t.tree.nodes;
    let is_ancestor = |a: usize, mut k: usize| {
        for _ in 0..nodes.len() {
            match nodes[k].parent {
                Some(p) if p == a => return true,
                Some(p) => k = p,
                None => return false,
            }
        }
        false
    };
    let within = |k: Option<usize>, p: usize| k.is_some_and(|k| k == p || is_ancestor(p, k));
    let mut moved = Vec::new();
    // A moved row and the rows that follow it in its own block: told once, at it.
    let mut displaced = vec![false; nodes.len()];
    // The last coded row read in place, and the last coded row.
    let (mut prev, mut last): (Option<usize>, Option<usize>) = (None, None);
    for (i, n) in nodes.iter().enumerate() {
        if n.placed != Placed::Code {
            continue;
        }
        match n.parent {
            None => prev = Some(i),
            Some(p) if p > i => {
                moved.push(i);
                displaced[i] = true;
            }
            Some(p) if displaced[p] && within(last, p) => displaced[i] = true,
            Some(p) if within(prev, p) => prev = Some(i),
            Some(_) => {
                moved.push(i);
                displaced[i] = true;
            }
        }
        last = Some(i);
    }
    moved
}

/// The cell holding row `i`'s own code.
fn code_cell(t: &Table, i: usize) -> Option<CellRef> {
    let code = t.tree.nodes[i].code.as_deref()?;
    t.rows[i]
        .cells
        .iter()
        .find(|c| c.written().trim() == code)
        .map(|c| c.at)
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for t in &ctx.reading.tables {
        // A code written twice leaves its block in doubt (told where the codes
        // are judged: KOD, SPD006).
        if t.tree
            .problems
            .iter()
            .any(|p| matches!(p, TreeProblem::SameCode { .. }))
        {
            continue;
        }
        let moved = moved_rows(t);
        // One finding per run of moved rows under one parent.
        let mut k = 0;
        while k < moved.len() {
            let first = moved[k];
            let parent = t.tree.nodes[first].parent;
            let mut end = k + 1;
            while end < moved.len()
                && moved[end] == moved[end - 1] + 1
                && t.tree.nodes[moved[end]].parent == parent
            {
                end += 1;
            }
            let n = end - k;
            k = end;
            let (Some(p), Some(at)) = (parent, code_cell(t, first)) else {
                continue;
            };
            let code = t.tree.nodes[first].code.as_deref().unwrap_or("");
            let parent_code = t.tree.nodes[p].code.as_deref().unwrap_or("");
            let message = Message::new(
                format!(
                    "{n} baris mulai baris {} (kode {code}) berada di luar blok induknya: menurut kodenya termasuk {parent_code} (baris {}); tingkat dan jumlahnya dihitung menurut kode",
                    t.rows[first].row + 1,
                    t.rows[p].row + 1
                ),
                format!(
                    "{n} row(s) from row {} (code {code}) stand outside their parent's block: their code places them under {parent_code} (row {}); their levels and sums follow the codes",
                    t.rows[first].row + 1,
                    t.rows[p].row + 1
                ),
            );
            let loc = Loc::cell(&t.file.as_str().into(), &t.sheet.as_str().into(), at);
            let parent_loc = code_cell(t, p)
                .map(|c| Loc::cell(&loc.file, &loc.sheet, c))
                .into_iter()
                .collect();
            out.push(
                rule.finding(loc, message, code.to_string())
                    .related(parent_loc),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, only, sheet};

    const HEADER: &[&str] = &["KODE", "URAIAN", "ANGGARAN (Rp)", "REALISASI (Rp)"];

    #[test]
    fn a_kegiatan_moved_into_another_programs_block() {
        let f = &only(
            &RULE,
            &[sheet(
                "Kode",
                &[
                    HEADER,
                    &["2.16.01", "PROGRAM PENUNJANG", "300", "250"],
                    &["2.16.01.2.01", "Perencanaan", "100", "90"],
                    &["2.16.02.2.01", "Pengelolaan informasi", "200", "150"],
                    &["2.16.01.2.02", "Keuangan", "200", "160"],
                    &["2.16.02", "PROGRAM INFORMASI", "200", "150"],
                ],
            )],
        );
        assert_finding(f, "TBL003", "Kode!A4", "2.16.02.2.01", None);
        assert_eq!(
            f.message.en,
            "1 row(s) from row 4 (code 2.16.02.2.01) stand outside their parent's block: their code places them under 2.16.02 (row 6); their levels and sums follow the codes"
        );
        assert_eq!(f.related[0].cell.to_string(), "A6");
    }

    #[test]
    fn codes_in_order_and_a_block_moved_down() {
        let in_order: &[&[&str]] = &[
            HEADER,
            &["2.16.01", "PROGRAM PENUNJANG", "300", "250"],
            &["2.16.01.2.01", "Perencanaan", "100", "90"],
            &["2.16.01.2.02", "Keuangan", "200", "160"],
            &["2.16.02", "PROGRAM INFORMASI", "200", "150"],
            &["2.16.02.2.01", "Pengelolaan informasi", "200", "150"],
        ];
        assert_eq!(findings(&RULE, &[sheet("Kode", in_order)]), vec![]);
        // Two kegiatan of the first program below the second one.
        let f = &only(
            &RULE,
            &[sheet(
                "Kode",
                &[
                    HEADER,
                    &["2.16.01", "PROGRAM PENUNJANG", "300", "250"],
                    &["2.16.02", "PROGRAM INFORMASI", "200", "150"],
                    &["2.16.02.2.01", "Pengelolaan informasi", "200", "150"],
                    &["2.16.01.2.01", "Perencanaan", "100", "90"],
                    &["2.16.01.2.02", "Keuangan", "200", "160"],
                ],
            )],
        );
        assert_finding(f, "TBL003", "Kode!A5", "2.16.01.2.01", None);
        assert!(
            f.message.en.starts_with("2 row(s) from row 5"),
            "{}",
            f.message.en
        );
    }
}
