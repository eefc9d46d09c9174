//! Sums along a table's hierarchy, column by column (every money and count column
//! the table's kind leaves alone): a parent against its children, a total against
//! the rows it should add, an empty parent over figures, a parent's sum formula
//! against its children.
//!
//! Each column becomes a sum tree ([`crate::check::sum_tree`]) of the rows that
//! carry their own figure: a parent whose formula adds exactly its children, a
//! parent left empty and a cell another cause already explains follow from the
//! rows under them, so they stand aside and their children count one level up.
//! The tree's solution then names the one figure that explains the broken sums;
//! a parent typed where the column's other parents hold formulas is the likelier
//! culprit among equals.

use super::{found, Broken, Cause, FigureColumn, Level, Slip, Stated, TableAnalysis};
use crate::cell::{sum_formula, CellRef};
use crate::check::sum_tree::{close, BrokenSum, Node, NodeKind, SolvedTree, Tree};
use crate::config::Config;
use crate::finding::{Correction, NewValue, Safety};
use crate::read::{Formula, Sheet, Value};
use crate::structure::holds::Holds;
use crate::structure::tree::{level_of_words, RowRole};
use crate::structure::Table;
use rust_decimal::Decimal;
use std::collections::{BTreeSet, HashMap, HashSet};

/// A cell of a column as a sum reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Val {
    Blank,
    Known(Decimal),
    /// Text, an error value, a malformed figure: its own rules' finding.
    Unknown,
}

/// The cells a formula adds up: a sum (`SUM(F11:F14)`, `F11+F15`) or a
/// `SUBTOTAL(9, …)`; `None` for any other formula.
pub(super) fn summed_cells(text: &str) -> Option<Vec<CellRef>> {
    let upper = text.trim().to_ascii_uppercase();
    let inner = match upper.strip_prefix("SUBTOTAL(") {
        Some(rest) => {
            let (function, rest) = rest.split_once(',')?;
            if !matches!(function.trim(), "9" | "109") {
                return None;
            }
            rest.strip_suffix(')')?.to_string()
        }
        None => upper,
    };
    let f = Formula::parse(&inner)?;
    if !f.additive {
        return None;
    }
    f.cells()
}

/// What a table's rows are, worked out once for all its columns.
struct Rows<'a> {
    table: &'a Table,
    by_row: HashMap<u32, usize>,
    /// Rows whose cells hold any figure.
    has_figures: Vec<bool>,
}

impl<'a> Rows<'a> {
    fn new(table: &'a Table) -> Self {
        let figure_cols: Vec<u32> = table
            .fields
            .iter()
            .filter(|f| f.holds.is_additive())
            .map(|f| f.index)
            .collect();
        let has_figures = table
            .rows
            .iter()
            .map(|r| {
                figure_cols.iter().any(|&c| {
                    r.at(c)
                        .is_some_and(|x| matches!(x.value, Value::Number { .. }))
                })
            })
            .collect();
        Rows {
            table,
            by_row: table
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| (r.row, i))
                .collect(),
            has_figures,
        }
    }

    /// A row's name as written: its first text of a name column, else (a total's
    /// label may stand in any column) its first text.
    fn name(&self, i: usize) -> &'a str {
        let r = &self.table.rows[i];
        self.table
            .name_of(r)
            .or_else(|| {
                r.cells
                    .iter()
                    .find_map(|c| c.text().filter(|t| !t.is_empty()))
            })
            .unwrap_or_default()
    }

    fn role(&self, i: usize) -> RowRole {
        self.table.tree.nodes[i].role
    }

    fn children(&self, i: usize) -> &[usize] {
        &self.table.tree.nodes[i].children
    }

    /// Whether a row above `i` in the hierarchy is one of `set`.
    fn under_any(&self, i: usize, set: &HashSet<usize>) -> bool {
        let nodes = &self.table.tree.nodes;
        let mut at = nodes[i].parent;
        let mut guard = 0;
        while let Some(p) = at {
            if set.contains(&p) {
                return true;
            }
            at = nodes[p].parent;
            guard += 1;
            if guard > nodes.len() {
                break;
            }
        }
        false
    }
}

