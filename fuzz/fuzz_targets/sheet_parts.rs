//! Any bytes as the sheet part of an `.ods` (`content.xml`) or of an `.xlsx`
//! (`xl/worksheets/sheet1.xml`), packed (stored, so every mutation reaches the
//! XML) in an otherwise sound workbook: never a panic, and a workbook that reads
//! keeps within the span it is allowed (`[limits] max_cells` cells from A1 to
//! the last filled row and column, summed over its sheets).
#![no_main]

use kinerja::config::Config;
use libfuzzer_sys::fuzz_target;
use std::io::Write;
use std::path::Path;

const LIMIT: u64 = 20_000;

fn packed(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(*name, stored).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const MANIFEST: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
const TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const BOOK: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const BOOK_RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

fuzz_target!(|input: (bool, &[u8])| {
    let (ods, part) = input;
    let bytes = if ods {
        packed(&[
            ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
            ("META-INF/manifest.xml", MANIFEST),
            ("content.xml", part),
        ])
    } else {
        packed(&[
            ("[Content_Types].xml", TYPES),
            ("_rels/.rels", RELS),
            ("xl/workbook.xml", BOOK),
            ("xl/_rels/workbook.xml.rels", BOOK_RELS),
            ("xl/worksheets/sheet1.xml", part),
        ])
    };
    let mut cfg = Config::default_config();
    cfg.limits.max_unpacked_bytes = 8 << 20;
    cfg.limits.max_cells = LIMIT;
    let (input, _) = kinerja::read::read_bytes("fuzz", Path::new("fuzz"), bytes, &cfg);
    let span: u64 = input
        .sheets
        .iter()
        .map(|s| {
            let rows = s.rows.last().map_or(0, |(r, _)| u64::from(*r) + 1);
            let cols = s
                .rows
                .iter()
                .filter_map(|(_, cells)| cells.last().map(|c| u64::from(c.at.col) + 1))
                .max()
                .unwrap_or(0);
            rows * cols
        })
        .sum();
    assert!(span <= LIMIT, "{span} cells spanned");
});
