//! The Evaluasi Renja form (Permendagri 86/2017, `evaluasi_renja`) and every
//! other table whose numbering row states its arithmetic.
//!
//! A form's rows are a tree (urusan/bidang → program → kegiatan → sub kegiatan),
//! known from the code column, from the words a name starts with, or from the
//! rows' own SUM formulas. Its numbered columns split into `K` (kinerja) and `Rp`
//! lanes. The analysis here is done once per run, for all rules: what each cell
//! should be (parents' Rp = the sum of their children's, every stated equation),
//! which wrong cells are root causes, which only follow from them, and which
//! formulas name cells the tree and the equations do not.

use super::budget::{BudgetLine, Realisation, RealisationProgram};
use super::{Figure, TableView};
use crate::cell::{sum_formula, CellRef};
use crate::finding::NewValue;
use crate::number::NumberKind;
use crate::read::{Formula, Sheet};
use crate::structure::stated::{Equation, Expr, Numbering};
use crate::structure::tree::{RowRole, Tree};
use crate::structure::Reading;
use crate::table::{normalize_header, Col, TableKind};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The records of this domain.
#[derive(Debug, Default)]
pub struct Renja {
    /// Every Evaluasi Renja sheet, and every other table with stated arithmetic.
    pub forms: Vec<Form>,
    /// Tabel 3.4 as the latest quarter's Evaluasi Renja gives it (pagu = the Renja
    /// target's Rp, realisasi = the Renja realisation's Rp), cells as provenance.
    pub realisation: Option<Realisation>,
}

impl Renja {
    /// The Evaluasi Renja of the latest quarter (the last sheet among equals).
    pub fn latest(&self) -> Option<&Form> {
        self.forms
            .iter()
            .filter(|f| f.kind == TableKind::EvaluasiRenja)
            .max_by_key(|f| f.quarter.unwrap_or(0))
    }
}

/// The level of a row in the budget tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// A JUMLAH / TOTAL row over everything above it.
    Total,
    Urusan,
    Bidang,
    Program,
    Kegiatan,
    SubKegiatan,
}

/// K (kinerja) or Rp (money): a stated equation holds in each lane on its own;
/// only Rp is summed up the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lane {
    Kinerja,
    Rupiah,
}

impl Lane {
    pub fn label(self) -> &'static str {
        match self {
            Lane::Kinerja => "K",
            Lane::Rupiah => "Rp",
        }
    }
}

/// A numbered column group (`8` over `K | Rp`).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub number: u32,
    /// The group header as written, for messages.
    pub title: String,
    pub kinerja: Option<u32>,
    pub rupiah: Option<u32>,
}

impl Group {
    pub fn column(&self, lane: Lane) -> Option<u32> {
        match lane {
            Lane::Kinerja => self.kinerja,
            Lane::Rupiah => self.rupiah,
        }
    }
}

/// A body row.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub row: u32,
    pub code: Option<String>,
    pub name: String,
    pub name_cell: Option<CellRef>,
    pub level: Option<Level>,
    /// Index into [`Form::lines`].
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

/// One cell of a numbered column.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub figure: Figure,
    pub formula: Option<Arc<str>>,
}

/// Why a root cell is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Cause {
    /// It breaks the equation of the numbering row (index into [`Form::equations`]).
    Stated { equation: usize },
    /// A parent's Rp is not the sum of its children's.
    ParentSum { children: Vec<CellRef> },
    /// Its formula names cells the tree and the stated arithmetic do not.
    Formula(FormulaSlip),
}

/// What is wrong with a formula, cell by cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FormulaSlip {
    /// Cells of its own column in rows that are not its children (rows of its
    /// parent, or its grandchildren).
    pub foreign_rows: Vec<CellRef>,
    /// Children it leaves out.
    pub omitted: Vec<CellRef>,
    /// Cells of columns the stated equation does not name.
    pub other_columns: Vec<CellRef>,
    /// The equation it should follow, if any (index into [`Form::equations`]).
    pub equation: Option<usize>,
}

/// A wrong cell that is a cause, with the cells that are wrong only because of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Slip {
    pub at: CellRef,
    pub lane: Lane,
    pub group: u32,
    pub cause: Cause,
    /// The cell as written, and its formula (`=…`) if it has one.
    pub found: String,
    /// What it should be: `None` when its value is right and only its formula is not.
    pub expected: Option<Decimal>,
    pub formula: Option<String>,
    /// Cells whose values follow from this one (parents, totals, percentages).
    pub echoes: Vec<CellRef>,
    /// This cell and its echoes recomputed: formulas with their cached values.
    pub fix: Vec<(CellRef, NewValue)>,
}

