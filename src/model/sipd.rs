//! SIPD realisation exports (`sipd_realisasi`): the rekap an office downloads
//! from SIPD, every row of urusan → bidang → organisation → program → kegiatan →
//! sub kegiatan → account with its anggaran and realisasi per kelompok belanja
//! (or one pair for the total). The mapping of a table's structure (its fields
//! and tree, as the structure stage gave them) onto these records; the exports of
//! a year as one series, read as the latest cumulative export or as the sum of
//! monthly ones; and Tabel 3.4 as the series gives it. Nothing here judges a
//! figure.

use super::budget::{BudgetLine, Realisation, RealisationProgram};
use super::{Figure, TableView};
use crate::cell::CellRef;
use crate::number::NumberKind;
use crate::read::Sheet;
use crate::structure::codes;
use crate::structure::tree::RowRole;
use crate::structure::{self, sipd as recognised, Table};
use crate::table::{normalize_header, Col, TableKind};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The records of this domain.
#[derive(Debug, Default)]
pub struct Sipd {
    pub exports: Vec<Export>,
    pub series: Vec<Series>,
    /// The series the report's Tabel 3.4 comes from (index into `series`).
    pub reported: Option<usize>,
    /// Tabel 3.4 as that series gives it: programs and their kegiatan with the
    /// year's anggaran (pagu) and realisasi.
    pub realisation: Option<Realisation>,
}

/// A row's level in the budget hierarchy, from its code (a lone digit under a
/// budget row is an akun, `Akun(1)`).
pub use crate::structure::codes::CodeLevel as Level;

/// An `Anggaran | Realisasi` pair of columns: one kelompok belanja's, or the total's.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The kelompok as written (`Operasi`); `None` for the total pair.
    pub kelompok: Option<String>,
    pub anggaran: Option<u32>,
    pub realisasi: Option<u32>,
}

/// An office's own column beside the export's pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct Extra {
    pub col: u32,
    pub label: String,
    pub header: CellRef,
}

/// The period an export covers, as its title, sheet name or file name says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Period {
    /// 1–12: the month it covers, or the last month of a cumulative export.
    pub month: Option<u8>,
    /// `s.d. Juli`, `Januari s.d. Juli`: realisation since the start of the year.
    pub cumulative: bool,
    /// The text it was read from.
    pub said: Option<String>,
    /// Where that text stands.
    pub from: Option<PeriodFrom>,
}

/// Where an export's period was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodFrom {
    Title,
    SheetName,
    FileName,
}

/// One row of an export.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Zero-based sheet row.
    pub row: u32,
    /// The row's own code (its deepest code cell), as written.
    pub code: Option<String>,
    pub code_cell: Option<CellRef>,
    /// The codes from the top row down to this one: the same row in another export
    /// of the same office, whatever its layout.
    pub key: Vec<String>,
    /// `None` for a code no level has, and for rows without a code.
    pub level: Option<Level>,
    pub role: RowRole,
    pub name: String,
    pub name_cell: CellRef,
    /// Index into [`Export::lines`].
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Per pair of [`Export::pairs`].
    pub anggaran: Vec<Option<Figure>>,
    pub realisasi: Vec<Option<Figure>>,
    /// The total pair's cells, when the export has one beside its kelompok pairs.
    pub total_anggaran: Option<Figure>,
    pub total_realisasi: Option<Figure>,
    /// Per column of [`Export::percents`] and [`Export::plans`].
    pub percents: Vec<Option<Figure>>,
    pub plans: Vec<Option<Figure>>,
}

/// The sum of filled figures (a blank is zero); `None` when one cannot be read.
pub fn sum_of(figures: &[Option<Figure>]) -> Option<Decimal> {
    let mut total = Decimal::ZERO;
    for f in figures.iter().flatten() {
        total += f.value?;
    }
    Some(total)
}

impl Line {
    /// The row's anggaran: the sum of its kelompok (a blank cell is zero); `None`
    /// when a cell cannot be read.
    pub fn anggaran(&self) -> Option<Decimal> {
        sum_of(&self.anggaran)
    }

    pub fn realisasi(&self) -> Option<Decimal> {
        sum_of(&self.realisasi)
    }

    /// Whether any amount is filled in.
    pub fn has_amounts(&self) -> bool {
        self.anggaran
            .iter()
            .chain(&self.realisasi)
            .any(Option::is_some)
    }
}

