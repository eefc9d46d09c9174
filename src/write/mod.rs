//! Stage 5a, write: a corrected copy of a workbook. Every sheet, row and column
//! stays where it was; changed cells are filled and carry a note with what they
//! were and why; findings left for a person get another fill and a note; a first
//! sheet `Temuan` lists the workbook's findings. The only module that imports
//! rust_xlsxwriter.
//!
//! Three steps, so the slow ones overlap the rules (the pipeline runs them so):
//! [`draft`] lays out every cell from the reading alone while the model is built,
//! [`dress`] gives the copy the [`look`] the model knows while the rules run, and
//! [`corrected_workbook`] marks the findings of the fix stage's plan.

use crate::cell::{CellRange, CellRef};
use crate::finding::{Lang, NewValue, Safety, Severity};
use crate::fix::WorkbookPlan;
use crate::model::Model;
use crate::number::NumberKind;
use crate::read::{Input, Value};
use crate::structure::Reading;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, Formula, Note, Url, Workbook,
    Worksheet, XlsxError,
};
use std::collections::HashMap;

use crate::read::FINDINGS_SHEET_MARKER as TEMUAN_MARKER;

const CHANGED: u32 = 0xFFF2CC;
const PINNED: u32 = 0xFCE4D6;
const FLAGGED: u32 = 0xF4B6B6;

/// How a number is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// `#,##0`
    Money,
    /// `0.0000`
    Index,
    /// A percentage stored as a whole number, with this many decimals.
    Percent(u32),
    /// A percentage stored as a ratio, shown with `%` and this many decimals.
    Ratio(u32),
    /// As typed.
    General,
}

/// How a workbook's cells are shown, known from the model before any rule has run,
/// so the writer can lay the copy out while the rules work.
#[derive(Debug, Clone)]
pub struct WorkbookLook {
    /// By sheet, sorted by cell (the order the writer walks a sheet in).
    pub styles: HashMap<String, Vec<(CellRef, NumberStyle)>>,
    /// Header rows of the located tables, shown bold.
    pub headers: Vec<(String, CellRange)>,
}

/// The look of one readable workbook.
pub fn look(reading: &Reading, model: &Model, input: &Input) -> WorkbookLook {
    let mut look = WorkbookLook {
        styles: HashMap::new(),
        headers: Vec::new(),
    };
    for table in reading.tables.iter().filter(|t| t.file == input.file) {
        look.headers.push((table.sheet.clone(), table.header));
    }
    for col in model
        .numeric_columns
        .iter()
        .filter(|c| *c.file == *input.file)
    {
        let styles = look.styles.entry(col.sheet.to_string()).or_default();
        for f in &col.figures {
            let style = match col.number {
                NumberKind::Money => NumberStyle::Money,
                NumberKind::Index => NumberStyle::Index,
                NumberKind::Percent if col.ratio => NumberStyle::Ratio(f.decimals),
                NumberKind::Percent => NumberStyle::Percent(f.decimals),
                NumberKind::Count | NumberKind::Measure => NumberStyle::General,
            };
            // General is what an unlisted cell gets.
            if style != NumberStyle::General {
                styles.push((f.at, style));
            }
        }
    }
    for styles in look.styles.values_mut() {
        // Stable, so should two tables claim a cell, the first one's look stays.
        styles.sort_by_key(|(at, _)| *at);
        styles.dedup_by_key(|(at, _)| *at);
    }
    look
}

/// A corrected copy begun before the model and the findings are known: every sheet
/// with its cells and merged ranges as they were. Drafting runs while the model is
/// built; [`dress`] then gives the copy its look and [`corrected_workbook`] marks
/// the findings.
pub struct Draft {
    sheets: Vec<DraftSheet>,
}

/// A draft in its look, ready for the findings.
pub struct Dressed {
    sheets: Vec<DraftSheet>,
    look: WorkbookLook,
}

struct DraftSheet {
    ws: Worksheet,
    /// Characters shown per column, for its width.
    widths: HashMap<u32, usize>,
}

