//! IDT001 numbering: the NO column runs 1, 2, 3 … without gaps or repeats.

use crate::cell::CellRef;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Correction, Finding, Loc, Message, NewValue, Safety, Severity};
use crate::read::{Cell, Value};
use crate::structure::Table;
use crate::table::{Col, TableKind};
use rust_decimal::prelude::*;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    code: "IDT001",
    name: "numbering",
    severity: Severity::Warning,
    title: "Row numbers skip or repeat",
    judul: "Nomor urut baris terlompat atau berulang",
    doc: include_str!("idt001.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

/// A row number as offices write it: `1`, `1.`, `(1)`, `1)`; with how to write another.
fn row_number(value: &Value) -> Option<(u32, &'static str, &'static str, bool)> {
    match value {
        Value::Number { value, .. } => (value.fract().is_zero() && *value >= Decimal::ONE)
            .then(|| value.to_u32())
            .flatten()
            .map(|n| (n, "", "", true)),
        Value::Text(t) => {
            let t = t.trim();
            let (prefix, rest) = t.strip_prefix('(').map_or(("", t), |r| ("(", r));
            let (digits, suffix) = match rest.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => rest.split_at(i),
                None => (rest, ""),
            };
            let suffix = match (prefix, suffix.trim()) {
                ("(", ")") => ")",
                ("", "") => "",
                ("", ".") => ".",
                ("", ")") => ")",
                _ => return None,
            };
            if digits.is_empty() || digits.len() > 6 {
                return None;
            }
            let n: u32 = digits.parse().ok()?;
            (n >= 1).then_some((n, prefix, suffix, false))
        }
        _ => None,
    }
}

struct Numbered<'a> {
    /// Index into the table's rows.
    row: usize,
    at: CellRef,
    n: u32,
    cell: &'a Cell,
    prefix: &'static str,
    suffix: &'static str,
    number: bool,
}

fn numbered_rows(table: &Table) -> Vec<Numbered<'_>> {
    let Some(col) = table.column(Col::No) else {
        return Vec::new();
    };
    table
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, r.at(col.index)?)))
        .filter_map(|(row, c)| {
            let (n, prefix, suffix, number) = row_number(&c.value)?;
            Some(Numbered {
                row,
                at: c.at,
                n,
                cell: c,
                prefix,
                suffix,
                number,
            })
        })
        .collect()
}

/// Every break of a numbering that should start at `start`: for each run of rows
/// that do not carry their expected number, (position, expected number) of each.
/// A new block starts where a 1 is followed by a 2. With the number the rows
/// after these should go on from.
fn breaks(nums: &[u32], start: u32) -> (Vec<Vec<(usize, u32)>>, u32) {
    let mut out: Vec<Vec<(usize, u32)>> = Vec::new();
    let mut expected = start;
    let mut in_run = false;
    for (i, &n) in nums.iter().enumerate() {
        if n != expected && n == 1 && nums.get(i + 1) == Some(&2) {
            expected = 1;
        }
        if n == expected {
            in_run = false;
        } else {
            if !in_run {
                out.push(Vec::new());
                in_run = true;
            }
            if let Some(run) = out.last_mut() {
                run.push((i, expected));
            }
        }
        expected += 1;
    }
    (out, expected)
}

/// Columns whose value names the group a row belongs to: numbering may start
/// again in each (`1 2` under each sasaran, each kecamatan's villages from 1).
const GROUP_COLUMNS: [Col; 6] = [
    Col::Tujuan,
    Col::Sasaran,
    Col::Program,
    Col::Prog,
    Col::Kabupaten,
    Col::Kecamatan,
];

