//! IDM rules (THR, RNG, SUM, PCT) on the sample's IDM workbook, one injected error
//! per test, and on village tables built in code.

use crate::util::{self, finding, sheet, xlsx, Dir, Edit, W::*};
use kinerja::finding::{Finding, NewValue};
use serde_json::Value;
use std::path::PathBuf;

const IDM_CODES: [&str; 12] = [
    "THR001", "THR002", "RNG001", "SUM001", "SUM002", "SUM003", "PCT001", "PCT002", "IDT001",
    "IDT002", "IDT003", "IDT004",
];

/// The findings of this family and the identity family as (code, sheet, cell).
pub fn ours(json: &Value) -> Vec<(String, String, String)> {
    let mut v: Vec<(String, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| IDM_CODES.contains(&f["code"].as_str().unwrap()))
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

fn t(code: &str, sheet: &str, cell: &str) -> (String, String, String) {
    (code.into(), sheet.into(), cell.into())
}

/// What these families find on the unmodified sample, cells shifted by (rows, cols).
pub fn sample_findings(rows: u32, cols: u32) -> Vec<(String, String, String)> {
    let at = |a1: &str| {
        let c = kinerja::cell::CellRef::parse(a1).unwrap();
        kinerja::cell::CellRef::new(c.row + rows, c.col + cols).to_string()
    };
    let mut v = vec![
        t("IDT003", "IDM 2023", &at("D128")),
        t("THR002", "IDM 2023", &at("E73")),
        t("THR002", "IDM 2023", &at("E85")),
    ];
    v.sort();
    v
}

pub fn related(f: &Value) -> Vec<String> {
    f["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}!{}",
                r["sheet"].as_str().unwrap(),
                r["cell"].as_str().unwrap()
            )
        })
        .collect()
}

/// The sample with its IDM workbook converted to xlsx, ready for editing.
pub fn idm_sample() -> (Dir, PathBuf) {
    let dir = Dir::new().with_sample();
    let path = util::as_xlsx(&dir, "Data IDM 2023.ods");
    (dir, path)
}

/// The library's findings for the input of `dir`, with their corrections.
pub fn analysed(dir: &Dir) -> Vec<Finding> {
    let cfg = kinerja::config::Config::load(&dir.path().join("config.toml")).unwrap();
    let files = kinerja::read::discover(&[dir.path().join("input")]).unwrap();
    kinerja::analyse(&files, &cfg).findings
}

pub fn the<'a>(findings: &'a [Finding], code: &str, cell: &str) -> &'a Finding {
    let hits: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.code == code && f.loc.cell.to_string() == cell)
        .collect();
    assert_eq!(hits.len(), 1, "one {code} at {cell}: {hits:?}");
    hits[0]
}

pub fn formula(f: &Finding) -> (String, String) {
    match &f.fix[..] {
        [c] => match &c.value {
            NewValue::Formula { formula, value } => {
                (formula.clone(), value.normalize().to_string())
            }
            other => panic!("not a formula: {other:?}"),
        },
        other => panic!("not one correction: {other:?}"),
    }
}

/// Guards precision: on the unmodified sample only the real anomalies are reported
/// (UMPU SEMENGGUK, two values next to a boundary); the 2023 summary agrees with the
/// village table and its shares; the 2022 column has no village table to check.
#[test]
fn the_sample_has_only_its_real_anomalies() {
    let dir = Dir::new().with_sample();
    let (json, _) = dir.check_json(&[]);
    assert_eq!(ours(&json), sample_findings(0, 0));
    let f = finding(&json, "THR002", "E73");
    assert_eq!(f["found"], "0.8149");
    assert_eq!(f["severity"], "info");
    assert_eq!(f["fix"], "none");
    assert_eq!(related(f), vec!["IDM 2023!F73"]);
    assert!(f["message"].as_str().unwrap().contains("0,815"), "{f}");
    assert_eq!(finding(&json, "THR002", "E85")["found"], "0.7075");
}

