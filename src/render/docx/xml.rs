//! Writing WordprocessingML by hand: text escaped for XML, units converted, and
//! the properties of paragraphs and runs in the order the schema fixes (Word
//! refuses a document whose elements come out of order).

use crate::render::fonts::Rgb;
use std::fmt::Write;

pub(crate) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(crate) const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// `s` as XML character data or an attribute value. Characters XML 1.0 cannot
/// hold (control characters a workbook cell may carry) are left out.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// [`escape`] appended to `out`.
pub(crate) fn escape_into(out: &mut String, s: &str) {
    let plain = |c: char| {
        !matches!(c, '&' | '<' | '>' | '"' | '\u{FFFE}' | '\u{FFFF}')
            && (c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
    };
    if s.chars().all(plain) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if plain(c) => out.push(c),
            _ => {}
        }
    }
}

/// Millimetres in twentieths of a point, Word's unit of lengths on the page.
pub(crate) fn twips(mm: f64) -> i64 {
    (mm * 1440.0 / 25.4).round() as i64
}

/// Points in twentieths of a point.
pub(crate) fn pt_twips(points: f64) -> i64 {
    (points * 20.0).round() as i64
}

/// Millimetres in English metric units, DrawingML's unit.
pub(crate) fn emu(mm: f64) -> i64 {
    (mm * 36_000.0).round() as i64
}

