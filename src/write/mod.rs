//! Stage 5a, write: a corrected copy of a workbook. Every sheet, row and column
//! stays where it was; changed cells are filled and carry a note with what they
//! were and why; findings left for a person get another fill and a note; a first
//! sheet `Temuan` lists the workbook's findings. The only module that imports
//! rust_xlsxwriter.

use crate::cell::CellRef;
use crate::finding::{Lang, NewValue, Safety, Severity};
use crate::fix::{NumberStyle, WorkbookPlan};
use crate::read::{Input, Value};
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

/// The corrected workbook's bytes. `date` is the fixed document date (`YYYY-MM-DD`).
pub fn corrected_workbook(
    input: &Input,
    plan: &WorkbookPlan,
    date: &str,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let (y, m, d) = parse_date(date);
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{} (koreksi kinerja)", input.file))
            .set_author("kinerja")
            .set_creation_datetime(&ExcelDateTime::from_ymd(y, m, d)?),
    );
    let names: Vec<&str> = input.sheets.iter().map(|s| s.name.as_str()).collect();
    let temuan_name = unique_name("Temuan", &names);
    temuan_sheet(wb.add_worksheet().set_name(&temuan_name)?, plan, lang)?;
    for sheet in &input.sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&sheet.name)?;
        write_sheet(ws, sheet, plan)?;
    }
    wb.save_to_buffer()
}

fn parse_date(date: &str) -> (u16, u8, u8) {
    let p: Vec<&str> = date.split('-').collect();
    let n = |i: usize, d: u16| p.get(i).and_then(|x| x.parse().ok()).unwrap_or(d);
    (n(0, 2024), n(1, 1) as u8, n(2, 1) as u8)
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
    d.to_string().parse().unwrap_or(0.0)
}

/// Characters a cell shows, for column widths (a formula by its result, never its text).
fn shown_len(text: &str) -> usize {
    text.chars().count()
}

