//! Issue 23, item 4 and its bad input: tables judged by the data's own year,
//! polarity, targets and codes, and odd tables told rather than skipped; on
//! workbooks built from real published headers, in xlsx, xls and ods.

use crate::util::{self, finding, sheet, xlsx, Dir, W::*};
use std::path::Path;

fn t(code: &str, sheet: &str, cell: &str) -> (String, String, String) {
    (code.into(), sheet.into(), cell.into())
}

/// A Dinas Kesehatan's achievement table of 2022 kept in a 2023 report (the
/// config says 2023), in the words of Dumai's and Sampang's published Tabel 3.1
/// (`Sasaran Strategis | Indikator Kinerja | Satuan | Target | Realisasi |
/// Capaian (%)`), with lower-is-better indicators of a Renstra Dinkes (BBLR,
/// underweight), a grade target (Pringsewu's `BB`) and a range target; numbered
/// again under each sasaran. Beside it the IKU of 2021–2026.
fn health_office(dir: &Dir) {
    let capaian = sheet("Tabel 3.1")
        .at(0, 0, vec![S("TABEL 3.1 PENGUKURAN KINERJA")])
        .at(1, 0, vec![S("DINAS KESEHATAN TAHUN 2022")])
        .at(
            3,
            0,
            vec![
                S("No"),
                S("Sasaran Strategis"),
                S("Indikator Kinerja"),
                S("Satuan"),
                S("Target"),
                S("Realisasi"),
                S("Capaian (%)"),
            ],
        )
        .at(
            4,
            0,
            vec![
                N(1.0),
                S("Meningkatnya derajat kesehatan masyarakat"),
                S("Persentase BBLR (%)"),
                S("%"),
                N(10.0),
                N(8.0),
                // Lower is better: (10 − (8 − 10)) / 10 = 120.
                N(120.0),
            ],
        )
        .at(
            5,
            0,
            vec![
                N(2.0),
                E,
                S("Prevalensi kekurangan gizi (underweight) pada anak balita (%)"),
                S("%"),
                N(17.2),
                N(16.0),
                // Computed as higher is better, 16 / 17,2: it is 106,98.
                N(93.02),
            ],
        )
        .at(
            6,
            0,
            vec![
                N(1.0),
                S("Meningkatnya akuntabilitas kinerja"),
                S("Nilai SAKIP"),
                S("predikat"),
                S("70 (BB)"),
                N(72.0),
                N(102.86),
            ],
        )
        .at(
            7,
            0,
            vec![
                N(2.0),
                E,
                S("Persentase pengaduan yang diselesaikan"),
                S("%"),
                S("80 - 90"),
                N(92.0),
                // Above the range: 92 / 90.
                N(102.22),
            ],
        );
    let iku = sheet("IKU")
        .at(0, 0, vec![S("INDIKATOR KINERJA UTAMA 2021-2026")])
        .at(1, 0, vec![S("INDIKATOR KINERJA"), S("2022"), S("2023")])
        .at(2, 0, vec![S("Persentase BBLR (%)"), N(10.0), N(9.0)])
        .at(
            3,
            0,
            vec![
                S("Prevalensi kekurangan gizi (underweight) pada anak balita (%)"),
                N(17.2),
                N(17.0),
            ],
        )
        .at(4, 0, vec![S("Nilai SAKIP"), S("BB"), S("A")])
        .at(
            5,
            0,
            vec![
                S("Persentase pengaduan yang diselesaikan"),
                S("80 - 90"),
                S("85 - 95"),
            ],
        );
    xlsx(&dir.input("Dinkes.xlsx"), vec![capaian, iku]);
}

fn health_office_findings(dir: &Dir) {
    let (json, code) = dir.check_json(&["--lang", "en"]);
    // Only the capaian computed the wrong way round; the 2022 targets are the
    // IKU's of 2022, the grade, the unit and the range are targets like others,
    // the numbering starts again under each sasaran.
    assert_eq!(util::loud(&json), vec![t("PCT020", "Tabel 3.1", "G6")]);
    assert_eq!(code, 1);
    let f = finding(&json, "PCT020", "G6");
    assert_eq!(f["expected"], "106.98");
    assert!(
        f["message"].as_str().unwrap().contains(
            "computed the other way round; its name speaks of \"prevalensi\" (lower is better)"
        ),
        "{f}"
    );
    let year = finding(&json, "TBL002", "A2");
    assert_eq!(year["found"], "2022");
    assert_eq!(year["severity"], "info");
}

