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
    /// Text merged over a block of (rows, columns).
    Block(&'static str, u32, u16),
    /// A live formula (with its `=`) and the result Excel would cache.
    F(String, f64),
    E,
}

/// A sheet: name and (row, col, cells of one row) blocks.
pub struct SheetSpec {
    pub name: &'static str,
    pub rows: Vec<(u32, u16, Vec<W>)>,
}

pub fn sheet(name: &'static str) -> SheetSpec {
    SheetSpec {
        name,
        rows: Vec::new(),
    }
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
                    W::S(t) => {
                        ws.write_string(r, c, t).unwrap();
                    }
                    W::T(t) => {
                        ws.write_string(r, c, t).unwrap();
                    }
                    W::N(n) => {
                        ws.write_number(r, c, n).unwrap();
                    }
                    W::Pct(n) => {
                        ws.write_number_with_format(r, c, n, &pct).unwrap();
                    }
                    W::Merge(t, n) => {
                        ws.merge_range(r, c, r, c + n - 1, t, &plain).unwrap();
                    }
                    W::Block(t, rows, cols) => {
                        ws.merge_range(r, c, r + rows - 1, c + cols - 1, t, &plain)
                            .unwrap();
                    }
                    W::MergeDown(t, n) => {
                        ws.merge_range(r, c, r + n - 1, c, t, &plain).unwrap();
                    }
                    W::F(f, v) => {
                        let f = rust_xlsxwriter::Formula::new(f).set_result(v.to_string());
                        ws.write_formula(r, c, f).unwrap();
                    }
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
        Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(args)
            .current_dir(self.path())
            .output()
            .unwrap()
    }

    /// `kinerja check --format json` here, with its exit code.
    pub fn check_json(&self, extra: &[&str]) -> (Value, i32) {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(extra);
        let out = self.run(&args);
        let text = String::from_utf8_lossy(&out.stdout);
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {text}\nstderr: {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
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

/// An xlsx-shaped zip whose sheet unpacks to 1,100 MiB of spaces (about 1 MB packed).
pub fn zip_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/workbook.xml", opts).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..1100 {
        zip.write_all(&block).unwrap();
    }
    zip.finish().unwrap().into_inner()
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

/// The loud findings (errors and warnings) as (code, sheet, cell), sorted.
pub fn loud(json: &Value) -> Vec<(String, String, String)> {
    let mut v: Vec<(String, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["sheet"].as_str().unwrap().to_string(),
                f["cell"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

/// The one finding with this code at this cell.
pub fn finding<'a>(json: &'a Value, code: &str, cell: &str) -> &'a Value {
    let hits: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code && f["cell"] == cell)
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one {code} at {cell}, got {hits:?}\nall: {:?}",
        findings(json)
    );
    hits[0]
}

/// Converts a workbook with LibreOffice (`xls`, `ods`, `xlsx`) into `dir`.
pub fn convert(src: &Path, to: &str, dir: &Path) -> PathBuf {
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(src)
        .output()
        .expect("LibreOffice (soffice) is installed: .ci/run installs libreoffice-calc-nogui");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let out = dir.join(src.with_extension(to).file_name().unwrap());
    assert!(out.is_file(), "LibreOffice wrote no {}", out.display());
    out
}

