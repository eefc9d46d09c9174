//! The document date, typed once: the config parses it, the report prints it and
//! the corrected workbooks' Temuan sheet carries it.

/// A calendar date (no time zone: the PDF dates are written as local midnight, WIB).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocumentDate {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}
