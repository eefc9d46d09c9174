//! The Evaluasi Renja form on its own: the office's extra columns, no code
//! column, names that say their level; its Tabel 3.4 in the report, and its
//! corrected workbook recalculated by LibreOffice.

use crate::fixing::{formula_cells, recalculated, recalculating_profile};
use crate::util::{sheet, xlsx, Dir, W::*};
use calamine::Data;

/// Columns: A Visi, B Misi (the office's own, unnumbered), C No, D Uraian,
/// E Indikator, then groups 6–15 as K | Rp from F. Rows from sheet row 6: a
/// program, a kegiatan, two sub kegiatan. `typed_total` types the first sub
/// kegiatan's column 13 Rp as 0 beside quarters that add up to 35.
fn form(dir: &Dir, typed_total: bool) {
    let col = |group: u32, rp: bool| 5 + (group - 6) * 2 + u32::from(rp);
    let a1 = |row: u32, c: u32| kinerja::cell::CellRef::new(row, c).to_string();
    let mut header = vec![
        MergeDown("Visi", 2),
        MergeDown("Misi", 2),
        MergeDown("No", 2),
    ];
    header.push(MergeDown("Urusan/Bidang Urusan dan Program/Kegiatan", 2));
    header.push(MergeDown(
        "Indikator Kinerja Program (outcome)/ Kegiatan (output)",
        2,
    ));
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
        header.push(Merge(t, 2));
        header.push(E);
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
    let mut spec = sheet("Realisasi TW IV")
        .at(
            0,
            0,
            vec![S("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH")],
        )
        .at(3, 0, header)
        .at(4, 0, sub)
        .at(5, 0, numbering);
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
        cells.push(F(
            format!("={}+{}", a1(row, col(7, true)), a1(row, col(13, true))),
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
    xlsx(&dir.input("renja.xlsx"), vec![spec]);
}

/// The errors and warnings of a check here: (code, cell).
fn loud(dir: &Dir) -> Vec<(String, String)> {
    let (json, _) = dir.check_json(&[]);
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| {
            (
                f["code"].as_str().unwrap().into(),
                f["cell"].as_str().unwrap().into(),
            )
        })
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
    let out = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
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
    let again = Dir::new();
    std::fs::copy(&path, again.input("renja.xlsx")).unwrap();
    assert_eq!(loud(&again), Vec::new(), "the corrected form checks clean");
    let profile = recalculating_profile();
    let out = tempfile::tempdir().unwrap();
    let theirs = formula_cells(&recalculated(&path, profile.path(), out.path()));
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
