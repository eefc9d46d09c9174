//! A temporary work folder per test, workbooks built in code, and the binary.

#![allow(dead_code)]

use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A cell to write: text, a number, a ratio shown as a percentage, or a merged
/// header spanning `n` columns.
#[derive(Clone, Debug)]
pub enum W {
    S(&'static str),
    T(String),
    N(f64),
    Pct(f64),
    /// Text merged over this many columns to the right (a group header).
    Merge(&'static str, u16),
    /// Text merged over this many rows down.
    MergeDown(&'static str, u32),
    E,
}

/// A sheet: name and (row, col, cells of one row) blocks.
pub struct SheetSpec {
    pub name: &'static str,
    pub rows: Vec<(u32, u16, Vec<W>)>,
}

pub fn sheet(name: &'static str) -> SheetSpec {
    SheetSpec { name, rows: Vec::new() }
}

impl SheetSpec {
    /// Writes `cells` starting at zero-based (row, col).
    pub fn at(mut self, row: u32, col: u16, cells: Vec<W>) -> Self {
        self.rows.push((row, col, cells));
        self
    }
}

/// Writes an xlsx with these sheets.
pub fn xlsx(path: &Path, sheets: Vec<SheetSpec>) {
    let mut wb = Workbook::new();
    let pct = Format::new().set_num_format("0.00%");
    let plain = Format::new();
    for s in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(s.name).unwrap();
        for (r, c0, cells) in s.rows {
            for (i, cell) in cells.into_iter().enumerate() {
                let c = c0 + i as u16;
                match cell {
                    W::S(t) => drop(ws.write_string(r, c, t).unwrap()),
                    W::T(t) => drop(ws.write_string(r, c, t).unwrap()),
                    W::N(n) => drop(ws.write_number(r, c, n).unwrap()),
                    W::Pct(n) => drop(ws.write_number_with_format(r, c, n, &pct).unwrap()),
                    W::Merge(t, n) => drop(ws.merge_range(r, c, r, c + n - 1, t, &plain).unwrap()),
                    W::MergeDown(t, n) => drop(ws.merge_range(r, c, r + n - 1, c, t, &plain).unwrap()),
                    W::E => {}
                }
            }
        }
    }
    wb.save(path).unwrap();
}

/// A fresh folder with `input/`, `output/` and the shipped config.
pub struct Dir {
    pub tmp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("input")).unwrap();
        std::fs::copy(repo().join("config.toml"), tmp.path().join("config.toml")).unwrap();
        Dir { tmp }
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    pub fn input(&self, name: &str) -> PathBuf {
        self.tmp.path().join("input").join(name)
    }

    /// Runs the binary in this folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kinerja")).args(args).current_dir(self.path()).output().unwrap()
    }

    /// `kinerja check --format json` here, with its exit code.
    pub fn check_json(&self, extra: &[&str]) -> (Value, i32) {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(extra);
        let out = self.run(&args);
        let text = String::from_utf8_lossy(&out.stdout);
        let json: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {text}\nstderr: {}", String::from_utf8_lossy(&out.stderr)));
        (json, out.status.code().unwrap())
    }

    /// Copies the repository's sample input here.
    pub fn with_sample(self) -> Dir {
        for e in std::fs::read_dir(repo().join("input")).unwrap().flatten() {
            if e.path().is_file() && !e.file_name().to_string_lossy().starts_with('.') {
                std::fs::copy(e.path(), self.input(&e.file_name().to_string_lossy())).unwrap();
            }
        }
        self
    }
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The tables of a check JSON as (kind, file, sheet, range, rows).
pub fn tables(json: &Value) -> Vec<(String, String, String, String, u64)> {
    json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["kind"].as_str().unwrap().to_string(),
                t["file"].as_str().unwrap().to_string(),
                t["sheet"].as_str().unwrap().to_string(),
                t["range"].as_str().unwrap().to_string(),
                t["rows"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The findings of a check JSON as (code, file, sheet, cell).
pub fn findings(json: &Value) -> Vec<(String, String, String, String)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["sheet"].as_str().unwrap().to_string(),
                f["cell"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The one finding with this code at this cell.
pub fn finding<'a>(json: &'a Value, code: &str, cell: &str) -> &'a Value {
    let hits: Vec<&Value> =
        json["findings"].as_array().unwrap().iter().filter(|f| f["code"] == code && f["cell"] == cell).collect();
    assert_eq!(hits.len(), 1, "expected one {code} at {cell}, got {hits:?}\nall: {:?}", findings(json));
    hits[0]
}

/// Converts a workbook with LibreOffice (`xls`, `ods`, `xlsx`) into `dir`.
pub fn convert(src: &Path, to: &str, dir: &Path) -> PathBuf {
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.path().display()))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(src)
        .output()
        .expect("LibreOffice (soffice) is installed: .ci/run installs libreoffice-calc-nogui");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let out = dir.join(src.with_extension(to).file_name().unwrap());
    assert!(out.is_file(), "LibreOffice wrote no {}", out.display());
    out
}
