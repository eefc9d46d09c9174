//! Painting: laid-out pages into a PDF document. The text is written byte for
//! byte as genpdf's low-level renderer prints it (glyphs and kerning from
//! genpdf's fonts, printpdf's operations, lopdf's number format) into the
//! document printpdf would write, built directly as lopdf would read it back
//! (the tests hold both against genpdf's own); lines and fills, which genpdf's
//! `Area` cannot fill or thin, are written as a content stream per page that the
//! post-pass places under the text. Going through genpdf itself kept an object
//! per glyph for the whole document, and wrote and parsed it all again.

use super::fonts::{Face, Fonts, Fx, Rgb};
use super::layout::{Op, Page, PAGE_H, PAGE_W};
use super::subset::PathCmd;
use super::RenderError;
use lopdf::{Dictionary, Document, Object, Stream, StringFormat};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write as _;

/// The document as the post-pass reads it (the pages with their text), the
/// graphics of each page, and the characters printed per face.
pub(crate) struct Painted {
    pub(crate) doc: Document,
    pub(crate) graphics: Vec<Vec<u8>>,
    pub(crate) used: BTreeMap<Face, BTreeSet<char>>,
}

pub(crate) fn paint(fonts: &Fonts, pages: &[Page]) -> Result<Painted, RenderError> {
    let mut graphics = Vec::with_capacity(pages.len());
    let mut texts = Vec::with_capacity(pages.len());
    let mut writer = TextWriter::new(fonts);
    let mut strokes = Colors::new(stroke);
    let mut fills = Colors::new(fill);
    for (i, page) in pages.iter().enumerate() {
        let mut t = Vec::new();
        let mut g: Vec<u8> = Vec::new();
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
                    if !writer.print(&mut t, *face, *size, *color, *x, *baseline, text) {
                        return Err(RenderError::Layout(format!(
                            "text outside page {}: {text:?}",
                            i + 1
                        )));
                    }
                }
                Op::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width_pt,
                    color,
                } => {
                    g.extend_from_slice(strokes.of(*color));
                    numbers(&mut g, &[*width_pt]);
                    g.extend_from_slice(b" w");
                    numbers(&mut g, &[px(*x1), py(*y1)]);
                    g.extend_from_slice(b" m");
                    numbers(&mut g, &[px(*x2), py(*y2)]);
                    g.extend_from_slice(b" l S\n");
                }
                Op::Fill { x, y, w, h, color } => {
                    g.extend_from_slice(fills.of(*color));
                    numbers(&mut g, &[px(*x), py(y + h), mm(*w), mm(*h)]);
                    g.extend_from_slice(b" re f\n");
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
                    g.extend_from_slice(strokes.of(*color));
                    numbers(&mut g, &[*width_pt]);
                    g.extend_from_slice(b" w");
                    numbers(&mut g, &[px(*x), py(y + h), mm(*w), mm(*h)]);
                    g.extend_from_slice(b" re S\n");
                }
            }
        }
        graphics.push(if g.is_empty() {
            Vec::new()
        } else {
            let mut q = Vec::with_capacity(g.len() + 4);
            q.extend_from_slice(b"q\n");
            q.extend_from_slice(&g);
            q.extend_from_slice(b"Q\n");
            q
        });
        texts.push(t);
    }
    Ok(Painted {
        doc: frame(texts),
        graphics,
        used: writer.used,
    })
}

