//! SIPD realisation exports (kind `sipd_realisasi`): the two real exports of the
//! Dinas Komunikasi dan Informatika of Kabupaten Lampung Selatan
//! (`tests/fixtures/real/sipd-lampung-selatan`), and exports built in code from
//! their rows in the layouts offices have: codes over four columns or in one,
//! a pair per kelompok or one for the total, amounts as numbers or Indonesian
//! text, the office's own columns, sheets filtered per bidang, a moved block, a
//! SUBTOTAL over every level; xlsx, and xls and ods through LibreOffice. One
//! mutant per check, found at its cell with nothing else loud.

use crate::util::{self, Dir};
use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Format, Formula, Workbook};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn real(name: &str) -> PathBuf {
    util::repo()
        .join("tests/fixtures/real/sipd-lampung-selatan")
        .join(name)
}

/// The shipped config with the exports' office and year.
fn office(dir: &Dir) {
    let path = dir.path().join("config.toml");
    let cfg = std::fs::read_to_string(&path).unwrap();
    let cfg = cfg
        .replace(
            "name = \"Dinas Pemberdayaan Masyarakat dan Kampung\"",
            "name = \"Dinas Komunikasi dan Informatika\"",
        )
        .replace("short_name = \"Dinas PMK\"", "short_name = \"Diskominfo\"")
        .replace(
            "Kabupaten Way Kanan\"\nprovince",
            "Kabupaten Lampung Selatan\"\nprovince",
        )
        .replace("year = 2023", "year = 2026")
        .replace("date = \"2024-01-31\"", "date = \"2027-01-31\"");
    assert!(cfg.contains("year = 2026") && cfg.contains("Lampung Selatan"));
    std::fs::write(path, cfg).unwrap();
}

/// A row of an export: its four code cells (bidang, organisation, program to sub
/// kegiatan, account), its uraian, and anggaran and realisasi per kelompok
/// (Operasi, Modal, Tak Terduga, Transfer), in rupiah.
#[derive(Clone, Debug)]
struct Row {
    codes: [String; 4],
    name: String,
    a: [i64; 4],
    r: [i64; 4],
}

impl Row {
    fn total_a(&self) -> i64 {
        self.a.iter().sum()
    }
    fn total_r(&self) -> i64 {
        self.r.iter().sum()
    }
    fn deepest(&self) -> &str {
        self.codes
            .iter()
            .rev()
            .find(|c| !c.is_empty())
            .map_or("", |c| c.as_str())
    }
    fn is_account(&self) -> bool {
        !self.codes[3].is_empty()
    }
    fn is_sub_kegiatan(&self) -> bool {
        self.codes[3].is_empty() && self.codes[2].split('.').count() == 6
    }
}

/// `'10.701.893.800,00'` (or a number) as rupiah.
fn rupiah(d: &Data) -> i64 {
    match d {
        Data::Float(f) => *f as i64,
        Data::Int(i) => *i,
        Data::String(s) => s
            .split(',')
            .next()
            .unwrap()
            .replace('.', "")
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("an amount: {s}")),
        other => panic!("an amount: {other:?}"),
    }
}

/// `10.701.893.800,00`
fn id_text(v: i64) -> String {
    let digits = v.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    format!("{}{out},00", if v < 0 { "-" } else { "" })
}

/// The body rows of a real export, its `Jumlah` row last.
fn rows_of(file: &str) -> Vec<Row> {
    let mut wb: Xlsx<_> = calamine::open_workbook(real(file)).unwrap();
    let range = wb.worksheet_range("Sheet1").unwrap();
    let text = |d: &Data| match d {
        Data::String(s) => s.trim().to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    };
    let mut rows = Vec::new();
    for r in 9..range.height() as u32 {
        let at = |c: u32| range.get_value((r, c)).unwrap_or(&Data::Empty);
        let name = text(at(4));
        if name.is_empty() {
            break;
        }
        rows.push(Row {
            codes: [0, 1, 2, 3].map(|c| text(at(c))),
            name,
            a: [5, 7, 9, 11].map(|c| rupiah(at(c))),
            r: [6, 8, 10, 12].map(|c| rupiah(at(c))),
        });
    }
    assert_eq!(rows.last().unwrap().name, "Jumlah");
    rows
}

fn july() -> Vec<Row> {
    rows_of("lra_juli.xlsx")
}

/// Whether row `j` stands above row `i` in the hierarchy its codes give.
fn is_ancestor(rows: &[Row], j: usize, i: usize) -> bool {
    let (p, c) = (&rows[j].codes, &rows[i].codes);
    if p == c || rows[j].deepest().is_empty() {
        return false;
    }
    let deepest = p.iter().rposition(|x| !x.is_empty()).unwrap();
    (0..=deepest).all(|k| p[k] == c[k] || (k == deepest && c[k].starts_with(&format!("{}.", p[k]))))
}

/// Row `i`'s ancestors, nearest first, and the `Jumlah` row.
fn chain(rows: &[Row], i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = i;
    while let Some(p) = (0..at).rev().find(|&j| is_ancestor(rows, j, at)) {
        out.push(p);
        at = p;
    }
    out.push(rows.len() - 1);
    out
}

/// Adds `delta` to row `i`'s amount of kelompok `k` (anggaran or realisasi) and
/// to every row above it, so the export stays consistent.
fn add(rows: &mut [Row], i: usize, k: usize, anggaran: bool, delta: i64) {
    for j in std::iter::once(i).chain(chain(rows, i)) {
        if anggaran {
            rows[j].a[k] += delta;
        } else {
            rows[j].r[k] += delta;
        }
    }
}

