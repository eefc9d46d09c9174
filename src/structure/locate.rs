//! Tables in a sheet: header blocks found by their shape ([`super::header`]), read
//! as the kind whose header words their columns carry, or as a plain table
//! ([`TableKind::Tabel`]); their bodies, the numbering row, notes under them, and
//! several tables in one sheet.

use super::header::{self, Block, Label, Merges, RowClass};
use super::holds::Holds;
use super::{Column, Field, Row, Table, YearProblem, YearProblemKind};
use crate::cell::{CellRange, CellRef};
use crate::config::Config;
use crate::number::NumberKind;
use crate::read::{Cell, Sheet, Value};
use crate::table::{normalize_header, split_year, TableKind, YearIn};
use std::collections::BTreeMap;

/// A header interpretation: which kind, which columns, how good.
pub(super) struct Match {
    pub(super) kind: TableKind,
    pub(super) columns: Vec<Column>,
    score: usize,
    /// The other village index the header matched too, if any.
    rival: Option<super::Rival>,
}

/// The header a table was read with: the label rows taken (indices into
/// `sheet.rows`), their labels and what they matched.
pub(super) struct Header {
    rows: Vec<usize>,
    labels: BTreeMap<u32, Label>,
    pub(super) found: Match,
}

/// What one sheet's rows are, worked out once.
pub(super) struct Shape<'a> {
    pub(super) sheet: &'a Sheet,
    pub(super) classes: Vec<RowClass>,
    pub(super) merges: Merges,
}

/// Locates every table in a sheet.
pub(super) fn locate(sheet: &Sheet, file: &str, cfg: &Config) -> Vec<Table> {
    let shape = Shape {
        sheet,
        classes: sheet
            .rows
            .iter()
            .map(|(_, c)| header::classify(c))
            .collect(),
        merges: Merges::of(sheet),
    };
    let rows = &sheet.rows;
    let mut tables = Vec::new();
    let mut j = 0;
    while j < rows.len() {
        let Some((block, header)) = table_at(&shape, j, cfg) else {
            j += 1;
            continue;
        };
        let (table, next) = build(&shape, file, &block, header, cfg);
        tables.extend(one_table_per_year(table));
        j = next.max(j + 1);
    }
    // Two tables side by side without an empty column between, and headers with
    // nothing under them (`super::edges`).
    let mut tables = super::edges::side_by_side(&shape, cfg, tables);
    let bare = super::edges::bare_headers(&shape, file, cfg, &tables);
    tables.extend(bare);
    tables.sort_by_key(|t| (t.range.first.row, t.range.first.col));
    tables
}

/// The table whose body starts at `rows[j]` (a data row, or a lone group row
/// over one), with the header read from the block above it.
fn table_at(shape: &Shape, j: usize, cfg: &Config) -> Option<(Block, Header)> {
    let rows = &shape.sheet.rows;
    let at = |body: usize| {
        let block = header::block_above(shape.sheet, &shape.classes, body, &shape.merges)?;
        // At most one blank row between a header and its body.
        let last = block.end - 1;
        (rows[body].0 <= rows[last].0 + 2).then_some(block)
    };
    let lone = |k: usize| {
        shape.classes[k] == RowClass::Label
            && rows[k]
                .1
                .iter()
                .filter(|c| header::text_of(c).is_some())
                .count()
                == 1
    };
    let block = match shape.classes[j] {
        RowClass::Data => at(j),
        // Lone group rows (`Perangkat Daerah : …`, `Urusan Wajib …`, a program's
        // name), up to three, over data: the body starts at the first.
        RowClass::Label if lone(j) => {
            let mut k = j + 1;
            while k < rows.len() && k < j + 3 && rows[k].0 == rows[k - 1].0 + 1 && lone(k) {
                k += 1;
            }
            let over_data = k < rows.len()
                && rows[k].0 == rows[k - 1].0 + 1
                && shape.classes[k] == RowClass::Data;
            // Unless it is the lowest row of the header over that data row.
            match at(j + 1) {
                Some(b) if b.label_rows.contains(&j) => None,
                _ if over_data && (j == 0 || !lone(j - 1) || at(j - 1).is_none()) => at(j),
                _ => None,
            }
        }
        _ => None,
    }?;
    let header = read_header(shape, &block, cfg)?;
    Some((block, header))
}

