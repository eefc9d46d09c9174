//! The formulas of a sheet, kept sparsely (only the cells that hold one), and the
//! little of Excel's formula language the checks need: which cells a formula
//! names, and whether it only adds them up.

use crate::cell::{CellRange, CellRef};

/// A sheet's formulas, sorted by cell, in Excel's syntax without the `=`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Formulas {
    cells: Vec<(CellRef, Box<str>)>,
}

impl Formulas {
    /// Formulas as the parser gives them (xlsx text, or an .ods `of:=…`).
    pub(super) fn from_cells<'a>(cells: impl Iterator<Item = (CellRef, &'a str)>) -> Self {
        let mut cells: Vec<(CellRef, Box<str>)> = cells
            .filter_map(|(at, f)| {
                let f = excel_syntax(f);
                (!f.is_empty()).then(|| (at, f.into_boxed_str()))
            })
            .collect();
        cells.sort_by_key(|(at, _)| *at);
        cells.shrink_to_fit();
        Formulas { cells }
    }

    /// The formula of the cell at `at`.
    pub fn get(&self, at: CellRef) -> Option<&str> {
        self.cells
            .binary_search_by_key(&at, |(c, _)| *c)
            .ok()
            .map(|i| &*self.cells[i].1)
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }
}

/// An OpenDocument formula (`of:=SUM([.E5:.E7];[.F2])`) in Excel's syntax
/// (`SUM(E5:E7,F2)`); an Excel formula loses only its `=`.
fn excel_syntax(formula: &str) -> String {
    let f = formula.trim();
    let f = f.strip_prefix("of:").unwrap_or(f);
    let f = f.strip_prefix('=').unwrap_or(f);
    let mut out = String::with_capacity(f.len());
    let mut chars = f.chars();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                in_string = !in_string;
                out.push(c);
            }
            '[' if !in_string => {
                let inner: String = chars.by_ref().take_while(|&c| c != ']').collect();
                for (i, part) in inner.split(':').enumerate() {
                    if i > 0 {
                        out.push(':');
                    }
                    let part = part.trim_start_matches('$');
                    match part.rsplit_once('.') {
                        Some(("", cell)) => out.push_str(cell),
                        Some((sheet, cell)) => {
                            out.push_str(sheet.trim_start_matches('$'));
                            out.push('!');
                            out.push_str(cell);
                        }
                        None => out.push_str(part),
                    }
                }
            }
            ';' if !in_string => out.push(','),
            _ => out.push(c),
        }
    }
    out
}

/// A cell or a block a formula names on its own sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    Cell(CellRef),
    Range(CellRange),
}

/// What the checks read of a formula.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formula {
    /// The cells and blocks it names on its own sheet, in order.
    pub terms: Vec<Term>,
    /// It only adds them up (`A1+A2`, `SUM(A1:A3,B4)`): no other operator,
    /// function, constant or other sheet.
    pub additive: bool,
}

/// The most cells a block is expanded to; a formula naming more is not a row sum.
const MAX_EXPANDED: u64 = 100_000;

