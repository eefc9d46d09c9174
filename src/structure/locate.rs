//! Finding tables in a sheet by their header words, wherever they sit: any offset,
//! any column order, title rows above, a numbering row below the header, two-row
//! headers with merged group cells, several tables in one sheet, notes under a table.

use super::{Column, Row, Table, YearProblem, YearProblemKind};
use crate::cell::{CellRange, CellRef};
use crate::config::Config;
use crate::read::{Cell, Sheet, Value};
use crate::table::{normalize_header, split_year, TableKind, YearIn};
use std::collections::BTreeMap;

/// The header text of one column, as one or two header rows give it.
#[derive(Debug, Clone, Default)]
struct Label {
    /// The upper row's text, carried right across a merged group cell.
    top: Option<String>,
    /// The lower row's text (two-row headers only).
    bottom: Option<String>,
    /// What the header cells say, as written, for messages.
    written: String,
    cell: Option<CellRef>,
}

impl Label {
    /// The texts a header word may equal: the lower label, the group and lower
    /// label together, and the upper label where nothing stands below it.
    fn candidates(&self) -> Vec<String> {
        match (&self.top, &self.bottom) {
            (Some(t), Some(b)) => vec![b.clone(), format!("{t} {b}")],
            (Some(t), None) => vec![t.clone()],
            (None, Some(b)) => vec![b.clone()],
            (None, None) => vec![],
        }
    }
}

/// A header interpretation: which kind, which columns, how good.
struct Match {
    kind: TableKind,
    columns: Vec<Column>,
    score: usize,
    /// The other village index the header matched too, if any.
    rival: Option<super::Rival>,
}

/// Locates every table in a sheet.
pub(super) fn locate(sheet: &Sheet, file: &str, cfg: &Config) -> Vec<Table> {
    let rows = &sheet.rows;
    let mut tables = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let Some((m, header_rows)) = best_header(rows, i, cfg) else {
            i += 1;
            continue;
        };
        let (table, next) = build(sheet, file, i, header_rows, m, cfg);
        tables.extend(one_table_per_year(table));
        i = next.max(i + 1);
    }
    tables
}

fn text_of(cell: &Cell) -> Option<String> {
    match &cell.value {
        Value::Text(t) => Some(t.trim().to_string()),
        Value::Number { value } => Some(value.to_string()),
        _ => None,
    }
}

fn single_labels(cells: &[Cell]) -> BTreeMap<u32, Label> {
    let mut out = BTreeMap::new();
    for c in cells {
        if let Some(t) = text_of(c) {
            let n = normalize_header(&t);
            if !n.is_empty() {
                out.insert(
                    c.at.col,
                    Label {
                        top: Some(n),
                        bottom: None,
                        written: t,
                        cell: Some(c.at),
                    },
                );
            }
        }
    }
    out
}

fn double_labels(upper: &[Cell], lower: &[Cell]) -> BTreeMap<u32, Label> {
    let top = single_labels(upper);
    let bottom = single_labels(lower);
    let cols: std::collections::BTreeSet<u32> = top.keys().chain(bottom.keys()).copied().collect();
    let mut out: BTreeMap<u32, Label> = BTreeMap::new();
    let mut group: Option<(u32, String, String)> = None; // (last col, normalized, written)
    for c in cols {
        let t = top.get(&c);
        let b = bottom.get(&c);
        let mut label = Label::default();
        if let Some(t) = t {
            label.top = t.top.clone();
            label.written = t.written.clone();
            label.cell = t.cell;
            group = b.map(|_| (c, t.top.clone().unwrap_or_default(), t.written.clone()));
        } else if let (Some((last, g, w)), Some(_)) = (&group, b) {
            // A merged group cell leaves the cells right of it empty.
            if *last + 1 == c {
                label.top = Some(g.clone());
                label.written = w.clone();
                group = Some((c, g.clone(), w.clone()));
            }
        } else {
            group = None;
        }
        if let Some(b) = b {
            label.bottom = b.top.clone();
            label.written = if label.written.is_empty() {
                b.written.clone()
            } else {
                format!("{} / {}", label.written, b.written)
            };
            label.cell = label.cell.or(b.cell);
        }
        out.insert(c, label);
    }
    out
}