/// Every sum slip of every money and count column of the table.
pub(super) fn analyse(t: &mut TableAnalysis, sheet: Option<&Sheet>, stated: &Stated, cfg: &Config) {
    let table = t.table;
    if !table.tree.nodes.iter().any(|n| !n.children.is_empty()) {
        return;
    }
    let rows = Rows::new(table);
    let mut slips = Vec::new();
    for col in t
        .columns
        .iter()
        .filter(|c| c.holds().is_additive() && !c.checked)
    {
        let tol = if col.holds() == Holds::Money {
            cfg.tolerances.money
        } else {
            Decimal::ZERO
        };
        Column::new(&rows, col, sheet, stated, tol).analyse(t.index, &mut slips);
    }
    t.slips.extend(slips);
}

/// One column's sums.
struct Column<'a> {
    rows: &'a Rows<'a>,
    col: &'a FigureColumn<'a>,
    sheet: Option<&'a Sheet>,
    stated: &'a Stated,
    tol: Decimal,
    value: Vec<Val>,
    /// The rows each total should add: the top rows among those its formula
    /// names, or the top rows since the total before it.
    should: HashMap<usize, Vec<usize>>,
    /// Rows its formula names, per total with a sum formula.
    named: HashMap<usize, Vec<usize>>,
    /// What each row adds up to from the rows under it (its own figure when it has one).
    eff: Vec<Option<Decimal>>,
}

impl<'a> Column<'a> {
    fn new(
        rows: &'a Rows<'a>,
        col: &'a FigureColumn<'a>,
        sheet: Option<&'a Sheet>,
        stated: &'a Stated,
        tol: Decimal,
    ) -> Self {
        let n = rows.table.rows.len();
        let value = (0..n)
            .map(|i| match &col.figures[i] {
                None => Val::Blank,
                Some(f) => match stated.corrected.get(&f.at).copied().or(f.value) {
                    Some(v) => Val::Known(v),
                    None => Val::Unknown,
                },
            })
            .collect();
        let mut c = Column {
            rows,
            col,
            sheet,
            stated,
            tol,
            value,
            should: HashMap::new(),
            named: HashMap::new(),
            eff: vec![None; n],
        };
        for i in (0..n).filter(|&i| rows.role(i) == RowRole::Total) {
            let named: Vec<usize> = c
                .sum_cells(i)
                .map(|cells| {
                    let mut named: Vec<usize> = cells
                        .iter()
                        .filter(|x| x.col == col.field.index && x.row < rows.table.rows[i].row)
                        .filter_map(|x| rows.by_row.get(&x.row).copied())
                        .collect();
                    named.sort_unstable();
                    named.dedup();
                    named
                })
                .unwrap_or_default();
            let should = if named.is_empty() {
                rows.children(i).to_vec()
            } else {
                let set: HashSet<usize> = named.iter().copied().collect();
                named
                    .iter()
                    .copied()
                    .filter(|&r| !rows.under_any(r, &set))
                    .collect()
            };
            c.should.insert(i, should);
            if !named.is_empty() {
                c.named.insert(i, named);
            }
        }
        c.eff = c.effective();
        c
    }

    fn at(&self, i: usize) -> CellRef {
        CellRef::new(self.rows.table.rows[i].row, self.col.field.index)
    }

