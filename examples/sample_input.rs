//! Writes the sample input workbooks of `kinerja`: the 2023 workbooks of the
//! Dinas Pemberdayaan Masyarakat dan Kampung (DPMK) Kabupaten Way Kanan, typed
//! from the seed report `lkjip-2023-dpmk-way-kanan.txt` exactly as the office
//! typed them, anomalies included (numbers as text, decimal commas, malformed
//! thousands groupings, a kecamatan spelled two ways, a wrong total).
//!
//! ```text
//! cargo run --example sample_input -- OUTDIR
//! ```
//!
//! writes seven `.xlsx` files into OUTDIR. `examples/sample_input.sh` runs this
//! and converts two of them to `.ods` and `.xls` with LibreOffice into `input/`.
//! The output is deterministic (fixed document creation time).
//!
//! Bulky tables live in `examples/sample_data/*.tsv`: one line per table row,
//! each figure as the seed prints it. How a typed figure becomes a cell:
//! - IDM (`idm_2023.tsv`): a number if it parses as one (`0.9233`), else text
//!   (`0,8360`).
//! - Money in Tabel 3.4 (`realisasi_2023.tsv`): `1.126.000` (well-formed
//!   thousands groups) becomes the number 1126000 shown as `#,##0`; plain digits
//!   (`41615400`) become a number without thousands format; anything else
//!   (`65.00.000`, `257.5465.00`, `50.000.000,00`, `-`) stays text as typed.
//!   Percent: digits become a number (`99`), anything else text (`100,00`).
//! - RKT (`rkt_2023.tsv`): the sheet's rows from row 8, columns A..J; figures in
//!   D and I are written `1,971,817,100` and stored as numbers.

use std::error::Error;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::sync::atomic::{AtomicI32, Ordering};

const IDM_TSV: &str = include_str!("sample_data/idm_2023.tsv");
const REALISASI_TSV: &str = include_str!("sample_data/realisasi_2023.tsv");
const RKT_TSV: &str = include_str!("sample_data/rkt_2023.tsv");

/// Years added to every year the seed's workbooks write: 0 for the seed, 2 for
/// the second sample (the office's 2025, in the Indeks Desa era).
static YEAR_SHIFT: AtomicI32 = AtomicI32::new(0);

fn shifted(year: i32) -> i32 {
    year + YEAR_SHIFT.load(Ordering::Relaxed)
}

/// `text` with every year in it (2010–2029) moved by [`YEAR_SHIFT`].
fn yr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let boundary = |j: usize| j >= b.len() || !b[j].is_ascii_digit();
        let starts = i == 0 || !b[i - 1].is_ascii_digit();
        if starts && i + 4 <= b.len() && boundary(i + 4) && text[i..i + 4].starts_with("20") {
            if let Ok(y) = text[i..i + 4].parse::<i32>() {
                if (2010..2030).contains(&y) {
                    out.push_str(&shifted(y).to_string());
                    i += 4;
                    continue;
                }
            }
        }
        let c = text[i..].chars().next().expect("a char");
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Zero-based (row, column) helper: `a1(4, 'B')` is cell B4.
const fn a1(row: u32, col: char) -> (u32, u16) {
    (row - 1, (col as u8 - b'A') as u16)
}

struct Formats {
    title: Format,
    header: Format,
    text: Format,
    center: Format,
    number: Format,
    money: Format,
    ratio_pct: Format,
    two_dec: Format,
    bold_text: Format,
    bold_money: Format,
    plain: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_align(FormatAlign::Center),
            header: Format::new()
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            text: cell.clone().set_text_wrap(),
            center: cell.clone().set_align(FormatAlign::Center),
            number: cell.clone(),
            money: cell.clone().set_num_format("#,##0"),
            ratio_pct: cell.clone().set_num_format("0.00%"),
            two_dec: cell.clone().set_num_format("0.00"),
            bold_text: cell.clone().set_bold().set_text_wrap(),
            bold_money: cell.set_bold().set_num_format("#,##0"),
            plain: Format::new(),
        }
    }
}

fn new_workbook() -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2024, 1, 8)?.and_hms(8, 0, 0)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_author("Subbagian Perencanaan DPMK Way Kanan")
            .set_company("Dinas Pemberdayaan Masyarakat dan Kampung Kabupaten Way Kanan")
            .set_creation_datetime(&created),
    );
    Ok(workbook)
}

/// Data lines of an embedded TSV: comment lines (`#`) and blank lines skipped.
fn tsv_rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}

/// `1.126.000` -> 1126000 when every group after the first has three digits.
fn thousands_grouped(typed: &str) -> Option<f64> {
    let mut groups = typed.split('.');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if rest.is_empty() || !digits(first) || first.len() > 3 {
        return None;
    }
    if !rest.iter().all(|g| g.len() == 3 && digits(g)) {
        return None;
    }
    typed.replace('.', "").parse().ok()
}

fn all_digits(typed: &str) -> bool {
    !typed.is_empty() && typed.bytes().all(|b| b.is_ascii_digit())
}

/// A figure written `1,971,817,100` in the RKT TSV.
fn comma_number(typed: &str) -> Option<f64> {
    let plain = typed.replace(',', "");
    if all_digits(&plain) {
        plain.parse().ok()
    } else {
        None
    }
}

fn write_lines(
    ws: &mut Worksheet,
    first_row: u32,
    col: u16,
    lines: &[&str],
    fmt: &Format,
) -> Result<(), XlsxError> {
    for (i, line) in lines.iter().enumerate() {
        if !line.is_empty() {
            ws.write_string_with_format(first_row + i as u32, col, *line, fmt)?;
        }
    }
    Ok(())
}

fn header_row(
    ws: &mut Worksheet,
    row: u32,
    first_col: u16,
    names: &[&str],
    fmt: &Format,
) -> Result<(), XlsxError> {
    for (i, name) in names.iter().enumerate() {
        ws.write_string_with_format(row, first_col + i as u16, *name, fmt)?;
    }
    Ok(())
}

fn numbering_row(
    ws: &mut Worksheet,
    row: u32,
    first_col: u16,
    numbers: &[u32],
    fmt: &Format,
) -> Result<(), XlsxError> {
    for (i, n) in numbers.iter().enumerate() {
        ws.write_number_with_format(row, first_col + i as u16, *n, fmt)?;
    }
    Ok(())
}

