//! Tables laid out row by row: column widths from the weights, every cell wrapped
//! inside its column, and on each page the table continues on, its caption
//! "(lanjutan)" and header rows again. A row taller than a page is split between
//! lines, never dropped.

use super::fonts::{Face, Fonts, Rgb};
use super::layout::{line_height, Entry, Flow, Op, BOTTOM, LEFT, TOP, WIDTH};
use super::report::{Align, RowStyle, TableBlock, CONTINUED};
use super::text::{wrap, Line};
use std::rc::Rc;

/// Table text sizes, tried in turn until every column fits its longest word.
pub(crate) const SIZES: [u8; 3] = [9, 8, 7];
pub(crate) const LEADING: f64 = 1.22;
pub(crate) const PAD_X: f64 = 1.4;
pub(crate) const PAD_Y: f64 = 1.1;
pub(crate) const CAPTION: u8 = 10;
pub(crate) const NOTE: u8 = 8;
pub(crate) const BORDER_PT: f64 = 0.5;
pub(crate) const BORDER: Rgb = Rgb(64, 64, 64);
pub(crate) const HEAD_FILL: Rgb = Rgb(217, 226, 238);
pub(crate) const NUMBER_FILL: Rgb = Rgb(236, 240, 246);
pub(crate) const GROUP_FILL: Rgb = Rgb(246, 246, 246);
pub(crate) const SUBTOTAL_FILL: Rgb = Rgb(240, 240, 240);
pub(crate) const TOTAL_FILL: Rgb = Rgb(226, 226, 226);
const EPS: f64 = 1e-6;

/// A header cell, placed relative to the top of the header.
struct HeadCell {
    x: f64,
    w: f64,
    top: f64,
    h: f64,
    lines: Vec<Line>,
    face: Face,
    size: u8,
}

struct Cell {
    x: f64,
    w: f64,
    lines: Vec<Line>,
    face: Face,
    align: f64,
}

struct Row {
    cells: Vec<Cell>,
    lines: usize,
    style: RowStyle,
}

/// A table measured for the page width.
pub(crate) struct Prepared {
    size: u8,
    caption: Vec<Line>,
    continued: Vec<Line>,
    head: Vec<HeadCell>,
    head_h: f64,
    rows: Vec<Row>,
    footnote: Vec<Line>,
}

fn lh(size: u8) -> f64 {
    line_height(size, LEADING)
}

fn caption_lh() -> f64 {
    line_height(CAPTION, 1.3)
}

fn note_lh() -> f64 {
    line_height(NOTE, 1.3)
}

fn row_h(size: u8, lines: usize) -> f64 {
    lines as f64 * lh(size) + 2.0 * PAD_Y
}

impl Prepared {
    fn caption_h(&self) -> f64 {
        self.caption.len() as f64 * caption_lh() + 1.5
    }

    fn continued_h(&self) -> f64 {
        self.continued.len() as f64 * note_lh() + 1.0
    }

    fn foot_h(&self) -> f64 {
        if self.footnote.is_empty() {
            0.0
        } else {
            self.footnote.len() as f64 * note_lh() + 1.5
        }
    }

    /// Room for body rows on a page the table continues on.
    fn continued_room(&self) -> f64 {
        BOTTOM - TOP - self.continued_h() - self.head_h
    }
}

fn align(a: Align) -> f64 {
    match a {
        Align::Left => 0.0,
        Align::Center => 0.5,
        Align::Right => 1.0,
    }
}