/// Lays out the copy of `input`: every cell and merged range where it was.
pub fn draft(input: &Input) -> Result<Draft, XlsxError> {
    let sheets = input
        .sheets
        .iter()
        .map(|sheet| {
            let mut ws = Worksheet::new();
            ws.set_name(&sheet.name)?;
            let widths = draft_sheet(&mut ws, sheet)?;
            Ok(DraftSheet { ws, widths })
        })
        .collect::<Result<_, XlsxError>>()?;
    Ok(Draft { sheets })
}

/// Gives a draft of `input` its look: number formats (once per column where all its
/// numbers share one), bold header rows, the rows down to the first header frozen.
pub fn dress(draft: Draft, input: &Input, look: WorkbookLook) -> Result<Dressed, XlsxError> {
    let mut sheets = draft.sheets;
    for (sheet, drafted) in input.sheets.iter().zip(&mut sheets) {
        dress_sheet(&mut drafted.ws, sheet, &look)?;
    }
    Ok(Dressed { sheets, look })
}

/// The corrected workbook's bytes: the dressed draft with the plan's changes and
/// flags marked, behind a first sheet listing the findings. `date` is the fixed
/// document date, the workbook's creation date.
pub fn corrected_workbook(
    input: &Input,
    dressed: Dressed,
    plan: &WorkbookPlan,
    date: &crate::date::DocumentDate,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let year = u16::try_from(date.year)
        .map_err(|_| XlsxError::DateTimeRangeError(format!("year {}", date.year)))?;
    // Month and day come checked from the config; from_ymd checks them again.
    let (m, d) = (date.month as u8, date.day as u8);
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{} (koreksi kinerja)", input.file))
            .set_author("kinerja")
            .set_creation_datetime(&ExcelDateTime::from_ymd(year, m, d)?),
    );
    let names: Vec<&str> = input.sheets.iter().map(|s| s.name.as_str()).collect();
    let temuan_name = unique_name("Temuan", &names);
    temuan_sheet(wb.add_worksheet().set_name(&temuan_name)?, plan, lang)?;
    for (sheet, mut drafted) in input.sheets.iter().zip(dressed.sheets) {
        mark_sheet(&mut drafted, sheet, &dressed.look, plan)?;
        for (col, w) in &drafted.widths {
            drafted
                .ws
                .set_column_width(*col as u16, (*w as f64 * 1.1 + 2.0).clamp(6.0, 60.0))?;
        }
        wb.push_worksheet(drafted.ws);
    }
    let bytes = wb.save_to_buffer();
    crate::parallel::discard(wb);
    bytes
}

fn unique_name(base: &str, taken: &[&str]) -> String {
    let mut name = base.to_string();
    let mut i = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base} ({i})");
        i += 1;
    }
    name
}

fn num_format(style: NumberStyle) -> Format {
    let code = match style {
        NumberStyle::Money => "#,##0".to_string(),
        NumberStyle::Index => "0.0000".to_string(),
        NumberStyle::Percent(0) => "0".to_string(),
        NumberStyle::Percent(d) => format!("0.{}", "0".repeat(d.min(6) as usize)),
        NumberStyle::Ratio(0) => "0%".to_string(),
        NumberStyle::Ratio(d) => format!("0.{}%", "0".repeat(d.min(6) as usize)),
        NumberStyle::General => "General".to_string(),
    };
    Format::new().set_num_format(code)
}

fn as_f64(d: Decimal) -> f64 {
    // Excel stores doubles; this is the one place a decimal becomes one, for writing.
    // A mantissa and a power of ten that are both exact doubles give the nearest
    // double by one division, as parsing the decimal's text would.
    const EXACT: u128 = 1 << 53;
    let mantissa = d.mantissa().unsigned_abs();
    if mantissa < EXACT && d.scale() <= 22 {
        let f = mantissa as f64 / 10f64.powi(d.scale() as i32);
        return if d.is_sign_negative() { -f } else { f };
    }
    d.to_string().parse().unwrap_or(0.0)
}