/// The document genpdf (through printpdf) writes for pages of `texts`, as lopdf
/// reads it back: the same objects, in the same order of ids, with the same
/// dictionaries' keys in the same order. Writing it and parsing it again took
/// longer than the rest of the rendering; what the post-pass replaces or drops
/// (printpdf's metadata, ICC profile, font widths and ToUnicode maps, the
/// original bookmarks' entries) is left out or left empty.
fn frame(texts: Vec<Vec<u8>>) -> Document {
    let mut doc = Document::with_version("1.3");
    let name = |s: &str| Object::Name(s.as_bytes().to_vec());
    let literal = |s: &str| Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    let dict = |entries: Vec<(&str, Object)>| {
        let mut d = Dictionary::new();
        for (k, v) in entries {
            d.set(k, v);
        }
        d
    };
    // The faces' Type0 fonts, added when genpdf loads them: F0 … F3.
    let type0: Vec<_> = Face::ALL.iter().map(|_| doc.new_object_id()).collect();
    let pages_id = doc.new_object_id();
    let bookmarks_id = doc.new_object_id();
    // printpdf's XMP metadata, document information and ICC profile.
    let info_id = {
        doc.new_object_id();
        let info = doc.new_object_id();
        doc.new_object_id();
        info
    };
    let usage = doc.add_object(dict(vec![
        ("Type", name("OCG")),
        (
            "CreatorInfo",
            Object::Dictionary(dict(vec![
                ("Creator", literal("Adobe Illustrator 14.0")),
                ("Subtype", name("Artwork")),
            ])),
        ),
    ]));
    let intent = doc.add_object(Object::Array(vec![name("View"), name("Design")]));
    let ocgs: Vec<Object> = texts
        .iter()
        .map(|_| {
            Object::Reference(doc.add_object(dict(vec![
                ("Type", name("OCG")),
                ("Name", literal("Layer 1")),
                ("Intent", Object::Reference(intent)),
                ("Usage", Object::Reference(usage)),
            ])))
        })
        .collect();
    let mut font_dict = Dictionary::new();
    for (face, id) in Face::ALL.into_iter().zip(&type0) {
        let pdf_name = Fonts::pdf_name(face);
        let to_unicode = doc.new_object_id();
        let data = face.bytes().to_vec();
        let mut program = Stream::new(
            dict(vec![("Length1", Object::Integer(data.len() as i64))]),
            data,
        );
        program.allows_compression = true;
        let program = doc.add_object(program);
        let descriptor = doc.add_object(dict(vec![
            ("Type", name("FontDescriptor")),
            ("FontName", name(pdf_name)),
            ("Ascent", Object::Integer(0)),
            ("Descent", Object::Integer(0)),
            ("CapHeight", Object::Integer(0)),
            ("ItalicAngle", Object::Integer(0)),
            ("Flags", Object::Integer(32)),
            ("StemV", Object::Integer(80)),
            ("FontFile2", Object::Reference(program)),
            ("FontBBox", Object::Array(Vec::new())),
        ]));
        let cid = dict(vec![
            ("Type", name("Font")),
            ("Subtype", name("CIDFontType2")),
            ("BaseFont", name(pdf_name)),
            (
                "CIDSystemInfo",
                Object::Dictionary(dict(vec![
                    ("Registry", literal("Adobe")),
                    ("Ordering", literal("Identity")),
                    ("Supplement", Object::Integer(0)),
                ])),
            ),
            ("W", Object::Array(Vec::new())),
            ("DW", Object::Integer(1000)),
            ("FontDescriptor", Object::Reference(descriptor)),
        ]);
        doc.objects.insert(
            *id,
            Object::Dictionary(dict(vec![
                ("Type", name("Font")),
                ("Subtype", name("Type0")),
                ("BaseFont", name(pdf_name)),
                ("Encoding", name("Identity-H")),
                (
                    "DescendantFonts",
                    Object::Array(vec![Object::Dictionary(cid)]),
                ),
                ("ToUnicode", Object::Reference(to_unicode)),
            ])),
        );
        font_dict.set(pdf_name, Object::Reference(*id));
    }
    let font_dict = doc.add_object(font_dict);
    let (w, h) = (mm(PAGE_W), mm(PAGE_H));
    let bbox = || {
        Object::Array(vec![
            Object::Integer(0),
            Object::Integer(0),
            Object::Real(w),
            Object::Real(h),
        ])
    };
    let mut kids = Vec::with_capacity(texts.len());
    for (text, ocg) in texts.into_iter().zip(&ocgs) {
        let resources = doc.add_object(dict(vec![
            (
                "Properties",
                Object::Dictionary(dict(vec![("MC0", ocg.clone())])),
            ),
            ("Font", Object::Reference(font_dict)),
        ]));
        let mut content = Vec::with_capacity(text.len() + 32);
        content.extend_from_slice(b"/OC /MC0 BDC\nq\n");
        content.extend_from_slice(&text);
        content.extend_from_slice(b"Q\nEMC\n");
        let content = doc.add_object(Stream::new(Dictionary::new(), content));
        let page = doc.add_object(dict(vec![
            ("Type", name("Page")),
            ("Rotate", Object::Integer(0)),
            ("MediaBox", bbox()),
            ("TrimBox", bbox()),
            ("CropBox", bbox()),
            ("Parent", Object::Reference(pages_id)),
            ("Resources", Object::Reference(resources)),
            ("Contents", Object::Reference(content)),
        ]));
        kids.push(Object::Reference(page));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dict(vec![
            ("Type", name("Pages")),
            ("Count", Object::Integer(kids.len() as i64)),
            ("Kids", Object::Array(kids)),
        ])),
    );
    doc.objects.insert(
        bookmarks_id,
        Object::Dictionary(dict(vec![
            ("Type", name("Outlines")),
            ("Count", Object::Integer(0)),
        ])),
    );
    let catalog = doc.add_object(dict(vec![
        ("Type", name("Catalog")),
        ("PageLayout", name("OneColumn")),
        ("PageMode", name("UseNone")),
        ("Outlines", Object::Reference(bookmarks_id)),
        ("Pages", Object::Reference(pages_id)),
        (
            "OCProperties",
            Object::Dictionary(dict(vec![
                ("OCGs", Object::Array(ocgs.clone())),
                (
                    "D",
                    Object::Dictionary(dict(vec![
                        ("Order", Object::Array(ocgs.clone())),
                        ("RBGroups", Object::Array(Vec::new())),
                        ("ON", Object::Array(ocgs)),
                    ])),
                ),
            ])),
        ),
    ]));
    doc.trailer.set("Root", Object::Reference(catalog));
    doc.trailer.set("Info", Object::Reference(info_id));
    doc.trailer.set("ID", Object::Array(Vec::new()));
    doc.trailer
        .set("Size", Object::Integer(i64::from(doc.max_id) + 1));
    doc
}