/// Guards the control: the same workbook as xlsx, where LibreOffice stores the 2022
/// shares as ratios in percent-formatted cells, adds no finding.
#[test]
fn ratios_in_percent_cells_add_nothing() {
    let (dir, _) = idm_sample();
    let (json, _) = dir.check_json(&[]);
    assert_eq!(ours(&json), sample_findings(0, 0));
}

/// Guards the control: the IDM workbook laid out elsewhere on its sheets (rows and
/// columns moved, shares now plain ratios without percent format) adds no finding.
#[test]
fn tables_moved_elsewhere_add_nothing() {
    let (dir, path) = idm_sample();
    let moved = dir.input("Data IDM 2023 moved.xlsx");
    util::shifted_copy(&path, &moved, 3, 2);
    std::fs::remove_file(&path).unwrap();
    let (json, _) = dir.check_json(&[]);
    assert_eq!(ours(&json), sample_findings(3, 2));
}

/// Guards THR001: a typed status that contradicts the value.
#[test]
fn a_status_contradicting_its_value() {
    let (dir, path) = idm_sample();
    util::edit_cell(&path, "IDM 2023", "F13", Edit::Text("BERKEMBANG"));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "THR001", "F13");
    assert_eq!(f["found"], "BERKEMBANG");
    assert_eq!(f["expected"], "MANDIRI");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), vec!["IDM 2023!E13"]);
    // The summary counts the status the value gives: nothing else to report.
    let mut expected = sample_findings(0, 0);
    expected.push(t("THR001", "IDM 2023", "F13"));
    expected.sort();
    assert_eq!(ours(&json), expected);
    let fs = analysed(&dir);
    let fix = &the(&fs, "THR001", "F13").fix;
    assert_eq!(fix[0].value, NewValue::Text("MANDIRI".into()));
}

/// Guards the boundary: 0.707 belongs to BERKEMBANG (the lower band), and is noted.
#[test]
fn a_value_exactly_on_a_boundary() {
    let (dir, path) = idm_sample();
    util::edit_cell(&path, "IDM 2023", "E85", Edit::Number(0.707));
    let (json, _) = dir.check_json(&[]);
    // The village now counts as BERKEMBANG: the summary's MAJU and BERKEMBANG counts
    // and shares follow (so that all fixes together agree).
    let mut expected = sample_findings(0, 0);
    expected.extend([
        t("THR001", "IDM 2023", "F85"),
        t("SUM002", "Rekap", "D9"),
        t("SUM002", "Rekap", "D10"),
        t("PCT001", "Rekap", "E9"),
        t("PCT001", "Rekap", "E10"),
    ]);
    expected.sort();
    assert_eq!(ours(&json), expected);
    let f = finding(&json, "THR001", "F85");
    assert_eq!(f["found"], "MAJU");
    assert_eq!(f["expected"], "BERKEMBANG");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), vec!["IDM 2023!E85"]);
    let n = finding(&json, "THR002", "E85");
    assert_eq!(n["found"], "0.707");
    assert_eq!(n["fix"], "none");
}

/// Guards RNG001: an IDM above 1.
#[test]
fn an_idm_above_one() {
    let (dir, path) = idm_sample();
    util::edit_cell(&path, "IDM 2023", "E30", Edit::Number(1.2));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "RNG001", "E30");
    assert_eq!(f["found"], "1.2");
    assert_eq!(f["expected"], Value::Null);
    assert_eq!(f["fix"], "none");
    // The status is not judged against a value out of range.
    let mut expected = sample_findings(0, 0);
    expected.push(t("RNG001", "IDM 2023", "E30"));
    expected.sort();
    assert_eq!(ours(&json), expected);
}

/// Guards SUM002: a summary count that differs from the village table, without a
/// cascade of share findings (the shares agree with the village table).
#[test]
fn a_summary_count_changed() {
    let (dir, path) = idm_sample();
    util::edit_cell(&path, "Rekap", "D8", Edit::Number(25.0));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "SUM002", "D8");
    assert_eq!(f["found"], "25");
    assert_eq!(f["expected"], "26");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), vec!["IDM 2023!F5"]);
    let mut expected = sample_findings(0, 0);
    expected.push(t("SUM002", "Rekap", "D8"));
    expected.sort();
    assert_eq!(ours(&json), expected);
}

