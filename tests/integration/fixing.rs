//! Corrected workbooks: fixes applied, highlighted and explained; inputs untouched;
//! outputs deterministic and idempotent; LibreOffice agrees with every formula.

use crate::util::{self, sheet, xlsx, Dir, W::*};
use calamine::{open_workbook_auto, Data, Reader};
use std::path::Path;

fn text_numbers_workbook(dir: &Dir) {
    let s = sheet("Pembiayaan")
        .at(0, 0, vec![S("Tabel. I")])
        .at(
            2,
            0,
            vec![S("NO"), S("URAIAN"), S("JUMLAH"), S("KETERANGAN")],
        )
        .at(
            3,
            0,
            vec![S("I"), S("Belanja Daerah"), S("Rp. 6.796.834.585,-")],
        )
        .at(
            4,
            0,
            vec![
                S("1."),
                S("Belanja Tidak Langsung"),
                S("Rp. 2.015.561.700,-"),
            ],
        )
        .at(
            5,
            0,
            vec![S("2."), S("Belanja Langsung"), S("Rp. 4.781.272.885,-")],
        );
    xlsx(&dir.input("profil.xlsx"), vec![s]);
}

fn cell(path: &Path, sheet: &str, a1: &str) -> Data {
    let mut wb = open_workbook_auto(path).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    let at = kinerja::cell::CellRef::parse(a1).unwrap();
    range
        .get_value((at.row, at.col))
        .cloned()
        .unwrap_or(Data::Empty)
}

fn sha(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// Guards the basic promise: text numbers become numbers, the Temuan sheet comes
/// first, and the input file is byte-for-byte unchanged.
#[test]
fn fix_writes_a_corrected_copy_and_leaves_the_input_alone() {
    let dir = Dir::new();
    text_numbers_workbook(&dir);
    let before = sha(&dir.input("profil.xlsx"));
    let out = dir.run(&["fix"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        sha(&dir.input("profil.xlsx")),
        before,
        "the input was modified"
    );
    let corrected = dir.path().join("output/profil.koreksi.xlsx");
    assert_eq!(
        cell(&corrected, "Pembiayaan", "C4"),
        Data::Float(6796834585.0)
    );
    assert_eq!(
        cell(&corrected, "Pembiayaan", "C6"),
        Data::Float(4781272885.0)
    );
    assert_eq!(
        cell(&corrected, "Pembiayaan", "B4"),
        Data::String("Belanja Daerah".into())
    );
    let wb = open_workbook_auto(&corrected).unwrap();
    assert_eq!(
        wb.sheet_names(),
        vec!["Temuan".to_string(), "Pembiayaan".to_string()]
    );
    let temuan: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("output/temuan.json")).unwrap())
            .unwrap();
    let f = crate::util::finding(&temuan, "NUM003", "C4");
    assert_eq!(f["fix"], "applied");
    assert!(!dir.input("").join("profil.koreksi.xlsx").exists());
}