/// Writes the operations genpdf's `Area::print_str` adds to a page for a text,
/// encoded as printpdf encodes a layer (lopdf's content encoding), byte for byte:
/// genpdf's own path builds an object per glyph and the whole document's
/// operations before writing any. What repeats (a face and size's line height and
/// font, a colour, a text's glyphs with their kerning) is formatted once.
pub(crate) struct TextWriter<'a> {
    fonts: &'a Fonts,
    /// `TL` by face and size.
    leading: HashMap<(Face, u8), Vec<u8>, Fx>,
    /// `rg` by colour.
    colors: HashMap<Rgb, Vec<u8>, Fx>,
    /// `Tf` by face and size.
    font_ops: HashMap<(Face, u8), Vec<u8>, Fx>,
    /// The `TJ` array of a text, by face (kerning does not depend on the size).
    glyphs: [HashMap<String, Vec<u8>, Fx>; 4],
    /// The characters printed, by face.
    pub(crate) used: BTreeMap<Face, BTreeSet<char>>,
}

fn real(out: &mut Vec<u8>, v: f64) {
    use std::io::Write as _;
    let _ = write!(out, "{v:.02?}");
}

impl<'a> TextWriter<'a> {
    pub(crate) fn new(fonts: &'a Fonts) -> TextWriter<'a> {
        TextWriter {
            fonts,
            leading: HashMap::default(),
            colors: HashMap::default(),
            font_ops: HashMap::default(),
            glyphs: Default::default(),
            used: BTreeMap::new(),
        }
    }

    /// Writes `text` at `x`, `baseline` (mm from the top-left corner). False, and
    /// nothing written, when genpdf would refuse the text (below the page).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn print(
        &mut self,
        out: &mut Vec<u8>,
        face: Face,
        size: u8,
        color: Rgb,
        x: f64,
        baseline: f64,
        text: &str,
    ) -> bool {
        let fonts = self.fonts;
        let font = fonts.genpdf_font(face);
        // The same values and operations, in the same order, as genpdf's TextSection.
        let height = f64::from(font.glyph_height(size));
        let y = baseline - height;
        if y + height > PAGE_H {
            return false;
        }
        let (cx, cy) = (x + 0.0, PAGE_H - (y + 0.0));
        let pt = |mm: f64| mm * 2.834_646_f64;
        out.extend_from_slice(b"BT\n");
        out.extend_from_slice(self.leading.entry((face, size)).or_insert_with(|| {
            let mut v = Vec::new();
            real(&mut v, f64::from(font.get_line_height(size)) * 1.0);
            v.extend_from_slice(b" TL\n");
            v
        }));
        fixed2(out, pt(cx));
        out.push(b' ');
        fixed2(out, pt(cy - height));
        out.extend_from_slice(b" Td\n");
        out.extend_from_slice(self.colors.entry(color).or_insert_with(|| {
            let mut v = Vec::new();
            for c in [color.0, color.1, color.2] {
                real(&mut v, f64::from(c) / 255.0);
                v.push(b' ');
            }
            v.extend_from_slice(b"rg\n");
            v
        }));
        out.extend_from_slice(self.font_ops.entry((face, size)).or_insert_with(|| {
            let mut v = b"/".to_vec();
            v.extend_from_slice(Fonts::pdf_name(face).as_bytes());
            v.push(b' ');
            real(&mut v, f64::from(size));
            v.extend_from_slice(b" Tf\n");
            v
        }));
        let glyphs = &mut self.glyphs[face as usize];
        match glyphs.get(text) {
            Some(tj) => out.extend_from_slice(tj),
            None => {
                use std::io::Write as _;
                let mut tj = b"[".to_vec();
                let kerning = font.kerning(&fonts.cache, text.chars());
                let ids = font.glyph_ids(&fonts.cache, text.chars());
                for (k, g) in kerning.into_iter().zip(ids) {
                    // Kerning is in 1/1000 em.
                    let pos = (k * -1000.0) as i64;
                    if pos != 0 {
                        let _ = write!(tj, " {pos}");
                    }
                    let _ = write!(tj, "<{g:04X}>");
                }
                tj.extend_from_slice(b"] TJ\n");
                out.extend_from_slice(&tj);
                glyphs.insert(text.to_string(), tj);
                // A text met again prints the same characters.
                self.used.entry(face).or_default().extend(text.chars());
            }
        }
        out.extend_from_slice(b"0.00 0.00 0.00 rg\nET\n");
        true
    }
}