/// For each numbered row, whether it opens a group of its own: its parent in the
/// table's hierarchy is not the previous numbered row's (a program heading over
/// its kegiatan), or a grouping column (sasaran, program, kecamatan) takes a new
/// value at it or in the rows since the previous one (a merged sasaran cell).
fn group_starts(table: &Table, rows: &[Numbered]) -> Vec<bool> {
    let parent = |i: usize| table.tree.nodes.get(i).and_then(|n| n.parent);
    let columns: Vec<u32> = GROUP_COLUMNS
        .iter()
        .filter_map(|&c| table.column(c).map(|x| x.index))
        .collect();
    // Each grouping column's value carried down over blank (merged) cells.
    let mut carried: Vec<Option<String>> = vec![None; columns.len()];
    let mut changed_at: Vec<bool> = vec![false; table.rows.len()];
    for (i, r) in table.rows.iter().enumerate() {
        for (k, &col) in columns.iter().enumerate() {
            let Some(text) = r.at(col).map(|c| c.written().trim().to_uppercase()) else {
                continue;
            };
            if text.is_empty() {
                continue;
            }
            if carried[k].as_deref() != Some(text.as_str()) {
                changed_at[i] = carried[k].is_some();
                carried[k] = Some(text);
            }
        }
    }
    rows.iter()
        .enumerate()
        .map(|(k, r)| {
            let Some(prev) = k.checked_sub(1).map(|p| &rows[p]) else {
                return false;
            };
            parent(r.row) != parent(prev.row) || changed_at[prev.row + 1..=r.row].contains(&true)
        })
        .collect()
}

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    // The last number of the previous table of each kind and sheet, for tables
    // continued below a repeated header.
    let mut last_of: HashMap<(TableKind, &str, &str), (u32, u32)> = HashMap::new();
    for table in &ctx.reading.tables {
        if table.kind == TableKind::Pembiayaan {
            continue;
        }
        let rows = numbered_rows(table);
        let key = (table.kind, table.file.as_str(), table.sheet.as_str());
        let Some(first) = rows.first() else { continue };
        let start = match last_of.get(&key) {
            Some(&(last, end_row)) if first.n == last + 1 && end_row < table.range.first.row => {
                first.n
            }
            _ => 1,
        };
        last_of.insert(key, (rows.last().map_or(0, |r| r.n), table.range.last.row));
        // Each group is numbered on its own: from 1 again, or on from the group
        // before; a number that is neither is a break like any other.
        let starts = group_starts(table, &rows);
        let mut begin = 0;
        let mut expected = start;
        let mut restarting = false;
        while begin < rows.len() {
            let end = (begin + 1..rows.len())
                .find(|&k| starts[k])
                .unwrap_or(rows.len());
            if begin > 0 {
                let first = rows[begin].n;
                expected = if first == 1 || (restarting && first != expected) {
                    restarting = true;
                    1
                } else {
                    expected
                };
            }
            let nums: Vec<u32> = rows[begin..end].iter().map(|r| r.n).collect();
            let (runs, next) = breaks(&nums, expected);
            for renumber in runs {
                let renumber: Vec<(usize, u32)> =
                    renumber.into_iter().map(|(i, e)| (begin + i, e)).collect();
                numbering_finding(rule, table, &rows, &renumber, out);
            }
            expected = next;
            begin = end;
        }
    }
}

