//! What one pass over an xlsx archive learns besides the format: which part holds
//! each sheet, and each worksheet part's merged ranges. The pass inflates every
//! entry anyway (to bound a zip bomb by what it really inflates to), so finding the
//! merges there spares a second XML parse of every sheet.

use crate::cell::{CellRange, CellRef};
use quick_xml::events::Event;
use std::collections::HashMap;

/// The sheets' parts and merged ranges of one xlsx archive.
#[derive(Debug, Default)]
pub(super) struct Parts {
    /// Merged ranges by worksheet part path (`xl/worksheets/sheet1.xml`).
    merges: HashMap<String, Vec<CellRange>>,
    /// Worksheet part path by sheet name.
    paths: HashMap<String, String>,
    /// Worksheet part paths holding at least one formula (`<f>` element).
    with_formulas: std::collections::HashSet<String>,
    /// The inflated XML of worksheet parts large enough to be read on several
    /// cores (see `split`), by part path, until taken.
    large: HashMap<String, Vec<u8>>,
    /// `xl/workbook.xml` and its relations, until [`Parts::link`].
    book: Vec<u8>,
    rels: Vec<u8>,
    /// A worksheet or the shared strings holds text longer than a cell can.
    pub too_long_text: bool,
    /// How many shared strings the workbook lists (`<si>` elements).
    pub shared_strings: u64,
}

impl Parts {
    /// A reader for an archive entry this pass wants to see, if any; `size` is
    /// what the entry declares it inflates to.
    pub(super) fn reader(&self, name: &str, size: u64) -> Option<PartReader> {
        if name == SHARED_STRINGS {
            Some(PartReader::Strings {
                gap: Gap::default(),
                count: 0,
                tail: Vec::new(),
            })
        } else if is_worksheet(name) {
            Some(PartReader::Worksheet {
                path: name.to_string(),
                gap: Gap::default(),
                pending: Vec::new(),
                merges: Vec::new(),
                formulas: false,
                whole: (super::split::SPLIT_MIN_BYTES..=super::split::SPLIT_MAX_BYTES)
                    .contains(&size)
                    .then(|| Vec::with_capacity(size.min(64 << 20) as usize)),
            })
        } else if name == WORKBOOK || name == WORKBOOK_RELS {
            Some(PartReader::Whole {
                name: name.to_string(),
                bytes: Some(Vec::new()),
            })
        } else {
            None
        }
    }

    /// Takes in what a reader saw of its entry.
    pub(super) fn finish(&mut self, part: PartReader) {
        match part {
            PartReader::Strings { gap, count, .. } => {
                self.too_long_text |= gap.too_long();
                self.shared_strings = count;
            }
            PartReader::Worksheet {
                path,
                gap,
                pending,
                mut merges,
                formulas,
                whole,
            } => {
                self.too_long_text |= gap.too_long();
                merges.extend(merged_ranges(&pending));
                if let Some(whole) = whole {
                    self.large.insert(path.clone(), whole);
                }
                if formulas || has_formula(&pending) {
                    self.with_formulas.insert(path.clone());
                }
                self.merges.insert(path, merges);
            }
            PartReader::Whole { name, bytes } => {
                let bytes = bytes.unwrap_or_default();
                if name == WORKBOOK {
                    self.book = bytes;
                } else {
                    self.rels = bytes;
                }
            }
        }
    }

    /// Resolves sheet names to parts, once every entry is in.
    pub(super) fn link(&mut self) {
        let targets: HashMap<String, String> = elements(&self.rels, "Relationship")
            .into_iter()
            .filter_map(|a| Some((a.get("Id")?.clone(), a.get("Target")?.clone())))
            .collect();
        for sheet in elements(&self.book, "sheet") {
            let (Some(name), Some(id)) = (sheet.get("name"), sheet.get("id")) else {
                continue;
            };
            if let Some(target) = targets.get(id) {
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{target}"),
                };
                self.paths.insert(name.clone(), path);
            }
        }
        self.book = Vec::new();
        self.rels = Vec::new();
    }

    /// The merged ranges of a sheet, or `None` when its part is not known (the
    /// caller then asks the parser).
    pub(super) fn merges_of(&self, sheet: &str) -> Option<Vec<CellRange>> {
        self.merges.get(self.paths.get(sheet)?).cloned()
    }

    /// The largest sheet large enough to be read on several cores: its name, part
    /// path and inflated XML (handed out once; the others' XML is let go).
    pub(super) fn take_largest(&mut self) -> Option<(String, String, Vec<u8>)> {
        let large = std::mem::take(&mut self.large);
        let (path, xml) = large.into_iter().max_by_key(|(_, xml)| xml.len())?;
        let name = self
            .paths
            .iter()
            .find(|(_, p)| **p == path)
            .map(|(name, _)| name.clone())?;
        Some((name, path, xml))
    }

    /// Whether a sheet may hold formulas: `false` only when its part is known and
    /// has none, so a sheet of typed values costs no second pass.
    pub(super) fn may_have_formulas(&self, sheet: &str) -> bool {
        self.paths
            .get(sheet)
            .is_none_or(|path| self.with_formulas.contains(path))
    }
}