/// Characters a cell shows, for column widths (a formula by its result, never its text).
fn shown_len(text: &str) -> usize {
    text.chars().count()
}

/// `shown_len(&d.to_string())`, without the text.
fn decimal_len(d: Decimal) -> usize {
    let mut digits: usize = 1;
    let mut rest = d.mantissa().unsigned_abs() / 10;
    while rest > 0 {
        digits += 1;
        rest /= 10;
    }
    let scale = d.scale() as usize;
    let shown = match scale {
        0 => digits,
        _ => digits.saturating_sub(scale).max(1) + 1 + scale,
    };
    shown + usize::from(d.is_sign_negative())
}

/// Walks a list sorted by cell alongside a sheet's cells, asked for in the same order:
/// no lookup per cell.
struct Walk<'a, T> {
    items: &'a [(CellRef, T)],
    next: usize,
}

impl<'a, T> Walk<'a, T> {
    fn new(items: &'a [(CellRef, T)]) -> Self {
        Self { items, next: 0 }
    }

    fn at(&mut self, at: CellRef) -> Option<&'a T> {
        while self.items.get(self.next).is_some_and(|(c, _)| *c < at) {
            self.next += 1;
        }
        match self.items.get(self.next) {
            Some((c, item)) if *c == at => Some(item),
            _ => None,
        }
    }
}

/// The merged range holding each cell of a walk in row order: only the ranges over
/// the current row are looked at, however many a sheet has.
struct Merges<'a> {
    /// Not reached yet, the lowest first row last.
    ahead: Vec<&'a CellRange>,
    over_row: Vec<&'a CellRange>,
}

impl<'a> Merges<'a> {
    fn new(merges: &'a [CellRange]) -> Self {
        let mut ahead: Vec<&CellRange> = merges.iter().collect();
        ahead.sort_by_key(|m| std::cmp::Reverse(m.first.row));
        Self {
            ahead,
            over_row: Vec::new(),
        }
    }

    fn at(&mut self, at: CellRef) -> Option<&'a CellRange> {
        while self.ahead.last().is_some_and(|m| m.first.row <= at.row) {
            self.over_row.extend(self.ahead.pop());
        }
        self.over_row.retain(|m| m.last.row >= at.row);
        self.over_row
            .iter()
            .find(|m| (m.first.col..=m.last.col).contains(&at.col))
            .copied()
    }
}

fn header_ranges<'a>(look: &'a WorkbookLook, sheet: &'a str) -> Vec<&'a CellRange> {
    look.headers
        .iter()
        .filter(|(s, _)| s == sheet)
        .map(|(_, r)| r)
        .collect()
}

fn in_range(r: &CellRange, at: CellRef) -> bool {
    (r.first.row..=r.last.row).contains(&at.row) && (r.first.col..=r.last.col).contains(&at.col)
}

fn styles_of<'a>(look: &'a WorkbookLook, sheet: &str) -> Walk<'a, NumberStyle> {
    Walk::new(look.styles.get(sheet).map_or(&[][..], Vec::as_slice))
}

/// The format of a look; `None` for the default one.
fn format_of(style: NumberStyle, header: bool, fill: Option<u32>) -> Option<Format> {
    if style == NumberStyle::General && !header && fill.is_none() {
        return None;
    }
    let mut format = num_format(style);
    if header {
        format = format
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center);
    }
    if let Some(fill) = fill {
        format = format.set_background_color(Color::RGB(fill));
    }
    Some(format)
}

fn widen(widths: &mut HashMap<u32, usize>, col: u32, shown: usize) {
    let w = widths.entry(col).or_default();
    *w = (*w).max(shown);
}

/// Whether a cell is written and counts toward its column's width: a merged range
/// shows its first cell only, and a range over several columns says nothing about
/// one column's width. `None` for a cell a merged range hides.
fn counts_width(merges: &mut Merges, at: CellRef) -> Option<bool> {
    match merges.at(at) {
        Some(m) if m.first != at => None,
        Some(m) => Some(m.first.col == m.last.col),
        None => Some(true),
    }
}

