//! Stage 3b, decide: the office's decisions on findings. `keputusan.toml` in the
//! input folder lists the findings the office accepts as they are (a Tabel 3.3
//! that really holds counts under a "%" title, a village status the ministry
//! published against its own cut-offs), each with the reason, who decided and
//! when. [`apply`] marks those findings accepted right after the check, before
//! `fix::plan`: an accepted finding is still reported, but its cell is left as it
//! is, it counts toward neither the exit code nor the report's DRAFT mark, and
//! the report lists it in its appendix "Catatan atas Data".
//!
//! A decision names its finding by id (see [`crate::finding::finding_id`]), which
//! is derived from the value found: when the cell changes, the id changes, the
//! decision lapses and a note says so (the recorded value → the current one). The
//! file keeps the entry until it is removed.
//!
//! The file is the office's: `kinerja accept` appends to it and cuts entries out
//! of it, leaving every other line (comments included) as written, and replaces it
//! only whole (a temporary file renamed over it).

use crate::date::DocumentDate;
use crate::error::Error;
use crate::finding::{finding_id, Acceptance, Finding, Message};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};

/// The decisions file's name, in the input folder.
pub const FILE_NAME: &str = "keputusan.toml";

/// What a new file starts with: what it is for and how to write it.
const HEADER: &str = "\
# keputusan.toml: keputusan dinas atas temuan kinerja (decisions on kinerja's findings)
#
# Tiap [[accepted]] menerima satu temuan apa adanya. Temuan itu tetap dilaporkan,
# ditandai \"diterima\", tidak dihitung sebagai galat (tidak membuat laporan DRAFT),
# selnya tidak diubah di buku kerja koreksi, dan dicantumkan di lampiran laporan
# \"Catatan atas Data\" beserta alasan, yang memutuskan dan tanggalnya. Keputusan
# gugur bila nilai sel itu berubah: temuannya terbuka lagi dan kinerja memberi
# catatan; entrinya tetap di sini sampai dihapus.
#
#   menambah:  kinerja accept ID... --reason \"ALASAN\" [--by NAMA]   (ID dari kinerja check)
#   melihat:   kinerja accept --list
#   menghapus: kinerja accept --remove ID
#
# Each [[accepted]] accepts one finding as it is: still reported, marked accepted,
# not counted as an error (it keeps no report a DRAFT), its cell left as it is in
# the corrected workbook, and listed in the report's appendix \"Catatan atas Data\"
# with the reason, who decided and when. A decision lapses when its cell's value
# changes: the finding is open again, a note says so, and the entry stays until
# it is removed.
#
# Keys (all required): id (as kinerja check prints it), code, file, sheet, cell,
# found (the value when it was decided), reason, by, date (YYYY-MM-DD). An unknown
# key, an empty reason, a repeated id or a file that is not among the inputs stops
# the run with this file's name and the line.
";

/// The keys of an entry, in the order they are written.
const KEYS: [&str; 9] = [
    "id", "code", "file", "sheet", "cell", "found", "reason", "by", "date",
];

/// The finding a decision is about, as the decision records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: String,
    pub code: String,
    pub file: String,
    /// Empty for a finding about the config.
    pub sheet: String,
    /// The cell (or the config key).
    pub cell: String,
    /// The value found, as written.
    pub found: String,
}

impl Target {
    /// What `finding` is about.
    pub fn of(finding: &Finding) -> Target {
        Target {
            id: finding.id.clone(),
            code: finding.code.to_string(),
            file: finding.loc.file.to_string(),
            sheet: finding.loc.sheet.to_string(),
            cell: finding.loc.cell.to_string(),
            found: finding.found.clone(),
        }
    }

    /// Whether `finding` has this code at this place (whatever it holds now).
    fn same_place(&self, finding: &Finding) -> bool {
        self.code == finding.code
            && self.file == *finding.loc.file
            && self.sheet == *finding.loc.sheet
            && self.cell == finding.loc.cell.to_string()
    }

