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
}