/// Writes every cell of `sheet` as it was, in the default look; returns the shown
/// widths.
fn draft_sheet(
    ws: &mut Worksheet,
    sheet: &crate::read::Sheet,
) -> Result<HashMap<u32, usize>, XlsxError> {
    let mut merges = Merges::new(&sheet.merges);
    let mut widths = HashMap::new();
    for m in &sheet.merges {
        if m.first != m.last {
            ws.merge_range(
                m.first.row,
                m.first.col as u16,
                m.last.row,
                m.last.col as u16,
                "",
                &Format::new(),
            )?;
        }
    }
    for cell in sheet.rows.iter().flat_map(|(_, cells)| cells) {
        let Some(counts) = counts_width(&mut merges, cell.at) else {
            continue;
        };
        let shown = write_value(ws, cell.at, &cell.value, sheet.formula(cell.at), None)?;
        if counts {
            widen(&mut widths, cell.at.col, shown);
        }
    }
    Ok(widths)
}

/// Gives a drafted sheet its look. A column whose numbers all share one number
/// format gets it as the column's format, one setting instead of a format per cell
/// (each cell written without a format of its own is stored with the column's);
/// other styled cells and the header rows are written again in theirs; the rows
/// down to the first header are frozen.
fn dress_sheet(
    ws: &mut Worksheet,
    sheet: &crate::read::Sheet,
    look: &WorkbookLook,
) -> Result<(), XlsxError> {
    let headers = header_ranges(look, &sheet.name);
    let cells = || sheet.rows.iter().flat_map(|(_, cells)| cells);
    // Per column: its numbers, how many of them are styled, and the style of its
    // styled cells (`Some(None)` once two differ). Header cells keep a format of
    // their own.
    type Column = (usize, usize, Option<Option<NumberStyle>>);
    let mut columns: Vec<Column> = Vec::new();
    let mut styles = styles_of(look, &sheet.name);
    for cell in cells().filter(|c| !headers.iter().any(|r| in_range(r, c.at))) {
        let is_number = usize::from(matches!(cell.value, Value::Number { .. }));
        let col = cell.at.col as usize;
        if columns.len() <= col {
            columns.resize(col + 1, Column::default());
        }
        let column = &mut columns[col];
        column.0 += is_number;
        if let Some(&style) = styles.at(cell.at) {
            column.1 += is_number;
            column.2 = match column.2 {
                None => Some(Some(style)),
                Some(one) if one == Some(style) => Some(one),
                Some(_) => Some(None),
            };
        }
    }
    // The one style of each column that has one for all its numbers.
    let mut uniform: Vec<Option<NumberStyle>> = vec![None; columns.len()];
    for (col, (numbers, styled, style)) in columns.into_iter().enumerate() {
        if let (Some(Some(style)), true) = (style, numbers == styled && numbers > 0) {
            ws.set_column_format(col as u16, &num_format(style))?;
            uniform[col] = Some(style);
        }
    }
    let mut styles = styles_of(look, &sheet.name);
    let mut merges = Merges::new(&sheet.merges);
    let mut formats: HashMap<(NumberStyle, bool), Option<Format>> = HashMap::new();
    for cell in cells() {
        let at = cell.at;
        let style = styles.at(at).copied().unwrap_or(NumberStyle::General);
        let header = headers.iter().any(|r| in_range(r, at));
        let by_column = uniform.get(at.col as usize) == Some(&Some(style));
        if (style == NumberStyle::General || by_column) && !header {
            continue;
        }
        if counts_width(&mut merges, at).is_none() {
            continue;
        }
        let format = formats
            .entry((style, header))
            .or_insert_with(|| format_of(style, header, None));
        write_value(ws, at, &cell.value, sheet.formula(at), format.as_ref())?;
    }
    if let Some(first) = headers.iter().min_by_key(|r| r.first.row) {
        ws.set_freeze_panes(first.last.row + 1, 0)?;
    }
    Ok(())
}

