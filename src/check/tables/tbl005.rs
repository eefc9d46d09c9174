//! TBL005 table-under-a-merge: one merged range over a whole table's body, or over
//! the whole sheet.

use crate::cell::CellRange;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Loc, Message, Severity};
use crate::read::Sheet;

pub const RULE: Rule = Rule {
    code: "TBL005",
    name: "table-under-a-merge",
    severity: Severity::Warning,
    title: "A table, or the whole sheet, lies under one merged range",
    judul: "Tabel, atau seluruh lembar, tertutup satu rentang sel gabungan",
    doc: include_str!("tbl005.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::SHEET_NOTE,
    check,
};

fn spans(m: &CellRange) -> (u32, u32) {
    (m.last.row - m.first.row + 1, m.last.col - m.first.col + 1)
}

/// Whether `m` covers every filled cell of the sheet.
fn covers_the_sheet(sheet: &Sheet, m: &CellRange) -> bool {
    sheet.rows.iter().all(|(r, cells)| {
        cells.iter().all(|c| {
            (m.first.row..=m.last.row).contains(r) && (m.first.col..=m.last.col).contains(&c.at.col)
        })
    })
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for input in &ctx.reading.inputs {
        for sheet in &input.sheets {
            let tables: Vec<_> = ctx
                .reading
                .tables
                .iter()
                .filter(|t| t.file == input.file && t.sheet == sheet.name)
                .collect();
            let loc = |m: &CellRange| {
                Loc::cell(
                    &input.file.as_str().into(),
                    &sheet.name.as_str().into(),
                    m.first,
                )
            };
            for m in &sheet.merges {
                let (rows, cols) = spans(m);
                if rows < 2 || cols < 2 {
                    continue;
                }
                let mut told = false;
                for t in &tables {
                    let (Some(first), Some(last)) = (t.rows.first(), t.rows.last()) else {
                        continue;
                    };
                    let over_body = m.first.row <= first.row && last.row <= m.last.row;
                    let shared_cols = m.last.col.min(t.range.last.col) as i64
                        - m.first.col.max(t.range.first.col) as i64
                        + 1;
                    if !over_body || shared_cols < 2 {
                        continue;
                    }
                    told = true;
                    let message = Message::new(
                        format!(
                            "rentang {m} digabung (merge) menutupi seluruh isi tabel {} di {}: Excel hanya menampilkan sel pertamanya ({}); nilai di bawahnya dibaca sebagaimana tersimpan",
                            t.kind.title(),
                            t.range,
                            m.first
                        ),
                        format!(
                            "the range {m} is merged over the whole body of the {} table at {}: Excel shows only its first cell ({}); the values under it were read as they are stored",
                            t.kind.name(),
                            t.range,
                            m.first
                        ),
                    );
                    out.push(rule.finding(loc(m), message, m.to_string()));
                }
                if !told && tables.is_empty() && covers_the_sheet(sheet, m) {
                    let first = sheet
                        .rows
                        .first()
                        .and_then(|(_, cells)| cells.first())
                        .map(|c| c.written())
                        .unwrap_or_default();
                    let message = Message::new(
                        format!(
                            "seluruh isi lembar berada di bawah satu rentang gabungan {m}: hanya sel pertamanya {} yang berisi (\"{}\"); tidak ada tabel yang dapat dibaca",
                            m.first,
                            first.trim()
                        ),
                        format!(
                            "everything on the sheet lies under one merged range {m}: only its first cell {} holds a value (\"{}\"); no table can be read",
                            m.first,
                            first.trim()
                        ),
                    );
                    out.push(rule.finding(loc(m), message, m.to_string()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cell::CellRef;
    use crate::read::{Cell, Value};

    fn cell(row: u32, col: u32, text: &str) -> Cell {
        Cell {
            at: CellRef::new(row, col),
            value: Value::Text(text.into()),
            percent_format: false,
        }
    }

    #[test]
    fn a_merge_over_everything_on_the_sheet() {
        let sheet = Sheet {
            name: "Merged".into(),
            rows: vec![(0, vec![cell(0, 0, "PROGRAM/KEGIATAN")])],
            merges: vec![CellRange {
                first: CellRef::new(0, 0),
                last: CellRef::new(2, 3),
            }],
            formulas: Default::default(),
        };
        assert!(covers_the_sheet(&sheet, &sheet.merges[0]));
        let beside = CellRange {
            first: CellRef::new(0, 1),
            last: CellRef::new(2, 3),
        };
        assert!(!covers_the_sheet(&sheet, &beside));
    }
}
