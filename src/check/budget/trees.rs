//! Sum trees: a table's figures as wholes and parts (total → program → kegiatan;
//! Tabel 1's outline), and which figure explains the sums that break.

use super::format::{close, value};
use super::BudgetAnalysis;
use crate::cell::CellRef;
use crate::model::budget::{
    sum, BudgetLine, PkProgramRef, RealisationKegiatanRef, RealisationProgramRef, RktBlockRef,
    RktKegiatanRef, Spending, TotalRow,
};
use crate::model::{Figure, FigureProblem};
use crate::table::Col;
use rust_decimal::Decimal;

/// What a node of a sum tree is; the rule of a broken sum is chosen by the kind
/// of its whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A JUMLAH / TOTAL row.
    Total,
    /// A program's subtotal (realisation table) or funds (RKT block).
    Subtotal,
    /// A Tabel 1 outline line.
    Outline,
    /// A kegiatan line or a PK program.
    Leaf,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: NodeKind,
    pub name: String,
    pub cell: Option<CellRef>,
    pub written: String,
    /// Read or pinned; `None` when unreadable.
    pub value: Option<Decimal>,
    /// The figure is malformed: its readings.
    pub readings: Option<Vec<Decimal>>,
    /// The value another document gives this figure.
    pub anchor: Option<Decimal>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

/// A table's figures as wholes and parts, for one money column.
#[derive(Debug, Clone)]
pub struct Tree {
    pub table: usize,
    pub column: String,
    pub nodes: Vec<Node>,
}

#[derive(Debug, Default)]
pub struct Solution {
    /// Wholes that are not the sum of their parts.
    pub failing: Vec<usize>,
    /// Figures that alone could explain every failing sum, with the value that would.
    pub candidates: Vec<(usize, Decimal)>,
    /// The one figure that explains them, when the candidates (and the other
    /// documents) single it out.
    pub culprit: Option<(usize, Decimal)>,
}

impl Tree {
    pub fn new(table: usize, column: String) -> Self {
        Tree {
            table,
            column,
            nodes: Vec::new(),
        }
    }

    pub fn add(
        &mut self,
        kind: NodeKind,
        name: &str,
        fig: Option<&Figure>,
        value: Option<Decimal>,
        parent: Option<usize>,
    ) -> usize {
        let i = self.nodes.len();
        let readings = fig.and_then(|f| match f.problem.as_deref() {
            Some(FigureProblem::Malformed { readings }) => Some(readings.clone()),
            _ => None,
        });
        self.nodes.push(Node {
            kind,
            name: name.to_string(),
            cell: fig.map(|f| f.at),
            written: fig.map(|f| f.written.clone()).unwrap_or_default(),
            value,
            readings,
            anchor: None,
            parent,
            children: Vec::new(),
        });
        if let Some(p) = parent {
            self.nodes[p].children.push(i);
        }
        i
    }

    pub fn children_sum(&self, n: usize) -> Option<Decimal> {
        sum(self.nodes[n].children.iter().map(|&c| self.nodes[c].value))
    }

    /// What the parent leaves for `n`: parent − the other children.
    pub fn left_by_parent(&self, n: usize) -> Option<Decimal> {
        let p = self.nodes[n].parent?;
        let pv = self.nodes[p].value?;
        let others = self.nodes[p]
            .children
            .iter()
            .filter(|&&c| c != n)
            .map(|&c| self.nodes[c].value)
            .try_fold(Decimal::ZERO, |acc, v| v.map(|v| acc + v))?;
        Some(pv - others)
    }

