//! Small SIPD exports for the family's unit tests, shaped as the real ones
//! (`tests/fixtures/real/sipd-lampung-selatan`): urusan, bidang, the organisation,
//! a program, kegiatan, sub kegiatan and their accounts, and SIPD's `Jumlah` row.

use crate::cell::CellRef;
use crate::check::testing::Sheet;

/// One pair for the total, the codes in one column; every figure consistent.
/// Rows (sheet row = index + 1): 2 urusan, 3 bidang, 4 organisation, 5 program,
/// 6 kegiatan, 7 sub kegiatan …0001, 8–13 its accounts, 14 sub kegiatan …0002,
/// 15–17 its accounts, 18 Jumlah.
pub fn one_pair() -> Sheet {
    let rows: &[&[&'static str]] = &[
        &["KODE", "URAIAN", "ANGGARAN", "REALISASI"],
        &[
            "2",
            "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR",
            "3000000",
            "1200000",
        ],
        &[
            "2.16",
            "URUSAN PEMERINTAHAN BIDANG KOMUNIKASI DAN INFORMATIKA",
            "3000000",
            "1200000",
        ],
        &[
            "2.16.2.20.2.21.01.0000",
            "Dinas Komunikasi dan Informatika",
            "3000000",
            "1200000",
        ],
        &[
            "2.16.01",
            "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            "3000000",
            "1200000",
        ],
        &[
            "2.16.01.2.01",
            "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            "3000000",
            "1200000",
        ],
        &[
            "2.16.01.2.01.0001",
            "Penyusunan Dokumen Perencanaan Perangkat Daerah",
            "2000000",
            "900000",
        ],
        &["5.1.02", "Belanja Barang dan Jasa", "2000000", "900000"],
        &["5.1.02.01", "Belanja Barang", "1500000", "700000"],
        &[
            "5.1.02.01.001.00024",
            "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
            "1000000",
            "500000",
        ],
        &[
            "5.1.02.01.001.00025",
            "Belanja Alat/Bahan untuk Kegiatan Kantor- Kertas dan Cover",
            "500000",
            "200000",
        ],
        &["5.1.02.04", "Belanja Perjalanan Dinas", "500000", "200000"],
        &[
            "5.1.02.04.001.00001",
            "Belanja Perjalanan Dinas Biasa",
            "500000",
            "200000",
        ],
        &[
            "2.16.01.2.01.0002",
            "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
            "1000000",
            "300000",
        ],
        &["5.1.02", "Belanja Barang dan Jasa", "1000000", "300000"],
        &["5.1.02.02", "Belanja Jasa", "1000000", "300000"],
        &["5.1.02.02.001.00071", "Belanja Lembur", "1000000", "300000"],
        &["", "Jumlah", "3000000", "1200000"],
    ];
    Sheet {
        name: "Rekap",
        rows: rows.iter().map(|r| r.to_vec()).collect(),
    }
}

/// `Anggaran | Realisasi` per kelompok (Operasi C:D, Modal E:F) under a second
/// header row, with the office's `TOTAL ANGGARAN` (G), `TOTAL REALISASI` (H)
/// and `%` (I) when `totals`, else its `%` in G. Rows: 3 urusan, 4 bidang, 5
/// organisation, 6 program, 7 kegiatan …2.01, 8 its sub kegiatan, 9–11 accounts,
/// 12 kegiatan …2.07, 13 its sub kegiatan, 14–15 accounts, 16 Jumlah.
pub fn kelompok(totals: bool) -> Sheet {
    let body: &[(&str, &str, [&str; 4])] = &[
        (
            "2",
            "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR",
            ["2000000", "800000", "1000000", "400000"],
        ),
        (
            "2.16",
            "URUSAN PEMERINTAHAN BIDANG KOMUNIKASI DAN INFORMATIKA",
            ["2000000", "800000", "1000000", "400000"],
        ),
        (
            "2.16.2.20.2.21.01.0000",
            "Dinas Komunikasi dan Informatika",
            ["2000000", "800000", "1000000", "400000"],
        ),
        (
            "2.16.01",
            "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
            ["2000000", "800000", "1000000", "400000"],
        ),
        (
            "2.16.01.2.01",
            "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            ["2000000", "800000", "0", "0"],
        ),
        (
            "2.16.01.2.01.0001",
            "Penyusunan Dokumen Perencanaan Perangkat Daerah",
            ["2000000", "800000", "0", "0"],
        ),
        (
            "5.1.02",
            "Belanja Barang dan Jasa",
            ["2000000", "800000", "0", "0"],
        ),
        (
            "5.1.02.01.001.00024",
            "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
            ["1500000", "600000", "0", "0"],
        ),
        (
            "5.1.02.01.001.00025",
            "Belanja Alat/Bahan untuk Kegiatan Kantor- Kertas dan Cover",
            ["500000", "200000", "0", "0"],
        ),
        (
            "2.16.01.2.07",
            "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
            ["0", "0", "1000000", "400000"],
        ),
        (
            "2.16.01.2.07.0006",
            "Pengadaan Peralatan dan Mesin Lainnya",
            ["0", "0", "1000000", "400000"],
        ),
        (
            "5.2.02",
            "Belanja Modal Peralatan dan Mesin",
            ["0", "0", "1000000", "400000"],
        ),
        (
            "5.2.02.10.001.00002",
            "Belanja Modal Personal Computer",
            ["0", "0", "1000000", "400000"],
        ),
        ("", "Jumlah", ["2000000", "800000", "1000000", "400000"]),
    ];
    let mut rows: Vec<Vec<&'static str>> = if totals {
        vec![
            vec![
                "KODE",
                "URAIAN",
                "Operasi",
                "",
                "Modal",
                "",
                "TOTAL ANGGARAN",
                "TOTAL REALISASI",
                "%",
            ],
            vec!["", "", "Anggaran", "Realisasi", "Anggaran", "Realisasi"],
        ]
    } else {
        vec![
            vec!["KODE", "URAIAN", "Operasi", "", "Modal", "", "%"],
            vec!["", "", "Anggaran", "Realisasi", "Anggaran", "Realisasi"],
        ]
    };
    for &(code, name, [oa, or, ma, mr]) in body {
        let total_a = leak(oa.parse::<u64>().unwrap() + ma.parse::<u64>().unwrap());
        let total_r = leak(or.parse::<u64>().unwrap() + mr.parse::<u64>().unwrap());
        let mut row = vec![code, name, oa, or, ma, mr];
        if totals {
            row.extend([total_a, total_r]);
        }
        let pct = if total_a == "0" { "" } else { "40" };
        row.push(pct);
        rows.push(row);
    }
    Sheet {
        name: "Rekap",
        rows,
    }
}

fn leak(n: u64) -> &'static str {
    Box::leak(n.to_string().into_boxed_str())
}

/// `sheet` with cell `a1` holding `value` (see [`crate::check::testing::sheet`]).
pub fn with(mut sheet: Sheet, a1: &str, value: &'static str) -> Sheet {
    let at = CellRef::parse(a1).expect("an A1 address");
    let row = &mut sheet.rows[at.row as usize];
    if row.len() <= at.col as usize {
        row.resize(at.col as usize + 1, "");
    }
    row[at.col as usize] = value;
    sheet
}

/// `sheet` named `name`.
pub fn named(mut sheet: Sheet, name: &'static str) -> Sheet {
    sheet.name = name;
    sheet
}

/// `sheet` under a title row naming its period, and a blank row.
pub fn titled(sheet: Sheet, period: &'static str) -> Sheet {
    let mut rows = vec![vec![period], vec![""]];
    rows.extend(sheet.rows);
    Sheet {
        name: sheet.name,
        rows,
    }
}
