//! The floor of `kinerja fix`: read every cell of every workbook and write it back,
//! with no checks, no model, no formats, no notes.
//!
//! ```text
//! cargo run --release --example floor -- IN_DIR OUT_DIR
//! cargo run --release --example floor -- --read IN_DIR
//! ```
//!
//! `--read` is the floor of `kinerja check`: every cell read the same way, nothing
//! written.
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

/// Streams an xlsx cell by cell into the output workbook (with `--read`, into
/// nothing: each value is only looked at).
fn copy_xlsx(path: &Path, mut book: Option<&mut Workbook>) -> Result<u64, Box<dyn Error>> {
    let mut wb: Xlsx<BufReader<std::fs::File>> = calamine::open_workbook(path)?;
    let mut cells = 0;
    for name in wb.sheet_names() {
        let mut ws = match book.as_mut() {
            Some(book) => Some(book.add_worksheet().set_name(&name)?),
            None => None,
        };
        let mut reader = wb.worksheet_cells_reader(&name)?;
        while let Some(cell) = reader.next_cell()? {
            let (row, col) = cell.get_position();
            match ws.as_mut() {
                Some(ws) => write_ref(ws, row, col as u16, cell.get_value())?,
                None => drop(std::hint::black_box(cell.get_value())),
            }
            cells += 1;
        }
    }
    Ok(cells)
}

/// Any other format through a dense range.
fn copy_other(path: &Path, mut book: Option<&mut Workbook>) -> Result<u64, Box<dyn Error>> {
    let mut wb = open_workbook_auto(path)?;
    let mut cells = 0;
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name)?;
        let mut ws = match book.as_mut() {
            Some(book) => Some(book.add_worksheet().set_name(&name)?),
            None => None,
        };
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, value) in range.used_cells() {
            match ws.as_mut() {
                Some(ws) => write_data(ws, r0 + r as u32, (c0 as usize + c) as u16, value)?,
                None => drop(std::hint::black_box(value)),
            }
            cells += 1;
        }
    }
    Ok(cells)
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (input, output) = match args.as_slice() {
        [read, input] if read == "--read" => (Path::new(input), None),
        [input, output] => (Path::new(input), Some(Path::new(output))),
        _ => {
            eprintln!("usage: floor IN_DIR OUT_DIR\n       floor --read IN_DIR");
            std::process::exit(2);
        }
    };
    if let Some(output) = output {
        std::fs::create_dir_all(output)?;
    }
    let mut files = Vec::new();
    workbooks(input, &mut files)?;
    let mut total = 0;
    for path in &files {
        let mut book = output.map(|_| Workbook::new());
        let is_xlsx = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "xlsx" | "xlsm"));
        total += if is_xlsx {
            copy_xlsx(path, book.as_mut())?
        } else {
            copy_other(path, book.as_mut())?
        };
        if let (Some(book), Some(output)) = (book.as_mut(), output) {
            let stem = path.file_stem().unwrap_or_default().to_string_lossy();
            book.save(output.join(format!("{stem}.floor.xlsx")))?;
        }
    }
    let to = output.map_or("nothing written".to_string(), |o| o.display().to_string());
    eprintln!("floor: {} workbooks, {total} cells -> {to}", files.len());
    Ok(())
}
