//! Opening one workbook: the format is chosen by the file's content, the file is
//! checked against the configured limits before any parser sees it, and every
//! non-empty cell comes back with its absolute address. This is the only module
//! that touches calamine.

use super::formulas::Formulas;
use super::parts::{Gap, Parts};
use super::span::{Extent, Spans};
use super::{Cell, Value};
use crate::cell::{CellRange, CellRef};
use crate::config::Limits;
use crate::hash::FxHashMap;
use crate::number;
use calamine::{Data, DataRef, Ods, Reader, Xls, Xlsx};
use std::io::{Cursor, Read};

/// A worksheet's filled cells, row by row, and its merged ranges.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    /// Sorted by row, each row's cells sorted by column.
    pub rows: Vec<(u32, Vec<Cell>)>,
    /// Merged cell ranges (xlsx and xls; an .ods reports none).
    pub merges: Vec<CellRange>,
    /// The formulas of the cells that hold one (xlsx, xlsm, ods), sorted by cell;
    /// sparse, so a sheet of typed values costs nothing.
    pub formulas: Formulas,
}

impl Sheet {
    /// The filled cell at `at`.
    pub fn cell(&self, at: CellRef) -> Option<&Cell> {
        let row = self.rows.binary_search_by_key(&at.row, |(r, _)| *r).ok()?;
        let cells = &self.rows[row].1;
        let col = cells.binary_search_by_key(&at.col, |c| c.at.col).ok()?;
        Some(&cells[col])
    }

    /// The filled cell at `at`, to change.
    pub fn cell_mut(&mut self, at: CellRef) -> Option<&mut Cell> {
        let row = self.rows.binary_search_by_key(&at.row, |(r, _)| *r).ok()?;
        let cells = &mut self.rows[row].1;
        let col = cells.binary_search_by_key(&at.col, |c| c.at.col).ok()?;
        Some(&mut cells[col])
    }

    /// The formula of the cell at `at`, without the `=`.
    pub fn formula(&self, at: CellRef) -> Option<&str> {
        self.formulas.get(at)
    }
}

/// The spreadsheet formats the tool reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML: `.xlsx` and `.xlsm`.
    Xlsx,
    /// The binary format of Excel 97–2003.
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
}

/// Why a workbook could not be read; the message is for the office user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

/// Reads a workbook's bytes into sheets.
pub(super) fn open(bytes: Vec<u8>, limits: &Limits) -> Result<(Format, Vec<Sheet>), Unreadable> {
    let (format, mut parts) = sniff(&bytes, limits)?;
    let sheets = match format {
        Format::Xlsx => read_xlsx(&bytes, &mut parts, limits)?,
        Format::Xls => {
            let mut wb = Xls::new(Cursor::new(bytes)).map_err(|e| damaged("xls", e))?;
            let mut sheets = read_ranges(&mut wb)?;
            for sheet in &mut sheets {
                sheet.merges = wb
                    .merge_cells_by_sheet_name(&sheet.name)
                    .map(merged)
                    .unwrap_or_default();
            }
            sheets
        }
        Format::Ods => {
            let mut wb: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(|e| damaged("ods", e))?;
            let mut sheets = read_ranges(&mut wb)?;
            for sheet in &mut sheets {
                if let Ok(range) = wb.worksheet_formula(&sheet.name) {
                    let (r0, c0) = range.start().unwrap_or((0, 0));
                    sheet.formulas =
                        Formulas::from_cells(range.used_cells().map(|(r, c, f)| {
                            (CellRef::new(r0 + r as u32, c0 + c as u32), f.as_str())
                        }));
                }
            }
            sheets
        }
    };
    Ok((format, sheets))
}

fn damaged(format: &str, e: impl std::fmt::Display) -> Unreadable {
    let detail = e.to_string();
    if detail.to_lowercase().contains("password") || detail.to_lowercase().contains("encrypt") {
        return encrypted();
    }
    Unreadable(format!(
        "berkas {format} rusak atau terpotong ({detail}); simpan ulang dari aplikasi aslinya"
    ))
}

fn encrypted() -> Unreadable {
    Unreadable(
        "buku kerja terkunci kata sandi; simpan salinan tanpa kata sandi lalu jalankan lagi".into(),
    )
}

