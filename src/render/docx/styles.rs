//! The document's styles, settings and list numbering. The styles carry the
//! PDF's sizes, spacing and indents (from the layout's own constants), so an
//! office that edits a paragraph keeps the report's look: headings are Word's
//! built-in heading styles (the navigation pane and the contents find them),
//! captions have styles of their own (the lists of tables and figures are
//! built from them).

use super::xml::{hex, pt_twips, twips, W};
use crate::render::layout::{
    BODY, BODY_LEADING, FIRST_INDENT, FURNITURE, GREY_TEXT, PARA_GAP, SIGNATURE_W, WIDTH,
};
use crate::render::report::ListStyle;
use crate::render::table::{CAPTION, LEADING, NOTE, SIZES};
use std::fmt::Write;

/// The font of the whole document: Arial ships with every Windows and macOS
/// installation, and the PDF's Liberation Sans has Arial's metrics, so lines and
/// table columns measure the same in both.
pub(crate) const FONT: &str = "Arial";

pub(crate) const BODY_TEXT: &str = "BodyText";
pub(crate) const LIST_ITEM: &str = "ListParagraph";
pub(crate) const TABLE_CAPTION: &str = "JudulTabel";
pub(crate) const TABLE_CAPTION_NAME: &str = "Judul Tabel";
pub(crate) const FIGURE_CAPTION: &str = "JudulGambar";
pub(crate) const FIGURE_CAPTION_NAME: &str = "Judul Gambar";
pub(crate) const TABLE_NOTE: &str = "CatatanTabel";
pub(crate) const SIGNATURE: &str = "TandaTangan";
pub(crate) const LIST_OF: &str = "TableofFigures";

/// The style of a heading of `level` (1 is a chapter's title).
pub(crate) fn heading(level: u8) -> &'static str {
    match level {
        0 | 1 => "Heading1",
        2 => "Heading2",
        3 => "Heading3",
        _ => "Heading4",
    }
}

/// The style of a contents entry of `level`.
pub(crate) fn contents(level: u8) -> &'static str {
    match level {
        0 | 1 => "TOC1",
        2 => "TOC2",
        _ => "TOC3",
    }
}

/// The style of table text at `size` points (one of the PDF's table sizes).
pub(crate) fn table_text(size: u8) -> &'static str {
    match size {
        9 => "TeksTabel9",
        8 => "TeksTabel8",
        _ => "TeksTabel7",
    }
}

/// An exact line height of `leading` times `size` points, as `<w:spacing>`'s
/// attributes.
fn exact(size: u8, leading: f64) -> String {
    format!(
        r#"w:line="{}" w:lineRule="exact""#,
        pt_twips(f64::from(size) * leading)
    )
}

fn size(points: u8) -> String {
    format!(
        r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#,
        u32::from(points) * 2
    )
}

struct Style<'a> {
    id: &'a str,
    name: &'a str,
    ppr: String,
    rpr: String,
}

/// The right-aligned page number behind dot leaders, at the text's right edge
/// (no right indent: LibreOffice drops a tab stop past it).
fn page_number_tab() -> String {
    format!(
        r#"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{}"/></w:tabs>"#,
        twips(WIDTH)
    )
}

