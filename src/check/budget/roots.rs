//! Root causes in the realisation table: one wrong kegiatan figure makes its
//! own percentage disagree, and with it the program subtotal and the JUMLAH
//! above it (their sums when they are typed, their percentages when they are
//! formulas that follow it). The figure is reported once, where it is; the
//! cells that follow from it go into `related` and are not reported again.
//!
//! A hypothesis is one kegiatan figure (pagu or realisasi) being off by δ: every
//! formula above it moves by δ, the first typed whole above it must then add up,
//! and every stated percentage on the way must agree. It is a root when it
//! explains at least two of the table's failures and no other hypothesis shares
//! one of them. A tree's culprit (a whole or part [`super::trees`] singles out)
//! takes its own percentage as an echo when the corrected value makes it agree.

use super::format::{en_num, id_num, plain, short};
use super::trees::{BrokenSum, NodeKind, SolvedTree};
use super::BudgetAnalysis;
use crate::cell::CellRef;
use crate::check::{Context, Rule};
use crate::compare::agrees;
use crate::finding::{Correction, Finding, Message, NewValue, Safety};
use crate::model::budget::BudgetLine;
use crate::model::Figure;
use crate::table::Col;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// A wrong figure that other cells' failures follow from.
#[derive(Debug, Clone)]
pub struct Root {
    pub table: usize,
    /// Which money column: pagu or realisasi.
    pub col: Col,
    pub cell: CellRef,
    pub name: String,
    pub written: String,
    pub value: Decimal,
    /// The value that makes everything agree, when a typed whole pins it.
    pub exact: Option<Decimal>,
    /// Otherwise the range the percentages allow.
    pub range: (Decimal, Decimal),
    /// The stated percentage of its own line, which agrees with the right value.
    pub percent: CellRef,
    /// Cells that are wrong only because of this one, in sheet order.
    pub echoes: Vec<CellRef>,
    /// Formula cells above it, their formulas and their values once it is right
    /// (when that value is known).
    pub moved: Vec<(CellRef, String, Decimal)>,
    /// The kind of the whole whose broken sum it explains, if one broke.
    pub whole: Option<NodeKind>,
}

/// The roots of every realisation table, and the percentages that only echo a
/// tree's culprit.
#[derive(Debug, Default)]
pub struct Roots {
    pub roots: Vec<Root>,
    /// Per (table, culprit cell): the percentages its correction makes agree.
    pub culprit_echoes: BTreeMap<(usize, CellRef), Vec<CellRef>>,
    /// Every (table, cell) a root or culprit speaks for: not reported on its own.
    pub covered: BTreeSet<(usize, CellRef)>,
}

impl Roots {
    pub fn covers(&self, table: usize, cell: CellRef) -> bool {
        self.covered.contains(&(table, cell))
    }
}

/// A stated, typed percentage of a line, with its pagu and realisasi.
struct Pct<'l> {
    line: &'l BudgetLine,
    stated: Decimal,
    decimals: u32,
    at: CellRef,
}

impl<'a> BudgetAnalysis<'a> {
    /// The formula of a cell of a table, if it has one.
    fn formula_of(&self, table: usize, at: CellRef) -> Option<String> {
        let t = &self.model.tables[table];
        self.reading
            .inputs
            .iter()
            .filter(|i| *i.file == *t.file)
            .flat_map(|i| &i.sheets)
            .find(|s| *s.name == *t.sheet)
            .and_then(|s| s.formula(at))
            .map(|f| f.to_string())
    }

    fn formula_at(&self, table: usize, at: CellRef) -> bool {
        self.formula_of(table, at).is_some()
    }

    /// Pagu and realisasi of a line (blank realisasi: nothing spent).
    fn pair(&self, table: usize, line: &BudgetLine) -> Option<(Decimal, Decimal)> {
        let p = self.val(table, &line.pagu)?;
        let r = match &line.realisasi {
            Some(_) => self.val(table, &line.realisasi)?,
            None => Decimal::ZERO,
        };
        Some((p, r))
    }