/// `v` as `{v:.2}` formats it (lopdf's and our number format), without the
/// exact decimal expansion the formatter does unless `v` is within a hair of a
/// tie between two hundredths.
fn fixed2(out: &mut Vec<u8>, v: f64) {
    let r = v * 100.0;
    // Below 1e9 the product is within 1e-6 of the exact one, so rounding it
    // rounds the exact value the same way unless its fraction is near one half.
    if r.abs() < 1e9 {
        let floor = r.floor();
        let frac = r - floor;
        if (frac - 0.5).abs() > 1e-6 {
            let n = if frac > 0.5 { floor + 1.0 } else { floor };
            let m = n.abs() as u64;
            if v.is_sign_negative() {
                out.push(b'-');
            }
            let _ = write!(out, "{}.{:02}", m / 100, m % 100);
            return;
        }
    }
    let _ = write!(out, "{v:.2}");
}

/// Numbers for a content stream, each after a space.
fn numbers(out: &mut Vec<u8>, values: &[f64]) {
    for &v in values {
        out.push(b' ');
        fixed2(out, v);
    }
}

/// A colour operator, formatted once per colour.
struct Colors {
    format: fn(Rgb) -> String,
    known: HashMap<Rgb, Vec<u8>, Fx>,
}

impl Colors {
    fn new(format: fn(Rgb) -> String) -> Colors {
        Colors {
            format,
            known: HashMap::default(),
        }
    }

