//! Identity family: rows are who they say they are. Numbering without gaps or
//! repeats, no village listed twice, one spelling per kecamatan, no blank
//! required cell.

use super::{Context, Fixes, Handling, Rule};
use crate::cell::CellRef;
use crate::finding::{Correction, Finding, Loc, Message, NewValue, Safety, Severity};
use crate::model::idm::{Text, Village};
use crate::read::{Table, Value};
use crate::table::{normalize_header, push_normalized, Col, TableKind};
use rust_decimal::prelude::*;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

pub static RULES: &[Rule] = &[
    Rule {
        code: "IDT001",
        name: "numbering",
        severity: Severity::Warning,
        title: "Row numbers skip or repeat",
        judul: "Nomor urut baris terlompat atau berulang",
        doc: "Checks, in every table with a NO column (except the outline-numbered spending \
summary), that the numbered rows run 1, 2, 3 … without gaps or repeats. Numbers may be \
written `1`, `1.`, `(1)` or `1)`; rows with a blank NO (continuation rows, JUMLAH rows) and \
rows numbered otherwise (`a.`, `1.1`) are not counted. Numbering may start again at 1 for a \
new block (a 1 followed by 2); a table that continues one just above it on the same sheet may \
continue its numbers. Each break is one finding, at the first row where the sequence breaks; \
the rows after it that are off by the same slip belong to the same finding.\n\n\
Why: a repeated or skipped number usually means a row was copied twice or deleted, and the \
count the report states (\"221 kampung\") no longer matches the list.\n\n\
## Example\n`IDM 2023!B9` says `4` after `4` in `B8`: the finding expects `5`.\n\n\
## Fix\nSafe: the rows from the break on are renumbered in the way they were written \
(`5`, `5.`, `(5)`).",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: numbering,
    },
    Rule {
        code: "IDT002",
        name: "duplicate-row",
        severity: Severity::Error,
        title: "A village is listed twice",
        judul: "Desa tercantum dua kali",
        doc: "Checks that no village appears twice in a village table: the same name in the same \
kecamatan (and kabupaten and province, where the table has them), compared ignoring case, \
spaces and punctuation, where a row has no KODE DESA; or the same KODE DESA under the same name (one code under two names is KOD003). The finding points at the second row and \
names the first.\n\n\
Why: a copied row counts the village twice in every status count and total.\n\n\
## Example\n`IDM 2023!C35` repeats `SANGKARAN BHAKTI` of BLAMBANGAN UMPU, already in row 34.\n\n\
## Fix\nNone: a person must decide which row to keep (the other may be a village typed \
over).",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: duplicate,
    },
    Rule {
        code: "IDT003",
        name: "near-duplicate-name",
        severity: Severity::Warning,
        title: "A kecamatan or kabupaten spelled two ways",
        judul: "Nama kecamatan atau kabupaten ditulis dengan dua ejaan",
        doc: "In a village table, the kecamatan column (and the kabupaten column, when present) \
holds a small set of names. A spelling within `tolerances.kecamatan_max_edits` letter edits \
(Damerau–Levenshtein, on names compared ignoring case and punctuation, only names of 6 \
letters or more) of a more frequent spelling is reported as a typo of it, once per minority \
spelling: the finding points at its first cell and lists its other cells. Kecamatan are \
compared within their kabupaten when the table has one.\n\n\
## Example\n`IDM 2023!D128` says `UMPU SEMENGGUK` (4 rows) while 9 rows say `UMPU SEMENGIK`: \
the finding expects `UMPU SEMENGIK`. `BAHUGA` and `BUAY BAHUGA` are two kecamatan and are \
far apart.\n\n\
## Fix\nSafe: every cell of the minority spelling gets the majority spelling.\n\n\
Config: `tolerances.kecamatan_max_edits`.",
        fixes: Fixes::Safe,
        handling: Handling::DERIVED,
        check: near_duplicate,
    },
    Rule {
        code: "IDT004",
        name: "blank-required",
        severity: Severity::Warning,
        title: "A village row lacks its name, kecamatan, IDM or status",
        judul: "Baris desa tanpa nama, kecamatan, IDM, atau status",
        doc: "Checks that every village row has a name, a kecamatan, an IDM value and a status. \
The finding points at the first blank cell and names all blank ones.\n\n\
Why: a row without its IDM or status drops out of the status counts; one without a name \
cannot be matched with the ministry's list.\n\n\
## Example\n`IDM 2023!F40` is blank while `E40` holds 0.7319: the village has no status.\n\n\
## Fix\nNone here (THR001 gives the status where the IDM is known).",
        fixes: Fixes::No,
        handling: Handling::DERIVED,
        check: blank_required,
    },
];