    /// `Berkas.xlsx Lembar!B6` (or the file and the config key).
    pub fn place(&self) -> String {
        if self.sheet.is_empty() {
            format!("{} {}", self.file, self.cell)
        } else {
            format!("{} {}!{}", self.file, self.sheet, self.cell)
        }
    }
}

/// One recorded decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub target: Target,
    pub acceptance: Acceptance,
    /// The line of its `[[accepted]]`, for messages.
    pub line: usize,
    /// Its lines in the file (from its header to its last key), 1-based inclusive.
    lines: (usize, usize),
}

/// The decisions of an input folder: the file's text and its entries.
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    /// Where they are kept; empty when there is no input folder.
    pub path: PathBuf,
    text: String,
    pub entries: Vec<Decision>,
}

impl Decisions {
    /// No decisions.
    pub fn none() -> Decisions {
        Decisions::default()
    }

    /// The decisions in `path`; none when the file does not exist.
    pub fn load(path: &Path) -> Result<Decisions, Error> {
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                // Notepad starts UTF-8 with a byte-order mark; TOML does not.
                Ok(text) => match text.strip_prefix('\u{feff}') {
                    Some(rest) => Decisions::parse(rest.to_string(), path),
                    None => Decisions::parse(text, path),
                },
                Err(_) => Err(problem(
                    path,
                    None,
                    Message::new(
                        "bukan teks UTF-8; simpan ulang sebagai UTF-8",
                        "is not UTF-8 text; save it again as UTF-8",
                    ),
                )),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Decisions {
                path: path.to_path_buf(),
                ..Decisions::default()
            }),
            Err(e) => Err(problem(
                path,
                None,
                Message::new(
                    format!("tidak dapat dibaca ({e})"),
                    format!("cannot be read ({e})"),
                ),
            )),
        }
    }

    /// The decisions written in `text`; `path` names the file in messages.
    pub fn parse(text: String, path: &Path) -> Result<Decisions, Error> {
        let entries = entries(&text, path)?;
        Ok(Decisions {
            path: path.to_path_buf(),
            text,
            entries,
        })
    }

    /// The file's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether no decision is recorded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Refuses a decision about a file that `known` does not name: a workbook
    /// renamed or left out would otherwise lose its decisions without a word.
    pub fn check_files(&self, known: &dyn Fn(&str) -> bool) -> Result<(), Error> {
        match self.entries.iter().find(|d| !known(&d.target.file)) {
            None => Ok(()),
            Some(d) => Err(problem(
                &self.path,
                Some(d.line),
                Message::new(
                    format!(
                        "keputusan {} menyangkut berkas \"{}\", yang tidak ada di antara masukan; sertakan berkas itu, atau hapus keputusannya dengan kinerja accept --remove {}",
                        d.target.id, d.target.file, d.target.id
                    ),
                    format!(
                        "decision {} is about the file \"{}\", which is not among the inputs; include that file, or remove the decision with kinerja accept --remove {}",
                        d.target.id, d.target.file, d.target.id
                    ),
                ),
            )),
        }
    }

    /// Records the acceptance of `target`, replacing a decision on the same code
    /// at the same place (one that lapsed when the cell changed, or an earlier
    /// reason).
    pub fn accept(&mut self, target: &Target, acceptance: &Acceptance) -> Result<(), Error> {
        let replaced: Vec<(usize, usize)> = self
            .entries
            .iter()
            .filter(|d| {
                d.target.id == target.id
                    || (d.target.code == target.code
                        && d.target.file == target.file
                        && d.target.sheet == target.sheet
                        && d.target.cell == target.cell)
            })
            .map(|d| d.lines)
            .collect();
        let mut text = if self.text.trim().is_empty() {
            HEADER.to_string()
        } else {
            without_lines(&self.text, &replaced)
        };
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push('\n');
        text.push_str(&entry_text(target, acceptance));
        self.reparse(text)
    }

    /// Takes back the decision `id`; `false` when there is none.
    pub fn remove(&mut self, id: &str) -> Result<bool, Error> {
        let Some(d) = self.entries.iter().find(|d| d.target.id == id) else {
            return Ok(false);
        };
        let text = without_lines(&self.text, &[d.lines]);
        self.reparse(text)?;
        Ok(true)
    }

    fn reparse(&mut self, text: String) -> Result<(), Error> {
        self.entries = entries(&text, &self.path)?;
        self.text = text;
        Ok(())
    }

    /// Writes the file whole: into a temporary file beside it, then renamed over
    /// it, so the old file stays as it was until the new one is complete.
    pub fn save(&self) -> Result<(), Error> {
        use std::io::Write;
        let folder = match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let temporary = folder.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
        let written = std::fs::File::create(&temporary)
            .and_then(|mut f| {
                f.write_all(self.text.as_bytes())?;
                f.sync_all()
            })
            .and_then(|()| std::fs::rename(&temporary, &self.path));
        written.map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            problem(
                &self.path,
                None,
                Message::new(
                    format!("tidak dapat ditulis ({e}); berkas yang ada tidak diubah"),
                    format!("cannot be written ({e}); the existing file was not changed"),
                ),
            )
        })
    }
}

