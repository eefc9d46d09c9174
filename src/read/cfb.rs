//! A soundness check of the compound-file container of an `.xls` before the parser
//! sees it. The parser follows sector chains without looking for loops, so a
//! damaged file whose chain loops back on itself makes it allocate without end
//! (found by fuzzing: an 8 KB file asked for 2.9 GB). A sound file's chains all end:
//! no chain of the sector table or of the mini-sector table may loop.
//!
//! The parser also lays every sheet out as a full rectangle from its first to its
//! last cell, so a small file with one cell at A1 and one at IV65536 costs a gigabyte
//! (also found by fuzzing). The workbook stream's cell records are scanned first and
//! the area they span is bounded.

/// Why a compound file is refused, for the user's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unsound(pub &'static str);

const FREE: u32 = 0xFFFF_FFFF;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Sector numbers from here up are markers, not sectors.
const MAX_SECTOR: u32 = 0xFFFF_FFFA;

/// The reason given when the cells span more than `[limits] max_cells`: the file
/// may be sound, only too wide for the parser.
pub(super) const TOO_WIDE: &str = "too wide";

/// Checks the header, the sector allocation table (FAT) and the mini table, then
/// the area the workbook's cells span against `max_area`.
pub(super) fn check(bytes: &[u8], max_area: u64) -> Result<(), Unsound> {
    let short = Unsound("berkas terpotong");
    let header = bytes.get(..512).ok_or(Unsound("berkas terpotong"))?;
    let u16_at = |b: &[u8], at: usize| u16::from_le_bytes([b[at], b[at + 1]]);
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    let shift = u16_at(header, 0x1E);
    if shift != 9 && shift != 12 {
        return Err(Unsound("ukuran sektor tidak sah"));
    }
    let size = 1usize << shift;
    // Sector n starts after the header, which takes one sector.
    let sector = |n: u32| -> Option<&[u8]> {
        let start = (n as usize).checked_add(1)?.checked_mul(size)?;
        bytes.get(start..start.checked_add(size)?)
    };
    let sectors_in_file = (bytes.len() / size).saturating_sub(1);

    // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
    let mut fat_sectors: Vec<u32> = (0..109).map(|i| u32_at(header, 0x4C + 4 * i)).collect();
    let mut difat = u32_at(header, 0x44);
    let mut steps = 0;
    while difat < MAX_SECTOR {
        steps += 1;
        if steps > sectors_in_file {
            return Err(Unsound("rantai sektor berputar"));
        }
        let s = sector(difat).ok_or(short)?;
        let entries = size / 4 - 1;
        fat_sectors.extend((0..entries).map(|i| u32_at(s, 4 * i)));
        difat = u32_at(s, 4 * entries);
    }
    let mut fat: Vec<u32> = Vec::new();
    for id in fat_sectors.into_iter().filter(|id| *id < MAX_SECTOR) {
        let s = sector(id).ok_or(Unsound("sektor menunjuk ke luar berkas"))?;
        fat.extend((0..size / 4).map(|i| u32_at(s, 4 * i)));
    }
    if loops(&fat) {
        return Err(Unsound("rantai sektor berputar"));
    }

    // The mini table lives in a chain of the FAT, now known to end.
    let mut mini: Vec<u32> = Vec::new();
    let mut next = u32_at(header, 0x3C);
    while next < MAX_SECTOR {
        let s = sector(next).ok_or(Unsound("sektor menunjuk ke luar berkas"))?;
        mini.extend((0..size / 4).map(|i| u32_at(s, 4 * i)));
        next = fat.get(next as usize).copied().unwrap_or(END_OF_CHAIN);
    }
    if loops(&mini) {
        return Err(Unsound("rantai sektor berputar"));
    }

    // Every chain now ends: the directory, then the workbook stream.
    let chain = |start: u32, table: &[u32], read: &dyn Fn(u32) -> Option<Vec<u8>>| {
        let mut out = Vec::new();
        let mut at = start;
        while at < MAX_SECTOR && (at as usize) < table.len().max(1) {
            out.extend(read(at)?);
            at = table.get(at as usize).copied().unwrap_or(END_OF_CHAIN);
        }
        Some(out)
    };
    let read_sector = |n: u32| sector(n).map(<[u8]>::to_vec);
    let Some(directory) = chain(u32_at(header, 0x30), &fat, &read_sector) else {
        return Ok(()); // the parser names what is wrong
    };
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let Some(root) = entries.first() else {
        return Ok(());
    };
    let name_of = |e: &[u8]| {
        let len = (u16_at(e, 0x40) as usize).min(64).saturating_sub(2);
        let units: Vec<u16> = e[..len]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    };
    let Some(book) = entries
        .iter()
        .find(|e| matches!(name_of(e).as_str(), "Workbook" | "Book"))
    else {
        return Ok(());
    };
    let (start, len) = (u32_at(book, 0x74), u32_at(book, 0x78) as usize);
    let stream = if len < u32_at(header, 0x38) as usize {
        let Some(ministream) = chain(u32_at(root, 0x74), &fat, &read_sector) else {
            return Ok(());
        };
        let read_mini = |n: u32| {
            let at = n as usize * 64;
            ministream.get(at..at + 64).map(<[u8]>::to_vec)
        };
        chain(start, &mini, &read_mini)
    } else {
        chain(start, &fat, &read_sector)
    };
    let Some(mut stream) = stream else {
        return Ok(());
    };
    stream.truncate(len);
    if spanned_area(&stream) > max_area {
        return Err(Unsound(TOO_WIDE));
    }
    Ok(())
}