/// One entry's bytes as they are inflated, chunk by chunk.
pub(super) enum PartReader {
    /// A worksheet: scanned for merged ranges as it streams past, keeping only the
    /// text from the last `<` (an element that may continue in the next chunk).
    Worksheet {
        path: String,
        gap: Gap,
        pending: Vec<u8>,
        merges: Vec<CellRange>,
        /// A formula element was seen.
        formulas: bool,
        /// Every byte, for a part large enough to be read on several cores.
        whole: Option<Vec<u8>>,
    },
    /// The shared strings: how long their texts run and how many there are
    /// (the parser keeps each, however many no cell shows); `tail` is the end of
    /// the last chunk, where an element may begin.
    Strings { gap: Gap, count: u64, tail: Vec<u8> },
    /// The workbook or its relations: kept whole, up to [`WHOLE_LIMIT`] (beyond,
    /// `None`: not linked here; the parser then reads the merges itself).
    Whole {
        name: String,
        bytes: Option<Vec<u8>>,
    },
}

/// The most of `xl/workbook.xml` or its relations kept.
const WHOLE_LIMIT: usize = 16 << 20;

/// A `<mergeCell …/>` element is far shorter than this; text after a `<` longer
/// than this cannot be the start of one.
const ELEMENT_LIMIT: usize = 4096;

impl PartReader {
    pub(super) fn feed(&mut self, chunk: &[u8]) {
        match self {
            PartReader::Strings { gap, count, tail } => {
                gap.feed(chunk);
                // `<si>`, `<si …>` or a prefixed `<x:si>`, across chunk edges (a
                // prefixed one counts again at its end tag: the count bounds the
                // strings, it need not tally them).
                let from = tail.len();
                tail.extend_from_slice(chunk);
                *count += memchr::memmem::find_iter(tail, b"si")
                    .filter(|&i| {
                        i + 2 >= from
                            && i > 0
                            && matches!(tail[i - 1], b'<' | b':')
                            && matches!(tail.get(i + 2), Some(b'>' | b' ' | b'/'))
                    })
                    .count() as u64;
                let keep = tail.len().saturating_sub(4);
                tail.drain(..keep);
            }
            PartReader::Worksheet {
                gap,
                pending,
                merges,
                formulas,
                whole,
                ..
            } => {
                gap.feed(chunk);
                if let Some(kept) = whole {
                    // An entry that inflates past what it declared is read whole.
                    if (kept.len() + chunk.len()) as u64 > super::split::SPLIT_MAX_BYTES {
                        *whole = None;
                    } else {
                        kept.extend_from_slice(chunk);
                    }
                }
                pending.extend_from_slice(chunk);
                let Some(last) = memchr::memrchr(b'<', pending) else {
                    pending.clear();
                    return;
                };
                merges.extend(merged_ranges(&pending[..last]));
                *formulas = *formulas || has_formula(&pending[..last]);
                if pending.len() - last > ELEMENT_LIMIT {
                    pending.clear();
                } else {
                    pending.drain(..last);
                }
            }
            PartReader::Whole { bytes, .. } => {
                if bytes
                    .as_ref()
                    .is_some_and(|b| b.len() + chunk.len() > WHOLE_LIMIT)
                {
                    *bytes = None;
                }
                if let Some(b) = bytes {
                    b.extend_from_slice(chunk);
                }
            }
        }
    }
}

const WORKBOOK: &str = "xl/workbook.xml";
const SHARED_STRINGS: &str = "xl/sharedStrings.xml";

/// The most bytes of XML between two `<`: a cell's text at Excel's limit of
/// 32,767 characters, each written as an escape of up to 6 bytes, fits. A
/// parser holds a text whole (twice, while it reads it), so a workbook of a few
/// hundred bytes could otherwise inflate one text of hundreds of megabytes.
pub(super) const MAX_TEXT_BYTES: usize = 256 << 10;

/// The longest run of XML bytes without a `<`, as the bytes stream past.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Gap {
    /// Bytes since the last `<`.
    run: usize,
    longest: usize,
}

