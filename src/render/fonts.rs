//! The embedded Liberation Sans faces and their metrics: text is measured with the
//! same glyphs and kerning genpdf prints with, so what fits when laid out fits
//! when printed.

use super::RenderError;
use genpdf::fonts::{FontCache, FontData, FontFamily};
use genpdf::style::Style;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-BoldItalic.ttf");

/// One face of the family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub(crate) const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    /// The face's font program.
    pub(crate) fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
            Face::Italic => ITALIC,
            Face::BoldItalic => BOLD_ITALIC,
        }
    }

    /// The PostScript name written into the PDF.
    pub(crate) fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "LiberationSans",
            Face::Bold => "LiberationSans-Bold",
            Face::Italic => "LiberationSans-Italic",
            Face::BoldItalic => "LiberationSans-BoldItalic",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A colour as 0–255 RGB.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub(crate) const BLACK: Rgb = Rgb(0, 0, 0);
}

/// Vertical metrics of a face, in em.
#[derive(Clone, Copy, Debug)]
struct VMetrics {
    ascent: f64,
    descent: f64,
}

/// Measured widths of texts in one face and size.
type Widths = HashMap<String, f64, Fx>;

/// The font cache genpdf prints with, plus metrics for layout.
pub(crate) struct Fonts {
    pub(crate) cache: FontCache,
    metrics: [VMetrics; 4],
    /// Widths already measured, by face and size: a large report prints the same
    /// words (statuses, district names, figures) thousands of times, and lays
    /// itself out twice (the second pass knows the page numbers).
    widths: RefCell<HashMap<(Face, u8), Widths, Fx>>,
}

const PT_MM: f64 = 25.4 / 72.0;

impl Fonts {
    /// Parses the embedded faces.
    pub(crate) fn load() -> Result<Fonts, RenderError> {
        let data = |face: Face| {
            FontData::new(face.bytes().to_vec(), None)
                .map_err(|e| RenderError::Font(format!("{}: {e}", face.postscript_name())))
        };
        let cache = FontCache::new(FontFamily {
            regular: data(Face::Regular)?,
            bold: data(Face::Bold)?,
            italic: data(Face::Italic)?,
            bold_italic: data(Face::BoldItalic)?,
        });
        let mut metrics = [VMetrics {
            ascent: 0.0,
            descent: 0.0,
        }; 4];
        for face in Face::ALL {
            let font = Self::plain_style(face).font(&cache);
            let rt = cache.get_rt_font(font);
            let v = rt.v_metrics_unscaled();
            let upem = f64::from(rt.units_per_em());
            metrics[face.index()] = VMetrics {
                ascent: f64::from(v.ascent) / upem,
                descent: -f64::from(v.descent) / upem,
            };
        }
        Ok(Fonts {
            cache,
            metrics,
            widths: RefCell::default(),
        })
    }

    fn plain_style(face: Face) -> Style {
        let mut style = Style::new();
        if matches!(face, Face::Bold | Face::BoldItalic) {
            style.set_bold();
        }
        if matches!(face, Face::Italic | Face::BoldItalic) {
            style.set_italic();
        }
        style
    }

    /// Width of `s` in mm, kerning included.
    pub(crate) fn width(&self, face: Face, size: u8, s: &str) -> f64 {
        let mut widths = self.widths.borrow_mut();
        let known = widths.entry((face, size)).or_default();
        if let Some(&w) = known.get(s) {
            return w;
        }
        let style = Self::plain_style(face).with_font_size(size);
        let w = f64::from(style.str_width(&self.cache, s));
        known.insert(s.to_string(), w);
        w
    }

    /// Distance from the baseline up to the top of the tallest glyphs, in mm.
    pub(crate) fn ascent(&self, face: Face, size: u8) -> f64 {
        self.metrics[face.index()].ascent * f64::from(size) * PT_MM
    }

    /// Distance from the baseline down to the bottom of descenders, in mm.
    pub(crate) fn descent(&self, face: Face, size: u8) -> f64 {
        self.metrics[face.index()].descent * f64::from(size) * PT_MM
    }

    /// genpdf's font for `face` (its metrics, kerning and glyph ids).
    pub(crate) fn genpdf_font(&self, face: Face) -> genpdf::fonts::Font {
        Self::plain_style(face).font(&self.cache)
    }

    /// The face's glyphs, for drawing a picture.
    pub(crate) fn rusttype(&self, face: Face) -> &rusttype::Font<'static> {
        self.cache.get_rt_font(self.genpdf_font(face))
    }

    /// The resource name printpdf gives `face`'s font: `F` and its place in the
    /// cache, the order [`Fonts::load`] adds the faces in.
    pub(crate) fn pdf_name(face: Face) -> &'static str {
        ["F0", "F1", "F2", "F3"][face.index()]
    }

    /// The glyph ids genpdf writes for `s` in `face`.
    pub(crate) fn glyph_ids(&self, face: Face, s: &str) -> Vec<u16> {
        let font = Self::plain_style(face).font(&self.cache);
        font.glyph_ids(&self.cache, s.chars())
    }
}

/// A fast hash for the caches of measured and formatted texts (the words of a
/// large report are looked up millions of times; nothing depends on the order).
pub(crate) type Fx = BuildHasherDefault<crate::hash::FxHasher>;

/// Points to millimetres.
pub(crate) fn pt(points: f64) -> f64 {
    points * PT_MM
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faces_load_with_plausible_metrics() {
        let fonts = Fonts::load().unwrap();
        for face in Face::ALL {
            let a = fonts.ascent(face, 10);
            let d = fonts.descent(face, 10);
            assert!(a > 2.5 && a < 4.0, "{face:?} ascent {a}");
            assert!(d > 0.3 && d < 1.5, "{face:?} descent {d}");
        }
        let w = fonts.width(Face::Regular, 10, "Halaman");
        assert!(w > 10.0 && w < 20.0, "width {w}");
        assert!(fonts.width(Face::Bold, 10, "Halaman") > w);
    }
}
