//! Text files as editors on Windows save them: UTF-8 with or without a byte
//! order mark (Notepad wrote one until 2019, and still does as "UTF-8 with
//! BOM"), UTF-16 with its mark (Notepad's "Unicode"), or the ANSI code page of
//! an Indonesian or Western Windows (Windows-1252), where `–` is byte 0x96 and
//! `é` 0xE9. Line ends (CRLF or LF) are left to the readers, which take both.

use std::path::Path;

/// The text of the file at `path`, however it was saved.
pub fn read(path: &Path) -> std::io::Result<String> {
    std::fs::read(path).map(|bytes| decode(&bytes))
}

/// `bytes` as text: by its byte order mark when it has one, else UTF-8 when
/// they are valid UTF-8, else Windows-1252 (every byte is a character there).
pub fn decode(bytes: &[u8]) -> String {
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
        },
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// One byte of Windows-1252: Latin-1 but for 0x80–0x9F, which hold the
/// typographic marks (`€ ‚ „ … – — ‘ ’ “ ”`…); its five unused bytes become
/// the replacement character.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
        '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_way_windows_saves_text_reads_as_the_same_text() {
        let text = "# kata_pengantar\r\nDinas – Café “baru”\r\n";
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect();
        let ansi = b"# kata_pengantar\r\nDinas \x96 Caf\xe9 \x93baru\x94\r\n";
        for bytes in [text.as_bytes(), &bom, &utf16le, &utf16be, ansi] {
            assert_eq!(decode(bytes), text);
        }
        assert_eq!(decode(b"\x81\x8d\x8f\x90\x9d"), "\u{FFFD}".repeat(5));
        assert_eq!(decode(b""), "");
    }
}
