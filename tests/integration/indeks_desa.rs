//! The Indeks Desa (Permendesa PDTT 9/2024) in the ministry's layout, built in code:
//! a clean workbook (no error, no warning) and one mutant per check, each error
//! found at its cell with nothing else loud; and the second sample
//! (`examples/indeks-desa-2025`) end to end.

use crate::util::{self, loud, Dir, W, W::*};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::Value;

/// The most points of DLD, DS, DE, DL, DA, DTKPD.
const MAXIMA: [Decimal; 6] = [dec!(170), dec!(85), dec!(160), dec!(90), dec!(50), dec!(80)];

/// Code, kecamatan, village, and the share of each maximum its dimensions reach
/// (the total is that share × 100): every status, none near a cut-off.
const VILLAGES: [(&str, &str, &str, Decimal); 12] = [
    ("1808010001", "BANJIT", "BONGLAI", dec!(0.90)),
    ("1808010002", "BANJIT", "BALI SADAR TENGAH", dec!(0.85)),
    ("1808010003", "BANJIT", "DONO MULYO", dec!(0.75)),
    ("1808010004", "BANJIT", "SUKA BUMI", dec!(0.72)),
    ("1808020001", "BARADATU", "GEDUNG PAKUON", dec!(0.65)),
    ("1808020002", "BARADATU", "BANJAR BARU", dec!(0.60)),
    ("1808020003", "BARADATU", "TIUH BALAK", dec!(0.62)),
    ("1808020004", "BARADATU", "SETIA NEGARA", dec!(0.53)),
    ("1808030001", "KASUI", "KASUI PASAR", dec!(0.55)),
    ("1808030002", "KASUI", "JUKUH BATU", dec!(0.40)),
    ("1808030003", "KASUI", "TANJUNG HARAPAN", dec!(0.45)),
    ("1808030004", "KASUI", "GUNUNG BARU", dec!(0.45)),
];

fn dims(share: Decimal) -> [Decimal; 6] {
    // Moved off the plain share, keeping the sum: points as the ministry writes them.
    let moves = [
        dec!(1.5),
        dec!(-1.5),
        dec!(0.25),
        dec!(-0.25),
        dec!(0),
        dec!(0),
    ];
    let mut out = [Decimal::ZERO; 6];
    for k in 0..6 {
        out[k] = (MAXIMA[k] * share + moves[k]).round_dp(2);
    }
    out
}

fn total(d: &[Decimal; 6]) -> Decimal {
    (d.iter().sum::<Decimal>() * dec!(100) / dec!(635)).round_dp(2)
}

fn status(t: Decimal) -> &'static str {
    match t {
        t if t <= dec!(49.48) => "SANGAT TERTINGGAL",
        t if t <= dec!(57.38) => "TERTINGGAL",
        t if t <= dec!(69.34) => "BERKEMBANG",
        t if t <= dec!(79.62) => "MAJU",
        _ => "MANDIRI",
    }
}

fn n(d: Decimal) -> W {
    N(d.to_string().parse().unwrap())
}

const STATUSES: [&str; 5] = [
    "MANDIRI",
    "MAJU",
    "BERKEMBANG",
    "TERTINGGAL",
    "SANGAT TERTINGGAL",
];

