//! Structure family: the arithmetic every table's own structure promises, whatever
//! its kind. The structure stage gives each table its columns (what each holds) and
//! its rows' hierarchy ([`crate::structure::tree`]); here, once per run, every
//! figure column a kind's own rules leave alone ([`TableKind::checked`]) is judged
//! by it: a parent against its children and a total against the rows it adds (the
//! sum trees of [`crate::check::sum_tree`], so one wrong figure is reported once, at
//! its root), an empty parent over figures, a formula that adds other rows than its
//! children, a percentage column against the pair of columns it is the ratio of,
//! a percentage beyond sense. Each rule reports the slips of one cause; the cells
//! that are wrong only because of a slip are in its `related`.
//!
//! A table whose numbering row states its arithmetic is the stated-arithmetic
//! family's ([`crate::model::renja`]): a cell that family finds wrong, or wrong
//! only because of another, is not reported here again.

mod columns;
mod ratios;
mod sums;

mod str001;
mod str002;
mod str003;
mod str004;
mod str005;

use super::Rule;
use crate::cell::CellRef;
use crate::config::Config;
use crate::finding::{Correction, Finding, Loc, Message, Severity};
use crate::model::Model;
use crate::read::Sheet;
use crate::structure::holds::Holds;
use crate::structure::{Reading, Table};
use crate::table::Col;
use crate::words::group_thousands;
pub use columns::FigureColumn;
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::sync::Arc;

pub static RULES: &[Rule] = &[
    str001::RULE,
    str002::RULE,
    str003::RULE,
    str004::RULE,
    str005::RULE,
];

/// Every table's structural slips, worked out once per run for every rule.
#[derive(Default)]
pub struct StructureAnalysis<'a> {
    pub tables: Vec<TableAnalysis<'a>>,
}

/// One table: its figure columns and what is wrong in them.
pub struct TableAnalysis<'a> {
    /// Index into `Reading::tables` and `Model::tables`.
    pub index: usize,
    pub table: &'a Table,
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    pub columns: Vec<FigureColumn<'a>>,
    pub slips: Vec<Slip>,
    /// Columns whose header promises figures but whose cells are mostly text.
    pub text_columns: Vec<TextColumn>,
}

impl TableAnalysis<'_> {
    pub fn loc(&self, at: CellRef) -> Loc {
        Loc::cell(&self.file, &self.sheet, at)
    }

    /// The table as a message names it: `A6:M490`.
    pub fn range(&self) -> String {
        self.table.range.to_string()
    }
}

/// A column whose header promises figures while its cells are mostly text.
#[derive(Debug, Clone, PartialEq)]
pub struct TextColumn {
    pub header: CellRef,
    pub label: String,
    pub texts: usize,
    pub filled: usize,
    /// A few of its texts, as written.
    pub examples: Vec<String>,
}

/// Why a cell is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Cause {
    /// A sum of the tree breaks here: `total` when its whole is a total row.
    Sum { total: bool, broken: Broken },
    /// A total (SUM or SUBTOTAL) that adds rows of several levels of the hierarchy
    /// together; `levels` names them, top first.
    MixedTotal { levels: Vec<Level> },
    /// A parent left empty while its children hold figures.
    EmptyParent,
    /// A parent's sum formula adds rows that are not its children or leaves one out.
    Formula {
        foreign: Vec<CellRef>,
        omitted: Vec<CellRef>,
    },
    /// A percentage (or ratio) that is not `numerator / denominator` of its row.
    Percent {
        numerator: CellRef,
        denominator: CellRef,
        /// Its figure is the exact value cut, not rounded, to its decimals.
        truncated: bool,
        /// `× 100` (a percentage) or `× 1` (a ratio).
        percent: bool,
    },
    /// A percentage over 1,000 %.
    Absurd,
}

/// A level of a table's hierarchy, as a message names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// The word its rows' names start with (`Program`), when most do and no level
    /// above has taken it.
    pub word: Option<&'static str>,
    /// Zero for the top rows.
    pub depth: u8,
    /// The name of its first row, shortened.
    pub example: String,
}

impl Level {
    /// `Program`, or `tingkat 3 («Perencanaan, Penganggaran…»)`.
    pub fn id(&self) -> String {
        match self.word {
            Some(w) => w.to_string(),
            None => format!("tingkat {} («{}»)", self.depth + 1, self.example),
        }
    }

    pub fn en(&self) -> String {
        match self.word {
            Some(w) => w.to_string(),
            None => format!("level {} («{}»)", self.depth + 1, self.example),
        }
    }
}