/// Decides the format from the first bytes and, for zip containers, from the
/// entries inside, which are also unpacked once (and thrown away) to bound what
/// they inflate to.
fn sniff(bytes: &[u8], limits: &Limits) -> Result<(Format, Parts), Unreadable> {
    if bytes.is_empty() {
        return Err(Unreadable(
            "berkas kosong (0 byte); salin ulang berkas aslinya".into(),
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return sniff_zip(bytes, limits);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        // An encrypted xlsx is a compound file holding an EncryptionInfo stream.
        let marker: Vec<u8> = "EncryptionInfo"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
            return Err(encrypted());
        }
        super::cfb::check(bytes, limits.max_cells).map_err(|super::cfb::Unsound(why)| {
            Unreadable(if why == super::cfb::TOO_WIDE {
                format!(
                    "sel-sel berkas .xls ini merentang lebih dari {} sel (dari sel pertama sampai \
                     terakhir tiap lembar); buka di Excel, hapus isi yang jauh di luar tabel, lalu \
                     simpan sebagai .xlsx",
                    crate::words::group_thousands(limits.max_cells.into(), 0)
                )
            } else {
                format!(
                    "berkas .xls rusak ({why}); salin ulang berkas aslinya atau simpan ulang dari Excel"
                )
            })
        })?;
        return Ok((Format::Xls, Parts::default()));
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_lowercase();
    if head.contains("<html") || head.contains("<!doctype") || head.contains("<table") {
        return Err(Unreadable(
            "berkas ini halaman HTML, bukan buku kerja; buka di Excel lalu simpan sebagai .xlsx"
                .into(),
        ));
    }
    if bytes[..bytes.len().min(4096)]
        .iter()
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace())
    {
        return Err(Unreadable("berkas ini teks biasa (CSV?), bukan buku kerja; buka di Excel lalu simpan sebagai .xlsx".into()));
    }
    Err(Unreadable(
        "bukan buku kerja Excel atau OpenDocument yang dikenali".into(),
    ))
}

/// Checks the archive by what it really inflates to, and learns the sheets' parts
/// and merged ranges on the way.
fn sniff_zip(bytes: &[u8], limits: &Limits) -> Result<(Format, Parts), Unreadable> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Unreadable(format!(
            "arsip buku kerja rusak atau terpotong ({e}); salin ulang berkas aslinya"
        ))
    })?;
    let names: Vec<String> = zip.file_names().map(str::to_string).collect();
    let format = if names
        .iter()
        .any(|n| n == "xl/workbook.xml" || n == "xl/workbook.bin")
    {
        if names.iter().any(|n| n == "xl/workbook.bin") {
            return Err(Unreadable(
                "format .xlsb belum didukung; simpan sebagai .xlsx".into(),
            ));
        }
        Format::Xlsx
    } else if names.iter().any(|n| n == "content.xml") {
        Format::Ods
    } else {
        return Err(Unreadable(
            "arsip ZIP ini bukan buku kerja (.xlsx/.ods)".into(),
        ));
    };
    let budget = limits.max_unpacked_bytes;
    let too_big = || {
        Unreadable(format!(
            "buku kerja mengembang melebihi {} MB saat dibuka (bom zip?); periksa asal berkas",
            budget >> 20
        ))
    };
    // What the archive declares first (cheap), then what it really inflates to.
    let declared: u64 = (0..zip.len())
        .filter_map(|i| zip.by_index_raw(i).ok().map(|e| e.size()))
        .sum();
    if declared > budget {
        return Err(too_big());
    }
    let mut total: u64 = 0;
    let mut parts = Parts::default();
    let mut chunk = vec![0u8; 1 << 16];
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| {
            Unreadable(format!(
                "arsip buku kerja rusak ({e}); salin ulang berkas aslinya"
            ))
        })?;
        let name = entry.name().to_string();
        let declared = entry.size();
        let mut limited = (&mut entry).take(budget.saturating_sub(total) + 1);
        if format == Format::Ods && name == "content.xml" {
            // Measured as it inflates, before the parser lays any sheet out.
            let mut metered = Metered {
                inner: &mut limited,
                total: &mut total,
                budget,
                gap: Gap::default(),
            };
            let measured = super::span::ods(
                std::io::BufReader::with_capacity(1 << 16, &mut metered),
                limits.max_cells,
            );
            let drained = std::io::copy(&mut metered, &mut std::io::sink());
            let too_long = metered.gap.too_long();
            if total > budget {
                return Err(too_big());
            }
            if too_long {
                return Err(too_long_text());
            }
            measured.map_err(|wide| Unreadable(wide.message()))?;
            drained.map_err(|e| {
                Unreadable(format!(
                    "arsip buku kerja rusak atau terpotong ({e}); salin ulang berkas aslinya"
                ))
            })?;
            continue;
        }
        let mut part = (format == Format::Xlsx)
            .then(|| parts.reader(&name, declared))
            .flatten();
        loop {
            let n = limited.read(&mut chunk).map_err(|e| {
                Unreadable(format!(
                    "arsip buku kerja rusak atau terpotong ({e}); salin ulang berkas aslinya"
                ))
            })?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > budget {
                return Err(too_big());
            }
            if let Some(part) = &mut part {
                part.feed(&chunk[..n]);
            }
        }
        if let Some(part) = part {
            parts.finish(part);
        }
    }
    if parts.too_long_text {
        return Err(too_long_text());
    }
    if parts.shared_strings > limits.max_cells {
        return Err(Unreadable(format!(
            "buku kerja mendaftar {} teks, lebih dari batas {} sel per buku kerja ([limits] max_cells); \
             simpan ulang dari Excel",
            crate::words::group_thousands(parts.shared_strings.into(), 0),
            crate::words::group_thousands(limits.max_cells.into(), 0),
        )));
    }
    parts.link();
    Ok((format, parts))
}

