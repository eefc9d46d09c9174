//! Table location on layouts unlike the sample, and exact A1 provenance.

use crate::util::{self, finding, sheet, tables, xlsx, Dir, W::*};

fn anggaran_rows() -> Vec<Vec<crate::util::W>> {
    vec![
        vec![S(
            "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
        )],
        vec![
            S("Penyusunan Dokumen Perencanaan Perangkat Daerah"),
            N(1126000.0),
            N(1114600.0),
            N(99.0),
        ],
        vec![
            S("Pemeliharaan\\Rehabilitasi gedung Kantor"),
            S("65.00.000"),
            N(65000000.0),
            S("100,00"),
        ],
    ]
}

/// Guards locating by header words at any offset: title rows above, a numbering row
/// under the header, a source note below, nothing at A1.
#[test]
fn a_table_is_found_wherever_it_sits() {
    let dir = Dir::new();
    let mut s = sheet("Lembar Kerja Anggaran")
        .at(1, 1, vec![S("Tabel 3.4")])
        .at(
            2,
            1,
            vec![S("Realisasi Capaian Program dan Kegiatan Tahun 2023")],
        )
        .at(
            9,
            3,
            vec![
                S("PROGRAM/KEGIATAN"),
                S("PAGU ANGGARAN (Rp)"),
                S("REALISASI (Rp)"),
                S("%"),
            ],
        )
        .at(10, 3, vec![N(1.0), N(2.0), N(3.0), N(4.0)]);
    for (i, row) in anggaran_rows().into_iter().enumerate() {
        s = s.at(11 + i as u32, 3, row);
    }
    s = s.at(15, 3, vec![S("Sumber Data : DPA 2023")]);
    xlsx(&dir.input("apa saja.xlsx"), vec![s]);
    let (json, code) = dir.check_json(&[]);
    assert_eq!(
        tables(&json),
        vec![(
            "anggaran".into(),
            "apa saja.xlsx".into(),
            "Lembar Kerja Anggaran".into(),
            "D10:G14".into(),
            3
        )]
    );
    let f = finding(&json, "NUM001", "E14");
    assert_eq!(f["file"], "apa saja.xlsx");
    assert_eq!(f["sheet"], "Lembar Kerja Anggaran");
    assert_eq!(f["found"], "65.00.000");
    assert_eq!(code, 1);
}

/// Guards header variants and column order: the IDM table with other header words,
/// columns shuffled, starting at row 1.
#[test]
fn header_variants_in_any_column_order() {
    let dir = Dir::new();
    let s = sheet("x")
        .at(
            0,
            0,
            vec![
                S("Status IDM"),
                S("Nama Kampung"),
                S("Skor IDM"),
                S("Kecamatan"),
                S("No."),
            ],
        )
        .at(
            1,
            0,
            vec![
                S("MANDIRI"),
                S("GUNUNG LABUHAN"),
                N(0.9233),
                S("GUNUNG LABUHAN"),
                N(1.0),
            ],
        )
        .at(
            2,
            0,
            vec![
                S("MANDIRI"),
                S("UMPU BHAKTI"),
                S("0,8360"),
                S("BLAMBANGAN UMPU"),
                N(2.0),
            ],
        )
        .at(
            3,
            0,
            vec![
                S("MAJU"),
                S("SIDOARJO"),
                N(0.7649),
                S("UMPU SEMENGIK"),
                N(3.0),
            ],
        )
        .at(
            4,
            0,
            vec![
                S("MAJU"),
                S("SEGARA MIDER"),
                N(0.7297),
                S("BLAMBANGAN UMPU"),
                N(4.0),
            ],
        );
    xlsx(&dir.input("desa.xlsx"), vec![s]);
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        tables(&json),
        vec![(
            "idm_desa".into(),
            "desa.xlsx".into(),
            "x".into(),
            "A1:E5".into(),
            4
        )]
    );
    let f = finding(&json, "NUM004", "C3");
    assert_eq!(f["found"], "0,8360");
    assert_eq!(f["expected"], "0.836");
    assert_eq!(f["fix"], "suggested");
}

