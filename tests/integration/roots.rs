//! Root causes in the budget sum rules: one wrong kegiatan figure is reported
//! once, at its cell, with the totals and percentages that follow from it in
//! `related`; nothing else is loud.

use crate::util::{sheet, xlsx, Dir, W, W::*};
use serde_json::Value;

/// A Tabel 3.4 with two programs, their subtotal rows and a JUMLAH row; the %
/// typed. `formulas`: subtotals and JUMLAH are SUM formulas with cached values
/// (computed from the figures as written); `jumlah_formula`: the JUMLAH too.
/// `realisasi`: kegiatan 2.1's realisasi (262.295.800 is right).
fn tabel(dir: &Dir, realisasi: f64, formulas: bool, jumlah_formula: bool) {
    let k = [
        (
            3u32,
            "1.1",
            "Fasilitas Kerjasama Antar Desa",
            44342000.0,
            41615400.0,
            94.0,
        ),
        (
            5,
            "2.1",
            "Fasilitasi Penyelenggaraan Administrasi Pemerintahan Desa",
            275709600.0,
            realisasi,
            95.0,
        ),
        (
            6,
            "2.2",
            "Fasilitasi Penyusunan Perencanaan Pembangunan Desa",
            74540400.0,
            62982800.0,
            84.0,
        ),
    ];
    let money = |v: f64, f: String| if formulas { F(f, v) } else { N(v) };
    let row = |no: &'static str, name: &'static str, p: W, r: W, pct: f64| {
        vec![S(no), S(name), p, r, N(pct)]
    };
    let mut s = sheet("Tabel 3.4").at(
        0,
        0,
        vec![
            S("NO"),
            S("URAIAN"),
            S("PAGU"),
            S("REALISASI"),
            S("PERSENTASE"),
        ],
    );
    for (r, no, name, p, re, pct) in k {
        s = s.at(r - 1, 0, row(no, name, N(p), N(re), pct));
    }
    let p1 = (44342000.0, 41615400.0);
    let p2 = (275709600.0 + 74540400.0, realisasi + 62982800.0);
    s = s.at(
        1,
        0,
        row(
            "1",
            "PROGRAM PENINGKATAN KERJASAMA DESA",
            money(p1.0, "=SUM(C3)".into()),
            money(p1.1, "=SUM(D3)".into()),
            94.0,
        ),
    );
    s = s.at(
        3,
        0,
        row(
            "2",
            "PROGRAM ADMINISTRASI PEMERINTAHAN DESA",
            N(350250000.0),
            money(
                if formulas { p2.1 } else { 325278600.0 },
                "=SUM(D5:D6)".into(),
            ),
            93.0,
        ),
    );
    let total_r = if jumlah_formula {
        p1.1 + p2.1
    } else {
        366894000.0
    };
    let total = |v: f64, f: &str| if jumlah_formula { F(f.into(), v) } else { N(v) };
    s = s.at(
        6,
        0,
        vec![
            E,
            S("JUMLAH"),
            total(p1.0 + p2.0, "=C2+C4"),
            total(total_r, "=D2+D4"),
            N(93.0),
        ],
    );
    xlsx(&dir.input("realisasi.xlsx"), vec![s]);
}