/// Guards idempotence: checking the corrected copy finds none of the fixed
/// findings, and fixing it again changes nothing.
#[test]
fn fixing_is_idempotent() {
    let dir = Dir::new();
    text_numbers_workbook(&dir);
    assert_eq!(dir.run(&["fix"]).status.code(), Some(0));
    let again = Dir::new();
    std::fs::copy(
        dir.path().join("output/profil.koreksi.xlsx"),
        again.input("profil.koreksi.xlsx"),
    )
    .unwrap();
    let (json, code) = again.check_json(&[]);
    assert_eq!(code, 0);
    let fixable: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["fix"] != "none")
        .collect();
    assert!(fixable.is_empty(), "{fixable:?}");
    let out = again.run(&["fix", "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("(0 cells corrected"), "{stderr}");
}

/// Guards determinism: the same inputs give byte-identical outputs.
#[test]
fn the_same_inputs_give_the_same_bytes() {
    let dir = Dir::new();
    text_numbers_workbook(&dir);
    dir.run(&["fix", "-o", "a"]);
    dir.run(&["fix", "-o", "b"]);
    for name in ["profil.koreksi.xlsx", "temuan.json"] {
        assert_eq!(
            sha(&dir.path().join("a").join(name)),
            sha(&dir.path().join("b").join(name)),
            "{name}"
        );
    }
}

#[test]
fn an_output_folder_inside_the_input_is_refused() {
    let dir = Dir::new();
    text_numbers_workbook(&dir);
    let out = dir.run(&["fix", "-o", "input/hasil", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: output input/hasil: is (inside) the input folder"),
        "{stderr}"
    );
    assert!(!dir.path().join("input/hasil").exists());
}

/// A workbook named alone may write to a folder beside it (the office's own
/// folder holds both), never into the folder the workbook itself is in.
#[test]
fn a_workbook_named_alone_writes_beside_it_never_into_its_folder() {
    let dir = Dir::new();
    text_numbers_workbook(&dir);
    let beside = dir.run(&["fix", "-q", "input/profil.xlsx", "-o", "input/hasil"]);
    assert_eq!(beside.status.code(), Some(0), "{beside:?}");
    assert!(dir.path().join("input/hasil/profil.koreksi.xlsx").is_file());
    let into = dir.run(&[
        "fix",
        "-q",
        "input/profil.xlsx",
        "-o",
        "input",
        "--lang",
        "en",
    ]);
    assert_eq!(into.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&into.stderr);
    assert!(
        stderr.starts_with("error: output input: is (inside) the input folder input;"),
        "{stderr}"
    );
    let missing = dir.run(&["fix", "-q", "nothere.xlsx", "-o", "hasil", "--lang", "en"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(!dir.path().join("hasil").exists());
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("nothere.xlsx"), "{stderr}");
    assert!(!stderr.contains("input folder"), "{stderr}");
}

/// Guards "nothing lost": an output folder that cannot be created, or exists but
/// cannot be written, stops the run before any workbook is read, with the folder
/// named, in Indonesian, and exit code 2.
#[test]
fn an_output_folder_that_cannot_be_made_or_written_stops_the_run_first() {
    let dir = Dir::new();
    text_numbers_workbook(&dir);
    // A file stands where the folder should be.
    std::fs::write(dir.path().join("hasil"), b"not a folder").unwrap();
    for (out, says) in [
        (
            "hasil/lkjip",
            "galat: keluaran hasil/lkjip: folder tidak dapat dibuat (",
        ),
        // Exists, but not even root may create a file in it.
        (
            "/proc/self",
            "galat: keluaran /proc/self: folder tidak dapat ditulisi (",
        ),
    ] {
        for command in ["fix", "report", "run"] {
            let run = dir.run(&[command, "-o", out]);
            assert_eq!(run.status.code(), Some(2), "{command} -o {out}");
            let stderr = String::from_utf8_lossy(&run.stderr);
            assert!(stderr.starts_with(says), "{command} -o {out}: {stderr}");
            assert!(
                stderr.contains("\nsaran: pilih folder lain dengan -o"),
                "{stderr}"
            );
            // Before any work: no finding was printed, nothing was written.
            assert_eq!(stderr.lines().count(), 2, "{stderr}");
        }
    }
    assert_eq!(
        std::fs::read(dir.path().join("hasil")).unwrap(),
        b"not a folder"
    );
    assert!(!dir.path().join("output").exists());
}

/// A LibreOffice profile that recalculates every formula on load.
pub fn recalculating_profile() -> tempfile::TempDir {
    let profile = tempfile::tempdir().unwrap();
    let user = profile.path().join("user");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    profile
}

/// Opens `path` in LibreOffice with recalculation forced and saves it as xlsx.
pub fn recalculated(path: &Path, profile: &Path, out: &Path) -> std::path::PathBuf {
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "xlsx", "--outdir"])
        .arg(out)
        .arg(path)
        .output()
        .unwrap();
    assert!(status.status.success());
    out.join(path.file_name().unwrap())
}

/// Every formula of every sheet: (sheet, row, col, cached value).
pub fn formula_cells(path: &Path) -> Vec<(String, u32, u32, Data)> {
    let mut wb = open_workbook_auto(path).unwrap();
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&name).unwrap();
        let values = wb.worksheet_range(&name).unwrap();
        for (r, c, f) in formulas.used_cells() {
            if f.is_empty() {
                continue;
            }
            let (r0, c0) = formulas.start().unwrap();
            let at = (r0 + r as u32, c0 + c as u32);
            out.push((
                name.clone(),
                at.0,
                at.1,
                values.get_value(at).cloned().unwrap_or(Data::Empty),
            ));
        }
    }
    out
}

fn close(a: &Data, b: &Data) -> bool {
    match (a, b) {
        (Data::Float(x), Data::Float(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        (Data::Int(x), Data::Float(y)) | (Data::Float(y), Data::Int(x)) => {
            (*x as f64 - y).abs() < 1e-9
        }
        _ => a == b,
    }
}

/// Guards that the check above can fail: a formula cached with a wrong result is
/// recalculated by the profile.
#[test]
fn the_libreoffice_profile_really_recalculates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("salah.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_number(0, 0, 2.0).unwrap();
    ws.write_formula(0, 1, rust_xlsxwriter::Formula::new("=A1*2").set_result("5"))
        .unwrap();
    wb.save(&path).unwrap();
    let profile = recalculating_profile();
    let out = tempfile::tempdir().unwrap();
    let again = recalculated(&path, profile.path(), out.path());
    assert_eq!(formula_cells(&path)[0].3, Data::Float(5.0));
    assert_eq!(formula_cells(&again)[0].3, Data::Float(4.0));
}

/// Guards every formula kinerja writes: LibreOffice, recalculating on load, gets
/// the value kinerja cached, in every corrected workbook of the sample.
#[test]
fn libreoffice_agrees_with_every_formula_of_the_corrected_sample() {
    let dir = Dir::new().with_sample();
    dir.run(&["fix"]);
    let profile = recalculating_profile();
    let recalc_dir = tempfile::tempdir().unwrap();
    let mut formulas = 0;
    for e in std::fs::read_dir(dir.path().join("output"))
        .unwrap()
        .flatten()
    {
        let path = e.path();
        if !path.to_string_lossy().ends_with(".koreksi.xlsx") {
            continue;
        }
        let ours = formula_cells(&path);
        let theirs = formula_cells(&recalculated(&path, profile.path(), recalc_dir.path()));
        assert_eq!(ours.len(), theirs.len(), "{}", path.display());
        for (a, b) in ours.iter().zip(&theirs) {
            assert!(
                close(&a.3, &b.3),
                "{}: {}!{} kinerja {:?}, LibreOffice {:?}",
                path.display(),
                a.0,
                kinerja::cell::CellRef::new(a.1, a.2),
                a.3,
                b.3
            );
        }
        formulas += ours.len();
    }
    assert!(
        formulas > 0,
        "the corrected sample has no formula to compare"
    );
    let _ = util::repo();
}
