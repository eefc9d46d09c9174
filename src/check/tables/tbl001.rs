//! TBL001 sheet-without-table: a sheet in which no table was found by its header words.

use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Loc, Message, Place, Severity};

pub const RULE: Rule = Rule {
    code: "TBL001",
    name: "sheet-without-table",
    severity: Severity::Info,
    title: "A sheet holds no table the tool knows",
    judul: "Lembar kerja tanpa tabel yang dikenali",
    doc: include_str!("tbl001.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::SHEET_NOTE,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, only, sheet};

    #[test]
    fn a_list_of_equipment_beside_a_known_table() {
        let f = &only(
            &RULE,
            &[
                sheet(
                    "Sarana",
                    &[
                        &["NO", "JENIS BARANG", "JUMLAH", "KETERANGAN"],
                        &["1", "Laptop", "4", "Baik"],
                    ],
                ),
                sheet(
                    "Tabel 3.4",
                    &[
                        &[
                            "PROGRAM/KEGIATAN",
                            "PAGU ANGGARAN (Rp)",
                            "REALISASI (Rp)",
                            "%",
                        ],
                        &["Kegiatan A", "1000", "900", "90"],
                    ],
                ),
            ],
        );
        assert_finding(f, "TBL001", "Sarana!A1", "", None);
        assert!(!f.handling.flag_cell);
    }
}
