//! The findings of a broken sum, for the rule its whole belongs to (SUM010
//! subtotals, SUM011 total rows, SUM012 outline parents).

use super::format::{en_num, id_num, plain, short};
use super::trees::{BrokenSum, NodeKind, SolvedTree};
use crate::cell::{sum_formula, CellRef};
use crate::check::{Context, Rule};
use crate::finding::{Correction, Finding, Message, NewValue, Safety};

/// Reports every broken sum whose whole is of a kind `mine` accepts.
pub fn report(rule: &Rule, ctx: &Context, mine: fn(NodeKind) -> bool, out: &mut Vec<Finding>) {
    for solved in &ctx.budget.sums {
        for broken in &solved.broken {
            if mine(solved.whole_kind(broken)) {
                out.push(finding(rule, ctx, solved, broken));
            }
        }
    }
}

fn finding(rule: &Rule, ctx: &Context, solved: &SolvedTree, broken: &BrokenSum) -> Finding {
    let tree = &solved.tree;
    let loc = |c: CellRef| ctx.model.loc(tree.table, c);
    let parts = |n: usize| -> Vec<CellRef> {
        tree.nodes[n]
            .children
            .iter()
            .filter_map(|&c| tree.nodes[c].cell)
            .collect()
    };
    match *broken {
        BrokenSum::Whole { node: n, parts: v } => {
            let node = &tree.nodes[n];
            let cell = node.cell.expect("a stated figure");
            let cells = parts(n);
            let k = node.children.len();
            let message = Message::new(
                format!(
                    "{} «{}» tertulis {}, padahal {} rinciannya berjumlah {}",
                    tree.column,
                    short(&node.name),
                    id_num(node.value.unwrap_or_default()),
                    k,
                    id_num(v)
                ),
                format!(
                    "{} of «{}» reads {} but its {} parts add up to {}",
                    tree.column,
                    short(&node.name),
                    en_num(node.value.unwrap_or_default()),
                    k,
                    en_num(v)
                ),
            );
            rule.finding(loc(cell), message, node.written.clone())
                .expect(plain(v))
                .related(cells.iter().map(|&c| loc(c)).collect())
                .fix(vec![Correction {
                    cell,
                    value: NewValue::Formula {
                        formula: sum_formula(&cells),
                        value: v,
                    },
                    safety: Safety::Safe,
                }])
        }
        BrokenSum::Part { node: n, value: v } => {
            let node = &tree.nodes[n];
            let p = node.parent.expect("a part has its whole");
            let parent = &tree.nodes[p];
            let single = parent.children.len() == 1;
            let cell = node.cell.expect("a stated figure");
            let mut related: Vec<CellRef> = parent.cell.into_iter().collect();
            related.extend(
                parent
                    .children
                    .iter()
                    .filter(|&&c| c != n)
                    .filter_map(|&c| tree.nodes[c].cell),
            );
            let (id_why, en_why) = if single {
                (
                    "satu-satunya rincian harus sama dengan induknya".to_string(),
                    "a single part must equal its whole".to_string(),
                )
            } else {
                (
                    format!(
                        "{} dikurangi rincian lainnya menyisakan {}",
                        short(&parent.name),
                        id_num(v)
                    ),
                    format!(
                        "{} less the other parts leaves {}",
                        short(&parent.name),
                        en_num(v)
                    ),
                )
            };
            let message = Message::new(
                format!(
                    "{} «{}» tertulis {}; {}, dan «{}» ({}) cocok dengan tingkat di atasnya",
                    tree.column,
                    short(&node.name),
                    id_num(node.value.unwrap_or_default()),
                    id_why,
                    short(&parent.name),
                    id_num(parent.value.unwrap_or_default())
                ),
                format!(
                    "{} of «{}» reads {}; {}, and «{}» ({}) agrees with the level above it",
                    tree.column,
                    short(&node.name),
                    en_num(node.value.unwrap_or_default()),
                    en_why,
                    short(&parent.name),
                    en_num(parent.value.unwrap_or_default())
                ),
            );
            let fix = if single {
                vec![Correction {
                    cell,
                    value: NewValue::Number(v),
                    safety: Safety::Safe,
                }]
            } else {
                Vec::new()
            };
            rule.finding(loc(cell), message, node.written.clone())
                .expect(plain(v))
                .related(related.into_iter().map(loc).collect())
                .fix(fix)
        }
        BrokenSum::OneOfItsParts { node: n, parts: v } => {
            let node = &tree.nodes[n];
            let cell = node.cell.expect("a stated figure");
            let k = node.children.len();
            let message = Message::new(
                format!(
                    "{} «{}» tertulis {}, tetapi {} rinciannya berjumlah {}; «{}» cocok dengan tingkat di atasnya, jadi salah satu rinciannya yang perlu diperiksa",
                    tree.column, short(&node.name), id_num(node.value.unwrap_or_default()), k, id_num(v), short(&node.name)
                ),
                format!(
                    "{} of «{}» reads {} but its {} parts add up to {}; «{}» agrees with the level above it, so one of its parts is the one to check",
                    tree.column, short(&node.name), en_num(node.value.unwrap_or_default()), k, en_num(v), short(&node.name)
                ),
            );
            rule.finding(loc(cell), message, node.written.clone())
                .related(parts(n).into_iter().map(loc).collect())
        }
    }
}
