//! Bad input: each kind gets a message naming the file, the run goes on with the
//! other files, nothing panics, and the exit code is 2.

use crate::util::{sheet, tables, xlsx, Dir, W::*};
use std::io::Write;

fn good(dir: &Dir) {
    let s = sheet("Tabel")
        .at(
            0,
            0,
            vec![
                S("PROGRAM/KEGIATAN"),
                S("PAGU ANGGARAN (Rp)"),
                S("REALISASI (Rp)"),
                S("%"),
            ],
        )
        .at(1, 0, vec![S("Kegiatan A"), N(1000.0), N(990.0), N(99.0)]);
    xlsx(&dir.input("baik.xlsx"), vec![s]);
}

/// Runs check on the folder and returns the input entry of `name`.
fn status_of(dir: &Dir, name: &str) -> (String, String) {
    let out = dir.run(&["check", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(tables(&json).len(), 1, "the good workbook is still read");
    let input = json["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["file"] == name)
        .expect("input listed")
        .clone();
    (
        input["status"].as_str().unwrap().to_string(),
        input["message"].as_str().unwrap().to_string(),
    )
}

fn assert_unreadable(dir: &Dir, name: &str, words: &str) {
    let (status, message) = status_of(dir, name);
    assert_eq!(status, "unreadable");
    assert!(message.contains(words), "{name}: {message}");
}

#[test]
fn zero_byte_file() {
    let dir = Dir::new();
    good(&dir);
    std::fs::write(dir.input("kosong.xlsx"), b"").unwrap();
    assert_unreadable(&dir, "kosong.xlsx", "berkas kosong");
}

#[test]
fn html_saved_as_xls() {
    let dir = Dir::new();
    good(&dir);
    std::fs::write(
        dir.input("unduhan.xls"),
        b"<!DOCTYPE html><html><body><table><tr><td>IDM</td></tr></table></body></html>",
    )
    .unwrap();
    assert_unreadable(&dir, "unduhan.xls", "halaman HTML");
}

#[test]
fn csv_saved_as_xlsx() {
    let dir = Dir::new();
    good(&dir);
    std::fs::write(
        dir.input("data.xlsx"),
        b"NO;NAMA DESA;KECAMATAN;IDM;STATUS\n1;WAY TUBA;WAY TUBA;0,8824;MANDIRI\n",
    )
    .unwrap();
    assert_unreadable(&dir, "data.xlsx", "CSV");
}

#[test]
fn truncated_download() {
    let dir = Dir::new();
    good(&dir);
    let whole = std::fs::read(dir.input("baik.xlsx")).unwrap();
    std::fs::write(dir.input("terpotong.xlsx"), &whole[..whole.len() / 2]).unwrap();
    assert_unreadable(&dir, "terpotong.xlsx", "rusak atau terpotong");
}

#[test]
fn encrypted_workbook() {
    let dir = Dir::new();
    good(&dir);
    // An encrypted xlsx is a compound file with an EncryptionInfo stream.
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    bytes.extend(
        "EncryptionInfo"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    bytes.resize(4096, 0);
    std::fs::write(dir.input("rahasia.xlsx"), bytes).unwrap();
    assert_unreadable(&dir, "rahasia.xlsx", "kata sandi");
}

#[test]
fn workbook_without_a_table() {
    let dir = Dir::new();
    good(&dir);
    xlsx(
        &dir.input("catatan.xlsx"),
        vec![sheet("Catatan").at(0, 0, vec![S("Catatan rapat"), S("Januari 2024")])],
    );
    assert_unreadable(&dir, "catatan.xlsx", "tidak ada tabel yang dikenali");
}

#[test]
fn empty_workbook() {
    let dir = Dir::new();
    good(&dir);
    xlsx(&dir.input("baru.xlsx"), vec![sheet("Sheet1")]);
    assert_unreadable(&dir, "baru.xlsx", "tidak ada tabel yang dikenali");
}

/// Guards the streaming reader: a used range claiming the whole sheet (a
/// formatted empty cell in its last corner) costs only the cells that are
/// filled; filled cells at both ends of a sheet span it, and are refused by
/// that span with the sheet named.
#[test]
fn a_used_range_over_the_whole_sheet() {
    let dir = Dir::new();
    good(&dir);
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Luas").unwrap();
    ws.write_string(0, 0, "judul").unwrap();
    ws.write_blank(
        1_048_575,
        16_383,
        &rust_xlsxwriter::Format::new().set_bold(),
    )
    .unwrap();
    wb.save(dir.input("luas.xlsx")).unwrap();
    // A dense read of 17 billion cells would never get here; the run over every
    // hostile file under 2 GiB of address space (hostile.rs) bounds the memory.
    assert_unreadable(&dir, "luas.xlsx", "tidak ada tabel yang dikenali");
    xlsx(
        &dir.input("ujung.xlsx"),
        vec![sheet("Ujung")
            .at(0, 0, vec![S("judul")])
            .at(1_048_575, 16_383, vec![S("ujung")])],
    );
    assert_unreadable(
        &dir,
        "ujung.xlsx",
        "lembar \"Ujung\" merentang 1.048.576 baris × 16.384 kolom = 17.179.869.184 sel",
    );
}

/// Guards the unpacking bound: a workbook that inflates beyond the limit is refused
/// before any parser sees it.
#[test]
fn a_workbook_that_inflates_too_far() {
    let dir = Dir::new();
    good(&dir);
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        config.replace("max_unpacked_mb = 256", "max_unpacked_mb = 1"),
    )
    .unwrap();
    let file = std::fs::File::create(dir.input("bom.xlsx")).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/workbook.xml", opts).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..4 {
        zip.write_all(&spaces).unwrap();
    }
    zip.finish().unwrap();
    assert_unreadable(&dir, "bom.xlsx", "bom zip");
}

#[test]
fn a_missing_input_path_is_an_error_with_a_hint() {
    let dir = Dir::new();
    let out = dir.run(&["check", "tidak-ada"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("galat: masukan tidak-ada tidak ada\nsaran: berikan buku kerja"),
        "{stderr}"
    );
    let out = dir.run(&["check", "--lang", "en", "tidak-ada"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: input path tidak-ada does not exist\nhint: "),
        "{stderr}"
    );
}

#[test]
fn a_bad_config_names_the_key() {
    let dir = Dir::new();
    good(&dir);
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        config.replace("kecamatan_max_edits = 2", "kecamatan_max_edit = 2"),
    )
    .unwrap();
    let out = dir.run(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unknown field `kecamatan_max_edit`"),
        "{stderr}"
    );
}
