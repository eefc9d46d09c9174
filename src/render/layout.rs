//! Page layout: the report's blocks flowed onto A4 pages as positioned text, lines
//! and fills. Everything is measured here, so the painter only draws; the lists
//! of contents and tables take their page numbers from the previous pass, and
//! the passes repeat until the numbers no longer change.

use super::fonts::{pt, Face, Fonts, Rgb};
use super::report::{Block, Chapter, ListBlock, ListStyle, Report, Signature, TableBlock, PAGE_OF};
use super::subset::{self, PathCmd};
use super::table::Prepared;
use super::text::{wrap, Line};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub(crate) const PAGE_W: f64 = 210.0;
pub(crate) const PAGE_H: f64 = 297.0;
/// Text area: the wider left margin leaves room for binding.
pub(crate) const LEFT: f64 = 30.0;
pub(crate) const RIGHT: f64 = PAGE_W - 20.0;
pub(crate) const WIDTH: f64 = RIGHT - LEFT;
pub(crate) const TOP: f64 = 30.0;
pub(crate) const BOTTOM: f64 = 274.0;

pub(crate) const BODY: u8 = 11;
pub(crate) const BODY_LEADING: f64 = 1.45;
pub(crate) const PARA_GAP: f64 = 2.6;
pub(crate) const FIRST_INDENT: f64 = 10.0;
/// The signature block sits in the right part of the text width.
pub(crate) const SIGNATURE_W: f64 = 90.0;
/// Room left for the handwritten signature, between the position and the name.
pub(crate) const SIGNATURE_ROOM: f64 = 22.0;

/// Where the cover's three blocks start.
pub(crate) const COVER_GOVERNMENT: f64 = 42.0;
pub(crate) const COVER_TITLE: f64 = 90.0;
pub(crate) const COVER_PUBLISHER: f64 = 196.0;

/// The page furniture: the running header's baseline and the rule under it, the
/// rule over the footer and the footer's baseline, the top of the draft mark.
pub(crate) const HEADER_BASELINE: f64 = 20.0;
pub(crate) const HEADER_RULE: f64 = 22.0;
pub(crate) const FOOTER_RULE: f64 = 281.0;
pub(crate) const FOOTER_BASELINE: f64 = 286.0;
pub(crate) const FURNITURE: u8 = 9;
pub(crate) const DRAFT_TOP: f64 = 6.0;
pub(crate) const DRAFT_TOP_COVER: f64 = 9.5;

pub(crate) const GREY_TEXT: Rgb = Rgb(85, 85, 85);
pub(crate) const RULE: Rgb = Rgb(60, 60, 60);
pub(crate) const DRAFT_RED: Rgb = Rgb(192, 0, 0);
pub(crate) const ACCENT: Rgb = Rgb(31, 73, 125);

/// Something to draw; coordinates in mm from the page's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Op {
    Text {
        x: f64,
        baseline: f64,
        face: Face,
        size: u8,
        color: Rgb,
        text: String,
    },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        width_pt: f64,
        color: Rgb,
    },
    Fill {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        color: Rgb,
    },
    /// A filled outline in font units, placed by a PDF matrix (points, origin at
    /// the page's bottom-left).
    Shape {
        path: Vec<PathCmd>,
        matrix: [f64; 6],
        color: Rgb,
    },
    Frame {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        width_pt: f64,
        color: Rgb,
    },
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Page {
    pub(crate) ops: Vec<Op>,
    pub(crate) cover: bool,
    /// The chapter the page belongs to, for the running header.
    pub(crate) chapter: String,
}

/// A line of the table of contents, the list of tables or the list of figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) level: u8,
    /// The table or figure number; empty for headings.
    pub(crate) label: String,
    pub(crate) text: String,
    /// 1-based physical page.
    pub(crate) page: usize,
}

/// What a pass found: the entries of the three lists, with their pages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Index {
    pub(crate) toc: Vec<Entry>,
    pub(crate) tables: Vec<Entry>,
    pub(crate) figures: Vec<Entry>,
}

