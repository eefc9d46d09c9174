//! Small workbooks built in code for the rules' unit tests: written as xlsx in
//! memory, then read, modelled and checked as a run does, so a rule's test sees
//! exactly the tables and figures a user's workbook would give it.

use super::Rule;
use crate::config::Config;
use crate::finding::Finding;
use crate::structure::Reading;
use rust_xlsxwriter::Workbook;
use std::path::Path;

/// One worksheet: its name and its rows from `A1` down, each row's cells from
/// column `A`. A cell is text, except that a plain number (`66.16`, `-3`) is
/// written as a number cell; `""` leaves the cell blank and a leading `'` keeps
/// the rest as text (`'3` is the text 3, as in Excel). `=SUM(C3:C4) [1200]` is a
/// live formula with the value Excel would cache.
pub struct Sheet {
    pub name: &'static str,
    pub rows: Vec<Vec<&'static str>>,
}

pub fn sheet(name: &'static str, rows: &[&[&'static str]]) -> Sheet {
    Sheet {
        name,
        rows: rows.iter().map(|r| r.to_vec()).collect(),
    }
}

fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
}

/// The sheets as an xlsx workbook's bytes.
pub fn xlsx(sheets: &[Sheet]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for s in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(s.name).expect("a valid sheet name");
        for (r, row) in s.rows.iter().enumerate() {
            for (c, &cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if cell.is_empty() {
                    continue;
                }
                if let Some((formula, cached)) = cell
                    .strip_prefix('=')
                    .and_then(|f| f.strip_suffix(']'))
                    .and_then(|f| f.rsplit_once(" ["))
                {
                    let f = rust_xlsxwriter::Formula::new(formula).set_result(cached);
                    ws.write_formula(r, c, f).expect("a cell");
                } else if let Some(text) = cell.strip_prefix('\'') {
                    ws.write_string(r, c, text).expect("a cell");
                } else if is_plain_number(cell) {
                    ws.write_number(r, c, cell.parse::<f64>().expect("a number"))
                        .expect("a cell");
                } else {
                    ws.write_string(r, c, cell).expect("a cell");
                }
            }
        }
    }
    wb.save_to_buffer().expect("an xlsx in memory")
}

/// The findings of `rule` on these workbooks (file name, sheets) with `cfg`, in
/// the order a run reports them.
pub fn findings_with(rule: &Rule, cfg: &Config, files: &[(&str, &[Sheet])]) -> Vec<Finding> {
    let files = files
        .iter()
        .map(|(name, sheets)| (*name, xlsx(sheets)))
        .collect();
    let (reading, model) = modelled(files, cfg);
    super::check(&reading, &model, cfg)
        .into_iter()
        .filter(|f| f.code == rule.code)
        .collect()
}

/// Workbooks (file name, bytes) read and modelled as a run does.
pub fn modelled(files: Vec<(&str, Vec<u8>)>, cfg: &Config) -> (Reading, crate::model::Model) {
    let inputs = files
        .into_iter()
        .map(|(name, bytes)| crate::read::read_bytes(name, Path::new(name), bytes, cfg))
        .collect();
    let reading = crate::structure::build(inputs, cfg);
    let model = crate::model::build(&reading, cfg);
    (reading, model)
}

/// [`findings_with`] the shipped config, on one workbook `test.xlsx`.
pub fn findings(rule: &Rule, sheets: &[Sheet]) -> Vec<Finding> {
    findings_with(rule, &Config::default_config(), &[("test.xlsx", sheets)])
}

/// The one finding in `found`; any other count fails the test.
pub fn one(found: Vec<Finding>) -> Finding {
    assert_eq!(found.len(), 1, "{found:?}");
    found.into_iter().next().expect("one finding")
}

/// The one finding of `rule` on these sheets ([`findings`], [`one`]).
pub fn only(rule: &Rule, sheets: &[Sheet]) -> Finding {
    one(findings(rule, sheets))
}

/// Asserts what a finding is about: its code, where it points (`Sheet!A1`, or the
/// config key), the figure as found and the one expected.
pub fn assert_finding(f: &Finding, code: &str, at: &str, found: &str, expected: Option<&str>) {
    let place = match &*f.loc.sheet {
        "" => f.loc.cell.to_string(),
        sheet => format!("{sheet}!{}", f.loc.cell),
    };
    assert_eq!(
        (
            f.code,
            place.as_str(),
            f.found.as_str(),
            f.expected.as_deref()
        ),
        (code, at, found, expected),
        "{f:?}"
    );
}