/// The village list rows (header first) and the summary rows, as the ministry's
/// layout has them: KODE DESA, PROVINSI, KABUPATEN, KECAMATAN, DESA, DLD 2025 …
/// DTKPD 2025, NILAI ID 2025, STATUS ID 2025 (columns A–M).
struct Book {
    villages: Vec<Vec<W>>,
    summary: Vec<Vec<W>>,
    /// More sheets (name, rows).
    more: Vec<(&'static str, Vec<Vec<W>>)>,
}

fn clean() -> Book {
    let mut header: Vec<W> = ["KODE DESA", "PROVINSI", "KABUPATEN", "KECAMATAN", "DESA"]
        .into_iter()
        .map(S)
        .collect();
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
        header.push(T(format!("{m} 2025")));
    }
    let mut villages = vec![header];
    let mut counts = [0u32; 5];
    for (code, kec, desa, share) in VILLAGES {
        let d = dims(share);
        let t = total(&d);
        let mut row = vec![S(code), S("LAMPUNG"), S("WAY KANAN"), S(kec), S(desa)];
        row.extend(d.iter().map(|x| n(*x)));
        row.push(n(t));
        row.push(S(status(t)));
        counts[STATUSES.iter().position(|s| *s == status(t)).unwrap()] += 1;
        villages.push(row);
    }
    let mut summary = vec![
        vec![MergeDown("STATUS ID", 2), Merge("2025", 2)],
        vec![E, S("JUMLAH"), S("%")],
    ];
    for (i, s) in STATUSES.iter().enumerate() {
        let share = Decimal::from(counts[i] * 100) / Decimal::from(12);
        summary.push(vec![S(s), N(counts[i] as f64), n(share.round_dp(2))]);
    }
    summary.push(vec![S("JUMLAH"), N(12.0), N(100.0)]);
    Book {
        villages,
        summary,
        more: Vec::new(),
    }
}

fn write(dir: &Dir, b: &Book) {
    let mut sheets = Vec::new();
    let mut desa = util::sheet("Indeks Desa");
    for (r, row) in b.villages.iter().enumerate() {
        desa = desa.at(r as u32, 0, row.clone());
    }
    desa = desa.at(
        b.villages.len() as u32 + 1,
        0,
        vec![S("Sumber: Kemendesa PDTT (data uji buatan)")],
    );
    sheets.push(desa);
    let mut rekap = util::sheet("Rekap");
    for (r, row) in b.summary.iter().enumerate() {
        rekap = rekap.at(r as u32, 0, row.clone());
    }
    sheets.push(rekap);
    for (name, rows) in &b.more {
        let mut s = util::sheet(name);
        for (r, row) in rows.iter().enumerate() {
            s = s.at(r as u32, 0, row.clone());
        }
        sheets.push(s);
    }
    util::xlsx(&dir.input("Indeks Desa 2025.xlsx"), sheets);
}