/// One analysed table: an Evaluasi Renja sheet, or a table with stated arithmetic.
#[derive(Debug, Clone)]
pub struct Form {
    /// Index into `Model::tables`.
    pub table: usize,
    pub kind: TableKind,
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    /// The quarter (1–4) the sheet's name or title gives.
    pub quarter: Option<u8>,
    pub equations: Vec<Equation>,
    pub groups: Vec<Group>,
    pub lines: Vec<Line>,
    pub amounts: BTreeMap<CellRef, Amount>,
    pub slips: Vec<Slip>,
}

impl Form {
    fn group(&self, number: u32) -> Option<&Group> {
        self.groups.iter().find(|g| g.number == number)
    }

    /// The cell of `line` in group `number`, lane `lane`.
    pub fn cell(&self, line: usize, number: u32, lane: Lane) -> Option<CellRef> {
        let col = self.group(number)?.column(lane)?;
        Some(CellRef::new(self.lines[line].row, col))
    }

    fn stated(&self, at: CellRef) -> Option<Decimal> {
        self.amounts.get(&at).and_then(|a| a.figure.value)
    }

    fn unreadable(&self, at: CellRef) -> bool {
        self.amounts
            .get(&at)
            .is_some_and(|a| a.figure.problem.is_some())
    }

    /// The group whose title has all of `words` and none of `not`.
    fn group_titled(&self, words: &[&str], not: &[&str]) -> Option<&Group> {
        self.groups.iter().find(|g| {
            let t = normalize_header(&g.title);
            let has = |w: &str| t.split(' ').any(|x| x == w);
            words.iter().all(|w| has(w)) && !not.iter().any(|w| has(w))
        })
    }
}

/// Builds the forms of every table with stated arithmetic or of kind `evaluasi_renja`.
pub fn build(views: &[TableView], reading: &Reading) -> Renja {
    let mut renja = Renja::default();
    for view in views {
        let t = view.table;
        let numbering = Numbering::read(&t.numbering);
        if t.kind != TableKind::EvaluasiRenja && numbering.equations.is_empty() {
            continue;
        }
        let sheet = reading
            .inputs
            .iter()
            .filter(|i| i.file == t.file)
            .flat_map(|i| &i.sheets)
            .find(|s| s.name == t.sheet);
        let mut form = read_form(view, numbering, sheet);
        analyse(&mut form);
        renja.forms.push(form);
    }
    renja.realisation = renja.latest().map(as_realisation);
    renja
}

