//! IDT003 near-duplicate-name: a kecamatan or kabupaten spelled two ways.

use super::typos::{typos, Spelling};
use crate::check::villages::Keys;
use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Correction, Finding, Message, NewValue, Safety, Severity};
use crate::hash::FxHashMap;
use crate::model::idm::{Text, Village};

/// A text field of a village.
type Field = fn(&Village) -> Option<&Text>;
/// The key of a text field.
type Key = fn(&Keys) -> u32;

pub const RULE: Rule = Rule {
    code: "IDT003",
    name: "near-duplicate-name",
    severity: Severity::Warning,
    title: "A kecamatan or kabupaten spelled two ways",
    judul: "Nama kecamatan atau kabupaten ditulis dengan dua ejaan",
    doc: include_str!("idt003.md").trim_ascii_end(),
    fixes: Fixes::Safe,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    let k = ctx.cfg.tolerances.kecamatan_max_edits;
    if k == 0 {
        return;
    }
    for (i, list) in ctx.villages.lists.iter().enumerate() {
        let table = list.tables[0].table;
        let villages: Vec<(&Village, &Keys)> = list
            .villages()
            .map(|(_, v)| v)
            .zip(ctx.villages.keys(i))
            .collect();
        let columns: [(&str, Field, Field, Key, Key); 2] = [
            (
                "kecamatan",
                |v| v.kecamatan.as_ref(),
                |v| v.kode_kecamatan.as_ref(),
                |k| k.kecamatan,
                |k| k.kabupaten,
            ),
            (
                "kabupaten",
                |v| v.kabupaten.as_ref(),
                |v| v.kode_kabupaten.as_ref(),
                |k| k.kabupaten,
                |k| k.provinsi,
            ),
        ];
        for (what, field, code, key, scope) in columns {
            // Spellings are compared normalized (ignoring case and punctuation),
            // within the place above: ids of the shared keys.
            let mut scopes: Vec<Vec<Spelling>> = Vec::new();
            let mut scope_index: FxHashMap<u32, usize> = FxHashMap::default();
            let mut spelling_index: FxHashMap<(usize, u32), usize> = FxHashMap::default();
            for (v, k) in &villages {
                let Some(t) = field(v) else { continue };
                let n = key(k);
                if n == 0 {
                    continue;
                }
                let pos = *scope_index.entry(scope(k)).or_insert_with(|| {
                    scopes.push(Vec::new());
                    scopes.len() - 1
                });
                let spellings = &mut scopes[pos];
                let i = *spelling_index.entry((pos, n)).or_insert_with(|| {
                    spellings.push(Spelling {
                        norm: ctx.villages.text(n),
                        cells: Vec::new(),
                        codes: Default::default(),
                    });
                    spellings.len() - 1
                });
                spellings[i].cells.push(t);
                if let Some(c) = code(v) {
                    let digits: String = c.text.chars().filter(char::is_ascii_digit).collect();
                    if !digits.is_empty() {
                        spellings[i].codes.insert(digits);
                    }
                }
            }
            for spellings in &scopes {
                for (a, b) in typos(spellings, k) {
                    let (minor, major) = (&spellings[a], &spellings[b]);
                    if minor.other_region_than(major) {
                        continue;
                    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, findings, only, sheet};

    #[test]
    fn a_kecamatan_misspelled_once() {
        let f = &only(
            &RULE,
            &[sheet(
                "IDM 2023",
                &[
                    &["NO", "KECAMATAN", "NAMA DESA", "IDM", "STATUS"],
                    &["1", "UMPU SEMENGIK", "GEDUNG JAYA", "0.6611", "BERKEMBANG"],
                    &["2", "UMPU SEMENGIK", "SRI REJEKI", "0.6702", "BERKEMBANG"],
                    &[
                        "3",
                        "UMPU SEMENGGUK",
                        "TANJUNG AGUNG",
                        "0.6840",
                        "BERKEMBANG",
                    ],
                    &[
                        "4",
                        "UMPU SEMENGIK",
                        "BERINGIN JAYA",
                        "0.6512",
                        "BERKEMBANG",
                    ],
                    &["5", "BAHUGA", "BUMI HARJO", "0.6512", "BERKEMBANG"],
                    &["6", "BUAY BAHUGA", "BUMI HARJO", "0.6512", "BERKEMBANG"],
                ],
            )],
        );
        assert_finding(
            f,
            "IDT003",
            "IDM 2023!B4",
            "UMPU SEMENGGUK",
            Some("UMPU SEMENGIK"),
        );
        assert_eq!(f.fix.len(), 1);
        assert_eq!(f.fix[0].value, NewValue::Text("UMPU SEMENGIK".into()));
    }

    #[test]
    fn two_kecamatan_alike_but_of_their_own_codes_are_no_typo() {
        // Kabupaten Serang has both CIOMAS and CIRUAS, each with its code.
        let rows: &[&[&str]] = &[
            &[
                "KODE KEC",
                "NAMA KECAMATAN",
                "KODE DESA",
                "NAMA DESA",
                "NILAI IDM",
                "STATUS IDM",
            ],
            &[
                "'360411",
                "CIRUAS",
                "'3604112001",
                "A",
                "0.6611",
                "BERKEMBANG",
            ],
            &[
                "'360411",
                "CIRUAS",
                "'3604112002",
                "B",
                "0.6611",
                "BERKEMBANG",
            ],
            &[
                "'360411",
                "CIRUAS",
                "'3604112003",
                "C",
                "0.6611",
                "BERKEMBANG",
            ],
            &[
                "'360413",
                "CIOMAS",
                "'3604132001",
                "D",
                "0.6611",
                "BERKEMBANG",
            ],
            &[
                "'360413",
                "CIOMAS",
                "'3604132002",
                "E",
                "0.6611",
                "BERKEMBANG",
            ],
        ];
        assert_eq!(findings(&RULE, &[sheet("IDM", rows)]), vec![]);
        // The same spelling under the other one's code is a typo all the same.
        let typo: &[&[&str]] = &[
            rows[0],
            rows[1],
            rows[2],
            rows[3],
            &[
                "'360411",
                "CIRUSA",
                "'3604112004",
                "D",
                "0.6611",
                "BERKEMBANG",
            ],
        ];
        let f = &only(&RULE, &[sheet("IDM", typo)]);
        assert_finding(f, "IDT003", "IDM!B5", "CIRUSA", Some("CIRUAS"));
    }
}
