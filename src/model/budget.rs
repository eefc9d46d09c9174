//! Money: budget realisation (`anggaran`, Tabel 3.4), PK program budgets
//! (`pk_anggaran`), the RKT (`rkt`) and the spending summary (`pembiayaan`, Tabel 1).
//!
//! Each table becomes plain records: programs holding their kegiatan, total rows,
//! the terbilang line, the outline tree of Tabel 1. Names are kept as written and
//! cleaned of their numbering; every figure keeps its cell. Nothing here decides
//! whether a figure is right.

use super::{Figure, TableView};
use crate::cell::CellRef;
use crate::config::Config;
use crate::structure::tree::{outline_style, RowRole};
use crate::structure::Row;
use crate::table::{Col, TableKind};
use rust_decimal::Decimal;

/// The records of this domain.
#[derive(Debug, Default)]
pub struct Budget {
    pub realisations: Vec<Realisation>,
    pub pk_budgets: Vec<PkBudget>,
    pub rkt: Vec<Rkt>,
    pub spending: Vec<Spending>,
}

/// A program of a budget-realisation table: which table of
/// [`Budget::realisations`], which of its programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RealisationProgramRef {
    pub realisation: usize,
    pub program: usize,
}

/// A kegiatan of a budget-realisation table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RealisationKegiatanRef {
    pub program: RealisationProgramRef,
    pub kegiatan: usize,
}

/// A program of a PK budget table: which table of [`Budget::pk_budgets`], which program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PkProgramRef {
    pub pk: usize,
    pub program: usize,
}

/// A numbered program block of an RKT: which table of [`Budget::rkt`], which block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RktBlockRef {
    pub rkt: usize,
    pub block: usize,
}

/// A kegiatan of an RKT block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RktKegiatanRef {
    pub block: RktBlockRef,
    pub kegiatan: usize,
}

impl Budget {
    pub fn realisation_program(&self, r: RealisationProgramRef) -> &RealisationProgram {
        &self.realisations[r.realisation].programs[r.program]
    }

    pub fn realisation_kegiatan(&self, r: RealisationKegiatanRef) -> &BudgetLine {
        &self.realisation_program(r.program).kegiatan[r.kegiatan]
    }

    pub fn pk_program(&self, r: PkProgramRef) -> &PkProgram {
        &self.pk_budgets[r.pk].programs[r.program]
    }

    pub fn rkt_block(&self, r: RktBlockRef) -> &RktProgram {
        &self.rkt[r.rkt].programs[r.block]
    }

    pub fn rkt_kegiatan(&self, r: RktKegiatanRef) -> &RktKegiatan {
        &self.rkt_block(r.block).kegiatan[r.kegiatan]
    }

    /// Every program of every realisation table, with its reference.
    pub fn realisation_programs(
        &self,
    ) -> impl Iterator<Item = (RealisationProgramRef, &RealisationProgram)> {
        self.realisations
            .iter()
            .enumerate()
            .flat_map(|(realisation, t)| {
                t.programs.iter().enumerate().map(move |(program, p)| {
                    (
                        RealisationProgramRef {
                            realisation,
                            program,
                        },
                        p,
                    )
                })
            })
    }

    /// Every program of every PK budget table, with its reference.
    pub fn pk_programs(&self) -> impl Iterator<Item = (PkProgramRef, &PkProgram)> {
        self.pk_budgets.iter().enumerate().flat_map(|(pk, t)| {
            t.programs
                .iter()
                .enumerate()
                .map(move |(program, p)| (PkProgramRef { pk, program }, p))
        })
    }

    /// Every program block of every RKT, with its reference.
    pub fn rkt_blocks(&self) -> impl Iterator<Item = (RktBlockRef, &RktProgram)> {
        self.rkt.iter().enumerate().flat_map(|(rkt, t)| {
            t.programs
                .iter()
                .enumerate()
                .map(move |(block, p)| (RktBlockRef { rkt, block }, p))
        })
    }
}

/// A row carrying amounts: a kegiatan, a program subtotal or a total row of the
/// budget-realisation table.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetLine {
    /// The numbering as written (`1.`, `a.`), if any.
    pub no: Option<String>,
    /// The name cleaned of its numbering.
    pub name: String,
    /// The name as written.
    pub written: String,
    /// Zero-based sheet row.
    pub row: u32,
    /// The cell holding the name.
    pub cell: CellRef,
    pub pagu: Option<Figure>,
    pub realisasi: Option<Figure>,
    /// In whole percent, whatever the cell stores (see `persen_ratio`).
    pub persen: Option<Figure>,
    /// The % cell stores a ratio (`0.99` shown as 99 %): a fix writes a ratio.
    pub persen_ratio: bool,
}

