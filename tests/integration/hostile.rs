//! Hostile and odd cells: error values, dates where money belongs, a huge cell, a
//! repeated header; and every hostile file at once under a 2 GiB address space.

use crate::util::{finding, sheet, xlsx, Dir, W::*};

/// A budget realisation's header on the first row.
fn realisation_header(ws: &mut rust_xlsxwriter::Worksheet) {
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
}

fn odd_cells_workbook(path: &std::path::Path) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Tabel").unwrap();
    realisation_header(ws);
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
            "sel-sel berkas .xls ini merentang lebih dari 1.000.000 sel (dari sel pertama sampai \
         terakhir tiap lembar); buka di Excel, hapus isi yang jauh di luar tabel, lalu simpan \
         sebagai .xlsx",
            "{fixture}"
        );
    }
}

/// `kinerja check --format json` in `dir` under a 1 GiB address space: the JSON,
/// after asserting it ended with exit code 2 (some input unusable) and neither a
/// panic nor a failed allocation.
fn check_in_one_gibibyte(dir: &Dir) -> serde_json::Value {
    let out = std::process::Command::new("prlimit")
        .arg("--as=1073741824")
        .arg(env!("CARGO_BIN_EXE_kinerja"))
        .args(["check", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .expect("prlimit (util-linux) runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("memory allocation"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The `inputs` entry of the file `name` in a check's JSON.
fn input_of<'a>(json: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    json["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["file"] == name)
        .unwrap()
}

/// An `.ods` whose `content.xml` holds `tables` (each a `table:table` element):
/// tiny on disk, whatever the tables claim.
pub fn ods(tables: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#)
        .unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    )
    .unwrap();
    zip.finish().unwrap().into_inner()
}

/// A filled `.ods` cell repeated over `cols` columns.
fn ods_cells(cols: u32) -> String {
    format!(
        r#"<table:table-cell table:number-columns-repeated="{cols}" office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>"#
    )
}

/// The three shapes of an `.ods` bomb: rows repeated (16 sheets of a row of four
/// cells repeated to the last row), columns repeated (2,000 rows each repeating
/// its cell to the last column), both (a row of 95 cells repeated a million
/// times, as the issue's 824-byte file), each with the sheet and span its
/// message names.
fn ods_bombs() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let rows: String = (1..=16)
        .map(|n| {
            format!(
                r#"<table:table table:name="Baris {n}"><table:table-row table:number-rows-repeated="1048576">{}</table:table-row></table:table>"#,
                ods_cells(4)
            )
        })
        .collect();
    let wide_row = format!("<table:table-row>{}</table:table-row>", ods_cells(16_384));
    let cols = format!(
        r#"<table:table table:name="Kolom">{}</table:table>"#,
        wide_row.repeat(2000)
    );
    let both = format!(
        r#"<table:table table:name="Keduanya"><table:table-row table:number-rows-repeated="1000000">{}</table:table-row></table:table>"#,
        ods_cells(95)
    );
    vec![
        (
            "baris.ods",
            ods(&rows),
            "lembar \"Baris 1\" merentang 1.048.576 baris × 4 kolom = 4.194.304 sel",
        ),
        (
            "kolom.ods",
            ods(&cols),
            "lembar \"Kolom\" merentang 2.000 baris × 16.384 kolom = 32.768.000 sel",
        ),
        (
            "keduanya.ods",
            ods(&both),
            "lembar \"Keduanya\" merentang 1.000.000 baris × 95 kolom = 95.000.000 sel",
        ),
    ]
}

/// Guards issue 21's first find: an `.ods` of a few hundred bytes whose rows or
/// columns repeat to the sheet's end made the parser lay out gigabytes (8.5 GB
/// and a SIGABRT under 2 GB). Each sheet's span is measured while `content.xml`
/// inflates, before the parser sees it: under a 1 GiB address space all three
/// shapes are refused with the sheet and its span named, and a sound workbook
/// beside them is checked as usual.
#[test]
fn ods_bombs_are_refused_by_their_span_in_one_gibibyte() {
    let dir = Dir::new();
    odd_cells_workbook(&dir.input("aneh.xlsx"));
    let bombs = ods_bombs();
    for (name, bytes, _) in &bombs {
        assert!(bytes.len() < 4096, "{name}: {} bytes", bytes.len());
        std::fs::write(dir.input(name), bytes).unwrap();
    }
    let json = check_in_one_gibibyte(&dir);
    assert_eq!(input_of(&json, "aneh.xlsx")["status"], "ok");
    for (name, _, span) in &bombs {
        let input = input_of(&json, name);
        assert_eq!(input["status"], "unreadable", "{name}");
        let message = input["message"].as_str().unwrap();
        assert_eq!(
            message,
            format!(
                "{span} sampai sel terisi terakhirnya, melebihi batas 1.000.000 sel per buku kerja \
                 ([limits] max_cells); hapus isi yang jauh di luar tabel lalu simpan ulang"
            ),
            "{name}"
        );
    }
}

/// An `.xlsx` whose one sheet is `sheet` (the XML of `xl/worksheets/sheet1.xml`).
fn xlsx_of_sheet(sheet: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, xml) in [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tabel" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Guards the bound on one text: a workbook of a few hundred kilobytes whose one
/// cell holds 200 MB of text (Excel holds at most 32,767 characters in a cell)
/// cost 2.2 GB; it is refused while its sheet inflates, before the parser holds
/// the text, under a 1 GiB address space.
#[test]
fn a_text_longer_than_a_cell_is_refused_in_one_gibibyte() {
    let dir = Dir::new();
    odd_cells_workbook(&dir.input("aneh.xlsx"));
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>PROGRAM/KEGIATAN</t></is></c><c r="B1" t="inlineStr"><is><t>PAGU</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>{}</t></is></c><c r="B2"><v>5</v></c></row></sheetData></worksheet>"#,
        "a".repeat(200 << 20)
    );
    let bytes = xlsx_of_sheet(&sheet);
    drop(sheet);
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    std::fs::write(dir.input("teks.xlsx"), bytes).unwrap();
    let json = check_in_one_gibibyte(&dir);
    assert_eq!(input_of(&json, "aneh.xlsx")["status"], "ok");
    assert_eq!(
        input_of(&json, "teks.xlsx")["message"],
        "buku kerja berisi teks yang lebih panjang daripada isi satu sel (32.767 karakter, batas \
         Excel); periksa asal berkas"
    );
}

/// Guards the other side of the span bound: the empty rows and columns
/// LibreOffice writes to the end of every sheet (`number-rows-repeated` of a
/// million rows of formatting) are no span; such a sheet is read as its cells.
#[test]
fn empty_repeats_to_the_sheets_end_are_no_span() {
    let dir = Dir::new();
    let header = [
        "PROGRAM/KEGIATAN",
        "PAGU ANGGARAN (Rp)",
        "REALISASI (Rp)",
        "%",
    ]
    .map(|h| {
        format!(r#"<table:table-cell office:value-type="string"><text:p>{h}</text:p></table:table-cell>"#)
    })
    .concat();
    let number = |v: u64| {
        format!(
            r#"<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>"#
        )
    };
    let row = format!(
        r#"<table:table-cell office:value-type="string"><text:p>Kegiatan A</text:p></table:table-cell>{}{}{}"#,
        number(1000),
        number(900),
        number(80)
    );
    let empty_tail =
        r#"<table:table-cell table:style-name="ce1" table:number-columns-repeated="16380"/>"#;
    let tables = format!(
        r#"<table:table table:name="Tabel 3.4"><table:table-row>{header}{empty_tail}</table:table-row><table:table-row>{row}{empty_tail}</table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>"#
    );
    std::fs::write(dir.input("anggaran.ods"), ods(&tables)).unwrap();
    let (json, code) = dir.check_json(&[]);
    assert_eq!(json["inputs"][0]["status"], "ok", "{json}");
    assert_eq!(json["tables"][0]["range"], "A1:D2");
    assert_eq!(code, 1);
    // 900 / 1000 is 90 %, not 80 %.
    assert_eq!(finding(&json, "PCT010", "D2")["expected"], "90");
}

/// Guards issue 21's date find: a workbook saved in the 1904 date system (old
/// Mac Excel; `date1904` in its workbook part) counts its date serials from
/// 1904, and its dates came out four years and a day early. The same date
/// pasted into a money column is named as the workbook shows it.
#[test]
fn a_1904_workbook_keeps_its_dates() {
    use std::io::{Read, Write};
    let dir = Dir::new();
    let plain = dir.path().join("plain.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Tabel").unwrap();
    realisation_header(ws);
    ws.write_string(1, 0, "Kegiatan A").unwrap();
    // 31 December 2023 counted from 1904: 45,291 - 1,462 days.
    ws.write_number_with_format(
        1,
        1,
        43_829.0,
        &rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy"),
    )
    .unwrap();
    ws.write_number(1, 2, 500.0).unwrap();
    ws.write_number(1, 3, 50.0).unwrap();
    wb.save(&plain).unwrap();
    // The same workbook in the 1904 date system.
    let mut source = zip::ZipArchive::new(std::fs::File::open(&plain).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(dir.input("mac.xlsx")).unwrap());
    for i in 0..source.len() {
        let mut entry = source.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "xl/workbook.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            assert!(xml.contains("<workbookPr "), "{xml}");
            bytes = xml
                .replace("<workbookPr ", "<workbookPr date1904=\"1\" ")
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
    let (json, _) = dir.check_json(&[]);
    assert_eq!(finding(&json, "NUM002", "B2")["found"], "2023-12-31");
}