fn widths(ws: &mut Worksheet, widths: &[f64]) -> Result<(), XlsxError> {
    for (col, width) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, *width)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// 1. Data IDM 2023 (converted to .ods by the script)
// ---------------------------------------------------------------------------

fn data_idm(dir: &Path, f: &Formats) -> Result<(), XlsxError> {
    let mut workbook = new_workbook()?;

    // Sheet "IDM 2023": Tabel 2.5, header in row 4 starting at column B.
    let ws = workbook.add_worksheet().set_name("IDM 2023")?;
    widths(ws, &[3.0, 6.0, 26.0, 22.0, 10.0, 16.0])?;
    ws.merge_range(
        0,
        1,
        0,
        5,
        "STATUS DESA BERDASARKAN INDEKS DESA MEMBANGUN (IDM)",
        &f.title,
    )?;
    ws.merge_range(1, 1, 1, 5, "KABUPATEN WAY KANAN TAHUN 2023", &f.title)?;
    let (hr, hc) = a1(4, 'B');
    header_row(
        ws,
        hr,
        hc,
        &["NO.", "NAMA DESA", "KECAMATAN", "IDM", "STATUS"],
        &f.header,
    )?;
    let mut row = hr + 1;
    for cells in tsv_rows(IDM_TSV) {
        let [no, desa, kecamatan, idm, status] = cells[..] else {
            panic!("idm_2023.tsv: bad line {cells:?}");
        };
        let no: u32 = no.parse().expect("NO is a number");
        ws.write_number_with_format(row, 1, no, &f.center)?;
        ws.write_string_with_format(row, 2, desa, &f.text)?;
        ws.write_string_with_format(row, 3, kecamatan, &f.text)?;
        match idm.parse::<f64>() {
            Ok(value) => ws.write_number_with_format(row, 4, value, &f.number)?,
            // Typed with a decimal comma: Excel keeps it as text.
            Err(_) => ws.write_string_with_format(row, 4, idm, &f.number)?,
        };
        ws.write_string_with_format(row, 5, status, &f.text)?;
        row += 1;
    }
    ws.write_string(
        row + 1,
        1,
        "(Sumber Data : Kemendes, PDT dan Transmigrasi Republik Indonesia)",
    )?;

    // Sheet "Rekap": the Lampiran "Data IDM 2022/2023", two-row header.
    let ws = workbook.add_worksheet().set_name("Rekap")?;
    widths(ws, &[24.0, 11.0, 11.0, 11.0, 11.0])?;
    for (i, title) in [
        "DATA INDEKS DESA MEMBANGUN (IDM)",
        "KABUPATEN WAY KANAN",
        "PROVINSI LAMPUNG",
        "TAHUN 2022/2023",
    ]
    .iter()
    .enumerate()
    {
        ws.merge_range(i as u32, 0, i as u32, 4, title, &f.title)?;
    }
    let (hr, _) = a1(6, 'A');
    ws.merge_range(hr, 0, hr + 1, 0, "KLASIFIKASI IDM", &f.header)?;
    ws.merge_range(hr, 1, hr, 2, "", &f.header)?;
    ws.write_number_with_format(hr, 1, 2022, &f.header)?;
    ws.merge_range(hr, 3, hr, 4, "", &f.header)?;
    ws.write_number_with_format(hr, 3, 2023, &f.header)?;
    header_row(ws, hr + 1, 1, &["JUMLAH", "%", "JUMLAH", "%"], &f.header)?;
    // 2022 percentages: ratios in percent-formatted cells; 2023: typed text.
    let rekap: [(&str, u32, f64, u32, &str); 5] = [
        ("MANDIRI", 10, 0.0457, 26, "11,76%"),
        ("MAJU", 53, 0.2420, 97, "43,89%"),
        ("BERKEMBANG", 154, 0.7032, 98, "44,34%"),
        ("TERTINGGAL", 2, 0.0091, 0, "0,00%"),
        ("SANGAT TERTINGGAL", 0, 0.0, 0, "0,00%"),
    ];
    let mut row = hr + 2;
    for (status, n2022, pct2022, n2023, pct2023) in rekap {
        ws.write_string_with_format(row, 0, status, &f.text)?;
        ws.write_number_with_format(row, 1, n2022, &f.center)?;
        ws.write_number_with_format(row, 2, pct2022, &f.ratio_pct)?;
        ws.write_number_with_format(row, 3, n2023, &f.center)?;
        ws.write_string_with_format(row, 4, pct2023, &f.center)?;
        row += 1;
    }
    ws.write_string(
        row + 1,
        0,
        "SUMBER DATA DINAS PEMBERDAYAAN MASYARAKAT KABUPATEN WAY KANAN.",
    )?;

    workbook.save(dir.join("Data IDM 2023.xlsx"))
}

// ---------------------------------------------------------------------------
// 2. Realisasi Anggaran 2023 (Tabel 3.4)
// ---------------------------------------------------------------------------

fn realisasi(dir: &Path, f: &Formats) -> Result<(), XlsxError> {
    let mut workbook = new_workbook()?;
    let ws = workbook.add_worksheet().set_name("Tabel 3.4")?;
    widths(ws, &[70.0, 20.0, 20.0, 8.0])?;
    ws.write_string_with_format(0, 0, "Tabel 3.4", &f.plain.clone().set_bold())?;
    ws.write_string_with_format(
        1,
        0,
        yr("Realisasi Capaian Program dan Kegiatan Tahun 2023"),
        &f.plain.clone().set_bold(),
    )?;
    let (hr, _) = a1(4, 'A');
    header_row(
        ws,
        hr,
        0,
        &[
            "PROGRAM/KEGIATAN",
            "PAGU ANGGARAN (Rp)",
            "REALISASI (Rp)",
            "%",
        ],
        &f.header,
    )?;
    let money = |ws: &mut Worksheet, row: u32, col: u16, typed: &str| {
        if all_digits(typed) {
            // 41615400: a number, typed without thousands format.
            ws.write_number_with_format(row, col, typed.parse::<f64>().unwrap(), &f.number)
        } else if let Some(value) = thousands_grouped(typed) {
            ws.write_number_with_format(row, col, value, &f.money)
        } else {
            ws.write_string_with_format(row, col, typed, &f.center)
        }
        .map(|_| ())
    };
    for (row, cells) in (hr + 1..).zip(tsv_rows(REALISASI_TSV)) {
        match cells[..] {
            ["P", program] => {
                ws.write_string_with_format(row, 0, program, &f.bold_text)?;
                for col in 1..4 {
                    ws.write_blank(row, col, &f.number)?;
                }
            }
            ["K", kegiatan, pagu, realisasi, pct] => {
                ws.write_string_with_format(row, 0, kegiatan, &f.text)?;
                money(ws, row, 1, pagu)?;
                money(ws, row, 2, realisasi)?;
                if all_digits(pct) {
                    ws.write_number_with_format(row, 3, pct.parse::<f64>().unwrap(), &f.center)?;
                } else {
                    ws.write_string_with_format(row, 3, pct, &f.center)?;
                }
            }
            _ => panic!("realisasi_2023.tsv: bad line {cells:?}"),
        }
    }
    workbook.save(dir.join(yr("Realisasi Anggaran 2023.xlsx")))
}