/// Guards two-row headers: merged year groups over JUMLAH | %, and the IKU's
/// TARGET group over one column per year, with a numbering row under it.
#[test]
fn two_row_merged_headers() {
    let dir = Dir::new();
    let rekap = sheet("Rekap")
        .at(0, 0, vec![S("DATA INDEKS DESA MEMBANGUN (IDM)")])
        .at(
            2,
            0,
            vec![
                MergeDown("KLASIFIKASI IDM", 2),
                Merge("2022", 2),
                E,
                Merge("2023", 2),
            ],
        )
        .at(3, 1, vec![S("JUMLAH"), S("%"), S("JUMLAH"), S("%")])
        .at(
            4,
            0,
            vec![S("MANDIRI"), N(10.0), Pct(0.0457), N(26.0), S("11,76%")],
        )
        .at(
            5,
            0,
            vec![S("MAJU"), N(53.0), Pct(0.242), N(97.0), S("43,89%")],
        );
    let iku = sheet("IKU")
        .at(
            4,
            1,
            vec![
                MergeDown("NO", 2),
                MergeDown("INDIKATOR KINERJA", 2),
                MergeDown("SATUAN", 2),
                Merge("TARGET KINERJA SASARAN PADA TAHUN KE-", 3),
            ],
        )
        .at(5, 4, vec![N(2021.0), N(2022.0), N(2023.0)])
        .at(6, 1, vec![N(1.0), N(2.0), N(3.0), N(4.0)])
        .at(
            7,
            1,
            vec![
                S("1."),
                S("Nilai IKE"),
                S("Poin"),
                S("0,5517"),
                S("0,5925"),
                S("0,6333"),
            ],
        );
    xlsx(&dir.input("lampiran.xlsx"), vec![rekap, iku]);
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        tables(&json),
        vec![
            (
                "idm_rekap".into(),
                "lampiran.xlsx".into(),
                "Rekap".into(),
                "A3:E6".into(),
                2
            ),
            (
                "iku".into(),
                "lampiran.xlsx".into(),
                "IKU".into(),
                "B5:G8".into(),
                1
            ),
        ]
    );
    // The 2023 shares are text: one warning for the table, at the first of them.
    let f = finding(&json, "NUM003", "E5");
    assert_eq!(f["related"].as_array().unwrap().len(), 1);
    assert_eq!(f["related"][0]["cell"], "E6");
}

/// Guards several tables in one sheet, each ending where the next one's title begins.
#[test]
fn two_tables_in_one_sheet() {
    let dir = Dir::new();
    let s = sheet("PK 2023")
        .at(0, 0, vec![S("PERJANJIAN KINERJA TAHUN 2023")])
        .at(
            2,
            0,
            vec![
                S("NO"),
                S("SASARAN STRATEGIS"),
                S("INDIKATOR KINERJA"),
                S("FORMULASI"),
                S("SATUAN"),
                S("TARGET"),
            ],
        )
        .at(
            3,
            0,
            vec![S("(1)"), S("(2)"), S("(3)"), S("(4)"), S("(5)"), S("(6)")],
        )
        .at(
            4,
            0,
            vec![
                S("1."),
                S("Meningkatkan Kualitas Kampung"),
                S("Indeks Kategori Kampung"),
                S("Rilis"),
                S("POIN"),
                S("3,19"),
            ],
        )
        .at(
            5,
            0,
            vec![
                S("2."),
                S("Meningkatnya Ketahanan Ekonomi"),
                S("Nilai IKE"),
                S("IDM"),
                S("POIN"),
                S("0,6333"),
            ],
        )
        .at(
            8,
            0,
            vec![S("No."), S("Program"), S("Anggaran (Rp.)"), S("Ket")],
        )
        .at(
            9,
            0,
            vec![
                S("1."),
                S("PENINGKATAN KERJASAMA DESA"),
                N(44342000.0),
                S("APBD"),
            ],
        )
        .at(
            10,
            0,
            vec![
                S("2."),
                S("ADMINISTRASI PEMERINTAHAN DESA"),
                N(1978457800.0),
                S("APBD"),
            ],
        )
        .at(11, 1, vec![S("Jumlah"), S("Rp. 2.022.799.800")]);
    xlsx(&dir.input("pk.xlsx"), vec![s]);
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        tables(&json),
        vec![
            (
                "pk_target".into(),
                "pk.xlsx".into(),
                "PK 2023".into(),
                "A3:F6".into(),
                2
            ),
            (
                "pk_anggaran".into(),
                "pk.xlsx".into(),
                "PK 2023".into(),
                "A9:D12".into(),
                3
            ),
        ]
    );
}

fn office_like_workbook(dir: &Dir) -> std::path::PathBuf {
    let path = dir.path().join("asli.xlsx");
    let mut s = sheet("Anggaran").at(
        19,
        5,
        vec![S("URAIAN"), S("PAGU"), S("REALISASI"), S("PERSENTASE")],
    );
    for (i, row) in anggaran_rows().into_iter().enumerate() {
        s = s.at(20 + i as u32, 5, row);
    }
    let staff = sheet("Personil")
        .at(
            0,
            0,
            vec![
                S("NO"),
                S("JABATAN"),
                S("JML"),
                S("PANGKAT/GOL/RUANG"),
                S("JML"),
                S("PENDIDIKAN FORMAL"),
                S("JML"),
                S("KET"),
            ],
        )
        .at(
            1,
            0,
            vec![
                N(1.0),
                N(2.0),
                N(3.0),
                N(4.0),
                N(5.0),
                N(6.0),
                N(7.0),
                N(8.0),
            ],
        )
        .at(
            2,
            0,
            vec![
                N(1.0),
                S("Kepala Dinas"),
                N(1.0),
                S("Pembina Utama Muda (IVc)"),
                N(1.0),
                S("S2"),
                N(1.0),
            ],
        )
        .at(
            3,
            0,
            vec![E, S("Jumlah Total"), N(1.0), E, N(1.0), E, N(1.0)],
        );
    xlsx(&path, vec![s, staff]);
    path
}

