//! A table's title lines (the text rows right above its header: `TABEL 3.2`,
//! `PENGUKURAN KINERJA TAHUN 2022`, `TAHUN ANGGARAN 2026`) and the year the table
//! names for itself, in those lines or in its header labels (`Target 2022`,
//! `Realisasi Tahun 2022`). A table of several years (an IKU of 2021–2026, a
//! Renstra period) names none. Read once for every table, after it is located.

use super::Table;
use crate::cell::CellRef;
use crate::read::{Cell, Sheet, Value};

/// At most this many sheet rows above a header are read for its title.
const TITLE_ROWS: u32 = 8;

/// The year a table names for itself, and where it says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnYear {
    pub year: i32,
    /// The title or header cell the year was read from.
    pub at: CellRef,
    /// That cell's text.
    pub written: String,
}

/// Fills in the title lines and the own year of a sheet's tables (located in
/// reading order).
pub(super) fn read(sheet: &Sheet, tables: &mut [Table]) {
    for i in 0..tables.len() {
        let title = title_of(sheet, tables, i);
        let year = own_year(&tables[i], &title);
        tables[i].title = title;
        tables[i].year = year;
    }
}

/// The text cells of the rows right above table `i`'s header, within its columns
/// (from the sheet's left edge when no other table stands beside it), up to the
/// table above it.
fn title_of(sheet: &Sheet, tables: &[Table], i: usize) -> Vec<Cell> {
    let t = &tables[i];
    let top = t.range.first.row;
    let overlaps =
        |o: &Table| o.range.first.col <= t.range.last.col && t.range.first.col <= o.range.last.col;
    // Rows of a table above (its notes too) are no title.
    let floor = tables
        .iter()
        .filter(|o| o.range.last.row < top && overlaps(o))
        .map(|o| {
            o.notes
                .iter()
                .map(|c| c.at.row)
                .max()
                .unwrap_or(0)
                .max(o.range.last.row)
                + 1
        })
        .max()
        .unwrap_or(0)
        .max(top.saturating_sub(TITLE_ROWS));
    // A table beside this one in the same rows keeps the title to its own columns.
    let beside = tables.iter().any(|o| {
        !std::ptr::eq(o, t)
            && o.range.last.col < t.range.first.col
            && o.range.first.row <= top
            && top <= o.range.last.row + TITLE_ROWS
    });
    let first_col = if beside { t.range.first.col } else { 0 };
    let start = sheet.rows.partition_point(|(r, _)| *r < floor);
    let end = sheet.rows.partition_point(|(r, _)| *r < top);
    sheet.rows[start..end]
        .iter()
        .filter(|(_, cells)| {
            // A title line holds words, not figures.
            cells
                .iter()
                .filter(|c| (first_col..=t.range.last.col).contains(&c.at.col))
                .all(|c| matches!(c.value, Value::Text(_)))
        })
        .flat_map(|(_, cells)| cells.iter())
        .filter(|c| (first_col..=t.range.last.col).contains(&c.at.col))
        .filter(|c| c.text().is_some_and(|t| !t.is_empty()))
        .cloned()
        .collect()
}

/// The years a text names (`TAHUN 2022`, `IDM2021`), and whether it names a
/// period (`2021-2026`, `2018 s/d 2023`, `s/d Tahun 2030`). A year in a
/// regulation's citation (`Nomor 86 Tahun 2017`, `53/2014`) is not the text's.
pub fn years_in(text: &str) -> (Vec<i32>, bool) {
    let upper = text.to_uppercase();
    let b = upper.as_bytes();
    let mut years: Vec<(usize, usize, i32)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i - start != 4 {
            continue;
        }
        // Part of a figure (`1.2022`, `2022,5`) or a citation (`53/2014`).
        let before = upper[..start].trim_end();
        let joined_before = start > 0 && matches!(b[start - 1], b'.' | b',' | b'/');
        let joined_after =
            i + 1 < b.len() && matches!(b[i], b'.' | b',') && b[i + 1].is_ascii_digit();
        if joined_before && start > 1 && b[start - 2].is_ascii_digit() || joined_after {
            continue;
        }
        if cites_a_regulation(before) {
            continue;
        }
        let year: i32 = upper[start..i].parse().unwrap_or(0);
        if (1990..=2100).contains(&year) {
            years.push((start, i, year));
        }
    }
    // A period: two years with only a dash, `s/d`, `sampai`, `hingga` (and
    // `TAHUN`) between them; or `s/d` before a lone year (`s/d Tahun 2030`).
    let mut period = years.windows(2).any(|w| {
        let between = upper[w[0].1..w[1].0]
            .replace("TAHUN", " ")
            .replace(['-', '–', '—', '/', '.', '(', ')'], " ");
        let words: Vec<&str> = between.split_whitespace().collect();
        words.is_empty()
            || matches!(
                words.as_slice(),
                ["S", "D"] | ["SD"] | ["SAMPAI"] | ["HINGGA"] | ["SAMPAI", "DENGAN"]
            )
    });
    period |= years.iter().any(|&(start, _, _)| {
        let before = upper[..start].replace("TAHUN", " ");
        let before = before.trim_end();
        before.ends_with("S/D") || before.ends_with("S.D") || before.ends_with("S.D.")
    });
    let mut out: Vec<i32> = years.into_iter().map(|(_, _, y)| y).collect();
    out.sort_unstable();
    out.dedup();
    (out, period)
}

