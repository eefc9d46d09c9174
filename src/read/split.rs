//! One large worksheet read on several cores: its XML is cut between whole rows,
//! and each run of rows is wrapped in a copy of the workbook whose sheet holds
//! only those rows, so the one parser reads each copy exactly as it reads the
//! whole (shared strings, styles, dates, inline strings, every quirk its own).
//! Nothing here parses a cell; a sheet that cannot be cut safely is read whole.

use memchr::memmem;
use std::io::{Cursor, Write};

/// Worksheet parts this large (inflated) are read in runs of rows; a smaller one is
/// read faster whole than copied.
pub(super) const SPLIT_MIN_BYTES: u64 = 4 << 20;

/// Larger parts are read whole: holding the inflated XML and a copy of it per
/// core would cost more memory than the time saved is worth.
pub(super) const SPLIT_MAX_BYTES: u64 = 128 << 20;

/// A worksheet's XML cut into runs of whole rows: `head` (everything up to and
/// including the `<sheetData>` start tag), the runs' byte ranges in order, and
/// `tail` (from `</sheetData>` on). Each run's first row states its number
/// (`r="…"`), so a parser reading a run alone numbers every row as in the whole.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Cut {
    pub head: std::ops::Range<usize>,
    pub runs: Vec<std::ops::Range<usize>>,
    pub tail: std::ops::Range<usize>,
}

/// Cuts `xml` into up to `n` runs of rows of about equal size, or `None` when it
/// cannot be cut where a row starts with its number stated (then it is read whole).
pub(super) fn cut(xml: &[u8], n: usize) -> Option<Cut> {
    if n < 2 {
        return None;
    }
    let (prefix, body_start) = sheet_data_start(xml)?;
    let close = [b"</", prefix, b"sheetData".as_slice()].concat();
    let body_end = memmem::rfind(xml, &close)?;
    if body_end <= body_start {
        return None;
    }
    let row_end = [b"</", prefix, b"row>".as_slice()].concat();
    let row_start = [b"<", prefix, b"row".as_slice()].concat();
    let mut cuts = vec![body_start];
    for k in 1..n {
        let target = body_start + (body_end - body_start) * k / n;
        let from = target.max(*cuts.last().expect("starts with the body"));
        let Some(found) = memmem::find(&xml[from..body_end], &row_end) else {
            break;
        };
        let mut at = from + found + row_end.len();
        while at < body_end && xml[at].is_ascii_whitespace() {
            at += 1;
        }
        if at >= body_end {
            break;
        }
        if !starts_numbered_row(&xml[at..body_end], &row_start) {
            return None;
        }
        cuts.push(at);
    }
    if cuts.len() < 2 {
        return None;
    }
    cuts.push(body_end);
    Some(Cut {
        head: 0..body_start,
        runs: cuts.windows(2).map(|w| w[0]..w[1]).collect(),
        tail: body_end..xml.len(),
    })
}

/// The namespace prefix of the `sheetData` start tag (`""`, or `"x:"`) and where
/// its content begins; `None` when there is none or it is empty (`<sheetData/>`).
fn sheet_data_start(xml: &[u8]) -> Option<(&[u8], usize)> {
    let name_char = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.');
    for at in memmem::find_iter(xml, b"sheetData") {
        // `<sheetData` or `<prefix:sheetData`.
        let lt = match at.checked_sub(1).map(|i| xml[i]) {
            Some(b'<') => at - 1,
            Some(b':') => match xml[..at - 1].iter().rposition(|b| !name_char(b)) {
                Some(lt) if xml[lt] == b'<' && lt + 1 < at - 1 => lt,
                _ => continue,
            },
            _ => continue,
        };
        let after = at + b"sheetData".len();
        if !xml
            .get(after)
            .is_some_and(|b| matches!(b, b'>' | b'/') || b.is_ascii_whitespace())
        {
            continue;
        }
        let gt = after + memchr::memchr(b'>', &xml[after..])?;
        if xml[gt - 1] == b'/' {
            return None;
        }
        return Some((&xml[lt + 1..at], gt + 1));
    }
    None
}