pub(crate) struct Layout {
    pub(crate) pages: Vec<Page>,
    pub(crate) index: Index,
}

/// A figure drawn as the PDF draws it, for the Word document to show as a
/// picture: its operations in page coordinates, and the area they cover.
pub(crate) struct Picture {
    pub(crate) ops: Vec<Op>,
    pub(crate) left: f64,
    pub(crate) top: f64,
    pub(crate) width: f64,
    pub(crate) height: f64,
}

/// What `draw` lays out at the top of an empty page, across the text width.
pub(crate) fn picture(fonts: &Fonts, draw: impl FnOnce(&mut Flow)) -> Picture {
    let known = Index::default();
    let tables = Tables::default();
    let mut flow = Flow {
        f: fonts,
        known: &known,
        tables: &tables,
        pages: Vec::new(),
        y: TOP,
        chapter: String::new(),
        index: Index::default(),
    };
    flow.new_page();
    draw(&mut flow);
    let height = flow.y - TOP;
    Picture {
        ops: flow.pages.into_iter().flat_map(|p| p.ops).collect(),
        left: LEFT,
        top: TOP,
        width: WIDTH,
        height,
    }
}

/// Lays the report out, repeating until the listed page numbers are stable.
pub(crate) fn layout(fonts: &Fonts, report: &Report) -> Layout {
    let mut known = Index::default();
    let mut last = None;
    let tables = Tables::default();
    for _ in 0..6 {
        let result = pass(fonts, report, &known, &tables);
        if result.index == known {
            return decorate(fonts, report, result);
        }
        known = result.index.clone();
        last = Some(result);
    }
    decorate(fonts, report, last.expect("at least one pass"))
}

fn pass(fonts: &Fonts, report: &Report, known: &Index, tables: &Tables) -> Layout {
    let mut flow = Flow {
        f: fonts,
        known,
        tables,
        pages: Vec::new(),
        y: TOP,
        chapter: String::new(),
        index: Index::default(),
    };
    flow.cover(report);
    for chapter in &report.chapters {
        flow.chapter(chapter);
    }
    Layout {
        pages: flow.pages,
        index: flow.index,
    }
}

/// The report's tables measured for the page width, by their place in the
/// report: a table's rows are wrapped once, not in every pass nor for every look
/// at its height.
pub(crate) type Tables = RefCell<HashMap<*const TableBlock, Rc<Prepared>>>;

pub(crate) struct Flow<'a> {
    pub(crate) f: &'a Fonts,
    known: &'a Index,
    pub(crate) tables: &'a Tables,
    pub(crate) pages: Vec<Page>,
    /// Top of the free space on the current page.
    pub(crate) y: f64,
    chapter: String,
    pub(crate) index: Index,
}

/// Height of a line of `size` points at `leading` times the size.
pub(crate) fn line_height(size: u8, leading: f64) -> f64 {
    pt(f64::from(size) * leading)
}

pub(crate) fn body_lh() -> f64 {
    line_height(BODY, BODY_LEADING)
}