fn problem(path: &Path, line: Option<usize>, message: Message) -> Error {
    Error::Decisions {
        path: path.to_path_buf(),
        line,
        message,
    }
}

/// The 1-based line of byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// `text` without the given 1-based inclusive line ranges, and without the blank
/// line that followed each.
fn without_lines(text: &str, ranges: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut skip_blank = false;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let n = i + 1;
        if ranges.iter().any(|(a, b)| (*a..=*b).contains(&n)) {
            skip_blank = true;
            continue;
        }
        if skip_blank && line.trim().is_empty() {
            skip_blank = false;
            continue;
        }
        skip_blank = false;
        out.push_str(line);
    }
    out
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// One `[[accepted]]` entry.
fn entry_text(t: &Target, a: &Acceptance) -> String {
    format!(
        "[[accepted]]\nid = {}\ncode = {}\nfile = {}\nsheet = {}\ncell = {}\nfound = {}\nreason = {}\nby = {}\ndate = {}\n",
        quoted(&t.id),
        quoted(&t.code),
        quoted(&t.file),
        quoted(&t.sheet),
        quoted(&t.cell),
        quoted(&t.found),
        quoted(&a.reason),
        quoted(&a.by),
        a.date.iso()
    )
}

/// Every entry of the file, each checked: known keys, all of them, a reason and a
/// name, a real date, an id that belongs to what the entry records, no id twice.
fn entries(text: &str, path: &Path) -> Result<Vec<Decision>, Error> {
    let at = |offset: usize| Some(line_of(text, offset));
    let fail =
        |offset: usize, id: String, en: String| problem(path, at(offset), Message::new(id, en));
    let doc = DeTable::parse(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        fail(
            offset,
            format!("bukan TOML yang sah: {}", e.message()),
            format!("is not valid TOML: {}", e.message()),
        )
    })?;
    let mut found = Vec::new();
    for (key, value) in doc.get_ref().iter() {
        if key.get_ref() != "accepted" {
            return Err(fail(
                key.span().start,
                format!(
                    "kunci `{}` tidak dikenal; tiap keputusan ditulis sebagai tabel [[accepted]]",
                    key.get_ref()
                ),
                format!(
                    "unknown key `{}`; each decision is written as an [[accepted]] table",
                    key.get_ref()
                ),
            ));
        }
        let items = match value.get_ref() {
            DeValue::Array(items) => items,
            _ => {
                return Err(fail(
                    key.span().start,
                    "tulis tiap keputusan sebagai tabel [[accepted]]".into(),
                    "write each decision as an [[accepted]] table".into(),
                ))
            }
        };
        for item in items.iter() {
            let (DeValue::Table(table), true) = (
                item.get_ref(),
                text[item.span()].starts_with("[[accepted]]"),
            ) else {
                return Err(fail(
                    item.span().start,
                    "tulis tiap keputusan sebagai tabel [[accepted]] (satu kunci per baris)".into(),
                    "write each decision as an [[accepted]] table (one key a line)".into(),
                ));
            };
            found.push(decision(text, item.span().start, table, &fail)?);
        }
    }
    let mut first: HashMap<&str, usize> = HashMap::new();
    for d in &found {
        if let Some(line) = first.insert(&d.target.id, d.line) {
            return Err(problem(
                path,
                Some(d.line),
                Message::new(
                    format!(
                        "id {} sudah diputuskan di baris {line}; hapus salah satunya",
                        d.target.id
                    ),
                    format!(
                        "id {} is decided already on line {line}; remove one of them",
                        d.target.id
                    ),
                ),
            ));
        }
    }
    Ok(found)
}