impl BudgetLine {
    pub fn pagu_value(&self) -> Option<Decimal> {
        self.pagu.as_ref().and_then(|f| f.value)
    }

    pub fn realisasi_value(&self) -> Option<Decimal> {
        self.realisasi.as_ref().and_then(|f| f.value)
    }

    /// The line carries no amount at all.
    pub fn is_bare(&self) -> bool {
        self.pagu.is_none() && self.realisasi.is_none() && self.persen.is_none()
    }
}

/// A program of the budget-realisation table and its kegiatan.
#[derive(Debug, Clone, PartialEq)]
pub struct RealisationProgram {
    pub no: Option<String>,
    pub name: String,
    pub written: String,
    pub row: u32,
    pub cell: CellRef,
    /// The program's stated amounts: on the program row itself, or on a
    /// "Sub Total" / "Jumlah" row under its kegiatan.
    pub subtotal: Option<BudgetLine>,
    pub kegiatan: Vec<BudgetLine>,
}

impl RealisationProgram {
    /// A program whose own row states its amounts, over these kegiatan.
    pub fn headed(head: BudgetLine, kegiatan: Vec<BudgetLine>) -> Self {
        RealisationProgram {
            no: head.no.clone(),
            name: head.name.clone(),
            written: head.written.clone(),
            row: head.row,
            cell: head.cell,
            subtotal: Some(head),
            kegiatan,
        }
    }

    /// The sum of the kegiatan pagu; `None` when there is no kegiatan or one is unreadable.
    pub fn pagu_sum(&self) -> Option<Decimal> {
        sum(self.kegiatan.iter().map(|k| k.pagu_value()))
    }

    /// The sum of the kegiatan realisasi (a blank or `-` realisasi counts as 0).
    pub fn realisasi_sum(&self) -> Option<Decimal> {
        sum(self.kegiatan.iter().map(|k| match &k.realisasi {
            None => Some(Decimal::ZERO),
            Some(f) => f.value,
        }))
    }

    /// The program's pagu for reporting: the kegiatan sum, else the stated subtotal.
    pub fn pagu_total(&self) -> Option<Decimal> {
        self.pagu_sum()
            .or_else(|| self.subtotal.as_ref().and_then(|s| s.pagu_value()))
    }

    /// The program's realisasi for reporting: the kegiatan sum, else the stated subtotal.
    pub fn realisasi_total(&self) -> Option<Decimal> {
        if self.kegiatan.is_empty() {
            return self.subtotal.as_ref().and_then(|s| s.realisasi_value());
        }
        self.realisasi_sum()
    }
}

/// A budget-realisation table (Tabel 3.4).
#[derive(Debug, Clone, PartialEq)]
pub struct Realisation {
    /// Index into `Model::tables`.
    pub table: usize,
    pub programs: Vec<RealisationProgram>,
    /// JUMLAH / TOTAL rows after the last program.
    pub totals: Vec<BudgetLine>,
    /// The % column stores ratios (`0.99` read as 99 %), told from its plain numbers.
    pub ratio: bool,
    /// Its rows nest deeper than program and kegiatan (an LRA's `I` / `1.` / `a.`,
    /// a kegiatan over its sub kegiatan), as the structure stage reads them: the
    /// program/kegiatan records cannot hold their sums, so the structure family
    /// judges its arithmetic (see [`Realisation::sums_judged_here`]).
    pub nested: bool,
}

impl Realisation {
    /// The budget family's sum rules judge this table: its rows are programs and
    /// their kegiatan.
    pub fn sums_judged_here(&self) -> bool {
        !self.nested
    }

    /// Every kegiatan of every program.
    pub fn kegiatan(&self) -> impl Iterator<Item = &BudgetLine> {
        self.programs.iter().flat_map(|p| p.kegiatan.iter())
    }

    pub fn pagu_total(&self) -> Option<Decimal> {
        sum(self.programs.iter().map(|p| p.pagu_total()))
    }

    pub fn realisasi_total(&self) -> Option<Decimal> {
        sum(self.programs.iter().map(|p| p.realisasi_total()))
    }
}

/// A program of the PK budget table.
#[derive(Debug, Clone, PartialEq)]
pub struct PkProgram {
    pub no: Option<String>,
    pub name: String,
    pub written: String,
    pub row: u32,
    pub cell: CellRef,
    /// The budget (after the change, when the table has Sebelum/Setelah Perubahan).
    pub anggaran: Option<Figure>,
    /// The budget before the change, when that column exists.
    pub anggaran_awal: Option<Figure>,
    pub ket: Option<String>,
}