/// A row number as offices write it: `1`, `1.`, `(1)`, `1)`; with how to write another.
fn row_number(value: &Value) -> Option<(u32, &'static str, &'static str, bool)> {
    match value {
        Value::Number { value, .. } => (value.fract().is_zero() && *value >= Decimal::ONE)
            .then(|| value.to_u32())
            .flatten()
            .map(|n| (n, "", "", true)),
        Value::Text(t) => {
            let t = t.trim();
            let (prefix, rest) = t.strip_prefix('(').map_or(("", t), |r| ("(", r));
            let (digits, suffix) = match rest.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => rest.split_at(i),
                None => (rest, ""),
            };
            let suffix = match (prefix, suffix.trim()) {
                ("(", ")") => ")",
                ("", "") => "",
                ("", ".") => ".",
                ("", ")") => ")",
                _ => return None,
            };
            if digits.is_empty() || digits.len() > 6 {
                return None;
            }
            let n: u32 = digits.parse().ok()?;
            (n >= 1).then_some((n, prefix, suffix, false))
        }
        _ => None,
    }
}

struct Numbered {
    at: CellRef,
    n: u32,
    written: String,
    prefix: &'static str,
    suffix: &'static str,
    number: bool,
}

fn numbered_rows(table: &Table) -> Vec<Numbered> {
    let Some(col) = table.column(Col::No) else {
        return Vec::new();
    };
    table
        .rows
        .iter()
        .filter_map(|r| r.at(col.index))
        .filter_map(|c| {
            let (n, prefix, suffix, number) = row_number(&c.value)?;
            Some(Numbered {
                at: c.at,
                n,
                written: c.written(),
                prefix,
                suffix,
                number,
            })
        })
        .collect()
}

/// Every break of a numbering that should start at `start`: for each run of rows
/// that do not carry their expected number, (position, expected number) of each.
/// A new block starts where a 1 is followed by a 2.
fn breaks(nums: &[u32], start: u32) -> Vec<Vec<(usize, u32)>> {
    let mut out: Vec<Vec<(usize, u32)>> = Vec::new();
    let mut expected = start;
    let mut in_run = false;
    for (i, &n) in nums.iter().enumerate() {
        if n != expected && n == 1 && nums.get(i + 1) == Some(&2) {
            expected = 1;
        }
        if n == expected {
            in_run = false;
        } else {
            if !in_run {
                out.push(Vec::new());
                in_run = true;
            }
            if let Some(run) = out.last_mut() {
                run.push((i, expected));
            }
        }
        expected += 1;
    }
    out
}

fn numbering(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    // The last number of the previous table of each kind and sheet, for tables
    // continued below a repeated header.
    let mut last_of: HashMap<(TableKind, &str, &str), (u32, u32)> = HashMap::new();
    for table in &ctx.reading.tables {
        if table.kind == TableKind::Pembiayaan {
            continue;
        }
        let rows = numbered_rows(table);
        let key = (table.kind, table.file.as_str(), table.sheet.as_str());
        let Some(first) = rows.first() else { continue };
        let start = match last_of.get(&key) {
            Some(&(last, end_row)) if first.n == last + 1 && end_row < table.range.first.row => {
                first.n
            }
            _ => 1,
        };
        last_of.insert(key, (rows.last().map_or(0, |r| r.n), table.range.last.row));
        let nums: Vec<u32> = rows.iter().map(|r| r.n).collect();
        for renumber in breaks(&nums, start) {
            numbering_finding(rule, table, &rows, &renumber, out);
        }
    }
}