/// Guards reading by content across formats: LibreOffice's .xls and .ods copies of a
/// workbook give the same tables, ranges and finding cells as the .xlsx.
#[test]
fn xls_and_ods_copies_find_the_same_tables() {
    let dir = Dir::new();
    let original = office_like_workbook(&dir);
    std::fs::copy(&original, dir.input("asli.xlsx")).unwrap();
    let (xlsx_json, _) = dir.check_json(&[]);
    for to in ["xls", "ods"] {
        let copy_dir = Dir::new();
        util::convert(&original, to, &copy_dir.path().join("input"));
        let (json, _) = copy_dir.check_json(&[]);
        let strip = |t: Vec<(String, String, String, String, u64)>| {
            t.into_iter()
                .map(|(k, _, s, r, n)| (k, s, r, n))
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(tables(&json)), strip(tables(&xlsx_json)), "{to}");
        assert_eq!(strip(tables(&json))[0].2, "F20:I23");
        let f = finding(&json, "NUM001", "G23");
        assert_eq!(f["file"], format!("asli.{to}"));
    }
}

/// Guards format detection by content: a workbook with the wrong extension is read
/// as what it is.
#[test]
fn the_extension_does_not_decide_the_format() {
    let dir = Dir::new();
    let original = office_like_workbook(&dir);
    let ods = util::convert(&original, "ods", dir.path());
    std::fs::copy(ods, dir.input("salah nama.xlsx")).unwrap();
    let (json, code) = dir.check_json(&[]);
    assert_eq!(json["inputs"][0]["status"], "ok");
    assert_eq!(tables(&json).len(), 2);
    assert_eq!(code, 1);
}

/// A village list large enough that its sheet (some 11 MB of XML) is read in runs
/// of rows on every core: the slips before, at and after where it is cut are each
/// found at their cell and nothing else is loud, whether rust_xlsxwriter wrote the
/// workbook or LibreOffice rewrote it in its own XML.
#[test]
fn a_large_village_list_is_read_on_every_core_as_one() {
    let villages = 40_000u32;
    let mut s = sheet("IDM 2023").at(
        0,
        0,
        vec![
            S("NO"),
            S("KECAMATAN"),
            S("NAMA DESA"),
            S("IKS"),
            S("IKE"),
            S("IKL"),
            S("IDM"),
            S("STATUS"),
        ],
    );
    let kecamatan = ["BLAMBANGAN UMPU", "KASUI", "BARADATU", "PAKUAN RATU"];
    for v in 1..=villages {
        // (0.7 + 0.6 + 0.8) / 3 = 0.7: BERKEMBANG, far from every boundary.
        let status = match v {
            10 => "MAJU",
            20_000 => "SANGAT TERTINGGAL",
            35_000 => "MANDIRI",
            _ => "BERKEMBANG",
        };
        s = s.at(
            v,
            0,
            vec![
                N(f64::from(v)),
                S(kecamatan[v as usize % 4]),
                T(format!("DESA {v}")),
                N(0.7),
                N(0.6),
                N(0.8),
                N(0.7),
                S(status),
            ],
        );
    }
    let dir = Dir::new();
    let made = tempfile::tempdir().unwrap();
    let by_code = made.path().join("IDM 2023.xlsx");
    xlsx(&by_code, vec![s]);
    let rewritten = tempfile::tempdir().unwrap();
    let by_libreoffice = util::convert(&by_code, "xlsx", rewritten.path());
    for path in [by_code, by_libreoffice] {
        // The premise: the sheet is past the size read in runs (4 MiB of XML).
        let file = std::fs::File::open(&path).unwrap();
        let sheet_xml = zip::ZipArchive::new(file)
            .unwrap()
            .by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .size();
        assert!(sheet_xml > 4 << 20, "{sheet_xml} bytes");
        std::fs::copy(&path, dir.input("IDM 2023.xlsx")).unwrap();
        let (json, code) = dir.check_json(&[]);
        assert_eq!(code, 1, "{}", path.display());
        assert_eq!(
            tables(&json)
                .iter()
                .map(|t| (t.0.as_str(), t.3.as_str(), t.4))
                .collect::<Vec<_>>(),
            vec![("idm_desa", "A1:H40001", u64::from(villages))],
        );
        let sheet = "IDM 2023".to_string();
        assert_eq!(
            util::loud(&json),
            vec![
                ("THR001".to_string(), sheet.clone(), "H11".to_string()),
                ("THR001".to_string(), sheet.clone(), "H20001".to_string()),
                ("THR001".to_string(), sheet, "H35001".to_string()),
            ],
            "{}",
            path.display()
        );
        assert_eq!(finding(&json, "THR001", "H35001")["found"], "MANDIRI");
    }
}