impl<'a> Flow<'a> {
    pub(crate) fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a page")
    }

    pub(crate) fn page_no(&self) -> usize {
        self.pages.len()
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Page {
            ops: Vec::new(),
            cover: false,
            chapter: self.chapter.clone(),
        });
        self.y = TOP;
    }

    /// True while nothing has been placed on the current page.
    pub(crate) fn fresh(&self) -> bool {
        self.y <= TOP + 1e-6
    }

    pub(crate) fn room(&self) -> f64 {
        BOTTOM - self.y
    }

    /// Starts a new page unless `h` mm fit (or the page is still empty).
    pub(crate) fn ensure(&mut self, h: f64) {
        if h > self.room() + 1e-6 && !self.fresh() {
            self.new_page();
        }
    }

    /// Vertical space, dropped at the top of a page.
    pub(crate) fn gap(&mut self, h: f64) {
        if !self.fresh() {
            self.y = (self.y + h).min(BOTTOM);
        }
    }

    pub(crate) fn push(&mut self, op: Op) {
        self.page().ops.push(op);
    }

    /// The baseline of a line of `size` points in a box of height `lh` whose top is `top`.
    pub(crate) fn baseline(&self, top: f64, lh: f64, face: Face, size: u8) -> f64 {
        let a = self.f.ascent(face, size);
        let d = self.f.descent(face, size);
        top + (lh - (a + d)) / 2.0 + a
    }

    pub(crate) fn text(
        &mut self,
        x: f64,
        baseline: f64,
        face: Face,
        size: u8,
        color: Rgb,
        s: impl Into<String>,
    ) {
        let text = s.into();
        if !text.trim().is_empty() {
            self.push(Op::Text {
                x,
                baseline,
                face,
                size,
                color,
                text,
            });
        }
    }

    /// Draws one laid-out line: justified across `width` when `justify`, else
    /// aligned by `align` (0 left, 0.5 centre, 1 right).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn line(
        &mut self,
        l: &Line,
        x: f64,
        width: f64,
        baseline: f64,
        face: Face,
        size: u8,
        color: Rgb,
        justify: bool,
        align: f64,
    ) {
        if l.words.is_empty() {
            return;
        }
        let stretch = width - l.width;
        if justify && !l.last && l.words.len() > 1 && stretch > 0.0 && l.width > width * 0.7 {
            let space = self.f.width(face, size, " ");
            let extra = stretch / (l.words.len() - 1) as f64;
            let mut cx = x;
            for w in &l.words {
                self.text(cx, baseline, face, size, color, w.text.clone());
                cx += w.width + space + extra;
            }
        } else {
            let dx = (width - l.width).max(0.0) * align;
            self.text(x + dx, baseline, face, size, color, l.text());
        }
    }

    fn cover(&mut self, r: &Report) {
        self.pages.push(Page {
            ops: Vec::new(),
            cover: true,
            chapter: String::new(),
        });
        let centre = |flow: &mut Flow,
                      y: f64,
                      face: Face,
                      size: u8,
                      color: Rgb,
                      text: &str,
                      width: f64|
         -> f64 {
            let lh = line_height(size, 1.25);
            let mut y = y;
            for l in wrap(flow.f, face, size, text, width, 0.0) {
                let b = flow.baseline(y, lh, face, size);
                flow.line(
                    &l,
                    (PAGE_W - width) / 2.0,
                    width,
                    b,
                    face,
                    size,
                    color,
                    false,
                    0.5,
                );
                y += lh;
            }
            y
        };
        // A band at the head and the foot of the page, and a frame between.
        self.push(Op::Fill {
            x: 0.0,
            y: 0.0,
            w: PAGE_W,
            h: 6.0,
            color: ACCENT,
        });
        self.push(Op::Fill {
            x: 0.0,
            y: PAGE_H - 6.0,
            w: PAGE_W,
            h: 6.0,
            color: ACCENT,
        });
        self.push(Op::Frame {
            x: 18.0,
            y: 24.0,
            w: PAGE_W - 36.0,
            h: PAGE_H - 48.0,
            width_pt: 1.2,
            color: ACCENT,
        });
        self.push(Op::Frame {
            x: 20.0,
            y: 26.0,
            w: PAGE_W - 40.0,
            h: PAGE_H - 52.0,
            width_pt: 0.4,
            color: ACCENT,
        });
        let cover = r.cover();
        let inner = PAGE_W - 60.0;
        let mut y = COVER_GOVERNMENT;
        for line in &cover.government {
            y = centre(self, y, Face::Bold, 13, Rgb::BLACK, line, inner);
        }
        self.push(Op::Line {
            x1: 45.0,
            y1: y + 3.0,
            x2: PAGE_W - 45.0,
            y2: y + 3.0,
            width_pt: 0.8,
            color: ACCENT,
        });
        y = COVER_TITLE;
        y = centre(self, y, Face::Bold, 40, ACCENT, &cover.acronym, inner);
        y += 6.0;
        y = centre(self, y, Face::Bold, 18, Rgb::BLACK, &cover.title, inner);
        y += 2.0;
        centre(self, y, Face::Bold, 18, Rgb::BLACK, &cover.year, inner);
        let mut y = COVER_PUBLISHER;
        for line in &cover.publisher {
            y = centre(self, y, Face::Bold, 14, Rgb::BLACK, line, inner);
        }
        y += 4.0;
        for a in &cover.address {
            y = centre(self, y, Face::Regular, 10, GREY_TEXT, a, inner);
        }
        y += 4.0;
        centre(self, y, Face::Bold, 14, Rgb::BLACK, &cover.issued, inner);
    }

    fn chapter(&mut self, c: &Chapter) {
        self.chapter = c.running_title();
        self.new_page();
        let size = 14;
        let lh = line_height(size, 1.3);
        if let Some(n) = &c.number {
            let lines = wrap(self.f, Face::Bold, size, n, WIDTH, 0.0);
            for l in &lines {
                let b = self.baseline(self.y, lh, Face::Bold, size);
                self.line(l, LEFT, WIDTH, b, Face::Bold, size, Rgb::BLACK, false, 0.5);
                self.y += lh;
            }
        }
        for l in &wrap(self.f, Face::Bold, size, &c.title, WIDTH, 0.0) {
            let b = self.baseline(self.y, lh, Face::Bold, size);
            self.line(l, LEFT, WIDTH, b, Face::Bold, size, Rgb::BLACK, false, 0.5);
            self.y += lh;
        }
        self.y += 8.0;
        let page = self.page_no();
        self.index.toc.push(Entry {
            level: 1,
            label: String::new(),
            text: self.chapter.clone(),
            page,
        });
        for (i, block) in c.blocks.iter().enumerate() {
            self.block(block, c.blocks.get(i + 1));
        }
    }

    fn block(&mut self, block: &Block, next: Option<&Block>) {
        match block {
            Block::Heading { level, text } => self.heading(*level, text, next),
            Block::Paragraph(text) => self.paragraph(text),
            Block::List(list) => self.list(list),
            Block::Table(t) => {
                // A signature after a table takes the table's last row along to
                // its page rather than stand alone.
                let keep = match next {
                    Some(Block::Signature(sig)) => self.signature_height(sig) + 6.0,
                    _ => 0.0,
                };
                self.table(t, keep)
            }
            Block::BarChart(c) => self.bar_chart(c),
            Block::Signature(s) => self.signature(s),
            Block::PageBreak => {
                if !self.fresh() {
                    self.new_page();
                }
            }
            Block::TableOfContents => {
                let entries = self.known.toc.clone();
                self.contents(&entries);
            }
            Block::ListOfTables => {
                let entries = self.known.tables.clone();
                self.list_of(&entries, "Tabel");
            }
            Block::ListOfFigures => {
                let entries = self.known.figures.clone();
                self.list_of(&entries, "Gambar");
            }
        }
    }

    /// The least height a block needs on the page where it starts, so that a
    /// heading is never left alone at the foot of a page.
    fn min_height(&self, block: Option<&Block>) -> f64 {
        match block {
            Some(Block::Paragraph(_)) | Some(Block::List(_)) => 2.0 * body_lh(),
            Some(Block::Heading { .. }) => 3.0 * body_lh(),
            Some(Block::Table(t)) => self.table_start_height(t),
            Some(Block::BarChart(c)) => self.chart_height(c),
            Some(Block::Signature(s)) => self.signature_height(s),
            _ => 0.0,
        }
    }

    fn heading(&mut self, level: u8, text: &str, next: Option<&Block>) {
        let face = if level <= 3 {
            Face::Bold
        } else {
            Face::BoldItalic
        };
        let size = BODY;
        let lh = body_lh();
        let lines = wrap(self.f, face, size, text, WIDTH, 0.0);
        self.gap(3.0);
        let h = lines.len() as f64 * lh + 1.5;
        self.ensure(h + self.min_height(next));
        if level <= 3 {
            let page = self.page_no();
            self.index.toc.push(Entry {
                level,
                label: String::new(),
                text: text.trim().to_string(),
                page,
            });
        }
        for l in &lines {
            let b = self.baseline(self.y, lh, face, size);
            self.line(l, LEFT, WIDTH, b, face, size, Rgb::BLACK, false, 0.0);
            self.y += lh;
        }
        self.y += 1.5;
    }

    /// Places `lines` at `x`, `width` wide, breaking across pages with at least
    /// two lines on each side of a break where the paragraph allows it.
    #[allow(clippy::too_many_arguments)]
    fn flow_lines(
        &mut self,
        lines: &[Line],
        x: f64,
        width: f64,
        first_indent: f64,
        face: Face,
        size: u8,
        justify: bool,
    ) {
        let lh = line_height(size, BODY_LEADING);
        let mut i = 0;
        while i < lines.len() {
            let fit = ((self.room() + 1e-6) / lh).floor() as usize;
            let left = lines.len() - i;
            let take = if fit >= left {
                left
            } else {
                let mut take = fit;
                if left - take < 2 && left >= 4 {
                    take = left - 2;
                }
                if take < 2 && !self.fresh() {
                    self.new_page();
                    continue;
                }
                take.max(1)
            };
            for (k, l) in lines[i..i + take].iter().enumerate() {
                let indent = if i + k == 0 { first_indent } else { 0.0 };
                let b = self.baseline(self.y, lh, face, size);
                self.line(
                    l,
                    x + indent,
                    width - indent,
                    b,
                    face,
                    size,
                    Rgb::BLACK,
                    justify,
                    0.0,
                );
                self.y += lh;
            }
            i += take;
            if i < lines.len() {
                self.new_page();
            }
        }
    }

    fn paragraph(&mut self, text: &str) {
        let lines = wrap(self.f, Face::Regular, BODY, text, WIDTH, FIRST_INDENT);
        self.flow_lines(&lines, LEFT, WIDTH, FIRST_INDENT, Face::Regular, BODY, true);
        self.gap(PARA_GAP);
    }

    fn list(&mut self, list: &ListBlock) {
        let (markers, indent, hang) = list_geometry(self.f, list);
        let lh = body_lh();
        for (item, marker) in list.items.iter().zip(&markers) {
            let lines = wrap(self.f, Face::Regular, BODY, item, WIDTH - hang, 0.0);
            self.ensure(lh * lines.len().min(2) as f64);
            let b = self.baseline(self.y, lh, Face::Regular, BODY);
            self.text(
                LEFT + indent,
                b,
                Face::Regular,
                BODY,
                Rgb::BLACK,
                marker.clone(),
            );
            self.flow_lines(
                &lines,
                LEFT + hang,
                WIDTH - hang,
                0.0,
                Face::Regular,
                BODY,
                true,
            );
            self.y += 1.0;
        }
        self.gap(PARA_GAP);
    }

    fn signature_lines(s: &Signature) -> Vec<(String, Face)> {
        let mut lines = vec![(s.place_date.clone(), Face::Regular)];
        lines.extend(s.position.iter().map(|p| (p.clone(), Face::Bold)));
        lines
    }

    pub(crate) fn signature_height(&self, s: &Signature) -> f64 {
        let lh = body_lh();
        let w = SIGNATURE_W;
        let top: usize = Self::signature_lines(s)
            .iter()
            .map(|(t, face)| wrap(self.f, *face, BODY, t, w, 0.0).len())
            .sum();
        let bottom = wrap(self.f, Face::Bold, BODY, &s.name, w, 0.0).len() + 2;
        (top + bottom) as f64 * lh + SIGNATURE_ROOM + 6.0
    }

    fn signature(&mut self, s: &Signature) {
        let h = self.signature_height(s);
        self.gap(6.0);
        self.ensure(h);
        let lh = body_lh();
        let x = RIGHT - SIGNATURE_W;
        let w = SIGNATURE_W;
        let put = |flow: &mut Flow, text: &str, face: Face, underline: bool| {
            for l in wrap(flow.f, face, BODY, text, w, 0.0) {
                let b = flow.baseline(flow.y, lh, face, BODY);
                flow.line(&l, x, w, b, face, BODY, Rgb::BLACK, false, 0.5);
                if underline && !l.words.is_empty() {
                    let x0 = x + (w - l.width) / 2.0;
                    flow.push(Op::Line {
                        x1: x0,
                        y1: b + 0.8,
                        x2: x0 + l.width,
                        y2: b + 0.8,
                        width_pt: 0.6,
                        color: Rgb::BLACK,
                    });
                }
                flow.y += lh;
            }
        };
        for (t, face) in Self::signature_lines(s) {
            put(self, &t, face, false);
        }
        self.y += SIGNATURE_ROOM;
        put(self, &s.name, Face::Bold, true);
        put(self, &s.rank, Face::Regular, false);
        put(self, &s.nip_line(), Face::Regular, false);
        self.y += 4.0;
    }

    /// Draws one entry of a list with dot leaders and the page number at the right.
    #[allow(clippy::too_many_arguments)]
    fn entry(
        &mut self,
        label: &str,
        label_w: f64,
        text: &str,
        page: Option<usize>,
        indent: f64,
        face: Face,
    ) {
        let size = BODY;
        let lh = line_height(size, 1.3);
        let num_w = 12.0;
        let x = LEFT + indent + label_w;
        let text_w = WIDTH - indent - label_w - num_w - 4.0;
        let lines = wrap(self.f, face, size, text, text_w, 0.0);
        self.ensure(lines.len() as f64 * lh);
        if !label.is_empty() {
            let b = self.baseline(self.y, lh, face, size);
            self.text(LEFT + indent, b, face, size, Rgb::BLACK, label.to_string());
        }
        for (k, l) in lines.iter().enumerate() {
            let b = self.baseline(self.y, lh, face, size);
            self.line(l, x, text_w, b, face, size, Rgb::BLACK, false, 0.0);
            if k + 1 == lines.len() {
                let from = x + l.width + 1.5;
                let to = RIGHT - num_w - 1.0;
                let dot = self.f.width(Face::Regular, size, ".");
                let n = ((to - from) / dot).floor().max(0.0) as usize;
                if n > 2 {
                    let dots = ".".repeat(n);
                    let dx = to - dot * n as f64;
                    self.text(dx, b, Face::Regular, size, GREY_TEXT, dots);
                }
                let num = page.map(|p| p.to_string()).unwrap_or_default();
                let nw = self.f.width(face, size, &num);
                self.text(RIGHT - nw, b, face, size, Rgb::BLACK, num);
            }
            self.y += lh;
        }
    }

    fn contents(&mut self, entries: &[Entry]) {
        for e in entries {
            let (indent, face) = match e.level {
                1 => (0.0, Face::Bold),
                2 => (7.0, Face::Regular),
                _ => (14.0, Face::Regular),
            };
            if e.level == 1 {
                self.gap(1.5);
            }
            self.entry("", 0.0, &e.text, Some(e.page), indent, face);
        }
        self.gap(PARA_GAP);
    }

    fn list_of(&mut self, entries: &[Entry], _kind: &str) {
        let label_w = entries
            .iter()
            .map(|e| self.f.width(Face::Regular, BODY, &e.label))
            .fold(0.0, f64::max)
            + 3.0;
        for e in entries {
            self.entry(&e.label, label_w, &e.text, Some(e.page), 0.0, Face::Regular);
            self.y += 0.8;
        }
        self.gap(PARA_GAP);
    }
}