/// The area the parser lays out for a BIFF workbook stream: per sheet, the rectangle
/// from its first to its last value cell, plus what each DIMENSIONS record declares
/// (the parser reserves room for that many cells before reading any).
fn spanned_area(stream: &[u8]) -> u64 {
    let mut total: u64 = 0;
    // (first row, last row, first column, last column) of the current sheet.
    let mut span: Option<(u16, u16, u16, u16)> = None;
    let area = |span: Option<(u16, u16, u16, u16)>| {
        span.map_or(0, |(r0, r1, c0, c1)| {
            (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1)
        })
    };
    let mut at = 0;
    while at + 4 <= stream.len() {
        let kind = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = u16::from_le_bytes([stream[at + 2], stream[at + 3]]) as usize;
        let data = &stream[(at + 4).min(stream.len())..(at + 4 + len).min(stream.len())];
        at += 4 + len;
        let u16_at = |i: usize| data.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
        if kind == 0x0200 {
            total = total.saturating_add(declared_area(data));
            continue;
        }
        let cells: Option<(u16, u16, u16)> = match kind {
            // BOF and EOF: a sheet begins or ends.
            0x0809 | 0x000A => {
                total = total.saturating_add(area(span.take()));
                None
            }
            // NUMBER, LABEL, RSTRING, BOOLERR, RK, LABELSST, FORMULA: one cell.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                u16_at(0).zip(u16_at(2)).map(|(r, c)| (r, c, c))
            }
            // MULRK: a run of cells in one row.
            0x00BD => u16_at(0)
                .zip(u16_at(2))
                .zip(len.checked_sub(2).and_then(u16_at))
                .map(|((r, c0), c1)| (r, c0, c1.max(c0))),
            _ => None,
        };
        if let Some((r, c0, c1)) = cells {
            span = Some(match span {
                None => (r, r, c0, c1),
                Some((r0, r1, a, b)) => (r0.min(r), r1.max(r), a.min(c0), b.max(c1)),
            });
        }
    }
    total.saturating_add(area(span))
}

/// Whether following `table` from any entry can come back to it.
fn loops(table: &[u32]) -> bool {
    // 0: not seen, 1: on the current path, 2: known to end.
    let mut state = vec![0u8; table.len()];
    for start in 0..table.len() {
        let mut path = Vec::new();
        let mut at = start;
        loop {
            match state[at] {
                1 => return true,
                2 => break,
                _ => {}
            }
            state[at] = 1;
            path.push(at);
            let next = table[at];
            if next == FREE || next >= MAX_SECTOR || next as usize >= table.len() {
                break;
            }
            at = next as usize;
        }
        for p in path {
            state[p] = 2;
        }
    }
    false
}

/// The cells a DIMENSIONS record makes the parser reserve, read as the parser reads
/// it; a range whose end comes before its start wraps around there, so it counts as
/// unbounded.
fn declared_area(data: &[u8]) -> u64 {
    let u16_at = |i: usize| u32::from(u16::from_le_bytes([data[i], data[i + 1]]));
    let u32_at = |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    let (first_row, row_end, first_col, col_end) = match data.len() {
        10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        14 | 16 => (u32_at(0), u32_at(4), u16_at(8), u16_at(10)),
        _ => return 0,
    };
    let first_col = if first_col > 0xFF || col_end < first_col {
        0
    } else {
        first_col
    };
    if row_end < 1 || col_end < 1 {
        return 1;
    }
    let rows = i64::from(row_end) - i64::from(first_row);
    let cols = i64::from(col_end) - i64::from(first_col);
    if rows <= 0 || cols <= 0 {
        return u64::MAX;
    }
    (rows as u64).saturating_mul(cols as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_area_cells_span_per_sheet() {
        let record = |kind: u16, data: &[u8]| {
            let mut r = kind.to_le_bytes().to_vec();
            r.extend((data.len() as u16).to_le_bytes());
            r.extend(data);
            r
        };
        let cell = |row: u16, col: u16| {
            let mut d = row.to_le_bytes().to_vec();
            d.extend(col.to_le_bytes());
            d.extend([0u8; 10]);
            record(0x0203, &d)
        };
        let mut stream = record(0x0809, &[0; 16]);
        stream.extend(cell(0, 0));
        stream.extend(cell(9, 3));
        stream.extend(record(0x000A, &[]));
        stream.extend(record(0x0809, &[0; 16]));
        stream.extend(cell(65_535, 255));
        stream.extend(cell(0, 0));
        stream.extend(record(0x000A, &[]));
        assert_eq!(spanned_area(&stream), 10 * 4 + 65_536 * 256);
        // DIMENSIONS: rows 0..10 (end exclusive), columns 0..4; and one whose end
        // comes before its start.
        let dims = |rf: u32, rl: u32, cf: u16, cl: u16| {
            let mut d = rf.to_le_bytes().to_vec();
            d.extend(rl.to_le_bytes());
            d.extend(cf.to_le_bytes());
            d.extend(cl.to_le_bytes());
            d.extend([0u8; 2]);
            record(0x0200, &d)
        };
        assert_eq!(spanned_area(&dims(0, 10, 0, 4)), 40);
        assert_eq!(spanned_area(&dims(100, 10, 0, 4)), u64::MAX);
    }

    #[test]
    fn chains_that_end_and_chains_that_loop() {
        assert!(!loops(&[1, 2, END_OF_CHAIN, FREE, 5, END_OF_CHAIN]));
        assert!(loops(&[1, 2, 0]));
        assert!(loops(&[END_OF_CHAIN, 2, 2]));
        // Entries pointing past the table end their chain here; the parser
        // reports them as damaged.
        assert!(!loops(&[7, END_OF_CHAIN]));
    }
}
