//! Budget family: money. Percentages, totals and subtotals of the budget
//! realisation, the PK program budgets with their terbilang, the RKT funds and
//! Tabel 1, and the same money across these documents.
//!
//! One rule per file. The rules query one [`BudgetAnalysis`], computed once per run
//! before they run: the links across documents ([`links`]), the malformed figures
//! pinned down by other figures ([`pins`]) and every sum tree with its solution
//! ([`trees`]: when one figure alone explains every broken sum of a tree, only
//! that figure is reported; figures confirmed by another document break the ties).

pub(super) mod format;
mod links;
mod pins;
mod revenue;
mod roots;
mod sums;
mod trees;

mod pct010;
mod rng010;
mod rng011;
mod rng012;
mod sum010;
mod sum011;
mod sum012;
mod wrd001;
mod xdc010;
mod xdc011;
mod xdc012;
mod xdc013;

#[cfg(test)]
pub(super) mod testing;

use super::{Context, Rule};
use crate::cell::CellRef;
use crate::config::Config;
use crate::model::budget::{
    sum, Budget, BudgetLine, PkBudget, PkProgramRef, Realisation, RealisationProgram,
    RealisationProgramRef, Rkt, SpendingItem,
};
use crate::model::{Figure, Model, NumericColumn};
use crate::structure::Reading;
use crate::table::{Col, TableKind};
use format::agree;
use links::Links;
pub use pins::Pin;
use pins::Pins;
use rust_decimal::Decimal;
use trees::{NodeKind, SolvedTree};

pub static RULES: &[Rule] = &[
    pct010::RULE,
    rng010::RULE,
    rng011::RULE,
    rng012::RULE,
    sum010::RULE,
    sum011::RULE,
    sum012::RULE,
    xdc010::RULE,
    xdc011::RULE,
    xdc012::RULE,
    xdc013::RULE,
    wrd001::RULE,
];

/// What the budget rules know beyond the records: the links across documents,
/// the pinned values of malformed figures, the solved sum trees. Built once per run.
pub struct BudgetAnalysis<'a> {
    model: &'a Model,
    reading: &'a Reading,
    b: &'a Budget,
    links: Links,
    pins: Pins,
    tol: Decimal,
    /// Every sum tree of the budget, read with the pins, and what breaks it.
    sums: Vec<SolvedTree>,
    /// The realisation tables' wrong figures that other failures follow from.
    roots: roots::Roots,
}

impl<'a> BudgetAnalysis<'a> {
    pub fn new(reading: &'a Reading, model: &'a Model, cfg: &Config) -> Self {
        let b = &model.budget;
        let mut analysis = BudgetAnalysis {
            model,
            reading,
            b,
            links: Links::new(b, cfg.tolerances.name_similarity),
            pins: Pins::new(),
            tol: cfg.tolerances.money,
            sums: Vec::new(),
            roots: roots::Roots::default(),
        };
        let trees = pins::pin_all(&mut analysis);
        analysis.sums = trees
            .into_iter()
            .map(|tree| SolvedTree::new(tree, analysis.tol))
            .collect();
        analysis.roots = analysis.find_roots();
        analysis
    }

    /// A figure's value, or its pinned value when malformed.
    fn val(&self, table: usize, f: &Option<Figure>) -> Option<Decimal> {
        let f = f.as_ref()?;
        f.value.or_else(|| self.pinned(table, f.at))
    }

    /// The pinned value of a malformed figure.
    fn pinned(&self, table: usize, at: CellRef) -> Option<Decimal> {
        self.pins.get(&(table, at)).map(|p| p.value)
    }

    fn loc(&self, table: usize, cell: CellRef) -> crate::finding::Loc {
        self.model.loc(table, cell)
    }

    /// "RKT 2023.xlsx RKT!I90"
    fn where_is(&self, table: usize, cell: CellRef) -> String {
        let t = &self.model.tables[table];
        format!("{} {}!{}", t.file, t.sheet, cell)
    }

    /// The column's header as written, else its meaning.
    fn label(&self, table: usize, col: Col) -> String {
        self.reading
            .tables
            .get(table)
            .and_then(|t| t.column(col))
            .map(|c| c.label.clone())
            .unwrap_or_else(|| col.name().to_string())
    }

    fn realisation_program_pagu(&self, r: RealisationProgramRef) -> Option<Decimal> {
        let table = self.b.realisations[r.realisation].table;
        let prog = self.b.realisation_program(r);
        if prog.kegiatan.is_empty() {
            return prog
                .subtotal
                .as_ref()
                .and_then(|s| self.val(table, &s.pagu));
        }
        sum(prog.kegiatan.iter().map(|k| self.val(table, &k.pagu)))
    }