/// Widths in proportion to `weights`, but each at least its `min` where the
/// others can give up the room: a narrow column gets wide enough for its longest
/// word instead of splitting it.
fn fit_widths(weights: &[f64], mins: &[f64], total: f64) -> Option<Vec<f64>> {
    let sum: f64 = weights.iter().sum();
    let mut w: Vec<f64> = if sum <= 0.0 {
        vec![total / weights.len().max(1) as f64; weights.len()]
    } else {
        weights.iter().map(|x| total * x / sum).collect()
    };
    if mins.iter().sum::<f64>() > total + EPS {
        return None;
    }
    for _ in 0..weights.len() + 1 {
        let deficit: f64 = w.iter().zip(mins).map(|(w, m)| (m - w).max(0.0)).sum();
        if deficit <= EPS {
            break;
        }
        let slack: f64 = w.iter().zip(mins).map(|(w, m)| (w - m).max(0.0)).sum();
        let take = (deficit / slack).min(1.0);
        for (w, m) in w.iter_mut().zip(mins) {
            if *w < *m {
                *w = *m;
            } else {
                *w -= (*w - m) * take;
            }
        }
    }
    Some(w)
}

/// Column widths: the weights' shares, widened where a header word or a short
/// body word would not fit.
fn column_widths(f: &Fonts, t: &TableBlock, size: u8) -> Option<Vec<f64>> {
    let n = t.columns.len().max(1);
    let weights: Vec<f64> = (0..n)
        .map(|i| t.columns.get(i).map(|c| f64::from(c.weight)).unwrap_or(1.0))
        .collect();
    let longest = |face: Face, s: &str| {
        s.split_whitespace()
            .map(|w| f.width(face, size, w))
            .fold(0.0, f64::max)
    };
    let mins: Vec<f64> = (0..n)
        .map(|i| {
            let head = t
                .columns
                .get(i)
                .map(|c| longest(Face::Bold, &c.header))
                .unwrap_or(0.0);
            // Body words count up to a third of the table: longer ones are cut.
            let body = t
                .rows
                .iter()
                .enumerate()
                .filter_map(|(r, row)| row.get(i).map(|c| (r, c)))
                .map(|(r, c)| {
                    let face = if t.row_style(r) == RowStyle::Normal {
                        Face::Regular
                    } else {
                        Face::Bold
                    };
                    longest(face, c)
                })
                .fold(0.0, f64::max)
                .min(WIDTH / 3.0);
            head.max(body) + 2.0 * PAD_X + 0.2
        })
        .collect();
    fit_widths(&weights, &mins, WIDTH)
}

/// The largest table text size at which every column fits its longest word,
/// with the column widths (mm) for it: the PDF's and the Word document's.
pub(crate) fn table_size(f: &Fonts, t: &TableBlock) -> (u8, Vec<f64>) {
    for size in SIZES {
        if let Some(w) = column_widths(f, t, size) {
            return (size, w);
        }
    }
    let size = SIZES[SIZES.len() - 1];
    let n = t.columns.len().max(1);
    let weights: Vec<f64> = (0..n)
        .map(|i| t.columns.get(i).map(|c| f64::from(c.weight)).unwrap_or(1.0))
        .collect();
    let none = vec![0.0; n];
    (
        size,
        fit_widths(&weights, &none, WIDTH).expect("no minimum always fits"),
    )
}

impl<'a> Flow<'a> {
    /// `t` measured, once per layout.
    fn prepared(&self, t: &TableBlock) -> Rc<Prepared> {
        let key = t as *const TableBlock;
        if let Some(p) = self.tables.borrow().get(&key) {
            return Rc::clone(p);
        }
        let p = Rc::new(self.prepare(t));
        self.tables.borrow_mut().insert(key, Rc::clone(&p));
        p
    }

