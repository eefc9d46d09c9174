//! The sample input: every table kind found, in every format, wherever it sits.

use crate::util::{self, tables, Dir};

type Tables = Vec<(String, String, String, String, u64)>;

fn expected() -> Tables {
    let t =
        |k: &str, f: &str, s: &str, r: &str, n: u64| (k.into(), f.into(), s.into(), r.into(), n);
    vec![
        t(
            "capaian",
            "Capaian Kinerja 2023.xlsx",
            "Tabel 3.2",
            "A5:J11",
            5,
        ),
        t(
            "lembaga",
            "Capaian Kinerja 2023.xlsx",
            "Tabel 3.3",
            "A5:B9",
            4,
        ),
        t("idm_desa", "Data IDM 2023.ods", "IDM 2023", "B4:F225", 221),
        t("idm_rekap", "Data IDM 2023.ods", "Rekap", "A6:E12", 5),
        t("iku", "IKU 2021-2026.xlsx", "Lampiran 1", "A8:M17", 7),
        t(
            "pk_target",
            "Perjanjian Kinerja 2023.xls",
            "PK 2023",
            "A9:F15",
            5,
        ),
        t(
            "pk_anggaran",
            "Perjanjian Kinerja 2023.xls",
            "PK 2023",
            "A18:D24",
            6,
        ),
        t(
            "personil",
            "Profil Dinas 2023.xlsx",
            "Personil",
            "A3:H22",
            18,
        ),
        t(
            "pembiayaan",
            "Profil Dinas 2023.xlsx",
            "Pembiayaan",
            "A3:D10",
            6,
        ),
        t("rkt", "RKT 2023.xlsx", "RKT", "A5:J121", 114),
        t(
            "anggaran",
            "Realisasi Anggaran 2023.xlsx",
            "Tabel 3.4",
            "A4:D42",
            38,
        ),
    ]
}

/// The table list without file names, sorted, for comparing copies.
fn shape(t: Tables) -> Vec<(String, String, String, u64)> {
    let mut v: Vec<_> = t.into_iter().map(|(k, _, s, r, n)| (k, s, r, n)).collect();
    v.sort();
    v
}

/// Guards issue 2's promise: all eleven kinds in the sample, with their ranges.
#[test]
fn the_sample_has_all_eleven_table_kinds() {
    let dir = Dir::new().with_sample();
    let (json, _) = dir.check_json(&[]);
    assert_eq!(tables(&json), expected());
    for input in json["inputs"].as_array().unwrap() {
        assert_eq!(input["status"], "ok", "{input}");
    }
}

/// Guards reading by content: the sample saved by LibreOffice in other formats
/// (xlsx as ods, ods as xlsx, xls as ods) gives the same tables.
#[test]
fn the_sample_in_other_formats() {
    let src = Dir::new().with_sample();
    let dir = Dir::new();
    for e in std::fs::read_dir(src.path().join("input"))
        .unwrap()
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        let to = match name.rsplit('.').next().unwrap() {
            "xlsx" | "xls" => "ods",
            "ods" => "xlsx",
            _ => continue,
        };
        util::convert(&e.path(), to, &dir.path().join("input"));
    }
    let (json, _) = dir.check_json(&[]);
    assert_eq!(shape(tables(&json)), shape(expected()));
}

fn shift_range(range: &str, rows: u32, cols: u32) -> String {
    let (a, b) = range.split_once(':').unwrap();
    let shift = |s: &str| {
        let c = kinerja::cell::CellRef::parse(s).unwrap();
        kinerja::cell::CellRef::new(c.row + rows, c.col + cols).to_string()
    };
    format!("{}:{}", shift(a), shift(b))
}

/// Guards location by header words on the real sample: every sheet moved three rows
/// down and two columns right, under a new title, gives the same tables, moved.
#[test]
fn the_sample_moved_around_in_its_sheets() {
    let src = Dir::new().with_sample();
    let dir = Dir::new();
    for e in std::fs::read_dir(src.path().join("input"))
        .unwrap()
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        if !(name.ends_with(".xlsx") || name.ends_with(".ods") || name.ends_with(".xls")) {
            continue;
        }
        let xlsx = if name.ends_with(".xlsx") {
            e.path()
        } else {
            util::convert(&e.path(), "xlsx", src.path())
        };
        let stem = name.rsplit_once('.').unwrap().0;
        util::shifted_copy(&xlsx, &dir.input(&format!("{stem}.xlsx")), 3, 2);
    }
    let (json, _) = dir.check_json(&[]);
    let moved: Vec<_> = expected()
        .into_iter()
        .map(|(k, f, s, r, n)| (k, f, s, shift_range(&r, 3, 2), n))
        .collect();
    assert_eq!(shape(tables(&json)), shape(moved));
}
