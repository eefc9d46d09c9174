//! The floor of `kinerja fix`: read every cell of every workbook and write it back,
//! with no checks, no model, no formats, no notes.
//!
//! ```text
//! cargo run --release --example floor -- IN_DIR OUT_DIR
//! ```
//!
//! For each `.xlsx`, `.xlsm`, `.xls` or `.ods` file under IN_DIR (recursively) it
//! writes `OUT_DIR/<stem>.floor.xlsx`: the same sheets, every non-empty cell with
//! its value (text, number, boolean; dates as their serial number, errors as
//! text). `.xlsx`/`.xlsm` are streamed with calamine's cells reader (no dense
//! range, as `kinerja` reads them); the other formats go through
//! `open_workbook_auto` and `worksheet_range`. Writing uses rust_xlsxwriter in its
//! default mode, as `kinerja` does. Whatever `kinerja fix` adds on top of this
//! (locating tables, the model, the checks, formats, notes, the findings sheet) is
//! what the benchmark measures against it.

use calamine::{open_workbook_auto, Data, DataRef, Reader, Xlsx};
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use std::error::Error;
use std::io::BufReader;
use std::path::{Path, PathBuf};

const EXTENSIONS: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

fn workbooks(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            workbooks(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn write_ref(ws: &mut Worksheet, row: u32, col: u16, value: &DataRef) -> Result<(), XlsxError> {
    match value {
        DataRef::Empty => {}
        DataRef::String(s) => {
            ws.write_string(row, col, s)?;
        }
        DataRef::SharedString(s) => {
            ws.write_string(row, col, *s)?;
        }
        DataRef::Float(f) => {
            ws.write_number(row, col, *f)?;
        }
        DataRef::Int(i) => {
            ws.write_number(row, col, *i as f64)?;
        }
        DataRef::Bool(b) => {
            ws.write_boolean(row, col, *b)?;
        }
        DataRef::DateTime(d) => {
            ws.write_number(row, col, d.as_f64())?;
        }
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            ws.write_string(row, col, s)?;
        }
        DataRef::Error(e) => {
            ws.write_string(row, col, e.to_string())?;
        }
    }
    Ok(())
}

fn write_data(ws: &mut Worksheet, row: u32, col: u16, value: &Data) -> Result<(), XlsxError> {
    match value {
        Data::Empty => {}
        Data::String(s) => {
            ws.write_string(row, col, s)?;
        }
        Data::Float(f) => {
            ws.write_number(row, col, *f)?;
        }
        Data::Int(i) => {
            ws.write_number(row, col, *i as f64)?;
        }
        Data::Bool(b) => {
            ws.write_boolean(row, col, *b)?;
        }
        Data::DateTime(d) => {
            ws.write_number(row, col, d.as_f64())?;
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            ws.write_string(row, col, s)?;
        }
        Data::Error(e) => {
            ws.write_string(row, col, e.to_string())?;
        }
    }
    Ok(())
}

/// Streams an xlsx cell by cell into the output workbook.
fn copy_xlsx(path: &Path, book: &mut Workbook) -> Result<u64, Box<dyn Error>> {
    let mut wb: Xlsx<BufReader<std::fs::File>> = calamine::open_workbook(path)?;
    let mut cells = 0;
    for name in wb.sheet_names() {
        let ws = book.add_worksheet();
        ws.set_name(&name)?;
        let mut reader = wb.worksheet_cells_reader(&name)?;
        while let Some(cell) = reader.next_cell()? {
            let (row, col) = cell.get_position();
            write_ref(ws, row, col as u16, cell.get_value())?;
            cells += 1;
        }
    }
    Ok(cells)
}

/// Any other format through a dense range.
fn copy_other(path: &Path, book: &mut Workbook) -> Result<u64, Box<dyn Error>> {
    let mut wb = open_workbook_auto(path)?;
    let mut cells = 0;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name)?;
        let ws = book.add_worksheet();
        ws.set_name(&name)?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, value) in range.used_cells() {
            write_data(ws, r0 + r as u32, (c0 as usize + c) as u16, value)?;
            cells += 1;
        }
    }
    Ok(cells)
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: floor IN_DIR OUT_DIR");
        std::process::exit(2);
    };
    let (input, output) = (Path::new(input), Path::new(output));
    std::fs::create_dir_all(output)?;
    let mut files = Vec::new();
    workbooks(input, &mut files)?;
    let mut total = 0;
    for path in &files {
        let mut book = Workbook::new();
        let is_xlsx = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "xlsx" | "xlsm"));
        total += if is_xlsx {
            copy_xlsx(path, &mut book)?
        } else {
            copy_other(path, &mut book)?
        };
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        book.save(output.join(format!("{stem}.floor.xlsx")))?;
    }
    eprintln!(
        "floor: {} workbooks, {total} cells -> {}",
        files.len(),
        output.display()
    );
    Ok(())
}