fn read_form(view: &TableView, numbering: Numbering, sheet: Option<&Sheet>) -> Form {
    let t = view.table;
    let last = t.range.last.col;
    let mut groups: Vec<Group> = Vec::new();
    for &(number, _) in &numbering.numbers {
        let Some(span) = numbering.span(number, last) else {
            continue;
        };
        let in_span: Vec<_> = t
            .columns
            .iter()
            .filter(|c| span.contains(&c.index))
            .collect();
        let numeric = |c: &&&crate::structure::Column| {
            t.kind
                .columns()
                .iter()
                .any(|s| s.col == c.col && s.number.is_some())
        };
        let (kinerja, rupiah) = if t.kind == TableKind::EvaluasiRenja {
            let of = |col: Col| in_span.iter().find(|c| c.col == col).map(|c| c.index);
            (of(Col::Kinerja), of(Col::Rupiah))
        } else if t.kind != TableKind::Tabel {
            // One column per number: its only lane.
            (None, in_span.iter().find(numeric).map(|c| c.index))
        } else {
            // A table of no known kind: its figure columns by what they hold, money
            // and counts (`Rp`) apart from the rest (`K`, `%`).
            let figures = || {
                t.fields
                    .iter()
                    .filter(|f| span.contains(&f.index) && f.holds.is_figure())
            };
            (
                figures().find(|f| !f.holds.is_additive()).map(|f| f.index),
                figures().find(|f| f.holds.is_additive()).map(|f| f.index),
            )
        };
        if kinerja.is_none() && rupiah.is_none() {
            continue;
        }
        let title = match in_span.first() {
            Some(c) => c.label.clone(),
            None => t
                .fields
                .iter()
                .find(|f| span.contains(&f.index))
                .map(|f| f.label.clone())
                .unwrap_or_default(),
        };
        let title = title.split(" / ").next().unwrap_or("").to_string();
        groups.push(Group {
            number,
            title,
            kinerja,
            rupiah,
        });
    }
    let mut numbering = numbering;
    numbering.equations.retain(|e| {
        let target = groups
            .iter()
            .find(|g| g.number == e.target)
            .and_then(|g| g.rupiah);
        !t.columns
            .iter()
            .any(|c| Some(c.index) == target && t.kind.computed().contains(&c.col))
    });
    let percent_targets: BTreeSet<u32> = numbering
        .equations
        .iter()
        .filter(
            |e| matches!(&e.expr, Expr::Mul(_, b) if **b == Expr::Constant(Decimal::ONE_HUNDRED)),
        )
        .map(|e| e.target)
        .collect();
    let mut amounts = BTreeMap::new();
    let mut lines = Vec::new();
    let mut line_of_row: Vec<Option<usize>> = vec![None; t.rows.len()];
    for (r, row) in t.rows.iter().enumerate() {
        for g in &groups {
            for (lane, col) in [(Lane::Kinerja, g.kinerja), (Lane::Rupiah, g.rupiah)] {
                let Some(col) = col else { continue };
                let Some(cell) = row.at(col) else { continue };
                let kind = if percent_targets.contains(&g.number) {
                    NumberKind::Percent
                } else if lane == Lane::Rupiah {
                    NumberKind::Money
                } else {
                    NumberKind::Measure
                };
                let at = CellRef::new(row.row, col);
                amounts.insert(
                    at,
                    Amount {
                        figure: Figure::read(cell, kind),
                        formula: sheet.and_then(|s| s.formula(at)).map(Arc::from),
                    },
                );
            }
        }
        let (code, name, name_cell) = if t.kind == TableKind::Tabel {
            // No known columns: the row's code as its structure reads it, its
            // first name; every row keeps the arithmetic, named or not.
            (
                t.tree.nodes.get(r).and_then(|n| n.code.clone()),
                t.name_of(row).unwrap_or_default().to_string(),
                None,
            )
        } else {
            let code = view.text(row, Col::Kode);
            let name = view.text(row, Col::Uraian).unwrap_or_default();
            if name.is_empty() && code.is_none() {
                continue;
            }
            (code, name.to_string(), view.cell_ref(row, Col::Uraian))
        };
        let level = code
            .as_deref()
            .and_then(level_of_code)
            .or_else(|| level_of_words(&name));
        line_of_row[r] = Some(lines.len());
        lines.push(Line {
            row: row.row,
            code,
            name,
            name_cell,
            level,
            parent: None,
            children: Vec::new(),
        });
    }
    let mut form = Form {
        table: view.index,
        kind: t.kind,
        file: Arc::from(t.file.as_str()),
        sheet: Arc::from(t.sheet.as_str()),
        quarter: quarter_of(&t.sheet).or_else(|| sheet.and_then(|s| title_quarter(s, t))),
        equations: numbering.equations,
        groups,
        lines,
        amounts,
        slips: Vec::new(),
    };
    if form.kind == TableKind::EvaluasiRenja {
        place_lines(&mut form, &t.tree, &line_of_row);
    }
    form
}

/// `1` urusan, `1.01` bidang, `1.01.02` program, `1.01.02.2.01` kegiatan,
/// `1.01.02.2.01.0001` sub kegiatan.
fn level_of_code(code: &str) -> Option<Level> {
    let parts: Vec<&str> = code.trim().trim_end_matches('.').split('.').collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return None;
    }
    Some(match parts.len() {
        1 => Level::Urusan,
        2 => Level::Bidang,
        3 => Level::Program,
        4 | 5 => Level::Kegiatan,
        _ => Level::SubKegiatan,
    })
}

/// The level the words a name starts with give (`Program …`, `Sub Kegiatan …`),
/// or a total's label.
fn level_of_words(name: &str) -> Option<Level> {
    if crate::structure::tree::is_total_label(name) {
        return Some(Level::Total);
    }
    Some(match crate::structure::tree::level_of_words(name)? {
        0 => Level::Urusan,
        1 => Level::Bidang,
        2 => Level::Program,
        3 => Level::Kegiatan,
        _ => Level::SubKegiatan,
    })
}

