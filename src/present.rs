//! Presenting a check: the text a person reads and the JSON contract scripts
//! read. Formatting only; every figure comes from the findings.

use crate::finding::{Finding, Lang, Severity};
use crate::model::TableInfo;
use crate::read::{Input, InputStatus};
use serde_json::{json, Value};
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

/// The `check --format json` document.
pub fn json(
    inputs: &[Input],
    tables: &[TableInfo],
    findings: &[Finding],
    lang: Lang,
    fix: FixState,
) -> Value {
    let s = Summary::of(findings);
    json!({
        "inputs": inputs.iter().map(|i| {
            let (status, message) = match &i.status {
                InputStatus::Ok => ("ok", String::new()),
                InputStatus::Unreadable(m) => ("unreadable", m.clone()),
            };
            json!({"file": i.file, "status": status, "message": message})
        }).collect::<Vec<_>>(),
        "tables": tables.iter().map(|t| json!({
            "kind": t.kind.name(), "file": &*t.file, "sheet": &*t.sheet,
            "range": t.range.to_string(), "rows": t.rows,
        })).collect::<Vec<_>>(),
        "findings": findings.iter().map(|f| json!({
            "id": f.id,
            "code": f.code,
            "severity": f.severity.name(),
            "file": &*f.loc.file,
            "sheet": &*f.loc.sheet,
            "cell": f.loc.cell.to_string(),
            "related": f.related.iter().map(|r| json!({"file": &*r.file, "sheet": &*r.sheet, "cell": r.cell.to_string()})).collect::<Vec<_>>(),
            "message": f.message.get(lang),
            "found": f.found,
            "expected": f.expected,
            // An accepted finding's cell is left as it is.
            "fix": match (f.fix.is_empty() || !f.is_open(), fix) {
                (true, _) => "none",
                (false, FixState::Suggested) => "suggested",
                (false, FixState::Applied) => "applied",
            },
            "accepted": f.accepted.as_ref().map(|a| json!({
                "reason": a.reason, "by": a.by, "date": a.date.iso(),
            })),
        })).collect::<Vec<_>>(),
        "summary": {"errors": s.errors, "warnings": s.warnings, "infos": s.infos},
    })
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