/// The Jumlah row of a PK budget table.
#[derive(Debug, Clone, PartialEq)]
pub struct PkJumlah {
    pub label: String,
    pub row: u32,
    pub cell: CellRef,
    pub anggaran: Option<Figure>,
    pub anggaran_awal: Option<Figure>,
}

/// An amount written in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Terbilang {
    pub text: String,
    pub at: CellRef,
    /// The amount the words spell, when they are well formed.
    pub value: Option<u64>,
}

/// The program budgets of a Perjanjian Kinerja.
#[derive(Debug, Clone, PartialEq)]
pub struct PkBudget {
    pub table: usize,
    pub programs: Vec<PkProgram>,
    pub jumlah: Option<PkJumlah>,
    pub terbilang: Option<Terbilang>,
}

impl PkBudget {
    pub fn anggaran_sum(&self) -> Option<Decimal> {
        sum(self
            .programs
            .iter()
            .map(|p| p.anggaran.as_ref().and_then(|f| f.value)))
    }

    pub fn anggaran_awal_sum(&self) -> Option<Decimal> {
        sum(self
            .programs
            .iter()
            .map(|p| p.anggaran_awal.as_ref().and_then(|f| f.value)))
    }

    /// Whether the table has a Sebelum Perubahan column.
    pub fn has_awal(&self) -> bool {
        self.programs.iter().any(|p| p.anggaran_awal.is_some())
    }
}

/// What an indicator line of the RKT measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorKind {
    /// Money (`Input : Dana`, satuan Rupiah).
    Dana,
    /// Other inputs (`Input : SDM`).
    Input,
    Output,
    Outcome,
    Other,
}

/// An indicator line of an RKT kegiatan.
#[derive(Debug, Clone, PartialEq)]
pub struct RktIndicator {
    pub kind: IndicatorKind,
    pub text: String,
    pub satuan: Option<String>,
    pub target: Option<Figure>,
    pub row: u32,
}

/// A kegiatan of the RKT with its funds.
#[derive(Debug, Clone, PartialEq)]
pub struct RktKegiatan {
    pub no: Option<String>,
    pub name: String,
    pub written: String,
    pub row: u32,
    pub cell: CellRef,
    /// The sasaran the kegiatan serves, as written in the Sasaran columns.
    pub sasaran: Option<String>,
    /// The Dana / Rupiah amount.
    pub dana: Option<Figure>,
    /// Every indicator line, the Dana line included.
    pub indicators: Vec<RktIndicator>,
}

/// A numbered program block of the RKT ("1. Program X"); one program may appear
/// in several blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct RktProgram {
    pub no: Option<String>,
    pub name: String,
    pub written: String,
    pub row: u32,
    pub cell: CellRef,
    pub funds: Option<Figure>,
    pub kegiatan: Vec<RktKegiatan>,
}

impl RktProgram {
    /// The sum of the kegiatan Dana; `None` without kegiatan or when one is unreadable.
    pub fn dana_sum(&self) -> Option<Decimal> {
        sum(self
            .kegiatan
            .iter()
            .map(|k| k.dana.as_ref().and_then(|f| f.value)))
    }

    pub fn funds_value(&self) -> Option<Decimal> {
        self.funds.as_ref().and_then(|f| f.value)
    }
}

/// A total row ("Jumlah Total") with its amount.
#[derive(Debug, Clone, PartialEq)]
pub struct TotalRow {
    pub label: String,
    pub row: u32,
    pub cell: CellRef,
    pub amount: Option<Figure>,
}

/// A Rencana Kinerja Tahunan.
#[derive(Debug, Clone, PartialEq)]
pub struct Rkt {
    pub table: usize,
    pub programs: Vec<RktProgram>,
    pub total: Option<TotalRow>,
}

/// A line of the spending summary.
#[derive(Debug, Clone, PartialEq)]
pub struct SpendingItem {
    pub no: String,
    /// 0 for the top level.
    pub depth: usize,
    pub name: String,
    pub row: u32,
    pub cell: CellRef,
    pub jumlah: Option<Figure>,
    pub ket: Option<String>,
    /// Index into [`Spending::items`].
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

/// The spending summary (Tabel 1 Pembiayaan) as an outline tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Spending {
    pub table: usize,
    /// In sheet order; the tree is in `parent` / `children`.
    pub items: Vec<SpendingItem>,
    /// Unnumbered JUMLAH / TOTAL rows: the sum of the top-level items.
    pub totals: Vec<TotalRow>,
}

