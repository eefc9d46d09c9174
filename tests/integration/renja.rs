//! The Evaluasi Renja form on its own: the office's extra columns, no code
//! column, names that say their level; its Tabel 3.4 in the report, and its
//! corrected workbook recalculated by LibreOffice.

use crate::fixing::{formula_cells, recalculated, recalculating_profile};
use crate::util::{sheet, xlsx, Dir, SheetSpec, W::*};
use calamine::Data;
use std::path::Path;

/// Columns: A Visi, B Misi (the office's own, unnumbered), C No, D Uraian,
/// E Indikator, then groups 6–15 as K | Rp from F. Rows from sheet row 6: a
/// program, a kegiatan, two sub kegiatan. `typed_total` types the first sub
/// kegiatan's column 13 Rp as 0 beside quarters that add up to 35.
fn form(dir: &Dir, typed_total: bool) {
    xlsx(
        &dir.input("renja.xlsx"),
        vec![spec("Realisasi TW IV", typed_total, false, false)],
    );
}

/// The form's sheet. `wrong_column`: the first sub kegiatan's column 14 Rp formula
/// names column 13's K instead of its Rp. `tall`: a three-row header (title rows,
/// `Realisasi Kinerja pada Triwulan` over I–IV over `K | Rp.`, the numbering row).
fn spec(name: &'static str, typed_total: bool, wrong_column: bool, tall: bool) -> SheetSpec {
    let col = |group: u32, rp: bool| 5 + (group - 6) * 2 + u32::from(rp);
    let a1 = |row: u32, c: u32| kinerja::cell::CellRef::new(row, c).to_string();
    let h = if tall { 3 } else { 2 };
    let mut header = vec![
        MergeDown("Visi", h),
        MergeDown("Misi", h),
        MergeDown("No", h),
    ];
    header.push(MergeDown("Urusan/Bidang Urusan dan Program/Kegiatan", h));
    header.push(MergeDown(
        "Indikator Kinerja Program (outcome)/ Kegiatan (output)",
        h,
    ));
    // The three-row header: quarters under one group cell, the others two rows tall.
    let mut middle = vec![E; 5];
    let titles = [
        "Target Renstra PD pada Tahun 2026",
        "Realisasi Capaian Kinerja Renstra PD s/d Renja PD Tahun Lalu",
        "Target Kinerja dan Anggaran Renja PD Tahun Berjalan",
        "Triwulan I",
        "Triwulan II",
        "Triwulan III",
        "Triwulan IV",
        "Realisasi Kinerja dan Anggaran Renja PD yang Dievaluasi",
        "Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun Berjalan",
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra (%)",
    ];
    let mut sub = vec![E; 5];
    let mut numbering = vec![E, E, S("1"), S("4"), S("5")];
    for (i, t) in titles.iter().enumerate() {
        let quarter = (3..=6).contains(&i);
        if !tall {
            header.push(Merge(t, 2));
            header.push(E);
        } else if quarter {
            if i == 3 {
                header.push(Merge("Realisasi Kinerja Pada Triwulan", 8));
                header.extend(vec![E; 7]);
            }
            middle.push(Merge(["I", "II", "III", "IV"][i - 3], 2));
            middle.push(E);
        } else {
            header.push(Block(t, 2, 2));
            header.push(E);
            middle.extend([E, E]);
        }
        sub.extend([S("K"), S("Rp.")]);
        numbering.push(T(match i + 6 {
            13 => "13=9+10+11+12".into(),
            14 => "14=7+13".into(),
            15 => "15=14/6x100".into(),
            n => n.to_string(),
        }));
        numbering.push(E);
    }
    // (row, name, leaf money [6, 7, 8, 9..12]) and children.
    let leaves: [(u32, &str, [f64; 7]); 2] = [
        (
            8,
            "Sub Kegiatan Penyusunan Dokumen Perencanaan",
            [200.0, 100.0, 50.0, 10.0, 10.0, 10.0, 5.0],
        ),
        (
            9,
            "Sub Kegiatan Evaluasi Kinerja",
            [300.0, 120.0, 60.0, 15.0, 15.0, 15.0, 15.0],
        ),
    ];
    let mut spec = sheet(name).at(
        0,
        0,
        vec![S("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH")],
    );
    spec = if tall {
        spec.at(2, 0, header).at(3, 0, middle)
    } else {
        spec.at(3, 0, header)
    };
    spec = spec.at(4, 0, sub).at(5, 0, numbering);
    let mut value = std::collections::HashMap::new();
    for (row, _, money) in leaves {
        for (i, m) in money.iter().enumerate() {
            value.insert((row, col(6 + i as u32, true)), *m);
        }
    }
    let parents: [(u32, &str, Vec<u32>); 2] = [
        (6, "Program Pemberdayaan Lembaga Kemasyarakatan", vec![7]),
        (7, "Kegiatan Fasilitasi Kerja Sama Antar Desa", vec![8, 9]),
    ];
    for (row, _, children) in parents.iter().rev() {
        for g in 6..=12 {
            let v: f64 = children.iter().map(|c| value[&(*c, col(g, true))]).sum();
            value.insert((*row, col(g, true)), v);
        }
    }
    let rows: Vec<u32> = vec![6, 7, 8, 9];
    for row in rows {
        let name = parents
            .iter()
            .find(|p| p.0 == row)
            .map(|p| p.1)
            .or(leaves.iter().find(|l| l.0 == row).map(|l| l.1))
            .unwrap();
        let mut cells = vec![
            S("Misi 1"),
            E,
            T((row - 5).to_string()),
            S(name),
            S("Dokumen tersusun"),
        ];
        let children = parents.iter().find(|p| p.0 == row).map(|p| p.2.clone());
        for g in 6..=12 {
            cells.push(N(25.0));
            let v = value[&(row, col(g, true))];
            cells.push(match &children {
                Some(ch) => F(
                    format!(
                        "={}",
                        ch.iter()
                            .map(|c| a1(*c, col(g, true)))
                            .collect::<Vec<_>>()
                            .join("+")
                    ),
                    v,
                ),
                None => N(v),
            });
        }
        let quarters = |rp: bool| {
            (9..=12)
                .map(|g| a1(row, col(g, rp)))
                .collect::<Vec<_>>()
                .join("+")
        };
        let v13: f64 = (9..=12).map(|g| value[&(row, col(g, true))]).sum();
        let typed = typed_total && row == 8;
        cells.push(F(format!("={}", quarters(false)), 100.0));
        cells.push(if typed {
            N(0.0)
        } else {
            F(format!("={}", quarters(true)), v13)
        });
        let v13 = if typed { 0.0 } else { v13 };
        let v14 = value[&(row, col(7, true))] + v13;
        cells.push(F(
            format!("={}+{}", a1(row, col(7, false)), a1(row, col(13, false))),
            125.0,
        ));
        let (c13, v14) = if wrong_column && row == 8 {
            (col(13, false), value[&(row, col(7, true))] + 100.0)
        } else {
            (col(13, true), v14)
        };
        cells.push(F(
            format!("={}+{}", a1(row, col(7, true)), a1(row, c13)),
            v14,
        ));
        let k15 = 125.0 / 25.0 * 100.0;
        cells.push(F(
            format!(
                "={}/{}*100",
                a1(row, col(14, false)),
                a1(row, col(6, false))
            ),
            k15,
        ));
        let v15 = v14 / value[&(row, col(6, true))] * 100.0;
        cells.push(F(
            format!("={}/{}*100", a1(row, col(14, true)), a1(row, col(6, true))),
            v15,
        ));
        spec = spec.at(row, 0, cells);
    }
    spec
}