    /// The RKT's funds for a PK program: (sum of the blocks' stated funds, sum of their kegiatan Dana).
    fn rkt_funds(&self, pk: PkProgramRef) -> Option<(Option<Decimal>, Option<Decimal>)> {
        let blocks = self.links.rkt_by_pk.get(&pk)?;
        let stated = sum(blocks.iter().map(|r| {
            let rkt = &self.b.rkt[r.rkt];
            self.val(rkt.table, &rkt.programs[r.block].funds)
                .or_else(|| self.dana_sum(rkt, r.block))
        }));
        let dana = sum(blocks.iter().map(|r| {
            let rkt = &self.b.rkt[r.rkt];
            self.dana_sum(rkt, r.block)
                .or_else(|| self.val(rkt.table, &rkt.programs[r.block].funds))
        }));
        Some((stated, dana))
    }

    fn dana_sum(&self, rkt: &Rkt, block: usize) -> Option<Decimal> {
        sum(rkt.programs[block]
            .kegiatan
            .iter()
            .filter(|k| k.dana.is_some())
            .map(|k| self.val(rkt.table, &k.dana)))
    }

    /// The value the other documents agree on for a PK program's budget.
    fn pk_program_anchor(&self, pk: PkProgramRef) -> Option<Decimal> {
        let real = self
            .links
            .realisation_by_pk
            .get(&pk)
            .and_then(|&r| self.realisation_program_pagu(r));
        let rkt = self
            .rkt_funds(pk)
            .and_then(|(stated, dana)| agree(stated, dana));
        agree(real, rkt)
    }

    fn pk_jumlah(&self, pk: &PkBudget) -> Option<Decimal> {
        pk.jumlah
            .as_ref()
            .and_then(|j| self.val(pk.table, &j.anggaran))
    }

    /// The PK total the PK itself stands for: its Jumlah when the programs add up to it
    /// or the Jumlah is not what is wrong, else the sum of the programs.
    fn pk_total(&self, pi: usize) -> Option<Decimal> {
        let pk = &self.b.pk_budgets[pi];
        let jumlah = self.pk_jumlah(pk);
        let programs = sum(pk.programs.iter().map(|p| self.val(pk.table, &p.anggaran)));
        match (jumlah, programs) {
            (Some(j), Some(s)) if j != s => {
                let tree = self.pk_tree(pi, false);
                match tree.solve(self.tol).culprit {
                    Some((n, v)) if tree.nodes[n].kind == NodeKind::Total => Some(v),
                    _ => Some(j),
                }
            }
            (j, s) => j.or(s),
        }
    }

    /// The first PK's total, which the other documents' totals answer to.
    fn first_pk_total(&self) -> Option<Decimal> {
        (!self.b.pk_budgets.is_empty())
            .then(|| self.pk_total(0))
            .flatten()
    }

    fn belanja_daerah(&self) -> Option<(usize, &'a SpendingItem)> {
        self.b
            .spending
            .iter()
            .find_map(|s| s.belanja_daerah().map(|i| (s.table, i)))
    }

    /// The value of a malformed figure of a budget table, pinned down by other
    /// figures (for NUM001); `None` for figures of other tables.
    pub fn pin_of(&self, col: &NumericColumn, figure: &Figure) -> Option<&Pin> {
        let table = self
            .model
            .tables
            .iter()
            .position(|t| t.file == col.file && t.sheet == col.sheet && t.range == col.range)?;
        if !matches!(
            self.model.tables[table].kind,
            TableKind::Anggaran | TableKind::PkAnggaran | TableKind::Rkt | TableKind::Pembiayaan
        ) {
            return None;
        }
        self.pins.get(&(table, figure.at))
    }
}

/// Every line of a realisation table with amounts: kegiatan, subtotals, totals,
/// with the program it belongs to.
pub(super) fn lines(real: &Realisation) -> impl Iterator<Item = (&BudgetLine, LineRole<'_>)> {
    real.programs
        .iter()
        .flat_map(|p| {
            p.kegiatan
                .iter()
                .map(|k| (k, LineRole::Kegiatan))
                .chain(p.subtotal.iter().map(move |s| (s, LineRole::Program(p))))
        })
        .chain(real.totals.iter().map(|t| (t, LineRole::Total)))
}

/// What a line of the realisation table is.
#[derive(Clone, Copy)]
pub(super) enum LineRole<'a> {
    Kegiatan,
    Program(&'a RealisationProgram),
    Total,
}

/// Kegiatan lines, and programs that carry amounts without kegiatan.
pub(super) fn spending_lines(real: &Realisation) -> impl Iterator<Item = &BudgetLine> {
    real.programs.iter().flat_map(|p| {
        let own = if p.kegiatan.is_empty() {
            p.subtotal.as_ref()
        } else {
            None
        };
        p.kegiatan.iter().chain(own)
    })
}

/// A finding at a line's realisasi `f`, its pagu related.
fn realisasi_finding(
    rule: &Rule,
    ctx: &Context,
    table: usize,
    line: &BudgetLine,
    f: &Figure,
    message: crate::finding::Message,
) -> crate::finding::Finding {
    let related = line
        .pagu
        .iter()
        .map(|p| ctx.model.loc(table, p.at))
        .collect();
    rule.finding(ctx.model.loc(table, f.at), message, f.written.clone())
        .related(related)
}