impl Gap {
    pub(super) fn feed(&mut self, chunk: &[u8]) {
        let mut from = 0;
        for at in memchr::memchr_iter(b'<', chunk) {
            self.longest = self.longest.max(self.run + at - from);
            self.run = 0;
            from = at + 1;
        }
        self.run += chunk.len() - from;
        self.longest = self.longest.max(self.run);
    }

    pub(super) fn too_long(&self) -> bool {
        self.longest > MAX_TEXT_BYTES
    }
}
const WORKBOOK_RELS: &str = "xl/_rels/workbook.xml.rels";

fn is_worksheet(name: &str) -> bool {
    name.starts_with("xl/worksheets/") && name.ends_with(".xml") && !name.contains("/_rels/")
}

/// The attributes (by local name, unescaped) of every element with local name `tag`.
fn elements(xml: &[u8], tag: &str) -> Vec<HashMap<String, String>> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().into_inner() == tag => {
                let attrs = e
                    .attributes()
                    .flatten()
                    .filter_map(|a| {
                        let key = a.key.local_name().into_inner().to_string();
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .ok()?
                            .into_owned();
                        Some((key, value))
                    })
                    .collect();
                out.push(attrs);
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// Whether the XML holds a formula element `<f>`, `<f …>` (or a prefixed `<x:f>`).
fn has_formula(xml: &[u8]) -> bool {
    // A false positive (`:f ` in an inline string) only costs a second pass.
    memchr::memchr_iter(b'f', xml).any(|i| {
        i > 0
            && matches!(xml[i - 1], b'<' | b':')
            && matches!(xml.get(i + 1), Some(b'>' | b' ' | b'/'))
    })
}

/// The `<mergeCell ref="A1:B2"/>` elements of a worksheet part, found by their
/// bytes: in XML text a `<` is always escaped, so the element cannot hide in a value.
fn merged_ranges(xml: &[u8]) -> Vec<CellRange> {
    let mut out = Vec::new();
    for start in memchr::memmem::find_iter(xml, b"mergeCell ") {
        // `<mergeCell ` or a prefixed `<x:mergeCell `.
        let before = &xml[..start];
        let opens = match before.last() {
            Some(b'<') => true,
            Some(b':') => before
                .iter()
                .rev()
                .skip(1)
                .take_while(|b| b.is_ascii_alphanumeric())
                .count()
                .checked_add(2)
                .and_then(|n| before.len().checked_sub(n))
                .is_some_and(|i| before[i] == b'<'),
            _ => false,
        };
        if !opens {
            continue;
        }
        let rest = &xml[start..];
        let tag = &rest[..memchr::memchr(b'>', rest).unwrap_or(rest.len())];
        let Some(r) = memchr::memmem::find(tag, b" ref=") else {
            continue;
        };
        let value = &tag[r + 5..];
        let Some(&quote) = value.first().filter(|q| matches!(q, b'"' | b'\'')) else {
            continue;
        };
        let value = &value[1..];
        let Some(end) = memchr::memchr(quote, value) else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(&value[..end]) else {
            continue;
        };
        let mut ends = text.split(':');
        let first = ends.next().and_then(CellRef::parse);
        let last = ends.next().map_or(first, CellRef::parse);
        if let (Some(first), Some(last)) = (first, last) {
            out.push(CellRange { first, last });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(a: &str, b: &str) -> CellRange {
        CellRange {
            first: CellRef::parse(a).unwrap(),
            last: CellRef::parse(b).unwrap(),
        }
    }

    /// A worksheet part passed through in chunks of `size` bytes.
    fn streamed(xml: &[u8], size: usize) -> Parts {
        let mut parts = Parts::default();
        let mut reader = parts.reader("xl/worksheets/sheet1.xml", 0).unwrap();
        for chunk in xml.chunks(size) {
            reader.feed(chunk);
        }
        parts.finish(reader);
        parts
    }

    #[test]
    fn merges_are_found_by_their_bytes() {
        let xml = br#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mergeCell &lt;mergeCell ref="Z9:Z10"/&gt;</t></is></c></row></sheetData>
<mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref='B2:B3'/><x:mergeCell ref="D4"/></mergeCells></worksheet>"#;
        let expected = vec![range("A1", "C1"), range("B2", "B3"), range("D4", "D4")];
        assert_eq!(merged_ranges(xml), expected);
        // The same, streamed in chunks of every size.
        for size in 1..xml.len() {
            let parts = streamed(xml, size);
            assert_eq!(parts.merges["xl/worksheets/sheet1.xml"], expected, "{size}");
        }
    }

    /// Guards the cheap path: a sheet of typed values is never read a second time
    /// for formulas, however its bytes are chunked, and one with `<f>` always is.
    #[test]
    fn formulas_are_noticed_in_any_chunking() {
        let with = br#"<sheetData><row r="1"><c r="A1"><f>SUM(B1:B2)</f><v>3</v></c><c r="B1" t="inlineStr"><is><t>f of</t></is></c></row></sheetData>"#;
        let shared = br#"<sheetData><row r="2"><c r="A2"><f t="shared" si="0"/><v>1</v></c></row></sheetData>"#;
        let without = br#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>fase f</t></is></c><c r="F1"><v>2</v></c></row></sheetData>"#;
        for (xml, expected) in [
            (&with[..], true),
            (&shared[..], true),
            (&without[..], false),
        ] {
            for size in 1..xml.len() {
                let mut parts = streamed(xml, size);
                parts
                    .paths
                    .insert("S".into(), "xl/worksheets/sheet1.xml".into());
                assert_eq!(parts.may_have_formulas("S"), expected, "{size}");
            }
        }
    }

    /// A worksheet declared large keeps its XML for reading on several cores,
    /// a small one does not, and one that inflates past the most kept is dropped.
    #[test]
    fn large_worksheets_keep_their_xml() {
        use crate::read::split::{SPLIT_MAX_BYTES, SPLIT_MIN_BYTES};
        let xml = b"<worksheet><sheetData><row r=\"1\"/></sheetData></worksheet>";
        for (declared, kept) in [
            (SPLIT_MIN_BYTES, true),
            (SPLIT_MIN_BYTES - 1, false),
            (SPLIT_MAX_BYTES + 1, false),
        ] {
            let mut parts = Parts::default();
            let mut reader = parts.reader("xl/worksheets/sheet1.xml", declared).unwrap();
            for chunk in xml.chunks(7) {
                reader.feed(chunk);
            }
            parts.finish(reader);
            parts
                .paths
                .insert("IDM".into(), "xl/worksheets/sheet1.xml".into());
            let taken = parts.take_largest();
            assert_eq!(
                taken,
                kept.then(|| (
                    "IDM".into(),
                    "xl/worksheets/sheet1.xml".into(),
                    xml.to_vec()
                )),
                "{declared}"
            );
        }
    }

    /// Guards the bound on one text: the longest run between two `<` is found in
    /// any chunking, and the shared strings are counted across chunk edges.
    #[test]
    fn long_texts_and_shared_strings_are_measured_in_any_chunking() {
        let long = format!(
            "<sst><si><t>{}</t></si><x:si><t>b</t></x:si><si/></sst>",
            "a".repeat(MAX_TEXT_BYTES + 1)
        );
        let short =
            "<sst count=\"3\"><si><t>sisi</t></si><si ><t>a</t></si><x:si><t>si></t></x:si></sst>";
        // A prefixed string counts twice (`<x:si>` and `</x:si>`): a bound, not a tally.
        for (xml, too_long, count) in [(long.as_str(), true, 4), (short, false, 4)] {
            for size in [1, 2, 3, 5, 7, 4096, 1 << 20] {
                let mut parts = Parts::default();
                let mut reader = parts.reader(SHARED_STRINGS, 0).unwrap();
                for chunk in xml.as_bytes().chunks(size) {
                    reader.feed(chunk);
                }
                parts.finish(reader);
                assert_eq!(parts.too_long_text, too_long, "{size}");
                assert_eq!(parts.shared_strings, count, "{size}");
            }
        }
    }

    #[test]
    fn sheet_names_resolve_to_parts() {
        let book = br#"<workbook xmlns:r="r"><sheets><sheet name="IDM &amp; Status" sheetId="1" r:id="rId2"/><sheet name="Rekap" sheetId="2" r:id="rId1"/></sheets></workbook>"#;
        let rels = br#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet2.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet1.xml"/></Relationships>"#;
        let mut parts = Parts::default();
        parts
            .merges
            .insert("xl/worksheets/sheet1.xml".into(), vec![range("A1", "B1")]);
        parts
            .merges
            .insert("xl/worksheets/sheet2.xml".into(), vec![]);
        for (name, bytes) in [(WORKBOOK, &book[..]), (WORKBOOK_RELS, &rels[..])] {
            let mut reader = parts.reader(name, 0).unwrap();
            reader.feed(bytes);
            parts.finish(reader);
        }
        parts.link();
        assert_eq!(
            parts.merges_of("IDM & Status"),
            Some(vec![range("A1", "B1")])
        );
        assert_eq!(parts.merges_of("Rekap"), Some(vec![]));
        assert_eq!(parts.merges_of("Lain"), None);
    }
}