/// How an export is laid out.
#[derive(Clone, Copy, Default)]
struct Layout {
    /// The deepest code only, in one column.
    one_column: bool,
    /// One `Anggaran | Realisasi` pair for the total instead of one per kelompok.
    one_pair: bool,
    /// Amounts as Indonesian text, as SIPD writes them.
    text: bool,
    /// Every other row's amounts as text, the others as numbers.
    half_text: bool,
    /// The office's `TOTAL ANGGARAN | TOTAL REALISASI` beside the kelompok.
    totals: bool,
    /// The office's `%` of the row's realisasi over its anggaran.
    percent: bool,
    /// The office's `PAGU AKAS | % AKAS` (its cash plan: the anggaran, on every
    /// level down to the sub kegiatan) and `PPTK`.
    akas: bool,
    /// A title line naming the period.
    period: Option<&'static str>,
}

/// A sheet of an export: its name, rows, the bidang its saved filter shows (the
/// other rows hidden), and whether its `Jumlah` row is a SUBTOTAL over every row.
struct Out<'a> {
    name: &'static str,
    rows: &'a [Row],
    shows: Option<&'static str>,
    subtotal: bool,
}

fn out<'a>(name: &'static str, rows: &'a [Row]) -> Out<'a> {
    Out {
        name,
        rows,
        shows: None,
        subtotal: false,
    }
}

/// Where things stand in a built export: the first body row, the uraian column,
/// each money column (`Col`), the office's columns.
struct Place {
    body: u32,
    name: u16,
    pairs: Vec<(u16, u16)>,
    totals: Option<(u16, u16)>,
    percent: Option<u16>,
    akas: Option<(u16, u16, u16)>,
}

fn place(l: Layout) -> Place {
    let titles = 4 + u32::from(l.period.is_some()) + 1;
    let name: u16 = if l.one_column { 1 } else { 4 };
    let mut next = name + 1;
    let mut pairs = Vec::new();
    for _ in 0..if l.one_pair { 1 } else { 4 } {
        pairs.push((next, next + 1));
        next += 2;
    }
    let mut take = |n: u16| {
        let c = next;
        next += n;
        c
    };
    let totals = (l.totals && !l.one_pair).then(|| {
        let c = take(2);
        (c, c + 1)
    });
    let percent = l.percent.then(|| take(1));
    let akas = l.akas.then(|| {
        let c = take(3);
        (c, c + 1, c + 2)
    });
    Place {
        body: titles + if l.one_pair { 1 } else { 4 },
        name,
        pairs,
        totals,
        percent,
        akas,
    }
}

/// The A1 address of body row `i`, column `col`.
fn a1(l: Layout, i: usize, col: u16) -> String {
    kinerja::cell::CellRef::new(place(l).body + i as u32, u32::from(col)).to_string()
}

fn pct(r: i64, a: i64) -> Option<f64> {
    (a != 0).then(|| ((r as f64) * 10000.0 / (a as f64)).round() / 100.0)
}

