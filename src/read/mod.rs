//! Stage 1, reading: workbooks in, their sheets' cells out. Every value keeps its
//! provenance (file, sheet, A1 cell, the text as written); nothing here judges a
//! value or looks for tables (the structure stage does).

mod cfb;
mod formulas;
mod open;
mod parts;
mod span;
mod split;

pub use formulas::{Formula, Formulas, Term};
pub use open::{Format, Sheet};

use crate::cell::CellRef;
use crate::config::Config;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

/// The first cell of the findings sheet kinerja writes into corrected workbooks;
/// reading passes over a sheet that starts so.
pub const FINDINGS_SHEET_MARKER: &str = "kinerja: daftar temuan";

/// What a cell holds, as the spreadsheet stored it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Shared, so the located tables' copies of the cells cost no second string.
    Text(std::sync::Arc<str>),
    /// A number cell, normalized (no trailing zeros), so its text is how Excel's
    /// General format shows it. The text is not kept: a workbook holds hundreds of
    /// thousands of numbers and the text is derived on demand.
    Number {
        value: Decimal,
    },
    Bool(bool),
    /// A date cell, as `YYYY-MM-DD` (boxed, as the error: a cell is sized by its
    /// largest kind, and a workbook holds hundreds of thousands of cells).
    Date(Box<str>),
    /// An error value such as `#REF!`.
    Error(Box<str>),
}

/// One filled cell with its address.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub at: CellRef,
    pub value: Value,
    /// The cell's number format shows a percentage (xlsx only; other formats: false).
    pub percent_format: bool,
}

impl Cell {
    /// The cell as the user typed or sees it.
    pub fn written(&self) -> String {
        match &self.value {
            Value::Text(t) => t.to_string(),
            Value::Number { value } => value.to_string(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
            Value::Date(d) => d.to_string(),
            Value::Error(e) => e.to_string(),
        }
    }

    /// The trimmed text of a text cell.
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Text(t) => Some(t.trim()),
            _ => None,
        }
    }
}

/// Whether a workbook could be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputStatus {
    Ok,
    /// Why not, in words for the office user.
    Unreadable(String),
}

/// One workbook given to the run.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file name as found under the input path.
    pub file: String,
    pub path: PathBuf,
    pub format: Option<Format>,
    pub status: InputStatus,
    /// Every sheet with all its cells, for writing the corrected copy.
    pub sheets: Vec<Sheet>,
}

/// The spreadsheet files under `paths`: each file given, and every spreadsheet
/// file below each folder given (office lock files skipped), sorted.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<(String, PathBuf)>, crate::error::Error> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found);
            found.sort();
            for f in found {
                let name = f
                    .strip_prefix(p)
                    .unwrap_or(&f)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((name, f));
            }
        } else if p.is_file() {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.push((name, p.clone()));
        } else {
            return Err(crate::error::Error::InputMissing { path: p.clone() });
        }
    }
    Ok(out)
}

const SPREADSHEET_EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "ods", "xlsb"];

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("~$") || name.starts_with(".~lock") || name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out);
        } else if path
            .extension()
            .map(|x| x.to_string_lossy().to_lowercase())
            .is_some_and(|x| SPREADSHEET_EXTENSIONS.contains(&x.as_str()))
        {
            out.push(path);
        }
    }
}

/// Reads every workbook in `files`. A workbook that cannot be read is reported in
/// its [`Input`] and the others are read all the same.
pub fn read(files: &[(String, PathBuf)], cfg: &Config) -> Vec<Input> {
    read_with_progress(files, cfg, &mut |_| {})
}

/// [`read`], telling `progress` the name of each file before it is read.
pub fn read_with_progress(
    files: &[(String, PathBuf)],
    cfg: &Config,
    progress: &mut dyn FnMut(&str),
) -> Vec<Input> {
    let size = |(_, path): &(String, PathBuf)| std::fs::metadata(path).map_or(0, |m| m.len());
    crate::parallel::map(
        files,
        size,
        &mut |(name, _)| progress(name),
        |(name, path)| read_one(name, path, cfg),
    )
}

fn read_one(name: &str, path: &Path, cfg: &Config) -> Input {
    match read_bounded(path, cfg.limits.max_file_bytes) {
        Ok(bytes) => read_bytes(name, path, bytes, cfg),
        Err(message) => unreadable(name, path, message),
    }
}

fn unreadable(name: &str, path: &Path, message: String) -> Input {
    Input {
        file: name.to_string(),
        path: path.to_path_buf(),
        format: None,
        status: InputStatus::Unreadable(message),
        sheets: Vec::new(),
    }
}

/// Runs `parse`, turning a panic into `None` without the panic's text on stderr:
/// the caller reports the file as unreadable in words a user can act on. Panics
/// anywhere else still reach the previous hook.
fn contained<T>(parse: impl FnOnce() -> T) -> Option<T> {
    use std::cell::Cell;
    thread_local! {
        static PARSING: Cell<bool> = const { Cell::new(false) };
    }
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !PARSING.with(Cell::get) {
                previous(info);
            }
        }));
    });
    PARSING.with(|p| p.set(true));
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse)).ok();
    PARSING.with(|p| p.set(false));
    out
}

/// Reads one workbook from its bytes (the file's `name` and `path` only label it).
pub fn read_bytes(name: &str, path: &Path, bytes: Vec<u8>, cfg: &Config) -> Input {
    // A parser bug must cost one file, not the run.
    let opened = contained(|| open::open(bytes, &cfg.limits)).unwrap_or_else(|| {
        Err(open::Unreadable(
            "berkas tidak dapat diurai (isi tidak wajar); simpan ulang dari Excel".into(),
        ))
    });
    let (format, sheets) = match opened {
        Ok(x) => x,
        Err(open::Unreadable(message)) => return unreadable(name, path, message),
    };
    let mut input = unreadable(name, path, String::new());
    input.status = InputStatus::Ok;
    input.format = Some(format);
    input.sheets = sheets
        .into_iter()
        .filter(|s| !is_findings_sheet(s))
        .collect();
    if input.sheets.is_empty() {
        input.status = InputStatus::Unreadable("buku kerja tidak berisi lembar kerja".into());
    }
    input
}

fn is_findings_sheet(sheet: &Sheet) -> bool {
    let first = sheet.rows.first().and_then(|(_, cells)| cells.first());
    first.and_then(Cell::text) == Some(FINDINGS_SHEET_MARKER)
}

fn read_bounded(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("tidak dapat dibuka: {e}"))?;
    if meta.len() > max {
        return Err(format!(
            "berkas lebih besar dari {} MB; naikkan limits.max_file_mb bila memang wajar",
            max >> 20
        ));
    }
    std::fs::read(path).map_err(|e| format!("tidak dapat dibaca: {e}"))
}
