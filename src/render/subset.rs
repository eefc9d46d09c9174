//! TrueType subsetting: keeps the outlines of the glyphs a document prints (and
//! the parts of composite glyphs), empties all others, and drops the tables a PDF
//! viewer does not read. Glyph ids stay as they are, so the text genpdf wrote
//! (Identity-H, CID = glyph id) needs no rewriting. A Liberation face shrinks
//! from about 400 KB to a few tens of KB.

use std::collections::{BTreeMap, BTreeSet};

/// Metrics read from a font program, in font units.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Metrics {
    pub(crate) units_per_em: u16,
    pub(crate) bbox: [i16; 4],
    pub(crate) ascender: i16,
    pub(crate) descender: i16,
    pub(crate) cap_height: i16,
    pub(crate) italic_angle: f64,
    num_h_metrics: u16,
    advances: Vec<u16>,
}

impl Metrics {
    /// Advance width of a glyph in font units.
    pub(crate) fn advance(&self, gid: u16) -> u16 {
        let i = usize::from(gid).min(usize::from(self.num_h_metrics.max(1)) - 1);
        self.advances.get(i).copied().unwrap_or(0)
    }
}

struct Font<'a> {
    data: &'a [u8],
    tables: BTreeMap<[u8; 4], &'a [u8]>,
}

fn u16_at(d: &[u8], at: usize) -> Result<u16, String> {
    d.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .ok_or_else(|| format!("truncated at {at}"))
}

fn i16_at(d: &[u8], at: usize) -> Result<i16, String> {
    u16_at(d, at).map(|v| v as i16)
}

fn u32_at(d: &[u8], at: usize) -> Result<u32, String> {
    d.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or_else(|| format!("truncated at {at}"))
}

impl<'a> Font<'a> {
    fn parse(data: &'a [u8]) -> Result<Font<'a>, String> {
        let n = usize::from(u16_at(data, 4)?);
        let mut tables = BTreeMap::new();
        for i in 0..n {
            let rec = 12 + 16 * i;
            let tag: [u8; 4] = data
                .get(rec..rec + 4)
                .ok_or("truncated table directory")?
                .try_into()
                .expect("4 bytes");
            let offset = u32_at(data, rec + 8)? as usize;
            let len = u32_at(data, rec + 12)? as usize;
            let body = data
                .get(offset..offset + len)
                .ok_or_else(|| format!("table {} out of bounds", String::from_utf8_lossy(&tag)))?;
            tables.insert(tag, body);
        }
        Ok(Font { data, tables })
    }

    fn table(&self, tag: &[u8; 4]) -> Result<&'a [u8], String> {
        self.tables
            .get(tag)
            .copied()
            .ok_or_else(|| format!("no {} table", String::from_utf8_lossy(tag)))
    }

    fn num_glyphs(&self) -> Result<usize, String> {
        Ok(usize::from(u16_at(self.table(b"maxp")?, 4)?))
    }

    /// Glyph offsets into `glyf`, `num_glyphs + 1` of them.
    fn loca(&self) -> Result<Vec<usize>, String> {
        let long = i16_at(self.table(b"head")?, 50)? != 0;
        let loca = self.table(b"loca")?;
        let n = self.num_glyphs()? + 1;
        (0..n)
            .map(|i| {
                if long {
                    u32_at(loca, 4 * i).map(|v| v as usize)
                } else {
                    u16_at(loca, 2 * i).map(|v| 2 * usize::from(v))
                }
            })
            .collect()
    }

    fn metrics(&self) -> Result<Metrics, String> {
        let head = self.table(b"head")?;
        let hhea = self.table(b"hhea")?;
        let hmtx = self.table(b"hmtx")?;
        let num_h_metrics = u16_at(hhea, 34)?;
        let advances = (0..usize::from(num_h_metrics))
            .map(|i| u16_at(hmtx, 4 * i))
            .collect::<Result<Vec<_>, _>>()?;
        let cap_height = match self.tables.get(b"OS/2") {
            Some(os2) if u16_at(os2, 0)? >= 2 => i16_at(os2, 88)?,
            _ => i16_at(hhea, 4)?,
        };
        let italic_angle = match self.tables.get(b"post") {
            Some(post) => f64::from(u32_at(post, 4)? as i32) / 65536.0,
            None => 0.0,
        };
        Ok(Metrics {
            units_per_em: u16_at(head, 18)?,
            bbox: [
                i16_at(head, 36)?,
                i16_at(head, 38)?,
                i16_at(head, 40)?,
                i16_at(head, 42)?,
            ],
            ascender: i16_at(hhea, 4)?,
            descender: i16_at(hhea, 6)?,
            cap_height,
            italic_angle,
            num_h_metrics,
            advances,
        })
    }
}