/// Writes an export with these sheets.
fn write(path: &Path, l: Layout, sheets: &[Out]) {
    let mut wb = Workbook::new();
    let plain = Format::new();
    for s in sheets {
        let p = place(l);
        let ws = wb.add_worksheet();
        ws.set_name(s.name).unwrap();
        let mut r = 0u32;
        for t in [
            "KAB. LAMPUNG SELATAN",
            "REKAPITULASI BELANJA MENURUT URUSAN PEMERINTAH DAERAH, ORGANISASI, PROGRAM, KEGIATAN",
            "BESERTA HASIL DAN SUB KEGIATAN BESERTA KELUARAN",
            "TAHUN ANGGARAN 2026",
        ]
        .into_iter()
        .chain(l.period)
        {
            ws.write_string(r, 0, t).unwrap();
            r += 1;
        }
        let h = r + 1;
        let codes: u16 = if l.one_column { 1 } else { 4 };
        let deep = if l.one_pair { 1 } else { 3 };
        let down = |ws: &mut rust_xlsxwriter::Worksheet, c: u16, text: &str| {
            if deep == 1 {
                ws.write_string(h, c, text).unwrap();
            } else {
                ws.merge_range(h, c, h + deep - 1, c, text, &plain).unwrap();
            }
        };
        if codes > 1 {
            ws.merge_range(h, 0, h + deep - 1, codes - 1, "Kode", &plain)
                .unwrap();
        } else {
            down(ws, 0, "Kode");
        }
        down(
            ws,
            p.name,
            "Uraian Urusan, Organisasi, Program, Kegiatan dan Sub Kegiatan",
        );
        if l.one_pair {
            ws.write_string(h, p.pairs[0].0, "Anggaran").unwrap();
            ws.write_string(h, p.pairs[0].1, "Realisasi").unwrap();
        } else {
            let first = p.pairs[0].0;
            ws.merge_range(h, first, h, first + 7, "Kelompok Belanja", &plain)
                .unwrap();
            for (k, name) in ["Operasi", "Modal", "Tak Terduga", "Transfer"]
                .iter()
                .enumerate()
            {
                let (ca, cr) = p.pairs[k];
                ws.merge_range(h + 1, ca, h + 1, cr, name, &plain).unwrap();
                ws.write_string(h + 2, ca, "Anggaran").unwrap();
                ws.write_string(h + 2, cr, "Realisasi").unwrap();
            }
        }
        if let Some((ta, tr)) = p.totals {
            down(ws, ta, "TOTAL ANGGARAN");
            down(ws, tr, "TOTAL REALISASI");
        }
        if let Some(c) = p.percent {
            down(ws, c, "%");
        }
        if let Some((ak, pk, pptk)) = p.akas {
            down(ws, ak, "PAGU AKAS");
            down(ws, pk, "% AKAS");
            down(ws, pptk, "PPTK");
        }
        if !l.one_pair {
            // The numbering row: the four code columns count as one.
            let n = h + 3;
            ws.write_string(n, 0, "1").unwrap();
            ws.write_string(n, p.name, "2").unwrap();
            let last = p.akas.map_or(
                p.percent.unwrap_or(p.totals.map_or(p.pairs[3].1, |t| t.1)),
                |a| a.2,
            );
            for (k, c) in (p.name + 1..=last).enumerate() {
                ws.write_string(n, c, (k + 3).to_string()).unwrap();
            }
        }
        let body = p.body;
        let amount = |ws: &mut rust_xlsxwriter::Worksheet, row: u32, c: u16, v: i64, i: usize| {
            if l.text || (l.half_text && i.is_multiple_of(2)) {
                ws.write_string(row, c, id_text(v)).unwrap();
            } else {
                ws.write_number(row, c, v as f64).unwrap();
            }
        };
        let last_body = body + s.rows.len() as u32 - 2;
        for (i, row) in s.rows.iter().enumerate() {
            let at = body + i as u32;
            let jumlah = i + 1 == s.rows.len();
            if l.one_column {
                if !row.deepest().is_empty() {
                    ws.write_string(at, 0, row.deepest()).unwrap();
                }
            } else {
                for (c, code) in row.codes.iter().enumerate() {
                    if !code.is_empty() {
                        ws.write_string(at, c as u16, code).unwrap();
                    }
                }
            }
            ws.write_string(at, p.name, &row.name).unwrap();
            let money: Vec<(i64, i64)> = if l.one_pair {
                vec![(row.total_a(), row.total_r())]
            } else {
                (0..4).map(|k| (row.a[k], row.r[k])).collect()
            };
            for (k, (va, vr)) in money.into_iter().enumerate() {
                let (ca, cr) = p.pairs[k];
                if jumlah && s.subtotal {
                    // SUBTOTAL over the whole column: every level added together.
                    for (c, pick) in [(ca, true), (cr, false)] {
                        let sum: i64 = s.rows[..s.rows.len() - 1]
                            .iter()
                            .map(|x| {
                                let (a, r) = if l.one_pair {
                                    (x.total_a(), x.total_r())
                                } else {
                                    (x.a[k], x.r[k])
                                };
                                if pick {
                                    a
                                } else {
                                    r
                                }
                            })
                            .sum();
                        let col = kinerja::cell::column_name(u32::from(c));
                        let f = Formula::new(format!(
                            "=SUBTOTAL(9,{col}{}:{col}{})",
                            body + 1,
                            last_body + 1
                        ))
                        .set_result(sum.to_string());
                        ws.write_formula(at, c, f).unwrap();
                    }
                    continue;
                }
                amount(ws, at, ca, va, i);
                amount(ws, at, cr, vr, i);
            }
            if let Some((ta, tr)) = p.totals {
                amount(ws, at, ta, row.total_a(), i);
                amount(ws, at, tr, row.total_r(), i);
            }
            if let Some(c) = p.percent {
                if let Some(v) = pct(row.total_r(), row.total_a()) {
                    ws.write_number(at, c, v).unwrap();
                }
            }
            if let Some((ak, pk, pptk)) = p.akas {
                if !row.is_account() {
                    amount(ws, at, ak, row.total_a(), i);
                    if let Some(v) = pct(row.total_r(), row.total_a()) {
                        ws.write_number(at, pk, v).unwrap();
                    }
                }
                if row.is_sub_kegiatan() {
                    ws.write_string(at, pptk, "Kabid Aptika").unwrap();
                }
            }
            if let Some(b) = s.shows {
                let bidang = row.codes[0].as_str();
                if !jumlah && bidang.contains('.') && bidang != b {
                    ws.set_row_hidden(at).unwrap();
                }
            }
        }
        if s.shows.is_some() {
            let last = p.akas.map_or(p.pairs.last().unwrap().1, |a| a.2);
            ws.autofilter(body - 1, 0, last_body + 1, last).unwrap();
        }
    }
    wb.save(path).unwrap();
}

/// `kinerja check --format json` on the input folder; the loud findings as
/// (code, sheet, cell).
fn check(dir: &Dir) -> (Value, Vec<(String, String, String)>) {
    let (json, _) = dir.check_json(&[]);
    let loud = util::loud(&json);
    (json, loud)
}

fn kinds(json: &Value) -> Vec<String> {
    util::tables(json).into_iter().map(|t| t.0).collect()
}