/// Writes a cell as it was: its formula with its cached value, else its value;
/// returns the characters it shows. A formula that names another workbook
/// (`[1]Sheet!A1`) cannot be carried without its link: its value is written.
fn write_value(
    ws: &mut Worksheet,
    at: CellRef,
    value: &Value,
    formula: Option<&str>,
    format: Option<&Format>,
) -> Result<usize, XlsxError> {
    let (row, col) = (at.row, at.col as u16);
    if let Some(f) = formula.filter(|f| !f.contains('[')) {
        let (result, shown) = match value {
            Value::Text(t) => (t.to_string(), shown_len(t)),
            Value::Date(t) | Value::Error(t) => (t.to_string(), shown_len(t)),
            Value::Number { value } => (value.normalize().to_string(), decimal_len(*value)),
            Value::Bool(b) => (if *b { "TRUE" } else { "FALSE" }.to_string(), 5),
        };
        let formula = Formula::new(format!("={f}")).set_result(result);
        match format {
            Some(format) => ws.write_formula_with_format(row, col, formula, format)?,
            None => ws.write_formula(row, col, formula)?,
        };
        return Ok(shown);
    }
    Ok(match value {
        Value::Text(t) => {
            match format {
                Some(format) => ws.write_string_with_format(row, col, &**t, format)?,
                None => ws.write_string(row, col, &**t)?,
            };
            shown_len(t)
        }
        Value::Date(t) | Value::Error(t) => {
            match format {
                Some(format) => ws.write_string_with_format(row, col, &**t, format)?,
                None => ws.write_string(row, col, &**t)?,
            };
            shown_len(t)
        }
        Value::Number { value } => {
            let number = as_f64(*value);
            match format {
                Some(format) => ws.write_number_with_format(row, col, number, format)?,
                None => ws.write_number(row, col, number)?,
            };
            decimal_len(*value)
        }
        Value::Bool(b) => {
            match format {
                Some(format) => ws.write_boolean_with_format(row, col, *b, format)?,
                None => ws.write_boolean(row, col, *b)?,
            };
            5
        }
    })
}

/// Marks the plan's changes and flags on a drafted sheet: a changed cell gets its
/// new value, a fill and a note; a flagged one a fill (unless only informative) and
/// a note.
fn mark_sheet(
    drafted: &mut DraftSheet,
    sheet: &crate::read::Sheet,
    look: &WorkbookLook,
    plan: &WorkbookPlan,
) -> Result<(), XlsxError> {
    let name = sheet.name.as_str();
    let of_sheet = |(s, at): &(String, CellRef)| (s == name).then_some(*at);
    let changes: Vec<(CellRef, &crate::fix::Change)> = plan
        .changes
        .iter()
        .filter_map(|(key, c)| Some((of_sheet(key)?, c)))
        .collect();
    let flagged: Vec<(CellRef, &Vec<crate::fix::Flag>)> = plan
        .flags
        .iter()
        .filter_map(|(key, f)| Some((of_sheet(key)?, f)))
        .collect();
    let mut marked: Vec<CellRef> = changes.iter().map(|(at, _)| *at).collect();
    marked.extend(flagged.iter().map(|(at, _)| *at));
    marked.sort();
    marked.dedup();

    let headers = header_ranges(look, name);
    let mut styles = styles_of(look, name);
    let mut merges = Merges::new(&sheet.merges);
    let (mut changes, mut flagged) = (Walk::new(&changes), Walk::new(&flagged));
    let ws = &mut drafted.ws;
    for at in marked {
        let Some(counts) = counts_width(&mut merges, at) else {
            continue;
        };
        let change = changes.at(at).copied();
        let flags = flagged.at(at).copied();
        let style = styles.at(at).copied().unwrap_or(NumberStyle::General);
        let fill = match change {
            Some(c) if c.safety == Safety::Pinned => Some(PINNED),
            Some(_) => Some(CHANGED),
            None if flags.is_some_and(|f| f.iter().any(|f| f.severity != Severity::Info)) => {
                Some(FLAGGED)
            }
            None => None,
        };
        let format = format_of(style, headers.iter().any(|r| in_range(r, at)), fill);
        let (row, col) = (at.row, at.col as u16);
        let shown = match (change, format.as_ref()) {
            (Some(c), Some(format)) => match &c.value {
                NewValue::Number(n) => {
                    ws.write_number_with_format(row, col, as_f64(*n), format)?;
                    shown_len(&n.normalize().to_string())
                }
                NewValue::Text(t) => {
                    ws.write_string_with_format(row, col, t, format)?;
                    shown_len(t)
                }
                NewValue::Formula { formula, value } => {
                    let result = value.normalize().to_string();
                    ws.write_formula_with_format(
                        row,
                        col,
                        Formula::new(format!("={formula}")).set_result(&result),
                        format,
                    )?;
                    shown_len(&result)
                }
            },
            // A flagged cell keeps its value in the flag's fill.
            (_, Some(format)) => match sheet.cell(at) {
                Some(cell) => write_value(ws, at, &cell.value, sheet.formula(at), Some(format))?,
                None => {
                    ws.write_blank(row, col, format)?;
                    0
                }
            },
            (_, None) => 0,
        };
        if counts {
            widen(&mut drafted.widths, at.col, shown);
        }
        if let Some(note) = note_text(change, flags) {
            ws.insert_note(
                row,
                col,
                &Note::new(note)
                    .set_author("kinerja")
                    .set_width(360)
                    .set_height(120),
            )?;
        }
    }
    Ok(())
}

