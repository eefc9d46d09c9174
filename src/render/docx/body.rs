//! The report's content as the document's body: the cover, then each chapter as a
//! section of its own (its running header names it), every block as Word's own
//! element: headings in heading styles, paragraphs, numbered lists, tables with
//! repeating header rows, the charts as pictures, the lists of contents and
//! tables as fields Word updates.

use super::styles::{self, BODY_TEXT, FIGURE_CAPTION, LIST_ITEM, LIST_OF, SIGNATURE, TABLE_NOTE};
use super::xml::{emu, escape, field, hex, paragraph, runs, twips, Look, Para};
use crate::render::fonts::{Face, Fonts, Rgb};
use crate::render::layout::{
    self, draft_size, line_height, list_geometry, running_chapter, Entry, Index, ACCENT, BOTTOM,
    COVER_GOVERNMENT, COVER_PUBLISHER, COVER_TITLE, DRAFT_RED, DRAFT_TOP, FOOTER_BASELINE,
    FOOTER_RULE, FURNITURE, GREY_TEXT, HEADER_BASELINE, HEADER_RULE, LEFT, PAGE_H, PAGE_W,
    PARA_GAP, RIGHT, RULE, SIGNATURE_ROOM, TOP, WIDTH,
};
use crate::render::raster;
use crate::render::report::{
    Align, BarChart, Block, Chapter, ListBlock, ListStyle, Report, RowStyle, Signature, TableBlock,
    PAGE_OF,
};
use crate::render::table::{
    self, BORDER, BORDER_PT, GROUP_FILL, HEAD_FILL, NOTE, NUMBER_FILL, PAD_X, PAD_Y, SUBTOTAL_FILL,
    TOTAL_FILL,
};
use crate::render::text::wrap;
use crate::render::RenderError;
use std::fmt::Write;

/// The cover's text is centred in this width, as on the PDF's cover.
const COVER_WIDTH: f64 = PAGE_W - 60.0;
/// The cover's frame: Word's widest gap between a page border and the page's edge.
const COVER_FRAME_GAP_PT: u32 = 31;
/// How much narrower a table cell's side padding is than the PDF's (mm).
const CELL_SLACK: f64 = 0.25;
/// Space before a paragraph that follows a table.
const AFTER_TABLE: f64 = 5.0;

/// The bookmarks the lists' entries link to, numbered from 1 in document order:
/// the headings, the table captions, the figure captions (hidden names, as Word's
/// own `_Toc…`).
const CONTENTS_TARGET: &str = "_TocIsi";
const TABLE_TARGET: &str = "_TocTabel";
const FIGURE_TARGET: &str = "_TocGambar";

/// The relationship id of header part `n` (from 1), of the footer, of picture `n`.
pub(crate) fn header_id(n: usize) -> String {
    format!("rIdH{n}")
}
pub(crate) const FOOTER_ID: &str = "rIdF1";
pub(crate) fn picture_id(n: usize) -> String {
    format!("rIdP{n}")
}

/// The document's body and what its parts hold beside it.
pub(crate) struct Body {
    /// `document.xml`.
    pub(crate) document: String,
    /// The header parts, in the order of their ids.
    pub(crate) headers: Vec<String>,
    /// `footer1.xml`: the page number and the page count.
    pub(crate) footer: String,
    /// One numbering instance per list, in order.
    pub(crate) lists: Vec<ListStyle>,
    /// The charts' pictures, in the order of their ids.
    pub(crate) pictures: Vec<Vec<u8>>,
}

struct Writer<'a> {
    fonts: &'a Fonts,
    report: &'a Report,
    index: &'a Index,
    out: String,
    /// The last paragraph, kept open until it is known whether it ends a section.
    pending: Option<(Para, String)>,
    /// The next paragraph starts a page.
    page_break: bool,
    /// The next paragraph follows a table.
    after_table: bool,
    bookmarks: usize,
    /// Entries of the contents, tables and figures met so far.
    contents: usize,
    tables: usize,
    figures: usize,
    headers: Vec<String>,
    lists: Vec<ListStyle>,
    pictures: Vec<Vec<u8>>,
}