/// One entry, from its table starting at byte `start`.
fn decision(
    text: &str,
    start: usize,
    table: &DeTable,
    fail: &dyn Fn(usize, String, String) -> Error,
) -> Result<Decision, Error> {
    let mut values: HashMap<&str, String> = HashMap::new();
    let mut last = start;
    for (key, value) in table.iter() {
        let name = key.get_ref().as_ref();
        let Some(&known) = KEYS.iter().find(|k| **k == name) else {
            return Err(fail(
                key.span().start,
                format!(
                    "kunci `{name}` tidak dikenal; kunci yang dipakai: {}",
                    KEYS.join(", ")
                ),
                format!("unknown key `{name}`; the keys are: {}", KEYS.join(", ")),
            ));
        };
        last = last.max(value.span().end);
        let written = match value.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Datetime(d) if known == "date" => d.to_string(),
            other => {
                return Err(fail(
                    value.span().start,
                    format!(
                        "`{name}` harus teks dalam tanda petik, bukan {}",
                        other.type_str()
                    ),
                    format!("`{name}` must be text in quotes, not {}", other.type_str()),
                ))
            }
        };
        values.insert(known, written);
    }
    let line = line_of(text, start);
    for key in KEYS {
        if !values.contains_key(key) {
            return Err(fail(
                start,
                format!(
                    "keputusan ini tidak punya `{key}`; setiap keputusan memerlukan {}",
                    KEYS.join(", ")
                ),
                format!(
                    "this decision has no `{key}`; every decision needs {}",
                    KEYS.join(", ")
                ),
            ));
        }
    }
    let mut take = |key: &str| values.remove(key).unwrap_or_default();
    let target = Target {
        id: take("id"),
        code: take("code"),
        file: take("file"),
        sheet: take("sheet"),
        cell: take("cell"),
        found: take("found"),
    };
    let (reason, by, date) = (take("reason"), take("by"), take("date"));
    for (key, value) in [("reason", &reason), ("by", &by)] {
        if value.trim().is_empty() {
            return Err(fail(
                start,
                format!("`{key}` keputusan ini kosong; setiap keputusan memerlukan alasan dan nama yang memutuskan"),
                format!("this decision's `{key}` is empty; every decision needs a reason and who decided"),
            ));
        }
    }
    let Some(date) = DocumentDate::from_iso(&date) else {
        return Err(fail(
            start,
            format!("`date` keputusan ini bukan tanggal YYYY-MM-DD: {date:?}"),
            format!("this decision's `date` is not a date YYYY-MM-DD: {date:?}"),
        ));
    };
    let derived = finding_id(
        &target.code,
        &target.file,
        &target.sheet,
        &target.cell,
        &target.found,
    );
    let base = target.id.split_once('-').map_or(&*target.id, |(b, _)| b);
    if base != derived {
        return Err(fail(
            start,
            format!(
                "id {} bukan milik {} {} bernilai {:?} (idnya {derived}); salin keputusan dari kinerja accept, jangan mengubah kode, lokasi atau nilainya",
                target.id, target.code, target.place(), target.found
            ),
            format!(
                "id {} does not belong to {} {} holding {:?} (its id is {derived}); record decisions with kinerja accept rather than changing their code, place or value",
                target.id, target.code, target.place(), target.found
            ),
        ));
    }
    Ok(Decision {
        target,
        acceptance: Acceptance {
            reason: reason.trim().to_string(),
            by: by.trim().to_string(),
            date,
        },
        line,
        lines: (line, line_of(text, last)),
    })
}