// ---------------------------------------------------------------------------
// 3. Perjanjian Kinerja 2023 (converted to .xls by the script)
// ---------------------------------------------------------------------------

fn perjanjian_kinerja(dir: &Path, f: &Formats) -> Result<(), XlsxError> {
    let mut workbook = new_workbook()?;
    let ws = workbook.add_worksheet().set_name(yr("PK 2023"))?;
    widths(ws, &[6.0, 40.0, 26.0, 30.0, 10.0, 10.0])?;
    ws.merge_range(0, 0, 0, 5, &yr("PERJANJIAN KINERJA TAHUN 2023"), &f.title)?;
    ws.merge_range(
        1,
        0,
        1,
        5,
        "DINAS PEMBERDAYAAN MASYARAKAT DAN KAMPUNG KABUPATEN WAY KANAN",
        &f.title,
    )?;
    write_lines(
        ws,
        3,
        0,
        &[
            "NAMA PEJABAT : IXUAN AHMADI, S.Sos., MM",
            "JABATAN : KEPALA DINAS PEMBERDAYAAN MASYARAKAT KAMPUNG",
            "ESELON : II.b",
            "UNIT KERJA : PEMERINTAH KABUPATEN WAY KANAN",
        ],
        &f.plain,
    )?;

    // PK targets, header row 9.
    let (hr, _) = a1(9, 'A');
    header_row(
        ws,
        hr,
        0,
        &[
            "NO",
            "SASARAN STRATEGIS",
            "INDIKATOR KINERJA",
            "FORMULASI",
            "SATUAN",
            "TARGET",
        ],
        &f.header,
    )?;
    header_row(
        ws,
        hr + 1,
        0,
        &["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        &f.center,
    )?;
    let targets = [
        [
            "1.",
            "Meningkatkan Kualitas Kampung",
            "Indeks Kategori Kampung",
            "Rilis Kemendesa",
            "POIN",
            "3,19",
        ],
        [
            "2.",
            "Meningkatnya Ketahanan Ekonomi",
            "Nilai IKE",
            "Sesuai rumus IDM bagian IKE",
            "POIN",
            "0,6333",
        ],
        [
            "3.",
            "Meningkatnya Ketahanan Sosial",
            "Nilai IKS",
            "Sesuai rumus IDM bagian IKS",
            "POIN",
            "0,8196",
        ],
        [
            "4.",
            "Meningkatnya Ketahanan Lingkungan",
            "Nilai IKL",
            "Sesuai rumus IDM bagian IKL",
            "POIN",
            "0,7285",
        ],
        [
            "5.",
            "Meningkatkan Kualitas SAKIP SKPD",
            "Nilai SAKIP Dinas PMK.",
            "Evaluasi Inspektorat Kabupaten Way Kanan (APIP)",
            "POIN",
            "66,16",
        ],
    ];
    let mut row = hr + 2;
    for cells in targets {
        for (col, value) in cells.iter().enumerate() {
            let fmt = if col == 0 || col >= 4 {
                &f.center
            } else {
                &f.text
            };
            ws.write_string_with_format(row, col as u16, *value, fmt)?;
        }
        row += 1;
    }

    // Program budgets, two blank rows below.
    let hr = row + 2;
    header_row(
        ws,
        hr,
        0,
        &["No.", "Program", "Anggaran (Rp.)", "Ket"],
        &f.header,
    )?;
    let programs: [(&str, &str, u64); 4] = [
        (
            "1.",
            "PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            2_682_564_785,
        ),
        ("2.", "PENINGKATAN KERJASAMAANTAR DESA", 44_342_000),
        ("3.", "ADMINISTRASI PEMERINTAHAN DESA", 1_978_457_800),
        (
            "4.",
            "PEMBERDAYAAN LEMBAGA KEMASYARAKATAN, LEMBAGA ADAT DAN MASYARAKAT HUKUM ADAT",
            2_091_470_000,
        ),
    ];
    let mut row = hr + 1;
    for (no, program, amount) in programs {
        ws.write_string_with_format(row, 0, no, &f.center)?;
        ws.write_string_with_format(row, 1, program, &f.text)?;
        ws.write_number_with_format(row, 2, amount as f64, &f.money)?;
        ws.write_string_with_format(row, 3, "APBD", &f.center)?;
        row += 1;
    }
    ws.write_blank(row, 0, &f.number)?;
    ws.write_string_with_format(row, 1, "Jumlah", &f.bold_text)?;
    ws.write_string_with_format(row, 2, "Rp. 6.796.834.585", &f.bold_text)?;
    ws.write_blank(row, 3, &f.number)?;
    ws.write_string(
        row + 1,
        0,
        "(Terbilang : Enam milyar tujuh ratus sembilan puluh enam juta delapan ratus tiga puluh empat ribu lima ratus delapan puluh lima rupiah).",
    )?;

    // Signature block: Bupati left, Kepala Dinas right.
    let row = row + 3;
    ws.write_string(row, 3, yr("Blambangan Umpu, Januari 2023"))?;
    write_lines(
        ws,
        row + 1,
        1,
        &[
            "Bupati Way Kanan",
            "",
            "",
            "",
            "ADIAN ADIATI SURYA, S.H., MM",
            "(Asisten Langsung)",
        ],
        &f.plain,
    )?;
    write_lines(
        ws,
        row + 1,
        3,
        &[
            "Kepala Dinas PMK",
            "",
            "",
            "",
            "IXUAN AHMADI, S.Sos",
            "Pembina Utama Muda",
            "NIP. 19751101 199503 1 001",
        ],
        &f.plain,
    )?;
    workbook.save(dir.join(yr("Perjanjian Kinerja 2023.xlsx")))
}

// ---------------------------------------------------------------------------
// 4. IKU 2021-2026 (Lampiran 1)
// ---------------------------------------------------------------------------

fn iku(dir: &Path, f: &Formats) -> Result<(), XlsxError> {
    let mut workbook = new_workbook()?;
    let ws = workbook.add_worksheet().set_name("Lampiran 1")?;
    widths(
        ws,
        &[
            5.0, 26.0, 18.0, 24.0, 20.0, 26.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0, 8.0,
        ],
    )?;
    for (i, title) in [
        "INDIKATOR KINERJA UTAMA",
        "DINAS PEMBERDAYAAN MASYARAKAT DAN KAMPUNG KABUPATEN WAY KANAN",
        &yr("TAHUN 2021-2026"),
    ]
    .iter()
    .enumerate()
    {
        ws.merge_range(i as u32, 0, i as u32, 12, title, &f.title)?;
    }
    write_lines(
        ws,
        4,
        0,
        &[
            "Misi 1 : Menyelenggarakan Pemerintahan yang Baik.",
            "Misi 3 : Meningkatkan Kualitas Sumberdaya Manusia.",
        ],
        &f.plain,
    )?;

    // Two-row header in rows 8-9.
    let (hr, _) = a1(8, 'A');
    let columns = [
        "NO",
        "TUJUAN SKPD",
        "INDIKATOR TUJUAN",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA",
        "PENJELASAN/ FORMULASI",
        "SATUAN",
    ];
    for (col, name) in columns.iter().enumerate() {
        ws.merge_range(hr, col as u16, hr + 1, col as u16, name, &f.header)?;
    }
    ws.merge_range(
        hr,
        7,
        hr,
        12,
        "TARGET KINERJA SASARAN PADA TAHUN KE-",
        &f.header,
    )?;
    numbering_row(
        ws,
        hr + 1,
        7,
        &[2021, 2022, 2023, 2024, 2025, 2026].map(|y| shifted(y) as u32),
        &f.header,
    )?;
    // The seed's numbering row skips 4.
    numbering_row(ws, hr + 2, 0, &[1, 2, 3, 5, 6, 7, 8, 9], &f.center)?;
    for col in 8..13 {
        ws.write_blank(hr + 2, col, &f.number)?;
    }

    let rows: [[&str; 13]; 7] = [
        [
            "1.",
            "Meningkatkan Akuntabilitas Instansi Pemerintah",
            "Nilai Evaluasi SAKIP",
            "",
            "",
            "Penilaian Inspektorat Kabupaten Way Kanan (APIP)",
            "Poin",
            "58,64",
            "59,64",
            "60,64",
            "61,64",
            "62,64",
            "63,64",
        ],
        [
            "",
            "",
            "",
            "Meningkatkan Kualitas SAKIP SKPD",
            "Nilai SAKIP Dinas PMK",
            "Penilaian Inspektorat Kabupaten Way Kanan (APIP)",
            "Poin",
            "64,16",
            "65,16",
            "66,16",
            "67,16",
            "68,16",
            "69,16",
        ],
        [
            "2.",
            "Meningkatnya Keberdayaan Masyarakat Kampung",
            "Indeks Desa Membangun",
            "",
            "",
            "Rilis Kemendesa",
            "Poin",
            "0,6558",
            "0,6583",
            "0,6608",
            "0,6633",
            "0,6658",
            "0,6683",
        ],
        [
            "",
            "",
            "",
            "Meningkatkan Kualitas Kampung",
            "Indeks Kategori Kampung",
            "Rilis Kemendesa",
            "Poin",
            "3,05",
            "3,13",
            "3,19",
            "3,25",
            "3,29",
            "3,29",
        ],
        [
            "",
            "",
            "",
            "Meningkatnya Ketahanan Ekonomi",
            "Nilai IKE",
            "Sesuai rumus IDM bagian IKE",
            "Poin",
            "0,5517",
            "0,5925",
            "0,6333",
            "0,6741",
            "0,7149",
            "0,7557",
        ],
        [
            "",
            "",
            "",
            "Meningkatnya Ketahanan Sosial",
            "Nilai IKS",
            "Sesuai rumus IDM bagian IKS",
            "Poin",
            "0,7718",
            "0,7957",
            "0,8196",
            "0,8435",
            "0,8638",
            "0,8841",
        ],
        [
            "",
            "",
            "",
            "Meningkatnya Ketahanan Lingkungan",
            "Nilai IKL",
            "Sesuai rumus IDM bagian IKL",
            "Poin",
            "0,6423",
            "0,6854",
            "0,7285",
            "0,7716",
            "0,8147",
            "0,8578",
        ],
    ];
    let mut row = hr + 3;
    for cells in rows {
        for (col, value) in cells.iter().enumerate() {
            let fmt = if col == 0 || col >= 6 {
                &f.center
            } else {
                &f.text
            };
            if value.is_empty() {
                ws.write_blank(row, col as u16, fmt)?;
            } else {
                ws.write_string_with_format(row, col as u16, *value, fmt)?;
            }
        }
        row += 1;
    }
    write_lines(
        ws,
        row + 2,
        9,
        &[
            "KEPALA DINAS",
            "PEMBERDAYAAN MASYARAKAT",
            "DAN KAMPUNG KABUPATEN WAY KANAN,",
            "",
            "",
            "",
            "IXUAN AHMADI, S.Sos., MM",
            "Pembina Utama Muda (IV/c)",
            "NIP. 19751101 199503 1 001",
        ],
        &f.plain,
    )?;
    workbook.save(dir.join(yr("IKU 2021-2026.xlsx")))
}

// ---------------------------------------------------------------------------
// 5. Capaian Kinerja 2023 (Tabel 3.2, Tabel 3.3)
// ---------------------------------------------------------------------------

/// Capaian (higher is better) rounded to two decimals.
fn capaian(realisasi: f64, target: f64) -> f64 {
    (realisasi / target * 100.0 * 100.0).round() / 100.0
}

/// Tabel 3.1 scale, with exactly 100 counted as Baik.
fn kategori(capaian: f64) -> &'static str {
    if capaian > 100.0 {
        "Baik Sekali"
    } else if capaian >= 75.0 {
        "Baik"
    } else if capaian >= 55.0 {
        "Cukup"
    } else {
        "Kurang"
    }
}