/// Writes the body of `report`; `index` holds the PDF's lists of contents,
/// tables and figures with their pages, the entries the fields start with.
pub(crate) fn body(fonts: &Fonts, report: &Report, index: &Index) -> Result<Body, RenderError> {
    let mut w = Writer {
        fonts,
        report,
        index,
        out: String::new(),
        pending: None,
        page_break: false,
        after_table: false,
        bookmarks: 0,
        contents: 0,
        tables: 0,
        figures: 0,
        headers: Vec::new(),
        lists: Vec::new(),
        pictures: Vec::new(),
    };
    w.cover();
    let last = report.chapters.len().saturating_sub(1);
    for (i, chapter) in report.chapters.iter().enumerate() {
        w.chapter(chapter, i == last)?;
    }
    if report.chapters.is_empty() {
        // The cover alone still ends its section.
        w.flush();
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{}" xmlns:r="{}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>{}</w:body></w:document>"#,
        super::xml::W,
        super::xml::R,
        w.out
    );
    Ok(Body {
        document,
        footer: footer(fonts),
        headers: w.headers,
        lists: w.lists,
        pictures: w.pictures,
    })
}

/// Where a line of `size` points, `lh` mm high, has its baseline below its top:
/// the PDF's placement.
fn baseline_in(fonts: &Fonts, face: Face, size: u8, lh: f64) -> f64 {
    let a = fonts.ascent(face, size);
    let d = fonts.descent(face, size);
    (lh - (a + d)) / 2.0 + a
}

fn border(side: &str, width_pt: f64, color: Rgb, space_pt: f64) -> String {
    format!(
        r#"<w:{side} w:val="single" w:sz="{}" w:space="{}" w:color="{}"/>"#,
        ((width_pt * 8.0).round() as i64).max(2),
        space_pt.round().max(0.0) as i64,
        hex(color)
    )
}

/// The running header's line: its height and where its top sits.
fn header_line(fonts: &Fonts) -> (f64, f64) {
    let lh = line_height(FURNITURE, 1.3);
    (
        lh,
        HEADER_BASELINE - baseline_in(fonts, Face::Bold, FURNITURE, lh),
    )
}

