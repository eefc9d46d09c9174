//! Cell addresses: the one place where a zero-based (row, column) becomes the A1
//! text Excel shows, and back.

use std::fmt;

/// An absolute, zero-based cell position on a sheet (row 0, column 0 is `A1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellRef {
    pub row: u32,
    pub col: u32,
}

impl CellRef {
    pub const fn new(row: u32, col: u32) -> Self {
        Self { row, col }
    }

    /// Parses `B24` (case-insensitive, `$` ignored); `None` for anything else.
    pub fn parse(a1: &str) -> Option<Self> {
        let s: String = a1.chars().filter(|c| *c != '$').collect();
        let split = s.find(|c: char| c.is_ascii_digit())?;
        let (letters, digits) = s.split_at(split);
        if letters.is_empty()
            || letters.len() > 3
            || !letters.chars().all(|c| c.is_ascii_alphabetic())
        {
            return None;
        }
        let mut col: u32 = 0;
        for c in letters.chars() {
            col = col * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1);
        }
        let row: u32 = digits.parse().ok()?;
        (row >= 1).then(|| Self::new(row - 1, col - 1))
    }
}

/// The column letters of a zero-based column index: 0 → `A`, 26 → `AA`.
pub fn column_name(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", column_name(self.col), self.row as u64 + 1)
    }
}

/// A rectangular block of cells, inclusive at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRange {
    pub first: CellRef,
    pub last: CellRef,
}

impl fmt::Display for CellRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.first, self.last)
    }
}

/// An Excel sum of these cells: `SUM(B5:B9)` for one contiguous column run,
/// otherwise `B5+B7+B9`.
pub fn sum_formula(cells: &[CellRef]) -> String {
    let contiguous = cells
        .windows(2)
        .all(|w| w[1].col == w[0].col && w[1].row == w[0].row + 1);
    match cells {
        [] => "0".into(),
        [one] => one.to_string(),
        [first, .., last] if contiguous => format!("SUM({first}:{last})"),
        _ => cells
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join("+"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_names_match_excel() {
        assert_eq!(CellRef::new(0, 0).to_string(), "A1");
        assert_eq!(CellRef::new(23, 1).to_string(), "B24");
        assert_eq!(CellRef::new(0, 25).to_string(), "Z1");
        assert_eq!(CellRef::new(0, 26).to_string(), "AA1");
        assert_eq!(CellRef::new(0, 701).to_string(), "ZZ1");
        assert_eq!(CellRef::new(0, 702).to_string(), "AAA1");
        assert_eq!(CellRef::new(1_048_575, 16_383).to_string(), "XFD1048576");
    }

    #[test]
    fn a1_parses_back() {
        for (r, c) in [(0, 0), (23, 1), (9, 26), (1_048_575, 16_383)] {
            let cell = CellRef::new(r, c);
            assert_eq!(CellRef::parse(&cell.to_string()), Some(cell));
        }
        assert_eq!(CellRef::parse("$C$3"), Some(CellRef::new(2, 2)));
        assert_eq!(CellRef::parse("A0"), None);
        assert_eq!(CellRef::parse("12"), None);
    }

    #[test]
    fn sums_as_excel_formulas() {
        let c = |r, col| CellRef::new(r, col);
        assert_eq!(sum_formula(&[c(4, 1), c(5, 1), c(6, 1)]), "SUM(B5:B7)");
        assert_eq!(sum_formula(&[c(4, 1), c(6, 1)]), "B5+B7");
        assert_eq!(sum_formula(&[c(4, 1)]), "B5");
    }

    #[test]
    fn range_display() {
        let r = CellRange {
            first: CellRef::new(2, 0),
            last: CellRef::new(40, 3),
        };
        assert_eq!(r.to_string(), "A3:D41");
    }
}