fn capaian_kinerja(dir: &Path, f: &Formats) -> Result<(), XlsxError> {
    let mut workbook = new_workbook()?;

    let ws = workbook.add_worksheet().set_name("Tabel 3.2")?;
    widths(
        ws,
        &[5.0, 34.0, 26.0, 8.0, 10.0, 11.0, 11.0, 13.0, 12.0, 14.0],
    )?;
    write_lines(
        ws,
        0,
        0,
        &[
            "Tabel 3.2",
            "Capaian Indikator Kinerja Utama Dinas PMK Kabupaten Way Kanan",
            &yr("Tahun 2023"),
        ],
        &f.plain.clone().set_bold(),
    )?;
    let (hr, _) = a1(5, 'A');
    header_row(
        ws,
        hr,
        0,
        &[
            "NO",
            "SASARAN",
            "INDIKATOR KINERJA UTAMA",
            "SATUAN",
            "TARGET",
            "REALISASI",
            "CAPAIAN (%)",
            "KATEGORI",
            &yr("REALISASI 2022"),
            &yr("TARGET AKHIR RENSTRA (2026)"),
        ],
        &f.header,
    )?;
    numbering_row(ws, hr + 1, 0, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], &f.center)?;
    // Targets from the seed; realisasi 2023 and 2022 are ILLUSTRATIVE (the seed has none).
    let indicators: [(&str, &str, f64, f64, f64, f64); 5] = [
        (
            "Meningkatkan Kualitas SAKIP SKPD",
            "Nilai SAKIP Dinas PMK.",
            66.16,
            67.02,
            65.16,
            69.16,
        ),
        (
            "Meningkatkan Kualitas Kampung",
            "Indeks Kategori Kampung",
            3.19,
            3.24,
            3.13,
            3.29,
        ),
        (
            "Meningkatnya Ketahanan Ekonomi",
            "Nilai IKE",
            0.6333,
            0.6512,
            0.5925,
            0.7557,
        ),
        (
            "Meningkatnya Ketahanan Sosial",
            "Nilai IKS",
            0.8196,
            0.8014,
            0.7957,
            0.8841,
        ),
        (
            "Meningkatnya Ketahanan Lingkungan",
            "Nilai IKL",
            0.7285,
            0.7391,
            0.6854,
            0.8578,
        ),
    ];
    let mut row = hr + 2;
    for (i, (sasaran, indikator, target, realisasi, realisasi_2022, target_2026)) in
        indicators.into_iter().enumerate()
    {
        let pct = capaian(realisasi, target);
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.center)?;
        ws.write_string_with_format(row, 1, sasaran, &f.text)?;
        ws.write_string_with_format(row, 2, indikator, &f.text)?;
        ws.write_string_with_format(row, 3, "Poin", &f.center)?;
        ws.write_number_with_format(row, 4, target, &f.number)?;
        ws.write_number_with_format(row, 5, realisasi, &f.number)?;
        ws.write_number_with_format(row, 6, pct, &f.two_dec)?;
        ws.write_string_with_format(row, 7, kategori(pct), &f.center)?;
        ws.write_number_with_format(row, 8, realisasi_2022, &f.number)?;
        ws.write_number_with_format(row, 9, target_2026, &f.number)?;
        row += 1;
    }
    ws.write_string(
        row + 1,
        0,
        yr("Catatan: realisasi 2023 dan 2022 pada tabel ini adalah nilai ilustrasi; laporan asli (LKjIP 2023) tidak memuat realisasi."),
    )?;

    let ws = workbook.add_worksheet().set_name("Tabel 3.3")?;
    widths(ws, &[30.0, 10.0])?;
    write_lines(
        ws,
        0,
        0,
        &[
            "Tabel 3.3",
            "Capaian Meningkatnya Peran dan Lembaga Organisasi Masyarakat Kampung",
            &yr("Tahun 2023"),
        ],
        &f.plain.clone().set_bold(),
    )?;
    let (hr, _) = a1(5, 'A');
    ws.write_string_with_format(hr, 0, "INDIKATOR", &f.header)?;
    ws.write_number_with_format(hr, 1, shifted(2023), &f.header)?;
    ws.write_string_with_format(hr + 1, 0, "% BPK yang baik", &f.text)?;
    ws.write_string_with_format(hr + 1, 1, "1.423", &f.center)?;
    for (i, (indikator, value)) in [
        ("% PKK yang baik", 221),
        ("% Posyandu yang aktif", 429),
        ("% BUMDes", 221),
    ]
    .into_iter()
    .enumerate()
    {
        let row = hr + 2 + i as u32;
        ws.write_string_with_format(row, 0, indikator, &f.text)?;
        ws.write_number_with_format(row, 1, value, &f.center)?;
    }
    workbook.save(dir.join(yr("Capaian Kinerja 2023.xlsx")))
}

