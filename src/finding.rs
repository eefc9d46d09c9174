//! Findings: what a run found, as data. A finding carries its code, severity,
//! location, the figure as written, the expected figure and the fix; messages in
//! both languages are built where the finding is made and only formatted later.

use crate::cell::CellRef;
use serde::Serialize;
use std::sync::Arc;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A figure that would be wrong in the submitted report.
    Error,
    /// Likely wrong, or against good practice.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The severity as an office user reads it: `galat / peringatan / info`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Id) => "galat",
            (Severity::Warning, Lang::Id) => "peringatan",
            (Severity::Error | Severity::Warning, Lang::En) => self.name(),
            (Severity::Info, _) => "info",
        }
    }
}

/// Where something is: a cell of a sheet of a file. Config findings use the config
/// file, an empty sheet and the key in place of a cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    pub file: Arc<str>,
    pub sheet: Arc<str>,
    pub cell: Place,
}

/// A cell address, or a config key for findings about the config.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    Cell(CellRef),
    Key(String),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Cell(c) => write!(f, "{c}"),
            Place::Key(k) => f.write_str(k),
        }
    }
}

impl Loc {
    pub fn cell(file: &Arc<str>, sheet: &Arc<str>, cell: CellRef) -> Self {
        Loc {
            file: file.clone(),
            sheet: sheet.clone(),
            cell: Place::Cell(cell),
        }
    }
}

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

/// A message in Indonesian (for the office) and English (for maintainers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: String,
    pub en: String,
}

impl Message {
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            id: id.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }
}

/// How safe a correction is to apply without a person looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Safety {
    /// Recomputed from its parts (a total, a percentage): always right.
    Safe,
    /// Chosen among readings by another figure (a malformed number): marked as such.
    Pinned,
}

/// The value a correction writes.
#[derive(Debug, Clone, PartialEq)]
pub enum NewValue {
    Number(rust_decimal::Decimal),
    Text(String),
    /// A live formula over cells of the same sheet (`C12/B12*100`, no `=`), with
    /// the value it computes, written as its cached result.
    Formula {
        formula: String,
        value: rust_decimal::Decimal,
    },
}

/// A correction of one cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub cell: CellRef,
    pub value: NewValue,
    pub safety: Safety,
}

/// What the fix and write stages need to know of the rule behind a finding,
/// declared by the rule so those stages never match rule codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handling {
    /// Whether a finding left for a person is flagged at its cell in the corrected
    /// workbook; a finding about a sheet as a whole is listed in `Temuan` only.
    pub flag_cell: bool,
    /// When two rules correct one cell, the higher priority wins.
    pub priority: FixPriority,
}

/// Which of two corrections of one cell wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FixPriority {
    /// The typed text read another way (a malformed number).
    Reading,
    /// The cell recomputed from the figures it follows from.
    Derivation,
}

impl Handling {
    /// Flagged at its cell; a correction recomputes the cell.
    pub const DERIVED: Handling = Handling {
        flag_cell: true,
        priority: FixPriority::Derivation,
    };
    /// Flagged at its cell; a correction reads the typed text another way, so a
    /// derivation of the same cell wins over it.
    pub const READING: Handling = Handling {
        flag_cell: true,
        priority: FixPriority::Reading,
    };
    /// About a sheet, not a cell: listed, never flagged at a cell.
    pub const SHEET_NOTE: Handling = Handling {
        flag_cell: false,
        priority: FixPriority::Derivation,
    };
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Stable across runs while its cell holds the same value (see [`assign_ids`]);
    /// empty until the check stage has joined every rule's findings.
    pub id: String,
    pub code: &'static str,
    /// How its rule's findings are carried into the corrected workbook.
    pub handling: Handling,
    pub severity: Severity,
    pub loc: Loc,
    pub related: Vec<Loc>,
    pub message: Message,
    /// The figure as written.
    pub found: String,
    /// The figure it should be, when it can be computed.
    pub expected: Option<String>,
    /// The cells a fix writes; empty when no fix is available.
    pub fix: Vec<Correction>,
    /// The office's decision to accept it as it is, set by the decide stage: it is
    /// still reported, but neither corrected nor counted as open.
    pub accepted: Option<Acceptance>,
}

impl Finding {
    /// Whether it is still to be dealt with: not accepted by a decision.
    pub fn is_open(&self) -> bool {
        self.accepted.is_none()
    }
}