/// The best reading of a block: of the runs of its label rows down to its lowest,
/// the one whose columns match a kind best (on a tie the shortest).
pub(super) fn read_header(shape: &Shape, block: &Block, cfg: &Config) -> Option<Header> {
    let n = block.label_rows.len();
    let holds = preview_holds(shape, block.end);
    let mut best: Option<Header> = None;
    // A header ends at the block's lowest label row, unless no kind reads it so
    // and the rows under an earlier end are body rows that only hold text (a
    // village without figures: its kecamatan repeats in the rows below).
    for b in (0..n).rev() {
        if best.is_some() || (b < n - 1 && !body_like(shape, &block.label_rows[b + 1..], block.end))
        {
            break;
        }
        for a in (b.saturating_sub(header::MAX_DEPTH - 1)..=b).rev() {
            let rows = block.label_rows[a..=b].to_vec();
            let labels = header::labels(shape.sheet, &rows, &shape.merges);
            let Some(found) = best_of(&labels, &holds, cfg) else {
                continue;
            };
            if best.as_ref().is_none_or(|h| found.score > h.found.score) {
                best = Some(Header {
                    rows,
                    labels,
                    found,
                });
            }
        }
    }
    best.or_else(|| {
        // No kind: a table all the same, its header the whole block.
        let rows = block.label_rows.clone();
        let labels = header::labels(shape.sheet, &rows, &shape.merges);
        (labels.len() >= 2).then_some(Header {
            rows,
            labels,
            found: Match {
                kind: TableKind::Tabel,
                columns: Vec::new(),
                score: 0,
                rival: None,
            },
        })
    })
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

/// Whether the lowest label of column `c`, itself one of `words`, stands again
/// under another group further right.
fn again_under_another_group(
    labels: &BTreeMap<u32, Label>,
    c: u32,
    label: &Label,
    words: &[String],
    year: i32,
) -> bool {
    let Some(bottom) = label.bottom.as_deref() else {
        return false;
    };
    let own = words
        .iter()
        .any(|w| word_matches(w, bottom, year).is_some() || contains_words(bottom, w));
    own && labels
        .range(c + 1..)
        .any(|(_, other)| other.bottom.as_deref() == Some(bottom) && other.top != label.top)
}

/// Whether label rows (indices into `sheet.rows`) read as the first rows of the
/// body starting at `body`: each has a text that also stands in its column in the
/// rows below.
fn body_like(shape: &Shape, label_rows: &[usize], body: usize) -> bool {
    let rows = &shape.sheet.rows;
    let below = &rows[body..(body + 20).min(rows.len())];
    label_rows.iter().all(|&i| {
        rows[i].1.iter().any(|c| {
            let Some(t) = c.text().filter(|t| !t.is_empty()) else {
                return false;
            };
            below.iter().any(|(_, cells)| {
                cells
                    .iter()
                    .any(|x| x.at.col == c.at.col && x.text() == Some(t))
            })
        })
    })
}

/// Whether a column holding `holds` can be a column of a kind that reads
/// `number` (`None`: text).
fn fits(number: Option<NumberKind>, holds: Holds) -> bool {
    match number {
        None => matches!(
            holds,
            Holds::Name | Holds::Label | Holds::Code | Holds::Numbering | Holds::Mixed
        ),
        Some(NumberKind::Money) => matches!(holds, Holds::Money | Holds::Count),
        Some(NumberKind::Count) => holds == Holds::Count,
        Some(NumberKind::Percent) => matches!(
            holds,
            Holds::Percent | Holds::Measure | Holds::Ratio | Holds::Count
        ),
        Some(NumberKind::Index) => matches!(holds, Holds::Ratio | Holds::Measure),
        Some(NumberKind::Measure) => holds.is_figure(),
    }
}

/// Whether the words of `word` stand together in `label` (`PAGU` in `PAGU DPA
/// 2023 RP`); a word of one short token (`K`, `%`, `NO`) must be the label.
fn contains_words(label: &str, word: &str) -> bool {
    if word.contains('{') || (!word.contains(' ') && word.len() < 4) {
        return false;
    }
    let l: Vec<&str> = label.split(' ').collect();
    let w: Vec<&str> = word.split(' ').collect();
    l.windows(w.len()).any(|x| x == w.as_slice())
}

/// What each column under a header holds, told from the rows right under it (up
/// to the first gap of two blank rows, at most a few hundred rows): evidence for
/// reading the header as a kind.
fn preview_holds(shape: &Shape, body: usize) -> BTreeMap<u32, Holds> {
    let rows = &shape.sheet.rows;
    let mut by_col: BTreeMap<u32, Vec<&Cell>> = BTreeMap::new();
    let mut prev = rows.get(body).map_or(0, |r| r.0);
    for (r, cells) in rows.iter().skip(body).take(300) {
        if *r > prev + 2 {
            break;
        }
        prev = *r;
        for c in cells {
            by_col.entry(c.at.col).or_default().push(c);
        }
    }
    by_col
        .into_iter()
        .map(|(c, cells)| (c, super::holds::classify("", &cells)))
        .collect()
}

/// How well a header reads as `kind`: its columns, each found by a header word
/// the label equals (worth two) or, failing that, one the label contains whose
/// column holds what the kind's column does (worth one: `ALOKASI DANA (Rp)` over
/// money is a budget, over names it is not).
fn match_kind(
    kind: TableKind,
    labels: &BTreeMap<u32, Label>,
    holds: &BTreeMap<u32, Holds>,
    cfg: &Config,
) -> Option<Match> {
    let year = cfg.office.year;
    // A summary of one year names none: its counts are of the table's year.
    let any_year_group = labels
        .values()
        .any(|l| l.bottom.is_some() && l.top.as_deref().and_then(is_year).is_some());
    let mut columns: Vec<Column> = Vec::new();
    let mut score = 0;
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
                YearIn::Group if !any_year_group => label
                    .candidates()
                    .iter()
                    .any(|cand| words.iter().any(|w| word_matches(w, cand, year).is_some()))
                    .then_some(Some(year)),
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
                        || label.top.as_deref().is_some_and(|t| {
                            spec.group.contains(&t)
                                || spec.group.iter().any(|g| contains_words(t, g))
                        });
                    let own = label.own();
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
                    let own = label.own();
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
                score += 2;
                // A column of one year; a per-year measure repeats, and so may
                // the same measure with no or a mistyped year (reported later).
                let repeats = match spec.year {
                    YearIn::None => false,
                    YearIn::Group => any_year_group,
                    YearIn::Optional => {
                        let (_, _, numbered) = split_year(label.own());
                        y.is_some() || numbered
                    }
                    YearIn::Label => true,
                };
                if !repeats {
                    // One column of its kind: the same words again under another
                    // group (`2021 / Target`, `2022 / Target`; `Operasi /
                    // Anggaran`, `Modal / Anggaran`) make the header another
                    // table, not this kind.
                    if spec.year == YearIn::None
                        && !kind.repeated().contains(&spec.col)
                        && again_under_another_group(labels, c, label, words, year)
                    {
                        return None;
                    }
                    break;
                }
            }
        }
        if !found && spec.year == YearIn::None {
            // Words as evidence: a label holding one of the column's words, over
            // cells that hold what the column does.
            let contained = labels.range(min_col..).find(|&(&c, label)| {
                !taken(&columns, c)
                    && holds.get(&c).is_some_and(|h| fits(spec.number, *h))
                    && label
                        .candidates()
                        .iter()
                        .any(|cand| words.iter().any(|w| contains_words(cand, w)))
            });
            if let Some((&c, label)) = contained {
                if !kind.repeated().contains(&spec.col)
                    && again_under_another_group(labels, c, label, words, year)
                {
                    return None;
                }
                columns.push(Column {
                    col: spec.col,
                    year: None,
                    index: c,
                    label: label.written.clone(),
                    header: label.cell.unwrap_or(CellRef::new(0, c)),
                });
                found = true;
                score += 1;
            }
        }
        if spec.required && !found {
            return None;
        }
    }
    (columns.len() >= 2).then_some(Match {
        kind,
        columns,
        score,
        rival: None,
    })
}