fn note_text(
    change: Option<&crate::fix::Change>,
    flags: Option<&Vec<crate::fix::Flag>>,
) -> Option<String> {
    let mut lines = Vec::new();
    if let Some(c) = change {
        let how = if c.safety == Safety::Pinned {
            "Diganti (nilai dipastikan angka lain)"
        } else {
            "Diperbaiki"
        };
        lines.push(format!(
            "{how} oleh kinerja. Semula: {}",
            if c.was.is_empty() { "(kosong)" } else { &c.was }
        ));
        for (code, why) in &c.reasons {
            lines.push(format!("{code}: {why}"));
        }
    }
    for f in flags.into_iter().flatten() {
        lines.push(format!("{} (belum diperbaiki): {}", f.code, f.message));
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

fn temuan_sheet(ws: &mut Worksheet, plan: &WorkbookPlan, lang: Lang) -> Result<(), XlsxError> {
    let en = lang == Lang::En;
    let bold = Format::new().set_bold();
    ws.write_string_with_format(0, 0, TEMUAN_MARKER, &bold)?;
    ws.write_string(
        1,
        0,
        format!(
            "{}: {}",
            if en { "Workbook" } else { "Buku kerja" },
            plan.file
        ),
    )?;
    let legend = [
        (
            CHANGED,
            if en {
                "corrected by kinerja (the note says what it was and why)"
            } else {
                "diperbaiki kinerja (catatan sel menyebut nilai semula dan alasannya)"
            },
        ),
        (
            PINNED,
            if en {
                "malformed number replaced by the value another figure pins down"
            } else {
                "angka salah tulis diganti nilai yang dipastikan angka lain"
            },
        ),
        (
            FLAGGED,
            if en {
                "finding left for a person to decide (see the note)"
            } else {
                "temuan yang perlu diputuskan orang (lihat catatan sel)"
            },
        ),
    ];
    for (i, (colour, text)) in legend.iter().enumerate() {
        ws.write_blank(
            3 + i as u32,
            0,
            &Format::new().set_background_color(Color::RGB(*colour)),
        )?;
        ws.write_string(3 + i as u32, 1, *text)?;
    }
    let header: [&str; 10] = if en {
        [
            "No", "Code", "Severity", "Sheet", "Cell", "Message", "Found", "Expected", "Done",
            "Accepted",
        ]
    } else {
        [
            "No",
            "Kode",
            "Tingkat",
            "Lembar",
            "Sel",
            "Pesan",
            "Tertulis",
            "Seharusnya",
            "Tindakan",
            "Diterima",
        ]
    };
    let top = 7;
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(top, c as u16, *h, &bold)?;
    }
    for (i, f) in plan.findings.iter().enumerate() {
        let r = top + 1 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64)?;
        ws.write_string(r, 1, f.code)?;
        ws.write_string(r, 2, f.severity.label(lang))?;
        ws.write_string(r, 3, &*f.loc.sheet)?;
        let cell = f.loc.cell.to_string();
        if f.loc.sheet.is_empty() {
            ws.write_string(r, 4, &cell)?;
        } else {
            let target = format!("internal:'{}'!{cell}", f.loc.sheet.replace('\'', "''"));
            ws.write_url_with_text(r, 4, Url::new(target), &cell)?;
        }
        ws.write_string(r, 5, f.message.get(lang))?;
        ws.write_string(r, 6, shown_found(&f.found))?;
        ws.write_string(
            r,
            7,
            f.expected
                .as_deref()
                .map(shown_expected)
                .unwrap_or_default(),
        )?;
        let done = match (&f.accepted, f.fix.is_empty(), en) {
            (Some(_), _, false) => "diterima",
            (Some(_), _, true) => "accepted",
            (None, true, false) => "perlu diputuskan",
            (None, true, true) => "left for a person",
            (None, false, false) => "diperbaiki",
            (None, false, true) => "corrected",
        };
        ws.write_string(r, 8, done)?;
        if let Some(a) = &f.accepted {
            let by = if en { "by" } else { "oleh" };
            ws.write_string(
                r,
                9,
                format!("{} ({by} {}, {})", a.reason, a.by, a.date.iso()),
            )?;
        }
    }
    for (c, w) in [6.0, 9.0, 10.0, 18.0, 8.0, 90.0, 18.0, 18.0, 16.0, 40.0]
        .into_iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_freeze_panes(top + 1, 0)?;
    // Printed, the list fits the page width in landscape, its header on every page.
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(top, top)?;
    Ok(())
}