/// A decision to accept a finding as it is: why, who decided and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    pub reason: String,
    pub by: String,
    pub date: crate::date::DocumentDate,
}

/// The id of a finding with this code at this place holding this value: eight
/// characters of Crockford's base32 (lower case, no `i l o u`) of a fixed hash, so
/// the same in every run, on every platform and with every Rust version (std's
/// hashers promise none of that). The hash is FNV-1a (64 bits) over the five
/// texts, each ended by a zero byte, then MurmurHash3's 64-bit finaliser so that
/// neighbouring cells differ in every character; the top 40 bits are written.
pub fn finding_id(code: &str, file: &str, sheet: &str, place: &str, found: &str) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [code, file, sheet, place, found] {
        for b in part.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    (0..8)
        .map(|i| ALPHABET[((h >> (59 - 5 * i)) & 31) as usize] as char)
        .collect()
}

/// Gives every finding its id, in order: two findings that would share one (the
/// same code, place and value, or a collision of the hash) are told apart by
/// `-2`, `-3`… on the later ones, so the ids depend only on the findings and
/// their order, which the check stage fixes.
pub fn assign_ids(findings: &mut [Finding]) {
    let mut taken = std::collections::HashSet::with_capacity(findings.len());
    for f in findings.iter_mut() {
        let base = finding_id(
            f.code,
            &f.loc.file,
            &f.loc.sheet,
            &f.loc.cell.to_string(),
            &f.found,
        );
        let mut id = base.clone();
        let mut n = 1;
        while !taken.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        f.id = id;
    }
}

/// A finding of `code` at `file`/`sheet`!`cell` holding `found`, for tests of
/// what happens to findings after the check.
#[cfg(test)]
pub(crate) fn example(
    code: &'static str,
    file: &str,
    sheet: &str,
    cell: &str,
    found: &str,
) -> Finding {
    Finding {
        id: String::new(),
        code,
        handling: Handling::DERIVED,
        severity: Severity::Error,
        loc: Loc {
            file: file.into(),
            sheet: sheet.into(),
            cell: Place::Cell(crate::cell::CellRef::parse(cell).expect("an A1 reference")),
        },
        related: Vec::new(),
        message: Message::new("", ""),
        found: found.into(),
        expected: None,
        fix: Vec::new(),
        accepted: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids are recorded in the offices' decision files: the hash may never change.
    /// These values were computed once (and by an independent Python script of the
    /// same definition) and are pinned.
    #[test]
    fn ids_are_fixed_for_ever() {
        assert_eq!(
            finding_id(
                "XYZ020",
                "Capaian Kinerja 2023.xlsx",
                "Tabel 3.3",
                "B6",
                "1.423"
            ),
            PINNED_B6
        );
        assert_eq!(finding_id("", "", "", "", ""), PINNED_EMPTY);
        let b7 = finding_id(
            "XYZ020",
            "Capaian Kinerja 2023.xlsx",
            "Tabel 3.3",
            "B7",
            "1.423",
        );
        assert_eq!(b7.len(), 8);
        assert!(b7
            .bytes()
            .all(|b| b"0123456789abcdefghjkmnpqrstvwxyz".contains(&b)));
        assert_ne!(b7, PINNED_B6);
        // The parts are kept apart: moving text between them changes the id.
        assert_ne!(
            finding_id("XYZ020", "a", "bc", "B6", "1"),
            finding_id("XYZ020", "ab", "c", "B6", "1")
        );
    }

    const PINNED_B6: &str = "7s9j1pxp";
    const PINNED_EMPTY: &str = "z65x3t8p";

    fn finding(code: &'static str, cell: &str, found: &str) -> Finding {
        example(code, "f.xlsx", "S", cell, found)
    }

    #[test]
    fn two_findings_that_would_share_an_id_are_told_apart_in_order() {
        let mut fs = vec![
            finding("ABC001", "A1", "1"),
            finding("ABC001", "A1", "1"),
            finding("ABC001", "A2", "1"),
            finding("ABC001", "A1", "1"),
        ];
        assign_ids(&mut fs);
        let base = finding_id("ABC001", "f.xlsx", "S", "A1", "1");
        assert_eq!(fs[0].id, base);
        assert_eq!(fs[1].id, format!("{base}-2"));
        assert_eq!(fs[2].id, finding_id("ABC001", "f.xlsx", "S", "A2", "1"));
        assert_eq!(fs[3].id, format!("{base}-3"));
    }
}
