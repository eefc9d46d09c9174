//! The corrected workbook's `Temuan` sheet speaks the office's language and prints.

use crate::util::Dir;
use calamine::{open_workbook_auto, Data, Reader};
use std::io::Read;

/// Guards item 5 of the web-page issue: severities as `galat / peringatan / info`,
/// figures grouped the Indonesian way, the message column, and a print setup that
/// fits the width in landscape with the header row repeated.
#[test]
fn the_temuan_sheet_speaks_indonesian_and_prints_landscape_to_the_width() {
    let dir = Dir::new().with_sample();
    let out = dir.run(&["fix"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = dir
        .path()
        .join("output/Realisasi Anggaran 2023.koreksi.xlsx");
    let mut wb = open_workbook_auto(&path).unwrap();
    let sheet = wb.worksheet_range("Temuan").unwrap();
    let text = |r: usize, c: usize| match sheet.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        other => format!("{other:?}"),
    };
    let header: Vec<String> = (0..9).map(|c| text(7, c)).collect();
    assert_eq!(
        header,
        [
            "No",
            "Kode",
            "Tingkat",
            "Lembar",
            "Sel",
            "Pesan",
            "Tertulis",
            "Seharusnya",
            "Tindakan"
        ]
    );
    let row = |code: &str, cell: &str| -> Vec<String> {
        let r = (8..sheet.height())
            .find(|&r| text(r, 1) == code && text(r, 4) == cell)
            .unwrap_or_else(|| panic!("no {code} {cell}"));
        (1..9).map(|c| text(r, c)).collect()
    };
    let (check, _) = dir.check_json(&[]);
    let message = |code: &str, cell: &str| {
        crate::util::finding(&check, code, cell)["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(
        row("NUM001", "B25"),
        [
            "NUM001".to_string(),
            "galat".into(),
            "Tabel 3.4".into(),
            "B25".into(),
            message("NUM001", "B25"),
            "65.00.000".into(),
            "65.000.000".into(),
            "diperbaiki".into()
        ]
    );
    assert_eq!(row("NUM001", "C39")[6], "257.546.500");
    assert_eq!(row("NUM003", "D23")[1], "peringatan");
    assert_eq!(row("NUM003", "D23")[5], "100,00");
    assert_eq!(row("RNG012", "C19")[1], "info");
    assert_eq!(row("RNG012", "C19")[7], "perlu diputuskan");
    // The IDM's decimal expected value in Indonesian notation.
    let idm = dir.path().join("output/Data IDM 2023.koreksi.xlsx");
    let mut wb = open_workbook_auto(&idm).unwrap();
    let sheet = wb.worksheet_range("Temuan").unwrap();
    let e24 = (8..sheet.height())
        .find(|&r| sheet.get((r, 4)) == Some(&Data::String("E24".into())))
        .unwrap();
    assert_eq!(sheet.get((e24, 7)), Some(&Data::String("0,836".into())));
    // Print setup, as the file stores it: Temuan is the first sheet.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{xml:.600}");
    let setup = &xml[xml.find("<pageSetup").unwrap()..];
    let setup = &setup[..setup.find("/>").unwrap()];
    assert!(setup.contains("paperSize=\"9\""), "{setup}");
    assert!(setup.contains("orientation=\"landscape\""), "{setup}");
    assert!(setup.contains("fitToHeight=\"0\""), "{setup}");
    let mut book = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut book)
        .unwrap();
    assert!(
        book.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">Temuan!$8:$8</definedName>"),
        "{book}"
    );
}