/// One export: a table of kind `sipd_realisasi`.
#[derive(Debug, Clone)]
pub struct Export {
    /// Index into `Model::tables`.
    pub table: usize,
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    /// The year its title gives (`TAHUN ANGGARAN 2026`).
    pub year: Option<i32>,
    pub period: Period,
    /// The kelompok pairs, or the one pair of an export without kelompok.
    pub pairs: Vec<Pair>,
    /// A total pair beside the kelompok pairs (the office's own, or SIPD's).
    pub total: Option<Pair>,
    /// The office's `%` columns.
    pub percents: Vec<Extra>,
    /// The office's plan columns (`PAGU AKAS`, `RENCANA`, `TARGET`).
    pub plans: Vec<Extra>,
    pub lines: Vec<Line>,
    /// The organisation code (`2.16.2.20.2.21.01.0000`), when a row has one.
    pub organisation: Option<String>,
    /// This export is another sheet's rows seen again (a filtered copy, a REKAP
    /// beside the full sheet, the same file twice): index into [`Sipd::exports`]
    /// of the one counted.
    pub copy_of: Option<usize>,
    /// Rows where a copy holds other figures than the export it copies.
    pub disagreements: Vec<Disagreement>,
}

impl Export {
    /// The top rows (urusan, or whatever the shallowest level is): their sum is
    /// the export's total.
    pub fn tops(&self) -> Vec<usize> {
        let roots = || {
            (0..self.lines.len()).filter(|&i| {
                let l = &self.lines[i];
                l.parent.is_none() && l.role != RowRole::Total && l.level.is_some()
            })
        };
        let Some(top) = roots().filter_map(|i| self.lines[i].level).min() else {
            return Vec::new();
        };
        roots()
            .filter(|&i| self.lines[i].level == Some(top))
            .collect()
    }

    /// The export's total anggaran and realisasi: the sum of its top rows.
    pub fn totals(&self) -> (Option<Decimal>, Option<Decimal>) {
        let tops = self.tops();
        let add = |f: fn(&Line) -> Option<Decimal>| -> Option<Decimal> {
            tops.iter().map(|&i| f(&self.lines[i])).sum()
        };
        (add(Line::anggaran), add(Line::realisasi))
    }

    /// The line with this key.
    pub fn by_key(&self) -> HashMap<&[String], usize> {
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.key.is_empty())
            .map(|(i, l)| (l.key.as_slice(), i))
            .collect()
    }

    /// The cell of `line` in the first pair's anggaran column (or the total's).
    pub fn anggaran_cell(&self, line: usize) -> Option<CellRef> {
        let col = self.pairs.iter().find_map(|p| p.anggaran)?;
        Some(CellRef::new(self.lines[line].row, col))
    }

    pub fn realisasi_cell(&self, line: usize) -> Option<CellRef> {
        let col = self.pairs.iter().find_map(|p| p.realisasi)?;
        Some(CellRef::new(self.lines[line].row, col))
    }
}

/// A copy's row whose figure differs from the same row of the export it copies.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    /// Index into the copy's lines, and into the counted export's.
    pub line: usize,
    pub other: usize,
    /// The copy's cell and value, and the counted export's.
    pub here: (CellRef, Decimal),
    pub there: (CellRef, Decimal),
}

/// How a series of exports gives the year's realisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// One export.
    Single,
    /// Each export holds the realisation since January: the latest one is the year's.
    Cumulative,
    /// Each export holds its own month: the year's is their sum.
    Monthly,
}

/// Why a series was read as it was.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// One export.
    Single,
    /// An export's title or period says `s.d.` (index into [`Sipd::exports`]).
    SaidCumulative { export: usize },
    /// A row's realisation is lower in a later export than in an earlier one.
    Fell {
        earlier: (usize, usize),
        later: (usize, usize),
    },
    /// Neither export holds less than the other on any row, and the latest holds
    /// the most.
    NeverFell,
}

/// An anggaran that changed from one export of a series to the next (pergeseran).
#[derive(Debug, Clone, PartialEq)]
pub struct Shift {
    /// (export, line) before and after.
    pub before: (usize, usize),
    pub after: (usize, usize),
    pub from: Decimal,
    pub to: Decimal,
}

