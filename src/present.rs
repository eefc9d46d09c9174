//! Presenting a check: the text a person reads and the JSON contract scripts
//! read. Formatting only; every figure comes from the findings.

use crate::finding::{Finding, Lang, Severity};
use crate::model::TableInfo;
use crate::read::{Input, InputStatus};
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write;

/// What `fix` means for findings in this output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixState {
    /// `check`: a fix is available.
    Suggested,
    /// `fix`/`run`: available fixes were written.
    Applied,
}

/// Counts per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    /// The open findings' counts: an accepted finding is decided, not open.
    pub fn of(findings: &[Finding]) -> Self {
        let mut s = Summary::default();
        for f in findings.iter().filter(|f| f.is_open()) {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }
}

/// The `check --format json` document as a JSON value (to add fields to).
pub fn json(
    inputs: &[Input],
    tables: &[TableInfo],
    findings: &[Finding],
    lang: Lang,
    fix: FixState,
) -> Value {
    serde_json::to_value(Document::new(inputs, tables, findings, lang, fix))
        .expect("JSON of plain data")
}

/// The `check --format json` document, serialized straight from the findings
/// (a value tree of a million findings would cost gigabytes). Every object's
/// fields are in the order of their names, as a JSON value orders them.
#[derive(Serialize)]
pub struct Document<'a> {
    findings: Vec<FindingJson<'a>>,
    inputs: Vec<InputJson<'a>>,
    summary: SummaryJson,
    tables: Vec<TableJson<'a>>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    accepted: Option<AcceptedJson<'a>>,
    #[serde(serialize_with = "display")]
    cell: &'a crate::finding::Place,
    code: &'a str,
    expected: &'a Option<String>,
    file: &'a str,
    fix: &'static str,
    found: &'a str,
    id: &'a str,
    message: &'a str,
    related: Vec<PlaceJson<'a>>,
    severity: &'static str,
    sheet: &'a str,
}

#[derive(Serialize)]
struct AcceptedJson<'a> {
    by: &'a str,
    date: String,
    reason: &'a str,
}

#[derive(Serialize)]
struct PlaceJson<'a> {
    #[serde(serialize_with = "display")]
    cell: &'a crate::finding::Place,
    file: &'a str,
    sheet: &'a str,
}

#[derive(Serialize)]
struct InputJson<'a> {
    file: &'a str,
    message: &'a str,
    status: &'static str,
}

#[derive(Serialize)]
struct SummaryJson {
    errors: usize,
    infos: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct TableJson<'a> {
    file: &'a str,
    kind: &'a str,
    #[serde(serialize_with = "display")]
    range: crate::cell::CellRange,
    rows: usize,
    sheet: &'a str,
}

fn display<T: std::fmt::Display, S: serde::Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

impl<'a> Document<'a> {
    pub fn new(
        inputs: &'a [Input],
        tables: &'a [TableInfo],
        findings: &'a [Finding],
        lang: Lang,
        fix: FixState,
    ) -> Document<'a> {
        let s = Summary::of(findings);
        Document {
            inputs: inputs
                .iter()
                .map(|i| {
                    let (status, message) = match &i.status {
                        InputStatus::Ok => ("ok", ""),
                        InputStatus::Unreadable(m) => ("unreadable", m.as_str()),
                    };
                    InputJson {
                        file: &i.file,
                        message,
                        status,
                    }
                })
                .collect(),
            tables: tables
                .iter()
                .map(|t| TableJson {
                    kind: t.kind.name(),
                    file: &t.file,
                    sheet: &t.sheet,
                    range: t.range,
                    rows: t.rows,
                })
                .collect(),
            findings: findings
                .iter()
                .map(|f| FindingJson {
                    accepted: f.accepted.as_ref().map(|a| AcceptedJson {
                        by: &a.by,
                        date: a.date.iso(),
                        reason: &a.reason,
                    }),
                    id: &f.id,
                    code: f.code,
                    severity: f.severity.name(),
                    file: &f.loc.file,
                    sheet: &f.loc.sheet,
                    cell: &f.loc.cell,
                    related: f
                        .related
                        .iter()
                        .map(|r| PlaceJson {
                            file: &r.file,
                            sheet: &r.sheet,
                            cell: &r.cell,
                        })
                        .collect(),
                    message: f.message.get(lang),
                    found: &f.found,
                    expected: &f.expected,
                    // An accepted finding's cell is left as it is.
                    fix: match (f.fix.is_empty() || !f.is_open(), fix) {
                        (true, _) => "none",
                        (false, FixState::Suggested) => "suggested",
                        (false, FixState::Applied) => "applied",
                    },
                })
                .collect(),
            summary: SummaryJson {
                errors: s.errors,
                warnings: s.warnings,
                infos: s.infos,
            },
        }
    }
}

struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// The text report: inputs that could not be read, the tables found, then the
/// findings grouped by file and sheet, worst first, and a closing summary line.
pub fn text(
    inputs: &[Input],
    tables: &[TableInfo],
    findings: &[Finding],
    lang: Lang,
    colour: bool,
) -> String {
    let p = Paint(colour);
    let en = lang == Lang::En;
    let mut out = String::new();
    for i in inputs {
        if let InputStatus::Unreadable(m) = &i.status {
            let label = if en {
                "cannot be read"
            } else {
                "tidak dapat dipakai"
            };
            let _ = writeln!(out, "{} {}: {label}: {m}", p.wrap("1;31", "!"), i.file);
        }
    }
    let _ = writeln!(
        out,
        "{}",
        p.wrap(
            "1",
            if en {
                "Tables found"
            } else {
                "Tabel ditemukan"
            }
        )
    );
    for t in tables {
        let rows = if en { "rows" } else { "baris" };
        let _ = writeln!(
            out,
            "  {:<12} {} / {} {} ({} {rows})",
            t.kind.name(),
            t.file,
            t.sheet,
            t.range,
            t.rows
        );
    }
    let mut group: Option<(&str, &str)> = None;
    for f in findings {
        let here = (&*f.loc.file, &*f.loc.sheet);
        if group != Some(here) {
            if group.map(|g| g.0) != Some(here.0) {
                let _ = writeln!(out, "\n{}", p.wrap("1", here.0));
            }
            group = Some(here);
        }
        let colour_code = match f.severity {
            Severity::Error => "31",
            Severity::Warning => "33",
            Severity::Info => "36",
        };
        let sev = f.severity.label(lang);
        let place = if f.loc.sheet.is_empty() {
            f.loc.cell.to_string()
        } else {
            format!("{}!{}", f.loc.sheet, f.loc.cell)
        };
        let figures = match (&f.expected, f.found.is_empty()) {
            (Some(e), _) => format!(" ({} → {e})", f.found),
            (None, false) => format!(" ({})", f.found),
            (None, true) => String::new(),
        };
        let more = if f.related.is_empty() {
            String::new()
        } else {
            let n = f.related.len();
            if en {
                format!(" [+{n} related]")
            } else {
                format!(" [+{n} sel terkait]")
            }
        };
        let _ = writeln!(
            out,
            "  {:<10} {} {place} {}{figures}{more} {}",
            p.wrap(colour_code, sev),
            p.wrap("1", f.code),
            f.message.get(lang),
            p.wrap("2", &format!("[id {}]", f.id))
        );
        if let Some(a) = &f.accepted {
            let (said, reason, by) = if en {
                ("accepted: reason", &a.reason, "by")
            } else {
                ("diterima: alasan", &a.reason, "oleh")
            };
            let _ = writeln!(
                out,
                "  {:<10} {}",
                "",
                p.wrap(
                    "32",
                    &format!("{said} {reason} ({by} {}, {})", a.by, a.date.iso())
                )
            );
        }
    }
    let s = Summary::of(findings);
    let accepted = findings.iter().filter(|f| !f.is_open()).count();
    let unreadable = inputs
        .iter()
        .filter(|i| i.status != InputStatus::Ok)
        .count();
    let line = if en {
        format!(
            "{} errors, {} warnings, {} infos in {} files ({} tables; {unreadable} files unusable)",
            s.errors,
            s.warnings,
            s.infos,
            inputs.len(),
            tables.len()
        )
    } else {
        format!(
            "{} galat, {} peringatan, {} info di {} berkas ({} tabel; {unreadable} berkas tidak dapat dipakai)",
            s.errors,
            s.warnings,
            s.infos,
            inputs.len(),
            tables.len()
        )
    };
    let line = match (accepted, en) {
        (0, _) => line,
        (n, true) => format!("{line}; {n} findings accepted"),
        (n, false) => format!("{line}; {n} temuan diterima"),
    };
    let _ = writeln!(out, "\n{}", p.wrap("1", &line));
    out
}
