//! Stage 4, fix: findings that carry corrections become the cell changes of each
//! workbook ([`plan`]), and findings that do not become flags; a finding the
//! office accepted (the decide stage) changes and flags nothing. [`apply`] gives
//! the corrected data in memory. Pure data: the writer turns a [`WorkbookPlan`] into
//! a file, the report is built from the corrected data.

use crate::cell::CellRef;
use crate::finding::{Finding, FixPriority, Lang, NewValue, Place, Safety, Severity};
use crate::model::Model;
use crate::number::NumberKind;
use crate::read::{Cell, Input, InputStatus, Sheet, Value};
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
pub fn plan(inputs: &[Input], findings: &[Finding], lang: Lang) -> Vec<WorkbookPlan> {
    inputs
        .iter()
        .filter(|i| i.status == InputStatus::Ok)
        .map(|input| plan_one(findings, input, lang))
        .collect()
}

fn plan_one(findings: &[Finding], input: &Input, lang: Lang) -> WorkbookPlan {
    let mut plan = WorkbookPlan {
        file: input.file.clone(),
        changes: BTreeMap::new(),
        flags: BTreeMap::new(),
        findings: Vec::new(),
    };
    let mut ranks: HashMap<(String, CellRef), (FixPriority, bool)> = HashMap::new();
    for f in findings.iter().filter(|f| *f.loc.file == *input.file) {
        plan.findings.push(f.clone());
        // Accepted as it is: listed, but its cell is neither changed nor flagged.
        if !f.is_open() {
            continue;
        }
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

/// The corrected data in memory: every plan's changes applied to its input's
/// cells, each holding what the corrected workbook holds there (a formula its
/// value, a ratio its percentage format); whether anything changed. The report is
/// built from it, as from the written workbooks read back.
pub fn apply(inputs: &mut [Input], model: &Model, plans: &[WorkbookPlan]) -> bool {
    let mut changed = false;
    for col in model
        .numeric_columns
        .iter()
        .filter(|c| c.number == NumberKind::Percent && c.ratio)
    {
        let Some(sheet) = inputs
            .iter_mut()
            .find(|i| *i.file == *col.file)
            .and_then(|i| i.sheets.iter_mut().find(|s| *s.name == *col.sheet))
        else {
            continue;
        };
        for f in &col.figures {
            if let Some(cell) = sheet.cell_mut(f.at) {
                changed |= !cell.percent_format;
                cell.percent_format = true;
            }
        }
    }
    for plan in plans.iter().filter(|p| !p.changes.is_empty()) {
        let Some(input) = inputs.iter_mut().find(|i| i.file == plan.file) else {
            continue;
        };
        for ((sheet, at), change) in &plan.changes {
            let Some(sheet) = input.sheets.iter_mut().find(|s| s.name == *sheet) else {
                continue;
            };
            let value = match &change.value {
                NewValue::Number(n) => Value::Number {
                    value: n.normalize(),
                },
                NewValue::Text(t) => Value::Text(t.as_str().into()),
                NewValue::Formula { value, .. } => Value::Number {
                    value: value.normalize(),
                },
            };
            set_cell(sheet, *at, value);
            changed = true;
        }
    }
    changed
}

fn set_cell(sheet: &mut Sheet, at: CellRef, value: Value) {
    let row = match sheet.rows.binary_search_by_key(&at.row, |(r, _)| *r) {
        Ok(i) => i,
        Err(i) => {
            sheet.rows.insert(i, (at.row, Vec::new()));
            i
        }
    };
    let cells = &mut sheet.rows[row].1;
    match cells.binary_search_by_key(&at.col, |c| c.at.col) {
        Ok(i) => cells[i].value = value,
        Err(i) => cells.insert(
            i,
            Cell {
                at,
                value,
                percent_format: false,
            },
        ),
    }
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