    fn of(&mut self, c: Rgb) -> &[u8] {
        let format = self.format;
        self.known
            .entry(c)
            .or_insert_with(|| format(c).into_bytes())
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use genpdf::render::Renderer;
    use genpdf::style::{Color, Style};
    use genpdf::{Position, Size};

    /// What genpdf itself writes for the same texts: the page content of its PDF.
    fn genpdf_page(fonts: &mut Fonts, texts: &[(Face, u8, Rgb, f64, f64, &str)]) -> Vec<u8> {
        let renderer = Renderer::new(Size::new(PAGE_W, PAGE_H), "t").unwrap();
        fonts.cache.load_pdf_fonts(&renderer).unwrap();
        let area = renderer.get_page(0).unwrap().first_layer().area();
        for &(face, size, color, x, baseline, text) in texts.iter().chain(texts) {
            let mut style = Style::new()
                .with_font_size(size)
                .with_color(Color::Rgb(color.0, color.1, color.2));
            if matches!(face, Face::Bold | Face::BoldItalic) {
                style.set_bold();
            }
            if matches!(face, Face::Italic | Face::BoldItalic) {
                style.set_italic();
            }
            let y = baseline - f64::from(fonts.genpdf_font(face).glyph_height(size));
            let printed = area
                .print_str(&fonts.cache, Position::new(x, y), style, text)
                .unwrap();
            assert!(printed, "{text:?}");
        }
        let mut pdf = Vec::new();
        renderer.write(&mut pdf).unwrap();
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let page = *doc.get_pages().values().next().unwrap();
        let contents = doc
            .get_object(page)
            .and_then(lopdf::Object::as_dict)
            .and_then(|p| p.get(b"Contents"))
            .and_then(lopdf::Object::as_reference)
            .unwrap();
        doc.get_object(contents)
            .and_then(lopdf::Object::as_stream)
            .unwrap()
            .content
            .clone()
    }

    #[test]
    fn text_is_written_as_genpdf_writes_it() {
        let mut fonts = Fonts::load().unwrap();
        let texts: &[(Face, u8, Rgb, f64, f64, &str)] = &[
            (
                Face::Regular,
                11,
                Rgb::BLACK,
                30.0,
                40.0,
                "Halaman 1 dari 374",
            ),
            (
                Face::Bold,
                14,
                Rgb(192, 0, 0),
                0.0,
                12.5,
                "DRAFT \u{2014} AVAWAY Ty.",
            ),
            (
                Face::Italic,
                9,
                Rgb(85, 85, 85),
                105.123,
                296.0,
                "Kecamatan (Kab.) \\ ƒ",
            ),
            (Face::BoldItalic, 40, Rgb(31, 73, 125), 61.7, 150.0, "LKjIP"),
            (Face::Regular, 8, Rgb(60, 60, 60), 190.0, 80.0, ""),
        ];
        let mut ours = b"/OC /MC0 BDC\nq\n".to_vec();
        let mut writer = TextWriter::new(&fonts);
        // Twice: the second time from what was formatted the first.
        for _ in 0..2 {
            for &(face, size, color, x, baseline, text) in texts {
                assert!(writer.print(&mut ours, face, size, color, x, baseline, text));
            }
        }
        ours.extend_from_slice(b"Q\nEMC\n");
        let theirs = genpdf_page(&mut fonts, texts);
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn fixed2_formats_as_the_formatter_does() {
        let check = |v: f64| {
            let mut ours = Vec::new();
            fixed2(&mut ours, v);
            assert_eq!(String::from_utf8(ours).unwrap(), format!("{v:.2}"), "{v:e}");
        };
        for v in [
            0.0,
            -0.0,
            0.125,
            -0.125,
            0.375,
            2.5,
            0.005,
            0.015,
            1.005,
            -0.001,
            -0.004999,
            -0.005,
            595.2755905511812,
            841.8897637795276,
            1e9,
            -1e9,
            1e12,
            123456789.125,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
        ] {
            check(v);
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..400_000 {
            let u = (next() >> 11) as f64 / (1u64 << 53) as f64;
            check((u - 0.5) * 2000.0);
            check((u - 0.5) * 0.1);
            // Sums and products like the painter's.
            let k = (next() % 100_000) as f64;
            check(k / 200.0);
            check(k / 1000.0 * 2.834_646);
            check((297.0 - k / 300.0) * 72.0 / 25.4);
        }
    }

    #[test]
    fn text_below_the_page_is_refused() {
        let fonts = Fonts::load().unwrap();
        let mut out = Vec::new();
        assert!(!TextWriter::new(&fonts).print(
            &mut out,
            Face::Regular,
            11,
            Rgb::BLACK,
            30.0,
            PAGE_H + 1.0,
            "x"
        ));
        assert!(out.is_empty());
    }

    /// genpdf's document of `n` empty pages, as lopdf reads it.
    fn genpdf_frame(fonts: &mut Fonts, n: usize) -> Document {
        let mut renderer = Renderer::new(Size::new(PAGE_W, PAGE_H), "judul").unwrap();
        for _ in 1..n {
            renderer.add_page(Size::new(PAGE_W, PAGE_H));
        }
        fonts.cache.load_pdf_fonts(&renderer).unwrap();
        let mut pdf = Vec::new();
        renderer.write(&mut pdf).unwrap();
        Document::load_mem(&pdf).unwrap()
    }

    #[test]
    fn the_frame_gives_the_bytes_genpdf_s_document_gives() {
        use super::super::layout::Entry;
        use super::super::post::{finish, Meta};
        use super::super::report::DocumentDate;
        let mut fonts = Fonts::load().unwrap();
        let texts: Vec<Vec<u8>> = (0..3)
            .map(|i| {
                let mut t = Vec::new();
                let s = format!("Halaman {i} \u{2014} BAB");
                let mut writer = TextWriter::new(&fonts);
                writer.print(&mut t, Face::Regular, 11, Rgb::BLACK, 30.0, 40.0, &s);
                writer.print(&mut t, Face::Bold, 14, Rgb(192, 0, 0), 30.0, 60.0, "BAB");
                t
            })
            .collect();
        let used = BTreeMap::from([
            (Face::Regular, "Halaman 012\u{2014}BA".chars().collect()),
            (Face::Bold, "BA".chars().collect()),
        ]);
        let graphics = vec![Vec::new(), b"q\n0 0 m 10 10 l S\nQ\n".to_vec(), Vec::new()];
        let meta = |outline: Vec<Entry>| Meta {
            title: "Judul".into(),
            author: "Dinas".into(),
            subject: "LKjIP \u{2014} 2023".into(),
            date: DocumentDate {
                year: 2024,
                month: 1,
                day: 31,
            },
            compress: true,
            outline,
        };
        let outlines = [
            Vec::new(),
            vec![
                Entry {
                    level: 1,
                    label: String::new(),
                    text: "BAB I".into(),
                    page: 2,
                },
                Entry {
                    level: 2,
                    label: String::new(),
                    text: "1.1. Latar".into(),
                    page: 3,
                },
            ],
        ];
        for outline in outlines {
            let ours = finish(
                Painted {
                    doc: frame(texts.clone()),
                    graphics: graphics.clone(),
                    used: used.clone(),
                },
                &fonts,
                &meta(outline.clone()),
            )
            .unwrap();
            // The same pages through genpdf, their text put into its layers.
            let mut doc = genpdf_frame(&mut fonts, texts.len());
            let pages: Vec<_> = doc.get_pages().values().copied().collect();
            for (page, text) in pages.iter().zip(&texts) {
                let id = doc
                    .get_object(*page)
                    .and_then(Object::as_dict)
                    .and_then(|p| p.get(b"Contents"))
                    .and_then(Object::as_reference)
                    .unwrap();
                let stream = doc.get_object_mut(id).unwrap().as_stream_mut().unwrap();
                let end = stream.content.len() - b"Q\nEMC\n".len();
                let mut content = stream.content[..end].to_vec();
                content.extend_from_slice(text);
                content.extend_from_slice(b"Q\nEMC\n");
                stream.set_content(content);
            }
            let theirs = finish(
                Painted {
                    doc,
                    graphics: graphics.clone(),
                    used: used.clone(),
                },
                &fonts,
                &meta(outline),
            )
            .unwrap();
            assert!(ours == theirs, "the frame differs from genpdf's document");
        }
    }
}
