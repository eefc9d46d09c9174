//! Hostile and odd cells: error values, dates where money belongs, a huge cell, a
//! repeated header; and every hostile file at once under a 2 GiB address space.

use crate::util::{finding, sheet, xlsx, Dir, W::*};

fn odd_cells_workbook(path: &std::path::Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Tabel").unwrap();
    for (c, h) in [
        "PROGRAM/KEGIATAN",
        "PAGU ANGGARAN (Rp)",
        "REALISASI (Rp)",
        "%",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "Kegiatan dengan galat").unwrap();
    ws.write_number(1, 1, 1000.0).unwrap();
    ws.write_formula(
        1,
        2,
        rust_xlsxwriter::Formula::new("=#REF!").set_result("#REF!"),
    )
    .unwrap();
    ws.write_number(1, 3, 99.0).unwrap();
    ws.write_string(2, 0, "x".repeat(32_000)).unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2023, 12, 31).unwrap();
    ws.write_datetime_with_format(
        2,
        1,
        &date,
        &rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy"),
    )
    .unwrap();
    ws.write_number(2, 2, 500.0).unwrap();
    ws.write_string(2, 3, "seratus").unwrap();
    wb.save(path).unwrap();
}

/// Guards NUM002 on what offices paste into money columns.
#[test]
fn error_values_dates_and_words_in_numeric_columns() {
    let dir = Dir::new();
    odd_cells_workbook(&dir.input("aneh.xlsx"));
    let (json, code) = dir.check_json(&[]);
    assert_eq!(code, 1);
    assert_eq!(finding(&json, "NUM002", "C2")["found"], "#REF!");
    assert_eq!(finding(&json, "NUM002", "B3")["found"], "2023-12-31");
    assert_eq!(finding(&json, "NUM002", "D3")["found"], "seratus");
}

/// Guards a header that names a column twice: the first is used, nothing breaks.
#[test]
fn a_header_that_repeats_a_column() {
    let dir = Dir::new();
    let s = sheet("T")
        .at(
            0,
            0,
            vec![
                S("PROGRAM/KEGIATAN"),
                S("PAGU"),
                S("PAGU"),
                S("REALISASI"),
                S("%"),
            ],
        )
        .at(
            1,
            0,
            vec![S("A"), N(100.0), S("65.00.000"), N(99.0), N(99.0)],
        );
    xlsx(&dir.input("ganda.xlsx"), vec![s]);
    let (json, _) = dir.check_json(&[]);
    assert_eq!(json["tables"][0]["range"], "A1:E2");
    // The second PAGU column is no column of the table's: its cell is not read as money.
    assert!(json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["cell"] != "C2"));
}

fn write_hostile_set(dir: &Dir) {
    odd_cells_workbook(&dir.input("aneh.xlsx"));
    std::fs::write(dir.input("kosong.xlsx"), b"").unwrap();
    std::fs::write(dir.input("unduhan.xls"), b"<html><body>IDM</body></html>").unwrap();
    std::fs::write(dir.input("data.xlsx"), b"NO;DESA\n1;A\n").unwrap();
    let good = std::fs::read(dir.input("aneh.xlsx")).unwrap();
    std::fs::write(dir.input("terpotong.xlsx"), &good[..good.len() / 3]).unwrap();
    xlsx(
        &dir.input("luas.xlsx"),
        vec![sheet("L")
            .at(0, 0, vec![S("a")])
            .at(1_048_575, 16_383, vec![S("z")])],
    );
    std::fs::write(dir.input("bom.xlsx"), crate::util::zip_bomb()).unwrap();
    std::fs::copy(fuzz_crash("cfb-sector-chain.xls"), dir.input("rusak.xls")).unwrap();
    std::fs::copy(
        fuzz_crash("cfb-looping-chain.xls"),
        dir.input("berputar.xls"),
    )
    .unwrap();
    std::fs::copy(fuzz_crash("xls-huge-span.xls"), dir.input("bentang.xls")).unwrap();
    std::fs::copy(
        fuzz_crash("xls-huge-dimensions.xls"),
        dir.input("dimensi.xls"),
    )
    .unwrap();
}