/// A row of the year as the series gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct YearLine {
    pub key: Vec<String>,
    pub level: Level,
    pub code: String,
    pub name: String,
    pub anggaran: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    /// The (export, line) its anggaran comes from, and every (export, line) its
    /// realisasi adds up.
    pub anggaran_from: (usize, usize),
    pub realisasi_from: Vec<(usize, usize)>,
}

/// The exports of one organisation and year, oldest first.
#[derive(Debug, Clone)]
pub struct Series {
    pub organisation: Option<String>,
    pub year: Option<i32>,
    /// Indices into [`Sipd::exports`] of the exports counted, in order.
    pub exports: Vec<usize>,
    pub reading: Reading,
    pub why: Why,
    /// Months between the first and the last export that no export covers, for
    /// monthly exports whose months are known.
    pub missing_months: Vec<u8>,
    pub shifts: Vec<Shift>,
    /// Program, kegiatan and sub kegiatan rows of the year, in code order.
    pub year_lines: Vec<YearLine>,
}

impl Series {
    /// Whether the series covers the whole year as far as its months tell: its
    /// latest export reaches December (or names no month), and a monthly series
    /// misses no month from January.
    pub fn whole_year(&self, exports: &[Export]) -> bool {
        let month = |i: usize| exports[i].period.month;
        let last = month(self.latest());
        let first = month(self.exports[0]);
        last.is_none_or(|m| m == 12)
            && (self.reading != Reading::Monthly
                || (self.missing_months.is_empty() && first.is_none_or(|m| m == 1)))
    }

    /// The latest export.
    pub fn latest(&self) -> usize {
        *self.exports.last().expect("a series has an export")
    }
}