/// A three-row header: a group row over a row of sub-groups over the lowest
/// labels (`Realisasi Kinerja pada Triwulan` over `I … IV` over `K | % | Rp.`).
/// The lower two rows pair as a two-row header; the group row's text is carried
/// right over the columns below it and joins their sub-group in the upper label.
fn triple_labels(upper: &[Cell], middle: &[Cell], lower: &[Cell]) -> BTreeMap<u32, Label> {
    let top = single_labels(upper);
    let below = double_labels(middle, lower);
    let cols: std::collections::BTreeSet<u32> = top.keys().chain(below.keys()).copied().collect();
    let mut out = BTreeMap::new();
    let mut group: Option<(u32, &Label)> = None;
    for c in cols {
        let b = below.get(&c);
        let t = match top.get(&c) {
            Some(t) => {
                group = b.map(|_| (c, t));
                Some(t)
            }
            None => match group {
                Some((last, g)) if last + 1 == c && b.is_some() => {
                    group = Some((c, g));
                    Some(g)
                }
                _ => {
                    group = None;
                    None
                }
            },
        };
        let mut label = Label::default();
        let uppers: Vec<&String> = t
            .and_then(|t| t.top.as_ref())
            .into_iter()
            .chain(b.and_then(|b| b.top.as_ref()))
            .collect();
        if !uppers.is_empty() {
            label.top = Some(
                uppers
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        label.bottom = b.and_then(|b| b.bottom.clone());
        if label.bottom.is_none() && label.top.is_none() {
            continue;
        }
        let written: Vec<&str> = t
            .map(|t| t.written.as_str())
            .into_iter()
            .chain(b.map(|b| b.written.as_str()))
            .filter(|w| !w.is_empty())
            .collect();
        label.written = written.join(" / ");
        label.cell = t.and_then(|t| t.cell).or(b.and_then(|b| b.cell));
        out.insert(c, label);
    }
    out
}

/// Whether `label` equals the header word `word`, and the year a placeholder took.
fn word_matches(word: &str, label: &str, year: i32) -> Option<Option<i32>> {
    let w: Vec<&str> = word.split(' ').collect();
    let l: Vec<&str> = label.split(' ').collect();
    if w.len() != l.len() {
        return None;
    }
    let mut captured = None;
    for (w, l) in w.iter().zip(&l) {
        let as_year = || {
            l.parse::<i32>()
                .ok()
                .filter(|y| (1900..=2100).contains(y) && l.len() == 4)
        };
        match *w {
            "{tahun}" => (as_year()? == year).then_some(())?,
            "{tahun_lalu}" => (as_year()? == year - 1).then_some(())?,
            "{angka_tahun}" => captured = Some(as_year()?),
            _ => (w == l).then_some(())?,
        }
    }
    Some(captured)
}

fn is_year(label: &str) -> Option<i32> {
    word_matches("{angka_tahun}", label, 0).flatten()
}

/// A number cell that can be a year in a header (`2022` over a group of columns).
fn is_year_number(value: rust_decimal::Decimal) -> bool {
    value.scale() == 0 && value >= 1900.into() && value <= 2100.into()
}

fn match_kind(kind: TableKind, labels: &BTreeMap<u32, Label>, cfg: &Config) -> Option<Match> {
    let year = cfg.office.year;
    let mut columns: Vec<Column> = Vec::new();
    let taken = |columns: &Vec<Column>, c: u32| columns.iter().any(|x| x.index == c);
    for spec in kind.columns() {
        let words = cfg.header_words(kind, spec.col);
        let min_col = match spec.after {
            Some(anchor) => match columns.iter().find(|x| x.col == anchor) {
                Some(a) => a.index + 1,
                None => continue,
            },
            None => 0,
        };
        let mut found = false;
        for (&c, label) in labels.range(min_col..) {
            if taken(&columns, c) {
                continue;
            }
            let hit = match spec.year {
                YearIn::Group => {
                    let group_year = label.top.as_deref().and_then(is_year);
                    let bottom = label.bottom.as_deref().unwrap_or("");
                    group_year
                        .filter(|_| {
                            words
                                .iter()
                                .any(|w| word_matches(w, bottom, year).is_some())
                        })
                        .map(Some)
                }
                YearIn::Label => {
                    let in_group = spec.group.is_empty()
                        || label.bottom.is_none()
                        || label
                            .top
                            .as_deref()
                            .is_some_and(|t| spec.group.contains(&t));
                    let own = label
                        .bottom
                        .as_deref()
                        .or(label.top.as_deref())
                        .unwrap_or("");
                    words
                        .iter()
                        .find_map(|w| word_matches(w, own, year))
                        .filter(|y| y.is_some() && in_group)
                }
                YearIn::Optional => {
                    // `2023` over `IKS` (a group row of years), or `NILAI IDM 2023`.
                    let group_year = label
                        .bottom
                        .as_ref()
                        .and(label.top.as_deref())
                        .and_then(is_year);
                    let own = label
                        .bottom
                        .as_deref()
                        .or(label.top.as_deref())
                        .unwrap_or("");
                    let (stem, own_year, numbered) = split_year(own);
                    let by_own = words
                        .iter()
                        .any(|w| word_matches(w, stem, year).is_some())
                        .then_some(own_year);
                    match (by_own, group_year) {
                        (Some(y), g) if numbered || g.is_some() => Some(y.or(g)),
                        (Some(_), None) => Some(None),
                        _ => label.candidates().iter().find_map(|cand| {
                            words
                                .iter()
                                .find_map(|w| word_matches(w, cand, year))
                                .map(|_| None)
                        }),
                    }
                }
                YearIn::None => label.candidates().iter().find_map(|cand| {
                    words
                        .iter()
                        .find_map(|w| word_matches(w, cand, year))
                        .map(|_| None)
                }),
            };
            if let Some(y) = hit {
                columns.push(Column {
                    col: spec.col,
                    year: y,
                    index: c,
                    label: label.written.clone(),
                    header: label.cell.unwrap_or(CellRef::new(0, c)),
                });
                found = true;
                // A column of one year; a per-year measure repeats, and so may
                // the same measure with no or a mistyped year (reported later).
                let repeats = match spec.year {
                    YearIn::None => false,
                    YearIn::Optional => {
                        let (_, _, numbered) = split_year(
                            label
                                .bottom
                                .as_deref()
                                .or(label.top.as_deref())
                                .unwrap_or(""),
                        );
                        y.is_some() || numbered
                    }
                    _ => true,
                };
                if !repeats {
                    break;
                }
            }
        }
        if spec.required && !found {
            return None;
        }
    }
    let score = columns.len();
    (score >= 2).then_some(Match {
        kind,
        columns,
        score,
        rival: None,
    })
}

fn best_of(labels: &BTreeMap<u32, Label>, cfg: &Config) -> Option<Match> {
    if labels.len() < 2 {
        return None;
    }
    let mut matches: Vec<Match> = TableKind::ALL
        .into_iter()
        .filter_map(|kind| match_kind(kind, labels, cfg))
        .collect();
    // The first of the highest score.
    let top = matches.iter().map(|m| m.score).max()?;
    let i = matches.iter().position(|m| m.score == top)?;
    let mut best = matches.swap_remove(i);
    // A header of both the IDM's and the Indeks Desa's measures: read as the one
    // with more recognised columns (the first on a tie), the other kept to be told.
    if crate::table::Col::is_village_list(best.kind) {
        if let Some(r) = matches
            .iter()
            .find(|m| m.kind != best.kind && crate::table::Col::is_village_list(m.kind))
        {
            let labels = r
                .columns
                .iter()
                .filter(|c| c.col.is_village_measure() && c.col != crate::table::Col::Status)
                .filter(|c| !best.columns.iter().any(|x| x.index == c.index))
                .map(|c| c.label.clone())
                .collect();
            best.rival = Some(super::Rival {
                kind: r.kind,
                columns: r.score,
                taken_columns: best.score,
                labels,
            });
        }
    }
    Some(best)
}

/// The best header starting at `rows[i]`, as one row or as two.
fn best_header(rows: &[(u32, Vec<Cell>)], i: usize, cfg: &Config) -> Option<(Match, usize)> {
    let (r, cells) = &rows[i];
    if cells.len() < 2
        || cells
            .iter()
            .any(|c| matches!(&c.value, Value::Number { value } if !is_year_number(*value)))
    {
        return None;
    }
    let single = best_of(&single_labels(cells), cfg);
    let double = rows
        .get(i + 1)
        .filter(|(r2, _)| *r2 == r + 1)
        .and_then(|(_, lower)| best_of(&double_labels(cells, lower), cfg));
    let triple = match (rows.get(i + 1), rows.get(i + 2)) {
        (Some((r2, middle)), Some((r3, lower))) if *r2 == r + 1 && *r3 == r + 2 => {
            best_of(&triple_labels(cells, middle, lower), cfg)
        }
        _ => None,
    };
    [(single, 1), (double, 2), (triple, 3)]
        .into_iter()
        .filter_map(|(m, n)| Some((m?, n)))
        .fold(None::<(Match, usize)>, |best, (m, n)| match best {
            Some((b, k)) if b.score >= m.score => Some((b, k)),
            _ => Some((m, n)),
        })
}

/// A row of column numbers under a header: `1 2 3 …` or `(1) (2) …`, a number
/// possibly followed by the arithmetic it stands for (`13 = 9 + 10 + 11 + 12`,
/// `(4)=(3)/(2)x100`).
fn is_numbering(cells: &[Cell]) -> bool {
    let nums: Vec<Option<u32>> = cells
        .iter()
        .map(|c| {
            let t = text_of(c)?;
            let number = t.split_once('=').map_or(t.as_str(), |(n, _)| n).trim();
            let bare = number.trim_start_matches('(').trim_end_matches(')').trim();
            bare.parse::<u32>().ok().filter(|n| *n < 100)
        })
        .collect();
    nums.len() >= 3
        && nums.iter().all(Option::is_some)
        && nums.windows(2).all(|w| w[0] < w[1])
        && nums[0].is_some_and(|n| n <= 2)
}

const NOTE_PREFIXES: [&str; 6] = ["SUMBER", "CATATAN", "KETERANGAN", "NB", "NOTE", "*"];

fn is_note(cells: &[Cell]) -> bool {
    // A note is a line of one or two cells; a data row is told at once.
    if cells.len() > 2 {
        return false;
    }
    let Some(first) = cells.first().and_then(text_of) else {
        return false;
    };
    let t = first.trim_start_matches(['(', ' ']).to_uppercase();
    NOTE_PREFIXES.iter().any(|p| t.starts_with(p))
}

fn build(
    sheet: &Sheet,
    file: &str,
    i: usize,
    header_rows: usize,
    m: Match,
    cfg: &Config,
) -> (Table, usize) {
    let rows = &sheet.rows;
    let header_first = rows[i].0;
    let header_last = rows[i + header_rows - 1].0;
    // The table's width: its matched columns, widened over adjacent header cells.
    let header_cols: std::collections::BTreeSet<u32> = rows[i..i + header_rows]
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(|c| c.at.col))
        .collect();
    let mut first = m
        .columns
        .iter()
        .map(|c| c.index)
        .min()
        .expect("a match has columns");
    let mut last = m
        .columns
        .iter()
        .map(|c| c.index)
        .max()
        .expect("a match has columns");
    while first > 0 && header_cols.contains(&(first - 1)) {
        first -= 1;
    }
    while header_cols.contains(&(last + 1)) {
        last += 1;
    }
    let header_texts: Vec<(u32, String)> = m
        .columns
        .iter()
        .map(|c| {
            (
                c.index,
                normalize_header(c.label.split(" / ").last().unwrap_or("")),
            )
        })
        .collect();
    let in_span = |cells: &[Cell]| -> Vec<Cell> {
        // Sized once: a national list has hundreds of thousands of rows.
        let mut kept = Vec::with_capacity(cells.len());
        kept.extend(
            cells
                .iter()
                .filter(|c| (first..=last).contains(&c.at.col))
                .cloned(),
        );
        kept
    };

    let mut columns = m.columns.clone();
    let repeated = m.kind.repeated();
    if !repeated.is_empty() {
        let labels = match header_rows {
            3 => triple_labels(&rows[i].1, &rows[i + 1].1, &rows[i + 2].1),
            2 => double_labels(&rows[i].1, &rows[i + 1].1),
            _ => single_labels(&rows[i].1),
        };
        repeated_columns(m.kind, repeated, &labels, (first, last), &mut columns, cfg);
    }
    let mut table_rows: Vec<Row> = Vec::new();
    let mut numbering: Vec<Cell> = Vec::new();
    let mut notes: Vec<Cell> = Vec::new();
    let mut prev = header_last;
    let mut j = i + header_rows;
    let mut ended_by_note = false;
    let mut ended_by_header = false;
    while j < rows.len() {
        let (r, cells) = &rows[j];
        let cells = in_span(cells);
        if cells.is_empty() {
            j += 1;
            continue;
        }
        if table_rows.is_empty() && prev == header_last && *r == prev + 1 && is_numbering(&cells) {
            numbering = cells;
            prev = *r;
            j += 1;
            continue;
        }
        let after_gap = *r > prev + 1;
        if is_note(&cells) {
            ended_by_note = true;
            break;
        }
        if best_header(rows, j, cfg).is_some() {
            let repeats_ours = cells.iter().filter(|c| {
                let t = text_of(c).map(|t| normalize_header(&t)).unwrap_or_default();
                header_texts
                    .iter()
                    .any(|(col, h)| *col == c.at.col && *h == t)
            });
            if repeats_ours.count() >= 2 && !after_gap {
                // The header repeated (a page break in the office's habit): skip it.
                prev = *r;
                j += 1;
                if j < rows.len() && rows[j].0 == prev + 1 && is_numbering(&in_span(&rows[j].1)) {
                    prev = rows[j].0;
                    j += 1;
                }
                continue;
            }
            ended_by_header = true;
            break;
        }
        if after_gap && !looks_like_data(&cells, &m) {
            break;
        }
        table_rows.push(Row { row: *r, cells });
        prev = *r;
        j += 1;
    }
    // Lines right under the table (a source note, a terbilang line).
    let mut k = j;
    let mut note_rows = 0;
    while !ended_by_header
        && k < rows.len()
        && note_rows < 4
        && (ended_by_note || rows[k].0 <= prev + 3)
    {
        if k != j && best_header(rows, k, cfg).is_some() {
            break;
        }
        notes.extend(
            rows[k]
                .1
                .iter()
                .filter(|c| matches!(c.value, Value::Text(_)))
                .cloned(),
        );
        note_rows += 1;
        k += 1;
    }
    let last_row = table_rows.last().map_or(prev, |r| r.row);
    let table = Table {
        rival: m.rival.clone(),
        kind: m.kind,
        file: file.to_string(),
        sheet: sheet.name.clone(),
        header: CellRange {
            first: CellRef::new(header_first, first),
            last: CellRef::new(header_last, last),
        },
        range: CellRange {
            first: CellRef::new(header_first, first),
            last: CellRef::new(last_row, last),
        },
        columns,
        numbering,
        rows: table_rows,
        notes,
        year_problems: Vec::new(),
    };
    (table, j)
}

/// A village table whose measures repeat per year (`IKS 2021 … STATUS IDM 2024`),
/// as one table per year: the shared columns (codes, names) and that year's
/// measures, each with its own range. A measure whose year cannot be told is left
/// out and kept as a [`YearProblem`] on the first year's table. Any other table,
/// and a village table of one year, comes back as it is.
fn one_table_per_year(mut table: Table) -> Vec<Table> {
    if !crate::table::Col::is_village_list(table.kind) {
        return vec![table];
    }
    let own = |c: &Column| {
        let n = normalize_header(c.label.rsplit(" / ").next().unwrap_or(""));
        split_year(&n).2
    };
    let mut problems = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    let mut keep = vec![true; table.columns.len()];
    for (i, c) in table.columns.iter().enumerate() {
        if !c.col.is_village_measure() {
            continue;
        }
        match c.year {
            Some(y) => {
                let first = table.columns[..i]
                    .iter()
                    .zip(&keep)
                    .find(|(p, k)| **k && p.col == c.col && p.year == Some(y));
                if let Some((p, _)) = first {
                    problems.push(YearProblem {
                        header: c.header,
                        label: c.label.clone(),
                        kind: YearProblemKind::Twice {
                            year: y,
                            first: p.header,
                        },
                    });
                    keep[i] = false;
                } else if !years.contains(&y) {
                    years.push(y);
                }
            }
            None if own(c) => {
                problems.push(YearProblem {
                    header: c.header,
                    label: c.label.clone(),
                    kind: YearProblemKind::NotAYear,
                });
                keep[i] = false;
            }
            None => {}
        }
    }
    if years.len() > 1 {
        for (i, c) in table.columns.iter().enumerate() {
            if c.col.is_village_measure() && c.year.is_none() && keep[i] {
                let mut ys = years.clone();
                ys.sort();
                problems.push(YearProblem {
                    header: c.header,
                    label: c.label.clone(),
                    kind: YearProblemKind::Missing { years: ys },
                });
                keep[i] = false;
            }
        }
    }
    if problems.is_empty() && years.len() <= 1 {
        return vec![table];
    }
    let columns: Vec<Column> = std::mem::take(&mut table.columns)
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect();
    problems.sort_by_key(|p| (p.header.row, p.header.col));
    if years.len() <= 1 {
        table.columns = columns;
        table.year_problems = problems;
        return vec![table];
    }
    let mut out = Vec::with_capacity(years.len());
    for y in years {
        let cols: Vec<Column> = columns
            .iter()
            .filter(|c| !c.col.is_village_measure() || c.year == Some(y))
            .cloned()
            .collect();
        let first = cols.iter().map(|c| c.index).min().unwrap_or(0);
        let last = cols.iter().map(|c| c.index).max().unwrap_or(0);
        let rows = table
            .rows
            .iter()
            .map(|r| Row {
                row: r.row,
                cells: r
                    .cells
                    .iter()
                    .filter(|x| cols.iter().any(|c| c.index == x.at.col))
                    .cloned()
                    .collect(),
            })
            .collect();
        let narrow = |r: CellRange| CellRange {
            first: CellRef::new(r.first.row, first),
            last: CellRef::new(r.last.row, last),
        };
        out.push(Table {
            kind: table.kind,
            file: table.file.clone(),
            sheet: table.sheet.clone(),
            header: narrow(table.header),
            range: narrow(table.range),
            numbering: table
                .numbering
                .iter()
                .filter(|x| cols.iter().any(|c| c.index == x.at.col))
                .cloned()
                .collect(),
            columns: cols,
            rows,
            notes: Vec::new(),
            // Told once, on the first year's table, as its year problems are.
            rival: if out.is_empty() {
                table.rival.clone()
            } else {
                None
            },
            year_problems: if out.is_empty() {
                std::mem::take(&mut problems)
            } else {
                Vec::new()
            },
        });
    }
    if let Some(last) = out.last_mut() {
        last.notes = table.notes;
    }
    out
}

/// Every header cell in the table's span whose own label is a word of a
/// repeated column (`K`, `%`, `Rp.` under each numbered group) becomes a column.
fn repeated_columns(
    kind: TableKind,
    repeated: &[crate::table::Col],
    labels: &BTreeMap<u32, Label>,
    (first, last): (u32, u32),
    columns: &mut Vec<Column>,
    cfg: &Config,
) {
    for (&c, label) in labels.range(first..=last) {
        if columns.iter().any(|x| x.index == c) {
            continue;
        }
        let own = label
            .bottom
            .as_deref()
            .or(label.top.as_deref())
            .unwrap_or("");
        let Some(&col) = repeated.iter().find(|&&col| {
            cfg.header_words(kind, col)
                .iter()
                .any(|w| word_matches(w, own, cfg.office.year).is_some())
        }) else {
            continue;
        };
        columns.push(Column {
            col,
            year: None,
            index: c,
            label: label.written.clone(),
            header: label.cell.unwrap_or(CellRef::new(0, c)),
        });
    }
    columns.sort_by_key(|c| c.index);
}

/// After a blank row, whether the table goes on: two or more filled columns, one of
/// them a number where the table holds numbers.
fn looks_like_data(cells: &[Cell], m: &Match) -> bool {
    let filled = m
        .columns
        .iter()
        .filter(|c| cells.iter().any(|x| x.at.col == c.index))
        .count();
    let numeric = m
        .kind
        .columns()
        .iter()
        .filter(|s| s.number.is_some())
        .any(|s| {
            m.columns.iter().filter(|c| c.col == s.col).any(|c| {
                cells
                    .iter()
                    .any(|x| x.at.col == c.index && matches!(x.value, Value::Number { .. }))
            })
        });
    filled >= 2 && numeric
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_match_years() {
        assert_eq!(
            word_matches("REALISASI {tahun_lalu}", "REALISASI 2022", 2023),
            Some(None)
        );
        assert_eq!(
            word_matches("REALISASI {tahun_lalu}", "REALISASI 2021", 2023),
            None
        );
        assert_eq!(
            word_matches("{angka_tahun}", "2026", 2023),
            Some(Some(2026))
        );
        assert_eq!(word_matches("{angka_tahun}", "26", 2023), None);
        assert_eq!(word_matches("TARGET", "TARGET", 2023), Some(None));
        assert_eq!(word_matches("TARGET", "TARGET 2023", 2023), None);
    }
}