// ---------------------------------------------------------------------------
// 6. Profil Dinas 2023 (Personil, Sarana, Pembiayaan)
// ---------------------------------------------------------------------------

/// A table row of text cells; a cell that is all digits is written as a number.
fn typed_row(ws: &mut Worksheet, row: u32, cells: &[&str], f: &Formats) -> Result<(), XlsxError> {
    for (col, value) in cells.iter().enumerate() {
        let col = col as u16;
        if value.is_empty() {
            ws.write_blank(row, col, &f.number)?;
        } else if all_digits(value) {
            ws.write_number_with_format(row, col, value.parse::<f64>().unwrap(), &f.center)?;
        } else {
            ws.write_string_with_format(row, col, *value, &f.text)?;
        }
    }
    Ok(())
}

fn profil(dir: &Path, f: &Formats) -> Result<(), XlsxError> {
    let mut workbook = new_workbook()?;

    let ws = workbook.add_worksheet().set_name("Personil")?;
    widths(ws, &[5.0, 30.0, 6.0, 26.0, 6.0, 12.0, 6.0, 8.0])?;
    ws.write_string_with_format(
        0,
        0,
        "Sumber Daya Manusia / Personil",
        &f.plain.clone().set_bold(),
    )?;
    let (hr, _) = a1(3, 'A');
    header_row(
        ws,
        hr,
        0,
        &[
            "NO",
            "JABATAN",
            "JML",
            "PANGKAT/GOL/RUANG",
            "JML",
            "PENDIDIKAN FORMAL",
            "JML",
            "KET",
        ],
        &f.header,
    )?;
    numbering_row(ws, hr + 1, 0, &[1, 2, 3, 4, 5, 6, 7, 8], &f.center)?;
    let staff: [[&str; 8]; 18] = [
        [
            "1",
            "Kepala Dinas",
            "1",
            "Pembina Utama Muda (IVc)",
            "1",
            "S2",
            "1",
            "",
        ],
        ["2", "Sekretaris", "1", "Pembina (IV/a)", "1", "S2", "1", ""],
        ["3", "Kabid", "3", "Pembina (IV/a)", "1", "S2", "2", ""],
        ["", "", "", "Penata Tk. I (III/d)", "2", "S1", "1", ""],
        ["4", "Kasubbag", "2", "Penata (III/c)", "2", "S1", "2", ""],
        [
            "5",
            "JF. Ahli Muda Penggerak Swadaya Masyarakat",
            "6",
            "Pembina (IV/a)",
            "1",
            "S2",
            "2",
            "",
        ],
        ["", "", "", "Penata Tk. I (III/d)", "3", "S1", "3", ""],
        ["", "", "", "Penata (III/c)", "1", "D3", "1", ""],
        ["", "", "", "Penata Muda Tk.1 (III/b)", "1", "", "", ""],
        ["6", "Staf", "5", "Penata (III/c)", "2", "S2", "1", ""],
        ["", "", "", "Penata Muda Tk. I (III/b)", "1", "S1", "3", ""],
        ["", "", "", "Penata Muda (III/a)", "1", "", "", ""],
        [
            "",
            "",
            "",
            "Pengatur Muda Tk. I (II/b)",
            "1",
            "SLTA",
            "1",
            "",
        ],
        ["7", "Honorar", "15", "-", "-", "S1", "5", ""],
        ["", "", "", "-", "-", "D3", "1", ""],
        ["", "", "", "-", "-", "SLTA", "5", ""],
        ["", "", "", "-", "-", "SMP", "4", ""],
        ["", "Jumlah Total", "33", "", "33", "", "33", ""],
    ];
    for (i, cells) in staff.iter().enumerate() {
        typed_row(ws, hr + 2 + i as u32, cells, f)?;
    }

    let ws = workbook.add_worksheet().set_name("Sarana")?;
    widths(ws, &[5.0, 28.0, 10.0, 14.0])?;
    ws.write_string_with_format(0, 0, "Sarana dan Prasarana", &f.plain.clone().set_bold())?;
    let (hr, _) = a1(3, 'A');
    header_row(
        ws,
        hr,
        0,
        &["NO", "JENIS BARANG", "JUMLAH", "KETERANGAN"],
        &f.header,
    )?;
    numbering_row(ws, hr + 1, 0, &[1, 2, 3, 4], &f.center)?;
    let sarana: [(&str, u32); 28] = [
        ("Randis Roda 4 (empat)", 3),
        ("Randis Roda 2 (dua)", 6),
        ("Mesin Tik Elektrik", 2),
        ("Calculator", 1),
        ("Filling Kabinet", 8),
        ("Almari Besi", 10),
        ("Brankas", 1),
        ("Whiteboard", 2),
        ("Almari Kayu", 3),
        ("Kursi Kerja ½ Biro", 14),
        ("Kursi Kerja 1 Biro", 6),
        ("Kursi Rapat", 130),
        ("Meja Kerja", 20),
        ("Kursi Tamu", 3),
        ("Meja Rapat", 6),
        ("Telepon", 1),
        ("Komputer", 2),
        ("Laptop", 13),
        ("Printer", 10),
        ("Proyektor / LCD", 2),
        ("AC", 11),
        ("Soundsystem", 1),
        ("Dispenser", 4),
        ("Kamera", 1),
        ("Kulkas", 2),
        ("TV", 1),
        ("Kaca Cermin", 2),
        ("Papan Pengumuman", 1),
    ];
    for (i, (barang, jumlah)) in sarana.into_iter().enumerate() {
        let row = hr + 2 + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.center)?;
        ws.write_string_with_format(row, 1, barang, &f.text)?;
        ws.write_number_with_format(row, 2, jumlah, &f.center)?;
        ws.write_blank(row, 3, &f.number)?;
    }

    let ws = workbook.add_worksheet().set_name("Pembiayaan")?;
    widths(ws, &[5.0, 30.0, 22.0, 14.0])?;
    ws.write_string_with_format(0, 0, "Tabel. I", &f.plain.clone().set_bold())?;
    let (hr, _) = a1(3, 'A');
    header_row(
        ws,
        hr,
        0,
        &["NO", "URAIAN", "JUMLAH", "KETERANGAN"],
        &f.header,
    )?;
    numbering_row(ws, hr + 1, 0, &[1, 2, 3, 4], &f.center)?;
    let pembiayaan = [
        ["I", "Belanja Daerah", "Rp. 6.796.834.585,-", ""],
        ["1.", "Belanja Tidak Langsung", "Rp. 2.015.561.700,-", ""],
        ["a.", "Belanja Pegawai", "Rp. 2.015.561.700,-", ""],
        ["2.", "Belanja Langsung", "Rp. 4.781.272.885,-", ""],
        ["a.", "Belanja Barang dan Jasa", "Rp. 4.754.111.885,-", ""],
        ["b.", "Belanja Modal", "Rp. 27.161.000,-", ""],
    ];
    let mut row = hr + 2;
    for cells in pembiayaan {
        typed_row(ws, row, &cells, f)?;
        row += 1;
    }
    ws.write_string(
        row + 1,
        0,
        yr("Tabel III : Data Keuangan Sumber Dana dari APBD Tahun 2023"),
    )?;
    workbook.save(dir.join(yr("Profil Dinas 2023.xlsx")))
}