/// The errors and warnings of a check here: (code, cell).
fn loud(dir: &Dir) -> Vec<(String, String)> {
    let (json, _) = dir.check_json(&[]);
    crate::util::loud(&json)
        .into_iter()
        .map(|(code, _, cell)| (code, cell))
        .collect()
}

/// Guards item 6 of the form's issue: with no budget realisation table, Tabel
/// 3.4 comes from the form (pagu column 8 Rp, realisasi column 13 Rp).
#[test]
fn a_form_alone_gives_the_reports_tabel_3_4() {
    let dir = Dir::new();
    form(&dir, false);
    let loud = loud(&dir);
    assert_eq!(loud, Vec::new(), "a clean form has no error or warning");
    dir.run(&["report"]);
    let pdf = dir.path().join("output/LKjIP-2023.pdf");
    let text = crate::util::pdf_words(&pdf);
    assert!(
        text.contains("Kegiatan Fasilitasi Kerja Sama Antar Desa 110 95 86,36"),
        "{text}"
    );
    assert!(
        text.contains("Sumber: Evaluasi Hasil Renja, renja.xlsx lembar Realisasi TW IV"),
        "{text}"
    );
}

/// Guards the corrected form: the typed total becomes its formula, the cells that
/// follow get their values, and LibreOffice computes every formula alike.
#[test]
fn libreoffice_agrees_with_the_corrected_form() {
    let dir = Dir::new();
    form(&dir, true);
    assert_eq!(loud(&dir), [("ARI001".to_string(), "U9".to_string())]);
    dir.run(&["fix"]);
    let path = dir.path().join("output/renja.koreksi.xlsx");
    let ours = formula_cells(&path);
    let u9 = ours
        .iter()
        .find(|c| (c.1, c.2) == (8, 20))
        .expect("U9 holds a formula");
    assert!(
        matches!(u9.3, Data::Float(v) if v == 35.0) || u9.3 == Data::Int(35),
        "{u9:?}"
    );
    clean_and_recalculated_alike(&path, &ours);
}