    pub fn solve(&self, tol: Decimal) -> Solution {
        // Each whole's parts summed once: what a whole leaves for one of its parts is
        // then its value less that sum plus the part, not a walk over the siblings.
        let parts: Vec<Option<Decimal>> = (0..self.nodes.len())
            .map(|n| self.children_sum(n))
            .collect();
        let failing: Vec<usize> = (0..self.nodes.len())
            .filter(|&n| match (self.nodes[n].value, parts[n]) {
                (Some(v), Some(s)) => !close(v, s, tol),
                _ => false,
            })
            .collect();
        let mut s = Solution {
            failing,
            ..Default::default()
        };
        if s.failing.is_empty() {
            return s;
        }
        for (n, node) in self.nodes.iter().enumerate() {
            let (Some(v), Some(_)) = (node.value, node.cell) else {
                continue;
            };
            let involved = |f: usize| f == n || Some(f) == node.parent;
            if !s.failing.iter().all(|&f| involved(f)) {
                continue;
            }
            let left = node
                .parent
                .and_then(|p| Some(self.nodes[p].value? - (parts[p]? - v)));
            let implied: Vec<Decimal> = [parts[n], left].into_iter().flatten().collect();
            let Some(&first) = implied.first() else {
                continue;
            };
            if implied.iter().any(|&x| !close(x, first, tol)) || close(first, v, tol) {
                continue;
            }
            s.candidates.push((n, first));
        }
        let pick = |list: Vec<(usize, Decimal)>| (list.len() == 1).then(|| list[0]);
        s.culprit = pick(s.candidates.clone())
            .or_else(|| {
                pick(
                    s.candidates
                        .iter()
                        .copied()
                        .filter(|&(n, v)| self.nodes[n].anchor == Some(v))
                        .collect(),
                )
            })
            .or_else(|| {
                pick(
                    s.candidates
                        .iter()
                        .copied()
                        .filter(|&(n, v)| self.nodes[n].anchor.is_none_or(|a| a == v))
                        .collect(),
                )
            });
        // The culprit's value as its parts or its siblings add up, at their scale.
        s.culprit = s.culprit.map(|(n, v)| {
            (
                n,
                self.children_sum(n)
                    .or_else(|| self.left_by_parent(n))
                    .unwrap_or(v),
            )
        });
        s
    }
}

impl<'a> BudgetAnalysis<'a> {
    fn realisation_tree(&self, ri: usize, col: Col) -> Tree {
        let real = &self.b.realisations[ri];
        let t = real.table;
        fn pick(l: &BudgetLine, col: Col) -> Option<&Figure> {
            match col {
                Col::Pagu => l.pagu.as_ref(),
                _ => l.realisasi.as_ref(),
            }
        }
        let val = |f: Option<&Figure>| -> Option<Decimal> {
            match f {
                Some(f) => f.value.or_else(|| self.pinned(t, f.at)),
                // A blank realisasi is nothing spent; a blank pagu is unknown.
                None => (col == Col::Realisasi).then_some(Decimal::ZERO),
            }
        };
        let mut tree = Tree::new(t, self.label(t, col));
        let root = real.totals.first().and_then(|total| {
            let f = pick(total, col)?;
            Some(tree.add(NodeKind::Total, &total.name, Some(f), val(Some(f)), None))
        });
        if let Some(r) = root {
            if col == Col::Pagu {
                tree.nodes[r].anchor = self.first_pk_total();
            }
        }
        // Each kegiatan under the program its code places it in (a kegiatan row
        // moved into another program's block still adds up to its own), else the
        // program above it.
        let home = self.kegiatan_homes(ri);
        for (pi, prog) in real.programs.iter().enumerate() {
            let sub = prog.subtotal.as_ref().and_then(|s| pick(s, col));
            let parent = match sub {
                Some(f) => {
                    let kind = if home.iter().any(|&(_, _, h)| h == pi) {
                        NodeKind::Subtotal
                    } else {
                        NodeKind::Leaf
                    };
                    let n = tree.add(kind, &prog.name, Some(f), val(Some(f)), root);
                    if col == Col::Pagu {
                        let program = RealisationProgramRef {
                            realisation: ri,
                            program: pi,
                        };
                        tree.nodes[n].anchor =
                            self.links.pk_by_realisation.get(&program).and_then(|&pk| {
                                let table = self.b.pk_budgets[pk.pk].table;
                                self.val(table, &self.b.pk_program(pk).anggaran)
                            });
                    }
                    Some(n)
                }
                None => root,
            };
            for &(kp, ki, _) in home.iter().filter(|&&(_, _, h)| h == pi) {
                let k = &real.programs[kp].kegiatan[ki];
                let f = pick(k, col);
                let n = tree.add(NodeKind::Leaf, &k.name, f, val(f), parent);
                if col == Col::Pagu {
                    let kegiatan = RealisationKegiatanRef {
                        program: RealisationProgramRef {
                            realisation: ri,
                            program: kp,
                        },
                        kegiatan: ki,
                    };
                    tree.nodes[n].anchor = self
                        .links
                        .kegiatan_by_realisation
                        .get(&kegiatan)
                        .and_then(|&rk| value(&self.b.rkt_kegiatan(rk).dana));
                }
            }
        }
        tree
    }

