//! TBL006 header-without-rows: a header of a known table kind with no data under it.

use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Loc, Message, Severity};

pub const RULE: Rule = Rule {
    code: "TBL006",
    name: "header-without-rows",
    severity: Severity::Info,
    title: "A table's header has no data rows under it",
    judul: "Judul kolom tabel tanpa baris data di bawahnya",
    doc: include_str!("tbl006.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::SHEET_NOTE,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    for t in ctx.reading.tables.iter().filter(|t| t.rows.is_empty()) {
        let message = Message::new(
            format!(
                "judul kolom tabel {} di {} tidak diikuti baris data: tidak ada yang dapat diperiksa di tabel ini",
                t.kind.title(),
                t.header
            ),
            format!(
                "the header of the {} table at {} has no data rows under it: nothing in this table can be checked",
                t.kind.name(),
                t.header
            ),
        );
        let loc = Loc::cell(
            &t.file.as_str().into(),
            &t.sheet.as_str().into(),
            t.header.first,
        );
        out.push(rule.finding(loc, message, t.header.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, sheet};

    #[test]
    fn a_capaian_header_left_empty_and_a_budget_header_over_a_note() {
        let found = findings(
            &RULE,
            &[
                sheet(
                    "Capaian",
                    &[
                        &["TABEL 3.2 CAPAIAN KINERJA TAHUN 2023"],
                        &[""],
                        &[
                            "NO",
                            "INDIKATOR KINERJA",
                            "TARGET",
                            "REALISASI",
                            "CAPAIAN (%)",
                        ],
                    ],
                ),
                sheet(
                    "Anggaran",
                    &[
                        &[
                            "PROGRAM/KEGIATAN",
                            "PAGU ANGGARAN (Rp)",
                            "REALISASI (Rp)",
                            "%",
                        ],
                        &[""],
                        &["Sumber: DPA 2023"],
                    ],
                ),
            ],
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_finding(&found[0], "TBL006", "Anggaran!A1", "A1:D1", None);
        assert_finding(&found[1], "TBL006", "Capaian!A3", "A3:E3", None);
        assert_eq!(
            found[1].message.en,
            "the header of the capaian table at A3:E3 has no data rows under it: nothing in this table can be checked"
        );
    }

    #[test]
    fn a_title_and_a_note_are_no_header() {
        let found = findings(
            &RULE,
            &[sheet(
                "Catatan",
                &[&["CATATAN"], &["Sumber: DPA 2023", "Bappeda"]],
            )],
        );
        assert_eq!(found, vec![]);
    }
}