/// An entry's inflated bytes, counted against the archive's budget as they are
/// read, and refused once a text runs longer than a cell's can (before the XML
/// reader holds it whole).
struct Metered<'a, R> {
    inner: R,
    total: &'a mut u64,
    budget: u64,
    gap: Gap,
}

impl<R: Read> Read for Metered<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if *self.total > self.budget || self.gap.too_long() {
            return Err(std::io::Error::other("over budget"));
        }
        let n = self.inner.read(buf)?;
        *self.total += n as u64;
        self.gap.feed(&buf[..n]);
        Ok(n)
    }
}

fn too_long_text() -> Unreadable {
    Unreadable(
        "buku kerja berisi teks yang lebih panjang daripada isi satu sel (32.767 karakter, batas \
         Excel); periksa asal berkas"
            .into(),
    )
}

/// xlsx is streamed cell by cell, so a used range that claims the whole sheet costs
/// nothing: only filled cells are kept. The largest sheet, when large, is read in
/// runs of rows on every core (see `split`).
fn read_xlsx(bytes: &[u8], parts: &mut Parts, limits: &Limits) -> Result<Vec<Sheet>, Unreadable> {
    if let Some((name, path, xml)) = parts.take_largest() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let runs =
            super::split::cut(&xml, cores).and_then(|cut| packages(bytes, &path, &xml, &cut));
        // The runs' copies hold every byte of the sheet: its XML can go before
        // they are parsed (the cells take its place).
        drop(xml);
        if let Some(runs) = runs {
            let large = LargeSheet {
                name: &name,
                workbook: bytes,
            };
            if let Some(sheets) = read_runs(large, runs, parts, limits) {
                return Ok(sheets);
            }
        }
    }
    let mut wb = Xlsx::new(Cursor::new(bytes)).map_err(|e| damaged("xlsx", e))?;
    read_sheets(&mut wb, parts, limits, None)
}

/// For each run of a cut sheet, the workbook with that sheet holding only the
/// run, built on every core; `None` when the archive cannot be rewritten.
fn packages(
    workbook: &[u8],
    path: &str,
    xml: &[u8],
    cut: &super::split::Cut,
) -> Option<Vec<Vec<u8>>> {
    let package = |run: &std::ops::Range<usize>| {
        super::split::with_sheet(
            workbook,
            path,
            &[
                &xml[cut.head.clone()],
                &xml[run.clone()],
                &xml[cut.tail.clone()],
            ],
        )
    };
    std::thread::scope(|scope| {
        let others: Vec<_> = cut.runs[1..]
            .iter()
            .map(|run| scope.spawn(move || package(run)))
            .collect();
        let first = package(&cut.runs[0]);
        std::iter::once(first)
            .chain(others.into_iter().map(|h| h.join().ok().flatten()))
            .collect()
    })
}

/// The rows of a large sheet's runs after the first, read on other cores.
type OtherRuns<'scope> = Vec<std::thread::ScopedJoinHandle<'scope, Option<(SheetRows, Extent)>>>;

