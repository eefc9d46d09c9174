//! Painting: laid-out pages into a PDF through genpdf's low-level renderer. Text
//! goes through genpdf (glyphs, kerning, the embedded fonts); lines and fills,
//! which genpdf's `Area` cannot fill or thin, are written as a content stream per
//! page that the post-pass places under the text.

use super::fonts::{Face, Fonts, Rgb};
use super::layout::{Op, Page, PAGE_H, PAGE_W};
use super::subset::PathCmd;
use super::RenderError;
use genpdf::render::Renderer;
use genpdf::{Position, Size};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// genpdf's PDF, the graphics of each page, and the characters printed per face.
pub(crate) struct Painted {
    pub(crate) pdf: Vec<u8>,
    pub(crate) graphics: Vec<Vec<u8>>,
    pub(crate) used: BTreeMap<Face, BTreeSet<char>>,
}

pub(crate) fn paint(
    fonts: &mut Fonts,
    pages: &[Page],
    title: &str,
) -> Result<Painted, RenderError> {
    let pdf_err = |e: genpdf::error::Error| RenderError::Pdf(e.to_string());
    let mut renderer = Renderer::new(Size::new(PAGE_W, PAGE_H), title).map_err(pdf_err)?;
    for _ in 1..pages.len() {
        renderer.add_page(Size::new(PAGE_W, PAGE_H));
    }
    fonts.cache.load_pdf_fonts(&renderer).map_err(pdf_err)?;
    let fonts: &Fonts = fonts;
    let mut graphics = Vec::with_capacity(pages.len());
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        let area = renderer
            .get_page(i)
            .expect("page added above")
            .first_layer()
            .area();
        let mut g = String::new();
        for op in &page.ops {
            match op {
                Op::Text {
                    x,
                    baseline,
                    face,
                    size,
                    color,
                    text,
                } => {
                    let style = fonts.style(*face, *size, *color);
                    let y = baseline - fonts.genpdf_baseline_offset(*face, *size);
                    let printed = area
                        .print_str(&fonts.cache, Position::new(*x, y), style, text)
                        .map_err(pdf_err)?;
                    if !printed {
                        return Err(RenderError::Layout(format!(
                            "text outside page {}: {text:?}",
                            i + 1
                        )));
                    }
                    used.entry(*face).or_default().extend(text.chars());
                }
                Op::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width_pt,
                    color,
                } => {
                    let _ = writeln!(
                        g,
                        "{} {:.2} w {:.2} {:.2} m {:.2} {:.2} l S",
                        stroke(*color),
                        width_pt,
                        px(*x1),
                        py(*y1),
                        px(*x2),
                        py(*y2)
                    );
                }
                Op::Fill { x, y, w, h, color } => {
                    let _ = writeln!(
                        g,
                        "{} {:.2} {:.2} {:.2} {:.2} re f",
                        fill(*color),
                        px(*x),
                        py(y + h),
                        mm(*w),
                        mm(*h)
                    );
                }
                Op::Shape {
                    path,
                    matrix,
                    color,
                } => {
                    let [a, b, c, d, e, f] = matrix;
                    let _ = writeln!(
                        g,
                        "q {} {a:.5} {b:.5} {c:.5} {d:.5} {e:.2} {f:.2} cm",
                        fill(*color)
                    );
                    for cmd in path {
                        let _ = match cmd {
                            PathCmd::Move(x, y) => writeln!(g, "{x:.0} {y:.0} m"),
                            PathCmd::Line(x, y) => writeln!(g, "{x:.0} {y:.0} l"),
                            PathCmd::Cubic(x1, y1, x2, y2, x, y) => {
                                writeln!(g, "{x1:.1} {y1:.1} {x2:.1} {y2:.1} {x:.0} {y:.0} c")
                            }
                            PathCmd::Close => writeln!(g, "h"),
                        };
                    }
                    let _ = writeln!(g, "f Q");
                }
                Op::Frame {
                    x,
                    y,
                    w,
                    h,
                    width_pt,
                    color,
                } => {
                    let _ = writeln!(
                        g,
                        "{} {:.2} w {:.2} {:.2} {:.2} {:.2} re S",
                        stroke(*color),
                        width_pt,
                        px(*x),
                        py(y + h),
                        mm(*w),
                        mm(*h)
                    );
                }
            }
        }
        graphics.push(if g.is_empty() {
            Vec::new()
        } else {
            format!("q\n{g}Q\n").into_bytes()
        });
    }
    let mut pdf = Vec::new();
    renderer.write(&mut pdf).map_err(pdf_err)?;
    Ok(Painted {
        pdf,
        graphics,
        used,
    })
}

fn mm(v: f64) -> f64 {
    v * 72.0 / 25.4
}

fn px(x: f64) -> f64 {
    mm(x)
}

fn py(y: f64) -> f64 {
    mm(PAGE_H - y)
}

fn channel(c: u8) -> String {
    let v = f64::from(c) / 255.0;
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() {
        "0".to_string()
    } else {
        s.to_string()
    }
}

fn stroke(c: Rgb) -> String {
    format!("{} {} {} RG", channel(c.0), channel(c.1), channel(c.2))
}

fn fill(c: Rgb) -> String {
    format!("{} {} {} rg", channel(c.0), channel(c.1), channel(c.2))
}