impl Formula {
    /// Reads a formula in Excel's syntax (no `=`); `None` when it names no cell.
    pub fn parse(text: &str) -> Option<Formula> {
        let mut terms = Vec::new();
        let mut additive = true;
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if c == b'"' {
                additive = false;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += 1;
                }
                i += 1;
                continue;
            }
            if c.is_ascii_alphabetic() || c == b'$' || c == b'\'' {
                let start = i;
                if c == b'\'' {
                    i += 1;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                }
                while i < b.len()
                    && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'$' | b'_' | b'.'))
                {
                    i += 1;
                }
                let word = &text[start..i.min(text.len())];
                if b.get(i) == Some(&b'!') {
                    // Another sheet: not a sum of this sheet's cells.
                    additive = false;
                    i += 1;
                    while i < b.len()
                        && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'$' | b':'))
                    {
                        i += 1;
                    }
                    continue;
                }
                if b.get(i) == Some(&b'(') {
                    if !word.eq_ignore_ascii_case("SUM") {
                        additive = false;
                    }
                    i += 1;
                    continue;
                }
                let Some(first) = CellRef::parse(word) else {
                    additive = false;
                    continue;
                };
                if b.get(i) == Some(&b':') {
                    let s2 = i + 1;
                    let mut j = s2;
                    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'$') {
                        j += 1;
                    }
                    if let Some(last) = CellRef::parse(&text[s2..j]) {
                        terms.push(Term::Range(CellRange {
                            first: CellRef::new(first.row.min(last.row), first.col.min(last.col)),
                            last: CellRef::new(first.row.max(last.row), first.col.max(last.col)),
                        }));
                        i = j;
                        continue;
                    }
                }
                terms.push(Term::Cell(first));
                continue;
            }
            match c {
                b'+' | b',' | b'(' | b')' | b' ' => {}
                b'0'..=b'9' | b'.' => {
                    additive = false;
                    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                        i += 1;
                    }
                    continue;
                }
                _ => additive = false,
            }
            i += 1;
        }
        (!terms.is_empty()).then_some(Formula { terms, additive })
    }

    /// Every cell it names, blocks expanded, in order; `None` past a sane size.
    pub fn cells(&self) -> Option<Vec<CellRef>> {
        let mut out = Vec::new();
        for t in &self.terms {
            match *t {
                Term::Cell(c) => out.push(c),
                Term::Range(r) => {
                    let size = (u64::from(r.last.row - r.first.row) + 1)
                        * (u64::from(r.last.col - r.first.col) + 1);
                    if size + out.len() as u64 > MAX_EXPANDED {
                        return None;
                    }
                    for row in r.first.row..=r.last.row {
                        for col in r.first.col..=r.last.col {
                            out.push(CellRef::new(row, col));
                        }
                    }
                }
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(a1: &str) -> CellRef {
        CellRef::parse(a1).unwrap()
    }

    #[test]
    fn opendocument_formulas_read_as_excel_ones() {
        assert_eq!(excel_syntax("of:=SUM([.E5:.E7];[.F2])"), "SUM(E5:E7,F2)");
        assert_eq!(excel_syntax("of:=[.N12]/[.B12]*100"), "N12/B12*100");
        assert_eq!(excel_syntax("of:=[$Data.A1]+[.$B$2]"), "Data!A1+$B$2");
        assert_eq!(excel_syntax("SUM(H13:H14)"), "SUM(H13:H14)");
        assert_eq!(excel_syntax("=A1+A2"), "A1+A2");
    }

    #[test]
    fn sums_are_told_from_other_formulas() {
        let f = Formula::parse("SUM(H13:H14)+$H$16").unwrap();
        assert!(f.additive);
        assert_eq!(f.cells().unwrap(), vec![at("H13"), at("H14"), at("H16")]);
        let f = Formula::parse("F12+H12+J12+L12").unwrap();
        assert!(f.additive);
        assert_eq!(f.cells().unwrap().len(), 4);
        let f = Formula::parse("P12/B12*100").unwrap();
        assert!(!f.additive);
        assert_eq!(f.cells().unwrap(), vec![at("P12"), at("B12")]);
        assert!(!Formula::parse("ROUND(A1,2)").unwrap().additive);
        assert!(!Formula::parse("A1+Data!B2").unwrap().additive);
        assert!(!Formula::parse("A1-A2").unwrap().additive);
        assert_eq!(Formula::parse("1+2"), None);
    }

    #[test]
    fn the_store_finds_a_cell_formula() {
        let f = Formulas::from_cells(
            [
                (at("B2"), "of:=[.A1]"),
                (at("A1"), "SUM(A2:A3)"),
                (at("C1"), ""),
            ]
            .into_iter(),
        );
        assert_eq!(f.get(at("A1")), Some("SUM(A2:A3)"));
        assert_eq!(f.get(at("B2")), Some("A1"));
        assert_eq!(f.get(at("C1")), None);
    }
}