/// Every sheet, read from the copy whose large sheet holds only its first run
/// while the other runs are read on other cores, each from its own copy. `None`
/// when any part of this fails: the caller then reads the workbook whole, and any
/// fault is reported as reading it whole reports it.
fn read_runs(
    large: LargeSheet,
    runs: Vec<Vec<u8>>,
    parts: &Parts,
    limits: &Limits,
) -> Option<Vec<Sheet>> {
    let mut runs = runs.into_iter();
    let first = runs.next()?;
    let name = large.name;
    std::thread::scope(|scope| {
        let others: OtherRuns = runs
            .map(|run| {
                scope.spawn(move || {
                    let mut wb = Xlsx::new(Cursor::new(run)).ok()?;
                    let reader = wb.worksheet_cells_reader(name).ok()?;
                    // Each run is bounded on its own here, the sheet once joined.
                    cells_of(reader, name, &Spans::new(limits.max_cells)).ok()
                })
            })
            .collect();
        let mut wb = Xlsx::new(Cursor::new(first)).ok()?;
        read_sheets(&mut wb, parts, limits, Some((large, others))).ok()
    })
}

/// The large sheet being read in runs, and the whole workbook its formulas are
/// read from.
struct LargeSheet<'a> {
    name: &'a str,
    workbook: &'a [u8],
}

/// Every sheet of `wb`; with `large`, that sheet's rows are `wb`'s (its first run)
/// followed by the other runs', and its formulas are read from the whole workbook.
fn read_sheets<RS: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<RS>,
    parts: &Parts,
    limits: &Limits,
    mut large: Option<(LargeSheet, OtherRuns)>,
) -> Result<Vec<Sheet>, Unreadable> {
    let mut sheets = Vec::new();
    let mut spans = Spans::new(limits.max_cells);
    for name in wb.sheet_names() {
        let merges = parts.merges_of(&name).unwrap_or_else(|| {
            wb.merge_cells_by_sheet_name(&name)
                .map(merged)
                .unwrap_or_default()
        });
        let reader = wb
            .worksheet_cells_reader(&name)
            .map_err(|e| damaged("xlsx", e))?;
        let (mut rows, mut extent) = cells_of(reader, &name, &spans)?;
        let whole = match large.take_if(|(l, _)| l.name == name) {
            Some((l, others)) => {
                for other in others {
                    // A run that failed fails the whole read in runs (the caller
                    // drops this error and reads the sheet whole).
                    let (more, theirs) = other
                        .join()
                        .ok()
                        .flatten()
                        .ok_or_else(|| Unreadable(String::new()))?;
                    rows = joined(rows, more);
                    extent.rows = extent.rows.max(theirs.rows);
                    extent.cols = extent.cols.max(theirs.cols);
                }
                Some(l.workbook)
            }
            None => None,
        };
        spans
            .add(&name, extent)
            .map_err(|wide| Unreadable(wide.message()))?;
        let formulas = match (parts.may_have_formulas(&name), whole) {
            (false, _) => Formulas::default(),
            (true, None) => xlsx_formulas(wb, &name)?,
            // Formulas are read from the whole sheet: a shared formula's
            // cells follow its first cell, which may be in another run.
            (true, Some(workbook)) => {
                let mut whole = Xlsx::new(Cursor::new(workbook)).map_err(|e| damaged("xlsx", e))?;
                xlsx_formulas(&mut whole, &name)?
            }
        };
        sheets.push(Sheet {
            name,
            rows,
            merges,
            formulas,
        });
    }
    Ok(sheets)
}

/// A sheet's filled cells by row, as [`Sheet::rows`] holds them.
type SheetRows = Vec<(u32, Vec<Cell>)>;