/// One break: the finding at its first row, renumbering the rows of the run.
fn numbering_finding(
    rule: &Rule,
    table: &Table,
    rows: &[Numbered],
    renumber: &[(usize, u32)],
    out: &mut Vec<Finding>,
) {
    let Some(&(i, expected)) = renumber.first() else {
        return;
    };
    let at = &rows[i];
    let prev = i.checked_sub(1).map(|p| &rows[p]);
    let loc = Loc::cell(
        &table.file.as_str().into(),
        &table.sheet.as_str().into(),
        at.at,
    );
    let after_id = prev
        .map(|p| format!(" setelah {} di {}", p.written, p.at))
        .unwrap_or_default();
    let after_en = prev
        .map(|p| format!(" after {} in {}", p.written, p.at))
        .unwrap_or_default();
    let message = Message::new(
        format!(
            "nomor urut {}{after_id} pada tabel {} seharusnya {expected}; {} baris dinomori ulang",
            at.written,
            table.kind.title(),
            renumber.len()
        ),
        format!(
            "row number {}{after_en} in table {} should be {expected}; {} rows are renumbered",
            at.written,
            table.kind.name(),
            renumber.len()
        ),
    );
    let fix = renumber
        .iter()
        .map(|&(j, e)| {
            let r = &rows[j];
            let value = if r.number {
                NewValue::Number(Decimal::from(e))
            } else {
                NewValue::Text(format!("{}{e}{}", r.prefix, r.suffix))
            };
            Correction {
                cell: r.at,
                value,
                safety: Safety::Safe,
            }
        })
        .collect();
    let related = prev
        .map(|p| vec![Loc::cell(&loc.file, &loc.sheet, p.at)])
        .unwrap_or_default();
    out.push(
        rule.finding(loc, message, at.written.clone())
            .expect(expected.to_string())
            .related(related)
            .fix(fix),
    );
}

/// A village's name, kecamatan, kabupaten and provinsi as one key, each compared
/// as header words are (one allocation per village: this runs on every row).
fn name_key(v: &Village) -> String {
    let mut key = String::new();
    for t in [&v.name, &v.kecamatan, &v.kabupaten, &v.provinsi] {
        if let Some(t) = t {
            push_normalized(&mut key, &t.text);
        }
        key.push('\u{1}');
    }
    key
}

fn duplicate(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for list in m.idm.lists(&m.tables) {
        let mut by_name: HashMap<String, (usize, &Village)> = HashMap::new();
        let mut by_code: HashMap<String, (usize, &Village)> = HashMap::new();
        for vt in &list.tables {
            for v in &vt.villages {
                let mut first: Option<((usize, &Village), bool)> = None;
                // Judged by code where there is one: two coded rows of one name are
                // two villages (a national file has namesakes); one code under two
                // names is KOD003's.
                if v.name.is_some() {
                    match by_name.entry(name_key(v)) {
                        Entry::Occupied(f) if v.kode.is_none() || f.get().1.kode.is_none() => {
                            first = Some((*f.get(), false))
                        }
                        Entry::Occupied(_) => {}
                        Entry::Vacant(e) => drop(e.insert((vt.table, v))),
                    }
                }
                if let Some(kode) = v
                    .kode
                    .as_ref()
                    .map(|k| normalize_header(&k.text))
                    .filter(|k| !k.is_empty())
                {
                    match by_code.entry(kode) {
                        Entry::Occupied(f)
                            if first.is_none() && name_key(f.get().1) == name_key(v) =>
                        {
                            first = Some((*f.get(), true))
                        }
                        Entry::Occupied(_) => {}
                        Entry::Vacant(e) => drop(e.insert((vt.table, v))),
                    }
                }
                let Some(((ft, fv), by_kode)) = first else {
                    continue;
                };
                let here = if by_kode {
                    v.kode.as_ref()
                } else {
                    v.name.as_ref()
                }
                .expect("keyed by it");
                let there = if by_kode {
                    fv.kode.as_ref()
                } else {
                    fv.name.as_ref()
                }
                .expect("keyed by it");
                let what_id = if by_kode {
                    format!("kode desa {}", here.text)
                } else {
                    format!("desa {}", here.text)
                };
                let what_en = if by_kode {
                    format!("village code {}", here.text)
                } else {
                    format!("village {}", here.text)
                };
                let message = Message::new(
                    format!(
                        "{what_id} (kecamatan {}) tercantum dua kali: juga di baris {}",
                        v.kecamatan_text(),
                        fv.row + 1
                    ),
                    format!(
                        "{what_en} (kecamatan {}) is listed twice: also in row {}",
                        v.kecamatan_text(),
                        fv.row + 1
                    ),
                );
                out.push(
                    rule.finding(m.loc(vt.table, here.at), message, here.text.to_string())
                        .related(vec![m.loc(ft, there.at)]),
                );
            }
        }
    }
}