/// A colour as Word writes it, "1F497D".
pub(crate) fn hex(c: Rgb) -> String {
    format!("{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The look of a run of text; unset fields come from the paragraph's style.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Look {
    pub(crate) bold: bool,
    pub(crate) italic: bool,
    pub(crate) color: Option<Rgb>,
    /// Points.
    pub(crate) size: Option<u8>,
    pub(crate) underline: bool,
    /// A box around the text: its line and its fill.
    pub(crate) boxed: Option<(Rgb, Rgb)>,
}

impl Look {
    pub(crate) fn bold() -> Look {
        Look {
            bold: true,
            ..Look::default()
        }
    }

    /// `<w:rPr>…</w:rPr>`, or nothing when the run looks as its style says.
    pub(crate) fn xml(&self) -> String {
        if !self.bold
            && !self.italic
            && self.color.is_none()
            && self.size.is_none()
            && !self.underline
            && self.boxed.is_none()
        {
            return String::new();
        }
        let mut s = String::new();
        if self.bold {
            s.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            s.push_str("<w:i/><w:iCs/>");
        }
        if let Some(c) = self.color {
            let _ = write!(s, r#"<w:color w:val="{}"/>"#, hex(c));
        }
        if let Some(size) = self.size {
            let _ = write!(
                s,
                r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#,
                u32::from(size) * 2
            );
        }
        if self.underline {
            s.push_str(r#"<w:u w:val="single"/>"#);
        }
        if let Some((line, fill)) = self.boxed {
            let _ = write!(
                s,
                r#"<w:bdr w:val="single" w:sz="8" w:space="2" w:color="{}"/><w:shd w:val="clear" w:color="auto" w:fill="{}"/>"#,
                hex(line),
                hex(fill)
            );
        }
        if s.is_empty() {
            s
        } else {
            format!("<w:rPr>{s}</w:rPr>")
        }
    }
}

/// Runs of `text` in `look`: a `\n` breaks the line, a tab is Word's tab.
pub(crate) fn runs(out: &mut String, text: &str, look: &Look) {
    let rpr = look.xml();
    for (i, line) in text.split('\n').enumerate() {
        out.push_str("<w:r>");
        out.push_str(&rpr);
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (k, piece) in line.split('\t').enumerate() {
            if k > 0 {
                out.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                // Spaces at either end are kept only when the text says so.
                if piece.starts_with(' ') || piece.ends_with(' ') {
                    out.push_str(r#"<w:t xml:space="preserve">"#);
                } else {
                    out.push_str("<w:t>");
                }
                escape_into(out, piece);
                out.push_str("</w:t>");
            }
        }
        out.push_str("</w:r>");
    }
}

/// A complex field (PAGEREF, TOC's parts) as its runs: begin, the instruction,
/// separate, the result as Word would show it, end.
pub(crate) fn field(out: &mut String, instruction: &str, result: &str, look: &Look) {
    let rpr = look.xml();
    let _ = write!(
        out,
        r#"<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rpr}<w:instrText xml:space="preserve"> {} </w:instrText></w:r><w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>"#,
        escape(instruction)
    );
    runs(out, result, look);
    let _ = write!(out, r#"<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>"#);
}

/// A paragraph's properties, written in the schema's order.
#[derive(Clone, Debug, Default)]
pub(crate) struct Para {
    pub(crate) style: Option<&'static str>,
    pub(crate) keep_next: bool,
    pub(crate) keep_lines: bool,
    pub(crate) page_break_before: bool,
    /// The numbering instance of a list item.
    pub(crate) numbering: Option<usize>,
    /// `<w:pBdr>` content.
    pub(crate) borders: Option<String>,
    /// `<w:tabs>` content.
    pub(crate) tabs: Option<String>,
    /// Space before and after in twips, and an exact line height in twips.
    pub(crate) before: Option<i64>,
    pub(crate) after: Option<i64>,
    pub(crate) line: Option<i64>,
    /// Left and right indents and a hanging indent, in twips.
    pub(crate) left: Option<i64>,
    pub(crate) right: Option<i64>,
    pub(crate) hanging: Option<i64>,
    /// "left", "center", "right", "both".
    pub(crate) align: Option<&'static str>,
    /// The look of the paragraph mark.
    pub(crate) mark: Option<Look>,
    /// The properties of the section this paragraph ends.
    pub(crate) section: Option<String>,
}

impl Para {
    pub(crate) fn styled(style: &'static str) -> Para {
        Para {
            style: Some(style),
            ..Para::default()
        }
    }

    /// `<w:pPr>…</w:pPr>` appended to `out`, or nothing when the paragraph is
    /// as its style says.
    pub(crate) fn write(&self, out: &mut String) {
        let start = out.len();
        out.push_str("<w:pPr>");
        let open = out.len();
        let s = out;
        if let Some(st) = self.style {
            let _ = write!(s, r#"<w:pStyle w:val="{st}"/>"#);
        }
        if self.keep_next {
            s.push_str("<w:keepNext/>");
        }
        if self.keep_lines {
            s.push_str("<w:keepLines/>");
        }
        if self.page_break_before {
            s.push_str("<w:pageBreakBefore/>");
        }
        if let Some(n) = self.numbering {
            let _ = write!(
                s,
                r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{n}"/></w:numPr>"#
            );
        }
        if let Some(b) = &self.borders {
            let _ = write!(s, "<w:pBdr>{b}</w:pBdr>");
        }
        if let Some(t) = &self.tabs {
            let _ = write!(s, "<w:tabs>{t}</w:tabs>");
        }
        if self.before.is_some() || self.after.is_some() || self.line.is_some() {
            s.push_str("<w:spacing");
            if let Some(v) = self.before {
                let _ = write!(s, r#" w:before="{}""#, v.max(0));
            }
            if let Some(v) = self.after {
                let _ = write!(s, r#" w:after="{}""#, v.max(0));
            }
            if let Some(v) = self.line {
                let _ = write!(s, r#" w:line="{v}" w:lineRule="exact""#);
            }
            s.push_str("/>");
        }
        if self.left.is_some() || self.right.is_some() || self.hanging.is_some() {
            s.push_str("<w:ind");
            if let Some(v) = self.left {
                let _ = write!(s, r#" w:left="{v}""#);
            }
            if let Some(v) = self.right {
                let _ = write!(s, r#" w:right="{v}""#);
            }
            if let Some(v) = self.hanging {
                let _ = write!(s, r#" w:hanging="{v}""#);
            }
            s.push_str("/>");
        }
        if let Some(a) = self.align {
            let _ = write!(s, r#"<w:jc w:val="{a}"/>"#);
        }
        if let Some(m) = &self.mark {
            s.push_str(&m.xml());
        }
        if let Some(sect) = &self.section {
            s.push_str(sect);
        }
        if s.len() == open {
            s.truncate(start);
        } else {
            s.push_str("</w:pPr>");
        }
    }
}

/// A paragraph: its properties and its content (runs, bookmarks, fields).
pub(crate) fn paragraph(out: &mut String, para: &Para, content: &str) {
    out.push_str("<w:p>");
    para.write(out);
    out.push_str(content);
    out.push_str("</w:p>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            escape("Rp. <1.000> & \"x\"\u{0B}y"),
            "Rp. &lt;1.000&gt; &amp; &quot;x&quot;y"
        );
    }

    #[test]
    fn units() {
        assert_eq!(twips(25.4), 1440);
        assert_eq!(twips(210.0), 11906);
        assert_eq!(emu(1.0), 36_000);
        assert_eq!(hex(Rgb(31, 73, 125)), "1F497D");
    }

    #[test]
    fn lines_break_and_tabs_are_tabs() {
        let mut s = String::new();
        runs(&mut s, "a\tb\nc ", &Look::bold());
        assert_eq!(
            s,
            "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r>\
             <w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:br/><w:t xml:space=\"preserve\">c </w:t></w:r>"
        );
    }

    #[test]
    fn paragraph_properties_keep_the_schema_order() {
        let p = Para {
            style: Some("BodyText"),
            keep_next: true,
            before: Some(85),
            left: Some(10),
            align: Some("center"),
            section: Some("<w:sectPr/>".into()),
            ..Para::default()
        };
        let mut xml = String::new();
        p.write(&mut xml);
        assert_eq!(
            xml,
            "<w:pPr><w:pStyle w:val=\"BodyText\"/><w:keepNext/><w:spacing w:before=\"85\"/>\
             <w:ind w:left=\"10\"/><w:jc w:val=\"center\"/><w:sectPr/></w:pPr>"
        );
    }
}
