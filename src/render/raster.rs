//! A drawing of the layout (a chart) as a PNG picture, for the Word document: the
//! same operations the PDF paints, filled pixel by pixel with their exact
//! coverage, and its text drawn with the same embedded fonts.

use super::fonts::{Face, Fonts, Rgb};
use super::layout::{Op, Picture};
use super::RenderError;
use std::io::Write;

/// Pixels per millimetre of a picture: 200 dots per inch, sharp on paper.
const DOTS_PER_MM: f64 = 200.0 / 25.4;

/// An RGB canvas, white at first, each row led by its PNG filter byte (none).
struct Canvas {
    width: usize,
    height: usize,
    rows: Vec<u8>,
}

impl Canvas {
    fn new(width: usize, height: usize) -> Canvas {
        let mut rows = vec![255; height * (1 + 3 * width)];
        for row in rows.chunks_mut(1 + 3 * width) {
            row[0] = 0;
        }
        Canvas {
            width,
            height,
            rows,
        }
    }

    /// Lays `color` over pixel (x, y) at `coverage` (0–1).
    fn blend(&mut self, x: i64, y: i64, color: Rgb, coverage: f32) {
        if x < 0 || y < 0 || x as usize >= self.width || y as usize >= self.height {
            return;
        }
        let a = coverage.clamp(0.0, 1.0);
        if a <= 0.0 {
            return;
        }
        let at = y as usize * (1 + 3 * self.width) + 1 + 3 * x as usize;
        for (c, v) in self.rows[at..at + 3]
            .iter_mut()
            .zip([color.0, color.1, color.2])
        {
            *c = (f32::from(*c) * (1.0 - a) + f32::from(v) * a).round() as u8;
        }
    }

    /// Fills the rectangle [x0, x1) × [y0, y1) in pixels, edges anti-aliased by
    /// the share of each pixel they cover.
    fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, color: Rgb) {
        if x1 <= x0 || y1 <= y0 {
            return;
        }
        let span = |a: f64, b: f64, i: i64| {
            let lo = a.max(i as f64);
            let hi = b.min(i as f64 + 1.0);
            (hi - lo).max(0.0)
        };
        for y in y0.floor() as i64..y1.ceil() as i64 {
            let cy = span(y0, y1, y);
            for x in x0.floor() as i64..x1.ceil() as i64 {
                self.blend(x, y, color, (span(x0, x1, x) * cy) as f32);
            }
        }
    }

    /// The canvas as an 8-bit RGB PNG that states its resolution.
    fn png(&self) -> Result<Vec<u8>, RenderError> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let data = z
            .write_all(&self.rows)
            .and_then(|()| z.finish())
            .map_err(|e| RenderError::Layout(format!("chart picture: {e}")))?;
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut header = Vec::with_capacity(13);
        header.extend((self.width as u32).to_be_bytes());
        header.extend((self.height as u32).to_be_bytes());
        header.extend([8, 2, 0, 0, 0]); // 8 bits, RGB, deflate, filtered rows, no interlace
        chunk(&mut out, b"IHDR", &header);
        let per_metre = (DOTS_PER_MM * 1000.0).round() as u32;
        let mut phys = Vec::with_capacity(9);
        phys.extend(per_metre.to_be_bytes());
        phys.extend(per_metre.to_be_bytes());
        phys.push(1); // the unit is the metre
        chunk(&mut out, b"pHYs", &phys);
        chunk(&mut out, b"IDAT", &data);
        chunk(&mut out, b"IEND", &[]);
        Ok(out)
    }
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    out.extend(kind);
    out.extend(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    out.extend(crc.finalize().to_be_bytes());
}

/// Rasterises `picture`: fills, lines and frames as areas, text with the glyphs
/// of its face. Outlines (the watermark's) are not part of any picture.
pub(crate) fn png(fonts: &Fonts, picture: &Picture) -> Result<Vec<u8>, RenderError> {
    let s = DOTS_PER_MM;
    let width = (picture.width * s).ceil().max(1.0) as usize;
    let height = (picture.height * s).ceil().max(1.0) as usize;
    let mut canvas = Canvas::new(width, height);
    let px = |x: f64| (x - picture.left) * s;
    let py = |y: f64| (y - picture.top) * s;
    let pt_px = s * 25.4 / 72.0;
    let line = |canvas: &mut Canvas, x1: f64, y1: f64, x2: f64, y2: f64, w: f64, c: Rgb| {
        // Axis-aligned strokes are rectangles; a slanted one is stamped along
        // its length.
        let half = (w * pt_px / 2.0).max(0.5);
        let (a, b, c2, d) = (px(x1), py(y1), px(x2), py(y2));
        if (b - d).abs() < 1e-9 || (a - c2).abs() < 1e-9 {
            canvas.rect(
                a.min(c2) - half,
                b.min(d) - half,
                a.max(c2) + half,
                b.max(d) + half,
                c,
            );
        } else {
            let steps = ((c2 - a).hypot(d - b).ceil() as usize).max(1);
            for k in 0..=steps {
                let t = k as f64 / steps as f64;
                let (x, y) = (a + (c2 - a) * t, b + (d - b) * t);
                canvas.rect(x - half, y - half, x + half, y + half, c);
            }
        }
    };
    for op in &picture.ops {
        match op {
            Op::Fill { x, y, w, h, color } => {
                canvas.rect(px(*x), py(*y), px(x + w), py(y + h), *color)
            }
            Op::Line {
                x1,
                y1,
                x2,
                y2,
                width_pt,
                color,
            } => line(&mut canvas, *x1, *y1, *x2, *y2, *width_pt, *color),
            Op::Frame {
                x,
                y,
                w,
                h,
                width_pt,
                color,
            } => {
                let (x2, y2) = (x + w, y + h);
                line(&mut canvas, *x, *y, x2, *y, *width_pt, *color);
                line(&mut canvas, *x, y2, x2, y2, *width_pt, *color);
                line(&mut canvas, *x, *y, *x, y2, *width_pt, *color);
                line(&mut canvas, x2, *y, x2, y2, *width_pt, *color);
            }
            Op::Text {
                x,
                baseline,
                face,
                size,
                color,
                text,
            } => glyphs(
                &mut canvas,
                fonts,
                *face,
                f64::from(*size) * pt_px,
                (px(*x), py(*baseline)),
                *color,
                text,
            ),
            Op::Shape { .. } => {}
        }
    }
    canvas.png()
}