/// The report's words, after `kinerja report` (exit 1 when the export holds
/// errors: the report is then a draft).
fn report(dir: &Dir) -> String {
    let out = dir.run(&["report"]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    util::pdf_words(&dir.path().join("output/LKjIP-2026.pdf"))
}

/// The July export's totals, as Tabel 3.4 prints them on its JUMLAH row.
const JULY_TOTAL: &str = "10.810.941.900 643.531.783 5,95%";

/// Guards issue 24's first test: the two real exports are clean, read as one
/// series of monthly exports, and give the report's realisation table.
#[test]
fn the_real_exports_are_clean_and_give_tabel_3_4() {
    let dir = Dir::new();
    office(&dir);
    for f in ["lra_januari.xlsx", "lra_juli.xlsx"] {
        std::fs::copy(real(f), dir.input(f)).unwrap();
    }
    let (json, loud) = check(&dir);
    assert_eq!(loud, Vec::new(), "the real exports are clean");
    assert_eq!(kinds(&json), ["sipd_realisasi", "sipd_realisasi"]);
    let series = util::finding(&json, "SPD010", "A6");
    assert_eq!(series["file"], "lra_juli.xlsx");
    let message = series["message"].as_str().unwrap();
    assert!(
        message.contains("realisasi rekening 5.1.01.01.001.00001 «Belanja Gaji Pokok PNS» turun dari 90.943.880 (lra_januari.xlsx) menjadi 80.308.800 (lra_juli.xlsx)"),
        "{message}"
    );
    assert!(
        message.contains("bulan Februari, Maret, April, Mei, Juni tidak ada"),
        "{message}"
    );
    // `kinerja run` on them alone: no error, so exit code 0.
    let out = dir.run(&["run"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let words = util::pdf_words(&dir.path().join("output/LKjIP-2026.pdf"));
    for phrase in [
        "Realisasi anggaran tahun 2026 sebesar Rp. 769.623.644,- dari pagu Rp. 10.810.941.900,- atau 7,12% dari 11 kegiatan pada 5 program.",
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah 27.046.200 1.745.476 6,45%",
        "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah 109.048.100 0 0,00%",
        "PROGRAM PENYELENGGARAAN STATISTIK SEKTORAL",
        "Penyelenggaraan Statistik Sektoral di Lingkup Daerah Kabupaten/Kota 159.889.600 16.366.123 10,24%",
        "Penetapan Pola Hubungan Komunikasi Sandi Antar Perangkat Daerah Kabupaten/Kota 96.685.600 7.160.000 7,41%",
        "10.810.941.900 769.623.644 7,12%",
        "Sumber: ekspor SIPD Rekapitulasi Belanja menurut Urusan, Organisasi, Program, Kegiatan dan Sub Kegiatan: lra_januari.xlsx lembar Sheet1 (Januari) dan lra_juli.xlsx lembar Sheet1 (Juli) (tiap ekspor memuat realisasi bulannya sendiri; realisasi = jumlah 2 ekspor, pagu dari ekspor terakhir; bulan Februari, Maret, April, Mei dan Juni tidak ada di antara ekspor dan tidak termasuk).",
    ] {
        assert!(words.contains(phrase), "{phrase}\n{words}");
    }
}

/// Guards each real export alone: its own totals, from its programs and kegiatan.
#[test]
fn each_real_export_alone_gives_its_own_totals() {
    for (file, total) in [
        ("lra_januari.xlsx", "10.810.941.900 126.091.861 1,17%"),
        ("lra_juli.xlsx", JULY_TOTAL),
    ] {
        let dir = Dir::new();
        office(&dir);
        std::fs::copy(real(file), dir.input(file)).unwrap();
        let (json, loud) = check(&dir);
        assert_eq!(loud, Vec::new(), "{file}");
        assert!(
            util::findings(&json).iter().all(|f| f.0 != "SPD010"),
            "one export is no series"
        );
        let words = report(&dir);
        assert!(words.contains(total), "{file}: {total}\n{words}");
    }
}

/// Guards the layouts: every one reads as the same export, clean, with the same
/// totals in the report.
#[test]
fn every_layout_reads_as_the_same_export() {
    let rows = july();
    let all = Layout {
        totals: true,
        percent: true,
        akas: true,
        ..Layout::default()
    };
    let layouts = [
        ("as exported, numbers", Layout::default()),
        (
            "text amounts",
            Layout {
                text: true,
                ..Layout::default()
            },
        ),
        (
            "codes in one column",
            Layout {
                one_column: true,
                ..Layout::default()
            },
        ),
        (
            "one pair for the total",
            Layout {
                one_pair: true,
                ..Layout::default()
            },
        ),
        ("the office's columns", all),
        (
            "one column, one pair, text, the office's columns",
            Layout {
                one_column: true,
                one_pair: true,
                text: true,
                percent: true,
                akas: true,
                ..Layout::default()
            },
        ),
        (
            "a period row",
            Layout {
                period: Some("Periode: 1 Januari s.d. 31 Juli 2026"),
                ..Layout::default()
            },
        ),
    ];
    for (what, layout) in layouts {
        let dir = Dir::new();
        office(&dir);
        write(&dir.input("sipd.xlsx"), layout, &[out("Sheet1", &rows)]);
        let (json, loud) = check(&dir);
        assert_eq!(kinds(&json), ["sipd_realisasi"], "{what}");
        assert_eq!(loud, Vec::new(), "{what}");
        let words = report(&dir);
        assert!(words.contains(JULY_TOTAL), "{what}\n{words}");
    }
}

/// Guards xls and ods: LibreOffice's copies of an export read as the xlsx does.
#[test]
fn xls_and_ods_read_as_the_xlsx() {
    let rows = july();
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("sipd.xlsx");
    let layout = Layout {
        text: true,
        totals: true,
        percent: true,
        ..Layout::default()
    };
    write(&src, layout, &[out("Sheet1", &rows)]);
    for to in ["xls", "ods"] {
        let dir = Dir::new();
        office(&dir);
        let converted = util::convert(&src, to, tmp.path());
        std::fs::copy(&converted, dir.input(&format!("sipd.{to}"))).unwrap();
        let (json, loud) = check(&dir);
        assert_eq!(kinds(&json), ["sipd_realisasi"], "{to}");
        assert_eq!(loud, Vec::new(), "{to}");
        assert!(report(&dir).contains(JULY_TOTAL), "{to}");
    }
}

/// Guards sheets of one export: a sheet per bidang with its saved filter beside
/// the full one is one export, counted once.
#[test]
fn filtered_sheets_are_one_export_counted_once() {
    let rows = july();
    let dir = Dir::new();
    office(&dir);
    let sheets = [
        out("Rekap", &rows),
        Out {
            shows: Some("2.16"),
            ..out("Kominfo", &rows)
        },
        Out {
            shows: Some("2.20"),
            ..out("Statistik", &rows)
        },
        Out {
            shows: Some("2.21"),
            ..out("Persandian", &rows)
        },
    ];
    write(&dir.input("sipd.xlsx"), Layout::default(), &sheets);
    let (json, loud) = check(&dir);
    assert_eq!(kinds(&json), ["sipd_realisasi"; 4]);
    assert_eq!(loud, Vec::new());
    assert!(
        util::findings(&json).iter().all(|f| f.0 != "SPD010"),
        "copies are no series"
    );
    assert!(report(&dir).contains(JULY_TOTAL));
}

/// Guards a moved block: a sub kegiatan with its accounts moved below the last
/// bidang keeps its place (its sums by its code), in four code columns and in
/// one, and is told once (TBL003).
#[test]
fn a_moved_block_keeps_its_place() {
    let mut rows = july();
    let start = rows
        .iter()
        .position(|r| r.codes[2] == "2.16.01.2.01.0002" && !r.is_account())
        .unwrap();
    let end = (start + 1..rows.len())
        .find(|&i| !rows[i].is_account())
        .unwrap();
    let block: Vec<Row> = rows.drain(start..end).collect();
    let at = rows.len() - 1;
    rows.splice(at..at, block);
    for one_column in [false, true] {
        let dir = Dir::new();
        office(&dir);
        let layout = Layout {
            one_column,
            ..Layout::default()
        };
        write(&dir.input("sipd.xlsx"), layout, &[out("Sheet1", &rows)]);
        let (json, loud) = check(&dir);
        assert_eq!(kinds(&json), ["sipd_realisasi"]);
        // Told once, as a warning at the moved sub kegiatan's code; its sums
        // still follow its code.
        let code = a1(layout, at, if one_column { 0 } else { 2 });
        assert_eq!(
            loud,
            only("TBL003", "Sheet1", &code),
            "one column: {one_column}"
        );
        assert_eq!(
            util::finding(&json, "TBL003", &code)["found"],
            "2.16.01.2.01.0002",
            "one column: {one_column}"
        );
        assert!(
            report(&dir).contains(JULY_TOTAL),
            "one column: {one_column}"
        );
    }
}

/// Guards the report's totals: a `Jumlah` row that is a SUBTOTAL over every level
/// (five times the real spending) is not what the report prints.
#[test]
fn a_subtotal_over_every_level_is_not_the_reports_total() {
    let rows = july();
    let dir = Dir::new();
    office(&dir);
    let sheet = Out {
        subtotal: true,
        ..out("Sheet1", &rows)
    };
    write(&dir.input("sipd.xlsx"), Layout::default(), &[sheet]);
    let words = report(&dir);
    assert!(words.contains(JULY_TOTAL), "{words}");
    assert!(
        words.contains("Realisasi anggaran tahun 2026 sebesar Rp. 643.531.783,- dari pagu Rp. 10.810.941.900,-"),
        "{words}"
    );
}

/// The check of an export written with `layout` in a fresh folder, with `edits`
/// then made to cells of its sheet: the JSON and the loud findings.
fn edited(
    layout: Layout,
    rows: &[Row],
    edits: Vec<(String, util::Edit)>,
) -> (Value, Vec<(String, String, String)>) {
    let dir = Dir::new();
    office(&dir);
    write(&dir.input("sipd.xlsx"), layout, &[out("Sheet1", rows)]);
    for (cell, edit) in edits {
        util::edit_cell(&dir.input("sipd.xlsx"), "Sheet1", &cell, edit);
    }
    check(&dir)
}

fn loud_of(layout: Layout, rows: &[Row]) -> (Value, Vec<(String, String, String)>) {
    edited(layout, rows, Vec::new())
}

/// The one loud finding `code` at `sheet!cell`.
fn only(code: &str, sheet: &str, cell: &str) -> Vec<(String, String, String)> {
    vec![(code.to_string(), sheet.to_string(), cell.to_string())]
}

/// The first account with realisasi in both its anggaran and its realisasi.
fn spent_account(rows: &[Row]) -> usize {
    rows.iter()
        .position(|r| {
            r.is_account() && r.r[0] > 0 && r.a[0] > r.r[0] && r.codes[3].split('.').count() == 6
        })
        .unwrap()
}

/// Guards SPD001: an office's TOTAL ANGGARAN typed over, at its cell.
#[test]
fn mutant_total_column() {
    let rows = july();
    let layout = Layout {
        totals: true,
        ..Layout::default()
    };
    let (clean, loud) = loud_of(layout, &rows);
    assert_eq!(loud, Vec::new(), "{:?}", util::findings(&clean));
    // The total column written wrong on a sub kegiatan row.
    let i = rows.iter().position(Row::is_sub_kegiatan).unwrap();
    let cell = a1(layout, i, place(layout).totals.unwrap().0);
    let edit = (cell.clone(), util::Edit::Number(13_000_000.0));
    let (json, loud) = edited(layout, &rows, vec![edit]);
    assert_eq!(loud, only("SPD001", "Sheet1", &cell));
    let f = util::finding(&json, "SPD001", &cell);
    assert_eq!(f["expected"], rows[i].total_a().to_string());
}

/// Guards SPD002: an office's % of the kelompok's sums typed wrong.
#[test]
fn mutant_kelompok_percent() {
    let rows = july();
    let layout = Layout {
        percent: true,
        ..Layout::default()
    };
    let (_, loud) = loud_of(layout, &rows);
    assert_eq!(loud, Vec::new());
    // Program 2.16.01 has Operasi and Modal anggaran.
    let i = rows.iter().position(|r| r.codes[2] == "2.16.01").unwrap();
    assert!(rows[i].a[1] > 0);
    let cell = a1(layout, i, place(layout).percent.unwrap());
    let (json, loud) = edited(
        layout,
        &rows,
        vec![(cell.clone(), util::Edit::Number(10.25))],
    );
    assert_eq!(loud, only("SPD002", "Sheet1", &cell));
    let f = util::finding(&json, "SPD002", &cell);
    // 225.619.160 / (3.569.304.500 + 109.048.100) × 100
    assert_eq!(f["expected"], "6.13");
}

/// Guards SPD003: an account realising more than its anggaran.
#[test]
fn mutant_realisation_above_anggaran() {
    let mut rows = july();
    let i = spent_account(&rows);
    let delta = rows[i].a[0] + 500_000 - rows[i].r[0];
    add(&mut rows, i, 0, false, delta);
    let layout = Layout::default();
    let (json, loud) = loud_of(layout, &rows);
    let cell = a1(layout, i, place(layout).pairs[0].1);
    assert_eq!(loud, only("SPD003", "Sheet1", &cell));
    let message = util::finding(&json, "SPD003", &cell)["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        message.contains(&format!("rekening {}", rows[i].codes[3])),
        "{message}"
    );
}

/// Guards SPD004: realisasi on an account whose anggaran is zero.
#[test]
fn mutant_realisation_without_anggaran() {
    let mut rows = july();
    let i = spent_account(&rows);
    let a = rows[i].a[0];
    add(&mut rows, i, 0, true, -a);
    let layout = Layout {
        text: true,
        ..Layout::default()
    };
    let (_, loud) = loud_of(layout, &rows);
    let cell = a1(layout, i, place(layout).pairs[0].1);
    assert_eq!(loud, only("SPD004", "Sheet1", &cell));
}

/// Guards SPD005: a sub kegiatan's plan typed on its account rows.
/// (After the structural rules merge, STR003 may speak of the same cell.)
#[test]
fn mutant_plan_on_accounts() {
    let rows = july();
    let layout = Layout {
        akas: true,
        ..Layout::default()
    };
    let (_, loud) = loud_of(layout, &rows);
    assert_eq!(loud, Vec::new());
    let i = rows.iter().position(Row::is_sub_kegiatan).unwrap();
    let (akas, _, _) = place(layout).akas.unwrap();
    let own = a1(layout, i, akas);
    let first_account = (
        a1(layout, i + 1, akas),
        util::Edit::Number(rows[i].total_a() as f64),
    );
    let (json, loud) = edited(
        layout,
        &rows,
        vec![(own.clone(), util::Edit::Clear), first_account],
    );
    assert_eq!(loud, only("SPD005", "Sheet1", &own));
    assert_eq!(
        util::finding(&json, "SPD005", &own)["expected"],
        rows[i].total_a().to_string()
    );
}

/// Guards SPD006 and its bad input: a code of no level, and two rows with one
/// code, each at the code's cell, nothing dropped.
#[test]
fn mutant_codes_that_give_no_place() {
    let rows = july();
    let i = rows
        .iter()
        .position(|r| r.codes[2] == "2.16.01.2.01.0002" && !r.is_account())
        .unwrap();
    let layout = Layout::default();
    for (code, what) in [
        ("2.16.01.2.01.00002", "no level"),
        ("2.16.01.2.01.0001", "twice"),
    ] {
        let mut mutant = rows.clone();
        for r in mutant
            .iter_mut()
            .filter(|r| r.codes[2] == "2.16.01.2.01.0002")
        {
            r.codes[2] = code.to_string();
        }
        let (json, loud) = loud_of(layout, &mutant);
        let cell = a1(layout, i, 2);
        assert_eq!(loud, only("SPD006", "Sheet1", &cell), "{what}");
        assert_eq!(
            util::finding(&json, "SPD006", &cell)["found"],
            code,
            "{what}"
        );
    }
}

/// Guards SPD007: a sheet filtered per bidang whose figure was typed over.
#[test]
fn mutant_copy_disagrees() {
    let rows = july();
    let dir = Dir::new();
    office(&dir);
    // The copy typed over on an account, its parents following.
    let i = spent_account(&rows);
    let mut copy = rows.clone();
    add(&mut copy, i, 0, false, 1000);
    let sheets = [
        out("Rekap", &rows),
        Out {
            shows: Some("2.16"),
            ..out("Kominfo", &copy)
        },
    ];
    let layout = Layout::default();
    write(&dir.input("sipd.xlsx"), layout, &sheets);
    let cell = a1(layout, i, place(layout).pairs[0].1);
    let (json, loud) = check(&dir);
    assert_eq!(loud, only("SPD007", "Kominfo", &cell));
    assert_eq!(
        util::finding(&json, "SPD007", &cell)["expected"],
        rows[i].r[0].to_string()
    );
}

/// Guards SPD008 and its bad input: an export cut off after a sub kegiatan.
/// (The parents above it no longer add up: the structural rules' echoes.)
#[test]
fn mutant_cut_off() {
    let rows = july();
    let i = rows.iter().rposition(Row::is_sub_kegiatan).unwrap();
    let layout = Layout::default();
    let (json, loud) = loud_of(layout, &rows[..=i]);
    let cell = a1(layout, i, place(layout).name);
    assert_eq!(loud, only("SPD008", "Sheet1", &cell));
    assert!(util::finding(&json, "SPD008", &cell)["message"]
        .as_str()
        .unwrap()
        .contains("terpotong"));
}

/// Guards SPD009: an anggaran moved between two sub kegiatan from January to July.
#[test]
fn mutant_anggaran_shifted() {
    let july = july();
    let mut january = july.clone();
    let unspent: Vec<usize> = (0..july.len())
        .filter(|&i| {
            july[i].is_account()
                && july[i].codes[3].split('.').count() == 6
                && july[i].r[0] == 0
                && july[i].a[0] > 1_000_000
        })
        .collect();
    let (x, y) = (
        unspent[0],
        *unspent
            .iter()
            .find(|&&j| july[j].codes[2] != july[unspent[0]].codes[2])
            .unwrap(),
    );
    add(&mut january, x, 0, true, 1_000_000);
    add(&mut january, y, 0, true, -1_000_000);
    let dir = Dir::new();
    office(&dir);
    let jan = Layout {
        period: Some("Realisasi s.d. Bulan Januari 2026"),
        ..Layout::default()
    };
    let jul = Layout {
        period: Some("Realisasi s.d. Bulan Juli 2026"),
        ..Layout::default()
    };
    write(&dir.input("januari.xlsx"), jan, &[out("Sheet1", &january)]);
    write(&dir.input("juli.xlsx"), jul, &[out("Sheet1", &july)]);
    let (json, loud) = check(&dir);
    assert_eq!(loud, Vec::new());
    let sub = |i: usize| (0..i).rev().find(|&j| july[j].is_sub_kegiatan()).unwrap();
    let mut shifted: Vec<(String, String)> = util::findings(&json)
        .into_iter()
        .filter(|f| f.0 == "SPD009")
        .map(|f| (f.1, f.3))
        .collect();
    shifted.sort();
    let mut expected = vec![
        ("juli.xlsx".to_string(), a1(jul, sub(x), 5)),
        ("juli.xlsx".to_string(), a1(jul, sub(y), 5)),
    ];
    expected.sort();
    assert_eq!(shifted, expected);
    let series = util::finding(&json, "SPD010", "A7");
    assert_eq!(series["found"], "kumulatif");
}

/// A hand-typed Tabel 3.4 of the July export's programs and kegiatan, one
/// kegiatan's pagu changed by `off`.
fn typed_realisation(path: &Path, rows: &[Row], off: i64) -> (String, i64) {
    use crate::util::W::*;
    let mut body = vec![(
        0u32,
        0u16,
        vec![
            S("PROGRAM/KEGIATAN"),
            S("PAGU ANGGARAN (Rp)"),
            S("REALISASI (Rp)"),
            S("%"),
        ],
    )];
    let mut r = 1;
    let mut target = (String::new(), 0);
    for row in rows {
        let code = row.codes[2].as_str();
        if row.is_account() || code.is_empty() {
            continue;
        }
        match code.split('.').count() {
            3 => body.push((r, 0, vec![T(row.name.clone())])),
            5 => {
                let mut pagu = row.total_a();
                if target.0.is_empty() {
                    pagu += off;
                    target = (format!("B{}", r + 1), row.total_a());
                }
                let p = pct(row.total_r(), pagu).unwrap_or(0.0);
                body.push((
                    r,
                    0,
                    vec![
                        T(row.name.clone()),
                        N(pagu as f64),
                        N(row.total_r() as f64),
                        N(p),
                    ],
                ));
            }
            _ => continue,
        }
        r += 1;
    }
    let mut spec = util::sheet("Tabel 3.4");
    for (row, col, cells) in body {
        spec = spec.at(row, col, cells);
    }
    util::xlsx(path, vec![spec]);
    target
}

/// Guards SPD011: a hand-typed kegiatan pagu that is not the export's.
#[test]
fn mutant_typed_realisation_differs() {
    let rows = july();
    let dir = Dir::new();
    office(&dir);
    write(
        &dir.input("sipd.xlsx"),
        Layout::default(),
        &[out("Sheet1", &rows)],
    );
    typed_realisation(&dir.input("tabel34.xlsx"), &rows, 0);
    let (json, loud) = check(&dir);
    assert_eq!(loud, Vec::new(), "{:?}", util::findings(&json));
    let (cell, pagu) = typed_realisation(&dir.input("tabel34.xlsx"), &rows, 1_000_000);
    let (json, loud) = check(&dir);
    assert_eq!(loud, only("SPD011", "Tabel 3.4", &cell));
    assert_eq!(
        util::finding(&json, "SPD011", &cell)["expected"],
        pagu.to_string()
    );
}

/// Guards SPD012: a PK program budget that is not the export's.
#[test]
fn mutant_pk_budget_differs() {
    use crate::util::W::*;
    let rows = july();
    let dir = Dir::new();
    office(&dir);
    write(
        &dir.input("sipd.xlsx"),
        Layout::default(),
        &[out("Sheet1", &rows)],
    );
    let programs: Vec<&Row> = rows
        .iter()
        .filter(|r| !r.is_account() && r.codes[2].split('.').count() == 3)
        .collect();
    let pk = |off: i64| {
        let mut spec = util::sheet("PK").at(
            0,
            0,
            vec![S("NO"), S("PROGRAM"), S("ANGGARAN (Rp)"), S("KET")],
        );
        for (k, p) in programs.iter().enumerate() {
            let v = p.total_a() + if k == 1 { off } else { 0 };
            spec = spec.at(
                k as u32 + 1,
                0,
                vec![
                    T(format!("{}.", k + 1)),
                    T(p.name.clone()),
                    N(v as f64),
                    S("APBD"),
                ],
            );
        }
        util::xlsx(&dir.input("pk.xlsx"), vec![spec]);
    };
    pk(0);
    let (json, loud) = check(&dir);
    assert_eq!(loud, Vec::new(), "{:?}", util::findings(&json));
    pk(250_000);
    let (json, loud) = check(&dir);
    assert_eq!(loud, only("SPD012", "PK", "C3"));
    assert_eq!(
        util::finding(&json, "SPD012", "C3")["expected"],
        programs[1].total_a().to_string()
    );
}

/// Guards the bad input of a sheet whose amounts are half text, half numbers:
/// one warning at the first text amount, every amount read.
#[test]
fn half_text_half_numbers_is_told_and_read() {
    let rows = july();
    let layout = Layout {
        half_text: true,
        ..Layout::default()
    };
    let dir = Dir::new();
    office(&dir);
    write(&dir.input("sipd.xlsx"), layout, &[out("Sheet1", &rows)]);
    let (_, loud) = check(&dir);
    assert_eq!(loud, only("NUM003", "Sheet1", &a1(layout, 0, 5)));
    assert!(report(&dir).contains(JULY_TOTAL));
}

/// Guards the corrected workbook: a wrong total column becomes its figure (the
/// office typed figures), and SIPD's text amounts stay text where no finding
/// explains a change.
#[test]
fn the_corrected_export_changes_only_what_findings_explain() {
    let rows = july();
    let layout = Layout {
        text: true,
        totals: true,
        ..Layout::default()
    };
    let dir = Dir::new();
    office(&dir);
    write(&dir.input("sipd.xlsx"), layout, &[out("Sheet1", &rows)]);
    let i = rows.iter().position(Row::is_sub_kegiatan).unwrap();
    let cell = a1(layout, i, place(layout).totals.unwrap().0);
    util::edit_cell(
        &dir.input("sipd.xlsx"),
        "Sheet1",
        &cell,
        util::Edit::Text("13.000.000,00"),
    );
    let out = dir.run(&["fix"]);
    assert!(
        out.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut wb: Xlsx<_> =
        calamine::open_workbook(dir.path().join("output/sipd.koreksi.xlsx")).unwrap();
    let range = wb.worksheet_range("Sheet1").unwrap();
    let get = |a: &str| {
        let c = kinerja::cell::CellRef::parse(a).unwrap();
        range
            .get_value((c.row, c.col))
            .cloned()
            .unwrap_or(Data::Empty)
    };
    assert_eq!(get(&cell), Data::Float(rows[i].total_a() as f64));
    assert_eq!(get(&a1(layout, 0, 5)), Data::String(id_text(rows[0].a[0])));
}

/// Guards the structural rules on a SIPD export (their codes come with the
/// structural family; run once it is merged): a parent typed off its children.
#[test]
fn mutant_parent_not_the_sum_of_its_children() {
    let mut rows = july();
    let i = rows
        .iter()
        .position(|r| r.codes[2] == "2.16.01" && !r.is_account())
        .unwrap();
    rows[i].a[0] += 1_000_000;
    let layout = Layout::default();
    let dir = Dir::new();
    office(&dir);
    write(&dir.input("sipd.xlsx"), layout, &[out("Sheet1", &rows)]);
    let (_, loud) = check(&dir);
    let cell = a1(layout, i, 5);
    assert_eq!(loud, only("STR001", "Sheet1", &cell));
    // The office typed figures: the corrected workbook holds the figure.
    dir.run(&["fix"]);
    let mut wb: Xlsx<_> =
        calamine::open_workbook(dir.path().join("output/sipd.koreksi.xlsx")).unwrap();
    let range = wb.worksheet_range("Sheet1").unwrap();
    let at = kinerja::cell::CellRef::parse(&cell).unwrap();
    assert_eq!(
        range.get_value((at.row, at.col)),
        Some(&Data::Float((rows[i].a[0] - 1_000_000) as f64))
    );
}

/// Guards the SUBTOTAL over every level: STR002 at the total's cells.
#[test]
fn mutant_subtotal_over_every_level() {
    let rows = july();
    let dir = Dir::new();
    office(&dir);
    let layout = Layout::default();
    let sheet = Out {
        subtotal: true,
        ..out("Sheet1", &rows)
    };
    write(&dir.input("sipd.xlsx"), layout, &[sheet]);
    let (_, loud) = check(&dir);
    let total = a1(layout, rows.len() - 1, 5);
    assert!(
        loud.contains(&("STR002".to_string(), "Sheet1".to_string(), total.clone())),
        "{total}: {loud:?}"
    );
}