/// What became of a decision in a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Its finding is there, holding the recorded value: accepted.
    Applies,
    /// Its finding is there, but its cell now holds another value: open again.
    Lapsed { now: String, id: String },
    /// No finding of its code at its place any more (the cell was corrected).
    Unmatched,
}

/// Where each decision stands against `findings`.
pub fn standing(decisions: &Decisions, findings: &[Finding]) -> Vec<Standing> {
    decisions
        .entries
        .iter()
        .map(|d| {
            if findings.iter().any(|f| f.id == d.target.id) {
                Standing::Applies
            } else if let Some(f) = findings.iter().find(|f| d.target.same_place(f)) {
                Standing::Lapsed {
                    now: f.found.clone(),
                    id: f.id.clone(),
                }
            } else {
                Standing::Unmatched
            }
        })
        .collect()
}

/// Marks the findings the decisions accept, and says which decisions no longer
/// apply: one whose cell changed (the recorded value → the current one; its
/// finding stays open) and one whose finding is gone.
pub fn apply(decisions: &Decisions, findings: &mut [Finding]) -> Vec<Message> {
    if decisions.entries.is_empty() {
        return Vec::new();
    }
    let by_id: HashMap<&str, &Decision> = decisions
        .entries
        .iter()
        .map(|d| (d.target.id.as_str(), d))
        .collect();
    let file = decisions
        .path
        .file_name()
        .map_or(FILE_NAME.into(), |n| n.to_string_lossy());
    let notes = decisions
        .entries
        .iter()
        .zip(standing(decisions, findings))
        .filter_map(|(d, standing)| {
            let t = &d.target;
            let (id, line) = (&t.id, d.line);
            match standing {
                Standing::Applies => None,
                Standing::Lapsed { now, id: new } => Some(Message::new(
                    format!(
                        "{file} baris {line}: keputusan {id} atas {} {} tidak berlaku lagi: nilainya berubah dari {} menjadi {}; temuan itu terbuka lagi (terima lagi dengan kinerja accept {new}, atau hapus dengan kinerja accept --remove {id})",
                        t.code, t.place(), shown(&t.found), shown(&now)
                    ),
                    format!(
                        "{file} line {line}: decision {id} on {} {} no longer applies: its value changed from {} to {}; the finding is open again (accept it again with kinerja accept {new}, or remove it with kinerja accept --remove {id})",
                        t.code, t.place(), shown(&t.found), shown(&now)
                    ),
                )),
                Standing::Unmatched => Some(Message::new(
                    format!(
                        "{file} baris {line}: keputusan {id} atas {} {} tidak lagi cocok dengan temuan mana pun (selnya sudah diperbaiki?); hapus dengan kinerja accept --remove {id}",
                        t.code, t.place()
                    ),
                    format!(
                        "{file} line {line}: decision {id} on {} {} matches no finding any more (was the cell corrected?); remove it with kinerja accept --remove {id}",
                        t.code, t.place()
                    ),
                )),
            }
        })
        .collect();
    for f in findings.iter_mut() {
        if let Some(d) = by_id.get(f.id.as_str()) {
            f.accepted = Some(d.acceptance.clone());
        }
    }
    notes
}

/// A value as a note quotes it; an empty one as `(kosong)`.
fn shown(value: &str) -> String {
    if value.is_empty() {
        "(kosong)".into()
    } else {
        format!("\"{value}\"")
    }
}