/// Guards the formulas of OpenDocument and LibreOffice-saved workbooks: the form
/// saved by LibreOffice as .ods and as .xlsx gives the same one root.
#[test]
fn a_form_saved_by_libreoffice_keeps_its_formulas() {
    for to in ["ods", "xlsx"] {
        let dir = Dir::new();
        form(&dir, true);
        let original = dir.input("renja.xlsx");
        let made = tempfile::tempdir().unwrap();
        let converted = crate::util::convert(&original, to, made.path());
        std::fs::remove_file(&original).unwrap();
        std::fs::copy(&converted, dir.input(&format!("renja-lo.{to}"))).unwrap();
        assert_eq!(
            loud(&dir),
            [("ARI001".to_string(), "U9".to_string())],
            "{to}"
        );
    }
}

/// Every formula of a workbook: (sheet, row, col) → its text.
fn formula_texts(path: &std::path::Path) -> std::collections::BTreeMap<(String, u32, u32), String> {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(path).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for name in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&name).unwrap();
        let Some((r0, c0)) = formulas.start() else {
            continue;
        };
        for (r, c, f) in formulas.used_cells() {
            if !f.is_empty() {
                out.insert((name.clone(), r0 + r as u32, c0 + c as u32), f.clone());
            }
        }
    }
    out
}