/// Guards PCT001 and PCT002: a share typed wrong is PCT001's alone; with a count
/// that cannot be read, PCT002 judges the shares by their sum.
#[test]
fn a_summary_share_changed() {
    let (dir, path) = idm_sample();
    util::edit_cell(&path, "Rekap", "E9", Edit::Text("44,89%"));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "PCT001", "E9");
    assert_eq!(f["found"], "44,89%");
    assert_eq!(f["expected"], "43.89");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), vec!["Rekap!D9"]);
    // The sum the wrong share throws off (100,99) is no second finding.
    assert!(util::findings(&json).iter().all(|f| f.0 != "PCT002"));
    let fs = analysed(&dir);
    let (formula, value) = formula(the(&fs, "PCT001", "E9"));
    assert_eq!(formula, "D9/SUM(D$8:D$12)*100");
    assert!(value.starts_with("43.891402"), "{value}");
    // With a count that cannot be read, the shares are judged by their sum.
    util::edit_cell(&path, "Rekap", "D9", Edit::Text("sembilan puluh tujuh"));
    let (json, _) = dir.check_json(&[]);
    let s = finding(&json, "PCT002", "E7");
    assert_eq!(s["found"], "100.99");
    assert_eq!(s["expected"], "100");
    assert_eq!(s["fix"], "none");
    assert_eq!(related(s).len(), 5);
}

/// Guards the ratio form of the fix: a share of the 2022 column, stored as a ratio
/// in a percent-formatted cell, gets a ratio formula (no ×100).
#[test]
fn a_ratio_share_is_fixed_as_a_ratio() {
    let (dir, path) = idm_sample();
    util::edit_cell(&path, "Rekap", "C9", Edit::Number(0.252));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "PCT001", "C9");
    assert_eq!(f["found"], "0.252");
    assert_eq!(f["expected"], "0.242");
    let fs = analysed(&dir);
    let (formula, value) = formula(the(&fs, "PCT001", "C9"));
    assert_eq!(formula, "B9/SUM(B$8:B$12)");
    assert!(value.starts_with("0.242009"), "{value}");
}

fn rekap_with_total(total_2023: f64, share_total: f64) -> Vec<util::SheetSpec> {
    vec![sheet("Rekap")
        .at(0, 0, vec![S("DATA INDEKS DESA MEMBANGUN (IDM)")])
        .at(
            2,
            0,
            vec![MergeDown("KLASIFIKASI IDM", 2), Merge("2023", 2)],
        )
        .at(3, 1, vec![S("JUMLAH"), S("%")])
        .at(4, 0, vec![S("Mandiri"), N(26.0), N(11.76)])
        .at(5, 0, vec![S("Maju"), N(97.0), N(43.89)])
        .at(6, 0, vec![S("Berkembang"), N(98.0), N(44.34)])
        .at(7, 0, vec![S("Tertinggal"), N(0.0), N(0.0)])
        .at(8, 0, vec![S("Sangat Tertinggal"), S("-"), S("-")])
        .at(9, 0, vec![S("JUMLAH"), N(total_2023), N(share_total)])]
}

/// Guards SUM003: a JUMLAH row that is not the sum; a JUMLAH share of 99,99 (the
/// shares' own sum) or 100 is fine.
#[test]
fn a_summary_total_row() {
    let dir = Dir::new();
    xlsx(&dir.input("rekap.xlsx"), rekap_with_total(220.0, 99.99));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "SUM003", "B10");
    assert_eq!(f["found"], "220");
    assert_eq!(f["expected"], "221");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(
        related(f),
        vec!["Rekap!B5", "Rekap!B6", "Rekap!B7", "Rekap!B8", "Rekap!B9"]
    );
    assert_eq!(ours(&json), vec![t("SUM003", "Rekap", "B10")]);
    let fs = analysed(&dir);
    assert_eq!(
        formula(the(&fs, "SUM003", "B10")),
        ("SUM(B5:B9)".into(), "221".into())
    );

    let dir = Dir::new();
    xlsx(&dir.input("rekap.xlsx"), rekap_with_total(221.0, 100.0));
    let (json, _) = dir.check_json(&[]);
    assert_eq!(ours(&json), vec![]);

    let dir = Dir::new();
    xlsx(&dir.input("rekap.xlsx"), rekap_with_total(221.0, 98.0));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "PCT001", "C10");
    assert_eq!(f["expected"], "100");
}

