//! The structural checks on any table, known kind or not (STR001–STR005, TBL004, FML001,
//! ARI001, NUM002 and NUM005 on plain tables), through the binary, on tables built
//! from real published headers (their words, merges and layout as the offices
//! printed them; the bodies made to add up, then one slip planted per rule), and on
//! the real files of `tests/fixtures/real`.

use crate::util::{self, convert, loud, sheet, xlsx, Dir, SheetSpec, W, W::*};
use serde_json::Value;

/// A body cell as written in these tests: a plain number is a number cell, `""`
/// a blank, `=SUM(M6:M7) [123]` a live formula with its cached value, anything
/// else text (a leading `'` keeps a number as text: `'03`).
fn cell(s: &'static str) -> W {
    if s.is_empty() {
        return E;
    }
    if let Some((f, v)) = s
        .strip_prefix('=')
        .and_then(|f| f.strip_suffix(']'))
        .and_then(|f| f.rsplit_once(" ["))
    {
        return F(format!("={f}"), v.parse().unwrap());
    }
    if let Some(text) = s.strip_prefix('\'') {
        return T(text.to_string());
    }
    match s.parse::<f64>() {
        Ok(n) if !s.contains(',') => N(n),
        _ => T(s.to_string()),
    }
}

fn row(cells: &[&'static str]) -> Vec<W> {
    cells.iter().map(|&c| cell(c)).collect()
}

/// Writes the sheet's body rows from zero-based sheet row `first`, with `edits`
/// (body row, column, new text) applied.
fn body(
    mut s: SheetSpec,
    first: u32,
    rows: &[&[&'static str]],
    edits: &[(usize, usize, &'static str)],
) -> SheetSpec {
    for (i, r) in rows.iter().enumerate() {
        let mut cells: Vec<&'static str> = r.to_vec();
        for &(er, ec, v) in edits {
            if er == i {
                cells[ec] = v;
            }
        }
        s = s.at(first + i as u32, 0, row(&cells));
    }
    s
}

type Loud = Vec<(String, String, String)>;

/// The loud findings of `kinerja check` on one workbook, and the JSON.
fn check(name: &str, spec: SheetSpec) -> (Loud, Value) {
    let dir = Dir::new();
    xlsx(&dir.input(name), vec![spec]);
    let (json, _) = dir.check_json(&[]);
    (loud(&json), json)
}

/// The clean table's loud findings: none of these rules' (other rules may judge
/// the kind the table is read as).
fn clean(name: &str, spec: SheetSpec) -> (Loud, Value) {
    let (found, json) = check(name, spec);
    let mine: Loud = found
        .iter()
        .filter(|(code, _, _)| MINE.contains(&code.as_str()))
        .cloned()
        .collect();
    assert_eq!(mine, vec![], "a clean table is quiet");
    (found, json)
}

/// The loud findings a mutant adds to the clean table's.
fn planted(name: &str, base: &Loud, spec: SheetSpec) -> (Loud, Value) {
    let (found, json) = check(name, spec);
    let added = found.into_iter().filter(|f| !base.contains(f)).collect();
    (added, json)
}

fn at(sheet: &str, code: &str, cell: &str) -> (String, String, String) {
    (code.to_string(), sheet.to_string(), cell.to_string())
}

fn related(f: &Value) -> Vec<String> {
    f["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["cell"].as_str().unwrap().to_string())
        .collect()
}

/// The finding's code, cell, found and expected.
fn said(f: &Value) -> (String, String, String, Option<String>) {
    (
        f["code"].as_str().unwrap().to_string(),
        f["cell"].as_str().unwrap().to_string(),
        f["found"].as_str().unwrap().to_string(),
        f["expected"].as_str().map(str::to_string),
    )
}

fn expect(
    code: &str,
    cell: &str,
    found: &str,
    expected: Option<&str>,
) -> (String, String, String, Option<String>) {
    (
        code.to_string(),
        cell.to_string(),
        found.to_string(),
        expected.map(str::to_string),
    )
}

// ---------------------------------------------------------------------------
// A plain table with a JUMLAH row and percentage columns.
//
// Header of R28 of the real headers: Dinas Ketahanan Pangan (kabupaten not named),
// e-monev app, "Laporan Realisasi Kegiatan Pembangunan TA 2020, keadaan Januari–
// Maret, sumber dana APBN" (the RFK form; GitHub afilamediakarya/demonev,
// resources/views/Export/apbn.blade.php). Its units and figures are made up to add up:
// BOBOT = dana / total × 100, KEUANGAN = realisasi / dana × 100, the weighted
// percentages = BOBOT × the percentage / 100.

#[rustfmt::skip]
const RFK: &[&[&str]] = &[
    &["1", "Sekretariat", "APBN", "120000000", "30", "89990000", "80", "75", "Laporan keuangan tersusun", "Dokumen", "24", "22.5", "Budi Santoso", ""],
    &["2", "Bidang Ketersediaan dan Kerawanan Pangan", "APBN", "200000000", "50", "150000000", "70", "75", "Peta ketahanan pangan", "Dokumen", "35", "37.5", "Sari Lestari", ""],
    &["3", "Bidang Distribusi dan Cadangan Pangan", "APBN", "80000000", "20", "40000000", "60", "50", "Cadangan pangan tersedia", "Ton", "12", "10", "Andi Wijaya", ""],
    &["", "JUMLAH", "", "400000000", "100", "279990000", "", "70", "", "", "71", "70", "", ""],
];

fn rfk(edits: &[(usize, usize, &'static str)]) -> SheetSpec {
    let s = sheet("RFK")
        .at(0, 0, vec![S("LAPORAN REALISASI KEGIATAN PEMBANGUNAN")])
        .at(
            1,
            0,
            vec![S(
                "DINAS KETAHANAN PANGAN TAHUN ANGGGARAN 2020 KEADAAN BULAN JANUARI - MARET",
            )],
        )
        .at(
            3,
            0,
            vec![
                MergeDown("NO", 2),
                MergeDown("NAMA UNIT KERJA", 2),
                MergeDown("SUMBER DANA", 2),
                MergeDown("JUMLAH DANA / DPA (RP)", 2),
                MergeDown("BOBOT", 2),
                MergeDown("REALISASI KEUANGAN (RP)", 2),
                Merge("REALISASI (%)", 2),
                E,
                Merge("INDIKATOR KERJA KELUARAN (OUTPUT)", 2),
                E,
                Merge("PERSENTASE TERTIMBANG", 2),
                E,
                MergeDown("PPTK/PELAKASANA", 2),
                MergeDown("KET", 2),
            ],
        )
        .at(
            4,
            6,
            vec![
                S("FISIK"),
                S("KEUANGAN"),
                S("NARASI"),
                S("SATUAN"),
                S("FISIK (%)"),
                S("KEUANGAN (%)"),
            ],
        );
    body(s, 5, RFK, edits)
}

#[test]
fn a_plain_table_with_a_jumlah_row_and_percentages() {
    let (base, json) = clean("rfk.xlsx", rfk(&[]));
    assert!(util::tables(&json)
        .iter()
        .any(|t| t.0 == "tabel" && t.2 == "RFK" && t.3 == "A4:N9"));

    // STR002: the JUMLAH of REALISASI KEUANGAN typed 10.000.000 too high; its
    // KEUANGAN % (70, right) follows it.
    let (found, json) = planted("rfk.xlsx", &base, rfk(&[(3, 5, "289990000")]));
    assert_eq!(found, vec![at("RFK", "STR002", "F9")]);
    let f = util::finding(&json, "STR002", "F9");
    assert_eq!(
        said(f),
        expect("STR002", "F9", "289990000", Some("279990000"))
    );
    assert_eq!(related(f), ["F6", "F7", "F8", "H9"]);

    // STR004: a KEUANGAN % that is not realisasi / dana.
    let (found, json) = planted("rfk.xlsx", &base, rfk(&[(1, 7, "57.5")]));
    assert_eq!(found, vec![at("RFK", "STR004", "H7")]);
    let f = util::finding(&json, "STR004", "H7");
    assert_eq!(said(f), expect("STR004", "H7", "57.5", Some("75")));
    assert_eq!(f["severity"], "error");
    assert_eq!(related(f), ["F7", "D7"]);

    // STR004: 89.990.000 / 120.000.000 = 74,99 %, cut to 74 instead of rounded.
    let (found, json) = planted("rfk.xlsx", &base, rfk(&[(0, 7, "74")]));
    assert_eq!(found, vec![at("RFK", "STR004", "H6")]);
    let f = util::finding(&json, "STR004", "H6");
    assert_eq!(said(f), expect("STR004", "H6", "74", Some("75")));
    assert_eq!(f["severity"], "warning");
    assert!(f["message"].as_str().unwrap().contains("dipotong"), "{f}");

    // NUM002: an error value in the plain table's figure column.
    let (found, json) = planted("rfk.xlsx", &base, rfk(&[(2, 7, "#DIV/0!")]));
    assert_eq!(found, vec![at("RFK", "NUM002", "H8")]);
    assert_eq!(
        said(util::finding(&json, "NUM002", "H8")),
        expect("NUM002", "H8", "#DIV/0!", None)
    );
}

// ---------------------------------------------------------------------------
// A tree by codes over five columns, with a three-row header.
//
// Header of R14 of the real headers: BKPSDM Kabupaten Sumedang (Jawa Barat),
// 'SiCerdas' app, "Renstra 2021–2023: Rencana Program, Kegiatan dan Pendanaan"
// (GitHub andreperiozaherpa/indigo, application/views/admin/sicerdas/renstra/
// laporan/24.php). Its rows are the published ones with the codes of the second
// program restored (`5 | 03 | 02`, the office shifted them one column) and each
// parent made the sum of the rows shown (the publication shows 2 of 8 kegiatan).

#[rustfmt::skip]
const RENSTRA: &[&[&str]] = &[
    &["", "", "", "'5", "'03", "", "", "", "KEPEGAWAIAN", "", "", "", "11710548142", "", "23357969432", "", "22045625049", "", "57114142623", "", ""],
    &["", "", "", "'5", "'03", "'01", "", "", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "Persentase kesesuaian dokumen perencanaan, penganggaran dan evaluasi kinerja PD", "100%", "100%", "6629313142", "100 %", "6743483832", "100 %", "7081148049", "100%", "20453945023", "BKPSDM", ""],
    &["", "", "", "'5", "'03", "'01", "'2.01", "", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "Jumlah Dokumen Perencanaan, Penganggaran dan Laporan Evaluasi Kinerja SKPD", "100%", "24 Dokumen", "60535000", "26 dokumen", "80500000", "26 dokumen", "61000000", "100%", "202035000", "BKPSDM", ""],
    &["", "", "", "'5", "'03", "'01", "'2.02", "", "Administrasi Keuangan Perangkat Daerah", "Jumlah Dokumen Laporan Keuangan SKPD", "100%", "30 Dokumen", "6568778142", "30 Dokumen", "6662983832", "30 Dokumen", "7020148049", "100%", "20251910023", "BKPSDM", ""],
    &["", "", "", "'5", "'03", "'02", "", "", "PROGRAM KEPEGAWAIAN DAERAH", "Persentase pengadaan ASN sesuai dengan formasi jabatan", "", "", "5081235000", "%", "16614485600", "", "14964477000", "", "36660197600", "BKPSDM", ""],
    &["", "", "", "'5", "'03", "'02", "'2.03", "", "Pengembangan Kompetensi ASN", "Jumlah Pengembangan Kompetensi ASN", "", "672 orang", "5081235000", "5 laporan", "16614485600", "5 laporan", "14964477000", "", "36660197600", "BKPSDM", ""],
    &["", "", "", "", "", "", "", "", "JUMLAH", "", "", "", "11710548142", "", "23357969432", "", "22045625049", "", "57114142623", "", ""],
];

fn renstra(edits: &[(usize, usize, &'static str)]) -> SheetSpec {
    let s = sheet("Renstra")
        .at(
            0,
            0,
            vec![
                MergeDown("Tujuan", 3),
                MergeDown("Sasaran", 3),
                MergeDown("Indikator Sasaran", 3),
                Block("Kode", 3, 5),
                E,
                E,
                E,
                E,
                MergeDown("Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan", 3),
                MergeDown("Indikator Program/Kegiatan/Sub Kegiatan", 3),
                MergeDown("Data Capaian pada Tahun Awal Perencanaan", 3),
                Merge("Capaian Kinerja dan Kerangka Pendanaan", 6),
                E,
                E,
                E,
                E,
                E,
                Block(
                    "Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah",
                    2,
                    2,
                ),
                E,
                MergeDown("Unit Kerja Perangkat Daerah Penanggungjawab", 3),
                MergeDown("Lokasi", 3),
            ],
        )
        .at(
            1,
            11,
            vec![Merge("2021", 2), E, Merge("2022", 2), E, Merge("2023", 2)],
        )
        .at(
            2,
            11,
            vec![
                S("Target"),
                S("Rp"),
                S("Target"),
                S("Rp"),
                S("Target"),
                S("Rp"),
                S("Target"),
                S("Rp"),
            ],
        );
    body(s, 3, RENSTRA, edits)
}

#[test]
fn a_tree_by_codes() {
    let (base, json) = clean("renstra.xlsx", renstra(&[]));
    // (Read as a table of PK targets for its `Indikator Sasaran` and `Target`
    // columns: its money columns are no column of that kind's.)
    assert!(util::tables(&json)
        .iter()
        .any(|t| t.2 == "Renstra" && t.3 == "A1:U10"));

    // STR001: the program's 2022 Rp with two digits swapped; the bidang above
    // agrees with its programs as they should be.
    let (found, json) = planted("renstra.xlsx", &base, renstra(&[(1, 14, "6743843832")]));
    assert_eq!(found, vec![at("Renstra", "STR001", "O5")]);
    let f = util::finding(&json, "STR001", "O5");
    assert_eq!(
        said(f),
        expect("STR001", "O5", "6743843832", Some("6743483832"))
    );
    assert_eq!(related(f), ["O6", "O7"]);

    // STR003: the program's Kondisi akhir Rp left empty (as the office did).
    let (found, json) = planted("renstra.xlsx", &base, renstra(&[(1, 18, "")]));
    assert_eq!(found, vec![at("Renstra", "STR003", "S5")]);
    let f = util::finding(&json, "STR003", "S5");
    assert_eq!(said(f), expect("STR003", "S5", "", Some("20453945023")));
    assert_eq!(related(f), ["S6", "S7"]);

    // STR002: a JUMLAH whose SUBTOTAL adds the bidang, its programs and their
    // kegiatan together: three levels, three times the bidang.
    let (found, json) = planted(
        "renstra.xlsx",
        &base,
        renstra(&[(6, 12, "=SUBTOTAL(9,M4:M9) [35131644426]")]),
    );
    assert_eq!(found, vec![at("Renstra", "STR002", "M10")]);
    let f = util::finding(&json, "STR002", "M10");
    assert_eq!(
        said(f),
        expect(
            "STR002",
            "M10",
            "=SUBTOTAL(9,M4:M9) (35131644426)",
            Some("11710548142")
        )
    );
    let message = f["message"].as_str().unwrap();
    assert!(
        message.contains("3 tingkat hierarki sekaligus (tingkat 1 («KEPEGAWAIAN»), Program, tingkat 3 («Perencanaan, Penganggaran…»))"),
        "{message}"
    );
}

#[test]
fn a_tree_by_codes_written_with_formulas() {
    // The parents as the office's formulas: the bidang adds its programs, each
    // program its kegiatan.
    let formulas: &[(usize, usize, &'static str)] = &[
        (0, 12, "=M5+M8 [11710548142]"),
        (1, 12, "=SUM(M6:M7) [6629313142]"),
        (4, 12, "=M9 [5081235000]"),
        (6, 12, "=M4 [11710548142]"),
    ];
    let (base, _) = clean("renstra.xlsx", renstra(formulas));

    // FML001: the first program's sum reaches into the second program's row; the
    // bidang and the JUMLAH follow it.
    let mut edits = formulas.to_vec();
    edits[0] = (0, 12, "=M5+M8 [16791783142]");
    edits[1] = (1, 12, "=SUM(M6:M8) [11710548142]");
    edits[3] = (6, 12, "=M4 [16791783142]");
    let (found, json) = planted("renstra.xlsx", &base, renstra(&edits));
    assert_eq!(found, vec![at("Renstra", "FML001", "M5")]);
    let f = util::finding(&json, "FML001", "M5");
    assert_eq!(
        said(f),
        expect(
            "FML001",
            "M5",
            "=SUM(M6:M8) (11710548142)",
            Some("6629313142")
        )
    );
    assert_eq!(related(f), ["M6", "M7", "M4", "M10"]);
}

// ---------------------------------------------------------------------------
// A tree by outline numbers (I, 1., a.) under a two-row header and a numbering row.
//
// Header of R38 of the real headers: Pemerintah Kota Tangerang Selatan (Banten),
// revenue realisation app, "Laporan Realisasi Anggaran Pendapatan dan Belanja Pemda
// per Rekening Jenis" (GitHub ismarianto12/realisasi_daerah, resources/views/
// laporan_pendapatan/rincian_object.blade.php). The rows are made up to add up.

#[rustfmt::skip]
const LRA: &[&[&str]] = &[
    &["I", "PENDAPATAN DAERAH", "1200000000", "700000000", "350000000", "1050000000", "-150000000", "87.5"],
    &["1.", "Pendapatan Asli Daerah", "400000000", "200000000", "150000000", "350000000", "-50000000", "87.5"],
    &["a.", "Pajak Daerah", "300000000", "150000000", "120000000", "270000000", "-30000000", "90"],
    &["b.", "Retribusi Daerah", "100000000", "50000000", "30000000", "80000000", "-20000000", "80"],
    &["2.", "Pendapatan Transfer", "800000000", "500000000", "200000000", "700000000", "-100000000", "87.5"],
    &["a.", "Transfer Pemerintah Pusat", "600000000", "400000000", "150000000", "550000000", "-50000000", "91.67"],
    &["b.", "Transfer Antar Daerah", "200000000", "100000000", "50000000", "150000000", "-50000000", "75"],
];

fn lra(edits: &[(usize, usize, &'static str)]) -> SheetSpec {
    let s = sheet("LRA")
        .at(0, 0, vec![S("PEMERINTAH KOTA TANGERANG SELATAN")])
        .at(
            1,
            0,
            vec![S(
                "LAPORAN REALISASI ANGGARAN PENDAPATAN DAN BELANJA PEMDA PER REKENING JENIS",
            )],
        )
        .at(
            3,
            0,
            vec![
                MergeDown("No", 2),
                MergeDown("Uraian", 2),
                MergeDown("Pagu Anggaran", 2),
                Merge("Jumlah Realisasi (Rp.)", 3),
                E,
                E,
                Merge("Lebih Kurang", 2),
            ],
        )
        .at(
            4,
            3,
            vec![
                S("S/D Periode Lalu"),
                S("Periode Ini"),
                S("Total"),
                S("(Rp.)"),
                S("%"),
            ],
        )
        .at(5, 0, row(&["1", "2", "3", "4", "5", "6", "7", "8"]));
    body(s, 6, LRA, edits)
}

#[test]
fn a_tree_by_outline_numbers() {
    // Read as the budget realisation it is, its outline (I / 1. / a.) nesting
    // deeper than program and kegiatan: its sums and percentages are judged by
    // its structure.
    let (base, json) = clean("lra.xlsx", lra(&[]));
    assert!(util::tables(&json)
        .iter()
        .any(|t| t.0 == "anggaran" && t.2 == "LRA" && t.3 == "A4:H13"));

    // STR001: "1." typed 50.000.000 over its a. and b.; its % (right) follows it.
    let (found, json) = planted("lra.xlsx", &base, lra(&[(1, 2, "450000000")]));
    assert_eq!(found, vec![at("LRA", "STR001", "C8")]);
    let f = util::finding(&json, "STR001", "C8");
    assert_eq!(
        said(f),
        expect("STR001", "C8", "450000000", Some("400000000"))
    );
    assert_eq!(related(f), ["C9", "C10", "H8"]);

    // STR004, an error and a value cut instead of rounded.
    let (found, json) = planted("lra.xlsx", &base, lra(&[(3, 7, "85"), (5, 7, "91.6")]));
    assert_eq!(
        found,
        vec![at("LRA", "STR004", "H10"), at("LRA", "STR004", "H12")]
    );
    assert_eq!(
        said(util::finding(&json, "STR004", "H10")),
        expect("STR004", "H10", "85", Some("80"))
    );
    let cut = util::finding(&json, "STR004", "H12");
    assert_eq!(said(cut), expect("STR004", "H12", "91.6", Some("91.7")));
    assert_eq!(cut["severity"], "warning");

    // STR005: a retribusi's target typed in thousands of rupiah: 80.000.000 on a
    // pagu of 5.000.000 is 1.600 %, its % follows, the sums are kept whole.
    let (found, json) = planted(
        "lra.xlsx",
        &base,
        lra(&[
            (0, 2, "1105000000"),
            (0, 6, "-55000000"),
            (0, 7, "95.02"),
            (1, 2, "305000000"),
            (1, 6, "45000000"),
            (1, 7, "114.75"),
            (3, 2, "5000000"),
            (3, 6, "75000000"),
            (3, 7, "1600"),
        ]),
    );
    assert_eq!(found, vec![at("LRA", "STR005", "H10")]);
    let f = util::finding(&json, "STR005", "H10");
    assert_eq!(said(f), expect("STR005", "H10", "1600", None));
    assert_eq!(f["severity"], "warning");
    assert_eq!(related(f), ["F10", "C10"]);

    // NUM005: a pagu written with commas in both roles; read as it means, the sums hold.
    let (found, json) = planted("lra.xlsx", &base, lra(&[(2, 2, "300,000,000,00")]));
    assert_eq!(found, vec![at("LRA", "NUM005", "C9")]);
    assert_eq!(
        said(util::finding(&json, "NUM005", "C9")),
        expect("NUM005", "C9", "300,000,000,00", Some("300000000"))
    );
}

/// The same slips in the workbook formats offices save: xls and ods, through
/// LibreOffice.
#[test]
fn the_plain_tables_in_xls_and_ods() {
    let dir = Dir::new();
    let src = tempfile::tempdir().unwrap();
    xlsx(
        &src.path().join("renstra.xlsx"),
        vec![renstra(&[(1, 14, "6743843832")])],
    );
    xlsx(
        &src.path().join("rfk.xlsx"),
        vec![rfk(&[(3, 5, "289990000"), (1, 7, "57.5")])],
    );
    for (name, to) in [("renstra", "xls"), ("rfk", "ods")] {
        let out = convert(&src.path().join(format!("{name}.xlsx")), to, src.path());
        std::fs::copy(&out, dir.input(&format!("{name}.{to}"))).unwrap();
    }
    let (json, _) = dir.check_json(&[]);
    let mine: Loud = loud(&json)
        .into_iter()
        .filter(|(code, _, _)| MINE.contains(&code.as_str()))
        .collect();
    assert_eq!(
        mine,
        vec![
            at("RFK", "STR004", "H7"),
            at("RFK", "STR002", "F9"),
            at("Renstra", "STR001", "O5"),
        ]
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
    );
    assert_eq!(
        util::finding(&json, "STR001", "O5")["expected"],
        "6743483832"
    );
    assert_eq!(
        util::finding(&json, "STR002", "F9")["expected"],
        "279990000"
    );
}

// ---------------------------------------------------------------------------
// The real files.

/// The codes of the rules this family adds or extends to any table.
const MINE: &[&str] = &[
    "STR001", "STR002", "STR003", "STR004", "STR005", "TBL004", "FML001", "ARI001", "NUM002",
    "NUM005",
];

fn real(folder: &str) -> Value {
    let dir = Dir::new();
    let from = util::repo().join("tests/fixtures/real").join(folder);
    for e in std::fs::read_dir(from).unwrap().flatten() {
        std::fs::copy(e.path(), dir.input(&e.file_name().to_string_lossy())).unwrap();
    }
    dir.check_json(&[]).0
}

/// The Evaluasi Renja of Bappedalitbang Deli Serdang, as the office saved it: its
/// real mistakes at their root cells, and nothing else loud — neither the cached
/// floats of its K columns (`174.857142857143`) nor its parents' column 13 adding
/// their children's column 13.
#[test]
fn the_real_renja_forms_mistakes_at_their_roots() {
    let json = real("renja-deli-serdang");
    let sheet = "Realisasi TW IV";
    let found = loud(&json);
    let expected: Vec<(String, String, String)> = [
        // The urusan's quarters add the rows of two other bidang.
        ("FML001", "R12"),
        ("FML001", "U12"),
        ("FML001", "X12"),
        ("FML001", "AA12"),
        // Column 14 Rp names column 15's K instead of column 13's Rp.
        ("FML001", "AE64"),
        // The kegiatan's Renstra target leaves out its last two sub kegiatan.
        ("FML001", "K84"),
        // Column 13 K typed 0 beside quarters that add up to 35.
        ("ARI001", "AB51"),
        // A target of zero divides.
        ("NUM002", "AF82"),
        ("NUM002", "AG82"),
    ]
    .iter()
    .map(|(c, cell)| at(sheet, c, cell))
    .collect::<std::collections::BTreeSet<_>>()
    .into_iter()
    .collect();
    assert_eq!(found, expected);
    let f = util::finding(&json, "FML001", "R12");
    assert_eq!(
        said(f),
        expect(
            "FML001",
            "R12",
            "=SUM(R13+R55+R70+R91+R96) (1971343265)",
            Some("=R13+R55+R70 (1938579751)")
        )
    );
    let f = util::finding(&json, "FML001", "AE64");
    assert_eq!(f["expected"], "=M64+AC64 (177868883)");
    let f = util::finding(&json, "ARI001", "AB51");
    assert_eq!(f["expected"], "=P51+S51+V51+Y51 (35)");
}

/// The clean SIPD exports and the Serang IDM workbook: nothing loud from these
/// rules (the Serang file's 6-digit kecamatan codes are another rule's).
#[test]
fn the_real_clean_files_raise_nothing_from_these_rules() {
    for folder in ["sipd-lampung-selatan", "idm-serang"] {
        let json = real(folder);
        let mine: Vec<_> = loud(&json)
            .into_iter()
            .filter(|(code, _, _)| MINE.contains(&code.as_str()))
            .collect();
        assert_eq!(mine, vec![], "{folder}");
        let notes: Vec<&Value> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"].as_str().is_some_and(|c| c.starts_with("STR")))
            .collect();
        assert!(notes.is_empty(), "{folder}: {notes:?}");
    }
}