/// Whether the text before a year ends in a regulation's number (`NOMOR 86
/// TAHUN`, `NO. 5 TAHUN`, `PERMENDAGRI 86 TAHUN`).
fn cites_a_regulation(before: &str) -> bool {
    let Some(rest) = before.strip_suffix("TAHUN") else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().rev().take(2).collect();
    match words.as_slice() {
        // A regulation's number (`86`), not a year (`Tahun 2017 Tahun 2025`).
        [number, ..]
            if number.len() <= 3
                && number
                    .trim_end_matches('.')
                    .bytes()
                    .all(|b| b.is_ascii_digit()) =>
        {
            true
        }
        [word, ..] => matches!(word.trim_end_matches('.'), "NOMOR" | "NO"),
        _ => false,
    }
}

/// The year of a table: the one its header labels name (a year and the year
/// before it, as in `Realisasi 2022 | Target 2023 | Realisasi 2023`, name the
/// later); else the one its title names, when the header names none or names it
/// among others. `None` for a table of several years or of none.
fn own_year(t: &Table, title: &[Cell]) -> Option<OwnYear> {
    let mut header: Vec<(i32, CellRef, &str)> = Vec::new();
    let mut header_period = false;
    for f in &t.fields {
        let (years, period) = years_in(&f.label);
        header_period |= period;
        header.extend(years.into_iter().map(|y| (y, f.header, f.label.as_str())));
    }
    let mut distinct: Vec<i32> = header.iter().map(|(y, ..)| *y).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let from_header = |year: i32| {
        header
            .iter()
            .rev()
            .find(|(y, ..)| *y == year)
            .map(|&(year, at, written)| OwnYear {
                year,
                at,
                written: written.to_string(),
            })
    };
    if !header_period {
        match distinct.as_slice() {
            [y] => return from_header(*y),
            [a, b] if *b == a + 1 => return from_header(*b),
            _ => {}
        }
    }
    let mut title_years: Vec<(i32, &Cell)> = Vec::new();
    for c in title {
        let (years, period) = years_in(c.text().unwrap_or(""));
        if period {
            return None;
        }
        title_years.extend(years.into_iter().map(|y| (y, c)));
    }
    let (year, cell) = *title_years.first()?;
    if title_years.iter().any(|(y, _)| *y != year) {
        return None;
    }
    (distinct.is_empty() && !header_period || distinct.contains(&year)).then(|| OwnYear {
        year,
        at: cell.at,
        written: cell.text().unwrap_or("").to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_and_periods_as_written() {
        assert_eq!(
            years_in("PENGUKURAN KINERJA TAHUN 2022"),
            (vec![2022], false)
        );
        assert_eq!(years_in("TAHUN ANGGARAN 2026"), (vec![2026], false));
        assert_eq!(years_in("STATUS IDM2021"), (vec![2021], false));
        assert_eq!(years_in("Realisasi Tahun 2022"), (vec![2022], false));
        assert_eq!(years_in("IKU 2021-2026"), (vec![2021, 2026], true));
        assert_eq!(years_in("RENSTRA 2021 – 2026"), (vec![2021, 2026], true));
        assert_eq!(years_in("Periode 2018 s/d 2023"), (vec![2018, 2023], true));
        assert_eq!(
            years_in("Target Kinerja Renstra s/d Tahun 2030"),
            (vec![2030], true)
        );
        // Citations and figures are no years.
        assert_eq!(
            years_in("Permendagri Nomor 86 Tahun 2017 Tahun 2025"),
            (vec![2025], false)
        );
        assert_eq!(years_in("PermenPANRB 53/2014"), (vec![], false));
        assert_eq!(years_in("IDM 20233"), (vec![], false));
        assert_eq!(years_in("3604052001"), (vec![], false));
        assert_eq!(years_in("1.2022"), (vec![], false));
    }
}