    fn prepare(&self, t: &TableBlock) -> Prepared {
        let f = self.f;
        let n = t.columns.len().max(1);
        let (size, widths) = table_size(f, t);
        let mut xs = Vec::with_capacity(n);
        let mut x = LEFT;
        for w in &widths {
            xs.push(x);
            x += w;
        }
        let text_lines = |face: Face, size: u8, s: &str, w: f64| -> Vec<Line> {
            if s.trim().is_empty() {
                Vec::new()
            } else {
                wrap(f, face, size, s, w - 2.0 * PAD_X, 0.0)
            }
        };

        // Header: a group row over grouped columns; ungrouped headers span both rows.
        let grouped = t.columns.iter().any(|c| c.group.is_some());
        let mut head = Vec::new();
        let mut head_h;
        if !grouped {
            head_h = 0.0_f64;
            for (i, c) in t.columns.iter().enumerate() {
                let lines = text_lines(Face::Bold, size, &c.header, widths[i]);
                head_h = head_h.max(row_h(size, lines.len().max(1)));
                head.push(HeadCell {
                    x: xs[i],
                    w: widths[i],
                    top: 0.0,
                    h: 0.0,
                    lines,
                    face: Face::Bold,
                    size,
                });
            }
            for c in &mut head {
                c.h = head_h;
            }
        } else {
            let runs = t.groups();
            let mut top_h = 0.0_f64;
            let mut group_cells = Vec::new();
            for (start, end, name) in &runs {
                let w: f64 = widths[*start..*end].iter().sum();
                let lines = text_lines(Face::Bold, size, name, w);
                top_h = top_h.max(row_h(size, lines.len().max(1)));
                group_cells.push(HeadCell {
                    x: xs[*start],
                    w,
                    top: 0.0,
                    h: 0.0,
                    lines,
                    face: Face::Bold,
                    size,
                });
            }
            let mut low_h = 0.0_f64;
            let mut span_need = 0.0_f64;
            let mut col_cells = Vec::new();
            for (i, c) in t.columns.iter().enumerate() {
                let lines = text_lines(Face::Bold, size, &c.header, widths[i]);
                let need = row_h(size, lines.len().max(1));
                if c.group.is_some() {
                    low_h = low_h.max(need);
                } else {
                    span_need = span_need.max(need);
                }
                col_cells.push((i, lines));
            }
            if span_need > top_h + low_h {
                low_h = span_need - top_h;
            }
            head_h = top_h + low_h;
            for mut g in group_cells {
                g.h = top_h;
                head.push(g);
            }
            for (i, lines) in col_cells {
                let (top, h) = if t.columns[i].group.is_some() {
                    (top_h, low_h)
                } else {
                    (0.0, head_h)
                };
                head.push(HeadCell {
                    x: xs[i],
                    w: widths[i],
                    top,
                    h,
                    lines,
                    face: Face::Bold,
                    size,
                });
            }
        }
        if t.number_columns {
            let h = line_height(NOTE, 1.2) + 1.2;
            for i in 0..n.min(t.columns.len()) {
                let lines = text_lines(Face::Italic, NOTE, &format!("({})", i + 1), widths[i]);
                head.push(HeadCell {
                    x: xs[i],
                    w: widths[i],
                    top: head_h,
                    h,
                    lines,
                    face: Face::Italic,
                    size: NOTE,
                });
            }
            head_h += h;
        }

        let mut rows = Vec::with_capacity(t.rows.len());
        for r in 0..t.rows.len() {
            let style = t.row_style(r);
            let face = match style {
                RowStyle::Normal => Face::Regular,
                _ => Face::Bold,
            };
            let (texts, spans) = t.row_cells(r);
            let cells: Vec<Cell> = if spans {
                vec![Cell {
                    x: LEFT,
                    w: WIDTH,
                    lines: text_lines(face, size, &texts[0], WIDTH),
                    face,
                    align: 0.0,
                }]
            } else {
                texts
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Cell {
                        x: xs[i],
                        w: widths[i],
                        lines: text_lines(face, size, s, widths[i]),
                        face,
                        align: t.columns.get(i).map(|c| align(c.align)).unwrap_or(0.0),
                    })
                    .collect()
            };
            let lines = cells
                .iter()
                .map(|c| c.lines.len())
                .max()
                .unwrap_or(0)
                .max(1);
            rows.push(Row {
                cells,
                lines,
                style,
            });
        }