/// Config of the report year 2025 (the shipped one otherwise), with `extra` appended.
fn config_2025(dir: &Dir, extra: &str) {
    let path = dir.path().join("config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace("year = 2023", "year = 2025") + extra;
    std::fs::write(&path, text).unwrap();
}

fn check(b: &Book, extra_config: &str) -> Value {
    let dir = Dir::new();
    config_2025(&dir, extra_config);
    write(&dir, b);
    dir.check_json(&[]).0
}

fn t(code: &str, sheet: &str, cell: &str) -> (String, String, String) {
    (code.into(), sheet.into(), cell.into())
}

#[test]
fn the_clean_workbook_is_read_as_the_indeks_desa_without_error_or_warning() {
    let json = check(&clean(), "");
    let kinds: Vec<(String, String, String)> = util::tables(&json)
        .into_iter()
        .map(|(k, _, s, r, _)| (k, s, r))
        .collect();
    assert_eq!(
        kinds,
        vec![
            t("indeks_desa", "Indeks Desa", "A1:M13"),
            t("indeks_desa_rekap", "Rekap", "A1:C8"),
        ]
    );
    assert_eq!(loud(&json), vec![]);
    assert_eq!(json["findings"].as_array().unwrap().len(), 0, "{json}");
}

/// One mutant per check: (what, edit, the one loud finding expected).
#[test]
fn every_injected_error_is_found_at_its_cell_and_nothing_else_is_loud() {
    type Edit = Box<dyn Fn(&mut Book)>;
    let set = |r: usize, c: usize, w: W| -> Edit {
        Box::new(move |b: &mut Book| b.villages[r][c] = w.clone())
    };
    let cases: Vec<(&str, Edit, (&str, &str, &str))> = vec![
        (
            "status against the bands",
            set(3, 12, S("MANDIRI")),
            ("THR001", "Indeks Desa", "M4"),
        ),
        (
            "a status word no band names",
            set(5, 12, S("MAJU SEKALI")),
            ("THR001", "Indeks Desa", "M6"),
        ),
        (
            "total against the dimensions",
            set(4, 11, N(70.11)),
            ("SUM001", "Indeks Desa", "L5"),
        ),
        (
            "total above 100",
            set(2, 11, N(105.3)),
            ("RNG001", "Indeks Desa", "L3"),
        ),
        (
            "a dimension above its maximum",
            set(2, 5, N(175.5)),
            ("RNG001", "Indeks Desa", "F3"),
        ),
        (
            "a negative dimension",
            set(9, 10, N(-2.0)),
            ("RNG001", "Indeks Desa", "K10"),
        ),
        (
            "a village twice",
            Box::new(|b: &mut Book| b.villages[12] = b.villages[11].clone()),
            ("IDT002", "Indeks Desa", "A13"),
        ),
        (
            "a kecamatan misspelt",
            set(6, 3, S("BARADATTU")),
            ("IDT003", "Indeks Desa", "D7"),
        ),
        (
            "a code of the wrong length",
            set(7, 0, S("180802003")),
            ("KOD002", "Indeks Desa", "A8"),
        ),
        (
            "two villages under one code",
            set(8, 0, S("1808020003")),
            ("KOD003", "Indeks Desa", "A9"),
        ),
        (
            "a number stored as text",
            set(10, 6, S("34.00")),
            ("NUM003", "Indeks Desa", "G11"),
        ),
        (
            "a malformed number",
            set(11, 7, S("7.2.00")),
            ("NUM001", "Indeks Desa", "H12"),
        ),
        (
            "the summary's count",
            Box::new(|b: &mut Book| b.summary[3][1] = N(3.0)),
            ("SUM002", "Rekap", "B4"),
        ),
        (
            "a header year that is not a year",
            set(0, 11, S("NILAI ID 20255")),
            ("THN001", "Indeks Desa", "L1"),
        ),
        (
            "IDM and Indeks Desa columns in one table",
            Box::new(|b: &mut Book| {
                for h in [
                    "IKS 2025",
                    "IKE 2025",
                    "IKL 2025",
                    "IDM 2025",
                    "STATUS IDM 2025",
                ] {
                    b.villages[0].push(S(h));
                }
                for r in 1..b.villages.len() {
                    let status = b.villages[r][12].clone();
                    b.villages[r].extend([N(0.7), N(0.7), N(0.7), N(0.7), status]);
                }
            }),
            ("IDX001", "Indeks Desa", "A1"),
        ),
    ];
    let mut failures = Vec::new();
    for (what, edit, (code, sheet, cell)) in cases {
        let mut b = clean();
        edit(&mut b);
        let json = check(&b, "");
        let got = loud(&json);
        if got != vec![t(code, sheet, cell)] {
            failures.push(format!(
                "{what}: expected {code} at {sheet}!{cell}, got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The office's own table against the ministry's file of the same year: the
/// difference at the office's cell, the ministry's in `related`.
#[test]
fn the_offices_table_against_the_ministrys_file() {
    let mut b = clean();
    let mut office = vec![vec![
        S("NO"),
        S("KECAMATAN"),
        S("NAMA DESA"),
        S("NILAI ID 2025"),
        S("STATUS ID 2025"),
    ]];
    for (i, row) in b.villages.iter().skip(1).enumerate() {
        let mut r = vec![
            N(i as f64 + 1.0),
            row[3].clone(),
            row[4].clone(),
            row[11].clone(),
            row[12].clone(),
        ];
        if i == 2 {
            r[3] = N(76.5);
        }
        office.push(r);
    }
    b.more.push(("Kantor", office));
    let json = check(&b, "");
    assert_eq!(loud(&json), vec![t("XDC001", "Kantor", "D4")]);
    let f = util::finding(&json, "XDC001", "D4");
    assert_eq!(f["found"], "76.5");
    assert_eq!(f["expected"], "75");
    assert_eq!(f["related"][0]["cell"], "L4");
}

/// Bands with a gap or an overlap in `[indeks_desa]`: a finding at the config key.
#[test]
fn a_config_profile_with_a_gap_or_an_overlap() {
    let gap = r#"
[indeks_desa.profiles.kantor]
source = "uji"
bands = [
  { label = "SANGAT TERTINGGAL", max = 49.48 },
  { label = "TERTINGGAL", above = 50, max = 57.38 },
  { label = "BERKEMBANG", above = 57.38, max = 69.34 },
  { label = "MAJU", above = 69.34, max = 79.62 },
  { label = "MANDIRI", above = 79.62 },
]
"#;
    let json = check(&clean(), gap);
    // A profile not in use is validated but does not judge: no finding yet.
    assert_eq!(loud(&json), vec![]);
    let dir = Dir::new();
    config_2025(&dir, gap);
    let path = dir.path().join("config.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("profile = \"kemendesa-2024\"", "profile = \"kantor\"");
    std::fs::write(&path, text).unwrap();
    write(&dir, &clean());
    let (json, _) = dir.check_json(&[]);
    let cfg: Vec<(String, String, String)> = loud(&json)
        .into_iter()
        .filter(|f| f.0.starts_with("CFG"))
        .collect();
    assert_eq!(cfg, vec![t("CFG001", "", "indeks_desa.bands")], "{json}");
    let f = util::finding(&json, "CFG001", "indeks_desa.bands");
    assert!(f["message"].as_str().unwrap().contains("49.48"), "{f}");
}

/// The total as a live formula from the dimensions, the status from the bands and
/// the summary count in the corrected workbook.
#[test]
fn corrected_workbooks_fix_what_a_rule_can() {
    let mut b = clean();
    b.villages[4][11] = N(70.11);
    b.villages[3][12] = S("MANDIRI");
    b.summary[3][1] = N(3.0);
    let dir = Dir::new();
    config_2025(&dir, "");
    write(&dir, &b);
    let out = dir.run(&["fix", "-o", "output"]);
    // Exit 1: errors were found (and corrected).
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fixed = dir.path().join("output/Indeks Desa 2025.koreksi.xlsx");
    use calamine::{open_workbook_auto, Data, DataType, Reader};
    let mut wb = open_workbook_auto(&fixed).unwrap();
    let formulas = wb.worksheet_formula("Indeks Desa").unwrap();
    let values = wb.worksheet_range("Indeks Desa").unwrap();
    let formula = |r: u32, c: u32| formulas.get_value((r, c)).cloned().unwrap_or_default();
    assert_eq!(formula(4, 11), "ROUND((F5+G5+H5+I5+J5+K5)/635*100,2)");
    assert_eq!(
        values.get_value((4, 11)).and_then(|v| v.as_f64()),
        Some(72.0)
    );
    assert_eq!(
        values.get_value((3, 12)),
        Some(&Data::String("MAJU".into()))
    );
    let rekap = wb.worksheet_range("Rekap").unwrap();
    assert_eq!(rekap.get_value((3, 1)).and_then(|v| v.as_f64()), Some(2.0));
    // LibreOffice, recalculating on load, gets every value kinerja cached.
    use crate::fixing::{formula_cells, recalculated, recalculating_profile};
    let ours = formula_cells(&fixed);
    assert!(
        ours.iter()
            .any(|(s, r, c, _)| s == "Indeks Desa" && (*r, *c) == (4, 11)),
        "{ours:?}"
    );
    let profile = recalculating_profile();
    let recalc = tempfile::tempdir().unwrap();
    let theirs = formula_cells(&recalculated(&fixed, profile.path(), recalc.path()));
    assert_eq!(ours.len(), theirs.len());
    for (a, b) in ours.iter().zip(&theirs) {
        let (x, y) = (a.3.get_float().unwrap(), b.3.get_float().unwrap());
        assert!((x - y).abs() < 1e-9, "{a:?} {b:?}");
    }
    // The corrected copy checks clean.
    std::fs::remove_file(dir.input("Indeks Desa 2025.xlsx")).unwrap();
    std::fs::copy(&fixed, dir.input("Indeks Desa 2025.xlsx")).unwrap();
    assert_eq!(loud(&dir.check_json(&[]).0), vec![]);
}

/// `total = "none"`: no derivation is checked, so a total off the points sum is
/// no finding and the corrected workbook writes no formula for it.
#[test]
fn total_none_checks_no_derivation() {
    let mut b = clean();
    // 72 by the points sum; 70.11 is still MAJU.
    b.villages[4][11] = N(70.11);
    assert_eq!(loud(&check(&b, "")), vec![t("SUM001", "Indeks Desa", "L5")]);
    let dir = Dir::new();
    config_2025(&dir, "");
    let path = dir.path().join("config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("total = \"points\""));
    std::fs::write(
        &path,
        text.replace("total = \"points\"", "total = \"none\""),
    )
    .unwrap();
    write(&dir, &b);
    let json = dir.check_json(&[]).0;
    assert_eq!(loud(&json), vec![]);
    assert!(
        !json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "SUM001"),
        "{json}"
    );
}

/// The second sample runs end to end: corrected workbooks and the PDF, whose text
/// speaks of the Indeks Desa.
#[test]
fn the_second_sample_runs_end_to_end() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let sample = util::repo().join("examples/indeks-desa-2025");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["run", "-c"])
        .arg(sample.join("config.toml"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.code().is_some(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for f in [
        "Indeks Desa 2025.koreksi.xlsx",
        "Capaian Kinerja 2025.koreksi.xlsx",
        "temuan.json",
        "LKjIP-2025.pdf",
    ] {
        assert!(
            out.join(f).exists(),
            "{f} missing: {}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    let text = crate::util::pdf_words(&out.join("LKjIP-2025.pdf"));
    for s in [
        "Klasifikasi Status Desa Berdasarkan Indeks Desa",
        "Status Desa Berdasarkan Indeks Desa Kabupaten Way Kanan 2024/2025",
        "Jumlah Kampung per Status Indeks Desa",
        "Lampiran 2. Data Indeks Desa 2025",
        "alat hitung Indeks Desa",
    ] {
        assert!(text.contains(s), "{s:?} not in the report");
    }
    assert!(
        !text.contains("Berdasarkan IDM"),
        "the report names the IDM"
    );
    // The village list of the sample: no error, no warning.
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("temuan.json")).unwrap()).unwrap();
    let ours: Vec<&Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"] == "Indeks Desa 2025.xlsx" && f["severity"] != "info")
        .collect();
    assert_eq!(ours, Vec::<&Value>::new());
    let kinds: Vec<String> = json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["file"] == "Indeks Desa 2025.xlsx")
        .map(|t| {
            format!(
                "{} {}",
                t["kind"].as_str().unwrap(),
                t["range"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            "indeks_desa A4:M225",
            "indeks_desa A4:U225",
            "indeks_desa_rekap A4:E11"
        ]
    );
}

/// A summary whose header names no index counts the Indeks Desa villages of the
/// input: listed as `indeks_desa_rekap` and checked against them.
#[test]
fn a_summary_with_a_plain_header_takes_the_index_of_the_villages() {
    let mut b = clean();
    b.summary[0][0] = MergeDown("STATUS DESA", 2);
    b.summary[4][1] = N(1.0);
    let json = check(&b, "");
    let kinds: Vec<String> = util::tables(&json).into_iter().map(|t| t.0).collect();
    assert_eq!(kinds, vec!["indeks_desa", "indeks_desa_rekap"]);
    assert_eq!(loud(&json), vec![t("SUM002", "Rekap", "B5")]);
    assert_eq!(util::finding(&json, "SUM002", "B5")["expected"], "3");
}