/// A text field of a village.
type Field = fn(&Village) -> Option<&Text>;

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// Every string made of `s` with up to `k` characters deleted.
fn deletions(s: &str, k: usize, into: &mut HashSet<String>) {
    into.insert(s.to_string());
    if k == 0 {
        return;
    }
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len() {
        let shorter: String = chars
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, c)| *c)
            .collect();
        if k > 1 || !into.contains(&shorter) {
            deletions(&shorter, k - 1, into);
        }
    }
}

/// The names of one column in one scope, by spelling: (normalized, cells).
struct Spelling<'a> {
    norm: String,
    cells: Vec<&'a Text>,
}

type Candidates = HashMap<usize, HashSet<usize>>;

/// Every pair (less frequent → more frequent spelling) whose lengths allow `k` edits.
fn pairs_by_length(spellings: &[Spelling], eligible: &[usize], k: usize) -> Candidates {
    let len: HashMap<usize, usize> = eligible
        .iter()
        .map(|&i| (i, spellings[i].norm.chars().count()))
        .collect();
    let mut out = Candidates::new();
    for &a in eligible {
        for &b in eligible {
            if spellings[b].cells.len() > spellings[a].cells.len() && len[&a].abs_diff(len[&b]) <= k
            {
                out.entry(a).or_default().insert(b);
            }
        }
    }
    out
}

/// The pairs (less frequent → more frequent spelling) that share a variant with up
/// to `k` letters deleted: every pair within `k` edits, and few others.
fn pairs_by_deletions(spellings: &[Spelling], eligible: &[usize], k: usize) -> Candidates {
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in eligible {
        let mut set = HashSet::new();
        deletions(&spellings[i].norm, k, &mut set);
        for d in set {
            index.entry(d).or_default().push(i);
        }
    }
    let mut out = Candidates::new();
    for ids in index.values().filter(|v| v.len() > 1) {
        for &a in ids {
            for &b in ids {
                if spellings[b].cells.len() > spellings[a].cells.len() {
                    out.entry(a).or_default().insert(b);
                }
            }
        }
    }
    out
}

/// Up to this many names in one scope, every pair is compared; above, candidates
/// come from shared deletion variants.
const PAIRWISE_MAX: usize = 64;

/// For each spelling, the more frequent spelling it is a typo of (index), found
/// among every pair in a small scope or through shared deletion variants in a large
/// one (no pair of names compared twice), verified by Damerau–Levenshtein.
fn typos(spellings: &[Spelling], k: usize) -> Vec<(usize, usize)> {
    let eligible: Vec<usize> = (0..spellings.len())
        .filter(|&i| letters(&spellings[i].norm) >= 6)
        .collect();
    let k = k.min(3);
    let candidates = if eligible.len() <= PAIRWISE_MAX {
        // A scope of a few dozen names: comparing every pair is cheaper than indexing.
        pairs_by_length(spellings, &eligible, k)
    } else {
        pairs_by_deletions(spellings, &eligible, k)
    };
    let mut out = Vec::new();
    for (a, bs) in candidates {
        let best = bs
            .into_iter()
            .map(|b| {
                (
                    strsim::damerau_levenshtein(&spellings[a].norm, &spellings[b].norm),
                    b,
                )
            })
            .filter(|(d, _)| *d <= k)
            .min_by_key(|&(d, b)| (d, std::cmp::Reverse(spellings[b].cells.len()), b));
        if let Some((_, b)) = best {
            out.push((a, b));
        }
    }
    out.sort();
    out
}