        let caption_text = t.caption();
        let caption = wrap(f, Face::Bold, CAPTION, &caption_text, WIDTH - 10.0, 0.0);
        let continued = wrap(
            f,
            Face::Italic,
            NOTE,
            &format!("{caption_text} {CONTINUED}"),
            WIDTH,
            0.0,
        );
        let footnote = match &t.footnote {
            Some(s) if !s.trim().is_empty() => wrap(f, Face::Italic, NOTE, s, WIDTH, 0.0),
            _ => Vec::new(),
        };
        Prepared {
            size,
            caption,
            continued,
            head,
            head_h,
            rows,
            footnote,
        }
    }

    /// Height the table needs where it starts: caption, header and first row.
    pub(crate) fn table_start_height(&self, t: &TableBlock) -> f64 {
        let p = self.prepared(t);
        let first = p
            .rows
            .first()
            .map(|r| row_h(p.size, r.lines))
            .unwrap_or(0.0);
        let foot = if p.rows.len() <= 1 { p.foot_h() } else { 0.0 };
        p.caption_h() + p.head_h + first + foot + 3.0
    }

    /// Lays out a table; `keep` mm of what follows must share the last row's page
    /// (where a page can hold both).
    pub(crate) fn table(&mut self, t: &TableBlock, keep: f64) {
        let p = self.prepared(t);
        self.gap(3.0);
        self.ensure(self.table_start_height(t) - 3.0);
        let page = self.page_no();
        self.index.tables.push(Entry {
            level: 0,
            label: t.number.trim().to_string(),
            text: t.title.trim().to_string(),
            page,
        });
        let clh = caption_lh();
        for l in &p.caption {
            let b = self.baseline(self.y, clh, Face::Bold, CAPTION);
            self.line(
                l,
                LEFT + 5.0,
                WIDTH - 10.0,
                b,
                Face::Bold,
                CAPTION,
                Rgb::BLACK,
                false,
                0.5,
            );
            self.y += clh;
        }
        self.y += 1.5;
        self.head(&p);
        let n = p.rows.len();
        for (i, row) in p.rows.iter().enumerate() {
            let foot = if i + 1 == n {
                let with_keep = p.foot_h() + keep;
                if row_h(p.size, row.lines) + with_keep <= p.continued_room() + EPS {
                    with_keep
                } else {
                    p.foot_h()
                }
            } else {
                0.0
            };
            let mut from = 0;
            loop {
                let left = row.lines - from;
                if row_h(p.size, left) + foot <= self.room() + EPS {
                    self.row(&p, row, from, row.lines);
                    break;
                }
                if row_h(p.size, left) + foot <= p.continued_room() + EPS {
                    self.continue_table(&p);
                    continue;
                }
                // Taller than any page: split it between lines.
                let fit = ((self.room() - 2.0 * PAD_Y + EPS) / lh(p.size))
                    .floor()
                    .max(0.0) as usize;
                if fit == 0 {
                    self.continue_table(&p);
                    continue;
                }
                if fit >= left {
                    self.row(&p, row, from, row.lines);
                    break;
                }
                self.row(&p, row, from, from + fit);
                from += fit;
                self.continue_table(&p);
            }
        }
        if !p.footnote.is_empty() {
            self.ensure(p.foot_h());
            self.y += 1.5;
            let nlh = note_lh();
            for l in &p.footnote {
                let b = self.baseline(self.y, nlh, Face::Italic, NOTE);
                self.line(
                    l,
                    LEFT,
                    WIDTH,
                    b,
                    Face::Italic,
                    NOTE,
                    Rgb::BLACK,
                    false,
                    0.0,
                );
                self.y += nlh;
            }
        }
        self.y += 2.0;
        self.gap(3.0);
    }

    fn continue_table(&mut self, p: &Prepared) {
        self.new_page();
        let nlh = note_lh();
        for l in &p.continued {
            let b = self.baseline(self.y, nlh, Face::Italic, NOTE);
            self.line(
                l,
                LEFT,
                WIDTH,
                b,
                Face::Italic,
                NOTE,
                Rgb::BLACK,
                false,
                0.0,
            );
            self.y += nlh;
        }
        self.y += 1.0;
        self.head(p);
    }

    fn head(&mut self, p: &Prepared) {
        let y0 = self.y;
        for c in &p.head {
            let fill = if c.face == Face::Italic {
                NUMBER_FILL
            } else {
                HEAD_FILL
            };
            self.push(Op::Fill {
                x: c.x,
                y: y0 + c.top,
                w: c.w,
                h: c.h,
                color: fill,
            });
            self.push(Op::Frame {
                x: c.x,
                y: y0 + c.top,
                w: c.w,
                h: c.h,
                width_pt: BORDER_PT,
                color: BORDER,
            });
            let clh = if c.size == p.size {
                lh(p.size)
            } else {
                line_height(c.size, 1.2)
            };
            let block = c.lines.len() as f64 * clh;
            let mut y = y0 + c.top + (c.h - block) / 2.0;
            for l in &c.lines {
                let b = self.baseline(y, clh, c.face, c.size);
                self.line(
                    l,
                    c.x + PAD_X,
                    c.w - 2.0 * PAD_X,
                    b,
                    c.face,
                    c.size,
                    Rgb::BLACK,
                    false,
                    0.5,
                );
                y += clh;
            }
        }
        self.y = y0 + p.head_h;
    }

    /// Draws lines `from..to` of a row at the cursor.
    fn row(&mut self, p: &Prepared, row: &Row, from: usize, to: usize) {
        let size = p.size;
        let h = row_h(size, to - from);
        let y0 = self.y;
        let fill = match row.style {
            RowStyle::Normal => None,
            RowStyle::Group => Some(GROUP_FILL),
            RowStyle::Subtotal => Some(SUBTOTAL_FILL),
            RowStyle::Total => Some(TOTAL_FILL),
        };
        if let Some(color) = fill {
            self.push(Op::Fill {
                x: LEFT,
                y: y0,
                w: WIDTH,
                h,
                color,
            });
        }
        let lh = lh(size);
        for c in &row.cells {
            self.push(Op::Frame {
                x: c.x,
                y: y0,
                w: c.w,
                h,
                width_pt: BORDER_PT,
                color: BORDER,
            });
            let end = to.min(c.lines.len());
            for (k, l) in c.lines.iter().enumerate().take(end).skip(from) {
                let top = y0 + PAD_Y + (k - from) as f64 * lh;
                let b = self.baseline(top, lh, c.face, size);
                self.line(
                    l,
                    c.x + PAD_X,
                    c.w - 2.0 * PAD_X,
                    b,
                    c.face,
                    size,
                    Rgb::BLACK,
                    false,
                    c.align,
                );
            }
        }
        self.y = y0 + h;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_weights_when_everything_fits() {
        let w = fit_widths(&[1.0, 3.0], &[5.0, 5.0], 100.0).unwrap();
        assert!((w[0] - 25.0).abs() < 1e-9 && (w[1] - 75.0).abs() < 1e-9);
    }

    #[test]
    fn a_narrow_column_borrows_from_the_wide_ones() {
        let w = fit_widths(&[5.0, 45.0, 50.0], &[12.0, 10.0, 10.0], 100.0).unwrap();
        assert!(w[0] >= 12.0 - 1e-9, "{w:?}");
        assert!((w.iter().sum::<f64>() - 100.0).abs() < 1e-9, "{w:?}");
        assert!(w[1] < 45.0 && w[2] < 50.0);
    }

    #[test]
    fn impossible_minimums_are_refused() {
        assert_eq!(fit_widths(&[1.0, 1.0], &[80.0, 80.0], 100.0), None);
    }
}