/// Carries the acceptances of the input's findings to the corrected data's: a
/// finding of the same code at the same place is the same finding, though a
/// correction of another rule may have changed how its value reads (`1.423`
/// typed as text is the number 1423 once corrected).
pub fn carry(input: &[Finding], corrected: &mut [Finding]) {
    let accepted: HashMap<(&str, &str, &str, String), &Acceptance> = input
        .iter()
        .filter_map(|f| {
            let a = f.accepted.as_ref()?;
            Some((
                (f.code, &*f.loc.file, &*f.loc.sheet, f.loc.cell.to_string()),
                a,
            ))
        })
        .collect();
    if accepted.is_empty() {
        return;
    }
    for f in corrected.iter_mut() {
        let key = (f.code, &*f.loc.file, &*f.loc.sheet, f.loc.cell.to_string());
        if let Some(a) = accepted.get(&key) {
            f.accepted = Some((*a).clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    /// A rule code of no rule (rule codes are quoted only in their rule's file).
    const CODE: &str = "XYZ020";

    fn finding(cell: &str, found: &str) -> Finding {
        let mut f = vec![crate::finding::example(
            CODE,
            "Capaian.xlsx",
            "Tabel 3.3",
            cell,
            found,
        )];
        crate::finding::assign_ids(&mut f);
        f.pop().unwrap()
    }

    fn acceptance(reason: &str) -> Acceptance {
        Acceptance {
            reason: reason.into(),
            by: "Budi".into(),
            date: DocumentDate {
                year: 2024,
                month: 1,
                day: 15,
            },
        }
    }

    fn refusal(text: &str) -> String {
        Decisions::parse(text.into(), Path::new("input/keputusan.toml"))
            .unwrap_err()
            .describe(crate::finding::Lang::En)
    }

    #[test]
    fn an_accepted_entry_is_written_read_back_and_removed_leaving_the_rest() {
        let mut d = Decisions::parse(String::new(), Path::new("keputusan.toml")).unwrap();
        let b6 = finding("B6", "1.423");
        let b7 = finding("B7", "221");
        d.accept(&Target::of(&b6), &acceptance("counts \"really\""))
            .unwrap();
        d.accept(&Target::of(&b7), &acceptance("counts")).unwrap();
        assert!(d.text().starts_with(HEADER));
        let text = format!("{}# our own note\n", d.text());
        let mut d = Decisions::parse(text, Path::new("keputusan.toml")).unwrap();
        assert_eq!(d.entries.len(), 2);
        assert_eq!(d.entries[0].target, Target::of(&b6));
        assert_eq!(d.entries[0].acceptance, acceptance("counts \"really\""));
        assert_eq!(d.entries[1].line, d.entries[0].line + 11);
        assert!(d.remove(&b6.id).unwrap());
        assert!(!d.remove(&b6.id).unwrap());
        assert_eq!(d.entries.len(), 1);
        assert_eq!(d.entries[0].target, Target::of(&b7));
        assert!(
            d.text().ends_with("date = 2024-01-15\n# our own note\n"),
            "{}",
            d.text()
        );
        assert!(d.text().starts_with(HEADER));
        // Accepting the same cell again replaces its decision.
        let b7_changed = finding("B7", "22");
        d.accept(&Target::of(&b7_changed), &acceptance("typo kept"))
            .unwrap();
        assert_eq!(d.entries.len(), 1);
        assert_eq!(d.entries[0].target.found, "22");
    }

    #[test]
    fn bad_entries_are_refused_with_their_line() {
        let b6 = finding("B6", "1.423");
        let good = entry_text(&Target::of(&b6), &acceptance("counts"));
        assert_eq!(
            refusal(&format!("# x\n{}alasan = \"y\"\n", good)),
            "decisions input/keputusan.toml line 12: unknown key `alasan`; the keys are: id, code, file, sheet, cell, found, reason, by, date"
        );
        assert_eq!(
            refusal(&format!("\n{}", good.replace("reason = \"counts\"\n", ""))),
            "decisions input/keputusan.toml line 2: this decision has no `reason`; every decision needs id, code, file, sheet, cell, found, reason, by, date"
        );
        assert_eq!(
            refusal(&good.replace("reason = \"counts\"", "reason = \"  \"")),
            "decisions input/keputusan.toml line 1: this decision's `reason` is empty; every decision needs a reason and who decided"
        );
        assert_eq!(
            refusal(&format!("{good}\n{good}")),
            format!("decisions input/keputusan.toml line 12: id {} is decided already on line 1; remove one of them", b6.id)
        );
        assert_eq!(
            refusal(&good.replace("found = \"1.423\"", "found = \"1.500\"")),
            format!("decisions input/keputusan.toml line 1: id {} does not belong to XYZ020 Capaian.xlsx Tabel 3.3!B6 holding \"1.500\" (its id is {}); record decisions with kinerja accept rather than changing their code, place or value", b6.id, finding("B6", "1.500").id)
        );
        assert_eq!(
            refusal(&good.replace("date = 2024-01-15", "date = \"15-01-2024\"")),
            "decisions input/keputusan.toml line 1: this decision's `date` is not a date YYYY-MM-DD: \"15-01-2024\""
        );
        assert_eq!(
            refusal("[office]\nname = 1\n"),
            "decisions input/keputusan.toml line 1: unknown key `office`; each decision is written as an [[accepted]] table"
        );
        assert!(refusal("[[accepted]\n")
            .starts_with("decisions input/keputusan.toml line 1: is not valid TOML"));
        // A date may be written as text too.
        let quoted_date = good.replace("date = 2024-01-15", "date = \"2024-01-15\"");
        assert_eq!(
            Decisions::parse(quoted_date, Path::new("k"))
                .unwrap()
                .entries[0]
                .acceptance,
            acceptance("counts")
        );
    }

    #[test]
    fn a_decision_applies_while_its_cell_holds_the_value_and_lapses_when_it_changes() {
        let mut d = Decisions::none();
        d.accept(&Target::of(&finding("B6", "1.423")), &acceptance("counts"))
            .unwrap();
        d.accept(&Target::of(&finding("B9", "221")), &acceptance("counts"))
            .unwrap();
        let mut now = vec![finding("B6", "1.423"), finding("B7", "221")];
        let notes = apply(&d, &mut now);
        assert_eq!(now[0].accepted, Some(acceptance("counts")));
        assert_eq!(now[1].accepted, None);
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].en.contains("matches no finding any more"),
            "{}",
            notes[0].en
        );
        let mut changed = vec![finding("B6", "1.500")];
        let notes = apply(&d, &mut changed);
        assert_eq!(changed[0].accepted, None);
        assert_eq!(
            notes[0].id,
            format!(
                "keputusan.toml baris 26: keputusan {} atas XYZ020 Capaian.xlsx Tabel 3.3!B6 tidak berlaku lagi: nilainya berubah dari \"1.423\" menjadi \"1.500\"; temuan itu terbuka lagi (terima lagi dengan kinerja accept {}, atau hapus dengan kinerja accept --remove {})",
                d.entries[0].target.id, changed[0].id, d.entries[0].target.id
            )
        );
        // The corrected data's finding at the same place inherits the acceptance.
        let mut corrected = vec![finding("B6", "1423")];
        carry(&now, &mut corrected);
        assert_eq!(corrected[0].accepted, Some(acceptance("counts")));
    }

    #[test]
    fn a_file_saved_with_a_byte_order_mark_reads_and_a_missing_one_holds_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        assert!(Decisions::load(&path).unwrap().is_empty());
        let mut d = Decisions::load(&path).unwrap();
        d.accept(&Target::of(&finding("B6", "1.423")), &acceptance("counts"))
            .unwrap();
        std::fs::write(&path, format!("\u{feff}{}", d.text())).unwrap();
        let read = Decisions::load(&path).unwrap();
        assert_eq!(read.entries, d.entries);
        read.save().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), d.text());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn a_decision_about_a_file_not_among_the_inputs_is_refused() {
        let mut d = Decisions::none();
        d.path = PathBuf::from("in/keputusan.toml");
        d.accept(&Target::of(&finding("B6", "1.423")), &acceptance("counts"))
            .unwrap();
        assert!(d.check_files(&|f| f == "Capaian.xlsx").is_ok());
        let e = d.check_files(&|f| f == "Lain.xlsx").unwrap_err();
        assert_eq!(
            e.describe(crate::finding::Lang::Id),
            format!("keputusan in/keputusan.toml baris 26: keputusan {0} menyangkut berkas \"Capaian.xlsx\", yang tidak ada di antara masukan; sertakan berkas itu, atau hapus keputusannya dengan kinerja accept --remove {0}", d.entries[0].target.id)
        );
    }
}
