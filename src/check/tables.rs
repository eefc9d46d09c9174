//! Tables family: what the reading stage could not place.

use super::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Loc, Message, Place, Severity};

pub static RULES: &[Rule] = &[Rule {
    code: "TBL001",
    name: "sheet-without-table",
    severity: Severity::Info,
    title: "A sheet holds no table the tool knows",
    judul: "Lembar kerja tanpa tabel yang dikenali",
    doc: "Reports each sheet of a readable workbook in which no table was found by its header \
words. Often right (a list of equipment, a cover sheet); when a table should have been found, \
add its header words in `[headers.<kind>]` of the config.\n\n\
## Example\nSheet `Sarana` with `NO | JENIS BARANG | JUMLAH | KETERANGAN` is no table kind of \
the LKjIP checks: one info finding at `Sarana!A1`.\n\n## Fix\nNone.",
    fixes: Fixes::No,
    handling: Handling::SHEET_NOTE,
    check: sheets_without_table,
}];

fn sheets_without_table(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for input in &ctx.reading.inputs {
        for sheet in &input.sheets_without_table {
            let loc = Loc {
                file: input.file.as_str().into(),
                sheet: sheet.as_str().into(),
                cell: Place::Cell(crate::cell::CellRef::new(0, 0)),
            };
            let message = Message::new(
                format!("lembar \"{sheet}\" tidak berisi tabel yang dikenali"),
                format!("sheet \"{sheet}\" holds no recognised table"),
            );
            out.push(rule.finding(loc, message, ""));
        }
    }
}