/// The quarter a sheet name or title gives: `TW IV`, `Triwulan 3`, `TW.II`.
fn quarter_of(text: &str) -> Option<u8> {
    let n = normalize_header(text);
    let words: Vec<&str> = n.split(' ').collect();
    words.windows(2).find_map(|w| {
        if !matches!(w[0], "TW" | "TRIWULAN" | "TRW") {
            return None;
        }
        match w[1] {
            "I" | "1" => Some(1),
            "II" | "2" => Some(2),
            "III" | "3" => Some(3),
            "IV" | "4" => Some(4),
            _ => None,
        }
    })
}

/// The quarter the title rows above the table give.
fn title_quarter(sheet: &Sheet, t: &crate::structure::Table) -> Option<u8> {
    sheet
        .rows
        .iter()
        .take_while(|(r, _)| *r < t.header.first.row)
        .flat_map(|(_, cells)| cells.iter().filter_map(|c| c.text()))
        .find_map(quarter_of)
}

/// Parents and children from the table's hierarchy (the structure stage's): a
/// line's parent is its nearest ancestor that is a line, and a total's children
/// are the lines it adds up. Lines known by neither code nor words take their level
/// from how many levels hang below them.
fn place_lines(form: &mut Form, tree: &Tree, line_of_row: &[Option<usize>]) {
    for (r, node) in tree.nodes.iter().enumerate() {
        let Some(i) = line_of_row[r] else { continue };
        if node.role == RowRole::Total {
            form.lines[i].level = Some(Level::Total);
            // The rows a total adds are its children here, so that it is summed.
            for &c in &node.children {
                if let Some(k) = line_of_row[c] {
                    form.lines[k].parent = Some(i);
                    form.lines[i].children.push(k);
                }
            }
            continue;
        }
        let mut up = node.parent;
        while let Some(p) = up {
            if let Some(k) = line_of_row[p] {
                if form.lines[i].parent.is_none() {
                    form.lines[i].parent = Some(k);
                    form.lines[k].children.push(i);
                }
                break;
            }
            up = tree.nodes[p].parent;
        }
    }
    for line in &mut form.lines {
        line.children.sort_unstable();
    }
    for i in 0..form.lines.len() {
        if form.lines[i].level.is_none() {
            form.lines[i].level = Some(match height(form, i) {
                0 => Level::SubKegiatan,
                1 => Level::Kegiatan,
                2 => Level::Program,
                3 => Level::Bidang,
                _ => Level::Urusan,
            });
        }
    }
}

/// How many levels of rows hang below a row.
fn height(form: &Form, i: usize) -> usize {
    form.lines[i]
        .children
        .iter()
        .map(|&c| 1 + height(form, c))
        .max()
        .unwrap_or(0)
}

/// The equation giving group `number`, if any.
fn equation_of(form: &Form, number: u32) -> Option<usize> {
    form.equations.iter().position(|e| e.target == number)
}

/// Whether the Rp of group `number` adds up over children (no ratio gives it).
fn summable(form: &Form, number: u32) -> bool {
    equation_of(form, number).is_none_or(|e| form.equations[e].expr.is_sum())
}

/// A parent row that carries money: a heading with no Rp at all is not summed.
fn carries_money(form: &Form, line: usize) -> bool {
    !form.lines[line].children.is_empty()
        && form.groups.iter().any(|g| {
            g.rupiah.is_some_and(|c| {
                form.amounts
                    .contains_key(&CellRef::new(form.lines[line].row, c))
            })
        })
}

/// Equal at the precision the stated figure is written with (sums: exactly).
fn agrees(stated: Decimal, computed: Decimal, precision: Precision) -> bool {
    match precision {
        Precision::Exact => stated == computed,
        Precision::Float => crate::compare::agrees_as_float(stated, computed),
        Precision::Decimals(d) => crate::compare::agrees(stated, d, computed),
    }
}

/// One relation a cell takes part in: the cells it is computed from, and whether
/// that computation holds on the stated values.
struct Relation {
    operands: Vec<CellRef>,
    holds: bool,
    kind: RelationKind,
}

enum RelationKind {
    Equation(usize),
    Sum,
}