/// One break: the finding at its first row, renumbering the rows of the run.
fn numbering_finding(
    rule: &Rule,
    table: &Table,
    rows: &[Numbered],
    renumber: &[(usize, u32)],
    out: &mut Vec<Finding>,
) {
    let Some(&(i, expected)) = renumber.first() else {
        return;
    };
    let at = &rows[i];
    let prev = i.checked_sub(1).map(|p| &rows[p]);
    let loc = Loc::cell(
        &table.file.as_str().into(),
        &table.sheet.as_str().into(),
        at.at,
    );
    let after_id = prev
        .map(|p| format!(" setelah {} di {}", p.cell.written(), p.at))
        .unwrap_or_default();
    let after_en = prev
        .map(|p| format!(" after {} in {}", p.cell.written(), p.at))
        .unwrap_or_default();
    let message = Message::new(
        format!(
            "nomor urut {}{after_id} pada tabel {} seharusnya {expected}; {} baris dinomori ulang",
            at.cell.written(),
            table.kind.title(),
            renumber.len()
        ),
        format!(
            "row number {}{after_en} in table {} should be {expected}; {} rows are renumbered",
            at.cell.written(),
            table.kind.name(),
            renumber.len()
        ),
    );
    let fix = renumber
        .iter()
        .map(|&(j, e)| {
            let r = &rows[j];
            let value = if r.number {
                NewValue::Number(Decimal::from(e))
            } else {
                NewValue::Text(format!("{}{e}{}", r.prefix, r.suffix))
            };
            Correction {
                cell: r.at,
                value,
                safety: Safety::Safe,
            }
        })
        .collect();
    let related = prev
        .map(|p| vec![Loc::cell(&loc.file, &loc.sheet, p.at)])
        .unwrap_or_default();
    out.push(
        rule.finding(loc, message, at.cell.written())
            .expect(expected.to_string())
            .related(related)
            .fix(fix),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: &str) -> Option<u32> {
        row_number(&Value::Text(v.into())).map(|x| x.0)
    }

    #[test]
    fn row_numbers_as_written() {
        assert_eq!(n("1"), Some(1));
        assert_eq!(n("12."), Some(12));
        assert_eq!(n("(3)"), Some(3));
        assert_eq!(n("4)"), Some(4));
        assert_eq!(n("a."), None);
        assert_eq!(n("1.1"), None);
        assert_eq!(n("I"), None);
        assert_eq!(n("JUMLAH"), None);
        assert_eq!(
            row_number(&Value::Number {
                value: Decimal::from(7)
            })
            .map(|x| x.0),
            Some(7)
        );
        assert_eq!(
            row_number(&Value::Number {
                value: Decimal::new(15, 1)
            }),
            None
        );
    }

    #[test]
    fn numbering_breaks() {
        let none: Vec<Vec<(usize, u32)>> = vec![];
        assert_eq!(breaks(&[1, 2, 3, 4], 1).0, none);
        assert_eq!(breaks(&[1, 2, 4, 4, 5], 1).0, vec![vec![(2, 3)]]);
        assert_eq!(breaks(&[1, 2, 3, 3, 5], 1).0, vec![vec![(3, 4)]]);
        // A deleted row shifts every number after it: one break.
        assert_eq!(breaks(&[1, 2, 4, 5], 1).0, vec![vec![(2, 3), (3, 4)]]);
        // Two separate slips: two breaks, each at its own row.
        assert_eq!(
            breaks(&[1, 2, 2, 4, 5, 6, 6, 8], 1),
            (vec![vec![(2, 3)], vec![(6, 7)]], 9)
        );
        // A new block of numbering, and a break inside the second block.
        assert_eq!(breaks(&[1, 2, 1, 2, 3], 1).0, none);
        assert_eq!(breaks(&[1, 2, 1, 2, 2], 1).0, vec![vec![(4, 3)]]);
        assert_eq!(breaks(&[1, 2, 3, 1, 5], 1).0, vec![vec![(3, 4)]]);
        // A continued table.
        assert_eq!(breaks(&[30, 31], 30).0, none);
    }

    #[test]
    fn a_repeated_number_in_a_village_list() {
        use crate::check::testing::{assert_finding, only, sheet};
        let f = &only(
            &RULE,
            &[sheet(
                "IDM 2023",
                &[
                    &["NO", "KECAMATAN", "NAMA DESA", "IDM", "STATUS"],
                    &["1", "KASUI", "KASUI PASAR", "0.7512", "MAJU"],
                    &["2", "KASUI", "JAYA TINGGI", "0.6611", "BERKEMBANG"],
                    &["2", "KASUI", "DATAR BANCONG", "0.6702", "BERKEMBANG"],
                    &["4", "KASUI", "GUNUNG BARU", "0.6840", "BERKEMBANG"],
                ],
            )],
        );
        assert_finding(f, "IDT001", "IDM 2023!A4", "2", Some("3"));
        assert_eq!(f.related[0].cell.to_string(), "A3");
        assert_eq!(f.fix.len(), 1);
        assert_eq!(f.fix[0].value, NewValue::Number(Decimal::from(3)));
    }

    #[test]
    fn numbering_that_starts_again_under_each_sasaran_is_no_slip() {
        use crate::check::testing::{findings, sheet};
        // A sasaran merged down over its indicators, one of them alone.
        let rows: &[&[&str]] = &[
            &[
                "NO",
                "SASARAN",
                "INDIKATOR KINERJA",
                "TARGET",
                "REALISASI",
                "CAPAIAN (%)",
            ],
            &["1", "Sasaran A", "Indikator a1", "100", "100", "100"],
            &["2", "", "Indikator a2", "100", "100", "100"],
            &["1", "Sasaran B", "Indikator b1", "100", "100", "100"],
            &["1", "Sasaran C", "Indikator c1", "100", "100", "100"],
            &["2", "", "Indikator c2", "100", "100", "100"],
            &["1", "Sasaran D", "Indikator d1", "100", "100", "100"],
        ];
        assert_eq!(findings(&RULE, &[sheet("Tabel 3.2", rows)]), vec![]);
        // Numbered on across the sasaran, as well.
        let on: &[&[&str]] = &[
            rows[0],
            rows[1],
            rows[2],
            &["3", "Sasaran B", "Indikator b1", "100", "100", "100"],
            &["4", "Sasaran C", "Indikator c1", "100", "100", "100"],
        ];
        assert_eq!(findings(&RULE, &[sheet("Tabel 3.2", on)]), vec![]);
    }

    #[test]
    fn numbering_that_starts_again_under_each_program_is_no_slip() {
        use crate::check::testing::{findings, sheet};
        let rows: &[&[&str]] = &[
            &[
                "NO",
                "PROGRAM/KEGIATAN",
                "PAGU ANGGARAN (Rp)",
                "REALISASI (Rp)",
                "%",
            ],
            &["", "Program Penunjang Urusan", "", "", ""],
            &["1", "Perencanaan", "1000000", "900000", "90"],
            &["2", "Administrasi Keuangan", "1000000", "900000", "90"],
            &["", "Program Pemberdayaan Desa", "", "", ""],
            &["1", "Fasilitasi", "1000000", "900000", "90"],
            &["", "Program Penataan Desa", "", "", ""],
            &["1", "Penataan", "1000000", "900000", "90"],
        ];
        assert_eq!(findings(&RULE, &[sheet("Tabel 3.4", rows)]), vec![]);
    }

    #[test]
    fn a_slip_inside_a_group_or_where_one_starts_is_still_found() {
        use crate::check::testing::{assert_finding, findings, sheet};
        let rows: &[&[&str]] = &[
            &[
                "NO",
                "SASARAN",
                "INDIKATOR KINERJA",
                "TARGET",
                "REALISASI",
                "CAPAIAN (%)",
            ],
            &["1", "Sasaran A", "Indikator a1", "100", "100", "100"],
            &["2", "", "Indikator a2", "100", "100", "100"],
            &["1", "Sasaran B", "Indikator b1", "100", "100", "100"],
            &["1", "", "Indikator b2", "100", "100", "100"],
            &["4", "Sasaran C", "Indikator c1", "100", "100", "100"],
        ];
        let found = findings(&RULE, &[sheet("Tabel 3.2", rows)]);
        assert_eq!(found.len(), 2, "{found:?}");
        // `1` twice under sasaran B.
        assert_finding(&found[0], "IDT001", "Tabel 3.2!A5", "1", Some("2"));
        // Sasaran C's first row: neither 1 again (as B did) nor on from B.
        assert_finding(&found[1], "IDT001", "Tabel 3.2!A6", "4", Some("1"));
    }
}
