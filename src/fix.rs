//! Stage 4, fix: findings that carry corrections become the cell changes of each
//! workbook, and findings that do not become flags; the model gives each workbook's
//! look (number formats, header rows). Pure data: the writer turns a
//! [`WorkbookLook`] and a [`WorkbookPlan`] into a file.

use crate::cell::{CellRange, CellRef};
use crate::finding::{Finding, FixPriority, Lang, NewValue, Place, Safety, Severity};
use crate::model::Model;
use crate::number::NumberKind;
use crate::read::{Input, InputStatus, Reading};
use crate::Analysis;
use std::collections::{BTreeMap, HashMap};

/// One cell's new content and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub value: NewValue,
    /// The cell as it was written.
    pub was: String,
    /// The rules that asked for it, and their messages.
    pub reasons: Vec<(&'static str, String)>,
    pub safety: Safety,
}

/// A finding left for a person, shown at its cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
}

/// How a number is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// `#,##0`
    Money,
    /// `0.0000`
    Index,
    /// A percentage stored as a whole number, with this many decimals.
    Percent(u32),
    /// A percentage stored as a ratio, shown with `%` and this many decimals.
    Ratio(u32),
    /// As typed.
    General,
}

/// How a workbook's cells are shown, known from the model before any rule has run,
/// so the writer can lay the copy out while the rules work.
#[derive(Debug, Clone)]
pub struct WorkbookLook {
    /// By sheet, sorted by cell (the order the writer walks a sheet in).
    pub styles: HashMap<String, Vec<(CellRef, NumberStyle)>>,
    /// Header rows of the located tables, shown bold.
    pub headers: Vec<(String, CellRange)>,
}

/// What the findings change in the corrected copy of one workbook.
#[derive(Debug, Clone)]
pub struct WorkbookPlan {
    /// The input's file name as found under the input path.
    pub file: String,
    /// Keyed by (sheet, cell).
    pub changes: BTreeMap<(String, CellRef), Change>,
    pub flags: BTreeMap<(String, CellRef), Vec<Flag>>,
    /// This workbook's findings, for its `Temuan` sheet.
    pub findings: Vec<Finding>,
}

/// A correction's weight when two rules want the same cell: the cell's own
/// derivation (a recomputed figure) wins over reading it differently, and a live
/// formula over a typed value.
fn rank(f: &Finding, value: &NewValue) -> (FixPriority, bool) {
    (
        f.handling.priority,
        matches!(value, NewValue::Formula { .. }),
    )
}

/// The plan of every readable workbook.
pub fn plan(analysis: &Analysis, lang: Lang) -> Vec<WorkbookPlan> {
    analysis
        .reading
        .inputs
        .iter()
        .filter(|i| i.status == InputStatus::Ok)
        .map(|input| plan_one(analysis, input, lang))
        .collect()
}

fn plan_one(analysis: &Analysis, input: &Input, lang: Lang) -> WorkbookPlan {
    let mut plan = WorkbookPlan {
        file: input.file.clone(),
        changes: BTreeMap::new(),
        flags: BTreeMap::new(),
        findings: Vec::new(),
    };
    let mut ranks: HashMap<(String, CellRef), (FixPriority, bool)> = HashMap::new();
    for f in analysis
        .findings
        .iter()
        .filter(|f| *f.loc.file == *input.file)
    {
        plan.findings.push(f.clone());
        let sheet = f.loc.sheet.to_string();
        let Place::Cell(at) = f.loc.cell else {
            continue;
        };
        let message = f.message.get(lang).to_string();
        if f.fix.is_empty() {
            if f.handling.flag_cell {
                plan.flags.entry((sheet, at)).or_default().push(Flag {
                    code: f.code,
                    severity: f.severity,
                    message,
                });
            }
            continue;
        }
        for c in &f.fix {
            let key = (sheet.clone(), c.cell);
            let r = rank(f, &c.value);
            match plan.changes.get_mut(&key) {
                Some(existing) if ranks[&key] >= r => {
                    existing.reasons.push((f.code, message.clone()))
                }
                _ => {
                    let mut reasons = plan
                        .changes
                        .get(&key)
                        .map(|e| e.reasons.clone())
                        .unwrap_or_default();
                    reasons.insert(0, (f.code, message.clone()));
                    let was = original(input, &sheet, c.cell);
                    plan.changes.insert(
                        key.clone(),
                        Change {
                            value: c.value.clone(),
                            was,
                            reasons,
                            safety: c.safety,
                        },
                    );
                    ranks.insert(key, r);
                }
            }
        }
    }
    plan
}

/// The look of one readable workbook.
pub fn look(reading: &Reading, model: &Model, input: &Input) -> WorkbookLook {
    let mut look = WorkbookLook {
        styles: HashMap::new(),
        headers: Vec::new(),
    };
    for table in reading.tables.iter().filter(|t| t.file == input.file) {
        look.headers.push((table.sheet.clone(), table.header));
    }
    for col in model
        .numeric_columns
        .iter()
        .filter(|c| *c.file == *input.file)
    {
        let styles = look.styles.entry(col.sheet.to_string()).or_default();
        for f in &col.figures {
            let style = match col.number {
                NumberKind::Money => NumberStyle::Money,
                NumberKind::Index => NumberStyle::Index,
                NumberKind::Percent if col.ratio => NumberStyle::Ratio(f.decimals),
                NumberKind::Percent => NumberStyle::Percent(f.decimals),
                NumberKind::Count | NumberKind::Measure => NumberStyle::General,
            };
            // General is what an unlisted cell gets.
            if style != NumberStyle::General {
                styles.push((f.at, style));
            }
        }
    }
    for styles in look.styles.values_mut() {
        // Stable, so should two tables claim a cell, the first one's look stays.
        styles.sort_by_key(|(at, _)| *at);
        styles.dedup_by_key(|(at, _)| *at);
    }
    look
}

/// The text of a cell as it was.
fn original(input: &Input, sheet: &str, at: CellRef) -> String {
    input
        .sheets
        .iter()
        .find(|s| s.name == sheet)
        .and_then(|s| s.cell(at))
        .map(|c| c.written())
        .unwrap_or_default()
}