fn analyse(form: &mut Form) {
    let mut corrected: BTreeMap<CellRef, Decimal> = BTreeMap::new();
    // What each cell should be, children before parents, operands before targets.
    let mut order: Vec<u32> = form.groups.iter().map(|g| g.number).collect();
    order.sort_by_key(|n| (equation_of(form, *n).is_some(), *n));
    // Deepest rows first: a JUMLAH row at the bottom comes after all it adds up.
    let depth = |mut i: usize| {
        let mut d = 0;
        while let Some(p) = form.lines[i].parent {
            d += 1;
            i = p;
        }
        d
    };
    let mut lines: Vec<usize> = (0..form.lines.len()).collect();
    lines.sort_by_key(|&i| std::cmp::Reverse(depth(i)));
    for li in lines {
        for lane in [Lane::Kinerja, Lane::Rupiah] {
            for &n in &order {
                let Some(at) = form.cell(li, n, lane) else {
                    continue;
                };
                if form.unreadable(at) {
                    continue;
                }
                let value =
                    expected_value(form, &corrected, li, n, lane).or_else(|| form.stated(at));
                if let Some(v) = value {
                    corrected.insert(at, v);
                }
            }
        }
    }
    // Wrong cells: stated other than what they should be.
    let mut wrong: BTreeMap<CellRef, (usize, u32, Lane)> = BTreeMap::new();
    for li in 0..form.lines.len() {
        for lane in [Lane::Kinerja, Lane::Rupiah] {
            for g in &form.groups {
                let Some(at) = form.cell(li, g.number, lane) else {
                    continue;
                };
                let Some(&should) = corrected.get(&at) else {
                    continue;
                };
                if form.unreadable(at) {
                    continue;
                }
                let stated = match (form.stated(at), lane) {
                    (Some(v), _) => v,
                    (None, Lane::Rupiah) if summable(form, g.number) => Decimal::ZERO,
                    (None, _) => continue,
                };
                if !agrees(stated, should, precision(form, at, g.number)) {
                    wrong.insert(at, (li, g.number, lane));
                }
            }
        }
    }
    // Roots and echoes.
    let mut roots_of: BTreeMap<CellRef, Vec<CellRef>> = BTreeMap::new();
    for &at in wrong.keys() {
        let roots = roots(form, at, &wrong, &mut roots_of);
        roots_of.insert(at, roots);
    }
    let mut echoes: BTreeMap<CellRef, Vec<CellRef>> = BTreeMap::new();
    for (&at, roots) in &roots_of {
        for r in roots {
            if *r != at {
                echoes.entry(*r).or_default().push(at);
            }
        }
    }
    // Formula slips, wrong value or not.
    let mut slips = Vec::new();
    for li in 0..form.lines.len() {
        for lane in [Lane::Kinerja, Lane::Rupiah] {
            for g in &form.groups {
                let Some(at) = form.cell(li, g.number, lane) else {
                    continue;
                };
                let is_root =
                    wrong.contains_key(&at) && roots_of.get(&at).is_some_and(|r| r == &[at]);
                let formula_slip = formula_slip(form, li, g.number, lane);
                let cause = match (formula_slip, is_root) {
                    (Some(s), _) => Cause::Formula(s),
                    (None, false) => continue,
                    (None, true) => {
                        let rels = relations(form, li, g.number, lane);
                        match rels
                            .iter()
                            .find(|r| matches!(r.kind, RelationKind::Equation(_)))
                        {
                            Some(Relation {
                                kind: RelationKind::Equation(e),
                                ..
                            }) => Cause::Stated { equation: *e },
                            _ => Cause::ParentSum {
                                children: rels
                                    .first()
                                    .map(|r| r.operands.clone())
                                    .unwrap_or_default(),
                            },
                        }
                    }
                };
                let value_wrong = wrong.contains_key(&at);
                if value_wrong && !is_root {
                    // An echo whose formula is also off: the root's finding covers it.
                    continue;
                }
                let expected = corrected.get(&at).copied().filter(|_| value_wrong);
                let formula = expected_formula(form, li, g.number, lane, &cause);
                let mut own_echoes = echoes.get(&at).cloned().unwrap_or_default();
                own_echoes.sort();
                let mut fix = Vec::new();
                if let (Some(f), Some(v)) = (&formula, corrected.get(&at)) {
                    fix.push((
                        at,
                        NewValue::Formula {
                            formula: f.clone(),
                            value: rounded(*v),
                        },
                    ));
                }
                for e in &own_echoes {
                    let Some(v) = corrected.get(e) else { continue };
                    let value = match form.amounts.get(e).and_then(|a| a.formula.clone()) {
                        Some(f) => NewValue::Formula {
                            formula: f.to_string(),
                            value: rounded(*v),
                        },
                        None => NewValue::Number(rounded(*v)),
                    };
                    fix.push((*e, value));
                }
                let amount = form.amounts.get(&at);
                let found = match amount {
                    Some(a) => match &a.formula {
                        Some(f) => format!("={f} ({})", a.figure.written),
                        None => a.figure.written.clone(),
                    },
                    None => String::new(),
                };
                slips.push(Slip {
                    at,
                    lane,
                    group: g.number,
                    cause,
                    found,
                    expected,
                    formula,
                    echoes: own_echoes,
                    fix,
                });
            }
        }
    }
    form.slips = slips;
}