pub(super) fn best_of(
    labels: &BTreeMap<u32, Label>,
    holds: &BTreeMap<u32, Holds>,
    cfg: &Config,
) -> Option<Match> {
    if labels.len() < 2 {
        return None;
    }
    let mut matches: Vec<Match> = TableKind::ALL
        .into_iter()
        .filter(|kind| kind.by_header())
        .filter_map(|kind| match_kind(kind, labels, holds, cfg))
        .collect();
    // The highest score; on a tie the kind whose columns the header fills the
    // most (`INDIKATOR | 2023` is all of a lembaga table, a small part of an
    // IKU), then the first.
    let top = matches.iter().map(|m| m.score).max()?;
    let coverage = |m: &Match| m.columns.len() * 1000 / m.kind.columns().len().max(1);
    let i = (0..matches.len())
        .filter(|&i| matches[i].score == top)
        .max_by_key(|&i| (coverage(&matches[i]), std::cmp::Reverse(i)))?;
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
                columns: r.columns.len(),
                taken_columns: best.columns.len(),
                labels,
            });
        }
    }
    Some(best)
}

const NOTE_PREFIXES: [&str; 6] = ["SUMBER", "CATATAN", "KETERANGAN", "NB", "NOTE", "*"];

fn is_note(cells: &[Cell]) -> bool {
    // A note is a line of one or two cells; a data row is told at once.
    if cells.len() > 2 {
        return false;
    }
    let Some(first) = cells.first().and_then(header::text_of) else {
        return false;
    };
    let t = first.trim_start_matches(['(', ' ']).to_uppercase();
    NOTE_PREFIXES.iter().any(|p| t.starts_with(p))
}