fn write_sheet(
    ws: &mut Worksheet,
    sheet: &crate::read::Sheet,
    plan: &WorkbookPlan,
) -> Result<(), XlsxError> {
    let name = sheet.name.as_str();
    let bold_cells: Vec<_> = plan
        .headers
        .iter()
        .filter(|(s, _)| s == name)
        .map(|(_, r)| *r)
        .collect();
    let is_header = |at: CellRef| {
        bold_cells.iter().any(|r| {
            (r.first.row..=r.last.row).contains(&at.row)
                && (r.first.col..=r.last.col).contains(&at.col)
        })
    };
    let mut widths: HashMap<u32, usize> = HashMap::new();
    let merged_top_left: HashMap<CellRef, crate::cell::CellRange> =
        sheet.merges.iter().map(|m| (m.first, *m)).collect();
    let in_merge = |at: CellRef| {
        sheet.merges.iter().any(|m| {
            m.first != at
                && (m.first.row..=m.last.row).contains(&at.row)
                && (m.first.col..=m.last.col).contains(&at.col)
        })
    };

    // Changed cells that are empty in the input still need writing.
    let mut cells: Vec<(CellRef, Option<&Value>)> = sheet
        .rows
        .iter()
        .flat_map(|(_, cs)| cs.iter().map(|c| (c.at, Some(&c.value))))
        .collect();
    let changes: HashMap<CellRef, &crate::fix::Change> = plan
        .changes
        .iter()
        .filter(|((s, _), _)| s == name)
        .map(|((_, at), c)| (*at, c))
        .collect();
    let flagged: HashMap<CellRef, &Vec<crate::fix::Flag>> = plan
        .flags
        .iter()
        .filter(|((s, _), _)| s == name)
        .map(|((_, at), f)| (*at, f))
        .collect();
    // The sheet's cells come sorted by row and column: a binary search tells a
    // filled cell, and only when cells were added is a sort needed.
    let filled = |at: &CellRef| cells.binary_search_by_key(at, |(c, _)| *c).is_ok();
    let empty: Vec<CellRef> = changes
        .keys()
        .chain(flagged.keys())
        .filter(|at| !filled(at))
        .copied()
        .collect();
    if !empty.is_empty() {
        cells.extend(empty.into_iter().map(|at| (at, None)));
        cells.sort_by_key(|(at, _)| *at);
    }
    cells.dedup_by_key(|(at, _)| *at);
    let styles = plan.styles.get(name);
    // One Format per look: building one per cell costs more than writing the cell.
    let mut formats: HashMap<(NumberStyle, bool, Option<u32>), Format> = HashMap::new();

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
    for (at, value) in cells {
        if in_merge(at) {
            continue;
        }
        let change = changes.get(&at).copied();
        let flags = flagged.get(&at).copied();
        let style = styles
            .and_then(|m| m.get(&at))
            .copied()
            .unwrap_or(NumberStyle::General);
        let fill = match change {
            Some(c) if c.safety == Safety::Pinned => Some(PINNED),
            Some(_) => Some(CHANGED),
            None if flags.is_some_and(|f| f.iter().any(|f| f.severity != Severity::Info)) => {
                Some(FLAGGED)
            }
            None => None,
        };
        let header = is_header(at);
        let plain = style == NumberStyle::General && !header && fill.is_none();
        let format = formats.entry((style, header, fill)).or_insert_with(|| {
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
            format
        });
        let format = &*format;
        let (row, col) = (at.row, at.col as u16);
        let shown = match (change, value) {
            (Some(c), _) => match &c.value {
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
            // Most cells keep the default look: writing them without a format
            // spares the writer hashing one per cell.
            (None, Some(Value::Text(t))) if plain => {
                ws.write_string(row, col, t)?;
                shown_len(t)
            }
            (None, Some(Value::Text(t))) => {
                ws.write_string_with_format(row, col, t, format)?;
                shown_len(t)
            }
            (None, Some(Value::Number { value })) => {
                let text = value.to_string();
                let number = text.parse().unwrap_or(0.0);
                if plain {
                    ws.write_number(row, col, number)?;
                } else {
                    ws.write_number_with_format(row, col, number, format)?;
                }
                shown_len(&text)
            }
            (None, Some(Value::Bool(b))) => {
                ws.write_boolean_with_format(row, col, *b, format)?;
                5
            }
            (None, Some(Value::Date(d) | Value::Error(d))) => {
                ws.write_string_with_format(row, col, d, format)?;
                shown_len(d)
            }
            (None, None) => {
                ws.write_blank(row, col, format)?;
                0
            }
        };
        if !merged_top_left.contains_key(&at)
            || merged_top_left[&at].first.col == merged_top_left[&at].last.col
        {
            let w = widths.entry(at.col).or_default();
            *w = (*w).max(shown);
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
    for (col, w) in widths {
        ws.set_column_width(col as u16, (w as f64 * 1.1 + 2.0).clamp(6.0, 60.0))?;
    }
    if let Some(first) = bold_cells.iter().min_by_key(|r| r.first.row) {
        ws.set_freeze_panes(first.last.row + 1, 0)?;
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
    let header: [&str; 9] = if en {
        [
            "No", "Code", "Severity", "Sheet", "Cell", "Message", "Found", "Expected", "Done",
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
        ws.write_string(r, 2, f.severity.name())?;
        ws.write_string(r, 3, &*f.loc.sheet)?;
        let cell = f.loc.cell.to_string();
        if f.loc.sheet.is_empty() {
            ws.write_string(r, 4, &cell)?;
        } else {
            let target = format!("internal:'{}'!{cell}", f.loc.sheet.replace('\'', "''"));
            ws.write_url_with_text(r, 4, Url::new(target), &cell)?;
        }
        ws.write_string(r, 5, f.message.get(lang))?;
        ws.write_string(r, 6, &f.found)?;
        ws.write_string(r, 7, f.expected.as_deref().unwrap_or(""))?;
        let done = match (f.fix.is_empty(), en) {
            (true, false) => "perlu diputuskan",
            (true, true) => "left for a person",
            (false, false) => "diperbaiki",
            (false, true) => "corrected",
        };
        ws.write_string(r, 8, done)?;
    }
    for (c, w) in [6.0, 9.0, 10.0, 18.0, 8.0, 90.0, 18.0, 18.0, 16.0]
        .into_iter()
        .enumerate()
    {
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_freeze_panes(top + 1, 0)?;
    Ok(())
}