/// A cached value kept to the precision a workbook shows and a sum needs.
fn rounded(v: Decimal) -> Decimal {
    v.round_dp(10).normalize()
}

/// How a stated figure compares with the one computed: ratios at the stated
/// figure's precision; sums exactly, or at a spreadsheet's 15 significant digits
/// when the figure is a formula's cached value or carries 12 or more decimals
/// (`174.857142857143` against the exact 174.857142857142857…).
fn precision(form: &Form, at: CellRef, number: u32) -> Precision {
    let amount = form.amounts.get(&at);
    if !summable(form, number) {
        return Precision::Decimals(amount.map_or(0, |a| a.figure.decimals));
    }
    let float = amount.is_some_and(|a| a.formula.is_some() || a.figure.decimals >= 12);
    if float {
        Precision::Float
    } else {
        Precision::Exact
    }
}

/// How a stated figure is compared with the one computed.
#[derive(Debug, Clone, Copy)]
enum Precision {
    Exact,
    /// A spreadsheet's floating-point result: equal at 15 significant digits.
    Float,
    /// At the decimals the figure is written with.
    Decimals(u32),
}

/// What a cell should be from the cells it follows from; `None` for an input.
fn expected_value(
    form: &Form,
    corrected: &BTreeMap<CellRef, Decimal>,
    li: usize,
    n: u32,
    lane: Lane,
) -> Option<Decimal> {
    let value_of = |at: Option<CellRef>| -> Option<Decimal> {
        let at = at?;
        if form.unreadable(at) {
            // A malformed figure is its own finding; what follows from it is unknown.
            return None;
        }
        corrected
            .get(&at)
            .copied()
            .or((lane == Lane::Rupiah).then_some(Decimal::ZERO))
    };
    if let Some(e) = equation_of(form, n) {
        let eq = &form.equations[e];
        if lane == Lane::Kinerja
            && eq.expr.columns().iter().any(|&m| {
                form.cell(li, m, lane)
                    .and_then(|at| form.stated(at))
                    .is_none()
            })
        {
            return None;
        }
        return eq.expr.eval(&|m| value_of(form.cell(li, m, lane)));
    }
    if lane == Lane::Rupiah && summable(form, n) && carries_money(form, li) {
        let mut total = Decimal::ZERO;
        for &c in &form.lines[li].children {
            total += value_of(form.cell(c, n, lane))?;
        }
        return Some(total);
    }
    None
}

/// The relations of a cell: its equation, and the sum over its children.
fn relations(form: &Form, li: usize, n: u32, lane: Lane) -> Vec<Relation> {
    let mut out = Vec::new();
    let stated = |at: Option<CellRef>| -> Option<Decimal> {
        let at = at?;
        form.stated(at)
            .or((lane == Lane::Rupiah && !form.unreadable(at)).then_some(Decimal::ZERO))
    };
    let Some(here) = form.cell(li, n, lane) else {
        return out;
    };
    let own = stated(Some(here));
    if let Some(e) = equation_of(form, n) {
        let eq = &form.equations[e];
        let operands: Vec<CellRef> = eq
            .expr
            .columns()
            .iter()
            .filter_map(|&m| form.cell(li, m, lane))
            .collect();
        let computed = eq.expr.eval(&|m| stated(form.cell(li, m, lane)));
        let holds =
            matches!((own, computed), (Some(o), Some(c)) if agrees(o, c, precision(form, here, n)));
        out.push(Relation {
            operands,
            holds,
            kind: RelationKind::Equation(e),
        });
    }
    if lane == Lane::Rupiah && summable(form, n) && carries_money(form, li) {
        let operands: Vec<CellRef> = form.lines[li]
            .children
            .iter()
            .filter_map(|&c| form.cell(c, n, lane))
            .collect();
        let sum: Option<Decimal> = operands.iter().map(|&c| stated(Some(c))).sum();
        let holds = matches!((own, sum), (Some(o), Some(s)) if o == s);
        out.push(Relation {
            operands,
            holds,
            kind: RelationKind::Sum,
        });
    }
    out
}