    /// Every kegiatan of realisation table `ri` as (its program, its index, the
    /// program it adds up to): the one whose row its code lies under in the
    /// table's hierarchy, when the codes say so; else its own.
    fn kegiatan_homes(&self, ri: usize) -> Vec<(usize, usize, usize)> {
        let real = &self.b.realisations[ri];
        let table = self.reading.tables.get(real.table);
        let program_of_row = |row: u32| real.programs.iter().position(|p| p.row == row);
        let by_code = |row: u32| -> Option<usize> {
            let t = table?;
            let i = t.rows.iter().position(|r| r.row == row)?;
            let node = t.tree.nodes.get(i)?;
            if node.placed != crate::structure::tree::Placed::Code {
                return None;
            }
            // The nearest row above it in the hierarchy that is a program.
            let mut at = node.parent;
            for _ in 0..t.rows.len() {
                let p = at?;
                if let Some(pi) = program_of_row(t.rows[p].row) {
                    return Some(pi);
                }
                at = t.tree.nodes[p].parent;
            }
            None
        };
        real.programs
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| {
                p.kegiatan
                    .iter()
                    .enumerate()
                    .map(move |(ki, k)| (pi, ki, by_code(k.row).unwrap_or(pi)))
            })
            .collect()
    }

    pub(super) fn pk_tree(&self, pi: usize, awal: bool) -> Tree {
        let pk = &self.b.pk_budgets[pi];
        let t = pk.table;
        let pick = |a: &'a Option<Figure>, b: &'a Option<Figure>| {
            if awal {
                a.as_ref()
            } else {
                b.as_ref()
            }
        };
        let mut tree = Tree::new(
            t,
            self.label(
                t,
                if awal {
                    Col::AnggaranAwal
                } else {
                    Col::Anggaran
                },
            ),
        );
        let root = pk.jumlah.as_ref().and_then(|j| {
            let f = pick(&j.anggaran_awal, &j.anggaran)?;
            Some(tree.add(
                NodeKind::Total,
                &j.label,
                Some(f),
                f.value.or_else(|| self.pinned(t, f.at)),
                None,
            ))
        });
        if let (Some(r), false) = (root, awal) {
            tree.nodes[r].anchor = self
                .belanja_daerah()
                .and_then(|(st, i)| self.val(st, &i.jumlah));
        }
        for (pp, prog) in pk.programs.iter().enumerate() {
            let f = pick(&prog.anggaran_awal, &prog.anggaran);
            let v = f.and_then(|f| f.value.or_else(|| self.pinned(t, f.at)));
            let n = tree.add(NodeKind::Leaf, &prog.name, f, v, root);
            if !awal {
                tree.nodes[n].anchor = self.pk_program_anchor(PkProgramRef {
                    pk: pi,
                    program: pp,
                });
            }
        }
        tree
    }

    /// A total row as the root of `tree`, when it has an amount.
    fn add_total(&self, tree: &mut Tree, total: &TotalRow) -> Option<usize> {
        let f = total.amount.as_ref()?;
        let value = self.val(tree.table, &total.amount);
        Some(tree.add(NodeKind::Total, &total.label, Some(f), value, None))
    }

    fn rkt_tree(&self, ti: usize) -> Tree {
        let rkt = &self.b.rkt[ti];
        let t = rkt.table;
        let mut tree = Tree::new(t, "Dana".to_string());
        let root = rkt
            .total
            .as_ref()
            .and_then(|total| self.add_total(&mut tree, total));
        if let Some(r) = root {
            tree.nodes[r].anchor = self.first_pk_total();
        }
        for (pi, block) in rkt.programs.iter().enumerate() {
            let block_node = block.funds.as_ref().map(|f| {
                tree.add(
                    NodeKind::Subtotal,
                    &block.written,
                    Some(f),
                    self.val(t, &block.funds),
                    root,
                )
            });
            let parent = block_node.or(root);
            for (ki, k) in block.kegiatan.iter().enumerate() {
                let Some(f) = k.dana.as_ref() else { continue };
                let n = tree.add(
                    NodeKind::Leaf,
                    &k.name,
                    Some(f),
                    self.val(t, &k.dana),
                    parent,
                );
                let kegiatan = RktKegiatanRef {
                    block: RktBlockRef { rkt: ti, block: pi },
                    kegiatan: ki,
                };
                tree.nodes[n].anchor = self
                    .links
                    .kegiatan_by_rkt
                    .get(&kegiatan)
                    .and_then(|&(real, _)| value(&self.b.realisation_kegiatan(real).pagu));
            }
        }
        tree
    }

    fn spending_tree(&self, s: &Spending) -> Tree {
        let t = s.table;
        let mut tree = Tree::new(t, self.label(t, Col::Jumlah));
        let root = s
            .totals
            .first()
            .and_then(|total| self.add_total(&mut tree, total));
        // Items in sheet order: a parent always comes before its children.
        let mut index = vec![usize::MAX; s.items.len()];
        for (i, item) in s.items.iter().enumerate() {
            let parent = match item.parent {
                Some(p) if index[p] != usize::MAX => Some(index[p]),
                Some(_) => continue,
                None => root,
            };
            let Some(f) = item.jumlah.as_ref() else {
                continue;
            };
            index[i] = tree.add(
                NodeKind::Outline,
                &format!("{} {}", item.no, item.name),
                Some(f),
                self.val(t, &item.jumlah),
                parent,
            );
        }
        if let Some((_, bd)) = s.belanja_daerah().map(|bd| (0, bd)) {
            let at = bd.jumlah.as_ref().map(|f| f.at);
            if let Some(n) = tree
                .nodes
                .iter()
                .position(|n| n.cell.is_some() && n.cell == at)
            {
                tree.nodes[n].anchor = self.first_pk_total();
            }
        }
        tree
    }

    /// Every sum tree of the budget. Trees read with `pins` empty give raw values.
    pub(super) fn trees(&self) -> Vec<Tree> {
        let mut out = Vec::new();
        for ri in 0..self.b.realisations.len() {
            out.push(self.realisation_tree(ri, Col::Pagu));
            out.push(self.realisation_tree(ri, Col::Realisasi));
        }
        for (pi, pk) in self.b.pk_budgets.iter().enumerate() {
            out.push(self.pk_tree(pi, false));
            if pk.has_awal() {
                out.push(self.pk_tree(pi, true));
            }
        }
        for ti in 0..self.b.rkt.len() {
            out.push(self.rkt_tree(ti));
        }
        for s in &self.b.spending {
            out.push(self.spending_tree(s));
        }
        out
    }
}