/// Guards item 7 of the form's issue: a formula naming the wrong column becomes
/// the formula the stated arithmetic gives, with its cached value; every other
/// formula of the input is still that formula in the corrected workbook; the
/// cells that follow get their values; LibreOffice computes every formula alike.
#[test]
fn a_wrong_formula_is_rewritten_and_the_others_survive() {
    let dir = Dir::new();
    xlsx(
        &dir.input("renja.xlsx"),
        vec![spec("Realisasi TW IV", false, true, false)],
    );
    let (json, _) = dir.check_json(&[]);
    assert_eq!(loud(&dir), [("FML001".to_string(), "W9".to_string())]);
    let f = crate::util::finding(&json, "FML001", "W9");
    assert_eq!(f["expected"], "=I9+U9 (135)");
    let related: Vec<&str> = f["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["cell"].as_str().unwrap())
        .collect();
    assert_eq!(related, ["Y9"]);
    let before = formula_texts(&dir.input("renja.xlsx"));
    dir.run(&["fix"]);
    let path = dir.path().join("output/renja.koreksi.xlsx");
    let after = formula_texts(&path);
    let w9 = ("Realisasi TW IV".to_string(), 8, 22);
    assert_eq!(after[&w9], "I9+U9");
    for (at, text) in &before {
        if *at != w9 {
            assert_eq!(after.get(at), Some(text), "{at:?} stays a formula");
        }
    }
    assert_eq!(after.len(), before.len(), "{after:?}");
    let ours = formula_cells(&path);
    let value = |row: u32, col: u32| {
        ours.iter()
            .find(|c| (c.1, c.2) == (row, col))
            .map(|c| c.3.clone())
            .unwrap()
    };
    assert_eq!(value(8, 22), Data::Float(135.0));
    assert_eq!(value(8, 24), Data::Float(67.5));
    clean_and_recalculated_alike(&path, &ours);
}

/// Guards the three-row header and the quarter sheets: title rows, the quarters
/// under one `Realisasi Kinerja Pada Triwulan` cell over I–IV over `K | Rp.`, the
/// numbering row; four sheets TW I … TW IV out of order, one with a typed total.
/// Each is read and checked, the report's Tabel 3.4 comes from TW IV; the same
/// workbook saved by LibreOffice as .ods gives the same.
#[test]
fn a_three_row_header_in_four_quarter_sheets() {
    let made = tempfile::tempdir().unwrap();
    let original = made.path().join("renja.xlsx");
    xlsx(
        &original,
        vec![
            spec("TW II", true, false, true),
            spec("TW IV", false, false, true),
            spec("TW I", false, false, true),
            spec("TW III", false, false, true),
        ],
    );
    let ods = crate::util::convert(&original, "ods", made.path());
    for file in [&original, &ods] {
        let dir = Dir::new();
        let name = file.file_name().unwrap().to_str().unwrap();
        std::fs::copy(file, dir.input(name)).unwrap();
        let (json, _) = dir.check_json(&[]);
        let tables: Vec<(String, String)> = crate::util::tables(&json)
            .into_iter()
            .map(|t| (t.0, t.2))
            .collect();
        assert_eq!(tables.len(), 4, "{name}: {tables:?}");
        let loud: Vec<(String, String)> = crate::util::loud(&json)
            .into_iter()
            .map(|(_, sheet, cell)| (sheet, cell))
            .collect();
        assert_eq!(loud, [("TW II".to_string(), "U9".to_string())], "{name}");
        dir.run(&["report"]);
        let text = crate::util::pdf_words(&dir.path().join("output/LKjIP-2023.pdf"));
        assert!(
            text.contains("Kegiatan Fasilitasi Kerja Sama Antar Desa 110 95 86,36"),
            "{name}: {text}"
        );
        assert!(
            text.contains(&format!(
                "Sumber: Evaluasi Hasil Renja, {name} lembar TW IV"
            )),
            "{name}: {text}"
        );
    }
}

/// The corrected form at `path` checks clean, and LibreOffice, recalculating it,
/// gives every formula cell the value kinerja cached (`ours`).
fn clean_and_recalculated_alike(path: &Path, ours: &[(String, u32, u32, Data)]) {
    let again = Dir::new();
    std::fs::copy(path, again.input("renja.xlsx")).unwrap();
    assert_eq!(loud(&again), Vec::new(), "the corrected form checks clean");
    let profile = recalculating_profile();
    let out = tempfile::tempdir().unwrap();
    let theirs = formula_cells(&recalculated(path, profile.path(), out.path()));
    assert_eq!(ours.len(), theirs.len());
    let num = |d: &Data| match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        _ => f64::NAN,
    };
    for (a, b) in ours.iter().zip(&theirs) {
        assert!(
            (num(&a.3) - num(&b.3)).abs() <= 1e-9 * num(&a.3).abs().max(1.0),
            "{a:?} {b:?}"
        );
    }
}
