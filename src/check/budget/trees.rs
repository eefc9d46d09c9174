//! The budget's sum trees: a table's figures as wholes and parts (total → program →
//! kegiatan; Tabel 1's outline), built from the budget records; the solver is
//! [`crate::check::sum_tree`].

use super::format::value;
use super::BudgetAnalysis;
use crate::model::budget::{
    BudgetLine, PkProgramRef, RealisationKegiatanRef, RealisationProgramRef, RktBlockRef,
    RktKegiatanRef, Spending, TotalRow,
};
use crate::model::Figure;
use crate::table::Col;
use rust_decimal::Decimal;

pub use crate::check::sum_tree::{BrokenSum, NodeKind, SolvedTree, Tree};

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
            if !self.b.realisations[ri].sums_judged_here() {
                continue;
            }
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