/// An expected value (a plain decimal, `65000000`) in the office's notation:
/// `65.000.000`, `0,836`; anything else as it is.
fn shown_expected(expected: &str) -> String {
    let plain = expected
        .strip_prefix('-')
        .unwrap_or(expected)
        .split_once('.')
        .map_or(expected.chars().all(|c| c.is_ascii_digit()), |(i, d)| {
            i.chars().chain(d.chars()).all(|c| c.is_ascii_digit())
        });
    match expected.parse::<Decimal>() {
        Ok(d) if plain && !expected.is_empty() => crate::words::format_decimal(d),
        _ => expected.to_string(),
    }
}

/// A found value as written in its cell, grouped only when written as bare digits
/// (`65000000`); `1.423` or `0,8360` stay as the office typed them.
fn shown_found(found: &str) -> String {
    let digits = found.strip_prefix('-').unwrap_or(found);
    if digits.len() >= 4 && digits.chars().all(|c| c.is_ascii_digit()) {
        shown_expected(found)
    } else {
        found.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{Cell, InputStatus, Sheet};
    use calamine::Reader;
    use std::str::FromStr;

    /// The number format of every filled cell of `sheet`, as a spreadsheet
    /// application reads it from the file (the cell's style).
    fn formats_of(bytes: Vec<u8>, sheet: &str) -> HashMap<CellRef, String> {
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let mut reader = wb.worksheet_cells_reader(sheet).unwrap();
        let codes: Vec<String> = reader
            .styles()
            .iter()
            .map(|s| {
                s.number_format
                    .as_ref()
                    .map_or("General".into(), |f| f.format_code.clone())
            })
            .collect();
        let mut out = HashMap::new();
        while let Some((cell, style)) = reader.next_cell_with_style_id().unwrap() {
            let (row, col) = cell.get_position();
            let code = codes.get(style).cloned().unwrap_or("General".into());
            out.insert(CellRef::new(row, col), code);
        }
        out
    }

    fn number(at: &str, v: i64, scale: u32) -> Cell {
        Cell {
            at: CellRef::parse(at).unwrap(),
            value: Value::Number {
                value: Decimal::new(v, scale),
            },
            percent_format: false,
        }
    }

    /// Guards the look of figures: a column whose numbers are all indices shows
    /// them as `0.0000` (set once for the column); in a column where one number is
    /// no figure, the figures get the format cell by cell and that number keeps
    /// the default; the header keeps its own.
    #[test]
    fn figures_show_in_their_format_and_other_numbers_keep_theirs() {
        let text = |at: &str, t: &str| Cell {
            at: CellRef::parse(at).unwrap(),
            value: Value::Text(t.into()),
            percent_format: false,
        };
        let rows = vec![
            (0, vec![text("A1", "IKS"), text("B1", "IDM")]),
            (1, vec![number("A2", 5, 1), number("B2", 6751, 4)]),
            (2, vec![number("A3", 25, 2), number("B3", 7, 1)]),
            (4, vec![number("A5", 221, 0), text("B5", "catatan")]),
        ];
        let input = Input {
            file: "idm.xlsx".into(),
            path: "idm.xlsx".into(),
            format: None,
            status: InputStatus::Ok,
            sheets: vec![Sheet {
                name: "IDM".into(),
                rows,
                merges: Vec::new(),
                formulas: Default::default(),
            }],
        };
        let figures =
            ["A2", "A3", "B2", "B3"].map(|a| (CellRef::parse(a).unwrap(), NumberStyle::Index));
        let mut styles = figures.to_vec();
        styles.sort_by_key(|(at, _)| *at);
        let look = WorkbookLook {
            styles: HashMap::from([("IDM".to_string(), styles)]),
            headers: vec![(
                "IDM".into(),
                CellRange {
                    first: CellRef::parse("A1").unwrap(),
                    last: CellRef::parse("B1").unwrap(),
                },
            )],
        };
        let plan = WorkbookPlan {
            file: input.file.clone(),
            changes: Default::default(),
            flags: Default::default(),
            findings: Vec::new(),
        };
        let dressed = dress(draft(&input).unwrap(), &input, look).unwrap();
        let date = crate::date::DocumentDate {
            year: 2024,
            month: 1,
            day: 31,
        };
        let bytes = corrected_workbook(&input, dressed, &plan, &date, Lang::Id).unwrap();
        let formats = formats_of(bytes, "IDM");
        let at = |a1: &str| formats[&CellRef::parse(a1).unwrap()].as_str();
        assert_eq!(
            ["A2", "A3", "B2", "B3"].map(at),
            ["0.0000", "0.0000", "0.0000", "0.0000"]
        );
        assert_eq!(at("A5"), "General", "a number that is no figure");
        assert_eq!(
            at("B5"),
            "0.0000",
            "text under the index column: shown as typed"
        );
        assert_eq!(at("A1"), "General", "the header's own format");
    }

    #[test]
    fn decimals_become_the_double_their_text_parses_to_and_show_as_wide() {
        let mut cases: Vec<Decimal> = [
            "0",
            "-0",
            "7",
            "-7",
            "0.5",
            "0.6751",
            "-0.0001",
            "0.5000",
            "10.10",
            "123.456",
            "65000000",
            "-1234567.89",
            "0.1",
            "0.3",
            "9007199254740993",
            "1e-20",
            "79228162514264337593543950335",
            "0.0000000000000000000000000001",
        ]
        .iter()
        .map(|t| {
            Decimal::from_str(t)
                .or_else(|_| Decimal::from_scientific(t))
                .unwrap()
        })
        .collect();
        // Every index a village table holds, and money with cents.
        cases.extend((0..=10_000).map(|i| Decimal::new(i, 4)));
        cases.extend((0..2_000).map(|i| Decimal::new(i * 7_919_993 - 3_000_000_000, 2)));
        for d in cases {
            let text = d.to_string();
            let parsed: f64 = text.parse().unwrap();
            assert_eq!(as_f64(d).to_bits(), parsed.to_bits(), "{text}");
            assert_eq!(decimal_len(d), text.chars().count(), "{text}");
        }
    }
}