/// A broken sum of a tree, as the solution explains it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BrokenSum {
    /// The whole `node` is what is wrong: its parts add up to `parts`.
    Whole { node: usize, parts: Decimal },
    /// The part `node` alone is wrong: its whole (which agrees with the level above)
    /// leaves `value` for it.
    Part { node: usize, value: Decimal },
    /// The whole `node` agrees with the level above but its parts add up to
    /// `parts`: one of them is wrong, which one is open.
    OneOfItsParts { node: usize, parts: Decimal },
}

/// A sum tree with the sums that break it, explained.
#[derive(Debug)]
pub struct SolvedTree {
    pub tree: Tree,
    pub broken: Vec<BrokenSum>,
}

impl SolvedTree {
    pub fn new(tree: Tree, tol: Decimal) -> SolvedTree {
        let s = tree.solve(tol);
        let mut broken = Vec::new();
        match s.culprit {
            Some((n, v)) if !tree.nodes[n].children.is_empty() => {
                broken.push(BrokenSum::Whole { node: n, parts: v })
            }
            Some((n, v)) => {
                let node = &tree.nodes[n];
                // A part another document speaks for is reported by the cross-document rules.
                if node.anchor.is_none() && node.parent.is_some() {
                    broken.push(BrokenSum::Part { node: n, value: v });
                }
            }
            None => {
                for &p in &s.failing {
                    let parts = tree.children_sum(p).expect("a failing sum has its parts");
                    if s.candidates.is_empty() || s.candidates.iter().any(|&(c, _)| c == p) {
                        broken.push(BrokenSum::Whole { node: p, parts });
                    } else {
                        broken.push(BrokenSum::OneOfItsParts { node: p, parts });
                    }
                }
            }
        }
        SolvedTree { tree, broken }
    }