    fn percent_of<'l>(&self, table: usize, line: &'l BudgetLine) -> Option<Pct<'l>> {
        let f: &Figure = line.persen.as_ref()?;
        let stated = f.value?;
        if self.formula_at(table, f.at) {
            return None;
        }
        Some(Pct {
            line,
            stated,
            decimals: f.decimals,
            at: f.at,
        })
    }

    /// Whether the percentage agrees once `col` of its line moves by `delta`.
    fn agrees_moved(&self, table: usize, pct: &Pct, col: Col, delta: Decimal) -> Option<bool> {
        let (mut p, mut r) = self.pair(table, pct.line)?;
        match col {
            Col::Pagu => p += delta,
            _ => r += delta,
        }
        if p.is_zero() {
            return None;
        }
        Some(agrees(
            pct.stated,
            pct.decimals,
            r / p * Decimal::ONE_HUNDRED,
        ))
    }

    /// The δ interval that makes the percentage agree when `col` moves by δ.
    fn interval(&self, table: usize, pct: &Pct, col: Col) -> Option<(Decimal, Decimal)> {
        let (p, r) = self.pair(table, pct.line)?;
        let half = Decimal::new(5, pct.decimals + 1);
        let (lo, hi) = (pct.stated - half, pct.stated + half);
        let hundred = Decimal::ONE_HUNDRED;
        match col {
            Col::Pagu => {
                if r <= Decimal::ZERO || lo <= Decimal::ZERO {
                    return None;
                }
                Some((r * hundred / hi - p, r * hundred / lo - p))
            }
            _ => Some((lo * p / hundred - r, hi * p / hundred - r)),
        }
    }

    pub(super) fn find_roots(&self) -> Roots {
        let mut out = Roots::default();
        let mut candidates: Vec<(Root, Vec<CellRef>)> = Vec::new();
        for real in &self.b.realisations {
            let t = real.table;
            let by_row: BTreeMap<u32, &BudgetLine> =
                super::lines(real).map(|(l, _)| (l.row, l)).collect();
            let failing = |l: &BudgetLine| -> bool {
                self.percent_of(t, l)
                    .and_then(|p| self.agrees_moved(t, &p, Col::Realisasi, Decimal::ZERO))
                    == Some(false)
            };
            for col in [Col::Pagu, Col::Realisasi] {
                let Some(solved) = self.solved(t, col) else {
                    continue;
                };
                let tree = &solved.tree;
                let failing_sums: BTreeSet<usize> = solved
                    .broken
                    .iter()
                    .map(|b| match *b {
                        BrokenSum::Whole { node, .. } | BrokenSum::OneOfItsParts { node, .. } => {
                            node
                        }
                        BrokenSum::Part { node, .. } => tree.nodes[node].parent.unwrap_or(node),
                    })
                    .collect();
                // The culprit's own percentage.
                for b in &solved.broken {
                    let (node, v) = match *b {
                        BrokenSum::Whole { node, parts } => (node, parts),
                        BrokenSum::Part { node, value } => (node, value),
                        BrokenSum::OneOfItsParts { .. } => continue,
                    };
                    let Some(cell) = tree.nodes[node].cell else {
                        continue;
                    };
                    let Some(line) = by_row.get(&cell.row) else {
                        continue;
                    };
                    let Some(old) = tree.nodes[node].value else {
                        continue;
                    };
                    if !failing(line) {
                        continue;
                    }
                    let Some(pct) = self.percent_of(t, line) else {
                        continue;
                    };
                    if self.agrees_moved(t, &pct, col, v - old) == Some(true) {
                        out.culprit_echoes
                            .entry((t, cell))
                            .or_default()
                            .push(pct.at);
                        out.covered.insert((t, pct.at));
                    }
                }
                for node in &tree.nodes {
                    if node.kind != NodeKind::Leaf || !node.children.is_empty() {
                        continue;
                    }
                    let (Some(cell), Some(value)) = (node.cell, node.value) else {
                        continue;
                    };
                    let Some(line) = by_row.get(&cell.row) else {
                        continue;
                    };
                    if !failing(line) {
                        continue;
                    }
                    let Some(own) = self.percent_of(t, line) else {
                        continue;
                    };
                    let Some((mut lo, mut hi)) = self.interval(t, &own, col) else {
                        continue;
                    };
                    let mut pcts = vec![own];
                    let mut explained = vec![pcts[0].at];
                    let mut moved = Vec::new();
                    let mut point = None;
                    let mut whole = None;
                    let mut ok = true;
                    let mut up = node.parent;
                    while let Some(a) = up {
                        let anc = &tree.nodes[a];
                        let (Some(at), Some(av)) = (anc.cell, anc.value) else {
                            break;
                        };
                        if self.formula_at(t, at) {
                            moved.push((at, av));
                            if let Some(line) = by_row.get(&at.row) {
                                if let Some(p) = self.percent_of(t, line) {
                                    if failing(line) {
                                        explained.push(p.at);
                                    }
                                    match self.interval(t, &p, col) {
                                        Some((l, h)) => {
                                            lo = lo.max(l);
                                            hi = hi.min(h);
                                        }
                                        None => ok = false,
                                    }
                                    pcts.push(p);
                                }
                            }
                            up = anc.parent;
                            continue;
                        }
                        // A typed whole: it must add up once the figure is right.
                        let Some(parts) = tree.children_sum(a) else {
                            ok = false;
                            break;
                        };
                        let d = av - parts;
                        if d.abs() <= self.tol || !failing_sums.contains(&a) {
                            ok = false;
                        } else {
                            point = Some(d);
                            whole = Some(anc.kind);
                            explained.push(at);
                        }
                        break;
                    }
                    if !ok || lo > hi || explained.len() < 2 {
                        continue;
                    }
                    let delta = match point {
                        Some(d) if d >= lo && d <= hi => d,
                        Some(_) => continue,
                        None => (lo + hi) / Decimal::TWO,
                    };
                    if lo <= Decimal::ZERO && hi >= Decimal::ZERO && point.is_none() {
                        continue;
                    }
                    if pcts
                        .iter()
                        .any(|p| self.agrees_moved(t, p, col, delta) != Some(true))
                    {
                        continue;
                    }
                    let mut echoes: Vec<CellRef> = explained.clone();
                    for (at, _) in &moved {
                        if !echoes.contains(at) {
                            echoes.push(*at);
                        }
                    }
                    echoes.sort_by_key(|c| (c.row, c.col));
                    candidates.push((
                        Root {
                            table: t,
                            col,
                            cell,
                            name: node.name.clone(),
                            written: node.written.clone(),
                            value,
                            exact: point.map(|d| value + d),
                            range: ((value + lo).ceil(), (value + hi).floor()),
                            percent: explained[0],
                            echoes,
                            moved: moved
                                .iter()
                                .filter_map(|&(at, v)| {
                                    Some((at, self.formula_of(t, at)?, point.map(|d| v + d)?))
                                })
                                .collect(),
                            whole,
                        },
                        explained,
                    ));
                }
            }
        }
        // Only roots that share no failure with another.
        for (i, (root, explained)) in candidates.iter().enumerate() {
            let shared = candidates.iter().enumerate().any(|(j, (r, e))| {
                j != i && r.table == root.table && e.iter().any(|c| explained.contains(c))
            });
            if shared {
                continue;
            }
            out.covered.insert((root.table, root.cell));
            for e in &root.echoes {
                out.covered.insert((root.table, *e));
            }
            out.roots.push(root.clone());
        }
        out
    }

    /// The solved sum tree of a realisation table's money column.
    fn solved(&self, table: usize, col: Col) -> Option<&SolvedTree> {
        let label = self.label(table, col);
        self.sums
            .iter()
            .find(|s| s.tree.table == table && s.tree.column == label)
    }
}