/// A change to one cell of an xlsx, for mutation tests.
#[derive(Clone, Debug)]
pub enum Edit {
    Text(&'static str),
    Number(f64),
    Clear,
}

/// Rewrites one cell of an xlsx in place, keeping its style; a row past the
/// last one is added.
/// Works on the XML so that everything else (merges, formats) stays as it was.
pub fn edit_cell(path: &Path, sheet: &str, a1: &str, edit: Edit) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| -> String {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let workbook = read("xl/workbook.xml");
    let rels = read("xl/_rels/workbook.xml.rels");
    let escaped = sheet.replace('&', "&amp;");
    let at = workbook
        .find(&format!("name=\"{escaped}\""))
        .unwrap_or_else(|| panic!("no sheet {sheet}"));
    let tag_start = workbook[..at].rfind('<').unwrap();
    let tag = &workbook[tag_start..tag_start + workbook[tag_start..].find('>').unwrap()];
    let rid = attr(tag, "r:id").unwrap();
    let rel_at = rels.find(&format!("Id=\"{rid}\"")).unwrap();
    let rel_start = rels[..rel_at].rfind('<').unwrap();
    let rel = &rels[rel_start..rel_start + rels[rel_start..].find('>').unwrap()];
    let target = attr(rel, "Target").unwrap();
    let target = target.trim_start_matches('/');
    let sheet_path = if target.starts_with("xl/") {
        target.to_string()
    } else {
        format!("xl/{target}")
    };
    let row: u32 = a1
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .unwrap();
    let mut xml = read(&sheet_path);
    if !xml.contains(&format!("<row r=\"{row}\"")) {
        // A row past the last one: appended, so rows stay in order.
        xml = xml.replacen(
            "</sheetData>",
            &format!("<row r=\"{row}\"></row></sheetData>"),
            1,
        );
    }
    let open = format!("<c r=\"{a1}\"");
    let (new_xml, style) = match xml.find(&open) {
        Some(start) => {
            let head_end = start + xml[start..].find('>').unwrap();
            let self_closing = xml.as_bytes()[head_end - 1] == b'/';
            let end = if self_closing {
                head_end + 1
            } else {
                start + xml[start..].find("</c>").unwrap() + 4
            };
            let style = attr(&xml[start..head_end], "s");
            (format!("{}{{CELL}}{}", &xml[..start], &xml[end..]), style)
        }
        None => {
            let row_open = xml
                .find(&format!("<row r=\"{row}\""))
                .unwrap_or_else(|| panic!("row {row} not in sheet"));
            let row_close = row_open + xml[row_open..].find("</row>").unwrap();
            (
                format!("{}{{CELL}}{}", &xml[..row_close], &xml[row_close..]),
                None,
            )
        }
    };
    let s = style.map(|s| format!(" s=\"{s}\"")).unwrap_or_default();
    let cell = match edit {
        Edit::Text(t) => format!(
            "<c r=\"{a1}\"{s} t=\"inlineStr\"><is><t>{}</t></is></c>",
            t.replace('&', "&amp;").replace('<', "&lt;")
        ),
        Edit::Number(n) => format!("<c r=\"{a1}\"{s}><v>{n}</v></c>"),
        Edit::Clear => String::new(),
    };
    let new_xml = new_xml.replace("{CELL}", &cell);
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        out.start_file(name.as_str(), opts).unwrap();
        if name == sheet_path {
            out.write_all(new_xml.as_bytes()).unwrap();
        } else {
            out.write_all(&data).unwrap();
        }
    }
    let bytes = out.finish().unwrap().into_inner();
    std::fs::write(path, bytes).unwrap();
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(tag[at..at + tag[at..].find('"')?].to_string())
}

/// Converts a sample workbook that is not xlsx (the .ods, the .xls) into an xlsx in
/// the same input folder, removing the original, so a test can edit its cells.
pub fn as_xlsx(dir: &Dir, name: &str) -> PathBuf {
    let src = dir.input(name);
    let tmp = tempfile::tempdir().unwrap();
    let out = convert(&src, "xlsx", tmp.path());
    let dest = src.with_extension("xlsx");
    std::fs::remove_file(&src).unwrap();
    std::fs::copy(out, &dest).unwrap();
    dest
}

/// Copies an xlsx with every cell and merge moved `rows` down and `cols` right,
/// and a title row written above, as an office re-laying out its sheets would.
pub fn shifted_copy(src: &Path, dst: &Path, rows: u32, cols: u16) {
    use calamine::{Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = calamine::open_workbook(src).unwrap();
    let mut out = Workbook::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        let merges = wb.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let ws = out.add_worksheet();
        ws.set_name(&name).unwrap();
        ws.write_string(0, 0, "Salinan yang ditata ulang").unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let at = |r: u32, c: u32| (r + rows, (c as u16) + cols);
        for m in &merges {
            let (a, b) = (at(m.start.0, m.start.1), at(m.end.0, m.end.1));
            ws.merge_range(a.0, a.1, b.0, b.1, "", &Format::new())
                .unwrap();
        }
        for (r, c, v) in range.used_cells() {
            let (row, col) = at(r0 + r as u32, c0 + c as u32);
            match v {
                Data::String(s) => {
                    ws.write_string(row, col, s).unwrap();
                }
                Data::Float(f) => {
                    ws.write_number(row, col, *f).unwrap();
                }
                Data::Int(i) => {
                    ws.write_number(row, col, *i as f64).unwrap();
                }
                other => {
                    ws.write_string(row, col, other.to_string()).unwrap();
                }
            }
        }
    }
    out.save(dst).unwrap();
}

/// The text of the PDF at `pdf` (poppler's `pdftotext`), its wrapped lines joined
/// so a phrase can be searched whole.
pub fn pdf_words(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("poppler-utils is installed");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