/// The root causes of wrong cell `at`: itself, unless one of its relations holds
/// on the stated values and takes a wrong cell in, whose roots are then its own.
fn roots(
    form: &Form,
    at: CellRef,
    wrong: &BTreeMap<CellRef, (usize, u32, Lane)>,
    memo: &mut BTreeMap<CellRef, Vec<CellRef>>,
) -> Vec<CellRef> {
    if let Some(r) = memo.get(&at) {
        return r.clone();
    }
    let (li, n, lane) = wrong[&at];
    // Provisional, so equations stated in a circle (`6 = 7`, `7 = 6`) end here.
    memo.insert(at, vec![at]);
    let mut causes: BTreeSet<CellRef> = BTreeSet::new();
    for r in relations(form, li, n, lane) {
        if r.holds {
            for o in r
                .operands
                .iter()
                .filter(|o| wrong.contains_key(o) && **o != at)
            {
                causes.extend(roots(form, *o, wrong, memo));
            }
        }
    }
    let out: Vec<CellRef> = if causes.is_empty() {
        vec![at]
    } else {
        causes.into_iter().collect()
    };
    memo.insert(at, out.clone());
    out
}

/// Compares a cell's formula with what the tree and the stated arithmetic give.
fn formula_slip(form: &Form, li: usize, n: u32, lane: Lane) -> Option<FormulaSlip> {
    let at = form.cell(li, n, lane)?;
    let f = form
        .amounts
        .get(&at)?
        .formula
        .as_deref()
        .and_then(Formula::parse)?;
    let named: BTreeSet<CellRef> = f
        .cells()?
        .into_iter()
        .filter(|c| filled(form, *c))
        .collect();
    let mut expected: Vec<(BTreeSet<CellRef>, Option<usize>)> = Vec::new();
    let equation = equation_of(form, n);
    if let Some(e) = equation {
        let cells = form.equations[e]
            .expr
            .columns()
            .iter()
            .filter_map(|&m| form.cell(li, m, lane))
            .filter(|c| filled(form, *c))
            .collect();
        expected.push((cells, Some(e)));
    }
    if lane == Lane::Rupiah && summable(form, n) && carries_money(form, li) {
        let cells = form.lines[li]
            .children
            .iter()
            .filter_map(|&c| form.cell(c, n, lane))
            .filter(|c| filled(form, *c))
            .collect();
        expected.push((cells, None));
    }
    if expected.iter().any(|(cells, _)| *cells == named) || expected.is_empty() {
        return None;
    }
    // A sum's formula is only compared as a set when it only adds.
    let (cells, eq) = expected
        .into_iter()
        .min_by_key(|(cells, _)| cells.symmetric_difference(&named).count())?;
    if eq.is_none() && !f.additive {
        return None;
    }
    let col = at.col;
    let mut slip = FormulaSlip {
        equation: eq,
        ..FormulaSlip::default()
    };
    for c in named.difference(&cells) {
        if c.col == col {
            slip.foreign_rows.push(*c);
        } else {
            slip.other_columns.push(*c);
        }
    }
    slip.omitted = cells.difference(&named).copied().collect();
    Some(slip)
}

/// Whether a cell a formula names counts: anything but an empty or zero K or Rp
/// cell of a row of the form (leaving out a child with no money changes nothing:
/// the hidden rows of zeros inside a span that only some columns add).
fn filled(form: &Form, at: CellRef) -> bool {
    let lane_column = form
        .groups
        .iter()
        .any(|g| g.kinerja == Some(at.col) || g.rupiah == Some(at.col));
    let carries = form
        .amounts
        .get(&at)
        .is_some_and(|a| a.formula.is_some() || a.figure.value.is_none_or(|v| !v.is_zero()));
    carries || !lane_column || form.lines.iter().all(|l| l.row != at.row)
}

