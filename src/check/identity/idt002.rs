//! IDT002 duplicate-row: no village listed twice.

use crate::check::{Context, Fixes, Handling, Rule};
use crate::finding::{Finding, Message, Severity};
use crate::hash::FxHashMap;
use crate::model::idm::Village;
use std::collections::hash_map::Entry;

pub const RULE: Rule = Rule {
    code: "IDT002",
    name: "duplicate-row",
    severity: Severity::Error,
    title: "A village is listed twice",
    judul: "Desa tercantum dua kali",
    doc: include_str!("idt002.md").trim_ascii_end(),
    fixes: Fixes::No,
    handling: Handling::DERIVED,
    check,
};

fn check(rule: &Rule, ctx: &Context, out: &mut Vec<Finding>) {
    let m = ctx.model;
    for (i, list) in ctx.villages.lists.iter().enumerate() {
        // By the name with its kecamatan, kabupaten and province, and by the code,
        // each normalized (ignoring case and punctuation): ids of the shared keys.
        type Place = (u32, u32, u32, u32);
        let mut by_name: FxHashMap<Place, (usize, &Village, Place)> =
            FxHashMap::with_capacity_and_hasher(list.len(), Default::default());
        let mut by_code: FxHashMap<u32, (usize, &Village, Place)> =
            FxHashMap::with_capacity_and_hasher(list.len(), Default::default());
        let mut keys = ctx.villages.keys(i).iter();
        for vt in &list.tables {
            for v in &vt.villages {
                let k = keys.next().expect("a key per village");
                let place = k.place();
                let mut first: Option<((usize, &Village), bool)> = None;
                // Judged by code where there is one: two coded rows of one name are
                // two villages (a national file has namesakes); one code under two
                // names is KOD003's.
                if v.name.is_some() {
                    match by_name.entry(place) {
                        Entry::Occupied(f) if v.kode.is_none() || f.get().1.kode.is_none() => {
                            let (t, fv, _) = *f.get();
                            first = Some(((t, fv), false))
                        }
                        Entry::Occupied(_) => {}
                        Entry::Vacant(e) => drop(e.insert((vt.table, v, place))),
                    }
                }
                // Key 0: no code, or one that normalizes to nothing.
                if k.kode != 0 {
                    match by_code.entry(k.kode) {
                        Entry::Occupied(f) if first.is_none() && f.get().2 == place => {
                            let (t, fv, _) = *f.get();
                            first = Some(((t, fv), true))
                        }
                        Entry::Occupied(_) => {}
                        Entry::Vacant(e) => drop(e.insert((vt.table, v, place))),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finding, only, sheet};

    #[test]
    fn a_village_copied_into_the_next_row() {
        let f = &only(
            &RULE,
            &[sheet(
                "IDM 2023",
                &[
                    &["NO", "KECAMATAN", "NAMA DESA", "IDM", "STATUS"],
                    &[
                        "1",
                        "BLAMBANGAN UMPU",
                        "SANGKARAN BHAKTI",
                        "0.6611",
                        "BERKEMBANG",
                    ],
                    &[
                        "2",
                        "BLAMBANGAN UMPU",
                        "Sangkaran Bhakti.",
                        "0.6611",
                        "BERKEMBANG",
                    ],
                    &["3", "KASUI", "SANGKARAN BHAKTI", "0.7512", "MAJU"],
                ],
            )],
        );
        assert_finding(f, "IDT002", "IDM 2023!C3", "Sangkaran Bhakti.", None);
        assert_eq!(f.related[0].cell.to_string(), "C2");
        assert!(
            f.message.en.ends_with("is listed twice: also in row 2"),
            "{}",
            f.message.en
        );
    }
}