// ---------------------------------------------------------------------------
// 7. RKT 2023
// ---------------------------------------------------------------------------

fn rkt(dir: &Path, f: &Formats) -> Result<(), XlsxError> {
    let mut workbook = new_workbook()?;
    let ws = workbook.add_worksheet().set_name("RKT")?;
    widths(
        ws,
        &[28.0, 32.0, 10.0, 12.0, 6.0, 44.0, 52.0, 11.0, 15.0, 6.0],
    )?;
    ws.merge_range(0, 0, 0, 9, "RENCANA KERJA TAHUNAN (RKT)", &f.title)?;
    ws.merge_range(1, 0, 1, 9, &yr("TAHUN ANGGARAN 2023"), &f.title)?;
    ws.write_string(
        2,
        0,
        "SKPD : Dinas Pemberdayaan Masyarakat dan Kampung Kabupaten Way Kanan",
    )?;

    // Two-row header in rows 5-6, numbering row 7.
    let (hr, _) = a1(5, 'A');
    ws.merge_range(hr, 0, hr, 3, "Sasaran", &f.header)?;
    ws.merge_range(hr, 4, hr + 1, 4, "Prog.", &f.header)?;
    ws.merge_range(hr, 5, hr, 8, "Kegiatan", &f.header)?;
    ws.merge_range(hr, 9, hr + 1, 9, "Ket.", &f.header)?;
    let sub = [
        "Uraian",
        "Indikator Kinerja",
        "Satuan",
        "Rencana Tingkat Capaian (Target)",
    ];
    header_row(ws, hr + 1, 0, &sub, &f.header)?;
    header_row(ws, hr + 1, 5, &sub, &f.header)?;
    numbering_row(ws, hr + 2, 0, &[2, 3, 4, 5, 6, 7, 8, 9, 10, 11], &f.center)?;

    let mut row = hr + 3;
    for cells in tsv_rows(RKT_TSV) {
        let (kind, cells) = cells.split_first().expect("kind column");
        assert_eq!(cells.len(), 10, "rkt_2023.tsv: bad line {cells:?}");
        let bold = matches!(*kind, "P" | "T");
        for (col, value) in cells.iter().enumerate() {
            let col16 = col as u16;
            let number = if col == 3 || col == 8 {
                comma_number(value)
            } else {
                None
            };
            if let Some(number) = number {
                // Money in I on program, Dana and total rows; plain targets elsewhere.
                let fmt = match (col, *kind) {
                    (8, "P" | "T") => &f.bold_money,
                    (8, "K") => &f.money,
                    _ => &f.center,
                };
                ws.write_number_with_format(row, col16, number, fmt)?;
            } else if value.is_empty() {
                ws.write_blank(row, col16, &f.number)?;
            } else {
                let fmt = if bold { &f.bold_text } else { &f.text };
                ws.write_string_with_format(row, col16, value.replace("\\n", "\n"), fmt)?;
            }
        }
        row += 1;
    }

    let row = row + 1;
    write_lines(
        ws,
        row,
        6,
        &[
            &yr("Blambangan Umpu, Januari 2023"),
            "KEPALA DINAS",
            "PEMBINA MASYARAKAT DAN KAMPUNG",
            "KABUPATEN WAY KANAN,",
            "",
            "",
            "",
            "IXUAN ALMADI, S.Sos., MM",
            "Pembina Utama Muda (IV/c)",
            "NIP. 19751101 199503 1 001",
        ],
        &f.plain,
    )?;
    workbook.save(dir.join(yr("RKT 2023.xlsx")))
}