/// The footer: "Halaman {PAGE} dari {NUMPAGES}" under a rule, as on the PDF.
fn footer(fonts: &Fonts) -> String {
    let (lh, top) = footer_line(fonts);
    let para = Para {
        style: Some("Footer"),
        borders: Some(border("top", 0.4, RULE, (top - FOOTER_RULE) * 72.0 / 25.4)),
        line: Some(twips(lh)),
        align: Some("center"),
        ..Para::default()
    };
    let mut content = String::new();
    let look = Look::default();
    runs(&mut content, &format!("{} ", PAGE_OF[0]), &look);
    content.push_str(r#"<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>"#);
    runs(&mut content, &format!(" {} ", PAGE_OF[1]), &look);
    content.push_str(r#"<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>"#);
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{}" xmlns:r="{}">"#,
        super::xml::W,
        super::xml::R
    );
    paragraph(&mut out, &para, &content);
    out.push_str("</w:ftr>");
    out
}

/// The footer's line: its height and where its top sits.
fn footer_line(fonts: &Fonts) -> (f64, f64) {
    let lh = line_height(FURNITURE, 1.3);
    (
        lh,
        FOOTER_BASELINE - baseline_in(fonts, Face::Regular, FURNITURE, lh),
    )
}

impl<'a> Writer<'a> {
    fn flush(&mut self) {
        if let Some((para, content)) = self.pending.take() {
            paragraph(&mut self.out, &para, &content);
        }
    }

    /// Adds a paragraph (kept open: a section may end with it).
    fn para(&mut self, mut para: Para, content: String) {
        self.flush();
        if std::mem::take(&mut self.page_break) {
            para.page_break_before = true;
        }
        if std::mem::take(&mut self.after_table) && para.before.is_none() {
            para.before = Some(twips(AFTER_TABLE));
        }
        self.pending = Some((para, content));
    }

    /// Adds a table (or anything that is not a paragraph).
    fn raw(&mut self, xml: &str) {
        self.flush();
        self.out.push_str(xml);
    }

    /// Ends the current section with `properties`: in its last paragraph, or
    /// for the document's last section, in the body itself.
    fn end_section(&mut self, properties: String, last: bool) {
        if last {
            self.flush();
            self.out.push_str(&properties);
            return;
        }
        match self.pending.as_mut() {
            Some((para, _)) => para.section = Some(properties),
            None => {
                // A section ending in a table: a paragraph a point high carries it.
                let para = Para {
                    line: Some(20),
                    mark: Some(Look {
                        size: Some(1),
                        ..Look::default()
                    }),
                    section: Some(properties),
                    ..Para::default()
                };
                self.pending = Some((para, String::new()));
            }
        }
        self.flush();
    }

    /// Text wrapped in `bookmark` named `name`.
    fn bookmarked(&mut self, name: &str, content: &str) -> String {
        self.bookmarks += 1;
        let id = self.bookmarks;
        format!(
            r#"<w:bookmarkStart w:id="{id}" w:name="{name}"/>{content}<w:bookmarkEnd w:id="{id}"/>"#
        )
    }

    /// The section properties, open for what follows the margins: A4, the
    /// margins (top, right, bottom, left, mm), the header part `header` (from 1)
    /// and the footer when given.
    fn section(
        &self,
        header: Option<usize>,
        footer: bool,
        header_from_top: f64,
        margins: [f64; 4],
    ) -> String {
        let mut s = String::from("<w:sectPr>");
        if let Some(h) = header {
            let _ = write!(
                s,
                r#"<w:headerReference w:type="default" r:id="{}"/>"#,
                header_id(h)
            );
        }
        if footer {
            let _ = write!(
                s,
                r#"<w:footerReference w:type="default" r:id="{FOOTER_ID}"/>"#
            );
        }
        let (lh, top) = footer_line(self.fonts);
        let _ = write!(
            s,
            r#"<w:pgSz w:w="{}" w:h="{}"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/>"#,
            twips(PAGE_W),
            twips(PAGE_H),
            twips(margins[0]),
            twips(margins[1]),
            twips(margins[2]),
            twips(margins[3]),
            twips(header_from_top),
            twips(PAGE_H - (top + lh)),
        );
        s
    }

    /// A header part's draft line, when the report is a draft.
    fn draft_line(&self, cover: bool) -> Option<(String, f64)> {
        let mark = self.report.draft()?;
        let size = draft_size(self.fonts, mark, cover);
        let lh = line_height(size, 1.5);
        let para = Para {
            line: Some(twips(lh)),
            align: Some("center"),
            ..Para::default()
        };
        let look = Look {
            bold: true,
            color: Some(DRAFT_RED),
            size: Some(size),
            boxed: Some((DRAFT_RED, Rgb(255, 235, 235))),
            ..Look::default()
        };
        let mut content = String::new();
        runs(&mut content, mark, &look);
        let mut out = String::new();
        paragraph(&mut out, &para, &content);
        Some((out, lh))
    }

    /// Adds a header part holding `content`; its number.
    fn header_part(&mut self, content: &str) -> usize {
        self.headers.push(format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="{}" xmlns:r="{}">{content}</w:hdr>"#,
            super::xml::W,
            super::xml::R
        ));
        self.headers.len()
    }

    fn cover(&mut self) {
        let fonts = self.fonts;
        let cover = self.report.cover();
        let mut y = TOP;
        let line = |w: &mut Writer,
                    y: &mut f64,
                    text: &str,
                    face: Face,
                    size: u8,
                    color: Rgb,
                    before: f64| {
            let lh = line_height(size, 1.25);
            let lines = wrap(fonts, face, size, text, COVER_WIDTH, 0.0).len().max(1);
            let para = Para {
                before: Some(twips(before)),
                line: Some(twips(lh)),
                align: Some("center"),
                ..Para::default()
            };
            let look = Look {
                bold: face == Face::Bold,
                color: (color != Rgb::BLACK).then_some(color),
                size: Some(size),
                ..Look::default()
            };
            let mut content = String::new();
            runs(&mut content, text, &look);
            w.para(para, content);
            *y += before + lines as f64 * lh;
        };
        for (i, text) in cover.government.iter().enumerate() {
            let before = if i == 0 { COVER_GOVERNMENT - y } else { 0.0 };
            line(self, &mut y, text, Face::Bold, 13, Rgb::BLACK, before);
        }
        // The rule under the government's name, 120 mm wide.
        let side = (COVER_WIDTH - (PAGE_W - 90.0)) / 2.0;
        self.para(
            Para {
                borders: Some(border("bottom", 0.8, ACCENT, 0.0)),
                line: Some(twips(3.0)),
                left: Some(twips(side)),
                right: Some(twips(side)),
                mark: Some(Look {
                    size: Some(1),
                    ..Look::default()
                }),
                ..Para::default()
            },
            String::new(),
        );
        y += 3.0;
        let before = COVER_TITLE - y;
        line(self, &mut y, &cover.acronym, Face::Bold, 40, ACCENT, before);
        line(self, &mut y, &cover.title, Face::Bold, 18, Rgb::BLACK, 6.0);
        line(self, &mut y, &cover.year, Face::Bold, 18, Rgb::BLACK, 2.0);
        for (i, text) in cover.publisher.iter().enumerate() {
            let before = if i == 0 { COVER_PUBLISHER - y } else { 0.0 };
            line(self, &mut y, text, Face::Bold, 14, Rgb::BLACK, before);
        }
        for (i, text) in cover.address.iter().enumerate() {
            let before = if i == 0 { 4.0 } else { 0.0 };
            line(self, &mut y, text, Face::Regular, 10, GREY_TEXT, before);
        }
        line(self, &mut y, &cover.issued, Face::Bold, 14, Rgb::BLACK, 4.0);

        let header = self.draft_line(true).map(|(xml, _)| self.header_part(&xml));
        // The cover's own margins centre its text on the page, and hold its frame.
        let side = (PAGE_W - COVER_WIDTH) / 2.0;
        // Word keeps a page border within 31 points of the edge, nearer than the
        // PDF's frame: the draft line goes inside it rather than across it.
        let draft_top = f64::from(COVER_FRAME_GAP_PT) * 25.4 / 72.0 + 3.0;
        let mut s = self.section(header, false, draft_top, [TOP, side, TOP, side]);
        s.push_str(r#"<w:pgBorders w:offsetFrom="page">"#);
        for edge in ["top", "left", "bottom", "right"] {
            let _ = write!(
                s,
                r#"<w:{edge} w:val="thickThinMediumGap" w:sz="12" w:space="{COVER_FRAME_GAP_PT}" w:color="{}"/>"#,
                hex(ACCENT)
            );
        }
        s.push_str(r#"</w:pgBorders><w:cols w:space="708"/></w:sectPr>"#);
        self.end_section(s, self.report.chapters.is_empty());
    }

    fn chapter(&mut self, chapter: &Chapter, last: bool) -> Result<(), RenderError> {
        let title = chapter.running_title();
        // The chapter's header part: the draft line, then the running title over
        // its rule.
        let (lh, top) = header_line(self.fonts);
        let mut header = String::new();
        let mut from_top = top;
        let mut before = 0.0;
        if let Some((xml, h)) = self.draft_line(false) {
            header.push_str(&xml);
            from_top = DRAFT_TOP;
            before = top - (DRAFT_TOP + h);
        }
        let running = running_chapter(self.fonts, &self.report.header_title(), &title);
        let para = Para {
            style: Some("Header"),
            borders: Some(border(
                "bottom",
                0.6,
                RULE,
                (HEADER_RULE - (top + lh)) * 72.0 / 25.4,
            )),
            tabs: Some(format!(
                r#"<w:tab w:val="right" w:pos="{}"/>"#,
                twips(WIDTH)
            )),
            before: Some(twips(before)),
            line: Some(twips(lh)),
            ..Para::default()
        };
        let mut content = String::new();
        runs(&mut content, &self.report.header_title(), &Look::bold());
        content.push_str("<w:r><w:tab/></w:r>");
        runs(
            &mut content,
            &running,
            &Look {
                italic: true,
                ..Look::default()
            },
        );
        paragraph(&mut header, &para, &content);
        let header = self.header_part(&header);

        // The title: "BAB I" over "PENDAHULUAN", one heading.
        let text = match &chapter.number {
            Some(n) => format!("{}\n{}", n.trim(), chapter.title.trim()),
            None => chapter.title.trim().to_string(),
        };
        let mut runs_xml = String::new();
        runs(&mut runs_xml, &text, &Look::default());
        let content = self.contents_mark(&runs_xml);
        self.para(Para::styled(styles::heading(1)), content);

        for (i, block) in chapter.blocks.iter().enumerate() {
            self.block(block, chapter.blocks.get(i + 1))?;
        }
        self.page_break = false;
        self.after_table = false;
        let s = format!(
            r#"{}<w:cols w:space="708"/></w:sectPr>"#,
            self.section(
                Some(header),
                true,
                from_top,
                [TOP, PAGE_W - RIGHT, PAGE_H - BOTTOM, LEFT]
            )
        );
        self.end_section(s, last);
        Ok(())
    }

    /// `content` as the target of the next entry of the contents.
    fn contents_mark(&mut self, content: &str) -> String {
        self.contents += 1;
        let name = format!("{CONTENTS_TARGET}{}", self.contents);
        self.bookmarked(&name, content)
    }

    fn block(&mut self, block: &Block, next: Option<&Block>) -> Result<(), RenderError> {
        match block {
            Block::Heading { level, text } => {
                let mut content = String::new();
                runs(&mut content, text.trim(), &Look::default());
                if *level <= 3 {
                    content = self.contents_mark(&content);
                }
                self.para(Para::styled(styles::heading((*level).max(2))), content);
            }
            Block::Paragraph(text) => {
                let mut content = String::new();
                runs(&mut content, text, &Look::default());
                self.para(Para::styled(BODY_TEXT), content);
            }
            Block::List(list) => self.list(list),
            // A signature after a table takes the table's last row along to its
            // page, as in the PDF.
            Block::Table(t) => self.table(t, matches!(next, Some(Block::Signature(_)))),
            Block::BarChart(c) => self.chart(c)?,
            Block::Signature(s) => self.signature(s),
            Block::PageBreak => self.page_break = true,
            Block::TableOfContents => {
                let entries: Vec<Listed> = self
                    .index
                    .toc
                    .iter()
                    .enumerate()
                    .map(|(i, e)| Listed {
                        style: styles::contents(e.level),
                        text: e.text.clone(),
                        target: format!("{CONTENTS_TARGET}{}", i + 1),
                        page: e.page,
                    })
                    .collect();
                self.list_field(r#"TOC \o "1-3" \h \z"#, &entries, styles::contents(1));
            }
            Block::ListOfTables | Block::ListOfFigures => {
                // Built from the captions' style, which names no level: the field
                // reads the same whatever list separator the PC's locale uses.
                let (entries, target, caption) = if matches!(block, Block::ListOfTables) {
                    (&self.index.tables, TABLE_TARGET, styles::TABLE_CAPTION_NAME)
                } else {
                    (
                        &self.index.figures,
                        FIGURE_TARGET,
                        styles::FIGURE_CAPTION_NAME,
                    )
                };
                let entries = listed(entries, target);
                self.list_field(
                    &format!(r#"TOC \h \z \t "{caption}" \c"#),
                    &entries,
                    LIST_OF,
                );
            }
        }
        Ok(())
    }

    /// A list of contents, tables or figures: Word's TOC field, its result the
    /// entries as they stand today (text, a dot leader, the page), each a link
    /// to its target.
    fn list_field(&mut self, instruction: &str, entries: &[Listed], empty_style: &'static str) {
        let look = Look::default();
        let mut begin = String::new();
        let _ = write!(
            begin,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
            escape(instruction)
        );
        let end = r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#;
        for (i, entry) in entries.iter().enumerate() {
            let mut content = String::new();
            if i == 0 {
                content.push_str(&begin);
            }
            let target = &entry.target;
            let _ = write!(
                content,
                r#"<w:hyperlink w:anchor="{target}" w:history="1">"#
            );
            runs(&mut content, &entry.text, &look);
            content.push_str("<w:r><w:tab/></w:r>");
            field(
                &mut content,
                &format!(r"PAGEREF {target} \h"),
                &entry.page.to_string(),
                &look,
            );
            content.push_str("</w:hyperlink>");
            self.para(Para::styled(entry.style), content);
        }
        // The field ends in a paragraph of its own, as Word ends it.
        let content = if entries.is_empty() {
            format!("{begin}{end}")
        } else {
            end.to_string()
        };
        self.para(Para::styled(empty_style), content);
    }

    fn list(&mut self, list: &ListBlock) {
        self.lists.push(list.style);
        let numbering = self.lists.len();
        let (_, indent, hang) = list_geometry(self.fonts, list);
        let n = list.items.len();
        for (i, item) in list.items.iter().enumerate() {
            let mut content = String::new();
            runs(&mut content, item, &Look::default());
            let para = Para {
                style: Some(LIST_ITEM),
                numbering: Some(numbering),
                after: (i + 1 == n).then(|| twips(1.0 + PARA_GAP)),
                left: Some(twips(hang)),
                hanging: Some(twips(hang - indent)),
                ..Para::default()
            };
            self.para(para, content);
        }
    }

    fn table(&mut self, t: &TableBlock, keep_with_next: bool) {
        self.tables += 1;
        let mut caption = String::new();
        runs(&mut caption, &t.caption(), &Look::default());
        let caption = self.bookmarked(&format!("{TABLE_TARGET}{}", self.tables), &caption);
        self.para(Para::styled(styles::TABLE_CAPTION), caption);

        let (size, widths) = table::table_size(self.fonts, t);
        let cols = grid(&widths);
        let total: i64 = cols.iter().sum();
        let style = styles::table_text(size);
        let mut x = String::new();
        let rule = |side: &str| {
            format!(
                r#"<w:{side} w:val="single" w:sz="{}" w:space="0" w:color="{}"/>"#,
                (BORDER_PT * 8.0).round() as i64,
                hex(BORDER)
            )
        };
        let _ = write!(
            x,
            r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblBorders>{}{}{}{}{}{}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="{py}" w:type="dxa"/><w:left w:w="{px}" w:type="dxa"/><w:bottom w:w="{py}" w:type="dxa"/><w:right w:w="{px}" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#,
            rule("top"),
            rule("left"),
            rule("bottom"),
            rule("right"),
            rule("insideH"),
            rule("insideV"),
            py = twips(PAD_Y),
            // A hair less than the PDF's padding: LibreOffice takes the border's
            // width from the text too, and a word the PDF fits exactly would break.
            px = twips(PAD_X - CELL_SLACK),
        );
        for c in &cols {
            let _ = write!(x, r#"<w:gridCol w:w="{c}"/>"#);
        }
        x.push_str("</w:tblGrid>");

        // The header rows repeat on every page the table reaches.
        let head = |width: i64| Cell {
            width,
            fill: Some(HEAD_FILL),
            align: "center",
            centred: true,
            ..Cell::default()
        };
        let bold = Look::bold();
        let head_row = r#"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"#;
        let n = cols.len();
        let header = |i: usize| t.columns.get(i).map(|c| c.header.as_str()).unwrap_or("");
        let groups = t.groups();
        x.push_str(head_row);
        if groups.is_empty() {
            for (i, w) in cols.iter().enumerate() {
                cell(&mut x, &head(*w), style, header(i), &bold);
            }
        } else {
            // A group's name over its columns; an ungrouped header spans both rows.
            let mut i = 0;
            while i < n {
                match groups.iter().find(|g| g.0 == i) {
                    Some((start, end, name)) => {
                        let spec = Cell {
                            span: end - start,
                            ..head(cols[*start..*end].iter().sum())
                        };
                        cell(&mut x, &spec, style, name, &bold);
                        i = *end;
                    }
                    None => {
                        let spec = Cell {
                            merge: Some(true),
                            ..head(cols[i])
                        };
                        cell(&mut x, &spec, style, header(i), &bold);
                        i += 1;
                    }
                }
            }
            x.push_str("</w:tr>");
            x.push_str(head_row);
            for (i, w) in cols.iter().enumerate() {
                if t.columns.get(i).is_some_and(|c| c.group.is_some()) {
                    cell(&mut x, &head(*w), style, header(i), &bold);
                } else {
                    let spec = Cell {
                        merge: Some(false),
                        ..head(*w)
                    };
                    cell(&mut x, &spec, style, "", &bold);
                }
            }
        }
        x.push_str("</w:tr>");
        if t.number_columns {
            x.push_str(head_row);
            let look = Look {
                italic: true,
                size: Some(NOTE),
                ..Look::default()
            };
            for (i, w) in cols.iter().enumerate() {
                let spec = Cell {
                    fill: Some(NUMBER_FILL),
                    ..head(*w)
                };
                cell(&mut x, &spec, style, &format!("({})", i + 1), &look);
            }
            x.push_str("</w:tr>");
        }

        for r in 0..t.rows.len() {
            let keep_next = keep_with_next && r + 1 == t.rows.len();
            let (fill, look) = match t.row_style(r) {
                RowStyle::Normal => (None, Look::default()),
                RowStyle::Group => (Some(GROUP_FILL), Look::bold()),
                RowStyle::Subtotal => (Some(SUBTOTAL_FILL), Look::bold()),
                RowStyle::Total => (Some(TOTAL_FILL), Look::bold()),
            };
            x.push_str(r#"<w:tr><w:trPr><w:cantSplit/></w:trPr>"#);
            let (texts, spans) = t.row_cells(r);
            if spans {
                let spec = Cell {
                    width: total,
                    span: n,
                    fill,
                    keep_next,
                    ..Cell::default()
                };
                cell(&mut x, &spec, style, &texts[0], &look);
            } else {
                for (i, (w, text)) in cols.iter().zip(&texts).enumerate() {
                    let spec = Cell {
                        width: *w,
                        fill,
                        keep_next,
                        align: match t.columns.get(i).map(|c| c.align) {
                            Some(Align::Center) => "center",
                            Some(Align::Right) => "right",
                            _ => "left",
                        },
                        ..Cell::default()
                    };
                    cell(&mut x, &spec, style, text, &look);
                }
            }
            x.push_str("</w:tr>");
        }
        x.push_str("</w:tbl>");
        self.raw(&x);
        match &t.footnote {
            Some(note) if !note.trim().is_empty() => {
                let mut content = String::new();
                runs(&mut content, note, &Look::default());
                let para = Para {
                    keep_next: keep_with_next,
                    ..Para::styled(TABLE_NOTE)
                };
                self.para(para, content);
            }
            _ => self.after_table = true,
        }
    }

    fn chart(&mut self, c: &BarChart) -> Result<(), RenderError> {
        self.figures += 1;
        let mut caption = String::new();
        runs(&mut caption, &c.caption(), &Look::default());
        let caption = self.bookmarked(&format!("{FIGURE_TARGET}{}", self.figures), &caption);
        self.para(Para::styled(FIGURE_CAPTION), caption);

        let picture = layout::picture(self.fonts, |flow| flow.plot(c));
        let png = raster::png(self.fonts, &picture)?;
        self.pictures.push(png);
        let n = self.pictures.len();
        let (cx, cy) = (emu(picture.width), emu(picture.height));
        let name = escape(&c.caption());
        let content = format!(
            r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{n}" name="Gambar {n}" descr="{name}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="gambar{n}.png" descr="{name}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1"/></pic:cNvPicPr></pic:nvPicPr><pic:blipFill><a:blip r:embed="{}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#,
            picture_id(n)
        );
        self.para(
            Para {
                keep_lines: true,
                after: Some(twips(3.0)),
                align: Some("center"),
                ..Para::default()
            },
            content,
        );
        Ok(())
    }

    fn signature(&mut self, s: &Signature) {
        let mut lines: Vec<(String, Look, f64)> =
            vec![(s.place_date.clone(), Look::default(), 6.0)];
        lines.extend(s.position.iter().map(|p| (p.clone(), Look::bold(), 0.0)));
        lines.push((
            s.name.clone(),
            Look {
                bold: true,
                underline: true,
                ..Look::default()
            },
            SIGNATURE_ROOM,
        ));
        lines.push((s.rank.clone(), Look::default(), 0.0));
        lines.push((s.nip_line(), Look::default(), 0.0));
        let n = lines.len();
        for (i, (text, look, before)) in lines.into_iter().enumerate() {
            let mut content = String::new();
            runs(&mut content, &text, &look);
            let para = Para {
                style: Some(SIGNATURE),
                keep_next: i + 1 < n,
                before: (before > 0.0).then(|| twips(before)),
                ..Para::default()
            };
            self.para(para, content);
        }
    }
}

/// A table cell's properties.
struct Cell {
    /// Twips.
    width: i64,
    /// Grid columns it spans.
    span: usize,
    /// Starts (`true`) or continues a cell merged down the header rows.
    merge: Option<bool>,
    fill: Option<Rgb>,
    align: &'static str,
    /// Centred top to bottom (the header's cells).
    centred: bool,
    /// On the page of what follows the table.
    keep_next: bool,
}

impl Default for Cell {
    fn default() -> Cell {
        Cell {
            width: 0,
            span: 1,
            merge: None,
            fill: None,
            align: "left",
            centred: false,
            keep_next: false,
        }
    }
}

/// A table cell holding `text` in the table text style `style`.
fn cell(x: &mut String, c: &Cell, style: &'static str, text: &str, look: &Look) {
    let _ = write!(
        x,
        r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/>"#,
        c.width
    );
    if c.span > 1 {
        let _ = write!(x, r#"<w:gridSpan w:val="{}"/>"#, c.span);
    }
    match c.merge {
        Some(true) => x.push_str(r#"<w:vMerge w:val="restart"/>"#),
        Some(false) => x.push_str("<w:vMerge/>"),
        None => {}
    }
    if let Some(f) = c.fill {
        let _ = write!(
            x,
            r#"<w:shd w:val="clear" w:color="auto" w:fill="{}"/>"#,
            hex(f)
        );
    }
    if c.centred {
        x.push_str(r#"<w:vAlign w:val="center"/>"#);
    }
    x.push_str("</w:tcPr><w:p>");
    let para = Para {
        style: Some(style),
        keep_next: c.keep_next,
        align: (c.align != "left").then_some(c.align),
        ..Para::default()
    };
    para.write(x);
    if !text.trim().is_empty() {
        runs(x, text, look);
    }
    x.push_str("</w:p></w:tc>");
}

/// The entries of a list of tables or figures, each linked to its caption's
/// bookmark: `target` and its number.
fn listed(entries: &[Entry], target: &str) -> Vec<Listed> {
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| Listed {
            style: LIST_OF,
            text: format!("{} {}", e.label, e.text).trim().to_string(),
            target: format!("{target}{}", i + 1),
            page: e.page,
        })
        .collect()
}

/// An entry of a list of contents, tables or figures.
struct Listed {
    style: &'static str,
    text: String,
    /// The bookmark it links to.
    target: String,
    /// Its page in the PDF.
    page: usize,
}

/// Column widths in twips that add up to the text width exactly.
fn grid(widths: &[f64]) -> Vec<i64> {
    let mut out = Vec::with_capacity(widths.len());
    let mut edge = 0.0;
    let mut last = 0;
    for w in widths {
        edge += w;
        let at = twips(edge);
        out.push((at - last).max(1));
        last = at;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_columns_add_up_to_the_table() {
        let cols = grid(&[10.3, 50.35, 109.35]);
        assert_eq!(cols.iter().sum::<i64>(), twips(170.0));
        assert_eq!(cols[0], twips(10.3));
    }

    #[test]
    fn the_furniture_stays_in_the_margins() {
        let fonts = Fonts::load().unwrap();
        let (lh, top) = header_line(&fonts);
        assert!(top > 10.0 && top + lh < HEADER_RULE + 0.5, "{top} {lh}");
        let (lh, top) = footer_line(&fonts);
        assert!(top > FOOTER_RULE && top + lh < PAGE_H - 5.0, "{top} {lh}");
    }
}