/// How a sum breaks, as the sum tree's solution explains it.
#[derive(Debug, Clone, PartialEq)]
pub enum Broken {
    /// The whole is what is wrong: its parts add up to the expected value.
    Whole,
    /// This part alone is wrong: its whole (which agrees with the level above)
    /// leaves the expected value for it.
    Part { whole: CellRef },
    /// The whole agrees with the level above but its parts add up to `parts`:
    /// one of them is wrong, which one is open.
    OneOfItsParts { parts: Decimal },
}

/// A wrong cell that is a cause, with what it should be.
#[derive(Debug, Clone, PartialEq)]
pub struct Slip {
    pub at: CellRef,
    pub cause: Cause,
    /// The cell as written, with its formula when it holds one (`=SUM(F11:F12) (300)`).
    pub found: String,
    /// What it should be, when the slip says (a percentage at its printed precision).
    pub expected: Option<Decimal>,
    /// The column's header as written.
    pub column: String,
    /// The row's name, as written.
    pub name: String,
    /// The cells it is judged against (its children, its operands).
    pub parts: Vec<CellRef>,
    /// Cells wrong only because of this one (formulas that follow from it).
    pub echoes: Vec<CellRef>,
    pub fix: Vec<Correction>,
    /// Nearly right: only its formula is off (its value comes out right), or a
    /// percentage cut instead of rounded. Reported as a warning.
    pub warning: bool,
}

impl<'a> StructureAnalysis<'a> {
    /// The analysis of every table of the run.
    pub fn new(reading: &'a Reading, model: &'a Model, cfg: &Config) -> Self {
        let tables = reading
            .tables
            .iter()
            .enumerate()
            .map(|(index, table)| {
                let info = &model.tables[index];
                let sheet = reading
                    .inputs
                    .iter()
                    .filter(|i| i.file == table.file)
                    .flat_map(|i| &i.sheets)
                    .find(|s| s.name == table.sheet);
                let columns = columns::read(table, checked_by_kind(model, index, table));
                let mut t = TableAnalysis {
                    index,
                    table,
                    file: info.file.clone(),
                    sheet: info.sheet.clone(),
                    text_columns: columns::text_columns(table),
                    columns,
                    slips: Vec::new(),
                };
                let stated = Stated::of(model, index);
                sums::analyse(&mut t, sheet, &stated, cfg);
                let doubt = sums_in_doubt(table);
                t.slips.retain(|s| !doubt.contains(&s.at.row));
                ratios::analyse(&mut t, sheet, &stated);
                t
            })
            .collect();
        StructureAnalysis { tables }
    }

    /// This family judges the percentages in sheet column `col` of table `index`
    /// (a column read as percentages or ratios that its kind leaves to it).
    pub fn judges_ratios(&self, index: usize, col: u32) -> bool {
        self.table(index).is_some_and(|t| {
            t.columns.iter().any(|c| {
                !c.checked
                    && c.field.index == col
                    && matches!(c.holds(), Holds::Percent | Holds::Ratio)
            })
        })
    }

    /// A slip of this family lies at `at` of table `index`, or follows from one.
    pub fn covers(&self, index: usize, at: CellRef) -> bool {
        self.table(index)
            .is_some_and(|t| t.slips.iter().any(|s| s.at == at || s.echoes.contains(&at)))
    }

    fn table(&self, index: usize) -> Option<&TableAnalysis<'a>> {
        self.tables.iter().find(|t| t.index == index)
    }
}

/// The sheet rows whose sums a code written twice leaves in doubt: the rows over
/// the first of the two (the second stands apart, its rows its own) and the
/// totals. The code itself is told where codes are judged (KOD, SPD006).
fn sums_in_doubt(table: &Table) -> BTreeSet<u32> {
    use crate::structure::tree::{RowRole, TreeProblem};
    let nodes = &table.tree.nodes;
    let mut doubt = BTreeSet::new();
    for p in &table.tree.problems {
        let TreeProblem::SameCode { first, .. } = p else {
            continue;
        };
        let mut up = nodes[*first].parent;
        while let Some(i) = up {
            if !doubt.insert(table.rows[i].row) {
                break;
            }
            up = nodes[i].parent;
        }
        doubt.extend(
            (0..nodes.len())
                .filter(|&i| nodes[i].role == RowRole::Total)
                .map(|i| table.rows[i].row),
        );
    }
    doubt
}