/// The metrics of a font program.
pub(crate) fn metrics(data: &[u8]) -> Result<Metrics, String> {
    Font::parse(data)?.metrics()
}

/// One command of a glyph outline, in font units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum PathCmd {
    Move(f64, f64),
    Line(f64, f64),
    Cubic(f64, f64, f64, f64, f64, f64),
    Close,
}

/// The outline of a glyph as cubic Bézier contours (TrueType's quadratic
/// splines raised to cubics), shifted by `dx`, plus its advance width.
pub(crate) fn outline(data: &[u8], gid: u16, dx: f64) -> Result<(Vec<PathCmd>, f64), String> {
    let font = Font::parse(data)?;
    let m = font.metrics()?;
    let mut out = Vec::new();
    glyph_outline(&font, usize::from(gid), dx, 0.0, &mut out, 0)?;
    Ok((out, f64::from(m.advance(gid))))
}

fn glyph_outline(
    font: &Font,
    gid: usize,
    dx: f64,
    dy: f64,
    out: &mut Vec<PathCmd>,
    depth: u8,
) -> Result<(), String> {
    let loca = font.loca()?;
    let glyf = font.table(b"glyf")?;
    if gid + 1 >= loca.len() || depth > 4 {
        return Ok(());
    }
    let g = glyf
        .get(loca[gid]..loca[gid + 1])
        .ok_or("glyph out of bounds")?;
    if g.len() < 10 {
        return Ok(());
    }
    let contours = i16_at(g, 0)?;
    if contours < 0 {
        // A composite: its parts at their offsets (scales are ignored).
        let mut at = 10;
        loop {
            let flags = u16_at(g, at)?;
            let part = usize::from(u16_at(g, at + 2)?);
            at += 4;
            let (ox, oy) = if flags & 0x0001 != 0 {
                let v = (f64::from(i16_at(g, at)?), f64::from(i16_at(g, at + 2)?));
                at += 4;
                v
            } else {
                let v = (f64::from(g[at] as i8), f64::from(g[at + 1] as i8));
                at += 2;
                v
            };
            let (ox, oy) = if flags & 0x0002 != 0 {
                (ox, oy)
            } else {
                (0.0, 0.0)
            };
            at += if flags & 0x0008 != 0 {
                2
            } else if flags & 0x0040 != 0 {
                4
            } else if flags & 0x0080 != 0 {
                8
            } else {
                0
            };
            glyph_outline(font, part, dx + ox, dy + oy, out, depth + 1)?;
            if flags & 0x0020 == 0 {
                return Ok(());
            }
        }
    }
    let n = contours as usize;
    let ends = (0..n)
        .map(|i| u16_at(g, 10 + 2 * i).map(usize::from))
        .collect::<Result<Vec<_>, _>>()?;
    let points = ends.last().map(|e| e + 1).unwrap_or(0);
    let ins = usize::from(u16_at(g, 10 + 2 * n)?);
    let mut at = 12 + 2 * n + ins;
    let mut flags = Vec::with_capacity(points);
    while flags.len() < points {
        let f = *g.get(at).ok_or("truncated flags")?;
        at += 1;
        flags.push(f);
        if f & 0x08 != 0 {
            let r = *g.get(at).ok_or("truncated flags")?;
            at += 1;
            for _ in 0..r {
                flags.push(f);
            }
        }
    }
    flags.truncate(points);
    let mut coords = |short: u8, same: u8| -> Result<Vec<f64>, String> {
        let mut v = 0i32;
        let mut out = Vec::with_capacity(points);
        for &f in &flags {
            if f & short != 0 {
                let d = i32::from(*g.get(at).ok_or("truncated coordinates")?);
                at += 1;
                v += if f & same != 0 { d } else { -d };
            } else if f & same == 0 {
                v += i32::from(i16_at(g, at)?);
                at += 2;
            }
            out.push(f64::from(v));
        }
        Ok(out)
    };
    let xs = coords(0x02, 0x10)?;
    let ys = coords(0x04, 0x20)?;
    let mut start = 0;
    for end in ends {
        let pts: Vec<(f64, f64, bool)> = (start..=end)
            .map(|i| (xs[i] + dx, ys[i] + dy, flags[i] & 1 != 0))
            .collect();
        start = end + 1;
        if pts.is_empty() {
            continue;
        }
        // Start on an on-curve point (or between two off-curve ones).
        let first = pts.iter().position(|p| p.2);
        let (sx, sy, order): (f64, f64, Vec<(f64, f64, bool)>) = match first {
            Some(i) => (
                pts[i].0,
                pts[i].1,
                pts[i + 1..]
                    .iter()
                    .chain(pts[..=i].iter())
                    .copied()
                    .collect(),
            ),
            None => {
                let (a, b) = (pts[0], pts[1 % pts.len()]);
                let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                let mut o: Vec<_> = pts[1..].iter().chain(pts[..1].iter()).copied().collect();
                o.push((mx, my, true));
                (mx, my, o)
            }
        };
        out.push(PathCmd::Move(sx, sy));
        let (mut cx, mut cy) = (sx, sy);
        let mut control: Option<(f64, f64)> = None;
        let quad = |out: &mut Vec<PathCmd>, p0: (f64, f64), c: (f64, f64), p1: (f64, f64)| {
            out.push(PathCmd::Cubic(
                p0.0 + 2.0 / 3.0 * (c.0 - p0.0),
                p0.1 + 2.0 / 3.0 * (c.1 - p0.1),
                p1.0 + 2.0 / 3.0 * (c.0 - p1.0),
                p1.1 + 2.0 / 3.0 * (c.1 - p1.1),
                p1.0,
                p1.1,
            ));
        };
        for (x, y, on) in order {
            match (on, control) {
                (true, None) => {
                    out.push(PathCmd::Line(x, y));
                    (cx, cy) = (x, y);
                }
                (true, Some(c)) => {
                    quad(out, (cx, cy), c, (x, y));
                    (cx, cy) = (x, y);
                    control = None;
                }
                (false, None) => control = Some((x, y)),
                (false, Some(c)) => {
                    let mid = ((c.0 + x) / 2.0, (c.1 + y) / 2.0);
                    quad(out, (cx, cy), c, mid);
                    (cx, cy) = mid;
                    control = Some((x, y));
                }
            }
        }
        if let Some(c) = control {
            quad(out, (cx, cy), c, (sx, sy));
        }
        out.push(PathCmd::Close);
    }
    Ok(())
}