/// `styles.xml`.
pub(crate) fn styles() -> String {
    let body = exact(BODY, BODY_LEADING);
    let toc_line = exact(BODY, 1.3);
    let mut styles = vec![
        Style {
            id: BODY_TEXT,
            name: "Body Text",
            ppr: format!(
                r#"<w:spacing w:after="{}" {body}/><w:ind w:firstLine="{}"/><w:jc w:val="both"/>"#,
                twips(PARA_GAP),
                twips(FIRST_INDENT)
            ),
            rpr: String::new(),
        },
        Style {
            id: "Heading1",
            name: "heading 1",
            ppr: format!(
                r#"<w:keepNext/><w:keepLines/><w:spacing w:after="{}" {}/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>"#,
                twips(8.0),
                exact(14, 1.3)
            ),
            rpr: format!("<w:b/><w:bCs/>{}", size(14)),
        },
    ];
    for (level, id, name) in [
        (1, "Heading2", "heading 2"),
        (2, "Heading3", "heading 3"),
        (3, "Heading4", "heading 4"),
    ] {
        styles.push(Style {
            id,
            name,
            ppr: format!(
                r#"<w:keepNext/><w:keepLines/><w:spacing w:before="{}" w:after="{}" {body}/><w:outlineLvl w:val="{level}"/>"#,
                twips(3.0),
                twips(1.5)
            ),
            rpr: if level == 3 {
                "<w:b/><w:bCs/><w:i/><w:iCs/>".into()
            } else {
                "<w:b/><w:bCs/>".into()
            },
        });
    }
    for (id, name, indent, before, bold) in [
        ("TOC1", "toc 1", 0.0, 1.5, true),
        ("TOC2", "toc 2", 7.0, 0.0, false),
        ("TOC3", "toc 3", 14.0, 0.0, false),
    ] {
        styles.push(Style {
            id,
            name,
            ppr: format!(
                r#"{}<w:spacing w:before="{}" {toc_line}/><w:ind w:left="{}"/>"#,
                page_number_tab(),
                twips(before),
                twips(indent),
            ),
            rpr: if bold {
                "<w:b/><w:bCs/>".into()
            } else {
                String::new()
            },
        });
    }
    styles.push(Style {
        id: LIST_OF,
        name: "table of figures",
        ppr: format!(
            r#"{}<w:spacing w:after="{}" {toc_line}/>"#,
            page_number_tab(),
            twips(0.8),
        ),
        rpr: String::new(),
    });
    for (id, name) in [
        (TABLE_CAPTION, TABLE_CAPTION_NAME),
        (FIGURE_CAPTION, FIGURE_CAPTION_NAME),
    ] {
        styles.push(Style {
            id,
            name,
            ppr: format!(
                r#"<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}" {line}/><w:ind w:left="{side}" w:right="{side}"/><w:jc w:val="center"/>"#,
                before = twips(4.5),
                after = twips(1.5),
                line = exact(CAPTION, 1.3),
                side = twips(5.0)
            ),
            rpr: format!("<w:b/><w:bCs/>{}", size(CAPTION)),
        });
    }
    styles.push(Style {
        id: TABLE_NOTE,
        name: "Catatan Tabel",
        ppr: format!(
            r#"<w:spacing w:before="{}" w:after="{}" {}/>"#,
            twips(1.5),
            twips(5.0),
            exact(NOTE, 1.3)
        ),
        rpr: format!("<w:i/><w:iCs/>{}", size(NOTE)),
    });
    for s in SIZES {
        styles.push(Style {
            id: table_text(s),
            name: match s {
                9 => "Teks Tabel 9",
                8 => "Teks Tabel 8",
                _ => "Teks Tabel 7",
            },
            ppr: format!(r#"<w:spacing {}/>"#, exact(s, LEADING)),
            rpr: size(s),
        });
    }
    styles.push(Style {
        id: LIST_ITEM,
        name: "List Paragraph",
        ppr: format!(
            r#"<w:spacing w:after="{}" {body}/><w:jc w:val="both"/>"#,
            twips(1.0)
        ),
        rpr: String::new(),
    });
    styles.push(Style {
        id: SIGNATURE,
        name: "Tanda Tangan",
        ppr: format!(
            r#"<w:keepNext/><w:keepLines/><w:spacing {body}/><w:ind w:left="{}"/><w:jc w:val="center"/>"#,
            twips(WIDTH - SIGNATURE_W)
        ),
        rpr: String::new(),
    });
    for (id, name) in [("Header", "header"), ("Footer", "footer")] {
        styles.push(Style {
            id,
            name,
            ppr: String::new(),
            rpr: format!(
                r#"<w:color w:val="{}"/>{}"#,
                hex(GREY_TEXT),
                size(FURNITURE)
            ),
        });
    }

    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>{}<w:lang w:val="id-ID" w:eastAsia="id-ID" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
        size(BODY)
    );
    out.push_str(
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
    );
    for s in &styles {
        let _ = write!(
            out,
            r#"<w:style w:type="paragraph" w:styleId="{}"><w:name w:val="{}"/><w:basedOn w:val="Normal"/><w:qFormat/>"#,
            s.id, s.name
        );
        if !s.ppr.is_empty() {
            let _ = write!(out, "<w:pPr>{}</w:pPr>", s.ppr);
        }
        if !s.rpr.is_empty() {
            let _ = write!(out, "<w:rPr>{}</w:rPr>", s.rpr);
        }
        out.push_str("</w:style>");
    }
    out.push_str("</w:styles>");
    out
}

/// `settings.xml`: Word 2013's behaviour (no compatibility mode), and the
/// proofing language Indonesian from the styles.
pub(crate) fn settings() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

/// `numbering.xml`: one definition per marker kind, one instance per list so
/// that each list counts from 1 (its indents come with each item).
pub(crate) fn numbering(lists: &[ListStyle]) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">"#
    );
    for (id, format, text) in [
        (0, "bullet", "\u{2022}"),
        (1, "decimal", "%1."),
        (2, "lowerLetter", "%1."),
    ] {
        let _ = write!(
            out,
            r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{}" w:hanging="{}"/></w:pPr><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/></w:rPr></w:lvl></w:abstractNum>"#,
            twips(10.0),
            twips(6.0)
        );
    }
    for (i, style) in lists.iter().enumerate() {
        let abstract_id = match style {
            ListStyle::Bullet => 0,
            ListStyle::Numbered => 1,
            ListStyle::Lettered => 2,
        };
        let _ = write!(
            out,
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="{abstract_id}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
            i + 1
        );
    }
    out.push_str("</w:numbering>");
    out
}