/// The national layout: KODE DESA, PROVINSI, KABUPATEN, KECAMATAN, DESA, IKS, IKE,
/// IKL, IDM, STATUS.
fn national(rows: Vec<Vec<util::W>>) -> Vec<util::SheetSpec> {
    let mut s = sheet("IDM").at(
        1,
        0,
        vec![
            S("KODE DESA"),
            S("PROVINSI"),
            S("KABUPATEN"),
            S("KECAMATAN"),
            S("DESA"),
            S("IKS"),
            S("IKE"),
            S("IKL"),
            S("IDM"),
            S("STATUS"),
        ],
    );
    for (i, r) in rows.into_iter().enumerate() {
        s = s.at(2 + i as u32, 0, r);
    }
    vec![s]
}

/// A village row of the national layout in kabupaten WAY KANAN: code, kecamatan,
/// name, [IKS, IKE, IKL, IDM], status.
fn village(
    kode: &'static str,
    kec: &'static str,
    desa: &'static str,
    values: [f64; 4],
    status: &'static str,
) -> Vec<util::W> {
    let mut row = vec![S(kode), S("LAMPUNG"), S("WAY KANAN"), S(kec), S(desa)];
    row.extend(values.into_iter().map(N));
    row.push(S(status));
    row
}

/// Guards SUM001 on the national layout: one IDM that is not the mean of its
/// components; the others, rounded from unrounded components, are accepted. The
/// status typed from the wrong IDM is judged against the mean (THR001).
#[test]
fn the_national_layout_with_one_wrong_mean() {
    let dir = Dir::new();
    let rows = vec![
        village(
            "1808012001",
            "BLAMBANGAN UMPU",
            "BUMI BARU",
            [0.9143, 0.8667, 0.8667, 0.8826],
            "MANDIRI",
        ),
        // (0.8123 + 0.7011 + 0.6022) / 3 = 0.7052, typed 0.7502
        village(
            "1808012002",
            "BLAMBANGAN UMPU",
            "SEGARA MIDER",
            [0.8123, 0.7011, 0.6022, 0.7502],
            "MAJU",
        ),
        // mean 0.726633…: 0.7267 is within the rounding of the components
        village(
            "1808012003",
            "BLAMBANGAN UMPU",
            "SRI REJEKI",
            [0.8114, 0.7, 0.6685, 0.7267],
            "MAJU",
        ),
        village(
            "1808022001",
            "BARADATU",
            "GUNUNG KATUN",
            [0.9, 0.85, 0.9248, 0.8916],
            "MANDIRI",
        ),
    ];
    xlsx(&dir.input("idm nasional.xlsx"), national(rows));
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "SUM001", "I4");
    assert_eq!(f["found"], "0.7502");
    assert_eq!(f["expected"], "0.7052");
    assert_eq!(f["fix"], "suggested");
    assert_eq!(related(f), vec!["IDM!F4", "IDM!G4", "IDM!H4"]);
    // The status agreed with the mistyped IDM; against the mean it is BERKEMBANG.
    assert_eq!(
        ours(&json),
        vec![t("SUM001", "IDM", "I4"), t("THR001", "IDM", "J4")]
    );
    assert_eq!(finding(&json, "THR001", "J4")["expected"], "BERKEMBANG");
    let fs = analysed(&dir);
    assert_eq!(
        formula(the(&fs, "SUM001", "I4")),
        ("ROUND((F4+G4+H4)/3,4)".into(), "0.7052".into())
    );
}