    /// The kind of the whole whose sum is broken: the rule it belongs to.
    pub fn whole_kind(&self, broken: &BrokenSum) -> NodeKind {
        let nodes = &self.tree.nodes;
        match *broken {
            BrokenSum::Whole { node, .. } | BrokenSum::OneOfItsParts { node, .. } => {
                nodes[node].kind
            }
            BrokenSum::Part { node, .. } => {
                nodes[nodes[node].parent.expect("a part has its whole")].kind
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::fig;
    use super::*;
    use rust_decimal_macros::dec;

    fn node(tree: &mut Tree, v: i64, parent: Option<usize>) -> usize {
        let f = fig(&format!("C{}", tree.nodes.len() + 1), v);
        let kind = if parent.is_none() {
            NodeKind::Total
        } else {
            NodeKind::Outline
        };
        tree.add(
            kind,
            &format!("n{}", tree.nodes.len()),
            Some(&f),
            Some(Decimal::from(v)),
            parent,
        )
    }

    /// Tabel 1 of the seed: I = 1. + 2.; 1. = a.; 2. = a. + b.
    fn tabel1(values: [i64; 6]) -> Tree {
        let mut t = Tree::new(0, "JUMLAH".into());
        let i = node(&mut t, values[0], None);
        let one = node(&mut t, values[1], Some(i));
        node(&mut t, values[2], Some(one));
        let two = node(&mut t, values[3], Some(i));
        node(&mut t, values[4], Some(two));
        node(&mut t, values[5], Some(two));
        t
    }

    #[test]
    fn one_figure_explains_the_broken_sums() {
        let ok = [
            6796834585, 2015561700, 2015561700, 4781272885, 4754111885, 27161000,
        ];
        assert!(tabel1(ok).solve(Decimal::ZERO).failing.is_empty());
        // A changed parent: only it.
        let mut v = ok;
        v[3] = 4781000000;
        let s = tabel1(v).solve(Decimal::ZERO);
        assert_eq!(s.culprit, Some((3, dec!(4781272885))));
        // A changed single child: only it.
        let mut v = ok;
        v[2] = 2015000000;
        assert_eq!(
            tabel1(v).solve(Decimal::ZERO).culprit,
            Some((2, dec!(2015561700)))
        );
        // A changed root.
        let mut v = ok;
        v[0] = 1;
        assert_eq!(
            tabel1(v).solve(Decimal::ZERO).culprit,
            Some((0, dec!(6796834585)))
        );
        // One of two children: either could be it.
        let mut v = ok;
        v[5] = 27000000;
        let s = tabel1(v).solve(Decimal::ZERO);
        assert_eq!(s.culprit, None);
        assert_eq!(s.failing, vec![3]);
        assert_eq!(s.candidates.len(), 2);
        // ... unless another document speaks for one of them.
        let mut t = tabel1(v);
        t.nodes[4].anchor = Some(dec!(4754111885));
        t.nodes[5].anchor = Some(dec!(27161000));
        assert_eq!(t.solve(Decimal::ZERO).culprit, Some((5, dec!(27161000))));
    }
}