#[test]
fn a_table_of_last_year_with_lower_is_better_indicators_grades_and_ranges() {
    let dir = Dir::new();
    health_office(&dir);
    health_office_findings(&dir);
}

/// The same workbook as xls and as ods, as offices save them.
#[test]
fn the_same_in_xls_and_ods() {
    for to in ["xls", "ods"] {
        let built = Dir::new();
        health_office(&built);
        let dir = Dir::new();
        let out = util::convert(&built.input("Dinkes.xlsx"), to, &dir.path().join("input"));
        assert!(out.is_file());
        health_office_findings(&dir);
    }
}

/// Every odd table of issue 23's list in one workbook: each told with its file,
/// sheet and cell, nothing skipped, nothing guessed.
fn odd_tables(path: &Path) {
    // A header left without rows (a template: Polewali Mandar's e-SAKIP tables
    // publish their headers with no rows).
    let empty = sheet("Kosong")
        .at(0, 0, vec![S("TABEL 3.2 CAPAIAN KINERJA TAHUN 2023")])
        .at(
            2,
            0,
            vec![
                S("NO"),
                S("INDIKATOR KINERJA"),
                S("TARGET"),
                S("REALISASI"),
                S("CAPAIAN (%)"),
            ],
        );
    // A budget table and an achievement table with no column between them.
    let side = sheet("Dua")
        .at(
            0,
            0,
            vec![
                S("PROGRAM/KEGIATAN"),
                S("PAGU ANGGARAN (Rp)"),
                S("REALISASI (Rp)"),
                S("%"),
                S("INDIKATOR KINERJA"),
                S("TARGET"),
                S("REALISASI"),
                S("CAPAIAN (%)"),
            ],
        )
        .at(
            1,
            0,
            vec![
                S("Penyusunan Dokumen Perencanaan"),
                N(1_000_000.0),
                N(900_000.0),
                N(90.0),
                S("Nilai SAKIP"),
                N(66.16),
                N(67.02),
                N(98.5),
            ],
        );
    // A pagu column typed in words.
    let words = sheet("Teks")
        .at(
            0,
            0,
            vec![
                S("PROGRAM/KEGIATAN"),
                S("PAGU ANGGARAN (Rp)"),
                S("REALISASI (Rp)"),
                S("%"),
            ],
        )
        .at(
            1,
            0,
            vec![S("Kegiatan A"), S("satu juta"), N(900.0), N(90.0)],
        )
        .at(
            2,
            0,
            vec![S("Kegiatan B"), S("dua juta"), N(800.0), N(80.0)],
        )
        .at(3, 0, vec![S("Kegiatan C"), N(1000.0), N(800.0), N(80.0)]);
    // A kegiatan of one program typed among another's (SIPD's codes).
    let moved = sheet("Kode")
        .at(
            0,
            0,
            vec![
                S("KODE"),
                S("URAIAN"),
                S("ANGGARAN (Rp)"),
                S("REALISASI (Rp)"),
            ],
        )
        .at(
            1,
            0,
            vec![S("2.16.01"), S("PROGRAM PENUNJANG"), N(300.0), N(250.0)],
        )
        .at(
            2,
            0,
            vec![S("2.16.01.2.01"), S("Perencanaan"), N(100.0), N(90.0)],
        )
        .at(
            3,
            0,
            vec![
                S("2.16.02.2.01"),
                S("Pengelolaan informasi"),
                N(200.0),
                N(150.0),
            ],
        )
        .at(
            4,
            0,
            vec![S("2.16.01.2.02"), S("Keuangan"), N(200.0), N(160.0)],
        )
        .at(
            5,
            0,
            vec![S("2.16.02"), S("PROGRAM INFORMASI"), N(200.0), N(150.0)],
        );
    // A table under one merged range (a program's export merged afterwards).
    let merged = sheet("Gabung")
        .at(0, 0, vec![Block("PROGRAM/KEGIATAN", 3, 4)])
        .at(
            0,
            1,
            vec![S("PAGU ANGGARAN (Rp)"), S("REALISASI (Rp)"), S("%")],
        )
        .at(1, 0, vec![S("Kegiatan A"), N(1000.0), N(900.0), N(90.0)])
        .at(2, 0, vec![S("Kegiatan B"), N(1000.0), N(800.0), N(80.0)]);
    xlsx(path, vec![empty, side, words, moved, merged]);
}

