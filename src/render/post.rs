//! The post-pass over the painted document (with lopdf): puts each page's graphics under
//! its text, replaces every font program by a subset of the glyphs printed (with
//! a matching ToUnicode map and widths), drops the faces never used and the
//! PDF/X leftovers printpdf adds, writes fixed metadata and an /ID derived from
//! the content (so the same report always gives the same bytes), adds bookmarks
//! for the chapters, and compresses the streams.

use super::fonts::{Face, Fonts};
use super::layout::Entry;
use super::paint::Painted;
use super::report::DocumentDate;
use super::subset;
use super::RenderError;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use std::collections::{BTreeMap, BTreeSet};

/// What the post-pass writes besides the pages.
pub(crate) struct Meta {
    pub(crate) title: String,
    pub(crate) author: String,
    pub(crate) subject: String,
    pub(crate) date: DocumentDate,
    pub(crate) compress: bool,
    /// Chapters (level 1) and their sections (level 2) for the bookmarks.
    pub(crate) outline: Vec<Entry>,
}

fn err(e: impl std::fmt::Display) -> RenderError {
    RenderError::Pdf(e.to_string())
}

pub(crate) fn finish(painted: Painted, fonts: &Fonts, meta: &Meta) -> Result<Vec<u8>, RenderError> {
    let Painted {
        mut doc,
        graphics,
        used,
    } = painted;
    let used = &used;
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();

    // PDF/X leftovers: an ICC profile and XMP metadata with random ids.
    let root = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(err)?;
    if let Ok(Object::Dictionary(cat)) = doc.get_object_mut(root) {
        cat.remove(b"Metadata");
        cat.remove(b"OutputIntents");
    }

    // Graphics under the text.
    for (page_id, g) in pages.iter().zip(graphics) {
        if g.is_empty() {
            continue;
        }
        let gid = doc.add_object(Stream::new(Dictionary::new(), g));
        let page = doc
            .get_object_mut(*page_id)
            .and_then(Object::as_dict_mut)
            .map_err(err)?;
        let contents = page.get(b"Contents").map_err(err)?.clone();
        let mut list = vec![Object::Reference(gid)];
        match contents {
            Object::Array(a) => list.extend(a),
            other => list.push(other),
        }
        page.set("Contents", Object::Array(list));
    }

    fonts_pass(&mut doc, &pages, used, fonts)?;
    outline(&mut doc, root, &pages, &meta.outline)?;

    // Fixed metadata.
    let stamp = format!(
        "D:{:04}{:02}{:02}000000+07'00'",
        meta.date.year, meta.date.month, meta.date.day
    );
    let mut info = Dictionary::new();
    info.set("Title", text_string(&meta.title));
    info.set("Author", text_string(&meta.author));
    info.set("Subject", text_string(&meta.subject));
    info.set("Creator", text_string("kinerja"));
    info.set(
        "Producer",
        text_string(concat!(
            "kinerja ",
            env!("CARGO_PKG_VERSION"),
            " (genpdf, printpdf, lopdf)"
        )),
    );
    info.set(
        "CreationDate",
        Object::String(stamp.clone().into_bytes(), StringFormat::Literal),
    );
    info.set(
        "ModDate",
        Object::String(stamp.into_bytes(), StringFormat::Literal),
    );
    let info_id = doc.add_object(Object::Dictionary(info));
    doc.trailer.set("Info", Object::Reference(info_id));
    doc.trailer.remove(b"ID");

    doc.prune_objects();
    doc.delete_zero_length_streams();
    doc.renumber_objects();
    if meta.compress {
        compress(&mut doc);
    } else {
        doc.decompress();
    }

    // The /ID is a digest of the document itself: stable for the same report.
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(err)?;
    let id = digest(&out);
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.to_vec(), StringFormat::Hexadecimal),
            Object::String(id.to_vec(), StringFormat::Hexadecimal),
        ]),
    );
    with_trailer(&mut out, &doc)?;
    Ok(out)
}

/// What `Document::compress` does, each stream on whichever core is free: level 9
/// deflate of a few hundred page streams is a large part of a long report.
fn compress(doc: &mut Document) {
    let ids: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| matches!(o, Object::Stream(s) if s.allows_compression))
        .map(|(id, _)| *id)
        .collect();
    let streams: Vec<(ObjectId, Object)> = ids
        .into_iter()
        .filter_map(|id| doc.objects.insert(id, Object::Null).map(|o| (id, o)))
        .collect();
    let weight = |(_, o): &(ObjectId, Object)| match o {
        Object::Stream(s) => s.content.len() as u64,
        _ => 0,
    };
    let compressed = crate::parallel::map_owned(streams, weight, |(id, mut o)| {
        if let Object::Stream(s) = &mut o {
            // Ignore any error and keep the stream as it is, as lopdf does.
            let _ = s.compress();
        }
        (id, o)
    });
    doc.objects.extend(compressed);
}