/// Whether `xml` begins with a `<row …>` start tag that states its row number.
fn starts_numbered_row(xml: &[u8], row_start: &[u8]) -> bool {
    let Some(rest) = xml.strip_prefix(row_start) else {
        return false;
    };
    if !rest.first().is_some_and(u8::is_ascii_whitespace) {
        return false;
    }
    let tag = &rest[..memchr::memchr(b'>', rest).unwrap_or(rest.len())];
    tag.windows(3)
        .any(|w| w[0].is_ascii_whitespace() && w[1] == b'r' && w[2] == b'=')
}

/// The workbook `zip` with its entry `path` replaced by `parts` written one after
/// another (stored, not compressed: it is read once, right away); every other
/// entry copied as it is. `None` when the archive cannot be rewritten.
pub(super) fn with_sheet(zip: &[u8], path: &str, parts: &[&[u8]]) -> Option<Vec<u8>> {
    let mut source = zip::ZipArchive::new(Cursor::new(zip)).ok()?;
    let size: usize = parts.iter().map(|p| p.len()).sum();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(size + zip.len())));
    for i in 0..source.len() {
        let entry = source.by_index_raw(i).ok()?;
        if entry.name() == path {
            let name = entry.name().to_string();
            drop(entry);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored)
                .large_file(size as u64 >= u32::MAX as u64);
            out.start_file(name, options).ok()?;
            for part in parts {
                out.write_all(part).ok()?;
            }
        } else {
            out.raw_copy_file(entry).ok()?;
        }
    }
    Some(out.finish().ok()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs<'a>(xml: &'a [u8], cut: &Cut) -> Vec<&'a str> {
        cut.runs
            .iter()
            .map(|r| std::str::from_utf8(&xml[r.clone()]).unwrap())
            .collect()
    }

    /// A worksheet of `n` numbered rows, its tags prefixed with `p`.
    fn sheet(p: &str, n: usize) -> String {
        let rows: String = (1..=n)
            .map(|r| format!("<{p}row r=\"{r}\" spans=\"1:2\"><{p}c r=\"A{r}\"><{p}v>{r}</{p}v></{p}c></{p}row>\n"))
            .collect();
        format!(
            "<{p}worksheet><{p}dimension ref=\"A1:A{n}\"/><{p}sheetData>{rows}</{p}sheetData><{p}mergeCells/></{p}worksheet>"
        )
    }

    #[test]
    fn a_sheet_is_cut_between_numbered_rows() {
        for p in ["", "x:"] {
            let xml = sheet(p, 40);
            let cut = cut(xml.as_bytes(), 3).unwrap();
            assert_eq!(
                &xml[cut.head.clone()],
                format!("<{p}worksheet><{p}dimension ref=\"A1:A40\"/><{p}sheetData>")
            );
            let runs = runs(xml.as_bytes(), &cut);
            assert_eq!(runs.len(), 3);
            for run in &runs {
                assert!(run.starts_with(&format!("<{p}row r=")), "{run}");
                assert!(run.ends_with(&format!("</{p}row>\n")), "{run}");
            }
            // Whole rows, in order, each once.
            assert_eq!(runs.concat(), sheet(p, 40)[cut.head.end..cut.tail.start]);
            assert_eq!(
                &xml[cut.tail.clone()],
                format!("</{p}sheetData><{p}mergeCells/></{p}worksheet>")
            );
        }
    }

    /// A row without its number is numbered by counting from the one before: it
    /// cannot begin a run read alone.
    #[test]
    fn rows_without_numbers_are_not_cut() {
        let xml = br#"<worksheet><sheetData><row><c><v>1</v></c></row><row><c><v>2</v></c></row></sheetData></worksheet>"#;
        assert_eq!(cut(xml, 2), None);
        let empty = br#"<worksheet><sheetData/></worksheet>"#;
        assert_eq!(cut(empty, 2), None);
        assert_eq!(cut(sheet("", 1).as_bytes(), 2), None);
    }
}