/// Builds the exports of every `sipd_realisasi` table, their series and Tabel 3.4.
pub fn build(views: &[TableView], reading: &structure::Reading, year: i32) -> Sipd {
    let mut sipd = Sipd::default();
    for view in views {
        if view.kind() != TableKind::SipdRealisasi {
            continue;
        }
        let t = view.table;
        let sheet = reading
            .inputs
            .iter()
            .filter(|i| i.file == t.file)
            .flat_map(|i| &i.sheets)
            .find(|s| s.name == t.sheet);
        let above = titles(sheet, t, &reading.tables);
        sipd.exports.push(export(view, &above));
    }
    find_copies(&mut sipd.exports);
    sipd.series = series(&sipd.exports);
    sipd.reported = sipd
        .series
        .iter()
        .enumerate()
        .filter(|(_, s)| s.year.is_none_or(|y| y == year))
        .max_by_key(|(i, s)| (s.year_lines.len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    sipd.realisation = sipd
        .reported
        .map(|s| as_realisation(&sipd.exports, &sipd.series[s]));
    sipd
}

/// The texts above a table (its title rows), after any other table of the sheet.
fn titles(sheet: Option<&Sheet>, t: &Table, tables: &[Table]) -> Vec<String> {
    let Some(sheet) = sheet else {
        return Vec::new();
    };
    let first = t.header.first.row;
    let after = tables
        .iter()
        .filter(|o| o.file == t.file && o.sheet == t.sheet && o.range.last.row < first)
        .map(|o| o.range.last.row + 1)
        .max()
        .unwrap_or(0);
    sheet
        .rows
        .iter()
        .filter(|(r, _)| (after..first).contains(r))
        .flat_map(|(_, cells)| cells.iter().filter_map(|c| c.text()))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn export(view: &TableView, titles: &[String]) -> Export {
    let t = view.table;
    let (pairs, total) = pairs(t);
    let extras = |keep: &dyn Fn(&crate::structure::Field) -> bool| -> Vec<Extra> {
        t.fields
            .iter()
            .filter(|f| keep(f))
            .map(|f| Extra {
                col: f.index,
                label: f.label.clone(),
                header: f.header,
            })
            .collect()
    };
    let percents = extras(&|f| {
        t.columns
            .iter()
            .any(|c| c.index == f.index && c.col == Col::Persen)
    });
    let plans = extras(&|f| {
        f.holds.is_additive() && !t.columns.iter().any(|c| c.index == f.index) && is_plan(&f.label)
    });
    let name_col = t.column(Col::Uraian).map(|c| c.index);
    let code_cols: Vec<u32> = t
        .columns
        .iter()
        .filter(|c| c.col == Col::Kode)
        .map(|c| c.index)
        .collect();
    let read = |row: &crate::structure::Row, col: Option<u32>, kind: NumberKind| {
        col.and_then(|c| row.at(c))
            .map(|cell| Figure::read(cell, kind))
    };
    let mut lines: Vec<Line> = t
        .rows
        .iter()
        .zip(&t.tree.nodes)
        .map(|(row, node)| {
            let code_cell = node.code.as_ref().and_then(|_| {
                code_cols
                    .iter()
                    .rev()
                    .find_map(|&c| row.at(c).filter(|x| !x.written().trim().is_empty()))
                    .map(|c| c.at)
            });
            let name_cell = name_col
                .and_then(|c| row.at(c))
                .filter(|c| !c.written().trim().is_empty())
                .or_else(|| {
                    row.cells.iter().find(|c| {
                        !code_cols.contains(&c.at.col) && c.text().is_some_and(|t| !t.is_empty())
                    })
                });
            Line {
                row: row.row,
                code: node.code.clone(),
                code_cell,
                key: Vec::new(),
                level: None,
                role: node.role,
                name: name_cell
                    .map(|c| c.written().trim().to_string())
                    .unwrap_or_default(),
                name_cell: name_cell.map_or(CellRef::new(row.row, name_col.unwrap_or(0)), |c| c.at),
                parent: node.parent,
                children: node.children.clone(),
                anggaran: pairs
                    .iter()
                    .map(|p| read(row, p.anggaran, NumberKind::Money))
                    .collect(),
                realisasi: pairs
                    .iter()
                    .map(|p| read(row, p.realisasi, NumberKind::Money))
                    .collect(),
                total_anggaran: total
                    .as_ref()
                    .and_then(|p| read(row, p.anggaran, NumberKind::Money)),
                total_realisasi: total
                    .as_ref()
                    .and_then(|p| read(row, p.realisasi, NumberKind::Money)),
                percents: percents
                    .iter()
                    .map(|x| read(row, Some(x.col), NumberKind::Percent))
                    .collect(),
                plans: plans
                    .iter()
                    .map(|x| read(row, Some(x.col), NumberKind::Money))
                    .collect(),
            }
        })
        .collect();
    let code_level = |l: &Line| l.code.as_deref().and_then(codes::level);
    let levels: Vec<Option<Level>> = lines
        .iter()
        .map(|l| {
            if l.role == RowRole::Total {
                return None;
            }
            let under_budget_row = l
                .parent
                .and_then(|p| code_level(&lines[p]))
                .is_some_and(|p| !matches!(p, Level::Urusan | Level::Bidang));
            code_level(l).map(|own| match own {
                // A lone digit under a budget row is the akun (`5` Belanja).
                Level::Urusan if under_budget_row => Level::Akun(1),
                own => own,
            })
        })
        .collect();
    for (l, level) in lines.iter_mut().zip(levels) {
        l.level = level;
    }
    for i in 0..lines.len() {
        lines[i].key = key_of(&lines, i);
    }
    let (year, period) = period_of(titles, &t.sheet, &t.file);
    Export {
        table: view.index,
        file: Arc::from(t.file.as_str()),
        sheet: Arc::from(t.sheet.as_str()),
        year,
        period,
        pairs,
        total,
        percents,
        plans,
        organisation: lines
            .iter()
            .find(|l| l.level == Some(Level::Organisasi))
            .and_then(|l| l.code.clone()),
        lines,
        copy_of: None,
        disagreements: Vec::new(),
    }
}

/// The codes from the top row down to line `i`; empty for a row without a code
/// and for a total row.
fn key_of(lines: &[Line], i: usize) -> Vec<String> {
    if lines[i].role == RowRole::Total || lines[i].code.is_none() {
        return Vec::new();
    }
    let mut key = Vec::new();
    let mut at = Some(i);
    while let Some(k) = at {
        if let Some(c) = &lines[k].code {
            key.push(c.trim().trim_end_matches('.').to_string());
        }
        at = lines[k].parent;
        if key.len() > lines.len() {
            break;
        }
    }
    key.reverse();
    key
}

/// An office's plan column: the cash plan or a target beside the export's pairs.
fn is_plan(label: &str) -> bool {
    let n = normalize_header(label);
    n.split(' ')
        .any(|w| matches!(w, "AKAS" | "KAS" | "RENCANA" | "TARGET" | "RAK"))
}

/// The words a total pair's group or own header has (`Jumlah / Anggaran`, `TOTAL
/// REALISASI`).
fn says_total(text: &str) -> bool {
    text.split(' ').any(|w| matches!(w, "JUMLAH" | "TOTAL"))
}

/// The `Anggaran | Realisasi` pairs, each anggaran with the first realisasi to its
/// right under the same group; a total pair beside kelompok pairs apart.
fn pairs(t: &Table) -> (Vec<Pair>, Option<Pair>) {
    let mut monies: Vec<(u32, Col, String, String)> = t
        .columns
        .iter()
        .filter(|c| matches!(c.col, Col::Anggaran | Col::Realisasi))
        .map(|c| {
            let (own, group) = recognised::own_and_group(&c.label);
            // The kelompok: the group cell right above (`Operasi` under `Kelompok
            // Belanja`), as written; it pairs the columns.
            let kelompok = c
                .label
                .rsplit_once(" / ")
                .map(|(g, _)| g.rsplit(" / ").next().unwrap_or(g).trim().to_string())
                .unwrap_or_default();
            let total = says_total(&own) || group.is_empty() || says_total(&group);
            let key = if total {
                String::new()
            } else {
                normalize_header(&kelompok)
            };
            (
                c.index,
                c.col,
                key,
                if total { String::new() } else { kelompok },
            )
        })
        .collect();
    monies.sort_by_key(|m| m.0);
    let mut used = vec![false; monies.len()];
    let mut all: Vec<(Pair, bool)> = Vec::new();
    for i in 0..monies.len() {
        if used[i] {
            continue;
        }
        used[i] = true;
        let (col, kind, group, kelompok) = &monies[i];
        let partner = (i + 1..monies.len())
            .find(|&j| !used[j] && monies[j].2 == *group && monies[j].1 != *kind);
        let (anggaran, realisasi) = match (kind, partner) {
            (Col::Anggaran, Some(j)) => (Some(*col), Some(monies[j].0)),
            (Col::Anggaran, None) => (Some(*col), None),
            (_, Some(j)) => (Some(monies[j].0), Some(*col)),
            (_, None) => (None, Some(*col)),
        };
        if let Some(j) = partner {
            used[j] = true;
        }
        all.push((
            Pair {
                kelompok: (!kelompok.is_empty()).then(|| kelompok.clone()),
                anggaran,
                realisasi,
            },
            group.is_empty(),
        ));
    }
    let kelompok = all.iter().filter(|(_, total)| !total).count();
    if kelompok == 0 {
        return (all.into_iter().map(|(p, _)| p).collect(), None);
    }
    let mut total = None;
    let mut pairs = Vec::new();
    for (p, is_total) in all {
        if is_total && total.is_none() {
            total = Some(p);
        } else {
            pairs.push(p);
        }
    }
    (pairs, total)
}

const MONTHS: [&[&str]; 12] = [
    &["JANUARI", "JAN", "JANUARY"],
    &["FEBRUARI", "FEB", "PEBRUARI", "FEBRUARY"],
    &["MARET", "MAR", "MARCH"],
    &["APRIL", "APR"],
    &["MEI", "MAY"],
    &["JUNI", "JUN", "JUNE"],
    &["JULI", "JUL", "JULY"],
    &["AGUSTUS", "AGU", "AGT", "AGS", "AUG", "AUGUST"],
    &["SEPTEMBER", "SEP", "SEPT"],
    &["OKTOBER", "OKT", "OCT", "OCTOBER"],
    &["NOVEMBER", "NOV", "NOP"],
    &["DESEMBER", "DES", "DEC", "DECEMBER"],
];

fn month_of(word: &str) -> Option<u8> {
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|i| i as u8 + 1)
}

/// The period a text names: `s.d. Juli`, `1 Januari s.d. 31 Juli 2026`, `Bulan
/// Juli`, `lra_juli`. `None` when it names no month.
pub fn period_in(text: &str) -> Option<Period> {
    // `s.d.`, `s/d`, `sd`, `sampai dengan` become one word.
    let n = normalize_header(text);
    let n = format!(" {n} ")
        .replace(" SAMPAI DENGAN ", " SD ")
        .replace(" S D ", " SD ");
    let words: Vec<&str> = n.split_whitespace().collect();
    let months: Vec<(usize, u8)> = words
        .iter()
        .enumerate()
        .filter_map(|(i, w)| month_of(w).map(|m| (i, m)))
        .collect();
    let &(last_at, last) = months.last()?;
    let until = words[..last_at].contains(&"SD");
    let from = months.iter().find(|(i, _)| *i < last_at).map(|(_, m)| *m);
    // From January (or from no stated start) to a later month; `1 Juli s.d. 31
    // Juli` is July's own.
    let cumulative = until
        && match from {
            None => true,
            Some(m) => m == 1 && last != 1,
        };
    Some(Period {
        month: Some(last),
        cumulative,
        said: Some(text.trim().to_string()),
        from: None,
    })
}

/// The year and period of an export: its title rows first, then its sheet's name,
/// then its file's name.
fn period_of(titles: &[String], sheet: &str, file: &str) -> (Option<i32>, Period) {
    let year = titles.iter().find_map(|t| {
        normalize_header(t).split(' ').find_map(|w| {
            w.parse::<i32>()
                .ok()
                .filter(|y| w.len() == 4 && (2000..=2100).contains(y))
        })
    });
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let period = titles
        .iter()
        .map(|t| (t.as_str(), PeriodFrom::Title))
        .chain([(sheet, PeriodFrom::SheetName), (stem, PeriodFrom::FileName)])
        .find_map(|(text, from)| {
            period_in(text).map(|p| Period {
                from: Some(from),
                ..p
            })
        })
        .unwrap_or_default();
    (year, period)
}

/// Sheets and files holding the same rows are one export: a later table whose
/// rows all agree with an earlier one's (or, in one workbook, that shares rows
/// with it and says no other month) is a copy of the fuller one.
fn find_copies(exports: &mut [Export]) {
    let n = exports.len();
    for b in 0..n {
        for a in 0..b {
            if exports[a].copy_of.is_some() {
                continue;
            }
            let (ea, eb) = (&exports[a], &exports[b]);
            let months_differ = matches!(
                (ea.period.month, eb.period.month),
                (Some(x), Some(y)) if x != y
            );
            if months_differ || ea.year != eb.year || ea.organisation != eb.organisation {
                continue;
            }
            let shared = shared_lines(ea, eb);
            if shared.is_empty() {
                continue;
            }
            let differ: Vec<Disagreement> = shared
                .iter()
                .flat_map(|&(i, j)| disagreement(eb, j, ea, i))
                .collect();
            let same_book = ea.file == eb.file;
            if !differ.is_empty() && !same_book {
                continue;
            }
            // The fuller one is counted; the other is its copy.
            let (keep, copy) = if eb.lines.len() > ea.lines.len() {
                (b, a)
            } else {
                (a, b)
            };
            let differ = if copy == b {
                differ
            } else {
                shared
                    .iter()
                    .flat_map(|&(i, j)| disagreement(&exports[a], i, &exports[b], j))
                    .collect()
            };
            for e in exports.iter_mut() {
                if e.copy_of == Some(copy) {
                    e.copy_of = Some(keep);
                }
            }
            exports[copy].copy_of = Some(keep);
            exports[copy].disagreements = differ;
            break;
        }
    }
}

/// Rows of `a` and `b` with the same key and amounts in both: (line in a, line in b).
fn shared_lines(a: &Export, b: &Export) -> Vec<(usize, usize)> {
    let by_key = b.by_key();
    a.lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.key.is_empty() && l.has_amounts())
        .filter_map(|(i, l)| {
            by_key
                .get(l.key.as_slice())
                .filter(|&&j| b.lines[j].has_amounts())
                .map(|&j| (i, j))
        })
        .collect()
}

/// Where line `i` of `copy` holds another anggaran or realisasi than line `j` of `other`.
fn disagreement(copy: &Export, i: usize, other: &Export, j: usize) -> Option<Disagreement> {
    let (x, y) = (&copy.lines[i], &other.lines[j]);
    let cells = [
        (
            x.anggaran(),
            y.anggaran(),
            copy.anggaran_cell(i),
            other.anggaran_cell(j),
        ),
        (
            x.realisasi(),
            y.realisasi(),
            copy.realisasi_cell(i),
            other.realisasi_cell(j),
        ),
    ];
    cells
        .into_iter()
        .find_map(|(a, b, ca, cb)| match (a, b, ca, cb) {
            (Some(a), Some(b), Some(ca), Some(cb)) if a != b => Some(Disagreement {
                line: i,
                other: j,
                here: (ca, a),
                there: (cb, b),
            }),
            _ => None,
        })
}

/// The counted exports grouped by organisation and year, each group read.
fn series(exports: &[Export]) -> Vec<Series> {
    let mut groups: BTreeMap<(Option<String>, Option<i32>), Vec<usize>> = BTreeMap::new();
    for (i, e) in exports.iter().enumerate() {
        if e.copy_of.is_none() {
            groups
                .entry((e.organisation.clone(), e.year))
                .or_default()
                .push(i);
        }
    }
    groups
        .into_iter()
        .map(|((organisation, year), members)| read_series(exports, organisation, year, members))
        .collect()
}

fn read_series(
    exports: &[Export],
    organisation: Option<String>,
    year: Option<i32>,
    mut members: Vec<usize>,
) -> Series {
    // Oldest first: by month where every export names one, else as found (and,
    // read as cumulative, by how much each has realised).
    let known = members.iter().all(|&i| exports[i].period.month.is_some());
    if known {
        members.sort_by_key(|&i| (exports[i].period.month, i));
    }
    let (reading, why) = if members.len() == 1 {
        (Reading::Single, Why::Single)
    } else if let Some(&e) = members.iter().find(|&&i| exports[i].period.cumulative) {
        (Reading::Cumulative, Why::SaidCumulative { export: e })
    } else if let Some(fell) = first_fall(exports, &members) {
        (Reading::Monthly, fell)
    } else {
        (Reading::Cumulative, Why::NeverFell)
    };
    if reading == Reading::Cumulative && !known {
        members.sort_by_key(|&i| (exports[i].totals().1.unwrap_or_default(), i));
    }
    let months: Vec<u8> = members
        .iter()
        .filter_map(|&i| exports[i].period.month)
        .collect();
    let missing_months = if reading == Reading::Monthly && months.len() == members.len() {
        let (lo, hi) = (months[0], *months.last().expect("months"));
        (lo..=hi).filter(|m| !months.contains(m)).collect()
    } else {
        Vec::new()
    };
    let shifts = shifts(exports, &members);
    let year_lines = year_lines(exports, &members, reading);
    Series {
        organisation,
        year,
        exports: members,
        reading,
        why,
        missing_months,
        shifts,
        year_lines,
    }
}

/// The first row whose realisation is lower in a later export than in an earlier
/// one: the exports then hold each their own month. Where the months are unknown,
/// any two exports in which each holds less than the other somewhere.
fn first_fall(exports: &[Export], members: &[usize]) -> Option<Why> {
    let ordered = members.iter().all(|&i| exports[i].period.month.is_some());
    for (k, &b) in members.iter().enumerate() {
        for &a in &members[..k] {
            let fell =
                |x: usize, y: usize| -> Option<(usize, usize)> {
                    shared_lines(&exports[x], &exports[y]).into_iter().find(|&(i, j)| {
                    let (p, q) = (&exports[x].lines[i], &exports[y].lines[j]);
                    p.children.is_empty()
                        && matches!((p.realisasi(), q.realisasi()), (Some(r), Some(s)) if s < r)
                })
                };
            if ordered {
                if let Some((i, j)) = fell(a, b) {
                    return Some(Why::Fell {
                        earlier: (a, i),
                        later: (b, j),
                    });
                }
            } else if let (Some((i, j)), Some(_)) = (fell(a, b), fell(b, a)) {
                return Some(Why::Fell {
                    earlier: (a, i),
                    later: (b, j),
                });
            }
        }
    }
    None
}

/// Sub kegiatan (or, where an export has none, kegiatan) whose anggaran changed
/// from one export to the next.
fn shifts(exports: &[Export], members: &[usize]) -> Vec<Shift> {
    let mut out = Vec::new();
    for w in members.windows(2) {
        let (a, b) = (&exports[w[0]], &exports[w[1]]);
        let unit = |e: &Export| {
            if e.lines.iter().any(|l| l.level == Some(Level::SubKegiatan)) {
                Level::SubKegiatan
            } else {
                Level::Kegiatan
            }
        };
        let level = unit(a).max(unit(b));
        for (i, j) in shared_lines(a, b) {
            if a.lines[i].level != Some(level) {
                continue;
            }
            if let (Some(from), Some(to)) = (a.lines[i].anggaran(), b.lines[j].anggaran()) {
                if from != to {
                    out.push(Shift {
                        before: (w[0], i),
                        after: (w[1], j),
                        from,
                        to,
                    });
                }
            }
        }
    }
    out
}

/// The year's program, kegiatan and sub kegiatan rows: the anggaran of the latest
/// export that has the row, the realisasi of the latest (cumulative) or the sum
/// of every export's (monthly).
fn year_lines(exports: &[Export], members: &[usize], reading: Reading) -> Vec<YearLine> {
    let mut out: BTreeMap<Vec<String>, YearLine> = BTreeMap::new();
    for &e in members.iter().rev() {
        let export = &exports[e];
        for (i, l) in export.lines.iter().enumerate() {
            let Some(level) = l
                .level
                .filter(|l| matches!(l, Level::Program | Level::Kegiatan | Level::SubKegiatan))
            else {
                continue;
            };
            let entry = out.entry(l.key.clone()).or_insert_with(|| YearLine {
                key: l.key.clone(),
                level,
                code: l.code.clone().unwrap_or_default(),
                name: l.name.clone(),
                anggaran: l.anggaran(),
                realisasi: Some(Decimal::ZERO),
                anggaran_from: (e, i),
                realisasi_from: Vec::new(),
            });
            let counted = match reading {
                Reading::Monthly => true,
                _ => entry.realisasi_from.is_empty(),
            };
            if counted {
                entry.realisasi = match (entry.realisasi, l.realisasi()) {
                    (Some(a), Some(b)) => Some(a + b),
                    _ => None,
                };
                entry.realisasi_from.push((e, i));
            }
        }
    }
    let mut lines: Vec<YearLine> = out.into_values().collect();
    for l in &mut lines {
        l.realisasi_from.reverse();
    }
    lines
}

/// Tabel 3.4 from a series: each program with its kegiatan, their year's anggaran
/// as pagu and realisasi, the cells of the latest export that has them as provenance.
fn as_realisation(exports: &[Export], series: &Series) -> Realisation {
    let line = |y: &YearLine| -> BudgetLine {
        let (e, i) = y.anggaran_from;
        let export = &exports[e];
        let l = &export.lines[i];
        let figure = |value: Option<Decimal>, at: Option<CellRef>| {
            Some(Figure {
                at: at.unwrap_or(l.name_cell),
                value,
                written: value.map(|v| v.normalize().to_string()).unwrap_or_default(),
                decimals: 0,
                stored_as_text: false,
                mark: None,
                dash: false,
                problem: None,
            })
        };
        let (e_real, i_real) = y.realisasi_from.last().copied().unwrap_or((e, i));
        BudgetLine {
            no: Some(y.code.clone()),
            name: y.name.clone(),
            written: y.name.clone(),
            row: l.row,
            cell: l.name_cell,
            pagu: figure(y.anggaran, export.anggaran_cell(i)),
            realisasi: figure(y.realisasi, exports[e_real].realisasi_cell(i_real)),
            persen: None,
            persen_ratio: false,
        }
    };
    let mut programs: Vec<RealisationProgram> = Vec::new();
    for y in series
        .year_lines
        .iter()
        .filter(|y| y.level == Level::Program)
    {
        let head = line(y);
        let kegiatan = series
            .year_lines
            .iter()
            .filter(|k| {
                k.level == Level::Kegiatan
                    && k.key.len() == y.key.len() + 1
                    && k.key.starts_with(&y.key)
            })
            .map(line)
            .collect();
        programs.push(RealisationProgram::headed(head, kegiatan));
    }
    Realisation {
        nested: false,
        table: exports[series.latest()].table,
        programs,
        totals: Vec::new(),
        ratio: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_from_titles_and_names() {
        let p = period_in("Periode 1 Januari s.d. 31 Juli 2026").unwrap();
        assert_eq!((p.month, p.cumulative), (Some(7), true));
        let p = period_in("REALISASI S/D BULAN MARET").unwrap();
        assert_eq!((p.month, p.cumulative), (Some(3), true));
        let p = period_in("Bulan Juli 2026").unwrap();
        assert_eq!((p.month, p.cumulative), (Some(7), false));
        let p = period_in("1 Juli s.d. 31 Juli 2026").unwrap();
        assert_eq!((p.month, p.cumulative), (Some(7), false));
        let p = period_in("lra_januari").unwrap();
        assert_eq!((p.month, p.cumulative), (Some(1), false));
        assert_eq!(period_in("TAHUN ANGGARAN 2026"), None);
        assert_eq!(period_in("Sheet1"), None);
    }
}