/// The formula a cell should hold: its children's sum, or its equation over its
/// own row's cells.
fn expected_formula(form: &Form, li: usize, n: u32, lane: Lane, cause: &Cause) -> Option<String> {
    let here = form.cell(li, n, lane)?;
    let sum = || -> Option<String> {
        if lane != Lane::Rupiah || !summable(form, n) || !carries_money(form, li) {
            return None;
        }
        let cells: Vec<CellRef> = form.lines[li]
            .children
            .iter()
            .filter_map(|&c| form.cell(c, n, lane))
            .collect();
        Some(sum_formula(&cells))
    };
    let equation = || -> Option<String> {
        let e = equation_of(form, n)?;
        form.equations[e].expr.formula(&|m| form.cell(li, m, lane))
    };
    // Keep the office's own way where it has one: a parent whose formula adds
    // rows of its column stays a sum of its children.
    let adds_rows = form
        .amounts
        .get(&here)
        .and_then(|a| a.formula.as_deref())
        .and_then(Formula::parse)
        .and_then(|f| f.cells())
        .is_some_and(|cells| cells.iter().all(|c| c.col == here.col));
    match cause {
        Cause::ParentSum { .. } => sum().or_else(equation),
        Cause::Formula(FormulaSlip { equation: None, .. }) => sum().or_else(equation),
        _ if adds_rows => sum().or_else(equation),
        _ => equation().or_else(sum),
    }
}

/// Tabel 3.4 from a form: programs and their kegiatan, pagu = the Renja target's
/// Rp (column 8), realisasi = the Renja realisation's Rp (column 13).
fn as_realisation(form: &Form) -> Realisation {
    let pagu = form
        .group_titled(&["TARGET", "RENJA"], &["RENSTRA"])
        .or_else(|| form.group(8))
        .and_then(|g| g.rupiah);
    let realisasi = form
        .group_titled(&["REALISASI", "RENJA"], &["RENSTRA", "TRIWULAN"])
        .or_else(|| form.group(13))
        .and_then(|g| g.rupiah);
    let line = |i: usize| -> BudgetLine {
        let l = &form.lines[i];
        let figure = |col: Option<u32>| {
            col.and_then(|c| form.amounts.get(&CellRef::new(l.row, c)))
                .map(|a| a.figure.clone())
        };
        let (no, name) = super::budget::split_numbering(&l.name);
        BudgetLine {
            no,
            name,
            written: l.name.clone(),
            row: l.row,
            cell: l.name_cell.unwrap_or(CellRef::new(l.row, 0)),
            pagu: figure(pagu),
            realisasi: figure(realisasi),
            persen: None,
            persen_ratio: false,
        }
    };
    let mut programs = Vec::new();
    for (i, l) in form.lines.iter().enumerate() {
        if l.level != Some(Level::Program) {
            continue;
        }
        let head = line(i);
        let kegiatan: Vec<BudgetLine> = l
            .children
            .iter()
            .filter(|&&c| form.lines[c].level == Some(Level::Kegiatan))
            .map(|&c| line(c))
            .collect();
        programs.push(RealisationProgram::headed(head, kegiatan));
    }
    Realisation {
        table: form.table,
        programs,
        totals: Vec::new(),
        ratio: false,
        nested: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_come_from_codes_and_words() {
        assert_eq!(level_of_code("1.01"), Some(Level::Bidang));
        assert_eq!(level_of_code("1.01.02"), Some(Level::Program));
        assert_eq!(level_of_code("1.01.02.2.01"), Some(Level::Kegiatan));
        assert_eq!(level_of_code("1.01.02.2.01.0001"), Some(Level::SubKegiatan));
        assert_eq!(level_of_code("abc def"), None);
        assert_eq!(
            level_of_words("Program Penunjang Urusan"),
            Some(Level::Program)
        );
        assert_eq!(
            level_of_words("Sub Kegiatan Penyediaan Gaji"),
            Some(Level::SubKegiatan)
        );
        assert_eq!(
            level_of_words("Kegiatan Administrasi Keuangan"),
            Some(Level::Kegiatan)
        );
        assert_eq!(level_of_words("JUMLAH"), Some(Level::Total));
        assert_eq!(level_of_words("Penyediaan Gaji"), None);
    }

    #[test]
    fn quarters_come_from_sheet_names_and_titles() {
        assert_eq!(quarter_of("Realisasi TW IV"), Some(4));
        assert_eq!(quarter_of("TW.II"), Some(2));
        assert_eq!(quarter_of("Evaluasi Renja Triwulan 3 Tahun 2024"), Some(3));
        assert_eq!(quarter_of("Sheet1"), None);
    }
}