/// Replaces the trailer at the end of `saved` (`doc` as `Document::save_to` wrote
/// it) by `doc`'s trailer now: the objects and the cross-reference table before
/// it, and so the `startxref` offset after it, stay as they are. The same bytes as
/// saving the document again, without writing every object twice.
fn with_trailer(saved: &mut Vec<u8>, doc: &Document) -> Result<(), RenderError> {
    let missing = || RenderError::Pdf("saved document without a trailer".into());
    let find_last = |hay: &[u8], needle: &[u8]| {
        hay.windows(needle.len())
            .rposition(|w| w == needle)
            .ok_or_else(missing)
    };
    // The trailer as lopdf writes it: a document of no objects but the same
    // trailer and size, saved.
    let mut alone = Document::with_version(doc.version.clone());
    alone.trailer = doc.trailer.clone();
    alone.max_id = doc.max_id;
    let mut written = Vec::new();
    alone.save_to(&mut written).map_err(err)?;
    let start = find_last(&written, b"trailer\n")?;
    let end = find_last(&written, b"\nstartxref\n")?;
    let tail_from = find_last(saved, b"\nstartxref\n")?;
    let trailer_at = find_last(&saved[..tail_from], b"trailer\n")?;
    let tail = saved.split_off(tail_from);
    saved.truncate(trailer_at);
    saved.extend_from_slice(&written[start..end]);
    saved.extend_from_slice(&tail);
    Ok(())
}

/// A PDF text string: literal when ASCII, else UTF-16BE with a byte-order mark.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// 16 bytes from two FNV-1a passes with different seeds: not cryptographic, only
/// stable.
fn digest(data: &[u8]) -> [u8; 16] {
    let fnv = |seed: u64| {
        data.iter().fold(seed, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
        })
    };
    let a = fnv(0xcbf2_9ce4_8422_2325);
    let b = fnv(0x8422_2325_cbf2_9ce4 ^ data.len() as u64);
    let mut out = [0u8; 16];
    out[..8].copy_from_slice(&a.to_be_bytes());
    out[8..].copy_from_slice(&b.to_be_bytes());
    out
}

fn deref_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok().and_then(|o| o.as_dict().ok()),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// The ids of a Type0 font's CIDFont, its descriptor and its font program.
struct FontObjects {
    cid: ObjectId,
    descriptor: ObjectId,
    program: ObjectId,
    to_unicode: Option<ObjectId>,
}

fn font_objects(doc: &mut Document, type0: ObjectId) -> Option<FontObjects> {
    let t0 = doc.get_object(type0).ok()?.as_dict().ok()?;
    let first = match t0.get(b"DescendantFonts").ok()? {
        Object::Array(a) => a.first()?.clone(),
        Object::Reference(r) => doc.get_object(*r).ok()?.as_array().ok()?.first()?.clone(),
        _ => return None,
    };
    let to_unicode = t0.get(b"ToUnicode").and_then(Object::as_reference).ok();
    // printpdf writes the CIDFont inline; make it an object of its own.
    let cid = match first {
        Object::Reference(r) => r,
        Object::Dictionary(d) => {
            let id = doc.add_object(Object::Dictionary(d));
            if let Ok(Object::Dictionary(t0)) = doc.get_object_mut(type0) {
                t0.set(
                    "DescendantFonts",
                    Object::Array(vec![Object::Reference(id)]),
                );
            }
            id
        }
        _ => return None,
    };
    let descriptor = doc
        .get_object(cid)
        .ok()?
        .as_dict()
        .ok()?
        .get(b"FontDescriptor")
        .ok()?
        .as_reference()
        .ok()?;
    let program = doc
        .get_object(descriptor)
        .ok()?
        .as_dict()
        .ok()?
        .get(b"FontFile2")
        .ok()?
        .as_reference()
        .ok()?;
    Some(FontObjects {
        cid,
        descriptor,
        program,
        to_unicode,
    })
}

/// Which face a font program is: the original programs differ in length.
fn face_of(doc: &Document, program: ObjectId) -> Option<Face> {
    let s = doc.get_object(program).ok()?.as_stream().ok()?;
    let len = s.dict.get(b"Length1").and_then(Object::as_i64).ok()? as usize;
    Face::ALL.into_iter().find(|f| f.bytes().len() == len)
}