/// A list's markers, where they stand and where the items' text starts (mm from
/// the text's left edge): past the widest marker.
pub(crate) fn list_geometry(fonts: &Fonts, list: &ListBlock) -> (Vec<String>, f64, f64) {
    let markers: Vec<String> = (0..list.items.len())
        .map(|i| match list.style {
            ListStyle::Bullet => "\u{2022}".to_string(),
            ListStyle::Numbered => format!("{}.", i + 1),
            ListStyle::Lettered => format!("{}.", letters(i)),
        })
        .collect();
    let marker_w = markers
        .iter()
        .map(|m| fonts.width(Face::Regular, BODY, m))
        .fold(0.0, f64::max);
    let indent = 4.0;
    (markers, indent, indent + marker_w + 2.5)
}

/// "a", "b", … "z", "aa", …
fn letters(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push((b'a' + (i % 26) as u8) as char);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.iter().rev().collect()
}

/// "DRAFT" in large pale letters across the page, drawn as outlines (not text,
/// so text extraction and search see only the mark in the header).
fn watermark(fonts: &Fonts) -> Option<Op> {
    let data = Face::Bold.bytes();
    let m = subset::metrics(data).ok()?;
    let mut path = Vec::new();
    let mut x = 0.0;
    for gid in fonts.glyph_ids(Face::Bold, "DRAFT") {
        let (p, adv) = subset::outline(data, gid, x).ok()?;
        path.extend(p);
        x += adv;
    }
    let to_pt = 72.0 / 25.4;
    // About two thirds of the page's diagonal.
    let theta = (PAGE_H / PAGE_W).atan();
    let diagonal = (PAGE_W * PAGE_W + PAGE_H * PAGE_H).sqrt() * to_pt;
    let scale = diagonal * 0.62 / x;
    let (a, b) = (scale * theta.cos(), scale * theta.sin());
    let (c, d) = (-b, a);
    let (w, h) = (x, f64::from(m.cap_height));
    let (cx, cy) = (PAGE_W / 2.0 * to_pt, PAGE_H / 2.0 * to_pt);
    let e = cx - (a * w / 2.0 + c * h / 2.0);
    let f = cy - (b * w / 2.0 + d * h / 2.0);
    Some(Op::Shape {
        path,
        matrix: [a, b, c, d, e, f],
        color: Rgb(250, 222, 222),
    })
}