// ---------------------------------------------------------------------------
// The second sample: the office's Indeks Desa 2024 and 2025 (ILLUSTRATIVE)
// ---------------------------------------------------------------------------

/// The most points of each Indeks Desa dimension (DLD DS DE DL DA DTKPD), as the
/// ministry's published tools give them; the total is their sum over 635 × 100.
const DIMENSION_MAXIMA: [u32; 6] = [170, 85, 160, 90, 50, 80];

/// The cut-offs of the shipped `[indeks_desa]` profile, lowest status first.
const INDEKS_DESA_BANDS: [(&str, &str); 4] = [
    ("SANGAT TERTINGGAL", "49.48"),
    ("TERTINGGAL", "57.38"),
    ("BERKEMBANG", "69.34"),
    ("MAJU", "79.62"),
];

fn indeks_desa_status(total: Decimal) -> &'static str {
    INDEKS_DESA_BANDS
        .iter()
        .find(|(_, max)| total <= max.parse::<Decimal>().expect("a cut-off"))
        .map_or("MANDIRI", |(label, _)| label)
}

/// One village's six dimension scores for `year`, derived from its seed IDM so
/// the statuses spread as the seed's do: each dimension at the IDM's share of its
/// maximum, moved by a fixed pattern per village and dimension, a little lower
/// the year before. Two decimals, as the ministry publishes them.
fn dimension_scores(idm: Decimal, village: usize, year: i32) -> [Decimal; 6] {
    let mut out = [Decimal::ZERO; 6];
    for (k, max) in DIMENSION_MAXIMA.iter().enumerate() {
        let wobble = Decimal::from((village * 7 + k * 13) % 11) - Decimal::from(5);
        let earlier = if year < 2025 {
            dec!(0.02)
        } else {
            Decimal::ZERO
        };
        let share = (idm + wobble / dec!(100) - earlier).clamp(Decimal::ZERO, Decimal::ONE);
        out[k] = (share * Decimal::from(*max)).round_dp(2);
    }
    out
}

/// The villages of the seed list, once each (its copied row left out, its
/// misspelled kecamatan spelled as elsewhere), with their seed IDM where it is a
/// number; codes built as the ministry's are (kabupaten 1808, kecamatan, village).
fn indeks_desa_villages() -> Vec<(String, String, String, Decimal)> {
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut kecamatan: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for cells in tsv_rows(IDM_TSV) {
        let [_, desa, kec, idm, _] = cells[..] else {
            panic!("idm_2023.tsv: bad line {cells:?}");
        };
        let kec = if kec == "UMPU SEMENGGUK" {
            "UMPU SEMENGIK"
        } else {
            kec
        };
        let key = (desa.to_string(), kec.to_string());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let idm: Decimal = idm.replace(',', ".").parse().expect("an IDM");
        let k = match kecamatan.iter().position(|x| x == kec) {
            Some(k) => k,
            None => {
                kecamatan.push(kec.to_string());
                kecamatan.len() - 1
            }
        };
        let in_kec = out
            .iter()
            .filter(|(_, k2, _, _): &&(String, String, String, Decimal)| k2 == kec)
            .count();
        let code = format!("1808{:03}{:03}", (k + 1) * 10, in_kec + 1);
        out.push((code, kec.to_string(), desa.to_string(), idm));
    }
    out
}