fn near_duplicate(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    let k = ctx.cfg.tolerances.kecamatan_max_edits;
    if k == 0 {
        return;
    }
    for list in m.idm.lists(&m.tables) {
        let table = list.tables[0].table;
        let villages: Vec<&Village> = list.villages().map(|(_, v)| v).collect();
        let columns: [(&str, Field, Field); 2] = [
            (
                "kecamatan",
                |v| v.kecamatan.as_ref(),
                |v| v.kabupaten.as_ref(),
            ),
            (
                "kabupaten",
                |v| v.kabupaten.as_ref(),
                |v| v.provinsi.as_ref(),
            ),
        ];
        for (what, field, scope) in columns {
            // Scope → spelling → cells, in reading order.
            let mut scopes: Vec<Vec<Spelling>> = Vec::new();
            let mut scope_index: HashMap<String, usize> = HashMap::new();
            let mut spelling_index: HashMap<(usize, String), usize> = HashMap::new();
            for v in &villages {
                let Some(t) = field(v) else { continue };
                let n = normalize_header(&t.text);
                if n.is_empty() {
                    continue;
                }
                let s = scope(v)
                    .map(|s| normalize_header(&s.text))
                    .unwrap_or_default();
                let pos = *scope_index.entry(s).or_insert_with(|| {
                    scopes.push(Vec::new());
                    scopes.len() - 1
                });
                let spellings = &mut scopes[pos];
                match spelling_index.get(&(pos, n.clone())) {
                    Some(&i) => spellings[i].cells.push(t),
                    None => {
                        spelling_index.insert((pos, n.clone()), spellings.len());
                        spellings.push(Spelling {
                            norm: n,
                            cells: vec![t],
                        });
                    }
                }
            }
            for spellings in &scopes {
                for (a, b) in typos(spellings, k) {
                    let (minor, major) = (&spellings[a], &spellings[b]);
                    let first = minor.cells[0];
                    let right = &major.cells[0].text;
                    let message = Message::new(
                        format!(
                            "{what} {} ({} baris) tampaknya salah ketik dari {right} ({} baris)",
                            first.text,
                            minor.cells.len(),
                            major.cells.len()
                        ),
                        format!(
                            "{what} {} ({} rows) looks like a typo of {right} ({} rows)",
                            first.text,
                            minor.cells.len(),
                            major.cells.len()
                        ),
                    );
                    let fix = minor
                        .cells
                        .iter()
                        .map(|t| Correction {
                            cell: t.at,
                            value: NewValue::Text(right.to_string()),
                            safety: Safety::Safe,
                        })
                        .collect();
                    out.push(
                        rule.finding(m.loc(table, first.at), message, first.text.to_string())
                            .expect(right.to_string())
                            .related(
                                minor.cells[1..]
                                    .iter()
                                    .map(|t| m.loc(table, t.at))
                                    .collect(),
                            )
                            .fix(fix),
                    );
                }
            }
        }
    }
}