/// Guards RNG001 on the components and the year of a village table read from its
/// header: a 2022 table is compared with the summary's 2022 column.
#[test]
fn component_range_and_a_table_of_another_year() {
    let dir = Dir::new();
    let villages = sheet("Desa")
        .at(
            0,
            0,
            vec![
                S("NO"),
                S("DESA"),
                S("KECAMATAN"),
                S("IKS"),
                S("IKE"),
                S("IKL"),
                S("IDM 2022"),
                S("STATUS"),
            ],
        )
        .at(
            1,
            0,
            vec![
                N(1.0),
                S("GUNUNG LABUHAN"),
                S("GUNUNG LABUHAN"),
                N(0.9),
                N(0.95),
                N(0.92),
                N(0.9233),
                S("MANDIRI"),
            ],
        )
        .at(
            2,
            0,
            vec![
                N(2.0),
                S("WAY TUBA"),
                S("GUNUNG LABUHAN"),
                N(83.0),
                N(0.8),
                N(0.8),
                N(0.8378),
                S("MANDIRI"),
            ],
        )
        .at(
            3,
            0,
            vec![
                N(3.0),
                S("SIDOARJO"),
                S("UMPU SEMENGIK"),
                N(0.8),
                N(0.75),
                N(0.7447),
                N(0.7649),
                S("MAJU"),
            ],
        );
    let rekap = sheet("Rekap")
        .at(
            0,
            0,
            vec![
                MergeDown("KLASIFIKASI IDM", 2),
                Merge("2022", 2),
                E,
                Merge("2023", 2),
            ],
        )
        .at(1, 1, vec![S("JUMLAH"), S("%"), S("JUMLAH"), S("%")])
        .at(
            2,
            0,
            vec![S("MANDIRI"), N(2.0), Pct(0.5), N(26.0), N(11.76)],
        )
        .at(3, 0, vec![S("MAJU"), N(2.0), Pct(0.5), N(97.0), N(43.89)])
        .at(
            4,
            0,
            vec![S("BERKEMBANG"), N(0.0), Pct(0.0), N(98.0), N(44.34)],
        );
    let mut cfg = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    cfg.push_str("\n[headers.idm_desa]\nidm = [\"IDM {angka_tahun}\"]\n");
    std::fs::write(dir.path().join("config.toml"), cfg).unwrap();
    xlsx(&dir.input("idm.xlsx"), vec![villages, rekap]);
    let (json, _) = dir.check_json(&[]);
    let f = finding(&json, "RNG001", "D3");
    assert_eq!(f["found"], "83");
    let c = finding(&json, "SUM002", "B4");
    assert_eq!(c["expected"], "1");
    assert_eq!(related(c), vec!["Desa!H4"]);
    // The 2022 shares are compared with the village table's counts (2 of 3, 1 of 3),
    // and fixed as ratios (the cells are percent-formatted).
    let p = finding(&json, "PCT001", "C3");
    assert_eq!(p["expected"], "0.67");
    assert_eq!(finding(&json, "PCT001", "C4")["expected"], "0.33");
    // 2023 has no village table here (the table is of 2022): not compared.
    assert!(!ours(&json)
        .iter()
        .any(|(code, s, c)| code == "SUM002" && s == "Rekap" && c.starts_with('D')));
}