/// A file the fuzzer found (`fuzz/`, target `workbook_reader`).
fn fuzz_crash(name: &str) -> std::path::PathBuf {
    crate::util::repo().join("tests/fixtures/fuzz").join(name)
}

/// Guards the fuzzer's first find: a damaged .xls whose sector chain runs past the
/// end of the file made the parser (calamine's compound-file reader) panic. The
/// file is reported unreadable in words a user can act on, the panic's own text
/// never reaches the user, and the other workbooks are still checked.
#[test]
fn a_damaged_xls_that_panicked_the_parser() {
    let dir = Dir::new();
    odd_cells_workbook(&dir.input("aneh.xlsx"));
    std::fs::copy(fuzz_crash("cfb-sector-chain.xls"), dir.input("rusak.xls")).unwrap();
    let out = dir.run(&["check", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("cfb.rs"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let input = |name: &str| {
        json["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["file"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(input("rusak.xls")["status"], "unreadable");
    assert_eq!(
        input("rusak.xls")["message"],
        "berkas tidak dapat diurai (isi tidak wajar); simpan ulang dari Excel"
    );
    assert_eq!(input("aneh.xlsx")["status"], "ok");
}

/// Guards the fuzzer's second find: an 8 KB .xls whose sector chain loops back on
/// itself made the parser allocate without end (2.9 GB asked for, then more). The
/// chains are checked before the parser sees the file: it is refused at once, in
/// bounded memory (the 2 GiB run includes it).
#[test]
fn a_damaged_xls_whose_sector_chain_loops() {
    let dir = Dir::new();
    odd_cells_workbook(&dir.input("aneh.xlsx"));
    std::fs::copy(
        fuzz_crash("cfb-looping-chain.xls"),
        dir.input("berputar.xls"),
    )
    .unwrap();
    let (json, code) = dir.check_json(&[]);
    assert_eq!(code, 2);
    let input = json["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["file"] == "berputar.xls")
        .unwrap();
    assert_eq!(input["status"], "unreadable");
    assert_eq!(
        input["message"],
        "berkas .xls rusak (rantai sektor berputar); salin ulang berkas aslinya atau simpan ulang dari Excel"
    );
}

/// Guards bounded memory: all hostile files at once, under a 2 GiB address space,
/// each reported, none taking the run down.
#[test]
fn every_hostile_file_at_once_in_two_gibibytes() {
    let dir = Dir::new();
    write_hostile_set(&dir);
    let bin = env!("CARGO_BIN_EXE_kinerja");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 2097152 && exec '{bin}' check --format json"
        ))
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("memory allocation"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let status = |name: &str| {
        json["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["file"] == name)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("aneh.xlsx"), "ok");
    for bad in [
        "kosong.xlsx",
        "unduhan.xls",
        "data.xlsx",
        "terpotong.xlsx",
        "luas.xlsx",
        "bom.xlsx",
        "rusak.xls",
        "berputar.xls",
        "bentang.xls",
        "dimensi.xls",
    ] {
        assert_eq!(status(bad), "unreadable", "{bad}");
    }
}

/// Guards the fuzzer's third and fourth finds: a 9 KB .xls whose cells span from the
/// first to the last cell of a sheet, which the parser lays out in full (a gigabyte),
/// and one whose DIMENSIONS record makes the parser reserve a terabyte. The area is
/// measured from the records before parsing and bounded.
#[test]
fn an_xls_whose_cells_span_a_whole_sheet() {
    // The fourth find: a DIMENSIONS record declaring a terabyte the parser reserves.
    for fixture in ["xls-huge-span.xls", "xls-huge-dimensions.xls"] {
        let dir = Dir::new();
        std::fs::copy(fuzz_crash(fixture), dir.input("luas.xls")).unwrap();
        let (json, code) = dir.check_json(&[]);
        assert_eq!(code, 2, "{fixture}");
        assert_eq!(json["inputs"][0]["status"], "unreadable", "{fixture}");
        assert_eq!(
            json["inputs"][0]["message"],
            "sel-sel berkas .xls ini merentang lebih dari 4.000.000 sel (dari sel pertama sampai \
         terakhir tiap lembar); buka di Excel, hapus isi yang jauh di luar tabel, lalu simpan \
         sebagai .xlsx",
            "{fixture}"
        );
    }
}