/// The finding of a root, for the rule `rule`.
pub fn finding(rule: &Rule, ctx: &Context, root: &Root) -> Finding {
    let a = &ctx.budget;
    let t = root.table;
    let label = a.label(t, root.col);
    let cells: Vec<String> = root.echoes.iter().map(|c| c.to_string()).collect();
    let n = cells.len();
    let list = cells.join(", ");
    let (id_why, en_why) = match root.exact {
        Some(v) => (
            format!(
                "seharusnya {}: dengan nilai itu persentasenya ({}) dan jumlah di atasnya cocok",
                id_num(v),
                percent_written(ctx, root)
            ),
            format!(
                "it should be {}: at that value its percentage ({}) and the sum above it agree",
                en_num(v),
                percent_written(ctx, root)
            ),
        ),
        None => (
            format!(
                "persentasenya ({}) dan persentase baris di atasnya hanya cocok dengan nilai antara {} dan {}",
                percent_written(ctx, root),
                id_num(root.range.0),
                id_num(root.range.1)
            ),
            format!(
                "its percentage ({}) and those of the rows above it only agree with a value between {} and {}",
                percent_written(ctx, root),
                en_num(root.range.0),
                en_num(root.range.1)
            ),
        ),
    };
    let message = Message::new(
        format!(
            "{label} kegiatan «{}» tertulis {}; {id_why}; {n} sel lain salah hanya karena sel ini ({list}) dan ikut benar bila sel ini dibetulkan",
            short(&root.name),
            id_num(root.value)
        ),
        format!(
            "{label} of kegiatan «{}» reads {}; {en_why}; {n} other cells are wrong only because of this one ({list}) and come right when it is fixed",
            short(&root.name),
            en_num(root.value)
        ),
    );
    let related = root.echoes.iter().map(|&c| ctx.model.loc(t, c)).collect();
    let mut f = rule
        .finding(ctx.model.loc(t, root.cell), message, root.written.clone())
        .related(related);
    if let Some(v) = root.exact {
        let mut fix = vec![Correction {
            cell: root.cell,
            value: NewValue::Number(v),
            safety: Safety::Safe,
        }];
        for (at, formula, value) in &root.moved {
            fix.push(Correction {
                cell: *at,
                value: NewValue::Formula {
                    formula: formula.clone(),
                    value: *value,
                },
                safety: Safety::Safe,
            });
        }
        f = f.expect(plain(v)).fix(fix);
    }
    f
}

fn percent_written(ctx: &Context, root: &Root) -> String {
    let real = ctx
        .model
        .budget
        .realisations
        .iter()
        .find(|r| r.table == root.table);
    real.and_then(|r| {
        super::lines(r)
            .filter_map(|(l, _)| l.persen.as_ref())
            .find(|p| p.at == root.percent)
            .map(|p| p.written.trim().to_string())
    })
    .unwrap_or_default()
}
