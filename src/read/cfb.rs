//! A soundness check of the compound-file container of an `.xls` before the parser
//! sees it. The parser follows sector chains without looking for loops, so a
//! damaged file whose chain loops back on itself makes it allocate without end
//! (found by fuzzing: an 8 KB file asked for 2.9 GB). A sound file's chains all end:
//! no chain of the sector table or of the mini-sector table may loop.

/// Why a compound file is refused, for the user's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unsound(pub &'static str);

const FREE: u32 = 0xFFFF_FFFF;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
/// Sector numbers from here up are markers, not sectors.
const MAX_SECTOR: u32 = 0xFFFF_FFFA;

/// Checks the header, the sector allocation table (FAT) and the mini table.
pub(super) fn check(bytes: &[u8]) -> Result<(), Unsound> {
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
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

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