/// Whether another table's header starts at `rows[j]`: a label row that, alone or
/// with the one or two label rows under it, reads as a kind.
fn header_starts(shape: &Shape, j: usize, cfg: &Config) -> bool {
    let rows = &shape.sheet.rows;
    if shape.classes[j] != RowClass::Label || rows[j].1.len() < 2 {
        return false;
    }
    let mut run = vec![j];
    for k in j + 1..(j + 3).min(rows.len()) {
        if shape.classes[k] == RowClass::Data || rows[k].0 != rows[k - 1].0 + 1 {
            break;
        }
        if shape.classes[k] == RowClass::Label {
            run.push(k);
        }
    }
    (1..=run.len()).any(|d| {
        let labels = header::labels(shape.sheet, &run[..d], &shape.merges);
        best_of(&labels, &BTreeMap::new(), cfg).is_some()
    })
}

pub(super) fn build(
    shape: &Shape,
    file: &str,
    block: &Block,
    header: Header,
    cfg: &Config,
) -> (Table, usize) {
    let sheet = shape.sheet;
    let rows = &sheet.rows;
    let Header {
        rows: taken,
        labels,
        found: m,
    } = header;
    let top = taken[0];
    let bottom = *taken.last().expect("a header has rows");
    // The numbering row counts when it stands among the rows taken or right under them.
    let numbering_at = block
        .numbering
        .filter(|&n| n > top && rows[n].0 <= rows[bottom].0 + 1);
    let header_first = rows[top].0;
    let header_last = match numbering_at {
        Some(n) if n < bottom => rows[bottom].0,
        _ => rows[bottom].0,
    };
    // The table's width: its matched columns (a plain table: its header's first),
    // widened over adjacent header cells.
    let header_cols: std::collections::BTreeSet<u32> = labels.keys().copied().collect();
    let named: Vec<u32> = if m.columns.is_empty() {
        labels.keys().copied().take(1).collect()
    } else {
        m.columns.iter().map(|c| c.index).collect()
    };
    let mut first = *named.iter().min().expect("a header names columns");
    let mut last = *named.iter().max().expect("a header names columns");
    while first > 0 && header_cols.contains(&(first - 1)) {
        first -= 1;
    }
    // Columns without a header cell that the body fills, between header cells: a
    // header cell merged over them whose merge the file does not record (an
    // .ods), or a label typed in the first of them only (`Kode` over four code
    // columns).
    let body_fills = |col: u32| {
        rows[bottom + 1..]
            .iter()
            .take(10)
            .any(|(_, cells)| cells.iter().any(|c| c.at.col == col))
    };
    loop {
        while header_cols.contains(&(last + 1)) {
            last += 1;
        }
        match header_cols.range(last + 1..).next() {
            Some(&next) if (last + 1..next).all(body_fills) => last = next,
            _ => break,
        }
    }
    // A column left of the header with no header cell, whose rows below hold
    // texts (the groups `Pendapatan`, `Belanja` of a village budget): part of
    // the table.
    if first > 0 && !header_cols.contains(&(first - 1)) {
        let left = first - 1;
        let texts = rows[bottom + 1..]
            .iter()
            .take(50)
            .filter(|(_, cells)| {
                cells.iter().any(|c| {
                    c.at.col == left && c.text().is_some_and(|t| t.chars().any(char::is_alphabetic))
                }) && cells.iter().any(|c| c.at.col > left)
            })
            .count();
        let header_left = taken
            .iter()
            .any(|&i| rows[i].1.iter().any(|c| c.at.col < first));
        if texts >= 2 && !header_left {
            first = left;
        }
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

    let mut columns = m.columns;
    let repeated = m.kind.repeated();
    if !repeated.is_empty() {
        repeated_columns(m.kind, repeated, &labels, (first, last), &mut columns, cfg);
    }
    let numbering: Vec<Cell> = numbering_at
        .map(|n| in_span(&rows[n].1))
        .unwrap_or_default();
    let mut table_rows: Vec<Row> = Vec::new();
    let mut notes: Vec<Cell> = Vec::new();
    let mut prev = header_last.max(numbering_at.map_or(0, |n| rows[n].0));
    let mut j = bottom.max(numbering_at.unwrap_or(0)) + 1;
    let mut ended_by_note = false;
    let mut ended_by_header = false;
    while j < rows.len() {
        let (r, cells) = &rows[j];
        let cells = in_span(cells);
        if cells.is_empty() {
            // A row with cells beside the table only is no gap in it.
            prev = *r;
            j += 1;
            continue;
        }
        let after_gap = *r > prev + 1;
        if is_note(&cells) {
            ended_by_note = true;
            break;
        }
        if header_starts(shape, j, cfg) {
            let repeats_ours = cells.iter().filter(|c| {
                let t = header::text_of(c)
                    .map(|t| normalize_header(&t))
                    .unwrap_or_default();
                header_texts
                    .iter()
                    .any(|(col, h)| *col == c.at.col && *h == t)
            });
            if repeats_ours.count() >= 2 && !after_gap {
                // The header repeated (a page break in the office's habit): skip it.
                prev = *r;
                j += 1;
                if j < rows.len()
                    && rows[j].0 == prev + 1
                    && header::is_numbering(&in_span(&rows[j].1))
                {
                    prev = rows[j].0;
                    j += 1;
                }
                continue;
            }
            ended_by_header = true;
            break;
        }
        if after_gap && !looks_like_data(&cells, m.kind, &columns) {
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
        if k != j && header_starts(shape, k, cfg) {
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
    let fields = fields(&labels, (first, last), &table_rows, &numbering);
    realisation_by_its_percent(m.kind, &mut columns, &fields, &table_rows);
    let tree = super::tree::build(&table_rows, &fields, sheet);
    let table = Table {
        rival: m.rival,
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
        fields,
        tree,
        numbering,
        rows: table_rows,
        notes,
        // Read once the sheet's tables are all located (`super::title`).
        title: Vec::new(),
        year: None,
        year_problems: Vec::new(),
    };
    (table, j)
}

/// Every column under the header with a label or a body cell, and what it holds.
fn fields(
    labels: &BTreeMap<u32, Label>,
    (first, last): (u32, u32),
    rows: &[Row],
    numbering: &[Cell],
) -> Vec<Field> {
    let numbering = super::stated::Numbering::read(numbering);
    (first..=last)
        .filter_map(|index| {
            // What a column holds is told from evenly spaced rows of a long table;
            // a sparse column the spacing misses is read whole.
            let step = rows.len().div_ceil(super::holds::SAMPLE).max(1);
            let mut cells: Vec<&Cell> = rows
                .iter()
                .step_by(step)
                .filter_map(|r| r.at(index))
                .collect();
            if cells.is_empty() && step > 1 {
                cells = rows.iter().filter_map(|r| r.at(index)).collect();
            }
            let label = labels.get(&index);
            if label.is_none() && cells.is_empty() {
                return None;
            }
            let text = label
                .map(|l| l.candidates().pop().unwrap_or_default())
                .unwrap_or_default();
            Some(Field {
                index,
                label: label.map(|l| l.written.clone()).unwrap_or_default(),
                header: label
                    .and_then(|l| l.cell)
                    .unwrap_or(CellRef::new(rows.first().map_or(0, |r| r.row), index)),
                holds: super::holds::classify(&text, &cells),
                number: numbering.group_of(index),
            })
        })
        .collect()
}

/// A budget realisation's `%` is its realisasi over its pagu. Of its money columns
/// (`Realisasi TW I` … `Realisasi TW IV`, `Jumlah Realisasi`), the realisasi is the
/// one the rows' percentages follow, whichever the header words matched first.
fn realisation_by_its_percent(
    kind: TableKind,
    columns: &mut [Column],
    fields: &[Field],
    rows: &[Row],
) {
    use crate::table::Col;
    use rust_decimal::Decimal;
    if kind != TableKind::Anggaran {
        return;
    }
    let at = |col: Col| columns.iter().find(|c| c.col == col).map(|c| c.index);
    let (Some(pagu), Some(real)) = (at(Col::Pagu), at(Col::Realisasi)) else {
        return;
    };
    let Some(pct) = at(Col::Persen) else {
        return realisation_as_the_sum_of_its_parts(columns, fields, rows, pagu, real);
    };
    let hundred = Decimal::ONE_HUNDRED;
    let half = Decimal::new(51, 2);
    // Rows whose % is `i` over the pagu, in whole percent or as a ratio.
    let follows = |i: u32| {
        rows.iter()
            .filter(|row| {
                let (Some(x), Some(p), Some(stated)) =
                    (row.amount(i), row.amount(pagu), row.amount(pct))
                else {
                    return false;
                };
                if p.is_zero() || x.is_zero() {
                    return false;
                }
                let Some(share) = x.checked_div(p).and_then(|q| q.checked_mul(hundred)) else {
                    return false;
                };
                (share - stated).abs() <= half || (share - stated * hundred).abs() <= half
            })
            .count()
    };
    let now = follows(real);
    let Some((n, field)) = fields
        .iter()
        .filter(|f| f.holds == Holds::Money && ![pagu, pct, real].contains(&f.index))
        .filter(|f| !columns.iter().any(|c| c.index == f.index))
        .map(|f| (follows(f.index), f))
        .max_by_key(|(n, f)| (*n, std::cmp::Reverse(f.index)))
    else {
        return;
    };
    if n >= 2 && n > now * 2 {
        take_as_realisation(columns, field);
    }
}

/// Without a `%`: the realisation is the money column that adds up the others on
/// its rows (`Jumlah Realisasi` = TW I + … + TW IV), when there is one.
fn realisation_as_the_sum_of_its_parts(
    columns: &mut [Column],
    fields: &[Field],
    rows: &[Row],
    pagu: u32,
    real: u32,
) {
    use rust_decimal::Decimal;
    // The money columns no column of the kind took, and the realisasi it took.
    let free: Vec<u32> = fields
        .iter()
        .filter(|f| f.holds == Holds::Money && f.index != pagu)
        .filter(|f| f.index == real || !columns.iter().any(|c| c.index == f.index))
        .map(|f| f.index)
        .collect();
    if free.len() < 3 {
        return;
    }
    let adds_the_others = |i: u32| {
        let (mut sums, mut seen) = (0usize, 0usize);
        for row in rows {
            let Some(total) = row.amount(i).filter(|v| !v.is_zero()) else {
                continue;
            };
            seen += 1;
            let parts: Decimal = free
                .iter()
                .filter(|&&j| j != i)
                .filter_map(|&j| row.amount(j))
                .sum();
            sums += usize::from(parts == total);
        }
        seen >= 2 && sums * 3 >= seen * 2
    };
    let Some(&total) = free.iter().find(|&&i| i != real && adds_the_others(i)) else {
        return;
    };
    if let Some(field) = fields.iter().find(|f| f.index == total) {
        take_as_realisation(columns, field);
    }
}

/// `field` is the table's realisasi column.
fn take_as_realisation(columns: &mut [Column], field: &Field) {
    if let Some(c) = columns
        .iter_mut()
        .find(|c| c.col == crate::table::Col::Realisasi)
    {
        c.index = field.index;
        c.label = field.label.clone();
        c.header = field.header;
    }
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
            fields: table
                .fields
                .iter()
                .filter(|f| cols.iter().any(|c| c.index == f.index))
                .cloned()
                .collect(),
            columns: cols,
            // The same rows: the same hierarchy.
            tree: table.tree.clone(),
            rows,
            notes: Vec::new(),
            title: Vec::new(),
            year: None,
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
        let own = label.own();
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
fn looks_like_data(cells: &[Cell], kind: TableKind, columns: &[Column]) -> bool {
    let filled = columns
        .iter()
        .filter(|c| cells.iter().any(|x| x.at.col == c.index))
        .count();
    let numeric = kind
        .columns()
        .iter()
        .filter(|s| s.number.is_some())
        .any(|s| {
            columns.iter().filter(|c| c.col == s.col).any(|c| {
                cells.iter().any(|x| {
                    x.at.col == c.index
                        && match &x.value {
                            Value::Number { .. } => true,
                            Value::Text(t) => {
                                crate::number::parse_text(t, crate::number::NumberKind::Measure)
                                    .is_ok()
                            }
                            _ => false,
                        }
                })
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