impl Spending {
    /// The top-level items.
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.items.len()).filter(|&i| self.items[i].parent.is_none())
    }

    /// The Belanja Daerah line: the item so named, else the single top-level item.
    pub fn belanja_daerah(&self) -> Option<&SpendingItem> {
        self.items
            .iter()
            .find(|i| crate::names::key(&i.name) == "belanjadaerah")
            .or_else(|| {
                let roots: Vec<usize> = self.roots().collect();
                (roots.len() == 1).then(|| &self.items[roots[0]])
            })
    }
}

/// Adds optional values; `None` when empty or when any is `None`.
pub fn sum(values: impl Iterator<Item = Option<Decimal>>) -> Option<Decimal> {
    let mut total = Decimal::ZERO;
    let mut any = false;
    for v in values {
        total += v?;
        any = true;
    }
    any.then_some(total)
}

/// Builds the records from the located tables of this domain's kinds.
pub fn build(views: &[TableView], _cfg: &Config) -> Budget {
    let mut budget = Budget::default();
    for view in views {
        match view.kind() {
            TableKind::Anggaran => budget.realisations.push(realisation(view)),
            TableKind::PkAnggaran => budget.pk_budgets.push(pk_budget(view)),
            TableKind::Rkt => budget.rkt.push(rkt(view)),
            TableKind::Pembiayaan => budget.spending.push(spending(view)),
            _ => {}
        }
    }
    budget
}

// ---------------------------------------------------------------------------
// Names and labels
// ---------------------------------------------------------------------------

/// Splits a leading outline number off a name: `"1. Program X"` → (`"1."`, `"Program X"`).
/// Digits need no mark (`11 Pemeliharaan`); letters and roman numerals need `.` or `)`.
pub fn split_numbering(text: &str) -> (Option<String>, String) {
    let t = collapse(text);
    let Some((first, rest)) = t.split_once(' ') else {
        return (None, t);
    };
    if is_number_token(first) {
        return (Some(first.to_string()), rest.trim().to_string());
    }
    // "1.Program X": the mark glued to the name.
    if let Some(at) = t.find(['.', ')']) {
        let (head, tail) = t.split_at(at + 1);
        if is_number_token(head) && !tail.trim().is_empty() && !head.contains(' ') {
            return (Some(head.to_string()), tail.trim().to_string());
        }
    }
    (None, t)
}

