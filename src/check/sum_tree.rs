//! Sum trees: figures as wholes and parts (a total over programs over kegiatan,
//! a parent row over its children), and which figure explains the sums that break.
//! Shared by the budget family (its documents' trees) and the structure family
//! (every table's rows as its structure gives them).

use crate::cell::CellRef;
use crate::model::budget::sum;
use crate::model::{Figure, FigureProblem};
use rust_decimal::Decimal;

/// Within the money tolerance.
pub fn close(a: Decimal, b: Decimal, tol: Decimal) -> bool {
    (a - b).abs() <= tol
}

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
    /// A figure typed where its neighbours hold formulas: among equal candidates,
    /// the one to blame.
    pub suspect: bool,
}

/// A table's figures as wholes and parts, for one money column.
#[derive(Debug, Clone)]
pub struct Tree {
    pub table: usize,
    pub column: String,
    pub nodes: Vec<Node>,
}

/// What singles one candidate out among several.
type TieBreaker = dyn Fn(&Node, Decimal) -> bool;

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
            suspect: false,
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
        // Ties broken by what else speaks for a figure: another document giving
        // the same value; no document against it; a figure typed among formulas.
        let breakers: [&TieBreaker; 3] = [
            &|node, v| node.anchor == Some(v),
            &|node, v| node.anchor.is_none_or(|a| a == v),
            &|node, _| node.suspect,
        ];
        s.culprit = pick(s.candidates.clone()).or_else(|| {
            breakers.iter().find_map(|keep| {
                pick(
                    s.candidates
                        .iter()
                        .copied()
                        .filter(|&(n, v)| keep(&self.nodes[n], v))
                        .collect(),
                )
            })
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
    use super::super::budget::testing::fig;
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