/// `s`, shortened with an ellipsis if it is wider than `width` mm.
fn fit(fonts: &Fonts, face: Face, size: u8, s: &str, width: f64) -> String {
    if fonts.width(face, size, s) <= width {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len())
        .rev()
        .map(|n| {
            format!(
                "{}\u{2026}",
                chars[..n].iter().collect::<String>().trim_end()
            )
        })
        .find(|t| fonts.width(face, size, t) <= width)
        .unwrap_or_default()
}

/// The size the draft mark is printed at: the largest (up to 12 points, 14 on
/// the cover) at which it fits across the page.
pub(crate) fn draft_size(fonts: &Fonts, mark: &str, cover: bool) -> u8 {
    let fits = |size: u8| fonts.width(Face::Bold, size, mark) <= WIDTH + 10.0;
    let base: u8 = if cover { 14 } else { 12 };
    (8..=base).rev().find(|&s| fits(s)).unwrap_or(8)
}

/// The chapter's name in the running header beside `header`, shortened with an
/// ellipsis where both would not fit on the line.
pub(crate) fn running_chapter(fonts: &Fonts, header: &str, chapter: &str) -> String {
    let room = WIDTH - fonts.width(Face::Bold, FURNITURE, header) - 8.0;
    fit(fonts, Face::Italic, FURNITURE, chapter, room)
}