fn is_number_token(token: &str) -> bool {
    let inner = token.trim_start_matches('(');
    let (core, marked) = match inner.strip_suffix(['.', ')']) {
        Some(c) => (c, true),
        None => (inner, false),
    };
    if core.is_empty() {
        return false;
    }
    let digits = core
        .split('.')
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if digits {
        return core.len() <= 8;
    }
    marked
        && (core.len() == 1 && core.chars().all(|c| c.is_ascii_alphabetic())
            || core.len() <= 5 && core.chars().all(|c| "IVXLivxl".contains(c)))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words_of(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A label of a total row: "Jumlah", "TOTAL", "Jumlah Total", "Grand Total",
/// "Jumlah Anggaran" (numbering ignored).
pub fn is_total_label(text: &str) -> bool {
    let (_, rest) = split_numbering(text);
    let words = words_of(&rest);
    let Some(first) = words.first() else {
        return false;
    };
    const ALLOWED: [&str; 11] = [
        "jumlah",
        "total",
        "grand",
        "keseluruhan",
        "seluruhnya",
        "anggaran",
        "dana",
        "belanja",
        "rp",
        "program",
        "semua",
    ];
    (first == "jumlah" || first == "total" || first == "grand")
        && words.iter().all(|w| ALLOWED.contains(&w.as_str()))
}

/// A label of a program subtotal: "Sub Total", "Subtotal", "Jumlah Program".
pub fn is_subtotal_label(text: &str) -> bool {
    let words = words_of(&split_numbering(text).1);
    matches!(
        words.iter().map(String::as_str).collect::<Vec<_>>()[..],
        ["sub", "total", ..] | ["subtotal", ..] | ["sub", "jumlah", ..] | ["jumlah", "program", ..]
    )
}

/// A name that opens a program ("Program X", "1. PROGRAM X").
pub fn is_program_name(text: &str) -> bool {
    let words = words_of(&split_numbering(text).1);
    matches!(
        words.first().map(String::as_str),
        Some("program") | Some("prog")
    )
}

/// A text that reads like an amount in words.
pub fn looks_like_terbilang(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.contains("terbilang") {
        return true;
    }
    let words = words_of(&lower);
    let scale = words.iter().any(|w| {
        [
            "ribu", "juta", "miliar", "milyar", "triliun", "trilyun", "seribu", "ratus",
        ]
        .contains(&w.as_str())
    });
    scale && (words.iter().any(|w| w == "rupiah") || crate::words::parse_terbilang(text).is_some())
}

fn cell_text(view: &TableView, row: &Row, col: Col) -> Option<String> {
    view.text(row, col).map(|t| collapse(&t))
}

/// The first text of a row, left to right (for labels in merged or odd columns).
fn first_text(row: &Row) -> Option<(String, CellRef)> {
    let mut cells: Vec<_> = row.cells.iter().collect();
    cells.sort_by_key(|c| c.at.col);
    cells.into_iter().find_map(|c| {
        let t = c.text()?;
        (!t.is_empty()).then(|| (collapse(t), c.at))
    })
}

// ---------------------------------------------------------------------------
// Budget realisation
// ---------------------------------------------------------------------------

fn realisation(view: &TableView) -> Realisation {
    let ratio = view.columns(Col::Persen).next().is_some_and(|c| c.ratio);
    let mut programs: Vec<RealisationProgram> = Vec::new();
    // Total rows met so far that may still turn out to be a program's subtotal.
    let mut pending_totals: Vec<BudgetLine> = Vec::new();
    let uraian_col = view.table.column(Col::Uraian).map(|c| c.index);
    let nodes = &view.table.tree.nodes;
    for (r, row) in view.table.rows.iter().enumerate() {
        let line = |label: String, cell: CellRef| {
            let (no, name) = split_numbering(&label);
            let no = no.or_else(|| cell_text(view, row, Col::No));
            BudgetLine {
                no,
                name,
                written: label,
                row: row.row,
                cell,
                pagu: view.figure(row, Col::Pagu).cloned(),
                realisasi: view.figure(row, Col::Realisasi).cloned(),
                persen: view.figure(row, Col::Persen).cloned(),
                persen_ratio: ratio
                    || view
                        .table
                        .cell(row, Col::Persen)
                        .is_some_and(|c| c.percent_format),
            }
        };
        let uraian = cell_text(view, row, Col::Uraian);
        let label = uraian.clone().or_else(|| cell_text(view, row, Col::No));
        let Some(label) = label else { continue };
        let cell = match (&uraian, uraian_col) {
            (Some(_), Some(c)) => CellRef::new(row.row, c),
            _ => view
                .cell_ref(row, Col::No)
                .unwrap_or(CellRef::new(row.row, 0)),
        };
        let l = line(label.clone(), cell);
        if is_subtotal_label(&label) {
            if let Some(p) = programs.last_mut() {
                p.subtotal = Some(l);
            }
            continue;
        }
        if is_total_label(&label) {
            pending_totals.push(l);
            continue;
        }
        // A program is a row the table's hierarchy puts over others (by its words,
        // a code, a heading without figures, its formulas), or named one.
        let over_others = nodes
            .get(r)
            .is_some_and(|n| n.role == RowRole::Parent && n.depth == 0);
        let program_like = over_others || is_program_name(&l.written);
        if program_like {
            settle_totals(&mut programs, &mut pending_totals);
            programs.push(RealisationProgram {
                no: l.no.clone(),
                name: l.name.clone(),
                written: l.written.clone(),
                row: l.row,
                cell: l.cell,
                subtotal: (!l.is_bare()).then(|| l.clone()),
                kegiatan: Vec::new(),
            });
            continue;
        }
        if !pending_totals.is_empty() {
            // A kegiatan after a total row: the total closed nothing we know of.
            settle_totals(&mut programs, &mut pending_totals);
        }
        if programs.is_empty() {
            programs.push(RealisationProgram {
                no: None,
                name: String::new(),
                written: String::new(),
                row: l.row,
                cell: l.cell,
                subtotal: None,
                kegiatan: Vec::new(),
            });
        }
        programs.last_mut().expect("a program").kegiatan.push(l);
    }
    let mut totals = Vec::new();
    if !pending_totals.is_empty() {
        // Trailing totals: when the other programs closed with a subtotal row, the
        // first one closes the last program too.
        let others_closed = programs.len() > 1
            && programs[..programs.len() - 1]
                .iter()
                .all(|p| p.subtotal.as_ref().is_some_and(|s| s.row != p.row));
        let last_open = programs.last().is_some_and(|p| p.subtotal.is_none());
        if others_closed && last_open && pending_totals.len() > 1 {
            let first = pending_totals.remove(0);
            programs.last_mut().expect("a program").subtotal = Some(first);
        }
        totals = pending_totals;
    }
    Realisation {
        table: view.index,
        nested: nests_deeper(view.table, &programs),
        programs,
        totals,
        ratio,
    }
}

/// Rows nested deeper than program → kegiatan by the table's own hierarchy, or
/// nested at all when no row reads as a program.
fn nests_deeper(table: &crate::structure::Table, programs: &[RealisationProgram]) -> bool {
    let nodes = &table.tree.nodes;
    let unnamed = programs.iter().all(|p| p.name.is_empty());
    nodes
        .iter()
        .any(|n| n.role != RowRole::Total && n.depth >= 2)
        || (unnamed && nodes.iter().any(|n| n.role == RowRole::Parent))
}

/// Total rows followed by another program closed the program above them.
fn settle_totals(programs: &mut [RealisationProgram], pending: &mut Vec<BudgetLine>) {
    if pending.is_empty() {
        return;
    }
    if let Some(p) = programs.last_mut() {
        if p.subtotal.is_none() {
            p.subtotal = Some(pending.remove(0));
        }
    }
    pending.clear();
}

// ---------------------------------------------------------------------------
// PK program budgets
// ---------------------------------------------------------------------------

fn pk_budget(view: &TableView) -> PkBudget {
    let mut programs = Vec::new();
    let mut jumlah = None;
    let mut terbilang = None;
    let program_col = view.table.column(Col::Program).map(|c| c.index);
    for row in &view.table.rows {
        if let Some(t) = row.cells.iter().find_map(|c| {
            let text = c.text()?;
            looks_like_terbilang(text).then(|| (text.to_string(), c.at))
        }) {
            if terbilang.is_none() {
                terbilang = Some(Terbilang {
                    value: crate::words::parse_terbilang(&t.0),
                    text: t.0,
                    at: t.1,
                });
            }
            continue;
        }
        let program = cell_text(view, row, Col::Program);
        let no = cell_text(view, row, Col::No);
        let label = program
            .clone()
            .or_else(|| no.clone())
            .or_else(|| first_text(row).map(|t| t.0));
        let anggaran = view.figure(row, Col::Anggaran).cloned();
        let anggaran_awal = view.figure(row, Col::AnggaranAwal).cloned();
        let Some(label) = label else { continue };
        let cell = match (&program, program_col) {
            (Some(_), Some(c)) => CellRef::new(row.row, c),
            _ => first_text(row)
                .map(|t| t.1)
                .unwrap_or(CellRef::new(row.row, 0)),
        };
        if is_total_label(&label) || no.as_deref().is_some_and(is_total_label) {
            if jumlah.is_none() {
                jumlah = Some(PkJumlah {
                    label,
                    row: row.row,
                    cell,
                    anggaran,
                    anggaran_awal,
                });
            }
            continue;
        }
        let Some(written) = program else { continue };
        let (num, name) = split_numbering(&written);
        programs.push(PkProgram {
            no: no.or(num),
            name,
            written,
            row: row.row,
            cell,
            anggaran,
            anggaran_awal,
            ket: cell_text(view, row, Col::Ket),
        });
    }
    if terbilang.is_none() {
        terbilang = view.table.notes.iter().find_map(|c| {
            let text = c.text()?;
            looks_like_terbilang(text).then(|| Terbilang {
                text: text.to_string(),
                at: c.at,
                value: crate::words::parse_terbilang(text),
            })
        });
    }
    PkBudget {
        table: view.index,
        programs,
        jumlah,
        terbilang,
    }
}

// ---------------------------------------------------------------------------
// RKT
// ---------------------------------------------------------------------------

fn indicator_kind(text: &str, satuan: Option<&str>) -> IndicatorKind {
    let words = words_of(text);
    let has = |w: &str| words.iter().any(|x| x == w);
    let satuan_rp = satuan.is_some_and(|s| {
        let s = s.trim().trim_end_matches('.').to_lowercase();
        s == "rupiah" || s == "rp"
    });
    if has("dana") || satuan_rp || (has("anggaran") && words.len() <= 3) {
        IndicatorKind::Dana
    } else if has("outcome") || has("hasil") && words.first().is_some_and(|w| w == "hasil") {
        IndicatorKind::Outcome
    } else if has("output") || words.first().is_some_and(|w| w == "keluaran") {
        IndicatorKind::Output
    } else if has("input") || words.first().is_some_and(|w| w == "masukan") {
        IndicatorKind::Input
    } else {
        IndicatorKind::Other
    }
}

fn rkt(view: &TableView) -> Rkt {
    let mut programs: Vec<RktProgram> = Vec::new();
    let mut total = None;
    let kegiatan_col = view.table.column(Col::Kegiatan).map(|c| c.index);
    for row in &view.table.rows {
        let kegiatan = cell_text(view, row, Col::Kegiatan);
        let prog = cell_text(view, row, Col::Prog);
        let indikator = cell_text(view, row, Col::KegiatanIndikator);
        let satuan = cell_text(view, row, Col::KegiatanSatuan);
        let amount = view.figure(row, Col::KegiatanTarget).cloned();
        let label_cell = |text_col: Option<u32>| {
            text_col
                .map(|c| CellRef::new(row.row, c))
                .unwrap_or(CellRef::new(row.row, 0))
        };
        // A total row: its label in the Kegiatan column or wherever the row starts.
        let label = kegiatan
            .clone()
            .map(|k| (k, label_cell(kegiatan_col)))
            .or_else(|| (indikator.is_none()).then(|| first_text(row)).flatten());
        if let Some((l, cell)) = &label {
            if is_total_label(l) {
                total = Some(TotalRow {
                    label: l.clone(),
                    row: row.row,
                    cell: *cell,
                    amount,
                });
                continue;
            }
        }
        let program_name = match (&kegiatan, &prog) {
            (Some(k), _) if is_program_name(k) => Some((k.clone(), label_cell(kegiatan_col))),
            (None, Some(p)) if indikator.is_none() && amount.is_some() => Some((
                p.clone(),
                view.cell_ref(row, Col::Prog)
                    .unwrap_or(CellRef::new(row.row, 0)),
            )),
            _ => None,
        };
        if let Some((written, cell)) = program_name {
            let (no, name) = split_numbering(&written);
            programs.push(RktProgram {
                no,
                name,
                written,
                row: row.row,
                cell,
                funds: amount,
                kegiatan: Vec::new(),
            });
            continue;
        }
        let kind = indikator
            .as_deref()
            .map(|t| indicator_kind(t, satuan.as_deref()))
            .unwrap_or_else(|| {
                if satuan
                    .as_deref()
                    .is_some_and(|s| indicator_kind("", Some(s)) == IndicatorKind::Dana)
                {
                    IndicatorKind::Dana
                } else {
                    IndicatorKind::Other
                }
            });
        let indicator = (indikator.is_some() || amount.is_some()).then(|| RktIndicator {
            kind,
            text: indikator.clone().unwrap_or_default(),
            satuan: satuan.clone(),
            target: amount.clone(),
            row: row.row,
        });
        if let Some(written) = kegiatan {
            if programs.is_empty() {
                programs.push(RktProgram {
                    no: None,
                    name: String::new(),
                    written: String::new(),
                    row: row.row,
                    cell: label_cell(kegiatan_col),
                    funds: None,
                    kegiatan: Vec::new(),
                });
            }
            let (no, name) = split_numbering(&written);
            let sasaran = cell_text(view, row, Col::Sasaran);
            let dana = (kind == IndicatorKind::Dana)
                .then(|| amount.clone())
                .flatten();
            programs
                .last_mut()
                .expect("a program")
                .kegiatan
                .push(RktKegiatan {
                    no,
                    name,
                    written,
                    row: row.row,
                    cell: label_cell(kegiatan_col),
                    sasaran,
                    dana,
                    indicators: indicator.into_iter().collect(),
                });
        } else if let Some(ind) = indicator {
            // A continuation row of the kegiatan above: its Dana line, or an
            // output / outcome / other input, which is never Dana.
            if let Some(k) = programs.last_mut().and_then(|p| p.kegiatan.last_mut()) {
                if ind.kind == IndicatorKind::Dana && k.dana.is_none() {
                    k.dana = ind.target.clone();
                }
                k.indicators.push(ind);
            }
        }
    }
    Rkt {
        table: view.index,
        programs,
        total,
    }
}

// ---------------------------------------------------------------------------
// Spending summary
// ---------------------------------------------------------------------------

/// The spending summary's numbered lines, nested as the table's structure reads
/// its outline (`I`, `1.`, `a.`, in a NO column or leading the name).
fn spending(view: &TableView) -> Spending {
    let mut items: Vec<SpendingItem> = Vec::new();
    let mut totals = Vec::new();
    let nodes = &view.table.tree.nodes;
    // The item of each body row, when it is one.
    let mut item_of: Vec<Option<usize>> = vec![None; nodes.len()];
    let uraian_col = view.table.column(Col::Uraian).map(|c| c.index);
    for (r, row) in view.table.rows.iter().enumerate() {
        let no_text = cell_text(view, row, Col::No);
        let uraian = cell_text(view, row, Col::Uraian);
        let jumlah = view.figure(row, Col::Jumlah).cloned();
        let cell = uraian_col
            .map(|c| CellRef::new(row.row, c))
            .unwrap_or(CellRef::new(row.row, 0));
        // The number may sit in the NO column, or lead the uraian ("1. Belanja ...").
        let (no, name) = match (&no_text, &uraian) {
            (Some(n), Some(u)) => (Some(n.clone()), split_numbering(u).1),
            (Some(n), None) => {
                let (num, rest) = split_numbering(n);
                (num.or_else(|| outline_style(n).map(|_| n.clone())), rest)
            }
            (None, Some(u)) => split_numbering(u),
            (None, None) => continue,
        };
        let label = uraian.clone().or(no_text.clone()).unwrap_or_default();
        if is_total_label(&label) || no_text.as_deref().is_some_and(is_total_label) {
            totals.push(TotalRow {
                label,
                row: row.row,
                cell,
                amount: jumlah,
            });
            continue;
        }
        let Some(no) = no.filter(|n| outline_style(n).is_some()) else {
            continue;
        };
        // Its parent: the nearest row above it in the hierarchy that is a line.
        let mut up = nodes.get(r).and_then(|n| n.parent);
        let parent = loop {
            match up {
                Some(p) if item_of[p].is_some() => break item_of[p],
                Some(p) => up = nodes[p].parent,
                None => break None,
            }
        };
        let index = items.len();
        items.push(SpendingItem {
            no,
            depth: parent.map_or(0, |p| items[p].depth + 1),
            name,
            row: row.row,
            cell,
            jumlah,
            ket: cell_text(view, row, Col::Ket),
            parent,
            children: Vec::new(),
        });
        if let Some(p) = parent {
            items[p].children.push(index);
        }
        item_of[r] = Some(index);
    }
    Spending {
        table: view.index,
        items,
        totals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_comes_off_names() {
        assert_eq!(
            split_numbering("1. Program Pemberdayaan Lembaga"),
            (Some("1.".into()), "Program Pemberdayaan Lembaga".into())
        );
        assert_eq!(
            split_numbering("11 Pemeliharaan / Rehabilitasi"),
            (Some("11".into()), "Pemeliharaan / Rehabilitasi".into())
        );
        assert_eq!(
            split_numbering("a. Belanja Pegawai"),
            (Some("a.".into()), "Belanja Pegawai".into())
        );
        assert_eq!(
            split_numbering("10.Program X"),
            (Some("10.".into()), "Program X".into())
        );
        assert_eq!(
            split_numbering("Belanja  Modal"),
            (None, "Belanja Modal".into())
        );
        assert_eq!(split_numbering("I Made"), (None, "I Made".into()));
    }

    #[test]
    fn labels() {
        for t in [
            "Jumlah",
            "JUMLAH TOTAL",
            "Total",
            "Jumlah Total",
            "Grand Total",
            "JUMLAH ANGGARAN",
        ] {
            assert!(is_total_label(t), "{t}");
        }
        for t in [
            "Jumlah Dokumen Hasil",
            "Belanja Daerah",
            "Total Belanja Modal Gedung",
        ] {
            assert!(!is_total_label(t), "{t}");
        }
        assert!(is_subtotal_label("Sub Total"));
        assert!(is_subtotal_label("Subtotal Program"));
        assert!(is_program_name("1. Program Pemberdayaan"));
        assert!(is_program_name("PROGRAM PENUNJANG"));
        assert!(!is_program_name("Penyediaan Gaji"));
        assert!(looks_like_terbilang("(Terbilang : Enam milyar rupiah)."));
        assert!(looks_like_terbilang("Enam juta rupiah"));
        assert!(!looks_like_terbilang("Sumber Data : DPA 2023"));
    }

    #[test]
    fn indicators() {
        assert_eq!(
            indicator_kind("Input : Dana", Some("Rupiah")),
            IndicatorKind::Dana
        );
        assert_eq!(indicator_kind("- Dana", None), IndicatorKind::Dana);
        assert_eq!(
            indicator_kind("Input : SDM", Some("Orang")),
            IndicatorKind::Input
        );
        assert_eq!(
            indicator_kind("Output : Tersedianya", None),
            IndicatorKind::Output
        );
        assert_eq!(
            indicator_kind("Outcome : Jumlah Dokumen", Some("Dokumen")),
            IndicatorKind::Outcome
        );
    }
}