fn fonts_pass(
    doc: &mut Document,
    pages: &[ObjectId],
    used: &BTreeMap<Face, BTreeSet<char>>,
    fonts: &Fonts,
) -> Result<(), RenderError> {
    // The font resource dictionaries (printpdf shares one between all pages).
    let mut dicts: BTreeSet<ObjectId> = BTreeSet::new();
    for p in pages {
        let page = doc.get_object(*p).and_then(Object::as_dict).map_err(err)?;
        let Some(res) = page.get(b"Resources").ok().and_then(|r| deref_dict(doc, r)) else {
            continue;
        };
        if let Ok(Object::Reference(id)) = res.get(b"Font") {
            dicts.insert(*id);
        }
    }
    let mut done: BTreeMap<ObjectId, bool> = BTreeMap::new();
    for dict_id in dicts {
        let entries: Vec<(Vec<u8>, ObjectId)> = doc
            .get_object(dict_id)
            .and_then(Object::as_dict)
            .map_err(err)?
            .iter()
            .filter_map(|(k, v)| v.as_reference().ok().map(|r| (k.clone(), r)))
            .collect();
        for (name, type0) in entries {
            let keep = match done.get(&type0) {
                Some(k) => *k,
                None => {
                    let k = rewrite_font(doc, type0, used, fonts)?;
                    done.insert(type0, k);
                    k
                }
            };
            if !keep {
                if let Ok(Object::Dictionary(d)) = doc.get_object_mut(dict_id) {
                    d.remove(&name);
                }
            }
        }
    }
    Ok(())
}

/// Replaces a font's program by a subset and its ToUnicode map and widths by ones
/// for the glyphs printed; false when the face printed nothing.
fn rewrite_font(
    doc: &mut Document,
    type0: ObjectId,
    used: &BTreeMap<Face, BTreeSet<char>>,
    fonts: &Fonts,
) -> Result<bool, RenderError> {
    let Some(objs) = font_objects(doc, type0) else {
        return Ok(true);
    };
    let Some(face) = face_of(doc, objs.program) else {
        return Ok(true);
    };
    let chars = match used.get(&face) {
        Some(c) if !c.is_empty() => c,
        _ => return Ok(false),
    };
    // Glyph → the character it prints; the lowest code point wins a shared glyph.
    let mut to_char: BTreeMap<u16, char> = BTreeMap::new();
    for &c in chars {
        let gid = fonts.glyph_ids(face, &c.to_string())[0];
        if gid != 0 {
            to_char.entry(gid).or_insert(c);
        }
    }
    let gids: BTreeSet<u16> = to_char.keys().copied().collect();
    let data = face.bytes();
    let program = subset::subset(data, &gids).map_err(RenderError::Font)?;
    let m = subset::metrics(data).map_err(RenderError::Font)?;
    let scale = |v: f64| (v * 1000.0 / f64::from(m.units_per_em)).round() as i64;

    let tag = subset_tag(face, &gids);
    let name = format!("{tag}+{}", face.postscript_name());

    let mut stream = Stream::new(Dictionary::new(), program.clone());
    stream.dict.set("Length1", program.len() as i64);
    doc.objects.insert(objs.program, Object::Stream(stream));

    let cmap = to_unicode_cmap(&to_char);
    let tu = doc.add_object(Stream::new(Dictionary::new(), cmap.into_bytes()));
    if let Some(old) = objs.to_unicode {
        doc.objects.remove(&old);
    }

    let mut widths = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut run_start = 0u16;
    let mut prev: Option<u16> = None;
    for &g in &gids {
        if prev.map(|p| p + 1 != g).unwrap_or(true) && !run.is_empty() {
            widths.push(Object::Integer(i64::from(run_start)));
            widths.push(Object::Array(std::mem::take(&mut run)));
        }
        if run.is_empty() {
            run_start = g;
        }
        run.push(Object::Integer(scale(f64::from(m.advance(g)))));
        prev = Some(g);
    }
    if !run.is_empty() {
        widths.push(Object::Integer(i64::from(run_start)));
        widths.push(Object::Array(run));
    }

    if let Ok(Object::Dictionary(d)) = doc.get_object_mut(type0) {
        d.set("BaseFont", Object::Name(name.clone().into_bytes()));
        d.set("ToUnicode", Object::Reference(tu));
    }
    if let Ok(Object::Dictionary(d)) = doc.get_object_mut(objs.cid) {
        d.set("BaseFont", Object::Name(name.clone().into_bytes()));
        d.set("W", Object::Array(widths));
        d.set("CIDToGIDMap", Object::Name(b"Identity".to_vec()));
    }
    if let Ok(Object::Dictionary(d)) = doc.get_object_mut(objs.descriptor) {
        d.set("FontName", Object::Name(name.into_bytes()));
        d.set("Ascent", scale(f64::from(m.ascender)));
        d.set("Descent", scale(f64::from(m.descender)));
        d.set("CapHeight", scale(f64::from(m.cap_height)));
        d.set("ItalicAngle", Object::Real(m.italic_angle));
        let flags: i64 = 32
            + if matches!(face, Face::Italic | Face::BoldItalic) {
                64
            } else {
                0
            };
        d.set("Flags", flags);
        d.set(
            "StemV",
            if matches!(face, Face::Bold | Face::BoldItalic) {
                120i64
            } else {
                80i64
            },
        );
        d.set(
            "FontBBox",
            Object::Array(
                m.bbox
                    .iter()
                    .map(|&v| Object::Integer(scale(f64::from(v))))
                    .collect(),
            ),
        );
    }
    Ok(true)
}