/// Guards that the fixes of this family compose: after a status, a share of each
/// kind and a count are broken, the corrected workbook checks clean (but for the
/// notes), LibreOffice computes every formula as cached, and the 2023 summary holds
/// the counts and shares of the village table.
#[test]
fn the_fixes_compose_and_libreoffice_agrees() {
    use crate::fixing::{formula_cells, recalculated, recalculating_profile};
    let (dir, path) = idm_sample();
    util::edit_cell(&path, "IDM 2023", "E85", Edit::Number(0.707));
    util::edit_cell(&path, "Rekap", "E12", Edit::Text("1,00%"));
    util::edit_cell(&path, "Rekap", "C9", Edit::Number(0.252));
    util::edit_cell(&path, "Rekap", "D8", Edit::Number(27.0));
    assert_eq!(
        dir.run(&["fix"]).status.code(),
        Some(1),
        "errors remain in other files"
    );
    let corrected = dir.path().join("output/Data IDM 2023.koreksi.xlsx");
    let ours_cells = formula_cells(&corrected);
    assert!(ours_cells.len() >= 4, "{ours_cells:?}");
    // The wrong count is a live count of the village table's status column.
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(&corrected).unwrap();
    let formulas = wb.worksheet_formula("Rekap").unwrap();
    let (r0, c0) = formulas.start().unwrap();
    let d8 = formulas
        .used_cells()
        .find(|(r, c, _)| r0 + *r as u32 == 7 && c0 + *c as u32 == 3)
        .map(|(_, _, f)| f.clone())
        .unwrap_or_default();
    assert_eq!(d8, "COUNTIF('IDM 2023'!$F$5:$F$225,\"MANDIRI\")");
    let d8_value = ours_cells
        .iter()
        .find(|c| c.0 == "Rekap" && c.1 == 7 && c.2 == 3)
        .unwrap();
    assert_eq!(d8_value.3, calamine::Data::Float(26.0));
    let profile = recalculating_profile();
    let out = tempfile::tempdir().unwrap();
    let theirs = formula_cells(&recalculated(&corrected, profile.path(), out.path()));
    assert_eq!(ours_cells.len(), theirs.len());
    for (a, b) in ours_cells.iter().zip(&theirs) {
        use calamine::DataType;
        let (x, y) = (a.3.get_float().unwrap(), b.3.get_float().unwrap());
        assert!((x - y).abs() < 1e-9, "{a:?} {b:?}");
    }
    let again = Dir::new();
    std::fs::copy(&corrected, again.input("Data IDM 2023.koreksi.xlsx")).unwrap();
    let (json, _) = again.check_json(&[]);
    assert_eq!(
        ours(&json),
        vec![
            t("THR002", "IDM 2023", "E73"),
            t("THR002", "IDM 2023", "E85")
        ]
    );
}

/// Kabupaten Serang's own IDM workbook (`tests/fixtures/real/idm-serang`), copied
/// into a fresh folder as it is.
fn serang() -> (Dir, PathBuf) {
    let dir = Dir::new();
    let to = dir.input("DataTrainingKabSerang.xlsx");
    std::fs::copy(
        util::repo().join("tests/fixtures/real/idm-serang/DataTrainingKabSerang.xlsx"),
        &to,
    )
    .unwrap();
    (dir, to)
}

/// Issue 23: the Serang workbook numbers its kecamatan as the Ministry of Home
/// Affairs does (6 digits); its 326 villages raise nothing loud: no KOD002 for
/// the kecamatan codes, no IDT003 for CIOMAS and CIRUAS (two kecamatan, each of
/// its own code).
#[test]
fn the_serang_workbook_raises_nothing_loud() {
    let (dir, _) = serang();
    let (json, code) = dir.check_json(&[]);
    assert_eq!(util::loud(&json), vec![]);
    assert_eq!(code, 0);
}

/// The same workbook with one kecamatan code typed in BPS's 7 digits, and one
/// village code outside its kecamatan: both found, at their cells, and nothing else.
#[test]
fn a_code_of_the_other_scheme_and_a_code_outside_its_kecamatan_are_found_in_serang() {
    let (dir, path) = serang();
    // Row 40: a village of kecamatan 360405 (6 digits) given the 7-digit 3604050.
    util::edit_cell(&path, "Sheet1", "E40", Edit::Number(3604050.0));
    // Row 41: its village code moved into another kecamatan.
    util::edit_cell(&path, "Sheet1", "G41", Edit::Number(3604992001.0));
    let (json, _) = dir.check_json(&["--lang", "en"]);
    assert_eq!(
        util::loud(&json),
        // The village code of row 40 is right: the kecamatan code is the slip,
        // told once.
        vec![t("KOD001", "Sheet1", "G41"), t("KOD002", "Sheet1", "E40")]
    );
    let f = finding(&json, "KOD002", "E40");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("has 7 digits (BPS scheme), while this file's region codes follow the Kemendagri scheme (kecamatan 6 digits, 325 villages)"),
        "{f}"
    );
}
