//! TBL001 sheet-without-table: a sheet in which no table of a known kind was found;
//! only the structure of its plain tables (if any) is judged.

use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Loc, Message, Place, Severity};
use crate::table::TableKind;

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
        for sheet in &input.sheets {
            let sheet = sheet.name.as_str();
            let mut tables = ctx
                .reading
                .tables
                .iter()
                .filter(|t| t.file == input.file && t.sheet == sheet);
            let message = match tables.next() {
                None => Message::new(
                    format!("lembar \"{sheet}\" tidak berisi tabel yang dikenali"),
                    format!("sheet \"{sheet}\" holds no recognised table"),
                ),
                Some(first) if first.kind == TableKind::Tabel
                    && tables.all(|t| t.kind == TableKind::Tabel) =>
                {
                    Message::new(
                        format!(
                            "lembar \"{sheet}\" tidak berisi tabel yang jenisnya dikenali; hanya susunan tabelnya (jumlah, induk dan anak, persentase) yang diperiksa"
                        ),
                        format!(
                            "sheet \"{sheet}\" holds no table of a known kind; only its tables' structure (totals, parents and children, percentages) is checked"
                        ),
                    )
                }
                Some(_) => continue,
            };
            let loc = Loc {
                file: input.file.as_str().into(),
                sheet: sheet.into(),
                cell: Place::Cell(crate::cell::CellRef::new(0, 0)),
            };
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