/// Six capital letters naming the subset, derived from its glyphs.
fn subset_tag(face: Face, gids: &BTreeSet<u16>) -> String {
    let mut bytes = vec![face as u8];
    for g in gids {
        bytes.extend_from_slice(&g.to_be_bytes());
    }
    let d = digest(&bytes);
    d[..6].iter().map(|b| (b'A' + b % 26) as char).collect()
}

fn to_unicode_cmap(map: &BTreeMap<u16, char>) -> String {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &char)> = map.iter().collect();
    for chunk in entries.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (g, c) in chunk {
            let mut buf = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut buf)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            s.push_str(&format!("<{g:04X}> <{hex}>\n"));
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}

/// Bookmarks: one per chapter, with its sections under it.
fn outline(
    doc: &mut Document,
    root: ObjectId,
    pages: &[ObjectId],
    entries: &[Entry],
) -> Result<(), RenderError> {
    let top = doc.new_object_id();
    // (entry, children)
    let mut tree: Vec<(&Entry, Vec<&Entry>)> = Vec::new();
    for e in entries {
        match e.level {
            1 => tree.push((e, Vec::new())),
            2 => {
                if let Some(last) = tree.last_mut() {
                    last.1.push(e);
                }
            }
            _ => {}
        }
    }
    if tree.is_empty() {
        return Ok(());
    }
    let dest = |e: &Entry| {
        let page = pages
            .get(e.page.saturating_sub(1))
            .copied()
            .unwrap_or(pages[0]);
        Object::Array(vec![Object::Reference(page), Object::Name(b"Fit".to_vec())])
    };
    let ids: Vec<ObjectId> = tree.iter().map(|_| doc.new_object_id()).collect();
    let mut count = 0i64;
    for (i, (e, children)) in tree.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text_string(&e.text));
        d.set("Parent", Object::Reference(top));
        d.set("Dest", dest(e));
        if i > 0 {
            d.set("Prev", Object::Reference(ids[i - 1]));
        }
        if i + 1 < ids.len() {
            d.set("Next", Object::Reference(ids[i + 1]));
        }
        count += 1;
        if !children.is_empty() {
            let kid_ids: Vec<ObjectId> = children.iter().map(|_| doc.new_object_id()).collect();
            for (k, c) in children.iter().enumerate() {
                let mut kd = Dictionary::new();
                kd.set("Title", text_string(&c.text));
                kd.set("Parent", Object::Reference(ids[i]));
                kd.set("Dest", dest(c));
                if k > 0 {
                    kd.set("Prev", Object::Reference(kid_ids[k - 1]));
                }
                if k + 1 < kid_ids.len() {
                    kd.set("Next", Object::Reference(kid_ids[k + 1]));
                }
                doc.objects.insert(kid_ids[k], Object::Dictionary(kd));
            }
            d.set("First", Object::Reference(kid_ids[0]));
            d.set(
                "Last",
                Object::Reference(*kid_ids.last().expect("non-empty")),
            );
            // Negative: sections start closed.
            d.set("Count", -(kid_ids.len() as i64));
        }
        doc.objects.insert(ids[i], Object::Dictionary(d));
    }
    let mut o = Dictionary::new();
    o.set("Type", Object::Name(b"Outlines".to_vec()));
    o.set("First", Object::Reference(ids[0]));
    o.set("Last", Object::Reference(*ids.last().expect("non-empty")));
    o.set("Count", count);
    doc.objects.insert(top, Object::Dictionary(o));
    if let Ok(Object::Dictionary(cat)) = doc.get_object_mut(root) {
        cat.set("Outlines", Object::Reference(top));
        cat.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_are_ascii_or_utf16() {
        match text_string("LKjIP") {
            Object::String(b, StringFormat::Literal) => assert_eq!(b, b"LKjIP"),
            other => panic!("{other:?}"),
        }
        match text_string("DRAFT — 3") {
            Object::String(b, StringFormat::Hexadecimal) => {
                assert_eq!(&b[..4], &[0xFE, 0xFF, 0, b'D'])
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn cmap_lists_each_glyph_once() {
        let map = BTreeMap::from([(3u16, ' '), (36u16, 'A')]);
        let c = to_unicode_cmap(&map);
        assert!(c.contains("2 beginbfchar\n<0003> <0020>\n<0024> <0041>\nendbfchar"));
    }
}