/// A sheet's filled cells in rows, and the extent they reach; refused when that
/// extent takes the workbook's sheets beyond their bound (no cell is kept past it).
fn cells_of<RS: std::io::Read + std::io::Seek>(
    mut reader: calamine::XlsxCellReader<'_, RS>,
    sheet: &str,
    spans: &Spans,
) -> Result<(SheetRows, Extent), Unreadable> {
    let percent: Vec<bool> = reader
        .styles()
        .iter()
        .map(|s| {
            s.number_format
                .as_ref()
                .is_some_and(|f| f.format_code.contains('%'))
        })
        .collect();
    let mut rows = Rows::default();
    let mut extent = Extent::default();
    let mut too_wide = false;
    // A shared string is one text however many cells show it (a kecamatan, a
    // status): one allocation each, found by where the parser keeps it.
    let mut shared: FxHashMap<usize, std::sync::Arc<str>> = FxHashMap::default();
    while let Some((cell, style)) = reader
        .next_cell_with_style_id()
        .map_err(|e| damaged("xlsx", e))?
    {
        let (row, col) = cell.get_position();
        let value = match cell.get_value() {
            DataRef::SharedString(s) if !s.trim().is_empty() => Some(Value::Text(
                // Distinct allocations lie at least 8 bytes apart; the hash
                // wants the address's varying bits low.
                shared
                    .entry(s.as_ptr() as usize >> 3)
                    .or_insert_with(|| std::sync::Arc::from(*s))
                    .clone(),
            )),
            other => value_of_ref(other),
        };
        if let Some(value) = value {
            extent.fill(row.into(), col.into(), 1, 1);
            // Beyond the bound nothing more is kept; the sheet is measured to its
            // end so the message tells its whole span.
            if too_wide || spans.check(sheet, extent).is_err() {
                too_wide = true;
                continue;
            }
            let percent_format = percent.get(style).copied().unwrap_or(false);
            rows.push(Cell {
                at: CellRef::new(row, col),
                value,
                percent_format,
            });
        }
    }
    spans
        .check(sheet, extent)
        .map_err(|wide| Unreadable(wide.message()))?;
    Ok((rows.finish(), extent))
}

/// `first`'s rows followed by `then`'s, kept sorted (two runs that overlap, which
/// a sheet listing its rows out of order gives, are sorted whole).
fn joined(mut first: Vec<(u32, Vec<Cell>)>, then: Vec<(u32, Vec<Cell>)>) -> Vec<(u32, Vec<Cell>)> {
    let in_order = match (first.last(), then.first()) {
        (Some((last, _)), Some((next, _))) => last < next,
        _ => true,
    };
    first.extend(then);
    if in_order {
        return first;
    }
    let mut rows = Rows::default();
    first
        .into_iter()
        .flat_map(|(_, cells)| cells)
        .for_each(|c| rows.push(c));
    rows.finish()
}

/// A second pass over a sheet that holds formulas, keeping only those cells.
fn xlsx_formulas<RS: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<RS>,
    name: &str,
) -> Result<Formulas, Unreadable> {
    let mut reader = wb
        .worksheet_cells_reader(name)
        .map_err(|e| damaged("xlsx", e))?;
    let mut found = Vec::new();
    while let Some(cell) = reader.next_formula().map_err(|e| damaged("xlsx", e))? {
        if !cell.get_value().is_empty() {
            let (row, col) = cell.get_position();
            found.push((CellRef::new(row, col), cell.get_value().clone()));
        }
    }
    Ok(Formulas::from_cells(
        found.iter().map(|(at, f)| (*at, f.as_str())),
    ))
}

fn merged(dims: Vec<calamine::Dimensions>) -> Vec<CellRange> {
    dims.into_iter()
        .map(|d| CellRange {
            first: CellRef::new(d.start.0, d.start.1),
            last: CellRef::new(d.end.0, d.end.1),
        })
        .collect()
}

/// Every sheet of an `.xls` or `.ods`, whose span was bounded before the parser
/// laid it out (`cfb::check`, `span::ods`).
fn read_ranges<R, W>(wb: &mut W) -> Result<Vec<Sheet>, Unreadable>
where
    R: std::io::Read + std::io::Seek,
    W: Reader<R>,
    W::Error: std::fmt::Display,
{
    let mut sheets = Vec::new();
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| damaged("buku kerja", e))?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut rows = Rows::default();
        for (r, c, data) in range.used_cells() {
            if let Some(value) = value_of(data) {
                rows.push(Cell {
                    at: CellRef::new(r0 + r as u32, c0 + c as u32),
                    value,
                    percent_format: false,
                });
            }
        }
        sheets.push(Sheet {
            name,
            rows: rows.finish(),
            merges: Vec::new(),
            formulas: Formulas::default(),
        });
    }
    Ok(sheets)
}

/// Cells gathered into rows as they come: in row order (as spreadsheets store
/// them) each cell goes straight into its row; anything else is sorted at the end.
#[derive(Default)]
struct Rows {
    rows: Vec<(u32, Vec<Cell>)>,
    in_order: bool,
}

