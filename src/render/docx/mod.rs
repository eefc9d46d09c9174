//! The report as a Word document (`.docx`, WordprocessingML), for the office to
//! edit: the only module that knows the format. It renders the same [`Report`]
//! the PDF does and computes nothing of its own: the column widths, the chart,
//! the draft mark, the cover's lines and the entries of the contents (with the
//! PDF's pages) come from the PDF's layout.
//!
//! The parts are written directly (a dozen fixed parts, one kind of picture) and
//! packed with `zip`: every byte is under control, and the same report always
//! gives the same bytes (the entries are dated with the document's date).

mod body;
mod styles;
mod xml;

use super::fonts::Fonts;
use super::layout::Index;
use super::report::Report;
use super::RenderError;
use std::io::Write;

const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// The report as `.docx` bytes; `index` is the PDF layout's lists of contents,
/// tables and figures.
pub(crate) fn document(
    fonts: &Fonts,
    report: &Report,
    index: &Index,
) -> Result<Vec<u8>, RenderError> {
    let body = body::body(fonts, report, index)?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut overrides = vec![
        (
            "/word/document.xml".to_string(),
            format!("{MAIN}.document.main+xml"),
        ),
        ("/word/styles.xml".into(), format!("{MAIN}.styles+xml")),
        ("/word/settings.xml".into(), format!("{MAIN}.settings+xml")),
        (
            "/word/numbering.xml".into(),
            format!("{MAIN}.numbering+xml"),
        ),
        ("/word/footer1.xml".into(), format!("{MAIN}.footer+xml")),
        (
            "/docProps/core.xml".into(),
            "application/vnd.openxmlformats-package.core-properties+xml".into(),
        ),
        (
            "/docProps/app.xml".into(),
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
        ),
    ];
    let mut rels = vec![
        ("rIdS1".to_string(), "styles", "styles.xml".to_string()),
        ("rIdS2".into(), "settings", "settings.xml".into()),
        ("rIdS3".into(), "numbering", "numbering.xml".into()),
        (body::FOOTER_ID.into(), "footer", "footer1.xml".into()),
    ];
    for (i, header) in body.headers.iter().enumerate() {
        let name = format!("header{}.xml", i + 1);
        overrides.push((format!("/word/{name}"), format!("{MAIN}.header+xml")));
        rels.push((body::header_id(i + 1), "header", name.clone()));
        parts.push((format!("word/{name}"), header.clone().into_bytes()));
    }
    for (i, png) in body.pictures.iter().enumerate() {
        let name = format!("media/gambar{}.png", i + 1);
        rels.push((body::picture_id(i + 1), "image", name.clone()));
        parts.push((format!("word/{name}"), png.clone()));
    }

    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>"#,
    );
    for (name, kind) in &overrides {
        types.push_str(&format!(
            r#"<Override PartName="{name}" ContentType="{kind}"/>"#
        ));
    }
    types.push_str("</Types>");

    let package_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{DOC_RELS}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    );
    let mut document_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{RELS}">"#
    );
    for (id, kind, target) in &rels {
        document_rels.push_str(&format!(
            r#"<Relationship Id="{id}" Type="{DOC_RELS}/{kind}" Target="{target}"/>"#
        ));
    }
    document_rels.push_str("</Relationships>");

    let date = report.document_date;
    let stamp = format!(
        "{:04}-{:02}-{:02}T00:00:00+07:00",
        date.year, date.month, date.day
    );
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><dc:language>id-ID</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>"#,
        xml::escape(&report.document_title()),
        xml::escape(&report.document_subject()),
        xml::escape(&report.document_author()),
    );
    let app = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>kinerja {}</Application></Properties>"#,
        env!("CARGO_PKG_VERSION")
    );

    let mut all: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), types.into_bytes()),
        ("_rels/.rels".into(), package_rels.into_bytes()),
        ("docProps/core.xml".into(), core.into_bytes()),
        ("docProps/app.xml".into(), app.into_bytes()),
        ("word/document.xml".into(), body.document.into_bytes()),
        (
            "word/_rels/document.xml.rels".into(),
            document_rels.into_bytes(),
        ),
        ("word/styles.xml".into(), styles::styles().into_bytes()),
        ("word/settings.xml".into(), styles::settings().into_bytes()),
        (
            "word/numbering.xml".into(),
            styles::numbering(&body.lists).into_bytes(),
        ),
        ("word/footer1.xml".into(), body.footer.into_bytes()),
    ];
    all.extend(parts);
    pack(&all, report)
}

/// The parts in one zip, each dated with the document's date.
fn pack(parts: &[(String, Vec<u8>)], report: &Report) -> Result<Vec<u8>, RenderError> {
    let err = |e: &dyn std::fmt::Display| RenderError::Document(e.to_string());
    let date = report.document_date;
    let when = zip::DateTime::from_date_and_time(
        u16::try_from(date.year.clamp(1980, 2107)).unwrap_or(1980),
        u8::try_from(date.month).unwrap_or(1),
        u8::try_from(date.day).unwrap_or(1),
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(when);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), options)
            .map_err(|e| err(&e))?;
        zip.write_all(bytes).map_err(|e| err(&e))?;
    }
    Ok(zip.finish().map_err(|e| err(&e))?.into_inner())
}
