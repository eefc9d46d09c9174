//! TBL007 tables-side-by-side: two tables with no empty column between them.

use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Loc, Message, Severity};

pub const RULE: Rule = Rule {
    code: "TBL007",
    name: "tables-side-by-side",
    severity: Severity::Info,
    title: "Two tables stand side by side with no empty column between them",
    judul: "Dua tabel berdampingan tanpa kolom kosong di antaranya",
    doc: include_str!("tbl007.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::SHEET_NOTE,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let tables = &ctx.reading.tables;
    for a in tables {
        for b in tables {
            let touching = a.file == b.file
                && a.sheet == b.sheet
                && a.range.last.col + 1 == b.range.first.col
                && a.range.first.row <= b.range.last.row
                && b.range.first.row <= a.range.last.row;
            if !touching {
                continue;
            }
            let message = Message::new(
                format!(
                    "tabel {} di {} dan tabel {} di {} berdampingan tanpa kolom kosong di antaranya: keduanya dibaca sebagai dua tabel menurut judul kolomnya; sisipkan satu kolom kosong agar jelas",
                    a.kind.title(),
                    a.range,
                    b.kind.title(),
                    b.range
                ),
                format!(
                    "the {} table at {} and the {} table at {} stand side by side with no empty column between them: they were read as two tables by their headers; an empty column between them makes it plain",
                    a.kind.name(),
                    a.range,
                    b.kind.name(),
                    b.range
                ),
            );
            let loc = Loc::cell(
                &b.file.as_str().into(),
                &b.sheet.as_str().into(),
                b.header.first,
            );
            let related = vec![Loc::cell(&loc.file, &loc.sheet, a.header.first)];
            out.push(
                rule.finding(loc, message, format!("{} | {}", a.range, b.range))
                    .related(related),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, only, sheet};
    use crate::table::TableKind;

    #[test]
    fn a_budget_table_and_an_achievement_table_with_no_gap() {
        let rows: &[&[&str]] = &[
            &[
                "PROGRAM/KEGIATAN",
                "PAGU ANGGARAN (Rp)",
                "REALISASI (Rp)",
                "%",
                "INDIKATOR KINERJA",
                "TARGET",
                "REALISASI",
                "CAPAIAN (%)",
            ],
            &[
                "Kegiatan A",
                "1000",
                "900",
                "90",
                "Nilai SAKIP",
                "66.16",
                "67.02",
                "98.5",
            ],
            &[
                "Kegiatan B",
                "1000",
                "800",
                "80",
                "Nilai IKE",
                "0.6333",
                "0.6512",
                "102.83",
            ],
        ];
        let f = &only(&RULE, &[sheet("Dua", rows)]);
        assert_finding(f, "TBL007", "Dua!E1", "A1:D3 | E1:H3", None);
        // Each is a table of its own kind (the achievement table's capaian is
        // then checked like any: tests/integration/judged.rs).
        let cfg = crate::config::Config::default_config();
        let (reading, _) = crate::check::testing::modelled(
            vec![("t.xlsx", crate::check::testing::xlsx(&[sheet("Dua", rows)]))],
            &cfg,
        );
        let kinds: Vec<(TableKind, String)> = reading
            .tables
            .iter()
            .map(|t| (t.kind, t.range.to_string()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (TableKind::Anggaran, "A1:D3".to_string()),
                (TableKind::Capaian, "E1:H3".to_string())
            ]
        );
    }
}