impl Rows {
    fn push(&mut self, cell: Cell) {
        match self.rows.last_mut() {
            Some((r, cells)) if *r == cell.at.row => {
                self.in_order &= cells.last().is_none_or(|last| last.at.col < cell.at.col);
                cells.push(cell);
            }
            last => {
                let width = last.as_ref().map_or(4, |(_, cells)| cells.len());
                let in_order = last.is_none_or(|(r, _)| *r < cell.at.row);
                self.in_order = (self.rows.is_empty() || self.in_order) && in_order;
                let mut cells = Vec::with_capacity(width);
                cells.push(cell);
                self.rows.push((cells[0].at.row, cells));
            }
        }
    }

    fn finish(self) -> Vec<(u32, Vec<Cell>)> {
        if self.in_order {
            return self.rows;
        }
        let mut cells: Vec<Cell> = self.rows.into_iter().flat_map(|(_, c)| c).collect();
        cells.sort_by_key(|c| c.at);
        let mut rows: Vec<(u32, Vec<Cell>)> = Vec::new();
        for cell in cells {
            match rows.last_mut() {
                Some((r, v)) if *r == cell.at.row => v.push(cell),
                _ => rows.push((cell.at.row, vec![cell])),
            }
        }
        rows
    }
}

fn text_value(s: &str) -> Option<Value> {
    (!s.trim().is_empty()).then(|| Value::Text(s.into()))
}

fn float_value(f: f64) -> Value {
    match number::from_float(f) {
        Some(value) => Value::Number { value },
        None => Value::Error(format!("{f}").into()),
    }
}

fn value_of_ref(d: &DataRef<'_>) -> Option<Value> {
    match d {
        DataRef::Empty => None,
        DataRef::String(s) => text_value(s),
        DataRef::SharedString(s) => text_value(s),
        DataRef::Int(i) => Some(Value::Number { value: (*i).into() }),
        DataRef::Float(f) => Some(float_value(*f)),
        DataRef::Bool(b) => Some(Value::Bool(*b)),
        DataRef::DateTime(dt) => Some(Value::Date(date_of(dt))),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Some(Value::Date(s.as_str().into())),
        DataRef::Error(e) => Some(Value::Error(e.to_string().into())),
    }
}

fn value_of(d: &Data) -> Option<Value> {
    match d {
        Data::Empty => None,
        Data::String(s) => text_value(s),
        Data::Int(i) => Some(Value::Number { value: (*i).into() }),
        Data::Float(f) => Some(float_value(*f)),
        Data::Bool(b) => Some(Value::Bool(*b)),
        Data::DateTime(dt) => Some(Value::Date(date_of(dt))),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Some(Value::Date(s.as_str().into())),
        Data::Error(e) => Some(Value::Error(e.to_string().into())),
    }
}