    fn formula(&self, i: usize) -> Option<&'a str> {
        self.sheet.and_then(|s| s.formula(self.at(i)))
    }

    /// The cells the row's formula adds up, if it holds a sum.
    fn sum_cells(&self, i: usize) -> Option<Vec<CellRef>> {
        summed_cells(self.formula(i)?)
    }

    /// The rows a row's figure should add up: its children, or a total's rows.
    fn parts(&self, i: usize) -> &[usize] {
        match self.should.get(&i) {
            Some(s) => s,
            None => self.rows.children(i),
        }
    }

    fn filled(&self, i: usize) -> bool {
        self.value[i] != Val::Blank
    }

    /// Each row's figure, or for an empty parent the sum of the rows under it;
    /// children before parents, totals last.
    fn effective(&self) -> Vec<Option<Decimal>> {
        let nodes = &self.rows.table.tree.nodes;
        let n = nodes.len();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| {
            (
                nodes[i].role == RowRole::Total,
                std::cmp::Reverse(nodes[i].depth),
                i,
            )
        });
        let mut eff = vec![None; n];
        for i in order {
            eff[i] = match self.value[i] {
                Val::Known(v) => Some(v),
                Val::Unknown => None,
                Val::Blank if self.parts(i).is_empty() => Some(Decimal::ZERO),
                Val::Blank => self.parts(i).iter().map(|&c| eff[c]).sum(),
            };
        }
        eff
    }

    fn parts_sum(&self, i: usize) -> Option<Decimal> {
        self.parts(i).iter().map(|&c| self.eff[c]).sum()
    }

    /// The sum of its parts as written (an empty cell is nothing): what a sum
    /// formula over them caches.
    fn written_sum(&self, i: usize) -> Option<Decimal> {
        self.parts(i)
            .iter()
            .map(|&c| match self.value[c] {
                Val::Known(v) => Some(v),
                Val::Blank => Some(Decimal::ZERO),
                Val::Unknown => None,
            })
            .sum()
    }

    /// The cells the row's sum formula names and the cells of its parts, those
    /// that carry something; `None` unless it sums its own column.
    fn named_and_parts(&self, i: usize) -> Option<(BTreeSet<CellRef>, BTreeSet<CellRef>)> {
        let cells = self.sum_cells(i)?;
        if cells.iter().any(|c| c.col != self.col.field.index) {
            return None;
        }
        let named = cells.into_iter().filter(|&c| self.counts(c)).collect();
        let parts = self
            .parts(i)
            .iter()
            .filter(|&&c| self.carries(c))
            .map(|&c| self.at(c))
            .collect();
        Some((named, parts))
    }

    /// The row's formula adds exactly its parts (a sum of its own column).
    fn formula_adds_parts(&self, i: usize) -> Option<bool> {
        self.named_and_parts(i).map(|(named, parts)| named == parts)
    }

    /// Whether a cell a formula names counts: any cell but an empty or zero one of
    /// the table (leaving out a row of no money changes nothing).
    fn counts(&self, c: CellRef) -> bool {
        match self.rows.by_row.get(&c.row) {
            Some(&i) => self.carries(i),
            None => true,
        }
    }

    /// Whether row `i`'s cell carries something a sum should add.
    fn carries(&self, i: usize) -> bool {
        match self.value[i] {
            Val::Blank => false,
            Val::Known(v) => !v.is_zero() || self.formula(i).is_some(),
            Val::Unknown => true,
        }
    }

    /// Whether the office writes this column's parents as formulas.
    fn parents_are_formulas(&self) -> bool {
        let (mut formulas, mut typed) = (0, 0);
        for i in 0..self.value.len() {
            if self.rows.role(i) == RowRole::Item || !self.filled(i) {
                continue;
            }
            if self.formula(i).is_some() {
                formulas += 1;
            } else {
                typed += 1;
            }
        }
        formulas > typed
    }

    /// The correction of row `i` to `value`: its parts' sum as a formula where the
    /// office writes formulas, else the figure.
    fn correction(&self, i: usize, value: Decimal, formulas: bool) -> Correction {
        let cells: Vec<CellRef> = self.parts(i).iter().map(|&c| self.at(c)).collect();
        Correction {
            cell: self.at(i),
            value: if formulas && !cells.is_empty() {
                NewValue::Formula {
                    formula: sum_formula(&cells),
                    value,
                }
            } else {
                NewValue::Number(value)
            },
            safety: Safety::Safe,
        }
    }

    fn written(&self, i: usize) -> String {
        let w = self.col.figures[i]
            .as_ref()
            .map(|f| f.written.clone())
            .unwrap_or_default();
        found(self.sheet, self.at(i), &w)
    }

    fn slip(&self, i: usize, cause: Cause, expected: Option<Decimal>) -> Slip {
        Slip {
            at: self.at(i),
            cause,
            found: self.written(i),
            expected,
            column: self.col.field.label.clone(),
            name: self.rows.name(i).to_string(),
            parts: self.parts(i).iter().map(|&c| self.at(c)).collect(),
            echoes: Vec::new(),
            fix: Vec::new(),
            warning: false,
        }
    }

    fn analyse(&self, _table: usize, out: &mut Vec<Slip>) {
        let n = self.value.len();
        let formulas = self.parents_are_formulas();
        // Rows whose value another cause explains: they stand aside in the tree,
        // at the value they should have.
        let mut fixed: HashMap<usize, Decimal> = HashMap::new();
        let mut slips: Vec<(usize, Slip)> = Vec::new();

        // A parent's sum formula that adds other rows than its children.
        for i in 0..n {
            if self.rows.role(i) != RowRole::Parent || !self.filled(i) {
                continue;
            }
            let Some((named, parts)) = self.named_and_parts(i).filter(|(n, p)| n != p) else {
                continue;
            };
            if self.stated.covers(self.at(i)) {
                continue;
            }
            let Some(should) = self.parts_sum(i) else {
                continue;
            };
            let right = matches!(self.value[i], Val::Known(v) if close(v, should, self.tol));
            let mut slip = self.slip(
                i,
                Cause::Formula {
                    foreign: named.difference(&parts).copied().collect(),
                    omitted: parts.difference(&named).copied().collect(),
                },
                (!right).then_some(should),
            );
            slip.warning = right;
            slip.fix = vec![self.correction(i, should, true)];
            fixed.insert(i, should);
            slips.push((i, slip));
        }

        // A total adding rows of several levels together.
        for (&i, named) in &self.named {
            let (Val::Known(v), Some(should)) = (self.value[i], self.parts_sum(i)) else {
                continue;
            };
            let top = &self.should[&i];
            if named.len() == top.len() || close(v, should, self.tol) {
                continue;
            }
            let all: Option<Decimal> = named.iter().map(|&r| self.eff[r]).sum();
            if !all.is_some_and(|a| close(v, a, self.tol)) || self.stated.covers(self.at(i)) {
                continue;
            }
            let levels = self.levels(named);
            let mut slip = self.slip(i, Cause::MixedTotal { levels }, Some(should));
            slip.fix = vec![self.correction(i, should, true)];
            fixed.insert(i, should);
            slips.push((i, slip));
        }
        slips.sort_by_key(|(i, _)| *i);

        // An empty parent over figures, where the column's parents carry their sums.
        let parents: Vec<usize> = (0..n)
            .filter(|&i| self.rows.role(i) == RowRole::Parent)
            .collect();
        let filled_parents = parents.iter().filter(|&&i| self.filled(i)).count();
        // Per depth: (parents, parents with a figure).
        let mut by_depth: HashMap<u8, (usize, usize)> = HashMap::new();
        for &p in &parents {
            let e = by_depth
                .entry(self.rows.table.tree.nodes[p].depth)
                .or_default();
            e.0 += 1;
            e.1 += usize::from(self.filled(p));
        }
        for &i in &parents {
            if self.filled(i) || filled_parents == 0 {
                continue;
            }
            let Some(s) = self.eff[i].filter(|s| !s.is_zero()) else {
                continue;
            };
            let (peers, peers_filled) = by_depth[&self.rows.table.tree.nodes[i].depth];
            if peers_filled * 2 <= peers && !self.rows.has_figures[i] {
                continue;
            }
            // A heading whose group closes with its own total row (`Pendapatan` …
            // `JUMLAH PENDAPATAN`): that row carries the sum.
            let nodes = &self.rows.table.tree.nodes;
            let last = self
                .rows
                .table
                .tree
                .descendants(i)
                .into_iter()
                .max()
                .unwrap_or(i);
            if nodes
                .get(last + 1)
                .is_some_and(|n| n.role == RowRole::Total)
            {
                continue;
            }
            let mut slip = self.slip(i, Cause::EmptyParent, Some(s));
            slip.fix = vec![self.correction(i, s, formulas)];
            slips.push((i, slip));
        }

        // The sum tree of the rows with figures of their own.
        let (solved, tree_rows) = self.solve(&fixed);
        for b in &solved.broken {
            let (node, broken, expected) = match *b {
                BrokenSum::Whole { node, parts } => (node, Broken::Whole, Some(parts)),
                BrokenSum::Part { node, value } => {
                    let whole = solved.tree.nodes[node]
                        .parent
                        .expect("a part has its whole");
                    let whole_row = tree_rows[whole];
                    (
                        node,
                        Broken::Part {
                            whole: self.at(whole_row),
                        },
                        Some(value),
                    )
                }
                BrokenSum::OneOfItsParts { node, parts } => {
                    (node, Broken::OneOfItsParts { parts }, None)
                }
            };
            let i = tree_rows[node];
            if self.stated.covers(self.at(i)) {
                continue;
            }
            let total = solved.whole_kind(b) == NodeKind::Total;
            let mut slip = self.slip(
                i,
                Cause::Sum {
                    total,
                    broken: broken.clone(),
                },
                expected,
            );
            match broken {
                Broken::Whole => {
                    let v = expected.expect("a whole's parts");
                    slip.fix = vec![self.correction(i, v, formulas || self.formula(i).is_some())];
                }
                Broken::Part { whole } => {
                    let parent = solved.tree.nodes[node]
                        .parent
                        .expect("a part has its whole");
                    let siblings = solved.tree.nodes[parent].children.len();
                    slip.parts = std::iter::once(whole)
                        .chain(
                            solved.tree.nodes[parent]
                                .children
                                .iter()
                                .filter(|&&c| c != node)
                                .map(|&c| self.at(tree_rows[c])),
                        )
                        .collect();
                    if siblings == 1 {
                        slip.fix = vec![Correction {
                            cell: self.at(i),
                            value: NewValue::Number(expected.expect("a part's value")),
                            safety: Safety::Safe,
                        }];
                    }
                }
                Broken::OneOfItsParts { .. } => {}
            }
            slips.push((i, slip));
        }

        // The cells that follow from each root: the sums above it that are
        // formulas, and its row's formulas that name it.
        for (i, slip) in &mut slips {
            let delta = match (slip.expected, self.value[*i]) {
                (Some(e), Val::Known(v)) if !slip.warning => Some(e - v),
                (Some(e), Val::Blank) => Some(e),
                _ => None,
            };
            let (echoes, moved) = self.echoes(*i, delta);
            slip.echoes = echoes;
            slip.fix.extend(moved);
        }
        out.extend(slips.into_iter().map(|(_, s)| s));
    }

    /// The formula cells whose values follow from row `i`'s: the sums above it
    /// that add it (with their values once it moves by `delta`), and formulas of
    /// its row (or of those sums' rows) that name it.
    fn echoes(&self, i: usize, delta: Option<Decimal>) -> (Vec<CellRef>, Vec<Correction>) {
        let nodes = &self.rows.table.tree.nodes;
        let mut chain = vec![i];
        let mut at = i;
        loop {
            let up = nodes[at].parent.or_else(|| {
                self.should
                    .iter()
                    .filter(|(_, s)| s.contains(&at))
                    .map(|(t, _)| *t)
                    .min()
            });
            let Some(p) = up.filter(|&p| self.formula_adds_parts(p) == Some(true)) else {
                break;
            };
            if chain.contains(&p) {
                break;
            }
            chain.push(p);
            at = p;
        }
        let mut echoes: Vec<CellRef> = chain[1..].iter().map(|&r| self.at(r)).collect();
        let mut moved = Vec::new();
        if let Some(d) = delta {
            for &r in &chain[1..] {
                if let (Val::Known(v), Some(f)) = (self.value[r], self.formula(r)) {
                    moved.push(Correction {
                        cell: self.at(r),
                        value: NewValue::Formula {
                            formula: f.to_string(),
                            value: v + d,
                        },
                        safety: Safety::Safe,
                    });
                }
            }
        }
        // Formulas of the same rows that name a cell of the chain.
        if let Some(sheet) = self.sheet {
            let mut named: Vec<CellRef> = chain.iter().map(|&r| self.at(r)).collect();
            let mut k = 0;
            while k < named.len() {
                let cell = named[k];
                k += 1;
                let Some(&r) = self.rows.by_row.get(&cell.row) else {
                    continue;
                };
                for c in &self.rows.table.rows[r].cells {
                    if c.at == cell || named.contains(&c.at) {
                        continue;
                    }
                    let Some(f) = sheet.formula(c.at).and_then(Formula::parse) else {
                        continue;
                    };
                    if f.cells().is_some_and(|cs| cs.contains(&cell)) {
                        named.push(c.at);
                        echoes.push(c.at);
                    }
                }
            }
        }
        echoes.sort();
        echoes.dedup();
        (echoes, moved)
    }

    /// The levels of the hierarchy the rows belong to, top first: by the words
    /// their names start with (Urusan, Program …) where most rows of a level have
    /// them, else by their depth and a name.
    fn levels(&self, rows: &[usize]) -> Vec<Level> {
        const WORDS: [&str; 5] = ["Urusan", "Bidang", "Program", "Kegiatan", "Sub Kegiatan"];
        let nodes = &self.rows.table.tree.nodes;
        let mut depths: Vec<u8> = rows.iter().map(|&r| nodes[r].depth).collect();
        depths.sort_unstable();
        depths.dedup();
        let mut taken: Vec<&'static str> = Vec::new();
        depths
            .iter()
            .map(|&depth| {
                // A few dozen rows tell a level's word; a national list has thousands.
                let at: Vec<usize> = rows
                    .iter()
                    .copied()
                    .filter(|&r| nodes[r].depth == depth)
                    .take(64)
                    .collect();
                let mut words: Vec<u8> = at
                    .iter()
                    .filter_map(|&r| level_of_words(self.rows.name(r)))
                    .collect();
                let most = words.len() * 2 > at.len();
                words.sort_unstable();
                let word = words
                    .first()
                    .map(|&w| WORDS[usize::from(w)])
                    .filter(|w| most && !taken.contains(w));
                taken.extend(word);
                let example = at
                    .first()
                    .map(|&r| short_name(self.rows.name(r)))
                    .unwrap_or_default();
                Level {
                    word,
                    depth,
                    example,
                }
            })
            .collect()
    }

    /// The column's sum tree over the rows with figures of their own, solved.
    /// Also the table row of each node.
    fn solve(&self, fixed: &HashMap<usize, Decimal>) -> (SolvedTree, Vec<usize>) {
        let n = self.value.len();
        let nodes = &self.rows.table.tree.nodes;
        // Rows that stand aside: their value follows from the rows under them.
        let aside: Vec<bool> = (0..n)
            .map(|i| {
                fixed.contains_key(&i)
                    || (nodes[i].role != RowRole::Item && !self.filled(i))
                    || (nodes[i].role != RowRole::Item
                        && self.formula_adds_parts(i) == Some(true)
                        && matches!((self.value[i], self.written_sum(i)),
                            (Val::Known(v), Some(s)) if close(v, s, self.tol)))
            })
            .collect();
        // Which total adds each top row: the first that names it.
        let mut claimed: HashMap<usize, usize> = HashMap::new();
        let mut direct: Vec<usize> = Vec::new();
        let mut totals: Vec<usize> = self.should.keys().copied().collect();
        totals.sort_unstable();
        for &t in &totals {
            if aside[t] {
                continue;
            }
            if self.should[&t].iter().any(|r| claimed.contains_key(r)) {
                direct.push(t);
                continue;
            }
            for &r in &self.should[&t] {
                claimed.insert(r, t);
            }
        }
        let up =
            |i: usize| -> Option<usize> { nodes[i].parent.or_else(|| claimed.get(&i).copied()) };
        let mut rows: Vec<usize> = Vec::new();
        let mut index: HashMap<usize, usize> = HashMap::new();
        for i in (0..n).filter(|&i| !aside[i] && !direct.contains(&i)) {
            index.insert(i, rows.len());
            rows.push(i);
        }
        let formulas = self.parents_are_formulas();
        let mut sum_tree = Tree::new(0, self.col.field.label.clone());
        for &i in &rows {
            let mut p = up(i);
            let mut guard = 0;
            while let Some(x) = p {
                if index.contains_key(&x) {
                    break;
                }
                p = up(x);
                guard += 1;
                if guard > n {
                    p = None;
                    break;
                }
            }
            let kind = match nodes[i].role {
                RowRole::Total => NodeKind::Total,
                RowRole::Parent => NodeKind::Subtotal,
                RowRole::Item => NodeKind::Leaf,
            };
            let value = match self.value[i] {
                Val::Known(v) => Some(v),
                _ => None,
            };
            sum_tree.nodes.push(Node {
                kind,
                name: self.rows.name(i).to_string(),
                cell: Some(self.at(i)),
                written: String::new(),
                value,
                readings: None,
                anchor: None,
                parent: p.map(|x| index[&x]),
                children: Vec::new(),
                suspect: formulas && kind == NodeKind::Subtotal && self.formula(i).is_none(),
            });
        }
        for k in 0..sum_tree.nodes.len() {
            if let Some(p) = sum_tree.nodes[k].parent {
                sum_tree.nodes[p].children.push(k);
            }
        }
        let mut solved = SolvedTree::new(sum_tree, self.tol);
        // A total whose rows another total adds already: judged on its own.
        for &t in &direct {
            if let (Val::Known(v), Some(s)) = (self.value[t], self.parts_sum(t)) {
                if !close(v, s, self.tol) {
                    let k = solved.tree.nodes.len();
                    solved.tree.nodes.push(Node {
                        kind: NodeKind::Total,
                        name: String::new(),
                        cell: Some(self.at(t)),
                        written: String::new(),
                        value: Some(v),
                        readings: None,
                        anchor: None,
                        parent: None,
                        children: Vec::new(),
                        suspect: false,
                    });
                    rows.push(t);
                    solved.broken.push(BrokenSum::Whole { node: k, parts: s });
                }
            }
        }
        (solved, rows)
    }
}

/// A name cut to its first words for a list in a message.
fn short_name(name: &str) -> String {
    let n: Vec<char> = name.chars().collect();
    if n.len() <= 30 {
        return name.to_string();
    }
    let head: String = n[..28].iter().collect();
    let cut = head.rfind(' ').map_or(head.as_str(), |i| &head[..i]);
    format!("{}…", cut.trim_end_matches([',', ';', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_and_subtotals_name_their_cells() {
        let at = |a1| CellRef::parse(a1).unwrap();
        assert_eq!(
            summed_cells("SUBTOTAL(9,F10:F12)"),
            Some(vec![at("F10"), at("F11"), at("F12")])
        );
        assert_eq!(
            summed_cells("subtotal(109, F10:F11)").map(|c| c.len()),
            Some(2)
        );
        assert_eq!(summed_cells("SUBTOTAL(1,F10:F12)"), None);
        assert_eq!(
            summed_cells("SUM(F10,F12)"),
            Some(vec![at("F10"), at("F12")])
        );
        assert_eq!(summed_cells("F10/F12*100"), None);
    }
}