/// The columns of table `index` its kind's own rules judge: all of
/// [`crate::table::TableKind::checked`], but a budget realisation whose rows nest
/// deeper than its records hold leaves its arithmetic to this family.
fn checked_by_kind(model: &Model, index: usize, table: &Table) -> &'static [Col] {
    let nested = model
        .budget
        .realisations
        .iter()
        .any(|r| r.table == index && !r.sums_judged_here());
    if nested {
        &[]
    } else {
        table.kind.checked()
    }
}

/// What the stated-arithmetic family says of a table: its wrong cells and the
/// cells wrong only because of them (reported there, not here), the values it
/// gives them, and the columns its equations give.
#[derive(Default)]
pub(crate) struct Stated {
    /// Every cell it reports or echoes.
    covered: BTreeSet<CellRef>,
    /// The values its roots should have.
    corrected: std::collections::BTreeMap<CellRef, Decimal>,
    /// Sheet columns an equation of its numbering row gives.
    targets: BTreeSet<u32>,
}

impl Stated {
    fn of(model: &Model, table: usize) -> Stated {
        let mut out = Stated::default();
        for form in model.renja.forms.iter().filter(|f| f.table == table) {
            for slip in &form.slips {
                out.covered.insert(slip.at);
                out.covered.extend(slip.echoes.iter().copied());
                if let Some(v) = slip.expected {
                    out.corrected.insert(slip.at, v);
                }
            }
            for e in &form.equations {
                if let Some(g) = form.groups.iter().find(|g| g.number == e.target) {
                    out.targets.extend(g.kinerja);
                    out.targets.extend(g.rupiah);
                }
            }
        }
        out
    }

    pub fn covers(&self, at: CellRef) -> bool {
        self.covered.contains(&at)
    }
}

/// A figure as messages show it, Indonesian: grouped thousands, its own decimals (at most 4).
pub fn id_num(v: Decimal) -> String {
    let n = v.normalize();
    group_thousands(n, n.scale().min(4))
}

/// A figure as messages show it, English: `1,234.5`.
pub fn en_num(v: Decimal) -> String {
    id_num(v)
        .chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect()
}

/// Cells as a message lists them: `F11, F12, F15`.
pub fn cells(list: &[CellRef]) -> String {
    list.iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A row's name for a message: shortened when long.
pub fn short(name: &str) -> String {
    let n: Vec<char> = name.chars().collect();
    if n.len() <= 60 {
        name.to_string()
    } else {
        format!("{}…", n[..57].iter().collect::<String>().trim_end())
    }
}

/// Reports every slip `message` speaks for (it returns `None` for other rules'
/// slips): at its cell, its parts and echoes in `related`, the echoes named in the
/// message.
pub fn report(
    rule: &Rule,
    ctx: &super::Context,
    out: &mut Vec<Finding>,
    message: fn(&TableAnalysis, &Slip) -> Option<(String, String)>,
) {
    for t in &ctx.structure.tables {
        for slip in &t.slips {
            let Some((id, en)) = message(t, slip) else {
                continue;
            };
            let (echo_id, echo_en) = echoes(&slip.echoes);
            let mut related: Vec<Loc> = slip.parts.iter().map(|&c| t.loc(c)).collect();
            related.extend(slip.echoes.iter().map(|&c| t.loc(c)));
            let mut f = rule
                .finding(
                    t.loc(slip.at),
                    Message::new(id + &echo_id, en + &echo_en),
                    slip.found.clone(),
                )
                .related(related)
                .fix(slip.fix.clone());
            if let Some(v) = slip.expected {
                f = f.expect(v.normalize().to_string());
            }
            if slip.warning {
                f = f.severity(Severity::Warning);
            }
            out.push(f);
        }
    }
}

/// The sentence about the cells that follow from a root, both languages.
fn echoes(list: &[CellRef]) -> (String, String) {
    if list.is_empty() {
        return (String::new(), String::new());
    }
    let n = list.len();
    let list = cells(list);
    (
        format!(
            "; {n} sel lain salah hanya karena sel ini ({list}) dan ikut benar bila sel ini dibetulkan"
        ),
        format!(
            "; {n} other cells are wrong only because of this one ({list}) and come right when it is fixed"
        ),
    )
}

/// The cell as written, with its formula when it holds one.
fn found(sheet: Option<&Sheet>, at: CellRef, written: &str) -> String {
    match sheet.and_then(|s| s.formula(at)) {
        Some(f) => format!("={f} ({written})"),
        None => written.to_string(),
    }
}