/// A date cell as `YYYY-MM-DD`, in the workbook's own date system: a workbook
/// saved by old Mac Excel counts its serials from 1904, four years and a day
/// after the usual 1900 (the parser keeps which, with the serial).
fn date_of(dt: &calamine::ExcelDateTime) -> Box<str> {
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    format!("{y:04}-{m:02}-{d:02}").into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits {
            max_file_bytes: 1 << 30,
            max_unpacked_bytes: 1 << 20,
            max_cells: 1000,
        }
    }

    #[test]
    fn cells_gather_into_sorted_rows_in_any_order() {
        let cell = |a1: &str| Cell {
            at: CellRef::parse(a1).unwrap(),
            value: Value::Bool(true),
            percent_format: false,
        };
        let gathered = |order: &[&str]| {
            let mut rows = Rows::default();
            for a1 in order {
                rows.push(cell(a1));
            }
            rows.finish()
                .into_iter()
                .map(|(r, cells)| {
                    (
                        r,
                        cells.iter().map(|c| c.at.to_string()).collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        };
        let expected = vec![
            (0, vec!["A1".to_string(), "C1".to_string()]),
            (4, vec!["B5".to_string()]),
        ];
        assert_eq!(gathered(&["A1", "C1", "B5"]), expected);
        assert_eq!(gathered(&["B5", "A1", "C1"]), expected);
        assert_eq!(gathered(&["C1", "A1", "B5"]), expected);
        assert_eq!(gathered(&["A1", "B5", "C1"]), expected);
    }

    /// Every kind of cell a sheet holds, over enough rows to cut, beside a sheet
    /// of formulas.
    fn varied_workbook() -> Vec<u8> {
        use rust_xlsxwriter::{Format as Look, Formula, Workbook};
        let mut wb = Workbook::new();
        let percent = Look::new().set_num_format("0.00%");
        let date = Look::new().set_num_format("yyyy-mm-dd");
        let ws = wb.add_worksheet().set_name("Desa & Status").unwrap();
        for r in 0..300u32 {
            ws.write_string(r, 0, format!("desa {} & <{}>", r % 17, r))
                .unwrap();
            ws.write_number(r, 1, f64::from(r) * 0.25).unwrap();
            ws.write_number_with_format(r, 2, 0.5, &percent).unwrap();
            ws.write_boolean(r, 3, r % 2 == 0).unwrap();
            ws.write_number_with_format(r, 4, 45_000.0 + f64::from(r), &date)
                .unwrap();
            if r % 7 == 0 {
                ws.write_formula(r, 5, Formula::new(format!("=B{}+1", r + 1)).set_result("2"))
                    .unwrap();
            }
            if r % 50 == 0 {
                ws.merge_range(r, 6, r, 7, "gabung", &Look::new()).unwrap();
            }
        }
        let rekap = wb.add_worksheet().set_name("Rekap").unwrap();
        rekap.write_string(0, 0, "JUMLAH").unwrap();
        rekap
            .write_formula(0, 1, "=SUM('Desa & Status'!B1:B300)")
            .unwrap();
        wb.save_to_buffer().unwrap()
    }

    /// The cheap path must be invisible: a sheet read in runs of rows on several
    /// cores gives exactly the cells, merges and formulas of the sheet read whole,
    /// however many runs it is cut into.
    #[test]
    fn a_sheet_read_in_runs_is_the_sheet_read_whole() {
        let limits = Limits {
            max_file_bytes: 1 << 30,
            max_unpacked_bytes: 1 << 30,
            max_cells: 1 << 20,
        };
        let bytes = varied_workbook();
        let (_, parts) = sniff(&bytes, &limits).unwrap();
        let mut wb = Xlsx::new(Cursor::new(&bytes[..])).unwrap();
        let whole = read_sheets(&mut wb, &parts, &limits, None).unwrap();
        assert_eq!(whole[0].rows.len(), 300);
        assert!(!whole[0].formulas.is_empty() && !whole[0].merges.is_empty());
        let path = "xl/worksheets/sheet1.xml";
        let mut xml = Vec::new();
        zip::ZipArchive::new(Cursor::new(&bytes[..]))
            .unwrap()
            .by_name(path)
            .unwrap()
            .read_to_end(&mut xml)
            .unwrap();
        for runs in [2, 3, 7] {
            let cut = super::super::split::cut(&xml, runs).unwrap();
            assert_eq!(cut.runs.len(), runs);
            let copies = packages(&bytes, path, &xml, &cut).unwrap();
            let large = LargeSheet {
                name: "Desa & Status",
                workbook: &bytes,
            };
            let sheets = read_runs(large, copies, &parts, &limits).unwrap();
            assert_eq!(format!("{sheets:?}"), format!("{whole:?}"), "{runs} runs");
        }
    }

    #[test]
    fn dates_from_serials_in_either_system() {
        use calamine::{ExcelDateTime, ExcelDateTimeType::DateTime};
        let date =
            |serial: f64, is_1904: bool| date_of(&ExcelDateTime::new(serial, DateTime, is_1904));
        assert_eq!(&*date(45292.0, false), "2024-01-01");
        assert_eq!(&*date(25569.5, false), "1970-01-01");
        assert_eq!(&*date(45292.0 - 1462.0, true), "2024-01-01");
    }

    #[test]
    fn non_workbooks_are_named_for_what_they_are() {
        let l = limits();
        assert!(sniff(b"", &l).unwrap_err().0.contains("kosong"));
        assert!(sniff(b"<!DOCTYPE html><html>", &l)
            .unwrap_err()
            .0
            .contains("HTML"));
        assert!(sniff(b"NO;DESA;IDM\n1;A;0,5\n", &l)
            .unwrap_err()
            .0
            .contains("CSV"));
        assert!(sniff(b"PK\x03\x04truncated", &l)
            .unwrap_err()
            .0
            .contains("rusak"));
    }
}