/// `Indeks Desa 2025.xlsx`: the village list in the ministry's layout (KODE DESA,
/// PROVINSI, KABUPATEN, KECAMATAN, DESA, then per year the six dimensions, NILAI
/// ID and STATUS ID), 2024 and 2025 side by side, and the summary per status.
fn indeks_desa(dir: &Path, f: &Formats) -> Result<(), XlsxError> {
    let mut workbook = new_workbook()?;
    let villages = indeks_desa_villages();
    let years = [2024, 2025];
    let ws = workbook.add_worksheet().set_name("Indeks Desa")?;
    ws.merge_range(0, 0, 0, 20, "STATUS DESA BERDASARKAN INDEKS DESA", &f.title)?;
    ws.merge_range(1, 0, 1, 20, "KABUPATEN WAY KANAN TAHUN 2024-2025", &f.title)?;
    let mut header: Vec<String> = ["KODE DESA", "PROVINSI", "KABUPATEN", "KECAMATAN", "DESA"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for y in years {
        for m in [
            "DLD",
            "DS",
            "DE",
            "DL",
            "DA",
            "DTKPD",
            "NILAI ID",
            "STATUS ID",
        ] {
            header.push(format!("{m} {y}"));
        }
    }
    let names: Vec<&str> = header.iter().map(String::as_str).collect();
    let hr = 3;
    header_row(ws, hr, 0, &names, &f.header)?;
    let mut counts = [[0u32; 5]; 2];
    let labels = [
        "MANDIRI",
        "MAJU",
        "BERKEMBANG",
        "TERTINGGAL",
        "SANGAT TERTINGGAL",
    ];
    for (i, (code, kec, desa, idm)) in villages.iter().enumerate() {
        let row = hr + 1 + i as u32;
        ws.write_string_with_format(row, 0, code, &f.text)?;
        ws.write_string_with_format(row, 1, "LAMPUNG", &f.text)?;
        ws.write_string_with_format(row, 2, "WAY KANAN", &f.text)?;
        ws.write_string_with_format(row, 3, kec, &f.text)?;
        ws.write_string_with_format(row, 4, desa, &f.text)?;
        for (yi, y) in years.iter().enumerate() {
            let scores = dimension_scores(*idm, i, *y);
            let c0 = 5 + 8 * yi as u16;
            for (k, s) in scores.iter().enumerate() {
                ws.write_number_with_format(row, c0 + k as u16, to_f64(*s), &f.two_dec)?;
            }
            let sum: Decimal = scores.iter().sum();
            let total = (sum * dec!(100) / dec!(635)).round_dp(2);
            ws.write_number_with_format(row, c0 + 6, to_f64(total), &f.two_dec)?;
            let status = indeks_desa_status(total);
            ws.write_string_with_format(row, c0 + 7, status, &f.text)?;
            let li = labels.iter().position(|l| *l == status).expect("a status");
            counts[yi][li] += 1;
        }
    }
    let last = hr + villages.len() as u32;
    ws.write_string(
        last + 2,
        0,
        "Catatan: data ilustrasi untuk contoh kinerja, bukan angka resmi Kemendesa PDTT; skor dimensi diturunkan dari IDM 2023 contoh pertama.",
    )?;

    let ws = workbook.add_worksheet().set_name("Rekap")?;
    widths(ws, &[24.0, 11.0, 11.0, 11.0, 11.0])?;
    ws.merge_range(0, 0, 0, 4, "REKAPITULASI STATUS INDEKS DESA", &f.title)?;
    ws.merge_range(1, 0, 1, 4, "KABUPATEN WAY KANAN TAHUN 2024/2025", &f.title)?;
    let hr = 3;
    ws.merge_range(hr, 0, hr + 1, 0, "STATUS ID", &f.header)?;
    for (yi, y) in years.iter().enumerate() {
        let c = 1 + 2 * yi as u16;
        ws.merge_range(hr, c, hr, c + 1, "", &f.header)?;
        ws.write_number_with_format(hr, c, *y, &f.header)?;
        header_row(ws, hr + 1, c, &["JUMLAH", "%"], &f.header)?;
    }
    let n = villages.len() as u32;
    for (li, label) in labels.iter().enumerate() {
        let row = hr + 2 + li as u32;
        ws.write_string_with_format(row, 0, *label, &f.text)?;
        for (yi, of_year) in counts.iter().enumerate() {
            let c = 1 + 2 * yi as u16;
            let count = of_year[li];
            ws.write_number_with_format(row, c, count, &f.center)?;
            let share = (Decimal::from(count) / Decimal::from(n)).round_dp(4);
            ws.write_number_with_format(row, c + 1, to_f64(share), &f.ratio_pct)?;
        }
    }
    let row = hr + 7;
    ws.write_string_with_format(row, 0, "JUMLAH", &f.bold_text)?;
    for yi in 0..2 {
        let c = 1 + 2 * yi as u16;
        ws.write_number_with_format(row, c, n, &f.center)?;
        ws.write_number_with_format(row, c + 1, 1.0, &f.ratio_pct)?;
    }
    ws.write_string(
        row + 2,
        0,
        "Catatan: data ilustrasi untuk contoh kinerja, bukan angka resmi Kemendesa PDTT.",
    )?;
    workbook.save(dir.join("Indeks Desa 2025.xlsx"))
}

fn to_f64(d: Decimal) -> f64 {
    d.to_string().parse().expect("a decimal")
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let indeks_desa_era = args
        .first()
        .is_some_and(|a| a.as_os_str() == "--indeks-desa");
    if indeks_desa_era {
        args.remove(0);
    }
    let dir: PathBuf = args
        .pop()
        .ok_or("usage: cargo run --example sample_input -- [--indeks-desa] OUTDIR")?;
    std::fs::create_dir_all(&dir)?;
    let f = Formats::new();
    if indeks_desa_era {
        // The second sample: the village index of the Indeks Desa era; the office's
        // other workbooks as the seed's.
        YEAR_SHIFT.store(2, Ordering::Relaxed);
        indeks_desa(&dir, &f)?;
    } else {
        data_idm(&dir, &f)?;
    }
    realisasi(&dir, &f)?;
    perjanjian_kinerja(&dir, &f)?;
    iku(&dir, &f)?;
    capaian_kinerja(&dir, &f)?;
    profil(&dir, &f)?;
    rkt(&dir, &f)?;
    println!("wrote 7 workbooks to {}", dir.display());
    Ok(())
}