/// (code, cell, related cells) of every error and warning.
fn loud(json: &Value) -> Vec<(String, String, Vec<String>)> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["cell"].as_str().unwrap().to_string(),
                f["related"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["cell"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

fn related(json: &Value, code: &str, cell: &str) -> Vec<String> {
    crate::util::finding(json, code, cell)["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["cell"].as_str().unwrap().to_string())
        .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Controls: the right figure, typed or with formulas, gives nothing loud.
#[test]
fn the_right_figure_gives_nothing() {
    for (formulas, jumlah) in [(false, false), (true, false), (true, true)] {
        let dir = Dir::new();
        tabel(&dir, 262295800.0, formulas, jumlah);
        let (json, _) = dir.check_json(&[]);
        assert_eq!(loud(&json), vec![], "{formulas} {jumlah}");
    }
}

/// Typed subtotal and JUMLAH: the wrong kegiatan realisasi is the one finding,
/// pinned by the program's subtotal and confirmed by its own %; the subtotal's
/// broken sum and the kegiatan's % are its echoes, not findings of their own.
#[test]
fn a_wrong_kegiatan_under_typed_totals_is_one_root() {
    let dir = Dir::new();
    tabel(&dir, 250000000.0, false, false);
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        loud(&json),
        vec![("SUM010".into(), "D5".into(), strings(&["D4", "E5"]))]
    );
    let f = crate::util::finding(&json, "SUM010", "D5");
    assert_eq!(f["found"], "250000000");
    assert_eq!(f["expected"], "262295800");
    assert_eq!(f["fix"], "suggested");
    let message = f["message"].as_str().unwrap();
    assert!(
        message.contains("2 sel lain salah hanya karena sel ini (D4, E5)"),
        "{message}"
    );
    // Fixed, the table checks clean.
    dir.run(&["fix"]);
    let again = Dir::new();
    std::fs::copy(
        dir.path().join("output/realisasi.koreksi.xlsx"),
        again.input("realisasi.xlsx"),
    )
    .unwrap();
    let (json, _) = again.check_json(&[]);
    assert_eq!(loud(&json), vec![]);
}

/// Subtotals and JUMLAH as formulas that follow the wrong figure: no sum breaks,
/// three percentages disagree. The root is the kegiatan realisasi; the formulas
/// and percentages above it are its echoes. Only the range the percentages allow
/// is known, so there is no fix.
#[test]
fn a_wrong_kegiatan_under_formulas_is_one_root() {
    let dir = Dir::new();
    tabel(&dir, 250000000.0, true, true);
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        loud(&json),
        vec![(
            "PCT010".into(),
            "D5".into(),
            strings(&["D4", "E4", "E5", "D7", "E7"])
        )]
    );
    let f = crate::util::finding(&json, "PCT010", "D5");
    assert_eq!(f["expected"], Value::Null);
    assert_eq!(f["fix"], "none");
    let message = f["message"].as_str().unwrap();
    assert!(
        message.contains("hanya cocok dengan nilai antara 260.998.450 dan 263.302.668")
            && message.contains("5 sel lain salah hanya karena sel ini (D4, E4, E5, D7, E7)"),
        "{message}"
    );
}

/// The subtotal a formula, the JUMLAH typed: the JUMLAH pins the figure; the
/// subtotal's formula keeps its formula with the value it comes to.
#[test]
fn a_wrong_kegiatan_under_a_formula_subtotal_and_a_typed_total() {
    let dir = Dir::new();
    tabel(&dir, 250000000.0, true, false);
    let (json, _) = dir.check_json(&[]);
    assert_eq!(
        loud(&json),
        vec![(
            "SUM011".into(),
            "D5".into(),
            strings(&["D4", "E4", "E5", "D7"])
        )]
    );
    let f = crate::util::finding(&json, "SUM011", "D5");
    assert_eq!(f["expected"], "262295800");
    assert_eq!(
        related(&json, "SUM011", "D5"),
        strings(&["D4", "E4", "E5", "D7"])
    );
    dir.run(&["fix"]);
    let path = dir.path().join("output/realisasi.koreksi.xlsx");
    let formulas = crate::fixing::formula_cells(&path);
    let d4 = formulas
        .iter()
        .find(|c| (c.1, c.2) == (3, 3))
        .expect("D4 keeps its formula");
    assert_eq!(d4.3, calamine::Data::Float(325278600.0));
    let again = Dir::new();
    std::fs::copy(&path, again.input("realisasi.xlsx")).unwrap();
    let (json, _) = again.check_json(&[]);
    assert_eq!(loud(&json), vec![]);
}