fn blank_required(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for vt in &m.idm.villages {
        for v in &vt.villages {
            let blank: Vec<(Col, &str, &str)> = [
                (Col::Desa, v.name.is_none(), "nama desa", "village name"),
                (
                    Col::Kecamatan,
                    v.kecamatan.is_none(),
                    "kecamatan",
                    "kecamatan",
                ),
                (Col::Idm, v.idm.is_none(), "IDM", "IDM"),
                (Col::Status, v.status.is_none(), "status", "status"),
            ]
            .into_iter()
            .filter(|(col, b, _, _)| *b && vt.columns.contains_key(col))
            .map(|(col, _, id, en)| (col, id, en))
            .collect();
            let Some(&(col, _, _)) = blank.first() else {
                continue;
            };
            let Some(at) = vt.cell(col, v.row) else {
                continue;
            };
            let ids: Vec<&str> = blank.iter().map(|b| b.1).collect();
            let ens: Vec<&str> = blank.iter().map(|b| b.2).collect();
            let who = v
                .name
                .as_ref()
                .map_or_else(|| format!("baris {}", v.row + 1), |n| n.text.to_string());
            let who_en = v
                .name
                .as_ref()
                .map_or_else(|| format!("row {}", v.row + 1), |n| n.text.to_string());
            let message = Message::new(
                format!("{who}: {} kosong", ids.join(", ")),
                format!("{who_en}: {} blank", ens.join(", ")),
            );
            out.push(rule.finding(m.loc(vt.table, at), message, ""));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: &str) -> Option<u32> {
        row_number(&Value::Text(v.into())).map(|x| x.0)
    }

    #[test]
    fn row_numbers_as_written() {
        assert_eq!(n("1"), Some(1));
        assert_eq!(n("12."), Some(12));
        assert_eq!(n("(3)"), Some(3));
        assert_eq!(n("4)"), Some(4));
        assert_eq!(n("a."), None);
        assert_eq!(n("1.1"), None);
        assert_eq!(n("I"), None);
        assert_eq!(n("JUMLAH"), None);
        assert_eq!(
            row_number(&Value::Number {
                value: Decimal::from(7)
            })
            .map(|x| x.0),
            Some(7)
        );
        assert_eq!(
            row_number(&Value::Number {
                value: Decimal::new(15, 1)
            }),
            None
        );
    }

    #[test]
    fn numbering_breaks() {
        let none: Vec<Vec<(usize, u32)>> = vec![];
        assert_eq!(breaks(&[1, 2, 3, 4], 1), none);
        assert_eq!(breaks(&[1, 2, 4, 4, 5], 1), vec![vec![(2, 3)]]);
        assert_eq!(breaks(&[1, 2, 3, 3, 5], 1), vec![vec![(3, 4)]]);
        // A deleted row shifts every number after it: one break.
        assert_eq!(breaks(&[1, 2, 4, 5], 1), vec![vec![(2, 3), (3, 4)]]);
        // Two separate slips: two breaks, each at its own row.
        assert_eq!(
            breaks(&[1, 2, 2, 4, 5, 6, 6, 8], 1),
            vec![vec![(2, 3)], vec![(6, 7)]]
        );
        // A new block of numbering, and a break inside the second block.
        assert_eq!(breaks(&[1, 2, 1, 2, 3], 1), none);
        assert_eq!(breaks(&[1, 2, 1, 2, 2], 1), vec![vec![(4, 3)]]);
        assert_eq!(breaks(&[1, 2, 3, 1, 5], 1), vec![vec![(3, 4)]]);
        // A continued table.
        assert_eq!(breaks(&[30, 31], 30), none);
    }

    #[test]
    fn deletion_variants() {
        let mut set = HashSet::new();
        deletions("abc", 1, &mut set);
        let mut v: Vec<&str> = set.iter().map(String::as_str).collect();
        v.sort();
        assert_eq!(v, vec!["ab", "abc", "ac", "bc"]);
    }

    fn spellings<'a>(cells: &'a [Text], names: &[(&str, usize)]) -> Vec<Spelling<'a>> {
        names
            .iter()
            .map(|(n, c)| Spelling {
                norm: n.to_string(),
                cells: cells.iter().take(*c).collect(),
            })
            .collect()
    }

    #[test]
    fn kecamatan_typos_of_the_seed() {
        let cells: Vec<Text> = (0..20)
            .map(|i| Text {
                at: CellRef::new(i, 0),
                text: "".into(),
            })
            .collect();
        let names = [
            ("UMPU SEMENGIK", 9),
            ("UMPU SEMENGGUK", 4),
            ("BAHUGA", 11),
            ("BUAY BAHUGA", 9),
            ("NEGERI AGUNG", 19),
            ("NEGERI BESAR", 13),
            ("NEGARA BATIN", 15),
            ("KASUI", 18),
            ("BANJIT", 19),
            ("BUMI AGUNG", 10),
        ];
        let s = spellings(&cells, &names);
        assert_eq!(typos(&s, 2), vec![(1, 0)]);
        // Transpositions count as one edit.
        let s = spellings(&cells, &[("BARADATU", 5), ("BRAADATU", 1)]);
        assert_eq!(typos(&s, 1), vec![(1, 0)]);
        // Equal counts: no majority, no finding.
        let s = spellings(&cells, &[("BARADATU", 2), ("BARADATA", 2)]);
        assert_eq!(typos(&s, 2), vec![]);
    }

    /// Small scopes compare every pair, large ones index deletion variants: both
    /// must keep every pair within `k` edits.
    #[test]
    fn both_candidate_searches_keep_every_close_pair() {
        let cells: Vec<Text> = (0..8)
            .map(|i| Text {
                at: CellRef::new(i, 0),
                text: "".into(),
            })
            .collect();
        let mut x: u32 = 7;
        let mut next = |n: u32| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (x >> 16) % n
        };
        let names: Vec<(String, usize)> = (0..120)
            .map(|_| {
                let len = 6 + next(4) as usize;
                let name: String = (0..len).map(|_| char::from(b'A' + next(3) as u8)).collect();
                (name, 1 + next(7) as usize)
            })
            .collect();
        let names: Vec<(&str, usize)> = names.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        let s = spellings(&cells, &names);
        let eligible: Vec<usize> = (0..s.len()).collect();
        for k in 1..=2 {
            let close = |c: Candidates| -> Vec<(usize, usize)> {
                let mut v: Vec<(usize, usize)> = c
                    .into_iter()
                    .flat_map(|(a, bs)| bs.into_iter().map(move |b| (a, b)))
                    .filter(|&(a, b)| strsim::damerau_levenshtein(&s[a].norm, &s[b].norm) <= k)
                    .collect();
                v.sort();
                v
            };
            let by_length = close(pairs_by_length(&s, &eligible, k));
            assert!(!by_length.is_empty());
            assert_eq!(
                by_length,
                close(pairs_by_deletions(&s, &eligible, k)),
                "k = {k}"
            );
        }
    }
}