/// Draws `text` with its left end at `origin` on the baseline, `size` pixels high.
fn glyphs(
    canvas: &mut Canvas,
    fonts: &Fonts,
    face: Face,
    size: f64,
    origin: (f64, f64),
    color: Rgb,
    text: &str,
) {
    let font = fonts.rusttype(face);
    let scale = rusttype::Scale::uniform(size as f32);
    let start = rusttype::point(origin.0 as f32, origin.1 as f32);
    for g in font.layout(text, scale, start) {
        if let Some(bb) = g.pixel_bounding_box() {
            g.draw(|gx, gy, v| {
                canvas.blend(
                    i64::from(bb.min.x) + i64::from(gx),
                    i64::from(bb.min.y) + i64::from(gy),
                    color,
                    v,
                )
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Png {
        bytes: Vec<u8>,
        width: usize,
        height: usize,
    }

    fn decoded(bytes: Vec<u8>) -> Png {
        let dim = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        assert_eq!(&bytes[12..16], b"IHDR");
        Png {
            width: dim(16),
            height: dim(20),
            bytes,
        }
    }

    fn pixel(png: &Png, raw: &[u8], x: usize, y: usize) -> [u8; 3] {
        let row = y * (1 + 3 * png.width) + 1;
        let i = row + 3 * x;
        [raw[i], raw[i + 1], raw[i + 2]]
    }

    fn inflate(png: &Png) -> Vec<u8> {
        // The test pictures are small: one IDAT right after IHDR and pHYs.
        let b = &png.bytes;
        let mut at = 8;
        let mut data = Vec::new();
        while at < b.len() {
            let len = u32::from_be_bytes(b[at..at + 4].try_into().unwrap()) as usize;
            if &b[at + 4..at + 8] == b"IDAT" {
                data.extend_from_slice(&b[at + 8..at + 8 + len]);
            }
            at += 12 + len;
        }
        let mut out = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(&data[..]), &mut out)
            .unwrap();
        out
    }

    #[test]
    fn a_fill_covers_its_pixels_and_leaves_the_rest_white() {
        let fonts = Fonts::load().unwrap();
        let picture = Picture {
            ops: vec![Op::Fill {
                x: 10.0,
                y: 10.0,
                w: 5.0,
                h: 5.0,
                color: Rgb(31, 73, 125),
            }],
            left: 10.0,
            top: 10.0,
            width: 10.0,
            height: 10.0,
        };
        let png = decoded(png(&fonts, &picture).unwrap());
        assert!(png.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        // 10 mm at 200 dpi.
        assert_eq!((png.width, png.height), (79, 79));
        let raw = inflate(&png);
        assert_eq!(raw.len(), 79 * (1 + 3 * 79));
        assert_eq!(pixel(&png, &raw, 5, 5), [31, 73, 125]);
        assert_eq!(pixel(&png, &raw, 60, 60), [255, 255, 255]);
    }

    #[test]
    fn text_leaves_ink_where_it_is_written() {
        let fonts = Fonts::load().unwrap();
        let picture = Picture {
            ops: vec![Op::Text {
                x: 1.0,
                baseline: 8.0,
                face: Face::Bold,
                size: 20,
                color: Rgb::BLACK,
                text: "154".into(),
            }],
            left: 0.0,
            top: 0.0,
            width: 20.0,
            height: 10.0,
        };
        let png = decoded(png(&fonts, &picture).unwrap());
        let raw = inflate(&png);
        let dark = |x0: usize, x1: usize| {
            (0..png.height)
                .flat_map(|y| (x0..x1).map(move |x| (x, y)))
                .filter(|&(x, y)| pixel(&png, &raw, x, y)[0] < 128)
                .count()
        };
        // Ink under the digits (about 1–12 mm), none past them.
        assert!(dark(8, 90) > 200, "{}", dark(8, 90));
        assert_eq!(dark(110, png.width), 0);
    }
}