#[test]
fn odd_tables_are_told_with_their_file_sheet_and_cell() {
    let dir = Dir::new();
    odd_tables(&dir.input("Ganjil.xlsx"));
    let (json, code) = dir.check_json(&["--lang", "en"]);
    let tables = util::tables(&json);
    let listed: Vec<(&str, &str, &str, u64)> = tables
        .iter()
        .map(|(k, _, s, r, n)| (k.as_str(), s.as_str(), r.as_str(), *n))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("capaian", "Kosong", "A3:E3", 0),
            ("anggaran", "Dua", "A1:D2", 1),
            ("capaian", "Dua", "E1:H2", 1),
            ("anggaran", "Teks", "A1:D4", 3),
            ("anggaran", "Kode", "A1:D6", 5),
            ("anggaran", "Gabung", "A1:D3", 2),
        ]
    );
    assert_eq!(
        util::loud(&json),
        vec![
            // The achievement table beside the budget one is checked like any.
            t("PCT020", "Dua", "H2"),
            t("TBL003", "Kode", "A4"),
            t("TBL004", "Teks", "B1"),
            t("TBL005", "Gabung", "A1"),
        ]
    );
    let info = |code: &str, cell: &str| finding(&json, code, cell)["file"].clone();
    assert_eq!(info("TBL006", "A3"), "Ganjil.xlsx");
    assert_eq!(info("TBL007", "E1"), "Ganjil.xlsx");
    // The moved kegiatan adds up to its own program: no false sum.
    assert!(!util::findings(&json).iter().any(|f| f.0.starts_with("SUM")));
    assert_eq!(code, 1);
}

/// A flat quarterly realisation (`Pagu | Realisasi TW I … TW IV | Jumlah Realisasi
/// | %`), with or without its `%`: the realisasi is the column the rows'
/// percentages follow, or the one that adds up the quarters, not the first whose
/// header says `Realisasi`.
fn quarterly(dir: &Dir, with_percent: bool) {
    let mut header = vec![
        S("No"),
        S("Program/Kegiatan"),
        S("Pagu (Rp)"),
        S("Realisasi TW I"),
        S("Realisasi TW II"),
        S("Realisasi TW III"),
        S("Realisasi TW IV"),
        S("Jumlah Realisasi"),
    ];
    if with_percent {
        header.push(S("%"));
    }
    // (kegiatan, pagu, quarters, %): Kegiatan B's 45 of 50 million is 90 %, typed 88.
    let rows: [(&str, f64, [f64; 4], f64); 3] = [
        ("Kegiatan A", 100e6, [20e6, 25e6, 25e6, 20e6], 90.0),
        ("Kegiatan B", 50e6, [10e6, 10e6, 10e6, 15e6], 88.0),
        ("Kegiatan C", 80e6, [0.0, 30e6, 30e6, 15e6], 93.75),
    ];
    let mut s = sheet("TW")
        .at(0, 0, vec![S("REALISASI ANGGARAN PER TRIWULAN TAHUN 2023")])
        .at(1, 0, header);
    for (i, (name, pagu, q, pct)) in rows.iter().enumerate() {
        let mut row = vec![N(i as f64 + 1.0), S(name), N(*pagu)];
        row.extend(q.iter().map(|v| N(*v)));
        row.push(N(q.iter().sum()));
        if with_percent {
            row.push(N(*pct));
        }
        s = s.at(2 + i as u32, 0, row);
    }
    xlsx(&dir.input("Realisasi TW.xlsx"), vec![s]);
}

#[test]
fn a_quarterly_realisation_is_judged_by_its_total() {
    let dir = Dir::new();
    quarterly(&dir, true);
    let (json, _) = dir.check_json(&[]);
    assert_eq!(util::loud(&json), vec![t("PCT010", "TW", "I4")]);
    let f = finding(&json, "PCT010", "I4");
    assert_eq!(
        (f["found"].as_str(), f["expected"].as_str()),
        (Some("88"), Some("90"))
    );

    let dir = Dir::new();
    quarterly(&dir, false);
    let (json, _) = dir.check_json(&[]);
    assert_eq!(util::loud(&json), Vec::<(String, String, String)>::new());
    // Kegiatan C spent 75 million over the year, nothing in the first quarter:
    // read by its total, it is no kegiatan without realisation (RNG012).
    assert!(
        util::findings(&json).iter().all(|f| f.0 != "RNG012"),
        "{:?}",
        util::findings(&json)
    );
}