/// Adds the running header, the footer "Halaman X dari Y" and the draft mark.
fn decorate(fonts: &Fonts, report: &Report, mut layout: Layout) -> Layout {
    let total = layout.pages.len();
    let header = report.header_title();
    let draft = report.draft();
    let watermark = draft.and_then(|_| watermark(fonts));
    for (i, page) in layout.pages.iter_mut().enumerate() {
        let mut ops = Vec::new();
        if let Some(mark) = draft {
            ops.extend(watermark.iter().cloned());
            let size = draft_size(fonts, mark, page.cover);
            let w = fonts.width(Face::Bold, size, mark);
            let h = line_height(size, 1.5);
            let x = (PAGE_W - w) / 2.0;
            let top = if page.cover {
                DRAFT_TOP_COVER
            } else {
                DRAFT_TOP
            };
            ops.push(Op::Fill {
                x: x - 3.0,
                y: top,
                w: w + 6.0,
                h,
                color: Rgb(255, 235, 235),
            });
            ops.push(Op::Frame {
                x: x - 3.0,
                y: top,
                w: w + 6.0,
                h,
                width_pt: 1.0,
                color: DRAFT_RED,
            });
            let a = fonts.ascent(Face::Bold, size);
            let d = fonts.descent(Face::Bold, size);
            ops.push(Op::Text {
                x,
                baseline: top + (h - (a + d)) / 2.0 + a,
                face: Face::Bold,
                size,
                color: DRAFT_RED,
                text: mark.to_string(),
            });
        }
        if !page.cover {
            let size = FURNITURE;
            let b = HEADER_BASELINE;
            ops.push(Op::Text {
                x: LEFT,
                baseline: b,
                face: Face::Bold,
                size,
                color: GREY_TEXT,
                text: header.clone(),
            });
            let chapter = running_chapter(fonts, &header, &page.chapter);
            if !chapter.is_empty() {
                let cw = fonts.width(Face::Italic, size, &chapter);
                ops.push(Op::Text {
                    x: RIGHT - cw,
                    baseline: b,
                    face: Face::Italic,
                    size,
                    color: GREY_TEXT,
                    text: chapter,
                });
            }
            ops.push(Op::Line {
                x1: LEFT,
                y1: HEADER_RULE,
                x2: RIGHT,
                y2: HEADER_RULE,
                width_pt: 0.6,
                color: RULE,
            });
            let footer = format!("{} {} {} {}", PAGE_OF[0], i + 1, PAGE_OF[1], total);
            let fw = fonts.width(Face::Regular, size, &footer);
            ops.push(Op::Line {
                x1: LEFT,
                y1: FOOTER_RULE,
                x2: RIGHT,
                y2: FOOTER_RULE,
                width_pt: 0.4,
                color: RULE,
            });
            ops.push(Op::Text {
                x: (LEFT + RIGHT - fw) / 2.0,
                baseline: FOOTER_BASELINE,
                face: Face::Regular,
                size,
                color: GREY_TEXT,
                text: footer,
            });
        }
        ops.append(&mut page.ops);
        page.ops = ops;
    }
    layout
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_continue_past_z() {
        assert_eq!(letters(0), "a");
        assert_eq!(letters(25), "z");
        assert_eq!(letters(26), "aa");
    }
}

#[cfg(test)]
mod watermark_tests {
    use super::*;

    #[test]
    fn watermark_is_centred_on_the_page() {
        let fonts = Fonts::load().unwrap();
        let Some(Op::Shape { path, matrix, .. }) = watermark(&fonts) else {
            panic!("no watermark")
        };
        let [a, b, c, d, e, f] = matrix;
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for cmd in &path {
            if let PathCmd::Move(x, y) | PathCmd::Line(x, y) | PathCmd::Cubic(_, _, _, _, x, y) =
                *cmd
            {
                let (px, py) = (a * x + c * y + e, b * x + d * y + f);
                x0 = x0.min(px);
                x1 = x1.max(px);
                y0 = y0.min(py);
                y1 = y1.max(py);
            }
        }
        let to_pt = 72.0 / 25.4;
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        assert!((cx - PAGE_W / 2.0 * to_pt).abs() < 15.0, "centre x {cx}");
        assert!((cy - PAGE_H / 2.0 * to_pt).abs() < 15.0, "centre y {cy}");
        assert!(x0 > 0.0 && y0 > 0.0 && x1 < PAGE_W * to_pt && y1 < PAGE_H * to_pt);
    }
}