/// Component glyphs a composite glyph refers to.
fn components(glyph: &[u8]) -> Result<Vec<u16>, String> {
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAVE_SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const HAVE_XY_SCALE: u16 = 0x0040;
    const HAVE_2X2: u16 = 0x0080;
    let mut out = Vec::new();
    if glyph.len() < 10 || i16_at(glyph, 0)? >= 0 {
        return Ok(out);
    }
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        out.push(u16_at(glyph, at + 2)?);
        at += 4;
        at += if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        if flags & HAVE_SCALE != 0 {
            at += 2;
        } else if flags & HAVE_XY_SCALE != 0 {
            at += 4;
        } else if flags & HAVE_2X2 != 0 {
            at += 8;
        }
        if flags & MORE == 0 {
            break;
        }
    }
    Ok(out)
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut b = [0u8; 4];
        b[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(b))
    })
}

/// Tables a PDF viewer reads from an embedded CIDFontType2 program (plus `name`,
/// which carries the copyright and licence notice, and a short `post`).
const KEEP: [&[u8; 4]; 13] = [
    b"OS/2", b"cmap", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp",
    b"name", b"post", b"prep",
];

/// The font program with only the glyphs in `keep` (and glyph 0) left.
pub(crate) fn subset(data: &[u8], keep: &BTreeSet<u16>) -> Result<Vec<u8>, String> {
    let font = Font::parse(data)?;
    let n = font.num_glyphs()?;
    let loca = font.loca()?;
    let glyf = font.table(b"glyf")?;
    let glyph = |gid: usize| -> Result<&[u8], String> {
        let (a, b) = (loca[gid], loca[gid + 1]);
        glyf.get(a..b.max(a))
            .ok_or_else(|| format!("glyph {gid} out of bounds"))
    };

    // Close over composite glyphs' components.
    let mut wanted: BTreeSet<usize> = keep
        .iter()
        .map(|&g| usize::from(g))
        .filter(|&g| g < n)
        .collect();
    wanted.insert(0);
    let mut queue: Vec<usize> = wanted.iter().copied().collect();
    while let Some(gid) = queue.pop() {
        for c in components(glyph(gid)?)? {
            let c = usize::from(c);
            if c < n && wanted.insert(c) {
                queue.push(c);
            }
        }
    }

    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity(4 * (n + 1));
    for gid in 0..n {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        if wanted.contains(&gid) {
            new_glyf.extend_from_slice(glyph(gid)?);
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let mut head = font.table(b"head")?.to_vec();
    if head.len() < 54 {
        return Err("short head table".into());
    }
    head[8..12].copy_from_slice(&[0, 0, 0, 0]);
    head[50..52].copy_from_slice(&1i16.to_be_bytes());

    let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for tag in KEEP {
        let body = match tag {
            b"glyf" => new_glyf.clone(),
            b"loca" => new_loca.clone(),
            b"head" => head.clone(),
            b"post" => match font.tables.get(b"post") {
                // Version 3: no glyph names.
                Some(post) if post.len() >= 32 => {
                    let mut p = post[..32].to_vec();
                    p[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
                    p
                }
                _ => continue,
            },
            _ => match font.tables.get(tag) {
                Some(t) => t.to_vec(),
                None => continue,
            },
        };
        tables.push((*tag, body));
    }
    tables.sort_by_key(|t| t.0);

    let num = tables.len() as u16;
    let mut pow = 1u16;
    let mut log = 0u16;
    while pow * 2 <= num {
        pow *= 2;
        log += 1;
    }
    let search_range = pow * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&font.data[0..4]);
    out.extend_from_slice(&num.to_be_bytes());
    out.extend_from_slice(&search_range.to_be_bytes());
    out.extend_from_slice(&log.to_be_bytes());
    out.extend_from_slice(&(num * 16 - search_range).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, body) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(body).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += body.len().div_ceil(4) * 4;
    }
    for (_, body) in &tables {
        out.extend_from_slice(body);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::fonts::{Face, Fonts};
    use super::*;

    #[test]
    fn subset_keeps_used_outlines_and_glyph_ids() {
        let fonts = Fonts::load().unwrap();
        let data = Face::Regular.bytes();
        let gids: BTreeSet<u16> = fonts
            .glyph_ids(Face::Regular, "Halaman 1 dari 9 – Rp6.796.834.585 é")
            .into_iter()
            .collect();
        let small = subset(data, &gids).unwrap();
        assert!(
            small.len() * 5 < data.len(),
            "{} of {}",
            small.len(),
            data.len()
        );
        let orig = Font::parse(data).unwrap();
        let sub = Font::parse(&small).unwrap();
        assert_eq!(sub.num_glyphs().unwrap(), orig.num_glyphs().unwrap());
        let (ol, sl) = (orig.loca().unwrap(), sub.loca().unwrap());
        let og = orig.table(b"glyf").unwrap();
        let sg = sub.table(b"glyf").unwrap();
        for &g in &gids {
            let g = usize::from(g);
            assert_eq!(
                &og[ol[g]..ol[g + 1]],
                &sg[sl[g]..sl[g] + (ol[g + 1] - ol[g])],
                "glyph {g}"
            );
        }
        // The whole font sums to the magic number, as the format requires.
        assert_eq!(checksum(&small), 0xB1B0_AFBA);
        assert_eq!(metrics(&small).unwrap(), metrics(data).unwrap());
    }

    #[test]
    fn outlines_are_closed_paths_within_the_glyph_box() {
        let fonts = Fonts::load().unwrap();
        let data = Face::Bold.bytes();
        let m = metrics(data).unwrap();
        for c in "DRAFTé".chars() {
            let gid = fonts.glyph_ids(Face::Bold, &c.to_string())[0];
            let (path, adv) = outline(data, gid, 0.0).unwrap();
            assert!(adv > 0.0);
            assert!(matches!(path.first(), Some(PathCmd::Move(..))), "{c}");
            assert_eq!(path.last(), Some(&PathCmd::Close), "{c}");
            for cmd in &path {
                if let PathCmd::Line(x, y) | PathCmd::Move(x, y) = cmd {
                    assert!(
                        *x >= f64::from(m.bbox[0]) && *x <= f64::from(m.bbox[2]),
                        "{c}: x {x}"
                    );
                    assert!(
                        *y >= f64::from(m.bbox[1]) && *y <= f64::from(m.bbox[3]),
                        "{c}: y {y}"
                    );
                }
            }
        }
    }

    #[test]
    fn composite_glyphs_bring_their_components() {
        // "é" in Liberation is built from "e" and the acute accent.
        let fonts = Fonts::load().unwrap();
        let data = Face::Regular.bytes();
        let e_acute = fonts.glyph_ids(Face::Regular, "é")[0];
        let font = Font::parse(data).unwrap();
        let loca = font.loca().unwrap();
        let glyf = font.table(b"glyf").unwrap();
        let g = usize::from(e_acute);
        let comps = components(&glyf[loca[g]..loca[g + 1]]).unwrap();
        if comps.is_empty() {
            return; // a simple glyph in this version of the font: nothing to follow
        }
        let small = subset(data, &BTreeSet::from([e_acute])).unwrap();
        let sub = Font::parse(&small).unwrap();
        let sl = sub.loca().unwrap();
        for c in comps {
            let c = usize::from(c);
            assert!(sl[c + 1] > sl[c], "component {c} kept");
        }
    }
}
